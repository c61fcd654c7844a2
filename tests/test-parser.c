/* test-parser.c — the shipped parser on sentences written for the test
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "parse-test-common.h"

#include "dm-parser-private.h"
#include "dm-perceptron-private.h"

typedef struct {
  const char *dependent;
  const char *head;       /* NULL: the root */
  const char *deprel;
} Arc;

static void
assert_arcs (const char *text,
             const Arc  *arcs,
             guint       n)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = analyse (text, TRUE, &doc);

  for (guint k = 0; k < n; k++)
    {
      const DmParseToken *t = parse_token (parse, find_token (doc, parse, arcs[k].dependent, -1));
      int head = arcs[k].head != NULL ? (int) find_token (doc, parse, arcs[k].head, -1) : -1;

      if (t->head != head || g_strcmp0 (dm_deprel_to_string (t->deprel), arcs[k].deprel) != 0)
        {
          g_autofree char *got = NULL;

          if (t->head >= 0)
            {
              gsize len;
              const char *h = dm_parse_token_text (doc, parse_token (parse, t->head), &len);

              got = g_strdup_printf ("%s ← %.*s", dm_deprel_to_string (t->deprel), (int) len, h);
            }
          else
            got = g_strdup_printf ("%s ← root", dm_deprel_to_string (t->deprel));
          g_error ("“%s” in “%s”: %s, expected %s ← %s", arcs[k].dependent, text, got,
                   arcs[k].deprel, arcs[k].head != NULL ? arcs[k].head : "root");
        }
    }
}

static void
test_subject_and_object (void)
{
  static const Arc arcs[] = {
    { "rejected", NULL, "root" }, { "committee", "rejected", "nsubj" },
    { "proposal", "rejected", "obj" }, { "The", "committee", "det" },
  };

  assert_arcs ("The committee rejected the proposal.", arcs, G_N_ELEMENTS (arcs));
}

static void
test_verb_after_noun_phrase (void)
{
  static const Arc arcs[] = {
    { "held", NULL, "root" }, { "minister", "held", "nsubj" }, { "talks", "held", "obj" },
    { "foreign", "minister", "amod" },
  };

  assert_arcs ("The foreign minister held talks in Rome.", arcs, G_N_ELEMENTS (arcs));
}

/* Who did what in news sentences: the subject of a past-tense verb, a subject and object
 * inside a reported clause, a participle clause between subject and verb. */
static void
test_news_subjects_and_objects (void)
{
  static const Arc signed_treaty[] = {
    { "signed", NULL, "root" }, { "president", "signed", "nsubj" },
    { "treaty", "signed", "obj" },
  };
  static const Arc said_met[] = {
    { "said", NULL, "root" }, { "Officials", "said", "nsubj" }, { "met", "said", "ccomp" },
    { "minister", "met", "nsubj" }, { "protesters", "met", "obj" },
  };
  static const Arc backed_attacked[] = {
    { "attacked", NULL, "root" }, { "army", "attacked", "nsubj" },
    { "town", "attacked", "obj" }, { "backed", "army", "acl" },
    { "Russia", "backed", "obl:agent" },
  };

  assert_arcs ("The president signed the treaty on Monday.",
               signed_treaty, G_N_ELEMENTS (signed_treaty));
  assert_arcs ("Officials said the minister met protesters.", said_met, G_N_ELEMENTS (said_met));
  assert_arcs ("The army, backed by Russia, attacked the town.",
               backed_attacked, G_N_ELEMENTS (backed_attacked));
}

static void
test_passive_agent (void)
{
  static const Arc arcs[] = {
    { "rejected", NULL, "root" }, { "proposal", "rejected", "nsubj:pass" },
    { "was", "rejected", "aux:pass" }, { "committee", "rejected", "obl:agent" },
    { "by", "committee", "case" },
  };

  assert_arcs ("The proposal was rejected by the committee.", arcs, G_N_ELEMENTS (arcs));
}

static void
test_possessive (void)
{
  static const Arc arcs[] = {
    { "minister", "plan", "nmod:poss" }, { "'s", "minister", "case" },
    { "plan", "angered", "nsubj" }, { "farmers", "angered", "obj" },
  };

  assert_arcs ("The minister's plan angered farmers.", arcs, G_N_ELEMENTS (arcs));
}

static void
test_prepositional_attachment (void)
{
  static const Arc to_verb[] = {
    { "withdrew", NULL, "root" }, { "army", "withdrew", "nsubj" },
    { "city", "withdrew", "obl" }, { "from", "city", "case" },
  };
  static const Arc to_noun[] = {
    { "council", "Members", "nmod" }, { "of", "council", "case" },
    { "Members", "voted", "nsubj" }, { "plan", "voted", "obl" }, { "against", "plan", "case" },
  };

  assert_arcs ("The army withdrew from the city.", to_verb, G_N_ELEMENTS (to_verb));
  assert_arcs ("Members of the council voted against the plan.", to_noun, G_N_ELEMENTS (to_noun));
}

