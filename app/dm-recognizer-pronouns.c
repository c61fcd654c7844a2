/* dm-recognizer-pronouns.c — who "he", "she", "his", "I" and "it" are in the running text
 *
 * Pronouns resolve to the subject of a recent sentence or the person last named, only when
 * number and gender agree (gender from given-names.tsv) and only when one person could be
 * meant; "it" or "he" right after a verb of saying is that sentence's subject; "his" and
 * "her" before a noun that tells an act ("his visit to") are its owner, so the act has an
 * agent, when one person could be meant.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

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

/* Can mention @m be what a personal pronoun refers to: a person or an official, but not
 * one we made of another's kin ("Karim Ahmad's father"), whose pronouns stay the owner's
 * ("Her mother spoke out. She said …" was said of the owner before the kin was an actor). */
static gboolean
is_antecedent (DmRecognition    *r,
               const DmRMention *m)
{
  ActorInfo *info;

  if (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL)
    return FALSE;
  info = m->actor != NULL ? g_hash_table_lookup (r->actors, m->actor) : NULL;
  return info == NULL || !info->kin;
}

/* The person the nearest sentence before (within @window) that opened with a person was
 * about, when that person agrees with @gender ('m', 'f', or 0 for any). */
static const char *
recent_subject_person (DmRecognition *r,
                       Scan          *s,
                       guint          window,
                       char           gender)
{
  for (guint k = s->sentence; k > 0 && k + window > s->sentence; k--)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, k - 1));
      const DmRMention *subject = index > 0 ? dm_recognition_mention (r, index - 1) : NULL;
      char g;

      if (subject == NULL || !is_antecedent (r, subject))
        continue;
      g = actor_gender (r, subject->actor);
      if (gender == 0 || g == 0 || g == gender)
        return subject->actor;
    }
  return NULL;
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
  /* the subject of the nearest sentence before that has a person as its subject */
  const char *subject_person = recent_subject_person (r, s, window, gender);
  const char *matching = NULL;    /* the most recent person of the pronoun's known gender */
  const char *unknown = NULL;     /* the most recent person of unknown gender */
  const char *unknown2 = NULL;    /* another one */

  /* the people named recently */
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence + window < s->sentence)
        break;
      if (!is_antecedent (r, m))
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

/* How many people of @gender (or of none known) the sentence names before token @i: 0, 1
 * (then *@one is that person) or 2 for two or more; *@named_too says whether @also is
 * among them. */
static guint
persons_before (DmRecognition *r,
                Scan          *s,
                guint          i,
                char           gender,
                const char    *also,
                const char   **one,
                gboolean      *named_too)
{
  guint n = 0;

  *one = NULL;
  *named_too = FALSE;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence != s->sentence)
        break;
      if (m->first >= i || m->nested || m->modifier || m->actor == NULL || !is_antecedent (r, m))
        continue;
      g = actor_gender (r, m->actor);
      if (g != 0 && g != gender)
        continue;
      *named_too |= also != NULL && strcmp (also, m->actor) == 0;
      if (*one == NULL)
        {
          *one = m->actor;
          n = 1;
        }
      else if (strcmp (*one, m->actor) != 0)
        n = 2;
    }
  return n;
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
      if (m->nested || m->modifier || m->actor == NULL || !is_antecedent (r, m))
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

/* "said", "claimed": the verbs that report what someone says */
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

/* "Jane Roe, a nurse, claimed that the church imprisoned her": an object pronoun in what a
 * person of its gender says is that speaker, the sentence's subject — before the subject of
 * an earlier sentence — when no other person the sentence names could be meant. */
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

/* The first token of the main clause of sentence @s->sentence: past an opening adverbial
 * phrase and its comma ("On Monday, …", "Speaking in Brussels, …"), unless an actor's name
 * opens the sentence ("Mohamed was …" is no participle). */
guint
dm_recognizer_main_clause_start (DmRecognition *r,
                                 Scan          *s)
{
  if (s->first >= s->end || !opens_adverbial (r, s->first))
    return s->first;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (m->first == s->first && !m->nested && !m->modifier)
        return s->first;
    }
  for (guint k = s->first; k < s->end && k < s->first + 25; k++)
    if (strcmp (r->words[k], ",") == 0)
      return k + 1;
  return s->first;
}

