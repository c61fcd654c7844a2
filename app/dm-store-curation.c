/* dm-store-curation.c — the edits a person makes to a corpus, each journaled and kept as rules
 *
 * Every edit is one dm_journal_begin() … dm_journal_commit() transaction: the row changes
 * and the rules it leaves are saved together or not at all.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "dm-curation-private.h"

typedef struct {
  gint64       id;
  char        *name;
  char        *key;
  DmActorType  type;
} Actor;

static void
actor_clear (Actor *actor)
{
  g_clear_pointer (&actor->name, g_free);
  g_clear_pointer (&actor->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Actor, actor_clear)

gboolean
dm_curation_invalid (GError     **error,
                     const char  *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

gboolean
dm_curation_not_found (GError            **error,
                       DmCurationMissing    what,
                       gint64               id)
{
  /* %lld, not G_GINT64_FORMAT: xgettext cannot see through the macro */
  g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
               what == DM_CURATION_MISSING_ACTOR ? _("no actor %lld in the corpus")
               : what == DM_CURATION_MISSING_RELATION ? _("no relation %lld in the corpus")
               : what == DM_CURATION_MISSING_ARTICLE ? _("no article %lld in the corpus")
               : _("no rule %lld in the corpus"), (long long) id);
  return FALSE;
}

static gboolean
read_actor (sqlite3  *db,
            gint64    id,
            Actor    *actor,
            GError  **error)
{
  sqlite3_stmt *stmt = dm_curation_prepare (db, N_("reading an actor"), error,
                                            "SELECT name, key, type FROM actors WHERE id = ?1",
                                            "i", id);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      actor->id = id;
      actor->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      actor->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      actor->type = sqlite3_column_int (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_ACTOR, id);
  dm_store_set_error_from_sqlite (error, db, rc, N_("reading an actor"));
  return FALSE;
}

static gboolean
count_relations (sqlite3  *db,
                 gint64    actor_id,
                 gint64   *n,
                 GError  **error)
{
  return dm_curation_query_int (db, N_("counting relations"), n, error,
                                "SELECT count(*) FROM relations"
                                " WHERE source_id = ?1 OR target_id = ?1", "i", actor_id);
}

gboolean
dm_curation_insert_rule (DmJournalTx  *tx,
                         DmRuleKind    kind,
                         const char   *key,
                         const char   *name,
                         const char   *value,
                         const char   *detail,
                         guint         n_relations,
                         GError      **error)
{
  return dm_curation_exec (dm_journal_tx_get_db (tx), N_("saving a rule"), error,
                           "INSERT INTO rules (edit_id, kind, key, name, value, detail, made_at,"
                           " n_relations) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                           " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?7)",
                           "itttttd", dm_journal_tx_get_edit_id (tx),
                           dm_rule_kind_to_string (kind), key, name, value, detail,
                           (int) n_relations);
}

gboolean
dm_curation_run_edit (DmStore     *self,
                      const char  *kind,
                      DmEditFunc   edit,
                      gpointer     data,
                      GError     **error)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  DmJournalTx *tx;
  guint n_relations = 0;

  tx = dm_journal_begin (self, error);
  if (tx == NULL)
    return FALSE;
  if (!edit (tx, data, summary, &n_relations, error))
    {
      dm_journal_abort (tx);
      return FALSE;
    }
  return dm_journal_commit (tx, kind, summary->str, n_relations, error);
}

static const char *
person_last_key (DmActorType  type,
                 const char  *key)
{
  const char *space;

  if (type != DM_ACTOR_PERSON && type != DM_ACTOR_OFFICIAL)
    return NULL;
  space = strrchr (key, ' ');
  return space != NULL ? space + 1 : key;
}

/* Actors */

typedef struct {
  gint64        keep_id;
  const gint64 *other_ids;
  guint         n_others;
} Merge;

