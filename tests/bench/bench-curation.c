/* bench-curation.c — what edits and curation rules cost
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. Edits on a corpus of 100,000 relations (5,000 generated articles of 20 relations among
 *    2,000 actors, written without the extractor): merge of the most connected actor, rename,
 *    role, relation delete, article delete — each made and undone 11 times; medians.
 * 2. 1,000 generated wire articles imported (extractor + store, one thread) into a new corpus
 *    without rules and into one holding 1,000 rules (names merged and renamed, "not an actor",
 *    types, relation corrections), 3 times each, alternating; then the store alone (the same
 *    analyses written again) 5 times each. Medians, and the ratio with rules / without.
 * 3. bench-curation recount [N_ARTICLES] (default 10,000, only this part): a corpus where
 *    one hub actor is the source of half the relations (N × 20), merged into another actor:
 *    the merge touches half the corpus's relations. The time of counting the views of the
 *    whole corpus again (dm_store_view_recount, on its own in a rolled-back transaction),
 *    of the merge and its undo (which count again only what they changed), and of a rename
 *    of the hub (which changes no relation).
 * Usage: bench-curation [N_ARTICLES]  (default 1000, part 2); bench-curation rules [N]: part 2
 * only.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "dm-curation-private.h"
#include "dm-extractor.h"
#include "dm-importer.h"
#include "dm-store.h"
#include "dm-store-write.h"
#include "../test-util.h"

#define N_BIG_ARTICLES 5000
#define N_BIG_RELATIONS_PER_ARTICLE 20
#define N_BIG_ACTORS 2000
#define N_EDIT_RUNS 11
#define N_RECOUNT_RUNS 3
#define N_IMPORT_RUNS 3
#define N_STORE_RUNS 5
#define N_RULES 1000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process, user + system: steadier than wall time on a machine shared with
 * other work (both are reported). */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

typedef struct {
  double wall;
  double cpu;
} Stamp;

static Stamp
stamp (void)
{
  return (Stamp) { now_ms (), cpu_ms () };
}

/* Wall and CPU milliseconds since @start into @wall[i] and @cpu[i] */
static void
lap (Stamp   start,
     double *wall,
     double *cpu,
     guint   i)
{
  wall[i] = now_ms () - start.wall;
  cpu[i] = cpu_ms () - start.cpu;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* Part 1: the big corpus */

static DmAnalysis *
big_article_of (GRand    *rand,
                guint     index,
                gboolean  hubs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DmAnalysis *analysis;
  guint sources[N_BIG_RELATIONS_PER_ARTICLE], targets[N_BIG_RELATIONS_PER_ARTICLE];
  guint offset = 0;

  for (guint i = 0; i < N_BIG_RELATIONS_PER_ARTICLE; i++)
    {
      /* a few actors are in many articles, most in few; or one hub the source of half the
       * relations */
      if (hubs)
        sources[i] = i % 2 ? 1 : (guint) g_rand_int_range (rand, 2, N_BIG_ACTORS);
      else
        sources[i] = g_rand_int_range (rand, 0, g_rand_boolean (rand) ? 50 : N_BIG_ACTORS);
      do
        targets[i] = g_rand_int_range (rand, 0, N_BIG_ACTORS);
      while (targets[i] == sources[i]);
      g_string_append_printf (text, "Actor%04u blames Actor%04u (item %u.%u). ", sources[i],
                              targets[i], index, i);
    }
  analysis = dm_analysis_new (dm_article_new ("big", text->str, -1));

  for (guint i = 0; i < N_BIG_RELATIONS_PER_ARTICLE; i++)
    {
      g_autofree char *source = g_strdup_printf ("Actor%04u", sources[i]);
      g_autofree char *target = g_strdup_printf ("Actor%04u", targets[i]);
      g_autofree char *sentence = g_strdup_printf ("Actor%04u blames Actor%04u (item %u.%u). ",
                                                   sources[i], targets[i], index, i);
      DmRelation *relation = dm_relation_new (source, target, "blames", DM_CLASS_DISAPPROVE, FALSE);
      guint len = strlen (sentence);   /* ASCII: bytes are code points */

      relation->sentence = (DmSpan) { offset, offset + len - 1 };
      relation->source_mention = (DmSpan) { offset, offset + 9 };
      relation->trigger = (DmSpan) { offset + 10, offset + 16 };
      relation->target_mention = (DmSpan) { offset + 17, offset + 26 };
      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (relation->source_mention, source, source,
                                       DM_ACTOR_ORGANIZATION, NULL, NULL));
      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (relation->target_mention, target, target,
                                       DM_ACTOR_ORGANIZATION, NULL, NULL));
      g_ptr_array_add (analysis->relations, relation);
      offset += len;
    }
  return analysis;
}

