/* dm-graph-select.c — which actors and edges a view shows: a summary of the whole corpus or
 * a ranked neighbourhood of one actor, and what it leaves out
 *
 * Weight of an actor = the sentences that link it to another actor (its relations, as source
 * or target) + its distinct partners, both under the query's filters. Sentences say how much
 * the corpus is about the actor; partners keep a broker who meets many actors once above an
 * actor quoted at length about a single one. (Articles are not counted: the aggregates the
 * views read keep days, not articles, and an actor's sentences follow its articles closely.)
 *
 * The whole corpus shows the max_nodes heaviest actors (pinned ones always) and, between
 * them, their strongest pair edges: every shown actor keeps its strongest edge, then the
 * strongest others up to DM_GRAPH_EDGES_PER_NODE a node. A focus shows the actor, then ring
 * by ring ("Widen" = depth + 1) the max_neighbours actors with most evidence with the ring
 * before, and only the edges between consecutive rings unless neighbour_edges is set. Both
 * draw one edge per direction and pair ("criticises ×4, meets") coloured by the class of most
 * evidence, except the unlimited whole corpus (max_nodes 0), which honours per_pair.
 *
 * Everything is read from the aggregates of dm-store-view.c: here every actor and pair's
 * counts, under any filter; without filters but hidden and pinned actors, only the top of
 * the store's running weights and the pairs of the actors shown (dm-graph-select-top.c).
 * An edge's relation ids are looked up pair by pair when asked for
 * (dm_graph_list_edge_relation_ids): a hub's edge stands for thousands.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph"

#include "config.h"

#include <string.h>

#include "dm-graph-select-private.h"
#include "dm-store-view.h"

/* The whole corpus's edge budget: a readable 60-actor summary has ~2 edges an actor. */
#define DM_GRAPH_EDGES_PER_NODE 2


typedef struct {
  gint64           source_id;
  gint64           target_id;
  const char      *verb;          /* borrowed from the counts */
  gboolean         negated;
  guint            n;
  guint            class_counts[DM_N_CLASSES];
  GArray          *pairs;         /* gint64 source, target: the actor pairs before collapsing */
} Group;

typedef struct {
  gint64           source_id;
  gint64           target_id;
  char            *verb;          /* per verb: the verb; per pair: the most frequent */
  char            *label;
  DmRelationClass  klass;
  gboolean         negated;
  gboolean         per_pair;
  guint            n_evidence;
  GArray          *pairs;
  gboolean         shown;
} Pending;


static void
group_free (Group *group)
{
  g_clear_pointer (&group->pairs, g_array_unref);
  g_free (group);
}

static guint
group_hash (gconstpointer data)
{
  const Group *g = data;

  return g_int64_hash (&g->source_id) * 31u + g_int64_hash (&g->target_id) * 17u
         + g_str_hash (g->verb) + (guint) g->negated;
}

static gboolean
group_equal (gconstpointer a,
             gconstpointer b)
{
  const Group *x = a, *y = b;

  return x->source_id == y->source_id && x->target_id == y->target_id
         && x->negated == y->negated && strcmp (x->verb, y->verb) == 0;
}

