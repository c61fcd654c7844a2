/* test-export.c — every export format written and read back
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "dm-export.h"
#include "dm-graph-private.h"

#include "graph-corpus.h"

/* Names a corpus really contains: quotes, backslashes, markup, ampersands, line breaks,
 * right-to-left text with its marks, emoji. */
static const char * const awkward_names[] = {
  "Say \"hi\" \\ Co",
  "<script>alert(1)</script>",
  "AT&T & Sons, \"Ltd\"\nLondon",
  "\xe2\x80\x8f\xd8\xad\xd9\x85\xd8\xa7\xd8\xb3\xe2\x80\x8f",   /* RLM Hamas-in-Arabic RLM */
  "Flag \xf0\x9f\x87\xba\xf0\x9f\x87\xa6 team \xf0\x9f\x98\x80",
  "&amp; is not &",
};

static DmGraph *
make_graph (void)
{
  DmGraph *graph = dm_graph_new ();

  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    dm_graph_add_node (graph, 10 + i, awkward_names[i], i % DM_N_ACTOR_TYPES, "Role \"x\"",
                       i == 0 ? "<b>" : NULL, i + 1);
  dm_graph_add_edge (graph, 0, 1, "urges", DM_CLASS_APPEAL, FALSE, 3);
  dm_graph_add_edge (graph, 1, 2, "rules out", DM_CLASS_REJECT, TRUE, 1);
  dm_graph_add_edge (graph, 2, 3, "attacks <now>", DM_CLASS_ASSAULT, FALSE, 2);
  dm_graph_add_edge (graph, 3, 4, "meets", DM_CLASS_CONSULT, FALSE, 1);
  dm_graph_add_edge (graph, 4, 5, "says \"so\"", DM_CLASS_STATEMENT, FALSE, 1);
  dm_graph_add_edge (graph, 0, 5, "sends aid to", DM_CLASS_AID, FALSE, 5);
  dm_graph_add_edge (graph, 0, 1, "meets", DM_CLASS_CONSULT, FALSE, 1);
  return graph;
}

