/* dm-window-canvas.c — what the main window adds around its canvas: the legend, search
 * matches marked on the graph, actors dragged into place or onto each other (to merge),
 * and the zoom and Escape keys wherever the focus is
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-actors-panel.h"
#include "dm-edit.h"
#include "dm-graph-view.h"
#include "dm-graph-view-private.h"
#include "dm-filters-panel.h"
#include "dm-legend.h"
#include "dm-store-view.h"
#include "dm-view-budget.h"
#include "dm-window-private.h"

/* The actors panel searched again: its matches are marked on the canvas as they are
 * typed. */
static void
matches_changed_cb (DmWindow      *self,
                    DmActorsPanel *panel)
{
  const gint64 *ids;
  guint n;

  ids = dm_actors_panel_get_matches (panel, &n);
  dm_graph_view_set_highlighted_actors (self->graph_view, ids, n);
}

/* The overview's budget -------------------------------------------------------------- */

static void
budget_changed_cb (DmWindow     *self,
                   GParamSpec   *pspec,
                   DmViewBudget *budget)
{
  /* The budget only shapes the whole graph. */
  if (self->query->focus_actor == 0)
    _dm_window_reload_graph (self);
}

void
_dm_window_canvas_apply (DmWindow     *self,
                         DmGraphQuery *query)
{
  /* "+N more" widens one ego view only: another focus starts from what the canvas can
   * name. */
  if (query->focus_actor != self->more_focus)
    {
      self->more_focus = query->focus_actor;
      self->more_asked = FALSE;
      self->max_neighbours = _dm_window_budget_neighbours (self);
    }
  query->max_nodes = dm_view_budget_get_budget (DM_VIEW_BUDGET (self->budget));
  query->max_neighbours = self->max_neighbours;
}

/* The Filters panel lists the actors left out of every view, each with a way back. */
static void
update_excluded (DmWindow *self)
{
  g_autoptr(GArray) views = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  DmStore *store;

  if (self->corpus == NULL)
    return;
  store = dm_corpus_get_store (self->corpus);
  views = dm_store_list_actor_views (store, NULL);
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      const DmActorView *view = &g_array_index (views, DmActorView, i);
      g_autoptr(DmActorInfo) info = NULL;

      if (!view->excluded || !(info = dm_store_get_actor (store, view->actor_id, NULL)))
        continue;
      g_array_append_val (ids, view->actor_id);
      g_ptr_array_add (names, g_strdup (info->name));
    }
  dm_filters_panel_set_excluded (self->filters_panel, (const gint64 *) (gpointer) ids->data,
                                 (const char * const *) names->pdata, ids->len);
}

/* Whether the Filters panel hides anything (the time window aside). */
static gboolean
filters_narrow (DmWindow *self)
{
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();

  dm_filters_panel_apply (self->filters_panel, query);
  return query->class_mask != DM_ALL_CLASSES || query->type_mask != DM_ALL_ACTOR_TYPES ||
         query->min_evidence > 1 || query->date_from != NULL || query->date_to != NULL;
}

void
_dm_window_canvas_graph_shown (DmWindow *self)
{
  gboolean shown = self->graph != NULL && self->graph->query != NULL && self->graph->nodes->len > 0 &&
                   g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "graph") == 0;
  gboolean overview = shown && self->graph->query->focus_actor == 0;
  guint more = 0;

  update_excluded (self);
  if (overview)
    {
      g_autofree char *time_window = dm_timeline_strip_dup_window_label (self->timeline);

      dm_view_budget_set_filters (DM_VIEW_BUDGET (self->budget), filters_narrow (self), time_window);
      dm_view_budget_set_counts (DM_VIEW_BUDGET (self->budget), &self->graph->counts);
    }
  gtk_widget_set_visible (self->budget, overview);
  /* places are kept in the whole graph; an ego view is laid out around its focus */
  dm_graph_view_set_keeps_places (self->graph_view, !shown || overview);

  if (shown && !overview && self->graph->counts.n_neighbours > self->graph->counts.n_neighbours_shown)
    more = self->graph->counts.n_neighbours - self->graph->counts.n_neighbours_shown;
  if (more > 0)
    {
      g_autofree char *label = g_strdup_printf (_("+%u more"), more);
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (NULL, "Show the next neighbour (%u with less evidence are hidden)",
                                                               "Show the next %u neighbours (%u with less evidence are hidden)",
                                                               MIN (more, DM_GRAPH_DEFAULT_MAX_NEIGHBOURS)),
                                                  MIN (more, DM_GRAPH_DEFAULT_MAX_NEIGHBOURS), more);

      gtk_button_set_label (self->more_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->more_button), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), more > 0);
  _dm_window_budget_graph_shown (self);
}

