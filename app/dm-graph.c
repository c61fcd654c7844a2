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

#include "dm-graph.h"

/* Bump when the DOT text changes meaning, so cached layouts of older versions are not reused. */
#define DM_GRAPH_KEY_VERSION "dramatis-graph-1\n"

typedef struct {
  const char *shape;
  const char *style;
  const char *fillcolor;
  const char *color;
} NodeStyle;

/* Readable at a glance and distinct in grey scale: countries are rounded boxes, people
 * ellipses, organizations 3-D boxes, groups octagons. */
static const NodeStyle node_styles[DM_N_ACTOR_TYPES] = {
  [DM_ACTOR_COUNTRY]      = { "box",     "rounded,filled", "#cfe2f3", "#3d6e99" },
  [DM_ACTOR_OFFICIAL]     = { "ellipse", "filled",         "#fff2cc", "#a68a2b" },
  [DM_ACTOR_PERSON]       = { "ellipse", "filled",         "#f4dbe7", "#a04f76" },
  [DM_ACTOR_ORGANIZATION] = { "box3d",   "filled",         "#e4def7", "#5e4fa2" },
  [DM_ACTOR_GROUP]        = { "octagon", "filled",         "#fde3cb", "#b25f12" },
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

static char *
label_for_verb (const char *verb,
                gboolean    negated,
                guint       n_evidence)
{
  const char *prefix = negated ? "not " : "";

  if (n_evidence > 1)
    return g_strdup_printf ("%s%s ×%u", prefix, verb, n_evidence);
  return g_strconcat (prefix, verb, NULL);
}

static DmGraphEdge *
edge_new (guint            source,
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

  edge = edge_new (source, target, verb, klass, negated, MAX (n_evidence, 1));
  edge->label = label_for_verb (verb, FALSE, edge->n_evidence);
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

char *
dm_graph_to_dot (const DmGraph *graph)
{
  GString *out;

  g_return_val_if_fail (graph != NULL, NULL);

  out = g_string_sized_new (256 + graph->nodes->len * 160 + graph->edges->len * 160);
  g_string_append (out,
                   "digraph dramatis {\n"
                   "  graph [overlap=false splines=true outputorder=edgesfirst rankdir=LR"
                   " fontname=\"Sans\" pad=0.2 nodesep=0.3 ranksep=0.6 sep=\"+6\" esep=\"+3\"];\n"
                   "  node [fontname=\"Sans\" fontsize=11 penwidth=1.2 margin=\"0.12,0.06\"];\n"
                   "  edge [fontname=\"Sans\" fontsize=9 arrowsize=0.7];\n");

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);
      const NodeStyle *style = &node_styles[node->type < DM_N_ACTOR_TYPES ? node->type : 0];
      g_autofree char *tooltip = node_tooltip (node);

      g_string_append_printf (out, "  a%" G_GINT64_FORMAT " [id=\"a%" G_GINT64_FORMAT "\"",
                              node->actor_id, node->actor_id);
      append_attr (out, "label", node->name);
      g_string_append_printf (out, " shape=%s style=\"%s\" fillcolor=\"%s\" color=\"%s\"",
                              style->shape, style->style, style->fillcolor, style->color);
      append_attr (out, "tooltip", tooltip);
      g_string_append (out, "];\n");
    }

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

/* Building from the store ------------------------------------------------------------ */

typedef struct {
  gint64           source_id;
  gint64           target_id;
  const char      *verb;          /* borrowed from the relation infos */
  gboolean         negated;
  guint            n;
  guint            class_counts[DM_N_CLASSES];
  GArray          *relation_ids;
} VerbGroup;

static void
verb_group_free (VerbGroup *group)
{
  g_clear_pointer (&group->relation_ids, g_array_unref);
  g_free (group);
}

static guint
verb_group_hash (gconstpointer data)
{
  const VerbGroup *g = data;

  return g_int64_hash (&g->source_id) * 31u + g_int64_hash (&g->target_id) * 17u
         + g_str_hash (g->verb) + (guint) g->negated;
}

static gboolean
verb_group_equal (gconstpointer a,
                  gconstpointer b)
{
  const VerbGroup *x = a, *y = b;

  return x->source_id == y->source_id && x->target_id == y->target_id
         && x->negated == y->negated && strcmp (x->verb, y->verb) == 0;
}

static DmRelationClass
majority_class (const guint *counts)
{
  DmRelationClass best = 0;

  for (guint c = 1; c < DM_N_CLASSES; c++)
    if (counts[c] > counts[best])
      best = c;
  return best;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Per pair: groups of one directed pair, the largest first, then by verb. */
static int
compare_verb_groups (gconstpointer a,
                     gconstpointer b)
{
  const VerbGroup *x = *(VerbGroup * const *) a, *y = *(VerbGroup * const *) b;
  int c;

  if (x->source_id != y->source_id)
    return x->source_id < y->source_id ? -1 : 1;
  if (x->target_id != y->target_id)
    return x->target_id < y->target_id ? -1 : 1;
  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  if ((c = strcmp (x->verb, y->verb)) != 0)
    return c;
  return x->negated - y->negated;
}

typedef struct {
  gint64           source_id;
  gint64           target_id;
  char            *verb;
  char            *label;
  DmRelationClass  klass;
  gboolean         negated;
  guint            n_evidence;
  GArray          *relation_ids;
} PendingEdge;

static void
pending_edge_clear (PendingEdge *edge)
{
  g_free (edge->verb);
  g_free (edge->label);
  g_clear_pointer (&edge->relation_ids, g_array_unref);
}

static void
pending_from_groups (GArray     *pending,
                     VerbGroup **groups,
                     guint       n_groups,
                     gboolean    per_pair)
{
  if (!per_pair)
    {
      for (guint i = 0; i < n_groups; i++)
        {
          VerbGroup *g = groups[i];
          PendingEdge e = { 0 };

          e.source_id = g->source_id;
          e.target_id = g->target_id;
          e.verb = g_strdup (g->verb);
          e.label = label_for_verb (g->verb, FALSE, g->n);
          e.klass = majority_class (g->class_counts);
          e.negated = g->negated;
          e.n_evidence = g->n;
          e.relation_ids = g_steal_pointer (&g->relation_ids);
          g_array_append_val (pending, e);
        }
      return;
    }

  /* groups are sorted by pair, largest group first */
  for (guint i = 0; i < n_groups;)
    {
      guint j = i;
      guint class_counts[DM_N_CLASSES] = { 0 };
      GString *label = g_string_new (NULL);
      PendingEdge e = { 0 };

      e.source_id = groups[i]->source_id;
      e.target_id = groups[i]->target_id;
      e.negated = TRUE;
      e.relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (; j < n_groups && groups[j]->source_id == e.source_id
             && groups[j]->target_id == e.target_id; j++)
        {
          VerbGroup *g = groups[j];
          g_autofree char *part = label_for_verb (g->verb, g->negated, g->n);

          if (label->len > 0)
            g_string_append (label, ", ");
          g_string_append (label, part);
          for (guint c = 0; c < DM_N_CLASSES; c++)
            class_counts[c] += g->class_counts[c];
          e.negated = e.negated && g->negated;
          e.n_evidence += g->n;
          g_array_append_vals (e.relation_ids, g->relation_ids->data, g->relation_ids->len);
        }

      /* the first group is the most frequent verb (ties: alphabetical) */
      e.verb = g_strdup (groups[i]->verb);
      e.klass = majority_class (class_counts);
      e.label = g_string_free (label, FALSE);
      g_array_sort (e.relation_ids, compare_gint64);
      g_array_append_val (pending, e);
      i = j;
    }
}

typedef struct {
  const DmActorInfo *info;
  guint              degree;
  gboolean           kept;
} ActorSlot;

static int
compare_slots_by_connection (gconstpointer a,
                             gconstpointer b)
{
  const ActorSlot *x = *(ActorSlot * const *) a, *y = *(ActorSlot * const *) b;

  if (x->degree != y->degree)
    return x->degree > y->degree ? -1 : 1;
  if (x->info->n_mentions != y->info->n_mentions)
    return x->info->n_mentions > y->info->n_mentions ? -1 : 1;
  return (x->info->id > y->info->id) - (x->info->id < y->info->id);
}

static int
compare_slots_by_id (gconstpointer a,
                     gconstpointer b)
{
  const ActorSlot *x = *(ActorSlot * const *) a, *y = *(ActorSlot * const *) b;

  return (x->info->id > y->info->id) - (x->info->id < y->info->id);
}

/* Undirected breadth-first search from @focus over @pending, up to @depth steps; marks
 * reached actors as kept. */
static void
keep_neighbourhood (GHashTable *slots,
                    GArray     *pending,
                    gint64      focus,
                    guint       depth)
{
  g_autoptr(GHashTable) adjacency = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();
  ActorSlot *start = g_hash_table_lookup (slots, &focus);

  if (start == NULL)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      PendingEdge *e = &g_array_index (pending, PendingEdge, i);
      ActorSlot *s = g_hash_table_lookup (slots, &e->source_id);
      ActorSlot *t = g_hash_table_lookup (slots, &e->target_id);
      GPtrArray *list;

      if (!(list = g_hash_table_lookup (adjacency, &s->info->id)))
        g_hash_table_insert (adjacency, (gpointer) &s->info->id, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, t);
      if (!(list = g_hash_table_lookup (adjacency, &t->info->id)))
        g_hash_table_insert (adjacency, (gpointer) &t->info->id, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, s);
    }

  start->kept = TRUE;
  g_ptr_array_add (frontier, start);

  for (guint step = 0; step < depth && frontier->len > 0; step++)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new ();

      for (guint i = 0; i < frontier->len; i++)
        {
          ActorSlot *slot = frontier->pdata[i];
          GPtrArray *list = g_hash_table_lookup (adjacency, &slot->info->id);

          for (guint k = 0; list != NULL && k < list->len; k++)
            {
              ActorSlot *other = list->pdata[k];

              if (!other->kept)
                {
                  other->kept = TRUE;
                  g_ptr_array_add (next, other);
                }
            }
        }
      g_ptr_array_unref (frontier);
      frontier = g_steal_pointer (&next);
    }
}

