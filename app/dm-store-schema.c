/* dm-store-schema.c — the corpus schema, its migrations, and the checks made before opening
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dm-store-private.h"

/* Files up to this size (some 4,000 articles, checked in about 0.2 s) get a PRAGMA quick_check
 * on open; it reads every page, so a bigger corpus relies on the header checks and on SQLite
 * reporting damage when it meets it. */
#define QUICK_CHECK_MAX_BYTES (16 * 1024 * 1024)

#define SQLITE_HEADER_SIZE 100

/* Version N of the schema is migrations[N - 1] applied to version N - 1. Append only: a
 * released step is never edited, a change is a new step.
 *
 * Enumerations are stored as their values in dm-types.h (the contract's order):
 * actors.type is a DmActorType, relations.class a DmRelationClass. Offsets are code points
 * in articles.text, end exclusive. actors.key and aliases.key hold dm_store_normalize_key();
 * actors.last_key the key's last word, for people and officials only (surname matching). */
static const char * const migrations[] = {
  /* 1: the initial schema */
  "CREATE TABLE articles ("
  "  id          INTEGER PRIMARY KEY,"
  "  origin      TEXT NOT NULL,"
  "  title       TEXT,"
  "  date        TEXT,"
  "  source      TEXT,"
  "  url         TEXT,"
  "  text        TEXT NOT NULL,"
  "  length      INTEGER NOT NULL,"
  "  hash        TEXT NOT NULL UNIQUE,"
  "  imported_at TEXT NOT NULL"
  ");"
  "CREATE INDEX articles_by_date ON articles (date);"
  "CREATE TABLE actors ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  key         TEXT NOT NULL UNIQUE,"
  "  last_key    TEXT,"
  "  type        INTEGER NOT NULL,"
  "  role        TEXT,"
  "  affiliation TEXT"
  ");"
  "CREATE INDEX actors_by_last_key ON actors (last_key);"
  "CREATE TABLE aliases ("
  "  actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  alias       TEXT NOT NULL,"
  "  key         TEXT NOT NULL,"
  "  UNIQUE (actor_id, alias)"
  ");"
  "CREATE INDEX aliases_by_key ON aliases (key);"
  "CREATE TABLE mentions ("
  "  id          INTEGER PRIMARY KEY,"
  "  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  start       INTEGER NOT NULL,"
  "  \"end\"     INTEGER NOT NULL,"
  "  text        TEXT NOT NULL"
  ");"
  "CREATE INDEX mentions_by_actor ON mentions (actor_id);"
  "CREATE INDEX mentions_by_article ON mentions (article_id);"
  "CREATE TABLE relations ("
  "  id             INTEGER PRIMARY KEY,"
  "  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  source_id      INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  target_id      INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  verb           TEXT NOT NULL,"
  "  class          INTEGER NOT NULL,"
  "  negated        INTEGER NOT NULL,"
  "  sentence_start INTEGER NOT NULL,"
  "  sentence_end   INTEGER NOT NULL,"
  "  trigger_start  INTEGER NOT NULL,"
  "  trigger_end    INTEGER NOT NULL,"
  "  source_start   INTEGER NOT NULL,"
  "  source_end     INTEGER NOT NULL,"
  "  target_start   INTEGER NOT NULL,"
  "  target_end     INTEGER NOT NULL"
  ");"
  "CREATE INDEX relations_by_source ON relations (source_id);"
  "CREATE INDEX relations_by_target ON relations (target_id);"
  "CREATE INDEX relations_by_article ON relations (article_id);"
  "CREATE TABLE layouts ("
  "  key         TEXT PRIMARY KEY,"
  "  xdot        TEXT NOT NULL,"
  "  created_at  INTEGER NOT NULL"
  ");",

  /* 2: curation (dm-store-journal.c, dm-store-curation.c). The corpus tables are rebuilt
   * with AUTOINCREMENT, so an id is never given twice and an undone deletion brings rows
   * back under their own ids; aliases get a key of their own so that the journal's sessions
   * record them. edits is the journal (changeset: the SQLite session changeset of the edit,
   * undone: taken back, can be redone); rules are what later imports apply (kind: the rules
   * file's kind, see dm-curation.h); curation_state.generation changes with every edit, undo
   * and redo, so a cached copy of the rules knows when to read them again. */
  "CREATE TABLE new_articles ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  origin      TEXT NOT NULL,"
  "  title       TEXT,"
  "  date        TEXT,"
  "  source      TEXT,"
  "  url         TEXT,"
  "  text        TEXT NOT NULL,"
  "  length      INTEGER NOT NULL,"
  "  hash        TEXT NOT NULL UNIQUE,"
  "  imported_at TEXT NOT NULL"
  ");"
  "INSERT INTO new_articles SELECT id, origin, title, date, source, url, text, length, hash,"
  "  imported_at FROM articles;"
  "CREATE TABLE new_actors ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name        TEXT NOT NULL,"
  "  key         TEXT NOT NULL UNIQUE,"
  "  last_key    TEXT,"
  "  type        INTEGER NOT NULL,"
  "  role        TEXT,"
  "  affiliation TEXT"
  ");"
  "INSERT INTO new_actors SELECT id, name, key, last_key, type, role, affiliation FROM actors;"
  "CREATE TABLE new_aliases ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  alias       TEXT NOT NULL,"
  "  key         TEXT NOT NULL,"
  "  UNIQUE (actor_id, alias)"
  ");"
  "INSERT INTO new_aliases (actor_id, alias, key) SELECT actor_id, alias, key FROM aliases;"
  "CREATE TABLE new_mentions ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  start       INTEGER NOT NULL,"
  "  \"end\"     INTEGER NOT NULL,"
  "  text        TEXT NOT NULL"
  ");"
  "INSERT INTO new_mentions SELECT id, article_id, actor_id, start, \"end\", text FROM mentions;"
  "CREATE TABLE new_relations ("
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  source_id      INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  target_id      INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  verb           TEXT NOT NULL,"
  "  class          INTEGER NOT NULL,"
  "  negated        INTEGER NOT NULL,"
  "  sentence_start INTEGER NOT NULL,"
  "  sentence_end   INTEGER NOT NULL,"
  "  trigger_start  INTEGER NOT NULL,"
  "  trigger_end    INTEGER NOT NULL,"
  "  source_start   INTEGER NOT NULL,"
  "  source_end     INTEGER NOT NULL,"
  "  target_start   INTEGER NOT NULL,"
  "  target_end     INTEGER NOT NULL"
  ");"
  "INSERT INTO new_relations SELECT * FROM relations;"
  "DROP TABLE relations;"
  "DROP TABLE mentions;"
  "DROP TABLE aliases;"
  "DROP TABLE actors;"
  "DROP TABLE articles;"
  "ALTER TABLE new_articles RENAME TO articles;"
  "ALTER TABLE new_actors RENAME TO actors;"
  "ALTER TABLE new_aliases RENAME TO aliases;"
  "ALTER TABLE new_mentions RENAME TO mentions;"
  "ALTER TABLE new_relations RENAME TO relations;"
  "CREATE INDEX articles_by_date ON articles (date);"
  "CREATE INDEX actors_by_last_key ON actors (last_key);"
  "CREATE INDEX aliases_by_key ON aliases (key);"
  "CREATE INDEX mentions_by_actor ON mentions (actor_id);"
  "CREATE INDEX mentions_by_article ON mentions (article_id);"
  "CREATE INDEX relations_by_source ON relations (source_id);"
  "CREATE INDEX relations_by_target ON relations (target_id);"
  "CREATE INDEX relations_by_article ON relations (article_id);"
  "CREATE TABLE edits ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind        TEXT NOT NULL,"
  "  summary     TEXT NOT NULL,"
  "  n_relations INTEGER NOT NULL,"
  "  changeset   BLOB NOT NULL,"
  "  undone      INTEGER NOT NULL DEFAULT 0,"
  "  made_at     TEXT NOT NULL"
  ");"
  "CREATE TABLE rules ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  edit_id     INTEGER,"
  "  kind        TEXT NOT NULL,"
  "  key         TEXT NOT NULL,"
  "  name        TEXT,"
  "  value       TEXT,"
  "  detail      TEXT,"
  "  enabled     INTEGER NOT NULL DEFAULT 1,"
  "  made_at     TEXT NOT NULL,"
  "  n_relations INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX rules_by_key ON rules (kind, key);"
  "CREATE TABLE curation_state ("
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
  "  generation  INTEGER NOT NULL"
  ");"
  "INSERT INTO curation_state VALUES (1, 0);",

  /* 3: what the explorer's views need (dm-store-view.c). actor_view holds the user's
   * choices per actor: left out of every view, always shown, a position dragged to
   * (Graphviz points, y up). relation_counts and actor_counts are aggregates the overview
   * and ego views read instead of scanning relations and mentions: relations per
   * (source, target, verb, class, negated, article day; '' for undated articles) and
   * mentions per actor. dm_store_view_count_article() adds each new article to them in
   * its import transaction; this step counts what an older corpus already holds. */
  "CREATE TABLE actor_view ("
  "  actor_id    INTEGER PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,"
  "  excluded    INTEGER NOT NULL DEFAULT 0,"
  "  pinned      INTEGER NOT NULL DEFAULT 0,"
  "  x           REAL,"
  "  y           REAL"
  ");"
  "CREATE TABLE relation_counts ("
  "  source_id   INTEGER NOT NULL,"
  "  target_id   INTEGER NOT NULL,"
  "  verb        TEXT NOT NULL,"
  "  class       INTEGER NOT NULL,"
  "  negated     INTEGER NOT NULL,"
  "  day         TEXT NOT NULL,"
  "  n           INTEGER NOT NULL,"
  "  PRIMARY KEY (source_id, target_id, verb, class, negated, day)"
  ") WITHOUT ROWID;"
  "CREATE INDEX relation_counts_by_target ON relation_counts (target_id);"
  /* the evidence of one edge, without reading every relation of a hub */
  "CREATE INDEX relations_by_pair ON relations (source_id, target_id);"
  "CREATE TABLE actor_counts ("
  "  actor_id    INTEGER PRIMARY KEY,"
  "  n_mentions  INTEGER NOT NULL"
  ");"
  "INSERT INTO relation_counts"
  "  SELECT r.source_id, r.target_id, r.verb, r.class, r.negated, coalesce (ar.date, ''), count(*)"
  "  FROM relations r JOIN articles ar ON ar.id = r.article_id"
  "  GROUP BY 1, 2, 3, 4, 5, 6;"
  "INSERT INTO actor_counts SELECT actor_id, count(*) FROM mentions GROUP BY actor_id;",

  /* 4: the views of a large corpus without a time window. pair_counts is relation_counts
   * without the day: relations per (source, target, verb, class, negated). An undated view
   * reads it instead of summing every day of every pair (at 100,000 articles the per-day
   * table has several rows per pair); dm_store_view_count_article() and the edits' recount
   * keep it with the per-day table; this step sums what an older corpus holds. */
  "CREATE TABLE pair_counts ("
  "  source_id   INTEGER NOT NULL,"
  "  target_id   INTEGER NOT NULL,"
  "  verb        TEXT NOT NULL,"
  "  class       INTEGER NOT NULL,"
  "  negated     INTEGER NOT NULL,"
  "  n           INTEGER NOT NULL,"
  "  PRIMARY KEY (source_id, target_id, verb, class, negated)"
  ") WITHOUT ROWID;"
  "CREATE INDEX pair_counts_by_target ON pair_counts (target_id);"
  /* `stats`'s most mentioned actors, read off the top of the index */
  "CREATE INDEX actor_counts_by_mentions ON actor_counts (n_mentions);"
  "INSERT INTO pair_counts"
  "  SELECT source_id, target_id, verb, class, negated, sum(n) FROM relation_counts"
  "  GROUP BY 1, 2, 3, 4, 5;",

  /* 5: the heaviest actors of a large corpus without reading it. actor_weights holds each
   * actor's weight in the views (dm-graph-select.c: its sentences + its distinct partners)
   * over pair_counts, indexed by weight, so the overview reads its top actors off the index;
   * view_totals the number of actors with a relation and of directed pairs, the overview's
   * "N of M" without counting. Triggers on pair_counts keep both as imports, edits, undo
   * and redo add and drop its rows; this step weighs what an older corpus holds. */
  "CREATE TABLE actor_weights ("
  "  actor_id     INTEGER PRIMARY KEY,"
  "  n_sentences  INTEGER NOT NULL,"
  "  n_partners   INTEGER NOT NULL,"
  "  weight       INTEGER NOT NULL"
  ");"
  "CREATE INDEX actor_weights_by_weight ON actor_weights (weight DESC, actor_id);"
  "CREATE TABLE view_totals ("
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
  "  n_actors    INTEGER NOT NULL,"
  "  n_pairs     INTEGER NOT NULL"
  ");"
  DM_STORE_WEIGH_ACTORS_SQL
  /* a row of a pair's first verb and class makes a new directed pair, and a new partner at
   * both ends unless the pair the other way round is there already */
  "CREATE TRIGGER pair_counts_weigh_insert AFTER INSERT ON pair_counts BEGIN"
  "  UPDATE view_totals SET n_pairs = n_pairs + 1"
  "   WHERE (SELECT count(*) FROM pair_counts"
  "          WHERE source_id = NEW.source_id AND target_id = NEW.target_id) = 1;"
  "  UPDATE view_totals SET n_actors = n_actors"
  "    + (SELECT count(*) FROM (SELECT NEW.source_id AS id UNION SELECT NEW.target_id)"
  "       WHERE id NOT IN (SELECT actor_id FROM actor_weights));"
  "  INSERT INTO actor_weights VALUES (NEW.source_id, 0, 0, 0) ON CONFLICT DO NOTHING;"
  "  INSERT INTO actor_weights VALUES (NEW.target_id, 0, 0, 0) ON CONFLICT DO NOTHING;"
  "  UPDATE actor_weights"
  "     SET n_sentences = n_sentences + NEW.n, n_partners = n_partners + p.new,"
  "         weight = weight + NEW.n + p.new"
  "    FROM (SELECT NEW.source_id <> NEW.target_id"
  "                 AND (SELECT count(*) FROM pair_counts"
  "                      WHERE source_id = NEW.source_id AND target_id = NEW.target_id)"
  "                     + (SELECT count(*) FROM pair_counts"
  "                        WHERE source_id = NEW.target_id AND target_id = NEW.source_id) = 1"
  "                 AS new) AS p"
  "   WHERE actor_id IN (NEW.source_id, NEW.target_id);"
  "END;"
  "CREATE TRIGGER pair_counts_weigh_update AFTER UPDATE OF n ON pair_counts BEGIN"
  "  UPDATE actor_weights"
  "     SET n_sentences = n_sentences + NEW.n - OLD.n, weight = weight + NEW.n - OLD.n"
  "   WHERE actor_id IN (NEW.source_id, NEW.target_id);"
  "END;"
  "CREATE TRIGGER pair_counts_weigh_delete AFTER DELETE ON pair_counts BEGIN"
  "  UPDATE view_totals SET n_pairs = n_pairs - 1"
  "   WHERE NOT EXISTS (SELECT 1 FROM pair_counts"
  "                     WHERE source_id = OLD.source_id AND target_id = OLD.target_id);"
  "  UPDATE actor_weights"
  "     SET n_sentences = n_sentences - OLD.n, n_partners = n_partners - p.gone,"
  "         weight = weight - OLD.n - p.gone"
  "    FROM (SELECT OLD.source_id <> OLD.target_id"
  "                 AND NOT EXISTS (SELECT 1 FROM pair_counts"
  "                                 WHERE source_id = OLD.source_id AND target_id = OLD.target_id)"
  "                 AND NOT EXISTS (SELECT 1 FROM pair_counts"
  "                                 WHERE source_id = OLD.target_id AND target_id = OLD.source_id)"
  "                 AS gone) AS p"
  "   WHERE actor_id IN (OLD.source_id, OLD.target_id);"
  "  UPDATE view_totals SET n_actors = n_actors"
  "    - (SELECT count(*) FROM actor_weights"
  "       WHERE actor_id IN (OLD.source_id, OLD.target_id) AND n_sentences = 0);"
  "  DELETE FROM actor_weights"
  "   WHERE actor_id IN (OLD.source_id, OLD.target_id) AND n_sentences = 0;"
  "END;",

  /* 6: `stats` of a large corpus without counting it: relations per class and actors per
   * type as running totals, kept by triggers on pair_counts and actors (which undo and redo
   * write as any edit does); this step counts what an older corpus holds. */
  "CREATE TABLE class_totals ("
  "  class       INTEGER PRIMARY KEY,"
  "  n           INTEGER NOT NULL"
  ");"
  "CREATE TABLE type_totals ("
  "  type        INTEGER PRIMARY KEY,"
  "  n           INTEGER NOT NULL"
  ");"
  DM_STORE_COUNT_TOTALS_SQL
  "CREATE TRIGGER pair_counts_class_insert AFTER INSERT ON pair_counts BEGIN"
  "  INSERT INTO class_totals VALUES (NEW.class, NEW.n)"
  "    ON CONFLICT DO UPDATE SET n = n + excluded.n;"
  "END;"
  "CREATE TRIGGER pair_counts_class_update AFTER UPDATE OF n ON pair_counts BEGIN"
  "  UPDATE class_totals SET n = n + NEW.n - OLD.n WHERE class = NEW.class;"
  "END;"
  "CREATE TRIGGER pair_counts_class_delete AFTER DELETE ON pair_counts BEGIN"
  "  UPDATE class_totals SET n = n - OLD.n WHERE class = OLD.class;"
  "END;"
  "CREATE TRIGGER actors_type_insert AFTER INSERT ON actors BEGIN"
  "  INSERT INTO type_totals VALUES (NEW.type, 1) ON CONFLICT DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER actors_type_delete AFTER DELETE ON actors BEGIN"
  "  UPDATE type_totals SET n = n - 1 WHERE type = OLD.type;"
  "END;"
  "CREATE TRIGGER actors_type_update AFTER UPDATE OF type ON actors BEGIN"
  "  UPDATE type_totals SET n = n - 1 WHERE type = OLD.type;"
  "  INSERT INTO type_totals VALUES (NEW.type, 1) ON CONFLICT DO UPDATE SET n = n + 1;"
  "END;",
};

