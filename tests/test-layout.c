/* test-layout.c — layouts on the worker thread: shapes, cache, hit tests, cancellation
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-layout-private.h"

static DmGraph *
make_graph (void)
{
  DmGraph *graph = dm_graph_new ();
  guint usa, hegseth, nato, ukraine, hamas;

  usa = dm_graph_add_node (graph, 1, "United States", DM_ACTOR_COUNTRY, NULL, NULL, 12);
  hegseth = dm_graph_add_node (graph, 2, "Pete Hegseth", DM_ACTOR_OFFICIAL,
                               "Defence Secretary", "United States", 7);
  nato = dm_graph_add_node (graph, 3, "NATO", DM_ACTOR_ORGANIZATION, NULL, NULL, 9);
  ukraine = dm_graph_add_node (graph, 4, "Ukraine", DM_ACTOR_COUNTRY, NULL, NULL, 8);
  hamas = dm_graph_add_node (graph, 5, "Hamas", DM_ACTOR_GROUP, NULL, NULL, 2);

  dm_graph_add_edge (graph, hegseth, nato, "urges", DM_CLASS_APPEAL, FALSE, 3);
  dm_graph_add_edge (graph, hegseth, ukraine, "rules out", DM_CLASS_REJECT, FALSE, 1);
  dm_graph_add_edge (graph, usa, ukraine, "sends weapons to", DM_CLASS_AID, TRUE, 2);
  dm_graph_add_edge (graph, ukraine, hamas, "condemns", DM_CLASS_DISAPPROVE, FALSE, 1);
  return graph;
}

static const DmShape *
find_shape (const GPtrArray *shapes,
            DmShapeKind      kind)
{
  for (guint i = 0; i < shapes->len; i++)
    {
      const DmShape *shape = g_ptr_array_index (shapes, i);
      if (shape->kind == kind)
        return shape;
    }
  return NULL;
}

static void
check_layout (DmLayout *layout)
{
  DmGraph *graph = layout->graph;

  g_assert_cmpint (layout->engine, !=, DM_LAYOUT_ENGINE_AUTO);
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);
  g_assert_nonnull (layout->xdot);
  g_assert_true (g_str_has_prefix (layout->xdot, "digraph"));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      DmLayoutNode *ln = &layout->nodes[i];
      const DmShape *text;

      g_assert_cmpfloat (ln->width, >, 0);
      g_assert_cmpfloat (ln->height, >, 0);
      g_assert_cmpfloat (ln->x - ln->width / 2, >=, -0.5);
      g_assert_cmpfloat (ln->x + ln->width / 2, <=, layout->width + 0.5);
      g_assert_cmpfloat (ln->y - ln->height / 2, >=, -0.5);
      g_assert_cmpfloat (ln->y + ln->height / 2, <=, layout->height + 0.5);

      text = find_shape (ln->shapes, DM_SHAPE_TEXT);
      g_assert_nonnull (text);
      g_assert_cmpstr (text->text, ==, node->name);
      g_assert_cmpfloat (text->font_size, >, 0);
      /* y is flipped: the label sits inside its own node, not mirrored elsewhere */
      g_assert_cmpfloat (fabs (text->points[1] - ln->y), <, ln->height / 2);
      g_assert_cmpfloat (fabs (text->points[0] - ln->x), <, ln->width / 2);
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      DmLayoutEdge *le = &layout->edges[i];
      const DmShape *path = find_shape (le->shapes, DM_SHAPE_BEZIER);
      const DmShape *text = find_shape (le->shapes, DM_SHAPE_TEXT);

      g_assert_nonnull (path);
      g_assert_cmpuint (path->n_points, >=, 4);
      g_assert_cmpuint ((path->n_points - 1) % 3, ==, 0);
      g_assert_cmpint (path->dashed, ==, edge->negated);
      g_assert_nonnull (path->pen_color);
      g_assert_nonnull (text);
      g_assert_cmpstr (text->text, ==, edge->label);
      g_assert_true (le->has_label_pos);
      /* the arrow head */
      g_assert_nonnull (find_shape (le->shapes, DM_SHAPE_POLYGON));
    }
}

static void
test_layout_dot (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;

  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpint (layout->engine, ==, DM_LAYOUT_ENGINE_DOT);
  g_assert_true (layout->graph == graph);
  check_layout (layout);

  /* rankdir=LR: the edge Hegseth → NATO runs left to right */
  g_assert_cmpfloat (layout->nodes[1].x, <, layout->nodes[2].x);
}

/* A graph laid out with its nodes pinned where another layout had them (a time window's
 * graph) keeps their distances, and moved into that layout's frame, their places. */
