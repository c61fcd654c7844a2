/* dm-store-private.h — what the store's files share: schema checks, errors, the connection
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "dm-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Dramatis corpus: "DmC0" in ASCII. */
#define DM_STORE_APPLICATION_ID 0x446d4330

/* The newest schema this build knows (PRAGMA user_version); see migrations[] in
 * dm-store-schema.c. */
int       dm_store_schema_latest_version (void);

/* Looks at the raw file header before SQLite opens the file, so that garbage, another
 * program's database, a truncated copy or a newer corpus is refused without a single write.
 * *@is_new is TRUE when @path does not exist or is empty. */
gboolean  dm_store_schema_check_file     (const char  *path,
                                          gboolean    *is_new,
                                          GError     **error);

/* The same checks through SQLite (which also sees a newer header held in the WAL), read-only.
 * *@version is the schema version found, 0 for a database with no tables yet. */
gboolean  dm_store_schema_check_db       (sqlite3     *db,
                                          const char  *path,
                                          int         *version,
                                          GError     **error);

/* Brings a checked database from @version to the latest one, one transaction per step. */
gboolean  dm_store_schema_migrate        (sqlite3     *db,
                                          int          version,
                                          GError     **error);

/* Turns a SQLite result code into a DM_STORE_ERROR a person can act on; @what names the
 * operation ("adding an article"). */
void      dm_store_set_error_from_sqlite (GError     **error,
                                          sqlite3     *db,
                                          int          rc,
                                          const char  *what);

/* The case-insensitive key actors and aliases are looked up by: NFKC, case-folded,
 * typographic apostrophes made plain, runs of white space made one space. */
char     *dm_store_normalize_key         (const char  *name);

/* The store's connection, for its other files: locks the store's mutex (every public
 * function holds it) and returns the database; dm_store_unlock() releases it. */
sqlite3  *dm_store_lock                  (DmStore     *self);
void      dm_store_unlock                (DmStore     *self);

/* Curation (dm-store-curation.c): the rules cached for a store, read again when another
 * edit changed them. */
typedef struct _DmCurationCache DmCurationCache;

void      dm_curation_cache_free         (DmCurationCache *cache);
/* Writes what the cache holds back (in a transaction of its own); the store locked. */
gboolean  dm_curation_cache_flush        (DmCurationCache *cache,
                                          GError         **error);
/* The store's cache slot, the store locked. */
DmCurationCache **dm_store_get_curation_cache (DmStore   *self);

/* Called by dm_store_add_analysis() inside its transaction, the store locked: *@curated is
 * @analysis rewritten by the enabled rules, or NULL when no rule changes it. @hash is the
 * article text's content hash. */
gboolean  dm_store_curation_apply_locked (sqlite3          *db,
                                          DmCurationCache **cache,
                                          const DmAnalysis *analysis,
                                          const char       *hash,
                                          DmAnalysis      **curated,
                                          GError          **error);

G_END_DECLS
