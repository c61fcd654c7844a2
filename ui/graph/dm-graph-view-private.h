/* dm-graph-view-private.h — internals of the graph canvas for its tests and benchmark
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph-view.h"

G_BEGIN_DECLS

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

typedef struct {
  guint  n_snapshots;
  gint64 last_snapshot_usec;   /* time spent in the last snapshot() */
  guint  n_tiles_rendered;     /* scene tiles rasterised since the widget was created */
  gboolean scene_complete;     /* the last frame showed every tile at the current zoom */
} DmGraphViewStats;

void      dm_graph_view_get_stats          (DmGraphView      *self,
                                            DmGraphViewStats *stats);

G_END_DECLS
