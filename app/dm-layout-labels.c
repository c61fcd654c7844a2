/* dm-layout-labels.c — edge labels of crowded graphs, placed beside their own edges
 *
 * Graphviz places the labels of a neato/fdp/sfdp layout after the layout, and its placement
 * grows far worse than linear when labels crowd: 1.1 s for 3,628 labels between 18 actors.
 * For crowded graphs (dm_layout_engine_places_labels()) the layout worker lays out without
 * labels and places each one here, beside its own edge near the middle, avoiding nodes and
 * the labels placed before it through a grid of cells.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-layout-private.h"

void
dm_layout_estimate_label_size (const char *label,
                               double      font_size,
                               double     *width,
                               double     *height)
{
  guint lines = 1, longest = 0, chars = 0;

  /* DejaVu Sans, the usual "Sans", averages 0.52–0.58 em a character in verbs and names;
   * a little more keeps neighbours apart. Graphviz escapes break lines: \n \l \r. */
  for (const char *p = label != NULL ? label : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p[0] == '\\' && (p[1] == 'n' || p[1] == 'l' || p[1] == 'r'))
        {
          longest = MAX (longest, chars);
          chars = 0;
          lines += p[2] != '\0';
          p++;
          continue;
        }
      chars++;
    }
  longest = MAX (longest, chars);

  *width = longest > 0 ? longest * 0.6 * font_size + 2 : 0;
  *height = longest > 0 ? lines * 1.2 * font_size + 2 : 0;
}

/* Boxes placed so far, found through a grid of square cells */
typedef struct {
  double   x0, y0, cell;
  guint    cols, rows;
  GArray **cells;          /* guint box indices; NULL while empty */
  GArray  *boxes;          /* double x0,y0,x1,y1 each */
  guint   *stamps;         /* per box: the last query that counted it */
  guint    n_stamps;
  guint    query;
} LabelGrid;

static void
grid_span (const LabelGrid *grid,
           const double    *box,
           guint           *c0,
           guint           *r0,
           guint           *c1,
           guint           *r1)
{
  double fc0 = floor ((box[0] - grid->x0) / grid->cell), fr0 = floor ((box[1] - grid->y0) / grid->cell);
  double fc1 = floor ((box[2] - grid->x0) / grid->cell), fr1 = floor ((box[3] - grid->y0) / grid->cell);

  *c0 = (guint) CLAMP (fc0, 0, grid->cols - 1);
  *r0 = (guint) CLAMP (fr0, 0, grid->rows - 1);
  *c1 = (guint) CLAMP (fc1, 0, grid->cols - 1);
  *r1 = (guint) CLAMP (fr1, 0, grid->rows - 1);
}

