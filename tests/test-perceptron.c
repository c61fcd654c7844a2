/* test-perceptron.c — the averaged perceptron learns, saves, loads, and refuses bad files
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-perceptron-private.h"
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

/* ---- format 1, as models trained before the in-place format were written ---- */

static void
put_le (GByteArray *out,
        guint64     v,
        guint       n_bytes)
{
  for (guint i = 0; i < n_bytes; i++)
    {
      guint8 b = v >> (8 * i);

      g_byte_array_append (out, &b, 1);
    }
}

static void
put_str (GByteArray *out,
         const char *s)
{
  put_le (out, strlen (s), 4);
  g_byte_array_append (out, (const guint8 *) s, strlen (s));
}

/* The hash that features () adds for (1, word). */
static guint64
word_key (const char *word)
{
  DmFeatures feats;
  guint64 key;

  dm_features_init (&feats);
  dm_features_add (&feats, 1, word);
  key = feats.hashes[0];
  dm_features_clear (&feats);
  return key;
}

/* A format-1 file by hand: "cherry" → red, "leaf" → green (with a small vote for red),
 * "sky" → blue. */
static GBytes *
format_1_file (void)
{
  static const struct { const char *word; guint klass; float weight; } weights[] = {
    { "cherry", 0, 2.0f }, { "leaf", 1, 3.0f }, { "leaf", 0, 0.5f }, { "sky", 2, 1.5f },
  };
  GByteArray *out = g_byte_array_new ();
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  g_byte_array_append (out, (const guint8 *) "DMMODEL", 8);
  put_le (out, 1, 4);
  put_str (out, "test");
  put_le (out, 3, 4);
  for (guint i = 0; colours[i] != NULL; i++)
    put_str (out, colours[i]);
  put_str (out, "dictionary");
  put_le (out, 3, 4);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      guint n = i + 1 < G_N_ELEMENTS (weights) && strcmp (weights[i + 1].word, weights[i].word) == 0 ? 2 : 1;

      put_le (out, word_key (weights[i].word), 8);
      put_le (out, n, 2);
      for (guint k = i; k < i + n; k++)
        {
          guint32 bits;

          memcpy (&bits, &weights[k].weight, 4);
          put_le (out, weights[k].klass, 2);
          put_le (out, bits, 4);
        }
      i += n - 1;
    }
  for (guint i = 0; i < out->len; i++)
    h = (h ^ out->data[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  put_le (out, h, 8);
  return g_byte_array_free_to_bytes (out);
}

static guint
predict_word (const DmPerceptron *model,
              const char         *word)
{
  DmFeatures feats;
  guint klass;

  dm_features_init (&feats);
  dm_features_add (&feats, 1, word);
  klass = dm_perceptron_predict (model, &feats, NULL);
  dm_features_clear (&feats);
  return klass;
}

static guint32
file_version (GBytes *bytes)
{
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  return data[8] | data[9] << 8 | data[10] << 16 | (guint32) data[11] << 24;
}

/* A model of the earlier format loads as it did, and converts to the current format with
 * the same predictions; converting a current file changes nothing. */
static void
test_reads_and_converts_format_1 (void)
{
  g_autoptr(GBytes) old = format_1_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (old, "test", &error);
  g_autoptr(GBytes) converted = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(DmPerceptron) reloaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (dm_perceptron_n_features (model), ==, 3);
  g_assert_cmpuint (g_bytes_get_size (dm_perceptron_get_extra (model)), ==, 10);
  g_assert_cmpuint (predict_word (model, "cherry"), ==, 0);
  g_assert_cmpuint (predict_word (model, "leaf"), ==, 1);
  g_assert_cmpuint (predict_word (model, "sky"), ==, 2);

  converted = dm_perceptron_convert (old, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_version (old), ==, 1);
  g_assert_cmpuint (file_version (converted), ==, DM_MODEL_VERSION);
  reloaded = dm_perceptron_load (converted, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_perceptron_n_features (reloaded), ==, 3);
  g_assert_cmpuint (predict_word (reloaded, "leaf"), ==, 1);
  g_assert_cmpuint (predict_word (reloaded, "sky"), ==, 2);

  again = dm_perceptron_convert (converted, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, converted));

  /* A damaged format-1 file is refused by its own checksum. */
  {
    gsize size = g_bytes_get_size (old);
    g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (old, NULL), size);
    g_autoptr(GBytes) flipped = NULL;

    copy[size / 2] ^= 0x01;
    flipped = g_bytes_new (copy, size);
    assert_refused (flipped, "test", DM_MODEL_ERROR_CORRUPT);
    g_assert_null (dm_perceptron_convert (flipped, NULL));
  }
}

