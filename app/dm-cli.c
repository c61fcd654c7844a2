/* dm-cli.c — dramatis-cli: the headless front end of the Dramatis engine
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

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
  { "extract", dm_cli_extract, "Print actors and relations of articles as JSON Lines" },
  { "import",  dm_cli_import,  "Add articles to a corpus" },
  { "export",  dm_cli_export,  "Write a corpus graph as PNG, SVG, PDF, DOT, GraphML, GEXF or CSV" },
  { "stats",   dm_cli_stats,   "Summarise a corpus" },
  { "edit",    dm_cli_edit,    "Merge, rename, correct or remove; undo and redo" },
  { "rules",   dm_cli_rules,   "List, export or import a corpus's correction rules" },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage: dramatis-cli COMMAND [OPTION…]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s  %s\n", commands[i].name, commands[i].summary);
  fprintf (stream, "\nRun “dramatis-cli COMMAND --help” for the options of a command.\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

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

  dm_cli_error (NULL, "unknown command “%s”", argv[1]);
  print_usage (stderr);
  return DM_CLI_EXIT_USAGE;
}
