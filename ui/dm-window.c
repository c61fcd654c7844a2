/* dm-window.c — the main window: the graph canvas, side panels, import, focus history, export
 *
 * Nothing slow runs on the main thread: imports run on a thread of their own at low priority,
 * their progress posted back to the main loop; the graph of a query is built in a thread,
 * laid out on the DmLayoutWorker (a new request cancels the old one) and the layout cached
 * in the corpus so the same graph shows at once next time.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dm-article-window.h"
#include "dm-articles-panel.h"
#include "dm-export.h"
#include "dm-importer.h"
#include "dm-layout.h"
#include "dm-window.h"

#define SAMPLES_RESOURCE_PATH "/io/github/dramatis/Dramatis/samples/"
#define SPINNER_DELAY_MS      300
#define IMPORT_NICE           10

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  DmCorpus             *corpus;
  DmGraphQuery         *query;
  guint                 depth;

  /* Focus history: actor ids, 0 for the whole graph. */
  GArray               *history;
  guint                 history_pos;

  /* The graph being shown and the request being prepared. */
  DmGraph              *graph;
  GCancellable         *graph_cancellable;
  guint                 busy : 1;
  guint                 navigating : 1;
  guint                 spinner_source;   /* shows the spinner once a request takes a while */
  char                 *pending_export;
  /* The details of a focused actor are filled in after the canvas has drawn its graph: the
   * panel's new rows (styles, sizes) would otherwise double the time to that frame. */
  GdkFrameClock        *details_clock;
  gulong                details_handler;
  guint                 details_source;
  guint                 focus_selected : 1;   /* selected, its details not shown yet */
  /* An actor to focus once the running import has added it (`dramatis --focus X FILE`). */
  char                 *pending_focus;

  /* Imports run one at a time; more wait in the queue. */
  GQueue                import_queue;
  GCancellable         *import_cancellable;
  GPtrArray            *import_failures;
  /* The latest progress, shown at most ten times a second: every redraw costs. */
  guint                 progress_done;
  guint                 progress_total;
  char                 *progress_path;
  guint                 progress_source;

  /* DRAMATIS_DEBUG_TIMINGS=1: how long a graph takes to show, how long the main loop stalls
   * while importing. */
  gint64                graph_started;
  gint64                graph_built;    /* µs the last build took in its thread */
  guint                 stall_source;
  gint64                stall_last;
  gint64                stall_max;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwToast             *last_toast;    /* weak */
  AdwWindowTitle       *window_title;
  GtkDropDown          *engine_dropdown;
  GtkPaned             *paned;
  GtkWidget            *sidebar;
  GtkToggleButton      *sidebar_button;
  AdwViewStack         *view_stack;
  DmActorsPanel        *actors_panel;
  DmArticlesPanel      *articles_panel;
  DmDetailsPanel       *details_panel;
  DmFiltersPanel       *filters_panel;
  GtkOverlay           *canvas_overlay;
  GtkStack             *main_stack;
  DmGraphView          *graph_view;
  AdwStatusPage        *empty_page;
  GtkRevealer          *focus_revealer;
  GtkLabel             *focus_label;
  GtkToggleButton      *widen_button;
  GtkSpinner           *layout_spinner;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
};

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

static void dm_window_reload_graph   (DmWindow *self);
static void dm_window_start_import   (DmWindow *self);

/* ------------------------------------------------------------------------------------------ */
/* Small helpers */

static void
dm_window_toast (DmWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
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
/* The graph: built in a thread, laid out on the layout worker (waited for in that thread:
 * going back through the main loop in between could wait for a frame being drawn) */

typedef struct {
  DmCorpus     *corpus;
  DmGraphQuery *query;
  DmLayoutEngine engine;
  GCancellable *cancellable;
  DmGraph      *graph;
  char         *key;
  char         *cached_xdot;
  DmLayout     *layout;       /* decoded from the cache's serialisation, or NULL */
  DmLayout     *fresh_layout; /* else laid out by Graphviz, from cached_xdot if any */
  GError       *layout_error; /* why it could not be */
  guint         n_articles;
  guint         n_relations;
  gint64        build_time;   /* µs spent in the thread */
} GraphRequest;

static void
graph_request_free (GraphRequest *request)
{
  g_clear_object (&request->corpus);
  g_clear_pointer (&request->query, dm_graph_query_free);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->graph, dm_graph_unref);
  g_clear_pointer (&request->key, g_free);
  g_clear_pointer (&request->cached_xdot, g_free);
  g_clear_pointer (&request->layout, dm_layout_unref);
  g_clear_pointer (&request->fresh_layout, dm_layout_unref);
  g_clear_error (&request->layout_error);
  g_free (request);
}

