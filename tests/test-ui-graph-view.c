/* test-ui-graph-view.c — the graph canvas: selection, keyboard, zoom, hit-testing, drawing
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-graph-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dm-graph.h"
#include "dm-graph-view.h"
#include "dm-graph-view-private.h"
#include "dm-legend.h"
#include "dm-layout-private.h"
#include "layout-test-common.h"

#define WINDOW_WIDTH  640
#define WINDOW_HEIGHT 480

/* A hand-built layout: actors as ellipses at the given centres, relations as straight
 * cubic beziers with a label position, the way the layout worker fills them in. */
typedef struct {
  gint64       id;
  const char  *name;
  DmActorType  type;
  double       x, y;
} TestActor;

static DmLayout *
build_layout (const TestActor *actors,
              guint            n_actors)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  DmLayout *layout;
  double max_x = 0, max_y = 0;

  for (guint i = 0; i < n_actors; i++)
    dm_graph_add_node (graph, actors[i].id, actors[i].name, actors[i].type,
                       actors[i].type == DM_ACTOR_OFFICIAL ? "Secretary of Defense" : NULL,
                       actors[i].type == DM_ACTOR_OFFICIAL ? "United States" : NULL, 3);
  /* 0 → 1 twice-attested rejection, 0 → 2 appeal, 2 → 1 support: a triangle. */
  if (n_actors >= 3)
    {
      dm_graph_add_edge (graph, 0, 1, "rules out", DM_CLASS_REJECT, FALSE, 2);
      dm_graph_add_edge (graph, 0, 2, "urges", DM_CLASS_APPEAL, FALSE, 1);
      dm_graph_add_edge (graph, 2, 1, "supports", DM_CLASS_SUPPORT, FALSE, 1);
    }

  layout = dm_layout_new (graph, DM_LAYOUT_ENGINE_DOT);
  for (guint i = 0; i < n_actors; i++)
    {
      DmLayoutNode *node = &layout->nodes[i];

      node->x = actors[i].x;
      node->y = actors[i].y;
      node->width = 110;
      node->height = 36;
      g_ptr_array_add (node->shapes, test_shape_new (DM_SHAPE_ELLIPSE, TRUE, 2, node->x, node->y, 55.0, 18.0));
      max_x = MAX (max_x, node->x + 55 + 10);
      max_y = MAX (max_y, node->y + 18 + 10);
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *ge = g_ptr_array_index (graph->edges, i);
      const DmLayoutNode *a = &layout->nodes[ge->source], *b = &layout->nodes[ge->target];
      DmLayoutEdge *edge = &layout->edges[i];

      g_ptr_array_add (edge->shapes,
                       test_shape_new (DM_SHAPE_BEZIER, FALSE, 4,
                                       a->x, a->y,
                                       a->x + (b->x - a->x) / 3, a->y + (b->y - a->y) / 3,
                                       a->x + 2 * (b->x - a->x) / 3, a->y + 2 * (b->y - a->y) / 3,
                                       b->x, b->y));
      edge->label_x = (a->x + b->x) / 2;
      edge->label_y = (a->y + b->y) / 2;
      edge->has_label_pos = TRUE;
    }
  layout->width = max_x;
  layout->height = max_y;
  return layout;
}

static const TestActor triangle[] = {
  { 101, "Pete Hegseth", DM_ACTOR_OFFICIAL, 80, 40 },
  { 102, "Ukraine", DM_ACTOR_COUNTRY, 420, 300 },
  { 103, "NATO", DM_ACTOR_ORGANIZATION, 420, 40 },
};

/* The same actors, moved and in another order: what a reload after a filter change gives. */
static const TestActor triangle_moved[] = {
  { 103, "NATO", DM_ACTOR_ORGANIZATION, 100, 300 },
  { 101, "Pete Hegseth", DM_ACTOR_OFFICIAL, 100, 40 },
  { 102, "Ukraine", DM_ACTOR_COUNTRY, 500, 200 },
};

static const TestActor others[] = {
  { 201, "Russia", DM_ACTOR_COUNTRY, 60, 60 },
  { 202, "Kremlin", DM_ACTOR_ORGANIZATION, 900, 60 },
  { 203, "Sergei Lavrov", DM_ACTOR_OFFICIAL, 480, 700 },
};

typedef struct {
  GtkWidget   *window;
  DmGraphView *view;
  DmLayout    *layout;
} Fixture;

