/* test-views.c — the explorer's views: choices kept in the corpus, the summarised overview,
 * ranked ego views, collapsed groups, and labels that stay clear of each other once laid out
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dm-graph.h"
#include "dm-graph-budget.h"
#include "dm-layout-private.h"
#include "dm-store-view.h"
#include "dense-corpus.h"
#include "graph-corpus.h"

typedef struct {
  char    *dir;
  char    *path;
  DmStore *store;
  gint64   hub;
} Dense;

static Dense *dense_shared;

/* One dense corpus for the whole run: building it imports some 420 articles. Tests that
 * change choices in it undo them. */
static Dense *
dense_get (void)
{
  g_autoptr(GError) error = NULL;

  if (dense_shared != NULL)
    return dense_shared;
  dense_shared = g_new0 (Dense, 1);
  dense_shared->dir = g_dir_make_tmp ("dramatis-views-XXXXXX", &error);
  g_assert_no_error (error);
  dense_shared->path = g_build_filename (dense_shared->dir, "dense.dramatis", NULL);
  dense_shared->store = dm_store_open (dense_shared->path, &error);
  g_assert_no_error (error);
  dense_shared->hub = dense_corpus_fill (dense_shared->store, 500, 1100, 420, 20260105);
  return dense_shared;
}

static void
dense_free (void)
{
  g_autofree char *wal = NULL, *shm = NULL;

  if (dense_shared == NULL)
    return;
  dm_store_free (dense_shared->store);
  wal = g_strconcat (dense_shared->path, "-wal", NULL);
  shm = g_strconcat (dense_shared->path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (dense_shared->path);
  g_rmdir (dense_shared->dir);
  g_free (dense_shared->path);
  g_free (dense_shared->dir);
  g_clear_pointer (&dense_shared, g_free);
}

static DmGraph *
build (DmStore            *store,
       const DmGraphQuery *query)
{
  g_autoptr(GError) error = NULL;
  DmGraph *graph = dm_graph_build (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static const DmActorView *
find_view (GArray *views,
           gint64  actor_id)
{
  for (guint i = 0; i < views->len; i++)
    if (g_array_index (views, DmActorView, i).actor_id == actor_id)
      return &g_array_index (views, DmActorView, i);
  return NULL;
}

static void
test_views_choices_persist (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) views = NULL;
  gint64 russia = graph_corpus_actor (corpus, "Russia");
  gint64 nato = graph_corpus_actor (corpus, "NATO");
  gint64 hamas = graph_corpus_actor (corpus, "Hamas");
  const DmActorView *view;

  g_assert_true (dm_store_set_actor_excluded (corpus->store, russia, TRUE, &error));
  g_assert_true (dm_store_set_actor_pinned (corpus->store, nato, TRUE, &error));
  g_assert_true (dm_store_set_actor_position (corpus->store, hamas, 120.5, -30.25, &error));
  g_assert_no_error (error);
  g_assert_false (dm_store_set_actor_pinned (corpus->store, 987654, TRUE, &error));
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* reopened */
  dm_store_free (corpus->store);
  corpus->store = dm_store_open (corpus->path, &error);
  g_assert_no_error (error);
  views = dm_store_list_actor_views (corpus->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 3);
  view = find_view (views, russia);
  g_assert_true (view->excluded && !view->pinned && !view->has_position);
  view = find_view (views, nato);
  g_assert_true (!view->excluded && view->pinned);
  view = find_view (views, hamas);
  g_assert_true (view->has_position);
  g_assert_cmpfloat (view->x, ==, 120.5);
  g_assert_cmpfloat (view->y, ==, -30.25);

  /* the views honour them */
  {
    g_autoptr(DmGraph) graph = build (corpus->store, NULL);
    int at = dm_graph_find_node (graph, hamas);
    g_autofree char *dot = dm_graph_to_dot (graph);

    g_assert_cmpint (dm_graph_find_node (graph, russia), ==, -1);
    g_assert_cmpuint (graph->counts.n_actors_excluded, ==, 1);
    g_assert_cmpint (at, >=, 0);
    g_assert_true (((DmGraphNode *) graph->nodes->pdata[at])->has_position);
    g_assert_nonnull (strstr (dot, "dm_pos=\"120.50,-30.25\""));
  }

  /* undone: nothing is left */
  g_assert_true (dm_store_set_actor_excluded (corpus->store, russia, FALSE, &error));
  g_assert_true (dm_store_set_actor_pinned (corpus->store, nato, FALSE, &error));
  g_assert_true (dm_store_clear_actor_position (corpus->store, hamas, &error));
  g_clear_pointer (&views, g_array_unref);
  views = dm_store_list_actor_views (corpus->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 0);
}

/* The aggregates say what a scan of the relations says, filters included. */
static void
test_views_counts_match_relations (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) counts = NULL;
      g_autoptr(GPtrArray) relations = NULL;
      guint sum = 0;

      if (round == 1)
        dm_graph_query_exclude_article (query, corpus->article_ids[2], TRUE);
      if (round == 2)
        query->date_to = g_strdup ("2025-02-13");
      counts = dm_store_list_relation_counts (corpus->store, query, &error);
      g_assert_no_error (error);
      relations = dm_store_list_relations (corpus->store, query, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < counts->len; i++)
        sum += ((DmRelationCount *) counts->pdata[i])->n;
      g_assert_cmpuint (sum, ==, relations->len);
    }
}

