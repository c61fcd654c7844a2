/* dm-cli-private.h — the subcommands of dramatis-cli
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-types.h"

G_BEGIN_DECLS

/* Exit statuses, as the extract contract defines them for every subcommand. */
#define DM_CLI_EXIT_OK      0
#define DM_CLI_EXIT_FAILED  1   /* some input could not be read, or the corpus failed */
#define DM_CLI_EXIT_USAGE   2

/* Each takes the arguments after the subcommand name (argv[0] is the subcommand). */
int   dm_cli_extract (int argc, char **argv);
int   dm_cli_import  (int argc, char **argv);
int   dm_cli_export  (int argc, char **argv);
int   dm_cli_stats   (int argc, char **argv);
int   dm_cli_edit    (int argc, char **argv);
int   dm_cli_rules   (int argc, char **argv);

/* "dramatis-cli: PATH: reason" on stderr. */
void  dm_cli_error   (const char *path,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

/* Opens the existing corpus at @db_path (the store would create a new one), or reports why
 * not ("dramatis-cli: PATH: reason") and returns NULL. */
DmStore *dm_cli_open_corpus (const char *db_path);

G_END_DECLS
