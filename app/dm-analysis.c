/* dm-analysis.c — mentions, relations and the analysis of one article
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-analysis"

#include "config.h"

#include "dm-analysis.h"

DmMention *
dm_mention_new (DmSpan       span,
                const char  *text,
                const char  *actor,
                DmActorType  type,
                const char  *role,
                const char  *affiliation)
{
  DmMention *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);

  self = g_new0 (DmMention, 1);
  self->span = span;
  self->text = g_strdup (text);
  self->actor = g_strdup (actor);
  self->type = type;
  self->role = g_strdup (role);
  self->affiliation = g_strdup (affiliation);
  return self;
}

void
dm_mention_free (DmMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->text);
  g_free (mention->actor);
  g_free (mention->role);
  g_free (mention->affiliation);
  g_free (mention);
}

DmRelation *
dm_relation_new (const char      *source,
                 const char      *target,
                 const char      *verb,
                 DmRelationClass  klass,
                 gboolean         negated)
{
  DmRelation *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (verb != NULL, NULL);
  g_return_val_if_fail (klass < DM_N_CLASSES, NULL);

  self = g_new0 (DmRelation, 1);
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  self->verb = g_strdup (verb);
  self->klass = klass;
  self->negated = !!negated;
  return self;
}

void
dm_relation_free (DmRelation *relation)
{
  if (relation == NULL)
    return;
  g_free (relation->source);
  g_free (relation->target);
  g_free (relation->verb);
  g_free (relation);
}

DmAnalysis *
dm_analysis_new (DmArticle *article)
{
  DmAnalysis *self;

  g_return_val_if_fail (article != NULL, NULL);

  self = g_new0 (DmAnalysis, 1);
  self->article = article;
  self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_mention_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_relation_free);
  return self;
}

void
dm_analysis_free (DmAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_clear_pointer (&analysis->article, dm_article_free);
  g_clear_pointer (&analysis->mentions, g_ptr_array_unref);
  g_clear_pointer (&analysis->relations, g_ptr_array_unref);
  g_free (analysis);
}
