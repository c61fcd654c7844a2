/* dm-import.h — reading articles from bytes and files, whatever their format
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-article.h"

G_BEGIN_DECLS

/* Files larger than this are refused without being read whole. */
#define DM_IMPORT_MAX_BYTES (64 * 1024 * 1024)

/* Recognises the format from the content (not the name) and imports every article in it:
 * one for text and HTML, one per item for feeds. @id is what DmArticle.id becomes.
 * Returns a GPtrArray of DmArticle (free func set), or NULL with @error set in
 * DM_IMPORT_ERROR. */
GPtrArray       *dm_import_load_bytes   (const char *id,
                                         GBytes     *bytes,
                                         GError    **error);

/* Reads @path (refusing directories, FIFOs, oversized files before reading them) and calls
 * dm_import_load_bytes() with @path as id. "-" reads standard input. */
GPtrArray       *dm_import_load_path    (const char *path,
                                         GError    **error);

DmArticleFormat  dm_import_sniff_format (const char *data,
                                         gsize       len);

G_END_DECLS
