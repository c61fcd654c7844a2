/* dm-graph-view.c — the graph canvas: draws a DmLayout natively, zooms, pans, hit-tests
 *
 * The layout's geometry is prepared once when it is set (bounding boxes, flattened edge
 * paths for hit-testing, Pango layouts for every label). Drawing happens in tiles of
 * TILE_SIZE device pixels of the zoomed scene: each tile is rasterised with cairo at the
 * exact zoom (so lines and text stay crisp at every zoom), from only the elements whose
 * bounding boxes meet it, and kept as a render node until the zoom, the style or the layout
 * changes. Panning only translates the cached render node and rasterises the tiles that
 * come into view. After a zoom step the tiles of the last complete zoom, scaled, stand in
 * while the new ones are rasterised centre-first on a worker thread (dm-tile-worker.c), so
 * a zoom gesture on a large graph keeps its frame rate and sharpens as tiles come back. The
 * worker draws labels with Pango objects of its own (a font map and a layout per label):
 * Pango objects are not shared between threads.
 * Inside a tile, elements are drawn in batches (one stroke per edge colour, width and
 * dash; one fill per actor type); labels only once they are big enough to read.
 * Hover highlighting, the selection and the focus ring live in a second tiled layer drawn
 * over the (dimmed) scene, so moving the pointer never redraws the whole graph.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dm-graph-view.h"
#include "dm-graph-view-private.h"
#include "dm-graph-palette.h"
#include "dm-tile-worker.h"

#define TILE_SIZE        256      /* device pixels */
#define MAX_ZOOM         8.0
#define MAX_FIT_ZOOM     1.5      /* small graphs are not blown up by zoom-to-fit */
#define FIT_MARGIN       24.0     /* widget pixels around the graph when fitted */
#define ZOOM_STEP        1.25
#define NODE_TEXT_MIN_PX 4.5      /* labels smaller than this on screen are not drawn */
#define EDGE_TEXT_MIN_PX 5.5
#define HIT_TOLERANCE_PX 5.0
#define OVERLAY_PAD_PX   8.0      /* room for the selection outline and focus ring */
#define BEZIER_STEPS     12
#define ZOOM_SETTLE_MS   60       /* tiles of a new zoom are asked for once it holds this long */

typedef struct {
  double           x, y, width, height;  /* box, scene points; x, y is the top-left */
  graphene_rect_t  bounds;               /* everything drawn for the node */
  gboolean         is_ellipse;
  PangoLayout     *label;
  PangoLayout     *worker_label;         /* the same, made and used by the tile worker */
  double           label_scale;          /* shrinks labels wider than the node */
  double           label_width, label_height;
} NodeGeom;

typedef struct {
  graphene_rect_t  bounds;
  double          *poly;        /* flattened path: x0,y0,x1,y1,… for hit-testing */
  guint            n_poly;
  double           pen_width;   /* in half points, so edges batch by width */
  int              batch;       /* edges of one batch share colour, width and dash */
  PangoLayout     *label;
  PangoLayout     *worker_label;
  graphene_rect_t  pill;        /* label background, scene points; empty without label */
} EdgeGeom;

typedef enum {
  LAYER_SCENE,
  LAYER_OVERLAY,
} Layer;

struct _DmGraphView
{
  GtkWidget        parent_instance;

  DmLayout        *layout;
  NodeGeom        *nodes;
  EdgeGeom        *edges;
  guint            n_nodes;
  guint            n_edges;
  int             *tab_order;     /* node indices in reading order */
  int             *tab_position;  /* inverse of tab_order */
  guint           *node_degree;   /* edges touching each node, counted from the edges */
  int             *edge_order;    /* edges sorted by drawing batch: family, dash, width */
  int             *node_order;    /* nodes sorted by actor type */

  PangoContext    *pango;
  char            *font_family;
  DmGraphPalette   palette;

  double           zoom;
  double           center_x, center_y;   /* scene point at the widget's centre */
  gboolean         fit_pending;

  int              selected_node;
  int              selected_edge;
  int              hovered_node;
  int              hovered_edge;

  /* Drawing caches. Keys pack tile coordinates; values are GdkTexture or NULL (empty). */
  GHashTable      *scene_tiles;
  GHashTable      *overlay_tiles;
  guint8          *overlay_nodes;   /* per node: 0 none, 1 highlighted */
  guint8          *overlay_edges;
  graphene_rect_t  overlay_bounds;  /* scene points */
  gboolean         overlay_valid;
  GskRenderNode   *scene_node;      /* tiles assembled, in zoomed-scene coordinates */
  int              scene_node_range[4];
  gboolean         scene_complete;  /* every visible tile was rasterised */
  /* While the tiles of a new zoom are rasterised over a few frames, the last complete set,
   * scaled, stands in for the missing ones. */
  GHashTable      *backdrop_tiles;
  GskRenderNode   *backdrop_node;
  double           backdrop_zoom;
  DmTileWorker    *tile_worker;
  GHashTable      *requested;       /* scene tiles asked of the worker at this zoom */
  PangoContext    *worker_pango;    /* the worker's own, like pango */
  gint64           zoom_changed_at;
  guint            settle_source;

  /* Input state */
  double           pointer_x, pointer_y;
  gboolean         pointer_inside;
  double           drag_start_cx, drag_start_cy;
  gboolean         dragging;
  GtkGesture      *pinch;
  guint            kinetic_tick;
  double           kinetic_vx, kinetic_vy;   /* widget pixels per second */
  gint64           kinetic_time;
  gboolean         scroll_zoomed;   /* the last scroll zoomed (Ctrl): no kinetic pan */
  double           pinch_start_zoom;
  double           pinch_scene_x, pinch_scene_y;

  DmGraphViewStats stats;
};

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ZOOM,
  PROP_SELECTED_NODE,
  PROP_SELECTED_EDGE,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  NODE_ACTIVATED,
  EDGE_ACTIVATED,
  ESCAPE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static gboolean debug_timings;

G_DEFINE_FINAL_TYPE (DmGraphView, dm_graph_view, GTK_TYPE_WIDGET)

/* Geometry ----------------------------------------------------------------------------- */

static inline const DmGraphNode *
graph_node (DmGraphView *self,
            guint        i)
{
  return g_ptr_array_index (self->layout->graph->nodes, i);
}

static inline const DmGraphEdge *
graph_edge (DmGraphView *self,
            guint        i)
{
  return g_ptr_array_index (self->layout->graph->edges, i);
}

static DmClassFamily
edge_family (DmGraphView *self,
             guint        i)
{
  DmRelationClass klass = graph_edge (self, i)->klass;

  return klass < DM_N_CLASSES ? dm_relation_class_get_family (klass) : DM_FAMILY_STATEMENT;
}

static DmActorType
node_type (DmGraphView *self,
           guint        i)
{
  DmActorType type = graph_node (self, i)->type;

  return type < DM_N_ACTOR_TYPES ? type : DM_ACTOR_ORGANIZATION;
}

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
make_label (DmGraphView *self,
            const char  *text,
            double       font_size,
            gboolean     bold)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, self->font_family);
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

static void
geometry_clear (DmGraphView *self)
{
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
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->edges, g_free);
  g_clear_pointer (&self->tab_order, g_free);
  g_clear_pointer (&self->tab_position, g_free);
  g_clear_pointer (&self->node_degree, g_free);
  g_clear_pointer (&self->edge_order, g_free);
  g_clear_pointer (&self->node_order, g_free);
  g_clear_pointer (&self->overlay_nodes, g_free);
  g_clear_pointer (&self->overlay_edges, g_free);
  self->n_nodes = self->n_edges = 0;
}

static double
edge_pen_width (guint n_evidence)
{
  return MIN (1.2 + 1.1 * log2 (MAX (n_evidence, 1)), 6.0);
}

static void
prepare_node (DmGraphView *self,
              guint        i)
{
  const DmLayoutNode *ln = &self->layout->nodes[i];
  const DmGraphNode *gn = graph_node (self, i);
  NodeGeom *g = &self->nodes[i];
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

  g->label = make_label (self, text, font_size, FALSE);
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
prepare_edge (DmGraphView *self,
              guint        i)
{
  const DmLayoutEdge *le = &self->layout->edges[i];
  const DmGraphEdge *ge = graph_edge (self, i);
  EdgeGeom *g = &self->edges[i];
  g_autoptr(GArray) poly = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  double font_size = 11, ax = 0, ay = 0, lx, ly;
  gboolean empty = TRUE, have_anchor;

  g->pen_width = round (edge_pen_width (ge->n_evidence) * 2) / 2;
  g->batch = ((int) edge_family (self, i) * 2 + (ge->negated ? 1 : 0)) * 64 + (int) (g->pen_width * 2);

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
      const NodeGeom *a = &self->nodes[ge->source], *b = &self->nodes[ge->target];
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

      g->label = make_label (self, text, font_size, FALSE);
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

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  DmGraphView *self = user_data;
  const NodeGeom *na = &self->nodes[*(const int *) a];
  const NodeGeom *nb = &self->nodes[*(const int *) b];
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
  DmGraphView *self = user_data;
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
  DmGraphView *self = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;
  int ta = node_type (self, ia), tb = node_type (self, ib);

  return ta != tb ? ta - tb : ia - ib;
}

static void
geometry_prepare (DmGraphView *self)
{
  geometry_clear (self);
  if (self->layout == NULL)
    return;

  self->n_nodes = self->layout->graph->nodes->len;
  self->n_edges = self->layout->graph->edges->len;
  self->nodes = g_new0 (NodeGeom, self->n_nodes);
  self->edges = g_new0 (EdgeGeom, self->n_edges);
  self->tab_order = g_new (int, self->n_nodes);
  self->tab_position = g_new (int, self->n_nodes);
  self->node_degree = g_new0 (guint, self->n_nodes);
  self->overlay_nodes = g_new0 (guint8, self->n_nodes);
  self->overlay_edges = g_new0 (guint8, self->n_edges);

  for (guint i = 0; i < self->n_nodes; i++)
    prepare_node (self, i);
  for (guint i = 0; i < self->n_edges; i++)
    {
      const DmGraphEdge *ge = graph_edge (self, i);

      g_assert (ge->source < self->n_nodes && ge->target < self->n_nodes);
      prepare_edge (self, i);
      self->node_degree[ge->source]++;
      if (ge->target != ge->source)
        self->node_degree[ge->target]++;
    }

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
}

/* View transform ----------------------------------------------------------------------- */

/* The zoomed-scene coordinate of the widget's top-left corner, snapped to device pixels so
 * tiles land on whole pixels. Drawing and hit-testing both go through it. */
static void
view_origin (DmGraphView *self,
             double      *ox,
             double      *oy)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  *ox = round ((self->center_x * self->zoom - w / 2) * scale) / scale;
  *oy = round ((self->center_y * self->zoom - h / 2) * scale) / scale;
}

