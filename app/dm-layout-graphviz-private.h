/* dm-layout-graphviz-private.h — a laid-out cgraph graph's attributes, and its groups' clusters
 *
 * For the layout worker (dm-layout-worker.c): every function here calls Graphviz, so only
 * on the worker thread.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphviz/cgraph.h>

#include "dm-layout-private.h"

G_BEGIN_DECLS

/* @n comma-separated numbers ("x,y", "x0,y0,x1,y1") from @str; FALSE when @str (nullable)
 * holds fewer. */
gboolean    dm_gv_parse_doubles      (const char *str,
                                      double     *values,
                                      guint       n);
/* An attribute of @kind (AGNODE, AGEDGE…) declared in @g, or NULL; never declares one. */
Agsym_t    *dm_gv_find_attr          (Agraph_t   *g,
                                      int         kind,
                                      const char *name);
/* @obj's value of @sym (nullable): NULL without the attribute. */
const char *dm_gv_get_attr           (void       *obj,
                                      Agsym_t    *sym);
/* Sets @obj's @name to the point "x,y", declaring the attribute when needed. */
void        dm_gv_set_point_attr     (void       *obj,
                                      const char *name,
                                      double      x,
                                      double      y);
/* The actor id a node or cluster of dm_graph_to_dot() is named after ("a42", "cluster_a42"). */
gboolean    dm_gv_parse_actor_name   (const char *name,
                                      const char *prefix,
                                      gint64     *actor_id);

/* Takes the clusters out of @g (their actors stay): for engines that place actors without
 * regard to them (dm_layout_engine_draws_groups). */
void        dm_layout_drop_clusters      (Agraph_t *g);
/* Ties each group's members to its head with short invisible springs (named "dm_spring",
 * with no "id"), which keep a group together in a neato layout. */
void        dm_layout_add_group_springs  (Agraph_t *g);
/* Fits the box of every cluster holding a node with a @n_dragged value (nullable: none),
 * or with @all of every cluster, to its members' @n_pos, with Graphviz's margin and room
 * for the name ("bb", "lp"). */
void        dm_layout_fit_groups         (Agraph_t *g,
                                          Agsym_t  *n_dragged,
                                          Agsym_t  *n_pos,
                                          gboolean  all);
/* The clusters' boxes and name positions as @layout's groups; @node_index maps actor ids
 * (gint64 *) to node index + 1; (@origin_x, @flip_y) as in dm_layout_append_xdot_shapes(). */
void        dm_layout_fill_groups        (DmLayout   *layout,
                                          Agraph_t   *g,
                                          GHashTable *node_index,
                                          double      origin_x,
                                          double      flip_y);

G_END_DECLS
