/* dm-ner.c — named-entity recognizer: greedy BILOU tagging with an averaged perceptron
 *
 * Each token gets one of 13 tags (O, or B/I/L/U of PER, ORG, LOC), left to right, from
 * features of the word, its shape and affixes, its neighbours, the two tags before it and
 * the gazetteers (countries, capitals, demonyms, organisations, titles, given names).
 * A lower-case word outside a name is O without asking the model: news names start with a
 * capital, and skipping them keeps the tagger cheap.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-ner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <gio/gio.h>

#include "dm-ner-private.h"

#define NER_RESOURCE "/io/github/dramatis/models/ner.model"
#define MAX_GAZ_TOKENS 8

const char * const dm_ner_tag_names[DM_NER_N_TAGS + 1] = {
  "O",
  "B-PER", "I-PER", "L-PER", "U-PER",
  "B-ORG", "I-ORG", "L-ORG", "U-ORG",
  "B-LOC", "I-LOC", "L-LOC", "U-LOC",
  NULL
};

typedef enum {
  NER_FLAG_TITLE       = 1 << 0,   /* part of a title of office */
  NER_FLAG_GIVEN       = 1 << 1,   /* a known given name */
  NER_FLAG_NONACTOR    = 1 << 2,   /* capitalised word that is never an actor */
  NER_FLAG_ORG_HEAD    = 1 << 3,   /* "Council", "Forces" */
  NER_FLAG_ORG_START   = 1 << 4,   /* "Ministry", "University" */
  NER_FLAG_PARTICLE    = 1 << 5,   /* "bin", "van" */
  NER_FLAG_CONNECTOR   = 1 << 6,   /* "of", "for" inside names */
  NER_FLAG_CAPITALIZED = 1 << 7,
} NerFlag;

enum {
  F_BIAS = 1, F_WORD, F_LOWER, F_SHAPE, F_PREFIX, F_SUFFIX2, F_SUFFIX3, F_SUFFIX4,
  F_PREV_LOWER, F_NEXT_LOWER, F_PREV2_LOWER, F_NEXT2_LOWER, F_PREV_SHAPE, F_NEXT_SHAPE,
  F_SHAPES, F_PREV_TAG, F_PREV_TAGS, F_PREV_TAG_LOWER, F_INITIAL, F_GAZ, F_PREV_GAZ,
  F_NEXT_GAZ, F_FLAGS, F_PREV_FLAGS, F_NEXT_FLAGS, F_BIGRAM_LEFT, F_BIGRAM_RIGHT,
  F_PREV_TAG_SHAPE, F_LENGTH, F_CLASS, F_CLASS_PREV, F_CLASS_NEXT,
};

struct _DmNer
{
  DmPerceptron    *model;
  const DmLexicon *lexicon;
  DmNerClasses    *classes;
};

/* ---- one sentence ---- */

void
dm_ner_sentence_init (DmNerSentence      *s,
                      const DmLexicon    *lexicon,
                      const DmNerClasses *classes)
{
  memset (s, 0, sizeof *s);
  s->lexicon = lexicon;
  s->classes = classes;
  s->wclass = g_array_new (FALSE, TRUE, sizeof (char));
  s->lower = g_ptr_array_new ();
  s->shape = g_ptr_array_new ();
  s->gazetteer = g_ptr_array_new ();
  s->flags = g_array_new (FALSE, TRUE, sizeof (guint));
  s->chunk = g_string_chunk_new (4096);
}

void
dm_ner_sentence_clear (DmNerSentence *s)
{
  g_clear_pointer (&s->lower, g_ptr_array_unref);
  g_clear_pointer (&s->shape, g_ptr_array_unref);
  g_clear_pointer (&s->gazetteer, g_ptr_array_unref);
  g_clear_pointer (&s->flags, g_array_unref);
  g_clear_pointer (&s->wclass, g_array_unref);
  g_clear_pointer (&s->chunk, g_string_chunk_free);
}

/* "Xx", "XX", "d", "Xx-Xx", "x.x.": character classes with repeats collapsed. */
static const char *
word_shape (GStringChunk *chunk,
            const char   *word)
{
  char buf[32];
  guint len = 0;
  char last = 0;

  for (const char *p = word; *p && len < sizeof buf - 1; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
      char k;

      /* ASCII without the Unicode tables: the same classes there */
      if (c < 0x80)
        k = g_ascii_isupper (c) ? 'X' : g_ascii_islower (c) ? 'x' : g_ascii_isdigit (c) ? 'd' : (char) c;
      else if (g_unichar_isupper (c))
        k = 'X';
      else if (g_unichar_islower (c))
        k = 'x';
      else if (g_unichar_isdigit (c))
        k = 'd';
      else
        k = '*';
      if (k != last)
        buf[len++] = k;
      last = k;
    }
  buf[len] = '\0';
  return g_string_chunk_insert_const (chunk, buf);
}

