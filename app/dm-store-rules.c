/* dm-store-rules.c — the corpus's curation rules: listed, cached for imports, as a file
 *
 * Rules files are UTF-8 text, one rule a line, tab-separated (README.md, "Rules files"):
 *   kind  key  name  value  detail  enabled  made_at
 * with \t, \n, \r and \\ escaped, and \N for "none". Lines starting with '#' are comments;
 * the first line is "# Dramatis rules 1".
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-curation-private.h"

#define RULES_FILE_HEADER "# Dramatis rules 1"
#define RULES_FILE_COLUMNS "kind\tkey\tname\tvalue\tdetail\tenabled\tmade_at"

/* Rules keyed on a name: their key is the name's key, whatever a file says. */
static gboolean
is_keyed_on_name (DmRuleKind kind)
{
  return kind <= DM_RULE_ACTOR_AFFILIATION;
}

void
dm_rule_info_free (DmRuleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->key);
  g_free (info->name);
  g_free (info->value);
  g_free (info->detail);
  g_free (info->made_at);
  g_free (info->description);
  g_free (info);
}

static char *
describe_rule (const DmRuleInfo *rule)
{
  const char *name = rule->name != NULL ? rule->name : rule->key;
  const char *value = rule->value != NULL ? rule->value : "";
  DmActorType type;

  switch (rule->kind)
    {
    case DM_RULE_ALIAS:
      return g_strdup_printf (_("“%s” is “%s”"), name, value);
    case DM_RULE_SPLIT:
      return g_strdup_printf (_("“%s” is not “%s”"), name, value);
    case DM_RULE_NOT_ACTOR:
      return g_strdup_printf (_("“%s” is not an actor"), name);
    case DM_RULE_ACTOR_TYPE:
      return g_strdup_printf (_("“%s” is of type %s"), name,
                              dm_actor_type_from_string (value, &type)
                                ? dm_actor_type_to_label (type) : value);
    case DM_RULE_ACTOR_ROLE:
      return rule->value != NULL ? g_strdup_printf (_("“%s” has the role “%s”"), name, value)
                                 : g_strdup_printf (_("“%s” has no role"), name);
    case DM_RULE_ACTOR_AFFILIATION:
      return rule->value != NULL ? g_strdup_printf (_("“%s” belongs to “%s”"), name, value)
                                 : g_strdup_printf (_("“%s” has no affiliation"), name);
    case DM_RULE_RELATION_DELETE:
      return g_strdup_printf (_("“%s” is not a relation"), name);
    case DM_RULE_RELATION_FLIP:
      return g_strdup_printf (_("“%s” goes the other way"), name);
    case DM_RULE_RELATION_VERB:
      return g_strdup_printf (_("“%s” is “%s” (%s)"), name, value,
                              rule->detail != NULL ? rule->detail : "");
    case DM_RULE_RELATION_NEGATED:
      return g_strdup_printf (g_strcmp0 (value, "true") == 0 ? _("“%s” is negated")
                                                             : _("“%s” is not negated"), name);
    case DM_RULE_RELATION_ADD:
      {
        g_autofree char *verb = dm_curation_add_detail_verb (rule->detail);

        if (verb != NULL)
          /* Translators: source, verb, target: “China” criticises “Russia” (added by hand) */
          return g_strdup_printf (_("“%s” %s “%s” (added by hand)"), name, verb, value);
        return g_strdup_printf (_("“%s” and “%s” are related in a sentence"), name, value);
      }
    case DM_RULE_ARTICLE_DATE:
      return rule->value != NULL ? g_strdup_printf (_("“%s” is dated %s"), name, value)
                                 : g_strdup_printf (_("“%s” has no date"), name);
    case DM_N_RULE_KINDS:
    default:
      return g_strdup (name);
    }
}

#define RULE_COLUMNS "id, edit_id, kind, key, name, value, detail, enabled, made_at, n_relations"

static DmRuleInfo *
rule_info_from_row (sqlite3_stmt *stmt)
{
  DmRuleInfo *info = g_new0 (DmRuleInfo, 1);

  if (!dm_rule_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &info->kind))
    {
      /* made by a newer Dramatis: not applied, not listed */
      g_free (info);
      return NULL;
    }
  info->id = sqlite3_column_int64 (stmt, 0);
  info->edit_id = sqlite3_column_int64 (stmt, 1);
  info->key = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  info->value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  info->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  info->enabled = sqlite3_column_int (stmt, 7) != 0;
  info->made_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  info->n_relations = sqlite3_column_int (stmt, 9);
  info->description = describe_rule (info);
  return info;
}

