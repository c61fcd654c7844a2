/* dm-layout-worker.c — the one thread on which every Graphviz call of the program runs
 *
 * Graphviz keeps global state (the cgraph parser, error buffers, plugin tables) and is not
 * thread-safe, so a single thread owns one GVC_t and runs requests one at a time, in the
 * order they came. Layout requests turn a DmGraph into DOT, lay it out, render it to xdot
 * and convert the draw operations into DmLayout shapes that the GUI draws without Graphviz.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout-worker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "dm-layout-graphviz-private.h"

typedef struct {
  DmLayoutWorkerFunc  func;
  gpointer            data;
  GDestroyNotify      data_destroy;
  GCancellable       *cancellable;
  /* async requests */
  GTask              *task;
  GDestroyNotify      result_destroy;
  /* blocking requests */
  GMutex              mutex;
  GCond               cond;
  gboolean            done;
  gpointer            result;
  GError             *error;
} Job;

struct _DmLayoutWorker
{
  GObject       parent_instance;

  GThread      *thread;
  GAsyncQueue  *queue;     /* Job; a job without func stops the thread */
};

G_DEFINE_FINAL_TYPE (DmLayoutWorker, dm_layout_worker, G_TYPE_OBJECT)

/* Only touched on the worker thread. */
static GVC_t   *worker_gvc;
static GString *worker_errors;

static int
collect_graphviz_message (char *message)
{
  /* Graphviz prints to stderr by default; errors become GError messages instead and
   * warnings (e.g. "node too large for page") are dropped. */
  if (worker_errors != NULL && g_str_has_prefix (message, "Error"))
    {
      g_autofree char *line = g_strdup (message + strlen ("Error"));

      g_strstrip (line);
      if (worker_errors->len > 0)
        g_string_append (worker_errors, "; ");
      g_string_append (worker_errors, line[0] == ':' ? g_strchug (line + 1) : line);
    }
  return 0;
}

static void
job_free (Job *job)
{
  if (job->data_destroy != NULL && job->data != NULL)
    job->data_destroy (job->data);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gpointer
job_run (Job     *job,
         GError **error)
{
  gpointer result;

  if (job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_CANCELLED,
                           _("The layout was cancelled"));
      return NULL;
    }

  g_string_truncate (worker_errors, 0);
  agreseterrors ();
  result = job->func (worker_gvc, job->data, job->cancellable, error);
  g_assert (result != NULL || error == NULL || *error != NULL);
  return result;
}

static gpointer
worker_thread_main (gpointer data)
{
  GAsyncQueue *queue = data;
  Job *job;

  worker_errors = g_string_new (NULL);
  agseterrf (collect_graphviz_message);
  /* Plugins load on demand (demand_loading = 1): only the layout engines and renderers a
   * request names are opened. */
  worker_gvc = gvContext ();

  while ((job = g_async_queue_pop (queue))->func != NULL)
    {
      GError *error = NULL;
      gpointer result = job_run (job, &error);

      if (job->task != NULL)
        {
          if (result != NULL)
            g_task_return_pointer (job->task, result, job->result_destroy);
          else
            g_task_return_error (job->task, error);
          job_free (job);
        }
      else
        {
          g_mutex_lock (&job->mutex);
          job->result = result;
          job->error = error;
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
          /* the waiting caller frees the job */
        }
    }

  g_free (job);
  gvFreeContext (worker_gvc);
  worker_gvc = NULL;
  g_string_free (worker_errors, TRUE);
  worker_errors = NULL;
  g_async_queue_unref (queue);
  return NULL;
}

static void
dm_layout_worker_finalize (GObject *object)
{
  DmLayoutWorker *self = DM_LAYOUT_WORKER (object);

  /* queued jobs run first, then the stop request */
  g_async_queue_push (self->queue, g_new0 (Job, 1));
  g_thread_join (self->thread);
  g_async_queue_unref (self->queue);

  G_OBJECT_CLASS (dm_layout_worker_parent_class)->finalize (object);
}

