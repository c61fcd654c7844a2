/* test-lexicon.c — the shipped lexicons are broad and load; the loader reports bad files
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dm-lexicon-private.h"

static void
test_default_is_broad (void)
{
  DmLexicon *lex = dm_lexicon_get_default ();
  guint per_class[DM_N_CLASSES] = { 0 };
  guint nouns = 0;

  /* every UN member and observer, plus Taiwan and Kosovo */
  g_assert_cmpuint (g_hash_table_size (lex->countries), >=, 197);
  g_assert_cmpuint (g_hash_table_size (lex->organizations), >=, 150);
  g_assert_cmpuint (dm_word_index_size (lex->titles), >=, 150);
  g_assert_cmpuint (lex->verbs->len, >=, 300);

  for (guint i = 0; i < lex->verbs->len; i++)
    {
      const DmLexVerb *verb = g_ptr_array_index (lex->verbs, i);

      per_class[verb->klass]++;
      nouns += verb->is_noun;
    }
  for (guint k = 0; k < DM_N_CLASSES; k++)
    g_assert_cmpuint (per_class[k], >, 0);
  g_assert_cmpuint (nouns, >, 20);
}

static void
assert_entity (const char  *name,
               const char  *canonical,
               DmLexKind    kind)
{
  DmLexicon *lex = dm_lexicon_get_default ();
  g_autofree char *key = dm_lexicon_normalize (name, FALSE);
  const DmLexEntity *e = dm_lexicon_lookup_entity (lex, key);

  g_assert_nonnull (e);
  g_assert_cmpstr (e->canonical, ==, canonical);
  g_assert_cmpint (e->kind, ==, kind);
}

static void
test_default_names (void)
{
  DmLexicon *lex = dm_lexicon_get_default ();

  assert_entity ("US", "United States", DM_LEX_COUNTRY);
  assert_entity ("U.S.", "United States", DM_LEX_COUNTRY);
  assert_entity ("Washington", "United States", DM_LEX_CAPITAL);
  assert_entity ("Kyiv", "Ukraine", DM_LEX_CAPITAL);
  assert_entity ("Kiev", "Ukraine", DM_LEX_CAPITAL);
  assert_entity ("Ukrainian", "Ukraine", DM_LEX_DEMONYM);
  assert_entity ("Britain", "United Kingdom", DM_LEX_COUNTRY);
  assert_entity ("NATO", "NATO", DM_LEX_ORG);
  /* lower-case "us" is a pronoun, never the country */
  g_assert_null (dm_lexicon_lookup_entity (lex, "us"));
  g_assert_nonnull (dm_lexicon_lookup_title (lex, "defence secretary"));
  g_assert_nonnull (dm_lexicon_lookup_title (lex, "prime minister"));
  g_assert_true (dm_lexicon_is_nonactor (lex, "However"));
}

static gboolean
has_form (const char *word,
          const char *phrase,
          DmVerbForm  form)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (dm_lexicon_get_default (), word);

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerbForm *vf = g_ptr_array_index (forms, i);

      if (strcmp (vf->verb->phrase, phrase) == 0 && vf->form == form)
        return TRUE;
    }
  return FALSE;
}

static void
test_inflections (void)
{
  g_assert_true (has_form ("urged", "urge", DM_VERB_FORM_PAST));
  g_assert_true (has_form ("urges", "urge", DM_VERB_FORM_THIRD));
  g_assert_true (has_form ("urging", "urge", DM_VERB_FORM_GERUND));
  g_assert_true (has_form ("ruled", "rule out", DM_VERB_FORM_PAST));
  g_assert_true (has_form ("met", "meet", DM_VERB_FORM_PAST));
  g_assert_true (has_form ("criticised", "criticise", DM_VERB_FORM_PAST));
  /* relation nouns match in the plural too */
  g_assert_true (has_form ("attacks", "attack on", DM_VERB_FORM_NOUN) ||
                 has_form ("attacks", "attacks on", DM_VERB_FORM_NOUN));
}

static DmRelationClass
class_of (const char *word,
          const char *phrase)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (dm_lexicon_get_default (), word);

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerbForm *vf = g_ptr_array_index (forms, i);

      if (strcmp (vf->verb->phrase, phrase) == 0)
        return vf->verb->klass;
    }
  g_assert_not_reached ();
}

/* The PLOVER codebook's classes for acts the lexicon once filed elsewhere: taking hostages
 * is violence (CAMEO 181, ASSAULT mode "abduct": kidnap, hijack); attacks on computers
 * coerce (CAMEO 176, COERCE mode "cyber"), they are no common crime; signing a treaty is
 * the diplomatic support of CAMEO 057, only a promise to sign is AGREE. */
