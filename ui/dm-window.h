/* dm-window.h — the main window: the graph canvas, side panels, import, focus history, export
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dm-actors-panel.h"
#include "dm-corpus.h"
#include "dm-details-panel.h"
#include "dm-filters-panel.h"
#include "dm-graph-view.h"

G_BEGIN_DECLS

#define DM_TYPE_WINDOW (dm_window_get_type ())

G_DECLARE_FINAL_TYPE (DmWindow, dm_window, DM, WINDOW, AdwApplicationWindow)

DmWindow       *dm_window_new                 (GtkApplication      *application);

/* Opens (creating when missing) the corpus at @path in this window. */
gboolean        dm_window_open_corpus         (DmWindow            *self,
                                               const char          *path,
                                               GError             **error);
DmCorpus       *dm_window_get_corpus          (DmWindow            *self);
/* Imports the sample articles compiled into the program (the first run's corpus). */
void            dm_window_import_samples      (DmWindow            *self);

/* Background imports, one at a time, with progress and Cancel in the window. */
void            dm_window_import_paths        (DmWindow            *self,
                                               const char * const  *paths);
void            dm_window_import_text         (DmWindow            *self,
                                               const char          *text);
gboolean        dm_window_is_importing        (DmWindow            *self);
void            dm_window_cancel_import       (DmWindow            *self);
/* "file: reason" for each file the last import could not read. */
GPtrArray      *dm_window_get_import_failures (DmWindow            *self);

/* Focus: the graph becomes the actor's neighbourhood, recorded in the history. */
gboolean        dm_window_focus_actor         (DmWindow            *self,
                                               gint64               actor_id);
/* By name or alias; FALSE (and a toast) when there is no such actor. */
gboolean        dm_window_focus_actor_name    (DmWindow            *self,
                                               const char          *name);
void            dm_window_show_whole_graph    (DmWindow            *self);
gint64          dm_window_get_focus_actor     (DmWindow            *self);
void            dm_window_set_depth           (DmWindow            *self,
                                               guint                depth);
gboolean        dm_window_go_back             (DmWindow            *self);
gboolean        dm_window_go_forward          (DmWindow            *self);

/* Writes what the canvas shows to @path, the format from its extension; waits for a
 * pending layout first. "export-finished" tells how it went. */
void            dm_window_export              (DmWindow            *self,
                                               const char          *path);

/* TRUE while a graph is being built or laid out. */
gboolean        dm_window_is_busy             (DmWindow            *self);
DmGraph        *dm_window_get_graph           (DmWindow            *self);
DmGraphView    *dm_window_get_graph_view      (DmWindow            *self);
DmActorsPanel  *dm_window_get_actors_panel    (DmWindow            *self);
DmDetailsPanel *dm_window_get_details_panel   (DmWindow            *self);
DmFiltersPanel *dm_window_get_filters_panel   (DmWindow            *self);

/* Signals:
 *   "graph-ready"     ()                          — the canvas shows the current query
 *   "import-finished" ()                          — an import job ended (done, failed or cancelled)
 *   "export-finished" (char *path, char *error)   — error is NULL on success */

G_END_DECLS