/* The mention that opens the main clause of sentence @s->sentence. Recorded for pronouns in
 * later sentences. */
void
dm_recognizer_note_subject (DmRecognition *r,
                            Scan          *s,
                            guint          first_mention)
{
  guint subject = 0;
  guint start = dm_recognizer_main_clause_start (r, s);

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

/* "Hungary has said it will support …", "The Iraqi minister said he agreed": a pronoun
 * right after a verb of saying (or "said that") is the sentence's subject. "It" and "they"
 * there are settled either way: never a person ("Eastman says it is crucial"). */
DmRefOutcome
dm_recognizer_try_said_pronoun (DmRecognition *r,
                                Scan          *s,
                                guint          i,
                                guint         *next)
{
  if ((word_is (r, i, "it") || word_is (r, i, "they")) && i > s->first &&
      (dm_recognizer_is_speech_verb (r->lower[i - 1]) ||
       (word_is (r, i - 1, "that") && i - 1 > s->first && dm_recognizer_is_speech_verb (r->lower[i - 2]))))
    {
      const DmRMention *subject = sentence_subject (r, s);

      /* "Eastman says it is crucial": a person is "he" or "she", never "it" */
      if (subject == NULL || subject->type == DM_ACTOR_PERSON || subject->type == DM_ACTOR_OFFICIAL)
        return DM_REF_NOBODY;
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, subject->type, subject->actor, subject->role,
                                 subject->affiliation);
      *next = i + 1;
      return DM_REF_MENTION;
    }

  /* he/she: when the subject is a person of that gender (or of none known) */
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
          return DM_REF_MENTION;
        }
    }
  return DM_REF_UNDECIDED;
}

/* "he", "him", "she", "her", and "I" (in a statement: its speaker, introduced once at the
 * top, "X said:"): the one person it can be, else nobody. */
DmRefOutcome
dm_recognizer_try_person_pronoun (DmRecognition *r,
                                  Scan          *s,
                                  guint          i,
                                  guint         *next)
{
  guint part = dm_lexicon_name_part (r->lexicon, r->words[i]) | dm_lexicon_name_part (r->lexicon, r->lower[i]);
  char gender;
  const char *actor;
  ActorInfo *info;

  /* "I'm", "I’ve": the lexicon spells the pronoun "I" */
  if (r->words[i][0] == 'I' && word_is (r, i, "i"))
    part |= dm_lexicon_name_part (r->lexicon, "I");
  /* "I welcome …" in a quoted statement: the person quoted */
  if ((part & DM_PART_PRONOUN_SELF) && !word_is (r, i, "my") &&
      ((r->words[i][0] == 'I' && word_is (r, i, "i")) || !tok (r, i)->capitalized))
    part |= DM_PART_PRONOUN_PERSON;
  if (!(part & DM_PART_PRONOUN_PERSON))
    return DM_REF_UNDECIDED;

  gender = word_is (r, i, "he") || word_is (r, i, "him") || word_is (r, i, "his") ? 'm' :
           word_is (r, i, "she") || word_is (r, i, "her") || word_is (r, i, "hers") ? 'f' : 0;
  actor = possessor_as_object (r, s, i, gender);
  if (actor == NULL)
    actor = speaker_as_object (r, s, i, gender);
  /* "Ahmad met Brown, and he thanked him": two people of its gender named in the sentence
   * before it, and no syntax that tells which — unresolved, unless one of them is the one
   * the sentence before was about */
  if (actor == NULL && gender != 0)
    {
      const char *topic = recent_subject_person (r, s, PRONOUN_SENTENCES, gender);
      const char *one;
      gboolean topic_named;

      if (persons_before (r, s, i, gender, topic, &one, &topic_named) > 1 && !topic_named)
        return DM_REF_NOBODY;
    }
  if (actor == NULL)
    actor = last_person (r, s, (part & DM_PART_PRONOUN_SELF) ? G_MAXUINT / 2 : PRONOUN_SENTENCES,
                         (part & DM_PART_PRONOUN_SELF) ? 0 : gender);

  /* "her" before a noun is a possessive ("her government"): not a mention; before a
   * grammar word it is an object ("imprisoned her for years", "told her that") */
  if (actor == NULL || (word_is (r, i, "her") && i + 1 < s->end && is_word (r, i + 1) &&
                        !tok (r, i + 1)->capitalized && !dm_recognizer_is_phrase_closer (r->lower[i + 1])))
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, actor);
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
  *next = i + 1;
  return DM_REF_MENTION;
}

