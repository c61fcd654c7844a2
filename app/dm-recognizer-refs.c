/* dm-recognizer-refs.c — who "he", "she", "we", "I" and "the alliance" are
 *
 * Pronouns resolve to the subject of a recent sentence or the person last named, only when
 * number and gender agree (gender from given-names.tsv) and only when one person could be
 * meant; "we" is the organisation or country that speaks; "I" and "we" inside a quotation
 * are its speaker; "the alliance" is the alliance last named.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

/* A sentence that ends "… said:" opens a statement that follows it. */
static gboolean
opens_statement (DmRecognition *r,
                 guint          sentence)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, sentence);
  guint last = sent->first_token + sent->n_tokens - 1;

  return sent->n_tokens >= 3 && strcmp (r->words[last], ":") == 0 &&
         dm_recognizer_is_speech_verb (r->lower[last - 1]);
}

/* "We condemn …" in a statement of a state: not the country, a place and a people, but its
 * government speaking (re3d and event data code it as an organisation, like "Iraqi
 * officials"); an organisation speaks for itself. */
static void
speaker_mention (DmRecognition *r,
                 Scan          *s,
                 guint          i,
                 const char    *speaker,
                 ActorInfo     *info)
{
  if (info->type == DM_ACTOR_COUNTRY)
    {
      const char *government = dm_recognizer_government_of (r, speaker);

      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, DM_ACTOR_ORGANIZATION, government, NULL, speaker);
      return;
    }
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, speaker, NULL, info->affiliation);
}

/* "we", "our", "us": the organisation (or else the country) that speaks — the subject of a
 * recent sentence, within five sentences. */
gboolean
dm_recognizer_try_speaker (DmRecognition *r,
             Scan          *s,
             guint          i,
             guint         *next)
{
  const char *country = NULL;
  ActorInfo *info;

  if (!(dm_lexicon_name_part (r->lexicon, r->lower[i]) & DM_PART_PRONOUN_SPEAKER))
    return FALSE;
  /* "our partners": a possessive names no actor of its own */
  if (word_is (r, i, "our"))
    return FALSE;
  /* "US" is the country; only lower-case "us" (or a capital at a sentence start) is a pronoun */
  if (tok (r, i)->all_caps)
    return FALSE;

  {
    const char *org = NULL;
    const char *subject_org = NULL;
    guint sentence = G_MAXUINT;
    const DmRMention *subject = NULL;

    /* prefer an organisation or country that was a subject; never the enemy ("we" is not ISIL) */
    for (guint k = r->mentions->len; k > 0; k--)
      {
        const DmRMention *m = dm_recognition_mention (r, k - 1);
        ActorInfo *mi;

        if (m->sentence + 5 < s->sentence)
          break;
        if (m->sentence != sentence)
          {
            if (subject != NULL && subject_org == NULL)
              subject_org = subject->actor;
            sentence = m->sentence;
            subject = NULL;
          }
        if (m->modifier)
          continue;
        /* "Minister Ellwood said:\n\nWe are concerned": the statement a person opened is his;
         * "we" is his organisation or country when known, else no one named before him */
        if ((m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL) && !m->nested &&
            m->sentence < s->sentence && opens_statement (r, m->sentence))
          {
            mi = m->affiliation != NULL ? g_hash_table_lookup (r->actors, m->affiliation) : NULL;
            if (org == NULL && country == NULL && subject == NULL && subject_org == NULL)
              {
                if (mi == NULL || (mi->type != DM_ACTOR_ORGANIZATION && mi->type != DM_ACTOR_COUNTRY))
                  return FALSE;
                subject_org = m->affiliation;
                break;
              }
          }
        /* "Gen. Votel, commander of U.S. Central Command, said …": the official's organisation */
        if (m->type == DM_ACTOR_OFFICIAL && m->affiliation != NULL && !m->nested)
          {
            mi = g_hash_table_lookup (r->actors, m->affiliation);
            if (mi != NULL && mi->type == DM_ACTOR_ORGANIZATION && org == NULL &&
                (mi->org_kind == NULL || strcmp (mi->org_kind, "armed-group") != 0))
              org = m->affiliation;
            continue;
          }
        if (m->nested)
          continue;
        mi = g_hash_table_lookup (r->actors, m->actor);
        if (mi != NULL && mi->org_kind != NULL && strcmp (mi->org_kind, "armed-group") == 0)
          continue;
        if (m->type == DM_ACTOR_ORGANIZATION || m->type == DM_ACTOR_COUNTRY)
          {
            subject = m;
            if (m->type == DM_ACTOR_ORGANIZATION && org == NULL)
              org = m->actor;
            if (m->type == DM_ACTOR_COUNTRY && country == NULL)
              country = m->actor;
          }
      }
    if (subject != NULL && subject_org == NULL)
      subject_org = subject->actor;
    if (subject_org == NULL)
      subject_org = org != NULL ? org : country;
    if (subject_org == NULL)
      return FALSE;
    info = g_hash_table_lookup (r->actors, subject_org);
    speaker_mention (r, s, i, subject_org, info);
    *next = i + 1;
    return TRUE;
  }
}

