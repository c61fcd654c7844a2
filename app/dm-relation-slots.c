/* dm-relation-slots.c — which actors a nominal of the parse stands for, and the owner of a
 * thing acted on: what the subject (dm-relation-subjects.c) and target
 * (dm-relation-targets.c) rules collect (see the header of dm-relations.c for the rules)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

/* The actor mention whose head is token @i, or -1: an actor modifying a noun ("London" in
 * "the London conference") is inside the noun's phrase, not its head. */
int
dm_slot_actor_at (const Rules *R,
                  int          i)
{
  int m = mention_of (R, i), h;

  if (m < 0 || dm_recognition_mention (R->sink->r, (guint) m)->modifier)
    return -1;
  h = head (R, i);
  /* the head of the mention is the token whose own head lies outside it */
  if (h >= 0 && mention_of (R, h) == m)
    return -1;
  return m;
}

void
dm_slot_add_actor (Actors *a,
                   int     m,
                   int     token)
{
  if (m < 0 || a->n == MAX_ACTORS)
    return;
  for (guint k = 0; k < a->n; k++)
    if (a->mentions[k] == m)
      return;
  if (a->n == 0)
    a->token = token;
  a->mentions[a->n++] = m;
}

/* Is nominal @i a noun for people who act for whoever it names ("security forces in Guinea",
 * "Chilean government officials", "former members of the party", "Ugandan opposition
 * candidates")? name-parts.tsv lists them (collective, government-body, armed-body, sector). */
static gboolean
is_body_noun (const Rules *R,
              int          i)
{
  static const char * const people[] = {
    "candidates", "supporters", "representatives", "envoys", "delegation", "delegations",
    "spokesman", "spokeswoman", "spokesperson", "rulers", "staff", "agents", "units", "group",
    "groups", "team", "teams", NULL,
  };

  /* a measure stands for its "of" phrase: "hundreds of rebels" */
  return (dm_lexicon_name_part (R->sink->r->lexicon, word (R, i)) &
          (DM_PART_COLLECTIVE | DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR |
           DM_PART_MEASURE)) != 0 ||
         word_in (word (R, i), people);
}

/* Is mention @m a person's (whose sister or lawyer acts for herself)? */
gboolean
dm_slot_is_person (const Rules *R,
                   int          m)
{
  DmActorType type = dm_recognition_mention (R->sink->r, (guint) m)->type;

  return type == DM_ACTOR_PERSON || type == DM_ACTOR_OFFICIAL;
}

/* The actor a nominal stands for: its own mention, or a name in apposition ("the leader,
 * Yasser Arafat"). With @owner, a subject's owner too: "Taiwan's minister", "Israeli
 * troops" act for Taiwan and Israel; an object's modifier is never its actor ("the London
 * conference"), unless the object is a body of people ("banned Ugandan opposition
 * candidates", "investigations against Chilean government officials"). A body of people
 * also acts for the state or organisation it is "of" or "in" ("security forces in Guinea",
 * "members of Scientology"), unless it was that only formerly. */
/* Does body of people @i carry a name of its own before it, capitalised, that the recognizer
 * knows as no actor ("Moslem forces", "Hutu militias")? Such a name says whose they are, so
 * "in Y" after them is only where they are ("Moslem forces in east Bosnia" fight Bosnia's
 * army, "Tamil rebels in Sri Lanka" fight Sri Lanka). */
static gboolean
has_own_name (const Rules *R,
              int          i)
{
  /* from the second word on: the first is capitalised whatever it is ("Security forces") */
  for (guint k = 1; k < R->tree->n; k++)
    if (head (R, (int) k) == i && (int) k < i &&
        (deprel (R, (int) k) == DM_DEP_COMPOUND || deprel (R, (int) k) == DM_DEP_AMOD) &&
        mention_of (R, (int) k) < 0 &&
        dm_sentence_tree_token (R->tree, (int) k)->upos == DM_UPOS_PROPN &&
        g_ascii_isupper (R->sink->r->doc->text[dm_sentence_tree_token (R->tree, (int) k)->start]))
      return TRUE;
  return FALSE;
}

