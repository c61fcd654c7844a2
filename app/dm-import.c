/* dm-import.c — reading articles from bytes and files: checks, format recognition, dispatch
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dm-import-private.h"
#include "dm-text-encoding.h"
#include "dm-import.h"

/* Format recognition */

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
has_prefix_len (const char *p,
                const char *end,
                const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
has_prefix_case (const char *p,
                 const char *end,
                 const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Skips a byte-order mark, white space, comments, processing instructions (<?xml …?>) and a
 * doctype other than HTML's. Returns where the content starts; sets @is_html_doctype when
 * an HTML doctype was seen, @has_xml_decl when an XML declaration was. */
static const char *
skip_prologue (const char *data,
               gsize       len,
               gboolean   *is_html_doctype,
               gboolean   *has_xml_decl)
{
  const char *p = data;
  const char *end = data + len;

  *is_html_doctype = FALSE;
  *has_xml_decl = FALSE;

  if (has_prefix_len (p, end, "\xEF\xBB\xBF"))
    p += 3;

  for (;;)
    {
      while (p < end && is_space (*p))
        p++;

      if (has_prefix_len (p, end, "<!--"))
        {
          const char *close = memmem (p + 4, end - (p + 4), "-->", 3);

          if (close == NULL)
            return end;
          p = close + 3;
        }
      else if (has_prefix_len (p, end, "<?"))
        {
          const char *close = memmem (p + 2, end - (p + 2), "?>", 2);

          if (has_prefix_len (p, end, "<?xml") && p + 5 < end && (is_space (p[5]) || p[5] == '?'))
            *has_xml_decl = TRUE;
          if (close == NULL)
            return end;
          p = close + 2;
        }
      else if (has_prefix_case (p, end, "<!DOCTYPE"))
        {
          int depth = 0;

          p += 9;
          while (p < end && is_space (*p))
            p++;
          if (has_prefix_case (p, end, "html") &&
              (p + 4 == end || is_space (p[4]) || p[4] == '>'))
            {
              *is_html_doctype = TRUE;
              return p;
            }
          /* Skip the doctype, internal subset included ("<!DOCTYPE rss [ … ]>") */
          for (; p < end; p++)
            {
              if (*p == '[')
                depth++;
              else if (*p == ']' && depth > 0)
                depth--;
              else if (*p == '>' && depth == 0)
                break;
            }
          if (p == end)
            return end;
          p++;
        }
      else
        return p;
    }
}

static const char * const html_tags[] = {
  "html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript",
  "div", "p", "span", "a", "article", "section", "main", "header", "footer", "nav", "aside",
  "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "li", "dl", "br", "hr", "b", "i",
  "em", "strong", "blockquote", "pre", "figure", "img", "form", "center", "font",
};

DmArticleFormat
dm_import_sniff_format (const char *data,
                         gsize       len)
{
  gboolean html_doctype, xml_decl;
  const char *p, *end = data + len;
  char name[32];
  gsize n = 0;

  g_return_val_if_fail (data != NULL || len == 0, DM_ARTICLE_FORMAT_TEXT);

  p = skip_prologue (data, len, &html_doctype, &xml_decl);
  if (html_doctype)
    return DM_ARTICLE_FORMAT_HTML;
  if (p >= end || *p != '<')
    return DM_ARTICLE_FORMAT_TEXT;

  for (p++; p < end && n < sizeof name - 1; p++, n++)
    {
      if (is_space (*p) || *p == '>' || *p == '/')
        break;
      name[n] = *p;
    }
  name[n] = '\0';
  if (n == 0 || n == sizeof name - 1)
    return DM_ARTICLE_FORMAT_TEXT;

  if (strcmp (name, "rss") == 0 || strcmp (name, "feed") == 0 ||
      strcmp (name, "RDF") == 0 || g_str_has_suffix (name, ":RDF") ||
      g_str_has_suffix (name, ":feed"))
    return DM_ARTICLE_FORMAT_FEED;

  for (guint i = 0; i < G_N_ELEMENTS (html_tags); i++)
    if (g_ascii_strcasecmp (name, html_tags[i]) == 0)
      return DM_ARTICLE_FORMAT_HTML;

  return DM_ARTICLE_FORMAT_TEXT;
}

/* Content checks */

static char *
format_megabytes (guint64 size)
{
  double mb = size / (1024.0 * 1024.0);

  /* Round up so that a file just over the limit does not read as "64 MB; the limit is 64 MB" */
  if (mb >= 100)
    return g_strdup_printf ("%.0f MB", ceil (mb));
  return g_strdup_printf ("%.1f MB", ceil (mb * 10) / 10);
}

static gboolean
set_too_large (GError  **error,
               guint64   size)
{
  g_autofree char *have = format_megabytes (size);

  g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_TOO_LARGE,
               _("the file is %s; the limit is %d MB"), have, DM_IMPORT_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

typedef struct
{
  const char *magic;
  gsize       magic_len;
  const char *what;
  const char *hint;
} Signature;

static const Signature signatures[] = {
  { "%PDF-", 5, N_("a PDF document"), N_("convert it to text first") },
  { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image"), NULL },
  { "\xFF\xD8\xFF", 3, N_("a JPEG image"), NULL },
  { "GIF87a", 6, N_("a GIF image"), NULL },
  { "GIF89a", 6, N_("a GIF image"), NULL },
  { "\x7F" "ELF", 4, N_("a program (ELF executable)"), NULL },
  { "\x1F\x8B", 2, N_("gzip-compressed data"), N_("decompress it first") },
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, N_("a Microsoft Office document"), N_("convert it to text first") },
  { "{\\rtf", 5, N_("a Rich Text Format document"), N_("convert it to text first") },
};

static gboolean
check_signature (const char  *data,
                 gsize        len,
                 GError     **error)
{
  const char *what = NULL;
  const char *hint = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (len >= signatures[i].magic_len &&
        memcmp (data, signatures[i].magic, signatures[i].magic_len) == 0)
      {
        what = signatures[i].what;
        hint = signatures[i].hint;
        break;
      }

  if (what == NULL && len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      gsize head = MIN (len, 4096);

      /* Word and OpenDocument files are ZIP archives that name their parts early on */
      if (memmem (data, head, "word/", 5) != NULL)
        what = N_("a Word document (DOCX)");
      else if (memmem (data, head, "application/vnd.oasis.opendocument", 34) != NULL)
        what = N_("an OpenDocument file");
      else
        what = N_("a ZIP archive");
      hint = strcmp (what, "a ZIP archive") == 0 ? N_("unpack it first") : N_("convert it to text first");
    }

  if (what == NULL)
    return TRUE;

  if (hint != NULL)
    g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_BINARY,
                 _("this is %s, not text: %s"), _(what), _(hint));
  else
    g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_BINARY, _("this is %s, not text"), _(what));
  return FALSE;
}

/* Converts UTF-32 and UTF-16 with a byte-order mark to UTF-8 (without the mark). Sets
 * *@converted to NULL when there is no such mark. */
static gboolean
convert_from_bom (const char  *data,
                  gsize        len,
                  char       **converted,
                  gsize       *converted_len,
                  GError     **error)
{
  const char *charset = NULL;
  const char *name = NULL;
  gsize skip = 0;
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;

  *converted = NULL;

  if (len >= 4 && memcmp (data, "\xFF\xFE\0\0", 4) == 0)
    charset = "UTF-32LE", name = "UTF-32", skip = 4;
  else if (len >= 4 && memcmp (data, "\0\0\xFE\xFF", 4) == 0)
    charset = "UTF-32BE", name = "UTF-32", skip = 4;
  else if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    charset = "UTF-16LE", name = "UTF-16", skip = 2;
  else if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    charset = "UTF-16BE", name = "UTF-16", skip = 2;
  else
    return TRUE;

  *converted = g_convert (data + skip, len - skip, "UTF-8", charset,
                          &bytes_read, converted_len, &local_error);
  /* With bytes_read given, a character cut off at the end is no error: check it here */
  if (*converted != NULL && bytes_read < len - skip)
    {
      g_clear_pointer (converted, g_free);
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
                   _("the %s text ends in the middle of a character"), name);
      return FALSE;
    }
  if (*converted == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
        g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
                     _("the %s text ends in the middle of a character"), name);
      else
        g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
                     _("not valid %s at byte %zu (after the byte-order mark): "
                       "save it as UTF-8"), name, (size_t) (bytes_read + skip));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_nul_bytes (const char  *data,
                 gsize        len,
                 GError     **error)
{
  gsize head, nul_even = 0, nul_odd = 0;

  if (memchr (data, '\0', len) == NULL)
    return TRUE;

  /* UTF-16 without a byte-order mark: mostly-ASCII text gives a NUL in every other byte */
  head = MIN (len, 4096) & ~(gsize) 1;
  for (gsize i = 0; i < head; i += 2)
    {
      nul_even += data[i] == '\0';
      nul_odd += data[i + 1] == '\0';
    }
  if (head >= 4 &&
      ((nul_odd * 10 >= head / 2 * 4 && nul_even * 20 < head / 2) ||
       (nul_even * 10 >= head / 2 * 4 && nul_odd * 20 < head / 2)))
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
                           _("looks like UTF-16 without a byte-order mark: save it as UTF-8"));
      return FALSE;
    }

  g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_BINARY,
                       _("this is binary data (it holds NUL bytes), not text"));
  return FALSE;
}

