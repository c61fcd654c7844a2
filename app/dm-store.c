/* dm-store.c — the corpus: a SQLite file of articles, actors, mentions, relations, layouts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <string.h>

#include "dm-store-private.h"

/* How long a write waits for another program holding the corpus before giving up. */
#define BUSY_TIMEOUT_MS 5000

/* The layout cache keeps the most recent layouts only: one per graph a person looked at. */
#define MAX_CACHED_LAYOUTS 256

typedef enum {
  STMT_BEGIN_IMMEDIATE,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_ARTICLE_BY_HASH,
  STMT_INSERT_ARTICLE,
  STMT_ACTOR_BY_KEY,
  STMT_PEOPLE_BY_LAST_KEY,
  STMT_INSERT_ACTOR,
  STMT_RENAME_ACTOR,
  STMT_DROP_ALIAS,
  STMT_COMPLETE_ACTOR,
  STMT_INSERT_ALIAS,
  STMT_INSERT_MENTION,
  STMT_INSERT_RELATION,
  STMT_LIST_ACTORS,
  STMT_GET_ACTOR,
  STMT_ACTOR_BY_ALIAS_KEY,
  STMT_ALIASES,
  STMT_LIST_ARTICLES,
  STMT_GET_ARTICLE,
  STMT_ARTICLE_TEXT,
  STMT_LIST_RELATIONS,
  STMT_ACTOR_RELATIONS,
  STMT_RELATIONS_BY_ID,
  STMT_COUNT_ARTICLES,
  STMT_COUNT_MENTIONS,
  STMT_ACTORS_BY_TYPE,
  STMT_RELATIONS_BY_CLASS,
  STMT_LOOKUP_LAYOUT,
  STMT_SAVE_LAYOUT,
  STMT_PRUNE_LAYOUTS,
  STMT_DELETE_LAYOUT,
  N_STMTS
} StmtId;

#define ACTOR_COLUMNS \
  "a.id, a.name, a.type, a.role, a.affiliation," \
  " (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id)," \
  " (SELECT count(*) FROM relations r WHERE r.source_id = a.id OR r.target_id = a.id)"

#define ARTICLE_COLUMNS \
  "ar.id, ar.origin, ar.title, ar.date, ar.source, ar.url, ar.length," \
  " (SELECT count(*) FROM mentions m WHERE m.article_id = ar.id)," \
  " (SELECT count(*) FROM relations r WHERE r.article_id = ar.id)"

