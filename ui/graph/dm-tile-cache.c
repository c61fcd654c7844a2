/* dm-tile-cache.c — the graph canvas's rasterised tiles, per zoom, and who draws them
 *
 * The canvas draws in tiles of DM_TILE_SIZE device pixels of the zoomed scene: each tile
 * is rasterised with cairo at the exact zoom (so lines and text stay crisp at every zoom),
 * from only the elements whose bounding boxes meet it (dm-graph-painter.c), and kept as a
 * render node until the zoom, the style or the layout changes. Panning only translates
 * the assembled node and rasterises the tiles that come into view. After a zoom step the
 * tiles of the last complete zoom, scaled, stand in (the backdrop) while the new ones are
 * rasterised centre-first on a worker thread (dm-tile-worker.c), so a zoom gesture on a
 * large graph keeps its frame rate and sharpens as tiles come back. The overlay layer
 * (hover, selection) has tiles of its own, drawn on the main thread.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-tile-cache"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-tile-cache.h"
#include "dm-tile-worker.h"

#define ZOOM_SETTLE_MS   60       /* tiles of a new zoom are asked for once it holds this long */

/* Tile pixels are recycled: allocating and faulting in fresh megabytes for every tile
 * of every zoom step costs more than drawing into them. */
#define MAX_POOLED_TILES 96

static GPtrArray *tile_pool;
G_LOCK_DEFINE_STATIC (tile_pool);
static const cairo_user_data_key_t tile_pool_key;

/* A rasterised tile: its pixels, and a node painting them. */
typedef struct {
  GskRenderNode   *node;
  cairo_surface_t *surface;
  graphene_rect_t  bounds;
} Tile;

typedef struct {
  int    tx, ty;
  double distance;
} TileSlot;

struct _DmTileCache
{
  GtkWidget            *widget;
  const DmGraphPainter *painter;

  /* Keys pack tile coordinates; values are Tile or NULL (nothing drawn there). */
  GHashTable           *scene_tiles;
  GHashTable           *overlay_tiles;
  gboolean              complete;        /* every visible tile was rasterised */
  /* While the tiles of a new zoom are rasterised over a few frames, the last complete
   * set, scaled, stands in for the missing ones. */
  GHashTable           *backdrop_tiles;
  GskRenderNode        *backdrop_node;
  double                backdrop_zoom;
  DmTileWorker         *worker;
  GHashTable           *requested;       /* scene tiles asked of the worker at this zoom */
  gint64                zoom_changed_at;
  guint                 settle_source;
  guint                 n_rendered;
};

/* Tiles -------------------------------------------------------------------------------- */

static void
tile_pixels_release (gpointer data)
{
  G_LOCK (tile_pool);
  if (tile_pool->len < MAX_POOLED_TILES)
    g_ptr_array_add (tile_pool, data);
  else
    g_free (data);
  G_UNLOCK (tile_pool);
}

static cairo_surface_t *
tile_surface_new (void)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, DM_TILE_SIZE);
  cairo_surface_t *surface;
  guchar *data = NULL;

  G_LOCK (tile_pool);
  if (tile_pool->len > 0)
    data = g_ptr_array_steal_index_fast (tile_pool, tile_pool->len - 1);
  G_UNLOCK (tile_pool);
  if (data == NULL)
    data = g_malloc (stride * DM_TILE_SIZE);
  memset (data, 0, stride * DM_TILE_SIZE);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, DM_TILE_SIZE, DM_TILE_SIZE, stride);
  cairo_surface_set_user_data (surface, &tile_pool_key, data, tile_pixels_release);
  return surface;
}

/* A tile as a render node that paints the finished image: the cairo renderer blits it,
 * the GL renderer rasterises it once and keeps the texture as long as the node lives
 * (at the same scale: panning only translates). */
