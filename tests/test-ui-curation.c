/* test-ui-curation.c — corrections from the window: rename in place, merge by multi-select,
 * delete an edge from its evidence, undo and redo, the Corrections dialog
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-actor-item.h"
#include "dm-corrections-dialog.h"
#include "dm-curation.h"
#include "dm-actors-panel.h"
#include "dm-details-panel.h"
#include "ui-test-common.h"

typedef struct {
  UiTestSession  session;
  gboolean       edit_done;
} Fixture;

static void
edit_finished_cb (DmWindow *window,
                  Fixture  *fixture)
{
  fixture->edit_done = TRUE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  ui_test_session_start (&fixture->session);
  g_signal_connect (fixture->session.window, "edit-finished", G_CALLBACK (edit_finished_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_test_session_end (&fixture->session);
}

/* Waits for the edit (or undo, redo) just asked for and the graph it leads to. */
static void
wait_for_edit (Fixture *fixture)
{
  ui_test_wait_flag (&fixture->edit_done, 60);
  fixture->edit_done = FALSE;
  ui_test_wait (ui_test_not_busy, fixture->session.window, 60);
}

static gint64
actor_id_named (DmWindow   *window,
                const char *name)
{
  DmGraph *graph = dm_window_get_graph (window);
  int node = ui_test_find_node (graph, name);

  g_assert_cmpint (node, >=, 0);
  return ((const DmGraphNode *) g_ptr_array_index (graph->nodes, node))->actor_id;
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_type (GtkWidget *widget,
         gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The actors list (the type drop-down has a list view of its own). */
static gboolean
is_actors_list (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_LIST_VIEW (widget) &&
         GTK_IS_MULTI_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
}

static void
undo_redo (Fixture    *fixture,
           gboolean    redo)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->session.window),
                                             redo ? "win.redo" : "win.undo", NULL));
  wait_for_edit (fixture);
}

static void
test_rename_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmDetailsPanel *details = dm_window_get_details_panel (window);
  GtkApplication *app = GTK_APPLICATION (fixture->session.app);
  g_auto(GStrv) undo_actions = gtk_application_get_actions_for_accel (app, "<Control>z");
  g_auto(GStrv) redo_actions = gtk_application_get_actions_for_accel (app, "<Control><Shift>z");
  GtkWidget *row;

  g_assert_true (g_strv_contains ((const char * const *) undo_actions, "win.undo"));
  g_assert_true (g_strv_contains ((const char * const *) redo_actions, "win.redo"));

  dm_details_panel_show_actor (details, dm_window_get_corpus (window),
                               actor_id_named (window, "Pete Hegseth"));
  row = ui_test_find (GTK_WIDGET (details), has_name, (gpointer) "actor-name-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Pete Hegseth");

  gtk_editable_set_text (GTK_EDITABLE (row), "Peter Hegseth");
  g_signal_emit_by_name (row, "apply");
  wait_for_edit (fixture);

  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Peter Hegseth"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), ==, -1);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Peter Hegseth", "Ukraine"), >=, 0);
  /* The details follow the renamed actor. */
  row = ui_test_find (GTK_WIDGET (details), has_name, (gpointer) "actor-name-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Peter Hegseth");

  undo_redo (fixture, FALSE);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Peter Hegseth"), ==, -1);

  undo_redo (fixture, TRUE);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Peter Hegseth"), >=, 0);
  g_assert_cmpint (ui_test_find_node (dm_window_get_graph (window), "Pete Hegseth"), ==, -1);
}

static guint
position_of (GListModel *model,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DmActorItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (dm_actor_item_get_name (item), name))
        return i;
    }

  g_assert_not_reached ();
}

static void
test_merge_by_multi_select (Fixture       *fixture,
                            gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmActorsPanel *panel = dm_window_get_actors_panel (window);
  GtkWidget *list_view = ui_test_find (GTK_WIDGET (panel), is_actors_list, NULL);
  GtkSelectionModel *selection;
  GtkWidget *button;
  DmGraph *graph;
  g_auto(GStrv) aliases = NULL;
  const char *kept, *merged;
  gint64 kept_id;

  g_assert_nonnull (list_view);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  button = ui_test_find (GTK_WIDGET (panel), has_name, (gpointer) "merge-button");
  g_assert_nonnull (button);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (button))));

  g_assert_true (gtk_selection_model_select_item (selection, position_of (G_LIST_MODEL (selection), "Russia"), TRUE));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (button))));
  g_assert_true (gtk_selection_model_select_item (selection, position_of (G_LIST_MODEL (selection), "Germany"), FALSE));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (button))));

  g_signal_emit_by_name (button, "clicked");
  wait_for_edit (fixture);

  graph = dm_window_get_graph (window);
  g_assert_true ((ui_test_find_node (graph, "Russia") >= 0) != (ui_test_find_node (graph, "Germany") >= 0));
  kept = ui_test_find_node (graph, "Russia") >= 0 ? "Russia" : "Germany";
  merged = g_str_equal (kept, "Russia") ? "Germany" : "Russia";
  /* The kept actor has both relations; the other's name is its alias. */
  g_assert_cmpint (ui_test_find_edge (graph, kept, "NATO"), >=, 0);
  g_assert_cmpint (ui_test_find_edge (graph, kept, "Ukraine"), >=, 0);
  kept_id = actor_id_named (window, kept);
  aliases = dm_store_get_aliases (dm_corpus_get_store (dm_window_get_corpus (window)), kept_id, NULL);
  g_assert_true (aliases != NULL && g_strv_contains ((const char * const *) aliases, merged));

  undo_redo (fixture, FALSE);
  graph = dm_window_get_graph (window);
  g_assert_cmpint (ui_test_find_edge (graph, "Russia", "NATO"), >=, 0);
  g_assert_cmpint (ui_test_find_edge (graph, "Germany", "Ukraine"), >=, 0);
}