static void
test_layout_pinned (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(DmGraph) pinned = make_graph ();
  g_autoptr(DmLayout) first = NULL;
  g_autoptr(DmLayout) second = NULL;
  g_autoptr(GError) error = NULL;
  double text_dx, text_dy;

  first = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                   DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pinned->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (pinned->nodes, i);

      node->has_position = TRUE;
      dm_layout_to_graphviz_point (first, first->nodes[i].x, first->nodes[i].y, &node->x, &node->y);
    }

  second = dm_layout_worker_layout (dm_layout_worker_get_default (), pinned,
                                    DM_LAYOUT_ENGINE_NEATO, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < pinned->nodes->len; i++)
    {
      g_assert_cmpfloat_with_epsilon (second->nodes[i].x - second->nodes[0].x,
                                      first->nodes[i].x - first->nodes[0].x, 0.5);
      g_assert_cmpfloat_with_epsilon (second->nodes[i].y - second->nodes[0].y,
                                      first->nodes[i].y - first->nodes[0].y, 0.5);
    }

  text_dx = find_shape (second->nodes[2].shapes, DM_SHAPE_TEXT)->points[0] - second->nodes[2].x;
  text_dy = find_shape (second->nodes[2].shapes, DM_SHAPE_TEXT)->points[1] - second->nodes[2].y;
  dm_layout_move_into_frame (second, first->nodes[0].x - second->nodes[0].x,
                             first->nodes[0].y - second->nodes[0].y, first->width, first->height);
  for (guint i = 0; i < pinned->nodes->len; i++)
    {
      g_assert_cmpfloat_with_epsilon (second->nodes[i].x, first->nodes[i].x, 0.5);
      g_assert_cmpfloat_with_epsilon (second->nodes[i].y, first->nodes[i].y, 0.5);
    }
  g_assert_cmpfloat (second->width, >=, first->width);
  g_assert_cmpfloat (second->height, >=, first->height);
  /* labels and lines move with their nodes */
  g_assert_cmpfloat_with_epsilon (find_shape (second->nodes[2].shapes, DM_SHAPE_TEXT)->points[0] - second->nodes[2].x, text_dx, 0.01);
  g_assert_cmpfloat_with_epsilon (find_shape (second->nodes[2].shapes, DM_SHAPE_TEXT)->points[1] - second->nodes[2].y, text_dy, 0.01);
  check_layout (second);

  /* a drawing that would stick out above and left of the frame grows it instead */
  dm_layout_move_into_frame (second, -40, -30, second->width, second->height);
  g_assert_cmpfloat_with_epsilon (second->nodes[0].x, first->nodes[0].x, 0.5);
  g_assert_cmpfloat_with_epsilon (second->nodes[0].y, first->nodes[0].y, 0.5);
  g_assert_cmpfloat (second->width, >=, first->width + 40);
  check_layout (second);
}

static void
test_layout_engines (void)
{
  g_autoptr(DmGraph) graph = make_graph ();

  for (DmLayoutEngine engine = DM_LAYOUT_ENGINE_AUTO; engine < DM_N_LAYOUT_ENGINES; engine++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmLayout) layout = NULL;
      DmLayoutEngine parsed;

      g_assert_true (dm_layout_engine_from_string (dm_layout_engine_to_string (engine), &parsed));
      g_assert_cmpint (parsed, ==, engine);

      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph, engine,
                                        NULL, NULL, &error);
      g_assert_no_error (error);
      if (engine != DM_LAYOUT_ENGINE_AUTO)
        g_assert_cmpint (layout->engine, ==, engine);
      check_layout (layout);
    }

  g_assert_false (dm_layout_engine_from_string ("spring", NULL));
}

static void
test_layout_auto_engine (void)
{
  g_autoptr(DmGraph) small = make_graph ();
  g_autoptr(DmGraph) large = dm_graph_new ();

  g_assert_cmpint (dm_layout_engine_for_graph (small), ==, DM_LAYOUT_ENGINE_DOT);
  {
    g_autofree char *auto_key = dm_layout_cache_key (small, DM_LAYOUT_ENGINE_AUTO);
    g_autofree char *dot_key = dm_layout_cache_key (small, DM_LAYOUT_ENGINE_DOT);
    g_autofree char *neato_key = dm_layout_cache_key (small, DM_LAYOUT_ENGINE_NEATO);

    g_assert_cmpstr (auto_key, ==, dot_key);
    g_assert_cmpstr (auto_key, !=, neato_key);
    g_assert_true (g_str_has_suffix (neato_key, "@neato"));
  }

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      dm_graph_add_node (large, i + 1, name, DM_ACTOR_PERSON, NULL, NULL, 1);
    }
  for (guint i = 1; i < 400; i++)
    dm_graph_add_edge (large, i, (i * 7) % i, "meets", DM_CLASS_CONSULT, FALSE, 1);
  g_assert_cmpint (dm_layout_engine_for_graph (large), ==, DM_LAYOUT_ENGINE_SFDP);
}

