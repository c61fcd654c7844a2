/* dm-store-read.c — the corpus queries: actors, articles, relations, statistics, cached layouts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-store-private.h"

#define ACTOR_COLUMNS \
  "a.id, a.name, a.type, a.role, a.affiliation," \
  " (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id)," \
  " (SELECT count(*) FROM relations r WHERE r.source_id = a.id OR r.target_id = a.id)"

#define ARTICLE_COLUMNS \
  "ar.id, ar.origin, ar.title, ar.date, ar.source, ar.url, ar.length," \
  " (SELECT count(*) FROM mentions m WHERE m.article_id = ar.id)," \
  " (SELECT count(*) FROM relations r WHERE r.article_id = ar.id)"

/* SQLite's substr() counts characters of TEXT values, and offsets are code points. */
#define RELATION_COLUMNS \
  "r.id, r.article_id, r.source_id, r.target_id, s.name, t.name, r.verb, r.class, r.negated," \
  " r.sentence_start, r.sentence_end, r.trigger_start, r.trigger_end," \
  " r.source_start, r.source_end, r.target_start, r.target_end," \
  " substr(ar.text, r.sentence_start + 1, r.sentence_end - r.sentence_start)," \
  " ar.title, ar.date" \
  " FROM relations r" \
  " JOIN actors s ON s.id = r.source_id" \
  " JOIN actors t ON t.id = r.target_id" \
  " JOIN articles ar ON ar.id = r.article_id"

static const char * const read_sql[DM_STORE_N_STMTS] = {
  [DM_STORE_STMT_ARTICLE_BY_HASH] = "SELECT id FROM articles WHERE hash = ?1",
  [DM_STORE_STMT_ACTOR_BY_KEY] = "SELECT id, name, type FROM actors WHERE key = ?1",
  [DM_STORE_STMT_LIST_ACTORS] =
    "SELECT " ACTOR_COLUMNS " FROM actors a"
    " WHERE ((1 << a.type) & ?1) != 0"
    "   AND (?2 IS NULL OR a.key LIKE ?2 ESCAPE '\\'"
    "        OR EXISTS (SELECT 1 FROM aliases al WHERE al.actor_id = a.id"
    "                   AND al.key LIKE ?2 ESCAPE '\\'))"
    " ORDER BY 6 DESC, a.name, a.id",
  /* Every actor mentioned at least as often as the @n-th most mentioned (ties at the cut
   * included, so that the order by name below picks as the full list does), in its order. */
  [DM_STORE_STMT_LIST_TOP_ACTORS] =
    /* ACTOR_COLUMNS's counts, read from the running aggregates: a hub's half a million
     * mentions and relations are not counted again (actor_weights.n_sentences counts an
     * actor's relations at either end, a relation with itself once, as the OR does) */
    "SELECT a.id, a.name, a.type, a.role, a.affiliation,"
    "       coalesce (c.n_mentions, 0), coalesce (w.n_sentences, 0)"
    " FROM actors a LEFT JOIN actor_counts c ON c.actor_id = a.id"
    " LEFT JOIN actor_weights w ON w.actor_id = a.id"
    " WHERE a.id IN (SELECT actor_id FROM actor_counts WHERE n_mentions >="
    "                (SELECT n_mentions FROM actor_counts"
    "                 ORDER BY n_mentions DESC LIMIT 1 OFFSET ?1 - 1))"
    " ORDER BY 6 DESC, a.name, a.id"
    " LIMIT ?1",
  [DM_STORE_STMT_GET_ACTOR] = "SELECT " ACTOR_COLUMNS " FROM actors a WHERE a.id = ?1",
  [DM_STORE_STMT_ACTOR_BY_ALIAS_KEY] =
    "SELECT al.actor_id FROM aliases al WHERE al.key = ?1"
    " ORDER BY (SELECT count(*) FROM mentions m WHERE m.actor_id = al.actor_id) DESC,"
    "          al.actor_id"
    " LIMIT 1",
  [DM_STORE_STMT_ALIASES] = "SELECT alias FROM aliases WHERE actor_id = ?1 ORDER BY key, alias",
  [DM_STORE_STMT_LIST_ARTICLES] = "SELECT " ARTICLE_COLUMNS " FROM articles ar ORDER BY ar.id",
  [DM_STORE_STMT_GET_ARTICLE] = "SELECT " ARTICLE_COLUMNS " FROM articles ar WHERE ar.id = ?1",
  [DM_STORE_STMT_ARTICLE_TEXT] = "SELECT text FROM articles WHERE id = ?1",
  [DM_STORE_STMT_LIST_RELATIONS] =
    "SELECT " RELATION_COLUMNS
    " WHERE ((1 << r.class) & ?1) != 0"
    "   AND ((1 << s.type) & ?2) != 0 AND ((1 << t.type) & ?2) != 0"
    "   AND ((ar.date IS NULL AND ?9 IS NOT 1)"
    "        OR (ar.date IS NOT NULL AND (?3 IS NULL OR ar.date >= ?3) AND (?4 IS NULL OR ar.date <= ?4)))"
    "   AND r.article_id NOT IN (SELECT value FROM json_each(?5))"
    " ORDER BY r.id",
  [DM_STORE_STMT_ACTOR_RELATIONS] =
    "SELECT " RELATION_COLUMNS " WHERE r.source_id = ?1 OR r.target_id = ?1 ORDER BY r.id",
  [DM_STORE_STMT_RELATIONS_BY_ID] =
    "SELECT " RELATION_COLUMNS " WHERE r.id IN (SELECT value FROM json_each(?1)) ORDER BY r.id",
  [DM_STORE_STMT_COUNT_ARTICLES] = "SELECT count(*) FROM articles",
  /* from the views' aggregates (dm-store-view.c), a fraction of the rows they count */
  [DM_STORE_STMT_COUNT_MENTIONS] = "SELECT coalesce (sum(n_mentions), 0) FROM actor_counts",
  /* running totals (schema 5), kept by triggers on actors and pair_counts */
  [DM_STORE_STMT_ACTORS_BY_TYPE] = "SELECT type, n FROM type_totals",
  [DM_STORE_STMT_RELATIONS_BY_CLASS] = "SELECT class, n FROM class_totals",
  [DM_STORE_STMT_LOOKUP_LAYOUT] = "SELECT xdot FROM layouts WHERE key = ?1",
};

