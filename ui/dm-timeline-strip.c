/* dm-timeline-strip.c — the strip under the canvas: relations over time and a window on them
 *
 * Bars of a day, a week or a month (dm_timeline_buckets() picks from the corpus's span),
 * stacked by relation family in the canvas's colours. A window over some of the bars
 * narrows the graph to those dates while it is dragged; "play" walks it through time.
 * The graph of a window is laid out with its actors pinned where the graphs before it put
 * them (dm-timeline-anchors.c), so that as the window moves edges come and go while actors
 * stay where they were.
 * The counting runs in a thread: on a large corpus it reads every relation.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dm-graph-palette.h"
#include "dm-timeline-anchors.h"
#include "dm-timeline-strip.h"

#define PAD              4.0   /* px left and right of the bars */
#define EDGE_GRAB        6.0   /* px either side of a window edge that grab it */
#define PLAY_INTERVAL    1200  /* ms a window shows while playing */
#define PLAY_WINDOW_PART 6     /* playing from nothing: a window of a sixth of the span */

typedef enum {
  DRAG_NONE,
  DRAG_NEW,
  DRAG_MOVE,
  DRAG_FIRST,
  DRAG_LAST,
} DragMode;

struct _DmTimelineStrip
{
  GtkWidget        parent_instance;

  DmCorpus        *corpus;
  GCancellable    *cancellable;   /* of the counting on its way */
  GArray          *buckets;       /* DmTimelineBucket */
  DmTimelineUnit   unit;
  guint            n_undated;
  gboolean         include_undated; /* a window keeps undated articles' relations (FALSE) */
  guint            max_relations; /* of one bar */
  gboolean         show;

  gboolean         has_window;
  guint            first, last;

  DragMode         drag;
  double           drag_x;
  guint            drag_first, drag_last;   /* the window when the drag began */

  guint            play_source;

  /* where the actors stood: a window's graph keeps them there */
  DmTimelineAnchors *anchors;

  DmGraphPalette   palette;

  /* Template children */
  GtkWidget       *bars;
  GtkButton       *play_button;
  GtkLabel        *range_label;
  GtkWidget       *undated_check;
};

enum {
  PROP_0,
  PROP_SHOW,
  PROP_INCLUDE_UNDATED,
  N_PROPS
};

enum {
  WINDOW_CHANGED,
  COUNTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmTimelineStrip, dm_timeline_strip, GTK_TYPE_WIDGET)

static const DmTimelineBucket *
bucket (DmTimelineStrip *self,
        guint       i)
{
  return &g_array_index (self->buckets, DmTimelineBucket, i);
}

/* ------------------------------------------------------------------------------------------ */
/* What it says */

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  /* Translators: a day on the timeline, see g_date_time_format() */
  return g_date_time_format (time, C_("timeline day", "%-d %b %Y"));
}

static void
update_label (DmTimelineStrip *self)
{
  g_autofree char *text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint first = self->has_window ? self->first : 0;
  guint last = self->has_window ? self->last : self->buckets->len - 1;
  guint n = 0;

  if (self->buckets->len == 0)
    {
      gtk_label_set_text (self->range_label, "");
      return;
    }

  for (guint i = first; i <= last; i++)
    n += bucket (self, i)->n_relations;
  from = format_day (&bucket (self, first)->first);
  to = format_day (&bucket (self, last)->last);

  /* An article without a date belongs to no window: a window leaves its relations out
   * unless asked to keep them ("include-undated"), and says which. */
  if (self->has_window && self->n_undated > 0 && self->include_undated)
    /* Translators: the time window: "3 Mar 2026 – 16 Mar 2026 · 12 relations, 4 undated included" */
    text = g_strdup_printf (ngettext ("%s – %s · %u relation, %u undated included",
                                      "%s – %s · %u relations, %u undated included", n),
                            from, to, n, self->n_undated);
  else if (self->has_window && self->n_undated > 0)
    /* Translators: the time window: "3 Mar 2026 – 16 Mar 2026 · 12 relations, 4 undated hidden" */
    text = g_strdup_printf (ngettext ("%s – %s · %u relation, %u undated hidden",
                                      "%s – %s · %u relations, %u undated hidden", n),
                            from, to, n, self->n_undated);
  else if (self->has_window)
    /* Translators: the time window: "3 Mar 2026 – 16 Mar 2026 · 12 relations" */
    text = g_strdup_printf (ngettext ("%s – %s · %u relation", "%s – %s · %u relations", n),
                            from, to, n);
  else if (self->n_undated > 0)
    text = g_strdup_printf (ngettext ("All dates: %s – %s · %u relation, %u undated",
                                      "All dates: %s – %s · %u relations, %u undated", n),
                            from, to, n, self->n_undated);
  else
    text = g_strdup_printf (ngettext ("All dates: %s – %s · %u relation",
                                      "All dates: %s – %s · %u relations", n),
                            from, to, n);

  gtk_label_set_text (self->range_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bars),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->buckets->len - 1,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
update_visible (DmTimelineStrip *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), self->show && self->buckets->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.clear", self->has_window);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.play", self->buckets->len > 1);
  gtk_widget_set_visible (self->undated_check, self->n_undated > 0);
}

