/* dm-train-parser.c — dramatis-train parser: trains the dependency model
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trained on tags a tagger predicts, not gold tags, so the parser learns the tagger's
 * mistakes: the training sentences are jackknifed (each fold tagged by a tagger trained on
 * the other folds). Each transition is learned from the dynamic oracle of arc-hybrid
 * (Goldberg and Nivre 2013): after the first epoch the parser follows its own predictions
 * and learns the best move from wherever they lead.
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-parser-private.h"
#include "dm-train-private.h"

typedef struct {
  guint      n;
  char     **words;        /* parser word keys */
  char     **tags;         /* predicted "XPOS/UPOS" */
  int       *heads;        /* gold, root = n */
  DmDeprel  *labels;       /* gold */
} Example;

static void
example_free (gpointer data)
{
  Example *ex = data;

  g_strfreev (ex->words);
  g_strfreev (ex->tags);
  g_free (ex->heads);
  g_free (ex->labels);
  g_free (ex);
}

static Example *
example_new (const DmConlluSentence *sentence,
             const DmTagger         *tagger)
{
  Example *ex = g_new0 (Example, 1);
  g_autofree const char **tags = g_new0 (const char *, sentence->words->len + 1);

  ex->n = sentence->words->len;
  ex->words = g_new0 (char *, ex->n + 1);
  ex->tags = g_new0 (char *, ex->n + 1);
  ex->heads = g_new (int, ex->n + 1);
  ex->labels = g_new0 (DmDeprel, ex->n + 1);
  dm_train_tag_sentence (tagger, sentence, tags);
  for (guint i = 0; i < ex->n; i++)
    {
      DmConlluWord *w = dm_conllu_word (sentence, i);

      ex->words[i] = dm_parser_word_key (w->form, -1);
      ex->tags[i] = g_strdup (tags[i]);
      ex->heads[i] = w->head == 0 ? (int) ex->n : w->head - 1;
      ex->labels[i] = w->head == 0 ? DM_DEP_ROOT : dm_deprel_from_string (w->deprel);
    }
  ex->heads[ex->n] = -1;
  return ex;
}

/* Examples with jackknifed tags: fold f is tagged by a tagger trained without it. */
static GPtrArray *
jackknifed_examples (GPtrArray *train,
                     guint      folds,
                     guint      tagger_epochs)
{
  g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func (example_free);

  g_ptr_array_set_size (examples, train->len);
  for (guint f = 0; f < folds; f++)
    {
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(DmTagger) tagger = NULL;
      g_autoptr(GError) error = NULL;

      for (guint s = 0; s < train->len; s++)
        if (s % folds != f)
          g_ptr_array_add (rest, g_ptr_array_index (train, s));
      bytes = dm_train_tagger (rest, tagger_epochs, 0.0f, NULL, FALSE);
      tagger = dm_tagger_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      for (guint s = f; s < train->len; s += folds)
        examples->pdata[s] = example_new (g_ptr_array_index (train, s), tagger);
      printf ("parser: tagged fold %u of %u\n", f + 1, folds);
      fflush (stdout);
    }
  return g_steal_pointer (&examples);
}

/* Is there a gold arc between @word and any of @others? */
static gboolean
arcs_between (const Example *ex,
              guint          word,
              const guint   *others,
              guint          n_others)
{
  for (guint k = 0; k < n_others; k++)
    if (ex->heads[others[k]] == (int) word || ex->heads[word] == (int) others[k])
      return TRUE;
  return FALSE;
}

/* The moves that lose no gold arc reachable from @state (costs as in Goldberg and Nivre's
 * arc-hybrid oracle, with the root last in the buffer). */