static void
test_clitics_in_the_tree (void)
{
  static const Arc arcs[] = {
    { "trust", NULL, "root" }, { "They", "trust", "nsubj" }, { "do", "trust", "aux" },
    { "n't", "trust", "advmod" }, { "mayor", "trust", "obj" },
  };

  assert_arcs ("They don't trust the mayor.", arcs, G_N_ELEMENTS (arcs));
}

/* Every parsed sentence of @parse is a tree: one root, heads inside the sentence, no
 * cycles, every token labelled. */
static void
assert_trees (const DmParse *parse)
{
  for (guint s = 0; s < parse->sentences->len; s++)
    {
      const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);
      guint roots = 0;

      g_assert_true (ps->parsed);
      for (guint i = ps->first; i < ps->first + ps->n_tokens; i++)
        {
          int at = i;
          guint steps = 0;

          g_assert_cmpint (parse_token (parse, i)->deprel, <, DM_N_DEPRELS);
          if (parse_token (parse, i)->head < 0)
            {
              roots++;
              g_assert_cmpint (parse_token (parse, i)->deprel, ==, DM_DEP_ROOT);
              continue;
            }
          g_assert_cmpint (parse_token (parse, i)->head, >=, (int) ps->first);
          g_assert_cmpint (parse_token (parse, i)->head, <, (int) (ps->first + ps->n_tokens));
          g_assert_cmpint (parse_token (parse, i)->deprel, !=, DM_DEP_ROOT);
          while (at >= 0 && steps++ <= ps->n_tokens)
            at = parse_token (parse, at)->head;
          g_assert_cmpint (at, ==, -1);
        }
      g_assert_cmpuint (roots, ==, ps->n_tokens > 0 ? 1 : 0);
    }
}

/* Whatever the sentence, the result is a tree. */
static void
test_always_a_tree (void)
{
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmParse) parse = analyse (
    "Rain. The envoy, who had flown in from Geneva late on Monday, said the talks would "
    "resume -- unless, of course, either side walked out again. ( ) ; Yes! 12 34 56. "
    "Officials in the capital, the port and three border towns declined to comment.",
    TRUE, &doc);

  g_assert_cmpuint (parse->sentences->len, >=, 4);
  assert_trees (parse);
}

/* Junk of every kind (seeded, so a failure repeats): no crash, still trees. */
static void
test_hostile_text (void)
{
  static const char * const pieces[] = {
    "the", "The", "'s", "n't", "’", "can't", "U.S.", ".", ",", "!", "?", "--", "(", ")",
    "\"", "é", "日本", "\xf0\x9f\x98\x80", "12,000", "2.5", "x", "Mr.", "\n\n", " ", "\t",
    "and", "of", "was", "by", "said", "...", "-", "'", "states'", "cannot",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 400);
      g_autoptr(DmTextDoc) doc = NULL;
      g_autoptr(DmParse) parse = NULL;

      for (guint k = 0; k < n; k++)
        {
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          if (g_rand_boolean (rand))
            g_string_append_c (text, ' ');
        }
      parse = analyse (text->str, TRUE, &doc);
      assert_trees (parse);
    }
}

/* A parser model with weights for the one feature @key (of the right classes). */
static DmPerceptron *
model_with_feature (guint64 key)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char * const *names = dm_parser_class_names ();
  DmModelWriter *writer;
  DmPerceptron *model;

  for (guint k = 0; k < DM_PARSER_N_CLASSES; k++)
    g_ptr_array_add (classes, (gpointer) names[k]);
  writer = dm_model_writer_new ("parser", classes, NULL);
  dm_model_writer_begin_feature (writer, key);
  dm_model_writer_add_entry (writer, 1, 0.5f);
  dm_model_writer_end_feature (writer);
  bytes = dm_model_writer_finish (writer, &error);
  g_assert_no_error (error);
  model = dm_perceptron_load (bytes, "parser", &error);
  g_assert_no_error (error);
  return model;
}

/* The stack-verb templates are looked up only with a model that has weights for them: one
 * trained with them has them for their commonest instances ("no verb under the stack, a
 * noun next"); one trained before them has none, and skipping them changes no score. */
static void
test_stack_verb_templates (void)
{
  g_autoptr(DmPerceptron) with = model_with_feature (dm_parser_stack_verb_key ("-NONE-", "NN/NOUN"));
  g_autoptr(DmPerceptron) past = model_with_feature (dm_parser_stack_verb_key ("VBD/VERB", "DT/DET"));
  g_autoptr(DmPerceptron) rare = model_with_feature (dm_parser_stack_verb_key ("VBN/VERB", "UH/INTJ"));
  g_autoptr(DmPerceptron) without = model_with_feature (G_GUINT64_CONSTANT (0x5eed));

  g_assert_true (dm_parser_model_has_stack_verb (with));
  g_assert_true (dm_parser_model_has_stack_verb (past));
  /* only a rare instance: what no model trained with the templates looks like */
  g_assert_false (dm_parser_model_has_stack_verb (rare));
  g_assert_false (dm_parser_model_has_stack_verb (without));
}

