/* dm-tagger.c — part-of-speech tagger: UD tags and Penn Treebank tags for parse tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-tagger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <gio/gio.h>
#include <string.h>

#include "dm-parse-tokens.h"
#include "dm-tagger-private.h"
#include "dm-text.h"
#include "dm-word-index.h"

struct _DmTagger
{
  DmPerceptron *model;
  GHashTable   *dictionary;   /* form → class + 1 */
  DmUpos       *upos;         /* per class */
  guint8       *xpos;
  gboolean     *proper;       /* per class: a proper noun's tag (NNP/PROPN, NNPS/PROPN) */
  gboolean      has_proper;   /* the model has such a class */
  guint64      *tag_hashes;   /* per class: its name's dm_features_string_hash () */
};

enum {
  F_BIAS = 1, F_LOWER, F_SUFFIX1, F_SUFFIX2, F_SUFFIX3, F_SUFFIX4, F_PREFIX1, F_PREFIX2,
  F_PREFIX3, F_SHAPE, F_PREV, F_PREV2, F_PREV_PREV2, F_PREV_WORD, F_LOWER_M1, F_SUFFIX3_M1,
  F_LOWER_M2, F_LOWER_P1, F_SUFFIX3_P1, F_LOWER_P2, F_FIRST_SHAPE, F_FORM, F_PREV_SUFFIX3,
  F_PREV_NEXT, F_WORD_NEXT, F_PREV_WORD_PAIR, F_SHAPE_M1, F_SHAPE_P1, F_VERB_FORM,
  F_PREV_VERB_FORM, F_LEFT_VERB, F_LEFT_VERB_FORM, F_NEAR_VERB, F_CLAUSE_START,
};

#define IRREGULAR_VERBS "/io/github/dramatis/lexicon/irregular-verbs.tsv"

/* Irregular verb forms from the lexicon (English grammar, not news usage): "held" is a past
 * form and a participle. Rare forms like "held" or "met" after a noun are otherwise easily
 * taken for nouns. Word → a short string naming its columns ("pp": past and participle).
 * Made once in a process, when a first sentence is tagged: the file's text is cut up in
 * place and kept, its words are the keys. */
static DmWordIndex *
irregular_forms (void)
{
  static DmWordIndex *forms;
  /* kept for the process with the table: its keys point into the text, its values into
   * the marks */
  static char *text;
  static GStringChunk *marks;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (IRREGULAR_VERBS, 0, NULL);
      DmWordIndex *table = dm_word_index_new (1800);
      char *line;

      marks = g_string_chunk_new (4096);
      text = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
      line = text;

      /* lines, then up to five tab-separated columns (the fifth takes the rest), then
       * "/"-separated variants, as g_strsplit () would cut them */
      while (line != NULL)
        {
          char *next = strchr (line, '\n');
          char *column = line;

          if (next != NULL)
            *next++ = '\0';
          if (line[0] == '#' || line[0] == '\0')
            column = NULL;
          for (guint c = 0; column != NULL; c++)
            {
              char *next_column = c < 4 ? strchr (column, '\t') : NULL;
              char *variant = column;

              if (next_column != NULL)
                *next_column++ = '\0';
              while (variant != NULL)
                {
                  char *next_variant = strchr (variant, '/');
                  gboolean added;
                  gpointer *mark;

                  if (next_variant != NULL)
                    *next_variant++ = '\0';
                  if (variant[0] != '\0')
                    {
                      char buf[16];

                      mark = dm_word_index_insert (table, variant, NULL, &added);
                      g_snprintf (buf, sizeof buf, "%s%c", *mark != NULL ? (char *) *mark : "", "lpvtg"[c]);
                      *mark = g_string_chunk_insert_const (marks, buf);
                    }
                  variant = next_variant;
                }
              column = next_column;
            }
          line = next;
        }
      forms = table;
      g_once_init_leave (&initialized, 1);
    }
  return forms;
}

/* "Washington" → "Xx", "U.S." → "X.X.", "1,200" → "d,d": character classes, runs folded. */
void
dm_tagger_word_shape (const char *form,
                      char        shape[12])
{
  guint n = 0;
  char last = 0;

  for (const guchar *p = (const guchar *) form; *p && n < 10; p++)
    {
      char c;

      if (*p >= 0x80)
        {
          if ((*p & 0xC0) == 0x80)
            continue;
          c = 'u';
        }
      else if (g_ascii_isupper (*p))
        c = 'X';
      else if (g_ascii_islower (*p))
        c = 'x';
      else if (g_ascii_isdigit (*p))
        c = 'd';
      else
        c = *p;
      if (c == last && (c == 'x' || c == 'X' || c == 'd' || c == 'u'))
        continue;
      shape[n++] = last = c;
    }
  shape[n] = '\0';
}

