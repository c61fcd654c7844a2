/* dm-file-type.c — tells a Dramatis corpus from an article file by its content
 *
 * A corpus is an SQLite database whose header (the first 100 bytes) holds the string
 * "SQLite format 3" and, at byte 68, the big-endian PRAGMA application_id the store stamps
 * into every corpus. The same two checks are the magic of application/x-dramatis in
 * data/io.github.dramatis.Dramatis.mime.xml, so the desktop and the program agree.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-file-type"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dm-store-private.h"
#include "dm-file-type.h"

#define SQLITE_MAGIC              "SQLite format 3"   /* and its NUL: 16 bytes */
#define APPLICATION_ID_OFFSET     68

gboolean
dm_file_type_has_corpus_header (const char *path)
{
  guint8 header[APPLICATION_ID_OFFSET + 4];
  guint32 app_id;
  size_t n;
  FILE *file;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    return FALSE;

  app_id = ((guint32) header[APPLICATION_ID_OFFSET] << 24) |
           ((guint32) header[APPLICATION_ID_OFFSET + 1] << 16) |
           ((guint32) header[APPLICATION_ID_OFFSET + 2] << 8) |
           (guint32) header[APPLICATION_ID_OFFSET + 3];

  return app_id == DM_STORE_APPLICATION_ID;
}

gboolean
dm_file_type_is_corpus (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, DM_CORPUS_SUFFIX) && !g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  return dm_file_type_has_corpus_header (path);
}
