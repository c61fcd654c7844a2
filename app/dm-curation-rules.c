/* dm-curation-rules.c — curation rules composed into lookup tables and applied to an analysis
 *
 * Rules apply in journal order: a name rule ("Tory Party" is "Conservative Party") rewrites
 * the names the rules before it produced, so a merge followed by a rename of the kept actor
 * sends both old names to the new one. Per mention the order is: names (aliases), splits,
 * "not an actor", then type/role/affiliation. Relation rules are keyed on the evidence
 * sentence and the trigger's place in it, so they find the same relation again whatever the
 * article's position in a file or the corpus.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-curation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dm-curation-private.h"

typedef struct {
  char   *name;
  char   *key;
  gint64  rule_id;
} NameTarget;

typedef struct {
  char   *alias_key;
  char   *alias;
  char   *from_key;
  gint64  rule_id;
} Split;

typedef struct {
  gint64       type_rule;     /* 0: not set */
  DmActorType  type;
  gint64       role_rule;
  char        *role;
  gint64       affiliation_rule;
  char        *affiliation;
} ActorFix;

typedef struct {
  gint64           delete_rule;
  gint64           flip_rule;   /* flips cancel in pairs: the last one's id when odd */
  guint            n_flips;
  gint64           verb_rule;
  char            *verb;
  DmRelationClass  klass;
  gint64           negated_rule;
  gboolean         negated;
} RelationFix;

typedef struct {
  gint64           rule_id;
  char            *source;
  char            *target;
  char            *verb;
  char            *sentence;
  DmSpan           trigger;   /* code points from the sentence start */
  DmSpan           source_span;
  DmSpan           target_span;
  DmActorType      source_type;
  DmActorType      target_type;
  DmRelationClass  klass;
  gboolean         negated;
} AddedRelation;

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

struct _DmCurationRules
{
  GHashTable *names;          /* name key → NameTarget */
  GPtrArray  *splits;         /* Split */
  GHashTable *not_actors;     /* name key → rule id (gint64 *) */
  GHashTable *actor_fixes;    /* name key → ActorFix */
  GHashTable *relation_fixes; /* relation key → RelationFix */
  GPtrArray  *additions;      /* AddedRelation */
  GHashTable *dates;          /* text hash → date (NULL: none) */
  guint       n_rules;
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

/* Applying */

/* What became of one actor name of the article. */
typedef struct {
  char     *name;       /* NULL: dropped ("not an actor") */
  gint64    rule_id;    /* the rule that renamed or dropped it, 0 for none */
  gboolean  split;      /* by a split rule: this mention only, not every one of the name */
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->name);
  g_free (resolved);
}

typedef struct {
  DmCurationRules  *rules;
  DmAnalysis       *copy;
  GHashTable       *hits;
  GHashTable       *by_key;     /* the article's actor keys → Resolved */
  GArray           *split_spans;  /* mention spans a split rule moved: SplitSpan */
  GHashTable       *keys;       /* name → dm_store_normalize_key (name), for this article */
  gboolean          changed;
  /* a cursor from code points to bytes: relations come in text order */
  guint             cursor_offset;
  const char       *cursor;
} Apply;

typedef struct {
  DmSpan  span;
  char   *name;
  gint64  rule_id;
} SplitSpan;

/* An article names the same few actors many times: each name is normalised once. */
static const char *
key_of (Apply      *apply,
        const char *name)
{
  char *key = g_hash_table_lookup (apply->keys, name);

  if (key == NULL)
    {
      key = dm_store_normalize_key (name);
      g_hash_table_insert (apply->keys, g_strdup (name), key);
    }
  return key;
}

