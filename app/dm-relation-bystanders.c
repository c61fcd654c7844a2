/* dm-relation-bystanders.c — actors named in a sentence that take no part in its acts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-relation-bystanders.h"
#include "dm-text.h"

/* Is the name at DmToken @tok, compounded with the noun at @noun, only where the noun
 * happens ("the London conference") or whom its people follow ("Duterte supporters")? A city
 * before a body that acts for its state ("Kremlin officials", "Washington diplomats") stays an
 * actor. */
gboolean
dm_mention_is_place_modifier (const DmRecognition *r,
                              guint                tok,
                              guint                noun)
{
  int m = -1;

  for (guint k = 0; k < r->mentions->len && m < 0; k++)
    {
      const DmRMention *rm = dm_recognition_mention (r, k);

      if (!rm->nested && rm->first <= tok && tok <= rm->last)
        m = (int) k;
    }
  if (m < 0 || (noun >= dm_recognition_mention (r, (guint) m)->first &&
                noun <= dm_recognition_mention (r, (guint) m)->last))
    return FALSE;
  /* "hundreds of Duterte supporters": the people who follow the person, not the person */
  if ((dm_recognition_mention (r, (guint) m)->type == DM_ACTOR_PERSON ||
       dm_recognition_mention (r, (guint) m)->type == DM_ACTOR_OFFICIAL) &&
      (dm_lexicon_name_part (r->lexicon, r->lower[noun]) & DM_PART_FOLLOWER))
    return TRUE;
  /* a city named before a noun is where it happens; a country or an organisation before
   * "offer", "mediation", "resolution" is whose it is, and stays (measured on the dev sets) */
  if (dm_recognition_mention (r, (guint) m)->kind != DM_RMENTION_CAPITAL)
    return FALSE;
  return (dm_lexicon_name_part (r->lexicon, r->lower[noun]) &
          (DM_PART_COLLECTIVE | DM_PART_ARMED_BODY | DM_PART_GOVERNMENT_BODY |
           DM_PART_PRONOUN_PERSON)) == 0;
}

/* Is token @k a dash that ends a dateline? */
static gboolean
is_dash (const DmRecognition *r,
         guint                k)
{
  return strcmp (r->words[k], "-") == 0 || strcmp (r->words[k], "\u2013") == 0 ||
         strcmp (r->words[k], "\u2014") == 0;
}

/* Is mention @m in a dateline: the place and the agency in brackets before a dash that open
 * the sentence ("SAN FRANCISCO (Reuters) - Elon Musk sued …", "PORT SUDAN, Sudan, June 12
 * (Reuters) - …", "JERUSALEM/CAIRO, Aug 20 (AP) - …")? They say where and when the story
 * was written and by whom; none takes part in what the sentence says ("Reuters accuses
 * OpenAI", "Paris accuses Germany"). */
#define DATELINE_TOKENS 14

gboolean
dm_mention_in_dateline (const DmRecognition *r,
                        const DmRMention    *m)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, m->sentence);
  guint first = sent->first_token, end = first + sent->n_tokens;
  guint open = G_MAXUINT;

  if (m->last >= first + DATELINE_TOKENS)
    return FALSE;
  for (guint k = first; k < end && k < first + DATELINE_TOKENS; k++)
    {
      if (strcmp (r->words[k], "(") == 0 && k > first && open == G_MAXUINT)
        open = k;
      else if (strcmp (r->words[k], ")") == 0 && open != G_MAXUINT && k > open + 1)
        return k + 1 < end && is_dash (r, k + 1) && m->last < k;
      /* the place before the bracket: words and commas ("KYIV, Ukraine"); all in capitals,
       * it reaches here lower-cased */
      else if (open == G_MAXUINT && dm_text_doc_token (r->doc, k)->kind != DM_TOKEN_WORD &&
               dm_text_doc_token (r->doc, k)->kind != DM_TOKEN_NUMBER &&
               strcmp (r->words[k], ",") != 0 && strcmp (r->words[k], "/") != 0)
        return FALSE;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m only a modifier inside the subject of a verb other than
 * the trigger, a noun that is no actor ("insisted the referendum on the EU constitution will
 * go ahead": the referendum goes ahead, the EU is no one's target)? A body that acts for
 * what it belongs to ("demanded that Y's troops leave") or a title passes it on. */
gboolean
dm_mention_modifies_other_subject (const Clause  *c,
                                   int            m,
                                   const Trigger *t)
{
  const guint bodies = DM_PART_COLLECTIVE | DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY |
                       DM_PART_SECTOR | DM_PART_POPULACE | DM_PART_GROUP_NOUN |
                       DM_PART_GOVERNMENT_NOUN | DM_PART_REGIME_NOUN;
  int k = dm_clause_parse_head_of_mention (c, m);

  for (guint depth = 0; k >= 0 && depth < 4; depth++)
    {
      int h = c->sink->head_of[k], v;
      DmDeprel d;

      if (h < 0 || ((guint) h >= t->first && (guint) h <= t->last) ||
          c->sink->upos[h] != DM_UPOS_NOUN || c->mention_at[h] >= 0)
        return FALSE;
      d = c->sink->deprel_of[h];
      v = c->sink->head_of[h];
      if (d == DM_DEP_NSUBJ || d == DM_DEP_NSUBJ_PASS)
        return v >= 0 && ((guint) v < t->first || (guint) v > t->last) &&
               c->sink->upos[v] == DM_UPOS_VERB &&
               (dm_lexicon_name_part (c->r->lexicon, lower (c, (guint) h)) & bodies) == 0 &&
               dm_lexicon_lookup_title (c->r->lexicon, lower (c, (guint) h)) == NULL;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m named in what a noun the trigger acts on says ("rejected
 * claims that he was at odds with Y", "dismissed reports that Y had resigned")? The act is on
 * the claim, not on whom it is about. */
gboolean
dm_mention_in_content_of_object (const Clause  *c,
                                 int            m,
                                 const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];
      DmDeprel d = c->sink->deprel_of[k];

      if (h < 0 || ((guint) h >= t->first && (guint) h <= t->last))
        return FALSE;
      if ((d == DM_DEP_ACL || d == DM_DEP_ACL_RELCL) && c->sink->upos[h] == DM_UPOS_NOUN &&
          c->mention_at[h] < 0 && c->sink->head_of[h] >= 0 &&
          (guint) c->sink->head_of[h] >= t->first && (guint) c->sink->head_of[h] <= t->last)
        {
          for (guint j = c->first; j < c->end; j++)
            if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == DM_DEP_MARK &&
                strcmp (lower (c, j), "that") == 0)
              return TRUE;
          return FALSE;
        }
      k = h;
    }
  return FALSE;
}
