/* dm-curation-apply.c — composed curation rules applied to one article's analysis
 *
 * Per mention the order is: names (aliases), splits, "not an actor", then type/role/
 * affiliation. Relation rules are keyed on the evidence sentence and the trigger's place in
 * it, so they find the same relation again whatever the article's position in a file or the
 * corpus. The result is a rewritten copy; the analysis itself is never changed.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-curation"

#include "config.h"

#include <string.h>

#include "dm-curation-rules-private.h"

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
