/* dm-recognizer-private.h — what the parts of the recognizer share
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dm-recognizer.c runs the rules over each sentence and owns the mentions and actors;
 * dm-recognizer-refs.c tries the words that refer rather than name, in order;
 * dm-recognizer-pronouns.c resolves "he", "she", "I" and "it" in the running text;
 * dm-recognizer-possessives.c makes mentions of "his visit", "his party", "his father";
 * dm-recognizer-quotes.c resolves "we" to the organisation that speaks, "I" and "we" in a
 * quotation to its speaker;
 * dm-recognizer-definite.c resolves "the group", "the regime", "the alliance";
 * dm-recognizer-nominal.c resolves "the student", "the church" to an actor named before;
 * dm-recognizer-plural.c resolves "they" to the collective actor it goes on about;
 * dm-recognizer-names.c turns the entity recognizer's names into mentions;
 * dm-recognizer-orgs.c finds organisations by the shape of their names ("Ministry of …",
 * "the group Anonymous", "Navy Capt. …");
 * dm-recognizer-nations.c makes actors of a country and a noun ("Iraqi forces", "Syrians");
 * dm-recognizer-groups.c makes groups of noun phrases ("the governments of South East Asia");
 * dm-recognizer-preposed.c affiliates a person from a phrase before her name ("an Oxfam
 * lawyer, Maria Lopez").
 */

#pragma once

#include <string.h>

#include "dm-recognizer.h"

G_BEGIN_DECLS

#define MAX_NAME_TOKENS 6
#define PRONOUN_SENTENCES 3

typedef struct {
  DmActorType  type;
  const char  *role;
  const char  *affiliation;
  const char  *org_kind;
  guint        last_token;       /* where it was last mentioned */
  guint        last_subject;     /* last token where it opened a clause, or G_MAXUINT */
  char         gender;           /* persons: 'm', 'f' (from given-names.tsv), or 0 */
  gboolean     unnamed_office;   /* "the Foreign Secretary" before (or without) a name */
  gboolean     kin;              /* "Karim Ahmad's father": no antecedent of pronouns */
} ActorInfo;

typedef struct {
  DmRecognition *r;
  guint          sentence;
  guint          first;          /* first token of the sentence */
  guint          end;            /* one past its last token */
} Scan;

static inline const DmToken *
tok (const DmRecognition *r,
     guint                i)
{
  return dm_text_doc_token (r->doc, i);
}

static inline gboolean
is_word (const DmRecognition *r,
         guint                i)
{
  return tok (r, i)->kind == DM_TOKEN_WORD;
}

static inline gboolean
is_cap (const DmRecognition *r,
        guint                i)
{
  const DmToken *t = tok (r, i);

  return t->kind == DM_TOKEN_WORD && t->capitalized;
}

static inline gboolean
word_is (const DmRecognition *r,
         guint                i,
         const char          *word)
{
  return r->lower[i][0] == word[0] && strcmp (r->lower[i], word) == 0;
}

static inline gboolean
is_possessive (const DmRecognition *r,
               guint                i)
{
  const char *before;

  if (i >= r->doc->tokens->len)
    return FALSE;
  if (strcmp (r->words[i], "'s") == 0 || strcmp (r->words[i], "\xe2\x80\x99s") == 0 ||
      strcmp (r->words[i], "'S") == 0)
    return TRUE;
  /* "Thomas' sister": the apostrophe alone, right after a name ending in s */
  if (i == 0 || (strcmp (r->words[i], "'") != 0 && strcmp (r->words[i], "\xe2\x80\x99") != 0) ||
      dm_text_doc_token (r->doc, i - 1)->end != dm_text_doc_token (r->doc, i)->start ||
      i + 1 >= r->doc->tokens->len || dm_text_doc_token (r->doc, i + 1)->kind != DM_TOKEN_WORD)
    return FALSE;
  before = r->words[i - 1];
  return before[0] != '\0' && (before[strlen (before) - 1] == 's' || before[strlen (before) - 1] == 'S');
}

static inline gboolean
newline_between (const DmRecognition *r,
                 guint                a,
                 guint                b)
{
  for (guint k = tok (r, a)->end; k < tok (r, b)->start; k++)
    if (r->doc->text[k] == '\n')
      return TRUE;
  return FALSE;
}

/* dm-recognizer-base.c: mentions, actors, names */
const char *dm_recognizer_resolve_surname (DmRecognition *r,
                                           const char    *name);
