/* dm-layout.c — laid-out graphs as plain shapes: engines, xdot parsing and hit tests
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include <graphviz/xdot.h>

#include "dm-layout-private.h"

/* Measured on synthetic news-like graphs (tests/bench/bench-export.c, Graphviz 2.42, about
 * two labelled edges per actor): dot takes 0.2 s for 40 actors but 2.8 s for 100 and
 * minutes for 500; neato with straight edges 0.26 s for 100; sfdp stays under a second
 * for 500. */
#define DM_AUTO_DOT_MAX_NODES     40
#define DM_AUTO_DOT_MAX_EDGES     80
#define DM_AUTO_NEATO_MAX_NODES  100

/* Routing splines around nodes (splines=true) costs 0.5 s at 40 actors with neato but
 * 3.6 s at 100; beyond this size edges are straight (and spread when parallel). The cost
 * also grows with every edge routed: an 18-actor corpus with 3,628 edges (12 verbs between
 * every pair) spent 1.3 s routing, 306 edges between 18 actors 0.12 s, 77 between 40 actors
 * 0.25 s. So edges are routed while actors × edges stays within 40 × 80. */
#define DM_SPLINES_MAX_NODES      40
#define DM_SPLINES_MAX_WORK       (40 * 80)

/* Graphviz places the edge labels of neato, fdp, sfdp, circo and twopi layouts after the
 * layout as "external labels" (xlabels.c), which costs far more than linear time when the
 * labels crowd the same area: 1.1 s for the 3,628 labels of 18 actors (the layout itself
 * took 0.03 s), 0.03 s for the 992 labels of a sparse 500-actor graph. From this many edges
 * per actor the worker places them itself (dm_layout_place_labels). */
#define DM_CROWDED_EDGES_PER_NODE  4

static const char * const engine_names[DM_N_LAYOUT_ENGINES] = {
  [DM_LAYOUT_ENGINE_AUTO]  = "auto",
  [DM_LAYOUT_ENGINE_DOT]   = "dot",
  [DM_LAYOUT_ENGINE_NEATO] = "neato",
  [DM_LAYOUT_ENGINE_FDP]   = "fdp",
  [DM_LAYOUT_ENGINE_SFDP]  = "sfdp",
  [DM_LAYOUT_ENGINE_CIRCO] = "circo",
  [DM_LAYOUT_ENGINE_TWOPI] = "twopi",
};

G_DEFINE_QUARK (dm-layout-error-quark, dm_layout_error)

const char *
dm_layout_engine_to_string (DmLayoutEngine engine)
{
  g_return_val_if_fail (engine < DM_N_LAYOUT_ENGINES, NULL);
  return engine_names[engine];
}

gboolean
dm_layout_engine_from_string (const char     *str,
                              DmLayoutEngine *engine)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < DM_N_LAYOUT_ENGINES; i++)
    {
      if (g_ascii_strcasecmp (str, engine_names[i]) == 0)
        {
          if (engine != NULL)
            *engine = i;
          return TRUE;
        }
    }
  return FALSE;
}

DmLayoutEngine
dm_layout_engine_for_graph (const DmGraph *graph)
{
  g_return_val_if_fail (graph != NULL, DM_LAYOUT_ENGINE_DOT);

  /* An ego view is a star around its focus: twopi puts the focus in the centre and its
   * neighbours on a ring (the next step of "Widen" on the next ring), each edge a spoke with
   * room for its label. dot stacked a hub's 30 neighbours in one column 1,600 points tall,
   * drawn too small to read. */
  if (graph->query != NULL && graph->query->focus_actor != 0
      && dm_graph_find_node (graph, graph->query->focus_actor) >= 0
      && graph->nodes->len <= DM_AUTO_NEATO_MAX_NODES)
    return DM_LAYOUT_ENGINE_TWOPI;
  /* An overview that leaves actors out is a web around a few hubs, not a flow: dot ranked
   * the 32 heaviest actors of a 500-actor corpus into a band 2,746 × 852 points, larger
   * than neato's drawing of 60, too wide for a canvas to name them all. */
  if (graph->nodes->len <= DM_AUTO_DOT_MAX_NODES && graph->edges->len <= DM_AUTO_DOT_MAX_EDGES
      && graph->counts.n_actors_over_budget == 0)
    return DM_LAYOUT_ENGINE_DOT;
  if (graph->nodes->len <= DM_AUTO_NEATO_MAX_NODES)
    return DM_LAYOUT_ENGINE_NEATO;
  return DM_LAYOUT_ENGINE_SFDP;
}

