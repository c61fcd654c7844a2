/* dm-file-type.h — tells a Dramatis corpus from an article file by its content
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shared-mime-info type of a corpus (data/io.github.dramatis.Dramatis.mime.xml). */
#define DM_CORPUS_MIME_TYPE "application/x-dramatis"
#define DM_CORPUS_SUFFIX    ".dramatis"

/* TRUE when the file at @path starts with the SQLite header and carries the corpus's
 * application id, whatever its name. FALSE for anything else, including unreadable files. */
gboolean dm_file_type_has_corpus_header (const char *path);

/* What opening @path should do: TRUE for a corpus (its header says so, or it is named
 * *.dramatis — a missing or empty one is a corpus to create, and a wrong one gets the store's
 * clear refusal rather than an import), FALSE for an article file to import. */
gboolean dm_file_type_is_corpus         (const char *path);

G_END_DECLS
