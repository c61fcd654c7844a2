/* dm-lexicon-verbs.c — the verb lexicon: verbs.tsv phrases and the inflected forms the
 * tagger-free matcher looks up ("urges", "urged", "urging" of "urge")
 *
 * Each phrase's first word is inflected by rule, or by irregular-verbs.tsv where it lists
 * the verb; every form is indexed with the phrase it starts, so a text's word finds the
 * phrases it may begin. Loaded on the lexicon's verb thread (dm-lexicon.c).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-lexicon"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-lexicon-private.h"

/* English inflection of a lemma by rule; irregular-verbs.tsv overrides it. */
static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The rules write into a buffer of at least FORM_ROOM (@len) bytes: no allocation for
 * the ~8,000 forms inflected at every start. */
#define FORM_ROOM(len) ((len) + 5)

static const char *
rule_third (const char *lemma,
            gsize       len,
            char       *buf)
{
  char last = len > 0 ? lemma[len - 1] : '\0';
  char before = len > 1 ? lemma[len - 2] : '\0';
  const char *suffix = "s";

  memcpy (buf, lemma, len);
  if (last == 'y' && len > 1 && !is_vowel (before))
    {
      len--;
      suffix = "ies";
    }
  /* -s, -x, -z, -o, -ch, -sh */
  else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
           (last == 'h' && (before == 'c' || before == 's')))
    suffix = "es";
  strcpy (buf + len, suffix);
  return buf;
}

static const char *
rule_past (const char *lemma,
           gsize       len,
           char       *buf)
{
  const char *suffix = "ed";

  memcpy (buf, lemma, len);
  if (len > 0 && lemma[len - 1] == 'e')
    suffix = "d";
  else if (len > 1 && lemma[len - 1] == 'y' && !is_vowel (lemma[len - 2]))
    {
      len--;
      suffix = "ied";
    }
  strcpy (buf + len, suffix);
  return buf;
}

static const char *
rule_gerund (const char *lemma,
             gsize       len,
             char       *buf)
{
  const char *suffix = "ing";

  memcpy (buf, lemma, len);
  if (len >= 2 && lemma[len - 2] == 'i' && lemma[len - 1] == 'e')
    {
      len -= 2;
      suffix = "ying";
    }
  else if (len > 2 && lemma[len - 1] == 'e' && lemma[len - 2] != 'e' && lemma[len - 2] != 'y' &&
           lemma[len - 2] != 'o')
    len--;
  strcpy (buf + len, suffix);
  return buf;
}

/* A form's list of DmLexVerbForm: a GPtrArray as its readers see it (pdata and len), its
 * slots in the blocks. Room for two, then doubled each time a power of two is reached. */
static GPtrArray *
form_list_new (DmLexicon *self)
{
  GPtrArray *forms = dm_lex_blocks_alloc (&self->verb_blocks, sizeof (GPtrArray));

  forms->pdata = dm_lex_blocks_alloc (&self->verb_blocks, 2 * sizeof (gpointer));
  return forms;
}

static void
form_list_add (DmLexicon *self,
               GPtrArray *forms,
               gpointer   item)
{
  if (forms->len >= 2 && (forms->len & (forms->len - 1)) == 0)
    {
      gpointer *pdata = dm_lex_blocks_alloc (&self->verb_blocks, 2 * forms->len * sizeof (gpointer));

      memcpy (pdata, forms->pdata, forms->len * sizeof (gpointer));
      forms->pdata = pdata;
    }
  forms->pdata[forms->len++] = item;
}

static void
add_verb_form (DmLexicon       *self,
               const char      *form,
               const DmLexVerb *verb,
               DmVerbForm       kind)
{
  g_auto(GStrv) variants = NULL;
  const char *single[2] = { form, NULL };
  const char * const *list = single;

  /* "dreamt/dreamed": variants are rare, so split only when there are some */
  if (strchr (form, '/') != NULL)
    list = (const char * const *) (variants = g_strsplit (form, "/", -1));

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *word = list[i];
      GPtrArray *forms;
      DmLexVerbForm *vf;

      if (*word == '\0')
        continue;

      {
        gboolean added;
        gpointer *value = dm_word_index_insert (self->verb_forms, word, self->verb_strings, &added);

        if (added)
          *value = form_list_new (self);
        forms = *value;
      }
      /* a form that is both past and participle ("urged") is recorded once, as PAST */
      for (guint j = 0; j < forms->len; j++)
        {
          DmLexVerbForm *old = g_ptr_array_index (forms, j);

          if (old->verb == verb)
            goto next;
        }
      vf = dm_lex_blocks_alloc (&self->verb_blocks, sizeof (DmLexVerbForm));
      vf->verb = verb;
      vf->form = kind;
      form_list_add (self, forms, vf);
    next:
      ;
    }
}

static char *
make_label (DmLexicon       *self,
            const DmLexVerb *verb,
            const char      *third,
            gsize            third_len)
{
  const char *rest = verb->phrase + strlen (verb->words[0]);
  gsize rest_len = strlen (rest);
  char *label = dm_lex_blocks_alloc (&self->verb_blocks, third_len + rest_len + 1);

  memcpy (label, third, third_len);
  memcpy (label + third_len, rest, rest_len + 1);
  return label;
}

/* @phrase split at each space, as g_strsplit() would, but in one block of @self's: the word
 * pointers, then a copy of the text they point into. */
