/* dm-graph-painter.c — cairo drawing of a graph scene's region, on any thread
 *
 * Inside a region, elements are drawn in batches (one stroke per edge colour, width and
 * dash; one fill per actor type); labels only once they are big enough to read. Hover
 * highlighting, the selection and the focus ring are a second layer drawn over the
 * (dimmed) scene, one element at a time. The canvas's tiles are painted here whether the
 * main thread or the tile worker draws them (dm-tile-cache.c): the worker draws labels
 * with Pango objects of its own (a font map and a layout per label).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "dm-graph-painter.h"

#define OVERLAY_PAD_PX 8.0      /* room for the selection outline and focus ring */
#define SCENE_PAD_PX   2.0      /* antialiasing past an element's bounds */
#define MATCH_HALO_PX  6.0      /* width of the ring round a search match, within OVERLAY_PAD_PX */

typedef enum {
  NODE_NORMAL,
  NODE_HOVERED,
  NODE_SELECTED,
} NodeState;

/* Drawing ------------------------------------------------------------------------------ */

static void
set_source (cairo_t       *cr,
            const GdkRGBA *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
path_shape (cairo_t       *cr,
            const DmShape *shape)
{
  const double *p = shape->points;

  switch (shape->kind)
    {
    case DM_SHAPE_ELLIPSE:
      if (shape->n_points < 2 || p[2] <= 0 || p[3] <= 0)
        return;
      cairo_save (cr);
      cairo_translate (cr, p[0], p[1]);
      cairo_scale (cr, p[2], p[3]);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;

    case DM_SHAPE_POLYGON:
    case DM_SHAPE_POLYLINE:
      if (shape->n_points < 2)
        return;
      cairo_move_to (cr, p[0], p[1]);
      for (guint k = 1; k < shape->n_points; k++)
        cairo_line_to (cr, p[2 * k], p[2 * k + 1]);
      if (shape->kind == DM_SHAPE_POLYGON)
        cairo_close_path (cr);
      break;

    case DM_SHAPE_BEZIER:
      if (shape->n_points < 4)
        return;
      cairo_move_to (cr, p[0], p[1]);
      for (guint k = 1; k + 2 < shape->n_points; k += 3)
        cairo_curve_to (cr, p[2 * k], p[2 * k + 1], p[2 * k + 2], p[2 * k + 3],
                        p[2 * k + 4], p[2 * k + 5]);
      break;

    case DM_SHAPE_TEXT:
    default:
      break;
    }
}

/* Line width in scene units, never thinner than one device pixel. */
static double
line_width (double scene_width,
            double scale)
{
  return MAX (scene_width, 1.0 / scale);
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *r,
              double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Strokes the current path as a relation's line: dashed when the relation is negated. */
static void
stroke_relation (cairo_t  *cr,
                 gboolean  negated,
                 double    scale)
{
  if (negated)
    {
      double dashes[2] = { MAX (6.0, 4.0 / scale), MAX (4.0, 3.0 / scale) };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The straight line between the boxes of an edge the layout drew no path for. */
static void
path_poly (cairo_t           *cr,
           const DmSceneEdge *g)
{
  cairo_move_to (cr, g->poly[0], g->poly[1]);
  for (guint k = 1; k < g->n_poly; k++)
    cairo_line_to (cr, g->poly[2 * k], g->poly[2 * k + 1]);
}

/* The label to draw with: the main thread's own, or the tile worker's copy of it (made
 * on first use, on the worker, in the worker's Pango context). */
static PangoLayout *
label_for (const DmGraphPainter *self,
           PangoLayout          *label,
           PangoLayout         **worker_label,
           gboolean              on_worker)
{
  if (!on_worker || label == NULL)
    return label;
  if (*worker_label == NULL)
    {
      PangoLayout *copy = pango_layout_new (self->worker_pango);

      pango_layout_set_font_description (copy, pango_layout_get_font_description (label));
      pango_layout_set_alignment (copy, pango_layout_get_alignment (label));
      pango_layout_set_text (copy, pango_layout_get_text (label), -1);
      *worker_label = copy;
    }
  return *worker_label;
}

static void
draw_edge_label (const DmGraphPainter *self,
                 cairo_t              *cr,
                 guint                 i,
                 double                scale,
                 gboolean              selected,
                 gboolean              on_worker)
{
  DmSceneEdge *g = &self->scene->edges[i];
  DmClassFamily family = dm_graph_scene_get_family (self->scene, i);
  GdkRGBA bg = self->palette->bg, border;
  PangoRectangle logical;
  PangoLayout *label;

  if (g->label == NULL)
    return;
  label = label_for (self, g->label, &g->worker_label, on_worker);

  bg.alpha = 0.92;
  border = selected ? self->palette->accent : self->palette->family[family];
  border.alpha = selected ? 1.0 : 0.55;

  rounded_rect (cr, &g->pill, g->pill.size.height / 2);
  set_source (cr, &bg);
  cairo_fill_preserve (cr);
  set_source (cr, &border);
  cairo_set_line_width (cr, line_width (selected ? 1.6 : 0.8, scale));
  cairo_stroke (cr);

  pango_layout_get_extents (label, NULL, &logical);
  set_source (cr, selected ? &self->palette->fg : &self->palette->family_text[family]);
  cairo_move_to (cr,
                 g->pill.origin.x + (g->pill.size.width - (double) logical.width / PANGO_SCALE) / 2,
                 g->pill.origin.y + (g->pill.size.height - (double) logical.height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, label);
}

/* A person: a head of radius @head_r at (@x, @head_y), shoulders @half_width either side
 * rounding from @base up towards @shoulder_y. */
static void
fill_figure (cairo_t *cr,
             double   x,
             double   head_y,
             double   head_r,
             double   half_width,
             double   shoulder_y,
             double   base)
{
  cairo_arc (cr, x, head_y, head_r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, x - half_width, base);
  cairo_curve_to (cr, x - half_width, shoulder_y, x + half_width, shoulder_y, x + half_width, base);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Actor type glyphs, drawn in a box from -1 to 1. */
static void
draw_type_glyph (cairo_t       *cr,
                 DmActorType    type,
                 const GdkRGBA *ink,
                 const GdkRGBA *paper)
{
  set_source (cr, ink);
  switch (type)
    {
    case DM_ACTOR_COUNTRY:    /* a globe */
      cairo_set_line_width (cr, 0.2);
      cairo_arc (cr, 0, 0, 0.85, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_scale (cr, 0.38, 0.85);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, -0.85, 0);
      cairo_line_to (cr, 0.85, 0);
      cairo_stroke (cr);
      break;

    case DM_ACTOR_OFFICIAL:   /* an institution: roof, columns, base */
      cairo_move_to (cr, -0.95, -0.4);
      cairo_line_to (cr, 0, -0.95);
      cairo_line_to (cr, 0.95, -0.4);
      cairo_close_path (cr);
      cairo_fill (cr);
      for (int c = 0; c < 3; c++)
        cairo_rectangle (cr, -0.72 + c * 0.58, -0.28, 0.28, 0.86);
      cairo_rectangle (cr, -0.95, 0.66, 1.9, 0.26);
      cairo_fill (cr);
      break;

    case DM_ACTOR_PERSON:     /* head and shoulders */
      fill_figure (cr, 0, -0.42, 0.4, 0.82, 0.1, 0.92);
      break;

    case DM_ACTOR_GROUP:      /* three heads */
      for (int k = -1; k <= 1; k += 2)
        fill_figure (cr, k * 0.55, -0.3, 0.27, 0.5, 0.05, 0.75);
      set_source (cr, paper);
      cairo_arc (cr, 0, -0.42, 0.38, 0, 2 * G_PI);
      cairo_fill (cr);
      set_source (cr, ink);
      fill_figure (cr, 0, -0.42, 0.3, 0.6, 0.0, 0.95);
      break;

    case DM_ACTOR_ORGANIZATION: /* an office block */
    case DM_N_ACTOR_TYPES:
    default:
      cairo_rectangle (cr, -0.7, -0.95, 1.4, 1.9);
      cairo_fill (cr);
      set_source (cr, paper);
      for (int row = 0; row < 3; row++)
        for (int col = 0; col < 2; col++)
          cairo_rectangle (cr, -0.45 + col * 0.55, -0.7 + row * 0.5, 0.35, 0.3);
      cairo_fill (cr);
      break;
    }
}

/* A node's outline: ellipse, polygon, or the filled bezier of a rounded box. */
static gboolean
is_outline (const DmShape *shape)
{
  return shape->kind == DM_SHAPE_ELLIPSE || shape->kind == DM_SHAPE_POLYGON ||
         (shape->kind == DM_SHAPE_BEZIER && shape->filled);
}

static void
node_outline_path (const DmGraphPainter *self,
                   cairo_t              *cr,
                   guint                 i,
                   double                grow)
{
  const DmLayoutNode *ln = &self->scene->layout->nodes[i];
  const DmSceneNode *g = &self->scene->nodes[i];
  gboolean found = FALSE;

  if (grow == 0)
    {
      for (guint s = 0; ln->shapes != NULL && s < ln->shapes->len; s++)
        {
          const DmShape *shape = g_ptr_array_index (ln->shapes, s);

          if (is_outline (shape))
            {
              path_shape (cr, shape);
              if (shape->kind == DM_SHAPE_BEZIER)
                cairo_close_path (cr);
              found = TRUE;
              break;  /* the outer outline; peripheries are drawn once */
            }
        }
      if (found)
        return;
    }

  if (g->is_ellipse)
    {
      cairo_save (cr);
      cairo_translate (cr, g->x + g->width / 2, g->y + g->height / 2);
      cairo_scale (cr, g->width / 2 + grow, g->height / 2 + grow);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else
    {
      graphene_rect_t r = GRAPHENE_RECT_INIT (g->x - grow, g->y - grow,
                                              g->width + 2 * grow, g->height + 2 * grow);

      rounded_rect (cr, &r, 3 + grow);
    }
}

/* One edge on its own (the overlay): its line, then its arrow heads, solid even on
 * negated edges so the direction always reads, and outlined in proportion to the line so
 * a heavy edge does not swallow its head. */
static void
draw_edge (const DmGraphPainter *self,
           cairo_t              *cr,
           guint                 i,
           double                scale,
           gboolean              selected)
{
  const DmLayoutEdge *le = &self->scene->layout->edges[i];
  const DmGraphEdge *ge = dm_graph_scene_graph_edge (self->scene, i);
  const DmSceneEdge *g = &self->scene->edges[i];
  GdkRGBA color = selected ? self->palette->accent : self->palette->family[dm_graph_scene_get_family (self->scene, i)];
  double width = line_width (g->pen_width + (selected ? 2.0 : 0.0), scale);
  gboolean drew_path = FALSE;

  set_source (cr, &color);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint s = 0; le->shapes != NULL && s < le->shapes->len; s++)
    {
      const DmShape *shape = g_ptr_array_index (le->shapes, s);

      switch (shape->kind)
        {
        case DM_SHAPE_BEZIER:
        case DM_SHAPE_POLYLINE:
          path_shape (cr, shape);
          cairo_set_line_width (cr, width);
          stroke_relation (cr, ge->negated, scale);
          drew_path = TRUE;
          break;

        case DM_SHAPE_POLYGON:
        case DM_SHAPE_ELLIPSE:
          path_shape (cr, shape);
          cairo_set_line_width (cr, line_width (MAX (1.0, width * 0.7), scale));
          if (shape->filled || shape->kind == DM_SHAPE_POLYGON)
            cairo_fill_preserve (cr);
          cairo_stroke (cr);
          break;

        case DM_SHAPE_TEXT:
        default:
          break;
        }
    }

  if (!drew_path && g->n_poly >= 2)
    {
      path_poly (cr, g);
      cairo_set_line_width (cr, width);
      stroke_relation (cr, ge->negated, scale);
    }
}

static void
draw_node_label (const DmGraphPainter *self,
                 cairo_t              *cr,
                 guint                 i,
                 gboolean              on_worker)
{
  DmSceneNode *g = &self->scene->nodes[i];

  cairo_save (cr);
  cairo_translate (cr, g->x + g->width / 2, g->y + g->height / 2);
  cairo_scale (cr, g->label_scale, g->label_scale);
  cairo_move_to (cr, -g->label_width / 2, -g->label_height / 2);
  set_source (cr, &self->palette->fg);
  pango_cairo_show_layout (cr, label_for (self, g->label, &g->worker_label, on_worker));
  cairo_restore (cr);
}

/* Adds a node's decorations past its outline (box3d's edges, peripheries: doublecircle,
 * Msquare…) to the path; FALSE when it has none. */
static gboolean
path_decorations (const DmGraphPainter *self,
                  cairo_t              *cr,
                  guint                 i)
{
  const DmLayoutNode *ln = &self->scene->layout->nodes[i];
  gboolean first = TRUE, any = FALSE;

  for (guint s = 0; ln->shapes != NULL && s < ln->shapes->len; s++)
    {
      const DmShape *shape = g_ptr_array_index (ln->shapes, s);

      if (shape->kind == DM_SHAPE_TEXT)
        continue;
      if (is_outline (shape) && first)
        {
          first = FALSE;
          continue;
        }
      path_shape (cr, shape);
      any = TRUE;
    }
  return any;
}

/* The type badge sits on the outline at the top-left, once it is big enough to read; FALSE
 * when it is not drawn at @scale. */
static gboolean
badge_visible (const DmGraphPainter *self,
               guint                 i,
               double                scale,
               double               *bx,
               double               *by,
               double               *radius)
{
  dm_graph_scene_get_badge (self->scene, i, bx, by, radius);
  return *radius * scale >= 5;
}

static void
draw_badge_glyph (const DmGraphPainter *self,
                  cairo_t              *cr,
                  guint                 i,
                  double                bx,
                  double                by,
                  double                radius)
{
  const DmTypeColors *colors = &self->palette->types[dm_graph_scene_get_actor_type (self->scene, i)];

  cairo_save (cr);
  cairo_translate (cr, bx, by);
  cairo_scale (cr, radius * 0.6, radius * 0.6);
  draw_type_glyph (cr, dm_graph_scene_get_actor_type (self->scene, i), &self->palette->bg, &colors->stroke);
  cairo_restore (cr);
}

/* One node on its own (the overlay), outlined for its state. */
static void
draw_node (const DmGraphPainter *self,
           cairo_t              *cr,
           guint                 i,
           double                scale,
           NodeState             state)
{
  const DmTypeColors *colors = &self->palette->types[dm_graph_scene_get_actor_type (self->scene, i)];
  double bx, by, radius, outline;

  node_outline_path (self, cr, i, 0);
  set_source (cr, &colors->fill);
  cairo_fill_preserve (cr);
  outline = state == NODE_SELECTED ? 3.0 : state == NODE_HOVERED ? 2.2 : 1.4;
  set_source (cr, state == NODE_SELECTED ? &self->palette->accent : &colors->stroke);
  cairo_set_line_width (cr, line_width (outline, scale));
  cairo_stroke (cr);

  if (path_decorations (self, cr, i))
    {
      set_source (cr, &colors->stroke);
      cairo_set_line_width (cr, line_width (1.0, scale));
      cairo_stroke (cr);
    }

  if (badge_visible (self, i, scale, &bx, &by, &radius))
    {
      cairo_arc (cr, bx, by, radius, 0, 2 * G_PI);
      set_source (cr, &colors->stroke);
      cairo_fill_preserve (cr);
      set_source (cr, &self->palette->bg);
      cairo_set_line_width (cr, line_width (1.2, scale));
      cairo_stroke (cr);
      draw_badge_glyph (self, cr, i, bx, by, radius);
    }

  if (dm_graph_scene_node_label_visible (self->scene, i, scale))
    draw_node_label (self, cr, i, FALSE);
}

/* The scene is drawn in batches: every edge of one colour, width and dash in one path
 * and one stroke, every node outline of one actor type in one fill and one stroke. For a
 * large graph that is a few dozen cairo operations per tile instead of thousands. */
static void
draw_edge_batch (const DmGraphPainter  *self,
                 cairo_t               *cr,
                 const int             *edges,
                 guint                  n,
                 const graphene_rect_t *area,
                 double                 scale)
{
  const DmSceneEdge *first = &self->scene->edges[edges[0]];
  const DmGraphEdge *ge = dm_graph_scene_graph_edge (self->scene, edges[0]);
  double width = line_width (first->pen_width, scale);
  gboolean any = FALSE, any_head = FALSE;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    {
      const DmLayoutEdge *le = &self->scene->layout->edges[edges[k]];
      const DmSceneEdge *g = &self->scene->edges[edges[k]];
      gboolean drew = FALSE;

      if (!dm_graph_scene_rects_meet (&g->bounds, area))
        continue;
      any = TRUE;
      for (guint s = 0; le->shapes != NULL && s < le->shapes->len; s++)
        {
          const DmShape *shape = g_ptr_array_index (le->shapes, s);

          if (shape->kind == DM_SHAPE_BEZIER || shape->kind == DM_SHAPE_POLYLINE)
            {
              path_shape (cr, shape);
              drew = TRUE;
            }
        }
      if (!drew && g->n_poly >= 2)
        path_poly (cr, g);
    }
  if (!any)
    return;

  set_source (cr, &self->palette->family[dm_graph_scene_get_family (self->scene, edges[0])]);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width);
  stroke_relation (cr, ge->negated, scale);

  /* Arrow heads */
  for (guint k = 0; k < n; k++)
    {
      const DmLayoutEdge *le = &self->scene->layout->edges[edges[k]];

      if (!dm_graph_scene_rects_meet (&self->scene->edges[edges[k]].bounds, area))
        continue;
      for (guint s = 0; le->shapes != NULL && s < le->shapes->len; s++)
        {
          const DmShape *shape = g_ptr_array_index (le->shapes, s);

          if (shape->kind == DM_SHAPE_POLYGON || shape->kind == DM_SHAPE_ELLIPSE)
            {
              path_shape (cr, shape);
              any_head = TRUE;
            }
        }
    }
  if (any_head)
    {
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, line_width (MAX (1.0, width * 0.7), scale));
      cairo_stroke (cr);
    }
}

static void
draw_node_batch (const DmGraphPainter  *self,
                 cairo_t               *cr,
                 const int             *nodes,
                 guint                  n,
                 const graphene_rect_t *area,
                 double                 scale)
{
  const DmTypeColors *colors = &self->palette->types[dm_graph_scene_get_actor_type (self->scene, nodes[0])];
  gboolean any = FALSE, any_decoration = FALSE, any_badge = FALSE;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    if (dm_graph_scene_rects_meet (&self->scene->nodes[nodes[k]].bounds, area))
      {
        node_outline_path (self, cr, nodes[k], 0);
        any = TRUE;
      }
  if (!any)
    return;
  set_source (cr, &colors->fill);
  cairo_fill_preserve (cr);
  set_source (cr, &colors->stroke);
  cairo_set_line_width (cr, line_width (1.4, scale));
  cairo_stroke (cr);

  for (guint k = 0; k < n; k++)
    if (dm_graph_scene_rects_meet (&self->scene->nodes[nodes[k]].bounds, area))
      any_decoration |= path_decorations (self, cr, nodes[k]);
  if (any_decoration)
    {
      cairo_set_line_width (cr, line_width (1.0, scale));
      cairo_stroke (cr);
    }

  for (guint k = 0; k < n; k++)
    {
      double bx, by, radius;

      if (!dm_graph_scene_rects_meet (&self->scene->nodes[nodes[k]].bounds, area) ||
          !badge_visible (self, nodes[k], scale, &bx, &by, &radius))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, bx, by, radius, 0, 2 * G_PI);
      any_badge = TRUE;
    }
  if (any_badge)
    {
      cairo_fill_preserve (cr);
      set_source (cr, &self->palette->bg);
      cairo_set_line_width (cr, line_width (1.2, scale));
      cairo_stroke (cr);
      for (guint k = 0; k < n; k++)
        {
          double bx, by, radius;

          if (dm_graph_scene_rects_meet (&self->scene->nodes[nodes[k]].bounds, area) &&
              badge_visible (self, nodes[k], scale, &bx, &by, &radius))
            draw_badge_glyph (self, cr, nodes[k], bx, by, radius);
        }
    }
}

/* Groups: soft rounded boxes washed in their head's hue, under everything else */
static void
draw_group_boxes (const DmGraphPainter  *self,
                  cairo_t               *cr,
                  const graphene_rect_t *area,
                  double                 scale)
{
  const DmGraphScene *scene = self->scene;

  for (guint i = 0; i < scene->n_groups; i++)
    {
      const DmSceneGroup *g = &scene->groups[i];
      DmActorType type = dm_graph_scene_get_group_type (scene, i);

      if (!dm_graph_scene_rects_meet (&g->box, area))
        continue;
      cairo_new_path (cr);
      rounded_rect (cr, &g->box, 10);
      set_source (cr, &self->palette->group_fill[type]);
      cairo_fill_preserve (cr);
      set_source (cr, &self->palette->group_line[type]);
      cairo_set_line_width (cr, line_width (0.8, scale));
      cairo_stroke (cr);
    }
}

/* … and their names at the top left, over the edges that cross them (under edge labels and
 * actors), so that lines do not strike them through */
static void
draw_group_names (const DmGraphPainter  *self,
                  cairo_t               *cr,
                  const graphene_rect_t *area,
                  double                 scale,
                  gboolean               on_worker)
{
  const DmGraphScene *scene = self->scene;

  set_source (cr, &self->palette->group_text);
  for (guint i = 0; i < scene->n_groups; i++)
    {
      DmSceneGroup *g = &scene->groups[i];

      if (!dm_graph_scene_rects_meet (&g->label_box, area) ||
          !dm_graph_scene_group_label_visible (scene, i, scale))
        continue;
      cairo_move_to (cr, g->label_box.origin.x, g->label_box.origin.y);
      pango_cairo_show_layout (cr, label_for (self, g->label, &g->worker_label, on_worker));
    }
}

static void
draw_scene (const DmGraphPainter  *self,
            cairo_t               *cr,
            const graphene_rect_t *area,
            double                 scale,
            gboolean               on_worker)
{
  const DmGraphScene *scene = self->scene;
  guint start;

  /* Group boxes under everything; edges under nodes; labels over edges; nodes on top. */
  draw_group_boxes (self, cr, area, scale);

  start = 0;
  for (guint k = 1; k <= scene->n_edges; k++)
    if (k == scene->n_edges ||
        scene->edges[scene->edge_order[k]].batch != scene->edges[scene->edge_order[start]].batch)
      {
        draw_edge_batch (self, cr, &scene->edge_order[start], k - start, area, scale);
        start = k;
      }
  draw_group_names (self, cr, area, scale, on_worker);

  for (guint i = 0; i < scene->n_edges; i++)
    if (dm_graph_scene_rects_meet (&scene->edges[i].pill, area) &&
        dm_graph_scene_edge_label_visible (scene, i, scale))
      draw_edge_label (self, cr, i, scale, FALSE, on_worker);

  start = 0;
  for (guint k = 1; k <= scene->n_nodes; k++)
    if (k == scene->n_nodes ||
        dm_graph_scene_get_actor_type (scene, scene->node_order[k]) !=
        dm_graph_scene_get_actor_type (scene, scene->node_order[start]))
      {
        draw_node_batch (self, cr, &scene->node_order[start], k - start, area, scale);
        start = k;
      }

  for (guint i = 0; i < scene->n_nodes; i++)
    if (dm_graph_scene_rects_meet (&scene->nodes[i].bounds, area) &&
        dm_graph_scene_node_label_visible (scene, i, scale))
      draw_node_label (self, cr, i, on_worker);
}

static void
draw_overlay (const DmGraphPainter  *self,
              cairo_t               *cr,
              const graphene_rect_t *area,
              double                 scale)
{
  const DmGraphScene *scene = self->scene;
  const DmGraphOverlay *overlay = self->overlay;

  for (guint i = 0; i < scene->n_edges; i++)
    if (overlay->edges[i] && dm_graph_scene_rects_meet (&scene->edges[i].bounds, area))
      draw_edge (self, cr, i, scale, (int) i == overlay->selected_edge);
  for (guint i = 0; i < scene->n_edges; i++)
    if (overlay->edges[i] && dm_graph_scene_rects_meet (&scene->edges[i].pill, area) &&
        dm_graph_scene_edge_label_visible (scene, i, scale))
      draw_edge_label (self, cr, i, scale, (int) i == overlay->selected_edge, FALSE);
  /* Search matches: a halo in the accent colour under the node, wide enough to find at
   * the smallest zoom. */
  for (guint i = 0; overlay->matches != NULL && i < scene->n_nodes; i++)
    if (overlay->matches[i] && dm_graph_scene_rects_meet (&scene->nodes[i].bounds, area))
      {
        GdkRGBA halo = self->palette->accent;

        halo.alpha = 0.55;
        node_outline_path (self, cr, i, MATCH_HALO_PX / 2 / scale);
        set_source (cr, &halo);
        cairo_set_line_width (cr, MATCH_HALO_PX / scale);
        cairo_stroke (cr);
      }
  for (guint i = 0; i < scene->n_nodes; i++)
    if (overlay->nodes[i] && dm_graph_scene_rects_meet (&scene->nodes[i].bounds, area))
      draw_node (self, cr, i, scale,
                 (int) i == overlay->selected_node ? NODE_SELECTED :
                 (int) i == overlay->hovered_node ? NODE_HOVERED : NODE_NORMAL);

  if (overlay->selected_node >= 0 && overlay->focus_ring)
    {
      GdkRGBA ring = self->palette->accent;

      ring.alpha = 0.7;
      node_outline_path (self, cr, overlay->selected_node, 5.0 / scale);
      set_source (cr, &ring);
      cairo_set_line_width (cr, 2.0 / scale);
      cairo_stroke (cr);
    }
}

/* Overlay ------------------------------------------------------------------------------ */

static void
mark_edge (DmGraphOverlay     *overlay,
           const DmGraphScene *scene,
           guint               i)
{
  const DmGraphEdge *ge = dm_graph_scene_graph_edge (scene, i);

  overlay->edges[i] = 1;
  overlay->nodes[ge->source] = 1;
  overlay->nodes[ge->target] = 1;
}

static void
add_bounds (graphene_rect_t       *bounds,
            gboolean              *empty,
            const graphene_rect_t *r)
{
  if (*empty)
    *bounds = *r;
  else
    graphene_rect_union (bounds, r, bounds);
  *empty = FALSE;
}

void
dm_graph_overlay_update (DmGraphOverlay     *overlay,
                         const DmGraphScene *scene,
                         int                 hovered_node,
                         int                 hovered_edge,
                         int                 selected_node,
                         int                 selected_edge,
                         gboolean            focus_ring,
                         const guint8       *matches)
{
  gboolean empty = TRUE;

  dm_graph_overlay_clear (overlay);
  overlay->nodes = g_new0 (guint8, MAX (scene->n_nodes, 1));
  overlay->edges = g_new0 (guint8, MAX (scene->n_edges, 1));
  overlay->hovered_node = hovered_node;
  overlay->selected_node = selected_node;
  overlay->selected_edge = selected_edge;
  overlay->focus_ring = focus_ring;

  if (hovered_node >= 0)
    {
      overlay->nodes[hovered_node] = 1;
      for (guint i = 0; i < scene->n_edges; i++)
        {
          const DmGraphEdge *ge = dm_graph_scene_graph_edge (scene, i);

          if ((int) ge->source == hovered_node || (int) ge->target == hovered_node)
            mark_edge (overlay, scene, i);
        }
    }
  if (hovered_edge >= 0)
    mark_edge (overlay, scene, hovered_edge);
  if (selected_node >= 0)
    overlay->nodes[selected_node] = 1;
  if (selected_edge >= 0)
    overlay->edges[selected_edge] = 1;
  if (matches != NULL)
    {
      overlay->matches = g_memdup2 (matches, MAX (scene->n_nodes, 1));
      /* A match is drawn again over its halo, above the dimmed scene. */
      for (guint i = 0; i < scene->n_nodes; i++)
        overlay->nodes[i] |= matches[i];
    }

  for (guint i = 0; i < scene->n_nodes; i++)
    if (overlay->nodes[i])
      add_bounds (&overlay->bounds, &empty, &scene->nodes[i].bounds);
  for (guint i = 0; i < scene->n_edges; i++)
    if (overlay->edges[i])
      add_bounds (&overlay->bounds, &empty, &scene->edges[i].bounds);
  overlay->empty = empty;
}

void
dm_graph_overlay_clear (DmGraphOverlay *overlay)
{
  g_clear_pointer (&overlay->nodes, g_free);
  g_clear_pointer (&overlay->edges, g_free);
  g_clear_pointer (&overlay->matches, g_free);
  /* Not a negative size: graphene_rect_init() normalises it into a 1×1 rectangle. */
  graphene_rect_init (&overlay->bounds, 0, 0, 0, 0);
  overlay->empty = TRUE;
}

/* Painter ------------------------------------------------------------------------------ */

void
dm_graph_painter_init (DmGraphPainter       *self,
                       const DmGraphPalette *palette,
                       const DmGraphOverlay *overlay)
{
  g_autoptr(PangoFontMap) worker_fonts = pango_cairo_font_map_new ();

  memset (self, 0, sizeof *self);
  self->palette = palette;
  self->overlay = overlay;
  /* The worker's own font map: used only there. */
  self->worker_pango = dm_graph_scene_label_context_new (worker_fonts);
}

void
dm_graph_painter_clear (DmGraphPainter *self)
{
  self->scene = NULL;
  g_clear_object (&self->worker_pango);
}

static double
layer_pad (DmGraphLayer layer,
           double       scale)
{
  return (layer == DM_GRAPH_LAYER_OVERLAY ? OVERLAY_PAD_PX : SCENE_PAD_PX) / scale;
}

gboolean
dm_graph_painter_covers (const DmGraphPainter  *self,
                         DmGraphLayer           layer,
                         const graphene_rect_t *area,
                         double                 scale)
{
  double pad = layer_pad (layer, scale);
  graphene_rect_t padded;

  if (self->scene == NULL)
    return FALSE;
  if (layer == DM_GRAPH_LAYER_OVERLAY)
    {
      graphene_rect_t b;

      graphene_rect_inset_r (&self->overlay->bounds, -pad, -pad, &b);
      return !self->overlay->empty && dm_graph_scene_rects_meet (&b, area);
    }
  graphene_rect_inset_r (area, -pad, -pad, &padded);
  return dm_graph_scene_meets (self->scene, &padded);
}

void
dm_graph_painter_paint (const DmGraphPainter  *self,
                        DmGraphLayer           layer,
                        cairo_t               *cr,
                        const graphene_rect_t *area,
                        double                 scale,
                        gboolean               on_worker)
{
  double pad = layer_pad (layer, scale);
  graphene_rect_t padded;

  g_return_if_fail (self->scene != NULL);

  graphene_rect_inset_r (area, -pad, -pad, &padded);
  if (layer == DM_GRAPH_LAYER_OVERLAY)
    {
      draw_overlay (self, cr, &padded, scale);
      return;
    }
  /* Scene tiles are opaque: they cover whatever stands in for them wherever they are
   * ready. */
  set_source (cr, &self->palette->bg);
  cairo_paint (cr);
  draw_scene (self, cr, &padded, scale, on_worker);
}
