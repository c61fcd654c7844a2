/* dm-store-batch.c — many articles in one transaction, each of them whole or not at all
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction per article costs more than the article: each commit writes every page it
 * touched to the WAL again, and an article touches some 190 (its rows, the indices, the
 * views' aggregates). A batch keeps one transaction open over up to N articles (or a few
 * seconds of them) and gives each article a savepoint inside it, so that
 *   - an article the corpus refuses is undone alone, the batch goes on;
 *   - a commit holds whole articles only, so a kill loses the uncommitted batch and nothing
 *     else: the next run finds the committed articles by their hash and redoes the rest;
 *   - any other write to the store (an edit, the rules, a layout) first commits the batch,
 *     so it never runs inside the batch's transaction or is undone with it.
 * If SQLite undoes the whole transaction itself (an I/O error, out of memory), the articles
 * the caller was told were added are gone: the next batched add, or the end of the batch,
 * says so with DM_STORE_ERROR_ROLLED_BACK, which stops an import.
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-store-private.h"

/* A batch also commits at its first article after this long: a slow stream (a cluster's
 * output piped in) does not keep minutes of work uncommitted. */
#define BATCH_MAX_USEC (2 * G_USEC_PER_SEC)

static const char * const savepoint_sql[] = {
  [DM_STORE_STMT_SAVEPOINT] = "SAVEPOINT article",
  [DM_STORE_STMT_RELEASE] = "RELEASE article",
  [DM_STORE_STMT_ROLLBACK_TO] = "ROLLBACK TO article",
};

/* Prepared once: parsing them for every article cost an import --jsonl some 5 %. */
static gboolean
run_savepoint_stmt (DmStore        *self,
                    DmStoreStmtId   id,
                    const char     *what,
                    GError        **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, id, savepoint_sql[id], error);

  return stmt != NULL && dm_store_step_done (self, stmt, what, error);
}

static gboolean
exec (DmStore     *self,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || dm_store_fail (self, rc, what, error);
}

gboolean
dm_store_article_begin (DmStore  *self,
                        GError  **error)
{
  if (self->batch_max == 0)
    return dm_store_begin (self, error);

  if (!dm_store_take_batch_lost (self, error))
    return FALSE;
  if (sqlite3_get_autocommit (self->db))
    {
      if (!dm_store_begin (self, error))
        return FALSE;
      self->batch_pending = 0;
      self->batch_started = g_get_monotonic_time ();
    }
  return run_savepoint_stmt (self, DM_STORE_STMT_SAVEPOINT, N_("adding an article"), error);
}

gboolean
dm_store_article_commit (DmStore  *self,
                         GError  **error)
{
  if (self->batch_max == 0)
    {
      if (dm_store_commit (self, N_("saving the article"), error))
        return TRUE;
      dm_store_rollback (self);
      return FALSE;
    }

  if (!run_savepoint_stmt (self, DM_STORE_STMT_RELEASE, N_("saving the article"), error))
    {
      dm_store_article_abandon (self);
      return FALSE;
    }
  self->batch_pending++;
  /* a failed commit undid this article with the others: the caller hears of them all */
  if ((self->batch_pending >= self->batch_max ||
       g_get_monotonic_time () - self->batch_started >= BATCH_MAX_USEC) &&
      !dm_store_commit_batch (self, NULL))
    return dm_store_take_batch_lost (self, error);
  return TRUE;
}

/* Also after a failed RELEASE: the savepoint is then still open, and rolled back to. */
void
dm_store_article_abandon (DmStore *self)
{
  if (self->batch_max == 0)
    {
      dm_store_rollback (self);
      return;
    }
  if (sqlite3_get_autocommit (self->db))
    {
      dm_store_batch_lost (self, _("SQLite undid the open transaction"));
      return;
    }
  if (!run_savepoint_stmt (self, DM_STORE_STMT_ROLLBACK_TO, NULL, NULL) ||
      !run_savepoint_stmt (self, DM_STORE_STMT_RELEASE, NULL, NULL))
    {
      dm_store_batch_lost (self, sqlite3_errmsg (self->db));
      dm_store_rollback (self);
    }
}

gboolean
dm_store_begin_batch (DmStore  *self,
                      guint     max_articles,
                      GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (max_articles > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (self->batch_max > 0 && !dm_store_commit_batch (self, error))
    return FALSE;
  /* The savepoints' and statements' journals in memory: on a file, past 64 KiB, they cost
   * an article some 160 page writes (strace: 325,000 pwrite for 2,000 articles). Released
   * with each article, so they stay as small as one article's pages. */
  if (!exec (self, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768", N_("starting a batch"), error))
    return FALSE;
  self->batch_max = max_articles;
  self->batch_pending = 0;
  return TRUE;
}

gboolean
dm_store_end_batch (DmStore  *self,
                    GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (self->batch_max == 0)
    return TRUE;
  ok = dm_store_take_batch_lost (self, error) && dm_store_commit_batch (self, error);
  dm_store_rollback (self);   /* after a failed commit */
  sqlite3_exec (self->db, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
  self->batch_max = 0;
  self->batch_pending = 0;
  g_clear_error (&self->batch_lost);
  return ok;
}
