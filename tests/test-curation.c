/* test-curation.c — edits, their undo and redo, rules applied by later imports, rules files
 *
 * The corpus is read back through SQLite directly (a second, read-only connection) so that
 * "undo restores the corpus" means every row of every table, and every edit and undo is
 * followed by PRAGMA integrity_check and foreign_key_check.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dm-curation.h"
#include "dm-extractor.h"
#include "dm-importer.h"
#include "dm-store.h"
#include "dm-store-private.h"
#include "dm-store-write.h"
#include "dm-timeline.h"
#include "test-util.h"

typedef struct {
  char    *dir;
  char    *path;
  DmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dramatis-curation-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "corpus.dramatis", NULL);
  fixture->store = dm_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, dm_store_free);
  dm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Reading the corpus directly */

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* Every row of the corpus tables (rules without their import counters). */
static char *
dump_corpus (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  append_rows (out, db, "SELECT id, origin, title, date, hash FROM articles ORDER BY id");
  append_rows (out, db, "SELECT * FROM actors ORDER BY id");
  append_rows (out, db, "SELECT actor_id, alias, key FROM aliases ORDER BY actor_id, alias");
  append_rows (out, db, "SELECT * FROM mentions ORDER BY id");
  append_rows (out, db, "SELECT * FROM relations ORDER BY id");
  append_rows (out, db, "SELECT id, kind, key, name, value, detail, enabled FROM rules ORDER BY id");
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static char *
query_text (const char *path,
            const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  append_rows (out, db, sql);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_corpus_sound (const char *path)
{
  g_autofree char *integrity = query_text (path, "PRAGMA integrity_check");
  g_autofree char *foreign = query_text (path, "PRAGMA foreign_key_check");

  /* the views' counts, brought up to date by each edit for what it changed only, are those
   * of the whole corpus counted again */
  g_autofree char *relation_counts = query_text (path, "SELECT * FROM relation_counts ORDER BY 1, 2, 3, 4, 5, 6");
  g_autofree char *relations_counted =
    query_text (path, "SELECT r.source_id, r.target_id, r.verb, r.class, r.negated,"
                      " coalesce (ar.date, ''), count(*)"
                      " FROM relations r JOIN articles ar ON ar.id = r.article_id"
                      " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6");
  g_autofree char *pair_counts = query_text (path, "SELECT * FROM pair_counts ORDER BY 1, 2, 3, 4, 5");
  g_autofree char *pairs_counted =
    query_text (path, "SELECT source_id, target_id, verb, class, negated, count(*)"
                      " FROM relations GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5");
  g_autofree char *actor_counts = query_text (path, "SELECT * FROM actor_counts ORDER BY 1");
  g_autofree char *actors_counted =
    query_text (path, "SELECT actor_id, count(*) FROM mentions GROUP BY actor_id ORDER BY 1");

  /* the actors' weights and the totals, kept by triggers on pair_counts row by row */
  g_autofree char *actor_weights = query_text (path, "SELECT * FROM actor_weights ORDER BY 1");
  g_autofree char *actors_weighed =
    query_text (path, "SELECT actor_id, sum(n), count(DISTINCT partner),"
                      " sum(n) + count(DISTINCT partner)"
                      " FROM (SELECT source_id AS actor_id, NULL AS partner, 1 AS n"
                      "       FROM relations WHERE target_id = source_id"
                      "       UNION ALL SELECT source_id, target_id, 1 FROM relations"
                      "       WHERE target_id <> source_id"
                      "       UNION ALL SELECT target_id, source_id, 1 FROM relations"
                      "       WHERE target_id <> source_id)"
                      " GROUP BY actor_id ORDER BY 1");
  g_autofree char *class_totals = query_text (path, "SELECT class, n FROM class_totals WHERE n > 0 ORDER BY 1");
  g_autofree char *classes_counted =
    query_text (path, "SELECT class, count(*) FROM relations GROUP BY class ORDER BY 1");
  g_autofree char *type_totals = query_text (path, "SELECT type, n FROM type_totals WHERE n > 0 ORDER BY 1");
  g_autofree char *types_counted =
    query_text (path, "SELECT type, count(*) FROM actors GROUP BY type ORDER BY 1");
  g_autofree char *view_totals = query_text (path, "SELECT n_actors, n_pairs FROM view_totals");
  g_autofree char *totals_counted =
    query_text (path, "SELECT (SELECT count(*) FROM (SELECT source_id FROM relations"
                      "        UNION SELECT target_id FROM relations)),"
                      " (SELECT count(*) FROM (SELECT DISTINCT source_id, target_id FROM relations))");

  g_assert_cmpstr (integrity, ==, "ok\n");
  g_assert_cmpstr (foreign, ==, "");
  g_assert_cmpstr (relation_counts, ==, relations_counted);
  g_assert_cmpstr (pair_counts, ==, pairs_counted);
  g_assert_cmpstr (actor_counts, ==, actors_counted);
  g_assert_cmpstr (actor_weights, ==, actors_weighed);
  g_assert_cmpstr (view_totals, ==, totals_counted);
  g_assert_cmpstr (class_totals, ==, classes_counted);
  g_assert_cmpstr (type_totals, ==, types_counted);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The graph as a person sees it: "source verb target (class, negated)" lines, sorted. */
static char *
graph_of (DmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = dm_store_list_relations (store, NULL, &error);
  g_autoptr(GPtrArray) actors = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *r = g_ptr_array_index (relations, i);

      g_ptr_array_add (lines, g_strdup_printf ("R %s %s%s %s (%s) [%u-%u]", r->source,
                                               r->negated ? "not " : "", r->verb, r->target,
                                               dm_relation_class_to_string (r->klass),
                                               r->trigger.start, r->trigger.end));
    }
  for (guint i = 0; i < actors->len; i++)
    {
      DmActorInfo *a = g_ptr_array_index (actors, i);

      g_ptr_array_add (lines, g_strdup_printf ("A %s %s %s %s %u", a->name,
                                               dm_actor_type_to_string (a->type),
                                               a->role ? a->role : "-",
                                               a->affiliation ? a->affiliation : "-",
                                               a->n_mentions));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* Building the corpus */

static DmSpan
span_of (const char *text,
         const char *needle)
{
  const char *p = strstr (text, needle);
  DmSpan span;

  g_assert_nonnull (p);
  span.start = g_utf8_pointer_to_offset (text, p);
  span.end = span.start + g_utf8_strlen (needle, -1);
  return span;
}

/* "SOURCE VERB TARGET." sentences, each naming two actors: a small article by hand. */
static gint64
add_article (DmStore            *store,
             const char         *origin,
             const char * const *sentences)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GString) text = g_string_new ("");
  gint64 id = 0;

  for (guint i = 0; sentences[i] != NULL; i += 3)
    g_string_append_printf (text, "%s%s %s %s.", i > 0 ? " " : "", sentences[i],
                            sentences[i + 1], sentences[i + 2]);
  analysis = dm_analysis_new (dm_article_new (origin, text->str, -1));

  for (guint i = 0; sentences[i] != NULL; i += 3)
    {
      g_autofree char *sentence = g_strdup_printf ("%s %s %s.", sentences[i], sentences[i + 1],
                                                   sentences[i + 2]);
      DmSpan sentence_span = span_of (text->str, sentence);
      DmRelation *relation = dm_relation_new (sentences[i], sentences[i + 2], sentences[i + 1],
                                              DM_CLASS_DISAPPROVE, FALSE);
      guint source_len = g_utf8_strlen (sentences[i], -1);
      guint verb_len = g_utf8_strlen (sentences[i + 1], -1);

      relation->sentence = sentence_span;
      relation->source_mention = (DmSpan) { sentence_span.start, sentence_span.start + source_len };
      relation->trigger = (DmSpan) { relation->source_mention.end + 1,
                                     relation->source_mention.end + 1 + verb_len };
      relation->target_mention = (DmSpan) { relation->trigger.end + 1,
                                            sentence_span.end - 1 };
      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (relation->source_mention, sentences[i], sentences[i],
                                       DM_ACTOR_ORGANIZATION, NULL, NULL));
      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (relation->target_mention, sentences[i + 2], sentences[i + 2],
                                       DM_ACTOR_PERSON, NULL, NULL));
      g_ptr_array_add (analysis->relations, relation);
    }

  g_assert_true (dm_store_add_analysis (store, analysis, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static const char * const first_article[] = {
  "Blue Party", "criticises", "Gordon Brown",
  "Labour Party", "praises", "Gordon Brown",
  "Election", "worries", "Tony Blair",
  NULL
};

static const char * const second_article[] = {
  "Conservative Party", "attacks", "Tony Blair",
  "Labour Party", "defends", "Tony Blair",
  NULL
};

static gint64
relation_id (DmStore    *store,
             const char *verb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = dm_store_list_relations (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *r = g_ptr_array_index (relations, i);

      if (strcmp (r->verb, verb) == 0)
        return r->id;
    }
  g_assert_not_reached ();
}

static void
undo_ok (DmStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_store_undo (store, NULL, &error));
  g_assert_no_error (error);
}

static void
redo_ok (DmStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_store_redo (store, NULL, &error));
  g_assert_no_error (error);
}

/* Each edit, then its undo and redo: the corpus sound after each, undo giving back exactly
 * the rows before, redo exactly the rows after. */

typedef gboolean (*EditCase) (Fixture *fixture, GError **error);

static gboolean
edit_merge (Fixture *f, GError **error)
{
  gint64 other = dm_test_actor_id (f->store, "Blue Party");

  return dm_store_merge_actors (f->store, dm_test_actor_id (f->store, "Conservative Party"), &other, 1,
                                error);
}

static gboolean
edit_merge_many (Fixture *f, GError **error)
{
  gint64 others[] = { dm_test_actor_id (f->store, "Blue Party"), dm_test_actor_id (f->store, "Election") };

  return dm_store_merge_actors (f->store, dm_test_actor_id (f->store, "Conservative Party"), others, 2,
                                error);
}

static gboolean
edit_rename (Fixture *f, GError **error)
{
  return dm_store_rename_actor (f->store, dm_test_actor_id (f->store, "Blue Party"), "Tories", error);
}

static gboolean
edit_type (Fixture *f, GError **error)
{
  return dm_store_set_actor_type (f->store, dm_test_actor_id (f->store, "Tony Blair"),
                                  DM_ACTOR_OFFICIAL, error);
}

static gboolean
edit_role (Fixture *f, GError **error)
{
  return dm_store_set_actor_role (f->store, dm_test_actor_id (f->store, "Tony Blair"), "Prime Minister",
                                  error);
}

static gboolean
edit_affiliation (Fixture *f, GError **error)
{
  return dm_store_set_actor_affiliation (f->store, dm_test_actor_id (f->store, "Tony Blair"),
                                         "Labour Party", error);
}

static gboolean
edit_not_actor (Fixture *f, GError **error)
{
  return dm_store_mark_not_actor (f->store, dm_test_actor_id (f->store, "Election"), error);
}

static gboolean
edit_split (Fixture *f, GError **error)
{
  gint64 other = dm_test_actor_id (f->store, "Blue Party");
  gint64 keep = dm_test_actor_id (f->store, "Conservative Party");
  gint64 split = 0;

  /* merged first (an edit of its own), then split off again */
  return dm_store_merge_actors (f->store, keep, &other, 1, error) &&
         dm_store_split_alias (f->store, keep, "Blue Party", &split, error) && split > 0;
}

static gboolean
edit_delete_relation (Fixture *f, GError **error)
{
  return dm_store_delete_relation (f->store, relation_id (f->store, "worries"), error);
}

static gboolean
edit_delete_pair (Fixture *f, GError **error)
{
  return dm_store_delete_pair_relations (f->store, dm_test_actor_id (f->store, "Tony Blair"),
                                         dm_test_actor_id (f->store, "Labour Party"), error);
}

static gboolean
edit_flip (Fixture *f, GError **error)
{
  return dm_store_flip_relation (f->store, relation_id (f->store, "attacks"), error);
}

static gboolean
edit_verb (Fixture *f, GError **error)
{
  return dm_store_set_relation_verb (f->store, relation_id (f->store, "attacks"), "criticises",
                                     DM_CLASS_DISAPPROVE, error);
}

static gboolean
edit_negated (Fixture *f, GError **error)
{
  return dm_store_set_relation_negated (f->store, relation_id (f->store, "praises"), TRUE, error);
}

static gboolean
edit_add_relation (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) relations = dm_store_list_relations (f->store, NULL, error);
  DmRelationInfo *r = g_ptr_array_index (relations, 0);
  DmManualRelation spec = {
    .article_id = r->article_id, .sentence = r->sentence, .trigger = { 0, 0 },
    .source_id = r->target_id, .target_id = r->source_id, .verb = "answers",
    .klass = DM_CLASS_STATEMENT, .negated = FALSE,
  };
  gint64 id = 0;

  return dm_store_add_relation (f->store, &spec, &id, error) && id > 0;
}

