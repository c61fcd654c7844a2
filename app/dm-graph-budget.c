/* dm-graph-budget.c — how many actors a view can show with every name readable on a
 * canvas: the budget that follows the canvas
 *
 * A drawing of n actors takes an area about proportional to n, so its fitted zoom goes as
 * 1/√n: a view that fits at zoom z but reads only from zoom r holds about n (z/r)² actors
 * that read. Graphviz does not draw in exact proportion, so the estimate is a step, checked
 * on the next layout; the fewest actors found too many and the most found to read are
 * remembered, and the next step falls between them.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-budget"

#include "config.h"

#include <math.h>

#include "dm-graph-budget.h"
#include "dm-graph.h"

#define MAX_FIT_ZOOM  1.5    /* as the canvas's zoom-to-fit */
#define SHRINK_MARGIN 0.92   /* a little under the estimate: a smaller drawing is no exact fit */
#define GROW_ABOVE    1.2    /* names read at this much less than the fitted zoom: show more */
#define GROW_MARGIN   0.85
#define FIT_MARGIN    24.0   /* pixels around a fitted graph, as on the canvas */
#define MAX_ROUNDS    6      /* layouts tried at most: the steps settle in two or three */
/* The height of a line of text, in font sizes (DejaVu and Cantarell: ascent + descent). */
#define LINE_HEIGHT   1.15

void
dm_graph_budget_init (DmGraphBudget *self,
                      guint          budget,
                      guint          min,
                      guint          max)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (min >= 1 && min <= max);

  self->min = min;
  self->max = max;
  self->budget = CLAMP (budget, min, max);
  self->ceiling = self->floor = 0;
}

void
dm_graph_budget_forget (DmGraphBudget *self)
{
  g_return_if_fail (self != NULL);
  self->ceiling = self->floor = 0;
}

gboolean
dm_graph_budget_step (DmGraphBudget *self,
                      guint          shown,
                      gboolean       more_hidden,
                      double         fit_zoom,
                      double         label_zoom)
{
  double ratio;
  guint next;

  g_return_val_if_fail (self != NULL, FALSE);

  if (shown == 0 || fit_zoom <= 0 || label_zoom <= 0)
    return FALSE;
  ratio = fit_zoom / label_zoom;
  if (ratio < 1)
    {
      /* names too small: fewer actors, and never this many again on this canvas */
      self->ceiling = self->ceiling == 0 ? shown : MIN (self->ceiling, shown);
      if (self->floor >= self->ceiling)
        self->floor = 0;
      next = (guint) floor (shown * ratio * ratio * SHRINK_MARGIN);
      next = MIN (next, shown - 1);
      /* a drawing of fewer actors is not always smaller (another engine, a sparser one):
       * what read once is kept */
      next = MAX (next, self->floor);
    }
  else
    {
      self->floor = MAX (self->floor, shown);
      if (!more_hidden || ratio < GROW_ABOVE)
        return FALSE;
      next = (guint) floor (shown * ratio * ratio * GROW_MARGIN);
      /* at most twice as many at once: the estimate is rough far from what was measured */
      next = MIN (next, 2 * shown);
      /* halfway to what was too many: a few layouts find the most that read */
      if (self->ceiling > 0)
        next = MIN (next, shown + (self->ceiling - shown) / 2);
      if (next <= self->budget)
        return FALSE;
    }

  next = CLAMP (next, self->min, self->max);
  if (next == self->budget)
    return FALSE;
  self->budget = next;
  return TRUE;
}

double
dm_layout_get_fit_zoom (DmLayout *layout,
                        double    width,
                        double    height,
                        double    margin)
{
  double w = MAX (width - 2 * margin, 16);
  double h = MAX (height - 2 * margin, 16);

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->width <= 0 || layout->height <= 0)
    return 0;
  return MIN (MIN (w / layout->width, h / layout->height), MAX_FIT_ZOOM);
}

double
dm_layout_get_label_zoom (DmLayout *layout,
                          double    px)
{
  double zoom = 0;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = 0; i < layout->graph->nodes->len; i++)
    {
      const DmLayoutNode *node = &layout->nodes[i];

      for (guint s = 0; node->shapes != NULL && s < node->shapes->len; s++)
        {
          const DmShape *shape = g_ptr_array_index (node->shapes, s);
          double scale = 1;

          if (shape->kind != DM_SHAPE_TEXT || shape->font_size <= 0)
            continue;
          /* a name wider than its node is drawn smaller, as the canvas does */
          if (shape->text_width > node->width * 0.86 && shape->text_width > 0)
            scale = MAX (node->width * 0.86 / shape->text_width, 0.5);
          zoom = MAX (zoom, px / (shape->font_size * LINE_HEIGHT * scale));
        }
    }
  return zoom;
}

DmLayout *
dm_graph_budget_fit_layout (DmStore           *store,
                            DmGraphQuery      *query,
                            double             width,
                            double             height,
                            DmGraphLayOutFunc  lay_out,
                            gpointer           user_data,
                            GError           **error)
{
  gboolean ego = query->focus_actor != 0;
  gboolean fitted = ego ? query->depth == 1 && query->max_neighbours > 0 : query->max_nodes > 0;
  DmGraphBudget budget;
  DmLayout *layout = NULL;

  g_return_val_if_fail (store != NULL && query != NULL && lay_out != NULL, NULL);

  /* an ego view counts its focus among the nodes */
  if (ego)
    dm_graph_budget_init (&budget, query->max_neighbours + 1, MIN (query->max_neighbours, DM_GRAPH_FIT_MIN_NEIGHBOURS) + 1,
                          query->max_neighbours + 1);
  else
    dm_graph_budget_init (&budget, query->max_nodes, DM_GRAPH_FIT_MIN_NODES, DM_GRAPH_FIT_MAX_NODES);
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(DmGraph) graph = NULL;
      gboolean more_hidden;
      double fit, label;

      g_clear_pointer (&layout, dm_layout_unref);
      if (fitted && ego)
        query->max_neighbours = budget.budget - 1;
      else if (fitted)
        query->max_nodes = budget.budget;
      if (!(graph = dm_graph_build (store, query, error)) || !(layout = lay_out (graph, user_data, error)))
        return NULL;
      more_hidden = ego ? graph->counts.n_neighbours > graph->counts.n_neighbours_shown
                        : graph->counts.n_actors_over_budget > 0;
      fit = dm_layout_get_fit_zoom (layout, width, height, FIT_MARGIN);
      label = dm_layout_get_label_zoom (layout, DM_GRAPH_READABLE_LABEL_PX);
      g_debug ("%u nodes (%.0f × %.0f points) fit at zoom %.3f, names read from %.3f",
               graph->nodes->len, layout->width, layout->height, fit, label);
      if (!fitted || graph->nodes->len == 0 ||
          !dm_graph_budget_step (&budget, graph->nodes->len, more_hidden, fit, label))
        break;
    }
  return layout;
}
