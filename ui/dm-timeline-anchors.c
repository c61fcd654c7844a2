/* dm-timeline-anchors.c — where actors stand, so that a time window's graph keeps them there
 *
 * Playing through time shows graph after graph of the same actors: laid out each on its own,
 * every actor would jump at every step. The graph shown without a time window gives each of
 * its actors a place (Graphviz points, y up); the graphs of windows are laid out with those
 * actors pinned there and drawn in that graph's frame (DmGraphRequest anchors), and actors
 * new to a window keep the place they first got.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-timeline"

#include "config.h"

#include "dm-timeline-anchors.h"

struct _DmTimelineAnchors
{
  GHashTable *places;          /* gint64 actor id → DmGraphAnchor */
  double      frame_width, frame_height;
  gint64      focus;           /* the view they were taken from */
  guint       depth;
};

DmTimelineAnchors *
dm_timeline_anchors_new (void)
{
  DmTimelineAnchors *anchors = g_new0 (DmTimelineAnchors, 1);

  anchors->places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return anchors;
}

void
dm_timeline_anchors_free (DmTimelineAnchors *anchors)
{
  if (anchors == NULL)
    return;
  g_hash_table_unref (anchors->places);
  g_free (anchors);
}

void
dm_timeline_anchors_clear (DmTimelineAnchors *anchors)
{
  g_return_if_fail (anchors != NULL);

  g_hash_table_remove_all (anchors->places);
}

void
dm_timeline_anchors_apply (DmTimelineAnchors *anchors,
                           DmGraphRequest    *request)
{
  const DmGraphQuery *query;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (anchors != NULL);
  g_return_if_fail (request != NULL);

  /* Another view (an actor's neighbourhood) is laid out afresh, then kept in place */
  query = request->query;
  if (g_hash_table_size (anchors->places) == 0 || query->focus_actor != anchors->focus ||
      (query->focus_actor != 0 && query->depth != anchors->depth))
    return;

  /* a copy: the request is read in a thread while graphs shown meanwhile add anchors */
  g_clear_pointer (&request->anchors, g_hash_table_unref);
  request->anchors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, anchors->places);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (request->anchors, g_memdup2 (key, sizeof (gint64)),
                         g_memdup2 (value, sizeof (DmGraphAnchor)));
  request->frame_width = anchors->frame_width;
  request->frame_height = anchors->frame_height;
}

void
dm_timeline_anchors_take (DmTimelineAnchors *anchors,
                          DmGraphResult     *result)
{
  DmLayout *layout;
  DmGraph *graph;
  double dx = 0, dy = 0;

  g_return_if_fail (anchors != NULL);
  g_return_if_fail (result != NULL);

  if (result->graph == NULL || result->layout == NULL)
    return;
  graph = result->graph;
  layout = result->layout;

  /* Laid out afresh (no window, or another view): its places and frame are the anchors.
   * Anchored, the drawing may have grown past the frame (actors new to the windows): they
   * are kept in the anchors' own frame. */
  if (result->request->anchors == NULL)
    {
      g_hash_table_remove_all (anchors->places);
      anchors->frame_width = layout->width;
      anchors->frame_height = layout->height;
      anchors->focus = result->request->query->focus_actor;
      anchors->depth = result->request->query->depth;
    }
  else
    for (guint i = 0; i < graph->nodes->len; i++)
      {
        const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
        const DmGraphAnchor *anchor = g_hash_table_lookup (anchors->places, &node->actor_id);
        double x, y;

        if (anchor == NULL)
          continue;
        dm_layout_to_graphviz_point (layout, layout->nodes[i].x, layout->nodes[i].y, &x, &y);
        dx = x - anchor->x;
        dy = y - anchor->y;
        break;
      }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      DmGraphAnchor *anchor;

      if (g_hash_table_contains (anchors->places, &node->actor_id))
        continue;
      anchor = g_new (DmGraphAnchor, 1);
      dm_layout_to_graphviz_point (layout, layout->nodes[i].x, layout->nodes[i].y, &anchor->x, &anchor->y);
      anchor->x -= dx;
      anchor->y -= dy;
      g_hash_table_insert (anchors->places, g_memdup2 (&node->actor_id, sizeof (gint64)), anchor);
    }
}