static char **
split_words (DmLexicon  *self,
             const char *phrase,
             guint      *n_words)
{
  gsize len = strlen (phrase);
  guint n = *phrase != '\0' ? 1 : 0;
  char **words;
  char *copy;

  for (const char *p = phrase; *p; p++)
    n += *p == ' ';
  words = dm_lex_blocks_alloc (&self->verb_blocks, (n + 1) * sizeof (char *) + len + 1);
  copy = memcpy ((char *) (words + n + 1), phrase, len + 1);
  n = 0;
  if (*copy != '\0')
    words[n++] = copy;
  for (char *p = copy; *p; p++)
    {
      if (*p == ' ')
        {
          *p = '\0';
          words[n++] = p + 1;
        }
    }
  words[n] = NULL;
  *n_words = n;
  return words;
}

/* @text lower-cased: in place when it is ASCII (most), else a copy in @self's strings. */
static char *
strdown_in_place (DmLexicon *self,
                  char      *text)
{
  for (char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        g_autofree char *down = g_utf8_strdown (text, -1);

        return g_string_chunk_insert (self->verb_strings, down);
      }
  for (char *p = text; *p; p++)
    *p = dm_text_ascii_tolower (*p);
  return text;
}

/* A lexicon phrase of @klass, owned by @self; the caller sets its label and part of speech.
 * @phrase is a column of a kept text (stripped by the line reader), lower-cased in place. */
DmLexVerb *
dm_lexicon_add_verb (DmLexicon       *self,
                     char            *phrase,
                     DmRelationClass  klass)
{
  DmLexVerb *verb = dm_lex_blocks_alloc (&self->verb_blocks, sizeof (DmLexVerb));

  verb->phrase = strdown_in_place (self, phrase);
  verb->words = split_words (self, verb->phrase, &verb->n_words);
  verb->klass = klass;
  g_ptr_array_add (self->verbs, verb);
  return verb;
}

gboolean
dm_lexicon_load_verb_line (DmLexicon   *self,
                           char       **columns,
                           guint        n_columns,
                           DmWordIndex *irregular,
                           GError     **error)
{
  DmLexVerb *verb;
  DmRelationClass klass;
  const char *pos = n_columns > 3 && *columns[3] ? columns[3] : "verb";

  if (n_columns < 2 || !dm_relation_class_from_string (columns[1], &klass))
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("verbs.tsv: “%s”: unknown class “%s”"), columns[0], n_columns > 1 ? columns[1] : "");
      return FALSE;
    }

  verb = dm_lexicon_add_verb (self, columns[0], klass);
  /* most lines are verbs: the other parts of speech are looked for only when not */
  if (strcmp (pos, "verb") != 0)
    {
      verb->is_patient = strcmp (pos, "patient") == 0;
      verb->is_agent = strcmp (pos, "agent") == 0 || verb->is_patient;
      verb->is_noun = strcmp (pos, "noun") == 0 || verb->is_agent;
      verb->is_adjective = strcmp (pos, "adj") == 0;
    }

  if (verb->n_words == 0)
    return TRUE;

  /* "critical of", "disappointed with": the adjective as written, a predicate of its
   * subject ("X is critical of Y", "X remained opposed to Y") */
  if (verb->is_adjective)
    {
      verb->label = n_columns > 2 && *columns[2] ? columns[2] : verb->phrase;
      add_verb_form (self, verb->words[0], verb, DM_VERB_FORM_BASE);
      return TRUE;
    }

  if (verb->is_noun)
    {
      const char *noun = verb->words[0];
      gsize len = strlen (noun);
      char stack[FORM_ROOM (40)];
      g_autofree char *heap = NULL;
      char *plural = FORM_ROOM (len) <= sizeof stack ? stack : (heap = g_malloc (FORM_ROOM (len)));

      verb->label = n_columns > 2 && *columns[2] ? columns[2] : verb->phrase;
      add_verb_form (self, noun, verb, DM_VERB_FORM_NOUN);
      if (len == 0 || noun[len - 1] != 's')
        add_verb_form (self, rule_third (noun, len, plural), verb, DM_VERB_FORM_NOUN);
      return TRUE;
    }

  {
    const char *lemma = verb->words[0];
    gsize len = strlen (lemma);
    DmLexIrregular *irr = dm_word_index_get (irregular, lemma);
    /* one block for the three forms the rules may write, on the stack for most words */
    char stack[3 * FORM_ROOM (40)];
    g_autofree char *heap = NULL;
    char *buf = 3 * FORM_ROOM (len) <= sizeof stack ? stack : (heap = g_malloc (3 * FORM_ROOM (len)));
    const char *past = irr && irr->past ? irr->past : rule_past (lemma, len, buf);
    const char *participle = irr && irr->participle ? irr->participle : past;
    const char *gerund = irr && irr->gerund ? irr->gerund : rule_gerund (lemma, len, buf + FORM_ROOM (len));
    const char *third = irr && irr->third ? irr->third : rule_third (lemma, len, buf + 2 * FORM_ROOM (len));

    add_verb_form (self, lemma, verb, DM_VERB_FORM_BASE);
    add_verb_form (self, third, verb, DM_VERB_FORM_THIRD);
    add_verb_form (self, past, verb, DM_VERB_FORM_PAST);
    add_verb_form (self, participle, verb, DM_VERB_FORM_PARTICIPLE);
    add_verb_form (self, gerund, verb, DM_VERB_FORM_GERUND);

    if (n_columns > 2 && *columns[2])
      verb->label = columns[2];
    else if (verb->n_words == 1)
      /* the first variant of an irregular third person */
      verb->label = g_string_chunk_insert_len (self->verb_strings, third, strcspn (third, "/"));
    else
      verb->label = make_label (self, verb, third, strcspn (third, "/"));
  }
  return TRUE;
}
