/* dm-graph-view.c — the graph canvas: draws a DmLayout natively, zooms, pans, hit-tests
 *
 * The widget keeps the layout, the selection and the hover, and draws; the rest lives
 * beside it in ui/graph/: the layout's geometry and hit-testing (dm-graph-scene.c), its
 * cairo drawing (dm-graph-painter.c, dm-graph-palette.c), the rasterised tiles and the
 * worker thread that draws them (dm-tile-cache.c, dm-tile-worker.c); and beside this file
 * the view transform, zoom and pan (dm-graph-view-zoom.c), pointer and keyboard input
 * (dm-graph-view-input.c), tooltips and accessibility (dm-graph-view-a11y.c).
 *
 * A frame assembles the visible tiles (scene, dimmed while hovering, then the overlay of
 * highlighted elements) into one render node; panning only translates it, so moving the
 * view or the pointer never redraws the whole graph.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dm-graph-view.h"
#include "dm-graph-view-private.h"

#define HIT_TOLERANCE_PX 5.0

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
  NODE_MOVED,
  NODE_DROPPED,
  RESIZED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static gboolean debug_timings;

G_DEFINE_FINAL_TYPE (DmGraphView, dm_graph_view, GTK_TYPE_WIDGET)

/* Hit-testing -------------------------------------------------------------------------- */

/* The node (or with @edges, the edge) at widget point (x, y); a node is widened by two
 * pixels, an edge by HIT_TOLERANCE_PX, at any zoom. */
static int
hit_test (DmGraphView *self,
          double       x,
          double       y,
          gboolean     edges)
{
  double sx, sy;

  if (self->scene->layout == NULL)
    return -1;
  dm_graph_view_widget_to_scene (self, x, y, &sx, &sy);
  if (edges)
    return dm_graph_scene_edge_at (self->scene, sx, sy, HIT_TOLERANCE_PX / self->zoom);
  return dm_graph_scene_node_at (self->scene, sx, sy, 2.0 / self->zoom);
}

void
dm_graph_view_element_at (DmGraphView *self,
                          double       x,
                          double       y,
                          int         *node,
                          int         *edge)
{
  *node = hit_test (self, x, y, FALSE);
  *edge = *node < 0 ? hit_test (self, x, y, TRUE) : -1;
}

int
dm_graph_view_node_at (DmGraphView *self,
                       double       x,
                       double       y)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);
  return hit_test (self, x, y, FALSE);
}

int
dm_graph_view_edge_at (DmGraphView *self,
                       double       x,
                       double       y)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), -1);
  return hit_test (self, x, y, TRUE);
}

/* Drawing ------------------------------------------------------------------------------ */

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
invalidate_overlay (DmGraphView *self)
{
  self->overlay_valid = FALSE;
  dm_tile_cache_invalidate_overlay (self->tiles);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Layout or style changed: nothing drawn so far is right any more. */
static void
invalidate_scene (DmGraphView *self)
{
  dm_tile_cache_invalidate (self->tiles);
  invalidate_overlay (self);
}

void
dm_graph_view_apply_zoom (DmGraphView *self,
                          double       zoom)
{
  if (fabs (zoom - self->zoom) > 1e-9)
    {
      dm_tile_cache_zoom_changed (self->tiles, self->zoom);
      invalidate_overlay (self);
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  dm_graph_view_update_zoom_actions (self);
}

/* Draws the scene node translated to the view. */
static void
append_scene (GtkSnapshot   *snapshot,
              GskRenderNode *node,
              double         ox,
              double         oy,
              double         w,
              double         h)
{
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-ox, -oy));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
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
  guint rendered = dm_tile_cache_get_n_rendered (self->tiles);
  gboolean complete;
  DmTileRange range;
  double ox, oy;

  if (self->scene->layout == NULL || self->scene->n_nodes == 0 || w <= 0 || h <= 0)
    return;

  if (!self->overlay_valid)
    {
      dm_graph_overlay_update (&self->overlay, self->scene, self->hovered_node, self->hovered_edge,
                               self->selected_node, self->selected_edge, focus_ring_visible (self),
                               self->n_matches > 0 ? self->matches : NULL);
      self->overlay_valid = TRUE;
    }
  dm_graph_view_get_origin (self, &ox, &oy);
  dm_tile_range_for_view (&range, ox, oy, w, h, sf);

  /* Only the translation differs between frames of a pan. */
  if (self->scene_node == NULL ||
      memcmp (&self->scene_node_range, &range, sizeof range) != 0)
    {
      g_clear_pointer (&self->scene_node, gsk_render_node_unref);
      self->scene_node = dm_tile_cache_assemble (self->tiles, &range, self->zoom, sf, is_hovering (self));
      self->scene_node_range = range;
    }
  complete = dm_tile_cache_is_complete (self->tiles);
  if (self->scene_node != NULL)
    append_scene (snapshot, self->scene_node, ox, oy, w, h);
  dm_graph_view_append_move_preview (self, snapshot);
  /* An incomplete scene is assembled again as the worker's tiles come back. */
  if (!complete)
    g_clear_pointer (&self->scene_node, gsk_render_node_unref);

  self->stats.n_snapshots++;
  self->stats.last_snapshot_usec = g_get_monotonic_time () - begin;
  self->stats.scene_complete = complete;
  if (debug_timings)
    g_message ("snapshot: %.2f ms, zoom %.3f, %u tiles rasterised%s",
               self->stats.last_snapshot_usec / 1000.0, self->zoom,
               dm_tile_cache_get_n_rendered (self->tiles) - rendered,
               complete ? "" : ", more to come");
}

