/* dm-article-window.h — an article's text, scrolled to an evidence sentence
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dm-corpus.h"

G_BEGIN_DECLS

#define DM_TYPE_ARTICLE_WINDOW (dm_article_window_get_type ())

G_DECLARE_FINAL_TYPE (DmArticleWindow, dm_article_window, DM, ARTICLE_WINDOW, AdwWindow)

/* @relation (nullable): its sentence is highlighted and scrolled to, the actors and the
 * verb emphasised. */
GtkWindow     *dm_article_window_new          (GtkWindow            *parent,
                                               DmCorpus             *corpus,
                                               gint64                article_id,
                                               const DmRelationInfo *relation);
GtkTextBuffer *dm_article_window_get_buffer   (DmArticleWindow      *self);
/* The highlighted sentence as text, or NULL. */
char          *dm_article_window_dup_highlight (DmArticleWindow     *self);

G_END_DECLS
