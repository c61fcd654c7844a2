/* dm-train-rekey-tagger.c — dramatis-train rekey-tagger: a tagger model keyed the earlier way
 * (FNV over every string's bytes) rewritten with the keys the tagger computes now
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   dramatis-train rekey-tagger IN.model OUT.model TRAIN.conllu…
 *
 * As rekey-parser (dm-train-rekey.c): every feature each template can make of the strings
 * the tagger was trained on is hashed both ways. Those strings are the training sentences'
 * words (lower-case and as written) with their affixes and shapes, the model's classes, the
 * padding beyond a sentence's ends, the irregular verbs' columns and what the left-context
 * features compose of these (the nearest verb: an auxiliary's word or a tag; where the
 * clause starts). Two words of one feature (the word and the next, the previous and the
 * word) come from one sentence. The dictionary is kept; its section gains the line naming
 * the keys.
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-tagger-private.h"
#include "dm-train-private.h"
#include "dm-train-rekey-private.h"

static const char * const pad_words[] = { "-START-", "-START2-", "-END-", "-END2-" };

/* Adds each key of @set to list @kind of @r. */
static void
add_set (DmRekey    *r,
         char        kind,
         GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dm_rekey_add_string (r->lists[(guchar) kind], key);
}

static void
add_owned (GHashTable *set,
           char       *s)
{
  g_hash_table_add (set, (gpointer) g_intern_string (s));
  g_free (s);
}

static void
collect_strings (DmRekey            *r,
                 GPtrArray          *train,
                 const DmPerceptron *model,
                 GPtrArray          *sentence_words)
{
  GHashTable *sets[128] = { NULL };
  static const char kinds[] = "EWFSH2PTVXZC";
  GHashTableIter iter;
  gpointer value;

  for (const char *k = kinds; *k; k++)
    sets[(guchar) *k] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < train->len; s++)
    {
      DmConlluSentence *sentence = g_ptr_array_index (train, s);
      g_autofree const char **raw = dm_train_forms (sentence);
      GArray *list = g_array_new (FALSE, FALSE, sizeof (DmRekeyString));
      DmTaggerInput input;

      dm_tagger_input_init (&input, raw, sentence->words->len);
      for (guint i = 0; i < input.n; i++)
        {
          const char *w = input.lowers[i];
          gsize len = strlen (w);
          const char *verb_form;
          char shape[12];

          dm_rekey_add_string (list, w);
          g_hash_table_add (sets['W'], (gpointer) g_intern_string (w));
          g_hash_table_add (sets['F'], (gpointer) g_intern_string (input.forms[i]));
          for (gsize k = 1; k <= 4; k++)
            g_hash_table_add (sets['S'], (gpointer) g_intern_string (len > k ? w + len - k : w));
          for (gsize k = 1; k <= 3; k++)
            add_owned (sets['S'], g_strndup (w, k));
          g_hash_table_add (sets['2'], (gpointer) g_intern_string (len > 2 ? w + len - 2 : w));
          /* only a training word's columns can be in a feature */
          if ((verb_form = dm_tagger_verb_form (w)) != NULL)
            {
              g_hash_table_add (sets['V'], (gpointer) g_intern_string (verb_form));
              g_hash_table_add (sets['Z'], (gpointer) g_intern_string (verb_form));
            }
          add_owned (sets['X'], g_strconcat ("aux:", w, NULL));
          dm_tagger_word_shape (input.forms[i], shape);
          g_hash_table_add (sets['H'], (gpointer) g_intern_string (shape));
        }
      dm_tagger_input_clear (&input);
      for (guint p = 0; p < G_N_ELEMENTS (pad_words); p++)
        dm_rekey_add_string (list, pad_words[p]);
      g_ptr_array_add (sentence_words, list);
    }
  for (guint p = 0; p < G_N_ELEMENTS (pad_words); p++)
    {
      gsize len = strlen (pad_words[p]);

      g_hash_table_add (sets['W'], (gpointer) pad_words[p]);
      g_hash_table_add (sets['S'], (gpointer) g_intern_string (pad_words[p] + len - 3));
    }
  g_hash_table_add (sets['T'], (gpointer) "-START-");
  g_hash_table_add (sets['T'], (gpointer) "-START2-");
  g_hash_table_add (sets['E'], (gpointer) "");
  g_hash_table_add (sets['P'], (gpointer) "first");
  g_hash_table_add (sets['P'], (gpointer) "inner");
  g_hash_table_add (sets['X'], (gpointer) "-none-");
  g_hash_table_add (sets['X'], (gpointer) "-far-");
  for (const char * const *nominal = (const char * const[]) { "", "+N", "+NP", NULL }; *nominal; nominal++)
    add_owned (sets['C'], g_strconcat ("^", *nominal, NULL));
  for (guint k = 0; k < dm_perceptron_n_classes (model); k++)
    {
      const char *name = dm_perceptron_class_name (model, k);
      g_autofree char *xpos = g_strndup (name, strcspn (name, "/"));

      g_hash_table_add (sets['T'], (gpointer) g_intern_string (name));
      g_hash_table_add (sets['X'], (gpointer) g_intern_string (xpos));
      for (const char * const *nominal = (const char * const[]) { "", "+N", "+NP", NULL }; *nominal; nominal++)
        add_owned (sets['C'], g_strconcat (xpos, *nominal, NULL));
    }
  g_hash_table_iter_init (&iter, sets['2']);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_hash_table_add (sets['Z'], value);

  for (const char *k = kinds; *k; k++)
    {
      add_set (r, *k, sets[(guchar) *k]);
      g_hash_table_unref (sets[(guchar) *k]);
    }
  printf ("rekey-tagger: %u words, %u affixes, %u shapes, %u tags\n", r->lists['W']->len,
          r->lists['S']->len, r->lists['H']->len, r->lists['T']->len);
}

