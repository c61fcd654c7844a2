/* fuzz-dot.c — libFuzzer target: any actor name survives DOT quoting and parses back as written
 *
 * The harness calls cgraph directly: it is single-threaded and nothing else in the process
 * uses Graphviz, which is what the layout worker guarantees in the application.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <graphviz/cgraph.h>

#include "dm-graph.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *name = g_strndup ((const char *) data, size);
  g_autofree char *quoted = dm_dot_quote (name);
  g_autofree char *dot = g_strdup_printf ("digraph G { n [label=%s]; }\n", quoted);
  g_autoptr(GString) expected = g_string_new (NULL);
  Agraph_t *g;
  Agnode_t *n;
  const char *label;
  gsize len = strlen (quoted);

  /* what the DOT parser gives back: the quoted text without its quotes, \" read as " */
  g_assert (len >= 2 && quoted[0] == '"' && quoted[len - 1] == '"');
  for (gsize i = 1; i + 1 < len; i++)
    {
      if (quoted[i] == '\\' && quoted[i + 1] == '"' && i + 2 < len)
        i++;
      g_string_append_c (expected, quoted[i]);
    }

  g = agmemread (dot);
  g_assert (g != NULL);
  /* a name never adds nodes or edges to the graph */
  g_assert (agnnodes (g) == 1);
  g_assert (agnedges (g) == 0);
  n = agfstnode (g);
  label = agget (n, (char *) "label");
  g_assert (label != NULL);
  g_assert (strcmp (label, expected->str) == 0);
  agclose (g);
  return 0;
}
