/* dm-store-view.c — the user's choices per actor (excluded, pinned, position) and the
 * aggregates the overview and ego views read instead of the relation table
 *
 * relation_counts holds, per (source, target, verb, class, negated, article day), how many
 * relations there are; pair_counts the same without the day, which is all a view without a
 * time window needs (a fraction of the rows: a pair's relations fall on many days);
 * actor_counts the mentions per actor. The import adds each article to all three in its own
 * transaction (dm_store_view_count_article(), called by
 * dm_store_add_analysis()), so a view of a 100,000-article corpus sums a few thousand
 * aggregate rows rather than reading every relation and its sentence.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dm-store-private.h"
#include "dm-store-view.h"

/* The filters of dm_store_list_relations(), on a day column ('' = undated, which passes
 * unless ?9, DmGraphQuery.dated_only, is 1; a parameter of its own number, clear of the
 * statements' others) */
#define CLASS_AND_DAY_FILTER(day) \
  " ((1 << class) & ?1) != 0" \
  " AND ((" day " = '' AND ?9 IS NOT 1)" \
  "      OR (" day " <> '' AND (?2 IS NULL OR " day " >= ?2) AND (?3 IS NULL OR " day " <= ?3)))"

#define COUNT_COLUMNS "source_id, target_id, verb, class, negated"

static const char * const view_sql[DM_STORE_N_STMTS] = {
  [DM_STORE_STMT_VIEW_ENSURE] =
    "INSERT INTO actor_view (actor_id) SELECT id FROM actors WHERE id = ?1"
    " ON CONFLICT DO NOTHING",
  [DM_STORE_STMT_VIEW_SET_EXCLUDED] = "UPDATE actor_view SET excluded = ?2 WHERE actor_id = ?1",
  [DM_STORE_STMT_VIEW_SET_PINNED] = "UPDATE actor_view SET pinned = ?2 WHERE actor_id = ?1",
  [DM_STORE_STMT_VIEW_SET_POSITION] = "UPDATE actor_view SET x = ?2, y = ?3 WHERE actor_id = ?1",
  [DM_STORE_STMT_VIEW_PRUNE] =
    "DELETE FROM actor_view"
    " WHERE actor_id = ?1 AND excluded = 0 AND pinned = 0 AND (x IS NULL OR y IS NULL)",
  [DM_STORE_STMT_VIEW_LIST] =
    "SELECT actor_id, excluded, pinned, x, y FROM actor_view ORDER BY actor_id",
  [DM_STORE_STMT_VIEW_COUNT_RELATIONS] =
    "INSERT INTO relation_counts (" COUNT_COLUMNS ", day, n)"
    " SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, coalesce (ar.date, ''), count(*)"
    " FROM relations r JOIN articles ar ON ar.id = r.article_id"
    " WHERE r.article_id = ?1"
    " GROUP BY 1, 2, 3, 4, 5, 6"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n",
  [DM_STORE_STMT_VIEW_COUNT_PAIRS] =
    "INSERT INTO pair_counts (" COUNT_COLUMNS ", n)"
    " SELECT " COUNT_COLUMNS ", count(*) FROM relations WHERE article_id = ?1"
    " GROUP BY 1, 2, 3, 4, 5"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n",
  [DM_STORE_STMT_VIEW_COUNT_MENTIONS] =
    "INSERT INTO actor_counts (actor_id, n_mentions)"
    " SELECT actor_id, count(*) FROM mentions WHERE article_id = ?1 GROUP BY actor_id"
    " ON CONFLICT DO UPDATE SET n_mentions = n_mentions + excluded.n_mentions",
  [DM_STORE_STMT_VIEW_RELATION_COUNTS] =
    "SELECT " COUNT_COLUMNS ", sum(n), 0 FROM relation_counts"
    " WHERE" CLASS_AND_DAY_FILTER ("day")
    " GROUP BY " COUNT_COLUMNS
    " ORDER BY " COUNT_COLUMNS,
  /* the same rows when no day bounds the view: already one per group, in key order */
  [DM_STORE_STMT_VIEW_PAIR_COUNTS] =
    "SELECT " COUNT_COLUMNS ", n, 0 FROM pair_counts"
    " WHERE ((1 << class) & ?1) != 0"
    " ORDER BY " COUNT_COLUMNS,
  [DM_STORE_STMT_VIEW_EXCLUDED_RELATIONS] =
    "SELECT " COUNT_COLUMNS ", count(*), 0 FROM relations r"
    " JOIN articles ar ON ar.id = r.article_id"
    " WHERE r.article_id IN (SELECT value FROM json_each(?4))"
    "   AND" CLASS_AND_DAY_FILTER ("coalesce (ar.date, '')")
    " GROUP BY " COUNT_COLUMNS,
  [DM_STORE_STMT_VIEW_PAIR_RELATIONS] =
    "SELECT " COUNT_COLUMNS ", 1, r.id FROM relations r"
    " JOIN articles ar ON ar.id = r.article_id"
    " WHERE r.source_id = ?4 AND r.target_id = ?5"
    "   AND" CLASS_AND_DAY_FILTER ("coalesce (ar.date, '')")
    "   AND r.article_id NOT IN (SELECT value FROM json_each(?6))"
    " ORDER BY r.id",
  [DM_STORE_STMT_VIEW_ACTORS] =
    "SELECT a.id, a.name, a.type, a.role, a.affiliation, coalesce (c.n_mentions, 0)"
    " FROM actors a LEFT JOIN actor_counts c ON c.actor_id = a.id"
    " WHERE ((1 << a.type) & ?1) != 0"
    " ORDER BY a.id",
  /* the same for a few actors; json_each outermost, each a key lookup */
  [DM_STORE_STMT_VIEW_ACTORS_BY_ID] =
    "SELECT a.id, a.name, a.type, a.role, a.affiliation, coalesce (c.n_mentions, 0)"
    " FROM json_each(?1) j CROSS JOIN actors a ON a.id = j.value"
    " LEFT JOIN actor_counts c ON c.actor_id = a.id"
    " ORDER BY a.id",
  [DM_STORE_STMT_VIEW_TOTALS] = "SELECT n_actors, n_pairs FROM view_totals",
  /* a range of actor_weights_by_weight: the heaviest first, ties by id as the views rank */
  [DM_STORE_STMT_VIEW_HEAVIEST] =
    "SELECT actor_id, n_sentences, n_partners FROM actor_weights"
    " ORDER BY weight DESC, actor_id LIMIT ?1 OFFSET ?2",
  [DM_STORE_STMT_VIEW_WEIGHTS_BY_ID] =
    "SELECT w.actor_id, w.n_sentences, w.n_partners"
    " FROM json_each(?1) j CROSS JOIN actor_weights w ON w.actor_id = j.value",
  /* one actor's pairs either way round: a key range and an index range */
  [DM_STORE_STMT_VIEW_ACTOR_PAIRS] =
    "SELECT " COUNT_COLUMNS ", n, 0 FROM pair_counts WHERE source_id = ?1"
    " UNION ALL"
    " SELECT " COUNT_COLUMNS ", n, 0 FROM pair_counts WHERE target_id = ?1 AND source_id <> ?1",
  /* the pairs among a few actors: a key lookup for each (source, target) of them */
  [DM_STORE_STMT_VIEW_PAIRS_AMONG] =
    "SELECT p.source_id, p.target_id, p.verb, p.class, p.negated, p.n, 0"
    " FROM json_each(?1) s CROSS JOIN json_each(?1) t"
    " CROSS JOIN pair_counts p ON p.source_id = s.value AND p.target_id = t.value"
    " ORDER BY 1, 2, 3, 4, 5",
};

