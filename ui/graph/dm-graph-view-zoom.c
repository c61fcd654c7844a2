/* dm-graph-view-zoom.c — where the graph canvas's scene sits in the widget: zoom and pan
 *
 * The view is a zoom and the scene point at the widget's centre. Everything between
 * widget and scene coordinates goes through dm_graph_view_get_origin(), snapped to device
 * pixels so tiles land on whole pixels.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>

#include "dm-graph-view-private.h"

#define MAX_FIT_ZOOM     1.5      /* small graphs are not blown up by zoom-to-fit */
#define FIT_MARGIN       24.0     /* widget pixels around the graph when fitted */
#define ZOOM_STEP        1.25

/* View transform ----------------------------------------------------------------------- */

/* The zoomed-scene coordinate of the widget's top-left corner, snapped to device pixels so
 * tiles land on whole pixels. Drawing and hit-testing both go through it. */
void
dm_graph_view_get_origin (DmGraphView *self,
                          double      *ox,
                          double      *oy)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  *ox = round ((self->center_x * self->zoom - w / 2) * scale) / scale;
  *oy = round ((self->center_y * self->zoom - h / 2) * scale) / scale;
}

void
dm_graph_view_widget_to_scene (DmGraphView *self,
                               double       wx,
                               double       wy,
                               double      *sx,
                               double      *sy)
{
  double ox, oy;

  dm_graph_view_get_origin (self, &ox, &oy);
  *sx = (wx + ox) / self->zoom;
  *sy = (wy + oy) / self->zoom;
}

/* A scene rectangle (x, y, width, height in scene points) in widget coordinates. */
void
dm_graph_view_scene_rect_to_widget (DmGraphView     *self,
                                    double           x,
                                    double           y,
                                    double           width,
                                    double           height,
                                    graphene_rect_t *bounds)
{
  double ox, oy, x0, y0, x1, y1;

  dm_graph_view_get_origin (self, &ox, &oy);
  x0 = x * self->zoom - ox;
  y0 = y * self->zoom - oy;
  x1 = (x + width) * self->zoom - ox;
  y1 = (y + height) * self->zoom - oy;
  graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
}

/* Zoom and pan ------------------------------------------------------------------------- */

static double
fit_zoom (DmGraphView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  double z;

  if (self->scene->layout == NULL || self->scene->layout->width <= 0 || self->scene->layout->height <= 0)
    return 1.0;
  z = MIN (MAX (w, 16) / self->scene->layout->width, MAX (h, 16) / self->scene->layout->height);
  return MIN (z, MAX_FIT_ZOOM);
}

double
dm_graph_view_get_min_zoom (DmGraphView *self)
{
  if (self->scene->layout == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return 0.01;
  return CLAMP (fit_zoom (self) * 0.5, 0.01, 0.25);
}

void
dm_graph_view_clamp_center (DmGraphView *self)
{
  double w = self->scene->layout != NULL ? self->scene->layout->width : 0;
  double h = self->scene->layout != NULL ? self->scene->layout->height : 0;

  self->center_x = CLAMP (self->center_x, 0, MAX (w, 0));
  self->center_y = CLAMP (self->center_y, 0, MAX (h, 0));
}

void
dm_graph_view_update_zoom_actions (DmGraphView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-in", self->zoom < DM_GRAPH_VIEW_MAX_ZOOM - 1e-9);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-out", self->zoom > dm_graph_view_get_min_zoom (self) + 1e-9);
}

void
dm_graph_view_set_center (DmGraphView *self,
                          double       cx,
                          double       cy)
{
  self->center_x = cx;
  self->center_y = cy;
  self->view_moved = TRUE;
  dm_graph_view_clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dm_graph_view_zoom_at (DmGraphView *self,
                       double       zoom,
                       double       x,
                       double       y)
{
  double sx, sy, w, h;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  zoom = CLAMP (zoom, dm_graph_view_get_min_zoom (self), DM_GRAPH_VIEW_MAX_ZOOM);
  self->fit_pending = FALSE;
  if (fabs (zoom - self->zoom) < 1e-9)
    return;
  self->view_moved = TRUE;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  /* The scene point under (x, y) stays there: exact, not through the snapped origin. */
  sx = self->center_x + (x - w / 2) / self->zoom;
  sy = self->center_y + (y - h / 2) / self->zoom;
  self->center_x = sx - (x - w / 2) / zoom;
  self->center_y = sy - (y - h / 2) / zoom;
  dm_graph_view_clamp_center (self);
  dm_graph_view_apply_zoom (self, zoom);
}

void
dm_graph_view_pan_by (DmGraphView *self,
                      double       dx,
                      double       dy)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  dm_graph_view_set_center (self, self->center_x + dx / self->zoom, self->center_y + dy / self->zoom);
}

double
dm_graph_view_get_zoom (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 1.0);
  return self->zoom;
}

