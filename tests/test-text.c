/* test-text.c — tokens with code-point offsets and sentence splitting
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-text.h"

static char *
sentence_text (const DmTextDoc *doc,
               guint            i)
{
  const DmSentence *s = dm_text_doc_sentence (doc, i);

  return g_strndup (doc->text + s->start, s->end - s->start);
}

static void
assert_sentences (const char         *text,
                  const char * const *expected)
{
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, doc->sentences->len); i++)
    {
      g_autofree char *got = sentence_text (doc, i);

      g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (doc->sentences->len, ==, n);
}

static void
test_abbreviations (void)
{
  const char *text = "Gen. Joseph Votel met Mr. Smith in the U.S. on Jan. 5. The talks went well.";
  const char * const expected[] = {
    "Gen. Joseph Votel met Mr. Smith in the U.S. on Jan. 5.",
    "The talks went well.",
    NULL
  };

  assert_sentences (text, expected);
}

static void
test_initials_and_numbers (void)
{
  const char *text = "George W. Bush spent 2.5 billion dollars. No. 10 said 18,000 troops stay.";
  const char * const expected[] = {
    "George W. Bush spent 2.5 billion dollars.",
    "No. 10 said 18,000 troops stay.",
    NULL
  };
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  gboolean found_decimal = FALSE, found_thousands = FALSE;

  assert_sentences (text, expected);
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      g_autofree char *t = dm_text_doc_token_text (doc, i);

      found_decimal |= strcmp (t, "2.5") == 0;
      found_thousands |= strcmp (t, "18,000") == 0;
    }
  g_assert_true (found_decimal);
  g_assert_true (found_thousands);
}

static void
test_quotes (void)
{
  const char *text = "“To be clear, there will not be US troops,” he stated. \"It is over.\" Then he left!";
  const char * const expected[] = {
    "“To be clear, there will not be US troops,” he stated.",
    "\"It is over.\"",
    "Then he left!",
    NULL
  };

  assert_sentences (text, expected);
}

static void
test_dotted_abbreviation_ends_sentence (void)
{
  const char *text = "Troops returned to the U.S. The president welcomed them.";
  const char * const expected[] = {
    "Troops returned to the U.S.",
    "The president welcomed them.",
    NULL
  };

  assert_sentences (text, expected);
}

static void
test_line_breaks (void)
{
  const char *text = "Minister responds to the attack in Baghdad\n\nForeign Office Minister said:\n\nThe attack was horrific.\n";
  const char * const expected[] = {
    "Minister responds to the attack in Baghdad",
    "Foreign Office Minister said:",
    "The attack was horrific.",
    NULL
  };

  assert_sentences (text, expected);
}

static void
test_wrapped_lines (void)
{
  /* a hard-wrapped paragraph is one sentence */
  const char *text = "The foreign ministers of the two countries agreed on Tuesday to resume\n"
                     "talks on the disputed border.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));

  g_assert_cmpuint (doc->sentences->len, ==, 1);
}

static void
test_possessive_and_negation (void)
{
  const char *text = "Ukraine’s allies didn't agree with NATO's plan.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  const char * const expected[] = { "Ukraine", "’s", "allies", "did", "n't", "agree", "with", "NATO", "'s", "plan", ".", NULL };

  g_assert_cmpuint (doc->tokens->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *t = dm_text_doc_token_text (doc, i);

      g_assert_cmpstr (t, ==, expected[i]);
    }
}

static void
test_code_points (void)
{
  /* "Zelenskiy’s" has a three-byte apostrophe; an em-dash joins two words */
  const char *text = "Kyiv’s goal—restoring borders—is Zelenskiy’s.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  glong total = g_utf8_strlen (text, -1);

  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const DmToken *t = dm_text_doc_token (doc, i);
      g_autofree char *by_bytes = dm_text_doc_token_text (doc, i);
      const char *a = g_utf8_offset_to_pointer (text, t->cp_start);
      const char *b = g_utf8_offset_to_pointer (text, t->cp_end);

      g_assert_cmpint (b - a, ==, strlen (by_bytes));
      g_assert_cmpint (strncmp (a, by_bytes, b - a), ==, 0);
      g_assert_cmpuint (dm_text_doc_cp_offset (doc, t->start), ==, t->cp_start);
    }
  g_assert_cmpuint (dm_text_doc_token (doc, doc->tokens->len - 1)->cp_end, ==, total);

  /* the em-dash is a token of its own */
  {
    g_autofree char *t2 = dm_text_doc_token_text (doc, 3);

    g_assert_cmpstr (t2, ==, "—");
  }
}

static void
test_hyphens_and_apostrophes (void)
{
  const char *text = "Russian-occupied regions, al-Qa'ida and O'Brien's pre-2014 borders.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  const char * const expected[] = { "Russian-occupied", "regions", ",", "al-Qa'ida", "and", "O'Brien", "'s", "pre-2014", "borders", ".", NULL };

  g_assert_cmpuint (doc->tokens->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *t = dm_text_doc_token_text (doc, i);

      g_assert_cmpstr (t, ==, expected[i]);
    }
  g_assert_true (dm_text_doc_token (doc, 0)->capitalized);
  g_assert_false (dm_text_doc_token (doc, 1)->capitalized);
}

