/* dm-store-journal.c — the corpus's journal of edits: each edit's row changes, undo and redo
 *
 * An edit runs in one write transaction while a SQLite session records every row it changes
 * in the corpus tables (articles, actors, aliases, mentions, relations, rules): also rows
 * that ON DELETE CASCADE removes. The changeset is stored with the edit in the same
 * transaction; undo applies its inverse, redo applies it again, each in one transaction with
 * the journal's own bookkeeping. Ids are never reused (AUTOINCREMENT, schema 2), so an undone
 * deletion brings rows back under the ids other rows and rules know them by.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

/* Debian's libsqlite3 has the session extension; its declarations are behind these. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <string.h>

#include "dm-curation-private.h"
#include "dm-store-private.h"

/* The tables an edit may change; the journal's own tables (edits, curation_state) and the
 * layout cache are not recorded. */
static const char * const journaled_tables[] = {
  "articles", "actors", "aliases", "mentions", "relations", "rules",
};

struct _DmJournalTx
{
  DmStore         *store;
  sqlite3         *db;
  sqlite3_session *session;
  gint64           edit_id;
};

G_DEFINE_QUARK (dm-curation-error-quark, dm_curation_error)

/* Edits */

static void
end_transaction (sqlite3 *db)
{
  /* SQLite may already have rolled back on its own (disk full, I/O error). */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static void
journal_tx_free (DmJournalTx *tx)
{
  if (tx->session != NULL)
    sqlite3session_delete (tx->session);
  dm_store_unlock (tx->store);
  g_free (tx);
}

void
dm_journal_abort (DmJournalTx *tx)
{
  if (tx == NULL)
    return;
  end_transaction (tx->db);
  journal_tx_free (tx);
}

DmJournalTx *
dm_journal_begin (DmStore  *self,
                  GError  **error)
{
  DmJournalTx *tx = g_new0 (DmJournalTx, 1);
  int rc;

  tx->store = self;
  tx->db = dm_store_lock (self);

  rc = sqlite3_exec (tx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dm_curation_failed (tx->db, rc, N_("starting an edit"), error);
      journal_tx_free (tx);
      return NULL;
    }

  /* A new edit forgets the edits that were undone: they can no longer be redone. The edit's
   * own row comes first, so that the rules it makes can name it. */
  if (!dm_curation_exec (tx->db, N_("starting an edit"), error,
                         "DELETE FROM edits WHERE undone = 1", NULL) ||
      !dm_curation_exec (tx->db, N_("starting an edit"), error,
                         "INSERT INTO edits (kind, summary, n_relations, changeset, made_at)"
                         " VALUES ('', '', 0, x'', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                         NULL))
    {
      dm_journal_abort (tx);
      return NULL;
    }
  tx->edit_id = sqlite3_last_insert_rowid (tx->db);

  rc = sqlite3session_create (tx->db, "main", &tx->session);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (journaled_tables); i++)
    rc = sqlite3session_attach (tx->session, journaled_tables[i]);
  if (rc != SQLITE_OK)
    {
      dm_curation_failed (tx->db, rc, N_("recording an edit"), error);
      dm_journal_abort (tx);
      return NULL;
    }
  return tx;
}

sqlite3 *
dm_journal_tx_get_db (DmJournalTx *tx)
{
  return tx->db;
}

gint64
dm_journal_tx_get_edit_id (DmJournalTx *tx)
{
  return tx->edit_id;
}

static gboolean
bump_generation (sqlite3  *db,
                 GError  **error)
{
  return dm_curation_exec (db, N_("saving an edit"), error,
                           "UPDATE curation_state SET generation = generation + 1", NULL);
}

gboolean
dm_journal_commit (DmJournalTx  *tx,
                   const char   *kind,
                   const char   *summary,
                   guint         n_relations,
                   GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  void *changeset = NULL;
  int n_bytes = 0;
  int rc;

  rc = sqlite3session_changeset (tx->session, &n_bytes, &changeset);
  if (rc != SQLITE_OK)
    {
      dm_curation_failed (tx->db, rc, N_("recording an edit"), error);
      dm_journal_abort (tx);
      return FALSE;
    }
  if (n_bytes == 0)
    {
      sqlite3_free (changeset);
      /* Translators: %s is the edit, as in the Corrections window ("Renamed “A” to “B”") */
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING,
                   _("%s: nothing to change"), summary);
      dm_journal_abort (tx);
      return FALSE;
    }

  if (!dm_store_view_recount_changes (tx->db, changeset, n_bytes, error))
    {
      sqlite3_free (changeset);
      dm_journal_abort (tx);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (tx->db,
                           "UPDATE edits SET kind = ?2, summary = ?3, n_relations = ?4,"
                           " changeset = ?5 WHERE id = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, tx->edit_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, n_relations);
      sqlite3_bind_blob (stmt, 5, changeset, n_bytes, sqlite3_free);
      changeset = NULL;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_free (changeset);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    dm_curation_failed (tx->db, rc, N_("saving an edit"), error);
  else if (bump_generation (tx->db, error) &&
           (rc = sqlite3_exec (tx->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    dm_curation_failed (tx->db, rc, N_("saving an edit"), error);

  if (rc != SQLITE_OK || !sqlite3_get_autocommit (tx->db))
    {
      dm_journal_abort (tx);
      return FALSE;
    }
  journal_tx_free (tx);
  return TRUE;
}

/* Undo and redo */

void
dm_edit_info_free (DmEditInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->summary);
  g_free (info->made_at);
  g_free (info);
}

#define EDIT_COLUMNS "id, kind, summary, made_at, n_relations, undone"

static DmEditInfo *
edit_info_from_row (sqlite3_stmt *stmt)
{
  DmEditInfo *info = g_new0 (DmEditInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->summary = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  info->made_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  info->n_relations = sqlite3_column_int (stmt, 4);
  info->undone = sqlite3_column_int (stmt, 5) != 0;
  return info;
}

/* Reads the next edit to undo (@undo) or redo, with its changeset; *@info NULL: none. */
static gboolean
next_edit (sqlite3     *db,
           gboolean     undo,
           DmEditInfo **info,
           GBytes     **changeset,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *info = NULL;
  stmt = dm_curation_prepare (db, N_("reading the journal"), error,
                              undo ? "SELECT " EDIT_COLUMNS ", changeset FROM edits"
                                     " WHERE undone = 0 AND kind != '' ORDER BY id DESC LIMIT 1"
                                   : "SELECT " EDIT_COLUMNS ", changeset FROM edits"
                                     " WHERE undone = 1 ORDER BY id LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *info = edit_info_from_row (stmt);
      if (changeset != NULL)
        *changeset = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || dm_curation_failed (db, rc, N_("reading the journal"), error);
}

typedef struct {
  const char *table;
  int         conflict;
} ConflictReport;

/* Rows an import added or changed since the edit are left as they are; rows the edit's
 * inverse finds gone already stay gone. A unique name or a reference that no longer fits
 * stops the undo. */
static int
on_conflict (void                   *data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  ConflictReport *report = data;
  int n_columns, op, indirect;

  switch (conflict)
    {
    case SQLITE_CHANGESET_NOTFOUND:
    case SQLITE_CHANGESET_CONFLICT:
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_DATA:
      return SQLITE_CHANGESET_REPLACE;

    default:
      report->conflict = conflict;
      if (iter != NULL)
        sqlite3changeset_op (iter, &report->table, &n_columns, &op, &indirect);
      return SQLITE_CHANGESET_ABORT;
    }
}

/* The corpus's references, for checking what a changeset touched. */
static const struct {
  const char *child;
  int         column;       /* in the child's changeset rows */
  const char *column_name;
  const char *parent;
} references[] = {
  { "mentions", 1, "article_id", "articles" },
  { "mentions", 2, "actor_id", "actors" },
  { "relations", 1, "article_id", "articles" },
  { "relations", 2, "source_id", "actors" },
  { "relations", 3, "target_id", "actors" },
  { "aliases", 1, "actor_id", "actors" },
};

static gboolean
count_rows (sqlite3      *db,
            const char   *table,
            const char   *column,
            gint64        id,
            gint64       *n,
            GError      **error)
{
  /* the names come from references[] above, never from the changeset's text */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", table, column);

  return dm_curation_query_int (db, N_("checking the corpus"), n, error, sql, "i", id);
}

/* Whether every reference the applied changeset made or removed still holds: rows it
 * inserted or re-pointed refer to rows that exist, rows it deleted are referred to by none.
 * (PRAGMA foreign_key_check would read the whole corpus.) *@dangling names the first table
 * with a broken reference, NULL when all hold. */
static gboolean
changeset_references_hold (sqlite3      *db,
                           const void   *changeset,
                           int           n_bytes,
                           char        **dangling,
                           GError      **error)
{
  sqlite3_changeset_iter *iter = NULL;
  gboolean ok = TRUE;
  int rc;

  *dangling = NULL;
  rc = sqlite3changeset_start (&iter, n_bytes, (void *) changeset);
  while (rc == SQLITE_OK && ok && *dangling == NULL &&
         (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;

      rc = sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      for (guint i = 0; rc == SQLITE_OK && ok && *dangling == NULL && i < G_N_ELEMENTS (references); i++)
        {
          sqlite3_value *value = NULL;
          gint64 n = 1;

          if (op != SQLITE_DELETE && strcmp (table, references[i].child) == 0)
            {
              rc = sqlite3changeset_new (iter, references[i].column, &value);
              if (rc == SQLITE_OK && value != NULL)
                ok = count_rows (db, references[i].parent, "id", sqlite3_value_int64 (value), &n,
                                 error);
              if (ok && n == 0)
                *dangling = g_strdup (references[i].child);
            }
          else if (op == SQLITE_DELETE && strcmp (table, references[i].parent) == 0)
            {
              rc = sqlite3changeset_old (iter, 0, &value);
              if (rc == SQLITE_OK && value != NULL)
                ok = count_rows (db, references[i].child, references[i].column_name,
                                 sqlite3_value_int64 (value), &n, error);
              if (ok && n > 0)
                *dangling = g_strdup (references[i].child);
              n = 1;
            }
        }
    }
  sqlite3changeset_finalize (iter);
  if (rc != SQLITE_OK && rc != SQLITE_DONE && ok)
    ok = dm_curation_failed (db, rc, N_("checking the corpus"), error);
  return ok;
}

static gboolean
replay (DmStore     *self,
        gboolean     undo,
        DmEditInfo **edit,
        GError     **error)
{
  g_autoptr(DmEditInfo) info = NULL;
  g_autoptr(GBytes) changeset = NULL;
  ConflictReport report = { NULL, 0 };
  g_autofree char *dangling = NULL;
  void *inverse = NULL;
  int n_inverse = 0;
  void *applied = NULL;
  int n_applied = 0;
  sqlite3 *db;
  int rc;

  db = dm_store_lock (self);

  /* A changeset lists an edit's row changes table by table, not in the order they were
   * made: replayed with foreign keys on, deleting a merged actor before its mentions are
   * moved back would cascade them away. So references are checked once, at the end, and
   * the pragma only changes between transactions. */
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dm_curation_failed (db, rc, undo ? N_("undoing an edit") : N_("redoing an edit"), error);
      goto fail;
    }
  if (!next_edit (db, undo, &info, &changeset, error))
    goto fail;
  if (info == NULL)
    {
      g_set_error_literal (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING,
                           undo ? _("there is no edit to undo") : _("there is no edit to redo"));
      goto fail;
    }

  if (undo)
    {
      rc = sqlite3changeset_invert (g_bytes_get_size (changeset), g_bytes_get_data (changeset, NULL),
                                    &n_inverse, &inverse);
      applied = inverse;
      n_applied = n_inverse;
    }
  else
    {
      rc = SQLITE_OK;
      applied = (void *) g_bytes_get_data (changeset, NULL);
      n_applied = g_bytes_get_size (changeset);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_apply (db, n_applied, applied, NULL, on_conflict, &report);
  if (rc != SQLITE_OK)
    {
      if (report.conflict != 0)
        g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_CONFLICT,
                     report.conflict != SQLITE_CHANGESET_FOREIGN_KEY
                     ? (undo ? _("cannot undo “%s”: the corpus changed since in a way that "
                                 "conflicts with it (a unique name of the %s table)")
                             : _("cannot redo “%s”: the corpus changed since in a way that "
                                 "conflicts with it (a unique name of the %s table)"))
                     : (undo ? _("cannot undo “%s”: the corpus changed since in a way that "
                                 "conflicts with it (a reference of the %s table)")
                             : _("cannot redo “%s”: the corpus changed since in a way that "
                                 "conflicts with it (a reference of the %s table)")),
                     info->summary, report.table != NULL ? report.table : "corpus");
      else
        dm_curation_failed (db, rc, undo ? N_("undoing an edit") : N_("redoing an edit"), error);
      goto fail;
    }

  if (!changeset_references_hold (db, applied, n_applied, &dangling, error))
    goto fail;
  if (dangling != NULL)
    {
      g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_CONFLICT,
                   undo ? _("cannot undo “%s”: articles imported since refer to what it would "
                            "remove (%s)")
                        : _("cannot redo “%s”: articles imported since refer to what it would "
                            "remove (%s)"), info->summary, dangling);
      goto fail;
    }

  if (!dm_curation_exec (db, N_("saving the journal"), error,
                         "UPDATE edits SET undone = ?2 WHERE id = ?1", "id", info->id, undo ? 1 : 0) ||
      !dm_store_view_recount_changes (db, applied, n_applied, error) ||
      !bump_generation (db, error))
    goto fail;
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dm_curation_failed (db, rc, N_("saving the journal"), error);
      goto fail;
    }
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  dm_store_unlock (self);
  sqlite3_free (inverse);

  info->undone = undo;
  if (edit != NULL)
    *edit = g_steal_pointer (&info);
  return TRUE;

fail:
  end_transaction (db);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  dm_store_unlock (self);
  sqlite3_free (inverse);
  return FALSE;
}

gboolean
dm_store_undo (DmStore     *self,
               DmEditInfo **edit,
               GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replay (self, TRUE, edit, error);
}

gboolean
dm_store_redo (DmStore     *self,
               DmEditInfo **edit,
               GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replay (self, FALSE, edit, error);
}

gboolean
dm_store_get_undo_state (DmStore     *self,
                         DmEditInfo **next_undo,
                         DmEditInfo **next_redo,
                         GError     **error)
{
  g_autoptr(DmEditInfo) undo = NULL;
  g_autoptr(DmEditInfo) redo = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  db = dm_store_lock (self);
  ok = next_edit (db, TRUE, &undo, NULL, error) && next_edit (db, FALSE, &redo, NULL, error);
  dm_store_unlock (self);
  if (!ok)
    return FALSE;
  if (next_undo != NULL)
    *next_undo = g_steal_pointer (&undo);
  if (next_redo != NULL)
    *next_redo = g_steal_pointer (&redo);
  return TRUE;
}

GPtrArray *
dm_store_list_edits (DmStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_edit_info_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  db = dm_store_lock (self);
  stmt = dm_curation_prepare (db, N_("reading the journal"), error,
                              "SELECT " EDIT_COLUMNS " FROM edits WHERE kind != '' ORDER BY id",
                              NULL);
  if (stmt == NULL)
    {
      dm_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (edits, edit_info_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    dm_curation_failed (db, rc, N_("reading the journal"), error);
  dm_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&edits) : NULL;
}