static char *
counts_to_text (GPtrArray *counts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      const DmRelationCount *c = counts->pdata[i];

      g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %d %d %u\n",
                              c->source_id, c->target_id, c->verb, c->klass, c->negated, c->n);
    }
  return g_string_free (out, FALSE);
}

/* An undated view reads the day-free aggregate; it gives the rows the per-day one sums to
 * over a window that holds every day, class filter and left-out articles included. */
static void
test_views_undated_counts_match_dated (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(DmGraphQuery) undated = dm_graph_query_new ();
      g_autoptr(DmGraphQuery) dated = NULL;
      g_autoptr(GPtrArray) fast = NULL;
      g_autoptr(GPtrArray) by_day = NULL;
      g_autofree char *fast_text = NULL;
      g_autofree char *by_day_text = NULL;

      if (round == 1)
        undated->class_mask = (1u << DM_CLASS_DISAPPROVE) | (1u << DM_CLASS_STATEMENT);
      if (round == 2)
        dm_graph_query_exclude_article (undated, corpus->article_ids[2], TRUE);
      dated = dm_graph_query_copy (undated);
      dated->date_from = g_strdup ("0001-01-01");
      dated->date_to = g_strdup ("9999-12-31");

      fast = dm_store_list_relation_counts (corpus->store, undated, &error);
      g_assert_no_error (error);
      by_day = dm_store_list_relation_counts (corpus->store, dated, &error);
      g_assert_no_error (error);
      fast_text = counts_to_text (fast);
      by_day_text = counts_to_text (by_day);
      g_assert_cmpuint (fast->len, >, 0);
      g_assert_cmpstr (fast_text, ==, by_day_text);
    }
}

/* `stats`'s most mentioned actors, read off the mention counts' index, are the head of the
 * full list, ties at the cut (broken by name) included; past the mentioned actors too. */
