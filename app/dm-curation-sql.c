/* dm-curation-sql.c — the curation files' statement helpers: prepare, bind, run
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include "dm-curation-private.h"

/* Statement helpers */

gboolean
dm_curation_failed (sqlite3     *db,
                    int          rc,
                    const char  *what,
                    GError     **error)
{
  dm_store_set_error_from_sqlite (error, db, rc, what);
  return FALSE;
}

static sqlite3_stmt *
prepare_valist (sqlite3     *db,
                const char  *what,
                GError     **error,
                const char  *sql,
                const char  *types,
                va_list      args)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      dm_curation_failed (db, rc, what, error);
      return NULL;
    }
  for (int i = 0; types != NULL && types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'd':
          sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
          break;
        case 't':
          {
            const char *text = va_arg (args, const char *);

            if (text != NULL)
              sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
            else
              sqlite3_bind_null (stmt, i + 1);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return stmt;
}

sqlite3_stmt *
dm_curation_prepare (sqlite3     *db,
                     const char  *what,
                     GError     **error,
                     const char  *sql,
                     const char  *types,
                     ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = prepare_valist (db, what, error, sql, types, args);
  va_end (args);
  return stmt;
}

/* Runs the statement to its end; *@value (nullable) gets the first row's first column, 0
 * without a row. */
static gboolean
run_valist (sqlite3     *db,
            const char  *what,
            gint64      *value,
            GError     **error,
            const char  *sql,
            const char  *types,
            va_list      args)
{
  sqlite3_stmt *stmt = prepare_valist (db, what, error, sql, types, args);
  gboolean first = TRUE;
  int rc;

  if (value != NULL)
    *value = 0;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (first && value != NULL)
        *value = sqlite3_column_int64 (stmt, 0);
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || dm_curation_failed (db, rc, what, error);
}

gboolean
dm_curation_query_int (sqlite3     *db,
                       const char  *what,
                       gint64      *value,
                       GError     **error,
                       const char  *sql,
                       const char  *types,
                       ...)
{
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = run_valist (db, what, value, error, sql, types, args);
  va_end (args);
  return ok;
}
