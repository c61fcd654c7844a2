/* dm-article-date.c — asks for an article's date and sets it by hand ("win.edit" set-date)
 *
 * Plain-text articles without a dateline have no date, so the timeline and the date filters
 * miss them; a person who knows when it was written says so here. The date is kept as a
 * rule on the article's text, so a re-import keeps it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-articles-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dm-article-date.h"
#include "dm-edit.h"

/* "YYYY-MM-DD" that is a real day, or "" (no date). */
static gboolean
date_is_valid (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (text[0] == 0)
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;

  iso = g_strdup_printf ("%sT00:00:00Z", text);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);

  return parsed != NULL;
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "set",
                                           date_is_valid (gtk_editable_get_text (entry)));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkWidget        *entry)
{
  GtkWidget *source = g_object_get_data (G_OBJECT (dialog), "source");
  gint64 *article_id = g_object_get_data (G_OBJECT (dialog), "article-id");

  if (g_str_equal (response, "set") && source != NULL)
    dm_edit_activate (source, "set-date", gtk_editable_get_text (GTK_EDITABLE (entry)), article_id, 1);
}

void
dm_article_date_ask (GtkWidget  *source,
                     gint64      article_id,
                     const char *title,
                     const char *date)
{
  GtkRoot *root;
  GtkWidget *dialog, *entry;
  gint64 *id = g_new (gint64, 1);

  g_return_if_fail (GTK_IS_WIDGET (source));

  root = gtk_widget_get_root (source);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Set the Article’s Date"), title);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD, empty for none"));
  gtk_editable_set_text (GTK_EDITABLE (entry), date ? date : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Set Date"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The row that asked may be recycled while the dialog is up: the window is the source. */
  *id = article_id;
  g_object_set_data_full (G_OBJECT (dialog), "article-id", id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "source", g_object_ref (root), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}