static GPtrArray *
read_rules (sqlite3     *db,
            gboolean     enabled_only,
            GError     **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_rule_info_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = dm_curation_prepare (db, N_("reading the rules"), error,
                              "SELECT " RULE_COLUMNS " FROM rules WHERE enabled OR NOT ?1"
                              " ORDER BY id", "d", enabled_only ? 1 : 0);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DmRuleInfo *info = rule_info_from_row (stmt);

      if (info != NULL)
        g_ptr_array_add (rules, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dm_store_set_error_from_sqlite (error, db, rc, N_("reading the rules"));
      return NULL;
    }
  return g_steal_pointer (&rules);
}

GPtrArray *
dm_store_list_rules (DmStore  *self,
                     GError  **error)
{
  GPtrArray *rules = NULL;
  sqlite3 *db;

  g_return_val_if_fail (self != NULL, NULL);

  db = dm_store_lock (self);
  if (dm_curation_cache_flush (*dm_store_get_curation_cache (self), error))
    rules = read_rules (db, FALSE, error);
  dm_store_unlock (self);
  return rules;
}

/* Applying the rules to every import */

/* Rules files */

static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }
  for (const char *p = field; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

char *
dm_store_export_rules (DmStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  rules = dm_store_list_rules (self, error);
  if (rules == NULL)
    return NULL;

  out = g_string_new (RULES_FILE_HEADER "\n" RULES_FILE_COLUMNS "\n");
  for (guint i = 0; i < rules->len; i++)
    {
      DmRuleInfo *rule = g_ptr_array_index (rules, i);
      const char *fields[] = {
        dm_rule_kind_to_string (rule->kind), rule->key, rule->name, rule->value, rule->detail,
        rule->enabled ? "1" : "0", rule->made_at,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, '\t');
          append_field (out, fields[f]);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* One field of a rules file line: unescaped, NULL for \N; FALSE for a bad escape. */
static gboolean
unescape_field (const char  *field,
                char       **out)
{
  GString *text;

  if (strcmp (field, "\\N") == 0)
    {
      *out = NULL;
      return TRUE;
    }
  text = g_string_new (NULL);
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (text, *p);
          continue;
        }
      switch (*++p)
        {
        case '\\': g_string_append_c (text, '\\'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        default:
          g_string_free (text, TRUE);
          return FALSE;
        }
    }
  *out = g_string_free (text, FALSE);
  return TRUE;
}

typedef struct {
  DmRuleKind  kind;
  char       *key;
  char       *name;
  char       *value;
  char       *detail;
  gboolean    enabled;
  char       *made_at;
} FileRule;

static void
file_rule_free (FileRule *rule)
{
  g_free (rule->key);
  g_free (rule->name);
  g_free (rule->value);
  g_free (rule->detail);
  g_free (rule->made_at);
  g_free (rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileRule, file_rule_free)

static gboolean
parse_error (GError     **error,
             guint        line,
             const char  *reason)
{
  g_set_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE, _("line %u: %s"), line, reason);
  return FALSE;
}

static FileRule *
parse_rule_line (const char  *line,
                 guint        line_number,
                 GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autoptr(FileRule) rule = g_new0 (FileRule, 1);
  g_autofree char *kind = NULL;
  g_autofree char *enabled = NULL;
  guint n = g_strv_length (fields);

  if (n < 6 || n > 7)
    {
      parse_error (error, line_number, _("a rule has 7 tab-separated fields (kind, key, name, "
                                         "value, detail, enabled, made_at)"));
      return NULL;
    }
  if (!unescape_field (fields[0], &kind) || !unescape_field (fields[1], &rule->key) ||
      !unescape_field (fields[2], &rule->name) || !unescape_field (fields[3], &rule->value) ||
      !unescape_field (fields[4], &rule->detail) || !unescape_field (fields[5], &enabled) ||
      (n == 7 && !unescape_field (fields[6], &rule->made_at)))
    {
      parse_error (error, line_number, _("a backslash must be followed by \\, t, n, r or N"));
      return NULL;
    }
  if (!dm_rule_kind_from_string (kind, &rule->kind))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a kind of rule"), kind ? kind : "\\N");

      parse_error (error, line_number, reason);
      return NULL;
    }
  if (is_keyed_on_name (rule->kind) && rule->name != NULL)
    {
      g_free (rule->key);
      rule->key = dm_store_normalize_key (rule->name);
    }
  if (rule->key == NULL || rule->key[0] == '\0' ||
      (rule->kind == DM_RULE_ALIAS && (rule->value == NULL || rule->value[0] == '\0')))
    {
      parse_error (error, line_number, _("the rule names nothing to apply to"));
      return NULL;
    }
  if (g_strcmp0 (enabled, "0") != 0 && g_strcmp0 (enabled, "1") != 0)
    {
      parse_error (error, line_number, _("“enabled” is 1 or 0"));
      return NULL;
    }
  rule->enabled = g_strcmp0 (enabled, "1") == 0;
  return g_steal_pointer (&rule);
}

static GPtrArray *
parse_rules_file (const char  *text,
                  gsize        len,
                  GError     **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) file_rule_free);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_utf8_validate (text, len, NULL) || memchr (text, '\0', len) != NULL)
    {
      g_set_error_literal (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE,
                           _("not a rules file: not UTF-8 text"));
      return NULL;
    }
  copy = g_strndup (text, len);
  if (!g_str_has_prefix (copy, RULES_FILE_HEADER))
    {
      g_set_error_literal (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE,
                           "not a rules file: the first line is not “" RULES_FILE_HEADER "”");
      return NULL;
    }
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize line_len = strlen (line);
      FileRule *rule;

      if (line_len > 0 && line[line_len - 1] == '\r')
        line[line_len - 1] = '\0';
      if (line[0] == '\0' || line[0] == '#' || strcmp (line, RULES_FILE_COLUMNS) == 0)
        continue;
      rule = parse_rule_line (line, i + 1, error);
      if (rule == NULL)
        return NULL;
      g_ptr_array_add (rules, rule);
    }
  return g_steal_pointer (&rules);
}