static void
build_graph_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GraphRequest *request = task_data;
  DmStore *store = dm_corpus_get_store (request->corpus);
  g_autoptr(GError) error = NULL;
  DmStoreStats stats = {0};
  gint64 start = g_get_monotonic_time ();

  if (!(request->graph = dm_graph_build (store, request->query, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only an empty graph needs to say why it is empty. */
  if (request->graph->nodes->len == 0 && dm_store_get_stats (store, &stats, NULL))
    {
      request->n_articles = stats.n_articles;
      request->n_relations = stats.n_relations;
    }

  if (request->graph->nodes->len > 0)
    {
      /* the engine's own key: the CLI and the window share cached layouts */
      g_autoptr(GBytes) data = NULL;

      request->key = dm_layout_cache_key (request->graph, request->engine);

      /* the layout's own serialisation: decoded here, no Graphviz and no worker */
      if (!dm_store_lookup_layout_data (store, request->key, &data, &error))
        {
          g_debug ("Layout cache: %s", error->message);
          g_clear_error (&error);
        }
      else if (data != NULL)
        {
          request->layout = dm_layout_new_from_cache (request->graph, data, &error);
          if (request->layout == NULL)
            {
              g_debug ("Layout cache: %s", error->message);
              g_clear_error (&error);
            }
        }

      if (request->layout == NULL &&
          !dm_store_lookup_layout (store, request->key, &request->cached_xdot, &error))
        {
          g_debug ("Layout cache: %s", error->message);
          g_clear_error (&error);
        }

      if (request->layout == NULL)
        request->fresh_layout = dm_layout_worker_layout (dm_layout_worker_get_default (),
                                                         request->graph, request->engine,
                                                         request->cached_xdot, cancellable,
                                                         &request->layout_error);
    }

  request->build_time = g_get_monotonic_time () - start;
  g_task_return_boolean (task, TRUE);
}

static void
save_layout_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GraphRequest *request = task_data;
  DmStore *store = dm_corpus_get_store (request->corpus);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;

  if (request->cached_xdot != NULL &&
      !dm_store_save_layout (store, request->key, request->cached_xdot, &error))
    {
      g_debug ("Could not cache the layout: %s", error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* after the xdot text, which drops the serialisation of the layout it replaces */
  data = dm_layout_to_cache (request->layout);
  if (!dm_store_save_layout_data (store, request->key, data, &error))
    g_debug ("Could not cache the layout: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

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

/* Shows @request's graph laid out as @layout, and caches the layout if it came from
 * Graphviz: its xdot text when new, its serialisation when the cache lacks a good one. */
static void
dm_window_show_layout (DmWindow     *self,
                       GraphRequest *request,
                       DmLayout     *layout)
{
  g_clear_pointer (&self->graph, dm_graph_unref);
  self->graph = dm_graph_ref (request->graph);
  dm_graph_view_set_layout (self->graph_view, layout);
  gtk_stack_set_visible_child_name (self->main_stack, "graph");

  if (request->layout == NULL && request->key != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      GraphRequest *save = g_new0 (GraphRequest, 1);

      save->corpus = g_object_ref (request->corpus);
      save->key = g_strdup (request->key);
      if (request->cached_xdot == NULL)
        save->cached_xdot = g_strdup (layout->xdot);
      save->layout = dm_layout_ref (layout);
      g_task_set_task_data (task, save, (GDestroyNotify) graph_request_free);
      g_task_run_in_thread (task, save_layout_thread);
    }

  dm_window_graph_shown (self);
}

static void
graph_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (object);
  GTask *task = G_TASK (result);
  GraphRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_cancellable_is_cancelled (request->cancellable))
        {
          g_autofree char *message = g_strdup_printf (_("Could not build the graph: %s"), error->message);

          dm_window_toast (self, message);
          dm_window_graph_shown (self);
        }
      return;
    }

  if (g_cancellable_is_cancelled (request->cancellable) ||
      request->cancellable != self->graph_cancellable)
    return;

  self->graph_built = request->build_time;

  if (request->graph->nodes->len == 0)
    {
      g_clear_pointer (&self->graph, dm_graph_unref);
      self->graph = dm_graph_ref (request->graph);
      dm_graph_view_set_layout (self->graph_view, NULL);

      if (request->n_articles == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Articles Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Drop news articles here — text, HTML pages or feeds — or paste text with Ctrl+V"));
        }
      else if (request->n_relations == 0)
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
      dm_window_graph_shown (self);
      return;
    }

  if (request->layout != NULL)
    {
      dm_window_show_layout (self, request, request->layout);
      return;
    }
  if (request->fresh_layout != NULL)
    {
      dm_window_show_layout (self, request, request->fresh_layout);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Could not lay out the graph: %s"),
                                                request->layout_error->message);

    dm_window_toast (self, message);
    dm_window_graph_shown (self);
  }
}

static void
dm_window_reload_graph (DmWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GraphRequest *request;

  g_assert (DM_IS_WINDOW (self));

  g_cancellable_cancel (self->graph_cancellable);
  g_clear_object (&self->graph_cancellable);
  g_clear_weak_pointer (&self->last_toast);
  dm_window_cancel_details (self);

  if (self->corpus == NULL)
    return;

  self->graph_cancellable = g_cancellable_new ();

  self->query->depth = self->depth;
  dm_filters_panel_apply (self->filters_panel, self->query);

  request = g_new0 (GraphRequest, 1);
  request->corpus = g_object_ref (self->corpus);
  request->query = dm_graph_query_copy (self->query);
  request->engine = dm_window_get_engine (self);
  request->cancellable = g_object_ref (self->graph_cancellable);

  dm_window_set_busy (self, TRUE);
  self->graph_started = g_get_monotonic_time ();

  /* Do not leave an old "No Articles Yet" up while the new graph is on its way. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Building the Graph…"));
      adw_status_page_set_description (self->empty_page, NULL);
    }

  task = g_task_new (self, self->graph_cancellable, graph_built_cb, NULL);
  g_task_set_source_tag (task, dm_window_reload_graph);
  g_task_set_task_data (task, request, (GDestroyNotify) graph_request_free);
  g_task_run_in_thread (task, build_graph_thread);
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
  dm_window_reload_graph (self);
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
  dm_window_reload_graph (self);
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
  dm_window_reload_graph (self);
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
  dm_window_reload_graph (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Import */

typedef enum {
  IMPORT_PATHS,
  IMPORT_TEXT,
  IMPORT_SAMPLES,
} ImportKind;

typedef struct {
  ImportKind       kind;
  DmWindow        *window;       /* strong: lives as long as the job */
  DmCorpus        *corpus;
  char           **paths;
  char            *text;
  GCancellable    *cancellable;
  GMainContext    *context;
  DmImportSummary *summary;
  GError          *error;        /* when summary is NULL */
} ImportJob;

typedef struct {
  DmWindow *window;
  guint     done;
  guint     total;
  char     *path;
} ImportProgress;

/* Wakes every 5 ms while importing; a late wake-up is a main-loop stall. */
static gboolean
stall_tick_cb (gpointer user_data)
{
  DmWindow *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - self->stall_last > 50000)
    g_message ("import: main loop stalled %.1f ms", (now - self->stall_last) / 1000.0);
  self->stall_max = MAX (self->stall_max, now - self->stall_last);
  self->stall_last = now;

  return G_SOURCE_CONTINUE;
}

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->corpus);
  g_clear_pointer (&job->paths, g_strfreev);
  g_clear_pointer (&job->text, g_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->summary, dm_import_summary_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
import_progress_free (ImportProgress *progress)
{
  g_object_unref (progress->window);
  g_free (progress->path);
  g_free (progress);
}

static gboolean
import_progress_show (gpointer user_data)
{
  DmWindow *self = user_data;
  g_autofree char *name = self->progress_path ? g_path_get_basename (self->progress_path) : NULL;
  g_autofree char *text = NULL;

  self->progress_source = 0;

  if (self->progress_total > 0)
    gtk_progress_bar_set_fraction (self->import_progress,
                                   (double) self->progress_done / self->progress_total);
  text = g_strdup_printf (_("Importing %u of %u: %s"),
                          MIN (self->progress_done + 1, self->progress_total),
                          self->progress_total, name ? name : "");
  gtk_label_set_text (self->import_label, text);

  return G_SOURCE_REMOVE;
}

static gboolean
import_progress_main (gpointer user_data)
{
  ImportProgress *progress = user_data;
  DmWindow *self = progress->window;

  self->progress_done = progress->done;
  self->progress_total = progress->total;
  g_free (self->progress_path);
  self->progress_path = g_steal_pointer (&progress->path);

  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, import_progress_show, self);

  return G_SOURCE_REMOVE;
}

