/* write-articles.c — generated articles as files and as JSON Lines, for the shard test and
 * benchmark
 *
 * write-articles DIR N SEED JSONL: N articles of dm-test-articles.h as DIR/article-NNNN.txt,
 * and the same texts in JSONL as `extract --stdin-jsonl` reads them, one
 * {"id": "DIR/article-NNNN.txt", "text": …} a line, so that an article read from standard input
 * has the id and text a direct import of the file gives it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dm-json.h"
#include "dm-test-articles.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (argc != 5)
    {
      fprintf (stderr, "usage: write-articles DIR N SEED JSONL\n");
      return 2;
    }

  paths = dm_test_articles_write (argv[1], "article", 1, (guint) atoi (argv[2]),
                                  (guint32) strtoul (argv[3], NULL, 10), NULL);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *text = NULL;

      if (!g_file_get_contents (path, &text, NULL, &error))
        break;
      g_string_append (out, "{\"id\":");
      dm_json_append_string (out, path);
      g_string_append (out, ",\"text\":");
      dm_json_append_string (out, text);
      g_string_append (out, "}\n");
    }

  if (error == NULL)
    g_file_set_contents (argv[4], out->str, out->len, &error);
  if (error != NULL)
    {
      fprintf (stderr, "write-articles: %s\n", error->message);
      return 1;
    }
  return 0;
}
