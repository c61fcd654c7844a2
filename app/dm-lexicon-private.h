/* dm-lexicon-private.h — the loaded lexicons, as the recognizer and extractor read them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-lexicon.h"
#include "dm-text.h"
#include "dm-word-index.h"

G_BEGIN_DECLS

/* What a gazetteer name stands for. */
typedef enum {
  DM_LEX_COUNTRY,     /* the country's name or alias */
  DM_LEX_CAPITAL,     /* its seat of government, used by metonymy */
  DM_LEX_DEMONYM,     /* "Ukrainian", "Russians" */
  DM_LEX_ORG,         /* an organisation (or a collective group, see DmLexEntity.type) */
} DmLexKind;

typedef struct {
  char        *canonical;
  DmActorType  type;          /* country, organization or group */
  DmLexKind    kind;
  char        *org_kind;      /* organizations.tsv kind ("alliance", "military", …); NULL else */
  char        *affiliation;   /* canonical country of a national organisation; NULL else */
  char        *iso3;          /* countries */
} DmLexEntity;

/* A well-known person the press names by surname alone (people.tsv). */
typedef struct {
  char *canonical;            /* the full name */
  char  gender;               /* 'm', 'f' or 0 */
} DmLexPerson;

typedef struct {
  char *canonical;            /* role to show */
  char *category;             /* government, military, …, "other" for honorifics */
  guint is_honorific : 1;     /* category "other": marks a person, gives no role */
} DmLexTitle;

typedef enum {
  DM_VERB_FORM_BASE,
  DM_VERB_FORM_THIRD,
  DM_VERB_FORM_PAST,          /* simple past; when equal to the participle, PAST */
  DM_VERB_FORM_PARTICIPLE,
  DM_VERB_FORM_GERUND,
  DM_VERB_FORM_NOUN,          /* a relation-bearing noun */
} DmVerbForm;

typedef struct {
  char            *phrase;    /* as written in verbs.tsv */
  char           **words;     /* phrase split on spaces; words[0] is the lemma (or the noun) */
  guint            n_words;
  DmRelationClass  klass;
  char            *label;     /* edge label, present tense third person */
  guint            is_noun : 1;
  guint            is_adjective : 1;   /* a predicate adjective: "critical of", "opposed to" */
  guint            is_agent : 1;       /* a noun for one who acts: "critic of" (is_noun too) */
  guint            is_patient : 1;     /* a noun for one acted on: "guest at" (is_agent too) */
} DmLexVerb;

typedef struct {
  const DmLexVerb *verb;
  DmVerbForm       form;
} DmLexVerbForm;

/* Who may take a verb's other sense (verb-senses.tsv). */
typedef enum {
  DM_SENSE_ACTOR_ANY,
  DM_SENSE_ACTOR_SPEAKER,     /* a person, an official, a party or a news outlet */
  DM_SENSE_ACTOR_AUTHORITY,   /* police and other armed bodies, ministries, courts, agencies */
  DM_SENSE_ACTOR_PERSON,      /* a person or an official */
  DM_SENSE_ACTOR_NAMED,       /* a person, an official or an organisation: not a country,
                               * not a collective ("rebels", "protesters") */
  DM_SENSE_ACTOR_BODY,        /* a country or an organisation: no person, no collective */
  DM_SENSE_ACTOR_NONSTATE,    /* a collective that is no armed or state body ("workers",
                               * "protesters", "rebels") */
  DM_SENSE_ACTOR_STATE,       /* a country, its government or one of its ministries */
} DmSenseActor;

/* A class a verbs.tsv phrase takes between some kinds of actors. */
typedef struct {
  DmSenseActor     source;
  DmSenseActor     target;
  DmRelationClass  klass;
} DmLexSense;