void
dm_graph_view_set_zoom (DmGraphView *self,
                        double       zoom)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  dm_graph_view_zoom_at (self, zoom,
                         gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Keys and buttons zoom around the selected actor while it is in view, so it stays
 * where the eye is; otherwise around the middle. */
static void
zoom_step (DmGraphView *self,
           double       factor)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double x = w / 2, y = h / 2;
  graphene_rect_t r;

  if (dm_graph_view_get_node_bounds (self, self->selected_node, &r))
    {
      double nx = r.origin.x + r.size.width / 2, ny = r.origin.y + r.size.height / 2;

      if (nx >= 0 && nx <= w && ny >= 0 && ny <= h)
        {
          x = nx;
          y = ny;
        }
    }
  dm_graph_view_zoom_at (self, self->zoom * factor, x, y);
}

void
dm_graph_view_zoom_in (DmGraphView *self)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  zoom_step (self, ZOOM_STEP);
}

void
dm_graph_view_zoom_out (DmGraphView *self)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  zoom_step (self, 1 / ZOOM_STEP);
}

void
dm_graph_view_zoom_to_fit (DmGraphView *self)
{
  double zoom;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (self->scene->layout == NULL)
    return;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  self->view_moved = FALSE;
  /* clear of the bars and the legend over the canvas where there is room, else as a whole */
  if (!dm_graph_view_fit_clear (self, FIT_MARGIN, MAX_FIT_ZOOM, &zoom, &self->center_x, &self->center_y))
    {
      zoom = fit_zoom (self);
      self->center_x = self->scene->layout->width / 2;
      self->center_y = self->scene->layout->height / 2;
    }
  zoom = CLAMP (zoom, 0.01, DM_GRAPH_VIEW_MAX_ZOOM);
  dm_graph_view_apply_zoom (self, zoom);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
dm_graph_view_get_fit_zoom (DmGraphView *self)
{
  double zoom, cx, cy;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 0);

  if (self->scene->layout == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return 0;
  if (!dm_graph_view_fit_clear (self, FIT_MARGIN, MAX_FIT_ZOOM, &zoom, &cx, &cy))
    zoom = fit_zoom (self);
  return CLAMP (zoom, 0.01, DM_GRAPH_VIEW_MAX_ZOOM);
}

double
dm_graph_view_get_label_zoom (DmGraphView *self,
                              double       px)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), 0);

  return dm_graph_scene_get_label_zoom (self->scene, px);
}

/* Geometry in widget coordinates ------------------------------------------------------- */

void
dm_graph_view_get_center (DmGraphView *self,
                          double      *x,
                          double      *y)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (x != NULL)
    *x = self->center_x;
  if (y != NULL)
    *y = self->center_y;
}

gboolean
dm_graph_view_get_node_bounds (DmGraphView     *self,
                               int              node,
                               graphene_rect_t *bounds)
{
  const DmSceneNode *g;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (node < 0 || node >= (int) self->scene->n_nodes)
    return FALSE;
  g = &self->scene->nodes[node];
  dm_graph_view_scene_rect_to_widget (self, g->x, g->y, g->width, g->height, bounds);
  return TRUE;
}

void
dm_graph_view_get_scene_bounds (DmGraphView     *self,
                                graphene_rect_t *bounds)
{
  g_return_if_fail (DM_IS_GRAPH_VIEW (self));
  g_return_if_fail (bounds != NULL);

  if (self->scene->layout == NULL)
    graphene_rect_init (bounds, 0, 0, 0, 0);
  else
    dm_graph_view_scene_rect_to_widget (self, 0, 0, self->scene->layout->width, self->scene->layout->height, bounds);
}

void
dm_graph_view_reveal_node (DmGraphView *self,
                           int          node)
{
  graphene_rect_t r;
  double w, h, margin = 32, dx = 0, dy = 0;

  g_return_if_fail (DM_IS_GRAPH_VIEW (self));

  if (self->scene->layout == NULL || node < 0 || node >= (int) self->scene->n_nodes)
    return;
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0 || self->fit_pending)
    return;

  dm_graph_view_get_node_bounds (self, node, &r);
  if (r.size.width > w - 2 * margin || r.size.height > h - 2 * margin)
    {
      double cx, cy;

      dm_graph_scene_get_node_center (self->scene, node, &cx, &cy);
      dm_graph_view_set_center (self, cx, cy);
      return;
    }
  if (r.origin.x < margin)
    dx = r.origin.x - margin;
  else if (r.origin.x + r.size.width > w - margin)
    dx = r.origin.x + r.size.width - (w - margin);
  if (r.origin.y < margin)
    dy = r.origin.y - margin;
  else if (r.origin.y + r.size.height > h - margin)
    dy = r.origin.y + r.size.height - (h - margin);
  if (dx != 0 || dy != 0)
    dm_graph_view_pan_by (self, dx, dy);
}
