/* dm-timeline.c — relations per day summed into the bars of a timeline strip
 *
 * The store counts relations per article day (dm-store-timeline.c); a strip wants bars of
 * equal width in time, a few dozen of them whatever the corpus spans, with the days that
 * have nothing to show kept as gaps: a week without news is part of the story.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-timeline"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-timeline.h"

/* Up to about 60 bars of a day, then about 100 of a week; months past that. */
#define MAX_DAYS_SPAN   62
#define MAX_WEEKS_SPAN  730

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d, n = 0;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

DmTimelineUnit
dm_timeline_choose_unit (const GDate *first,
                         const GDate *last)
{
  int span;

  g_return_val_if_fail (first != NULL && g_date_valid (first), DM_TIMELINE_DAY);
  g_return_val_if_fail (last != NULL && g_date_valid (last), DM_TIMELINE_DAY);

  span = g_date_days_between (first, last);
  if (span < MAX_DAYS_SPAN)
    return DM_TIMELINE_DAY;
  if (span < MAX_WEEKS_SPAN)
    return DM_TIMELINE_WEEK;
  return DM_TIMELINE_MONTH;
}

/* The first day of the bar @date falls in. */
static void
bucket_start (GDate          *date,
              DmTimelineUnit  unit)
{
  switch (unit)
    {
    case DM_TIMELINE_WEEK:
      g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
      break;
    case DM_TIMELINE_MONTH:
      g_date_set_day (date, 1);
      break;
    case DM_TIMELINE_DAY:
    default:
      break;
    }
}

static void
bucket_next (GDate          *date,
             DmTimelineUnit  unit)
{
  switch (unit)
    {
    case DM_TIMELINE_WEEK:
      g_date_add_days (date, 7);
      break;
    case DM_TIMELINE_MONTH:
      g_date_add_months (date, 1);
      break;
    case DM_TIMELINE_DAY:
    default:
      g_date_add_days (date, 1);
      break;
    }
}

GArray *
dm_timeline_buckets (GPtrArray      *days,
                     DmTimelineUnit *unit,
                     guint          *n_skipped)
{
  GArray *buckets = g_array_new (FALSE, TRUE, sizeof (DmTimelineBucket));
  g_autofree GDate *dates = NULL;
  GDate first, last, start;
  DmTimelineUnit chosen;
  guint b = 0;

  g_return_val_if_fail (days != NULL, buckets);

  if (n_skipped != NULL)
    *n_skipped = 0;

  dates = g_new0 (GDate, MAX (days->len, 1));
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; i < days->len; i++)
    {
      const DmTimelineDay *day = g_ptr_array_index (days, i);

      if (!parse_day (day->date, &dates[i]))
        {
          if (n_skipped != NULL)
            *n_skipped += day->n_relations;
          continue;
        }
      if (!g_date_valid (&first) || g_date_compare (&dates[i], &first) < 0)
        first = dates[i];
      if (!g_date_valid (&last) || g_date_compare (&dates[i], &last) > 0)
        last = dates[i];
    }
  if (!g_date_valid (&first))
    {
      if (unit != NULL)
        *unit = DM_TIMELINE_DAY;
      return buckets;
    }

  chosen = dm_timeline_choose_unit (&first, &last);
  if (unit != NULL)
    *unit = chosen;

  start = first;
  bucket_start (&start, chosen);
  while (g_date_compare (&start, &last) <= 0)
    {
      DmTimelineBucket bucket = {0};

      bucket.first = start;
      bucket_next (&start, chosen);
      bucket.last = start;
      g_date_subtract_days (&bucket.last, 1);
      g_array_append_val (buckets, bucket);
    }

  /* days arrive oldest first, but a store's text order is not promised to be date order
   * for every spelling: look the bar up rather than walk along */
  for (guint i = 0; i < days->len; i++)
    {
      const DmTimelineDay *day = g_ptr_array_index (days, i);
      DmTimelineBucket *bucket;

      if (!g_date_valid (&dates[i]))
        continue;
      if (b >= buckets->len ||
          g_date_compare (&dates[i], &g_array_index (buckets, DmTimelineBucket, b).first) < 0)
        b = 0;
      while (g_date_compare (&dates[i], &g_array_index (buckets, DmTimelineBucket, b).last) > 0)
        b++;
      bucket = &g_array_index (buckets, DmTimelineBucket, b);
      bucket->n_relations += day->n_relations;
      for (guint f = 0; f < DM_N_FAMILIES; f++)
        bucket->by_family[f] += day->by_family[f];
    }

  return buckets;
}

char *
dm_timeline_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
