/* fuzz-html.c — libFuzzer target: the HTML importer on any page
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
  articles = dm_import_html ("fuzz.html", text, strlen (text), &error);
  /* either articles with valid UTF-8 text, or an error that says why */
  g_assert ((articles == NULL) != (error == NULL));
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      DmArticle *article = g_ptr_array_index (articles, i);

      g_assert (g_utf8_validate (article->text, article->text_len, NULL));
      g_assert (article->title == NULL || g_utf8_validate (article->title, -1, NULL));
    }
  return 0;
}
