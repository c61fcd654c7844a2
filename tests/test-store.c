/* test-store.c — the corpus: schema and refusals, round trips, actor resolution, filters
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dm-graph-query.h"
#include "dm-store-private.h"
#include "dm-store.h"
#include "test-util.h"

/* Fixture: a fresh temporary folder holding the corpus path */

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dramatis-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "corpus.dramatis", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Building analyses by hand: spans are found in the text and counted in code points */

static DmSpan
span_of (const char *text,
         const char *needle,
         guint       occurrence)
{
  const char *p = text;
  DmSpan span;

  for (guint i = 0; ; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == occurrence)
        break;
      p += strlen (needle);
    }
  span.start = g_utf8_pointer_to_offset (text, p);
  span.end = span.start + g_utf8_strlen (needle, -1);
  return span;
}

static DmAnalysis *
analysis_new (const char *origin,
              const char *text,
              const char *date)
{
  DmArticle *article = dm_article_new (origin, text, -1);

  article->date = g_strdup (date);
  article->title = g_strdup_printf ("Title of %s", origin);
  return dm_analysis_new (article);
}

static void
add_mention (DmAnalysis  *analysis,
             const char  *surface,
             guint        occurrence,
             const char  *actor,
             DmActorType  type,
             const char  *role,
             const char  *affiliation)
{
  DmSpan span = span_of (analysis->article->text, surface, occurrence);

  g_ptr_array_add (analysis->mentions,
                   dm_mention_new (span, surface, actor, type, role, affiliation));
}

static void
add_relation (DmAnalysis      *analysis,
              const char      *source,
              const char      *target,
              const char      *verb,
              DmRelationClass  klass,
              const char      *sentence,
              const char      *trigger,
              const char      *source_surface,
              const char      *target_surface)
{
  DmRelation *relation = dm_relation_new (source, target, verb, klass, FALSE);
  const char *text = analysis->article->text;

  relation->sentence = span_of (text, sentence, 0);
  relation->trigger = span_of (text, trigger, 0);
  relation->source_mention = span_of (text, source_surface, 0);
  relation->target_mention = span_of (text, target_surface, 0);
  g_ptr_array_add (analysis->relations, relation);
}

/* "Hegseth urges allies": one source, one target, one verb, in a sentence of its own */
static DmAnalysis *
simple_analysis (const char      *origin,
                 const char      *date,
                 const char      *source,
                 DmActorType      source_type,
                 const char      *verb,
                 DmRelationClass  klass,
                 const char      *target,
                 DmActorType      target_type)
{
  g_autofree char *sentence = g_strdup_printf ("%s %s %s.", source, verb, target);
  g_autofree char *text = g_strdup_printf ("Report %s. %s Nothing else happened.", origin, sentence);
  DmAnalysis *analysis = analysis_new (origin, text, date);

  add_mention (analysis, source, 0, source, source_type, NULL, NULL);
  add_mention (analysis, target, 0, target, target_type, NULL, NULL);
  add_relation (analysis, source, target, verb, klass, sentence, verb, source, target);
  return analysis;
}

static gint64
add_ok (DmStore          *store,
        const DmAnalysis *analysis)
{
  g_autoptr(GError) error = NULL;
  gint64 article_id = 0;
  gboolean added = FALSE;

  g_assert_true (dm_store_add_analysis (store, analysis, &article_id, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
  g_assert_cmpint (article_id, >, 0);
  return article_id;
}

static DmStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  DmStore *store = dm_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static DmStoreStats
stats_of (DmStore *store)
{
  g_autoptr(GError) error = NULL;
  DmStoreStats stats;

  g_assert_true (dm_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_refused_untouched (const char   *path,
                          DmStoreError  code)
{
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;

  store = dm_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, DM_STORE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_test_message ("refused: %s", error->message);

  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_raw_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Opening, schema, refusals */

static void
test_create_reopen (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  DmStoreStats stats;

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  store = open_ok (fixture->path);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (dm_store_get_path (store), ==, fixture->path);

  stats = stats_of (store);
  g_assert_cmpuint (stats.n_articles, ==, 0);

  analysis = simple_analysis ("a.txt", "2025-02-12", "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                              DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, analysis);
  g_clear_pointer (&store, dm_store_free);

  /* Closing folds the WAL into the file: a copy of the main file alone is complete. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  }
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM relations"), ==, 1);

  store = open_ok (fixture->path);
  stats = stats_of (store);
  g_assert_cmpuint (stats.n_articles, ==, 1);
  g_assert_cmpuint (stats.n_actors, ==, 2);
  g_assert_cmpuint (stats.n_relations, ==, 1);
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty file (as a file chooser or mktemp leaves it) holds nothing to lose */
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  store = open_ok (fixture->path);
  analysis = simple_analysis ("a.txt", NULL, "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                              DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, analysis);
  g_clear_pointer (&store, dm_store_free);
  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA application_id"), ==,
                   DM_STORE_APPLICATION_ID);

  /* A folder, or a path under a missing folder, cannot be a corpus */
  store = dm_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN);
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "missing", "c.dramatis", NULL);

    store = dm_store_open (nowhere, &error);
    g_assert_null (store);
    g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_OPEN);
  }
}

static void
test_schema_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);

  g_clear_pointer (&store, dm_store_free);

  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA user_version"), ==,
                   dm_store_schema_latest_version ());
  g_assert_cmpint (dm_store_schema_latest_version (), >=, 1);
  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA application_id"), ==,
                   DM_STORE_APPLICATION_ID);
  g_assert_cmpint (query_raw_int (fixture->path,
                                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                                  " ('articles', 'actors', 'aliases', 'mentions', 'relations', 'layouts')"),
                   ==, 6);
  g_assert_cmpint (query_raw_int (fixture->path,
                                  "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                                  " ('relations_by_source', 'relations_by_target', 'relations_by_article',"
                                  "  'mentions_by_actor', 'mentions_by_article', 'aliases_by_key')"),
                   ==, 6);
  /* WAL stays the file's journal mode once set (header bytes 18-19 are 2). */
  {
    g_autoptr(GBytes) bytes = file_bytes (fixture->path);
    const guint8 *header = g_bytes_get_data (bytes, NULL);

    g_assert_cmpuint (header[18], ==, 2);
    g_assert_cmpuint (header[19], ==, 2);
  }

  /* Reopening a current corpus migrates nothing and keeps its data. */
  store = open_ok (fixture->path);
  g_clear_pointer (&store, dm_store_free);
  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA user_version"), ==,
                   dm_store_schema_latest_version ());
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autofree char *sql = NULL;

  analysis = simple_analysis ("a.txt", NULL, "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                              DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, analysis);
  g_clear_pointer (&store, dm_store_free);

  sql = g_strdup_printf ("PRAGMA user_version = %d", dm_store_schema_latest_version () + 7);
  exec_raw (fixture->path, sql);

  assert_refused_untouched (fixture->path, DM_STORE_ERROR_NEWER_SCHEMA);
  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA user_version"), ==,
                   dm_store_schema_latest_version () + 7);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_newer_schema_in_wal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.dramatis", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *newer = NULL;

  g_clear_pointer (&store, dm_store_free);

  /* A newer Dramatis has bumped the schema, and the change is still in the WAL: the main
   * file's header says nothing yet, only SQLite reading the WAL can tell. */
  g_assert_cmpint (sqlite3_open (fixture->path, &newer), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = %d;",
                         dm_store_schema_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (newer, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (fixture->path, copy);
  copy_file (wal, copy_wal);
  sqlite3_close (newer);

  before = file_bytes (copy);
  store = dm_store_open (copy, &error);
  g_assert_null (store);
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NEWER_SCHEMA);
  after = file_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));
}

