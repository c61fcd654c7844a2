/* dm-recognizer-preposed.c — "an Oxfam lawyer, Maria Lopez": who a person works for, from a
 * noun phrase set before the name
 *
 * An indefinite (or singular definite) noun phrase of an organisation or a country and a noun
 * for a person, set off by a comma before a name, says what the person is and whom she is
 * with: "a Scientology attorney, Kendrick Moxon", "a French diplomat, Jean Roux", "the Oxfam
 * spokeswoman, Jane Roe". The organisation or country becomes her affiliation where none was
 * known, and a title (spokeswoman) makes her an official of it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include "dm-lexicon-private.h"
#include "dm-recognizer-private.h"

/* The outer mention that ends at token @last, or NULL. */
static const DmRMention *
mention_ending_at (DmRecognition *r,
                   const int     *ending,
                   guint          last)
{
  return ending[last] >= 0 ? dm_recognition_mention (r, (guint) ending[last]) : NULL;
}

/* "an Oxfam lawyer, Maria Lopez" before the person's name at @m: the affiliation's mention,
 * and in @noun the person's noun; NULL where the name has no such phrase before it. */
static const DmRMention *
preposed_affiliation (DmRecognition    *r,
                      const int        *ending,
                      const DmRMention *m,
                      guint            *noun)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, m->sentence);
  const DmRMention *org;
  guint det;

  if (m->first < sent->first_token + 4 || strcmp (r->words[m->first - 1], ",") != 0)
    return NULL;
  *noun = m->first - 2;
  if (!is_word (r, *noun) || tok (r, *noun)->capitalized || dm_recognizer_is_plural_noun (r->lower[*noun]) ||
      !dm_recognizer_is_person_word (r, r->lower[*noun]))
    return NULL;
  org = mention_ending_at (r, ending, *noun - 1);
  if (org == NULL || org->actor == NULL ||
      (org->type != DM_ACTOR_ORGANIZATION && org->type != DM_ACTOR_COUNTRY) || org->first <= sent->first_token)
    return NULL;
  det = org->first - 1;
  if (!(word_is (r, det, "a") || word_is (r, det, "an") || word_is (r, det, "the")))
    return NULL;
  return org;
}

void
dm_recognizer_affiliate_preposed (DmRecognition *r)
{
  guint n_tokens = r->doc->tokens->len;
  g_autofree int *ending = g_new (int, n_tokens + 1);

  for (guint t = 0; t <= n_tokens; t++)
    ending[t] = -1;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      /* the outer mention: "Scientology" rather than a word inside it */
      if (!m->nested && (ending[m->last] < 0 || dm_recognition_mention (r, (guint) ending[m->last])->first > m->first))
        ending[m->last] = (int) k;
    }
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      const DmRMention *org;
      const DmLexTitle *title;
      ActorInfo *info;
      guint noun;

      if (m->kind != DM_RMENTION_NAME || m->nested || (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL))
        continue;
      org = preposed_affiliation (r, ending, m, &noun);
      info = org != NULL ? g_hash_table_lookup (r->actors, m->actor) : NULL;
      if (info == NULL || info->affiliation != NULL)
        continue;
      g_debug ("“%s”: with %s (“%s”)", m->actor, org->actor, r->lower[noun]);
      info->affiliation = org->actor;
      title = dm_lexicon_lookup_title (r->lexicon, r->lower[noun]);
      if (title != NULL && !title->is_honorific)
        {
          info->type = DM_ACTOR_OFFICIAL;
          if (info->role == NULL)
            info->role = dm_recognizer_intern (r, title->canonical);
        }
    }
}
