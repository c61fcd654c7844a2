/* test-relations.c — each tree rule of dm-relations.c, one sentence at a time
 *
 * The fixtures (tests/fixtures/parse/<rule>.conllu) are sentences written for these tests,
 * each with a hand-made Universal Dependencies tree and its expected relations in comments:
 *     # relation = Source -> Target CLASS [negated] [quoted]
 *     # relations = none
 * A sentence's text goes through the real tokenizer, recognizer and parse tokens; the tree
 * of the fixture takes the place of the parser's, so each test checks the rules alone. A
 * fixture with the line "# tree-only" runs without the word-order rules after the tree
 * (DRAMATIS_TREE_ONLY), for what the tree must find by itself.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-conllu.h"
#include "dm-parse-tokens.h"
#include "dm-relations-private.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The expected relations of each sentence block of @data, in order: a GPtrArray of sorted
 * string arrays. */
static GPtrArray *
expected_relations (const char *data)
{
  g_auto(GStrv) blocks = g_regex_split_simple ("\\n\\s*\\n", data, 0, 0);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint b = 0; blocks[b] != NULL; b++)
    {
      g_auto(GStrv) lines = g_strsplit (blocks[b], "\n", -1);
      GPtrArray *expected = g_ptr_array_new_with_free_func (g_free);
      gboolean has_words = FALSE, said = FALSE;

      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (g_str_has_prefix (lines[l], "# relation = "))
            {
              g_ptr_array_add (expected, g_strdup (lines[l] + strlen ("# relation = ")));
              said = TRUE;
            }
          else if (strcmp (lines[l], "# relations = none") == 0)
            said = TRUE;
          else if (g_ascii_isdigit (lines[l][0]))
            has_words = TRUE;
        }
      if (!has_words)
        {
          g_ptr_array_unref (expected);
          continue;
        }
      g_assert_true (said);      /* every fixture sentence says what it expects */
      g_ptr_array_sort (expected, compare_strings);
      g_ptr_array_add (all, expected);
    }
  return all;
}


/* Lays the fixture's tree over the parse tokens of @doc's single sentence. */
static DmParse *
parse_from_fixture (const DmTextDoc        *doc,
                    const DmConlluSentence *sentence)
{
  DmParse *parse = dm_parse_tokens_new (doc);
  DmParseSentence *ps;

  g_assert_cmpuint (parse->sentences->len, ==, 1);
  ps = &g_array_index (parse->sentences, DmParseSentence, 0);
  g_assert_cmpuint (ps->n_tokens, ==, sentence->words->len);
  for (guint i = 0; i < ps->n_tokens; i++)
    {
      DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);
      const DmConlluWord *w = dm_conllu_word (sentence, i);
      g_autofree char *text = g_strndup (doc->text + t->start, t->end - t->start);

      g_assert_cmpstr (text, ==, w->form);
      t->upos = dm_upos_from_string (w->upos);
      t->deprel = dm_deprel_from_string (w->deprel);
      t->head = w->head == 0 ? -1 : (int) ps->first + w->head - 1;
    }
  ps->parsed = TRUE;
  return parse;
}

static GPtrArray *
relations_of (const char             *text,
              const DmConlluSentence *sentence)
{
  g_autoptr(DmAnalysis) analysis = dm_analysis_new (dm_article_new ("fixture.txt", text, -1));
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (analysis->article->text, analysis->article->text_len);
  g_autoptr(DmRecognition) r = dm_recognize (dm_lexicon_get_default (), doc);
  g_autoptr(DmParse) parse = parse_from_fixture (doc, sentence);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  dm_relations_extract (r, parse, analysis);
  for (guint i = 0; i < analysis->relations->len; i++)
    {
      const DmRelation *rel = g_ptr_array_index (analysis->relations, i);

      g_ptr_array_add (found, g_strdup_printf ("%s -> %s %s%s%s", rel->source, rel->target,
                                               dm_relation_class_to_string (rel->klass),
                                               rel->negated ? " negated" : "",
                                               rel->quoted ? " quoted" : ""));
    }
  g_ptr_array_sort (found, compare_strings);
  return found;
}

static void
test_fixture (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) expected = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  sentences = dm_conllu_parse (contents, strlen (contents), &error);
  g_assert_no_error (error);
  expected = expected_relations (contents);
  g_assert_cmpuint (sentences->len, ==, expected->len);
  g_assert_cmpuint (sentences->len, >, 0);
  if (g_str_has_prefix (contents, "# tree-only\n") || strstr (contents, "\n# tree-only\n") != NULL)
    g_setenv ("DRAMATIS_TREE_ONLY", "1", TRUE);
  else
    g_unsetenv ("DRAMATIS_TREE_ONLY");

  for (guint s = 0; s < sentences->len; s++)
    {
      const DmConlluSentence *sentence = g_ptr_array_index (sentences, s);
      GPtrArray *want = g_ptr_array_index (expected, s);
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(GString) got_text = g_string_new (NULL);
      g_autoptr(GString) want_text = g_string_new (NULL);

      g_assert_nonnull (sentence->text);
      got = relations_of (sentence->text, sentence);
      for (guint i = 0; i < got->len; i++)
        g_string_append_printf (got_text, "%s\n", (char *) g_ptr_array_index (got, i));
      for (guint i = 0; i < want->len; i++)
        g_string_append_printf (want_text, "%s\n", (char *) g_ptr_array_index (want, i));
      if (strcmp (got_text->str, want_text->str) != 0)
        g_test_message ("%s: “%s”", path, sentence->text);
      g_assert_cmpstr (got_text->str, ==, want_text->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "fixtures", "parse", NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".conllu"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_strings);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test = NULL;

      base[strlen (base) - strlen (".conllu")] = '\0';
      test = g_strdup_printf ("/dramatis/relations/%s", base);
      g_test_add_data_func (test, path, test_fixture);
    }
  return g_test_run ();
}
