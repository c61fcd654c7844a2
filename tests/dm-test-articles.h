/* dm-test-articles.h — generated articles for the tests and benchmarks that need many
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A wire-style article the extractor finds actors and relations in: headline, dateline,
 * 8 to 15 sentences naming countries, officials and organisations linked by verbs it knows,
 * some filler between. @index is written into the dateline, so no two indices give the same
 * text (the corpus keeps one article per text); the same @rand state gives the same text. */
char      *dm_test_article_text   (GRand       *rand,
                                   guint        index);

/* Writes @n articles "<prefix>-NNNN.txt" numbered from @first into @dir (made when missing),
 * the texts of dm_test_article_text() from a GRand seeded with @seed. Returns their paths
 * in name order, which is number order; *@n_bytes (nullable) is what they hold in all. */
GPtrArray *dm_test_articles_write (const char  *dir,
                                   const char  *prefix,
                                   guint        first,
                                   guint        n,
                                   guint32      seed,
                                   guint64     *n_bytes);

G_END_DECLS
