/* test-graph.c — graphs built from a corpus, their DOT text, escaping and keys
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "dm-graph.h"
#include "dm-layout.h"

#include "graph-corpus.h"

static const char * const awkward_names[] = {
  "Say \"hi\" \\ Co",
  "<script>alert(1)</script>",
  "<b>bold</b>",
  "AT&T & Sons",
  "two\nlines",
  "\xe2\x80\x8f\xd8\xad\xd9\x85\xd8\xa7\xd8\xb3\xe2\x80\x8f",   /* RLM, Arabic, RLM */
  "Flag \xf0\x9f\x87\xba\xf0\x9f\x87\xa6 \xf0\x9f\x98\x80",
  "ends with a backslash \\",
  "\\N is not the node name",
  "&amp; stays &amp;",
};

static void
test_graph_quote (void)
{
  struct { const char *in, *out; } cases[] = {
    { "NATO", "\"NATO\"" },
    { "", "\"\"" },
    { "say \"no\"", "\"say \\\"no\\\"\"" },
    { "a\\b", "\"a\\\\b\"" },
    { "one\ntwo", "\"one\\ntwo\"" },
    { "one\r\ntwo\rthree", "\"one\\ntwo\\nthree\"" },
    { "tab\there\x01\x7f", "\"tabhere\"" },
    { "<b>x</b>", "\"<b>x</b>\"" },
    { "R&D", "\"R&amp;D\"" },
    { "\xe2\x80\x8f" "x", "\"\xe2\x80\x8f" "x\"" },
    { "bad \xff utf8", "\"bad \xef\xbf\xbd utf8\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = dm_dot_quote (cases[i].in);
      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
  {
    g_autofree char *quoted = dm_dot_quote (NULL);
    g_assert_cmpstr (quoted, ==, "\"\"");
  }
}

static DmGraph *
make_awkward_graph (void)
{
  DmGraph *graph = dm_graph_new ();

  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    dm_graph_add_node (graph, 100 + i, awkward_names[i], i % DM_N_ACTOR_TYPES,
                       "Role \"quoted\"\n", "<Affiliation>", 1);
  for (guint i = 1; i < G_N_ELEMENTS (awkward_names); i++)
    dm_graph_add_edge (graph, i - 1, i, awkward_names[i], i % DM_N_CLASSES, i % 2, i);
  return graph;
}

/* What Graphviz draws for a label it holds: \\ is a backslash, \n a line break, entities
 * are characters. */
static char *
graphviz_label_text (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] == '\\' && (p[1] == '\\' || p[1] == 'n'))
        {
          g_string_append_c (out, p[1] == 'n' ? '\n' : '\\');
          p++;
        }
      else if (g_str_has_prefix (p, "&amp;"))
        {
          g_string_append_c (out, '&');
          p += strlen ("&amp;") - 1;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *dot;
  GPtrArray  *labels;       /* node labels as read, by node order */
  GPtrArray  *edge_labels;
  guint       n_nodes;
  guint       n_edges;
} ReadBack;

static gpointer
read_back_in_worker (gpointer       gvc,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ReadBack *rb = data;
  Agraph_t *g = agmemread (rb->dot);

  g_assert_nonnull (g);
  rb->n_nodes = agnnodes (g);
  rb->n_edges = agnedges (g);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("a%u", 100 + i);
      Agnode_t *n = agnode (g, name, FALSE);

      g_assert_nonnull (n);
      g_ptr_array_add (rb->labels, graphviz_label_text (agget (n, (char *) "label")));
      /* the shape stays a plain string label: never HTML-like */
      g_assert_false (aghtmlstr (agget (n, (char *) "label")));
    }
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      g_ptr_array_add (rb->edge_labels, graphviz_label_text (agget (e, (char *) "label")));
  agclose (g);
  return GINT_TO_POINTER (TRUE);
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
test_graph_dot_round_trip (void)
{
  g_autoptr(DmGraph) graph = make_awkward_graph ();
  g_autofree char *dot = dm_graph_to_dot (graph);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) edge_labels = g_ptr_array_new_with_free_func (g_free);
  ReadBack rb = { dot, labels, edge_labels };
  g_autoptr(DmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dm_layout_worker_run (dm_layout_worker_get_default (), read_back_in_worker,
                                          &rb, NULL, NULL));
  g_assert_cmpuint (rb.n_nodes, ==, G_N_ELEMENTS (awkward_names));
  g_assert_cmpuint (rb.n_edges, ==, G_N_ELEMENTS (awkward_names) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    g_assert_cmpstr (labels->pdata[i], ==, awkward_names[i]);
  for (guint i = 1; i < G_N_ELEMENTS (awkward_names); i++)
    {
      DmGraphEdge *edge = g_ptr_array_index (graph->edges, i - 1);
      g_assert_true (strings_contain (edge_labels, edge->label));
    }

  /* and as Graphviz draws them: one text operation per line */
  layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                    DM_LAYOUT_ENGINE_DOT, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      GPtrArray *shapes = layout->nodes[i].shapes;
      g_autoptr(GString) drawn = g_string_new (NULL);

      for (guint k = 0; k < shapes->len; k++)
        {
          DmShape *shape = g_ptr_array_index (shapes, k);

          if (shape->kind != DM_SHAPE_TEXT)
            continue;
          if (drawn->len > 0)
            g_string_append_c (drawn, '\n');
          g_string_append (drawn, shape->text);
        }
      g_assert_cmpstr (drawn->str, ==, awkward_names[i]);
    }
}

