/* dm-relation-slots.c — who fills the slots of a phrase the tree rules read: the actors a
 * nominal stands for, a verb's subject (its own or the one it inherits), its targets, and the
 * owner of a thing acted on (see the header of dm-relations.c for the rules)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

/* The actor mention whose head is token @i, or -1: an actor modifying a noun ("London" in
 * "the London conference") is inside the noun's phrase, not its head. */
static int
actor_at (const Rules *R,
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

static void
add_actor (Actors *a,
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
static gboolean
is_person (const Rules *R,
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
        int m = actor_at (R, (int) k);

        if (m >= 0 && !is_person (R, m))
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
      return actor_at (R, (int) k);
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
        int m = actor_at (R, (int) k);

        if (m >= 0 && !is_person (R, m) &&
            dm_recognition_mention (R->sink->r, (guint) m)->kind != DM_RMENTION_CAPITAL)
          return m;
      }
  return -1;
}

static int
nominal_actor (const Rules *R,
               int          i,
               gboolean     owner)
{
  int m = actor_at (R, i);
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
      m = actor_at (R, (int) k);
  /* "the Hells Angels biker gang", "the Wagner mercenary group": a noun for a kind of
   * organisation is the organisation named before it (a place there is where it is) */
  for (guint k = 0; k < R->tree->n && m < 0 &&
       (dm_lexicon_name_part (R->sink->r->lexicon, word (R, i)) & DM_PART_KIND_NOUN); k++)
    if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_COMPOUND && actor_at (R, (int) k) >= 0 &&
        dm_recognition_mention (R->sink->r, (guint) actor_at (R, (int) k))->type == DM_ACTOR_ORGANIZATION)
      m = actor_at (R, (int) k);
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
        m = actor_at (R, (int) k);
        /* a state or a body acts through its people; a person's sister or lawyer acts
         * for herself ("Thomas' sister pleaded with him") */
        if (m >= 0 && is_person (R, m))
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
    if (head (R, (int) k) == i && (int) k < i && actor_at (R, (int) k) == m &&
        (deprel (R, (int) k) == DM_DEP_AMOD || deprel (R, (int) k) == DM_DEP_COMPOUND))
      for (guint c = k + 1; c < (guint) i; c++)
        if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CONJ &&
            actor_at (R, (int) c) >= 0 && !is_person (R, actor_at (R, (int) c)))
          add_actor (out, actor_at (R, (int) c), (int) c);
}

/* The actors at nominal @i and those coordinated with it ("Y and Z", "Y, Z and W"). */
static void
collect_actors (const Rules *R,
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
  if (actor_at (R, i) < 0 ||
      dm_recognition_mention (R->sink->r, (guint) actor_at (R, i))->type == DM_ACTOR_GROUP)
    for (guint k = 0; k < R->tree->n && out->n == before; k++)
      if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_NMOD && dm_slot_is_inclusion (R, (int) k))
        collect_actors (R, (int) k, owner, out);
  if (out->n == before)
    {
      add_actor (out, nominal_actor (R, i, owner), i);
      if (out->n > before && actor_at (R, i) < 0)
        add_joined_modifiers (R, i, out->mentions[before], out);
    }
  if (out->n > before)
    for (int k = 0; k < i; k++)
      add_actor (out, coordinated_modifier (R, i, k), k);
  for (guint k = 0; k < R->tree->n; k++)
    {
      if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_CONJ)
        add_actor (out, nominal_actor (R, (int) k, owner), (int) k);
      /* "musician Tiziano Lugli and actor Jason Beghe": the parser may hang the second
       * on the name in apposition to the first */
      else if (head (R, (int) k) == i && deprel (R, (int) k) == DM_DEP_APPOS && actor_at (R, i) < 0)
        for (guint c = 0; c < R->tree->n; c++)
          if (head (R, (int) c) == (int) k && deprel (R, (int) c) == DM_DEP_CONJ)
            add_actor (out, nominal_actor (R, (int) c, owner), (int) c);
    }
}

void
dm_slot_collect (const Rules *R,
                 int          i,
                 Actors      *out)
{
  collect_actors (R, i, FALSE, out);
}