/* ------------------------------------------------------------------------------------------ */
/* The window */

static void
window_changed (DmTimelineStrip *self)
{
  update_label (self);
  update_visible (self);
  gtk_widget_queue_draw (self->bars);
  g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}

static void
set_window (DmTimelineStrip *self,
            guint       first,
            guint       last)
{
  g_assert (self->buckets->len > 0);

  last = MIN (last, self->buckets->len - 1);
  first = MIN (first, last);
  if (self->has_window && self->first == first && self->last == last)
    return;

  self->has_window = TRUE;
  self->first = first;
  self->last = last;
  window_changed (self);
}

static void
clear_window (DmTimelineStrip *self)
{
  if (!self->has_window)
    return;
  self->has_window = FALSE;
  window_changed (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Playing */

static void stop_playing (DmTimelineStrip *self);

static gboolean
play_step_cb (gpointer user_data)
{
  DmTimelineStrip *self = user_data;

  if (!self->has_window || self->last + 1 >= self->buckets->len)
    {
      self->play_source = 0;
      stop_playing (self);
      return G_SOURCE_REMOVE;
    }
  set_window (self, self->first + 1, self->last + 1);
  return G_SOURCE_CONTINUE;
}

static void
update_play_button (DmTimelineStrip *self)
{
  gboolean playing = self->play_source != 0;
  const char *label = playing ? _("Pause") : _("Play through time");

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play Through Time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
stop_playing (DmTimelineStrip *self)
{
  g_clear_handle_id (&self->play_source, g_source_remove);
  update_play_button (self);
}

static void
start_playing (DmTimelineStrip *self)
{
  guint n = self->buckets->len;

  if (n < 2)
    return;

  /* From the start with a window of part of the span, unless one is set that can move */
  if (!self->has_window || (self->first == 0 && self->last == n - 1))
    set_window (self, 0, MAX (n / PLAY_WINDOW_PART, 1) - 1);
  else if (self->last == n - 1)
    set_window (self, 0, self->last - self->first);

  self->play_source = g_timeout_add (PLAY_INTERVAL, play_step_cb, self);
  update_play_button (self);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (widget);

  if (self->play_source != 0)
    stop_playing (self);
  else
    start_playing (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (widget);

  stop_playing (self);
  clear_window (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing */

static double
slot_width (DmTimelineStrip *self)
{
  double width = gtk_widget_get_width (self->bars) - 2 * PAD;

  return self->buckets->len > 0 ? MAX (width, 1) / self->buckets->len : 1;
}

static void
draw_bars (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  DmTimelineStrip *self = user_data;
  double slot = slot_width (self);
  double gap = slot > 4 ? 1 : 0;
  double top = 2, bottom = height - 2;

  if (self->buckets->len == 0)
    return;

  dm_graph_palette_update (&self->palette, self->bars);

  /* the baseline */
  cairo_set_source_rgba (cr, self->palette.fg.red, self->palette.fg.green, self->palette.fg.blue, 0.25);
  cairo_rectangle (cr, PAD, bottom, width - 2 * PAD, 1);
  cairo_fill (cr);

  for (guint i = 0; i < self->buckets->len; i++)
    {
      const DmTimelineBucket *b = bucket (self, i);
      gboolean inside = !self->has_window || (i >= self->first && i <= self->last);
      double x = PAD + i * slot;
      double y = bottom;

      for (guint f = 0; f < DM_N_FAMILIES; f++)
        {
          const GdkRGBA *color = &self->palette.family[f];
          double h = (bottom - top) * b->by_family[f] / MAX (self->max_relations, 1);

          if (b->by_family[f] == 0)
            continue;
          /* even one relation shows */
          h = MAX (h, 1.5);
          cairo_set_source_rgba (cr, color->red, color->green, color->blue, inside ? 1.0 : 0.3);
          cairo_rectangle (cr, x + gap / 2, y - h, MAX (slot - gap, 1), h);
          cairo_fill (cr);
          y -= h;
        }
    }

  if (self->has_window)
    {
      const GdkRGBA *accent = &self->palette.accent;
      double x0 = PAD + self->first * slot;
      double x1 = PAD + (self->last + 1) * slot;

      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.15);
      cairo_rectangle (cr, x0, 0, x1 - x0, height);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x0 + 1, 1, MAX (x1 - x0 - 2, 1), height - 2);
      cairo_stroke (cr);
      /* grips on the edges */
      cairo_rectangle (cr, x0, height / 2.0 - 8, 4, 16);
      cairo_rectangle (cr, x1 - 4, height / 2.0 - 8, 4, 16);
      cairo_fill (cr);
    }

  if (gtk_widget_has_visible_focus (self->bars))
    {
      const GdkRGBA *accent = &self->palette.accent;

      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      cairo_stroke (cr);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pointer and keyboard */

static guint
bucket_at (DmTimelineStrip *self,
           double      x)
{
  double i = floor ((x - PAD) / slot_width (self));

  return (guint) CLAMP (i, 0, (double) self->buckets->len - 1);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DmTimelineStrip     *self)
{
  double slot = slot_width (self);

  if (self->buckets->len == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  stop_playing (self);
  gtk_widget_grab_focus (self->bars);
  self->drag_x = x;
  self->drag = DRAG_NEW;
  if (self->has_window)
    {
      double x0 = PAD + self->first * slot, x1 = PAD + (self->last + 1) * slot;

      if (fabs (x - x0) <= EDGE_GRAB)
        self->drag = DRAG_FIRST;
      else if (fabs (x - x1) <= EDGE_GRAB)
        self->drag = DRAG_LAST;
      else if (x > x0 && x < x1)
        self->drag = DRAG_MOVE;
    }
  self->drag_first = self->first;
  self->drag_last = self->last;

  if (self->drag == DRAG_NEW)
    {
      self->drag_first = self->drag_last = bucket_at (self, x);
      set_window (self, self->drag_first, self->drag_last);
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                DmTimelineStrip     *self)
{
  guint b = bucket_at (self, self->drag_x + dx);
  guint n = self->buckets->len;

  switch (self->drag)
    {
    case DRAG_NEW:
      set_window (self, MIN (self->drag_first, b), MAX (self->drag_first, b));
      break;
    case DRAG_FIRST:
      set_window (self, MIN (b, self->drag_last), self->drag_last);
      break;
    case DRAG_LAST:
      set_window (self, self->drag_first, MAX (b, self->drag_first));
      break;
    case DRAG_MOVE:
      {
        int width = self->drag_last - self->drag_first;
        int first = (int) self->drag_first + (int) round (dx / slot_width (self));

        first = CLAMP (first, 0, (int) n - 1 - width);
        set_window (self, first, first + width);
      }
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             DmTimelineStrip     *self)
{
  self->drag = DRAG_NONE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DmTimelineStrip            *self)
{
  guint n = self->buckets->len;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  guint first = self->has_window ? self->first : 0;
  guint last = self->has_window ? self->last : n - 1;
  guint width = last - first;

  if (n == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      stop_playing (self);
      if (!self->has_window)
        set_window (self, n - 1, n - 1);
      else if (shift)
        set_window (self, first, last > first ? last - 1 : last);
      else if (first > 0)
        set_window (self, first - 1, last - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      stop_playing (self);
      if (!self->has_window)
        set_window (self, 0, 0);
      else if (shift)
        set_window (self, first, last + 1);
      else if (last + 1 < n)
        set_window (self, first + 1, last + 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      stop_playing (self);
      set_window (self, 0, width);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      stop_playing (self);
      set_window (self, n - 1 - width, n - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (!self->has_window)
        return GDK_EVENT_PROPAGATE;
      stop_playing (self);
      clear_window (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
focus_changed_cb (DmTimelineStrip *self)
{
  gtk_widget_queue_draw (self->bars);
}

/* ------------------------------------------------------------------------------------------ */
/* Counting */

typedef struct {
  GArray         *buckets;
  DmTimelineUnit  unit;
  guint           n_undated;
} Count;

static void
count_free (Count *count)
{
  g_clear_pointer (&count->buckets, g_array_unref);
  g_free (count);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DmCorpus *corpus = task_data;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  Count *count = g_new0 (Count, 1);
  guint n_skipped = 0;

  days = dm_store_count_relations_by_day (dm_corpus_get_store (corpus), &count->n_undated, &error);
  if (days == NULL)
    {
      count_free (count);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  count->buckets = dm_timeline_buckets (days, &count->unit, &n_skipped);
  count->n_undated += n_skipped;
  g_task_return_pointer (task, count, (GDestroyNotify) count_free);
}

/* The bar holding @date, or the nearest one (@first_after: the first after it). */
static guint
bucket_of (DmTimelineStrip  *self,
           const GDate *date,
           gboolean     first_after)
{
  for (guint i = 0; i < self->buckets->len; i++)
    if (g_date_compare (date, &bucket (self, i)->last) <= 0)
      return first_after || g_date_compare (date, &bucket (self, i)->first) >= 0 || i == 0 ? i : i - 1;
  return self->buckets->len - 1;
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (object);
  g_autoptr(GError) error = NULL;
  Count *count = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean had_window = self->has_window;
  GDate window_first, window_last;

  if (count == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count relations over time: %s", error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  if (had_window)
    {
      window_first = bucket (self, self->first)->first;
      window_last = bucket (self, self->last)->last;
    }

  g_clear_pointer (&self->buckets, g_array_unref);
  self->buckets = g_steal_pointer (&count->buckets);
  self->unit = count->unit;
  self->n_undated = count->n_undated;
  count_free (count);

  self->max_relations = 0;
  for (guint i = 0; i < self->buckets->len; i++)
    self->max_relations = MAX (self->max_relations, bucket (self, i)->n_relations);

  /* The same dates stay chosen; the graph changes only if the bars under them did. */
  self->has_window = FALSE;
  if (had_window && self->buckets->len > 0)
    {
      self->has_window = TRUE;
      self->first = bucket_of (self, &window_first, TRUE);
      self->last = MAX (self->first, bucket_of (self, &window_last, FALSE));
    }
  else if (had_window)
    stop_playing (self);

  update_label (self);
  update_visible (self);
  gtk_widget_queue_draw (self->bars);
  if (had_window && !self->has_window)
    g_signal_emit (self, signals[WINDOW_CHANGED], 0);
  g_signal_emit (self, signals[COUNTED], 0);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject */

static void
dm_timeline_strip_dispose (GObject *object)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (object);
  GtkWidget *child;

  g_clear_handle_id (&self->play_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->corpus);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_TIMELINE_STRIP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dm_timeline_strip_parent_class)->dispose (object);
}

static void
dm_timeline_strip_finalize (GObject *object)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (object);

  g_clear_pointer (&self->buckets, g_array_unref);
  g_clear_pointer (&self->anchors, dm_timeline_anchors_free);

  G_OBJECT_CLASS (dm_timeline_strip_parent_class)->finalize (object);
}

static void
dm_timeline_strip_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      g_value_set_boolean (value, self->show);
      break;
    case PROP_INCLUDE_UNDATED:
      g_value_set_boolean (value, self->include_undated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_timeline_strip_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DmTimelineStrip *self = DM_TIMELINE_STRIP (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      dm_timeline_strip_set_show (self, g_value_get_boolean (value));
      break;
    case PROP_INCLUDE_UNDATED:
      dm_timeline_strip_set_include_undated (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_timeline_strip_class_init (DmTimelineStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_timeline_strip_dispose;
  object_class->finalize = dm_timeline_strip_finalize;
  object_class->get_property = dm_timeline_strip_get_property;
  object_class->set_property = dm_timeline_strip_set_property;

  properties[PROP_SHOW] =
    g_param_spec_boolean ("show", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_UNDATED] =
    g_param_spec_boolean ("include-undated", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WINDOW_CHANGED] = g_signal_new ("window-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[COUNTED] = g_signal_new ("counted", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-timeline-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, DmTimelineStrip, bars);
  gtk_widget_class_bind_template_child (widget_class, DmTimelineStrip, play_button);
  gtk_widget_class_bind_template_child (widget_class, DmTimelineStrip, range_label);
  gtk_widget_class_bind_template_child (widget_class, DmTimelineStrip, undated_check);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear", NULL, clear_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.include-undated", "include-undated");
}

static void
dm_timeline_strip_init (DmTimelineStrip *self)
{
  GtkGesture *drag;
  GtkEventController *key, *focus;

  self->show = TRUE;
  self->buckets = g_array_new (FALSE, TRUE, sizeof (DmTimelineBucket));
  self->anchors = dm_timeline_anchors_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline"), -1);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->bars), draw_bars, self, NULL);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (self->bars, GTK_EVENT_CONTROLLER (drag));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->bars, key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (self->bars, focus);

  update_visible (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

GtkWidget *
dm_timeline_strip_new (void)
{
  return g_object_new (DM_TYPE_TIMELINE_STRIP, NULL);
}

void
dm_timeline_strip_reload (DmTimelineStrip *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->corpus == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, counted_cb, NULL);
  g_task_set_source_tag (task, dm_timeline_strip_reload);
  g_task_set_task_data (task, g_object_ref (self->corpus), g_object_unref);
  g_task_run_in_thread (task, count_thread);
}

void
dm_timeline_strip_set_corpus (DmTimelineStrip *self,
                        DmCorpus   *corpus)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));
  g_return_if_fail (corpus == NULL || DM_IS_CORPUS (corpus));

  stop_playing (self);
  g_set_object (&self->corpus, corpus);
  dm_timeline_anchors_clear (self->anchors);
  /* another corpus's dates mean nothing here */
  self->has_window = FALSE;
  g_array_set_size (self->buckets, 0);
  update_label (self);
  update_visible (self);
  gtk_widget_queue_draw (self->bars);
  dm_timeline_strip_reload (self);
}

gboolean
dm_timeline_strip_get_show (DmTimelineStrip *self)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), FALSE);

  return self->show;
}

void
dm_timeline_strip_set_show (DmTimelineStrip *self,
                      gboolean    show)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));

  show = !!show;
  if (self->show == show)
    return;
  self->show = show;
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW]);
}

guint
dm_timeline_strip_get_n_buckets (DmTimelineStrip *self)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), 0);

  return self->buckets->len;
}

const DmTimelineBucket *
dm_timeline_strip_get_bucket (DmTimelineStrip *self,
                        guint       i)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), NULL);
  g_return_val_if_fail (i < self->buckets->len, NULL);

  return bucket (self, i);
}

DmTimelineUnit
dm_timeline_strip_get_unit (DmTimelineStrip *self)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), DM_TIMELINE_DAY);

  return self->unit;
}

