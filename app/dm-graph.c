/* dm-graph.c — the graph of a query: actors and the relations between them, and its DOT text
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dm-graph-private.h"

/* Bump when the DOT text changes meaning, so cached layouts of older versions are not reused. */
#define DM_GRAPH_KEY_VERSION "dramatis-graph-3\n"

typedef struct {
  const char *shape;
  const char *style;
  const char *fillcolor;
  const char *color;
  const char *cluster_fill;   /* the box round an actor of this type and its officials */
  const char *cluster_color;
} NodeStyle;

/* Readable at a glance and distinct in grey scale: countries are rounded boxes, people
 * ellipses, organizations 3-D boxes, groups octagons. A group's box is a faint wash of its
 * head's hue, so that it reads as a region behind the actors rather than as one of them. */
static const NodeStyle node_styles[DM_N_ACTOR_TYPES] = {
  [DM_ACTOR_COUNTRY]      = { "box",     "rounded,filled", "#cfe2f3", "#3d6e99", "#f1f6fb", "#b4c8dc" },
  [DM_ACTOR_OFFICIAL]     = { "ellipse", "filled",         "#fff2cc", "#a68a2b", "#fdf9ee", "#dccfa6" },
  [DM_ACTOR_PERSON]       = { "ellipse", "filled",         "#f4dbe7", "#a04f76", "#fbf1f5", "#d8b4c6" },
  [DM_ACTOR_ORGANIZATION] = { "box3d",   "filled",         "#e4def7", "#5e4fa2", "#f4f2fb", "#c2bbdf" },
  [DM_ACTOR_GROUP]        = { "octagon", "filled",         "#fde3cb", "#b25f12", "#fdf4ec", "#e3c3a5" },
};

/* PLOVER's quad colours: grey statements, blue/green cooperation, orange/red conflict. */
static const char * const family_colors[DM_N_FAMILIES] = {
  [DM_FAMILY_STATEMENT]            = "#7a7a7a",
  [DM_FAMILY_VERBAL_COOPERATION]   = "#2f78c4",
  [DM_FAMILY_MATERIAL_COOPERATION] = "#22874a",
  [DM_FAMILY_VERBAL_CONFLICT]      = "#d9730d",
  [DM_FAMILY_MATERIAL_CONFLICT]    = "#c0262d",
};

void
dm_graph_node_free (DmGraphNode *node)
{
  if (node == NULL)
    return;
  g_free (node->name);
  g_free (node->role);
  g_free (node->affiliation);
  g_free (node);
}

void
dm_graph_edge_free (DmGraphEdge *edge)
{
  if (edge == NULL)
    return;
  g_free (edge->verb);
  g_free (edge->label);
  g_clear_pointer (&edge->relation_ids, g_array_unref);
  g_clear_pointer (&edge->pairs, g_array_unref);
  g_free (edge);
}

static void
dm_graph_clear (DmGraph *graph)
{
  g_clear_pointer (&graph->nodes, g_ptr_array_unref);
  g_clear_pointer (&graph->edges, g_ptr_array_unref);
  g_clear_pointer (&graph->query, dm_graph_query_free);
}

DmGraph *
dm_graph_new (void)
{
  DmGraph *graph = g_atomic_rc_box_new0 (DmGraph);

  graph->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_graph_node_free);
  graph->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_graph_edge_free);
  return graph;
}

DmGraph *
dm_graph_ref (DmGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  return g_atomic_rc_box_acquire (graph);
}

void
dm_graph_unref (DmGraph *graph)
{
  g_return_if_fail (graph != NULL);
  g_atomic_rc_box_release_full (graph, (GDestroyNotify) dm_graph_clear);
}

guint
dm_graph_add_node (DmGraph     *graph,
                   gint64       actor_id,
                   const char  *name,
                   DmActorType  type,
                   const char  *role,
                   const char  *affiliation,
                   guint        n_mentions)
{
  DmGraphNode *node;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, 0);

  node = g_new0 (DmGraphNode, 1);
  node->actor_id = actor_id;
  node->name = g_strdup (name);
  node->type = type;
  node->role = g_strdup (role);
  node->affiliation = g_strdup (affiliation);
  node->n_mentions = n_mentions;
  g_ptr_array_add (graph->nodes, node);
  return graph->nodes->len - 1;
}