/* A subject: its owner acts when it is no actor itself. */
static void
collect_subject (const Rules *R,
                 int          i,
                 Actors      *out)
{
  collect_actors (R, i, TRUE, out);
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

void
dm_slot_event_source (const Rules *R,
                      int          n,
                      Actors      *out)
{
  static const char * const when[] = {
    "after", "during", "following", "since", "before", NULL,
  };
  const DmLexVerb *act = R->matches[n].verb;
  int v = head (R, n);
  gboolean timed = FALSE;

  /* only an act the subject takes part in: "after talks with Y", "after a clash with Y";
   * "after the invasion of Y" is seldom the subject's own */
  if (act == NULL ||
      !(act->klass == DM_CLASS_CONSULT || act->klass == DM_CLASS_AGREE ||
        act->klass == DM_CLASS_COOPERATE || strcmp (act->words[act->n_words - 1], "with") == 0))
    return;
  if (v < 0 || deprel (R, n) != DM_DEP_OBL ||
      dm_sentence_tree_token (R->tree, v)->upos != DM_UPOS_VERB ||
      child (R, n, DM_DEP_NMOD_POSS) >= 0)
    return;
  for (const char * const *w = when; *w != NULL && !timed; w++)
    timed = dm_sentence_tree_child (R->tree, n, DM_DEP_CASE, *w) >= 0;
  if (timed)
    dm_slot_subjects (R, v, out, 0);
}

/* Who a noun's act is by: "X's talks", "US air strikes", "talks by X", "donations from X",
 * or the subject of the verb whose object it is, a verb of no phrase of its own ("X
 * launched strikes on") or of saying ("X tweeted support of"). */
void
dm_slot_noun_source (const Rules *R,
                     int          n,
                     Actors      *out)
{
  int k;

  if ((k = child (R, n, DM_DEP_NMOD_POSS)) >= 0)
    {
      dm_slot_collect (R, k, out);
      /* "its efforts": a possessive pronoun leaves the owner to the verb's subject */
      if (out->n > 0 || dm_sentence_tree_token (R->tree, k)->upos != DM_UPOS_PRON)
        return;
    }
  for (guint c = 0; c < R->tree->n && out->n == 0; c++)
    if (head (R, (int) c) == n &&
        (deprel (R, (int) c) == DM_DEP_COMPOUND || deprel (R, (int) c) == DM_DEP_AMOD))
      dm_slot_collect (R, (int) c, out);
  if (out->n > 0)
    return;
  if ((k = dm_slot_marked_dependent (R, n, "by")) >= 0 || (k = dm_slot_marked_dependent (R, n, "from")) >= 0)
    {
      dm_slot_collect (R, k, out);
      return;
    }
  /* "launched artillery and rocket fire against Y": a noun joined to the object is an
   * object as well */
  for (guint depth = 0; depth < MAX_DEPTH && deprel (R, n) == DM_DEP_CONJ && head (R, n) >= 0 &&
                        dm_sentence_tree_token (R->tree, head (R, n))->upos == DM_UPOS_NOUN; depth++)
    n = head (R, n);
  /* "NASA tweeted support of Y", "X voiced criticism of Y": what a verb of saying puts out
   * is its subject's act as well */
  if (deprel (R, n) == DM_DEP_OBJ && head (R, n) >= 0 &&
      (R->matches[head (R, n)].verb == NULL ||
       (R->matches[head (R, n)].verb->klass == DM_CLASS_STATEMENT &&
        R->matches[head (R, n)].verb->n_words == 1)))
    dm_slot_subjects (R, head (R, n), out, 0);
  else
    dm_slot_event_source (R, n, out);
}

void
dm_slot_agent_noun_source (const Rules *R,
                           int          n,
                           Actors      *out)
{
  if (deprel (R, n) == DM_DEP_APPOS && head (R, n) >= 0)
    dm_slot_collect (R, head (R, n), out);
  else if ((child (R, n, DM_DEP_NSUBJ) >= 0 && child (R, n, DM_DEP_COP) >= 0) ||
           deprel (R, n) == DM_DEP_XCOMP)
    dm_slot_subjects (R, n, out, 0);
}

/* Participles that work as prepositions: "a statement regarding the rejection of Y" is about
 * that rejection; it does not make the one who issued it reject Y. */
static const char * const prepositional_participles[] = {
  "regarding", "concerning", "considering", "following", "including", "excluding", "involving",
  "surrounding", NULL
};

/* "Switzerland said it had expelled …": a pronoun the recognizer left unresolved, as the
 * subject of what a speaker says, is the speaker when they agree ("he"/"she" a person,
 * "it"/"they" a state, a body or a group). */
static void
speaker_as_subject (const Rules *R,
                    int          v,
                    int          s,
                    Actors      *out,
                    guint        depth)
{
  static const char * const personal[] = { "he", "she", NULL };
  static const char * const impersonal[] = { "it", "they", NULL };
  Actors speakers = { 0 };
  int h = head (R, v);
  gboolean person;

  if (h < 0 || deprel (R, v) != DM_DEP_CCOMP || !dm_slot_is_saying (R, h) ||
      dm_sentence_tree_token (R->tree, s)->upos != DM_UPOS_PRON)
    return;
  if (word_in (word (R, s), personal))
    person = TRUE;
  else if (word_in (word (R, s), impersonal))
    person = FALSE;
  else
    return;
  dm_slot_subjects (R, h, &speakers, depth + 1);
  for (guint k = 0; k < speakers.n; k++)
    if (is_person (R, speakers.mentions[k]) == person)
      add_actor (out, speakers.mentions[k], speakers.token);
}

/* The noun phrase head a relative pronoun at @pronoun stands for when the parse hangs its
 * clause on a verb or makes it a clause of its own ("contacted Greenpeace, which helped him"
 * with "helped" under "contacted"): the noun right before it, past one comma; -1 when none. */
static int
relative_antecedent (const Rules *R,
                     int          pronoun)
{
  int k = pronoun - 1;

  if (k >= 0 && strcmp (word (R, k), ",") == 0)
    k--;
  if (k < 0 || (dm_sentence_tree_token (R->tree, k)->upos != DM_UPOS_NOUN &&
                dm_sentence_tree_token (R->tree, k)->upos != DM_UPOS_PROPN))
    return -1;
  while ((deprel (R, k) == DM_DEP_NMOD || deprel (R, k) == DM_DEP_COMPOUND ||
          deprel (R, k) == DM_DEP_FLAT) && head (R, k) >= 0 && head (R, k) < k)
    k = head (R, k);
  return k;
}

/* "Brown defended his budget after Tory leader Michael Howard accused him": the parser may
 * hang the name on a noun before it and make the verb a conjunct of the main one, which would
 * give it the main verb's subject. A name that ends right before a conjunct verb with an
 * object of its own, with no "and" or comma between, is that verb's subject: the head token
 * of that name, or -1. */
static int
stranded_subject (const Rules *R,
                  int          v)
{
  int p = v - 1, m;

  while (p >= 0 && dm_sentence_tree_token (R->tree, p)->upos == DM_UPOS_ADV)
    p--;
  if (p < 0 || dm_sentence_tree_token (R->tree, p)->upos != DM_UPOS_PROPN ||
      dm_sentence_tree_token (R->tree, v)->upos != DM_UPOS_VERB ||
      child (R, v, DM_DEP_CC) >= 0 || child (R, v, DM_DEP_OBJ) < 0 ||
      g_str_has_suffix (word (R, v), "ing") || (m = mention_of (R, p)) < 0 ||
      dm_recognition_mention (R->sink->r, (guint) m)->modifier)
    return -1;
  /* the token of the name whose head lies outside it */
  while (head (R, p) >= 0 && mention_of (R, head (R, p)) == m)
    p = head (R, p);
  return p == head (R, v) ? -1 : p;
}

/* Whether the noun phrase headed by @n comes right after a preposition ("with The Times"):
 * then it is that preposition's object, whatever the parser made it. */
static gboolean
follows_preposition (const Rules *R,
                     int          n)
{
  int first = n;

  /* back over the phrase's own words before its head: "the", "Foreign", a name's first part */
  while (first > 0 && (head (R, first - 1) == n ||
                       (mention_of (R, first - 1) >= 0 && mention_of (R, first - 1) == mention_of (R, n))))
    first--;
  return first > 0 && dm_sentence_tree_token (R->tree, first - 1)->upos == DM_UPOS_ADP &&
         deprel (R, first - 1) == DM_DEP_CASE;
}

/* "France and Germany urged Iran": the parser sometimes gives the verb both conjuncts as
 * subjects instead of making the second a conj of the first. Another subject of @v that only
 * "and" or a list's commas separate from @s is one more source. */
static void
collect_stacked_subjects (const Rules *R,
                          int          v,
                          int          s,
                          Actors      *out)
{
  for (guint k = 0; k < R->tree->n; k++)
    {
      int lo = MIN (s, (int) k), hi = MAX (s, (int) k);
      gboolean joined = FALSE, only_joiners = TRUE;

      if ((int) k == s || head (R, (int) k) != v || deprel (R, (int) k) != DM_DEP_NSUBJ)
        continue;
      /* between them: "and", commas, and the words of the two noun phrases */
      for (int j = lo + 1; j < hi && only_joiners; j++)
        {
          if (strcmp (word (R, j), "and") == 0)
            joined = TRUE;
          else if (strcmp (word (R, j), ",") != 0)
            only_joiners = head (R, j) >= lo && head (R, j) <= hi &&
                           dm_sentence_tree_token (R->tree, j)->upos != DM_UPOS_VERB;
        }
      /* "Malaysia, Thailand and Indonesia": the list's "and" comes later, before a conj */
      if (!joined && only_joiners && child (R, hi, DM_DEP_CONJ) > hi)
        joined = TRUE;
      if (joined && only_joiners)
        collect_subject (R, (int) k, out);
    }
}

/* The subject of verb @v, or the one it inherits (see the file header). */
void
dm_slot_subjects (const Rules *R,
                  int          v,
                  Actors      *out,
                  guint        depth)
{
  static const char * const relative[] = { "who", "which", "that", NULL };
  int s = child (R, v, DM_DEP_NSUBJ);
  int h = head (R, v);

  if (depth > MAX_DEPTH)
    return;
  /* "X's decision to slight Y", whatever the parser hung the clause on */
  if (s < 0 && dm_slot_decision_noun (R, v) >= 0)
    {
      dm_slot_noun_source (R, dm_slot_decision_noun (R, v), out);
      if (out->n > 0)
        return;
    }
  /* "Facebook co-founder Mark Zuckerberg tweeted": of two subjects the parser gives a verb,
   * the one that names an actor itself, before one that only has an owner */
  for (guint k = 0; k < R->tree->n && s >= 0 && nominal_actor (R, s, FALSE) < 0; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_NSUBJ && (int) k != s &&
        nominal_actor (R, (int) k, FALSE) >= 0)
      s = (int) k;
  if (s >= 0)
    {
      if (word_in (word (R, s), relative) && deprel (R, v) == DM_DEP_ACL_RELCL && h >= 0 &&
          dm_sentence_tree_token (R->tree, h)->upos != DM_UPOS_VERB)
        collect_subject (R, h, out);
      else if (word_in (word (R, s), relative_pronouns) && strcmp (word (R, s), "that") != 0)
        collect_subject (R, relative_antecedent (R, s), out);
      else if (follows_preposition (R, s))
        {
          /* "In an interview with The Times, the minister attacked": the preposition's
           * object is no subject; a name the parser hangs on it in apposition may be */
          if (child (R, s, DM_DEP_APPOS) > s)
            collect_subject (R, child (R, s, DM_DEP_APPOS), out);
        }
      else
        {
          collect_subject (R, s, out);
          collect_stacked_subjects (R, v, s, out);
        }
      if (out->n == 0)
        speaker_as_subject (R, v, s, out, depth);
      return;
    }
  if (dm_slot_is_passive (R, v) || h < 0)
    return;
  switch ((int) deprel (R, v))
    {
    case DM_DEP_CONJ:
      if (stranded_subject (R, v) >= 0)
        collect_subject (R, stranded_subject (R, v), out);
      else if (!dm_slot_is_passive (R, h))
        dm_slot_subjects (R, h, out, depth + 1);
      /* "the rebels, who were backed by Y and attacked Z": conjuncts share their subject,
       * the passive one's too (a relative pronoun is the noun its clause describes) */
      else if (child (R, h, DM_DEP_NSUBJ_PASS) >= 0)
        {
          int patient = child (R, h, DM_DEP_NSUBJ_PASS);

          if (word_in (word (R, patient), relative) && deprel (R, h) == DM_DEP_ACL_RELCL &&
              head (R, h) >= 0)
            collect_subject (R, head (R, h), out);
          else
            collect_subject (R, patient, out);
        }
      break;
    case DM_DEP_XCOMP:
      {
        /* "urged Y to …": the object controls the complement; else the subject */
        int o = child (R, h, DM_DEP_OBJ);

        if (o >= 0)
          dm_slot_collect (R, o, out);
        else
          dm_slot_subjects (R, h, out, depth + 1);
      }
      break;
    case DM_DEP_ACL:
      /* "the coalition's efforts to defeat X": the effort's owner acts; so does the owner of
       * a policy or practice of doing ("maintained a policy of turning away Y") */
      if (dm_slot_is_effort_noun (R, h) ||
          (dm_slot_is_habit_noun (R, h) && dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "of") >= 0))
        dm_slot_noun_source (R, h, out);
      /* "X and Y have maintained a policy of turning away boats": a practice kept up is
       * done by whoever keeps it up */
      else if (dm_slot_is_practice_kept (R, v, h))
        dm_slot_subjects (R, head (R, h), out, depth + 1);
      /* "Iranian students demonstrated against Y." parsed as a noun phrase: a finite verb
       * describing the noun that heads the whole sentence is that noun's predicate */
      else if (deprel (R, h) == DM_DEP_ROOT && child (R, v, DM_DEP_MARK) < 0 &&
               dm_sentence_tree_token (R->tree, v)->upos == DM_UPOS_VERB &&
               (dm_sentence_tree_token (R->tree, h)->upos == DM_UPOS_NOUN ||
                dm_sentence_tree_token (R->tree, h)->upos == DM_UPOS_PROPN) &&
               child (R, h, DM_DEP_COP) < 0 && !g_str_has_suffix (word (R, v), "ing"))
        collect_subject (R, h, out);
      /* "issued a declaration demanding that …", "released a statement condemning X": a
       * participle describing what a subject puts out is the subject's own act */
      else if (child (R, v, DM_DEP_MARK) < 0 && !word_in (word (R, v), prepositional_participles) &&
               deprel (R, h) == DM_DEP_OBJ && head (R, h) >= 0 &&
               R->matches[head (R, h)].verb == NULL &&
               dm_sentence_tree_token (R->tree, v)->upos == DM_UPOS_VERB &&
               g_str_has_suffix (word (R, v), "ing"))
        dm_slot_subjects (R, head (R, h), out, depth + 1);
      break;
    case DM_DEP_ADVCL:
      /* ", calling on NATO allies": a participle clause; "(in order) to protest X": a
       * purpose, what the subject acts for (PLOVER codes it); not "if …" */
      if (child (R, v, DM_DEP_MARK) < 0)
        dm_slot_subjects (R, dm_slot_participle_controller (R, v, h), out, depth + 1);
      else if (dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "to") >= 0)
        dm_slot_subjects (R, h, out, depth + 1);
      /* "after leaving the party", "while attacking Y": a gerund after a subordinator is
       * done by the main clause's subject, a passive one too ("X was arrested after
       * leaving Y"); a purpose is not the passive subject's ("was arrested to stop Y") */
      else if (dm_slot_is_gerund_after_subordinator (R, v))
        {
          if (child (R, h, DM_DEP_NSUBJ) < 0 && child (R, h, DM_DEP_NSUBJ_PASS) >= 0)
            collect_subject (R, child (R, h, DM_DEP_NSUBJ_PASS), out);
          else
            dm_slot_subjects (R, h, out, depth + 1);
        }
      /* "was arrested for collaborating with Y", "was charged with stealing from Y": what one
       * is held, charged or praised for is the passive subject's deed (as charged) */
      else if (dm_slot_is_charged_deed (R, v))
        collect_subject (R, child (R, h, DM_DEP_NSUBJ_PASS), out);
      break;
    default:
      break;
    }
}