/* Selection and hover ------------------------------------------------------------------ */

void
dm_graph_view_set_selection (DmGraphView *self,
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
  dm_graph_view_update_accessible (self);
  dm_graph_view_update_selection_actions (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (node_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
  if (edge_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
dm_graph_view_set_hover (DmGraphView *self,
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
  int node, edge;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  dm_graph_view_element_at (self, x, y, &node, &edge);
  dm_graph_view_set_hover (self, node, edge);
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
  int node, edge;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  dm_graph_view_element_at (self, x, y, &node, &edge);
  /* inside a group's box, off its actors and edges, the box stands for its head: a click
   * selects the country or organisation (whose menu collapses the group), a double-click
   * activates it */
  if (node < 0 && edge < 0 && self->scene->layout != NULL)
    {
      double sx, sy;
      int group;

      dm_graph_view_widget_to_scene (self, x, y, &sx, &sy);
      if ((group = dm_graph_scene_group_at (self->scene, sx, sy)) >= 0)
        node = self->scene->groups[group].head;
    }

  if (n_press == 1)
    dm_graph_view_set_selection (self, node, node >= 0 ? -1 : edge);
  else if (n_press == 2)
    dm_graph_view_activate (self, node, edge);
}

void
dm_graph_view_activate (DmGraphView *self,
                        int          node,
                        int          edge)
{
  if (node >= 0)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
  else if (edge >= 0)
    g_signal_emit (self, signals[EDGE_ACTIVATED], 0, edge);
}

void
dm_graph_view_emit_escape (DmGraphView *self)
{
  g_signal_emit (self, signals[ESCAPE], 0);
}

void
dm_graph_view_emit_node_moved (DmGraphView *self,
                               int          node,
                               double       x,
                               double       y)
{
  g_signal_emit (self, signals[NODE_MOVED], 0, node, x, y);
}

void
dm_graph_view_emit_node_dropped (DmGraphView *self,
                                 int          node,
                                 int          onto)
{
  g_signal_emit (self, signals[NODE_DROPPED], 0, node, onto);
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

  gboolean resized = width != self->alloc_width || height != self->alloc_height;

  self->alloc_width = width;
  self->alloc_height = height;
  /* A graph the user has not moved follows the window's size. */
  if (width > 0 && height > 0 && (self->fit_pending || (resized && !self->view_moved)))
    dm_graph_view_zoom_to_fit (self);
  /* Popovers over the canvas (the window's context menu) follow it. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
  /* The centre is kept; only the visible tiles change. */
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  dm_graph_view_update_zoom_actions (self);
  if (resized && width > 0 && height > 0)
    g_signal_emit (self, signals[RESIZED], 0);
}

/* Search matches ----------------------------------------------------------------------- */

/* Marks the nodes of the current scene whose actors are highlighted. */
static void
update_matches (DmGraphView *self)
{
  g_clear_pointer (&self->matches, g_free);
  self->n_matches = 0;
  if (self->highlighted_actors == NULL || self->scene->n_nodes == 0)
    return;
  self->matches = g_new0 (guint8, self->scene->n_nodes);
  for (guint i = 0; i < self->scene->n_nodes; i++)
    {
      gint64 id = dm_graph_scene_graph_node (self->scene, i)->actor_id;

      if (g_hash_table_contains (self->highlighted_actors, &id))
        {
          self->matches[i] = 1;
          self->n_matches++;
        }
    }
}

/* The scene of @layout (nullable) replaces the current one. The worker draws from the
 * scene: call with the tile cache held. */
static void
set_scene (DmGraphView *self,
           DmLayout    *layout)
{
  DmGraphScene *scene = dm_graph_scene_new (layout, self->pango, self->font_family);

  g_clear_pointer (&self->scene, dm_graph_scene_free);
  self->scene = scene;
  self->painter.scene = scene;
}

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
  if (refresh_font_family (self) && self->scene->layout != NULL)
    set_scene (self, self->scene->layout);
}
static void
dm_graph_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (dm_graph_view_parent_class)->css_changed (widget, change);

  /* The worker draws from the palette and the labels. */
  dm_tile_cache_hold (self->tiles);
  dm_graph_palette_update (&self->palette, widget);
  update_font (self);
  dm_tile_cache_release (self->tiles);
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

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* First: the worker reads the scene. */
  g_clear_pointer (&self->tiles, dm_tile_cache_free);
  set_scene (self, NULL);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  dm_graph_view_stop_kinetic (self);
  g_clear_pointer (&self->obstructions, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_graph_view_parent_class)->dispose (object);
}
static void
dm_graph_view_finalize (GObject *object)
{
  DmGraphView *self = DM_GRAPH_VIEW (object);

  dm_graph_painter_clear (&self->painter);
  dm_graph_overlay_clear (&self->overlay);
  g_clear_pointer (&self->scene, dm_graph_scene_free);
  g_clear_pointer (&self->highlighted_actors, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_free);
  g_clear_object (&self->pango);
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
      g_value_set_pointer (value, self->scene->layout);
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
    g_param_spec_double ("zoom", NULL, NULL, 0.01, DM_GRAPH_VIEW_MAX_ZOOM, 1.0,
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
  signals[NODE_MOVED] =
    g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[NODE_DROPPED] =
    g_signal_new ("node-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[RESIZED] =
    g_signal_new ("resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  dm_graph_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "dmgraphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  debug_timings = g_strcmp0 (g_getenv ("DRAMATIS_DEBUG_TIMINGS"), "1") == 0;
}

static void
dm_graph_view_init (DmGraphView *self)
{
  self->zoom = 1.0;
  self->selected_node = self->selected_edge = -1;
  self->hovered_node = self->hovered_edge = -1;
  self->moving_node = self->drop_node = -1;
  self->keeps_places = TRUE;

  /* Labels are laid out once, unhinted, in scene points (72 dpi), and drawn at any zoom
   * through the cairo transform, so the text scales without being laid out again. */
  self->pango = dm_graph_scene_label_context_new (pango_cairo_font_map_get_default ());
  self->font_family = g_strdup ("Sans");
  self->scene = dm_graph_scene_new (NULL, self->pango, self->font_family);
  dm_graph_overlay_clear (&self->overlay);
  dm_graph_painter_init (&self->painter, &self->palette, &self->overlay);
  self->painter.scene = self->scene;
  self->tiles = dm_tile_cache_new (GTK_WIDGET (self), &self->painter);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  dm_graph_palette_update (&self->palette, GTK_WIDGET (self));
  dm_graph_view_init_input (self);

  /* Tiles are rasterised for one device scale. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate_scene), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship graph"),
                                  -1);
  dm_graph_view_update_zoom_actions (self);
  dm_graph_view_update_selection_actions (self);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
dm_graph_view_new (void)
{
  return g_object_new (DM_TYPE_GRAPH_VIEW, NULL);
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

  if (layout == self->scene->layout)
    return;
  /* the node being moved is one of the old layout's */
  dm_graph_view_move_cancel (self);

  if (self->scene->layout != NULL && self->selected_node >= 0)
    {
      selected_actor = dm_graph_scene_graph_node (self->scene, self->selected_node)->actor_id;
      had_node = TRUE;
    }
  else if (self->scene->layout != NULL && self->selected_edge >= 0)
    {
      const DmGraphEdge *ge = dm_graph_scene_graph_edge (self->scene, self->selected_edge);

      edge_source = dm_graph_scene_graph_node (self->scene, ge->source)->actor_id;
      edge_target = dm_graph_scene_graph_node (self->scene, ge->target)->actor_id;
      edge_verb = g_strdup (ge->verb);
      had_edge = TRUE;
    }

  keep_view = dm_graph_scene_same_actors (self->scene, layout);

  self->hovered_node = self->hovered_edge = -1;
  dm_tile_cache_hold (self->tiles);
  refresh_font_family (self);
  set_scene (self, layout);
  update_matches (self);
  dm_tile_cache_release (self->tiles);

  /* The selection follows its actor (or its relation) into the new layout. */
  if (had_node)
    node = dm_graph_scene_find_actor (self->scene, selected_actor);
  else if (had_edge)
    edge = dm_graph_scene_find_relation (self->scene, edge_source, edge_target, edge_verb);
  old_node = self->selected_node;
  old_edge = self->selected_edge;
  self->selected_node = node;
  self->selected_edge = edge;

  if (keep_view && self->view_moved)
    dm_graph_view_clamp_center (self);
  else if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && self->scene->layout != NULL)
    {
      self->fit_pending = FALSE;
      dm_graph_view_zoom_to_fit (self);
    }
  else
    self->fit_pending = self->scene->layout != NULL;

  invalidate_scene (self);
  dm_graph_view_update_zoom_actions (self);
  dm_graph_view_update_accessible (self);
  dm_graph_view_update_selection_actions (self);

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
               self->scene->n_nodes, self->scene->n_edges, keep_view ? "view kept" : "fitted",
               (g_get_monotonic_time () - begin) / 1000.0);
}

DmLayout *
dm_graph_view_get_layout (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), NULL);
  return self->scene->layout;
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
  g_return_if_fail (node >= -1 && node < (int) self->scene->n_nodes);

  dm_graph_view_set_selection (self, node, node >= 0 ? -1 : self->selected_edge);
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
  g_return_if_fail (edge >= -1 && edge < (int) self->scene->n_edges);

  dm_graph_view_set_selection (self, edge >= 0 ? -1 : self->selected_node, edge);
}

gboolean
dm_graph_view_select_actor (DmGraphView *self,
                            gint64       actor_id)
{
  int node;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);

  if ((node = dm_graph_scene_find_actor (self->scene, actor_id)) < 0)
    return FALSE;
  dm_graph_view_set_selection (self, node, -1);
  dm_graph_view_reveal_node (self, node);
  return TRUE;
}