static void
pending_clear (Pending *p)
{
  g_free (p->verb);
  g_free (p->label);
  g_clear_pointer (&p->pairs, g_array_unref);
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

static void
add_pairs (GArray       *to,
           const GArray *from)
{
  for (guint i = 0; i < from->len; i += 2)
    {
      gint64 s = g_array_index (from, gint64, i), t = g_array_index (from, gint64, i + 1);
      gboolean seen = FALSE;

      for (guint k = 0; k < to->len && !seen; k += 2)
        seen = g_array_index (to, gint64, k) == s && g_array_index (to, gint64, k + 1) == t;
      if (!seen)
        {
          g_array_append_val (to, s);
          g_array_append_val (to, t);
        }
    }
}

/* Groups of one pair together, the largest first, then by verb. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(Group * const *) a, *y = *(Group * const *) b;
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

Slot *
dm_graph_selection_slot (Selection *sel,
         gint64     id)
{
  return g_hash_table_lookup (sel->slots, &id);
}

/* Actors and the user's choices ------------------------------------------------------------ */

static char *
group_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* Officials and people belong to the country or organisation their affiliation names;
 * members of a collapsed one are read as the group itself. */
static void
assign_heads (Selection *sel)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  Slot *slot;

  g_hash_table_iter_init (&iter, sel->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    if (slot->info->type == DM_ACTOR_COUNTRY || slot->info->type == DM_ACTOR_ORGANIZATION
        || slot->info->type == DM_ACTOR_GROUP)
      g_hash_table_insert (by_name, group_key (slot->info->name), slot);

  g_hash_table_iter_init (&iter, sel->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    {
      g_autofree char *key = NULL;
      Slot *head;

      if (slot->info->affiliation == NULL || slot->info->affiliation[0] == '\0')
        continue;
      key = group_key (slot->info->affiliation);
      head = g_hash_table_lookup (by_name, key);
      if (head != NULL && head != slot
          && dm_graph_query_is_group_collapsed (sel->q, head->info->id))
        slot->head = head->info->id;
    }
}

static gboolean
load_actors (Selection  *sel,
             GPtrArray  *actors,
             GError    **error)
{
  g_autoptr(GArray) views = NULL;

  if (!(views = dm_store_list_actor_views (sel->store, error)))
    return FALSE;

  for (guint i = 0; i < actors->len; i++)
    {
      const DmActorInfo *info = g_ptr_array_index (actors, i);
      Slot *slot = g_new0 (Slot, 1);

      slot->info = info;
      slot->type_ok = (sel->q->type_mask & (1u << info->type)) != 0;
      g_hash_table_insert (sel->slots, (gpointer) &info->id, slot);
    }
  for (guint i = 0; i < views->len; i++)
    {
      const DmActorView *view = &g_array_index (views, DmActorView, i);
      Slot *slot = dm_graph_selection_slot (sel, view->actor_id);

      if (slot == NULL)
        continue;
      slot->excluded = view->excluded;
      slot->pinned = view->pinned;
      slot->has_position = view->has_position;
      slot->x = view->x;
      slot->y = view->y;
    }
  assign_heads (sel);
  return TRUE;
}

/* Edges ---------------------------------------------------------------------------------- */

static gint64
collapsed_id (Selection *sel,
              gint64     id)
{
  Slot *slot = dm_graph_selection_slot (sel, id);

  return slot != NULL && slot->head != 0 ? slot->head : id;
}

static guint
count_actors (GPtrArray *counts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < counts->len; i++)
    {
      DmRelationCount *c = counts->pdata[i];

      g_hash_table_add (seen, &c->source_id);
      g_hash_table_add (seen, &c->target_id);
    }
  return g_hash_table_size (seen);
}

gboolean
dm_graph_query_has_store_filters (const DmGraphQuery *q)
{
  return q->class_mask != DM_ALL_CLASSES
         || (q->date_from != NULL && q->date_from[0] != '\0')
         || (q->date_to != NULL && q->date_to[0] != '\0')
         || q->dated_only
         || (q->excluded_articles != NULL && q->excluded_articles->len > 0);
}

/* The counts into groups of one (source, target, verb, negated) between actors the filters
 * and the user's exclusions keep, members of collapsed groups read as their group. */
GPtrArray *
dm_graph_selection_group_counts (Selection *sel,
              GPtrArray *counts)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (group_hash, group_equal,
                                                        (GDestroyNotify) group_free, NULL);
  GPtrArray *list;
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < counts->len; i++)
    {
      const DmRelationCount *c = counts->pdata[i];
      Slot *s = dm_graph_selection_slot (sel, c->source_id), *t = dm_graph_selection_slot (sel, c->target_id);
      Group probe = { 0 }, *g;

      if (s == NULL || t == NULL || !s->type_ok || !t->type_ok)
        continue;
      s->evidence = t->evidence = TRUE;
      if (s->excluded || t->excluded)
        {
          s->touched_excluded |= s->excluded;
          t->touched_excluded |= t->excluded;
          continue;
        }
      probe.source_id = collapsed_id (sel, c->source_id);
      probe.target_id = collapsed_id (sel, c->target_id);
      /* inside a collapsed group: not an edge of the picture */
      if (probe.source_id == probe.target_id && c->source_id != c->target_id)
        continue;
      probe.verb = c->verb;
      probe.negated = c->negated;

      if (!(g = g_hash_table_lookup (groups, &probe)))
        {
          g = g_memdup2 (&probe, sizeof probe);
          g->pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_add (groups, g);
        }
      g->n += c->n;
      g->class_counts[c->klass] += c->n;
      {
        GArray one = { 0 };
        gint64 pair[2] = { c->source_id, c->target_id };

        one.data = (gchar *) pair;
        one.len = 2;
        add_pairs (g->pairs, &one);
      }
    }

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &group, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (list, group);
    }
  g_ptr_array_sort (list, compare_groups);
  return list;
}