static DmStoreStmt *
get_stmt (DmStore        *self,
          DmStoreStmtId   id,
          GError        **error)
{
  return dm_store_get_stmt (self, id, view_sql[id], error);
}

void
dm_relation_count_free (DmRelationCount *count)
{
  if (count == NULL)
    return;
  g_free (count->verb);
  g_free (count);
}

/* Choices -------------------------------------------------------------------------------- */

/* Runs @stmt (already bound after ?1) for @actor_id in a transaction with the row that holds
 * the actor's choices, and drops the row when no choice is left. */
static gboolean
update_view (DmStore       *self,
             DmStoreStmtId  id,
             gint64         actor_id,
             double         values[2],
             guint          n_values,
             const char    *what,
             GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gboolean ok;

  if (!dm_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(DmStoreStmt) ensure = get_stmt (self, DM_STORE_STMT_VIEW_ENSURE, error);

    ok = ensure != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (ensure, 1, actor_id);
        ok = dm_store_step_done (self, ensure, what, error);
      }
  }

  if (ok)
    {
      g_autoptr(DmStoreStmt) stmt = get_stmt (self, id, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, actor_id);
          for (guint i = 0; i < n_values; i++)
            {
              if (isnan (values[i]))
                sqlite3_bind_null (stmt, 2 + i);
              else
                sqlite3_bind_double (stmt, 2 + i, values[i]);
            }
          ok = dm_store_step_done (self, stmt, what, error);
        }
      if (ok && sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
                       _("no actor %lld in the corpus"), (long long) actor_id);
          ok = FALSE;
        }
    }

  if (ok)
    {
      g_autoptr(DmStoreStmt) prune = get_stmt (self, DM_STORE_STMT_VIEW_PRUNE, error);

      ok = prune != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (prune, 1, actor_id);
          ok = dm_store_step_done (self, prune, what, error);
        }
    }

  ok = ok && dm_store_commit (self, what, error);
  if (!ok)
    dm_store_rollback (self);
  return ok;
}