int
dm_store_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  /* A WAL holds a 32-byte header, then frames. */
  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* A rollback journal left by a program that stopped mid-commit: SQLite puts its pages back
 * before anything reads the file, which may meanwhile be shorter than its header says. */
static gboolean
journal_is_pending (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;

  return g_stat (journal, &st) == 0 && st.st_size > 0;
}

static gboolean
not_a_corpus (GError     **error,
              const char  *reason)
{
  g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_A_CORPUS,
               _("not a Dramatis corpus: %s"), reason);
  return FALSE;
}

static gboolean
newer_schema (GError **error,
              guint32  version)
{
  g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NEWER_SCHEMA,
               _("the corpus was made by a newer version of Dramatis (schema %u; this one "
                 "reads up to %d); it was left unchanged"),
               version, dm_store_schema_latest_version ());
  return FALSE;
}

gboolean
dm_store_schema_check_file (const char  *path,
                            gboolean    *is_new,
                            GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  guint32 page_size;
  guint32 app_id;
  guint32 version;
  gssize n_read = 0;
  int fd;

  *is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN,
                   _("cannot open the corpus: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN,
                           S_ISDIR (st.st_mode) ? _("cannot open the corpus: it is a folder")
                                                : _("cannot open the corpus: not a regular file"));
      return FALSE;
    }

  /* An empty file holds nothing to lose: it becomes a new corpus, as SQLite would treat it. */
  if (st.st_size == 0 && !wal_has_frames (path))
    {
      *is_new = TRUE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN,
                   _("cannot open the corpus: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  while (n_read < SQLITE_HEADER_SIZE)
    {
      gssize n = read (fd, header + n_read, SQLITE_HEADER_SIZE - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  close (fd);

  if (n_read < SQLITE_HEADER_SIZE || memcmp (header, "SQLite format 3", 16) != 0)
    return not_a_corpus (error, "it is not an SQLite database");

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return not_a_corpus (error, "its SQLite header is damaged");

  app_id = read_be32 (header + 68);
  version = read_be32 (header + 60);

  if (app_id != 0 && app_id != DM_STORE_APPLICATION_ID)
    return not_a_corpus (error, "it is an SQLite database of another program");

  if (app_id == DM_STORE_APPLICATION_ID && version > (guint32) dm_store_schema_latest_version ())
    return newer_schema (error, version);

  /* Pages beyond the first hold tables; ours get the application id in the same transaction
   * that creates them. Refusing here also keeps SQLite from replaying another program's
   * hot journal into its file. */
  if (app_id == 0 && read_be32 (header + 92) == read_be32 (header + 24) &&
      read_be32 (header + 28) > 1)
    return not_a_corpus (error, "it is an SQLite database of another program");

  /* The header's page count is valid when its "version-valid-for" number matches the change
   * counter. With pending WAL frames or a pending journal the file may legitimately lag
   * behind. */
  if (read_be32 (header + 92) == read_be32 (header + 24) && !wal_has_frames (path) &&
      !journal_is_pending (path))
    {
      guint64 expected = (guint64) read_be32 (header + 28) * page_size;

      if (expected > 0 && (guint64) st.st_size < expected)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_A_CORPUS,
                       _("the corpus file is truncated (%llu of %llu bytes); it was left unchanged"),
                       (unsigned long long) st.st_size, (unsigned long long) expected);
          return FALSE;
        }
    }

  return TRUE;
}

/* The integer in the first column of the first row of @sql: an SQLite result code. */
static int
query_int_rc (sqlite3     *db,
              const char  *sql,
              gint64      *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  int rc = query_int_rc (db, sql, value);

  if (rc != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("reading the corpus header"));
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        {
          g_clear_error (error);
          not_a_corpus (error, "the file is damaged or not an SQLite database");
        }
    }
  return rc == SQLITE_OK;
}