static char *
copy_fixture (Fixture    *fixture,
              const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
  g_autofree char *dest = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GBytes) bytes = file_bytes (source);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (dest, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dest);
}

static void
test_garbage_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *notes = copy_fixture (fixture, "notes.dramatis");
  g_autofree char *damaged = copy_fixture (fixture, "damaged.dramatis");

  /* Text saved under the corpus extension, and a file with SQLite's magic but no header. */
  assert_refused_untouched (notes, DM_STORE_ERROR_NOT_A_CORPUS);
  assert_refused_untouched (damaged, DM_STORE_ERROR_NOT_A_CORPUS);
}

static void
test_damaged_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.dramatis", NULL);
  g_autofree char *scrambled = g_build_filename (fixture->dir, "scrambled.dramatis", NULL);
  guint8 *copy;
  gsize size;

  analysis = simple_analysis ("a.txt", NULL, "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                              DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, analysis);
  g_clear_pointer (&store, dm_store_free);

  bytes = file_bytes (fixture->path);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >=, 4 * 4096);

  /* A copy cut short (an interrupted download or copy). */
  g_file_set_contents (truncated, g_bytes_get_data (bytes, NULL), size / 2, &error);
  g_assert_no_error (error);
  assert_refused_untouched (truncated, DM_STORE_ERROR_NOT_A_CORPUS);

  /* A valid header in front of a scrambled schema page. */
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  for (gsize i = 100; i < 4096; i++)
    copy[i] = (guint8) (i * 131 + 7);
  g_file_set_contents (scrambled, (const char *) copy, size, &error);
  g_assert_no_error (error);
  g_free (copy);
  assert_refused_untouched (scrambled, DM_STORE_ERROR_NOT_A_CORPUS);
}

static void
test_foreign_database_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "places.sqlite", NULL);
  g_autofree char *stamped = g_build_filename (fixture->dir, "stamped.sqlite", NULL);

  exec_raw (other, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT);"
                   "INSERT INTO bookmarks (url) VALUES ('https://example.org/');");
  assert_refused_untouched (other, DM_STORE_ERROR_NOT_A_CORPUS);

  exec_raw (stamped, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
  assert_refused_untouched (stamped, DM_STORE_ERROR_NOT_A_CORPUS);
}

/* Adding analyses */

static const char round_trip_text[] =
  "Kyiv, 12 February — Україна чекає. Volodymyr Zelenskiy urged NATO to send air defence. "
  "Зеленський сказав, що «час минає». The alliance did not rule out more aid to Ukraine.";

