/* dm-export-legend.c — what an exported picture carries besides the graph: a legend, links
 * from edges to their evidence, and titles a person can read
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <graphviz/gvc.h>

#include "dm-export-private.h"

/* Points between the graph and the legend below it */
#define LEGEND_GAP 18.0

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, "<TD ALIGN=\"LEFT\">");
  append_escaped (out, text);
  g_string_append (out, "</TD>");
}

/* An HTML-like label: three columns (actors, relations, lines), one row an entry. */
static char *
legend_html (guint *n_rows)
{
  GString *html = g_string_new ("<TABLE BORDER=\"1\" COLOR=\"#b8b8b8\" CELLBORDER=\"0\" "
                                "CELLSPACING=\"2\" CELLPADDING=\"2\" BGCOLOR=\"white\">");
  guint rows = MAX ((guint) DM_N_ACTOR_TYPES, (guint) DM_N_FAMILIES);

  /* Plain headings: Graphviz's pango plugin leaks the markup string it builds for <B>. */
  g_string_append (html, "<TR>");
  append_cell (html, _("Actors"));
  append_cell (html, _("Relations"));
  /* Translators: the heading of the legend's column on line styles */
  append_cell (html, _("Lines"));
  g_string_append (html, "</TR>");
  for (guint r = 0; r < rows; r++)
    {
      g_string_append (html, "<TR>");
      if (r < DM_N_ACTOR_TYPES)
        {
          g_string_append_printf (html, "<TD ALIGN=\"LEFT\" BGCOLOR=\"%s\"><FONT COLOR=\"%s\">",
                                  dm_graph_actor_type_get_fill_color (r),
                                  dm_graph_actor_type_get_line_color (r));
          append_escaped (html, dm_actor_type_to_label (r));
          g_string_append (html, "</FONT></TD>");
        }
      else
        g_string_append (html, "<TD></TD>");
      if (r < DM_N_FAMILIES)
        {
          g_string_append_printf (html, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">━━ ",
                                  dm_graph_family_get_color (r));
          append_escaped (html, dm_class_family_to_label (r));
          g_string_append (html, "</FONT></TD>");
        }
      else
        g_string_append (html, "<TD></TD>");
      if (r == 0)
        append_cell (html, _("━━ said"));
      else if (r == 1)
        append_cell (html, _("- - - negated"));
      else if (r == 2)
        append_cell (html, _("thicker: more evidence"));
      else if (r == 3)
        append_cell (html, _("larger: more weight"));
      else
        g_string_append (html, "<TD></TD>");
      g_string_append (html, "</TR>");
    }
  g_string_append (html, "</TABLE>");
  *n_rows = rows + 1;
  return g_string_free (html, FALSE);
}

double
dm_export_add_legend (Agraph_t *g)
{
  g_autofree char *html = NULL;
  const char *bb = agget (g, (char *) "bb");
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *pos = NULL;
  char *label;
  Agnode_t *legend;
  guint n_rows;
  double height;

  if (bb != NULL && bb[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (bb, ",", 4);

      if (g_strv_length (parts) == 4)
        {
          x0 = g_ascii_strtod (parts[0], NULL);
          y0 = g_ascii_strtod (parts[1], NULL);
          x1 = g_ascii_strtod (parts[2], NULL);
          y1 = g_ascii_strtod (parts[3], NULL);
        }
    }

  html = legend_html (&n_rows);
  /* nop2 sizes the node from its label; its centre is placed from an estimate of that size
   * (rows of 11-point text), the left edge under the graph's */
  height = n_rows * 19.0 + 8;
  pos = g_strconcat (g_ascii_formatd (x, sizeof x, "%.2f", x0 + 190), ",",
                     g_ascii_formatd (y, sizeof y, "%.2f", y0 - LEGEND_GAP - height / 2), NULL);
  (void) x1;
  (void) y1;

  legend = agnode (g, (char *) "legend", TRUE);
  label = agstrdup_html (g, html);
  agsafeset (legend, (char *) "label", (char *) "", (char *) "");
  agxset (legend, agattr (g, AGNODE, (char *) "label", (char *) ""), label);
  agstrfree (g, label);
  agsafeset (legend, (char *) "shape", (char *) "plaintext", (char *) "");
  agsafeset (legend, (char *) "style", (char *) "", (char *) "");
  agsafeset (legend, (char *) "fontsize", (char *) "10", (char *) "");
  agsafeset (legend, (char *) "id", (char *) "legend", (char *) "");
  agsafeset (legend, (char *) "tooltip", (char *) "Legend", (char *) "");
  agsafeset (legend, (char *) "pos", pos, (char *) "");
  agsafeset (legend, (char *) "width", (char *) "", (char *) "");
  agsafeset (legend, (char *) "height", (char *) "", (char *) "");
  /* the box again, the legend included */
  agsafeset (g, (char *) "bb", (char *) "", (char *) "");
  /* the estimate with room to spare: fonts differ */
  return LEGEND_GAP + 1.5 * height;
}

static const DmGraphEdge *
graph_edge_of (DmLayout *layout,
               Agedge_t *e)
{
  const char *id = agget (e, (char *) "id");
  guint64 index;

  if (id == NULL || id[0] != 'e' || !g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT, &index, NULL)
      || index >= layout->graph->edges->len)
    return NULL;
  return g_ptr_array_index (layout->graph->edges, index);
}

