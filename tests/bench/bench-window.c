/* bench-window.c — the main window's response times, measured through the real DmWindow
 *
 * Three of the explorer's targets (issue 3), each from the public API to the frame that
 * shows the result (the frame clock's "after-paint" following the canvas's notify::layout):
 *   (a) focus: dm_window_focus_actor() on a hub of a 60-actor neighbourhood, to the first
 *       frame with that neighbourhood drawn (a new layout each time: not from the cache);
 *   (c) import: the longest main-loop stall while importing 1,000 generated article files
 *       through dm_window_import_paths(), up to the graph shown after it (a G_PRIORITY_HIGH
 *       timeout every 5 ms; its lateness is the stall);
 *   (d) reopen: dm_window_open_corpus() of a 500-actor corpus whose layout is cached, in a
 *       window that shows another corpus, to the first frame with the 500 actors drawn.
 * Medians of several runs (and their maximum) are printed.
 *
 *   xvfb-run -a meson test -C build --benchmark window
 *   xvfb-run -a env GSK_RENDERER=cairo build/tests/bench/bench-window [N_RUNS] [N_ARTICLES]
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dm-test-articles.h"
#include "../ui-test-common.h"

#define N_ACTORS      500
#define N_HUBS        8
#define HUB_DEGREE    59       /* a hub and its neighbours: 60 actors */
#define N_RANDOM      2400     /* relations between the other actors */

static const char * const verbs[] = {
  "urges", "rules out", "meets", "warns", "supports", "sanctions", "attacks", "says",
};
static const DmRelationClass classes[] = {
  DM_CLASS_APPEAL, DM_CLASS_REJECT, DM_CLASS_CONSULT, DM_CLASS_THREATEN,
  DM_CLASS_SUPPORT, DM_CLASS_SANCTION, DM_CLASS_ASSAULT, DM_CLASS_STATEMENT,
};

/* ------------------------------------------------------------------------------------------ */
/* A synthetic corpus: articles of "<source> <verb> <target>. " sentences, analysed by hand */

typedef struct {
  GString   *text;
  DmAnalysis *analysis;
} Article;

static void
article_add (Article    *article,
             const char *source,
             DmActorType source_type,
             const char *target,
             DmActorType target_type,
             guint       k)
{
  GString *text = article->text;
  const char *verb = verbs[k % G_N_ELEMENTS (verbs)];
  guint start = g_utf8_strlen (text->str, -1);
  guint source_end = start + g_utf8_strlen (source, -1);
  guint verb_end = source_end + 1 + g_utf8_strlen (verb, -1);
  guint target_end = verb_end + 1 + g_utf8_strlen (target, -1);
  DmRelation *relation;

  g_string_append_printf (text, "%s %s %s. ", source, verb, target);
  g_ptr_array_add (article->analysis->mentions,
                   dm_mention_new ((DmSpan) { start, source_end }, source, source, source_type, NULL, NULL));
  g_ptr_array_add (article->analysis->mentions,
                   dm_mention_new ((DmSpan) { verb_end + 1, target_end }, target, target, target_type, NULL, NULL));
  relation = dm_relation_new (source, target, verb, classes[k % G_N_ELEMENTS (classes)], k % 11 == 0);
  relation->sentence = (DmSpan) { start, target_end + 1 };
  relation->trigger = (DmSpan) { source_end + 1, verb_end };
  relation->source_mention = (DmSpan) { start, source_end };
  relation->target_mention = (DmSpan) { verb_end + 1, target_end };
  g_ptr_array_add (article->analysis->relations, relation);
}

static void
article_begin (Article *article,
               guint    number)
{
  g_autofree char *path = g_strdup_printf ("synthetic-%u.txt", number);
  DmArticle *a = dm_article_new (path, "", 0);

  a->title = g_strdup_printf ("Synthetic article %u", number);
  a->date = g_strdup_printf ("2026-%02u-%02u", 1 + number % 12, 1 + number % 28);
  article->analysis = dm_analysis_new (a);
  article->text = g_string_new (NULL);
}

