/* test-parse-tokens.c — article tokens split into UD tokens (clitics off their hosts)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-parse-tokens.h"
#include "dm-text.h"

static char *
joined_tokens (const char *text)
{
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  g_autoptr(DmParse) parse = dm_parse_tokens_new (doc);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (parse->sentences->len, ==, doc->sentences->len);
  for (guint s = 0; s < parse->sentences->len; s++)
    {
      const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);

      if (s > 0)
        g_string_append (out, " ||");
      for (guint i = ps->first; i < ps->first + ps->n_tokens; i++)
        {
          const DmParseToken *pt = &g_array_index (parse->tokens, DmParseToken, i);
          const DmToken *host = dm_text_doc_token (doc, pt->token);
          gsize len;
          const char *p = dm_parse_token_text (doc, pt, &len);

          /* Each piece lies inside the article token it points back to. */
          g_assert_cmpuint (pt->start, >=, host->start);
          g_assert_cmpuint (pt->end, <=, host->end);
          g_assert_cmpint (pt->head, ==, -1);
          g_assert_false (ps->parsed);
          g_string_append_printf (out, "%s%.*s", out->len > 0 ? " " : "", (int) len, p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_clitics (void)
{
  struct { const char *text, *tokens; } cases[] = {
    { "They're sure the mayor can't go.", "They 're sure the mayor ca n't go ." },
    { "We cannot say what I'd do, you'll see, I'm told.",
      "We can not say what I 'd do , you 'll see , I 'm told ." },
    { "Trump's aides don't know the states' plans.",
      "Trump 's aides do n't know the states ' plans ." },
    { "It’s the voters’ choice, O'Brien said; they’ve won’t.",
      "It ’s the voters ’ choice , O'Brien said ; they ’ve wo n’t ." },
    { "Rock'n'roll. Ma'am.", "Rock'n'roll . || Ma'am ." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = joined_tokens (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

static void
test_split_word (void)
{
  guint cuts[2];

  g_assert_cmpuint (dm_parse_tokens_split_word ("isn't", 5, cuts), ==, 2);
  g_assert_cmpuint (cuts[0], ==, 2);
  g_assert_cmpuint (dm_parse_tokens_split_word ("shouldn't've", 12, cuts), ==, 3);
  g_assert_cmpuint (cuts[0], ==, 6);
  g_assert_cmpuint (cuts[1], ==, 9);
  g_assert_cmpuint (dm_parse_tokens_split_word ("'s", 2, cuts), ==, 1);
  g_assert_cmpuint (dm_parse_tokens_split_word ("'", 1, cuts), ==, 1);
  g_assert_cmpuint (dm_parse_tokens_split_word ("n't", 3, cuts), ==, 1);
  g_assert_cmpuint (dm_parse_tokens_split_word ("1980s", 5, cuts), ==, 1);
  g_assert_cmpuint (dm_parse_tokens_split_word ("Ma'am", 5, cuts), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/parse-tokens/clitics", test_clitics);
  g_test_add_func ("/dramatis/parse-tokens/split-word", test_split_word);
  return g_test_run ();
}