DmGraph *
dm_graph_build (DmStore             *store,
                const DmGraphQuery  *query,
                GError             **error)
{
  g_autoptr(DmGraphQuery) q = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) slots = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) group_list = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  guint n_over_budget = 0;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(DmGraph) graph = NULL;
  guint min_evidence;

  g_return_val_if_fail (store != NULL, NULL);

  q = query != NULL ? dm_graph_query_copy (query) : dm_graph_query_new ();
  min_evidence = MAX (q->min_evidence, 1);

  if (!(actors = dm_store_list_actors (store, NULL, q->type_mask, error)))
    return NULL;
  if (!(relations = dm_store_list_relations (store, q, error)))
    return NULL;

  slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < actors->len; i++)
    {
      const DmActorInfo *info = g_ptr_array_index (actors, i);
      ActorSlot *slot;

      if (info->type >= DM_N_ACTOR_TYPES || !(q->type_mask & (1u << info->type)))
        continue;
      slot = g_new0 (ActorSlot, 1);
      slot->info = info;
      g_hash_table_insert (slots, (gpointer) &info->id, slot);
    }

  /* Relations into groups of one (source, target, verb, negated) */
  groups = g_hash_table_new_full (verb_group_hash, verb_group_equal,
                                  (GDestroyNotify) verb_group_free, NULL);
  for (guint i = 0; i < relations->len; i++)
    {
      const DmRelationInfo *rel = g_ptr_array_index (relations, i);
      VerbGroup probe = { rel->source_id, rel->target_id, rel->verb, rel->negated != FALSE };
      VerbGroup *group;

      /* the store applies the filters; they are checked again so a graph never holds
       * what its query excludes */
      if (rel->klass >= DM_N_CLASSES || !(q->class_mask & (1u << rel->klass)))
        continue;
      if (dm_graph_query_is_article_excluded (q, rel->article_id))
        continue;
      if (!g_hash_table_contains (slots, &rel->source_id)
          || !g_hash_table_contains (slots, &rel->target_id))
        continue;

      if (!(group = g_hash_table_lookup (groups, &probe)))
        {
          group = g_memdup2 (&probe, sizeof probe);
          group->relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_add (groups, group);
        }
      group->n++;
      group->class_counts[rel->klass]++;
      g_array_append_val (group->relation_ids, rel->id);
    }

  group_list = g_ptr_array_sized_new (g_hash_table_size (groups));
  {
    GHashTableIter iter;
    gpointer group;

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, &group, NULL))
      g_ptr_array_add (group_list, group);
  }
  g_ptr_array_sort (group_list, compare_verb_groups);
  for (guint i = 0; i < group_list->len; i++)
    g_array_sort (((VerbGroup *) group_list->pdata[i])->relation_ids, compare_gint64);

  pending = g_array_new (FALSE, TRUE, sizeof (PendingEdge));
  g_array_set_clear_func (pending, (GDestroyNotify) pending_edge_clear);
  pending_from_groups (pending, (VerbGroup **) group_list->pdata, group_list->len, q->per_pair);

  /* Too little evidence */
  for (guint i = pending->len; i > 0; i--)
    if (g_array_index (pending, PendingEdge, i - 1).n_evidence < min_evidence)
      g_array_remove_index (pending, i - 1);

  /* Which actors: the focus neighbourhood, or every actor an edge touches */
  if (q->focus_actor != 0)
    {
      keep_neighbourhood (slots, pending, q->focus_actor, MAX (q->depth, 1));
    }
  else
    {
      for (guint i = 0; i < pending->len; i++)
        {
          PendingEdge *e = &g_array_index (pending, PendingEdge, i);

          ((ActorSlot *) g_hash_table_lookup (slots, &e->source_id))->kept = TRUE;
          ((ActorSlot *) g_hash_table_lookup (slots, &e->target_id))->kept = TRUE;
        }
    }

  kept = g_ptr_array_new ();
  {
    GHashTableIter iter;
    ActorSlot *slot;

    g_hash_table_iter_init (&iter, slots);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
      if (slot->kept)
        g_ptr_array_add (kept, slot);
  }

  /* The most connected actors, when there are too many */
  if (q->max_nodes > 0 && kept->len > q->max_nodes)
    {
      n_over_budget = kept->len - q->max_nodes;
      for (guint i = 0; i < pending->len; i++)
        {
          PendingEdge *e = &g_array_index (pending, PendingEdge, i);
          ActorSlot *s = g_hash_table_lookup (slots, &e->source_id);
          ActorSlot *t = g_hash_table_lookup (slots, &e->target_id);

          if (s->kept && t->kept)
            {
              s->degree++;
              if (t != s)
                t->degree++;
            }
        }
      g_ptr_array_sort (kept, compare_slots_by_connection);
      if (q->focus_actor != 0)
        {
          /* the focus stays, whatever its degree */
          for (guint i = 0; i < kept->len; i++)
            if (((ActorSlot *) kept->pdata[i])->info->id == q->focus_actor)
              {
                gpointer focus = g_ptr_array_steal_index (kept, i);
                g_ptr_array_insert (kept, 0, focus);
                break;
              }
        }
      for (guint i = q->max_nodes; i < kept->len; i++)
        ((ActorSlot *) kept->pdata[i])->kept = FALSE;
      g_ptr_array_set_size (kept, q->max_nodes);
    }

  /* Nodes in actor id order: stable across queries, so layouts barely move */
  g_ptr_array_sort (kept, compare_slots_by_id);

  graph = dm_graph_new ();
  graph->n_over_budget = n_over_budget;
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < kept->len; i++)
    {
      const DmActorInfo *info = ((ActorSlot *) kept->pdata[i])->info;

      dm_graph_add_node (graph, info->id, info->name, info->type, info->role,
                         info->affiliation, info->n_mentions);
      g_hash_table_insert (index, (gpointer) &info->id, GUINT_TO_POINTER (i));
    }

  /* pending is sorted by (source id, target id, …), which is node order too */
  for (guint i = 0; i < pending->len; i++)
    {
      PendingEdge *e = &g_array_index (pending, PendingEdge, i);
      gpointer s, t;
      DmGraphEdge *edge;

      if (!g_hash_table_lookup_extended (index, &e->source_id, NULL, &s)
          || !g_hash_table_lookup_extended (index, &e->target_id, NULL, &t))
        continue;

      edge = edge_new (GPOINTER_TO_UINT (s), GPOINTER_TO_UINT (t), e->verb, e->klass,
                       e->negated, e->n_evidence);
      edge->label = g_steal_pointer (&e->label);
      g_clear_pointer (&edge->relation_ids, g_array_unref);
      edge->relation_ids = g_steal_pointer (&e->relation_ids);
      g_ptr_array_add (graph->edges, edge);

      ((DmGraphNode *) graph->nodes->pdata[edge->source])->degree++;
      if (edge->target != edge->source)
        ((DmGraphNode *) graph->nodes->pdata[edge->target])->degree++;
    }

  graph->query = g_steal_pointer (&q);
  return g_steal_pointer (&graph);
}
