/* test-graph-scene.c — the graph canvas's scene: geometry, hit-testing and label queries
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

  return g_test_run ();
}