/* Takes the store's mutex (until @locker goes) and borrows statement @id. Declare @locker
 * before the statement, so that the statement is handed back before the mutex. */
static DmStoreStmt *
lock_stmt (DmStore         *self,
           DmStoreStmtId    id,
           GMutexLocker   **locker,
           GError         **error)
{
  *locker = g_mutex_locker_new (&self->mutex);
  return dm_store_get_stmt (self, id, read_sql[id], error);
}

/* Rows
 *
 * Each info struct is described once, field by field in the order of its query's columns:
 * reading a row and freeing the struct both follow that description. */

typedef enum {
  FIELD_INT64,        /* gint64 */
  FIELD_UINT,         /* guint */
  FIELD_BOOLEAN,      /* gboolean */
  FIELD_TEXT,         /* char *, NULL for SQL NULL; freed with the struct */
  FIELD_ACTOR_TYPE,   /* DmActorType; a value this build does not know reads as a group */
  FIELD_CLASS,        /* DmRelationClass; a value this build does not know reads as a statement */
  FIELD_SPAN,         /* DmSpan from two columns: start, end */
} FieldKind;

typedef struct {
  FieldKind kind;
  gsize     offset;
} Field;

typedef struct {
  gsize        size;
  const Field *fields;
  guint        n_fields;
} RowShape;

#define FIELD(kind, type, member) { kind, G_STRUCT_OFFSET (type, member) }
#define ROW_SHAPE(type, fields) { sizeof (type), fields, G_N_ELEMENTS (fields) }

static const Field actor_fields[] = {   /* ACTOR_COLUMNS */
  FIELD (FIELD_INT64, DmActorInfo, id),
  FIELD (FIELD_TEXT, DmActorInfo, name),
  FIELD (FIELD_ACTOR_TYPE, DmActorInfo, type),
  FIELD (FIELD_TEXT, DmActorInfo, role),
  FIELD (FIELD_TEXT, DmActorInfo, affiliation),
  FIELD (FIELD_UINT, DmActorInfo, n_mentions),
  FIELD (FIELD_UINT, DmActorInfo, n_relations),
};

static const Field article_fields[] = {   /* ARTICLE_COLUMNS */
  FIELD (FIELD_INT64, DmArticleInfo, id),
  FIELD (FIELD_TEXT, DmArticleInfo, origin),
  FIELD (FIELD_TEXT, DmArticleInfo, title),
  FIELD (FIELD_TEXT, DmArticleInfo, date),
  FIELD (FIELD_TEXT, DmArticleInfo, source),
  FIELD (FIELD_TEXT, DmArticleInfo, url),
  FIELD (FIELD_UINT, DmArticleInfo, length),
  FIELD (FIELD_UINT, DmArticleInfo, n_mentions),
  FIELD (FIELD_UINT, DmArticleInfo, n_relations),
};

