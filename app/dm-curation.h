/* dm-curation.h — a person's corrections to a corpus: edits with undo/redo, kept as rules
 *
 * Every edit below runs in one transaction that also appends it to the corpus's journal (an
 * ordered list of edits, each with the exact row changes it made), so it can be undone and
 * redone, also after a restart. Most edits also leave RULES keyed on what they changed
 * ("Tory Party" → "Conservative Party", "Election" is not an actor, the relation of this
 * sentence's "shoots" is deleted); dm_store_add_analysis() applies the enabled rules to every
 * later import, so corrections hold for new articles and for re-imports.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-store.h"

G_BEGIN_DECLS

#define DM_CURATION_ERROR (dm_curation_error_quark ())

typedef enum {
  DM_CURATION_ERROR_INVALID,    /* the edit makes no sense: same actor twice, name taken… */
  DM_CURATION_ERROR_NOTHING,    /* nothing to undo / redo, or the edit changes nothing */
  DM_CURATION_ERROR_CONFLICT,   /* the corpus changed since the edit in a way undo cannot mend */
  DM_CURATION_ERROR_PARSE,      /* a rules file that is not one (message says the line) */
} DmCurationError;

/* What a rule does; the strings (dm_rule_kind_to_string) are the rules file's `kind`. */
typedef enum {
  DM_RULE_ALIAS,                /* actor name `key` is the actor `value` ("merge", "rename") */
  DM_RULE_SPLIT,                /* mentions written `name` of actor `value` are their own actor */
  DM_RULE_NOT_ACTOR,            /* the name is never an actor */
  DM_RULE_ACTOR_TYPE,           /* actor `name` has type `value` */
  DM_RULE_ACTOR_ROLE,           /* actor `name` has role `value` (NULL: none) */
  DM_RULE_ACTOR_AFFILIATION,    /* actor `name` has affiliation `value` (NULL: none) */
  DM_RULE_RELATION_DELETE,      /* relation keys: dm_curation_relation_key() */
  DM_RULE_RELATION_FLIP,
  DM_RULE_RELATION_VERB,        /* `value` the verb, `detail` the class */
  DM_RULE_RELATION_NEGATED,     /* `value` "true" or "false" */
  DM_RULE_RELATION_ADD,         /* `key` the sentence's hash; `detail` the sentence and spans */
  DM_RULE_ARTICLE_DATE,         /* `key` the article text's hash, `value` the date or NULL */
  DM_N_RULE_KINDS
} DmRuleKind;

typedef struct {
  gint64      id;             /* journal order */
  char       *kind;           /* "merge", "rename", "set-type", "set-role", "set-affiliation",
                               * "split", "not-actor", "delete-relation", "delete-pair",
                               * "flip", "set-verb", "set-negated", "add-relation",
                               * "delete-article", "set-date", "rule-on", "rule-off",
                               * "import-rules" */
  char       *summary;        /* for a toast: "Merged “Tory Party” into “Conservative Party”" */
  char       *made_at;        /* "YYYY-MM-DDTHH:MM:SSZ" */
  guint       n_relations;    /* relations it changed, moved or removed */
  gboolean    undone;
} DmEditInfo;

typedef struct {
  gint64      id;
  gint64      edit_id;        /* the edit that made it (0 once that edit left the journal) */
  DmRuleKind  kind;
  char       *key;            /* what it is keyed on: a name key, a relation key, a hash */
  char       *name;           /* nullable: the name or relation as a person reads it */
  char       *value;          /* nullable */
  char       *detail;         /* nullable */
  gboolean    enabled;
  char       *made_at;
  guint       n_relations;    /* relations it touched when made and in imports since
                               * (imports' counts are written every 64 articles) */
  char       *description;    /* one line for a list: "“Tory Party” is “Conservative Party”" */
} DmRuleInfo;

/* A relation added by hand: @sentence is the sentence's span in the article, @source_id and
 * @target_id actors named in it (their first mentions in the sentence become the evidence),
 * @trigger the verb's span ({0, 0}: the first place the verb's first word occurs in the
 * sentence, else the gap between the two mentions). */
typedef struct {
  gint64           article_id;
  DmSpan           sentence;
  DmSpan           trigger;
  gint64           source_id;
  gint64           target_id;
  const char      *verb;
  DmRelationClass  klass;
  gboolean         negated;
} DmManualRelation;

GQuark       dm_curation_error_quark   (void);
const char  *dm_rule_kind_to_string    (DmRuleKind   kind);
gboolean     dm_rule_kind_from_string  (const char  *str,
                                        DmRuleKind  *kind);

/* Actors. Merging moves @other_ids' mentions and relations to @keep_id; their names become
 * its aliases. Renaming keeps the old name as an alias (NEW must not be another actor's
 * name: merge instead). Splitting makes the mentions written @alias an actor of their own
 * (*@new_actor_id). "Not an actor" removes the actor with its mentions and relations. */
gboolean     dm_store_merge_actors     (DmStore       *self,
                                        gint64         keep_id,
                                        const gint64  *other_ids,
                                        guint          n_others,
                                        GError       **error);
