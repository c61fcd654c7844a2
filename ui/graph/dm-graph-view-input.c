/* dm-graph-view-input.c — the graph canvas's pointer, touch and keyboard input
 *
 * Click selects, double-click activates, drag pans (or, from an actor, moves it:
 * dm-graph-view-move.c), Ctrl+scroll and pinch zoom, a touchpad
 * swipe pans on kinetically. Keys go through widget actions (graph.*, listed in
 * dm-graph-view.h): Tab walks the actors in reading order, arrows go to the nearest actor
 * in that direction.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>

#include "dm-graph-view-private.h"

/* Pointer and touch -------------------------------------------------------------------- */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DmGraphView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (!self->dragging)
    dm_graph_view_hover_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          DmGraphView              *self)
{
  self->pointer_inside = FALSE;
  if (!self->dragging)
    dm_graph_view_set_hover (self, -1, -1);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  DmGraphView     *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    dm_graph_view_click_at (self, x, y, 2);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DmGraphView     *self)
{
  if (n_press == 1 && !self->dragging)
    dm_graph_view_click_at (self, x, y, 1);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DmGraphView    *self)
{
  dm_graph_view_stop_kinetic (self);
  self->drag_start_cx = self->center_x;
  self->drag_start_cy = self->center_y;
  self->dragging = FALSE;
  /* on an actor the drag moves it, elsewhere it pans */
  dm_graph_view_move_begin (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                DmGraphView    *self)
{
  /* Two fingers pinch: the pinch pans too, the first finger's drag must not. */
  if (gtk_gesture_is_recognized (self->pinch))
    {
      dm_graph_view_move_cancel (self);
      self->drag_start_cx = self->center_x + dx / self->zoom;
      self->drag_start_cy = self->center_y + dy / self->zoom;
      return;
    }

  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  if (dm_graph_view_is_moving (self))
    {
      double x, y;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      dm_graph_view_move_update (self, x + dx, y + dy);
      return;
    }
  dm_graph_view_set_center (self, self->drag_start_cx - dx / self->zoom, self->drag_start_cy - dy / self->zoom);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             DmGraphView    *self)
{
  if (!self->dragging)
    {
      dm_graph_view_move_cancel (self);
      return;
    }
  if (dm_graph_view_is_moving (self))
    {
      double x, y;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      dm_graph_view_move_end (self, x + dx, y + dy);
    }
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (self->pointer_inside)
    dm_graph_view_hover_at (self, self->pointer_x, self->pointer_y);
}

void
dm_graph_view_stop_kinetic (DmGraphView *self)
{
  if (self->kinetic_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
      self->kinetic_tick = 0;
    }
}

/* A touchpad swipe carries on and slows down, as in a scrolled window. */
static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_time) / (double) G_USEC_PER_SEC;
  double decay;

  self->kinetic_time = now;
  dt = CLAMP (dt, 0, 0.1);
  decay = exp (-dt / 0.325);
  dm_graph_view_pan_by (self, self->kinetic_vx * dt, self->kinetic_vy * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;
  if (hypot (self->kinetic_vx, self->kinetic_vy) < 20)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
decelerate_cb (GtkEventControllerScroll *controller,
               double                    vx,
               double                    vy,
               DmGraphView              *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  dm_graph_view_stop_kinetic (self);
  if (clock == NULL || self->scene->layout == NULL || self->scroll_zoomed)
    return;
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL, NULL);
}

static void
scroll_begin_cb (GtkEventControllerScroll *controller,
                 DmGraphView              *self)
{
  dm_graph_view_stop_kinetic (self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DmGraphView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->scene->layout == NULL)
    return FALSE;

  self->scroll_zoomed = (state & GDK_CONTROL_MASK) != 0;
  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.2, -dy) : exp (-dy * 0.01);

      dm_graph_view_zoom_at (self, self->zoom * factor, x, y);
      return TRUE;
    }

  if (wheel)
    {
      if ((state & GDK_SHIFT_MASK) && dx == 0)
        {
          dx = dy;
          dy = 0;
        }
      dx *= 60;
      dy *= 60;
    }
  dm_graph_view_pan_by (self, dx, dy);
  /* The content moved under the pointer (no hover while an actor is dragged). */
  if (self->pointer_inside && !self->dragging)
    dm_graph_view_hover_at (self, x, y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DmGraphView      *self)
{
  double x, y, w, h;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      x = w / 2;
      y = h / 2;
    }
  self->pinch_start_zoom = self->zoom;
  self->pinch_scene_x = self->center_x + (x - w / 2) / self->zoom;
  self->pinch_scene_y = self->center_y + (y - h / 2) / self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       DmGraphView    *self)
{
  double x, y, w, h, zoom;

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = w / 2;
      y = h / 2;
    }
  zoom = CLAMP (self->pinch_start_zoom * scale, dm_graph_view_get_min_zoom (self), DM_GRAPH_VIEW_MAX_ZOOM);
  dm_graph_view_apply_zoom (self, zoom);
  /* The pinched point follows the fingers, so pinching also pans. */
  dm_graph_view_set_center (self, self->pinch_scene_x - (x - w / 2) / zoom, self->pinch_scene_y - (y - h / 2) / zoom);
}

/* Keyboard ----------------------------------------------------------------------------- */

static void
select_step (DmGraphView *self,
             int          step)
{
  int position, node;

  if (self->scene->n_nodes == 0)
    return;

  if (self->selected_node >= 0)
    position = self->scene->tab_position[self->selected_node] + step;
  else
    position = step > 0 ? 0 : (int) self->scene->n_nodes - 1;

  if (position < 0 || position >= (int) self->scene->n_nodes)
    return;

  node = self->scene->tab_order[position];
  dm_graph_view_set_selection (self, node, -1);
  dm_graph_view_reveal_node (self, node);
}

