/* dm-import-text.c — plain-text articles, headline detection and the text helpers the
 * HTML and feed importers share (white space, dates)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-import-text"

#include "config.h"

#include <string.h>

#include "dm-dateline.h"
#include "dm-import-private.h"

/* Longest first line still taken for a headline, in characters */
#define MAX_HEADLINE_CHARS 200

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A space that is not ASCII: no-break, the typographic spaces U+2000–U+200A, U+202F, U+205F,
 * U+3000. Returns its length in bytes, 0 when @p is something else. */
static inline gsize
unicode_space_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF))
    return 3;
  if (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
    return 3;
  if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
    return 3;
  return 0;
}

char *
dm_import_collapse_space (const char *str)
{
  GString *out;
  gboolean pending = FALSE;
  const char *p;

  g_return_val_if_fail (str != NULL, NULL);

  out = g_string_sized_new (strlen (str));
  for (p = str; *p != '\0';)
    {
      gsize n;

      if (is_ascii_space (*p))
        {
          pending = out->len > 0;
          p++;
          continue;
        }
      if ((guchar) *p >= 0xC2 && (n = unicode_space_len (p)) > 0)
        {
          pending = out->len > 0;
          p += n;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
dm_import_plain_text (const char *str)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) para = g_string_new (NULL);

  g_return_val_if_fail (str != NULL, NULL);

  lines = g_strsplit (str, "\n", -1);
  for (guint i = 0; ; i++)
    {
      g_autofree char *line = lines[i] ? dm_import_collapse_space (lines[i]) : NULL;

      if (line != NULL && line[0] != '\0')
        {
          if (para->len > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, line);
          continue;
        }
      if (para->len > 0)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, para->str, para->len);
          g_string_truncate (para, 0);
        }
      if (lines[i] == NULL)
        break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Dates */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
parse_digits (const char *p,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

static char *
format_date (int year,
             int month,
             int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

char *
dm_import_normalize_date (const char *str)
{
  const char *p;
  int year = -1, month = -1, day = -1, short_year = -1;

  if (str == NULL)
    return NULL;

  for (p = str; is_ascii_space (*p); p++)
    ;

  /* ISO 8601: 2026-03-14, 2026-03-14T09:00:00Z, also 2026/03/14 */
  if (parse_digits (p, 4) >= 0 && (p[4] == '-' || p[4] == '/'))
    {
      char sep = p[4];
      const char *q = p + 5;
      int m, d;
      /* q[1] only when q[0] is not the end: "2026-" must not read past it */
      guint mlen = q[0] != '\0' && g_ascii_isdigit (q[1]) ? 2 : 1;

      m = parse_digits (q, mlen);
      q += mlen;
      if (m < 0 || *q != sep)
        return NULL;
      q++;
      d = parse_digits (q, q[0] != '\0' && g_ascii_isdigit (q[1]) ? 2 : 1);
      return d < 0 ? NULL : format_date (parse_digits (p, 4), m, d);
    }
  /* Compact ISO 8601: 20260314 */
  if (parse_digits (p, 8) >= 0 && !g_ascii_isdigit (p[8]))
    return format_date (parse_digits (p, 4), parse_digits (p + 4, 2), parse_digits (p + 6, 2));

  /* RFC 822 "Sat, 14 Mar 2026 09:00:00 GMT", "March 14, 2026", "14 March 2026": words and
   * numbers up to the time of day */
  while (*p != '\0')
    {
      const char *start = p;
      gsize n;

      if (g_ascii_isalpha (*p))
        {
          while (g_ascii_isalpha (*p))
            p++;
          n = p - start;
          if (n >= 3 && month < 0)
            for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
              if (g_ascii_strncasecmp (start, month_names[i], 3) == 0)
                {
                  month = i + 1;
                  break;
                }
        }
      else if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          n = p - start;
          if (*p == ':')
            break;    /* the time of day: the date is behind us */
          if (n == 4 && year < 0)
            year = parse_digits (start, 4);
          else if (n <= 2 && day < 0)
            day = parse_digits (start, n);
          else if (n == 2 && short_year < 0)
            short_year = parse_digits (start, 2);
        }
      else
        p++;
    }

  if (year < 0 && short_year >= 0)
    year = short_year < 70 ? 2000 + short_year : 1900 + short_year;
  if (year < 0 || month < 0 || day < 0)
    return NULL;
  return format_date (year, month, day);
}

/* Plain text */

char *
dm_import_text_guess_title (const char *text,
                            gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  const char *line_end, *next, *next_line_end;
  const char *last;
  g_autofree char *line = NULL;
  gboolean blank_follows;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && is_ascii_space (*p))
    p++;

  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    return NULL;    /* a single line */

  line = g_strndup (p, line_end - p);
  g_strstrip (line);
  if (line[0] == '\0' || g_utf8_strlen (line, -1) > MAX_HEADLINE_CHARS)
    return NULL;

  /* No final period (looking through closing quotes and brackets), no comma or colon: a
   * sentence or the start of one */
  last = line + strlen (line);
  while (last > line)
    {
      const char *prev = g_utf8_prev_char (last);
      gunichar c = g_utf8_get_char (prev);

      if (c != '"' && c != '\'' && c != ')' && c != 0x201D && c != 0x2019 && c != 0xBB)
        break;
      last = prev;
    }
  if (last == line)
    return NULL;
  switch (last[-1])
    {
    case '.': case ',': case ';': case ':': case '-':
      return NULL;
    default:
      break;
    }

  /* Something must follow: a file that is one paragraph has no headline */
  next = line_end + 1;
  next_line_end = memchr (next, '\n', end - next);
  blank_follows = TRUE;
  for (const char *q = next; q < (next_line_end ? next_line_end : end); q++)
    if (!is_ascii_space (*q))
      {
        blank_follows = FALSE;
        break;
      }
  {
    const char *q = next;

    while (q < end && is_ascii_space (*q))
      q++;
    if (q == end)
      return NULL;

    /* A line wrapped in the middle of a sentence goes on in lower case */
    if (!blank_follows && g_unichar_islower (g_utf8_get_char_validated (q, end - q)))
      return NULL;
  }

  return g_steal_pointer (&line);
}

GPtrArray *
dm_import_text_article (const char  *id,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_article_free);
  DmArticle *article;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The text exactly as it is on disk: offsets of the extract contract index the file */
  article = dm_article_new (id, data, len);
  article->format = DM_ARTICLE_FORMAT_TEXT;
  article->title = dm_import_text_guess_title (data, len);
  article->date = dm_dateline_find (data, len);
  g_ptr_array_add (articles, article);

  return g_steal_pointer (&articles);
}