/* SQLite's report may span lines and open with "*** in database main ***": the first line
 * that names the damage, for a one-line message. */
static char *
first_problem (const char *report)
{
  g_auto(GStrv) lines = g_strsplit (report != NULL ? report : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "*** "))
        return g_strdup (lines[i]);
    }
  return g_strdup ("unknown damage");
}

static gboolean
quick_check (sqlite3     *db,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            problem = first_problem (result);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("checking the corpus"));
      return FALSE;
    }
  if (problem != NULL)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_A_CORPUS,
                   _("the corpus file is damaged (%s); it was left unchanged"), problem);
      return FALSE;
    }
  return TRUE;
}

gboolean
dm_store_schema_check_db (sqlite3     *db,
                          const char  *path,
                          int         *version,
                          GError     **error)
{
  gint64 n_objects = 0;
  gint64 app_id = 0;
  gint64 user_version = 0;
  GStatBuf st;
  int rc;

  *version = 0;

  /* One read transaction for the three: read one by one, another program creating the
   * corpus at the same moment could commit in between, and an empty database with its
   * version already set looks like somebody else's. Reading sqlite_schema parses the whole
   * schema: garbage past the header fails here. */
  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("reading the corpus"));
      return FALSE;
    }
  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (db, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, "PRAGMA user_version", &user_version, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (app_id == 0)
    {
      if (n_objects == 0 && user_version == 0)
        return TRUE;   /* an empty database: ours to initialise */
      return not_a_corpus (error, "it is an SQLite database of another program");
    }
  if ((guint32) app_id != DM_STORE_APPLICATION_ID)
    return not_a_corpus (error, "it is an SQLite database of another program");
  if (user_version > dm_store_schema_latest_version ())
    return newer_schema (error, (guint32) user_version);
  if (user_version < 1)
    return not_a_corpus (error, "its schema version is missing");

  if (g_stat (path, &st) == 0 && st.st_size <= QUICK_CHECK_MAX_BYTES && !quick_check (db, error))
    return FALSE;

  *version = (int) user_version;
  return TRUE;
}