/* Runs in the import thread: hand the numbers to the main loop. */
static void
import_progress_cb (guint         done,
                    guint         total,
                    const char   *path,
                    const GError *error,
                    gpointer      user_data)
{
  ImportJob *job = user_data;
  ImportProgress *progress = g_new0 (ImportProgress, 1);

  progress->window = g_object_ref (job->window);
  progress->done = done;
  progress->total = total;
  progress->path = g_strdup (path);

  /* An idle source, not g_main_context_invoke(): that would run the callback right here on
   * the import thread whenever this thread could acquire the main context. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, import_progress_main, progress, (GDestroyNotify) import_progress_free);
    g_source_set_static_name (source, "[dramatis] import progress");
    g_source_attach (source, job->context);
    g_source_unref (source);
  }
}

static DmImportSummary *
import_samples (ImportJob  *job,
                GError    **error)
{
  DmStore *store = dm_corpus_get_store (job->corpus);
  DmExtractor *extractor = dm_extractor_get_default ();
  g_auto(GStrv) names = NULL;
  DmImportSummary *summary;
  guint n;

  summary = g_new0 (DmImportSummary, 1);
  summary->failures = g_ptr_array_new ();

  if (!(names = g_resources_enumerate_children (SAMPLES_RESOURCE_PATH, 0, error)))
    {
      dm_import_summary_free (summary);
      return NULL;
    }

  n = g_strv_length (names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = g_strconcat (SAMPLES_RESOURCE_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_is_cancelled (job->cancellable))
        {
          summary->cancelled = TRUE;
          break;
        }

      summary->n_files++;
      bytes = g_resources_lookup_data (resource, 0, &local_error);
      if (bytes != NULL)
        articles = dm_article_load_bytes (names[i], bytes, &local_error);

      while (articles != NULL && articles->len > 0)
        {
          DmArticle *article = g_ptr_array_steal_index (articles, 0);
          g_autoptr(DmAnalysis) analysis = dm_extractor_analyze (extractor, article);
          gboolean added = FALSE;
          gint64 id = 0;

          if (!dm_store_add_analysis (store, analysis, &id, &added, error))
            {
              dm_import_summary_free (summary);
              return NULL;
            }
          if (added)
            {
              summary->n_articles_added++;
              summary->n_mentions += analysis->mentions->len;
              summary->n_relations += analysis->relations->len;
            }
          else
            {
              summary->n_articles_duplicate++;
            }
        }

      if (local_error != NULL)
        g_debug ("Sample %s: %s", names[i], local_error->message);

      import_progress_cb (i + 1, n, names[i], local_error, job);
    }

  return summary;
}

/* The import itself, on a thread of its own: see import_thread(). */
static gpointer
import_run (gpointer data)
{
  ImportJob *job = data;
  DmStore *store = dm_corpus_get_store (job->corpus);
  g_autoptr(GError) error = NULL;
  int priority;

  /* Below the main thread and the renderer's threads, so the window stays smooth while
   * every core analyses articles. On Linux the nice value is per thread and the
   * importer's workers are started from this one (and end with it). */
  errno = 0;
  priority = getpriority (PRIO_PROCESS, 0);
  if (errno == 0 && priority < IMPORT_NICE && setpriority (PRIO_PROCESS, 0, IMPORT_NICE) != 0)
    g_debug ("Could not lower the import's priority: %s", g_strerror (errno));

  switch (job->kind)
    {
    case IMPORT_PATHS:
      job->summary = dm_import_paths (store, dm_extractor_get_default (),
                                      (const char * const *) job->paths,
                                      job->cancellable, import_progress_cb, job, &error);
      break;

    case IMPORT_TEXT:
      {
        gint64 article_id = 0;

        job->summary = g_new0 (DmImportSummary, 1);
        job->summary->failures = g_ptr_array_new ();
        job->summary->n_files = 1;
        if (dm_import_text (store, dm_extractor_get_default (), _("pasted text"),
                            job->text, &article_id, &error))
          {
            job->summary->n_articles_added = 1;
          }
        else if (error->domain == DM_IMPORT_ERROR)
          {
            /* A bad text is a failure of this one import, not of the corpus. */
            DmImportFailure *failure = g_new0 (DmImportFailure, 1);

            failure->path = g_strdup (_("Pasted text"));
            failure->message = g_strdup (error->message);
            g_ptr_array_add (job->summary->failures, failure);
            g_clear_error (&error);
          }
        else
          {
            g_clear_pointer (&job->summary, dm_import_summary_free);
          }
      }
      break;

    case IMPORT_SAMPLES:
      job->summary = import_samples (job, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (job->summary == NULL)
    job->error = g_steal_pointer (&error);
  return NULL;
}

/* A nice value cannot be raised back without privileges, and GTask's pool threads go on to
 * build graphs for the window: the import gets a thread that ends with it. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;

  g_thread_join (g_thread_new ("dramatis-import", import_run, job));

  if (job->summary == NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
dm_window_show_import_failures (DmWindow *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < self->import_failures->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "",
                            (const char *) g_ptr_array_index (self->import_failures, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Were Not Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DmImportSummary *summary;

  g_clear_object (&self->import_cancellable);
  g_ptr_array_set_size (self->import_failures, 0);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->stall_source != 0)
    {
      g_message ("import: longest main-loop stall %.1f ms", self->stall_max / 1000.0);
      g_clear_handle_id (&self->stall_source, g_source_remove);
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Could not import: %s"), error->message);
      dm_window_toast (self, message);
      goto next;
    }

  summary = job->summary;
  for (guint i = 0; i < summary->failures->len; i++)
    {
      const DmImportFailure *failure = g_ptr_array_index (summary->failures, i);
      g_autofree char *name = g_path_get_basename (failure->path);

      g_ptr_array_add (self->import_failures, g_strdup_printf ("%s: %s", name, failure->message));
    }

  if (job->kind == IMPORT_SAMPLES)
    message = g_strdup_printf (_("Welcome! %u sample articles were imported"), summary->n_articles_added);
  else if (summary->cancelled)
    message = g_strdup_printf (_("Import cancelled; %u articles were added"), summary->n_articles_added);
  else if (summary->failures->len == 1 && summary->n_articles_added == 0)
    message = g_strdup_printf (_("Not imported: %s"), (const char *) g_ptr_array_index (self->import_failures, 0));
  else if (summary->failures->len > 0)
    message = g_strdup_printf (_("%u articles imported; %u files failed"),
                               summary->n_articles_added, summary->failures->len);
  else if (summary->n_articles_added == 0 && summary->n_articles_duplicate > 0)
    message = g_strdup (_("These articles are already in the corpus"));
  else if (summary->n_articles_added == 1)
    message = g_strdup_printf (_("1 article imported: %u relations found"), summary->n_relations);
  else
    message = g_strdup_printf (_("%u articles imported: %u relations found"),
                               summary->n_articles_added, summary->n_relations);

  if (summary->failures->len > 0)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-import-failures");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      dm_window_toast (self, message);
    }

  if (summary->n_articles_added > 0 && job->corpus == self->corpus)
    dm_corpus_emit_changed (self->corpus);

  if (self->pending_focus != NULL && g_queue_is_empty (&self->import_queue))
    {
      g_autofree char *name = g_steal_pointer (&self->pending_focus);

      dm_window_focus_actor_name (self, name);
    }

next:
  gtk_revealer_set_reveal_child (self->import_revealer, !g_queue_is_empty (&self->import_queue));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  g_signal_emit (self, signals[IMPORT_FINISHED], 0);
  dm_window_start_import (self);
}

static void
dm_window_start_import (DmWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->import_cancellable != NULL || g_queue_is_empty (&self->import_queue))
    return;

  job = g_queue_pop_head (&self->import_queue);
  if (job->corpus != self->corpus)
    {
      /* The corpus changed while the job waited: it belongs to the old one. */
      import_job_free (job);
      dm_window_start_import (self);
      return;
    }

  self->import_cancellable = g_object_ref (job->cancellable);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_label_set_text (self->import_label,
                      job->kind == IMPORT_SAMPLES ? _("Importing the sample articles…")
                                                  : _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  if (debug_timings)
    {
      self->stall_last = g_get_monotonic_time ();
      self->stall_max = 0;
      self->stall_source = g_timeout_add (5, stall_tick_cb, self);
    }

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_source_tag (task, dm_window_start_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
dm_window_queue_import (DmWindow   *self,
                        ImportKind  kind,
                        char      **paths,
                        char       *text)
{
  ImportJob *job;

  if (self->corpus == NULL)
    {
      g_strfreev (paths);
      g_free (text);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->kind = kind;
  job->window = g_object_ref (self);
  job->corpus = g_object_ref (self->corpus);
  job->paths = paths;
  job->text = text;
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();

  g_queue_push_tail (&self->import_queue, job);
  dm_window_start_import (self);
}

static gboolean
drop_cb (DmWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (GSList *l = files; l != NULL; l = l->next)
        {
          g_autofree char *path = g_file_get_path (l->data);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      g_slist_free (files);

      paths = g_strv_builder_end (builder);
      if (paths[0] == NULL)
        return FALSE;

      dm_window_import_paths (self, (const char * const *) paths);
      return TRUE;
    }
  else if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == 0)
        return FALSE;

      dm_window_import_text (self, text);
      return TRUE;
    }

  return FALSE;
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  const GValue *value;

  if ((value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL)))
    drop_cb (self, value, 0, 0, NULL);
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL || g_strstrip (text)[0] == 0)
    {
      dm_window_toast (self, _("The clipboard holds no text to import"));
      return;
    }

  dm_window_import_text (self, text);
}

/* ------------------------------------------------------------------------------------------ */
/* File choosers */

static GtkFileFilter *
make_filter (const char         *name,
             const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);

  return filter;
}

