/* dm-relation-fallback.c — the word-order rules: relations in a sentence the tree rules
 * left open or the parser did not parse
 *
 * A relation needs a trigger (a verb phrase or relation-bearing noun from verbs.tsv, matched
 * in any inflection), a source and a target among the sentence's actor mentions. The rules,
 * measured on the dev set (see the notes on the engine issue):
 *  - source: "by X" after a passive; the possessive before a noun ("Trump's criticism of");
 *    the main subject for a participle clause (", calling on …") or a second verb joined by
 *    "and"; "according to X" for the sentence's claim; else the nearest actor to the left;
 *  - target: the first actor after the phrase within the clause; "NATO membership for Ukraine"
 *    gives Ukraine (the actor after the preposition of a modified noun); coordinated objects
 *    ("Y and Z") give one relation each, as do coordinated subjects;
 *  - negation: not / n't / never / no longer within the verb group;
 *  - reciprocal verbs (meet, agree, clash…) with a coordinated subject and no object relate
 *    the subjects to each other;
 *  - in a parsed sentence (after the tree rules, for what they left open) the parse vetoes
 *    what it contradicts: a statement's addressee that is the subject of the clause said, a
 *    source that is not the noun a relative clause describes ("members of Y, who …"), a
 *    person who only owns the subject ("Thomas' sister"), a relation noun's source through a
 *    verb it is not the object of ("issued a statement on the rejection of"), a target that
 *    is only where the act happens ("stepped down in the Hong Kong election", "off the
 *    coast") or where the object comes from ("attacked defectors from Y"), that belongs to
 *    a clause with a subject of its own ("helped the girls enter the US") or that is the
 *    subject of a clause the trigger only frames; a source inside the object of a verb the
 *    trigger is coordinated with ("criticised Mr Brown's plan and called on"), named inside
 *    a subject that does not act for it ("bureaucrats of the government"), or taken by the
 *    trigger with a preposition ("Over 900 refugees rescued off …": a headline's passive);
 *    any source of a participle right after the noun, no actor, it describes ("laws banning
 *    migrants"); and an actor named inside a subject that is an actor gives way to it ("NATO
 *    troops in Afghanistan attacked": NATO, not Afghanistan).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relation-fallback"

#include "config.h"

#include <string.h>

#include "dm-clause.h"
#include "dm-text.h"

/* "obj<-VERB:meet nsubj<-…": how mention @m hangs on the tree, up to the trigger, for the
 * debug trace */
static void
append_path (const Clause  *c,
             GString       *s,
             int            m,
             const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  if (k < 0)
    {
      g_string_append (s, "(unparsed)");
      return;
    }
  for (guint depth = 0; k >= 0 && depth < 8; depth++)
    {
      g_string_append_printf (s, "%s%s", depth > 0 ? " " : "",
                              dm_deprel_to_string ((DmDeprel) c->sink->deprel_of[k]));
      k = c->sink->head_of[k];
      if (k < 0)
        break;
      g_string_append_printf (s, "<-%s:%s", dm_upos_to_string ((DmUpos) c->sink->upos[k]), lower (c, (guint) k));
      if (k >= (int) t->first && k <= (int) t->last)
        return;
    }
}

/* G_MESSAGES_DEBUG=dm-relation-fallback: each relation the word-order rules make, with where
 * the parse puts its two actors, to see which rule to blame */
static void
debug_relation (const Clause  *c,
                int            source,
                int            target,
                const Trigger *t)
{
  g_autoptr(GString) s = NULL;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;
  s = g_string_new (NULL);
  g_string_append_printf (s, "sentence %u: %s -> %s by \"%s\"\n  source ", c->sentence,
                          mention (c, source)->actor, mention (c, target)->actor, t->verb->phrase);
  append_path (c, s, source, t);
  g_string_append (s, "\n  target ");
  append_path (c, s, target, t);
  g_debug ("%s", s->str);
}

static void
emit (Clause        *c,
      int            source,
      int            target,
      const Trigger *t,
      gboolean       negated,
      guint          trigger_first,
      guint          trigger_last)
{
  debug_relation (c, source, target, t);
  dm_relation_sink_emit (c->sink, c->sentence, source, target, t->verb, negated,
                         dm_relation_token_in_quote (c->r->doc, trigger_first),
                         trigger_first, trigger_last);
}

