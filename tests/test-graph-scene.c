/* test-graph-scene.c — the graph canvas's scene: geometry, hit-testing and label queries,
 * and the painting of group boxes
 *
 * The scene needs no display: these tests build one from a small hand-made DmLayout and
 * run without Xvfb.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-graph-scene"

#include "config.h"

#include <pango/pangocairo.h>

#include "dm-graph.h"
#include "dm-graph-painter.h"
#include "dm-graph-scene.h"
#include "dm-layout-private.h"
#include "layout-test-common.h"

#define NODE_W 110.0
#define NODE_H 36.0

typedef struct {
  DmLayout     *layout;
  PangoContext *pango;
  DmGraphScene *scene;
} Fixture;

static void
place_node (DmLayout *layout,
            guint     i,
            double    x,
            double    y,
            gboolean  ellipse)
{
  DmLayoutNode *node = &layout->nodes[i];
  double l = x - NODE_W / 2, t = y - NODE_H / 2, r = x + NODE_W / 2, b = y + NODE_H / 2;

  node->x = x;
  node->y = y;
  node->width = NODE_W;
  node->height = NODE_H;
  if (ellipse)
    g_ptr_array_add (node->shapes, test_shape_new (DM_SHAPE_ELLIPSE, TRUE, 2, x, y, NODE_W / 2, NODE_H / 2));
  else
    g_ptr_array_add (node->shapes, test_shape_new (DM_SHAPE_POLYGON, TRUE, 4, l, t, r, t, r, b, l, b));
}

/* Alpha (ellipse) at (100, 100), Beta (box) at (400, 100), Gamma (ellipse) at (100, 300).
 * Alpha → Beta: a straight bezier labelled at its middle; Alpha → Gamma: no drawing
 * operations (the scene draws a straight line between the boxes); Beta → Gamma: negated. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  DmLayout *layout;
  DmLayoutEdge *edge;

  dm_graph_add_node (graph, 1, "Alpha", DM_ACTOR_COUNTRY, NULL, NULL, 3);
  dm_graph_add_node (graph, 2, "Beta", DM_ACTOR_PERSON, NULL, NULL, 2);
  dm_graph_add_node (graph, 3, "Gamma", DM_ACTOR_ORGANIZATION, NULL, NULL, 1);
  dm_graph_add_edge (graph, 0, 1, "urges", DM_CLASS_APPEAL, FALSE, 2);
  dm_graph_add_edge (graph, 0, 2, "meets", DM_CLASS_CONSULT, FALSE, 1);
  dm_graph_add_edge (graph, 1, 2, "attacks", DM_CLASS_ASSAULT, TRUE, 1);

  layout = dm_layout_new (graph, DM_LAYOUT_ENGINE_DOT);
  place_node (layout, 0, 100, 100, TRUE);
  place_node (layout, 1, 400, 100, FALSE);
  place_node (layout, 2, 100, 300, TRUE);

  edge = &layout->edges[0];
  g_ptr_array_add (edge->shapes, test_shape_new (DM_SHAPE_BEZIER, FALSE, 4,
                                                 155.0, 100.0, 235.0, 100.0, 265.0, 100.0, 345.0, 100.0));
  edge->label_x = 250;
  edge->label_y = 100;
  edge->has_label_pos = TRUE;

  edge = &layout->edges[2];
  g_ptr_array_add (edge->shapes, test_shape_new (DM_SHAPE_POLYLINE, FALSE, 2, 400.0, 118.0, 100.0, 282.0));

  layout->width = 470;
  layout->height = 330;

  fixture->layout = layout;
  fixture->pango = dm_graph_scene_label_context_new (pango_cairo_font_map_get_default ());
  fixture->scene = dm_graph_scene_new (layout, fixture->pango, "Sans");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->scene, dm_graph_scene_free);
  g_clear_pointer (&fixture->layout, dm_layout_unref);
  g_clear_object (&fixture->pango);
}

static void
test_empty (void)
{
  PangoContext *pango = dm_graph_scene_label_context_new (pango_cairo_font_map_get_default ());
  DmGraphScene *scene = dm_graph_scene_new (NULL, pango, "Sans");
  graphene_rect_t bounds, everywhere = GRAPHENE_RECT_INIT (-1e6, -1e6, 2e6, 2e6);

  g_assert_null (scene->layout);
  g_assert_cmpuint (scene->n_nodes, ==, 0);
  g_assert_cmpuint (scene->n_edges, ==, 0);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 0, 0, 100), ==, -1);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 0, 0, 100), ==, -1);
  g_assert_cmpint (dm_graph_scene_find_actor (scene, 1), ==, -1);
  g_assert_false (dm_graph_scene_meets (scene, &everywhere));
  dm_graph_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, 0);
  g_assert_cmpfloat (bounds.size.height, ==, 0);
  dm_graph_scene_free (scene);
  g_object_unref (pango);
}

static void
test_geometry (Fixture       *fixture,
               gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;
  graphene_rect_t bounds;
  double cx, cy, bx, by, radius;

  g_assert_cmpuint (scene->n_nodes, ==, 3);
  g_assert_cmpuint (scene->n_edges, ==, 3);
  dm_graph_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, 470);
  g_assert_cmpfloat (bounds.size.height, ==, 330);

  /* Boxes from the layout's centres; the outline decides the shape. */
  g_assert_cmpfloat_with_epsilon (scene->nodes[1].x, 400 - NODE_W / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (scene->nodes[1].y, 100 - NODE_H / 2, 1e-9);
  g_assert_true (scene->nodes[0].is_ellipse);
  g_assert_false (scene->nodes[1].is_ellipse);
  dm_graph_scene_get_node_center (scene, 2, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (cy, 300, 1e-9);

  /* A node's bounds hold its box and the type badge on its top-left outline. */
  dm_graph_scene_get_badge (scene, 1, &bx, &by, &radius);
  g_assert_cmpfloat (radius, >=, 6);
  g_assert_cmpfloat (radius, <=, 10);
  g_assert_true (graphene_rect_contains_point (&scene->nodes[1].bounds, &GRAPHENE_POINT_INIT (bx - radius, by - radius)));
  g_assert_true (graphene_rect_contains_point (&scene->nodes[1].bounds, &GRAPHENE_POINT_INIT (455, 118)));

  /* The edge without drawing operations runs between the box centres; the labelled one
   * has its pill centred on the label position, and its bounds hold it. */
  g_assert_cmpuint (scene->edges[1].n_poly, ==, 2);
  g_assert_cmpfloat (scene->edges[1].poly[1], ==, 100);
  g_assert_cmpfloat (scene->edges[1].poly[3], ==, 300);
  g_assert_nonnull (scene->edges[0].label);
  g_assert_cmpfloat (scene->edges[0].pill.size.width, >, 0);
  g_assert_cmpfloat_with_epsilon (scene->edges[0].pill.origin.x + scene->edges[0].pill.size.width / 2, 250, 1e-6);
  g_assert_true (graphene_rect_contains_rect (&scene->edges[0].bounds, &scene->edges[0].pill));
  /* Negated edges batch apart from the others. */
  g_assert_cmpint (scene->edges[2].batch, !=, scene->edges[1].batch);

  g_assert_true (dm_graph_scene_meets (scene, &GRAPHENE_RECT_INIT (390, 90, 20, 20)));
  g_assert_true (dm_graph_scene_meets (scene, &GRAPHENE_RECT_INIT (98, 190, 4, 4)));   /* the bare edge */
  g_assert_false (dm_graph_scene_meets (scene, &GRAPHENE_RECT_INIT (420, 250, 40, 40)));
}

static void
test_node_at (Fixture       *fixture,
              gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;

  g_assert_cmpint (dm_graph_scene_node_at (scene, 100, 100, 0), ==, 0);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 400, 100, 0), ==, 1);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 100, 300, 0), ==, 2);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 250, 200, 0), ==, -1);
  /* An ellipse misses its box's corner; a box does not. */
  g_assert_cmpint (dm_graph_scene_node_at (scene, 100 + 50, 100 + 16, 0), ==, -1);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 400 + 50, 100 + 16, 0), ==, 1);
  /* Tolerance widens the node. */
  g_assert_cmpint (dm_graph_scene_node_at (scene, 100 + NODE_W / 2 + 2, 100, 0), ==, -1);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 100 + NODE_W / 2 + 2, 100, 3), ==, 0);
}