/* Does a phrase that tells an act follow the possessive at @i, up to two modifiers before
 * its noun ("his visit to", "her strong support for", "their criticism of")? Only there
 * does the owner take part in a relation; "his brother", "her government", "his concern in
 * a statement" name someone or something else. */
gboolean
dm_recognizer_owns_relation_noun (DmRecognition *r,
                                  Scan          *s,
                                  guint          i)
{
  for (guint k = i + 1; k < s->end && k <= i + 3; k++)
    {
      GPtrArray *forms;

      if (!is_word (r, k) || tok (r, k)->capitalized || dm_recognizer_is_phrase_closer (r->lower[k]))
        return FALSE;
      forms = dm_lexicon_lookup_verb (r->lexicon, r->lower[k]);
      for (guint f = 0; forms != NULL && f < forms->len; f++)
        {
          const DmLexVerbForm *form = g_ptr_array_index (forms, f);
          guint w = 1;

          if (form->form != DM_VERB_FORM_NOUN)
            continue;
          while (w < form->verb->n_words && k + w < s->end && word_is (r, k + w, form->verb->words[w]))
            w++;
          if (w == form->verb->n_words)
            return TRUE;
        }
    }
  return FALSE;
}

/* The person "his" or "her" at @i stands for: the one person of its gender (or of none
 * known) the sentence names before it; of several, the one the sentence before was about
 * ("Brin met Mohamed during his visit" after a sentence about Mohamed), else nobody; with
 * none, the person a pronoun of the running text would be. */
static const char *
possessive_owner (DmRecognition *r,
                  Scan          *s,
                  guint          i,
                  char           gender)
{
  const char *topic = recent_subject_person (r, s, PRONOUN_SENTENCES, gender);
  const char *one;
  gboolean topic_named;

  switch (persons_before (r, s, i, gender, topic, &one, &topic_named))
    {
    case 0:
      return last_person (r, s, PRONOUN_SENTENCES, gender);
    case 1:
      return one;
    default:
      return topic_named ? topic : NULL;
    }
}

/* The actor named first in the main clause of the sentence, when it opens that clause (its
 * subject, "Ahmad reneged on …", "President Levy Mwanawasa has …"), or NULL ("Crowds
 * cheered Ahmad …": no actor opens it). */
static const DmRMention *
main_subject (DmRecognition *r,
              Scan          *s)
{
  guint start = dm_recognizer_main_clause_start (r, s);
  const DmRMention *first = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence || m->first < start)
        break;
      if (!m->nested && !m->modifier && m->actor != NULL)
        first = m;
    }
  if (first == NULL)
    return NULL;
  /* only a title or a determiner before it: "President Levy Mwanawasa", "the Oxfam director" */
  for (guint k = start; k < first->first; k++)
    if (!is_cap (r, k) && !word_is (r, k, "the") && !word_is (r, k, "a") && !word_is (r, k, "an") &&
        !word_is (r, k, "former"))
      return NULL;
  return first;
}

/* The organisation @owner was named as belonging to: the affiliation we know, else the one
 * named right after a mention of @owner in the sentences before ("Jane Roe of the Green
 * Party", "Omar Haddad from Oxfam"), or NULL. */
