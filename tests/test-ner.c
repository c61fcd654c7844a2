/* test-ner.c — the entity recognizer: model files it refuses, names it finds, BILOU rules
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dm-ner-private.h"

#define NER_RESOURCE "/io/github/dramatis/models/ner.model"

static GBytes *
shipped_model (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (NER_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* A model of @kind with @class_names and @extra, trained on nothing much. */
static GBytes *
small_model (const char         *kind,
             const char * const *class_names,
             const char         *extra)
{
  g_autoptr(DmPerceptronTrainer) trainer = dm_perceptron_trainer_new (class_names);
  g_autoptr(GBytes) extra_bytes = g_bytes_new (extra, strlen (extra));
  DmFeatures feats;

  dm_features_init (&feats);
  dm_features_add (&feats, 1, "word");
  dm_perceptron_trainer_update (trainer, &feats, 1, 0);
  dm_features_clear (&feats);
  return dm_perceptron_trainer_save (trainer, kind, extra_bytes, 0.0f);
}

static void
assert_refused (GBytes *bytes,
                int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmNer) ner = dm_ner_new_from_bytes (bytes, dm_lexicon_get_default (), &error);

  g_assert_null (ner);
  g_assert_error (error, DM_MODEL_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_model_errors (void)
{
  g_autoptr(GBytes) model = shipped_model ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (model, 0, g_bytes_get_size (model) / 2);
  g_autoptr(GBytes) head = g_bytes_new_from_bytes (model, 0, 16);
  static const char * const two[] = { "A", "B", NULL };
  g_autoptr(GBytes) tagger = small_model ("tagger", two, DM_NER_FEATURE_SET);
  g_autoptr(GBytes) old_features = small_model ("ner", dm_ner_tag_names, "dm-ner-features 0");
  g_autoptr(GBytes) other_tags = small_model ("ner", two, DM_NER_FEATURE_SET);
  g_autofree guint8 *flipped = g_memdup2 (g_bytes_get_data (model, NULL), g_bytes_get_size (model));
  g_autoptr(GBytes) corrupt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmNer) ner = NULL;

  g_assert_null (dm_ner_new_from_bytes (empty, dm_lexicon_get_default (), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_refused (half, DM_MODEL_ERROR_CORRUPT);
  g_assert_null (dm_ner_new_from_bytes (head, dm_lexicon_get_default (), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_refused (tagger, DM_MODEL_ERROR_FOREIGN);
  assert_refused (old_features, DM_MODEL_ERROR_VERSION);
  assert_refused (other_tags, DM_MODEL_ERROR_FOREIGN);

  flipped[g_bytes_get_size (model) / 3] ^= 0x40;
  corrupt = g_bytes_new (flipped, g_bytes_get_size (model));
  assert_refused (corrupt, DM_MODEL_ERROR_CORRUPT);

  ner = dm_ner_new_from_bytes (model, dm_lexicon_get_default (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ner);
  g_assert_true (dm_ner_get_default () != NULL);
}

/* The names the shipped model finds in @text, as "TYPE text" strings joined by "; ". */
static char *
names_in (const char *text)
{
  const DmNer *ner = dm_ner_get_default ();
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < doc->tokens->len; i++)
    g_ptr_array_add (words, dm_text_doc_token_text (doc, i));
  spans = dm_ner_tag (ner, doc, (char * const *) words->pdata);
  for (guint k = 0; k < spans->len; k++)
    {
      const DmNerSpan *span = &g_array_index (spans, DmNerSpan, k);
      guint start = dm_text_doc_token (doc, span->first)->start;
      guint end = dm_text_doc_token (doc, span->last)->end;

      g_string_append_printf (out, "%s%s %.*s", out->len ? "; " : "", dm_ner_type_name (span->type),
                              (int) (end - start), text + start);
    }
  return g_string_free (out, FALSE);
}

static void
test_unknown_names (void)
{
  g_autofree char *fakih = names_in ("The report was written by Lama Fakih, a researcher who has worked in Beirut for years.");
  g_autofree char *ministry = names_in ("The Ministry of Foreign Affairs summoned the ambassador on Monday.");
  g_autofree char *ahmad = names_in ("Karim Ahmad told reporters in Cairo that talks would resume.");
  g_autofree char *none = names_in ("the talks will resume on monday, officials said, and nobody objected.");

  g_assert_cmpstr (fakih, ==, "PER Lama Fakih; LOC Beirut");
  g_assert_cmpstr (ministry, ==, "ORG Ministry of Foreign Affairs");
  g_assert_cmpstr (ahmad, ==, "PER Karim Ahmad; LOC Cairo");
  g_assert_cmpstr (none, ==, "");
}

static void
test_trim_name_ends (void)
{
  const char *words[] = { "accused", "Washington", "of", "lying", "to", "the", "Bank", "of", "England",
                          "and", "the", "Republic", "of", "Congo", "on", "Friday" };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));
  DmNerSpan washington = { 21, 22, DM_NER_ORGANIZATION };   /* "Washington of" */
  DmNerSpan bank = { 26, 28, DM_NER_ORGANIZATION };         /* "Bank of England" */
  DmNerSpan congo = { 31, 35, DM_NER_ORGANIZATION };        /* "Republic of Congo on Friday" */
  DmNerSpan earlier = { 3, 4, DM_NER_PERSON };              /* another sentence's: kept */
  DmNerSentence s;

  g_array_append_val (spans, earlier);
  g_array_append_val (spans, washington);
  g_array_append_val (spans, bank);
  g_array_append_val (spans, congo);
  dm_ner_sentence_init (&s, dm_lexicon_get_default (), NULL);
  dm_ner_sentence_set (&s, words, G_N_ELEMENTS (words));
  dm_ner_trim_name_ends (spans, 1, &s, 20);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 0).last, ==, 4);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 1).first, ==, 21);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 1).last, ==, 21);
  /* a joiner inside a name stays */
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 2).last, ==, 28);
  /* a name does not run on into the date after it */
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 3).last, ==, 33);
  dm_ner_sentence_clear (&s);
}

