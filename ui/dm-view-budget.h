/* dm-view-budget.h — the overview's budget: how many actors the whole graph shows, and
 * how many it leaves out
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_VIEW_BUDGET (dm_view_budget_get_type ())

G_DECLARE_FINAL_TYPE (DmViewBudget, dm_view_budget, DM, VIEW_BUDGET, GtkWidget)

/* The default budget: about what a window of 1600×1000 shows with every actor labelled. */
#define DM_VIEW_BUDGET_DEFAULT 60

GtkWidget *dm_view_budget_new        (void);

/* The most actors the overview shows; 0: all of them. Property "budget". */
guint      dm_view_budget_get_budget (DmViewBudget *self);
void       dm_view_budget_set_budget (DmViewBudget *self,
                                      guint         budget);

/* What the last graph showed: @shown actors of @total the filters let through. */
void       dm_view_budget_set_counts (DmViewBudget *self,
                                      guint         shown,
                                      guint         total);

/* The sentence saying what is hidden and why ("450 actors hidden: only the 60 with the
 * most relations are shown"); NULL when nothing is. */
const char *dm_view_budget_get_summary (DmViewBudget *self);

G_END_DECLS