/* ---- the table is checked, not only the checksum ---- */

/* Where the feature table of a trained() model saved without extra starts: after the
 * header, padded to 8 bytes, and the five counts. */
static gsize
table_offset (void)
{
  gsize at = 8 + 4 + 4 + strlen ("test") + 4;

  for (guint i = 0; colours[i] != NULL; i++)
    at += 4 + strlen (colours[i]);
  at += 4;
  return (at + 7) / 8 * 8 + 5 * 8;
}

/* @data with its checksum made right again: the damage below gets past the checksum, as a
 * crafted file would. */
static GBytes *
resealed (guint8 *data,
          gsize   size)
{
  guint64 sum = GUINT64_TO_LE (dm_model_word_checksum (data, size / 8 - 1));

  memcpy (data + size - 8, &sum, 8);
  return g_bytes_new (data, size);
}

static void
test_table_is_checked (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "test", NULL, 0.0f);
  gsize size, table = table_offset ();
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint64 counts[5];
  DmPerceptronSlot *slots;
  guint first_used = G_MAXUINT;

  memcpy (counts, data + table - 40, sizeof counts);
  g_assert_cmpuint (counts[3], ==, 0);   /* three classes: no feature has a row */
  g_assert_cmpuint (counts[4], ==, 8);
  g_assert_cmpuint (table + counts[1] * 16 + counts[2] * 8 + 8, ==, size);
  slots = (DmPerceptronSlot *) (data + table);
  for (guint i = 0; i < counts[1] && first_used == G_MAXUINT; i++)
    if (slots[i].key != 0)
      first_used = i;
  g_assert_cmpuint (first_used, <, counts[1]);

  for (guint damage = 0; damage < 6; damage++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      DmPerceptronSlot *s = (DmPerceptronSlot *) (copy + table);
      DmPerceptronEntry *e = (DmPerceptronEntry *) (copy + table + counts[1] * 16);
      g_autoptr(GBytes) bad = NULL;
      int code = DM_MODEL_ERROR_CORRUPT;

      switch (damage)
        {
        case 0: s[first_used].count = 4; break;                      /* more classes than the model has */
        case 1: s[first_used].first = counts[2]; break;              /* entries past the end */
        case 2: s[counts[1] - 1].key = s[first_used].key; break;     /* no free slot to end a probe */
        case 3: e[0].klass = 3; break;                               /* a class out of range */
        case 4: s[first_used].key ^= G_GUINT64_CONSTANT (1) << 63; break;   /* a key away from its home */
        case 5: copy[8] = 4; code = DM_MODEL_ERROR_VERSION; break;  /* a later format, intact */
        default: g_assert_not_reached ();
        }
      bad = resealed (copy, size);
      assert_refused (bad, "test", code);
    }
}

/* A file at an odd address (a buffer of someone else's) is copied before use, not misread. */
static void
test_unaligned_bytes (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) bytes = dm_perceptron_trainer_save (trainer, "test", NULL, 0.0f);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree guint8 *buffer = g_malloc (size + 1);
  g_autoptr(GBytes) odd = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = NULL;

  memcpy (buffer + 1, data, size);
  odd = g_bytes_new_static (buffer + 1, size);
  model = dm_perceptron_load (odd, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (predict_word (model, "sky"), ==, 2);
}

/* The writer lays the runs of weights out longest first, whatever order the features come
 * in (hot features packed together), and the weights stay each feature's own. */
