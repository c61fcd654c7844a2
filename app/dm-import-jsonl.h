/* dm-import-jsonl.h — extraction output (`dramatis-cli extract` JSON Lines) back into a corpus
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-analysis.h"
#include "dm-importer.h"

G_BEGIN_DECLS

/* Reads the article, mention and relation lines of the extract contract back into
 * DmAnalysis values, one article at a time. */
typedef struct _DmJsonlReader DmJsonlReader;

DmJsonlReader   *dm_jsonl_reader_new   (GInputStream   *stream);
void             dm_jsonl_reader_free  (DmJsonlReader  *self);

/* The next article with its mentions and relations: TRUE with *@analysis, or TRUE with
 * *@analysis NULL at the end of the stream. FALSE with @error for an article that cannot be
 * read back (DM_IMPORT_ERROR_PARSE, "line 12: …"; an `error` line of extract reads as one):
 * the reader goes on with the next article. FALSE with DM_IMPORT_ERROR_UNREADABLE when the
 * stream itself fails: stop. Lines of kinds it does not know are skipped, so output of a
 * newer extract still reads. */
gboolean         dm_jsonl_reader_next  (DmJsonlReader  *self,
                                        DmAnalysis    **analysis,
                                        GError        **error);

/* Articles per transaction of dm_import_jsonl(): what a kill can make a re-run redo, and
 * what spreads a commit's page writes (tests/bench/bench-shards). */
#define DM_IMPORT_JSONL_BATCH 1000

/* Adds every article of the extraction output files @paths ("-": standard input), in order,
 * without extracting again: each through dm_store_add_analysis(), so content-hash
 * de-duplication, actor resolution and every rule of the corpus apply as to a direct import.
 * The articles go in by batches of DM_IMPORT_JSONL_BATCH (dm_store_begin_batch()): each
 * article whole or not at all, a committed batch whole. An article already in the corpus
 * counts as a duplicate, so a run stopped (or killed) half-way can be run again: what was
 * committed is found, the batch that was not is added again. A bad article is a failure of its file
 * ("line 12: …") and the others go on. NULL with @error only when the corpus fails.
 * @progress is called after each file; @cancellable is checked between articles. */
DmImportSummary *dm_import_jsonl       (DmStore               *store,
                                        const char * const    *paths,
                                        GCancellable          *cancellable,
                                        DmImportProgressFunc   progress,
                                        gpointer               user_data,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonlReader, dm_jsonl_reader_free)

G_END_DECLS