static void
test_graph_dot_styles (void)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  g_autofree char *dot = NULL;
  guint a, b, c;

  a = dm_graph_add_node (graph, 1, "United States", DM_ACTOR_COUNTRY, NULL, NULL, 3);
  b = dm_graph_add_node (graph, 2, "Pete Hegseth", DM_ACTOR_OFFICIAL, "Defence Secretary", NULL, 2);
  c = dm_graph_add_node (graph, 3, "Hamas", DM_ACTOR_GROUP, NULL, NULL, 1);
  dm_graph_add_edge (graph, b, a, "urges", DM_CLASS_APPEAL, FALSE, 3);
  dm_graph_add_edge (graph, a, c, "strikes", DM_CLASS_ASSAULT, TRUE, 1);
  dm_graph_add_edge (graph, c, a, "says", DM_CLASS_STATEMENT, FALSE, 20);

  g_assert_cmpuint (((DmGraphNode *) graph->nodes->pdata[a])->degree, ==, 3);
  g_assert_cmpuint (((DmGraphNode *) graph->nodes->pdata[b])->degree, ==, 1);
  g_assert_cmpint (dm_graph_find_node (graph, 3), ==, c);
  g_assert_cmpint (dm_graph_find_node (graph, 42), ==, -1);
  g_assert_cmpstr (((DmGraphEdge *) graph->edges->pdata[0])->label, ==, "urges ×3");
  g_assert_cmpstr (((DmGraphEdge *) graph->edges->pdata[1])->label, ==, "strikes");

  dot = dm_graph_to_dot (graph);
  g_assert_true (g_str_has_prefix (dot, "digraph"));
  g_assert_nonnull (strstr (dot, "overlap=false"));
  g_assert_nonnull (strstr (dot, "outputorder=edgesfirst"));
  g_assert_nonnull (strstr (dot, "fontname=\"Sans\""));
  g_assert_nonnull (strstr (dot, "a1 [id=\"a1\" label=\"United States\" shape=box style=\"rounded,filled\""));
  g_assert_nonnull (strstr (dot, "a2 [id=\"a2\" label=\"Pete Hegseth\" shape=ellipse"));
  g_assert_nonnull (strstr (dot, "a3 [id=\"a3\" label=\"Hamas\" shape=octagon"));
  g_assert_nonnull (strstr (dot, "a2 -> a1 [id=\"e0\" label=\"urges ×3\""));
  g_assert_nonnull (strstr (dot, "a1 -> a3 [id=\"e1\" label=\"strikes\" color=\"#c0262d\""));
  g_assert_nonnull (strstr (dot, "penwidth=1.00 style=dashed"));
  /* thicker with evidence, but bounded */
  g_assert_cmpfloat (dm_graph_edge_get_penwidth (graph->edges->pdata[0]), >,
                     dm_graph_edge_get_penwidth (graph->edges->pdata[1]));
  g_assert_cmpfloat (dm_graph_edge_get_penwidth (graph->edges->pdata[2]), <=, 6.0);
  g_assert_cmpstr (dm_graph_edge_get_color (graph->edges->pdata[2]), ==, "#7a7a7a");
}

