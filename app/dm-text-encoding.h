/* dm-text-encoding.h — text in a legacy Western encoding (Windows-1252, ISO-8859-1) made UTF-8
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-article.h"

G_BEGIN_DECLS

/* The name given in import notes for what dm_text_encoding_convert_legacy() converts. */
#define DM_TEXT_ENCODING_LEGACY_NAME "Windows-1252 (Latin-1)"

/* @data (not valid UTF-8) converted to UTF-8 when it reads as Windows-1252 or ISO-8859-1
 * text: no NUL or control bytes but tab, line breaks and form feed, none of the five bytes
 * Windows-1252 leaves undefined, and non-ASCII bytes that stand mostly alone between ASCII
 * ones, as the accented letters and typographic quotes of Western European text do. The
 * multi-byte encodings of other scripts (Shift-JIS, GBK, KOI8-R…) put them side by side and
 * are refused: NULL, and the caller reports the bytes as not UTF-8. */
char *dm_text_encoding_convert_legacy (const char *data,
                                       gsize       len,
                                       gsize      *converted_len);

/* Marks every DmArticle of @articles (nullable) as converted from DM_TEXT_ENCODING_LEGACY_NAME;
 * returns @articles. */
GPtrArray *dm_text_encoding_note_converted (GPtrArray *articles);

G_END_DECLS
