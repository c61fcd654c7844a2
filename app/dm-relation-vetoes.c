/* dm-relation-vetoes.c — what a parsed sentence forbids the word-order rules
 *
 * The word-order rules (dm-relation-fallback.c) find a source and a target by where actors
 * stand; in a parsed sentence the tree can say that a candidate is no such thing. Each
 * function here is one such veto, read from the head and relation the parse gives each token
 * (c->sink->head_of, deprel_of): a statement's addressee that is the subject of the clause
 * said, a source that is not the noun a relative clause describes, a person who only owns the
 * subject, a target that is only where the act happens or where the object comes from, or
 * that belongs to a clause with a subject of its own, and the like (see each function).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-relation-vetoes.h"

static gboolean
in_trigger (const Trigger *t,
            int            k)
{
  return k >= (int) t->first && k <= (int) t->last;
}

/* Does the parse make mention @m the subject of a verb other than the trigger's? */
gboolean
dm_veto_is_clause_subject (const Clause  *c,
                           int            m,
                           const Trigger *t)
{
  const DmRMention *rm = mention (c, m);

  for (guint k = rm->first; k <= rm->last; k++)
    if ((c->sink->deprel_of[k] == DM_DEP_NSUBJ || c->sink->deprel_of[k] == DM_DEP_NSUBJ_PASS) &&
        c->sink->head_of[k] >= 0 && !in_trigger (t, c->sink->head_of[k]))
      return TRUE;
  return FALSE;
}

/* Is token @k inside the subtree of token @top in the parse? */
static gboolean
is_under (const Clause *c,
          int           k,
          int           top)
{
  for (guint depth = 0; k >= 0 && depth < 16; depth++, k = c->sink->head_of[k])
    if (k == top)
      return TRUE;
  return FALSE;
}

/* The first verb of the coordination verb @v is in ("criticised" of "criticised … and
 * called on"), @v itself when it is no conjunct. */
static int
first_conjunct (const Clause *c,
                int           v)
{
  for (guint depth = 0; depth < 6 && c->sink->deprel_of[v] == DM_DEP_CONJ && c->sink->head_of[v] >= 0; depth++)
    v = c->sink->head_of[v];
  return v;
}

/* In a parsed sentence, is mention @m inside the object of a verb that the trigger is
 * coordinated with ("criticised Mr Brown's plan and called on Y": Brown does not call)? The
 * verbs of one coordination share their subject; what the first acts on is not it. */
gboolean
dm_veto_in_object_of_conjunct (const Clause  *c,
                               int            m,
                               const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];
      DmDeprel d = c->sink->deprel_of[k];

      if (h < 0 || in_trigger (t, h) || in_trigger (t, k))
        return FALSE;
      if ((d == DM_DEP_OBJ || d == DM_DEP_IOBJ) && c->sink->upos[h] == DM_UPOS_VERB)
        return first_conjunct (c, h) == first_conjunct (c, (int) t->first) &&
               !is_under (c, (int) t->first, k);
      k = h;
    }
  return FALSE;
}

/* Is token @j a noun owned by a person's possessive pronoun ("his brother", "my mum")? */
static gboolean
is_owned_by_person (const Clause *c,
                    int           j)
{
  static const char * const personal[] = { "my", "his", "her", "your" };

  for (guint p = c->first; p < c->end; p++)
    if (c->sink->head_of[p] == j && c->sink->deprel_of[p] == DM_DEP_NMOD_POSS &&
        IN_LIST (lower (c, p), personal))
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, has the trigger a subject of its own, a noun and no actor, that
 * mention @m is not named in? For a participle any such noun ("with laws banning migrants":
 * the laws ban, not the actor of the clause before); for a finite verb only one a person's
 * pronoun owns ("X said his brother had attacked Y": the brother attacks, not X). Other
 * finite subjects are left to the other vetoes: the parse misses long names in them as
 * often ("rights organization Amnesty demanded"). */
gboolean
dm_veto_has_other_subject (const Clause  *c,
                           int            m,
                           const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == (int) t->first && c->sink->deprel_of[j] == DM_DEP_NSUBJ &&
        c->mention_at[j] < 0 && c->sink->upos[j] == DM_UPOS_NOUN && !(k >= 0 && is_under (c, k, (int) j)) &&
        (t->form == DM_VERB_FORM_GERUND || is_owned_by_person (c, (int) j)))
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, the noun of the trigger's subject that mention @m only modifies
 * ("Y" in "bureaucrats of Y complained", "NATO troops in Y attacked"), or -1. */
static int
subject_noun_around (const Clause  *c,
                     int            m,
                     const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), noun;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_NMOD)
    return -1;
  noun = c->sink->head_of[k];
  if (noun < 0 || c->mention_at[noun] == m ||
      (c->sink->deprel_of[noun] != DM_DEP_NSUBJ && c->sink->deprel_of[noun] != DM_DEP_NSUBJ_PASS) ||
      !in_trigger (t, c->sink->head_of[noun]))
    return -1;
  return noun;
}

/* In a parsed sentence, is mention @m only named inside the trigger's subject, a noun that
 * does not act for it ("bureaucrats of the Conservative government have complained": the
 * bureaucrats do)? A body that acts for what it belongs to ("forces of X", "the government
 * of X", "members of X": name-parts.tsv) or a title ("the spokesman for X") passes it on. */
