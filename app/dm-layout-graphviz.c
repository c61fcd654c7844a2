/* dm-layout-graphviz.c — a laid-out cgraph graph's attributes, and its groups' clusters
 *
 * What the layout worker reads from and writes into the graphs Graphviz lays out: numbers
 * and points in attributes, the actor ids nodes and clusters are named after, and the
 * clusters of groups (dm_graph_to_dot()): taken out for engines that ignore them, held
 * together with springs for neato, fitted to their members, read into DmLayout. Worker
 * thread only, like every Graphviz call.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout-worker"

#include "config.h"

#include <string.h>

#include "dm-layout-graphviz-private.h"

gboolean
dm_gv_parse_doubles (const char *str,
                     double     *values,
                     guint       n)
{
  const char *p = str;

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end;

      values[i] = g_ascii_strtod (p, &end);
      if (end == p)
        return FALSE;
      p = end;
      if (i + 1 < n)
        {
          if (*p != ',')
            return FALSE;
          p++;
        }
    }
  return TRUE;
}

Agsym_t *
dm_gv_find_attr (Agraph_t   *g,
                 int         kind,
                 const char *name)
{
  return agattr (g, kind, (char *) name, NULL);
}

const char *
dm_gv_get_attr (void       *obj,
                Agsym_t    *sym)
{
  return sym != NULL ? agxget (obj, sym) : NULL;
}

/* The actor id a node or cluster of dm_graph_to_dot() is named after ("a42", "cluster_a42"). */
gboolean
dm_gv_parse_actor_name (const char *name,
                        const char *prefix,
                        gint64     *actor_id)
{
  return g_str_has_prefix (name, prefix)
         && g_ascii_string_to_signed (name + strlen (prefix), 10, G_MININT64, G_MAXINT64, actor_id, NULL);
}

/* The boxes of the clusters Graphviz laid out ("bb" and the name's "lp" attributes, the
 * cached xdot text's as much as a fresh layout's) as @layout's groups. */
void
dm_layout_fill_groups (DmLayout   *layout,
                       Agraph_t   *g,
                       GHashTable *node_index,
                       double      origin_x,
                       double      flip_y)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (DmLayoutGroup));

  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    {
      DmLayoutGroup group = { 0 };
      gint64 actor_id;
      guint index;
      double bb[4], lp[2];

      if (!dm_gv_parse_actor_name (agnameof (sub), "cluster_a", &actor_id)
          || !(index = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, &actor_id)))
          || !dm_gv_parse_doubles (agget (sub, (char *) "bb"), bb, 4))
        continue;
      group.head = index - 1;
      group.x = bb[0] - origin_x;
      group.y = flip_y - bb[3];
      group.width = bb[2] - bb[0];
      group.height = bb[3] - bb[1];
      if (dm_gv_parse_doubles (agget (sub, (char *) "lp"), lp, 2))
        {
          group.label_x = lp[0] - origin_x;
          group.label_y = flip_y - lp[1];
          group.has_label_pos = TRUE;
        }
      g_array_append_val (groups, group);
    }

  layout->n_groups = groups->len;
  layout->groups = (DmLayoutGroup *) (gpointer) g_array_free (g_steal_pointer (&groups), FALSE);
}

/* Graphviz's margin round a cluster's nodes, in points */
#define CLUSTER_MARGIN 8.0

void
dm_gv_set_point_attr (void       *obj,
                      const char *name,
                      double      x,
                      double      y)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = g_strconcat (g_ascii_formatd (a, sizeof a, "%.2f", x), ",",
                                        g_ascii_formatd (b, sizeof b, "%.2f", y), NULL);

  agsafeset (obj, (char *) name, value, (char *) "");
}

/* Fits the box of every cluster that holds a dragged actor (with @all, of every cluster) to
 * its members where they now are, with Graphviz's margin and room for the name above them
 * ("bb", "lp"; "nop2" draws clusters where these say): the box Graphviz made was for the
 * places it gave them, and neato's boxes keep no room for the name. */
