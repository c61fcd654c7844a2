/* dm-relation-subjects.c — who acts: a verb's subject, its own or the one it inherits (a
 * conjunct, a complement, a relative clause), and the source of a relation noun
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-relation-rules-private.h"

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
    if (dm_slot_is_person (R, speakers.mentions[k]) == person)
      dm_slot_add_actor (out, speakers.mentions[k], speakers.token);
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

/* "X said the junta had arrested journalists and suspended Y": the parser may make the
 * second verb of the clause said a conjunct of the verb of saying @h, which would give it the
 * speaker as subject. A verb with a subject of its own between @h and the conjunct @v that
 * the parser did not make @h's clause (a broken parse; "said the arrests were unlawful and
 * urged Y" is the speaker's) is the one @v goes on: its subject's token, or -1. */
static int
said_clause_subject (const Rules *R,
                     int          h,
                     int          v)
{
  const DmLexVerb *verb = R->matches[v].verb;

  if (h > v || !dm_slot_is_saying (R, h) ||
      (verb != NULL && (verb->klass == DM_CLASS_STATEMENT || verb->klass == DM_CLASS_APPEAL ||
                        verb->klass == DM_CLASS_DEMAND || verb->klass == DM_CLASS_DISAPPROVE)))
    return -1;
  for (int k = h + 1; k < v; k++)
    if (dm_sentence_tree_token (R->tree, k)->upos == DM_UPOS_VERB && child (R, k, DM_DEP_NSUBJ) > h &&
        deprel (R, k) != DM_DEP_CCOMP && deprel (R, k) != DM_DEP_CONJ)
      return child (R, k, DM_DEP_NSUBJ);
  return -1;
}

/* Whether the noun phrase headed by @n comes right after a preposition ("with The Times"):
 * then it is that preposition's object, whatever the parser made it. */
static gboolean
follows_preposition (const Rules *R,
                     int          n)
{
  int first = n;

  /* back over the phrase's own words before its head: "the", "Foreign", a name's first part;
   * the preposition may hang on the head too ("Within the CDU, Hendrik Wuest backed …") */
  while (first > 0 && (head (R, first - 1) == n ||
                       (mention_of (R, first - 1) >= 0 && mention_of (R, first - 1) == mention_of (R, n))))
    {
      if (dm_sentence_tree_token (R->tree, first - 1)->upos == DM_UPOS_ADP &&
          deprel (R, first - 1) == DM_DEP_CASE)
        return TRUE;
      first--;
    }
  return first > 0 && dm_sentence_tree_token (R->tree, first - 1)->upos == DM_UPOS_ADP &&
         deprel (R, first - 1) == DM_DEP_CASE;
}

/* "Within the CDU, Hendrik Wuest, the premier, backed": a name the parser hangs as a flat
 * part on the preposition's object, but after a comma: the name that opens the clause. Its
 * token, or -1. */
static int
name_after_comma (const Rules *R,
                  int          n)
{
  for (guint k = n + 1; k < R->tree->n; k++)
    if (head (R, (int) k) == n && (deprel (R, (int) k) == DM_DEP_FLAT || deprel (R, (int) k) == DM_DEP_COMPOUND))
      {
        /* the first word of the name: a compound hung on this flat part ("Hendrik") */
        int first = (int) k;

        while (first > n + 1 && head (R, first - 1) == (int) k)
          first--;
        if (strcmp (word (R, first - 1), ",") == 0 && mention_of (R, (int) k) >= 0 &&
            mention_of (R, (int) k) != mention_of (R, n))
          return (int) k;
      }
  return -1;
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
        dm_slot_collect_subject (R, (int) k, out);
    }
}

/* "The United States, which has long backed Israel, condemned Iran", "Hamas, which Israel
 * attacked, condemned Egypt": the parser may make the main verb @v a conjunct of the
 * relative clause, with the clause's object as its subject @s or with none. Only a comma
 * before @v, no "and": the clause has ended, and the noun it describes is the subject. */
static gboolean
ends_relative_clause (const Rules *R,
                      int          v,
                      int          s)
{
  int h = head (R, v), end = s;

  if (h < 0 || deprel (R, v) != DM_DEP_CONJ || deprel (R, h) != DM_DEP_ACL_RELCL || head (R, h) < 0 ||
      head (R, h) > h || v < 1 || strcmp (word (R, v - 1), ",") != 0 || child (R, v, DM_DEP_CC) >= 0)
    return FALSE;
  if (s < 0)
    return TRUE;
  if (s <= h || s >= v)
    return FALSE;
  /* the subject's phrase ends right at the comma */
  for (int k = s + 1; k < v - 1; k++)
    if (head (R, k) == s || head (R, k) == end)
      end = k;
  return end == v - 2;
}

