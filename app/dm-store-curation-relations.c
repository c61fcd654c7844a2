/* dm-store-curation-relations.c — edits on relations: delete, flip, re-verb, negate, add
 *
 * Each leaves a rule keyed on the evidence sentence and the trigger's place in it
 * (dm_curation_relation_key()), so the same correction holds when the article comes again.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-curation-private.h"

typedef struct {
  gint64           id;
  gint64           article_id;
  char            *source;
  char            *target;
  char            *verb;
  DmRelationClass  klass;
  gboolean         negated;
  char            *key;       /* dm_curation_relation_key() */
} Relation;

static void
relation_clear (Relation *relation)
{
  g_clear_pointer (&relation->source, g_free);
  g_clear_pointer (&relation->target, g_free);
  g_clear_pointer (&relation->verb, g_free);
  g_clear_pointer (&relation->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Relation, relation_clear)

/* SQLite's substr() counts characters, and offsets are code points. */
#define RELATION_SQL \
  "SELECT r.id, r.article_id, s.name, t.name, r.verb, r.class, r.negated," \
  " substr(ar.text, r.sentence_start + 1, r.sentence_end - r.sentence_start)," \
  " r.trigger_start - r.sentence_start, r.trigger_end - r.sentence_start" \
  " FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id" \
  " JOIN articles ar ON ar.id = r.article_id"

static void
relation_from_row (sqlite3_stmt *stmt,
                   Relation     *relation)
{
  const char *sentence = (const char *) sqlite3_column_text (stmt, 7);

  relation->id = sqlite3_column_int64 (stmt, 0);
  relation->article_id = sqlite3_column_int64 (stmt, 1);
  relation->source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  relation->target = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  relation->verb = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  relation->klass = sqlite3_column_int (stmt, 5);
  relation->negated = sqlite3_column_int (stmt, 6) != 0;
  relation->key = dm_curation_relation_key (sentence != NULL ? sentence : "",
                                            sqlite3_column_bytes (stmt, 7),
                                            sqlite3_column_int (stmt, 8),
                                            sqlite3_column_int (stmt, 9));
}

static gboolean
read_relation (sqlite3   *db,
               gint64     id,
               Relation  *relation,
               GError   **error)
{
  sqlite3_stmt *stmt = dm_curation_prepare (db, N_("reading a relation"), error,
                                            RELATION_SQL " WHERE r.id = ?1", "i", id);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    relation_from_row (stmt, relation);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_RELATION, id);
  dm_store_set_error_from_sqlite (error, db, rc, N_("reading a relation"));
  return FALSE;
}

static char *
describe (const Relation *relation)
{
  return g_strdup_printf ("%s %s%s %s", relation->source, relation->negated ? "not " : "",
                          relation->verb, relation->target);
}

static gboolean
delete_one (DmJournalTx     *tx,
            const Relation  *relation,
            GError         **error)
{
  g_autofree char *label = describe (relation);

  return dm_curation_exec (dm_journal_tx_get_db (tx), N_("deleting a relation"), error,
                           "DELETE FROM relations WHERE id = ?1", "i", relation->id) &&
         dm_curation_insert_rule (tx, DM_RULE_RELATION_DELETE, relation->key, label, NULL, NULL,
                                  1, error);
}

static gboolean
delete_edit (DmJournalTx  *tx,
             gpointer      data,
             GString      *summary,
             guint        *n_relations,
             GError      **error)
{
  g_auto(Relation) relation = { 0 };
  g_autofree char *label = NULL;

  if (!read_relation (dm_journal_tx_get_db (tx), *(gint64 *) data, &relation, error))
    return FALSE;
  label = describe (&relation);
  g_string_printf (summary, _("Deleted “%s”"), label);
  *n_relations = 1;
  return delete_one (tx, &relation, error);
}

gboolean
dm_store_delete_relation (DmStore  *self,
                          gint64    relation_id,
                          GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "delete-relation", delete_edit, &relation_id, error);
}

typedef struct {
  gint64  a;
  gint64  b;
} Pair;