static void
test_layout_cached (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) first = NULL;
  g_autoptr(DmLayout) cached = NULL;

  first = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                   DM_LAYOUT_ENGINE_NEATO, NULL, NULL, &error);
  g_assert_no_error (error);

  cached = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_NEATO, first->xdot, NULL, &error);
  g_assert_no_error (error);
  check_layout (cached);
  g_assert_cmpstr (cached->xdot, ==, first->xdot);
  g_assert_cmpfloat_with_epsilon (cached->width, first->width, 0.01);
  g_assert_cmpfloat_with_epsilon (cached->height, first->height, 0.01);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      g_assert_cmpfloat_with_epsilon (cached->nodes[i].x, first->nodes[i].x, 0.01);
      g_assert_cmpfloat_with_epsilon (cached->nodes[i].y, first->nodes[i].y, 0.01);
      g_assert_cmpuint (cached->nodes[i].shapes->len, ==, first->nodes[i].shapes->len);
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmShape *a = find_shape (first->edges[i].shapes, DM_SHAPE_BEZIER);
      const DmShape *b = find_shape (cached->edges[i].shapes, DM_SHAPE_BEZIER);

      g_assert_cmpuint (a->n_points, ==, b->n_points);
      for (guint k = 0; k < 2 * a->n_points; k++)
        g_assert_cmpfloat_with_epsilon (a->points[k], b->points[k], 0.01);
    }

  /* a cache entry that is not a laid-out graph is an error, not a crash */
  {
    g_autoptr(DmLayout) broken = NULL;

    broken = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                      DM_LAYOUT_ENGINE_NEATO, "digraph { a1 -> a2 }", NULL, &error);
    g_assert_null (broken);
    g_assert_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED);
  }
}

static void
test_layout_hit (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;

  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmLayoutNode *ln = &layout->nodes[i];

      g_assert_cmpint (dm_layout_node_at (layout, ln->x, ln->y), ==, i);
      g_assert_cmpint (dm_layout_node_at (layout, ln->x + ln->width / 2 - 1, ln->y), ==, i);
      /* a node is not an edge */
      g_assert_cmpint (dm_layout_edge_at (layout, ln->x, ln->y, 2), ==, -1);
    }
  g_assert_cmpint (dm_layout_node_at (layout, -50, -50), ==, -1);
  g_assert_cmpint (dm_layout_node_at (layout, layout->width + 10, layout->height / 2), ==, -1);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      DmLayoutEdge *le = &layout->edges[i];
      const DmShape *path = find_shape (le->shapes, DM_SHAPE_BEZIER);
      const double *c = path->points;
      /* the middle of the first cubic segment */
      double mx = 0.125 * c[0] + 0.375 * c[2] + 0.375 * c[4] + 0.125 * c[6];
      double my = 0.125 * c[1] + 0.375 * c[3] + 0.375 * c[5] + 0.125 * c[7];

      g_assert_cmpint (dm_layout_edge_at (layout, mx, my, 3), ==, i);
      g_assert_cmpint (dm_layout_edge_at (layout, mx + 2, my - 1, 4), ==, i);
      g_assert_cmpint (dm_layout_edge_at (layout, le->label_x, le->label_y, 2), ==, i);
      g_assert_cmpint (dm_layout_node_at (layout, mx, my), ==, -1);
    }
  g_assert_cmpint (dm_layout_edge_at (layout, -100, -100, 5), ==, -1);
}

typedef struct {
  GMainLoop *loop;
  DmLayout  *layout;
  GError    *error;
  GThread   *thread;
} AsyncResult;

static void
on_layout (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->thread = g_thread_self ();
  r->layout = dm_layout_worker_layout_finish (DM_LAYOUT_WORKER (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_layout_async (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult ok = { loop }, cancelled = { loop };

  dm_layout_worker_layout_async (dm_layout_worker_get_default (), graph,
                                 DM_LAYOUT_ENGINE_FDP, NULL, NULL, on_layout, &ok);
  g_main_loop_run (loop);
  g_assert_no_error (ok.error);
  g_assert_true (ok.thread == g_thread_self ());
  check_layout (ok.layout);
  g_clear_pointer (&ok.layout, dm_layout_unref);

  /* cancelled before it starts: skipped */
  g_cancellable_cancel (cancellable);
  dm_layout_worker_layout_async (dm_layout_worker_get_default (), graph,
                                 DM_LAYOUT_ENGINE_DOT, NULL, cancellable, on_layout, &cancelled);
  g_main_loop_run (loop);
  g_assert_null (cancelled.layout);
  g_assert_error (cancelled.error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
}

static gpointer
report_thread (gpointer       gvc,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_assert_nonnull (gvc);
  return g_thread_self ();
}

static gpointer
query_from_thread (gpointer data)
{
  return dm_layout_worker_run (dm_layout_worker_get_default (), report_thread, NULL, NULL, NULL);
}

static void
test_layout_one_thread (void)
{
  DmLayoutWorker *worker = dm_layout_worker_get_default ();
  gpointer a, b;
  GThread *other;

  g_assert_true (dm_layout_worker_get_default () == worker);
  g_assert_false (dm_layout_worker_is_worker_thread (worker));

  a = dm_layout_worker_run (worker, report_thread, NULL, NULL, NULL);
  other = g_thread_new ("other", query_from_thread, NULL);
  b = g_thread_join (other);
  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_true (a != (gpointer) g_thread_self ());
}

static void
test_layout_empty (void)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;

  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpint (dm_layout_node_at (layout, 0, 0), ==, -1);
  g_assert_cmpint (dm_layout_edge_at (layout, 0, 0, 10), ==, -1);
}

static void
assert_shapes_equal (const GPtrArray *a,
                     const GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const DmShape *x = g_ptr_array_index (a, i);
      const DmShape *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->filled, ==, y->filled);
      g_assert_cmpint (x->dashed, ==, y->dashed);
      g_assert_cmpint (x->text_align, ==, y->text_align);
      g_assert_true (x->font_size == y->font_size);
      g_assert_true (x->text_width == y->text_width);
      g_assert_true (x->pen_width == y->pen_width);
      g_assert_cmpuint (x->n_points, ==, y->n_points);
      if (x->n_points > 0)
        g_assert_cmpmem (x->points, 2 * x->n_points * sizeof (double),
                         y->points, 2 * y->n_points * sizeof (double));
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->pen_color, ==, y->pen_color);
      g_assert_cmpstr (x->fill_color, ==, y->fill_color);
    }
}