static DmAnalysis *
round_trip_analysis (void)
{
  DmAnalysis *analysis = analysis_new ("kyiv.txt", round_trip_text, "2025-02-12");

  analysis->article->source = g_strdup ("Example Wire");
  analysis->article->url = g_strdup ("https://example.org/kyiv");
  add_mention (analysis, "Україна", 0, "Ukraine", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "Volodymyr Zelenskiy", 0, "Volodymyr Zelenskiy", DM_ACTOR_OFFICIAL,
               "President", "Ukraine");
  add_mention (analysis, "NATO", 0, "NATO", DM_ACTOR_ORGANIZATION, NULL, NULL);
  add_mention (analysis, "Зеленський", 0, "Volodymyr Zelenskiy", DM_ACTOR_OFFICIAL, NULL, NULL);
  add_mention (analysis, "The alliance", 0, "NATO", DM_ACTOR_ORGANIZATION, NULL, NULL);
  add_mention (analysis, "Ukraine", 0, "Ukraine", DM_ACTOR_COUNTRY, NULL, NULL);
  add_relation (analysis, "Volodymyr Zelenskiy", "NATO", "urges", DM_CLASS_APPEAL,
                "Volodymyr Zelenskiy urged NATO to send air defence.", "urged",
                "Volodymyr Zelenskiy", "NATO");
  /* The relation spells the alliance as another article would: it is the same actor */
  add_relation (analysis, "Nato", "Ukraine", "rules out", DM_CLASS_REJECT,
                "The alliance did not rule out more aid to Ukraine.", "rule out",
                "The alliance", "Ukraine");
  ((DmRelation *) g_ptr_array_index (analysis->relations, 1))->negated = TRUE;
  return analysis;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) analysis = round_trip_analysis ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) zelenskiy = NULL;
  g_autoptr(DmActorInfo) nato = NULL;
  g_autoptr(DmArticleInfo) article = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) aliases = NULL;
  g_autofree char *text = NULL;
  DmRelationInfo *urges;
  DmRelationInfo *rules_out;
  gint64 article_id;

  article_id = add_ok (store, analysis);

  /* The article, its text byte for byte, its counts */
  text = dm_store_get_article_text (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, round_trip_text);

  article = dm_store_get_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->origin, ==, "kyiv.txt");
  g_assert_cmpstr (article->title, ==, "Title of kyiv.txt");
  g_assert_cmpstr (article->date, ==, "2025-02-12");
  g_assert_cmpstr (article->source, ==, "Example Wire");
  g_assert_cmpstr (article->url, ==, "https://example.org/kyiv");
  g_assert_cmpuint (article->length, ==, g_utf8_strlen (round_trip_text, -1));
  g_assert_cmpuint (article->n_mentions, ==, 6);
  g_assert_cmpuint (article->n_relations, ==, 2);

  articles = dm_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpint (((DmArticleInfo *) articles->pdata[0])->id, ==, article_id);

  /* Actors: one per canonical name, surface forms as aliases, role and affiliation kept */
  zelenskiy = dm_store_find_actor (store, "volodymyr zelenskiy", &error);
  g_assert_no_error (error);
  g_assert_nonnull (zelenskiy);
  g_assert_cmpstr (zelenskiy->name, ==, "Volodymyr Zelenskiy");
  g_assert_cmpint (zelenskiy->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (zelenskiy->role, ==, "President");
  g_assert_cmpstr (zelenskiy->affiliation, ==, "Ukraine");
  g_assert_cmpuint (zelenskiy->n_mentions, ==, 2);
  g_assert_cmpuint (zelenskiy->n_relations, ==, 1);

  aliases = dm_store_get_aliases (store, zelenskiy->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) aliases, "Зеленський"));
  g_assert_false (g_strv_contains ((const char * const *) aliases, "Volodymyr Zelenskiy"));

  /* An alias finds its actor, in any case; a description ("The alliance") is no alias */
  nato = dm_store_find_actor (store, "nato", &error);
  g_assert_no_error (error);
  g_assert_nonnull (nato);
  g_assert_cmpstr (nato->name, ==, "NATO");
  g_assert_cmpuint (nato->n_relations, ==, 2);
  g_assert_null (dm_store_find_actor (store, "the alliance", &error));
  g_assert_no_error (error);
  {
    g_autoptr(DmActorInfo) by_alias = dm_store_find_actor (store, "ЗЕЛЕНСЬКИЙ", &error);

    g_assert_no_error (error);
    g_assert_nonnull (by_alias);
    g_assert_cmpint (by_alias->id, ==, zelenskiy->id);
  }
  g_assert_null (dm_store_find_actor (store, "Hegseth", &error));
  g_assert_no_error (error);

  /* Relations, with evidence sentences cut by code points out of non-ASCII text */
  relations = dm_store_list_relations (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 2);
  urges = relations->pdata[0];
  rules_out = relations->pdata[1];
  g_assert_cmpstr (urges->source, ==, "Volodymyr Zelenskiy");
  g_assert_cmpstr (urges->target, ==, "NATO");
  g_assert_cmpint (urges->source_id, ==, zelenskiy->id);
  g_assert_cmpint (urges->target_id, ==, nato->id);
  g_assert_cmpstr (urges->verb, ==, "urges");
  g_assert_cmpint (urges->klass, ==, DM_CLASS_APPEAL);
  g_assert_false (urges->negated);
  g_assert_cmpstr (urges->sentence_text, ==, "Volodymyr Zelenskiy urged NATO to send air defence.");
  g_assert_cmpuint (urges->trigger.start, ==, span_of (round_trip_text, "urged", 0).start);
  g_assert_cmpuint (urges->target_mention.end, ==, span_of (round_trip_text, "NATO", 0).end);
  g_assert_cmpstr (urges->article_title, ==, "Title of kyiv.txt");
  g_assert_cmpstr (urges->article_date, ==, "2025-02-12");
  g_assert_cmpint (urges->article_id, ==, article_id);
  g_assert_cmpstr (rules_out->source, ==, "NATO");
  g_assert_cmpint (rules_out->source_id, ==, nato->id);
  g_assert_true (rules_out->negated);
  g_assert_cmpint (rules_out->klass, ==, DM_CLASS_REJECT);
  g_assert_cmpstr (rules_out->sentence_text, ==, "The alliance did not rule out more aid to Ukraine.");

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, rules_out->id);
  by_id = dm_store_get_relations (store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_id->len, ==, 1);
  g_assert_cmpstr (((DmRelationInfo *) by_id->pdata[0])->sentence_text, ==,
                   "The alliance did not rule out more aid to Ukraine.");
}