/* The relations of @actor_id whose source or target is named @alias in its sentence. */
static gboolean
count_alias_relations (sqlite3     *db,
                       gint64       actor_id,
                       const char  *alias,
                       gint64      *n,
                       GError     **error)
{
  return dm_curation_query_int (db, N_("counting relations"), n, error,
                                "SELECT count(*) FROM relations r WHERE"
                                " (r.source_id = ?1 AND EXISTS (SELECT 1 FROM mentions m"
                                "   WHERE m.article_id = r.article_id AND m.start = r.source_start"
                                "   AND m.actor_id = ?1 AND m.text = ?2))"
                                " OR (r.target_id = ?1 AND EXISTS (SELECT 1 FROM mentions m"
                                "   WHERE m.article_id = r.article_id AND m.start = r.target_start"
                                "   AND m.actor_id = ?1 AND m.text = ?2))", "it", actor_id, alias);
}

static gboolean
alias_rules_for (DmJournalTx  *tx,
                 const Actor  *other,
                 const Actor  *keep,
                 guint         n_relations,
                 GError      **error)
{
  sqlite3 *db = dm_journal_tx_get_db (tx);
  sqlite3_stmt *stmt;
  int rc;

  if (!dm_curation_insert_rule (tx, DM_RULE_ALIAS, other->key, other->name, keep->name, NULL,
                                n_relations, error))
    return FALSE;

  /* The other forms it was met under ("Tories"), should an extractor give one as a name;
   * each touches the relations that name it (not 0: the Corrections view said so before) */
  stmt = dm_curation_prepare (db, N_("merging actors"), error,
                              "SELECT alias, key FROM aliases WHERE actor_id = ?1"
                              " AND key != ?2 AND key != ?3 ORDER BY id",
                              "itt", other->id, other->key, keep->key);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *alias = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = 0;

      if (!count_alias_relations (db, other->id, alias, &n, error) ||
          !dm_curation_insert_rule (tx, DM_RULE_ALIAS, (const char *) sqlite3_column_text (stmt, 1),
                                    alias, keep->name, NULL, n, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("merging actors"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
merge_one (DmJournalTx  *tx,
           const Actor  *keep,
           const Actor  *other,
           guint        *n_relations,
           GError      **error)
{
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("merging actors");
  gint64 n = 0;

  if (!count_relations (db, other->id, &n, error) ||
      !alias_rules_for (tx, other, keep, n, error))
    return FALSE;
  *n_relations += n;

  return dm_curation_exec (db, what, error,
                           "INSERT OR IGNORE INTO aliases (actor_id, alias, key)"
                           " SELECT ?1, alias, key FROM aliases WHERE actor_id = ?2 AND alias != ?3"
                           " UNION ALL SELECT ?1, name, key FROM actors WHERE id = ?2 AND name != ?3",
                           "iit", keep->id, other->id, keep->name) &&
         /* an affiliation with itself ("Kremlin — Russia" merged into Russia) is none */
         dm_curation_exec (db, what, error,
                           "UPDATE actors SET"
                           " role = coalesce(role, (SELECT role FROM actors WHERE id = ?2)),"
                           " affiliation = coalesce(affiliation,"
                           "   (SELECT nullif(affiliation, ?3) FROM actors WHERE id = ?2))"
                           " WHERE id = ?1", "iit", keep->id, other->id, keep->name) &&
         dm_curation_exec (db, what, error,
                           "UPDATE actors SET affiliation = CASE WHEN id = ?3 THEN NULL ELSE ?2 END"
                           " WHERE affiliation = ?1",
                           "tti", other->name, keep->name, keep->id) &&
         dm_curation_exec (db, what, error,
                           "UPDATE mentions SET actor_id = ?1 WHERE actor_id = ?2",
                           "ii", keep->id, other->id) &&
         dm_curation_exec (db, what, error,
                           "UPDATE relations SET source_id = ?1 WHERE source_id = ?2",
                           "ii", keep->id, other->id) &&
         dm_curation_exec (db, what, error,
                           "UPDATE relations SET target_id = ?1 WHERE target_id = ?2",
                           "ii", keep->id, other->id) &&
         dm_curation_exec (db, what, error, "DELETE FROM aliases WHERE actor_id = ?1",
                           "i", other->id) &&
         dm_curation_exec (db, what, error, "DELETE FROM actors WHERE id = ?1", "i", other->id);
}

static gboolean
merge_edit (DmJournalTx  *tx,
            gpointer      data,
            GString      *summary,
            guint        *n_relations,
            GError      **error)
{
  Merge *merge = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  g_auto(Actor) keep = { 0 };

  if (!read_actor (db, merge->keep_id, &keep, error))
    return FALSE;

  for (guint i = 0; i < merge->n_others; i++)
    {
      g_auto(Actor) other = { 0 };

      if (merge->other_ids[i] == merge->keep_id)
        return dm_curation_invalid (error, _("cannot merge “%s” into itself"), keep.name);
      if (!read_actor (db, merge->other_ids[i], &other, error) ||
          !merge_one (tx, &keep, &other, n_relations, error))
        return FALSE;
      if (merge->n_others == 1)
        g_string_printf (summary, _("Merged “%s” into “%s”"), other.name, keep.name);
    }
  if (merge->n_others > 1)
    g_string_printf (summary, ngettext ("Merged %u actor into “%s”", "Merged %u actors into “%s”",
                                       merge->n_others), merge->n_others, keep.name);
  return TRUE;
}

gboolean
dm_store_merge_actors (DmStore       *self,
                       gint64         keep_id,
                       const gint64  *other_ids,
                       guint          n_others,
                       GError       **error)
{
  Merge merge = { keep_id, other_ids, n_others };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other_ids != NULL || n_others == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_others == 0)
    return dm_curation_invalid (error, _("name at least one actor to merge into the one kept"));
  return dm_curation_run_edit (self, "merge", merge_edit, &merge, error);
}

typedef struct {
  gint64       actor_id;
  const char  *name;
} Rename;

static gboolean
rename_edit (DmJournalTx  *tx,
             gpointer      data,
             GString      *summary,
             guint        *n_relations,
             GError      **error)
{
  Rename *rename = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("renaming an actor");
  g_autofree char *key = dm_store_normalize_key (rename->name);
  g_auto(Actor) actor = { 0 };
  gint64 taken = 0;
  gint64 n = 0;

  if (!read_actor (db, rename->actor_id, &actor, error))
    return FALSE;
  if (key[0] == '\0')
    return dm_curation_invalid (error, _("an actor's name cannot be empty"));
  if (!dm_curation_query_int (db, what, &taken, error,
                              "SELECT id FROM actors WHERE key = ?1 AND id != ?2",
                              "ti", key, actor.id))
    return FALSE;
  if (taken != 0)
    return dm_curation_invalid (error, _("“%s” is already another actor; merge the two instead"), rename->name);
  if (!count_relations (db, actor.id, &n, error))
    return FALSE;
  *n_relations = n;
  g_string_printf (summary, _("Renamed “%s” to “%s”"), actor.name, rename->name);

  return dm_curation_exec (db, what, error,
                           "UPDATE actors SET name = ?2, key = ?3, last_key = ?4 WHERE id = ?1",
                           "itt" "t", actor.id, rename->name, key,
                           person_last_key (actor.type, key)) &&
         dm_curation_exec (db, what, error,
                           "DELETE FROM aliases WHERE actor_id = ?1 AND alias = ?2",
                           "it", actor.id, rename->name) &&
         dm_curation_exec (db, what, error,
                           "INSERT OR IGNORE INTO aliases (actor_id, alias, key)"
                           " SELECT ?1, ?2, ?3 WHERE ?2 != ?4",
                           "ittt", actor.id, actor.name, actor.key, rename->name) &&
         dm_curation_exec (db, what, error,
                           "UPDATE actors SET affiliation = ?2 WHERE affiliation = ?1",
                           "tt", actor.name, rename->name) &&
         dm_curation_insert_rule (tx, DM_RULE_ALIAS, actor.key, actor.name, rename->name, NULL,
                                  n, error);
}

gboolean
dm_store_rename_actor (DmStore     *self,
                       gint64       actor_id,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  Rename rename;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  rename = (Rename) { actor_id, stripped };
  return dm_curation_run_edit (self, "rename", rename_edit, &rename, error);
}

/* Type, role, affiliation: one column of the actor, and a rule for the name. */
typedef struct {
  gint64       actor_id;
  DmRuleKind   kind;
  DmActorType  type;
  const char  *text;    /* role or affiliation; NULL clears */
} ActorField;

static gboolean
actor_field_edit (DmJournalTx  *tx,
                  gpointer      data,
                  GString      *summary,
                  guint        *n_relations,
                  GError      **error)
{
  ActorField *field = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("correcting an actor");
  g_auto(Actor) actor = { 0 };
  gint64 n = 0;
  gboolean ok;

  if (!read_actor (db, field->actor_id, &actor, error) ||
      !count_relations (db, actor.id, &n, error))
    return FALSE;
  *n_relations = n;

  switch (field->kind)
    {
    case DM_RULE_ACTOR_TYPE:
      g_string_printf (summary, _("Made “%s” %s"), actor.name,
                       dm_actor_type_to_label (field->type));
      ok = dm_curation_exec (db, what, error,
                             "UPDATE actors SET type = ?2, last_key = ?3 WHERE id = ?1"
                             " AND type != ?2", "idt", actor.id, (int) field->type,
                             person_last_key (field->type, actor.key)) &&
           dm_curation_insert_rule (tx, field->kind, actor.key, actor.name,
                                    dm_actor_type_to_string (field->type), NULL, n, error);
      break;

    case DM_RULE_ACTOR_ROLE:
      if (field->text != NULL)
        g_string_printf (summary, _("Gave “%s” the role “%s”"), actor.name, field->text);
      else
        g_string_printf (summary, _("Removed the role of “%s”"), actor.name);
      ok = dm_curation_exec (db, what, error,
                             "UPDATE actors SET role = ?2 WHERE id = ?1 AND role IS NOT ?2",
                             "it", actor.id, field->text) &&
           dm_curation_insert_rule (tx, field->kind, actor.key, actor.name, field->text, NULL, n,
                                    error);
      break;

    case DM_RULE_ACTOR_AFFILIATION:
      if (field->text != NULL)
        g_string_printf (summary, _("Affiliated “%s” with “%s”"), actor.name, field->text);
      else
        g_string_printf (summary, _("Removed the affiliation of “%s”"), actor.name);
      ok = dm_curation_exec (db, what, error,
                             "UPDATE actors SET affiliation = ?2 WHERE id = ?1"
                             " AND affiliation IS NOT ?2", "it", actor.id, field->text) &&
           dm_curation_insert_rule (tx, field->kind, actor.key, actor.name, field->text, NULL,
                                    n, error);
      break;

    default:
      g_assert_not_reached ();
    }

  return ok;
}

static gboolean
set_actor_field (DmStore      *self,
                 ActorField   *field,
                 const char   *kind,
                 GError      **error)
{
  g_autofree char *text = field->text != NULL ? g_strstrip (g_strdup (field->text)) : NULL;
  gint64 changed = 0;

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  field->text = text;

  /* Refuse a value the actor has already before journaling anything. */
  {
    sqlite3 *db = dm_store_lock (self);
    gboolean ok;

    switch (field->kind)
      {
      case DM_RULE_ACTOR_TYPE:
        ok = dm_curation_query_int (db, N_("correcting an actor"), &changed, error,
                                    "SELECT count(*) FROM actors WHERE id = ?1 AND type != ?2",
                                    "id", field->actor_id, (int) field->type);
        break;
      case DM_RULE_ACTOR_ROLE:
        ok = dm_curation_query_int (db, N_("correcting an actor"), &changed, error,
                                    "SELECT count(*) FROM actors WHERE id = ?1 AND role IS NOT ?2",
                                    "it", field->actor_id, text);
        break;
      default:
        ok = dm_curation_query_int (db, N_("correcting an actor"), &changed, error,
                                    "SELECT count(*) FROM actors WHERE id = ?1"
                                    " AND affiliation IS NOT ?2", "it", field->actor_id, text);
        break;
      }
    dm_store_unlock (self);
    if (!ok)
      return FALSE;
  }
  if (changed == 0)
    {
      g_autoptr(DmActorInfo) info = dm_store_get_actor (self, field->actor_id, error);

      if (info == NULL)
        return FALSE;
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING,
                   field->kind == DM_RULE_ACTOR_TYPE ? _("“%s” has that type already")
                   : field->kind == DM_RULE_ACTOR_ROLE ? _("“%s” has that role already")
                   : _("“%s” has that affiliation already"), info->name);
      return FALSE;
    }
  return dm_curation_run_edit (self, kind, actor_field_edit, field, error);
}

gboolean
dm_store_set_actor_type (DmStore      *self,
                         gint64        actor_id,
                         DmActorType   type,
                         GError      **error)
{
  ActorField field = { actor_id, DM_RULE_ACTOR_TYPE, type, NULL };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, FALSE);

  return set_actor_field (self, &field, "set-type", error);
}

gboolean
dm_store_set_actor_role (DmStore      *self,
                         gint64        actor_id,
                         const char   *role,
                         GError      **error)
{
  ActorField field = { actor_id, DM_RULE_ACTOR_ROLE, 0, role };

  g_return_val_if_fail (self != NULL, FALSE);

  return set_actor_field (self, &field, "set-role", error);
}

gboolean
dm_store_set_actor_affiliation (DmStore     *self,
                                gint64       actor_id,
                                const char  *affiliation,
                                GError     **error)
{
  ActorField field = { actor_id, DM_RULE_ACTOR_AFFILIATION, 0, affiliation };

  g_return_val_if_fail (self != NULL, FALSE);

  return set_actor_field (self, &field, "set-affiliation", error);
}

typedef struct {
  gint64       actor_id;
  const char  *alias;
  gint64       new_actor_id;
} Split;

/* Moves the mentions of @from written @alias_key, and the relations they are evidence of. */
static gboolean
move_alias_mentions (sqlite3     *db,
                     gint64       from,
                     gint64       to,
                     const char  *alias_key,
                     guint       *n_relations,
                     GError     **error)
{
  const char *what = N_("splitting an alias off");
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = dm_curation_prepare (db, what, error,
                              "SELECT id, text FROM mentions WHERE actor_id = ?1", "i", from);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = dm_store_normalize_key ((const char *) sqlite3_column_text (stmt, 1));

      if (strcmp (key, alias_key) == 0)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (moved, id);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }

  for (guint i = 0; i < moved->len; i++)
    {
      gint64 mention = g_array_index (moved, gint64, i);

      if (!dm_curation_exec (db, what, error,
                             "UPDATE relations SET source_id = ?2 WHERE source_id = ?1"
                             " AND EXISTS (SELECT 1 FROM mentions m WHERE m.id = ?3"
                             "   AND m.article_id = relations.article_id"
                             "   AND m.start = relations.source_start AND m.\"end\" = relations.source_end)",
                             "iii", from, to, mention))
        return FALSE;
      *n_relations += sqlite3_changes (db);
      if (!dm_curation_exec (db, what, error,
                             "UPDATE relations SET target_id = ?2 WHERE target_id = ?1"
                             " AND EXISTS (SELECT 1 FROM mentions m WHERE m.id = ?3"
                             "   AND m.article_id = relations.article_id"
                             "   AND m.start = relations.target_start AND m.\"end\" = relations.target_end)",
                             "iii", from, to, mention))
        return FALSE;
      *n_relations += sqlite3_changes (db);
      if (!dm_curation_exec (db, what, error, "UPDATE mentions SET actor_id = ?2 WHERE id = ?1",
                             "ii", mention, to))
        return FALSE;
    }
  return TRUE;
}