static GskRenderNode *
node_for_surface (cairo_surface_t       *surface,
                  const graphene_rect_t *bounds)
{
  GskRenderNode *node = gsk_cairo_node_new (bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_set_source_surface (cr, surface, bounds->origin.x, bounds->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return node;
}

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  if (tile == NULL)
    return;
  gsk_render_node_unref (tile->node);
  cairo_surface_destroy (tile->surface);
  g_free (tile);
}

/* The tile as a texture: what the backdrop is drawn with, because the GL renderer scales
 * a texture for free but rasterises a cairo node again at every new scale. */
static GskRenderNode *
tile_texture_node (const Tile *tile)
{
  cairo_surface_t *surface = tile->surface;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  return gsk_texture_node_new (texture, &tile->bounds);
}

/* Takes @surface. */
static Tile *
tile_new (cairo_surface_t *surface,
          int              tx,
          int              ty,
          int              device_scale)
{
  Tile *tile = g_new0 (Tile, 1);

  graphene_rect_init (&tile->bounds, (double) tx * DM_TILE_SIZE / device_scale, (double) ty * DM_TILE_SIZE / device_scale,
                      (double) DM_TILE_SIZE / device_scale, (double) DM_TILE_SIZE / device_scale);
  tile->node = node_for_surface (surface, &tile->bounds);
  tile->surface = surface;
  return tile;
}

static inline gpointer
tile_key (int tx,
          int ty)
{
  return GUINT_TO_POINTER (((guint) (tx + 32768) << 16) | ((guint) (ty + 32768) & 0xffff));
}

/* A tile too far outside the view to keep: more than one tile off. */
static gboolean
tile_outside (gpointer key,
              gpointer value,
              gpointer user_data)
{
  const DmTileRange *range = user_data;
  guint packed = GPOINTER_TO_UINT (key);
  int tx = (int) (packed >> 16) - 32768;
  int ty = (int) (packed & 0xffff) - 32768;

  return tx < range->tx0 - 1 || tx > range->tx1 + 1 || ty < range->ty0 - 1 || ty > range->ty1 + 1;
}

static int
compare_tile_slots (gconstpointer a,
                    gconstpointer b)
{
  double da = ((const TileSlot *) a)->distance, db = ((const TileSlot *) b)->distance;

  return da < db ? -1 : da > db;
}

/* Drawing and requesting tiles --------------------------------------------------------- */

/* The tile's pixels, or NULL when nothing is drawn there. Scene tiles are also drawn on the
 * tile worker (@on_worker), which holds the painter's scene still meanwhile. */
static cairo_surface_t *
rasterise_tile (DmTileCache  *self,
                DmGraphLayer  layer,
                int           tx,
                int           ty,
                double        scale,
                int           device_scale,
                gboolean      on_worker)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (tx * DM_TILE_SIZE / scale, ty * DM_TILE_SIZE / scale,
                                             DM_TILE_SIZE / scale, DM_TILE_SIZE / scale);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!dm_graph_painter_covers (self->painter, layer, &area, scale))
    return NULL;

  surface = tile_surface_new ();
  cr = cairo_create (surface);
  cairo_translate (cr, -tx * DM_TILE_SIZE, -ty * DM_TILE_SIZE);
  cairo_scale (cr, scale, scale);
  dm_graph_painter_paint (self->painter, layer, cr, &area, scale, on_worker);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  return surface;
}

/* A tile's pixels (NULL: nothing there) join @tiles. */
static Tile *
add_tile (DmTileCache     *self,
          GHashTable      *tiles,
          int              tx,
          int              ty,
          cairo_surface_t *surface,
          int              device_scale)
{
  Tile *tile = NULL;

  if (surface != NULL)
    {
      self->n_rendered++;
      tile = tile_new (surface, tx, ty, device_scale);
    }
  g_hash_table_insert (tiles, tile_key (tx, ty), tile);
  return tile;
}

/* Tiles asked of the worker are no longer wanted. */
static void
forget_requests (DmTileCache *self)
{
  dm_tile_worker_forget (self->worker);
  g_hash_table_remove_all (self->requested);
}

static void
drop_backdrop (DmTileCache *self)
{
  g_hash_table_remove_all (self->backdrop_tiles);
  g_clear_pointer (&self->backdrop_node, gsk_render_node_unref);
}

/* The tile's node, rasterised now if @may_render; sets *@missing when it is not there. */
static GskRenderNode *
lookup_tile (DmTileCache  *self,
             GHashTable   *tiles,
             DmGraphLayer  layer,
             int           tx,
             int           ty,
             double        scale,
             int           device_scale,
             gboolean      may_render,
             gboolean     *missing)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (tiles, tile_key (tx, ty), NULL, &value))
    {
      if (!may_render)
        {
          *missing = TRUE;
          return NULL;
        }
      value = add_tile (self, tiles, tx, ty,
                        rasterise_tile (self, layer, tx, ty, scale, device_scale, FALSE),
                        device_scale);
    }
  return value != NULL ? ((Tile *) value)->node : NULL;
}