/* Does the noun phrase headed by @n come right after a subordinator ("after Ugandan troops",
 * "when the police")? */
static gboolean
opens_subordinate_clause (const Rules *R,
                          int          n)
{
  static const char * const subordinators[] = {
    "after", "before", "when", "while", "since", "because", "until", "as", "once", NULL,
  };
  int first = n;

  /* the parser makes "after" the phrase's own case marker as often as not */
  while (first > 0 && head (R, first - 1) == n && !word_in (word (R, first - 1), subordinators))
    first--;
  return first > 0 && word_in (word (R, first - 1), subordinators);
}

/* Does a comma, and no "and" or "or", stand between tokens @a and @b? */
static gboolean
comma_parts (const Rules *R,
             int          a,
             int          b)
{
  gboolean comma = FALSE;

  for (int j = a + 1; j < b; j++)
    {
      if (strcmp (word (R, j), "and") == 0 || strcmp (word (R, j), "or") == 0)
        return FALSE;
      comma |= strcmp (word (R, j), ",") == 0;
    }
  return comma;
}

/* "Iran, along with Russia, condemned Y", "France, together with Germany, urged Y": the
 * companion, hung on the subject @s or on the verb @v, acts as well. */
static void
collect_companions (const Rules *R,
                    int          v,
                    int          s,
                    Actors      *out)
{
  static const char * const companions[] = { "along", "together", NULL };

  for (guint k = 0; k < R->tree->n; k++)
    {
      int with = dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "with");

      if ((head (R, (int) k) == s || head (R, (int) k) == v) && (int) k < v && with > 0 &&
          word_in (word (R, with - 1), companions))
        dm_slot_collect_subject (R, (int) k, out);
    }
}

