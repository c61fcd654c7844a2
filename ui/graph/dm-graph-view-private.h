/* dm-graph-view-private.h — internals of the graph canvas: the widget's state, shared by
 * its files (dm-graph-view.c, -input.c, -a11y.c), and what its tests and benchmark see
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph-view.h"
#include "dm-graph-painter.h"
#include "dm-graph-palette.h"
#include "dm-graph-scene.h"
#include "dm-tile-cache.h"

G_BEGIN_DECLS

#define DM_GRAPH_VIEW_MAX_ZOOM 8.0

typedef struct {
  guint  n_snapshots;
  gint64 last_snapshot_usec;   /* time spent in the last snapshot() */
  guint  n_tiles_rendered;     /* scene tiles rasterised since the widget was created */
  gboolean scene_complete;     /* the last frame showed every tile at the current zoom */
} DmGraphViewStats;

struct _DmGraphView
{
  GtkWidget        parent_instance;

  DmGraphScene    *scene;         /* never NULL; empty without a layout */
  PangoContext    *pango;         /* the labels' */
  char            *font_family;
  DmGraphPalette   palette;
  DmGraphOverlay   overlay;
  gboolean         overlay_valid;
  DmGraphPainter   painter;       /* draws scene, palette and overlay */
  DmTileCache     *tiles;
  GskRenderNode   *scene_node;    /* tiles assembled, in zoomed-scene coordinates */
  DmTileRange      scene_node_range;

  double           zoom;
  double           center_x, center_y;   /* scene point at the widget's centre */
  gboolean         fit_pending;
  /* The user zoomed or panned since the last fit: a resize or a new layout then keeps
   * the view instead of fitting the graph to the window again. */
  gboolean         view_moved;
  int              alloc_width, alloc_height;

  /* Widgets the window lays over the canvas (GWeakRef): fits keep actors clear of them */
  GPtrArray       *obstructions;

  /* Actors the search matches (gint64 ids; NULL: no search), marked on the canvas. */
  GHashTable      *highlighted_actors;
  guint8          *matches;       /* per node of the scene: 1 when its actor matches */
  guint            n_matches;

  int              selected_node;
  int              selected_edge;
  int              hovered_node;
  int              hovered_edge;

  /* Input state (dm-graph-view-input.c) */
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
  /* Moving an actor (dm-graph-view-move.c): the node dragged (-1: none), where it is now
   * (scene points, its centre), the grab point's offset from it, the node under it */
  int              moving_node;
  double           move_x, move_y;
  double           move_grab_dx, move_grab_dy;
  int              drop_node;
  gboolean         move_pending;   /* dropped, waiting for the layout that keeps it there */
  gboolean         keeps_places;   /* else a drop on empty canvas puts the actor back */

  DmGraphViewStats stats;
};

/* dm-graph-view.c: state changes the input and keyboard handlers make. */
void      dm_graph_view_set_selection      (DmGraphView *self,
                                            int          node,
                                            int          edge);
void      dm_graph_view_set_hover          (DmGraphView *self,
                                            int          node,
                                            int          edge);
void      dm_graph_view_set_center         (DmGraphView *self,
                                            double       cx,
                                            double       cy);
/* Sets the zoom as it is (clamped by the caller), keeping the centre. */
void      dm_graph_view_apply_zoom         (DmGraphView *self,
                                            double       zoom);
double    dm_graph_view_get_min_zoom       (DmGraphView *self);
/* The node at widget point (x, y), or else the edge there; -1 for neither. */
void      dm_graph_view_element_at         (DmGraphView *self,
                                            double       x,
                                            double       y,
                                            int         *node,
                                            int         *edge);
/* Emits node-activated for @node, else edge-activated for @edge, when one is >= 0. */
void      dm_graph_view_activate           (DmGraphView *self,
                                            int          node,
                                            int          edge);
void      dm_graph_view_emit_escape        (DmGraphView *self);
void      dm_graph_view_emit_node_moved    (DmGraphView *self,
                                            int          node,
                                            double       x,
                                            double       y);
void      dm_graph_view_emit_node_dropped  (DmGraphView *self,
                                            int          node,
                                            int          onto);

/* dm-graph-view-zoom.c: the view transform. The zoomed-scene point at the widget's
 * top-left corner, snapped to device pixels; the conversions go through it. */
void      dm_graph_view_get_origin         (DmGraphView *self,
                                            double      *ox,
                                            double      *oy);
void      dm_graph_view_widget_to_scene    (DmGraphView *self,
                                            double       wx,
                                            double       wy,
                                            double      *sx,
                                            double      *sy);
/* The scene rectangle (x, y, width, height) in widget coordinates. */
void      dm_graph_view_scene_rect_to_widget (DmGraphView     *self,
                                              double           x,
                                              double           y,
                                              double           width,
                                              double           height,
                                              graphene_rect_t *bounds);
