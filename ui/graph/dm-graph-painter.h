/* dm-graph-painter.h — cairo drawing of a graph scene's region, on any thread
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "dm-graph-palette.h"
#include "dm-graph-scene.h"

G_BEGIN_DECLS

typedef enum {
  DM_GRAPH_LAYER_SCENE,     /* the whole graph, opaque */
  DM_GRAPH_LAYER_OVERLAY,   /* hover highlighting, selection, focus ring; transparent */
} DmGraphLayer;

/* What the overlay layer draws: the hovered element, its neighbours and connecting edges,
 * the selection, and the search matches (@matches: per node, nullable). */
typedef struct {
  guint8          *nodes;          /* per node: 1 highlighted */
  guint8          *edges;          /* per edge */
  guint8          *matches;        /* per node: 1 a search match (ringed); NULL: none */
  gboolean         empty;          /* nothing is highlighted */
  graphene_rect_t  bounds;         /* of everything highlighted */
  int              selected_node;
  int              selected_edge;
  int              hovered_node;
  gboolean         focus_ring;     /* around the selected node */
} DmGraphOverlay;

void     dm_graph_overlay_update (DmGraphOverlay     *overlay,
                                  const DmGraphScene *scene,
                                  int                 hovered_node,
                                  int                 hovered_edge,
                                  int                 selected_node,
                                  int                 selected_edge,
                                  gboolean            focus_ring,
                                  const guint8       *matches);
void     dm_graph_overlay_clear  (DmGraphOverlay     *overlay);

/* What is drawn, and with what. The main thread and the tile worker paint through the
 * same painter; the worker (@on_worker below) lays labels out in a Pango context of its
 * own, since Pango objects are not shared between threads. */
typedef struct {
  DmGraphScene         *scene;
  const DmGraphPalette *palette;
  const DmGraphOverlay *overlay;
  PangoContext         *worker_pango;
} DmGraphPainter;

void     dm_graph_painter_init   (DmGraphPainter       *self,
                                  const DmGraphPalette *palette,
                                  const DmGraphOverlay *overlay);
void     dm_graph_painter_clear  (DmGraphPainter       *self);

/* Whether @layer draws anything within @area (scene points) at @scale (device pixels per
 * scene point). */
gboolean dm_graph_painter_covers (const DmGraphPainter  *self,
                                  DmGraphLayer           layer,
                                  const graphene_rect_t *area,
                                  double                 scale);
/* Draws @layer's elements that meet @area on @cr, which maps scene points to the target
 * at @scale. The scene layer first paints the page colour over the whole target. */
void     dm_graph_painter_paint  (const DmGraphPainter  *self,
                                  DmGraphLayer           layer,
                                  cairo_t               *cr,
                                  const graphene_rect_t *area,
                                  double                 scale,
                                  gboolean               on_worker);

G_END_DECLS
