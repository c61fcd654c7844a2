/* dm-cli-export.c — dramatis-cli export: writes a corpus graph as an image or graph data
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "dm-cli-private.h"
#include "dm-export.h"
#include "dm-graph-budget.h"
#include "dm-layout-private.h"
#include "dm-store-write.h"

static DmLayout *
lay_out (DmStore         *store,
         DmGraph         *graph,
         DmLayoutEngine   engine,
         GError         **error)
{
  DmLayoutWorker *worker = dm_layout_worker_get_default ();
  g_autofree char *key = NULL;
  g_autofree char *cached = NULL;
  DmLayout *layout = NULL;

  if (engine == DM_LAYOUT_ENGINE_AUTO)
    engine = dm_layout_engine_for_graph (graph);
  key = dm_layout_cache_key (graph, engine);

  /* A cache that cannot be read only costs a fresh layout */
  if (dm_store_lookup_layout (store, key, &cached, NULL) && cached != NULL)
    layout = dm_layout_worker_layout (worker, graph, engine, cached, NULL, NULL);
  if (layout != NULL)
    return layout;

  if (!(layout = dm_layout_worker_layout (worker, graph, engine, NULL, NULL, error)))
    return NULL;
  dm_store_save_layout (store, key, layout->xdot, NULL);
  return layout;
}

typedef struct {
  DmStore        *store;
  DmLayoutEngine  engine;
} LayOut;

static DmLayout *
lay_out_cb (DmGraph  *graph,
            gpointer  user_data,
            GError  **error)
{
  LayOut *how = user_data;

  return lay_out (how->store, graph, how->engine, error);
}