static void
dm_layout_worker_class_init (DmLayoutWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_layout_worker_finalize;
}

static void
dm_layout_worker_init (DmLayoutWorker *self)
{
  self->queue = g_async_queue_new ();
  self->thread = g_thread_new ("dm-layout-worker", worker_thread_main,
                               g_async_queue_ref (self->queue));
}

DmLayoutWorker *
dm_layout_worker_get_default (void)
{
  static DmLayoutWorker *default_worker;

  if (g_once_init_enter (&default_worker))
    g_once_init_leave (&default_worker, g_object_new (DM_TYPE_LAYOUT_WORKER, NULL));
  return default_worker;
}

gboolean
dm_layout_worker_is_worker_thread (DmLayoutWorker *self)
{
  g_return_val_if_fail (DM_IS_LAYOUT_WORKER (self), FALSE);
  return g_thread_self () == self->thread;
}

static Job *
job_new (DmLayoutWorkerFunc  func,
         gpointer            data,
         GDestroyNotify      data_destroy,
         GCancellable       *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_destroy = data_destroy;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

void
dm_layout_worker_run_async (DmLayoutWorker      *self,
                            DmLayoutWorkerFunc   func,
                            gpointer             data,
                            GDestroyNotify       data_destroy,
                            GDestroyNotify       result_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (DM_IS_LAYOUT_WORKER (self));
  g_return_if_fail (func != NULL);

  job = job_new (func, data, data_destroy, cancellable);
  job->result_destroy = result_destroy;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, dm_layout_worker_run_async);
  /* a skipped request reports DM_LAYOUT_ERROR_CANCELLED (not G_IO_ERROR_CANCELLED), and a
   * result that was ready before cancellation is still delivered */
  g_task_set_check_cancellable (job->task, FALSE);
  g_async_queue_push (self->queue, job);
}

