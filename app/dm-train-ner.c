/* dm-train-ner.c — trains the entity recognizer from UniversalNER (IOB2) and GUM (CoNLL-U)
 *
 * Reads the training corpora, turns their annotation into BILOU tags over the tokens,
 * trains the averaged perceptron of dm-ner for a number of epochs (sentences shuffled with a
 * fixed seed, so a run is repeatable), writes the model and prints precision, recall and F1
 * per type on the held-out files. The corpora are fetched outside the tree: see
 * build-aux/models/train-ner.sh and data/models/ner.md.
 *
 * GUM marks every mention of an entity (pronouns and "the team" too) with Entity= in the
 * MISC column; a name is a person, organisation or place mention whose head is a proper
 * noun, taken as the proper nouns around that head (with "of", "and", "for" between them)
 * and without a title before it ("President Donald Trump" → "Donald Trump"), as UniversalNER
 * annotates names.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-train-ner"

#include "config.h"

#include <string.h>

#include "dm-ner-private.h"
#include "dm-train-ner.h"

typedef struct {
  GPtrArray *words;   /* char* */
  guint8    *gold;    /* a tag per word */
} Sentence;

typedef struct {
  guint first, last;
  DmNerType type;
} Span;

static void
sentence_free (gpointer data)
{
  Sentence *s = data;

  g_ptr_array_unref (s->words);
  g_free (s->gold);
  g_free (s);
}

static void
set_span_tags (guint8    *gold,
               guint      first,
               guint      last,
               DmNerType  type)
{
  for (guint k = first; k <= last; k++)
    {
      DmNerPosition p = first == last ? DM_NER_UNIT :
                        k == first ? DM_NER_BEGIN :
                        k == last ? DM_NER_LAST : DM_NER_INSIDE;

      gold[k] = (guint8) dm_ner_tag_make (type, p);
    }
}

static DmNerType
type_from_label (const char *label)
{
  if (g_str_equal (label, "PER") || g_str_equal (label, "person"))
    return DM_NER_PERSON;
  if (g_str_equal (label, "ORG") || g_str_equal (label, "organization"))
    return DM_NER_ORGANIZATION;
  if (g_str_equal (label, "LOC") || g_str_equal (label, "place"))
    return DM_NER_PLACE;
  return DM_NER_NONE;
}

static gboolean
read_lines (const char   *path,
            char       ***lines,
            GError      **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  *lines = g_strsplit (text, "\n", -1);
  return TRUE;
}

/* ---- UniversalNER: "id word tag …", IOB2 ---- */

static gboolean
read_iob2 (const char  *path,
           GPtrArray   *out,
           GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (char *));

  if (!read_lines (path, &lines, error))
    return FALSE;

  for (guint l = 0; ; l++)
    {
      const char *line = lines[l];

      if (line == NULL || line[0] == '\0')
        {
          if (words->len > 0)
            {
              Sentence *s = g_new0 (Sentence, 1);
              guint start = 0;
              DmNerType open = DM_NER_NONE;

              s->gold = g_new0 (guint8, words->len);
              for (guint i = 0; i <= words->len; i++)
                {
                  const char *tag = i < words->len ? g_array_index (labels, char *, i) : "O";
                  gboolean begins = tag[0] == 'B';
                  DmNerType type = tag[0] == 'O' ? DM_NER_NONE : type_from_label (tag + 2);

                  if (open != DM_NER_NONE && (begins || type != open))
                    {
                      set_span_tags (s->gold, start, i - 1, open);
                      open = DM_NER_NONE;
                    }
                  if (type != DM_NER_NONE && open == DM_NER_NONE)
                    {
                      open = type;
                      start = i;
                    }
                }
              for (guint i = 0; i < labels->len; i++)
                g_free (g_array_index (labels, char *, i));
              g_array_set_size (labels, 0);
              s->words = g_steal_pointer (&words);
              words = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (out, s);
            }
          if (line == NULL)
            break;
          continue;
        }
      if (line[0] == '#')
        continue;
      {
        g_auto(GStrv) cols = g_strsplit (line, "\t", 4);
        char *label;

        if (g_strv_length (cols) < 3)
          {
            g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                         "%s: line %u: expected “id word tag”, tab-separated", path, l + 1);
            return FALSE;
          }
        g_ptr_array_add (words, g_strdup (cols[1]));
        label = g_strdup (cols[2]);
        g_array_append_val (labels, label);
      }
    }
  return TRUE;
}

