/* test-tagger.c — the shipped tagger on sentences written for the test
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parse-test-common.h"

typedef struct {
  const char *word;
  const char *upos;
  const char *xpos;   /* NULL: not checked */
} Expected;

static void
assert_tags (const char     *text,
             const Expected *expected,
             guint           n)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = analyse (text, FALSE, &doc);
  int at = -1;

  for (guint k = 0; k < n; k++)
    {
      const DmParseToken *t;

      at = find_token (doc, parse, expected[k].word, at);
      t = parse_token (parse, at);
      if (g_strcmp0 (dm_upos_to_string (t->upos), expected[k].upos) != 0 ||
          (expected[k].xpos != NULL && g_strcmp0 (dm_xpos_to_string (t->xpos), expected[k].xpos) != 0))
        g_error ("“%s” in “%s”: %s/%s, expected %s/%s", expected[k].word, text,
                 dm_upos_to_string (t->upos), dm_xpos_to_string (t->xpos),
                 expected[k].upos, expected[k].xpos != NULL ? expected[k].xpos : "*");
    }
}

static void
test_plain_sentence (void)
{
  static const Expected expected[] = {
    { "The", "DET", "DT" }, { "minister", "NOUN", "NN" }, { "'s", "PART", "POS" },
    /* Past or participle after a noun ("plan angered" / "plan angered by") is where the
     * tagger errs most: the parser tests check that the tree comes out right anyway. */
    { "plan", "NOUN", "NN" }, { "angered", "VERB", NULL }, { "farmers", "NOUN", "NNS" },
    { "in", "ADP", "IN" }, { "Kent", "PROPN", "NNP" }, { ".", "PUNCT", "." },
  };

  assert_tags ("The minister's plan angered farmers in Kent.", expected, G_N_ELEMENTS (expected));
}

static void
test_passive_and_auxiliaries (void)
{
  static const Expected expected[] = {
    { "treaty", "NOUN", NULL }, { "was", "AUX", "VBD" }, { "signed", "VERB", "VBN" },
    { "by", "ADP", "IN" }, { "both", "DET", NULL }, { "governments", "NOUN", "NNS" },
  };

  assert_tags ("The treaty was signed by both governments.", expected, G_N_ELEMENTS (expected));
}

/* A rare irregular past after a noun is a verb, not a compound noun. */
static void
test_verb_after_noun (void)
{
  static const Expected expected[] = {
    { "minister", "NOUN", "NN" }, { "held", "VERB", "VBD" }, { "talks", "NOUN", "NNS" },
    { "envoys", "NOUN", "NNS" }, { "met", "VERB", "VBD" }, { "rebels", "NOUN", "NNS" },
  };

  assert_tags ("The foreign minister held talks in Rome. Two envoys met rebels there.",
               expected, G_N_ELEMENTS (expected));
}

/* News sentences where past tense and participle decide who acted: a subject before a
 * verb without an auxiliary makes a past tense, "backed by", "have seized", "who had met"
 * a participle. */
static void
test_past_or_participle (void)
{
  static const Expected signed_treaty[] = {
    { "president", "NOUN", "NN" }, { "signed", "VERB", "VBD" }, { "treaty", "NOUN", "NN" },
  };
  static const Expected said_met[] = {
    { "said", "VERB", "VBD" }, { "minister", "NOUN", "NN" }, { "met", "VERB", "VBD" },
    { "protesters", "NOUN", "NNS" },
  };
  static const Expected backed_attacked[] = {
    { "backed", "VERB", "VBN" }, { "Russia", "PROPN", "NNP" }, { "attacked", "VERB", "VBD" },
  };
  static const Expected have_seized[] = {
    { "Rebels", "NOUN", "NNS" }, { "have", "AUX", "VBP" }, { "seized", "VERB", "VBN" },
  };
  static const Expected had_met[] = {
    { "had", "AUX", "VBD" }, { "met", "VERB", "VBN" },
  };
  static const Expected arrested_accused[] = {
    { "arrested", "VERB", "VBD" }, { "accused", "VERB", "VBN" },
  };

  assert_tags ("The president signed the treaty on Monday.",
               signed_treaty, G_N_ELEMENTS (signed_treaty));
  assert_tags ("Officials said the minister met protesters.", said_met, G_N_ELEMENTS (said_met));
  assert_tags ("The army, backed by Russia, attacked the town.",
               backed_attacked, G_N_ELEMENTS (backed_attacked));
  assert_tags ("Rebels have seized the airport.", have_seized, G_N_ELEMENTS (have_seized));
  assert_tags ("The envoy, who had met the rebels, left Kabul.", had_met, G_N_ELEMENTS (had_met));
  assert_tags ("Police arrested two men accused of smuggling weapons.",
               arrested_accused, G_N_ELEMENTS (arrested_accused));
}

static void
test_clitics_are_tagged_apart (void)
{
  static const Expected expected[] = {
    { "They", "PRON", "PRP" }, { "do", "AUX", "VBP" }, { "n't", "PART", "RB" },
    { "trust", "VERB", "VB" }, { "the", "DET", "DT" }, { "governor", "NOUN", "NN" },
    { "'s", "PART", "POS" }, { "office", "NOUN", "NN" },
  };

  assert_tags ("They don't trust the governor's office.", expected, G_N_ELEMENTS (expected));
}

static void
test_every_token_tagged (void)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = analyse ("Rain fell. Then, at 6 p.m., the U.S. envoy left Kabul!",
                                      FALSE, &doc);

  g_assert_cmpuint (parse->sentences->len, ==, 2);
  for (guint i = 0; i < parse->tokens->len; i++)
    {
      g_assert_cmpint (parse_token (parse, i)->upos, !=, DM_UPOS_X);
      g_assert_cmpuint (parse_token (parse, i)->xpos, !=, 0);
    }
  g_assert_cmpstr (dm_upos_to_string (parse_token (parse, find_token (doc, parse, "Kabul", -1))->upos),
                   ==, "PROPN");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/tagger/plain-sentence", test_plain_sentence);
  g_test_add_func ("/dramatis/tagger/passive-and-auxiliaries", test_passive_and_auxiliaries);
  g_test_add_func ("/dramatis/tagger/verb-after-noun", test_verb_after_noun);
  g_test_add_func ("/dramatis/tagger/past-or-participle", test_past_or_participle);
  g_test_add_func ("/dramatis/tagger/clitics-are-tagged-apart", test_clitics_are_tagged_apart);
  g_test_add_func ("/dramatis/tagger/every-token-tagged", test_every_token_tagged);
  return g_test_run ();
}