static void
painted_cb (GdkFrameClock *clock,
            gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Lets GTK lay out and paint the window once. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  fixture->view = DM_GRAPH_VIEW (dm_graph_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  fixture->layout = build_layout (triangle, G_N_ELEMENTS (triangle));
  dm_graph_view_set_layout (fixture->view, fixture->layout);
  gtk_window_present (GTK_WINDOW (fixture->window));

  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) == 0 ||
         !gtk_widget_get_mapped (GTK_WIDGET (fixture->view)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  dm_layout_unref (fixture->layout);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
count_cb (gpointer instance,
          gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
activated_cb (DmGraphView *view,
              int          index,
              gpointer     user_data)
{
  *(int *) user_data = index;
}

static void
node_center (Fixture *fixture,
             int      node,
             double  *x,
             double  *y)
{
  graphene_rect_t r;

  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, node, &r));
  *x = r.origin.x + r.size.width / 2;
  *y = r.origin.y + r.size.height / 2;
}

/* The test accessibility backend holds what GTK would hand to AT-SPI. */
static void
assert_accessible_property (DmGraphView           *view,
                            GtkAccessibleProperty  property,
                            const char            *expected)
{
  g_autofree char *actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), property, expected);
  g_autofree char *label = dm_graph_view_dup_accessible_label (view);

  if (actual != NULL)
    g_error ("accessible property %d is “%s”, expected “%s”", property, actual, expected);
  if (property == GTK_ACCESSIBLE_PROPERTY_LABEL)
    g_assert_cmpstr (label, ==, expected);
}

static void
test_select_actor (Fixture       *fixture,
                   gconstpointer  data)
{
  guint changed = 0;

  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (count_cb), &changed);

  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, -1);
  g_assert_true (dm_graph_view_select_actor (fixture->view, 102));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);
  g_assert_cmpint (dm_graph_view_get_selected_edge (fixture->view), ==, -1);
  g_assert_cmpuint (changed, ==, 1);

  /* Selecting it again changes nothing. */
  g_assert_true (dm_graph_view_select_actor (fixture->view, 102));
  g_assert_cmpuint (changed, ==, 1);

  g_assert_false (dm_graph_view_select_actor (fixture->view, 999));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);

  /* The accessible label names the selected actor with its type as the panels show it and
   * its relations (Hegseth has two); the description says how big the graph is. */
  g_assert_true (dm_graph_view_select_actor (fixture->view, 101));
  assert_accessible_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                              "Pete Hegseth, Official, 2 relations — relationship graph");
  assert_accessible_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                              "3 actors, 3 relations");
  g_assert_true (dm_graph_view_select_actor (fixture->view, 102));
  assert_accessible_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                              "Ukraine, Country, 2 relations — relationship graph");

  /* Selecting an edge clears the node; the label names the relation. */
  dm_graph_view_select_edge (fixture->view, 0);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, -1);
  g_assert_cmpint (dm_graph_view_get_selected_edge (fixture->view), ==, 0);
  g_assert_cmpuint (changed, ==, 4);
  assert_accessible_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                              "Pete Hegseth → Ukraine: rules out ×2 — relationship graph");

  /* Nothing selected: the canvas is the relationship graph again. */
  dm_graph_view_select_edge (fixture->view, -1);
  assert_accessible_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Relationship graph");
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  int activated = -1;
  guint escaped = 0, changed = 0;

  g_signal_connect (fixture->view, "node-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_connect (fixture->view, "escape", G_CALLBACK (count_cb), &escaped);
  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_true (gtk_widget_grab_focus (widget));

  /* Reading order: top row left to right, then the bottom row. */
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-next", NULL));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 0);   /* Hegseth */
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-next", NULL));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 2);   /* NATO */
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-next", NULL));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);   /* Ukraine */
  g_assert_cmpuint (changed, ==, 3);

  /* Past the last actor Tab is not ours (the action is disabled, so the key moves the
   * focus on): the selection stays. */
  gtk_widget_activate_action (widget, "graph.select-next", NULL);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (gtk_widget_activate_action (widget, "graph.select-previous", NULL));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 2);

  /* Arrows: from NATO (top right) left is Hegseth, down is Ukraine. */
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-towards", "(dd)", -1.0, 0.0));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 0);
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-towards", "(dd)", 1.0, 0.0));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 2);
  g_assert_true (gtk_widget_activate_action (widget, "graph.select-towards", "(dd)", 0.0, 1.0));
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);

  /* Enter activates the selection, Escape asks to go back. */
  g_assert_true (gtk_widget_activate_action (widget, "graph.activate-selection", NULL));
  g_assert_cmpint (activated, ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "graph.escape", NULL));
  g_assert_cmpuint (escaped, ==, 1);

  /* With nothing selected Enter is left to the window. */
  dm_graph_view_select_node (fixture->view, -1);
  activated = -1;
  gtk_widget_activate_action (widget, "graph.activate-selection", NULL);
  g_assert_cmpint (activated, ==, -1);
}