const char *dm_recognizer_intern (DmRecognition *r,
                                  const char *str);
ActorInfo *dm_recognizer_note_actor (DmRecognition *r,
                                     const char *actor,
                                     DmActorType type,
                                     const char *role,
                                     const char *affiliation,
                                     guint token);
DmRMention *dm_recognizer_add_mention (DmRecognition *r,
                                       Scan *s,
                                       guint first,
                                       guint last,
                                       DmRMentionKind kind,
                                       DmActorType type,
                                       const char *actor,
                                       const char *role,
                                       const char *affiliation);
void dm_recognizer_define_alias (DmRecognition *r,
                                 const char *name,
                                 const char *canonical,
                                 DmActorType type,
                                 const char *affiliation);
const char *dm_recognizer_name_text (DmRecognition *r,
                                     guint first,
                                     guint last);
const DmLexEntity *dm_recognizer_match_entity (DmRecognition *r,
                                               Scan *s,
                                               guint i,
                                               guint *last,
                                               GString *buf);
const DmLexTitle *dm_recognizer_match_title (DmRecognition *r,
                                             Scan *s,
                                             guint i,
                                             guint *last,
                                             GString *buf);
const char *dm_recognizer_person_canonical (DmRecognition *r,
                                            guint first,
                                            guint last);
gboolean dm_recognizer_try_appositive (DmRecognition *r,
                                       Scan *s,
                                       const char *canonical,
                                       guint name_first,
                                       guint name_last,
                                       guint *next,
                                       GString *buf);
void dm_recognizer_define_acronym (DmRecognition *r,
                                   Scan *s,
                                   guint last,
                                   const char *canonical,
                                   DmActorType type,
                                   const char *affiliation);
gboolean dm_recognizer_is_place_context (DmRecognition *r,
                                         Scan *s,
                                         guint first,
                                         guint last);
gboolean dm_recognizer_is_sentence_initial_common (DmRecognition *r,
                                                   Scan *s,
                                                   guint i);

/* dm-recognizer-nations.c: a country's government, forces and people; hyphenated actors */
const char *dm_recognizer_armed_forces_of (DmRecognition *r,
                                           const char    *country);
const char *dm_recognizer_government_of (DmRecognition *r,
                                         const char *country);
gboolean dm_recognizer_try_national_body (DmRecognition *r,
                                          Scan *s,
                                          guint i,
                                          guint last,
                                          const DmLexEntity *country,
                                          guint *next);
gboolean dm_recognizer_try_body_of_country (DmRecognition *r,
                                            Scan *s,
                                            guint i,
                                            guint *next,
                                            GString *buf);
gboolean dm_recognizer_try_coordinated_country (DmRecognition *r,
                                                Scan          *s,
                                                guint          i,
                                                guint         *next,
                                                GString       *buf);
gboolean dm_recognizer_try_coordinated_body (DmRecognition *r,
                                             Scan          *s,
                                             guint          i,
                                             guint         *next,
                                             GString       *buf);
gboolean dm_recognizer_try_elliptic_country (DmRecognition *r,
                                             Scan          *s,
                                             guint          i,
                                             guint         *next);
gboolean dm_recognizer_try_hyphen_prefix (DmRecognition *r,
                                          Scan *s,
                                          guint i,
                                          guint *next);
gboolean dm_recognizer_try_people_of_country (DmRecognition *r,
                                              Scan *s,
                                              guint i,
                                              guint last,
                                              const DmLexEntity *e,
                                              guint *next);

/* What a rule made of the word it was tried on */
typedef enum {
  DM_REF_UNDECIDED,   /* not this rule's word: try the next rule */
  DM_REF_MENTION,     /* a mention was added and *next set */
  DM_REF_NOBODY,      /* this rule's word, and it names no actor we can tell */
} DmRefOutcome;

/* dm-recognizer-refs.c: words that refer */
gboolean dm_recognizer_try_reference (DmRecognition *r,
                                      Scan *s,
                                      guint i,
                                      guint *next);

/* dm-recognizer-pronouns.c: "he", "she", "I", "it" */
gboolean dm_recognizer_is_speech_verb (const char *word);
void dm_recognizer_note_subject (DmRecognition *r,
                                 Scan *s,
                                 guint first_mention);
guint dm_recognizer_main_clause_start (DmRecognition *r,
                                       Scan *s);
