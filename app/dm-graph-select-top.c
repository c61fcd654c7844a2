/* dm-graph-select-top.c — the views a corpus opens on, read off the store's running weights
 * instead of every actor and pair
 *
 * Without filters an actor's weight in a view is what the store keeps in actor_weights (its
 * sentences + its distinct partners over every pair), so the overview's heaviest actors are
 * the top of an index, and an ego view needs only the pairs of the actors in its rings. The
 * user's hidden actors are the one choice every view carries (they are saved in the corpus):
 * their pairs are read and taken off their partners' weights, which makes the stored weight
 * an upper bound, so the index is read down until no actor further down can rank higher.
 * The "N of M" counts come from the store's running totals less what the hidden actors
 * take away. Any other filter (types, classes, dates, left-out articles, min evidence,
 * collapsed groups) and the unlimited overview go through dm-graph-select.c's full count,
 * whose results these equal (tests/test-graph-top.c).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph"

#include "config.h"

#include "dm-graph-select-private.h"
#include "dm-store-view.h"

/* Actors read off the weight index per step: a few pages cover a 60-actor overview. */
#define HEAVIEST_PAGE 256

typedef struct {
  GHashTable *views;            /* gint64 id → DmActorView *, borrowed from view_rows */
  GArray     *view_rows;
  GHashTable *minus_sentences;  /* gint64 id → guint: relations with hidden actors */
  GHashTable *minus_partners;   /* gint64 id → guint: hidden partners */
  guint       n_hidden_with_evidence;
  guint       n_pairs_hidden;   /* directed pairs with a hidden end */
  guint       n_orphaned;       /* shown actors whose every partner is hidden */
} Hidden;

static void
hidden_clear (Hidden *h)
{
  g_clear_pointer (&h->views, g_hash_table_unref);
  g_clear_pointer (&h->view_rows, g_array_unref);
  g_clear_pointer (&h->minus_sentences, g_hash_table_unref);
  g_clear_pointer (&h->minus_partners, g_hash_table_unref);
}

static const DmActorView *
view_of (Hidden *h,
         gint64  id)
{
  return g_hash_table_lookup (h->views, &id);
}

static gboolean
is_hidden (Hidden *h,
           gint64  id)
{
  const DmActorView *view = view_of (h, id);

  return view != NULL && view->excluded;
}

static void
add_to (GHashTable *table,
        gint64      id,
        guint       n)
{
  gint64 *key = g_new (gint64, 1);
  gpointer old = NULL;

  *key = id;
  if (g_hash_table_lookup_extended (table, key, NULL, &old))
    {
      g_hash_table_insert (table, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + n));
      return;
    }
  g_hash_table_insert (table, key, GUINT_TO_POINTER (n));
}

static guint
lookup_count (GHashTable *table,
              gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, &id));
}

static char *
pair_key (gint64 a,
          gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b);
}

/* The user's choices, and what the hidden actors take off the others' weights and the
 * corpus's totals: their pairs, partner by partner. */