static gboolean
check_utf8 (const char  *data,
            gsize        len,
            GError     **error)
{
  const char *bad;
  const char *line_start = data;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
               _("not valid UTF-8 at byte %zu (line %u, column %ld): "
                 "save the file as UTF-8"),
               (size_t) (bad - data), line,
               g_utf8_strlen (line_start, bad - line_start) + 1);
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  const char *end = data + len;

  for (const char *p = data; p < end; p = g_utf8_next_char (p))
    {
      gunichar c;

      if (is_space (*p))
        continue;
      if ((guchar) *p < 0x80)
        return FALSE;
      c = g_utf8_get_char (p);
      if (c != 0xFEFF && !g_unichar_isspace (c))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
dm_import_load_bytes (const char  *id,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autofree char *converted = NULL;
  gsize converted_len = 0;
  const char *data;
  gsize len;
  gboolean html_doctype, xml_decl;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }
  if (len > DM_IMPORT_MAX_BYTES)
    {
      set_too_large (error, len);
      return NULL;
    }

  if (!convert_from_bom (data, len, &converted, &converted_len, error))
    return NULL;
  if (converted != NULL)
    {
      data = converted;
      len = converted_len;
    }
  else if (!check_signature (data, len, error))
    return NULL;
  else if (!g_utf8_validate_len (data, len, NULL) &&
           (converted = dm_text_encoding_convert_legacy (data, len, &converted_len)) != NULL)
    {
      g_autoptr(GBytes) utf8 = g_bytes_new_take (g_steal_pointer (&converted), converted_len);

      return dm_text_encoding_note_converted (dm_import_load_bytes (id, utf8, error));
    }

  if (!check_nul_bytes (data, len, error) || !check_utf8 (data, len, error))
    return NULL;

  if (is_blank (data, len))
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY,
                           _("the file holds only white space"));
      return NULL;
    }

  switch (dm_import_sniff_format (data, len))
    {
    case DM_ARTICLE_FORMAT_HTML:
      return dm_import_html (id, data, len, error);

    case DM_ARTICLE_FORMAT_FEED:
      return dm_import_feed (id, data, len, error);

    case DM_ARTICLE_FORMAT_TEXT:
    default:
      skip_prologue (data, len, &html_doctype, &xml_decl);
      if (xml_decl)
        {
          g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                               _("an XML document, but not an RSS or Atom feed nor an HTML page"));
          return NULL;
        }
      return dm_import_text_article (id, data, len, error);
    }
}