static const char *
lower_word (GStringChunk *chunk,
            const char   *word)
{
  gboolean ascii_lower = TRUE;

  for (const char *p = word; *p; p++)
    if ((guchar) *p >= 0x80 || g_ascii_isupper (*p))
      {
        ascii_lower = FALSE;
        break;
      }
  if (ascii_lower)
    return word;
  return dm_text_chunk_strdown (chunk, word, strlen (word));
}

static const char *
entity_code (const DmLexEntity *e,
             DmNerPosition      position)
{
  static const char * const codes[][4] = {
    { "B-COUNTRY", "I-COUNTRY", "L-COUNTRY", "U-COUNTRY" },
    { "B-CAPITAL", "I-CAPITAL", "L-CAPITAL", "U-CAPITAL" },
    { "B-DEMONYM", "I-DEMONYM", "L-DEMONYM", "U-DEMONYM" },
    { "B-ORG", "I-ORG", "L-ORG", "U-ORG" },
    { "B-GROUP", "I-GROUP", "L-GROUP", "U-GROUP" },
    { "B-MEDIA", "I-MEDIA", "L-MEDIA", "U-MEDIA" },
  };
  guint row;

  switch (e->kind)
    {
    case DM_LEX_COUNTRY: row = 0; break;
    case DM_LEX_CAPITAL: row = 1; break;
    case DM_LEX_DEMONYM: row = 2; break;
    case DM_LEX_ORG:
    default:
      if (e->type == DM_ACTOR_GROUP)
        row = 4;
      else if (g_strcmp0 (e->org_kind, "media") == 0)
        row = 5;
      else
        row = 3;
      break;
    }
  return codes[row][position];
}

static DmNerPosition
span_position (guint k,
               guint first,
               guint last)
{
  if (first == last)
    return DM_NER_UNIT;
  if (k == first)
    return DM_NER_BEGIN;
  return k == last ? DM_NER_LAST : DM_NER_INSIDE;
}

/* Longest match of the gazetteer (@lower_keys FALSE) or the titles (TRUE) starting at @i:
 * the number of tokens, 0 for none. */
static guint
match_lexicon (DmNerSentence      *s,
               guint               i,
               gboolean            titles,
               const DmLexEntity **entity,
               GString            *key)
{
  const char * const *w = titles ? (const char * const *) s->lower->pdata : s->words;
  guint max = titles ? dm_lexicon_title_max_tokens (s->lexicon, w[i])
                     : dm_lexicon_entity_max_tokens (s->lexicon, w[i]);

  max = MIN (MIN (max, MAX_GAZ_TOKENS), s->n - i);
  for (guint len = max; len > 0; len--)
    {
      g_string_truncate (key, 0);
      for (guint k = i; k < i + len; k++)
        {
          if (k > i)
            g_string_append_c (key, ' ');
          g_string_append (key, w[k]);
        }
      if (titles)
        {
          if (dm_lexicon_lookup_title (s->lexicon, key->str) != NULL)
            return len;
        }
      else if ((*entity = dm_lexicon_lookup_entity (s->lexicon, key->str)) != NULL)
        return len;
    }
  return 0;
}

