/* dm-train-rekey.c — dramatis-train rekey-parser and rekey-tagger: a model keyed the
 * earlier way (FNV over every string's bytes) rewritten with the keys the parser or the
 * tagger computes now
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   dramatis-train rekey-parser --tagger tagger.model IN.model OUT.model TRAIN.conllu…
 *   dramatis-train rekey-tagger IN.model OUT.model TRAIN.conllu…
 *
 * A key is a hash of its template and strings and cannot be read back, but the strings a
 * parser was trained on are known: the words of its training sentences, the tags, the
 * relation labels and the small numbers. Every feature each template can make of them is
 * hashed the earlier way (dm_features_start () and dm_features_extend (), what
 * dm_features_add* computed) and, where the model has that key, given the key the parser
 * computes now (dm_features_add_key* ()). Two words of one feature (s0 and n0, s1 and s0)
 * come from one sentence, so word pairs are those of each training sentence. The model keeps
 * its weights: it scores every transition exactly as before. Every key of the model must be
 * found, else nothing is written.
 *
 * The tagger's strings are the words of its training sentences (lower-case and as written),
 * their affixes and shapes, its classes, the padding beyond a sentence's ends, the irregular
 * verbs' columns and the few strings its left-context features compose of these.
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-parser-private.h"
#include "dm-perceptron-private.h"
#include "dm-tagger-private.h"
#include "dm-train-private.h"
#include "dm-train-rekey-private.h"

/* The strings of each template's features, in the order features_of () in dm-parser.c hashes
 * them: Word, Tag, Label, Number, or the Empty string of the bias. */
static const char * const template_strings[N_TEMPLATES] = {
  [F_BIAS] = "E",
  [F_S0W] = "W", [F_S0T] = "T", [F_S0WT] = "WT", [F_N0W] = "W", [F_N0T] = "T", [F_N0WT] = "WT",
  [F_N1W] = "W", [F_N1T] = "T", [F_N1WT] = "WT", [F_N2W] = "W", [F_N2T] = "T",
  [F_S1W] = "W", [F_S1T] = "T", [F_S1WT] = "WT", [F_S2W] = "W", [F_S2T] = "T",
  [F_S0W_N0W] = "WW", [F_S0T_N0T] = "TT", [F_S0WT_N0T] = "WTT", [F_S0T_N0WT] = "TWT",
  [F_S0W_N0WT] = "WWT", [F_S0WT_N0W] = "WTW",
  [F_N0T_N1T] = "TT", [F_N0T_N1T_N2T] = "TTT", [F_S0T_N0T_N1T] = "TTT", [F_S1T_S0T_N0T] = "TTT",
  [F_S2T_S1T_S0T] = "TTT", [F_S1T_S0T] = "TT",
  [F_S1W_S0W] = "WW", [F_S1T_S0W] = "TW", [F_S1W_S0T] = "WT",
  [F_S0T_S0L1T_N0T] = "TTT", [F_S0T_S0R1T_N0T] = "TTT", [F_S0T_N0T_N0L1T] = "TTT",
  [F_S0T_S0L1T_S0L2T] = "TTT", [F_S0T_S0R1T_S0R2T] = "TTT", [F_N0T_N0L1T_N0L2T] = "TTT",
  [F_S1T_S0T_S0L1T] = "TTT", [F_S1T_S0T_S0R1T] = "TTT", [F_S1T_S1R1T_S0T] = "TTT",
  [F_DIST_S0W] = "NW", [F_DIST_S0T] = "NT", [F_DIST_N0W] = "NW", [F_DIST_N0T] = "NT",
  [F_DIST_S0T_N0T] = "NTT", [F_DIST_S0W_N0W] = "NWW",
  [F_S0W_VR] = "WN", [F_S0T_VR] = "TN", [F_S0W_VL] = "WN", [F_S0T_VL] = "TN",
  [F_N0W_VL] = "WN", [F_N0T_VL] = "TN",
  [F_S0L1W] = "W", [F_S0L1T] = "T", [F_S0L1L] = "L", [F_S0R1W] = "W", [F_S0R1T] = "T",
  [F_S0R1L] = "L", [F_N0L1W] = "W", [F_N0L1T] = "T", [F_N0L1L] = "L",
  [F_S0L2L] = "L", [F_S0R2L] = "L", [F_N0L2L] = "L",
  [F_S0T_S0LL] = "TLL", [F_S0T_S0RL] = "TLL", [F_N0T_N0LL] = "TLL",
  [F_S1R1L] = "L", [F_S1T_S1R1L] = "TL",
  [F_SV_N0T] = "TT", [F_SV_S0T_N0T] = "TTT", [F_SV_N0T_N0L1L] = "TTL", [F_SV_DEPTH_N0T] = "NTT",
};

static guint64 *
key_set_find (DmRekeySet *set,
              guint64     key)
{
  guint64 mask = ((guint64) 1 << set->bits) - 1;

  for (guint64 i = key >> (64 - set->bits);; i = (i + 1) & mask)
    {
      if (set->old_keys[i] == key)
        return &set->new_keys[i];
      if (set->old_keys[i] == 0)
        return NULL;
    }
}

