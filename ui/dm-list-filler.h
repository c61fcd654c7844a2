/* dm-list-filler.h — fills a GListStore a slice per main-loop turn
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DmListFiller DmListFiller;

DmListFiller *dm_list_filler_new     (GListStore   *store);
void          dm_list_filler_free    (DmListFiller *self);
/* Replaces the store's items from @position on by @items: the first slice now, the rest a
 * slice per main-loop turn (frames are drawn between). Cancels a fill still under way. */
void          dm_list_filler_replace (DmListFiller *self,
                                      guint         position,
                                      GPtrArray    *items);
/* Forgets the items not yet added; the store keeps what it has. */
void          dm_list_filler_cancel  (DmListFiller *self);
gboolean      dm_list_filler_is_busy (DmListFiller *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmListFiller, dm_list_filler_free)

G_END_DECLS
