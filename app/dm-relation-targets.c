/* dm-relation-targets.c — whom a phrase the tree rules read acts on: its object, the
 * object it shares with a verb joined to it, the owner of a thing acted on, where it aims
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-relation-rules-private.h"

/* "arrested and questioned Y": the object of the verb joined right after the phrase's last
 * word, which both verbs share (UD hangs a shared dependent on one conjunct only); -1 if
 * the joined verb has a subject of its own or anything but "and", "or" or an adverb stands
 * between. */
static int
shared_object (const Rules       *R,
               const DmVerbMatch *m)
{
  for (guint k = 0; k < R->tree->n; k++)
    {
      int o;

      if (head (R, (int) k) != m->trigger || deprel (R, (int) k) != DM_DEP_CONJ ||
          (int) k <= m->last || child (R, (int) k, DM_DEP_NSUBJ) >= 0 ||
          dm_sentence_tree_token (R->tree, (int) k)->upos != DM_UPOS_VERB)
        continue;
      for (int j = m->last + 1; j < (int) k; j++)
        if (deprel (R, j) != DM_DEP_CC && deprel (R, j) != DM_DEP_ADVMOD)
          return -1;
      o = child (R, (int) k, DM_DEP_OBJ);
      return o > (int) k ? o : -1;
    }
  return -1;
}

/* "fired rounds at a loudspeaker in South Korea", "fired rockets into a town in Israel": an
 * attack aimed at a place in a country is aimed at that country (the codebook's target of
 * an attack on its territory). Only an attack's aim (the phrase's "at", "into", "on"): the
 * object of "killed a journalist in Turkey" is a person there, no act on the state; only a
 * country named right on the place ("in"/"inside"), a city is where it happened. */
static void
located_in_country (const Rules       *R,
                    const DmVerbMatch *m,
                    int                n,
                    Actors            *out)
{
  if (m->verb->klass != DM_CLASS_ASSAULT)
    return;
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD &&
        (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "in") >= 0 ||
         dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "inside") >= 0))
      {
        int a = dm_slot_actor_at (R, (int) k);

        if (a >= 0 && dm_recognition_mention (R->sink->r, (guint) a)->type == DM_ACTOR_COUNTRY &&
            dm_recognition_mention (R->sink->r, (guint) a)->kind != DM_RMENTION_CAPITAL)
          dm_slot_add_actor (out, a, (int) k);
      }
}

/* First words of the phrases that let others in (RETREAT, access). */
static const char * const admitting[] = { "allow", "admit", "let", "grant", NULL };

/* Is @verb an act of force (ASSAULT, COERCE)? Force on a thing ("rocket fire against
 * Taliban camps", "air strikes on rebel positions") is force on whose it is, for a noun as
 * for a verb; a relation noun's thing otherwise stays a thing ("talks on the Iranian
 * programme" are not with Iran). */
static gboolean
is_force (const DmLexVerb *verb)
{
  return verb->klass == DM_CLASS_ASSAULT || verb->klass == DM_CLASS_COERCE;
}

/* Is @verb a verb asking for something (APPEAL, DEMAND)? */
static gboolean
is_request (const DmLexVerb *verb)
{
  return !verb->is_noun && (verb->klass == DM_CLASS_APPEAL || verb->klass == DM_CLASS_DEMAND);
}

/* Is @o a group actor owned by a pronoun ("its troops", "their supporters")? */
static gboolean
is_own_body (const Rules *R,
             int          o)
{
  static const char * const owners[] = { "its", "their", NULL };
  int poss = child (R, o, DM_DEP_NMOD_POSS), a = dm_slot_actor_at (R, o);

  return poss >= 0 && word_in (word (R, poss), owners) && a >= 0 &&
         dm_recognition_mention (R->sink->r, (guint) a)->type == DM_ACTOR_GROUP;
}

/* What the phrase @m is about. */
/* "She joined the Sea Org aged 14": the parser makes the object the subject of "aged", a
 * clause of the verb; the age is the subject's, the noun the verb's object. Or -1. */
