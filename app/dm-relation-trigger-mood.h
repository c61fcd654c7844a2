/* dm-relation-trigger-mood.h — what the words around a trigger say of its act, by word order
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word-order rules' questions about a trigger that decide whether its act was done, is
 * only announced or is something else than its phrase says: an intention ("will release"), a
 * passive without its auxiliary, an act warned against, a diplomat ordered out, a condition.
 */

#pragma once

#include "dm-clause.h"

G_BEGIN_DECLS

/* Is the verb in the future or announced as an intention ("will release", "would boycott",
 * "is prepared to lift", "plans to visit")? */
gboolean dm_trigger_is_intended (const Clause  *c,
                                 const Trigger *t);

/* "two Russian commanders accused of directing strikes": a one-word participle right after a
 * noun, with "of" after it where the active verb takes its object, is a passive without its
 * auxiliary; the noun is the one acted on, and no actor before it acts. */
gboolean dm_trigger_is_reduced_passive (const Clause  *c,
                                        const Trigger *t);

/* Is the trigger a gerund that a preposition makes an act warned against, kept from or left
 * undone ("warned the United States against attacking Y", "barred X from entering Y",
 * "without consulting Y")? Such an act is not done. */
gboolean dm_trigger_is_unrealised_gerund (const Clause  *c,
                                          const Trigger *t);

/* "ordered the French ambassador to leave" by word order: a diplomat ordered out is expelled
 * (PLOVER SANCTION, CAMEO 1663), not a demand, as the tree rules read it. */
gboolean dm_trigger_is_diplomat_ordered_out (const Clause  *c,
                                             const Trigger *t);

/* Does "unless" follow the trigger in its sentence ("will withdraw … unless …")? */
gboolean dm_trigger_is_conditional (const Clause  *c,
                                    const Trigger *t);

G_END_DECLS
