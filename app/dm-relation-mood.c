/* dm-relation-mood.c — how an act stands in its sentence: done, negated, announced (promised
 * or threatened), reported by a speaker, or only wanted (see the header of dm-relations.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-clause.h"
#include "dm-relation-rules-private.h"

gboolean
dm_relation_is_negated (const Rules *R,
                        int          v)
{
  static const char * const negations[] = { "not", "n't", "never", "neither", NULL };

  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_ADVMOD &&
        (word_in (word (R, (int) k), negations) ||
         /* "no longer" */
         (strcmp (word (R, (int) k), "longer") == 0 &&
          dm_sentence_tree_child (R->tree, (int) k, DM_DEP_ADVMOD, "no") >= 0)))
      return TRUE;
  return FALSE;
}

gboolean
dm_relation_has_future_modal (const Rules *R,
                              int          v)
{
  static const char * const future[] = { "will", "would", "'ll", "shall", NULL };

  for (guint k = 0; k < R->tree->n; k++)
    if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_AUX &&
        word_in (word (R, (int) k), future))
      return TRUE;
  return FALSE;
}

/* Does verb @h report what its complement says: a verb of saying, or of claiming
 * ("alleged that …", "complained that …", claims.tsv) whatever its own class? */
static gboolean
is_reporting (const Rules *R,
              int          h)
{
  return dm_slot_is_saying (R, h) ||
         (R->matches[h].verb != NULL &&
          dm_lexicon_lookup_claim (R->sink->r->lexicon, R->matches[h].verb) != NULL);
}

gboolean
dm_relation_is_denied (const Rules *R,
                       int          v)
{
  for (int x = v, depth = 0; x >= 0 && depth < 3; depth++, x = head (R, x))
    {
      int h = head (R, x);

      if (h >= 0 && dm_clause_is_denial (word (R, h)) &&
          (deprel (R, x) == DM_DEP_XCOMP || dm_relation_is_content_clause (R, x)))
        return !dm_relation_is_negated (R, h);
      /* "denied that Y had shelled and stormed Z" */
      if (deprel (R, x) != DM_DEP_CONJ)
        break;
    }
  /* "denied on Wednesday that its troops had opened fire", the clause hung elsewhere */
  return dm_clause_is_denied (R->tree->lower, 0, (guint) v);
}

/* Is the act at @v reported: in a clausal complement of a verb of saying, or quoted? */
gboolean
dm_relation_is_reported (const Rules *R,
                         int          v)
{
  for (guint depth = 0; v >= 0 && depth < MAX_DEPTH; depth++, v = head (R, v))
    {
      /* "said Y was slow, calling on Z": the call is the speaker's, not the words said */
      if (deprel (R, v) == DM_DEP_ADVCL && head (R, v) >= 0 &&
          dm_slot_participle_controller (R, v, head (R, v)) != head (R, v))
        v = dm_slot_participle_controller (R, v, head (R, v));
      if (dm_relation_is_content_clause (R, v) && head (R, v) >= 0 && is_reporting (R, head (R, v)))
        return TRUE;
      /* "condemned X for ignoring Y": the deed is the judge's charge */
      if (dm_slot_judged_deed_doer (R, v) >= 0)
        return TRUE;
      if (deprel (R, v) == DM_DEP_PARATAXIS && head (R, v) >= 0 && is_reporting (R, head (R, v)))
        return TRUE;
    }
  return FALSE;
}

/* How the verb at @v stands in its sentence; @negated is set when a governing verb
 * negates it ("did not begin to"). */
