/* test-ui-canvas.c — what the main window adds around its canvas: the legend, search
 * matches marked on the graph, the zoom and Escape keys wherever the focus is
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-analysis.h"

#include "dm-graph-view-private.h"
#include "dm-filters-panel.h"
#include "dm-legend.h"
#include "dm-store-view.h"
#include "dm-view-budget.h"
#include "dm-window-private.h"
#include "ui-test-common.h"
#include "dense-corpus.h"

typedef UiWindowFixture Fixture;

/* The budget the user picks is kept in the settings: each test starts from the default. */
static void
reset_budget_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dramatis.Dramatis");

  g_settings_reset (settings, "overview-budget-automatic");
  g_settings_reset (settings, "overview-budget");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  reset_budget_settings ();
  ui_window_fixture_set_up (fixture, data);
}

#define fixture_tear_down ui_window_fixture_tear_down

static char *dense_hub_name;   /* the dense corpus's actor with most partners */

/* A window on the generated corpus of 500 actors (tests/dense-corpus.h). */
static void
dense_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dramatis-ui-XXXXXX", &error);
  DmStore *store;

  g_assert_no_error (error);
  reset_budget_settings ();
  fixture->corpus_path = g_build_filename (dir, "dense.dramatis", NULL);
  store = dm_store_open (fixture->corpus_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DmActorInfo) hub = dm_store_get_actor (store, dense_corpus_fill (store, 500, 1100, 420, 20260105), &error);

    g_assert_no_error (error);
    g_free (dense_hub_name);
    dense_hub_name = g_strdup (hub->name);
  }
  dm_store_free (store);
  fixture->app = ui_test_application_new ();
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
}

static gboolean
key_visible (gpointer legend)
{
  return dm_legend_get_key_visible (legend);
}

static gboolean
key_hidden (gpointer legend)
{
  return !dm_legend_get_key_visible (legend);
}

/* The legend shows over the graph with every actor type and relation family, folds away
 * to its header and opens again. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  DmLegend *legend = DM_LEGEND (fixture->window->legend);
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legend)));
  ui_test_wait (key_visible, legend, 10);
  text = ui_test_dup_text (GTK_WIDGET (legend));
  for (const char * const *word = (const char * const[]) { "Legend", "Countries", "Officials",
                                                           "Organisations", "Verbal conflict",
                                                           "Material cooperation", "Negated", NULL };
       *word != NULL; word++)
    g_assert_nonnull (strstr (text, *word));

  dm_legend_set_expanded (legend, FALSE);
  ui_test_wait (key_hidden, legend, 10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legend)));   /* the header stays */
  dm_legend_set_expanded (legend, TRUE);
  ui_test_wait (key_visible, legend, 10);

  /* the import progress shares its corner: the legend stands above it while it shows */
  gtk_revealer_set_reveal_child (fixture->window->import_revealer, TRUE);
  g_assert_cmpint (gtk_widget_get_margin_bottom (GTK_WIDGET (legend)), >=,
                   12 + gtk_widget_get_height (gtk_revealer_get_child (fixture->window->import_revealer)));
  g_assert_cmpint (gtk_widget_get_margin_bottom (GTK_WIDGET (legend)), >, 24);
  gtk_revealer_set_reveal_child (fixture->window->import_revealer, FALSE);
  g_assert_cmpint (gtk_widget_get_margin_bottom (GTK_WIDGET (legend)), ==, 12);
}

/* Typing in the actors panel's search marks its matches on the canvas. */
static void
test_search_highlight (Fixture       *fixture,
                       gconstpointer  data)
{
  DmActorsPanel *actors = dm_window_get_actors_panel (fixture->window);
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmGraph *graph = dm_window_get_graph (fixture->window);
  int germany = ui_test_find_node (graph, "Germany");

  g_assert_cmpint (germany, >=, 0);
  g_assert_cmpuint (dm_graph_view_get_n_highlighted (view), ==, 0);
  dm_actors_panel_set_search (actors, "germ");
  g_assert_cmpuint (dm_graph_view_get_n_highlighted (view), ==, 1);
  g_assert_true (dm_graph_view_node_is_highlighted (view, germany));

  dm_actors_panel_set_search (actors, NULL);
  g_assert_cmpuint (dm_graph_view_get_n_highlighted (view), ==, 0);
}

/* Activates the window's own shortcut for @key (as pressing it with the focus anywhere in
 * the window, outside a text field, does); FALSE when the window has none. */
