/* dm-recognizer-names.c — persons and organisations from the entity recognizer's names, and
 * persons by the shape of their names
 *
 * The model (dm-ner) finds names the gazetteers miss; these rules decide which of them are
 * actors: persons and organisations that look like one, never places nor what a word before
 * names ("Operation …", a ship). Family-first names ("Wong Kwok-hing") and given names
 * sharing a family name ("Thomas and Manju Sam") are persons of their own.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

/* The entity recognizer's name starting at token @i, within the sentence, or NULL. */
static const DmNerSpan *
ner_span_at (DmRecognition *r,
             Scan          *s,
             guint          i)
{
  const DmNerSpan *span;

  if (r->name_at == NULL || r->name_at[i] < 0)
    return NULL;
  span = &g_array_index (r->names, DmNerSpan, r->name_at[i]);
  return span->last < s->end ? span : NULL;
}

static gboolean
has_title (DmRecognition *r,
           Scan          *s,
           guint          first,
           guint          last,
           GString       *buf)
{
  guint dummy;

  for (guint k = first; k <= last; k++)
    if (dm_recognizer_match_title (r, s, k, &dummy, buf) != NULL)
      return TRUE;
  return FALSE;
}

/* The country a name starts with ("Syrian Computer Society"), as its affiliation. */
static const DmLexEntity *
leading_country (DmRecognition *r,
                 Scan          *s,
                 guint          first,
                 guint          last,
                 guint         *country_last,
                 GString       *buf)
{
  const DmLexEntity *e = dm_recognizer_match_entity (r, s, first, country_last, buf);

  if (e == NULL || *country_last >= last || (e->kind != DM_LEX_COUNTRY && e->kind != DM_LEX_DEMONYM))
    return NULL;
  return e;
}

/* An organisation found by its shape or by the entity recognizer: tokens [first, last], with
 * a country it starts with as a nested mention and its affiliation. */
static void
add_organization (DmRecognition *r,
                  Scan          *s,
                  guint          first,
                  guint          last,
                  GString       *buf)
{
  const char *name = dm_recognizer_name_text (r, first, last);
  guint country_last;
  const DmLexEntity *country = leading_country (r, s, first, last, &country_last, buf);

  dm_recognizer_add_mention (r, s, first, last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL,
               country ? country->canonical : NULL);
  if (country != NULL)
    dm_recognizer_add_mention (r, s, first, country_last, country->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                 country->type, country->canonical, NULL, NULL)->nested = TRUE;
  dm_recognizer_define_acronym (r, s, last, name, DM_ACTOR_ORGANIZATION, country ? country->canonical : NULL);
}

/* "Operation Inherent Resolve", "Exercise Eager Lion": is the name from @first the name of
 * the thing the capitalised word before it is? Then it is no person. */
gboolean
dm_recognizer_names_a_thing (DmRecognition *r,
                             Scan          *s,
                             guint          first)
{
  return first > s->first && is_cap (r, first - 1) && dm_lexicon_is_nonactor (r->lexicon, r->words[first - 1]) &&
         !newline_between (r, first - 1, first);
}

/* Does the model's person look like one? Two words or more ("Raqqa", "Sunnis" alone are
 * more often places and peoples), all of them words, none a common word unless it is a
 * given name ("Tabqa Dam", "Fighter Wing", "Inherent Resolve" are not people), and not
 * after "in"/"at". */
static gboolean
is_plausible_person (DmRecognition *r,
                     Scan          *s,
                     guint          first,
                     guint          last)
{
  if (dm_recognizer_is_place_context (r, s, first, last))
    return FALSE;
  if (dm_recognizer_names_a_thing (r, s, first))
    return FALSE;
  /* one word: only as the subject of a verb the lexicon knows ("Blair rejects …") */
  if (last == first &&
      (last + 1 >= s->end || (dm_lexicon_lookup_verb (r->lexicon, r->lower[last + 1]) == NULL &&
                              !dm_recognizer_is_speech_verb (r->lower[last + 1]))))
    return FALSE;
  for (guint k = first; k <= last; k++)
    {
      if (tok (r, k)->kind != DM_TOKEN_WORD && strcmp (r->words[k], ".") != 0)
        return FALSE;
      if (dm_ner_is_common_word (r->ner, r->lower[k]) && !dm_lexicon_is_given_name (r->lexicon, r->words[k]) &&
          !(dm_lexicon_name_part (r->lexicon, r->lower[k]) & DM_PART_PARTICLE))
        return FALSE;
    }
  return TRUE;
}

/* An organisation the model found: words and "&", "." and "-" only ("Hopper (DDG" is not). */
static gboolean
is_plausible_organization (DmRecognition *r,
                           guint          first,
                           guint          last)
{
  for (guint k = first; k <= last; k++)
    if (tok (r, k)->kind != DM_TOKEN_WORD && strcmp (r->words[k], "&") != 0 &&
        strcmp (r->words[k], ".") != 0 && strcmp (r->words[k], "-") != 0)
      return FALSE;
  return TRUE;
}

