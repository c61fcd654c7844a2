/* dm-corpus.h — the open corpus as a reference-counted object the UI and its threads share
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-store.h"

G_BEGIN_DECLS

#define DM_TYPE_CORPUS (dm_corpus_get_type ())

G_DECLARE_FINAL_TYPE (DmCorpus, dm_corpus, DM, CORPUS, GObject)

DmCorpus   *dm_corpus_open          (const char *path,
                                     GError    **error);
DmStore    *dm_corpus_get_store     (DmCorpus   *self);
const char *dm_corpus_get_path      (DmCorpus   *self);
/* A short name for titles: the file name without ".dramatis". */
char       *dm_corpus_dup_title     (DmCorpus   *self);
/* Tells the views that articles were added or removed (main thread only). */
void        dm_corpus_emit_changed  (DmCorpus   *self);

G_END_DECLS
