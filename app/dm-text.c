/* dm-text.c — tokens and sentences of an article, with byte and code-point offsets
 *
 * One linear pass over the UTF-8 text. Tokens are words (with inner hyphens, apostrophes and
 * the dots of abbreviations such as "U.S."), numbers ("18,000", "2.5") and single punctuation
 * characters; the possessive "'s" and the negation "n't" are tokens of their own, so that
 * "Ukraine's" matches the gazetteer entry "Ukraine" and "didn't" carries a negation.
 *
 * Sentences end at . ! ? … unless the dot closes an abbreviation ("Gen.", "Jan.", "No."), an
 * initial ("George W. Bush") or a number; closing quotes and brackets stay with the sentence
 * they close. Blank lines always end a sentence; a single line break does when it follows a
 * short line (a headline, a dateline) or starts a capitalised line.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-text"

#include "config.h"

#include <string.h>

#include "dm-text.h"

/* Words that, followed by a dot, are abbreviations rather than sentence ends. Lower-cased. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rev", "hon", "gov", "pres",
  "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "pfc", "spc", "adm", "cmdr", "cdr", "brig",
  "sen", "rep", "amb", "sec", "dept", "univ", "assn", "bros", "co", "corp", "inc", "ltd", "plc",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
  "no", "nos", "vol", "art", "fig", "approx", "est", "vs", "etc", "al", "cf", "ca", "op",
};

static GHashTable *abbreviation_set;

static void
ensure_abbreviations (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      abbreviation_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
        g_hash_table_add (abbreviation_set, (gpointer) abbreviations[i]);
      g_once_init_leave (&once, 1);
    }
}

static inline gunichar
char_at (const char *text,
         gsize       len,
         gsize       pos,
         guint      *n_bytes)
{
  guchar c = (guchar) text[pos];

  if (c < 0x80)
    {
      *n_bytes = 1;
      return c;
    }
  else
    {
      const char *next = g_utf8_next_char (text + pos);
      gunichar uc = g_utf8_get_char_validated (text + pos, len - pos);

      *n_bytes = (guint) (next - (text + pos));
      if (*n_bytes > len - pos)
        *n_bytes = (guint) (len - pos);
      if (uc == (gunichar) -1 || uc == (gunichar) -2)
        return 0xFFFD;
      return uc;
    }
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return g_unichar_isspace (c) || c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF;
}

static inline gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

typedef struct {
  const char *text;
  gsize       len;
  gsize       pos;     /* bytes */
  guint       cp;      /* code points before pos */
} Cursor;

static inline gunichar
cursor_peek (const Cursor *c,
             guint        *n_bytes)
{
  if (c->pos >= c->len)
    {
      *n_bytes = 0;
      return 0;
    }
  return char_at (c->text, c->len, c->pos, n_bytes);
}

static inline void
cursor_advance (Cursor *c,
                guint   n_bytes)
{
  c->pos += n_bytes;
  c->cp += 1;
}

/* Looks ahead from byte @pos: the character there, without moving. */
static inline gunichar
peek_at (const Cursor *c,
         gsize         pos)
{
  guint n;

  if (pos >= c->len)
    return 0;
  return char_at (c->text, c->len, pos, &n);
}

static void
push_token (DmTextDoc   *doc,
            gsize        start,
            gsize        end,
            guint        cp_start,
            guint        cp_end,
            DmTokenKind  kind)
{
  DmToken token = { 0 };
  guint n;
  gunichar first = char_at (doc->text, doc->len, start, &n);

  token.start = (guint) start;
  token.end = (guint) end;
  token.cp_start = cp_start;
  token.cp_end = cp_end;
  token.kind = kind;
  /* ASCII (most words) answered inline: GLib's Unicode tables take two calls a token */
  token.capitalized = first < 0x80 ? g_ascii_isupper (first)
                                   : g_unichar_isupper (first) || g_unichar_istitle (first);
  if (kind == DM_TOKEN_WORD && token.capitalized)
    {
      gboolean all = TRUE;
      guint letters = 0;

      for (gsize p = start; p < end; p += n)
        {
          gunichar ch = char_at (doc->text, doc->len, p, &n);

          if (ch < 0x80 ? g_ascii_isalpha (ch) : g_unichar_isalpha (ch))
            {
              letters++;
              if (ch < 0x80 ? !g_ascii_isupper (ch) : !g_unichar_isupper (ch))
                {
                  all = FALSE;
                  break;
                }
            }
        }
      token.all_caps = all && letters > 1;
    }
  g_array_append_val (doc->tokens, token);
}