static void
test_views_top_actors (void)
{
  Dense *dense = dense_get ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  static const guint ns[] = { 0, 1, 3, 10, 60, 499, 500, 600 };

  all = dm_store_list_actors (dense->store, NULL, DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (ns); k++)
    {
      g_autoptr(GPtrArray) top = dm_store_list_top_actors (dense->store, ns[k], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (top->len, ==, MIN (ns[k], all->len));
      for (guint i = 0; i < top->len; i++)
        {
          const DmActorInfo *a = top->pdata[i], *b = all->pdata[i];

          g_assert_cmpint (a->id, ==, b->id);
          g_assert_cmpuint (a->n_mentions, ==, b->n_mentions);
          g_assert_cmpuint (a->n_relations, ==, b->n_relations);
        }
    }
}

static void
test_views_overview (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraph) graph = build (dense->store, NULL);
  g_autoptr(DmGraph) all = NULL;
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GError) error = NULL;
  const DmGraphNode *heaviest = NULL;

  g_assert_cmpuint (graph->nodes->len, ==, DM_GRAPH_DEFAULT_MAX_NODES);
  g_assert_cmpuint (graph->counts.n_actors_total, ==, 500);
  g_assert_cmpuint (graph->counts.n_actors_available, ==, 500);
  g_assert_cmpuint (graph->counts.n_actors_shown, ==, 60);
  g_assert_cmpuint (graph->counts.n_actors_over_budget, ==, 440);
  g_assert_cmpuint (graph->counts.n_actors_filtered, ==, 0);
  g_assert_cmpuint (graph->counts.n_actors_excluded, ==, 0);
  g_assert_cmpuint (graph->edges->len, <=, 2 * 60);
  g_assert_cmpuint (graph->counts.n_edges_shown, ==, graph->edges->len);
  g_assert_cmpuint (graph->counts.n_edges_available, >=, 1000);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = graph->nodes->pdata[i];

      g_assert_cmpfloat (node->weight, ==, node->n_sentences + node->n_partners);
      if (heaviest == NULL || node->weight > heaviest->weight)
        heaviest = node;
    }
  /* the actor with most partners is among the heaviest */
  g_assert_cmpint (dm_graph_find_node (graph, dense->hub), >=, 0);
  g_assert_cmpfloat (heaviest->weight, >, 0);

  /* excluded: gone from every view, and counted; pinned: shown though light */
  {
    g_autoptr(DmGraph) without = NULL;
    g_autoptr(DmActorInfo) light = dm_store_find_actor (dense->store, "Official 499", NULL);

    g_assert_true (dm_store_set_actor_excluded (dense->store, dense->hub, TRUE, &error));
    g_assert_true (dm_store_set_actor_pinned (dense->store, light->id, TRUE, &error));
    g_assert_no_error (error);
    without = build (dense->store, NULL);
    g_assert_cmpint (dm_graph_find_node (without, dense->hub), ==, -1);
    g_assert_cmpint (dm_graph_find_node (without, light->id), >=, 0);
    g_assert_cmpuint (without->counts.n_actors_excluded, ==, 1);
    g_assert_cmpuint (without->nodes->len, ==, 60);
    g_assert_true (dm_store_set_actor_excluded (dense->store, dense->hub, FALSE, &error));
    g_assert_true (dm_store_set_actor_pinned (dense->store, light->id, FALSE, &error));
  }

  /* --all */
  query->max_nodes = 0;
  all = build (dense->store, query);
  g_assert_cmpuint (all->nodes->len, ==, 500);
  g_assert_cmpuint (all->counts.n_actors_over_budget, ==, 0);
}

static void
test_views_ego (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(DmGraph) wider = NULL;
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int focus;

  query->focus_actor = dense->hub;
  graph = build (dense->store, query);
  focus = dm_graph_find_node (graph, dense->hub);
  g_assert_cmpint (focus, >=, 0);
  g_assert_cmpuint (graph->counts.n_neighbours, >, 30);
  g_assert_cmpuint (graph->counts.n_neighbours_shown, ==, 30);
  g_assert_cmpuint (graph->nodes->len, ==, 31);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = graph->edges->pdata[i];

      /* only the focus's own edges, one per neighbour and direction */
      g_assert_true ((int) edge->source == focus || (int) edge->target == focus);
      g_assert_true (g_hash_table_add (pairs, g_strdup_printf ("%u>%u", edge->source, edge->target)));
      g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (dense->store, graph, edge, NULL);

      g_assert_cmpuint (ids->len, ==, edge->n_evidence);
    }

  /* neighbours ranked by evidence: nobody left out has more than one shown */
  {
    guint weakest = G_MAXUINT;

    for (guint i = 0; i < graph->nodes->len; i++)
      {
        guint evidence = 0;

        if ((int) i == focus)
          continue;
        for (guint k = 0; k < graph->edges->len; k++)
          {
            const DmGraphEdge *edge = graph->edges->pdata[k];

            if (edge->source == i || edge->target == i)
              evidence += edge->n_evidence;
          }
        weakest = MIN (weakest, evidence);
      }
    query->max_neighbours = 0;
    wider = build (dense->store, query);
    g_assert_cmpuint (wider->counts.n_neighbours_shown, ==, graph->counts.n_neighbours);
    for (guint i = 0; i < wider->nodes->len; i++)
      {
        const DmGraphNode *node = wider->nodes->pdata[i];
        guint evidence = 0;

        if (dm_graph_find_node (graph, node->actor_id) >= 0)
          continue;
        for (guint k = 0; k < wider->edges->len; k++)
          {
            const DmGraphEdge *edge = wider->edges->pdata[k];

            if (edge->source == i || edge->target == i)
              evidence += edge->n_evidence;
          }
        g_assert_cmpuint (evidence, <=, weakest);
      }
  }
}