static int
aged_object (const Rules *R,
             int          v)
{
  for (guint k = (guint) v + 1; k < R->tree->n; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_ADVCL && strcmp (word (R, (int) k), "aged") == 0 &&
        child (R, (int) k, DM_DEP_NSUBJ) > v)
      return child (R, (int) k, DM_DEP_NSUBJ);
  return -1;
}

/* "after having left Greenpeace": the parser may make the name right after a verb with no
 * object its complement (xcomp), which a name never is ("elected X president" has a title
 * there); that name is the object. Or -1. */
static int
name_as_complement (const Rules *R,
                    int          v)
{
  int x = child (R, v, DM_DEP_XCOMP);

  return x == v + 1 && dm_sentence_tree_token (R->tree, x)->upos == DM_UPOS_PROPN &&
         dm_slot_actor_at (R, x) >= 0 ? x : -1;
}

/* "welcomed the sanctions against Russia", "vetoed measures against Moscow", "condemned the
 * attack on Mali", "deplored the killing of Y": a stand (dm_relation_verb_takes_stance ()) on
 * a thing done against someone is a stand on those who do or propose it, not on whom it is
 * aimed at. Is @o, the object of the phrase @m, aimed at its actor by a hostile preposition,
 * or by "of" after a hostile act noun? */
static gboolean
backs_act_against (const Rules       *R,
                   const DmVerbMatch *m,
                   int                o)
{
  static const char * const hostile[] = { "against", "on", "upon", "at", NULL };
  gboolean act = dm_relation_is_hostile_act_noun (R->sink->r->lexicon, word (R, o)) ||
                 dm_relation_is_yielding_act_noun (R->sink->r->lexicon, word (R, o));

  if (!dm_relation_verb_takes_stance (m->verb))
    return FALSE;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == o && (deprel (R, (int) k) == DM_DEP_NMOD || deprel (R, (int) k) == DM_DEP_OBL))
      {
        for (const char * const *w = hostile; *w != NULL; w++)
          if (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, *w) >= 0)
            return TRUE;
        if (act && dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "of") >= 0)
          return TRUE;
      }
  return FALSE;
}

/* "invited the two leaders to Luanda", "invited Y to Moscow for talks": with an object of
 * its own, an invitation's or a summons' "to" names where the guests go, a place (a state or its capital),
 * not whom it is made to; the object is (the passive "was invited to Moscow" names the host
 * there, dm_slot_passive_agents ()). */
static gboolean
is_destination (const Rules       *R,
                const DmVerbMatch *m)
{
  int place = dm_slot_actor_at (R, m->prep_object);

  return dm_relation_verb_calls_to (m->verb) &&
         strcmp (m->verb->words[m->verb->n_words - 1], "to") == 0 &&
         child (R, m->trigger, DM_DEP_OBJ) >= 0 && place >= 0 &&
         dm_recognition_mention (R->sink->r, (guint) place)->type == DM_ACTOR_COUNTRY;
}

