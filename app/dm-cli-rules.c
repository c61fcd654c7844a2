/* dm-cli-rules.c — dramatis-cli rules: a corpus's correction rules, listed, exported, imported
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dm-cli-private.h"
#include "dm-curation.h"
#include "dm-store.h"

static int
list_rules (DmStore    *store,
            const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = dm_store_list_rules (store, &error);

  if (rules == NULL)
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  for (guint i = 0; i < rules->len; i++)
    {
      DmRuleInfo *rule = g_ptr_array_index (rules, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u relation%s\t%s\n", rule->id,
              rule->enabled ? "on" : "off", rule->made_at, dm_rule_kind_to_string (rule->kind),
              rule->n_relations, rule->n_relations == 1 ? "" : "s", rule->description);
    }
  return DM_CLI_EXIT_OK;
}

static int
export_rules (DmStore    *store,
              const char *db_path,
              const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dm_store_export_rules (store, &error);

  if (text == NULL)
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  if (strcmp (output, "-") == 0)
    {
      fputs (text, stdout);
      return fflush (stdout) == 0 ? DM_CLI_EXIT_OK : DM_CLI_EXIT_FAILED;
    }
  if (!g_file_set_contents (output, text, -1, &error))
    {
      dm_cli_error (output, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  return DM_CLI_EXIT_OK;
}

static int
import_rules (DmStore    *store,
              const char *db_path,
              const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  guint n_added = 0;

  if (!g_file_get_contents (input, &text, &len, &error))
    {
      dm_cli_error (input, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  if (!dm_store_import_rules (store, text, len, &n_added, &error))
    {
      /* a file that is not one names the file; the corpus failing names the corpus */
      dm_cli_error (g_error_matches (error, DM_CURATION_ERROR, DM_CURATION_ERROR_PARSE)
                      ? input : db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  printf (ngettext ("Imported %u rule\n", "Imported %u rules\n", n_added), n_added);
  return DM_CLI_EXIT_OK;
}

int
dm_cli_rules (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  guint n_rest;

  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus whose rules to use"), "PATH" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With export: the rules file to write (- for standard output)"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dramatis-cli rules");
  context = g_option_context_new (N_("list | export -o FILE | import FILE — a corpus's correction rules"));
  g_option_context_set_summary (context, N_(
    "Every edit made with dramatis-cli edit (or in Dramatis) is kept as a rule that later\n"
    "imports apply: merged names, \"not an actor\", corrected relations and dates.\n"
    "list prints them (id, on/off, when, kind, relations touched, what it says); export\n"
    "writes them as a rules file; import adds a rules file's rules to the corpus (one edit,\n"
    "which edit undo takes back), so a team can share its corrections."));
  g_option_context_set_description (context, N_(
    "Rules files are tab-separated UTF-8 text, described in README.md.\n\n"
    "Example: dramatis-cli rules --db news.dramatis export -o team.rules\n"
    "         dramatis-cli rules --db other.dramatis import team.rules\n\n"
    "Exit status: 0 on success, 1 when the corpus or a file could not be read or written,\n"
    "2 for a usage error."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, _("rules: %s"), error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    {
      dm_cli_error (NULL, _("rules: --db PATH is required"));
      return DM_CLI_EXIT_USAGE;
    }
  n_rest = rest != NULL ? g_strv_length (rest) : 0;
  if (n_rest == 0 ||
      !(strcmp (rest[0], "list") == 0 || strcmp (rest[0], "export") == 0 ||
        strcmp (rest[0], "import") == 0))
    {
      dm_cli_error (NULL, _("rules: say list, export -o FILE or import FILE"));
      return DM_CLI_EXIT_USAGE;
    }
  if ((strcmp (rest[0], "import") == 0 && n_rest != 2) ||
      (strcmp (rest[0], "import") != 0 && n_rest != 1))
    {
      dm_cli_error (NULL, _("rules: unexpected or missing argument after “%s”"), rest[0]);
      return DM_CLI_EXIT_USAGE;
    }
  if (strcmp (rest[0], "export") == 0 && output == NULL)
    {
      dm_cli_error (NULL, _("rules: export needs -o FILE"));
      return DM_CLI_EXIT_USAGE;
    }

  /* Rules may be imported into a new corpus (a team's corrections, before its articles) */
  if (strcmp (rest[0], "import") == 0)
    {
      store = dm_store_open (db_path, &error);
      if (store == NULL)
        dm_cli_error (db_path, "%s", error->message);
    }
  else
    store = dm_cli_open_corpus (db_path);
  if (store == NULL)
    return DM_CLI_EXIT_FAILED;

  if (strcmp (rest[0], "list") == 0)
    return list_rules (store, db_path);
  if (strcmp (rest[0], "export") == 0)
    return export_rules (store, db_path, output);
  return import_rules (store, db_path, rest[1]);
}
