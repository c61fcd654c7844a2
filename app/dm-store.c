/* dm-store.c — the corpus: opening and closing it, its prepared statements and transactions
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is four files by job: this one (the connection), dm-store-schema.c (the checks
 * made before opening, and migrations), dm-store-read.c (the queries) and dm-store-write.c
 * (adding analyses, the layout cache); dm-store-error.c words their errors.
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-store-private.h"

/* How long a write waits for another program holding the corpus before giving up. */
#define BUSY_TIMEOUT_MS 5000

static const char * const transaction_sql[] = {
  [DM_STORE_STMT_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
  [DM_STORE_STMT_COMMIT] = "COMMIT",
  [DM_STORE_STMT_ROLLBACK] = "ROLLBACK",
};

DmStoreStmt *
dm_store_get_stmt (DmStore       *self,
                   DmStoreStmtId  id,
                   const char    *sql,
                   GError       **error)
{
  g_assert (id < DM_STORE_N_STMTS);
  g_assert (sql != NULL);

  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);

      if (rc != SQLITE_OK)
        {
          dm_store_set_error_from_sqlite (error, self->db, rc, N_("preparing a query"));
          return NULL;
        }
    }
  return self->stmts[id];
}

gboolean
dm_store_fail (DmStore     *self,
               int          rc,
               const char  *what,
               GError     **error)
{
  dm_store_set_error_from_sqlite (error, self->db, rc, what);
  return FALSE;
}

gboolean
dm_store_step_done (DmStore      *self,
                    sqlite3_stmt *stmt,
                    const char   *what,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return dm_store_fail (self, rc, what, error);
  return TRUE;
}

gboolean
dm_store_step_optional_row (DmStore      *self,
                            sqlite3_stmt *stmt,
                            gboolean     *found,
                            const char   *what,
                            GError      **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dm_store_fail (self, rc, what, error);
  return TRUE;
}

static gboolean
run_transaction_stmt (DmStore        *self,
                      DmStoreStmtId   id,
                      const char     *what,
                      GError        **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, id, transaction_sql[id], error);

  return stmt != NULL && dm_store_step_done (self, stmt, what, error);
}

gboolean
dm_store_begin (DmStore  *self,
                GError  **error)
{
  dm_store_settle_batch (self);
  return run_transaction_stmt (self, DM_STORE_STMT_BEGIN_IMMEDIATE, N_("starting a transaction"),
                               error);
}

gboolean
dm_store_commit (DmStore     *self,
                 const char  *what,
                 GError     **error)
{
  return run_transaction_stmt (self, DM_STORE_STMT_COMMIT, what, error);
}

void
dm_store_rollback (DmStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    run_transaction_stmt (self, DM_STORE_STMT_ROLLBACK, N_("rolling back"), NULL);
}

/* Batches (dm-store-batch.c): their transaction ends here, where every other write begins,
 * so that dm_store_begin() can commit an open batch first. */

/* The transaction the batch had open is gone with its articles: remember it for the caller. */
void
dm_store_batch_lost (DmStore     *self,
                     const char  *reason)
{
  if (self->batch_lost != NULL || self->batch_pending == 0)
    return;
  self->batch_lost = g_error_new (DM_STORE_ERROR, DM_STORE_ERROR_ROLLED_BACK,
                                  ngettext ("the last %u article added was undone (%s); run "
                                            "the import again to add it",
                                            "the last %u articles added were undone (%s); run "
                                            "the import again to add them",
                                            self->batch_pending),
                                  self->batch_pending, reason);
}

gboolean
dm_store_take_batch_lost (DmStore  *self,
                          GError  **error)
{
  if (self->batch_lost == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&self->batch_lost));
  return FALSE;
}

gboolean
dm_store_commit_batch (DmStore  *self,
                       GError  **error)
{
  GError *local_error = NULL;

  if (sqlite3_get_autocommit (self->db))
    return TRUE;
  if (!dm_store_commit (self, N_("saving the articles"), &local_error))
    {
      dm_store_rollback (self);
      dm_store_batch_lost (self, local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  self->batch_pending = 0;
  return TRUE;
}

void
dm_store_settle_batch (DmStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->batch_max > 0 && !dm_store_commit_batch (self, &error))
    g_warning ("%s", error->message);
}

void
dm_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
dm_store_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
dm_store_hash_text (const char *text,
                    gssize      len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                      len < 0 ? strlen (text) : (gsize) len);
}