static DmAnalysis *
big_article (GRand *rand,
             guint  index)
{
  return big_article_of (rand, index, FALSE);
}

typedef gboolean (*TimedEdit) (DmStore *store, gpointer data, GError **error);

static gboolean
edit_merge (DmStore *store, gpointer data, GError **error)
{
  gint64 *ids = data;

  return dm_store_merge_actors (store, ids[0], &ids[1], 1, error);
}

static gboolean
edit_rename (DmStore *store, gpointer data, GError **error)
{
  return dm_store_rename_actor (store, ((gint64 *) data)[0], "Renamed Actor", error);
}

static gboolean
edit_role (DmStore *store, gpointer data, GError **error)
{
  return dm_store_set_actor_role (store, ((gint64 *) data)[0], "Chair", error);
}

static gboolean
edit_delete_relation (DmStore *store, gpointer data, GError **error)
{
  return dm_store_delete_relation (store, ((gint64 *) data)[2], error);
}

static gboolean
edit_delete_article (DmStore *store, gpointer data, GError **error)
{
  return dm_store_delete_article (store, ((gint64 *) data)[3], error);
}

static void
time_edit_runs (DmStore    *store,
                const char *name,
                TimedEdit   edit,
                gint64     *ids,
                guint       n_runs)
{
  double edit_ms[N_EDIT_RUNS], undo_ms[N_EDIT_RUNS], edit_cpu[N_EDIT_RUNS], undo_cpu[N_EDIT_RUNS];

  g_assert (n_runs <= N_EDIT_RUNS);
  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      Stamp start = stamp ();

      check (edit (store, ids, &error), error);
      lap (start, edit_ms, edit_cpu, run);
      start = stamp ();
      check (dm_store_undo (store, NULL, &error), error);
      lap (start, undo_ms, undo_cpu, run);
    }
  printf ("edit %-16s median %7.1f ms (cpu %7.1f)   undo median %7.1f ms (cpu %7.1f)\n", name,
          median (edit_ms, n_runs), median (edit_cpu, n_runs),
          median (undo_ms, n_runs), median (undo_cpu, n_runs));
}

static void
time_edit (DmStore    *store,
           const char *name,
           TimedEdit   edit,
           gint64     *ids)
{
  time_edit_runs (store, name, edit, ids, N_EDIT_RUNS);
}

