/* dense-corpus.h — a generated corpus the size of a real one (about 500 actors and 1,100
 * linked pairs, a few hubs) written through the store's own import path, for the view,
 * layout and export tests and the overview benchmark
 *
 * Countries and organisations come first; officials are affiliated with one of them. Pairs
 * are drawn with preferential attachment (an actor's chance grows with the pairs it has), so
 * a handful of hubs gather most of the evidence, as news does around heads of government.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-layout.h"
#include "dm-store-write.h"

#define DENSE_N_GROUPS 40   /* countries and organisations among the actors */

static const char * const dense_verbs[][2] = {
  { "criticises", "DISAPPROVE" }, { "meets", "CONSULT" }, { "urges", "APPEAL" },
  { "praises", "SUPPORT" }, { "threatens", "THREATEN" }, { "rejects", "REJECT" },
  { "attacks", "ASSAULT" }, { "says to", "STATEMENT" }, { "aids", "AID" },
};

static inline char *
dense_actor_name (guint i)
{
  if (i < DENSE_N_GROUPS / 2)
    return g_strdup_printf ("Country %u", i);
  if (i < DENSE_N_GROUPS)
    return g_strdup_printf ("Organisation %u", i);
  return g_strdup_printf ("Official %u", i);
}

static inline DmActorType
dense_actor_type (guint i)
{
  return i < DENSE_N_GROUPS / 2 ? DM_ACTOR_COUNTRY
         : i < DENSE_N_GROUPS ? DM_ACTOR_ORGANIZATION : DM_ACTOR_OFFICIAL;
}

static inline void
dense_add_mention (GPtrArray *mentions,
                   guint      actor,
                   guint      start)
{
  g_autofree char *name = dense_actor_name (actor);
  g_autofree char *group = actor >= DENSE_N_GROUPS ? dense_actor_name (actor % DENSE_N_GROUPS) : NULL;

  g_ptr_array_add (mentions, dm_mention_new ((DmSpan) { start, start + (guint) strlen (name) },
                                             name, name, dense_actor_type (actor),
                                             group != NULL ? "minister" : NULL, group));
}

/* Adds @n_articles articles holding @n_pairs distinct directed pairs among @n_actors actors
 * (each pair said 1 to 6 times, more for hub pairs) to @store; the same @seed gives the same
 * corpus. Returns the id of the largest hub actor. */
static inline gint64
dense_corpus_fill (DmStore *store,
                   guint    n_actors,
                   guint    n_pairs,
                   guint    n_articles,
                   guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));   /* one entry per pair end */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint *degree = g_new0 (guint, n_actors);
  g_autofree char *hub_name = NULL;
  g_autoptr(DmActorInfo) hub = NULL;
  guint hub_index = 0;

  g_assert_cmpuint (n_actors, >, DENSE_N_GROUPS);
  /* every actor is in at least one pair; then preferential attachment */
  for (guint i = 1; i < n_actors; i++)
    {
      guint pair[2] = { i, ends->len > 0 ? g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len)) : 0 };

      g_array_append_val (pairs, pair);
      g_array_append_val (ends, pair[0]);
      g_array_append_val (ends, pair[1]);
      g_hash_table_add (seen, GUINT_TO_POINTER (pair[0] * n_actors + pair[1]));
    }
  while (pairs->len < n_pairs)
    {
      guint a = g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len));
      guint b = g_rand_int_range (rand, 0, n_actors);
      guint pair[2] = { g_rand_boolean (rand) ? a : b, 0 };

      pair[1] = pair[0] == a ? b : a;
      if (pair[0] == pair[1] || !g_hash_table_add (seen, GUINT_TO_POINTER (pair[0] * n_actors + pair[1])))
        continue;
      g_array_append_val (pairs, pair);
      g_array_append_val (ends, a);
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * i);

      degree[pair[0]]++;
      degree[pair[1]]++;
    }
  for (guint i = 1; i < n_actors; i++)
    if (degree[i] > degree[hub_index])
      hub_index = i;

  for (guint article = 0; article < n_articles; article++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;
      guint n_sentences = g_rand_int_range (rand, 6, 14);
      DmArticle *a;

      g_string_append_printf (text, "Report %u. ", article);
      a = NULL;
      analysis = NULL;
      {
        g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_mention_free);
        g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_relation_free);

        for (guint s = 0; s < n_sentences; s++)
          {
            /* the first articles go through every pair once; later ones favour hubs' pairs */
            guint index = article * 10 + s < pairs->len
                          ? article * 10 + s : (guint) g_rand_int_range (rand, 0, pairs->len);
            const guint *pair = &g_array_index (pairs, guint, 2 * index);
            guint v = (pair[0] * 7 + pair[1] * 3 + g_rand_int_range (rand, 0, 2)) % G_N_ELEMENTS (dense_verbs);
            g_autofree char *source = dense_actor_name (pair[0]);
            g_autofree char *target = dense_actor_name (pair[1]);
            guint start = text->len;   /* ASCII: bytes are code points */
            guint verb_start = start + strlen (source) + 1;
            guint target_start = verb_start + strlen (dense_verbs[v][0]) + 1;
            DmRelationClass klass;
            DmRelation *relation;

            g_assert_true (dm_relation_class_from_string (dense_verbs[v][1], &klass));
            g_string_append_printf (text, "%s %s %s. ", source, dense_verbs[v][0], target);
            dense_add_mention (mentions, pair[0], start);
            dense_add_mention (mentions, pair[1], target_start);
            relation = dm_relation_new (source, target, dense_verbs[v][0], klass, FALSE);
            relation->sentence = (DmSpan) { start, target_start + (guint) strlen (target) + 1 };
            relation->trigger = (DmSpan) { verb_start, target_start - 1 };
            relation->source_mention = (DmSpan) { start, start + (guint) strlen (source) };
            relation->target_mention = (DmSpan) { target_start, target_start + (guint) strlen (target) };
            g_ptr_array_add (relations, relation);
          }

        a = dm_article_new ("dense", text->str, text->len);
        a->date = g_strdup_printf ("2025-%02u-%02u", 1 + article % 12, 1 + article % 28);
        analysis = dm_analysis_new (a);
        for (guint i = 0; i < mentions->len; i++)
          g_ptr_array_add (analysis->mentions, g_steal_pointer (&mentions->pdata[i]));
        for (guint i = 0; i < relations->len; i++)
          g_ptr_array_add (analysis->relations, g_steal_pointer (&relations->pdata[i]));
      }
      g_assert_true (dm_store_add_analysis (store, analysis, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  hub_name = dense_actor_name (hub_index);
  hub = dm_store_find_actor (store, hub_name, NULL);
  g_assert_nonnull (hub);
  return hub->id;
}

/* Lays @graph out with the engine the views pick: a DmGraphLayOutFunc, for
 * dm_graph_budget_fit_layout(). */
static inline DmLayout *
dense_lay_out (DmGraph  *graph,
               gpointer  user_data,
               GError  **error)
{
  return dm_layout_worker_layout (dm_layout_worker_get_default (), graph, DM_LAYOUT_ENGINE_AUTO, NULL, NULL, error);
}