/* Keeps the centre inside the layout's box. */
void      dm_graph_view_clamp_center       (DmGraphView *self);
/* graph.zoom-in and graph.zoom-out are disabled at the zoom limits. */
void      dm_graph_view_update_zoom_actions (DmGraphView *self);

/* dm-graph-view-input.c: pointer, touch and keyboard. */
void      dm_graph_view_class_init_input   (GtkWidgetClass *widget_class);
void      dm_graph_view_init_input         (DmGraphView    *self);
void      dm_graph_view_stop_kinetic       (DmGraphView    *self);
void      dm_graph_view_update_selection_actions (DmGraphView *self);

/* dm-graph-view-move.c: a drag that starts on an actor moves it. begin() returns FALSE
 * when there is no actor at widget point (x, y) (the drag pans); end() emits node-moved or
 * node-dropped. */
gboolean  dm_graph_view_move_begin         (DmGraphView *self,
                                            double       x,
                                            double       y);
void      dm_graph_view_move_update        (DmGraphView *self,
                                            double       x,
                                            double       y);
void      dm_graph_view_move_end           (DmGraphView *self,
                                            double       x,
                                            double       y);
void      dm_graph_view_move_cancel        (DmGraphView *self);
gboolean  dm_graph_view_is_moving          (DmGraphView *self);
void      dm_graph_view_append_move_preview (DmGraphView *self,
                                             GtkSnapshot *snapshot);

/* dm-graph-view-fit.c: the zoom and centre that fit the layout within @margin of the
 * widget's edges, up to @max_zoom, with no actor under an obstruction; FALSE when there is
 * no layout or no such fit. */
gboolean  dm_graph_view_fit_clear          (DmGraphView *self,
                                            double       margin,
                                            double       max_zoom,
                                            double      *zoom,
                                            double      *center_x,
                                            double      *center_y);
void      dm_graph_view_weak_ref_free      (gpointer     data);

/* dm-graph-view-a11y.c: what assistive technologies and tooltips say. */
void      dm_graph_view_update_accessible  (DmGraphView *self);
char     *dm_graph_view_dup_accessible_label (DmGraphView *self);
gboolean  dm_graph_view_query_tooltip      (GtkWidget   *widget,
                                            int          x,
                                            int          y,
                                            gboolean     keyboard_mode,
                                            GtkTooltip  *tooltip);

/* For the tests and the benchmark ------------------------------------------------------ */

/* Hit-tests in widget coordinates, with the same geometry the pointer handlers use. */
int       dm_graph_view_node_at            (DmGraphView *self,
                                            double       x,
                                            double       y);
int       dm_graph_view_edge_at            (DmGraphView *self,
                                            double       x,
                                            double       y);

/* What a primary-button click with @n_press presses at (x, y) does: select (1) or
 * activate (2). */
void      dm_graph_view_click_at           (DmGraphView *self,
                                            double       x,
                                            double       y,
                                            int          n_press);
/* What the pointer moving to (x, y) does: hover highlighting. */
void      dm_graph_view_hover_at           (DmGraphView *self,
                                            double       x,
                                            double       y);
int       dm_graph_view_get_hovered_node   (DmGraphView *self);

/* Whether node @node is marked as a search match. */
gboolean  dm_graph_view_node_is_highlighted (DmGraphView *self,
                                             int          node);
/* Whether the user zoomed or panned since the view was last fitted. */
gboolean  dm_graph_view_get_view_moved     (DmGraphView *self);

/* Zoom to @zoom keeping the scene point under widget point (x, y) where it is. */
void      dm_graph_view_zoom_at            (DmGraphView *self,
                                            double       zoom,
                                            double       x,
                                            double       y);
/* Pans by (dx, dy) widget pixels. */
void      dm_graph_view_pan_by             (DmGraphView *self,
                                            double       dx,
                                            double       dy);

/* The scene (layout points) point at the widget's centre. */
void      dm_graph_view_get_center         (DmGraphView *self,
                                            double      *x,
                                            double      *y);
/* Where node @node is drawn, in widget coordinates. */
gboolean  dm_graph_view_get_node_bounds    (DmGraphView     *self,
                                            int              node,
                                            graphene_rect_t *bounds);
/* The layout's bounding box in widget coordinates. */
void      dm_graph_view_get_scene_bounds   (DmGraphView     *self,
                                            graphene_rect_t *bounds);

/* The tooltip a pointer resting at (x, y) gets, as Pango markup; NULL over empty space. */
char     *dm_graph_view_get_tooltip_markup (DmGraphView *self,
                                            double       x,
                                            double       y);

void      dm_graph_view_get_stats          (DmGraphView      *self,
                                            DmGraphViewStats *stats);

G_END_DECLS
