/* dm-timeline.h — relations over time: per day and family, for a timeline strip
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *date;                      /* "YYYY-MM-DD" */
  guint  n_relations;
  guint  by_family[DM_N_FAMILIES];  /* DmClassFamily: the timeline's colours */
} DmTimelineDay;

/* The days that have relations, oldest first, with how many of each family; relations of
 * undated articles are counted in *@n_undated (nullable). Weeks and months are sums of days. */
GPtrArray   *dm_store_count_relations_by_day (DmStore   *self,
                                              guint     *n_undated,
                                              GError   **error);

void         dm_timeline_day_free            (DmTimelineDay *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTimelineDay, dm_timeline_day_free)

G_END_DECLS