static gboolean
press_window_key (DmWindow   *window,
                  const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (key);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = gtk_shortcut_trigger_to_string (trigger);
          g_autofree char *wanted_name = gtk_shortcut_trigger_to_string (wanted);

          if (g_strstr_len (name, -1, wanted_name) != NULL &&
              gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_LOCAL)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), NULL);
        }
    }
  return FALSE;
}

/* "+", "-", "0" zoom the canvas and Escape goes back to the whole graph while the focus is
 * elsewhere in the window. */
static void
test_window_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmActorsPanel *actors = dm_window_get_actors_panel (fixture->window);
  double zoom = dm_graph_view_get_zoom (view);

  dm_actors_panel_focus_search (actors);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));

  g_assert_true (press_window_key (fixture->window, "plus"));
  g_assert_cmpfloat (dm_graph_view_get_zoom (view), >, zoom);
  g_assert_true (dm_graph_view_get_view_moved (view));
  g_assert_true (press_window_key (fixture->window, "minus"));
  g_assert_true (press_window_key (fixture->window, "minus"));
  g_assert_cmpfloat (dm_graph_view_get_zoom (view), <, zoom);
  g_assert_true (press_window_key (fixture->window, "0"));
  g_assert_cmpfloat_with_epsilon (dm_graph_view_get_zoom (view), 1.0, 1e-9);

  g_assert_true (dm_window_focus_actor_name (fixture->window, "Germany"));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), !=, 0);
  g_assert_true (press_window_key (fixture->window, "Escape"));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (dm_window_get_focus_actor (fixture->window), ==, 0);
}

/* The budget bar narrows the overview to the actors with the most relations, says how
 * many are hidden, and one click shows them all again; ego views ignore it. */
static void
test_budget (Fixture       *fixture,
             gconstpointer  data)
{
  DmViewBudget *budget = DM_VIEW_BUDGET (fixture->window->budget);
  g_autofree char *text = NULL;
  DmGraph *graph;

  /* Six actors fit the default budget: nothing hidden. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (budget)));
  g_assert_cmpuint (dm_view_budget_get_budget (budget), ==, DM_VIEW_BUDGET_DEFAULT);
  g_assert_null (dm_view_budget_get_summary (budget));
  text = ui_test_dup_text (GTK_WIDGET (budget));
  g_assert_nonnull (strstr (text, "of 6 actors"));

  dm_view_budget_set_budget (budget, 5);
  g_assert_true (dm_window_is_busy (fixture->window));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpuint (graph->nodes->len, ==, 5);
  g_assert_cmpuint (graph->counts.n_actors_over_budget, ==, 1);
  g_assert_cmpstr (dm_view_budget_get_summary (budget), ==, "1 actor with less evidence hidden");

  /* Focusing an actor: no budget bar. */
  g_assert_true (dm_window_focus_actor_name (fixture->window, "Ukraine"));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (budget)));
  dm_window_show_whole_graph (fixture->window);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (budget)));
  g_assert_cmpuint (dm_window_get_graph (fixture->window)->nodes->len, ==, 5);

  /* "Show All": every actor, and the way back to the budget. */
  dm_view_budget_set_budget (budget, 0);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpuint (dm_window_get_graph (fixture->window)->nodes->len, ==, 6);
  g_assert_null (dm_view_budget_get_summary (budget));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits until the view has settled: no graph on its way, no resize being measured, for
 * longer than a resize takes to be measured. */
static void
wait_settled (DmWindow *window)
{
  for (guint quiet = 0; quiet < 2;)
    {
      gboolean done = FALSE;

      ui_test_wait (ui_test_not_busy, window, 60);
      g_timeout_add (400, set_flag, &done);
      ui_test_wait_flag (&done, 10);
      quiet = !dm_window_is_busy (window) && window->resize_source == 0 ? quiet + 1 : 0;
    }
}

/* Waits until the overview shows as many actors as its budget says. On a loaded machine the
 * canvas may fit a graph (and the window measure it) a frame after the window stopped being
 * busy, so one quiet spell is not always the last step of a fit. */
static void
wait_budget_shown (DmWindow *window)
{
  DmViewBudget *budget = DM_VIEW_BUDGET (window->budget);

  wait_settled (window);
  for (guint round = 0; round < 20 && dm_window_get_graph (window)->nodes->len != dm_view_budget_get_budget (budget); round++)
    wait_settled (window);
}