static char
actor_gender (DmRecognition *r,
              const char    *actor)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, actor);

  if (info == NULL)
    return 0;
  if (info->gender == 0 && (info->type == DM_ACTOR_PERSON || info->type == DM_ACTOR_OFFICIAL))
    info->gender = dm_recognizer_described_gender (r, actor);
  return info->gender;
}

/* The person a pronoun of @gender ('m', 'f', or 0 for "I") refers to: the subject (first
 * actor) of the current or a recent sentence when that is a person who agrees, else the
 * person most recently named who does, within @window sentences. "He" after "Hegseth's
 * comments align with Trump's push" is Hegseth, not Trump; "she" after "Karim Ahmad met
 * Lama Fakih" is Lama Fakih. A person whose gender is not known agrees with both, but is
 * taken only when no one else could be meant: two such people leave the pronoun unresolved. */
static const char *
last_person (DmRecognition *r,
             Scan          *s,
             guint          window,
             char           gender)
{
  const char *subject_person = NULL;
  const char *matching = NULL;    /* the most recent person of the pronoun's known gender */
  const char *unknown = NULL;     /* the most recent person of unknown gender */
  const char *unknown2 = NULL;    /* another one */

  /* the subject of the nearest sentence before that has a person as its subject */
  for (guint k = s->sentence; k > 0 && k + window > s->sentence && subject_person == NULL; k--)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, k - 1));
      const DmRMention *subject = index > 0 ? dm_recognition_mention (r, index - 1) : NULL;
      char g;

      if (subject == NULL || (subject->type != DM_ACTOR_OFFICIAL && subject->type != DM_ACTOR_PERSON))
        continue;
      g = actor_gender (r, subject->actor);
      if (gender == 0 || g == 0 || g == gender)
        subject_person = subject->actor;
    }
  /* the people named recently */
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence + window < s->sentence)
        break;
      if (m->type != DM_ACTOR_OFFICIAL && m->type != DM_ACTOR_PERSON)
        continue;
      if (gender == 0)
        return subject_person != NULL ? subject_person : m->actor;
      g = actor_gender (r, m->actor);
      if (g == gender && matching == NULL)
        matching = m->actor;
      else if (g == 0 && unknown == NULL)
        unknown = m->actor;
      else if (g == 0 && unknown2 == NULL && strcmp (unknown, m->actor) != 0)
        unknown2 = m->actor;
    }
  if (subject_person != NULL && actor_gender (r, subject_person) == gender)
    return subject_person;
  if (matching != NULL)
    return matching;
  if (unknown2 != NULL)
    return NULL;
  return subject_person != NULL ? subject_person : unknown;
}

/* "Kim's sister pleaded with him", "Ahmad's lawyer defended him": an object pronoun after a
 * possessor of its gender named earlier in the sentence is that possessor — the one person
 * the sentence names that the clause's subject (the sister, the lawyer) is not. */
static const char *
possessor_as_object (DmRecognition *r,
                     Scan          *s,
                     guint          i,
                     char           gender)
{
  const char *possessor = NULL;

  if (gender == 0 || !(word_is (r, i, "him") || word_is (r, i, "her")))
    return NULL;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (m->nested || m->modifier || m->actor == NULL ||
          (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL))
        continue;
      /* another person of that gender, or of none known, could be meant as well */
      if (actor_gender (r, m->actor) != 0 && actor_gender (r, m->actor) != gender)
        continue;
      if (!m->possessive || (possessor != NULL && strcmp (possessor, m->actor) != 0))
        return NULL;
      possessor = m->actor;
    }
  return possessor != NULL && actor_gender (r, possessor) == gender ? possessor : NULL;
}

/* "Jane Roe, a nurse, claimed that the church imprisoned her": an object pronoun in what a
 * person of its gender says is that speaker, the sentence's subject — before the subject of
 * an earlier sentence — when no other person the sentence names could be meant. */
static const DmRMention *sentence_subject (DmRecognition *r,
                                          Scan          *s);

static const char *
speaker_as_object (DmRecognition *r,
                   Scan          *s,
                   guint          i,
                   char           gender)
{
  const DmRMention *subject;
  gboolean reported = FALSE;

  if (gender == 0 || !(word_is (r, i, "him") || word_is (r, i, "her")))
    return NULL;
  subject = sentence_subject (r, s);
  if (subject == NULL || subject->kind != DM_RMENTION_NAME ||
      (subject->type != DM_ACTOR_PERSON && subject->type != DM_ACTOR_OFFICIAL) ||
      actor_gender (r, subject->actor) != gender)
    return NULL;
  for (guint k = subject->last + 1; k < i && !reported; k++)
    reported = dm_recognizer_is_speech_verb (r->lower[k]);
  if (!reported)
    return NULL;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence != s->sentence)
        break;
      if (m->nested || m->modifier || m->actor == NULL || strcmp (m->actor, subject->actor) == 0 ||
          (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL))
        continue;
      g = actor_gender (r, m->actor);
      if (g == 0 || g == gender)
        return NULL;
    }
  return subject->actor;
}