static void
test_runs_longest_first (void)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  static const guint64 keys[] = { 11, 22, 33 };
  static const guint counts[] = { 1, 3, 2 };
  static const guint expected_first[] = { 5, 0, 3 };
  DmModelWriter *writer;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = NULL;

  for (guint i = 0; colours[i] != NULL; i++)
    g_ptr_array_add (classes, (gpointer) colours[i]);
  writer = dm_model_writer_new ("test", classes, NULL);
  for (guint f = 0; f < G_N_ELEMENTS (keys); f++)
    {
      dm_model_writer_begin_feature (writer, keys[f]);
      for (guint k = 0; k < counts[f]; k++)
        dm_model_writer_add_entry (writer, k, 10.0f * f + k + 1);
      dm_model_writer_end_feature (writer);
    }
  bytes = dm_model_writer_finish (writer, &error);
  g_assert_no_error (error);
  model = dm_perceptron_load (bytes, "test", &error);
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (keys); f++)
    {
      const DmPerceptronSlot *s = &model->slots[dm_perceptron_home (keys[f], model->n_homes)];

      while (s->key != keys[f])
        s++;
      g_assert_cmpuint (s->first, ==, expected_first[f]);
      g_assert_cmpuint (s->count, ==, counts[f]);
      for (guint k = 0; k < counts[f]; k++)
        {
          g_assert_cmpuint (model->entries[s->first + k].klass, ==, k);
          g_assert_cmpfloat (model->entries[s->first + k].weight, ==, 10.0f * f + k + 1);
        }
    }
}

/* A feature hashed a string at a time is the feature dm_features_add* hashes. */
static void
test_features_a_string_at_a_time (void)
{
  DmFeatures whole, parts;
  guint64 h;

  dm_features_init (&whole);
  dm_features_init (&parts);
  dm_features_add (&whole, 7, "minister");
  dm_features_add2 (&whole, 300, "NN/NOUN", "said");
  dm_features_add3 (&whole, 12, "ab", NULL, "c");
  dm_features_add3 (&whole, 12, "a", "b", "c");

  dm_features_add_hash (&parts, dm_features_extend (dm_features_start (7), "minister"));
  h = dm_features_extend (dm_features_start (300), "NN/NOUN");
  dm_features_add_hash (&parts, dm_features_extend (h, "said"));
  h = dm_features_extend (dm_features_extend (dm_features_start (12), "ab"), NULL);
  dm_features_add_hash (&parts, dm_features_extend (h, "c"));
  h = dm_features_extend (dm_features_extend (dm_features_start (12), "a"), "b");
  dm_features_add_hash (&parts, dm_features_extend (h, "c"));

  g_assert_cmpuint (parts.len, ==, 4);
  g_assert_cmpmem (parts.hashes, 4 * sizeof (guint64), whole.hashes, 4 * sizeof (guint64));
  /* the separators keep ("ab", "", "c") apart from ("a", "b", "c") */
  g_assert_cmpuint (whole.hashes[2], !=, whole.hashes[3]);
  dm_features_clear (&whole);
  dm_features_clear (&parts);
}

/* Keys from per-string hashes (the parser's): the order of the strings and the template
 * count, and the keys of many similar features spread over a table's homes as evenly as
 * chance does (the table indexes by their high bits): a parser's word-pair features differ
 * in one string of three, its tag features in a handful of similar short strings. */
