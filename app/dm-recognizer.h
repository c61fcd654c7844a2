/* dm-recognizer.h — finds the actors named in an article (engine-internal)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-lexicon-private.h"
#include "dm-ner.h"
#include "dm-text.h"

G_BEGIN_DECLS

/* How a mention was found; the extractor treats some of them differently. */
typedef enum {
  DM_RMENTION_NAME,        /* a name from the gazetteer or a recognised person/organisation */
  DM_RMENTION_DEMONYM,     /* "Ukrainian": the country, often as a modifier */
  DM_RMENTION_CAPITAL,     /* "Washington" standing for the government */
  DM_RMENTION_PRONOUN,     /* "he", "she": the last person named */
  DM_RMENTION_DEFINITE,    /* "the alliance", "the Ukrainian president" */
  DM_RMENTION_GROUP,       /* "European allies", "NATO members" */
} DmRMentionKind;

typedef struct {
  guint           first, last;   /* tokens, inclusive */
  guint           start_byte;    /* 0, or where the mention starts inside token `first`
                                  * ("ISIL" in "counter-ISIL") */
  guint           end_byte;      /* 0, or where the mention ends inside token `last`
                                  * ("Russian" in "Russian-occupied") */
  guint           sentence;
  DmRMentionKind  kind;
  DmActorType     type;
  const char     *actor;         /* canonical; owned by the recognition's string chunk */
  const char     *role;          /* nullable */
  const char     *affiliation;   /* nullable */
  guint           nested : 1;    /* inside a longer mention ("Syrian" in "Syrian Arab Army") */
  guint           possessive : 1;/* followed by "'s" */
  guint           modifier : 1;  /* the affiliation before a title ("US" in "US Defence Secretary X") */
  guint           media : 1;     /* a news outlet (organizations.tsv kind "media": BBC, Reuters,
                                  * The Times). "told the BBC", "in an interview with The Times"
                                  * make it the channel of a statement, not its target; an outlet
                                  * that is itself acted on (sued, banned) is still an actor. */
} DmRMention;

typedef struct {
  const DmLexicon *lexicon;
  const DmTextDoc *doc;
  char           **words;        /* the text of each token */
  char           **lower;        /* lower-cased, or the same pointer when already lower case */
  GArray          *mentions;     /* DmRMention, by first token (outer before nested) */
  GStringChunk    *strings;
  GHashTable      *actors;       /* canonical → ActorInfo (private) */
  GHashTable      *surnames;     /* last name → canonical, within the article */
  GHashTable      *given;        /* given name → canonical of the one person so named in the
                                  * article, or "" once two people share it */
  const DmNer     *ner;          /* nullable */
  GArray          *names;        /* DmNerSpan from the entity recognizer (empty without one) */
  int             *name_at;      /* per token: index in names of the span starting there, or -1 */
  GHashTable      *aliases;      /* acronym introduced in the text → DmLexEntity (in owned) */
  GPtrArray       *subjects;     /* per sentence: 1 + index of the mention opening its main
                                  * clause, or 0 (GUINT_TO_POINTER) */
  GPtrArray       *owned;
} DmRecognition;

/* With the engine's entity recognizer (dm_ner_get_default). */
DmRecognition *dm_recognize            (const DmLexicon *lexicon,
                                        const DmTextDoc *doc);
/* With @ner (nullable: gazetteers and rules alone). */
DmRecognition *dm_recognize_with_ner   (const DmLexicon *lexicon,
                                        const DmNer     *ner,
                                        const DmTextDoc *doc);
void           dm_recognition_free     (DmRecognition   *self);

static inline const DmRMention *
dm_recognition_mention (const DmRecognition *self,
                        guint                i)
{
  return &g_array_index (self->mentions, DmRMention, i);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRecognition, dm_recognition_free)

G_END_DECLS
