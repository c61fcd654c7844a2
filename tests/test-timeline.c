/* test-timeline.c — relations per day summed into a timeline's bars
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-timeline.h"

static void
add_day (GPtrArray       *days,
         const char      *date,
         DmClassFamily    family,
         guint            n)
{
  DmTimelineDay *day = g_new0 (DmTimelineDay, 1);

  day->date = g_strdup (date);
  day->n_relations = n;
  day->by_family[family] = n;
  g_ptr_array_add (days, day);
}

static char *
bucket_first (GArray *buckets,
              guint   i)
{
  return dm_timeline_format_date (&g_array_index (buckets, DmTimelineBucket, i).first);
}

static char *
bucket_last (GArray *buckets,
             guint   i)
{
  return dm_timeline_format_date (&g_array_index (buckets, DmTimelineBucket, i).last);
}

/* Days a few weeks apart: a bar a day, the empty days kept as gaps. */
static void
test_days (void)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_timeline_day_free);
  g_autoptr(GArray) buckets = NULL;
  g_autofree char *first = NULL, *last = NULL;
  DmTimelineUnit unit = DM_TIMELINE_MONTH;
  const DmTimelineBucket *b;

  add_day (days, "2025-03-12", 0, 3);
  add_day (days, "2025-03-14", 1, 2);
  add_day (days, "2025-04-01", 0, 1);

  buckets = dm_timeline_buckets (days, &unit, NULL);
  g_assert_cmpint (unit, ==, DM_TIMELINE_DAY);
  g_assert_cmpuint (buckets->len, ==, 21);
  b = &g_array_index (buckets, DmTimelineBucket, 0);
  g_assert_cmpuint (b->n_relations, ==, 3);
  g_assert_cmpuint (b->by_family[0], ==, 3);
  g_assert_cmpuint (g_array_index (buckets, DmTimelineBucket, 1).n_relations, ==, 0);
  b = &g_array_index (buckets, DmTimelineBucket, 2);
  g_assert_cmpuint (b->n_relations, ==, 2);
  g_assert_cmpuint (b->by_family[1], ==, 2);
  g_assert_cmpuint (g_array_index (buckets, DmTimelineBucket, 20).n_relations, ==, 1);
  first = bucket_first (buckets, 20);
  last = bucket_last (buckets, 20);
  g_assert_cmpstr (first, ==, "2025-04-01");
  g_assert_cmpstr (last, ==, "2025-04-01");
}

/* Months apart: weeks from Monday to Sunday. */
static void
test_weeks (void)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_timeline_day_free);
  g_autoptr(GArray) buckets = NULL;
  g_autofree char *first = NULL, *last = NULL, *end = NULL;
  DmTimelineUnit unit = DM_TIMELINE_DAY;
  guint total = 0;

  add_day (days, "2026-02-24", 0, 4);   /* a Tuesday */
  add_day (days, "2026-03-01", 2, 1);   /* the Sunday of the same week */
  add_day (days, "2026-07-07", 1, 5);

  buckets = dm_timeline_buckets (days, &unit, NULL);
  g_assert_cmpint (unit, ==, DM_TIMELINE_WEEK);
  first = bucket_first (buckets, 0);
  last = bucket_last (buckets, 0);
  g_assert_cmpstr (first, ==, "2026-02-23");
  g_assert_cmpstr (last, ==, "2026-03-01");
  g_assert_cmpuint (g_array_index (buckets, DmTimelineBucket, 0).n_relations, ==, 5);
  end = bucket_last (buckets, buckets->len - 1);
  g_assert_cmpstr (end, ==, "2026-07-12");
  g_assert_cmpuint (g_array_index (buckets, DmTimelineBucket, buckets->len - 1).by_family[1], ==, 5);
  for (guint i = 0; i < buckets->len; i++)
    total += g_array_index (buckets, DmTimelineBucket, i).n_relations;
  g_assert_cmpuint (total, ==, 10);
}

/* Years apart: months; dates that are not days are left out and counted. */
static void
test_months_and_bad_dates (void)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_timeline_day_free);
  g_autoptr(GArray) buckets = NULL;
  g_autofree char *first = NULL, *last = NULL;
  DmTimelineUnit unit = DM_TIMELINE_DAY;
  guint n_skipped = 0;

  add_day (days, "2023-01-31", 0, 1);
  add_day (days, "2024", 0, 7);
  add_day (days, "2025-02-30", 0, 2);
  add_day (days, "2025-12-02", 0, 1);

  buckets = dm_timeline_buckets (days, &unit, &n_skipped);
  g_assert_cmpint (unit, ==, DM_TIMELINE_MONTH);
  g_assert_cmpuint (n_skipped, ==, 9);
  g_assert_cmpuint (buckets->len, ==, 36);
  first = bucket_first (buckets, 0);
  last = bucket_last (buckets, 1);
  g_assert_cmpstr (first, ==, "2023-01-01");
  g_assert_cmpstr (last, ==, "2023-02-28");
}

static void
test_no_days (void)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_timeline_day_free);
  g_autoptr(GArray) buckets = NULL;

  add_day (days, "not a date", 0, 2);
  buckets = dm_timeline_buckets (days, NULL, NULL);
  g_assert_cmpuint (buckets->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/timeline/days", test_days);
  g_test_add_func ("/dramatis/timeline/weeks", test_weeks);
  g_test_add_func ("/dramatis/timeline/months-and-bad-dates", test_months_and_bad_dates);
  g_test_add_func ("/dramatis/timeline/no-days", test_no_days);

  return g_test_run ();
}