static void
test_edge_at (Fixture       *fixture,
              gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;
  const graphene_rect_t *pill = &scene->edges[0].pill;

  /* On the path, clear of the label. */
  g_assert_cmpfloat (pill->origin.x, >, 180);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 180, 100, 2), ==, 0);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 180, 101.5, 1), ==, 0);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 180, 112, 2), ==, -1);
  /* The label pill hits anywhere inside it, off the line too. */
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 250, pill->origin.y + 1, 0), ==, 0);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, pill->origin.x + 1, 100, 0), ==, 0);
  /* The bare edge's straight line, and the polyline of the negated one. */
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 100, 200, 2), ==, 1);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 250, 200, 2), ==, 2);
  g_assert_cmpint (dm_graph_scene_edge_at (scene, 300, 250, 2), ==, -1);
}

static void
test_orders (Fixture       *fixture,
             gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;

  /* Reading order: the top row left to right, then the next row. */
  g_assert_cmpint (scene->tab_order[0], ==, 0);
  g_assert_cmpint (scene->tab_order[1], ==, 1);
  g_assert_cmpint (scene->tab_order[2], ==, 2);
  for (guint i = 0; i < scene->n_nodes; i++)
    g_assert_cmpint (scene->tab_order[scene->tab_position[i]], ==, i);
  for (guint i = 0; i < scene->n_nodes; i++)
    g_assert_cmpuint (scene->node_degree[i], ==, 2);
  for (guint k = 1; k < scene->n_edges; k++)
    g_assert_cmpint (scene->edges[scene->edge_order[k - 1]].batch, <=, scene->edges[scene->edge_order[k]].batch);
  for (guint k = 1; k < scene->n_nodes; k++)
    g_assert_cmpint (dm_graph_scene_get_actor_type (scene, scene->node_order[k - 1]), <=,
                     dm_graph_scene_get_actor_type (scene, scene->node_order[k]));
  g_assert_cmpint (dm_graph_scene_get_family (scene, 2), ==, DM_FAMILY_MATERIAL_CONFLICT);
}

