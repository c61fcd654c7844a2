/* dm-timeline-strip.h — the strip under the canvas: relations over time and a window on them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-corpus.h"
#include "dm-graph-controller.h"
#include "dm-timeline.h"

G_BEGIN_DECLS

#define DM_TYPE_TIMELINE_STRIP (dm_timeline_strip_get_type ())

G_DECLARE_FINAL_TYPE (DmTimelineStrip, dm_timeline_strip, DM, TIMELINE_STRIP, GtkWidget)

/* Signals:
 *   "window-changed" () — the time window moved, grew, shrank or was cleared: the graph
 *                         should be built again (dm_timeline_strip_apply()).
 *   "counted" ()        — the bars of the corpus set last were counted (tests wait for it).
 * Actions: timeline.play (play or pause), timeline.clear (all dates again),
 *          timeline.include-undated (a window keeps undated articles' relations).
 * The strip is visible when "show" is set and the corpus has dated relations. */
GtkWidget        *dm_timeline_strip_new              (void);
/* Counts the corpus's relations per bar in a thread. NULL: nothing to show. */
void              dm_timeline_strip_set_corpus       (DmTimelineStrip         *self,
                                                DmCorpus           *corpus);
/* The corpus changed (import, edit): counts again, keeping the window's dates. */
void              dm_timeline_strip_reload           (DmTimelineStrip         *self);
gboolean          dm_timeline_strip_get_show         (DmTimelineStrip         *self);
void              dm_timeline_strip_set_show         (DmTimelineStrip         *self,
                                                gboolean            show);

guint             dm_timeline_strip_get_n_buckets    (DmTimelineStrip         *self);
const DmTimelineBucket *dm_timeline_strip_get_bucket (DmTimelineStrip         *self,
                                                guint               i);
DmTimelineUnit    dm_timeline_strip_get_unit         (DmTimelineStrip         *self);

/* The window: bars @first to @last (inclusive). */
void              dm_timeline_strip_set_window       (DmTimelineStrip         *self,
                                                guint               first,
                                                guint               last);
void              dm_timeline_strip_clear_window     (DmTimelineStrip         *self);
/* FALSE when every date shows; else the window's first and last day ("YYYY-MM-DD"). */
gboolean          dm_timeline_strip_get_window       (DmTimelineStrip         *self,
                                                guint              *first,
                                                guint              *last);
/* Whether a window keeps the relations of articles without a date (FALSE: a window shows
 * only what happened in it). Property "include-undated", action timeline.include-undated. */
gboolean          dm_timeline_strip_get_include_undated (DmTimelineStrip *self);
void              dm_timeline_strip_set_include_undated (DmTimelineStrip *self,
                                                         gboolean         include_undated);
/* The window's dates as a person reads them ("6 Apr 2026 – 28 Jun 2026"); NULL: all dates. */
char             *dm_timeline_strip_dup_window_label (DmTimelineStrip   *self);
gboolean          dm_timeline_strip_is_playing       (DmTimelineStrip         *self);

/* Narrows @request's dates to the window (within what the filters allow already) and
 * anchors the actors where the graphs before it placed them, so that playing through time
 * moves edges, not actors. */
void              dm_timeline_strip_apply            (DmTimelineStrip         *self,
                                                DmGraphRequest     *request);
/* A graph came in: remembers where its actors stand, for the next windows. */
void              dm_timeline_strip_graph_shown      (DmTimelineStrip         *self,
                                                DmGraphResult      *result);

G_END_DECLS