void
dm_graph_selection_add_pending (Selection *sel,
                     GPtrArray *groups)
{
  Group **g = (Group **) groups->pdata;

  for (guint i = 0; i < groups->len;)
    {
      guint j = i;
      guint class_counts[DM_N_CLASSES] = { 0 };
      GString *label = g_string_new (NULL);
      Pending e = { 0 };

      e.source_id = g[i]->source_id;
      e.target_id = g[i]->target_id;
      e.verb = g_strdup (g[i]->verb);
      e.negated = TRUE;
      e.per_pair = sel->per_pair;
      e.pairs = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* per verb: one group; per pair: every group of the pair, the most frequent first */
      for (; j < groups->len && g[j]->source_id == e.source_id && g[j]->target_id == e.target_id
             && (sel->per_pair || j == i); j++)
        {
          g_autofree char *part = dm_graph_label_for_verb (g[j]->verb,
                                                           sel->per_pair && g[j]->negated, g[j]->n);

          if (label->len > 0)
            g_string_append (label, ", ");
          g_string_append (label, part);
          for (guint c = 0; c < DM_N_CLASSES; c++)
            class_counts[c] += g[j]->class_counts[c];
          e.negated = e.negated && g[j]->negated;
          e.n_evidence += g[j]->n;
          add_pairs (e.pairs, g[j]->pairs);
        }

      e.klass = majority_class (class_counts);
      e.label = g_string_free (label, FALSE);
      if (e.n_evidence >= MAX (sel->q->min_evidence, 1))
        g_array_append_val (sel->pending, e);
      else
        pending_clear (&e);
      i = j;
    }
}

/* Weights: sentences and distinct partners over the edges that pass the filters. */
static void
weigh_actors (Selection *sel)
{
  g_autoptr(GHashTable) partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < sel->pending->len; i++)
    {
      Pending *e = &g_array_index (sel->pending, Pending, i);
      Slot *s = dm_graph_selection_slot (sel, e->source_id), *t = dm_graph_selection_slot (sel, e->target_id);
      gint64 lo = MIN (e->source_id, e->target_id), hi = MAX (e->source_id, e->target_id);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, lo, hi);

      s->n_sentences += e->n_evidence;
      if (t != s)
        t->n_sentences += e->n_evidence;
      s->available = t->available = TRUE;
      if (g_hash_table_add (partners, key) && t != s)
        {
          s->n_partners++;
          t->n_partners++;
        }
    }
}

static double
slot_weight (const Slot *slot)
{
  return (double) slot->n_sentences + slot->n_partners;
}

/* Pinned first, then by @score (focus) or weight, then by id: the same order every time. */
static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = *(Slot * const *) a, *y = *(Slot * const *) b;

  if (x->pinned != y->pinned)
    return x->pinned ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (slot_weight (x) != slot_weight (y))
    return slot_weight (x) > slot_weight (y) ? -1 : 1;
  return (x->info->id > y->info->id) - (x->info->id < y->info->id);
}

static int
compare_slots_by_id (gconstpointer a,
                     gconstpointer b)
{
  const Slot *x = *(Slot * const *) a, *y = *(Slot * const *) b;

  return (x->info->id > y->info->id) - (x->info->id < y->info->id);
}