/* ", the spokesman", ", a Foreign Office minister": a title in apposition after token @last
 * (the test dm_recognizer_try_appositive makes, without naming anyone). */
static gboolean
has_title_after (DmRecognition *r,
                 Scan          *s,
                 guint          last,
                 GString       *buf)
{
  guint k = last + 1;
  guint end;

  if (k + 1 >= s->end || strcmp (r->words[k], ",") != 0)
    return FALSE;
  k++;
  if (word_is (r, k, "the") || word_is (r, k, "a") || word_is (r, k, "an"))
    k++;
  for (guint j = k; j < s->end && j < k + 4; j++)
    {
      const DmLexTitle *title = dm_recognizer_match_title (r, s, j, &end, buf);

      if (title != NULL && !title->is_honorific)
        return TRUE;
    }
  /* ", a researcher at Human Rights Watch", ", an analyst with …": someone's work for an
   * organisation (a town is "a city in …") */
  return word_is (r, k - 1, "a") || word_is (r, k - 1, "an") ?
         k + 2 < s->end && is_word (r, k) && !tok (r, k)->capitalized &&
         (word_is (r, k + 1, "at") || word_is (r, k + 1, "for") || word_is (r, k + 1, "with")) && is_cap (r, k + 2) :
         FALSE;
}

/* ", an Australian woman and former member", ", a retired nurse": an apposition after token
 * @last whose head is a noun said only of people (a man's, a woman's or a person's noun of
 * name-parts.tsv), so the name before it is a person's ("Jo Paris", not the capital). */
gboolean
dm_recognizer_has_person_apposition (DmRecognition *r,
                                     Scan          *s,
                                     guint          last)
{
  guint k = last + 1;

  if (k + 2 >= s->end || strcmp (r->words[k], ",") != 0 ||
      !(word_is (r, k + 1, "a") || word_is (r, k + 1, "an") || word_is (r, k + 1, "the")))
    return FALSE;
  for (k += 2; k < s->end && k < last + 8; k++)
    {
      if (!is_word (r, k) || word_is (r, k, "of") || dm_recognizer_is_phrase_closer (r->lower[k]))
        return FALSE;
      if (!tok (r, k)->capitalized &&
          (dm_lexicon_name_part (r->lexicon, r->lower[k]) & (DM_PART_MALE_NOUN | DM_PART_FEMALE_NOUN | DM_PART_PERSON_NOUN)))
        return TRUE;
    }
  return FALSE;
}

/* "Yeung-tat", "Jong-un", "Jae-in": a Chinese or Korean given name of two short syllables,
 * written after the family name */
static gboolean
is_hyphenated_given_name (const char *word)
{
  const char *dash = strchr (word, '-');
  gsize before, after;

  if (dash == NULL || !g_ascii_isupper (word[0]))
    return FALSE;
  before = dash - word;
  after = strlen (dash + 1);
  if (before < 2 || before > 5 || after < 2 || after > 5)
    return FALSE;
  for (const char *p = word + 1; *p; p++)
    if (p != dash && !g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

/* "Wong Kwok-wai", "Kim Jong-un": a short capitalised family name and a hyphenated given name
 * after it are a person's name, whoever else of that family the article named before. */
gboolean
dm_recognizer_try_family_first_name (DmRecognition *r,
                                     Scan          *s,
                                     guint          i,
                                     guint         *next)
{
  gsize len = strlen (r->words[i]);
  const char *canonical;
  ActorInfo *info;

  if (i + 1 >= s->end || !is_cap (r, i) || tok (r, i)->all_caps || len < 2 || len > 6 ||
      !is_hyphenated_given_name (r->words[i + 1]) || dm_lexicon_lookup_entity (r->lexicon, r->words[i]) != NULL)
    return FALSE;
  for (const char *p = r->words[i] + 1; *p; p++)
    if (!g_ascii_islower (*p))
      return FALSE;
  canonical = dm_recognizer_person_canonical (r, i, i + 1);
  info = g_hash_table_lookup (r->actors, canonical);
  dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                             info ? info->role : NULL, info ? info->affiliation : NULL);
  *next = i + 2;
  return TRUE;
}

/* "Thomas and Manju Sam", "Hillary and Bill Clinton": a lone given name coordinated with a
 * full name shares its family name. */
gboolean
dm_recognizer_try_shared_surname (DmRecognition *r,
                                  Scan          *s,
                                  guint          i,
                                  guint         *next,
                                  GString       *buf)
{
  guint last;
  g_autofree char *full = NULL;
  const char *canonical;
  ActorInfo *info;

  if (i + 3 >= s->end || !is_cap (r, i) || !dm_lexicon_is_given_name (r->lexicon, r->words[i]) ||
      !word_is (r, i + 1, "and") || !dm_recognizer_person_starts_at (r, s, i + 2))
    return FALSE;
  for (last = i + 3; last + 1 < s->end && last < i + 4 && is_cap (r, last + 1) &&
                     !dm_lexicon_is_nonactor (r->lexicon, r->words[last + 1]); last++)
    ;
  if (tok (r, last)->all_caps || dm_recognizer_match_entity (r, s, last, &(guint) { 0 }, buf) != NULL)
    return FALSE;
  full = g_strdup_printf ("%s %s", r->words[i], r->words[last]);
  canonical = dm_recognizer_intern (r, full);
  info = g_hash_table_lookup (r->actors, canonical);
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                             info ? info->role : NULL, info ? info->affiliation : NULL);
  *next = i + 1;
  return TRUE;
}