/* Has noun @k a gerund before it ("of bombing civilians")? Then it is what the gerund acts
 * on, which the parser hangs as an "of" phrase on the noun before: no owner of that noun. */
static gboolean
has_gerund_before (const Rules *R,
                   int          k)
{
  for (guint j = 0; j < R->tree->n; j++)
    if (head (R, (int) j) == k && (int) j < k && deprel (R, (int) j) == DM_DEP_AMOD &&
        dm_sentence_tree_token (R->tree, (int) j)->upos == DM_UPOS_VERB &&
        g_str_has_suffix (word (R, (int) j), "ing"))
      return TRUE;
  return FALSE;
}

/* The actor a body of people @i is "of" or "in" ("security forces in Guinea", "inspectors
 * of the IAEA"), or -1; not what a gerund acts on ("accused the army of bombing civilians"). */
static int
body_owner (const Rules *R,
            int          i)
{
  gboolean located = has_own_name (R, i);

  /* "former members of NATO" no longer act for it (and often against it) */
  if (dm_sentence_tree_child (R->tree, i, DM_DEP_AMOD, "former") >= 0)
    return -1;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_NMOD && !has_gerund_before (R, (int) k) &&
        (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "of") >= 0 ||
         (!located && dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "in") >= 0)))
      {
        int m = dm_slot_actor_at (R, (int) k);

        if (m >= 0 && !dm_slot_is_person (R, m))
          return m;
      }
  return -1;
}

/* "a group of diplomats", "a delegation of officials", "hundreds of protesters": a noun
 * that only counts or gathers the actors it is "of", who act themselves, persons too; -1
 * for any other noun. */
static int
gathered_actor (const Rules *R,
                int          i)
{
  static const char * const gathering[] = {
    "group", "groups", "delegation", "team", "number", "handful", "crowd", "band", "dozens",
    "hundreds", "thousands", "scores", "couple", NULL,
  };

  if (!word_in (word (R, i), gathering))
    return -1;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_NMOD &&
        (int) k > i && dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "of") >= 0)
      return dm_slot_actor_at (R, (int) k);
  return -1;
}

/* The state or organisation named right before a body of people @i that qualifies it
 * ("Israeli intelligence officials", "Chilean government officials"), or -1; never a
 * person (a minister's aides act for themselves) nor a city (a place). */
static int
qualifying_owner (const Rules *R,
                  int          i)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == i && (int) k < i &&
        (deprel (R, (int) k) == DM_DEP_AMOD || deprel (R, (int) k) == DM_DEP_COMPOUND))
      {
        int m = dm_slot_actor_at (R, (int) k);

        if (m >= 0 && !dm_slot_is_person (R, m) &&
            dm_recognition_mention (R->sink->r, (guint) m)->kind != DM_RMENTION_CAPITAL)
          return m;
      }
  return -1;
}

int
dm_slot_nominal_actor (const Rules *R,
                       int          i,
                       gboolean     owner)
{
  int m = dm_slot_actor_at (R, i);
  gboolean body;

  if (m < 0 && gathered_actor (R, i) >= 0)
    return gathered_actor (R, i);

  /* "inspectors of the IAEA", "Israeli intelligence officials": a kind of people the
   * recognizer names only by that word acts for the state or organisation that qualifies
   * it, or that it is said to be of */
  if (m >= 0 && is_body_noun (R, i) &&
      g_ascii_strcasecmp (dm_recognition_mention (R->sink->r, (guint) m)->actor, word (R, i)) == 0)
    {
      if (qualifying_owner (R, i) >= 0)
        return qualifying_owner (R, i);
      if (body_owner (R, i) >= 0)
        return body_owner (R, i);
    }

  for (guint k = 0; k < R->tree->n && m < 0; k++)
    if (head (R, (int) k) == i &&
        (deprel (R, (int) k) == DM_DEP_APPOS || deprel (R, (int) k) == DM_DEP_FLAT))
      m = dm_slot_actor_at (R, (int) k);
  /* "the Hells Angels biker gang", "the Wagner mercenary group": a noun for a kind of
   * organisation is the organisation named before it (a place there is where it is) */
  for (guint k = 0; k < R->tree->n && m < 0 &&
       (dm_lexicon_name_part (R->sink->r->lexicon, word (R, i)) & DM_PART_KIND_NOUN); k++)
    if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_COMPOUND && dm_slot_actor_at (R, (int) k) >= 0 &&
        dm_recognition_mention (R->sink->r, (guint) dm_slot_actor_at (R, (int) k))->type == DM_ACTOR_ORGANIZATION)
      m = dm_slot_actor_at (R, (int) k);
  if (m >= 0)
    return m;
  body = is_body_noun (R, i);
  if (!owner && !body)
    return -1;
  for (guint k = 0; k < R->tree->n && m < 0; k++)
    if (head (R, (int) k) == i &&
        (deprel (R, (int) k) == DM_DEP_NMOD_POSS || deprel (R, (int) k) == DM_DEP_AMOD ||
         deprel (R, (int) k) == DM_DEP_COMPOUND))
      {
        m = dm_slot_actor_at (R, (int) k);
        /* a state or a body acts through its people; a person's sister or lawyer acts
         * for herself ("Thomas' sister pleaded with him") */
        if (m >= 0 && dm_slot_is_person (R, m))
          m = -1;
      }
  if (m < 0 && body)
    m = body_owner (R, i);
  return m;
}