/* ---- GUM: Entity= in the MISC column of CoNLL-U ---- */

typedef struct {
  char     *id;
  DmNerType type;
  guint     head;      /* 1-based offset of the mention's head (minspan), 0 = unknown */
  guint     start;
  gboolean  open;
  guint     end;
} Mention;

static gboolean
is_connector (const char *word)
{
  static const char * const connectors[] = { "of", "and", "&", "for", "de", "the", "on", NULL };

  return g_strv_contains (connectors, word);
}

static gboolean
is_title (const DmLexicon *lexicon,
          const char      *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return dm_lexicon_lookup_title (lexicon, lower) != NULL;
}

/* The name inside a mention: the proper nouns around its head. FALSE when the head is not one. */
static gboolean
name_of_mention (const DmLexicon *lexicon,
                 GPtrArray       *words,
                 GPtrArray       *upos,
                 const Mention   *m,
                 Span            *span)
{
#define PROPN(k) (g_str_equal (upos->pdata[k], "PROPN"))
  guint h = m->head > 0 ? MIN (m->start + m->head - 1, m->end) : m->end;
  guint first = h, last = h;

  if (!PROPN (h) || is_title (lexicon, words->pdata[h]))
    return FALSE;
  for (;;)
    {
      guint k = first;

      /* connectors inside a name: "Bank of the West", "Ministry of Foreign Affairs" */
      while (k > m->start && k - 1 > m->start && is_connector (words->pdata[k - 1]) && first - k < 2)
        k--;
      if (k == 0 || k - 1 < m->start || !PROPN (k - 1) || is_title (lexicon, words->pdata[k - 1]))
        break;
      first = k - 1;
    }
  for (;;)
    {
      guint k = last;

      while (k + 1 < m->end && is_connector (words->pdata[k + 1]) && k - last < 2)
        k++;
      if (k + 1 > m->end || !PROPN (k + 1))
        break;
      last = k + 1;
    }
  span->first = first;
  span->last = last;
  span->type = m->type;
  return TRUE;
#undef PROPN
}

static void
open_mention (GPtrArray  *mentions,
              const char *spec,
              gsize       len,
              guint       token)
{
  g_autofree char *text = g_strndup (spec, len);
  g_auto(GStrv) fields = g_strsplit (text, "-", 8);
  Mention *m;

  if (g_strv_length (fields) < 2)
    return;
  m = g_new0 (Mention, 1);
  m->id = g_strdup (fields[0]);
  m->type = type_from_label (fields[1]);
  m->head = g_strv_length (fields) > 5 ? (guint) g_ascii_strtoull (fields[5], NULL, 10) : 0;
  m->start = m->end = token;
  m->open = TRUE;
  g_ptr_array_add (mentions, m);
}

static void
close_mention (GPtrArray  *mentions,
               const char *id,
               guint       token)
{
  for (guint k = mentions->len; k > 0; k--)
    {
      Mention *m = mentions->pdata[k - 1];

      if (m->open && g_str_equal (m->id, id))
        {
          m->open = FALSE;
          m->end = token;
          return;
        }
    }
}

/* "(1-event-new-…(2-abstract-…-coref)" opens 1, opens and closes 2; "1)" closes 1. */
static void
parse_entities (GPtrArray  *mentions,
                const char *value,
                guint       token)
{
  const char *p = value;

  while (*p != '\0' && *p != '|')
    {
      if (*p == '(')
        {
          const char *q = p + 1;

          while (*q != '\0' && *q != '|' && *q != '(' && *q != ')')
            q++;
          open_mention (mentions, p + 1, q - p - 1, token);
          if (*q == ')')
            {
              Mention *m = g_ptr_array_index (mentions, mentions->len - 1);

              m->open = FALSE;
              q++;
            }
          p = q;
        }
      else
        {
          const char *q = p;

          while (*q != '\0' && *q != '|' && *q != ')' && *q != '(')
            q++;
          if (*q == ')')
            {
              g_autofree char *id = g_strndup (p, q - p);

              close_mention (mentions, id, token);
              q++;
            }
          p = q;
        }
    }
}

