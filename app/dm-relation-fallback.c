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
 *  - the place and the agency of a dateline ("KYIV (Reuters) - …") are no actors of the
 *    sentence, for the tree rules as for these;
 *  - reciprocal verbs (meet, agree, clash…) with a coordinated subject and no object relate
 *    the subjects to each other, unless the parse gives the verb an object that is the
 *    other side ("X and Y met him");
 *  - in a parsed sentence (after the tree rules, for what they left open) the parse vetoes
 *    what it contradicts (dm-relation-vetoes.c): a statement's addressee that is the subject of the clause said, a
 *    source that is not the noun a relative clause describes ("members of Y, who …"), a
 *    person who only owns the subject ("Thomas' sister"), a relation noun's source through a
 *    verb it is not the object of ("issued a statement on the rejection of"), a target that
 *    is only where the act happens ("stepped down in the Hong Kong election", "off the
 *    coast") or where the object comes from ("attacked defectors from Y"), that a gerund
 *    after "of" or "for" takes ("accused the army of bombing civilians"), that belongs to
 *    a clause with a subject of its own ("helped the girls enter the US") or that is the
 *    subject of a clause the trigger only frames, or that another verb takes below a
 *    reciprocal trigger ("signed the deal without consulting Y"); a source inside the object of a verb the
 *    trigger is coordinated with ("criticised Mr Brown's plan and called on"), named inside
 *    a subject that does not act for it ("bureaucrats of the government"), or taken by the
 *    trigger with a preposition ("Over 900 refugees rescued off …": a headline's passive);
 *    no source for a relation noun a verb of stance takes ("condemned the strikes on Y"
 *    says nothing of who struck), nor the one such a noun is aimed at as the stance's target;
 *    any source of a participle right after the noun, no actor, it describes ("laws banning
 *    migrants"); a source when the parse gives the verb a pronoun subject (the noun a pronoun
 *    possessor) the recognizer left unresolved ("he plans to meet Y", "his visit to Z");
 *    and an actor named inside a subject that is an actor gives way to it ("NATO troops in
 *    Afghanistan attacked": NATO, not Afghanistan).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relation-fallback"

#include "config.h"

#include <string.h>

#include "dm-clause.h"
#include "dm-relation-bystanders.h"
#include "dm-relation-trigger-mood.h"
#include "dm-relation-vetoes.h"
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

/* Is the word at @k a verb of the lexicon that takes a stand on an act rather than doing it
 * (dm_relation_verb_takes_stance ())? Not when the word alone has another sense as well. */
static gboolean
takes_stance_on (const Clause *c,
                 guint         k)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (c->r->lexicon, lower (c, k));
  gboolean stance = FALSE;

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb;

      /* "filed protests against Y": a phrase ("file a complaint against") is no sense of
       * the verb alone */
      if (verb->is_noun || verb->n_words > 1)
        continue;
      if (!dm_relation_verb_takes_stance (verb))
        return FALSE;
      stance = TRUE;
    }
  return stance;
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

/* "was arrested at his school by police": in a parsed sentence, the actor of a "by" phrase
 * after a phrase of place or time, when the tree puts it under the passive trigger (on the
 * verb, or on its oblique as the parser often does); -1 if none. */
static int
agent_after_place (const Clause  *c,
                   const Trigger *t)
{
  for (guint k = t->last + 1; k < MIN (c->end, t->last + 8); k++)
    {
      const char *w = lower (c, k);
      int m, h;

      if (strcmp (w, ",") == 0 || c->mention_at[k] >= 0 || dm_clause_is_verb (c, k) ||
          dm_clause_is_opener (w))
        return -1;
      if (strcmp (w, "by") != 0)
        continue;
      m = dm_clause_first_mention_after (c, k + 1, 4, TRUE);
      h = m >= 0 ? dm_clause_parse_head_of_mention (c, m) : -1;
      for (guint depth = 0; h >= 0 && depth < 2; depth++)
        {
          h = c->sink->head_of[h];
          if (h == (int) t->first)
            return m;
        }
      return -1;
    }
  return -1;
}

/* Words after which a gerund shares the main clause's subject */
static const char * const gerund_subordinators[] = {
  "after", "before", "while", "since", "upon", "without", "when", "despite",
};

/* "Iran, which arms Hezbollah, warned Israel", "Kenya, whose troops serve in Somalia,
 * accused": a verb right after a relative clause set off by commas has the noun before the
 * clause as subject, not the actor inside it. The token to look left of for that subject:
 * the comma opening the clause, or @group itself. */
static guint
relative_clause_start (const Clause *c,
                       guint         group)
{
  if (group < c->first + 4 || strcmp (lower (c, group - 1), ",") != 0)
    return group;
  for (guint k = group - 2; k > c->first; k--)
    {
      const char *w = lower (c, k);

      if ((strcmp (w, "which") == 0 || strcmp (w, "who") == 0 || strcmp (w, "whose") == 0) &&
          strcmp (lower (c, k - 1), ",") == 0)
        return k - 1;
      if (strcmp (w, ",") == 0 || dm_clause_is_opener (w))
        return group;
    }
  return group;
}

/* "Tejashwi Yadav of the Rashtriya Janata Dal criticised": the person a party, body or
 * country right after "of" only places; @m itself when it places no one. */
static int
person_of_body (const Clause *c,
                int           m)
{
  guint k;
  int person;

  if (m < 0 || mention (c, m)->type == DM_ACTOR_PERSON || mention (c, m)->type == DM_ACTOR_OFFICIAL)
    return m;
  k = mention (c, m)->first;
  if (k > c->first && strcmp (lower (c, k - 1), "the") == 0)
    k--;
  if (k < c->first + 2 || strcmp (lower (c, k - 1), "of") != 0)
    return m;
  person = c->mention_at[k - 2];
  if (person < 0 || !dm_clause_mention_usable (mention (c, person)) ||
      (mention (c, person)->type != DM_ACTOR_PERSON && mention (c, person)->type != DM_ACTOR_OFFICIAL))
    return m;
  return person;
}

/* Does the verb at @group continue a gerund after "of" ("of misusing public funds and
 * threatening", "of using agencies to harass"), with no comma, actor or new clause between? */
static gboolean
in_gerund_chain_after_of (const Clause *c,
                          guint         group)
{
  for (guint k = group - 1; k > c->first; k--)
    {
      const char *w = lower (c, k - 1);

      if (strcmp (w, ",") == 0 || dm_clause_is_opener (w) || c->mention_at[k - 1] >= 0)
        return FALSE;
      if (strcmp (w, "of") == 0)
        return g_str_has_suffix (lower (c, k), "ing");
    }
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
              /* "condemned the strikes on Syria", "welcomed the arrest of Y": a verb that
               * takes a stand on the act says nothing of who did it */
              if (takes_stance_on (c, k - 1))
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

  /* "criticised X before meeting Y": a gerund after a subordinator is the main subject's
   * act, never the object's before it */
  if (t->form == DM_VERB_FORM_GERUND && IN_LIST (before, gerund_subordinators))
    return c->main_subject >= 0 && mention (c, c->main_subject)->last < group ? c->main_subject : -1;

  /* ", calling on NATO allies": a participle clause hangs on the main subject */
  if (t->form == DM_VERB_FORM_GERUND && (strcmp (before, ",") == 0 || group == c->first ||
                                          strcmp (before, "having") == 0))
    {
      if (strcmp (before, "having") == 0 && group >= c->first + 2 &&
          strcmp (lower (c, group - 2), ",") != 0)
        return dm_clause_nearest_left (c, group);
      return c->main_subject;
    }

  /* "accusing her of misusing funds and threatening to kill Y", "accused the Centre of using
   * agencies to harass Y": what one is accused of, an allegation the tree rules mark; the
   * word order cannot tell whose it is */
  if (((t->form == DM_VERB_FORM_GERUND && (strcmp (before, "and") == 0 || strcmp (before, "or") == 0)) ||
       strcmp (before, "to") == 0 || strcmp (lower (c, group), "to") == 0) &&
      in_gerund_chain_after_of (c, group))
    return -1;

  /* "... and urged European allies": a second verb of the same subject */
  if ((strcmp (before, "and") == 0 || strcmp (before, "but") == 0) && group >= c->first + 2 &&
      c->mention_at[group - 2] < 0)
    {
      if (c->last_source >= 0)
        return c->last_source;
      return c->main_subject >= 0 ? c->main_subject : subject_before_verb (c, group);
    }

  return person_of_body (c, dm_clause_nearest_left (c, relative_clause_start (c, group)));
}

/* In a parsed sentence, is mention @m the subject of a verb other than the trigger's? */
static gboolean
is_subject_of_other_verb (const Clause  *c,
                          int            m,
                          const Trigger *t)
{
  const DmRMention *mm = mention (c, m);

  for (guint k = mm->first; k <= mm->last; k++)
    {
      int h = c->sink->head_of[k];

      if ((h < (int) mm->first || h > (int) mm->last) && h >= 0 &&
          (c->sink->deprel_of[k] == DM_DEP_NSUBJ || c->sink->deprel_of[k] == DM_DEP_NSUBJ_PASS))
        return (guint) h < t->first || (guint) h > t->last;
    }
  return FALSE;
}

/* Is mention @m the object of "against" ("against the FDLR")? */
static gboolean
is_after_against (const Clause *c,
                  int           m)
{
  guint k = mention (c, m)->first;

  while (k > c->first + 1 && (strcmp (lower (c, k - 1), "the") == 0 || strcmp (lower (c, k - 1), "a") == 0))
    k--;
  return k > c->first && strcmp (lower (c, k - 1), "against") == 0;
}

/* Is @verb one of help or accord (SUPPORT, AID, COOPERATE, AGREE, CONSULT)? */
static gboolean
is_cooperative (const DmLexVerb *verb)
{
  return verb->klass == DM_CLASS_SUPPORT || verb->klass == DM_CLASS_AID ||
         verb->klass == DM_CLASS_COOPERATE || verb->klass == DM_CLASS_AGREE ||
         verb->klass == DM_CLASS_CONSULT;
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

static void extract_relations (Clause        *c,
                               const Trigger *t,
                               gboolean       negated);

static void
extract_trigger (Clause        *c,
                 const Trigger *t)
{
  gboolean negated = dm_clause_is_negated (c, t->first) ||
                     dm_clause_is_denied (c->r->lower, c->first, t->first);
  DmLexVerb intent_verb;
  Trigger intent;

  /* "denied arming Y", "denied that it attacked Y": the denial acts on no one, the act
   * denied is read on its own, negated */
  if (dm_trigger_is_unrealised_gerund (c, t))
    return;
  if (dm_trigger_is_diplomat_ordered_out (c, t))
    {
      DmLexVerb expels = *t->verb;
      Trigger expulsion = *t;

      expels.klass = DM_CLASS_SANCTION;
      expels.label = (char *) "expels";
      expulsion.verb = &expels;
      extract_relations (c, &expulsion, negated);
      return;
    }
  if (t->verb->n_words == 1 && dm_clause_is_denial (lower (c, t->first)) && t->last + 1 < c->end &&
      (strcmp (lower (c, t->last + 1), "that") == 0 || strcmp (lower (c, t->last + 1), "having") == 0 ||
       g_str_has_suffix (lower (c, t->last + 1), "ing")))
    return;

  if (dm_trigger_is_intended (c, t) && intent_of (t, negated, dm_trigger_is_conditional (c, t), &intent_verb, &intent))
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
      else if (is_parsed (c, t->first))
        source = agent_after_place (c, t);
      target = dm_clause_nearest_left (c, dm_clause_verb_group_start (c, t->first));
      if (source < 0 || target < 0)
        return;
      emit (c, source, target, t, negated, t->first, t->last);
      return;
    }

  if (dm_trigger_is_reduced_passive (c, t) || (is_parsed (c, t->first) && dm_veto_noun_undone (c, t)))
    return;
  source = find_source (c, t);
  if (source >= 0 && is_parsed (c, t->first))
    source = dm_veto_subject_around (c, source, t);
  /* a verb of saying takes its object directly: "cited Poland", not "spoke at a NATO meeting" */
  target = dm_clause_object_after (c, t->last + 1, t->verb->klass == DM_CLASS_STATEMENT && t->verb->n_words == 1);
  /* "said the United States would …": the subject of what was said, not an object; in a
   * parsed sentence the tree says so whatever follows ("said John Kerry, the Secretary of
   * State, contacted …") */
  if (target >= 0 && t->verb->klass == DM_CLASS_STATEMENT && dm_veto_is_clause_subject (c, target, t))
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
  /* "…, and supported by Y": a participle's "by" names its agent, never its object */
  if (target >= 0 && (t->form == DM_VERB_FORM_PAST || t->form == DM_VERB_FORM_PARTICIPLE) &&
      t->last + 1 < c->end && strcmp (lower (c, t->last + 1), "by") == 0)
    target = -1;
  if (target >= 0)
    target = dm_clause_refine_target (c, target);
  /* "was defending its borders against the FDLR", "backed Ukraine against Russia": the one a
   * helping act is against is its adversary, not the one helped */
  if (target >= 0 && is_cooperative (t->verb) && is_after_against (c, target) &&
      strcmp (t->verb->words[t->verb->n_words - 1], "against") != 0)
    target = -1;
  if (target >= 0 && is_parsed (c, t->first) &&
      (dm_veto_in_place_phrase (c, target, t) || dm_veto_in_origin_phrase (c, target, t) ||
       dm_veto_companion_of_trigger (c, target, t) || dm_veto_object_of_gerund (c, target, t) ||
       dm_veto_through_relation_noun (c, target, t) ||
       dm_veto_in_clause_of_other (c, target, t) || dm_veto_inside_asked_act (c, target, t) ||
       dm_veto_beside_pronoun_object (c, target, t) || dm_veto_own_body (c, target, t) ||
       dm_veto_measure_aimed_at (c, target, t) || dm_veto_subject_of_conjunct (c, target, t) ||
       dm_veto_destination_of_call (c, target, t) ||
       dm_mention_modifies_other_subject (c, target, t) ||
       dm_mention_in_content_of_object (c, target, t) ||
       dm_veto_subject_of_adjunct (c, target, t) || dm_veto_argument_of_other_verb (c, target, t) ||
       /* "met her husband and left the church": a trigger with an object of its own does
        * not act on the object of the verb joined to it ("attacked and seized Y" does) */
       (dm_veto_has_child (c, (int) t->first, DM_DEP_OBJ) &&
        dm_veto_in_object_of_conjunct (c, target, t))))
    target = -1;

  if (source < 0 || dm_veto_outside_relative_clause (c, source, t) ||
      dm_veto_owns_subject (c, source, t) ||
      (is_parsed (c, t->first) &&
       (dm_veto_in_object_of_conjunct (c, source, t) || dm_veto_inside_other_subject (c, source, t) ||
        dm_veto_is_oblique_of_trigger (c, source, t) || dm_veto_describes_nonactor (c, t) ||
        dm_veto_has_unresolved_subject (c, t) || dm_veto_has_other_subject (c, source, t) ||
        dm_veto_judged_other_doer (c, source, t))))
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
      if (is_reciprocal (t->verb) && target < 0 &&
          !(is_parsed (c, t->first) && dm_veto_object_is_other_side (c, t)))
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
  /* "… on targets in Yemen, the Pentagon said": in a parsed sentence, an actor after the
   * comma that is the subject of a verb of its own is that verb's, no second target */
  for (guint b = 1; b < n_targets && is_parsed (c, t->first); b++)
    if (is_subject_of_other_verb (c, targets[b], t))
      n_targets = b;

  for (guint a = 0; a < n_sources; a++)
    for (guint b = 0; b < n_targets; b++)
      {
        emit (c, sources[a], targets[b], t, negated, t->first, t->last);
        /* "Carter met al-Abadi": meeting, talks and agreements go both ways */
        if (is_reciprocal (t->verb) && t->verb->klass != DM_CLASS_ASSAULT)
          emit (c, targets[b], sources[a], t, negated, t->first, t->last);
      }
}

/* Is the root of the parsed sentence holding token @k a full verb: does the sentence tell an
 * event ("Y launched drones at Z") rather than say what something is ("Y's goal is
 * unrealistic", "Y's ambition to join Z is unrealistic")? */
static gboolean
tells_event (const Clause *c,
             guint         k)
{
  int root = (int) k;

  for (guint depth = 0; depth < 64 && c->sink->head_of[root] >= 0; depth++)
    root = c->sink->head_of[root];
  return c->sink->upos[root] == DM_UPOS_VERB;
}

/* Is group @members a word of organisation @body's name: "police" of the "Los Angeles Police
 * Department", its own people? */
static gboolean
names_own_members (const DmRMention *body,
                   const DmRMention *members)
{
  g_autofree char *body_lower = NULL;
  g_autofree char *members_lower = NULL;
  g_autofree char *name = NULL;
  g_autofree char *word = NULL;

  if (members->type != DM_ACTOR_GROUP || strchr (members->actor, ' ') != NULL ||
      body->type != DM_ACTOR_ORGANIZATION)
    return FALSE;
  /* whole words: " los angeles police department " holds " police " */
  body_lower = g_utf8_strdown (body->actor, -1);
  members_lower = g_utf8_strdown (members->actor, -1);
  name = g_strdup_printf (" %s ", body_lower);
  word = g_strdup_printf (" %s ", members_lower);
  return strstr (name, word) != NULL;
}

/* "according to X": X says what the sentence claims about its first actor ("Y's goal is
 * unrealistic, according to X"). A sentence that reports an act ("Y launched drones at Z,
 * according to X", "Y seized the town, according to officials") has X tell events, no
 * word of its own about Y: no relation. Nor is it about its own people ("police arrested
 * 200, according to the Los Angeles Police Department"). */
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
          if (is_parsed (c, k) && tells_event (c, k))
            return;
          target = -1;
          for (guint j = c->first; j < k; j++)
            if (c->mention_at[j] >= 0 && dm_clause_mention_usable (mention (c, c->mention_at[j])))
              {
                target = c->mention_at[j];
                break;
              }
          if (target < 0 || names_own_members (mention (c, source), mention (c, target)))
            return;
          t.first = k;
          t.last = k + 1;
          emit (c, source, target, &t, FALSE, k, k + 1);
          return;
        }
    }
}