static void
more_clicked_cb (DmWindow  *self,
                 GtkButton *button)
{
  if (self->graph == NULL || self->graph->query == NULL || self->graph->query->focus_actor == 0)
    return;
  /* The next neighbours, a default ring's worth at a time. */
  self->max_neighbours = self->graph->counts.n_neighbours_shown + DM_GRAPH_DEFAULT_MAX_NEIGHBOURS;
  self->more_asked = TRUE;
  _dm_window_reload_graph (self);
}

static void
reset_filters_cb (DmWindow     *self,
                  DmViewBudget *budget)
{
  /* the time window hides actors as the filters do: the one button clears both */
  dm_timeline_strip_clear_window (self->timeline);
  dm_filters_panel_reset (self->filters_panel);
  _dm_window_reload_graph (self);
}

/* Every actor the user excluded comes back (the Filters panel lists them one by one). */
static void
show_excluded_cb (DmWindow     *self,
                  DmViewBudget *budget)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) views = NULL;
  DmStore *store;

  if (self->corpus == NULL)
    return;
  store = dm_corpus_get_store (self->corpus);
  views = dm_store_list_actor_views (store, &error);
  for (guint i = 0; views != NULL && i < views->len && error == NULL; i++)
    {
      const DmActorView *view = &g_array_index (views, DmActorView, i);

      if (view->excluded)
        dm_store_set_actor_excluded (store, view->actor_id, FALSE, &error);
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not bring back the excluded actors: %s"), error->message);

      _dm_window_toast (self, message);
    }
  _dm_window_reload_graph (self);
}

/* Exclude and pin ---------------------------------------------------------------------- */

/* The actor of the canvas's selected node; 0 without one. */
static gint64
selected_actor (DmWindow *self)
{
  int node = dm_graph_view_get_selected_node (self->graph_view);
  DmLayout *layout = dm_graph_view_get_layout (self->graph_view);

  if (node < 0 || layout == NULL || (guint) node >= layout->graph->nodes->len)
    return 0;
  return ((DmGraphNode *) g_ptr_array_index (layout->graph->nodes, node))->actor_id;
}

static gboolean
set_actor_choice (DmWindow *self,
                  gint64    actor_id,
                  gboolean  pin,
                  gboolean  value)
{
  g_autoptr(GError) error = NULL;
  DmStore *store;
  gboolean ok;

  if (self->corpus == NULL || actor_id == 0)
    return FALSE;
  store = dm_corpus_get_store (self->corpus);
  ok = pin ? dm_store_set_actor_pinned (store, actor_id, value, &error)
           : dm_store_set_actor_excluded (store, actor_id, value, &error);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not change how the actor is shown: %s"), error->message);

      _dm_window_toast (self, message);
      return FALSE;
    }
  _dm_window_reload_graph (self);
  return TRUE;
}

/* Keeps @actor_id at Graphviz point (x, y) of the views (dm_layout_to_graphviz_point), or
 * without @placed lets the layout place it again. */