static gboolean
load_hidden (Selection  *sel,
             Hidden     *h,
             GError    **error)
{
  g_autoptr(GHashTable) directed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) undirected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) weights = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!(h->view_rows = dm_store_list_actor_views (sel->store, error)))
    return FALSE;
  h->views = g_hash_table_new (g_int64_hash, g_int64_equal);
  h->minus_sentences = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  h->minus_partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < h->view_rows->len; i++)
    {
      DmActorView *view = &g_array_index (h->view_rows, DmActorView, i);

      g_hash_table_insert (h->views, &view->actor_id, view);
    }

  for (guint i = 0; i < h->view_rows->len; i++)
    {
      const DmActorView *view = &g_array_index (h->view_rows, DmActorView, i);
      g_autoptr(GPtrArray) rows = NULL;

      if (!view->excluded)
        continue;
      if (!(rows = dm_store_list_actor_pair_counts (sel->store, view->actor_id, error)))
        return FALSE;
      h->n_hidden_with_evidence += rows->len > 0;
      for (guint k = 0; k < rows->len; k++)
        {
          const DmRelationCount *c = rows->pdata[k];
          gint64 other = c->source_id == view->actor_id ? c->target_id : c->source_id;

          g_hash_table_add (directed, pair_key (c->source_id, c->target_id));
          if (other == view->actor_id || is_hidden (h, other))
            continue;
          add_to (h->minus_sentences, other, c->n);
          if (g_hash_table_add (undirected, pair_key (other, view->actor_id)))
            add_to (h->minus_partners, other, 1);
        }
    }
  h->n_pairs_hidden = g_hash_table_size (directed);

  /* a partner left with nothing but hidden partners (and no pair with itself) has no
   * relation in the views any more */
  g_hash_table_iter_init (&iter, h->minus_sentences);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (partners, *(gint64 *) key);
  if (!(weights = dm_store_list_actor_weights (sel->store, partners, error)))
    return FALSE;
  for (guint i = 0; i < weights->len; i++)
    {
      const DmActorWeight *w = &g_array_index (weights, DmActorWeight, i);

      h->n_orphaned += w->n_sentences <= lookup_count (h->minus_sentences, w->actor_id);
    }
  return TRUE;
}

/* The slot of @id, made with a bare DmActorInfo (its id) when new; *@made TRUE then. */
static Slot *
ensure_slot (Selection *sel,
             Hidden    *h,
             gint64     id,
             gboolean  *made)
{
  Slot *slot = dm_graph_selection_slot (sel, id);
  const DmActorView *view;
  DmActorInfo *info;

  if (made != NULL)
    *made = slot == NULL;
  if (slot != NULL)
    return slot;

  info = g_new0 (DmActorInfo, 1);
  info->id = id;
  g_ptr_array_add (sel->infos, info);
  slot = g_new0 (Slot, 1);
  slot->info = info;
  slot->type_ok = TRUE;
  if ((view = view_of (h, id)) != NULL)
    {
      slot->excluded = view->excluded;
      slot->pinned = view->pinned;
      slot->has_position = view->has_position;
      slot->x = view->x;
      slot->y = view->y;
    }
  g_hash_table_insert (sel->slots, (gpointer) &info->id, slot);
  return slot;
}

/* Sets the weight of @slot from its stored one less what hidden actors take. */
static void
weigh (Slot                *slot,
       Hidden              *h,
       const DmActorWeight *w)
{
  guint minus_s = lookup_count (h->minus_sentences, slot->info->id);
  guint minus_p = lookup_count (h->minus_partners, slot->info->id);

  slot->n_sentences = w->n_sentences > minus_s ? w->n_sentences - minus_s : 0;
  slot->n_partners = w->n_partners > minus_p ? w->n_partners - minus_p : 0;
  slot->available = !slot->excluded && slot->n_sentences > 0;
}

/* Weighs the slots of @slots (Slot) from the store's weights, in one read. */
static gboolean
weigh_slots (Selection  *sel,
             Hidden     *h,
             GPtrArray  *slots,
             GError    **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), slots->len);
  g_autoptr(GArray) weights = NULL;

  for (guint i = 0; i < slots->len; i++)
    g_array_append_val (ids, ((Slot *) slots->pdata[i])->info->id);
  if (!(weights = dm_store_list_actor_weights (sel->store, ids, error)))
    return FALSE;
  for (guint i = 0; i < weights->len; i++)
    {
      const DmActorWeight *w = &g_array_index (weights, DmActorWeight, i);

      weigh (dm_graph_selection_slot (sel, w->actor_id), h, w);
    }
  return TRUE;
}

static double
weight_of (const Slot *slot)
{
  return (double) slot->n_sentences + slot->n_partners;
}

static int
compare_weights_down (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
}