static const char *
suffix (const char *s,
        gsize       k)
{
  gsize len = strlen (s);

  return len > k ? s + len - k : s;
}

/* Whether class name @tag ("VBD/VERB") has Penn tag @xpos ("VB" matches VB, VBD, …).
 * g_str_has_prefix () inline: asked up to ten times a word. */
static inline gboolean
tag_is (const char *tag,
        const char *xpos)
{
  for (; *xpos != '\0'; xpos++, tag++)
    if (*tag != *xpos)
      return FALSE;
  return TRUE;
}

/* Whether @w ends in "ed" or "en" (a past form or participle, perhaps). */
static gboolean
has_participle_ending (const char *w)
{
  gsize len = strlen (w);

  return len >= 2 && w[len - 2] == 'e' && (w[len - 1] == 'd' || w[len - 1] == 'n');
}

static gboolean
is_verbal (const char *tag)
{
  return tag_is (tag, "VB") || tag_is (tag, "MD");
}

/* Inside a noun phrase the scan for where the clause starts walks on: "the foreign
 * minister", "Russia's army", "two envoys". */
static gboolean
is_nominal (const char *tag)
{
  static const char * const nominal[] = { "DT", "PDT", "JJ", "NN", "PRP", "POS", "CD", "HYPH" };

  for (guint k = 0; k < G_N_ELEMENTS (nominal); k++)
    if (tag_is (tag, nominal[k]))
      return TRUE;
  return FALSE;
}

/* ---- features ----
 *
 * Each feature's key combines the hashes of its strings (dm_features_add_key* ()): what a
 * word lends its neighbours' features (its lower-case form, last three letters, shape) is
 * hashed once per word of the sentence (dm_tagger_input_init ()), the word's own affixes
 * once when it is tagged, the tags once per model, the padding once per process. The
 * model says it was trained with these keys (DM_TAGGER_KEYS); a tagger keyed the earlier
 * way, by FNV over the strings' bytes for every feature, is refused. */

/* The strings that stand for words and tags beyond the sentence's ends. */
typedef struct {
  guint64 start, start2, end, end2;         /* "-START-", "-START2-", "-END-", "-END2-" */
  guint64 start_suffix3, end_suffix3;       /* their last three letters */
  guint64 first, inner;                     /* whether the word opens the sentence */
  guint64 none;                             /* the bias's empty string */
} Pads;

static const Pads *
pads (void)
{
  static Pads p;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      p.start = dm_features_string_hash ("-START-");
      p.start2 = dm_features_string_hash ("-START2-");
      p.end = dm_features_string_hash ("-END-");
      p.end2 = dm_features_string_hash ("-END2-");
      p.start_suffix3 = dm_features_string_hash (suffix ("-START-", 3));
      p.end_suffix3 = dm_features_string_hash (suffix ("-END-", 3));
      p.first = dm_features_string_hash ("first");
      p.inner = dm_features_string_hash ("inner");
      p.none = dm_features_string_hash (NULL);
      g_once_init_leave (&initialized, 1);
    }
  return &p;
}

/* @spans is changed: to the forms. */
static void
input_init_spans (DmTaggerInput *input,
                  DmTextSpan    *spans,
                  guint          n)
{
  /* a word with a curly apostrophe (rare) is written with an ASCII one */
  g_autoptr(GPtrArray) ascii = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    if (memchr (spans[i].text, 0xE2, spans[i].len) != NULL)
      {
        char *form = dm_parse_tokens_ascii_apostrophes (spans[i].text, spans[i].len);

        g_ptr_array_add (ascii, form);
        spans[i] = (DmTextSpan) { form, strlen (form) };
      }
  input->n = n;
  input->forms = dm_text_spans_dup (spans, n, FALSE);
  for (guint i = 0; i < n; i++)
    spans[i] = (DmTextSpan) { input->forms[i], spans[i].len };
  input->lowers = dm_text_spans_dup (spans, n, TRUE);
  input->hashes = g_new (DmTaggerWordHashes, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      char shape[12];

      dm_tagger_word_shape (input->forms[i], shape);
      input->hashes[i].lower = dm_features_string_hash (input->lowers[i]);
      input->hashes[i].suffix3 = dm_features_string_hash (suffix (input->lowers[i], 3));
      input->hashes[i].shape = dm_features_string_hash (shape);
    }
}

