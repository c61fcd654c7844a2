/* dm-recognizer-refs.c — references to actors named before, and kinds of people
 *
 * The rule for words that refer rather than name: pronouns (dm-recognizer-pronouns.c,
 * dm-recognizer-plural.c), kinds of people that are actors in event data ("civilians",
 * "asylum seekers"), and definite descriptions (dm-recognizer-definite.c,
 * dm-recognizer-nominal.c). Who speaks in quotations is dm-recognizer-quotes.c.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

/* Is the word before @i an actor's name or a noun for a state's body ("army", "government")
 * that the people at @i belong to? */
static gboolean
follows_its_body (DmRecognition *r,
                  Scan          *s,
                  guint          i)
{
  const DmRMention *prev;

  if (i == s->first || !is_word (r, i - 1))
    return FALSE;
  if (!tok (r, i - 1)->capitalized &&
      (dm_lexicon_name_part (r->lexicon, r->lower[i - 1]) & (DM_PART_ARMED_BODY | DM_PART_GOVERNMENT_BODY)))
    return TRUE;
  prev = r->mentions->len > 0 ? dm_recognition_mention (r, r->mentions->len - 1) : NULL;
  return prev != NULL && prev->sentence == s->sentence && prev->last == i - 1 && !prev->modifier &&
         (prev->type == DM_ACTOR_ORGANIZATION || prev->type == DM_ACTOR_COUNTRY);
}

/* Rule 3: pronouns and definite descriptions. */
gboolean
dm_recognizer_try_reference (DmRecognition *r,
                             Scan          *s,
                             guint          i,
                             guint         *next)
{
  guint part = dm_lexicon_name_part (r->lexicon, r->words[i]) | dm_lexicon_name_part (r->lexicon, r->lower[i]);
  DmRefOutcome outcome;

  /* a rule that settles the word settles it with a mention or with none */
  outcome = dm_recognizer_try_said_pronoun (r, s, i, next);
  if (outcome != DM_REF_UNDECIDED)
    return outcome == DM_REF_MENTION;

  if (dm_recognizer_try_they (r, s, i, next))
    return TRUE;
  outcome = dm_recognizer_try_it (r, s, i, next);
  if (outcome != DM_REF_UNDECIDED)
    return outcome == DM_REF_MENTION;

  if (dm_recognizer_try_its_forces (r, s, i, next))
    return TRUE;

  /* "civilians", "rebels": kinds of people that are actors in event data — unless they are
   * the people of the actor or body just named ("its European Community partners", "army
   * troops"): that one acts */
  if ((part & DM_PART_SECTOR) && (!tok (r, i)->capitalized || (i == s->first && !tok (r, i)->all_caps)) &&
      !follows_its_body (r, s, i))
    {
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_GROUP, DM_ACTOR_GROUP, r->lower[i], NULL, NULL);
      *next = i + 1;
      return TRUE;
    }
  /* "asylum seekers", "aid workers": the lexicon spells the two words with a hyphen */
  if (i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized && !tok (r, i)->all_caps)
    {
      g_autofree char *compound = g_strconcat (r->lower[i], "-", r->lower[i + 1], NULL);

      if (dm_lexicon_name_part (r->lexicon, compound) & DM_PART_SECTOR)
        {
          dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_GROUP, DM_ACTOR_GROUP, compound, NULL, NULL);
          *next = i + 2;
          return TRUE;
        }
    }

  if (dm_recognizer_try_named_kin (r, s, i, next))
    return TRUE;
  outcome = dm_recognizer_try_possessive_pronoun (r, s, i, next);
  if (outcome == DM_REF_UNDECIDED)
    outcome = dm_recognizer_try_person_pronoun (r, s, i, next);
  if (outcome != DM_REF_UNDECIDED)
    return outcome == DM_REF_MENTION;

  return dm_recognizer_try_definite (r, s, i, next);
}