void
dm_ner_sentence_set (DmNerSentence      *s,
                     const char * const *words,
                     guint               n)
{
  g_autoptr(GString) key = g_string_new (NULL);
  guint *flags;

  g_string_chunk_clear (s->chunk);
  s->words = words;
  s->n = n;
  g_ptr_array_set_size (s->lower, n);
  g_ptr_array_set_size (s->shape, n);
  g_ptr_array_set_size (s->gazetteer, n);
  g_array_set_size (s->flags, n);
  g_array_set_size (s->wclass, n);
  flags = (guint *) (gpointer) s->flags->data;

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[i];
      guint parts;

      s->lower->pdata[i] = (gpointer) lower_word (s->chunk, w);
      s->shape->pdata[i] = (gpointer) word_shape (s->chunk, w);
      s->gazetteer->pdata[i] = NULL;
      flags[i] = 0;
      {
        char c = s->classes ? dm_ner_classes_lookup (s->classes, s->lower->pdata[i]) : 0;

        g_array_index (s->wclass, char, i) = c != 0 ? c : '-';
      }
      if (g_unichar_isupper (g_utf8_get_char (w)))
        flags[i] |= NER_FLAG_CAPITALIZED;
      if (dm_lexicon_is_given_name (s->lexicon, w))
        flags[i] |= NER_FLAG_GIVEN;
      if (dm_lexicon_is_nonactor (s->lexicon, w))
        flags[i] |= NER_FLAG_NONACTOR;
      parts = dm_lexicon_name_part (s->lexicon, w) | dm_lexicon_name_part (s->lexicon, s->lower->pdata[i]);
      if (parts & DM_PART_ORG_HEAD)
        flags[i] |= NER_FLAG_ORG_HEAD;
      if (parts & DM_PART_ORG_START)
        flags[i] |= NER_FLAG_ORG_START;
      if (parts & DM_PART_PARTICLE)
        flags[i] |= NER_FLAG_PARTICLE;
      if (parts & DM_PART_CONNECTOR)
        flags[i] |= NER_FLAG_CONNECTOR;
    }

  for (guint i = 0; i < n;)
    {
      const DmLexEntity *e = NULL;
      guint len = match_lexicon (s, i, FALSE, &e, key);

      if (len == 0)
        {
          i++;
          continue;
        }
      for (guint k = i; k < i + len; k++)
        s->gazetteer->pdata[k] = (gpointer) entity_code (e, span_position (k, i, i + len - 1));
      i += len;
    }
  for (guint i = 0; i < n;)
    {
      guint len = match_lexicon (s, i, TRUE, NULL, key);

      for (guint k = i; k < i + len; k++)
        flags[k] |= NER_FLAG_TITLE;
      i += MAX (len, 1);
    }
}

/* ---- tags and features ---- */

gboolean
dm_ner_needs_decision (const DmNerSentence *s,
                       guint                i,
                       guint                prev_tag)
{
  if (prev_tag != DM_NER_TAG_O)
    {
      DmNerPosition p = dm_ner_tag_position (prev_tag);

      if (p == DM_NER_BEGIN || p == DM_NER_INSIDE)
        return TRUE;
    }
  return (g_array_index (s->flags, guint, i) & NER_FLAG_CAPITALIZED) != 0;
}

void
dm_ner_allowed (const DmNerSentence *s,
                guint                i,
                guint                prev_tag,
                gboolean            *allowed)
{
  gboolean open = prev_tag != DM_NER_TAG_O &&
                  (dm_ner_tag_position (prev_tag) == DM_NER_BEGIN ||
                   dm_ner_tag_position (prev_tag) == DM_NER_INSIDE);
  gboolean last = i + 1 >= s->n;

  for (guint t = 0; t < DM_NER_N_TAGS; t++)
    {
      if (open)
        {
          DmNerPosition p = t == DM_NER_TAG_O ? DM_NER_UNIT : dm_ner_tag_position (t);

          allowed[t] = t != DM_NER_TAG_O && dm_ner_tag_type (t) == dm_ner_tag_type (prev_tag) &&
                       (p == DM_NER_LAST || (p == DM_NER_INSIDE && !last));
        }
      else
        {
          allowed[t] = t == DM_NER_TAG_O ||
                       dm_ner_tag_position (t) == DM_NER_UNIT ||
                       (dm_ner_tag_position (t) == DM_NER_BEGIN && !last);
        }
    }
}

static inline const char *
lower_at (const DmNerSentence *s,
          int                  i)
{
  if (i < 0)
    return "<s>";
  if ((guint) i >= s->n)
    return "</s>";
  return s->lower->pdata[i];
}

static inline const char *
shape_at (const DmNerSentence *s,
          int                  i)
{
  if (i < 0)
    return "<s>";
  if ((guint) i >= s->n)
    return "</s>";
  return s->shape->pdata[i];
}

static inline const char *
gaz_at (const DmNerSentence *s,
        int                  i)
{
  if (i < 0 || (guint) i >= s->n)
    return "-";
  return s->gazetteer->pdata[i] != NULL ? s->gazetteer->pdata[i] : "0";
}

/* The word class with the word's case and place: "cC0" is a common word capitalised at the
 * start of the sentence, "-C" an unseen capitalised word — most often a name. */
