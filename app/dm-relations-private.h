/* dm-relations-private.h — what the relation rules share: emitting a relation, a parsed
 * sentence seen as a tree, and matching verb-lexicon phrases along it
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two sets of rules make relations: the tree rules of dm-relations.c for sentences the
 * parser has parsed, and the word-order rules of dm-relation-fallback.c for the others.
 * Both emit through a DmRelationSink, so a relation looks the same whichever rules found
 * it.
 */

#pragma once

#include "dm-analysis.h"
#include "dm-parse.h"
#include "dm-recognizer.h"

G_BEGIN_DECLS

/* Where relations of one article go. */
typedef struct {
  const DmRecognition *r;
  DmAnalysis          *analysis;
  GHashTable          *seen;        /* keys of emitted relations, to emit each once */
  const int           *mention_at;  /* DmToken → outer (non-nested) mention, or -1 */
  /* DmToken → what the parse says of it as a trigger, for the word-order rules that run
   * after the tree rules on a parsed sentence: */
  gboolean            *decided;     /* the tree rules settled it (a relation, or none for
                                     * a reason the tree gives) */
  guint8              *upos;        /* its tag (DmUpos) in a parsed sentence, else X */
  gboolean            *modifier;    /* the parse makes it a modifier of a noun that is no
                                     * actor ("London" in "the London conference") */
  int                 *head_of;     /* the DmToken of its head in the parse, or -1 */
  guint8              *deprel_of;   /* its relation to that head (DmDeprel) */
} DmRelationSink;

/* Adds the relation @source → @target (mention indices) with @verb's label and class,
 * unless the two are one actor or the sentence already relates them by that class.
 * @trigger_first, @trigger_last: DmTokens of the trigger. */
void       dm_relation_sink_emit       (DmRelationSink  *sink,
                                        guint            sentence,
                                        int              source,
                                        int              target,
                                        const DmLexVerb *verb,
                                        gboolean         negated,
                                        gboolean         quoted,
                                        guint            trigger_first,
                                        guint            trigger_last);

/* Verbs whose act binds both sides ("meet", "agree", "clash"). */
gboolean   dm_relation_verb_is_reciprocal (const DmLexVerb *verb);

/* Verbs that take a stand on an act, report or examine it rather than doing it (condemn,
 * welcome, oppose, say, investigate): "condemned the strikes on Y" names neither who struck
 * nor, in Y, whom the stand is on. */
gboolean   dm_relation_verb_takes_stance (const DmLexVerb *verb);

/* Verbs that call their object somewhere (invite, summon): "to" after the object names
 * where, not whom. */
gboolean   dm_relation_verb_calls_to (const DmLexVerb *verb);

/* Is @word a noun of the lexicon for a hostile act ("killing", "arrest", "strikes",
 * "sanctions"), whose "of Y" is the one it is done to? */
gboolean   dm_relation_is_hostile_act_noun (const DmLexicon *lexicon,
                                            const char      *word);

/* Is @word a noun of the lexicon for an act of yielding or giving ("release", "withdrawal",
 * "return", "pardon", "evacuation"), whose "of Y" is the one it is done to or, as often,
 * the one who does it ("the withdrawal of Russian troops")? */
gboolean   dm_relation_is_yielding_act_noun (const DmLexicon *lexicon,
                                             const char      *word);

/* Does the object @word (tagged @upos) of reciprocal @verb name the other side ("X and Y met
 * him", "met Obama" when the recognizer missed the name)? Then the coordinated subjects are
 * one side, not partners of each other. */
gboolean   dm_relation_object_is_other_side (const DmLexVerb *verb,
                                             const char      *word,
                                             DmUpos           upos);

/* PLOVER codes an announced future act by what it promises: cooperation as AGREE ("will
 * provide aid" → "promises to provide aid to"), force or pressure as THREATEN ("would
 * boycott" → "threatens to boycott"). Fills @intent (its label is newly allocated: free it
 * with g_free) and returns TRUE; FALSE for classes that keep their own. */
/* An announced act as a promise (AGREE) or a threat (THREATEN); @conditional ("will
 * withdraw unless …") makes any announced act a threat. */
gboolean   dm_relation_verb_intent     (const DmLexVerb *verb,
                                        gboolean         conditional,
                                        DmLexVerb       *intent);

/* An announced refusal: PLOVER codes "will not accept", "would never meet" as REJECT (CAMEO
 * 12: refuse cooperation, aid, meetings, concessions), the mirror of an announced act of
 * cooperation being AGREE. Fills @refusal for the cooperative classes (its label is newly
 * allocated: free it with g_free); FALSE for the others, which stay negated acts ("will not
 * attack" is ASSAULT, negated). */
gboolean   dm_relation_verb_refusal    (const DmLexVerb *verb,
                                        DmLexVerb       *refusal);

