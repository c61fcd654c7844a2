/* dm-graph-scene.c — a DmLayout's geometry as the canvas draws and hit-tests it
 *
 * The layout's geometry is prepared once when it is set: bounding boxes, flattened edge
 * paths for hit-testing, a Pango layout for every label (laid out once, in scene points,
 * and scaled by the cairo transform), and the orders the painter batches in and the
 * keyboard walks in. Nothing here needs a display: the scene is tested on its own
 * (tests/test-graph-scene.c).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-scene"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "dm-graph-scene.h"
#include "dm-graph-budget.h"

#define BEZIER_STEPS 12

PangoContext *
dm_graph_scene_label_context_new (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

DmClassFamily
dm_graph_scene_get_family (const DmGraphScene *self,
                           guint               edge)
{
  DmRelationClass klass = dm_graph_scene_graph_edge (self, edge)->klass;

  return klass < DM_N_CLASSES ? dm_relation_class_get_family (klass) : DM_FAMILY_STATEMENT;
}

DmActorType
dm_graph_scene_get_actor_type (const DmGraphScene *self,
                               guint               node)
{
  DmActorType type = dm_graph_scene_graph_node (self, node)->type;

  return type < DM_N_ACTOR_TYPES ? type : DM_ACTOR_ORGANIZATION;
}

void
dm_graph_scene_get_bounds (const DmGraphScene *self,
                           graphene_rect_t    *bounds)
{
  if (self->layout == NULL)
    graphene_rect_init (bounds, 0, 0, 0, 0);
  else
    graphene_rect_init (bounds, 0, 0, self->layout->width, self->layout->height);
}

void
dm_graph_scene_get_node_center (const DmGraphScene *self,
                                guint               node,
                                double             *x,
                                double             *y)
{
  const DmSceneNode *g = &self->nodes[node];

  *x = g->x + g->width / 2;
  *y = g->y + g->height / 2;
}

gboolean
dm_graph_scene_meets (const DmGraphScene    *self,
                      const graphene_rect_t *area)
{
  for (guint i = 0; i < self->n_nodes; i++)
    if (dm_graph_scene_rects_meet (&self->nodes[i].bounds, area))
      return TRUE;
  for (guint i = 0; i < self->n_edges; i++)
    if (dm_graph_scene_rects_meet (&self->edges[i].bounds, area))
      return TRUE;
  for (guint i = 0; i < self->n_groups; i++)
    if (dm_graph_scene_rects_meet (&self->groups[i].box, area))
      return TRUE;
  return FALSE;
}

/* Preparation -------------------------------------------------------------------------- */

static void
rect_union_point (graphene_rect_t *r,
                  gboolean        *empty,
                  double           x,
                  double           y)
{
  graphene_rect_t p = GRAPHENE_RECT_INIT (x, y, 0, 0);

  if (*empty)
    *r = p;
  else
    graphene_rect_union (r, &p, r);
  *empty = FALSE;
}

static char *
shapes_text (GPtrArray *shapes,
             double    *font_size,
             double    *anchor_x,
             double    *anchor_y)
{
  GString *str = NULL;

  for (guint i = 0; shapes != NULL && i < shapes->len; i++)
    {
      const DmShape *shape = g_ptr_array_index (shapes, i);

      if (shape->kind != DM_SHAPE_TEXT || shape->text == NULL || shape->n_points < 1)
        continue;
      if (str == NULL)
        {
          str = g_string_new (shape->text);
          *font_size = shape->font_size;
          *anchor_x = shape->points[0] + shape->text_align * -0.5 * shape->text_width;
          *anchor_y = shape->points[1] - 0.35 * shape->font_size;
        }
      else
        {
          g_string_append_c (str, '\n');
          g_string_append (str, shape->text);
        }
    }
  return str != NULL ? g_string_free (str, FALSE) : NULL;
}