static void
grid_add (LabelGrid    *grid,
          const double *box)
{
  guint index = grid->boxes->len / 4;
  guint c0, r0, c1, r1;

  g_array_append_vals (grid->boxes, box, 4);
  grid_span (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->cells[r * grid->cols + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* The area of @box covered by the boxes placed so far, counting each once; stops early
 * once it reaches @limit. */
static double
grid_overlap (LabelGrid    *grid,
              const double *box,
              double        limit)
{
  const double *boxes = (const double *) (gpointer) grid->boxes->data;
  guint n_boxes = grid->boxes->len / 4;
  guint c0, r0, c1, r1;
  double area = 0;

  if (grid->n_stamps < n_boxes)
    {
      guint n = MAX (n_boxes, 2 * grid->n_stamps);

      grid->stamps = g_renew (guint, grid->stamps, n);
      memset (grid->stamps + grid->n_stamps, 0, (n - grid->n_stamps) * sizeof (guint));
      grid->n_stamps = n;
    }
  grid->query++;

  grid_span (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray *cell = grid->cells[r * grid->cols + c];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            const double *b = boxes + 4 * i;
            double w, h;

            if (grid->stamps[i] == grid->query)
              continue;
            grid->stamps[i] = grid->query;
            w = MIN (box[2], b[2]) - MAX (box[0], b[0]);
            h = MIN (box[3], b[3]) - MAX (box[1], b[1]);
            if (w > 0 && h > 0)
              {
                area += w * h;
                if (area >= limit)
                  return area;
              }
          }
      }
  return area;
}

/* Point and unit tangent of a piecewise cubic Bézier at @t in [0, 1] of its pieces */
static void
bezier_at (const double *p,
           guint         n_points,
           double        t,
           double       *x,
           double       *y,
           double       *tx,
           double       *ty)
{
  guint n_pieces = (n_points - 1) / 3;
  double u = t * n_pieces;
  guint k = MIN ((guint) u, n_pieces - 1);
  const double *c = p + 6 * k;
  double s = u - k, v = 1 - s, len;

  *x = v * v * v * c[0] + 3 * v * v * s * c[2] + 3 * v * s * s * c[4] + s * s * s * c[6];
  *y = v * v * v * c[1] + 3 * v * v * s * c[3] + 3 * v * s * s * c[5] + s * s * s * c[7];
  *tx = 3 * v * v * (c[2] - c[0]) + 6 * v * s * (c[4] - c[2]) + 3 * s * s * (c[6] - c[4]);
  *ty = 3 * v * v * (c[3] - c[1]) + 6 * v * s * (c[5] - c[3]) + 3 * s * s * (c[7] - c[5]);
  len = hypot (*tx, *ty);
  if (len < 1e-9)
    {
      /* a degenerate piece: the chord gives the direction */
      *tx = c[6] - c[0];
      *ty = c[7] - c[1];
      len = hypot (*tx, *ty);
    }
  if (len < 1e-9)
    {
      *tx = 1;
      *ty = 0;
      len = 1;
    }
  *tx /= len;
  *ty /= len;
}

/* Where along its edge a label may go, best first: the middle, then out towards the ends
 * (never into the last fifth, where the arrow heads and the other edges of a node crowd). */
static const double label_stops[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78 };

/* The search beyond the edge: this many rings of this many spots, a label height apart */
#define LABEL_RINGS      12
#define LABEL_RING_SPOTS 16

void
dm_layout_place_labels (DmLabelSlot  *labels,
                        guint         n_labels,
                        const double *obstacles,
                        guint         n_obstacles,
                        gboolean      clear)
{
  LabelGrid grid = { 0 };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double max_w = 0, max_h = 0;
  guint64 n_cells;

  g_return_if_fail (labels != NULL || n_labels == 0);
  g_return_if_fail (obstacles != NULL || n_obstacles == 0);

  for (guint i = 0; i < n_labels; i++)
    {
      DmLabelSlot *l = &labels[i];

      l->placed = FALSE;
      if (l->path == NULL || l->n_points < 4 || l->width <= 0)
        continue;
      for (guint k = 0; k < l->n_points; k++)
        {
          x0 = MIN (x0, l->path[2 * k]);
          x1 = MAX (x1, l->path[2 * k]);
          y0 = MIN (y0, l->path[2 * k + 1]);
          y1 = MAX (y1, l->path[2 * k + 1]);
        }
      max_w = MAX (max_w, l->width);
      max_h = MAX (max_h, l->height);
    }
  if (x0 > x1)
    return;
  for (guint i = 0; i < n_obstacles; i++)
    {
      const double *o = obstacles + 4 * i;

      x0 = MIN (x0, o[0] - o[2] / 2);
      x1 = MAX (x1, o[0] + o[2] / 2);
      y0 = MIN (y0, o[1] - o[3] / 2);
      y1 = MAX (y1, o[1] + o[3] / 2);
    }
  x0 -= max_w + max_h;
  y0 -= max_w + max_h;
  x1 += max_w + max_h;
  y1 += max_w + max_h;

  /* cells about two label heights wide, at most 2^18 of them */
  grid.cell = MAX (2 * max_h, 8.0);
  while ((n_cells = (guint64) ceil ((x1 - x0) / grid.cell) * (guint64) ceil ((y1 - y0) / grid.cell)) > (1u << 18))
    grid.cell *= 1.5;
  grid.x0 = x0;
  grid.y0 = y0;
  grid.cols = MAX ((guint) ceil ((x1 - x0) / grid.cell), 1);
  grid.rows = MAX ((guint) ceil ((y1 - y0) / grid.cell), 1);
  grid.cells = g_new0 (GArray *, (gsize) grid.cols * grid.rows);
  grid.boxes = g_array_sized_new (FALSE, FALSE, sizeof (double), 4 * (n_labels + n_obstacles));

  for (guint i = 0; i < n_obstacles; i++)
    {
      const double *o = obstacles + 4 * i;
      double box[4] = { o[0] - o[2] / 2, o[1] - o[3] / 2, o[0] + o[2] / 2, o[1] + o[3] / 2 };

      grid_add (&grid, box);
    }

  for (guint i = 0; i < n_labels; i++)
    {
      DmLabelSlot *l = &labels[i];
      double best, best_x = 0, best_y = 0;
      gboolean chosen = FALSE;

      if (l->path == NULL || l->n_points < 4 || l->width <= 0)
        continue;

      /* where every spot is covered twice over, which of them hardly matters, and counting
       * every label there took most of the time: the first such spot will do */
      best = 2 * l->width * l->height;

      /* beside the edge rather than across it: the box touches the curve at the stop, on
       * one side or the other; the first side tried is the same for both directions, so
       * the labels of a fan of parallel edges (spread by Graphviz) stay a fan apart */
      for (guint s = 0; s < G_N_ELEMENTS (label_stops) && best > 0; s++)
        for (int side = 1; side >= -1 && best > 0; side -= 2)
          {
            double x, y, tx, ty, nx, ny, d, cx, cy, area;
            double box[4];

            bezier_at (l->path, l->n_points, label_stops[s], &x, &y, &tx, &ty);
            if (tx < 0 || (tx == 0 && ty < 0))
              {
                tx = -tx;
                ty = -ty;
              }
            nx = -ty * side;
            ny = tx * side;
            d = fabs (nx) * l->width / 2 + fabs (ny) * l->height / 2 + 1;
            cx = x + nx * d;
            cy = y + ny * d;
            box[0] = cx - l->width / 2;
            box[1] = cy - l->height / 2;
            box[2] = cx + l->width / 2;
            box[3] = cy + l->height / 2;

            area = grid_overlap (&grid, box, best);
            if (!chosen || area < best)
              {
                chosen = TRUE;
                best = MIN (area, best);
                best_x = cx;
                best_y = cy;
              }
          }

      /* Every spot beside the edge is taken: rings further out around its middle, nearest
       * first, until a spot is clear, so that no label covers a node or another label. */
      if (clear && best > 0)
        {
          double mx, my, tx, ty;
          double step = MAX (l->height, 6.0);

          bezier_at (l->path, l->n_points, 0.5, &mx, &my, &tx, &ty);
          for (guint ring = 1; ring <= LABEL_RINGS && best > 0; ring++)
            for (guint a = 0; a < LABEL_RING_SPOTS && best > 0; a++)
              {
                double angle = 2 * G_PI * a / LABEL_RING_SPOTS;
                double cx = mx + cos (angle) * ring * step * (0.5 + l->width / (2 * step) * fabs (cos (angle)));
                double cy = my + sin (angle) * ring * step;
                double box[4] = { cx - l->width / 2, cy - l->height / 2,
                                  cx + l->width / 2, cy + l->height / 2 };
                double area = grid_overlap (&grid, box, best);

                if (area < best)
                  {
                    best = area;
                    best_x = cx;
                    best_y = cy;
                  }
              }
        }

      l->x = best_x;
      l->y = best_y;
      l->placed = TRUE;
      {
        double box[4] = { best_x - l->width / 2, best_y - l->height / 2,
                          best_x + l->width / 2, best_y + l->height / 2 };

        grid_add (&grid, box);
      }
    }

  for (guint64 c = 0; c < (guint64) grid.cols * grid.rows; c++)
    if (grid.cells[c] != NULL)
      g_array_unref (grid.cells[c]);
  g_free (grid.cells);
  g_array_unref (grid.boxes);
  g_free (grid.stamps);
}