/* Scans one word starting at the cursor (a letter or digit). Handles abbreviations with inner
 * dots ("U.S.", "e.g."), inner hyphens and apostrophes, and splits off "'s" and "n't". */
static void
scan_word (DmTextDoc *doc,
           Cursor    *c)
{
  gsize start = c->pos;
  guint cp_start = c->cp;
  gboolean all_digits = TRUE;
  guint n_letters = 0;
  guint run_letters = 0;       /* letters since the last dot */
  gboolean dotted = FALSE;     /* single letters separated by dots so far */
  guint n;

  for (;;)
    {
      gunichar ch = cursor_peek (c, &n);

      if (ch != 0 && is_word_char (ch))
        {
          if (!g_unichar_isdigit (ch))
            all_digits = FALSE;
          if (g_unichar_isalpha (ch))
            {
              n_letters++;
              run_letters++;
            }
          cursor_advance (c, n);
          continue;
        }

      if (ch == '.')
        {
          gunichar next = peek_at (c, c->pos + 1);

          /* "2.5" */
          if (all_digits && next < 0x80 && g_ascii_isdigit (next))
            {
              cursor_advance (c, n);
              continue;
            }
          /* "U.S", "e.g": one letter, dot, letter */
          if (run_letters == 1 && next != 0 && g_unichar_isalpha (next) &&
              (dotted || c->pos - start == 1))
            {
              dotted = TRUE;
              run_letters = 0;
              cursor_advance (c, n);
              continue;
            }
          /* the final dot of "U.S." belongs to the word */
          if (dotted && run_letters == 1)
            cursor_advance (c, n);
          break;
        }

      if (ch == ',' && all_digits)
        {
          gunichar d1 = peek_at (c, c->pos + 1);
          gunichar d2 = peek_at (c, c->pos + 2);
          gunichar d3 = peek_at (c, c->pos + 3);

          /* "18,000" */
          if (d1 < 0x80 && g_ascii_isdigit (d1) && d2 < 0x80 && g_ascii_isdigit (d2) &&
              d3 < 0x80 && g_ascii_isdigit (d3))
            {
              cursor_advance (c, n);
              continue;
            }
          break;
        }

      if ((ch == '-' || ch == 0x2010 || ch == 0x2011) && !dotted)
        {
          gunichar next = peek_at (c, c->pos + n);

          if (next != 0 && is_word_char (next))
            {
              all_digits = FALSE;
              run_letters = 0;
              cursor_advance (c, n);
              continue;
            }
          break;
        }

      if (is_apostrophe (ch) && n_letters > 0)
        {
          gsize after = c->pos + n;
          gunichar next = peek_at (c, after);

          /* possessive 's: split it off */
          if ((next == 's' || next == 'S') && !is_word_char (peek_at (c, after + 1)))
            break;
          /* "n't": split before the n */
          if (next == 't' && c->pos - start >= 2 && c->text[c->pos - 1] == 'n' &&
              !is_word_char (peek_at (c, after + 1)))
            {
              gsize word_end = c->pos - 1;

              if (word_end > start)
                {
                  push_token (doc, start, word_end, cp_start, c->cp - 1, DM_TOKEN_WORD);
                  push_token (doc, word_end, after + 1, c->cp - 1, c->cp + 2, DM_TOKEN_WORD);
                  c->pos = after + 1;
                  c->cp += 2;
                  return;
                }
            }
          /* "O'Brien", "al-Qa'ida" */
          if (next != 0 && g_unichar_isalpha (next))
            {
              cursor_advance (c, n);
              continue;
            }
          break;
        }

      break;
    }

  push_token (doc, start, c->pos, cp_start, c->cp,
              all_digits ? DM_TOKEN_NUMBER : DM_TOKEN_WORD);
}