static void
zoom_notify_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  double fit, z, cx, cy, px, py;
  guint notified = 0;
  graphene_rect_t bounds, before;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  g_signal_connect (fixture->view, "notify::zoom", G_CALLBACK (zoom_notify_cb), &notified);

  /* A new layout is fitted: the whole graph is inside the allocation and fills it along
   * one axis (up to the margin). */
  fit = dm_graph_view_get_zoom (fixture->view);
  dm_graph_view_get_scene_bounds (fixture->view, &bounds);
  g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
  g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, w + 0.5);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, h + 0.5);
  g_assert_true (bounds.size.width >= w - 2 * 24 - 1 || bounds.size.height >= h - 2 * 24 - 1);

  g_assert_true (gtk_widget_activate_action (widget, "graph.zoom-in", NULL));
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), >, fit);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (gtk_widget_activate_action (widget, "graph.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "graph.zoom-out", NULL));
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), <, fit);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_true (gtk_widget_activate_action (widget, "graph.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), 1.0, 1e-9);

  g_assert_true (gtk_widget_activate_action (widget, "graph.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), fit, 1e-9);

  /* Zooming around a point keeps the scene point under it in place (to the pixel the
   * view snaps its origin to). */
  node_center (fixture, 2, &px, &py);
  dm_graph_view_get_node_bounds (fixture->view, 2, &before);
  dm_graph_view_zoom_at (fixture->view, fit * 2.0, px, py);
  z = dm_graph_view_get_zoom (fixture->view);
  g_assert_cmpfloat_with_epsilon (z, fit * 2.0, 1e-9);
  {
    double nx, ny;

    node_center (fixture, 2, &nx, &ny);
    g_assert_cmpfloat (fabs (nx - px), <=, 1.0);
    g_assert_cmpfloat (fabs (ny - py), <=, 1.0);
  }

  /* Clamps */
  dm_graph_view_set_zoom (fixture->view, 1000);
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), <=, 8.0);
  gtk_widget_activate_action (widget, "graph.zoom-in", NULL);
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), <=, 8.0);
  dm_graph_view_set_zoom (fixture->view, 0.0001);
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), >=, 0.01);

  /* Panning moves the centre by pixels / zoom. */
  dm_graph_view_set_zoom (fixture->view, 1.0);
  dm_graph_view_get_center (fixture->view, &cx, &cy);
  dm_graph_view_pan_by (fixture->view, 20, -10);
  {
    double ncx, ncy;

    dm_graph_view_get_center (fixture->view, &ncx, &ncy);
    g_assert_cmpfloat_with_epsilon (ncx - cx, 20.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (ncy - cy, -10.0, 1e-9);
  }
}

static void
test_hit_test (Fixture       *fixture,
               gconstpointer  data)
{
  int activated = -1, edge_activated = -1;
  guint changed = 0;
  double x, y, ax, ay, bx, by;
  g_autofree char *tip = NULL;
  g_autofree char *node_tip = NULL;

  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (fixture->view, "node-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_connect (fixture->view, "edge-activated", G_CALLBACK (activated_cb), &edge_activated);

  node_center (fixture, 1, &x, &y);
  g_assert_cmpint (dm_graph_view_node_at (fixture->view, x, y), ==, 1);
  dm_graph_view_click_at (fixture->view, x, y, 1);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  dm_graph_view_click_at (fixture->view, x, y, 2);
  g_assert_cmpint (activated, ==, 1);

  node_tip = dm_graph_view_get_tooltip_markup (fixture->view, x, y);
  g_assert_nonnull (strstr (node_tip, "<b>Ukraine</b>"));
  g_assert_nonnull (strstr (node_tip, "Country"));

  /* A point a third of the way along Hegseth → NATO, off the label, is on that edge. */
  node_center (fixture, 0, &ax, &ay);
  node_center (fixture, 2, &bx, &by);
  x = ax + 0.3 * (bx - ax);
  y = ay + 0.3 * (by - ay) + 1.5;
  g_assert_cmpint (dm_graph_view_node_at (fixture->view, x, y), ==, -1);
  g_assert_cmpint (dm_graph_view_edge_at (fixture->view, x, y), ==, 1);
  dm_graph_view_click_at (fixture->view, x, y, 1);
  g_assert_cmpint (dm_graph_view_get_selected_edge (fixture->view), ==, 1);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, -1);
  g_assert_cmpuint (changed, ==, 2);

  /* The label pill of Hegseth → Ukraine, at its label position, is that edge. */
  node_center (fixture, 1, &bx, &by);
  tip = dm_graph_view_get_tooltip_markup (fixture->view, (ax + bx) / 2, (ay + by) / 2);
  g_assert_cmpstr (tip, ==, "Pete Hegseth → Ukraine: rules out ×2 (REJECT)");
  dm_graph_view_click_at (fixture->view, (ax + bx) / 2, (ay + by) / 2, 2);
  g_assert_cmpint (edge_activated, ==, 0);

  /* Empty space clears the selection. */
  dm_graph_view_click_at (fixture->view, 2, gtk_widget_get_height (GTK_WIDGET (fixture->view)) - 2, 1);
  g_assert_cmpint (dm_graph_view_get_selected_edge (fixture->view), ==, -1);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, -1);
  g_assert_cmpuint (changed, ==, 3);

  /* Hovering a node highlights it. */
  node_center (fixture, 0, &x, &y);
  dm_graph_view_hover_at (fixture->view, x, y);
  g_assert_cmpint (dm_graph_view_get_hovered_node (fixture->view), ==, 0);
  dm_graph_view_hover_at (fixture->view, 2, 2);
  g_assert_cmpint (dm_graph_view_get_hovered_node (fixture->view), ==, -1);
}

