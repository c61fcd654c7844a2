/* dm-cli-stats.c — placeholder until its module lands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-cli-private.h"

int
dm_cli_stats (int argc, char **argv)
{
  dm_cli_error (NULL, "“stats” is not built yet");
  return DM_CLI_EXIT_FAILED;
}
