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

/* The "splines" graph attribute for @engine and a graph of @n_nodes, set after reading
 * the DOT text: spline routing where it is affordable, straight edges beyond. */
const char *dm_layout_engine_get_splines (DmLayoutEngine  engine,
                                          guint           n_nodes);

G_END_DECLS
