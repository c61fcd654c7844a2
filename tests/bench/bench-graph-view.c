/* bench-graph-view.c — frame times of the graph canvas on a 2,000-actor graph
 *
 * Builds a synthetic layout (actors on a grid, straight bezier relations with labels;
 * no Graphviz), shows it in a window and drives 200 zoom and pan steps, waiting for each
 * frame. Prints the median and 95th percentile of the time spent in the widget's
 * snapshot() and of the whole frame (update phase to after-paint: snapshot plus render).
 *
 *   meson test -C build --benchmark graph-view          (under xvfb-run)
 *   build/tests/bench/bench-graph-view [N_ACTORS] [N_STEPS]
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-graph-view"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#include <gtk/gtk.h>

#include "dm-graph.h"
#include "dm-graph-view.h"
#include "dm-graph-view-private.h"
#include "dm-layout-private.h"

#define COLUMN_SPACING 190.0
#define ROW_SPACING    110.0
#define NODE_WIDTH     120.0
#define NODE_HEIGHT    36.0

static const char * const verbs[] = {
  "urges", "rules out", "meets", "warns", "supports", "sanctions", "attacks", "says",
};
static const DmRelationClass classes[] = {
  DM_CLASS_APPEAL, DM_CLASS_REJECT, DM_CLASS_CONSULT, DM_CLASS_THREATEN,
  DM_CLASS_SUPPORT, DM_CLASS_SANCTION, DM_CLASS_ASSAULT, DM_CLASS_STATEMENT,
};

static DmShape *
text_shape (const char *text,
            double      x,
            double      y,
            double      font_size)
{
  DmShape *shape = g_new0 (DmShape, 1);

  shape->kind = DM_SHAPE_TEXT;
  shape->n_points = 1;
  shape->points = g_new (double, 2);
  shape->points[0] = x;
  shape->points[1] = y;
  shape->text = g_strdup (text);
  shape->font_size = font_size;
  shape->text_width = font_size * 0.55 * g_utf8_strlen (text, -1);
  return shape;
}

static DmLayout *
build_layout (guint n_actors)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  guint columns = (guint) ceil (sqrt (n_actors * 1.6));
  DmLayout *layout;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i + 1);

      dm_graph_add_node (graph, i + 1, name, (DmActorType) (i % DM_N_ACTOR_TYPES), NULL, NULL, 1 + i % 7);
    }
  /* Right neighbour always, lower neighbour every other actor: ~1.5 edges per actor. */
  for (guint i = 0; i < n_actors; i++)
    {
      guint k = i % G_N_ELEMENTS (verbs);

      if ((i + 1) % columns != 0 && i + 1 < n_actors)
        dm_graph_add_edge (graph, i, i + 1, verbs[k], classes[k], i % 11 == 0, 1 + i % 5);
      if (i % 2 == 0 && i + columns < n_actors)
        dm_graph_add_edge (graph, i, i + columns, verbs[(k + 3) % G_N_ELEMENTS (verbs)],
                           classes[(k + 3) % G_N_ELEMENTS (classes)], FALSE, 1 + i % 3);
    }

  layout = dm_layout_new (graph, DM_LAYOUT_ENGINE_SFDP);
  for (guint i = 0; i < n_actors; i++)
    {
      DmLayoutNode *node = &layout->nodes[i];
      const DmGraphNode *gn = g_ptr_array_index (graph->nodes, i);
      DmShape *outline = g_new0 (DmShape, 1);

      node->x = 80 + (i % columns) * COLUMN_SPACING;
      node->y = 40 + (i / columns) * ROW_SPACING;
      node->width = NODE_WIDTH;
      node->height = NODE_HEIGHT;
      outline->kind = DM_SHAPE_ELLIPSE;
      outline->filled = TRUE;
      outline->n_points = 2;
      outline->points = g_new (double, 4);
      outline->points[0] = node->x;
      outline->points[1] = node->y;
      outline->points[2] = NODE_WIDTH / 2;
      outline->points[3] = NODE_HEIGHT / 2;
      g_ptr_array_add (node->shapes, outline);
      g_ptr_array_add (node->shapes, text_shape (gn->name, node->x, node->y + 4, 11));
      layout->width = MAX (layout->width, node->x + NODE_WIDTH);
      layout->height = MAX (layout->height, node->y + NODE_HEIGHT);
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *ge = g_ptr_array_index (graph->edges, i);
      const DmLayoutNode *a = &layout->nodes[ge->source], *b = &layout->nodes[ge->target];
      DmLayoutEdge *edge = &layout->edges[i];
      DmShape *path = g_new0 (DmShape, 1);
      double dx = b->x - a->x, dy = b->y - a->y, len = hypot (dx, dy);
      double ux = dx / len, uy = dy / len;
      double x0 = a->x + ux * (dx != 0 ? NODE_WIDTH / 2 : NODE_HEIGHT / 2);
      double y0 = a->y + uy * (dx != 0 ? NODE_WIDTH / 2 : NODE_HEIGHT / 2);
      double x1 = b->x - ux * (dx != 0 ? NODE_WIDTH / 2 : NODE_HEIGHT / 2);
      double y1 = b->y - uy * (dx != 0 ? NODE_WIDTH / 2 : NODE_HEIGHT / 2);

      path->kind = DM_SHAPE_BEZIER;
      path->n_points = 4;
      path->points = g_new (double, 8);
      for (guint k = 0; k < 4; k++)
        {
          path->points[2 * k] = x0 + (x1 - x0) * k / 3.0;
          path->points[2 * k + 1] = y0 + (y1 - y0) * k / 3.0;
        }
      g_ptr_array_add (edge->shapes, path);
      edge->label_x = (x0 + x1) / 2;
      edge->label_y = (y0 + y1) / 2;
      edge->has_label_pos = TRUE;
      g_ptr_array_add (edge->shapes, text_shape (ge->label, edge->label_x, edge->label_y + 3, 9));
    }
  return layout;
}

