/* dm-store-private.h — what the parts of the store share: the connection, statements, errors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "dm-store-write.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Dramatis corpus: "DmC0" in ASCII. */
#define DM_STORE_APPLICATION_ID 0x446d4330

/* The newest schema this build knows (PRAGMA user_version); see migrations[] in
 * dm-store-schema.c. */
int       dm_store_schema_latest_version (void);

/* Looks at the raw file header before SQLite opens the file, so that garbage, another
 * program's database, a truncated copy or a newer corpus is refused without a single write.
 * *@is_new is TRUE when @path does not exist or is empty. */
gboolean  dm_store_schema_check_file     (const char  *path,
                                          gboolean    *is_new,
                                          GError     **error);

/* The same checks through SQLite (which also sees a newer header held in the WAL), read-only.
 * *@version is the schema version found, 0 for a database with no tables yet. */
gboolean  dm_store_schema_check_db       (sqlite3     *db,
                                          const char  *path,
                                          int         *version,
                                          GError     **error);

/* Brings a checked database from @version to the latest one, one transaction per step. */
gboolean  dm_store_schema_migrate        (sqlite3     *db,
                                          int          version,
                                          GError     **error);

/* Turns a SQLite result code into a DM_STORE_ERROR a person can act on; @what names the
 * operation ("adding an article"). */
void      dm_store_set_error_from_sqlite (GError     **error,
                                          sqlite3     *db,
                                          int          rc,
                                          const char  *what);

/* The case-insensitive key actors and aliases are looked up by: NFKC, case-folded,
 * typographic apostrophes made plain, runs of white space made one space. */
char     *dm_store_normalize_key         (const char  *name);

/* Every statement the store keeps prepared, by the file whose SQL it is. */
typedef enum {
  /* dm-store.c */
  DM_STORE_STMT_BEGIN_IMMEDIATE,
  DM_STORE_STMT_COMMIT,
  DM_STORE_STMT_ROLLBACK,
  /* dm-store-batch.c */
  DM_STORE_STMT_SAVEPOINT,
  DM_STORE_STMT_RELEASE,
  DM_STORE_STMT_ROLLBACK_TO,
  /* dm-store-read.c */
  DM_STORE_STMT_ARTICLE_BY_HASH,
  DM_STORE_STMT_ACTOR_BY_KEY,
  DM_STORE_STMT_LIST_ACTORS,
  DM_STORE_STMT_LIST_TOP_ACTORS,
  DM_STORE_STMT_GET_ACTOR,
  DM_STORE_STMT_ACTOR_BY_ALIAS_KEY,
  DM_STORE_STMT_ALIASES,
  DM_STORE_STMT_LIST_ARTICLES,
  DM_STORE_STMT_GET_ARTICLE,
  DM_STORE_STMT_ARTICLE_TEXT,
  DM_STORE_STMT_LIST_RELATIONS,
  DM_STORE_STMT_ACTOR_RELATIONS,
  DM_STORE_STMT_RELATIONS_BY_ID,
  DM_STORE_STMT_COUNT_ARTICLES,
  DM_STORE_STMT_COUNT_MENTIONS,
  DM_STORE_STMT_ACTORS_BY_TYPE,
  DM_STORE_STMT_RELATIONS_BY_CLASS,
  DM_STORE_STMT_LOOKUP_LAYOUT,
  /* dm-store-write.c */
  DM_STORE_STMT_INSERT_ARTICLE,
  DM_STORE_STMT_PEOPLE_BY_LAST_KEY,
  DM_STORE_STMT_INSERT_ACTOR,
  DM_STORE_STMT_RENAME_ACTOR,
  DM_STORE_STMT_DROP_ALIAS,
  DM_STORE_STMT_COMPLETE_ACTOR,
  DM_STORE_STMT_INSERT_ALIAS,
  DM_STORE_STMT_INSERT_MENTION,
  DM_STORE_STMT_INSERT_RELATION,
  DM_STORE_STMT_SAVE_LAYOUT,
  DM_STORE_STMT_PRUNE_LAYOUTS,
  DM_STORE_STMT_DELETE_LAYOUT,
  /* dm-store-view.c */
  DM_STORE_STMT_VIEW_ENSURE,
  DM_STORE_STMT_VIEW_SET_EXCLUDED,
  DM_STORE_STMT_VIEW_SET_PINNED,
  DM_STORE_STMT_VIEW_SET_POSITION,
  DM_STORE_STMT_VIEW_PRUNE,
  DM_STORE_STMT_VIEW_LIST,
  DM_STORE_STMT_VIEW_COUNT_RELATIONS,
  DM_STORE_STMT_VIEW_COUNT_MENTIONS,
  DM_STORE_STMT_VIEW_COUNT_PAIRS,
  DM_STORE_STMT_VIEW_RELATION_COUNTS,
  DM_STORE_STMT_VIEW_PAIR_COUNTS,
  DM_STORE_STMT_VIEW_EXCLUDED_RELATIONS,
  DM_STORE_STMT_VIEW_PAIR_RELATIONS,
  DM_STORE_STMT_VIEW_ACTORS,
  DM_STORE_STMT_VIEW_ACTORS_BY_ID,
  DM_STORE_STMT_VIEW_TOTALS,
  DM_STORE_STMT_VIEW_HEAVIEST,
  DM_STORE_STMT_VIEW_WEIGHTS_BY_ID,
  DM_STORE_STMT_VIEW_ACTOR_PAIRS,
  DM_STORE_STMT_VIEW_PAIRS_AMONG,
  DM_STORE_N_STMTS
} DmStoreStmtId;