void
dm_slot_predicate_subjects (const Rules *R,
                            int          a,
                            Actors      *out)
{
  /* "was disappointed with": the parser reads a participle after "be" as a passive, whose
   * subject is the one who feels it all the same */
  if (child (R, a, DM_DEP_NSUBJ) < 0 && child (R, a, DM_DEP_NSUBJ_PASS) >= 0)
    collect_subject (R, child (R, a, DM_DEP_NSUBJ_PASS), out);
  /* a copular clause has its subject on the adjective; "remained critical of" is an
   * xcomp of a linking verb, whose subject it shares */
  else if (child (R, a, DM_DEP_NSUBJ) >= 0 || deprel (R, a) == DM_DEP_XCOMP ||
           deprel (R, a) == DM_DEP_CONJ)
    dm_slot_subjects (R, a, out, 0);
}

static gboolean
is_relation_noun (const Rules *R,
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
      is_relation_noun (R, n))
    return FALSE;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD &&
        (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "in") >= 0 ||
         dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "inside") >= 0) &&
        actor_at (R, (int) k) >= 0 &&
        dm_recognition_mention (R->sink->r, (guint) actor_at (R, (int) k))->type == DM_ACTOR_COUNTRY)
      return TRUE;
  return FALSE;
}

/* Whose the non-actor thing @n is: its possessor ("rejected Germany's plan"), or the agent
 * of a participle that describes it ("rejected a system backed by the Red Cross"); with
 * @named, also an actor named before it or after "of", "by" (not for what is said:
 * the object of "said" is more often a misparsed clause than a thing). */