/* PRAGMA foreign_key_check: SQLITE_CONSTRAINT_FOREIGNKEY when any row refers to nothing. */
static int
check_references (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_ROW ? SQLITE_CONSTRAINT_FOREIGNKEY : rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean migrate_steps (sqlite3     *db,
                               int          version,
                               GError     **error);

gboolean
dm_store_schema_migrate (sqlite3     *db,
                         int          version,
                         GError     **error)
{
  gboolean ok;

  g_assert (version >= 0 && version <= dm_store_schema_latest_version ());

  /* A step that rebuilds a table drops the old one, which with foreign keys on would delete
   * every row referring to it (SQLite's "making other kinds of table schema changes"); each
   * step checks the references itself before it commits. The pragma is a no-op inside a
   * transaction, so it is set here, between them. */
  if (version < dm_store_schema_latest_version ())
    sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  ok = migrate_steps (db, version, error);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}

static gboolean
migrate_steps (sqlite3     *db,
               int          version,
               GError     **error)
{
  for (int next = version + 1; next <= dm_store_schema_latest_version (); next++)
    {
      g_autofree char *stamp = NULL;
      g_autofree char *what = NULL;
      gint64 current = 0;
      int rc;

      /* PRAGMA takes no bound parameters; these are our own integers, not user text. */
      stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                               DM_STORE_APPLICATION_ID, next);
      what = g_strdup_printf (_("upgrading the corpus to schema %d"), next);

      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      /* The version was read before the write lock: another program opening the corpus at
       * the same time (two creating it at once) may have made this step in between. */
      if (rc == SQLITE_OK)
        rc = query_int_rc (db, "PRAGMA user_version", &current);
      if (rc == SQLITE_OK && current >= next)
        {
          if (current > dm_store_schema_latest_version ())
            {
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              return newer_schema (error, (guint32) current);
            }
          rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            {
              next = (int) current;
              continue;
            }
        }
      else if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, migrations[next - 1], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = check_references (db);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          dm_store_set_error_from_sqlite (error, db, rc, what);
          if (!sqlite3_get_autocommit (db))
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The key of an ASCII name, as the Unicode path below makes it: NFKC leaves ASCII as it is,
 * case folding lowers A–Z, and the white space g_unichar_isspace() knows among ASCII is
 * \t \n \r \f and space. Most names are ASCII, and the Unicode tables took a tenth of an
 * import --jsonl (every mention's actor is looked up by its key). */
static char *
ascii_key (const char *name)
{
  GString *key = g_string_sized_new (strlen (name));
  gboolean pending_space = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          pending_space = key->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (key, ' ');
          pending_space = FALSE;
        }
      g_string_append_c (key, g_ascii_tolower (c));
    }
  return g_string_free (key, FALSE);
}

char *
dm_store_normalize_key (const char *name)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (is_ascii (name))
    return ascii_key (name);

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = key->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (key, ' ');
          pending_space = FALSE;
        }
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)   /* ’ ‘ ʼ */
        c = '\'';
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}