static void
mention_free (gpointer data)
{
  Mention *m = data;

  g_free (m->id);
  g_free (m);
}

static gint
compare_span_length (gconstpointer a,
                     gconstpointer b)
{
  const Span *x = a, *y = b;

  return (int) (y->last - y->first) - (int) (x->last - x->first);
}

static void
finish_gum_sentence (const DmLexicon *lexicon,
                     GPtrArray      **words,
                     GPtrArray       *upos,
                     GPtrArray       *mentions,
                     GPtrArray       *out)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Sentence *s;

  if ((*words)->len == 0)
    return;
  s = g_new0 (Sentence, 1);
  s->gold = g_new0 (guint8, (*words)->len);
  for (guint k = 0; k < mentions->len; k++)
    {
      const Mention *m = mentions->pdata[k];
      Span span;

      if (!m->open && m->type != DM_NER_NONE && name_of_mention (lexicon, *words, upos, m, &span))
        g_array_append_val (spans, span);
    }
  /* the outer name wins: "Ministry of Foreign Affairs of Afghanistan" over "Afghanistan" */
  g_array_sort (spans, compare_span_length);
  for (guint k = 0; k < spans->len; k++)
    {
      const Span *span = &g_array_index (spans, Span, k);
      gboolean free = TRUE;

      for (guint i = span->first; i <= span->last; i++)
        free = free && s->gold[i] == DM_NER_TAG_O;
      if (free)
        set_span_tags (s->gold, span->first, span->last, span->type);
    }
  s->words = g_steal_pointer (words);
  *words = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (upos, 0);
  g_ptr_array_set_size (mentions, 0);
  g_ptr_array_add (out, s);
}

static gboolean
read_gum (const DmLexicon *lexicon,
          const char      *path,
          GPtrArray       *out,
          GError         **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) upos = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (mention_free);

  if (!read_lines (path, &lines, error))
    return FALSE;
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *line = lines[l];
      g_auto(GStrv) cols = NULL;
      const char *entity;

      if (line[0] == '\0')
        {
          finish_gum_sentence (lexicon, &words, upos, mentions, out);
          continue;
        }
      if (line[0] == '#')
        continue;
      cols = g_strsplit (line, "\t", 11);
      if (g_strv_length (cols) != 10)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s: line %u: a CoNLL-U token line has 10 tab-separated columns", path, l + 1);
          return FALSE;
        }
      if (strchr (cols[0], '-') != NULL || strchr (cols[0], '.') != NULL)
        continue;   /* multi-word tokens and empty nodes */
      entity = strstr (cols[9], "Entity=");
      if (entity != NULL && (entity == cols[9] || entity[-1] == '|'))
        parse_entities (mentions, entity + strlen ("Entity="), words->len);
      g_ptr_array_add (words, g_strdup (cols[1]));
      g_ptr_array_add (upos, g_strdup (cols[3]));
    }
  finish_gum_sentence (lexicon, &words, upos, mentions, out);
  return TRUE;
}

/* ---- word classes from treebank text ---- */

typedef struct {
  guint proper, total;
} WordCount;

/* Counts how often each word (lower case) is a proper noun in a CoNLL-U file. */
static gboolean
count_words (const char  *path,
             GHashTable  *counts,
             GError     **error)
{
  g_auto(GStrv) lines = NULL;

  if (!read_lines (path, &lines, error))
    return FALSE;
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *lower = NULL;
      WordCount *c;

      if (lines[l][0] == '\0' || lines[l][0] == '#')
        continue;
      cols = g_strsplit (lines[l], "\t", 6);
      if (g_strv_length (cols) < 5 || strchr (cols[0], '-') != NULL || strchr (cols[0], '.') != NULL)
        continue;
      lower = g_utf8_strdown (cols[1], -1);
      c = g_hash_table_lookup (counts, lower);
      if (c == NULL)
        {
          c = g_new0 (WordCount, 1);
          g_hash_table_insert (counts, g_steal_pointer (&lower), c);
        }
      c->total++;
      c->proper += g_str_equal (cols[3], "PROPN");
    }
  return TRUE;
}