void
dm_layout_fit_groups (Agraph_t *g,
                      Agsym_t  *n_dragged,
                      Agsym_t  *n_pos,
                      gboolean  all)
{
  Agsym_t *n_width = dm_gv_find_attr (g, AGNODE, "width");
  Agsym_t *n_height = dm_gv_find_attr (g, AGNODE, "height");

  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    {
      double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double label[2] = { 0, 0 };
      gboolean moved = all;

      if (!g_str_has_prefix (agnameof (sub), "cluster_"))
        continue;
      for (Agnode_t *n = agfstnode (sub); n != NULL; n = agnxtnode (sub, n))
        {
          const char *dragged = n_dragged != NULL ? dm_gv_get_attr (n, n_dragged) : NULL;
          double xy[2];
          double hw = g_ascii_strtod (dm_gv_get_attr (n, n_width) ?: "0", NULL) * 36.0;
          double hh = g_ascii_strtod (dm_gv_get_attr (n, n_height) ?: "0", NULL) * 36.0;

          moved |= dragged != NULL && dragged[0] != '\0';
          if (!dm_gv_parse_doubles (dm_gv_get_attr (n, n_pos), xy, 2))
            continue;
          box[0] = MIN (box[0], xy[0] - hw);
          box[1] = MIN (box[1], xy[1] - hh);
          box[2] = MAX (box[2], xy[0] + hw);
          box[3] = MAX (box[3], xy[1] + hh);
        }
      if (!moved || box[0] > box[2])
        continue;

      box[0] -= CLUSTER_MARGIN;
      box[1] -= CLUSTER_MARGIN;
      box[2] += CLUSTER_MARGIN;
      box[3] += CLUSTER_MARGIN;
      /* the name (labeljust=l) above the members, as Graphviz puts it */
      if (dm_gv_parse_doubles (agget (sub, (char *) "lwidth"), &label[0], 1)
          && dm_gv_parse_doubles (agget (sub, (char *) "lheight"), &label[1], 1)
          && label[1] > 0)
        {
          label[0] *= 72.0;
          label[1] *= 72.0;
          box[3] += label[1];
          box[2] = MAX (box[2], box[0] + label[0] + 2 * CLUSTER_MARGIN);
          dm_gv_set_point_attr (sub, "lp", box[0] + CLUSTER_MARGIN + label[0] / 2,
                          box[3] - CLUSTER_MARGIN / 2 - label[1] / 2);
        }
      {
        char v[4][G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *bb = g_strjoin (",", g_ascii_formatd (v[0], sizeof v[0], "%.2f", box[0]),
                                         g_ascii_formatd (v[1], sizeof v[1], "%.2f", box[1]),
                                         g_ascii_formatd (v[2], sizeof v[2], "%.2f", box[2]),
                                         g_ascii_formatd (v[3], sizeof v[3], "%.2f", box[3]), NULL);

        agsafeset (sub, (char *) "bb", bb, (char *) "");
      }
    }
}

/* Takes the clusters out of @g (their actors stay): for engines that place actors without
 * regard to them and would draw boxes round wherever the members landed. */
void
dm_layout_drop_clusters (Agraph_t *g)
{
  g_autoptr(GPtrArray) clusters = g_ptr_array_new ();

  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    if (g_str_has_prefix (agnameof (sub), "cluster_"))
      g_ptr_array_add (clusters, sub);
  for (guint i = 0; i < clusters->len; i++)
    agdelsubg (g, g_ptr_array_index (clusters, i));
}

/* neato places actors without regard to clusters: an invisible spring, shorter and stiffer
 * than the edges' (len 1.6), from each group's head to each member keeps the group
 * together, so that the box Graphviz draws round the members holds few others. The springs
 * have no "id": fill_layout() and the exporters pass them by, and nothing draws them. */
void
dm_layout_add_group_springs (Agraph_t *g)
{
  Agsym_t *style = agattr (g, AGEDGE, (char *) "style", (char *) "");
  Agsym_t *len = agattr (g, AGEDGE, (char *) "len", NULL);
  Agsym_t *weight = agattr (g, AGEDGE, (char *) "weight", NULL);

  if (len == NULL)
    len = agattr (g, AGEDGE, (char *) "len", (char *) "1.0");
  if (weight == NULL)
    weight = agattr (g, AGEDGE, (char *) "weight", (char *) "1");

  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    {
      const char *name = agnameof (sub);
      Agnode_t *head;

      if (!g_str_has_prefix (name, "cluster_")
          || !(head = agnode (g, (char *) name + strlen ("cluster_"), FALSE)))
        continue;
      for (Agnode_t *n = agfstnode (sub); n != NULL; n = agnxtnode (sub, n))
        {
          Agedge_t *spring;

          if (n == head)
            continue;
          spring = agedge (g, head, n, (char *) "dm_spring", TRUE);
          agxset (spring, style, (char *) "invis");
          agxset (spring, len, (char *) "0.6");
          agxset (spring, weight, (char *) "4");
        }
    }
}
