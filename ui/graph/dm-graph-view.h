/* dm-graph-view.h — the graph canvas: draws a DmLayout natively, zooms, pans, hit-tests
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-layout.h"

G_BEGIN_DECLS

#define DM_TYPE_GRAPH_VIEW (dm_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (DmGraphView, dm_graph_view, DM, GRAPH_VIEW, GtkWidget)

GtkWidget  *dm_graph_view_new                (void);

/* Shows @layout (nullable: empty canvas). When the new layout holds the same actors as the
 * old one and the user has zoomed or panned, the view (zoom and centre) is kept; otherwise
 * it zooms to fit. Resizing the widget fits the graph again unless the user has zoomed or
 * panned; zoom_to_fit() (and zoom-reset) returns to following the window. */
void        dm_graph_view_set_layout         (DmGraphView *self,
                                              DmLayout    *layout);
DmLayout   *dm_graph_view_get_layout         (DmGraphView *self);

double      dm_graph_view_get_zoom           (DmGraphView *self);
void        dm_graph_view_set_zoom           (DmGraphView *self,
                                              double       zoom);
void        dm_graph_view_zoom_in            (DmGraphView *self);
void        dm_graph_view_zoom_out           (DmGraphView *self);
void        dm_graph_view_zoom_to_fit        (DmGraphView *self);
/* The zoom zoom_to_fit() would give the layout at the canvas's present size (0 without a
 * layout or a size), and the least zoom at which every actor's label is at least @px
 * pixels a line: together they tell whether a fitted view can be read. */
double      dm_graph_view_get_fit_zoom       (DmGraphView *self);
double      dm_graph_view_get_label_zoom     (DmGraphView *self,
                                              double       px);

/* Selection: an index into layout->graph->nodes / ->edges, or -1. Selecting a node clears
 * the selected edge and the other way round. */
int         dm_graph_view_get_selected_node  (DmGraphView *self);
void        dm_graph_view_select_node        (DmGraphView *self,
                                              int          node);
int         dm_graph_view_get_selected_edge  (DmGraphView *self);
void        dm_graph_view_select_edge        (DmGraphView *self,
                                              int          edge);
/* Selects the node of @actor_id if it is in the layout; FALSE otherwise. */
gboolean    dm_graph_view_select_actor       (DmGraphView *self,
                                              gint64       actor_id);

/* Marks the actors in @actor_ids (@n_ids of them; none clears the marks) as search
 * matches: a ring in the accent colour around each one in the layout, on top of the rest.
 * The marks follow the actors into later layouts. Returns how many of them are shown. */
guint       dm_graph_view_set_highlighted_actors (DmGraphView  *self,
                                                  const gint64 *actor_ids,
                                                  guint         n_ids);
guint       dm_graph_view_get_n_highlighted  (DmGraphView *self);

/* @widget is laid over the canvas (in a GtkOverlay whose main child is the canvas, placed
 * by its alignment and margins): zoom-to-fit keeps actors clear of it while it is visible
 * (a revealer: revealed), and fits again when that changes, unless the user has zoomed or
 * panned. At most four. */
void        dm_graph_view_add_obstruction    (DmGraphView *self,
                                              GtkWidget   *widget);

/* Whether an actor dropped on empty canvas stays there ("node-moved"; TRUE by default) or
 * goes back where it was: views whose places are not kept. A drop on another actor is
 * "node-dropped" either way. */
void        dm_graph_view_set_keeps_places   (DmGraphView *self,
                                              gboolean     keeps_places);

/* Pans so that node @node is in view, without changing the zoom unless it has to. */
void        dm_graph_view_reveal_node        (DmGraphView *self,
                                              int          node);

/* The canvas palette (for legends): colours of actor types and relation families as drawn
 * in the widget's current light or dark style. */
void        dm_graph_view_get_actor_type_colors (DmGraphView *self,
                                                 DmActorType  type,
                                                 GdkRGBA     *fill,
                                                 GdkRGBA     *stroke);
void        dm_graph_view_get_family_color   (DmGraphView   *self,
                                              DmClassFamily  family,
                                              GdkRGBA       *color);

/* Signals:
 *   "selection-changed" ()                 — selected node or edge changed
 *   "node-activated"    (int node)         — double-click or Enter on a node: focus it
 *   "edge-activated"    (int edge)         — double-click or Enter on an edge
 *   "escape"            ()                 — Escape pressed: back to the whole graph
 *   "node-moved"   (int node, double x, double y) — an actor dragged to empty canvas and
 *                                          released there: (x, y) its new centre, layout points
 *   "node-dropped" (int node, int onto)   — an actor dragged onto another one and released
 *   "resized"      ()                     — the canvas was given another size
 * Properties: "layout", "zoom", "selected-node", "selected-edge".
 * Actions (widget actions, with accels): graph.zoom-in (plus, ctrl+plus),
 *   graph.zoom-out (minus, ctrl+minus), graph.zoom-reset (0, ctrl+0), graph.zoom-fit (ctrl+1 / f);
 *   keyboard navigation: graph.select-next (Tab), graph.select-previous (Shift+Tab),
 *   graph.select-towards "(dd)" (arrows: nearest actor in that direction),
 *   graph.activate-selection (Enter, space), graph.escape (Escape). zoom-in/zoom-out are
 *   disabled at the zoom limits, select-next/previous at the ends (Tab then leaves the
 *   canvas), activate-selection with nothing selected.
 * Set DRAMATIS_DEBUG_TIMINGS=1 to log frame and layout-swap times (g_message to stderr). */

G_END_DECLS
