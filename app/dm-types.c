/* dm-types.c — names of the engine's enums, as written in the contract and shown to people
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-types.h"

static const char * const actor_type_names[DM_N_ACTOR_TYPES] = {
  "country", "official", "person", "organization", "group",
};

static const char * const actor_type_labels[DM_N_ACTOR_TYPES] = {
  N_("Country"), N_("Official"), N_("Person"), N_("Organization"), N_("Group"),
};

static const char * const class_names[DM_N_CLASSES] = {
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
  "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
  "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT",
  "APPEAL", "STATEMENT",
};

static const DmClassFamily class_families[DM_N_CLASSES] = {
  [DM_CLASS_AGREE] = DM_FAMILY_VERBAL_COOPERATION,
  [DM_CLASS_CONSULT] = DM_FAMILY_VERBAL_COOPERATION,
  [DM_CLASS_SUPPORT] = DM_FAMILY_VERBAL_COOPERATION,
  [DM_CLASS_CONCEDE] = DM_FAMILY_VERBAL_COOPERATION,
  [DM_CLASS_APPEAL] = DM_FAMILY_VERBAL_COOPERATION,
  [DM_CLASS_COOPERATE] = DM_FAMILY_MATERIAL_COOPERATION,
  [DM_CLASS_AID] = DM_FAMILY_MATERIAL_COOPERATION,
  [DM_CLASS_RETREAT] = DM_FAMILY_MATERIAL_COOPERATION,
  [DM_CLASS_INVESTIGATE] = DM_FAMILY_MATERIAL_COOPERATION,
  [DM_CLASS_DEMAND] = DM_FAMILY_VERBAL_CONFLICT,
  [DM_CLASS_DISAPPROVE] = DM_FAMILY_VERBAL_CONFLICT,
  [DM_CLASS_REJECT] = DM_FAMILY_VERBAL_CONFLICT,
  [DM_CLASS_THREATEN] = DM_FAMILY_VERBAL_CONFLICT,
  [DM_CLASS_SANCTION] = DM_FAMILY_VERBAL_CONFLICT,
  [DM_CLASS_PROTEST] = DM_FAMILY_MATERIAL_CONFLICT,
  [DM_CLASS_CRIME] = DM_FAMILY_MATERIAL_CONFLICT,
  [DM_CLASS_MOBILIZE] = DM_FAMILY_MATERIAL_CONFLICT,
  [DM_CLASS_COERCE] = DM_FAMILY_MATERIAL_CONFLICT,
  [DM_CLASS_ASSAULT] = DM_FAMILY_MATERIAL_CONFLICT,
  [DM_CLASS_STATEMENT] = DM_FAMILY_STATEMENT,
};

static const char * const family_names[DM_N_FAMILIES] = {
  "statement", "verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict",
};

static const char * const family_labels[DM_N_FAMILIES] = {
  N_("Statements"), N_("Verbal cooperation"), N_("Material cooperation"), N_("Verbal conflict"),
  N_("Material conflict"),
};

const char *
dm_actor_type_to_string (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return actor_type_names[type];
}

const char *
dm_actor_type_to_label (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return _(actor_type_labels[type]);
}

gboolean
dm_actor_type_from_string (const char  *str,
                           DmActorType *type)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    {
      if (strcmp (str, actor_type_names[i]) == 0)
        {
          if (type != NULL)
            *type = (DmActorType) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dm_relation_class_to_string (DmRelationClass klass)
{
  g_return_val_if_fail (klass < DM_N_CLASSES, NULL);
  return class_names[klass];
}

gboolean
dm_relation_class_from_string (const char      *str,
                               DmRelationClass *klass)
{
  g_return_val_if_fail (str != NULL, FALSE);

  /* the files write the names as they are: verbs.tsv has ~2,000 lines read at every start */
  for (guint i = 0; i < DM_N_CLASSES; i++)
    {
      if (str[0] == class_names[i][0] && strcmp (str, class_names[i]) == 0)
        {
          if (klass != NULL)
            *klass = (DmRelationClass) i;
          return TRUE;
        }
    }
  for (guint i = 0; i < DM_N_CLASSES; i++)
    {
      /* the first letter rules out most names cheaply */
      if (g_ascii_toupper (str[0]) == class_names[i][0] && g_ascii_strcasecmp (str, class_names[i]) == 0)
        {
          if (klass != NULL)
            *klass = (DmRelationClass) i;
          return TRUE;
        }
    }
  return FALSE;
}

DmClassFamily
dm_relation_class_get_family (DmRelationClass klass)
{
  g_return_val_if_fail (klass < DM_N_CLASSES, DM_FAMILY_STATEMENT);
  return class_families[klass];
}

const char *
dm_class_family_to_string (DmClassFamily family)
{
  g_return_val_if_fail (family < DM_N_FAMILIES, NULL);
  return family_names[family];
}

const char *
dm_class_family_to_label (DmClassFamily family)
{
  g_return_val_if_fail (family < DM_N_FAMILIES, NULL);
  return _(family_labels[family]);
}