static PangoLayout *
make_label (PangoContext *pango,
            const char   *font_family,
            const char   *text,
            double        font_size,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (pango);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, font_family);
  pango_font_description_set_absolute_size (desc, font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
flatten_cubic (GArray       *out,
               const double *p)
{
  for (guint s = 1; s <= BEZIER_STEPS; s++)
    {
      double t = (double) s / BEZIER_STEPS, u = 1 - t;
      double x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
      double y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];

      g_array_append_val (out, x);
      g_array_append_val (out, y);
    }
}

void
dm_graph_scene_free (DmGraphScene *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layout, dm_layout_unref);
  for (guint i = 0; i < self->n_nodes; i++)
    {
      g_clear_object (&self->nodes[i].label);
      g_clear_object (&self->nodes[i].worker_label);
    }
  for (guint i = 0; i < self->n_edges; i++)
    {
      g_clear_object (&self->edges[i].label);
      g_clear_object (&self->edges[i].worker_label);
      g_free (self->edges[i].poly);
    }
  for (guint i = 0; i < self->n_groups; i++)
    {
      g_clear_object (&self->groups[i].label);
      g_clear_object (&self->groups[i].worker_label);
    }
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->edges, g_free);
  g_clear_pointer (&self->groups, g_free);
  g_clear_pointer (&self->tab_order, g_free);
  g_clear_pointer (&self->tab_position, g_free);
  g_clear_pointer (&self->node_degree, g_free);
  g_clear_pointer (&self->edge_order, g_free);
  g_clear_pointer (&self->node_order, g_free);
  g_free (self);
}

static double
edge_pen_width (guint n_evidence)
{
  return MIN (1.2 + 1.1 * log2 (MAX (n_evidence, 1)), 6.0);
}

static void
prepare_node (DmGraphScene *self,
              PangoContext *pango,
              const char   *font_family,
              guint         i)
{
  const DmLayoutNode *ln = &self->layout->nodes[i];
  const DmGraphNode *gn = dm_graph_scene_graph_node (self, i);
  DmSceneNode *g = &self->nodes[i];
  g_autofree char *text = NULL;
  double font_size = 14, ax = 0, ay = 0;
  gboolean empty = TRUE, outline_found = FALSE;
  PangoRectangle ink, logical;
  double badge;

  g->width = MAX (ln->width, 1);
  g->height = MAX (ln->height, 1);
  g->x = ln->x - g->width / 2;
  g->y = ln->y - g->height / 2;
  g->is_ellipse = TRUE;
  graphene_rect_init (&g->bounds, g->x, g->y, g->width, g->height);
  empty = FALSE;

  for (guint s = 0; ln->shapes != NULL && s < ln->shapes->len; s++)
    {
      const DmShape *shape = g_ptr_array_index (ln->shapes, s);

      if (shape->kind == DM_SHAPE_TEXT)
        continue;
      if (!outline_found)
        g->is_ellipse = shape->kind == DM_SHAPE_ELLIPSE;
      outline_found = TRUE;
      if (shape->kind == DM_SHAPE_ELLIPSE && shape->n_points >= 2)
        {
          double cx = shape->points[0], cy = shape->points[1];
          double rx = shape->points[2], ry = shape->points[3];

          rect_union_point (&g->bounds, &empty, cx - rx, cy - ry);
          rect_union_point (&g->bounds, &empty, cx + rx, cy + ry);
        }
      else
        {
          for (guint k = 0; k < shape->n_points; k++)
            rect_union_point (&g->bounds, &empty, shape->points[2 * k], shape->points[2 * k + 1]);
        }
    }

  text = shapes_text (ln->shapes, &font_size, &ax, &ay);
  if (text == NULL)
    text = g_strdup (gn->name != NULL ? gn->name : "");
  if (font_size <= 0)
    font_size = 14;

  g->label = make_label (pango, font_family, text, font_size, FALSE);
  pango_layout_get_extents (g->label, &ink, &logical);
  g->label_width = (double) logical.width / PANGO_SCALE;
  g->label_height = (double) logical.height / PANGO_SCALE;
  /* Graphviz sized the node for its own font; ours may be wider. */
  g->label_scale = 1.0;
  {
    double room = g->is_ellipse ? g->width * 0.86 : g->width - 6;

    if (g->label_width > room && g->label_width > 0)
      g->label_scale = MAX (room / g->label_width, 0.5);
  }

  /* The type badge sits on the outline at the top-left. */
  badge = CLAMP (g->height * 0.26, 6, 10);
  rect_union_point (&g->bounds, &empty, g->x - badge, g->y - badge);
  graphene_rect_inset (&g->bounds, -2, -2);
}