/* Worker thread: a scene tile. */
static cairo_surface_t *
worker_draw_tile (gpointer owner,
                  int      tx,
                  int      ty,
                  double   scale,
                  int      device_scale)
{
  return rasterise_tile (owner, DM_GRAPH_LAYER_SCENE, tx, ty, scale, device_scale, TRUE);
}

/* Main thread: a scene tile of the current zoom is back from the worker. */
static void
worker_tile_done (gpointer         owner,
                  int              tx,
                  int              ty,
                  cairo_surface_t *surface)
{
  DmTileCache *self = owner;
  gpointer key = tile_key (tx, ty);

  g_hash_table_remove (self->requested, key);
  if (g_hash_table_contains (self->scene_tiles, key))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }
  add_tile (self, self->scene_tiles, tx, ty, surface, gtk_widget_get_scale_factor (self->widget));
  /* Tiles around a complete view are for later pans. */
  if (!self->complete)
    gtk_widget_queue_draw (self->widget);
}

static void
request_tile (DmTileCache *self,
              int          tx,
              int          ty,
              double       scale,
              int          device_scale,
              gboolean     urgent)
{
  gpointer key = tile_key (tx, ty);

  if (g_hash_table_contains (self->scene_tiles, key) || g_hash_table_contains (self->requested, key))
    return;
  g_hash_table_add (self->requested, key);
  dm_tile_worker_request (self->worker, tx, ty, scale, device_scale, urgent);
}

static gboolean
zoom_settled_cb (gpointer data)
{
  DmTileCache *self = data;

  self->settle_source = 0;
  gtk_widget_queue_draw (self->widget);
  return G_SOURCE_REMOVE;
}

/* While a zoom gesture goes on, the tiles of each step would be stale before they are
 * drawn: the worker waits for the zoom to hold (the scaled backdrop shows meanwhile) and
 * leaves the cores to the renderer. */
static gboolean
zoom_settled (DmTileCache *self)
{
  gint64 age = g_get_monotonic_time () - self->zoom_changed_at;

  if (age >= ZOOM_SETTLE_MS * 1000)
    return TRUE;
  if (self->settle_source == 0)
    self->settle_source = g_timeout_add (ZOOM_SETTLE_MS - age / 1000, zoom_settled_cb, self);
  return FALSE;
}

/* The ring of tiles around a complete view is drawn on the worker, so a pan finds its
 * next tiles ready. */
static void
prefetch_ring (DmTileCache       *self,
               const DmTileRange *range,
               double             scale,
               int                device_scale)
{
  for (int ty = range->ty0 - 1; ty <= range->ty1 + 1; ty++)
    for (int tx = range->tx0 - 1; tx <= range->tx1 + 1; tx++)
      if (tx < range->tx0 || tx > range->tx1 || ty < range->ty0 || ty > range->ty1)
        request_tile (self, tx, ty, scale, device_scale, FALSE);
}

/* With nothing to show instead, the missing tiles of @slots are drawn before this frame
 * goes on, by this thread and the worker together, centre first. */
static void
render_now (DmTileCache *self,
            GArray      *slots,
            double       scale,
            int          sf)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, 2 * sizeof (int));
  g_autofree cairo_surface_t **surfaces = NULL;
  DmTileBatch *batch;
  int i;

  for (guint k = 0; k < slots->len; k++)
    {
      const TileSlot *slot = &g_array_index (slots, TileSlot, k);
      int xy[2] = { slot->tx, slot->ty };

      if (!g_hash_table_contains (self->scene_tiles, tile_key (slot->tx, slot->ty)))
        g_array_append_val (missing, xy);
    }
  if (missing->len == 0)
    return;

  batch = dm_tile_worker_start_batch (self->worker, (const int *) missing->data, missing->len, scale, sf);
  while ((i = dm_tile_batch_take (batch)) >= 0)
    {
      const int *xy = &g_array_index (missing, int, 2 * i);

      dm_tile_batch_put (batch, i, rasterise_tile (self, DM_GRAPH_LAYER_SCENE, xy[0], xy[1], scale, sf, FALSE));
    }
  surfaces = dm_tile_worker_finish_batch (batch);

  for (guint k = 0; k < missing->len; k++)
    {
      const int *xy = &g_array_index (missing, int, 2 * k);

      add_tile (self, self->scene_tiles, xy[0], xy[1], surfaces[k], sf);
    }
}