static void
test_plover_classes (void)
{
  g_assert_cmpint (class_of ("kidnapped", "kidnap"), ==, DM_CLASS_ASSAULT);
  g_assert_cmpint (class_of ("abducted", "abduct"), ==, DM_CLASS_ASSAULT);
  g_assert_cmpint (class_of ("hijacked", "hijack"), ==, DM_CLASS_ASSAULT);
  g_assert_cmpint (class_of ("hacked", "hack"), ==, DM_CLASS_COERCE);
  g_assert_cmpint (class_of ("defaced", "deface"), ==, DM_CLASS_COERCE);
  g_assert_cmpint (class_of ("launched", "launch a cyberattack on"), ==, DM_CLASS_COERCE);
  g_assert_cmpint (class_of ("signed", "sign an agreement with"), ==, DM_CLASS_SUPPORT);
}

static void
test_normalize (void)
{
  g_autofree char *a = dm_lexicon_normalize ("Washington,  D.C.", FALSE);
  g_autofree char *b = dm_lexicon_normalize ("People's   Republic of China", FALSE);
  g_autofree char *c = dm_lexicon_normalize ("Defence  Secretary", TRUE);

  g_assert_cmpstr (a, ==, "Washington , D.C.");
  g_assert_cmpstr (b, ==, "People 's Republic of China");
  g_assert_cmpstr (c, ==, "defence secretary");
}

static char *
copy_fixture_dir (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "lexicon", NULL);
  char *dir = g_dir_make_tmp ("dramatis-lexicon-XXXXXX", NULL);
  g_autoptr(GDir) d = g_dir_open (src, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *from = g_build_filename (src, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  return dir;
}

static void
test_missing_file (void)
{
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *verbs = g_build_filename (dir, "verbs.tsv", NULL);
  g_autoptr(GError) error = NULL;
  DmLexicon *lex;

  g_assert_cmpint (g_unlink (verbs), ==, 0);
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "verbs.tsv"));
}

static void
test_bad_class (void)
{
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *verbs = g_build_filename (dir, "verbs.tsv", NULL);
  g_autoptr(GError) error = NULL;
  DmLexicon *lex;

  g_assert_true (g_file_set_contents (verbs, "# comment\nurge\tAPPEAL\t\tverb\nfrobnicate\tFIGHTING\t\tverb\n", -1, NULL));
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
  /* the message says where */
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "FIGHTING"));
}

/* people.tsv: a full name, capitalised aliases and a gender, or an error that says where */
static void
test_people (void)
{
  static const char * const bad[][2] = {
    { "Vladimir Putin\tPutin\tm\nZelensky\t\tm\n", "full name" },
    { "Vladimir Putin\tPutin\tm\nAngela Merkel\tMerkel\tw\n", "gender" },
    { "Vladimir Putin\tPutin\tm\nAngela Merkel\tmerkel\tf\n", "merkel" },
  };
  DmLexicon *lex = dm_lexicon_get_default ();
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *people = g_build_filename (dir, "people.tsv", NULL);

  g_assert_cmpstr (dm_lexicon_lookup_person (lex, "Zelenskyy")->canonical, ==, "Volodymyr Zelensky");
  g_assert_cmpstr (dm_lexicon_lookup_person (lex, "von der Leyen")->canonical, ==, "Ursula von der Leyen");
  g_assert_cmpint (dm_lexicon_lookup_person (lex, "Merkel")->gender, ==, 'f');
  g_assert_cmpstr (dm_lexicon_lookup_person (lex, "Kim Jong Un")->canonical, ==, "Kim Jong Un");
  /* surnames several well-known people share are left out */
  g_assert_null (dm_lexicon_lookup_person (lex, "Bush"));
  g_assert_null (dm_lexicon_lookup_person (lex, "Brown"));
  g_assert_null (dm_lexicon_lookup_person (lex, "May"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (people, bad[i][0], -1, NULL));
      g_assert_null (dm_lexicon_new_from_dir (dir, &error));
      g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "people.tsv: line 2"));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

