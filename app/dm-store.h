/* dm-store.h — the corpus: a SQLite file of articles, actors, mentions, relations, layouts
 *
 * Opening a corpus and reading it. What writes to it is in dm-store-write.h, for the
 * engine's importer and layout cache (and tests): the widgets only read.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-analysis.h"
#include "dm-graph-query.h"
#include "dm-types.h"

G_BEGIN_DECLS

#define DM_STORE_ERROR (dm_store_error_quark ())

typedef enum {
  DM_STORE_ERROR_OPEN,          /* cannot open or create the file */
  DM_STORE_ERROR_NOT_A_CORPUS,  /* not SQLite, corrupt or truncated, or not a Dramatis corpus */
  DM_STORE_ERROR_NEWER_SCHEMA,  /* made by a newer Dramatis: refused, file untouched */
  DM_STORE_ERROR_BUSY,          /* another process holds the corpus past the busy timeout */
  DM_STORE_ERROR_FULL,          /* disk full */
  DM_STORE_ERROR_FAILED,        /* any other SQLite failure (message says which statement) */
  DM_STORE_ERROR_NOT_FOUND,
  DM_STORE_ERROR_ROLLED_BACK,   /* SQLite undid a batch's open transaction (dm-store-write.h) */
} DmStoreError;

typedef struct {
  gint64       id;
  char        *name;            /* canonical */
  DmActorType  type;
  char        *role;            /* nullable */
  char        *affiliation;     /* nullable */
  guint        n_mentions;
  guint        n_relations;     /* as source or target */
} DmActorInfo;

typedef struct {
  gint64  id;
  char   *origin;               /* path or "-" as imported */
  char   *title;                /* nullable */
  char   *date;                 /* nullable "YYYY-MM-DD" */
  char   *source;               /* nullable */
  char   *url;                  /* nullable */
  guint   length;               /* code points */
  guint   n_mentions;
  guint   n_relations;
} DmArticleInfo;

typedef struct {
  gint64           id;
  gint64           article_id;
  gint64           source_id;
  gint64           target_id;
  char            *source;      /* canonical names */
  char            *target;
  char            *verb;
  DmRelationClass  klass;
  gboolean         negated;
  DmSpan           sentence;    /* code points in the article text */
  DmSpan           trigger;
  DmSpan           source_mention;
  DmSpan           target_mention;
  char            *sentence_text;  /* the evidence sentence itself */
  char            *article_title;  /* nullable */
  char            *article_date;   /* nullable */
} DmRelationInfo;

typedef struct {
  guint  n_articles;
  guint  n_actors;
  guint  n_mentions;
  guint  n_relations;
  guint  actors_by_type[DM_N_ACTOR_TYPES];
  guint  relations_by_class[DM_N_CLASSES];
} DmStoreStats;

GQuark          dm_store_error_quark   (void);

/* Opens @path, creating a new corpus when the file does not exist. Refuses files that are
 * not corpora or come from a newer schema without changing them. Every public function
 * may be called from any thread (a mutex serialises them). */
DmStore        *dm_store_open          (const char  *path,
                                        GError     **error);
void            dm_store_free          (DmStore     *self);
const char     *dm_store_get_path      (DmStore     *self);

gboolean        dm_store_has_text      (DmStore     *self,
                                        const char  *text,
                                        gboolean    *present,
                                        GError     **error);

/* Actors, most mentioned first. @search (nullable) matches name or alias, case-insensitively. */
GPtrArray      *dm_store_list_actors   (DmStore     *self,
                                        const char  *search,
                                        guint32      type_mask,
                                        GError     **error);
/* The first @n of dm_store_list_actors (@search NULL, every type) without reading every
 * actor: the mention counts' index gives the few candidates. */
GPtrArray      *dm_store_list_top_actors (DmStore   *self,
                                          guint      n,
                                          GError   **error);
DmActorInfo    *dm_store_get_actor     (DmStore     *self,
                                        gint64       actor_id,
                                        GError     **error);
/* By canonical name or alias (case-insensitive). NULL without error when there is none. */
DmActorInfo    *dm_store_find_actor    (DmStore     *self,
                                        const char  *name,
                                        GError     **error);
/* The name-like forms the actor was met under ("Beijing", "EU", "Zelenskiy"), never its
 * canonical name, nor pronouns or descriptions ("he", "the alliance"). */
GStrv           dm_store_get_aliases   (DmStore     *self,
                                        gint64       actor_id,
                                        GError     **error);

/* In import order. */
GPtrArray      *dm_store_list_articles (DmStore     *self,
                                        GError     **error);
DmArticleInfo  *dm_store_get_article   (DmStore     *self,
                                        gint64       article_id,
                                        GError     **error);
char           *dm_store_get_article_text (DmStore  *self,
                                        gint64       article_id,
                                        GError     **error);

/* Relations passing the filters of @query (nullable: all), ignoring its focus/depth, in the
 * order they were added. Every DmRelationInfo returned by the three functions below carries
 * its sentence_text (never NULL). */
GPtrArray      *dm_store_list_relations (DmStore            *self,
                                         const DmGraphQuery *query,
                                         GError            **error);
/* Relations where @actor_id is source or target. */
GPtrArray      *dm_store_list_actor_relations (DmStore  *self,
                                         gint64       actor_id,
                                         GError     **error);
/* The relations with the given ids (gint64), with their evidence sentences. */
GPtrArray      *dm_store_get_relations (DmStore     *self,
                                        const GArray *relation_ids,
                                        GError     **error);

gboolean        dm_store_get_stats     (DmStore       *self,
                                        DmStoreStats  *stats,
                                        GError       **error);

/* Layout cache (dm-layout-cache.h): xdot text keyed by dm_layout_cache_key(). *@xdot is NULL
 * on a miss. */
gboolean        dm_store_lookup_layout (DmStore     *self,
                                        const char  *key,
                                        char       **xdot,
                                        GError     **error);
/* The same cache holding a dm_layout_to_cache() serialisation (a BLOB under "<key>#data",
 * alongside the xdot text under @key). *@data is NULL on a miss. */
gboolean        dm_store_lookup_layout_data (DmStore     *self,
                                             const char  *key,
                                             GBytes     **data,
                                             GError     **error);

void            dm_actor_info_free     (DmActorInfo    *info);
void            dm_article_info_free   (DmArticleInfo  *info);
void            dm_relation_info_free  (DmRelationInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmStore, dm_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmActorInfo, dm_actor_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmArticleInfo, dm_article_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRelationInfo, dm_relation_info_free)

G_END_DECLS