static gboolean
is_reciprocal (const DmLexVerb *verb)
{
  return dm_relation_verb_is_reciprocal (verb);
}

/* Does the parse give the sentence of DmToken @k? */
static gboolean
is_parsed (const Clause *c,
           guint         k)
{
  return c->sink->upos[k] != DM_UPOS_X;
}

/* Is noun @n the object of verb @v in the parse, a conjunct of it ("conducted raids and
 * strikes against") or a noun compounded with it ("ended mediation efforts between")? */
static gboolean
is_object_of (const Clause *c,
              int           n,
              int           v)
{
  while ((c->sink->deprel_of[n] == DM_DEP_CONJ || c->sink->deprel_of[n] == DM_DEP_COMPOUND) &&
         c->sink->head_of[n] >= 0)
    n = c->sink->head_of[n];
  return c->sink->head_of[n] == v && c->sink->deprel_of[n] == DM_DEP_OBJ;
}

/* The nearest actor left of token @group, unless a verb stands right before it: then it is
 * that verb's object or in it ("Actionaid criticised Mr Brown's plan and called on": the
 * subject of "called" is the unknown one of "criticised", not Brown). */
static int
subject_before_verb (const Clause *c,
                     guint         group)
{
  int m = dm_clause_nearest_left (c, group);
  guint k;

  if (m < 0)
    return -1;
  /* over an article or a title the name does not include ("the", "Mr") */
  k = mention (c, m)->first;
  for (guint n = 0; n < 3 && k > c->first && c->mention_at[k - 1] < 0 &&
                    (strcmp (lower (c, k - 1), "the") == 0 || strcmp (lower (c, k - 1), "a") == 0 ||
                     strcmp (lower (c, k - 1), "an") == 0 || strcmp (lower (c, k - 1), ".") == 0 ||
                     (token (c, k - 1)->kind == DM_TOKEN_WORD && token (c, k - 1)->capitalized));
       n++)
    k--;
  if (k > c->first && dm_clause_is_verb (c, k - 1))
    return -1;
  return m;
}

/* "after leaving", "before joining", "while attacking": a participle clause opened by one of
 * these words has the main clause's subject ("X, a member of Y, was arrested after leaving
 * Z": X leaves Z, not Y) */
static gboolean
is_adverbial_opener (const char *word)
{
  static const char * const openers[] = { "after", "before", "while", "since", "upon", "without", "despite" };

  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    if (strcmp (word, openers[k]) == 0)
      return TRUE;
  return FALSE;
}