/* Roles of words in name-parts.tsv (a word may have several). */
typedef enum {
  DM_PART_ORG_HEAD       = 1 << 0,
  DM_PART_ORG_START      = 1 << 1,
  DM_PART_PARTICLE       = 1 << 2,
  DM_PART_CONNECTOR      = 1 << 3,
  DM_PART_REGION         = 1 << 4,
  DM_PART_COLLECTIVE     = 1 << 5,
  DM_PART_GOVERNMENT_BODY = 1 << 6,
  DM_PART_PRONOUN_PERSON = 1 << 7,
  DM_PART_PLACE_PREP     = 1 << 8,
  DM_PART_ARMED_BODY     = 1 << 9,
  DM_PART_PRONOUN_SPEAKER = 1 << 10,
  DM_PART_SECTOR         = 1 << 11,
  DM_PART_PRONOUN_SELF   = 1 << 12,
  DM_PART_POPULACE       = 1 << 13,
  DM_PART_GROUP_NOUN     = 1 << 14,
  DM_PART_GOVERNMENT_NOUN = 1 << 15,
  DM_PART_REGIME_NOUN    = 1 << 16,
  DM_PART_COUNTRY_NOUN   = 1 << 17,
  DM_PART_ARMED_ADJECTIVE = 1 << 18,
  DM_PART_QUANTIFIER     = 1 << 19,
  DM_PART_KIND_NOUN      = 1 << 20,
  DM_PART_STATE_BODY     = 1 << 21,
  DM_PART_ORG_CLASS      = 1 << 22,
  DM_PART_MALE_NOUN      = 1 << 23,
  DM_PART_FEMALE_NOUN    = 1 << 24,
  DM_PART_MEASURE        = 1 << 25,
  DM_PART_PRESS_HEAD     = 1 << 26,   /* the last word of a publication's name: "Magazine" */
  DM_PART_PERSON_NOUN    = 1 << 27,   /* "student", "nurse": said only of a person */
  DM_PART_PRESS_PEOPLE   = 1 << 28,   /* "reporters": whom a statement is made through */
  DM_PART_FOLLOWER       = 1 << 29,   /* "worshippers": with "of", a group of its own */
  DM_PART_KIN_NOUN       = 1 << 30,   /* "father", "sister": a person by whose kin they are */
  /* the last bit of the guint mask: a further role needs a 64-bit mask */
  DM_PART_CONTEST        = 1u << 31,  /* "match", "goals": what is won, not fought */
} DmNamePart;

/* Memory handed out in bulk, freed all at once with its lexicon; one for each loading
 * thread (start-up time counts for every `dramatis-cli extract`). */
typedef struct {
  GPtrArray *blocks;
  gsize      left;            /* unused bytes at the end of the last block */
} DmLexBlocks;

#define DM_LEX_BLOCK_SIZE (64 * 1024)

/* @size zeroed bytes from @blocks (inline: ~12,000 are asked for at every start) */
static inline gpointer
dm_lex_blocks_alloc (DmLexBlocks *blocks,
                     gsize        size)
{
  guint8 *block;

  size = (size + 7) & ~(gsize) 7;
  g_assert (size <= DM_LEX_BLOCK_SIZE);
  if (blocks->left < size)
    {
      g_ptr_array_add (blocks->blocks, g_malloc0 (DM_LEX_BLOCK_SIZE));
      blocks->left = DM_LEX_BLOCK_SIZE;
    }
  block = g_ptr_array_index (blocks->blocks, blocks->blocks->len - 1);
  blocks->left -= size;
  return block + DM_LEX_BLOCK_SIZE - blocks->left - size;
}

struct _DmLexicon
{
  /* Gazetteer: key = tokens of the name joined by single spaces, case as written. */
  DmWordIndex *entities;       /* char* → DmLexEntity* */
  DmWordIndex *entity_first;   /* first token → GUINT max tokens of any name starting with it */
  GHashTable  *countries;      /* canonical country name → DmLexEntity* (kind COUNTRY) */
  GHashTable  *organizations;  /* canonical organisation name → DmLexEntity* */
  /* Titles: key = lower-cased tokens joined by single spaces. */
  DmWordIndex *titles;         /* char* → DmLexTitle* */
  DmWordIndex *title_first;    /* lower-cased first token → GUINT max tokens */
  /* Verbs: key = a lower-cased inflected first word → GPtrArray of DmLexVerbForm* (read
   * only: its pdata and len live in verb_blocks, it is no GPtrArray of GLib's making). */
  DmWordIndex *verb_forms;
  GHashTable  *evaluative;     /* word → DmLexVerb* (in verbs): what calling a thing so says */
  GHashTable  *claims;         /* verbs.tsv phrase → DmLexVerb* (in verbs): the accusation a
                                * claim that another did harm makes */
  GHashTable  *senses;         /* DmLexVerb* (in verbs) → GArray of DmLexSense */
  GPtrArray   *verbs;          /* DmLexVerb*, in verb_blocks */
  DmWordIndex *given_names;    /* name → GUINT 'm', 'f' or '?' (gender not given) */
  DmWordIndex *nonactors;      /* set (GUINT 1), case as written */
  DmWordIndex *name_parts;     /* word → GUINT DmNamePart mask */
  DmWordIndex *people;         /* a name or alias, case as written → DmLexPerson* */
  /* Start-up time counts for every `dramatis-cli extract`: the files' text is kept, cut up
   * in place, and what the tables hold points into it where it is the text as written;
   * other strings go in bulk rather than one allocation each, one chunk for each loading
   * thread. */
  GPtrArray    *texts;         /* the files' text, owned */
  GStringChunk *name_strings;  /* normalized names and their first tokens, title keys */
  GStringChunk *verb_strings;  /* keys of verb_forms; labels made by rule */
  DmLexBlocks   name_blocks;   /* DmLexEntity, DmLexTitle, DmLexPerson */
  DmLexBlocks   verb_blocks;   /* the verbs, the values of verb_forms and their
                                * DmLexVerbForm (dm-lexicon-verbs.c) */
};