DmRefOutcome dm_recognizer_try_it (DmRecognition *r,
                                   Scan          *s,
                                   guint          i,
                                   guint         *next);
DmRefOutcome dm_recognizer_try_said_pronoun (DmRecognition *r,
                                             Scan *s,
                                             guint i,
                                             guint *next);
DmRefOutcome dm_recognizer_try_person_pronoun (DmRecognition *r,
                                               Scan *s,
                                               guint i,
                                               guint *next);
const char *dm_recognizer_possessive_owner (DmRecognition *r,
                                            Scan *s,
                                            guint i,
                                            char gender);

/* dm-recognizer-possessives.c: "his visit to", "his party", "his father" */
gboolean dm_recognizer_acts_next (DmRecognition *r,
                                  Scan          *s,
                                  guint          i);
gboolean dm_recognizer_try_its_forces (DmRecognition *r,
                                       Scan          *s,
                                       guint          i,
                                       guint         *next);
gboolean dm_recognizer_try_named_kin (DmRecognition *r,
                                      Scan          *s,
                                      guint          i,
                                      guint         *next);
DmRefOutcome dm_recognizer_try_possessive_pronoun (DmRecognition *r,
                                                   Scan *s,
                                                   guint i,
                                                   guint *next);
gboolean dm_recognizer_owns_relation_noun (DmRecognition *r,
                                           Scan *s,
                                           guint i);
void dm_recognizer_resolve_kin (DmRecognition *r);

/* dm-recognizer-quotes.c: "we" of who speaks, "I" and "we" in quotations */
gboolean dm_recognizer_try_speaker (DmRecognition *r,
                                    Scan *s,
                                    guint i,
                                    guint *next);
void dm_recognizer_resolve_quotations (DmRecognition *r);

/* dm-recognizer-definite.c: "the group", "the regime", "the alliance", "the Church" */
gboolean dm_recognizer_try_definite (DmRecognition *r,
                                     Scan *s,
                                     guint i,
                                     guint *next);

/* dm-recognizer-nominal.c: "the student", "the department", "the organisation" */
gboolean dm_recognizer_is_phrase_closer (const char *word);
gboolean dm_recognizer_has_person_apposition (DmRecognition *r,
                                              Scan          *s,
                                              guint          last);
gboolean dm_recognizer_is_plural_noun (const char *noun);
gboolean dm_recognizer_is_people_noun (DmRecognition *r,
                                       const char *noun);
gboolean dm_recognizer_is_person_word (DmRecognition *r,
                                       const char *noun);
gboolean dm_recognizer_try_bare_body (DmRecognition *r,
                                      Scan *s,
                                      guint i,
                                      guint *next);
gboolean dm_recognizer_ends_noun_phrase (DmRecognition *r,
                                         guint k,
                                         guint end);
char dm_recognizer_described_gender (DmRecognition *r,
                                     const char *actor);

/* dm-recognizer-plural.c: "they", "them" */
gboolean dm_recognizer_try_they (DmRecognition *r,
                                 Scan *s,
                                 guint i,
                                 guint *next);
gboolean dm_recognizer_try_nominal (DmRecognition *r,
                                    Scan *s,
                                    guint i,
                                    guint *next);
gboolean dm_recognizer_describes_unknown_name (DmRecognition *r,
                                               Scan *s,
                                               guint i);

/* dm-recognizer-names.c: names from the entity recognizer, "Ministry of …" */
gboolean dm_recognizer_try_ner_name (DmRecognition *r,
                                     Scan *s,
                                     guint i,
                                     guint *next,
                                     GString *buf);
const char *dm_recognizer_contracted_pronoun (const char *lower);
void dm_recognizer_link_early_surnames (DmRecognition *r);
void dm_recognizer_name_regime_leaders (DmRecognition *r);
gboolean dm_recognizer_try_surname_over_capital (DmRecognition *r,
                                                 Scan          *s,
                                                 guint          i,
                                                 guint         *next,
                                                 GString       *buf);
gboolean dm_recognizer_try_family_first_name (DmRecognition *r,
                                              Scan *s,
                                              guint i,
                                              guint *next);
gboolean dm_recognizer_names_a_thing (DmRecognition *r,
                                      Scan *s,
                                      guint first);
gboolean dm_recognizer_model_names_more (DmRecognition *r,
                                         Scan *s,
                                         guint i);