gboolean
dm_veto_inside_other_subject (const Clause  *c,
                              int            m,
                              const Trigger *t)
{
  int noun = subject_noun_around (c, m, t);
  const guint bodies = DM_PART_COLLECTIVE | DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY |
                       DM_PART_SECTOR | DM_PART_POPULACE | DM_PART_GROUP_NOUN |
                       DM_PART_GOVERNMENT_NOUN | DM_PART_REGIME_NOUN;

  if (noun < 0 || c->mention_at[noun] >= 0 || c->sink->upos[noun] != DM_UPOS_NOUN)
    return FALSE;
  return (dm_lexicon_name_part (c->r->lexicon, lower (c, (guint) noun)) & bodies) == 0 &&
         dm_lexicon_lookup_title (c->r->lexicon, lower (c, (guint) noun)) == NULL;
}

/* In a parsed sentence, the trigger's subject, an actor, that mention @m is named anywhere
 * under: in a phrase or a clause that describes it ("hackers angered by cartoons of the
 * Prophet have defaced": the hackers), or -1. */
static int
actor_subject_above (const Clause  *c,
                     int            m,
                     const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  /* "Japan and Australia expressed concern": a conjunct of the subject is a subject too */
  if (k >= 0 && c->sink->deprel_of[k] == DM_DEP_CONJ && c->sink->head_of[k] >= 0 &&
      (c->sink->deprel_of[c->sink->head_of[k]] == DM_DEP_NSUBJ ||
       c->sink->deprel_of[c->sink->head_of[k]] == DM_DEP_NSUBJ_PASS) &&
      c->sink->head_of[c->sink->head_of[k]] >= 0 && in_trigger (t, c->sink->head_of[c->sink->head_of[k]]))
    return -1;
  /* "The UN special envoy for Sudan, Ramtane Lamamra, called on": a person in apposition
   * is the one the phrase names, who acts, whatever noun the parser hangs him on */
  if (k >= 0 && c->sink->deprel_of[k] == DM_DEP_APPOS &&
      (mention (c, m)->type == DM_ACTOR_PERSON || mention (c, m)->type == DM_ACTOR_OFFICIAL))
    return -1;
  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];

      if (h < 0 || in_trigger (t, h))
        {
          if (h >= 0 && c->mention_at[k] >= 0 && c->mention_at[k] != m &&
              (c->sink->deprel_of[k] == DM_DEP_NSUBJ || c->sink->deprel_of[k] == DM_DEP_NSUBJ_PASS))
            return c->mention_at[k];
          return -1;
        }
      k = h;
    }
  return -1;
}

/* In a parsed sentence, the actor whose noun phrase mention @m is only named in when that
 * phrase is the trigger's subject ("NATO troops in Afghanistan attacked": the troops), else
 * @m. */
int
dm_veto_subject_around (const Clause  *c,
                        int            m,
                        const Trigger *t)
{
  int noun = subject_noun_around (c, m, t), above;

  if (noun >= 0 && c->mention_at[noun] >= 0)
    return c->mention_at[noun];
  above = actor_subject_above (c, m, t);
  return above >= 0 && dm_clause_mention_usable (mention (c, above)) ? above : m;
}

/* In a parsed sentence, is person @m only the owner of the trigger's subject ("Thomas'
 * sister pleaded with him")? A person's kin or staff act for themselves. */
gboolean
dm_veto_owns_subject (const Clause  *c,
                      int            m,
                      const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), noun;
  DmActorType type = mention (c, m)->type;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_NMOD_POSS ||
      (type != DM_ACTOR_PERSON && type != DM_ACTOR_OFFICIAL))
    return FALSE;
  noun = c->sink->head_of[k];
  return noun >= 0 && c->mention_at[noun] < 0 && c->sink->deprel_of[noun] == DM_DEP_NSUBJ &&
         in_trigger (t, c->sink->head_of[noun]);
}

/* In a parsed sentence, is the trigger a participle right after the noun it describes, a noun
 * that is no actor ("with laws banning migrants": the laws ban, not the actor named before)?
 * Such a noun is the participle's subject. What a verb puts out ("issued a statement
 * condemning Y") is its subject's act, and stays to the rules that know it. */
gboolean
dm_veto_describes_nonactor (const Clause  *c,
                            const Trigger *t)
{
  guint group = dm_clause_verb_group_start (c, t->first);
  int noun = c->sink->head_of[t->first];

  return t->form == DM_VERB_FORM_GERUND && c->sink->deprel_of[t->first] == DM_DEP_ACL &&
         noun >= 0 && (guint) noun + 1 == group && c->sink->upos[noun] == DM_UPOS_NOUN &&
         c->mention_at[noun] < 0 && c->sink->deprel_of[noun] != DM_DEP_OBJ;
}

static const char * const relative_words[] = { "who", "whom", "which", "that" };

/* The relative pronoun that is verb @v's subject in the parse ("who" of "who helped"), or -1. */
static int
relative_subject (const Clause *c,
                  int           v)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == v &&
        (c->sink->deprel_of[j] == DM_DEP_NSUBJ || c->sink->deprel_of[j] == DM_DEP_NSUBJ_PASS) &&
        IN_LIST (lower (c, j), relative_words))
      return (int) j;
  return -1;
}