static void
test_keys_from_string_hashes (void)
{
  enum { N_HOMES = 64, N_WORDS = 200, N_TAGS = 40 };
  static const char * const tags[] = { "NN/NOUN", "NNS/NOUN", "DT/DET", "-NONE-" };
  guint counts[N_HOMES] = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  DmFeatures feats;
  guint64 a = dm_features_string_hash ("minister"), b = dm_features_string_hash ("said");
  guint n = 0;

  dm_features_init (&feats);
  dm_features_add_key2 (&feats, 18, a, b);
  dm_features_add_key2 (&feats, 18, b, a);
  dm_features_add_key2 (&feats, 19, a, b);
  dm_features_add_key3 (&feats, 18, a, b, dm_features_string_hash (""));
  for (guint i = 0; i < feats.len; i++)
    for (guint j = 0; j < i; j++)
      g_assert_cmpuint (feats.hashes[i], !=, feats.hashes[j]);
  g_assert_cmpuint (dm_features_string_hash (NULL), ==, dm_features_string_hash (""));

  for (guint w = 0; w < N_WORDS; w++)
    for (guint t = 0; t < N_TAGS; t++)
      {
        g_autofree char *word = g_strdup_printf ("w%u", w);
        g_autofree char *tag = g_strdup_printf ("%s%u", tags[t % G_N_ELEMENTS (tags)], t);

        dm_features_reset (&feats);
        dm_features_add_key3 (&feats, 47, dm_features_string_hash ("1"),
                              dm_features_string_hash (word), dm_features_string_hash (tag));
        g_hash_table_add (seen, g_memdup2 (&feats.hashes[0], sizeof (guint64)));
        counts[(((unsigned __int128) feats.hashes[0] * N_HOMES) >> 64)]++;
        n++;
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  /* 125 a home on average; a home off by 5 standard deviations (±56) would be no chance */
  for (guint h = 0; h < N_HOMES; h++)
    g_assert_cmpuint (ABS ((int) counts[h] - (int) (n / N_HOMES)), <, 56);
  dm_features_clear (&feats);
}

/* ---- format 3: full rows ---- */

/* A model of 20 classes: feature 1 has weights for 16 of them (a row; one of them -0),
 * feature 2 for three (entries), feature 3 for 14 that are all zero (entries: a row of
 * zeros would read as no weights). */
static GBytes *
model_with_rows (void)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  DmModelWriter *writer;
  GBytes *bytes;

  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (classes, g_strdup_printf ("c%u", i));
  writer = dm_model_writer_new ("test", classes, NULL);
  dm_model_writer_begin_feature (writer, 1);
  for (guint k = 0; k < 16; k++)
    dm_model_writer_add_entry (writer, (k * 7) % 20, k % 3 == 0 ? -0.5f * k : 0.25f * k);
  dm_model_writer_end_feature (writer);
  dm_model_writer_begin_feature (writer, 2);
  dm_model_writer_add_entry (writer, 19, 2.5f);
  dm_model_writer_add_entry (writer, 3, 1.0f);
  dm_model_writer_add_entry (writer, 0, -4.0f);
  dm_model_writer_end_feature (writer);
  dm_model_writer_begin_feature (writer, 3);
  for (guint k = 0; k < 14; k++)
    dm_model_writer_add_entry (writer, k, 0.0f);
  dm_model_writer_end_feature (writer);
  bytes = dm_model_writer_finish (writer, &error);
  g_assert_no_error (error);
  return bytes;
}

static const DmPerceptronSlot *
slot_of (const DmPerceptron *model,
         guint64             key)
{
  const DmPerceptronSlot *s = &model->slots[dm_perceptron_home (key, model->n_homes)];

  while (s->key != key)
    s++;
  return s;
}

/* The scores of features 1 and 2 added by hand, in feature order. */
static void
expected_scores (float *scores)
{
  memset (scores, 0, 20 * sizeof (float));
  for (guint k = 0; k < 16; k++)
    scores[(k * 7) % 20] += k % 3 == 0 ? -0.5f * k : 0.25f * k;
  scores[19] += 2.5f;
  scores[3] += 1.0f;
  scores[0] += -4.0f;
}

static void
test_rows (void)
{
  g_autoptr(GBytes) bytes = model_with_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "test", &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(DmPerceptron) reloaded = NULL;
  float scores[20], expected[20];
  guint best = 0;
  DmFeatures feats;

  g_assert_no_error (error);
  g_assert_nonnull (model->rows);
  g_assert_cmpuint (model->row_len, ==, 24);
  g_assert_cmpuint (slot_of (model, 1)->count, ==, 0);
  g_assert_cmpuint (slot_of (model, 2)->count, ==, 3);
  g_assert_cmpuint (slot_of (model, 3)->count, ==, 14);
  g_assert_cmpuint (dm_perceptron_n_features (model), ==, 3);

  /* The same sums as the entries give, one class at a time or a vector at a time. */
  expected_scores (expected);
  dm_features_init (&feats);
  feats.hashes = g_new (guint64, 3);
  feats.hashes[0] = 1, feats.hashes[1] = 2, feats.hashes[2] = 3;
  feats.len = feats.cap = 3;
  memset (scores, 0, sizeof scores);
  dm_perceptron_score (model, &feats, scores);
  for (guint c = 0; c < 20; c++)
    {
      g_assert_cmpfloat (scores[c], ==, expected[c]);
      if (expected[c] > expected[best])
        best = c;
    }
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, best);

  /* Saved again (a row gives back its entries), it is the same file. */
  saved = dm_perceptron_save (model, 0.0f);
  g_assert_true (g_bytes_equal (saved, bytes));
  reloaded = dm_perceptron_load (saved, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_perceptron_predict (reloaded, &feats, NULL), ==, best);
  dm_features_clear (&feats);
}

