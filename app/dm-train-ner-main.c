/* dm-train-ner-main.c — dramatis-train-ner: the entity recognizer's trainer as a program
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-train-ner.h"

int
main (int    argc,
      char **argv)
{
  return dm_train_ner_main (argc, argv);
}