typedef struct {
  DmGraphView *view;
  gint64       frame_begin;
  gint64       frame_cpu_begin;
  gboolean     painted;
  GArray      *frame_ms;
  GArray      *frame_cpu_ms;
  GArray      *snapshot_ms;
  GArray      *zoom_frame_ms;
  GArray      *pan_frame_ms;
  gboolean     recording;
} Bench;

/* CPU time of the whole process (the renderer's threads too): less at the mercy of
 * other load on the machine than wall time. */
static gint64
process_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->frame_begin = g_get_monotonic_time ();
  bench->frame_cpu_begin = process_cpu_usec ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  DmGraphViewStats stats;
  double frame, snapshot, cpu;

  bench->painted = TRUE;
  if (!bench->recording || bench->frame_begin == 0)
    return;
  dm_graph_view_get_stats (bench->view, &stats);
  frame = (g_get_monotonic_time () - bench->frame_begin) / 1000.0;
  snapshot = stats.last_snapshot_usec / 1000.0;
  cpu = (process_cpu_usec () - bench->frame_cpu_begin) / 1000.0;
  g_array_append_val (bench->frame_ms, frame);
  g_array_append_val (bench->frame_cpu_ms, cpu);
  g_array_append_val (bench->snapshot_ms, snapshot);
}

