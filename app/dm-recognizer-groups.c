/* dm-recognizer-groups.c — groups named by a noun phrase of their own
 *
 *  - "the governments of South East Asia", "leaders of the region": the plural of a body or
 *    of a collective noun, of a region that is neither a country nor an organisation, is one
 *    group actor, named as written. Of a country or an organisation the lexicon knows ("the
 *    leaders of Iraq") it is that actor's, which other rules find.
 *  - "worshippers of the old gods", "supporters of the mayor": followers of something are a
 *    group of their own, not what they follow;
 *  - "former members of the party", "former employees of Acme": no longer its people, so not
 *    the organisation either, but a group affiliated with it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include "dm-lexicon-private.h"
#include "dm-recognizer-private.h"

#define MAX_REGION_TOKENS 4

/* The last token of the region named from @k ("South East Asia", "the Middle East", "the
 * region"), or 0 when what follows is no region: nothing capitalised, or a name the lexicon
 * or the article knows as a whole. */
static guint
region_end (DmRecognition *r,
            Scan          *s,
            guint          k,
            GString       *buf)
{
  guint last = k, entity_last;

  if (k < s->end && word_is (r, k, "the"))
    {
      k++;
      if (k < s->end && word_is (r, k, "region") && !is_possessive (r, k + 1))
        return k;
    }
  if (k >= s->end || !is_cap (r, k) || tok (r, k)->all_caps)
    return 0;
  while (last + 1 < s->end && is_cap (r, last + 1) && last + 1 - k < MAX_REGION_TOKENS)
    last++;
  if (last + 1 - k == MAX_REGION_TOKENS || is_possessive (r, last + 1))
    return 0;
  /* a place by the entity recognizer's reading, whole, and not an organisation's name
   * ("members of the Legislative Council", "ministers of the Association of …") */
  if (r->name_at == NULL || r->name_at[k] < 0)
    return 0;
  {
    const DmNerSpan *place = &g_array_index (r->names, DmNerSpan, r->name_at[k]);

    if (place->type != DM_NER_PLACE || place->last != last ||
        (last + 1 < s->end && word_is (r, last + 1, "of")) ||
        (dm_lexicon_name_part (r->lexicon, r->words[last]) & DM_PART_ORG_HEAD))
      return 0;
  }
  /* "the leaders of Iraq", "members of Hamas": the country's, the organisation's */
  if (dm_recognizer_match_entity (r, s, k, &entity_last, buf) != NULL && entity_last == last)
    return 0;
  /* a compass word begins a region ("South East Asia"); alone a word the lexicon says names
   * no actor stays none ("members of Parliament") */
  if (dm_recognizer_person_starts_at (r, s, k) || (k == last && dm_lexicon_is_nonactor (r->lexicon, r->words[k])))
    return 0;
  return last;
}

/* "the governments of South East Asia" at @i (on "the" or on the noun): one group. */
static gboolean
try_bodies_of_region (DmRecognition *r,
                      Scan          *s,
                      guint          i,
                      guint         *next,
                      GString       *buf)
{
  guint head = word_is (r, i, "the") ? i + 1 : i;
  guint last;
  const char *noun;

  if (head + 2 >= s->end || !is_word (r, head) || (tok (r, head)->capitalized && head != s->first) ||
      !word_is (r, head + 1, "of"))
    return FALSE;
  noun = r->lower[head];
  if (!dm_recognizer_is_plural_noun (noun) ||
      !(dm_lexicon_name_part (r->lexicon, noun) & (DM_PART_COLLECTIVE | DM_PART_GOVERNMENT_BODY)))
    return FALSE;
  last = region_end (r, s, head + 2, buf);
  if (last == 0)
    return FALSE;
  {
    g_autofree char *name = g_strdup_printf ("%s of %s", noun, dm_recognizer_name_text (r, head + 2, last));

    g_debug ("“%s”: a group", name);
    dm_recognizer_add_mention (r, s, head, last, DM_RMENTION_GROUP, DM_ACTOR_GROUP,
                               dm_recognizer_intern (r, name), NULL, NULL);
  }
  *next = last + 1;
  return TRUE;
}

