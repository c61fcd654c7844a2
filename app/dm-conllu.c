/* dm-conllu.c — a reader for CoNLL-U treebanks, the format the trainers and tests read
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-conllu"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dm-conllu.h"

G_DEFINE_QUARK (dm-conllu-error-quark, dm_conllu_error)

#define N_FIELDS 10

static void
word_free (gpointer data)
{
  DmConlluWord *w = data;

  g_free (w->form);
  g_free (w->lemma);
  g_free (w->upos);
  g_free (w->xpos);
  g_free (w->feats);
  g_free (w->deprel);
  g_free (w->misc);
  g_free (w);
}

static void
token_free (gpointer data)
{
  DmConlluToken *t = data;

  g_free (t->form);
  g_free (t);
}

void
dm_conllu_sentence_free (DmConlluSentence *sentence)
{
  if (sentence == NULL)
    return;
  g_free (sentence->sent_id);
  g_free (sentence->doc_id);
  g_free (sentence->text);
  g_clear_pointer (&sentence->words, g_ptr_array_unref);
  g_clear_pointer (&sentence->tokens, g_ptr_array_unref);
  g_free (sentence);
}

static DmConlluSentence *
sentence_new (guint line)
{
  DmConlluSentence *s = g_new0 (DmConlluSentence, 1);

  s->words = g_ptr_array_new_with_free_func (word_free);
  s->tokens = g_ptr_array_new_with_free_func (token_free);
  s->line = line;
  return s;
}

/* A whole non-negative decimal number, or -1. */
static int
parse_id (const char *s)
{
  char *end;
  long v;

  if (!g_ascii_isdigit (*s))
    return -1;
  v = strtol (s, &end, 10);
  if (*end != '\0' || v < 0 || v > G_MAXINT / 2)
    return -1;
  return v;
}

static gboolean
misc_says_no_space (const char *misc)
{
  g_auto(GStrv) items = g_strsplit (misc, "|", -1);

  for (guint i = 0; items[i] != NULL; i++)
    if (strcmp (items[i], "SpaceAfter=No") == 0)
      return TRUE;
  return FALSE;
}

/* "# key = value" → value, for the keys we keep. */
static void
read_comment (DmConlluSentence *s,
              char            **doc_id,
              const char       *line)
{
  const char *p = line + 1;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "newdoc"))
    {
      const char *eq = strchr (p, '=');

      g_free (*doc_id);
      *doc_id = eq != NULL ? g_strstrip (g_strdup (eq + 1)) : NULL;
      g_free (s->doc_id);
      s->doc_id = g_strdup (*doc_id);
    }
  else if (g_str_has_prefix (p, "sent_id") && strchr (p, '=') != NULL)
    {
      g_free (s->sent_id);
      s->sent_id = g_strstrip (g_strdup (strchr (p, '=') + 1));
    }
  else if (g_str_has_prefix (p, "text ") || g_str_has_prefix (p, "text="))
    {
      const char *eq = strchr (p, '=');

      if (eq != NULL)
        {
          g_free (s->text);
          s->text = g_strstrip (g_strdup (eq + 1));
        }
    }
}

typedef struct {
  DmConlluSentence *s;
  int               mwt_last;   /* last word of the multi-word token being read, or 0 */
} SentenceState;