/* Every actor's name shows at the zoom the canvas has now. */
static void
assert_names_show (DmWindow *window)
{
  DmGraphView *view = dm_window_get_graph_view (window);
  DmGraph *graph = dm_window_get_graph (window);

  g_assert_nonnull (view->scene->layout);
  g_assert_true (view->scene->layout->graph == graph);
  g_assert_false (dm_graph_view_get_view_moved (view));
  for (guint i = 0; i < view->scene->n_nodes; i++)
    if (!dm_graph_scene_node_label_visible (view->scene, i, dm_graph_view_get_zoom (view)))
      g_error ("the name of “%s” does not show at zoom %.3f",
               ((DmGraphNode *) g_ptr_array_index (graph->nodes, i))->name, dm_graph_view_get_zoom (view));
}

static gboolean
is_spin_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_toggle_button (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_TOGGLE_BUTTON (widget);
}

/* The overview of a corpus far larger than a window shows as many actors as its canvas
 * names: each name shows once fitted, a smaller canvas shows fewer, and a number the user
 * picks stays, whatever the canvas, until "Fit" is pressed again. */
static void
test_budget_fits_canvas (Fixture       *fixture,
                         gconstpointer  data)
{
  DmWindow *window = fixture->window;
  DmViewBudget *budget = DM_VIEW_BUDGET (window->budget);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dramatis.Dramatis");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (ui_test_find (window->budget, is_spin_button, NULL));
  GtkToggleButton *fit = GTK_TOGGLE_BUTTON (ui_test_find (window->budget, is_toggle_button, NULL));
  int wide = gtk_paned_get_position (window->paned);
  int width, height;
  guint wide_budget, narrow_budget;

  g_assert_nonnull (spin);
  g_assert_nonnull (fit);
  wait_budget_shown (window);
  g_assert_true (dm_view_budget_get_automatic (budget));
  g_assert_true (gtk_toggle_button_get_active (fit));
  wide_budget = dm_view_budget_get_budget (budget);
  g_test_message ("canvas %d × %d: %u actors", gtk_widget_get_width (GTK_WIDGET (window->graph_view)),
                  gtk_widget_get_height (GTK_WIDGET (window->graph_view)), wide_budget);
  g_assert_cmpuint (dm_window_get_graph (window)->nodes->len, ==, wide_budget);
  g_assert_cmpuint (dm_window_get_graph (window)->counts.n_actors_over_budget, ==, 500 - wide_budget);
  assert_names_show (window);

  /* what `dramatis-cli export` writes: the same search for the canvas of the window at its
   * default size with the timeline strip (DM_GRAPH_DEFAULT_CANVAS_*), which is not this
   * test's canvas; a layout's size does not grow steadily with its actors, so the count
   * may differ from the window's here, but its names read there too */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (width == 1200 && height == 780)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
      g_autoptr(DmLayout) layout = NULL;
      DmStore *store = dm_store_open (fixture->corpus_path, &error);

      g_assert_no_error (error);
      layout = dm_graph_budget_fit_layout (store, query, DM_GRAPH_DEFAULT_CANVAS_WIDTH, DM_GRAPH_DEFAULT_CANVAS_HEIGHT,
                                           dense_lay_out, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (layout->graph->nodes->len, >=, DM_GRAPH_FIT_MIN_NODES);
      g_assert_cmpuint (layout->graph->nodes->len, <=, DM_GRAPH_FIT_MAX_NODES);
      g_assert_cmpfloat (dm_layout_get_fit_zoom (layout, DM_GRAPH_DEFAULT_CANVAS_WIDTH, DM_GRAPH_DEFAULT_CANVAS_HEIGHT, 24), >=,
                         dm_layout_get_label_zoom (layout, DM_GRAPH_READABLE_LABEL_PX));
      dm_store_free (store);
    }
  else
    g_test_message ("a window of %d × %d, not the default size: the export is not compared", width, height);

  /* a wider side panel leaves the canvas half its width: fewer actors, named again */
  gtk_paned_set_position (window->paned, wide + gtk_widget_get_width (GTK_WIDGET (window->graph_view)) / 2);
  wait_budget_shown (window);
  narrow_budget = dm_view_budget_get_budget (budget);
  g_test_message ("canvas %d × %d: %u actors", gtk_widget_get_width (GTK_WIDGET (window->graph_view)),
                  gtk_widget_get_height (GTK_WIDGET (window->graph_view)), narrow_budget);
  g_assert_cmpuint (narrow_budget, <, wide_budget);
  g_assert_cmpuint (dm_window_get_graph (window)->nodes->len, ==, narrow_budget);
  assert_names_show (window);
  /* the bar says so */
  {
    g_autofree char *text = ui_test_dup_text (window->budget);
    g_autofree char *hidden = g_strdup_printf ("%u actors with less evidence hidden", 500 - narrow_budget);

    g_assert_nonnull (strstr (text, "of 500 actors"));
    g_assert_nonnull (strstr (text, hidden));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, narrow_budget);
  }

  /* the user's number: kept across a resize, and for the next start */
  gtk_spin_button_set_value (spin, wide_budget + 7);
  g_assert_false (dm_view_budget_get_automatic (budget));
  g_assert_false (gtk_toggle_button_get_active (fit));
  g_assert_false (g_settings_get_boolean (settings, "overview-budget-automatic"));
  g_assert_cmpint (g_settings_get_int (settings, "overview-budget"), ==, wide_budget + 7);
  wait_settled (window);
  gtk_paned_set_position (window->paned, wide);
  wait_settled (window);
  g_assert_cmpuint (dm_view_budget_get_budget (budget), ==, wide_budget + 7);
  g_assert_cmpuint (dm_window_get_graph (window)->nodes->len, ==, wide_budget + 7);

  /* "Fit": the canvas decides again */
  gtk_toggle_button_set_active (fit, TRUE);
  g_assert_true (dm_view_budget_get_automatic (budget));
  g_assert_true (g_settings_get_boolean (settings, "overview-budget-automatic"));
  wait_settled (window);
  g_assert_cmpuint (dm_view_budget_get_budget (budget), <=, wide_budget + 7);
  assert_names_show (window);
}

