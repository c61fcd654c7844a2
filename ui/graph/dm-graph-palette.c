/* dm-graph-palette.c — the colours the graph canvas draws with, light or dark
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-palette"

#include "config.h"

#include "dm-graph.h"
#include "dm-graph-palette.h"

/* Actor types take the hues the exported images use (dm-graph.c's DOT styles), so the
 * canvas and a PNG of it agree; the dark variants are lightened to read on dark grey (and
 * filled with a mix of stroke and page). */
static const struct {
  const char *stroke_light, *fill_light, *stroke_dark;
} type_colors[DM_N_ACTOR_TYPES] = {
  [DM_ACTOR_COUNTRY] = { "#3d6e99", "#cfe2f3", "#8fb8e0" },
  [DM_ACTOR_OFFICIAL] = { "#a68a2b", "#fff2cc", "#e0c463" },
  [DM_ACTOR_PERSON] = { "#a04f76", "#f4dbe7", "#e59cc0" },
  [DM_ACTOR_ORGANIZATION] = { "#5e4fa2", "#e4def7", "#b3a6ee" },
  [DM_ACTOR_GROUP] = { "#b25f12", "#fde3cb", "#f0a35e" },
};

/* Relation families: line and label colours, light and dark. */
static const struct {
  const char *line_light, *line_dark, *text_light, *text_dark;
} family_colors[DM_N_FAMILIES] = {
  [DM_FAMILY_STATEMENT] = { "#77767b", "#9a9996", "#5e5c64", "#c0bfbc" },
  [DM_FAMILY_VERBAL_COOPERATION] = { "#3584e4", "#62a0ea", "#1a5fb4", "#99c1f1" },
  [DM_FAMILY_MATERIAL_COOPERATION] = { "#26a269", "#57e389", "#1b7a4e", "#8ff0a4" },
  [DM_FAMILY_VERBAL_CONFLICT] = { "#e66100", "#ffa348", "#a33f00", "#ffbe6f" },
  [DM_FAMILY_MATERIAL_CONFLICT] = { "#c01c28", "#f66151", "#a51d2d", "#ff7b63" },
};

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  return (GdkRGBA) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

void
dm_graph_palette_update (DmGraphPalette *p,
                         GtkWidget      *widget)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &p->fg);
  /* Follows AdwStyleManager: libadwaita swaps the stylesheet, which changes the colours. */
  p->dark = luminance (&p->fg) > 0.5;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &p->bg) &&
      !gtk_style_context_lookup_color (context, "theme_base_color", &p->bg))
    gdk_rgba_parse (&p->bg, p->dark ? "#1e1e1e" : "#ffffff");
  if (!gtk_style_context_lookup_color (context, "accent_color", &p->accent) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &p->accent))
    gdk_rgba_parse (&p->accent, p->dark ? "#78aeed" : "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS

  p->bg.alpha = 1.0;
  p->fg.alpha = 1.0;

  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    {
      gdk_rgba_parse (&p->types[i].stroke, p->dark ? type_colors[i].stroke_dark : type_colors[i].stroke_light);
      if (p->dark)
        p->types[i].fill = mix (&p->bg, &p->types[i].stroke, 0.3);
      else
        gdk_rgba_parse (&p->types[i].fill, type_colors[i].fill_light);
      /* Group boxes: the exported images' wash in light; in dark a faint tint of the head's
       * hue over the page, so that the box stays behind the actors in both */
      if (p->dark)
        {
          p->group_fill[i] = mix (&p->bg, &p->types[i].stroke, 0.09);
          p->group_line[i] = mix (&p->bg, &p->types[i].stroke, 0.38);
        }
      else
        {
          gdk_rgba_parse (&p->group_fill[i], dm_graph_actor_type_get_group_fill_color (i));
          gdk_rgba_parse (&p->group_line[i], dm_graph_actor_type_get_group_line_color (i));
        }
    }
  p->group_text = mix (&p->fg, &p->bg, 0.4);
  for (guint i = 0; i < DM_N_FAMILIES; i++)
    {
      gdk_rgba_parse (&p->family[i], p->dark ? family_colors[i].line_dark : family_colors[i].line_light);
      gdk_rgba_parse (&p->family_text[i], p->dark ? family_colors[i].text_dark : family_colors[i].text_light);
    }
}