gpointer
dm_layout_worker_run_finish (DmLayoutWorker  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (DM_IS_LAYOUT_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
dm_layout_worker_run (DmLayoutWorker      *self,
                      DmLayoutWorkerFunc   func,
                      gpointer             data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  Job *job;
  gpointer result;

  g_return_val_if_fail (DM_IS_LAYOUT_WORKER (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  job = job_new (func, data, NULL, cancellable);

  if (dm_layout_worker_is_worker_thread (self))
    {
      GError *local_error = NULL;

      result = job_run (job, &local_error);
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      job_free (job);
      return result;
    }

  g_async_queue_push (self->queue, job);

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  result = job->result;
  if (job->error != NULL)
    g_propagate_error (error, job->error);
  job_free (job);
  return result;
}

/* Layout requests ------------------------------------------------------------------------ */

typedef struct {
  DmGraph        *graph;
  DmLayoutEngine  engine;
  char           *cached_xdot;
} LayoutRequest;

static void
layout_request_free (LayoutRequest *request)
{
  dm_graph_unref (request->graph);
  g_free (request->cached_xdot);
  g_free (request);
}

static gboolean
append_shapes (GPtrArray   *shapes,
               void        *obj,
               Agsym_t     *sym,
               double       origin_x,
               double       flip_y,
               GError     **error)
{
  const char *ops = dm_gv_get_attr (obj, sym);

  if (!dm_layout_append_xdot_shapes (shapes, ops, origin_x, flip_y))
    {
      g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                   _("Cannot read the draw operations of “%s”"), agnameof (obj));
      return FALSE;
    }
  return TRUE;
}

/* Reads positions and draw operations of a laid-out cgraph graph into @layout. One pass
 * over nodes and edges: linear in the size of the graph. */
static gboolean
fill_layout (DmLayout  *layout,
             Agraph_t  *g,
             GError   **error)
{
  DmGraph *graph = layout->graph;
  g_autoptr(GHashTable) node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (graph->edges->len, 1));
  double bb[4];
  double origin_x, flip_y;
  Agsym_t *n_pos = dm_gv_find_attr (g, AGNODE, "pos");
  Agsym_t *n_width = dm_gv_find_attr (g, AGNODE, "width");
  Agsym_t *n_height = dm_gv_find_attr (g, AGNODE, "height");
  Agsym_t *n_draw = dm_gv_find_attr (g, AGNODE, "_draw_");
  Agsym_t *n_ldraw = dm_gv_find_attr (g, AGNODE, "_ldraw_");
  Agsym_t *e_id = dm_gv_find_attr (g, AGEDGE, "id");
  Agsym_t *e_lp = dm_gv_find_attr (g, AGEDGE, "lp");
  Agsym_t *e_syms[6] = {
    dm_gv_find_attr (g, AGEDGE, "_draw_"),
    dm_gv_find_attr (g, AGEDGE, "_hdraw_"),
    dm_gv_find_attr (g, AGEDGE, "_tdraw_"),
    dm_gv_find_attr (g, AGEDGE, "_ldraw_"),
    dm_gv_find_attr (g, AGEDGE, "_hldraw_"),
    dm_gv_find_attr (g, AGEDGE, "_tldraw_"),
  };

  if (!dm_gv_parse_doubles (agget (g, (char *) "bb"), bb, 4))
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                           _("The laid-out graph has no bounding box"));
      return FALSE;
    }
  if (n_draw == NULL && graph->nodes->len > 0)
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                           _("The laid-out graph has no draw operations"));
      return FALSE;
    }

  /* Graphviz's y grows upwards from the lower-left corner; ours downwards from the top */
  origin_x = bb[0];
  flip_y = bb[3];
  layout->width = bb[2] - bb[0];
  layout->height = bb[3] - bb[1];
  /* where the drawing was before dragged actors were put back (place_dragged_nodes) */
  {
    double frame[2] = { bb[0], bb[1] };

    dm_gv_parse_doubles (agget (g, (char *) "dm_frame"), frame, 2);
    layout->frame_x = frame[0] - origin_x;
    layout->frame_y = flip_y - frame[1];
  }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      g_hash_table_insert (node_index, &node->actor_id, GUINT_TO_POINTER (i + 1));
    }

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      const char *name = agnameof (n);
      gint64 actor_id;
      guint index;
      DmLayoutNode *ln;
      double pos[2];

      if (!dm_gv_parse_actor_name (name, "a", &actor_id))
        continue;
      if (!(index = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, &actor_id))))
        continue;
      ln = &layout->nodes[index - 1];

      if (dm_gv_parse_doubles (dm_gv_get_attr (n, n_pos), pos, 2))
        {
          ln->x = pos[0] - origin_x;
          ln->y = flip_y - pos[1];
        }
      ln->width = g_ascii_strtod (dm_gv_get_attr (n, n_width) ?: "0", NULL) * 72.0;
      ln->height = g_ascii_strtod (dm_gv_get_attr (n, n_height) ?: "0", NULL) * 72.0;

      if (!append_shapes (ln->shapes, n, n_draw, origin_x, flip_y, error)
          || !append_shapes (ln->shapes, n, n_ldraw, origin_x, flip_y, error))
        return FALSE;

      for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
        {
          const char *id = dm_gv_get_attr (e, e_id);
          guint64 edge_index;
          DmLayoutEdge *le;
          double lp[2];

          if (id == NULL || id[0] != 'e'
              || !g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT, &edge_index, NULL)
              || edge_index >= graph->edges->len || seen[edge_index])
            continue;
          seen[edge_index] = TRUE;
          le = &layout->edges[edge_index];

          for (guint k = 0; k < G_N_ELEMENTS (e_syms); k++)
            if (!append_shapes (le->shapes, e, e_syms[k], origin_x, flip_y, error))
              return FALSE;

          if (dm_gv_parse_doubles (dm_gv_get_attr (e, e_lp), lp, 2))
            {
              le->label_x = lp[0] - origin_x;
              le->label_y = flip_y - lp[1];
              le->has_label_pos = TRUE;
            }
        }
    }

  dm_layout_fill_groups (layout, g, node_index, origin_x, flip_y);
  return TRUE;
}