void
dm_export_add_evidence_links (Agraph_t *g,
                              DmLayout *layout,
                              DmStore  *store)
{
  g_autoptr(GArray) first_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) hrefs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) first_of_edge = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) relations = NULL;

  if (store == NULL)
    return;
  for (guint i = 0; i < layout->graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (layout->graph->edges, i);
      g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (store, layout->graph, edge, NULL);

      /* a corpus that cannot be read only costs the links */
      if (ids == NULL)
        return;
      if (ids->len > 0)
        {
          g_array_append_val (first_ids, g_array_index (ids, gint64, 0));
          g_hash_table_insert (first_of_edge, (gpointer) edge,
                               g_memdup2 (&g_array_index (ids, gint64, 0), sizeof (gint64)));
        }
    }
  /* a corpus that cannot be read only costs the links */
  if (first_ids->len == 0 || !(relations = dm_store_get_relations (store, first_ids, NULL)))
    return;
  for (guint i = 0; i < relations->len; i++)
    {
      const DmRelationInfo *rel = g_ptr_array_index (relations, i);

      g_hash_table_insert (hrefs, g_memdup2 (&rel->id, sizeof rel->id),
                           g_strdup_printf ("dramatis:article/%" G_GINT64_FORMAT "#sentence=%u-%u",
                                            rel->article_id, rel->sentence.start, rel->sentence.end));
    }

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      {
        const DmGraphEdge *edge = graph_edge_of (layout, e);
        const gint64 *first = edge != NULL ? g_hash_table_lookup (first_of_edge, edge) : NULL;
        const char *href;

        if (first == NULL)
          continue;
        href = g_hash_table_lookup (hrefs, first);
        if (href != NULL)
          agsafeset (e, (char *) "URL", (char *) href, (char *) "");
      }
}

/* "a12" → the node's name; "e3" → "urges ×3 — APPEAL (Verbal cooperation)" */
static char *
title_for_id (DmLayout   *layout,
              const char *id,
              gsize       id_len)
{
  g_autofree char *copy = g_strndup (id, id_len);
  guint64 index;

  if (copy[0] == 'e' && g_ascii_string_to_unsigned (copy + 1, 10, 0, G_MAXUINT, &index, NULL)
      && index < layout->graph->edges->len)
    {
      const DmGraphEdge *edge = g_ptr_array_index (layout->graph->edges, index);

      return g_strdup_printf ("%s — %s (%s)", edge->label != NULL ? edge->label : edge->verb,
                              dm_relation_class_to_string (edge->klass),
                              dm_class_family_to_label (dm_relation_class_get_family (edge->klass)));
    }
  if (copy[0] == 'a' && g_ascii_string_to_unsigned (copy + 1, 10, 0, G_MAXINT64, &index, NULL))
    {
      int at = dm_graph_find_node (layout->graph, (gint64) index);

      if (at >= 0)
        return g_strdup (((DmGraphNode *) layout->graph->nodes->pdata[at])->name);
    }
  return NULL;
}

char *
dm_export_svg_retitle (const char *svg,
                       gsize       len,
                       DmLayout   *layout)
{
  GString *out = g_string_sized_new (len + len / 8);
  const char *p = svg, *end = svg + len;

  /* Graphviz writes each object as <g id="ID" class="node|edge">\n<title>NAME</title> */
  while (p < end)
    {
      const char *g = g_strstr_len (p, end - p, "<g id=\"");
      const char *id, *id_end, *title, *title_end;
      g_autofree char *text = NULL;

      if (g == NULL)
        break;
      id = g + strlen ("<g id=\"");
      id_end = memchr (id, '"', end - id);
      title = id_end != NULL ? g_strstr_len (id_end, MIN ((gsize) (end - id_end), 200), "<title>") : NULL;
      title_end = title != NULL ? g_strstr_len (title, end - title, "</title>") : NULL;
      if (title_end == NULL || !(text = title_for_id (layout, id, id_end - id)))
        {
          g_string_append_len (out, p, id - p);
          p = id;
          continue;
        }
      g_string_append_len (out, p, title + strlen ("<title>") - p);
      {
        g_autofree char *escaped = g_markup_escape_text (text, -1);

        g_string_append (out, escaped);
      }
      p = title_end;
    }
  g_string_append_len (out, p, end - p);
  return g_string_free (out, FALSE);
}