static void
widget_to_scene (DmGraphView *self,
                 double       wx,
                 double       wy,
                 double      *sx,
                 double      *sy)
{
  double ox, oy;

  view_origin (self, &ox, &oy);
  *sx = (wx + ox) / self->zoom;
  *sy = (wy + oy) / self->zoom;
}

static void
scene_to_widget (DmGraphView *self,
                 double       sx,
                 double       sy,
                 double      *wx,
                 double      *wy)
{
  double ox, oy;

  view_origin (self, &ox, &oy);
  *wx = sx * self->zoom - ox;
  *wy = sy * self->zoom - oy;
}

static double
fit_zoom (DmGraphView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  double z;

  if (self->layout == NULL || self->layout->width <= 0 || self->layout->height <= 0)
    return 1.0;
  z = MIN (MAX (w, 16) / self->layout->width, MAX (h, 16) / self->layout->height);
  return MIN (z, MAX_FIT_ZOOM);
}

static double
min_zoom (DmGraphView *self)
{
  if (self->layout == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return 0.01;
  return CLAMP (fit_zoom (self) * 0.5, 0.01, 0.25);
}

static void invalidate_scene   (DmGraphView *self);
static void invalidate_zoom    (DmGraphView *self,
                                double       old_zoom);
static void invalidate_overlay (DmGraphView *self);
static void update_selection_actions (DmGraphView *self);
static void stop_kinetic (DmGraphView *self);

static void
clamp_center (DmGraphView *self)
{
  double w = self->layout != NULL ? self->layout->width : 0;
  double h = self->layout != NULL ? self->layout->height : 0;

  self->center_x = CLAMP (self->center_x, 0, MAX (w, 0));
  self->center_y = CLAMP (self->center_y, 0, MAX (h, 0));
}

static void
update_zoom_actions (DmGraphView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-in", self->zoom < MAX_ZOOM - 1e-9);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-out", self->zoom > min_zoom (self) + 1e-9);
}

