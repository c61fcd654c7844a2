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
  ADD_ACTOR,           /* an actor id: its mention count */
  ADD_PAIR,            /* a source and a target id */
  ADD_RELATION_PAIR,   /* a relation id: its source and target as they are now */
  ADD_OLD_PAIR,        /* a relation id, the old source and target where they changed */
  ADD_ARTICLE_PAIRS,   /* an article id: every pair of its relations */
  ADD_ACTOR_PAIRS,     /* an actor id: every pair it is counted in */
  ADD_MENTION_ACTOR,   /* a mention id: its actor as it is now */
  N_ADDS
};

static const char * const add_sql[N_ADDS] = {
  [ADD_ACTOR] = "INSERT OR IGNORE INTO temp.recount_actors VALUES (?1)",
  [ADD_PAIR] = "INSERT OR IGNORE INTO temp.recount_pairs VALUES (?1, ?2)",
  [ADD_RELATION_PAIR] = "INSERT OR IGNORE INTO temp.recount_pairs"
                        " SELECT source_id, target_id FROM relations WHERE id = ?1",
  [ADD_OLD_PAIR] = "INSERT OR IGNORE INTO temp.recount_pairs"
                   " SELECT coalesce (?2, source_id), coalesce (?3, target_id)"
                   " FROM relations WHERE id = ?1",
  [ADD_ARTICLE_PAIRS] = "INSERT OR IGNORE INTO temp.recount_pairs"
                        " SELECT source_id, target_id FROM relations WHERE article_id = ?1",
  [ADD_ACTOR_PAIRS] = "INSERT OR IGNORE INTO temp.recount_pairs"
                      " SELECT source_id, target_id FROM pair_counts WHERE source_id = ?1"
                      " UNION SELECT source_id, target_id FROM pair_counts WHERE target_id = ?1",
  [ADD_MENTION_ACTOR] = "INSERT OR IGNORE INTO temp.recount_actors"
                        " SELECT actor_id FROM mentions WHERE id = ?1",
};

/* The counts are kept per pair of actors (and per actor for mentions): an edit counts again
 * only the pairs its changed relations had before and have after, not every relation of
 * every actor they touch (a merge of a hub would count most of the corpus again). CROSS JOIN
 * keeps the few pairs as the outer loop: the temporary table has no statistics, and the
 * planner would otherwise read every relation to probe it. */
static const char recount_sql[] =
  "INSERT INTO relation_counts"
  "  SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, coalesce (ar.date, ''),"
  "         count(*)"
  "  FROM temp.recount_pairs p"
  "  CROSS JOIN relations r ON r.source_id = p.source_id AND r.target_id = p.target_id"
  "  JOIN articles ar ON ar.id = r.article_id"
  "  GROUP BY 1, 2, 3, 4, 5, 6;"
  "INSERT INTO pair_counts"
  "  SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, count(*)"
  "  FROM temp.recount_pairs p"
  "  CROSS JOIN relations r ON r.source_id = p.source_id AND r.target_id = p.target_id"
  "  GROUP BY 1, 2, 3, 4, 5;"
  "DELETE FROM actor_counts WHERE actor_id IN (SELECT id FROM temp.recount_actors);"
  "INSERT INTO actor_counts SELECT actor_id, count(*) FROM mentions"
  "  WHERE actor_id IN (SELECT id FROM temp.recount_actors) GROUP BY actor_id;"
  "DELETE FROM temp.recount_actors;"
  "DELETE FROM temp.recount_pairs;";

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

/* Runs @stmt with @a and up to two more values bound as they are (NULL when absent). */
static int
add3 (sqlite3_stmt  *stmt,
      sqlite3_value *a,
      sqlite3_value *b,
      sqlite3_value *c)
{
  int rc;

  if (a == NULL || sqlite3_value_type (a) != SQLITE_INTEGER)
    return SQLITE_OK;
  sqlite3_bind_value (stmt, 1, a);
  if (b != NULL)
    sqlite3_bind_value (stmt, 2, b);
  else
    sqlite3_bind_null (stmt, 2);
  if (c != NULL)
    sqlite3_bind_value (stmt, 3, c);
  else if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_null (stmt, 3);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Drops the counts of the pairs to count again, one pair at a time: each is a range of the
 * tables' keys, where a row-value IN over the whole set would scan them. */
static int
drop_pair_counts (sqlite3 *db)
{
  sqlite3_stmt *pairs = NULL, *drop_days = NULL, *drop_pairs = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT source_id, target_id FROM temp.recount_pairs", -1,
                               &pairs, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "DELETE FROM relation_counts WHERE source_id = ?1 AND target_id = ?2",
                             -1, &drop_days, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "DELETE FROM pair_counts WHERE source_id = ?1 AND target_id = ?2",
                             -1, &drop_pairs, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (pairs)) == SQLITE_ROW)
    {
      sqlite3_stmt *drops[] = { drop_days, drop_pairs };

      rc = SQLITE_OK;
      for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (drops); i++)
        {
          sqlite3_bind_int64 (drops[i], 1, sqlite3_column_int64 (pairs, 0));
          sqlite3_bind_int64 (drops[i], 2, sqlite3_column_int64 (pairs, 1));
          rc = sqlite3_step (drops[i]) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
          sqlite3_reset (drops[i]);
        }
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (pairs);
  sqlite3_finalize (drop_days);
  sqlite3_finalize (drop_pairs);
  return rc;
}

/* Every pair and actor whose counts the change at @iter may alter. */
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
      sqlite3_value *old_source, *new_source, *old_target, *new_target;

      values_of (iter, op, 2, &old_source, &new_source);
      values_of (iter, op, 3, &old_target, &new_target);
      /* the pair it had: whole in a deleted row; in an updated one, only what changed is
       * there, the rest is as the row is now */
      if (op == SQLITE_DELETE)
        rc = add3 (adds[ADD_PAIR], old_source, old_target, NULL);
      else if (op == SQLITE_UPDATE)
        rc = add3 (adds[ADD_OLD_PAIR], key, old_source, old_target);
      /* the pair it has now (a verb or class changed: the same pair) */
      if (rc == SQLITE_OK && op == SQLITE_INSERT)
        rc = add3 (adds[ADD_PAIR], new_source, new_target, NULL);
      else if (rc == SQLITE_OK)
        rc = add (adds[ADD_RELATION_PAIR], key);
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
    rc = add (adds[ADD_ARTICLE_PAIRS], key);   /* its date, the counts' day */
  else if (strcmp (table, "actors") == 0 && op == SQLITE_DELETE)
    {
      rc = add (adds[ADD_ACTOR], key);
      if (rc == SQLITE_OK)
        rc = add (adds[ADD_ACTOR_PAIRS], key);
    }
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
                         "CREATE TEMP TABLE IF NOT EXISTS recount_pairs ("
                         "  source_id INTEGER NOT NULL, target_id INTEGER NOT NULL,"
                         "  PRIMARY KEY (source_id, target_id)) WITHOUT ROWID;"
                         "DELETE FROM temp.recount_actors;"
                         "DELETE FROM temp.recount_pairs;", NULL, NULL, NULL);
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
    rc = drop_pair_counts (db);
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