static void
test_set_layout (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DmLayout) moved = build_layout (triangle_moved, G_N_ELEMENTS (triangle_moved));
  g_autoptr(DmLayout) other = build_layout (others, G_N_ELEMENTS (others));
  double fit = dm_graph_view_get_zoom (fixture->view);
  guint changed = 0;

  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (count_cb), &changed);

  dm_graph_view_set_zoom (fixture->view, 1.7);
  g_assert_true (dm_graph_view_select_actor (fixture->view, 102));   /* Ukraine, index 1 */
  g_assert_cmpuint (changed, ==, 1);

  /* Same actors: zoom kept, selection follows Ukraine to its new index. */
  dm_graph_view_set_layout (fixture->view, moved);
  g_assert_true (dm_graph_view_get_layout (fixture->view) == moved);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), 1.7, 1e-9);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, 2);
  g_assert_cmpuint (changed, ==, 2);

  /* Other actors: fitted again, selection gone. */
  dm_graph_view_set_layout (fixture->view, other);
  g_assert_cmpfloat (fabs (dm_graph_view_get_zoom (fixture->view) - 1.7), >, 0.01);
  g_assert_cmpint (dm_graph_view_get_selected_node (fixture->view), ==, -1);
  g_assert_cmpuint (changed, ==, 3);
  {
    graphene_rect_t bounds;
    int w = gtk_widget_get_width (GTK_WIDGET (fixture->view));
    int h = gtk_widget_get_height (GTK_WIDGET (fixture->view));

    dm_graph_view_get_scene_bounds (fixture->view, &bounds);
    g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, h + 0.5);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, w + 0.5);
  }

  /* Back to the first: different actors again, fitted at the first zoom. */
  dm_graph_view_set_layout (fixture->view, fixture->layout);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), fit, 1e-9);

  dm_graph_view_set_layout (fixture->view, NULL);
  g_assert_null (dm_graph_view_get_layout (fixture->view));
  g_assert_cmpint (dm_graph_view_node_at (fixture->view, 10, 10), ==, -1);
}

/* Draws the view the way its window does, into a texture. */
static GdkTexture *
render_view (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  DmGraphViewStats stats;

  /* Tiles of a new zoom may take a few frames. */
  do
    {
      wait_for_frame (widget);
      dm_graph_view_get_stats (fixture->view, &stats);
    }
  while (!stats.scene_complete);
  /* An opaque page under the widget, as in the window. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
pixel_at (GdkTexture *texture,
          guchar     *data,
          double      x,
          double      y,
          guchar      rgb[3])
{
  int width = gdk_texture_get_width (texture);
  /* gdk_texture_download(): cairo ARGB32, premultiplied, native endian */
  guint32 pixel = ((guint32 *) data)[(int) y * width + (int) x];

  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static int
color_distance (const guchar a[3],
                const guchar b[3])
{
  return abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) dimmed = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree guchar *dimmed_pixels = NULL;
  int width, height;
  guchar bg[3], at_node[3], beside_label[3], country_fill[3], dim_fill[3];
  double x, y;
  graphene_rect_t r;
  DmGraphViewStats stats;
  GdkRGBA fill;

  texture = render_view (fixture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  dm_graph_view_get_stats (fixture->view, &stats);
  g_assert_cmpuint (stats.n_snapshots, >, 0);
  g_assert_cmpuint (stats.n_tiles_rendered, >, 0);

  /* The empty corner is background; inside Ukraine's ellipse, off its label, is the
   * country fill of the palette. */
  pixel_at (texture, pixels, width - 3, 3, bg);
  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, 1, &r));
  x = r.origin.x + r.size.width * 0.5;
  y = r.origin.y + r.size.height * 0.86;
  pixel_at (texture, pixels, x, y, beside_label);
  g_assert_cmpint (color_distance (bg, beside_label), >, 30);

  dm_graph_view_get_actor_type_colors (fixture->view, DM_ACTOR_COUNTRY, &fill, NULL);
  country_fill[0] = fill.red * 255;
  country_fill[1] = fill.green * 255;
  country_fill[2] = fill.blue * 255;
  g_assert_cmpint (color_distance (country_fill, beside_label), <, 12);

  /* The label: somewhere across the node's middle there is text, darker than the fill. */
  {
    gboolean found = FALSE;

    for (double tx = r.origin.x + r.size.width * 0.3; tx < r.origin.x + r.size.width * 0.7 && !found; tx += 1)
      {
        pixel_at (texture, pixels, tx, r.origin.y + r.size.height / 2, at_node);
        found = color_distance (at_node, country_fill) > 150;
      }
    g_assert_true (found);
  }

  /* In a triangle every actor neighbours every other, so hover an edge instead:
   * NATO → Ukraine keeps both its ends and dims Hegseth. */
  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, 0, &r));
  x = r.origin.x + r.size.width * 0.5;
  y = r.origin.y + r.size.height * 0.86;
  pixel_at (texture, pixels, x, y, at_node);
  {
    double ax, ay, bx, by;

    node_center (fixture, 2, &ax, &ay);
    node_center (fixture, 1, &bx, &by);
    dm_graph_view_hover_at (fixture->view, ax + 0.25 * (bx - ax), ay + 0.25 * (by - ay));
  }
  g_assert_cmpint (dm_graph_view_get_hovered_node (fixture->view), ==, -1);
  dimmed = render_view (fixture);
  dimmed_pixels = g_malloc (width * height * 4);
  gdk_texture_download (dimmed, dimmed_pixels, width * 4);
  pixel_at (dimmed, dimmed_pixels, x, y, dim_fill);
  /* Dimmed toward the background. */
  g_assert_cmpint (color_distance (dim_fill, bg), <, color_distance (at_node, bg));
  /* Ukraine, an end of the hovered edge, is drawn as before. */
  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, 1, &r));
  pixel_at (dimmed, dimmed_pixels, r.origin.x + r.size.width * 0.5, r.origin.y + r.size.height * 0.86, dim_fill);
  g_assert_cmpint (color_distance (dim_fill, country_fill), <, 12);
}

