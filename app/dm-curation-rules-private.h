/* dm-curation-rules-private.h — the composed rule tables, shared by composing and applying
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-curation-private.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;
  char   *key;
  gint64  rule_id;
} NameTarget;

typedef struct {
  char   *alias_key;
  char   *alias;
  char   *from_key;
  gint64  rule_id;
} Split;

typedef struct {
  gint64       type_rule;     /* 0: not set */
  DmActorType  type;
  gint64       role_rule;
  char        *role;
  gint64       affiliation_rule;
  char        *affiliation;
} ActorFix;

typedef struct {
  gint64           delete_rule;
  gint64           flip_rule;   /* flips cancel in pairs: the last one's id when odd */
  guint            n_flips;
  gint64           verb_rule;
  char            *verb;
  DmRelationClass  klass;
  gint64           negated_rule;
  gboolean         negated;
} RelationFix;

typedef struct {
  gint64           rule_id;
  char            *source;
  char            *target;
  char            *verb;
  char            *sentence;
  DmSpan           trigger;   /* code points from the sentence start */
  DmSpan           source_span;
  DmSpan           target_span;
  DmActorType      source_type;
  DmActorType      target_type;
  DmRelationClass  klass;
  gboolean         negated;
} AddedRelation;

struct _DmCurationRules
{
  GHashTable *names;          /* name key → NameTarget */
  GPtrArray  *splits;         /* Split */
  GHashTable *not_actors;     /* name key → rule id (gint64 *) */
  GHashTable *actor_fixes;    /* name key → ActorFix */
  GHashTable *relation_fixes; /* relation key → RelationFix */
  GPtrArray  *additions;      /* AddedRelation */
  GHashTable *dates;          /* text hash → date (NULL: none) */
  guint       n_rules;
};

G_END_DECLS
