/* test-conllu.c — the CoNLL-U reader: words, multi-word tokens, comments, errors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-conllu.h"

static const char two_sentences[] =
  "# newdoc id = doc-one\n"
  "# sent_id = doc-one-1\n"
  "# text = The mayor doesn't resign.\n"
  "1\tThe\tthe\tDET\tDT\tDefinite=Def\t2\tdet\t_\t_\n"
  "2\tmayor\tmayor\tNOUN\tNN\tNumber=Sing\t5\tnsubj\t_\t_\n"
  "3-4\tdoesn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
  "3\tdoes\tdo\tAUX\tVBZ\t_\t5\taux\t_\t_\n"
  "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
  "5\tresign\tresign\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
  "5.1\tquit\tquit\tVERB\tVB\t_\t_\t_\t2:nsubj\t_\n"
  "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
  "\n"
  "# sent_id = doc-one-2\r\n"
  "1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\r\n";

static void
test_words_and_tokens (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = dm_conllu_parse (two_sentences, strlen (two_sentences), &error);
  DmConlluSentence *s;
  DmConlluToken *t;

  g_assert_no_error (error);
  g_assert_cmpuint (sentences->len, ==, 2);

  s = g_ptr_array_index (sentences, 0);
  g_assert_cmpstr (s->sent_id, ==, "doc-one-1");
  g_assert_cmpstr (s->doc_id, ==, "doc-one");
  g_assert_cmpstr (s->text, ==, "The mayor doesn't resign.");
  g_assert_cmpuint (s->words->len, ==, 6);   /* the empty node 5.1 is skipped */
  g_assert_cmpstr (dm_conllu_word (s, 1)->form, ==, "mayor");
  g_assert_cmpint (dm_conllu_word (s, 1)->head, ==, 5);
  g_assert_cmpstr (dm_conllu_word (s, 1)->deprel, ==, "nsubj");
  g_assert_cmpstr (dm_conllu_word (s, 3)->lemma, ==, "not");
  g_assert_cmpint (dm_conllu_word (s, 4)->head, ==, 0);
  g_assert_false (dm_conllu_word (s, 4)->space_after);
  g_assert_true (dm_conllu_word (s, 3)->space_after);
  g_assert_false (dm_conllu_word (s, 2)->space_after);   /* "does" inside "doesn't" */
  g_assert_cmpstr (dm_conllu_word (s, 5)->xpos, ==, ".");

  g_assert_cmpuint (s->tokens->len, ==, 5);
  t = g_ptr_array_index (s->tokens, 2);
  g_assert_cmpstr (t->form, ==, "doesn't");
  g_assert_cmpint (t->first_word, ==, 3);
  g_assert_cmpint (t->last_word, ==, 4);
  t = g_ptr_array_index (s->tokens, 3);
  g_assert_cmpstr (t->form, ==, "resign");
  g_assert_cmpint (t->first_word, ==, 5);
  g_assert_false (t->space_after);

  /* The document id carries over; CRLF line ends are read too. */
  s = g_ptr_array_index (sentences, 1);
  g_assert_cmpstr (s->doc_id, ==, "doc-one");
  g_assert_cmpstr (s->sent_id, ==, "doc-one-2");
  g_assert_null (s->text);
  g_assert_cmpstr (dm_conllu_word (s, 0)->deprel, ==, "root");
}

static void
assert_fails (const char *data,
              int         code,
              const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = dm_conllu_parse (data, strlen (data), &error);

  g_assert_null (sentences);
  g_assert_error (error, DM_CONLLU_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_errors_name_the_line (void)
{
  assert_fails ("# text = x\n1\tx\tx\tX\n", DM_CONLLU_ERROR_SYNTAX, "line 2");
  assert_fails ("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n"
                "3\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n", DM_CONLLU_ERROR_TREE, "line 2");
  assert_fails ("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n"
                "2\tb\tb\tX\t_\t_\t7\tdep\t_\t_\n", DM_CONLLU_ERROR_TREE, "head 7");
  assert_fails ("1\ta\ta\tX\t_\t_\tx\troot\t_\t_\n", DM_CONLLU_ERROR_SYNTAX, "line 1");
  assert_fails ("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n\n", DM_CONLLU_ERROR_TREE, "multi-word");
  assert_fails ("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n# late\n", DM_CONLLU_ERROR_SYNTAX, "line 2");
  assert_fails ("1\t\xff\ta\tX\t_\t_\t0\troot\t_\t_\n", DM_CONLLU_ERROR_SYNTAX, "UTF-8");
}

static void
test_empty_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = dm_conllu_parse ("\n\n# only a comment\n\n", 20, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sentences->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/conllu/words-and-tokens", test_words_and_tokens);
  g_test_add_func ("/dramatis/conllu/errors-name-the-line", test_errors_name_the_line);
  g_test_add_func ("/dramatis/conllu/empty-input", test_empty_input);
  return g_test_run ();
}