static void
set_center (DmGraphView *self,
            double       cx,
            double       cy)
{
  self->center_x = cx;
  self->center_y = cy;
  clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dm_graph_view_zoom_at (DmGraphView *self,
                       double       zoom,
                       double       x,
                       double       y)
{
  double sx, sy, w, h;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  zoom = CLAMP (zoom, min_zoom (self), MAX_ZOOM);
  self->fit_pending = FALSE;
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  /* The scene point under (x, y) stays there: exact, not through the snapped origin. */
  sx = self->center_x + (x - w / 2) / self->zoom;
  sy = self->center_y + (y - h / 2) / self->zoom;
  invalidate_zoom (self, self->zoom);
  self->zoom = zoom;
  self->center_x = sx - (x - w / 2) / zoom;
  self->center_y = sy - (y - h / 2) / zoom;
  clamp_center (self);

  update_zoom_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
dm_graph_view_pan_by (DmGraphView *self,
                      double       dx,
                      double       dy)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  set_center (self, self->center_x + dx / self->zoom, self->center_y + dy / self->zoom);
}

/* Hit-testing -------------------------------------------------------------------------- */

static gboolean
node_contains (DmGraphView *self,
               guint        i,
               double       sx,
               double       sy,
               double       tolerance)
{
  const NodeGeom *g = &self->nodes[i];
  double rx = g->width / 2 + tolerance, ry = g->height / 2 + tolerance;
  double dx = sx - (g->x + g->width / 2), dy = sy - (g->y + g->height / 2);

  if (g->is_ellipse)
    return (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) <= 1.0;
  return fabs (dx) <= rx && fabs (dy) <= ry;
}

static int
scene_node_at (DmGraphView *self,
               double       sx,
               double       sy)
{
  double tolerance = 2.0 / self->zoom;

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

static int
scene_edge_at (DmGraphView *self,
               double       sx,
               double       sy)
{
  double tolerance = HIT_TOLERANCE_PX / self->zoom;
  double best = G_MAXDOUBLE;
  int found = -1;
  graphene_point_t p = GRAPHENE_POINT_INIT (sx, sy);

  for (guint i = self->n_edges; i-- > 0;)
    {
      const EdgeGeom *g = &self->edges[i];
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
dm_graph_view_node_at (DmGraphView *self,
                       double       x,
                       double       y)
{
  double sx, sy;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);

  if (self->layout == NULL)
    return -1;
  widget_to_scene (self, x, y, &sx, &sy);
  return scene_node_at (self, sx, sy);
}

int
dm_graph_view_edge_at (DmGraphView *self,
                       double       x,
                       double       y)
{
  double sx, sy;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);

  if (self->layout == NULL)
    return -1;
  widget_to_scene (self, x, y, &sx, &sy);
  return scene_edge_at (self, sx, sy);
}

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
draw_edge (DmGraphView *self,
           cairo_t     *cr,
           guint        i,
           double       scale,
           gboolean     selected)
{
  const DmLayoutEdge *le = &self->layout->edges[i];
  const DmGraphEdge *ge = graph_edge (self, i);
  const EdgeGeom *g = &self->edges[i];
  GdkRGBA color = selected ? self->palette.accent : self->palette.family[edge_family (self, i)];
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
          if (ge->negated)
            {
              double dashes[2] = { MAX (6.0, 4.0 / scale), MAX (4.0, 3.0 / scale) };

              cairo_set_dash (cr, dashes, 2, 0);
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          drew_path = TRUE;
          break;

        case DM_SHAPE_POLYGON:
        case DM_SHAPE_ELLIPSE:
          /* Arrow heads: solid even on negated edges, so the direction always reads, and
           * outlined in proportion to the line so a heavy edge does not swallow its head. */
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
      cairo_move_to (cr, g->poly[0], g->poly[1]);
      for (guint k = 1; k < g->n_poly; k++)
        cairo_line_to (cr, g->poly[2 * k], g->poly[2 * k + 1]);
      cairo_set_line_width (cr, width);
      if (ge->negated)
        {
          double dashes[2] = { MAX (6.0, 4.0 / scale), MAX (4.0, 3.0 / scale) };

          cairo_set_dash (cr, dashes, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
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

/* The label to draw with: the main thread's own, or the tile worker's copy of it (made
 * on first use, on the worker, in the worker's Pango context). */
static PangoLayout *
label_for (DmGraphView  *self,
           PangoLayout  *label,
           PangoLayout **worker_label,
           gboolean      on_worker)
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
draw_edge_label (DmGraphView *self,
                 cairo_t     *cr,
                 guint        i,
                 double       scale,
                 gboolean     selected,
                 gboolean     on_worker)
{
  EdgeGeom *g = &self->edges[i];
  DmClassFamily family = edge_family (self, i);
  GdkRGBA bg = self->palette.bg, border;
  PangoRectangle logical;
  PangoLayout *label;

  if (g->label == NULL)
    return;
  label = label_for (self, g->label, &g->worker_label, on_worker);

  bg.alpha = 0.92;
  border = selected ? self->palette.accent : self->palette.family[family];
  border.alpha = selected ? 1.0 : 0.55;

  rounded_rect (cr, &g->pill, g->pill.size.height / 2);
  set_source (cr, &bg);
  cairo_fill_preserve (cr);
  set_source (cr, &border);
  cairo_set_line_width (cr, line_width (selected ? 1.6 : 0.8, scale));
  cairo_stroke (cr);

  pango_layout_get_extents (label, NULL, &logical);
  set_source (cr, selected ? &self->palette.fg : &self->palette.family_text[family]);
  cairo_move_to (cr,
                 g->pill.origin.x + (g->pill.size.width - (double) logical.width / PANGO_SCALE) / 2,
                 g->pill.origin.y + (g->pill.size.height - (double) logical.height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, label);
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
      cairo_arc (cr, 0, -0.42, 0.4, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, -0.82, 0.92);
      cairo_curve_to (cr, -0.82, 0.1, 0.82, 0.1, 0.82, 0.92);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case DM_ACTOR_GROUP:      /* three heads */
      for (int k = -1; k <= 1; k += 2)
        {
          cairo_arc (cr, k * 0.55, -0.3, 0.27, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_move_to (cr, k * 0.55 - 0.5, 0.75);
          cairo_curve_to (cr, k * 0.55 - 0.5, 0.05, k * 0.55 + 0.5, 0.05, k * 0.55 + 0.5, 0.75);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      set_source (cr, paper);
      cairo_arc (cr, 0, -0.42, 0.38, 0, 2 * G_PI);
      cairo_fill (cr);
      set_source (cr, ink);
      cairo_arc (cr, 0, -0.42, 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, -0.6, 0.95);
      cairo_curve_to (cr, -0.6, 0.0, 0.6, 0.0, 0.6, 0.95);
      cairo_close_path (cr);
      cairo_fill (cr);
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
node_outline_path (DmGraphView *self,
                   cairo_t     *cr,
                   guint        i,
                   double       grow)
{
  const DmLayoutNode *ln = &self->layout->nodes[i];
  const NodeGeom *g = &self->nodes[i];
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

static void
badge_center (const NodeGeom *g,
              double         *bx,
              double         *by,
              double         *radius)
{
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

static void
draw_node_label (DmGraphView *self,
                 cairo_t     *cr,
                 guint        i,
                 double       scale,
                 gboolean     on_worker)
{
  NodeGeom *g = &self->nodes[i];
  double font_px;

  if (g->label == NULL)
    return;
  font_px = g->label_height * g->label_scale * scale;
  if (font_px < NODE_TEXT_MIN_PX * 1.2)
    return;
  cairo_save (cr);
  cairo_translate (cr, g->x + g->width / 2, g->y + g->height / 2);
  cairo_scale (cr, g->label_scale, g->label_scale);
  cairo_move_to (cr, -g->label_width / 2, -g->label_height / 2);
  set_source (cr, &self->palette.fg);
  pango_cairo_show_layout (cr, label_for (self, g->label, &g->worker_label, on_worker));
  cairo_restore (cr);
}

typedef enum {
  NODE_NORMAL,
  NODE_HOVERED,
  NODE_SELECTED,
} NodeState;

static void
draw_node (DmGraphView *self,
           cairo_t     *cr,
           guint        i,
           double       scale,
           NodeState    state)
{
  const NodeGeom *g = &self->nodes[i];
  const DmTypeColors *colors = &self->palette.types[node_type (self, i)];
  const DmLayoutNode *ln = &self->layout->nodes[i];
  double bx, by, radius, outline;

  /* Peripheries and decorations beyond the main outline (doublecircle, Msquare…). */
  node_outline_path (self, cr, i, 0);
  set_source (cr, &colors->fill);
  cairo_fill_preserve (cr);
  outline = state == NODE_SELECTED ? 3.0 : state == NODE_HOVERED ? 2.2 : 1.4;
  set_source (cr, state == NODE_SELECTED ? &self->palette.accent : &colors->stroke);
  cairo_set_line_width (cr, line_width (outline, scale));
  cairo_stroke (cr);

  {
    gboolean first = TRUE;

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
        set_source (cr, &colors->stroke);
        cairo_set_line_width (cr, line_width (1.0, scale));
        cairo_stroke (cr);
      }
  }

  /* Type badge */
  badge_center (g, &bx, &by, &radius);
  if (radius * scale >= 5)
    {
      cairo_arc (cr, bx, by, radius, 0, 2 * G_PI);
      set_source (cr, &colors->stroke);
      cairo_fill_preserve (cr);
      set_source (cr, &self->palette.bg);
      cairo_set_line_width (cr, line_width (1.2, scale));
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_translate (cr, bx, by);
      cairo_scale (cr, radius * 0.6, radius * 0.6);
      draw_type_glyph (cr, node_type (self, i), &self->palette.bg, &colors->stroke);
      cairo_restore (cr);
    }

  draw_node_label (self, cr, i, scale, FALSE);
}

static gboolean
rect_intersects (const graphene_rect_t *a,
                 const graphene_rect_t *b)
{
  return a->origin.x <= b->origin.x + b->size.width &&
         b->origin.x <= a->origin.x + a->size.width &&
         a->origin.y <= b->origin.y + b->size.height &&
         b->origin.y <= a->origin.y + a->size.height;
}

static gboolean
edge_labels_visible (DmGraphView *self,
                     guint        i,
                     double       scale)
{
  const EdgeGeom *g = &self->edges[i];

  return g->label != NULL && g->pill.size.height * 0.8 * scale >= EDGE_TEXT_MIN_PX * 1.2;
}

/* The scene is drawn in batches: every edge of one colour, width and dash in one path
 * and one stroke, every node outline of one actor type in one fill and one stroke. For a
 * large graph that is a few dozen cairo operations per tile instead of thousands. */
static void
draw_edge_batch (DmGraphView           *self,
                 cairo_t               *cr,
                 const int             *edges,
                 guint                  n,
                 const graphene_rect_t *area,
                 double                 scale)
{
  const EdgeGeom *first = &self->edges[edges[0]];
  const DmGraphEdge *ge = graph_edge (self, edges[0]);
  double width = line_width (first->pen_width, scale);
  gboolean any = FALSE, any_head = FALSE;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    {
      const DmLayoutEdge *le = &self->layout->edges[edges[k]];
      const EdgeGeom *g = &self->edges[edges[k]];
      gboolean drew = FALSE;

      if (!rect_intersects (&g->bounds, area))
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
        {
          cairo_move_to (cr, g->poly[0], g->poly[1]);
          for (guint p = 1; p < g->n_poly; p++)
            cairo_line_to (cr, g->poly[2 * p], g->poly[2 * p + 1]);
        }
    }
  if (!any)
    return;

  set_source (cr, &self->palette.family[edge_family (self, edges[0])]);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width);
  if (ge->negated)
    {
      double dashes[2] = { MAX (6.0, 4.0 / scale), MAX (4.0, 3.0 / scale) };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Arrow heads */
  for (guint k = 0; k < n; k++)
    {
      const DmLayoutEdge *le = &self->layout->edges[edges[k]];

      if (!rect_intersects (&self->edges[edges[k]].bounds, area))
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
draw_node_batch (DmGraphView           *self,
                 cairo_t               *cr,
                 const int             *nodes,
                 guint                  n,
                 const graphene_rect_t *area,
                 double                 scale)
{
  const DmTypeColors *colors = &self->palette.types[node_type (self, nodes[0])];
  gboolean any = FALSE, any_decoration = FALSE, any_badge = FALSE;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    if (rect_intersects (&self->nodes[nodes[k]].bounds, area))
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

  /* Decorations past the outline: box3d's edges, peripheries. */
  for (guint k = 0; k < n; k++)
    {
      const DmLayoutNode *ln = &self->layout->nodes[nodes[k]];
      gboolean first = TRUE;

      if (!rect_intersects (&self->nodes[nodes[k]].bounds, area))
        continue;
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
          any_decoration = TRUE;
        }
    }
  if (any_decoration)
    {
      cairo_set_line_width (cr, line_width (1.0, scale));
      cairo_stroke (cr);
    }

  /* Type badges, once they are big enough to read. */
  for (guint k = 0; k < n; k++)
    {
      double bx, by, radius;

      if (!rect_intersects (&self->nodes[nodes[k]].bounds, area))
        continue;
      badge_center (&self->nodes[nodes[k]], &bx, &by, &radius);
      if (radius * scale < 5)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, bx, by, radius, 0, 2 * G_PI);
      any_badge = TRUE;
    }
  if (any_badge)
    {
      cairo_fill_preserve (cr);
      set_source (cr, &self->palette.bg);
      cairo_set_line_width (cr, line_width (1.2, scale));
      cairo_stroke (cr);
      for (guint k = 0; k < n; k++)
        {
          double bx, by, radius;

          if (!rect_intersects (&self->nodes[nodes[k]].bounds, area))
            continue;
          badge_center (&self->nodes[nodes[k]], &bx, &by, &radius);
          if (radius * scale < 5)
            continue;
          cairo_save (cr);
          cairo_translate (cr, bx, by);
          cairo_scale (cr, radius * 0.6, radius * 0.6);
          draw_type_glyph (cr, node_type (self, nodes[k]), &self->palette.bg, &colors->stroke);
          cairo_restore (cr);
        }
    }
}

static void
draw_scene (DmGraphView           *self,
            cairo_t               *cr,
            const graphene_rect_t *area,
            double                 scale,
            gboolean               on_worker)
{
  guint start;

  /* Edges under nodes; labels over edges; nodes on top. */
  start = 0;
  for (guint k = 1; k <= self->n_edges; k++)
    if (k == self->n_edges ||
        self->edges[self->edge_order[k]].batch != self->edges[self->edge_order[start]].batch)
      {
        draw_edge_batch (self, cr, &self->edge_order[start], k - start, area, scale);
        start = k;
      }

  for (guint i = 0; i < self->n_edges; i++)
    if (rect_intersects (&self->edges[i].pill, area) && edge_labels_visible (self, i, scale))
      draw_edge_label (self, cr, i, scale, FALSE, on_worker);

  start = 0;
  for (guint k = 1; k <= self->n_nodes; k++)
    if (k == self->n_nodes ||
        node_type (self, self->node_order[k]) != node_type (self, self->node_order[start]))
      {
        draw_node_batch (self, cr, &self->node_order[start], k - start, area, scale);
        start = k;
      }

  for (guint i = 0; i < self->n_nodes; i++)
    if (rect_intersects (&self->nodes[i].bounds, area))
      draw_node_label (self, cr, i, scale, on_worker);
}

static gboolean
is_hovering (DmGraphView *self)
{
  return self->hovered_node >= 0 || self->hovered_edge >= 0;
}

static gboolean
focus_ring_visible (DmGraphView *self)
{
  GtkStateFlags flags = gtk_widget_get_state_flags (GTK_WIDGET (self));

  return (flags & GTK_STATE_FLAG_FOCUSED) != 0 && (flags & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0;
}

static void
draw_overlay (DmGraphView           *self,
              cairo_t               *cr,
              const graphene_rect_t *area,
              double                 scale)
{
  for (guint i = 0; i < self->n_edges; i++)
    if (self->overlay_edges[i] && rect_intersects (&self->edges[i].bounds, area))
      draw_edge (self, cr, i, scale, (int) i == self->selected_edge);
  for (guint i = 0; i < self->n_edges; i++)
    if (self->overlay_edges[i] && rect_intersects (&self->edges[i].pill, area) &&
        edge_labels_visible (self, i, scale))
      draw_edge_label (self, cr, i, scale, (int) i == self->selected_edge, FALSE);
  for (guint i = 0; i < self->n_nodes; i++)
    if (self->overlay_nodes[i] && rect_intersects (&self->nodes[i].bounds, area))
      draw_node (self, cr, i, scale,
                 (int) i == self->selected_node ? NODE_SELECTED :
                 (int) i == self->hovered_node ? NODE_HOVERED : NODE_NORMAL);

  if (self->selected_node >= 0 && focus_ring_visible (self))
    {
      GdkRGBA ring = self->palette.accent;

      ring.alpha = 0.7;
      node_outline_path (self, cr, self->selected_node, 5.0 / scale);
      set_source (cr, &ring);
      cairo_set_line_width (cr, 2.0 / scale);
      cairo_stroke (cr);
    }
}

/* Which elements the overlay draws: the hovered element, its neighbours and connecting
 * edges, and the selection. */
static void
overlay_prepare (DmGraphView *self)
{
  gboolean empty = TRUE;

  if (self->overlay_valid)
    return;
  self->overlay_valid = TRUE;

  if (self->n_nodes > 0)
    memset (self->overlay_nodes, 0, self->n_nodes);
  if (self->n_edges > 0)
    memset (self->overlay_edges, 0, self->n_edges);

  if (self->hovered_node >= 0)
    {
      self->overlay_nodes[self->hovered_node] = 1;
      for (guint i = 0; i < self->n_edges; i++)
        {
          const DmGraphEdge *ge = graph_edge (self, i);

          if ((int) ge->source == self->hovered_node || (int) ge->target == self->hovered_node)
            {
              self->overlay_edges[i] = 1;
              self->overlay_nodes[ge->source] = 1;
              self->overlay_nodes[ge->target] = 1;
            }
        }
    }
  if (self->hovered_edge >= 0)
    {
      const DmGraphEdge *ge = graph_edge (self, self->hovered_edge);

      self->overlay_edges[self->hovered_edge] = 1;
      self->overlay_nodes[ge->source] = 1;
      self->overlay_nodes[ge->target] = 1;
    }
  if (self->selected_node >= 0)
    self->overlay_nodes[self->selected_node] = 1;
  if (self->selected_edge >= 0)
    self->overlay_edges[self->selected_edge] = 1;

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->overlay_nodes[i])
      {
        if (empty)
          self->overlay_bounds = self->nodes[i].bounds;
        else
          graphene_rect_union (&self->overlay_bounds, &self->nodes[i].bounds, &self->overlay_bounds);
        empty = FALSE;
      }
  for (guint i = 0; i < self->n_edges; i++)
    if (self->overlay_edges[i])
      {
        if (empty)
          self->overlay_bounds = self->edges[i].bounds;
        else
          graphene_rect_union (&self->overlay_bounds, &self->edges[i].bounds, &self->overlay_bounds);
        empty = FALSE;
      }
  if (empty)
    graphene_rect_init (&self->overlay_bounds, 0, 0, -1, -1);
}

/* Tile pixels are recycled: allocating and faulting in fresh megabytes for every tile
 * of every zoom step costs more than drawing into them. */
#define MAX_POOLED_TILES 96

static GPtrArray *tile_pool;
G_LOCK_DEFINE_STATIC (tile_pool);
static const cairo_user_data_key_t tile_pool_key;

static void
tile_pixels_release (gpointer data)
{
  G_LOCK (tile_pool);
  if (tile_pool->len < MAX_POOLED_TILES)
    g_ptr_array_add (tile_pool, data);
  else
    g_free (data);
  G_UNLOCK (tile_pool);
}

static cairo_surface_t *
tile_surface_new (void)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, TILE_SIZE);
  cairo_surface_t *surface;
  guchar *data = NULL;

  G_LOCK (tile_pool);
  if (tile_pool->len > 0)
    data = g_ptr_array_steal_index_fast (tile_pool, tile_pool->len - 1);
  G_UNLOCK (tile_pool);
  if (data == NULL)
    data = g_malloc (stride * TILE_SIZE);
  memset (data, 0, stride * TILE_SIZE);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE, stride);
  cairo_surface_set_user_data (surface, &tile_pool_key, data, tile_pixels_release);
  return surface;
}

/* A tile as a render node that paints the finished image: the cairo renderer blits it,
 * the GL renderer rasterises it once and keeps the texture as long as the node lives
 * (at the same scale: panning only translates). */
static GskRenderNode *
node_for_surface (cairo_surface_t       *surface,
                  const graphene_rect_t *bounds)
{
  GskRenderNode *node = gsk_cairo_node_new (bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_set_source_surface (cr, surface, bounds->origin.x, bounds->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return node;
}

/* A rasterised tile: its pixels, and a node painting them. */
typedef struct {
  GskRenderNode   *node;
  cairo_surface_t *surface;
  graphene_rect_t  bounds;
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  if (tile == NULL)
    return;
  gsk_render_node_unref (tile->node);
  cairo_surface_destroy (tile->surface);
  g_free (tile);
}

/* The tile as a texture: what the backdrop is drawn with, because the GL renderer scales
 * a texture for free but rasterises a cairo node again at every new scale. */
static GskRenderNode *
tile_texture_node (const Tile *tile)
{
  cairo_surface_t *surface = tile->surface;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  return gsk_texture_node_new (texture, &tile->bounds);
}

/* The tile's pixels, or NULL when nothing is drawn there. Scene tiles are also drawn on the
 * tile worker (@on_worker), which holds the view's geometry still meanwhile. */
static cairo_surface_t *
rasterise_tile (DmGraphView *self,
                Layer        layer,
                int          tx,
                int          ty,
                double       scale,
                int          device_scale,
                gboolean     on_worker)
{
  graphene_rect_t area, padded;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean any = FALSE;
  double pad = (layer == LAYER_OVERLAY ? OVERLAY_PAD_PX : 2.0) / scale;

  graphene_rect_init (&area, tx * TILE_SIZE / scale, ty * TILE_SIZE / scale,
                      TILE_SIZE / scale, TILE_SIZE / scale);
  graphene_rect_inset_r (&area, -pad, -pad, &padded);

  if (layer == LAYER_OVERLAY)
    {
      graphene_rect_t b;

      graphene_rect_inset_r (&self->overlay_bounds, -pad, -pad, &b);
      if (self->overlay_bounds.size.width < 0 || !rect_intersects (&b, &area))
        return NULL;
      any = TRUE;
    }
  else
    {
      for (guint i = 0; i < self->n_nodes && !any; i++)
        any = rect_intersects (&self->nodes[i].bounds, &padded);
      for (guint i = 0; i < self->n_edges && !any; i++)
        any = rect_intersects (&self->edges[i].bounds, &padded);
    }
  if (!any)
    return NULL;

  surface = tile_surface_new ();
  cr = cairo_create (surface);
  /* Scene tiles are opaque: they cover the scaled backdrop wherever they are ready. */
  if (layer == LAYER_SCENE)
    {
      set_source (cr, &self->palette.bg);
      cairo_paint (cr);
    }
  cairo_translate (cr, -tx * TILE_SIZE, -ty * TILE_SIZE);
  cairo_scale (cr, scale, scale);

  if (layer == LAYER_SCENE)
    draw_scene (self, cr, &padded, scale, on_worker);
  else
    draw_overlay (self, cr, &padded, scale);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  return surface;
}

/* Takes @surface. */
static Tile *
tile_new (cairo_surface_t *surface,
          int              tx,
          int              ty,
          int              device_scale)
{
  Tile *tile = g_new0 (Tile, 1);

  graphene_rect_init (&tile->bounds, (double) tx * TILE_SIZE / device_scale, (double) ty * TILE_SIZE / device_scale,
                      (double) TILE_SIZE / device_scale, (double) TILE_SIZE / device_scale);
  tile->node = node_for_surface (surface, &tile->bounds);
  tile->surface = surface;
  return tile;
}

static Tile *
render_tile (DmGraphView *self,
             Layer        layer,
             int          tx,
             int          ty,
             double       scale,
             int          device_scale)
{
  cairo_surface_t *surface = rasterise_tile (self, layer, tx, ty, scale, device_scale, FALSE);

  if (surface == NULL)
    return NULL;
  self->stats.n_tiles_rendered++;
  return tile_new (surface, tx, ty, device_scale);
}

static inline gpointer
tile_key (int tx,
          int ty)
{
  return GUINT_TO_POINTER (((guint) (tx + 32768) << 16) | ((guint) (ty + 32768) & 0xffff));
}

/* A scene tile's pixels (NULL: nothing there) join the tiles of the current zoom. */
static void
add_scene_tile (DmGraphView     *self,
                int              tx,
                int              ty,
                cairo_surface_t *surface,
                int              device_scale)
{
  if (surface != NULL)
    self->stats.n_tiles_rendered++;
  g_hash_table_insert (self->scene_tiles, tile_key (tx, ty),
                       surface != NULL ? tile_new (surface, tx, ty, device_scale) : NULL);
}

static void
invalidate_overlay (DmGraphView *self)
{
  self->overlay_valid = FALSE;
  g_hash_table_remove_all (self->overlay_tiles);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tiles asked of the worker are no longer wanted. */
static void
forget_requests (DmGraphView *self)
{
  if (self->tile_worker != NULL)
    dm_tile_worker_forget (self->tile_worker);
  g_hash_table_remove_all (self->requested);
}

static void
drop_backdrop (DmGraphView *self)
{
  g_hash_table_remove_all (self->backdrop_tiles);
  g_clear_pointer (&self->backdrop_node, gsk_render_node_unref);
}

/* Layout or style changed: nothing drawn so far is right any more. */
static void
invalidate_scene (DmGraphView *self)
{
  g_hash_table_remove_all (self->scene_tiles);
  forget_requests (self);
  drop_backdrop (self);
  invalidate_overlay (self);
}

/* The zoom changed from @old_zoom: the tiles drawn at it become the backdrop, unless they
 * are incomplete and an older complete backdrop exists. */
static void
invalidate_zoom (DmGraphView *self,
                 double       old_zoom)
{
  if (self->scene_complete && g_hash_table_size (self->scene_tiles) > 0)
    {
      GHashTable *swap = self->backdrop_tiles;

      g_clear_pointer (&self->backdrop_node, gsk_render_node_unref);
      g_hash_table_remove_all (swap);
      self->backdrop_tiles = self->scene_tiles;
      self->scene_tiles = swap;
      self->backdrop_zoom = old_zoom;
    }
  else
    g_hash_table_remove_all (self->scene_tiles);
  forget_requests (self);
  self->zoom_changed_at = g_get_monotonic_time ();
  self->scene_complete = FALSE;
  invalidate_overlay (self);
}

typedef struct {
  int tx0, ty0, tx1, ty1;
} TileRange;

static gboolean
tile_outside (gpointer key,
              gpointer value,
              gpointer user_data)
{
  const TileRange *range = user_data;
  guint packed = GPOINTER_TO_UINT (key);
  int tx = (int) (packed >> 16) - 32768;
  int ty = (int) (packed & 0xffff) - 32768;

  return tx < range->tx0 - 1 || tx > range->tx1 + 1 || ty < range->ty0 - 1 || ty > range->ty1 + 1;
}

/* The tile's node, rasterised now if @may_render; sets *@missing when it is not there. */
static GskRenderNode *
lookup_tile (DmGraphView *self,
             GHashTable  *tiles,
             Layer        layer,
             int          tx,
             int          ty,
             double       scale,
             int          device_scale,
             gboolean     may_render,
             gboolean    *missing)
{
  gpointer key = tile_key (tx, ty);
  gpointer value;

  if (!g_hash_table_lookup_extended (tiles, key, NULL, &value))
    {
      if (!may_render)
        {
          *missing = TRUE;
          return NULL;
        }
      value = render_tile (self, layer, tx, ty, scale, device_scale);
      g_hash_table_insert (tiles, key, value);
    }
  return value != NULL ? ((Tile *) value)->node : NULL;
}

static void
visible_tile_range (DmGraphView *self,
                    TileRange   *range)
{
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double ox, oy;

  view_origin (self, &ox, &oy);
  range->tx0 = (int) floor (ox * sf / TILE_SIZE);
  range->ty0 = (int) floor (oy * sf / TILE_SIZE);
  range->tx1 = (int) floor (((ox + w) * sf - 1) / TILE_SIZE);
  range->ty1 = (int) floor (((oy + h) * sf - 1) / TILE_SIZE);
}

/* Worker thread: a scene tile. */
static cairo_surface_t *
worker_draw_tile (gpointer owner,
                  int      tx,
                  int      ty,
                  double   scale,
                  int      device_scale)
{
  return rasterise_tile (owner, LAYER_SCENE, tx, ty, scale, device_scale, TRUE);
}

/* Main thread: a scene tile of the current zoom is back from the worker. */
static void
worker_tile_done (gpointer         owner,
                  int              tx,
                  int              ty,
                  cairo_surface_t *surface)
{
  DmGraphView *self = owner;
  gpointer key = tile_key (tx, ty);
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_hash_table_remove (self->requested, key);
  if (g_hash_table_contains (self->scene_tiles, key))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }
  add_scene_tile (self, tx, ty, surface, sf);
  /* Tiles around a complete view are for later pans. */
  if (!self->scene_complete)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
request_tile (DmGraphView *self,
              int          tx,
              int          ty,
              gboolean     urgent)
{
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gpointer key = tile_key (tx, ty);

  if (g_hash_table_contains (self->scene_tiles, key) || g_hash_table_contains (self->requested, key))
    return;
  g_hash_table_add (self->requested, key);
  dm_tile_worker_request (self->tile_worker, tx, ty, self->zoom * sf, sf, urgent);
}

static gboolean
zoom_settled_cb (gpointer data)
{
  DmGraphView *self = data;

  self->settle_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* While a zoom gesture goes on, the tiles of each step would be stale before they are
 * drawn: the worker waits for the zoom to hold (the scaled backdrop shows meanwhile) and
 * leaves the cores to the renderer. */
static gboolean
zoom_settled (DmGraphView *self)
{
  gint64 age = g_get_monotonic_time () - self->zoom_changed_at;

  if (age >= ZOOM_SETTLE_MS * 1000)
    return TRUE;
  if (self->settle_source == 0)
    self->settle_source = g_timeout_add (ZOOM_SETTLE_MS - age / 1000, zoom_settled_cb, self);
  return FALSE;
}

/* The ring of tiles around a complete view is drawn on the worker, so a pan finds its
 * next tiles ready. */
static void
prefetch_ring (DmGraphView     *self,
               const TileRange *range)
{
  for (int ty = range->ty0 - 1; ty <= range->ty1 + 1; ty++)
    for (int tx = range->tx0 - 1; tx <= range->tx1 + 1; tx++)
      if (tx < range->tx0 || tx > range->tx1 || ty < range->ty0 || ty > range->ty1)
        request_tile (self, tx, ty, FALSE);
}

typedef struct {
  int    tx, ty;
  double distance;
} TileSlot;

static int
compare_tile_slots (gconstpointer a,
                    gconstpointer b)
{
  double da = ((const TileSlot *) a)->distance, db = ((const TileSlot *) b)->distance;

  return da < db ? -1 : da > db;
}

/* With nothing to show instead, the missing tiles of @slots are drawn before this frame
 * goes on, by this thread and the worker together, centre first. */
static void
render_now (DmGraphView *self,
            GArray      *slots,
            double       scale,
            int          sf)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, 2 * sizeof (int));
  g_autofree cairo_surface_t **surfaces = NULL;
  DmTileBatch *batch;
  int i;

  for (guint k = 0; k < slots->len; k++)
    {
      const TileSlot *slot = &g_array_index (slots, TileSlot, k);
      int xy[2] = { slot->tx, slot->ty };

      if (!g_hash_table_contains (self->scene_tiles, tile_key (slot->tx, slot->ty)))
        g_array_append_val (missing, xy);
    }
  if (missing->len == 0)
    return;

  batch = dm_tile_worker_start_batch (self->tile_worker, (const int *) missing->data, missing->len, scale, sf);
  while ((i = dm_tile_batch_take (batch)) >= 0)
    {
      const int *xy = &g_array_index (missing, int, 2 * i);

      dm_tile_batch_put (batch, i, rasterise_tile (self, LAYER_SCENE, xy[0], xy[1], scale, sf, FALSE));
    }
  surfaces = dm_tile_worker_finish_batch (batch);

  for (guint k = 0; k < missing->len; k++)
    {
      const int *xy = &g_array_index (missing, int, 2 * k);

      add_scene_tile (self, xy[0], xy[1], surfaces[k], sf);
    }
}

/* The backdrop's tiles, scaled from the zoom they were drawn at to the current one. */
static GskRenderNode *
get_backdrop_node (DmGraphView *self,
                   int          device_scale)
{
  if (self->backdrop_node == NULL && g_hash_table_size (self->backdrop_tiles) > 0)
    {
      GtkSnapshot *s = gtk_snapshot_new ();
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->backdrop_tiles);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value != NULL)
          {
            GskRenderNode *node = tile_texture_node (value);

            gtk_snapshot_append_node (s, node);
            gsk_render_node_unref (node);
          }
      self->backdrop_node = gtk_snapshot_free_to_node (s);
    }
  return self->backdrop_node;
}

static void
dm_graph_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);
  int sf = gtk_widget_get_scale_factor (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  gint64 begin = g_get_monotonic_time ();
  double ox, oy, scale;
  TileRange range;
  guint rendered = self->stats.n_tiles_rendered;
  gboolean sync, settled;

  if (self->layout == NULL || self->n_nodes == 0 || w <= 0 || h <= 0)
    return;

  overlay_prepare (self);
  view_origin (self, &ox, &oy);
  scale = self->zoom * sf;

  visible_tile_range (self, &range);

  if (self->scene_node == NULL ||
      memcmp (self->scene_node_range, &range, sizeof range) != 0)
    {
      GtkSnapshot *s = gtk_snapshot_new ();
      gboolean dim = is_hovering (self);
      double tile_size = (double) TILE_SIZE / sf;
      g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (TileSlot));
      g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (TileSlot));
      double cx = (range.tx0 + range.tx1 + 1) / 2.0, cy = (range.ty0 + range.ty1 + 1) / 2.0;
      GskRenderNode *backdrop = get_backdrop_node (self, sf);
      graphene_rect_t all = GRAPHENE_RECT_INIT (range.tx0 * tile_size, range.ty0 * tile_size,
                                                (range.tx1 - range.tx0 + 1) * tile_size,
                                                (range.ty1 - range.ty0 + 1) * tile_size);

      g_clear_pointer (&self->scene_node, gsk_render_node_unref);
      g_hash_table_foreach_remove (self->scene_tiles, tile_outside, &range);
      /* With no backdrop to show instead, every tile now; else the worker draws them. */
      sync = backdrop == NULL;
      settled = sync || zoom_settled (self);
      g_hash_table_foreach_remove (self->overlay_tiles, tile_outside, &range);

      /* The canvas paints its own page: opaque tiles, plain colour where there is
       * nothing to draw; every pixel once. The backdrop goes under the tiles once (not
       * clipped to each missing tile: clipping a scaled texture still costs the renderer
       * its whole area). */
      if (backdrop != NULL)
        {
          for (int ty = range.ty0; ty <= range.ty1; ty++)
            for (int tx = range.tx0; tx <= range.tx1; tx++)
              if (!g_hash_table_contains (self->scene_tiles, tile_key (tx, ty)))
                gtk_snapshot_append_color (s, &self->palette.bg,
                                           &GRAPHENE_RECT_INIT (tx * tile_size, ty * tile_size,
                                                                tile_size, tile_size));
          gtk_snapshot_save (s);
          gtk_snapshot_scale (s, self->zoom / self->backdrop_zoom, self->zoom / self->backdrop_zoom);
          gtk_snapshot_append_node (s, backdrop);
          gtk_snapshot_restore (s);
        }

      /* Centre first: the middle of the view is drawn (and sharpens) first. */
      for (int ty = range.ty0; ty <= range.ty1; ty++)
        for (int tx = range.tx0; tx <= range.tx1; tx++)
          {
            TileSlot slot = { tx, ty, hypot (tx + 0.5 - cx, ty + 0.5 - cy) };
            g_array_append_val (slots, slot);
          }
      g_array_sort (slots, compare_tile_slots);
      if (sync)
        render_now (self, slots, scale, sf);

      for (guint k = 0; k < slots->len; k++)
        {
          const TileSlot *slot = &g_array_index (slots, TileSlot, k);
          gboolean is_missing = FALSE;
          GskRenderNode *tile;

          tile = lookup_tile (self, self->scene_tiles, LAYER_SCENE, slot->tx, slot->ty, scale, sf,
                              sync, &is_missing);
          if (is_missing)
            {
              if (settled)
                request_tile (self, slot->tx, slot->ty, TRUE);
              g_array_append_val (missing, *slot);
              continue;
            }
          if (tile == NULL)
            {
              /* Nothing here (and nothing of the backdrop may show). */
              gtk_snapshot_append_color (s, &self->palette.bg,
                                         &GRAPHENE_RECT_INIT (slot->tx * tile_size, slot->ty * tile_size,
                                                              tile_size, tile_size));
              continue;
            }
          gtk_snapshot_append_node (s, tile);
        }

      /* Hovering dims the scene under a veil of the page colour; what is highlighted
       * is drawn again over it. */
      if (dim)
        {
          GdkRGBA veil = self->palette.bg;

          veil.alpha = self->palette.dark ? 0.7 : 0.78;
          gtk_snapshot_append_color (s, &veil, &all);
        }

      /* An incomplete scene is drawn again as the worker's tiles come back. */
      self->scene_complete = missing->len == 0;
      if (self->scene_complete)
        {
          drop_backdrop (self);
          prefetch_ring (self, &range);
        }

      for (int ty = range.ty0; ty <= range.ty1; ty++)
        for (int tx = range.tx0; tx <= range.tx1; tx++)
          {
            gboolean is_missing = FALSE;
            GskRenderNode *tile = lookup_tile (self, self->overlay_tiles, LAYER_OVERLAY, tx, ty, scale, sf,
                                               TRUE, &is_missing);

            if (tile != NULL)
              gtk_snapshot_append_node (s, tile);
          }

      self->scene_node = gtk_snapshot_free_to_node (s);
      memcpy (self->scene_node_range, &range, sizeof range);
      if (!self->scene_complete)
        {
          GskRenderNode *node = self->scene_node;

          self->scene_node = NULL;
          if (node != NULL)
            {
              gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-ox, -oy));
              gtk_snapshot_append_node (snapshot, node);
              gtk_snapshot_restore (snapshot);
              gtk_snapshot_pop (snapshot);
              gsk_render_node_unref (node);
            }
          goto out;
        }
    }

  if (self->scene_node != NULL)
    {
      /* Only the translation differs between frames of a pan. */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-ox, -oy));
      gtk_snapshot_append_node (snapshot, self->scene_node);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }

out:
  self->stats.n_snapshots++;
  self->stats.last_snapshot_usec = g_get_monotonic_time () - begin;
  self->stats.scene_complete = self->scene_complete;
  if (debug_timings)
    g_message ("snapshot: %.2f ms, zoom %.3f, %u tiles rasterised%s",
               self->stats.last_snapshot_usec / 1000.0, self->zoom,
               self->stats.n_tiles_rendered - rendered,
               self->scene_complete ? "" : ", more to come");
}

/* Selection and hover ------------------------------------------------------------------ */

static void
update_accessible (DmGraphView *self)
{
  g_autofree char *description = NULL;

  if (self->selected_node >= 0)
    {
      const DmGraphNode *gn = graph_node (self, self->selected_node);
      guint n = self->node_degree[self->selected_node];

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u relation",
                                                  "%s, %s, %u relations", n),
                                     gn->name, dm_actor_type_to_string (node_type (self, self->selected_node)),
                                     n);
    }
  else if (self->selected_edge >= 0)
    {
      const DmGraphEdge *ge = graph_edge (self, self->selected_edge);

      description = g_strdup_printf ("%s → %s: %s",
                                     graph_node (self, ge->source)->name,
                                     graph_node (self, ge->target)->name,
                                     ge->label != NULL ? ge->label : ge->verb != NULL ? ge->verb : "");
    }
  else if (self->layout != NULL)
    {
      description = g_strdup_printf ("%u actors, %u relations", self->n_nodes, self->n_edges);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
set_selection (DmGraphView *self,
               int          node,
               int          edge)
{
  gboolean node_changed = node != self->selected_node;
  gboolean edge_changed = edge != self->selected_edge;

  if (!node_changed && !edge_changed)
    return;

  self->selected_node = node;
  self->selected_edge = edge;
  invalidate_overlay (self);
  update_accessible (self);
  update_selection_actions (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (node_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
  if (edge_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_hover (DmGraphView *self,
           int          node,
           int          edge)
{
  if (node == self->hovered_node && edge == self->hovered_edge)
    return;
  self->hovered_node = node;
  self->hovered_edge = edge;
  /* The dimmed scene is a different assembly of the same tiles. */
  invalidate_overlay (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->dragging ? "grabbing" :
                                   node >= 0 || edge >= 0 ? "pointer" : NULL);
}

void
dm_graph_view_hover_at (DmGraphView *self,
                        double       x,
                        double       y)
{
  int node, edge = -1;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  node = dm_graph_view_node_at (self, x, y);
  if (node < 0)
    edge = dm_graph_view_edge_at (self, x, y);
  set_hover (self, node, edge);
}

int
dm_graph_view_get_hovered_node (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);
  return self->hovered_node;
}

void
dm_graph_view_click_at (DmGraphView *self,
                        double       x,
                        double       y,
                        int          n_press)
{
  int node, edge = -1;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  node = dm_graph_view_node_at (self, x, y);
  if (node < 0)
    edge = dm_graph_view_edge_at (self, x, y);

  if (n_press == 1)
    set_selection (self, node, node >= 0 ? -1 : edge);
  else if (n_press == 2)
    {
      if (node >= 0)
        g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
      else if (edge >= 0)
        g_signal_emit (self, signals[EDGE_ACTIVATED], 0, edge);
    }
}

/* Input -------------------------------------------------------------------------------- */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DmGraphView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (!self->dragging)
    dm_graph_view_hover_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          DmGraphView              *self)
{
  self->pointer_inside = FALSE;
  if (!self->dragging)
    set_hover (self, -1, -1);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  DmGraphView     *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    dm_graph_view_click_at (self, x, y, 2);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DmGraphView     *self)
{
  if (n_press == 1 && !self->dragging)
    dm_graph_view_click_at (self, x, y, 1);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DmGraphView    *self)
{
  stop_kinetic (self);
  self->drag_start_cx = self->center_x;
  self->drag_start_cy = self->center_y;
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                DmGraphView    *self)
{
  /* Two fingers pinch: the pinch pans too, the first finger's drag must not. */
  if (gtk_gesture_is_recognized (self->pinch))
    {
      self->drag_start_cx = self->center_x + dx / self->zoom;
      self->drag_start_cy = self->center_y + dy / self->zoom;
      return;
    }

  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  set_center (self, self->drag_start_cx - dx / self->zoom, self->drag_start_cy - dy / self->zoom);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             DmGraphView    *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (self->pointer_inside)
    dm_graph_view_hover_at (self, self->pointer_x, self->pointer_y);
}

static void
stop_kinetic (DmGraphView *self)
{
  if (self->kinetic_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
      self->kinetic_tick = 0;
    }
}

/* A touchpad swipe carries on and slows down, as in a scrolled window. */
static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_time) / (double) G_USEC_PER_SEC;
  double decay;

  self->kinetic_time = now;
  dt = CLAMP (dt, 0, 0.1);
  decay = exp (-dt / 0.325);
  dm_graph_view_pan_by (self, self->kinetic_vx * dt, self->kinetic_vy * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;
  if (hypot (self->kinetic_vx, self->kinetic_vy) < 20)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
decelerate_cb (GtkEventControllerScroll *controller,
               double                    vx,
               double                    vy,
               DmGraphView              *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_kinetic (self);
  if (clock == NULL || self->layout == NULL || self->scroll_zoomed)
    return;
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL, NULL);
}

static void
scroll_begin_cb (GtkEventControllerScroll *controller,
                 DmGraphView              *self)
{
  stop_kinetic (self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DmGraphView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->layout == NULL)
    return FALSE;

  self->scroll_zoomed = (state & GDK_CONTROL_MASK) != 0;
  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.2, -dy) : exp (-dy * 0.01);

      dm_graph_view_zoom_at (self, self->zoom * factor, x, y);
      return TRUE;
    }

  if (wheel)
    {
      if ((state & GDK_SHIFT_MASK) && dx == 0)
        {
          dx = dy;
          dy = 0;
        }
      dx *= 60;
      dy *= 60;
    }
  dm_graph_view_pan_by (self, dx, dy);
  /* The content moved under the pointer. */
  if (self->pointer_inside)
    dm_graph_view_hover_at (self, x, y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DmGraphView      *self)
{
  double x, y, w, h;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      x = w / 2;
      y = h / 2;
    }
  self->pinch_start_zoom = self->zoom;
  self->pinch_scene_x = self->center_x + (x - w / 2) / self->zoom;
  self->pinch_scene_y = self->center_y + (y - h / 2) / self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       DmGraphView    *self)
{
  double x, y, w, h, zoom;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = w / 2;
      y = h / 2;
    }
  zoom = CLAMP (self->pinch_start_zoom * scale, min_zoom (self), MAX_ZOOM);
  if (fabs (zoom - self->zoom) > 1e-9)
    {
      invalidate_zoom (self, self->zoom);
      self->zoom = zoom;
      update_zoom_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  /* The pinched point follows the fingers, so pinching also pans. */
  set_center (self, self->pinch_scene_x - (x - w / 2) / zoom, self->pinch_scene_y - (y - h / 2) / zoom);
}