/* Does verb @v have a subject or a relative word in the parse? A clause the parse calls
 * relative with neither ("Co-founder of Google, Y, met with Z") is the main clause taken for
 * one: a relative clause has its pronoun, or a subject of its own ("the plan Y rejected"). */
static gboolean
has_subject_or_relative (const Clause *c,
                         int           v)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == v &&
        (c->sink->deprel_of[j] == DM_DEP_NSUBJ || c->sink->deprel_of[j] == DM_DEP_NSUBJ_PASS ||
         IN_LIST (lower (c, j), relative_words)))
      return TRUE;
  return FALSE;
}

/* The noun a relative pronoun @pronoun describes when the parse hangs its clause elsewhere
 * ("members of Y, who helped …" as a clause of its own): the head of the noun phrase right
 * before it; -1 when a noun does not stand there. */
static int
antecedent_of (const Clause *c,
               int           pronoun)
{
  int k = pronoun - 1;

  if (k >= (int) c->first && strcmp (lower (c, (guint) k), ",") == 0)
    k--;
  if (k < (int) c->first ||
      (c->sink->upos[k] != DM_UPOS_NOUN && c->sink->upos[k] != DM_UPOS_PROPN))
    return -1;
  while ((c->sink->deprel_of[k] == DM_DEP_NMOD || c->sink->deprel_of[k] == DM_DEP_COMPOUND ||
          c->sink->deprel_of[k] == DM_DEP_FLAT) && c->sink->head_of[k] >= 0)
    k = c->sink->head_of[k];
  return k;
}

/* In a parsed sentence, is the trigger in a relative clause ("Freedom Magazine, which attacked
 * Y") whose noun does not hold mention @m? Such a clause's actor is the noun it describes,
 * never an actor further left; so is a clause with "who" or "which" for subject that the
 * parse does not make relative. */
gboolean
dm_veto_outside_relative_clause (const Clause  *c,
                                 int            m,
                                 const Trigger *t)
{
  int k = (int) t->first, noun = -1, clause;
  gboolean nested = FALSE, guessed = FALSE;

  for (guint depth = 0; k >= 0 && depth < 4 && noun < 0; depth++)
    {
      DmDeprel d = c->sink->deprel_of[k];

      if (d == DM_DEP_ACL_RELCL)
        noun = c->sink->head_of[k];
      else if (d == DM_DEP_CONJ || d == DM_DEP_XCOMP)
        k = c->sink->head_of[k];
      else
        break;
    }
  if (noun >= 0 && !has_subject_or_relative (c, k))
    return FALSE;
  if (noun < 0 && k >= 0 && relative_subject (c, k) >= 0)
    {
      noun = antecedent_of (c, relative_subject (c, k));
      guessed = TRUE;
    }
  if (noun < 0)
    return FALSE;
  /* an actor of the clause itself ("the plan that Y rejected"), the noun, or one named with
   * it ("Y and Z, who", "the paper, Freedom Magazine, which"); not an actor inside the noun
   * phrase ("former members of Y, who …": the members act) */
  clause = k;
  k = dm_clause_parse_head_of_mention (c, m);
  for (guint depth = 0; k >= 0 && depth < 12; depth++, k = c->sink->head_of[k])
    {
      DmDeprel d = c->sink->deprel_of[k];

      if (k == clause)
        return FALSE;
      if (k == noun)
        return nested;
      if (d != DM_DEP_CONJ && d != DM_DEP_APPOS && d != DM_DEP_FLAT && d != DM_DEP_COMPOUND &&
          d != DM_DEP_AMOD)
        nested = TRUE;
    }
  /* a noun guessed from the words before "who" may be only the last of a longer phrase
   * ("Y's attacks in the town of Z, which …"): only an actor inside it is ruled out */
  return !guessed;
}

/* The preposition the parse puts before token @k ("in" of "in Paris"), or NULL. */
static const char *
case_marker (const Clause *c,
             int           k)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == DM_DEP_CASE)
      return lower (c, j);
  return NULL;
}

/* Is @word one of the trigger phrase's own words ("in" of "gain ground in")? */
static gboolean
phrase_has_word (const Trigger *t,
                 const char    *word)
{
  for (guint w = 1; w < t->verb->n_words; w++)
    if (strcmp (t->verb->words[w], word) == 0)
      return TRUE;
  return FALSE;
}

/* Has verb @v a subject (active or passive) that is a noun and no actor? */
static gboolean
has_nonactor_subject (const Clause  *c,
                      int            v,
                      const Trigger *t)
{
  for (guint j = c->first; j < c->end; j++)
    {
      DmDeprel d = c->sink->deprel_of[j];

      if (c->sink->head_of[j] != v || c->mention_at[j] >= 0 || in_trigger (t, (int) j))
        continue;
      if ((d == DM_DEP_NSUBJ || d == DM_DEP_NSUBJ_PASS) &&
          (c->sink->upos[j] == DM_UPOS_NOUN || c->sink->upos[j] == DM_UPOS_PROPN))
        return TRUE;
    }
  return FALSE;
}