/* Opening and closing */

/* Switching a new corpus to WAL takes an exclusive lock. When two programs create the corpus
 * at once, each holds a shared lock, and SQLite answers SQLITE_BUSY at once instead of
 * calling the busy handler (it cannot tell that wait from a deadlock): wait here as the busy
 * timeout would. */
static int
exec_waiting (sqlite3     *db,
              const char  *sql)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * (gint64) 1000;
  int rc;

  while ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK &&
         (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < deadline)
    g_usleep (g_random_int_range (5, 25) * 1000);
  return rc;
}

static DmStore *
open_connection (const char  *path,
                 gboolean     is_new,
                 GError     **error)
{
  g_autoptr(DmStore) self = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int version = 0;
  int rc;

  self = g_new0 (DmStore, 1);
  g_mutex_init (&self->mutex);
  self->path = g_strdup (path);

  if (is_new)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN, _("cannot open the corpus: %s"),
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Closing the last connection folds the WAL into the file: a file refused below must be
   * closed without that write. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* Everything up to here only read the file; from now on it is known to be ours. */
  if (!dm_store_schema_check_db (self->db, path, &version, error))
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      if (version < dm_store_schema_latest_version ())
        {
          g_set_error_literal (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN,
                               _("the corpus is read-only and needs upgrading to this version "
                                 "of Dramatis"));
          return NULL;
        }
    }
  else
    {
      /* WAL keeps readers and the writer apart and makes one transaction per article cheap;
       * a file system without shared memory keeps the rollback journal, which also works. */
      rc = exec_waiting (self->db, "PRAGMA journal_mode = WAL");
      if (rc != SQLITE_OK)
        {
          dm_store_set_error_from_sqlite (error, self->db, rc, N_("opening the corpus"));
          return NULL;
        }
    }

  /* An article added to a corpus of 1,000 dirties some 50 pages (each actor's index entries
   * sit on leaves of their own), so the default checkpoint every 1000 pages would run every
   * 20 articles of an import; every 4000 pages (a WAL of 16 MiB at most, emptied on close)
   * costs a quarter of that. */
  rc = exec_waiting (self->db,
                     "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                     " PRAGMA wal_autocheckpoint = 4000;");
  if (rc != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, self->db, rc, N_("opening the corpus"));
      return NULL;
    }

  if (!dm_store_schema_migrate (self->db, version, error))
    return NULL;

  self->ready = TRUE;
  return g_steal_pointer (&self);
}

DmStore *
dm_store_open (const char  *path,
               GError     **error)
{
  gboolean is_new = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dm_store_schema_check_file (path, &is_new, error))
    return NULL;

  return open_connection (path, is_new, error);
}

void
dm_store_free (DmStore *self)
{
  if (self == NULL)
    return;

  /* a batch left open keeps what it holds */
  if (self->db != NULL)
    dm_store_settle_batch (self);
  g_clear_error (&self->batch_lost);
  /* its statements are finalised before the connection closes */
  g_clear_pointer (&self->curation, dm_curation_cache_free);
  if (self->db != NULL)
    {
      for (guint i = 0; i < DM_STORE_N_STMTS; i++)
        g_clear_pointer (&self->stmts[i], sqlite3_finalize);

      /* Fold the WAL into the main file so that a copied .dramatis file is complete. When
       * another program has the corpus open, it does that when it closes: don't wait. */
      if (self->ready && sqlite3_db_readonly (self->db, "main") == 0)
        {
          sqlite3_busy_timeout (self->db, 0);
          sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
          sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
          sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
        }
      sqlite3_close (self->db);
    }

  g_mutex_clear (&self->mutex);
  g_free (self->path);
  g_free (self);
}

const char *
dm_store_get_path (DmStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/* For the curation files (dm-store-private.h) */

sqlite3 *
dm_store_lock (DmStore *self)
{
  g_mutex_lock (&self->mutex);
  dm_store_settle_batch (self);
  return self->db;
}

void
dm_store_unlock (DmStore *self)
{
  g_mutex_unlock (&self->mutex);
}

DmCurationCache **
dm_store_get_curation_cache (DmStore *self)
{
  return &self->curation;
}
