/* dm-actor-item.c — one actor of the corpus as a list-model item
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-actor-item"

#include "config.h"

#include "dm-actor-item.h"

struct _DmActorItem
{
  GObject      parent_instance;
  gint64       id;
  char        *name;
  char        *role;
  char        *affiliation;
  DmActorType  type;
  guint        n_mentions;
  guint        n_relations;
};

G_DEFINE_FINAL_TYPE (DmActorItem, dm_actor_item, G_TYPE_OBJECT)

static void
dm_actor_item_finalize (GObject *object)
{
  DmActorItem *self = (DmActorItem *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->affiliation, g_free);

  G_OBJECT_CLASS (dm_actor_item_parent_class)->finalize (object);
}

static void
dm_actor_item_class_init (DmActorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_actor_item_finalize;
}

static void
dm_actor_item_init (DmActorItem *self)
{
}

DmActorItem *
dm_actor_item_new (const DmActorInfo *info)
{
  DmActorItem *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (DM_TYPE_ACTOR_ITEM, NULL);
  self->id = info->id;
  self->name = g_strdup (info->name);
  self->role = g_strdup (info->role);
  self->affiliation = g_strdup (info->affiliation);
  self->type = info->type;
  self->n_mentions = info->n_mentions;
  self->n_relations = info->n_relations;

  return self;
}

gint64
dm_actor_item_get_id (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->id;
}

const char *
dm_actor_item_get_name (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), NULL);
  return self->name;
}

DmActorType
dm_actor_item_get_actor_type (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), DM_ACTOR_PERSON);
  return self->type;
}

const char *
dm_actor_item_get_role (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), NULL);
  return self->role;
}

const char *
dm_actor_item_get_affiliation (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), NULL);
  return self->affiliation;
}

guint
dm_actor_item_get_n_mentions (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->n_mentions;
}

guint
dm_actor_item_get_n_relations (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->n_relations;
}

const char *
dm_actor_type_get_icon_name (DmActorType type)
{
  switch (type)
    {
    case DM_ACTOR_COUNTRY:      return "dramatis-country-symbolic";
    case DM_ACTOR_OFFICIAL:     return "dramatis-official-symbolic";
    case DM_ACTOR_PERSON:       return "dramatis-person-symbolic";
    case DM_ACTOR_ORGANIZATION: return "dramatis-organization-symbolic";
    case DM_ACTOR_GROUP:        return "dramatis-group-symbolic";
    case DM_N_ACTOR_TYPES:
    default:                    return "dramatis-person-symbolic";
    }
}