/* Is verb @v an infinitive with "to"? */
static gboolean
marked_to (const Clause *c,
           int           v)
{
  for (guint j = c->first; j < (guint) v && j < c->end; j++)
    if (c->sink->head_of[j] == v && c->sink->deprel_of[j] == DM_DEP_MARK &&
        strcmp (lower (c, j), "to") == 0)
      return TRUE;
  return FALSE;
}

/* Is verb @v a bare infinitive whose subject is its governing verb's object, a noun and no
 * actor ("helped the girls enter the US", "let the workers go")? Without "to" the object
 * of "help", "let", "make", "see" is always the one who does what the infinitive says. */
static gboolean
has_nonactor_controller (const Clause  *c,
                         int            v,
                         const Trigger *t)
{
  int g = c->sink->head_of[v];

  if (g < 0)
    return FALSE;
  /* "called on the army to abandon Z": a noun after "on" asks as surely as a bare object */
  if ((c->sink->deprel_of[v] == DM_DEP_XCOMP || c->sink->deprel_of[v] == DM_DEP_ADVCL) &&
      marked_to (c, v))
    {
      /* the trigger's own "on" ("call on"), not a date ("threatened on Monday to …") */
      if (!in_trigger (t, g) || !phrase_has_word (t, "on"))
        return FALSE;
      for (guint j = c->first; j < (guint) v && j < c->end; j++)
        if (c->sink->head_of[j] == g && c->sink->deprel_of[j] == DM_DEP_OBL &&
            c->mention_at[j] < 0 && !in_trigger (t, (int) j) &&
            g_strcmp0 (case_marker (c, (int) j), "on") == 0 &&
            (c->sink->upos[j] == DM_UPOS_NOUN || c->sink->upos[j] == DM_UPOS_PROPN))
          return TRUE;
      return FALSE;
    }
  if (c->sink->deprel_of[v] != DM_DEP_XCOMP || dm_veto_has_child (c, v, DM_DEP_MARK))
    return FALSE;
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == g && c->sink->deprel_of[j] == DM_DEP_OBJ &&
        c->mention_at[j] < 0 && !in_trigger (t, (int) j) &&
        (c->sink->upos[j] == DM_UPOS_NOUN || c->sink->upos[j] == DM_UPOS_PROPN))
      return TRUE;
  return FALSE;
}

/* Is verb @v a clause describing a noun, no actor ("accused Spotify of wanting to use the
 * App Store": Spotify wants, the App Store is not accused; "rejected any measure that allowed
 * Texas to detain Mexican citizens": the measure is rejected, not the citizens)? The noun,
 * not the trigger, is what acts in that clause; an actor named as its subject ("the plan
 * that Y proposed") never reaches here. */
static gboolean
describes_nonactor_noun (const Clause  *c,
                         int            v,
                         const Trigger *t)
{
  int n = c->sink->head_of[v];

  return (c->sink->deprel_of[v] == DM_DEP_ACL || c->sink->deprel_of[v] == DM_DEP_ACL_RELCL) &&
         n >= 0 && c->mention_at[n] < 0 &&
         !in_trigger (t, n) &&
         (c->sink->upos[n] == DM_UPOS_NOUN || c->sink->upos[n] == DM_UPOS_PROPN);
}

/* In a parsed sentence, is mention @m in a clause under the trigger that has a subject of its
 * own, no actor ("helped the girls enter the US": the girls enter, the US is not helped), or
 * that describes a noun, no actor ("accused Spotify of wanting to use the App Store")? An
 * actor as that subject is itself the target ("asked X to help"). The trigger's own object
 * before such a clause ("urged its members to boycott X") is no sure sign: the parser makes
 * "an invitation to attend a meeting of X" one as often. */
gboolean
dm_veto_in_clause_of_other (const Clause  *c,
                            int            m,
                            const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);
  gboolean other = FALSE;

  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];
      DmDeprel d = c->sink->deprel_of[k];

      if (h < 0)
        return FALSE;
      if (in_trigger (t, h))
        return other;
      if (c->sink->upos[h] == DM_UPOS_VERB && d != DM_DEP_NSUBJ && d != DM_DEP_NSUBJ_PASS &&
          (has_nonactor_subject (c, h, t) || has_nonactor_controller (c, h, t) ||
           describes_nonactor_noun (c, h, t)))
        other = TRUE;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m the subject of another clause that the trigger only
 * frames ("after having left the group within Y called the Sea Org": Y names, it is not
 * left)? A complement's subject is the target of the verbs that take one ("asked X to
 * help", "demanded that X leave"), and a threat's condition has its own ("unless X …"). */
gboolean
dm_veto_subject_of_adjunct (const Clause  *c,
                            int            m,
                            const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), v;
  DmDeprel d;

  if (k < 0 || t->verb->klass == DM_CLASS_THREATEN ||
      (c->sink->deprel_of[k] != DM_DEP_NSUBJ && c->sink->deprel_of[k] != DM_DEP_NSUBJ_PASS))
    return FALSE;
  v = c->sink->head_of[k];
  if (v < 0 || in_trigger (t, v) || !in_trigger (t, c->sink->head_of[v]))
    return FALSE;
  d = c->sink->deprel_of[v];
  return d == DM_DEP_ADVCL || d == DM_DEP_ACL || d == DM_DEP_ACL_RELCL || d == DM_DEP_PARATAXIS;
}