static void
tokenize (DmTextDoc *doc)
{
  Cursor c = { doc->text, doc->len, 0, 0 };
  guint n;

  while (c.pos < c.len)
    {
      gunichar ch = cursor_peek (&c, &n);

      if (is_space (ch))
        {
          cursor_advance (&c, n);
          continue;
        }

      if (is_word_char (ch))
        {
          scan_word (doc, &c);
          continue;
        }

      /* possessive or negation split off a word just before */
      if (is_apostrophe (ch))
        {
          gunichar next = peek_at (&c, c.pos + n);

          if ((next == 's' || next == 'S') && !is_word_char (peek_at (&c, c.pos + n + 1)) &&
              doc->tokens->len > 0 &&
              g_array_index (doc->tokens, DmToken, doc->tokens->len - 1).end == c.pos)
            {
              gsize start = c.pos;
              guint cp_start = c.cp;

              cursor_advance (&c, n);
              cursor_advance (&c, 1);
              push_token (doc, start, c.pos, cp_start, c.cp, DM_TOKEN_WORD);
              continue;
            }
        }

      /* "..." as one token */
      if (ch == '.' && peek_at (&c, c.pos + 1) == '.' && peek_at (&c, c.pos + 2) == '.')
        {
          push_token (doc, c.pos, c.pos + 3, c.cp, c.cp + 3, DM_TOKEN_PUNCT);
          c.pos += 3;
          c.cp += 3;
          continue;
        }

      {
        gsize start = c.pos;
        guint cp_start = c.cp;

        cursor_advance (&c, n);
        push_token (doc, start, c.pos, cp_start, c.cp, DM_TOKEN_PUNCT);
      }
    }
}

static gboolean
token_is_abbreviation (const DmTextDoc *doc,
                       const DmToken   *token)
{
  char buf[16];
  guint len = token->end - token->start;

  if (token->kind != DM_TOKEN_WORD || len >= sizeof buf)
    return FALSE;
  /* an initial: "W." in "George W. Bush" */
  if (len == 1 && token->capitalized)
    return TRUE;
  for (guint i = 0; i < len; i++)
    buf[i] = dm_text_ascii_tolower (doc->text[token->start + i]);
  buf[len] = '\0';
  return g_hash_table_contains (abbreviation_set, buf);
}

/* Counts the line breaks in the white space between two byte offsets. */
static guint
count_newlines (const char *text,
                guint       from,
                guint       to)
{
  guint n = 0;

  for (guint i = from; i < to; i++)
    if (text[i] == '\n')
      n++;
  return n;
}

/* Length in bytes of the line that ends at @pos (exclusive). */
static guint
line_length_before (const char *text,
                    guint       pos)
{
  guint start = pos;

  while (start > 0 && text[start - 1] != '\n')
    start--;
  return pos - start;
}

static gboolean
is_terminator (const DmTextDoc *doc,
               const DmToken   *token)
{
  const char *s = doc->text + token->start;
  guint len = token->end - token->start;

  if (token->kind != DM_TOKEN_PUNCT)
    return FALSE;
  if (len == 1 && (*s == '.' || *s == '!' || *s == '?'))
    return TRUE;
  if (len == 3 && strncmp (s, "\xe2\x80\xa6", 3) == 0)  /* … */
    return TRUE;
  return FALSE;
}