static void
test_empty_and_odd (void)
{
  g_autoptr(DmTextDoc) empty = dm_text_doc_new ("", 0);
  g_autoptr(DmTextDoc) spaces = dm_text_doc_new (" \n\t ", 4);
  g_autoptr(DmTextDoc) dots = dm_text_doc_new ("... ?!", 6);

  g_assert_cmpuint (empty->tokens->len, ==, 0);
  g_assert_cmpuint (empty->sentences->len, ==, 0);
  g_assert_cmpuint (spaces->tokens->len, ==, 0);
  g_assert_cmpuint (dots->sentences->len, >=, 1);
}

static void
test_all_caps (void)
{
  const char *text = "NATO and the UN met.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));

  g_assert_true (dm_text_doc_token (doc, 0)->all_caps);
  g_assert_false (dm_text_doc_token (doc, 2)->all_caps);
  g_assert_true (dm_text_doc_token (doc, 3)->all_caps);
}

/* A sentence's words copied in one block: each NUL-terminated, as written or in lower case
 * (a non-ASCII word through g_utf8_strdown (), even where that makes it longer), and none
 * for no words. */
static void
test_spans_dup (void)
{
  static const char text[] = "Mr. \xc3\x9c" "ber met \xc4\xb0STANBUL police";
  const DmTextSpan spans[] = {
    { text, 3 },          /* "Mr." */
    { text + 4, 5 },      /* "Über" */
    { text + 10, 3 },     /* "met" */
    { text + 14, 9 },     /* "İSTANBUL" */
  };
  g_autofree char **same = dm_text_spans_dup (spans, G_N_ELEMENTS (spans), FALSE);
  g_autofree char **lower = dm_text_spans_dup (spans, G_N_ELEMENTS (spans), TRUE);
  g_autofree char **none = dm_text_spans_dup (NULL, 0, TRUE);
  g_autofree char *istanbul = g_utf8_strdown ("\xc4\xb0STANBUL", -1);

  g_assert_cmpstr (same[0], ==, "Mr.");
  g_assert_cmpstr (same[1], ==, "\xc3\x9c" "ber");
  g_assert_cmpstr (same[3], ==, "\xc4\xb0STANBUL");
  g_assert_null (same[4]);
  g_assert_cmpstr (lower[0], ==, "mr.");
  g_assert_cmpstr (lower[1], ==, "\xc3\xbc" "ber");
  g_assert_cmpstr (lower[2], ==, "met");
  g_assert_cmpstr (lower[3], ==, istanbul);
  g_assert_cmpuint (strlen (lower[3]), >, spans[3].len);
  g_assert_null (lower[4]);
  g_assert_null (none[0]);
}

/* A word's lower case in a chunk: ASCII byte by byte (only the @len bytes asked for), other
 * text as g_utf8_strdown () makes it. */
static void
test_chunk_strdown (void)
{
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (64);
  g_autofree char *utf8 = g_utf8_strdown ("\xc3\x9c" "BER", -1);

  g_assert_cmpstr (dm_text_chunk_strdown (chunk, "NATO's", 6), ==, "nato's");
  g_assert_cmpstr (dm_text_chunk_strdown (chunk, "Kyiv, Ukraine", 4), ==, "kyiv");
  g_assert_cmpstr (dm_text_chunk_strdown (chunk, "\xc3\x9c" "BER", 5), ==, utf8);
  g_assert_cmpstr (dm_text_chunk_strdown (chunk, "", 0), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/text/abbreviations", test_abbreviations);
  g_test_add_func ("/dramatis/text/initials-and-numbers", test_initials_and_numbers);
  g_test_add_func ("/dramatis/text/quotes", test_quotes);
  g_test_add_func ("/dramatis/text/dotted-abbreviation-ends-sentence", test_dotted_abbreviation_ends_sentence);
  g_test_add_func ("/dramatis/text/line-breaks", test_line_breaks);
  g_test_add_func ("/dramatis/text/wrapped-lines", test_wrapped_lines);
  g_test_add_func ("/dramatis/text/possessive-and-negation", test_possessive_and_negation);
  g_test_add_func ("/dramatis/text/code-points", test_code_points);
  g_test_add_func ("/dramatis/text/hyphens-and-apostrophes", test_hyphens_and_apostrophes);
  g_test_add_func ("/dramatis/text/empty-and-odd", test_empty_and_odd);
  g_test_add_func ("/dramatis/text/all-caps", test_all_caps);
  g_test_add_func ("/dramatis/text/spans-dup", test_spans_dup);
  g_test_add_func ("/dramatis/text/chunk-strdown", test_chunk_strdown);
  return g_test_run ();
}
