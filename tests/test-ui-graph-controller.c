/* test-ui-graph-controller.c — DmGraphController: queries in, built and laid-out graphs out
 *
 * No widgets: the controller is a plain GObject, driven from the test's main loop.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "dm-graph-controller.h"
#include "dm-layout-cache.h"
#include "graph-corpus.h"

#define WAIT_SECONDS 30

typedef struct {
  GraphCorpus       *graph_corpus;
  DmCorpus          *corpus;
  DmGraphController *controller;
  GPtrArray         *results;   /* DmGraphResult, as they came */
} Fixture;

static void
ready_cb (DmGraphController *controller,
          DmGraphResult     *result,
          Fixture           *fixture)
{
  g_ptr_array_add (fixture->results, dm_graph_result_ref (result));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->graph_corpus = graph_corpus_new ();
  fixture->corpus = dm_corpus_open (fixture->graph_corpus->path, &error);
  g_assert_no_error (error);
  fixture->controller = dm_graph_controller_new ();
  fixture->results = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_graph_result_unref);
  g_signal_connect (fixture->controller, "ready", G_CALLBACK (ready_cb), fixture);
  dm_graph_controller_set_corpus (fixture->controller, fixture->corpus);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->controller);
  g_clear_object (&fixture->corpus);
  g_clear_pointer (&fixture->results, g_ptr_array_unref);
  g_clear_pointer (&fixture->graph_corpus, graph_corpus_free);
}

/* Runs the main loop until @n results have come (failing after WAIT_SECONDS). */
static void
wait_for_results (Fixture *fixture,
                  guint    n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (fixture->results->len < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Gives a cancelled or superseded request the time to report, if it were to. */
static void
let_stragglers_arrive (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static DmGraphRequest *
request_for (gint64 focus_actor)
{
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();

  query->focus_actor = focus_actor;
  query->depth = 1;
  return dm_graph_request_new (query, DM_LAYOUT_ENGINE_DOT);
}

static DmGraphResult *
result_at (Fixture *fixture,
           guint    i)
{
  return g_ptr_array_index (fixture->results, i);
}

static void
test_whole_graph_then_cache (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DmGraphRequest) request = request_for (0);
  g_autofree char *key = NULL;
  DmGraphResult *result;
  gint64 deadline;

  dm_graph_controller_request (fixture->controller, request);
  g_assert_true (dm_graph_controller_is_busy (fixture->controller));
  wait_for_results (fixture, 1);
  g_assert_false (dm_graph_controller_is_busy (fixture->controller));

  result = result_at (fixture, 0);
  g_assert_no_error (result->error);
  g_assert_nonnull (result->graph);
  g_assert_cmpuint (result->graph->nodes->len, >, 1);
  g_assert_nonnull (result->layout);
  g_assert_true (result->layout->graph == result->graph);
  g_assert_false (result->from_cache);
  g_assert_cmpint (result->request->query->focus_actor, ==, 0);
  g_assert_cmpint (result->request->engine, ==, DM_LAYOUT_ENGINE_DOT);
  g_assert_cmpint (result->build_time, >, 0);

  /* The new layout goes into the corpus's cache after it was handed over */
  key = dm_layout_cache_key (result->graph, DM_LAYOUT_ENGINE_DOT);
  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(DmLayout) cached = dm_layout_cache_lookup (fixture->graph_corpus->store,
                                                           result->graph, key, NULL);

      if (cached != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  /* …and the same request comes from it the next time */
  dm_graph_controller_request (fixture->controller, request);
  wait_for_results (fixture, 2);
  g_assert_true (result_at (fixture, 1)->from_cache);
  g_assert_nonnull (result_at (fixture, 1)->layout);
  g_assert_cmpuint (result_at (fixture, 1)->graph->nodes->len, ==, result->graph->nodes->len);
}

static void
test_superseded (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 russia = graph_corpus_actor (fixture->graph_corpus, "Russia");
  g_autoptr(DmGraphRequest) focus = request_for (russia);
  g_autoptr(DmGraphRequest) whole = request_for (0);
  DmGraphResult *result;

  /* Only the latest request reports */
  dm_graph_controller_request (fixture->controller, focus);
  dm_graph_controller_request (fixture->controller, whole);
  wait_for_results (fixture, 1);
  let_stragglers_arrive ();
  g_assert_cmpuint (fixture->results->len, ==, 1);
  g_assert_cmpint (result_at (fixture, 0)->request->query->focus_actor, ==, 0);

  /* The other way round: the neighbourhood, smaller than the whole graph */
  dm_graph_controller_request (fixture->controller, whole);
  dm_graph_controller_request (fixture->controller, focus);
  wait_for_results (fixture, 2);
  let_stragglers_arrive ();
  g_assert_cmpuint (fixture->results->len, ==, 2);
  result = result_at (fixture, 1);
  g_assert_cmpint (result->request->query->focus_actor, ==, russia);
  g_assert_nonnull (result->layout);
  g_assert_cmpuint (result->graph->nodes->len, <, result_at (fixture, 0)->graph->nodes->len);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DmGraphRequest) request = request_for (0);

  dm_graph_controller_request (fixture->controller, request);
  dm_graph_controller_cancel (fixture->controller);
  g_assert_false (dm_graph_controller_is_busy (fixture->controller));
  let_stragglers_arrive ();
  g_assert_cmpuint (fixture->results->len, ==, 0);

  /* Another corpus cancels too; without one, nothing is requested */
  dm_graph_controller_request (fixture->controller, request);
  dm_graph_controller_set_corpus (fixture->controller, NULL);
  g_assert_false (dm_graph_controller_is_busy (fixture->controller));
  dm_graph_controller_request (fixture->controller, request);
  g_assert_false (dm_graph_controller_is_busy (fixture->controller));
  let_stragglers_arrive ();
  g_assert_cmpuint (fixture->results->len, ==, 0);
}

static void
test_empty_corpus (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DmGraphRequest) request = request_for (0);
  g_autofree char *path = g_build_filename (fixture->graph_corpus->dir, "empty.dramatis", NULL);
  g_autoptr(DmCorpus) empty = NULL;
  g_autoptr(GError) error = NULL;
  DmGraphResult *result;

  empty = dm_corpus_open (path, &error);
  g_assert_no_error (error);
  dm_graph_controller_set_corpus (fixture->controller, empty);
  g_assert_true (dm_graph_controller_get_corpus (fixture->controller) == empty);

  /* An empty graph says why it is empty, and has no layout */
  dm_graph_controller_request (fixture->controller, request);
  wait_for_results (fixture, 1);
  result = result_at (fixture, 0);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->graph->nodes->len, ==, 0);
  g_assert_null (result->layout);
  g_assert_cmpuint (result->n_articles, ==, 0);
  g_assert_cmpuint (result->n_relations, ==, 0);

  dm_graph_controller_set_corpus (fixture->controller, NULL);
}

#define ADD(name, func) \
  g_test_add ("/dramatis/graph-controller/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("whole-graph-then-cache", test_whole_graph_then_cache);
  ADD ("superseded", test_superseded);
  ADD ("cancel", test_cancel);
  ADD ("empty-corpus", test_empty_corpus);

  return g_test_run ();
}