void
dm_slot_collect_owner (const Rules *R,
                       int          n,
                       gboolean     named,
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
        int m = actor_at (R, (int) k);

        if (m >= 0 && dm_recognition_mention (R->sink->r, (guint) m)->kind != DM_RMENTION_CAPITAL)
          add_actor (out, m, (int) k);
      }
  /* "an admission by Moscow", "calls by Belarus's rulers", "the demands of the union"; not
   * "from": it names where people come from ("attacked defectors from Y" attacks them, not
   * Y), and a relation noun's giver ("support from Y") has its own rule */
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD && !has_gerund_before (R, (int) k) &&
        (dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "of") >= 0 ||
         dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "by") >= 0))
      dm_slot_collect (R, (int) k, out);
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
    add_actor (objects, nominal_actor (R, n, TRUE), n);
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
        int a = actor_at (R, (int) k);

        if (a >= 0 && dm_recognition_mention (R->sink->r, (guint) a)->type == DM_ACTOR_COUNTRY &&
            dm_recognition_mention (R->sink->r, (guint) a)->kind != DM_RMENTION_CAPITAL)
          add_actor (out, a, (int) k);
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

/* What the phrase @m is about. */
void
dm_slot_targets (const Rules       *R,
                 const DmVerbMatch *m,
                 Actors            *out)
{
  int o;

  if (m->prep_object >= 0)
    {
      dm_slot_collect (R, m->prep_object, out);
      /* "agreed to US mediation", "protest against Sweden's decision", "reneged on his
       * commitment to the Zambian people": whose the thing is, or whom it is aimed at */
      if (out->n == 0 && (!m->verb->is_noun || is_force (m->verb)) &&
          m->verb->klass != DM_CLASS_STATEMENT && !is_relation_noun (R, m->prep_object))
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
    return;
  /* "the policy, which the UN criticised": the object is the noun the clause describes */
  if (word_in (word (R, o), relative_pronouns) && deprel (R, m->trigger) == DM_DEP_ACL_RELCL &&
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
   * the noun's nmod, see collect_actors ()) */
  if (actor_at (R, o) < 0 ||
      dm_recognition_mention (R->sink->r, (guint) actor_at (R, o))->type == DM_ACTOR_GROUP)
    for (guint k = 0; k < R->tree->n && out->n == 0; k++)
      if (head (R, (int) k) == m->trigger && deprel (R, (int) k) == DM_DEP_OBL &&
          (int) k > o && dm_slot_is_inclusion (R, (int) k))
        dm_slot_collect (R, (int) k, out);
  if (out->n == 0)
    dm_slot_collect (R, o, out);
  /* "reiterated Trump's criticism": a verb of saying repeats the act of the possessor of a
   * relation noun; it is not about that possessor */
  if (out->n == 0 && !(m->verb->klass == DM_CLASS_STATEMENT && is_relation_noun (R, o)))
    dm_slot_collect_owner (R, o, m->verb->klass != DM_CLASS_STATEMENT, out);
  if (out->n == 0 && m->verb->klass != DM_CLASS_STATEMENT)
    dm_slot_aimed_at (R, o, out);
}
