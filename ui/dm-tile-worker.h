/* dm-tile-worker.h — rasterises a canvas's tiles on a thread of their own
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmTileWorker DmTileWorker;

/* Runs on the worker thread, with the worker held (see dm_tile_worker_hold()); returns the
 * tile's pixels, or NULL when nothing is drawn there. */
typedef cairo_surface_t *(*DmTileDrawFunc) (gpointer owner,
                                            int      tx,
                                            int      ty,
                                            double   scale,
                                            int      device_scale);
/* Runs on the main thread, for a tile of the current generation only; takes @surface. */
typedef void             (*DmTileDoneFunc) (gpointer         owner,
                                            int              tx,
                                            int              ty,
                                            cairo_surface_t *surface);

DmTileWorker *dm_tile_worker_new      (gpointer        owner,
                                       DmTileDrawFunc  draw,
                                       DmTileDoneFunc  done);
/* Drops the queued tiles, waits for the one being drawn, and frees the worker. */
void          dm_tile_worker_free     (DmTileWorker   *self);
/* Queues a tile; @urgent ones (in view) go before the others (around it). */
void          dm_tile_worker_request  (DmTileWorker   *self,
                                       int             tx,
                                       int             ty,
                                       double          scale,
                                       int             device_scale,
                                       gboolean        urgent);
/* Every tile queued or drawn so far is stale (the zoom changed): none of them is delivered. */
void          dm_tile_worker_forget   (DmTileWorker   *self);
/* Forgets, then waits until no tile is being drawn and keeps the worker from drawing until
 * dm_tile_worker_release(): the owner may then change what tiles are drawn from. */
void          dm_tile_worker_hold     (DmTileWorker   *self);
void          dm_tile_worker_release  (DmTileWorker   *self);

G_END_DECLS
