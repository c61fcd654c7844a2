/* dm-relation-trigger-mood.c — what the words around a trigger say of its act, by word order
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-relation-trigger-mood.h"

/* Is the verb in the future or announced as an intention ("will release", "would boycott",
 * "is prepared to lift", "plans to visit")? */
gboolean
dm_trigger_is_intended (const Clause  *c,
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

/* "two Russian commanders accused of directing strikes": a one-word participle right after a
 * noun, with "of" after it where the active verb takes its object, is a passive without its
 * auxiliary; the noun is the one acted on, and no actor before it acts. */
gboolean
dm_trigger_is_reduced_passive (const Clause  *c,
                               const Trigger *t)
{
  return (t->form == DM_VERB_FORM_PAST || t->form == DM_VERB_FORM_PARTICIPLE) && !t->verb->is_noun &&
         t->first == t->last && t->first > c->first && t->last + 1 < c->end &&
         strcmp (lower (c, t->last + 1), "of") == 0 &&
         (c->sink->upos[t->first - 1] == DM_UPOS_NOUN || c->sink->upos[t->first - 1] == DM_UPOS_PROPN);
}

/* Is the trigger a gerund that a preposition makes an act warned against, kept from or left
 * undone ("warned the United States against attacking Y", "barred X from entering Y",
 * "without consulting Y")? Such an act is not done. */
gboolean
dm_trigger_is_unrealised_gerund (const Clause  *c,
                                 const Trigger *t)
{
  static const char * const unrealised[] = { "against", "from", "without", "instead" };

  return !t->verb->is_noun && t->first > c->first && g_str_has_suffix (lower (c, t->first), "ing") &&
         IN_LIST (lower (c, t->first - 1), unrealised);
}

/* "ordered the French ambassador to leave" by word order: a diplomat ordered out is expelled
 * (PLOVER SANCTION, CAMEO 1663), not a demand, as the tree rules read it. */
gboolean
dm_trigger_is_diplomat_ordered_out (const Clause  *c,
                                    const Trigger *t)
{
  static const char * const diplomats[] = {
    "ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul",
    "consuls", "attache", "attaches", "attach\xc3\xa9", "attach\xc3\xa9s",
  };
  static const char * const leaving[] = { "leave", "quit", "depart", "exit" };

  if (t->verb->n_words != 1 || strcmp (t->verb->phrase, "order") != 0)
    return FALSE;
  for (guint k = t->last + 1; k + 2 < c->end && k < t->last + 6; k++)
    if (IN_LIST (lower (c, k), diplomats))
      return strcmp (lower (c, k + 1), "to") == 0 && IN_LIST (lower (c, k + 2), leaving);
  return FALSE;
}

/* Does "unless" follow the trigger in its sentence ("will withdraw … unless …")? */
gboolean
dm_trigger_is_conditional (const Clause  *c,
                           const Trigger *t)
{
  for (guint k = t->last + 1; k < c->end; k++)
    if (strcmp (lower (c, k), "unless") == 0)
      return TRUE;
  return FALSE;
}