/* A sentence parsed with the shipped model gives the arcs that the greedy loop over
 * dm_parser_features_for () gives: the word and tag hashes the parser computes once for the
 * sentence key the features as hashing them for each transition would. */
static void
test_kept_states_hash_as_features (void)
{
  static const char * const words[] = {
    "the", "minister", ",", "who", "had", "met", "his", "counterpart", "in", "paris", "on",
    "monday", ",", "said", "that", "the", "talks", "would", "not", "resume", "until",
    "both", "sides", "agreed", "to", "a", "ceasefire", ".",
  };
  static const char * const tags[] = {
    "DT/DET", "NN/NOUN", ",/PUNCT", "WP/PRON", "VBD/AUX", "VBN/VERB", "PRP$/PRON", "NN/NOUN",
    "IN/ADP", "NNP/PROPN", "IN/ADP", "NNP/PROPN", ",/PUNCT", "VBD/VERB", "IN/SCONJ",
    "DT/DET", "NNS/NOUN", "MD/AUX", "RB/PART", "VB/VERB", "IN/SCONJ", "DT/DET", "NNS/NOUN",
    "VBD/VERB", "IN/ADP", "DT/DET", "NN/NOUN", "./PUNCT",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/dramatis/models/parser.model",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(DmPerceptron) model = NULL;
  guint n = G_N_ELEMENTS (words);
  int heads[G_N_ELEMENTS (words)];
  DmDeprel labels[G_N_ELEMENTS (words)];
  gboolean allowed[DM_PARSER_N_CLASSES];
  DmParser *parser;
  DmParserState state;
  DmFeatures feats;
  gboolean stack_verb;
  guint n_transitions = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == G_N_ELEMENTS (tags));
  g_assert_no_error (error);
  model = dm_perceptron_load_built_in (bytes, "parser", &error);
  g_assert_no_error (error);
  stack_verb = dm_parser_model_has_stack_verb (model);
  parser = dm_parser_new_for_model (dm_perceptron_load_built_in (bytes, "parser", NULL), &error);
  g_assert_no_error (error);
  dm_parser_parse_words (parser, words, tags, n, heads, labels);

  dm_parser_state_init (&state, n);
  dm_features_init (&feats);
  while (!dm_parser_state_done (&state))
    {
      if (state.stack_len == 0)
        dm_parser_state_apply (&state, dm_parser_class (DM_MOVE_SHIFT, 0));
      else if (state.stack_len == 1 && state.buffer == n)
        dm_parser_state_apply (&state, dm_parser_class (DM_MOVE_LEFT, DM_DEP_ROOT));
      else
        {
          dm_parser_state_allowed (&state, allowed);
          dm_parser_features_for (&feats, &state, words, tags, stack_verb);
          dm_parser_state_apply (&state, dm_perceptron_predict (model, &feats, allowed));
          n_transitions++;
        }
    }
  g_assert_cmpuint (n_transitions, >, n);
  /* every arc but those to the root, which the parser then reduces to one */
  for (guint i = 0; i < n; i++)
    if (state.heads[i] != (int) n)
      {
        g_assert_cmpint (heads[i], ==, state.heads[i]);
        g_assert_cmpint (labels[i], ==, state.labels[i]);
      }
  dm_features_clear (&feats);
  dm_parser_state_clear (&state);
  dm_parser_free (parser);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/parser/subject-and-object", test_subject_and_object);
  g_test_add_func ("/dramatis/parser/verb-after-noun-phrase", test_verb_after_noun_phrase);
  g_test_add_func ("/dramatis/parser/news-subjects-and-objects", test_news_subjects_and_objects);
  g_test_add_func ("/dramatis/parser/passive-agent", test_passive_agent);
  g_test_add_func ("/dramatis/parser/possessive", test_possessive);
  g_test_add_func ("/dramatis/parser/prepositional-attachment", test_prepositional_attachment);
  g_test_add_func ("/dramatis/parser/clitics-in-the-tree", test_clitics_in_the_tree);
  g_test_add_func ("/dramatis/parser/always-a-tree", test_always_a_tree);
  g_test_add_func ("/dramatis/parser/hostile-text", test_hostile_text);
  g_test_add_func ("/dramatis/parser/stack-verb-templates", test_stack_verb_templates);
  g_test_add_func ("/dramatis/parser/kept-states-hash-as-features", test_kept_states_hash_as_features);
  return g_test_run ();
}
