/* dm-types.h — shared enums, spans and forward declarations of the Dramatis engine
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmArticle    DmArticle;
typedef struct _DmLexicon    DmLexicon;
typedef struct _DmTextDoc    DmTextDoc;
typedef struct _DmMention    DmMention;
typedef struct _DmRelation   DmRelation;
typedef struct _DmAnalysis   DmAnalysis;
typedef struct _DmExtractor  DmExtractor;
typedef struct _DmStore      DmStore;
typedef struct _DmGraph      DmGraph;
typedef struct _DmGraphQuery DmGraphQuery;
typedef struct _DmLayout     DmLayout;

/* What kind of actor a mention names; the strings are the contract's `type` values. */
typedef enum {
  DM_ACTOR_COUNTRY,
  DM_ACTOR_OFFICIAL,
  DM_ACTOR_PERSON,
  DM_ACTOR_ORGANIZATION,
  DM_ACTOR_GROUP,
  DM_N_ACTOR_TYPES
} DmActorType;

/* PLOVER event categories plus the two CAMEO comment categories (APPEAL, STATEMENT).
 * The order is the contract's; masks use 1 << class. */
typedef enum {
  DM_CLASS_AGREE,
  DM_CLASS_CONSULT,
  DM_CLASS_SUPPORT,
  DM_CLASS_CONCEDE,
  DM_CLASS_COOPERATE,
  DM_CLASS_AID,
  DM_CLASS_RETREAT,
  DM_CLASS_INVESTIGATE,
  DM_CLASS_DEMAND,
  DM_CLASS_DISAPPROVE,
  DM_CLASS_REJECT,
  DM_CLASS_THREATEN,
  DM_CLASS_SANCTION,
  DM_CLASS_PROTEST,
  DM_CLASS_CRIME,
  DM_CLASS_MOBILIZE,
  DM_CLASS_COERCE,
  DM_CLASS_ASSAULT,
  DM_CLASS_APPEAL,
  DM_CLASS_STATEMENT,
  DM_N_CLASSES
} DmRelationClass;

/* PLOVER's quad grouping, plus neutral statements: decides an edge's colour. */
typedef enum {
  DM_FAMILY_STATEMENT,
  DM_FAMILY_VERBAL_COOPERATION,
  DM_FAMILY_MATERIAL_COOPERATION,
  DM_FAMILY_VERBAL_CONFLICT,
  DM_FAMILY_MATERIAL_CONFLICT,
  DM_N_FAMILIES
} DmClassFamily;

#define DM_ALL_CLASSES     ((guint32) ((1u << DM_N_CLASSES) - 1))
#define DM_ALL_ACTOR_TYPES ((guint32) ((1u << DM_N_ACTOR_TYPES) - 1))

/* A half-open range [start, end) of Unicode code points in an article's text. */
typedef struct {
  guint start;
  guint end;
} DmSpan;

const char      *dm_actor_type_to_string     (DmActorType      type);
gboolean         dm_actor_type_from_string   (const char      *str,
                                              DmActorType     *type);
const char      *dm_actor_type_to_label      (DmActorType      type);
const char      *dm_relation_class_to_string (DmRelationClass  klass);
gboolean         dm_relation_class_from_string (const char    *str,
                                              DmRelationClass *klass);
DmClassFamily    dm_relation_class_get_family (DmRelationClass klass);
const char      *dm_class_family_to_string   (DmClassFamily    family);
const char      *dm_class_family_to_label    (DmClassFamily    family);

G_END_DECLS