/* The source for a trigger by the rules in the file header. */
static int
find_source (Clause        *c,
             const Trigger *t)
{
  guint group = dm_clause_verb_group_start (c, t->first);
  const char *before = group > c->first ? lower (c, group - 1) : "";

  if (t->verb->is_noun)
    {
      /* "Trump's long-standing criticism": a possessive up to three words before;
       * "U.S. airstrikes against": a modifier right before the noun */
      for (guint k = t->first; k > c->first && k + 4 > t->first; k--)
        {
          int m = c->mention_at[k - 1];

          if (m >= 0 && (mention (c, m)->possessive || k == t->first))
            return m;
          if (token (c, k - 1)->kind != DM_TOKEN_WORD)
            break;
        }
      /* "criticism of X by Y" */
      if (t->last + 2 < c->end && strcmp (lower (c, t->last + 1), "by") != 0)
        {
          for (guint k = t->last + 1; k < MIN (c->end, t->last + 6); k++)
            if (strcmp (lower (c, k), "by") == 0)
              {
                int by = dm_clause_first_mention_after (c, k + 1, 3, TRUE);

                if (by >= 0)
                  return by;
                break;
              }
        }
      /* "… in support of our partners", "in their fight against ISIL": an adverbial phrase
       * of the clause, whose subject is the source */
      if (t->first > c->first + 1 &&
          (strcmp (lower (c, t->first - 1), "in") == 0 ||
           (t->first > c->first + 2 && strcmp (lower (c, t->first - 2), "in") == 0 &&
            token (c, t->first - 1)->kind == DM_TOKEN_WORD && c->mention_at[t->first - 1] < 0)))
        {
          if (c->last_source >= 0)
            return c->last_source;
          if (c->main_subject >= 0 && mention (c, c->main_subject)->first < t->first)
            return c->main_subject;
        }
      /* "Coalition forces conducted 11 strikes against …": the subject of the verb before */
      for (guint k = t->first; k > c->first && k + 6 > t->first; k--)
        {
          const char *w = lower (c, k - 1);

          if (c->mention_at[k - 1] >= 0 || dm_clause_is_opener (w) || strcmp (w, ",") == 0)
            break;
          if (g_str_has_suffix (w, "ed") || dm_lexicon_lookup_verb (c->r->lexicon, w) != NULL ||
              strcmp (w, "made") == 0 || strcmp (w, "held") == 0 || strcmp (w, "began") == 0)
            {
              /* in a parsed sentence only the verb's own object: "issued a statement regarding
               * the rejection of Y" does not reject Y, and no actor before the verb does */
              if (is_parsed (c, t->first) && !is_object_of (c, (int) t->first, (int) k - 1))
                return -1;
              return dm_clause_nearest_left (c, dm_clause_verb_group_start (c, k - 1));
            }
        }
      /* "support for the Government of Iraq in the fight against ISIL": the actor just before */
      for (guint k = t->first; k > c->first && k + 6 > t->first; k--)
        {
          int m = c->mention_at[k - 1];

          if (m >= 0 && dm_clause_mention_usable (mention (c, m)) && !mention (c, m)->modifier)
            {
              guint before_m = mention (c, m)->first;

              /* "the deployment of troops in Lithuania was a threat": Lithuania is not it */
              if (before_m > c->first && dm_clause_is_particle (lower (c, before_m - 1)))
                return -1;
              return m;
            }
          if (token (c, k - 1)->kind != DM_TOKEN_WORD || dm_clause_is_opener (lower (c, k - 1)))
            break;
        }
      return -1;
    }

  /* ", calling on NATO allies": a participle clause hangs on the main subject */
  if (t->form == DM_VERB_FORM_GERUND && (strcmp (before, ",") == 0 || group == c->first ||
                                          strcmp (before, "having") == 0 || is_adverbial_opener (before)) &&
      !(is_adverbial_opener (before) && c->main_subject < 0))
    {
      if (strcmp (before, "having") == 0 && group >= c->first + 2 &&
          strcmp (lower (c, group - 2), ",") != 0)
        return dm_clause_nearest_left (c, group);
      return c->main_subject;
    }

  /* "... and urged European allies": a second verb of the same subject */
  if ((strcmp (before, "and") == 0 || strcmp (before, "but") == 0) && group >= c->first + 2 &&
      c->mention_at[group - 2] < 0)
    {
      if (c->last_source >= 0)
        return c->last_source;
      return c->main_subject >= 0 ? c->main_subject : subject_before_verb (c, group);
    }

  return dm_clause_nearest_left (c, group);
}

/* Is the verb in the future or announced as an intention ("will release", "would boycott",
 * "is prepared to lift", "plans to visit")? */
static gboolean
is_intended (const Clause  *c,
             const Trigger *t)
{
  static const char * const intention[] = {
    "prepared", "ready", "plans", "plan", "planned", "intends", "intend", "intended", "aims",
    "willing", "set",
  };
  guint group = dm_clause_verb_group_start (c, t->first);

  if (t->verb->is_noun || t->form == DM_VERB_FORM_PAST || t->form == DM_VERB_FORM_PARTICIPLE)
    return FALSE;
  for (guint k = group; k < t->first; k++)
    {
      const char *w = lower (c, k);

      if (strcmp (w, "will") == 0 || strcmp (w, "would") == 0 || strcmp (w, "shall") == 0 ||
          strcmp (w, "'ll") == 0)
        return TRUE;
    }
  return t->first >= c->first + 2 && strcmp (lower (c, t->first - 1), "to") == 0 &&
         IN_LIST (lower (c, t->first - 2), intention);
}

/* Does "unless" follow the trigger in its sentence ("will withdraw … unless …")? */
static gboolean
is_conditional (const Clause  *c,
                const Trigger *t)
{
  for (guint k = t->last + 1; k < c->end; k++)
    if (strcmp (lower (c, k), "unless") == 0)
      return TRUE;
  return FALSE;
}

/* An announced act, coded by what it promises (dm_relation_verb_intent ()); refused when
 * @negated ("will not accept", dm_relation_verb_refusal ()). */