gboolean dm_recognizer_try_ner_over_gazetteer (DmRecognition *r,
                                               Scan *s,
                                               guint i,
                                               guint *next,
                                               GString *buf);

/* dm-recognizer-orgs.c: organisations by the shape of their names */
gboolean dm_recognizer_person_starts_at (DmRecognition *r,
                                         Scan *s,
                                         guint k);
gboolean dm_recognizer_is_ordinal (DmRecognition *r,
                                   guint i);
guint dm_recognizer_scan_org_tail (DmRecognition *r,
                                   Scan *s,
                                   guint i);
guint dm_recognizer_scan_org_of (DmRecognition *r,
                                 Scan *s,
                                 guint i);
guint dm_recognizer_extend_org_of (DmRecognition *r,
                                   Scan *s,
                                   guint head);
gboolean dm_recognizer_try_named_kind (DmRecognition *r,
                                       Scan *s,
                                       guint i,
                                       guint *next,
                                       GString *buf);
guint dm_recognizer_service_before_rank (DmRecognition *r,
                                         Scan *s,
                                         guint i,
                                         GString *buf);
gboolean dm_recognizer_try_service_before_rank (DmRecognition *r,
                                                Scan *s,
                                                guint i,
                                                guint *next,
                                                GString *buf);
gboolean dm_recognizer_try_office_of_title (DmRecognition *r,
                                            Scan *s,
                                            guint i,
                                            guint *next,
                                            GString *buf);
gboolean dm_recognizer_try_local_government (DmRecognition *r,
                                             Scan *s,
                                             guint i,
                                             guint *next,
                                             GString *buf);
gboolean dm_recognizer_try_name_before_kind (DmRecognition *r,
                                             Scan *s,
                                             guint i,
                                             guint *next,
                                             GString *buf);
/* "Putin warns West": a well-known person (people.tsv) by a lone name the article has not
 * given to another (dm-recognizer-names.c). */
gboolean dm_recognizer_try_known_person (DmRecognition *r,
                                         Scan *s,
                                         guint i,
                                         guint *next,
                                         GString *buf);
/* The surname and given name of the person @canonical named by tokens [first, last] stand
 * for that person in the rest of the article (dm-recognizer-base.c). */
void dm_recognizer_register_person (DmRecognition *r,
                                    const char *canonical,
                                    guint first,
                                    guint last);
gboolean dm_recognizer_try_shared_surname (DmRecognition *r,
                                           Scan *s,
                                           guint i,
                                           guint *next,
                                           GString *buf);
gboolean dm_recognizer_try_coordinated_heads (DmRecognition *r,
                                              Scan *s,
                                              guint i,
                                              guint *next);

/* dm-recognizer-preposed.c: "an Oxfam lawyer, Maria Lopez" */
void dm_recognizer_affiliate_preposed (DmRecognition *r);

/* dm-recognizer-groups.c: groups named by a noun phrase */
gboolean dm_recognizer_try_group_phrase (DmRecognition *r,
                                         Scan *s,
                                         guint i,
                                         guint *next,
                                         GString *buf);

/* dm-recognizer-officials.c: officials by title, leaders, offices, names by their shape */

/* Is token @i a word of a personal name (capitalised, no non-actor word, or a particle joined
 * to a capitalised name: "al-Abadi")? */
gboolean dm_recognizer_is_name_token (DmRecognition *r,
                                      guint          i);
/* A personal name from @i: capitalised words with particles ("bin", "van der"), at most
 * MAX_NAME_TOKENS, not running into a title or a gazetteer name. Returns the last token or
 * G_MAXUINT. */
guint    dm_recognizer_scan_person_name (DmRecognition *r,
                                         Scan          *s,
                                         guint          i,
                                         GString       *buf);
/* Rule 1: [affiliation] title [,] name — or a title standing for someone named before. */
gboolean dm_recognizer_try_official (DmRecognition     *r,
                                     Scan              *s,
                                     guint              i,
                                     const DmLexEntity *affiliation,
                                     guint              affiliation_first,
                                     guint             *next,
                                     GString           *buf);
/* "the Assad regime", "the Biden administration" anywhere in the article: the leader's name
 * is a person's, even before the regime is named. */
void     dm_recognizer_register_leaders (DmRecognition *r,
                                         GString       *buf);
/* An office named before its holder: when the article names exactly one holder of that
 * office, the office's mentions are that person's. */
void     dm_recognizer_name_offices (DmRecognition *r);

G_END_DECLS