/* Words that open an adverbial phrase before the subject: "In contrast to …, Hegseth
 * described", "Speaking in Brussels, he said". */
static gboolean
opens_adverbial (DmRecognition *r,
                 guint          i)
{
  static const char * const openers[] = {
    "in", "on", "at", "with", "after", "before", "during", "despite", "although", "though",
    "while", "when", "as", "since", "because", "if", "unless", "under", "following", "amid",
    "according", "however", "meanwhile", "instead", "moreover", "also", "but", "yet", "still",
    "now", "then", "earlier", "later", "today", "yesterday", "last", "for", "by", "from",
  };
  const char *w = r->lower[i];
  gsize len = strlen (w);

  if (tok (r, i)->kind != DM_TOKEN_WORD)
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    if (strcmp (w, openers[k]) == 0)
      return TRUE;
  return len > 4 && (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ed"));
}

/* The mention that opens the main clause of sentence @s->sentence: the first one after any
 * opening adverbial phrase. Recorded for pronouns in later sentences. */
void
dm_recognizer_note_subject (DmRecognition *r,
                       Scan          *s,
                       guint          first_mention)
{
  guint subject = 0;
  guint start = s->first;

  if (s->first < s->end && opens_adverbial (r, s->first))
    for (guint k = s->first; k < s->end && k < s->first + 25; k++)
      if (strcmp (r->words[k], ",") == 0)
        {
          start = k + 1;
          break;
        }
  for (guint k = first_mention; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->first >= start && !m->nested && !m->modifier)
        {
          subject = k + 1;
          break;
        }
    }
  /* an index, not a pointer: the mentions array grows and moves */
  g_ptr_array_add (r->subjects, GUINT_TO_POINTER (subject));
}

/* The organisation most recently named whose name or kind fits @noun ("alliance"). */
static const char *
last_organization (DmRecognition *r,
                   const char    *noun)
{
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      ActorInfo *info;
      g_autofree char *lower = NULL;

      if (m->type != DM_ACTOR_ORGANIZATION)
        continue;
      info = g_hash_table_lookup (r->actors, m->actor);
      if (info->org_kind != NULL && strcmp (info->org_kind, noun) == 0)
        return m->actor;
      if (strcmp (noun, "bloc") == 0 && info->org_kind != NULL &&
          (strcmp (info->org_kind, "intergovernmental") == 0 || strcmp (info->org_kind, "alliance") == 0))
        return m->actor;
      lower = g_utf8_strdown (m->actor, -1);
      if (strstr (lower, noun) != NULL)
        return m->actor;
    }
  return NULL;
}

/* The actor that "the group", "the regime" or "the country" names: the last one of that kind
 * within a few sentences. Groups are armed groups, parties and movements (armed groups only
 * after "terrorist", "militant" …); regimes and governments are the governments named
 * ("Assad regime", "Iraq (government)"); countries are countries named as actors. */
typedef enum {
  BODY_NONE,
  BODY_GROUP,
  BODY_ARMED_GROUP,
  BODY_GOVERNMENT,
  BODY_REGIME,
  BODY_COUNTRY,
} BodyKind;

#define DEFINITE_SENTENCES 4

static BodyKind
body_kind (DmRecognition *r,
           const char    *noun)
{
  guint part = dm_lexicon_name_part (r->lexicon, noun);

  if (part & DM_PART_GROUP_NOUN)
    return BODY_GROUP;
  if (part & DM_PART_GOVERNMENT_NOUN)
    return BODY_GOVERNMENT;
  if (part & DM_PART_REGIME_NOUN)
    return BODY_REGIME;
  if (part & DM_PART_COUNTRY_NOUN)
    return BODY_COUNTRY;
  return BODY_NONE;
}