gboolean
dm_store_set_actor_excluded (DmStore   *self,
                             gint64     actor_id,
                             gboolean   excluded,
                             GError   **error)
{
  double value[2] = { excluded ? 1 : 0, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  return update_view (self, DM_STORE_STMT_VIEW_SET_EXCLUDED, actor_id, value, 1,
                      excluded ? "excluding an actor" : "restoring an actor", error);
}

gboolean
dm_store_set_actor_pinned (DmStore   *self,
                           gint64     actor_id,
                           gboolean   pinned,
                           GError   **error)
{
  double value[2] = { pinned ? 1 : 0, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  return update_view (self, DM_STORE_STMT_VIEW_SET_PINNED, actor_id, value, 1,
                      pinned ? "pinning an actor" : "unpinning an actor", error);
}

gboolean
dm_store_set_actor_position (DmStore   *self,
                             gint64     actor_id,
                             double     x,
                             double     y,
                             GError   **error)
{
  double values[2] = { x, y };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (isfinite (x) && isfinite (y), FALSE);
  return update_view (self, DM_STORE_STMT_VIEW_SET_POSITION, actor_id, values, 2,
                      "saving an actor's position", error);
}

gboolean
dm_store_clear_actor_position (DmStore   *self,
                               gint64     actor_id,
                               GError   **error)
{
  double values[2] = { NAN, NAN };

  g_return_val_if_fail (self != NULL, FALSE);
  return update_view (self, DM_STORE_STMT_VIEW_SET_POSITION, actor_id, values, 2,
                      "forgetting an actor's position", error);
}

GArray *
dm_store_list_actor_views (DmStore  *self,
                           GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autoptr(GArray) views = g_array_new (FALSE, TRUE, sizeof (DmActorView));
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_LIST, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DmActorView view = { 0 };

      view.actor_id = sqlite3_column_int64 (stmt, 0);
      view.excluded = sqlite3_column_int (stmt, 1) != 0;
      view.pinned = sqlite3_column_int (stmt, 2) != 0;
      view.has_position = sqlite3_column_type (stmt, 3) != SQLITE_NULL
                          && sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      view.x = view.has_position ? sqlite3_column_double (stmt, 3) : 0;
      view.y = view.has_position ? sqlite3_column_double (stmt, 4) : 0;
      g_array_append_val (views, view);
    }
  if (rc != SQLITE_DONE)
    {
      dm_store_fail (self, rc, N_("listing hidden and pinned actors"), error);
      return NULL;
    }
  return g_steal_pointer (&views);
}

/* Aggregates ------------------------------------------------------------------------------ */

gboolean
dm_store_view_count_article (DmStore  *self,
                             gint64    article_id,
                             GError  **error)
{
  static const DmStoreStmtId ids[] = {
    DM_STORE_STMT_VIEW_COUNT_RELATIONS,
    DM_STORE_STMT_VIEW_COUNT_PAIRS,
    DM_STORE_STMT_VIEW_COUNT_MENTIONS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DmStoreStmt) stmt = get_stmt (self, ids[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      if (!dm_store_step_done (self, stmt, N_("counting the article for the views"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dm_store_view_recount (sqlite3  *db,
                       GError  **error)
{
  /* The same counts as the schema's migration makes for an older corpus. */
  static const char recount[] =
    "DELETE FROM relation_counts;"
    "INSERT INTO relation_counts"
    "  SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, coalesce (ar.date, ''),"
    "         count(*)"
    "  FROM relations r JOIN articles ar ON ar.id = r.article_id"
    "  GROUP BY 1, 2, 3, 4, 5, 6;"
    "DELETE FROM pair_counts;"
    "INSERT INTO pair_counts"
    "  SELECT source_id, target_id, verb, class, negated, sum(n) FROM relation_counts"
    "  GROUP BY 1, 2, 3, 4, 5;"
    "DELETE FROM actor_counts;"
    "INSERT INTO actor_counts SELECT actor_id, count(*) FROM mentions GROUP BY actor_id;"
    /* the triggers weighed the actors row by row; weighed as a whole, they must agree */
    DM_STORE_WEIGH_ACTORS_SQL
    DM_STORE_COUNT_TOTALS_SQL;
  int rc = sqlite3_exec (db, recount, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   _("counting the corpus for its views: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static DmRelationCount *
count_from_row (sqlite3_stmt *stmt)
{
  DmRelationCount *count = g_new0 (DmRelationCount, 1);
  int klass = sqlite3_column_int (stmt, 3);

  count->source_id = sqlite3_column_int64 (stmt, 0);
  count->target_id = sqlite3_column_int64 (stmt, 1);
  count->verb = dm_store_column_dup (stmt, 2);
  if (count->verb == NULL)
    count->verb = g_strdup ("");
  /* a class this build does not know reads as a statement, as in dm-store-read.c */
  count->klass = klass >= 0 && klass < DM_N_CLASSES ? (DmRelationClass) klass : 0;
  count->negated = sqlite3_column_int (stmt, 4) != 0;
  count->n = (guint) sqlite3_column_int64 (stmt, 5);
  count->relation_id = sqlite3_column_int64 (stmt, 6);
  return count;
}

static void
bind_filters (sqlite3_stmt       *stmt,
              const DmGraphQuery *query)
{
  sqlite3_bind_int64 (stmt, 1, query != NULL ? query->class_mask : DM_ALL_CLASSES);
  dm_store_bind_text (stmt, 2, query != NULL ? dm_store_nonempty_or_null (query->date_from) : NULL);
  dm_store_bind_text (stmt, 3, query != NULL ? dm_store_nonempty_or_null (query->date_to) : NULL);
  sqlite3_bind_int (stmt, 9, query != NULL && query->dated_only ? 1 : 0);
}

static GPtrArray *
collect_counts (DmStore      *self,
                sqlite3_stmt *stmt,
                const char   *what,
                GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_relation_count_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, count_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      dm_store_fail (self, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static guint
count_hash (gconstpointer data)
{
  const DmRelationCount *c = data;

  return g_int64_hash (&c->source_id) * 31u + g_int64_hash (&c->target_id) * 17u
         + g_str_hash (c->verb) + (guint) c->klass * 7u + (guint) c->negated;
}

static gboolean
count_equal (gconstpointer a,
             gconstpointer b)
{
  const DmRelationCount *x = a, *y = b;

  return x->source_id == y->source_id && x->target_id == y->target_id && x->klass == y->klass
         && x->negated == y->negated && g_str_equal (x->verb, y->verb);
}

/* Takes the relations of excluded articles off @counts: a handful of articles left out is
 * cheaper to subtract than the whole corpus to recount. */
static gboolean
subtract_excluded (DmStore            *self,
                   GPtrArray          *counts,
                   const DmGraphQuery *query,
                   GError            **error)
{
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) excluded = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree char *ids = NULL;

  if (query == NULL || query->excluded_articles == NULL || query->excluded_articles->len == 0)
    return TRUE;

  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_EXCLUDED_RELATIONS, error)))
    return FALSE;
  ids = dm_store_ids_to_json (query->excluded_articles);
  bind_filters (stmt, query);
  dm_store_bind_text (stmt, 4, ids);
  if (!(excluded = collect_counts (self, stmt, "leaving out excluded articles", error)))
    return FALSE;

  index = g_hash_table_new (count_hash, count_equal);
  for (guint i = 0; i < counts->len; i++)
    g_hash_table_add (index, counts->pdata[i]);
  for (guint i = 0; i < excluded->len; i++)
    {
      const DmRelationCount *minus = excluded->pdata[i];
      DmRelationCount *count = g_hash_table_lookup (index, minus);

      if (count != NULL)
        count->n -= MIN (count->n, minus->n);
    }
  for (guint i = counts->len; i > 0; i--)
    if (((DmRelationCount *) counts->pdata[i - 1])->n == 0)
      g_ptr_array_remove_index (counts, i - 1);
  return TRUE;
}

GPtrArray *
dm_store_list_relation_counts (DmStore            *self,
                               const DmGraphQuery *query,
                               GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  gboolean dated;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  dated = query != NULL && (dm_store_nonempty_or_null (query->date_from) != NULL
                            || dm_store_nonempty_or_null (query->date_to) != NULL);
  if (!(stmt = get_stmt (self, dated ? DM_STORE_STMT_VIEW_RELATION_COUNTS
                                     : DM_STORE_STMT_VIEW_PAIR_COUNTS, error)))
    return NULL;
  bind_filters (stmt, query);
  if (!(counts = collect_counts (self, stmt, "counting relations", error)))
    return NULL;
  g_clear_pointer (&stmt, dm_store_stmt_release);
  if (!subtract_excluded (self, counts, query, error))
    return NULL;
  return g_steal_pointer (&counts);
}

GPtrArray *
dm_store_list_pair_relations (DmStore            *self,
                              gint64              source_id,
                              gint64              target_id,
                              const DmGraphQuery *query,
                              GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *ids = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_PAIR_RELATIONS, error)))
    return NULL;
  ids = dm_store_ids_to_json (query != NULL ? query->excluded_articles : NULL);
  bind_filters (stmt, query);
  sqlite3_bind_int64 (stmt, 4, source_id);
  sqlite3_bind_int64 (stmt, 5, target_id);
  dm_store_bind_text (stmt, 6, ids);
  return collect_counts (self, stmt, "listing the relations of an edge", error);
}

/* The rows of a statement of DM_STORE_STMT_VIEW_ACTORS's columns (DmActorInfo). */
static GPtrArray *
collect_actors (DmStore       *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_actor_info_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DmActorInfo *info = g_new0 (DmActorInfo, 1);
      int type = sqlite3_column_int (stmt, 2);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = dm_store_column_dup (stmt, 1);
      if (info->name == NULL)
        info->name = g_strdup ("");
      /* a type this build does not know reads as a group, as in dm-store-read.c */
      info->type = type >= 0 && type < DM_N_ACTOR_TYPES ? (DmActorType) type : DM_ACTOR_GROUP;
      info->role = dm_store_column_dup (stmt, 3);
      info->affiliation = dm_store_column_dup (stmt, 4);
      info->n_mentions = (guint) sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (actors, info);
    }
  if (rc != SQLITE_DONE)
    {
      dm_store_fail (self, rc, N_("listing actors"), error);
      return NULL;
    }
  return g_steal_pointer (&actors);
}

GPtrArray *
dm_store_list_view_actors (DmStore  *self,
                           guint32   type_mask,
                           GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_ACTORS, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, type_mask);
  return collect_actors (self, stmt, error);
}

GPtrArray *
dm_store_list_view_actors_by_id (DmStore       *self,
                                 const GArray  *ids,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_ACTORS_BY_ID, error)))
    return NULL;
  json = dm_store_ids_to_json (ids);
  dm_store_bind_text (stmt, 1, json);
  return collect_actors (self, stmt, error);
}