static const Field relation_fields[] = {   /* RELATION_COLUMNS */
  FIELD (FIELD_INT64, DmRelationInfo, id),
  FIELD (FIELD_INT64, DmRelationInfo, article_id),
  FIELD (FIELD_INT64, DmRelationInfo, source_id),
  FIELD (FIELD_INT64, DmRelationInfo, target_id),
  FIELD (FIELD_TEXT, DmRelationInfo, source),
  FIELD (FIELD_TEXT, DmRelationInfo, target),
  FIELD (FIELD_TEXT, DmRelationInfo, verb),
  FIELD (FIELD_CLASS, DmRelationInfo, klass),
  FIELD (FIELD_BOOLEAN, DmRelationInfo, negated),
  FIELD (FIELD_SPAN, DmRelationInfo, sentence),
  FIELD (FIELD_SPAN, DmRelationInfo, trigger),
  FIELD (FIELD_SPAN, DmRelationInfo, source_mention),
  FIELD (FIELD_SPAN, DmRelationInfo, target_mention),
  FIELD (FIELD_TEXT, DmRelationInfo, sentence_text),
  FIELD (FIELD_TEXT, DmRelationInfo, article_title),
  FIELD (FIELD_TEXT, DmRelationInfo, article_date),
};

static const RowShape actor_row = ROW_SHAPE (DmActorInfo, actor_fields);
static const RowShape article_row = ROW_SHAPE (DmArticleInfo, article_fields);
static const RowShape relation_row = ROW_SHAPE (DmRelationInfo, relation_fields);

/* A new struct of @shape filled from the current row of @stmt. */
static gpointer
read_row (const RowShape *shape,
          sqlite3_stmt   *stmt)
{
  guint8 *info = g_malloc0 (shape->size);
  int column = 0;

  for (guint i = 0; i < shape->n_fields; i++)
    {
      gpointer field = info + shape->fields[i].offset;
      int value = sqlite3_column_int (stmt, column);

      switch (shape->fields[i].kind)
        {
        case FIELD_INT64:
          *(gint64 *) field = sqlite3_column_int64 (stmt, column);
          break;
        case FIELD_UINT:
          *(guint *) field = (guint) value;
          break;
        case FIELD_BOOLEAN:
          *(gboolean *) field = value != 0;
          break;
        case FIELD_TEXT:
          *(char **) field = dm_store_column_dup (stmt, column);
          break;
        case FIELD_ACTOR_TYPE:
          *(DmActorType *) field = value >= 0 && value < DM_N_ACTOR_TYPES ? (DmActorType) value
                                                                          : DM_ACTOR_GROUP;
          break;
        case FIELD_CLASS:
          *(DmRelationClass *) field = value >= 0 && value < DM_N_CLASSES ? (DmRelationClass) value
                                                                         : DM_CLASS_STATEMENT;
          break;
        case FIELD_SPAN:
          ((DmSpan *) field)->start = value;
          ((DmSpan *) field)->end = sqlite3_column_int (stmt, ++column);
          break;
        default:
          g_assert_not_reached ();
        }
      column++;
    }
  return info;
}

static void
free_row (const RowShape *shape,
          gpointer        info)
{
  if (info == NULL)
    return;
  for (guint i = 0; i < shape->n_fields; i++)
    if (shape->fields[i].kind == FIELD_TEXT)
      g_free (*(char **) ((guint8 *) info + shape->fields[i].offset));
  g_free (info);
}

static gpointer
actor_info_from_row (sqlite3_stmt *stmt)
{
  return read_row (&actor_row, stmt);
}

static gpointer
article_info_from_row (sqlite3_stmt *stmt)
{
  return read_row (&article_row, stmt);
}

static gpointer
relation_info_from_row (sqlite3_stmt *stmt)
{
  DmRelationInfo *info = read_row (&relation_row, stmt);

  /* the evidence sentence is never NULL for callers (an article text cut short) */
  if (info->sentence_text == NULL)
    info->sentence_text = g_strdup ("");
  return info;
}

