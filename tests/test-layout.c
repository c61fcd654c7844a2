/* test-layout.c — layouts on the worker thread: shapes, cache, hit tests, cancellation
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-layout.h"

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
   * (after the header, the xdot text and four doubles) */
  {
    gsize at = 4 + 1 + 1 + 4 + 4 + 8 + 8 + 4 + strlen (layout->xdot) + 4 * 8;

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/layout/dot", test_layout_dot);
  g_test_add_func ("/dramatis/layout/engines", test_layout_engines);
  g_test_add_func ("/dramatis/layout/auto-engine", test_layout_auto_engine);
  g_test_add_func ("/dramatis/layout/cached", test_layout_cached);
  g_test_add_func ("/dramatis/layout/hit", test_layout_hit);
  g_test_add_func ("/dramatis/layout/async", test_layout_async);
  g_test_add_func ("/dramatis/layout/one-thread", test_layout_one_thread);
  g_test_add_func ("/dramatis/layout/empty", test_layout_empty);
  g_test_add_func ("/dramatis/layout/cache-round-trip", test_layout_cache_round_trip);
  g_test_add_func ("/dramatis/layout/cache-corrupt", test_layout_cache_corrupt);

  return g_test_run ();
}
