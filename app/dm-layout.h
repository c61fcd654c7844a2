/* dm-layout.h — Graphviz layouts as plain shapes, computed on one serial worker thread
 *
 * Graphviz is not thread-safe: every cgraph/gvc call in the program runs on the worker
 * behind DmLayoutWorker. Callers get DmLayout values: positions and draw operations
 * (from the xdot output, parsed with libxdot) in points, y growing downwards.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-graph.h"

G_BEGIN_DECLS

#define DM_LAYOUT_ERROR (dm_layout_error_quark ())

typedef enum {
  DM_LAYOUT_ERROR_FAILED,
  DM_LAYOUT_ERROR_CANCELLED,
} DmLayoutError;

typedef enum {
  DM_LAYOUT_ENGINE_AUTO,   /* chosen by graph size */
  DM_LAYOUT_ENGINE_DOT,
  DM_LAYOUT_ENGINE_NEATO,
  DM_LAYOUT_ENGINE_FDP,
  DM_LAYOUT_ENGINE_SFDP,
  DM_LAYOUT_ENGINE_CIRCO,
  DM_LAYOUT_ENGINE_TWOPI,
  DM_N_LAYOUT_ENGINES
} DmLayoutEngine;

typedef enum {
  DM_SHAPE_ELLIPSE,    /* points: centre x,y then rx,ry */
  DM_SHAPE_POLYGON,
  DM_SHAPE_POLYLINE,
  DM_SHAPE_BEZIER,     /* cubic: p0, (c1, c2, p)… */
  DM_SHAPE_TEXT,       /* points: anchor x,y (baseline) */
} DmShapeKind;

typedef struct {
  DmShapeKind kind;
  gboolean    filled;
  double     *points;     /* x0,y0,x1,y1,… */
  guint       n_points;   /* pairs */
  char       *text;       /* DM_SHAPE_TEXT */
  double      font_size;
  int         text_align; /* -1 left, 0 centre, 1 right */
  double      text_width;
  char       *pen_color;  /* "#rrggbb[aa]" or colour name as Graphviz gave it; nullable */
  char       *fill_color; /* nullable */
  double      pen_width;
  gboolean    dashed;
} DmShape;

typedef struct {
  double     x, y;           /* centre */
  double     width, height;
  GPtrArray *shapes;         /* DmShape: outline and label */
} DmLayoutNode;

typedef struct {
  GPtrArray *shapes;         /* DmShape: path, arrow head, label */
  double     label_x, label_y;
  gboolean   has_label_pos;
} DmLayoutEdge;

/* A group as Graphviz drew it: the box of a cluster (a country or organisation and the
 * officials affiliated with it, dm_graph_assign_groups()) with room for its name at the top
 * left. Its members are the nodes whose group_id is the head's actor id. */
typedef struct {
  guint      head;           /* index of the group's country or organisation in graph->nodes */
  double     x, y;           /* top-left corner */
  double     width, height;
  double     label_x, label_y;  /* centre of the name; has_label_pos */
  gboolean   has_label_pos;
} DmLayoutGroup;

struct _DmLayout
{
  DmGraph        *graph;     /* reference */
  DmLayoutEngine  engine;    /* the one actually used (never AUTO) */
  double          width, height;  /* bounding box in points, origin top-left */
  /* The lower-left corner of the drawing as Graphviz made it, before dragged actors were put
   * back in their places (which may widen the box), in these coordinates: dragged positions
   * are kept relative to it (dm_layout_to_graphviz_point). */
  double          frame_x, frame_y;
  DmLayoutNode   *nodes;     /* graph->nodes->len entries, same order */
  DmLayoutEdge   *edges;     /* graph->edges->len entries, same order */
  /* The groups drawn as boxes, in no particular order; none where the engine does not lay
   * out clusters (dm_layout_engine_draws_groups) */
  DmLayoutGroup  *groups;
  guint           n_groups;
  char           *xdot;      /* the laid-out graph as xdot text: cached by dm_layout_cache_save() */
};

GQuark          dm_layout_error_quark            (void);
const char     *dm_layout_engine_to_string       (DmLayoutEngine engine);
gboolean        dm_layout_engine_from_string     (const char     *str,
                                                  DmLayoutEngine *engine);
DmLayoutEngine  dm_layout_engine_for_graph       (const DmGraph  *graph);
/* Whether @engine's layouts keep each group's actors together in a box of their own (dot,
 * fdp and neato; sfdp, circo and twopi place actors on their own terms, where boxes round
 * a group's members would cover unrelated actors: their layouts draw no groups). */