/* The classes of the words seen at least twice, and the extra section that stores them. */
static GBytes *
make_classes (GHashTable *counts)
{
  GString *extra = g_string_new (DM_NER_FEATURE_SET);
  g_autoptr(GList) words = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) strcmp);

  for (GList *l = words; l != NULL; l = l->next)
    {
      const WordCount *c = g_hash_table_lookup (counts, l->data);
      char klass;

      if (c->total < 2 || strchr (l->data, '\t') != NULL || strchr (l->data, '\n') != NULL)
        continue;
      klass = c->proper * 10 >= c->total * 8 ? DM_NER_CLASS_PROPER :
              c->proper * 10 >= c->total * 3 ? DM_NER_CLASS_MIXED : DM_NER_CLASS_COMMON;
      g_string_append_printf (extra, "\n%s\t%c", (const char *) l->data, klass);
    }
  return g_string_free_to_bytes (extra);
}

/* ---- training and evaluation ---- */

static void
set_sentence (DmNerSentence  *ns,
              const Sentence *s)
{
  dm_ner_sentence_set (ns, (const char * const *) s->words->pdata, s->words->len);
}

static void
train_epoch (DmPerceptronTrainer *trainer,
             const DmLexicon     *lexicon,
             const DmNerClasses  *classes,
             GPtrArray           *sentences,
             GRand               *rand,
             guint               *errors,
             guint               *decisions)
{
  DmNerSentence ns;
  DmFeatures feats;
  gboolean allowed[DM_NER_N_TAGS];

  /* Fisher–Yates with the trainer's own seeded generator */
  for (guint k = sentences->len; k > 1; k--)
    {
      guint j = g_rand_int_range (rand, 0, k);
      gpointer tmp = sentences->pdata[k - 1];

      sentences->pdata[k - 1] = sentences->pdata[j];
      sentences->pdata[j] = tmp;
    }

  dm_ner_sentence_init (&ns, lexicon, classes);
  dm_features_init (&feats);
  for (guint k = 0; k < sentences->len; k++)
    {
      const Sentence *s = sentences->pdata[k];
      g_autofree guint8 *tags = g_new0 (guint8, s->words->len);
      guint prev = DM_NER_TAG_O;

      set_sentence (&ns, s);
      for (guint i = 0; i < ns.n; i++)
        {
          if (dm_ner_needs_decision (&ns, i, prev))
            {
              guint guess;

              dm_ner_allowed (&ns, i, prev, allowed);
              dm_ner_features (&ns, i, tags, &feats);
              guess = dm_perceptron_trainer_predict (trainer, &feats, allowed);
              dm_perceptron_trainer_update (trainer, &feats, s->gold[i], guess);
              *errors += guess != s->gold[i];
              (*decisions)++;
              tags[i] = (guint8) guess;
            }
          else
            tags[i] = DM_NER_TAG_O;
          prev = tags[i];
        }
    }
  dm_features_clear (&feats);
  dm_ner_sentence_clear (&ns);
}

typedef struct {
  guint tp[4], fp[4], fn[4];
} Counts;

static gboolean
has_span (GArray          *spans,
          const DmNerSpan *span)
{
  for (guint k = 0; k < spans->len; k++)
    {
      const DmNerSpan *t = &g_array_index (spans, DmNerSpan, k);

      if (t->first == span->first && t->last == span->last && t->type == span->type)
        return TRUE;
    }
  return FALSE;
}

