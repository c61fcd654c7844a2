/* dm-graph-view-fit.c — fitting the graph to the canvas clear of the widgets drawn over it
 *
 * The window lays bars and the legend over the canvas (a GtkOverlay). Fitting the graph to
 * the whole canvas would put actors under them. Each such widget is an obstruction: where
 * it sits follows from its alignment and margins, as GtkOverlay places it, and its natural
 * size, so the fit needs no allocation (which the overlay makes after the canvas's). The
 * fit tries, for each obstruction, to ignore it, to keep the graph above or below it, or
 * beside it, each a little smaller too, and takes the largest zoom at which no actor is
 * covered.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>

#include "dm-graph-view-private.h"

#define MAX_OBSTRUCTIONS 4
#define OBSTRUCTION_PAD  6.0   /* widget pixels kept between an actor and an overlaid widget */
#define ZOOM_STEP_DOWN   0.97

static void
obstruction_changed_cb (GtkWidget   *widget,
                        GParamSpec  *pspec,
                        DmGraphView *self)
{
  if (!self->view_moved)
    dm_graph_view_zoom_to_fit (self);
}

void
dm_graph_view_add_obstruction (DmGraphView *self,
                               GtkWidget   *widget)
{
  GWeakRef *ref;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->obstructions == NULL)
    self->obstructions = g_ptr_array_new_with_free_func (dm_graph_view_weak_ref_free);
  g_return_if_fail (self->obstructions->len < MAX_OBSTRUCTIONS);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, widget);
  g_ptr_array_add (self->obstructions, ref);
  g_signal_connect_object (widget, "notify::visible", G_CALLBACK (obstruction_changed_cb), self, 0);
  g_signal_connect_object (widget, "notify::reveal-child", G_CALLBACK (obstruction_changed_cb), self, 0);
  /* one that slides part of itself in or out (the legend) says so when it has its new size,
   * as a GtkRevealer does */
  g_signal_connect_object (widget, "notify::child-revealed", G_CALLBACK (obstruction_changed_cb), self, 0);
}

void
dm_graph_view_weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static double
place (GtkAlign align,
       double   extent,
       double   size)
{
  switch (align)
    {
    case GTK_ALIGN_START:
      return 0;
    case GTK_ALIGN_END:
      return extent - size;
    case GTK_ALIGN_FILL:
    case GTK_ALIGN_CENTER:
    case GTK_ALIGN_BASELINE:
    default:
      return (extent - size) / 2;
    }
}

/* Where @widget covers a @width × @height canvas, margins included; FALSE when it shows
 * nothing. A revealer counts as its child once it is to be revealed, whatever its
 * transition has reached. */
static gboolean
obstruction_rect (GtkWidget       *widget,
                  double           width,
                  double           height,
                  graphene_rect_t *rect)
{
  GtkWidget *shown = widget;
  int w, h;
  double bw, bh;

  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_REVEALER (widget))
    {
      if (!gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
        return FALSE;
      shown = gtk_revealer_get_child (GTK_REVEALER (widget));
      if (shown == NULL || !gtk_widget_get_visible (shown))
        return FALSE;
    }
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (shown, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  if (shown != widget)
    {
      w += gtk_widget_get_margin_start (shown) + gtk_widget_get_margin_end (shown);
      h += gtk_widget_get_margin_top (shown) + gtk_widget_get_margin_bottom (shown);
    }
  bw = MIN (w + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget), width);
  bh = MIN (h + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget), height);
  graphene_rect_init (rect, place (gtk_widget_get_halign (widget), width, bw),
                      place (gtk_widget_get_valign (widget), height, bh), bw, bh);
  return bw > 0 && bh > 0;
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

/* How an obstruction can be kept clear of: not at all, by keeping the graph above or below
 * it (a band across the canvas), or beside it (a band down the canvas). */
enum { AVOID_NONE, AVOID_ACROSS, AVOID_DOWN, N_AVOID };

/* Narrows @area so that it leaves @r out, by a band across (or down) the canvas on the side
 * of @r's nearer edge. */
