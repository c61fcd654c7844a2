/* dm-window.c — the main window: the graph canvas, side panels, focus history
 *
 * Nothing slow runs on the main thread: the graph of a query is built and laid out by the
 * DmGraphController (a new request cancels the old one, layouts come from the corpus's
 * cache when they can), imports run on a thread of their own (dm-window-import.c). The
 * action table and export are in dm-window-actions.c.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dm-article-window.h"
#include "dm-window-private.h"

#define SPINNER_DELAY_MS      300

enum {
  GRAPH_READY,
  IMPORT_FINISHED,
  EXPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const engine_names[DM_N_LAYOUT_ENGINES] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi",
};

static gboolean debug_timings;

static void dm_window_navigate       (DmWindow *self,
                                      gint64    actor_id,
                                      gboolean  record);

/* ------------------------------------------------------------------------------------------ */
/* Small helpers */

gboolean
_dm_window_debug_timings (void)
{
  return debug_timings;
}

void
_dm_window_toast (DmWindow   *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  _dm_window_add_toast (self, toast);
}

void
_dm_window_add_toast (DmWindow *self,
                      AdwToast *toast)
{
  /* The newest news replaces what is still showing: queued, an "Exported to …" would come
   * half a minute after a later command. */
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static DmLayoutEngine
dm_window_get_engine (DmWindow *self)
{
  int engine = g_settings_get_enum (self->settings, "layout-engine");

  if (engine < 0 || engine >= DM_N_LAYOUT_ENGINES)
    return DM_LAYOUT_ENGINE_AUTO;

  return engine;
}

static void
dm_window_update_history_actions (DmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history_pos > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 self->history_pos + 1 < self->history->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.whole-graph", self->query->focus_actor != 0);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  DmWindow *self = user_data;

  self->spinner_source = 0;
  gtk_spinner_set_spinning (self->layout_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), TRUE);
  return G_SOURCE_REMOVE;
}

/* The spinner appears only when the graph takes longer than a blink: a focus answered in
 * a tenth of a second would only flash it, and every spinner frame redraws the window. */
static void
dm_window_set_busy (DmWindow *self,
                    gboolean  busy)
{
  self->busy = !!busy;
  if (busy && self->spinner_source == 0 &&
      !gtk_widget_get_visible (GTK_WIDGET (self->layout_spinner)))
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
  if (!busy)
    {
      g_clear_handle_id (&self->spinner_source, g_source_remove);
      gtk_spinner_set_spinning (self->layout_spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), FALSE);
    }
}