static gboolean
edit_delete_article (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) articles = dm_store_list_articles (f->store, error);
  DmArticleInfo *info = g_ptr_array_index (articles, 0);

  return dm_store_delete_article (f->store, info->id, error);
}

static gboolean
edit_date (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) articles = dm_store_list_articles (f->store, error);
  DmArticleInfo *info = g_ptr_array_index (articles, 1);

  return dm_store_set_article_date (f->store, info->id, "2025-03-12", error);
}

static const struct {
  const char *name;
  EditCase    edit;
  guint       n_edits;
} edit_cases[] = {
  { "merge", edit_merge, 1 },
  { "merge-many", edit_merge_many, 1 },
  { "rename", edit_rename, 1 },
  { "type", edit_type, 1 },
  { "role", edit_role, 1 },
  { "affiliation", edit_affiliation, 1 },
  { "not-actor", edit_not_actor, 1 },
  { "split", edit_split, 2 },
  { "delete-relation", edit_delete_relation, 1 },
  { "delete-pair", edit_delete_pair, 1 },
  { "flip", edit_flip, 1 },
  { "verb", edit_verb, 1 },
  { "negated", edit_negated, 1 },
  { "add-relation", edit_add_relation, 1 },
  { "delete-article", edit_delete_article, 1 },
  { "date", edit_date, 1 },
};

