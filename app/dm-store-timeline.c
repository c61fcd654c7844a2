/* dm-store-timeline.c — relations counted per article day and class family
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-curation-private.h"
#include "dm-timeline.h"

void
dm_timeline_day_free (DmTimelineDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_free (day);
}

GPtrArray *
dm_store_count_relations_by_day (DmStore  *self,
                                 guint    *n_undated,
                                 GError  **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_timeline_day_free);
  DmTimelineDay *day = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (n_undated != NULL)
    *n_undated = 0;
  db = dm_store_lock (self);
  /* NULL dates sort first */
  stmt = dm_curation_prepare (db, N_("counting relations by day"), error,
                              "SELECT ar.date, r.class, count(*) FROM relations r"
                              " JOIN articles ar ON ar.id = r.article_id"
                              " GROUP BY ar.date, r.class ORDER BY ar.date, r.class", NULL);
  if (stmt == NULL)
    {
      dm_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 0);
      int klass = sqlite3_column_int (stmt, 1);
      guint count = sqlite3_column_int (stmt, 2);

      if (klass < 0 || klass >= DM_N_CLASSES)
        continue;
      if (date == NULL)
        {
          if (n_undated != NULL)
            *n_undated += count;
          continue;
        }
      if (day == NULL || strcmp (day->date, date) != 0)
        {
          day = g_new0 (DmTimelineDay, 1);
          day->date = g_strdup (date);
          g_ptr_array_add (days, day);
        }
      day->n_relations += count;
      day->by_family[dm_relation_class_get_family (klass)] += count;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    dm_store_set_error_from_sqlite (error, db, rc, N_("counting relations by day"));
  dm_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&days) : NULL;
}
