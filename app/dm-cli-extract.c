/* dm-cli-extract.c — placeholder until its module lands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-cli-private.h"

int
dm_cli_extract (int argc, char **argv)
{
  dm_cli_error (NULL, "“extract” is not built yet");
  return DM_CLI_EXIT_FAILED;
}