void
dm_timeline_strip_set_window (DmTimelineStrip *self,
                        guint       first,
                        guint       last)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));
  g_return_if_fail (first <= last && last < self->buckets->len);

  set_window (self, first, last);
}

void
dm_timeline_strip_clear_window (DmTimelineStrip *self)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));

  stop_playing (self);
  clear_window (self);
}

gboolean
dm_timeline_strip_get_window (DmTimelineStrip *self,
                        guint      *first,
                        guint      *last)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), FALSE);

  if (first != NULL)
    *first = self->has_window ? self->first : 0;
  if (last != NULL)
    *last = self->has_window ? self->last : 0;
  return self->has_window;
}

char *
dm_timeline_strip_dup_window_label (DmTimelineStrip *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), NULL);

  if (!self->has_window || self->buckets->len == 0)
    return NULL;
  from = format_day (&bucket (self, self->first)->first);
  to = format_day (&bucket (self, self->last)->last);
  /* Translators: a time window, from one day to another */
  return g_strdup_printf (C_("timeline window", "%s – %s"), from, to);
}

gboolean
dm_timeline_strip_get_include_undated (DmTimelineStrip *self)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), FALSE);

  return self->include_undated;
}

void
dm_timeline_strip_set_include_undated (DmTimelineStrip *self,
                                       gboolean         include_undated)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));

  include_undated = !!include_undated;
  if (include_undated == self->include_undated)
    return;
  self->include_undated = include_undated;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_UNDATED]);
  /* only a window's graph changes */
  if (self->has_window)
    g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}

