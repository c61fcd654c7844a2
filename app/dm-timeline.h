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

/* How wide a timeline bar is: chosen from the span of the dates so that a strip shows tens
 * of bars, not thousands (a day each up to two months, a week up to two years). */
typedef enum {
  DM_TIMELINE_DAY,
  DM_TIMELINE_WEEK,
  DM_TIMELINE_MONTH,
} DmTimelineUnit;

typedef struct {
  GDate  first;                     /* first and last day of the bar, inclusive */
  GDate  last;
  guint  n_relations;
  guint  by_family[DM_N_FAMILIES];
} DmTimelineBucket;

DmTimelineUnit dm_timeline_choose_unit       (const GDate   *first,
                                              const GDate   *last);
/* @days (DmTimelineDay, oldest first) summed into bars of *@unit (chosen, when not NULL,
 * from their span), one for every day/week (from Monday)/month from the first to the
 * last, empty ones included, so that bars stand for equal stretches of time. Days whose
 * date is not a real "YYYY-MM-DD" are left out and counted in *@n_skipped (nullable). */
GArray        *dm_timeline_buckets           (GPtrArray      *days,
                                              DmTimelineUnit *unit,
                                              guint          *n_skipped);
/* "YYYY-MM-DD" of @date, for a DmGraphQuery's date_from / date_to. */
char          *dm_timeline_format_date       (const GDate   *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTimelineDay, dm_timeline_day_free)

G_END_DECLS
