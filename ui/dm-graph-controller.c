/* dm-graph-controller.c — turns "show this part of the corpus" into a built, laid-out graph
 *
 * A request is built into a DmGraph in a thread, laid out there too (waiting for the
 * DmLayoutWorker in that thread: going back through the main loop in between could wait for
 * a frame being drawn) unless the corpus's layout cache holds its layout, and handed over
 * on the main loop. A new request cancels the one before: only the latest ever reports.
 * A fresh layout is kept in the cache after it has been handed over, in another thread.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-controller"

#include "config.h"

#include "dm-graph-controller.h"
#include "dm-layout-cache.h"

struct _DmGraphController
{
  GObject       parent_instance;

  DmCorpus     *corpus;
  GCancellable *cancellable;   /* of the request on its way, NULL when none is */
};

enum {
  PROP_0,
  PROP_CORPUS,
  N_PROPS
};

enum {
  READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmGraphController, dm_graph_controller, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* Requests and results */

DmGraphRequest *
dm_graph_request_new (const DmGraphQuery *query,
                      DmLayoutEngine      engine)
{
  DmGraphRequest *request;

  g_return_val_if_fail (query != NULL, NULL);

  request = g_new0 (DmGraphRequest, 1);
  request->query = dm_graph_query_copy (query);
  request->engine = engine;
  return request;
}

DmGraphRequest *
dm_graph_request_copy (const DmGraphRequest *request)
{
  DmGraphRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = dm_graph_request_new (request->query, request->engine);
  if (request->anchors != NULL)
    copy->anchors = g_hash_table_ref (request->anchors);
  copy->frame_width = request->frame_width;
  copy->frame_height = request->frame_height;
  return copy;
}

void
dm_graph_request_free (DmGraphRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->query, dm_graph_query_free);
  g_clear_pointer (&request->anchors, g_hash_table_unref);
  g_free (request);
}

static void
dm_graph_result_clear (DmGraphResult *result)
{
  g_clear_pointer (&result->request, dm_graph_request_free);
  g_clear_pointer (&result->graph, dm_graph_unref);
  g_clear_pointer (&result->layout, dm_layout_unref);
  g_clear_error (&result->error);
}

DmGraphResult *
dm_graph_result_ref (DmGraphResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_rc_box_acquire (result);
}

void
dm_graph_result_unref (DmGraphResult *result)
{
  g_return_if_fail (result != NULL);

  g_rc_box_release_full (result, (GDestroyNotify) dm_graph_result_clear);
}

G_DEFINE_BOXED_TYPE (DmGraphResult, dm_graph_result, dm_graph_result_ref, dm_graph_result_unref)

/* ------------------------------------------------------------------------------------------ */
/* In the thread */

/* One request on its way: filled in by the thread, read on the main loop. */
typedef struct {
  DmCorpus      *corpus;
  GCancellable  *cancellable;
  DmGraphResult *result;
  char          *key;           /* the layout's key in the cache */
  char          *cached_xdot;   /* the cache's xdot text, when it had no serialisation */
} GraphJob;

static void
graph_job_free (GraphJob *job)
{
  g_clear_object (&job->corpus);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->result, dm_graph_result_unref);
  g_clear_pointer (&job->key, g_free);
  g_clear_pointer (&job->cached_xdot, g_free);
  g_free (job);
}

/* Pins the request's anchored actors (not those dragged: theirs is the user's place) and
 * picks an engine that keeps pinned positions: dot and the radial ones place every node
 * themselves. sfdp, chosen for graphs too large for neato, stays (and ignores the pins).
 * Returns the first anchored node, or -1. */
static int
anchor_nodes (DmGraphRequest *request,
              DmGraph        *graph)
{
  DmLayoutEngine engine = request->engine;
  guint n_anchored = 0;
  int first = -1;

  if (request->anchors == NULL || g_hash_table_size (request->anchors) == 0)
    return -1;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      const DmGraphAnchor *anchor = g_hash_table_lookup (request->anchors, &node->actor_id);

      if (node->has_position || anchor == NULL)
        continue;
      node->has_position = TRUE;
      node->x = anchor->x;
      node->y = anchor->y;
      if (n_anchored++ == 0)
        first = i;
    }

  if (n_anchored == 0)
    return -1;
  if (engine == DM_LAYOUT_ENGINE_AUTO)
    engine = dm_layout_engine_for_graph (graph);
  if (engine == DM_LAYOUT_ENGINE_DOT || engine == DM_LAYOUT_ENGINE_CIRCO ||
      engine == DM_LAYOUT_ENGINE_TWOPI)
    request->engine = DM_LAYOUT_ENGINE_NEATO;
  return first;
}

/* Graphviz moved the pinned drawing so that its box starts at 0,0: back into the frame of
 * the anchors, where @node stands at its anchor. */
static void
frame_layout (DmGraphRequest *request,
              DmLayout       *layout,
              int             node)
{
  const DmGraphNode *pinned = g_ptr_array_index (layout->graph->nodes, node);
  const DmGraphAnchor *anchor = g_hash_table_lookup (request->anchors, &pinned->actor_id);

  if (layout->engine != DM_LAYOUT_ENGINE_NEATO && layout->engine != DM_LAYOUT_ENGINE_FDP)
    return;
  dm_layout_move_into_frame (layout,
                             anchor->x - layout->nodes[node].x,
                             (request->frame_height - anchor->y) - layout->nodes[node].y,
                             request->frame_width, request->frame_height);
}

