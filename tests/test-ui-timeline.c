/* test-ui-timeline.c — the timeline strip under the canvas: its bars, a window that narrows
 * the graph with actors kept in place, playing through time, hiding; setting a date by hand
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-article-date.h"
#include "dm-curation.h"
#include "dm-details-panel.h"
#include "dm-timeline-strip.h"
#include "dm-view-budget.h"
#include "ui-test-common.h"

typedef struct {
  UiTestSession    session;
  DmTimelineStrip *timeline;
  gboolean         edit_done;
} Fixture;

static gboolean
is_type (GtkWidget *widget,
         gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static void
edit_finished_cb (DmWindow *window,
                  Fixture  *fixture)
{
  fixture->edit_done = TRUE;
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_toast (GtkWidget *widget,
          gpointer   data)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "toast");
}

static gboolean
toast_allocated (gpointer window)
{
  GtkWidget *toast = ui_test_find (window, is_toast, NULL);

  return toast != NULL && gtk_widget_get_height (toast) > 0;
}

/* A toast sits over the canvas, above the strip: it never hides the bars or the window. */
static void
test_toast_above_strip (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->session.window);
  graphene_rect_t toast_bounds, strip_bounds;
  GtkWidget *toast, *overlay;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->timeline)));
  g_assert_false (dm_window_focus_actor_name (fixture->session.window, "Nobody Of That Name"));
  ui_test_wait (toast_allocated, window, 30);
  toast = ui_test_find (window, is_toast, NULL);
  /* where toasts go (the toast slides in from that area's bottom edge) */
  overlay = gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_compute_bounds (overlay, window, &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->timeline), window, &strip_bounds));
  g_assert_cmpfloat (strip_bounds.size.height, >, 0);
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, strip_bounds.origin.y);
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (fixture->timeline), overlay));
}

static gboolean
has_buckets (gpointer timeline)
{
  return dm_timeline_strip_get_n_buckets (timeline) > 0;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  ui_test_session_start (&fixture->session);
  g_signal_connect (fixture->session.window, "edit-finished", G_CALLBACK (edit_finished_cb), fixture);
  fixture->timeline = DM_TIMELINE_STRIP (ui_test_find (GTK_WIDGET (fixture->session.window), is_type,
                                                       GSIZE_TO_POINTER (DM_TYPE_TIMELINE_STRIP)));
  g_assert_nonnull (fixture->timeline);
  ui_test_wait (has_buckets, fixture->timeline, 30);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_test_session_end (&fixture->session);
}

/* Sets the window and waits for the graph it leads to. */
static void
set_window (Fixture *fixture,
            guint    first,
            guint    last)
{
  dm_timeline_strip_set_window (fixture->timeline, first, last);
  g_assert_true (dm_window_is_busy (fixture->session.window));
  ui_test_wait (ui_test_not_busy, fixture->session.window, 60);
}

/* Where @name stands on the canvas (layout points). */
static void
node_position (DmWindow   *window,
               const char *name,
               double     *x,
               double     *y)
{
  DmLayout *layout = dm_graph_view_get_layout (dm_window_get_graph_view (window));
  int node;

  g_assert_nonnull (layout);
  node = ui_test_find_node (layout->graph, name);
  g_assert_cmpint (node, >=, 0);
  *x = layout->nodes[node].x;
  *y = layout->nodes[node].y;
}

/* The fixtures' three days, a bar each; a window on one narrows the graph to its
 * relations, the actors staying where the whole graph had them. */
