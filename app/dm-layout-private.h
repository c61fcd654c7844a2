/* dm-layout-private.h — what the layout worker and exporters share inside the engine
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-layout.h"

G_BEGIN_DECLS

/* A layout of @graph with empty nodes and edges, to be filled on the worker. */
DmLayout   *dm_layout_new                (DmGraph        *graph,
                                          DmLayoutEngine  engine);

/* Parses one xdot attribute (_draw_, _ldraw_, …) with libxdot and appends its drawing
 * operations to @shapes as DmShape values in DmLayout coordinates:
 * x' = x - @origin_x, y' = @flip_y - y. Returns FALSE when @ops does not parse. */
gboolean    dm_layout_append_xdot_shapes (GPtrArray      *shapes,
                                          const char     *ops,
                                          double          origin_x,
                                          double          flip_y);

/* The "splines" graph attribute for @engine and a graph of @n_nodes and @n_edges, set after
 * reading the DOT text: spline routing where it is affordable, straight edges (spread when
 * parallel) beyond. */
const char *dm_layout_engine_get_splines (DmLayoutEngine  engine,
                                          guint           n_nodes,
                                          guint           n_edges);

/* Whether the worker lays out @engine's graphs of this size without edge labels and places
 * the labels itself (dm_layout_place_labels) instead of Graphviz: for crowded graphs, where
 * Graphviz's placement of external labels takes seconds. Never for dot. */
gboolean    dm_layout_engine_places_labels (DmLayoutEngine  engine,
                                            guint           n_nodes,
                                            guint           n_edges);

/* The box of a label in Graphviz's "Sans" at @font_size points, estimated from its
 * characters (Graphviz measures it again when it draws it); 0 × 0 for an empty label. */
void        dm_layout_estimate_label_size (const char     *label,
                                           double          font_size,
                                           double         *width,
                                           double         *height);

typedef struct {
  const double *path;      /* the edge: cubic Bézier, x0,y0 then three points a piece */
  guint         n_points;  /* pairs, 1 + 3k; fewer than 4 or no path: not placed */
  double        width;     /* the label's box; 0: not placed */
  double        height;
  double        x, y;      /* out: the centre of the label's box */
  gboolean      placed;    /* out */
} DmLabelSlot;

/* Places each label beside its own edge, near its middle, where it overlaps neither the
 * @obstacles (n_obstacles boxes: centre x, y, width, height) nor the labels placed before
 * it; where every spot tried overlaps, at the one that overlaps least. With @clear, a label
 * that finds no clear spot beside its edge looks further out around the edge's middle (for
 * graphs with room for every label: a summary view must not hide a label under another).
 * Any coordinate system; linear in the labels for a given crowding (a grid finds the
 * neighbours). */
/* Up to this many labels a node, dm_layout_place_labels() keeps every label clear */
#define DM_LAYOUT_CLEAR_LABELS_PER_NODE 4

void        dm_layout_place_labels       (DmLabelSlot    *labels,
                                          guint           n_labels,
                                          const double   *obstacles,
                                          guint           n_obstacles,
                                          gboolean        clear);

G_END_DECLS
