/* dm-corrections-dialog.c — the corpus's corrections as rules: list, switch off, share
 *
 * Every edit leaves rules that later imports follow. This window lists them in the order
 * they apply (what, when, how many relations they touched), switches them off and on (an
 * edit too, with undo), and exports them to a rules file or imports one from a colleague.
 * The rules are read on a worker thread; switching and importing go through the main
 * window's edits ("win.edit"), so they are undone like any other.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-corrections"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dm-corrections-dialog.h"
#include "dm-curation.h"
#include "dm-edit.h"
#include "dm-window-private.h"

struct _DmCorrectionsDialog
{
  AdwWindow             parent_instance;

  DmWindow             *window;       /* weak */
  GCancellable         *cancellable;
  guint                 n_rules;

  AdwPreferencesGroup  *group;
  GPtrArray            *rule_rows;
  AdwStatusPage        *empty_page;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (DmCorrectionsDialog, dm_corrections_dialog, ADW_TYPE_WINDOW)

static void dm_corrections_dialog_reload (DmCorrectionsDialog *self);

/* ------------------------------------------------------------------------------------------ */
/* The list */

static void
rule_switch_cb (GtkSwitch           *toggle,
                GParamSpec          *pspec,
                DmCorrectionsDialog *self)
{
  gint64 ids[2] = { 0, gtk_switch_get_active (toggle) };
  gint64 *rule_id = g_object_get_data (G_OBJECT (toggle), "rule-id");

  if (self->window == NULL || rule_id == NULL)
    return;

  ids[0] = *rule_id;
  _dm_window_run_edit (self->window, dm_edit_variant_new ("rule-enabled", NULL, ids, 2));
}

static GtkWidget *
make_rule_row (DmCorrectionsDialog *self,
               const DmRuleInfo    *rule)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = g_markup_escape_text (rule->description ? rule->description : rule->key, -1);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *label = NULL;
  gint64 *rule_id = g_new (gint64, 1);

  /* "2026-12-05T17:20:00Z" reads as "2026-12-05 17:20". */
  when = rule->made_at ? g_strndup (rule->made_at, 16) : g_strdup ("");
  if (strlen (when) > 10)
    when[10] = ' ';
  subtitle = g_strdup_printf (ngettext ("%s · %s · %u relation", "%s · %s · %u relations",
                                        rule->n_relations),
                              dm_rule_kind_to_string (rule->kind), when, rule->n_relations);
  escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  *rule_id = rule->id;
  g_object_set_data_full (G_OBJECT (toggle), "rule-id", rule_id, g_free);
  gtk_switch_set_active (GTK_SWITCH (toggle), rule->enabled);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  /* Translators: %s describes a rule, e.g. "“Tory Party” is “Conservative Party”" */
  label = g_strdup_printf (_("Apply “%s” to later imports"), rule->description ? rule->description : rule->key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (rule_switch_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

  return row;
}

static void
rules_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *rules = dm_store_list_rules (dm_corpus_get_store (task_data), &error);

  if (rules == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rules, (GDestroyNotify) g_ptr_array_unref);
}