/* After a zoom step the view sharpens over several frames as the tile worker hands tiles
 * back, the scaled old tiles standing in meanwhile (the frame never rasterises them itself);
 * it ends with every tile drawn at the new zoom. */
static void
test_progressive_zoom (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  DmGraphViewStats before, stats;
  guint frames = 0;
  graphene_rect_t r;
  GdkRGBA fill;
  guchar expected[3], seen[3];
  double x, y;

  dm_graph_view_get_stats (fixture->view, &before);
  g_assert_true (before.scene_complete);

  node_center (fixture, 1, &x, &y);
  dm_graph_view_zoom_at (fixture->view, dm_graph_view_get_zoom (fixture->view) * 2.5, x, y);
  do
    {
      wait_for_frame (widget);
      dm_graph_view_get_stats (fixture->view, &stats);
      frames++;
      g_assert_cmpuint (frames, <, 200);
    }
  while (!stats.scene_complete);
  /* More than one frame: the first showed the backdrop where tiles were missing, and
   * did not wait for them. */
  g_assert_cmpuint (frames, >, 1);
  g_assert_cmpuint (stats.n_tiles_rendered, >, before.n_tiles_rendered);

  texture = render_view (fixture);
  pixels = g_malloc (gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, gdk_texture_get_width (texture) * 4);
  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, 1, &r));
  pixel_at (texture, pixels, r.origin.x + r.size.width * 0.5, r.origin.y + r.size.height * 0.86, seen);
  dm_graph_view_get_actor_type_colors (fixture->view, DM_ACTOR_COUNTRY, &fill, NULL);
  expected[0] = fill.red * 255;
  expected[1] = fill.green * 255;
  expected[2] = fill.blue * 255;
  g_assert_cmpint (color_distance (expected, seen), <, 12);
}

/* The dark style (as AdwStyleManager gives it, here through the GTK setting) repaints
 * the canvas in the dark palette. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->view));
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autofree guchar *light_pixels = NULL;
  g_autofree guchar *dark_pixels = NULL;
  GdkRGBA light_stroke, dark_stroke;
  guchar light_bg[3], dark_bg[3];
  int width, height;

  light = render_view (fixture);
  dm_graph_view_get_actor_type_colors (fixture->view, DM_ACTOR_COUNTRY, NULL, &light_stroke);

  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  dark = render_view (fixture);
  dm_graph_view_get_actor_type_colors (fixture->view, DM_ACTOR_COUNTRY, NULL, &dark_stroke);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);

  width = gdk_texture_get_width (light);
  height = gdk_texture_get_height (light);
  light_pixels = g_malloc (width * height * 4);
  dark_pixels = g_malloc (width * height * 4);
  gdk_texture_download (light, light_pixels, width * 4);
  gdk_texture_download (dark, dark_pixels, width * 4);
  pixel_at (light, light_pixels, width - 3, 3, light_bg);
  pixel_at (dark, dark_pixels, width - 3, 3, dark_bg);

  /* A light page before, a dark one after; outlines lighter than before. */
  g_assert_cmpint (light_bg[0] + light_bg[1] + light_bg[2], >, 3 * 200);
  g_assert_cmpint (dark_bg[0] + dark_bg[1] + dark_bg[2], <, 3 * 90);
  g_assert_cmpfloat (dark_stroke.red + dark_stroke.green + dark_stroke.blue, >,
                     light_stroke.red + light_stroke.green + light_stroke.blue);
}

/* Downloads what the view draws: its texture and pixels (free both). */
static guchar *
render_pixels (Fixture     *fixture,
               GdkTexture **texture)
{
  guchar *pixels;

  *texture = render_view (fixture);
  pixels = g_malloc (gdk_texture_get_width (*texture) * gdk_texture_get_height (*texture) * 4);
  gdk_texture_download (*texture, pixels, gdk_texture_get_width (*texture) * 4);
  return pixels;
}

/* Search matches: a ring in the accent colour just outside the node, following the actor
 * into a new layout, gone when the search is cleared. */