static void
test_dedupe (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) first = round_trip_analysis ();
  g_autoptr(DmAnalysis) again = round_trip_analysis ();
  g_autoptr(GError) error = NULL;
  DmStoreStats before, after;
  gint64 first_id, again_id = 0;
  gboolean added = TRUE;
  gboolean present = FALSE;

  g_assert_true (dm_store_has_text (store, round_trip_text, &present, &error));
  g_assert_false (present);

  first_id = add_ok (store, first);
  before = stats_of (store);

  /* Same text under another name: nothing added, the existing id returned */
  g_free (again->article->id);
  again->article->id = g_strdup ("copy-of-kyiv.txt");
  g_assert_true (dm_store_add_analysis (store, again, &again_id, &added, &error));
  g_assert_no_error (error);
  g_assert_false (added);
  g_assert_cmpint (again_id, ==, first_id);

  after = stats_of (store);
  g_assert_cmpuint (after.n_articles, ==, before.n_articles);
  g_assert_cmpuint (after.n_mentions, ==, before.n_mentions);
  g_assert_cmpuint (after.n_relations, ==, before.n_relations);

  g_assert_true (dm_store_has_text (store, round_trip_text, &present, &error));
  g_assert_true (present);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) good = NULL;
  g_autoptr(DmAnalysis) broken = NULL;
  g_autoptr(DmAnalysis) out_of_range = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) newcomer = NULL;
  DmStoreStats before, after;
  gboolean added = TRUE;
  gboolean present = TRUE;
  DmRelation *relation;

  good = simple_analysis ("good.txt", NULL, "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                          DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, good);
  before = stats_of (store);

  /* The article, a new actor and its mentions are written before the second relation turns
   * out to name an actor no mention names: all of it must go. */
  broken = simple_analysis ("broken.txt", NULL, "Rutte", DM_ACTOR_OFFICIAL, "meets",
                            DM_CLASS_CONSULT, "Hegseth", DM_ACTOR_OFFICIAL);
  relation = dm_relation_new ("Rutte", "Atlantis", "threatens", DM_CLASS_THREATEN, FALSE);
  g_ptr_array_add (broken->relations, relation);
  g_assert_false (dm_store_add_analysis (store, broken, NULL, &added, &error));
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_assert_false (added);
  g_clear_error (&error);

  after = stats_of (store);
  g_assert_cmpuint (after.n_articles, ==, before.n_articles);
  g_assert_cmpuint (after.n_actors, ==, before.n_actors);
  g_assert_cmpuint (after.n_mentions, ==, before.n_mentions);
  g_assert_cmpuint (after.n_relations, ==, before.n_relations);
  newcomer = dm_store_find_actor (store, "Rutte", &error);
  g_assert_no_error (error);
  g_assert_null (newcomer);
  g_assert_true (dm_store_has_text (store, broken->article->text, &present, &error));
  g_assert_false (present);

  /* Offsets outside the text are refused before anything is written */
  out_of_range = simple_analysis ("range.txt", NULL, "Rutte", DM_ACTOR_OFFICIAL, "meets",
                                  DM_CLASS_CONSULT, "Hegseth", DM_ACTOR_OFFICIAL);
  ((DmMention *) out_of_range->mentions->pdata[1])->span.end = out_of_range->article->length + 5;
  g_assert_false (dm_store_add_analysis (store, out_of_range, NULL, NULL, &error));
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (stats_of (store).n_articles, ==, before.n_articles);

  /* A mention without an actor name is refused as well */
  {
    g_autoptr(DmAnalysis) nameless = simple_analysis ("nameless.txt", NULL, "Rutte", DM_ACTOR_OFFICIAL,
                                                      "meets", DM_CLASS_CONSULT, "Hegseth",
                                                      DM_ACTOR_OFFICIAL);
    DmMention *mention = nameless->mentions->pdata[0];

    g_free (mention->actor);
    mention->actor = g_strdup (" \t");
    g_assert_false (dm_store_add_analysis (store, nameless, NULL, NULL, &error));
    g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_cmpuint (stats_of (store).n_articles, ==, before.n_articles);
  }

  /* The store still works after a rollback, and the corrected article goes in whole */
  g_ptr_array_remove_index (broken->relations, 1);
  add_ok (store, broken);
  after = stats_of (store);
  g_assert_cmpuint (after.n_articles, ==, before.n_articles + 1);
  g_assert_cmpuint (after.n_actors, ==, before.n_actors + 1);
}

static void
test_surname_resolution (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) lone = NULL;
  g_autoptr(DmAnalysis) full = NULL;
  g_autoptr(DmAnalysis) lone_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) info = NULL;
  g_auto(GStrv) aliases = NULL;
  gint64 zelenskiy;

  /* An article that only ever says "Zelenskiy" */
  lone = simple_analysis ("lone.txt", NULL, "Zelenskiy", DM_ACTOR_OFFICIAL, "thanks",
                          DM_CLASS_STATEMENT, "Poland", DM_ACTOR_COUNTRY);
  add_ok (store, lone);
  zelenskiy = dm_test_actor_id (store, "Zelenskiy");

  /* The full name arrives: same actor, and the full name becomes canonical */
  full = simple_analysis ("full.txt", NULL, "Volodymyr Zelenskiy", DM_ACTOR_OFFICIAL, "urges",
                          DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, full);
  info = dm_store_get_actor (store, zelenskiy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Volodymyr Zelenskiy");
  g_assert_cmpuint (info->n_relations, ==, 2);
  aliases = dm_store_get_aliases (store, zelenskiy, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) aliases, "Zelenskiy"));

  /* Later lone surnames join it too */
  lone_again = simple_analysis ("lone-again.txt", NULL, "Zelenskiy", DM_ACTOR_PERSON, "meets",
                                DM_CLASS_CONSULT, "Macron", DM_ACTOR_OFFICIAL);
  add_ok (store, lone_again);
  g_assert_cmpint (dm_test_actor_id (store, "zelenskiy"), ==, zelenskiy);
  g_assert_cmpint (dm_test_actor_id (store, "Volodymyr Zelenskiy"), ==, zelenskiy);
  g_clear_pointer (&info, dm_actor_info_free);
  info = dm_store_get_actor (store, zelenskiy, &error);
  g_assert_cmpuint (info->n_mentions, ==, 3);
  g_assert_cmpint (info->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpuint (stats_of (store).n_actors, ==, 4);   /* Zelenskiy, Poland, NATO, Macron */
}

static void
test_surname_ambiguous (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) donald = NULL;
  g_autoptr(DmAnalysis) melania = NULL;
  g_autoptr(DmAnalysis) lone = NULL;
  g_autoptr(DmAnalysis) country = NULL;
  g_autoptr(DmAnalysis) michael = NULL;
  gint64 trump;

  donald = simple_analysis ("donald.txt", NULL, "Donald Trump", DM_ACTOR_OFFICIAL, "calls",
                            DM_CLASS_CONSULT, "Vladimir Putin", DM_ACTOR_OFFICIAL);
  melania = simple_analysis ("melania.txt", NULL, "Melania Trump", DM_ACTOR_PERSON, "visits",
                             DM_CLASS_CONSULT, "France", DM_ACTOR_COUNTRY);
  add_ok (store, donald);
  add_ok (store, melania);
  g_assert_cmpint (dm_test_actor_id (store, "Donald Trump"), !=, dm_test_actor_id (store, "Melania Trump"));

  /* "Trump" alone could be either: a separate actor rather than a wrong merge */
  lone = simple_analysis ("lone.txt", NULL, "Trump", DM_ACTOR_OFFICIAL, "criticises",
                          DM_CLASS_DISAPPROVE, "Putin", DM_ACTOR_OFFICIAL);
  add_ok (store, lone);
  trump = dm_test_actor_id (store, "Trump");
  g_assert_cmpint (trump, !=, dm_test_actor_id (store, "Donald Trump"));
  g_assert_cmpint (trump, !=, dm_test_actor_id (store, "Melania Trump"));
  /* …while "Putin" is unambiguous and joins "Vladimir Putin" */
  g_assert_cmpint (dm_test_actor_id (store, "Putin"), ==, dm_test_actor_id (store, "Vladimir Putin"));

  /* Surnames only join people: the country Jordan is not Michael Jordan */
  country = simple_analysis ("jordan.txt", NULL, "Jordan", DM_ACTOR_COUNTRY, "condemns",
                             DM_CLASS_DISAPPROVE, "Israel", DM_ACTOR_COUNTRY);
  michael = simple_analysis ("michael.txt", NULL, "Michael Jordan", DM_ACTOR_PERSON, "praises",
                             DM_CLASS_SUPPORT, "Chicago Bulls", DM_ACTOR_ORGANIZATION);
  add_ok (store, country);
  add_ok (store, michael);
  g_assert_cmpint (dm_test_actor_id (store, "Jordan"), !=, dm_test_actor_id (store, "Michael Jordan"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DmActorInfo) jordan = dm_store_get_actor (store, dm_test_actor_id (store, "Jordan"), &error);

    g_assert_cmpstr (jordan->name, ==, "Jordan");
    g_assert_cmpint (jordan->type, ==, DM_ACTOR_COUNTRY);
  }
}