static gboolean
split_edit (DmJournalTx  *tx,
            gpointer      data,
            GString      *summary,
            guint        *n_relations,
            GError      **error)
{
  Split *split = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("splitting an alias off");
  g_autofree char *alias_key = dm_store_normalize_key (split->alias);
  g_auto(Actor) actor = { 0 };
  gint64 has_alias = 0;

  if (!read_actor (db, split->actor_id, &actor, error))
    return FALSE;
  if (strcmp (alias_key, actor.key) == 0)
    return dm_curation_invalid (error, _("“%s” is the actor's own name, not an alias"), split->alias);
  if (!dm_curation_query_int (db, what, &has_alias, error,
                              "SELECT count(*) FROM aliases WHERE actor_id = ?1 AND key = ?2",
                              "it", actor.id, alias_key))
    return FALSE;
  if (has_alias == 0)
    return dm_curation_invalid (error, _("“%s” is not an alias of “%s”"), split->alias, actor.name);

  /* The alias becomes an actor again, or joins the actor of that name if there is one */
  if (!dm_curation_query_int (db, what, &split->new_actor_id, error,
                              "SELECT id FROM actors WHERE key = ?1", "t", alias_key))
    return FALSE;
  if (split->new_actor_id == 0)
    {
      if (!dm_curation_exec (db, what, error,
                             "INSERT INTO actors (name, key, last_key, type) VALUES (?1, ?2, ?3, ?4)",
                             "tttd", split->alias, alias_key,
                             person_last_key (actor.type, alias_key), (int) actor.type))
        return FALSE;
      split->new_actor_id = sqlite3_last_insert_rowid (db);
    }
  g_string_printf (summary, _("Split “%s” off “%s”"), split->alias, actor.name);

  return move_alias_mentions (db, actor.id, split->new_actor_id, alias_key, n_relations, error) &&
         dm_curation_exec (db, what, error, "DELETE FROM aliases WHERE actor_id = ?1 AND key = ?2",
                           "it", actor.id, alias_key) &&
         dm_curation_insert_rule (tx, DM_RULE_SPLIT, alias_key, split->alias, actor.name, NULL,
                                  *n_relations, error);
}

