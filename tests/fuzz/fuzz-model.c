/* fuzz-model.c — libFuzzer target: any bytes given as a model file load or fail with an error
 *
 * A model that loads must score, save and load again with the same features; one that
 * does not must say why. The checksum stops most random damage early, so the seed corpus
 * holds small valid files of both formats (tests/fuzz/model/) for the fuzzer to cut.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-perceptron.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "test", &error);
  g_autoptr(GBytes) converted = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(DmPerceptron) reloaded = NULL;
  static const char * const words[] = { "cherry", "leaf", "sky", "blood", "grass", "sea" };
  DmFeatures feats;

  g_assert ((model == NULL) != (error == NULL));
  g_assert (error == NULL || error->domain == DM_MODEL_ERROR);
  converted = dm_perceptron_convert (bytes, NULL);
  if (model == NULL)
    {
      /* A model of another kind converts; a damaged one does not. */
      g_assert (converted == NULL || error->code == DM_MODEL_ERROR_FOREIGN);
      return 0;
    }
  g_assert (converted != NULL);

  dm_features_init (&feats);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      dm_features_reset (&feats);
      dm_features_add (&feats, 1, words[i]);
      dm_features_add (&feats, 2, "bias");
      g_assert (dm_perceptron_predict (model, &feats, NULL) < dm_perceptron_n_classes (model));
    }
  dm_features_clear (&feats);

  saved = dm_perceptron_save (model, 0.0f);
  reloaded = dm_perceptron_load (saved, "test", &error);
  g_assert_no_error (error);
  g_assert (dm_perceptron_n_features (reloaded) == dm_perceptron_n_features (model));
  return 0;
}