static DmLayout *
make_layout (DmLayoutEngine engine)
{
  g_autoptr(DmGraph) graph = make_graph ();
  g_autoptr(GError) error = NULL;
  DmLayout *layout;

  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph, engine,
                                    NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static char *
export_to_file (DmLayout       *layout,
                DmExportFormat  format,
                const char     *dir,
                gsize          *len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("graph.%s", dm_export_format_to_string (format));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_assert_true (dm_export (NULL, layout, format, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dramatis-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_formats (void)
{
  DmExportFormat format;

  for (DmExportFormat f = 0; f < DM_N_EXPORT_FORMATS; f++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/Some.Graph.%s", dm_export_format_to_string (f));
      g_autofree char *upper = g_ascii_strup (path, -1);

      g_assert_true (dm_export_format_from_string (dm_export_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
      g_assert_true (dm_export_format_from_path (path, &format));
      g_assert_cmpint (format, ==, f);
      g_assert_true (dm_export_format_from_path (upper, &format));
      g_assert_cmpint (format, ==, f);
      g_assert_nonnull (dm_export_format_get_label (f));
      g_assert_nonnull (strchr (dm_export_format_get_mime_type (f), '/'));
    }

  g_assert_true (dm_export_format_from_path ("x.gv", &format));
  g_assert_cmpint (format, ==, DM_EXPORT_DOT);
  g_assert_false (dm_export_format_from_path ("graph", NULL));
  g_assert_false (dm_export_format_from_path ("graph.txt", NULL));
  g_assert_false (dm_export_format_from_path (".png", NULL));
  g_assert_false (dm_export_format_from_string ("jpeg", NULL));
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_export_png (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_DOT);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree guchar *png = (guchar *) export_to_file (layout, DM_EXPORT_PNG, dir, &len);

  g_assert_cmpuint (len, >, 33);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (png + 12, 4, "IHDR", 4);
  /* at 96 dpi the picture is about 4/3 of the layout in points */
  g_assert_cmpuint (read_be32 (png + 16), >=, (guint32) layout->width);
  g_assert_cmpuint (read_be32 (png + 20), >=, (guint32) layout->height);
  remove_tmpdir (dir);
}

static void
test_export_png_large (void)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree guchar *png = NULL;
  gsize len;

  /* one column of 400 actors: far taller than a PNG may be at 96 dpi */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      dm_graph_add_node (graph, i + 1, name, DM_ACTOR_COUNTRY, NULL, NULL, 1);
    }
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (MAX (layout->width, layout->height) * 96 / 72, >, 8192);

  png = (guchar *) export_to_file (layout, DM_EXPORT_PNG, dir, &len);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (MAX (read_be32 (png + 16), read_be32 (png + 20)), <=, 8192 + 2);
  g_assert_cmpuint (MIN (read_be32 (png + 16), read_be32 (png + 20)), >, 0);
  remove_tmpdir (dir);
}

static xmlDocPtr
parse_xml (const char *text,
           gsize       len)
{
  xmlDocPtr doc = xmlReadMemory (text, len, "export.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);

  g_assert_nonnull (doc);
  return doc;
}

static int
count_xpath (xmlDocPtr   doc,
             const char *expr,
             const char *prefix,
             const char *uri)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  int n;

  if (prefix != NULL)
    xmlXPathRegisterNs (ctx, (const xmlChar *) prefix, (const xmlChar *) uri);
  result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return n;
}

/* All text of the elements matching @expr, each string once per match. */
static GPtrArray *
xpath_strings (xmlDocPtr   doc,
               const char *expr,
               const char *prefix,
               const char *uri)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  if (prefix != NULL)
    xmlXPathRegisterNs (ctx, (const xmlChar *) prefix, (const xmlChar *) uri);
  result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *s = xmlNodeGetContent (result->nodesetval->nodeTab[i]);
      g_ptr_array_add (strings, g_strdup ((const char *) s));
      xmlFree (s);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return strings;
}

static gboolean
strings_contain (GPtrArray  *strings,
                 const char *str)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (strings->pdata[i], str) == 0)
      return TRUE;
  return FALSE;
}

static void
test_export_svg (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_DOT);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *svg = export_to_file (layout, DM_EXPORT_SVG, dir, &len);
  g_autoptr(GPtrArray) texts = NULL;
  xmlDocPtr doc = parse_xml (svg, len);
  const char *ns = "http://www.w3.org/2000/svg";

  /* no element came out of a name */
  g_assert_cmpint (count_xpath (doc, "//*[local-name()='script']", NULL, NULL), ==, 0);
  g_assert_cmpint (count_xpath (doc, "//*[local-name()='b']", NULL, NULL), ==, 0);
  /* one group per node and per edge, with our ids */
  g_assert_cmpint (count_xpath (doc, "//s:g[@class='node' and @id!='legend']", "s", ns), ==,
                   G_N_ELEMENTS (awkward_names));
  /* the legend, drawn into the picture */
  g_assert_cmpint (count_xpath (doc, "//s:g[@id='legend']", "s", ns), ==, 1);
  g_assert_cmpint (count_xpath (doc, "//s:g[@class='edge']", "s", ns), ==, 7);
  g_assert_cmpint (count_xpath (doc, "//s:g[@id='a10']", "s", ns), ==, 1);
  g_assert_cmpint (count_xpath (doc, "//s:g[@id='e6']", "s", ns), ==, 1);

  texts = xpath_strings (doc, "//s:text", "s", ns);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      g_auto(GStrv) lines = g_strsplit (awkward_names[i], "\n", 0);

      /* a name with a line break is drawn as two lines */
      for (guint k = 0; lines[k] != NULL; k++)
        g_assert_true (strings_contain (texts, lines[k]));
    }
  g_assert_true (strings_contain (texts, "urges ×3"));
  g_assert_true (strings_contain (texts, "attacks <now> ×2"));
  g_assert_true (strings_contain (texts, "Actors"));

  /* titles a reader can use: edges by verb and class, nodes by name, no Graphviz ids */
  {
    g_autoptr(GPtrArray) titles = xpath_strings (doc, "//s:g[@class='edge']/s:title", "s", ns);
    g_autoptr(GPtrArray) names = xpath_strings (doc, "//s:g[@class='node']/s:title", "s", ns);
    gboolean found = FALSE;

    g_assert_cmpuint (titles->len, ==, 7);
    for (guint i = 0; i < titles->len; i++)
      {
        g_assert_null (strstr (titles->pdata[i], "->"));
        found |= g_str_has_prefix (titles->pdata[i], "urges ×3 — APPEAL");
      }
    g_assert_true (found);
    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      g_assert_true (strings_contain (names, awkward_names[i]));
  }

  xmlFreeDoc (doc);
  remove_tmpdir (dir);
}