static void
test_views_groups (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(DmGraph) collapsed = NULL;
  g_autoptr(DmActorInfo) country = dm_store_find_actor (dense->store, "Country 3", NULL);
  g_autofree char *dot = NULL;
  guint n_members = 0;
  int at;

  query->max_nodes = 0;
  graph = build (dense->store, query);
  for (guint i = 0; i < graph->nodes->len; i++)
    n_members += ((DmGraphNode *) graph->nodes->pdata[i])->group_id == country->id;
  g_assert_cmpuint (n_members, >, 0);
  dot = dm_graph_to_dot (graph);
  g_assert_nonnull (strstr (dot, "subgraph cluster_a"));

  dm_graph_query_collapse_group (query, country->id, TRUE);
  collapsed = build (dense->store, query);
  at = dm_graph_find_node (collapsed, country->id);
  g_assert_cmpint (at, >=, 0);
  g_assert_cmpuint (((DmGraphNode *) collapsed->nodes->pdata[at])->n_members, ==, n_members);
  g_assert_cmpuint (collapsed->nodes->len, ==, graph->nodes->len - n_members);
  for (guint i = 0; i < collapsed->nodes->len; i++)
    g_assert_cmpint (((DmGraphNode *) collapsed->nodes->pdata[i])->group_id, !=, country->id);
}

static DmLayout *lay_out (DmStore            *store,
                          const DmGraphQuery *query,
                          const char         *cached_xdot);

/* Each group box of @layout encloses its country or organisation and their officials, and
 * names it inside its top edge; every group with members in the graph has a box when the
 * engine draws groups. Returns the number of boxes. */
static guint
assert_groups_enclose_members (DmLayout *layout)
{
  DmGraph *graph = layout->graph;
  guint n_heads = 0;

  for (guint h = 0; h < graph->nodes->len; h++)
    {
      const DmGraphNode *head = graph->nodes->pdata[h];
      const DmLayoutGroup *group = NULL;
      gboolean has_members = FALSE;

      for (guint i = 0; i < graph->nodes->len; i++)
        has_members |= ((const DmGraphNode *) graph->nodes->pdata[i])->group_id == head->actor_id;
      for (guint k = 0; k < layout->n_groups; k++)
        if (layout->groups[k].head == h)
          group = &layout->groups[k];
      if (!has_members)
        {
          g_assert_null (group);
          continue;
        }
      n_heads++;
      if (!dm_layout_engine_draws_groups (layout->engine))
        continue;
      g_assert_nonnull (group);
      /* within the drawing, which the canvas fits to the window */
      g_assert_cmpfloat (group->x, >=, -1);
      g_assert_cmpfloat (group->y, >=, -1);
      g_assert_cmpfloat (group->x + group->width, <=, layout->width + 1);
      g_assert_cmpfloat (group->y + group->height, <=, layout->height + 1);
      g_assert_true (group->has_label_pos);
      g_assert_cmpfloat (group->label_x, >, group->x);
      g_assert_cmpfloat (group->label_x, <, group->x + group->width);
      g_assert_cmpfloat (group->label_y, >, group->y);
      g_assert_cmpfloat (group->label_y, <, group->y + 20);
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          const DmGraphNode *member = graph->nodes->pdata[i];
          const DmLayoutNode *node = &layout->nodes[i];

          if (member->group_id != head->actor_id && i != h)
            continue;
          g_assert_cmpfloat (node->x - node->width / 2, >=, group->x - 1);
          g_assert_cmpfloat (node->y - node->height / 2, >=, group->y - 1);
          g_assert_cmpfloat (node->x + node->width / 2, <=, group->x + group->width + 1);
          g_assert_cmpfloat (node->y + node->height / 2, <=, group->y + group->height + 1);
        }
    }
  if (!dm_layout_engine_draws_groups (layout->engine))
    g_assert_cmpuint (layout->n_groups, ==, 0);
  else
    g_assert_cmpuint (layout->n_groups, ==, n_heads);
  return layout->n_groups;
}

