/* dm-tile-worker.c — rasterises a canvas's tiles on a thread of their own
 *
 * The graph canvas draws its scene in tiles (dm-graph-view.c). After a zoom step the tiles
 * of the new zoom used to be rasterised on the main thread within a per-frame budget, which
 * left a zooming frame that budget longer. Here they are drawn on one worker thread, nearest
 * first, and handed back to the main loop as they are done; the frame shows the scaled old
 * tiles meanwhile and never waits.
 *
 * What the worker reads (the owner's geometry, palette, layout) changes only while the owner
 * holds the worker: dm_tile_worker_hold() waits for the tile being drawn and keeps the next
 * one from starting. Every change of zoom or content starts a new generation; a tile of an
 * older generation is skipped, or dropped when it comes back.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-tile-worker"

#include "config.h"

#include "dm-tile-worker.h"

/* Shared by the worker's jobs and results: outlives the owner until the last result is
 * back on the main thread. */
typedef struct {
  gatomicrefcount  ref;
  GMutex           lock;         /* held while a tile is drawn or the owner changes things */
  gpointer         owner;        /* NULL once the worker is freed; written on the main thread */
  DmTileDrawFunc   draw;
  DmTileDoneFunc   done;
  gint             generation;   /* atomic */
} Shared;

struct _DmTileWorker
{
  Shared      *shared;
  GThreadPool *pool;
  guint        sequence;         /* keeps requests of one urgency in order */
};

typedef struct {
  Shared          *shared;
  int              tx, ty;
  double           scale;
  int              device_scale;
  gint             generation;
  gboolean         urgent;
  guint            sequence;
  cairo_surface_t *surface;
} Job;

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (g_atomic_ref_count_dec (&shared->ref))
    {
      g_mutex_clear (&shared->lock);
      g_free (shared);
    }
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->surface, cairo_surface_destroy);
  shared_unref (job->shared);
  g_free (job);
}

/* Main thread: a finished tile, if it is still wanted. */
static gboolean
deliver_cb (gpointer data)
{
  Job *job = data;
  Shared *shared = job->shared;

  if (shared->owner != NULL && job->generation == g_atomic_int_get (&shared->generation))
    shared->done (shared->owner, job->tx, job->ty, g_steal_pointer (&job->surface));
  return G_SOURCE_REMOVE;
}

/* Worker thread */
static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = job->shared;

  g_mutex_lock (&shared->lock);
  if (shared->owner == NULL || job->generation != g_atomic_int_get (&shared->generation))
    {
      g_mutex_unlock (&shared->lock);
      job_free (job);
      return;
    }
  job->surface = shared->draw (shared->owner, job->tx, job->ty, job->scale, job->device_scale);
  g_mutex_unlock (&shared->lock);

  /* Above redrawing priority: the tile is in the next frame. */
  g_main_context_invoke_full (NULL, G_PRIORITY_HIGH_IDLE, deliver_cb, job, job_free);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  if (x->urgent != y->urgent)
    return x->urgent ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

DmTileWorker *
dm_tile_worker_new (gpointer        owner,
                    DmTileDrawFunc  draw,
                    DmTileDoneFunc  done)
{
  DmTileWorker *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (owner != NULL, NULL);
  g_return_val_if_fail (draw != NULL && done != NULL, NULL);

  self = g_new0 (DmTileWorker, 1);
  self->shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&self->shared->ref);
  g_mutex_init (&self->shared->lock);
  self->shared->owner = owner;
  self->shared->draw = draw;
  self->shared->done = done;

  /* One thread: tiles share the owner's data, and the other core is the renderer's. */
  self->pool = g_thread_pool_new_full (run_job, NULL, job_free, 1, FALSE, &error);
  if (self->pool == NULL)
    g_error ("Cannot start the tile worker: %s", error->message);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
  return self;
}

void
dm_tile_worker_free (DmTileWorker *self)
{
  if (self == NULL)
    return;

  g_atomic_int_inc (&self->shared->generation);
  g_mutex_lock (&self->shared->lock);
  self->shared->owner = NULL;
  g_mutex_unlock (&self->shared->lock);
  g_thread_pool_free (self->pool, TRUE, TRUE);
  shared_unref (self->shared);
  g_free (self);
}

void
dm_tile_worker_request (DmTileWorker *self,
                        int           tx,
                        int           ty,
                        double        scale,
                        int           device_scale,
                        gboolean      urgent)
{
  Job *job;

  g_return_if_fail (self != NULL);

  job = g_new0 (Job, 1);
  job->shared = shared_ref (self->shared);
  job->tx = tx;
  job->ty = ty;
  job->scale = scale;
  job->device_scale = device_scale;
  job->generation = g_atomic_int_get (&self->shared->generation);
  job->urgent = !!urgent;
  job->sequence = self->sequence++;
  g_thread_pool_push (self->pool, job, NULL);
}

void
dm_tile_worker_forget (DmTileWorker *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_inc (&self->shared->generation);
}

void
dm_tile_worker_hold (DmTileWorker *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_inc (&self->shared->generation);
  g_mutex_lock (&self->shared->lock);
}

void
dm_tile_worker_release (DmTileWorker *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_unlock (&self->shared->lock);
}