static gboolean
set_actor_position (DmWindow *self,
                    gint64    actor_id,
                    gboolean  placed,
                    double    x,
                    double    y)
{
  g_autoptr(GError) error = NULL;
  DmStore *store;
  gboolean ok;

  if (self->corpus == NULL || actor_id == 0)
    return FALSE;
  store = dm_corpus_get_store (self->corpus);
  ok = placed ? dm_store_set_actor_position (store, actor_id, x, y, &error)
              : dm_store_clear_actor_position (store, actor_id, &error);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep the actor in its place: %s"), error->message);

      _dm_window_toast (self, message);
      return FALSE;
    }
  _dm_window_reload_graph (self);
  return TRUE;
}

static void
canvas_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);
  gint64 actor_id = g_variant_get_int64 (param);

  if (g_str_equal (action_name, "canvas.exclude") && set_actor_choice (self, actor_id, FALSE, TRUE))
    {
      g_autoptr(DmActorInfo) info = dm_store_get_actor (dm_corpus_get_store (self->corpus), actor_id, NULL);
      g_autofree char *title = g_strdup_printf (_("“%s” is hidden from every view"), info != NULL ? info->name : "?");
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_detailed_action_name (toast, "canvas.include");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (actor_id));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (g_str_equal (action_name, "canvas.include"))
    set_actor_choice (self, actor_id, FALSE, FALSE);
  else if (g_str_equal (action_name, "canvas.pin"))
    set_actor_choice (self, actor_id, TRUE, TRUE);
  else if (g_str_equal (action_name, "canvas.unpin"))
    set_actor_choice (self, actor_id, TRUE, FALSE);
  else if (g_str_equal (action_name, "canvas.unplace"))
    set_actor_position (self, actor_id, FALSE, 0, 0);
  else if (g_str_equal (action_name, "canvas.collapse-group") || g_str_equal (action_name, "canvas.expand-group"))
    {
      dm_graph_query_collapse_group (self->query, actor_id, g_str_equal (action_name, "canvas.collapse-group"));
      _dm_window_reload_graph (self);
    }
}

void
_dm_window_class_canvas_init (GtkWidgetClass *widget_class)
{
  static const char * const names[] = {
    "canvas.exclude", "canvas.include", "canvas.pin", "canvas.unpin", "canvas.collapse-group", "canvas.expand-group",
    "canvas.unplace",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_install_action (widget_class, names[i], "x", canvas_action_cb);
}

/* Whether actors of @graph belong to the group of @actor_id. */
static gboolean
has_members (DmGraph *graph,
             gint64   actor_id)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (node->group_id == actor_id && node->actor_id != actor_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
unparent_idle_cb (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* A menu item's action is activated after its menu closes: the menu keeps its parent (and
 * with it the window's actions) until then. */
static void
popover_closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

/* Right-click on an actor: what can be done to it. */
static void
context_pressed_cb (DmWindow        *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  int node = dm_graph_view_node_at (self->graph_view, x, y);
  DmLayout *layout = dm_graph_view_get_layout (self->graph_view);
  g_autoptr(GMenu) menu = NULL;
  const DmGraphNode *gn;
  GtkWidget *popover;

  if (node < 0 || layout == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dm_graph_view_select_node (self->graph_view, node);
  gn = g_ptr_array_index (layout->graph->nodes, node);

  menu = g_menu_new ();
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (gn->pinned ? _("_Unpin") : _("_Pin (Always Show)"), NULL);

    g_menu_item_set_action_and_target_value (item, gn->pinned ? "canvas.unpin" : "canvas.pin",
                                             g_variant_new_int64 (gn->actor_id));
    g_menu_append_item (menu, item);
  }
  /* A country or organisation others here belong to folds them in; folded, it opens. */
  if (gn->n_members > 0 || has_members (layout->graph, gn->actor_id))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (gn->n_members > 0 ? _("E_xpand Group") : _("_Collapse Group"), NULL);

      g_menu_item_set_action_and_target_value (item, gn->n_members > 0 ? "canvas.expand-group" : "canvas.collapse-group",
                                               g_variant_new_int64 (gn->actor_id));
      g_menu_append_item (menu, item);
    }
  /* dragged somewhere: back to where the layout puts it */
  if (gn->has_position)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Let the Layout Place It"), NULL);

      g_menu_item_set_action_and_target_value (item, "canvas.unplace", g_variant_new_int64 (gn->actor_id));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Exclude From Every View"), NULL);

    g_menu_item_set_action_and_target_value (item, "canvas.exclude", g_variant_new_int64 (gn->actor_id));
    g_menu_append_item (menu, item);
  }
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->graph_view));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static gboolean
exclude_selected_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  DmWindow *self = DM_WINDOW (widget);
  gint64 actor_id = selected_actor (self);

  /* Never the focus itself: its view would be empty. */
  if (actor_id == 0 || actor_id == self->query->focus_actor)
    return FALSE;
  gtk_widget_activate_action (widget, "canvas.exclude", "x", actor_id);
  return TRUE;
}