static void
test_towards (Fixture       *fixture,
              gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;

  g_assert_cmpint (dm_graph_scene_node_towards (scene, 0, 1, 0), ==, 1);
  g_assert_cmpint (dm_graph_scene_node_towards (scene, 0, 0, 1), ==, 2);
  g_assert_cmpint (dm_graph_scene_node_towards (scene, 0, -1, 0), ==, -1);
  g_assert_cmpint (dm_graph_scene_node_towards (scene, 0, 0, -1), ==, -1);
  /* From Beta, left is Alpha (straight ahead), not Gamma (closer to the side, further). */
  g_assert_cmpint (dm_graph_scene_node_towards (scene, 1, -1, 0), ==, 0);
  g_assert_cmpint (dm_graph_scene_node_towards (scene, 2, 0, -1), ==, 0);
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      g_assert_nonnull (scene->nodes[i].label);
      g_assert_cmpfloat (scene->nodes[i].label_scale, >, 0);
      g_assert_cmpfloat (scene->nodes[i].label_scale, <=, 1);
      g_assert_true (dm_graph_scene_node_label_visible (scene, i, 1.0));
      g_assert_false (dm_graph_scene_node_label_visible (scene, i, 0.05));
    }
  g_assert_true (dm_graph_scene_edge_label_visible (scene, 0, 1.0));
  g_assert_false (dm_graph_scene_edge_label_visible (scene, 0, 0.05));
}

