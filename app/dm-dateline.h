/* dm-dateline.h — an article's date from its dateline or byline
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Looks at the first lines of @text for the date a news article gives itself: a dateline
 * ("KUALA LUMPUR, April 15, 2026 —", "LONDON, 12 March 2025 -"), a byline or its date line
 * ("Published: 12 March 2025 10:04 GMT", "By Jane Doe | March 12, 2025", "2025-03-12").
 * Returns "YYYY-MM-DD", or NULL when there is none. Relative times ("Published 3 hours ago",
 * "yesterday") are not dates: they depend on when the page was saved. A date inside the
 * body's sentences ("On March 12, 2025, the minister…") is not the article's date either. */
char  *dm_dateline_find  (const char *text,
                          gssize      len);

/* Finds the place of the dateline that opens an article's first paragraph, dated
 * ("KUALA LUMPUR, April 15, 2026 —", "Kyiv, 3 May 2025 -") or not ("WASHINGTON (Reuters) —",
 * "KYIV, Ukraine —", the place then in capitals). Sets [*start, *end) to its bytes and returns
 * TRUE; the place says where the article was filed, not who acts in its first sentence. */
gboolean dm_dateline_place (const char *text,
                            gsize       len,
                            gsize      *start,
                            gsize      *end);

G_END_DECLS