gboolean
dm_layout_engine_draws_groups (DmLayoutEngine engine)
{
  /* dot and fdp lay clusters out; neato ignores them, but the layout worker ties each
   * group's members to their head with short invisible springs, which keeps them together
   * (fdp would too, but its layouts of clusters differ from run to run in Graphviz 2.43, and
   * a drag must leave the other actors where they were) */
  return engine == DM_LAYOUT_ENGINE_DOT || engine == DM_LAYOUT_ENGINE_FDP
         || engine == DM_LAYOUT_ENGINE_NEATO;
}

char *
dm_layout_cache_key (const DmGraph  *graph,
                     DmLayoutEngine  engine)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (engine < DM_N_LAYOUT_ENGINES, NULL);

  if (engine == DM_LAYOUT_ENGINE_AUTO)
    engine = dm_layout_engine_for_graph (graph);
  key = dm_graph_get_key (graph);
  return g_strdup_printf ("%s@%s", key, engine_names[engine]);
}

const char *
dm_layout_engine_get_splines (DmLayoutEngine engine,
                              guint          n_nodes,
                              guint          n_edges)
{
  /* Never "curved": Graphviz 2.42 looks for every cycle of the graph to bend curved edges,
   * which takes minutes from about a hundred actors on. */
  if (engine == DM_LAYOUT_ENGINE_DOT)
    return "true";
  /* Crowded graphs are mostly parallel edges: routed around nodes they lie on top of each
   * other, straight they fan out, each with room for its label */
  if (dm_layout_engine_places_labels (engine, n_nodes, n_edges))
    return "line";
  if (n_nodes <= DM_SPLINES_MAX_NODES && (guint64) n_nodes * n_edges <= DM_SPLINES_MAX_WORK)
    return "true";
  return "line";
}

gboolean
dm_layout_engine_places_labels (DmLayoutEngine engine,
                                guint          n_nodes,
                                guint          n_edges)
{
  /* dot gives every edge label a place of its own in the ranks (and is only chosen for
   * small graphs) */
  if (engine == DM_LAYOUT_ENGINE_DOT || engine == DM_LAYOUT_ENGINE_AUTO)
    return FALSE;
  if (n_edges == 0)
    return FALSE;
  /* Beyond DM_SPLINES_MAX_NODES edges are straight lines and Graphviz's external labels
   * land on nodes and on each other (a 60-actor overview had a label across a node); placed
   * here, each keeps clear of both. */
  return n_nodes > DM_SPLINES_MAX_NODES
         || n_edges > (guint64) DM_CROWDED_EDGES_PER_NODE * MAX (n_nodes, 1);
}

void
dm_layout_to_graphviz_point (const DmLayout *layout,
                             double          x,
                             double          y,
                             double         *gv_x,
                             double         *gv_y)
{
  g_return_if_fail (layout != NULL);

  *gv_x = x - layout->frame_x;
  *gv_y = layout->frame_y - y;
}

static void
move_shapes (GPtrArray *shapes,
             double     dx,
             double     dy)
{
  for (guint s = 0; shapes != NULL && s < shapes->len; s++)
    {
      DmShape *shape = g_ptr_array_index (shapes, s);
      /* an ellipse's second point is its radii */
      guint n = shape->kind == DM_SHAPE_ELLIPSE ? MIN (shape->n_points, 1) : shape->n_points;

      for (guint p = 0; p < n; p++)
        {
          shape->points[2 * p] += dx;
          shape->points[2 * p + 1] += dy;
        }
    }
}

