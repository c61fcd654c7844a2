/* dm-curation-rules.c — curation rules composed into lookup tables (dm-curation-apply.c applies them)
 *
 * Rules apply in journal order: a name rule ("Tory Party" is "Conservative Party") rewrites
 * the names the rules before it produced, so a merge followed by a rename of the kept actor
 * sends both old names to the new one. Each kind of rule becomes one table, looked up by
 * name key or by relation key when an article is rewritten.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-curation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dm-curation-rules-private.h"

static const char * const rule_kinds[DM_N_RULE_KINDS] = {
  [DM_RULE_ALIAS] = "alias",
  [DM_RULE_SPLIT] = "split",
  [DM_RULE_NOT_ACTOR] = "not-actor",
  [DM_RULE_ACTOR_TYPE] = "actor-type",
  [DM_RULE_ACTOR_ROLE] = "actor-role",
  [DM_RULE_ACTOR_AFFILIATION] = "actor-affiliation",
  [DM_RULE_RELATION_DELETE] = "relation-delete",
  [DM_RULE_RELATION_FLIP] = "relation-flip",
  [DM_RULE_RELATION_VERB] = "relation-verb",
  [DM_RULE_RELATION_NEGATED] = "relation-negated",
  [DM_RULE_RELATION_ADD] = "relation-add",
  [DM_RULE_ARTICLE_DATE] = "article-date",
};


const char *
dm_rule_kind_to_string (DmRuleKind kind)
{
  g_return_val_if_fail (kind < DM_N_RULE_KINDS, NULL);

  return rule_kinds[kind];
}

gboolean
dm_rule_kind_from_string (const char *str,
                          DmRuleKind *kind)
{
  for (guint i = 0; str != NULL && i < DM_N_RULE_KINDS; i++)
    {
      if (strcmp (str, rule_kinds[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

DmRule *
dm_rule_new (gint64       id,
             DmRuleKind   kind,
             const char  *key,
             const char  *name,
             const char  *value,
             const char  *detail)
{
  DmRule *rule = g_new0 (DmRule, 1);

  rule->id = id;
  rule->kind = kind;
  rule->key = g_strdup (key);
  rule->name = g_strdup (name);
  rule->value = g_strdup (value);
  rule->detail = g_strdup (detail);
  return rule;
}

void
dm_rule_free (DmRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->key);
  g_free (rule->name);
  g_free (rule->value);
  g_free (rule->detail);
  g_free (rule);
}

static void
name_target_free (NameTarget *target)
{
  g_free (target->name);
  g_free (target->key);
  g_free (target);
}

static void
split_free (Split *split)
{
  g_free (split->alias_key);
  g_free (split->alias);
  g_free (split->from_key);
  g_free (split);
}

static void
actor_fix_free (ActorFix *fix)
{
  g_free (fix->role);
  g_free (fix->affiliation);
  g_free (fix);
}

static void
relation_fix_free (RelationFix *fix)
{
  g_free (fix->verb);
  g_free (fix);
}

static void
added_relation_free (AddedRelation *added)
{
  g_free (added->source);
  g_free (added->target);
  g_free (added->verb);
  g_free (added->sentence);
  g_free (added);
}

char *
dm_curation_relation_key (const char *sentence,
                          gssize      sentence_len,
                          guint       trigger_start,
                          guint       trigger_end)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (sentence != NULL, NULL);

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) sentence,
                                      sentence_len < 0 ? strlen (sentence) : (gsize) sentence_len);
  /* 128 bits of the hash tell sentences apart; the offsets tell a sentence's triggers apart */
  hash[32] = '\0';
  return g_strdup_printf ("%s:%u-%u", hash, trigger_start, trigger_end);
}

char *
dm_curation_add_detail (const char      *sentence,
                        const char      *verb,
                        DmSpan           trigger,
                        DmSpan           source,
                        DmSpan           target,
                        DmActorType      source_type,
                        DmActorType      target_type,
                        DmRelationClass  klass,
                        gboolean         negated)
{
  return g_strdup_printf ("%u-%u %u-%u %u-%u %s %s %s %d|%s|%s",
                          trigger.start, trigger.end, source.start, source.end,
                          target.start, target.end, dm_actor_type_to_string (source_type),
                          dm_actor_type_to_string (target_type),
                          dm_relation_class_to_string (klass), negated ? 1 : 0, verb, sentence);
}

