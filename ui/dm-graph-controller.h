/* dm-graph-controller.h — turns "show this part of the corpus" into a built, laid-out graph
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-corpus.h"
#include "dm-graph.h"
#include "dm-graph-query.h"
#include "dm-layout.h"

G_BEGIN_DECLS

/* What to show: which part of the corpus's graph, laid out how. The query says whether it
 * is the whole graph (focus_actor 0) or an actor's neighbourhood to a depth, which classes,
 * actor types and dates pass, which articles are left out. */
typedef struct {
  DmGraphQuery   *query;
  DmLayoutEngine  engine;
  /* Where actors should stand: gint64 actor id → DmGraphAnchor, in Graphviz points (y up),
   * for actors not dragged already; nullable, read-only once set. Anchored graphs are laid
   * out by neato (or fdp when asked), the engines that keep given positions, and drawn in
   * the frame (in points) of the layout the anchors come from: actors stay put on screen. */
  GHashTable     *anchors;
  double          frame_width, frame_height;
} DmGraphRequest;

typedef struct {
  double x, y;
} DmGraphAnchor;

DmGraphRequest *dm_graph_request_new   (const DmGraphQuery   *query,
                                        DmLayoutEngine        engine);
DmGraphRequest *dm_graph_request_copy  (const DmGraphRequest *request);
void            dm_graph_request_free  (DmGraphRequest       *request);

/* What came of a request, handed over by DmGraphController::ready. */
typedef struct {
  DmGraphRequest *request;
  DmGraph        *graph;         /* NULL when it could not be built: @error says why */
  DmLayout       *layout;        /* NULL when the graph is empty or could not be laid out */
  GError         *error;         /* building or laying out failed */
  gboolean        from_cache;    /* the layout was decoded from the corpus's cache */
  guint           n_articles;    /* for an empty graph, why it is empty: the corpus's */
  guint           n_relations;   /* articles and relations */
  gint64          requested_at;  /* g_get_monotonic_time() of the request */
  gint64          build_time;    /* µs spent in the thread building and laying out */
} DmGraphResult;

#define DM_TYPE_GRAPH_RESULT (dm_graph_result_get_type ())

GType           dm_graph_result_get_type (void) G_GNUC_CONST;
DmGraphResult  *dm_graph_result_ref      (DmGraphResult *result);
void            dm_graph_result_unref    (DmGraphResult *result);

#define DM_TYPE_GRAPH_CONTROLLER (dm_graph_controller_get_type ())

G_DECLARE_FINAL_TYPE (DmGraphController, dm_graph_controller, DM, GRAPH_CONTROLLER, GObject)

/* Signals:
 *   "ready" (DmGraphResult *result) — the graph of the latest request, on the main context
 *   the request was made from. Superseded and cancelled requests never report. */
DmGraphController *dm_graph_controller_new        (void);
DmCorpus          *dm_graph_controller_get_corpus (DmGraphController    *self);
/* Cancels the request on its way: it was for the other corpus. */
void               dm_graph_controller_set_corpus (DmGraphController    *self,
                                                   DmCorpus             *corpus);
/* Builds and lays out @request's graph in a thread (the layout on the DmLayoutWorker, or
 * decoded from the corpus's cache), cancelling the request before it. A new layout is kept
 * in the cache once it has been handed over. Without a corpus, nothing happens. */
void               dm_graph_controller_request    (DmGraphController    *self,
                                                   const DmGraphRequest *request);
void               dm_graph_controller_cancel     (DmGraphController    *self);
/* A request is on its way. */
gboolean           dm_graph_controller_is_busy    (DmGraphController    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGraphRequest, dm_graph_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGraphResult, dm_graph_result_unref)

G_END_DECLS