static void
bench_edits (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "big.dramatis", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(DmStore) store = dm_store_open (path, &error);
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  DmStoreStats stats;
  gint64 ids[4];
  double start = now_ms ();

  check (store != NULL, error);
  for (guint i = 0; i < N_BIG_ARTICLES; i++)
    {
      g_autoptr(DmAnalysis) analysis = big_article (rand, i);

      check (dm_store_add_analysis (store, analysis, NULL, NULL, &error), error);
    }
  check (dm_store_get_stats (store, &stats, &error), error);
  printf ("# corpus of %u articles, %u actors, %u relations written in %.1f s\n",
          stats.n_articles, stats.n_actors, stats.n_relations, (now_ms () - start) / 1000);

  actors = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
  relations = dm_store_list_actor_relations (store,
                                             ((DmActorInfo *) g_ptr_array_index (actors, 0))->id,
                                             &error);
  articles = dm_store_list_articles (store, &error);
  check (actors != NULL && relations != NULL && articles != NULL, error);
  ids[0] = ((DmActorInfo *) g_ptr_array_index (actors, 0))->id;
  ids[1] = ((DmActorInfo *) g_ptr_array_index (actors, 1))->id;
  ids[2] = ((DmRelationInfo *) g_ptr_array_index (relations, 0))->id;
  ids[3] = ((DmArticleInfo *) g_ptr_array_index (articles, articles->len / 2))->id;
  printf ("# merging “%s” (%u relations) into “%s” (%u relations)\n",
          ((DmActorInfo *) g_ptr_array_index (actors, 1))->name,
          ((DmActorInfo *) g_ptr_array_index (actors, 1))->n_relations,
          ((DmActorInfo *) g_ptr_array_index (actors, 0))->name,
          ((DmActorInfo *) g_ptr_array_index (actors, 0))->n_relations);

  time_edit (store, "merge", edit_merge, ids);
  time_edit (store, "rename", edit_rename, ids);
  time_edit (store, "set-role", edit_role, ids);
  time_edit (store, "delete-relation", edit_delete_relation, ids);
  time_edit (store, "delete-article", edit_delete_article, ids);
}

/* Part 3: the views' recount after an edit touching half the corpus */

static void
bench_recount (const char *dir,
               guint       n_articles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "hubs.dramatis", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(DmStore) store = dm_store_open (path, &error);
  double recount_ms[N_EDIT_RUNS], recount_cpu[N_EDIT_RUNS];
  DmStoreStats stats;
  gint64 ids[2];
  double start = now_ms ();

  check (store != NULL, error);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(DmAnalysis) analysis = big_article_of (rand, i, TRUE);

      check (dm_store_add_analysis (store, analysis, NULL, NULL, &error), error);
    }
  check (dm_store_get_stats (store, &stats, &error), error);
  printf ("# corpus of %u articles, %u actors, %u relations written in %.1f s\n",
          stats.n_articles, stats.n_actors, stats.n_relations, (now_ms () - start) / 1000);

  for (guint run = 0; run < N_RECOUNT_RUNS; run++)
    {
      sqlite3 *db = dm_store_lock (store);
      Stamp begin;

      check (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK, NULL);
      begin = stamp ();
      check (dm_store_view_recount (db, &error), error);
      lap (begin, recount_ms, recount_cpu, run);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      dm_store_unlock (store);
    }
  printf ("whole recount of the views  median %7.1f ms (cpu %7.1f)\n",
          median (recount_ms, N_RECOUNT_RUNS), median (recount_cpu, N_RECOUNT_RUNS));

  ids[0] = dm_test_actor_id (store, "Actor0000");
  ids[1] = dm_test_actor_id (store, "Actor0001");
  printf ("# merging the hub into another actor: %u relations moved\n", stats.n_relations / 2);
  time_edit_runs (store, "merge-hub", edit_merge, ids, N_RECOUNT_RUNS);
  ids[0] = ids[1];
  time_edit_runs (store, "rename-hub", edit_rename, ids, N_RECOUNT_RUNS);
}

/* Part 2: imports with and without rules */

static const char * const names[] = {
  "Germany", "France", "Poland", "Ukraine", "Russia", "China", "Japan", "India", "Brazil",
  "Turkey", "NATO", "the European Union", "the United Nations",
  "President Emmanuel Macron", "Chancellor Olaf Scholz", "Prime Minister Donald Tusk",
};

static const char * const wire_verbs[] = {
  "criticised", "met", "praised", "condemned", "attacked", "thanked", "warned", "urged",
};