/* Keeps the first @budget of @candidates (sorted), pinned ones beyond it too. */
guint
dm_graph_selection_keep_best (Selection *sel,
           GPtrArray *candidates,
           guint      budget,
           guint      ring)
{
  guint n_kept = 0;

  g_ptr_array_sort (candidates, compare_slots);
  for (guint i = 0; i < candidates->len; i++)
    {
      Slot *slot = candidates->pdata[i];

      if (budget > 0 && n_kept >= budget && !slot->pinned)
        continue;
      slot->kept = TRUE;
      slot->ring = ring;
      g_ptr_array_add (sel->kept, slot);
      n_kept++;
    }
  return n_kept;
}

void
dm_graph_selection_keep_ring (Selection *sel,
                              GPtrArray *candidates,
                              GPtrArray *ring,
                              guint      r)
{
  guint first = sel->kept->len;

  dm_graph_selection_keep_best (sel, candidates, sel->q->max_neighbours, r);
  if (r == 1)
    {
      sel->counts.n_neighbours = candidates->len;
      sel->counts.n_neighbours_shown = sel->kept->len - first;
    }
  g_ptr_array_set_size (ring, 0);
  for (guint i = first; i < sel->kept->len; i++)
    g_ptr_array_add (ring, sel->kept->pdata[i]);
}

static void
select_overview (Selection *sel)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  GHashTableIter iter;
  Slot *slot;

  g_hash_table_iter_init (&iter, sel->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    {
      /* a pinned actor shows even when no edge of the view touches it */
      if (slot->available || (slot->pinned && slot->type_ok && !slot->excluded && slot->head == 0))
        g_ptr_array_add (candidates, slot);
    }
  sel->counts.n_actors_available = candidates->len;
  sel->counts.n_edges_available = sel->pending->len;
  dm_graph_selection_keep_best (sel, candidates, sel->q->max_nodes, 0);
}

static void
select_focus (Selection *sel)
{
  Slot *focus = dm_graph_selection_slot (sel, collapsed_id (sel, sel->q->focus_actor));
  g_autoptr(GHashTable) adjacency = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) ring = g_ptr_array_new ();
  guint n_available = 1;

  if (focus == NULL)
    return;

  /* undirected adjacency: per actor, the indices of its pending edges */
  for (guint i = 0; i < sel->pending->len; i++)
    {
      Pending *e = &g_array_index (sel->pending, Pending, i);
      gint64 *ends[2] = { &e->source_id, &e->target_id };

      for (guint k = 0; k < 2; k++)
        {
          GArray *list = g_hash_table_lookup (adjacency, ends[k]);

          if (list == NULL)
            g_hash_table_insert (adjacency, ends[k], (list = g_array_new (FALSE, FALSE, sizeof (guint))));
          g_array_append_val (list, i);
        }
    }

  focus->kept = TRUE;
  focus->ring = 0;
  g_ptr_array_add (sel->kept, focus);
  g_ptr_array_add (ring, focus);

  for (guint r = 1; r <= MAX (sel->q->depth, 1) && ring->len > 0; r++)
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      for (guint i = 0; i < ring->len; i++)
        {
          Slot *from = ring->pdata[i];
          GArray *list = g_hash_table_lookup (adjacency, &from->info->id);

          for (guint k = 0; list != NULL && k < list->len; k++)
            {
              Pending *e = &g_array_index (sel->pending, Pending, g_array_index (list, guint, k));
              Slot *other = dm_graph_selection_slot (sel, e->source_id == from->info->id ? e->target_id : e->source_id);

              if (other->kept)
                continue;
              if (other->score == 0)
                g_ptr_array_add (candidates, other);
              other->score += e->n_evidence;
            }
        }

      n_available += candidates->len;
      dm_graph_selection_keep_ring (sel, candidates, ring, r);
    }

  sel->counts.n_actors_available = n_available;
}