static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DmLayout) moved = build_layout (triangle_moved, G_N_ELEMENTS (triangle_moved));
  static const gint64 ukraine[] = { 102 }, nobody[] = { 999 };
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) marked = NULL;
  g_autofree guchar *plain_pixels = NULL;
  g_autofree guchar *marked_pixels = NULL;
  guchar before[3], after[3];
  graphene_rect_t r;
  double x, y;

  g_assert_true (dm_graph_view_get_node_bounds (fixture->view, 1, &r));
  /* Just right of Ukraine's ellipse, at its middle: page before, ring after. */
  x = r.origin.x + r.size.width + 2;
  y = r.origin.y + r.size.height / 2;
  plain_pixels = render_pixels (fixture, &plain);
  pixel_at (plain, plain_pixels, x, y, before);

  g_assert_cmpuint (dm_graph_view_set_highlighted_actors (fixture->view, ukraine, 1), ==, 1);
  g_assert_true (dm_graph_view_node_is_highlighted (fixture->view, 1));
  g_assert_false (dm_graph_view_node_is_highlighted (fixture->view, 0));
  marked_pixels = render_pixels (fixture, &marked);
  pixel_at (marked, marked_pixels, x, y, after);
  g_assert_cmpint (color_distance (before, after), >, 60);
  /* Toward the accent colour (blue): more blue than red. */
  g_assert_cmpint (after[2], >, after[0] + 40);

  /* The same actor at another index in the next layout. */
  dm_graph_view_set_layout (fixture->view, moved);
  g_assert_cmpuint (dm_graph_view_get_n_highlighted (fixture->view), ==, 1);
  g_assert_true (dm_graph_view_node_is_highlighted (fixture->view, 2));
  g_assert_false (dm_graph_view_node_is_highlighted (fixture->view, 1));

  /* An actor not in the layout marks nothing; no ids clear the marks. */
  g_assert_cmpuint (dm_graph_view_set_highlighted_actors (fixture->view, nobody, 1), ==, 0);
  g_assert_cmpuint (dm_graph_view_set_highlighted_actors (fixture->view, NULL, 0), ==, 0);
  g_assert_false (dm_graph_view_node_is_highlighted (fixture->view, 2));
}

/* Asserts the whole layout is inside the widget and fills it along one side. */
static void
assert_fitted (Fixture *fixture)
{
  int w = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int h = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  graphene_rect_t b;

  dm_graph_view_get_scene_bounds (fixture->view, &b);
  g_assert_cmpfloat (b.origin.x, >=, -0.5);
  g_assert_cmpfloat (b.origin.y, >=, -0.5);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, w + 0.5);
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, h + 0.5);
  g_assert_true (b.size.width > w * 0.8 || b.size.height > h * 0.8);
}

static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  while ((gtk_widget_get_width (GTK_WIDGET (fixture->view)) != width ||
          gtk_widget_get_height (GTK_WIDGET (fixture->view)) != height) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, width);
  wait_for_frame (GTK_WIDGET (fixture->view));
}

/* A graph the user has not moved follows the window's size and a new layout of the same
 * actors (another engine); once zoomed or panned, both keep the view, until zoom-to-fit. */
static void
test_refit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DmLayout) moved = build_layout (triangle_moved, G_N_ELEMENTS (triangle_moved));
  double zoom = dm_graph_view_get_zoom (fixture->view), zoomed;

  g_assert_false (dm_graph_view_get_view_moved (fixture->view));
  resize_window (fixture, WINDOW_WIDTH / 2, WINDOW_HEIGHT / 2);
  g_assert_cmpfloat (dm_graph_view_get_zoom (fixture->view), <, zoom * 0.75);
  assert_fitted (fixture);

  resize_window (fixture, WINDOW_WIDTH, WINDOW_HEIGHT);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), zoom, 1e-6);
  dm_graph_view_set_layout (fixture->view, moved);
  assert_fitted (fixture);

  dm_graph_view_zoom_in (fixture->view);
  g_assert_true (dm_graph_view_get_view_moved (fixture->view));
  zoomed = dm_graph_view_get_zoom (fixture->view);
  resize_window (fixture, WINDOW_WIDTH / 2, WINDOW_HEIGHT / 2);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), zoomed, 1e-9);
  dm_graph_view_set_layout (fixture->view, fixture->layout);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (fixture->view), zoomed, 1e-9);

  dm_graph_view_zoom_to_fit (fixture->view);
  g_assert_false (dm_graph_view_get_view_moved (fixture->view));
  resize_window (fixture, WINDOW_WIDTH, WINDOW_HEIGHT);
  assert_fitted (fixture);
}

typedef struct {
  int    node, onto;
  double x, y;
  guint  n_moved, n_dropped;
} MoveLog;

static void
node_moved_cb (DmGraphView *view,
               int          node,
               double       x,
               double       y,
               MoveLog     *log)
{
  log->node = node;
  log->x = x;
  log->y = y;
  log->n_moved++;
}