gboolean
dm_slot_is_inclusion (const Rules *R,
                      int          k)
{
  int such;

  if (dm_sentence_tree_child (R->tree, k, DM_DEP_CASE, "including") >= 0)
    return TRUE;
  such = dm_sentence_tree_child (R->tree, k, DM_DEP_CASE, "such");
  return such >= 0 && dm_sentence_tree_child (R->tree, such, DM_DEP_FIXED, "as") >= 0;
}

/* "North and South Korea", "Israeli and Palestinian officials": an actor that shares the
 * head of the mention at @i, joined to it by "and" or "or" right before that mention, is
 * coordinated with it, though the parser hangs it on the head as a modifier. -1 if none
 * at @k. */
static int
coordinated_modifier (const Rules *R,
                      int          i,
                      int          k)
{
  int own = mention_of (R, i), m = mention_of (R, k);

  if (head (R, k) != i || k + 2 > i || m < 0 || m == own ||
      (deprel (R, k) != DM_DEP_COMPOUND && deprel (R, k) != DM_DEP_AMOD) ||
      deprel (R, k + 1) != DM_DEP_CC || !word_in (word (R, k + 1), (const char * const[]) { "and", "or", NULL }) ||
      mention_of (R, k + 2) < 0 || mention_of (R, k + 2) == m)
    return -1;
  return m;
}

/* "the Turkish and Greek sides agreed", "US and Russian negotiators met": a nominal that
 * is no actor and stands for the state named in its modifier @m stands as well for the
 * states joined to that modifier. */
static void
add_joined_modifiers (const Rules *R,
                      int          i,
                      int          m,
                      Actors      *out)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == i && (int) k < i && dm_slot_actor_at (R, (int) k) == m &&
        (deprel (R, (int) k) == DM_DEP_AMOD || deprel (R, (int) k) == DM_DEP_COMPOUND))
      for (guint c = k + 1; c < (guint) i; c++)
        if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CONJ &&
            dm_slot_actor_at (R, (int) c) >= 0 && !dm_slot_is_person (R, dm_slot_actor_at (R, (int) c)))
          dm_slot_add_actor (out, dm_slot_actor_at (R, (int) c), (int) c);
}

static gboolean
members_are_persons (const Rules  *R,
                     int           i,
                     const Actors *out,
                     guint         from)
{
  gboolean owned = FALSE;

  /* the group is people of a body it names ("members of X"), not a kind ("politicians") */
  for (guint k = 0; k < R->tree->n && !owned; k++)
    owned = head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_NMOD &&
            mention_of (R, (int) k) >= 0 && !dm_slot_is_inclusion (R, (int) k);
  if (!owned)
    return FALSE;
  for (guint k = from; k < out->n; k++)
    if (!dm_slot_is_person (R, out->mentions[k]))
      return FALSE;
  return TRUE;
}

