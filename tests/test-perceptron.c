/* test-perceptron.c — the averaged perceptron learns, saves, loads, and refuses bad files
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-perceptron.h"
#include "dm-parse.h"

static const char * const colours[] = { "red", "green", "blue", NULL };

/* Words that name their colour, with a distracting feature shared by all. */
static void
example (DmFeatures *feats,
         guint       i,
         guint      *truth)
{
  static const char * const words[] = { "cherry", "leaf", "sky", "blood", "grass", "sea" };

  dm_features_reset (feats);
  dm_features_add (feats, 1, words[i % 6]);
  dm_features_add (feats, 2, "bias");
  dm_features_add2 (feats, 3, words[i % 6], i % 2 ? "odd" : "even");
  *truth = (i % 6) % 3;
}

static DmPerceptronTrainer *
trained (void)
{
  DmPerceptronTrainer *trainer = dm_perceptron_trainer_new (colours);
  DmFeatures feats;

  dm_features_init (&feats);
  for (guint epoch = 0; epoch < 5; epoch++)
    for (guint i = 0; i < 60; i++)
      {
        guint truth;

        example (&feats, i, &truth);
        dm_perceptron_trainer_update (trainer, &feats, truth,
                                      dm_perceptron_trainer_predict (trainer, &feats, NULL));
      }
  dm_features_clear (&feats);
  return trainer;
}

static void
test_learns_and_round_trips (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) extra = g_bytes_new_static ("dictionary", 10);
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "test", extra, 0.0f);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "test", &error);
  DmFeatures feats;
  gboolean only_blue[3] = { FALSE, FALSE, TRUE };

  g_assert_no_error (error);
  g_assert_cmpuint (dm_perceptron_n_classes (model), ==, 3);
  g_assert_cmpstr (dm_perceptron_class_name (model, 1), ==, "green");
  g_assert_cmpint (dm_perceptron_class_index (model, "blue"), ==, 2);
  g_assert_cmpint (dm_perceptron_class_index (model, "purple"), ==, -1);
  g_assert_cmpuint (g_bytes_get_size (dm_perceptron_get_extra (model)), ==, 10);
  g_assert_cmpuint (dm_perceptron_n_features (model), >, 0);

  dm_features_init (&feats);
  for (guint i = 0; i < 12; i++)
    {
      guint truth;

      example (&feats, i, &truth);
      g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, truth);
      g_assert_cmpuint (dm_perceptron_trainer_predict (trainer, &feats, NULL), ==, truth);
      g_assert_cmpuint (dm_perceptron_predict (model, &feats, only_blue), ==, 2);
    }
  /* A feature the model never saw scores nothing: the first allowed class wins ties. */
  dm_features_reset (&feats);
  dm_features_add (&feats, 9, "unseen");
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, 0);
  dm_features_clear (&feats);
}

/* A loaded model saved again keeps its predictions; pruning drops small weights. */
static void
test_resave_and_prune (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) extra = g_bytes_new_static ("dictionary", 10);
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "test", extra, 0.0f);
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "test", NULL);
  g_autoptr(GBytes) again = dm_perceptron_save (model, 0.0f);
  g_autoptr(GBytes) pruned = dm_perceptron_save (model, 1e6f);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) reloaded = dm_perceptron_load (again, "test", &error);
  g_autoptr(DmPerceptron) empty = NULL;
  DmFeatures feats;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (again), ==, g_bytes_get_size (bytes));
  g_assert_cmpuint (dm_perceptron_n_features (reloaded), ==, dm_perceptron_n_features (model));
  g_assert_cmpstr (dm_perceptron_class_name (reloaded, 2), ==, "blue");
  g_assert_cmpuint (g_bytes_get_size (dm_perceptron_get_extra (reloaded)), ==, 10);
  dm_features_init (&feats);
  for (guint i = 0; i < 12; i++)
    {
      guint truth;

      example (&feats, i, &truth);
      g_assert_cmpuint (dm_perceptron_predict (reloaded, &feats, NULL), ==, truth);
    }
  dm_features_clear (&feats);

  empty = dm_perceptron_load (pruned, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_perceptron_n_features (empty), ==, 0);
}

static void
assert_refused (GBytes     *bytes,
                const char *kind,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, kind, &error);

  g_assert_null (model);
  g_assert_error (error, DM_MODEL_ERROR, code);
}

static void
test_bad_files (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "test", NULL, 0.0f);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);

  assert_refused (bytes, "parser", DM_MODEL_ERROR_FOREIGN);
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("PK\3\4 a zip, not a model", 24);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

    assert_refused (text, "test", DM_MODEL_ERROR_FOREIGN);
    assert_refused (empty, "test", DM_MODEL_ERROR_FOREIGN);
  }
  /* Every truncation is refused, none crashes. */
  for (gsize len = 8; len < size; len += 1 + len / 16)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, len);

      assert_refused (cut, "test", DM_MODEL_ERROR_CORRUPT);
    }
  /* One flipped bit anywhere after the magic: the checksum catches it. */
  for (gsize at = 8; at < size; at += 7)
    {
      g_autoptr(GBytes) flipped = NULL;

      copy[at] ^= 0x10;
      flipped = g_bytes_new (copy, size);
      assert_refused (flipped, "test", DM_MODEL_ERROR_CORRUPT);
      copy[at] ^= 0x10;
    }
}

static void
test_parse_names (void)
{
  for (guint i = 0; i < DM_N_UPOS; i++)
    g_assert_cmpint (dm_upos_from_string (dm_upos_to_string (i)), ==, i);
  for (guint i = 0; i < DM_N_DEPRELS; i++)
    g_assert_cmpint (dm_deprel_from_string (dm_deprel_to_string (i)), ==, i);
  g_assert_cmpint (dm_deprel_from_string ("obl:unmarked"), ==, DM_DEP_OBL);
  g_assert_cmpint (dm_deprel_from_string ("nsubj:pass"), ==, DM_DEP_NSUBJ_PASS);
  g_assert_cmpint (dm_deprel_from_string ("nonsense"), ==, DM_DEP_DEP);
  g_assert_cmpint (dm_upos_from_string ("NOUN"), ==, DM_UPOS_NOUN);
  g_assert_cmpint (dm_upos_from_string ("noun"), ==, DM_UPOS_X);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/perceptron/learns-and-round-trips", test_learns_and_round_trips);
  g_test_add_func ("/dramatis/perceptron/resave-and-prune", test_resave_and_prune);
  g_test_add_func ("/dramatis/perceptron/bad-files", test_bad_files);
  g_test_add_func ("/dramatis/perceptron/parse-names", test_parse_names);
  return g_test_run ();
}