static void
article_end (Article *article,
             DmStore *store)
{
  g_autoptr(GError) error = NULL;
  DmArticle *a = article->analysis->article;
  gint64 id = 0;
  gboolean added = FALSE;

  g_free (a->text);
  a->text_len = article->text->len;
  a->text = g_string_free (article->text, FALSE);
  g_assert_true (dm_store_add_analysis (store, article->analysis, &id, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
  g_clear_pointer (&article->analysis, dm_analysis_free);
}

static char *
actor_name (guint i)
{
  if (i < N_HUBS)
    return g_strdup_printf ("Hub %u", i + 1);
  return g_strdup_printf ("Actor %03u", i + 1);
}

/* N_ACTORS actors: N_HUBS hubs each with HUB_DEGREE neighbours of its own, and N_RANDOM
 * relations between the other actors (never touching a hub, so a hub's neighbourhood is
 * exactly 1 + HUB_DEGREE actors). Fifty relations to an article. */
static char *
corpus_new (const char *dir,
            const char *name,
            guint       n_actors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char *path = g_build_filename (dir, name, NULL);
  DmStore *store = dm_store_open (path, &error);
  Article article = { 0 };
  guint n_hubs = MIN (N_HUBS, n_actors / (HUB_DEGREE + 1));
  guint first_other = n_hubs;
  guint n_relations = 0, n_articles = 0;

  g_assert_no_error (error);

  for (guint h = 0; h < n_hubs; h++)
    for (guint j = 0; j < HUB_DEGREE; j++)
      {
        guint other = first_other + (h * HUB_DEGREE + j) % (n_actors - first_other);
        g_autofree char *hub = actor_name (h);
        g_autofree char *target = actor_name (other);

        if (n_relations % 50 == 0)
          {
            if (n_relations > 0)
              article_end (&article, store);
            article_begin (&article, n_articles++);
          }
        article_add (&article, hub, DM_ACTOR_OFFICIAL, target,
                     (DmActorType) (other % DM_N_ACTOR_TYPES), h + j);
        n_relations++;
      }

  for (guint r = 0; r < N_RANDOM * n_actors / N_ACTORS; r++)
    {
      guint s = g_rand_int_range (rand, first_other, n_actors);
      guint t = g_rand_int_range (rand, first_other, n_actors);
      g_autofree char *source = NULL, *target = NULL;

      if (s == t)
        continue;
      source = actor_name (s);
      target = actor_name (t);
      if (n_relations % 50 == 0)
        {
          if (n_relations > 0)
            article_end (&article, store);
          article_begin (&article, n_articles++);
        }
      article_add (&article, source, (DmActorType) (s % DM_N_ACTOR_TYPES),
                   target, (DmActorType) (t % DM_N_ACTOR_TYPES), r);
      n_relations++;
    }
  if (article.analysis != NULL)
    article_end (&article, store);

  dm_store_free (store);
  return path;
}

/* ------------------------------------------------------------------------------------------ */
/* Waiting for the frame that shows a new layout */

typedef struct {
  DmWindow      *window;
  GdkFrameClock *clock;
  gulong         paint_handler;
  guint          want_nodes;     /* the layout to wait for: its number of actors (0: any) */
  gboolean       layout_set;
  gboolean       drawn;
  gint64         layout_time;
  gint64         ready_time;     /* "graph-ready": the details panel is updated too */
  gint64         paint_time;     /* the frame's paint phase begins (after its layout phase) */
  gint64         drawn_time;
  gint64         cpu_begin;      /* the main thread's CPU time: what the load of the machine */
  gint64         cpu_drawn;      /* does not change */
  gint64         cpu_set, cpu_ready, cpu_paint;
} FrameWait;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
paint_cb (GdkFrameClock *clock,
          FrameWait     *wait)
{
  if (wait->layout_set && wait->paint_time == 0)
    {
      wait->paint_time = g_get_monotonic_time ();
      wait->cpu_paint = thread_cpu_time ();
    }
}

static void
graph_ready_cb (DmWindow  *window,
                FrameWait *wait)
{
  if (wait->layout_set && wait->ready_time == 0)
    {
      wait->ready_time = g_get_monotonic_time ();
      wait->cpu_ready = thread_cpu_time ();
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (wait->layout_set && !wait->drawn)
    {
      wait->drawn = TRUE;
      wait->drawn_time = g_get_monotonic_time ();
      wait->cpu_drawn = thread_cpu_time ();
    }
}

static void
layout_notify_cb (DmGraphView *view,
                  GParamSpec  *pspec,
                  FrameWait   *wait)
{
  DmLayout *layout = dm_graph_view_get_layout (view);

  if (layout == NULL || wait->layout_set)
    return;
  if (wait->want_nodes != 0 && layout->graph->nodes->len != wait->want_nodes)
    return;
  wait->layout_set = TRUE;
  wait->layout_time = g_get_monotonic_time ();
  wait->cpu_set = thread_cpu_time ();
}

static void
frame_wait_begin (FrameWait *wait,
                  DmWindow  *window,
                  guint      want_nodes)
{
  memset (wait, 0, sizeof *wait);
  wait->window = window;
  wait->want_nodes = want_nodes;
  wait->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (wait->clock);
  wait->paint_handler = g_signal_connect (wait->clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
  g_signal_connect (wait->clock, "paint", G_CALLBACK (paint_cb), wait);
  wait->cpu_begin = thread_cpu_time ();
  g_signal_connect (window, "graph-ready", G_CALLBACK (graph_ready_cb), wait);
  g_signal_connect (dm_window_get_graph_view (window), "notify::layout",
                    G_CALLBACK (layout_notify_cb), wait);
}

static void
frame_wait_end (FrameWait *wait)
{
  ui_test_wait_flag (&wait->drawn, 600);
  g_signal_handler_disconnect (wait->clock, wait->paint_handler);
  g_signal_handlers_disconnect_by_data (wait->clock, wait);
  g_signal_handlers_disconnect_by_data (wait->window, wait);
  if (g_getenv ("DRAMATIS_BENCH_VERBOSE") != NULL)
    printf ("    main-thread CPU ms: to layout set %.1f, to graph-ready +%.1f, to paint +%.1f, to after-paint +%.1f\n",
            (wait->cpu_set - wait->cpu_begin) / 1000.0,
            (wait->cpu_ready - wait->cpu_set) / 1000.0,
            (wait->cpu_paint - wait->cpu_ready) / 1000.0,
            (wait->cpu_drawn - wait->cpu_paint) / 1000.0);
  g_signal_handlers_disconnect_by_data (dm_window_get_graph_view (wait->window), wait);
  /* The rest of the request (details panel, busy flag) before the next run. */
  ui_test_wait (ui_test_not_busy, wait->window, 600);
  ui_test_flush ();
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             GArray     *times)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < times->len; i++)
    g_string_append_printf (all, "%s%.0f", i ? " " : "", g_array_index (times, gint64, i) / 1000.0);
  g_array_sort (times, compare_gint64);
  printf ("%-44s median %7.1f ms   max %7.1f ms   (runs: %s)\n", what,
          g_array_index (times, gint64, times->len / 2) / 1000.0,
          g_array_index (times, gint64, times->len - 1) / 1000.0, all->str);
  g_string_free (all, TRUE);
  fflush (stdout);
}

/* Idles the main loop for @ms milliseconds (lets background saves finish). */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add (10, ui_test_tick, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* ------------------------------------------------------------------------------------------ */
/* (a) focus */

static gint64
find_actor_id (DmWindow   *window,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) info = dm_store_find_actor (dm_corpus_get_store (dm_window_get_corpus (window)),
                                                     name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info->id;
}

static void
bench_focus (DmWindow *window,
             guint     n_runs)
{
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint pass = 0; pass < 2; pass++)
    for (guint h = 0; h < MIN (n_runs, N_HUBS); h++)
      {
        g_autofree char *name = actor_name (h);
        gint64 id = find_actor_id (window, name), start;
        FrameWait wait;

        /* From the whole graph each time, as a person double-clicking an actor would: drawn
         * and idle before the clock starts. */
        if (dm_window_get_focus_actor (window) != 0)
          {
            frame_wait_begin (&wait, window, N_ACTORS);
            dm_window_show_whole_graph (window);
            frame_wait_end (&wait);
          }
        settle (300);

        frame_wait_begin (&wait, window, 1 + HUB_DEGREE);
        start = g_get_monotonic_time ();
        g_assert_true (dm_window_focus_actor (window, id));
        frame_wait_end (&wait);
        g_assert_cmpuint (dm_window_get_graph (window)->nodes->len, ==, 1 + HUB_DEGREE);

        g_array_append_val (pass == 0 ? cold : warm, (gint64) { wait.drawn_time - start });
        if (pass == 0)
          g_array_append_val (set, (gint64) { wait.layout_time - start });
        if (pass == 0)
          g_array_append_val (cpu, (gint64) { wait.cpu_drawn - wait.cpu_begin });
      }

  print_times ("(a) focus, 60 actors, new layout: drawn", cold);
  print_times ("    of which up to the layout set on canvas", set);
  print_times ("    main-thread CPU time until drawn", cpu);
  print_times ("(a) focus, 60 actors, cached layout: drawn", warm);
}

/* ------------------------------------------------------------------------------------------ */
/* (d) reopen */

static void
bench_reopen (DmWindow   *window,
              const char *big,
              const char *small,
              guint       n_big_actors,
              guint       n_runs)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      FrameWait wait;
      gint64 start;

      frame_wait_begin (&wait, window, 0);
      g_assert_true (dm_window_open_corpus (window, small, &error));
      g_assert_no_error (error);
      frame_wait_end (&wait);
      settle (300);

      frame_wait_begin (&wait, window, n_big_actors);
      start = g_get_monotonic_time ();
      g_assert_true (dm_window_open_corpus (window, big, &error));
      g_assert_no_error (error);
      g_array_append_val (call, (gint64) { g_get_monotonic_time () - start });
      frame_wait_end (&wait);

      g_array_append_val (drawn, (gint64) { wait.drawn_time - start });
      g_array_append_val (set, (gint64) { wait.layout_time - start });
      g_array_append_val (cpu, (gint64) { wait.cpu_drawn - wait.cpu_begin });
    }

  print_times ("(d) reopen 500 actors, cached layout: drawn", drawn);
  print_times ("    of which dm_window_open_corpus() itself", call);
  print_times ("    of which up to the layout set on canvas", set);
  print_times ("    main-thread CPU time until drawn", cpu);
}

