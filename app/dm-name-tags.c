/* dm-name-tags.c — which words of a sentence the recognizer found to be names
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-name-tags.h"

/* The first mention that may be in @sentence: mentions come by first token, so by sentence. */
static guint
first_mention_of (const DmRecognition *r,
                  guint                sentence)
{
  guint lo = 0, hi = r->mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (dm_recognition_mention (r, mid)->sentence < sentence)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether the capitalised words of @m are those of a name. A group ("Syrian refugees",
 * "Houthi rebels") is a common noun qualified by a name, which is marked when it is one
 * ("Houthi", nested); a demonym is an adjective ("Syrian refugees", "the Kenyan
 * government"), and the tagger knows those. */
static gboolean
is_named (const DmRMention *m)
{
  return (m->kind == DM_RMENTION_NAME && m->type != DM_ACTOR_GROUP) ||
         m->kind == DM_RMENTION_CAPITAL;
}

/* Sets @names over the capitalised parse tokens inside mention @m to @value. */
static void
mark_mention (const DmRecognition   *r,
              const DmParse         *parse,
              const DmParseSentence *ps,
              const DmRMention      *m,
              gboolean               value,
              gboolean              *names)
{
  guint start = m->start_byte ? m->start_byte : dm_text_doc_token (r->doc, m->first)->start;
  guint end = m->end_byte ? m->end_byte : dm_text_doc_token (r->doc, m->last)->end;

  for (guint i = 0; i < ps->n_tokens; i++)
    {
      const DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);

      if (t->start >= start && t->end <= end && t->end > t->start &&
          g_unichar_isupper (g_utf8_get_char (r->doc->text + t->start)))
        names[i] = value;
    }
}

void
dm_name_tags_mark (const DmRecognition *r,
                   const DmParse       *parse,
                   guint                sentence,
                   gboolean            *names)
{
  const DmParseSentence *ps;
  guint first;

  g_return_if_fail (r != NULL && parse != NULL && names != NULL);
  g_return_if_fail (sentence < parse->sentences->len);

  ps = &g_array_index (parse->sentences, DmParseSentence, sentence);
  memset (names, 0, ps->n_tokens * sizeof (gboolean));
  first = first_mention_of (r, sentence);
  for (guint k = first; k < r->mentions->len && dm_recognition_mention (r, k)->sentence == sentence; k++)
    if (is_named (dm_recognition_mention (r, k)))
      mark_mention (r, parse, ps, dm_recognition_mention (r, k), TRUE, names);
  /* then a demonym inside a longer name ("Kenyan" in "Kenyan government") goes back to
   * the tagger */
  for (guint k = first; k < r->mentions->len && dm_recognition_mention (r, k)->sentence == sentence; k++)
    if (dm_recognition_mention (r, k)->kind == DM_RMENTION_DEMONYM)
      mark_mention (r, parse, ps, dm_recognition_mention (r, k), FALSE, names);
}
