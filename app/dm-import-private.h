/* dm-import-private.h — the text, HTML and feed importers dm-import.c calls, and what they share
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "dm-article.h"

G_BEGIN_DECLS

/* Each importer gets valid UTF-8 without NUL bytes (dm_import_load_bytes() checks that
 * first) and returns a GPtrArray of DmArticle with dm_article_free as free func. */
GPtrArray *dm_import_text_article   (const char  *id,
                                     const char  *data,
                                     gsize        len,
                                     GError     **error);
GPtrArray *dm_import_html           (const char  *id,
                                     const char  *data,
                                     gsize        len,
                                     GError     **error);
GPtrArray *dm_import_feed           (const char  *id,
                                     const char  *data,
                                     gsize        len,
                                     GError     **error);

/* Initialises libxml2 once, before any thread parses. */
void       dm_import_init_libxml    (void);

/* The first line of @text when it looks like a headline, else NULL. */
char      *dm_import_text_guess_title (const char *text,
                                       gsize       len);

/* "2026-03-14T09:00:00Z", "2026-03-14", "Sat, 14 Mar 2026 09:00:00 GMT",
 * "March 14, 2026", "14 March 2026" → "2026-03-14"; NULL when no date is recognised. */
char      *dm_import_normalize_date (const char *str);

/* Collapses runs of white space (including no-break spaces) to one space and trims. */
char      *dm_import_collapse_space (const char *str);

/* The readable text under @node: blocks (p, h1–h6, li, blockquote, div, br…) separated by
 * "\n\n", white space inside a block collapsed, scripts, styles, navigation, comment
 * sections and the like left out. Works on HTML trees and on XHTML inside Atom. */
char      *dm_import_html_node_text (xmlNode *node);

/* Parses an HTML fragment (an RSS description, an Atom content of type html) and returns its
 * text as dm_import_html_node_text() does. Never NULL. */
char      *dm_import_html_fragment_text (const char *html,
                                         gsize       len);

/* Plain text (an Atom content of type text): paragraphs kept at blank lines, white space
 * inside a paragraph collapsed. Never NULL. */
char      *dm_import_plain_text     (const char *str);

/* The host of @uri without a leading "www.", or NULL. */
char      *dm_import_uri_host       (const char *uri);

G_END_DECLS
