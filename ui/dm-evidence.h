/* dm-evidence.h — an evidence sentence as Pango markup, actors and verb highlighted
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-store.h"

G_BEGIN_DECLS

/* The relation's sentence_text, escaped, with the source and target mentions in bold and the
 * trigger (the verb) bold and underlined. Spans outside the sentence are ignored. */
char *dm_evidence_to_markup (const DmRelationInfo *relation);

G_END_DECLS
