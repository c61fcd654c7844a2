/* dm-curation-cache.c — the rules every import applies, cached per connection
 *
 * dm_store_add_analysis() calls dm_store_curation_apply_locked() in its transaction: the
 * enabled rules are read again only when curation_state.generation says an edit, undo or
 * redo changed them, and the counts of what they touched are written every
 * MAX_PENDING_ARTICLES articles (and when the rules are listed or the corpus closed).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-curation-private.h"

/* How many articles' counts of what the rules touched are kept before they are written:
 * one write per article would cost an import more than applying the rules does. A kill -9
 * loses at most these (the counters are for the Corrections list, not the corpus). */
#define MAX_PENDING_ARTICLES 64

/* The rules composed, the counters not written yet, and the statements every import runs,
 * prepared once per connection. */
struct _DmCurationCache
{
  sqlite3         *db;
  gint64           generation;
  DmCurationRules *rules;
  GHashTable      *pending;          /* rule id (gint64 *) → relations touched (guint) */
  guint            n_pending_articles;
  sqlite3_stmt    *read_generation;
  sqlite3_stmt    *count_hits;
};

/* The enabled rules, in the order they apply. */
static GPtrArray *
read_enabled_rules (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_rule_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = dm_curation_prepare (db, N_("reading the rules"), error,
                              "SELECT id, kind, key, name, value, detail FROM rules"
                              " WHERE enabled ORDER BY id", NULL);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DmRuleKind kind;

      /* a kind made by a newer Dramatis is not applied */
      if (!dm_rule_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;
      g_ptr_array_add (rules, dm_rule_new (sqlite3_column_int64 (stmt, 0), kind,
                                           (const char *) sqlite3_column_text (stmt, 2),
                                           (const char *) sqlite3_column_text (stmt, 3),
                                           (const char *) sqlite3_column_text (stmt, 4),
                                           (const char *) sqlite3_column_text (stmt, 5)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("reading the rules"));
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/* Runs @stmt (prepared from @sql on first use, kept in *@slot) with @text bound to ?1;
 * *@value (nullable) gets the first column of its row. */
static gboolean
run_cached (sqlite3       *db,
            sqlite3_stmt **slot,
            const char    *sql,
            const char    *text,
            gint64        *value,
            const char    *what,
            GError       **error)
{
  int rc = SQLITE_OK;

  if (*slot == NULL)
    rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  if (rc == SQLITE_OK)
    {
      if (text != NULL)
        sqlite3_bind_text (*slot, 1, text, -1, SQLITE_STATIC);
      rc = sqlite3_step (*slot);
      if (rc == SQLITE_ROW && value != NULL)
        *value = sqlite3_column_int64 (*slot, 0);
      if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* Writes the pending counters; the caller holds a write transaction. */
static gboolean
flush_counts (DmCurationCache  *cache,
              GError          **error)
{
  g_autoptr(GString) counts = g_string_new ("{");
  GHashTableIter iter;
  gpointer rule_id, count;

  if (cache == NULL || cache->pending == NULL || g_hash_table_size (cache->pending) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, cache->pending);
  while (g_hash_table_iter_next (&iter, &rule_id, &count))
    g_string_append_printf (counts, "%s\"%" G_GINT64_FORMAT "\":%u", counts->len > 1 ? "," : "",
                            *(gint64 *) rule_id, GPOINTER_TO_UINT (count));
  g_string_append_c (counts, '}');
  if (!run_cached (cache->db, &cache->count_hits,
                   "UPDATE rules SET n_relations = n_relations + c.value"
                   " FROM json_each(?1) AS c WHERE rules.id = CAST(c.key AS INTEGER)",
                   counts->str, NULL, "counting what the rules changed", error))
    return FALSE;
  g_hash_table_remove_all (cache->pending);
  cache->n_pending_articles = 0;
  return TRUE;
}

/* The same, in a transaction of its own (when the rules are listed, or the corpus closed). */
gboolean
dm_curation_cache_flush (DmCurationCache  *cache,
                         GError          **error)
{
  if (cache == NULL || cache->pending == NULL || g_hash_table_size (cache->pending) == 0)
    return TRUE;
  if (sqlite3_exec (cache->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, cache->db, sqlite3_errcode (cache->db),
                                      N_("counting what the rules changed"));
      return FALSE;
    }
  if (!flush_counts (cache, error) ||
      sqlite3_exec (cache->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      if (!sqlite3_get_autocommit (cache->db))
        sqlite3_exec (cache->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
dm_curation_cache_free (DmCurationCache *cache)
{
  if (cache == NULL)
    return;
  /* a read-only corpus, or one another program holds, keeps its old counts */
  dm_curation_cache_flush (cache, NULL);
  dm_curation_rules_free (cache->rules);
  g_clear_pointer (&cache->pending, g_hash_table_unref);
  sqlite3_finalize (cache->read_generation);
  sqlite3_finalize (cache->count_hits);
  g_free (cache);
}

static gboolean
refresh_cache (sqlite3          *db,
               DmCurationCache **cache,
               GError          **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  gint64 generation = 0;

  if (*cache == NULL)
    {
      *cache = g_new0 (DmCurationCache, 1);
      (*cache)->db = db;
      (*cache)->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  if (!run_cached (db, &(*cache)->read_generation, "SELECT generation FROM curation_state",
                   NULL, &generation, "reading the rules", error))
    return FALSE;
  if ((*cache)->rules != NULL && (*cache)->generation == generation)
    return TRUE;

  rules = read_enabled_rules (db, error);
  if (rules == NULL)
    return FALSE;

  g_clear_pointer (&(*cache)->rules, dm_curation_rules_free);
  (*cache)->rules = dm_curation_rules_new (rules);
  (*cache)->generation = generation;
  return TRUE;
}

gboolean
dm_store_curation_apply_locked (sqlite3           *db,
                                DmCurationCache  **cache,
                                const DmAnalysis  *analysis,
                                const char        *hash,
                                DmAnalysis       **curated,
                                GError           **error)
{
  g_autoptr(GHashTable) hits = NULL;
  GHashTableIter iter;
  gpointer rule_id, count;

  *curated = NULL;
  if (!refresh_cache (db, cache, error))
    return FALSE;
  if (dm_curation_rules_is_empty ((*cache)->rules))
    return TRUE;

  hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  *curated = dm_curation_rules_apply ((*cache)->rules, analysis, hash, hits);

  /* "How many relations it touches" counts the imports since the rule was made; the counts
   * are written every MAX_PENDING_ARTICLES articles, in the transaction of an article. */
  g_hash_table_iter_init (&iter, hits);
  while (g_hash_table_iter_next (&iter, &rule_id, &count))
    {
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup ((*cache)->pending, rule_id));

      g_hash_table_insert ((*cache)->pending, g_memdup2 (rule_id, sizeof (gint64)),
                           GUINT_TO_POINTER (before + GPOINTER_TO_UINT (count)));
    }
  if (g_hash_table_size (hits) > 0 &&
      ++(*cache)->n_pending_articles >= MAX_PENDING_ARTICLES && !flush_counts (*cache, error))
    {
      g_clear_pointer (curated, dm_analysis_free);
      return FALSE;
    }
  return TRUE;
}
