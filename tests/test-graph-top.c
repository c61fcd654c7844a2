/* test-graph-top.c — the views read off the store's running weights (dm-graph-select-top.c)
 * are the views the full count draws (dm_graph_build_from_all_counts), actor for actor,
 * edge for edge, count for count: with hidden, pinned and placed actors, every budget, an
 * ego view at every depth, and with each filter that takes the full count
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "dm-graph-private.h"
#include "dm-store-view.h"
#include "dense-corpus.h"

typedef struct {
  char    *dir;
  char    *path;
  DmStore *store;
  gint64   hub;
} Corpus;

static void
corpus_setup (Corpus        *corpus,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  corpus->dir = g_dir_make_tmp ("dramatis-graph-top-XXXXXX", &error);
  g_assert_no_error (error);
  corpus->path = g_build_filename (corpus->dir, "dense.dramatis", NULL);
  corpus->store = dm_store_open (corpus->path, &error);
  g_assert_no_error (error);
  corpus->hub = dense_corpus_fill (corpus->store, 500, 1100, 420, 20261205);
}

static void
corpus_teardown (Corpus        *corpus,
                 gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (corpus->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (corpus->path, "-shm", NULL);

  dm_store_free (corpus->store);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (corpus->path);
  g_rmdir (corpus->dir);
  g_free (corpus->path);
  g_free (corpus->dir);
}

/* Everything a view shows and says about what it left out, one line a node or edge. */
static char *
describe (DmStore       *store,
          const DmGraph *graph)
{
  GString *out = g_string_new (NULL);
  const DmGraphCounts *c = &graph->counts;

  g_string_append_printf (out, "total %u filtered %u excluded %u available %u shown %u over %u"
                          " edges %u/%u neighbours %u/%u\n",
                          c->n_actors_total, c->n_actors_filtered, c->n_actors_excluded,
                          c->n_actors_available, c->n_actors_shown, c->n_actors_over_budget,
                          c->n_edges_shown, c->n_edges_available, c->n_neighbours_shown,
                          c->n_neighbours);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *n = graph->nodes->pdata[i];

      g_string_append_printf (out, "node %" G_GINT64_FORMAT " %s type %d mentions %u"
                              " sentences %u partners %u weight %.0f pinned %d placed %d"
                              " ring %u members %u degree %u group %" G_GINT64_FORMAT " role %s of %s at %.0f,%.0f\n",
                              n->actor_id, n->name, n->type, n->n_mentions, n->n_sentences,
                              n->n_partners, n->weight, n->pinned, n->has_position, n->ring,
                              n->n_members, n->degree, n->group_id, n->role, n->affiliation,
                              n->x, n->y);
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *e = graph->edges->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (store, graph, e, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "edge %u>%u %s [%s] class %d negated %d n %u ids",
                              e->source, e->target, e->verb, e->label, e->klass, e->negated,
                              e->n_evidence);
      for (guint k = 0; k < ids->len; k++)
        g_string_append_printf (out, " %" G_GINT64_FORMAT, g_array_index (ids, gint64, k));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_view (Corpus             *corpus,
                  const DmGraphQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGraph) fast = dm_graph_build (corpus->store, query, &error);
  g_autoptr(DmGraph) full = NULL;
  g_autofree char *fast_text = NULL, *full_text = NULL;

  g_assert_no_error (error);
  full = dm_graph_build_from_all_counts (corpus->store, query, &error);
  g_assert_no_error (error);
  fast_text = describe (corpus->store, fast);
  full_text = describe (corpus->store, full);
  g_assert_cmpstr (fast_text, ==, full_text);
  g_assert_cmpuint (fast->nodes->len, >, 0);
}

/* The hub's neighbours by id, and a few actors of the long tail. */
static GArray *
neighbours_of (Corpus *corpus,
               gint64  actor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = dm_store_list_actor_pair_counts (corpus->store, actor_id, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const DmRelationCount *c = rows->pdata[i];
      gint64 other = c->source_id == actor_id ? c->target_id : c->source_id;

      g_array_append_val (ids, other);
    }
  return ids;
}

/* Every budget and depth, with nothing hidden, then with the hub and a few others hidden
 * (leaving its one-partner neighbours with no relation), actors pinned (a hidden one too,
 * and one far down the ranking) and placed. */
