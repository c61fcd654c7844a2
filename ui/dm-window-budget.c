/* dm-window-budget.c — how many actors the window's views show: as many as its canvas can
 * draw with every name readable
 *
 * The overview shows the heaviest actors up to a budget, an ego view its strongest
 * neighbours. Unless the user picked the overview's number (the budget bar's spin, "Show
 * All"), both follow the canvas: each graph shown is measured — the zoom that fits it to
 * the canvas against the zoom from which its smallest name reads — and when the names would
 * be too small (or a good deal more would read) the view is built again with the number
 * dm_graph_budget_step() estimates. A resize (or a fit again, when a bar or the legend
 * over the canvas comes or goes) is measured once it has settled, so dragging the window's
 * edge lays nothing out.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include "dm-graph-view.h"
#include "dm-view-budget.h"
#include "dm-window-private.h"

#define RESIZE_SETTLE_MS   300
/* A canvas this much larger or smaller (either side) is a new one: what was too many on the
 * old may fit. */
#define RESIZE_SIGNIFICANT 0.05

/* Whether @a and @b show the same view but for the budgets. */
static gboolean
same_view (const DmGraphQuery *a,
           const DmGraphQuery *b)
{
  g_autoptr(DmGraphQuery) x = NULL;
  g_autoptr(DmGraphQuery) y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  x = dm_graph_query_copy (a);
  y = dm_graph_query_copy (b);
  x->max_nodes = y->max_nodes = 0;
  x->max_neighbours = y->max_neighbours = 0;
  return dm_graph_query_equal (x, y);
}

static void
forget_ceilings (DmWindow *self)
{
  dm_graph_budget_forget (&self->overview_fit);
  dm_graph_budget_forget (&self->ego_fit);
}

guint
_dm_window_budget_neighbours (DmWindow *self)
{
  return self->ego_fit.budget - 1;
}

void
_dm_window_budget_graph_shown (DmWindow *self)
{
  DmGraphView *view = self->graph_view;
  const DmGraphQuery *q;
  double fit, label;

  if (self->graph == NULL || (q = self->graph->query) == NULL || dm_graph_view_get_layout (view) == NULL ||
      self->graph->nodes->len == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return;
  if (!same_view (q, self->fit_query))
    {
      /* another view: what was too many for the last one says nothing of this one */
      forget_ceilings (self);
      g_clear_pointer (&self->fit_query, dm_graph_query_free);
      self->fit_query = dm_graph_query_copy (q);
    }
  fit = dm_graph_view_get_fit_zoom (view);
  label = dm_graph_view_get_label_zoom (view, DM_GRAPH_READABLE_LABEL_PX);
  if (_dm_window_debug_timings ())
    g_message ("budget: %u actors fit at zoom %.3f, names read from %.3f", self->graph->nodes->len, fit, label);

  if (q->focus_actor == 0)
    {
      DmViewBudget *budget = DM_VIEW_BUDGET (self->budget);

      if (!dm_view_budget_get_automatic (budget) || q->max_nodes == 0)
        return;
      self->overview_fit.budget = q->max_nodes;
      if (dm_graph_budget_step (&self->overview_fit, self->graph->nodes->len,
                                self->graph->counts.n_actors_over_budget > 0, fit, label))
        dm_view_budget_set_fitted_budget (budget, self->overview_fit.budget);   /* reloads */
    }
  /* Widened, a ring is the budget's unit, not the view: only the first ring is fitted. */
  else if (!self->more_asked && q->depth == 1 && q->max_neighbours > 0)
    {
      self->ego_fit.budget = q->max_neighbours + 1;
      if (dm_graph_budget_step (&self->ego_fit, self->graph->nodes->len,
                                self->graph->counts.n_neighbours > self->graph->counts.n_neighbours_shown,
                                fit, label))
        {
          self->max_neighbours = _dm_window_budget_neighbours (self);
          _dm_window_reload_graph (self);
        }
    }
}

static gboolean
resize_settled_cb (gpointer data)
{
  DmWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->graph_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->graph_view));

  self->resize_source = 0;
  if (ABS (width - self->fit_width) > self->fit_width * RESIZE_SIGNIFICANT ||
      ABS (height - self->fit_height) > self->fit_height * RESIZE_SIGNIFICANT)
    {
      forget_ceilings (self);
      self->fit_width = width;
      self->fit_height = height;
    }
  /* a graph on its way is measured when it arrives */
  if (!self->busy)
    _dm_window_budget_graph_shown (self);
  return G_SOURCE_REMOVE;
}

/* The canvas was resized, or fitted the graph again (a bar or the legend over it came or
 * went): measured once it has settled. */
static void
canvas_changed_cb (DmWindow *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  self->resize_source = g_timeout_add (RESIZE_SETTLE_MS, resize_settled_cb, self);
}

/* "Fit" pressed again: the canvas decides from the next measure on. */
static void
automatic_changed_cb (DmWindow     *self,
                      GParamSpec   *pspec,
                      DmViewBudget *budget)
{
  if (!dm_view_budget_get_automatic (budget))
    return;
  /* the view shown is measured as it is: the user's number stays if it fits */
  dm_graph_budget_forget (&self->overview_fit);
  _dm_window_budget_graph_shown (self);
}

/* A number the user picked is kept for the next start; the canvas's is not. */
static void
budget_changed_cb (DmWindow     *self,
                   GParamSpec   *pspec,
                   DmViewBudget *budget)
{
  if (!dm_view_budget_get_automatic (budget))
    g_settings_set_int (self->settings, "overview-budget", dm_view_budget_get_budget (budget));
}

void
_dm_window_budget_init (DmWindow *self)
{
  DmViewBudget *budget = DM_VIEW_BUDGET (self->budget);

  dm_graph_budget_init (&self->overview_fit, DM_VIEW_BUDGET_DEFAULT, DM_GRAPH_FIT_MIN_NODES, DM_GRAPH_FIT_MAX_NODES);
  dm_graph_budget_init (&self->ego_fit, DM_GRAPH_DEFAULT_MAX_NEIGHBOURS + 1, DM_GRAPH_FIT_MIN_NEIGHBOURS + 1,
                        DM_GRAPH_DEFAULT_MAX_NEIGHBOURS + 1);
  self->max_neighbours = _dm_window_budget_neighbours (self);

  g_settings_bind (self->settings, "overview-budget-automatic", budget, "automatic", G_SETTINGS_BIND_DEFAULT);
  if (!dm_view_budget_get_automatic (budget))
    dm_view_budget_set_budget (budget, g_settings_get_int (self->settings, "overview-budget"));
  g_signal_connect_object (budget, "notify::automatic", G_CALLBACK (automatic_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (budget, "notify::budget", G_CALLBACK (budget_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph_view, "resized", G_CALLBACK (canvas_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph_view, "notify::zoom", G_CALLBACK (canvas_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_dm_window_budget_dispose (DmWindow *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_pointer (&self->fit_query, dm_graph_query_free);
}