static void
test_graph_key (void)
{
  g_autoptr(DmGraph) a = make_awkward_graph ();
  g_autoptr(DmGraph) b = make_awkward_graph ();
  g_autoptr(DmGraph) c = make_awkward_graph ();
  g_autofree char *ka = dm_graph_get_key (a);
  g_autofree char *kb = dm_graph_get_key (b);
  g_autofree char *kc = NULL;
  DmGraphEdge *edge = g_ptr_array_index (c->edges, 0);

  g_assert_cmpuint (strlen (ka), ==, 64);
  g_assert_cmpstr (ka, ==, kb);

  g_free (edge->label);
  edge->label = g_strdup ("something else");
  kc = dm_graph_get_key (c);
  g_assert_cmpstr (ka, !=, kc);
}

/* From a corpus ------------------------------------------------------------------------- */

static const DmGraphEdge *
find_edge (const DmGraph *graph,
           const char    *source,
           const char    *target,
           const char    *verb)
{
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      const DmGraphNode *s = g_ptr_array_index (graph->nodes, edge->source);
      const DmGraphNode *t = g_ptr_array_index (graph->nodes, edge->target);

      if (g_str_equal (s->name, source) && g_str_equal (t->name, target)
          && (verb == NULL || g_str_equal (edge->verb, verb)))
        return edge;
    }
  return NULL;
}

static const DmGraphNode *
find_node (const DmGraph *graph,
           const char    *name)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      if (g_str_equal (node->name, name))
        return node;
    }
  return NULL;
}

static DmGraph *
build (GraphCorpus  *corpus,
       DmGraphQuery *query)
{
  g_autoptr(GError) error = NULL;
  DmGraph *graph = dm_graph_build (corpus->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  g_assert_nonnull (graph->query);

  /* sound: degrees add up, edges point at nodes, ids are sorted */
  {
    g_autofree guint *degrees = g_new0 (guint, graph->nodes->len + 1);

    for (guint i = 0; i < graph->edges->len; i++)
      {
        const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);

        g_assert_cmpuint (edge->source, <, graph->nodes->len);
        g_assert_cmpuint (edge->target, <, graph->nodes->len);
        g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (corpus->store, graph, edge, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, edge->n_evidence);
        degrees[edge->source]++;
        if (edge->target != edge->source)
          degrees[edge->target]++;
      }
    for (guint i = 0; i < graph->nodes->len; i++)
      {
        const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

        g_assert_cmpuint (node->degree, ==, degrees[i]);
        if (i > 0)
          g_assert_cmpint (((DmGraphNode *) graph->nodes->pdata[i - 1])->actor_id, <, node->actor_id);
      }
  }
  return graph;
}

/* The whole corpus without a budget: one edge per verb, as the query asks */
static DmGraphQuery *
unlimited_query (void)
{
  DmGraphQuery *query = dm_graph_query_new ();

  query->max_nodes = 0;
  return query;
}

