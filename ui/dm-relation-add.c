/* dm-relation-add.c — adds a relation by hand from an evidence sentence
 *
 * The extractor missed something a sentence says ("…and thanked Germany"): the person picks
 * the source and the target among the actors the sentence names, a verb and its class, and
 * the relation is an edit like any other (journal, undo, a rule kept for re-extraction).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relation-add"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dm-curation.h"
#include "dm-edit.h"
#include "dm-relation-add.h"

typedef struct {
  GtkWidget *source;     /* the window (a strong reference) */
  GArray    *actor_ids;  /* gint64, the sentence's actors in the drop-downs' order */
  gint64     article_id;
  DmSpan     sentence;
  GtkWidget *source_dropdown;
  GtkWidget *target_dropdown;
  GtkWidget *verb_entry;
  GtkWidget *class_dropdown;
  GtkWidget *negated_check;
} AddRelation;

static void
add_relation_free (AddRelation *add)
{
  g_clear_object (&add->source);
  g_clear_pointer (&add->actor_ids, g_array_unref);
  g_free (add);
}

static gboolean
choice_is_valid (AddRelation *add)
{
  g_autofree char *verb = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->verb_entry))));

  guint source = gtk_drop_down_get_selected (GTK_DROP_DOWN (add->source_dropdown));
  guint target = gtk_drop_down_get_selected (GTK_DROP_DOWN (add->target_dropdown));

  return verb[0] != '\0' && strchr (verb, '|') == NULL &&
         source < add->actor_ids->len && target < add->actor_ids->len && source != target;
}

static void
choice_changed_cb (AdwMessageDialog *dialog)
{
  AddRelation *add = g_object_get_data (G_OBJECT (dialog), "add-relation");

  adw_message_dialog_set_response_enabled (dialog, "add", choice_is_valid (add));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response)
{
  AddRelation *add = g_object_get_data (G_OBJECT (dialog), "add-relation");
  g_autofree char *verb = NULL;
  gint64 ids[7];

  if (!g_str_equal (response, "add") || !choice_is_valid (add))
    return;

  verb = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->verb_entry))));
  ids[0] = add->article_id;
  ids[1] = add->sentence.start;
  ids[2] = add->sentence.end;
  ids[3] = g_array_index (add->actor_ids, gint64, gtk_drop_down_get_selected (GTK_DROP_DOWN (add->source_dropdown)));
  ids[4] = g_array_index (add->actor_ids, gint64, gtk_drop_down_get_selected (GTK_DROP_DOWN (add->target_dropdown)));
  ids[5] = gtk_drop_down_get_selected (GTK_DROP_DOWN (add->class_dropdown));
  ids[6] = gtk_check_button_get_active (GTK_CHECK_BUTTON (add->negated_check));
  dm_edit_activate (add->source, "add-relation", verb, ids, G_N_ELEMENTS (ids));
}

/* A labelled row of the form; the label names the widget for screen readers. */
static void
attach_row (GtkGrid    *grid,
            int         row,
            const char *mnemonic,
            GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

void
dm_relation_add_ask (GtkWidget            *source,
                     DmCorpus             *corpus,
                     const DmRelationInfo *relation)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  AddRelation *add;
  GtkWidget *dialog, *grid;
  GtkRoot *root;
  guint source_index = 0, target_index = 1;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (DM_IS_CORPUS (corpus));
  g_return_if_fail (relation != NULL);

  add = g_new0 (AddRelation, 1);
  add->article_id = relation->article_id;
  add->sentence = relation->sentence;
  add->actor_ids = dm_store_list_sentence_actors (dm_corpus_get_store (corpus), relation->article_id,
                                                  relation->sentence, &error);
  if (add->actor_ids == NULL)
    {
      g_warning ("Could not read the sentence's actors: %s", error->message);
      add_relation_free (add);
      return;
    }
  for (guint i = 0; i < add->actor_ids->len; i++)
    {
      gint64 id = g_array_index (add->actor_ids, gint64, i);
      g_autoptr(DmActorInfo) actor = dm_store_get_actor (dm_corpus_get_store (corpus), id, NULL);

      gtk_string_list_append (names, actor != NULL ? actor->name : "?");
      if (id == relation->target_id)
        target_index = i;
      if (id == relation->source_id)
        source_index = i;
    }
  /* the other way round by default: what the extractor found is there already */
  if (add->actor_ids->len >= 2)
    {
      guint swap = source_index;

      source_index = target_index;
      target_index = swap;
    }
  for (guint c = 0; c < DM_N_CLASSES; c++)
    {
      g_autofree char *label = g_ascii_strdown (dm_relation_class_to_string (c), -1);

      label[0] = g_ascii_toupper (label[0]);
      gtk_string_list_append (classes, label);
    }

  root = gtk_widget_get_root (source);
  add->source = g_object_ref (GTK_WIDGET (root));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add a Relation"), relation->sentence_text);
  gtk_widget_set_name (dialog, "add-relation-dialog");

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add->source_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  add->verb_entry = gtk_entry_new ();
  add->class_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (classes)), NULL);
  add->target_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  add->negated_check = gtk_check_button_new_with_mnemonic (_("_Negated (“does not …”)"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (add->source_dropdown), source_index);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (add->target_dropdown), target_index);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (add->class_dropdown), relation->klass);
  gtk_editable_set_text (GTK_EDITABLE (add->verb_entry), relation->verb);
  gtk_entry_set_activates_default (GTK_ENTRY (add->verb_entry), TRUE);
  attach_row (GTK_GRID (grid), 0, _("_Source"), add->source_dropdown);
  attach_row (GTK_GRID (grid), 1, _("_Verb"), add->verb_entry);
  attach_row (GTK_GRID (grid), 2, _("_Class"), add->class_dropdown);
  attach_row (GTK_GRID (grid), 3, _("_Target"), add->target_dropdown);
  gtk_grid_attach (GTK_GRID (grid), add->negated_check, 1, 4, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Relation"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "add-relation", add, (GDestroyNotify) add_relation_free);
  g_signal_connect_swapped (add->source_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), dialog);
  g_signal_connect_swapped (add->target_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), dialog);
  g_signal_connect_swapped (add->verb_entry, "changed", G_CALLBACK (choice_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  choice_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (GtkButton *button,
                DmCorpus  *corpus)
{
  dm_relation_add_ask (GTK_WIDGET (button), corpus, g_object_get_data (G_OBJECT (button), "relation"));
}

GtkWidget *
dm_relation_add_button_new (DmCorpus             *corpus,
                            GPtrArray            *relations,
                            const DmRelationInfo *relation)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  g_return_val_if_fail (DM_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (relations != NULL && relation != NULL, NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add a Relation from This Sentence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a relation from this sentence"), -1);
  /* the button borrows its relation and keeps the whole array alive */
  g_object_set_data_full (G_OBJECT (button), "relations", g_ptr_array_ref (relations),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (button), "relation", (gpointer) relation);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), corpus, 0);
  return button;
}