static GBytes *
rekey (const DmPerceptron *model,
       GPtrArray          *train,
       GError            **error)
{
  g_autoptr(GPtrArray) sentence_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GBytes *old_extra = dm_perceptron_get_extra (model);
  g_autoptr(GByteArray) extra = g_byte_array_new ();
  g_autoptr(GBytes) extra_bytes = NULL;
  const char * const *templates;
  guint n_templates;
  DmRekey r = { 0 };

  if (dm_tagger_keys_skip (old_extra, NULL) != NULL)
    {
      g_set_error_literal (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                           "the tagger model is keyed from per-word hashes already");
      return NULL;
    }
  g_byte_array_append (extra, (const guint8 *) DM_TAGGER_KEYS, strlen (DM_TAGGER_KEYS));
  if (old_extra != NULL)
    g_byte_array_append (extra, g_bytes_get_data (old_extra, NULL), g_bytes_get_size (old_extra));
  extra_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&extra));

  templates = dm_tagger_template_strings (&n_templates);
  dm_rekey_init (&r, model);
  collect_strings (&r, train, model, sentence_words);
  return dm_rekey_finish (&r, "rekey-tagger", model, templates, n_templates, sentence_words,
                          extra_bytes, error);
}

int
dm_train_rekey_tagger_main (int    argc,
                            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("IN.model OUT.model TRAIN.conllu…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) train = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  g_autoptr(GBytes) rekeyed = NULL;

  g_option_context_set_summary (context, "Rewrites a tagger model keyed the earlier way with "
                                "the keys of this build, from the treebanks it was trained on.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 4)
    {
      fprintf (stderr, "dramatis-train rekey-tagger: %s\n",
               error != NULL ? error->message : "the two models and the training files are needed");
      return 2;
    }
  if ((model = dm_rekey_read_model (argv[1], "tagger", &error)) == NULL ||
      (train = dm_train_load_files ((const char * const *) argv + 3, &error)) == NULL ||
      (rekeyed = rekey (model, train, &error)) == NULL ||
      !dm_train_write_model (argv[2], rekeyed, &error))
    {
      fprintf (stderr, "dramatis-train rekey-tagger: %s\n", error->message);
      return 1;
    }
  return 0;
}