static void
prepare_edge (DmGraphScene *self,
              PangoContext *pango,
              const char   *font_family,
              guint         i)
{
  const DmLayoutEdge *le = &self->layout->edges[i];
  const DmGraphEdge *ge = dm_graph_scene_graph_edge (self, i);
  DmSceneEdge *g = &self->edges[i];
  g_autoptr(GArray) poly = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  double font_size = 11, ax = 0, ay = 0, lx, ly;
  gboolean empty = TRUE, have_anchor;

  g->pen_width = round (edge_pen_width (ge->n_evidence) * 2) / 2;
  g->batch = ((int) dm_graph_scene_get_family (self, i) * 2 + (ge->negated ? 1 : 0)) * 64 + (int) (g->pen_width * 2);

  for (guint s = 0; le->shapes != NULL && s < le->shapes->len; s++)
    {
      const DmShape *shape = g_ptr_array_index (le->shapes, s);

      if (shape->kind == DM_SHAPE_TEXT)
        continue;
      if (shape->kind == DM_SHAPE_ELLIPSE && shape->n_points >= 2)
        {
          rect_union_point (&g->bounds, &empty, shape->points[0] - shape->points[2],
                            shape->points[1] - shape->points[3]);
          rect_union_point (&g->bounds, &empty, shape->points[0] + shape->points[2],
                            shape->points[1] + shape->points[3]);
          continue;
        }
      for (guint k = 0; k < shape->n_points; k++)
        rect_union_point (&g->bounds, &empty, shape->points[2 * k], shape->points[2 * k + 1]);

      /* Only the path is hit-tested; arrow heads sit at its end anyway. */
      if (poly->len == 0 && (shape->kind == DM_SHAPE_BEZIER || shape->kind == DM_SHAPE_POLYLINE))
        {
          g_array_append_vals (poly, shape->points, 2);
          if (shape->kind == DM_SHAPE_BEZIER)
            for (guint k = 0; k + 3 < shape->n_points; k += 3)
              flatten_cubic (poly, &shape->points[2 * k]);
          else
            g_array_append_vals (poly, &shape->points[2], 2 * (shape->n_points - 1));
        }
    }

  /* Without drawing operations (hand-made layouts), a straight line between the boxes. */
  if (poly->len == 0)
    {
      const DmSceneNode *a = &self->nodes[ge->source], *b = &self->nodes[ge->target];
      double p[4] = { a->x + a->width / 2, a->y + a->height / 2,
                      b->x + b->width / 2, b->y + b->height / 2 };

      g_array_append_vals (poly, p, 4);
      rect_union_point (&g->bounds, &empty, p[0], p[1]);
      rect_union_point (&g->bounds, &empty, p[2], p[3]);
    }

  g->n_poly = poly->len / 2;
  g->poly = (double *) g_array_free (g_steal_pointer (&poly), FALSE);

  text = shapes_text (le->shapes, &font_size, &ax, &ay);
  have_anchor = text != NULL;
  if (text == NULL && ge->label != NULL && ge->label[0] != '\0')
    text = g_strdup (ge->label);
  if (text == NULL && ge->verb != NULL && ge->verb[0] != '\0')
    text = g_strdup (ge->verb);
  if (font_size <= 0)
    font_size = 11;

  if (le->has_label_pos)
    {
      lx = le->label_x;
      ly = le->label_y;
    }
  else if (have_anchor)
    {
      lx = ax;
      ly = ay;
    }
  else
    {
      /* Half way along the path. */
      double total = 0, half, run = 0;

      for (guint k = 1; k < g->n_poly; k++)
        total += hypot (g->poly[2 * k] - g->poly[2 * k - 2], g->poly[2 * k + 1] - g->poly[2 * k - 1]);
      half = total / 2;
      lx = g->poly[0];
      ly = g->poly[1];
      for (guint k = 1; k < g->n_poly; k++)
        {
          double seg = hypot (g->poly[2 * k] - g->poly[2 * k - 2],
                              g->poly[2 * k + 1] - g->poly[2 * k - 1]);

          if (run + seg >= half && seg > 0)
            {
              double t = (half - run) / seg;

              lx = g->poly[2 * k - 2] + t * (g->poly[2 * k] - g->poly[2 * k - 2]);
              ly = g->poly[2 * k - 1] + t * (g->poly[2 * k + 1] - g->poly[2 * k - 1]);
              break;
            }
          run += seg;
        }
    }

  graphene_rect_init (&g->pill, lx, ly, 0, 0);
  if (text != NULL)
    {
      PangoRectangle logical;
      double w, h;

      g->label = make_label (pango, font_family, text, font_size, FALSE);
      pango_layout_get_extents (g->label, NULL, &logical);
      w = (double) logical.width / PANGO_SCALE + font_size * 0.7;
      h = (double) logical.height / PANGO_SCALE + font_size * 0.2;
      graphene_rect_init (&g->pill, lx - w / 2, ly - h / 2, w, h);
      if (empty)
        g->bounds = g->pill;
      else
        graphene_rect_union (&g->bounds, &g->pill, &g->bounds);
      empty = FALSE;
    }

  graphene_rect_inset (&g->bounds, -(g->pen_width / 2 + 2), -(g->pen_width / 2 + 2));
}