static void
narrow (Box                   *area,
        const graphene_rect_t *r,
        int                    how,
        double                 width,
        double                 height)
{
  if (how == AVOID_ACROSS)
    {
      if (r->origin.y + r->size.height / 2 < height / 2)
        area->y0 = MAX (area->y0, r->origin.y + r->size.height + OBSTRUCTION_PAD);
      else
        area->y1 = MIN (area->y1, r->origin.y - OBSTRUCTION_PAD);
    }
  else if (how == AVOID_DOWN)
    {
      if (r->origin.x + r->size.width / 2 < width / 2)
        area->x0 = MAX (area->x0, r->origin.x + r->size.width + OBSTRUCTION_PAD);
      else
        area->x1 = MIN (area->x1, r->origin.x - OBSTRUCTION_PAD);
    }
}

/* Whether an actor of the layout, drawn at @zoom with the layout centred in @area, meets
 * one of the @n obstructions. */
static gboolean
covers_actor (DmGraphView           *self,
              const Box             *area,
              double                 zoom,
              const graphene_rect_t *rects,
              guint                  n)
{
  DmLayout *layout = self->scene->layout;
  double ox = (area->x0 + area->x1) / 2 - layout->width / 2 * zoom;
  double oy = (area->y0 + area->y1) / 2 - layout->height / 2 * zoom;

  for (guint i = 0; i < layout->graph->nodes->len; i++)
    {
      const DmLayoutNode *node = &layout->nodes[i];
      double x0 = ox + (node->x - node->width / 2) * zoom - OBSTRUCTION_PAD;
      double y0 = oy + (node->y - node->height / 2) * zoom - OBSTRUCTION_PAD;
      double x1 = ox + (node->x + node->width / 2) * zoom + OBSTRUCTION_PAD;
      double y1 = oy + (node->y + node->height / 2) * zoom + OBSTRUCTION_PAD;

      for (guint k = 0; k < n; k++)
        if (x0 < rects[k].origin.x + rects[k].size.width && rects[k].origin.x < x1 &&
            y0 < rects[k].origin.y + rects[k].size.height && rects[k].origin.y < y1)
          return TRUE;
    }
  return FALSE;
}

gboolean
dm_graph_view_fit_clear (DmGraphView *self,
                         double       margin,
                         double       max_zoom,
                         double      *zoom,
                         double      *center_x,
                         double      *center_y)
{
  DmLayout *layout = self->scene->layout;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t rects[MAX_OBSTRUCTIONS];
  guint n = 0, n_choices = 1;
  gboolean found = FALSE;
  double best = 0;
  Box best_area = { 0 };

  if (layout == NULL || layout->width <= 0 || layout->height <= 0 || width <= 0 || height <= 0)
    return FALSE;
  for (guint i = 0; self->obstructions != NULL && i < self->obstructions->len; i++)
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (self->obstructions->pdata[i]);

      if (widget != NULL && obstruction_rect (widget, width, height, &rects[n]))
        {
          n++;
          n_choices *= N_AVOID;
        }
    }

  /* every way of keeping clear of each: 3^n fits, n at most 4 */
  for (guint choice = 0; choice < n_choices; choice++)
    {
      Box area = { margin, margin, width - margin, height - margin };
      guint c = choice;
      double z;

      for (guint k = 0; k < n; k++, c /= N_AVOID)
        narrow (&area, &rects[k], c % N_AVOID, width, height);
      if (area.x1 - area.x0 < 16 || area.y1 - area.y0 < 16)
        continue;
      z = MIN ((area.x1 - area.x0) / layout->width, (area.y1 - area.y0) / layout->height);
      z = MIN (z, max_zoom);
      /* a graph a little smaller than the area often leaves the corners free */
      for (; z > best; z *= ZOOM_STEP_DOWN)
        if (!covers_actor (self, &area, z, rects, n))
          {
            best = z;
            best_area = area;
            found = TRUE;
            break;
          }
    }
  if (!found)
    return FALSE;

  *zoom = best;
  /* the scene point at the widget's centre, with the layout's centre at the area's */
  *center_x = layout->width / 2 - ((best_area.x0 + best_area.x1) / 2 - width / 2) / best;
  *center_y = layout->height / 2 - ((best_area.y0 + best_area.y1) / 2 - height / 2) / best;
  return TRUE;
}