static const DmRMention *
last_body (DmRecognition *r,
           Scan          *s,
           BodyKind       kind)
{
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      ActorInfo *info;
      const char *org_kind;

      /* a government is named once and called "the government" for the rest of the article */
      if (kind != BODY_REGIME && kind != BODY_GOVERNMENT && m->sentence + DEFINITE_SENTENCES < s->sentence)
        break;
      if (m->modifier || (m->nested && kind != BODY_COUNTRY) || m->actor == NULL)
        continue;
      if (kind == BODY_COUNTRY)
        {
          if (m->type == DM_ACTOR_COUNTRY && m->kind != DM_RMENTION_DEMONYM)
            return m;
          continue;
        }
      if (m->type != DM_ACTOR_ORGANIZATION)
        continue;
      info = g_hash_table_lookup (r->actors, m->actor);
      org_kind = info != NULL ? info->org_kind : NULL;
      if (kind == BODY_GOVERNMENT || kind == BODY_REGIME)
        {
          g_autofree char *lower = g_utf8_strdown (m->actor, -1);

          if (g_strcmp0 (org_kind, "government") == 0 || strstr (lower, "government") != NULL ||
              strstr (lower, "regime") != NULL || strstr (lower, "administration") != NULL)
            return m;
          continue;
        }
      if (g_strcmp0 (org_kind, "armed-group") == 0 ||
          (kind == BODY_GROUP && (g_strcmp0 (org_kind, "party") == 0 || g_strcmp0 (org_kind, "ngo") == 0)))
        return m;
    }
  return NULL;
}

/* "the group", "this terrorist organisation", "the regime", "the country": a definite
 * description of an actor named just before (up to two adjectives between). */