static gboolean
delete_pair_edit (DmJournalTx  *tx,
                  gpointer      data,
                  GString      *summary,
                  guint        *n_relations,
                  GError      **error)
{
  Pair *pair = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  g_autoptr(GArray) relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_array_set_clear_func (relations, (GDestroyNotify) relation_clear);
  stmt = dm_curation_prepare (db, N_("deleting relations"), error,
                              RELATION_SQL " WHERE (r.source_id = ?1 AND r.target_id = ?2)"
                              " OR (r.source_id = ?2 AND r.target_id = ?1) ORDER BY r.id",
                              "ii", pair->a, pair->b);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Relation relation = { 0 };

      relation_from_row (stmt, &relation);
      g_array_append_val (relations, relation);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("deleting relations"));
      return FALSE;
    }
  if (relations->len == 0)
    {
      g_set_error_literal (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING,
                           _("no relation links these two actors"));
      return FALSE;
    }

  for (guint i = 0; ok && i < relations->len; i++)
    ok = delete_one (tx, &g_array_index (relations, Relation, i), error);
  *n_relations = relations->len;
  g_string_printf (summary, ngettext ("Deleted %u relation between “%s” and “%s”",
                                     "Deleted %u relations between “%s” and “%s”",
                                     relations->len), relations->len,
                   g_array_index (relations, Relation, 0).source,
                   g_array_index (relations, Relation, 0).target);
  return ok;
}

gboolean
dm_store_delete_pair_relations (DmStore  *self,
                                gint64    actor_a,
                                gint64    actor_b,
                                GError  **error)
{
  Pair pair = { actor_a, actor_b };

  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "delete-pair", delete_pair_edit, &pair, error);
}

/* Flip, verb, negation: one change of the relation's row, and a rule for it. */
typedef struct {
  gint64           relation_id;
  DmRuleKind       kind;
  const char      *verb;
  DmRelationClass  klass;
  gboolean         negated;
} RelationChange;

static gboolean
change_edit (DmJournalTx  *tx,
             gpointer      data,
             GString      *summary,
             guint        *n_relations,
             GError      **error)
{
  RelationChange *change = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("correcting a relation");
  g_auto(Relation) relation = { 0 };
  g_autofree char *label = NULL;

  if (!read_relation (db, change->relation_id, &relation, error))
    return FALSE;
  label = describe (&relation);
  *n_relations = 1;

  switch (change->kind)
    {
    case DM_RULE_RELATION_FLIP:
      g_string_printf (summary, _("Turned “%s” around"), label);
      return dm_curation_exec (db, what, error,
                               "UPDATE relations SET source_id = target_id, target_id = source_id,"
                               " source_start = target_start, source_end = target_end,"
                               " target_start = source_start, target_end = source_end"
                               " WHERE id = ?1", "i", relation.id) &&
             dm_curation_insert_rule (tx, change->kind, relation.key, label, NULL, NULL, 1, error);

    case DM_RULE_RELATION_VERB:
      if (g_strcmp0 (relation.verb, change->verb) == 0 && relation.klass == change->klass)
        return dm_curation_invalid (error, _("“%s” has that verb and class already"), label);
      g_string_printf (summary, _("Made “%s” “%s” (%s)"), label, change->verb,
                       dm_relation_class_to_string (change->klass));
      return dm_curation_exec (db, what, error,
                               "UPDATE relations SET verb = ?2, class = ?3 WHERE id = ?1",
                               "itd", relation.id, change->verb, (int) change->klass) &&
             dm_curation_insert_rule (tx, change->kind, relation.key, label, change->verb,
                                      dm_relation_class_to_string (change->klass), 1, error);

    case DM_RULE_RELATION_NEGATED:
      if (relation.negated == change->negated)
        return dm_curation_invalid (error, change->negated ? _("“%s” is negated already")
                                                           : _("“%s” is not negated already"),
                                    label);
      g_string_printf (summary, change->negated ? _("Negated “%s”") : _("Took the negation off “%s”"),
                       label);
      return dm_curation_exec (db, what, error,
                               "UPDATE relations SET negated = ?2 WHERE id = ?1",
                               "id", relation.id, change->negated ? 1 : 0) &&
             dm_curation_insert_rule (tx, change->kind, relation.key, label,
                                      change->negated ? "true" : "false", NULL, 1, error);

    default:
      g_assert_not_reached ();
    }
}

gboolean
dm_store_flip_relation (DmStore  *self,
                        gint64    relation_id,
                        GError  **error)
{
  RelationChange change = { relation_id, DM_RULE_RELATION_FLIP, NULL, 0, FALSE };

  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "flip", change_edit, &change, error);
}