/* SQLite's substr() counts characters of TEXT values, and offsets are code points. */
#define RELATION_COLUMNS \
  "r.id, r.article_id, r.source_id, r.target_id, s.name, t.name, r.verb, r.class, r.negated," \
  " r.sentence_start, r.sentence_end, r.trigger_start, r.trigger_end," \
  " r.source_start, r.source_end, r.target_start, r.target_end," \
  " substr(ar.text, r.sentence_start + 1, r.sentence_end - r.sentence_start)," \
  " ar.title, ar.date" \
  " FROM relations r" \
  " JOIN actors s ON s.id = r.source_id" \
  " JOIN actors t ON t.id = r.target_id" \
  " JOIN articles ar ON ar.id = r.article_id"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_ARTICLE_BY_HASH] = "SELECT id FROM articles WHERE hash = ?1",
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (origin, title, date, source, url, text, length, hash, imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
  [STMT_ACTOR_BY_KEY] = "SELECT id, name, type FROM actors WHERE key = ?1",
  [STMT_PEOPLE_BY_LAST_KEY] =
    "SELECT id, key, name FROM actors WHERE last_key = ?1 AND type IN (?2, ?3) LIMIT 2",
  [STMT_INSERT_ACTOR] =
    "INSERT INTO actors (name, key, last_key, type, role, affiliation)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_RENAME_ACTOR] = "UPDATE actors SET name = ?2, key = ?3 WHERE id = ?1",
  [STMT_DROP_ALIAS] = "DELETE FROM aliases WHERE actor_id = ?1 AND alias = ?2",
  [STMT_COMPLETE_ACTOR] =
    "UPDATE actors SET role = coalesce(role, ?2), affiliation = coalesce(affiliation, ?3),"
    " type = CASE WHEN type = ?4 AND ?5 = ?6 THEN ?6 ELSE type END"
    " WHERE id = ?1",
  [STMT_INSERT_ALIAS] =
    "INSERT OR IGNORE INTO aliases (actor_id, alias, key)"
    " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = ?1 AND name = ?2)",
  [STMT_INSERT_MENTION] =
    "INSERT INTO mentions (article_id, actor_id, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_RELATION] =
    "INSERT INTO relations (article_id, source_id, target_id, verb, class, negated,"
    " sentence_start, sentence_end, trigger_start, trigger_end,"
    " source_start, source_end, target_start, target_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [STMT_LIST_ACTORS] =
    "SELECT " ACTOR_COLUMNS " FROM actors a"
    " WHERE ((1 << a.type) & ?1) != 0"
    "   AND (?2 IS NULL OR a.key LIKE ?2 ESCAPE '\\'"
    "        OR EXISTS (SELECT 1 FROM aliases al WHERE al.actor_id = a.id"
    "                   AND al.key LIKE ?2 ESCAPE '\\'))"
    " ORDER BY 6 DESC, a.name, a.id",
  [STMT_GET_ACTOR] = "SELECT " ACTOR_COLUMNS " FROM actors a WHERE a.id = ?1",
  [STMT_ACTOR_BY_ALIAS_KEY] =
    "SELECT al.actor_id FROM aliases al WHERE al.key = ?1"
    " ORDER BY (SELECT count(*) FROM mentions m WHERE m.actor_id = al.actor_id) DESC,"
    "          al.actor_id"
    " LIMIT 1",
  [STMT_ALIASES] = "SELECT alias FROM aliases WHERE actor_id = ?1 ORDER BY key, alias",
  [STMT_LIST_ARTICLES] = "SELECT " ARTICLE_COLUMNS " FROM articles ar ORDER BY ar.id",
  [STMT_GET_ARTICLE] = "SELECT " ARTICLE_COLUMNS " FROM articles ar WHERE ar.id = ?1",
  [STMT_ARTICLE_TEXT] = "SELECT text FROM articles WHERE id = ?1",
  [STMT_LIST_RELATIONS] =
    "SELECT " RELATION_COLUMNS
    " WHERE ((1 << r.class) & ?1) != 0"
    "   AND ((1 << s.type) & ?2) != 0 AND ((1 << t.type) & ?2) != 0"
    "   AND (ar.date IS NULL OR ((?3 IS NULL OR ar.date >= ?3) AND (?4 IS NULL OR ar.date <= ?4)))"
    "   AND r.article_id NOT IN (SELECT value FROM json_each(?5))"
    " ORDER BY r.id",
  [STMT_ACTOR_RELATIONS] =
    "SELECT " RELATION_COLUMNS " WHERE r.source_id = ?1 OR r.target_id = ?1 ORDER BY r.id",
  [STMT_RELATIONS_BY_ID] =
    "SELECT " RELATION_COLUMNS " WHERE r.id IN (SELECT value FROM json_each(?1)) ORDER BY r.id",
  [STMT_COUNT_ARTICLES] = "SELECT count(*) FROM articles",
  [STMT_COUNT_MENTIONS] = "SELECT count(*) FROM mentions",
  [STMT_ACTORS_BY_TYPE] = "SELECT type, count(*) FROM actors GROUP BY type",
  [STMT_RELATIONS_BY_CLASS] = "SELECT class, count(*) FROM relations GROUP BY class",
  [STMT_LOOKUP_LAYOUT] = "SELECT xdot FROM layouts WHERE key = ?1",
  [STMT_SAVE_LAYOUT] =
    "INSERT OR REPLACE INTO layouts (key, xdot, created_at)"
    " VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))",
  /* a layout's serialisation ("<key>#data") goes with its xdot text (<key>) */
  [STMT_PRUNE_LAYOUTS] =
    "WITH kept (k) AS"
    " (SELECT key FROM layouts WHERE key NOT LIKE '%#data'"
    "  ORDER BY created_at DESC, rowid DESC LIMIT ?1)"
    " DELETE FROM layouts WHERE key NOT IN"
    " (SELECT k FROM kept UNION ALL SELECT k || '#data' FROM kept)",
  [STMT_DELETE_LAYOUT] = "DELETE FROM layouts WHERE key = ?1",
};

struct _DmStore
{
  GMutex        mutex;
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];   /* prepared on first use, reused until close */
  gboolean      ready;            /* checked and migrated: closing may write to the file */
  DmCurationCache *curation;      /* the corpus's rules, for every add (dm-store-curation.c) */
};

/* A statement borrowed from the cache: reset and unbound when it goes out of scope, so every
 * return path hands it back clean. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

G_DEFINE_QUARK (dm-store-error-quark, dm_store_error)

static CachedStmt *
get_stmt (DmStore     *self,
          StmtId       id,
          GError     **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);

      if (rc != SQLITE_OK)
        {
          dm_store_set_error_from_sqlite (error, self->db, rc, "preparing a query");
          return NULL;
        }
    }
  return self->stmts[id];
}

static gboolean
sql_failed (DmStore     *self,
            int          rc,
            const char  *what,
            GError     **error)
{
  dm_store_set_error_from_sqlite (error, self->db, rc, what);
  return FALSE;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (DmStore      *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return sql_failed (self, rc, what, error);
  return TRUE;
}

/* Binds @id and steps a statement that reads one actor or article by id: TRUE on its row;
 * FALSE with DM_STORE_ERROR_NOT_FOUND ("no article 12 in the corpus") or the SQLite failure. */
static gboolean
step_row_by_id (DmStore      *self,
                sqlite3_stmt *stmt,
                gint64        id,
                const char   *noun,
                GError      **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
                 "no %s %" G_GINT64_FORMAT " in the corpus", noun, id);
  else
    {
      g_autofree char *what = g_strdup_printf ("reading an %s", noun);

      sql_failed (self, rc, what, error);
    }
  return FALSE;
}

static gboolean
run_simple (DmStore     *self,
            StmtId       id,
            const char  *what,
            GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);

  return stmt != NULL && step_done (self, stmt, what, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
rollback (DmStore *self)
{
  /* SQLite may already have rolled back on its own (disk full, I/O error). */
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, STMT_ROLLBACK, "rolling back", NULL);
}

