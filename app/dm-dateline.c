/* dm-dateline.c — an article's date from its dateline or byline
 *
 * Only the head of the text is read (the first lines with words in them), and only three
 * shapes of line count, because a date met anywhere else is usually what the article is
 * about, not when it was written:
 *   - a dateline: a place, a comma, the date, then a dash or colon
 *     ("KUALA LUMPUR, April 15, 2026 — …", "LONDON (Reuters), 12 March 2025 - …");
 *   - a byline or date line: "Published", "Posted", "Updated", "Date", "By …" with a date
 *     ("Published: 12 March 2025 10:04 GMT", "By Jane Doe | March 12, 2025");
 *   - a line that is a date and nothing more ("Monday, 12 March 2025", "2025-03-12 09:00").
 * Dates have a month written as a word (English, full or abbreviated) or are ISO 8601:
 * "03/04/2025" is refused, since it is the 3rd of April or the 4th of March depending on who
 * wrote it. Between a published and an updated date, the published one wins.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-dateline"

#include "config.h"

#include <string.h>

#include "dm-dateline.h"

/* How far into the text a dateline or byline may be */
#define MAX_HEAD_LINES 8
#define MAX_LINE_BYTES 400
/* A byline or date line is short; a longer line is a paragraph */
#define MAX_BYLINE_CHARS 120
/* A dateline's place: "RIO DE JANEIRO", "WASHINGTON (Reuters)" */
#define MAX_PLACE_CHARS 48

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

typedef struct {
  int year;
  int month;
  int day;
} Date;

typedef enum {
  RANK_DATELINE,
  RANK_PUBLISHED,
  RANK_UPDATED,
  RANK_NONE,
} Rank;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalpha (c);
}

static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)   /* no-break space */
        p += 2;
      else
        return p;
    }
}

/* A word that names a month: "March", "Mar", "Mar.", "Sept"; *@end after it. */
static int
parse_month (const char  *p,
             const char **end)
{
  const char *q = p;
  gsize n;

  while (is_word_char (*q))
    q++;
  n = q - p;
  if (n < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      gsize full = strlen (months[i]);

      if ((n == full || n == 3 || (i == 8 && n == 4)) && n <= full &&
          g_ascii_strncasecmp (p, months[i], n) == 0)
        {
          if (*q == '.')
            q++;
          *end = q;
          return i + 1;
        }
    }
  return 0;
}

static gboolean
skip_weekday (const char **p)
{
  const char *q = *p;
  gsize n;

  while (is_word_char (*q))
    q++;
  n = q - *p;
  for (guint i = 0; n >= 3 && i < G_N_ELEMENTS (weekdays); i++)
    {
      if ((n == 3 || n == strlen (weekdays[i])) && g_ascii_strncasecmp (*p, weekdays[i], n) == 0)
        {
          if (*q == '.')
            q++;
          if (*q == ',')
            q++;
          *p = skip_spaces (q);
          return TRUE;
        }
    }
  return FALSE;
}

/* Digits, at most @max of them, not followed by another digit. */
static int
parse_number (const char  *p,
              guint        min,
              guint        max,
              const char **end)
{
  int value = 0;
  guint n = 0;

  while (g_ascii_isdigit (p[n]) && n <= max)
    value = value * 10 + (p[n++] - '0');
  if (n < min || n > max)
    return -1;
  *end = p + n;
  return value;
}

/* A day: "12", "12th", "1st" */
static int
parse_day (const char  *p,
           const char **end)
{
  int day = parse_number (p, 1, 2, end);

  if (day < 0)
    return -1;
  if (g_ascii_strncasecmp (*end, "st", 2) == 0 || g_ascii_strncasecmp (*end, "nd", 2) == 0 ||
      g_ascii_strncasecmp (*end, "rd", 2) == 0 || g_ascii_strncasecmp (*end, "th", 2) == 0)
    *end += 2;
  return is_word_char (**end) ? -1 : day;
}

static gboolean
valid (const Date *date)
{
  return date->year >= 1800 && date->year <= 2200 && date->month >= 1 && date->month <= 12 &&
         date->day >= 1 && date->day <= 31 &&
         g_date_valid_dmy (date->day, date->month, date->year);
}

/* The end of a date: ", 2026" or " 2026", then the whole date checked. */
static gboolean
parse_year (const char  *p,
            Date        *date,
            const char **end)
{
  if (*p == ',')
    p++;
  p = skip_spaces (p);
  if ((date->year = parse_number (p, 4, 4, end)) < 0)
    return FALSE;
  return valid (date);
}

/* A date starting at @p: "April 15, 2026", "15 April 2026", "Wed, 15 Apr 2026",
 * "2026-04-15". */
