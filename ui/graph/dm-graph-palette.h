/* dm-graph-palette.h — the colours the graph canvas draws with, light or dark
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef struct {
  GdkRGBA fill;
  GdkRGBA stroke;
} DmTypeColors;

typedef struct {
  gboolean     dark;
  GdkRGBA      fg;
  GdkRGBA      bg;
  GdkRGBA      accent;
  DmTypeColors types[DM_N_ACTOR_TYPES];
  GdkRGBA      family[DM_N_FAMILIES];        /* relation lines */
  GdkRGBA      family_text[DM_N_FAMILIES];   /* relation labels */
  GdkRGBA      group_fill[DM_N_ACTOR_TYPES]; /* a group's box, by the type of its head */
  GdkRGBA      group_line[DM_N_ACTOR_TYPES];
  GdkRGBA      group_text;                   /* a group's name */
} DmGraphPalette;

/* Reads @widget's style (foreground, view background, accent): the palette follows the
 * light or dark stylesheet libadwaita loads. */
void dm_graph_palette_update (DmGraphPalette *palette,
                              GtkWidget      *widget);

G_END_DECLS