static void
hit (Apply  *apply,
     gint64  rule_id)
{
  gpointer count;

  if (rule_id == 0 || apply->hits == NULL)
    return;
  count = g_hash_table_lookup (apply->hits, &rule_id);
  if (count == NULL)
    g_hash_table_insert (apply->hits, g_memdup2 (&rule_id, sizeof rule_id), GUINT_TO_POINTER (1));
  else
    g_hash_table_insert (apply->hits, g_memdup2 (&rule_id, sizeof rule_id),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

static void
replace_string (Apply       *apply,
                char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  apply->changed = TRUE;
}

static const char *
at_offset (Apply *apply,
           guint  offset)
{
  const char *text = apply->copy->article->text;

  if (apply->cursor == NULL || offset < apply->cursor_offset)
    {
      apply->cursor = text;
      apply->cursor_offset = 0;
    }
  apply->cursor = g_utf8_offset_to_pointer (apply->cursor, offset - apply->cursor_offset);
  apply->cursor_offset = offset;
  return apply->cursor;
}

static DmMention *
mention_copy (const DmMention *m)
{
  return dm_mention_new (m->span, m->text, m->actor, m->type, m->role, m->affiliation);
}

static DmRelation *
relation_copy (const DmRelation *r)
{
  DmRelation *copy = dm_relation_new (r->source, r->target, r->verb, r->klass, r->negated);

  copy->sentence = r->sentence;
  copy->trigger = r->trigger;
  copy->source_mention = r->source_mention;
  copy->target_mention = r->target_mention;
  return copy;
}

/* The mention's actor after names, splits and "not an actor". */
static Resolved *
resolve_mention (Apply           *apply,
                 const DmMention *mention,
                 const char      *key)
{
  DmCurationRules *rules = apply->rules;
  NameTarget *target = g_hash_table_lookup (rules->names, key);
  Resolved *resolved = g_new0 (Resolved, 1);
  const char *final_key = target != NULL ? target->key : key;
  gint64 *not_actor;

  resolved->name = g_strdup (target != NULL ? target->name : mention->actor);
  resolved->rule_id = target != NULL ? target->rule_id : 0;

  if (rules->splits->len > 0)
    {
      const char *text_key = key_of (apply, mention->text);

      for (guint i = 0; i < rules->splits->len; i++)
        {
          Split *split = g_ptr_array_index (rules->splits, i);

          if (strcmp (split->alias_key, text_key) == 0 && strcmp (split->from_key, final_key) == 0)
            {
              g_free (resolved->name);
              resolved->name = g_strdup (split->alias);
              resolved->rule_id = split->rule_id;
              resolved->split = TRUE;
              final_key = split->alias_key;
            }
        }
    }

  not_actor = g_hash_table_lookup (rules->not_actors, final_key);
  if (not_actor == NULL)
    not_actor = g_hash_table_lookup (rules->not_actors, key);
  if (not_actor != NULL)
    {
      g_clear_pointer (&resolved->name, g_free);
      resolved->rule_id = *not_actor;
    }
  return resolved;
}

static void
fix_actor (Apply     *apply,
           DmMention *mention)
{
  ActorFix *fix = g_hash_table_lookup (apply->rules->actor_fixes, key_of (apply, mention->actor));

  if (mention->affiliation != NULL && g_hash_table_size (apply->rules->names) > 0)
    {
      const char *affiliation_key = key_of (apply, mention->affiliation);
      NameTarget *target = g_hash_table_lookup (apply->rules->names, affiliation_key);

      if (target != NULL)
        replace_string (apply, &mention->affiliation, target->name);
    }
  if (fix == NULL)
    return;
  if (fix->type_rule != 0 && mention->type != fix->type)
    {
      mention->type = fix->type;
      apply->changed = TRUE;
    }
  if (fix->role_rule != 0)
    replace_string (apply, &mention->role, fix->role);
  if (fix->affiliation_rule != 0)
    replace_string (apply, &mention->affiliation, fix->affiliation);
}

static void
apply_to_mentions (Apply            *apply,
                   const DmAnalysis *analysis)
{
  for (guint i = 0; analysis->mentions != NULL && i < analysis->mentions->len; i++)
    {
      const DmMention *mention = g_ptr_array_index (analysis->mentions, i);
      const char *key = key_of (apply, mention->actor);
      Resolved *resolved = resolve_mention (apply, mention, key);
      DmMention *copy;

      /* A split moves some of a name's mentions only: relations find theirs by span. */
      if (resolved->name != NULL && resolved->split)
        {
          SplitSpan split = { mention->span, g_strdup (resolved->name), resolved->rule_id };

          g_array_append_val (apply->split_spans, split);
        }
      else if (!g_hash_table_contains (apply->by_key, key))
        {
          Resolved *kept = g_new0 (Resolved, 1);

          kept->name = g_strdup (resolved->name);
          kept->rule_id = resolved->rule_id;
          g_hash_table_insert (apply->by_key, g_strdup (key), kept);
        }

      if (resolved->name == NULL)
        {
          apply->changed = TRUE;
          resolved_free (resolved);
          continue;
        }
      copy = mention_copy (mention);
      replace_string (apply, &copy->actor, resolved->name);
      fix_actor (apply, copy);
      g_ptr_array_add (apply->copy->mentions, copy);
      resolved_free (resolved);
    }
}

static const Resolved *
resolve_end (Apply      *apply,
             const char *name,
             DmSpan      mention_span,
             Resolved   *scratch)
{
  const char *key = key_of (apply, name);
  const Resolved *resolved;

  for (guint i = 0; i < apply->split_spans->len; i++)
    {
      SplitSpan *split = &g_array_index (apply->split_spans, SplitSpan, i);

      if (split->span.start == mention_span.start && split->span.end == mention_span.end)
        {
          scratch->name = split->name;
          scratch->rule_id = split->rule_id;
          return scratch;
        }
    }
  resolved = g_hash_table_lookup (apply->by_key, key);
  if (resolved != NULL)
    return resolved;
  scratch->name = (char *) name;
  scratch->rule_id = 0;
  return scratch;
}

static void
fix_relation (Apply      *apply,
              DmRelation *relation)
{
  DmCurationRules *rules = apply->rules;
  const char *sentence = at_offset (apply, relation->sentence.start);
  const char *sentence_end = g_utf8_offset_to_pointer (sentence,
                                                       relation->sentence.end - relation->sentence.start);
  g_autofree char *key = dm_curation_relation_key (sentence, sentence_end - sentence,
                                                   relation->trigger.start - relation->sentence.start,
                                                   relation->trigger.end - relation->sentence.start);
  RelationFix *fix = g_hash_table_lookup (rules->relation_fixes, key);

  if (fix == NULL)
    return;
  if (fix->n_flips % 2 == 1)
    {
      char *source = relation->source;
      DmSpan span = relation->source_mention;

      relation->source = relation->target;
      relation->target = source;
      relation->source_mention = relation->target_mention;
      relation->target_mention = span;
      apply->changed = TRUE;
      hit (apply, fix->flip_rule);
    }
  if (fix->verb_rule != 0)
    {
      replace_string (apply, &relation->verb, fix->verb);
      if (relation->klass != fix->klass)
        apply->changed = TRUE;
      relation->klass = fix->klass;
      hit (apply, fix->verb_rule);
    }
  if (fix->negated_rule != 0)
    {
      if (relation->negated != fix->negated)
        apply->changed = TRUE;
      relation->negated = fix->negated;
      hit (apply, fix->negated_rule);
    }
}

static RelationFix *
deleted_fix (Apply            *apply,
             const DmRelation *relation)
{
  const char *sentence;
  const char *sentence_end;
  g_autofree char *key = NULL;
  RelationFix *fix;

  sentence = at_offset (apply, relation->sentence.start);
  sentence_end = g_utf8_offset_to_pointer (sentence,
                                           relation->sentence.end - relation->sentence.start);
  key = dm_curation_relation_key (sentence, sentence_end - sentence,
                                  relation->trigger.start - relation->sentence.start,
                                  relation->trigger.end - relation->sentence.start);
  fix = g_hash_table_lookup (apply->rules->relation_fixes, key);
  return fix != NULL && fix->delete_rule != 0 ? fix : NULL;
}

static void
apply_to_relations (Apply            *apply,
                    const DmAnalysis *analysis)
{
  gboolean has_fixes = g_hash_table_size (apply->rules->relation_fixes) > 0;

  for (guint i = 0; analysis->relations != NULL && i < analysis->relations->len; i++)
    {
      const DmRelation *relation = g_ptr_array_index (analysis->relations, i);
      Resolved source_scratch, target_scratch;
      const Resolved *source = resolve_end (apply, relation->source, relation->source_mention,
                                            &source_scratch);
      const Resolved *target = resolve_end (apply, relation->target, relation->target_mention,
                                            &target_scratch);
      RelationFix *deleted = has_fixes ? deleted_fix (apply, relation) : NULL;
      DmRelation *copy;

      if (source->name == NULL || target->name == NULL || deleted != NULL)
        {
          hit (apply, deleted != NULL ? deleted->delete_rule
                                      : source->name == NULL ? source->rule_id : target->rule_id);
          apply->changed = TRUE;
          continue;
        }

      copy = relation_copy (relation);
      replace_string (apply, &copy->source, source->name);
      replace_string (apply, &copy->target, target->name);
      hit (apply, source->rule_id);
      if (target->rule_id != source->rule_id)
        hit (apply, target->rule_id);
      if (has_fixes)
        fix_relation (apply, copy);
      g_ptr_array_add (apply->copy->relations, copy);
    }
}

static gboolean
mentions_actor (Apply      *apply,
                const char *name)
{
  const char *key = key_of (apply, name);

  for (guint i = 0; i < apply->copy->mentions->len; i++)
    {
      DmMention *mention = g_ptr_array_index (apply->copy->mentions, i);

      if (strcmp (key, key_of (apply, mention->actor)) == 0)
        return TRUE;
    }
  return FALSE;
}

static DmSpan
shifted (DmSpan span,
         guint  by)
{
  return (DmSpan) { span.start + by, span.end + by };
}

static void
add_mention_if_missing (Apply       *apply,
                        const char  *name,
                        DmSpan       span,
                        DmActorType  type)
{
  const char *start;
  const char *end;
  g_autofree char *text = NULL;

  if (mentions_actor (apply, name))
    return;
  start = g_utf8_offset_to_pointer (apply->copy->article->text, span.start);
  end = g_utf8_offset_to_pointer (start, span.end - span.start);
  text = g_strndup (start, end - start);
  g_ptr_array_add (apply->copy->mentions, dm_mention_new (span, text, name, type, NULL, NULL));
}

static gboolean
has_relation (DmAnalysis *analysis,
              DmSpan      trigger,
              const char *source,
              const char *target)
{
  for (guint i = 0; i < analysis->relations->len; i++)
    {
      DmRelation *relation = g_ptr_array_index (analysis->relations, i);

      if (relation->trigger.start == trigger.start && relation->trigger.end == trigger.end &&
          g_strcmp0 (relation->source, source) == 0 && g_strcmp0 (relation->target, target) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const DmMention *x = *(DmMention * const *) a;
  const DmMention *y = *(DmMention * const *) b;

  return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  const DmRelation *x = *(DmRelation * const *) a;
  const DmRelation *y = *(DmRelation * const *) b;

  return x->trigger.start < y->trigger.start ? -1 : x->trigger.start > y->trigger.start;
}

/* A relation added by hand comes back wherever its sentence is met again. */
static void
apply_additions (Apply *apply)
{
  DmArticle *article = apply->copy->article;
  gboolean added_any = FALSE;

  for (guint i = 0; i < apply->rules->additions->len; i++)
    {
      AddedRelation *added = g_ptr_array_index (apply->rules->additions, i);
      const char *found = g_strstr_len (article->text, article->text_len, added->sentence);
      guint at;
      guint sentence_len;
      DmRelation *relation;

      if (found == NULL)
        continue;
      at = g_utf8_pointer_to_offset (article->text, found);
      sentence_len = g_utf8_strlen (added->sentence, -1);
      if (added->trigger.end > sentence_len || added->source_span.end > sentence_len ||
          added->target_span.end > sentence_len ||
          has_relation (apply->copy, shifted (added->trigger, at), added->source, added->target))
        continue;

      add_mention_if_missing (apply, added->source, shifted (added->source_span, at),
                              added->source_type);
      add_mention_if_missing (apply, added->target, shifted (added->target_span, at),
                              added->target_type);
      relation = dm_relation_new (added->source, added->target, added->verb, added->klass,
                                  added->negated);
      relation->sentence = (DmSpan) { at, at + sentence_len };
      relation->trigger = shifted (added->trigger, at);
      relation->source_mention = shifted (added->source_span, at);
      relation->target_mention = shifted (added->target_span, at);
      g_ptr_array_add (apply->copy->relations, relation);
      hit (apply, added->rule_id);
      added_any = TRUE;
    }

  if (added_any)
    {
      g_ptr_array_sort (apply->copy->mentions, compare_mentions);
      g_ptr_array_sort (apply->copy->relations, compare_relations);
      apply->changed = TRUE;
    }
}

static void
split_span_clear (SplitSpan *split)
{
  g_free (split->name);
}

DmAnalysis *
dm_curation_rules_apply (DmCurationRules  *rules,
                         const DmAnalysis *analysis,
                         const char       *hash,
                         GHashTable       *hits)
{
  g_autoptr(DmAnalysis) copy = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GArray) split_spans = NULL;
  g_autoptr(GHashTable) keys = NULL;
  Apply apply = { 0 };
  gpointer date;

  g_return_val_if_fail (analysis != NULL && analysis->article != NULL, NULL);

  if (dm_curation_rules_is_empty (rules))
    return NULL;

  copy = dm_analysis_new (dm_article_copy (analysis->article));
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resolved_free);
  split_spans = g_array_new (FALSE, FALSE, sizeof (SplitSpan));
  g_array_set_clear_func (split_spans, (GDestroyNotify) split_span_clear);

  apply.rules = rules;
  apply.copy = copy;
  apply.hits = hits;
  apply.by_key = by_key;
  apply.split_spans = split_spans;
  apply.keys = keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  apply_to_mentions (&apply, analysis);
  apply_to_relations (&apply, analysis);
  if (rules->additions->len > 0)
    apply_additions (&apply);

  if (hash != NULL && g_hash_table_lookup_extended (rules->dates, hash, NULL, &date))
    replace_string (&apply, &copy->article->date, date);

  return apply.changed ? g_steal_pointer (&copy) : NULL;
}
