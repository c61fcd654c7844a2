/* dm-relation-bystanders.h — actors named in a sentence that take no part in its acts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The place and the agency of a dateline, and a name that only says where a noun happens or
 * whom its people follow: the relation rules, by tree and by word order, leave them out.
 */

#pragma once

#include "dm-clause.h"

G_BEGIN_DECLS

/* Is the name at DmToken @tok, compounded with the noun at @noun, only where the noun
 * happens ("the London conference") or whom its people follow ("Duterte supporters")? */
gboolean dm_mention_is_place_modifier (const DmRecognition *r,
                                       guint                tok,
                                       guint                noun);
/* Is mention @m in a dateline ("SAN FRANCISCO (Reuters) - …")? */
gboolean dm_mention_in_dateline       (const DmRecognition *r,
                                       const DmRMention    *m);

G_END_DECLS