static void
zero_cost_moves (const DmParserState *state,
                 const Example       *ex,
                 gboolean             ok[3])
{
  guint sl = state->stack_len;
  guint s0 = sl > 0 ? state->stack[sl - 1] : 0;
  guint n0 = state->buffer;

  for (guint m = 0; m < 3; m++)
    ok[m] = dm_parser_state_valid (state, m);
  if (sl == 0 || (ok[DM_MOVE_SHIFT] && ex->heads[n0] == (int) s0))
    {
      ok[DM_MOVE_LEFT] = ok[DM_MOVE_RIGHT] = FALSE;
      return;
    }
  if (ex->heads[s0] == (int) n0)
    {
      ok[DM_MOVE_SHIFT] = ok[DM_MOVE_RIGHT] = FALSE;
      return;
    }
  if (sl >= 2 && ex->heads[s0] == (int) state->stack[sl - 2])
    ok[DM_MOVE_LEFT] = FALSE;
  if (ok[DM_MOVE_SHIFT] && arcs_between (ex, n0, state->stack, sl))
    ok[DM_MOVE_SHIFT] = FALSE;
  for (guint w = n0 + 1; w <= ex->n; w++)
    if (ex->heads[w] == (int) s0 || ex->heads[s0] == (int) w)
      {
        ok[DM_MOVE_LEFT] = ok[DM_MOVE_RIGHT] = FALSE;
        break;
      }
  /* Every move loses an arc: any valid one is as good as the others. */
  if (!ok[0] && !ok[1] && !ok[2])
    for (guint m = 0; m < 3; m++)
      ok[m] = dm_parser_state_valid (state, m);
}

static guint
best_allowed (const float    *scores,
              const gboolean *allowed,
              int             move)
{
  guint best = G_MAXUINT;

  for (guint k = 0; k < DM_PARSER_N_CLASSES; k++)
    if (allowed[k] && (move < 0 || (int) dm_parser_class_move (k) == move) &&
        (best == G_MAXUINT || scores[k] > scores[best]))
      best = k;
  return best;
}

/* The best-scoring class that costs nothing: the gold relation for an arc move. */
static guint
best_gold (const DmParserState *state,
           const Example       *ex,
           const float         *scores,
           const gboolean      *allowed)
{
  gboolean ok[3];
  guint best = G_MAXUINT;

  zero_cost_moves (state, ex, ok);
  for (guint m = 0; m < 3; m++)
    {
      guint k;

      if (!ok[m])
        continue;
      if (m == DM_MOVE_SHIFT)
        k = 0;
      else
        {
          k = dm_parser_class (m, ex->labels[state->stack[state->stack_len - 1]]);
          if (!allowed[k])
            k = best_allowed (scores, allowed, m);
        }
      if (best == G_MAXUINT || scores[k] > scores[best])
        best = k;
    }
  return best;
}

static void
train_sentence (DmPerceptronTrainer *trainer,
                const Example       *ex,
                gboolean             explore,
                DmFeatures          *feats)
{
  DmParserState state;
  gboolean allowed[DM_PARSER_N_CLASSES];
  float scores[DM_PARSER_N_CLASSES];
  g_autofree guint64 *words_h = g_new (guint64, 2 * (ex->n + 2));
  guint64 *tags_h = words_h + ex->n + 2;

  /* the keys the parser computes at run time (dm_parser_parse_words ()) */
  dm_parser_hash_words ((const char * const *) ex->words, (const char * const *) ex->tags,
                        ex->n, words_h, tags_h);
  dm_parser_state_init (&state, ex->n);
  while (!dm_parser_state_done (&state))
    {
      guint guess, gold;

      dm_parser_state_allowed (&state, allowed);
      dm_parser_features_hashed (feats, &state, (const char * const *) ex->tags,
                                 words_h, tags_h, TRUE);
      memset (scores, 0, sizeof scores);
      dm_perceptron_trainer_score (trainer, feats, scores);
      guess = best_allowed (scores, allowed, -1);
      gold = best_gold (&state, ex, scores, allowed);
      dm_perceptron_trainer_update (trainer, feats, gold, guess);
      dm_parser_state_apply (&state, explore ? guess : gold);
    }
  dm_parser_state_clear (&state);
}

void
dm_train_report_parsing (const DmParser   *parser,
                         const DmTagger   *tagger,
                         const DmTrainSet *set)
{
  guint total = 0, uas = 0, las = 0, words = 0, words_uas = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint s = 0; s < set->sentences->len; s++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      DmConlluSentence *sentence = g_ptr_array_index (set->sentences, s);
      Example *ex = example_new (sentence, tagger);
      g_autofree int *heads = g_new (int, ex->n + 1);
      g_autofree DmDeprel *labels = g_new (DmDeprel, ex->n + 1);

      dm_parser_parse_words (parser, (const char * const *) ex->words,
                             (const char * const *) ex->tags, ex->n, heads, labels);
      for (guint i = 0; i < ex->n; i++)
        {
          int gold = ex->heads[i] == (int) ex->n ? -1 : ex->heads[i];

          gboolean punct = strcmp (dm_conllu_word (sentence, i)->upos, "PUNCT") == 0;

          total++;
          words += !punct;
          if (heads[i] == gold)
            {
              uas++;
              words_uas += !punct;
              las += labels[i] == ex->labels[i];
            }
        }
      example_free (ex);
    }
  printf ("  %s: UAS %.2f%%  LAS %.2f%%  UAS without punctuation %.2f%%  (%u words, %.0f words/s tagged and parsed)\n",
          set->label, 100.0 * uas / MAX (1, total), 100.0 * las / MAX (1, total),
          100.0 * words_uas / MAX (1, words), total,
          total / MAX (1e-6, (g_get_monotonic_time () - start) / 1e6));
}