static void
test_matching (Fixture       *fixture,
               gconstpointer  data)
{
  const DmGraphScene *scene = fixture->scene;
  g_autoptr(DmGraph) other_graph = dm_graph_new ();
  g_autoptr(DmLayout) other = NULL;
  g_autoptr(DmLayout) reordered = NULL;
  g_autoptr(DmGraph) reordered_graph = dm_graph_new ();

  g_assert_cmpint (dm_graph_scene_find_actor (scene, 2), ==, 1);
  g_assert_cmpint (dm_graph_scene_find_actor (scene, 3), ==, 2);
  g_assert_cmpint (dm_graph_scene_find_actor (scene, 99), ==, -1);

  g_assert_cmpint (dm_graph_scene_find_relation (scene, 1, 2, "urges"), ==, 0);
  g_assert_cmpint (dm_graph_scene_find_relation (scene, 2, 3, "attacks"), ==, 2);
  /* Between the same actors under another verb: still that relation. */
  g_assert_cmpint (dm_graph_scene_find_relation (scene, 1, 3, "visits"), ==, 1);
  g_assert_cmpint (dm_graph_scene_find_relation (scene, 3, 1, "meets"), ==, -1);
  g_assert_cmpint (dm_graph_scene_find_relation (scene, 1, 99, "urges"), ==, -1);

  /* The same actors in another order are the same; another actor is not. */
  dm_graph_add_node (reordered_graph, 3, "Gamma", DM_ACTOR_ORGANIZATION, NULL, NULL, 1);
  dm_graph_add_node (reordered_graph, 1, "Alpha", DM_ACTOR_COUNTRY, NULL, NULL, 3);
  dm_graph_add_node (reordered_graph, 2, "Beta", DM_ACTOR_PERSON, NULL, NULL, 2);
  reordered = dm_layout_new (reordered_graph, DM_LAYOUT_ENGINE_DOT);
  dm_graph_add_node (other_graph, 1, "Alpha", DM_ACTOR_COUNTRY, NULL, NULL, 3);
  dm_graph_add_node (other_graph, 2, "Beta", DM_ACTOR_PERSON, NULL, NULL, 2);
  dm_graph_add_node (other_graph, 4, "Delta", DM_ACTOR_GROUP, NULL, NULL, 1);
  other = dm_layout_new (other_graph, DM_LAYOUT_ENGINE_DOT);
  g_assert_true (dm_graph_scene_same_actors (scene, fixture->layout));
  g_assert_true (dm_graph_scene_same_actors (scene, reordered));
  g_assert_false (dm_graph_scene_same_actors (scene, other));
  g_assert_false (dm_graph_scene_same_actors (scene, NULL));
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *rgb)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  guint32 pixel = ((const guint32 *) (gconstpointer) row)[x];

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

/* A group's box round Alpha and Gamma: in the scene (hit-testing, what the painter covers)
 * and painted under the actors in the palette's colours, with its head's name. */
