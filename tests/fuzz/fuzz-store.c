/* fuzz-store.c — libFuzzer target: any article through extraction into a corpus and back
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "dm-extractor.h"
#include "dm-import.h"
#include "dm-store-write.h"
#include "fuzz-common.h"

static DmStore *store;
static char *store_dir;

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_pointer (&store, dm_store_free);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store_dir, "/fuzz.dramatis", suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  store_dir = g_dir_make_tmp ("dramatis-fuzz-XXXXXX", NULL);
  path = g_build_filename (store_dir, "fuzz.dramatis", NULL);
  store = dm_store_open (path, &error);
  g_assert_no_error (error);
  atexit (remove_store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_bytes ("fuzz.txt", bytes, &error);

  if (store == NULL)
    open_store ();

  while (articles != NULL && articles->len > 0)
    {
      DmArticle *article = g_ptr_array_steal_index (articles, 0);
      g_autoptr(DmAnalysis) analysis = dm_extractor_analyze (dm_extractor_get_default (), article);
      g_autoptr(GError) store_error = NULL;
      gint64 id = 0;
      gboolean added = FALSE;

      /* the corpus takes the article whole (or says it has it already) */
      g_assert (dm_store_add_analysis (store, analysis, &id, &added, &store_error));
      g_assert_no_error (store_error);
      g_assert (id > 0);
      if (added)
        {
          g_autoptr(DmArticleInfo) info = dm_store_get_article (store, id, &store_error);
          g_autofree char *text = NULL;

          g_assert_no_error (store_error);
          g_assert (info != NULL);
          g_assert (info->n_relations == analysis->relations->len);
          text = dm_store_get_article_text (store, id, &store_error);
          g_assert_no_error (store_error);
          g_assert (strcmp (text, analysis->article->text) == 0);
        }
    }
  return 0;
}
