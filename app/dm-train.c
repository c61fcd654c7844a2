/* dm-train.c — dramatis-train: trains the tagger and parser models from treebanks
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   dramatis-train tagger --out tagger.model [--heldout LABEL:FILE,…] TRAIN.conllu…
 *   dramatis-train parser --out parser.model --tagger tagger.model [--heldout …] TRAIN.conllu…
 *   dramatis-train evaluate --tagger tagger.model [--parser parser.model] --heldout …
 *   dramatis-train prune --kind parser --min-weight W in.model out.model
 *   dramatis-train convert in.model out.model   (an earlier model format to the current one)
 *   dramatis-train rekey-parser --tagger tagger.model in.model out.model TRAIN.conllu…
 *                  (a parser model keyed the earlier way to this build's keys)
 *   dramatis-train rekey-tagger in.model out.model TRAIN.conllu…   (the same for a tagger)
 *
 * The commands build-aux/models/train.sh runs; see data/models/README.md.
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-train-ner.h"
#include "dm-train-private.h"

int
main (int   argc,
      char *argv[])
{
  if (argc >= 2 && strcmp (argv[1], "tagger") == 0)
    return dm_train_tagger_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "parser") == 0)
    return dm_train_parser_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "evaluate") == 0)
    return dm_train_evaluate_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "prune") == 0)
    return dm_train_prune_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "convert") == 0)
    return dm_train_convert_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "rekey-parser") == 0)
    return dm_train_rekey_parser_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "rekey-tagger") == 0)
    return dm_train_rekey_tagger_main (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "ner") == 0)
    return dm_train_ner_main (argc - 1, argv + 1);

  fprintf (stderr,
           "Usage: %s tagger|parser --out MODEL [--heldout LABEL:FILE,…] TRAIN.conllu…\n"
           "       %s evaluate --tagger MODEL [--parser MODEL] --heldout LABEL:FILE,…\n"
           "       %s prune --kind KIND --min-weight W IN.model OUT.model\n"
           "       %s convert IN.model OUT.model   (an earlier model format to the current one)\n"
           "       %s rekey-parser --tagger MODEL IN.model OUT.model TRAIN.conllu…\n"
           "       %s rekey-tagger IN.model OUT.model TRAIN.conllu…\n"
           "       %s ner --help   (the entity recognizer: see data/models/ner.md)\n"
           "Trains a Dramatis model from CoNLL-U treebanks (see data/models/README.md).\n",
           "dramatis-train", "dramatis-train", "dramatis-train", "dramatis-train", "dramatis-train",
           "dramatis-train", "dramatis-train");
  return 2;
}