static void
assert_layouts_equal (const DmLayout *a,
                      const DmLayout *b)
{
  g_assert_true (a->graph == b->graph);
  g_assert_cmpint (a->engine, ==, b->engine);
  g_assert_true (a->width == b->width);
  g_assert_true (a->height == b->height);
  g_assert_true (a->frame_x == b->frame_x && a->frame_y == b->frame_y);
  g_assert_cmpstr (a->xdot, ==, b->xdot);
  for (guint i = 0; i < a->graph->nodes->len; i++)
    {
      g_assert_true (a->nodes[i].x == b->nodes[i].x);
      g_assert_true (a->nodes[i].y == b->nodes[i].y);
      g_assert_true (a->nodes[i].width == b->nodes[i].width);
      g_assert_true (a->nodes[i].height == b->nodes[i].height);
      assert_shapes_equal (a->nodes[i].shapes, b->nodes[i].shapes);
    }
  for (guint i = 0; i < a->graph->edges->len; i++)
    {
      g_assert_true (a->edges[i].label_x == b->edges[i].label_x);
      g_assert_true (a->edges[i].label_y == b->edges[i].label_y);
      g_assert_cmpint (a->edges[i].has_label_pos, ==, b->edges[i].has_label_pos);
      assert_shapes_equal (a->edges[i].shapes, b->edges[i].shapes);
    }
}

static gpointer
decode_thread (gpointer data)
{
  DmLayout *layout = data;
  g_autoptr(GBytes) bytes = dm_layout_to_cache (layout);

  return dm_layout_new_from_cache (layout->graph, bytes, NULL);
}

static void
test_layout_cache_round_trip (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GError) error = NULL;
  DmLayoutEngine engines[] = { DM_LAYOUT_ENGINE_DOT, DM_LAYOUT_ENGINE_NEATO };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(DmLayout) layout = NULL;
      g_autoptr(DmLayout) decoded = NULL;
      g_autoptr(DmLayout) from_thread = NULL;
      g_autoptr(GBytes) data = NULL;
      g_autoptr(GBytes) again = NULL;
      gboolean text = FALSE, bezier = FALSE, dashed = FALSE;

      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                        engines[e], NULL, NULL, &error);
      g_assert_no_error (error);
      check_layout (layout);

      /* the layout has every kind of value worth keeping */
      for (guint i = 0; i < graph->edges->len; i++)
        for (guint k = 0; k < layout->edges[i].shapes->len; k++)
          {
            const DmShape *shape = g_ptr_array_index (layout->edges[i].shapes, k);

            text |= shape->kind == DM_SHAPE_TEXT && shape->text != NULL;
            bezier |= shape->kind == DM_SHAPE_BEZIER && shape->n_points >= 4;
            dashed |= shape->dashed;
          }
      g_assert_true (text);
      g_assert_true (bezier);
      g_assert_true (dashed);   /* the negated edge */

      data = dm_layout_to_cache (layout);
      g_assert_nonnull (data);
      g_assert_cmpuint (g_bytes_get_size (data), >, strlen (layout->xdot));

      decoded = dm_layout_new_from_cache (graph, data, &error);
      g_assert_no_error (error);
      g_assert_nonnull (decoded);
      assert_layouts_equal (layout, decoded);
      check_layout (decoded);

      /* the same bytes again, and hit tests that agree */
      again = dm_layout_to_cache (decoded);
      g_assert_true (g_bytes_equal (data, again));
      for (guint i = 0; i < graph->nodes->len; i++)
        g_assert_cmpint (dm_layout_node_at (decoded, layout->nodes[i].x, layout->nodes[i].y), ==,
                         dm_layout_node_at (layout, layout->nodes[i].x, layout->nodes[i].y));

      /* no Graphviz involved: any thread will do */
      from_thread = g_thread_join (g_thread_new ("decode", decode_thread, layout));
      g_assert_nonnull (from_thread);
      assert_layouts_equal (layout, from_thread);
    }

  /* an empty graph too */
  {
    g_autoptr(DmGraph) empty = dm_graph_new ();
    g_autoptr(DmLayout) layout = NULL;
    g_autoptr(DmLayout) decoded = NULL;
    g_autoptr(GBytes) data = NULL;

    layout = dm_layout_worker_layout (dm_layout_worker_get_default (), empty,
                                      DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
    g_assert_no_error (error);
    data = dm_layout_to_cache (layout);
    decoded = dm_layout_new_from_cache (empty, data, &error);
    g_assert_no_error (error);
    assert_layouts_equal (layout, decoded);
  }
}

