/* dm-recognizer-pronouns.c — who "he", "she", "his", "I" and "it" are in the running text
 *
 * Pronouns resolve to the subject of a recent sentence or the person last named, only when
 * number and gender agree (gender from given-names.tsv) and only when one person could be
 * meant; "it" or "he" right after a verb of saying is that sentence's subject. Whom "his"
 * and "her" stand for is decided here too (dm_recognizer_possessive_owner); what they make
 * a mention of is dm-recognizer-possessives.c.
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

/* The first actor named in the sentence so far: the subject of "X said it would …". An
 * owner before it ("Brazil's President Lula … said he") only says whose the subject is. */
static const DmRMention *
sentence_subject (DmRecognition *r,
                  Scan          *s)
{
  const DmRMention *first = NULL, *first_owned = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (!m->nested && !m->modifier)
        first = m;
      if (!m->nested && !m->modifier && !m->possessive)
        first_owned = m;
    }
  return first != NULL && first->possessive && first_owned != NULL ? first_owned : first;
}

/* "Lula welcomed the verdict. He did not mention …", "Lidia Thorpe was censured after she
 * heckled …": a person whose gender no name tells (a given name the lexicon lacks) who is
 * the subject of this sentence or of the one a pronoun would look back to; named after the
 * last person known to agree with the pronoun, and after anyone else of unknown gender, that
 * topic is the one meant (last_person()).
 * NULL when the subject's gender is known or it is no person. */
