/* dm-lexicon.h — gazetteers and verb lexicon loaded from the TSV files under data/lexicon
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-types.h"

G_BEGIN_DECLS

#define DM_LEXICON_ERROR (dm_lexicon_error_quark ())

typedef enum {
  DM_LEXICON_ERROR_MISSING,
  DM_LEXICON_ERROR_SYNTAX,
} DmLexiconError;

GQuark      dm_lexicon_error_quark   (void);

/* The lexicons compiled into the engine (GResource), or the directory named by the
 * DRAMATIS_LEXICON_DIR environment variable when it is set. Loaded once; thread-safe;
 * never freed. Aborts with a message if the embedded data is broken (a build error). */
DmLexicon  *dm_lexicon_get_default   (void);

/* Loads the *.tsv files of @dir (countries.tsv, organizations.tsv, titles.tsv, verbs.tsv, …). */
DmLexicon  *dm_lexicon_new_from_dir  (const char  *dir,
                                      GError     **error);
void        dm_lexicon_free          (DmLexicon   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmLexicon, dm_lexicon_free)

G_END_DECLS
