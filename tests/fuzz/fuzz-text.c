/* fuzz-text.c — libFuzzer target: import of any bytes, sentence splitting and extraction
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-import.h"
#include "dm-extractor.h"
#include "dm-json.h"
#include "fuzz-common.h"

static void
check_span (const DmArticle *article,
            DmSpan           span)
{
  g_assert (span.start <= span.end);
  g_assert (span.end <= article->length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_bytes ("fuzz.txt", bytes, &error);

  g_assert ((articles == NULL) != (error == NULL));
  while (articles != NULL && articles->len > 0)
    {
      DmArticle *article = g_ptr_array_steal_index (articles, 0);
      g_autoptr(DmAnalysis) analysis = dm_extractor_analyze (dm_extractor_get_default (), article);
      g_autoptr(GString) json = g_string_new (NULL);

      for (guint i = 0; i < analysis->mentions->len; i++)
        {
          const DmMention *m = g_ptr_array_index (analysis->mentions, i);

          check_span (analysis->article, m->span);
          g_assert (*m->actor != '\0');
        }
      for (guint i = 0; i < analysis->relations->len; i++)
        {
          const DmRelation *r = g_ptr_array_index (analysis->relations, i);

          check_span (analysis->article, r->sentence);
          check_span (analysis->article, r->trigger);
          check_span (analysis->article, r->source_mention);
          check_span (analysis->article, r->target_mention);
          g_assert (*r->target != '\0');
        }
      dm_json_append_analysis (json, analysis, TRUE);
      g_assert (g_utf8_validate (json->str, json->len, NULL));
    }
  return 0;
}
