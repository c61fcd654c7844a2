/* dm-view-budget.h — the overview's budget: how many actors the whole graph shows, and
 * how many it leaves out
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-graph.h"

G_BEGIN_DECLS

#define DM_TYPE_VIEW_BUDGET (dm_view_budget_get_type ())

G_DECLARE_FINAL_TYPE (DmViewBudget, dm_view_budget, DM, VIEW_BUDGET, GtkWidget)

/* The budget before the canvas is measured, and the one a user's choice starts from. */
#define DM_VIEW_BUDGET_DEFAULT DM_GRAPH_DEFAULT_MAX_NODES

GtkWidget *dm_view_budget_new        (void);

/* The most actors the overview shows; 0: all of them. Property "budget". Setting it is the
 * user's choice: the budget no longer follows the canvas. */
guint      dm_view_budget_get_budget (DmViewBudget *self);
void       dm_view_budget_set_budget (DmViewBudget *self,
                                      guint         budget);

/* Whether the budget follows the canvas (the window sets it with set_fitted_budget()) or is
 * the user's: changing the number, "Show All" or set_budget() makes it the user's, the "Fit"
 * toggle gives it back to the canvas. Property "automatic" (TRUE by default). */
gboolean   dm_view_budget_get_automatic (DmViewBudget *self);
void       dm_view_budget_set_automatic (DmViewBudget *self,
                                         gboolean      automatic);
/* The budget that fits the canvas: taken while automatic, else ignored. */
void       dm_view_budget_set_fitted_budget (DmViewBudget *self,
                                             guint         budget);

/* What the last overview showed and left out (the engine's counts). */
void       dm_view_budget_set_counts (DmViewBudget        *self,
                                      const DmGraphCounts *counts);

/* What hides the filtered actors: the Filters panel (@filters_narrow) and/or a time window
 * (@time_window, its dates as the strip shows them; NULL none). A window alone reads "48
 * outside 6 Apr 2026 – 28 Jun 2026" and its button "Show All Dates". */
void       dm_view_budget_set_filters (DmViewBudget *self,
                                       gboolean      filters_narrow,
                                       const char   *time_window);

/* The sentence saying what is hidden and why ("450 actors hidden by the budget, 12 by
 * the filters, 2 excluded"); NULL when nothing is. */
const char *dm_view_budget_get_summary (DmViewBudget *self);

/* Signals: "reset-filters" () — the "Reset Filters" ("Show All Dates") button: the filters
 *                             or the time window hide actors; clear both.
 *          "show-excluded" () — the "Show Excluded" button: bring excluded actors back. */

G_END_DECLS
