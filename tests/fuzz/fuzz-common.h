/* fuzz-common.h — helpers shared by the fuzz targets
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The importers take valid UTF-8 without NUL bytes (dm_article_load_bytes() checks that
 * before it calls them): turn any input into such text, so the fuzzer reaches the parsers. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  g_autofree char *copy = g_malloc (size + 1);

  /* NUL bytes would end the text early: read them as spaces */
  for (size_t i = 0; i < size; i++)
    copy[i] = data[i] == 0 ? ' ' : (char) data[i];
  copy[size] = '\0';
  return g_utf8_make_valid (copy, (gssize) size);
}