static char *
wire_article (GRand *rand,
              guint  index)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 6, 14);

  g_string_append_printf (text, "Dispatch %u\n\nGENEVA, %u May 2025 — ", index, 1 + index % 30);
  for (guint i = 0; i < n; i++)
    {
      const char *source = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      const char *target;

      do
        target = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      while (target == source);
      g_string_append_printf (text, "%c%s %s %s in talks number %u.%u. ",
                              g_ascii_toupper (source[0]), source + 1,
                              wire_verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (wire_verbs))],
                              target, index, i);
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

/* 1,000 rules as a team might share them: a few about the names of these articles, most
 * about names and sentences these articles never have. */
static char *
rules_file (void)
{
  GString *out = g_string_new ("# Dramatis rules 1\n");
  guint n = 0;

  for (guint i = 0; i < 10; i++, n++)
    g_string_append_printf (out, "alias\tx\t%s\tAlias of %s\t\\N\t1\t\\N\n", names[i], names[i]);
  for (guint i = 10; i < 13; i++, n++)
    g_string_append_printf (out, "actor-type\tx\t%s\tgroup\t\\N\t1\t\\N\n", names[i]);
  for (guint i = 13; i < 16; i++, n++)
    g_string_append_printf (out, "actor-role\tx\t%s\tHead of state\t\\N\t1\t\\N\n", names[i]);
  for (guint i = 0; n < N_RULES; i++, n++)
    {
      g_autofree char *key = g_compute_checksum_for_data (G_CHECKSUM_MD5, (guchar *) &i, sizeof i);

      switch (i % 5)
        {
        case 0:
          g_string_append_printf (out, "alias\tx\tUnseen Party %u\tSeen Party %u\t\\N\t1\t\\N\n", i, i);
          break;
        case 1:
          g_string_append_printf (out, "not-actor\tx\tNobody %u\t\\N\t\\N\t1\t\\N\n", i);
          break;
        case 2:
          g_string_append_printf (out, "relation-delete\t%s:3-9\tA deletes B\t\\N\t\\N\t1\t\\N\n", key);
          break;
        case 3:
          g_string_append_printf (out, "relation-verb\t%s:0-5\tA says B\tblames\tDISAPPROVE\t1\t\\N\n", key);
          break;
        default:
          g_string_append_printf (out, "relation-flip\t%s:4-8\tA backs B\t\\N\t\\N\t1\t\\N\n", key);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static DmStore *
new_corpus (const char *dir,
            const char *name,
            guint       run,
            const char *rules)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%u.dramatis", name, run);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  DmStore *store = dm_store_open (path, &error);
  guint n_added = 0;

  check (store != NULL, error);
  if (rules != NULL)
    {
      check (dm_store_import_rules (store, rules, strlen (rules), &n_added, &error), error);
      g_assert (n_added == N_RULES);
    }
  return store;
}

/* The rules engine alone: the 1,000 rules composed once, applied to every analysis. */
static void
time_apply_alone (const char *dir,
                  const char *rules_text,
                  GPtrArray  *analyses)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = new_corpus (dir, "rules-only", 0, rules_text);
  g_autoptr(GPtrArray) infos = dm_store_list_rules (store, &error);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_rule_free);
  g_autoptr(DmCurationRules) composed = NULL;
  double wall[N_STORE_RUNS], cpu[N_STORE_RUNS];
  guint n_changed = 0;

  check (infos != NULL, error);
  for (guint i = 0; i < infos->len; i++)
    {
      DmRuleInfo *info = g_ptr_array_index (infos, i);

      g_ptr_array_add (rules, dm_rule_new (info->id, info->kind, info->key, info->name,
                                           info->value, info->detail));
    }
  composed = dm_curation_rules_new (rules);
  for (guint run = 0; run < N_STORE_RUNS; run++)
    {
      Stamp start = stamp ();

      n_changed = 0;
      for (guint i = 0; i < analyses->len; i++)
        {
          g_autoptr(GHashTable) hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_autoptr(DmAnalysis) curated = dm_curation_rules_apply (composed,
                                                                   g_ptr_array_index (analyses, i),
                                                                   "hash", hits);

          n_changed += curated != NULL;
        }
      lap (start, wall, cpu, run);
    }
  printf ("rules applied alone to %u analyses (%u changed): median %.1f ms (cpu %.1f)\n",
          analyses->len, n_changed, median (wall, N_STORE_RUNS), median (cpu, N_STORE_RUNS));
}

