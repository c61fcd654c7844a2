/* dm-lexicon-error.c — DM_LEXICON_ERROR: a lexicon file missing or mistaken
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-lexicon-private.h"

/* Below every loader of the lexicon files (dm-lexicon.c, dm-lexicon-senses.c), so that none
 * of them calls back into the one that reads them all. */
G_DEFINE_QUARK (dm-lexicon-error-quark, dm_lexicon_error)