/* Laid out, no edge label overlaps a node, a group's name or another edge label. */
static void
assert_labels_clear (DmLayout *layout)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  guint n_nodes = layout->graph->nodes->len;
  guint n_labels = 0;

  for (guint i = 0; i < n_nodes; i++)
    {
      const DmLayoutNode *node = &layout->nodes[i];
      double box[4] = { node->x - node->width / 2, node->y - node->height / 2,
                        node->x + node->width / 2, node->y + node->height / 2 };

      g_array_append_val (boxes, box);
    }
  /* the groups' names, as dm_graph_to_dot() sets them (9 points) */
  for (guint k = 0; k < layout->n_groups; k++)
    {
      const DmLayoutGroup *group = &layout->groups[k];
      const DmGraphNode *head = layout->graph->nodes->pdata[group->head];
      double w, h;

      dm_layout_estimate_label_size (head->name, 9.0, &w, &h);
      {
        double box[4] = { group->label_x - w / 2 + 1, group->label_y - h / 2 + 1,
                          group->label_x + w / 2 - 1, group->label_y + h / 2 - 1 };

        g_array_append_val (boxes, box);
      }
    }
  n_nodes = boxes->len;
  for (guint e = 0; e < layout->graph->edges->len; e++)
    {
      const DmLayoutEdge *edge = &layout->edges[e];

      for (guint s = 0; s < edge->shapes->len; s++)
        {
          const DmShape *shape = edge->shapes->pdata[s];
          double box[4];

          if (shape->kind != DM_SHAPE_TEXT)
            continue;
          /* anchor on the baseline, centred: the text's box, shrunk by a point a side for
           * the rounding of Graphviz's own placement */
          box[0] = shape->points[0] - shape->text_width / 2 + 1;
          box[2] = shape->points[0] + shape->text_width / 2 - 1;
          box[1] = shape->points[1] - shape->font_size * 0.8 + 1;
          box[3] = shape->points[1] + shape->font_size * 0.2 - 1;
          for (guint k = 0; k < boxes->len; k++)
            {
              const double *other = &g_array_index (boxes, double, 4 * k);

              if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3])
                g_error ("edge %u's label “%s” overlaps %s %u", e, shape->text,
                         k < layout->graph->nodes->len ? "node"
                         : k < n_nodes ? "the name of group box" : "the label of box", k);
            }
          g_array_append_val (boxes, box);
          n_labels++;
        }
    }
  g_assert_cmpuint (n_labels, >=, layout->graph->edges->len);
}

static void
test_views_labels_clear (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(DmGraph) graph = NULL;
      g_autoptr(DmLayout) layout = NULL;

      query->focus_actor = round == 0 ? 0 : dense->hub;
      graph = build (dense->store, query);
      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                        DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_labels_clear (layout);
      /* the hub's view is a star: the hub in the middle of its neighbours' ring */
      if (round == 1)
        {
          const DmLayoutNode *hub = &layout->nodes[dm_graph_find_node (graph, dense->hub)];

          g_assert_cmpint (layout->engine, ==, DM_LAYOUT_ENGINE_TWOPI);
          g_assert_cmpfloat (fabs (hub->x - layout->width / 2), <, layout->width * 0.1);
          g_assert_cmpfloat (fabs (hub->y - layout->height / 2), <, layout->height * 0.1);
        }
    }
}

/* The budget's steps: fewer nodes when the names would not read, more when they would read
 * with room to spare and nodes were left out; never back to what was too many, never below
 * what read. */
static void
test_views_budget_step (void)
{
  DmGraphBudget b;
  guint shrunk, grown;

  dm_graph_budget_init (&b, 60, 5, 80);
  g_assert_true (dm_graph_budget_step (&b, 60, TRUE, 0.3, 0.4));
  shrunk = b.budget;
  g_assert_cmpuint (shrunk, <, 60);
  g_assert_cmpuint (shrunk, >, 5);
  g_assert_cmpuint (b.ceiling, ==, 60);

  /* names read with room to spare: more, halfway to the ceiling at most */
  g_assert_true (dm_graph_budget_step (&b, shrunk, TRUE, 0.8, 0.4));
  grown = b.budget;
  g_assert_cmpuint (b.floor, ==, shrunk);
  g_assert_cmpuint (grown, >, shrunk);
  g_assert_cmpuint (grown, <=, shrunk + (60 - shrunk) / 2);

  /* too many after all (a sparser drawing): back to what read, not below it */
  g_assert_true (dm_graph_budget_step (&b, grown, TRUE, 0.1, 0.4));
  g_assert_cmpuint (b.budget, ==, shrunk);
  g_assert_cmpuint (b.ceiling, ==, grown);
  /* reads, without much room: stays */
  g_assert_false (dm_graph_budget_step (&b, shrunk, TRUE, 0.44, 0.4));
  g_assert_cmpuint (b.budget, ==, shrunk);

  /* nothing left out: nothing more to show however much room */
  dm_graph_budget_init (&b, 60, 5, 80);
  g_assert_false (dm_graph_budget_step (&b, 12, FALSE, 2.0, 0.4));
  /* within the bounds */
  g_assert_true (dm_graph_budget_step (&b, 60, TRUE, 4.0, 0.4));
  g_assert_cmpuint (b.budget, ==, 80);
  g_assert_true (dm_graph_budget_step (&b, 80, TRUE, 0.01, 0.4));
  g_assert_cmpuint (b.budget, ==, 60);   /* what read */
  dm_graph_budget_init (&b, 60, 5, 80);
  g_assert_true (dm_graph_budget_step (&b, 60, TRUE, 0.01, 0.4));
  g_assert_cmpuint (b.budget, ==, 5);
  /* nothing measured: nothing known */
  g_assert_false (dm_graph_budget_step (&b, 5, TRUE, 0, 0.4));
  dm_graph_budget_forget (&b);
  g_assert_cmpuint (b.ceiling, ==, 0);
  g_assert_cmpuint (b.floor, ==, 0);
}

