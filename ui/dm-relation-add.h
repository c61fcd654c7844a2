/* dm-relation-add.h — adds a relation by hand from an evidence sentence
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-corpus.h"

G_BEGIN_DECLS

/* A dialog over @source's window: the sentence of @relation, its actors to pick the source
 * and target from, a verb and its class; "Add" makes the "add-relation" edit. */
void       dm_relation_add_ask        (GtkWidget            *source,
                                       DmCorpus             *corpus,
                                       const DmRelationInfo *relation);
/* A button for an evidence card that asks for it; keeps @relations (holding @relation) alive. */
GtkWidget *dm_relation_add_button_new (DmCorpus             *corpus,
                                       GPtrArray            *relations,
                                       const DmRelationInfo *relation);

G_END_DECLS
