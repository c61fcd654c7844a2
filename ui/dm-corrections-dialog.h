/* dm-corrections-dialog.h — the corpus's corrections as rules: list, switch off, share
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dm-window.h"

G_BEGIN_DECLS

#define DM_TYPE_CORRECTIONS_DIALOG (dm_corrections_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DmCorrectionsDialog, dm_corrections_dialog, DM, CORRECTIONS_DIALOG, AdwWindow)

/* The rules of @window's corpus; follows its edits while open. */
GtkWidget *dm_corrections_dialog_new      (DmWindow            *window);
/* The rules shown (rows), once loaded; for tests. */
guint      dm_corrections_dialog_get_n_rules (DmCorrectionsDialog *self);

G_END_DECLS