/* The dense corpus's overview and its hub's ego view fitted to the default window's canvas
 * and to a larger one: every name reads at the fitted zoom, no edge label covers a node or
 * another label, the larger canvas shows more actors, and an ego view at most the default
 * 30 neighbours. */
static void
test_views_budget_fits (void)
{
  static const double canvases[][2] = {
    { DM_GRAPH_DEFAULT_CANVAS_WIDTH, DM_GRAPH_DEFAULT_CANVAS_HEIGHT },
    { 1260, 720 },   /* a window of 1600 × 1000 */
  };
  Dense *dense = dense_get ();
  guint shown[G_N_ELEMENTS (canvases)][2];

  for (guint c = 0; c < G_N_ELEMENTS (canvases); c++)
    for (guint ego = 0; ego < 2; ego++)
      {
        g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
        g_autoptr(DmLayout) layout = NULL;
        g_autoptr(GError) error = NULL;
        double w = canvases[c][0], h = canvases[c][1];

        query->focus_actor = ego ? dense->hub : 0;
        layout = dm_graph_budget_fit_layout (dense->store, query, w, h, dense_lay_out, NULL, &error);
        g_assert_no_error (error);
        shown[c][ego] = layout->graph->nodes->len;
        g_test_message ("%.0f × %.0f: %s of %u actors", w, h, ego ? "ego view" : "overview", shown[c][ego]);
        g_assert_cmpfloat (dm_layout_get_fit_zoom (layout, w, h, 24), >=,
                           dm_layout_get_label_zoom (layout, DM_GRAPH_READABLE_LABEL_PX));
        /* the query says what the view shows */
        if (ego)
          g_assert_cmpuint (layout->graph->counts.n_neighbours_shown, ==, query->max_neighbours);
        else
          g_assert_cmpuint (shown[c][ego], ==, query->max_nodes);
        assert_labels_clear (layout);
      }
  g_assert_cmpuint (shown[0][0], >=, 30);
  g_assert_cmpuint (shown[1][0], >, shown[0][0]);
  g_assert_cmpuint (shown[1][0], <=, DM_GRAPH_FIT_MAX_NODES);
  g_assert_cmpuint (shown[0][1], <=, shown[1][1]);
  g_assert_cmpuint (shown[1][1], <=, DM_GRAPH_DEFAULT_MAX_NEIGHBOURS + 1);
}

/* dot drew groups as clusters, and Graphviz 2.43's dot freed memory twice (and the program
 * aborted) when labelled edges joined clusters, as 36- to 42-actor overviews of the dense
 * corpus do. */
static void
test_views_clusters_dot (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();

  for (guint n = 34; n <= 42; n++)
    {
      g_autoptr(DmGraph) graph = NULL;
      g_autoptr(DmLayout) layout = NULL;
      g_autoptr(GError) error = NULL;

      query->max_nodes = n;
      graph = build (dense->store, query);
      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph, DM_LAYOUT_ENGINE_DOT,
                                        NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (layout->engine, ==, DM_LAYOUT_ENGINE_DOT);
    }
}

static DmLayout *
lay_out (DmStore            *store,
         const DmGraphQuery *query,
         const char         *cached_xdot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGraph) graph = build (store, query);
  DmLayout *layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                              DM_LAYOUT_ENGINE_AUTO, cached_xdot, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static const DmLayoutNode *
layout_node (DmLayout *layout,
             gint64    actor_id)
{
  int at = dm_graph_find_node (layout->graph, actor_id);

  g_assert_cmpint (at, >=, 0);
  return &layout->nodes[at];
}

/* Drags @actor_id by (@dx, @dy) layout points in @layout, as the canvas does on a drop. */
static void
drag (DmStore  *store,
      DmLayout *layout,
      gint64    actor_id,
      double    dx,
      double    dy)
{
  g_autoptr(GError) error = NULL;
  const DmLayoutNode *node = layout_node (layout, actor_id);
  double gx, gy;

  dm_layout_to_graphviz_point (layout, node->x + dx, node->y + dy, &gx, &gy);
  g_assert_true (dm_store_set_actor_position (store, actor_id, gx, gy, &error));
  g_assert_no_error (error);
}