/* The ego view of the corpus's largest hub ranks its neighbours and shows as many of the
 * default 30 as its canvas names; a smaller canvas fewer. */
static void
test_ego_fits_canvas (Fixture       *fixture,
                      gconstpointer  data)
{
  DmWindow *window = fixture->window;
  int wide = gtk_paned_get_position (window->paned);
  DmGraph *graph;
  guint wide_shown;

  g_assert_true (dm_window_focus_actor_name (window, dense_hub_name));
  wait_settled (window);
  graph = dm_window_get_graph (window);
  g_assert_cmpint (graph->query->focus_actor, !=, 0);
  wide_shown = graph->counts.n_neighbours_shown;
  g_test_message ("%s: %u of %u neighbours", dense_hub_name, wide_shown, graph->counts.n_neighbours);
  g_assert_cmpuint (wide_shown, <=, DM_GRAPH_DEFAULT_MAX_NEIGHBOURS);
  g_assert_cmpuint (wide_shown, >=, DM_GRAPH_FIT_MIN_NEIGHBOURS);
  g_assert_cmpuint (graph->counts.n_neighbours, >, wide_shown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->more_button)));
  assert_names_show (window);

  gtk_paned_set_position (window->paned, wide + gtk_widget_get_width (GTK_WIDGET (window->graph_view)) / 2);
  wait_settled (window);
  graph = dm_window_get_graph (window);
  g_test_message ("narrower: %u neighbours", graph->counts.n_neighbours_shown);
  g_assert_cmpuint (graph->counts.n_neighbours_shown, <, wide_shown);
  assert_names_show (window);

  /* "+N more" is the user's: the canvas does not take it back */
  g_signal_emit_by_name (window->more_button, "clicked");
  wait_settled (window);
  g_assert_cmpuint (dm_window_get_graph (window)->counts.n_neighbours_shown, >, wide_shown);
}

/* An ego view with more neighbours than it shows offers "+N more", which shows them. */
static void
test_more_neighbours (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkButton *more = fixture->window->more_button;
  DmGraph *graph;
  guint n_neighbours;

  g_assert_true (dm_window_focus_actor_name (fixture->window, "Ukraine"));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  n_neighbours = graph->counts.n_neighbours;
  g_assert_cmpuint (n_neighbours, >=, 2);
  g_assert_cmpuint (graph->counts.n_neighbours_shown, ==, n_neighbours);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));

  /* A ranking of one (the window's own is DM_GRAPH_DEFAULT_MAX_NEIGHBOURS, more than this
   * corpus has): the others wait behind "+N more". */
  fixture->window->max_neighbours = 1;
  g_signal_emit_by_name (fixture->window->filters_panel, "changed");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpuint (graph->counts.n_neighbours_shown, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  {
    g_autofree char *label = g_strdup_printf ("+%u more", n_neighbours - 1);

    g_assert_cmpstr (gtk_button_get_label (more), ==, label);
  }
  g_signal_emit_by_name (more, "clicked");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpuint (graph->counts.n_neighbours_shown, ==, n_neighbours);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
}