static gboolean
intent_of (const Trigger *t,
           gboolean       negated,
           gboolean       conditional,
           DmLexVerb     *verb,
           Trigger       *intent)
{
  if (negated ? !dm_relation_verb_refusal (t->verb, verb)
              : !dm_relation_verb_intent (t->verb, conditional, verb))
    return FALSE;
  *intent = *t;
  intent->verb = verb;
  return TRUE;
}

static gboolean
in_trigger (const Trigger *t,
            int            k)
{
  return k >= (int) t->first && k <= (int) t->last;
}

/* Does the parse make mention @m the subject of a verb other than the trigger's? */
static gboolean
is_clause_subject (const Clause  *c,
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
static gboolean
in_object_of_conjunct (const Clause  *c,
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

/* In a parsed sentence, has the trigger, a participle, a subject of its own, a noun and no
 * actor, that mention @m is not named in ("with laws banning migrants": the laws ban, not
 * the actor of the clause before)? A finite verb's subject is left to the other vetoes:
 * the parse misses long names in it as often ("rights organization Amnesty demanded"). */
static gboolean
has_other_subject (const Clause  *c,
                   int            m,
                   const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);

  if (t->form != DM_VERB_FORM_GERUND)
    return FALSE;
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == (int) t->first && c->sink->deprel_of[j] == DM_DEP_NSUBJ &&
        c->mention_at[j] < 0 && c->sink->upos[j] == DM_UPOS_NOUN && !(k >= 0 && is_under (c, k, (int) j)))
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
static gboolean
inside_other_subject (const Clause  *c,
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

/* In a parsed sentence, the actor whose noun phrase mention @m is only named in when that
 * phrase is the trigger's subject ("NATO troops in Afghanistan attacked": the troops), else
 * @m. */
static int
subject_around (const Clause  *c,
                int            m,
                const Trigger *t)
{
  int noun = subject_noun_around (c, m, t);

  return noun >= 0 && c->mention_at[noun] >= 0 ? c->mention_at[noun] : m;
}

/* In a parsed sentence, is person @m only the owner of the trigger's subject ("Thomas'
 * sister pleaded with him")? A person's kin or staff act for themselves. */
static gboolean
owns_subject (const Clause  *c,
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
static gboolean
describes_nonactor (const Clause  *c,
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
static gboolean
outside_relative_clause (const Clause  *c,
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

/* Has token @k a child with relation @deprel in the parse? */
static gboolean
has_child (const Clause *c,
           int           k,
           DmDeprel      deprel)
{
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == k && c->sink->deprel_of[j] == deprel)
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

/* Is verb @v a bare infinitive whose subject is its governing verb's object, a noun and no
 * actor ("helped the girls enter the US", "let the workers go")? Without "to" the object
 * of "help", "let", "make", "see" is always the one who does what the infinitive says. */
static gboolean
has_nonactor_controller (const Clause  *c,
                         int            v,
                         const Trigger *t)
{
  int g = c->sink->head_of[v];

  if (c->sink->deprel_of[v] != DM_DEP_XCOMP || g < 0 || has_child (c, v, DM_DEP_MARK))
    return FALSE;
  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == g && c->sink->deprel_of[j] == DM_DEP_OBJ &&
        c->mention_at[j] < 0 && !in_trigger (t, (int) j) &&
        (c->sink->upos[j] == DM_UPOS_NOUN || c->sink->upos[j] == DM_UPOS_PROPN))
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, is mention @m in a clause under the trigger that has a subject of its
 * own, no actor ("helped the girls enter the US": the girls enter, the US is not helped)? An
 * actor as that subject is itself the target ("asked X to help"). The trigger's own object
 * before such a clause ("urged its members to boycott X") is no sure sign: the parser makes
 * "an invitation to attend a meeting of X" one as often. */
static gboolean
in_clause_of_other (const Clause  *c,
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
          (has_nonactor_subject (c, h, t) || has_nonactor_controller (c, h, t)))
        other = TRUE;
      k = h;
    }
  return FALSE;
}

/* In a parsed sentence, is mention @m the subject of another clause that the trigger only
 * frames ("after having left the group within Y called the Sea Org": Y names, it is not
 * left)? A complement's subject is the target of the verbs that take one ("asked X to
 * help", "demanded that X leave"), and a threat's condition has its own ("unless X …"). */
static gboolean
subject_of_adjunct (const Clause  *c,
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

/* In a parsed sentence, is mention @m only where an act happens? The parse puts it in a phrase
 * of place or time that a verb takes, with a preposition not the trigger phrase's own ("in" of
 * "gain ground in" is), and either the verb acts on nothing ("stepped down in the Hong Kong
 * election") or @m only owns the place ("left the papers at the flat of Y"). A place where a
 * verb does something to an object ("eased measures in Montenegro province") is what PLOVER
 * codes as the act's target, and stays, unless the verb is one of meeting, whose object is
 * the partner ("met officials at the UN headquarters"); so does a place inside the object's
 * own noun phrase ("an organisation in Northern Ireland"). */
static gboolean
in_place_phrase (const Clause  *c,
                 int            m,
                 const Trigger *t)
{
  static const char * const of_place[] = {
    "in", "at", "near", "inside", "within", "outside", "across", "throughout", "around",
    "during", "off",
  };
  int k = dm_clause_parse_head_of_mention (c, m);
  gboolean owner = FALSE;

  for (guint depth = 0; k >= 0 && depth < 6 && !in_trigger (t, k); depth++)
    {
      int h = c->sink->head_of[k];
      DmDeprel d = c->sink->deprel_of[k];
      const char *p;

      if (h < 0)
        break;
      if (d == DM_DEP_OBL && (in_trigger (t, h) || c->sink->upos[h] == DM_UPOS_VERB) &&
          (c->sink->upos[k] == DM_UPOS_NOUN || c->sink->upos[k] == DM_UPOS_PROPN) &&
          (p = case_marker (c, k)) != NULL && IN_LIST (p, of_place) && !phrase_has_word (t, p))
        /* whom one meets or talks to is never where: "met officials at the UN headquarters" */
        return owner || !has_child (c, h, DM_DEP_OBJ) || (in_trigger (t, h) && is_reciprocal (t->verb));
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
static gboolean
in_origin_phrase (const Clause  *c,
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

/* In a parsed sentence, is mention @m a phrase the trigger takes with a preposition other
 * than "by" ("Over 900 refugees rescued off the coast": a headline's participle without
 * auxiliary is passive, and the parse makes the refugees no subject)? Such an actor is
 * where, when or with whom the act happens, never who does it. */
static gboolean
is_oblique_of_trigger (const Clause  *c,
                       int            m,
                       const Trigger *t)
{
  int k = dm_clause_parse_head_of_mention (c, m);
  const char *p;

  return k >= 0 && c->sink->deprel_of[k] == DM_DEP_OBL && in_trigger (t, c->sink->head_of[k]) &&
         (p = case_marker (c, k)) != NULL && strcmp (p, "by") != 0;
}

static void extract_relations (Clause        *c,
                               const Trigger *t,
                               gboolean       negated);

static void
extract_trigger (Clause        *c,
                 const Trigger *t)
{
  gboolean negated = dm_clause_is_negated (c, t->first);
  DmLexVerb intent_verb;
  Trigger intent;

  if (is_intended (c, t) && intent_of (t, negated, is_conditional (c, t), &intent_verb, &intent))
    {
      extract_relations (c, &intent, FALSE);
      g_free (intent_verb.label);
      return;
    }
  extract_relations (c, t, negated);
}

static void
extract_relations (Clause        *c,
                   const Trigger *t,
                   gboolean       negated)
{
  int source = -1, target = -1;
  int sources[MAX_COORDINATED + 1], targets[MAX_COORDINATED + 1];
  guint n_sources = 0, n_targets = 0;

  if (dm_clause_is_passive (c, t))
    {
      /* "X was criticised by Y": Y criticises X */
      guint k = t->last + 1;

      if (k < c->end && strcmp (lower (c, k), "by") == 0)
        source = dm_clause_first_mention_after (c, k + 1, 4, TRUE);
      target = dm_clause_nearest_left (c, dm_clause_verb_group_start (c, t->first));
      if (source < 0 || target < 0)
        return;
      emit (c, source, target, t, negated, t->first, t->last);
      return;
    }

  source = find_source (c, t);
  if (source >= 0 && is_parsed (c, t->first))
    source = subject_around (c, source, t);
  /* a verb of saying takes its object directly: "cited Poland", not "spoke at a NATO meeting" */
  target = dm_clause_object_after (c, t->last + 1, t->verb->klass == DM_CLASS_STATEMENT && t->verb->n_words == 1);
  /* "said the United States would …": the subject of what was said, not an object; in a
   * parsed sentence the tree says so whatever follows ("said John Kerry, the Secretary of
   * State, contacted …") */
  if (target >= 0 && t->verb->klass == DM_CLASS_STATEMENT && is_clause_subject (c, target, t))
    target = -1;
  /* "said Mohamed wishes to …": what is said is a clause; one says things to an actor, never
   * an actor ("says to" has its own phrase) */
  if (target >= 0 && t->verb->n_words == 1 && strcmp (t->verb->phrase, "say") == 0)
    target = -1;
  if (target >= 0 && t->verb->klass == DM_CLASS_STATEMENT && t->verb->n_words == 1 &&
      mention (c, target)->last + 1 < c->end)
    {
      const char *after = lower (c, mention (c, target)->last + 1);

      if (dm_clause_is_auxiliary (after) ||
          (dm_lexicon_lookup_verb (c->r->lexicon, after) != NULL && !dm_clause_is_particle (after)))
        target = -1;
    }
  /* "agreeing to work for Y": consenting to do something is no agreement with whom it is
   * done for ("agreed to the deal", "agreed to Y's terms" are; "promised to help Y" is a
   * promise to Y) */
  if (target >= 0 && (strcmp (t->verb->phrase, "agree to") == 0 || strcmp (t->verb->phrase, "consent to") == 0) &&
      t->last + 1 < c->end && c->sink->upos[t->last + 1] == DM_UPOS_VERB)
    target = -1;
  /* "threatened to ban voting in East Jerusalem if Hamas …": a place of the source's own is
   * no target; the actor after "if" may be */
  if (target >= 0 && source >= 0 && strcmp (mention (c, target)->actor, mention (c, source)->actor) == 0)
    target = -1;
  /* "demanded that its partners refuse …", "threatened to ban voting if Hamas …" */
  if (target < 0 && t->last + 2 < c->end &&
      (t->verb->klass == DM_CLASS_DEMAND || t->verb->klass == DM_CLASS_APPEAL) &&
      strcmp (lower (c, t->last + 1), "that") == 0)
    target = dm_clause_object_after (c, t->last + 2, FALSE);
  if (target < 0 && t->verb->klass == DM_CLASS_THREATEN)
    {
      for (guint k = t->last + 1; k < MIN (c->end, t->last + TARGET_WINDOW + 4); k++)
        if (strcmp (lower (c, k), "if") == 0 || strcmp (lower (c, k), "unless") == 0)
          {
            target = dm_clause_object_after (c, k + 1, FALSE);
            break;
          }
    }
  if (target >= 0)
    target = dm_clause_refine_target (c, target);
  if (target >= 0 && is_parsed (c, t->first) &&
      (in_place_phrase (c, target, t) || in_origin_phrase (c, target, t) ||
       in_clause_of_other (c, target, t) ||
       subject_of_adjunct (c, target, t) ||
       /* "met her husband and left the church": a trigger with an object of its own does
        * not act on the object of the verb joined to it ("attacked and seized Y" does) */
       (has_child (c, (int) t->first, DM_DEP_OBJ) && in_object_of_conjunct (c, target, t))))
    target = -1;

  if (source < 0 || outside_relative_clause (c, source, t) || owns_subject (c, source, t) ||
      (is_parsed (c, t->first) &&
       (in_object_of_conjunct (c, source, t) || inside_other_subject (c, source, t) ||
        is_oblique_of_trigger (c, source, t) || describes_nonactor (c, t) ||
        has_other_subject (c, source, t))))
    return;
  c->last_source = source;
  if (!negated && dm_clause_is_negated_existential (c, source))
    negated = TRUE;

  sources[n_sources++] = source;
  n_sources += dm_clause_coordinated_before (c, source, sources + n_sources, MAX_COORDINATED);

  if (n_sources > 1)
    {
      /* "The United States and Jordan have agreed": with a reciprocal verb the subjects relate
       * to each other both ways. Other subjects of one action only share it ("X and Y
       * condemned Z"): that is no act between them, and claiming one was wrong more often
       * than right on news. */
      if (is_reciprocal (t->verb) && target < 0)
        {
          for (guint a = 0; a < n_sources; a++)
            for (guint b = 0; b < n_sources; b++)
              if (a != b)
                emit (c, sources[a], sources[b], t, negated, t->first, t->last);
        }
    }

  if (target < 0)
    return;

  targets[n_targets++] = target;
  n_targets += dm_clause_coordinated_after (c, target, targets + n_targets, MAX_COORDINATED);

  for (guint a = 0; a < n_sources; a++)
    for (guint b = 0; b < n_targets; b++)
      {
        emit (c, sources[a], targets[b], t, negated, t->first, t->last);
        /* "Carter met al-Abadi": meeting, talks and agreements go both ways */
        if (is_reciprocal (t->verb) && t->verb->klass != DM_CLASS_ASSAULT)
          emit (c, targets[b], sources[a], t, negated, t->first, t->last);
      }
}

/* "according to X": X says what the sentence claims about its first actor. */
static void
extract_according_to (Clause *c)
{
  static const DmLexVerb says = {
    .phrase = (char *) "according to", .words = NULL, .n_words = 2,
    .klass = DM_CLASS_STATEMENT, .label = (char *) "says", .is_noun = FALSE,
  };
  Trigger t = { &says, DM_VERB_FORM_BASE, 0, 0 };

  for (guint k = c->first; k + 2 < c->end; k++)
    {
      if (strcmp (lower (c, k), "according") == 0 && strcmp (lower (c, k + 1), "to") == 0)
        {
          int source = dm_clause_first_mention_after (c, k + 2, 6, TRUE);
          int target;

          if (source < 0)
            return;
          target = -1;
          for (guint j = c->first; j < k; j++)
            if (c->mention_at[j] >= 0 && dm_clause_mention_usable (mention (c, c->mention_at[j])))
              {
                target = c->mention_at[j];
                break;
              }
          if (target < 0)
            return;
          t.first = k;
          t.last = k + 1;
          emit (c, source, target, &t, FALSE, k, k + 1);
          return;
        }
    }
}

/* "Straw said the Sudanese government must reach an agreement": the speaker demands it of
 * the subject of "must". */
static void
extract_obligations (Clause *c)
{
  static const DmLexVerb demands = {
    .phrase = (char *) "demand", .words = NULL, .n_words = 1,
    .klass = DM_CLASS_DEMAND, .label = (char *) "demands", .is_noun = FALSE,
  };
  static const char * const saying[] = {
    "said", "says", "stated", "emphasised", "emphasized", "stressed", "insisted", "concluded",
    "declared", "argued", "warned", "added", "reiterated", "believes", "believed",
  };
  Trigger t = { &demands, DM_VERB_FORM_BASE, 0, 0 };

  for (guint k = c->first + 1; k < c->end; k++)
    {
      int subject, speaker = -1;

      if (strcmp (lower (c, k), "must") != 0 && strcmp (lower (c, k), "should") != 0)
        continue;
      subject = dm_clause_nearest_left (c, k);
      if (subject < 0 || mention (c, subject)->last + 4 < k)
        continue;
      for (guint j = mention (c, subject)->first; j > c->first; j--)
        if (IN_LIST (lower (c, j - 1), saying))
          {
            speaker = dm_clause_nearest_left (c, dm_clause_verb_group_start (c, j - 1));
            break;
          }
      /* "…, the minister said." at the end */
      if (speaker < 0)
        for (guint j = k + 1; j < c->end; j++)
          if (IN_LIST (lower (c, j), saying) && c->mention_at[j - 1] >= 0)
            {
              speaker = c->mention_at[j - 1];
              break;
            }
      if (speaker < 0 || speaker == subject)
        continue;
      t.first = t.last = k;
      emit (c, speaker, subject, &t, FALSE, k, k);
    }
}

static void
extract_sentence (Clause *c)
{
  c->main_subject = dm_clause_find_main_subject (c);
  c->last_source = -1;

  for (guint i = c->first; i < c->end; i++)
    {
      Trigger t;

      if (!dm_clause_find_trigger (c, i, &t))
        continue;
      extract_trigger (c, &t);
      i = t.last;
    }
  extract_according_to (c);
  extract_obligations (c);
}

static gint
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  const DmRelation *ra = *(const DmRelation * const *) a;
  const DmRelation *rb = *(const DmRelation * const *) b;

  if (ra->trigger.start != rb->trigger.start)
    return ra->trigger.start < rb->trigger.start ? -1 : 1;
  if (ra->source_mention.start != rb->source_mention.start)
    return ra->source_mention.start < rb->source_mention.start ? -1 : 1;
  if (ra->target_mention.start != rb->target_mention.start)
    return ra->target_mention.start < rb->target_mention.start ? -1 : 1;
  return 0;
}

/* Is the name at DmToken @tok, compounded with the noun at @noun, only where the noun
 * happens ("the London conference")? A city before a body that acts for its state
 * ("Kremlin officials", "Washington diplomats") stays an actor. */
static gboolean
is_place_modifier (const DmRecognition *r,
                   guint                tok,
                   guint                noun)
{
  int m = -1;

  for (guint k = 0; k < r->mentions->len && m < 0; k++)
    {
      const DmRMention *rm = dm_recognition_mention (r, k);

      if (!rm->nested && rm->first <= tok && tok <= rm->last)
        m = (int) k;
    }
  if (m < 0 || (noun >= dm_recognition_mention (r, (guint) m)->first &&
                noun <= dm_recognition_mention (r, (guint) m)->last))
    return FALSE;
  /* a city named before a noun is where it happens; a country or an organisation before
   * "offer", "mediation", "resolution" is whose it is, and stays (measured on the dev sets) */
  if (dm_recognition_mention (r, (guint) m)->kind != DM_RMENTION_CAPITAL)
    return FALSE;
  return (dm_lexicon_name_part (r->lexicon, r->lower[noun]) &
          (DM_PART_COLLECTIVE | DM_PART_ARMED_BODY | DM_PART_GOVERNMENT_BODY |
           DM_PART_PRONOUN_PERSON)) == 0;
}

void
dm_relations_extract (const DmRecognition *r,
                      const DmParse       *parse,
                      DmAnalysis          *analysis)
{
  const DmTextDoc *doc = r->doc;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *mention_at = g_new (int, doc->tokens->len + 1);
  g_autofree gboolean *decided = g_new0 (gboolean, doc->tokens->len + 1);
  g_autofree guint8 *upos = g_new0 (guint8, doc->tokens->len + 1);
  g_autofree gboolean *modifier = g_new0 (gboolean, doc->tokens->len + 1);
  g_autofree int *head_of = g_new (int, doc->tokens->len + 1);
  g_autofree guint8 *deprel_of = g_new0 (guint8, doc->tokens->len + 1);
  DmRelationSink sink = { r, analysis, seen, mention_at, decided, upos, modifier, head_of, deprel_of };
  /* DRAMATIS_TREE_ONLY=1: no word-order rules for a parsed sentence, to measure the tree
   * rules alone */
  gboolean fallback_after_tree = g_getenv ("DRAMATIS_TREE_ONLY") == NULL;

  for (guint i = 0; i <= doc->tokens->len; i++)
    mention_at[i] = head_of[i] = -1;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->nested)
        continue;
      for (guint i = m->first; i <= m->last; i++)
        if (mention_at[i] < 0)
          mention_at[i] = (int) k;
    }

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const DmSentence *sent = dm_text_doc_sentence (doc, s);
      Clause c = { 0 };

      /* a parsed sentence is read from its tree; the word-order rules are the fallback */
      if (parse != NULL && s < parse->sentences->len &&
          g_array_index (parse->sentences, DmParseSentence, s).parsed)
        {
          const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);

          /* the first piece of a word split for the parser ("Trump" of "Trump's") */
          for (guint i = ps->first + ps->n_tokens; i > ps->first; i--)
            {
              const DmParseToken *pt = &g_array_index (parse->tokens, DmParseToken, i - 1);

              upos[pt->token] = (guint8) pt->upos;
              deprel_of[pt->token] = (guint8) pt->deprel;
              if (pt->head >= 0)
                head_of[pt->token] = (int) g_array_index (parse->tokens, DmParseToken, pt->head).token;
              if (pt->deprel == DM_DEP_COMPOUND && pt->head >= 0)
                modifier[pt->token] = is_place_modifier (r, pt->token,
                                                         g_array_index (parse->tokens, DmParseToken, pt->head).token);
            }
          dm_relations_extract_sentence (&sink, parse, s);
          if (!fallback_after_tree)
            continue;
        }
      c.r = r;
      c.analysis = analysis;
      c.sentence = s;
      c.first = sent->first_token;
      c.end = sent->first_token + sent->n_tokens;
      c.mention_at = mention_at;
      c.sink = &sink;
      extract_sentence (&c);
    }

  g_ptr_array_sort (analysis->relations, compare_relations);
}