static void
node_dropped_cb (DmGraphView *view,
                 int          node,
                 int          onto,
                 MoveLog     *log)
{
  log->node = node;
  log->onto = onto;
  log->n_dropped++;
}

/* The widget point of layout point (x, y). */
static void
layout_to_widget (Fixture *fixture,
                  double   x,
                  double   y,
                  double  *wx,
                  double  *wy)
{
  graphene_rect_t r;

  dm_graph_view_scene_rect_to_widget (fixture->view, x, y, 0, 0, &r);
  *wx = r.origin.x;
  *wy = r.origin.y;
}

/* A drag from an actor moves it (drawn where the pointer is while the button is held, and
 * after the drop until the next layout); dropped on empty canvas it says where, dropped on
 * another actor it says on which; from empty canvas the drag pans instead. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  MoveLog log = { -1, -1 };
  double x, y, wx, wy, cx, cy;

  g_signal_connect (fixture->view, "node-moved", G_CALLBACK (node_moved_cb), &log);
  g_signal_connect (fixture->view, "node-dropped", G_CALLBACK (node_dropped_cb), &log);

  /* empty canvas: no actor to move */
  layout_to_widget (fixture, 120, 250, &wx, &wy);
  g_assert_false (dm_graph_view_move_begin (fixture->view, wx, wy));
  g_assert_false (dm_graph_view_is_moving (fixture->view));

  /* grabbed 5 points right of Hegseth's centre, released over empty canvas */
  dm_graph_view_get_center (fixture->view, &cx, &cy);
  layout_to_widget (fixture, 85, 40, &x, &y);
  g_assert_true (dm_graph_view_move_begin (fixture->view, x, y));
  fixture->view->dragging = TRUE;
  dm_graph_view_move_update (fixture->view, wx, wy);
  wait_for_frame (GTK_WIDGET (fixture->view));
  dm_graph_view_move_end (fixture->view, wx, wy);
  fixture->view->dragging = FALSE;
  g_assert_cmpuint (log.n_moved, ==, 1);
  g_assert_cmpuint (log.n_dropped, ==, 0);
  g_assert_cmpint (log.node, ==, 0);
  g_assert_cmpfloat_with_epsilon (log.x, 115, 1);
  g_assert_cmpfloat_with_epsilon (log.y, 250, 1);
  /* the view did not pan */
  {
    double cx2, cy2;

    dm_graph_view_get_center (fixture->view, &cx2, &cy2);
    g_assert_cmpfloat (cx2, ==, cx);
    g_assert_cmpfloat (cy2, ==, cy);
  }
  /* still drawn there, until a layout comes */
  g_assert_true (fixture->view->move_pending);
  wait_for_frame (GTK_WIDGET (fixture->view));
  dm_graph_view_set_layout (fixture->view, NULL);
  g_assert_false (fixture->view->move_pending);
  g_assert_cmpint (fixture->view->moving_node, ==, -1);
  dm_graph_view_set_layout (fixture->view, fixture->layout);
  wait_for_frame (GTK_WIDGET (fixture->view));

  /* a view that keeps no places: released on empty canvas, nothing is said */
  dm_graph_view_set_keeps_places (fixture->view, FALSE);
  layout_to_widget (fixture, 85, 40, &x, &y);
  g_assert_true (dm_graph_view_move_begin (fixture->view, x, y));
  fixture->view->dragging = TRUE;
  dm_graph_view_move_update (fixture->view, wx, wy);
  dm_graph_view_move_end (fixture->view, wx, wy);
  fixture->view->dragging = FALSE;
  g_assert_cmpuint (log.n_moved, ==, 1);
  g_assert_false (fixture->view->move_pending);
  g_assert_cmpint (fixture->view->moving_node, ==, -1);

  /* NATO dropped on Ukraine */
  node_center (fixture, 2, &x, &y);
  g_assert_true (dm_graph_view_move_begin (fixture->view, x, y));
  fixture->view->dragging = TRUE;
  node_center (fixture, 1, &x, &y);
  dm_graph_view_move_update (fixture->view, x, y - 20);
  dm_graph_view_move_update (fixture->view, x, y);
  g_assert_cmpint (fixture->view->drop_node, ==, 1);
  dm_graph_view_move_end (fixture->view, x, y);
  fixture->view->dragging = FALSE;
  g_assert_cmpuint (log.n_moved, ==, 1);
  g_assert_cmpuint (log.n_dropped, ==, 1);
  g_assert_cmpint (log.node, ==, 2);
  g_assert_cmpint (log.onto, ==, 1);
  g_assert_false (fixture->view->move_pending);
}

/* While an actor is dragged nothing is hovered: the graph around it is not dimmed, and the
 * hover comes back with the next motion after the drop. */