static void
test_export_pdf (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_SFDP);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *pdf = export_to_file (layout, DM_EXPORT_PDF, dir, &len);
  g_autofree char *tail = NULL;

  g_assert_cmpuint (len, >, 100);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  tail = g_strndup (pdf + len - 8, 8);
  g_assert_nonnull (strstr (tail, "%%EOF"));
  remove_tmpdir (dir);
}

typedef struct {
  const char *dot;
  guint       n_nodes;
  guint       n_edges;
  double      x, y;      /* position of a10, Graphviz coordinates */
  double      bb_left, bb_top;
  char       *label;     /* of a12, as Graphviz reads it */
} DotCheck;

static gpointer
read_dot_in_worker (gpointer       gvc,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  DotCheck *check = data;
  Agraph_t *g = agmemread (check->dot);
  double bb[4];

  g_assert_nonnull (g);
  check->n_nodes = agnnodes (g);
  check->n_edges = agnedges (g);
  g_assert_cmpint (sscanf (agget (agnode (g, (char *) "a10", FALSE), (char *) "pos"), "%lf,%lf",
                           &check->x, &check->y), ==, 2);
  g_assert_cmpint (sscanf (agget (g, (char *) "bb"), "%lf,%lf,%lf,%lf", &bb[0], &bb[1], &bb[2], &bb[3]), ==, 4);
  check->bb_left = bb[0];
  check->bb_top = bb[3];
  check->label = g_strdup (agget (agnode (g, (char *) "a12", FALSE), (char *) "label"));
  agclose (g);
  return GINT_TO_POINTER (TRUE);
}

static void
test_export_dot (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_NEATO);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *dot = export_to_file (layout, DM_EXPORT_DOT, dir, &len);
  DotCheck check = { dot };

  g_assert_true (g_str_has_prefix (dot, "digraph"));
  g_assert_null (strstr (dot, "_draw_"));
  g_assert_nonnull (strstr (dot, "pos="));

  g_assert_nonnull (dm_layout_worker_run (dm_layout_worker_get_default (), read_dot_in_worker,
                                          &check, NULL, NULL));
  g_assert_cmpuint (check.n_nodes, ==, G_N_ELEMENTS (awkward_names));
  g_assert_cmpuint (check.n_edges, ==, 7);
  /* the positions of the layout the user saw */
  g_assert_cmpfloat_with_epsilon (check.x - check.bb_left, layout->nodes[0].x, 0.5);
  g_assert_cmpfloat_with_epsilon (check.bb_top - check.y, layout->nodes[0].y, 0.5);
  /* as Graphviz holds it: entities and \n are decoded when the label is drawn */
  g_assert_cmpstr (check.label, ==, "AT&amp;T &amp; Sons, \"Ltd\"\\nLondon");
  g_free (check.label);
  remove_tmpdir (dir);
}

/* A DOT file keeps the group boxes the layout drew (their box and name position), and has
 * none where the engine drew none. */
static void
test_export_dot_groups (void)
{
  g_autofree char *dir = make_tmpdir ();

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(DmGraph) graph = dm_graph_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(DmLayout) layout = NULL;
      g_autofree char *dot = NULL;
      const char *cluster;
      gsize len;

      dm_graph_add_node (graph, 1, "France", DM_ACTOR_COUNTRY, NULL, NULL, 3);
      dm_graph_add_node (graph, 2, "Jean Barrot", DM_ACTOR_OFFICIAL, "minister", "France", 2);
      dm_graph_add_node (graph, 3, "Russia", DM_ACTOR_COUNTRY, NULL, NULL, 2);
      dm_graph_add_edge (graph, 1, 2, "criticises", DM_CLASS_DISAPPROVE, FALSE, 2);
      dm_graph_add_edge (graph, 0, 2, "meets", DM_CLASS_CONSULT, FALSE, 1);
      dm_graph_assign_groups (graph);
      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                        round == 0 ? DM_LAYOUT_ENGINE_NEATO : DM_LAYOUT_ENGINE_CIRCO,
                                        NULL, NULL, &error);
      g_assert_no_error (error);
      dot = export_to_file (layout, DM_EXPORT_DOT, dir, &len);
      cluster = strstr (dot, "subgraph cluster_a1");
      if (round == 1)
        {
          g_assert_null (cluster);
          continue;
        }
      g_assert_cmpuint (layout->n_groups, ==, 1);
      g_assert_nonnull (cluster);
      g_assert_nonnull (strstr (cluster, "bb="));
      g_assert_nonnull (strstr (cluster, "lp="));
      g_assert_nonnull (strstr (cluster, "label=France"));
    }
  remove_tmpdir (dir);
}

