/* dm-importer-private.h — what the importers of analysed articles share with dm-importer.c
 *
 * dm-import-jsonl.c adds analyses read back from `extract` output the way dm-importer.c adds
 * the ones it extracts: the same summary, the same failures, the same idea of which errors
 * end an import.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-importer.h"

G_BEGIN_DECLS

DmImportSummary *dm_import_summary_new         (void);
void             dm_import_summary_add_failure (DmImportSummary  *summary,
                                                const char       *path,
                                                const char       *message);
/* Counts what dm_store_add_analysis() did with @analysis (*@added). */
void             dm_import_summary_count       (DmImportSummary  *summary,
                                                const DmAnalysis *analysis,
                                                gboolean          added);

/* Errors that concern the corpus rather than one article: they end the whole import. */
gboolean         dm_import_is_corpus_error     (const GError     *error);

/* The checks every import entry point makes on its common arguments. */
#define RETURN_IF_BAD_IMPORT_ARGS(store, cancellable, error) G_STMT_START { \
  g_return_val_if_fail ((store) != NULL, NULL); \
  g_return_val_if_fail ((cancellable) == NULL || G_IS_CANCELLABLE (cancellable), NULL); \
  g_return_val_if_fail ((error) == NULL || *(error) == NULL, NULL); \
} G_STMT_END

G_END_DECLS