static gboolean
parse_date (const char  *p,
            Date        *date,
            const char **end)
{
  const char *q;

  skip_weekday (&p);

  /* ISO 8601 */
  if ((date->year = parse_number (p, 4, 4, &q)) >= 0 && *q == '-' &&
      (date->month = parse_number (q + 1, 2, 2, &q)) >= 0 && *q == '-' &&
      (date->day = parse_number (q + 1, 2, 2, &q)) >= 0)
    {
      *end = q;
      return valid (date);
    }

  /* Month first: "April 15, 2026" */
  if ((date->month = parse_month (p, &q)) > 0)
    {
      q = skip_spaces (q);
      if ((date->day = parse_day (q, &q)) < 0)
        return FALSE;
      return parse_year (q, date, end);
    }

  /* Day first: "15 April 2026", "15th of April, 2026" */
  if ((date->day = parse_day (p, &q)) >= 0)
    {
      q = skip_spaces (q);
      if (g_ascii_strncasecmp (q, "of ", 3) == 0)
        q = skip_spaces (q + 3);
      if ((date->month = parse_month (q, &q)) == 0)
        return FALSE;
      return parse_year (q, date, end);
    }
  return FALSE;
}

/* The first date anywhere in @line, for bylines. */
static gboolean
find_date (const char *line,
           Date       *date)
{
  const char *end;

  for (const char *p = line; *p != '\0'; p++)
    {
      if ((p == line || !g_ascii_isalnum (p[-1])) && g_ascii_isalnum (*p) &&
          parse_date (p, date, &end) && !g_ascii_isalnum (*end))
        return TRUE;
    }
  return FALSE;
}

/* Dashes that end a dateline: - – — and "--", or a colon. */
static gboolean
is_dateline_end (const char *p)
{
  return *p == '-' || *p == ':' || g_str_has_prefix (p, "\xE2\x80\x93") ||
         g_str_has_prefix (p, "\xE2\x80\x94");
}

/* After the date, a dateline may give a time or an agency before its dash:
 * "12 March 2025 10:04 GMT —", "April 15, 2026 (Reuters) -". */
static const char *
skip_dateline_extras (const char *p)
{
  for (guint i = 0; i < 4; i++)
    {
      p = skip_spaces (p);
      if (*p == ',')
        p = skip_spaces (p + 1);
      if (*p == '(')
        {
          const char *close = strchr (p, ')');

          if (close == NULL || close - p > 30)
            return p;
          p = close + 1;
        }
      else if (g_ascii_isdigit (*p) || g_ascii_isupper (*p))
        {
          /* a time ("10:04", "9.30am") or a zone ("GMT", "AEST") */
          const char *q = p;

          while (g_ascii_isalnum (*q) || *q == ':' || *q == '.' || *q == '+')
            q++;
          if (q - p > 8 || (g_ascii_isupper (*p) && q - p > 5))
            return p;
          p = q;
        }
      else
        return p;
    }
  return skip_spaces (p);
}

static gboolean
parse_dateline (const char *line,
                Date       *date)
{
  const char *comma = strchr (line, ',');
  const char *end;

  if (comma == NULL || comma == line || g_utf8_strlen (line, comma - line) > MAX_PLACE_CHARS ||
      !g_unichar_isupper (g_utf8_get_char (line)))
    return FALSE;
  /* The place is a name: no digits, no sentence inside it */
  for (const char *p = line; p < comma; p++)
    if (g_ascii_isdigit (*p) || *p == '.' || *p == ':')
      return FALSE;

  if (!parse_date (skip_spaces (comma + 1), date, &end))
    return FALSE;
  return is_dateline_end (skip_dateline_extras (end));
}

static Rank
byline_rank (const char *line)
{
  static const struct {
    const char *word;
    Rank        rank;
  } keywords[] = {
    { "published", RANK_PUBLISHED }, { "first published", RANK_PUBLISHED },
    { "posted", RANK_PUBLISHED }, { "date", RANK_PUBLISHED }, { "dated", RANK_PUBLISHED },
    { "by ", RANK_PUBLISHED }, { "updated", RANK_UPDATED }, { "last updated", RANK_UPDATED },
    { "last modified", RANK_UPDATED }, { "modified", RANK_UPDATED },
  };
  Rank best = RANK_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      gsize n = strlen (keywords[i].word);

      if (g_ascii_strncasecmp (line, keywords[i].word, n) == 0 &&
          (keywords[i].word[n - 1] == ' ' || !g_ascii_isalpha (line[n])))
        best = MIN (best, keywords[i].rank);
    }
  return best;
}

/* A line that is a date, perhaps with a time: "Monday 12 March 2025, 09:00 GMT". */
static gboolean
parse_date_line (const char *line,
                 Date       *date)
{
  const char *end;

  if (!parse_date (line, date, &end))
    return FALSE;
  end = skip_dateline_extras (end);
  return *end == '\0' || is_dateline_end (end);
}

static Rank
rank_line (const char *line,
           Date       *date)
{
  Rank rank;

  if (parse_dateline (line, date))
    return RANK_DATELINE;
  if (g_utf8_strlen (line, -1) > MAX_BYLINE_CHARS)
    return RANK_NONE;
  rank = byline_rank (line);
  if (rank != RANK_NONE && find_date (line, date))
    return rank;
  if (parse_date_line (line, date))
    return RANK_PUBLISHED;
  return RANK_NONE;
}

