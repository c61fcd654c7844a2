/* dm-graph-view-a11y.c — what the graph canvas tells assistive technologies and tooltips
 *
 * The canvas is one image to accessibility: its label says what is selected (an actor with
 * its localized type and relation count, or a relation) ahead of "relationship graph", its
 * description how big the graph is.
 * Tooltips describe the actor or relation under the pointer, or the selection when asked
 * from the keyboard.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dm-graph-view-private.h"

/* "12 actors, 30 relations": the size of what is shown, in both plural forms. */
static char *
describe_graph_size (DmGraphView *self)
{
  g_autofree char *actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors",
                                                          self->scene->n_nodes),
                                             self->scene->n_nodes);
  g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation",
                                                             "%u relations", self->scene->n_edges),
                                                self->scene->n_edges);

  /* Translators: the number of actors and of relations in the graph, "12 actors, 30 relations" */
  return g_strdup_printf (_("%s, %s"), actors, relations);
}

char *
dm_graph_view_dup_accessible_label (DmGraphView *self)
{
  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), NULL);

  /* Screen readers speak the label, rarely the description: what is selected goes first in
   * the label, with the actor type as the panels show it (not the internal name). */
  if (self->selected_node >= 0)
    {
      const DmGraphNode *gn = dm_graph_scene_graph_node (self->scene, self->selected_node);
      DmActorType type = dm_graph_scene_get_actor_type (self->scene, self->selected_node);
      guint n = self->scene->node_degree[self->selected_node];

      /* Translators: the canvas's accessible label with an actor selected: its name, its
       * type ("Official") and its number of relations */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u relation — relationship graph",
                                           "%s, %s, %u relations — relationship graph", n),
                              gn->name, dm_actor_type_to_label (type), n);
    }
  if (self->selected_edge >= 0)
    {
      const DmGraphEdge *ge = dm_graph_scene_graph_edge (self->scene, self->selected_edge);

      /* Translators: the canvas's accessible label with a relation selected: who, to whom,
       * what ("Pete Hegseth → Ukraine: rules out") */
      return g_strdup_printf (_("%s → %s: %s — relationship graph"),
                              dm_graph_scene_graph_node (self->scene, ge->source)->name,
                              dm_graph_scene_graph_node (self->scene, ge->target)->name,
                              ge->label != NULL ? ge->label : ge->verb != NULL ? ge->verb : "");
    }
  return g_strdup (_("Relationship graph"));
}

void
dm_graph_view_update_accessible (DmGraphView *self)
{
  g_autofree char *label = dm_graph_view_dup_accessible_label (self);
  g_autofree char *description = NULL;

  if (self->scene->layout != NULL)
    description = describe_graph_size (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

/* Tooltips ----------------------------------------------------------------------------- */

static char *
node_tooltip (DmGraphView *self,
              int          i)
{
  const DmGraphNode *gn = dm_graph_scene_graph_node (self->scene, i);
  GString *str = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (gn->name != NULL ? gn->name : "", -1);
  guint relations = self->scene->node_degree[i];

  g_string_append_printf (str, "<b>%s</b>\n%s", name, dm_actor_type_to_label (dm_graph_scene_get_actor_type (self->scene, i)));
  if (gn->role != NULL && gn->role[0] != '\0')
    {
      g_autofree char *role = g_markup_escape_text (gn->role, -1);
      g_string_append_printf (str, " · %s", role);
    }
  if (gn->affiliation != NULL && gn->affiliation[0] != '\0')
    {
      g_autofree char *affiliation = g_markup_escape_text (gn->affiliation, -1);
      g_string_append_printf (str, "\n%s", affiliation);
    }
  g_string_append_c (str, '\n');
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", gn->n_mentions),
                          gn->n_mentions);
  g_string_append (str, " · ");
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", relations),
                          relations);
  return g_string_free (str, FALSE);
}

static char *
edge_tooltip (DmGraphView *self,
              int          i)
{
  const DmGraphEdge *ge = dm_graph_scene_graph_edge (self->scene, i);
  g_autofree char *plain = NULL;
  g_autofree char *count = NULL;
  const char *what = ge->verb != NULL && ge->verb[0] != '\0' ? ge->verb : ge->label;

  if (ge->n_evidence > 1)
    count = g_strdup_printf (" ×%u", ge->n_evidence);
  plain = g_strdup_printf ("%s → %s: %s%s%s (%s)",
                           dm_graph_scene_graph_node (self->scene, ge->source)->name,
                           dm_graph_scene_graph_node (self->scene, ge->target)->name,
                           /* Translators: put before a negated verb, "not rules out" */
                           ge->negated ? _("not ") : "",
                           what != NULL ? what : "",
                           count != NULL ? count : "",
                           ge->klass < DM_N_CLASSES ? dm_relation_class_to_string (ge->klass) : "?");
  if (ge->label != NULL && ge->verb != NULL && strchr (ge->label, ',') != NULL)
    {
      g_autofree char *all = g_strdup_printf ("%s\n%s", plain, ge->label);

      return g_markup_escape_text (all, -1);
    }
  return g_markup_escape_text (plain, -1);
}

static char *
tooltip_markup (DmGraphView  *self,
                double        x,
                double        y,
                gboolean      keyboard_mode,
                GdkRectangle *area)
{
  int node = -1, edge = -1;

  if (self->scene->layout == NULL)
    return NULL;

  if (keyboard_mode)
    {
      node = self->selected_node;
      edge = self->selected_edge;
    }
  else
    dm_graph_view_element_at (self, x, y, &node, &edge);

  if (node >= 0)
    {
      graphene_rect_t r;

      dm_graph_view_get_node_bounds (self, node, &r);
      *area = (GdkRectangle) { floor (r.origin.x), floor (r.origin.y),
                               ceil (r.size.width), ceil (r.size.height) };
      return node_tooltip (self, node);
    }
  if (edge >= 0)
    {
      *area = (GdkRectangle) { floor (x) - 4, floor (y) - 4, 8, 8 };
      return edge_tooltip (self, edge);
    }
  return NULL;
}

gboolean
dm_graph_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  g_autofree char *markup = NULL;
  GdkRectangle area;

  markup = tooltip_markup (DM_GRAPH_VIEW (widget), x, y, keyboard_mode, &area);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_tip_area (tooltip, &area);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

char *
dm_graph_view_get_tooltip_markup (DmGraphView *self,
                                  double       x,
                                  double       y)
{
  GdkRectangle area;

  g_return_val_if_fail (DM_IS_GRAPH_VIEW (self), NULL);

  return tooltip_markup (self, x, y, FALSE, &area);
}