/* Has token @k a child with relation @deprel in the parse? */
gboolean
dm_veto_has_child (const Clause *c,
                   int           k,
                   DmDeprel      deprel)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == deprel)
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, is mention @m only where an act happens? The parse puts it in a phrase
 * of place or time that a verb takes, with a preposition not the trigger phrase's own ("in" of
 * "gain ground in" is), and either the verb acts on nothing ("stepped down in the Hong Kong
 * election") or @m only owns the place ("left the papers at the flat of Y"). A place where a
 * verb does something to an object ("eased measures in Montenegro province") is what PLOVER
 * codes as the act's target, and stays, unless the verb is one of meeting, whose object is
 * the partner ("met officials at the UN headquarters"); so does a place inside the object's
 * own noun phrase ("an organisation in Northern Ireland"). */
gboolean
dm_veto_in_place_phrase (const Clause  *c,
                         int            m,
                         const Trigger *t)
{
  static const char * const of_place[] = {
    "in", "at", "near", "inside", "within", "outside", "across", "throughout", "around",
    "during", "off",
  };
  static const char * const courts[] = { "court", "courts", "tribunal", "tribunals" };
  int k = dm_clause_parse_head_of_mention (c, m);
  gboolean owner = FALSE;
  const char *p;

  /* a court one acts "in" is where a case is brought ("challenge the decision in court",
   * "seek damages in Austrian courts"), not whom it is against */
  if (k >= 0 && IN_LIST (lower (c, (guint) k), courts) && (p = case_marker (c, k)) != NULL &&
      strcmp (p, "in") == 0 && !phrase_has_word (t, p))
    return TRUE;
  for (guint depth = 0; k >= 0 && depth < 6 && !in_trigger (t, k); depth++)
    {
      int h = c->sink->head_of[k];
      DmDeprel d = c->sink->deprel_of[k];

      if (h < 0)
        break;
      if (d == DM_DEP_OBL && (in_trigger (t, h) || c->sink->upos[h] == DM_UPOS_VERB) &&
          (c->sink->upos[k] == DM_UPOS_NOUN || c->sink->upos[k] == DM_UPOS_PROPN) &&
          (p = case_marker (c, k)) != NULL && IN_LIST (p, of_place) && !phrase_has_word (t, p))
        /* whom one meets or talks to is never where: "met officials at the UN headquarters" */
        return owner || !dm_veto_has_child (c, h, DM_DEP_OBJ) ||
               (in_trigger (t, h) && dm_relation_verb_is_reciprocal (t->verb));
      if (c->sink->upos[h] == DM_UPOS_VERB && !in_trigger (t, h))
        break;
      /* "the flat of Y", "Y's flat": Y owns what follows; "with Y" relates it to Y */
      if (d == DM_DEP_NMOD_POSS || d == DM_DEP_APPOS ||
          (d == DM_DEP_NMOD && (p = case_marker (c, k)) != NULL && strcmp (p, "of") == 0))
        owner = TRUE;
      /* "at Amiens in France": a place within the place is where too */
      else if (d == DM_DEP_NMOD && (p = case_marker (c, k)) != NULL && IN_LIST (p, of_place))
        ;
      else if (d != DM_DEP_COMPOUND && d != DM_DEP_AMOD && d != DM_DEP_FLAT && d != DM_DEP_CONJ)
        return FALSE;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m only where the trigger's object comes from ("attacked
 * defectors from the church": the defectors are attacked, not the church they left)? The
 * parse hangs "from Y" on the object itself; verbs that take something from someone say so
 * in their phrase ("seize from", "buy from", "expel from"). */
gboolean
dm_veto_in_origin_phrase (const Clause  *c,
                          int            m,
                          const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), h;
  const char *p;

  if (k < 0 || phrase_has_word (t, "from"))
    return FALSE;
  while (c->sink->deprel_of[k] == DM_DEP_CONJ && c->sink->head_of[k] >= 0)
    k = c->sink->head_of[k];
  h = c->sink->head_of[k];
  if (h < 0 || (p = case_marker (c, k)) == NULL || strcmp (p, "from") != 0)
    return FALSE;
  return c->sink->deprel_of[k] == DM_DEP_NMOD && c->sink->deprel_of[h] == DM_DEP_OBJ &&
         in_trigger (t, c->sink->head_of[h]);
}

/* In a parsed sentence, is mention @m the object of a gerund after "of" or "for" ("accused the
 * army of bombing civilians": the civilians are bombed, not accused)? The parser often
 * hangs the gerund's object on the trigger's own object as an "of" phrase of its own. */
gboolean
dm_veto_object_of_gerund (const Clause  *c,
                          int            m,
                          const Trigger *t)
{
  int g = (int) mention (c, m)->first - 1;

  while (g > (int) c->first && (c->sink->upos[g] == DM_UPOS_DET || c->sink->upos[g] == DM_UPOS_ADJ ||
                                c->sink->upos[g] == DM_UPOS_NUM) && g + 4 > (int) mention (c, m)->first)
    g--;
  if (g <= (int) c->first || in_trigger (t, g) || c->sink->upos[g] != DM_UPOS_VERB ||
      dm_text_doc_token (c->r->doc, (guint) g)->capitalized || !g_str_has_suffix (lower (c, (guint) g), "ing"))
    return FALSE;
  return strcmp (lower (c, (guint) g - 1), "of") == 0 || strcmp (lower (c, (guint) g - 1), "for") == 0;
}

/* In a parsed sentence, is mention @m the prepositional object of a relation noun of the
 * lexicon, on the way from a one-word trigger ("approved a package of sanctions against Y",
 * "backed talks with Y")? The noun's act is what is done to Y; the verb acts on the noun,
 * not on Y. Its owner is another matter ("rejected a United Nations appeal", "criticised
 * the party's stance" act on the owner). */
gboolean
dm_veto_through_relation_noun (const Clause  *c,
                               int            m,
                               const Trigger *t)
{
  int below = (int) mention (c, m)->first, k = c->sink->head_of[below];

  if (t->verb->n_words > 1)
    return FALSE;
  for (guint depth = 0; k >= 0 && depth < 6 && !in_trigger (t, k);
       depth++, below = k, k = c->sink->head_of[k])
    {
      Trigger noun;

      if (c->sink->upos[k] != DM_UPOS_NOUN || c->mention_at[k] >= 0 ||
          c->sink->deprel_of[below] != DM_DEP_NMOD)
        continue;
      if (c->sink->decided[k] || (dm_clause_find_trigger (c, (guint) k, &noun) && noun.verb->is_noun))
        return TRUE;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m only whom the act is done with ("shot hoops with
 * students", "played chess with the minister")? The parse makes it the trigger's "with"
 * phrase while the trigger acts on an object of its own that is no actor. Verbs done with a
 * partner say so: reciprocal ones ("discussed the plan with Y") and phrases with "with". */
gboolean
dm_veto_companion_of_trigger (const Clause  *c,
                              int            m,
                              const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), o;
  const char *p;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_OBL || !in_trigger (t, c->sink->head_of[k]) ||
      (p = case_marker (c, k)) == NULL || strcmp (p, "with") != 0 ||
      phrase_has_word (t, "with") || dm_relation_verb_is_reciprocal (t->verb))
    return FALSE;
  o = -1;
  for (guint j = c->first; j < c->end && o < 0; j++)
    if (c->sink->head_of[j] == c->sink->head_of[k] && c->sink->deprel_of[j] == DM_DEP_OBJ)
      o = (int) j;
  return o >= 0 && c->mention_at[o] < 0;
}

/* In a parsed sentence, is mention @m a phrase the trigger takes with a preposition other
 * than "by" ("Over 900 refugees rescued off the coast": a headline's participle without
 * auxiliary is passive, and the parse makes the refugees no subject)? Such an actor is
 * where, when or with whom the act happens, never who does it. */
gboolean
dm_veto_is_oblique_of_trigger (const Clause  *c,
                               int            m,
                               const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);
  const char *p;

  return k >= 0 && c->sink->deprel_of[k] == DM_DEP_OBL && in_trigger (t, c->sink->head_of[k]) &&
         (p = case_marker (c, k)) != NULL && strcmp (p, "by") != 0;
}

/* In a parsed sentence, is the trigger's subject (its own, or the one it shares as the
 * complement or conjunct of another verb; a relation noun's possessor) a personal pronoun
 * the recognizer left unresolved ("he plans to meet Y", "during his visit to Z")? Then whoever acts is not known, and the nearest actor
 * to the left is a guess the recognizer declined to make. A relative pronoun is the noun
 * its clause describes (dm_veto_outside_relative_clause ()). */
gboolean
dm_veto_has_unresolved_subject (const Clause  *c,
                                const Trigger *t)
{
  static const char * const relative[] = { "who", "whom", "which", "that", "whose" };
  int v = (int) t->first;

  for (guint depth = 0; v >= 0 && depth < 4; depth++)
    {
      for (guint j = c->first; j < c->end; j++)
        {
          DmDeprel d = c->sink->deprel_of[j];

          /* "met Y during his visit to Z": a relation noun's possessor is its subject */
          if (c->sink->head_of[j] != v ||
              (d != DM_DEP_NSUBJ && d != DM_DEP_NSUBJ_PASS &&
               !(d == DM_DEP_NMOD_POSS && depth == 0 && t->verb->is_noun)))
            continue;
          return c->sink->upos[j] == DM_UPOS_PRON && c->mention_at[j] < 0 &&
                 !IN_LIST (lower (c, j), relative);
        }
      if (c->sink->deprel_of[v] != DM_DEP_XCOMP && c->sink->deprel_of[v] != DM_DEP_CONJ)
        return FALSE;
      v = c->sink->head_of[v];
      /* "urged Y to …": the object controls the complement */
      if (v >= 0 && c->sink->deprel_of[(int) t->first] == DM_DEP_XCOMP && dm_veto_has_child (c, v, DM_DEP_OBJ))
        return FALSE;
    }
  return FALSE;
}

/* In a parsed sentence, does mention @m belong to a verb below a reciprocal trigger
 * ("signed the deal without consulting Y", "met X after visiting Y")? A meeting, a talk or
 * an agreement binds the trigger's own subject and object; an actor another verb takes is
 * that verb's, not the other side of the meeting. */
gboolean
dm_veto_argument_of_other_verb (const Clause  *c,
                                int            m,
                                const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  if (!dm_relation_verb_is_reciprocal (t->verb))
    return FALSE;
  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];

      if (h < 0 || in_trigger (t, h))
        return FALSE;
      if (c->sink->upos[h] == DM_UPOS_VERB)
        return TRUE;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, does the reciprocal trigger take an object that is the other side,
 * no actor the recognizer knows ("X and Y met him")? Then its coordinated subjects are one
 * side together, not partners of each other. */
gboolean
dm_veto_object_is_other_side (const Clause  *c,
                              const Trigger *t)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == (int) t->first && c->sink->deprel_of[j] == DM_DEP_OBJ &&
        !in_trigger (t, (int) j))
      return dm_relation_object_is_other_side (t->verb, lower (c, j), (DmUpos) c->sink->upos[j]);
  return FALSE;
}

