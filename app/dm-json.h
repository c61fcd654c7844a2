/* dm-json.h — writes JSON values into a GString (the CLI's JSON Lines output)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-analysis.h"

G_BEGIN_DECLS

/* Appends @str as a JSON string literal (quotes included), or null when NULL. Invalid UTF-8
 * is replaced by U+FFFD so the output is always valid JSON. */
void dm_json_append_string (GString    *out,
                            const char *str);

/* The contract's lines for one analysis: the article, its mentions, its relations, each
 * line ending in "\n". @with_text adds the article's "text" (non-.txt inputs). */
void dm_json_append_analysis (GString          *out,
                              const DmAnalysis *analysis,
                              gboolean          with_text);

/* The line `extract` writes instead of an article it could not read from standard input:
 * {"kind":"error","id":…|null,"line":N,"message":"…"}, ending in "\n". @line counts input
 * lines from 1. */
void dm_json_append_error (GString    *out,
                           const char *id,
                           guint       line,
                           const char *message);

G_END_DECLS