static void
dm_window_update_focus_bar (DmWindow *self)
{
  if (self->query->focus_actor != 0 && self->corpus != NULL)
    {
      g_autoptr(DmActorInfo) actor = NULL;
      g_autofree char *text = NULL;

      actor = dm_store_get_actor (dm_corpus_get_store (self->corpus), self->query->focus_actor, NULL);
      text = g_strdup_printf (_("Around %s"), actor ? actor->name : "?");
      gtk_label_set_text (self->focus_label, text);
      gtk_revealer_set_reveal_child (self->focus_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->focus_revealer, FALSE);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The graph: the controller builds and lays it out, the canvas shows it, the details follow */

static void
dm_window_cancel_details (DmWindow *self)
{
  if (self->details_clock != NULL)
    g_clear_signal_handler (&self->details_handler, self->details_clock);
  g_clear_object (&self->details_clock);
  g_clear_handle_id (&self->details_source, g_source_remove);
}

static void dm_window_graph_done (DmWindow *self);
static void graph_selection_changed_cb (DmWindow    *self,
                                        DmGraphView *view);

static void
graph_painted_cb (DmWindow *self)
{
  dm_window_cancel_details (self);
  dm_window_graph_done (self);
}

/* In case no frame comes (a window not drawn): the details after all. */
static gboolean
graph_paint_timeout_cb (gpointer user_data)
{
  DmWindow *self = user_data;

  self->details_source = 0;
  dm_window_cancel_details (self);
  dm_window_graph_done (self);
  return G_SOURCE_REMOVE;
}

static void
dm_window_graph_shown (DmWindow *self)
{
  GdkFrameClock *clock;

  if (debug_timings && self->graph != NULL)
    g_message ("graph: %u actors, %u edges, built and laid out (or read from the cache) in %.1f ms, shown %.1f ms after the request",
               self->graph->nodes->len, self->graph->edges->len,
               self->graph_built / 1000.0,
               (g_get_monotonic_time () - self->graph_started) / 1000.0);

  dm_window_cancel_details (self);
  dm_window_update_focus_bar (self);

  /* The canvas selects the focused actor now; the panel follows in dm_window_graph_done(). */
  if (self->query->focus_actor != 0 &&
      dm_graph_view_get_selected_node (self->graph_view) < 0 &&
      dm_graph_view_get_selected_edge (self->graph_view) < 0)
    {
      self->navigating = TRUE;
      if (dm_graph_view_select_actor (self->graph_view, self->query->focus_actor))
        self->focus_selected = TRUE;
      self->navigating = FALSE;
    }

  /* New details wait for the frame that draws the graph (still busy until then). */
  if (self->query->focus_actor != 0 &&
      (dm_details_panel_get_kind (self->details_panel) != DM_DETAILS_ACTOR ||
       dm_details_panel_get_actor (self->details_panel) != self->query->focus_actor) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) != NULL)
    {
      self->details_clock = g_object_ref (clock);
      self->details_handler = g_signal_connect_swapped (clock, "after-paint",
                                                        G_CALLBACK (graph_painted_cb), self);
      self->details_source = g_timeout_add (500, graph_paint_timeout_cb, self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  dm_window_graph_done (self);
}

static void
dm_window_graph_done (DmWindow *self)
{
  dm_window_set_busy (self, FALSE);

  if (self->focus_selected)
    {
      self->focus_selected = FALSE;
      graph_selection_changed_cb (self, self->graph_view);
    }

  if (self->query->focus_actor != 0)
    {
      /* Also when the filters keep the actor itself out of its graph. */
      if (dm_graph_view_get_selected_edge (self->graph_view) < 0 &&
          (dm_details_panel_get_kind (self->details_panel) != DM_DETAILS_ACTOR ||
           dm_details_panel_get_actor (self->details_panel) != self->query->focus_actor))
        dm_details_panel_show_actor (self->details_panel, self->corpus, self->query->focus_actor);
    }

  g_signal_emit (self, signals[GRAPH_READY], 0);

  if (self->pending_export != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->pending_export);

      dm_window_export (self, path);
    }
}

static void
dm_window_show_empty (DmWindow            *self,
                      const DmGraphResult *result)
{
  if (result->n_articles == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Articles Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Drop news articles here — text, HTML pages or feeds — or paste text with Ctrl+V"));
    }
  else if (result->n_relations == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Relations Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("No one does anything to anyone in these articles yet: add more"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing to Show"));
      adw_status_page_set_description (self->empty_page,
                                       _("The filters or the excluded articles hide every relation"));
    }
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

static void
graph_ready_cb (DmWindow          *self,
                DmGraphResult     *result,
                DmGraphController *controller)
{
  self->graph_built = result->build_time;

  if (result->graph != NULL && (result->layout != NULL || result->graph->nodes->len == 0))
    {
      g_clear_pointer (&self->graph, dm_graph_unref);
      self->graph = dm_graph_ref (result->graph);
      dm_graph_view_set_layout (self->graph_view, result->layout);
      dm_timeline_strip_graph_shown (self->timeline, result);
      if (result->layout != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "graph");
      else
        dm_window_show_empty (self, result);
    }
  else
    {
      g_autofree char *message = NULL;

      if (result->graph == NULL)
        message = g_strdup_printf (_("Could not build the graph: %s"), result->error->message);
      else
        message = g_strdup_printf (_("Could not lay out the graph: %s"), result->error->message);
      _dm_window_toast (self, message);
    }

  _dm_window_canvas_graph_shown (self);
  dm_window_graph_shown (self);
}

void
_dm_window_reload_graph (DmWindow *self)
{
  g_autoptr(DmGraphRequest) request = NULL;

  g_assert (DM_IS_WINDOW (self));

  dm_graph_controller_cancel (self->graph_controller);
  dm_window_cancel_details (self);

  if (self->corpus == NULL)
    return;

  self->query->depth = self->depth;
  dm_filters_panel_apply (self->filters_panel, self->query);
  _dm_window_canvas_apply (self, self->query);
  request = dm_graph_request_new (self->query, dm_window_get_engine (self));
  dm_timeline_strip_apply (self->timeline, request);
  {
    /* the details list what the graph shows: the same dates */
    g_autofree char *dates = dm_timeline_strip_dup_window_label (self->timeline);

    dm_details_panel_set_dates (self->details_panel, request->query->date_from, request->query->date_to,
                                request->query->dated_only, dates);
  }

  dm_window_set_busy (self, TRUE);
  self->graph_started = g_get_monotonic_time ();

  /* Do not leave an old "No Articles Yet" up while the new graph is on its way. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Building the Graph…"));
      adw_status_page_set_description (self->empty_page, NULL);
    }

  dm_graph_controller_request (self->graph_controller, request);
}

/* ------------------------------------------------------------------------------------------ */
/* Focus and history */

static void
dm_window_navigate (DmWindow *self,
                    gint64    actor_id,
                    gboolean  record)
{
  if (record)
    {
      gint64 current = self->history->len ? g_array_index (self->history, gint64, self->history_pos) : 0;

      if (self->history->len > 0 && current == actor_id)
        record = FALSE;
    }

  if (record)
    {
      if (self->history->len > 0)
        g_array_set_size (self->history, self->history_pos + 1);
      g_array_append_val (self->history, actor_id);
      self->history_pos = self->history->len - 1;
    }

  self->query->focus_actor = actor_id;
  dm_details_panel_set_focus_actor (self->details_panel, actor_id);

  /* The selection belongs to the old graph. The details of a focused actor wait until its
   * graph is drawn: the canvas comes first. */
  self->navigating = TRUE;
  dm_graph_view_select_node (self->graph_view, -1);
  self->navigating = FALSE;

  if (actor_id == 0)
    dm_details_panel_clear (self->details_panel);

  /* The focus bar changes with the graph it describes (dm_window_graph_shown()): its
   * animation would otherwise take frames from the graph on its way. */
  dm_window_update_history_actions (self);
  _dm_window_reload_graph (self);
}

static void
actor_activated_cb (DmWindow *self,
                    gint64    actor_id,
                    GtkWidget *panel)
{
  dm_window_focus_actor (self, actor_id);
}

static void
graph_node_activated_cb (DmWindow    *self,
                         int          node,
                         DmGraphView *view)
{
  DmLayout *layout = dm_graph_view_get_layout (view);
  const DmGraphNode *graph_node;

  if (layout == NULL || node < 0 || (guint) node >= layout->graph->nodes->len)
    return;

  graph_node = g_ptr_array_index (layout->graph->nodes, node);
  dm_window_focus_actor (self, graph_node->actor_id);
}

static void
graph_edge_activated_cb (DmWindow    *self,
                         int          edge,
                         DmGraphView *view)
{
  /* The details already show the edge: bring them into view. */
  gtk_widget_set_visible (self->sidebar, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "details");
}

static void
graph_escape_cb (DmWindow    *self,
                 DmGraphView *view)
{
  dm_window_show_whole_graph (self);
}

static void
graph_selection_changed_cb (DmWindow    *self,
                            DmGraphView *view)
{
  DmLayout *layout = dm_graph_view_get_layout (view);
  int node = dm_graph_view_get_selected_node (view);
  int edge = dm_graph_view_get_selected_edge (view);

  if (self->corpus == NULL || layout == NULL || self->navigating)
    return;

  if (node >= 0 && (guint) node < layout->graph->nodes->len)
    {
      const DmGraphNode *graph_node = g_ptr_array_index (layout->graph->nodes, node);

      if (dm_details_panel_get_kind (self->details_panel) != DM_DETAILS_ACTOR ||
          dm_details_panel_get_actor (self->details_panel) != graph_node->actor_id)
        dm_details_panel_show_actor (self->details_panel, self->corpus, graph_node->actor_id);
      adw_view_stack_set_visible_child_name (self->view_stack, "details");
    }
  else if (edge >= 0 && (guint) edge < layout->graph->edges->len)
    {
      dm_details_panel_show_edge (self->details_panel, self->corpus, layout->graph, edge);
      adw_view_stack_set_visible_child_name (self->view_stack, "details");
    }
  else if (self->query->focus_actor != 0)
    {
      dm_details_panel_show_actor (self->details_panel, self->corpus, self->query->focus_actor);
    }
  else
    {
      dm_details_panel_clear (self->details_panel);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Panels */

static void
article_toggled_cb (DmWindow        *self,
                    gint64           article_id,
                    gboolean         included,
                    DmArticlesPanel *panel)
{
  dm_graph_query_exclude_article (self->query, article_id, !included);
  _dm_window_reload_graph (self);
}

static void
article_activated_cb (DmWindow        *self,
                      gint64           article_id,
                      DmArticlesPanel *panel)
{
  GtkWindow *window;

  if (self->corpus == NULL)
    return;

  window = dm_article_window_new (GTK_WINDOW (self), self->corpus, article_id, NULL);
  gtk_window_present (window);
}

static void
filters_changed_cb (DmWindow       *self,
                    DmFiltersPanel *panel)
{
  _dm_window_reload_graph (self);
}

static void
zoom_in_clicked_cb (DmWindow  *self,
                    GtkButton *button)
{
  dm_graph_view_zoom_in (self->graph_view);
}

static void
zoom_out_clicked_cb (DmWindow  *self,
                     GtkButton *button)
{
  dm_graph_view_zoom_out (self->graph_view);
}

static void
zoom_fit_clicked_cb (DmWindow  *self,
                     GtkButton *button)
{
  dm_graph_view_zoom_to_fit (self->graph_view);
}

static void
corpus_changed_cb (DmWindow *self,
                   DmCorpus *corpus)
{
  dm_actors_panel_reload (self->actors_panel);
  dm_articles_panel_set_corpus (self->articles_panel, self->corpus, self->query);
  dm_timeline_strip_reload (self->timeline);
  _dm_window_reload_graph (self);
}

static void
timeline_window_changed_cb (DmWindow        *self,
                            DmTimelineStrip *timeline)
{
  _dm_window_reload_graph (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Settings */

static gboolean
engine_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (engine_names); i++)
    if (g_str_equal (name, engine_names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
engine_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (engine_names))
    return NULL;

  return g_variant_new_string (engine_names[selected]);
}

static void
engine_changed_cb (DmWindow   *self,
                   const char *key,
                   GSettings  *settings)
{
  _dm_window_reload_graph (self);
}

static gboolean
dm_window_close_request (GtkWindow *window)
{
  DmWindow *self = DM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  dm_window_cancel_import (self);

  return GTK_WINDOW_CLASS (dm_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject */

static void
dm_window_dispose (GObject *object)
{
  DmWindow *self = (DmWindow *)object;

  if (self->graph_controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->graph_controller, self);
      dm_graph_controller_cancel (self->graph_controller);
    }
  g_clear_object (&self->graph_controller);
  g_clear_weak_pointer (&self->last_toast);
  dm_window_cancel_details (self);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  _dm_window_import_dispose (self);
  _dm_window_edit_dispose (self);
  _dm_window_budget_dispose (self);

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->graph, dm_graph_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_WINDOW);

  G_OBJECT_CLASS (dm_window_parent_class)->dispose (object);
}

static void
dm_window_finalize (GObject *object)
{
  DmWindow *self = (DmWindow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->query, dm_graph_query_free);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->import_failures, g_ptr_array_unref);
  g_clear_pointer (&self->pending_export, g_free);
  g_clear_pointer (&self->pending_focus, g_free);
  g_clear_pointer (&self->progress_path, g_free);

  G_OBJECT_CLASS (dm_window_parent_class)->finalize (object);
}

static void
dm_window_class_init (DmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dm_window_dispose;
  object_class->finalize = dm_window_finalize;
  window_class->close_request = dm_window_close_request;

  signals[GRAPH_READY] =
    g_signal_new ("graph-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* An edit (dm-window-edit.c) is in the corpus and the lists reload. */
  g_signal_new ("edit-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  debug_timings = g_strcmp0 (g_getenv ("DRAMATIS_DEBUG_TIMINGS"), "1") == 0;

  g_type_ensure (DM_TYPE_ACTORS_PANEL);
  g_type_ensure (DM_TYPE_ARTICLES_PANEL);
  g_type_ensure (DM_TYPE_DETAILS_PANEL);
  g_type_ensure (DM_TYPE_FILTERS_PANEL);
  g_type_ensure (DM_TYPE_GRAPH_VIEW);
  g_type_ensure (DM_TYPE_TIMELINE_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dramatis/Dramatis/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, actors_panel);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, articles_panel);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, details_panel);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, filters_panel);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, canvas_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, focus_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, focus_label);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, widen_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, layout_spinner);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, actor_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, graph_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, graph_node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, graph_edge_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, graph_escape_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_fit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_window_changed_cb);

  _dm_window_class_actions_init (widget_class);
  _dm_window_class_canvas_init (widget_class);
}

static void
dm_window_init (DmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.dramatis.Dramatis");
  self->query = dm_graph_query_new ();
  self->depth = 1;
  self->history = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->graph_controller = dm_graph_controller_new ();
  g_signal_connect_object (self->graph_controller, "ready", G_CALLBACK (graph_ready_cb), self,
                           G_CONNECT_SWAPPED);

  dm_filters_panel_apply (self->filters_panel, self->query);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "layout-engine",
                                self->engine_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                engine_get_mapping, engine_set_mapping, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::layout-engine",
                           G_CALLBACK (engine_changed_cb), self, G_CONNECT_SWAPPED);

  _dm_window_import_init (self);
  _dm_window_canvas_init (self);

  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  dm_window_update_history_actions (self);

  g_object_bind_property (self->sidebar, "visible", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

DmWindow *
dm_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (DM_TYPE_WINDOW, "application", application, NULL);
}

gboolean
dm_window_open_corpus (DmWindow    *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(DmCorpus) corpus = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  if (!(corpus = dm_corpus_open (path, error)))
    return FALSE;

  /* Waiting imports belong to the old corpus; the running one finishes into it. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_set_object (&self->corpus, corpus);
  dm_graph_controller_set_corpus (self->graph_controller, self->corpus);
  g_signal_connect_object (self->corpus, "changed", G_CALLBACK (corpus_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_settings_set_string (self->settings, "last-corpus", path);

  title = dm_corpus_dup_title (self->corpus);
  adw_window_title_set_subtitle (self->window_title, title);

  /* A new corpus: new history, every article included. */
  g_array_set_size (self->history, 0);
  self->history_pos = 0;
  g_clear_pointer (&self->query->excluded_articles, g_array_unref);
  self->query->focus_actor = 0;

  dm_details_panel_clear (self->details_panel);
  dm_actors_panel_set_corpus (self->actors_panel, self->corpus);
  dm_articles_panel_set_corpus (self->articles_panel, self->corpus, self->query);
  _dm_window_edit_corpus_opened (self);
  dm_timeline_strip_set_corpus (self->timeline, self->corpus);
  dm_window_navigate (self, 0, TRUE);

  return TRUE;
}

DmCorpus *
dm_window_get_corpus (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->corpus;
}

gboolean
dm_window_focus_actor (DmWindow *self,
                       gint64    actor_id)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  if (self->corpus == NULL || actor_id <= 0)
    return FALSE;

  dm_window_navigate (self, actor_id, TRUE);
  return TRUE;
}

gboolean
dm_window_focus_actor_name (DmWindow   *self,
                            const char *name)
{
  g_autoptr(DmActorInfo) actor = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->corpus == NULL)
    return FALSE;

  if (!(actor = dm_store_find_actor (dm_corpus_get_store (self->corpus), name, &error)))
    {
      g_autofree char *message = NULL;

      if (error == NULL && dm_window_is_importing (self))
        {
          /* It may be in the articles being imported: try again when they are in. */
          g_free (self->pending_focus);
          self->pending_focus = g_strdup (name);
          return FALSE;
        }

      if (error != NULL)
        message = g_strdup_printf (_("Could not look up “%s”: %s"), name, error->message);
      else
        message = g_strdup_printf (_("No actor named “%s” in this corpus"), name);
      _dm_window_toast (self, message);
      return FALSE;
    }

  return dm_window_focus_actor (self, actor->id);
}

void
dm_window_show_whole_graph (DmWindow *self)
{
  g_return_if_fail (DM_IS_WINDOW (self));

  if (self->corpus == NULL || self->query->focus_actor == 0)
    return;

  dm_window_navigate (self, 0, TRUE);
}

gint64
dm_window_get_focus_actor (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), 0);

  return self->query->focus_actor;
}