static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  DmLayout *layout = fixture->layout;
  DmGraphScene *scene;
  DmGraphPalette palette = { 0 };
  DmGraphOverlay overlay = { 0 };
  DmGraphPainter painter;
  graphene_rect_t corner = GRAPHENE_RECT_INIT (32, 190, 4, 4), all;
  cairo_surface_t *surface;
  cairo_t *cr;
  double rgb[3];
  guint n_named = 0;

  g_assert_cmpuint (fixture->scene->n_groups, ==, 0);
  g_assert_cmpint (dm_graph_scene_group_at (fixture->scene, 40, 200), ==, -1);
  g_assert_false (dm_graph_scene_meets (fixture->scene, &corner));

  layout->n_groups = 1;
  layout->groups = g_new0 (DmLayoutGroup, 1);
  layout->groups[0] = (DmLayoutGroup) { .head = 0, .x = 30, .y = 60, .width = 140, .height = 280,
                                        .label_x = 60, .label_y = 70, .has_label_pos = TRUE };
  scene = dm_graph_scene_new (layout, fixture->pango, "Sans");
  g_assert_cmpuint (scene->n_groups, ==, 1);
  g_assert_cmpuint (scene->groups[0].head, ==, 0);
  g_assert_cmpfloat (scene->groups[0].box.origin.x, ==, 30);
  g_assert_cmpfloat (scene->groups[0].box.size.height, ==, 280);
  g_assert_cmpstr (pango_layout_get_text (scene->groups[0].label), ==, "Alpha");
  g_assert_cmpint (dm_graph_scene_get_group_type (scene, 0), ==, DM_ACTOR_COUNTRY);
  /* inside the box off its actors; on Alpha the actor wins (dm_graph_scene_node_at) */
  g_assert_cmpint (dm_graph_scene_group_at (scene, 40, 200), ==, 0);
  g_assert_cmpint (dm_graph_scene_node_at (scene, 40, 200, 0), ==, -1);
  g_assert_cmpint (dm_graph_scene_group_at (scene, 250, 250), ==, -1);
  g_assert_true (dm_graph_scene_meets (scene, &corner));
  g_assert_true (dm_graph_scene_group_label_visible (scene, 0, 1.0));
  g_assert_false (dm_graph_scene_group_label_visible (scene, 0, 0.2));

  gdk_rgba_parse (&palette.bg, "#ffffff");
  gdk_rgba_parse (&palette.fg, "#000000");
  gdk_rgba_parse (&palette.accent, "#1c71d8");
  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    {
      gdk_rgba_parse (&palette.types[i].fill, "#eeeeee");
      gdk_rgba_parse (&palette.types[i].stroke, "#333333");
      gdk_rgba_parse (&palette.group_fill[i], "#ffe0e0");
      gdk_rgba_parse (&palette.group_line[i], "#ff0000");
    }
  gdk_rgba_parse (&palette.group_fill[DM_ACTOR_COUNTRY], "#e0ffe0");
  gdk_rgba_parse (&palette.group_text, "#0000ff");
  for (guint i = 0; i < DM_N_FAMILIES; i++)
    {
      gdk_rgba_parse (&palette.family[i], "#777777");
      gdk_rgba_parse (&palette.family_text[i], "#555555");
    }

  dm_graph_painter_init (&painter, &palette, &overlay);
  painter.scene = scene;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 470, 330);
  cr = cairo_create (surface);
  dm_graph_scene_get_bounds (scene, &all);
  dm_graph_painter_paint (&painter, DM_GRAPH_LAYER_SCENE, cr, &all, 1.0, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* the box's wash (its head is a country), the page outside it, Alpha's fill over it */
  pixel_at (surface, 40, 200, rgb);
  g_assert_cmpfloat_with_epsilon (rgb[0], 0xe0 / 255.0, 0.01);
  g_assert_cmpfloat_with_epsilon (rgb[1], 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (rgb[2], 0xe0 / 255.0, 0.01);
  pixel_at (surface, 250, 250, rgb);
  g_assert_cmpfloat (rgb[0] + rgb[1] + rgb[2], >, 2.99);
  pixel_at (surface, 70, 100, rgb);
  g_assert_cmpfloat_with_epsilon (rgb[0], 0xee / 255.0, 0.01);
  /* the name in its colour, inside its box */
  for (int y = (int) scene->groups[0].label_box.origin.y; y < scene->groups[0].label_box.origin.y + scene->groups[0].label_box.size.height; y++)
    for (int x = (int) scene->groups[0].label_box.origin.x; x < scene->groups[0].label_box.origin.x + scene->groups[0].label_box.size.width; x++)
      {
        pixel_at (surface, x, y, rgb);
        n_named += rgb[2] - rgb[0] > 0.4;
      }
  g_assert_cmpuint (n_named, >, 10);

  cairo_surface_destroy (surface);
  dm_graph_painter_clear (&painter);
  dm_graph_scene_free (scene);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/graph-scene/empty", test_empty);
  g_test_add ("/dramatis/graph-scene/geometry", Fixture, NULL, fixture_set_up, test_geometry, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/node-at", Fixture, NULL, fixture_set_up, test_node_at, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/edge-at", Fixture, NULL, fixture_set_up, test_edge_at, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/orders", Fixture, NULL, fixture_set_up, test_orders, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/towards", Fixture, NULL, fixture_set_up, test_towards, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/labels", Fixture, NULL, fixture_set_up, test_labels, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/matching", Fixture, NULL, fixture_set_up, test_matching, fixture_tear_down);
  g_test_add ("/dramatis/graph-scene/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);

  return g_test_run ();
}
