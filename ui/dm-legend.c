/* dm-legend.c — the key to the canvas: actor types, relation families, negated relations
 *
 * A small panel over the graph. Its swatches are drawn in the canvas's own palette (read
 * from the DmGraphView at each draw, so they follow the light or dark style with it); the
 * header button folds the key away to one line and opens it again.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-legend"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-legend.h"

#define SWATCH_WIDTH  28
#define SWATCH_HEIGHT 16

struct _DmLegend
{
  GtkWidget        parent_instance;

  DmGraphView     *view;       /* weak: the canvas whose palette is shown */
  GtkToggleButton *toggle;
  GtkRevealer     *revealer;
};

enum {
  PROP_0,
  PROP_EXPANDED,
  PROP_CHILD_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DmLegend, dm_legend, GTK_TYPE_WIDGET)

/* What a swatch shows: an actor type's node, or a relation family's line (dashed: a
 * negated relation, drawn in the statement colour). */
typedef enum {
  SWATCH_ACTOR,
  SWATCH_FAMILY,
  SWATCH_NEGATED,
} SwatchKind;

static const char *
actor_type_label (DmActorType type)
{
  switch (type)
    {
    case DM_ACTOR_COUNTRY: return _("Countries");
    case DM_ACTOR_OFFICIAL: return _("Officials");
    case DM_ACTOR_PERSON: return _("People");
    case DM_ACTOR_ORGANIZATION: return _("Organisations");
    case DM_ACTOR_GROUP: return _("Groups");
    case DM_N_ACTOR_TYPES: default: break;
    }
  g_return_val_if_reached (NULL);
}

static const char *
family_label (DmClassFamily family)
{
  switch (family)
    {
    case DM_FAMILY_STATEMENT: return _("Statements");
    case DM_FAMILY_VERBAL_COOPERATION: return _("Verbal cooperation");
    case DM_FAMILY_MATERIAL_COOPERATION: return _("Material cooperation");
    case DM_FAMILY_VERBAL_CONFLICT: return _("Verbal conflict");
    case DM_FAMILY_MATERIAL_CONFLICT: return _("Material conflict");
    case DM_N_FAMILIES: default: break;
    }
  g_return_val_if_reached (NULL);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  DmLegend *self = g_object_get_data (G_OBJECT (area), "legend");
  SwatchKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "kind"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "index"));
  GdkRGBA fill, stroke;

  if (self == NULL || self->view == NULL)
    return;

  if (kind == SWATCH_ACTOR)
    {
      dm_graph_view_get_actor_type_colors (self->view, index, &fill, &stroke);
      cairo_save (cr);
      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_scale (cr, width / 2.0 - 2, height / 2.0 - 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &stroke);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      return;
    }

  dm_graph_view_get_family_color (self->view, kind == SWATCH_NEGATED ? DM_FAMILY_STATEMENT : index, &stroke);
  if (kind == SWATCH_NEGATED)
    {
      /* The canvas's dash for negated relations, at its scale 1. */
      double dashes[2] = { 6.0, 4.0 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_move_to (cr, 2, height / 2.0);
  cairo_line_to (cr, width - 2, height / 2.0);
  gdk_cairo_set_source_rgba (cr, &stroke);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
}

static void
add_row (DmLegend   *self,
         GtkGrid    *grid,
         int         row,
         SwatchKind  kind,
         guint       index,
         const char *text)
{
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  g_object_set_data (G_OBJECT (swatch), "legend", self);
  g_object_set_data (G_OBJECT (swatch), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (swatch), "index", GUINT_TO_POINTER (index));
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), SWATCH_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), SWATCH_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_grid_attach (grid, swatch, kind == SWATCH_ACTOR ? 0 : 2, row, 1, 1);
  gtk_grid_attach (grid, label, kind == SWATCH_ACTOR ? 1 : 3, row, 1, 1);
}

static GtkWidget *
build_key (DmLegend *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 2);
  gtk_grid_set_column_spacing (grid, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 8);
  /* Actors on the left, relations on the right. */
  for (guint t = 0; t < DM_N_ACTOR_TYPES; t++)
    add_row (self, grid, t, SWATCH_ACTOR, t, actor_type_label (t));
  for (guint f = 0; f < DM_N_FAMILIES; f++)
    add_row (self, grid, f, SWATCH_FAMILY, f, family_label (f));
  add_row (self, grid, DM_N_FAMILIES, SWATCH_NEGATED, 0, _("Negated (“does not …”)"));
  gtk_widget_set_margin_start (gtk_grid_get_child_at (grid, 2, 0), 12);
  return GTK_WIDGET (grid);
}

static void
toggled_cb (DmLegend        *self,
            GtkToggleButton *toggle)
{
  gboolean expanded = gtk_toggle_button_get_active (toggle);

  gtk_revealer_set_reveal_child (self->revealer, expanded);
  gtk_button_set_icon_name (GTK_BUTTON (toggle), expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (toggle), expanded ? _("Hide the legend") : _("Show the legend"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

/* The key has finished sliding in or out: the legend has its new size (the canvas fits
 * the graph clear of it again, dm-graph-view-fit.c). */
static void
child_revealed_cb (DmLegend    *self,
                   GParamSpec  *pspec,
                   GtkRevealer *revealer)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_REVEALED]);
}

static void
dm_legend_dispose (GObject *object)
{
  DmLegend *self = DM_LEGEND (object);
  GtkWidget *child;

  g_clear_weak_pointer (&self->view);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dm_legend_parent_class)->dispose (object);
}

static void
dm_legend_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, dm_legend_get_expanded (DM_LEGEND (object)));
      break;
    case PROP_CHILD_REVEALED:
      g_value_set_boolean (value, gtk_revealer_get_child_revealed (DM_LEGEND (object)->revealer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_legend_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_EXPANDED:
      dm_legend_set_expanded (DM_LEGEND (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_legend_class_init (DmLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_legend_dispose;
  object_class->get_property = dm_legend_get_property;
  object_class->set_property = dm_legend_set_property;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* as GtkRevealer's: the key is fully shown; notified once the animation is over */
  properties[PROP_CHILD_REVEALED] =
    g_param_spec_boolean ("child-revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dmlegend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dm_legend_init (DmLegend *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Legend"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self), "legend");

  self->toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->toggle), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->toggle));
  gtk_box_append (GTK_BOX (header), title);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->revealer, build_key (self));
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  g_signal_connect_object (self->toggle, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (child_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_toggle_button_set_active (self->toggle, TRUE);
}

GtkWidget *
dm_legend_new (DmGraphView *view)
{
  DmLegend *self;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (view), NULL);

  self = g_object_new (DM_TYPE_LEGEND, NULL);
  g_set_weak_pointer (&self->view, view);
  return GTK_WIDGET (self);
}

gboolean
dm_legend_get_expanded (DmLegend *self)
{
  g_return_val_if_fail (DM_IS_LEGEND (self), FALSE);
  return gtk_toggle_button_get_active (self->toggle);
}

void
dm_legend_set_expanded (DmLegend *self,
                        gboolean  expanded)
{
  g_return_if_fail (DM_IS_LEGEND (self));
  gtk_toggle_button_set_active (self->toggle, expanded);
}

gboolean
dm_legend_get_key_visible (DmLegend *self)
{
  g_return_val_if_fail (DM_IS_LEGEND (self), FALSE);
  return gtk_widget_get_mapped (GTK_WIDGET (self->revealer)) &&
         gtk_revealer_get_child_revealed (self->revealer);
}
