/* layout-test-common.h — building hand-made DmLayouts for the canvas's tests: shapes as
 * the layout worker fills them in from Graphviz's drawing operations
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>

#include "dm-layout-private.h"

/* A shape of @n_points points, given as 2 × @n_points doubles: x0, y0, x1, y1, … */
static inline DmShape *
test_shape_new (DmShapeKind kind,
                gboolean    filled,
                guint       n_points,
                ...)
{
  DmShape *shape = g_new0 (DmShape, 1);
  va_list ap;

  shape->kind = kind;
  shape->filled = filled;
  shape->n_points = n_points;
  shape->points = g_new (double, 2 * n_points);
  shape->pen_width = 1;
  va_start (ap, n_points);
  for (guint i = 0; i < 2 * n_points; i++)
    shape->points[i] = va_arg (ap, double);
  va_end (ap);
  return shape;
}
