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

#include "dm-article.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The importers take valid UTF-8 without NUL bytes (dm_import_load_bytes() checks that
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

/* What every importer promises: articles with valid UTF-8 text and title, or an error that
 * says why — never both, never neither. */
static inline void
fuzz_check_import (GPtrArray *articles,
                   GError    *error)
{
  g_assert ((articles == NULL) != (error == NULL));
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      DmArticle *article = g_ptr_array_index (articles, i);

      g_assert (g_utf8_validate (article->text, article->text_len, NULL));
      g_assert (article->title == NULL || g_utf8_validate (article->title, -1, NULL));
    }
}
