/* dm-article.h — an article as imported: text plus title, date, source
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-types.h"

G_BEGIN_DECLS

/* The error domain of making articles from bytes. It lives with the article value, not in
 * dm-import.h, because the text, HTML and feed importers report in it too and know only
 * this header: dm-import.c calls them, never the other way round. */
#define DM_IMPORT_ERROR (dm_import_error_quark ())

typedef enum {
  DM_IMPORT_ERROR_EMPTY,        /* no bytes, or nothing but white space / markup */
  DM_IMPORT_ERROR_BINARY,       /* NUL bytes or a known binary signature (PNG, PDF, ELF, ZIP…) */
  DM_IMPORT_ERROR_ENCODING,     /* invalid UTF-8 (message says the byte offset/line), UTF-16/32 */
  DM_IMPORT_ERROR_TOO_LARGE,    /* over DM_IMPORT_MAX_BYTES (dm-import.h; message names it) */
  DM_IMPORT_ERROR_NOT_REGULAR,  /* a directory, FIFO, device, dangling link */
  DM_IMPORT_ERROR_UNREADABLE,   /* permission denied, I/O error */
  DM_IMPORT_ERROR_PARSE,        /* HTML/feed that cannot be parsed, feed with no items */
  DM_IMPORT_ERROR_NOT_FOUND,    /* no such file */
} DmImportError;

typedef enum {
  DM_ARTICLE_FORMAT_TEXT,
  DM_ARTICLE_FORMAT_HTML,
  DM_ARTICLE_FORMAT_FEED,   /* RSS 2.0, RSS 1.0/RDF or Atom */
} DmArticleFormat;

struct _DmArticle
{
  char            *id;      /* path as given ("-" for stdin); for feed items "path#N" is NOT used:
                             * every item of a feed carries the feed's path as id (contract) */
  char            *title;   /* nullable */
  char            *date;    /* nullable, ISO 8601 date "YYYY-MM-DD" */
  char            *source;  /* nullable: site name, feed title or host */
  char            *url;     /* nullable: link of a feed item or canonical URL of a page */
  char            *text;    /* UTF-8, NUL-terminated; for plain text exactly the bytes on disk */
  gsize            text_len;      /* bytes */
  guint            length;        /* code points */
  DmArticleFormat  format;
  const char      *converted_from;  /* nullable, static: the legacy encoding the file was in */
};

GQuark      dm_import_error_quark (void);

DmArticle  *dm_article_new        (const char *id,
                                   const char *text,
                                   gssize      text_len);
DmArticle  *dm_article_copy       (const DmArticle *article);
void        dm_article_free       (DmArticle  *article);

/* "text", "html", "feed". */
const char *dm_article_format_to_string (DmArticleFormat format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmArticle, dm_article_free)

G_END_DECLS