DmMood
dm_relation_mood_of (const Rules *R,
                     int          v,
                     gboolean    *negated)
{
  static const char * const aspect[] = {
    "begin", "begins", "began", "begun", "beginning", "start", "starts", "started",
    "starting", "continue", "continues", "continued", "continuing", "resume", "resumes",
    "resumed", "manage", "manages", "managed", "keep", "keeps", "kept",
    /* an attempt is coded as the act ("attempted to assassinate") */
    "try", "tries", "tried", "attempt", "attempts", "attempted", NULL,
  };
  /* "work to defeat X", "help to rebuild": the work is the act */
  static const char * const effort[] = {
    "work", "works", "worked", "working", "strive", "strives", "strived", "striving",
    "struggle", "struggles", "struggled", "struggling", "fight", "fights", "fought",
    "fighting", "act", "acts", "acted", "acting", "move", "moves", "moved", "moving", NULL,
  };
  static const char * const auxiliaries[] = {
    "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "am", "do",
    "does", "did", NULL,
  };
  static const char * const intention[] = {
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "want", "wants",
    "wanted", "seek", "seeks", "sought", "aim", "aims", "aimed", "prepare", "prepares",
    "prepared", "hope", "hopes", "hoped", "expect", "expects", "expected", "vow", "vows",
    "vowed", "ready", "willing", "set", "going", "decide", "decides", "decided", NULL,
  };
  /* an adverbial clause so introduced is warned against, prevented, left undone or only
   * supposed: "warned Kyiv against joining NATO", "kept X from entering", "without
   * consulting X", "if Israel attacks Syria" */
  static const char * const unrealised[] = {
    "against", "from", "without", "instead", "if", "unless", "lest", NULL,
  };
  static const char * const failure[] = { "fail", "fails", "failed", "failing", NULL };
  static const char * const conjecture[] = {
    "should", "could", "might", "may", "must", "ought", "would", NULL,
  };
  static const char * const obligation[] = { "should", "must", "ought", NULL };
  static const char * const helped[] = { "help", "helps", "helped", "helping", NULL };
  int h = head (R, v);
  DmDeprel d = deprel (R, v);

  /* "X's decision to slight Y": a decision taken is the act */
  if (dm_slot_decision_noun (R, v) >= 0)
    return DM_MOOD_ASSERTED;
  /* "should have consulted Y", "could have stopped Y", "might have attacked Y": what was
   * owed, possible or guessed at was not done, or not known to be; "Russia must withdraw",
   * "should stop": what is owed is not done either (whoever says so demands it) */
  for (const char * const *m = conjecture; *m != NULL; m++)
    if (dm_sentence_tree_child (R->tree, v, DM_DEP_AUX, *m) >= 0 &&
        (word_in (*m, obligation) || dm_sentence_tree_child (R->tree, v, DM_DEP_AUX, "have") >= 0))
      return DM_MOOD_NOT_ASSERTED;
  /* the parser hangs "against attacking Y" on the object warned as often as on the verb */
  if (d == DM_DEP_ADVCL || d == DM_DEP_ACL)
    for (const char * const *m = unrealised; *m != NULL; m++)
      if (dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, *m) >= 0)
        return DM_MOOD_NOT_ASSERTED;
  /* "suspended Georgia's bid to join Y", the clause hung on the verb: still the bid's aim */
  if (d == DM_DEP_ADVCL && dm_slot_aim_noun (R, v) >= 0)
    return DM_MOOD_NOT_ASSERTED;
  if (d == DM_DEP_ACL && dm_sentence_tree_child (R->tree, v, DM_DEP_MARK, "to") >= 0)
    return dm_slot_is_effort_noun (R, h) ? DM_MOOD_ASSERTED      /* "efforts to defeat X" */
                                 : DM_MOOD_NOT_ASSERTED; /* "a plan to attack X" */
  if (d == DM_DEP_XCOMP && h >= 0)
    {
      /* "helped him leave the party": what one is helped to do is done (the helper's act
       * is its own relation, the one helped does the complement) */
      if (word_in (word (R, h), helped) && child (R, h, DM_DEP_OBJ) >= 0)
        {
          /* "help us provide …", "to help them leave": an appeal or an aim, not yet done */
          if (strcmp (word (R, h), "help") == 0 && child (R, h, DM_DEP_NSUBJ) < 0)
            return DM_MOOD_NOT_ASSERTED;
          gboolean above = FALSE;

          return !dm_relation_is_negated (R, h) &&
                 dm_relation_mood_of (R, h, &above) == DM_MOOD_ASSERTED && !above
                 ? DM_MOOD_ASSERTED : DM_MOOD_NOT_ASSERTED;
        }
      /* "denies supporting Y": the act is said, negated, as it stands (dm_relation_is_denied ()) */
      if (dm_clause_is_denial (word (R, h)))
        return DM_MOOD_ASSERTED;
      if (R->matches[h].verb != NULL)
        return DM_MOOD_NOT_ASSERTED;     /* the governing phrase speaks for it (see extract) */
      *negated = dm_relation_is_negated (R, h);
      /* "has threatened" parsed as "has" governing "threatened": the auxiliary is no verb
       * of its own, its clause's mood is the verb's */
      if (word_in (word (R, h), auxiliaries))
        {
          gboolean above = FALSE;
          DmMood mood = dm_relation_mood_of (R, h, &above);

          *negated = *negated || above;
          return mood;
        }
      /* "began to shell" is the act; "prepared to resume shelling" is as the aspect verb
       * itself stands */
      if (word_in (word (R, h), aspect) || word_in (word (R, h), effort))
        {
          gboolean above = FALSE;
          DmMood mood = deprel (R, h) == DM_DEP_XCOMP ? dm_relation_mood_of (R, h, &above)
                                                      : DM_MOOD_ASSERTED;

          *negated = *negated || above;
          return mood;
        }
      if (word_in (word (R, h), intention))
        return DM_MOOD_INTENDED;
      /* "failed to reach agreement", "failed to meet": an accord or a meeting that did not
       * come about is refused (PLOVER REJECT), like "refused to" */
      if (word_in (word (R, h), failure) && R->matches[v].verb != NULL &&
          (R->matches[v].verb->klass == DM_CLASS_AGREE || R->matches[v].verb->klass == DM_CLASS_CONSULT))
        {
          *negated = TRUE;
          return DM_MOOD_INTENDED;
        }
      return DM_MOOD_NOT_ASSERTED;       /* "sufficient to protect", "tried to" */
    }
  if (d == DM_DEP_CONJ && h >= 0)
    return dm_relation_mood_of (R, h, negated);
  return DM_MOOD_ASSERTED;
}