static void
report (const char *what,
        guint       n_articles,
        double     *plain_wall,
        double     *plain_cpu,
        double     *ruled_wall,
        double     *ruled_cpu,
        guint       n_runs)
{
  double pw = median (plain_wall, n_runs), pc = median (plain_cpu, n_runs);
  double rw = median (ruled_wall, n_runs), rc = median (ruled_cpu, n_runs);

  printf ("%s of %u articles: no rules median %.0f ms (cpu %.0f); %u rules median %.0f ms "
          "(cpu %.0f); ratio %.3f (cpu %.3f)\n", what, n_articles, pw, pc, N_RULES, rw, rc,
          rw / pw, rc / pc);
}

static void
bench_rules (const char *dir,
             guint       n_articles)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
  g_autofree char *rules = rules_file ();
  DmExtractor *extractor = dm_extractor_get_default ();
  double wall[4][N_STORE_RUNS], cpu[4][N_STORE_RUNS];

  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (texts, wire_article (rand, i));
  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (analyses,
                     dm_extractor_analyze (extractor,
                                           dm_article_new ("wire", g_ptr_array_index (texts, i), -1)));

  for (guint run = 0; run < N_IMPORT_RUNS; run++)
    for (guint with_rules = 0; with_rules < 2; with_rules++)
      {
        g_autoptr(DmStore) store = new_corpus (dir, with_rules ? "ruled" : "plain", run,
                                               with_rules ? rules : NULL);
        Stamp start = stamp ();

        for (guint i = 0; i < n_articles; i++)
          {
            g_autoptr(GError) error = NULL;

            check (dm_import_text (store, extractor, "wire", g_ptr_array_index (texts, i), NULL,
                                   &error), error);
          }
        lap (start, wall[with_rules], cpu[with_rules], run);
      }

  for (guint run = 0; run < N_STORE_RUNS; run++)
    for (guint with_rules = 0; with_rules < 2; with_rules++)
      {
        g_autoptr(DmStore) store = new_corpus (dir, with_rules ? "ruled-store" : "plain-store",
                                               run, with_rules ? rules : NULL);
        Stamp start = stamp ();

        for (guint i = 0; i < n_articles; i++)
          {
            g_autoptr(GError) error = NULL;

            check (dm_store_add_analysis (store, g_ptr_array_index (analyses, i), NULL, NULL,
                                          &error), error);
          }
        lap (start, wall[2 + with_rules], cpu[2 + with_rules], run);
      }

  report ("import (extract + store)", n_articles, wall[0], cpu[0], wall[1], cpu[1], N_IMPORT_RUNS);
  time_apply_alone (dir, rules, analyses);
  report ("store alone", n_articles, wall[2], cpu[2], wall[3], cpu[3], N_STORE_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dramatis-bench-curation-XXXXXX", &error);
  gboolean rules_only = argc > 1 && strcmp (argv[1], "rules") == 0;
  gboolean recount_only = argc > 1 && strcmp (argv[1], "recount") == 0;
  guint n_articles = argc > 1 + rules_only ? (guint) atoi (argv[1 + rules_only]) : 1000;

  check (dir != NULL, error);
  if (recount_only)
    {
      bench_recount (dir, argc > 2 ? (guint) atoi (argv[2]) : 10000);
      dm_test_remove_tree (dir);
      return 0;
    }
  if (n_articles == 0)
    n_articles = 1000;

  if (!rules_only)
    bench_edits (dir);
  bench_rules (dir, n_articles);
  dm_test_remove_tree (dir);
  return 0;
}