gboolean     dm_store_rename_actor     (DmStore       *self,
                                        gint64         actor_id,
                                        const char    *name,
                                        GError       **error);
gboolean     dm_store_set_actor_type   (DmStore       *self,
                                        gint64         actor_id,
                                        DmActorType    type,
                                        GError       **error);
/* @role / @affiliation NULL or "" clears it. */
gboolean     dm_store_set_actor_role   (DmStore       *self,
                                        gint64         actor_id,
                                        const char    *role,
                                        GError       **error);
gboolean     dm_store_set_actor_affiliation (DmStore  *self,
                                        gint64         actor_id,
                                        const char    *affiliation,
                                        GError       **error);
gboolean     dm_store_split_alias      (DmStore       *self,
                                        gint64         actor_id,
                                        const char    *alias,
                                        gint64        *new_actor_id,
                                        GError       **error);
gboolean     dm_store_mark_not_actor   (DmStore       *self,
                                        gint64         actor_id,
                                        GError       **error);

/* Relations (ids as in DmRelationInfo). */
gboolean     dm_store_delete_relation  (DmStore       *self,
                                        gint64         relation_id,
                                        GError       **error);
/* Every relation between the two actors, both directions. */
gboolean     dm_store_delete_pair_relations (DmStore  *self,
                                        gint64         actor_a,
                                        gint64         actor_b,
                                        GError       **error);
gboolean     dm_store_flip_relation    (DmStore       *self,
                                        gint64         relation_id,
                                        GError       **error);
gboolean     dm_store_set_relation_verb (DmStore      *self,
                                        gint64         relation_id,
                                        const char    *verb,
                                        DmRelationClass klass,
                                        GError       **error);
gboolean     dm_store_set_relation_negated (DmStore   *self,
                                        gint64         relation_id,
                                        gboolean       negated,
                                        GError       **error);
gboolean     dm_store_add_relation     (DmStore                *self,
                                        const DmManualRelation *relation,
                                        gint64                 *relation_id,
                                        GError                **error);
/* The actors mentioned within @sentence of an article (gint64 ids, in the order they are
 * first named): what a relation added by hand can join. */
GArray      *dm_store_list_sentence_actors (DmStore       *self,
                                            gint64         article_id,
                                            DmSpan         sentence,
                                            GError       **error);

/* Articles. Deleting one removes its mentions and relations, and actors no other article
 * names. @date is "YYYY-MM-DD" or NULL (no date); it is kept as a rule on the article's
 * text, so a re-import keeps it. */
gboolean     dm_store_delete_article   (DmStore       *self,
                                        gint64         article_id,
                                        GError       **error);
gboolean     dm_store_set_article_date (DmStore       *self,
                                        gint64         article_id,
                                        const char    *date,
                                        GError       **error);

/* The journal. Undo takes back the newest edit not undone yet; redo makes the oldest undone
 * one again; a new edit forgets what could be redone. *@edit (nullable) is what was undone
 * or redone; with nothing to do the error is DM_CURATION_ERROR_NOTHING. */
gboolean     dm_store_undo             (DmStore       *self,
                                        DmEditInfo   **edit,
                                        GError       **error);
gboolean     dm_store_redo             (DmStore       *self,
                                        DmEditInfo   **edit,
                                        GError       **error);
/* What undo and redo would do now (each nullable out, NULL when nothing). */
gboolean     dm_store_get_undo_state   (DmStore       *self,
                                        DmEditInfo   **next_undo,
                                        DmEditInfo   **next_redo,
                                        GError       **error);
/* DmEditInfo, oldest first, undone ones included. */
GPtrArray   *dm_store_list_edits       (DmStore       *self,
                                        GError       **error);

/* Rules, oldest first (the order they apply in). Switching one off or on is an edit (undo
 * takes it back); it changes later imports, not what is already in the corpus. */
GPtrArray   *dm_store_list_rules       (DmStore       *self,
                                        GError       **error);
gboolean     dm_store_set_rule_enabled (DmStore       *self,
                                        gint64         rule_id,
                                        gboolean       enabled,
                                        GError       **error);
/* The rules as a rules file (see README.md, "Rules files"): UTF-8 TSV text. */
char        *dm_store_export_rules     (DmStore       *self,
                                        GError       **error);
/* Appends the rules of a rules file (one edit, undoable); rules the corpus has already are
 * skipped (*@n_added counts the others). They apply to later imports. A file that is not a
 * rules file fails with DM_CURATION_ERROR_PARSE ("line 3: …"). */
gboolean     dm_store_import_rules     (DmStore       *self,
                                        const char    *text,
                                        gsize          len,
                                        guint         *n_added,
                                        GError       **error);

/* The key relation rules use: the evidence sentence's hash and where its trigger is in it
 * (code points from the sentence start). */
char        *dm_curation_relation_key  (const char    *sentence,
                                        gssize         sentence_len,
                                        guint          trigger_start,
                                        guint          trigger_end);

void         dm_edit_info_free         (DmEditInfo    *info);
void         dm_rule_info_free         (DmRuleInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmEditInfo, dm_edit_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRuleInfo, dm_rule_info_free)

G_END_DECLS