gboolean        dm_layout_engine_draws_groups    (DmLayoutEngine  engine);
/* The key of @graph's layout by @engine in the corpus's layout cache (dm_store_lookup_layout):
 * "<dm_graph_get_key>@<engine>", AUTO resolved to the engine it picks. */
char           *dm_layout_cache_key              (const DmGraph  *graph,
                                                  DmLayoutEngine  engine);

/* A compact serialisation of @layout (positions, shapes, bounding box, engine and its xdot
 * text) for the layout cache, and the layout back from it: plain C, no Graphviz, callable
 * from any thread. dm_layout_new_from_cache() refuses data of another version, of a graph
 * with other node or edge counts, and truncated or corrupt data, with DM_LAYOUT_ERROR_FAILED. */
GBytes         *dm_layout_to_cache               (DmLayout       *layout);
DmLayout       *dm_layout_new_from_cache         (DmGraph        *graph,
                                                  GBytes         *data,
                                                  GError        **error);

DmLayout       *dm_layout_ref                    (DmLayout *layout);
void            dm_layout_unref                  (DmLayout *layout);
/* Index of the node/edge whose shapes contain (x, y), or -1. */
int             dm_layout_node_at                (const DmLayout *layout,
                                                  double x, double y);
int             dm_layout_edge_at                (const DmLayout *layout,
                                                  double x, double y,
                                                  double tolerance);

#define DM_TYPE_LAYOUT_WORKER (dm_layout_worker_get_type ())
G_DECLARE_FINAL_TYPE (DmLayoutWorker, dm_layout_worker, DM, LAYOUT_WORKER, GObject)

/* The process-wide worker; every Graphviz call goes through it. */
DmLayoutWorker *dm_layout_worker_get_default     (void);

/* Lays out @graph; with @cached_xdot (a DmLayout.xdot for the same graph key) it only
 * parses the cached positions. Results arrive on the caller's thread-default main context. */
void            dm_layout_worker_layout_async    (DmLayoutWorker      *self,
                                                  DmGraph             *graph,
                                                  DmLayoutEngine       engine,
                                                  const char          *cached_xdot,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
DmLayout       *dm_layout_worker_layout_finish   (DmLayoutWorker      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Blocking form for the CLI and tests: queues on the worker and waits. */
DmLayout       *dm_layout_worker_layout          (DmLayoutWorker      *self,
                                                  DmGraph             *graph,
                                                  DmLayoutEngine       engine,
                                                  const char          *cached_xdot,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* Running other Graphviz work (export, tests) on the worker. @gvc is the worker's GVC_t.
 * The function returns non-NULL on success, or NULL and sets @error. A request whose
 * @cancellable is cancelled before it starts is skipped with DM_LAYOUT_ERROR_CANCELLED. */
typedef gpointer (*DmLayoutWorkerFunc)          (gpointer             gvc,
                                                  gpointer             data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void            dm_layout_worker_run_async       (DmLayoutWorker      *self,
                                                  DmLayoutWorkerFunc   func,
                                                  gpointer             data,
                                                  GDestroyNotify       data_destroy,
                                                  GDestroyNotify       result_destroy,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gpointer        dm_layout_worker_run_finish      (DmLayoutWorker      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Blocking; runs @func directly when called on the worker thread itself. */
gpointer        dm_layout_worker_run             (DmLayoutWorker      *self,
                                                  DmLayoutWorkerFunc   func,
                                                  gpointer             data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gboolean        dm_layout_worker_is_worker_thread (DmLayoutWorker     *self);

/* A point of @layout (origin top-left, y down) as dm_store_set_actor_position() keeps a
 * dragged node: Graphviz points (y up) from the lower-left corner of the drawing Graphviz
 * made (frame_x, frame_y). Every later layout of a graph holding the actor puts it at that
 * offset from its own drawing's corner, whatever the engine: the same place when the view
 * is the same. */
void            dm_layout_to_graphviz_point      (const DmLayout *layout,
                                                  double          x,
                                                  double          y,
                                                  double         *gv_x,
                                                  double         *gv_y);

/* Moves @layout's drawing by (@dx, @dy) (points, y down) into a frame of @frame_width ×
 * @frame_height: the box becomes the frame and the moved drawing together, shifted again
 * should the drawing stick out left or above. A graph laid out with its actors pinned where
 * an earlier layout had them is shown in that layout's frame, so that they stay put on the
 * canvas (Graphviz always moves a drawing's box to 0,0). */
void            dm_layout_move_into_frame        (DmLayout       *layout,
                                                  double          dx,
                                                  double          dy,
                                                  double          frame_width,
                                                  double          frame_height);

void            dm_shape_free                    (DmShape *shape);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmLayout, dm_layout_unref)

G_END_DECLS
