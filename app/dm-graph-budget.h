/* dm-graph-budget.h — how many actors a view can show with every name readable on a
 * canvas: the budget that follows the canvas
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-layout.h"

G_BEGIN_DECLS

/* The height (pixels) of one line of the smallest actor name that still reads: a little
 * above the canvas's cut-off (5.4 pixels), below which it draws no names at all. */
#define DM_GRAPH_READABLE_LABEL_PX 5.6

/* The canvas of the window at its default size (1200×780 with the side panel and the
 * timeline strip), less the bar across its top: what `dramatis-cli export` budgets for. */
#define DM_GRAPH_DEFAULT_CANVAS_WIDTH  860
#define DM_GRAPH_DEFAULT_CANVAS_HEIGHT 500

/* The automatic budget stays within these: a summary, however large the screen. */
#define DM_GRAPH_FIT_MIN_NODES 5
#define DM_GRAPH_FIT_MAX_NODES 80
/* An ego view's neighbours: at least these, at most DM_GRAPH_DEFAULT_MAX_NEIGHBOURS. */
#define DM_GRAPH_FIT_MIN_NEIGHBOURS 5

/* Finding the budget that fits, a layout at a time: the view shows `budget` nodes, is laid
 * out and measured, and dm_graph_budget_step() says what to try next. */
typedef struct {
  guint budget;     /* nodes to show next */
  guint ceiling;    /* the fewest nodes found too many for this canvas; 0: none yet */
  guint floor;      /* the most nodes found to read on it; 0: none yet */
  guint min, max;   /* the bounds of budget */
} DmGraphBudget;

void     dm_graph_budget_init (DmGraphBudget *self,
                               guint          budget,
                               guint          min,
                               guint          max);

/* A view of @shown nodes fits the canvas at @fit_zoom (pixels per layout point) and its
 * names read from @label_zoom on; @more_hidden: the budget left nodes out. Sets the budget
 * to try next and returns TRUE when it changed: fewer nodes when the names would not read,
 * more when they would read at a good deal less than the fitted zoom and nodes were left
 * out — always between the most found to read and the fewest found too many, so that the
 * steps settle. dm_graph_budget_forget() starts afresh (another canvas, another view). */
void     dm_graph_budget_forget (DmGraphBudget *self);
gboolean dm_graph_budget_step (DmGraphBudget *self,
                               guint          shown,
                               gboolean       more_hidden,
                               double         fit_zoom,
                               double         label_zoom);

/* The zoom at which @layout fits a @width × @height canvas with @margin pixels around it,
 * as the window's zoom-to-fit (never above 1.5), and the least zoom at which each of its
 * actors' names has @px pixels a line, from the font sizes Graphviz laid them out with. */
double   dm_layout_get_fit_zoom   (DmLayout *layout,
                                   double    width,
                                   double    height,
                                   double    margin);
double   dm_layout_get_label_zoom (DmLayout *layout,
                                   double    px);

/* Lays @graph out (the caller's way: engine, cache); NULL with @error set on failure. */
typedef DmLayout *(*DmGraphLayOutFunc) (DmGraph  *graph,
                                         gpointer  user_data,
                                         GError  **error);

/* The view @query asks for with as many nodes as a @width × @height canvas draws with every
 * name readable (DM_GRAPH_READABLE_LABEL_PX), laid out by @lay_out: the overview's max_nodes
 * or a one-ring ego view's max_neighbours is the first guess and is left at what fits. A
 * budget of 0 (all) is kept as asked. The window measures its canvas the same way. */
DmLayout *dm_graph_budget_fit_layout (DmStore           *store,
                                      DmGraphQuery      *query,
                                      double             width,
                                      double             height,
                                      DmGraphLayOutFunc  lay_out,
                                      gpointer           user_data,
                                      GError           **error);

G_END_DECLS
