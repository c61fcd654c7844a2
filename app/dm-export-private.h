/* dm-export-private.h — what the image export adds to a laid-out graph (dm-export-legend.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphviz/cgraph.h>

#include "dm-layout.h"
#include "dm-store.h"

G_BEGIN_DECLS

/* The most the legend can add: its width, and (returned by dm_export_add_legend) the
 * height it and its gap add below the graph, in points; for the PNG's resolution. */
#define DM_EXPORT_LEGEND_MAX_WIDTH 420.0

/* Adds a legend node below the laid-out @g (actor types, relation families, the dashed line
 * of negated relations) and clears its bounding box, so that the "nop2" layout that follows
 * takes it in. Returns the height it adds at most. Layout worker only. */
double dm_export_add_legend         (Agraph_t   *g);

/* Gives every edge of @g (the xdot text of @layout) a link to its first evidence sentence:
 * URL="dramatis:article/<article id>#sentence=<start>-<end>" (code points of the article
 * text, end exclusive), which SVG writes as an <a xlink:href> around the edge and PDF as a
 * link. @store may be NULL: no links. Layout worker only. */
void   dm_export_add_evidence_links (Agraph_t   *g,
                                     DmLayout   *layout,
                                     DmStore    *store);

/* The SVG text @svg with Graphviz's <title>s (node names "a12", edges "a12->a34") replaced
 * by what a reader wants: the actor's name; the edge's label and class ("urges ×3 — APPEAL (Verbal cooperation)"). */
char  *dm_export_svg_retitle        (const char *svg,
                                     gsize       len,
                                     DmLayout   *layout);

G_END_DECLS
