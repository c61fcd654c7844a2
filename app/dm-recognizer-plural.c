/* dm-recognizer-plural.c — who "they" and "them" are
 *
 * "They" goes on about a collective actor — an organisation, a government, a group such as
 * "police" or "protesters" — that opened the sentence before or this one, when that is the
 * only collective actor named since and nothing else plural could be meant: two people
 * named ("Kim and Robin"), or a plural noun phrase the recognizer did not make an actor of
 * ("the girls", "their parents"), leave the pronoun unresolved. "Their" is that actor
 * only before a noun that tells an act ("their visit to").
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

static gboolean
is_collective (DmRecognition    *r,
               const DmRMention *m)
{
  ActorInfo *info;

  if (m->type != DM_ACTOR_ORGANIZATION && m->type != DM_ACTOR_GROUP)
    return FALSE;
  info = g_hash_table_lookup (r->actors, m->actor);
  return info == NULL || g_strcmp0 (info->org_kind, "media") != 0;
}

/* The mention that opened sentence @sentence (see dm_recognizer_note_subject), or NULL. */
static const DmRMention *
subject_of (DmRecognition *r,
            guint          sentence)
{
  guint index = sentence < r->subjects->len ? GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, sentence)) : 0;

  return index > 0 ? dm_recognition_mention (r, index - 1) : NULL;
}

static gboolean
is_preposition (const char *word)
{
  static const char * const prepositions[] = {
    "in", "on", "at", "from", "into", "onto", "to", "with", "for", "by", "of", "over", "under",
    "through", "across", "near", "around", "about", "during", "after", "before", "between",
  };

  for (guint k = 0; k < G_N_ELEMENTS (prepositions); k++)
    if (strcmp (word, prepositions[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Is there a plural noun phrase no mention covers between tokens @from and @to ("the
 * girls", "their parents", "two men") that could be what acts — not one after a
 * preposition ("on the streets")? */
static gboolean
plural_phrase_between (DmRecognition *r,
                       guint          from,
                       guint          to)
{
  static const char * const openers[] = {
    "the", "these", "those", "their", "his", "her", "its", "our", "two", "three", "many", "some",
  };
  guint m = 0;

  for (guint k = from; k < to; k++)
    {
      gboolean opener = FALSE;

      for (guint o = 0; o < G_N_ELEMENTS (openers) && !opener; o++)
        opener = word_is (r, k, openers[o]);
      /* "found on the streets": a place or circumstance, not who acts */
      if (!opener || (k > from && is_preposition (r->lower[k - 1])))
        continue;
      for (guint h = k + 1; h < to && h <= k + 3; h++)
        {
          const char *w = r->lower[h];
          gboolean covered = FALSE;

          if (!is_word (r, h) || tok (r, h)->capitalized || dm_recognizer_is_phrase_closer (w))
            break;
          for (; m < r->mentions->len && dm_recognition_mention (r, m)->last < h; m++)
            ;
          covered = m < r->mentions->len && dm_recognition_mention (r, m)->first <= h;
          if (!covered && strlen (w) > 3 && dm_recognizer_is_plural_noun (w))
            return TRUE;
        }
    }
  return FALSE;
}

/* The collective actor a plural pronoun at @i goes on about, or NULL; *@opens_clause says
 * whether it opened the main clause of the pronoun's own sentence. */
static const DmRMention *
plural_antecedent (DmRecognition *r,
                   Scan          *s,
                   guint          i,
                   gboolean      *opens_clause)
{
  const DmRMention *antecedent = NULL;
  const DmRMention *opener;
  guint persons = 0;
  guint persons_here = 0;     /* in this sentence */
  const char *person = NULL;

  *opens_clause = FALSE;
  if (s->sentence == 0)
    return NULL;
  opener = subject_of (r, s->sentence - 1);
  /* everyone named from the sentence before up to the pronoun */
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence + 1 < s->sentence)
        break;
      if (m->nested || m->modifier || m->actor == NULL || m->kind == DM_RMENTION_PRONOUN)
        continue;
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        {
          if (person == NULL || strcmp (person, m->actor) != 0)
            {
              persons++;
              persons_here += m->sentence == s->sentence;
            }
          person = m->actor;
          continue;
        }
      if (!is_collective (r, m))
        continue;
      if (antecedent != NULL && strcmp (antecedent->actor, m->actor) != 0)
        return NULL;
      antecedent = m;
    }
  if (antecedent == NULL)
    return NULL;
  /* it opened the main clause of this sentence before the pronoun ("On Friday, Greenpeace
   * activists went to the station, where they …"), where only the people this sentence
   * names could be meant as well, or else the sentence before */
  *opens_clause = antecedent->sentence == s->sentence &&
                  antecedent->first == dm_recognizer_main_clause_start (r, s);
  if (*opens_clause ? persons_here > 1 : persons > 1)
    return NULL;
  if (!*opens_clause && !(opener != NULL && strcmp (opener->actor, antecedent->actor) == 0))
    return NULL;
  /* "The authors say the results … the Australian population. They …": a plural phrase
   * anywhere since the antecedent's sentence began could be meant as well */
  if (plural_phrase_between (r, dm_text_doc_sentence (r->doc, antecedent->sentence)->first_token, i))
    return NULL;
  return antecedent;
}

/* "they"/"them" at @i: the collective actor it goes on about, as a mention; "their" before
 * a noun that tells an act ("Their visit to Oxfam …") too, when that actor is not the
 * clause's own subject (whose act the verb tells). */
gboolean
dm_recognizer_try_they (DmRecognition *r,
                        Scan          *s,
                        guint          i,
                        guint         *next)
{
  const DmRMention *antecedent;
  gboolean their = word_is (r, i, "their");
  gboolean opens_clause;
  DmRMention *m;

  if (!(word_is (r, i, "they") || word_is (r, i, "them") ||
        (their && dm_recognizer_owns_relation_noun (r, s, i))))
    return FALSE;
  antecedent = plural_antecedent (r, s, i, &opens_clause);
  if (antecedent == NULL || (their && opens_clause))
    return FALSE;
  m = dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, antecedent->type, antecedent->actor,
                                 antecedent->role, antecedent->affiliation);
  m->possessive = their;
  *next = i + 1;
  return TRUE;
}