static void
build_graph_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GraphJob *job = task_data;
  DmGraphResult *result = job->result;
  DmStore *store = dm_corpus_get_store (job->corpus);
  g_autoptr(GError) error = NULL;
  DmStoreStats stats = {0};
  gint64 start = g_get_monotonic_time ();
  int anchored;

  if (!(result->graph = dm_graph_build (store, result->request->query, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  anchored = anchor_nodes (result->request, result->graph);

  /* Only an empty graph needs to say why it is empty. */
  if (result->graph->nodes->len == 0 && dm_store_get_stats (store, &stats, NULL))
    {
      result->n_articles = stats.n_articles;
      result->n_relations = stats.n_relations;
    }

  if (result->graph->nodes->len > 0)
    {
      /* the engine's own key: the CLI and the window share cached layouts */
      job->key = dm_layout_cache_key (result->graph, result->request->engine);
      result->layout = dm_layout_cache_lookup (store, result->graph, job->key, &job->cached_xdot);
      result->from_cache = result->layout != NULL;

      if (result->layout == NULL)
        result->layout = dm_layout_worker_layout (dm_layout_worker_get_default (),
                                                  result->graph, result->request->engine,
                                                  job->cached_xdot, cancellable,
                                                  &result->error);
      if (result->layout != NULL && anchored >= 0)
        frame_layout (result->request, result->layout, anchored);
    }

  result->build_time = g_get_monotonic_time () - start;
  g_task_return_boolean (task, TRUE);
}

static void
save_layout_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GraphJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!dm_layout_cache_save (dm_corpus_get_store (job->corpus), job->key, job->result->layout,
                             job->cached_xdot != NULL, &error))
    g_debug ("Could not cache the layout: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Back on the main loop */

static void
graph_built_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  DmGraphController *self = DM_GRAPH_CONTROLLER (object);
  GTask *task = G_TASK (async_result);
  GraphJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean built = g_task_propagate_boolean (task, &error);

  /* Superseded or cancelled: the request after it reports, or none. */
  if (g_cancellable_is_cancelled (job->cancellable) || job->cancellable != self->cancellable)
    return;

  g_clear_object (&self->cancellable);

  if (!built)
    {
      g_clear_pointer (&job->result->graph, dm_graph_unref);
      g_clear_error (&job->result->error);
      job->result->error = g_steal_pointer (&error);
    }
  else if (job->result->layout != NULL && !job->result->from_cache)
    {
      g_autoptr(GTask) save = g_task_new (NULL, NULL, NULL, NULL);
      GraphJob *save_job = g_new0 (GraphJob, 1);

      save_job->corpus = g_object_ref (job->corpus);
      save_job->result = dm_graph_result_ref (job->result);
      save_job->key = g_steal_pointer (&job->key);
      save_job->cached_xdot = g_steal_pointer (&job->cached_xdot);
      g_task_set_source_tag (save, graph_built_cb);
      g_task_set_task_data (save, save_job, (GDestroyNotify) graph_job_free);
      g_task_run_in_thread (save, save_layout_thread);
    }

  g_signal_emit (self, signals[READY], 0, job->result);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject */

static void
dm_graph_controller_dispose (GObject *object)
{
  DmGraphController *self = (DmGraphController *)object;

  dm_graph_controller_cancel (self);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (dm_graph_controller_parent_class)->dispose (object);
}

static void
dm_graph_controller_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DmGraphController *self = DM_GRAPH_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_graph_controller_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DmGraphController *self = DM_GRAPH_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      dm_graph_controller_set_corpus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_graph_controller_class_init (DmGraphControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dm_graph_controller_dispose;
  object_class->get_property = dm_graph_controller_get_property;
  object_class->set_property = dm_graph_controller_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         DM_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  DM_TYPE_GRAPH_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
dm_graph_controller_init (DmGraphController *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

DmGraphController *
dm_graph_controller_new (void)
{
  return g_object_new (DM_TYPE_GRAPH_CONTROLLER, NULL);
}

DmCorpus *
dm_graph_controller_get_corpus (DmGraphController *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_CONTROLLER (self), NULL);

  return self->corpus;
}

void
dm_graph_controller_set_corpus (DmGraphController *self,
                                DmCorpus          *corpus)
{
  g_return_if_fail (DM_IS_GRAPH_CONTROLLER (self));
  g_return_if_fail (corpus == NULL || DM_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;

  dm_graph_controller_cancel (self);
  g_set_object (&self->corpus, corpus);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

void
dm_graph_controller_request (DmGraphController    *self,
                             const DmGraphRequest *request)
{
  g_autoptr(GTask) task = NULL;
  GraphJob *job;

  g_return_if_fail (DM_IS_GRAPH_CONTROLLER (self));
  g_return_if_fail (request != NULL);

  dm_graph_controller_cancel (self);

  if (self->corpus == NULL)
    return;

  self->cancellable = g_cancellable_new ();

  job = g_new0 (GraphJob, 1);
  job->corpus = g_object_ref (self->corpus);
  job->cancellable = g_object_ref (self->cancellable);
  job->result = g_rc_box_new0 (DmGraphResult);
  job->result->request = dm_graph_request_copy (request);
  job->result->requested_at = g_get_monotonic_time ();

  task = g_task_new (self, self->cancellable, graph_built_cb, NULL);
  g_task_set_source_tag (task, dm_graph_controller_request);
  g_task_set_task_data (task, job, (GDestroyNotify) graph_job_free);
  g_task_run_in_thread (task, build_graph_thread);
}

void
dm_graph_controller_cancel (DmGraphController *self)
{
  g_return_if_fail (DM_IS_GRAPH_CONTROLLER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
dm_graph_controller_is_busy (DmGraphController *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_CONTROLLER (self), FALSE);

  return self->cancellable != NULL;
}
