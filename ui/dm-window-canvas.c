/* dm-window-canvas.c — what the main window adds around its canvas: the legend, search
 * matches marked on the graph, and the zoom and Escape keys wherever the focus is
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-actors-panel.h"
#include "dm-graph-view.h"
#include "dm-legend.h"
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
  /* Ego views have their own ranking; the budget is the overview's. */
  query->max_nodes = query->focus_actor == 0 ? dm_view_budget_get_budget (DM_VIEW_BUDGET (self->budget)) : 0;
}

void
_dm_window_canvas_graph_shown (DmWindow *self)
{
  gboolean overview = self->graph != NULL && self->graph->query != NULL &&
                      self->graph->query->focus_actor == 0 && self->graph->nodes->len > 0;

  if (overview)
    dm_view_budget_set_counts (DM_VIEW_BUDGET (self->budget), self->graph->nodes->len,
                               self->graph->nodes->len + self->graph->n_over_budget);
  gtk_widget_set_visible (self->budget, overview &&
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "graph") == 0);
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

void
_dm_window_canvas_init (DmWindow *self)
{
  self->legend = dm_legend_new (self->graph_view);
  gtk_widget_set_halign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_valign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_top (self->legend, 12);
  gtk_overlay_add_overlay (self->canvas_overlay, self->legend);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_page_changed_cb), self, G_CONNECT_SWAPPED);
  main_page_changed_cb (self, NULL, self->main_stack);

  self->budget = dm_view_budget_new ();
  gtk_widget_set_halign (self->budget, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->budget, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (self->budget, 12);
  gtk_widget_set_visible (self->budget, FALSE);
  gtk_overlay_add_overlay (self->canvas_overlay, self->budget);
  g_signal_connect_object (self->budget, "notify::budget",
                           G_CALLBACK (budget_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->actors_panel, "matches-changed",
                           G_CALLBACK (matches_changed_cb), self, G_CONNECT_SWAPPED);
  add_window_keys (self);
}
