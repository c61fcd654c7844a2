/* dm-actors-panel.h — the searchable list of actors, with type filter and mention counts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-corpus.h"

G_BEGIN_DECLS

#define DM_TYPE_ACTORS_PANEL (dm_actors_panel_get_type ())

G_DECLARE_FINAL_TYPE (DmActorsPanel, dm_actors_panel, DM, ACTORS_PANEL, GtkWidget)

void        dm_actors_panel_set_corpus    (DmActorsPanel *self,
                                           DmCorpus      *corpus);
void        dm_actors_panel_reload        (DmActorsPanel *self);
void        dm_actors_panel_set_search    (DmActorsPanel *self,
                                           const char    *text);
void        dm_actors_panel_focus_search  (DmActorsPanel *self);
/* The actors shown (DmActorItem). */
GListModel *dm_actors_panel_get_model     (DmActorsPanel *self);

/* The ids of the actors the search text matches, as listed (none without search text). */
const gint64 *dm_actors_panel_get_matches (DmActorsPanel *self,
                                           guint         *n_matches);

/* Signals: "actor-activated" (gint64 actor_id) — a row was activated, or Enter in the search
 * entry picked the first match: focus it.
 * "matches-changed" () — the listing was searched again (as the search text is typed). */

G_END_DECLS