static void
key_set_init (DmRekeySet         *set,
              const DmPerceptron *model)
{
  guint n = 0;

  for (const DmPerceptronSlot *s = model->slots; s < model->slots + model->n_homes || s->key != 0; s++)
    n += s->key != 0;
  set->n_keys = n;
  set->bits = g_bit_storage (2 * (guint64) n);
  set->old_keys = g_new0 (guint64, (gsize) 1 << set->bits);
  set->new_keys = g_new0 (guint64, (gsize) 1 << set->bits);
  for (const DmPerceptronSlot *s = model->slots; s < model->slots + model->n_homes || s->key != 0; s++)
    if (s->key != 0)
      {
        guint64 mask = ((guint64) 1 << set->bits) - 1;
        guint64 i = s->key >> (64 - set->bits);

        while (set->old_keys[i] != 0)
          i = (i + 1) & mask;
        set->old_keys[i] = s->key;
      }
}

static void
key_set_clear (DmRekeySet *set)
{
  g_free (set->old_keys);
  g_free (set->new_keys);
}

void
dm_rekey_add_string (GArray     *list,
                     const char *s)
{
  DmRekeyString str = { g_intern_string (s), dm_features_string_hash (s) };

  g_array_append_val (list, str);
}

/* Every feature of template @t from the strings of @kinds (the words from @words), hashed the
 * earlier way as far as @depth (@h); the strings chosen so far in @chosen. */
static void
enumerate (DmRekey       *r,
           guint          t,
           const char    *kinds,
           guint          depth,
           guint64        h,
           const DmRekeyString **chosen,
           GArray        *words)
{
  GArray *list;

  if (kinds[depth] == '\0')
    {
      guint64 *new_key = key_set_find (&r->keys, dm_features_mix (h));
      guint64 key;

      if (new_key == NULL)
        return;
      dm_features_reset (&r->feats);
      if (depth == 1)
        dm_features_add_key (&r->feats, t, chosen[0]->hash);
      else if (depth == 2)
        dm_features_add_key2 (&r->feats, t, chosen[0]->hash, chosen[1]->hash);
      else
        dm_features_add_key3 (&r->feats, t, chosen[0]->hash, chosen[1]->hash, chosen[2]->hash);
      key = r->feats.hashes[0];
      if (*new_key == 0)
        {
          *new_key = key;
          r->keys.n_found++;
        }
      else if (*new_key != key)
        r->keys.n_conflicts++;
      return;
    }
  list = kinds[depth] == 'W' && words != NULL ? words : r->lists[(guchar) kinds[depth]];
  for (guint k = 0; k < list->len; k++)
    {
      const DmRekeyString *str = &g_array_index (list, DmRekeyString, k);

      chosen[depth] = str;
      enumerate (r, t, kinds, depth + 1, dm_features_extend (h, str->s), chosen, words);
    }
}

static guint64
new_key_of (guint64  key,
            gpointer data)
{
  return *key_set_find (data, key);
}

/* The tags a trained parser saw: the tagger's classes and the treebanks' own. */
static void
collect_strings (DmRekey        *r,
                 GPtrArray      *train,
                 const DmTagger *tagger,
                 GPtrArray      *sentence_words)
{
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  const DmPerceptron *tagger_model = dm_tagger_get_model (tagger);
  GHashTableIter iter;
  gpointer key;

  for (guint k = 0; k < dm_perceptron_n_classes (tagger_model); k++)
    g_hash_table_add (tags, (gpointer) g_intern_string (dm_perceptron_class_name (tagger_model, k)));
  for (guint s = 0; s < train->len; s++)
    {
      DmConlluSentence *sentence = g_ptr_array_index (train, s);
      GArray *list = g_array_new (FALSE, FALSE, sizeof (DmRekeyString));

      for (guint i = 0; i < sentence->words->len; i++)
        {
          DmConlluWord *w = dm_conllu_word (sentence, i);
          g_autofree char *word = dm_parser_word_key (w->form, -1);
          g_autofree char *tag = g_strdup_printf ("%s/%s", w->xpos, w->upos);

          dm_rekey_add_string (list, word);
          g_hash_table_add (words, (gpointer) g_intern_string (word));
          g_hash_table_add (tags, (gpointer) g_intern_string (tag));
        }
      dm_rekey_add_string (list, "-NONE-");
      dm_rekey_add_string (list, "-ROOT-");
      g_ptr_array_add (sentence_words, list);
    }
  g_hash_table_add (words, (gpointer) "-NONE-");
  g_hash_table_add (words, (gpointer) "-ROOT-");
  g_hash_table_add (tags, (gpointer) "-NONE-");
  g_hash_table_add (tags, (gpointer) "-ROOT-");
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dm_rekey_add_string (r->lists['W'], key);
  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dm_rekey_add_string (r->lists['T'], key);
  for (guint d = 0; d < DM_N_DEPRELS; d++)
    dm_rekey_add_string (r->lists['L'], dm_deprel_to_string (d));
  dm_rekey_add_string (r->lists['L'], "-NONE-");
  for (guint v = 0; v <= 10; v++)
    dm_rekey_add_string (r->lists['N'], dm_parser_small_number (v));
  dm_rekey_add_string (r->lists['E'], "");
  printf ("rekey-parser: %u words, %u tags, %u labels\n",
          r->lists['W']->len, r->lists['T']->len, r->lists['L']->len);
}