/* Reading */

static GPtrArray *
load_stdin (GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                       _("cannot read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > DM_IMPORT_MAX_BYTES)
        {
          g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_TOO_LARGE,
                       _("standard input holds more than %d MB, the limit"),
                       DM_IMPORT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }

  {
    g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

    return dm_import_load_bytes ("-", bytes, error);
  }
}

/* Says why @file cannot be queried, telling a dangling symbolic link from a missing file. */
static void
set_query_error (GFile   *file,
                 GError  *query_error,
                 GError **error)
{
  if (g_error_matches (query_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autoptr(GFileInfo) link_info = NULL;

      link_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (link_info != NULL &&
          g_file_info_get_file_type (link_info) == G_FILE_TYPE_SYMBOLIC_LINK)
        g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR,
                             _("a broken symbolic link (what it points to does not exist)"));
      else
        g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_FOUND, _("no such file"));
    }
  else if (g_error_matches (query_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_FOUND,
                         _("no such file (a part of the path is a file, not a folder)"));
  else if (g_error_matches (query_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
    g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR,
                         _("a symbolic link that points to itself in a loop"));
  else if (g_error_matches (query_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                         _("permission denied: a folder on the way to it cannot be opened"));
  else
    g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                 _("cannot read it: %s"), query_error->message);
}

/* The articles of the file at @path, whose @len bytes of @contents (taken) were read after
 * its size was checked. */
static GPtrArray *
load_read (const char  *path,
           char        *contents,
           gsize        len,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (contents, len);

  if (len > DM_IMPORT_MAX_BYTES)   /* it grew after the check */
    {
      set_too_large (error, len);
      return NULL;
    }
  return dm_import_load_bytes (path, bytes, error);
}

GPtrArray *
dm_import_load_path (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, "-") == 0)
    return load_stdin (error);

  /* The usual case, a readable regular file of a sensible size, without GIO's file
   * objects and attribute queries (~25,000 instructions a file: `dramatis-cli extract`
   * is given hundreds). Anything else takes the way below, which says what is wrong. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
        (guint64) st.st_size <= DM_IMPORT_MAX_BYTES &&
        g_file_get_contents (path, &contents, &len, NULL))
      return load_read (path, contents, len, error);
  }

  file = g_file_new_for_path (path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_query_error (file, local_error, error);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR, _("is a directory"));
      return NULL;

    case G_FILE_TYPE_SPECIAL:
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR,
                           _("not a regular file (a FIFO, socket or device)"));
      return NULL;

    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* GIO reports the link itself when what it points to is missing */
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR,
                           _("a broken symbolic link (what it points to does not exist)"));
      return NULL;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_REGULAR,
                           _("not a regular file"));
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > DM_IMPORT_MAX_BYTES)
    {
      set_too_large (error, g_file_info_get_size (info));
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                           _("permission denied: you may not read this file"));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                             _("permission denied: you may not read this file"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOT_FOUND,
                             _("no such file (it was removed while being read)"));
      else
        g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                     _("cannot read it: %s"), local_error->message);
      return NULL;
    }

  return load_read (path, contents, len, error);
}