static char **
files_to_paths (GListModel *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  return g_strv_builder_end (builder);
}

static void
open_articles_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           DmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_auto(GStrv) paths = files_to_paths (files);

      if (paths[0] != NULL)
        dm_window_import_paths (self, (const char * const *) paths);
    }

  g_object_unref (dialog);
}

static void
dm_window_choose_articles (DmWindow             *self,
                           GtkFileChooserAction  action)
{
  static const char * const article_patterns[] = {
    "*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.xml", "*.rss", "*.atom", "*.feed", NULL
  };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                         ? _("Open Folders of Articles") : _("Open Articles"),
                                         GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) articles = make_filter (_("Articles (text, HTML, feeds)"), article_patterns);
      g_autoptr(GtkFileFilter) all = make_filter (_("All Files"), all_patterns);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (open_articles_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      DmExportFormat format;

      if (path != NULL && !dm_export_format_from_path (path, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
          gpointer chosen = filter ? g_object_get_data (G_OBJECT (filter), "format") : NULL;
          char *with_extension;

          format = chosen ? GPOINTER_TO_UINT (chosen) - 1 : DM_EXPORT_PNG;
          with_extension = g_strdup_printf ("%s.%s", path, dm_export_format_to_string (format));
          g_free (path);
          path = with_extension;
        }

      if (path != NULL)
        dm_window_export (self, path);
    }

  g_object_unref (dialog);
}