static void
set_graph_attr (Agraph_t   *g,
                const char *name,
                const char *value)
{
  agsafeset (g, (char *) name, (char *) value, (char *) "");
}

static gboolean
graphviz_failed (GError     **error,
                 const char  *what)
{
  if (worker_errors->len > 0)
    g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED, "%s: %s", what, worker_errors->str);
  else
    g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED, "%s", what);
  return FALSE;
}

/* Reads a Graphviz edge "pos" (["e,x,y "]["s,x,y "]x,y x,y …, pieces after ';' ignored)
 * into @points: the Bézier's control points. */
static gboolean
parse_edge_path (const char *pos,
                 GArray     *points)
{
  const char *p = pos;

  g_array_set_size (points, 0);
  if (pos == NULL)
    return FALSE;
  while (*p != '\0' && *p != ';')
    {
      double xy[2];
      char *end;

      while (*p == ' ')
        p++;
      if ((p[0] == 'e' || p[0] == 's') && p[1] == ',')
        {
          /* an arrow's end point, not part of the curve */
          while (*p != '\0' && *p != ' ' && *p != ';')
            p++;
          continue;
        }
      if (*p == '\0' || *p == ';')
        break;
      xy[0] = g_ascii_strtod (p, &end);
      if (end == p || *end != ',')
        return FALSE;
      p = end + 1;
      xy[1] = g_ascii_strtod (p, &end);
      if (end == p)
        return FALSE;
      p = end;
      g_array_append_vals (points, xy, 2);
    }
  return points->len >= 8 && (points->len / 2 - 1) % 3 == 0;
}

/* Lays @g out with @engine_name and places its edge labels itself: Graphviz lays the graph
 * out without them (the positions of nodes and edges of neato, fdp and sfdp do not depend on
 * edge labels), each label goes beside its own edge (dm_layout_place_labels), and the "nop2"
 * engine (neato -n2) takes nodes, edges and labels where they are, as for an export. */
