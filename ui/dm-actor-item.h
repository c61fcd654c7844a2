/* dm-actor-item.h — one actor of the corpus as a list-model item
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-store.h"

G_BEGIN_DECLS

#define DM_TYPE_ACTOR_ITEM (dm_actor_item_get_type ())

G_DECLARE_FINAL_TYPE (DmActorItem, dm_actor_item, DM, ACTOR_ITEM, GObject)

DmActorItem *dm_actor_item_new              (const DmActorInfo *info);
gint64       dm_actor_item_get_id           (DmActorItem *self);
const char  *dm_actor_item_get_name         (DmActorItem *self);
DmActorType  dm_actor_item_get_actor_type   (DmActorItem *self);
const char  *dm_actor_item_get_role         (DmActorItem *self);
const char  *dm_actor_item_get_affiliation  (DmActorItem *self);
guint        dm_actor_item_get_n_mentions   (DmActorItem *self);
guint        dm_actor_item_get_n_relations  (DmActorItem *self);

/* "dramatis-country-symbolic" and so on: the icons compiled into the GResource. */
const char  *dm_actor_type_get_icon_name    (DmActorType type);

G_END_DECLS
