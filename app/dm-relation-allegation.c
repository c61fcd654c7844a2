/* dm-relation-allegation.c — a claim that someone did harm is an accusation of them
 *
 * "Paris has claimed that the Church imprisoned her", "the ministry alleged that rebels
 * shelled the town": the one who claims or alleges an act of force or a crime accuses its
 * doer (PLOVER DISAPPROVE, CAMEO 112 "accuse"), whatever the truth of the act, which the
 * tree rules emit as reported speech. Only verbs that put a charge forward count (claims.tsv:
 * claim, allege, charge, contend, assert, complain, testify): "said that Y attacked Z"
 * reports an attack, it does not accuse Y. dm-relations.c hands each act it reads here with
 * its doers (dm_relation_accuse_claimed ()).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

/* Is @v a content clause of its head: a clausal complement, or one the parser took for an
 * adverbial clause though "that" opens it ("has claimed that Y imprisoned her" with
 * "imprisoned" as advcl); "so that", "now that", "such that" open true adverbial clauses. */
gboolean
dm_relation_is_content_clause (const Rules *R,
                               int          v)
{
  static const char * const adverbial[] = { "so", "now", "such", "order", NULL };
  int that;

  if (deprel (R, v) == DM_DEP_CCOMP)
    return TRUE;
  if (deprel (R, v) != DM_DEP_ADVCL)
    return FALSE;
  that = dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "that");
  return that > 0 && !word_in (word (R, that - 1), adverbial);
}

/* The claim a headline's "claims" or "alleges" at noun @n makes, or NULL. A headline drops
 * the final stop and its tagger takes a bare third-person "claims" for a noun: "Amnesty
 * claims Egypt tortured prisoners" (the clause hung on it), "Woman claims police beat her"
 * (it made the clause's first subject). */
static const DmLexVerb *
headline_claim (const Rules *R,
                int          n,
                int          v)
{
  static const char * const stops[] = { ".", "!", "?", NULL };
  gboolean hung = FALSE;
  GPtrArray *forms;

  if (n < 0 || dm_sentence_tree_token (R->tree, n)->upos != DM_UPOS_NOUN ||
      word_in (word (R, R->tree->n - 1), stops))
    return NULL;
  if (head (R, v) == n)
    hung = deprel (R, v) == DM_DEP_PARATAXIS || deprel (R, v) == DM_DEP_CCOMP;
  else if (head (R, n) == v && deprel (R, n) == DM_DEP_NSUBJ)
    for (guint k = (guint) n + 1; k < R->tree->n && !hung; k++)
      hung = head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_NSUBJ;
  if (!hung)
    return NULL;
  forms = dm_lexicon_lookup_verb (R->sink->r->lexicon, word (R, n));
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerbForm *form = g_ptr_array_index (forms, i);

      if (form->form == DM_VERB_FORM_THIRD && form->verb->n_words == 1 &&
          dm_lexicon_lookup_claim (R->sink->r->lexicon, form->verb) != NULL)
        return dm_lexicon_lookup_claim (R->sink->r->lexicon, form->verb);
    }
  return NULL;
}

/* The claim whose content clause the act at @v is ("X claimed (that) Y had imprisoned her",
 * also a second act joined by "and": "… had beaten and imprisoned her"), or -1; @accusation
 * is set to the accusation it makes (claims.tsv). Only verbs of claiming count: "X said Y
 * shelled Z" reports, it does not accuse. */
int
dm_relation_claiming_verb (const Rules      *R,
                           int               v,
                           const DmLexVerb **accusation)
{
  int c;

  if (deprel (R, v) == DM_DEP_CONJ && head (R, v) >= 0)
    v = head (R, v);
  /* a headline's "claims" made the clause's first subject: "Woman claims police beat her" */
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && (*accusation = headline_claim (R, (int) k, v)) != NULL)
      return (int) k;
  c = head (R, v);
  if ((*accusation = headline_claim (R, c, v)) != NULL)
    return c;
  if (!dm_relation_is_content_clause (R, v) || c < 0 || R->matches[c].verb == NULL)
    return -1;
  *accusation = dm_lexicon_lookup_claim (R->sink->r->lexicon, R->matches[c].verb);
  return *accusation != NULL ? c : -1;
}

/* "X claimed Y had imprisoned her", "X alleged that Y beat him": claiming that another actor
 * did harm accuses it (PLOVER DISAPPROVE, CAMEO 112: accuse of crime, human rights abuses,
 * aggression, war crimes), through the quote, beside the act claimed. Harm is force
 * (ASSAULT), repression (COERCE: arrest, imprisonment, kidnapping) and crime; a claimed
 * threat, sanction or refusal is a state's policy reported, not an accusation. A claimed
 * act that is denied ("claimed Y had not attacked") or only intended (@asserted FALSE), a
 * denied claim ("did not claim"), or an act the claimant did itself (the sink drops it)
 * accuses no one. A headline's claimant is the actor compounded with its "claims"
 * ("Amnesty claims …"). */
void
dm_relation_accuse_claimed (const Rules       *R,
                            const DmVerbMatch *m,
                            const Actors      *accused,
                            gboolean           asserted)
{
  static const char * const negations[] = { "not", "n't", "never", NULL };
  const DmLexVerb *accusation = NULL;
  Actors claimants = { 0 };
  int c;

  if (!asserted || accused->n == 0 ||
      (m->verb->klass != DM_CLASS_ASSAULT && m->verb->klass != DM_CLASS_COERCE &&
       m->verb->klass != DM_CLASS_CRIME))
    return;
  c = dm_relation_claiming_verb (R, m->trigger, &accusation);
  if (c < 0)
    return;
  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == c && deprel (R, (int) k) == DM_DEP_ADVMOD &&
        word_in (word (R, (int) k), negations))
      return;
  if (R->matches[c].verb != NULL)
    dm_slot_subjects (R, c, &claimants, 0);
  else
    dm_slot_collect (R, child (R, c, DM_DEP_COMPOUND), &claimants);
  for (guint a = 0; a < claimants.n; a++)
    for (guint b = 0; b < accused->n; b++)
      dm_relation_sink_emit (R->sink, R->tree->sentence, claimants.mentions[a],
                             accused->mentions[b], accusation, FALSE, TRUE,
                             dm_sentence_tree_token (R->tree, c)->token,
                             dm_sentence_tree_token (R->tree, c)->token);
}