void
dm_layout_move_into_frame (DmLayout *layout,
                           double    dx,
                           double    dy,
                           double    frame_width,
                           double    frame_height)
{
  double left, top, right, bottom;
  guint n_nodes, n_edges;

  g_return_if_fail (layout != NULL);

  left = MIN (0, dx);
  top = MIN (0, dy);
  right = MAX (frame_width, dx + layout->width);
  bottom = MAX (frame_height, dy + layout->height);
  dx -= left;
  dy -= top;

  n_nodes = layout->graph != NULL ? layout->graph->nodes->len : 0;
  n_edges = layout->graph != NULL ? layout->graph->edges->len : 0;
  for (guint i = 0; i < n_nodes; i++)
    {
      layout->nodes[i].x += dx;
      layout->nodes[i].y += dy;
      move_shapes (layout->nodes[i].shapes, dx, dy);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      layout->edges[i].label_x += dx;
      layout->edges[i].label_y += dy;
      move_shapes (layout->edges[i].shapes, dx, dy);
    }
  for (guint i = 0; i < layout->n_groups; i++)
    {
      layout->groups[i].x += dx;
      layout->groups[i].y += dy;
      layout->groups[i].label_x += dx;
      layout->groups[i].label_y += dy;
    }
  layout->width = right - left;
  layout->height = bottom - top;
}

/* Shapes -------------------------------------------------------------------------------- */

void
dm_shape_free (DmShape *shape)
{
  if (shape == NULL)
    return;
  g_free (shape->points);
  g_free (shape->text);
  g_free (shape->pen_color);
  g_free (shape->fill_color);
  g_free (shape);
}

typedef struct {
  const char *pen_color;   /* borrowed from the xdot ops */
  const char *fill_color;
  double      font_size;
  double      pen_width;
  gboolean    dashed;
} DrawState;

static DmShape *
shape_new (DmShapeKind       kind,
           gboolean          filled,
           const DrawState  *state)
{
  DmShape *shape = g_new0 (DmShape, 1);

  shape->kind = kind;
  shape->filled = filled;
  shape->pen_color = g_strdup (state->pen_color);
  shape->fill_color = filled ? g_strdup (state->fill_color) : NULL;
  shape->pen_width = state->pen_width;
  shape->dashed = state->dashed;
  return shape;
}

static void
set_points (DmShape             *shape,
            const xdot_polyline *line,
            double               origin_x,
            double               flip_y)
{
  shape->n_points = line->cnt;
  shape->points = g_new (double, 2 * MAX (line->cnt, 1));
  for (int i = 0; i < line->cnt; i++)
    {
      shape->points[2 * i] = line->pts[i].x - origin_x;
      shape->points[2 * i + 1] = flip_y - line->pts[i].y;
    }
}

static void
apply_style (DrawState  *state,
             const char *style)
{
  /* Graphviz writes one style item per "S" op: "dashed", "setlinewidth(2)", "solid"… */
  if (g_str_equal (style, "dashed") || g_str_equal (style, "dotted"))
    state->dashed = TRUE;
  else if (g_str_equal (style, "solid"))
    state->dashed = FALSE;
  else if (g_str_equal (style, "bold"))
    state->pen_width = 2.0;
  else if (g_str_has_prefix (style, "setlinewidth("))
    state->pen_width = g_ascii_strtod (style + strlen ("setlinewidth("), NULL);
}

