/* dm-relation-rules-private.h — what the tree rules' files share: the sentence being read,
 * the actors found for a slot, and who fills a phrase's slots (dm-relation-slots.c,
 * dm-relation-subjects.c, dm-relation-targets.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "dm-relations-private.h"

G_BEGIN_DECLS

#define MAX_ACTORS 6
#define MAX_DEPTH 6

typedef struct {
  DmRelationSink *sink;
  DmSentenceTree *tree;
  DmVerbMatch    *matches;   /* per token; .verb == NULL where no phrase starts */
} Rules;

typedef struct {
  int   mentions[MAX_ACTORS];
  guint n;
  int   token;               /* tree token of the first, for the evidence */
  int   slot;                /* +1 the tree token of the slot, actor or not; 0: no slot */
  gboolean of_complement;    /* the target of a complement's act ("agreed to sanction Y") */
} Actors;

static inline gboolean
word_in (const char         *word,
         const char * const *list)
{
  for (; *list != NULL; list++)
    if (word[0] == (*list)[0] && strcmp (word, *list) == 0)   /* most differ at once */
      return TRUE;
  return FALSE;
}

static inline const char *
word (const Rules *R,
      int          i)
{
  return R->tree->lower[i];
}

static inline DmDeprel
deprel (const Rules *R,
        int          i)
{
  return dm_sentence_tree_deprel (R->tree, i);
}

static inline int
head (const Rules *R,
      int          i)
{
  return R->tree->head[i];
}

static inline int
child (const Rules *R,
       int          i,
       DmDeprel     d)
{
  return dm_sentence_tree_child (R->tree, i, d, NULL);
}

static inline int
mention_of (const Rules *R,
            int          i)
{
  return R->sink->mention_at[dm_sentence_tree_token (R->tree, i)->token];
}

/* dm-relation-slots.c: the actors nominals stand for, shared by the subject and target rules */

/* The actor mention whose head is token @i, or -1 (an actor modifying a noun is inside the
 * noun's phrase, not its head). */
int        dm_slot_actor_at (const Rules *R,
                             int          i);
/* Adds mention @m (found at @token) to @a once; -1 and a full list are ignored. */
void       dm_slot_add_actor (Actors *a,
                              int     m,
                              int     token);
/* Is mention @m a person's (whose sister or lawyer acts for herself)? */
gboolean   dm_slot_is_person (const Rules *R,
                              int          m);
/* The actor nominal @i stands for: its own mention, the body of people it names for whom it
 * acts, a gathering of actors; with @owner, a subject's owner too. -1 for none. */
int        dm_slot_nominal_actor (const Rules *R,
                                  int          i,
                                  gboolean     owner);
/* The actors at nominal @i and those coordinated with it; with @owner, owners as subjects. */
void       dm_slot_collect_actors (const Rules *R,
                                   int          i,
                                   gboolean     owner,
                                   Actors      *out);
/* A subject: its owner acts when it is no actor itself. */
void       dm_slot_collect_subject (const Rules *R,
                                    int          i,
                                    Actors      *out);
/* Is @n a noun of the verb lexicon (a relation noun: "criticism", "talks")? */
gboolean   dm_slot_is_relation_noun (const Rules *R,
                                     int          n);
/* who, whom, which, that */
gboolean   dm_slot_is_relative_pronoun (const char *word);

/* The actors at nominal @i and those coordinated with it ("Y and Z", "Y, Z and W"). */
void       dm_slot_collect (const Rules *R,
                            int          i,
                            Actors      *out);
/* The nominal dependent of @i marked by preposition @prep ("by X", "from X"), or -1. */
int        dm_slot_marked_dependent (const Rules *R,
                                     int          i,
                                     const char  *prep);
/* Has verb @v a passive subject or auxiliary? */
gboolean   dm_slot_is_passive (const Rules *R,
                               int          v);
/* Is @v a verb of saying (a STATEMENT phrase, "say", "tell")? */
gboolean   dm_slot_is_saying (const Rules *R,
                              int          v);
/* A noun whose purpose clause is an act under way, not an aim: "efforts to defeat X", "the
 * campaign to oust Y" are the fight itself (re3d and PLOVER code them as acts); "a plan to",
 * "a bid to" stay unasserted. */
gboolean   dm_slot_is_effort_noun (const Rules *R,
                                   int          n);
/* Who a noun's act is by: "X's talks", "US air strikes", "talks by X", "donations from X",
 * or the subject of the (non-lexicon) verb whose object it is ("X launched strikes on"). */
void       dm_slot_noun_source (const Rules *R,
                                int          n,
                                Actors      *out);
/* The verb whose subject a participle clause @v on @h inherits: @h, or the verb of saying
 * whose words @h is when @v is a speech act closing the sentence (", calling on Y …"). */
int        dm_slot_participle_controller (const Rules *R,
                                          int          v,
                                          int          h);