/* Keyboard ----------------------------------------------------------------------------- */

void
dm_graph_view_reveal_node (DmGraphView *self,
                           int          node)
{
  graphene_rect_t r;
  double w, h, margin = 32, dx = 0, dy = 0;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || node < 0 || node >= (int) self->n_nodes)
    return;
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0 || self->fit_pending)
    return;

  dm_graph_view_get_node_bounds (self, node, &r);
  if (r.size.width > w - 2 * margin || r.size.height > h - 2 * margin)
    {
      set_center (self, self->nodes[node].x + self->nodes[node].width / 2,
                  self->nodes[node].y + self->nodes[node].height / 2);
      return;
    }
  if (r.origin.x < margin)
    dx = r.origin.x - margin;
  else if (r.origin.x + r.size.width > w - margin)
    dx = r.origin.x + r.size.width - (w - margin);
  if (r.origin.y < margin)
    dy = r.origin.y - margin;
  else if (r.origin.y + r.size.height > h - margin)
    dy = r.origin.y + r.size.height - (h - margin);
  if (dx != 0 || dy != 0)
    dm_graph_view_pan_by (self, dx, dy);
}

static void
select_step (DmGraphView *self,
             int          step)
{
  int position, node;

  if (self->n_nodes == 0)
    return;

  if (self->selected_node >= 0)
    position = self->tab_position[self->selected_node] + step;
  else
    position = step > 0 ? 0 : (int) self->n_nodes - 1;

  if (position < 0 || position >= (int) self->n_nodes)
    return;

  node = self->tab_order[position];
  set_selection (self, node, -1);
  dm_graph_view_reveal_node (self, node);
}

