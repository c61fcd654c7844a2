/* dm-parse-tokens.c — Universal Dependencies tokens from an article's tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-parse-tokens"

#include "config.h"

#include <string.h>

#include "dm-parse-tokens.h"

/* An apostrophe at @p: ASCII or U+2019 (bytes E2 80 99); its length in bytes, or 0. */
static guint
apostrophe_at (const char *p,
               const char *end)
{
  if (p < end && *p == '\'')
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
    return 3;
  return 0;
}

/* Does @word end with an apostrophe followed by one of the clitics? Returns where the
 * apostrophe starts, or -1. */
static gssize
clitic_start (const char *word,
              gsize       len)
{
  static const char * const clitics[] = { "s", "re", "ve", "ll", "d", "m" };
  const char *end = word + len;

  for (guint i = 0; i < G_N_ELEMENTS (clitics); i++)
    {
      gsize n = strlen (clitics[i]);

      for (guint apo = 1; apo <= 3; apo += 2)
        {
          const char *p = end - n - apo;

          if (p <= word)   /* the host must not be empty */
            continue;
          if (apostrophe_at (p, end) == apo && g_ascii_strncasecmp (p + apo, clitics[i], n) == 0)
            return p - word;
        }
    }
  return -1;
}

/* "don't" → "do" + "n't" (and "can't" → "ca" "n't", as UD has it). Returns the cut or -1. */
static gssize
negation_start (const char *word,
                gsize       len)
{
  const char *end = word + len;

  for (guint apo = 1; apo <= 3; apo += 2)
    {
      const char *p = end - 1 - apo;   /* the apostrophe */

      if (p - 1 <= word)
        continue;
      if (apostrophe_at (p, end) == apo && (end[-1] == 't' || end[-1] == 'T') &&
          (p[-1] == 'n' || p[-1] == 'N'))
        return p - 1 - word;
    }
  return -1;
}

guint
dm_parse_tokens_split_word (const char *word,
                            gsize       len,
                            guint       cuts[2])
{
  gssize cut;
  guint apo;

  if (len == 6 && g_ascii_strncasecmp (word, "cannot", 6) == 0)
    {
      cuts[0] = 3;
      return 2;
    }
  if ((cut = negation_start (word, len)) > 0)
    {
      cuts[0] = cut;
      return 2;
    }
  if ((cut = clitic_start (word, len)) > 0)
    {
      gssize neg = negation_start (word, cut);   /* "shouldn't've" is rare; "I'd" is not */

      if (neg > 0)
        {
          cuts[0] = neg;
          cuts[1] = cut;
          return 3;
        }
      cuts[0] = cut;
      return 2;
    }
  /* The possessive apostrophe of a plural: "Jones'", "states’" */
  for (apo = 1; apo <= 3; apo += 2)
    if (len > apo + 1 && apostrophe_at (word + len - apo, word + len) == apo &&
        (word[len - apo - 1] == 's' || word[len - apo - 1] == 'S'))
      {
        cuts[0] = len - apo;
        return 2;
      }
  return 1;
}

void
dm_parse_tokens_fill (DmParse         *parse,
                      const DmTextDoc *doc)
{
  g_return_if_fail (parse != NULL && doc != NULL);
  g_return_if_fail (parse->tokens->len == 0 && parse->sentences->len == 0);

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const DmSentence *sentence = dm_text_doc_sentence (doc, s);
      DmParseSentence ps = { parse->tokens->len, 0, FALSE };

      for (guint t = sentence->first_token; t < sentence->first_token + sentence->n_tokens; t++)
        {
          const DmToken *token = dm_text_doc_token (doc, t);
          guint cuts[2], n = 1;
          guint bounds[4];

          if (token->kind == DM_TOKEN_WORD)
            n = dm_parse_tokens_split_word (doc->text + token->start,
                                            token->end - token->start, cuts);
          bounds[0] = token->start;
          for (guint i = 1; i < n; i++)
            bounds[i] = token->start + cuts[i - 1];
          bounds[n] = token->end;

          for (guint i = 0; i < n; i++)
            {
              DmParseToken pt = { 0, };

              pt.start = bounds[i];
              pt.end = bounds[i + 1];
              pt.token = t;
              pt.head = -1;
              pt.upos = DM_UPOS_X;
              pt.deprel = DM_DEP_DEP;
              g_array_append_val (parse->tokens, pt);
            }
        }
      ps.n_tokens = parse->tokens->len - ps.first;
      g_array_append_val (parse->sentences, ps);
    }
}

DmParse *
dm_parse_tokens_new (const DmTextDoc *doc)
{
  DmParse *parse = dm_parse_new ();

  dm_parse_tokens_fill (parse, doc);
  return parse;
}

char *
dm_parse_tokens_ascii_apostrophes (const char *form,
                                   gssize      len)
{
  gsize n = len < 0 ? strlen (form) : (gsize) len;
  const char *end = form + n;
  GString *s;

  /* Most words have no curly apostrophe (whose UTF-8 starts with 0xE2): a copy does. */
  if (memchr (form, 0xE2, n) == NULL)
    return g_strndup (form, n);
  s = g_string_sized_new (n);
  for (const char *p = form; p < end; p++)
    {
      if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
          ((guchar) p[2] == 0x99 || (guchar) p[2] == 0x98))
        {
          g_string_append_c (s, '\'');
          p += 2;
          continue;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}
