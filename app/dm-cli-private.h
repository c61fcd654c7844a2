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

/* How `extract` reads articles from standard input (dm-cli-stdin.c). */
typedef enum {
  DM_CLI_STDIN_JSONL,   /* --stdin-jsonl: {"id": …, "text": …, "title": …, "date": …, "source": …} */
  DM_CLI_STDIN_LINES,   /* --stdin-lines: a line of plain text is an article */
} DmCliStdinFormat;

/* Streams standard input through @extractor: the contract's lines per record in input
 * order, flushed per record, an `error` line for a record that cannot be read. With @store
 * the analyses go to the corpus too. Returns the exit status. */
/* --jobs: most articles analysed at once, and how many by default at most. */
#define DM_CLI_MAX_JOBS      64
#define DM_CLI_DEFAULT_JOBS  4
/* Articles analysed ahead of the one being written, per worker: bounds the memory held by
 * results that wait for an earlier, slower article. */
#define DM_CLI_WINDOW_PER_WORKER 4

guint dm_cli_count_workers (int jobs);

int   dm_cli_extract_stdin (DmCliStdinFormat  format,
                            DmExtractor      *extractor,
                            guint             n_workers,
                            DmStore          *store,
                            const char       *db_path);

/* Adds @analyses (DmAnalysis) to @store; a refusal is reported on stderr against
 * @db_path. FALSE when any was refused. */
gboolean dm_cli_add_analyses (DmStore    *store,
                              const char *db_path,
                              GPtrArray  *analyses);

/* "dramatis-cli: PATH: reason" on stderr. */
void  dm_cli_error   (const char *path,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

/* Opens the existing corpus at @db_path (the store would create a new one), or reports why
 * not ("dramatis-cli: PATH: reason") and returns NULL. */
DmStore *dm_cli_open_corpus (const char *db_path);

G_END_DECLS