gboolean
dm_timeline_strip_is_playing (DmTimelineStrip *self)
{
  g_return_val_if_fail (DM_IS_TIMELINE_STRIP (self), FALSE);

  return self->play_source != 0;
}

void
dm_timeline_strip_apply (DmTimelineStrip *self,
                         DmGraphRequest  *request)
{
  DmGraphQuery *query;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));
  g_return_if_fail (request != NULL);

  if (!self->has_window || self->buckets->len == 0)
    return;

  /* within what the filters let through already: the later start, the earlier end */
  query = request->query;
  from = dm_timeline_format_date (&bucket (self, self->first)->first);
  to = dm_timeline_format_date (&bucket (self, self->last)->last);
  if (query->date_from == NULL || query->date_from[0] == '\0' || strcmp (from, query->date_from) > 0)
    {
      g_free (query->date_from);
      query->date_from = g_steal_pointer (&from);
    }
  if (query->date_to == NULL || query->date_to[0] == '\0' || strcmp (to, query->date_to) < 0)
    {
      g_free (query->date_to);
      query->date_to = g_steal_pointer (&to);
    }
  query->dated_only = !self->include_undated;

  dm_timeline_anchors_apply (self->anchors, request);
}

void
dm_timeline_strip_graph_shown (DmTimelineStrip *self,
                               DmGraphResult   *result)
{
  g_return_if_fail (DM_IS_TIMELINE_STRIP (self));
  g_return_if_fail (result != NULL);

  dm_timeline_anchors_take (self->anchors, result);
}