static void
assert_refused (DmGraph      *graph,
                const guint8 *bytes,
                gsize         len)
{
  g_autoptr(GBytes) data = g_bytes_new (bytes, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;

  layout = dm_layout_new_from_cache (graph, data, &error);
  g_assert_null (layout);
  g_assert_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED);
}

static void
test_layout_cache_corrupt (void)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(DmGraph) other = make_graph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree guint8 *copy = NULL;
  const guint8 *bytes;
  gsize len;

  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);
  data = dm_layout_to_cache (layout);
  bytes = g_bytes_get_data (data, &len);
  copy = g_memdup2 (bytes, len);

  /* every truncation, down to nothing */
  for (gsize n = 0; n < len; n++)
    assert_refused (graph, bytes, n);

  /* a byte too many */
  {
    g_autofree guint8 *longer = g_malloc (len + 1);

    memcpy (longer, bytes, len);
    longer[len] = 0;
    assert_refused (graph, longer, len + 1);
  }

  /* another format, another version, no engine */
  copy[0] = 'X';
  assert_refused (graph, copy, len);
  copy[0] = bytes[0];
  copy[4] = bytes[4] + 1;
  assert_refused (graph, copy, len);
  copy[4] = bytes[4];
  copy[5] = DM_LAYOUT_ENGINE_AUTO;
  assert_refused (graph, copy, len);
  copy[5] = DM_N_LAYOUT_ENGINES;
  assert_refused (graph, copy, len);
  copy[5] = bytes[5];

  /* the layout of a graph with another number of nodes */
  dm_graph_add_node (other, 99, "Someone Else", DM_ACTOR_PERSON, NULL, NULL, 1);
  assert_refused (other, bytes, len);

  /* counts and lengths that claim more than the data holds: the first node's shape count
   * (after the header with its frame, the xdot text and four doubles) */
  {
    gsize at = 4 + 1 + 1 + 4 + 4 + 8 + 8 + 8 + 8 + 4 + strlen (layout->xdot) + 4 * 8;

    memset (copy + at, 0x7f, 4);
    assert_refused (graph, copy, len);
    memcpy (copy + at, bytes + at, 4);
  }

  /* any single damaged byte is decoded or refused, never a crash */
  for (gsize i = 0; i < len; i++)
    {
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(DmLayout) decoded = NULL;
      g_autoptr(GError) local_error = NULL;

      copy[i] = bytes[i] ^ 0xa5;
      damaged = g_bytes_new (copy, len);
      decoded = dm_layout_new_from_cache (graph, damaged, &local_error);
      g_assert_true ((decoded == NULL) == (local_error != NULL));
      copy[i] = bytes[i];
    }

  /* and the intact copy still decodes */
  {
    g_autoptr(GBytes) intact = g_bytes_new (copy, len);
    g_autoptr(DmLayout) decoded = dm_layout_new_from_cache (graph, intact, &error);

    g_assert_no_error (error);
    assert_layouts_equal (layout, decoded);
  }
}

/* Dense graphs ------------------------------------------------------------------------ */

static const char * const wire_verbs[] = {
  "urges", "criticises", "meets", "praises", "warns", "accuses", "thanks", "condemns",
  "threatens", "holds talks with", "imposes sanctions on", "promises more aid to",
};

/* @n_actors actors and @n_verbs verbs from every one to every other: what importing a
 * thousand wire reports about the same few actors gives */
static DmGraph *
make_dense_graph (guint n_actors,
                  guint n_verbs)
{
  DmGraph *graph = dm_graph_new ();

  g_assert_cmpuint (n_verbs, <=, G_N_ELEMENTS (wire_verbs));
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i + 1);

      dm_graph_add_node (graph, 100 + i, name, i % DM_N_ACTOR_TYPES, NULL, NULL, 5);
    }
  for (guint s = 0; s < n_actors; s++)
    for (guint t = 0; t < n_actors; t++)
      for (guint v = 0; s != t && v < n_verbs; v++)
        dm_graph_add_edge (graph, s, t, wire_verbs[(s + t + v) % G_N_ELEMENTS (wire_verbs)],
                           (s + v) % 2 ? DM_CLASS_CONSULT : DM_CLASS_DISAPPROVE,
                           v == 3, 1 + (s * t + v) % 7);
  return graph;
}