static void
rules_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DmCorrectionsDialog *self;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DM_CORRECTIONS_DIALOG (user_data);

  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rule_rows, i));
  g_ptr_array_set_size (self->rule_rows, 0);

  if (rules == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Rules"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->n_rules = 0;
      return;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      GtkWidget *row = make_rule_row (self, g_ptr_array_index (rules, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  self->n_rules = rules->len;

  adw_status_page_set_title (self->empty_page, _("No Corrections Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Merge, rename or correct actors and relations: each correction becomes a rule every later import follows"));
  gtk_stack_set_visible_child_name (self->stack, rules->len ? "rules" : "empty");
}

static void
dm_corrections_dialog_reload (DmCorrectionsDialog *self)
{
  g_autoptr(GTask) task = NULL;
  DmCorpus *corpus = self->window ? dm_window_get_corpus (self->window) : NULL;

  if (corpus == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  task = g_task_new (NULL, self->cancellable, rules_loaded_cb, self);
  g_task_set_task_data (task, g_object_ref (corpus), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, rules_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* Export and import */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;
  g_autofree char *text = dm_store_export_rules (dm_corpus_get_store (task_data), &error);

  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DmWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GFile *file = g_object_get_data (G_OBJECT (result), "file");
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Rules exported to %s"), name);
  else
    message = g_strdup_printf (_("Could not export the rules: %s"), error->message);
  _dm_window_toast (window, message);
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DmWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &len, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the rules file: %s"), error->message);

      _dm_window_toast (window, message);
      return;
    }

  if (!g_utf8_validate (contents, len, NULL) || memchr (contents, 0, len) != NULL)
    {
      _dm_window_toast (window, _("Could not import the rules: the file is not UTF-8 text"));
      return;
    }

  _dm_window_run_edit (window, dm_edit_variant_new ("import-rules", contents, NULL, 0));
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     DmCorrectionsDialog *self)
{
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  DmCorpus *corpus;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL &&
      (corpus = dm_window_get_corpus (self->window)) != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (save)
        {
          g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done_cb, g_object_ref (self->window));

          g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
          g_task_set_task_data (task, g_object_ref (corpus), g_object_unref);
          g_task_run_in_thread (task, export_thread);
        }
      else
        g_file_load_contents_async (file, NULL, import_loaded_cb, g_object_ref (self->window));
    }

  g_object_unref (chooser);
}

static void
choose_rules_file (DmCorrectionsDialog *self,
                   gboolean             save)
{
  static const char * const patterns[] = { "*.tsv", "*.txt", "*.rules", NULL };
  GtkFileChooserNative *chooser;

  chooser = _dm_window_file_chooser_new (GTK_WINDOW (self),
                                         save ? _("Export Rules") : _("Import Rules"),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Export") : _("_Import"),
                                         _("Rules Files"), patterns);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("corrections.tsv"));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_clicked_cb (GtkButton           *button,
                   DmCorrectionsDialog *self)
{
  choose_rules_file (self, TRUE);
}

static void
import_clicked_cb (GtkButton           *button,
                   DmCorrectionsDialog *self)
{
  choose_rules_file (self, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* The window */

static void
dm_corrections_dialog_dispose (GObject *object)
{
  DmCorrectionsDialog *self = (DmCorrectionsDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_corrections_dialog_parent_class)->dispose (object);
}

static void
dm_corrections_dialog_class_init (DmCorrectionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dm_corrections_dialog_dispose;
}

/* Ctrl+Z and Ctrl+Shift+Z here too: switching a rule is an edit like any other. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  DmCorrectionsDialog *self = DM_CORRECTIONS_DIALOG (widget);

  if (self->window != NULL)
    _dm_window_undo (self->window, GPOINTER_TO_INT (user_data));

  return TRUE;
}

static void
add_undo_shortcuts (DmCorrectionsDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (int redo = 0; redo <= 1; redo++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (redo ? "<Control><Shift>z" : "<Control>z"),
                                                            gtk_callback_action_new (undo_shortcut_cb,
                                                                                     GINT_TO_POINTER (redo), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static GtkWidget *
make_header_button (const char *label,
                    const char *tooltip,
                    GCallback   callback,
                    gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, data);

  return button;
}

static void
dm_corrections_dialog_init (DmCorrectionsDialog *self)
{
  GtkWidget *box, *header, *page, *scroller;

  self->rule_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Corrections"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             make_header_button (_("_Import…"), _("Add the rules of a rules file to this corpus"),
                                                 G_CALLBACK (import_clicked_cb), self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           make_header_button (_("_Export…"), _("Save these rules to share them"),
                                               G_CALLBACK (export_clicked_cb), self));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  page = adw_preferences_page_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Rules"));
  adw_preferences_group_set_description (self->group,
                                         _("Applied to every later import, in this order. Switch one off to stop applying it."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_stack_add_named (self->stack, page, "rules");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
  adw_status_page_set_title (self->empty_page, _("Reading the Rules…"));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->empty_page));
  gtk_stack_add_named (self->stack, scroller, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  add_undo_shortcuts (self);
}

GtkWidget *
dm_corrections_dialog_new (DmWindow *window)
{
  DmCorrectionsDialog *self;

  g_return_val_if_fail (DM_IS_WINDOW (window), NULL);

  self = g_object_new (DM_TYPE_CORRECTIONS_DIALOG,
                       "transient-for", window,
                       "modal", FALSE,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (window, "edit-finished", G_CALLBACK (dm_corrections_dialog_reload),
                           self, G_CONNECT_SWAPPED);
  dm_corrections_dialog_reload (self);

  return GTK_WIDGET (self);
}

guint
dm_corrections_dialog_get_n_rules (DmCorrectionsDialog *self)
{
  g_return_val_if_fail (DM_IS_CORRECTIONS_DIALOG (self), 0);

  return self->n_rules;
}

/* "win.corrections" */
void
_dm_window_show_corrections (DmWindow *self)
{
  GtkWidget *dialog;

  if (dm_window_get_corpus (self) == NULL)
    {
      _dm_window_toast (self, _("Open a corpus first"));
      return;
    }

  dialog = dm_corrections_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
}
