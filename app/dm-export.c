/* dm-export.c — writes a laid-out graph as an image (PNG, SVG, PDF), DOT, GraphML, GEXF or
 * a CSV of the relations behind it
 *
 * Images and DOT are rendered by Graphviz from the layout's own xdot text with the "nop2"
 * engine (neato -n2: positions and splines kept), so the file shows exactly what the window
 * shows. Graph data formats are written from the DmLayout values directly. Every file is
 * written to a temporary file beside it and renamed into place.
 *
 * GEXF is written as 1.2draft, the version Gephi, NetworkX (up to 2.8 reads no 1.3) and most
 * other tools read; the edges' `kind` (one per verb, so parallel edges stay apart in Gephi)
 * is ignored by readers that do not know it. CSV cells that a spreadsheet would run as a
 * formula are neutralised (csv_cell_is_formula()).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "dm-export.h"
#include "dm-export-private.h"

#define DM_EXPORT_MAX_PIXELS 8192.0

typedef struct {
  const char *name;
  const char *label;
  const char *mime_type;
  const char *extensions;    /* space separated, first is the usual one */
  const char *renderer;      /* Graphviz output format, or NULL for our own writers */
} FormatInfo;

static const FormatInfo formats[DM_N_EXPORT_FORMATS] = {
  [DM_EXPORT_PNG]     = { "png", N_("PNG image"), "image/png", "png", "png:cairo" },
  [DM_EXPORT_SVG]     = { "svg", N_("SVG image"), "image/svg+xml", "svg", "svg:svg:core" },
  [DM_EXPORT_PDF]     = { "pdf", N_("PDF document"), "application/pdf", "pdf", "pdf:cairo" },
  [DM_EXPORT_DOT]     = { "dot", N_("Graphviz DOT"), "text/vnd.graphviz", "dot gv", "dot" },
  [DM_EXPORT_GRAPHML] = { "graphml", "GraphML", "application/graphml+xml", "graphml", NULL },
  [DM_EXPORT_GEXF]    = { "gexf", N_("GEXF (Gephi)"), "application/gexf+xml", "gexf", NULL },
  [DM_EXPORT_CSV]     = { "csv", N_("CSV of relations"), "text/csv", "csv", NULL },
};

G_DEFINE_QUARK (dm-export-error-quark, dm_export_error)