/* The subject of verb @v, or the one it inherits (see the file header). */
/* The state thing @n stands in ("a loudspeaker in South Korea"), into @out. */
static void
located_state (const Rules *R,
               int          n,
               Actors      *out)
{
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == n && deprel (R, (int) k) == DM_DEP_NMOD &&
        dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "in") >= 0 &&
        dm_slot_actor_at (R, (int) k) >= 0 &&
        dm_recognition_mention (R->sink->r, (guint) dm_slot_actor_at (R, (int) k))->type == DM_ACTOR_COUNTRY)
      {
        dm_slot_add_actor (out, dm_slot_actor_at (R, (int) k), (int) k);
        return;
      }
}

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
  for (guint k = 0; k < R->tree->n && s >= 0 && dm_slot_nominal_actor (R, s, FALSE) < 0; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_NSUBJ && (int) k != s &&
        dm_slot_nominal_actor (R, (int) k, FALSE) >= 0)
      s = (int) k;
  /* "expelled the ambassador, Joseph Okello, after Ugandan troops crossed …": of two that
   * name actors, the one that opens the clause with its subordinator, right before the
   * verb, when a comma and no "and" part the other */
  for (guint k = (guint) MAX (s + 1, 0); k < (guint) v && s >= 0; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_NSUBJ &&
        dm_slot_nominal_actor (R, (int) k, FALSE) >= 0 && comma_parts (R, s, (int) k) &&
        opens_subordinate_clause (R, (int) k))
      s = (int) k;
  if (ends_relative_clause (R, v, s))
    {
      dm_slot_collect_subject (R, head (R, h), out);
      return;
    }
  if (s >= 0)
    {
      if (word_in (word (R, s), relative) && deprel (R, v) == DM_DEP_ACL_RELCL && h >= 0 &&
          dm_sentence_tree_token (R->tree, h)->upos != DM_UPOS_VERB)
        {
          dm_slot_collect_subject (R, h, out);
          /* "a loudspeaker in South Korea that broadcasts propaganda into the North": a
           * thing (not "who") that acts, no actor itself, acts for the state it stands in */
          if (out->n == 0 && strcmp (word (R, s), "who") != 0 && mention_of (R, h) < 0)
            located_state (R, h, out);
        }
      else if (dm_slot_is_relative_pronoun (word (R, s)) && strcmp (word (R, s), "that") != 0)
        dm_slot_collect_subject (R, relative_antecedent (R, s), out);
      /* "after Ugandan troops detained …": a subordinator the parser makes the subject's
       * case marker opens the clause; it is no preposition */
      else if (follows_preposition (R, s) && !opens_subordinate_clause (R, s))
        {
          /* "In an interview with The Times, the minister attacked": the preposition's
           * object is no subject; a name the parser hangs on it in apposition may be */
          if (child (R, s, DM_DEP_APPOS) > s)
            dm_slot_collect_subject (R, child (R, s, DM_DEP_APPOS), out);
          else if (name_after_comma (R, s) >= 0)
            dm_slot_collect_subject (R, name_after_comma (R, s), out);
        }
      else
        {
          dm_slot_collect_subject (R, s, out);
          collect_stacked_subjects (R, v, s, out);
          collect_companions (R, v, s, out);
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
        dm_slot_collect_subject (R, stranded_subject (R, v), out);
      else if (said_clause_subject (R, h, v) >= 0)
        dm_slot_collect_subject (R, said_clause_subject (R, h, v), out);
      else if (!dm_slot_is_passive (R, h))
        dm_slot_subjects (R, h, out, depth + 1);
      /* "the rebels, who were backed by Y and attacked Z": conjuncts share their subject,
       * the passive one's too (a relative pronoun is the noun its clause describes) */
      else if (child (R, h, DM_DEP_NSUBJ_PASS) >= 0)
        {
          int patient = child (R, h, DM_DEP_NSUBJ_PASS);

          /* "Environmental group X's Y was defeated and resigned": of two passive subjects
           * the parser gives a verb, the one that names an actor itself (as above) */
          for (guint k = 0; k < R->tree->n && dm_slot_nominal_actor (R, patient, FALSE) < 0; k++)
            if (head (R, (int) k) == h && deprel (R, (int) k) == DM_DEP_NSUBJ_PASS &&
                (int) k != patient && dm_slot_nominal_actor (R, (int) k, FALSE) >= 0)
              patient = (int) k;

          if (word_in (word (R, patient), relative) && deprel (R, h) == DM_DEP_ACL_RELCL &&
              head (R, h) >= 0)
            dm_slot_collect_subject (R, head (R, h), out);
          else
            dm_slot_collect_subject (R, patient, out);
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
      else if (dm_slot_judged_deed_doer (R, v) >= 0)
        dm_slot_collect_subject (R, h, out);
      /* "Iranian students demonstrated against Y." parsed as a noun phrase: a finite verb
       * describing the noun that heads the whole sentence is that noun's predicate */
      else if (deprel (R, h) == DM_DEP_ROOT && child (R, v, DM_DEP_MARK) < 0 &&
               dm_sentence_tree_token (R->tree, v)->upos == DM_UPOS_VERB &&
               (dm_sentence_tree_token (R->tree, h)->upos == DM_UPOS_NOUN ||
                dm_sentence_tree_token (R->tree, h)->upos == DM_UPOS_PROPN) &&
               child (R, h, DM_DEP_COP) < 0 && !g_str_has_suffix (word (R, v), "ing"))
        dm_slot_collect_subject (R, h, out);
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
            dm_slot_collect_subject (R, child (R, h, DM_DEP_NSUBJ_PASS), out);
          else
            dm_slot_subjects (R, h, out, depth + 1);
        }
      /* "was arrested for collaborating with Y", "was charged with stealing from Y": what one
       * is held, charged or praised for is the passive subject's deed (as charged) */
      else if (dm_slot_is_charged_deed (R, v))
        dm_slot_collect_subject (R, child (R, h, DM_DEP_NSUBJ_PASS), out);
      else if (dm_slot_judged_deed_doer (R, v) >= 0)
        dm_slot_collect_subject (R, dm_slot_judged_deed_doer (R, v), out);
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
    dm_slot_collect_subject (R, child (R, a, DM_DEP_NSUBJ_PASS), out);
  /* a copular clause has its subject on the adjective; "remained critical of" is an
   * xcomp of a linking verb, whose subject it shares */
  else if (child (R, a, DM_DEP_NSUBJ) >= 0 || deprel (R, a) == DM_DEP_XCOMP ||
           deprel (R, a) == DM_DEP_CONJ)
    dm_slot_subjects (R, a, out, 0);
}