char *
dm_graph_label_for_verb (const char *verb,
                         gboolean    negated,
                         guint       n_evidence)
{
  const char *prefix = negated ? "not " : "";

  if (n_evidence > 1)
    return g_strdup_printf ("%s%s ×%u", prefix, verb, n_evidence);
  return g_strconcat (prefix, verb, NULL);
}

DmGraphEdge *
dm_graph_edge_new (guint            source,
                   guint            target,
                   const char      *verb,
                   DmRelationClass  klass,
                   gboolean         negated,
                   guint            n_evidence)
{
  DmGraphEdge *edge = g_new0 (DmGraphEdge, 1);

  edge->source = source;
  edge->target = target;
  edge->verb = g_strdup (verb);
  edge->klass = klass;
  edge->negated = negated;
  edge->n_evidence = n_evidence;
  edge->relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return edge;
}

guint
dm_graph_add_edge (DmGraph         *graph,
                   guint            source,
                   guint            target,
                   const char      *verb,
                   DmRelationClass  klass,
                   gboolean         negated,
                   guint            n_evidence)
{
  DmGraphEdge *edge;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (source < graph->nodes->len, 0);
  g_return_val_if_fail (target < graph->nodes->len, 0);
  g_return_val_if_fail (verb != NULL, 0);
  g_return_val_if_fail (klass < DM_N_CLASSES, 0);

  edge = dm_graph_edge_new (source, target, verb, klass, negated, MAX (n_evidence, 1));
  edge->label = dm_graph_label_for_verb (verb, FALSE, edge->n_evidence);
  g_ptr_array_add (graph->edges, edge);

  ((DmGraphNode *) graph->nodes->pdata[source])->degree++;
  if (target != source)
    ((DmGraphNode *) graph->nodes->pdata[target])->degree++;
  return graph->edges->len - 1;
}

int
dm_graph_find_node (const DmGraph *graph,
                    gint64         actor_id)
{
  g_return_val_if_fail (graph != NULL, -1);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (node->actor_id == actor_id)
        return i;
    }
  return -1;
}

/* DOT text ------------------------------------------------------------------------------ */

char *
dm_dot_quote (const char *str)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (str == NULL)
    return g_strdup ("\"\"");

  valid = g_utf8_make_valid (str, -1);
  out = g_string_sized_new (strlen (valid) + 8);
  g_string_append_c (out, '"');

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          /* "\r\n" is one line break; a lone "\r" too */
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        default:
          /* C0 and C1 controls (tabs included) mean nothing in a label and some break
           * renderers; format characters such as RTL marks are kept. */
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            break;
          g_string_append_unichar (out, c);
          break;
        }
    }

  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
append_double (GString    *out,
               const char *name,
               double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=%s", name, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *quoted = dm_dot_quote (value);

  g_string_append_printf (out, " %s=%s", name, quoted);
}

static char *
node_tooltip (const DmGraphNode *node)
{
  GString *s = g_string_new (node->name);

  if (node->role != NULL && node->role[0] != '\0')
    g_string_append_printf (s, "\n%s", node->role);
  if (node->affiliation != NULL && node->affiliation[0] != '\0')
    g_string_append_printf (s, "\n%s", node->affiliation);
  g_string_append_printf (s, "\n%s", dm_actor_type_to_label (node->type));
  return g_string_free (s, FALSE);
}

double
dm_graph_edge_get_penwidth (const DmGraphEdge *edge)
{
  /* 1 for one sentence, ~2 for three, ~3.3 for ten, capped so hubs stay legible */
  return MIN (1.0 + log ((double) MAX (edge->n_evidence, 1)), 6.0);
}

const char *
dm_graph_edge_get_color (const DmGraphEdge *edge)
{
  return family_colors[dm_relation_class_get_family (edge->klass)];
}