/* The backdrop's tiles, as drawn at the zoom they were drawn at. */
static GskRenderNode *
get_backdrop_node (DmTileCache *self)
{
  if (self->backdrop_node == NULL && g_hash_table_size (self->backdrop_tiles) > 0)
    {
      GtkSnapshot *s = gtk_snapshot_new ();
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->backdrop_tiles);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value != NULL)
          {
            GskRenderNode *node = tile_texture_node (value);

            gtk_snapshot_append_node (s, node);
            gsk_render_node_unref (node);
          }
      self->backdrop_node = gtk_snapshot_free_to_node (s);
    }
  return self->backdrop_node;
}

static void
append_page (GtkSnapshot   *s,
             const GdkRGBA *bg,
             int            tx,
             int            ty,
             double         tile_size)
{
  gtk_snapshot_append_color (s, bg, &GRAPHENE_RECT_INIT (tx * tile_size, ty * tile_size, tile_size, tile_size));
}

/* Cache -------------------------------------------------------------------------------- */

void
dm_tile_range_for_view (DmTileRange *range,
                        double       ox,
                        double       oy,
                        double       width,
                        double       height,
                        int          device_scale)
{
  range->tx0 = (int) floor (ox * device_scale / DM_TILE_SIZE);
  range->ty0 = (int) floor (oy * device_scale / DM_TILE_SIZE);
  range->tx1 = (int) floor (((ox + width) * device_scale - 1) / DM_TILE_SIZE);
  range->ty1 = (int) floor (((oy + height) * device_scale - 1) / DM_TILE_SIZE);
}

DmTileCache *
dm_tile_cache_new (GtkWidget            *widget,
                   const DmGraphPainter *painter)
{
  DmTileCache *self = g_new0 (DmTileCache, 1);

  /* Made on the main thread before any worker can use it. */
  if (tile_pool == NULL)
    tile_pool = g_ptr_array_new_with_free_func (g_free);

  self->widget = widget;
  self->painter = painter;
  self->scene_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->overlay_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->backdrop_tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->requested = g_hash_table_new (NULL, NULL);
  self->worker = dm_tile_worker_new (self, worker_draw_tile, worker_tile_done);
  return self;
}

