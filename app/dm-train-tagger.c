/* dm-train-tagger.c — dramatis-train tagger: trains the part-of-speech model
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-perceptron.h"
#include "dm-tagger-private.h"
#include "dm-train-private.h"

/* A word goes in the dictionary when it is this frequent and this unambiguous. */
#define DICT_MIN_COUNT 20
#define DICT_MIN_SHARE 0.97

static char *
gold_class (const DmConlluWord *w)
{
  return g_strdup_printf ("%s/%s", w->xpos, w->upos);
}

typedef struct {
  GHashTable *counts;   /* class name → count */
  guint       total;
} FormTags;

static void
form_tags_free (gpointer data)
{
  FormTags *ft = data;

  g_hash_table_unref (ft->counts);
  g_free (ft);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The classes seen in training (sorted, so class numbers are stable) and the dictionary of
 * frequent unambiguous words, as the model's extra section. */
static GBytes *
collect (GPtrArray  *train,
         GPtrArray  *classes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       form_tags_free);
  g_autoptr(GString) extra = g_string_new (DM_TAGGER_KEYS);
  GHashTableIter iter;
  gpointer key, value;

  for (guint s = 0; s < train->len; s++)
    {
      DmConlluSentence *sentence = g_ptr_array_index (train, s);
      const char **raw = dm_train_forms (sentence);
      DmTaggerInput input;

      dm_tagger_input_init (&input, raw, sentence->words->len);
      for (guint i = 0; i < sentence->words->len; i++)
        {
          char *klass = gold_class (dm_conllu_word (sentence, i));
          FormTags *ft = g_hash_table_lookup (forms, input.forms[i]);

          if (ft == NULL)
            {
              ft = g_new0 (FormTags, 1);
              ft->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (forms, g_strdup (input.forms[i]), ft);
            }
          ft->total++;
          g_hash_table_insert (ft->counts, g_strdup (klass),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ft->counts, klass)) + 1));
          g_hash_table_replace (seen, klass, NULL);
        }
      dm_tagger_input_clear (&input);
      g_free (raw);
    }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (classes, g_strdup (key));
  g_ptr_array_sort (classes, compare_names);

  g_hash_table_iter_init (&iter, forms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FormTags *ft = value;
      GHashTableIter it;
      gpointer k, v;
      const char *best = NULL;
      guint best_count = 0;

      if (ft->total < DICT_MIN_COUNT)
        continue;
      g_hash_table_iter_init (&it, ft->counts);
      while (g_hash_table_iter_next (&it, &k, &v))
        if (GPOINTER_TO_UINT (v) > best_count)
          {
            best = k;
            best_count = GPOINTER_TO_UINT (v);
          }
      if ((double) best_count / ft->total >= DICT_MIN_SHARE)
        g_string_append_printf (extra, "%s\t%s\n", (const char *) key, best);
    }
  return g_string_free_to_bytes (g_steal_pointer (&extra));
}

void
dm_train_tag_sentence (const DmTagger         *tagger,
                       const DmConlluSentence *sentence,
                       const char            **tags)
{
  g_autofree const char **raw = dm_train_forms (sentence);
  g_autofree guint *classes = g_new0 (guint, sentence->words->len + 1);
  DmTaggerInput input;

  dm_tagger_input_init (&input, raw, sentence->words->len);
  dm_tagger_tag_input (tagger, &input, NULL, classes);
  for (guint i = 0; i < sentence->words->len; i++)
    tags[i] = dm_perceptron_class_name (dm_tagger_get_model (tagger), classes[i]);
  dm_tagger_input_clear (&input);
}

void
dm_train_report_tagging (const DmTagger   *tagger,
                         const DmTrainSet *set)
{
  guint total = 0, upos_ok = 0, xpos_ok = 0, past_total = 0, past_ok = 0;

  for (guint s = 0; s < set->sentences->len; s++)
    {
      DmConlluSentence *sentence = g_ptr_array_index (set->sentences, s);
      g_autofree const char **tags = g_new0 (const char *, sentence->words->len + 1);

      dm_train_tag_sentence (tagger, sentence, tags);
      for (guint i = 0; i < sentence->words->len; i++)
        {
          DmConlluWord *w = dm_conllu_word (sentence, i);
          const char *slash = strrchr (tags[i], '/');

          total++;
          upos_ok += strcmp (slash + 1, w->upos) == 0;
          gboolean xpos_right = strncmp (tags[i], w->xpos, slash - tags[i]) == 0 &&
                                w->xpos[slash - tags[i]] == '\0';

          xpos_ok += xpos_right;
          /* Past tense against participle decides who acted: reported on its own. */
          if (strcmp (w->xpos, "VBD") == 0 || strcmp (w->xpos, "VBN") == 0)
            {
              past_total++;
              past_ok += xpos_right;
            }
        }
    }
  printf ("  %s: UPOS %.2f%%  XPOS %.2f%%  (%u words); VBD/VBN %.2f%% (%u)\n", set->label,
          100.0 * upos_ok / MAX (1, total), 100.0 * xpos_ok / MAX (1, total), total,
          100.0 * past_ok / MAX (1, past_total), past_total);
}

