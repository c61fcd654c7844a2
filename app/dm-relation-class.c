/* dm-relation-class.c — a verb's class as the actors on both sides decide it
 * (verb-senses.tsv): the verbal sense of "attack" between speakers, the inquiring sense of
 * "question" by the authorities
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-lexicon-private.h"
#include "dm-relations-private.h"

static const char *
org_kind (const DmLexicon  *lexicon,
          const DmRMention *m)
{
  const DmLexEntity *org = g_hash_table_lookup (lexicon->organizations, m->actor);

  return org != NULL ? org->org_kind : NULL;
}

static gboolean
kind_in (const char        *kind,
         const char * const *kinds)
{
  for (guint i = 0; kind != NULL && kinds[i] != NULL; i++)
    if (strcmp (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The last word of the actor's name names an armed or a state body ("police",
 * "prosecutors", "the army"). */
static gboolean
is_body (const DmLexicon  *lexicon,
         const DmRMention *m)
{
  const char *last = strrchr (m->actor, ' ');
  g_autofree char *word = g_utf8_strdown (last != NULL ? last + 1 : m->actor, -1);

  return (dm_lexicon_name_part (lexicon, word) &
          (DM_PART_ARMED_BODY | DM_PART_STATE_BODY | DM_PART_GOVERNMENT_BODY)) != 0;
}

/* A publication named as one: "Freedom Magazine", "The Daily Herald"; outlets the
 * gazetteer knows are marked media already. */
static gboolean
is_publication (const DmLexicon  *lexicon,
                const DmRMention *m)
{
  const char *last = strrchr (m->actor, ' ');

  return last != NULL && (dm_lexicon_name_part (lexicon, last + 1) & DM_PART_PRESS_HEAD) != 0;
}

/* An official in uniform ("General X attacked the rebels") leads forces: no speaker. */
static gboolean
is_military_official (const DmLexicon  *lexicon,
                      const DmRMention *m)
{
  g_autofree char *role = NULL;
  const DmLexTitle *title;

  if (m->type != DM_ACTOR_OFFICIAL || m->role == NULL)
    return FALSE;
  role = g_utf8_strdown (m->role, -1);
  title = dm_lexicon_lookup_title (lexicon, role);
  return title != NULL && g_strcmp0 (title->category, "military") == 0;
}

static gboolean
actor_is (const DmLexicon  *lexicon,
          const DmRMention *m,
          DmSenseActor      wanted)
{
  static const char * const speaking[] = { "party", "media", NULL };
  static const char * const authorities[] = {
    "government", "ministry", "agency", "court", "military", NULL
  };
  static const char * const armed[] = { "military", "armed-group", NULL };
  static const char * const states[] = { "government", "ministry", NULL };
  const char *kind = org_kind (lexicon, m);

  switch (wanted)
    {
    case DM_SENSE_ACTOR_ANY:
      return TRUE;
    case DM_SENSE_ACTOR_SPEAKER:
      if (m->type == DM_ACTOR_PERSON)
        return TRUE;
      if (m->type == DM_ACTOR_OFFICIAL)
        return !is_military_official (lexicon, m);
      if (m->type != DM_ACTOR_ORGANIZATION)
        return FALSE;
      return m->media || kind_in (kind, speaking) || is_publication (lexicon, m);
    case DM_SENSE_ACTOR_AUTHORITY:
      if (m->type != DM_ACTOR_ORGANIZATION && m->type != DM_ACTOR_GROUP)
        return FALSE;
      return kind_in (kind, authorities) || is_body (lexicon, m);
    case DM_SENSE_ACTOR_PERSON:
      return m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL;
    case DM_SENSE_ACTOR_NAMED:
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        return TRUE;
      return m->type == DM_ACTOR_ORGANIZATION && !kind_in (kind, armed);
    case DM_SENSE_ACTOR_BODY:
      return m->type == DM_ACTOR_COUNTRY || m->type == DM_ACTOR_ORGANIZATION;
    case DM_SENSE_ACTOR_NONSTATE:
      return m->type == DM_ACTOR_GROUP && kind == NULL && !is_body (lexicon, m);
    case DM_SENSE_ACTOR_STATE:
      if (m->type == DM_ACTOR_COUNTRY)
        return TRUE;
      return m->type == DM_ACTOR_ORGANIZATION && kind_in (kind, states);
    default:
      return FALSE;
    }
}

DmRelationClass
dm_relation_class_between (const DmLexicon  *lexicon,
                           const DmRMention *source,
                           const DmRMention *target,
                           const DmLexVerb  *verb)
{
  GArray *senses = dm_lexicon_lookup_senses (lexicon, verb);

  for (guint i = 0; senses != NULL && i < senses->len; i++)
    {
      const DmLexSense *sense = &g_array_index (senses, DmLexSense, i);

      if (actor_is (lexicon, source, sense->source) && actor_is (lexicon, target, sense->target))
        return sense->klass;
    }
  return verb->klass;
}
