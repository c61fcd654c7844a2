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
typedef struct _DmTileBatch  DmTileBatch;

/* Runs on the worker thread, with the worker held (see dm_tile_worker_hold()); returns the
 * tile's pixels, or NULL when nothing is drawn there. */
typedef cairo_surface_t *(*DmTileDrawFunc) (gpointer owner,
                                            int      tx,
                                            int      ty,
                                            double   scale,
                                            int      device_scale);
/* Runs in the owner's main context (the thread-default one when the worker was made), for a
 * tile of the current generation only; takes @surface. */
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

/* Tiles the main thread needs now (@tiles: @n pairs tx, ty), drawn by the worker and the
 * main thread together: each takes the next one with dm_tile_batch_take() (-1 when none is
 * left) and hands in its pixels with dm_tile_batch_put(). The worker's share goes before
 * every other request. finish_batch() waits for all and returns their surfaces (NULL
 * where nothing is drawn) in @tiles' order; free the array with g_free(). The owner must
 * change nothing in between. */
DmTileBatch      *dm_tile_worker_start_batch  (DmTileWorker    *self,
                                               const int       *tiles,
                                               guint            n,
                                               double           scale,
                                               int              device_scale);
int               dm_tile_batch_take          (DmTileBatch     *batch);
void              dm_tile_batch_put           (DmTileBatch     *batch,
                                               int              i,
                                               cairo_surface_t *surface);
cairo_surface_t **dm_tile_worker_finish_batch (DmTileBatch     *batch);

G_END_DECLS