/* Force made ready: "prepared to shell", "poised to invade" is MOBILIZE (CAMEO 15, force
 * posture short of its use), not yet the ASSAULT nor a spoken threat. Fills @posture for
 * ASSAULT (label newly allocated); FALSE for the other classes. */
gboolean   dm_relation_verb_preparation (const DmLexVerb *verb,
                                         DmLexVerb       *posture);

/* A news outlet (organizations.tsv kind "media"): an interview with it, or a statement
 * made to it, is the channel of a statement, not an act between two actors. */
gboolean   dm_relation_actor_is_outlet (const DmLexicon *lexicon,
                                        const char      *actor);

/* The class @verb takes from @source to @target: its verbs.tsv class, or the one
 * verb-senses.tsv gives it between such actors ("a senator attacks a rival" is DISAPPROVE,
 * "police question a student" INVESTIGATE). Lexicon verbs only: an intent or a refusal made
 * from a verb keeps its class. */
DmRelationClass dm_relation_class_between (const DmLexicon  *lexicon,
                                           const DmRMention *source,
                                           const DmRMention *target,
                                           const DmLexVerb  *verb);

/* Does @verb, with an outlet as its target, only say where something was said? */
gboolean   dm_relation_is_channel      (const DmLexVerb *verb);

/* Is DmToken @token inside quotation marks within its sentence? */
gboolean   dm_relation_token_in_quote  (const DmTextDoc *doc,
                                        guint            token);

/* One parsed sentence: sentence-local indices 0 … n-1 over DmParse tokens. */
typedef struct {
  const DmRecognition *r;
  const DmParse       *parse;
  guint                sentence;
  guint                first;     /* first DmParse token of the sentence */
  guint                n;
  char               **lower;     /* lower-cased text of each token */
  int                 *head;      /* sentence-local head, -1 for the root */
  const int           *mention_at;/* DmToken → mention, as in DmRelationSink */
} DmSentenceTree;

DmSentenceTree *dm_sentence_tree_new  (const DmRecognition *r,
                                       const DmParse       *parse,
                                       guint                sentence,
                                       const int           *mention_at);
void       dm_sentence_tree_free       (DmSentenceTree *tree);

static inline const DmParseToken *
dm_sentence_tree_token (const DmSentenceTree *tree,
                        int                   i)
{
  return &g_array_index (tree->parse->tokens, DmParseToken, tree->first + (guint) i);
}

static inline DmDeprel
dm_sentence_tree_deprel (const DmSentenceTree *tree,
                         int                   i)
{
  return dm_sentence_tree_token (tree, i)->deprel;
}

/* The first child of @i with relation @deprel (and, when @word is not NULL, that lower-case
 * text), or -1. */
int        dm_sentence_tree_child      (const DmSentenceTree *tree,
                                        int                   i,
                                        DmDeprel              deprel,
                                        const char           *word);

/* A verb-lexicon phrase found along the tree. */
typedef struct {
  const DmLexVerb *verb;
  int              trigger;       /* the phrase's first word (the verb or the noun) */
  int              last;          /* its last word in text order, for the evidence span */
  int              prep_object;   /* the nominal the phrase's last preposition introduces
                                   * ("with" in "closed its borders with X" → X), or -1 */
  gboolean         no_partner;    /* found by dm_verb_match_mutual () */
} DmVerbMatch;

/* The longest phrase of the verb lexicon whose first word is token @i and whose other words
 * hang on it in the tree: particles ("rules out"), objects ("opened fire on"), prepositions
 * of its obliques or of its object's modifiers ("closed … borders with"), in any order and
 * with any words between them. Verbs must be tagged VERB, nouns NOUN. */
gboolean   dm_verb_match               (const DmSentenceTree *tree,
                                        int                   i,
                                        DmVerbMatch          *out);

/* All relations of an article into @analysis: sentences @parse has parsed by the tree
 * rules, the others by the word-order rules of dm-relation-fallback.c. @parse may be NULL. */
/* A phrase ending in "with" found without it ("signed a treaty of friendship" for "sign a
 * treaty of friendship with"): the partner is named another way, as a coordinated subject
 * ("X and Y signed …"). Phrases of at least three words only: "meet with" has its own. */
gboolean   dm_verb_match_mutual        (const DmSentenceTree *tree,
                                        int                   i,
                                        DmVerbMatch          *out);

void       dm_relations_extract        (const DmRecognition *r,
                                        const DmParse       *parse,
                                        DmAnalysis          *analysis);

/* The tree rules (dm-relations.c): relations of parsed sentence @sentence. */
void       dm_relations_extract_sentence (DmRelationSink *sink,
                                          const DmParse  *parse,
                                          guint           sentence);

G_END_DECLS