static void
select_towards (DmGraphView *self,
                double       dir_x,
                double       dir_y)
{
  double ox, oy, best = G_MAXDOUBLE;
  int best_node = -1;

  if (self->n_nodes == 0)
    return;

  if (self->selected_node < 0)
    {
      set_selection (self, self->tab_order[0], -1);
      dm_graph_view_reveal_node (self, self->tab_order[0]);
      return;
    }

  ox = self->nodes[self->selected_node].x + self->nodes[self->selected_node].width / 2;
  oy = self->nodes[self->selected_node].y + self->nodes[self->selected_node].height / 2;
  for (guint i = 0; i < self->n_nodes; i++)
    {
      double vx = self->nodes[i].x + self->nodes[i].width / 2 - ox;
      double vy = self->nodes[i].y + self->nodes[i].height / 2 - oy;
      double along = vx * dir_x + vy * dir_y;
      double across = fabs (vx * dir_y - vy * dir_x);
      double score;

      if ((int) i == self->selected_node || along <= 1e-6 || across > 2.5 * along)
        continue;
      /* Straight ahead beats closer but off to the side. */
      score = along + 2.0 * across;
      if (score < best)
        {
          best = score;
          best_node = i;
        }
    }

  if (best_node < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  set_selection (self, best_node, -1);
  dm_graph_view_reveal_node (self, best_node);
}

/* Keys go through widget actions; an action that cannot do anything is disabled, so its
 * key falls through: Tab past the last actor moves the focus on, Enter with nothing
 * selected reaches the window's default widget. */
static void
update_selection_actions (DmGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int position = self->selected_node >= 0 ? self->tab_position[self->selected_node] : -1;

  gtk_widget_action_set_enabled (widget, "graph.select-next",
                                 self->n_nodes > 0 && position < (int) self->n_nodes - 1);
  gtk_widget_action_set_enabled (widget, "graph.select-previous",
                                 self->n_nodes > 0 && position != 0);
  gtk_widget_action_set_enabled (widget, "graph.select-towards", self->n_nodes > 0);
  gtk_widget_action_set_enabled (widget, "graph.activate-selection",
                                 self->selected_node >= 0 || self->selected_edge >= 0);
}

static gboolean
show_focus_cb (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return G_SOURCE_REMOVE;
}

/* Our key bindings take Tab and the arrows before the window sees them, and the window
 * shows focus rings only after keys it saw (and resets the state while it finishes the
 * event): do what it would have done once the event is over. */
static void
show_focus (DmGraphView *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_focus_cb, g_object_ref (self), g_object_unref);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);

  if (g_str_equal (action_name, "graph.select-next"))
    {
      show_focus (self);
      select_step (self, 1);
    }
  else if (g_str_equal (action_name, "graph.select-previous"))
    {
      show_focus (self);
      select_step (self, -1);
    }
  else if (g_str_equal (action_name, "graph.select-towards"))
    {
      double x, y;

      show_focus (self);
      g_variant_get (parameter, "(dd)", &x, &y);
      select_towards (self, x, y);
    }
  else if (g_str_equal (action_name, "graph.activate-selection"))
    {
      if (self->selected_node >= 0)
        g_signal_emit (self, signals[NODE_ACTIVATED], 0, self->selected_node);
      else if (self->selected_edge >= 0)
        g_signal_emit (self, signals[EDGE_ACTIVATED], 0, self->selected_edge);
    }
  else if (g_str_equal (action_name, "graph.escape"))
    g_signal_emit (self, signals[ESCAPE], 0);
  else if (g_str_equal (action_name, "graph.zoom-in"))
    dm_graph_view_zoom_in (self);
  else if (g_str_equal (action_name, "graph.zoom-out"))
    dm_graph_view_zoom_out (self);
  else if (g_str_equal (action_name, "graph.zoom-reset"))
    dm_graph_view_set_zoom (self, 1.0);
  else if (g_str_equal (action_name, "graph.zoom-fit"))
    dm_graph_view_zoom_to_fit (self);
}