/* Dragging actors ---------------------------------------------------------------------- */

/* An actor dropped on empty canvas stays there: in every later layout of the corpus. */
static void
node_moved_cb (DmWindow    *self,
               int          node,
               double       x,
               double       y,
               DmGraphView *view)
{
  DmLayout *layout = dm_graph_view_get_layout (view);
  const DmGraphNode *gn;
  double gx, gy;

  if (layout == NULL || node < 0 || (guint) node >= layout->graph->nodes->len)
    return;
  gn = g_ptr_array_index (layout->graph->nodes, node);
  dm_layout_to_graphviz_point (layout, x, y, &gx, &gy);
  set_actor_position (self, gn->actor_id, TRUE, gx, gy);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DmWindow         *self)
{
  const gint64 *ids = g_object_get_data (G_OBJECT (dialog), "dm-merge-ids");

  if (g_strcmp0 (response, "merge") == 0 && ids != NULL)
    dm_edit_activate (GTK_WIDGET (self), "merge", NULL, ids, 2);
}

/* An actor dropped on another: the same one under two names? Asked, never done silently. */
static void
node_dropped_cb (DmWindow    *self,
                 int          node,
                 int          onto,
                 DmGraphView *view)
{
  DmLayout *layout = dm_graph_view_get_layout (view);
  const DmGraphNode *dropped, *target;
  gint64 *ids;
  GtkWidget *dialog;

  if (layout == NULL || node < 0 || onto < 0
      || (guint) MAX (node, onto) >= layout->graph->nodes->len)
    return;
  dropped = g_ptr_array_index (layout->graph->nodes, node);
  target = g_ptr_array_index (layout->graph->nodes, onto);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Merge “%s” Into “%s”?"),
                                     dropped->name, target->name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” becomes another name of “%s”: its mentions and relations "
                                    "move to “%s”. Edit ▸ Undo takes it back."),
                                  dropped->name, target->name, target->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* the one dropped on is kept */
  ids = g_new (gint64, 2);
  ids[0] = target->actor_id;
  ids[1] = dropped->actor_id;
  g_object_set_data_full (G_OBJECT (dialog), "dm-merge-ids", ids, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Window-wide keys --------------------------------------------------------------------- */

static gboolean
zoom_in_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  dm_graph_view_zoom_in (DM_WINDOW (widget)->graph_view);
  return TRUE;
}

static gboolean
zoom_out_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  dm_graph_view_zoom_out (DM_WINDOW (widget)->graph_view);
  return TRUE;
}

static gboolean
zoom_reset_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  dm_graph_view_set_zoom (DM_WINDOW (widget)->graph_view, 1.0);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  dm_window_show_whole_graph (DM_WINDOW (widget));
  return TRUE;
}

/* The canvas's own keys ("+", "-", "0", Escape) from anywhere in the window. In the bubble
 * phase: a text field that takes the key (a "+" typed into the search, Escape closing it)
 * keeps it, and the canvas, when it has the focus, handles its keys itself first. */
