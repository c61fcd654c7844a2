/* test-store-batch.c — batches of articles in one transaction (dm_store_begin_batch): what
 * another program sees of them, and when
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-store-write.h"
#include "test-util.h"

typedef struct {
  char    *dir;
  char    *path;
  DmStore *store;     /* the writer */
  DmStore *other;     /* another connection to the same file, as another program would have */
} Fixture;

static DmStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  DmStore *store = dm_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dramatis-batch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "corpus.dramatis", NULL);
  fixture->store = open_ok (fixture->path);
  fixture->other = open_ok (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->other, dm_store_free);
  g_clear_pointer (&fixture->store, dm_store_free);
  dm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* "Report N. Rutte meets Hegseth.": two mentions and a relation between them; with
 * @broken, a second relation names an actor no mention names, which the store finds only
 * after it has written the article, its actors and mentions. */
static DmAnalysis *
article_new (guint    n,
             gboolean broken)
{
  g_autofree char *text = g_strdup_printf ("Report %u. Rutte meets Hegseth.", n);
  g_autofree char *origin = g_strdup_printf ("article-%u.txt", n);
  DmAnalysis *analysis = dm_analysis_new (dm_article_new (origin, text, -1));
  guint rutte = g_utf8_pointer_to_offset (text, strstr (text, "Rutte"));
  guint hegseth = g_utf8_pointer_to_offset (text, strstr (text, "Hegseth"));
  guint meets = g_utf8_pointer_to_offset (text, strstr (text, "meets"));
  DmRelation *relation;

  g_ptr_array_add (analysis->mentions,
                   dm_mention_new ((DmSpan) { rutte, rutte + 5 }, "Rutte", "Rutte",
                                   DM_ACTOR_OFFICIAL, NULL, NULL));
  g_ptr_array_add (analysis->mentions,
                   dm_mention_new ((DmSpan) { hegseth, hegseth + 7 }, "Hegseth", "Hegseth",
                                   DM_ACTOR_OFFICIAL, NULL, NULL));
  relation = dm_relation_new ("Rutte", "Hegseth", "meets", DM_CLASS_CONSULT, FALSE);
  relation->sentence = (DmSpan) { rutte, hegseth + 8 };
  relation->trigger = (DmSpan) { meets, meets + 5 };
  relation->source_mention = (DmSpan) { rutte, rutte + 5 };
  relation->target_mention = (DmSpan) { hegseth, hegseth + 7 };
  g_ptr_array_add (analysis->relations, relation);
  if (broken)
    g_ptr_array_add (analysis->relations,
                     dm_relation_new ("Rutte", "Atlantis", "threatens", DM_CLASS_THREATEN, FALSE));
  return analysis;
}

static gboolean
add (DmStore *store,
     guint    n,
     gboolean broken)
{
  g_autoptr(DmAnalysis) analysis = article_new (n, broken);
  g_autoptr(GError) error = NULL;
  gboolean added = FALSE;
  gboolean ok = dm_store_add_analysis (store, analysis, NULL, &added, &error);

  if (broken)
    g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED);
  else
    g_assert_no_error (error);
  return ok && added;
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

/* A batch commits when it is full and when it ends, not at each article: until then another
 * connection sees none of its articles, then all of them, whole. */
static void
test_commit_points (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DmStoreStats stats;

  g_assert_true (dm_store_begin_batch (fixture->store, 3, &error));
  g_assert_no_error (error);
  g_assert_true (add (fixture->store, 1, FALSE));
  g_assert_true (add (fixture->store, 2, FALSE));
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 0);
  g_assert_cmpuint (stats_of (fixture->store).n_articles, ==, 2);   /* its own writes */

  g_assert_true (add (fixture->store, 3, FALSE));   /* the third: the batch is full */
  stats = stats_of (fixture->other);
  g_assert_cmpuint (stats.n_articles, ==, 3);
  g_assert_cmpuint (stats.n_mentions, ==, 6);
  g_assert_cmpuint (stats.n_relations, ==, 3);

  g_assert_true (add (fixture->store, 4, FALSE));
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 3);
  g_assert_true (dm_store_end_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 4);

  /* after the batch, one transaction per article again */
  g_assert_true (add (fixture->store, 5, FALSE));
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 5);
}

/* An article the store refuses half-written is undone alone (its savepoint); one already in
 * the batch, uncommitted, is found by its hash like a committed one. */
static void
test_refused_and_duplicate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) atlantis = NULL;
  DmStoreStats stats;

  g_assert_true (dm_store_begin_batch (fixture->store, 100, &error));
  g_assert_true (add (fixture->store, 1, FALSE));
  g_assert_false (add (fixture->store, 2, TRUE));
  g_assert_false (add (fixture->store, 1, FALSE));   /* the same text again: not added */
  g_assert_true (add (fixture->store, 3, FALSE));
  g_assert_true (dm_store_end_batch (fixture->store, &error));
  g_assert_no_error (error);

  stats = stats_of (fixture->other);
  g_assert_cmpuint (stats.n_articles, ==, 2);
  g_assert_cmpuint (stats.n_mentions, ==, 4);
  g_assert_cmpuint (stats.n_relations, ==, 2);
  atlantis = dm_store_find_actor (fixture->other, "Atlantis", &error);
  g_assert_no_error (error);
  g_assert_null (atlantis);
}

/* Another write to the store (here a cached layout) commits the batch before its own
 * transaction: it neither fails inside the batch's nor is undone with it. */
static void
test_other_write_commits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_store_begin_batch (fixture->store, 100, &error));
  g_assert_true (add (fixture->store, 1, FALSE));
  g_assert_true (add (fixture->store, 2, FALSE));
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 0);
  g_assert_true (dm_store_save_layout (fixture->store, "overview", "digraph {}", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 2);

  g_assert_true (add (fixture->store, 3, FALSE));
  g_assert_true (dm_store_end_batch (fixture->store, &error));
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 3);
}

/* Closing the store with a batch open keeps what the batch holds. */
static void
test_free_commits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_store_begin_batch (fixture->store, 100, &error));
  g_assert_true (add (fixture->store, 1, FALSE));
  g_clear_pointer (&fixture->store, dm_store_free);
  g_assert_cmpuint (stats_of (fixture->other).n_articles, ==, 1);
}

#define ADD(name, func) \
  g_test_add ("/dramatis/store-batch/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("commit-points", test_commit_points);
  ADD ("refused-and-duplicate", test_refused_and_duplicate);
  ADD ("other-write-commits", test_other_write_commits);
  ADD ("free-commits", test_free_commits);

  return g_test_run ();
}