static double
path_distance (const DmShape *path,
               double         x,
               double         y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i + 3 < path->n_points; i += 3)
    {
      const double *c = path->points + 2 * i;

      for (guint k = 0; k <= 64; k++)
        {
          double t = k / 64.0, u = 1 - t;
          double px = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
          double py = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];

          best = MIN (best, hypot (px - x, py - y));
        }
    }
  return best;
}

/* How far @a strays from @b: the largest distance from a point of @a to the path @b */
static double
path_apart (const DmShape *a,
            const DmShape *b)
{
  double most = 0;

  for (guint i = 0; i + 3 < a->n_points; i += 3)
    {
      const double *c = a->points + 2 * i;

      for (guint k = 1; k < 8; k++)
        {
          double t = k / 8.0, u = 1 - t;
          double px = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
          double py = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];

          most = MAX (most, path_distance (b, px, py));
        }
    }
  return most;
}

static void
test_layout_dense_policy (void)
{
  double w, h, w2, h2;

  /* routing splines around nodes only while actors × edges stays small */
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 5, 4), ==, "true");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 40, 80), ==, "true");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 18, 306), ==, "line");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 18, 3628), ==, "line");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 41, 10), ==, "line");
  /* and not in crowded graphs, whose parallel edges neato would route along one path */
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 10, 180), ==, "line");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_NEATO, 10, 40), ==, "true");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_SFDP, 500, 992), ==, "line");
  g_assert_cmpstr (dm_layout_engine_get_splines (DM_LAYOUT_ENGINE_DOT, 18, 3628), ==, "true");

  /* own label placement for crowded or large graphs only, never for dot */
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 18, 3628));
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 18, 306));
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_FDP, 18, 306));
  g_assert_false (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_DOT, 18, 3628));
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 60, 115));
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_SFDP, 500, 992));
  g_assert_false (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 40, 80));
  g_assert_false (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 5, 4));
  g_assert_false (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, 0, 0));

  /* label boxes: Graphviz draws "urges" at 9 points 26 points wide */
  dm_layout_estimate_label_size ("urges", 9, &w, &h);
  g_assert_cmpfloat (w, >=, 26);
  g_assert_cmpfloat (w, <=, 36);
  g_assert_cmpfloat (h, >=, 9);
  g_assert_cmpfloat (h, <=, 14);
  dm_layout_estimate_label_size ("imposes sanctions on ×3", 9, &w2, &h2);
  g_assert_cmpfloat (w2, >=, 114);
  g_assert_cmpfloat (w2, <=, 140);
  dm_layout_estimate_label_size ("urges\\nmeets", 9, &w2, &h2);
  g_assert_cmpfloat_with_epsilon (w2, w, 0.01);
  g_assert_cmpfloat (h2, >, 1.8 * h - 2);
  dm_layout_estimate_label_size ("", 9, &w, &h);
  g_assert_cmpfloat (w, ==, 0);
  g_assert_cmpfloat (h, ==, 0);
}

/* A straight path from (x0, y0) to (x1, y1) as a cubic Bézier */
static double *
straight_path (double x0, double y0,
               double x1, double y1)
{
  double *p = g_new (double, 8);

  for (guint k = 0; k < 4; k++)
    {
      p[2 * k] = x0 + (x1 - x0) * k / 3.0;
      p[2 * k + 1] = y0 + (y1 - y0) * k / 3.0;
    }
  return p;
}

static gboolean
boxes_overlap (const DmLabelSlot *a,
               const DmLabelSlot *b)
{
  return fabs (a->x - b->x) < (a->width + b->width) / 2 - 0.01
         && fabs (a->y - b->y) < (a->height + b->height) / 2 - 0.01;
}

static void
assert_no_overlaps (const DmLabelSlot *slots,
                    guint              n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (boxes_overlap (&slots[i], &slots[j]))
        g_error ("labels %u and %u overlap: (%.1f, %.1f) and (%.1f, %.1f)",
                 i, j, slots[i].x, slots[i].y, slots[j].x, slots[j].y);
}

