/* dm-filters-panel.h — which relations and actors the graph shows
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-graph-query.h"

G_BEGIN_DECLS

#define DM_TYPE_FILTERS_PANEL (dm_filters_panel_get_type ())

G_DECLARE_FINAL_TYPE (DmFiltersPanel, dm_filters_panel, DM, FILTERS_PANEL, GtkWidget)

/* Writes the panel's classes, actor types, minimum evidence, date range and edge grouping
 * into @query; focus, depth and excluded articles are left alone. */
void      dm_filters_panel_apply         (DmFiltersPanel *self,
                                          DmGraphQuery   *query);
void      dm_filters_panel_reset         (DmFiltersPanel *self);
void      dm_filters_panel_set_class     (DmFiltersPanel  *self,
                                          DmRelationClass  klass,
                                          gboolean         shown);
void      dm_filters_panel_set_min_evidence (DmFiltersPanel *self,
                                          guint           min_evidence);

/* Lists the @n actors left out of every view (@names, their @actor_ids), each with a
 * button that brings it back ("canvas.include" on the window). */
void      dm_filters_panel_set_excluded  (DmFiltersPanel     *self,
                                          const gint64       *actor_ids,
                                          const char * const *names,
                                          guint               n);
guint     dm_filters_panel_get_n_excluded (DmFiltersPanel    *self);

/* Signals: "changed" () — a filter changed (date entries only once they hold a whole date). */

G_END_DECLS