/* The parser's and the tagger's rows are 13 vectors (99 and 98 classes), which scoring
 * adds unrolled: every vector counts, the last one's classes too. */
static void
test_rows_of_thirteen_vectors (void)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  g_autofree gboolean *allowed = g_new (gboolean, 99);
  DmModelWriter *writer;
  DmFeatures feats;

  for (guint i = 0; i < 99; i++)
    g_ptr_array_add (classes, g_strdup_printf ("c%u", i));
  writer = dm_model_writer_new ("test", classes, NULL);
  dm_model_writer_begin_feature (writer, 1);   /* a row rising to class 98 */
  for (guint k = 0; k < 99; k++)
    dm_model_writer_add_entry (writer, k, 0.01f * k - 0.5f);
  dm_model_writer_end_feature (writer);
  dm_model_writer_begin_feature (writer, 2);   /* one entry that lifts class 3 above it */
  dm_model_writer_add_entry (writer, 3, 1.0f);
  dm_model_writer_end_feature (writer);
  bytes = dm_model_writer_finish (writer, &error);
  g_assert_no_error (error);
  model = dm_perceptron_load (bytes, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (model->row_len, ==, 13 * 8);
  g_assert_cmpuint (slot_of (model, 1)->count, ==, 0);

  dm_features_init (&feats);
  feats.hashes = g_new (guint64, 2);
  feats.cap = 2;
  feats.hashes[0] = 1, feats.len = 1;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, 98);
  for (guint k = 0; k < 99; k++)
    allowed[k] = k != 98;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, allowed), ==, 97);
  feats.hashes[1] = 2, feats.len = 2;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, 3);
  feats.hashes[0] = 2, feats.hashes[1] = 1;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, 3);
  dm_features_clear (&feats);
}

/* The best allowed class is found eight classes at a time: ties go to the lower class in
 * every group of eight and across groups, a class past the last full group counts, and with
 * no class allowed the answer is class 0, as the one-at-a-time loop gives. */
static void
test_best_class_eight_at_a_time (void)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  g_autofree gboolean *allowed = g_new0 (gboolean, 99);
  DmModelWriter *writer;
  DmFeatures feats;

  for (guint i = 0; i < 99; i++)
    g_ptr_array_add (classes, g_strdup_printf ("c%u", i));
  writer = dm_model_writer_new ("test", classes, NULL);
  dm_model_writer_begin_feature (writer, 1);   /* classes 10, 50 and 98 tie on top */
  for (guint k = 0; k < 99; k++)
    dm_model_writer_add_entry (writer, k, k == 10 || k == 50 || k == 98 ? 2.0f : 0.25f);
  dm_model_writer_end_feature (writer);
  bytes = dm_model_writer_finish (writer, &error);
  g_assert_no_error (error);
  model = dm_perceptron_load (bytes, "test", &error);
  g_assert_no_error (error);

  dm_features_init (&feats);
  dm_features_add_hash (&feats, 0);
  feats.hashes[0] = 1;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, NULL), ==, 10);
  allowed[50] = allowed[98] = TRUE;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, allowed), ==, 50);
  allowed[50] = FALSE;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, allowed), ==, 98);
  allowed[98] = FALSE;
  allowed[37] = allowed[90] = TRUE;             /* a tie below the top */
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, allowed), ==, 37);
  allowed[37] = allowed[90] = FALSE;
  g_assert_cmpuint (dm_perceptron_predict (model, &feats, allowed), ==, 0);
  dm_features_clear (&feats);
}