/* Tooltips ----------------------------------------------------------------------------- */

static char *
node_tooltip (DmGraphView *self,
              int          i)
{
  const DmGraphNode *gn = graph_node (self, i);
  GString *str = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (gn->name != NULL ? gn->name : "", -1);
  guint relations = self->node_degree[i];

  g_string_append_printf (str, "<b>%s</b>\n%s", name, dm_actor_type_to_label (node_type (self, i)));
  if (gn->role != NULL && gn->role[0] != '\0')
    {
      g_autofree char *role = g_markup_escape_text (gn->role, -1);
      g_string_append_printf (str, " · %s", role);
    }
  if (gn->affiliation != NULL && gn->affiliation[0] != '\0')
    {
      g_autofree char *affiliation = g_markup_escape_text (gn->affiliation, -1);
      g_string_append_printf (str, "\n%s", affiliation);
    }
  g_string_append_c (str, '\n');
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", gn->n_mentions),
                          gn->n_mentions);
  g_string_append (str, " · ");
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", relations),
                          relations);
  return g_string_free (str, FALSE);
}

static char *
edge_tooltip (DmGraphView *self,
              int          i)
{
  const DmGraphEdge *ge = graph_edge (self, i);
  g_autofree char *plain = NULL;
  g_autofree char *count = NULL;
  const char *what = ge->verb != NULL && ge->verb[0] != '\0' ? ge->verb : ge->label;

  if (ge->n_evidence > 1)
    count = g_strdup_printf (" ×%u", ge->n_evidence);
  plain = g_strdup_printf ("%s → %s: %s%s%s (%s)",
                           graph_node (self, ge->source)->name,
                           graph_node (self, ge->target)->name,
                           ge->negated ? "not " : "",
                           what != NULL ? what : "",
                           count != NULL ? count : "",
                           ge->klass < DM_N_CLASSES ? dm_relation_class_to_string (ge->klass) : "?");
  if (ge->label != NULL && ge->verb != NULL && strchr (ge->label, ',') != NULL)
    {
      g_autofree char *all = g_strdup_printf ("%s\n%s", plain, ge->label);

      return g_markup_escape_text (all, -1);
    }
  return g_markup_escape_text (plain, -1);
}

