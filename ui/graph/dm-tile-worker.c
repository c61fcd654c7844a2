/* dm-tile-worker.c — rasterises a canvas's tiles on a thread of their own
 *
 * The graph canvas draws its scene in tiles (dm-tile-cache.c). After a zoom step the tiles
 * of the new zoom used to be rasterised on the main thread within a per-frame budget, which
 * left a zooming frame that budget longer. Here they are drawn on one worker thread, nearest
 * first, and handed back to the main loop as they are done; the frame shows the scaled old
 * tiles meanwhile and never waits.
 *
 * When there is nothing to show meanwhile (a new graph), the frame needs its tiles now: the
 * main thread and the worker draw them together as a batch, each taking the next tile, so
 * the first frame of a large graph takes about half as long on two cores.
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
  GMainContext    *context;      /* the owner's, where tiles are delivered */
  gint             generation;   /* atomic */
} Shared;

struct _DmTileWorker
{
  Shared      *shared;
  GThreadPool *pool;
  guint        sequence;         /* keeps requests of one urgency in order */
};

/* Tiles the main thread needs now: it and the worker take them in turn. */
struct _DmTileBatch
{
  gatomicrefcount   ref;         /* the main thread's and the worker job's */
  GMutex            mutex;
  GCond             cond;
  int              *tiles;       /* n pairs (tx, ty) */
  guint             n;
  gint              next;        /* atomic: the next tile to take */
  guint             n_done;      /* under mutex */
  cairo_surface_t **surfaces;
};

typedef struct {
  Shared           *shared;
  int               tx, ty;
  double            scale;
  int               device_scale;
  gint              generation;
  gboolean          urgent;
  guint             sequence;
  cairo_surface_t  *surface;
  DmTileBatch      *batch;      /* the main thread waits for these */
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
      g_main_context_unref (shared->context);
      g_mutex_clear (&shared->lock);
      g_free (shared);
    }
}

static void
batch_unref (DmTileBatch *batch)
{
  if (!g_atomic_ref_count_dec (&batch->ref))
    return;
  /* Surfaces left only when the main thread never collected them. */
  for (guint i = 0; batch->surfaces != NULL && i < batch->n; i++)
    g_clear_pointer (&batch->surfaces[i], cairo_surface_destroy);
  g_free (batch->surfaces);
  g_mutex_clear (&batch->mutex);
  g_cond_clear (&batch->cond);
  g_free (batch->tiles);
  g_free (batch);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->batch, batch_unref);
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
  if (job->batch != NULL)
    {
      /* The main thread waits for the batch and changes nothing meanwhile. */
      DmTileBatch *batch = job->batch;
      int i;

      while ((i = dm_tile_batch_take (batch)) >= 0)
        dm_tile_batch_put (batch, i, shared->draw (shared->owner, batch->tiles[2 * i],
                                                   batch->tiles[2 * i + 1],
                                                   job->scale, job->device_scale));
      g_mutex_unlock (&shared->lock);
      job_free (job);
      return;
    }
  if (shared->owner == NULL || job->generation != g_atomic_int_get (&shared->generation))
    {
      g_mutex_unlock (&shared->lock);
      job_free (job);
      return;
    }
  job->surface = shared->draw (shared->owner, job->tx, job->ty, job->scale, job->device_scale);
  g_mutex_unlock (&shared->lock);

  /* Always through the owner's main loop (g_main_context_invoke() would run it right here
   * whenever this thread could acquire that context). Above redrawing priority: the tile
   * is in the next frame. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_HIGH_IDLE);
    g_source_set_callback (source, deliver_cb, job, job_free);
    g_source_set_static_name (source, "[dramatis] tile delivery");
    g_source_attach (source, shared->context);
    g_source_unref (source);
  }
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  if ((x->batch != NULL) != (y->batch != NULL))
    return x->batch != NULL ? -1 : 1;
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
  self->shared->context = g_main_context_ref_thread_default ();

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

DmTileBatch *
dm_tile_worker_start_batch (DmTileWorker *self,
                            const int    *tiles,
                            guint         n,
                            double        scale,
                            int           device_scale)
{
  DmTileBatch *batch;
  Job *job;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->shared->owner != NULL, NULL);

  batch = g_new0 (DmTileBatch, 1);
  g_atomic_ref_count_init (&batch->ref);
  g_atomic_ref_count_inc (&batch->ref);
  g_mutex_init (&batch->mutex);
  g_cond_init (&batch->cond);
  batch->tiles = g_memdup2 (tiles, MAX (n, 1) * 2 * sizeof (int));
  batch->n = n;
  batch->surfaces = g_new0 (cairo_surface_t *, MAX (n, 1));

  /* One job takes tiles until none are left; it goes before every other request. */
  job = g_new0 (Job, 1);
  job->shared = shared_ref (self->shared);
  job->scale = scale;
  job->device_scale = device_scale;
  job->generation = g_atomic_int_get (&self->shared->generation);
  job->urgent = TRUE;
  job->sequence = self->sequence++;
  job->batch = batch;
  g_thread_pool_push (self->pool, job, NULL);
  return batch;
}

int
dm_tile_batch_take (DmTileBatch *batch)
{
  int i = g_atomic_int_add (&batch->next, 1);

  return i < (int) batch->n ? i : -1;
}

void
dm_tile_batch_put (DmTileBatch     *batch,
                   int              i,
                   cairo_surface_t *surface)
{
  g_mutex_lock (&batch->mutex);
  batch->surfaces[i] = surface;
  batch->n_done++;
  g_cond_signal (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

cairo_surface_t **
dm_tile_worker_finish_batch (DmTileBatch *batch)
{
  cairo_surface_t **surfaces;

  g_return_val_if_fail (batch != NULL, NULL);

  g_mutex_lock (&batch->mutex);
  while (batch->n_done < batch->n)
    g_cond_wait (&batch->cond, &batch->mutex);

  /* The worker's job may not have started yet: it finds nothing left and lets go. */
  surfaces = g_steal_pointer (&batch->surfaces);
  g_mutex_unlock (&batch->mutex);
  batch_unref (batch);
  return surfaces;
}