static void
test_each_edit_undo_redo (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (edit_cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_clear_pointer (&fixture->store, dm_store_free);
      g_unlink (fixture->path);
      fixture->store = dm_store_open (fixture->path, &error);
      g_assert_no_error (error);
      add_article (fixture->store, "first.txt", first_article);
      add_article (fixture->store, "second.txt", second_article);

      g_test_message ("edit: %s", edit_cases[c].name);
      before = dump_corpus (fixture->path);
      g_assert_true (edit_cases[c].edit (fixture, &error));
      g_assert_no_error (error);
      after = dump_corpus (fixture->path);
      g_assert_cmpstr (before, !=, after);
      assert_corpus_sound (fixture->path);

      for (guint i = 0; i < edit_cases[c].n_edits; i++)
        undo_ok (fixture->store);
      undone = dump_corpus (fixture->path);
      g_assert_cmpstr (undone, ==, before);
      assert_corpus_sound (fixture->path);

      /* across a restart */
      g_clear_pointer (&fixture->store, dm_store_free);
      fixture->store = dm_store_open (fixture->path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < edit_cases[c].n_edits; i++)
        redo_ok (fixture->store);
      redone = dump_corpus (fixture->path);
      g_assert_cmpstr (redone, ==, after);
      assert_corpus_sound (fixture->path);
    }
}