static const char *
owners_organization (DmRecognition *r,
                     Scan          *s,
                     const char    *owner)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, owner);
  guint n = r->doc->tokens->len;

  if (info != NULL && info->affiliation != NULL)
    {
      ActorInfo *body = g_hash_table_lookup (r->actors, info->affiliation);

      if (body != NULL && body->type == DM_ACTOR_ORGANIZATION)
        return info->affiliation;
    }
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      guint j = m->last + 1;

      if (m->sentence + PRONOUN_SENTENCES < s->sentence)
        break;
      if (m->nested || m->actor == NULL || strcmp (m->actor, owner) != 0 || m->kind != DM_RMENTION_NAME)
        continue;
      if (j >= n || !(word_is (r, j, "of") || word_is (r, j, "from")))
        continue;
      j++;
      if (j < n && word_is (r, j, "the"))
        j++;
      for (guint o = k; o < r->mentions->len; o++)
        {
          const DmRMention *body = dm_recognition_mention (r, o);

          if (body->first > j)
            break;
          if (body->first == j && !body->nested && body->type == DM_ACTOR_ORGANIZATION)
            return body->actor;
        }
    }
  return NULL;
}

/* "his party", "her organisation": the organisation its owner belongs to, as a mention, so
 * that "resigned from his post in his party" has what he left. */
static DmRefOutcome
try_owners_organization (DmRecognition *r,
                         Scan          *s,
                         guint          i,
                         char           gender,
                         guint         *next)
{
  const char *owner;
  const char *body;
  ActorInfo *info;

  if (i + 1 >= s->end || !(word_is (r, i + 1, "party") || word_is (r, i + 1, "organisation") ||
                           word_is (r, i + 1, "organization")) ||
      (i + 2 < s->end && is_cap (r, i + 2)))
    return DM_REF_UNDECIDED;
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  owner = possessive_owner (r, s, i, gender);
  body = owner != NULL ? owners_organization (r, s, owner) : NULL;
  if (body == NULL)
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, body);
  dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, body, NULL,
                             info->affiliation);
  *next = i + 2;
  return DM_REF_MENTION;
}

/* Is person mention @m a name right after a possessive and a kin noun ("his father Omar
 * Haddad", "her sister, Maria Lopez")? Then *@poss is the possessive's token. */
static gboolean
named_as_kin (DmRecognition    *r,
              const DmRMention *m,
              guint            *poss)
{
  guint j = m->first;

  if (m->nested || m->kind != DM_RMENTION_NAME || m->actor == NULL ||
      (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL))
    return FALSE;
  if (j > 0 && strcmp (r->words[j - 1], ",") == 0)
    j--;
  if (j < 2 || !(dm_lexicon_name_part (r->lexicon, r->lower[j - 1]) & DM_PART_KIN_NOUN) ||
      !(word_is (r, j - 2, "his") || word_is (r, j - 2, "her") || word_is (r, j - 2, "their")))
    return FALSE;
  *poss = j - 2;
  return TRUE;
}

/* The person introduced as "his father Omar Haddad" before token @limit, with the same
 * possessive and kin noun as the two words at @i, when there is one such; or NULL. The
 * owner of that "his" is not checked: one "his father" named in an article is taken as the
 * one it goes on about, two leave it open. */
static const char *
kin_named (DmRecognition *r,
           guint          i,
           guint          limit)
{
  const char *found = NULL;

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      guint poss;

      if (m->first >= limit)
        break;
      if (!named_as_kin (r, m, &poss) || !word_is (r, poss, r->lower[i]) || !word_is (r, poss + 1, r->lower[i + 1]))
        continue;
      if (found != NULL && strcmp (found, m->actor) != 0)
        return NULL;
      found = m->actor;
    }
  return found;
}

/* Was @actor introduced by whose kin they are ("His father Omar Haddad said")? Then whose
 * father, son or sister is Haddad's own kin we cannot tell from the words. */
static gboolean
introduced_as_kin (DmRecognition *r,
                   const char    *actor)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      guint poss;

      if (g_strcmp0 (m->actor, actor) == 0 && named_as_kin (r, m, &poss))
        return TRUE;
    }
  return FALSE;
}

/* "Mohamed and his father will travel. His father Omar Haddad said …": a kin named after
 * the words that made an actor of its own is that person. */