void
dm_tagger_input_init (DmTaggerInput      *input,
                      const char * const *forms,
                      guint               n)
{
  g_autofree DmTextSpan *spans = g_new (DmTextSpan, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    spans[i] = (DmTextSpan) { forms[i], strlen (forms[i]) };
  input_init_spans (input, spans, n);
}

void
dm_tagger_input_clear (DmTaggerInput *input)
{
  /* each is one block (dm_text_spans_dup ()) */
  g_clear_pointer (&input->forms, g_free);
  g_clear_pointer (&input->lowers, g_free);
  g_clear_pointer (&input->hashes, g_free);
  input->n = 0;
}

/* dm_features_string_hash () of the first @a_len bytes of @a followed by @b, without
 * writing them out. */
static guint64
hash_concat (const char *a,
             gsize       a_len,
             const char *b)
{
  guint64 h = DM_FEATURE_FNV_OFFSET;

  for (gsize k = 0; k < a_len; k++)
    h = (h ^ (guchar) a[k]) * DM_FEATURE_FNV_PRIME;
  for (; *b; b++)
    h = (h ^ (guchar) *b) * DM_FEATURE_FNV_PRIME;
  return dm_features_mix (h);
}

/* Past tense or participle ("the minister held talks" / "the talks held in Rome") turns on
 * what is to the left of the verb, further than two tags: the nearest verb before it (an
 * auxiliary "had", "was" makes a participle; none or a finished clause, a past tense) and
 * whether the words before it form a subject from the start of the clause. These features
 * pair that context with the word's ending or its irregular-verb columns; only words that
 * can be either (-ed, -en, irregular forms) get them, which kept held-out accuracy. Few
 * words get them: their strings are hashed here. */
static void
add_left_context (DmFeatures          *feats,
                  const DmTaggerInput *input,
                  guint                i,
                  const char * const  *tags,
                  const char          *verb_form,
                  guint64              suffix2)
{
  guint64 form_h = verb_form != NULL ? dm_features_string_hash (verb_form) : 0;
  guint64 ending = verb_form != NULL ? form_h : suffix2;
  guint64 verb_h;
  const char *start = "^";
  guint nominal = 0;
  int j;

  for (j = (int) i - 1; j >= 0 && !is_verbal (tags[j]); j--)
    ;
  if (j < 0)
    verb_h = dm_features_string_hash ("-none-");
  else if (strstr (tags[j], "/AUX") != NULL)
    verb_h = hash_concat ("aux:", 4, input->lowers[j]);   /* "had", "was", "will" */
  else
    verb_h = hash_concat (tags[j], strcspn (tags[j], "/"), "");
  dm_features_add_key2 (feats, F_LEFT_VERB, verb_h, suffix2);
  if (verb_form != NULL)
    dm_features_add_key2 (feats, F_LEFT_VERB_FORM, verb_h, form_h);
  dm_features_add_key2 (feats, F_NEAR_VERB,
                        j >= 0 && i - j <= 3 ? verb_h : dm_features_string_hash ("-far-"), ending);

  for (j = (int) i - 1; j >= 0 && is_nominal (tags[j]); j--)
    nominal++;
  if (j >= 0)
    start = tags[j];
  dm_features_add_key2 (feats, F_CLAUSE_START,
                        hash_concat (start, strcspn (start, "/"),
                                     nominal == 0 ? "" : nominal == 1 ? "+N" : "+NP"),
                        ending);
}

/* What each template's strings are, in the order dm_tagger_features () hashes them, for
 * dramatis-train rekey-tagger: E the empty string, W a word (lower-case), F a word as
 * written, S an affix (prefix, suffix), H a shape, P whether first, T a tag or padding, V an
 * irregular verb's columns, X the verb to the left, 2 a suffix of two letters, Z an ending
 * (V or 2), C where the clause starts. */
static const char * const template_strings[] = {
  [F_BIAS] = "E", [F_LOWER] = "W", [F_SUFFIX1] = "S", [F_SUFFIX2] = "S", [F_SUFFIX3] = "S",
  [F_SUFFIX4] = "S", [F_PREFIX1] = "S", [F_PREFIX2] = "S", [F_PREFIX3] = "S", [F_SHAPE] = "H",
  [F_PREV] = "T", [F_PREV2] = "T", [F_PREV_PREV2] = "TT", [F_PREV_WORD] = "TW",
  [F_LOWER_M1] = "W", [F_SUFFIX3_M1] = "S", [F_LOWER_M2] = "W", [F_LOWER_P1] = "W",
  [F_SUFFIX3_P1] = "S", [F_LOWER_P2] = "W", [F_FIRST_SHAPE] = "PH", [F_FORM] = "F",
  [F_PREV_SUFFIX3] = "TS", [F_PREV_NEXT] = "TW", [F_WORD_NEXT] = "WW", [F_PREV_WORD_PAIR] = "WW",
  [F_SHAPE_M1] = "H", [F_SHAPE_P1] = "H", [F_VERB_FORM] = "V", [F_PREV_VERB_FORM] = "TV",
  [F_LEFT_VERB] = "X2", [F_LEFT_VERB_FORM] = "XV", [F_NEAR_VERB] = "XZ", [F_CLAUSE_START] = "CZ",
};

const char * const *
dm_tagger_template_strings (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (template_strings);
  return template_strings;
}

const char *
dm_tagger_verb_form (const char *lower)
{
  return dm_word_index_get (irregular_forms (), lower);
}

void
dm_tagger_features (DmFeatures          *feats,
                    const DmTaggerInput *input,
                    guint                i,
                    const char * const  *tags,
                    const guint64       *tag_hashes)
{
  const Pads *pad = pads ();
  const DmTaggerWordHashes *h = input->hashes;
  const char *w = input->lowers[i];
  gsize len = strlen (w);
  guint64 m1 = i >= 1 ? h[i - 1].lower : pad->start;
  guint64 m2 = i >= 2 ? h[i - 2].lower : i >= 1 ? pad->start : pad->start2;
  guint64 p1 = i + 1 < input->n ? h[i + 1].lower : pad->end;
  guint64 p2 = i + 2 < input->n ? h[i + 2].lower : i + 1 < input->n ? pad->end : pad->end2;
  guint64 prev = i >= 1 ? tag_hashes[i - 1] : pad->start;
  guint64 prev2 = i >= 2 ? tag_hashes[i - 2] : pad->start2;
  const char *verb_form = dm_word_index_get (irregular_forms (), w);
  guint64 suffixes[5], prefixes[4], fnv = DM_FEATURE_FNV_OFFSET;

  /* the affixes of up to four letters, the whole word when it is shorter */
  for (gsize k = 1; k <= 4; k++)
    suffixes[k] = k == 3 ? h[i].suffix3 : dm_features_string_hash (len > k ? w + len - k : w);
  for (gsize k = 1; k <= 3; k++)
    {
      if (k <= len)
        fnv = (fnv ^ (guchar) w[k - 1]) * DM_FEATURE_FNV_PRIME;
      prefixes[k] = dm_features_mix (fnv);   /* dm_features_string_hash () of the prefix */
    }

  dm_features_reset (feats);
  dm_features_add_key (feats, F_BIAS, pad->none);
  dm_features_add_key (feats, F_LOWER, h[i].lower);
  dm_features_add_key (feats, F_FORM, dm_features_string_hash (input->forms[i]));
  dm_features_add_key (feats, F_SUFFIX1, suffixes[1]);
  dm_features_add_key (feats, F_SUFFIX2, suffixes[2]);
  dm_features_add_key (feats, F_SUFFIX3, suffixes[3]);
  dm_features_add_key (feats, F_SUFFIX4, suffixes[4]);
  dm_features_add_key (feats, F_PREFIX1, prefixes[1]);
  dm_features_add_key (feats, F_PREFIX2, prefixes[2]);
  dm_features_add_key (feats, F_PREFIX3, prefixes[3]);
  dm_features_add_key (feats, F_SHAPE, h[i].shape);
  dm_features_add_key2 (feats, F_FIRST_SHAPE, i == 0 ? pad->first : pad->inner, h[i].shape);
  dm_features_add_key (feats, F_PREV, prev);
  dm_features_add_key (feats, F_PREV2, prev2);
  dm_features_add_key2 (feats, F_PREV_PREV2, prev, prev2);
  dm_features_add_key2 (feats, F_PREV_WORD, prev, h[i].lower);
  dm_features_add_key2 (feats, F_PREV_SUFFIX3, prev, suffixes[3]);
  dm_features_add_key (feats, F_LOWER_M1, m1);
  dm_features_add_key (feats, F_SUFFIX3_M1, i >= 1 ? h[i - 1].suffix3 : pad->start_suffix3);
  dm_features_add_key (feats, F_LOWER_M2, m2);
  dm_features_add_key (feats, F_LOWER_P1, p1);
  dm_features_add_key (feats, F_SUFFIX3_P1, i + 1 < input->n ? h[i + 1].suffix3 : pad->end_suffix3);
  dm_features_add_key (feats, F_LOWER_P2, p2);
  dm_features_add_key2 (feats, F_PREV_NEXT, prev, p1);
  dm_features_add_key2 (feats, F_WORD_NEXT, h[i].lower, p1);
  dm_features_add_key2 (feats, F_PREV_WORD_PAIR, m1, h[i].lower);
  if (verb_form != NULL)
    {
      guint64 form_h = dm_features_string_hash (verb_form);

      dm_features_add_key (feats, F_VERB_FORM, form_h);
      dm_features_add_key2 (feats, F_PREV_VERB_FORM, prev, form_h);
    }
  if (verb_form != NULL || has_participle_ending (w))
    add_left_context (feats, input, i, tags, verb_form, suffixes[2]);
  if (i >= 1)
    dm_features_add_key (feats, F_SHAPE_M1, h[i - 1].shape);
  if (i + 1 < input->n)
    dm_features_add_key (feats, F_SHAPE_P1, h[i + 1].shape);
}

const char *
dm_tagger_keys_skip (GBytes  *extra,
                     GError **error)
{
  gsize len;
  const char *data = extra != NULL ? g_bytes_get_data (extra, &len) : NULL;

  if (data == NULL || len < strlen (DM_TAGGER_KEYS) ||
      memcmp (data, DM_TAGGER_KEYS, strlen (DM_TAGGER_KEYS)) != 0)
    {
      g_set_error_literal (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                           _("the tagger model's feature keys are hashed the earlier way "
                             "(whole strings, byte by byte); this Dramatis reads only tagger "
                             "models keyed from per-word hashes: train it again, or rewrite it "
                             "with “dramatis-train rekey-tagger”"));
      return NULL;
    }
  return data + strlen (DM_TAGGER_KEYS);
}

/* The index of @model's class named by the @len bytes at @name, or -1: dm_perceptron_class_index ()
 * without a copy of the name, the first letters compared inline (the dictionary names a
 * class on each of its lines, read at every start). */
static int
class_index_len (const DmPerceptron *model,
                 const char         *name,
                 gsize               len)
{
  guint n = dm_perceptron_n_classes (model);

  for (guint k = 0; k < n; k++)
    {
      const char *known = dm_perceptron_class_name (model, k);

      if ((len == 0 || known[0] == name[0]) && strncmp (known, name, len) == 0 && known[len] == '\0')
        return k;
    }
  return -1;
}

GHashTable *
dm_tagger_dictionary_parse (GBytes              *extra,
                            const DmPerceptron  *model,
                            GError             **error)
{
  g_autoptr(GHashTable) dict = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize len;
  const char *data = extra != NULL ? g_bytes_get_data (extra, &len) : NULL;
  const char *p = dm_tagger_keys_skip (extra, error), *end = data + len;

  if (p == NULL)
    return NULL;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *tab = memchr (p, '\t', (nl != NULL ? nl : end) - p);
      int index;

      if (nl == NULL || tab == NULL || tab == p)
        {
          g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT,
                       _("the tagger model's dictionary is damaged"));
          return NULL;
        }
      if ((index = class_index_len (model, tab + 1, nl - tab - 1)) < 0)
        {
          g_autofree char *klass = g_strndup (tab + 1, nl - tab - 1);

          g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT,
                       _("the tagger model's dictionary names an unknown tag “%s”"), klass);
          return NULL;
        }
      g_hash_table_insert (dict, g_strndup (p, tab - p), GINT_TO_POINTER (index + 1));
      p = nl + 1;
    }
  return g_steal_pointer (&dict);
}