static void
test_bilou (void)
{
  /* O B-PER L-PER O U-ORG B-LOC I-LOC L-LOC */
  const guint8 tags[] = { 0, 1, 3, 0, 8, 9, 10, 11 };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));
  const char *words[] = { "In", "New", "York", "the", "UN", "met", "them", "x" };
  DmNerSentence s;
  gboolean allowed[DM_NER_N_TAGS];

  dm_ner_spans_from_tags (tags, G_N_ELEMENTS (tags), 10, spans);
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 0).first, ==, 11);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 0).last, ==, 12);
  g_assert_cmpint (g_array_index (spans, DmNerSpan, 0).type, ==, DM_NER_PERSON);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 1).first, ==, 14);
  g_assert_cmpint (g_array_index (spans, DmNerSpan, 1).type, ==, DM_NER_ORGANIZATION);
  g_assert_cmpuint (g_array_index (spans, DmNerSpan, 2).last, ==, 17);
  g_assert_cmpint (g_array_index (spans, DmNerSpan, 2).type, ==, DM_NER_PLACE);

  dm_ner_sentence_init (&s, dm_lexicon_get_default (), NULL);
  dm_ner_sentence_set (&s, words, G_N_ELEMENTS (words));
  /* inside a person's name only I-PER or L-PER may follow */
  dm_ner_allowed (&s, 2, dm_ner_tag_make (DM_NER_PERSON, DM_NER_BEGIN), allowed);
  g_assert_false (allowed[DM_NER_TAG_O]);
  g_assert_true (allowed[dm_ner_tag_make (DM_NER_PERSON, DM_NER_LAST)]);
  g_assert_false (allowed[dm_ner_tag_make (DM_NER_ORGANIZATION, DM_NER_LAST)]);
  /* the last word closes any name: no B- or I- */
  dm_ner_allowed (&s, 7, DM_NER_TAG_O, allowed);
  g_assert_false (allowed[dm_ner_tag_make (DM_NER_PLACE, DM_NER_BEGIN)]);
  g_assert_true (allowed[dm_ner_tag_make (DM_NER_PLACE, DM_NER_UNIT)]);
  /* a lower-case word outside a name is decided without the model */
  g_assert_false (dm_ner_needs_decision (&s, 3, DM_NER_TAG_O));
  g_assert_true (dm_ner_needs_decision (&s, 3, dm_ner_tag_make (DM_NER_PERSON, DM_NER_BEGIN)));
  g_assert_true (dm_ner_needs_decision (&s, 4, DM_NER_TAG_O));
  dm_ner_sentence_clear (&s);
}

/* The word classes are read in place from the model's extra section: each word finds its
 * class, a later line for a word wins, a word that is only the prefix of another or a line
 * without its one-letter class (or with a tab in its word) gives none, and a section with
 * other features is refused. */
static void
test_word_classes (void)
{
  static const char section[] =
    DM_NER_FEATURE_SET "\n"
    "london\tP\n"
    "party\tc\n"
    "georgia\tp\n"
    "lond\tc\n"
    "party\tP\n"
    "broken\n"
    "long\tPP\n"
    "new\tyork\tP\n"
    "\tc\n"
    "smith\tP";
  g_autoptr(GBytes) bytes = g_bytes_new_static (section, strlen (section));
  g_autoptr(GBytes) foreign = g_bytes_new_static ("dm-ner-features 1\nlondon\tP", 26);
  g_autoptr(DmNerClasses) classes = dm_ner_classes_new (bytes);

  g_assert_nonnull (classes);
  g_assert_cmpuint (dm_ner_classes_size (classes), ==, 5);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "london"), ==, DM_NER_CLASS_PROPER);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "georgia"), ==, DM_NER_CLASS_MIXED);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "lond"), ==, DM_NER_CLASS_COMMON);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "party"), ==, DM_NER_CLASS_PROPER);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "smith"), ==, DM_NER_CLASS_PROPER);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "londo"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "londons"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "broken"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "long"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "new"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, "new\tyork"), ==, 0);
  g_assert_cmpint (dm_ner_classes_lookup (classes, ""), ==, 0);
  g_assert_null (dm_ner_classes_new (foreign));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/ner/model-errors", test_model_errors);
  g_test_add_func ("/dramatis/ner/unknown-names", test_unknown_names);
  g_test_add_func ("/dramatis/ner/bilou", test_bilou);
  g_test_add_func ("/dramatis/ner/trim-name-ends", test_trim_name_ends);
  g_test_add_func ("/dramatis/ner/word-classes", test_word_classes);

  return g_test_run ();
}