void
dm_window_set_depth (DmWindow *self,
                     guint     depth)
{
  g_return_if_fail (DM_IS_WINDOW (self));

  depth = CLAMP (depth, 1, 2);
  if (depth == self->depth)
    return;

  self->depth = depth;
  gtk_toggle_button_set_active (self->widen_button, depth == 2);
  if (self->query->focus_actor != 0)
    _dm_window_reload_graph (self);
}

gboolean
dm_window_go_back (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  if (self->history_pos == 0)
    return FALSE;

  self->history_pos--;
  dm_window_navigate (self, g_array_index (self->history, gint64, self->history_pos), FALSE);
  return TRUE;
}

gboolean
dm_window_go_forward (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  if (self->history_pos + 1 >= self->history->len)
    return FALSE;

  self->history_pos++;
  dm_window_navigate (self, g_array_index (self->history, gint64, self->history_pos), FALSE);
  return TRUE;
}

gboolean
dm_window_is_busy (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  return self->busy;
}

DmGraph *
dm_window_get_graph (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->graph;
}

DmGraphView *
dm_window_get_graph_view (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->graph_view;
}

DmActorsPanel *
dm_window_get_actors_panel (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->actors_panel;
}

DmDetailsPanel *
dm_window_get_details_panel (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->details_panel;
}

DmFiltersPanel *
dm_window_get_filters_panel (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->filters_panel;
}