guint
dm_graph_view_set_highlighted_actors (DmGraphView  *self,
                                      const gint64 *actor_ids,
                                      guint         n_ids)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 0);
  g_return_val_if_fail (actor_ids != NULL || n_ids == 0, 0);

  g_clear_pointer (&self->highlighted_actors, g_hash_table_unref);
  if (n_ids > 0)
    {
      self->highlighted_actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_ids; i++)
        g_hash_table_add (self->highlighted_actors, g_memdup2 (&actor_ids[i], sizeof (gint64)));
    }
  /* The worker reads the overlay only through tiles the invalidation drops. */
  dm_tile_cache_hold (self->tiles);
  update_matches (self);
  dm_tile_cache_release (self->tiles);
  invalidate_overlay (self);
  return self->n_matches;
}

guint
dm_graph_view_get_n_highlighted (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 0);
  return self->n_matches;
}

gboolean
dm_graph_view_node_is_highlighted (DmGraphView *self,
                                   int          node)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);
  return node >= 0 && node < (int) self->scene->n_nodes && self->matches != NULL && self->matches[node];
}

gboolean
dm_graph_view_get_view_moved (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);
  return self->view_moved;
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
dm_graph_view_get_stats (DmGraphView      *self,
                         DmGraphViewStats *stats)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (stats != NULL);

  *stats = self->stats;
  stats->n_tiles_rendered = dm_tile_cache_get_n_rendered (self->tiles);
}