DmTagger *
dm_tagger_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  DmPerceptron *model;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((model = dm_perceptron_load (bytes, "tagger", error)) == NULL)
    return NULL;
  return dm_tagger_new_for_model (model, error);
}

DmTagger *
dm_tagger_new_for_model (DmPerceptron  *model_,
                         GError       **error)
{
  g_autoptr(DmPerceptron) model = model_;
  g_autoptr(DmTagger) self = NULL;
  guint n;

  n = dm_perceptron_n_classes (model);

  self = g_new0 (DmTagger, 1);
  self->upos = g_new0 (DmUpos, n);
  self->xpos = g_new0 (guint8, n);
  self->proper = g_new0 (gboolean, n);
  self->tag_hashes = g_new0 (guint64, n);
  for (guint k = 0; k < n; k++)
    {
      const char *name = dm_perceptron_class_name (model, k);
      const char *slash = strrchr (name, '/');
      g_autofree char *xpos = NULL;

      if (slash == NULL || slash == name)
        {
          g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT,
                       _("the tagger model has a tag “%s” that is not XPOS/UPOS"), name);
          return NULL;
        }
      xpos = g_strndup (name, slash - name);
      self->xpos[k] = dm_xpos_from_string (xpos);
      self->upos[k] = dm_upos_from_string (slash + 1);
      self->proper[k] = self->upos[k] == DM_UPOS_PROPN;
      self->has_proper |= self->proper[k];
      self->tag_hashes[k] = dm_features_string_hash (name);
    }
  if ((self->dictionary = dm_tagger_dictionary_parse (dm_perceptron_get_extra (model),
                                                      model, error)) == NULL)
    return NULL;
  self->model = g_steal_pointer (&model);
  return g_steal_pointer (&self);
}