/* The actors at nominal @i and those coordinated with it ("Y and Z", "Y, Z and W"). */
void
dm_slot_collect_actors (const Rules *R,
                        int          i,
                        gboolean     owner,
                        Actors      *out)
{
  if (i < 0)
    return;
  guint before = out->n;

  if (out->slot == 0)
    out->slot = i + 1;
  /* "According to X, Y was provided with …" parsed with X as the subject: one whose words
   * the sentence reports stands in no slot of its act */
  if (dm_sentence_tree_child (R->tree, i, DM_DEP_CASE, "according") >= 0)
    return;
  /* "former members of X, including Tiziano Lugli and Jason Beghe": a group that is no actor,
   * or is only a group ("allies of Syria"), acts through the actors it is said to include,
   * before it acts for its owner */
  if (dm_slot_actor_at (R, i) < 0 ||
      dm_recognition_mention (R->sink->r, (guint) dm_slot_actor_at (R, i))->type == DM_ACTOR_GROUP)
    for (guint k = 0; k < R->tree->n && out->n == before; k++)
      if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_NMOD && dm_slot_is_inclusion (R, (int) k))
        dm_slot_collect_actors (R, (int) k, owner, out);
  /* a group of people the text names as an actor of its own ("former members of
   * Scientology, including musician X") is more than the few persons it is said to include,
   * and acts beside them; a group of states or bodies ("allies of Syria, including Jordan")
   * acts only through the ones named */
  if (out->n > before && dm_slot_actor_at (R, i) >= 0 && members_are_persons (R, i, out, before))
    dm_slot_add_actor (out, dm_slot_nominal_actor (R, i, owner), i);
  if (out->n == before)
    {
      dm_slot_add_actor (out, dm_slot_nominal_actor (R, i, owner), i);
      if (out->n > before && dm_slot_actor_at (R, i) < 0)
        add_joined_modifiers (R, i, out->mentions[before], out);
    }
  if (out->n > before)
    for (int k = 0; k < i; k++)
      dm_slot_add_actor (out, coordinated_modifier (R, i, k), k);
  for (guint k = 0; k < R->tree->n; k++)
    {
      if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_CONJ)
        dm_slot_add_actor (out, dm_slot_nominal_actor (R, (int) k, owner), (int) k);
      /* "musician Tiziano Lugli and actor Jason Beghe": the parser may hang the second
       * on the name in apposition to the first */
      else if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_APPOS && dm_slot_actor_at (R, i) < 0)
        for (guint c = 0; c < R->tree->n; c++)
          if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CONJ)
            dm_slot_add_actor (out, dm_slot_nominal_actor (R, (int) c, owner), (int) c);
    }
}

void
dm_slot_collect (const Rules *R,
                 int          i,
                 Actors      *out)
{
  dm_slot_collect_actors (R, i, FALSE, out);
}

/* A subject: its owner acts when it is no actor itself. */
void
dm_slot_collect_subject (const Rules *R,
                         int          i,
                         Actors      *out)
{
  dm_slot_collect_actors (R, i, TRUE, out);
}

/* The nominal dependent of @i marked by preposition @prep ("by X", "from X"), or -1. */
int
dm_slot_marked_dependent (const Rules *R,
                          int          i,
                          const char  *prep)
{
  for (guint k = 0; k < R->tree->n; k++)
    {
      DmDeprel d = deprel (R, (int) k);

      if (head (R, (int) k) == i &&
          (d == DM_DEP_OBL || d == DM_DEP_OBL_AGENT || d == DM_DEP_NMOD) &&
          dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, prep) >= 0)
        return (int) k;
    }
  return -1;
}

int
dm_slot_agent_on_oblique (const Rules *R,
                          int          v)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_OBL &&
        dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "by") < 0)
      {
        int by = dm_slot_marked_dependent (R, (int) k, "by");

        if (by >= 0 && by > (int) k)
          return by;
      }
  return -1;
}

gboolean
dm_slot_is_passive (const Rules *R,
                    int          v)
{
  return child (R, v, DM_DEP_NSUBJ_PASS) >= 0 || child (R, v, DM_DEP_AUX_PASS) >= 0;
}