/* The actor a noun for one who acts (verbs.tsv pos agent) is said of: the one it is in
 * apposition to ("X, a critic of Y"), or predicated of ("X is a critic of Y", "X became an
 * ally of Y"). */
void       dm_slot_agent_noun_source (const Rules *R,
                                      int          n,
                                      Actors      *out);
/* Is @n a body of people who have left what they were of ("former members of Y")? They
 * act for themselves, and are no part of Y to act on. */
gboolean   dm_slot_is_former_body (const Rules *R,
                                   int          n);
/* The actors of passive verb phrase @m: its agent, or who the clause says acts when it
 * names none (dm-relation-passive.c). */
/* Who holds the event at nominal @n ("X's fair", "the Google Science Fair"), or, when @n is
 * an actor, that actor. */
void       dm_slot_event_host (const Rules *R,
                               int          n,
                               Actors      *out);
void       dm_slot_passive_agents (const Rules       *R,
                                   const DmVerbMatch *m,
                                   Actors            *out);
/* Is @n a thing or a person located in a country ("arrested a journalist in Turkey")? The
 * country is where the act took place, not whom it is done to. */
gboolean   dm_slot_is_located_thing (const Rules *R,
                                     int          n);
/* Is @v a gerund after "for", "with" or "of" on a passive verb ("was arrested for
 * collaborating with Y", "was charged with stealing")? What one is held, charged or praised
 * for is the passive subject's deed (as charged). */
gboolean   dm_slot_is_charged_deed (const Rules *R,
                                    int          v);
/* The one whose deed the gerund @v after "for" or "of" is, when an active verb of the
 * lexicon judges it ("condemned X for ignoring Y", "accused X of harbouring Y"): X, or -1.
 * The deed is the judge's claim, carried as such, not a fact of the text. */
int        dm_slot_judged_deed_doer (const Rules *R,
                                     int          v);
/* Is @v a gerund after a subordinator of time or manner ("after leaving", "while
 * attacking", "by sending", "without consulting")? */
gboolean   dm_slot_is_gerund_after_subordinator (const Rules *R,
                                                 int          v);
/* Is @v a gerund "of" the practice @h that the verb governing @h keeps up ("maintained a
 * policy of turning away boats")? */
gboolean   dm_slot_is_practice_kept (const Rules *R,
                                     int          v,
                                     int          h);
/* The subject of verb @v, or the one it inherits (see the file header). */
void       dm_slot_subjects (const Rules *R,
                             int          v,
                             Actors      *out,
                             guint        depth);
/* "was arrested at his school by police": the "by" phrase the parser hung on an oblique of
 * the passive verb @v (a place or time has no agent of its own), or -1. */
int        dm_slot_agent_on_oblique (const Rules *R,
                                     int          v);
/* Whose view the predicate adjective @a states ("X is critical of Y", "X was disappointed
 * with Y" parsed as a passive, "X remained opposed to Y"). */
void       dm_slot_predicate_subjects (const Rules *R,
                                       int          a,
                                       Actors      *out);
/* Whose the non-actor thing @n is: its possessor ("rejected Germany's plan"), or the agent
 * of a participle that describes it ("rejected a system backed by the Red Cross"); with
 * @named, also an actor named before it or after "of", "by" (not for what is said:
 * the object of "said" is more often a misparsed clause than a thing). */
void       dm_slot_collect_owner (const Rules *R,
                                  int          n,
                                  gboolean     named,
                                  Actors      *out);
/* Who does the act @n that a stand is taken on, as dm_slot_collect_owner () with @named, but
 * never the one after "of" ("welcomed the release of Y", "the withdrawal of Russian troops":
 * whom it is done to, or a doer the stand is not clearly about). */
void       dm_slot_collect_doer (const Rules *R,
                                 int          n,
                                 Actors      *out);
/* A protest aimed at the owner of the policy or deed it is against, when that is no actor
 * ("riots against Israeli military policies"): fills an empty @objects. */
void       dm_slot_protested_owner (const Rules *R,
                                    Actors      *objects);
/* "threatened further action against Russia", "continue military aid to Mozambique": a
 * non-actor object (or a verb's oblique) aimed at an actor by a preposition of direction. */
void       dm_slot_aimed_at (const Rules *R,
                             int          n,
                             Actors      *out);
/* A protest that names no one it is against is against the state where it takes place
 * ("rioted at a jail in northern Israel"): the countries of the place phrases of verb @v
 * (dm-relation-protest.c). */
void       dm_slot_protest_place (const Rules *R,
                                  int          v,
                                  Actors      *out);
/* Does nominal @k name members of what it hangs on: "including Y", "such as Y" (case
 * "such" with "as" fixed to it)? */
gboolean   dm_slot_is_inclusion (const Rules *R,
                                 int          k);

/* A noun of a settled course of action ("policy", "practice"), whose "of" clause is its
 * owner's act ("a policy of turning away Y"). */
