/* dm-store-write.h — what writes to a corpus: articles with their analyses, cached layouts
 *
 * Kept apart from dm-store.h so that what only reads a corpus (the widgets) cannot write to
 * it: the importer (dm-importer.h) and the layout cache (dm-layout-cache.h) do.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-store.h"

G_BEGIN_DECLS

/* Adds the article of @analysis, its actors, mentions and relations in one transaction.
 * An article whose text is already in the corpus (same content hash) adds nothing:
 * *@added is FALSE and *@article_id the existing id. */
gboolean        dm_store_add_analysis  (DmStore           *self,
                                        const DmAnalysis  *analysis,
                                        gint64            *article_id,
                                        gboolean          *added,
                                        GError           **error);

/* Batches for bulk imports (import --jsonl): until dm_store_end_batch(), the articles of
 * dm_store_add_analysis() share one transaction, committed after @max_articles articles or
 * at the first article after two seconds, each article in a savepoint of its own (whole or not at all, a refused one
 * undone alone). A kill loses the uncommitted articles only, which a re-run adds (the
 * committed ones are found by their hash). Any other write to the store commits the batch
 * first. DM_STORE_ERROR_ROLLED_BACK from an add or the end: SQLite undid the open
 * transaction (I/O error), the articles since the last commit are not in the corpus. */
gboolean        dm_store_begin_batch   (DmStore  *self,
                                        guint     max_articles,
                                        GError  **error);
gboolean        dm_store_end_batch     (DmStore  *self,
                                        GError  **error);

/* Layout cache: the xdot text under @key, then a serialisation under the same key (the
 * xdot text of another layout drops the serialisation of the one it replaces). */
gboolean        dm_store_save_layout   (DmStore     *self,
                                        const char  *key,
                                        const char  *xdot,
                                        GError     **error);
gboolean        dm_store_save_layout_data   (DmStore     *self,
                                             const char  *key,
                                             GBytes      *data,
                                             GError     **error);

G_END_DECLS