const char *
dm_export_format_to_string (DmExportFormat format)
{
  g_return_val_if_fail (format < DM_N_EXPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
dm_export_format_from_string (const char     *str,
                              DmExportFormat *format)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < DM_N_EXPORT_FORMATS; i++)
    {
      g_auto(GStrv) extensions = g_strsplit (formats[i].extensions, " ", 0);

      if (g_ascii_strcasecmp (str, formats[i].name) == 0
          || g_strv_contains ((const char * const *) extensions, str))
        {
          if (format != NULL)
            *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
dm_export_format_from_path (const char     *path,
                            DmExportFormat *format)
{
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  if (!(dot = strrchr (base, '.')) || dot == base)
    return FALSE;
  lower = g_ascii_strdown (dot + 1, -1);

  for (guint i = 0; i < DM_N_EXPORT_FORMATS; i++)
    {
      g_auto(GStrv) extensions = g_strsplit (formats[i].extensions, " ", 0);

      if (g_strv_contains ((const char * const *) extensions, lower))
        {
          if (format != NULL)
            *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dm_export_format_get_label (DmExportFormat format)
{
  g_return_val_if_fail (format < DM_N_EXPORT_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
dm_export_format_get_mime_type (DmExportFormat format)
{
  g_return_val_if_fail (format < DM_N_EXPORT_FORMATS, NULL);
  return formats[format].mime_type;
}

/* Writing -------------------------------------------------------------------------------- */

static const char *
describe_file_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;

  /* GLib's messages name the temporary file, which means nothing to the person exporting */
  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("No such folder");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("Permission denied");
    case G_FILE_ERROR_ROFS:
      return _("The folder is on a read-only file system");
    case G_FILE_ERROR_NOSPC:
      return _("No space left on the device");
    case G_FILE_ERROR_ISDIR:
      return _("That is a folder");
    case G_FILE_ERROR_NAMETOOLONG:
      return _("The file name is too long");
    default:
      return error->message;
    }
}

static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* temporary file in the same folder, fsync, rename: a reader sees the old file or the
   * whole new one, never half of it */
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error_literal (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_WRITE,
                           describe_file_error (local_error));
      return FALSE;
    }
  return TRUE;
}

/* XML 1.0 allows tab, newline, carriage return and most of the rest of Unicode; anything
 * else (other controls, lone surrogates, U+FFFE/U+FFFF) is dropped. In attributes the
 * white-space characters are written as references so they survive normalization. */
static void
append_xml (GString    *out,
            const char *str,
            gboolean    attribute)
{
  g_autofree char *valid = NULL;

  if (str == NULL)
    return;
  valid = g_utf8_make_valid (str, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
            break;
          g_string_append_unichar (out, c);
          break;
        }
    }
}

static void
append_element (GString    *out,
                const char *indent,
                const char *key,
                const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "%s<data key=\"%s\">", indent, key);
  append_xml (out, value, FALSE);
  g_string_append (out, "</data>\n");
}

static void
append_double_element (GString    *out,
                       const char *indent,
                       const char *key,
                       double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  append_element (out, indent, key, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static char *
graphml_text (DmLayout *layout)
{
  DmGraph *graph = layout->graph;
  GString *out = g_string_sized_new (1024 + graph->nodes->len * 400 + graph->edges->len * 300);
  static const char * const keys =
    "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
    "  <key id=\"affiliation\" for=\"node\" attr.name=\"affiliation\" attr.type=\"string\"/>\n"
    "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
    "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
    "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
    "  <key id=\"width\" for=\"node\" attr.name=\"width\" attr.type=\"double\"/>\n"
    "  <key id=\"height\" for=\"node\" attr.name=\"height\" attr.type=\"double\"/>\n"
    "  <key id=\"color\" for=\"all\" attr.name=\"color\" attr.type=\"string\"/>\n"
    "  <key id=\"verb\" for=\"edge\" attr.name=\"verb\" attr.type=\"string\"/>\n"
    "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"class\" for=\"edge\" attr.name=\"class\" attr.type=\"string\"/>\n"
    "  <key id=\"family\" for=\"edge\" attr.name=\"family\" attr.type=\"string\"/>\n"
    "  <key id=\"negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n";

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
                   " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  g_string_append (out, keys);
  g_string_append (out, "  <graph id=\"dramatis\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      const DmLayoutNode *ln = &layout->nodes[i];
      char count[32];

      g_string_append_printf (out, "    <node id=\"a%" G_GINT64_FORMAT "\">\n", node->actor_id);
      append_element (out, "      ", "name", node->name);
      append_element (out, "      ", "type", dm_actor_type_to_string (node->type));
      append_element (out, "      ", "role", node->role);
      append_element (out, "      ", "affiliation", node->affiliation);
      g_snprintf (count, sizeof count, "%u", node->n_mentions);
      append_element (out, "      ", "mentions", count);
      g_snprintf (count, sizeof count, "%u", node->degree);
      append_element (out, "      ", "degree", count);
      /* screen coordinates in points: y grows downwards, as yEd expects */
      append_double_element (out, "      ", "x", ln->x);
      append_double_element (out, "      ", "y", ln->y);
      append_double_element (out, "      ", "width", ln->width);
      append_double_element (out, "      ", "height", ln->height);
      append_element (out, "      ", "color", dm_graph_node_get_fill_color (node));
      g_string_append (out, "    </node>\n");
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmGraphNode *source = g_ptr_array_index (graph->nodes, edge->source);
      const DmGraphNode *target = g_ptr_array_index (graph->nodes, edge->target);
      char count[32];

      g_string_append_printf (out, "    <edge id=\"e%u\" source=\"a%" G_GINT64_FORMAT "\""
                              " target=\"a%" G_GINT64_FORMAT "\">\n",
                              i, source->actor_id, target->actor_id);
      append_element (out, "      ", "verb", edge->verb);
      append_element (out, "      ", "label", edge->label);
      append_element (out, "      ", "class", dm_relation_class_to_string (edge->klass));
      append_element (out, "      ", "family",
                      dm_class_family_to_string (dm_relation_class_get_family (edge->klass)));
      append_element (out, "      ", "negated", edge->negated ? "true" : "false");
      g_snprintf (count, sizeof count, "%u", edge->n_evidence);
      append_element (out, "      ", "weight", count);
      append_element (out, "      ", "color", dm_graph_edge_get_color (edge));
      g_string_append (out, "    </edge>\n");
    }

  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free (out, FALSE);
}

static void
append_gexf_attvalue (GString    *out,
                      const char *id,
                      const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "          <attvalue for=\"%s\" value=\"", id);
  append_xml (out, value, TRUE);
  g_string_append (out, "\"/>\n");
}

static void
append_gexf_color (GString    *out,
                   const char *hex)
{
  guint r = 0, g = 0, b = 0;

  if (hex != NULL && hex[0] == '#' && strlen (hex) >= 7)
    {
      r = g_ascii_xdigit_value (hex[1]) * 16 + g_ascii_xdigit_value (hex[2]);
      g = g_ascii_xdigit_value (hex[3]) * 16 + g_ascii_xdigit_value (hex[4]);
      b = g_ascii_xdigit_value (hex[5]) * 16 + g_ascii_xdigit_value (hex[6]);
    }
  g_string_append_printf (out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, g, b);
}

static char *
gexf_text (DmLayout *layout)
{
  DmGraph *graph = layout->graph;
  GString *out = g_string_sized_new (1024 + graph->nodes->len * 500 + graph->edges->len * 400);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"http://www.gexf.net/1.2draft\""
                          " xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
                          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                          "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft"
                          " http://www.gexf.net/1.2draft/gexf.xsd\"\n"
                          "    version=\"1.2\">\n"
                          "  <meta lastmodifieddate=\"%s\">\n"
                          "    <creator>Dramatis %s</creator>\n"
                          "    <description>Who does what to whom, from news articles</description>\n"
                          "  </meta>\n"
                          "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
                          "    <attributes class=\"node\">\n"
                          "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                          "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
                          "      <attribute id=\"affiliation\" title=\"affiliation\" type=\"string\"/>\n"
                          "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
                          "      <attribute id=\"degree\" title=\"degree\" type=\"integer\"/>\n"
                          "    </attributes>\n"
                          "    <attributes class=\"edge\">\n"
                          "      <attribute id=\"verb\" title=\"verb\" type=\"string\"/>\n"
                          "      <attribute id=\"class\" title=\"class\" type=\"string\"/>\n"
                          "      <attribute id=\"family\" title=\"family\" type=\"string\"/>\n"
                          "      <attribute id=\"negated\" title=\"negated\" type=\"boolean\"/>\n"
                          "    </attributes>\n"
                          "    <nodes>\n",
                          today, PACKAGE_VERSION);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      const DmLayoutNode *ln = &layout->nodes[i];
      char count[32];

      g_string_append_printf (out, "      <node id=\"a%" G_GINT64_FORMAT "\" label=\"", node->actor_id);
      append_xml (out, node->name, TRUE);
      g_string_append (out, "\">\n        <attvalues>\n");
      append_gexf_attvalue (out, "type", dm_actor_type_to_string (node->type));
      append_gexf_attvalue (out, "role", node->role);
      append_gexf_attvalue (out, "affiliation", node->affiliation);
      g_snprintf (count, sizeof count, "%u", node->n_mentions);
      append_gexf_attvalue (out, "mentions", count);
      g_snprintf (count, sizeof count, "%u", node->degree);
      append_gexf_attvalue (out, "degree", count);
      g_string_append (out, "        </attvalues>\n");
      /* Gephi's y axis points up, like Graphviz's */
      g_string_append_printf (out, "        <viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>\n"
                              "        <viz:size value=\"%s\"/>\n",
                              g_ascii_formatd (x, sizeof x, "%.2f", ln->x),
                              g_ascii_formatd (y, sizeof y, "%.2f", layout->height - ln->y),
                              g_ascii_formatd (size, sizeof size, "%.2f", MAX (ln->height / 2, 1.0)));
      append_gexf_color (out, dm_graph_node_get_fill_color (node));
      g_string_append (out, "      </node>\n");
    }

  g_string_append (out, "    </nodes>\n    <edges>\n");

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmGraphNode *source = g_ptr_array_index (graph->nodes, edge->source);
      const DmGraphNode *target = g_ptr_array_index (graph->nodes, edge->target);

      g_string_append_printf (out, "      <edge id=\"e%u\" source=\"a%" G_GINT64_FORMAT "\""
                              " target=\"a%" G_GINT64_FORMAT "\" weight=\"%u\" label=\"",
                              i, source->actor_id, target->actor_id, edge->n_evidence);
      append_xml (out, edge->label, TRUE);
      /* parallel edges of one pair (one per verb) need a kind to stay apart in Gephi */
      g_string_append (out, "\" kind=\"");
      append_xml (out, edge->verb, TRUE);
      g_string_append (out, "\">\n        <attvalues>\n");
      append_gexf_attvalue (out, "verb", edge->verb);
      append_gexf_attvalue (out, "class", dm_relation_class_to_string (edge->klass));
      append_gexf_attvalue (out, "family",
                            dm_class_family_to_string (dm_relation_class_get_family (edge->klass)));
      append_gexf_attvalue (out, "negated", edge->negated ? "true" : "false");
      g_string_append (out, "        </attvalues>\n");
      append_gexf_color (out, dm_graph_edge_get_color (edge));
      g_string_append_printf (out, "        <viz:thickness value=\"%s\"/>\n",
                              g_ascii_formatd (size, sizeof size, "%.2f",
                                               dm_graph_edge_get_penwidth (edge)));
      g_string_append (out, "      </edge>\n");
    }

  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (out, FALSE);
}