static char *
hash_text (const char *text,
           gssize      len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                      len < 0 ? strlen (text) : (gsize) len);
}

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
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN, "cannot open the corpus: %s",
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
                               "the corpus is read-only and needs upgrading to this version "
                               "of Dramatis");
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
          dm_store_set_error_from_sqlite (error, self->db, rc, "opening the corpus");
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
      dm_store_set_error_from_sqlite (error, self->db, rc, "opening the corpus");
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

  /* its statements are finalised before the connection closes */
  g_clear_pointer (&self->curation, dm_curation_cache_free);
  if (self->db != NULL)
    {
      for (guint i = 0; i < N_STMTS; i++)
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

/* Adding an analysis */

static gboolean
span_fits (DmSpan span,
           guint  length)
{
  return span.start <= span.end && span.end <= length;
}

static gboolean
is_blank (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* Everything that can be known wrong before writing is refused before the transaction. */
static gboolean
validate_analysis (const DmAnalysis  *analysis,
                   guint              length,
                   GError           **error)
{

  for (guint i = 0; analysis->mentions != NULL && i < analysis->mentions->len; i++)
    {
      const DmMention *mention = g_ptr_array_index (analysis->mentions, i);

      if (mention->actor == NULL || is_blank (mention->actor) || mention->text == NULL ||
          mention->type >= DM_N_ACTOR_TYPES)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       "mention %u names no actor", i + 1);
          return FALSE;
        }
      if (!span_fits (mention->span, length))
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       "mention %u (%u–%u) does not fit the article (%u characters)",
                       i + 1, mention->span.start, mention->span.end, length);
          return FALSE;
        }
    }

  for (guint i = 0; analysis->relations != NULL && i < analysis->relations->len; i++)
    {
      const DmRelation *relation = g_ptr_array_index (analysis->relations, i);

      if (!span_fits (relation->sentence, length) || !span_fits (relation->trigger, length) ||
          !span_fits (relation->source_mention, length) ||
          !span_fits (relation->target_mention, length) || relation->verb == NULL ||
          relation->klass >= DM_N_CLASSES)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       "relation %u (%s %s %s) does not fit the article (%u characters)",
                       i + 1, relation->source, relation->verb, relation->target, length);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_person (DmActorType type)
{
  return type == DM_ACTOR_PERSON || type == DM_ACTOR_OFFICIAL;
}

static const char *
last_word (const char *key)
{
  const char *space = strrchr (key, ' ');

  return space != NULL ? space + 1 : key;
}