struct _DmStore
{
  GMutex        mutex;            /* held by every public function for its whole run */
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[DM_STORE_N_STMTS];   /* prepared on first use, reused until close */
  gboolean      ready;            /* checked and migrated: closing may write to the file */
  struct _DmCurationCache *curation;  /* the corpus's rules, for every add (dm-store-rules.c) */
  /* dm_store_begin_batch() (dm-store-batch.c); batch_max 0: one transaction per article */
  guint         batch_max;        /* articles a batch's transaction holds at most */
  guint         batch_pending;    /* articles added in the open transaction */
  gint64        batch_started;    /* when it began (monotonic) */
  GError       *batch_lost;       /* SQLite undid it: said at the next add or the batch's end */
};

/* The layout cache keeps a layout's serialisation under "<key>#data", beside its xdot text. */
#define DM_STORE_LAYOUT_DATA_SUFFIX "#data"

/* A statement borrowed from the cache: g_autoptr(DmStoreStmt) resets and unbinds it when it
 * goes out of scope, so every return path hands it back clean. */
typedef sqlite3_stmt DmStoreStmt;

static inline void
dm_store_stmt_release (DmStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmStoreStmt, dm_store_stmt_release)

/* Statement @id, prepared from @sql on first use (each file passes its own SQL for its own
 * ids); the mutex must be held. */
DmStoreStmt *dm_store_get_stmt        (DmStore       *self,
                                       DmStoreStmtId  id,
                                       const char    *sql,
                                       GError       **error);

/* dm_store_set_error_from_sqlite() for this store's connection; returns FALSE. */
gboolean  dm_store_fail               (DmStore       *self,
                                       int            rc,
                                       const char    *what,
                                       GError       **error);

/* Runs a statement that returns no rows. */
gboolean  dm_store_step_done          (DmStore       *self,
                                       sqlite3_stmt  *stmt,
                                       const char    *what,
                                       GError       **error);

/* Steps a statement that returns at most one row: TRUE with *@found saying whether it did,
 * the row then readable from @stmt; FALSE with the SQLite failure. */
gboolean  dm_store_step_optional_row  (DmStore       *self,
                                       sqlite3_stmt  *stmt,
                                       gboolean      *found,
                                       const char    *what,
                                       GError       **error);

/* BEGIN IMMEDIATE: takes the write lock now, so that what the transaction reads before it
 * writes cannot change under it. */
gboolean  dm_store_begin              (DmStore       *self,
                                       GError       **error);
gboolean  dm_store_commit             (DmStore       *self,
                                       const char    *what,
                                       GError       **error);
/* Rolls back unless SQLite already did on its own (disk full, I/O error). */
void      dm_store_rollback           (DmStore       *self);
/* An article's transaction (dm-store-batch.c): its own, or a savepoint in the open batch's;
 * commit ends the batch's transaction when it is full or old. Abandon undoes the article
 * only. The mutex must be held. */
gboolean  dm_store_article_begin      (DmStore       *self,
                                       GError       **error);
gboolean  dm_store_article_commit     (DmStore       *self,
                                       GError       **error);
void      dm_store_article_abandon    (DmStore       *self);
/* Commits the articles of an open batch before another write (an edit, the rules, a view
 * setting) begins a transaction; the mutex must be held. */
void      dm_store_settle_batch       (DmStore       *self);
/* Commits an open batch's transaction; on failure rolls it back and keeps the loss for
 * dm_store_take_batch_lost(). */
gboolean  dm_store_commit_batch       (DmStore       *self,
                                       GError       **error);
/* The open batch's articles are gone (@reason): said once, by dm_store_take_batch_lost(). */
void      dm_store_batch_lost         (DmStore       *self,
                                       const char    *reason);
gboolean  dm_store_take_batch_lost    (DmStore       *self,
                                       GError       **error);

/* NULL binds SQL NULL. */
void      dm_store_bind_text          (sqlite3_stmt  *stmt,
                                       int            index,
                                       const char    *text);