static gboolean
layout_with_own_labels (GVC_t        *gvc,
                        Agraph_t     *g,
                        const char   *engine_name,
                        GCancellable *cancellable,
                        GError      **error)
{
  Agsym_t *e_label = agattr (g, AGEDGE, (char *) "label", NULL);
  Agsym_t *e_fontsize = agattr (g, AGEDGE, (char *) "fontsize", NULL);
  Agsym_t *n_pos, *n_width, *n_height, *e_pos, *e_lp;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (DmLabelSlot));
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (double));
  char *text = NULL;
  unsigned int text_len = 0;
  guint n_names = 0;
  guint i;

  if (e_label == NULL)
    return gvLayout (gvc, g, engine_name) == 0 || graphviz_failed (error, "Cannot lay out the graph");

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      {
        g_ptr_array_add (labels, g_strdup (agxget (e, e_label)));
        agxset (e, e_label, (char *) "");
      }

  if (gvLayout (gvc, g, engine_name) != 0)
    return graphviz_failed (error, "Cannot lay out the graph");
  /* the "dot" output attaches the positions ("pos", "width", …) as attributes */
  if (gvRenderData (gvc, g, "dot", &text, &text_len) != 0)
    {
      gvFreeLayout (gvc, g);
      return graphviz_failed (error, "Cannot lay out the graph");
    }
  gvFreeRenderData (text);
  gvFreeLayout (gvc, g);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_CANCELLED,
                           _("The layout was cancelled"));
      return FALSE;
    }

  n_pos = dm_gv_find_attr (g, AGNODE, "pos");
  n_width = dm_gv_find_attr (g, AGNODE, "width");
  n_height = dm_gv_find_attr (g, AGNODE, "height");
  e_pos = dm_gv_find_attr (g, AGEDGE, "pos");
  e_lp = agattr (g, AGEDGE, (char *) "lp", (char *) "");

  /* the group boxes where they will be drawn, and their names kept clear like actors */
  if (n_pos != NULL)
    dm_layout_fit_groups (g, NULL, n_pos, TRUE);
  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    {
      double box[4];

      if (dm_gv_parse_doubles (agget (sub, (char *) "lp"), box, 2)
          && dm_gv_parse_doubles (agget (sub, (char *) "lwidth"), &box[2], 1)
          && dm_gv_parse_doubles (agget (sub, (char *) "lheight"), &box[3], 1))
        {
          box[2] *= 72.0;
          box[3] *= 72.0;
          g_array_append_vals (obstacles, box, 4);
          n_names++;
        }
    }

  i = 0;
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      double box[4];

      if (dm_gv_parse_doubles (dm_gv_get_attr (n, n_pos), box, 2))
        {
          box[2] = g_ascii_strtod (dm_gv_get_attr (n, n_width) ?: "0", NULL) * 72.0;
          box[3] = g_ascii_strtod (dm_gv_get_attr (n, n_height) ?: "0", NULL) * 72.0;
          g_array_append_vals (obstacles, box, 4);
        }

      for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e), i++)
        {
          GArray *path = g_array_new (FALSE, FALSE, sizeof (double));
          DmLabelSlot slot = { 0 };
          const char *label = g_ptr_array_index (labels, i);

          g_ptr_array_add (paths, path);
          if (label[0] != '\0' && parse_edge_path (dm_gv_get_attr (e, e_pos), path))
            {
              slot.path = (const double *) (gpointer) path->data;
              slot.n_points = path->len / 2;
              dm_layout_estimate_label_size (label,
                                             g_ascii_strtod (dm_gv_get_attr (e, e_fontsize) ?: "14", NULL),
                                             &slot.width, &slot.height);
            }
          g_array_append_val (slots, slot);
        }
    }

  /* a graph placed here for its size rather than its crowding has room for every label */
  dm_layout_place_labels ((DmLabelSlot *) (gpointer) slots->data, slots->len,
                          (const double *) (gpointer) obstacles->data, obstacles->len / 4,
                          slots->len <= (guint64) DM_LAYOUT_CLEAR_LABELS_PER_NODE
                                        * MAX (obstacles->len / 4 - n_names, 1));

  i = 0;
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e), i++)
      {
        const DmLabelSlot *slot = &g_array_index (slots, DmLabelSlot, i);

        agxset (e, e_label, g_ptr_array_index (labels, i));
        if (slot->placed)
          {
            char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
            g_autofree char *lp = g_strconcat (g_ascii_formatd (x, sizeof x, "%.2f", slot->x), ",",
                                               g_ascii_formatd (y, sizeof y, "%.2f", slot->y), NULL);

            agxset (e, e_lp, lp);
          }
        /* else Graphviz places the label */
      }

  /* the bounding box again, labels included */
  set_graph_attr (g, "bb", "");
  if (gvLayout (gvc, g, "nop2") != 0)
    return graphviz_failed (error, "Cannot lay out the graph");
  return TRUE;
}

/* Puts the actors the user dragged (a "dm_pos" attribute: Graphviz points from the lower-left
 * corner of the drawing) where they were left, after @g has been laid out without them
 * pinned. Graphviz moves pinned nodes with the rest of its drawing (neato translates even
 * with notranslate=true) and dot ignores pins, so the graph is laid out as if nothing had
 * been dragged, which leaves the other actors where they were, and the dragged ones are put
 * back at the same offset from that drawing's lower-left corner: the same place on reopening
 * and after a re-layout of the same view. Their edges are routed again by "nop2" (neato -n2),
 * which keeps every other edge as it is. The corner is kept as the graph's "dm_frame" for
 * fill_layout() and so for the next drag (dm_layout_to_graphviz_point). With @fit_groups
 * every group's box is fitted to its members (dm_layout_fit_groups), else those of groups
 * with a dragged member. */
