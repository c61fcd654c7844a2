/* dm-layout-serialize.c — a DmLayout as bytes for the layout cache, and back, without Graphviz
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-layout-private.h"

/* Cache serialisation ------------------------------------------------------------------- */

/* A DmLayout as bytes, decoded without Graphviz. Little-endian; every count and length is a
 * guint32, every double its IEEE bits as a guint64, a nullable string a length (G_MAXUINT32
 * for NULL) and that many bytes:
 *   "DMLC" version(u8) engine(u8) n_nodes n_edges width height frame_x frame_y xdot
 *   node: x y width height n_shapes shape…
 *   edge: label_x label_y has_label_pos(u8) n_shapes shape…
 *   n_groups, group: head x y width height label_x label_y has_label_pos(u8)
 *   shape: kind(u8) filled(u8) dashed(u8) text_align(i8) font_size text_width pen_width
 *          n_points x,y… text pen_color fill_color
 * n_nodes and n_edges must be the graph's, each group's head one of its nodes. Version 3
 * added the groups. */

#define DM_LAYOUT_CACHE_MAGIC    "DMLC"
#define DM_LAYOUT_CACHE_VERSION  3
#define DM_LAYOUT_CACHE_NULL_STR G_MAXUINT32

static void
put_u8 (GByteArray *out,
        guint8      value)
{
  g_byte_array_append (out, &value, 1);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, sizeof le);
}

static void
put_double (GByteArray *out,
            double      value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, sizeof bits);
}

static void
put_string (GByteArray *out,
            const char *str)
{
  gsize len;

  if (str == NULL)
    {
      put_u32 (out, DM_LAYOUT_CACHE_NULL_STR);
      return;
    }
  len = strlen (str);
  put_u32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) str, len);
}

static void
put_shapes (GByteArray      *out,
            const GPtrArray *shapes)
{
  guint n = shapes != NULL ? shapes->len : 0;

  put_u32 (out, n);
  for (guint i = 0; i < n; i++)
    {
      const DmShape *shape = g_ptr_array_index (shapes, i);

      put_u8 (out, (guint8) shape->kind);
      put_u8 (out, shape->filled ? 1 : 0);
      put_u8 (out, shape->dashed ? 1 : 0);
      put_u8 (out, (guint8) (gint8) CLAMP (shape->text_align, -1, 1));
      put_double (out, shape->font_size);
      put_double (out, shape->text_width);
      put_double (out, shape->pen_width);
      put_u32 (out, shape->n_points);
      for (guint j = 0; j < shape->n_points * 2; j++)
        put_double (out, shape->points[j]);
      put_string (out, shape->text);
      put_string (out, shape->pen_color);
      put_string (out, shape->fill_color);
    }
}

GBytes *
dm_layout_to_cache (DmLayout *layout)
{
  GByteArray *out;
  guint n_nodes, n_edges;

  g_return_val_if_fail (layout != NULL, NULL);

  n_nodes = layout->graph->nodes->len;
  n_edges = layout->graph->edges->len;
  out = g_byte_array_sized_new (4096 + (layout->xdot != NULL ? strlen (layout->xdot) : 0)
                                + 256 * (n_nodes + n_edges));
  g_byte_array_append (out, (const guint8 *) DM_LAYOUT_CACHE_MAGIC, 4);
  put_u8 (out, DM_LAYOUT_CACHE_VERSION);
  put_u8 (out, (guint8) layout->engine);
  put_u32 (out, n_nodes);
  put_u32 (out, n_edges);
  put_double (out, layout->width);
  put_double (out, layout->height);
  put_double (out, layout->frame_x);
  put_double (out, layout->frame_y);
  put_string (out, layout->xdot);

  for (guint i = 0; i < n_nodes; i++)
    {
      const DmLayoutNode *node = &layout->nodes[i];

      put_double (out, node->x);
      put_double (out, node->y);
      put_double (out, node->width);
      put_double (out, node->height);
      put_shapes (out, node->shapes);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const DmLayoutEdge *edge = &layout->edges[i];

      put_double (out, edge->label_x);
      put_double (out, edge->label_y);
      put_u8 (out, edge->has_label_pos ? 1 : 0);
      put_shapes (out, edge->shapes);
    }

  put_u32 (out, layout->n_groups);
  for (guint i = 0; i < layout->n_groups; i++)
    {
      const DmLayoutGroup *group = &layout->groups[i];

      put_u32 (out, group->head);
      put_double (out, group->x);
      put_double (out, group->y);
      put_double (out, group->width);
      put_double (out, group->height);
      put_double (out, group->label_x);
      put_double (out, group->label_y);
      put_u8 (out, group->has_label_pos ? 1 : 0);
    }

  return g_byte_array_free_to_bytes (out);
}

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
  gboolean      failed;
} Reader;

static gboolean
take (Reader       *r,
      gsize         n,
      const guint8 **p)
{
  if (r->failed || n > r->len - r->pos)
    {
      r->failed = TRUE;
      return FALSE;
    }
  *p = r->data + r->pos;
  r->pos += n;
  return TRUE;
}

static guint8
get_u8 (Reader *r)
{
  const guint8 *p;

  return take (r, 1, &p) ? *p : 0;
}

static guint32
get_u32 (Reader *r)
{
  const guint8 *p;
  guint32 value;

  if (!take (r, sizeof value, &p))
    return 0;
  memcpy (&value, p, sizeof value);
  return GUINT32_FROM_LE (value);
}