gboolean
dm_store_split_alias (DmStore      *self,
                      gint64        actor_id,
                      const char   *alias,
                      gint64       *new_actor_id,
                      GError      **error)
{
  Split split = { actor_id, alias, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (!dm_curation_run_edit (self, "split", split_edit, &split, error))
    return FALSE;
  if (new_actor_id != NULL)
    *new_actor_id = split.new_actor_id;
  return TRUE;
}

/* Removes an actor with everything that names it: "not an actor", and actors that a deleted
 * article was the last to mention. */
static gboolean
remove_actor (sqlite3  *db,
              gint64    actor_id,
              GError  **error)
{
  const char *what = N_("removing an actor");

  return dm_curation_exec (db, what, error,
                           "DELETE FROM relations WHERE source_id = ?1 OR target_id = ?1",
                           "i", actor_id) &&
         dm_curation_exec (db, what, error, "DELETE FROM mentions WHERE actor_id = ?1",
                           "i", actor_id) &&
         dm_curation_exec (db, what, error, "DELETE FROM aliases WHERE actor_id = ?1",
                           "i", actor_id) &&
         dm_curation_exec (db, what, error, "DELETE FROM actors WHERE id = ?1", "i", actor_id);
}

static gboolean
not_actor_edit (DmJournalTx  *tx,
                gpointer      data,
                GString      *summary,
                guint        *n_relations,
                GError      **error)
{
  gint64 actor_id = *(gint64 *) data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  g_auto(Actor) actor = { 0 };
  gint64 n = 0;

  if (!read_actor (db, actor_id, &actor, error) || !count_relations (db, actor_id, &n, error))
    return FALSE;
  *n_relations = n;
  g_string_printf (summary, _("Marked “%s” as not an actor"), actor.name);
  return remove_actor (db, actor_id, error) &&
         dm_curation_insert_rule (tx, DM_RULE_NOT_ACTOR, actor.key, actor.name, NULL, NULL, n,
                                  error);
}

gboolean
dm_store_mark_not_actor (DmStore  *self,
                         gint64    actor_id,
                         GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "not-actor", not_actor_edit, &actor_id, error);
}