/* Does the entity recognizer read a longer person's name from @i than the lone surname the
 * rules would link ("Wong Yeung-tat" after "Raymond Wong")? */
gboolean
dm_recognizer_model_names_more (DmRecognition *r,
                                Scan          *s,
                                guint          i)
{
  const DmNerSpan *span = ner_span_at (r, s, i);

  return span != NULL && span->type == DM_NER_PERSON && span->last > i && is_plausible_person (r, s, i, span->last);
}

/* A person or organisation the entity recognizer found from @i. Places are consumed without
 * a mention: a town is where something happens, not who does it. */
gboolean
dm_recognizer_try_ner_name (DmRecognition *r,
              Scan          *s,
              guint          i,
              guint         *next,
              GString       *buf)
{
  const DmNerSpan *span = ner_span_at (r, s, i);

  if (span == NULL || has_title (r, s, i, span->last, buf))
    return FALSE;
  if (span->first == span->last && dm_recognizer_is_sentence_initial_common (r, s, i))
    return FALSE;
  if ((span->type == DM_NER_PERSON && !is_plausible_person (r, s, i, span->last)) ||
      (span->type == DM_NER_ORGANIZATION && !is_plausible_organization (r, i, span->last)))
    return FALSE;
  switch (span->type)
    {
    case DM_NER_PERSON:
      {
        const char *canonical = dm_recognizer_person_canonical (r, i, span->last);
        ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

        if (dm_recognizer_try_appositive (r, s, canonical, i, span->last, next, buf))
          return TRUE;
        dm_recognizer_add_mention (r, s, i, span->last, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                     info ? info->role : NULL, info ? info->affiliation : NULL);
      }
      break;
    case DM_NER_ORGANIZATION:
      /* "University of Texas Arlington Amneh Jafari": the run turns into a person's name;
       * the organisation ends before it and the person is read next */
      for (guint k = i + 2; k < span->last; k++)
        if (dm_recognizer_person_starts_at (r, s, k))
          {
            add_organization (r, s, i, k - 1, buf);
            *next = k;
            return TRUE;
          }
      add_organization (r, s, i, span->last, buf);
      break;
    case DM_NER_PLACE:
      /* "Rupert Colville, a spokesman for …", "Valeska Paris, an Australian woman": a name
       * with a title or a person's noun in apposition is a person, whatever the model took it
       * for */
      if (span->last > i && is_plausible_person (r, s, i, span->last) &&
          (has_title_after (r, s, span->last, buf) || dm_recognizer_has_person_apposition (r, s, span->last)))
        {
          const char *canonical = dm_recognizer_person_canonical (r, i, span->last);

          if (dm_recognizer_try_appositive (r, s, canonical, i, span->last, next, buf))
            return TRUE;
          dm_recognizer_add_mention (r, s, i, span->last, DM_RMENTION_NAME, DM_ACTOR_PERSON, canonical, NULL, NULL);
        }
      break;
    case DM_NER_NONE:
    default:
      break;
    }
  *next = span->last + 1;
  return TRUE;
}

/* A name the entity recognizer found that starts with a country or demonym and goes on:
 * "Syrian Computer Society". Runs before the gazetteer rule. */
gboolean
dm_recognizer_try_ner_over_gazetteer (DmRecognition *r,
                        Scan          *s,
                        guint          i,
                        guint         *next,
                        GString       *buf)
{
  const DmNerSpan *span = ner_span_at (r, s, i);
  const DmLexEntity *e;
  guint last;

  if (span == NULL || span->type != DM_NER_ORGANIZATION || span->last == i)
    return FALSE;
  e = dm_recognizer_match_entity (r, s, i, &last, buf);
  if (e == NULL || last >= span->last || e->kind == DM_LEX_ORG || has_title (r, s, i, span->last, buf) ||
      !is_plausible_organization (r, i, span->last))
    return FALSE;
  /* another gazetteer name inside ("US Treasury Department") is for the rules */
  for (guint k = last + 1; k <= span->last; k++)
    {
      guint inner_last;

      if (is_cap (r, k) && dm_recognizer_match_entity (r, s, k, &inner_last, buf) != NULL)
        return FALSE;
    }
  add_organization (r, s, i, span->last, buf);
  *next = span->last + 1;
  return TRUE;
}

