/* test-ui-tile-worker.c — the graph canvas's tile worker: delivery on the main thread, stale
 * generations dropped, hold/release, batches drawn by two threads, freeing with work queued
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "dm-tile-worker.h"

/* The owner: draws a 4×4 surface whose first pixel encodes the tile, counts deliveries. */
typedef struct {
  GThread    *main_thread;
  gint        n_drawn;         /* atomic */
  gint        drawing;         /* atomic: a draw is under way */
  gboolean    hold_violated;   /* a draw ran while the owner held the worker */
  gint        holding;         /* atomic */
  GHashTable *delivered;       /* tile key -> pixel value */
  guint       n_delivered;
  guint       delay_ms;        /* each draw takes this long */
} Owner;

static guint32
tile_value (int tx,
            int ty)
{
  return 0xff000000u | ((guint32) (tx & 0xff) << 8) | (guint32) (ty & 0xff);
}

static guint32
surface_value (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  return *(guint32 *) cairo_image_surface_get_data (surface);
}

static cairo_surface_t *
draw_tile (gpointer owner_data,
           int      tx,
           int      ty,
           double   scale,
           int      device_scale)
{
  Owner *owner = owner_data;
  cairo_surface_t *surface;

  if (g_atomic_int_get (&owner->holding))
    owner->hold_violated = TRUE;
  g_atomic_int_inc (&owner->drawing);
  if (owner->delay_ms > 0)
    g_usleep (owner->delay_ms * 1000);
  g_atomic_int_inc (&owner->n_drawn);
  g_atomic_int_add (&owner->drawing, -1);

  /* Tile (0, 0) is empty. */
  if (tx == 0 && ty == 0)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_surface_flush (surface);
  *(guint32 *) cairo_image_surface_get_data (surface) = tile_value (tx, ty);
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
tile_done (gpointer         owner_data,
           int              tx,
           int              ty,
           cairo_surface_t *surface)
{
  Owner *owner = owner_data;

  g_assert_true (g_thread_self () == owner->main_thread);
  g_hash_table_insert (owner->delivered, GINT_TO_POINTER (tx * 1000 + ty),
                       GUINT_TO_POINTER (surface != NULL ? surface_value (surface) : 0));
  owner->n_delivered++;
  if (surface != NULL)
    cairo_surface_destroy (surface);
}

static void
owner_init (Owner *owner)
{
  memset (owner, 0, sizeof *owner);
  owner->main_thread = g_thread_self ();
  owner->delivered = g_hash_table_new (NULL, NULL);
}

static void
owner_clear (Owner *owner)
{
  g_hash_table_unref (owner->delivered);
}

static void
iterate_until (Owner *owner,
               guint  n_delivered)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (owner->n_delivered < n_delivered)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A worker whose tiles take @delay_ms each, with @n tiles (1, @ty) … (n, @ty) asked for. */
static DmTileWorker *
busy_worker_new (Owner *owner,
                 guint  delay_ms,
                 int    n,
                 int    ty)
{
  DmTileWorker *worker;

  owner_init (owner);
  owner->delay_ms = delay_ms;
  worker = dm_tile_worker_new (owner, draw_tile, tile_done);
  for (int i = 1; i <= n; i++)
    dm_tile_worker_request (worker, i, ty, 1.0, 1, i % 3 != 2);
  return worker;
}

/* Runs the main loop for about @ms milliseconds. */
static void
spin (guint ms)
{
  for (guint i = 0; i < ms; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Requested tiles come back on the main thread with their pixels; an empty one as NULL. */
static void
test_deliver (void)
{
  Owner owner;
  DmTileWorker *worker;

  owner_init (&owner);
  worker = dm_tile_worker_new (&owner, draw_tile, tile_done);
  for (int i = 0; i < 6; i++)
    dm_tile_worker_request (worker, i, i + 1, 1.0, 1, i % 2 == 0);
  dm_tile_worker_request (worker, 0, 0, 1.0, 1, TRUE);
  iterate_until (&owner, 7);

  for (int i = 0; i < 6; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (owner.delivered, GINT_TO_POINTER (i * 1000 + i + 1))),
                      ==, tile_value (i, i + 1));
  g_assert_true (g_hash_table_contains (owner.delivered, GINT_TO_POINTER (0)));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (owner.delivered, GINT_TO_POINTER (0))), ==, 0);

  dm_tile_worker_free (worker);
  owner_clear (&owner);
}

/* After forget(), nothing asked for before is delivered (drawn or not); what is asked for
 * after is. */
static void
test_forget (void)
{
  Owner owner;
  DmTileWorker *worker;

  worker = busy_worker_new (&owner, 5, 20, 1);
  g_usleep (12 * 1000);
  dm_tile_worker_forget (worker);
  dm_tile_worker_request (worker, 50, 2, 1.0, 1, TRUE);
  iterate_until (&owner, 1);
  /* Let anything stale that was in flight come back, and be dropped. */
  spin (50);

  g_assert_cmpuint (owner.n_delivered, ==, 1);
  g_assert_true (g_hash_table_contains (owner.delivered, GINT_TO_POINTER (50 * 1000 + 2)));
  /* The stale ones still queued were skipped, not drawn. */
  g_assert_cmpint (g_atomic_int_get (&owner.n_drawn), <, 21);

  dm_tile_worker_free (worker);
  owner_clear (&owner);
}