static gboolean
place_dragged_nodes (GVC_t     *gvc,
                     Agraph_t  *g,
                     gboolean   fit_groups,
                     GError   **error)
{
  Agsym_t *n_dragged = dm_gv_find_attr (g, AGNODE, "dm_pos");
  Agsym_t *n_pos, *e_pos, *e_lp;
  char *text = NULL;
  unsigned int text_len = 0;
  double bb[4];

  if (n_dragged == NULL && !fit_groups)
    return TRUE;

  /* the "dot" output attaches the positions ("pos", "bb", …) as attributes */
  if (gvRenderData (gvc, g, "dot", &text, &text_len) != 0)
    {
      gvFreeLayout (gvc, g);
      return graphviz_failed (error, "Cannot lay out the graph");
    }
  gvFreeRenderData (text);
  gvFreeLayout (gvc, g);

  if (!dm_gv_parse_doubles (agget (g, (char *) "bb"), bb, 4))
    return graphviz_failed (error, "Cannot lay out the graph");
  n_pos = dm_gv_find_attr (g, AGNODE, "pos");
  e_pos = dm_gv_find_attr (g, AGEDGE, "pos");
  e_lp = dm_gv_find_attr (g, AGEDGE, "lp");

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      double xy[2];

      if (n_pos == NULL || n_dragged == NULL || !dm_gv_parse_doubles (dm_gv_get_attr (n, n_dragged), xy, 2))
        continue;
      dm_gv_set_point_attr (n, "pos", bb[0] + xy[0], bb[1] + xy[1]);
      /* its edges are routed again, their labels at their new middles */
      for (Agedge_t *e = agfstedge (g, n); e != NULL; e = agnxtedge (g, e, n))
        {
          if (e_pos != NULL)
            agxset (e, e_pos, (char *) "");
          if (e_lp != NULL)
            agxset (e, e_lp, (char *) "");
        }
    }

  if (n_pos != NULL)
    dm_layout_fit_groups (g, n_dragged, n_pos, fit_groups);

  dm_gv_set_point_attr (g, "dm_frame", bb[0], bb[1]);
  /* nop2 must not move the drawing, or the frame would be lost */
  set_graph_attr (g, "notranslate", "true");
  set_graph_attr (g, "bb", "");
  if (gvLayout (gvc, g, "nop2") != 0)
    return graphviz_failed (error, "Cannot lay out the graph");
  return TRUE;
}