/* Graphviz's size for a group's name (dm_graph_to_dot()) */
#define GROUP_FONT_SIZE 9.0

static void
prepare_group (DmGraphScene        *self,
               PangoContext        *pango,
               const char          *font_family,
               const DmLayoutGroup *lg,
               DmSceneGroup        *g)
{
  const DmGraphNode *head = dm_graph_scene_graph_node (self, lg->head);
  PangoRectangle logical;
  double w, h, cx, cy;

  g->head = lg->head;
  graphene_rect_init (&g->box, lg->x, lg->y, MAX (lg->width, 1), MAX (lg->height, 1));
  g->label = make_label (pango, font_family, head->name != NULL ? head->name : "", GROUP_FONT_SIZE, FALSE);
  pango_layout_get_extents (g->label, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  /* where Graphviz kept room for it; else at the top left, inside the margin */
  cx = lg->has_label_pos ? lg->label_x : lg->x + 8 + w / 2;
  cy = lg->has_label_pos ? lg->label_y : lg->y + 4 + h / 2;
  /* left-aligned as Graphviz sets it, from where Graphviz's estimate of its width began */
  graphene_rect_init (&g->label_box, MAX (cx - w / 2, lg->x + 4), cy - h / 2, w, h);
}

static int
compare_group_area (gconstpointer a,
                    gconstpointer b)
{
  const DmSceneGroup *ga = a, *gb = b;
  double area_a = graphene_rect_get_area (&ga->box), area_b = graphene_rect_get_area (&gb->box);

  return area_a > area_b ? -1 : area_a < area_b;
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  DmGraphScene *self = user_data;
  const DmSceneNode *na = &self->nodes[*(const int *) a];
  const DmSceneNode *nb = &self->nodes[*(const int *) b];
  double band = 24.0;
  double ra = floor ((na->y + na->height / 2) / band);
  double rb = floor ((nb->y + nb->height / 2) / band);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (na->x != nb->x)
    return na->x < nb->x ? -1 : 1;
  return *(const int *) a - *(const int *) b;
}

static int
compare_edge_batches (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  DmGraphScene *self = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;

  if (self->edges[ia].batch != self->edges[ib].batch)
    return self->edges[ia].batch - self->edges[ib].batch;
  return ia - ib;
}

static int
compare_node_types (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  DmGraphScene *self = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;
  int ta = dm_graph_scene_get_actor_type (self, ia), tb = dm_graph_scene_get_actor_type (self, ib);

  return ta != tb ? ta - tb : ia - ib;
}

DmGraphScene *
dm_graph_scene_new (DmLayout     *layout,
                    PangoContext *pango,
                    const char   *font_family)
{
  DmGraphScene *self = g_new0 (DmGraphScene, 1);

  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);

  if (layout == NULL)
    return self;
  self->layout = dm_layout_ref (layout);

  self->n_nodes = self->layout->graph->nodes->len;
  self->n_edges = self->layout->graph->edges->len;
  self->nodes = g_new0 (DmSceneNode, self->n_nodes);
  self->edges = g_new0 (DmSceneEdge, self->n_edges);
  self->tab_order = g_new (int, self->n_nodes);
  self->tab_position = g_new (int, self->n_nodes);
  self->node_degree = g_new0 (guint, self->n_nodes);

  for (guint i = 0; i < self->n_nodes; i++)
    prepare_node (self, pango, font_family, i);
  for (guint i = 0; i < self->n_edges; i++)
    {
      const DmGraphEdge *ge = dm_graph_scene_graph_edge (self, i);

      g_assert (ge->source < self->n_nodes && ge->target < self->n_nodes);
      prepare_edge (self, pango, font_family, i);
      self->node_degree[ge->source]++;
      if (ge->target != ge->source)
        self->node_degree[ge->target]++;
    }

  self->n_groups = 0;
  self->groups = g_new0 (DmSceneGroup, MAX (self->layout->n_groups, 1));
  for (guint i = 0; i < self->layout->n_groups; i++)
    if (self->layout->groups[i].head < self->n_nodes)
      prepare_group (self, pango, font_family, &self->layout->groups[i], &self->groups[self->n_groups++]);
  /* larger boxes first, so that a smaller one drawn over it is not hidden */
  qsort (self->groups, self->n_groups, sizeof (DmSceneGroup), compare_group_area);

  for (guint i = 0; i < self->n_nodes; i++)
    self->tab_order[i] = i;
  g_qsort_with_data (self->tab_order, self->n_nodes, sizeof (int), compare_reading_order, self);

  self->edge_order = g_new (int, MAX (self->n_edges, 1));
  for (guint i = 0; i < self->n_edges; i++)
    self->edge_order[i] = i;
  g_qsort_with_data (self->edge_order, self->n_edges, sizeof (int), compare_edge_batches, self);
  self->node_order = g_new (int, MAX (self->n_nodes, 1));
  for (guint i = 0; i < self->n_nodes; i++)
    self->node_order[i] = i;
  g_qsort_with_data (self->node_order, self->n_nodes, sizeof (int), compare_node_types, self);
  for (guint i = 0; i < self->n_nodes; i++)
    self->tab_position[self->tab_order[i]] = i;
  return self;
}