/* "<spans, types, class, negated>|<verb>|<sentence>" */
static gboolean
parse_add_detail (const char    *detail,
                  AddedRelation *added)
{
  char source_type[32], target_type[32], klass[32];
  const char *bar;
  const char *verb_end;
  int negated = 0;

  if (detail == NULL || (bar = strchr (detail, '|')) == NULL ||
      (verb_end = strchr (bar + 1, '|')) == NULL || verb_end == bar + 1 || verb_end[1] == '\0')
    return FALSE;
  if (sscanf (detail, "%u-%u %u-%u %u-%u %31s %31s %31s %d",
              &added->trigger.start, &added->trigger.end,
              &added->source_span.start, &added->source_span.end,
              &added->target_span.start, &added->target_span.end,
              source_type, target_type, klass, &negated) != 10)
    return FALSE;
  if (!dm_actor_type_from_string (source_type, &added->source_type) ||
      !dm_actor_type_from_string (target_type, &added->target_type) ||
      !dm_relation_class_from_string (klass, &added->klass))
    return FALSE;
  added->negated = negated != 0;
  added->verb = g_strndup (bar + 1, verb_end - bar - 1);
  added->sentence = g_strdup (verb_end + 1);
  return added->trigger.start <= added->trigger.end &&
         added->source_span.start < added->source_span.end &&
         added->target_span.start < added->target_span.end;
}

/* What an added relation's @detail says happens: its verb, "not " before it when negated;
 * NULL when the detail is damaged. */
char *
dm_curation_add_detail_verb (const char *detail)
{
  g_autofree AddedRelation *added = g_new0 (AddedRelation, 1);
  char *verb = NULL;

  if (parse_add_detail (detail, added))
    /* Translators: a negated verb in a rule's description: “China” not criticises “Russia” */
    verb = added->negated ? g_strdup_printf (_("not %s"), added->verb) : g_strdup (added->verb);
  g_free (added->verb);
  g_free (added->sentence);
  return verb;
}

/* Composition, rule by rule */

/* Names that earlier rules sent to @from now go to @to; @from itself goes to @to unless an
 * earlier rule already sends it elsewhere (then nothing called @from is left to rename). */
static void
compose_name (DmCurationRules *self,
              const char      *from_key,
              const char      *to,
              gint64           rule_id)
{
  g_autofree char *to_key = dm_store_normalize_key (to);
  GHashTableIter iter;
  NameTarget *target;
  ActorFix *fix;

  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &target))
    {
      if (strcmp (target->key, from_key) == 0)
        {
          g_free (target->name);
          g_free (target->key);
          target->name = g_strdup (to);
          target->key = g_strdup (to_key);
          target->rule_id = rule_id;
        }
    }

  if (!g_hash_table_contains (self->names, from_key))
    {
      target = g_new0 (NameTarget, 1);
      target->name = g_strdup (to);
      target->key = g_strdup (to_key);
      target->rule_id = rule_id;
      g_hash_table_insert (self->names, g_strdup (from_key), target);
    }

  /* Corrections of the actor's type, role or affiliation follow it to its new name. */
  fix = g_hash_table_lookup (self->actor_fixes, from_key);
  if (fix != NULL && strcmp (from_key, to_key) != 0 &&
      !g_hash_table_contains (self->actor_fixes, to_key))
    {
      ActorFix *moved = g_new0 (ActorFix, 1);

      *moved = *fix;
      moved->role = g_strdup (fix->role);
      moved->affiliation = g_strdup (fix->affiliation);
      g_hash_table_insert (self->actor_fixes, g_strdup (to_key), moved);
    }
}

static ActorFix *
actor_fix_for (DmCurationRules *self,
               const char      *key)
{
  ActorFix *fix = g_hash_table_lookup (self->actor_fixes, key);

  if (fix == NULL)
    {
      fix = g_new0 (ActorFix, 1);
      g_hash_table_insert (self->actor_fixes, g_strdup (key), fix);
    }
  return fix;
}

static RelationFix *
relation_fix_for (DmCurationRules *self,
                  const char      *key)
{
  RelationFix *fix = g_hash_table_lookup (self->relation_fixes, key);

  if (fix == NULL)
    {
      fix = g_new0 (RelationFix, 1);
      g_hash_table_insert (self->relation_fixes, g_strdup (key), fix);
    }
  return fix;
}