const char *
dm_graph_node_get_fill_color (const DmGraphNode *node)
{
  return node_styles[node->type].fillcolor;
}

static double
max_weight (const DmGraph *graph)
{
  double max = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    max = MAX (max, ((const DmGraphNode *) graph->nodes->pdata[i])->weight);
  return max;
}

static void
append_node (GString           *out,
             const DmGraphNode *node,
             double             weight_max,
             const char        *indent)
{
  const NodeStyle *style = &node_styles[node->type < DM_N_ACTOR_TYPES ? node->type : 0];
  g_autofree char *tooltip = node_tooltip (node);
  g_autofree char *label = node->n_members > 0
                           ? g_strdup_printf ("%s (+%u)", node->name, node->n_members)
                           : g_strdup (node->name);

  g_string_append_printf (out, "%sa%" G_GINT64_FORMAT " [id=\"a%" G_GINT64_FORMAT "\"",
                          indent, node->actor_id, node->actor_id);
  append_attr (out, "label", label);
  g_string_append_printf (out, " shape=%s style=\"%s\" fillcolor=\"%s\" color=\"%s\"",
                          style->shape, style->style, style->fillcolor, style->color);
  append_attr (out, "tooltip", tooltip);
  /* Size by weight: the label's font from 10 to 20 points by the square root of the weight
   * (areas grow with it), and the node with its label. */
  if (weight_max > 0)
    append_double (out, "fontsize", 10.0 + 10.0 * sqrt (MAX (node->weight, 0) / weight_max));
  /* A dragged node stays where it was left: the layout worker puts it back there after
   * Graphviz's layout (pins would move with Graphviz's drawing, and dot ignores them) */
  if (node->has_position)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, " dm_pos=\"%s,%s\"",
                              g_ascii_formatd (x, sizeof x, "%.2f", node->x),
                              g_ascii_formatd (y, sizeof y, "%.2f", node->y));
    }
  g_string_append (out, "];\n");
}

/* A group's cluster: a rounded box washed in its head's hue, named at the top left in a
 * small grey font (Graphviz keeps room for the name; the canvas draws it in its own colours). */
static void
append_cluster_open (GString           *out,
                     const DmGraphNode *head)
{
  const NodeStyle *style = &node_styles[head->type < DM_N_ACTOR_TYPES ? head->type : 0];

  g_string_append_printf (out,
                          "  subgraph cluster_a%" G_GINT64_FORMAT " {\n"
                          "    graph [style=\"rounded,filled\" fillcolor=\"%s\" color=\"%s\" penwidth=0.8"
                          " fontsize=9 fontcolor=\"#6f6f6f\" labeljust=l",
                          head->actor_id, style->cluster_fill, style->cluster_color);
  append_attr (out, "label", head->name);
  g_string_append (out, "];\n");
}

/* Nodes, each group's (a country or organisation and the officials affiliated with it) in
 * a cluster of its own, which dot and fdp draw as a box around them. */
static void
append_nodes (GString       *out,
              const DmGraph *graph)
{
  double weight_max = max_weight (graph);
  g_autofree gboolean *done = g_new0 (gboolean, graph->nodes->len);

  for (guint h = 0; h < graph->nodes->len; h++)
    {
      const DmGraphNode *head = g_ptr_array_index (graph->nodes, h);
      gboolean open = FALSE;

      for (guint i = 0; i < graph->nodes->len; i++)
        {
          const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

          if (node->group_id != head->actor_id || i == h)
            continue;
          if (!open)
            {
              append_cluster_open (out, head);
              append_node (out, head, weight_max, "    ");
              done[h] = open = TRUE;
            }
          append_node (out, node, weight_max, "    ");
          done[i] = TRUE;
        }
      if (open)
        g_string_append (out, "  }\n");
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    if (!done[i])
      append_node (out, g_ptr_array_index (graph->nodes, i), weight_max, "  ");
}

static char *
group_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

void
dm_graph_assign_groups (DmGraph *graph)
{
  g_autoptr(GHashTable) heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (graph != NULL);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (node->type == DM_ACTOR_COUNTRY || node->type == DM_ACTOR_ORGANIZATION
          || node->type == DM_ACTOR_GROUP)
        g_hash_table_insert (heads, group_key (node->name), node);
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      g_autofree char *key = NULL;
      DmGraphNode *head;

      node->group_id = 0;
      if (node->affiliation == NULL || node->affiliation[0] == '\0')
        continue;
      key = group_key (node->affiliation);
      head = g_hash_table_lookup (heads, key);
      /* one level: a group inside another group's cluster would need nested clusters */
      if (head != NULL && head != node && node->type != DM_ACTOR_COUNTRY
          && node->type != DM_ACTOR_ORGANIZATION && node->type != DM_ACTOR_GROUP)
        node->group_id = head->actor_id;
    }
}

