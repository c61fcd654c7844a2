/* dm-train-evaluate.c — dramatis-train evaluate, prune and convert: held-out scores of model
 * files, and rewriting them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores shipped or candidate models on held-out treebanks, and prunes a trained model's
 * small weights (to trade accuracy for size and load time without training again), and
 * rewrites a model of an earlier file format in the current one.
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>

#include "dm-perceptron.h"
#include "dm-train-private.h"

int
dm_train_evaluate_main (int    argc,
                        char **argv)
{
  g_autofree char *tagger_path = NULL;
  g_autofree char *parser_path = NULL;
  g_auto(GStrv) heldout_specs = NULL;
  GOptionEntry entries[] = {
    { "tagger", 0, 0, G_OPTION_ARG_FILENAME, &tagger_path, "The tagger model", "FILE" },
    { "parser", 0, 0, G_OPTION_ARG_FILENAME, &parser_path, "The parser model", "FILE" },
    { "heldout", 0, 0, G_OPTION_ARG_STRING_ARRAY, &heldout_specs,
      "Held-out sentences to score on", "LABEL:FILE[,FILE…]" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— score models on held-out treebanks");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) heldout = NULL;
  g_autoptr(DmTagger) tagger = NULL;
  g_autoptr(DmParser) parser = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || tagger_path == NULL ||
      heldout_specs == NULL)
    {
      fprintf (stderr, "dramatis-train evaluate: %s\n",
               error != NULL ? error->message : "--tagger and --heldout are needed");
      return 2;
    }
  if ((tagger = dm_train_load_model ("tagger.model", tagger_path, &error)) == NULL ||
      (parser_path != NULL &&
       (parser = dm_train_load_model ("parser.model", parser_path, &error)) == NULL) ||
      (heldout = dm_train_load_sets ((const char * const *) heldout_specs, &error)) == NULL)
    {
      fprintf (stderr, "dramatis-train evaluate: %s\n", error->message);
      return 1;
    }
  for (guint h = 0; h < heldout->len; h++)
    {
      dm_train_report_tagging (tagger, g_ptr_array_index (heldout, h));
      if (parser != NULL)
        dm_train_report_parsing (parser, tagger, g_ptr_array_index (heldout, h));
    }
  return 0;
}

int
dm_train_prune_main (int    argc,
                     char **argv)
{
  double min_weight = 0.0;
  g_autofree char *kind = NULL;
  GOptionEntry entries[] = {
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight,
      "Drop weights smaller than this", "W" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, "What the model is: tagger, parser", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("IN.model OUT.model — prune a model");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) pruned = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  gsize len;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || kind == NULL)
    {
      fprintf (stderr, "dramatis-train prune: %s\n",
               error != NULL ? error->message : "--kind, IN.model and OUT.model are needed");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      fprintf (stderr, "dramatis-train prune: %s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  if ((model = dm_perceptron_load (bytes, kind, &error)) == NULL)
    {
      fprintf (stderr, "dramatis-train prune: %s: %s\n", argv[1], error->message);
      return 1;
    }
  pruned = dm_perceptron_save (model, min_weight);
  printf ("%u features before pruning\n", dm_perceptron_n_features (model));
  if (!dm_train_write_model (argv[2], pruned, &error))
    {
      fprintf (stderr, "dramatis-train prune: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
dm_train_convert_main (int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) converted = NULL;
  gsize len;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: dramatis-train convert IN.model OUT.model\n"
                       "Rewrites a model file of any format this build reads in the current one.\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      fprintf (stderr, "dramatis-train convert: %s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  if ((converted = dm_perceptron_convert (bytes, &error)) == NULL)
    {
      fprintf (stderr, "dramatis-train convert: %s: %s\n", argv[1], error->message);
      return 1;
    }
  if (!dm_train_write_model (argv[2], converted, &error))
    {
      fprintf (stderr, "dramatis-train convert: %s\n", error->message);
      return 1;
    }
  return 0;
}