static const char *
xml_prop (xmlNodePtr  node,
          const char *name,
          GHashTable *strings)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  g_hash_table_add (strings, copy);
  return copy;
}

static gboolean
is_graphml_element (xmlNodePtr  node,
                    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, "http://graphml.graphdrawing.org/xmlns") &&
         g_str_equal ((const char *) node->name, name);
}

/* A <data> child must name a declared <key> whose domain admits its parent (node, edge or
 * all) and whose attr.type its text parses as. */
static void
check_graphml_data (xmlNodePtr  parent,
                    const char *domain,
                    GHashTable *key_domains,
                    GHashTable *key_types,
                    GHashTable *strings)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      const char *key, *for_, *type;
      xmlChar *content;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      g_assert_true (is_graphml_element (child, "data"));
      key = xml_prop (child, "key", strings);
      g_assert_nonnull (key);
      for_ = g_hash_table_lookup (key_domains, key);
      g_assert_nonnull (for_);
      g_assert_true (g_str_equal (for_, domain) || g_str_equal (for_, "all"));

      type = g_hash_table_lookup (key_types, key);
      content = xmlNodeGetContent (child);
      if (g_str_equal (type, "int"))
        {
          char *end;
          g_ascii_strtoll ((const char *) content, &end, 10);
          g_assert_true (content[0] != 0 && *end == 0);
        }
      else if (g_str_equal (type, "double"))
        {
          char *end;
          g_ascii_strtod ((const char *) content, &end);
          g_assert_true (content[0] != 0 && *end == 0);
        }
      else if (g_str_equal (type, "boolean"))
        g_assert_true (g_str_equal (content, "true") || g_str_equal (content, "false"));
      else
        g_assert_cmpstr (type, ==, "string");
      xmlFree (content);
    }
}

/* The GraphML schema (graphml.graphdrawing.org) carries no licence that lets us ship it as
 * test data, so the structure it prescribes is checked here: the root and its namespace,
 * keys before the graph with a known domain and attr.type, unique node ids, edges between
 * declared nodes, data under declared keys of the right domain and type. */
static void
check_graphml_structure (xmlDocPtr doc)
{
  static const char * const domains[] = { "graph", "node", "edge", "all", NULL };
  static const char * const types[] = { "boolean", "int", "long", "float", "double", "string", NULL };
  g_autoptr(GHashTable) strings = g_hash_table_new_full (NULL, NULL, g_free, NULL);
  g_autoptr(GHashTable) key_domains = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) key_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr graph = NULL;
  guint n_graphs = 0;

  g_assert_true (is_graphml_element (root, "graphml"));

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_graphml_element (child, "key"))
        {
          const char *id = xml_prop (child, "id", strings);
          const char *for_ = xml_prop (child, "for", strings);
          const char *type = xml_prop (child, "attr.type", strings);

          g_assert_null (graph);   /* keys come first */
          g_assert_nonnull (id);
          g_assert_nonnull (xml_prop (child, "attr.name", strings));
          g_assert_true (for_ != NULL && g_strv_contains (domains, for_));
          g_assert_true (type != NULL && g_strv_contains (types, type));
          g_assert_false (g_hash_table_contains (key_domains, id));
          g_hash_table_insert (key_domains, (char *) id, (char *) for_);
          g_hash_table_insert (key_types, (char *) id, (char *) type);
        }
      else
        {
          g_assert_true (is_graphml_element (child, "graph"));
          graph = child;
          n_graphs++;
        }
    }
  g_assert_cmpuint (n_graphs, ==, 1);
  g_assert_true (g_strv_contains ((const char * const[]) { "directed", "undirected", NULL },
                                  xml_prop (graph, "edgedefault", strings)));

  for (xmlNodePtr child = graph->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_graphml_element (child, "node"))
        {
          const char *id = xml_prop (child, "id", strings);

          g_assert_nonnull (id);
          g_assert_true (g_hash_table_add (node_ids, (char *) id));
          check_graphml_data (child, "node", key_domains, key_types, strings);
        }
      else
        {
          const char *source = xml_prop (child, "source", strings);
          const char *target = xml_prop (child, "target", strings);

          g_assert_true (is_graphml_element (child, "edge"));
          /* nodes come before the edges that use them in our files */
          g_assert_true (source != NULL && g_hash_table_contains (node_ids, source));
          g_assert_true (target != NULL && g_hash_table_contains (node_ids, target));
          check_graphml_data (child, "edge", key_domains, key_types, strings);
        }
    }
}