static void
select_towards (DmGraphView *self,
                double       dir_x,
                double       dir_y)
{
  int node;

  if (self->scene->n_nodes == 0)
    return;

  if (self->selected_node < 0)
    node = self->scene->tab_order[0];
  else if ((node = dm_graph_scene_node_towards (self->scene, self->selected_node, dir_x, dir_y)) < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  dm_graph_view_set_selection (self, node, -1);
  dm_graph_view_reveal_node (self, node);
}

/* Keys go through widget actions; an action that cannot do anything is disabled, so its
 * key falls through: Tab past the last actor moves the focus on, Enter with nothing
 * selected reaches the window's default widget. */
void
dm_graph_view_update_selection_actions (DmGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int position = self->selected_node >= 0 ? self->scene->tab_position[self->selected_node] : -1;

  gtk_widget_action_set_enabled (widget, "graph.select-next",
                                 self->scene->n_nodes > 0 && position < (int) self->scene->n_nodes - 1);
  gtk_widget_action_set_enabled (widget, "graph.select-previous",
                                 self->scene->n_nodes > 0 && position != 0);
  gtk_widget_action_set_enabled (widget, "graph.select-towards", self->scene->n_nodes > 0);
  gtk_widget_action_set_enabled (widget, "graph.activate-selection",
                                 self->selected_node >= 0 || self->selected_edge >= 0);
}

static gboolean
show_focus_cb (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return G_SOURCE_REMOVE;
}

/* Our key bindings take Tab and the arrows before the window sees them, and the window
 * shows focus rings only after keys it saw (and resets the state while it finishes the
 * event): do what it would have done once the event is over. */
static void
show_focus (DmGraphView *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_focus_cb, g_object_ref (self), g_object_unref);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmGraphView *self = DM_GRAPH_VIEW (widget);

  if (g_str_equal (action_name, "graph.select-next"))
    {
      show_focus (self);
      select_step (self, 1);
    }
  else if (g_str_equal (action_name, "graph.select-previous"))
    {
      show_focus (self);
      select_step (self, -1);
    }
  else if (g_str_equal (action_name, "graph.select-towards"))
    {
      double x, y;

      show_focus (self);
      g_variant_get (parameter, "(dd)", &x, &y);
      select_towards (self, x, y);
    }
  else if (g_str_equal (action_name, "graph.activate-selection"))
    {
      dm_graph_view_activate (self, self->selected_node, self->selected_edge);
    }
  else if (g_str_equal (action_name, "graph.escape"))
    dm_graph_view_emit_escape (self);
  else if (g_str_equal (action_name, "graph.zoom-in"))
    dm_graph_view_zoom_in (self);
  else if (g_str_equal (action_name, "graph.zoom-out"))
    dm_graph_view_zoom_out (self);
  else if (g_str_equal (action_name, "graph.zoom-reset"))
    dm_graph_view_set_zoom (self, 1.0);
  else if (g_str_equal (action_name, "graph.zoom-fit"))
    dm_graph_view_zoom_to_fit (self);
}

void
dm_graph_view_class_init_input (GtkWidgetClass *widget_class)
{
  static const struct { const char *name; const char *parameter; } actions[] = {
    { "graph.zoom-in", NULL }, { "graph.zoom-out", NULL }, { "graph.zoom-reset", NULL },
    { "graph.zoom-fit", NULL }, { "graph.select-next", NULL }, { "graph.select-previous", NULL },
    { "graph.select-towards", "(dd)" }, { "graph.activate-selection", NULL }, { "graph.escape", NULL },
  };
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_plus, 0, "graph.zoom-in" }, { GDK_KEY_equal, 0, "graph.zoom-in" },
    { GDK_KEY_KP_Add, 0, "graph.zoom-in" }, { GDK_KEY_plus, GDK_CONTROL_MASK, "graph.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "graph.zoom-in" },
    { GDK_KEY_minus, 0, "graph.zoom-out" }, { GDK_KEY_KP_Subtract, 0, "graph.zoom-out" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "graph.zoom-out" },
    { GDK_KEY_0, 0, "graph.zoom-reset" }, { GDK_KEY_KP_0, 0, "graph.zoom-reset" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "graph.zoom-reset" },
    { GDK_KEY_1, GDK_CONTROL_MASK, "graph.zoom-fit" }, { GDK_KEY_f, 0, "graph.zoom-fit" },
    { GDK_KEY_Tab, 0, "graph.select-next" }, { GDK_KEY_KP_Tab, 0, "graph.select-next" },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, "graph.select-previous" },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "graph.select-previous" },
    { GDK_KEY_ISO_Left_Tab, 0, "graph.select-previous" },
    { GDK_KEY_Return, 0, "graph.activate-selection" }, { GDK_KEY_KP_Enter, 0, "graph.activate-selection" },
    { GDK_KEY_ISO_Enter, 0, "graph.activate-selection" }, { GDK_KEY_space, 0, "graph.activate-selection" },
    { GDK_KEY_Escape, 0, "graph.escape" },
  };
  static const struct { guint key; double x, y; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter, view_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "graph.select-towards",
                                         "(dd)", arrows[i].x, arrows[i].y);
}
void
dm_graph_view_init_input (DmGraphView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  self->pinch = gesture;
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                               GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (controller, "scroll-begin", G_CALLBACK (scroll_begin_cb), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