static void
test_window_filters_graph (Fixture       *fixture,
                           gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  double x0, y0, x, y;
  guint first = 9, last = 9;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->timeline)));
  g_assert_cmpuint (dm_timeline_strip_get_n_buckets (fixture->timeline), ==, 3);
  g_assert_cmpint (dm_timeline_strip_get_unit (fixture->timeline), ==, DM_TIMELINE_DAY);
  g_assert_cmpuint (dm_timeline_strip_get_bucket (fixture->timeline, 0)->n_relations, ==, 2);
  g_assert_cmpuint (dm_timeline_strip_get_bucket (fixture->timeline, 1)->n_relations, ==, 1);
  g_assert_cmpuint (dm_timeline_strip_get_bucket (fixture->timeline, 2)->by_family[DM_FAMILY_MATERIAL_COOPERATION], ==, 1);
  g_assert_false (dm_timeline_strip_get_window (fixture->timeline, NULL, NULL));
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Russia"), >=, 0);
  node_position (window, "Ukraine", &x0, &y0);

  /* 23 November: Hegseth's two relations only */
  set_window (fixture, 0, 0);
  g_assert_true (dm_timeline_strip_get_window (fixture->timeline, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Pete Hegseth", "Ukraine"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Russia"), ==, -1);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Germany"), ==, -1);
  node_position (window, "Ukraine", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0, 0.5);
  g_assert_cmpfloat_with_epsilon (y, y0, 0.5);

  /* 25 November: Germany's aid; Ukraine has not moved */
  set_window (fixture, 2, 2);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Germany", "Ukraine"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), ==, -1);
  node_position (window, "Ukraine", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0, 0.5);
  g_assert_cmpfloat_with_epsilon (y, y0, 0.5);

  /* all dates again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.clear", NULL));
  g_assert_false (dm_timeline_strip_get_window (fixture->timeline, NULL, NULL));
  ui_test_wait (ui_test_not_busy, window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Russia"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), >=, 0);
}

/* The budget bar names the time window as what hides actors, and its button clears it. */
static void
test_budget_names_window (Fixture       *fixture,
                          gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  GtkWidget *budget = ui_test_find (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DM_TYPE_VIEW_BUDGET));
  g_autofree char *label = NULL;
  const char *summary;
  GtkWidget *button;

  g_assert_nonnull (budget);
  set_window (fixture, 0, 0);
  label = dm_timeline_strip_dup_window_label (fixture->timeline);
  g_assert_nonnull (label);
  summary = dm_view_budget_get_summary (DM_VIEW_BUDGET (budget));
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "outside"));
  g_assert_nonnull (strstr (summary, label));
  g_assert_null (strstr (summary, "filters"));

  button = ui_test_find (budget, is_button_labelled, (gpointer) "Show All _Dates");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (dm_timeline_strip_get_window (fixture->timeline, NULL, NULL));
  ui_test_wait (ui_test_not_busy, window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Russia"), >=, 0);
  g_assert_null (dm_view_budget_get_summary (DM_VIEW_BUDGET (budget)));
}

static gboolean
window_at_second_day (gpointer timeline)
{
  guint first = 0, last = 0;

  return dm_timeline_strip_get_window (timeline, &first, &last) && first == 1 && last == 1;
}

static gboolean
not_playing (gpointer timeline)
{
  return !dm_timeline_strip_is_playing (timeline);
}

