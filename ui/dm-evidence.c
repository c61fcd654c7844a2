/* dm-evidence.c — an evidence sentence as Pango markup, actors and verb highlighted
 *
 * The relation's spans are code points in the article; the sentence text starts at
 * relation->sentence.start, so each span is shifted by that and clamped to the sentence.
 * Every piece of text goes through g_markup_escape_text(): articles are untrusted input.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>

#include "dm-evidence.h"

typedef struct {
  glong       start;   /* code points in the sentence */
  glong       end;
  const char *open;
  const char *close;
} Highlight;

static int
compare_highlight (gconstpointer a,
                   gconstpointer b)
{
  const Highlight *ha = a;
  const Highlight *hb = b;

  return (ha->start > hb->start) - (ha->start < hb->start);
}

static void
append_escaped (GString    *out,
                const char *text,
                glong       from,
                glong       to)
{
  const char *begin = g_utf8_offset_to_pointer (text, from);
  const char *end = g_utf8_offset_to_pointer (text, to);
  g_autofree char *escaped = g_markup_escape_text (begin, end - begin);

  g_string_append (out, escaped);
}

char *
dm_evidence_to_markup (const DmRelationInfo *relation)
{
  GString *out;
  Highlight highlights[3];
  const DmSpan *spans[3];
  const char *text;
  glong length;
  glong pos = 0;
  guint n = 0;

  g_return_val_if_fail (relation != NULL, NULL);

  text = relation->sentence_text != NULL ? relation->sentence_text : "";
  if (!g_utf8_validate (text, -1, NULL))
    return g_markup_escape_text (_("(the sentence is not valid UTF-8)"), -1);

  length = g_utf8_strlen (text, -1);
  spans[0] = &relation->source_mention;
  spans[1] = &relation->target_mention;
  spans[2] = &relation->trigger;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      const DmSpan *span = spans[i];
      glong start, end;

      if (span->end <= span->start || span->start < relation->sentence.start)
        continue;

      start = (glong) (span->start - relation->sentence.start);
      end = MIN ((glong) (span->end - relation->sentence.start), length);
      if (start >= end)
        continue;

      highlights[n].start = start;
      highlights[n].end = end;
      highlights[n].open = i == 2 ? "<span weight=\"bold\" underline=\"single\">" : "<b>";
      highlights[n].close = i == 2 ? "</span>" : "</b>";
      n++;
    }

  qsort (highlights, n, sizeof (Highlight), compare_highlight);

  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      /* Overlapping spans (a mention inside the trigger) keep the first one. */
      if (highlights[i].start < pos)
        continue;

      append_escaped (out, text, pos, highlights[i].start);
      g_string_append (out, highlights[i].open);
      append_escaped (out, text, highlights[i].start, highlights[i].end);
      g_string_append (out, highlights[i].close);
      pos = highlights[i].end;
    }
  append_escaped (out, text, pos, length);

  return g_string_free (out, FALSE);
}