static void
dm_window_choose_export (DmWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (dm_graph_view_get_layout (self->graph_view) == NULL && !self->busy)
    {
      dm_window_toast (self, _("Nothing to export: the graph is empty"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (guint f = 0; f < DM_N_EXPORT_FORMATS; f++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", dm_export_format_to_string (f));
      g_autofree char *label = g_strdup_printf ("%s (%s)", dm_export_format_get_label (f), pattern);

      gtk_file_filter_set_name (filter, label);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (f + 1));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (f == DM_EXPORT_PNG)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  if (self->corpus != NULL)
    {
      g_autofree char *title = dm_corpus_dup_title (self->corpus);

      name = g_strdup_printf ("%s.png", title);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name ? name : "graph.png");
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dm_window_open_corpus_with_toast (DmWindow   *self,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!dm_window_open_corpus (self, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the corpus: %s"), error->message);

      dm_window_toast (self, message);
    }
}

static void
corpus_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DmWindow        *self)
{
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && create)
        {
          if (!g_str_has_suffix (path, ".dramatis"))
            {
              char *with_suffix = g_strconcat (path, ".dramatis", NULL);

              g_free (path);
              path = with_suffix;
            }
          else
            {
              /* The chooser asked before replacing it: a new corpus starts empty. */
              g_unlink (path);
            }
        }

      if (path != NULL)
        dm_window_open_corpus_with_toast (self, path);
    }

  g_object_unref (dialog);
}

static void
dm_window_choose_corpus (DmWindow *self,
                         gboolean  create)
{
  static const char * const patterns[] = { "*.dramatis", NULL };
  g_autoptr(GtkFileFilter) filter = make_filter (_("Dramatis Corpora"), patterns);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (create ? _("New Corpus") : _("Open Corpus"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.dramatis"));
  g_object_set_data (G_OBJECT (chooser), "create", GINT_TO_POINTER (create));
  g_signal_connect (chooser, "response", G_CALLBACK (corpus_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------------ */
/* Export */

typedef struct {
  DmWindow *window;
  DmCorpus *corpus;
  char     *path;
} ExportCall;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportCall *call = user_data;
  DmWindow *self = call->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (dm_export_finish (result, &error))
    message = g_strdup_printf (_("Exported to %s"), call->path);
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);

  dm_window_toast (self, message);
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, call->path, error ? error->message : NULL);

  g_object_unref (call->window);
  g_object_unref (call->corpus);
  g_free (call->path);
  g_free (call);
}

static void
dm_window_export_failed (DmWindow   *self,
                         const char *path,
                         const char *reason)
{
  g_autofree char *message = g_strdup_printf (_("Could not export: %s"), reason);

  dm_window_toast (self, message);
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, path, reason);
}

/* ------------------------------------------------------------------------------------------ */
/* Actions */

static void
open_articles_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  dm_window_choose_articles (DM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dm_window_choose_articles (DM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
new_corpus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  dm_window_choose_corpus (DM_WINDOW (widget), TRUE);
}

static void
open_corpus_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dm_window_choose_corpus (DM_WINDOW (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  dm_window_choose_export (DM_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  dm_window_go_back (DM_WINDOW (widget));
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  dm_window_go_forward (DM_WINDOW (widget));
}

static void
whole_graph_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dm_window_show_whole_graph (DM_WINDOW (widget));
}

static void
widen_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);

  dm_window_set_depth (self, self->depth == 1 ? 2 : 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);

  gtk_widget_set_visible (self->sidebar, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "actors");
  dm_actors_panel_focus_search (self->actors_panel);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);

  gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    NULL, paste_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (self));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  dm_window_cancel_import (DM_WINDOW (widget));
}