static gpointer
layout_in_worker (gpointer       gvc_pointer,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GVC_t *gvc = gvc_pointer;
  LayoutRequest *request = data;
  g_autoptr(DmLayout) layout = NULL;
  DmLayoutEngine engine = request->engine;
  Agraph_t *g;
  char *xdot = NULL;
  unsigned int xdot_len = 0;
  guint n_nodes = request->graph->nodes->len;
  guint n_edges = request->graph->edges->len;
  gboolean ok;

  if (engine == DM_LAYOUT_ENGINE_AUTO)
    engine = dm_layout_engine_for_graph (request->graph);
  layout = dm_layout_new (request->graph, engine);

  if (request->cached_xdot != NULL)
    {
      /* The cached text already holds positions and draw operations: no layout */
      if (!(g = agmemread (request->cached_xdot)))
        {
          graphviz_failed (error, "Cannot read the cached layout");
          return NULL;
        }
      ok = fill_layout (layout, g, error);
      agclose (g);
      if (!ok)
        return NULL;
      layout->xdot = g_strdup (request->cached_xdot);
      return g_steal_pointer (&layout);
    }

  {
    g_autofree char *dot = dm_graph_to_dot (request->graph);

    if (!(g = agmemread (dot)))
      {
        graphviz_failed (error, "Cannot read the graph");
        return NULL;
      }
  }

  if (!dm_layout_engine_draws_groups (engine))
    dm_layout_drop_clusters (g);
  set_graph_attr (g, "splines", dm_layout_engine_get_splines (engine, n_nodes, n_edges));
  /* twopi puts the neighbours on rings: prism's overlap removal triangulates those
   * co-circular points (GTS), which leaks in Graphviz 2.42 and moves nodes off their ring;
   * scaling the rings apart keeps the picture radial */
  if (engine == DM_LAYOUT_ENGINE_TWOPI)
    set_graph_attr (g, "overlap", "scale");
  /* twopi's centre is the view's focus, not the node it would pick */
  if (engine == DM_LAYOUT_ENGINE_TWOPI && request->graph->query != NULL
      && request->graph->query->focus_actor != 0)
    {
      g_autofree char *root = g_strdup_printf ("a%" G_GINT64_FORMAT, request->graph->query->focus_actor);

      if (agnode (g, root, FALSE) != NULL)
        set_graph_attr (g, "root", root);
    }
  if (engine == DM_LAYOUT_ENGINE_NEATO || engine == DM_LAYOUT_ENGINE_FDP)
    {
      /* the default inch between centres leaves no room for edge labels */
      agattr (g, AGEDGE, (char *) "len", (char *) "1.6");
    }
  if (engine == DM_LAYOUT_ENGINE_NEATO)
    dm_layout_add_group_springs (g);

  if (dm_layout_engine_places_labels (engine, n_nodes, n_edges))
    ok = layout_with_own_labels (gvc, g, dm_layout_engine_to_string (engine), cancellable, error);
  else
    ok = gvLayout (gvc, g, dm_layout_engine_to_string (engine)) == 0
         || graphviz_failed (error, "Cannot lay out the graph");
  if (ok)
    ok = place_dragged_nodes (gvc, g, engine == DM_LAYOUT_ENGINE_NEATO && agfstsubg (g) != NULL, error);
  if (!ok)
    {
      agclose (g);
      return NULL;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      gvFreeLayout (gvc, g);
      agclose (g);
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_CANCELLED,
                           _("The layout was cancelled"));
      return NULL;
    }

  /* Rendering to xdot both returns the text (for the cache) and attaches the _draw_ …
   * attributes to the graph's objects, which fill_layout() reads. */
  if (gvRenderData (gvc, g, "xdot", &xdot, &xdot_len) != 0)
    {
      gvFreeLayout (gvc, g);
      agclose (g);
      graphviz_failed (error, "Cannot render the layout");
      return NULL;
    }

  layout->xdot = g_strndup (xdot, xdot_len);
  gvFreeRenderData (xdot);

  ok = fill_layout (layout, g, error);
  gvFreeLayout (gvc, g);
  agclose (g);
  if (!ok)
    return NULL;
  return g_steal_pointer (&layout);
}

void
dm_layout_worker_layout_async (DmLayoutWorker      *self,
                               DmGraph             *graph,
                               DmLayoutEngine       engine,
                               const char          *cached_xdot,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LayoutRequest *request;

  g_return_if_fail (DM_IS_LAYOUT_WORKER (self));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (engine < DM_N_LAYOUT_ENGINES);

  request = g_new0 (LayoutRequest, 1);
  request->graph = dm_graph_ref (graph);
  request->engine = engine;
  request->cached_xdot = g_strdup (cached_xdot);

  dm_layout_worker_run_async (self, layout_in_worker, request,
                              (GDestroyNotify) layout_request_free,
                              (GDestroyNotify) dm_layout_unref,
                              cancellable, callback, user_data);
}

DmLayout *
dm_layout_worker_layout_finish (DmLayoutWorker  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return dm_layout_worker_run_finish (self, result, error);
}

DmLayout *
dm_layout_worker_layout (DmLayoutWorker  *self,
                         DmGraph         *graph,
                         DmLayoutEngine   engine,
                         const char      *cached_xdot,
                         GCancellable    *cancellable,
                         GError         **error)
{
  LayoutRequest request = { graph, engine, (char *) cached_xdot };

  g_return_val_if_fail (DM_IS_LAYOUT_WORKER (self), NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (engine < DM_N_LAYOUT_ENGINES, NULL);

  return dm_layout_worker_run (self, layout_in_worker, &request, cancellable, error);
}