static int
compare_pending_by_strength (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  GArray *pending = user_data;
  const Pending *x = &g_array_index (pending, Pending, *(const guint *) a);
  const Pending *y = &g_array_index (pending, Pending, *(const guint *) b);

  if (x->n_evidence != y->n_evidence)
    return x->n_evidence > y->n_evidence ? -1 : 1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/* Which edges between kept actors show. */
void
dm_graph_selection_select_edges (Selection *sel)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) has_edge = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean focus = sel->q->focus_actor != 0;
  guint budget = !focus && sel->q->max_nodes > 0 ? DM_GRAPH_EDGES_PER_NODE * sel->kept->len : 0;
  guint n_shown = 0;

  for (guint i = 0; i < sel->pending->len; i++)
    {
      Pending *e = &g_array_index (sel->pending, Pending, i);
      Slot *s = dm_graph_selection_slot (sel, e->source_id), *t = dm_graph_selection_slot (sel, e->target_id);

      if (!s->kept || !t->kept)
        continue;
      if (focus)
        {
          guint d = s->ring > t->ring ? s->ring - t->ring : t->ring - s->ring;

          if (s->available && t->available)
            sel->counts.n_edges_available++;
          if (d != 1 && !sel->q->neighbour_edges)
            continue;
        }
      g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_pending_by_strength, sel->pending);

  /* every actor's strongest edge first, so that none is left floating; then by strength */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < order->len; k++)
      {
        Pending *e = &g_array_index (sel->pending, Pending, g_array_index (order, guint, k));
        Slot *s = dm_graph_selection_slot (sel, e->source_id), *t = dm_graph_selection_slot (sel, e->target_id);

        if (e->shown)
          continue;
        if (pass == 0 && budget > 0
            && g_hash_table_contains (has_edge, s) && g_hash_table_contains (has_edge, t))
          continue;
        if (budget > 0 && n_shown >= budget && pass == 1)
          break;
        e->shown = TRUE;
        n_shown++;
        g_hash_table_add (has_edge, s);
        g_hash_table_add (has_edge, t);
      }
}

/* The graph ----------------------------------------------------------------------------- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
dm_graph_list_edge_relation_ids (DmStore            *store,
                                 const DmGraph      *graph,
                                 const DmGraphEdge  *edge,
                                 GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (graph != NULL && edge != NULL, NULL);

  if (edge->pairs == NULL)
    {
      if (edge->relation_ids != NULL)
        g_array_append_vals (ids, edge->relation_ids->data, edge->relation_ids->len);
      return g_steal_pointer (&ids);
    }
  g_return_val_if_fail (store != NULL, NULL);

  for (guint i = 0; i < edge->pairs->len; i += 2)
    {
      g_autoptr(GPtrArray) rels = NULL;

      rels = dm_store_list_pair_relations (store, g_array_index (edge->pairs, gint64, i),
                                           g_array_index (edge->pairs, gint64, i + 1),
                                           graph->query, error);
      if (rels == NULL)
        return NULL;
      for (guint k = 0; k < rels->len; k++)
        {
          const DmRelationCount *r = rels->pdata[k];

          if (!edge->per_pair && (!r->negated != !edge->negated || strcmp (r->verb, edge->verb) != 0))
            continue;
          g_array_append_val (ids, r->relation_id);
        }
    }
  g_array_sort (ids, compare_gint64);
  return g_steal_pointer (&ids);
}

DmGraph *
dm_graph_selection_make_graph (Selection *sel)
{
  g_autoptr(DmGraph) graph = dm_graph_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* Nodes in actor id order: stable across queries, so layouts barely move */
  g_ptr_array_sort (sel->kept, compare_slots_by_id);
  for (guint i = 0; i < sel->kept->len; i++)
    {
      Slot *slot = sel->kept->pdata[i];
      const DmActorInfo *info = slot->info;
      DmGraphNode *node;
      guint at;

      at = dm_graph_add_node (graph, info->id, info->name, info->type, info->role,
                              info->affiliation, info->n_mentions);
      node = graph->nodes->pdata[at];
      node->n_sentences = slot->n_sentences;
      node->n_partners = slot->n_partners;
      node->weight = slot_weight (slot);
      node->pinned = slot->pinned;
      /* A dragged place is the whole graph's: an ego view is laid out around its focus */
      node->has_position = slot->has_position && sel->q->focus_actor == 0;
      node->x = slot->x;
      node->y = slot->y;
      node->n_members = slot->n_members;
      node->ring = slot->ring;
      g_hash_table_insert (index, (gpointer) &info->id, GUINT_TO_POINTER (at));
    }

  /* pending is sorted by (source id, target id, …), which is node order too */
  for (guint i = 0; i < sel->pending->len; i++)
    {
      Pending *e = &g_array_index (sel->pending, Pending, i);
      gpointer s, t;
      DmGraphEdge *edge;

      if (!e->shown
          || !g_hash_table_lookup_extended (index, &e->source_id, NULL, &s)
          || !g_hash_table_lookup_extended (index, &e->target_id, NULL, &t))
        continue;

      edge = dm_graph_edge_new (GPOINTER_TO_UINT (s), GPOINTER_TO_UINT (t), e->verb, e->klass,
                                e->negated, e->n_evidence);
      edge->label = g_steal_pointer (&e->label);
      edge->pairs = g_steal_pointer (&e->pairs);
      edge->per_pair = e->per_pair;
      g_ptr_array_add (graph->edges, edge);

      ((DmGraphNode *) graph->nodes->pdata[edge->source])->degree++;
      if (edge->target != edge->source)
        ((DmGraphNode *) graph->nodes->pdata[edge->target])->degree++;
    }

  dm_graph_assign_groups (graph);
  return g_steal_pointer (&graph);
}

