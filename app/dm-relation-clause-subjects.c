/* dm-relation-clause-subjects.c — whose act a subjectless clause is: the verb whose
 * subject a participle clause goes on with, and the gerunds that take the subject of the
 * clause they hang on, and what a verb of saying is (see the header of dm-relations.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

gboolean
dm_slot_is_saying (const Rules *R,
                   int          v)
{
  static const char * const saying[] = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", NULL,
  };

  if (R->matches[v].verb != NULL && R->matches[v].verb->klass == DM_CLASS_STATEMENT)
    return TRUE;
  return word_in (word (R, v), saying);
}

/* Is @v a speech act: a verb of saying, or one of asking, demanding or blaming ("adding",
 * "calling on", "urging", "accusing")? */
static gboolean
is_speech_act (const Rules *R,
               int          v)
{
  const DmLexVerb *verb = R->matches[v].verb;

  if (dm_slot_is_saying (R, v))
    return TRUE;
  return verb != NULL && !verb->is_noun &&
         (verb->klass == DM_CLASS_APPEAL || verb->klass == DM_CLASS_DEMAND ||
          verb->klass == DM_CLASS_DISAPPROVE || verb->klass == DM_CLASS_REJECT);
}

/* The verb of saying whose content clause @h heads, or -1: "said (that) Y was …", or
 * "repeated the criticism that Y was …" (a "that" clause of the noun the verb says). */
static int
reporting_verb (const Rules *R,
                int          h)
{
  int g = head (R, h);

  if (g < 0)
    return -1;
  if (deprel (R, h) == DM_DEP_CCOMP && dm_slot_is_saying (R, g))
    return g;
  if ((deprel (R, h) == DM_DEP_ACL || deprel (R, h) == DM_DEP_ACL_RELCL) &&
      dm_sentence_tree_child (R->tree, h, DM_DEP_MARK, "that") >= 0 &&
      deprel (R, g) == DM_DEP_OBJ && head (R, g) >= 0 && dm_slot_is_saying (R, head (R, g)))
    return head (R, g);
  return -1;
}

/* The verb whose subject a participle clause @v on @h inherits: @h, unless @v is a speech
 * act closing the sentence after a comma and @h the predicate of what a speaker says. "X
 * repeated the criticism that Y was too slow, calling on Z to act": the call goes on with
 * X's words, whatever the parser hangs it on (it cannot tell the two attachments apart). */
int
dm_slot_participle_controller (const Rules *R,
                               int          v,
                               int          h)
{
  int speaker;

  if (v <= h || v == 0 || strcmp (word (R, v - 1), ",") != 0 ||
      !g_str_has_suffix (word (R, v), "ing") || !is_speech_act (R, v))
    return h;
  speaker = reporting_verb (R, h);
  return speaker >= 0 ? speaker : h;
}

/* Is @v a gerund after a subordinator of time or manner ("after leaving", "while
 * attacking", "by sending", "without consulting"), a perfect one too ("after having left")? */
gboolean
dm_slot_is_gerund_after_subordinator (const Rules *R,
                                      int          v)
{
  static const char * const subordinators[] = {
    "after", "before", "while", "since", "upon", "on", "without", "by", "when", "despite",
    "in", NULL,
  };
  int mark = child (R, v, DM_DEP_MARK);

  return mark >= 0 && word_in (word (R, mark), subordinators) &&
         dm_sentence_tree_token (R->tree, v)->upos == DM_UPOS_VERB &&
         (g_str_has_suffix (word (R, v), "ing") || dm_sentence_tree_child (R->tree, v, DM_DEP_AUX, "having") >= 0) &&
         child (R, v, DM_DEP_NSUBJ) < 0;
}

gboolean
dm_slot_is_charged_deed (const Rules *R,
                         int          v)
{
  static const char * const charges[] = { "for", "with", "of", NULL };
  int mark = child (R, v, DM_DEP_MARK), h = head (R, v);

  return mark >= 0 && word_in (word (R, mark), charges) && h >= 0 &&
         deprel (R, v) == DM_DEP_ADVCL &&
         dm_sentence_tree_token (R->tree, v)->upos == DM_UPOS_VERB &&
         g_str_has_suffix (word (R, v), "ing") && child (R, v, DM_DEP_NSUBJ) < 0 &&
         child (R, h, DM_DEP_NSUBJ) < 0 && child (R, h, DM_DEP_NSUBJ_PASS) >= 0;
}

int
dm_slot_judged_deed_doer (const Rules *R,
                          int          v)
{
  static const char * const judged[] = { "for", "of", NULL };
  int mark = child (R, v, DM_DEP_MARK), h = head (R, v), o;

  if (mark < 0 || !word_in (word (R, mark), judged) || h < 0 ||
      dm_sentence_tree_token (R->tree, v)->upos != DM_UPOS_VERB ||
      !g_str_has_suffix (word (R, v), "ing") || child (R, v, DM_DEP_NSUBJ) >= 0)
    return -1;
  /* "condemned X for ignoring Y": the clause on the judging verb, after its object */
  if (deprel (R, v) == DM_DEP_ADVCL)
    {
      o = child (R, h, DM_DEP_OBJ);
      return o >= 0 && o < v && R->matches[h].verb != NULL && !R->matches[h].verb->is_noun &&
             !dm_slot_is_passive (R, h) ? o : -1;
    }
  /* "accused X of harbouring Y": the clause on the object itself */
  if (deprel (R, v) == DM_DEP_ACL && strcmp (word (R, mark), "of") == 0 &&
      deprel (R, h) == DM_DEP_OBJ && head (R, h) >= 0 && dm_slot_actor_at (R, h) >= 0 &&
      R->matches[head (R, h)].verb != NULL && !R->matches[head (R, h)].verb->is_noun)
    return h;
  return -1;
}

/* Is @v a gerund "of" the practice @h that the verb governing @h keeps up ("maintained a
 * policy of turning away boats", "pursued a strategy of isolating Y")? A practice ended,
 * proposed or rejected is not done ("abandoned its policy of …"). */
gboolean
dm_slot_is_practice_kept (const Rules *R,
                          int          v,
                          int          h)
{
  static const char * const practices[] = {
    "policy", "policies", "practice", "practices", "strategy", "tactic", "tactics", NULL,
  };
  static const char * const keeping[] = {
    "maintain", "maintains", "maintained", "maintaining", "pursue", "pursues", "pursued",
    "pursuing", "follow", "follows", "followed", "following", "continue", "continues",
    "continued", "continuing", "implement", "implements", "implemented", "implementing",
    "enforce", "enforces", "enforced", "enforcing", "has", "have", "had", "keep", "keeps",
    "kept", NULL,
  };
  int g = head (R, h);

  return g >= 0 && deprel (R, h) == DM_DEP_OBJ && word_in (word (R, h), practices) &&
         word_in (word (R, g), keeping) && R->matches[g].verb == NULL &&
         dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "of") >= 0 &&
         g_str_has_suffix (word (R, v), "ing");
}