static gboolean
try_definite_body (DmRecognition *r,
                   Scan          *s,
                   guint          i,
                   guint         *next)
{
  guint head = i + 1;
  BodyKind kind = BODY_NONE;
  gboolean armed = FALSE;
  const DmRMention *antecedent;

  /* not "that": "recommends that every country" */
  if (!(word_is (r, i, "the") || word_is (r, i, "this")))
    return FALSE;
  for (; head < s->end && head <= i + 3; head++)
    {
      if (!is_word (r, head) || tok (r, head)->capitalized ||
          (dm_lexicon_name_part (r->lexicon, r->lower[head]) & DM_PART_QUANTIFIER))
        return FALSE;
      kind = body_kind (r, r->lower[head]);
      if (kind != BODY_NONE)
        break;
      armed |= (dm_lexicon_name_part (r->lexicon, r->lower[head]) & DM_PART_ARMED_ADJECTIVE) != 0;
    }
  if (kind == BODY_NONE)
    return FALSE;
  /* "the group's", "the group of states": a possessive is fine, "of" names another body;
   * "the nation coalition", "the government forces": the noun only modifies another */
  if (head + 1 < s->end && is_cap (r, head + 1))
    return FALSE;
  if (head + 1 < s->end && is_word (r, head + 1) && !tok (r, head + 1)->capitalized &&
      (word_is (r, head + 1, "of") || body_kind (r, r->lower[head + 1]) != BODY_NONE ||
       (dm_lexicon_name_part (r->lexicon, r->lower[head + 1]) &
        (DM_PART_COLLECTIVE | DM_PART_SECTOR | DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) ||
       word_is (r, head + 1, "coalition") || word_is (r, head + 1, "leader") || word_is (r, head + 1, "leaders") ||
       word_is (r, head + 1, "official") || word_is (r, head + 1, "spokesman") || word_is (r, head + 1, "spokeswoman")))
    return FALSE;
  if (kind == BODY_GROUP && armed)
    kind = BODY_ARMED_GROUP;
  antecedent = last_body (r, s, kind);
  if (antecedent == NULL)
    return FALSE;
  dm_recognizer_add_mention (r, s, i + 1, head, DM_RMENTION_DEFINITE, antecedent->type, antecedent->actor,
                             NULL, antecedent->affiliation);
  *next = head + 1;
  return TRUE;
}

gboolean
dm_recognizer_is_speech_verb (const char *word)
{
  static const char * const verbs[] = {
    "said", "says", "say", "announced", "stated", "added", "warned", "declared", "insisted",
    "argued", "claimed", "indicated", "confirmed", "acknowledged", "explained", "noted",
  };

  for (guint k = 0; k < G_N_ELEMENTS (verbs); k++)
    if (strcmp (word, verbs[k]) == 0)
      return TRUE;
  return FALSE;
}

/* The first actor named in the sentence so far: the subject of "X said it would …". */
static const DmRMention *
sentence_subject (DmRecognition *r,
                  Scan          *s)
{
  const DmRMention *first = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (!m->nested && !m->modifier)
        first = m;
    }
  return first;
}

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

  /* "I'm", "I’ve": the lexicon spells the pronoun "I" */
  if (r->words[i][0] == 'I' && word_is (r, i, "i"))
    part |= dm_lexicon_name_part (r->lexicon, "I");

  /* "Hungary has said it will support …": it/they after a verb of saying is its subject */
  if ((word_is (r, i, "it") || word_is (r, i, "they")) && i > s->first &&
      (dm_recognizer_is_speech_verb (r->lower[i - 1]) ||
       (word_is (r, i - 1, "that") && i - 1 > s->first && dm_recognizer_is_speech_verb (r->lower[i - 2]))))
    {
      const DmRMention *subject = sentence_subject (r, s);

      /* "Eastman says it is crucial": a person is "he" or "she", never "it" */
      if (subject == NULL || subject->type == DM_ACTOR_PERSON || subject->type == DM_ACTOR_OFFICIAL)
        return FALSE;
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, subject->type, subject->actor, subject->role,
                   subject->affiliation);
      *next = i + 1;
      return TRUE;
    }

  /* "The Iraqi minister said he agreed": he/she after a verb of saying is its subject, when a
   * person of that gender (or of none known) */
  if ((word_is (r, i, "he") || word_is (r, i, "she")) && i > s->first &&
      (dm_recognizer_is_speech_verb (r->lower[i - 1]) ||
       (word_is (r, i - 1, "that") && i - 1 > s->first && dm_recognizer_is_speech_verb (r->lower[i - 2]))))
    {
      const DmRMention *subject = sentence_subject (r, s);
      char gender = word_is (r, i, "he") ? 'm' : 'f';
      char known = subject != NULL ? actor_gender (r, subject->actor) : 0;

      if (subject != NULL && (subject->type == DM_ACTOR_PERSON || subject->type == DM_ACTOR_OFFICIAL) &&
          (known == 0 || known == gender))
        {
          dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, subject->type, subject->actor, subject->role,
                                     subject->affiliation);
          *next = i + 1;
          return TRUE;
        }
    }

  if (dm_recognizer_try_they (r, s, i, next))
    return TRUE;

  /* "I welcome …" in a quoted statement: the person quoted */
  if ((part & DM_PART_PRONOUN_SELF) && !word_is (r, i, "my") &&
      ((r->words[i][0] == 'I' && word_is (r, i, "i")) || !tok (r, i)->capitalized))
    part |= DM_PART_PRONOUN_PERSON;

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
      g_autofree char *compound = g_strdup_printf ("%s-%s", r->lower[i], r->lower[i + 1]);

      if (dm_lexicon_name_part (r->lexicon, compound) & DM_PART_SECTOR)
        {
          dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_GROUP, DM_ACTOR_GROUP, compound, NULL, NULL);
          *next = i + 2;
          return TRUE;
        }
    }

  if (part & DM_PART_PRONOUN_PERSON)
    {
      /* "I" in a statement is its speaker, introduced once at the top ("X said:") */
      char gender = word_is (r, i, "he") || word_is (r, i, "him") || word_is (r, i, "his") ? 'm' :
                    word_is (r, i, "she") || word_is (r, i, "her") || word_is (r, i, "hers") ? 'f' : 0;
      const char *actor = possessor_as_object (r, s, i, gender);

      if (actor == NULL)
        actor = speaker_as_object (r, s, i, gender);
      if (actor == NULL)
        actor = last_person (r, s, (part & DM_PART_PRONOUN_SELF) ? G_MAXUINT / 2 : PRONOUN_SENTENCES,
                             (part & DM_PART_PRONOUN_SELF) ? 0 : gender);
      ActorInfo *info;

      /* "her" before a noun is a possessive ("her government"): not a mention; before a
       * grammar word it is an object ("imprisoned her for years", "told her that") */
      if (actor == NULL || (word_is (r, i, "her") && i + 1 < s->end && is_word (r, i + 1) &&
                            !tok (r, i + 1)->capitalized && !dm_recognizer_is_phrase_closer (r->lower[i + 1])))
        return FALSE;
      info = g_hash_table_lookup (r->actors, actor);
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
      *next = i + 1;
      return TRUE;
    }

  /* "Respect, the party backed by X": an apposition describes the unknown name before it */
  if (dm_recognizer_describes_unknown_name (r, s, i))
    return FALSE;
  if (try_definite_body (r, s, i, next) || dm_recognizer_try_nominal (r, s, i, next))
    return TRUE;

  /* "the Church" after "the Church of Scientology": a capitalised head word alone is the
   * organisation named before whose name holds it, not a new one */
  if (word_is (r, i, "the") && i + 1 < s->end && is_cap (r, i + 1) && !tok (r, i + 1)->all_caps &&
      !(i + 2 < s->end && (is_cap (r, i + 2) || (dm_lexicon_name_part (r->lexicon, r->lower[i + 2]) & DM_PART_CONNECTOR))) &&
      (dm_lexicon_name_part (r->lexicon, r->words[i + 1]) & DM_PART_ORG_HEAD) &&
      dm_lexicon_lookup_entity (r->lexicon, r->words[i + 1]) == NULL)
    {
      g_autofree char *noun = g_utf8_strdown (r->words[i + 1], -1);
      const char *actor = last_organization (r, noun);

      if (actor == NULL || g_ascii_strcasecmp (actor, r->words[i + 1]) == 0)
        return FALSE;
      dm_recognizer_add_mention (r, s, i + 1, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, actor, NULL,
                                 ((ActorInfo *) g_hash_table_lookup (r->actors, actor))->affiliation);
      *next = i + 2;
      return TRUE;
    }

  if (word_is (r, i, "the") && i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized)
    {
      const char *noun = r->lower[i + 1];
      const char *actor = NULL;

      /* "the government of Iraq" is that country's (try_body_of_country); "the group" and
       * "the regime" that try_definite_body could not place stay unresolved */
      if ((i + 2 < s->end && word_is (r, i + 2, "of")) || body_kind (r, noun) != BODY_NONE)
        return FALSE;
      if ((dm_lexicon_name_part (r->lexicon, r->words[i + 1]) & DM_PART_ORG_HEAD) == 0 &&
          strcmp (noun, "alliance") != 0 && strcmp (noun, "bloc") != 0 &&
          strcmp (noun, "organisation") != 0 && strcmp (noun, "organization") != 0)
        {
          /* org head words are listed capitalised: try that form too */
          g_autofree char *title_case = g_strdup (r->words[i + 1]);

          title_case[0] = g_ascii_toupper (title_case[0]);
          if ((dm_lexicon_name_part (r->lexicon, title_case) & DM_PART_ORG_HEAD) == 0)
            return FALSE;
        }
      /* "the alliance's", "the coalition": only when followed by a verb-like or
       * punctuation context, not "the council meeting"? keep it simple: accept */
      actor = last_organization (r, noun);
      if (actor == NULL)
        {
          /* "the coalition" before any coalition was named: the one the lexicon knows */
          g_autofree char *title_case = g_strdup (r->words[i + 1]);
          const DmLexEntity *e;

          title_case[0] = g_ascii_toupper (title_case[0]);
          e = dm_lexicon_lookup_entity (r->lexicon, title_case);
          if (e == NULL || e->kind != DM_LEX_ORG)
            return FALSE;
          actor = dm_recognizer_intern (r, e->canonical);
          dm_recognizer_note_actor (r, actor, e->type, NULL, e->affiliation, i + 1)->org_kind = e->org_kind;
        }
      dm_recognizer_add_mention (r, s, i + 1, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, actor, NULL,
                   ((ActorInfo *) g_hash_table_lookup (r->actors, actor))->affiliation);
      *next = i + 2;
      return TRUE;
    }
  return FALSE;
}