/* Where @actor_id is in @layout, from the corner of Graphviz's drawing. */
static void
assert_at (DmLayout *layout,
           gint64    actor_id,
           double    x,
           double    y)
{
  const DmLayoutNode *node = layout_node (layout, actor_id);

  g_assert_cmpfloat_with_epsilon (node->x - layout->frame_x, x, 1.0);
  g_assert_cmpfloat_with_epsilon (node->y - layout->frame_y, y, 1.0);
}

/* The overview lays groups out as boxes round their members, kept in the layout cache and
 * moved with the drawing into a frame; a collapsed group has none; an ego view (twopi, which
 * places actors on rings regardless of groups) draws none. */
static void
test_views_group_boxes (void)
{
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmLayout) overview = NULL;
  g_autoptr(DmLayout) collapsed = NULL;
  g_autoptr(DmLayout) cached = NULL;
  g_autoptr(DmLayout) ego = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const DmLayoutGroup *group;
  gint64 head;
  double x, y;

  overview = lay_out (dense->store, query, NULL);
  g_assert_cmpint (overview->engine, ==, DM_LAYOUT_ENGINE_NEATO);
  g_assert_cmpuint (assert_groups_enclose_members (overview), >, 0);

  /* cached: as bytes, and as xdot text parsed again */
  bytes = dm_layout_to_cache (overview);
  cached = dm_layout_new_from_cache (overview->graph, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cached->n_groups, ==, overview->n_groups);
  g_assert_cmpmem (cached->groups, cached->n_groups * sizeof (DmLayoutGroup),
                   overview->groups, overview->n_groups * sizeof (DmLayoutGroup));
  g_clear_pointer (&cached, dm_layout_unref);
  cached = lay_out (dense->store, query, overview->xdot);
  g_assert_cmpuint (assert_groups_enclose_members (cached), ==, overview->n_groups);
  x = cached->groups[0].x;
  y = cached->groups[0].y;
  dm_layout_move_into_frame (cached, 30, 20, 0, 0);
  g_assert_cmpfloat_with_epsilon (cached->groups[0].x, x + 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (cached->groups[0].y, y + 20, 1e-9);
  assert_groups_enclose_members (cached);

  group = &overview->groups[0];
  head = ((DmGraphNode *) overview->graph->nodes->pdata[group->head])->actor_id;
  dm_graph_query_collapse_group (query, head, TRUE);
  collapsed = lay_out (dense->store, query, NULL);
  for (guint k = 0; k < collapsed->n_groups; k++)
    g_assert_cmpint (((DmGraphNode *) collapsed->graph->nodes->pdata[collapsed->groups[k].head])->actor_id, !=, head);
  assert_groups_enclose_members (collapsed);
  dm_graph_query_collapse_group (query, head, FALSE);

  /* a member dragged far off: the box stretches to hold it, and shrinks back */
  for (guint i = 0; i < overview->graph->nodes->len; i++)
    {
      const DmGraphNode *member = overview->graph->nodes->pdata[i];
      g_autoptr(DmLayout) dragged = NULL;

      if (member->group_id != head)
        continue;
      drag (dense->store, overview, member->actor_id, 400, -300);
      dragged = lay_out (dense->store, query, NULL);
      g_assert_cmpuint (assert_groups_enclose_members (dragged), ==, overview->n_groups);
      g_assert_true (dm_store_clear_actor_position (dense->store, member->actor_id, &error));
      g_assert_no_error (error);
      break;
    }

  query->focus_actor = dense->hub;
  ego = lay_out (dense->store, query, NULL);
  g_assert_cmpint (ego->engine, ==, DM_LAYOUT_ENGINE_TWOPI);
  g_assert_cmpuint (ego->n_groups, ==, 0);
  g_assert_null (strstr (ego->xdot, "cluster_"));
}

/* A dragged actor stays where it was dropped, relative to the others, which do not move:
 * after a new layout, a second drag, reopening the corpus and the layout cache; for dot
 * (which ignores pins) and for neato with labels placed by the worker. Group boxes still
 * enclose their members. */
