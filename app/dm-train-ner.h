/* dm-train-ner.h — trains the entity recognizer's model (data/models/ner.model)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `dramatis-train ner …`: the command line of the trainer; returns the exit status. */
int dm_train_ner_main (int    argc,
                       char **argv);

G_END_DECLS