static void
split_sentences (DmTextDoc *doc)
{
  guint n_tokens = doc->tokens->len;
  guint first = 0;

  for (guint i = 0; i < n_tokens; i++)
    {
      DmToken *tok = &g_array_index (doc->tokens, DmToken, i);
      gboolean boundary = FALSE;
      guint last = i;

      if (i + 1 >= n_tokens)
        {
          boundary = TRUE;
        }
      else
        {
          DmToken *next = &g_array_index (doc->tokens, DmToken, i + 1);
          guint newlines = count_newlines (doc->text, tok->end, next->start);

          if (newlines >= 2)
            boundary = TRUE;
          else if (newlines == 1 &&
                   (next->capitalized || next->kind != DM_TOKEN_WORD ||
                    line_length_before (doc->text, tok->end) < 60))
            boundary = TRUE;
          else if (is_terminator (doc, tok))
            {
              const DmToken *prev = i > first ? &g_array_index (doc->tokens, DmToken, i - 1) : NULL;
              gboolean attached = prev != NULL && prev->end == tok->start;
              guint j = i + 1;

              /* closing quotes and brackets belong to the sentence they close */
              while (j < n_tokens)
                {
                  DmToken *q = &g_array_index (doc->tokens, DmToken, j);
                  guint n;

                  if (q->kind != DM_TOKEN_PUNCT || q->end - q->start > 3 ||
                      !is_closing (char_at (doc->text, doc->len, q->start, &n)) ||
                      q->start != g_array_index (doc->tokens, DmToken, j - 1).end)
                    break;
                  j++;
                }
              last = j - 1;

              if (*(doc->text + tok->start) == '.' && attached && token_is_abbreviation (doc, prev))
                {
                  /* "Gen. Votel": not an end, unless a new sentence clearly starts after a
                   * month or day abbreviation closing a date is rare enough to ignore */
                  boundary = FALSE;
                }
              else if (j >= n_tokens)
                {
                  boundary = TRUE;
                }
              else
                {
                  DmToken *after = &g_array_index (doc->tokens, DmToken, j);
                  guint n;
                  gunichar ch = char_at (doc->text, doc->len, after->start, &n);

                  /* a sentence starts with a capital, a digit, a quote or a bracket */
                  boundary = after->start > g_array_index (doc->tokens, DmToken, j - 1).end &&
                             (after->capitalized || g_unichar_isdigit (ch) ||
                              ch == '"' || ch == 0x201C || ch == '(' || ch == '[' ||
                              ch == 0x2018 || ch == '\'' || ch == 0x2014);
                }
            }
          else if (tok->kind == DM_TOKEN_WORD && tok->end > tok->start &&
                   doc->text[tok->end - 1] == '.' && tok->end - tok->start > 2)
            {
              /* "in the U.S. The …": a dotted abbreviation that ends its sentence */
              DmToken *after = next;
              guint between = after->start - tok->end;

              boundary = between > 0 && after->capitalized && after->kind == DM_TOKEN_WORD &&
                         i + 2 < n_tokens &&
                         g_array_index (doc->tokens, DmToken, i + 2).kind == DM_TOKEN_WORD &&
                         !g_array_index (doc->tokens, DmToken, i + 2).capitalized &&
                         (doc->text[after->start] == 'T' || doc->text[after->start] == 'I' ||
                          doc->text[after->start] == 'H' || doc->text[after->start] == 'S' ||
                          doc->text[after->start] == 'W' || doc->text[after->start] == 'A');
            }
        }

      if (boundary)
        {
          DmSentence sentence;
          DmToken *a = &g_array_index (doc->tokens, DmToken, first);
          DmToken *b = &g_array_index (doc->tokens, DmToken, last);

          sentence.start = a->start;
          sentence.end = b->end;
          sentence.cp_start = a->cp_start;
          sentence.cp_end = b->cp_end;
          sentence.first_token = first;
          sentence.n_tokens = last - first + 1;
          for (guint k = first; k <= last; k++)
            {
              DmToken *t = &g_array_index (doc->tokens, DmToken, k);

              t->sentence = doc->sentences->len;
              t->sentence_start = (k == first);
            }
          g_array_append_val (doc->sentences, sentence);
          first = last + 1;
          i = last;
        }
    }
}