/* The whole corpus: pinned actors, then the heaviest others down the index until the
 * budget's last place is heavier than any stored weight further down. */
static gboolean
choose_overview (Selection  *sel,
                 Hidden     *h,
                 guint       n_available,
                 GError    **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  guint n_pinned = 0, n_unpinned = 0;
  guint budget = sel->q->max_nodes;

  for (guint i = 0; i < h->view_rows->len; i++)
    {
      const DmActorView *view = &g_array_index (h->view_rows, DmActorView, i);

      if (view->pinned && !view->excluded)
        g_ptr_array_add (candidates, ensure_slot (sel, h, view->actor_id, NULL));
    }
  if (!weigh_slots (sel, h, candidates, error))
    return FALSE;
  n_pinned = candidates->len;
  /* a pinned actor shows even without a relation in the view */
  for (guint i = 0; i < candidates->len; i++)
    n_available += !((Slot *) candidates->pdata[i])->available;

  for (guint offset = 0; n_pinned < budget;)
    {
      g_autoptr(GArray) page = dm_store_list_heaviest_actors (sel->store, offset, HEAVIEST_PAGE, error);
      g_autoptr(GArray) kept_weights = g_array_new (FALSE, FALSE, sizeof (double));
      guint need = budget - n_pinned;
      double last = 0;

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          const DmActorWeight *w = &g_array_index (page, DmActorWeight, i);
          gboolean made;
          Slot *slot = ensure_slot (sel, h, w->actor_id, &made);

          last = (double) w->n_sentences + w->n_partners;
          if (!made)
            continue;   /* pinned, weighed already */
          weigh (slot, h, w);
          if (slot->available)
            {
              g_ptr_array_add (candidates, slot);
              n_unpinned++;
            }
        }
      offset += page->len;
      if (page->len < HEAVIEST_PAGE)
        break;
      if (n_unpinned < need)
        continue;
      /* every actor further down weighs at most @last: done when the budget's last place
       * is heavier (an equal one could still win on its id) */
      for (guint i = 0; i < candidates->len; i++)
        if (!((Slot *) candidates->pdata[i])->pinned)
          {
            double w = weight_of (candidates->pdata[i]);

            g_array_append_val (kept_weights, w);
          }
      g_array_sort (kept_weights, compare_weights_down);
      if (g_array_index (kept_weights, double, need - 1) > last)
        break;
    }

  sel->counts.n_actors_available = n_available;
  dm_graph_selection_keep_best (sel, candidates, budget, 0);
  return TRUE;
}

/* An actor's rings, as dm-graph-select.c's select_focus() draws them, from the pairs of the
 * ring before only. */
static gboolean
choose_focus (Selection  *sel,
              Hidden     *h,
              GError    **error)
{
  g_autoptr(GPtrArray) ring = g_ptr_array_new ();
  Slot *focus = ensure_slot (sel, h, sel->q->focus_actor, NULL);
  guint n_available = 1;

  g_ptr_array_add (ring, focus);
  if (!weigh_slots (sel, h, ring, error))
    return FALSE;
  focus->kept = TRUE;
  focus->ring = 0;
  g_ptr_array_add (sel->kept, focus);

  for (guint r = 1; r <= MAX (sel->q->depth, 1) && ring->len > 0; r++)
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      for (guint i = 0; i < ring->len; i++)
        {
          gint64 from = ((Slot *) ring->pdata[i])->info->id;
          g_autoptr(GPtrArray) rows = dm_store_list_actor_pair_counts (sel->store, from, error);

          if (rows == NULL)
            return FALSE;
          for (guint k = 0; k < rows->len; k++)
            {
              const DmRelationCount *c = rows->pdata[k];
              gint64 id = c->source_id == from ? c->target_id : c->source_id;
              Slot *other;

              if (id == from || is_hidden (h, id))
                continue;
              other = ensure_slot (sel, h, id, NULL);
              if (other->kept)
                continue;
              if (other->score == 0)
                g_ptr_array_add (candidates, other);
              other->score += c->n;
            }
        }

      if (!weigh_slots (sel, h, candidates, error))
        return FALSE;
      n_available += candidates->len;
      dm_graph_selection_keep_ring (sel, candidates, ring, r);
    }

  sel->counts.n_actors_available = n_available;
  return TRUE;
}

