/* dm-models.h — the trained models the engine ships with, loaded once
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model files under data/models are compiled into the engine as a GResource
 * (/io/github/dramatis/models/<name>), so every program finds them without installing
 * anything. DRAMATIS_MODEL_DIR names a directory of model files to use instead (to try a
 * freshly trained model without rebuilding).
 */

#pragma once

#include <glib.h>

#include "dm-parser.h"
#include "dm-tagger.h"

G_BEGIN_DECLS

typedef struct {
  DmTagger *tagger;
  DmParser *parser;
} DmModels;

/* The shipped models, loaded on first use by whichever thread asks first; later calls return
 * the same (read-only, shareable) models, or the same error. */
const DmModels *dm_models_get_default      (GError     **error);

/* Every model from @dir (files named as in data/models). */
DmModels       *dm_models_new_from_dir     (const char  *dir,
                                            GError     **error);
/* One model from @bytes: @name is its file name ("tagger.model"); the error names it. The
 * result is the model's own type (DmTagger *, DmParser *), freed with dm_models_free_one (). */
gpointer        dm_models_load_one         (const char  *name,
                                            GBytes      *bytes,
                                            GError     **error);
void            dm_models_free_one         (const char  *name,
                                            gpointer     model);
void            dm_models_free             (DmModels    *models);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmModels, dm_models_free)

G_END_DECLS