/* Play walks a window through the days and stops at the last; the graph follows. */
static void
test_play (Fixture       *fixture,
           gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  guint first = 9, last = 9;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.play", NULL));
  g_assert_true (dm_timeline_strip_is_playing (fixture->timeline));
  g_assert_true (dm_timeline_strip_get_window (fixture->timeline, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);

  ui_test_wait (window_at_second_day, fixture->timeline, 30);
  ui_test_wait (ui_test_not_busy, window, 60);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Russia", "NATO"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Germany"), ==, -1);

  ui_test_wait (not_playing, fixture->timeline, 30);
  g_assert_true (dm_timeline_strip_get_window (fixture->timeline, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);

  /* pausing stops it where it is */
  dm_timeline_strip_set_window (fixture->timeline, 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.play", NULL));
  g_assert_true (dm_timeline_strip_is_playing (fixture->timeline));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.play", NULL));
  g_assert_false (dm_timeline_strip_is_playing (fixture->timeline));
  g_assert_true (dm_timeline_strip_get_window (fixture->timeline, &first, NULL));
  g_assert_cmpuint (first, ==, 0);
}

/* What the bars' key controller does with @keyval, as a key press would reach it. */
static gboolean
press_key (GtkWidget       *bars,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (bars);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static void
assert_window (DmTimelineStrip *timeline,
               guint            first,
               guint            last)
{
  guint f = 99, l = 99;

  g_assert_true (dm_timeline_strip_get_window (timeline, &f, &l));
  g_assert_cmpuint (f, ==, first);
  g_assert_cmpuint (l, ==, last);
}

/* The window from the keyboard: arrows move it, Shift with them resizes it, Home and End,
 * Escape shows every date again. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *bars = ui_test_find (GTK_WIDGET (fixture->timeline), is_type,
                                  GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));

  g_assert_nonnull (bars);
  g_assert_true (gtk_widget_get_focusable (bars));
  g_assert_true (press_key (bars, GDK_KEY_Right, 0));
  assert_window (fixture->timeline, 0, 0);
  g_assert_true (press_key (bars, GDK_KEY_Right, 0));
  assert_window (fixture->timeline, 1, 1);
  g_assert_true (press_key (bars, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_window (fixture->timeline, 1, 2);
  g_assert_true (press_key (bars, GDK_KEY_Right, 0));   /* at the end already */
  assert_window (fixture->timeline, 1, 2);
  g_assert_true (press_key (bars, GDK_KEY_Home, 0));
  assert_window (fixture->timeline, 0, 1);
  g_assert_true (press_key (bars, GDK_KEY_Left, GDK_SHIFT_MASK));
  assert_window (fixture->timeline, 0, 0);
  g_assert_true (press_key (bars, GDK_KEY_End, 0));
  assert_window (fixture->timeline, 2, 2);
  g_assert_true (press_key (bars, GDK_KEY_Escape, 0));
  g_assert_false (dm_timeline_strip_get_window (fixture->timeline, NULL, NULL));
  /* with every date shown, Escape is the window's again (back to the whole graph) */
  g_assert_false (press_key (bars, GDK_KEY_Escape, 0));
  ui_test_wait (ui_test_not_busy, fixture->session.window, 60);
}

static gboolean
has_no_buckets (gpointer timeline)
{
  return dm_timeline_strip_get_n_buckets (timeline) == 0;
}

/* The window's toggle hides and shows the strip; a corpus without dates never shows it. */
static void
test_hidden (Fixture       *fixture,
             gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (window));
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->timeline)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->timeline)));

  articles = dm_store_list_articles (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      g_assert_true (dm_store_set_article_date (store, ((DmArticleInfo *) articles->pdata[i])->id, NULL, &error));
      g_assert_no_error (error);
    }
  dm_corpus_emit_changed (dm_window_get_corpus (window));
  ui_test_wait (has_no_buckets, fixture->timeline, 30);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->timeline)));
  ui_test_wait (ui_test_not_busy, window, 60);
}

static gboolean
spans_weeks (gpointer timeline)
{
  return dm_timeline_strip_get_unit (timeline) == DM_TIMELINE_WEEK;
}

/* Set Date: only a real day (or nothing) can be set; setting one is an edit, and the
 * timeline counts the article on its new day. */
static void
test_set_date (Fixture       *fixture,
               gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (window));
  g_autoptr(GPtrArray) articles = dm_store_list_articles (store, NULL);
  g_autoptr(DmArticleInfo) info = NULL;
  DmArticleInfo *first = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (((DmArticleInfo *) articles->pdata[i])->date, "2026-11-23") == 0)
      first = articles->pdata[i];
  g_assert_nonnull (first);

  dm_article_date_ask (GTK_WIDGET (window), first->id, first->title, first->date);
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = ui_test_find (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-11-23");

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "5 May");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-06-01");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));

  adw_message_dialog_response (dialog, "set");
  /* a button's response closes the dialog; this one is asked for by hand */
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_wait_flag (&fixture->edit_done, 60);
  ui_test_wait (ui_test_not_busy, window, 60);

  info = dm_store_get_article (store, first->id, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->date, ==, "2026-06-01");
  /* June to November: weeks */
  ui_test_wait (spans_weeks, fixture->timeline, 30);
}

static gboolean
has_undated (gpointer timeline)
{
  g_autofree char *text = ui_test_dup_text (timeline);

  return strstr (text, "undated") != NULL;
}

/* An article without a date belongs to no time window: a window leaves its relations out
 * and says so; "Undated" keeps them. */
