/* dm-import-feed.c — placeholder until its module lands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