static void
test_delete_edge (Fixture       *fixture,
                  gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmDetailsPanel *details = dm_window_get_details_panel (window);
  int edge = ui_test_find_edge (dm_window_get_graph (window), "Russia", "NATO");
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  GtkWidget *menu_button;
  GMenuModel *menu;

  g_assert_cmpint (edge, >=, 0);
  dm_details_panel_show_edge (details, dm_window_get_corpus (window), dm_window_get_graph (window), edge);
  menu_button = ui_test_find (GTK_WIDGET (details), is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);

  /* The first item of the evidence's menu: "Delete This Relation", as the menu runs it. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate_action_variant (menu_button, action, target));
  wait_for_edit (fixture);

  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Russia", "NATO"), ==, -1);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Germany", "Ukraine"), >=, 0);
  g_assert_cmpint (dm_details_panel_get_kind (details), ==, DM_DETAILS_NONE);

  undo_redo (fixture, FALSE);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "Russia", "NATO"), >=, 0);
}

static gboolean
has_tooltip (GtkWidget *widget,
             gpointer   tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
nth_drop_down (GtkWidget *dialog,
               guint      n)
{
  GtkWidget *grid = ui_test_find (dialog, is_type, GSIZE_TO_POINTER (GTK_TYPE_GRID));
  GtkWidget *child;

  g_assert_nonnull (grid);
  for (child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_DROP_DOWN (child) && n-- == 0)
      return child;
  g_assert_not_reached ();
}

/* From an evidence card: the sentence's actors to pick from, the other way round by
 * default; the relation added is an edit (in the graph, undone by undo). */
static void
test_add_relation (Fixture       *fixture,
                   gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  DmDetailsPanel *details = dm_window_get_details_panel (window);
  int edge = ui_test_find_edge (dm_window_get_graph (window), "Pete Hegseth", "European allies");
  GtkWidget *button, *entry, *source, *target, *klass;
  AdwMessageDialog *dialog;

  g_assert_cmpint (edge, >=, 0);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "European allies", "Pete Hegseth"), ==, -1);
  dm_details_panel_show_edge (details, dm_window_get_corpus (window), dm_window_get_graph (window), edge);
  button = ui_test_find (GTK_WIDGET (details), has_tooltip, (gpointer) "Add a Relation from This Sentence");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  source = nth_drop_down (GTK_WIDGET (dialog), 0);
  klass = nth_drop_down (GTK_WIDGET (dialog), 1);
  target = nth_drop_down (GTK_WIDGET (dialog), 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (source))),
                   ==, "European allies");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (target))),
                   ==, "Pete Hegseth");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* one actor at both ends, or no verb: nothing to add */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (target), gtk_drop_down_get_selected (GTK_DROP_DOWN (source)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (target), 0);
  entry = ui_test_find (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), " ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "thanks");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (klass), DM_CLASS_AID);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_edit (fixture);
  edge = ui_test_find_edge (dm_window_get_graph (window), "European allies", "Pete Hegseth");
  g_assert_cmpint (edge, >=, 0);
  g_assert_cmpint (((DmGraphEdge *) g_ptr_array_index (dm_window_get_graph (window)->edges, edge))->klass,
                   ==, DM_CLASS_AID);

  undo_redo (fixture, FALSE);
  g_assert_cmpint (ui_test_find_edge (dm_window_get_graph (window), "European allies", "Pete Hegseth"), ==, -1);
}

static gboolean
rules_loaded (gpointer dialog)
{
  return dm_corrections_dialog_get_n_rules (dialog) > 0;
}

static void
test_corrections_dialog (Fixture       *fixture,
                         gconstpointer  data)
{
  DmWindow *window = fixture->session.window;
  gint64 ids[1] = { actor_id_named (window, "NATO") };
  g_autoptr(GPtrArray) rules = NULL;
  GtkWidget *dialog, *toggle;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.edit",
                                                     g_variant_new ("(s^as@ax)", "rename",
                                                                    (const char *[]) { "North Atlantic Alliance", NULL },
                                                                    g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids, 1, sizeof (gint64)))));
  wait_for_edit (fixture);

  dialog = dm_corrections_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_wait (rules_loaded, dialog, 30);
  g_assert_cmpuint (dm_corrections_dialog_get_n_rules (DM_CORRECTIONS_DIALOG (dialog)), ==, 1);
  {
    g_autofree char *text = ui_test_dup_text (dialog);

    g_assert_nonnull (strstr (text, "North Atlantic Alliance"));
  }

  /* Its switch turns the rule off, in the corpus. */
  toggle = ui_test_find (dialog, is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  wait_for_edit (fixture);
  rules = dm_store_list_rules (dm_corpus_get_store (dm_window_get_corpus (window)), NULL);
  g_assert_nonnull (rules);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_false (((DmRuleInfo *) g_ptr_array_index (rules, 0))->enabled);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-curation/rename-in-place", Fixture, NULL,
              fixture_setup, test_rename_in_place, fixture_teardown);
  g_test_add ("/dramatis/ui-curation/merge-by-multi-select", Fixture, NULL,
              fixture_setup, test_merge_by_multi_select, fixture_teardown);
  g_test_add ("/dramatis/ui-curation/delete-edge", Fixture, NULL,
              fixture_setup, test_delete_edge, fixture_teardown);
  g_test_add ("/dramatis/ui-curation/add-relation", Fixture, NULL,
              fixture_setup, test_add_relation, fixture_teardown);
  g_test_add ("/dramatis/ui-curation/corrections-dialog", Fixture, NULL,
              fixture_setup, test_corrections_dialog, fixture_teardown);

  return g_test_run ();
}