static void
test_merge_moves_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) merged = NULL;
  g_auto(GStrv) aliases = NULL;
  gint64 keep, other;

  add_article (fixture->store, "first.txt", first_article);
  add_article (fixture->store, "second.txt", second_article);
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  other = dm_test_actor_id (fixture->store, "Blue Party");

  g_assert_true (dm_store_merge_actors (fixture->store, keep, &other, 1, &error));
  g_assert_no_error (error);

  merged = dm_store_find_actor (fixture->store, "Blue Party", &error);
  g_assert_no_error (error);
  g_assert_cmpint (merged->id, ==, keep);
  g_assert_cmpstr (merged->name, ==, "Conservative Party");
  g_assert_cmpuint (merged->n_mentions, ==, 2);
  g_assert_cmpuint (merged->n_relations, ==, 2);
  aliases = dm_store_get_aliases (fixture->store, keep, &error);
  g_assert_true (g_strv_contains ((const char * const *) aliases, "Blue Party"));
  g_assert_null (dm_store_get_actor (fixture->store, other, &error));
  g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* merging an actor into itself is refused, and leaves nothing in the journal */
  g_assert_false (dm_store_merge_actors (fixture->store, keep, &keep, 1, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) edits = dm_store_list_edits (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (edits->len, ==, 1);
    g_assert_cmpstr (((DmEditInfo *) g_ptr_array_index (edits, 0))->summary, ==,
                     "Merged “Blue Party” into “Conservative Party”");
  }
}