static void
count_spans (Counts *c,
             GArray *gold,
             GArray *guess)
{
  for (guint a = 0; a < guess->len; a++)
    {
      const DmNerSpan *g = &g_array_index (guess, DmNerSpan, a);

      if (has_span (gold, g))
        c->tp[g->type]++;
      else
        c->fp[g->type]++;
    }
  for (guint b = 0; b < gold->len; b++)
    {
      const DmNerSpan *t = &g_array_index (gold, DmNerSpan, b);

      if (!has_span (guess, t))
        c->fn[t->type]++;
    }
}

static void
print_prf (const char *label,
           guint       tp,
           guint       fp,
           guint       fn)
{
  double p = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
  double r = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

  g_print ("  %-4s P %.3f  R %.3f  F1 %.3f  (%u names)\n", label, p, r, f, tp + fn);
}

static void
evaluate (const DmPerceptron *model,
          const DmLexicon    *lexicon,
          const DmNerClasses *classes,
          const char         *name,
          GPtrArray          *sentences)
{
  DmNerSentence ns;
  DmFeatures feats;
  Counts c = { { 0 } };
  guint tp = 0, fp = 0, fn = 0;

  if (sentences->len == 0)
    return;
  dm_ner_sentence_init (&ns, lexicon, classes);
  dm_features_init (&feats);
  for (guint k = 0; k < sentences->len; k++)
    {
      const Sentence *s = sentences->pdata[k];
      g_autofree guint8 *tags = g_new0 (guint8, s->words->len);
      g_autoptr(GArray) gold = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));
      g_autoptr(GArray) guess = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));

      set_sentence (&ns, s);
      dm_ner_decode (model, &ns, &feats, tags);
      dm_ner_spans_from_tags (s->gold, s->words->len, 0, gold);
      dm_ner_spans_from_tags (tags, s->words->len, 0, guess);
      count_spans (&c, gold, guess);
    }
  dm_features_clear (&feats);
  dm_ner_sentence_clear (&ns);

  g_print ("%s (%u sentences):\n", name, sentences->len);
  for (DmNerType t = DM_NER_PERSON; t <= DM_NER_PLACE; t++)
    {
      print_prf (dm_ner_type_name (t), c.tp[t], c.fp[t], c.fn[t]);
      tp += c.tp[t];
      fp += c.fp[t];
      fn += c.fn[t];
    }
  print_prf ("all", tp, fp, fn);
}

static gboolean
read_all (const DmLexicon  *lexicon,
          char            **uner,
          char            **gum,
          GPtrArray        *out,
          GError          **error)
{
  for (guint k = 0; uner != NULL && uner[k] != NULL; k++)
    if (!read_iob2 (uner[k], out, error))
      return FALSE;
  for (guint k = 0; gum != NULL && gum[k] != NULL; k++)
    if (!read_gum (lexicon, gum[k], out, error))
      return FALSE;
  return TRUE;
}

