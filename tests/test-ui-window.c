/* test-ui-window.c — the main window on a fixture corpus: focus, details, evidence, history
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-article-window.h"
#include "ui-test-common.h"

typedef UiWindowFixture Fixture;

#define fixture_set_up    ui_window_fixture_set_up
#define fixture_tear_down ui_window_fixture_tear_down

static char *
details_text (Fixture *fixture)
{
  return ui_test_dup_text (GTK_WIDGET (dm_window_get_details_panel (fixture->window)));
}

static void
focus_and_wait (Fixture    *fixture,
                const char *name)
{
  g_assert_true (dm_window_focus_actor_name (fixture->window, name));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
}

static void
test_whole_graph (Fixture       *fixture,
                  gconstpointer  data)
{
  DmGraph *graph = dm_window_get_graph (fixture->window);
  DmLayout *layout = dm_graph_view_get_layout (dm_window_get_graph_view (fixture->window));
  GListModel *actors = dm_actors_panel_get_model (dm_window_get_actors_panel (fixture->window));

  g_assert_nonnull (graph);
  g_assert_nonnull (layout);
  g_assert_true (layout->graph->nodes->len == graph->nodes->len);
  /* Six actors, four relations, each its own edge. */
  g_assert_cmpuint (graph->nodes->len, ==, 6);
  g_assert_cmpuint (graph->edges->len, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 6);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, 0);
}

static void
test_focus_lists_relations (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;
  DmGraph *graph;

  focus_and_wait (fixture, "Pete Hegseth");

  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), !=, 0);
  g_assert_cmpint (dm_details_panel_get_kind (dm_window_get_details_panel (fixture->window)), ==, DM_DETAILS_ACTOR);

  /* The neighbourhood: Hegseth and the two he acts on, not Russia or NATO. */
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpuint (graph->nodes->len, ==, 3);
  g_assert_cmpint (ui_test_find_node (graph, "European allies"), >=, 0);
  g_assert_cmpint (ui_test_find_node (graph, "Ukraine"), >=, 0);
  g_assert_cmpint (ui_test_find_node (graph, "Russia"), ==, -1);

  /* The canvas selects the focused actor. */
  g_assert_cmpint (dm_graph_view_get_selected_node (dm_window_get_graph_view (fixture->window)), ==,
                   ui_test_find_node (graph, "Pete Hegseth"));

  text = details_text (fixture);
  g_assert_nonnull (strstr (text, "Pete Hegseth"));
  g_assert_nonnull (strstr (text, "Defence Secretary"));
  g_assert_nonnull (strstr (text, "urges →"));
  g_assert_nonnull (strstr (text, "rules out →"));
  g_assert_nonnull (strstr (text, "European allies"));
  g_assert_nonnull (strstr (text, "Ukraine"));
  g_assert_null (strstr (text, "Russia"));

  /* Widening reaches Germany through Ukraine. */
  dm_window_set_depth (fixture->window, 2);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpint (ui_test_find_node (graph, "Germany"), >=, 0);
  g_assert_cmpint (ui_test_find_node (graph, "Russia"), ==, -1);
}

static gboolean
is_label_with_markup (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_show_in_article_button (GtkWidget *widget,
                           gpointer   data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_BUTTON (widget) && tooltip != NULL && g_str_equal (tooltip, "Show in Article");
}

static void
test_edge_evidence (Fixture       *fixture,
                    gconstpointer  data)
{
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmDetailsPanel *details = dm_window_get_details_panel (fixture->window);
  g_autofree char *text = NULL;
  g_autofree char *highlight = NULL;
  g_autoptr(GList) toplevels = NULL;
  GtkWidget *label, *button;
  DmArticleWindow *article_window = NULL;
  int edge;

  edge = ui_test_find_edge (dm_window_get_graph (fixture->window), "Pete Hegseth", "European allies");
  g_assert_cmpint (edge, >=, 0);

  dm_graph_view_select_edge (view, edge);
  ui_test_flush ();

  g_assert_cmpint (dm_details_panel_get_kind (details), ==, DM_DETAILS_EDGE);
  text = details_text (fixture);
  g_assert_nonnull (strstr (text, "Pete Hegseth → European allies"));
  g_assert_nonnull (strstr (text, UI_FIXTURE_HEGSETH_SENTENCE));
  g_assert_nonnull (strstr (text, "Hegseth presses allies at Brussels meeting"));
  g_assert_nonnull (strstr (text, "2026-11-23"));

  /* The two actors and the verb are highlighted in the sentence. */
  label = ui_test_find (GTK_WIDGET (details), is_label_with_markup, (gpointer) UI_FIXTURE_HEGSETH_SENTENCE);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "<b>Pete Hegseth</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "<b>European allies</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "underline=\"single\">urged</span>"));

  /* "Show in Article" opens the text with that sentence highlighted. */
  button = ui_test_find (GTK_WIDGET (details), is_show_in_article_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_flush ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (DM_IS_ARTICLE_WINDOW (l->data))
      article_window = l->data;
  g_assert_nonnull (article_window);
  highlight = dm_article_window_dup_highlight (article_window);
  g_assert_cmpstr (highlight, ==, UI_FIXTURE_HEGSETH_SENTENCE);
  gtk_window_destroy (GTK_WINDOW (article_window));
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  DmDetailsPanel *details = dm_window_get_details_panel (fixture->window);
  g_autoptr(DmActorInfo) hegseth = NULL;
  g_autoptr(DmActorInfo) ukraine = NULL;
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (fixture->window));
  GtkWidget *row;

  hegseth = dm_store_find_actor (store, "Pete Hegseth", NULL);
  ukraine = dm_store_find_actor (store, "Ukraine", NULL);
  g_assert_nonnull (hegseth);
  g_assert_nonnull (ukraine);

  /* The history has its keys. */
  {
    g_auto(GStrv) back = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.back");
    g_auto(GStrv) forward = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.forward");

    g_assert_true (g_strv_contains ((const char * const *) back, "<Alt>Left"));
    g_assert_true (g_strv_contains ((const char * const *) forward, "<Alt>Right"));
  }

  /* Whole graph → Hegseth → (a click on his "rules out" row) Ukraine. */
  focus_and_wait (fixture, "Pete Hegseth");
  row = ui_test_find (GTK_WIDGET (details), is_row_titled, (gpointer) "Ukraine");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, ukraine->id);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (fixture->window), "Germany"), >=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, hegseth->id);
  g_assert_cmpint (dm_details_panel_get_actor (details), ==, hegseth->id);

  g_assert_true (dm_window_go_back (fixture->window));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, 0);
  g_assert_cmpuint (dm_window_get_graph (fixture->window)->nodes->len, ==, 6);
  g_assert_false (dm_window_go_back (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.forward", NULL));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, hegseth->id);

  g_assert_true (dm_window_go_forward (fixture->window));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, ukraine->id);
  g_assert_false (dm_window_go_forward (fixture->window));

  /* Escape on the canvas: the whole graph again, as a new step back can undo. */
  g_signal_emit_by_name (dm_window_get_graph_view (fixture->window), "escape");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, 0);
  g_assert_true (dm_window_go_back (fixture->window));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, ukraine->id);
}