/* A TEXT column as a new string, NULL for SQL NULL. */
char     *dm_store_column_dup         (sqlite3_stmt  *stmt,
                                       int            column);

/* What identifies an article's text in the corpus (articles.hash). */
char     *dm_store_hash_text          (const char    *text,
                                       gssize         len);

/* Lookups the writer shares with the queries (dm-store-read.c); the mutex must be held.
 * *@actor_id / *@article_id is 0 when there is none. */
gboolean  dm_store_find_actor_by_key  (DmStore       *self,
                                       const char    *key,
                                       gint64        *actor_id,
                                       GError       **error);
gboolean  dm_store_find_article_by_hash (DmStore     *self,
                                       const char    *hash,
                                       gint64        *article_id,
                                       GError       **error);

/* The store's connection, for the curation files: locks the store's mutex (every public
 * function holds it) and returns the database; dm_store_unlock() releases it. */
sqlite3  *dm_store_lock                  (DmStore     *self);
void      dm_store_unlock                (DmStore     *self);

/* Curation (dm-store-rules.c): the rules cached for a store, read again when an edit
 * changed them, and the counts of what they touched, written now and then. */
typedef struct _DmCurationCache DmCurationCache;

void      dm_curation_cache_free         (DmCurationCache *cache);
/* Writes the pending counts (in a transaction of its own); the store locked. */
gboolean  dm_curation_cache_flush        (DmCurationCache *cache,
                                          GError         **error);
/* The store's cache slot; the store locked. */
DmCurationCache **dm_store_get_curation_cache (DmStore   *self);

/* Called by dm_store_add_analysis() inside its transaction, the store locked: *@curated is
 * @analysis rewritten by the enabled rules, or NULL when no rule changes it. @hash is the
 * article text's content hash. */
gboolean  dm_store_curation_apply_locked (sqlite3          *db,
                                          DmCurationCache **cache,
                                          const DmAnalysis *analysis,
                                          const char       *hash,
                                          DmAnalysis      **curated,
                                          GError          **error);
/* Id lists (gint64) are bound as one JSON array and read back with json_each(), so a
 * statement of fixed text serves any number of ids. */
char       *dm_store_ids_to_json      (const GArray  *ids);
/* A query's date bound as bound: NULL for NULL or "". */
const char *dm_store_nonempty_or_null (const char    *str);

/* actor_weights and view_totals (schema 5) counted from pair_counts as a whole: what the
 * migration fills an older corpus with and what a full recount checks the triggers against.
 * An actor's sentences are the relations at either end (a self-pair once), its partners the
 * distinct other actors it has a pair with, either way round. */
#define DM_STORE_WEIGH_ACTORS_SQL \
  "DELETE FROM actor_weights;" \
  "INSERT INTO actor_weights" \
  "  SELECT actor_id, sum(n), count(DISTINCT partner), sum(n) + count(DISTINCT partner)" \
  "  FROM (SELECT source_id AS actor_id, nullif (target_id, source_id) AS partner, n" \
  "        FROM pair_counts" \
  "        UNION ALL" \
  "        SELECT target_id, source_id, n FROM pair_counts WHERE target_id <> source_id)" \
  "  GROUP BY actor_id;" \
  "DELETE FROM view_totals;" \
  "INSERT INTO view_totals" \
  "  SELECT 1, (SELECT count(*) FROM actor_weights)," \
  "         (SELECT count(*) FROM (SELECT DISTINCT source_id, target_id FROM pair_counts));"
/* class_totals and type_totals (schema 6) counted as a whole, the same way. */
#define DM_STORE_COUNT_TOTALS_SQL \
  "DELETE FROM class_totals;" \
  "INSERT INTO class_totals SELECT class, sum(n) FROM pair_counts GROUP BY class;" \
  "DELETE FROM type_totals;" \
  "INSERT INTO type_totals SELECT type, count(*) FROM actors GROUP BY type;"

/* dm-store-view.c: adds the relations and mentions of the article just inserted to the
 * aggregates the views read (relation_counts, pair_counts, actor_counts); inside the import's
 * transaction, mutex held. */
gboolean    dm_store_view_count_article (DmStore     *self,
                                         gint64       article_id,
                                         GError     **error);
/* dm-store-view.c: counts the aggregates again from relations and mentions. Curation
 * (edits, undo, redo) calls it inside its transaction: a merge or a deletion changes rows
 * the per-article counting of imports never sees again. */
gboolean    dm_store_view_recount       (sqlite3     *db,
                                         GError     **error);
/* The same for the actors whose counts @changeset (an edit's, or its inverse) may alter
 * (dm-store-view-recount.c): what an edit costs grows with what it changed, not with the
 * corpus. */
gboolean    dm_store_view_recount_changes (sqlite3     *db,
                                           const void  *changeset,
                                           int          n_bytes,
                                           GError     **error);

G_END_DECLS
