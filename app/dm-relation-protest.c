/* dm-relation-protest.c — whom a protest with no stated aim is against: the state where it
 * takes place ("prisoners rioted at a jail in northern Israel")
 *
 * PLOVER codes a protest against its recipient; when the sentence names none, event coders
 * (CAMEO's convention, kept by PLOVER) take the government of the place where it happens,
 * the authority a demonstration, riot or strike is addressed to. Only a country named as the
 * place counts: a city or a building names no one.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include "dm-relation-rules-private.h"

static const char * const place_prepositions[] = { "in", "at", "across", "throughout", NULL };

/* Is nominal @k marked as a place ("in Israel", "at a jail")? */
static gboolean
is_place_phrase (const Rules *R,
                 int          k)
{
  for (guint c = 0; c < R->tree->n; c++)
    if (head (R, (int) c) == k && deprel (R, (int) c) == DM_DEP_CASE &&
        word_in (word (R, (int) c), place_prepositions))
      return TRUE;
  return FALSE;
}

/* Adds the countries among the actors at place phrase @k to @out. */
static void
add_countries (const Rules *R,
               int          k,
               Actors      *out)
{
  Actors found = { 0 };

  dm_slot_collect (R, k, &found);
  for (guint a = 0; a < found.n && out->n < MAX_ACTORS; a++)
    if (dm_recognition_mention (R->sink->r, (guint) found.mentions[a])->type == DM_ACTOR_COUNTRY)
      {
        if (out->n == 0)
          out->token = k;
        out->mentions[out->n++] = found.mentions[a];
      }
}

void
dm_slot_protest_place (const Rules *R,
                       int          v,
                       Actors      *out)
{
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    {
      if (head (R, (int) k) != v || deprel (R, (int) k) != DM_DEP_OBL || !is_place_phrase (R, (int) k))
        continue;
      add_countries (R, (int) k, out);
      /* "at a jail in northern Israel": the place within the place */
      for (guint n = 0; n < R->tree->n && out->n == 0; n++)
        if (head (R, (int) n) == (int) k && deprel (R, (int) n) == DM_DEP_NMOD &&
            is_place_phrase (R, (int) n))
          add_countries (R, (int) n, out);
    }
}