void
dm_tile_cache_free (DmTileCache *self)
{
  if (self == NULL)
    return;
  /* First: the worker reads the painter's scene. */
  g_clear_pointer (&self->worker, dm_tile_worker_free);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_pointer (&self->backdrop_node, gsk_render_node_unref);
  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  g_clear_pointer (&self->overlay_tiles, g_hash_table_unref);
  g_clear_pointer (&self->backdrop_tiles, g_hash_table_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_free (self);
}

void
dm_tile_cache_hold (DmTileCache *self)
{
  if (self == NULL)
    return;
  dm_tile_worker_hold (self->worker);
}

void
dm_tile_cache_release (DmTileCache *self)
{
  if (self == NULL)
    return;
  dm_tile_worker_release (self->worker);
}

void
dm_tile_cache_invalidate_overlay (DmTileCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_remove_all (self->overlay_tiles);
}

void
dm_tile_cache_invalidate (DmTileCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_remove_all (self->scene_tiles);
  forget_requests (self);
  drop_backdrop (self);
  dm_tile_cache_invalidate_overlay (self);
}

void
dm_tile_cache_zoom_changed (DmTileCache *self,
                            double       old_zoom)
{
  if (self == NULL)
    return;
  if (self->complete && g_hash_table_size (self->scene_tiles) > 0)
    {
      GHashTable *swap = self->backdrop_tiles;

      g_clear_pointer (&self->backdrop_node, gsk_render_node_unref);
      g_hash_table_remove_all (swap);
      self->backdrop_tiles = self->scene_tiles;
      self->scene_tiles = swap;
      self->backdrop_zoom = old_zoom;
    }
  else
    g_hash_table_remove_all (self->scene_tiles);
  forget_requests (self);
  self->zoom_changed_at = g_get_monotonic_time ();
  self->complete = FALSE;
  dm_tile_cache_invalidate_overlay (self);
}

GskRenderNode *
dm_tile_cache_assemble (DmTileCache       *self,
                        const DmTileRange *range,
                        double             zoom,
                        int                sf,
                        gboolean           dim)
{
  const GdkRGBA *bg = &self->painter->palette->bg;
  GtkSnapshot *s = gtk_snapshot_new ();
  double scale = zoom * sf;
  double tile_size = (double) DM_TILE_SIZE / sf;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (TileSlot));
  double cx = (range->tx0 + range->tx1 + 1) / 2.0, cy = (range->ty0 + range->ty1 + 1) / 2.0;
  GskRenderNode *backdrop = get_backdrop_node (self);
  graphene_rect_t all = GRAPHENE_RECT_INIT (range->tx0 * tile_size, range->ty0 * tile_size,
                                            (range->tx1 - range->tx0 + 1) * tile_size,
                                            (range->ty1 - range->ty0 + 1) * tile_size);
  guint n_missing = 0;
  gboolean sync, settled;
  g_hash_table_foreach_remove (self->scene_tiles, tile_outside, (gpointer) range);
  /* With no backdrop to show instead, every tile now; else the worker draws them. */
  sync = backdrop == NULL;
  settled = sync || zoom_settled (self);
  g_hash_table_foreach_remove (self->overlay_tiles, tile_outside, (gpointer) range);

  /* The canvas paints its own page: opaque tiles, plain colour where there is nothing to
   * draw; every pixel once. The backdrop goes under the tiles once (not clipped to each
   * missing tile: clipping a scaled texture still costs the renderer its whole area). */
  if (backdrop != NULL)
    {
      for (int ty = range->ty0; ty <= range->ty1; ty++)
        for (int tx = range->tx0; tx <= range->tx1; tx++)
          if (!g_hash_table_contains (self->scene_tiles, tile_key (tx, ty)))
            append_page (s, bg, tx, ty, tile_size);
      gtk_snapshot_save (s);
      gtk_snapshot_scale (s, zoom / self->backdrop_zoom, zoom / self->backdrop_zoom);
      gtk_snapshot_append_node (s, backdrop);
      gtk_snapshot_restore (s);
    }

  /* Centre first: the middle of the view is drawn (and sharpens) first. */
  for (int ty = range->ty0; ty <= range->ty1; ty++)
    for (int tx = range->tx0; tx <= range->tx1; tx++)
      {
        TileSlot slot = { tx, ty, hypot (tx + 0.5 - cx, ty + 0.5 - cy) };
        g_array_append_val (slots, slot);
      }
  g_array_sort (slots, compare_tile_slots);
  if (sync)
    render_now (self, slots, scale, sf);

  for (guint k = 0; k < slots->len; k++)
    {
      const TileSlot *slot = &g_array_index (slots, TileSlot, k);
      gboolean is_missing = FALSE;
      GskRenderNode *tile;

      tile = lookup_tile (self, self->scene_tiles, DM_GRAPH_LAYER_SCENE, slot->tx, slot->ty, scale, sf,
                          sync, &is_missing);
      if (is_missing)
        {
          if (settled)
            request_tile (self, slot->tx, slot->ty, scale, sf, TRUE);
          n_missing++;
        }
      else if (tile == NULL)
        append_page (s, bg, slot->tx, slot->ty, tile_size);  /* nothing here, nor of the backdrop */
      else
        gtk_snapshot_append_node (s, tile);
    }

  /* Hovering dims the scene under a veil of the page colour; what is highlighted is
   * drawn again over it. */
  if (dim)
    {
      GdkRGBA veil = *bg;

      veil.alpha = self->painter->palette->dark ? 0.7 : 0.78;
      gtk_snapshot_append_color (s, &veil, &all);
    }

  /* An incomplete scene is drawn again as the worker's tiles come back. */
  self->complete = n_missing == 0;
  if (self->complete)
    {
      drop_backdrop (self);
      prefetch_ring (self, range, scale, sf);
    }

  for (int ty = range->ty0; ty <= range->ty1; ty++)
    for (int tx = range->tx0; tx <= range->tx1; tx++)
      {
        gboolean is_missing = FALSE;
        GskRenderNode *tile = lookup_tile (self, self->overlay_tiles, DM_GRAPH_LAYER_OVERLAY, tx, ty,
                                           scale, sf, TRUE, &is_missing);

        if (tile != NULL)
          gtk_snapshot_append_node (s, tile);
      }

  return gtk_snapshot_free_to_node (s);
}

gboolean
dm_tile_cache_is_complete (DmTileCache *self)
{
  if (self == NULL)
    return FALSE;
  return self->complete;
}

guint
dm_tile_cache_get_n_rendered (DmTileCache *self)
{
  if (self == NULL)
    return 0;
  return self->n_rendered;
}
