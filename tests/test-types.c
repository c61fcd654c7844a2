/* test-types.c — enum names round-trip and class families follow PLOVER's quad grouping
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-types.h"

static void
test_actor_types (void)
{
  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    {
      DmActorType type;

      g_assert_true (dm_actor_type_from_string (dm_actor_type_to_string (i), &type));
      g_assert_cmpint (type, ==, i);
    }
  g_assert_cmpstr (dm_actor_type_to_string (DM_ACTOR_OFFICIAL), ==, "official");
  g_assert_false (dm_actor_type_from_string ("city", NULL));
}

static void
test_classes (void)
{
  DmRelationClass klass;

  for (guint i = 0; i < DM_N_CLASSES; i++)
    {
      g_assert_true (dm_relation_class_from_string (dm_relation_class_to_string (i), &klass));
      g_assert_cmpint (klass, ==, i);
    }
  g_assert_true (dm_relation_class_from_string ("reject", &klass));
  g_assert_cmpint (klass, ==, DM_CLASS_REJECT);
  g_assert_false (dm_relation_class_from_string ("FIGHT", NULL));

  g_assert_cmpint (dm_relation_class_get_family (DM_CLASS_APPEAL), ==, DM_FAMILY_VERBAL_COOPERATION);
  g_assert_cmpint (dm_relation_class_get_family (DM_CLASS_AID), ==, DM_FAMILY_MATERIAL_COOPERATION);
  g_assert_cmpint (dm_relation_class_get_family (DM_CLASS_THREATEN), ==, DM_FAMILY_VERBAL_CONFLICT);
  g_assert_cmpint (dm_relation_class_get_family (DM_CLASS_ASSAULT), ==, DM_FAMILY_MATERIAL_CONFLICT);
  g_assert_cmpint (dm_relation_class_get_family (DM_CLASS_STATEMENT), ==, DM_FAMILY_STATEMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/types/actor-types", test_actor_types);
  g_test_add_func ("/dramatis/types/classes", test_classes);
  return g_test_run ();
}
