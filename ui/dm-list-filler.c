/* dm-list-filler.c — fills a GListStore a slice per main-loop turn
 *
 * GtkListView (GTK 4.8) sets up, binds and measures up to 200 rows around its anchor as soon
 * as its model grows, shown or not. Handing it 1,000 new items at once cost the next frame
 * some 40 ms of measuring labels; a slice at a time, with frames drawn between the slices,
 * keeps every main-loop turn short. The idle runs below redrawing priority for that reason.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-list-filler"

#include "config.h"

#include "dm-list-filler.h"

#define SLICE_SIZE 40

struct _DmListFiller
{
  GListStore *store;
  GPtrArray  *pending;    /* items still to append, from pending_pos on */
  guint       pending_pos;
  guint       source;
};

DmListFiller *
dm_list_filler_new (GListStore *store)
{
  DmListFiller *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_new0 (DmListFiller, 1);
  self->store = g_object_ref (store);
  return self;
}

void
dm_list_filler_cancel (DmListFiller *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

void
dm_list_filler_free (DmListFiller *self)
{
  if (self == NULL)
    return;
  dm_list_filler_cancel (self);
  g_clear_object (&self->store);
  g_free (self);
}

/* Appends the next slice; TRUE while more remain. */
static gboolean
append_slice (DmListFiller *self)
{
  guint n = MIN (SLICE_SIZE, self->pending->len - self->pending_pos);

  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       self->pending->pdata + self->pending_pos, n);
  self->pending_pos += n;
  if (self->pending_pos < self->pending->len)
    return TRUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  return FALSE;
}

static gboolean
append_slice_cb (gpointer user_data)
{
  DmListFiller *self = user_data;

  if (append_slice (self))
    return G_SOURCE_CONTINUE;
  self->source = 0;
  return G_SOURCE_REMOVE;
}

void
dm_list_filler_replace (DmListFiller *self,
                        guint         position,
                        GPtrArray    *items)
{
  guint n_old, n_first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (items != NULL);

  dm_list_filler_cancel (self);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  position = MIN (position, n_old);
  n_first = MIN (SLICE_SIZE, items->len);

  /* One splice for the replaced items and the first slice: GtkListView reuses the rows of
   * removed items for the added ones within one change. */
  g_list_store_splice (self->store, position, n_old - position, items->pdata, n_first);

  if (n_first < items->len)
    {
      self->pending = g_ptr_array_ref (items);
      self->pending_pos = n_first;
      self->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, append_slice_cb, self, NULL);
    }
}

gboolean
dm_list_filler_is_busy (DmListFiller *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->pending != NULL;
}