static void
test_export_graphml (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_DOT);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *text = export_to_file (layout, DM_EXPORT_GRAPHML, dir, &len);
  xmlDocPtr doc = parse_xml (text, len);
  const char *ns = "http://graphml.graphdrawing.org/xmlns";
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) xs = NULL;

  g_assert_cmpint (count_xpath (doc, "/g:graphml/g:graph/g:node", "g", ns), ==, G_N_ELEMENTS (awkward_names));
  g_assert_cmpint (count_xpath (doc, "/g:graphml/g:graph/g:edge", "g", ns), ==, 7);
  g_assert_cmpint (count_xpath (doc, "/g:graphml/g:key", "g", ns), >=, 10);
  g_assert_cmpint (count_xpath (doc, "//g:edge[@source='a10' and @target='a11']", "g", ns), ==, 2);
  g_assert_cmpint (count_xpath (doc, "//g:edge/g:data[@key='negated' and text()='true']", "g", ns), ==, 1);
  g_assert_cmpint (count_xpath (doc, "//g:edge/g:data[@key='weight' and text()='5']", "g", ns), ==, 1);
  g_assert_cmpint (count_xpath (doc, "//*[local-name()='script' or local-name()='b']", NULL, NULL), ==, 0);

  check_graphml_structure (doc);

  names = xpath_strings (doc, "//g:node/g:data[@key='name']", "g", ns);
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (awkward_names));
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    g_assert_cmpstr (names->pdata[i], ==, awkward_names[i]);

  xs = xpath_strings (doc, "//g:node[@id='a10']/g:data[@key='x']", "g", ns);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xs->pdata[0], NULL), layout->nodes[0].x, 0.01);

  xmlFreeDoc (doc);
  remove_tmpdir (dir);
}

static void
test_export_gexf (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_FDP);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *text = export_to_file (layout, DM_EXPORT_GEXF, dir, &len);
  xmlDocPtr doc = parse_xml (text, len);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  const char *ns = "http://www.gexf.net/1.2draft";

  /* 1.2draft: the version networkx 2.8 and Gephi read (1.3 gave "No <graph> element") */
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "gexf");
  g_assert_cmpint (count_xpath (doc, "/x:gexf[@version='1.2']/x:graph/x:nodes/x:node", "x", ns),
                   ==, G_N_ELEMENTS (awkward_names));
  g_assert_cmpint (count_xpath (doc, "/x:gexf/x:graph/x:edges/x:edge", "x", ns), ==, 7);
  g_assert_cmpint (count_xpath (doc, "//x:edge[@label='urges ×3' and @weight='3']", "x", ns), ==, 1);
  g_assert_cmpint (count_xpath (doc, "//v:position", "v", "http://www.gexf.net/1.2draft/viz"),
                   ==, G_N_ELEMENTS (awkward_names));
  g_assert_cmpint (count_xpath (doc, "//*[local-name()='color']", NULL, NULL), ==, G_N_ELEMENTS (awkward_names) + 7);

  xmlXPathRegisterNs (ctx, (const xmlChar *) "x", (const xmlChar *) ns);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      g_autofree char *expr = g_strdup_printf ("string(//x:node[@id='a%u']/@label)", 10 + i);
      xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);

      /* attribute newlines were written as &#10; and survive */
      g_assert_cmpstr ((const char *) result->stringval, ==, awkward_names[i]);
      xmlXPathFreeObject (result);
    }

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  remove_tmpdir (dir);
}