static char *
tooltip_markup (DmGraphView  *self,
                double        x,
                double        y,
                gboolean      keyboard_mode,
                GdkRectangle *area)
{
  int node = -1, edge = -1;

  if (self->layout == NULL)
    return NULL;

  if (keyboard_mode)
    {
      node = self->selected_node;
      edge = self->selected_edge;
    }
  else
    {
      node = dm_graph_view_node_at (self, x, y);
      if (node < 0)
        edge = dm_graph_view_edge_at (self, x, y);
    }

  if (node >= 0)
    {
      graphene_rect_t r;

      dm_graph_view_get_node_bounds (self, node, &r);
      *area = (GdkRectangle) { floor (r.origin.x), floor (r.origin.y),
                               ceil (r.size.width), ceil (r.size.height) };
      return node_tooltip (self, node);
    }
  if (edge >= 0)
    {
      *area = (GdkRectangle) { floor (x) - 4, floor (y) - 4, 8, 8 };
      return edge_tooltip (self, edge);
    }
  return NULL;
}

static gboolean
dm_graph_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  g_autofree char *markup = NULL;
  GdkRectangle area;

  markup = tooltip_markup (DM_GRAPH_VIEW (widget), x, y, keyboard_mode, &area);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_tip_area (tooltip, &area);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* GtkWidget ---------------------------------------------------------------------------- */

static void
dm_graph_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
dm_graph_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);

  if (self->fit_pending && width > 0 && height > 0)
    dm_graph_view_zoom_to_fit (self);
  /* The centre is kept; only the visible tiles change. */
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  update_zoom_actions (self);
}

/* Labels use the interface font's family; TRUE when it changed. */
static gboolean
refresh_font_family (DmGraphView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  const char *family = desc != NULL ? pango_font_description_get_family (desc) : NULL;

  if (family == NULL)
    family = "Sans";
  if (g_strcmp0 (family, self->font_family) == 0)
    return FALSE;
  g_free (self->font_family);
  self->font_family = g_strdup (family);
  return TRUE;
}

static void
update_font (DmGraphView *self)
{
  /* Labels are measured in this font. */
  if (refresh_font_family (self) && self->layout != NULL)
    geometry_prepare (self);
}

static void
dm_graph_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (dm_graph_view_parent_class)->css_changed (widget, change);

  /* The worker draws from the palette and the labels. */
  dm_tile_worker_hold (self->tile_worker);
  dm_graph_palette_update (&self->palette, GTK_WIDGET (self));
  update_font (self);
  dm_tile_worker_release (self->tile_worker);
  invalidate_scene (self);
}

static void
dm_graph_view_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (dm_graph_view_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    invalidate_overlay (self);
}

static void
dm_graph_view_dispose (GObject *object)
{
  DmGraphView *self = DM_GRAPH_VIEW (object);

  /* First: the worker reads the geometry. */
  g_clear_pointer (&self->tile_worker, dm_tile_worker_free);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  geometry_clear (self);
  g_clear_pointer (&self->layout, dm_layout_unref);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  if (self->scene_tiles != NULL)
    g_hash_table_remove_all (self->scene_tiles);
  if (self->overlay_tiles != NULL)
    g_hash_table_remove_all (self->overlay_tiles);
  if (self->backdrop_tiles != NULL)
    drop_backdrop (self);
  stop_kinetic (self);

  G_OBJECT_CLASS (dm_graph_view_parent_class)->dispose (object);
}

static void
dm_graph_view_finalize (GObject *object)
{
  DmGraphView *self = DM_GRAPH_VIEW (object);

  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  g_clear_pointer (&self->overlay_tiles, g_hash_table_unref);
  g_clear_pointer (&self->backdrop_tiles, g_hash_table_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->worker_pango);
  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (dm_graph_view_parent_class)->finalize (object);
}

