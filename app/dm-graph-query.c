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
  self->dated_only = FALSE;
  self->min_evidence = 1;
  self->per_pair = FALSE;
  self->max_nodes = DM_GRAPH_DEFAULT_MAX_NODES;
  self->max_neighbours = DM_GRAPH_DEFAULT_MAX_NEIGHBOURS;
  self->neighbour_edges = FALSE;
  self->collapsed_groups = NULL;
  return self;
}

static GArray *
copy_ids (const GArray *ids)
{
  GArray *copy;

  if (ids == NULL || ids->len == 0)
    return NULL;
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
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
  copy->excluded_articles = copy_ids (query->excluded_articles);
  copy->collapsed_groups = copy_ids (query->collapsed_groups);
  return copy;
}

void
dm_graph_query_free (DmGraphQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->excluded_articles, g_array_unref);
  g_clear_pointer (&query->collapsed_groups, g_array_unref);
  g_free (query->date_from);
  g_free (query->date_to);
  g_free (query);
}

static guint
n_ids (const GArray *ids)
{
  return ids != NULL ? ids->len : 0;
}

static gboolean
ids_contain (const GArray *ids,
             gint64        id)
{
  for (guint i = 0; i < n_ids (ids); i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Callers may fill the id lists by hand, so compare them as sets, not as sequences. */
static gboolean
ids_subset (const GArray *a,
            const GArray *b)
{
  for (guint i = 0; i < n_ids (a); i++)
    if (!ids_contain (b, g_array_index (a, gint64, i)))
      return FALSE;
  return TRUE;
}

static void
ids_set (GArray   **ids,
         gint64     id,
         gboolean   present)
{
  if (present)
    {
      if (ids_contain (*ids, id))
        return;
      if (*ids == NULL)
        *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (*ids, id);
      return;
    }
  /* Remove every copy, in case the array was filled by hand. */
  for (guint i = n_ids (*ids); i > 0; i--)
    if (g_array_index (*ids, gint64, i - 1) == id)
      g_array_remove_index (*ids, i - 1);
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
         !a->dated_only == !b->dated_only &&
         a->min_evidence == b->min_evidence &&
         !a->per_pair == !b->per_pair &&
         a->max_nodes == b->max_nodes &&
         a->max_neighbours == b->max_neighbours &&
         !a->neighbour_edges == !b->neighbour_edges &&
         ids_subset (a->excluded_articles, b->excluded_articles) &&
         ids_subset (b->excluded_articles, a->excluded_articles) &&
         ids_subset (a->collapsed_groups, b->collapsed_groups) &&
         ids_subset (b->collapsed_groups, a->collapsed_groups);
}

void
dm_graph_query_exclude_article (DmGraphQuery *query,
                                gint64        article_id,
                                gboolean      excluded)
{
  g_return_if_fail (query != NULL);
  ids_set (&query->excluded_articles, article_id, excluded);
}

gboolean
dm_graph_query_is_article_excluded (const DmGraphQuery *query,
                                    gint64              article_id)
{
  g_return_val_if_fail (query != NULL, FALSE);
  return ids_contain (query->excluded_articles, article_id);
}

void
dm_graph_query_collapse_group (DmGraphQuery *query,
                               gint64        group_actor_id,
                               gboolean      collapsed)
{
  g_return_if_fail (query != NULL);
  ids_set (&query->collapsed_groups, group_actor_id, collapsed);
}

gboolean
dm_graph_query_is_group_collapsed (const DmGraphQuery *query,
                                   gint64              group_actor_id)
{
  g_return_val_if_fail (query != NULL, FALSE);
  return ids_contain (query->collapsed_groups, group_actor_id);
}