static void
test_graph_build_corpus (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = unlimited_query ();
  g_autoptr(DmGraph) graph = build (corpus, query);
  g_autoptr(DmGraph) again = build (corpus, query);
  g_autofree char *key = dm_graph_get_key (graph);
  g_autofree char *key_again = dm_graph_get_key (again);
  const DmGraphEdge *edge;

  g_assert_cmpuint (graph->nodes->len, ==, 8);
  g_assert_cmpuint (graph->edges->len, ==, 9);
  g_assert_cmpstr (key, ==, key_again);

  edge = find_edge (graph, "Pete Hegseth", "NATO", "urges");
  g_assert_nonnull (edge);
  g_assert_cmpuint (edge->n_evidence, ==, 3);
  g_assert_cmpstr (edge->label, ==, "urges ×3");
  g_assert_cmpint (edge->klass, ==, DM_CLASS_APPEAL);
  g_assert_false (edge->negated);

  edge = find_edge (graph, "Pete Hegseth", "NATO", "meets");
  g_assert_nonnull (edge);
  g_assert_cmpstr (edge->label, ==, "meets");

  edge = find_edge (graph, "Hamas", "Israel", "rejects");
  g_assert_nonnull (edge);
  g_assert_true (edge->negated);

  g_assert_cmpuint (find_node (graph, "Pete Hegseth")->degree, ==, 4);
  g_assert_cmpuint (find_node (graph, "Ukraine")->degree, ==, 4);
  g_assert_cmpint (find_node (graph, "Pete Hegseth")->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpint (find_node (graph, "Hamas")->type, ==, DM_ACTOR_GROUP);
  g_assert_nonnull (find_node (graph, "Jane \"JD\" Doe, Jr."));
}

static void
test_graph_build_per_pair (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmGraph) graph = NULL;
  const DmGraphEdge *edge;

  query->per_pair = TRUE;
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 8);

  edge = find_edge (graph, "Pete Hegseth", "NATO", NULL);
  g_assert_nonnull (edge);
  g_assert_cmpstr (edge->label, ==, "urges ×3, meets");
  g_assert_cmpstr (edge->verb, ==, "urges");
  g_assert_cmpint (edge->klass, ==, DM_CLASS_APPEAL);
  g_assert_cmpuint (edge->n_evidence, ==, 4);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = dm_graph_list_edge_relation_ids (corpus->store, graph, edge, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 4);
    for (guint i = 1; i < ids->len; i++)
      g_assert_cmpint (g_array_index (ids, gint64, i - 1), <, g_array_index (ids, gint64, i));
  }

  edge = find_edge (graph, "Hamas", "Israel", NULL);
  g_assert_true (edge->negated);
  g_assert_cmpstr (edge->label, ==, "not rejects");

  /* with min evidence, counted over the pair */
  query->min_evidence = 2;
  g_clear_pointer (&graph, dm_graph_unref);
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_nonnull (find_edge (graph, "Pete Hegseth", "NATO", NULL));
  g_assert_nonnull (find_edge (graph, "Russia", "Ukraine", NULL));
  g_assert_cmpuint (graph->nodes->len, ==, 4);
}

static void
test_graph_build_focus (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  guint expected_nodes[] = { 2, 4, 6, 6 };

  query->focus_actor = graph_corpus_actor (corpus, "Russia");
  for (guint depth = 1; depth <= 4; depth++)
    {
      g_autoptr(DmGraph) graph = NULL;

      query->depth = depth;
      graph = build (corpus, query);
      g_assert_cmpuint (graph->nodes->len, ==, expected_nodes[depth - 1]);
      g_assert_cmpint (dm_graph_find_node (graph, query->focus_actor), >=, 0);
      g_assert_null (find_node (graph, "Israel"));
      if (depth == 2)
        {
          /* edges among the reached actors only */
          g_assert_cmpuint (graph->edges->len, ==, 4);
          g_assert_nonnull (find_edge (graph, "Pete Hegseth", "Ukraine", "rules out"));
          g_assert_null (find_node (graph, "NATO"));
        }
    }

  /* an actor whose relations are all filtered out is shown alone */
  {
    g_autoptr(DmGraph) graph = NULL;

    query->depth = 2;
    query->class_mask = 1u << DM_CLASS_STATEMENT;
    graph = build (corpus, query);
    g_assert_cmpuint (graph->nodes->len, ==, 1);
    g_assert_cmpuint (graph->edges->len, ==, 0);
  }
}