/* Is token @n a relation noun of the lexicon ("protests", "talks", "sanctions")? */
static gboolean
is_relation_noun (const Clause *c,
                  int           n)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (c->r->lexicon, lower (c, (guint) n));

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    if (((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb->is_noun)
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, is mention @m inside the noun phrase a request asks for, a relation
 * noun of its own ("called for protests against Y's reform", "demanded talks with Y")? The
 * act asked for is aimed at Y, not the asking; the noun's own rule relates the asker to Y. */
gboolean
dm_veto_inside_asked_act (const Clause  *c,
                          int            m,
                          const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  if (t->verb->is_noun || (t->verb->klass != DM_CLASS_APPEAL && t->verb->klass != DM_CLASS_DEMAND))
    return FALSE;
  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      int h = c->sink->head_of[k];

      if (h < 0 || in_trigger (t, h))
        return FALSE;
      /* only through the noun's own preposition: a clause the parser hangs on it ("its
       * demands that Y grant …") or a compound in a broken parse asks of Y */
      if (c->sink->deprel_of[k] == DM_DEP_NMOD && c->sink->upos[h] == DM_UPOS_NOUN &&
          is_relation_noun (c, h))
        return TRUE;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, is the trigger a deed one is judged for ("criticised the government
 * for ignoring Y", "accused the army of bombing Y") and mention @m not its doer? The object
 * judged does it, actor or not; the judge is only the source of the charge. */
gboolean
dm_veto_judged_other_doer (const Clause  *c,
                           int            m,
                           const Trigger *t)
{
  int v = (int) t->first, h = c->sink->head_of[v], k = dm_clause_parse_head_of_mention (c, m);
  int doer = -1;
  gboolean judged = FALSE;

  if (h < 0 || c->sink->upos[v] != DM_UPOS_VERB || !g_str_has_suffix (lower (c, (guint) v), "ing"))
    return FALSE;
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == v && c->sink->deprel_of[j] == DM_DEP_MARK &&
        (strcmp (lower (c, j), "for") == 0 || strcmp (lower (c, j), "of") == 0))
      judged = TRUE;
  if (!judged || dm_veto_has_child (c, v, DM_DEP_NSUBJ))
    return FALSE;
  if (c->sink->deprel_of[v] == DM_DEP_ADVCL)
    {
      for (guint j = c->first; j < (guint) v; j++)
        if (c->sink->head_of[j] == h && c->sink->deprel_of[j] == DM_DEP_OBJ)
          doer = (int) j;
    }
  else if (c->sink->deprel_of[v] == DM_DEP_ACL && c->sink->deprel_of[h] == DM_DEP_OBJ)
    doer = h;
  return doer >= 0 && !(k >= 0 && is_under (c, k, doer));
}

/* In a parsed sentence, is mention @m in an oblique of a trigger whose object is a pronoun
 * that names no actor ("killed it on court", "attacked them in Gaza")? The pronoun is what
 * is acted on; the oblique says where or how, unless its preposition is the phrase's own. */
gboolean
dm_veto_beside_pronoun_object (const Clause  *c,
                               int            m,
                               const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);
  const char *p;
  gboolean pronoun = FALSE;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_OBL || !in_trigger (t, c->sink->head_of[k]) ||
      ((p = case_marker (c, k)) != NULL && phrase_has_word (t, p)))
    return FALSE;
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == c->sink->head_of[k] && c->sink->deprel_of[j] == DM_DEP_OBJ &&
        c->sink->upos[j] == DM_UPOS_PRON && c->mention_at[j] < 0)
      pronoun = TRUE;
  return pronoun;
}

