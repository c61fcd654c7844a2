/* dm-cli.c — dramatis-cli: the headless front end of the Dramatis engine
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dm-cli-private.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "extract", dm_cli_extract, N_("Print actors and relations of articles as JSON Lines") },
  { "import",  dm_cli_import,  N_("Add articles to a corpus") },
  { "export",  dm_cli_export,  N_("Write a corpus graph as PNG, SVG, PDF, DOT, GraphML, GEXF or CSV") },
  { "stats",   dm_cli_stats,   N_("Summarise a corpus") },
  { "edit",    dm_cli_edit,    N_("Merge, rename, correct or remove; undo and redo") },
  { "rules",   dm_cli_rules,   N_("List, export or import a corpus's correction rules") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: dramatis-cli COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s  %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nRun “dramatis-cli COMMAND --help” for the options of a command.\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return DM_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return DM_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("dramatis-cli %s\n", PACKAGE_VERSION);
      return DM_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  dm_cli_error (NULL, _("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return DM_CLI_EXIT_USAGE;
}