static void
test_evaluative (void)
{
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "evaluative.tsv", NULL);
  g_autoptr(GError) error = NULL;
  DmLexicon *lex = dm_lexicon_new_from_dir (dir, &error);
  const DmLexVerb *judgement;

  g_assert_no_error (error);
  judgement = dm_lexicon_lookup_evaluative (lex, "reckless");
  g_assert_nonnull (judgement);
  g_assert_cmpint (judgement->klass, ==, DM_CLASS_DISAPPROVE);
  g_assert_cmpstr (judgement->label, ==, "criticises");
  g_assert_null (dm_lexicon_lookup_evaluative (lex, "situation"));
  dm_lexicon_free (lex);

  /* a word without its class and label says nothing: an error naming the file */
  g_assert_true (g_file_set_contents (path, "reckless\tDISAPPROVE\n", -1, NULL));
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "evaluative.tsv"));
}

/* claims.tsv: the accusation a verbs.tsv phrase of claiming makes; a verb of saying or of
 * anything else makes none */
static void
test_claims (void)
{
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "claims.tsv", NULL);
  g_autoptr(GError) error = NULL;
  DmLexicon *lex = dm_lexicon_new_from_dir (dir, &error);
  const DmLexVerbForm *form;
  const DmLexVerb *accusation;

  g_assert_no_error (error);
  g_assert_nonnull (dm_lexicon_lookup_verb (lex, "claimed"));
  form = g_ptr_array_index (dm_lexicon_lookup_verb (lex, "claimed"), 0);
  g_assert_cmpint (form->verb->klass, ==, DM_CLASS_STATEMENT);
  accusation = dm_lexicon_lookup_claim (lex, form->verb);
  g_assert_nonnull (accusation);
  g_assert_cmpint (accusation->klass, ==, DM_CLASS_DISAPPROVE);
  g_assert_cmpstr (accusation->label, ==, "accuses");
  form = g_ptr_array_index (dm_lexicon_lookup_verb (lex, "described"), 0);
  g_assert_null (dm_lexicon_lookup_claim (lex, form->verb));
  dm_lexicon_free (lex);

  /* a phrase without the class and label of its accusation: an error naming the file */
  g_assert_true (g_file_set_contents (path, "claim\n", -1, NULL));
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "claims.tsv"));
}

static void
test_verb_senses (void)
{
  g_autofree char *dir = copy_fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "verb-senses.tsv", NULL);
  g_autoptr(GError) error = NULL;
  DmLexicon *lex = dm_lexicon_new_from_dir (dir, &error);
  GPtrArray *forms;
  const DmLexVerbForm *form;
  GArray *senses;
  const DmLexSense *sense;

  g_assert_no_error (error);
  forms = dm_lexicon_lookup_verb (lex, "attacked");
  g_assert_nonnull (forms);
  form = g_ptr_array_index (forms, 0);
  senses = dm_lexicon_lookup_senses (lex, form->verb);
  g_assert_nonnull (senses);
  g_assert_cmpuint (senses->len, ==, 1);
  sense = &g_array_index (senses, DmLexSense, 0);
  g_assert_cmpint (sense->source, ==, DM_SENSE_ACTOR_SPEAKER);
  g_assert_cmpint (sense->target, ==, DM_SENSE_ACTOR_NAMED);
  g_assert_cmpint (sense->klass, ==, DM_CLASS_DISAPPROVE);
  dm_lexicon_free (lex);

  /* a sense of a phrase verbs.tsv does not have is a mistake in the file */
  g_assert_true (g_file_set_contents (path, "frobnicate\tspeaker\tnamed\tDISAPPROVE\n", -1, NULL));
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "frobnicate"));
  g_clear_error (&error);

  /* and so is an unknown kind of actor */
  g_assert_true (g_file_set_contents (path, "attack\tpoet\tnamed\tDISAPPROVE\n", -1, NULL));
  lex = dm_lexicon_new_from_dir (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "verb-senses.tsv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/lexicon/default-is-broad", test_default_is_broad);
  g_test_add_func ("/dramatis/lexicon/default-names", test_default_names);
  g_test_add_func ("/dramatis/lexicon/inflections", test_inflections);
  g_test_add_func ("/dramatis/lexicon/plover-classes", test_plover_classes);
  g_test_add_func ("/dramatis/lexicon/evaluative", test_evaluative);
  g_test_add_func ("/dramatis/lexicon/claims", test_claims);
  g_test_add_func ("/dramatis/lexicon/verb-senses", test_verb_senses);
  g_test_add_func ("/dramatis/lexicon/normalize", test_normalize);
  g_test_add_func ("/dramatis/lexicon/missing-file", test_missing_file);
  g_test_add_func ("/dramatis/lexicon/bad-class", test_bad_class);
  g_test_add_func ("/dramatis/lexicon/people", test_people);
  return g_test_run ();
}