static void
test_aliases (Fixture       *fixture,
              gconstpointer  data)
{
  static const char text[] =
    "Beijing warned Washington. The Kremlin said he would go. She thanked him. "
    "The bloc met in the US. 北京 replied. His aides wrote to the United States.";
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) analysis = analysis_new ("aliases.txt", text, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) china = NULL;
  g_auto(GStrv) us = NULL;
  g_auto(GStrv) russia = NULL;
  g_auto(GStrv) eu = NULL;

  add_mention (analysis, "Beijing", 0, "China", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "Washington", 0, "United States", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "The Kremlin", 0, "Russia", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "he", 0, "Russia", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "She", 0, "European Union", DM_ACTOR_ORGANIZATION, NULL, NULL);
  add_mention (analysis, "him", 0, "United States", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "The bloc", 0, "European Union", DM_ACTOR_ORGANIZATION, NULL, NULL);
  add_mention (analysis, "US", 0, "United States", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "北京", 0, "China", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "His", 0, "Russia", DM_ACTOR_COUNTRY, NULL, NULL);
  add_mention (analysis, "the United States", 0, "United States", DM_ACTOR_COUNTRY, NULL, NULL);
  add_ok (store, analysis);

  /* Names and name-like forms are aliases; pronouns and descriptions are not */
  china = dm_store_get_aliases (store, dm_test_actor_id (store, "China"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (china), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) china, "Beijing"));
  g_assert_true (g_strv_contains ((const char * const *) china, "北京"));

  us = dm_store_get_aliases (store, dm_test_actor_id (store, "United States"), &error);
  g_assert_cmpuint (g_strv_length (us), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) us, "Washington"));
  g_assert_true (g_strv_contains ((const char * const *) us, "US"));
  g_assert_true (g_strv_contains ((const char * const *) us, "the United States"));

  russia = dm_store_get_aliases (store, dm_test_actor_id (store, "Russia"), &error);
  g_assert_cmpuint (g_strv_length (russia), ==, 1);
  g_assert_cmpstr (russia[0], ==, "The Kremlin");

  eu = dm_store_get_aliases (store, dm_test_actor_id (store, "European Union"), &error);
  g_assert_cmpuint (g_strv_length (eu), ==, 0);

  /* …while every mention is kept */
  g_assert_cmpuint (stats_of (store).n_mentions, ==, 11);
  g_assert_cmpint (dm_test_actor_id (store, "washington"), ==, dm_test_actor_id (store, "United States"));
}

static void
test_case_and_details (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) first = NULL;
  g_autoptr(DmAnalysis) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) hegseth = NULL;
  g_autoptr(DmActorInfo) nato = NULL;

  first = simple_analysis ("first.txt", NULL, "Pete Hegseth", DM_ACTOR_PERSON, "urges",
                           DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  add_ok (store, first);

  /* Another article spells the names differently and knows more about him */
  second = analysis_new ("second.txt", "Defence Secretary PETE HEGSETH met Nato officials.", NULL);
  add_mention (second, "PETE HEGSETH", 0, "PETE HEGSETH", DM_ACTOR_OFFICIAL,
               "Defence Secretary", "United States");
  add_mention (second, "Nato", 0, "Nato", DM_ACTOR_ORGANIZATION, NULL, NULL);
  add_ok (store, second);

  hegseth = dm_store_find_actor (store, "pete hegseth", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hegseth->name, ==, "Pete Hegseth");   /* the first spelling stays */
  g_assert_cmpint (hegseth->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (hegseth->role, ==, "Defence Secretary");
  g_assert_cmpstr (hegseth->affiliation, ==, "United States");
  g_assert_cmpuint (hegseth->n_mentions, ==, 2);

  nato = dm_store_find_actor (store, "nato", &error);
  g_assert_cmpstr (nato->name, ==, "NATO");
  g_assert_cmpuint (nato->n_mentions, ==, 2);
  g_assert_cmpuint (stats_of (store).n_actors, ==, 2);
}

static void
test_list_actors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(DmAnalysis) analysis = round_trip_analysis ();
  g_autoptr(DmAnalysis) other = NULL;

  add_ok (store, analysis);
  other = simple_analysis ("other.txt", NULL, "Ukraine", DM_ACTOR_COUNTRY, "thanks",
                           DM_CLASS_STATEMENT, "Poland", DM_ACTOR_COUNTRY);
  add_ok (store, other);

  /* Most mentioned first: Ukraine 3, NATO 2, Zelenskiy 2, Poland 1 */
  all = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((DmActorInfo *) all->pdata[0])->name, ==, "Ukraine");
  g_assert_cmpuint (((DmActorInfo *) all->pdata[0])->n_mentions, ==, 3);
  g_assert_cmpstr (((DmActorInfo *) all->pdata[3])->name, ==, "Poland");
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpuint (((DmActorInfo *) all->pdata[i - 1])->n_mentions, >=,
                      ((DmActorInfo *) all->pdata[i])->n_mentions);

  /* Search over names and aliases, case-insensitive, Cyrillic included */
  found = dm_store_list_actors (store, "ЗЕЛЕН", DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((DmActorInfo *) found->pdata[0])->name, ==, "Volodymyr Zelenskiy");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = dm_store_list_actors (store, "україн", DM_ALL_ACTOR_TYPES, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((DmActorInfo *) found->pdata[0])->name, ==, "Ukraine");

  /* LIKE wildcards typed by a person are literal */
  none = dm_store_list_actors (store, "%", DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  countries = dm_store_list_actors (store, NULL, 1u << DM_ACTOR_COUNTRY, &error);
  g_assert_cmpuint (countries->len, ==, 2);
  for (guint i = 0; i < countries->len; i++)
    g_assert_cmpint (((DmActorInfo *) countries->pdata[i])->type, ==, DM_ACTOR_COUNTRY);
}