void
dm_recognizer_resolve_kin (DmRecognition *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      ActorInfo *info = m->actor != NULL ? g_hash_table_lookup (r->actors, m->actor) : NULL;
      const char *kin;

      if (info == NULL || !info->kin || m->kind != DM_RMENTION_DEFINITE || m->last != m->first + 1)
        continue;
      kin = kin_named (r, m->first, G_MAXUINT);
      if (kin == NULL)
        continue;
      info = g_hash_table_lookup (r->actors, kin);
      m->actor = kin;
      m->type = info->type;
      m->role = info->role;
      m->affiliation = info->affiliation;
    }
}

/* "his father", "her sister": the person introduced before as such, else a person of their
 * own, "Karim Ahmad's father", when the owner is the one person the pronoun can be; before
 * a name ("his father Omar Haddad said") the name is the mention. */
static DmRefOutcome
try_kin (DmRecognition *r,
         Scan          *s,
         guint          i,
         char           gender,
         guint         *next)
{
  guint part;
  const char *owner;
  const char *kin;
  g_autofree char *name = NULL;
  ActorInfo *info;

  if (i + 1 >= s->end || !is_word (r, i + 1) || tok (r, i + 1)->capitalized)
    return DM_REF_UNDECIDED;
  part = dm_lexicon_name_part (r->lexicon, r->lower[i + 1]);
  if (!(part & DM_PART_KIN_NOUN))
    return DM_REF_UNDECIDED;
  if ((i + 2 < s->end && is_cap (r, i + 2)) ||
      (i + 3 < s->end && strcmp (r->words[i + 2], ",") == 0 && is_cap (r, i + 3)))
    return DM_REF_NOBODY;
  kin = kin_named (r, i, i);
  if (kin != NULL)
    {
      info = g_hash_table_lookup (r->actors, kin);
      dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, info->type, kin, info->role,
                                 info->affiliation);
      *next = i + 2;
      return DM_REF_MENTION;
    }
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  owner = possessive_owner (r, s, i, gender);
  if (owner == NULL || introduced_as_kin (r, owner))
    return DM_REF_NOBODY;
  name = g_strdup_printf ("%s's %s", owner, r->lower[i + 1]);
  dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_PERSON, name, NULL, NULL);
  info = g_hash_table_lookup (r->actors, dm_recognizer_intern (r, name));
  info->gender = (part & DM_PART_MALE_NOUN) ? 'm' : (part & DM_PART_FEMALE_NOUN) ? 'f' : 0;
  info->kin = TRUE;
  *next = i + 2;
  return DM_REF_MENTION;
}

/* "his visit to Google", "her support for the strike": a possessive pronoun before a noun
 * that tells an act is a mention of its owner, so that the act has its agent. */
DmRefOutcome
dm_recognizer_try_possessive_pronoun (DmRecognition *r,
                                      Scan          *s,
                                      guint          i,
                                      guint         *next)
{
  char gender = word_is (r, i, "his") ? 'm' : word_is (r, i, "her") ? 'f' : 0;
  DmRefOutcome outcome;
  const DmRMention *subject;
  const char *actor;
  ActorInfo *info;
  DmRMention *m;

  if (gender == 0 || tok (r, i)->all_caps)
    return DM_REF_UNDECIDED;
  if (try_owners_organization (r, s, i, gender, next) == DM_REF_MENTION)
    return DM_REF_MENTION;
  outcome = try_kin (r, s, i, gender, next);
  if (outcome != DM_REF_UNDECIDED)
    return outcome;
  if (!dm_recognizer_owns_relation_noun (r, s, i))
    return DM_REF_UNDECIDED;
  /* "Discussing his concerns about …, the minister said": in the phrase that opens the
   * sentence, the owner is the subject still to come */
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  actor = possessive_owner (r, s, i, gender);
  if (actor == NULL)
    return DM_REF_NOBODY;
  /* "Mwanawasa reneged on his commitment to the people": the owner is the subject, whom the
   * relation rules give a possessive pronoun's act already (the verb's act, not the noun's) */
  subject = main_subject (r, s);
  if (subject != NULL && strcmp (subject->actor, actor) == 0)
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, actor);
  m = dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
  m->possessive = TRUE;
  *next = i + 1;
  return DM_REF_MENTION;
}