static void
show_import_failures_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->import_failures->len > 0)
    dm_window_show_import_failures (self);
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
  dm_window_reload_graph (self);
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
  ImportJob *job;

  g_cancellable_cancel (self->graph_cancellable);
  g_clear_object (&self->graph_cancellable);
  dm_window_cancel_details (self);
  g_clear_handle_id (&self->stall_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  while ((job = g_queue_pop_head (&self->import_queue)))
    import_job_free (job);

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

  debug_timings = g_strcmp0 (g_getenv ("DRAMATIS_DEBUG_TIMINGS"), "1") == 0;

  g_type_ensure (DM_TYPE_ACTORS_PANEL);
  g_type_ensure (DM_TYPE_ARTICLES_PANEL);
  g_type_ensure (DM_TYPE_DETAILS_PANEL);
  g_type_ensure (DM_TYPE_FILTERS_PANEL);
  g_type_ensure (DM_TYPE_GRAPH_VIEW);

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

  gtk_widget_class_install_action (widget_class, "win.open-articles", NULL, open_articles_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.new-corpus", NULL, new_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.open-corpus", NULL, open_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.whole-graph", NULL, whole_graph_action);
  gtk_widget_class_install_action (widget_class, "win.widen", NULL, widen_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-failures", NULL, show_import_failures_action);
}

static void
dm_window_init (DmWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.dramatis.Dramatis");
  self->query = dm_graph_query_new ();
  self->depth = 1;
  self->history = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->import_failures = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->import_queue);

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

  /* Files from the file manager, text from anywhere. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas_overlay), GTK_EVENT_CONTROLLER (drop));

  /* Ctrl+V on the canvas only: entries keep their own paste. */
  shortcuts = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                               gtk_named_action_new ("win.paste"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas_overlay), shortcuts);

  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
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
  dm_window_navigate (self, 0, TRUE);

  return TRUE;
}

