/* dm-graph-query.c — which part of the corpus a graph shows: focus, depth and filters
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-query"

#include "config.h"

#include "dm-graph-query.h"

DmGraphQuery *
dm_graph_query_new (void)
{
  DmGraphQuery *self;

  self = g_new0 (DmGraphQuery, 1);
  self->focus_actor = 0;
  self->depth = 1;
  self->class_mask = DM_ALL_CLASSES;
  self->type_mask = DM_ALL_ACTOR_TYPES;
  self->excluded_articles = NULL;
  self->date_from = NULL;
  self->date_to = NULL;
  self->min_evidence = 1;
  self->per_pair = FALSE;
  self->max_nodes = 0;
  return self;
}

DmGraphQuery *
dm_graph_query_copy (const DmGraphQuery *query)
{
  DmGraphQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (DmGraphQuery, 1);
  *copy = *query;
  copy->date_from = g_strdup (query->date_from);
  copy->date_to = g_strdup (query->date_to);
  copy->excluded_articles = NULL;
  if (query->excluded_articles != NULL && query->excluded_articles->len > 0)
    {
      copy->excluded_articles = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                   query->excluded_articles->len);
      g_array_append_vals (copy->excluded_articles,
                           query->excluded_articles->data,
                           query->excluded_articles->len);
    }
  return copy;
}

void
dm_graph_query_free (DmGraphQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->excluded_articles, g_array_unref);
  g_free (query->date_from);
  g_free (query->date_to);
  g_free (query);
}

static guint
n_excluded (const DmGraphQuery *query)
{
  return query->excluded_articles != NULL ? query->excluded_articles->len : 0;
}

/* Callers may fill excluded_articles by hand, so compare as sets, not as sequences. */
static gboolean
excluded_subset (const DmGraphQuery *a,
                 const DmGraphQuery *b)
{
  for (guint i = 0; i < n_excluded (a); i++)
    {
      if (!dm_graph_query_is_article_excluded (b, g_array_index (a->excluded_articles, gint64, i)))
        return FALSE;
    }
  return TRUE;
}

gboolean
dm_graph_query_equal (const DmGraphQuery *a,
                      const DmGraphQuery *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->focus_actor == b->focus_actor &&
         a->depth == b->depth &&
         a->class_mask == b->class_mask &&
         a->type_mask == b->type_mask &&
         g_strcmp0 (a->date_from, b->date_from) == 0 &&
         g_strcmp0 (a->date_to, b->date_to) == 0 &&
         a->min_evidence == b->min_evidence &&
         !a->per_pair == !b->per_pair &&
         a->max_nodes == b->max_nodes &&
         excluded_subset (a, b) &&
         excluded_subset (b, a);
}

void
dm_graph_query_exclude_article (DmGraphQuery *query,
                                gint64        article_id,
                                gboolean      excluded)
{
  g_return_if_fail (query != NULL);

  if (excluded)
    {
      if (dm_graph_query_is_article_excluded (query, article_id))
        return;
      if (query->excluded_articles == NULL)
        query->excluded_articles = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (query->excluded_articles, article_id);
    }
  else
    {
      /* Remove every copy, in case the array was filled by hand. */
      for (guint i = n_excluded (query); i > 0; i--)
        {
          if (g_array_index (query->excluded_articles, gint64, i - 1) == article_id)
            g_array_remove_index (query->excluded_articles, i - 1);
        }
    }
}

gboolean
dm_graph_query_is_article_excluded (const DmGraphQuery *query,
                                    gint64              article_id)
{
  g_return_val_if_fail (query != NULL, FALSE);

  for (guint i = 0; i < n_excluded (query); i++)
    {
      if (g_array_index (query->excluded_articles, gint64, i) == article_id)
        return TRUE;
    }
  return FALSE;
}