/* Filters */

static DmStore *
filter_corpus (Fixture *fixture,
               gint64   article_ids[3])
{
  DmStore *store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) a = NULL;
  g_autoptr(DmAnalysis) b = NULL;
  g_autoptr(DmAnalysis) c = NULL;

  a = simple_analysis ("a.txt", "2025-01-10", "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                       DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  b = simple_analysis ("b.txt", "2025-03-05", "Russia", DM_ACTOR_COUNTRY, "attacks",
                       DM_CLASS_ASSAULT, "Ukraine", DM_ACTOR_COUNTRY);
  c = simple_analysis ("c.txt", NULL, "European allies", DM_ACTOR_GROUP, "support",
                       DM_CLASS_SUPPORT, "Ukraine", DM_ACTOR_COUNTRY);
  article_ids[0] = add_ok (store, a);
  article_ids[1] = add_ok (store, b);
  article_ids[2] = add_ok (store, c);
  return store;
}

static GPtrArray *
relations_for (DmStore            *store,
               const DmGraphQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *relations = dm_store_list_relations (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (relations);
  return relations;
}

static gboolean
has_verb (GPtrArray  *relations,
          const char *verb)
{
  for (guint i = 0; i < relations->len; i++)
    {
      if (g_strcmp0 (((DmRelationInfo *) relations->pdata[i])->verb, verb) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_filter_class_and_type (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 ids[3];
  g_autoptr(DmStore) store = filter_corpus (fixture, ids);
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) conflict = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) no_groups = NULL;

  all = relations_for (store, query);
  g_assert_cmpuint (all->len, ==, 3);

  query->class_mask = (1u << DM_CLASS_ASSAULT) | (1u << DM_CLASS_APPEAL);
  conflict = relations_for (store, query);
  g_assert_cmpuint (conflict->len, ==, 2);
  g_assert_true (has_verb (conflict, "attacks"));
  g_assert_true (has_verb (conflict, "urges"));

  /* Both ends must pass the type mask */
  query->class_mask = DM_ALL_CLASSES;
  query->type_mask = 1u << DM_ACTOR_COUNTRY;
  countries = relations_for (store, query);
  g_assert_cmpuint (countries->len, ==, 1);
  g_assert_true (has_verb (countries, "attacks"));

  query->type_mask = DM_ALL_ACTOR_TYPES & ~(1u << DM_ACTOR_GROUP);
  no_groups = relations_for (store, query);
  g_assert_cmpuint (no_groups->len, ==, 2);
  g_assert_false (has_verb (no_groups, "support"));
}

static void
test_filter_articles_and_dates (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 ids[3];
  g_autoptr(DmStore) store = filter_corpus (fixture, ids);
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(GPtrArray) excluded = NULL;
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) window = NULL;
  g_autoptr(GPtrArray) nothing = NULL;
  g_autoptr(GPtrArray) actor = NULL;
  g_autoptr(GError) error = NULL;

  dm_graph_query_exclude_article (query, ids[0], TRUE);
  dm_graph_query_exclude_article (query, ids[2], TRUE);
  excluded = relations_for (store, query);
  g_assert_cmpuint (excluded->len, ==, 1);
  g_assert_cmpint (((DmRelationInfo *) excluded->pdata[0])->article_id, ==, ids[1]);
  dm_graph_query_exclude_article (query, ids[0], FALSE);
  dm_graph_query_exclude_article (query, ids[2], FALSE);

  /* Articles without a date pass every date range */
  query->date_from = g_strdup ("2025-02-01");
  from = relations_for (store, query);
  g_assert_cmpuint (from->len, ==, 2);
  g_assert_true (has_verb (from, "attacks"));
  g_assert_true (has_verb (from, "support"));

  query->date_to = g_strdup ("2025-03-05");   /* inclusive */
  window = relations_for (store, query);
  g_assert_cmpuint (window->len, ==, 2);

  g_free (query->date_to);
  query->date_to = g_strdup ("2025-03-04");
  g_free (query->date_from);
  query->date_from = g_strdup ("2025-01-11");
  nothing = relations_for (store, query);
  g_assert_cmpuint (nothing->len, ==, 1);
  g_assert_true (has_verb (nothing, "support"));
  /* dated only: the undated article's relation goes too */
  query->dated_only = TRUE;
  {
    g_autoptr(GPtrArray) dated = relations_for (store, query);

    g_assert_cmpuint (dated->len, ==, 0);
  }
  query->dated_only = FALSE;

  actor = dm_store_list_actor_relations (store, dm_test_actor_id (store, "Ukraine"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actor->len, ==, 2);
  g_assert_true (has_verb (actor, "attacks"));
  g_assert_true (has_verb (actor, "support"));
}

static void
test_graph_query (void)
{
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraphQuery) copy = NULL;

  g_assert_cmpint (query->focus_actor, ==, 0);
  g_assert_cmpuint (query->depth, ==, 1);
  g_assert_cmpuint (query->class_mask, ==, DM_ALL_CLASSES);
  g_assert_cmpuint (query->type_mask, ==, DM_ALL_ACTOR_TYPES);
  g_assert_cmpuint (query->min_evidence, ==, 1);
  g_assert_null (query->excluded_articles);

  dm_graph_query_exclude_article (query, 7, TRUE);
  dm_graph_query_exclude_article (query, 7, TRUE);
  dm_graph_query_exclude_article (query, 3, TRUE);
  g_assert_cmpuint (query->excluded_articles->len, ==, 2);
  g_assert_true (dm_graph_query_is_article_excluded (query, 7));
  g_assert_false (dm_graph_query_is_article_excluded (query, 4));
  query->date_from = g_strdup ("2025-01-01");

  copy = dm_graph_query_copy (query);
  g_assert_true (dm_graph_query_equal (query, copy));
  g_assert_true (copy->date_from != query->date_from);

  /* Exclusions compare as sets */
  dm_graph_query_exclude_article (copy, 7, FALSE);
  g_assert_false (dm_graph_query_equal (query, copy));
  dm_graph_query_exclude_article (copy, 7, TRUE);
  g_assert_true (dm_graph_query_equal (query, copy));

  copy->per_pair = TRUE;
  g_assert_false (dm_graph_query_equal (query, copy));
  copy->per_pair = FALSE;
  g_free (copy->date_from);
  copy->date_from = NULL;
  g_assert_false (dm_graph_query_equal (query, copy));
  g_assert_false (dm_graph_query_equal (query, NULL));
  g_assert_true (dm_graph_query_equal (NULL, NULL));
}

static void
test_layout_cache (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *xdot = NULL;
  const char *layout = "digraph { graph [_draw_=\"c 7 -#ffffff\"]; a -> b; }";

  g_assert_true (dm_store_lookup_layout (store, "k1:dot", &xdot, &error));
  g_assert_no_error (error);
  g_assert_null (xdot);

  g_assert_true (dm_store_save_layout (store, "k1:dot", layout, &error));
  g_assert_no_error (error);
  g_assert_true (dm_store_save_layout (store, "k1:dot", "digraph { b; }", &error));
  g_clear_pointer (&store, dm_store_free);

  store = open_ok (fixture->path);
  g_assert_true (dm_store_lookup_layout (store, "k1:dot", &xdot, &error));
  g_assert_cmpstr (xdot, ==, "digraph { b; }");
  g_clear_pointer (&xdot, g_free);
  g_assert_true (dm_store_lookup_layout (store, "k1:neato", &xdot, &error));
  g_assert_null (xdot);

  /* The cache keeps a bounded number of layouts, the newest */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *key = g_strdup_printf ("many-%u", i);

      g_assert_true (dm_store_save_layout (store, key, layout, &error));
      g_assert_no_error (error);
    }
  g_assert_true (dm_store_lookup_layout (store, "many-299", &xdot, &error));
  g_assert_cmpstr (xdot, ==, layout);
  g_clear_pointer (&xdot, g_free);
  g_assert_true (dm_store_lookup_layout (store, "k1:dot", &xdot, &error));
  g_assert_null (xdot);
}

