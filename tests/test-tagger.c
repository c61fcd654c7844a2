/* test-tagger.c — the shipped tagger on sentences written for the test
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-lexicon.h"
#include "dm-name-tags.h"
#include "dm-perceptron.h"
#include "dm-recognizer.h"
#include "dm-tagger-private.h"
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

/* Tags and parses @text the way the extractor does: the words of the names the recognizer
 * finds are marked for the tagger (or not, with @names FALSE, to see the tagger alone). */
static DmParse *
analyse_names (const char  *text,
               gboolean     names,
               DmTextDoc  **doc)
{
  g_autoptr(GError) error = NULL;
  const DmModels *models = dm_models_get_default (&error);
  g_autoptr(DmRecognition) r = NULL;
  DmParse *parse;

  g_assert_no_error (error);
  *doc = dm_text_doc_new (text, strlen (text));
  r = dm_recognize (dm_lexicon_get_default (), *doc);
  parse = dm_parse_tokens_new (*doc);
  for (guint s = 0; s < parse->sentences->len; s++)
    {
      const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);
      g_autofree gboolean *marks = g_new (gboolean, MAX (1, ps->n_tokens));

      dm_name_tags_mark (r, parse, s, marks);
      dm_tagger_tag (models->tagger, *doc, parse, s, names ? marks : NULL);
      dm_parser_parse (models->parser, *doc, parse, s);
    }
  return parse;
}

/* The word @word of @text and the relation to its head, tagged and parsed as the extractor
 * does. */
static void
assert_subject_name (const char *text,
                     const char *word,
                     const char *deprel,
                     const char *head_word)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = analyse_names (text, TRUE, &doc);
  const DmParseToken *t = parse_token (parse, find_token (doc, parse, word, -1));

  g_assert_cmpstr (dm_upos_to_string (t->upos), ==, "PROPN");
  g_assert_cmpstr (dm_xpos_to_string (t->xpos), ==, "NNP");
  g_assert_cmpstr (dm_deprel_to_string (t->deprel), ==, deprel);
  g_assert_cmpint (t->head, ==, (int) find_token (doc, parse, head_word, -1));
}

static void
test_names_are_proper_nouns (void)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = NULL;

  /* Alone, the tagger reads an unknown given name opening a sentence as a verb, and a
   * country there as an adverb; the parser then hangs the sentence on them. */
  assert_subject_name ("Ahmed Mohamed was arrested by police at his school.",
                       "Ahmed", "nsubj:pass", "arrested");
  assert_subject_name ("Italy urged Libya to stop the boats.", "Italy", "nsubj", "urged");

  /* Without the names, the same sentence is tagged by the model alone. */
  parse = analyse_names ("Italy urged Libya to stop the boats.", FALSE, &doc);
  g_assert_cmpint (parse_token (parse, find_token (doc, parse, "urged", -1))->upos, ==, DM_UPOS_VERB);
}

static void
test_what_names_mark (void)
{
  static const char text[] = "Syrian refugees thanked the University of Texas, "
                             "Houthi rebels and Jordan's king. The Kenyan government agreed.";
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  g_autoptr(DmRecognition) r = dm_recognize (dm_lexicon_get_default (), doc);
  g_autoptr(DmParse) parse = dm_parse_tokens_new (doc);
  g_autoptr(GString) marked = g_string_new (NULL);

  for (guint s = 0; s < parse->sentences->len; s++)
    {
      const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);
      g_autofree gboolean *marks = g_new (gboolean, ps->n_tokens);

      dm_name_tags_mark (r, parse, s, marks);
      for (guint i = 0; i < ps->n_tokens; i++)
        if (marks[i])
          {
            gsize len;
            const char *w = dm_parse_token_text (doc, parse_token (parse, ps->first + i), &len);

            g_string_append_printf (marked, "%s%.*s", marked->len > 0 ? " " : "", (int) len, w);
          }
    }
  /* Not a demonym used as an adjective, a small word inside a name, nor a clitic. */
  g_assert_cmpstr (marked->str, ==, "University Texas Houthi Jordan");
}

/* The dictionary's tags are the model's classes by their whole name: "NN" is not "NNP", and a
 * tag that is only the start of a class's name is unknown. */
static void
test_dictionary_names_classes (void)
{
  static const char * const tags[] = { "NNP/PROPN", "NN/NOUN", "NNS/NOUN", NULL };
  /* the section names the key scheme, then the dictionary follows */
  static const char dictionary[] = DM_TAGGER_KEYS "paris\tNNP/PROPN\ndogs\tNNS/NOUN\ndog\tNN/NOUN\n";
  static const char cut[] = DM_TAGGER_KEYS "paris\tNN/NOU\n";
  g_autoptr(DmPerceptronTrainer) trainer = dm_perceptron_trainer_new (tags);
  g_autoptr(GBytes) extra = g_bytes_new_static (dictionary, strlen (dictionary));
  g_autoptr(GBytes) cut_extra = g_bytes_new_static (cut, strlen (cut));
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "tagger", extra, 0.0f);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "tagger", &error);
  g_autoptr(GHashTable) dict = NULL;

  g_assert_no_error (error);
  dict = dm_tagger_dictionary_parse (extra, model, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (dict, "paris")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (dict, "dog")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (dict, "dogs")), ==, 3);
  g_assert_null (dm_tagger_dictionary_parse (cut_extra, model, &error));
  g_assert_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "NN/NOU"));
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
  g_test_add_func ("/dramatis/tagger/names-are-proper-nouns", test_names_are_proper_nouns);
  g_test_add_func ("/dramatis/tagger/what-names-mark", test_what_names_mark);
  g_test_add_func ("/dramatis/tagger/dictionary-names-classes", test_dictionary_names_classes);
  return g_test_run ();
}