/* Articles */

static gboolean
delete_article_edit (DmJournalTx  *tx,
                     gpointer      data,
                     GString      *summary,
                     guint        *n_relations,
                     GError      **error)
{
  gint64 article_id = *(gint64 *) data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("removing an article");
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 n = 0;
  int rc;

  stmt = dm_curation_prepare (db, what, error,
                              "SELECT coalesce(title, origin),"
                              " (SELECT count(*) FROM relations WHERE article_id = ?1)"
                              " FROM articles WHERE id = ?1", "i", article_id);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      n = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_ARTICLE, article_id);
  if (rc != SQLITE_ROW)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  *n_relations = n;
  g_string_printf (summary, _("Removed the article “%s”"), label);

  stmt = dm_curation_prepare (db, what, error,
                              "SELECT DISTINCT actor_id FROM mentions WHERE article_id = ?1",
                              "i", article_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (actors, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }

  if (!dm_curation_exec (db, what, error, "DELETE FROM relations WHERE article_id = ?1",
                         "i", article_id) ||
      !dm_curation_exec (db, what, error, "DELETE FROM mentions WHERE article_id = ?1",
                         "i", article_id) ||
      !dm_curation_exec (db, what, error, "DELETE FROM articles WHERE id = ?1", "i", article_id))
    return FALSE;

  /* Actors no other article names go with it. */
  for (guint i = 0; i < actors->len; i++)
    {
      gint64 actor_id = g_array_index (actors, gint64, i);
      gint64 n_left = 0;

      if (!dm_curation_query_int (db, what, &n_left, error,
                                  "SELECT count(*) FROM mentions WHERE actor_id = ?1",
                                  "i", actor_id))
        return FALSE;
      if (n_left == 0 && !remove_actor (db, actor_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dm_store_delete_article (DmStore  *self,
                         gint64    article_id,
                         GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, "delete-article", delete_article_edit, &article_id, error);
}

typedef struct {
  gint64       article_id;
  const char  *date;
} ArticleDate;

static gboolean
article_date_edit (DmJournalTx  *tx,
                   gpointer      data,
                   GString      *summary,
                   guint        *n_relations,
                   GError      **error)
{
  ArticleDate *change = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("dating an article");
  g_autofree char *hash = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old_date = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = dm_curation_prepare (db, what, error,
                              "SELECT hash, coalesce(title, origin), date,"
                              " (SELECT count(*) FROM relations WHERE article_id = ?1)"
                              " FROM articles WHERE id = ?1", "i", change->article_id);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      old_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *n_relations = sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return dm_curation_not_found (error, DM_CURATION_MISSING_ARTICLE, change->article_id);
  if (rc != SQLITE_ROW)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  if (g_strcmp0 (old_date, change->date) == 0)
    {
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING,
                   _("“%s” has that date already"), label);
      return FALSE;
    }

  if (change->date != NULL)
    g_string_printf (summary, _("Dated “%s” %s"), label, change->date);
  else
    g_string_printf (summary, _("Removed the date of “%s”"), label);
  return dm_curation_exec (db, what, error, "UPDATE articles SET date = ?2 WHERE id = ?1",
                           "it", change->article_id, change->date) &&
         dm_curation_insert_rule (tx, DM_RULE_ARTICLE_DATE, hash, label, change->date, NULL,
                                  *n_relations, error);
}

gboolean
dm_store_set_article_date (DmStore     *self,
                           gint64       article_id,
                           const char  *date,
                           GError     **error)
{
  ArticleDate change = { article_id, date };
  int year, month, day;
  char end;

  g_return_val_if_fail (self != NULL, FALSE);

  if (date != NULL && date[0] == '\0')
    change.date = NULL;
  if (change.date != NULL &&
      (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
       year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
       !g_date_valid_dmy (day, month, year)))
    return dm_curation_invalid (error, _("“%s” is not a date of the form YYYY-MM-DD"), date);

  return dm_curation_run_edit (self, "set-date", article_date_edit, &change, error);
}

/* Rules on and off */

typedef struct {
  gint64    rule_id;
  gboolean  enabled;
} RuleSwitch;

static gboolean
rule_switch_edit (DmJournalTx  *tx,
                  gpointer      data,
                  GString      *summary,
                  guint        *n_relations,
                  GError      **error)
{
  RuleSwitch *change = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  gint64 exists = 0;

  if (!dm_curation_query_int (db, N_("switching a rule"), &exists, error,
                              "SELECT count(*) FROM rules WHERE id = ?1", "i", change->rule_id))
    return FALSE;
  if (exists == 0)
    return dm_curation_not_found (error, DM_CURATION_MISSING_RULE, change->rule_id);
  g_string_printf (summary, change->enabled ? _("Switched rule %lld on") : _("Switched rule %lld off"),
                   (long long) change->rule_id);
  return dm_curation_exec (db, N_("switching a rule"), error,
                           "UPDATE rules SET enabled = ?2 WHERE id = ?1",
                           "id", change->rule_id, change->enabled ? 1 : 0);
}

gboolean
dm_store_set_rule_enabled (DmStore   *self,
                           gint64     rule_id,
                           gboolean   enabled,
                           GError   **error)
{
  RuleSwitch change = { rule_id, enabled };

  g_return_val_if_fail (self != NULL, FALSE);

  return dm_curation_run_edit (self, enabled ? "rule-on" : "rule-off", rule_switch_edit, &change, error);
}