int
dm_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *edges = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmGraphQuery) query = NULL;
  g_autoptr(DmGraph) graph = NULL;
  g_autoptr(DmLayout) layout = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *engine_name = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *date_from = NULL;
  g_autofree char *date_to = NULL;
  g_auto(GStrv) rest = NULL;
  int depth = 1;
  int min_evidence = 1;
  int max_nodes = -1;
  int max_neighbours = -1;
  gboolean all = FALSE;
  gboolean neighbour_edges = FALSE;
  gboolean per_pair = FALSE;
  DmExportFormat format;
  DmLayoutEngine engine = DM_LAYOUT_ENGINE_AUTO;

  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus to export"), N_("PATH") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("png, svg, pdf, dot, graphml, gexf or csv (default: from FILE's extension)"), N_("FORMAT") },
    { "actor", 'a', 0, G_OPTION_ARG_STRING, &actor,
      N_("Only the neighbourhood of this actor (name or alias)"), N_("NAME") },
    { "depth", 'd', 0, G_OPTION_ARG_INT, &depth,
      N_("Steps from --actor to include (default: 1)"), "N" },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("Graphviz layout: auto, dot, neato, fdp, sfdp, circo or twopi (default: auto)"), N_("ENGINE") },
    { "per-pair", 0, 0, G_OPTION_ARG_NONE, &per_pair,
      N_("One edge per pair of actors (“urges ×3, meets”) instead of one per verb"), NULL },
    { "min-evidence", 0, 0, G_OPTION_ARG_INT, &min_evidence,
      N_("Leave out edges with fewer supporting sentences (default: 1)"), "N" },
    { "max-nodes", 0, 0, G_OPTION_ARG_INT, &max_nodes,
      N_("The whole corpus as its N heaviest actors (default: as many as fit, see below)"), "N" },
    { "max-neighbours", 0, 0, G_OPTION_ARG_INT, &max_neighbours,
      N_("With --actor: its N strongest neighbours per step (default: as many of 30 as fit)"), "N" },
    { "neighbour-edges", 0, 0, G_OPTION_ARG_NONE, &neighbour_edges,
      N_("With --actor: also the edges between its neighbours"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Every actor and edge: no budget of actors or neighbours"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &date_from,
      N_("Only articles dated on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &date_to,
      N_("Only articles dated on or before this day"), N_("YYYY-MM-DD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dramatis-cli export");
  context = g_option_context_new (N_("— write a corpus graph to a file"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    N_("Lays out the graph of the corpus at PATH (or of one actor's neighbourhood) with\n"
       "Graphviz and writes it as a PNG, SVG or PDF picture, as DOT with positions, as\n"
       "GraphML or GEXF for Gephi and yEd, or as CSV: one row per relation with its sentence."));
  g_option_context_set_description (context,
    N_("Without --actor the picture is the window's default overview: its heaviest actors\n"
       "(weight = sentences + distinct partners) and their strongest edges, with a legend;\n"
       "with --actor, the window's ego view: the actor and its strongest neighbours, one\n"
       "edge per neighbour and direction. Unless --max-nodes, --max-neighbours or --all say\n"
       "otherwise, as many actors as the window at its default size (1200×780) draws with\n"
       "every name readable: up to 80 in the overview, 30 neighbours in an ego view; the\n"
       "views are laid out and measured until they fit. Actors excluded in the window stay\n"
       "out. SVG edges link to their evidence: dramatis:article/ID#sentence=START-END.\n\n"
       "Example: dramatis-cli export --db news.dramatis --actor \"Pete Hegseth\" -o hegseth.svg\n\n"
       "Exit status: 0 when the file was written, 1 when the corpus could not be read or the\n"
       "file not written, 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, _("export: %s"), error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (rest != NULL && rest[0] != NULL)
    {
      dm_cli_error (NULL, _("export: unexpected argument “%s”"), rest[0]);
      return DM_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    {
      dm_cli_error (NULL, _("export: --db PATH is required"));
      return DM_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      dm_cli_error (NULL, _("export: -o FILE is required"));
      return DM_CLI_EXIT_USAGE;
    }
  if (format_name != NULL)
    {
      if (!dm_export_format_from_string (format_name, &format))
        {
          dm_cli_error (NULL, _("export: unknown format “%s” (png, svg, pdf, dot, graphml, gexf, csv)"),
                        format_name);
          return DM_CLI_EXIT_USAGE;
        }
    }
  else if (!dm_export_format_from_path (output, &format))
    {
      dm_cli_error (output, _("cannot tell the format from the file name: use --format"));
      return DM_CLI_EXIT_USAGE;
    }
  if (engine_name != NULL && !dm_layout_engine_from_string (engine_name, &engine))
    {
      dm_cli_error (NULL, _("export: unknown layout engine “%s” (auto, dot, neato, fdp, sfdp, circo, twopi)"),
                    engine_name);
      return DM_CLI_EXIT_USAGE;
    }
  if (depth < 1 || min_evidence < 1 || max_nodes < -1 || max_neighbours < -1)
    {
      dm_cli_error (NULL, _("export: --depth and --min-evidence must be at least 1, "
                            "--max-nodes and --max-neighbours at least 0"));
      return DM_CLI_EXIT_USAGE;
    }
  if (all && (max_nodes >= 0 || max_neighbours >= 0))
    {
      dm_cli_error (NULL, _("export: --all and --max-nodes/--max-neighbours exclude each other"));
      return DM_CLI_EXIT_USAGE;
    }

  /* Opening a missing file would create an empty corpus */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      dm_cli_error (db_path, _("no such corpus"));
      return DM_CLI_EXIT_FAILED;
    }
  if (!(store = dm_store_open (db_path, &error)))
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  query = dm_graph_query_new ();
  query->depth = depth;
  query->min_evidence = min_evidence;
  /* the window's defaults unless asked otherwise (dm_graph_query_new) */
  if (all)
    query->max_nodes = query->max_neighbours = 0;
  if (max_nodes >= 0)
    query->max_nodes = max_nodes;
  if (max_neighbours >= 0)
    query->max_neighbours = max_neighbours;
  query->neighbour_edges = neighbour_edges;
  query->per_pair = per_pair;
  query->date_from = g_steal_pointer (&date_from);
  query->date_to = g_steal_pointer (&date_to);

  if (actor != NULL)
    {
      g_autoptr(DmActorInfo) info = dm_store_find_actor (store, actor, &error);

      if (info == NULL)
        {
          if (error != NULL)
            dm_cli_error (db_path, "%s", error->message);
          else
            dm_cli_error (db_path, _("no actor named “%s”"), actor);
          return DM_CLI_EXIT_FAILED;
        }
      query->focus_actor = info->id;
    }

  if (!all && max_nodes < 0 && max_neighbours < 0)
    {
      /* the window's default view: as many actors as its canvas names readably at the
       * window's default size (each format the same actors, CSV too) */
      LayOut how = { store, engine };

      if (!(layout = dm_graph_budget_fit_layout (store, query, DM_GRAPH_DEFAULT_CANVAS_WIDTH,
                                                 DM_GRAPH_DEFAULT_CANVAS_HEIGHT, lay_out_cb, &how, &error)))
        {
          dm_cli_error (db_path, "%s", error->message);
          return DM_CLI_EXIT_FAILED;
        }
      graph = dm_graph_ref (layout->graph);
    }
  else if (!(graph = dm_graph_build (store, query, &error)))
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }
  /* CSV has no positions: an empty layout spares laying out the whole corpus */
  else if (format == DM_EXPORT_CSV)
    layout = dm_layout_new (graph, engine == DM_LAYOUT_ENGINE_AUTO ? dm_layout_engine_for_graph (graph) : engine);
  else if (!(layout = lay_out (store, graph, engine, &error)))
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  if (!dm_export (store, layout, format, output, NULL, &error))
    {
      dm_cli_error (output, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", graph->nodes->len), graph->nodes->len);
  edges = g_strdup_printf (ngettext ("%u edge", "%u edges", graph->edges->len), graph->edges->len);
  /* Translators: "view.svg: 8 actors, 8 edges (SVG, dot layout)" */
  printf (_("%s: %s, %s (%s, %s layout)\n"), output, actors, edges,
          dm_export_format_get_label (format), dm_layout_engine_to_string (layout->engine));
  /* what the picture leaves out, as the window says it */
  if (graph->counts.n_actors_over_budget > 0 || graph->counts.n_actors_excluded > 0
      || graph->counts.n_actors_filtered > 0)
    /* Translators: the plural follows the second number, all actors in the corpus */
    printf (ngettext ("  %u of %u actor shown; hidden: %u past the budget, %u by filters, %u excluded\n",
                      "  %u of %u actors shown; hidden: %u past the budget, %u by filters, %u excluded\n",
                      graph->counts.n_actors_total),
            graph->counts.n_actors_shown, graph->counts.n_actors_total,
            graph->counts.n_actors_over_budget, graph->counts.n_actors_filtered,
            graph->counts.n_actors_excluded);
  return DM_CLI_EXIT_OK;
}
