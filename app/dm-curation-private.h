/* dm-curation-private.h — the rules engine and the journal's transactions, inside the store
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-curation.h"
#include "dm-store-private.h"

G_BEGIN_DECLS

/* One enabled rule as the engine applies it (fields as in DmRuleInfo). */
typedef struct {
  gint64      id;
  DmRuleKind  kind;
  char       *key;
  char       *name;
  char       *value;
  char       *detail;
} DmRule;

typedef struct _DmCurationRules DmCurationRules;

DmRule          *dm_rule_new                (gint64       id,
                                             DmRuleKind   kind,
                                             const char  *key,
                                             const char  *name,
                                             const char  *value,
                                             const char  *detail);
void             dm_rule_free               (DmRule      *rule);

/* Composes @rules (DmRule, in journal order) into lookup tables, once per change of rules. */
DmCurationRules *dm_curation_rules_new      (GPtrArray   *rules);
void             dm_curation_rules_free     (DmCurationRules *rules);
gboolean         dm_curation_rules_is_empty (DmCurationRules *rules);

/* @analysis rewritten by @rules, or NULL when no rule changes it. @hash is the article text's
 * content hash (article-date rules). @hits (nullable) counts, by rule id (gint64 → guint),
 * the relations each rule touched. */
DmAnalysis      *dm_curation_rules_apply    (DmCurationRules  *rules,
                                             const DmAnalysis *analysis,
                                             const char       *hash,
                                             GHashTable       *hits);

/* The `detail` of a relation-add rule: the relation's spans in the sentence (code points
 * from its start), the actors' types, class, negation, verb and the sentence. */
char            *dm_curation_add_detail     (const char      *sentence,
                                             const char      *verb,
                                             DmSpan           trigger,
                                             DmSpan           source,
                                             DmSpan           target,
                                             DmActorType      source_type,
                                             DmActorType      target_type,
                                             DmRelationClass  klass,
                                             gboolean         negated);
char            *dm_curation_add_detail_verb (const char     *detail);

/* An edit in progress: the store locked, a write transaction open and its changes recorded. */
typedef struct _DmJournalTx DmJournalTx;

DmJournalTx     *dm_journal_begin           (DmStore      *self,
                                             GError      **error);
sqlite3         *dm_journal_tx_get_db       (DmJournalTx  *tx);
gint64           dm_journal_tx_get_edit_id  (DmJournalTx  *tx);
/* Journals the edit and commits; with no change recorded, fails (DM_CURATION_ERROR_NOTHING).
 * Frees @tx either way. */
gboolean         dm_journal_commit          (DmJournalTx  *tx,
                                             const char   *kind,
                                             const char   *summary,
                                             guint         n_relations,
                                             GError      **error);
/* Rolls back and frees @tx. */
void             dm_journal_abort           (DmJournalTx  *tx);

/* dm_store_set_error_from_sqlite(); returns FALSE. */
gboolean         dm_curation_failed         (sqlite3      *db,
                                             int           rc,
                                             const char   *what,
                                             GError      **error);

/* Statement helpers shared by the curation files: prepare, bind (i: gint64, t: text or NULL,
 * d: int), step to the end. */
/* One integer from the first row (0 without a row); @value may be NULL. */
gboolean         dm_curation_query_int      (sqlite3      *db,
                                             const char   *what,
                                             gint64       *value,
                                             GError      **error,
                                             const char   *sql,
                                             const char   *types,
                                             ...);
/* A statement that returns no rows (or whose rows do not matter). */
#define dm_curation_exec(db, what, error, ...) \
  dm_curation_query_int ((db), (what), NULL, (error), __VA_ARGS__)

sqlite3_stmt    *dm_curation_prepare        (sqlite3      *db,
                                             const char   *what,
                                             GError      **error,
                                             const char   *sql,
                                             const char   *types,
                                             ...);

/* Adds a rule inside an edit's transaction. */
gboolean         dm_curation_insert_rule    (DmJournalTx  *tx,
                                             DmRuleKind    kind,
                                             const char   *key,
                                             const char   *name,
                                             const char   *value,
                                             const char   *detail,
                                             guint         n_relations,
                                             GError      **error);

/* Runs @edit in a journaled transaction and commits it with the summary it sets. */
typedef gboolean (*DmEditFunc) (DmJournalTx  *tx,
                                gpointer      data,
                                GString      *summary,
                                guint        *n_relations,
                                GError      **error);

gboolean         dm_curation_run_edit       (DmStore      *self,
                                             const char   *kind,
                                             DmEditFunc    edit,
                                             gpointer      data,
                                             GError      **error);
/* Set DM_CURATION_ERROR_INVALID / DM_STORE_ERROR_NOT_FOUND ("no actor 12 in the corpus");
 * return FALSE. */
gboolean         dm_curation_invalid        (GError      **error,
                                             const char   *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* What dm_curation_not_found() did not find: one whole sentence each, for the translators. */
typedef enum {
  DM_CURATION_MISSING_ACTOR,
  DM_CURATION_MISSING_RELATION,
  DM_CURATION_MISSING_ARTICLE,
  DM_CURATION_MISSING_RULE,
} DmCurationMissing;

gboolean         dm_curation_not_found      (GError      **error,
                                             DmCurationMissing what,
                                             gint64        id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRule, dm_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmCurationRules, dm_curation_rules_free)

G_END_DECLS