/* Is mention @m a group the subject owns, named by no name of its own, that a verb of
 * moving forces moves ("withdrew its troops", "mobilised their supporters")? It is what the
 * subject moves, not whom it acts on. */
gboolean
dm_veto_own_body (const Clause  *c,
                  int            m,
                  const Trigger *t)
{
  static const char * const owners[] = { "its", "their" };
  int k = dm_clause_parse_head_of_mention (c, m);

  if (k < 0 || dm_recognition_mention (c->r, (guint) m)->type != DM_ACTOR_GROUP ||
      (t->verb->klass != DM_CLASS_RETREAT && t->verb->klass != DM_CLASS_MOBILIZE))
    return FALSE;
  for (guint j = c->first; j < (guint) k; j++)
    if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == DM_DEP_NMOD_POSS &&
        IN_LIST (lower (c, j), owners))
      return TRUE;
  return FALSE;
}

/* Is mention @m only the one a measure or act the trigger takes a stand on is aimed at
 * ("vetoed measures against Moscow", "opposed sanctions on Russian energy", "condemned the
 * strikes on Syria", "deplored the killing of Y")? A stand on a measure or an attack against
 * Y is a stand on those who propose or do it, not on Y (the tree rules say the same,
 * dm_slot_targets ()). */
gboolean
dm_veto_measure_aimed_at (const Clause  *c,
                          int            m,
                          const Trigger *t)
{
  static const char * const against[] = { "against", "on", "upon", "at" };
  guint first = dm_recognition_mention (c->r, (guint) m)->first, k = t->last + 1;

  if (!dm_relation_verb_takes_stance (t->verb))
    return FALSE;
  /* over "the new", "two", and the nouns of a compound ("the terrorist attack on") */
  while (k < first && (c->sink->upos[k] == DM_UPOS_DET || c->sink->upos[k] == DM_UPOS_ADJ ||
                       c->sink->upos[k] == DM_UPOS_NUM ||
                       (c->sink->upos[k] == DM_UPOS_NOUN && c->sink->upos[k + 1] == DM_UPOS_NOUN)))
    k++;
  if (k + 1 >= first || c->sink->upos[k] != DM_UPOS_NOUN)
    return FALSE;
  if (!IN_LIST (lower (c, k + 1), against) &&
      !(strcmp (lower (c, k + 1), "of") == 0 && (dm_relation_is_hostile_act_noun (c->r->lexicon, lower (c, k)) ||
                                                 dm_relation_is_yielding_act_noun (c->r->lexicon, lower (c, k)))))
    return FALSE;
  for (k += 2; k < first; k++)
    if (c->sink->upos[k] != DM_UPOS_DET && c->sink->upos[k] != DM_UPOS_ADJ)
      return FALSE;
  return TRUE;
}

