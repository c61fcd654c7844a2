/* fuzz-feed.c — libFuzzer target: the RSS, RDF and Atom importer on any document
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-import-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  dm_import_init_libxml ();
  articles = dm_import_feed ("fuzz.xml", text, strlen (text), &error);
  fuzz_check_import (articles, error);
  return 0;
}