/* hold() waits for the tile being drawn and keeps the next from starting until release(). */
static void
test_hold (void)
{
  Owner owner;
  DmTileWorker *worker;

  owner_init (&owner);
  owner.delay_ms = 3;
  worker = dm_tile_worker_new (&owner, draw_tile, tile_done);
  for (int round = 0; round < 5; round++)
    {
      for (int i = 1; i <= 4; i++)
        dm_tile_worker_request (worker, i, round, 1.0, 1, TRUE);
      g_usleep (4 * 1000);
      dm_tile_worker_hold (worker);
      g_assert_cmpint (g_atomic_int_get (&owner.drawing), ==, 0);
      g_atomic_int_set (&owner.holding, 1);
      g_usleep (10 * 1000);
      g_atomic_int_set (&owner.holding, 0);
      dm_tile_worker_release (worker);
    }
  g_assert_false (owner.hold_violated);

  dm_tile_worker_free (worker);
  owner_clear (&owner);
}

/* A batch is drawn by the worker and the main thread together; every tile once, in order. */
static void
test_batch (void)
{
  Owner owner;
  DmTileWorker *worker;
  int tiles[2 * 12];
  gboolean seen[12] = { FALSE };
  g_autofree cairo_surface_t **surfaces = NULL;
  DmTileBatch *batch;
  guint n_main = 0;
  int i;

  owner_init (&owner);
  owner.delay_ms = 10;
  worker = dm_tile_worker_new (&owner, draw_tile, tile_done);
  /* Something the worker is busy with first, and queued work the batch goes before. */
  for (int k = 1; k <= 3; k++)
    dm_tile_worker_request (worker, 90 + k, 9, 1.0, 1, FALSE);
  for (int k = 0; k < 12; k++)
    {
      tiles[2 * k] = k;
      tiles[2 * k + 1] = k == 0 ? 0 : 7;
    }

  batch = dm_tile_worker_start_batch (worker, tiles, 12, 1.0, 1);
  while ((i = dm_tile_batch_take (batch)) >= 0)
    {
      g_assert_false (seen[i]);
      seen[i] = TRUE;
      n_main++;
      dm_tile_batch_put (batch, i, draw_tile (&owner, tiles[2 * i], tiles[2 * i + 1], 1.0, 1));
    }
  surfaces = dm_tile_worker_finish_batch (batch);

  /* Both drew: the main thread not all, and not none (the worker was busy at first). */
  g_assert_cmpuint (n_main, >, 0);
  g_assert_cmpuint (n_main, <, 12);
  g_assert_null (surfaces[0]);
  for (int k = 1; k < 12; k++)
    {
      g_assert_nonnull (surfaces[k]);
      g_assert_cmpuint (surface_value (surfaces[k]), ==, tile_value (k, 7));
      cairo_surface_destroy (surfaces[k]);
    }
  /* Batch tiles are not delivered through the main loop. */
  iterate_until (&owner, 3);
  for (int k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (owner.n_delivered, ==, 3);

  dm_tile_worker_free (worker);
  owner_clear (&owner);
}

/* A batch the main thread finished alone: the worker's job starts later, finds nothing left
 * and lets go of the batch (the first version freed it under the job: ASan). */
static void
test_batch_taken_by_main (void)
{
  Owner owner;
  DmTileWorker *worker;
  int tiles[] = { 1, 1, 2, 2 };

  owner_init (&owner);
  owner.delay_ms = 30;
  worker = dm_tile_worker_new (&owner, draw_tile, tile_done);
  dm_tile_worker_request (worker, 5, 5, 1.0, 1, TRUE);
  g_usleep (5 * 1000);

  for (int round = 0; round < 3; round++)
    {
      g_autofree cairo_surface_t **surfaces = NULL;
      DmTileBatch *batch = dm_tile_worker_start_batch (worker, tiles, 2, 1.0, 1);
      int i;

      while ((i = dm_tile_batch_take (batch)) >= 0)
        dm_tile_batch_put (batch, i, draw_tile (&owner, tiles[2 * i], tiles[2 * i + 1], 1.0, 1));
      surfaces = dm_tile_worker_finish_batch (batch);
      cairo_surface_destroy (surfaces[0]);
      cairo_surface_destroy (surfaces[1]);
    }
  iterate_until (&owner, 1);

  dm_tile_worker_free (worker);
  owner_clear (&owner);
}

/* Freeing the worker with tiles queued and one being drawn: nothing is delivered after,
 * nothing leaks (the sanitizer build checks). */
static void
test_free_busy (void)
{
  Owner owner;
  DmTileWorker *worker;

  worker = busy_worker_new (&owner, 5, 30, 3);
  g_usleep (8 * 1000);
  dm_tile_worker_free (worker);
  spin (50);
  g_assert_cmpuint (owner.n_delivered, ==, 0);
  g_assert_cmpint (g_atomic_int_get (&owner.n_drawn), <, 30);
  owner_clear (&owner);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/ui-tile-worker/deliver", test_deliver);
  g_test_add_func ("/dramatis/ui-tile-worker/forget", test_forget);
  g_test_add_func ("/dramatis/ui-tile-worker/hold", test_hold);
  g_test_add_func ("/dramatis/ui-tile-worker/batch", test_batch);
  g_test_add_func ("/dramatis/ui-tile-worker/batch-taken-by-main", test_batch_taken_by_main);
  g_test_add_func ("/dramatis/ui-tile-worker/free-busy", test_free_busy);

  return g_test_run ();
}