/* ------------------------------------------------------------------------------------------ */
/* (c) import */

typedef struct {
  gint64 last;
  gint64 max_late;
  guint  n_over;      /* wake-ups more than 50 ms late */
  gint64 start;
  DmWindow *window;
  gint64 last_cpu;
  gint64 max_cpu;     /* main-thread CPU time between two wake-ups: work of ours, not the
                       * machine's other load */
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - stall->last - 5000;
  gint64 cpu = thread_cpu_time ();

  stall->max_cpu = MAX (stall->max_cpu, cpu - stall->last_cpu);

  stall->max_late = MAX (stall->max_late, late);
  if (late > 50000)
    {
      stall->n_over++;
      if (g_getenv ("DRAMATIS_BENCH_VERBOSE") != NULL)
        printf ("    stall %.1f ms (main-thread CPU %.1f ms) at +%.2f s (%s)\n", late / 1000.0,
                (cpu - stall->last_cpu) / 1000.0, (now - stall->start) / 1e6,
                dm_window_is_importing (stall->window) ? "importing" : "after the import");
    }
  stall->last = now;
  stall->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
import_busy (gpointer data)
{
  DmWindow *window = data;

  return !dm_window_is_importing (window) && !dm_window_is_busy (window);
}

static void
bench_import (DmWindow   *window,
              const char *corpus,
              const char *articles_dir,
              guint       n_articles)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { articles_dir, NULL };
  Stall stall = { 0 };
  gint64 start, elapsed;
  guint source;

  g_assert_true (dm_window_open_corpus (window, corpus, &error));
  g_assert_no_error (error);
  ui_test_wait (ui_test_not_busy, window, 600);
  settle (200);

  stall.last = stall.start = start = g_get_monotonic_time ();
  stall.window = window;
  stall.last_cpu = thread_cpu_time ();
  source = g_timeout_add_full (G_PRIORITY_HIGH, 5, stall_tick_cb, &stall, NULL);
  dm_window_import_paths (window, paths);
  ui_test_wait (import_busy, window, 1200);
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (source);

  printf ("(c) import %u articles: longest main-loop stall %.1f ms (longest main-thread CPU "
          "between wake-ups %.1f ms), %u stalls > 50 ms, %.1f s to the graph (%u actors)\n",
          n_articles, stall.max_late / 1000.0, stall.max_cpu / 1000.0, stall.n_over, elapsed / 1e6,
          dm_window_get_graph (window) ? dm_window_get_graph (window)->nodes->len : 0);
  fflush (stdout);
}