static void
test_layout_cache_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(GBytes) found = NULL;
  g_autofree char *xdot = NULL;
  /* binary: NUL bytes and invalid UTF-8 survive */
  static const guint8 bytes[] = { 'D', 'M', 'L', 'C', 1, 0, 0xff, 0xfe, 0, 0, 7 };

  blob = g_bytes_new_static (bytes, sizeof bytes);
  g_assert_true (dm_store_lookup_layout_data (store, "k1:dot", &found, &error));
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (dm_store_save_layout (store, "k1:dot", "digraph { a; }", &error));
  g_assert_true (dm_store_save_layout_data (store, "k1:dot", blob, &error));
  g_assert_no_error (error);
  g_assert_true (dm_store_lookup_layout_data (store, "k1:dot", &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (g_bytes_equal (found, blob));
  g_clear_pointer (&found, g_bytes_unref);

  /* the xdot text is still there under its own key, and only there */
  g_assert_true (dm_store_lookup_layout (store, "k1:dot", &xdot, &error));
  g_assert_cmpstr (xdot, ==, "digraph { a; }");
  g_clear_pointer (&xdot, g_free);
  g_assert_true (dm_store_lookup_layout_data (store, "k1:neato", &found, &error));
  g_assert_null (found);

  /* new xdot text for the key makes its serialisation stale: gone */
  g_assert_true (dm_store_save_layout (store, "k1:dot", "digraph { b; }", &error));
  g_assert_true (dm_store_lookup_layout_data (store, "k1:dot", &found, &error));
  g_assert_null (found);

  /* pruning keeps the serialisations of the layouts it keeps, and only those */
  g_assert_true (dm_store_save_layout_data (store, "k1:dot", blob, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *key = g_strdup_printf ("many-%u", i);

      g_assert_true (dm_store_save_layout (store, key, "digraph { c; }", &error));
      g_assert_true (dm_store_save_layout_data (store, key, blob, &error));
      g_assert_no_error (error);
    }
  g_assert_true (dm_store_lookup_layout_data (store, "many-299", &found, &error));
  g_assert_true (found != NULL && g_bytes_equal (found, blob));
  g_clear_pointer (&found, g_bytes_unref);
  g_assert_true (dm_store_lookup_layout (store, "many-100", &xdot, &error));
  g_assert_cmpstr (xdot, ==, "digraph { c; }");
  g_clear_pointer (&xdot, g_free);
  g_assert_true (dm_store_lookup_layout_data (store, "many-100", &found, &error));
  g_assert_nonnull (found);
  g_clear_pointer (&found, g_bytes_unref);
  g_assert_true (dm_store_lookup_layout_data (store, "many-0", &found, &error));
  g_assert_null (found);
  g_assert_true (dm_store_lookup_layout_data (store, "k1:dot", &found, &error));
  g_assert_null (found);
  g_assert_no_error (error);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 ids[3];
  g_autoptr(DmStore) store = filter_corpus (fixture, ids);
  g_autoptr(DmAnalysis) round_trip = round_trip_analysis ();
  DmStoreStats stats;

  add_ok (store, round_trip);
  stats = stats_of (store);

  g_assert_cmpuint (stats.n_articles, ==, 4);
  /* Hegseth, NATO, Russia, Ukraine, European allies, Volodymyr Zelenskiy */
  g_assert_cmpuint (stats.n_actors, ==, 6);
  g_assert_cmpuint (stats.actors_by_type[DM_ACTOR_COUNTRY], ==, 2);
  g_assert_cmpuint (stats.actors_by_type[DM_ACTOR_OFFICIAL], ==, 2);
  g_assert_cmpuint (stats.actors_by_type[DM_ACTOR_ORGANIZATION], ==, 1);
  g_assert_cmpuint (stats.actors_by_type[DM_ACTOR_GROUP], ==, 1);
  g_assert_cmpuint (stats.actors_by_type[DM_ACTOR_PERSON], ==, 0);
  g_assert_cmpuint (stats.n_mentions, ==, 6 + 6);
  g_assert_cmpuint (stats.n_relations, ==, 5);
  g_assert_cmpuint (stats.relations_by_class[DM_CLASS_APPEAL], ==, 2);
  g_assert_cmpuint (stats.relations_by_class[DM_CLASS_ASSAULT], ==, 1);
  g_assert_cmpuint (stats.relations_by_class[DM_CLASS_SUPPORT], ==, 1);
  g_assert_cmpuint (stats.relations_by_class[DM_CLASS_REJECT], ==, 1);
  g_assert_cmpuint (stats.relations_by_class[DM_CLASS_THREATEN], ==, 0);
}

/* Threads and other programs */

typedef struct {
  DmStore *store;
  guint    first;
} AdderData;

#define N_PER_THREAD 40

static gpointer
adder_thread (gpointer user_data)
{
  AdderData *data = user_data;

  for (guint i = 0; i < N_PER_THREAD; i++)
    {
      g_autofree char *origin = g_strdup_printf ("thread-%u.txt", data->first + i);
      g_autofree char *minister = g_strdup_printf ("Minister %u", (data->first + i) % 7);
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GPtrArray) actors = NULL;
      g_autoptr(GError) error = NULL;
      gboolean added = FALSE;

      analysis = simple_analysis (origin, NULL, minister, DM_ACTOR_OFFICIAL, "meets",
                                  DM_CLASS_CONSULT, "NATO", DM_ACTOR_ORGANIZATION);
      g_assert_true (dm_store_add_analysis (data->store, analysis, NULL, &added, &error));
      g_assert_no_error (error);
      g_assert_true (added);

      /* Reads interleave with the other thread's writes */
      actors = dm_store_list_actors (data->store, "minister", DM_ALL_ACTOR_TYPES, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (actors->len, >=, 1);
    }
  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  AdderData one = { store, 0 };
  AdderData two = { store, N_PER_THREAD };
  GThread *threads[2];
  DmStoreStats stats;

  threads[0] = g_thread_new ("adder-1", adder_thread, &one);
  threads[1] = g_thread_new ("adder-2", adder_thread, &two);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);

  stats = stats_of (store);
  g_assert_cmpuint (stats.n_articles, ==, 2 * N_PER_THREAD);
  g_assert_cmpuint (stats.n_actors, ==, 7 + 1);
  g_assert_cmpuint (stats.n_relations, ==, 2 * N_PER_THREAD);
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DmStore) store = open_ok (fixture->path);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  /* Another program holds the write lock for longer than the busy timeout */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  analysis = simple_analysis ("busy.txt", NULL, "Hegseth", DM_ACTOR_OFFICIAL, "urges",
                              DM_CLASS_APPEAL, "NATO", DM_ACTOR_ORGANIZATION);
  start = g_get_monotonic_time ();
  g_assert_false (dm_store_add_analysis (store, analysis, NULL, NULL, &error));
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, "the corpus is in use by another program");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Readers are not blocked by the writer, and the lock's release lets the write through */
  g_assert_cmpuint (stats_of (store).n_articles, ==, 0);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  add_ok (store, analysis);

  /* Closing while another program writes does not wait for it (it checkpoints itself) */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  g_clear_pointer (&store, dm_store_free);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
}

