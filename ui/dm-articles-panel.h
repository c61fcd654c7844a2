/* dm-articles-panel.h — the corpus's articles, each with a check to keep it in the graph
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-corpus.h"
#include "dm-graph-query.h"

G_BEGIN_DECLS

#define DM_TYPE_ARTICLES_PANEL (dm_articles_panel_get_type ())

G_DECLARE_FINAL_TYPE (DmArticlesPanel, dm_articles_panel, DM, ARTICLES_PANEL, GtkWidget)

/* Lists the articles of @corpus (nullable); @query (nullable) says which are excluded. */
void        dm_articles_panel_set_corpus (DmArticlesPanel    *self,
                                          DmCorpus           *corpus,
                                          const DmGraphQuery *query);
/* The articles shown (DmArticleItem). */
GListModel *dm_articles_panel_get_model  (DmArticlesPanel    *self);

/* Signals:
 *   "article-toggled"   (gint64 article_id, gboolean included) — its check changed
 *   "article-activated" (gint64 article_id)                    — open its text */

G_END_DECLS