/* ------------------------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL, *small = NULL, *empty = NULL, *articles = NULL;
  guint n_runs = argc > 1 ? (guint) atoi (argv[1]) : 5;
  guint n_articles = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  const char *only = g_getenv ("DRAMATIS_BENCH_ONLY");   /* "a", "c" or "d" */
  DmWindow *window;
  guint big_actors;
  gint64 start;

  ui_test_init (&argc, &argv);
  n_runs = MAX (n_runs, 1);

  dir = g_dir_make_tmp ("dramatis-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  printf ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  start = g_get_monotonic_time ();
  big = corpus_new (dir, "big.dramatis", N_ACTORS);
  small = corpus_new (dir, "small.dramatis", 120);
  empty = g_build_filename (dir, "import.dramatis", NULL);
  articles = g_build_filename (dir, "articles", NULL);
  g_ptr_array_unref (dm_test_articles_write (articles, "wire", 0, n_articles, 7, NULL));
  printf ("corpora and %u article files written in %.1f s\n", n_articles,
          (g_get_monotonic_time () - start) / 1e6);

  app = ui_test_application_new ();
  window = dm_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  /* The first opening lays the 500 actors out (and caches it). */
  start = g_get_monotonic_time ();
  g_assert_true (dm_window_open_corpus (window, big, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait (ui_test_not_busy, window, 600);
  big_actors = dm_window_get_graph (window)->nodes->len;
  printf ("first opening of the 500-actor corpus (%u actors, %u edges, %s): %.1f s\n",
          big_actors, dm_window_get_graph (window)->edges->len,
          dm_layout_engine_to_string (dm_graph_view_get_layout (dm_window_get_graph_view (window))->engine),
          (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (big_actors, ==, N_ACTORS);
  settle (500);

  if (only == NULL || strchr (only, 'a'))
    bench_focus (window, n_runs);
  if (only == NULL || strchr (only, 'd'))
    bench_reopen (window, big, small, big_actors, n_runs);
  if (only == NULL || strchr (only, 'c'))
    bench_import (window, empty, articles, n_articles);

  ui_test_destroy_window (window);
  g_clear_object (&app);
  if (g_getenv ("DRAMATIS_BENCH_KEEP") == NULL)
    ui_test_remove_tree (dir);
  else
    printf ("kept %s\n", dir);

  return 0;
}