static void
test_nothing_to_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmEditInfo) next_undo = NULL;
  g_autoptr(DmEditInfo) next_redo = NULL;

  g_assert_false (dm_store_undo (fixture->store, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_false (dm_store_redo (fixture->store, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING);
  g_clear_error (&error);

  add_article (fixture->store, "first.txt", first_article);
  g_assert_true (dm_store_rename_actor (fixture->store, dm_test_actor_id (fixture->store, "Election"),
                                        "General Election", &error));
  g_assert_true (dm_store_get_undo_state (fixture->store, &next_undo, &next_redo, &error));
  g_assert_nonnull (next_undo);
  g_assert_null (next_redo);
  g_assert_cmpstr (next_undo->kind, ==, "rename");

  /* a new edit after an undo forgets the redo */
  undo_ok (fixture->store);
  g_assert_true (dm_store_set_actor_role (fixture->store, dm_test_actor_id (fixture->store, "Tony Blair"),
                                          "MP", &error));
  g_assert_no_error (error);
  g_assert_false (dm_store_redo (fixture->store, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING);
}

/* DRAMATIS_N_EDITS=N runs it with fewer (or more) */
#define N_EDITS ((guint) (g_getenv ("DRAMATIS_N_EDITS") ? atoi (g_getenv ("DRAMATIS_N_EDITS")) : 10000))

static void
test_many_edits_undo_in_order (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 blair;

  add_article (fixture->store, "first.txt", first_article);
  blair = dm_test_actor_id (fixture->store, "Tony Blair");

  for (guint i = 1; i <= N_EDITS; i++)
    {
      g_autofree char *role = g_strdup_printf ("role %u", i);

      g_assert_true (dm_store_set_actor_role (fixture->store, blair, role, &error));
      g_assert_no_error (error);
    }

  for (guint i = N_EDITS; i >= 1; i--)
    {
      g_autoptr(DmActorInfo) info = dm_store_get_actor (fixture->store, blair, &error);
      g_autofree char *role = g_strdup_printf ("role %u", i);
      g_autoptr(DmEditInfo) edit = NULL;

      g_assert_cmpstr (info->role, ==, role);
      g_assert_true (dm_store_undo (fixture->store, &edit, &error));
      g_assert_no_error (error);
      g_assert_true (edit->undone);
    }
  {
    g_autoptr(DmActorInfo) info = dm_store_get_actor (fixture->store, blair, &error);

    g_assert_null (info->role);
  }
  assert_corpus_sound (fixture->path);
}

/* Rules applied by later imports (the real extractor) */

static const char text_conservative[] =
  "The Conservative Party criticised the Labour Party on Monday.\n";
static const char text_tory[] =
  "The Blue Party attacked the Labour Party over taxes.\n";
static const char text_tory_again[] =
  "The Labour Party condemned the Blue Party on Friday.\n";

static gint64
import_text (DmStore    *store,
             const char *origin,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (dm_import_text (store, NULL, origin, text, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
import_texts (DmStore            *store,
              const char * const *texts,
              guint               n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *origin = g_strdup_printf ("%u.txt", i);

      import_text (store, origin, texts[i]);
    }
}

static void
test_merge_then_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) merged = NULL;
  g_autoptr(DmActorInfo) tory = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gint64 keep, other;
  guint n_attached = 0;

  import_text (fixture->store, "conservative.txt", text_conservative);
  import_text (fixture->store, "tory.txt", text_tory);
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  other = dm_test_actor_id (fixture->store, "Blue Party");
  g_assert_cmpint (keep, !=, other);
  g_assert_true (dm_store_merge_actors (fixture->store, keep, &other, 1, &error));
  g_assert_no_error (error);

  import_text (fixture->store, "tory-again.txt", text_tory_again);

  /* one actor, no "Blue Party" of its own, the new relation attached */
  merged = dm_store_find_actor (fixture->store, "Blue Party", &error);
  g_assert_cmpint (merged->id, ==, keep);
  relations = dm_store_list_actor_relations (fixture->store, keep, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *r = g_ptr_array_index (relations, i);

      g_assert_true (r->source_id == keep || r->target_id == keep);
      n_attached += strstr (r->sentence_text, "Friday") != NULL;
    }
  g_assert_cmpuint (n_attached, ==, 1);
  g_assert_cmpuint (relations->len, ==, 3);
  {
    g_autoptr(GPtrArray) actors = dm_store_list_actors (fixture->store, "blue", DM_ALL_ACTOR_TYPES,
                                                        &error);

    g_assert_cmpuint (actors->len, ==, 1);
  }

  /* the rule says what it did */
  rules = dm_store_list_rules (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, >=, 1);
  {
    DmRuleInfo *rule = g_ptr_array_index (rules, 0);

    g_assert_cmpint (rule->kind, ==, DM_RULE_ALIAS);
    g_assert_cmpstr (rule->name, ==, "Blue Party");
    g_assert_cmpstr (rule->value, ==, "Conservative Party");
    g_assert_cmpuint (rule->n_relations, ==, 2);   /* one when made, one by the import */
    g_assert_true (rule->enabled);

    /* switched off, the next import makes "Blue Party" again */
    g_assert_true (dm_store_set_rule_enabled (fixture->store, rule->id, FALSE, &error));
    g_assert_no_error (error);
  }
  import_text (fixture->store, "tory-third.txt", "The Blue Party thanked the Labour Party.\n");
  tory = dm_store_get_actor (fixture->store, dm_test_actor_id (fixture->store, "Blue Party"), &error);
  g_assert_cmpstr (tory->name, ==, "Blue Party");
  assert_corpus_sound (fixture->path);
}

/* Deleting every article and importing them again (a re-extraction) gives the curated
 * graph again. */
static void
test_rules_survive_reimport (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const texts[] = { text_conservative, text_tory, text_tory_again };
  g_autoptr(GError) error = NULL;
  g_autofree char *curated = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 keep, other;

  import_texts (fixture->store, texts, G_N_ELEMENTS (texts));
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  other = dm_test_actor_id (fixture->store, "Blue Party");
  g_assert_true (dm_store_merge_actors (fixture->store, keep, &other, 1, &error) &&
                 dm_store_flip_relation (fixture->store, relation_id (fixture->store, "attacks"),
                                         &error) &&
                 dm_store_set_relation_verb (fixture->store,
                                             relation_id (fixture->store, "criticises"),
                                             "denounces", DM_CLASS_DISAPPROVE, &error) &&
                 dm_store_set_relation_negated (fixture->store,
                                                relation_id (fixture->store, "condemns"), TRUE,
                                                &error) &&
                 dm_store_set_actor_role (fixture->store, dm_test_actor_id (fixture->store, "Labour Party"),
                                          "opposition", &error));
  g_assert_no_error (error);
  curated = graph_of (fixture->store);

  articles = dm_store_list_articles (fixture->store, &error);
  for (guint i = 0; i < articles->len; i++)
    {
      g_assert_true (dm_store_delete_article (fixture->store,
                                              ((DmArticleInfo *) g_ptr_array_index (articles, i))->id,
                                              &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *emptied = graph_of (fixture->store);

    g_assert_cmpstr (emptied, ==, "");
  }

  import_texts (fixture->store, texts, G_N_ELEMENTS (texts));
  again = graph_of (fixture->store);
  g_assert_cmpstr (again, ==, curated);
  assert_corpus_sound (fixture->path);
}

static void
test_rules_file_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const texts[] = { text_conservative, text_tory, text_tory_again };
  g_autoptr(GError) error = NULL;
  g_autofree char *rules_text = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.dramatis", NULL);
  g_autoptr(DmStore) other = NULL;
  g_autofree char *curated = NULL;
  g_autofree char *shared = NULL;
  gint64 keep, tory;
  guint n_added = 0;

  import_texts (fixture->store, texts, G_N_ELEMENTS (texts));
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  tory = dm_test_actor_id (fixture->store, "Blue Party");
  g_assert_true (dm_store_merge_actors (fixture->store, keep, &tory, 1, &error) &&
                 dm_store_delete_relation (fixture->store, relation_id (fixture->store, "condemns"),
                                           &error) &&
                 dm_store_set_actor_type (fixture->store, keep, DM_ACTOR_GROUP, &error) &&
                 dm_store_rename_actor (fixture->store, keep, "The Conservatives", &error));
  g_assert_no_error (error);
  curated = graph_of (fixture->store);

  rules_text = dm_store_export_rules (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rules_text, "# Dramatis rules 1\n"));

  other = dm_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (dm_store_import_rules (other, rules_text, strlen (rules_text), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, >=, 4);
  /* importing the same file again adds nothing */
  g_assert_true (dm_store_import_rules (other, rules_text, strlen (rules_text), &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  import_texts (other, texts, G_N_ELEMENTS (texts));
  shared = graph_of (other);
  g_assert_cmpstr (shared, ==, curated);

  /* a damaged file is refused with the line */
  g_assert_false (dm_store_import_rules (other, "# Dramatis rules 1\nalias\tx\n", 24, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_false (dm_store_import_rules (other, "kind\tkey\n", 9, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE);
}

static void
test_not_actor_and_split (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) election = NULL;
  gint64 keep, tory, split = 0;
  static const char * const third_article[] = {
    "Election", "worries", "Gordon Brown",
    "Blue Party", "mocks", "Gordon Brown",
    NULL
  };

  add_article (fixture->store, "first.txt", first_article);
  add_article (fixture->store, "second.txt", second_article);
  g_assert_true (dm_store_mark_not_actor (fixture->store, dm_test_actor_id (fixture->store, "Election"),
                                          &error));
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  tory = dm_test_actor_id (fixture->store, "Blue Party");
  g_assert_true (dm_store_merge_actors (fixture->store, keep, &tory, 1, &error));
  g_assert_true (dm_store_split_alias (fixture->store, keep, "Blue Party", &split, &error));
  g_assert_no_error (error);
  g_assert_cmpint (split, !=, keep);

  add_article (fixture->store, "third.txt", third_article);
  election = dm_store_find_actor (fixture->store, "Election", &error);
  g_assert_no_error (error);
  g_assert_null (election);
  /* split off after the merge: the Blue Party is its own actor again in later imports */
  g_assert_cmpint (dm_test_actor_id (fixture->store, "Blue Party"), ==, split);
  g_assert_cmpint (dm_test_actor_id (fixture->store, "Conservative Party"), ==, keep);
  assert_corpus_sound (fixture->path);
}

static void
test_add_relation_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  DmRelationInfo *r;
  DmManualRelation spec = { 0 };

  add_article (fixture->store, "first.txt", first_article);
  relations = dm_store_list_relations (fixture->store, NULL, &error);
  r = g_ptr_array_index (relations, 0);
  spec = (DmManualRelation) { r->article_id, r->sentence, { 0, 0 }, r->target_id, r->source_id,
                              "criticises", DM_CLASS_DISAPPROVE, TRUE };
  g_assert_true (dm_store_add_relation (fixture->store, &spec, NULL, &error));
  g_assert_no_error (error);
  before = graph_of (fixture->store);
  g_assert_nonnull (strstr (before, "R Gordon Brown not criticises Blue Party (DISAPPROVE)"));
  /* the Corrections view says what was added, verb and all */
  {
    g_autoptr(GPtrArray) rules = dm_store_list_rules (fixture->store, &error);
    DmRuleInfo *rule;

    g_assert_no_error (error);
    g_assert_cmpuint (rules->len, ==, 1);
    rule = g_ptr_array_index (rules, 0);
    g_assert_cmpstr (rule->description, ==, "“Gordon Brown” not criticises “Blue Party” (added by hand)");
  }

  /* an actor not named in the sentence is refused */
  spec.target_id = dm_test_actor_id (fixture->store, "Tony Blair");
  g_assert_false (dm_store_add_relation (fixture->store, &spec, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID);
  g_clear_error (&error);

  articles = dm_store_list_articles (fixture->store, &error);
  g_assert_true (dm_store_delete_article (fixture->store,
                                          ((DmArticleInfo *) g_ptr_array_index (articles, 0))->id,
                                          &error));
  add_article (fixture->store, "first.txt", first_article);
  {
    g_autofree char *again = graph_of (fixture->store);

    g_assert_cmpstr (again, ==, before);
  }
}

static void
test_article_date (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmArticleInfo) info = NULL;
  gint64 id = add_article (fixture->store, "first.txt", first_article);

  g_assert_false (dm_store_set_article_date (fixture->store, id, "2025-02-30", &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dm_store_set_article_date (fixture->store, id, "2025-03-12", &error));
  g_assert_no_error (error);
  g_assert_true (dm_store_delete_article (fixture->store, id, &error));
  id = add_article (fixture->store, "first.txt", first_article);
  info = dm_store_get_article (fixture->store, id, &error);
  g_assert_cmpstr (info->date, ==, "2025-03-12");
}

/* Undo after later imports: what the imports added stays; an undo that would leave their
 * rows pointing at nothing is refused and changes nothing. */
static void
test_undo_after_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 keep, other, split = 0;

  import_text (fixture->store, "conservative.txt", text_conservative);
  import_text (fixture->store, "tory.txt", text_tory);
  keep = dm_test_actor_id (fixture->store, "Conservative Party");
  other = dm_test_actor_id (fixture->store, "Blue Party");
  g_assert_true (dm_store_merge_actors (fixture->store, keep, &other, 1, &error));
  import_text (fixture->store, "tory-again.txt", text_tory_again);

  /* the merge is undone; the third article's relation stays with the Conservative Party */
  undo_ok (fixture->store);
  assert_corpus_sound (fixture->path);
  g_assert_cmpint (dm_test_actor_id (fixture->store, "Blue Party"), ==, other);
  {
    g_autoptr(DmActorInfo) conservative = dm_store_get_actor (fixture->store, keep, &error);

    g_assert_cmpuint (conservative->n_relations, ==, 2);
  }

  /* a split, then an article that names the split-off actor: undoing the split would take
   * away an actor the article's mentions need */
  redo_ok (fixture->store);
  g_assert_true (dm_store_split_alias (fixture->store, keep, "Blue Party", &split, &error));
  g_assert_no_error (error);
  import_text (fixture->store, "tory-third.txt", "The Blue Party thanked the Labour Party.\n");
  before = dump_corpus (fixture->path);
  g_assert_false (dm_store_undo (fixture->store, NULL, &error));
  g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_CONFLICT);
  after = dump_corpus (fixture->path);
  g_assert_cmpstr (after, ==, before);
  assert_corpus_sound (fixture->path);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  gint64 first = add_article (fixture->store, "first.txt", first_article);
  guint n_undated = 0;
  DmTimelineDay *day;

  add_article (fixture->store, "second.txt", second_article);
  g_assert_true (dm_store_set_article_date (fixture->store, first, "2025-03-12", &error));
  g_assert_no_error (error);

  days = dm_store_count_relations_by_day (fixture->store, &n_undated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpuint (n_undated, ==, 2);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2025-03-12");
  g_assert_cmpuint (day->n_relations, ==, 3);
  g_assert_cmpuint (day->by_family[dm_relation_class_get_family (DM_CLASS_DISAPPROVE)], ==, 3);
}

/* Merging an actor affiliated with the one kept ("Kremlin — Russia" into Russia), or the
 * other way round, leaves the kept one affiliated with nothing rather than with itself. */
static void
test_merge_no_self_affiliation (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) kept = NULL;
  g_autoptr(DmActorInfo) labour = NULL;
  gint64 conservative, blue, election, labour_id;

  add_article (fixture->store, "first.txt", first_article);
  add_article (fixture->store, "second.txt", second_article);
  conservative = dm_test_actor_id (fixture->store, "Conservative Party");
  blue = dm_test_actor_id (fixture->store, "Blue Party");
  election = dm_test_actor_id (fixture->store, "Election");
  labour_id = dm_test_actor_id (fixture->store, "Labour Party");
  g_assert_true (dm_store_set_actor_affiliation (fixture->store, blue, "Conservative Party", &error));
  g_assert_true (dm_store_merge_actors (fixture->store, conservative, &blue, 1, &error));
  g_assert_no_error (error);
  kept = dm_store_get_actor (fixture->store, conservative, &error);
  g_assert_null (kept->affiliation);

  g_assert_true (dm_store_set_actor_affiliation (fixture->store, labour_id, "Election", &error));
  g_assert_true (dm_store_merge_actors (fixture->store, labour_id, &election, 1, &error));
  g_assert_no_error (error);
  labour = dm_store_get_actor (fixture->store, labour_id, &error);
  g_assert_null (labour->affiliation);
  assert_corpus_sound (fixture->path);
}

/* The actors a sentence names, first named first: what a relation by hand can join. */
static void
test_sentence_actors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) ids = NULL;
  DmRelationInfo *relation = NULL;

  add_article (fixture->store, "first.txt", first_article);
  relations = dm_store_list_relations (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    if (g_str_equal (((DmRelationInfo *) relations->pdata[i])->verb, "praises"))
      relation = relations->pdata[i];
  g_assert_nonnull (relation);

  ids = dm_store_list_sentence_actors (fixture->store, relation->article_id, relation->sentence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, relation->source_id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, relation->target_id);
}

/* Merging an actor that had names merged into it: each of those names is a rule of its
 * own, and says how many relations named it (the Corrections view showed 0). */
static void
test_merge_rules_count_aliases (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gint64 conservative, blue, labour;
  gboolean found = FALSE;

  add_article (fixture->store, "first.txt", first_article);
  add_article (fixture->store, "second.txt", second_article);
  conservative = dm_test_actor_id (fixture->store, "Conservative Party");
  blue = dm_test_actor_id (fixture->store, "Blue Party");
  labour = dm_test_actor_id (fixture->store, "Labour Party");
  g_assert_true (dm_store_merge_actors (fixture->store, conservative, &blue, 1, &error));
  g_assert_no_error (error);
  g_assert_true (dm_store_merge_actors (fixture->store, labour, &conservative, 1, &error));
  g_assert_no_error (error);

  rules = dm_store_list_rules (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rules->len; i++)
    {
      DmRuleInfo *rule = g_ptr_array_index (rules, i);

      if (g_strcmp0 (rule->value, "Labour Party") != 0)
        continue;
      if (g_str_equal (rule->name, "Conservative Party"))
        g_assert_cmpuint (rule->n_relations, ==, 2);   /* both, Blue Party's moved in */
      else if (g_str_equal (rule->name, "Blue Party"))
        {
          g_assert_cmpuint (rule->n_relations, ==, 1);   /* "Blue Party criticises Gordon Brown" */
          found = TRUE;
        }
    }
  g_assert_true (found);
  assert_corpus_sound (fixture->path);
}

/* A corpus made by the previous schema (1) is upgraded in place: every row kept under its
 * id, and edits work on it. */
static void
test_upgrade_from_schema_1 (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "store",
                                                   "schema-1.dramatis", NULL);
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.dramatis", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  gsize len = 0;
  gint64 keep, other;

  g_assert_true (g_file_get_contents (source, &contents, &len, &error));
  g_assert_true (g_file_set_contents (old_path, contents, len, &error));
  before = query_text (old_path, "SELECT id, name FROM actors ORDER BY id;");
  g_assert_cmpstr (before, ==, "1|LONDON\n2|Conservative Party\n3|Labour Party\n4|Tory Party\n");

  store = dm_store_open (old_path, &error);
  g_assert_no_error (error);
  version = query_text (old_path, "PRAGMA user_version");
  {
    /* upgraded to the latest schema, whatever later steps add after curation's */
    g_autofree char *latest = g_strdup_printf ("%d\n", dm_store_schema_latest_version ());

    g_assert_cmpstr (version, ==, latest);
  }
  {
    g_autofree char *after = query_text (old_path, "SELECT id, name FROM actors ORDER BY id;");
    g_autofree char *relations = query_text (old_path, "SELECT count(*) FROM relations");

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (relations, ==, "3\n");
  }
  assert_corpus_sound (old_path);

  keep = dm_test_actor_id (store, "Conservative Party");
  other = dm_test_actor_id (store, "Tory Party");
  g_assert_true (dm_store_merge_actors (store, keep, &other, 1, &error));
  g_assert_no_error (error);
  undo_ok (store);
  {
    g_autofree char *undone = query_text (old_path, "SELECT id, name FROM actors ORDER BY id;");

    g_assert_cmpstr (undone, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dramatis/curation/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("each-edit-undo-redo", test_each_edit_undo_redo);
  ADD ("merge-moves-everything", test_merge_moves_everything);
  ADD ("nothing-to-undo", test_nothing_to_undo);
  ADD ("many-edits-undo-in-order", test_many_edits_undo_in_order);
  ADD ("merge-then-import", test_merge_then_import);
  ADD ("rules-survive-reimport", test_rules_survive_reimport);
  ADD ("rules-file-round-trip", test_rules_file_round_trip);
  ADD ("not-actor-and-split", test_not_actor_and_split);
  ADD ("add-relation-kept", test_add_relation_kept);
  ADD ("article-date", test_article_date);
  ADD ("undo-after-import", test_undo_after_import);
  ADD ("timeline", test_timeline);
  ADD ("merge-rules-count-aliases", test_merge_rules_count_aliases);
  ADD ("sentence-actors", test_sentence_actors);
  ADD ("merge-no-self-affiliation", test_merge_no_self_affiliation);
  ADD ("upgrade-from-schema-1", test_upgrade_from_schema_1);

  return g_test_run ();
}