static void
test_views_equal (Corpus        *corpus,
                  gconstpointer  data)
{
  static const guint budgets[] = { 1, 10, 60, 200, 499, 2000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) around_hub = neighbours_of (corpus, corpus->hub);
  g_autoptr(GArray) heaviest = dm_store_list_heaviest_actors (corpus->store, 0, 500, &error);
  gint64 light, second, leaf;

  g_assert_no_error (error);
  g_assert_cmpuint (heaviest->len, >, 400);
  g_assert_cmpint (g_array_index (heaviest, DmActorWeight, 0).actor_id, ==, corpus->hub);
  second = g_array_index (heaviest, DmActorWeight, 1).actor_id;
  light = g_array_index (heaviest, DmActorWeight, heaviest->len - 1).actor_id;
  leaf = g_array_index (around_hub, gint64, around_hub->len - 1);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(DmGraphQuery) query = dm_graph_query_new ();

      if (round == 1)
        {
          /* hidden: the hub (its leaves lose every relation), two of its neighbours */
          g_assert_true (dm_store_set_actor_excluded (corpus->store, corpus->hub, TRUE, &error));
          g_assert_true (dm_store_set_actor_excluded (corpus->store, g_array_index (around_hub, gint64, 0),
                                                      TRUE, &error));
          g_assert_true (dm_store_set_actor_excluded (corpus->store, g_array_index (around_hub, gint64, 3),
                                                      TRUE, &error));
          g_assert_no_error (error);
        }
      if (round == 2)
        {
          g_assert_true (dm_store_set_actor_pinned (corpus->store, light, TRUE, &error));
          g_assert_true (dm_store_set_actor_pinned (corpus->store, corpus->hub, TRUE, &error));
          g_assert_true (dm_store_set_actor_pinned (corpus->store, second, TRUE, &error));
          g_assert_true (dm_store_set_actor_position (corpus->store, second, 10, 20, &error));
          g_assert_no_error (error);
        }

      for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
        {
          query->max_nodes = budgets[i];
          assert_same_view (corpus, query);
        }
      query->max_nodes = DM_GRAPH_DEFAULT_MAX_NODES;
      for (guint per_pair = 0; per_pair < 2; per_pair++)
        {
          query->per_pair = per_pair;
          assert_same_view (corpus, query);
        }

      /* ego views: of the second hub, a leaf, at depths 1 to 3, every neighbour budget */
      for (guint f = 0; f < 3; f++)
        {
          query->focus_actor = f == 0 ? second : f == 1 ? leaf : light;
          for (guint depth = 1; depth <= 3; depth++)
            for (guint max = 0; max <= 30; max += 6)
              for (guint edges = 0; edges < 2; edges++)
                {
                  query->depth = depth;
                  query->max_neighbours = max;
                  query->neighbour_edges = edges;
                  assert_same_view (corpus, query);
                }
        }
      query->focus_actor = corpus->hub;
      query->depth = 1;
      query->max_neighbours = DM_GRAPH_DEFAULT_MAX_NEIGHBOURS;
      query->neighbour_edges = FALSE;
      assert_same_view (corpus, query);
    }
}

/* The filters that take the full count give what they gave, with hidden actors too. */
static void
test_filters_unchanged (Corpus        *corpus,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) around_hub = neighbours_of (corpus, corpus->hub);

  g_assert_true (dm_store_set_actor_excluded (corpus->store, g_array_index (around_hub, gint64, 1),
                                              TRUE, &error));
  g_assert_no_error (error);
  for (guint focus = 0; focus < 2; focus++)
    for (guint filter = 0; filter < 7; filter++)
      {
        g_autoptr(DmGraphQuery) query = dm_graph_query_new ();

        query->focus_actor = focus ? corpus->hub : 0;
        switch (filter)
          {
          case 0: query->type_mask &= ~(1u << DM_ACTOR_OFFICIAL); break;
          case 1: query->class_mask = (1u << DM_CLASS_CONSULT) | (1u << DM_CLASS_APPEAL); break;
          case 2: query->min_evidence = 3; break;
          case 3:
            query->date_from = g_strdup ("2025-03-01");
            query->date_to = g_strdup ("2025-06-30");
            query->dated_only = TRUE;
            break;
          case 4: dm_graph_query_exclude_article (query, 3, TRUE); break;
          case 5:
            {
              g_autoptr(DmActorInfo) group = dm_store_find_actor (corpus->store, "Country 1", &error);

              g_assert_no_error (error);
              dm_graph_query_collapse_group (query, group->id, TRUE);
            }
            break;
          default: query->max_nodes = 0; break;
          }
        assert_same_view (corpus, query);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/graph-top/views-equal", Corpus, NULL, corpus_setup, test_views_equal, corpus_teardown);
  g_test_add ("/graph-top/filters-unchanged", Corpus, NULL, corpus_setup, test_filters_unchanged,
              corpus_teardown);
  return g_test_run ();
}