static void
compose_rule (DmCurationRules *self,
              const DmRule    *rule)
{
  g_autofree char *name_key = rule->name != NULL ? dm_store_normalize_key (rule->name) : NULL;
  ActorFix *actor_fix;
  RelationFix *relation_fix;

  switch (rule->kind)
    {
    case DM_RULE_ALIAS:
      if (rule->value != NULL)
        compose_name (self, rule->key, rule->value, rule->id);
      break;

    case DM_RULE_SPLIT:
      if (rule->name != NULL && rule->value != NULL)
        {
          Split *split = g_new0 (Split, 1);

          split->alias_key = g_strdup (rule->key);
          split->alias = g_strdup (rule->name);
          split->from_key = dm_store_normalize_key (rule->value);
          split->rule_id = rule->id;
          g_ptr_array_add (self->splits, split);
          /* an earlier merge of that name is over */
          compose_name (self, rule->key, rule->name, rule->id);
        }
      break;

    case DM_RULE_NOT_ACTOR:
      g_hash_table_insert (self->not_actors, g_strdup (rule->key),
                           g_memdup2 (&rule->id, sizeof rule->id));
      break;

    case DM_RULE_ACTOR_TYPE:
      actor_fix = actor_fix_for (self, rule->key);
      if (dm_actor_type_from_string (rule->value, &actor_fix->type))
        actor_fix->type_rule = rule->id;
      break;

    case DM_RULE_ACTOR_ROLE:
      actor_fix = actor_fix_for (self, rule->key);
      g_free (actor_fix->role);
      actor_fix->role = g_strdup (rule->value);
      actor_fix->role_rule = rule->id;
      break;

    case DM_RULE_ACTOR_AFFILIATION:
      actor_fix = actor_fix_for (self, rule->key);
      g_free (actor_fix->affiliation);
      actor_fix->affiliation = g_strdup (rule->value);
      actor_fix->affiliation_rule = rule->id;
      break;

    case DM_RULE_RELATION_DELETE:
      relation_fix_for (self, rule->key)->delete_rule = rule->id;
      break;

    case DM_RULE_RELATION_FLIP:
      relation_fix = relation_fix_for (self, rule->key);
      relation_fix->n_flips++;
      relation_fix->flip_rule = rule->id;
      break;

    case DM_RULE_RELATION_VERB:
      relation_fix = relation_fix_for (self, rule->key);
      if (rule->value != NULL && dm_relation_class_from_string (rule->detail, &relation_fix->klass))
        {
          g_free (relation_fix->verb);
          relation_fix->verb = g_strdup (rule->value);
          relation_fix->verb_rule = rule->id;
        }
      break;

    case DM_RULE_RELATION_NEGATED:
      relation_fix = relation_fix_for (self, rule->key);
      relation_fix->negated = g_strcmp0 (rule->value, "true") == 0;
      relation_fix->negated_rule = rule->id;
      break;

    case DM_RULE_RELATION_ADD:
      {
        AddedRelation *added = g_new0 (AddedRelation, 1);

        if (rule->name == NULL || rule->value == NULL || !parse_add_detail (rule->detail, added))
          {
            added_relation_free (added);
            g_warning ("rule %" G_GINT64_FORMAT " (an added relation) is damaged: skipped",
                       rule->id);
            break;
          }
        added->rule_id = rule->id;
        added->source = g_strdup (rule->name);
        added->target = g_strdup (rule->value);
        g_ptr_array_add (self->additions, added);
      }
      break;

    case DM_RULE_ARTICLE_DATE:
      g_hash_table_insert (self->dates, g_strdup (rule->key), g_strdup (rule->value));
      break;

    case DM_N_RULE_KINDS:
    default:
      g_assert_not_reached ();
    }
}

DmCurationRules *
dm_curation_rules_new (GPtrArray *rules)
{
  DmCurationRules *self = g_new0 (DmCurationRules, 1);

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) name_target_free);
  self->splits = g_ptr_array_new_with_free_func ((GDestroyNotify) split_free);
  self->not_actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->actor_fixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) actor_fix_free);
  self->relation_fixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) relation_fix_free);
  self->additions = g_ptr_array_new_with_free_func ((GDestroyNotify) added_relation_free);
  self->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    compose_rule (self, g_ptr_array_index (rules, i));
  self->n_rules = rules != NULL ? rules->len : 0;
  return self;
}

void
dm_curation_rules_free (DmCurationRules *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->names);
  g_ptr_array_unref (self->splits);
  g_hash_table_unref (self->not_actors);
  g_hash_table_unref (self->actor_fixes);
  g_hash_table_unref (self->relation_fixes);
  g_ptr_array_unref (self->additions);
  g_hash_table_unref (self->dates);
  g_free (self);
}

gboolean
dm_curation_rules_is_empty (DmCurationRules *self)
{
  return self == NULL || self->n_rules == 0;
}