typedef struct {
  GPtrArray *rules;
  guint      n_added;
} RulesImport;

static gboolean
import_rules_edit (DmJournalTx  *tx,
                   gpointer      data,
                   GString      *summary,
                   guint        *n_relations,
                   GError      **error)
{
  RulesImport *import = data;
  sqlite3 *db = dm_journal_tx_get_db (tx);
  const char *what = N_("importing rules");

  for (guint i = 0; i < import->rules->len; i++)
    {
      FileRule *rule = g_ptr_array_index (import->rules, i);
      const char *kind = dm_rule_kind_to_string (rule->kind);
      gint64 present = 0;

      if (!dm_curation_query_int (db, what, &present, error,
                                  "SELECT count(*) FROM rules WHERE kind = ?1 AND key = ?2"
                                  " AND value IS ?3 AND detail IS ?4",
                                  "tttt", kind, rule->key, rule->value, rule->detail))
        return FALSE;
      if (present > 0)
        continue;
      if (!dm_curation_exec (db, what, error,
                             "INSERT INTO rules (edit_id, kind, key, name, value, detail, enabled,"
                             " made_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                             " coalesce(?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
                             "itttttdt", dm_journal_tx_get_edit_id (tx), kind, rule->key,
                             rule->name, rule->value, rule->detail, rule->enabled ? 1 : 0,
                             rule->made_at))
        return FALSE;
      import->n_added++;
    }
  *n_relations = 0;
  g_string_printf (summary, ngettext ("Imported %u rule", "Imported %u rules", import->n_added),
                   import->n_added);
  return TRUE;
}

gboolean
dm_store_import_rules (DmStore     *self,
                       const char  *text,
                       gsize        len,
                       guint       *n_added,
                       GError     **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  RulesImport import = { NULL, 0 };
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  rules = parse_rules_file (text != NULL ? text : "", len, error);
  if (rules == NULL)
    return FALSE;
  import.rules = rules;
  if (!dm_curation_run_edit (self, "import-rules", import_rules_edit, &import, &local_error))
    {
      /* Every rule is there already: nothing to do is not a failure. */
      if (g_error_matches (local_error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING))
        {
          g_error_free (local_error);
          return TRUE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = import.n_added;
  return TRUE;
}