/* CSV injection (OWASP): a spreadsheet takes a cell beginning with one of these for a
 * formula — an article titled =HYPERLINK(…) would become a live link. A leading apostrophe
 * makes it text in Excel, LibreOffice and Google Sheets, and shows what was there. */
static gboolean
csv_cell_is_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled */
static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  g_autofree char *made_valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  g_autofree char *valid = csv_cell_is_formula (made_valid)
                             ? g_strconcat ("'", made_valid, NULL)
                             : g_steal_pointer (&made_valid);

  if (strpbrk (valid, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = valid; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, valid);
    }
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
csv_text (DmStore       *store,
          DmLayout      *layout,
          GCancellable  *cancellable,
          GError       **error)
{
  DmGraph *graph = layout->graph;
  g_autoptr(GString) out = g_string_new ("source,target,verb,class,negated,"
                                         "article_title,article_date,sentence\r\n");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) edge_relation_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (store != NULL)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* one query for every edge's evidence */
      for (guint i = 0; i < graph->edges->len; i++)
        {
          GArray *edge_ids = dm_graph_list_edge_relation_ids (store, graph,
                                                              g_ptr_array_index (graph->edges, i),
                                                              error);

          if (edge_ids == NULL)
            return NULL;
          g_array_append_vals (ids, edge_ids->data, edge_ids->len);
          g_ptr_array_add (edge_relation_ids, edge_ids);
        }
      if (ids->len > 0)
        {
          if (!(relations = dm_store_get_relations (store, ids, error)))
            return NULL;
          for (guint i = 0; i < relations->len; i++)
            {
              DmRelationInfo *info = g_ptr_array_index (relations, i);
              g_hash_table_insert (by_id, &info->id, info);
            }
        }
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmGraphNode *source = g_ptr_array_index (graph->nodes, edge->source);
      const DmGraphNode *target = g_ptr_array_index (graph->nodes, edge->target);
      guint n_rows = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      const GArray *edge_ids = i < edge_relation_ids->len ? edge_relation_ids->pdata[i] : NULL;

      for (guint k = 0; edge_ids != NULL && k < edge_ids->len; k++)
        {
          gint64 id = g_array_index (edge_ids, gint64, k);
          const DmRelationInfo *info = g_hash_table_lookup (by_id, &id);

          if (info == NULL)
            continue;
          append_csv_field (out, source->name, FALSE);
          append_csv_field (out, target->name, FALSE);
          append_csv_field (out, info->verb, FALSE);
          append_csv_field (out, dm_relation_class_to_string (info->klass), FALSE);
          append_csv_field (out, info->negated ? "true" : "false", FALSE);
          append_csv_field (out, info->article_title, FALSE);
          append_csv_field (out, info->article_date, FALSE);
          append_csv_field (out, info->sentence_text, TRUE);
          n_rows++;
        }

      /* an edge without stored evidence (a graph built by hand) still gets its row */
      if (n_rows == 0)
        {
          append_csv_field (out, source->name, FALSE);
          append_csv_field (out, target->name, FALSE);
          append_csv_field (out, edge->verb, FALSE);
          append_csv_field (out, dm_relation_class_to_string (edge->klass), FALSE);
          append_csv_field (out, edge->negated ? "true" : "false", FALSE);
          append_csv_field (out, NULL, FALSE);
          append_csv_field (out, NULL, FALSE);
          append_csv_field (out, NULL, TRUE);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
export_data (DmStore         *store,
             DmLayout        *layout,
             DmExportFormat   format,
             const char      *path,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autofree char *text = NULL;

  switch (format)
    {
    case DM_EXPORT_GRAPHML:
      text = graphml_text (layout);
      break;
    case DM_EXPORT_GEXF:
      text = gexf_text (layout);
      break;
    case DM_EXPORT_CSV:
      if (!(text = csv_text (store, layout, cancellable, error)))
        return FALSE;
      break;
    case DM_EXPORT_PNG:
    case DM_EXPORT_SVG:
    case DM_EXPORT_PDF:
    case DM_EXPORT_DOT:
    case DM_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return write_atomically (path, text, strlen (text), error);
}

/* Rendering on the layout worker --------------------------------------------------------- */

typedef struct {
  DmLayout       *layout;
  DmExportFormat  format;
  char           *path;
  DmStore        *store;    /* nullable, not owned: evidence links */
} RenderRequest;

static void
render_request_free (RenderRequest *request)
{
  dm_layout_unref (request->layout);
  g_free (request->path);
  g_free (request);
}

static void
copy_attr (void       *from,
           void       *to,
           const char *name)
{
  const char *value = agget (from, (char *) name);

  if (value != NULL && value[0] != '\0')
    agsafeset (to, (char *) name, (char *) value, (char *) "");
}

/* The group boxes of @laid_out into @g's clusters; clusters the layout engine did without
 * (dm_layout_engine_draws_groups) are taken out, or a reader would draw boxes round
 * wherever their actors were placed. */
static void
copy_cluster_boxes (Agraph_t *laid_out,
                    Agraph_t *g)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  static const char * const attrs[] = { "bb", "lp", "lwidth", "lheight" };

  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    {
      Agraph_t *from = agsubg (laid_out, agnameof (sub), FALSE);

      if (from == NULL)
        {
          g_ptr_array_add (dropped, sub);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
        copy_attr (from, sub, attrs[i]);
    }
  for (guint i = 0; i < dropped->len; i++)
    agdelsubg (g, g_ptr_array_index (dropped, i));
}

/* For DOT files: the graph's own DOT text (no xdot draw operations, which are the window's
 * business) with the positions of @laid_out copied in. */
static Agraph_t *
read_positioned_dot (DmLayout  *layout,
                     Agraph_t  *laid_out)
{
  g_autofree char *dot = dm_graph_to_dot (layout->graph);
  g_autoptr(GHashTable) edges = g_hash_table_new (g_str_hash, g_str_equal);
  Agraph_t *g;

  if (!(g = agmemread (dot)))
    return NULL;

  copy_attr (laid_out, g, "bb");
  copy_attr (laid_out, g, "splines");
  copy_cluster_boxes (laid_out, g);

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      g_hash_table_insert (edges, agget (e, (char *) "id"), e);

  for (Agnode_t *n = agfstnode (laid_out); n != NULL; n = agnxtnode (laid_out, n))
    {
      Agnode_t *m = agnode (g, agnameof (n), FALSE);

      if (m == NULL)
        continue;
      copy_attr (n, m, "pos");
      copy_attr (n, m, "width");
      copy_attr (n, m, "height");

      for (Agedge_t *e = agfstout (laid_out, n); e != NULL; e = agnxtout (laid_out, e))
        {
          Agedge_t *f = g_hash_table_lookup (edges, agget (e, (char *) "id"));

          if (f == NULL)
            continue;
          copy_attr (e, f, "pos");
          copy_attr (e, f, "lp");
        }
    }
  return g;
}

static gpointer
render_in_worker (gpointer       gvc_pointer,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GVC_t *gvc = gvc_pointer;
  RenderRequest *request = data;
  Agraph_t *g;
  char *rendered = NULL;
  unsigned int len = 0;
  double legend_height = 0;
  gboolean ok;

  if (!(g = agmemread (request->layout->xdot)))
    {
      g_set_error_literal (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_RENDER,
                           _("Cannot read the laid-out graph"));
      return NULL;
    }

  if (request->format == DM_EXPORT_DOT)
    {
      Agraph_t *laid_out = g;

      g = read_positioned_dot (request->layout, laid_out);
      agclose (laid_out);
      if (g == NULL)
        {
          g_set_error_literal (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_RENDER,
                               _("Cannot read the graph"));
          return NULL;
        }
    }

  /* Pictures explain themselves: a legend, and edges that link to their evidence */
  if (request->format != DM_EXPORT_DOT)
    {
      dm_export_add_evidence_links (g, request->layout, request->store);
      legend_height = dm_export_add_legend (g);
    }

  if (request->format == DM_EXPORT_PNG)
    {
      /* 96 dpi, unless the picture would pass DM_EXPORT_MAX_PIXELS on its longer side:
       * cairo gives up on larger surfaces and memory runs out before that. Read by gvLayout. */
      /* the layout's box plus the graph's pad (0.2 in), which nop2 counts twice per side */
      double longest = MAX (MAX (request->layout->width, DM_EXPORT_LEGEND_MAX_WIDTH),
                            request->layout->height + legend_height) + 72.0;
      double dpi = MIN (96.0, DM_EXPORT_MAX_PIXELS * 72.0 / longest);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      agsafeset (g, (char *) "dpi", g_ascii_formatd (buf, sizeof buf, "%.2f", dpi), (char *) "");
    }

  /* nop2 = neato -n2: node positions and edge splines are taken as they are */
  if (gvLayout (gvc, g, "nop2") != 0)
    {
      agclose (g);
      g_set_error_literal (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_RENDER,
                           _("Cannot place the graph at its laid-out positions"));
      return NULL;
    }

  ok = gvRenderData (gvc, g, formats[request->format].renderer, &rendered, &len) == 0
       && rendered != NULL;
  gvFreeLayout (gvc, g);
  agclose (g);

  if (!ok)
    {
      if (rendered != NULL)
        gvFreeRenderData (rendered);
      g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_RENDER,
                   _("Graphviz cannot render %s"), formats[request->format].label);
      return NULL;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      gvFreeRenderData (rendered);
      g_set_error_literal (error, DM_LAYOUT_ERROR, DM_LAYOUT_ERROR_CANCELLED,
                           _("The export was cancelled"));
      return NULL;
    }

  if (request->format == DM_EXPORT_SVG)
    {
      g_autofree char *titled = dm_export_svg_retitle (rendered, len, request->layout);

      ok = write_atomically (request->path, titled, strlen (titled), error);
    }
  else
    ok = write_atomically (request->path, rendered, len, error);
  gvFreeRenderData (rendered);
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static gboolean
check_arguments (DmLayout        *layout,
                 DmExportFormat   format,
                 GError         **error)
{
  if (formats[format].renderer != NULL && layout->xdot == NULL)
    {
      g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_FORMAT,
                   _("The layout has no Graphviz text to render as %s"), formats[format].label);
      return FALSE;
    }
  return TRUE;
}

/* Public ---------------------------------------------------------------------------------- */

typedef struct {
  DmStore        *store;
  DmLayout       *layout;
  DmExportFormat  format;
  char           *path;
} DataRequest;

static void
data_request_free (DataRequest *request)
{
  dm_layout_unref (request->layout);
  g_free (request->path);
  g_free (request);
}

static void
export_data_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DataRequest *request = task_data;
  GError *error = NULL;

  if (export_data (request->store, request->layout, request->format, request->path,
                   cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (dm_layout_worker_run_finish (DM_LAYOUT_WORKER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dm_export_async (DmStore             *store,
                 DmLayout            *layout,
                 DmExportFormat       format,
                 const char          *path,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (format < DM_N_EXPORT_FORMATS);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dm_export_async);

  if (!check_arguments (layout, format, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (formats[format].renderer != NULL)
    {
      RenderRequest *request = g_new0 (RenderRequest, 1);

      request->layout = dm_layout_ref (layout);
      request->format = format;
      request->path = g_strdup (path);
      /* the caller keeps the store open until the export finishes, as for data formats */
      request->store = store;
      dm_layout_worker_run_async (dm_layout_worker_get_default (), render_in_worker, request,
                                  (GDestroyNotify) render_request_free, NULL, cancellable,
                                  on_rendered, g_steal_pointer (&task));
    }
  else
    {
      DataRequest *request = g_new0 (DataRequest, 1);

      /* the store serialises its callers itself */
      request->store = store;
      request->layout = dm_layout_ref (layout);
      request->format = format;
      request->path = g_strdup (path);
      g_task_set_task_data (task, request, (GDestroyNotify) data_request_free);
      g_task_run_in_thread (task, export_data_thread);
    }
}

gboolean
dm_export_finish (GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
dm_export (DmStore         *store,
           DmLayout        *layout,
           DmExportFormat   format,
           const char      *path,
           GCancellable    *cancellable,
           GError         **error)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (format < DM_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_arguments (layout, format, error))
    return FALSE;

  if (formats[format].renderer != NULL)
    {
      RenderRequest request = { layout, format, (char *) path, store };

      return dm_layout_worker_run (dm_layout_worker_get_default (), render_in_worker,
                                   &request, cancellable, error) != NULL;
    }

  return export_data (store, layout, format, path, cancellable, error);
}
