/* dm-recognizer-quotes.c — who speaks: "we" of an organisation, "I" and "we" in a quotation
 *
 * "We" in the running text is the organisation or country that speaks; "I" and "we" inside
 * a quotation are its speaker (for "we", the speaker's organisation or country when known),
 * and "our government", "our troops" in it are the speaker's side.
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

/* Is the quotation that opens at @open attributed in the sentences it touches — a verb
 * of saying or writing outside it ("…,” he said", "a poster wrote: “…”")? */
static gboolean
has_attribution (DmRecognition *r,
                 const int     *open_at,
                 guint          open)
{
  static const char * const writing[] = {
    "wrote", "writes", "writing", "tweeted", "replied", "told", "saying",
  };
  guint n = r->doc->tokens->len;
  guint close = open;
  guint first_sentence = tok (r, open)->sentence;
  guint last_sentence;

  while (close + 1 < n && open_at[close + 1] == (int) open)
    close++;
  last_sentence = tok (r, MIN (close + 1, n - 1))->sentence;
  for (guint k = dm_text_doc_sentence (r->doc, first_sentence)->first_token; k < n; k++)
    {
      if (tok (r, k)->sentence > last_sentence)
        break;
      if (open_at[k] >= 0 || (k >= open && k <= close))
        continue;
      if (dm_recognizer_is_speech_verb (r->lower[k]))
        return TRUE;
      for (guint w = 0; w < G_N_ELEMENTS (writing); w++)
        if (word_is (r, k, writing[w]))
          return TRUE;
    }
  return FALSE;
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
      /* "“We tried,” he said" with "he" unresolved, "a poster wrote “I have …”": someone
       * we cannot name speaks; the running text's reading is not theirs */
      if (speaker == NULL && has_attribution (r, open_at, (guint) open_at[m->first]))
        {
          m->actor = NULL;
          continue;
        }
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
