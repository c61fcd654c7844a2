/* dm-timeline-anchors.h — where actors stand, so that a time window's graph keeps them there
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph-controller.h"

G_BEGIN_DECLS

typedef struct _DmTimelineAnchors DmTimelineAnchors;

DmTimelineAnchors *dm_timeline_anchors_new   (void);
void               dm_timeline_anchors_free  (DmTimelineAnchors *anchors);
void               dm_timeline_anchors_clear (DmTimelineAnchors *anchors);
/* Pins @request's actors where the anchors have them, in their frame, when it is the view
 * (focus and depth) they were taken from; another view is laid out afresh. */
void               dm_timeline_anchors_apply (DmTimelineAnchors *anchors,
                                              DmGraphRequest    *request);
/* A graph was shown: laid out afresh, its places are the anchors from now on; laid out
 * anchored, the actors new to it are added where they landed. */
void               dm_timeline_anchors_take  (DmTimelineAnchors *anchors,
                                              DmGraphResult     *result);

G_END_DECLS