/* Makes one value of the current row of a statement. */
typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* Every row @stmt returns, as read by @reader, or NULL with the failure. */
static GPtrArray *
collect_rows (DmStore         *self,
              sqlite3_stmt    *stmt,
              RowReader        reader,
              GDestroyNotify   free_func,
              const char      *what,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, reader (stmt));
  if (rc != SQLITE_DONE)
    {
      dm_store_fail (self, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Binds @id and steps a statement that reads one actor or article by id: TRUE on its row;
 * FALSE with DM_STORE_ERROR_NOT_FOUND ("no article 12 in the corpus") or the SQLite failure. */
static gboolean
step_row_by_id (DmStore      *self,
                sqlite3_stmt *stmt,
                gint64        id,
                const char   *noun,
                GError      **error)
{
  g_autofree char *what = g_strdup_printf (_("reading an %s"), noun);
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!dm_store_step_optional_row (self, stmt, &found, what, error))
    return FALSE;
  if (!found)
    g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is what was looked for, in English ("article", "actor") */
                 _("no %s %lld in the corpus"), noun, (long long) id);
  return found;
}

/* Binds @text and reads the id in the first column of the row it finds, 0 when none. */
static gboolean
lookup_id (DmStore        *self,
           DmStoreStmtId   stmt_id,
           const char     *text,
           gint64         *id,
           const char     *what,
           GError        **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, stmt_id, read_sql[stmt_id], error);
  gboolean found;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  dm_store_bind_text (stmt, 1, text);
  if (!dm_store_step_optional_row (self, stmt, &found, what, error))
    return FALSE;
  if (found)
    *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
dm_store_find_actor_by_key (DmStore     *self,
                            const char  *key,
                            gint64      *actor_id,
                            GError     **error)
{
  return lookup_id (self, DM_STORE_STMT_ACTOR_BY_KEY, key, actor_id, N_("looking up an actor"),
                    error);
}

gboolean
dm_store_find_article_by_hash (DmStore     *self,
                               const char  *hash,
                               gint64      *article_id,
                               GError     **error)
{
  return lookup_id (self, DM_STORE_STMT_ARTICLE_BY_HASH, hash, article_id,
                    N_("looking up an article"), error);
}

gboolean
dm_store_has_text (DmStore     *self,
                   const char  *text,
                   gboolean    *present,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (present != NULL, FALSE);

  hash = dm_store_hash_text (text, -1);
  locker = g_mutex_locker_new (&self->mutex);
  *present = FALSE;
  if (!dm_store_find_article_by_hash (self, hash, &id, error))
    return FALSE;
  *present = id != 0;
  return TRUE;
}

/* Actors */

/* "%" and "_" in what a person typed are literal. */
static char *
like_pattern (const char *search)
{
  g_autofree char *key = dm_store_normalize_key (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
dm_store_list_actors (DmStore     *self,
                      const char  *search,
                      guint32      type_mask,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (search != NULL && search[0] != '\0')
    pattern = like_pattern (search);

  stmt = lock_stmt (self, DM_STORE_STMT_LIST_ACTORS, &locker, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, type_mask);
  dm_store_bind_text (stmt, 2, pattern);

  return collect_rows (self, stmt, actor_info_from_row, (GDestroyNotify) dm_actor_info_free,
                       N_("listing actors"), error);
}

GPtrArray *
dm_store_list_top_actors (DmStore  *self,
                          guint     n,
                          GError  **error)
{
  g_autoptr(GPtrArray) top = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (n == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) dm_actor_info_free);

  {
    g_autoptr(GMutexLocker) locker = NULL;
    g_autoptr(DmStoreStmt) stmt = lock_stmt (self, DM_STORE_STMT_LIST_TOP_ACTORS, &locker, error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, n);
    top = collect_rows (self, stmt, actor_info_from_row, (GDestroyNotify) dm_actor_info_free,
                        N_("listing actors"), error);
    if (top == NULL)
      return NULL;
  }

  /* fewer than @n actors are mentioned: the rest come from the actors never mentioned */
  if (top->len < n)
    {
      g_clear_pointer (&top, g_ptr_array_unref);
      if (!(top = dm_store_list_actors (self, NULL, DM_ALL_ACTOR_TYPES, error)))
        return NULL;
      if (top->len > n)
        g_ptr_array_set_size (top, n);
    }
  return g_steal_pointer (&top);
}

static DmActorInfo *
get_actor_locked (DmStore     *self,
                  gint64       actor_id,
                  GError     **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, DM_STORE_STMT_GET_ACTOR,
                                                   read_sql[DM_STORE_STMT_GET_ACTOR], error);

  if (stmt == NULL || !step_row_by_id (self, stmt, actor_id, "actor", error))
    return NULL;
  return actor_info_from_row (stmt);
}