/* Tokens of @text joined by single spaces: the form every lexicon key takes. */
char       *dm_lexicon_normalize      (const char *text,
                                       gboolean    lower);

const DmLexEntity *dm_lexicon_lookup_entity (const DmLexicon *self,
                                             const char      *key);
guint       dm_lexicon_entity_max_tokens (const DmLexicon *self,
                                          const char      *first_token);
const DmLexTitle *dm_lexicon_lookup_title (const DmLexicon *self,
                                           const char      *lower_key);
guint       dm_lexicon_title_max_tokens (const DmLexicon *self,
                                         const char      *lower_first_token);
/* The verb forms whose first word is @lower_word (nullable result: none). */
GPtrArray  *dm_lexicon_lookup_verb    (const DmLexicon *self,
                                       const char      *lower_word);
/* The act of calling something @lower_word ("desperate" → criticises, DISAPPROVE), or NULL. */
const DmLexVerb *dm_lexicon_lookup_evaluative (const DmLexicon *self,
                                               const char      *lower_word);
/* The accusation that claiming by @verb ("claim", "allege") makes when what is claimed is
 * another actor's harm, or NULL. */
const DmLexVerb *dm_lexicon_lookup_claim (const DmLexicon *self,
                                          const DmLexVerb *verb);
/* verb-senses.tsv: one line into self->senses (dm-lexicon-senses.c). */
gboolean    dm_lexicon_load_sense_line (DmLexicon   *self,
                                        char       **columns,
                                        guint        n_columns,
                                        GError     **error);
/* The other senses of @verb (nullable result: none). */
GArray     *dm_lexicon_lookup_senses  (const DmLexicon *self,
                                       const DmLexVerb *verb);
gboolean    dm_lexicon_is_given_name  (const DmLexicon *self,
                                       const char      *word);
/* 'm' or 'f' where given-names.tsv says the name is a man's or a woman's, else 0. */
char        dm_lexicon_given_name_gender (const DmLexicon *self,
                                          const char      *word);
gboolean    dm_lexicon_is_nonactor    (const DmLexicon *self,
                                       const char      *word);
guint       dm_lexicon_name_part      (const DmLexicon *self,
                                       const char      *word);
/* The well-known person @key (tokens joined by single spaces) names, or NULL. */
const DmLexPerson *dm_lexicon_lookup_person (const DmLexicon *self,
                                             const char      *key);
const DmLexEntity *dm_lexicon_lookup_country (const DmLexicon *self,
                                              const char      *canonical);

/* An irregular verb's forms (irregular-verbs.tsv); NULL where the rule's form is right */
typedef struct {
  char *past;
  char *participle;
  char *third;
  char *gerund;
} DmLexIrregular;

/* dm-lexicon-verbs.c: the verb lexicon's lines and forms */
DmLexVerb *dm_lexicon_add_verb         (DmLexicon       *self,
                                        char            *phrase,
                                        DmRelationClass  klass);
gboolean   dm_lexicon_load_verb_line   (DmLexicon       *self,
                                        char           **columns,
                                        guint            n_columns,
                                        DmWordIndex     *irregular,
                                        GError         **error);

G_END_DECLS
