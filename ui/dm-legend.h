/* dm-legend.h — the key to the canvas: actor types, relation families, negated relations
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-graph-view.h"

G_BEGIN_DECLS

#define DM_TYPE_LEGEND (dm_legend_get_type ())

G_DECLARE_FINAL_TYPE (DmLegend, dm_legend, DM, LEGEND, GtkWidget)

/* A legend drawn in @view's palette (light or dark, as the canvas is). */
GtkWidget *dm_legend_new             (DmGraphView *view);

/* Expanded: the key shows; collapsed: only the "Legend" header. Property "expanded". */
gboolean   dm_legend_get_expanded    (DmLegend    *self);
void       dm_legend_set_expanded    (DmLegend    *self,
                                      gboolean     expanded);
/* Property "child-revealed" (read-only): notified when the key has slid fully in or out,
 * the legend at its new size. */
/* Whether the key is on screen (mapped and fully revealed). */
gboolean   dm_legend_get_key_visible (DmLegend    *self);

G_END_DECLS