static inline const char *
class_at (const DmNerSentence *s,
          int                  i,
          char                *buf)
{
  if (i < 0 || (guint) i >= s->n)
    return "-";
  buf[0] = g_array_index (s->wclass, char, i);
  buf[1] = (g_array_index (s->flags, guint, i) & NER_FLAG_CAPITALIZED) ? 'C' : 'l';
  buf[2] = i == 0 ? '0' : '\0';
  buf[3] = '\0';
  return buf;
}

static inline const char *
flags_at (const DmNerSentence *s,
          int                  i,
          char                *buf)
{
  guint flags;
  guint n = 0;

  if (i < 0 || (guint) i >= s->n)
    return "-";
  /* "%x", without g_snprintf () for every word: the flags fit in two hex digits */
  flags = g_array_index (s->flags, guint, i) & ~NER_FLAG_CAPITALIZED;
  G_STATIC_ASSERT (NER_FLAG_CAPITALIZED == 0x80);
  if (flags >= 16)
    buf[n++] = "0123456789abcdef"[flags >> 4];
  buf[n++] = "0123456789abcdef"[flags & 15];
  buf[n] = '\0';
  return buf;
}

void
dm_ner_features (const DmNerSentence *s,
                 guint                i,
                 const guint8        *tags,
                 DmFeatures          *feats)
{
  const char *word = s->words[i];
  const char *lower = s->lower->pdata[i];
  gsize len = strlen (lower);
  const char *prev_tag = i > 0 ? dm_ner_tag_names[tags[i - 1]] : "<s>";
  const char *prev2_tag = i > 1 ? dm_ner_tag_names[tags[i - 2]] : "<s>";
  char prefix[4] = { 0 };
  char fbuf[3][8];
  char cbuf[3][4];
  char length[2] = { (char) ('0' + MIN (len, 9)), 0 };

  dm_features_reset (feats);
  memcpy (prefix, lower, MIN (len, 3));

  dm_features_add (feats, F_BIAS, NULL);
  dm_features_add (feats, F_WORD, word);
  dm_features_add (feats, F_LOWER, lower);
  dm_features_add (feats, F_SHAPE, shape_at (s, i));
  dm_features_add (feats, F_PREFIX, prefix);
  dm_features_add (feats, F_SUFFIX2, lower + (len > 2 ? len - 2 : 0));
  dm_features_add (feats, F_SUFFIX3, lower + (len > 3 ? len - 3 : 0));
  dm_features_add (feats, F_SUFFIX4, lower + (len > 4 ? len - 4 : 0));
  dm_features_add (feats, F_LENGTH, length);
  dm_features_add (feats, F_PREV_LOWER, lower_at (s, (int) i - 1));
  dm_features_add (feats, F_NEXT_LOWER, lower_at (s, (int) i + 1));
  dm_features_add (feats, F_PREV2_LOWER, lower_at (s, (int) i - 2));
  dm_features_add (feats, F_NEXT2_LOWER, lower_at (s, (int) i + 2));
  dm_features_add (feats, F_PREV_SHAPE, shape_at (s, (int) i - 1));
  dm_features_add (feats, F_NEXT_SHAPE, shape_at (s, (int) i + 1));
  dm_features_add3 (feats, F_SHAPES, shape_at (s, (int) i - 1), shape_at (s, i), shape_at (s, (int) i + 1));
  dm_features_add (feats, F_PREV_TAG, prev_tag);
  dm_features_add2 (feats, F_PREV_TAGS, prev2_tag, prev_tag);
  dm_features_add2 (feats, F_PREV_TAG_LOWER, prev_tag, lower);
  dm_features_add2 (feats, F_PREV_TAG_SHAPE, prev_tag, shape_at (s, i));
  if (i == 0)
    dm_features_add (feats, F_INITIAL, shape_at (s, i));
  dm_features_add (feats, F_GAZ, gaz_at (s, i));
  dm_features_add2 (feats, F_PREV_GAZ, gaz_at (s, (int) i - 1), gaz_at (s, i));
  dm_features_add2 (feats, F_NEXT_GAZ, gaz_at (s, i), gaz_at (s, (int) i + 1));
  dm_features_add (feats, F_FLAGS, flags_at (s, i, fbuf[0]));
  dm_features_add2 (feats, F_PREV_FLAGS, flags_at (s, (int) i - 1, fbuf[1]), prev_tag);
  dm_features_add (feats, F_NEXT_FLAGS, flags_at (s, (int) i + 1, fbuf[2]));
  dm_features_add (feats, F_CLASS, class_at (s, i, cbuf[0]));
  dm_features_add2 (feats, F_CLASS_PREV, class_at (s, (int) i - 1, cbuf[1]), class_at (s, i, cbuf[0]));
  dm_features_add2 (feats, F_CLASS_NEXT, class_at (s, i, cbuf[0]), class_at (s, (int) i + 1, cbuf[2]));
  dm_features_add2 (feats, F_BIGRAM_LEFT, lower_at (s, (int) i - 1), lower);
  dm_features_add2 (feats, F_BIGRAM_RIGHT, lower, lower_at (s, (int) i + 1));
}