static const char *
unknown_gender_topic (DmRecognition *r,
                      Scan          *s,
                      const char    *subject_person)
{
  const DmRMention *here = sentence_subject (r, s);

  if (here != NULL && is_antecedent (r, here) && here->actor != NULL)
    return actor_gender (r, here->actor) == 0 ? here->actor : NULL;
  if (subject_person != NULL && actor_gender (r, subject_person) == 0)
    return subject_person;
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
  const char *topic = unknown_gender_topic (r, s, subject_person);
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
      /* the topic named after the last person known to agree, and no other person whose
       * gender is unknown named after it */
      if (topic != NULL && matching == NULL && strcmp (m->actor, topic) == 0 &&
          (unknown == NULL || strcmp (unknown, topic) == 0))
        return topic;
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

/* The actor named right before the verb of saying at @v: "…, but Baku said it would not":
 * the speaker of that verb, where the sentence's first actor may be another's. NULL when no
 * actor stands there. */
static const DmRMention *
speaker_before (DmRecognition *r,
                Scan          *s,
                guint          v)
{
  static const char * const between[] = {
    "has", "have", "had", "also", "later", "then", "again", "repeatedly", NULL,
  };
  guint k = v;

  while (k > s->first && g_strv_contains (between, r->lower[k - 1]))
    k--;
  if (k == s->first)
    return NULL;
  for (guint j = r->mentions->len; j > 0; j--)
    {
      const DmRMention *m = dm_recognition_mention (r, j - 1);

      if (m->sentence != s->sentence)
        break;
      if (!m->nested && !m->modifier && m->last == k - 1)
        return m;
    }
  return NULL;
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
      guint v = dm_recognizer_is_speech_verb (r->lower[i - 1]) ? i - 1 : i - 2;
      const DmRMention *subject = speaker_before (r, s, v);

      if (subject == NULL)
        subject = sentence_subject (r, s);
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

/* Does a verb of the lexicon in a finite form follow the subject at @i, past auxiliaries
 * and adverbs ("It accused", "It has also urged")? A copula or "seems" does not: "It is
 * clear that", "It was not known". */
gboolean
dm_recognizer_acts_next (DmRecognition *r,
                         Scan          *s,
                         guint          i)
{
  static const char * const between[] = {
    "also", "then", "later", "since", "previously", "already", "again", "has", "had", "will",
    "would", "did", "does", "repeatedly", "recently", "immediately", "publicly", "formally",
  };
  static const char * const copulas[] = {
    "is", "was", "are", "were", "be", "been", "being", "'s", "\xe2\x80\x99s", "seems", "seemed",
    "appears", "appeared", "remains", "remained", "becomes", "became", "takes", "took", "makes",
    "made", "means", "meant",
  };

  for (guint k = i + 1; k < s->end && k <= i + 3; k++)
    {
      GPtrArray *forms;
      gboolean skip = FALSE;

      if (!is_word (r, k))
        return FALSE;
      for (guint b = 0; b < G_N_ELEMENTS (between) && !skip; b++)
        skip = word_is (r, k, between[b]);
      if (skip)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (copulas); c++)
        if (word_is (r, k, copulas[c]))
          return FALSE;
      forms = dm_lexicon_lookup_verb (r->lexicon, r->lower[k]);
      for (guint f = 0; forms != NULL && f < forms->len; f++)
        {
          DmVerbForm form = ((const DmLexVerbForm *) g_ptr_array_index (forms, f))->form;

          if (form == DM_VERB_FORM_THIRD || form == DM_VERB_FORM_PAST ||
              (form == DM_VERB_FORM_BASE && k > i + 1) || (form == DM_VERB_FORM_PARTICIPLE && k > i + 1))
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* "Amnesty International published a report on Monday. It accused Egypt of …": "it" opening
 * a sentence, as the subject of an act, goes on about the state or organisation that opened
 * the sentence before, when that is the only one named since (not "The rebels attacked
 * Israel. It responded …", where the one acted on could be meant as well). */
DmRefOutcome
dm_recognizer_try_it (DmRecognition *r,
                      Scan          *s,
                      guint          i,
                      guint         *next)
{
  const DmRMention *opener = NULL;
  const DmSentence *before;
  Scan previous;
  guint index;
  ActorInfo *info;

  if (!word_is (r, i, "it") || s->sentence == 0 || i != dm_recognizer_main_clause_start (r, s) ||
      !dm_recognizer_acts_next (r, s, i))
    return DM_REF_UNDECIDED;
  index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, s->sentence - 1));
  if (index == 0)
    return DM_REF_NOBODY;
  opener = dm_recognition_mention (r, index - 1);
  before = dm_text_doc_sentence (r->doc, s->sentence - 1);
  previous = (Scan) { r, s->sentence - 1, before->first_token, before->first_token + before->n_tokens };
  /* the subject: the first words of the clause, past "the" */
  if (opener->actor == NULL || opener->nested || opener->modifier || opener->possessive ||
      (opener->type != DM_ACTOR_ORGANIZATION && opener->type != DM_ACTOR_COUNTRY) ||
      !(opener->first == dm_recognizer_main_clause_start (r, &previous) ||
        (opener->first == dm_recognizer_main_clause_start (r, &previous) + 1 &&
         word_is (r, opener->first - 1, "the"))))
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, opener->actor);
  if (info == NULL || g_strcmp0 (info->org_kind, "media") == 0)
    return DM_REF_NOBODY;
  /* no other state, body or group named since */
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence + 1 < s->sentence)
        break;
      if (m->nested || m->modifier || m->actor == NULL ||
          m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        continue;
      if (strcmp (m->actor, opener->actor) != 0)
        return DM_REF_NOBODY;
    }
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, opener->type, opener->actor, opener->role,
                             opener->affiliation);
  *next = i + 1;
  return DM_REF_MENTION;
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
   * grammar word it is an object ("imprisoned her for years", "told her that", "accusing
   * her of") */
  if (actor == NULL || (word_is (r, i, "her") && i + 1 < s->end && is_word (r, i + 1) &&
                        !tok (r, i + 1)->capitalized && !dm_recognizer_is_phrase_closer (r->lower[i + 1]) &&
                        !word_is (r, i + 1, "of")))
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, actor);
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
  *next = i + 1;
  return DM_REF_MENTION;
}

/* The person "his" or "her" at @i stands for: the one person of its gender (or of none
 * known) the sentence names before it; of several, the one the sentence before was about
 * ("Brin met Mohamed during his visit" after a sentence about Mohamed), else nobody; with
 * none, the person a pronoun of the running text would be. */
const char *
dm_recognizer_possessive_owner (DmRecognition *r,
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