static void
dm_graph_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DmGraphView *self = DM_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_pointer (value, self->layout);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED_NODE:
      g_value_set_int (value, self->selected_node);
      break;
    case PROP_SELECTED_EDGE:
      g_value_set_int (value, self->selected_edge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_graph_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DmGraphView *self = DM_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      dm_graph_view_set_layout (self, g_value_get_pointer (value));
      break;
    case PROP_ZOOM:
      dm_graph_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SELECTED_NODE:
      dm_graph_view_select_node (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_EDGE:
      dm_graph_view_select_edge (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_graph_view_class_init (DmGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; double x, y; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  object_class->dispose = dm_graph_view_dispose;
  object_class->finalize = dm_graph_view_finalize;
  object_class->get_property = dm_graph_view_get_property;
  object_class->set_property = dm_graph_view_set_property;

  widget_class->snapshot = dm_graph_view_snapshot;
  widget_class->measure = dm_graph_view_measure;
  widget_class->size_allocate = dm_graph_view_size_allocate;
  widget_class->query_tooltip = dm_graph_view_query_tooltip;
  widget_class->css_changed = dm_graph_view_css_changed;
  widget_class->state_flags_changed = dm_graph_view_state_flags_changed;

  properties[PROP_LAYOUT] =
    g_param_spec_pointer ("layout", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NODE] =
    g_param_spec_int ("selected-node", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EDGE] =
    g_param_spec_int ("selected-edge", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[EDGE_ACTIVATED] =
    g_signal_new ("edge-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[ESCAPE] =
    g_signal_new ("escape", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-reset", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.select-next", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.select-previous", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.select-towards", "(dd)", view_action);
  gtk_widget_class_install_action (widget_class, "graph.activate-selection", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "graph.escape", NULL, view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "graph.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "graph.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "graph.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "graph.zoom-fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "graph.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Tab, 0, "graph.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "graph.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "graph.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, 0, "graph.select-previous", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "graph.select-towards",
                                         "(dd)", arrows[i].x, arrows[i].y);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "graph.activate-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "graph.activate-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "graph.activate-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "graph.activate-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "graph.escape", NULL);

  gtk_widget_class_set_css_name (widget_class, "dmgraphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  debug_timings = g_strcmp0 (g_getenv ("DRAMATIS_DEBUG_TIMINGS"), "1") == 0;
  tile_pool = g_ptr_array_new_with_free_func (g_free);
}

static void
dm_graph_view_init (DmGraphView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  g_autoptr(PangoFontMap) font_map = NULL;
  cairo_font_options_t *options;

  self->zoom = 1.0;
  self->requested = g_hash_table_new (NULL, NULL);
  self->tile_worker = dm_tile_worker_new (self, worker_draw_tile, worker_tile_done);
  self->selected_node = self->selected_edge = -1;
  self->hovered_node = self->hovered_edge = -1;
  self->scene_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->overlay_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->backdrop_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);

  /* Labels are laid out once, unhinted, in scene points (72 dpi), and drawn at any zoom
   * through the cairo transform, so the text scales without being laid out again. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  /* The same for the tile worker, on a font map of its own: used only there. */
  {
    g_autoptr(PangoFontMap) worker_fonts = pango_cairo_font_map_new ();

    self->worker_pango = pango_font_map_create_context (worker_fonts);
    pango_cairo_context_set_resolution (self->worker_pango, 72.0);
    pango_cairo_context_set_font_options (self->worker_pango, options);
    pango_context_set_round_glyph_positions (self->worker_pango, FALSE);
  }
  cairo_font_options_destroy (options);
  self->font_family = g_strdup ("Sans");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  dm_graph_palette_update (&self->palette, GTK_WIDGET (self));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  self->pinch = gesture;
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                               GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (controller, "scroll-begin", G_CALLBACK (scroll_begin_cb), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Tiles are rasterised for one device scale. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate_scene), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship graph"),
                                  -1);
  update_zoom_actions (self);
  update_selection_actions (self);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
dm_graph_view_new (void)
{
  return g_object_new (DM_TYPE_GRAPH_VIEW, NULL);
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

static gboolean
same_actors (DmLayout *a,
             DmLayout *b)
{
  g_autoptr(GArray) ia = NULL;
  g_autoptr(GArray) ib = NULL;

  if (a == NULL || b == NULL || a->graph->nodes->len != b->graph->nodes->len)
    return FALSE;
  ia = sorted_actor_ids (a);
  ib = sorted_actor_ids (b);
  return memcmp (ia->data, ib->data, ia->len * sizeof (gint64)) == 0;
}

static int
find_node (DmLayout *layout,
           gint64    actor_id)
{
  for (guint i = 0; i < layout->graph->nodes->len; i++)
    {
      const DmGraphNode *gn = g_ptr_array_index (layout->graph->nodes, i);

      if (gn->actor_id == actor_id)
        return i;
    }
  return -1;
}

void
dm_graph_view_set_layout (DmGraphView *self,
                          DmLayout    *layout)
{
  gint64 begin = g_get_monotonic_time ();
  gint64 selected_actor = 0, edge_source = 0, edge_target = 0;
  g_autofree char *edge_verb = NULL;
  gboolean had_node = FALSE, had_edge = FALSE, keep_view;
  int node = -1, edge = -1, old_node, old_edge;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (layout == self->layout)
    return;

  if (self->layout != NULL && self->selected_node >= 0)
    {
      selected_actor = graph_node (self, self->selected_node)->actor_id;
      had_node = TRUE;
    }
  else if (self->layout != NULL && self->selected_edge >= 0)
    {
      const DmGraphEdge *ge = graph_edge (self, self->selected_edge);

      edge_source = graph_node (self, ge->source)->actor_id;
      edge_target = graph_node (self, ge->target)->actor_id;
      edge_verb = g_strdup (ge->verb);
      had_edge = TRUE;
    }

  keep_view = same_actors (self->layout, layout);

  /* The worker draws from the layout and its geometry. */
  dm_tile_worker_hold (self->tile_worker);
  g_clear_pointer (&self->layout, dm_layout_unref);
  self->layout = layout != NULL ? dm_layout_ref (layout) : NULL;
  self->hovered_node = self->hovered_edge = -1;
  refresh_font_family (self);
  geometry_prepare (self);
  dm_tile_worker_release (self->tile_worker);

  /* The selection follows its actor (or its relation) into the new layout. */
  if (self->layout != NULL && had_node)
    node = find_node (self->layout, selected_actor);
  else if (self->layout != NULL && had_edge)
    {
      int s = find_node (self->layout, edge_source), t = find_node (self->layout, edge_target);

      for (guint i = 0; s >= 0 && t >= 0 && i < self->n_edges; i++)
        {
          const DmGraphEdge *ge = graph_edge (self, i);

          if ((int) ge->source == s && (int) ge->target == t)
            {
              if (edge < 0 || g_strcmp0 (ge->verb, edge_verb) == 0)
                edge = i;
            }
        }
    }
  old_node = self->selected_node;
  old_edge = self->selected_edge;
  self->selected_node = node;
  self->selected_edge = edge;

  if (keep_view)
    clamp_center (self);
  else if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && self->layout != NULL)
    {
      self->fit_pending = FALSE;
      dm_graph_view_zoom_to_fit (self);
    }
  else
    self->fit_pending = self->layout != NULL;

  invalidate_scene (self);
  update_zoom_actions (self);
  update_accessible (self);
  update_selection_actions (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  if (node != old_node)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
  if (edge != old_edge)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
  g_object_thaw_notify (G_OBJECT (self));
  /* The same actor may sit at another index in the new layout. */
  if (node != old_node || edge != old_edge)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);

  if (debug_timings)
    g_message ("layout swap: %u actors, %u relations, %s, prepared in %.2f ms",
               self->n_nodes, self->n_edges, keep_view ? "view kept" : "fitted",
               (g_get_monotonic_time () - begin) / 1000.0);
}

DmLayout *
dm_graph_view_get_layout (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

double
dm_graph_view_get_zoom (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 1.0);
  return self->zoom;
}

void
dm_graph_view_set_zoom (DmGraphView *self,
                        double       zoom)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  dm_graph_view_zoom_at (self, zoom,
                         gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Keys and buttons zoom around the selected actor while it is in view, so it stays
 * where the eye is; otherwise around the middle. */
static void
zoom_step (DmGraphView *self,
           double       factor)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double x = w / 2, y = h / 2;
  graphene_rect_t r;

  if (dm_graph_view_get_node_bounds (self, self->selected_node, &r))
    {
      double nx = r.origin.x + r.size.width / 2, ny = r.origin.y + r.size.height / 2;

      if (nx >= 0 && nx <= w && ny >= 0 && ny <= h)
        {
          x = nx;
          y = ny;
        }
    }
  dm_graph_view_zoom_at (self, self->zoom * factor, x, y);
}

void
dm_graph_view_zoom_in (DmGraphView *self)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  zoom_step (self, ZOOM_STEP);
}

void
dm_graph_view_zoom_out (DmGraphView *self)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  zoom_step (self, 1 / ZOOM_STEP);
}

void
dm_graph_view_zoom_to_fit (DmGraphView *self)
{
  double zoom;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (self->layout == NULL)
    return;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  zoom = CLAMP (fit_zoom (self), 0.01, MAX_ZOOM);
  self->center_x = self->layout->width / 2;
  self->center_y = self->layout->height / 2;
  if (fabs (zoom - self->zoom) > 1e-9)
    {
      invalidate_zoom (self, self->zoom);
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  update_zoom_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
dm_graph_view_get_selected_node (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);
  return self->selected_node;
}

void
dm_graph_view_select_node (DmGraphView *self,
                           int          node)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (node >= -1 && node < (int) self->n_nodes);

  set_selection (self, node, node >= 0 ? -1 : self->selected_edge);
}

int
dm_graph_view_get_selected_edge (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);
  return self->selected_edge;
}

void
dm_graph_view_select_edge (DmGraphView *self,
                           int          edge)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (edge >= -1 && edge < (int) self->n_edges);

  set_selection (self, edge >= 0 ? -1 : self->selected_node, edge);
}

gboolean
dm_graph_view_select_actor (DmGraphView *self,
                            gint64       actor_id)
{
  int node;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || (node = find_node (self->layout, actor_id)) < 0)
    return FALSE;
  set_selection (self, node, -1);
  dm_graph_view_reveal_node (self, node);
  return TRUE;
}

void
dm_graph_view_get_actor_type_colors (DmGraphView *self,
                                     DmActorType  type,
                                     GdkRGBA     *fill,
                                     GdkRGBA     *stroke)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (type < DM_N_ACTOR_TYPES);

  if (fill != NULL)
    *fill = self->palette.types[type].fill;
  if (stroke != NULL)
    *stroke = self->palette.types[type].stroke;
}

void
dm_graph_view_get_family_color (DmGraphView   *self,
                                DmClassFamily  family,
                                GdkRGBA       *color)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (family < DM_N_FAMILIES);
  g_return_if_fail (color != NULL);

  *color = self->palette.family[family];
}

/* Private API -------------------------------------------------------------------------- */

void
dm_graph_view_get_center (DmGraphView *self,
                          double      *x,
                          double      *y)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (x != NULL)
    *x = self->center_x;
  if (y != NULL)
    *y = self->center_y;
}

gboolean
dm_graph_view_get_node_bounds (DmGraphView     *self,
                               int              node,
                               graphene_rect_t *bounds)
{
  double x0, y0, x1, y1;
  const NodeGeom *g;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (node < 0 || node >= (int) self->n_nodes)
    return FALSE;
  g = &self->nodes[node];
  scene_to_widget (self, g->x, g->y, &x0, &y0);
  scene_to_widget (self, g->x + g->width, g->y + g->height, &x1, &y1);
  graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

void
dm_graph_view_get_scene_bounds (DmGraphView     *self,
                                graphene_rect_t *bounds)
{
  double x0, y0, x1, y1;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (bounds != NULL);

  if (self->layout == NULL)
    {
      graphene_rect_init (bounds, 0, 0, 0, 0);
      return;
    }
  scene_to_widget (self, 0, 0, &x0, &y0);
  scene_to_widget (self, self->layout->width, self->layout->height, &x1, &y1);
  graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
}

void
dm_graph_view_get_stats (DmGraphView      *self,
                         DmGraphViewStats *stats)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (stats != NULL);

  *stats = self->stats;
}

char *
dm_graph_view_get_tooltip_markup (DmGraphView *self,
                                  double       x,
                                  double       y)
{
  GdkRectangle area;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), NULL);

  return tooltip_markup (self, x, y, FALSE, &area);
}
