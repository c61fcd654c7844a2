/* dm-actors-merge.c — the bar under the actors list that merges the selected actors
 *
 * Ctrl+click or Shift+click selects several actors; the bar offers to merge them into the
 * one the articles mention most (its name is kept, the others' names become its aliases).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-actors-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-actor-item.h"
#include "dm-actors-merge.h"
#include "dm-edit.h"

/* The selected actors' ids, the one to keep first. */
static GArray *
selected_actor_ids (GtkSelectionModel  *selection,
                    char              **keep_name)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint best_mentions = 0;
  GtkBitsetIter iter;
  guint position;

  *keep_name = NULL;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DmActorItem) item = g_list_model_get_item (G_LIST_MODEL (selection), position);
      gint64 id;

      if (item == NULL)
        continue;
      id = dm_actor_item_get_id (item);
      if (ids->len == 0 || dm_actor_item_get_n_mentions (item) > best_mentions)
        {
          g_array_prepend_val (ids, id);
          best_mentions = dm_actor_item_get_n_mentions (item);
          g_free (*keep_name);
          *keep_name = g_strdup (dm_actor_item_get_name (item));
        }
      else
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
selection_changed_cb (GtkSelectionModel *selection,
                      guint              position,
                      guint              n_items,
                      GtkRevealer       *revealer)
{
  GtkWidget *button = gtk_revealer_get_child (revealer);
  g_autofree char *keep_name = NULL;
  g_autoptr(GArray) ids = selected_actor_ids (selection, &keep_name);

  if (ids->len >= 2)
    {
      /* Translators: %u actors are merged into the one named %s */
      g_autofree char *label = g_strdup_printf (ngettext ("Merge %u Actor into “%s”",
                                                          "Merge %u Actors into “%s”",
                                                          ids->len - 1),
                                                ids->len - 1, keep_name);

      gtk_button_set_label (GTK_BUTTON (button), label);
    }
  gtk_revealer_set_reveal_child (revealer, ids->len >= 2);
}

static void
merge_clicked_cb (GtkButton         *button,
                  GtkSelectionModel *selection)
{
  g_autofree char *keep_name = NULL;
  g_autoptr(GArray) ids = selected_actor_ids (selection, &keep_name);

  if (ids->len < 2)
    return;

  dm_edit_activate (GTK_WIDGET (button), "merge", NULL, (const gint64 *) ids->data, ids->len);
  gtk_selection_model_unselect_all (selection);
}

GtkWidget *
dm_actors_merge_bar_new (GtkSelectionModel *selection)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *button = gtk_button_new ();

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (selection), NULL);

  gtk_widget_set_name (button, "merge-button");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  gtk_widget_set_tooltip_text (button, _("The others' names become aliases of the one kept"));
  gtk_revealer_set_child (GTK_REVEALER (revealer), button);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);

  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           revealer, 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (merge_clicked_cb), selection, 0);

  return revealer;
}