static double
get_double (Reader *r)
{
  const guint8 *p;
  guint64 bits;
  double value;

  if (!take (r, sizeof bits, &p))
    return 0;
  memcpy (&bits, p, sizeof bits);
  bits = GUINT64_FROM_LE (bits);
  memcpy (&value, &bits, sizeof value);
  return value;
}

static char *
get_string (Reader *r)
{
  guint32 len = get_u32 (r);
  const guint8 *p;

  if (r->failed || len == DM_LAYOUT_CACHE_NULL_STR)
    return NULL;
  if (!take (r, len, &p))
    return NULL;
  if (memchr (p, '\0', len) != NULL)
    {
      r->failed = TRUE;
      return NULL;
    }
  return g_strndup ((const char *) p, len);
}

static gboolean
get_shapes (Reader    *r,
            GPtrArray *shapes)
{
  guint32 n = get_u32 (r);

  /* each shape takes at least 40 bytes: refuse counts the data cannot hold */
  if (r->failed || n > (r->len - r->pos) / 40)
    return !(r->failed = TRUE);

  for (guint32 i = 0; i < n; i++)
    {
      DmShape *shape = g_new0 (DmShape, 1);
      guint8 kind = get_u8 (r);

      g_ptr_array_add (shapes, shape);
      if (kind > DM_SHAPE_TEXT)
        return !(r->failed = TRUE);
      shape->kind = kind;
      shape->filled = get_u8 (r) != 0;
      shape->dashed = get_u8 (r) != 0;
      shape->text_align = (gint8) get_u8 (r);
      shape->font_size = get_double (r);
      shape->text_width = get_double (r);
      shape->pen_width = get_double (r);
      shape->n_points = get_u32 (r);
      if (r->failed || shape->n_points > (r->len - r->pos) / (2 * sizeof (double)))
        {
          shape->n_points = 0;
          return !(r->failed = TRUE);
        }
      if (shape->n_points > 0)
        {
          shape->points = g_new (double, shape->n_points * 2);
          for (guint j = 0; j < shape->n_points * 2; j++)
            shape->points[j] = get_double (r);
        }
      shape->text = get_string (r);
      shape->pen_color = get_string (r);
      shape->fill_color = get_string (r);
      if (r->failed)
        return FALSE;
    }
  return TRUE;
}

DmLayout *
dm_layout_new_from_cache (DmGraph  *graph,
                          GBytes   *data,
                          GError  **error)
{
  g_autoptr(DmLayout) layout = NULL;
  Reader r = { 0 };
  const guint8 *magic;
  guint8 version, engine;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (data, &r.len);
  if (!take (&r, 4, &magic) || memcmp (magic, DM_LAYOUT_CACHE_MAGIC, 4) != 0)
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                           _("The cached layout is not a Dramatis layout"));
      return NULL;
    }
  version = get_u8 (&r);
  if (r.failed || version != DM_LAYOUT_CACHE_VERSION)
    {
      g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                   _("The cached layout has version %u, not %u"), version, DM_LAYOUT_CACHE_VERSION);
      return NULL;
    }
  engine = get_u8 (&r);
  if (r.failed || engine == DM_LAYOUT_ENGINE_AUTO || engine >= DM_N_LAYOUT_ENGINES)
    {
      g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                   _("The cached layout names no engine (%u)"), engine);
      return NULL;
    }
  if (get_u32 (&r) != graph->nodes->len || get_u32 (&r) != graph->edges->len || r.failed)
    {
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                           _("The cached layout is of another graph"));
      return NULL;
    }

  layout = dm_layout_new (graph, engine);
  layout->width = get_double (&r);
  layout->height = get_double (&r);
  layout->frame_x = get_double (&r);
  layout->frame_y = get_double (&r);
  layout->xdot = get_string (&r);

  for (guint i = 0; i < graph->nodes->len && !r.failed; i++)
    {
      DmLayoutNode *node = &layout->nodes[i];

      node->x = get_double (&r);
      node->y = get_double (&r);
      node->width = get_double (&r);
      node->height = get_double (&r);
      get_shapes (&r, node->shapes);
    }
  for (guint i = 0; i < graph->edges->len && !r.failed; i++)
    {
      DmLayoutEdge *edge = &layout->edges[i];

      edge->label_x = get_double (&r);
      edge->label_y = get_double (&r);
      edge->has_label_pos = get_u8 (&r) != 0;
      get_shapes (&r, edge->shapes);
    }

  /* each group takes 53 bytes, and only a node heads one */
  layout->n_groups = get_u32 (&r);
  if (!r.failed && (layout->n_groups > graph->nodes->len || layout->n_groups > (r.len - r.pos) / 53))
    r.failed = TRUE;
  if (r.failed)
    layout->n_groups = 0;
  layout->groups = g_new0 (DmLayoutGroup, MAX (layout->n_groups, 1));
  for (guint i = 0; i < layout->n_groups && !r.failed; i++)
    {
      DmLayoutGroup *group = &layout->groups[i];

      group->head = get_u32 (&r);
      group->x = get_double (&r);
      group->y = get_double (&r);
      group->width = get_double (&r);
      group->height = get_double (&r);
      group->label_x = get_double (&r);
      group->label_y = get_double (&r);
      group->has_label_pos = get_u8 (&r) != 0;
      if (group->head >= graph->nodes->len)
        r.failed = TRUE;
    }

  if (r.failed || r.pos != r.len)
    {
      g_set_error (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_FAILED,
                   _("The cached layout is truncated or corrupt (at byte %zu of %zu)"),
                   (size_t) r.pos, (size_t) r.len);
      return NULL;
    }
  return g_steal_pointer (&layout);
}