/* Delete on the selected actor hides it from every view; the budget bar says so and brings
 * it back. Pinning keeps an actor in an overview whose budget would leave it out. */
static gboolean
is_actionable (GtkWidget *widget,
               gpointer   action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_exclude_pin (Fixture       *fixture,
                  gconstpointer  data)
{
  DmViewBudget *budget = DM_VIEW_BUDGET (fixture->window->budget);
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (fixture->window));
  g_autoptr(DmActorInfo) germany = dm_store_find_actor (store, "Germany", NULL);
  DmGraph *graph;
  int node;

  g_assert_nonnull (germany);
  g_assert_true (dm_graph_view_select_actor (view, germany->id));
  g_assert_true (press_window_key (fixture->window, "Delete"));
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpint (ui_test_find_node (graph, "Germany"), ==, -1);
  g_assert_cmpuint (graph->counts.n_actors_excluded, ==, 1);
  g_assert_nonnull (strstr (dm_view_budget_get_summary (budget), "1 excluded"));

  g_signal_emit_by_name (budget, "show-excluded");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpint (ui_test_find_node (graph, "Germany"), >=, 0);
  g_assert_cmpuint (graph->counts.n_actors_excluded, ==, 0);

  /* from the details panel, and back from the Filters panel's list */
  {
    DmFiltersPanel *filters = dm_window_get_filters_panel (fixture->window);
    GtkWidget *button;

    g_assert_cmpuint (dm_filters_panel_get_n_excluded (filters), ==, 0);
    g_assert_true (dm_graph_view_select_actor (view, germany->id));
    ui_test_flush ();
    button = ui_test_find (GTK_WIDGET (dm_window_get_details_panel (fixture->window)),
                           is_actionable, (gpointer) "canvas.exclude");
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_is_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    ui_test_wait (ui_test_not_busy, fixture->window, 60);
    graph = dm_window_get_graph (fixture->window);
    g_assert_cmpint (ui_test_find_node (graph, "Germany"), ==, -1);
    g_assert_cmpuint (dm_filters_panel_get_n_excluded (filters), ==, 1);
    {
      g_autofree char *listed = ui_test_dup_text (GTK_WIDGET (filters));

      g_assert_nonnull (strstr (listed, "Germany"));
    }

    button = ui_test_find (GTK_WIDGET (filters), is_actionable, (gpointer) "canvas.include");
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_is_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    ui_test_wait (ui_test_not_busy, fixture->window, 60);
    g_assert_cmpint (ui_test_find_node (dm_window_get_graph (fixture->window), "Germany"), >=, 0);
    g_assert_cmpuint (dm_filters_panel_get_n_excluded (filters), ==, 0);
  }

  /* A budget of five leaves one actor out; pinned, Germany is never that one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "canvas.pin", "x", germany->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  dm_view_budget_set_budget (budget, 5);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  node = ui_test_find_node (graph, "Germany");
  g_assert_cmpint (node, >=, 0);
  g_assert_true (((DmGraphNode *) g_ptr_array_index (graph->nodes, node))->pinned);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "canvas.unpin", "x", germany->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  graph = dm_window_get_graph (fixture->window);
  node = ui_test_find_node (graph, "Germany");
  g_assert_true (node < 0 || !((DmGraphNode *) g_ptr_array_index (graph->nodes, node))->pinned);
}

/* Adds an article in which an official of Ukraine meets Germany: Ukraine then heads a
 * group of one member. */
static void
add_affiliated_official (DmStore *store)
{
  static const char text[] = "Olena Kovalenko meets Germany. ";
  g_autoptr(GError) error = NULL;
  DmArticle *article = dm_article_new ("affiliated.txt", text, strlen (text));
  g_autoptr(DmAnalysis) analysis = NULL;
  DmRelation *relation;
  gint64 id = 0;
  gboolean added = FALSE;

  article->title = g_strdup ("Affiliated");
  analysis = dm_analysis_new (article);
  g_ptr_array_add (analysis->mentions, dm_mention_new ((DmSpan) { 0, 15 }, "Olena Kovalenko", "Olena Kovalenko",
                                                       DM_ACTOR_OFFICIAL, "Minister", "Ukraine"));
  g_ptr_array_add (analysis->mentions, dm_mention_new ((DmSpan) { 22, 29 }, "Germany", "Germany",
                                                       DM_ACTOR_COUNTRY, NULL, NULL));
  relation = dm_relation_new ("Olena Kovalenko", "Germany", "meets", DM_CLASS_CONSULT, FALSE);
  relation->sentence = (DmSpan) { 0, 30 };
  relation->trigger = (DmSpan) { 16, 21 };
  relation->source_mention = (DmSpan) { 0, 15 };
  relation->target_mention = (DmSpan) { 22, 29 };
  g_ptr_array_add (analysis->relations, relation);
  g_assert_true (dm_store_add_analysis (store, analysis, &id, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
}

static int
find_actor (DmGraph *graph,
            gint64   actor_id)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    if (((DmGraphNode *) g_ptr_array_index (graph->nodes, i))->actor_id == actor_id)
      return i;
  return -1;
}

/* The group of @head_id drawn on @view's canvas, or -1. */
static int
canvas_group (DmGraphView *view,
              gint64       head_id)
{
  DmGraphScene *scene = view->scene;

  for (guint i = 0; i < scene->n_groups; i++)
    if (dm_graph_scene_graph_node (scene, scene->groups[i].head)->actor_id == head_id)
      return i;
  return -1;
}

/* A click inside @group's box, off its actors and edges, selects its head. */
static void
click_in_group (DmGraphView *view,
                int          group)
{
  const DmSceneGroup *g = &view->scene->groups[group];
  graphene_rect_t r;

  for (double y = g->box.origin.y + 2; y < g->box.origin.y + g->box.size.height - 2; y += 2)
    for (double x = g->box.origin.x + 2; x < g->box.origin.x + g->box.size.width - 2; x += 2)
      if (dm_graph_scene_node_at (view->scene, x, y, 4) < 0
          && dm_graph_scene_edge_at (view->scene, x, y, 6) < 0)
        {
          dm_graph_view_set_selection (view, -1, -1);
          dm_graph_view_scene_rect_to_widget (view, x, y, 0, 0, &r);
          dm_graph_view_click_at (view, r.origin.x, r.origin.y, 1);
          g_assert_cmpint (view->selected_node, ==, g->head);
          return;
        }
  g_assert_not_reached ();
}

/* A country an official here belongs to is drawn as a box round both on the canvas (a click
 * in it selects the country), collapses into one node that counts its members, and expands
 * again. */
static void
test_group (Fixture       *fixture,
            gconstpointer  data)
{
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (fixture->window));
  g_autoptr(DmActorInfo) ukraine = NULL;
  g_autoptr(DmActorInfo) official = NULL;
  DmGraph *graph;
  int node;

  add_affiliated_official (store);
  ukraine = dm_store_find_actor (store, "Ukraine", NULL);
  official = dm_store_find_actor (store, "Olena Kovalenko", NULL);
  g_assert_nonnull (ukraine);
  g_assert_nonnull (official);
  g_signal_emit_by_name (dm_window_get_filters_panel (fixture->window), "changed");
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (find_actor (dm_window_get_graph (fixture->window), official->id), >=, 0);
  g_assert_cmpint (canvas_group (view, ukraine->id), >=, 0);
  click_in_group (view, canvas_group (view, ukraine->id));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "canvas.collapse-group", "x", ukraine->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (canvas_group (view, ukraine->id), ==, -1);
  graph = dm_window_get_graph (fixture->window);
  g_assert_cmpint (find_actor (graph, official->id), ==, -1);
  node = find_actor (graph, ukraine->id);
  g_assert_cmpint (node, >=, 0);
  g_assert_cmpuint (((DmGraphNode *) g_ptr_array_index (graph->nodes, node))->n_members, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "canvas.expand-group", "x", ukraine->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (find_actor (dm_window_get_graph (fixture->window), official->id), >=, 0);
  g_assert_cmpint (canvas_group (view, ukraine->id), >=, 0);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
russia_merged (gpointer window)
{
  return ui_test_not_busy (window)
         && ui_test_find_node (dm_window_get_graph (window), "Russia") == -1
         && ui_test_find_node (dm_window_get_graph (window), "Germany") >= 0;
}

/* Where actor @name is in the window's layout, from the corner of Graphviz's drawing. */
static void
actor_place (DmWindow   *window,
             const char *name,
             double     *x,
             double     *y)
{
  DmLayout *layout = dm_graph_view_get_layout (dm_window_get_graph_view (window));
  int node = ui_test_find_node (layout->graph, name);

  g_assert_cmpint (node, >=, 0);
  *x = layout->nodes[node].x - layout->frame_x;
  *y = layout->nodes[node].y - layout->frame_y;
}

/* An actor dragged to a new place stays there: in the next layout and in a window opened
 * on the corpus again; its menu lets the layout place it again. Dropped on another actor,
 * it is merged into that one once the user says so, not before. */
static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  DmGraphView *view = dm_window_get_graph_view (fixture->window);
  DmLayout *layout = dm_graph_view_get_layout (view);
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (fixture->window));
  g_autoptr(DmActorInfo) germany = dm_store_find_actor (store, "Germany", NULL);
  g_autoptr(GArray) views = NULL;
  int node = ui_test_find_node (layout->graph, "Germany");
  double want_x, want_y, x, y;
  AdwMessageDialog *dialog;

  g_assert_cmpint (node, >=, 0);
  want_x = layout->nodes[node].x - layout->frame_x + 140;
  want_y = layout->nodes[node].y - layout->frame_y + 90;
  g_signal_emit_by_name (view, "node-moved", node,
                         layout->nodes[node].x + 140, layout->nodes[node].y + 90);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_true (dm_graph_view_get_layout (view) != layout);
  actor_place (fixture->window, "Germany", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, want_x, 1);
  g_assert_cmpfloat_with_epsilon (y, want_y, 1);

  /* reopened */
  ui_test_destroy_window (fixture->window);
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
  actor_place (fixture->window, "Germany", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, want_x, 1);
  g_assert_cmpfloat_with_epsilon (y, want_y, 1);

  /* back to the layout's place */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "canvas.unplace", "x", germany->id);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  store = dm_corpus_get_store (dm_window_get_corpus (fixture->window));
  views = dm_store_list_actor_views (store, NULL);
  for (guint i = 0; views != NULL && i < views->len; i++)
    g_assert_false (g_array_index (views, DmActorView, i).has_position);

  /* Russia dropped on Germany: asked first; cancelled, nothing happens */
  view = dm_window_get_graph_view (fixture->window);
  layout = dm_graph_view_get_layout (view);
  g_signal_emit_by_name (view, "node-dropped", ui_test_find_node (layout->graph, "Russia"),
                         ui_test_find_node (layout->graph, "Germany"));
  ui_test_wait (has_message_dialog, NULL, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Russia"));
  adw_message_dialog_response (dialog, "cancel");   /* which closes it */
  ui_test_flush ();
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (fixture->window), "Russia"), >=, 0);

  g_signal_emit_by_name (view, "node-dropped", ui_test_find_node (layout->graph, "Russia"),
                         ui_test_find_node (layout->graph, "Germany"));
  ui_test_wait (has_message_dialog, NULL, 10);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "merge");
  ui_test_wait (russia_merged, fixture->window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (fixture->window), "Russia"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-canvas/drag", Fixture, NULL,
              fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/legend", Fixture, NULL,
              fixture_set_up, test_legend, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/search-highlight", Fixture, NULL,
              fixture_set_up, test_search_highlight, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/budget", Fixture, NULL,
              fixture_set_up, test_budget, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/budget-fits-canvas", Fixture, NULL,
              dense_set_up, test_budget_fits_canvas, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/ego-fits-canvas", Fixture, NULL,
              dense_set_up, test_ego_fits_canvas, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/more-neighbours", Fixture, NULL,
              fixture_set_up, test_more_neighbours, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/exclude-pin", Fixture, NULL,
              fixture_set_up, test_exclude_pin, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/group", Fixture, NULL,
              fixture_set_up, test_group, fixture_tear_down);
  g_test_add ("/dramatis/ui-canvas/window-keys", Fixture, NULL,
              fixture_set_up, test_window_keys, fixture_tear_down);

  {
    int status = g_test_run ();

    g_free (dense_hub_name);
    return status;
  }
}