/* A format-3 file's rows are checked as its entries are. */
static void
test_rows_are_checked (void)
{
  g_autoptr(GBytes) bytes = model_with_rows ();
  g_autoptr(DmPerceptron) model = dm_perceptron_load (bytes, "test", NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize slots_at = (const guint8 *) model->slots - data;
  gsize rows_at = (const guint8 *) model->rows - data;
  gsize row_slot = (const guint8 *) slot_of (model, 1) - data;

  for (guint damage = 0; damage < 4; damage++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      DmPerceptronSlot *s = (DmPerceptronSlot *) (copy + row_slot);
      float *row = (float *) (copy + rows_at);
      g_autoptr(GBytes) bad = NULL;

      switch (damage)
        {
        case 0: s->first = 1; break;                                  /* a row past the end */
        case 1: row[20] = 1.0f; break;                                /* a weight past the classes */
        case 2: memset (row, 0, 24 * sizeof (float)); break;          /* a row without weights */
        case 3: copy[slots_at - 8] = 16; break;                       /* a row length not the classes' */
        default: g_assert_not_reached ();
        }
      bad = resealed (copy, size);
      assert_refused (bad, "test", DM_MODEL_ERROR_CORRUPT);
    }
}

/* A format-2 file (format 3 without rows and without their two counts) loads, predicts as
 * it did, and converts to the current format. */
static void
test_reads_and_converts_format_2 (void)
{
  g_autoptr(DmPerceptronTrainer) trainer = trained ();
  g_autoptr(GBytes) current = dm_perceptron_trainer_save (trainer, "test", NULL, 0.0f);
  gsize size, table = table_offset ();
  const guint8 *data = g_bytes_get_data (current, &size);
  g_autofree guint8 *old = g_malloc (size - 16);
  g_autoptr(GBytes) v2 = NULL;
  g_autoptr(GBytes) converted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = NULL;

  memcpy (old, data, table - 16);
  memcpy (old + table - 16, data + table, size - table);
  old[8] = 2;
  v2 = resealed (old, size - 16);
  model = dm_perceptron_load (v2, "test", &error);
  g_assert_no_error (error);
  g_assert_null (model->rows);
  g_assert_cmpuint (predict_word (model, "cherry"), ==, 0);
  g_assert_cmpuint (predict_word (model, "leaf"), ==, 1);
  g_assert_cmpuint (predict_word (model, "sky"), ==, 2);
  converted = dm_perceptron_convert (v2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_version (converted), ==, DM_MODEL_VERSION);
  g_assert_true (g_bytes_equal (converted, current));
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
  g_test_add_func ("/dramatis/perceptron/reads-and-converts-format-1", test_reads_and_converts_format_1);
  g_test_add_func ("/dramatis/perceptron/table-is-checked", test_table_is_checked);
  g_test_add_func ("/dramatis/perceptron/unaligned-bytes", test_unaligned_bytes);
  g_test_add_func ("/dramatis/perceptron/runs-longest-first", test_runs_longest_first);
  g_test_add_func ("/dramatis/perceptron/features-a-string-at-a-time", test_features_a_string_at_a_time);
  g_test_add_func ("/dramatis/perceptron/rows", test_rows);
  g_test_add_func ("/dramatis/perceptron/rows-are-checked", test_rows_are_checked);
  g_test_add_func ("/dramatis/perceptron/rows-of-thirteen-vectors", test_rows_of_thirteen_vectors);
  g_test_add_func ("/dramatis/perceptron/best-class-eight-at-a-time", test_best_class_eight_at_a_time);
  g_test_add_func ("/dramatis/perceptron/reads-and-converts-format-2", test_reads_and_converts_format_2);
  g_test_add_func ("/dramatis/perceptron/parse-names", test_parse_names);
  g_test_add_func ("/dramatis/perceptron/keys-from-string-hashes", test_keys_from_string_hashes);
  return g_test_run ();
}