static void
count_hidden (Selection *sel)
{
  GHashTableIter iter;
  Slot *slot;

  g_hash_table_iter_init (&iter, sel->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    {
      if (slot->touched_excluded)
        sel->counts.n_actors_excluded++;
      if (slot->head != 0 && slot->evidence)
        dm_graph_selection_slot (sel, slot->head)->n_members++;
    }
  sel->counts.n_actors_shown = sel->kept->len;
  sel->counts.n_actors_over_budget = sel->counts.n_actors_available > sel->kept->len
                                     ? sel->counts.n_actors_available - sel->kept->len : 0;
}

/* The whole corpus read from the aggregates: every actor, every pair's counts. */
gboolean
dm_graph_select_from_all_counts (Selection  *sel,
                                 GError    **error)
{
  DmGraphQuery *q = sel->q;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) all_counts = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  GHashTableIter iter;
  Slot *slot;
  guint n_filtered_in = 0;

  if (!(actors = dm_store_list_view_actors (sel->store, DM_ALL_ACTOR_TYPES, error))
      || !load_actors (sel, actors, error)
      || !(counts = dm_store_list_relation_counts (sel->store, q, error)))
    return FALSE;
  if (dm_graph_query_has_store_filters (q))
    {
      if (!(all_counts = dm_store_list_relation_counts (sel->store, NULL, error)))
        return FALSE;
      sel->counts.n_actors_total = count_actors (all_counts);
    }
  else
    sel->counts.n_actors_total = count_actors (counts);

  /* the slots borrow the actors' infos until the graph is made */
  g_ptr_array_extend_and_steal (sel->infos, g_steal_pointer (&actors));

  groups = dm_graph_selection_group_counts (sel, counts);
  dm_graph_selection_add_pending (sel, groups);
  weigh_actors (sel);

  g_hash_table_iter_init (&iter, sel->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    n_filtered_in += slot->available || slot->touched_excluded
                     || (slot->head != 0 && slot->evidence);

  if (q->focus_actor != 0)
    select_focus (sel);
  else
    select_overview (sel);
  dm_graph_selection_select_edges (sel);
  count_hidden (sel);
  /* collapsed members count as their group, not as filtered out */
  sel->counts.n_actors_filtered = sel->counts.n_actors_total > n_filtered_in
                                  ? sel->counts.n_actors_total - n_filtered_in : 0;
  return TRUE;
}


GArray *
dm_graph_selection_new_pending (void)
{
  GArray *pending = g_array_new (FALSE, TRUE, sizeof (Pending));

  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);
  return pending;
}