void
dm_ner_spans_from_tags (const guint8 *tags,
                        guint         n,
                        guint         offset,
                        GArray       *spans)
{
  guint start = 0;
  gboolean open = FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint t = tags[i];

      if (t == DM_NER_TAG_O)
        {
          open = FALSE;
          continue;
        }
      switch (dm_ner_tag_position (t))
        {
        case DM_NER_BEGIN:
          start = i;
          open = TRUE;
          break;
        case DM_NER_INSIDE:
          break;
        case DM_NER_LAST:
        case DM_NER_UNIT:
        default:
          {
            DmNerSpan span = { (open ? start : i) + offset, i + offset, dm_ner_tag_type (t) };

            g_array_append_val (spans, span);
            open = FALSE;
          }
          break;
        }
    }
}

void
dm_ner_decode (const DmPerceptron  *model,
               const DmNerSentence *s,
               DmFeatures          *feats,
               guint8              *tags)
{
  gboolean allowed[DM_NER_N_TAGS];
  guint prev = DM_NER_TAG_O;

  for (guint i = 0; i < s->n; i++)
    {
      if (!dm_ner_needs_decision (s, i, prev))
        tags[i] = DM_NER_TAG_O;
      else
        {
          dm_ner_allowed (s, i, prev, allowed);
          dm_ner_features (s, i, tags, feats);
          tags[i] = (guint8) dm_perceptron_predict (model, feats, allowed);
        }
      prev = tags[i];
    }
}

/* ---- the recognizer ---- */

DmNer *
dm_ner_new_from_bytes (GBytes          *bytes,
                       const DmLexicon *lexicon,
                       GError         **error)
{
  DmPerceptron *model;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (lexicon != NULL, NULL);

  if ((model = dm_perceptron_load (bytes, "ner", error)) == NULL)
    return NULL;
  return dm_ner_new_for_model (model, lexicon, error);
}

DmNer *
dm_ner_new_for_model (DmPerceptron     *model_,
                      const DmLexicon  *lexicon,
                      GError          **error)
{
  g_autoptr(DmPerceptron) model = model_;
  g_autoptr(DmNerClasses) classes = NULL;
  GBytes *extra;
  DmNer *self;

  extra = dm_perceptron_get_extra (model);
  if (extra == NULL || (classes = dm_ner_classes_new (extra)) == NULL)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                   _("The entity model was trained with features this build does not compute "
                   "(expected “%s”); re-train it with dramatis-train ner"), DM_NER_FEATURE_SET);
      return NULL;
    }
  if (dm_perceptron_n_classes (model) != DM_NER_N_TAGS)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                   _("The entity model has %u tags, not the %u this build uses"),
                   dm_perceptron_n_classes (model), DM_NER_N_TAGS);
      return NULL;
    }
  for (guint t = 0; t < DM_NER_N_TAGS; t++)
    if (g_strcmp0 (dm_perceptron_class_name (model, t), dm_ner_tag_names[t]) != 0)
      {
        g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                     _("The entity model's tag %u is “%s”, not “%s”"),
                     t, dm_perceptron_class_name (model, t), dm_ner_tag_names[t]);
        return NULL;
      }

  self = g_new0 (DmNer, 1);
  self->model = g_steal_pointer (&model);
  self->lexicon = lexicon;
  self->classes = g_steal_pointer (&classes);
  return self;
}

void
dm_ner_free (DmNer *self)
{
  if (self == NULL)
    return;
  dm_perceptron_free (self->model);
  dm_ner_classes_free (self->classes);
  g_free (self);
}