static void
test_layout_label_placement (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  DmLabelSlot slots[200];

  /* eight parallel horizontal edges 16 points apart (neato spreads parallel edges so):
   * each label sits beside its own edge, in the middle, none on another */
  memset (slots, 0, sizeof slots);
  for (guint k = 0; k < 8; k++)
    {
      double *p = straight_path (0, 16.0 * k, 300, 16.0 * k);

      g_ptr_array_add (paths, p);
      slots[k] = (DmLabelSlot) { p, 4, 60, 12.8, 0, 0, FALSE };
    }
  dm_layout_place_labels (slots, 8, NULL, 0, FALSE);
  for (guint k = 0; k < 8; k++)
    {
      g_assert_true (slots[k].placed);
      g_assert_cmpfloat_with_epsilon (fabs (slots[k].y - 16.0 * k), 12.8 / 2 + 1, 0.01);
      g_assert_cmpfloat_with_epsilon (slots[k].x, 150, 0.01);
    }
  assert_no_overlaps (slots, 8);

  /* eight parallel vertical edges: the labels are wider than the gaps, so they take turns
   * along the edges, each touching its own */
  for (guint k = 0; k < 8; k++)
    {
      double *p = straight_path (16.0 * k, 0, 16.0 * k, 400);

      g_ptr_array_add (paths, p);
      slots[k] = (DmLabelSlot) { p, 4, 60, 12.8, 0, 0, FALSE };
    }
  dm_layout_place_labels (slots, 8, NULL, 0, FALSE);
  for (guint k = 0; k < 8; k++)
    {
      g_assert_true (slots[k].placed);
      g_assert_cmpfloat_with_epsilon (fabs (slots[k].x - 16.0 * k), 60.0 / 2 + 1, 0.01);
      g_assert_cmpfloat (slots[k].y, >, 0.15 * 400);
      g_assert_cmpfloat (slots[k].y, <, 0.85 * 400);
    }
  assert_no_overlaps (slots, 8);

  /* a node over the middle of an edge pushes its label along */
  {
    double *p = straight_path (0, 0, 300, 0);
    const double node[4] = { 150, 0, 120, 60 };

    g_ptr_array_add (paths, p);
    slots[0] = (DmLabelSlot) { p, 4, 40, 12.8, 0, 0, FALSE };
    dm_layout_place_labels (slots, 1, node, 1, FALSE);
    g_assert_true (slots[0].placed);
    g_assert_true (fabs (slots[0].x - 150) >= (120 + 40) / 2.0
                   || fabs (slots[0].y) >= (60 + 12.8) / 2.0);
  }

  /* far more labels than room, even around the edge: every one still gets a place, the
   * first beside the edge (the next test checks that the others keep clear of it) */
  {
    double *p = straight_path (0, 0, 100, 0);

    g_ptr_array_add (paths, p);
    for (guint k = 0; k < G_N_ELEMENTS (slots); k++)
      slots[k] = (DmLabelSlot) { p, 4, 50, 12.8, 0, 0, FALSE };
    dm_layout_place_labels (slots, G_N_ELEMENTS (slots), NULL, 0, FALSE);
    g_assert_cmpfloat (fabs (slots[0].y), <=, 12.8 / 2 + 1 + 0.01);
    for (guint k = 0; k < G_N_ELEMENTS (slots); k++)
      g_assert_true (slots[k].placed);
  }

  /* more labels than room beside the edge, but room around it: none overlaps another */
  {
    double *p = straight_path (0, 0, 100, 0);

    g_ptr_array_add (paths, p);
    for (guint k = 0; k < 24; k++)
      slots[k] = (DmLabelSlot) { p, 4, 50, 12.8, 0, 0, FALSE };
    dm_layout_place_labels (slots, 24, NULL, 0, TRUE);
    assert_no_overlaps (slots, 24);
  }

  /* no path, a path too short, an empty label: not placed */
  {
    double *p = straight_path (0, 0, 100, 0);

    g_ptr_array_add (paths, p);
    slots[0] = (DmLabelSlot) { NULL, 0, 50, 12.8, 0, 0, TRUE };
    slots[1] = (DmLabelSlot) { p, 3, 50, 12.8, 0, 0, TRUE };
    slots[2] = (DmLabelSlot) { p, 4, 0, 0, 0, 0, TRUE };
    dm_layout_place_labels (slots, 3, NULL, 0, FALSE);
    g_assert_false (slots[0].placed);
    g_assert_false (slots[1].placed);
    g_assert_false (slots[2].placed);
    dm_layout_place_labels (NULL, 0, NULL, 0, FALSE);
  }
}

/* Counts the labels whose text overlaps no other label's */
static guint
count_free_labels (DmLayout *layout)
{
  guint n_edges = layout->graph->edges->len;
  guint n_free = 0;

  for (guint i = 0; i < n_edges; i++)
    {
      const DmShape *a = find_shape (layout->edges[i].shapes, DM_SHAPE_TEXT);
      gboolean alone = TRUE;

      for (guint j = 0; j < n_edges && alone; j++)
        {
          const DmShape *b = find_shape (layout->edges[j].shapes, DM_SHAPE_TEXT);

          alone = i == j
                  || fabs (a->points[0] - b->points[0]) >= (a->text_width + b->text_width) / 2
                  || fabs (a->points[1] - b->points[1]) >= a->font_size;
        }
      n_free += alone;
    }
  return n_free;
}

