/* dm-importer.h — reads files, folders, resources or bytes, extracts, and adds them to a corpus
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-extractor.h"
#include "dm-import.h"   /* the files it reads, and DM_IMPORT_ERROR its failures carry */
#include "dm-store.h"

G_BEGIN_DECLS

typedef struct {
  char *path;
  char *message;   /* why it failed, for a person: "not valid UTF-8 at byte 1234 (line 12)" */
} DmImportFailure;

typedef struct {
  guint      n_files;          /* files tried (directories expanded) */
  guint      n_articles_added;
  guint      n_articles_duplicate;
  guint      n_mentions;
  guint      n_relations;
  GPtrArray *failures;         /* DmImportFailure */
  gboolean   cancelled;
  GPtrArray *converted;        /* nullable: paths (char *) of files imported after conversion
                                * from DM_TEXT_ENCODING_LEGACY_NAME, for a note */
} DmImportSummary;

/* Called after each file, in the thread that runs the import. @error is NULL on success. */
typedef void (*DmImportProgressFunc) (guint         done,
                                      guint         total,
                                      const char   *path,
                                      const GError *error,
                                      gpointer      user_data);

/* Expands directories (recursively; .txt .text .html .htm .xhtml .xml .rss .atom .feed files,
 * in name order) and imports each file; a bad file is recorded and the others go on.
 * Returns NULL only when the corpus itself fails (@error set). Blocking.
 * @extractor may be NULL for dm_extractor_get_default(). Files are loaded and analysed in a
 * few worker threads while the calling thread writes; @cancellable is checked between files
 * (an article is always written whole or not at all). */
DmImportSummary *dm_import_paths       (DmStore              *store,
                                        DmExtractor          *extractor,
                                        const char * const   *paths,
                                        GCancellable         *cancellable,
                                        DmImportProgressFunc  progress,
                                        gpointer              user_data,
                                        GError              **error);

/* The same for files that may not be on a local disk: a GFile with a local path is imported
 * as dm_import_paths() would (folders expanded), any other is read through GIO and named by
 * its URI. */
DmImportSummary *dm_import_files       (DmStore              *store,
                                        DmExtractor          *extractor,
                                        GFile * const        *files,
                                        guint                 n_files,
                                        GCancellable         *cancellable,
                                        DmImportProgressFunc  progress,
                                        gpointer              user_data,
                                        GError              **error);

/* Every file of the GResource folder @resource_dir (the samples bundled in a program), in
 * the order the resource lists them, each article named by its file name. Sub-folders are
 * left out. NULL with @error when there is no such folder or the corpus fails. */
DmImportSummary *dm_import_resources   (DmStore              *store,
                                        DmExtractor          *extractor,
                                        const char           *resource_dir,
                                        GCancellable         *cancellable,
                                        DmImportProgressFunc  progress,
                                        gpointer              user_data,
                                        GError              **error);

/* Data in memory as the file @name would be read (text, HTML or a feed, told from the
 * content): every article in it is added, named @name. Data already in the corpus (same
 * content hash) counts as a duplicate. NULL with @error ("@name: not valid UTF-8 at byte 3
 * (line 1)", DM_IMPORT_ERROR) when it holds nothing to import or the corpus refuses an
 * article; the articles before that one stay. Blocking. */
DmImportSummary *dm_import_bytes       (DmStore              *store,
                                        DmExtractor          *extractor,
                                        const char           *name,
                                        GBytes               *bytes,
                                        GError              **error);

/* Pasted or dropped text as a new article (@origin NULL: "pasted text"). Text already in the
 * corpus adds nothing and gives the existing article's id. */
gboolean         dm_import_text        (DmStore              *store,
                                        DmExtractor          *extractor,
                                        const char           *origin,
                                        const char           *text,
                                        gint64               *article_id,
                                        GError              **error);

void             dm_import_summary_free (DmImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmImportSummary, dm_import_summary_free)

G_END_DECLS
