/* dm-relation-bystanders.h — actors named in a sentence that take no part in its acts
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The place and the agency of a dateline, a name that only says where a noun happens or whom
 * its people follow, one that only modifies another verb's subject or is named in a claim
 * the act is on: the relation rules, by tree and by word order, leave them out.
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
/* In a parsed sentence, is mention @m only a modifier inside the subject of a verb other than
 * the trigger, a noun that is no actor ("insisted the referendum on the EU constitution will
 * go ahead": the referendum goes ahead, the EU is no one's target)? A body that acts for
 * what it belongs to ("demanded that Y's troops leave") or a title passes it on. */
gboolean dm_mention_modifies_other_subject (const Clause  *c,
                                            int            m,
                                            const Trigger *t);
/* In a parsed sentence, is mention @m named in what a noun the trigger acts on says ("rejected
 * claims that he was at odds with Y", "dismissed reports that Y had resigned")? The act is on
 * the claim, not on whom it is about. */
gboolean dm_mention_in_content_of_object (const Clause  *c,
                                          int            m,
                                          const Trigger *t);

G_END_DECLS