gboolean
dm_layout_append_xdot_shapes (GPtrArray  *shapes,
                              const char *ops,
                              double      origin_x,
                              double      flip_y)
{
  g_autofree char *copy = NULL;
  xdot *x;
  DrawState state = { "#000000", NULL, 14.0, 1.0, FALSE };

  if (ops == NULL || ops[0] == '\0')
    return TRUE;

  /* parseXDot takes a writable string */
  copy = g_strdup (ops);
  if (!(x = parseXDot (copy)))
    return FALSE;

  for (int i = 0; i < x->cnt; i++)
    {
      const xdot_op *op = &x->ops[i];
      DmShape *shape = NULL;

      switch (op->kind)
        {
        case xd_filled_ellipse:
        case xd_unfilled_ellipse:
          shape = shape_new (DM_SHAPE_ELLIPSE, op->kind == xd_filled_ellipse, &state);
          shape->n_points = 2;
          shape->points = g_new (double, 4);
          shape->points[0] = op->u.ellipse.x - origin_x;
          shape->points[1] = flip_y - op->u.ellipse.y;
          shape->points[2] = op->u.ellipse.w;
          shape->points[3] = op->u.ellipse.h;
          break;

        case xd_filled_polygon:
        case xd_unfilled_polygon:
          shape = shape_new (DM_SHAPE_POLYGON, op->kind == xd_filled_polygon, &state);
          set_points (shape, &op->u.polygon, origin_x, flip_y);
          break;

        case xd_filled_bezier:
        case xd_unfilled_bezier:
          shape = shape_new (DM_SHAPE_BEZIER, op->kind == xd_filled_bezier, &state);
          set_points (shape, &op->u.bezier, origin_x, flip_y);
          break;

        case xd_polyline:
          shape = shape_new (DM_SHAPE_POLYLINE, FALSE, &state);
          set_points (shape, &op->u.polyline, origin_x, flip_y);
          break;

        case xd_text:
          shape = shape_new (DM_SHAPE_TEXT, FALSE, &state);
          shape->n_points = 1;
          shape->points = g_new (double, 2);
          shape->points[0] = op->u.text.x - origin_x;
          shape->points[1] = flip_y - op->u.text.y;
          shape->text = g_strdup (op->u.text.text);
          shape->font_size = state.font_size;
          shape->text_width = op->u.text.width;
          shape->text_align = op->u.text.align == xd_left ? -1 : op->u.text.align == xd_right ? 1 : 0;
          break;

        case xd_fill_color:
          state.fill_color = op->u.color;
          break;

        case xd_pen_color:
          state.pen_color = op->u.color;
          break;

        case xd_grad_fill_color:
          /* gradients are not drawn: their first stop stands for them */
          if (op->u.grad_color.type == xd_none)
            state.fill_color = op->u.grad_color.u.clr;
          else if (op->u.grad_color.type == xd_linear && op->u.grad_color.u.ling.n_stops > 0)
            state.fill_color = op->u.grad_color.u.ling.stops[0].color;
          else if (op->u.grad_color.type == xd_radial && op->u.grad_color.u.ring.n_stops > 0)
            state.fill_color = op->u.grad_color.u.ring.stops[0].color;
          break;

        case xd_grad_pen_color:
          if (op->u.grad_color.type == xd_none)
            state.pen_color = op->u.grad_color.u.clr;
          break;

        case xd_font:
          state.font_size = op->u.font.size;
          break;

        case xd_style:
          apply_style (&state, op->u.style);
          break;

        case xd_image:
        case xd_fontchar:
        default:
          break;
        }

      if (shape != NULL)
        g_ptr_array_add (shapes, shape);
    }

  freeXDot (x);
  return TRUE;
}

/* Layouts ------------------------------------------------------------------------------- */

static void
dm_layout_clear (DmLayout *layout)
{
  guint n_nodes = layout->graph->nodes->len;
  guint n_edges = layout->graph->edges->len;

  for (guint i = 0; i < n_nodes; i++)
    g_clear_pointer (&layout->nodes[i].shapes, g_ptr_array_unref);
  for (guint i = 0; i < n_edges; i++)
    g_clear_pointer (&layout->edges[i].shapes, g_ptr_array_unref);
  g_free (layout->nodes);
  g_free (layout->edges);
  g_free (layout->groups);
  g_free (layout->xdot);
  dm_graph_unref (layout->graph);
}

DmLayout *
dm_layout_new (DmGraph        *graph,
               DmLayoutEngine  engine)
{
  DmLayout *layout = g_atomic_rc_box_new0 (DmLayout);

  layout->graph = dm_graph_ref (graph);
  layout->engine = engine;
  layout->nodes = g_new0 (DmLayoutNode, MAX (graph->nodes->len, 1));
  layout->edges = g_new0 (DmLayoutEdge, MAX (graph->edges->len, 1));
  for (guint i = 0; i < graph->nodes->len; i++)
    layout->nodes[i].shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_shape_free);
  for (guint i = 0; i < graph->edges->len; i++)
    layout->edges[i].shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_shape_free);
  return layout;
}

DmLayout *
dm_layout_ref (DmLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return g_atomic_rc_box_acquire (layout);
}

void
dm_layout_unref (DmLayout *layout)
{
  g_return_if_fail (layout != NULL);
  g_atomic_rc_box_release_full (layout, (GDestroyNotify) dm_layout_clear);
}

/* Hit tests ----------------------------------------------------------------------------- */