static void
test_actor_search (Fixture       *fixture,
                   gconstpointer  data)
{
  DmActorsPanel *actors = dm_window_get_actors_panel (fixture->window);
  g_autoptr(DmActorInfo) germany = NULL;

  germany = dm_store_find_actor (dm_corpus_get_store (dm_window_get_corpus (fixture->window)),
                                 "Germany", NULL);

  dm_actors_panel_set_search (actors, "germ");
  g_assert_cmpuint (g_list_model_get_n_items (dm_actors_panel_get_model (actors)), ==, 1);

  /* Enter in the search entry focuses the first match. */
  g_signal_emit_by_name (actors, "actor-activated", germany->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, germany->id);

  dm_actors_panel_set_search (actors, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (dm_actors_panel_get_model (actors)), ==, 6);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  DmFiltersPanel *filters = dm_window_get_filters_panel (fixture->window);
  DmGraph *graph;

  /* Hiding DISAPPROVE drops Russia → NATO and both actors with it. */
  dm_filters_panel_set_class (filters, DM_CLASS_DISAPPROVE, FALSE);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpint (ui_test_find_node (graph, "Russia"), ==, -1);
  g_assert_cmpint (ui_test_find_edge (graph, "Pete Hegseth", "Ukraine"), >=, 0);

  dm_filters_panel_reset (filters);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (fixture->window), "Russia"), >=, 0);
}

static void
test_layout_engine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dramatis.Dramatis");
  DmLayout *layout;

  /* The header's engine drop-down is bound to this key: changing it lays out again. */
  g_settings_set_string (settings, "layout-engine", "circo");
  g_assert_true (dm_window_is_busy (fixture->window));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  layout = dm_graph_view_get_layout (dm_window_get_graph_view (fixture->window));
  g_assert_nonnull (layout);
  g_assert_cmpint (layout->engine, ==, DM_LAYOUT_ENGINE_CIRCO);

  g_settings_reset (settings, "layout-engine");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
}

static void
test_switch_corpus (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->corpus_path);
  g_autofree char *other = g_build_filename (dir, "other.dramatis", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dramatis.Dramatis");
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  focus_and_wait (fixture, "Pete Hegseth");

  /* A new, empty corpus: empty lists, empty graph, no history, remembered for next time. */
  g_assert_true (dm_window_open_corpus (fixture->window, other, &error));
  g_assert_no_error (error);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (g_list_model_get_n_items (dm_actors_panel_get_model (dm_window_get_actors_panel (fixture->window))), ==, 0);
  g_assert_cmpuint (dm_window_get_graph (fixture->window)->nodes->len, ==, 0);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, 0);
  g_assert_false (dm_window_go_back (fixture->window));
  last = g_settings_get_string (settings, "last-corpus");
  g_assert_cmpstr (last, ==, other);

  /* And back. */
  g_assert_true (dm_window_open_corpus (fixture->window, fixture->corpus_path, &error));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpuint (dm_window_get_graph (fixture->window)->nodes->len, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-window/whole-graph", Fixture, NULL,
              fixture_set_up, test_whole_graph, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/focus-lists-relations", Fixture, NULL,
              fixture_set_up, test_focus_lists_relations, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/edge-evidence", Fixture, NULL,
              fixture_set_up, test_edge_evidence, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/actor-search", Fixture, NULL,
              fixture_set_up, test_actor_search, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);

  g_test_add ("/dramatis/ui-window/layout-engine", Fixture, NULL,
              fixture_set_up, test_layout_engine, fixture_tear_down);
  g_test_add ("/dramatis/ui-window/switch-corpus", Fixture, NULL,
              fixture_set_up, test_switch_corpus, fixture_tear_down);

  return g_test_run ();
}