GBytes *
dm_train_tagger (GPtrArray *train,
                 guint      epochs,
                 float      min_weight,
                 GPtrArray *heldout,
                 gboolean   verbose)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) extra = collect (train, classes);
  g_autoptr(DmPerceptronTrainer) trainer = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (train->len);
  g_autoptr(GHashTable) dictionary = NULL;
  GBytes *model = NULL;
  DmFeatures feats;

  for (guint s = 0; s < train->len; s++)
    g_ptr_array_add (order, g_ptr_array_index (train, s));
  g_ptr_array_add (classes, NULL);
  trainer = dm_perceptron_trainer_new ((const char * const *) classes->pdata);
  g_ptr_array_set_size (classes, classes->len - 1);
  for (guint k = 0; k < classes->len; k++)
    g_hash_table_insert (index, g_ptr_array_index (classes, k), GUINT_TO_POINTER (k));

  /* The dictionary as the tagger will read it: words it tags without the model. */
  dictionary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    gsize len;
    const char *p = dm_tagger_keys_skip (extra, NULL), *end = (const char *) g_bytes_get_data (extra, &len) + len;

    while (p < end)
      {
        const char *tab = strchr (p, '\t'), *nl = strchr (tab, '\n');
        g_autofree char *klass = g_strndup (tab + 1, nl - tab - 1);

        g_hash_table_insert (dictionary, g_strndup (p, tab - p),
                             g_hash_table_lookup (index, klass));
        p = nl + 1;
      }
  }

  dm_features_init (&feats);
  for (guint epoch = 0; epoch < epochs; epoch++)
    {
      guint total = 0, right = 0;

      dm_train_shuffle (order, epoch);
      for (guint s = 0; s < order->len; s++)
        {
          DmConlluSentence *sentence = g_ptr_array_index (order, s);
          g_autofree const char **raw = dm_train_forms (sentence);
          g_autofree guint *guesses = g_new0 (guint, sentence->words->len + 1);
          g_autofree const char **tags = g_new0 (const char *, sentence->words->len + 1);
          g_autofree guint64 *tag_hashes = g_new0 (guint64, sentence->words->len + 1);
          DmTaggerInput input;

          dm_tagger_input_init (&input, raw, sentence->words->len);
          for (guint i = 0; i < input.n; i++)
            {
              g_autofree char *gold = gold_class (dm_conllu_word (sentence, i));
              guint truth = GPOINTER_TO_UINT (g_hash_table_lookup (index, gold));
              gpointer known;

              if (g_hash_table_lookup_extended (dictionary, input.forms[i], NULL, &known))
                {
                  guesses[i] = GPOINTER_TO_UINT (known);
                  tags[i] = g_ptr_array_index (classes, guesses[i]);
                  tag_hashes[i] = dm_features_string_hash (tags[i]);
                  continue;
                }
              dm_tagger_features (&feats, &input, i, tags, tag_hashes);
              guesses[i] = dm_perceptron_trainer_predict (trainer, &feats, NULL);
              tags[i] = g_ptr_array_index (classes, guesses[i]);
              tag_hashes[i] = dm_features_string_hash (tags[i]);
              dm_perceptron_trainer_update (trainer, &feats, truth, guesses[i]);
              total++;
              right += guesses[i] == truth;
            }
          dm_tagger_input_clear (&input);
        }

      g_clear_pointer (&model, g_bytes_unref);
      model = dm_perceptron_trainer_save (trainer, "tagger", extra, min_weight);
      if (verbose)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(DmTagger) tagger = dm_tagger_new_from_bytes (model, &error);

          g_assert_no_error (error);
          printf ("tagger epoch %u: training %.2f%% (model words), %.1f MB\n", epoch + 1,
                  100.0 * right / MAX (1, total), g_bytes_get_size (model) / 1e6);
          for (guint h = 0; heldout != NULL && h < heldout->len; h++)
            dm_train_report_tagging (tagger, g_ptr_array_index (heldout, h));
          fflush (stdout);
        }
    }
  dm_features_clear (&feats);
  return model;
}

int
dm_train_tagger_main (int    argc,
                      char **argv)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) heldout_specs = NULL;
  g_auto(GStrv) train_paths = NULL;
  int epochs = 8;
  double min_weight = 0.05;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Where to write the model", "FILE" },
    { "heldout", 0, 0, G_OPTION_ARG_STRING_ARRAY, &heldout_specs,
      "Held-out sentences to report accuracy on", "LABEL:FILE[,FILE…]" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Passes over the training data", "N" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight,
      "Drop averaged weights smaller than this", "W" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &train_paths, NULL, "TRAIN.conllu…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— train the part-of-speech tagger");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) train = NULL;
  g_autoptr(GPtrArray) heldout = NULL;
  g_autoptr(GBytes) model = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out == NULL ||
      train_paths == NULL || epochs < 1)
    {
      fprintf (stderr, "dramatis-train tagger: %s\n",
               error != NULL ? error->message : "--out and training files are needed");
      return 2;
    }
  if ((train = dm_train_load_files ((const char * const *) train_paths, &error)) == NULL ||
      (heldout = dm_train_load_sets ((const char * const *) heldout_specs, &error)) == NULL)
    {
      fprintf (stderr, "dramatis-train tagger: %s\n", error->message);
      return 1;
    }
  printf ("tagger: %u training sentences\n", train->len);
  model = dm_train_tagger (train, epochs, min_weight, heldout, TRUE);
  if (!dm_train_write_model (out, model, &error))
    {
      fprintf (stderr, "dramatis-train tagger: %s\n", error->message);
      return 1;
    }
  return 0;
}