/* Weights ---------------------------------------------------------------------------------- */

gboolean
dm_store_get_view_totals (DmStore  *self,
                          guint    *n_actors,
                          guint    *n_pairs,
                          GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_TOTALS, error)))
    return FALSE;
  *n_actors = *n_pairs = 0;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n_actors = (guint) sqlite3_column_int64 (stmt, 0);
      *n_pairs = (guint) sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return dm_store_fail (self, rc, N_("counting the actors of the views"), error);
  return TRUE;
}

static GArray *
collect_weights (DmStore       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, TRUE, sizeof (DmActorWeight));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DmActorWeight w = { 0 };

      w.actor_id = sqlite3_column_int64 (stmt, 0);
      w.n_sentences = (guint) sqlite3_column_int64 (stmt, 1);
      w.n_partners = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (weights, w);
    }
  if (rc != SQLITE_DONE)
    {
      dm_store_fail (self, rc, N_("weighing actors"), error);
      return NULL;
    }
  return g_steal_pointer (&weights);
}

GArray *
dm_store_list_heaviest_actors (DmStore  *self,
                               guint     offset,
                               guint     limit,
                               GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_HEAVIEST, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return collect_weights (self, stmt, error);
}

GArray *
dm_store_list_actor_weights (DmStore       *self,
                             const GArray  *ids,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_WEIGHTS_BY_ID, error)))
    return NULL;
  json = dm_store_ids_to_json (ids);
  dm_store_bind_text (stmt, 1, json);
  return collect_weights (self, stmt, error);
}

GPtrArray *
dm_store_list_actor_pair_counts (DmStore  *self,
                                 gint64    actor_id,
                                 GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_ACTOR_PAIRS, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  return collect_counts (self, stmt, "counting an actor's relations", error);
}

GPtrArray *
dm_store_list_pair_counts_among (DmStore       *self,
                                 const GArray  *ids,
                                 GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, DM_STORE_STMT_VIEW_PAIRS_AMONG, error)))
    return NULL;
  json = dm_store_ids_to_json (ids);
  dm_store_bind_text (stmt, 1, json);
  return collect_counts (self, stmt, "counting relations among actors", error);
}