DmCorpus *
dm_window_get_corpus (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->corpus;
}

void
dm_window_import_samples (DmWindow *self)
{
  g_return_if_fail (DM_IS_WINDOW (self));

  dm_window_queue_import (self, IMPORT_SAMPLES, NULL, NULL);
}

void
dm_window_import_paths (DmWindow           *self,
                        const char * const *paths)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL)
    return;

  dm_window_queue_import (self, IMPORT_PATHS, g_strdupv ((char **) paths), NULL);
}

void
dm_window_import_text (DmWindow   *self,
                       const char *text)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  dm_window_queue_import (self, IMPORT_TEXT, NULL, g_strdup (text));
}

gboolean
dm_window_is_importing (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL || !g_queue_is_empty (&self->import_queue);
}

void
dm_window_cancel_import (DmWindow *self)
{
  ImportJob *job;

  g_return_if_fail (DM_IS_WINDOW (self));

  while ((job = g_queue_pop_head (&self->import_queue)))
    import_job_free (job);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

GPtrArray *
dm_window_get_import_failures (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->import_failures;
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
      dm_window_toast (self, message);
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
    dm_window_reload_graph (self);
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

void
dm_window_export (DmWindow   *self,
                  const char *path)
{
  DmExportFormat format;
  DmLayout *layout;
  ExportCall *call;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!dm_export_format_from_path (path, &format))
    {
      dm_window_export_failed (self, path,
                               _("unknown format: end the file name with .png, .svg, .pdf, .dot, .graphml, .gexf or .csv"));
      return;
    }

  /* A layout is on its way: export what the canvas is about to show. */
  if (self->busy)
    {
      g_free (self->pending_export);
      self->pending_export = g_strdup (path);
      return;
    }

  if (self->corpus == NULL || !(layout = dm_graph_view_get_layout (self->graph_view)))
    {
      dm_window_export_failed (self, path, _("the graph is empty"));
      return;
    }

  call = g_new0 (ExportCall, 1);
  call->window = g_object_ref (self);
  call->corpus = g_object_ref (self->corpus);
  call->path = g_strdup (path);
  dm_export_async (dm_corpus_get_store (self->corpus), layout, format, path, NULL,
                   export_done_cb, call);
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