static void
test_move_no_dimming (Fixture       *fixture,
                      gconstpointer  data)
{
  double x, y, wx, wy;

  node_center (fixture, 0, &x, &y);
  dm_graph_view_hover_at (fixture->view, x, y);
  g_assert_cmpint (dm_graph_view_get_hovered_node (fixture->view), ==, 0);
  g_assert_true (dm_graph_view_move_begin (fixture->view, x, y));
  fixture->view->dragging = TRUE;
  layout_to_widget (fixture, 120, 250, &wx, &wy);
  dm_graph_view_move_update (fixture->view, wx, wy);
  g_assert_cmpint (dm_graph_view_get_hovered_node (fixture->view), ==, -1);
  g_assert_cmpint (fixture->view->hovered_edge, ==, -1);
  wait_for_frame (GTK_WIDGET (fixture->view));
  dm_graph_view_move_cancel (fixture->view);
  fixture->view->dragging = FALSE;
}

/* A bar laid over the canvas's top-left corner, where the fitted triangle's first actor
 * would be: the fit keeps every actor clear of it, and fits again when it goes. */
static void
test_fit_obstruction (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *bar = gtk_label_new ("Over the canvas");
  DmGraphView *view = DM_GRAPH_VIEW (dm_graph_view_new ());
  g_autoptr(DmLayout) layout = build_layout (triangle, G_N_ELEMENTS (triangle));
  graphene_rect_t bar_bounds, node;
  double zoom_clear;

  gtk_widget_set_size_request (bar, 260, 90);
  gtk_widget_set_halign (bar, GTK_ALIGN_START);
  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), bar);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  dm_graph_view_add_obstruction (view, bar);
  dm_graph_view_set_layout (view, layout);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (bar))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (view));
  dm_graph_view_zoom_to_fit (view);

  g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (view), &bar_bounds));
  g_assert_cmpfloat (bar_bounds.size.width, >=, 260);
  for (guint i = 0; i < G_N_ELEMENTS (triangle); i++)
    {
      g_assert_true (dm_graph_view_get_node_bounds (view, i, &node));
      g_assert_false (graphene_rect_intersection (&node, &bar_bounds, NULL));
    }
  zoom_clear = dm_graph_view_get_zoom (view);

  /* gone: the graph takes the room back */
  gtk_widget_set_visible (bar, FALSE);
  g_assert_cmpfloat (dm_graph_view_get_zoom (view), >, zoom_clear);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
legend_settled (DmLegend *legend,
                gboolean  expanded)
{
  return dm_legend_get_expanded (legend) == expanded &&
         dm_legend_get_key_visible (legend) == expanded;
}

/* The legend over the top-left corner, folded and unfolded: the graph is fitted again
 * once the key has slid in or out, not only when the legend appears or goes. */
static void
test_fit_legend (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  DmGraphView *view = DM_GRAPH_VIEW (dm_graph_view_new ());
  DmLegend *legend = DM_LEGEND (dm_legend_new (view));
  g_autoptr(DmLayout) layout = build_layout (triangle, G_N_ELEMENTS (triangle));
  double zoom_expanded, zoom_collapsed;

  gtk_widget_set_halign (GTK_WIDGET (legend), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (legend), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (legend), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (legend), 12);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (legend));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  dm_graph_view_add_obstruction (view, GTK_WIDGET (legend));
  dm_graph_view_set_layout (view, layout);
  gtk_window_present (GTK_WINDOW (window));
  while (!legend_settled (legend, TRUE))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (view));
  dm_graph_view_zoom_to_fit (view);
  zoom_expanded = dm_graph_view_get_zoom (view);

  dm_legend_set_expanded (legend, FALSE);
  while (!legend_settled (legend, FALSE))
    g_main_context_iteration (NULL, TRUE);
  zoom_collapsed = dm_graph_view_get_zoom (view);
  g_assert_cmpfloat (zoom_collapsed, >, zoom_expanded * 1.02);
  g_assert_false (dm_graph_view_get_view_moved (view));

  dm_legend_set_expanded (legend, TRUE);
  while (!legend_settled (legend, TRUE))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (view), zoom_expanded, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  /* No session bus under xvfb-run: the test accessibility backend records properties
   * for gtk_test_accessible_check_property() instead of talking to AT-SPI. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/dramatis/ui-graph-view/select-actor", Fixture, NULL,
              fixture_set_up, test_select_actor, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/hit-test", Fixture, NULL,
              fixture_set_up, test_hit_test, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/set-layout", Fixture, NULL,
              fixture_set_up, test_set_layout, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/render", Fixture, NULL,
              fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/progressive-zoom", Fixture, NULL,
              fixture_set_up, test_progressive_zoom, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/dark", Fixture, NULL,
              fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/highlight", Fixture, NULL,
              fixture_set_up, test_highlight, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/refit", Fixture, NULL,
              fixture_set_up, test_refit, fixture_tear_down);
  g_test_add_func ("/dramatis/ui-graph-view/fit-obstruction", test_fit_obstruction);
  g_test_add_func ("/dramatis/ui-graph-view/fit-legend", test_fit_legend);
  g_test_add ("/dramatis/ui-graph-view/move", Fixture, NULL,
              fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/dramatis/ui-graph-view/move-no-dimming", Fixture, NULL,
              fixture_set_up, test_move_no_dimming, fixture_tear_down);

  return g_test_run ();
}
