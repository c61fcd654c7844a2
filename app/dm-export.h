/* dm-export.h — writes a graph as PNG, SVG, PDF (Graphviz renderers, same layout), DOT,
 * GraphML, GEXF or CSV of relations with their evidence
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-layout.h"
#include "dm-store.h"

G_BEGIN_DECLS

#define DM_EXPORT_ERROR (dm_export_error_quark ())

typedef enum {
  DM_EXPORT_ERROR_FORMAT,
  DM_EXPORT_ERROR_WRITE,
  DM_EXPORT_ERROR_RENDER,
} DmExportError;

typedef enum {
  DM_EXPORT_PNG,
  DM_EXPORT_SVG,
  DM_EXPORT_PDF,
  DM_EXPORT_DOT,
  DM_EXPORT_GRAPHML,
  DM_EXPORT_GEXF,
  DM_EXPORT_CSV,
  DM_N_EXPORT_FORMATS
} DmExportFormat;

GQuark          dm_export_error_quark        (void);
const char     *dm_export_format_to_string   (DmExportFormat  format);  /* "png" */
gboolean        dm_export_format_from_string (const char     *str,
                                              DmExportFormat *format);
/* From a file name's extension; FALSE when it has none we know. */
gboolean        dm_export_format_from_path   (const char     *path,
                                              DmExportFormat *format);
const char     *dm_export_format_get_label   (DmExportFormat  format);  /* "PNG image" */
const char     *dm_export_format_get_mime_type (DmExportFormat format);

/* Writes @layout (the graph as laid out, positions kept) to @path in @format. Rendered
 * formats and DOT run on the layout worker; @store supplies evidence sentences for CSV.
 * The file is written atomically (temporary file + rename). */
void            dm_export_async              (DmStore             *store,
                                              DmLayout            *layout,
                                              DmExportFormat       format,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        dm_export_finish             (GAsyncResult        *result,
                                              GError             **error);
gboolean        dm_export                    (DmStore             *store,
                                              DmLayout            *layout,
                                              DmExportFormat       format,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_END_DECLS