/* The last token of the noun phrase that "of" at @k - 1 opens ("the ancient Greek religion",
 * "Scientology"), or 0 where no short one does. */
static guint
of_phrase_end (DmRecognition *r,
               Scan          *s,
               guint          k)
{
  guint first, last;

  if (k < s->end && (word_is (r, k, "the") || word_is (r, k, "a") || word_is (r, k, "an")))
    k++;
  first = k;
  for (last = k; last < s->end && last < first + 5; last++)
    if (dm_recognizer_ends_noun_phrase (r, last, s->end))
      break;
  if (last == first || !dm_recognizer_ends_noun_phrase (r, last, s->end))
    return 0;
  return last - 1;
}

/* The country or organisation the "of" phrase from @k to @last names as a whole, for the
 * group's affiliation ("former members of Scientology"), or NULL. */
static const char *
of_phrase_actor (DmRecognition *r,
                 Scan          *s,
                 guint          k,
                 guint          last,
                 GString       *buf)
{
  const DmLexEntity *e;
  guint entity_last;

  ActorInfo *info;

  if (word_is (r, k, "the"))
    k++;
  e = dm_recognizer_match_entity (r, s, k, &entity_last, buf);
  if (e != NULL && entity_last == last)
    return e->kind == DM_LEX_DEMONYM || e->kind == DM_LEX_CAPITAL ? NULL : e->canonical;
  /* an organisation the article named before */
  info = g_hash_table_lookup (r->actors, dm_recognizer_name_text (r, k, last));
  if (info != NULL && (info->type == DM_ACTOR_ORGANIZATION || info->type == DM_ACTOR_COUNTRY))
    return dm_recognizer_name_text (r, k, last);
  return NULL;
}

/* "worshippers of the ancient Greek religion", "the former members of Scientology" at @i:
 * one group, named as written from its first word that is not "the". */
static gboolean
try_followers (DmRecognition *r,
               Scan          *s,
               guint          i,
               guint         *next,
               GString       *buf)
{
  guint first = word_is (r, i, "the") ? i + 1 : i;
  guint head = first, last;
  gboolean former = FALSE;
  const char *name, *affiliation;

  if (head < s->end && word_is (r, head, "former"))
    {
      former = TRUE;
      head++;
    }
  if (head + 2 >= s->end || !is_word (r, head) || (tok (r, head)->capitalized && head != s->first) ||
      !word_is (r, head + 1, "of"))
    return FALSE;
  if (former ? !dm_recognizer_is_plural_noun (r->lower[head]) ||
               !(dm_recognizer_is_people_noun (r, r->lower[head]) ||
                 (dm_lexicon_name_part (r->lexicon, r->lower[head]) & (DM_PART_COLLECTIVE | DM_PART_GOVERNMENT_BODY)))
             : !(dm_lexicon_name_part (r->lexicon, r->lower[head]) & DM_PART_FOLLOWER))
    return FALSE;
  last = of_phrase_end (r, s, head + 2);
  if (last == 0)
    return FALSE;
  name = dm_recognizer_name_text (r, first, last);
  affiliation = of_phrase_actor (r, s, head + 2, last, buf);
  g_debug ("“%s”: a group%s%s", name, affiliation != NULL ? " of " : "", affiliation != NULL ? affiliation : "");
  dm_recognizer_add_mention (r, s, first, last, DM_RMENTION_GROUP, DM_ACTOR_GROUP, name, NULL, affiliation);
  *next = last + 1;
  return TRUE;
}

/* A group named by a noun phrase of its own at @i. */
gboolean
dm_recognizer_try_group_phrase (DmRecognition *r,
                                Scan          *s,
                                guint          i,
                                guint         *next,
                                GString       *buf)
{
  return try_bodies_of_region (r, s, i, next, buf) || try_followers (r, s, i, next, buf);
}