static gboolean
point_in_polygon (const double *pts,
                  guint         n,
                  double        x,
                  double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = pts[2 * i], yi = pts[2 * i + 1];
      double xj = pts[2 * j], yj = pts[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

static gboolean
node_contains (const DmLayoutNode *node,
               double              x,
               double              y)
{
  gboolean has_outline = FALSE;

  if (fabs (x - node->x) > node->width / 2 || fabs (y - node->y) > node->height / 2)
    return FALSE;

  for (guint i = 0; node->shapes != NULL && i < node->shapes->len; i++)
    {
      const DmShape *shape = g_ptr_array_index (node->shapes, i);

      if (shape->kind == DM_SHAPE_ELLIPSE && shape->n_points == 2)
        {
          double dx = (x - shape->points[0]) / MAX (shape->points[2], 1e-6);
          double dy = (y - shape->points[1]) / MAX (shape->points[3], 1e-6);

          has_outline = TRUE;
          if (dx * dx + dy * dy <= 1.0)
            return TRUE;
        }
      else if (shape->kind == DM_SHAPE_POLYGON && shape->n_points >= 3)
        {
          has_outline = TRUE;
          if (point_in_polygon (shape->points, shape->n_points, x, y))
            return TRUE;
        }
    }

  /* no outline (shape=plaintext, or a layout without draw operations): the box counts */
  return !has_outline;
}

int
dm_layout_node_at (const DmLayout *layout,
                   double          x,
                   double          y)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* last drawn is on top */
  for (guint i = layout->graph->nodes->len; i > 0; i--)
    if (node_contains (&layout->nodes[i - 1], x, y))
      return i - 1;
  return -1;
}

static double
segment_distance2 (double px, double py,
                   double ax, double ay,
                   double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;
  return dx * dx + dy * dy;
}

#define BEZIER_STEPS 12

static double
bezier_distance2 (const double *p,
                  guint         n,
                  double        x,
                  double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i + 3 < n; i += 3)
    {
      const double *c = p + 2 * i;
      double px = c[0], py = c[1];

      for (guint s = 1; s <= BEZIER_STEPS; s++)
        {
          double t = (double) s / BEZIER_STEPS, u = 1 - t;
          double a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, d = t * t * t;
          double qx = a * c[0] + b * c[2] + cc * c[4] + d * c[6];
          double qy = a * c[1] + b * c[3] + cc * c[5] + d * c[7];

          best = MIN (best, segment_distance2 (x, y, px, py, qx, qy));
          px = qx;
          py = qy;
        }
    }
  return best;
}

static double
polyline_distance2 (const double *p,
                    guint         n,
                    gboolean      closed,
                    double        x,
                    double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i + 1 < n; i++)
    best = MIN (best, segment_distance2 (x, y, p[2 * i], p[2 * i + 1], p[2 * i + 2], p[2 * i + 3]));
  if (closed && n > 2)
    best = MIN (best, segment_distance2 (x, y, p[2 * n - 2], p[2 * n - 1], p[0], p[1]));
  if (closed && n > 2 && point_in_polygon (p, n, x, y))
    best = 0;
  return best;
}

static gboolean
text_contains (const DmShape *shape,
               double         x,
               double         y,
               double         tolerance)
{
  double left = shape->points[0];
  double baseline = shape->points[1];

  if (shape->text_align == 0)
    left -= shape->text_width / 2;
  else if (shape->text_align > 0)
    left -= shape->text_width;

  return x >= left - tolerance && x <= left + shape->text_width + tolerance
         && y >= baseline - shape->font_size - tolerance
         && y <= baseline + shape->font_size * 0.3 + tolerance;
}

int
dm_layout_edge_at (const DmLayout *layout,
                   double          x,
                   double          y,
                   double          tolerance)
{
  double best = tolerance * tolerance;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->graph->edges->len; i++)
    {
      const GPtrArray *shapes = layout->edges[i].shapes;

      for (guint k = 0; shapes != NULL && k < shapes->len; k++)
        {
          const DmShape *shape = g_ptr_array_index (shapes, k);
          double d;

          switch (shape->kind)
            {
            case DM_SHAPE_BEZIER:
              d = bezier_distance2 (shape->points, shape->n_points, x, y);
              break;
            case DM_SHAPE_POLYGON:
            case DM_SHAPE_POLYLINE:
              d = polyline_distance2 (shape->points, shape->n_points,
                                      shape->kind == DM_SHAPE_POLYGON, x, y);
              break;
            case DM_SHAPE_TEXT:
              d = text_contains (shape, x, y, tolerance) ? 0 : G_MAXDOUBLE;
              break;
            case DM_SHAPE_ELLIPSE:
            default:
              d = G_MAXDOUBLE;
              break;
            }

          if (d <= best)
            {
              best = d;
              found = i;
            }
        }
    }
  return found;
}