/* In a parsed sentence, is mention @m the subject of a verb coordinated with the trigger
 * ("Norway pledged 50 million kroner and Germany promised 20 million euros")? It is the
 * subject of a clause of its own, not the trigger's object. Only with a coordinator: a
 * conjunct after a comma alone may be the main verb that the parser hung on a relative
 * clause, its subject the clause's object ("X, which backed Y, condemned Z"). */
gboolean
dm_veto_subject_of_conjunct (const Clause  *c,
                             int            m,
                             const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), h;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_NSUBJ || (h = c->sink->head_of[k]) < 0 ||
      in_trigger (t, h) || c->sink->deprel_of[h] != DM_DEP_CONJ || !dm_veto_has_child (c, h, DM_DEP_CC))
    return FALSE;
  return in_trigger (t, c->sink->head_of[h]) || in_trigger (t, first_conjunct (c, h));
}

/* In a parsed sentence, is the trigger a relation noun that a verb refuses, undoes, gives up
 * or is still working out ("cancelled an agreement with Y", "rejected talks with Y",
 * "abandoned the fight against Y", "is negotiating a pact with Y")? The noun's act is not done; the verb's own relation says what
 * happened (the tree relates such a noun only when its partner hangs on it). */
gboolean
dm_veto_noun_undone (const Clause  *c,
                     const Trigger *t)
{
  static const char * const giving_up[] = { "abandon", "quit", "drop" };
  int h = c->sink->head_of[t->first];
  GPtrArray *forms;

  if (!t->verb->is_noun || h < 0 || c->sink->deprel_of[t->first] != DM_DEP_OBJ ||
      c->sink->upos[h] != DM_UPOS_VERB)
    return FALSE;
  forms = dm_lexicon_lookup_verb (c->r->lexicon, lower (c, (guint) h));
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb;

      if (!verb->is_noun && verb->n_words == 1 &&
          (verb->klass == DM_CLASS_REJECT || verb->klass == DM_CLASS_CONSULT ||
           IN_LIST (verb->phrase, giving_up)))
        return TRUE;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m, a state or its capital, where an invitation or a
 * summons with an object of its own sends the guests ("summoned the service chiefs to Abuja",
 * "invited the two leaders to Luanda")? They are the ones it is made to, not the place (the
 * tree rules say the same, dm_slot_targets ()). */
gboolean
dm_veto_destination_of_call (const Clause  *c,
                             int            m,
                             const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m), h;

  if (k < 0 || !dm_relation_verb_calls_to (t->verb) ||
      dm_recognition_mention (c->r, (guint) m)->type != DM_ACTOR_COUNTRY ||
      (h = c->sink->head_of[k]) < 0 || !in_trigger (t, h) || !dm_veto_has_child (c, h, DM_DEP_OBJ))
    return FALSE;
  for (guint j = c->first; j < (guint) k; j++)
    if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == DM_DEP_CASE && strcmp (lower (c, j), "to") == 0)
      return TRUE;
  return FALSE;
}