/* Hit-testing and queries -------------------------------------------------------------- */

static gboolean
node_contains (const DmGraphScene *self,
               guint               i,
               double       sx,
               double       sy,
               double       tolerance)
{
  const DmSceneNode *g = &self->nodes[i];
  double rx = g->width / 2 + tolerance, ry = g->height / 2 + tolerance;
  double dx = sx - (g->x + g->width / 2), dy = sy - (g->y + g->height / 2);

  if (g->is_ellipse)
    return (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) <= 1.0;
  return fabs (dx) <= rx && fabs (dy) <= ry;
}

int
dm_graph_scene_node_at (const DmGraphScene *self,
                        double              sx,
                        double              sy,
                        double              tolerance)
{
  /* Later nodes are drawn on top. */
  for (guint i = self->n_nodes; i-- > 0;)
    if (node_contains (self, i, sx, sy, tolerance))
      return i;
  return -1;
}

static double
segment_distance (double px, double py,
                  double ax, double ay,
                  double bx, double by)
{
  double vx = bx - ax, vy = by - ay;
  double len2 = vx * vx + vy * vy;
  double t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * vx), py - (ay + t * vy));
}

int
dm_graph_scene_edge_at (const DmGraphScene *self,
                        double              sx,
                        double              sy,
                        double              tolerance)
{
  double best = G_MAXDOUBLE;
  int found = -1;
  graphene_point_t p = GRAPHENE_POINT_INIT (sx, sy);

  for (guint i = self->n_edges; i-- > 0;)
    {
      const DmSceneEdge *g = &self->edges[i];
      graphene_rect_t r;

      graphene_rect_inset_r (&g->bounds, -tolerance, -tolerance, &r);
      if (!graphene_rect_contains_point (&r, &p))
        continue;
      if (g->label != NULL && graphene_rect_contains_point (&g->pill, &p))
        return i;
      for (guint k = 1; k < g->n_poly; k++)
        {
          double d = segment_distance (sx, sy, g->poly[2 * k - 2], g->poly[2 * k - 1],
                                       g->poly[2 * k], g->poly[2 * k + 1]);

          if (d <= tolerance + g->pen_width / 2 && d < best)
            {
              best = d;
              found = i;
            }
        }
    }
  return found;
}