int
dm_train_parser_main (int    argc,
                      char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *tagger_path = NULL;
  g_auto(GStrv) heldout_specs = NULL;
  g_auto(GStrv) train_paths = NULL;
  int epochs = 12, folds = 4, tagger_epochs = 8;
  double min_weight = 0.05;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Where to write the model", "FILE" },
    { "tagger", 0, 0, G_OPTION_ARG_FILENAME, &tagger_path,
      "The tagger model that tags held-out sentences", "FILE" },
    { "heldout", 0, 0, G_OPTION_ARG_STRING_ARRAY, &heldout_specs,
      "Held-out sentences to report attachment scores on", "LABEL:FILE[,FILE…]" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Passes over the training data", "N" },
    { "folds", 0, 0, G_OPTION_ARG_INT, &folds, "Jackknife folds for training tags", "N" },
    { "tagger-epochs", 0, 0, G_OPTION_ARG_INT, &tagger_epochs,
      "Epochs of each jackknife tagger (as the shipped tagger's)", "N" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight,
      "Drop averaged weights smaller than this", "W" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &train_paths, NULL, "TRAIN.conllu…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— train the dependency parser");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) train = NULL;
  g_autoptr(GPtrArray) heldout = NULL;
  g_autoptr(GPtrArray) examples = NULL;
  g_autoptr(DmPerceptronTrainer) trainer = NULL;
  g_autoptr(DmTagger) tagger = NULL;
  g_autoptr(GBytes) model = NULL;
  DmFeatures feats;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out == NULL ||
      tagger_path == NULL || train_paths == NULL || epochs < 1 || folds < 2)
    {
      fprintf (stderr, "dramatis-train parser: %s\n",
               error != NULL ? error->message : "--out, --tagger and training files are needed");
      return 2;
    }
  if ((tagger = dm_train_load_model ("tagger.model", tagger_path, &error)) == NULL ||
      (train = dm_train_load_files ((const char * const *) train_paths, &error)) == NULL ||
      (heldout = dm_train_load_sets ((const char * const *) heldout_specs, &error)) == NULL)
    {
      fprintf (stderr, "dramatis-train parser: %s\n", error->message);
      return 1;
    }

  printf ("parser: %u training sentences, %d jackknife folds\n", train->len, folds);
  examples = jackknifed_examples (train, folds, tagger_epochs);
  trainer = dm_perceptron_trainer_new (dm_parser_class_names ());
  dm_features_init (&feats);
  for (guint epoch = 0; epoch < (guint) epochs; epoch++)
    {
      g_autoptr(DmParser) parser = NULL;

      dm_train_shuffle (examples, epoch);
      for (guint s = 0; s < examples->len; s++)
        train_sentence (trainer, g_ptr_array_index (examples, s), epoch > 0, &feats);

      g_clear_pointer (&model, g_bytes_unref);
      model = dm_perceptron_trainer_save (trainer, "parser", dm_parser_model_extra (), min_weight);
      parser = dm_parser_new_from_bytes (model, &error);
      g_assert_no_error (error);
      printf ("parser epoch %u: %.1f MB\n", epoch + 1, g_bytes_get_size (model) / 1e6);
      for (guint h = 0; h < heldout->len; h++)
        dm_train_report_parsing (parser, tagger, g_ptr_array_index (heldout, h));
      fflush (stdout);
    }
  dm_features_clear (&feats);

  if (!dm_train_write_model (out, model, &error))
    {
      fprintf (stderr, "dramatis-train parser: %s\n", error->message);
      return 1;
    }
  return 0;
}