static const char * const relative_pronouns[] = { "who", "whom", "which", "that", NULL };

gboolean
dm_slot_is_relative_pronoun (const char *word)
{
  return word_in (word, relative_pronouns);
}

/* A noun whose purpose clause is an act under way, not an aim: "efforts to defeat X", "the
 * campaign to oust Y" are the fight itself (re3d and PLOVER code them as acts); "a plan to",
 * "a bid to" stay unasserted. */
gboolean
dm_slot_is_effort_noun (const Rules *R,
                        int          n)
{
  static const char * const efforts[] = {
    "effort", "efforts", "campaign", "campaigns", "operation", "operations", "mission",
    "missions", "fight", "struggle", "war", "offensive", "work", NULL,
  };

  return n >= 0 && word_in (word (R, n), efforts);
}

gboolean
dm_slot_is_habit_noun (const Rules *R,
                       int          n)
{
  static const char * const habits[] = {
    "policy", "policies", "practice", "practices", "strategy", "tactic", "tactics", "history",
    "pattern", "habit", NULL,
  };

  return n >= 0 && word_in (word (R, n), habits);
}

int
dm_slot_decision_noun (const Rules *R,
                       int          v)
{
  static const char * const decisions[] = { "decision", "decisions", "move", "choice", NULL };
  int to = dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "to");
  int n = to - 1;

  if (to < 1 || to > v || dm_sentence_tree_token (R->tree, n)->upos != DM_UPOS_NOUN ||
      !word_in (word (R, n), decisions))
    return -1;
  /* the clause on the noun, or both on one verb: "disappointed with X's decision | to …" */
  if (head (R, v) == n || (head (R, v) >= 0 && head (R, n) == head (R, v)))
    return n;
  return -1;
}

/* "suspended Georgia's bid | to join Y": a noun of aim whose purpose clause the parser hung
 * on the verb beside it (advcl, not acl); like "a bid to join Y" the clause is an aim, not
 * the act. Returns the noun, or -1. */
int
dm_slot_aim_noun (const Rules *R,
                  int          v)
{
  static const char * const aims[] = {
    "bid", "bids", "attempt", "attempts", "hope", "hopes", "plan", "plans", "aim", "aims",
    "ambition", "ambitions", "quest", "intention", "intentions", "proposal", "proposals",
    "offer", "offers", "application", "desire", "wish", NULL,
  };
  int to = dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "to");
  int n = to - 1;

  if (to < 1 || to > v || dm_sentence_tree_token (R->tree, n)->upos != DM_UPOS_NOUN ||
      !word_in (word (R, n), aims))
    return -1;
  if (head (R, v) == n || (head (R, v) >= 0 && head (R, n) == head (R, v)))
    return n;
  return -1;
}

gboolean
dm_slot_is_relation_noun (const Rules *R,
                          int          n)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (R->sink->r->lexicon, word (R, n));

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    if (((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb->is_noun)
      return TRUE;
  return FALSE;
}

gboolean
dm_slot_is_former_body (const Rules *R,
                        int          n)
{
  return n >= 0 && is_body_noun (R, n) &&
         dm_sentence_tree_child (R->tree, n, DM_DEP_AMOD, "former") >= 0;
}

gboolean
dm_slot_is_located_thing (const Rules *R,
                          int          n)
{
  /* an act there ("condemned attacks in Syria") may be the state's own: left to the
   * word-order rules */
  if (n < 0 || mention_of (R, n) >= 0 || dm_sentence_tree_token (R->tree, n)->upos != DM_UPOS_NOUN ||
      dm_slot_is_relation_noun (R, n))
    return FALSE;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD &&
        (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "in") >= 0 ||
         dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "inside") >= 0) &&
        dm_slot_actor_at (R, (int) k) >= 0 &&
        dm_recognition_mention (R->sink->r, (guint) dm_slot_actor_at (R, (int) k))->type == DM_ACTOR_COUNTRY)
      return TRUE;
  return FALSE;
}

