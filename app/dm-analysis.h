/* dm-analysis.h — what the extractor finds in one article: actor mentions and relations
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-article.h"
#include "dm-types.h"

G_BEGIN_DECLS

/* One place in the text where an actor is named (or referred to: "he", "the alliance"). */
struct _DmMention
{
  DmSpan       span;         /* code points in the article text */
  char        *text;         /* the surface form, text[span] */
  char        *actor;        /* canonical actor name */
  DmActorType  type;
  char        *role;         /* nullable: "Defence Secretary" */
  char        *affiliation;  /* nullable: canonical country/organization name */
};

/* One "who does what to whom", with its evidence spans (code points). */
struct _DmRelation
{
  char            *source;   /* canonical actor names */
  char            *target;
  char            *verb;     /* edge label, present tense 3rd person: "rules out" */
  DmRelationClass  klass;
  gboolean         negated;
  gboolean         quoted;   /* carried by reported speech or a quotation */
  DmSpan           sentence;
  DmSpan           trigger;
  DmSpan           source_mention;
  DmSpan           target_mention;
};

struct _DmAnalysis
{
  DmArticle *article;    /* owned */
  GPtrArray *mentions;   /* DmMention, in text order */
  GPtrArray *relations;  /* DmRelation, in text order (by trigger start) */
};

DmMention  *dm_mention_new      (DmSpan       span,
                                 const char  *text,
                                 const char  *actor,
                                 DmActorType  type,
                                 const char  *role,
                                 const char  *affiliation);
void        dm_mention_free     (DmMention   *mention);

DmRelation *dm_relation_new     (const char      *source,
                                 const char      *target,
                                 const char      *verb,
                                 DmRelationClass  klass,
                                 gboolean         negated);
void        dm_relation_free    (DmRelation  *relation);

/* Takes ownership of @article. */
DmAnalysis *dm_analysis_new     (DmArticle   *article);
void        dm_analysis_free    (DmAnalysis  *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmMention, dm_mention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRelation, dm_relation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmAnalysis, dm_analysis_free)

G_END_DECLS
