/* test-dateline.c — datelines and bylines read into an article's date; non-dates refused
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-article.h"
#include "dm-import.h"
#include "dm-dateline.h"

static const struct {
  const char *text;
  const char *date;   /* NULL: no date */
} cases[] = {
  /* datelines */
  { "KUALA LUMPUR, April 15, 2026 — Malaysia's prime minister said on Wednesday…", "2026-04-15" },
  { "LONDON, 12 March 2025 — The Conservative Party criticised Labour.", "2025-03-12" },
  { "LONDON, 12 March 2025 - The party said.", "2025-03-12" },
  { "WASHINGTON, Jan. 3, 2024 -- Senators met.", "2024-01-03" },
  { "Paris, 1er mai 2025 — Le président…", NULL },
  { "BERLIN (Reuters), 5 Sept 2023 – Germany said.", "2023-09-05" },
  { "RIO DE JANEIRO, Sunday, October 6, 2024 — Voters went to the polls.", "2024-10-06" },
  { "TOKYO, March 3rd, 2022 — Japan said.", "2022-03-03" },
  { "NEW DELHI, 14th of February 2021: India announced.", "2021-02-14" },
  { "MOSCOW, Feb 24, 2022 05:30 GMT — Russia launched…", "2022-02-24" },
  { "Headline of the day\n\nGENEVA, 2 June 2020 — Talks resumed.", "2020-06-02" },
  /* bylines and date lines */
  { "Ministers meet in Brussels\nBy Jane Doe | March 12, 2025\n\nMinisters met.", "2025-03-12" },
  { "Ministers meet\nPublished: 12 March 2025 10:04 GMT\n\nText.", "2025-03-12" },
  { "Ministers meet\nPosted on 2025-03-12\n\nText.", "2025-03-12" },
  { "Ministers meet\nUpdated 14 March 2025\nPublished 12 March 2025\n\nText.", "2025-03-12" },
  { "Ministers meet\nLast updated: Fri 14 Mar 2025\n\nText.", "2025-03-14" },
  { "Ministers meet\nMonday, 12 May 2025\n\nText.", "2025-05-12" },
  { "Ministers meet\n2025-05-12 09:00\n\nText.", "2025-05-12" },
  { "\xEF\xBB\xBFMADRID, 7 July 2019 — Spain said.", "2019-07-07" },
  /* not dates, or not the article's */
  { "Ministers meet\nPublished 3 hours ago\n\nText.", NULL },
  { "Ministers meet\nUpdated yesterday\n\nText.", NULL },
  { "WASHINGTON — Senators met on Tuesday.", NULL },
  { "WASHINGTON (AP) — Senators met on March 3, 2024.", NULL },
  { "On March 12, 2025, the minister said the talks would go on.", NULL },
  { "The talks, held on 12 March 2025 — a Wednesday — went well.", NULL },
  { "Ministers meet\nPublished 03/04/2025\n\nText.", NULL },
  { "LONDON, 31 February 2025 — A date that does not exist.", NULL },
  { "LONDON, 12 Marchland 2025 — Not a month.", NULL },
  { "LONDON, 12 March 25 — A two-digit year.", NULL },
  { "", NULL },
  { "2025", NULL },
  { "Line one\nLine two\nLine three\nLine four\nLine five\nLine six\nLine seven\nLine eight\n"
    "Line nine\nPublished 12 March 2025\n", NULL },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = dm_dateline_find (cases[i].text, -1);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

/* The head of a long text is read, and a long text costs no more than its head. */
static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new ("SANTIAGO, 9 August 2018 — ");
  g_autofree char *date = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "Chile said many things. ");
  date = dm_dateline_find (text->str, text->len);
  g_assert_cmpstr (date, ==, "2018-08-09");

  /* a multi-byte character at the cut does not hide the dateline */
  g_string_assign (text, "SANTIAGO, 9 August 2018 — ");
  for (guint i = 0; i < 400; i++)
    g_string_append (text, "é");
  g_free (date);
  date = dm_dateline_find (text->str, text->len);
  g_assert_cmpstr (date, ==, "2018-08-09");
}

/* The importers fill the article's date from it: plain text and HTML without a date of
 * their own. */