DmActorInfo *
dm_store_get_actor (DmStore     *self,
                    gint64       actor_id,
                    GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return get_actor_locked (self, actor_id, error);
}

DmActorInfo *
dm_store_find_actor (DmStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  gint64 actor_id = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = dm_store_normalize_key (name);
  locker = g_mutex_locker_new (&self->mutex);

  if (!dm_store_find_actor_by_key (self, key, &actor_id, error))
    return NULL;

  /* An alias may belong to several actors ("the president"): the most mentioned wins. */
  if (actor_id == 0 &&
      !lookup_id (self, DM_STORE_STMT_ACTOR_BY_ALIAS_KEY, key, &actor_id, N_("looking up an actor"),
                  error))
    return NULL;

  if (actor_id == 0)
    return NULL;
  return get_actor_locked (self, actor_id, error);
}

static gpointer
text_from_row (sqlite3_stmt *stmt)
{
  return dm_store_column_dup (stmt, 0);
}

GStrv
dm_store_get_aliases (DmStore     *self,
                      gint64       actor_id,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  GPtrArray *aliases;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = lock_stmt (self, DM_STORE_STMT_ALIASES, &locker, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  aliases = collect_rows (self, stmt, text_from_row, g_free, N_("reading aliases"), error);
  if (aliases == NULL)
    return NULL;
  g_ptr_array_add (aliases, NULL);
  return (GStrv) g_ptr_array_free (aliases, FALSE);
}

/* Articles */

GPtrArray *
dm_store_list_articles (DmStore  *self,
                        GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = lock_stmt (self, DM_STORE_STMT_LIST_ARTICLES, &locker, error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, article_info_from_row, (GDestroyNotify) dm_article_info_free,
                       N_("listing articles"), error);
}

/* lock_stmt() with statement @id stepped onto the row of article @article_id. */
static DmStoreStmt *
lock_article (DmStore         *self,
              DmStoreStmtId    id,
              gint64           article_id,
              GMutexLocker   **locker,
              GError         **error)
{
  DmStoreStmt *stmt = lock_stmt (self, id, locker, error);

  if (stmt != NULL && !step_row_by_id (self, stmt, article_id, "article", error))
    {
      dm_store_stmt_release (stmt);
      return NULL;
    }
  return stmt;
}

DmArticleInfo *
dm_store_get_article (DmStore  *self,
                      gint64    article_id,
                      GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = lock_article (self, DM_STORE_STMT_GET_ARTICLE, article_id, &locker, error);
  return stmt != NULL ? article_info_from_row (stmt) : NULL;
}

char *
dm_store_get_article_text (DmStore  *self,
                           gint64    article_id,
                           GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = lock_article (self, DM_STORE_STMT_ARTICLE_TEXT, article_id, &locker, error);
  if (stmt == NULL)
    return NULL;
  return g_strndup ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Relations */

static GPtrArray *
collect_relations (DmStore       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  return collect_rows (self, stmt, relation_info_from_row,
                       (GDestroyNotify) dm_relation_info_free, N_("listing relations"), error);
}

char *
dm_store_ids_to_json (const GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

const char *
dm_store_nonempty_or_null (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : NULL;
}

GPtrArray *
dm_store_list_relations (DmStore            *self,
                         const DmGraphQuery *query,
                         GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *excluded = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  excluded = dm_store_ids_to_json (query != NULL ? query->excluded_articles : NULL);

  stmt = lock_stmt (self, DM_STORE_STMT_LIST_RELATIONS, &locker, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, query != NULL ? query->class_mask : DM_ALL_CLASSES);
  sqlite3_bind_int64 (stmt, 2, query != NULL ? query->type_mask : DM_ALL_ACTOR_TYPES);
  dm_store_bind_text (stmt, 3, query != NULL ? dm_store_nonempty_or_null (query->date_from) : NULL);
  dm_store_bind_text (stmt, 4, query != NULL ? dm_store_nonempty_or_null (query->date_to) : NULL);
  dm_store_bind_text (stmt, 5, excluded);
  /* ?9: leave undated articles out too (DmGraphQuery.dated_only) */
  sqlite3_bind_int (stmt, 9, query != NULL && query->dated_only ? 1 : 0);
  return collect_relations (self, stmt, error);
}

GPtrArray *
dm_store_list_actor_relations (DmStore  *self,
                               gint64    actor_id,
                               GError  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = lock_stmt (self, DM_STORE_STMT_ACTOR_RELATIONS, &locker, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  return collect_relations (self, stmt, error);
}

GPtrArray *
dm_store_get_relations (DmStore       *self,
                        const GArray  *relation_ids,
                        GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = NULL;
  g_autofree char *ids = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (relation_ids != NULL, NULL);

  ids = dm_store_ids_to_json (relation_ids);

  stmt = lock_stmt (self, DM_STORE_STMT_RELATIONS_BY_ID, &locker, error);
  if (stmt == NULL)
    return NULL;

  dm_store_bind_text (stmt, 1, ids);
  return collect_relations (self, stmt, error);
}

/* Statistics */

static gboolean
count_rows (DmStore     *self,
            DmStoreStmtId       id,
            guint       *count,
            GError     **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, id, read_sql[id], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return dm_store_fail (self, rc, N_("counting"), error);
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
count_groups (DmStore     *self,
              DmStoreStmtId       id,
              guint       *counts,
              guint        n_counts,
              guint       *total,
              GError     **error)
{
  g_autoptr(DmStoreStmt) stmt = dm_store_get_stmt (self, id, read_sql[id], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *total = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int group = sqlite3_column_int (stmt, 0);
      guint count = sqlite3_column_int (stmt, 1);

      if (group >= 0 && (guint) group < n_counts)
        counts[group] += count;
      *total += count;
    }
  if (rc != SQLITE_DONE)
    return dm_store_fail (self, rc, N_("counting"), error);
  return TRUE;
}

gboolean
dm_store_get_stats (DmStore       *self,
                    DmStoreStats  *stats,
                    GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  locker = g_mutex_locker_new (&self->mutex);

  return count_rows (self, DM_STORE_STMT_COUNT_ARTICLES, &stats->n_articles, error) &&
         count_rows (self, DM_STORE_STMT_COUNT_MENTIONS, &stats->n_mentions, error) &&
         count_groups (self, DM_STORE_STMT_ACTORS_BY_TYPE, stats->actors_by_type,
                       DM_N_ACTOR_TYPES, &stats->n_actors, error) &&
         count_groups (self, DM_STORE_STMT_RELATIONS_BY_CLASS, stats->relations_by_class,
                       DM_N_CLASSES, &stats->n_relations, error);
}

/* Layout cache */

/* The value cached under @key + @suffix as bytes (a BLOB, or text without its NUL); NULL on
 * a miss. */
static gboolean
lookup_layout_value (DmStore     *self,
                     const char  *key,
                     const char  *suffix,
                     GBytes     **value,
                     GError     **error)
{
  g_autofree char *stored_key = g_strconcat (key, suffix, NULL);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(DmStoreStmt) stmt = lock_stmt (self, DM_STORE_STMT_LOOKUP_LAYOUT, &locker, error);
  gboolean found;

  *value = NULL;
  if (stmt == NULL)
    return FALSE;

  dm_store_bind_text (stmt, 1, stored_key);
  if (!dm_store_step_optional_row (self, stmt, &found, N_("reading the layout cache"), error))
    return FALSE;
  if (found)
    {
      const void *blob = sqlite3_column_blob (stmt, 0);
      int len = sqlite3_column_bytes (stmt, 0);

      *value = g_bytes_new (blob, len > 0 ? (gsize) len : 0);
    }
  return TRUE;
}

gboolean
dm_store_lookup_layout (DmStore     *self,
                        const char  *key,
                        char       **xdot,
                        GError     **error)
{
  g_autoptr(GBytes) value = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (xdot != NULL, FALSE);

  *xdot = NULL;
  if (!lookup_layout_value (self, key, "", &value, error))
    return FALSE;
  if (value != NULL)
    {
      gsize len;
      const char *text = g_bytes_get_data (value, &len);

      *xdot = g_strndup (text != NULL ? text : "", len);
    }
  return TRUE;
}

gboolean
dm_store_lookup_layout_data (DmStore     *self,
                             const char  *key,
                             GBytes     **data,
                             GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return lookup_layout_value (self, key, DM_STORE_LAYOUT_DATA_SUFFIX, data, error);
}

/* Values */

void
dm_actor_info_free (DmActorInfo *info)
{
  free_row (&actor_row, info);
}

void
dm_article_info_free (DmArticleInfo *info)
{
  free_row (&article_row, info);
}

void
dm_relation_info_free (DmRelationInfo *info)
{
  free_row (&relation_row, info);
}
