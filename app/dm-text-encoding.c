/* dm-text-encoding.c — text in a legacy Western encoding (Windows-1252, ISO-8859-1) made UTF-8
 *
 * Older news archives hold articles saved as Windows-1252 or ISO-8859-1. Both are single-byte
 * encodings every byte sequence is valid in, so what makes them recognisable is the shape of
 * the text: mostly ASCII, with the odd accented letter, dash or curly quote. That shape is
 * checked here; anything else keeps the importer's "not valid UTF-8 at byte N" error, which
 * tells a person what to do. ISO-8859-1 is read as Windows-1252 (its superset for printable
 * text; the WHATWG encoding standard does the same): its bytes 0x80–0x9F are control
 * characters that do not occur in articles. A file that holds well-formed UTF-8 besides the
 * odd bad byte is a damaged UTF-8 file and keeps its error.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-text-encoding"

#include "config.h"

#include "dm-text-encoding.h"

/* Share of non-ASCII bytes that may sit next to another non-ASCII byte ("»Über", "é»"):
 * above it, the text is written in a multi-byte encoding or a non-Latin script. */
#define MAX_ADJACENT_SHARE 0.25
/* Share of all bytes that may be non-ASCII: Western European prose stays far below. */
#define MAX_HIGH_SHARE     0.30

static gboolean
is_legacy_text_byte (guchar c)
{
  /* Undefined in Windows-1252: no text has them */
  if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
    return FALSE;
  /* C0 controls other than tab, line feed, form feed and carriage return; DEL */
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F)
    return FALSE;
  return TRUE;
}

/* Windows-1252 letters above ASCII: À–ÿ but × and ÷, and Š Œ Ž š œ ž Ÿ ƒ ª µ º */
static gboolean
is_legacy_letter (guchar c)
{
  if (c >= 0xC0)
    return c != 0xD7 && c != 0xF7;
  return c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C || c == 0x9E ||
         c == 0x9F || c == 0x83 || c == 0xAA || c == 0xB5 || c == 0xBA;
}

/* Accented letters that are words on their own: French "à", Italian "è", Portuguese "é"… */
static gboolean
is_one_letter_word (guchar c)
{
  return c == 0xE0 || c == 0xE8 || c == 0xE9 || c == 0xF2 || c == 0xF3 || c == 0xF9 ||
         c == 0xC0 || c == 0xC8 || c == 0xC9;
}

static gboolean
is_letter (guchar c)
{
  return g_ascii_isalpha (c) || is_legacy_letter (c);
}

static gboolean
looks_like_legacy_text (const guchar *data,
                        gsize         len)
{
  gsize high = 0, adjacent = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];
      gboolean in_word;

      if (!is_legacy_text_byte (c))
        return FALSE;
      if (c < 0x80)
        continue;
      high++;

      /* A well-formed UTF-8 sequence: a UTF-8 file with a stray byte, not Windows-1252 */
      if (c >= 0xC2 && c <= 0xF4)
        {
          const char *p = (const char *) data + i;
          gunichar u = g_utf8_get_char_validated (p, MIN (len - i, 4));

          if (u != (gunichar) -1 && u != (gunichar) -2)
            return FALSE;
        }

      if ((i > 0 && data[i - 1] >= 0x80) || (i + 1 < len && data[i + 1] >= 0x80))
        adjacent++;

      /* A letter stands inside a word, or is a word of one letter; "Ã(" is a broken
       * UTF-8 sequence rather than Portuguese */
      in_word = (i > 0 && is_letter (data[i - 1])) || (i + 1 < len && is_letter (data[i + 1]));
      if (is_legacy_letter (c) && !in_word && !is_one_letter_word (c))
        return FALSE;
    }

  return high > 0 &&
         high <= len * MAX_HIGH_SHARE &&
         adjacent <= high * MAX_ADJACENT_SHARE;
}

GPtrArray *
dm_text_encoding_note_converted (GPtrArray *articles)
{
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    ((DmArticle *) g_ptr_array_index (articles, i))->converted_from = DM_TEXT_ENCODING_LEGACY_NAME;
  return articles;
}

char *
dm_text_encoding_convert_legacy (const char *data,
                                 gsize       len,
                                 gsize      *converted_len)
{
  g_autoptr(GError) error = NULL;
  char *converted;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!looks_like_legacy_text ((const guchar *) data, len))
    return NULL;

  /* Cannot fail on the bytes let through above; a failing iconv is reported as not UTF-8. */
  converted = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, converted_len, &error);
  if (converted == NULL)
    g_debug ("Windows-1252 conversion failed: %s", error->message);
  return converted;
}