DmPerceptron *
dm_rekey_read_model (const char  *path,
                     const char  *kind,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = dm_train_read_file (path, error);

  /* the model copies what it keeps */
  return bytes != NULL ? dm_perceptron_load (bytes, kind, error) : NULL;
}

void
dm_rekey_init (DmRekey            *r,
               const DmPerceptron *model)
{
  key_set_init (&r->keys, model);
  dm_features_init (&r->feats);
  for (guint k = 0; k < 128; k++)
    r->lists[k] = g_array_new (FALSE, FALSE, sizeof (DmRekeyString));
}

GBytes *
dm_rekey_finish (DmRekey            *r,
                 const char         *command,
                 const DmPerceptron *model,
                 const char * const *templates,
                 guint               n_templates,
                 GPtrArray          *sentence_words,
                 GBytes             *extra,
                 GError            **error)
{
  const DmRekeyString *chosen[3];
  GBytes *bytes = NULL;

  for (guint t = 1; t < n_templates; t++)
    {
      const char *kinds = templates[t];
      guint found = r->keys.n_found;

      g_assert (kinds != NULL && strlen (kinds) <= 3);
      /* two words: of one sentence */
      if (strchr (kinds, 'W') != strrchr (kinds, 'W'))
        for (guint s = 0; s < sentence_words->len; s++)
          enumerate (r, t, kinds, 0, dm_features_start (t), chosen, g_ptr_array_index (sentence_words, s));
      else
        enumerate (r, t, kinds, 0, dm_features_start (t), chosen, NULL);
      printf ("%s: template %u (%s): %u features\n", command, t, kinds, r->keys.n_found - found);
      fflush (stdout);
    }
  printf ("%s: %u of %u keys found, %u found twice with different strings\n",
          command, r->keys.n_found, r->keys.n_keys, r->keys.n_conflicts);
  if (r->keys.n_found != r->keys.n_keys || r->keys.n_conflicts > 0)
    g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                 "%u of the model's %u features are not features of these treebanks' strings, "
                 "%u ambiguous", r->keys.n_keys - r->keys.n_found, r->keys.n_keys, r->keys.n_conflicts);
  else
    bytes = dm_perceptron_save_rekeyed (model, extra, 0.0f, new_key_of, &r->keys, error);
  for (guint k = 0; k < 128; k++)
    g_array_unref (r->lists[k]);
  dm_features_clear (&r->feats);
  key_set_clear (&r->keys);
  return bytes;
}

static GBytes *
rekey (const DmPerceptron *model,
       GPtrArray          *train,
       const DmTagger     *tagger,
       GError            **error)
{
  g_autoptr(GPtrArray) sentence_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  DmRekey r = { 0 };

  dm_rekey_init (&r, model);
  collect_strings (&r, train, tagger, sentence_words);
  return dm_rekey_finish (&r, "rekey-parser", model, template_strings, N_TEMPLATES, sentence_words,
                       dm_parser_model_extra (), error);
}

int
dm_train_rekey_parser_main (int    argc,
                            char **argv)
{
  g_autofree char *tagger_path = NULL;
  GOptionEntry entries[] = {
    { "tagger", 0, 0, G_OPTION_ARG_FILENAME, &tagger_path, "The tagger model (for its tags)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("IN.model OUT.model TRAIN.conllu…");
  g_autoptr(GError) error = NULL;
  g_autoptr(DmTagger) tagger = NULL;
  g_autoptr(GPtrArray) train = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  g_autoptr(GBytes) rekeyed = NULL;

  g_option_context_set_summary (context, "Rewrites a parser model keyed the earlier way with "
                                "the keys of this build, from the treebanks it was trained on.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || tagger_path == NULL || argc < 4)
    {
      fprintf (stderr, "dramatis-train rekey-parser: %s\n",
               error != NULL ? error->message : "--tagger, the two models and the training files are needed");
      return 2;
    }
  if ((tagger = dm_train_load_model ("tagger.model", tagger_path, &error)) == NULL ||
      (model = dm_rekey_read_model (argv[1], "parser", &error)) == NULL ||
      (train = dm_train_load_files ((const char * const *) argv + 3, &error)) == NULL ||
      (rekeyed = rekey (model, train, tagger, &error)) == NULL ||
      !dm_train_write_model (argv[2], rekeyed, &error))
    {
      fprintf (stderr, "dramatis-train rekey-parser: %s\n", error->message);
      return 1;
    }
  return 0;
}