static void
test_graph_build_filters (void)
{
  g_autoptr(GraphCorpus) corpus = graph_corpus_new ();
  g_autoptr(DmGraphQuery) query = unlimited_query ();
  g_autoptr(DmGraph) graph = NULL;

  /* classes */
  query->class_mask = 1u << DM_CLASS_ASSAULT;
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_cmpuint (graph->nodes->len, ==, 4);
  g_assert_cmpuint (find_edge (graph, "Russia", "Ukraine", "attacks")->n_evidence, ==, 2);
  g_clear_pointer (&graph, dm_graph_unref);

  /* actor types: no officials */
  query->class_mask = DM_ALL_CLASSES;
  query->type_mask = DM_ALL_ACTOR_TYPES & ~(1u << DM_ACTOR_OFFICIAL);
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 5);
  g_assert_cmpuint (graph->nodes->len, ==, 5);
  g_assert_null (find_node (graph, "Pete Hegseth"));
  g_clear_pointer (&graph, dm_graph_unref);

  /* excluded article */
  query->type_mask = DM_ALL_ACTOR_TYPES;
  dm_graph_query_exclude_article (query, corpus->article_ids[1], TRUE);
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 7);
  g_assert_cmpuint (find_edge (graph, "Pete Hegseth", "NATO", "urges")->n_evidence, ==, 1);
  g_assert_null (find_edge (graph, "Pete Hegseth", "Ukraine", NULL));
  g_clear_pointer (&graph, dm_graph_unref);

  /* dates: articles without one pass */
  dm_graph_query_exclude_article (query, corpus->article_ids[1], FALSE);
  query->date_from = g_strdup ("2025-02-13");
  query->date_to = g_strdup ("2025-02-28");
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 4);
  g_assert_nonnull (find_edge (graph, "Jane \"JD\" Doe, Jr.", "Ukraine", "praises"));
  g_assert_null (find_node (graph, "Israel"));
  g_clear_pointer (&graph, dm_graph_unref);

  /* a time window on the timeline: the undated article's relation is left out too */
  query->dated_only = TRUE;
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 3);
  g_assert_null (find_node (graph, "Jane \"JD\" Doe, Jr."));
  g_assert_nonnull (find_edge (graph, "Russia", "Ukraine", "attacks"));
  g_assert_cmpuint (graph->counts.n_actors_filtered, >, 0);
  g_clear_pointer (&graph, dm_graph_unref);
  query->dated_only = FALSE;

  /* evidence */
  g_clear_pointer (&query->date_from, g_free);
  g_clear_pointer (&query->date_to, g_free);
  query->min_evidence = 2;
  graph = build (corpus, query);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_cmpuint (graph->nodes->len, ==, 4);
  g_clear_pointer (&graph, dm_graph_unref);

  /* the most connected actors */
  query->min_evidence = 1;
  query->max_nodes = 2;
  graph = build (corpus, query);
  g_assert_cmpuint (graph->nodes->len, ==, 2);
  g_assert_nonnull (find_node (graph, "Pete Hegseth"));
  g_assert_nonnull (find_node (graph, "Ukraine"));
  g_assert_cmpuint (graph->edges->len, ==, 1);
  g_assert_cmpstr (((DmGraphEdge *) graph->edges->pdata[0])->verb, ==, "rules out");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/graph/quote", test_graph_quote);
  g_test_add_func ("/dramatis/graph/dot-round-trip", test_graph_dot_round_trip);
  g_test_add_func ("/dramatis/graph/dot-styles", test_graph_dot_styles);
  g_test_add_func ("/dramatis/graph/key", test_graph_key);
  g_test_add_func ("/dramatis/graph/build-corpus", test_graph_build_corpus);
  g_test_add_func ("/dramatis/graph/build-per-pair", test_graph_build_per_pair);
  g_test_add_func ("/dramatis/graph/build-focus", test_graph_build_focus);
  g_test_add_func ("/dramatis/graph/build-filters", test_graph_build_filters);

  return g_test_run ();
}