int
dm_graph_scene_group_at (const DmGraphScene *self,
                         double              sx,
                         double              sy)
{
  graphene_point_t p = GRAPHENE_POINT_INIT (sx, sy);

  /* the last drawn is the smallest */
  for (guint i = self->n_groups; i-- > 0;)
    if (graphene_rect_contains_point (&self->groups[i].box, &p))
      return i;
  return -1;
}

DmActorType
dm_graph_scene_get_group_type (const DmGraphScene *self,
                               guint               group)
{
  return dm_graph_scene_get_actor_type (self, self->groups[group].head);
}

gboolean
dm_graph_scene_group_label_visible (const DmGraphScene *self,
                                    guint               group,
                                    double              scale)
{
  const DmSceneGroup *g = &self->groups[group];

  return g->label != NULL && g->label_box.size.height * scale >= DM_SCENE_NODE_TEXT_MIN_PX * 1.2;
}

void
dm_graph_scene_get_badge (const DmGraphScene *self,
                          guint               node,
                          double             *bx,
                          double             *by,
                          double             *radius)
{
  const DmSceneNode *g = &self->nodes[node];

  *radius = CLAMP (g->height * 0.26, 6, 10);
  if (g->is_ellipse)
    {
      *bx = g->x + g->width / 2 - M_SQRT1_2 * g->width / 2;
      *by = g->y + g->height / 2 - M_SQRT1_2 * g->height / 2;
    }
  else
    {
      *bx = g->x + 2;
      *by = g->y + 2;
    }
}

gboolean
dm_graph_scene_edge_label_visible (const DmGraphScene *self,
                                   guint               edge,
                                   double              scale)
{
  const DmSceneEdge *g = &self->edges[edge];

  return g->label != NULL && g->pill.size.height * 0.8 * scale >= DM_SCENE_EDGE_TEXT_MIN_PX * 1.2;
}

