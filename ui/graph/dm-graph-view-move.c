/* dm-graph-view-move.c — dragging an actor on the graph canvas
 *
 * A drag that starts on an actor moves that actor rather than the view: while the button is
 * held the actor is drawn where the pointer is, with straight lines to the actors it has
 * edges with (the laid-out scene stays as it is underneath, so the tiles need no repaint).
 * Released on empty canvas it emits "node-moved" with the new centre; released on another
 * actor, "node-dropped" with both (the window offers to merge them). Where the actor is
 * kept is the window's business (the corpus keeps it, the next layout puts it there); until
 * that layout comes the actor is drawn where it was dropped.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "dm-graph-view-private.h"

gboolean
dm_graph_view_move_begin (DmGraphView *self,
                          double       x,
                          double       y)
{
  int node = dm_graph_view_node_at (self, x, y);
  const DmLayoutNode *layout_node;
  double sx, sy;

  self->moving_node = -1;
  self->drop_node = -1;
  self->move_pending = FALSE;
  if (node < 0)
    return FALSE;
  layout_node = &self->scene->layout->nodes[node];
  dm_graph_view_widget_to_scene (self, x, y, &sx, &sy);
  /* the point grabbed stays under the pointer */
  self->move_grab_dx = layout_node->x - sx;
  self->move_grab_dy = layout_node->y - sy;
  self->move_x = layout_node->x;
  self->move_y = layout_node->y;
  self->moving_node = node;
  return TRUE;
}

void
dm_graph_view_move_update (DmGraphView *self,
                           double       x,
                           double       y)
{
  double sx, sy;
  int under;

  if (self->moving_node < 0)
    return;
  /* the hover the drag began with would dim the graph around the actor being placed */
  dm_graph_view_set_hover (self, -1, -1);
  dm_graph_view_widget_to_scene (self, x, y, &sx, &sy);
  self->move_x = sx + self->move_grab_dx;
  self->move_y = sy + self->move_grab_dy;
  under = dm_graph_view_node_at (self, x, y);
  self->drop_node = under != self->moving_node ? under : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dm_graph_view_move_end (DmGraphView *self,
                        double       x,
                        double       y)
{
  int node = self->moving_node;
  int onto;

  if (node < 0)
    return;
  dm_graph_view_move_update (self, x, y);
  onto = self->drop_node;
  self->drop_node = -1;
  /* a view that keeps no places: the actor goes back where it was */
  if (onto < 0 && !self->keeps_places)
    {
      dm_graph_view_move_cancel (self);
      return;
    }
  if (onto >= 0)
    {
      self->moving_node = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      dm_graph_view_emit_node_dropped (self, node, onto);
      return;
    }
  /* drawn where it was dropped until the layout that keeps it there comes */
  self->move_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  dm_graph_view_emit_node_moved (self, node, self->move_x, self->move_y);
}

void
dm_graph_view_move_cancel (DmGraphView *self)
{
  if (self->moving_node < 0)
    return;
  self->moving_node = -1;
  self->drop_node = -1;
  self->move_pending = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dm_graph_view_is_moving (DmGraphView *self)
{
  return self->moving_node >= 0 && !self->move_pending;
}

static void
scene_to_widget (DmGraphView *self,
                 double       sx,
                 double       sy,
                 double      *wx,
                 double      *wy)
{
  graphene_rect_t r;

  dm_graph_view_scene_rect_to_widget (self, sx, sy, 0, 0, &r);
  *wx = r.origin.x;
  *wy = r.origin.y;
}

static void
rounded_box (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h)
{
  double r = MIN (6.0, MIN (w, h) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The actor being moved, where the pointer holds it, and its edges as straight lines. */
void
dm_graph_view_append_move_preview (DmGraphView *self,
                                   GtkSnapshot *snapshot)
{
  DmLayout *layout = self->scene->layout;
  const DmLayoutNode *moving;
  const DmGraphNode *actor;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double cx, cy, bw, bh;
  GdkRGBA fill, stroke;
  g_autoptr(PangoLayout) label = NULL;
  cairo_t *cr;

  if (self->moving_node < 0 || !(self->dragging || self->move_pending) || layout == NULL)
    return;
  moving = &layout->nodes[self->moving_node];
  actor = g_ptr_array_index (layout->graph->nodes, self->moving_node);
  scene_to_widget (self, self->move_x, self->move_y, &cx, &cy);
  bw = moving->width * self->zoom;
  bh = moving->height * self->zoom;
  dm_graph_view_get_actor_type_colors (self, actor->type, &fill, &stroke);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));

  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, &self->palette.accent);
  for (guint e = 0; e < layout->graph->edges->len; e++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (layout->graph->edges, e);
      int other;
      double ox, oy;

      if ((int) edge->source == self->moving_node)
        other = edge->target;
      else if ((int) edge->target == self->moving_node)
        other = edge->source;
      else
        continue;
      if (other == self->moving_node)
        continue;
      scene_to_widget (self, layout->nodes[other].x, layout->nodes[other].y, &ox, &oy);
      cairo_move_to (cr, ox, oy);
      cairo_line_to (cr, cx, cy);
    }
  cairo_stroke (cr);

  /* the actor it would be dropped on, ringed: a drop there offers to merge them */
  if (self->drop_node >= 0)
    {
      const DmLayoutNode *target = &layout->nodes[self->drop_node];
      double tx, ty;

      scene_to_widget (self, target->x, target->y, &tx, &ty);
      rounded_box (cr, tx - target->width * self->zoom / 2 - 4, ty - target->height * self->zoom / 2 - 4,
                   target->width * self->zoom + 8, target->height * self->zoom + 8);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }

  rounded_box (cr, cx - bw / 2, cy - bh / 2, bw, bh);
  cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, 0.9);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &self->palette.accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  label = pango_cairo_create_layout (cr);
  pango_layout_set_text (label, actor->name, -1);
  {
    PangoFontDescription *font = pango_font_description_from_string (self->font_family);
    int lw, lh;

    pango_font_description_set_absolute_size (font, MAX (11.0 * self->zoom, 6.0) * PANGO_SCALE);
    pango_layout_set_font_description (label, font);
    pango_font_description_free (font);
    pango_layout_get_pixel_size (label, &lw, &lh);
    gdk_cairo_set_source_rgba (cr, &self->palette.fg);
    cairo_move_to (cr, cx - lw / 2.0, cy - lh / 2.0);
    pango_cairo_show_layout (cr, label);
  }
  cairo_destroy (cr);
}

void
dm_graph_view_set_keeps_places (DmGraphView *self,
                                gboolean     keeps_places)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  self->keeps_places = keeps_places;
}