/* RFC 4180 reader: records of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
        g_string_append_c (field, *p++);

      g_ptr_array_add (record, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_true (g_str_has_prefix (p, "\r\n"));
      p += 2;
      g_ptr_array_add (records, record);
      record = g_ptr_array_new_with_free_func (g_free);
    }

  g_assert_cmpuint (record->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static void
test_export_csv (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_DOT);
  g_autofree char *dir = make_tmpdir ();
  gsize len;
  g_autofree char *text = export_to_file (layout, DM_EXPORT_CSV, dir, &len);
  g_autoptr(GPtrArray) records = parse_csv (text);
  gboolean found = FALSE;

  /* without a store, one row per edge */
  g_assert_cmpuint (records->len, ==, 1 + 7);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) records->pdata[i])->len, ==, 8);
  g_assert_cmpstr (((GPtrArray *) records->pdata[0])->pdata[0], ==, "source");
  g_assert_cmpstr (((GPtrArray *) records->pdata[0])->pdata[7], ==, "sentence");

  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *r = records->pdata[i];

      if (g_strcmp0 (r->pdata[0], awkward_names[2]) == 0)
        {
          /* comma, quotes and a line break in one field */
          g_assert_cmpstr (r->pdata[1], ==, awkward_names[3]);
          g_assert_cmpstr (r->pdata[2], ==, "attacks <now>");
          g_assert_cmpstr (r->pdata[3], ==, "ASSAULT");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_nonnull (strstr (text, "\"AT&T & Sons, \"\"Ltd\"\"\nLondon\""));
  remove_tmpdir (dir);
}

/* Cells a spreadsheet would run as formulas (OWASP's list: = + - @ tab CR) start with an
 * apostrophe; everything else is written as it is. */
static void
test_export_csv_injection (void)
{
  static const char * const names[] = {
    "=HYPERLINK(\"http://example.com/x\",\"Click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturned",
    "Plain = name",
  };
  g_autoptr(DmGraph) graph = dm_graph_new ();
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *text = NULL;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    dm_graph_add_node (graph, 100 + i, names[i], DM_ACTOR_PERSON, NULL, NULL, 1);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (names); i++)
    dm_graph_add_edge (graph, i, i + 1, i == 0 ? "=1+1" : "meets", DM_CLASS_CONSULT, FALSE, 1);
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph, DM_LAYOUT_ENGINE_DOT,
                                    NULL, NULL, &error);
  g_assert_no_error (error);

  text = export_to_file (layout, DM_EXPORT_CSV, dir, &len);
  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (names));

  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *r = records->pdata[i];
      const char *source = names[i - 1];
      const char *target = names[i];

      for (guint f = 0; f < 2; f++)
        {
          const char *name = f == 0 ? source : target;
          const char *cell = r->pdata[f];

          if (g_str_has_prefix (name, "Plain"))
            g_assert_cmpstr (cell, ==, name);
          else
            {
              g_assert_cmpint (cell[0], ==, '\'');
              g_assert_cmpstr (cell + 1, ==, name);
            }
        }
      g_assert_cmpstr (r->pdata[2], ==, i == 1 ? "'=1+1" : "meets");
    }
  /* no line of the file starts a formula, quoted or not */
  g_assert_null (strstr (text, "\n=") );
  g_assert_null (strstr (text, ",=") );
  g_assert_null (strstr (text, ",\"=") );
  remove_tmpdir (dir);
}

/* Every edge of an exported SVG links to its evidence: the link names an article and a span
 * of its text, and that span is the sentence of the edge's first relation. */