/* Per token: the first token of the quotation it is inside (“…”, "…", «…»), or -1.
 * Quotations end at a paragraph break even when the closing mark is missing. */
static int *
find_quotations (DmRecognition *r)
{
  guint n = r->doc->tokens->len;
  int *open_at = g_new (int, n + 1);
  int open = -1;

  for (guint i = 0; i < n; i++)
    {
      const char *w = r->words[i];

      if (open >= 0 && i > 0 && newline_between (r, i - 1, i) &&
          memmem (r->doc->text + tok (r, i - 1)->end, tok (r, i)->start - tok (r, i - 1)->end, "\n\n", 2) != NULL)
        open = -1;
      if (strcmp (w, "“") == 0 || strcmp (w, "«") == 0 || (strcmp (w, "\"") == 0 && open < 0))
        {
          open_at[i] = -1;
          open = (int) i;
          continue;
        }
      if (strcmp (w, "”") == 0 || strcmp (w, "»") == 0 || strcmp (w, "\"") == 0)
        {
          open_at[i] = -1;
          open = -1;
          continue;
        }
      open_at[i] = open;
    }
  open_at[n] = -1;
  return open_at;
}

/* Who speaks the quotation that opens at token @open: the first person or organisation
 * named outside it in the sentences it touches ("…,” said Karim Ahmad), else the subject
 * before the colon that opens it ("Ahmad said: “…”"). */
static const DmRMention *
quotation_speaker_here (DmRecognition *r,
                        const int     *open_at,
                        guint          open,
                        gboolean       person_only)
{
  guint close = open;
  guint first_sentence = tok (r, open)->sentence;
  guint last_sentence;

  while (close + 1 < r->doc->tokens->len && open_at[close + 1] == (int) open)
    close++;
  last_sentence = tok (r, MIN (close + 1, r->doc->tokens->len - 1))->sentence;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->sentence < first_sentence || m->sentence > last_sentence)
        continue;
      if (m->nested || m->modifier || open_at[m->first] >= 0)
        continue;
      /* "…,” he said": a pronoun resolved to a person speaks when it is the attribution's */
      if (m->kind == DM_RMENTION_PRONOUN &&
          !(m->first + 1 < r->doc->tokens->len && dm_recognizer_is_speech_verb (r->lower[m->first + 1])) &&
          !(m->first > 0 && dm_recognizer_is_speech_verb (r->lower[m->first - 1])))
        continue;
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL ||
          (!person_only && m->type == DM_ACTOR_ORGANIZATION))
        return m;
    }
  if (first_sentence > 0 && open > 0 && strcmp (r->words[open - 1], ":") == 0)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, first_sentence));
      const DmRMention *subject = index > 0 ? dm_recognition_mention (r, index - 1) : NULL;

      if (subject != NULL && subject->first < open &&
          (subject->type == DM_ACTOR_PERSON || subject->type == DM_ACTOR_OFFICIAL ||
           (!person_only && subject->type == DM_ACTOR_ORGANIZATION)))
        return subject;
    }
  return NULL;
}