/* "In 2007, Paris left the ship" after "Valeska Paris": a lone surname (or given name) of a
 * person named earlier in the article is that person, not the capital it also spells; "in
 * Paris", "to Paris" stay the place. Country names are left to the gazetteer ("Jordan"). */
gboolean
dm_recognizer_try_surname_over_capital (DmRecognition *r,
                                        Scan          *s,
                                        guint          i,
                                        guint         *next,
                                        GString       *buf)
{
  const DmLexEntity *e;
  const char *full;
  ActorInfo *info;
  guint last;

  if (!is_cap (r, i) || (i + 1 < s->end && is_cap (r, i + 1)))
    return FALSE;
  e = dm_recognizer_match_entity (r, s, i, &last, buf);
  if (e == NULL || e->kind != DM_LEX_CAPITAL || last != i || dm_recognizer_is_place_context (r, s, i, i))
    return FALSE;
  full = dm_recognizer_resolve_surname (r, r->words[i]);
  info = full != NULL ? g_hash_table_lookup (r->actors, full) : NULL;
  if (info == NULL || (info->type != DM_ACTOR_PERSON && info->type != DM_ACTOR_OFFICIAL))
    return FALSE;
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, info->type, full, info->role, info->affiliation);
  *next = i + 1;
  return TRUE;
}

/* "the Assad regime" from the gazetteer names its leader too, as the rules do for a regime
 * they find themselves: the leader is a person inside the organisation's mention. */
void
dm_recognizer_name_regime_leaders (DmRecognition *r)
{
  guint n = r->mentions->len;

  for (guint k = 0; k < n; k++)
    {
      DmRMention m = g_array_index (r->mentions, DmRMention, k);
      const char *full;
      ActorInfo *info;
      gboolean named = FALSE;

      if (m.type != DM_ACTOR_ORGANIZATION || m.nested || m.last != m.first + 1 ||
          !(word_is (r, m.last, "regime") || word_is (r, m.last, "administration")) ||
          !g_hash_table_contains (r->surnames, r->words[m.first]))
        continue;
      for (guint j = 0; j < n && !named; j++)
        named = j != k && g_array_index (r->mentions, DmRMention, j).first == m.first;
      full = dm_recognizer_resolve_surname (r, r->words[m.first]);
      info = full != NULL ? g_hash_table_lookup (r->actors, full) : NULL;
      if (named || info == NULL || (info->type != DM_ACTOR_PERSON && info->type != DM_ACTOR_OFFICIAL))
        continue;
      {
        const DmToken *t = tok (r, m.first);
        const DmSentence *sentence = dm_text_doc_sentence (r->doc, t->sentence);
        Scan s = { r, t->sentence, sentence->first_token, sentence->first_token + sentence->n_tokens };

        dm_recognizer_add_mention (r, &s, m.first, m.first, DM_RMENTION_NAME, info->type, full, info->role,
                                   info->affiliation)->nested = TRUE;
      }
    }
}

gboolean
dm_recognizer_try_known_person (DmRecognition *r,
                                Scan          *s,
                                guint          i,
                                guint         *next,
                                GString       *buf)
{
  const DmLexPerson *person = dm_lexicon_lookup_person (r->lexicon, r->words[i]);
  ActorInfo *info;

  /* a full name goes the way of every person's, appositions and all
   * (dm_recognizer_person_canonical() gives it its canonical form) */
  if (person == NULL)
    return FALSE;
  /* "Putin Street", "Blair House": a name that goes on is another's */
  if (i + 1 < s->end && tok (r, i + 1)->capitalized && tok (r, i + 1)->kind == DM_TOKEN_WORD)
    return FALSE;
  /* the article's own "Laura Kennedy" keeps her surname, "Abbas Araghchi" his given name */
  if (dm_recognizer_resolve_surname (r, r->words[i]) != NULL)
    return FALSE;
  info = g_hash_table_lookup (r->actors, person->canonical);
  if (info != NULL && info->type != DM_ACTOR_PERSON && info->type != DM_ACTOR_OFFICIAL)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, info != NULL ? info->type : DM_ACTOR_PERSON,
                             person->canonical, info != NULL ? info->role : NULL,
                             info != NULL ? info->affiliation : NULL);
  info = g_hash_table_lookup (r->actors, person->canonical);
  if (info->gender == 0)
    info->gender = person->gender;
  *next = i + 1;
  return TRUE;
}