static void
test_views_drag_kept (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  Dense *dense = dense_get ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      DmStore *store = round == 0 ? corpus->store : dense->store;
      gint64 moved = round == 0 ? graph_corpus_actor (corpus, "Hamas") : dense->hub;
      g_autoptr(DmLayout) before = lay_out (store, query, NULL);
      g_autoptr(DmLayout) after = NULL;
      g_autoptr(DmLayout) again = NULL;
      g_autoptr(DmLayout) cached = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const DmLayoutNode *node = layout_node (before, moved);
      double want_x = node->x - before->frame_x + 150;
      double want_y = node->y - before->frame_y + 80;

      g_assert_cmpint (before->engine, ==, round == 0 ? DM_LAYOUT_ENGINE_DOT : DM_LAYOUT_ENGINE_NEATO);
      drag (store, before, moved, 150, 80);
      after = lay_out (store, query, NULL);
      assert_at (after, moved, want_x, want_y);
      /* its group's box followed it */
      g_assert_cmpuint (assert_groups_enclose_members (after), ==, assert_groups_enclose_members (before));
      for (guint i = 0; i < before->graph->nodes->len; i++)
        {
          const DmGraphNode *other = before->graph->nodes->pdata[i];

          if (other->actor_id != moved)
            assert_at (after, other->actor_id,
                       before->nodes[i].x - before->frame_x, before->nodes[i].y - before->frame_y);
        }

      /* dragged again, in the layout that already holds it somewhere else */
      drag (store, after, moved, -40, 25);
      g_clear_pointer (&after, dm_layout_unref);
      after = lay_out (store, query, NULL);
      assert_at (after, moved, want_x - 40, want_y + 25);
      assert_groups_enclose_members (after);

      /* the layout cache keeps the frame: from its xdot text and from its bytes */
      again = lay_out (store, query, after->xdot);
      assert_at (again, moved, want_x - 40, want_y + 25);
      assert_groups_enclose_members (again);
      bytes = dm_layout_to_cache (after);
      cached = dm_layout_new_from_cache (after->graph, bytes, &error);
      g_assert_no_error (error);
      assert_at (cached, moved, want_x - 40, want_y + 25);

      /* an ego view is laid out around its focus: no dragged places in it */
      {
        g_autoptr(DmGraphQuery) ego = dm_graph_query_new ();
        g_autoptr(DmGraph) graph = NULL;
        g_autofree char *dot = NULL;

        ego->focus_actor = moved;
        graph = build (store, ego);
        dot = dm_graph_to_dot (graph);
        g_assert_false (((DmGraphNode *) graph->nodes->pdata[dm_graph_find_node (graph, moved)])->has_position);
        g_assert_null (strstr (dot, "dm_pos"));
      }

      g_assert_true (dm_store_clear_actor_position (store, moved, &error));
      g_assert_no_error (error);
    }

  /* kept in the corpus: reopened, the view puts the actor back */
  {
    gint64 hamas = graph_corpus_actor (corpus, "Hamas");
    g_autoptr(DmLayout) before = lay_out (corpus->store, query, NULL);
    g_autoptr(DmLayout) reopened = NULL;
    const DmLayoutNode *node = layout_node (before, hamas);
    double want_x = node->x - before->frame_x - 60, want_y = node->y - before->frame_y + 45;

    drag (corpus->store, before, hamas, -60, 45);
    dm_store_free (corpus->store);
    corpus->store = dm_store_open (corpus->path, &error);
    g_assert_no_error (error);
    reopened = lay_out (corpus->store, query, NULL);
    assert_at (reopened, hamas, want_x, want_y);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/views/choices-persist", test_views_choices_persist);
  g_test_add_func ("/dramatis/views/counts-match-relations", test_views_counts_match_relations);
  g_test_add_func ("/dramatis/views/undated-counts-match-dated", test_views_undated_counts_match_dated);
  g_test_add_func ("/dramatis/views/top-actors", test_views_top_actors);
  g_test_add_func ("/dramatis/views/overview", test_views_overview);
  g_test_add_func ("/dramatis/views/ego", test_views_ego);
  g_test_add_func ("/dramatis/views/groups", test_views_groups);
  g_test_add_func ("/dramatis/views/group-boxes", test_views_group_boxes);
  g_test_add_func ("/dramatis/views/labels-clear", test_views_labels_clear);
  g_test_add_func ("/dramatis/views/budget-step", test_views_budget_step);
  g_test_add_func ("/dramatis/views/budget-fits", test_views_budget_fits);
  g_test_add_func ("/dramatis/views/clusters-dot", test_views_clusters_dot);
  g_test_add_func ("/dramatis/views/drag-kept", test_views_drag_kept);

  status = g_test_run ();
  dense_free ();
  return status;
}
