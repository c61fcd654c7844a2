/* dm-lexicon-senses.c — verb-senses.tsv: the class a verb takes between some kinds of actors
 * ("a senator attacks a rival" is criticism, "an army attacks a town" is force)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-lexicon-private.h"

static const struct {
  const char   *name;
  DmSenseActor  actor;
} sense_actors[] = {
  { "any", DM_SENSE_ACTOR_ANY },
  { "speaker", DM_SENSE_ACTOR_SPEAKER },
  { "authority", DM_SENSE_ACTOR_AUTHORITY },
  { "person", DM_SENSE_ACTOR_PERSON },
  { "named", DM_SENSE_ACTOR_NAMED },
  { "body", DM_SENSE_ACTOR_BODY },
  { "nonstate", DM_SENSE_ACTOR_NONSTATE },
  { "state", DM_SENSE_ACTOR_STATE },
};

static gboolean
sense_actor_from_string (const char   *name,
                         DmSenseActor *actor)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sense_actors); i++)
    if (strcmp (name, sense_actors[i].name) == 0)
      {
        *actor = sense_actors[i].actor;
        return TRUE;
      }
  return FALSE;
}

/* The verbs.tsv entry written as @phrase; verbs.tsv is read before verb-senses.tsv. */
static const DmLexVerb *
find_verb (const DmLexicon *self,
           const char      *phrase)
{
  for (guint i = 0; i < self->verbs->len; i++)
    {
      const DmLexVerb *verb = g_ptr_array_index (self->verbs, i);

      if (verb->phrase[0] == phrase[0] && strcmp (verb->phrase, phrase) == 0 && verb->label != NULL)
        return verb;
    }
  return NULL;
}

gboolean
dm_lexicon_load_sense_line (DmLexicon   *self,
                            char       **columns,
                            guint        n_columns,
                            GError     **error)
{
  g_autofree char *phrase = NULL;
  const DmLexVerb *verb;
  DmLexSense sense;
  GArray *senses;

  if (n_columns < 4 ||
      !sense_actor_from_string (columns[1], &sense.source) ||
      !sense_actor_from_string (columns[2], &sense.target) ||
      !dm_relation_class_from_string (columns[3], &sense.klass))
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("verb-senses.tsv: “%s”: a source, a target and a class are needed"),
                   columns[0]);
      return FALSE;
    }
  phrase = g_utf8_strdown (g_strstrip (columns[0]), -1);
  verb = find_verb (self, phrase);
  if (verb == NULL)
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("verb-senses.tsv: “%s” is not in verbs.tsv"), columns[0]);
      return FALSE;
    }
  /* the sense holds for each entry so written, the verb's and the noun's ("protest
   * against") */
  for (guint i = 0; i < self->verbs->len; i++)
    {
      const DmLexVerb *entry = g_ptr_array_index (self->verbs, i);

      if (strcmp (entry->phrase, phrase) != 0 || entry->label == NULL)
        continue;
      senses = g_hash_table_lookup (self->senses, entry);
      if (senses == NULL)
        {
          senses = g_array_new (FALSE, FALSE, sizeof (DmLexSense));
          g_hash_table_insert (self->senses, (gpointer) entry, senses);
        }
      g_array_append_val (senses, sense);
    }
  return TRUE;
}

GArray *
dm_lexicon_lookup_senses (const DmLexicon *self,
                          const DmLexVerb *verb)
{
  return g_hash_table_lookup (self->senses, verb);
}