static void
test_window_undated (Fixture       *fixture,
                     gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmStore *store = dm_corpus_get_store (dm_window_get_corpus (window));
  g_autoptr(GPtrArray) articles = dm_store_list_articles (store, NULL);
  DmArticleInfo *kyiv = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* Germany's aid to Ukraine loses its date */
  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (((DmArticleInfo *) articles->pdata[i])->date, "2026-11-25") == 0)
      kyiv = articles->pdata[i];
  g_assert_nonnull (kyiv);
  dm_article_date_ask (GTK_WIDGET (window), kyiv->id, kyiv->title, kyiv->date);
  dialog = ui_test_find_message_dialog ();
  entry = ui_test_find (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  adw_message_dialog_response (dialog, "set");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_wait_flag (&fixture->edit_done, 60);
  ui_test_wait (ui_test_not_busy, window, 60);
  ui_test_wait (has_undated, fixture->timeline, 30);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Germany"), >=, 0);

  /* 23 November: Germany's undated relation is not in it */
  g_assert_false (dm_timeline_strip_get_include_undated (fixture->timeline));
  set_window (fixture, 0, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Germany"), ==, -1);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), >=, 0);
  text = ui_test_dup_text (GTK_WIDGET (fixture->timeline));
  g_assert_nonnull (strstr (text, "1 undated hidden"));
  g_clear_pointer (&text, g_free);

  /* kept on request */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.include-undated", NULL));
  g_assert_true (dm_timeline_strip_get_include_undated (fixture->timeline));
  ui_test_wait (ui_test_not_busy, window, 60);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Germany"), >=, 0);
  text = ui_test_dup_text (GTK_WIDGET (fixture->timeline));
  g_assert_nonnull (strstr (text, "1 undated included"));
}

/* The details of an actor list the relations of the window the graph shows, and say so. */
static void
test_details_in_window (Fixture       *fixture,
                        gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmDetailsPanel *details = dm_window_get_details_panel (window);
  DmGraph *graph = dm_window_get_graph (window);
  int ukraine = ui_test_find_node (graph, "Ukraine");
  gint64 ukraine_id;
  g_autofree char *text = NULL;

  g_assert_cmpint (ukraine, >=, 0);
  ukraine_id = ((DmGraphNode *) graph->nodes->pdata[ukraine])->actor_id;
  dm_details_panel_show_actor (details, dm_window_get_corpus (window), ukraine_id);
  text = ui_test_dup_text (GTK_WIDGET (details));
  g_assert_nonnull (strstr (text, "Germany"));
  g_assert_null (strstr (text, "Relations of"));
  g_clear_pointer (&text, g_free);

  /* 23 November: Hegseth's only */
  set_window (fixture, 0, 0);
  g_assert_cmpint (dm_details_panel_get_actor (details), ==, ukraine_id);
  text = ui_test_dup_text (GTK_WIDGET (details));
  g_assert_nonnull (strstr (text, "Relations of"));
  g_assert_nonnull (strstr (text, "Pete Hegseth"));
  g_assert_null (strstr (text, "Germany"));
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.clear", NULL));
  ui_test_wait (ui_test_not_busy, window, 60);
  text = ui_test_dup_text (GTK_WIDGET (details));
  g_assert_nonnull (strstr (text, "Germany"));
  g_assert_null (strstr (text, "Relations of"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-timeline/window-filters-graph", Fixture, NULL,
              fixture_setup, test_window_filters_graph, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/budget-names-window", Fixture, NULL,
              fixture_setup, test_budget_names_window, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/toast-above-strip", Fixture, NULL,
              fixture_setup, test_toast_above_strip, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/window-undated", Fixture, NULL,
              fixture_setup, test_window_undated, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/details-in-window", Fixture, NULL,
              fixture_setup, test_details_in_window, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/play", Fixture, NULL,
              fixture_setup, test_play, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/keyboard", Fixture, NULL,
              fixture_setup, test_keyboard, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/hidden", Fixture, NULL,
              fixture_setup, test_hidden, fixture_teardown);
  g_test_add ("/dramatis/ui-timeline/set-date", Fixture, NULL,
              fixture_setup, test_set_date, fixture_teardown);

  return g_test_run ();
}
