/* dm-article-item.h — one article of the corpus as a list-model item, with its
 * include-in-graph switch
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-store.h"

G_BEGIN_DECLS

#define DM_TYPE_ARTICLE_ITEM (dm_article_item_get_type ())

G_DECLARE_FINAL_TYPE (DmArticleItem, dm_article_item, DM, ARTICLE_ITEM, GObject)

DmArticleItem *dm_article_item_new            (const DmArticleInfo *info,
                                               gboolean             included);
gint64         dm_article_item_get_id         (DmArticleItem *self);
/* The title, or the file name of its origin when it has none. */
const char    *dm_article_item_get_title      (DmArticleItem *self);
const char    *dm_article_item_get_source     (DmArticleItem *self);
const char    *dm_article_item_get_date       (DmArticleItem *self);
guint          dm_article_item_get_n_relations (DmArticleItem *self);
gboolean       dm_article_item_get_included   (DmArticleItem *self);
void           dm_article_item_set_included   (DmArticleItem *self,
                                               gboolean       included);

G_END_DECLS