static void
test_export_svg_evidence_links (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (corpus->dir, "linked.svg", NULL);
  g_autofree char *svg = NULL;
  guint n_links = 0;

  graph = dm_graph_build (corpus->store, query, &error);
  g_assert_no_error (error);
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dm_export (corpus->store, layout, DM_EXPORT_SVG, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      g_autofree char *id = g_strdup_printf ("<g id=\"e%u\" class=\"edge\">", i);
      const char *group = strstr (svg, id);
      const char *next_group, *href;
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) relations = NULL;
      g_autofree char *text = NULL;
      g_autofree char *span = NULL;
      const DmRelationInfo *rel;
      gint64 article_id;
      guint start, end;
      const char *from, *to;

      g_assert_nonnull (group);
      next_group = strstr (group + strlen (id), "class=\"edge\"");
      href = strstr (group, "xlink:href=\"dramatis:article/");
      g_assert_nonnull (href);
      g_assert_true (next_group == NULL || href < next_group);
      g_assert_cmpint (sscanf (href, "xlink:href=\"dramatis:article/%" G_GINT64_FORMAT "#sentence=%u-%u\"",
                               &article_id, &start, &end), ==, 3);

      {
        g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (corpus->store, graph, edge, &error);

        g_assert_no_error (error);
        g_array_append_val (first, g_array_index (ids, gint64, 0));
      }
      relations = dm_store_get_relations (corpus->store, first, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (relations->len, ==, 1);
      rel = relations->pdata[0];
      g_assert_cmpint (article_id, ==, rel->article_id);

      /* the span, in code points of the article's text, is the evidence sentence */
      text = dm_store_get_article_text (corpus->store, article_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, g_utf8_strlen (text, -1));
      from = g_utf8_offset_to_pointer (text, start);
      to = g_utf8_offset_to_pointer (text, end);
      span = g_strndup (from, to - from);
      g_assert_cmpstr (g_strstrip (span), ==, rel->sentence_text);
      n_links++;
    }
  g_assert_cmpuint (n_links, >, 0);
}

