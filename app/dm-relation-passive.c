/* dm-relation-passive.c — who acts in a passive clause: its agent, or the one the clause
 * names another way when it names none
 *
 * The agent is the "by" phrase (obl:agent), also when the parser hangs it on a place before
 * it ("was arrested at his school by police"). A margin is no agent: "was defeated by 500
 * votes by X" is X's act, the "by" after the margin. With no agent named, the clause may
 * still say who acts: one invited to an event is invited by its host ("was invited to
 * Poland's summit", "to a NATO summit"; a city in the name is only where it is), and one
 * provided with something "from X" is given it by X.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-relation-rules-private.h"

/* Who holds the event @n: its possessor ("X's fair"), or an organisation or state named in
 * it ("the Google Science Fair", "a NATO summit"); none when @n is itself an actor. */
static void
collect_host (const Rules *R,
              int          n,
              Actors      *out)
{
  Actors named = { 0 };

  if (n < 0 || mention_of (R, n) >= 0)
    return;
  dm_slot_collect (R, child (R, n, DM_DEP_NMOD_POSS), out);
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == n && (int) k < n && deprel (R, (int) k) == DM_DEP_COMPOUND)
      {
        dm_slot_collect (R, (int) k, &named);
        for (guint a = 0; a < named.n && out->n < MAX_ACTORS; a++)
          {
            const DmRMention *m = dm_recognition_mention (R->sink->r, (guint) named.mentions[a]);

            if (m->kind != DM_RMENTION_CAPITAL &&
                (m->type == DM_ACTOR_ORGANIZATION || m->type == DM_ACTOR_COUNTRY))
              {
                if (out->n == 0)
                  out->token = (int) k;
                out->mentions[out->n++] = named.mentions[a];
              }
          }
      }
}

void
dm_slot_event_host (const Rules *R,
                    int          n,
                    Actors      *out)
{
  if (n >= 0 && mention_of (R, n) >= 0)
    dm_slot_collect (R, n, out);
  else
    collect_host (R, n, out);
}

/* "were denied visas to enter the United States", "was refused entry to enter Canada": with
 * no agent named, the state whose entry a verb of admission refuses is the one refusing it.
 * The entered state of such a passive @v, or -1. */
static int
entered_state (const Rules       *R,
               const DmVerbMatch *m)
{
  static const char * const admissions[] = { "visa", "visas", "entry", "permission", NULL };
  static const char * const entering[] = { "enter", NULL };
  int v = m->trigger, o = child (R, v, DM_DEP_OBJ);

  if ((strcmp (m->verb->words[0], "deny") != 0 && strcmp (m->verb->words[0], "refuse") != 0) ||
      o < 0 || !word_in (word (R, o), admissions))
    return -1;
  for (guint k = 0; k < R->tree->n; k++)
    if ((head (R, (int) k) == v || head (R, (int) k) == o) && word_in (word (R, (int) k), entering) &&
        (deprel (R, (int) k) == DM_DEP_ACL || deprel (R, (int) k) == DM_DEP_ADVCL ||
         deprel (R, (int) k) == DM_DEP_XCOMP) &&
        dm_sentence_tree_child (R->tree, (int) k, DM_DEP_MARK, "to") >= 0)
      {
        int place = child (R, (int) k, DM_DEP_OBJ);
        int a = place >= 0 ? dm_slot_actor_at (R, place) : -1;

        if (a >= 0 && dm_recognition_mention (R->sink->r, (guint) a)->type == DM_ACTOR_COUNTRY)
          return place;
      }
  return -1;
}

void
dm_slot_passive_agents (const Rules       *R,
                        const DmVerbMatch *m,
                        Actors            *out)
{
  int v = m->trigger;
  int agent = child (R, v, DM_DEP_OBL_AGENT);

  if (agent < 0)
    agent = dm_slot_marked_dependent (R, v, "by");
  if (agent < 0)
    agent = dm_slot_agent_on_oblique (R, v);
  if (agent < 0)
    agent = dm_slot_agent_on_object (R, v);
  dm_slot_collect (R, agent, out);
  for (guint k = 0; k < R->tree->n && out->n == 0 && agent >= 0; k++)
    if ((int) k > agent && (head (R, (int) k) == v || head (R, (int) k) == agent) &&
        (deprel (R, (int) k) == DM_DEP_OBL || deprel (R, (int) k) == DM_DEP_OBL_AGENT ||
         deprel (R, (int) k) == DM_DEP_NMOD) &&
        dm_sentence_tree_child (R->tree, (int) k, DM_DEP_CASE, "by") >= 0)
      dm_slot_collect (R, (int) k, out);
  if (agent >= 0)
    return;
  dm_slot_collect (R, entered_state (R, m), out);
  if (out->n == 0 && m->prep_object >= 0 && strcmp (m->verb->words[0], "invite") == 0)
    collect_host (R, m->prep_object, out);
  if (out->n == 0 && m->verb->klass == DM_CLASS_AID && dm_slot_marked_dependent (R, v, "with") >= 0)
    {
      int from = dm_slot_marked_dependent (R, dm_slot_marked_dependent (R, v, "with"), "from");

      dm_slot_collect (R, from >= 0 ? from : dm_slot_marked_dependent (R, v, "from"), out);
    }
}