void
dm_slot_targets (const Rules       *R,
                 const DmVerbMatch *m,
                 Actors            *out)
{
  int o;

  if (m->prep_object >= 0 && is_destination (R, m))
    {
      dm_slot_collect (R, child (R, m->trigger, DM_DEP_OBJ), out);
      return;
    }
  if (m->prep_object >= 0)
    {
      dm_slot_collect (R, m->prep_object, out);
      /* "called for protests against Y": the act asked for is aimed at Y, the asking is
       * not; the noun's own phrase relates the asker to Y */
      if (out->n == 0 && is_request (m->verb) && R->matches[m->prep_object].verb != NULL &&
          R->matches[m->prep_object].verb->is_noun)
        return;
      /* "agreed to US mediation", "protest against Sweden's decision", "reneged on his
       * commitment to the Zambian people": whose the thing is, or whom it is aimed at */
      if (out->n == 0 && (!m->verb->is_noun || is_force (m->verb)) &&
          m->verb->klass != DM_CLASS_STATEMENT && !dm_slot_is_relation_noun (R, m->prep_object))
        dm_slot_collect_owner (R, m->prep_object, TRUE, out);
      if (out->n == 0 && !m->verb->is_noun && m->verb->klass != DM_CLASS_STATEMENT)
        dm_slot_aimed_at (R, m->prep_object, out);
      if (out->n == 0 && !m->verb->is_noun)
        located_in_country (R, m, m->prep_object, out);
      /* "allowed UN inspectors into the country": access is given to the ones let in */
      if (out->n == 0 && m->verb->klass == DM_CLASS_RETREAT && word_in (m->verb->words[0], admitting))
        dm_slot_collect (R, child (R, m->trigger, DM_DEP_OBJ), out);
      return;
    }
  if (m->verb->is_noun)
    return;
  if ((o = child (R, m->trigger, DM_DEP_OBJ)) < 0)
    o = child (R, m->trigger, DM_DEP_IOBJ);
  if (o < 0)
    o = shared_object (R, m);
  if (o < 0)
    o = aged_object (R, m->trigger);
  if (o < 0)
    o = name_as_complement (R, m->trigger);
  if (o < 0)
    return;
  /* "the policy, which the UN criticised": the object is the noun the clause describes */
  if (dm_slot_is_relative_pronoun (word (R, o)) && deprel (R, m->trigger) == DM_DEP_ACL_RELCL &&
      head (R, m->trigger) >= 0)
    {
      int noun = head (R, m->trigger);

      dm_slot_collect (R, noun, out);
      if (out->n == 0)
        dm_slot_collect_owner (R, noun, TRUE, out);
      /* "X maintained a policy … which Y criticised": the policy is X's */
      if (out->n == 0 && deprel (R, noun) == DM_DEP_OBJ && head (R, noun) >= 0 &&
          R->matches[head (R, noun)].verb == NULL)
        dm_slot_subjects (R, head (R, noun), out, 0);
      return;
    }
  /* "attacked defectors from the church including Y and Z": the members of an object that
   * is no actor or only a group, which the parser often hangs on the verb (UD makes them
   * the noun's nmod, see dm_slot_collect_actors ()) */
  if (dm_slot_actor_at (R, o) < 0 ||
      dm_recognition_mention (R->sink->r, (guint) dm_slot_actor_at (R, o))->type == DM_ACTOR_GROUP)
    for (guint k = 0; k < R->tree->n && out->n == 0; k++)
      if (head (R, (int) k) == m->trigger && deprel (R, (int) k) == DM_DEP_OBL &&
          (int) k > o && dm_slot_is_inclusion (R, (int) k))
        dm_slot_collect (R, (int) k, out);
  /* "withdrew its troops", "mobilised their supporters": a body the subject owns, named by
   * no name of its own, is what it moves, not whom it acts on (the word-order rules say
   * the same, dm_veto_own_body ()); "urged its citizens", "supported its partners" stay */
  if (out->n == 0 && (m->verb->klass == DM_CLASS_RETREAT || m->verb->klass == DM_CLASS_MOBILIZE) &&
      is_own_body (R, o))
    return;
  if (out->n == 0)
    dm_slot_collect (R, o, out);
  /* "reiterated Trump's criticism": a verb of saying repeats the act of the possessor of a
   * relation noun; it is not about that possessor */
  /* "welcomed the release of the hostages by Hamas", "praised the withdrawal of Russian
   * troops": a stand on an act of yielding is on who does it when that is clear (a
   * possessor, "by"), never on whom it is done to */
  if (out->n == 0 && dm_relation_verb_takes_stance (m->verb) && m->verb->klass != DM_CLASS_STATEMENT &&
      dm_relation_is_yielding_act_noun (R->sink->r->lexicon, word (R, o)))
    dm_slot_collect_doer (R, o, out);
  else if (out->n == 0 && !(m->verb->klass == DM_CLASS_STATEMENT && dm_slot_is_relation_noun (R, o)))
    dm_slot_collect_owner (R, o, m->verb->klass != DM_CLASS_STATEMENT, out);
  /* the word-order rules would take the one it is aimed at as well */
  if (out->n == 0 && backs_act_against (R, m, o))
    R->sink->decided[dm_sentence_tree_token (R->tree, m->trigger)->token] = TRUE;
  else if (out->n == 0 && m->verb->klass != DM_CLASS_STATEMENT)
    dm_slot_aimed_at (R, o, out);
}