/* "Malaysia's Prime Minister, Najib Razak, said": the country or organisation whose
 * official the speaker is, when the title before the name said it with a possessive. */
static const char *
title_possessor (DmRecognition    *r,
                 const DmRMention *speaker)
{
  guint j = speaker->first;

  /* back over the title and its comma to the "'s" */
  while (j > 0 && j + 6 > speaker->first && !is_possessive (r, j - 1) &&
         (is_cap (r, j - 1) || strcmp (r->words[j - 1], ",") == 0))
    j--;
  if (j < 2 || !is_possessive (r, j - 1) || j == speaker->first)
    return NULL;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->last + 2 == j && m->possessive && !m->nested &&
          (m->type == DM_ACTOR_COUNTRY || m->type == DM_ACTOR_ORGANIZATION))
        return m->actor;
    }
  return NULL;
}

/* The speaker of the quotation that opens at @open; a quotation with no attribution of its
 * own that goes on from one in the same paragraph, past its attribution alone ("“We will
 * respond,” said Jane Roe. “We are ready.”"), is the same speaker's. */
static const DmRMention *
quotation_speaker (DmRecognition *r,
                   const int     *open_at,
                   guint          open,
                   gboolean       person_only)
{
  const DmRMention *speaker = quotation_speaker_here (r, open_at, open, person_only);

  if (speaker != NULL || open == 0)
    return speaker;
  for (guint j = open; j > 0 && j + 24 > open; j--)
    {
      const char *gap = r->doc->text + tok (r, j - 1)->end;

      if (memmem (gap, tok (r, j)->start - tok (r, j - 1)->end, "\n\n", 2) != NULL)
        return NULL;
      if (open_at[j - 1] >= 0)
        {
          /* a person whose side we were not told says "we" for a unit or a coalition the
           * running text may name better: only "I", or a known side, carries over */
          speaker = quotation_speaker_here (r, open_at, (guint) open_at[j - 1], person_only);
          if (speaker != NULL && !person_only && speaker->type != DM_ACTOR_ORGANIZATION &&
              speaker->affiliation == NULL && title_possessor (r, speaker) == NULL)
            return NULL;
          return speaker;
        }
    }
  return NULL;
}

/* The parts of name-parts.tsv a noun after a quoted "our" may have to name the speaker's
 * side: "our government", "our troops", "our country", "our organisation" */
#define OUR_BODY_PARTS (DM_PART_GOVERNMENT_NOUN | DM_PART_ARMED_BODY | DM_PART_COUNTRY_NOUN | \
                        DM_PART_ORG_CLASS | DM_PART_GROUP_NOUN)

/* What "our government", "our troops", "our country" of a speaker for @country name (NULL:
 * "our organisation" of a government names no one we can tell); sets *@type. */
static const char *
our_body_of_country (DmRecognition *r,
                     guint          noun,
                     const char    *country,
                     DmActorType   *type)
{
  guint part = dm_lexicon_name_part (r->lexicon, r->lower[noun]);

  *type = DM_ACTOR_ORGANIZATION;
  if (part & DM_PART_GOVERNMENT_NOUN)
    return dm_recognizer_government_of (r, country);
  if (part & DM_PART_ARMED_BODY)
    return dm_recognizer_armed_forces_of (r, country);
  if (part & DM_PART_COUNTRY_NOUN)
    {
      *type = DM_ACTOR_COUNTRY;
      return country;
    }
  return NULL;
}

