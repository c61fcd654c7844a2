/* dm-relation-allegation.c — a claim that someone did harm is an accusation of them
 *
 * "Paris has claimed that the Church imprisoned her", "the ministry alleged that rebels
 * shelled the town": the one who claims or alleges an act of force or a crime accuses its
 * doer (PLOVER DISAPPROVE, CAMEO 112 "accuse"), whatever the truth of the act, which the
 * tree rules emit as reported speech. Only verbs that put a charge forward count: "said that
 * Y attacked Z" reports an attack, it does not accuse Y. A claim that Y did not do it, or a
 * claim of one's own deed, accuses no one.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

/* The verb of accusing in the lexicon ("accuse", DISAPPROVE), or NULL. */
static const DmLexVerb *
accusing_verb (const DmLexicon *lexicon)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (lexicon, "accuse");

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, i))->verb;

      if (verb->n_words == 1 && !verb->is_noun && verb->klass == DM_CLASS_DISAPPROVE)
        return verb;
    }
  return NULL;
}

static gboolean
is_harm (const DmLexVerb *verb)
{
  return verb != NULL && !verb->is_noun &&
         (verb->klass == DM_CLASS_ASSAULT || verb->klass == DM_CLASS_COERCE ||
          verb->klass == DM_CLASS_CRIME);
}

void
dm_relations_extract_allegation (const Rules *R,
                                 int          v)
{
  static const char * const alleging[] = {
    "claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "alleging", NULL,
  };
  static const char * const negations[] = { "not", "n't", "never", NULL };
  const DmLexVerb *accuse;
  Actors speakers = { 0 };

  if (!word_in (word (R, v), alleging) ||
      dm_sentence_tree_token (R->tree, v)->upos != DM_UPOS_VERB ||
      (accuse = accusing_verb (R->sink->r->lexicon)) == NULL)
    return;
  for (guint x = 0; x < R->tree->n; x++)
    {
      Actors doers = { 0 };
      gboolean denied = FALSE;

      /* the parser at times makes a "that" clause an adverbial one */
      if (head (R, (int) x) != v ||
          (deprel (R, (int) x) != DM_DEP_CCOMP &&
           (deprel (R, (int) x) != DM_DEP_ADVCL ||
            dm_sentence_tree_child (R->tree, (int) x, DM_DEP_MARK, "that") < 0)) ||
          !is_harm (R->matches[x].verb) || dm_slot_is_passive (R, (int) x))
        continue;
      for (guint k = 0; k < R->tree->n; k++)
        denied = denied || (head (R, (int) k) == (int) x && deprel (R, (int) k) == DM_DEP_ADVMOD &&
                            word_in (word (R, (int) k), negations));
      if (denied)
        continue;
      dm_slot_collect (R, child (R, (int) x, DM_DEP_NSUBJ), &doers);
      if (doers.n == 0)
        continue;
      if (speakers.n == 0)
        dm_slot_subjects (R, v, &speakers, 0);
      for (guint a = 0; a < speakers.n; a++)
        for (guint b = 0; b < doers.n; b++)
          dm_relation_sink_emit (R->sink, R->tree->sentence, speakers.mentions[a],
                                 doers.mentions[b], accuse, FALSE, TRUE,
                                 dm_sentence_tree_token (R->tree, v)->token,
                                 dm_sentence_tree_token (R->tree, v)->token);
    }
}
