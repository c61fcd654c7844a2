/* dm-store-error.c — DM_STORE_ERROR: what went wrong with the corpus, in words one can act on
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <glib/gstdio.h>

#include "dm-store-private.h"

/* Below every other part of the store (the schema checks report in this domain too), so that
 * none of them calls back into the one that opens the corpus. */
G_DEFINE_QUARK (dm-store-error-quark, dm_store_error)

/* Largest write SQLite makes at once: a page of 64 KiB and a WAL frame header. */
#define MAX_WRITE_SIZE (65536 + 24)

static gboolean
file_size_limit_reached (sqlite3 *db)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };
  const char *path = sqlite3_db_filename (db, "main");
  struct rlimit limit;

  if (path == NULL || path[0] == '\0' || getrlimit (RLIMIT_FSIZE, &limit) != 0 ||
      limit.rlim_cur == RLIM_INFINITY)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (guint64) st.st_size + MAX_WRITE_SIZE > limit.rlim_cur)
        return TRUE;
    }
  return FALSE;
}

static gboolean
disk_is_full (sqlite3 *db)
{
  const char *path = sqlite3_db_filename (db, "main");
  struct statvfs fs;

  return path != NULL && path[0] != '\0' && statvfs (path, &fs) == 0 &&
         (guint64) fs.f_bavail * fs.f_frsize < MAX_WRITE_SIZE;
}

void
dm_store_set_error_from_sqlite (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* Callers mark @what with N_(): it is looked up here, on the failure path only, so that a
   * step done for every mention of an import costs no catalogue lookup. */
  what = what != NULL ? _(what) : "";

  /* SQLite says SQLITE_FULL for ENOSPC on a data write only; a write refused for the file
   * size limit (EFBIG), or ENOSPC met growing the shared-memory file, is a plain "disk I/O
   * error", and by then errno is gone: look at the files and the disk instead. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL)
    {
      if (file_size_limit_reached (db))
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FULL,
                       _("the corpus file has reached the largest size the system allows (%s)"),
                       what);
          return;
        }
      if (disk_is_full (db))
        rc = SQLITE_FULL;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, DM_STORE_ERROR, DM_STORE_ERROR_BUSY,
                           _("the corpus is in use by another program"));
      break;

    case SQLITE_FULL:
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FULL,
                   _("the disk is full (%s)"), what);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_A_CORPUS,
                   _("the corpus file is damaged (%s: %s)"), what, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   _("the corpus is read-only (%s)"), what);
      break;

    default:
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   "%s: %s", what, detail);
      break;
    }
}
