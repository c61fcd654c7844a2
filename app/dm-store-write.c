/* dm-store-write.c — adding to the corpus: analysed articles with their actors, and layouts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-store-private.h"

/* The layout cache keeps the most recent layouts only: one per graph a person looked at. */
#define MAX_CACHED_LAYOUTS 256

static const char * const write_sql[DM_STORE_N_STMTS] = {
  [DM_STORE_STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (origin, title, date, source, url, text, length, hash, imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
  [DM_STORE_STMT_PEOPLE_BY_LAST_KEY] =
    "SELECT id, key, name FROM actors WHERE last_key = ?1 AND type IN (?2, ?3) LIMIT 2",
  [DM_STORE_STMT_INSERT_ACTOR] =
    "INSERT INTO actors (name, key, last_key, type, role, affiliation)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [DM_STORE_STMT_RENAME_ACTOR] = "UPDATE actors SET name = ?2, key = ?3 WHERE id = ?1",
  [DM_STORE_STMT_DROP_ALIAS] = "DELETE FROM aliases WHERE actor_id = ?1 AND alias = ?2",
  [DM_STORE_STMT_COMPLETE_ACTOR] =
    "UPDATE actors SET role = coalesce(role, ?2), affiliation = coalesce(affiliation, ?3),"
    " type = CASE WHEN type = ?4 AND ?5 = ?6 THEN ?6 ELSE type END"
    " WHERE id = ?1",
  [DM_STORE_STMT_INSERT_ALIAS] =
    "INSERT OR IGNORE INTO aliases (actor_id, alias, key)"
    " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = ?1 AND name = ?2)",
  [DM_STORE_STMT_INSERT_MENTION] =
    "INSERT INTO mentions (article_id, actor_id, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
  [DM_STORE_STMT_INSERT_RELATION] =
    "INSERT INTO relations (article_id, source_id, target_id, verb, class, negated,"
    " sentence_start, sentence_end, trigger_start, trigger_end,"
    " source_start, source_end, target_start, target_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [DM_STORE_STMT_SAVE_LAYOUT] =
    "INSERT OR REPLACE INTO layouts (key, xdot, created_at)"
    " VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))",
  /* a layout's serialisation ("<key>#data") goes with its xdot text (<key>) */
  [DM_STORE_STMT_PRUNE_LAYOUTS] =
    "WITH kept (k) AS"
    " (SELECT key FROM layouts WHERE key NOT LIKE '%#data'"
    "  ORDER BY created_at DESC, rowid DESC LIMIT ?1)"
    " DELETE FROM layouts WHERE key NOT IN"
    " (SELECT k FROM kept UNION ALL SELECT k || '#data' FROM kept)",
  [DM_STORE_STMT_DELETE_LAYOUT] = "DELETE FROM layouts WHERE key = ?1",
};

static DmStoreStmt *
get_stmt (DmStore        *self,
          DmStoreStmtId   id,
          GError        **error)
{
  return dm_store_get_stmt (self, id, write_sql[id], error);
}

/* Adding an analysis */

static gboolean
span_fits (DmSpan span,
           guint  length)
{
  return span.start <= span.end && span.end <= length;
}

static gboolean
is_blank (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* Everything that can be known wrong before writing is refused before the transaction. */
static gboolean
validate_analysis (const DmAnalysis  *analysis,
                   guint              length,
                   GError           **error)
{

  for (guint i = 0; analysis->mentions != NULL && i < analysis->mentions->len; i++)
    {
      const DmMention *mention = g_ptr_array_index (analysis->mentions, i);

      if (mention->actor == NULL || is_blank (mention->actor) || mention->text == NULL ||
          mention->type >= DM_N_ACTOR_TYPES)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       _("mention %u names no actor"), i + 1);
          return FALSE;
        }
      if (!span_fits (mention->span, length))
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       _("mention %u (%u–%u) does not fit the article (%u characters)"),
                       i + 1, mention->span.start, mention->span.end, length);
          return FALSE;
        }
    }

  for (guint i = 0; analysis->relations != NULL && i < analysis->relations->len; i++)
    {
      const DmRelation *relation = g_ptr_array_index (analysis->relations, i);

      if (!span_fits (relation->sentence, length) || !span_fits (relation->trigger, length) ||
          !span_fits (relation->source_mention, length) ||
          !span_fits (relation->target_mention, length) || relation->verb == NULL ||
          relation->klass >= DM_N_CLASSES)
        {
          g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                       _("relation %u (%s %s %s) does not fit the article (%u characters)"),
                       i + 1, relation->source, relation->verb, relation->target, length);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_person (DmActorType type)
{
  return type == DM_ACTOR_PERSON || type == DM_ACTOR_OFFICIAL;
}

static const char *
last_word (const char *key)
{
  const char *space = strrchr (key, ' ');

  return space != NULL ? space + 1 : key;
}

static gboolean
has_upper (const char *word,
           gsize       len)
{
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_cased (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) || g_unichar_islower (c) || g_unichar_istitle (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
word_in (const char         *word,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (strlen (list[i]) == len && g_ascii_strncasecmp (word, list[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a surface form is worth keeping as an alias: "Beijing", "the Kremlin", "EU",
 * "Зеленський" are; "him", "He", "the alliance", "minister" (references the extractor
 * resolved) would only clutter search and the "also known as" list. A form in a script
 * without case is kept. */
static gboolean
is_name_like (const char *surface)
{
  static const char * const determiners[] = {
    "the", "this", "that", "these", "those", "a", "an", "its", "his", "her", "their", "our",
    NULL
  };
  static const char * const pronouns[] = {
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we",
    "i", "you", "who", NULL
  };
  const char *p = surface;
  const char *word;
  guint n_words = 0;
  gboolean upper = FALSE;

  if (!has_cased (surface))
    return TRUE;

  while (*p != '\0')
    {
      gsize len;

      while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
      if (*p == '\0')
        break;
      word = p;
      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
        p++;
      len = p - word;

      /* A leading determiner says nothing: "The alliance" is as unnamed as "the alliance". */
      if (n_words++ == 0 && word_in (word, len, determiners) && *p != '\0')
        continue;
      if (n_words == 1 && *p == '\0' && word_in (word, len, pronouns))
        return FALSE;
      upper = upper || has_upper (word, len);
    }

  return upper;
}

static gboolean
insert_alias (DmStore     *self,
              gint64       actor_id,
              const char  *alias,
              GError     **error)
{
  g_autoptr(DmStoreStmt) stmt = get_stmt (self, DM_STORE_STMT_INSERT_ALIAS, error);
  g_autofree char *key = NULL;

  if (stmt == NULL)
    return FALSE;

  key = dm_store_normalize_key (alias);
  if (key[0] == '\0')
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  dm_store_bind_text (stmt, 2, alias);
  dm_store_bind_text (stmt, 3, key);
  return dm_store_step_done (self, stmt, N_("recording an alias"), error);
}

/* The people and officials whose last name is @last_key; *@n_found is 0, 1 or 2 (two means
 * "more than one": the name is ambiguous). The first one's id, key and name come back. */
static gboolean
find_people_by_last_key (DmStore     *self,
                         const char  *last_key,
                         guint       *n_found,
                         gint64      *actor_id,
                         char       **actor_key,
                         char       **actor_name,
                         GError     **error)
{
  g_autoptr(DmStoreStmt) stmt = get_stmt (self, DM_STORE_STMT_PEOPLE_BY_LAST_KEY, error);
  int rc;

  *n_found = 0;
  if (stmt == NULL)
    return FALSE;

  dm_store_bind_text (stmt, 1, last_key);
  sqlite3_bind_int (stmt, 2, DM_ACTOR_PERSON);
  sqlite3_bind_int (stmt, 3, DM_ACTOR_OFFICIAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (*n_found == 0)
        {
          *actor_id = sqlite3_column_int64 (stmt, 0);
          *actor_key = dm_store_column_dup (stmt, 1);
          *actor_name = dm_store_column_dup (stmt, 2);
        }
      (*n_found)++;
    }
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (actor_key, g_free);
      g_clear_pointer (actor_name, g_free);
      return dm_store_fail (self, rc, N_("looking up an actor"), error);
    }
  return TRUE;
}

/* @actor_id, known so far by @old_name, gets @new_name as canonical name; the old name stays
 * findable as an alias. */
static gboolean
rename_actor (DmStore     *self,
              gint64       actor_id,
              const char  *old_name,
              const char  *new_name,
              const char  *new_key,
              GError     **error)
{
  g_autoptr(DmStoreStmt) rename = get_stmt (self, DM_STORE_STMT_RENAME_ACTOR, error);
  g_autoptr(DmStoreStmt) drop = NULL;

  if (rename == NULL)
    return FALSE;
  sqlite3_bind_int64 (rename, 1, actor_id);
  dm_store_bind_text (rename, 2, new_name);
  dm_store_bind_text (rename, 3, new_key);
  if (!dm_store_step_done (self, rename, N_("renaming an actor"), error))
    return FALSE;

  /* The new name was perhaps an alias already: a name is never its own alias. */
  drop = get_stmt (self, DM_STORE_STMT_DROP_ALIAS, error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, actor_id);
  dm_store_bind_text (drop, 2, new_name);
  if (!dm_store_step_done (self, drop, N_("renaming an actor"), error))
    return FALSE;

  return insert_alias (self, actor_id, old_name, error);
}

static gboolean
insert_actor (DmStore          *self,
              const DmMention  *mention,
              const char       *key,
              const char       *last_key,
              gint64           *actor_id,
              GError          **error)
{
  g_autoptr(DmStoreStmt) stmt = get_stmt (self, DM_STORE_STMT_INSERT_ACTOR, error);

  if (stmt == NULL)
    return FALSE;
  dm_store_bind_text (stmt, 1, mention->actor);
  dm_store_bind_text (stmt, 2, key);
  dm_store_bind_text (stmt, 3, last_key);
  sqlite3_bind_int (stmt, 4, mention->type);
  dm_store_bind_text (stmt, 5, mention->role);
  dm_store_bind_text (stmt, 6, mention->affiliation);
  if (!dm_store_step_done (self, stmt, N_("adding an actor"), error))
    return FALSE;
  *actor_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* One canonical name per actor across the corpus. The extractor gives a canonical name per
 * article; across articles the same person may come as "Zelenskiy" (an article that never
 * gave the full name) and "Volodymyr Zelenskiy". A lone surname joins the one person or
 * official whose last name it is; a full name arriving after its lone surname takes over
 * that actor and becomes its canonical name. Anything ambiguous makes a new actor. */
static gboolean
resolve_actor (DmStore          *self,
               const DmMention  *mention,
               const char       *key,
               gint64           *actor_id,
               GError          **error)
{
  g_autofree char *found_key = NULL;
  g_autofree char *found_name = NULL;
  const char *last_key = NULL;
  guint n_found = 0;

  if (!dm_store_find_actor_by_key (self, key, actor_id, error))
    return FALSE;
  if (*actor_id != 0)
    return TRUE;

  if (is_person (mention->type))
    {
      last_key = last_word (key);
      if (!find_people_by_last_key (self, last_key, &n_found, actor_id, &found_key, &found_name,
                                    error))
        return FALSE;

      /* A lone surname joins the only person or official who bears it. */
      if (last_key == key && n_found == 1)
        return TRUE;

      /* A full name whose surname alone is an actor already (and the only one with that
       * surname): that actor takes the full name. */
      if (last_key != key && n_found == 1 && strcmp (found_key, last_key) == 0)
        return rename_actor (self, *actor_id, found_name, mention->actor, key, error);
    }

  return insert_actor (self, mention, key, last_key, actor_id, error);
}

/* Fills what an earlier mention left unknown: role, affiliation, and "official" for an
 * actor first met as a plain person. */
static gboolean
complete_actor (DmStore          *self,
                gint64            actor_id,
                const DmMention  *mention,
                GError          **error)
{
  g_autoptr(DmStoreStmt) stmt = NULL;

  if (mention->role == NULL && mention->affiliation == NULL && mention->type != DM_ACTOR_OFFICIAL)
    return TRUE;

  stmt = get_stmt (self, DM_STORE_STMT_COMPLETE_ACTOR, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  dm_store_bind_text (stmt, 2, mention->role);
  dm_store_bind_text (stmt, 3, mention->affiliation);
  sqlite3_bind_int (stmt, 4, DM_ACTOR_PERSON);
  sqlite3_bind_int (stmt, 5, mention->type);
  sqlite3_bind_int (stmt, 6, DM_ACTOR_OFFICIAL);
  return dm_store_step_done (self, stmt, N_("updating an actor"), error);
}

static gboolean
insert_article (DmStore          *self,
                const DmArticle  *article,
                guint             length,
                const char       *hash,
                gint64           *article_id,
                GError          **error)
{
  g_autoptr(DmStoreStmt) stmt = get_stmt (self, DM_STORE_STMT_INSERT_ARTICLE, error);
  /* The origin is a file name, i.e. bytes; the corpus holds text that labels can show. */
  g_autofree char *origin = g_filename_display_name (article->id != NULL ? article->id : "-");

  if (stmt == NULL)
    return FALSE;

  dm_store_bind_text (stmt, 1, origin);
  dm_store_bind_text (stmt, 2, article->title);
  dm_store_bind_text (stmt, 3, article->date);
  dm_store_bind_text (stmt, 4, article->source);
  dm_store_bind_text (stmt, 5, article->url);
  sqlite3_bind_text (stmt, 6, article->text, article->text_len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, length);
  dm_store_bind_text (stmt, 8, hash);
  if (!dm_store_step_done (self, stmt, N_("adding an article"), error))
    return FALSE;

  *article_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
insert_mentions (DmStore           *self,
                 const DmAnalysis  *analysis,
                 gint64             article_id,
                 GHashTable        *actor_ids,
                 GError           **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; analysis->mentions != NULL && i < analysis->mentions->len; i++)
    {
      const DmMention *mention = g_ptr_array_index (analysis->mentions, i);
      g_autoptr(DmStoreStmt) stmt = NULL;
      gpointer cached;
      gint64 actor_id;

      g_autofree char *key = dm_store_normalize_key (mention->actor);

      if (g_hash_table_lookup_extended (actor_ids, key, NULL, &cached))
        {
          actor_id = *(gint64 *) cached;
        }
      else
        {
          if (!resolve_actor (self, mention, key, &actor_id, error))
            return FALSE;
          g_hash_table_insert (actor_ids, g_steal_pointer (&key),
                               g_memdup2 (&actor_id, sizeof actor_id));
          /* The canonical name this article used stays findable after a surname match. */
          if (!insert_alias (self, actor_id, mention->actor, error))
            return FALSE;
        }

      /* An article names the same actor the same way many times: each distinct detail and
       * surface form is written once per article. */
      if (mention->role != NULL || mention->affiliation != NULL ||
          mention->type == DM_ACTOR_OFFICIAL)
        {
          char *detail = g_strdup_printf ("d%" G_GINT64_FORMAT "\x1f%d\x1f%s\x1f%s", actor_id,
                                          mention->type, mention->role ? mention->role : "",
                                          mention->affiliation ? mention->affiliation : "");

          if (g_hash_table_add (written, detail) &&
              !complete_actor (self, actor_id, mention, error))
            return FALSE;
        }
      if (g_hash_table_add (written, g_strdup_printf ("a%" G_GINT64_FORMAT "\x1f%s", actor_id,
                                                      mention->text)) &&
          is_name_like (mention->text) &&
          !insert_alias (self, actor_id, mention->text, error))
        return FALSE;

      stmt = get_stmt (self, DM_STORE_STMT_INSERT_MENTION, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, actor_id);
      sqlite3_bind_int64 (stmt, 3, mention->span.start);
      sqlite3_bind_int64 (stmt, 4, mention->span.end);
      dm_store_bind_text (stmt, 5, mention->text);
      if (!dm_store_step_done (self, stmt, N_("adding a mention"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
lookup_relation_actor (GHashTable  *actor_ids,
                       const char  *name,
                       guint        index,
                       gint64      *actor_id,
                       GError     **error)
{
  g_autofree char *key = name != NULL ? dm_store_normalize_key (name) : NULL;
  gint64 *id = key != NULL ? g_hash_table_lookup (actor_ids, key) : NULL;

  if (id == NULL)
    {
      g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                   _("relation %u names “%s”, which no mention of the article names"),
                   index + 1, name != NULL ? name : _("(none)"));
      return FALSE;
    }
  *actor_id = *id;
  return TRUE;
}

static gboolean
insert_relations (DmStore           *self,
                  const DmAnalysis  *analysis,
                  gint64             article_id,
                  GHashTable        *actor_ids,
                  GError           **error)
{
  for (guint i = 0; analysis->relations != NULL && i < analysis->relations->len; i++)
    {
      const DmRelation *relation = g_ptr_array_index (analysis->relations, i);
      g_autoptr(DmStoreStmt) stmt = NULL;
      gint64 source_id;
      gint64 target_id;

      if (!lookup_relation_actor (actor_ids, relation->source, i, &source_id, error) ||
          !lookup_relation_actor (actor_ids, relation->target, i, &target_id, error))
        return FALSE;

      stmt = get_stmt (self, DM_STORE_STMT_INSERT_RELATION, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, source_id);
      sqlite3_bind_int64 (stmt, 3, target_id);
      dm_store_bind_text (stmt, 4, relation->verb);
      sqlite3_bind_int (stmt, 5, relation->klass);
      sqlite3_bind_int (stmt, 6, relation->negated ? 1 : 0);
      sqlite3_bind_int64 (stmt, 7, relation->sentence.start);
      sqlite3_bind_int64 (stmt, 8, relation->sentence.end);
      sqlite3_bind_int64 (stmt, 9, relation->trigger.start);
      sqlite3_bind_int64 (stmt, 10, relation->trigger.end);
      sqlite3_bind_int64 (stmt, 11, relation->source_mention.start);
      sqlite3_bind_int64 (stmt, 12, relation->source_mention.end);
      sqlite3_bind_int64 (stmt, 13, relation->target_mention.start);
      sqlite3_bind_int64 (stmt, 14, relation->target_mention.end);
      if (!dm_store_step_done (self, stmt, N_("adding a relation"), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
dm_store_add_analysis (DmStore           *self,
                       const DmAnalysis  *analysis,
                       gint64            *article_id,
                       gboolean          *added,
                       GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GHashTable) actor_ids = NULL;
  g_autoptr(DmAnalysis) curated = NULL;
  g_autofree char *hash = NULL;
  const DmArticle *article;
  gint64 id = 0;
  guint length;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (analysis->article != NULL, FALSE);
  g_return_val_if_fail (analysis->article->text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (added != NULL)
    *added = FALSE;
  if (article_id != NULL)
    *article_id = 0;

  /* The length is counted here rather than trusted: offsets are checked against it. */
  article = analysis->article;
  if (!g_utf8_validate (article->text, article->text_len, NULL))
    {
      g_set_error_literal (error, DM_STORE_ERROR, DM_STORE_ERROR_FAILED,
                           _("the article text is not valid UTF-8"));
      return FALSE;
    }
  length = g_utf8_strlen (article->text, article->text_len);
  if (!validate_analysis (analysis, length, error))
    return FALSE;

  hash = dm_store_hash_text (article->text, article->text_len);
  /* Names as this article's mentions gave them, by key: a relation may spell one
   * differently ("Nato" for "NATO"). */
  actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  locker = g_mutex_locker_new (&self->mutex);

  /* One transaction per article (or a savepoint in a batch's): the corpus holds all of it or
   * none of it. IMMEDIATE takes the write lock now, so the duplicate check below cannot race
   * another writer. */
  if (!dm_store_article_begin (self, error))
    return FALSE;

  ok = dm_store_find_article_by_hash (self, hash, &id, error);
  if (ok && id != 0)
    {
      dm_store_article_abandon (self);
      if (article_id != NULL)
        *article_id = id;
      return TRUE;
    }

  /* The corpus's curation rules (merged names, "not an actor", corrected relations) turn
   * the extractor's analysis into the one written. */
  ok = ok && dm_store_curation_apply_locked (self->db, &self->curation, analysis, hash,
                                             &curated, error);
  if (curated != NULL)
    {
      analysis = curated;
      article = curated->article;
    }
  ok = ok &&
       insert_article (self, article, length, hash, &id, error) &&
       insert_mentions (self, analysis, id, actor_ids, error) &&
       insert_relations (self, analysis, id, actor_ids, error) &&
       dm_store_view_count_article (self, id, error);

  if (!ok)
    {
      dm_store_article_abandon (self);
      return FALSE;
    }
  if (!dm_store_article_commit (self, error))
    return FALSE;

  if (article_id != NULL)
    *article_id = id;
  if (added != NULL)
    *added = TRUE;
  return TRUE;
}

/* Layout cache */

/* Saves @xdot under @key, or @data under @key + "#data"; new xdot text drops the
 * serialisation of the layout it replaces, which is stale. */
static gboolean
save_layout_value (DmStore     *self,
                   const char  *key,
                   const char  *xdot,
                   GBytes      *data,
                   GError     **error)
{
  g_autofree char *data_key = g_strconcat (key, DM_STORE_LAYOUT_DATA_SUFFIX, NULL);
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  locker = g_mutex_locker_new (&self->mutex);
  if (!dm_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(DmStoreStmt) save = get_stmt (self, DM_STORE_STMT_SAVE_LAYOUT, error);
    g_autoptr(DmStoreStmt) prune = NULL;

    ok = save != NULL;
    if (ok)
      {
        dm_store_bind_text (save, 1, data != NULL ? data_key : key);
        if (data != NULL)
          {
            gsize len;
            const void *bytes = g_bytes_get_data (data, &len);

            sqlite3_bind_blob64 (save, 2, bytes != NULL ? bytes : "", len, SQLITE_TRANSIENT);
          }
        else
          dm_store_bind_text (save, 2, xdot);
        ok = dm_store_step_done (self, save, N_("saving a layout"), error);
      }
    if (ok && data == NULL)
      {
        g_autoptr(DmStoreStmt) drop = get_stmt (self, DM_STORE_STMT_DELETE_LAYOUT, error);

        ok = drop != NULL;
        if (ok)
          {
            dm_store_bind_text (drop, 1, data_key);
            ok = dm_store_step_done (self, drop, N_("saving a layout"), error);
          }
      }
    if (ok)
      {
        prune = get_stmt (self, DM_STORE_STMT_PRUNE_LAYOUTS, error);
        ok = prune != NULL;
      }
    if (ok)
      {
        sqlite3_bind_int (prune, 1, MAX_CACHED_LAYOUTS);
        ok = dm_store_step_done (self, prune, N_("saving a layout"), error);
      }
  }

  ok = ok && dm_store_commit (self, N_("saving a layout"), error);
  if (!ok)
    dm_store_rollback (self);
  return ok;
}

gboolean
dm_store_save_layout (DmStore     *self,
                      const char  *key,
                      const char  *xdot,
                      GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (xdot != NULL, FALSE);

  return save_layout_value (self, key, xdot, NULL, error);
}

gboolean
dm_store_save_layout_data (DmStore     *self,
                           const char  *key,
                           GBytes      *data,
                           GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return save_layout_value (self, key, NULL, data, error);
}