static gboolean
read_word_line (SentenceState *st,
                char          *line,
                guint          lineno,
                GError       **error)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);
  const char *dash;
  DmConlluWord *w;
  int id, head;

  if (g_strv_length (f) != N_FIELDS)
    {
      g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_SYNTAX,
                   "line %u: %u fields where CoNLL-U has %u", lineno, g_strv_length (f), N_FIELDS);
      return FALSE;
    }

  if (strchr (f[0], '.') != NULL)
    return TRUE;   /* an empty node of the enhanced graph */

  if ((dash = strchr (f[0], '-')) != NULL)
    {
      g_autofree char *first_s = g_strndup (f[0], dash - f[0]);
      int first = parse_id (first_s), last = parse_id (dash + 1);
      DmConlluToken *t;

      if (first != (int) st->s->words->len + 1 || last < first)
        {
          g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_TREE,
                       "line %u: multi-word token “%s” does not start at word %u",
                       lineno, f[0], st->s->words->len + 1);
          return FALSE;
        }
      t = g_new0 (DmConlluToken, 1);
      t->form = g_strdup (f[1]);
      t->first_word = first;
      t->last_word = last;
      t->space_after = !misc_says_no_space (f[9]);
      g_ptr_array_add (st->s->tokens, t);
      st->mwt_last = last;
      return TRUE;
    }

  id = parse_id (f[0]);
  if (id != (int) st->s->words->len + 1)
    {
      g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_TREE,
                   "line %u: word id “%s” where %u was expected", lineno, f[0],
                   st->s->words->len + 1);
      return FALSE;
    }
  head = strcmp (f[6], "_") == 0 ? 0 : parse_id (f[6]);
  if (head < 0)
    {
      g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_SYNTAX,
                   "line %u: head “%s” is not a number", lineno, f[6]);
      return FALSE;
    }

  w = g_new0 (DmConlluWord, 1);
  w->id = id;
  w->form = g_strdup (f[1]);
  w->lemma = g_strdup (f[2]);
  w->upos = g_strdup (f[3]);
  w->xpos = g_strdup (f[4]);
  w->feats = g_strdup (f[5]);
  w->head = head;
  w->deprel = g_strdup (f[7]);
  w->misc = g_strdup (f[9]);
  w->space_after = !misc_says_no_space (f[9]);
  g_ptr_array_add (st->s->words, w);

  if (st->mwt_last >= id)
    {
      DmConlluToken *t = g_ptr_array_index (st->s->tokens, st->s->tokens->len - 1);

      /* Inside a contraction only its last word is followed by what follows the token. */
      w->space_after = id == st->mwt_last ? t->space_after : FALSE;
      if (id == st->mwt_last)
        st->mwt_last = 0;
    }
  else
    {
      DmConlluToken *t = g_new0 (DmConlluToken, 1);

      t->form = g_strdup (f[1]);
      t->first_word = t->last_word = id;
      t->space_after = w->space_after;
      g_ptr_array_add (st->s->tokens, t);
    }
  return TRUE;
}

static gboolean
finish_sentence (SentenceState *st,
                 guint          lineno,
                 GError       **error)
{
  DmConlluSentence *s = st->s;

  if (st->mwt_last != 0)
    {
      g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_TREE,
                   "line %u: the sentence ends inside a multi-word token", lineno);
      return FALSE;
    }
  for (guint i = 0; i < s->words->len; i++)
    {
      DmConlluWord *w = dm_conllu_word (s, i);

      if (w->head > (int) s->words->len || w->head == w->id)
        {
          g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_TREE,
                       "line %u: word %d has head %d, outside the sentence or itself",
                       s->line, w->id, w->head);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the sentence being read (if any) and moves it to @sentences; empty ones go. */
static gboolean
end_sentence (SentenceState  *st,
              GPtrArray      *sentences,
              guint           lineno,
              GError        **error)
{
  if (st->s == NULL)
    return TRUE;
  if (!finish_sentence (st, lineno, error))
    {
      g_clear_pointer (&st->s, dm_conllu_sentence_free);
      return FALSE;
    }
  if (st->s->words->len > 0)
    g_ptr_array_add (sentences, st->s);
  else
    dm_conllu_sentence_free (st->s);
  st->s = NULL;
  return TRUE;
}

GPtrArray *
dm_conllu_parse (const char  *data,
                 gsize        len,
                 GError     **error)
{
  g_autoptr(GPtrArray) sentences =
    g_ptr_array_new_with_free_func ((GDestroyNotify) dm_conllu_sentence_free);
  g_autofree char *doc_id = NULL;
  SentenceState st = { NULL, 0 };
  const char *p = data, *end = data + len;
  guint lineno = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      g_autofree char *line = NULL;
      gsize n = line_end - p;

      lineno++;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      line = g_strndup (p, n);
      p = nl != NULL ? nl + 1 : end;

      if (line[0] == '\0')
        {
          if (!end_sentence (&st, sentences, lineno, error))
            return NULL;
          continue;
        }
      if (!g_utf8_validate (line, -1, NULL))
        {
          g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_SYNTAX,
                       "line %u: not UTF-8 text", lineno);
          dm_conllu_sentence_free (st.s);
          return NULL;
        }
      if (st.s == NULL)
        {
          st.s = sentence_new (lineno);
          st.s->doc_id = g_strdup (doc_id);
          st.mwt_last = 0;
        }
      if (line[0] == '#')
        {
          if (st.s->words->len > 0)
            {
              g_set_error (error, DM_CONLLU_ERROR, DM_CONLLU_ERROR_SYNTAX,
                           "line %u: a comment after the words of a sentence", lineno);
              dm_conllu_sentence_free (st.s);
              return NULL;
            }
          read_comment (st.s, &doc_id, line);
        }
      else if (!read_word_line (&st, line, lineno, error))
        {
          dm_conllu_sentence_free (st.s);
          return NULL;
        }
    }

  if (!end_sentence (&st, sentences, lineno, error))
    return NULL;
  return g_steal_pointer (&sentences);
}

GPtrArray *
dm_conllu_load (const char  *path,
                GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  GPtrArray *sentences;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if ((sentences = dm_conllu_parse (data, len, &local)) == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
      return NULL;
    }
  return sentences;
}