gboolean   dm_slot_is_habit_noun (const Rules *R,
                                  int          n);
/* The decision noun whose "to" clause verb @v is ("X's decision to slight Y"), wherever the
 * parser hung the clause, or -1. */
int        dm_slot_decision_noun (const Rules *R,
                                  int          v);
/* The noun of aim ("bid", "plan") whose "to" clause the parser hung on the verb beside it
 * instead of on the noun, or -1. */
int        dm_slot_aim_noun      (const Rules *R,
                                  int          v);
/* A relation noun naming when the main clause happens ("left after a confrontation with
 * Y", "met Y during a visit to Z"): the act of the verb's subject, when the noun has no
 * possessor of its own and is one the subject takes part in (a meeting, an accord, a
 * cooperation, anything "with" Y), not an act done to Y ("after the invasion of Y"). */
void       dm_slot_event_source (const Rules *R,
                                 int          n,
                                 Actors      *out);

/* What the phrase @m is about. */
void       dm_slot_targets (const Rules       *R,
                            const DmVerbMatch *m,
                            Actors            *out);

/* dm-relation-nouns.c: relation nouns whose actors stand outside their phrase */

/* The actors a plural noun for ones who act is said to include ("defectors from X
 * including Y and Z"), on the noun, on its preposition's object or on its verb. */
void       dm_slot_agent_members (const Rules       *R,
                                  const DmVerbMatch *m,
                                  Actors            *out);
/* "Y was granted asylum by X": the "by" phrase the parser hung on the object a passive verb
 * @v keeps, or -1. */
int        dm_slot_agent_on_object (const Rules *R,
                                    int          v);
/* If @n is an appeal or a demand the verb over it complies with ("complied with X's
 * request", "heeded the calls of X"), its phrase of the lexicon (its owner asks the verb's
 * subject); else NULL. */
const DmLexVerb *dm_relation_complied_request (const Rules *R,
                                               int          n);
/* "received support ranging from X to Y": the range's two ends, the givers of the
 * relation noun @n received by verb @g, into @out. */
void       dm_slot_received_range (const Rules *R,
                                   int          n,
                                   int          g,
                                   Actors      *out);
/* The owner of the complied-with request @n, and the one who complies. */
void       dm_relation_complied_parties (const Rules *R,
                                         int          n,
                                         Actors      *sources,
                                         Actors      *targets);

/* Is @v a content clause of its head: a clausal complement, or a "that" clause the parser
 * took for an adverbial one (dm-relation-allegation.c)? */
gboolean   dm_relation_is_content_clause (const Rules *R,
                                          int          v);
/* The claim whose content the act at @v is ("X claimed Y had imprisoned her", a headline's
 * "X claims Y …"), or -1; @accusation: the accusation it makes (claims.tsv). */
int        dm_relation_claiming_verb (const Rules      *R,
                                      int               v,
                                      const DmLexVerb **accusation);
/* The accusation a claim of act @m by @accused makes, when the act is @asserted (not
 * denied, not only intended): "X claimed Y had imprisoned her" → X DISAPPROVE Y, quoted. */
void       dm_relation_accuse_claimed (const Rules       *R,
                                       const DmVerbMatch *m,
                                       const Actors      *accused,
                                       gboolean           asserted);

/* dm-relation-mood.c: how an act stands in its sentence */

typedef enum {
  DM_MOOD_ASSERTED,        /* a fact of the text (or of the speech it reports) */
  DM_MOOD_INTENDED,        /* promised or threatened */
  DM_MOOD_NOT_ASSERTED,    /* wanted, urged, hypothetical: not emitted */
} DmMood;

/* Is verb @v negated by its own "not", "n't", "never", "neither", "no longer"? */
gboolean   dm_relation_is_negated (const Rules *R,
                                   int          v);
/* Is the act at @v denied ("denied that Y attacked Z", "denies supporting Z")? It is then
 * said as a negated act of its doer. */
gboolean   dm_relation_is_denied (const Rules *R,
                                  int          v);
/* Has verb @v a future modal ("will", "would", "shall")? */
gboolean   dm_relation_has_future_modal (const Rules *R,
                                         int          v);
/* Is the act at @v reported: in a clausal complement of a verb of saying or claiming? */
gboolean   dm_relation_is_reported (const Rules *R,
                                    int          v);
/* How the verb at @v stands in its sentence; @negated is set when a governing verb
 * negates it ("did not begin to"). */
DmMood     dm_relation_mood_of (const Rules *R,
                                int          v,
                                gboolean    *negated);
/* An act announced rather than done: fills @intent with the class PLOVER codes it as (free
 * its label) and returns TRUE; FALSE when the act keeps its own class. */
gboolean   dm_relation_announced_as (const Rules       *R,
                                     const DmVerbMatch *m,
                                     DmMood             mood,
                                     gboolean           negated,
                                     DmLexVerb         *intent);

G_END_DECLS