static void
test_normalize_key (void)
{
  g_autofree char *a = dm_store_normalize_key ("  Volodymyr   ZELENSKIY ");
  g_autofree char *b = dm_store_normalize_key ("Côte d’Ivoire");
  g_autofree char *c = dm_store_normalize_key ("COTE D'IVOIRE");
  g_autofree char *d = dm_store_normalize_key ("ＮＡＴＯ");   /* full-width */

  g_assert_cmpstr (a, ==, "volodymyr zelenskiy");
  g_assert_cmpstr (b, ==, "côte d'ivoire");
  g_assert_cmpstr (c, ==, "cote d'ivoire");
  g_assert_cmpstr (d, ==, "nato");

  /* ASCII names take a shortcut past the Unicode tables: the same key for every character
   * as the Unicode path gives (an "é" sends a name down that path) */
  for (int ch = 1; ch < 0x80; ch++)
    {
      g_autofree char *ascii = g_strdup_printf ("Ab %c\tC%cd  ", ch, ch);
      g_autofree char *unicode = g_strconcat (ascii, "x\u00e9", NULL);
      g_autofree char *fast = dm_store_normalize_key (ascii);
      g_autofree char *slow = dm_store_normalize_key (unicode);
      g_autofree char *expected = g_strconcat (fast, " x\u00e9", NULL);

      g_assert_cmpstr (slow, ==, expected);
    }
}

#define ADD(name, func) \
  g_test_add ("/dramatis/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("create-reopen", test_create_reopen);
  ADD ("empty-file", test_empty_file);
  ADD ("schema-version", test_schema_version);
  ADD ("newer-schema-refused", test_newer_schema_refused);
  ADD ("newer-schema-in-wal", test_newer_schema_in_wal);
  ADD ("garbage-refused", test_garbage_refused);
  ADD ("damaged-refused", test_damaged_refused);
  ADD ("foreign-database-refused", test_foreign_database_refused);
  ADD ("round-trip", test_round_trip);
  ADD ("dedupe", test_dedupe);
  ADD ("rollback", test_rollback);
  ADD ("surname-resolution", test_surname_resolution);
  ADD ("surname-ambiguous", test_surname_ambiguous);
  ADD ("aliases", test_aliases);
  ADD ("case-and-details", test_case_and_details);
  ADD ("list-actors", test_list_actors);
  ADD ("filter-class-and-type", test_filter_class_and_type);
  ADD ("filter-articles-and-dates", test_filter_articles_and_dates);
  ADD ("layout-cache", test_layout_cache);
  ADD ("layout-cache-data", test_layout_cache_data);
  ADD ("stats", test_stats);
  ADD ("threads", test_threads);
  ADD ("busy", test_busy);
  g_test_add_func ("/dramatis/store/graph-query", test_graph_query);
  g_test_add_func ("/dramatis/store/normalize-key", test_normalize_key);

  return g_test_run ();
}
