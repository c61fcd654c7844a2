/* dm-details-panel.h — what is selected: an actor and its relations, or an edge and the
 * sentences behind it
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-corpus.h"
#include "dm-graph.h"

G_BEGIN_DECLS

#define DM_TYPE_DETAILS_PANEL (dm_details_panel_get_type ())

G_DECLARE_FINAL_TYPE (DmDetailsPanel, dm_details_panel, DM, DETAILS_PANEL, GtkWidget)

typedef enum {
  DM_DETAILS_NONE,
  DM_DETAILS_ACTOR,
  DM_DETAILS_EDGE,
} DmDetailsKind;

void          dm_details_panel_clear       (DmDetailsPanel    *self);
/* Type, role, affiliation, aliases and the actor's relations grouped by verb. */
void          dm_details_panel_show_actor  (DmDetailsPanel    *self,
                                            DmCorpus          *corpus,
                                            gint64             actor_id);
/* Every evidence sentence of @edge (of @graph) with the two actors and the verb highlighted. */
void          dm_details_panel_show_edge   (DmDetailsPanel    *self,
                                            DmCorpus          *corpus,
                                            DmGraph           *graph,
                                            guint              edge);
/* The dates the graph shows (a time window, the date filter): an actor's relations are
 * listed from those dates only, and the list says so. @label (nullable) names them as the
 * timeline does; @dated_only leaves undated articles out too. NULLs: every date. */
void          dm_details_panel_set_dates   (DmDetailsPanel    *self,
                                            const char        *date_from,
                                            const char        *date_to,
                                            gboolean           dated_only,
                                            const char        *label);
DmDetailsKind dm_details_panel_get_kind    (DmDetailsPanel    *self);
gint64        dm_details_panel_get_actor   (DmDetailsPanel    *self);
/* The actor the graph is focused on (0: none): its details offer no "Focus" button. */
void          dm_details_panel_set_focus_actor (DmDetailsPanel *self,
                                            gint64          actor_id);

/* Signals: "actor-activated" (gint64 actor_id) — a relation row or the Focus button:
 * focus that actor. */

G_END_DECLS
