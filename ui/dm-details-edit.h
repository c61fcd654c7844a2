/* dm-details-edit.h — the corrections the details panel offers on an actor and on a relation
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-store.h"

G_BEGIN_DECLS

/* A group of rows: name (renamed in place), type, role, affiliation, each alias to split
 * off, and "Not an Actor". Each change is a "win.edit" (dm-edit.h). */
GtkWidget *dm_details_actor_editor_new  (const DmActorInfo    *actor,
                                         const char * const   *aliases);
/* A menu button for one evidence sentence: delete, flip, negate, change class; and
 * "delete every relation between the two". */
GtkWidget *dm_details_relation_menu_new (const DmRelationInfo *relation);

G_END_DECLS
