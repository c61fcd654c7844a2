/* dm-tile-cache.h — the graph canvas's rasterised tiles, per zoom, and who draws them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-graph-painter.h"

G_BEGIN_DECLS

#define DM_TILE_SIZE 256      /* device pixels */

/* Tiles (tx, ty) of the zoomed scene in device pixels, inclusive. */
typedef struct {
  int tx0, ty0, tx1, ty1;
} DmTileRange;

typedef struct _DmTileCache DmTileCache;

/* The tiles shown in a view whose top-left corner is zoomed-scene point (ox, oy), @width
 * by @height widget pixels at @device_scale. */
void           dm_tile_range_for_view       (DmTileRange          *range,
                                             double                ox,
                                             double                oy,
                                             double                width,
                                             double                height,
                                             int                   device_scale);

/* Tiles of @painter's layers for @widget, which is redrawn as tiles come back from the
 * worker. Both must outlive the cache. Once the widget is disposed (the cache freed and
 * NULL), the functions below but dm_tile_cache_assemble() take NULL and do nothing. */
DmTileCache   *dm_tile_cache_new            (GtkWidget            *widget,
                                             const DmGraphPainter *painter);
/* Stops the worker (waiting for the tile being drawn) and frees every tile. */
void           dm_tile_cache_free           (DmTileCache          *self);

/* Around a change of what the painter draws from (scene, palette): the worker stops
 * drawing in between. Then drop the tiles with dm_tile_cache_invalidate(). */
void           dm_tile_cache_hold           (DmTileCache          *self);
void           dm_tile_cache_release        (DmTileCache          *self);

/* Nothing drawn so far is right any more (layout, style, device scale). */
void           dm_tile_cache_invalidate     (DmTileCache          *self);
/* The overlay (hover, selection, focus) changed. */
void           dm_tile_cache_invalidate_overlay (DmTileCache      *self);
/* The zoom changed from @old_zoom: the tiles drawn at it stand in, scaled, until the new
 * ones are drawn (unless they are incomplete and an older complete set exists). */
void           dm_tile_cache_zoom_changed   (DmTileCache          *self,
                                             double                old_zoom);

/* The scene (dimmed under a veil when @dim) and the overlay over @range at @zoom, as one
 * node in zoomed-scene coordinates (device pixels / @device_scale). Tiles still missing
 * are asked of the worker and the widget is redrawn as they come; with nothing to stand
 * in for them (a new graph), they are drawn now, by this thread and the worker together. */
GskRenderNode *dm_tile_cache_assemble       (DmTileCache          *self,
                                             const DmTileRange    *range,
                                             double                zoom,
                                             int                   device_scale,
                                             gboolean              dim);
/* Whether the last assembly showed every tile at its zoom. */
gboolean       dm_tile_cache_is_complete    (DmTileCache          *self);
/* Tiles rasterised since the cache was made. */
guint          dm_tile_cache_get_n_rendered (DmTileCache          *self);

G_END_DECLS
