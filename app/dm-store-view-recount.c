/* dm-store-view-recount.c — the views' counts brought up to date after an edit, undo or redo
 *
 * relation_counts, pair_counts and actor_counts (dm-store-view.c) are aggregates that imports add to
 * article by article. An edit changes rows anywhere: counting the whole corpus again costs
 * a second per 200,000 relations, on every rename and every undo. The edit's changeset says
 * which rows changed; the counts that can differ are those of the actors at either end of a
 * changed relation, named by a changed mention, or in a re-dated article, and only theirs
 * are counted again.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <glib/gi18n.h>
#include <string.h>

#include "dm-store-private.h"

enum {
  ADD_ACTOR,           /* an actor id */
  ADD_RELATION_ENDS,   /* a relation id: its source and target as they are now */
  ADD_MENTION_ACTOR,   /* a mention id: its actor as it is now */
  ADD_ARTICLE_ACTORS,  /* an article id: every actor of its relations */
  N_ADDS
};

static const char * const add_sql[N_ADDS] = {
  [ADD_ACTOR] = "INSERT OR IGNORE INTO temp.recount_actors VALUES (?1)",
  [ADD_RELATION_ENDS] = "INSERT OR IGNORE INTO temp.recount_actors"
                        " SELECT source_id FROM relations WHERE id = ?1"
                        " UNION SELECT target_id FROM relations WHERE id = ?1",
  [ADD_MENTION_ACTOR] = "INSERT OR IGNORE INTO temp.recount_actors"
                        " SELECT actor_id FROM mentions WHERE id = ?1",
  [ADD_ARTICLE_ACTORS] = "INSERT OR IGNORE INTO temp.recount_actors"
                         " SELECT source_id FROM relations WHERE article_id = ?1"
                         " UNION SELECT target_id FROM relations WHERE article_id = ?1",
};

static const char recount_sql[] =
  "DELETE FROM relation_counts WHERE source_id IN (SELECT id FROM temp.recount_actors);"
  "DELETE FROM relation_counts WHERE target_id IN (SELECT id FROM temp.recount_actors);"
  "INSERT INTO relation_counts"
  "  SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, coalesce (ar.date, ''),"
  "         count(*)"
  "  FROM relations r JOIN articles ar ON ar.id = r.article_id"
  "  WHERE r.id IN (SELECT id FROM relations WHERE source_id IN (SELECT id FROM temp.recount_actors)"
  "                 UNION SELECT id FROM relations WHERE target_id IN (SELECT id FROM temp.recount_actors))"
  "  GROUP BY 1, 2, 3, 4, 5, 6;"
  "DELETE FROM pair_counts WHERE source_id IN (SELECT id FROM temp.recount_actors);"
  "DELETE FROM pair_counts WHERE target_id IN (SELECT id FROM temp.recount_actors);"
  "INSERT INTO pair_counts"
  "  SELECT source_id, target_id, verb, class, negated, count(*) FROM relations"
  "  WHERE id IN (SELECT id FROM relations WHERE source_id IN (SELECT id FROM temp.recount_actors)"
  "               UNION SELECT id FROM relations WHERE target_id IN (SELECT id FROM temp.recount_actors))"
  "  GROUP BY 1, 2, 3, 4, 5;"
  "DELETE FROM actor_counts WHERE actor_id IN (SELECT id FROM temp.recount_actors);"
  "INSERT INTO actor_counts SELECT actor_id, count(*) FROM mentions"
  "  WHERE actor_id IN (SELECT id FROM temp.recount_actors) GROUP BY actor_id;"
  "DELETE FROM temp.recount_actors;";

/* Runs @stmt with @value (an integer; anything else is no row to follow). */
static int
add (sqlite3_stmt  *stmt,
     sqlite3_value *value)
{
  int rc;

  if (value == NULL || sqlite3_value_type (value) != SQLITE_INTEGER)
    return SQLITE_OK;
  sqlite3_bind_int64 (stmt, 1, sqlite3_value_int64 (value));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The values of @column before and after the change (each NULL when it has none). */
static void
values_of (sqlite3_changeset_iter  *iter,
           int                      op,
           int                      column,
           sqlite3_value          **old,
           sqlite3_value          **new)
{
  *old = *new = NULL;
  if (op != SQLITE_INSERT && sqlite3changeset_old (iter, column, old) != SQLITE_OK)
    *old = NULL;
  if (op != SQLITE_DELETE && sqlite3changeset_new (iter, column, new) != SQLITE_OK)
    *new = NULL;
}

/* Every actor whose counts the change at @iter may alter. */
static int
collect_change (sqlite3_changeset_iter  *iter,
                sqlite3_stmt           **adds)
{
  const char *table;
  int n_columns, op, indirect;
  sqlite3_value *old, *new, *key;
  int rc = sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

  if (rc != SQLITE_OK)
    return rc;

  values_of (iter, op, 0, &old, &new);
  key = old != NULL ? old : new;

  if (strcmp (table, "relations") == 0 && n_columns > 3)
    {
      /* source_id and target_id, before and after; a verb or class changed: as they are now */
      for (int column = 2; rc == SQLITE_OK && column <= 3; column++)
        {
          values_of (iter, op, column, &old, &new);
          rc = add (adds[ADD_ACTOR], old);
          if (rc == SQLITE_OK)
            rc = add (adds[ADD_ACTOR], new);
        }
      if (rc == SQLITE_OK)
        rc = add (adds[ADD_RELATION_ENDS], key);
    }
  else if (strcmp (table, "mentions") == 0 && n_columns > 2)
    {
      values_of (iter, op, 2, &old, &new);
      rc = add (adds[ADD_ACTOR], old);
      if (rc == SQLITE_OK)
        rc = add (adds[ADD_ACTOR], new);
      if (rc == SQLITE_OK)
        rc = add (adds[ADD_MENTION_ACTOR], key);
    }
  else if (strcmp (table, "articles") == 0 && op == SQLITE_UPDATE)
    rc = add (adds[ADD_ARTICLE_ACTORS], key);   /* its date, the counts' day */
  else if (strcmp (table, "actors") == 0 && op == SQLITE_DELETE)
    rc = add (adds[ADD_ACTOR], key);
  return rc;
}

gboolean
dm_store_view_recount_changes (sqlite3     *db,
                               const void  *changeset,
                               int          n_bytes,
                               GError     **error)
{
  sqlite3_stmt *adds[N_ADDS] = { NULL };
  sqlite3_changeset_iter *iter = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_exec (db, "CREATE TEMP TABLE IF NOT EXISTS recount_actors (id INTEGER PRIMARY KEY);"
                         "DELETE FROM temp.recount_actors;", NULL, NULL, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < N_ADDS; i++)
    rc = sqlite3_prepare_v2 (db, add_sql[i], -1, &adds[i], NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_start (&iter, n_bytes, (void *) changeset);
  while (rc == SQLITE_OK && (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    rc = collect_change (iter, adds);
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (iter != NULL)
    {
      int finalized = sqlite3changeset_finalize (iter);

      if (rc == SQLITE_OK)
        rc = finalized;
    }
  for (guint i = 0; i < N_ADDS; i++)
    sqlite3_finalize (adds[i]);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, recount_sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   _("counting the corpus for its views: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
