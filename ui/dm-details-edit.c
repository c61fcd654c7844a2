/* dm-details-edit.c — the corrections the details panel offers on an actor and on a relation
 *
 * Nothing here changes the corpus itself: every row and menu item activates "win.edit" with
 * the edit (dm-edit.h), and the window runs it on a thread, says so with "Undo" and reloads.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-details-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dm-details-edit.h"
#include "dm-edit.h"

static gint64
widget_get_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "dm-edit-id");

  return id ? *id : 0;
}

static void
widget_set_id (GtkWidget *widget,
               gint64     id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  g_object_set_data_full (G_OBJECT (widget), "dm-edit-id", copy, g_free);
}

/* Name, role and affiliation: the entry row's text on "apply" (Enter or the check button). */
static void
entry_row_apply_cb (AdwEntryRow *row,
                    const char  *kind)
{
  gint64 id = widget_get_id (GTK_WIDGET (row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  /* An actor needs a name; role and affiliation may be cleared. */
  if (g_str_equal (kind, "rename") && text[0] == 0)
    return;

  dm_edit_activate (GTK_WIDGET (row), kind, text, &id, 1);
}

static GtkWidget *
make_entry_row (const char *title,
                const char *text,
                const char *kind,
                gint64      actor_id)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  widget_set_id (row, actor_id);
  g_signal_connect (row, "apply", G_CALLBACK (entry_row_apply_cb), (gpointer) kind);

  return row;
}

static void
type_row_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      gpointer     user_data)
{
  gint64 ids[2] = { widget_get_id (GTK_WIDGET (row)), adw_combo_row_get_selected (row) };

  if (ids[1] < DM_N_ACTOR_TYPES)
    dm_edit_activate (GTK_WIDGET (row), "set-type", NULL, ids, 2);
}

static void
split_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  gint64 id = widget_get_id (GTK_WIDGET (button));

  dm_edit_activate (GTK_WIDGET (button), "split",
                    g_object_get_data (G_OBJECT (button), "alias"), &id, 1);
}

static void
not_actor_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  gint64 id = widget_get_id (GTK_WIDGET (button));

  dm_edit_activate (GTK_WIDGET (button), "not-actor", NULL, &id, 1);
}

GtkWidget *
dm_details_actor_editor_new (const DmActorInfo  *actor,
                             const char * const *aliases)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *button;

  g_return_val_if_fail (actor != NULL, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Correct"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Corrections are kept as rules: later imports follow them"));

  row = make_entry_row (_("Name"), actor->name, "rename", actor->id);
  gtk_widget_set_name (row, "actor-name-row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    gtk_string_list_append (types, dm_actor_type_to_label (i));
  row = adw_combo_row_new ();
  gtk_widget_set_name (row, "actor-type-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (types));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), actor->type);
  widget_set_id (row, actor->id);
  g_signal_connect (row, "notify::selected", G_CALLBACK (type_row_selected_cb), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             make_entry_row (_("Role"), actor->role, "set-role", actor->id));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             make_entry_row (_("Affiliation"), actor->affiliation,
                                             "set-affiliation", actor->id));

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (aliases[i], -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Alias"));
      button = gtk_button_new_with_label (_("Split Off"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Make the mentions written this way an actor of their own"));
      widget_set_id (button, actor->id);
      g_object_set_data_full (G_OBJECT (button), "alias", g_strdup (aliases[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (split_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not an Actor"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Remove it with its relations; the name is never an actor again"));
  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_name (button, "not-actor-button");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  widget_set_id (button, actor->id);
  g_signal_connect (button, "clicked", G_CALLBACK (not_actor_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return group;
}

static void
append_edit_item (GMenu      *menu,
                  const char *label,
                  const char *kind,
                  const char *text,
                  gint64      id,
                  gint64      argument,
                  gboolean    with_argument)
{
  gint64 ids[2] = { id, argument };
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, DM_EDIT_ACTION,
                                           dm_edit_variant_new (kind, text, ids,
                                                                with_argument ? 2 : 1));
  g_menu_append_item (menu, item);
}

GtkWidget *
dm_details_relation_menu_new (const DmRelationInfo *relation)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  g_autoptr(GMenu) classes = g_menu_new ();
  g_autoptr(GMenu) pair = g_menu_new ();
  GtkWidget *button;

  g_return_val_if_fail (relation != NULL, NULL);

  append_edit_item (edits, _("_Delete This Relation"), "delete-relation", NULL,
                    relation->id, 0, FALSE);
  append_edit_item (edits, _("_Flip Direction"), "flip", NULL, relation->id, 0, FALSE);
  append_edit_item (edits, relation->negated ? _("Mark as _Affirmed") : _("Mark as _Negated"),
                    "set-negated", NULL, relation->id, !relation->negated, TRUE);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));

  for (guint c = 0; c < DM_N_CLASSES; c++)
    {
      g_autofree char *label = NULL;

      if (c == (guint) relation->klass)
        continue;
      label = g_ascii_strdown (dm_relation_class_to_string (c), -1);
      label[0] = g_ascii_toupper (label[0]);
      append_edit_item (classes, label, "set-verb", relation->verb, relation->id, c, TRUE);
    }
  g_menu_append_submenu (menu, _("Change _Class"), G_MENU_MODEL (classes));

  {
    gint64 ids[2] = { relation->source_id, relation->target_id };
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Delete _Every Relation Between the Two"), NULL);

    g_menu_item_set_action_and_target_value (item, DM_EDIT_ACTION,
                                             dm_edit_variant_new ("delete-pair", NULL, ids, 2));
    g_menu_append_item (pair, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (pair));
  }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Correct This Relation"));

  return button;
}