gboolean
dm_graph_scene_node_label_visible (const DmGraphScene *self,
                                   guint               node,
                                   double              scale)
{
  const DmSceneNode *g = &self->nodes[node];

  return g->label != NULL && g->label_height * g->label_scale * scale >= DM_SCENE_NODE_TEXT_MIN_PX * 1.2;
}

/* A name the views count as readable is one the canvas draws. */
G_STATIC_ASSERT (DM_GRAPH_READABLE_LABEL_PX >= DM_SCENE_NODE_TEXT_MIN_PX * 1.2);

double
dm_graph_scene_get_label_zoom (const DmGraphScene *self,
                               double              px)
{
  double zoom = 0;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const DmSceneNode *g = &self->nodes[i];
      /* a name broken over lines reads by the height of one */
      double line = g->label != NULL ? g->label_height * g->label_scale / MAX (pango_layout_get_line_count (g->label), 1) : 0;

      if (line > 0)
        zoom = MAX (zoom, px / line);
    }
  return zoom;
}

int
dm_graph_scene_node_towards (const DmGraphScene *self,
                             int                 node,
                             double              dir_x,
                             double              dir_y)
{
  double ox, oy, best = G_MAXDOUBLE;
  int best_node = -1;

  g_return_val_if_fail (node >= 0 && node < (int) self->n_nodes, -1);

  dm_graph_scene_get_node_center (self, node, &ox, &oy);
  for (guint i = 0; i < self->n_nodes; i++)
    {
      double vx, vy, along, across, score;

      dm_graph_scene_get_node_center (self, i, &vx, &vy);
      vx -= ox;
      vy -= oy;
      along = vx * dir_x + vy * dir_y;
      across = fabs (vx * dir_y - vy * dir_x);
      if ((int) i == node || along <= 1e-6 || across > 2.5 * along)
        continue;
      /* Straight ahead beats closer but off to the side. */
      score = along + 2.0 * across;
      if (score < best)
        {
          best = score;
          best_node = i;
        }
    }
  return best_node;
}

/* Matching across layouts -------------------------------------------------------------- */

int
dm_graph_scene_find_actor (const DmGraphScene *self,
                           gint64              actor_id)
{
  for (guint i = 0; i < self->n_nodes; i++)
    if (dm_graph_scene_graph_node (self, i)->actor_id == actor_id)
      return i;
  return -1;
}

int
dm_graph_scene_find_relation (const DmGraphScene *self,
                              gint64              source_actor,
                              gint64              target_actor,
                              const char         *verb)
{
  int s = dm_graph_scene_find_actor (self, source_actor);
  int t = dm_graph_scene_find_actor (self, target_actor);
  int edge = -1;

  for (guint i = 0; s >= 0 && t >= 0 && i < self->n_edges; i++)
    {
      const DmGraphEdge *ge = dm_graph_scene_graph_edge (self, i);

      if ((int) ge->source == s && (int) ge->target == t &&
          (edge < 0 || g_strcmp0 (ge->verb, verb) == 0))
        edge = i;
    }
  return edge;
}

static int
compare_actor_ids (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static GArray *
sorted_actor_ids (DmLayout *layout)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), layout->graph->nodes->len);

  for (guint i = 0; i < layout->graph->nodes->len; i++)
    {
      const DmGraphNode *gn = g_ptr_array_index (layout->graph->nodes, i);
      g_array_append_val (ids, gn->actor_id);
    }
  g_array_sort (ids, compare_actor_ids);
  return ids;
}

gboolean
dm_graph_scene_same_actors (const DmGraphScene *self,
                            DmLayout           *layout)
{
  g_autoptr(GArray) ia = NULL;
  g_autoptr(GArray) ib = NULL;

  if (self->layout == NULL || layout == NULL || self->n_nodes != layout->graph->nodes->len)
    return FALSE;
  ia = sorted_actor_ids (self->layout);
  ib = sorted_actor_ids (layout);
  return memcmp (ia->data, ib->data, ia->len * sizeof (gint64)) == 0;
}