/* The kept actors' names and types, and the edges among them. */
static gboolean
finish_kept (Selection  *sel,
             GError    **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), sel->kept->len);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  for (guint i = 0; i < sel->kept->len; i++)
    g_array_append_val (ids, ((Slot *) sel->kept->pdata[i])->info->id);
  if (!(infos = dm_store_list_view_actors_by_id (sel->store, ids, error)))
    return FALSE;
  for (guint i = 0; i < infos->len; i++)
    {
      DmActorInfo *info = infos->pdata[i];

      /* the bare info stays in sel->infos: the slot table's key points into it */
      dm_graph_selection_slot (sel, info->id)->info = info;
      g_ptr_array_add (sel->infos, g_steal_pointer (&infos->pdata[i]));
    }

  if (!(counts = dm_store_list_pair_counts_among (sel->store, ids, error)))
    return FALSE;
  groups = dm_graph_selection_group_counts (sel, counts);
  dm_graph_selection_add_pending (sel, groups);
  dm_graph_selection_select_edges (sel);
  return TRUE;
}

static gboolean
query_applies (const DmGraphQuery *q)
{
  return !dm_graph_query_has_store_filters (q) && q->type_mask == DM_ALL_ACTOR_TYPES
         && q->min_evidence <= 1
         && (q->collapsed_groups == NULL || q->collapsed_groups->len == 0)
         && (q->focus_actor != 0 || q->max_nodes > 0);
}

gboolean
dm_graph_select_top (Selection  *sel,
                     gboolean   *applied,
                     GError    **error)
{
  Hidden h = { 0 };
  guint n_actors = 0, n_pairs = 0, n_available;
  gboolean ok;

  *applied = FALSE;
  if (!query_applies (sel->q))
    return TRUE;
  if (sel->q->focus_actor != 0)
    {
      g_autoptr(GArray) focus = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) found = NULL;

      g_array_append_val (focus, sel->q->focus_actor);
      if (!(found = dm_store_list_view_actors_by_id (sel->store, focus, error)))
        return FALSE;
      if (found->len == 0)
        return TRUE;   /* no such actor: the full count says what that shows */
    }

  ok = dm_store_get_view_totals (sel->store, &n_actors, &n_pairs, error)
       && load_hidden (sel, &h, error);
  /* a hidden focus: the full count draws it alone */
  if (ok && sel->q->focus_actor != 0 && is_hidden (&h, sel->q->focus_actor))
    {
      hidden_clear (&h);
      return TRUE;
    }
  *applied = TRUE;

  n_available = n_actors - MIN (n_actors, h.n_hidden_with_evidence + h.n_orphaned);
  if (ok && sel->q->focus_actor != 0)
    ok = choose_focus (sel, &h, error);
  else if (ok)
    {
      ok = choose_overview (sel, &h, n_available, error);
      sel->counts.n_edges_available = n_pairs - MIN (n_pairs, h.n_pairs_hidden);
    }
  ok = ok && finish_kept (sel, error);

  sel->counts.n_actors_total = n_actors;
  sel->counts.n_actors_excluded = h.n_hidden_with_evidence;
  sel->counts.n_actors_filtered = h.n_orphaned;
  sel->counts.n_actors_shown = sel->kept->len;
  sel->counts.n_actors_over_budget = sel->counts.n_actors_available > sel->kept->len
                                     ? sel->counts.n_actors_available - sel->kept->len : 0;
  hidden_clear (&h);
  return ok;
}
