/* dm-extractor.h — finds actors and "who does what to whom" in an article
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-analysis.h"
#include "dm-lexicon.h"

G_BEGIN_DECLS

/* Immutable once made: dm_extractor_analyze() may run in several threads at once. */
DmExtractor *dm_extractor_new          (DmLexicon   *lexicon);
DmExtractor *dm_extractor_get_default  (void);
void         dm_extractor_free         (DmExtractor *self);

/* Takes ownership of @article; the analysis owns it afterwards. Never fails: an article
 * with no actors gives an analysis with no mentions. */
DmAnalysis  *dm_extractor_analyze      (DmExtractor *self,
                                        DmArticle   *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmExtractor, dm_extractor_free)

G_END_DECLS
