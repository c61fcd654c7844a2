/* write-dense-corpus.c — the views' generated corpus (dense-corpus.h) as a corpus file, to
 * look at in the window or time by hand
 *
 * write-dense-corpus PATH [ACTORS PAIRS ARTICLES SEED]: 500 actors, 1,100 pairs and 420
 * articles by default, the size of a year of one outlet's politics desk.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dense-corpus.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  DmStore *store;
  gint64 hub;

  if (argc != 2 && argc != 6)
    {
      fprintf (stderr, "usage: %s PATH [ACTORS PAIRS ARTICLES SEED]\n", argv[0]);
      return 2;
    }
  if (!(store = dm_store_open (argv[1], &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (argc == 6)
    hub = dense_corpus_fill (store, atoi (argv[2]), atoi (argv[3]), atoi (argv[4]), strtoul (argv[5], NULL, 10));
  else
    hub = dense_corpus_fill (store, 500, 1100, 420, 20260105);
  printf ("largest hub: actor %" G_GINT64_FORMAT "\n", hub);
  dm_store_free (store);
  return 0;
}