const DmNer *
dm_ner_get_default (void)
{
  static DmNer *ner;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (NER_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      DmPerceptron *model = NULL;

      /* The engine's own model: checked in full by the test suite, not at every start. */
      if (bytes != NULL)
        model = dm_perceptron_load_built_in (bytes, "ner", &error);
      /* The model first, the lexicon after: dm_extractor_get_default() reads the model on
       * one thread while the lexicon loads on others. */
      if (model != NULL)
        ner = dm_ner_new_for_model (model, NULL, &error);
      if (ner == NULL)
        g_warning ("No entity recognizer: %s", error->message);
      else
        ner->lexicon = dm_lexicon_get_default ();
      g_once_init_leave (&once, 1);
    }
  return ner;
}

/* Whether @lower is a preposition, article or conjunction that joins the words of a name
 * ("Bank of England", "Bosnia and Herzegovina") but never ends one. */
static gboolean
is_name_joiner (const char *lower)
{
  static const char * const joiners[] = {
    "of", "and", "the", "for", "in", "on", "at", "to", "by", "with", "from", "a", "an", "&",
  };

  for (guint i = 0; i < G_N_ELEMENTS (joiners); i++)
    if (strcmp (lower, joiners[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Is @lower a day of the week or a month: a date, which no name runs into? */
static gboolean
is_calendar_word (const char *lower)
{
  static const char * const calendar[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
  };

  for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
    if (strcmp (lower, calendar[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Greedy decoding commits to a name's inside before it sees where the name ends, so a name
 * may close on the joiner after it: "accused Washington of bullying" tags "Washington of";
 * or run on into the date after it: "the Democratic Republic of Congo on Friday accused". */
void
dm_ner_trim_name_ends (GArray              *spans,
                       guint                first_span,
                       const DmNerSentence *s,
                       guint                offset)
{
  for (guint k = first_span; k < spans->len; k++)
    {
      DmNerSpan *span = &g_array_index (spans, DmNerSpan, k);

      for (guint i = span->first + 1; i < span->last; i++)
        if (!(g_array_index (s->flags, guint, i - offset) & NER_FLAG_CAPITALIZED) &&
            is_name_joiner (s->lower->pdata[i - offset]) &&
            is_calendar_word (s->lower->pdata[i + 1 - offset]))
          {
            span->last = i - 1;
            break;
          }

      while (span->last > span->first &&
             !(g_array_index (s->flags, guint, span->last - offset) & NER_FLAG_CAPITALIZED) &&
             is_name_joiner (s->lower->pdata[span->last - offset]))
        span->last--;
    }
}

GArray *
dm_ner_tag (const DmNer     *self,
            const DmTextDoc *doc,
            char * const    *words)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));
  DmNerSentence s;
  DmFeatures feats;
  g_autofree guint8 *tags = NULL;
  guint cap = 0;

  g_return_val_if_fail (self != NULL, spans);
  g_return_val_if_fail (doc != NULL, spans);

  dm_ner_sentence_init (&s, self->lexicon, self->classes);
  dm_features_init (&feats);
  dm_features_prefetch_for (&feats, self->model);
  for (guint k = 0; k < doc->sentences->len; k++)
    {
      const DmSentence *sent = dm_text_doc_sentence (doc, k);
      gboolean any_capital = FALSE;
      guint first_span;

      /* a sentence with no capitalised word has no name to find */
      for (guint i = sent->first_token; i < sent->first_token + sent->n_tokens; i++)
        if (dm_text_doc_token (doc, i)->capitalized)
          {
            any_capital = TRUE;
            break;
          }
      if (!any_capital)
        continue;
      if (sent->n_tokens > cap)
        {
          cap = sent->n_tokens;
          tags = g_renew (guint8, tags, cap);
        }
      dm_ner_sentence_set (&s, (const char * const *) words + sent->first_token, sent->n_tokens);
      dm_ner_decode (self->model, &s, &feats, tags);
      first_span = spans->len;
      dm_ner_spans_from_tags (tags, sent->n_tokens, sent->first_token, spans);
      dm_ner_trim_name_ends (spans, first_span, &s, sent->first_token);
    }
  dm_features_clear (&feats);
  dm_ner_sentence_clear (&s);
  return spans;
}

gboolean
dm_ner_is_common_word (const DmNer *self,
                       const char  *lower)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return dm_ner_classes_lookup (self->classes, lower) == DM_NER_CLASS_COMMON;
}

const char *
dm_ner_type_name (DmNerType type)
{
  switch (type)
    {
    case DM_NER_PERSON: return "PER";
    case DM_NER_ORGANIZATION: return "ORG";
    case DM_NER_PLACE: return "LOC";
    case DM_NER_NONE:
    default: return "O";
    }
}