static void
test_export_csv_evidence (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (corpus->dir, "relations.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint n_urges = 0, n_jane = 0;

  query->per_pair = TRUE;
  graph = dm_graph_build (corpus->store, query, &error);
  g_assert_no_error (error);
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (dm_export (corpus->store, layout, DM_EXPORT_CSV, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  records = parse_csv (text);

  /* one row per relation of the fixture, each with its sentence and article */
  g_assert_cmpuint (records->len, ==, 1 + 12);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *r = records->pdata[i];
      g_autofree char *sentence = NULL;

      g_assert_cmpuint (r->len, ==, 8);
      sentence = g_strdup_printf ("%s %s %s.", (char *) r->pdata[0], (char *) r->pdata[2],
                                  (char *) r->pdata[1]);
      g_assert_cmpstr (r->pdata[7], ==, sentence);
      g_assert_true (g_str_has_prefix (r->pdata[5], "Article "));
      if (g_str_equal (r->pdata[2], "urges"))
        {
          n_urges++;
          g_assert_cmpstr (r->pdata[3], ==, "APPEAL");
          g_assert_cmpstr (r->pdata[4], ==, "false");
        }
      if (g_str_equal (r->pdata[0], "Jane \"JD\" Doe, Jr."))
        {
          n_jane++;
          g_assert_cmpstr (r->pdata[6], ==, "");
        }
      if (g_str_equal (r->pdata[2], "rejects"))
        g_assert_cmpstr (r->pdata[4], ==, "true");
    }
  g_assert_cmpuint (n_urges, ==, 3);
  g_assert_cmpuint (n_jane, ==, 1);
  g_assert_nonnull (strstr (text, "\"Jane \"\"JD\"\" Doe, Jr.\""));
}

static int
run_cli (const char  *args,
         char       **out,
         char       **err)
{
  const char *cli = g_getenv ("DRAMATIS_CLI");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  command = g_strdup_printf ("%s export %s", cli, args);
  g_assert_true (g_spawn_command_line_sync (command, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_export_cli (void)
{
  g_autoptr(GraphCorpus) corpus = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *gexf_path = NULL;
  g_autofree char *args = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *key = NULL;
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DRAMATIS_CLI") == NULL)
    {
      g_test_skip ("DRAMATIS_CLI is not set");
      return;
    }

  corpus = graph_corpus_new ();
  svg_path = g_build_filename (corpus->dir, "russia.svg", NULL);
  gexf_path = g_build_filename (corpus->dir, "all.data", NULL);

  /* the format from the extension; the neighbourhood of one actor */
  args = g_strdup_printf ("--db %s --actor Russia --depth 2 --engine dot -o %s", corpus->path, svg_path);
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  /* no complaint (a sanitizer build may add its own report) */
  g_assert_null (strstr (err, "dramatis-cli"));
  g_assert_nonnull (strstr (out, "4 actors, 4 edges"));
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Pete Hegseth</text>"));
  g_assert_null (strstr (svg, ">Israel</text>"));

  /* the layout went into the corpus's cache under the graph's key */
  query->focus_actor = graph_corpus_actor (corpus, "Russia");
  query->depth = 2;
  graph = dm_graph_build (corpus->store, query, &error);
  g_assert_no_error (error);
  key = dm_layout_cache_key (graph, DM_LAYOUT_ENGINE_DOT);
  {
    g_autofree char *graph_key = dm_graph_get_key (graph);
    g_autofree char *expected = g_strdup_printf ("%s@dot", graph_key);
    g_assert_cmpstr (key, ==, expected);
  }
  g_assert_true (dm_store_lookup_layout (corpus->store, key, &cached, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  g_assert_true (g_str_has_prefix (cached, "digraph"));

  /* --format over an extension we do not know */
  g_clear_pointer (&args, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--db %s --format gexf --per-pair -o %s", corpus->path, gexf_path);
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "8 actors, 8 edges"));
  g_assert_true (g_file_test (gexf_path, G_FILE_TEST_IS_REGULAR));

  /* usage errors */
  g_clear_pointer (&args, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--db %s -o %s/graph.txt", corpus->path, corpus->dir);
  g_assert_cmpint (run_cli (args, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "dramatis-cli: "));
  g_assert_nonnull (strstr (err, "graph.txt: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("--db x.dramatis", NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ("--help", &out, NULL), ==, 0);

  /* failures: no corpus, no actor, no folder */
  g_clear_pointer (&args, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--db %s/missing.dramatis -o %s", corpus->dir, svg_path);
  g_assert_cmpint (run_cli (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.dramatis: no such corpus"));
  {
    /* and no empty corpus was left behind */
    g_autofree char *missing = g_build_filename (corpus->dir, "missing.dramatis", NULL);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  g_clear_pointer (&args, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--db %s --actor Atlantis -o %s", corpus->path, svg_path);
  g_assert_cmpint (run_cli (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Atlantis"));

  g_clear_pointer (&args, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--db %s -o %s/no/such/graph.png", corpus->path, corpus->dir);
  g_assert_cmpint (run_cli (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "graph.png: No such folder"));
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncExport;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncExport *r = user_data;

  r->ok = dm_export_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_export_async (void)
{
  g_autoptr(DmLayout) layout = make_layout (DM_LAYOUT_ENGINE_DOT);
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  DmExportFormat async_formats[] = { DM_EXPORT_SVG, DM_EXPORT_GEXF };

  for (guint i = 0; i < G_N_ELEMENTS (async_formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, "async", NULL);
      AsyncExport r = { loop };

      dm_export_async (NULL, layout, async_formats[i], path, NULL, on_exported, &r);
      g_main_loop_run (loop);
      g_assert_no_error (r.error);
      g_assert_true (r.ok);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }

  /* a folder that does not exist: an error naming the file, nothing written */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "graph.svg", NULL);
    AsyncExport r = { loop };

    dm_export_async (NULL, layout, DM_EXPORT_SVG, path, NULL, on_exported, &r);
    g_main_loop_run (loop);
    g_assert_false (r.ok);
    g_assert_error (r.error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_WRITE);
    g_assert_cmpstr (r.error->message, ==, "No such folder");
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&r.error);
  }
  remove_tmpdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/export/formats", test_export_formats);
  g_test_add_func ("/dramatis/export/png", test_export_png);
  g_test_add_func ("/dramatis/export/png-large", test_export_png_large);
  g_test_add_func ("/dramatis/export/svg", test_export_svg);
  g_test_add_func ("/dramatis/export/pdf", test_export_pdf);
  g_test_add_func ("/dramatis/export/dot", test_export_dot);
  g_test_add_func ("/dramatis/export/dot-groups", test_export_dot_groups);
  g_test_add_func ("/dramatis/export/graphml", test_export_graphml);
  g_test_add_func ("/dramatis/export/gexf", test_export_gexf);
  g_test_add_func ("/dramatis/export/csv", test_export_csv);
  g_test_add_func ("/dramatis/export/csv-injection", test_export_csv_injection);
  g_test_add_func ("/dramatis/export/csv-evidence", test_export_csv_evidence);
  g_test_add_func ("/dramatis/export/svg-evidence-links", test_export_svg_evidence_links);
  g_test_add_func ("/dramatis/export/async", test_export_async);
  g_test_add_func ("/dramatis/export/cli", test_export_cli);

  return g_test_run ();
}