DmTextDoc *
dm_text_doc_new (const char *text,
                 gsize       len)
{
  DmTextDoc *doc;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  ensure_abbreviations ();

  doc = g_new0 (DmTextDoc, 1);
  doc->text = text;
  doc->len = len;
  doc->tokens = g_array_sized_new (FALSE, FALSE, sizeof (DmToken), len / 5 + 16);
  doc->sentences = g_array_sized_new (FALSE, FALSE, sizeof (DmSentence), len / 100 + 4);

  tokenize (doc);
  split_sentences (doc);

  return doc;
}

void
dm_text_doc_free (DmTextDoc *doc)
{
  if (doc == NULL)
    return;
  g_array_unref (doc->tokens);
  g_array_unref (doc->sentences);
  g_free (doc);
}

guint
dm_text_doc_cp_offset (const DmTextDoc *doc,
                       guint            byte)
{
  guint lo = 0, hi = doc->tokens->len;

  g_return_val_if_fail (byte <= doc->len, 0);

  /* The nearest token at or before @byte gives a code-point anchor; count from there. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (doc->tokens, DmToken, mid).start <= byte)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return (guint) g_utf8_strlen (doc->text, byte);

  {
    const DmToken *anchor = &g_array_index (doc->tokens, DmToken, lo - 1);

    return anchor->cp_start + (guint) g_utf8_strlen (doc->text + anchor->start, byte - anchor->start);
  }
}

char *
dm_text_doc_token_text (const DmTextDoc *doc,
                        guint            token)
{
  const DmToken *t;

  g_return_val_if_fail (token < doc->tokens->len, NULL);

  t = dm_text_doc_token (doc, token);
  return g_strndup (doc->text + t->start, t->end - t->start);
}

/* Whether one of the @len bytes at @text is not ASCII. */
static gboolean
memchr_high (const char *text,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* @text (of @len bytes; this takes it) in lower case: in place when it is ASCII, as lexicon
 * entries nearly always are, else a new string from g_utf8_strdown(). */
char *
dm_text_strdown_take (char  *text,
                      gsize  len)
{
  char *down;

  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) text[i] >= 0x80)
        {
          down = g_utf8_strdown (text, len);
          g_free (text);
          return down;
        }
    }
  for (gsize i = 0; i < len; i++)
    text[i] = dm_text_ascii_tolower (text[i]);
  return text;
}

char **
dm_text_spans_dup (const DmTextSpan *spans,
                   guint             n,
                   gboolean          lower)
{
  /* the lower case of a word with a non-ASCII byte may be longer: made first, to measure */
  g_autofree char **down = NULL;
  gsize size = (n + 1) * sizeof (char *);
  char **strings;
  char *p;

  for (guint i = 0; i < n; i++)
    {
      if (lower && memchr_high (spans[i].text, spans[i].len))
        {
          if (down == NULL)
            down = g_new0 (char *, n);
          down[i] = g_utf8_strdown (spans[i].text, spans[i].len);
          size += strlen (down[i]) + 1;
        }
      else
        size += spans[i].len + 1;
    }

  strings = g_malloc (size);
  p = (char *) (strings + n + 1);
  for (guint i = 0; i < n; i++)
    {
      strings[i] = p;
      if (down != NULL && down[i] != NULL)
        {
          gsize len = strlen (down[i]);

          memcpy (p, down[i], len);
          p += len;
          g_free (down[i]);
        }
      else if (lower)
        for (gsize k = 0; k < spans[i].len; k++)
          *p++ = dm_text_ascii_tolower (spans[i].text[k]);
      else
        {
          memcpy (p, spans[i].text, spans[i].len);
          p += spans[i].len;
        }
      *p++ = '\0';
    }
  strings[n] = NULL;
  return strings;
}

char *
dm_text_chunk_strdown (GStringChunk *chunk,
                       const char   *text,
                       gsize         len)
{
  char *down;

  if (memchr_high (text, len))
    {
      g_autofree char *utf8 = g_utf8_strdown (text, len);

      return g_string_chunk_insert (chunk, utf8);
    }
  down = g_string_chunk_insert_len (chunk, text, len);
  for (gsize i = 0; i < len; i++)
    down[i] = dm_text_ascii_tolower (down[i]);
  return down;
}