gboolean
dm_store_set_relation_verb (DmStore          *self,
                            gint64            relation_id,
                            const char       *verb,
                            DmRelationClass   klass,
                            GError          **error)
{
  g_autofree char *stripped = NULL;
  RelationChange change;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (verb != NULL, FALSE);
  g_return_val_if_fail (klass < DM_N_CLASSES, FALSE);

  stripped = g_strstrip (g_strdup (verb));
  if (stripped[0] == '\0' || strchr (stripped, '|') != NULL)
    return dm_curation_invalid (error, _("“%s” is not a verb"), verb);
  change = (RelationChange) { relation_id, DM_RULE_RELATION_VERB, stripped, klass, FALSE };
  return dm_curation_run_edit (self, "set-verb", change_edit, &change, error);
}

gboolean
dm_store_set_relation_negated (DmStore  *self,
                               gint64    relation_id,
                               gboolean  negated,
                               GError  **error)
{
  RelationChange change = { relation_id, DM_RULE_RELATION_NEGATED, NULL, 0, negated != FALSE };

  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "set-negated", change_edit, &change, error);
}

/* Adding a relation by hand */

typedef struct {
  const DmManualRelation *spec;
  gint64                  relation_id;
} Addition;

/* The first mention of @actor_id inside @sentence. */
static gboolean
mention_in_sentence (sqlite3     *db,
                     gint64       article_id,
                     gint64       actor_id,
                     DmSpan       sentence,
                     DmSpan      *span,
                     char       **name,
                     DmActorType *type,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = dm_curation_prepare (db, N_("adding a relation"), error,
                              "SELECT m.start, m.\"end\", a.name, a.type FROM actors a"
                              " LEFT JOIN mentions m ON m.actor_id = a.id AND m.article_id = ?2"
                              "   AND m.start >= ?3 AND m.\"end\" <= ?4"
                              " WHERE a.id = ?1 ORDER BY m.start IS NULL, m.start LIMIT 1",
                              "iiii", actor_id, article_id, (gint64) sentence.start,
                              (gint64) sentence.end);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *type = sqlite3_column_int (stmt, 3);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        rc = SQLITE_MISUSE;   /* the actor exists, but not in this sentence */
      else
        *span = (DmSpan) { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_ACTOR, actor_id);
  if (rc == SQLITE_MISUSE)
    return dm_curation_invalid (error, _("“%s” is not named in that sentence"), *name);
  dm_store_set_error_from_sqlite (error, db, rc, N_("adding a relation"));
  return FALSE;
}

/* Where the verb's first word is in the sentence, else the gap between the two mentions. */
static DmSpan
guess_trigger (const char *sentence,
               guint       sentence_start,
               const char *verb,
               DmSpan      source,
               DmSpan      target)
{
  g_autofree char *folded_sentence = g_utf8_casefold (sentence, -1);
  g_autofree char *folded_verb = g_utf8_casefold (verb, -1);
  char *space = strchr (folded_verb, ' ');
  const char *found;

  if (space != NULL)
    *space = '\0';
  found = strstr (folded_sentence, folded_verb);
  /* Case folding keeps code point counts for the scripts news is written in; if it did
   * not, the guess falls back to the gap. */
  if (found != NULL && g_utf8_strlen (folded_sentence, -1) == g_utf8_strlen (sentence, -1))
    {
      guint start = sentence_start + g_utf8_pointer_to_offset (folded_sentence, found);

      return (DmSpan) { start, start + g_utf8_strlen (folded_verb, -1) };
    }
  if (source.end <= target.start)
    return (DmSpan) { source.end, target.start };
  return (DmSpan) { target.end, MAX (target.end, source.start) };
}