static void
wait_for_frame (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->view));

  bench->painted = FALSE;
  bench->frame_begin = 0;
  /* The update phase runs just before layout and paint: the frame starts there. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
  gtk_widget_queue_draw (GTK_WIDGET (bench->view));
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *values)
{
  double median, p95, max;

  if (values->len == 0)
    {
      g_print ("%-10s no frames\n", what);
      return;
    }
  g_array_sort (values, compare_doubles);
  median = g_array_index (values, double, values->len / 2);
  p95 = g_array_index (values, double, MIN (values->len - 1, (guint) ceil (values->len * 0.95) - 1));
  max = g_array_index (values, double, values->len - 1);
  g_print ("%-10s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%u frames)\n",
           what, median, p95, max, values->len);
}

int
main (int   argc,
      char *argv[])
{
  guint n_actors = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  guint n_steps = argc > 2 ? (guint) atoi (argv[2]) : 200;
  g_autoptr(DmLayout) layout = NULL;
  Bench bench = { 0 };
  GtkWidget *window;
  GdkFrameClock *clock;
  DmGraphViewStats before, after;
  gint64 begin;
  double w, h, fit;

  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();

  begin = g_get_monotonic_time ();
  layout = build_layout (n_actors);
  g_print ("graph-view: %u actors, %u relations, built in %.1f ms\n",
           layout->graph->nodes->len, layout->graph->edges->len,
           (g_get_monotonic_time () - begin) / 1000.0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bench.view = DM_GRAPH_VIEW (dm_graph_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (bench.view)) == 0)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.view));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  begin = g_get_monotonic_time ();
  dm_graph_view_set_layout (bench.view, layout);
  wait_for_frame (&bench);
  g_print ("graph-view: set_layout and first frame %.1f ms (renderer %s)\n",
           (g_get_monotonic_time () - begin) / 1000.0,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  w = gtk_widget_get_width (GTK_WIDGET (bench.view));
  h = gtk_widget_get_height (GTK_WIDGET (bench.view));
  fit = dm_graph_view_get_zoom (bench.view);
  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.zoom_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.pan_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.recording = TRUE;

  /* The floor: frames where nothing changed, so the cached render node is drawn again.
   * What is left is the renderer's and the display's share. */
  for (guint i = 0; i < 30; i++)
    wait_for_frame (&bench);
  report ("idle frame", bench.frame_ms);
  g_array_set_size (bench.frame_ms, 0);
  g_array_set_size (bench.snapshot_ms, 0);
  g_array_set_size (bench.frame_cpu_ms, 0);

  dm_graph_view_get_stats (bench.view, &before);

  /* A quarter zooming in around wandering points (fit → ~16× fit, through the zoom where
   * labels appear), a quarter panning, a quarter zooming out, a quarter panning back. */
  for (guint step = 0; step < n_steps; step++)
    {
      guint quarter = step * 4 / MAX (n_steps, 1);
      double t = (double) step / n_steps;
      double x = w * (0.3 + 0.4 * sin (t * 7)), y = h * (0.3 + 0.4 * cos (t * 5));
      double factor = pow (16.0, 4.0 / MAX (n_steps, 1));

      switch (quarter)
        {
        case 0:
          dm_graph_view_zoom_at (bench.view, dm_graph_view_get_zoom (bench.view) * factor, x, y);
          break;
        case 1:
          dm_graph_view_pan_by (bench.view, 37, 23);
          break;
        case 2:
          dm_graph_view_zoom_at (bench.view, dm_graph_view_get_zoom (bench.view) / factor, x, y);
          break;
        default:
          dm_graph_view_pan_by (bench.view, -41, -19);
          break;
        }
      wait_for_frame (&bench);
      if (bench.frame_ms->len > 0)
        g_array_append_val (quarter % 2 == 0 ? bench.zoom_frame_ms : bench.pan_frame_ms,
                            g_array_index (bench.frame_ms, double, bench.frame_ms->len - 1));
    }

  dm_graph_view_get_stats (bench.view, &after);
  g_print ("graph-view: %u steps, zoom %.3f … %.3f, %u tiles rasterised\n",
           n_steps, fit, fit * 16, after.n_tiles_rendered - before.n_tiles_rendered);
  report ("snapshot", bench.snapshot_ms);
  report ("frame", bench.frame_ms);
  report ("frame CPU", bench.frame_cpu_ms);
  report ("zoom frame", bench.zoom_frame_ms);
  report ("pan frame", bench.pan_frame_ms);

  /* After a single zoom step (a wheel notch), how long until every tile in view is drawn
   * at the new zoom again; the scaled old tiles stand in meanwhile. */
  {
    g_autoptr(GArray) sharp_ms = g_array_new (FALSE, FALSE, sizeof (double));

    bench.recording = FALSE;
    for (guint k = 0; k < 10; k++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        dm_graph_view_zoom_at (bench.view, dm_graph_view_get_zoom (bench.view) * (k % 2 ? 0.8 : 1.25),
                               w / 2, h / 2);
        do
          {
            wait_for_frame (&bench);
            dm_graph_view_get_stats (bench.view, &after);
          }
        while (!after.scene_complete);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (sharp_ms, ms);
      }
    report ("zoom step to sharp", sharp_ms);
  }

  g_array_unref (bench.frame_ms);
  g_array_unref (bench.snapshot_ms);
  g_array_unref (bench.frame_cpu_ms);
  g_array_unref (bench.zoom_frame_ms);
  g_array_unref (bench.pan_frame_ms);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