/* "we" in a quotation that no organisation before it could claim: a mention to resolve */
/* (and "our government", "our troops": the speaker's side, resolved the same way) */
static void
add_quoted_we (DmRecognition *r,
               const int     *open_at)
{
  guint n = r->doc->tokens->len;
  g_autofree gboolean *covered = g_new0 (gboolean, n + 1);
  guint n_mentions = r->mentions->len;

  for (guint k = 0; k < n_mentions; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      for (guint i = m->first; i <= m->last && i < n; i++)
        covered[i] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    if (open_at[i] >= 0 && !covered[i] && (word_is (r, i, "we") || word_is (r, i, "us")) && !tok (r, i)->all_caps)
      {
        DmRMention m = { 0 };

        m.first = m.last = i;
        m.sentence = tok (r, i)->sentence;
        m.kind = DM_RMENTION_PRONOUN;
        m.type = DM_ACTOR_GROUP;
        m.actor = NULL;   /* set by resolve_quoted_pronouns, or dropped */
        g_array_append_val (r->mentions, m);
      }
    else if (open_at[i] >= 0 && !covered[i] && word_is (r, i, "our") && i + 1 < n && !covered[i + 1] &&
             open_at[i + 1] >= 0 && is_word (r, i + 1) && !tok (r, i + 1)->capitalized &&
             (dm_lexicon_name_part (r->lexicon, r->lower[i + 1]) & OUR_BODY_PARTS))
      {
        DmRMention m = { 0 };

        m.first = i;
        m.last = i + 1;
        m.sentence = tok (r, i)->sentence;
        m.kind = DM_RMENTION_PRONOUN;
        m.type = DM_ACTOR_GROUP;
        m.actor = NULL;
        g_array_append_val (r->mentions, m);
      }
}

/* "I" and "we" inside a quotation are its speaker (for "we", the speaker's organisation or
 * country when known); without a speaker they keep the reading of the running text. */
void
dm_recognizer_resolve_quotations (DmRecognition *r)
{
  g_autofree int *open_at = find_quotations (r);

  add_quoted_we (r, open_at);
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      gboolean self = word_is (r, m->first, "i") || word_is (r, m->first, "me");
      gboolean our = word_is (r, m->first, "our") && m->last == m->first + 1;
      gboolean we = word_is (r, m->first, "we") || word_is (r, m->first, "us") || our;
      const DmRMention *speaker;
      const char *actor;
      ActorInfo *info;

      if (m->kind != DM_RMENTION_PRONOUN || open_at[m->first] < 0 || !(self || we))
        continue;
      speaker = quotation_speaker (r, open_at, (guint) open_at[m->first], self);
      if (speaker == NULL)
        continue;
      /* "The Guardian cited questions such as: 'Were we …'": an outlet quotes others' words */
      info = g_hash_table_lookup (r->actors, speaker->actor);
      if (info != NULL && g_strcmp0 (info->org_kind, "media") == 0)
        {
          if (m->actor == NULL || we)
            m->actor = NULL;
          continue;
        }
      actor = speaker->actor;
      if (we && (speaker->type == DM_ACTOR_PERSON || speaker->type == DM_ACTOR_OFFICIAL) && speaker->affiliation != NULL)
        actor = speaker->affiliation;
      else if (we && speaker->type == DM_ACTOR_OFFICIAL && title_possessor (r, speaker) != NULL)
        actor = title_possessor (r, speaker);
      /* "“We were able to …,” said Staff Sgt. Connelly": a person's "we" is a unit, crew or
       * party we were not told; not the person alone */
      else if (we && (speaker->type == DM_ACTOR_PERSON || speaker->type == DM_ACTOR_OFFICIAL))
        {
          m->actor = NULL;
          continue;
        }
      info = g_hash_table_lookup (r->actors, actor);
      if (info == NULL)
        {
          const DmLexEntity *country = dm_lexicon_lookup_country (r->lexicon, actor);

          if (country == NULL)
            continue;
          info = dm_recognizer_note_actor (r, dm_recognizer_intern (r, actor), country->type, NULL, NULL, m->first);
        }
      if (our && info->type == DM_ACTOR_COUNTRY)
        {
          /* "our troops" of a minister for Malaysia: Malaysia's armed forces */
          DmActorType type;

          m->actor = our_body_of_country (r, m->last, actor, &type);
          m->type = type;
          m->role = NULL;
          m->affiliation = type == DM_ACTOR_COUNTRY ? NULL : actor;
          if (m->actor != NULL && type != DM_ACTOR_COUNTRY)
            dm_recognizer_note_actor (r, m->actor, type, NULL, actor, m->first);
          continue;
        }
      /* "our organisation" of Oxfam's director is Oxfam; "our government" is not */
      if (our && (info->type != DM_ACTOR_ORGANIZATION ||
                  !(dm_lexicon_name_part (r->lexicon, r->lower[m->last]) & (DM_PART_ORG_CLASS | DM_PART_GROUP_NOUN))))
        {
          m->actor = NULL;
          continue;
        }
      if (we && info->type == DM_ACTOR_COUNTRY)
        {
          /* "we" of a country's spokesman is its government (see speaker_mention) */
          m->affiliation = actor;
          m->actor = dm_recognizer_government_of (r, actor);
          m->type = DM_ACTOR_ORGANIZATION;
          m->role = NULL;
          dm_recognizer_note_actor (r, m->actor, DM_ACTOR_ORGANIZATION, NULL, actor, m->first);
          continue;
        }
      m->actor = actor;
      m->type = info->type;
      m->role = info->role;
      m->affiliation = info->affiliation;
    }
  /* quoted "we" with no speaker found names no one */
  for (guint k = r->mentions->len; k > 0; k--)
    if (g_array_index (r->mentions, DmRMention, k - 1).actor == NULL)
      g_array_remove_index (r->mentions, k - 1);
}