static gboolean
add_edit (DmJournalTx  *tx,
          gpointer      data,
          GString      *summary,
          guint        *n_relations,
          GError      **error)
{
  Addition *addition = data;
  const DmManualRelation *spec = addition->spec;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("adding a relation");
  g_autofree char *sentence = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *hash = NULL;
  DmSpan source_span = { 0, 0 }, target_span = { 0, 0 }, trigger = spec->trigger;
  DmActorType source_type = 0, target_type = 0;
  sqlite3_stmt *stmt;
  guint sentence_len;
  int rc;

  stmt = dm_curation_prepare (db, what, error,
                              "SELECT substr(text, ?2 + 1, ?3 - ?2), length FROM articles"
                              " WHERE id = ?1", "iii", spec->article_id,
                              (gint64) spec->sentence.start, (gint64) spec->sentence.end);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && (guint) sqlite3_column_int (stmt, 1) >= spec->sentence.end)
    sentence = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_ARTICLE, spec->article_id);
  if (rc != SQLITE_ROW)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  if (sentence == NULL || spec->sentence.start >= spec->sentence.end)
    return dm_curation_invalid (error, _("the sentence (%u–%u) is not in the article"),
                                spec->sentence.start, spec->sentence.end);
  if (spec->source_id == spec->target_id)
    return dm_curation_invalid (error, _("a relation links two different actors"));

  if (!mention_in_sentence (db, spec->article_id, spec->source_id, spec->sentence, &source_span,
                            &source, &source_type, error) ||
      !mention_in_sentence (db, spec->article_id, spec->target_id, spec->sentence, &target_span,
                            &target, &target_type, error))
    return FALSE;

  if (trigger.start == 0 && trigger.end == 0)
    trigger = guess_trigger (sentence, spec->sentence.start, spec->verb, source_span, target_span);
  if (trigger.start < spec->sentence.start || trigger.end > spec->sentence.end ||
      trigger.start > trigger.end)
    return dm_curation_invalid (error, _("the verb's place (%u–%u) is outside the sentence"),
                                trigger.start, trigger.end);

  if (!dm_curation_exec (db, what, error,
                         "INSERT INTO relations (article_id, source_id, target_id, verb, class,"
                         " negated, sentence_start, sentence_end, trigger_start, trigger_end,"
                         " source_start, source_end, target_start, target_end)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                         "iiitddiiiiiiii", spec->article_id, spec->source_id, spec->target_id,
                         spec->verb, (int) spec->klass, spec->negated ? 1 : 0,
                         (gint64) spec->sentence.start, (gint64) spec->sentence.end,
                         (gint64) trigger.start, (gint64) trigger.end,
                         (gint64) source_span.start, (gint64) source_span.end,
                         (gint64) target_span.start, (gint64) target_span.end))
    return FALSE;
  addition->relation_id = sqlite3_last_insert_rowid (db);

  sentence_len = spec->sentence.start;
#define IN_SENTENCE(s) ((DmSpan) { (s).start - sentence_len, (s).end - sentence_len })
  detail = dm_curation_add_detail (sentence, spec->verb, IN_SENTENCE (trigger),
                                   IN_SENTENCE (source_span), IN_SENTENCE (target_span),
                                   source_type, target_type, spec->klass, spec->negated);
#undef IN_SENTENCE
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sentence, -1);
  g_string_printf (summary, spec->negated ? _("Added “%s not %s %s”") : _("Added “%s %s %s”"),
                   source, spec->verb, target);
  *n_relations = 1;
  return dm_curation_insert_rule (tx, DM_RULE_RELATION_ADD, hash, source, target, detail, 1,
                                  error);
}

gboolean
dm_store_add_relation (DmStore                *self,
                       const DmManualRelation *relation,
                       gint64                 *relation_id,
                       GError                **error)
{
  Addition addition = { relation, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (relation != NULL && relation->verb != NULL, FALSE);
  g_return_val_if_fail (relation->klass < DM_N_CLASSES, FALSE);

  if (relation->verb[0] == '\0' || strchr (relation->verb, '|') != NULL ||
      strchr (relation->verb, '\n') != NULL)
    return dm_curation_invalid (error, _("“%s” is not a verb"), relation->verb);
  if (!dm_curation_run_edit (self, "add-relation", add_edit, &addition, error))
    return FALSE;
  if (relation_id != NULL)
    *relation_id = addition.relation_id;
  return TRUE;
}

GArray *
dm_store_list_sentence_actors (DmStore  *self,
                               gint64    article_id,
                               DmSpan    sentence,
                               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  db = dm_store_lock (self);
  stmt = dm_curation_prepare (db, N_("listing a sentence's actors"), error,
                              "SELECT actor_id FROM mentions WHERE article_id = ?1"
                              " AND start >= ?2 AND \"end\" <= ?3"
                              " GROUP BY actor_id ORDER BY min(start)",
                              "iii", article_id, (gint64) sentence.start, (gint64) sentence.end);
  if (stmt == NULL)
    {
      dm_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    dm_store_set_error_from_sqlite (error, db, rc, N_("listing a sentence's actors"));
  dm_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}
