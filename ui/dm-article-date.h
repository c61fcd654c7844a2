/* dm-article-date.h — asks for an article's date and sets it by hand
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A dialog over @source's window with @date (nullable) to correct; "Set Date" makes the edit. */
void dm_article_date_ask (GtkWidget  *source,
                          gint64      article_id,
                          const char *title,
                          const char *date);

G_END_DECLS