static void
add_window_keys (DmWindow *self)
{
  static const struct {
    const char *trigger;
    GtkShortcutFunc func;
  } keys[] = {
    { "plus|KP_Add|equal", zoom_in_cb },
    { "minus|KP_Subtract", zoom_out_cb },
    { "0|KP_0", zoom_reset_cb },
    { "Escape", escape_cb },
    { "Delete|KP_Delete", exclude_selected_cb },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_callback_action_new (keys[i].func, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The legend explains a graph: none over the empty page. */
static void
main_page_changed_cb (DmWindow   *self,
                      GParamSpec *pspec,
                      GtkStack   *stack)
{
  gtk_widget_set_visible (self->legend,
                          g_strcmp0 (gtk_stack_get_visible_child_name (stack), "graph") == 0);
}

/* The import progress shares the bottom-left corner with the legend: while it shows, the
 * legend stands on top of it. */
static void
import_revealed_cb (DmWindow    *self,
                    GParamSpec  *pspec,
                    GtkRevealer *revealer)
{
  GtkWidget *bar = gtk_revealer_get_child (revealer);
  int height = 0;

  if (gtk_revealer_get_reveal_child (revealer) && bar != NULL)
    {
      gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      height += gtk_widget_get_margin_top (bar) + gtk_widget_get_margin_bottom (bar);
    }
  gtk_widget_set_margin_bottom (self->legend, 12 + height);
}

void
_dm_window_canvas_init (DmWindow *self)
{
  self->legend = dm_legend_new (self->graph_view);
  /* Bottom left: the top is the focus and budget bars', the bottom right the zoom
   * buttons'. */
  gtk_widget_set_halign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_valign (self->legend, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_bottom (self->legend, 12);
  gtk_overlay_add_overlay (self->canvas_overlay, self->legend);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_page_changed_cb), self, G_CONNECT_SWAPPED);
  main_page_changed_cb (self, NULL, self->main_stack);
  g_signal_connect_object (self->import_revealer, "notify::reveal-child",
                           G_CALLBACK (import_revealed_cb), self, G_CONNECT_SWAPPED);

  self->budget = dm_view_budget_new ();
  gtk_widget_set_halign (self->budget, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->budget, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->budget, 12);
  gtk_widget_set_visible (self->budget, FALSE);
  gtk_overlay_add_overlay (self->canvas_overlay, self->budget);
  /* zoom-to-fit keeps actors clear of what lies over the canvas */
  dm_graph_view_add_obstruction (self->graph_view, self->legend);
  dm_graph_view_add_obstruction (self->graph_view, self->budget);
  dm_graph_view_add_obstruction (self->graph_view, GTK_WIDGET (self->focus_revealer));
  g_signal_connect_object (self->budget, "notify::budget",
                           G_CALLBACK (budget_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->budget, "reset-filters",
                           G_CALLBACK (reset_filters_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->budget, "show-excluded",
                           G_CALLBACK (show_excluded_cb), self, G_CONNECT_SWAPPED);

  /* "+N more" in the focus bar, after "Around X". */
  self->more_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->focus_label))),
                              GTK_WIDGET (self->more_button), GTK_WIDGET (self->focus_label));
  g_signal_connect_object (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);
  _dm_window_budget_init (self);

  g_signal_connect_object (self->actors_panel, "matches-changed",
                           G_CALLBACK (matches_changed_cb), self, G_CONNECT_SWAPPED);
  add_window_keys (self);
  g_signal_connect_object (self->graph_view, "node-moved", G_CALLBACK (node_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph_view, "node-dropped", G_CALLBACK (node_dropped_cb), self, G_CONNECT_SWAPPED);

  {
    GtkGesture *context = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (context, "pressed", G_CALLBACK (context_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->graph_view), GTK_EVENT_CONTROLLER (context));
  }
}