static gboolean
has_upper (const char *word,
           gsize       len)
{
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_cased (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) || g_unichar_islower (c) || g_unichar_istitle (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
word_in (const char         *word,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (strlen (list[i]) == len && g_ascii_strncasecmp (word, list[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a surface form is worth keeping as an alias: "Beijing", "the Kremlin", "EU",
 * "Зеленський" are; "him", "He", "the alliance", "minister" (references the extractor
 * resolved) would only clutter search and the "also known as" list. A form in a script
 * without case is kept. */
static gboolean
is_name_like (const char *surface)
{
  static const char * const determiners[] = {
    "the", "this", "that", "these", "those", "a", "an", "its", "his", "her", "their", "our",
    NULL
  };
  static const char * const pronouns[] = {
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we",
    "i", "you", "who", NULL
  };
  const char *p = surface;
  const char *word;
  guint n_words = 0;
  gboolean upper = FALSE;

  if (!has_cased (surface))
    return TRUE;

  while (*p != '\0')
    {
      gsize len;

      while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
      if (*p == '\0')
        break;
      word = p;
      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
        p++;
      len = p - word;

      /* A leading determiner says nothing: "The alliance" is as unnamed as "the alliance". */
      if (n_words++ == 0 && word_in (word, len, determiners) && *p != '\0')
        continue;
      if (n_words == 1 && *p == '\0' && word_in (word, len, pronouns))
        return FALSE;
      upper = upper || has_upper (word, len);
    }

  return upper;
}

static gboolean
insert_alias (DmStore     *self,
              gint64       actor_id,
              const char  *alias,
              GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_INSERT_ALIAS, error);
  g_autofree char *key = NULL;

  if (stmt == NULL)
    return FALSE;

  key = dm_store_normalize_key (alias);
  if (key[0] == '\0')
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  bind_text (stmt, 2, alias);
  bind_text (stmt, 3, key);
  return step_done (self, stmt, "recording an alias", error);
}

/* The people and officials whose last name is @last_key; *@n_found is 0, 1 or 2 (two means
 * "more than one": the name is ambiguous). The first one's id, key and name come back. */
static gboolean
find_people_by_last_key (DmStore     *self,
                         const char  *last_key,
                         guint       *n_found,
                         gint64      *actor_id,
                         char       **actor_key,
                         char       **actor_name,
                         GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_PEOPLE_BY_LAST_KEY, error);
  int rc;

  *n_found = 0;
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, last_key);
  sqlite3_bind_int (stmt, 2, DM_ACTOR_PERSON);
  sqlite3_bind_int (stmt, 3, DM_ACTOR_OFFICIAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (*n_found == 0)
        {
          *actor_id = sqlite3_column_int64 (stmt, 0);
          *actor_key = column_dup (stmt, 1);
          *actor_name = column_dup (stmt, 2);
        }
      (*n_found)++;
    }
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (actor_key, g_free);
      g_clear_pointer (actor_name, g_free);
      return sql_failed (self, rc, "looking up an actor", error);
    }
  return TRUE;
}

/* @actor_id, known so far by @old_name, gets @new_name as canonical name; the old name stays
 * findable as an alias. */
static gboolean
rename_actor (DmStore     *self,
              gint64       actor_id,
              const char  *old_name,
              const char  *new_name,
              const char  *new_key,
              GError     **error)
{
  g_autoptr(CachedStmt) rename = get_stmt (self, STMT_RENAME_ACTOR, error);
  g_autoptr(CachedStmt) drop = NULL;

  if (rename == NULL)
    return FALSE;
  sqlite3_bind_int64 (rename, 1, actor_id);
  bind_text (rename, 2, new_name);
  bind_text (rename, 3, new_key);
  if (!step_done (self, rename, "renaming an actor", error))
    return FALSE;

  /* The new name was perhaps an alias already: a name is never its own alias. */
  drop = get_stmt (self, STMT_DROP_ALIAS, error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, actor_id);
  bind_text (drop, 2, new_name);
  if (!step_done (self, drop, "renaming an actor", error))
    return FALSE;

  return insert_alias (self, actor_id, old_name, error);
}

static gboolean
find_actor_by_key (DmStore     *self,
                   const char  *key,
                   gint64      *actor_id,
                   GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_ACTOR_BY_KEY, error);
  int rc;

  *actor_id = 0;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *actor_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return sql_failed (self, rc, "looking up an actor", error);
  return TRUE;
}

static gboolean
insert_actor (DmStore          *self,
              const DmMention  *mention,
              const char       *key,
              const char       *last_key,
              gint64           *actor_id,
              GError          **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_INSERT_ACTOR, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, mention->actor);
  bind_text (stmt, 2, key);
  bind_text (stmt, 3, last_key);
  sqlite3_bind_int (stmt, 4, mention->type);
  bind_text (stmt, 5, mention->role);
  bind_text (stmt, 6, mention->affiliation);
  if (!step_done (self, stmt, "adding an actor", error))
    return FALSE;
  *actor_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* One canonical name per actor across the corpus. The extractor gives a canonical name per
 * article; across articles the same person may come as "Zelenskiy" (an article that never
 * gave the full name) and "Volodymyr Zelenskiy". A lone surname joins the one person or
 * official whose last name it is; a full name arriving after its lone surname takes over
 * that actor and becomes its canonical name. Anything ambiguous makes a new actor. */
static gboolean
resolve_actor (DmStore          *self,
               const DmMention  *mention,
               const char       *key,
               gint64           *actor_id,
               GError          **error)
{
  g_autofree char *found_key = NULL;
  g_autofree char *found_name = NULL;
  const char *last_key = NULL;
  guint n_found = 0;

  if (!find_actor_by_key (self, key, actor_id, error))
    return FALSE;
  if (*actor_id != 0)
    return TRUE;

  if (is_person (mention->type))
    {
      last_key = last_word (key);
      if (!find_people_by_last_key (self, last_key, &n_found, actor_id, &found_key, &found_name,
                                    error))
        return FALSE;

      /* A lone surname joins the only person or official who bears it. */
      if (last_key == key && n_found == 1)
        return TRUE;

      /* A full name whose surname alone is an actor already (and the only one with that
       * surname): that actor takes the full name. */
      if (last_key != key && n_found == 1 && strcmp (found_key, last_key) == 0)
        return rename_actor (self, *actor_id, found_name, mention->actor, key, error);
    }

  return insert_actor (self, mention, key, last_key, actor_id, error);
}

/* Fills what an earlier mention left unknown: role, affiliation, and "official" for an
 * actor first met as a plain person. */
static gboolean
complete_actor (DmStore          *self,
                gint64            actor_id,
                const DmMention  *mention,
                GError          **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  if (mention->role == NULL && mention->affiliation == NULL && mention->type != DM_ACTOR_OFFICIAL)
    return TRUE;

  stmt = get_stmt (self, STMT_COMPLETE_ACTOR, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  bind_text (stmt, 2, mention->role);
  bind_text (stmt, 3, mention->affiliation);
  sqlite3_bind_int (stmt, 4, DM_ACTOR_PERSON);
  sqlite3_bind_int (stmt, 5, mention->type);
  sqlite3_bind_int (stmt, 6, DM_ACTOR_OFFICIAL);
  return step_done (self, stmt, "updating an actor", error);
}

static gboolean
insert_article (DmStore          *self,
                const DmArticle  *article,
                guint             length,
                const char       *hash,
                gint64           *article_id,
                GError          **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_INSERT_ARTICLE, error);
  /* The origin is a file name, i.e. bytes; the corpus holds text that labels can show. */
  g_autofree char *origin = g_filename_display_name (article->id != NULL ? article->id : "-");

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, origin);
  bind_text (stmt, 2, article->title);
  bind_text (stmt, 3, article->date);
  bind_text (stmt, 4, article->source);
  bind_text (stmt, 5, article->url);
  sqlite3_bind_text (stmt, 6, article->text, article->text_len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, length);
  bind_text (stmt, 8, hash);
  if (!step_done (self, stmt, "adding an article", error))
    return FALSE;

  *article_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
insert_mentions (DmStore           *self,
                 const DmAnalysis  *analysis,
                 gint64             article_id,
                 GHashTable        *actor_ids,
                 GError           **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; analysis->mentions != NULL && i < analysis->mentions->len; i++)
    {
      const DmMention *mention = g_ptr_array_index (analysis->mentions, i);
      g_autoptr(CachedStmt) stmt = NULL;
      gpointer cached;
      gint64 actor_id;

      g_autofree char *key = dm_store_normalize_key (mention->actor);

      if (g_hash_table_lookup_extended (actor_ids, key, NULL, &cached))
        {
          actor_id = *(gint64 *) cached;
        }
      else
        {
          if (!resolve_actor (self, mention, key, &actor_id, error))
            return FALSE;
          g_hash_table_insert (actor_ids, g_steal_pointer (&key),
                               g_memdup2 (&actor_id, sizeof actor_id));
          /* The canonical name this article used stays findable after a surname match. */
          if (!insert_alias (self, actor_id, mention->actor, error))
            return FALSE;
        }

      /* An article names the same actor the same way many times: each distinct detail and
       * surface form is written once per article. */
      if (mention->role != NULL || mention->affiliation != NULL ||
          mention->type == DM_ACTOR_OFFICIAL)
        {
          char *detail = g_strdup_printf ("d%" G_GINT64_FORMAT "\x1f%d\x1f%s\x1f%s", actor_id,
                                          mention->type, mention->role ? mention->role : "",
                                          mention->affiliation ? mention->affiliation : "");

          if (g_hash_table_add (written, detail) &&
              !complete_actor (self, actor_id, mention, error))
            return FALSE;
        }
      if (g_hash_table_add (written, g_strdup_printf ("a%" G_GINT64_FORMAT "\x1f%s", actor_id,
                                                      mention->text)) &&
          is_name_like (mention->text) &&
          !insert_alias (self, actor_id, mention->text, error))
        return FALSE;

      stmt = get_stmt (self, STMT_INSERT_MENTION, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, actor_id);
      sqlite3_bind_int64 (stmt, 3, mention->span.start);
      sqlite3_bind_int64 (stmt, 4, mention->span.end);
      bind_text (stmt, 5, mention->text);
      if (!step_done (self, stmt, "adding a mention", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
lookup_relation_actor (GHashTable  *actor_ids,
                       const char  *name,
                       guint        index,
                       gint64      *actor_id,
                       GError     **error)
{
  g_autofree char *key = name != NULL ? dm_store_normalize_key (name) : NULL;
  gint64 *id = key != NULL ? g_hash_table_lookup (actor_ids, key) : NULL;

  if (id == NULL)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   "relation %u names “%s”, which no mention of the article names",
                   index + 1, name != NULL ? name : "(none)");
      return FALSE;
    }
  *actor_id = *id;
  return TRUE;
}

static gboolean
insert_relations (DmStore           *self,
                  const DmAnalysis  *analysis,
                  gint64             article_id,
                  GHashTable        *actor_ids,
                  GError           **error)
{
  for (guint i = 0; analysis->relations != NULL && i < analysis->relations->len; i++)
    {
      const DmRelation *relation = g_ptr_array_index (analysis->relations, i);
      g_autoptr(CachedStmt) stmt = NULL;
      gint64 source_id;
      gint64 target_id;

      if (!lookup_relation_actor (actor_ids, relation->source, i, &source_id, error) ||
          !lookup_relation_actor (actor_ids, relation->target, i, &target_id, error))
        return FALSE;

      stmt = get_stmt (self, STMT_INSERT_RELATION, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, source_id);
      sqlite3_bind_int64 (stmt, 3, target_id);
      bind_text (stmt, 4, relation->verb);
      sqlite3_bind_int (stmt, 5, relation->klass);
      sqlite3_bind_int (stmt, 6, relation->negated ? 1 : 0);
      sqlite3_bind_int64 (stmt, 7, relation->sentence.start);
      sqlite3_bind_int64 (stmt, 8, relation->sentence.end);
      sqlite3_bind_int64 (stmt, 9, relation->trigger.start);
      sqlite3_bind_int64 (stmt, 10, relation->trigger.end);
      sqlite3_bind_int64 (stmt, 11, relation->source_mention.start);
      sqlite3_bind_int64 (stmt, 12, relation->source_mention.end);
      sqlite3_bind_int64 (stmt, 13, relation->target_mention.start);
      sqlite3_bind_int64 (stmt, 14, relation->target_mention.end);
      if (!step_done (self, stmt, "adding a relation", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
find_article_by_hash (DmStore     *self,
                      const char  *hash,
                      gint64      *article_id,
                      GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_ARTICLE_BY_HASH, error);
  int rc;

  *article_id = 0;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *article_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return sql_failed (self, rc, "looking up an article", error);
  return TRUE;
}

gboolean
dm_store_add_analysis (DmStore           *self,
                       const DmAnalysis  *analysis,
                       gint64            *article_id,
                       gboolean          *added,
                       GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GHashTable) actor_ids = NULL;
  g_autoptr(DmAnalysis) curated = NULL;
  g_autofree char *hash = NULL;
  const DmArticle *article;
  gint64 id = 0;
  guint length;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (analysis->article != NULL, FALSE);
  g_return_val_if_fail (analysis->article->text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (added != NULL)
    *added = FALSE;
  if (article_id != NULL)
    *article_id = 0;

  /* The length is counted here rather than trusted: offsets are checked against it. */
  article = analysis->article;
  if (!g_utf8_validate (article->text, article->text_len, NULL))
    {
      g_set_error_literal (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                           "the article text is not valid UTF-8");
      return FALSE;
    }
  length = g_utf8_strlen (article->text, article->text_len);
  if (!validate_analysis (analysis, length, error))
    return FALSE;

  hash = hash_text (article->text, article->text_len);
  /* Names as this article's mentions gave them, by key: a relation may spell one
   * differently ("Nato" for "NATO"). */
  actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  locker = g_mutex_locker_new (&self->mutex);

  /* One transaction per article: the corpus holds all of it or none of it. IMMEDIATE takes
   * the write lock now, so the duplicate check below cannot race another writer. */
  if (!run_simple (self, STMT_BEGIN_IMMEDIATE, "starting a transaction", error))
    return FALSE;

  ok = find_article_by_hash (self, hash, &id, error);
  if (ok && id != 0)
    {
      rollback (self);
      if (article_id != NULL)
        *article_id = id;
      return TRUE;
    }

  /* The corpus's curation rules (merged names, "not an actor", corrected relations) turn
   * the extractor's analysis into the one written. */
  ok = ok && dm_store_curation_apply_locked (self->db, &self->curation, analysis, hash,
                                             &curated, error);
  if (curated != NULL)
    {
      analysis = curated;
      article = curated->article;
    }
  ok = ok &&
       insert_article (self, article, length, hash, &id, error) &&
       insert_mentions (self, analysis, id, actor_ids, error) &&
       insert_relations (self, analysis, id, actor_ids, error) &&
       run_simple (self, STMT_COMMIT, "saving the article", error);

  if (!ok)
    {
      rollback (self);
      return FALSE;
    }

  if (article_id != NULL)
    *article_id = id;
  if (added != NULL)
    *added = TRUE;
  return TRUE;
}

gboolean
dm_store_has_text (DmStore     *self,
                   const char  *text,
                   gboolean    *present,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (present != NULL, FALSE);

  hash = hash_text (text, -1);
  locker = g_mutex_locker_new (&self->mutex);
  *present = FALSE;
  if (!find_article_by_hash (self, hash, &id, error))
    return FALSE;
  *present = id != 0;
  return TRUE;
}

/* Actors */

static DmActorInfo *
actor_info_from_row (sqlite3_stmt *stmt)
{
  DmActorInfo *info = g_new0 (DmActorInfo, 1);
  int type = sqlite3_column_int (stmt, 2);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->name = column_dup (stmt, 1);
  info->type = type >= 0 && type < DM_N_ACTOR_TYPES ? (DmActorType) type : DM_ACTOR_GROUP;
  info->role = column_dup (stmt, 3);
  info->affiliation = column_dup (stmt, 4);
  info->n_mentions = sqlite3_column_int (stmt, 5);
  info->n_relations = sqlite3_column_int (stmt, 6);
  return info;
}

/* "%" and "_" in what a person typed are literal. */
static char *
like_pattern (const char *search)
{
  g_autofree char *key = dm_store_normalize_key (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
dm_store_list_actors (DmStore     *self,
                      const char  *search,
                      guint32      type_mask,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autofree char *pattern = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (search != NULL && search[0] != '\0')
    pattern = like_pattern (search);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_LIST_ACTORS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, type_mask);
  bind_text (stmt, 2, pattern);

  actors = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_actor_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actors, actor_info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sql_failed (self, rc, "listing actors", error);
      return NULL;
    }
  return g_steal_pointer (&actors);
}

static DmActorInfo *
get_actor_locked (DmStore     *self,
                  gint64       actor_id,
                  GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_GET_ACTOR, error);

  if (stmt == NULL || !step_row_by_id (self, stmt, actor_id, "actor", error))
    return NULL;
  return actor_info_from_row (stmt);
}

DmActorInfo *
dm_store_get_actor (DmStore     *self,
                    gint64       actor_id,
                    GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return get_actor_locked (self, actor_id, error);
}

DmActorInfo *
dm_store_find_actor (DmStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  gint64 actor_id = 0;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = dm_store_normalize_key (name);
  locker = g_mutex_locker_new (&self->mutex);

  if (!find_actor_by_key (self, key, &actor_id, error))
    return NULL;

  if (actor_id == 0)
    {
      /* An alias may belong to several actors ("the president"): the most mentioned wins. */
      g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_ACTOR_BY_ALIAS_KEY, error);

      if (stmt == NULL)
        return NULL;
      bind_text (stmt, 1, key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        actor_id = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          sql_failed (self, rc, "looking up an actor", error);
          return NULL;
        }
    }

  if (actor_id == 0)
    return NULL;
  return get_actor_locked (self, actor_id, error);
}

GStrv
dm_store_get_aliases (DmStore     *self,
                      gint64       actor_id,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_ALIASES, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      sql_failed (self, rc, "reading aliases", error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Articles */

static DmArticleInfo *
article_info_from_row (sqlite3_stmt *stmt)
{
  DmArticleInfo *info = g_new0 (DmArticleInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->origin = column_dup (stmt, 1);
  info->title = column_dup (stmt, 2);
  info->date = column_dup (stmt, 3);
  info->source = column_dup (stmt, 4);
  info->url = column_dup (stmt, 5);
  info->length = sqlite3_column_int (stmt, 6);
  info->n_mentions = sqlite3_column_int (stmt, 7);
  info->n_relations = sqlite3_column_int (stmt, 8);
  return info;
}

GPtrArray *
dm_store_list_articles (DmStore  *self,
                        GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_LIST_ARTICLES, error);
  if (stmt == NULL)
    return NULL;

  articles = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_article_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, article_info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sql_failed (self, rc, "listing articles", error);
      return NULL;
    }
  return g_steal_pointer (&articles);
}

DmArticleInfo *
dm_store_get_article (DmStore  *self,
                      gint64    article_id,
                      GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_GET_ARTICLE, error);
  if (stmt == NULL || !step_row_by_id (self, stmt, article_id, "article", error))
    return NULL;
  return article_info_from_row (stmt);
}

char *
dm_store_get_article_text (DmStore  *self,
                           gint64    article_id,
                           GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_ARTICLE_TEXT, error);
  if (stmt == NULL || !step_row_by_id (self, stmt, article_id, "article", error))
    return NULL;
  return g_strndup ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Relations */

static DmSpan
column_span (sqlite3_stmt *stmt,
             int           column)
{
  DmSpan span = { sqlite3_column_int (stmt, column), sqlite3_column_int (stmt, column + 1) };

  return span;
}

static DmRelationInfo *
relation_info_from_row (sqlite3_stmt *stmt)
{
  DmRelationInfo *info = g_new0 (DmRelationInfo, 1);
  int klass = sqlite3_column_int (stmt, 7);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->article_id = sqlite3_column_int64 (stmt, 1);
  info->source_id = sqlite3_column_int64 (stmt, 2);
  info->target_id = sqlite3_column_int64 (stmt, 3);
  info->source = column_dup (stmt, 4);
  info->target = column_dup (stmt, 5);
  info->verb = column_dup (stmt, 6);
  info->klass = klass >= 0 && klass < DM_N_CLASSES ? (DmRelationClass) klass : DM_CLASS_STATEMENT;
  info->negated = sqlite3_column_int (stmt, 8) != 0;
  info->sentence = column_span (stmt, 9);
  info->trigger = column_span (stmt, 11);
  info->source_mention = column_span (stmt, 13);
  info->target_mention = column_span (stmt, 15);
  info->sentence_text = column_dup (stmt, 17);
  if (info->sentence_text == NULL)
    info->sentence_text = g_strdup ("");
  info->article_title = column_dup (stmt, 18);
  info->article_date = column_dup (stmt, 19);
  return info;
}

static GPtrArray *
collect_relations (DmStore       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  int rc;

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_relation_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (relations, relation_info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sql_failed (self, rc, "listing relations", error);
      return NULL;
    }
  return g_steal_pointer (&relations);
}

/* Id lists are bound as one JSON array and read back with json_each(), so a statement of
 * fixed text serves any number of ids. */
static char *
ids_to_json (const GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

GPtrArray *
dm_store_list_relations (DmStore            *self,
                         const DmGraphQuery *query,
                         GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *excluded = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  excluded = ids_to_json (query != NULL ? query->excluded_articles : NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_LIST_RELATIONS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, query != NULL ? query->class_mask : DM_ALL_CLASSES);
  sqlite3_bind_int64 (stmt, 2, query != NULL ? query->type_mask : DM_ALL_ACTOR_TYPES);
  bind_text (stmt, 3, query != NULL && query->date_from != NULL && query->date_from[0] != '\0'
                      ? query->date_from : NULL);
  bind_text (stmt, 4, query != NULL && query->date_to != NULL && query->date_to[0] != '\0'
                      ? query->date_to : NULL);
  bind_text (stmt, 5, excluded);
  return collect_relations (self, stmt, error);
}

GPtrArray *
dm_store_list_actor_relations (DmStore  *self,
                               gint64    actor_id,
                               GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_ACTOR_RELATIONS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  return collect_relations (self, stmt, error);
}

GPtrArray *
dm_store_get_relations (DmStore       *self,
                        const GArray  *relation_ids,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *ids = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (relation_ids != NULL, NULL);

  ids = ids_to_json (relation_ids);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_RELATIONS_BY_ID, error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, ids);
  return collect_relations (self, stmt, error);
}

/* Statistics */

static gboolean
count_rows (DmStore     *self,
            StmtId       id,
            guint       *count,
            GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_failed (self, rc, "counting", error);
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
count_groups (DmStore     *self,
              StmtId       id,
              guint       *counts,
              guint        n_counts,
              guint       *total,
              GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *total = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int group = sqlite3_column_int (stmt, 0);
      guint count = sqlite3_column_int (stmt, 1);

      if (group >= 0 && (guint) group < n_counts)
        counts[group] += count;
      *total += count;
    }
  if (rc != SQLITE_DONE)
    return sql_failed (self, rc, "counting", error);
  return TRUE;
}

gboolean
dm_store_get_stats (DmStore       *self,
                    DmStoreStats  *stats,
                    GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  locker = g_mutex_locker_new (&self->mutex);

  return count_rows (self, STMT_COUNT_ARTICLES, &stats->n_articles, error) &&
         count_rows (self, STMT_COUNT_MENTIONS, &stats->n_mentions, error) &&
         count_groups (self, STMT_ACTORS_BY_TYPE, stats->actors_by_type,
                       DM_N_ACTOR_TYPES, &stats->n_actors, error) &&
         count_groups (self, STMT_RELATIONS_BY_CLASS, stats->relations_by_class,
                       DM_N_CLASSES, &stats->n_relations, error);
}

/* Layout cache */

gboolean
dm_store_lookup_layout (DmStore     *self,
                        const char  *key,
                        char       **xdot,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (xdot != NULL, FALSE);

  *xdot = NULL;
  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_LOOKUP_LAYOUT, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *xdot = column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    return sql_failed (self, rc, "reading the layout cache", error);
  return TRUE;
}

#define LAYOUT_DATA_SUFFIX "#data"

static gboolean save_layout_value (DmStore     *self,
                                   const char  *key,
                                   const char  *xdot,
                                   GBytes      *data,
                                   GError     **error);

gboolean
dm_store_save_layout (DmStore     *self,
                      const char  *key,
                      const char  *xdot,
                      GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (xdot != NULL, FALSE);

  return save_layout_value (self, key, xdot, NULL, error);
}

gboolean
dm_store_save_layout_data (DmStore     *self,
                           const char  *key,
                           GBytes      *data,
                           GError     **error)
{
  g_autofree char *data_key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  data_key = g_strconcat (key, LAYOUT_DATA_SUFFIX, NULL);
  return save_layout_value (self, data_key, NULL, data, error);
}

gboolean
dm_store_lookup_layout_data (DmStore     *self,
                             const char  *key,
                             GBytes     **data,
                             GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *data_key = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  *data = NULL;
  data_key = g_strconcat (key, LAYOUT_DATA_SUFFIX, NULL);
  locker = g_mutex_locker_new (&self->mutex);
  stmt = get_stmt (self, STMT_LOOKUP_LAYOUT, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, data_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (stmt, 0);
      int len = sqlite3_column_bytes (stmt, 0);

      *data = g_bytes_new (blob, len > 0 ? (gsize) len : 0);
    }
  else if (rc != SQLITE_DONE)
    return sql_failed (self, rc, "reading the layout cache", error);
  return TRUE;
}

static gboolean
save_layout_value (DmStore     *self,
                   const char  *key,
                   const char  *xdot,
                   GBytes      *data,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  locker = g_mutex_locker_new (&self->mutex);
  if (!run_simple (self, STMT_BEGIN_IMMEDIATE, "starting a transaction", error))
    return FALSE;

  {
    g_autoptr(CachedStmt) save = get_stmt (self, STMT_SAVE_LAYOUT, error);
    g_autoptr(CachedStmt) prune = NULL;

    ok = save != NULL;
    if (ok)
      {
        bind_text (save, 1, key);
        if (data != NULL)
          {
            gsize len;
            const void *bytes = g_bytes_get_data (data, &len);

            sqlite3_bind_blob64 (save, 2, bytes != NULL ? bytes : "", len, SQLITE_TRANSIENT);
          }
        else
          bind_text (save, 2, xdot);
        ok = step_done (self, save, "saving a layout", error);
      }
    if (ok && data == NULL)
      {
        /* new xdot text: a serialisation of the layout it replaces is stale */
        g_autoptr(CachedStmt) drop = get_stmt (self, STMT_DELETE_LAYOUT, error);
        g_autofree char *data_key = g_strconcat (key, LAYOUT_DATA_SUFFIX, NULL);

        ok = drop != NULL;
        if (ok)
          {
            bind_text (drop, 1, data_key);
            ok = step_done (self, drop, "saving a layout", error);
          }
      }
    if (ok)
      {
        prune = get_stmt (self, STMT_PRUNE_LAYOUTS, error);
        ok = prune != NULL;
      }
    if (ok)
      {
        sqlite3_bind_int (prune, 1, MAX_CACHED_LAYOUTS);
        ok = step_done (self, prune, "saving a layout", error);
      }
  }

  ok = ok && run_simple (self, STMT_COMMIT, "saving a layout", error);
  if (!ok)
    rollback (self);
  return ok;
}

/* Values */

void
dm_actor_info_free (DmActorInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->role);
  g_free (info->affiliation);
  g_free (info);
}

void
dm_article_info_free (DmArticleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->origin);
  g_free (info->title);
  g_free (info->date);
  g_free (info->source);
  g_free (info->url);
  g_free (info);
}

void
dm_relation_info_free (DmRelationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->source);
  g_free (info->target);
  g_free (info->verb);
  g_free (info->sentence_text);
  g_free (info->article_title);
  g_free (info->article_date);
  g_free (info);
}

/* For the store's other files (dm-store-private.h) */

sqlite3 *
dm_store_lock (DmStore *self)
{
  g_mutex_lock (&self->mutex);
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
