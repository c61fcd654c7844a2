/* recognizer-test-common.h — recognizing a text with the shipped lexicon and models, and
 * asserting what its mentions name, for the recognizer's tests
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "dm-recognizer.h"

typedef struct {
  char          *text;
  DmTextDoc     *doc;
  DmRecognition *r;
} Recognized;

static inline Recognized *
recognize_with (const char  *text,
                const DmNer *ner)
{
  Recognized *rec = g_new0 (Recognized, 1);

  rec->text = g_strdup (text);
  rec->doc = dm_text_doc_new (rec->text, strlen (rec->text));
  rec->r = dm_recognize_with_ner (dm_lexicon_get_default (), ner, rec->doc);
  return rec;
}

static inline Recognized *
recognize (const char *text)
{
  return recognize_with (text, dm_ner_get_default ());
}

static inline void
recognized_free (Recognized *rec)
{
  dm_recognition_free (rec->r);
  dm_text_doc_free (rec->doc);
  g_free (rec->text);
  g_free (rec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recognized, recognized_free)

/* The @nth (from 0) outer mention whose text is @text, or NULL. */
static inline const DmRMention *
find (Recognized *rec,
      const char *text,
      guint       nth)
{
  gsize len = strlen (text);

  for (guint k = 0; k < rec->r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (rec->r, k);
      guint start = m->start_byte ? m->start_byte : dm_text_doc_token (rec->doc, m->first)->start;
      guint end = m->end_byte ? m->end_byte : dm_text_doc_token (rec->doc, m->last)->end;

      if (m->nested || end - start != len || strncmp (rec->text + start, text, len) != 0)
        continue;
      if (nth-- == 0)
        return m;
    }
  return NULL;
}

static inline gboolean
names_actor (Recognized *rec,
             const char *actor)
{
  for (guint k = 0; k < rec->r->mentions->len; k++)
    if (g_strcmp0 (dm_recognition_mention (rec->r, k)->actor, actor) == 0)
      return TRUE;
  return FALSE;
}

static inline void
assert_actor (Recognized  *rec,
              const char  *text,
              guint        nth,
              const char  *actor,
              DmActorType  type)
{
  const DmRMention *m = find (rec, text, nth);

  if (m == NULL)
    g_error ("no mention “%s” (%u) in “%s”", text, nth, rec->text);
  g_assert_cmpstr (m->actor, ==, actor);
  g_assert_cmpint (m->type, ==, type);
}