const char *
dm_graph_actor_type_get_fill_color (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return node_styles[type].fillcolor;
}

const char *
dm_graph_actor_type_get_line_color (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return node_styles[type].color;
}

const char *
dm_graph_actor_type_get_group_fill_color (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return node_styles[type].cluster_fill;
}

const char *
dm_graph_actor_type_get_group_line_color (DmActorType type)
{
  g_return_val_if_fail (type < DM_N_ACTOR_TYPES, NULL);
  return node_styles[type].cluster_color;
}

const char *
dm_graph_family_get_color (DmClassFamily family)
{
  g_return_val_if_fail (family < DM_N_FAMILIES, NULL);
  return family_colors[family];
}

char *
dm_graph_to_dot (const DmGraph *graph)
{
  GString *out;

  g_return_val_if_fail (graph != NULL, NULL);

  out = g_string_sized_new (256 + graph->nodes->len * 160 + graph->edges->len * 160);
  /* newrank: dot ranks the clusters (groups) with the rest of the graph in one pass. Its
   * older ranking, cluster by cluster, frees memory twice in Graphviz 2.43 (dot_cleanup)
   * when labelled edges join clusters, as most 36- to 40-actor overviews of a dense corpus
   * do: the program aborted. */
  g_string_append (out,
                   "digraph dramatis {\n"
                   "  graph [overlap=false splines=true outputorder=edgesfirst rankdir=LR newrank=true"
                   " fontname=\"Sans\" pad=0.2 nodesep=0.3 ranksep=0.6 sep=\"+6\" esep=\"+3\"];\n"
                   "  node [fontname=\"Sans\" fontsize=11 penwidth=1.2 margin=\"0.12,0.06\"];\n"
                   "  edge [fontname=\"Sans\" fontsize=9 arrowsize=0.7];\n");

  append_nodes (out, graph);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmGraphNode *source = g_ptr_array_index (graph->nodes, edge->source);
      const DmGraphNode *target = g_ptr_array_index (graph->nodes, edge->target);
      const char *color = dm_graph_edge_get_color (edge);

      g_string_append_printf (out, "  a%" G_GINT64_FORMAT " -> a%" G_GINT64_FORMAT " [id=\"e%u\"",
                              source->actor_id, target->actor_id, i);
      append_attr (out, "label", edge->label != NULL ? edge->label : edge->verb);
      g_string_append_printf (out, " color=\"%s\" fontcolor=\"%s\"", color, color);
      append_double (out, "penwidth", dm_graph_edge_get_penwidth (edge));
      if (edge->negated)
        g_string_append (out, " style=dashed");
      g_string_append (out, "];\n");
    }

  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

char *
dm_graph_get_key (const DmGraph *graph)
{
  g_autofree char *dot = NULL;
  g_autoptr(GChecksum) checksum = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  /* The DOT text is the canonical form: it holds everything a layout depends on (nodes,
   * their order, labels, shapes, edges and their attributes) and nothing else. */
  dot = dm_graph_to_dot (graph);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) DM_GRAPH_KEY_VERSION, -1);
  g_checksum_update (checksum, (const guchar *) dot, -1);
  return g_strdup (g_checksum_get_string (checksum));
}