void
dm_tagger_free (DmTagger *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->model, dm_perceptron_free);
  g_clear_pointer (&self->dictionary, g_hash_table_unref);
  g_free (self->upos);
  g_free (self->xpos);
  g_free (self->proper);
  g_free (self->tag_hashes);
  g_free (self);
}

const DmPerceptron *
dm_tagger_get_model (const DmTagger *self)
{
  return self->model;
}

void
dm_tagger_tag_input (const DmTagger      *self,
                     const DmTaggerInput *input,
                     const gboolean      *names,
                     guint               *classes)
{
  g_autofree const char **tags = g_new0 (const char *, input->n + 1);
  g_autofree guint64 *tag_hashes = g_new0 (guint64, input->n + 1);
  DmFeatures feats;

  dm_features_init (&feats);
  dm_features_prefetch_for (&feats, self->model);
  for (guint i = 0; i < input->n; i++)
    {
      gpointer known = g_hash_table_lookup (self->dictionary, input->forms[i]);
      /* A word of a name is a proper noun whatever it looks like on its own ("Will",
       * "Sudan" opening a sentence). The choice is restricted rather than overwritten
       * afterwards, so that the words after it are tagged seeing the tag it ends with. */
      const gboolean *allowed = names != NULL && names[i] && self->has_proper ? self->proper : NULL;

      if (known != NULL && (allowed == NULL || allowed[GPOINTER_TO_INT (known) - 1]))
        classes[i] = GPOINTER_TO_INT (known) - 1;
      else
        {
          dm_tagger_features (&feats, input, i, tags, tag_hashes);
          classes[i] = dm_perceptron_predict (self->model, &feats, allowed);
        }
      tags[i] = dm_perceptron_class_name (self->model, classes[i]);
      tag_hashes[i] = self->tag_hashes[classes[i]];
    }
  dm_features_clear (&feats);
}

void
dm_tagger_tag (const DmTagger  *self,
               const DmTextDoc *doc,
               DmParse         *parse,
               guint            sentence,
               const gboolean  *names)
{
  const DmParseSentence *ps;
  g_autofree DmTextSpan *spans = NULL;
  g_autofree guint *classes = NULL;
  DmTaggerInput input;

  g_return_if_fail (self != NULL && doc != NULL && parse != NULL);
  g_return_if_fail (sentence < parse->sentences->len);

  ps = &g_array_index (parse->sentences, DmParseSentence, sentence);
  spans = g_new (DmTextSpan, MAX (ps->n_tokens, 1));
  for (guint i = 0; i < ps->n_tokens; i++)
    {
      const DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);

      spans[i].text = dm_parse_token_text (doc, t, &spans[i].len);
    }
  input_init_spans (&input, spans, ps->n_tokens);

  classes = g_new0 (guint, MAX (1, ps->n_tokens));
  dm_tagger_tag_input (self, &input, names, classes);
  for (guint i = 0; i < ps->n_tokens; i++)
    {
      DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);

      t->upos = self->upos[classes[i]];
      t->xpos = self->xpos[classes[i]];
    }
  dm_tagger_input_clear (&input);
}