/* An undated dateline: a place in capitals ("WASHINGTON", "RIO DE JANEIRO", "ST. PETERSBURG",
 * "JERUSALEM/CAIRO"),
 * perhaps its country or state (", Ukraine"), perhaps an agency, then a dash with a space
 * after it. Sets *place_end after the place. */
static gboolean
parse_undated_dateline (const char  *line,
                        const char **place_end)
{
  const char *p = line;
  guint n_letters = 0;

  for (; *p != '\0' && *p != ',' && *p != '('; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          if (!g_unichar_isupper (c))
            return FALSE;
          n_letters++;
        }
      /* "JERUSALEM/CAIRO": a story filed from two places */
      else if ((c != ' ' && c != '.' && c != '\'' && c != '-' && c != '/') ||
               (c == '-' && p > line && p[-1] == ' '))
        break;
    }
  /* the place ends before the spaces or the dash that follow it */
  while (p > line && (p[-1] == ' ' || p[-1] == '-'))
    p--;
  if (n_letters < 3 || g_utf8_strlen (line, p - line) > MAX_PLACE_CHARS)
    return FALSE;
  *place_end = p;

  p = skip_spaces (p);
  if (*p == ',')
    {
      /* ", Ukraine", ", Calif." */
      const char *q = skip_spaces (p + 1);
      const char *r = q;

      if (!g_unichar_isupper (g_utf8_get_char (q)))
        return FALSE;
      while (*r != '\0' && *r != ',' && *r != '(' && !is_dateline_end (r) && r - q < 30)
        r++;
      p = r;
    }
  p = skip_dateline_extras (p);
  /* a dash, not a colon (a headline's "NATO: …"), then a space ("US-led" is no dateline) */
  if (*p == ':' || !is_dateline_end (p))
    return FALSE;
  while (*p == '-')
    p++;
  if (*p == '\xE2')
    p += 3;
  return *p == ' ';
}

gboolean
dm_dateline_place (const char *text,
                   gsize       len,
                   gsize      *start,
                   gsize      *end)
{
  const char *p = text;
  const char *text_end = text + len;
  guint n_lines = 0;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < text_end && n_lines < MAX_HEAD_LINES)
    {
      const char *line_end = memchr (p, '\n', text_end - p);
      gsize n = (line_end != NULL ? line_end : text_end) - p;
      const char *head = p;
      g_autofree char *line = NULL;
      const char *place_end = NULL;
      const char *comma;
      Date date;

      p = line_end != NULL ? line_end + 1 : text_end;
      while (n > 0 && g_ascii_isspace (*head))
        head++, n--;
      if (n == 0)
        continue;
      n_lines++;
      if (n > MAX_LINE_BYTES)
        {
          n = MAX_LINE_BYTES;
          while (n > 0 && ((guchar) head[n] & 0xC0) == 0x80)
            n--;
        }
      line = g_strndup (head, n);
      if (!g_utf8_validate (line, -1, NULL))
        continue;

      if (parse_dateline (line, &date))
        place_end = strchr (line, ',');
      /* undated: only at the head of a paragraph, not a short headline ("NATO — what next") */
      else if (g_utf8_strlen (line, -1) <= MAX_BYLINE_CHARS || !parse_undated_dateline (line, &place_end))
        continue;
      /* "LONDON (Reuters), 12 March 2025": the agency is not the place */
      comma = memchr (line, '(', place_end - line);
      if (comma != NULL)
        place_end = comma;
      while (place_end > line && place_end[-1] == ' ')
        place_end--;
      *start = head - text;
      *end = *start + (place_end - line);
      return *end > *start;
    }
  return FALSE;
}

char *
dm_dateline_find (const char *text,
                  gssize      len)
{
  const char *p = text;
  const char *end;
  Rank best = RANK_NONE;
  Date found = { 0 };
  guint n_lines = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    return NULL;
  end = text + (len < 0 ? strlen (text) : (gsize) len);
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end && n_lines < MAX_HEAD_LINES && best != RANK_DATELINE)
    {
      const char *line_end = memchr (p, '\n', end - p);
      gsize n = (line_end != NULL ? line_end : end) - p;
      g_autofree char *line = NULL;
      Date date = { 0 };
      Rank rank;

      /* a long first line is the dateline's paragraph: its head is enough */
      if (n > MAX_LINE_BYTES)
        {
          n = MAX_LINE_BYTES;
          while (n > 0 && ((guchar) p[n] & 0xC0) == 0x80)
            n--;
        }
      line = g_strndup (p, n);
      p = line_end != NULL ? line_end + 1 : end;
      g_strstrip (line);
      if (line[0] == '\0' || !g_utf8_validate (line, -1, NULL))
        continue;
      n_lines++;

      rank = rank_line (line, &date);
      if (rank < best)
        {
          best = rank;
          found = date;
        }
    }

  if (best == RANK_NONE)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", found.year, found.month, found.day);
}