/* --show: the names a model finds in a text file, one a line, to look at by hand. */
static int
show_names (const char *model_path,
            const char *text_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *model_data = NULL, *text = NULL;
  gsize model_len, text_len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DmNer) ner = NULL;
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (model_path, &model_data, &model_len, &error) ||
      !g_file_get_contents (text_path, &text, &text_len, &error))
    {
      g_printerr ("dramatis-train ner: %s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&model_data), model_len);
  ner = dm_ner_new_from_bytes (bytes, dm_lexicon_get_default (), &error);
  if (ner == NULL)
    {
      g_printerr ("dramatis-train ner: %s: %s\n", model_path, error->message);
      return 1;
    }
  doc = dm_text_doc_new (text, text_len);
  for (guint i = 0; i < doc->tokens->len; i++)
    g_ptr_array_add (words, dm_text_doc_token_text (doc, i));
  spans = dm_ner_tag (ner, doc, (char * const *) words->pdata);
  for (guint k = 0; k < spans->len; k++)
    {
      const DmNerSpan *span = &g_array_index (spans, DmNerSpan, k);
      const DmToken *first = dm_text_doc_token (doc, span->first);
      const DmToken *last = dm_text_doc_token (doc, span->last);

      g_print ("%s\t%.*s\n", dm_ner_type_name (span->type), (int) (last->end - first->start), text + first->start);
    }
  return 0;
}

int
dm_train_ner_main (int    argc,
                   char **argv)
{
  g_auto(GStrv) uner = NULL, gum = NULL, test_uner = NULL, test_gum = NULL, text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *show = NULL;
  int epochs = 10;
  double min_weight = 0.01;
  GOptionEntry entries[] = {
    { "uner", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &uner, "Train on a UniversalNER .iob2 file", "FILE" },
    { "gum", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &gum, "Train on a GUM .conllu file (Entity= annotation)", "FILE" },
    { "test-uner", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &test_uner, "Report F1 on a held-out UniversalNER file", "FILE" },
    { "test-gum", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &test_gum, "Report F1 on a held-out GUM file", "FILE" },
    { "text", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &text, "Learn word classes from a CoNLL-U file (words and UPOS only)", "FILE" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Passes over the training data (10)", "N" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight, "Drop averaged weights smaller than this (0.01)", "W" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the model here (with --show: read it)", "FILE" },
    { "show", 0, 0, G_OPTION_ARG_FILENAME, &show, "Print the names the model in --output finds in a text file", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— train the entity recognizer");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) train = g_ptr_array_new_with_free_func (sentence_free);
  g_autoptr(GPtrArray) held_uner = g_ptr_array_new_with_free_func (sentence_free);
  g_autoptr(GPtrArray) held_gum = g_ptr_array_new_with_free_func (sentence_free);
  g_autoptr(DmPerceptronTrainer) trainer = NULL;
  g_autoptr(DmPerceptron) model = NULL;
  g_autoptr(GBytes) extra = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DmNerClasses) classes = NULL;
  const DmLexicon *lexicon = dm_lexicon_get_default ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dramatis-train ner: %s\n", error->message);
      return 2;
    }
  if (show != NULL && output != NULL)
    return show_names (output, show);
  if (output == NULL || (uner == NULL && gum == NULL) || epochs < 1)
    {
      g_printerr ("dramatis-train ner: give --output and at least one --uner or --gum file\n");
      return 2;
    }
  if (!read_all (lexicon, uner, gum, train, &error) ||
      !read_all (lexicon, test_uner, NULL, held_uner, &error) ||
      !read_all (lexicon, NULL, test_gum, held_gum, &error))
    {
      g_printerr ("dramatis-train ner: %s\n", error->message);
      return 1;
    }

  for (guint k = 0; text != NULL && text[k] != NULL; k++)
    if (!count_words (text[k], counts, &error))
      break;
  for (guint k = 0; error == NULL && gum != NULL && gum[k] != NULL; k++)
    if (!count_words (gum[k], counts, &error))
      break;
  if (error != NULL)
    {
      g_printerr ("dramatis-train ner: %s\n", error->message);
      return 1;
    }
  extra = make_classes (counts);
  classes = dm_ner_classes_new (extra);
  g_print ("%u word classes\n", dm_ner_classes_size (classes));

  trainer = dm_perceptron_trainer_new (dm_ner_tag_names);
  rand = g_rand_new_with_seed (20260901);
  for (int e = 0; e < epochs; e++)
    {
      guint errors = 0, decisions = 0;

      train_epoch (trainer, lexicon, classes, train, rand, &errors, &decisions);
      g_print ("epoch %d: %u sentences, %u decisions, %.2f%% wrong\n",
               e + 1, train->len, decisions, decisions ? 100.0 * errors / decisions : 0.0);
    }

  bytes = dm_perceptron_trainer_save (trainer, "ner", extra, (float) min_weight);
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("dramatis-train ner: %s\n", error->message);
      return 1;
    }
  model = dm_perceptron_load (bytes, "ner", &error);
  if (model == NULL)
    {
      g_printerr ("dramatis-train ner: the saved model does not load: %s\n", error->message);
      return 1;
    }
  g_print ("%s: %zu bytes, %u features\n", output, g_bytes_get_size (bytes), dm_perceptron_n_features (model));
  evaluate (model, lexicon, classes, "UniversalNER held out", held_uner);
  evaluate (model, lexicon, classes, "GUM held out", held_gum);
  return 0;
}
