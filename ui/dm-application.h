/* dm-application.h — the Dramatis application: one window, command line, scriptable actions
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dm-window.h"

G_BEGIN_DECLS

#define DM_TYPE_APPLICATION (dm_application_get_type ())

G_DECLARE_FINAL_TYPE (DmApplication, dm_application, DM, APPLICATION, AdwApplication)

DmApplication *dm_application_new                 (const char    *application_id,
                                                   GApplicationFlags flags);
/* The main window, created on first use with the last (or the default) corpus. */
DmWindow      *dm_application_get_window          (DmApplication *self);
/* $XDG_DATA_HOME/dramatis/default.dramatis */
char          *dm_application_dup_default_corpus  (void);

G_END_DECLS