static void
check_dense_layout (guint n_actors,
                    guint n_verbs)
{
  g_autoptr(DmGraph) graph = make_dense_graph (n_actors, n_verbs);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(DmLayout) cached = NULL;
  gint64 start;
  guint n_free, n_parallel = 0, n_close = 0;

  g_assert_cmpuint (graph->edges->len, ==, n_actors * (n_actors - 1) * n_verbs);
  g_assert_cmpint (dm_layout_engine_for_graph (graph), ==, DM_LAYOUT_ENGINE_NEATO);
  g_assert_true (dm_layout_engine_places_labels (DM_LAYOUT_ENGINE_NEATO, graph->nodes->len,
                                                 graph->edges->len));

  start = g_get_monotonic_time ();
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%u actors, %u edges: laid out in %.0f ms", graph->nodes->len,
                  graph->edges->len, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (layout->engine, ==, DM_LAYOUT_ENGINE_NEATO);
  /* every node and edge, with its path, arrow head and label */
  check_layout (layout);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmLayoutEdge *le = &layout->edges[i];
      const DmShape *path = find_shape (le->shapes, DM_SHAPE_BEZIER);
      double w, h;

      /* beside its own edge, inside the picture */
      dm_layout_estimate_label_size (edge->label, 9, &w, &h);
      g_assert_cmpfloat (path_distance (path, le->label_x, le->label_y), <=, w / 2 + h / 2 + 2);
      g_assert_cmpfloat (le->label_x, >=, 0);
      g_assert_cmpfloat (le->label_x, <=, layout->width);
      g_assert_cmpfloat (le->label_y, >=, 0);
      g_assert_cmpfloat (le->label_y, <=, layout->height);

      /* parallel relations (both ways) take paths of their own and labels of their own */
      for (guint j = 0; j < i; j++)
        {
          const DmGraphEdge *other = g_ptr_array_index (graph->edges, j);
          const DmLayoutEdge *lo = &layout->edges[j];

          if (!((other->source == edge->source && other->target == edge->target)
                || (other->source == edge->target && other->target == edge->source)))
            continue;
          g_assert_cmpfloat (path_apart (path, find_shape (lo->shapes, DM_SHAPE_BEZIER)), >, 5);
          /* not on top of each other: at most a few, where the picture is full */
          g_assert_cmpfloat (hypot (le->label_x - lo->label_x, le->label_y - lo->label_y), >, 1);
          n_parallel++;
          n_close += hypot (le->label_x - lo->label_x, le->label_y - lo->label_y) < 4;
        }
    }

  g_test_message ("%u of %u pairs of parallel labels less than 4 points apart", n_close, n_parallel);
  g_assert_cmpuint (n_close, <=, n_parallel / 100);
  n_free = count_free_labels (layout);
  g_test_message ("%u of %u labels overlap no other label", n_free, graph->edges->len);

  /* the xdot text holds the label positions: reading it back gives the same picture */
  cached = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_AUTO, layout->xdot, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < graph->edges->len; i++)
    {
      g_assert_cmpfloat_with_epsilon (cached->edges[i].label_x, layout->edges[i].label_x, 0.01);
      g_assert_cmpfloat_with_epsilon (cached->edges[i].label_y, layout->edges[i].label_y, 0.01);
    }
}

static void
test_layout_dense (void)
{
  /* 18 actors and four verbs from each to each: 1,224 labelled edges, 8 between each pair
   * (Graphviz took 1.1 s to place these labels, and routed the edges as straight lines) */
  check_dense_layout (18, 4);
  /* 10 actors and two verbs from each to each: 180 edges (neato would route parallel edges
   * around the nodes along one path) */
  check_dense_layout (10, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/layout/dot", test_layout_dot);
  g_test_add_func ("/dramatis/layout/engines", test_layout_engines);
  g_test_add_func ("/dramatis/layout/pinned", test_layout_pinned);
  g_test_add_func ("/dramatis/layout/auto-engine", test_layout_auto_engine);
  g_test_add_func ("/dramatis/layout/cached", test_layout_cached);
  g_test_add_func ("/dramatis/layout/hit", test_layout_hit);
  g_test_add_func ("/dramatis/layout/async", test_layout_async);
  g_test_add_func ("/dramatis/layout/one-thread", test_layout_one_thread);
  g_test_add_func ("/dramatis/layout/empty", test_layout_empty);
  g_test_add_func ("/dramatis/layout/cache-round-trip", test_layout_cache_round_trip);
  g_test_add_func ("/dramatis/layout/cache-corrupt", test_layout_cache_corrupt);
  g_test_add_func ("/dramatis/layout/dense-policy", test_layout_dense_policy);
  g_test_add_func ("/dramatis/layout/label-placement", test_layout_label_placement);
  g_test_add_func ("/dramatis/layout/dense", test_layout_dense);

  return g_test_run ();
}
