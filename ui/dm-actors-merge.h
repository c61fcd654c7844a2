/* dm-actors-merge.h — the bar under the actors list that merges the selected actors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A revealer, shown while two or more actors (DmActorItem) of @selection are selected, with
 * a button that merges them into the one mentioned most ("win.edit", dm-edit.h). */
GtkWidget *dm_actors_merge_bar_new (GtkSelectionModel *selection);

G_END_DECLS