/* Whose the non-actor thing @n is: its possessor ("rejected Germany's plan"), or the agent
 * of a participle that describes it ("rejected a system backed by the Red Cross"); with
 * @named, also an actor named before it or after "of", "by" (not for what is said:
 * the object of "said" is more often a misparsed clause than a thing). */
static void
collect_owner (const Rules *R,
               int          n,
               gboolean     named,
               gboolean     of_names_owner,
               Actors      *out)
{
  int poss = child (R, n, DM_DEP_NMOD_POSS);

  if (poss >= 0)
    {
      dm_slot_collect (R, poss, out);
      return;
    }
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_ACL &&
        dm_sentence_tree_token (R->tree, (int) k)->upos == DM_UPOS_VERB)
      {
        int agent = child (R, (int) k, DM_DEP_OBL_AGENT);

        if (agent < 0)
          agent = dm_slot_marked_dependent (R, (int) k, "by");
        if (agent >= 0)
          dm_slot_collect (R, agent, out);
      }
  /* "contacted former members of the party": people who have left what they were of are
   * no thing of its own (body_owner ()) */
  if (!named || dm_slot_is_former_body (R, n))
    return;
  /* "rejected an Indian proposal", "vetoed a Security Council resolution": a state or an
   * organisation named before the thing is whose it is; a city there is where it is ("the
   * London conference") */
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n &&
        (deprel (R, (int) k) == DM_DEP_COMPOUND || deprel (R, (int) k) == DM_DEP_AMOD))
      {
        int m = dm_slot_actor_at (R, (int) k);

        if (m >= 0 && dm_recognition_mention (R->sink->r, (guint) m)->kind != DM_RMENTION_CAPITAL)
          dm_slot_add_actor (out, m, (int) k);
      }
  /* "an admission by Moscow", "calls by Belarus's rulers", "the demands of the union"; not
   * "from": it names where people come from ("attacked defectors from Y" attacks them, not
   * Y), and a relation noun's giver ("support from Y") has its own rule; nor "of" after a
   * hostile act: "the killing of Y", "the arrest of Y" name whom it is done to */
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD && !has_gerund_before (R, (int) k) &&
        ((of_names_owner && dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "of") >= 0) ||
         dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "by") >= 0))
      dm_slot_collect (R, (int) k, out);
}

void
dm_slot_collect_owner (const Rules *R,
                       int          n,
                       gboolean     named,
                       Actors      *out)
{
  collect_owner (R, n, named, !dm_relation_is_hostile_act_noun (R->sink->r->lexicon, word (R, n)), out);
}

void
dm_slot_collect_doer (const Rules *R,
                      int          n,
                      Actors      *out)
{
  collect_owner (R, n, TRUE, FALSE, out);
}

/* Whose is the policy or deed a protest is against, when that is no actor: "riots against
 * Israeli military policies", "a strike over a bill signed by Y", "in protest against the
 * violations by Y". PROTEST is aimed at the recipient (codebook), who owns what is
 * protested; a modifier stands for its owner here, unlike in "the London conference". */
void
dm_slot_protested_owner (const Rules *R,
                         Actors      *objects)
{
  int n = objects->slot - 1;

  if (n < 0 || objects->n > 0)
    return;
  dm_slot_collect_owner (R, n, TRUE, objects);
  if (objects->n == 0)
    dm_slot_add_actor (objects, dm_slot_nominal_actor (R, n, TRUE), n);
  if (objects->n == 0)
    dm_slot_collect (R, dm_slot_marked_dependent (R, n, "by"), objects);
}

/* "threatened further action against Russia", "continue military aid to Mozambique": a
 * non-actor object (or a verb's oblique) aimed at an actor by a preposition of direction. */
void
dm_slot_aimed_at (const Rules *R,
                  int          n,
                  Actors      *out)
{
  static const char * const toward[] = {
    "against", "on", "upon", "to", "toward", "towards", "at", "with", NULL,
  };

  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && (deprel (R, (int) k) == DM_DEP_NMOD || deprel (R, (int) k) == DM_DEP_OBL))
      for (guint c = 0; c < R->tree->n; c++)
        if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CASE &&
            word_in (word (R, (int) c), toward))
          {
            dm_slot_collect (R, (int) k, out);
            break;
          }
}