/* Is the act at @v, or the verb it complements, held on "unless" ("will withdraw unless
 * …", "said it would boycott X unless …")? */
static gboolean
has_condition (const Rules *R,
               int          v)
{
  for (guint depth = 0; v >= 0 && depth < 3; depth++, v = head (R, v))
    {
      for (guint k = 0; k < R->tree->n; k++)
        if (head (R, (int) k) == v && deprel (R, (int) k) == DM_DEP_ADVCL &&
            dm_sentence_tree_child (R->tree, (int) k, DM_DEP_MARK, "unless") >= 0)
          return TRUE;
      if (deprel (R, v) != DM_DEP_XCOMP && deprel (R, v) != DM_DEP_CONJ)
        break;
    }
  return FALSE;
}

/* Is the act at @v one a verb of readiness governs ("prepared to resume shelling", "is
 * poised to invade")? */
static gboolean
is_prepared (const Rules *R,
             int          v)
{
  static const char * const readiness[] = {
    "prepare", "prepares", "prepared", "preparing", "ready", "poised", NULL,
  };

  for (guint depth = 0; v >= 0 && depth < 3 && deprel (R, v) == DM_DEP_XCOMP; depth++)
    {
      v = head (R, v);
      if (v >= 0 && word_in (word (R, v), readiness))
        return TRUE;
    }
  return FALSE;
}

/* An act announced rather than done (@mood DM_MOOD_INTENDED, or a future modal), as PLOVER
 * codes it: force made ready is MOBILIZE, cooperation refused ("will not accept") REJECT,
 * and any other announced act a promise or a threat (dm_relation_verb_intent ()). Fills
 * @intent (free its label) and returns TRUE; FALSE when the act keeps its own class. */
gboolean
dm_relation_announced_as (const Rules       *R,
                          const DmVerbMatch *m,
                          DmMood               mood,
                          gboolean           negated,
                          DmLexVerb         *intent)
{
  int v = m->trigger;

  if (mood != DM_MOOD_INTENDED && !dm_relation_has_future_modal (R, v))
    return FALSE;
  if (negated)
    return dm_relation_verb_refusal (m->verb, intent);
  if (mood == DM_MOOD_INTENDED && is_prepared (R, v) && dm_relation_verb_preparation (m->verb, intent))
    return TRUE;
  return dm_relation_verb_intent (m->verb, has_condition (R, v), intent);
}
