/* fuzz-jsonl.c — libFuzzer target: JSON Lines read back into analyses (import --jsonl), and
 * the strict JSON reader on any bytes
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "dm-import-jsonl.h"
#include "dm-json-reader.h"
#include "fuzz-common.h"

static void
check_span (const DmAnalysis *analysis,
            DmSpan            span)
{
  g_assert (span.start <= span.end);
  (void) analysis;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(DmJsonlReader) reader = dm_jsonl_reader_new (stream);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(DmJsonValue) value = dm_json_parse ((const char *) data, size, &parse_error);

  g_assert ((value == NULL) != (parse_error == NULL));
  if (value != NULL && value->type == DM_JSON_STRING)
    g_assert (g_utf8_validate (value->string, -1, NULL));

  /* Every article is read or refused, and the reader always reaches the end. */
  for (guint n = 0; n <= size + 1; n++)
    {
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;

      if (!dm_jsonl_reader_next (reader, &analysis, &error))
        {
          g_assert (error != NULL && error->domain == DM_IMPORT_ERROR);
          g_assert (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      if (analysis == NULL)
        return 0;

      g_assert (g_utf8_validate (analysis->article->text, analysis->article->text_len, NULL));
      for (guint i = 0; i < analysis->relations->len; i++)
        {
          const DmRelation *r = g_ptr_array_index (analysis->relations, i);

          check_span (analysis, r->sentence);
          check_span (analysis, r->trigger);
        }
    }
  g_assert_not_reached ();
}