static void
test_importers (void)
{
  static const char text[] = "Ministers meet\n\nLONDON, 12 March 2025 — The ministers met.\n";
  static const char html[] =
    "<!DOCTYPE html><html><head><title>Ministers meet</title></head><body><article>"
    "<h1>Ministers meet</h1><p>BRUSSELS, April 15, 2026 — The ministers met and talked about "
    "the budget for a long time, and then they talked about it again.</p>"
    "<p>They agreed on nothing, and said they would meet again next week to agree.</p>"
    "</article></body></html>";
  static const char html_dated[] =
    "<!DOCTYPE html><html><head><title>Ministers meet</title>"
    "<meta property=\"article:published_time\" content=\"2026-04-16T08:00:00Z\"></head>"
    "<body><article><p>BRUSSELS, April 15, 2026 — The ministers met and talked about "
    "the budget for a long time, and then they talked about it again.</p></article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  bytes = g_bytes_new_static (text, strlen (text));
  articles = dm_import_load_bytes ("a.txt", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((DmArticle *) g_ptr_array_index (articles, 0))->date, ==, "2025-03-12");
  g_clear_pointer (&articles, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static (html, strlen (html));
  articles = dm_import_load_bytes ("a.html", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((DmArticle *) g_ptr_array_index (articles, 0))->date, ==, "2026-04-15");
  g_clear_pointer (&articles, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* the page's own date comes first */
  bytes = g_bytes_new_static (html_dated, strlen (html_dated));
  articles = dm_import_load_bytes ("b.html", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((DmArticle *) g_ptr_array_index (articles, 0))->date, ==, "2026-04-16");
}

/* The dateline's place is found (dated or not) so that the extractor does not take it for an
 * actor of the first sentence; headlines and sentences that merely start with a name are not
 * datelines. */
static void
test_place (void)
{
  static const char *long_tail =
    " officials from both governments met on Wednesday to discuss the trade agreement"
    " that has been under negotiation for more than two years.";
  static const struct {
    const char *head;
    const char *place;   /* NULL: no dateline */
  } place_cases[] = {
    { "Ministers meet\n\nKUALA LUMPUR, April 15, 2026 \xE2\x80\x94", "KUALA LUMPUR" },
    { "LONDON (Reuters), 12 March 2025 -", "LONDON" },
    { "Kyiv, 3 May 2025 \xE2\x80\x93", "Kyiv" },
    { "Talks resume\nWASHINGTON (Reuters) -", "WASHINGTON" },
    { "KYIV, Ukraine \xE2\x80\x94", "KYIV" },
    { "ST. PETERSBURG \xE2\x80\x94", "ST. PETERSBURG" },
    { "S\xC3\x83O PAULO \xE2\x80\x94", "S\xC3\x83O PAULO" },
    { "JERUSALEM/CAIRO, Aug 20 (Reuters) -", "JERUSALEM/CAIRO" },
    { "PORT SUDAN, Sudan, June 12 (Reuters) -", "PORT SUDAN" },
    /* not datelines */
    { "NATO: allies agree", NULL },
    { "US-led forces and", NULL },
    { "Russia \xE2\x80\x94 the largest country \xE2\x80\x94 and", NULL },
    { "The minister said that", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (place_cases); i++)
    {
      g_autofree char *text = g_strconcat (place_cases[i].head, long_tail, NULL);
      gsize start = 0, end = 0;
      gboolean found = dm_dateline_place (text, strlen (text), &start, &end);

      g_test_message ("%s", place_cases[i].head);
      g_assert_cmpint (found, ==, place_cases[i].place != NULL);
      if (found)
        {
          g_autofree char *place = g_strndup (text + start, end - start);

          g_assert_cmpstr (place, ==, place_cases[i].place);
        }
    }

  /* a short undated line is a headline, not a dateline */
  {
    gsize start, end;

    g_assert_false (dm_dateline_place ("NATO \xE2\x80\x94 what next\n\nThe allies met.", 32,
                                       &start, &end));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/dateline/cases", test_cases);
  g_test_add_func ("/dramatis/dateline/long-text", test_long_text);
  g_test_add_func ("/dramatis/dateline/importers", test_importers);
  g_test_add_func ("/dramatis/dateline/place", test_place);

  return g_test_run ();
}