/* Is modal @k followed by "have" (after an optional "not"), making it perfect? */
static gboolean
obligation_is_perfect (const Clause *c,
                       guint         k)
{
  guint j = k + 1;

  if (j < c->end && (strcmp (lower (c, j), "not") == 0 || strcmp (lower (c, j), "n't") == 0))
    j++;
  return j < c->end && strcmp (lower (c, j), "have") == 0;
}

/* "Martin Romualdez, a cousin of Marcos, said": in a parsed sentence, the person an
 * apposition describes, not the one named inside it; @m itself otherwise. */
static int
apposition_owner (const Clause *c,
                  int           m)
{
  int h = dm_clause_parse_head_of_mention (c, m);

  for (guint depth = 0; h >= 0 && depth < 4; depth++)
    {
      DmDeprel rel = c->sink->deprel_of[h];
      int owner = c->sink->head_of[h];

      if (rel != DM_DEP_NMOD && rel != DM_DEP_APPOS && rel != DM_DEP_FLAT && rel != DM_DEP_COMPOUND)
        return m;
      if (rel == DM_DEP_APPOS && owner >= (int) c->first)
        {
          /* the mention on the owner, or on a name part hung on it ("House Speaker Martin
           * Romualdez": the parser heads the name on "House") */
          for (guint k = owner; k < c->end && k < (guint) owner + 5; k++)
            if (c->mention_at[k] >= 0 && c->mention_at[k] != m &&
                (k == (guint) owner || c->sink->head_of[k] == owner) &&
                dm_clause_mention_usable (mention (c, c->mention_at[k])))
              return c->mention_at[k];
          return m;
        }
      h = owner;
    }
  return m;
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
      /* "should not have been tried", "must have known": a judgement of the past or a
       * guess, no demand */
      if (obligation_is_perfect (c, k))
        continue;
      subject = dm_clause_nearest_left (c, k);
      if (subject < 0 || mention (c, subject)->last + 4 < k)
        continue;
      for (guint j = mention (c, subject)->first; j > c->first; j--)
        if (IN_LIST (lower (c, j - 1), saying))
          {
            speaker = dm_clause_nearest_left (c, dm_clause_verb_group_start (c, j - 1));
            if (speaker >= 0 && is_parsed (c, j - 1))
              speaker = apposition_owner (c, speaker);
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

      if (m->nested || dm_mention_in_dateline (r, m))
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
                modifier[pt->token] = dm_mention_is_place_modifier (r, pt->token,
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
