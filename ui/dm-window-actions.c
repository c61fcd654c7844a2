/* dm-window-actions.c — the main window's actions, choosing a corpus, and export
 *
 * The action table (installed on the class: "win.*" in menus, shortcuts and toasts) and
 * the work of the actions that is not importing (dm-window-import.c) or moving about the
 * graph (dm-window.c): opening and creating corpora, exporting what the canvas shows.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dm-edit.h"
#include "dm-export.h"
#include "dm-window-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Choosing a corpus and where to export */

GtkFileFilter *
_dm_window_file_filter_new (const char         *name,
                            const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);

  return filter;
}

GtkFileChooserNative *
_dm_window_file_chooser_new (GtkWindow            *parent,
                             const char           *title,
                             GtkFileChooserAction  action,
                             const char           *accept_label,
                             const char           *filter_name,
                             const char * const   *patterns)
{
  g_autoptr(GtkFileFilter) filter = _dm_window_file_filter_new (filter_name, patterns);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  return chooser;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      DmExportFormat format;

      if (path != NULL && !dm_export_format_from_path (path, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
          gpointer chosen = filter ? g_object_get_data (G_OBJECT (filter), "format") : NULL;
          char *with_extension;

          format = chosen ? GPOINTER_TO_UINT (chosen) - 1 : DM_EXPORT_PNG;
          with_extension = g_strdup_printf ("%s.%s", path, dm_export_format_to_string (format));
          g_free (path);
          path = with_extension;
        }

      if (path != NULL)
        dm_window_export (self, path);
    }

  g_object_unref (dialog);
}

static void
dm_window_choose_export (DmWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (dm_graph_view_get_layout (self->graph_view) == NULL && !self->busy)
    {
      _dm_window_toast (self, _("Nothing to export: the graph is empty"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (guint f = 0; f < DM_N_EXPORT_FORMATS; f++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", dm_export_format_to_string (f));
      g_autofree char *label = g_strdup_printf ("%s (%s)", dm_export_format_get_label (f), pattern);

      gtk_file_filter_set_name (filter, label);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (f + 1));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (f == DM_EXPORT_PNG)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  if (self->corpus != NULL)
    {
      g_autofree char *title = dm_corpus_dup_title (self->corpus);

      name = g_strdup_printf ("%s.png", title);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name ? name : "graph.png");
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dm_window_open_corpus_with_toast (DmWindow   *self,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!dm_window_open_corpus (self, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the corpus: %s"), error->message);

      _dm_window_toast (self, message);
    }
}

static void
corpus_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DmWindow        *self)
{
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && create)
        {
          if (!g_str_has_suffix (path, ".dramatis"))
            {
              char *with_suffix = g_strconcat (path, ".dramatis", NULL);

              g_free (path);
              path = with_suffix;
            }
          else
            {
              /* The chooser asked before replacing it: a new corpus starts empty. */
              g_unlink (path);
            }
        }

      if (path != NULL)
        dm_window_open_corpus_with_toast (self, path);
    }

  g_object_unref (dialog);
}

static void
dm_window_choose_corpus (DmWindow *self,
                         gboolean  create)
{
  static const char * const patterns[] = { "*.dramatis", NULL };
  GtkFileChooserNative *chooser;

  chooser = _dm_window_file_chooser_new (GTK_WINDOW (self),
                                         create ? _("New Corpus") : _("Open Corpus"),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("Dramatis Corpora"), patterns);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.dramatis"));
  g_object_set_data (G_OBJECT (chooser), "create", GINT_TO_POINTER (create));
  g_signal_connect (chooser, "response", G_CALLBACK (corpus_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------------ */
/* Export */

typedef struct {
  DmWindow *window;
  DmCorpus *corpus;
  char     *path;
} ExportCall;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportCall *call = user_data;
  DmWindow *self = call->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (dm_export_finish (result, &error))
    message = g_strdup_printf (_("Exported to %s"), call->path);
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);

  _dm_window_toast (self, message);
  g_signal_emit_by_name (self, "export-finished", call->path, error ? error->message : NULL);

  g_object_unref (call->window);
  g_object_unref (call->corpus);
  g_free (call->path);
  g_free (call);
}

static void
dm_window_export_failed (DmWindow   *self,
                         const char *path,
                         const char *reason)
{
  g_autofree char *message = g_strdup_printf (_("Could not export: %s"), reason);

  _dm_window_toast (self, message);
  g_signal_emit_by_name (self, "export-finished", path, reason);
}

/* ------------------------------------------------------------------------------------------ */
/* Actions */

/* The table: the names menus, shortcuts and toasts use. */
typedef enum {
  ACTION_OPEN_ARTICLES,
  ACTION_OPEN_FOLDER,
  ACTION_NEW_CORPUS,
  ACTION_OPEN_CORPUS,
  ACTION_EXPORT,
  ACTION_BACK,
  ACTION_FORWARD,
  ACTION_WHOLE_GRAPH,
  ACTION_WIDEN,
  ACTION_SEARCH,
  ACTION_SHOW_SIDEBAR,
  ACTION_PASTE,
  ACTION_CANCEL_IMPORT,
  ACTION_SHOW_IMPORT_FAILURES,
  ACTION_UNDO,
  ACTION_REDO,
  ACTION_CORRECTIONS,
  ACTION_SHOW_TIMELINE,
  N_ACTIONS
} WindowAction;

static const char * const action_names[N_ACTIONS] = {
  [ACTION_OPEN_ARTICLES]         = "win.open-articles",
  [ACTION_OPEN_FOLDER]           = "win.open-folder",
  [ACTION_NEW_CORPUS]            = "win.new-corpus",
  [ACTION_OPEN_CORPUS]           = "win.open-corpus",
  [ACTION_EXPORT]                = "win.export",
  [ACTION_BACK]                  = "win.back",
  [ACTION_FORWARD]               = "win.forward",
  [ACTION_WHOLE_GRAPH]           = "win.whole-graph",
  [ACTION_WIDEN]                 = "win.widen",
  [ACTION_SEARCH]                = "win.search",
  [ACTION_SHOW_SIDEBAR]          = "win.show-sidebar",
  [ACTION_PASTE]                 = "win.paste",
  [ACTION_CANCEL_IMPORT]         = "win.cancel-import",
  [ACTION_SHOW_IMPORT_FAILURES]  = "win.show-import-failures",
  [ACTION_UNDO]                  = "win.undo",
  [ACTION_REDO]                  = "win.redo",
  [ACTION_CORRECTIONS]           = "win.corrections",
  [ACTION_SHOW_TIMELINE]         = "win.show-timeline",
};

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DmWindow *self = DM_WINDOW (widget);
  guint action = 0;

  while (action < N_ACTIONS && !g_str_equal (action_names[action], action_name))
    action++;

  switch ((WindowAction) action)
    {
    case ACTION_OPEN_ARTICLES:
      _dm_window_choose_articles (self, GTK_FILE_CHOOSER_ACTION_OPEN);
      break;
    case ACTION_OPEN_FOLDER:
      _dm_window_choose_articles (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
      break;
    case ACTION_NEW_CORPUS:
      dm_window_choose_corpus (self, TRUE);
      break;
    case ACTION_OPEN_CORPUS:
      dm_window_choose_corpus (self, FALSE);
      break;
    case ACTION_EXPORT:
      dm_window_choose_export (self);
      break;
    case ACTION_BACK:
      dm_window_go_back (self);
      break;
    case ACTION_FORWARD:
      dm_window_go_forward (self);
      break;
    case ACTION_WHOLE_GRAPH:
      dm_window_show_whole_graph (self);
      break;
    case ACTION_WIDEN:
      dm_window_set_depth (self, self->depth == 1 ? 2 : 1);
      break;
    case ACTION_SEARCH:
      gtk_widget_set_visible (self->sidebar, TRUE);
      adw_view_stack_set_visible_child_name (self->view_stack, "actors");
      dm_actors_panel_focus_search (self->actors_panel);
      break;
    case ACTION_SHOW_SIDEBAR:
      gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
      break;
    case ACTION_PASTE:
      _dm_window_paste (self);
      break;
    case ACTION_CANCEL_IMPORT:
      dm_window_cancel_import (self);
      break;
    case ACTION_SHOW_IMPORT_FAILURES:
      _dm_window_show_import_failures (self);
      break;
    case ACTION_UNDO:
    case ACTION_REDO:
      _dm_window_undo (self, action == ACTION_REDO);
      break;
    case ACTION_CORRECTIONS:
      _dm_window_show_corrections (self);
      break;
    case ACTION_SHOW_TIMELINE:
      dm_timeline_strip_set_show (self->timeline, !dm_timeline_strip_get_show (self->timeline));
      break;
    case N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* "win.edit": an edit a panel or menu asks for (dm-edit.h). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _dm_window_run_edit (DM_WINDOW (widget), param);
}

void
_dm_window_class_actions_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < N_ACTIONS; i++)
    gtk_widget_class_install_action (widget_class, action_names[i], NULL, activate_action);
  gtk_widget_class_install_action (widget_class, DM_EDIT_ACTION, DM_EDIT_VARIANT_TYPE, edit_action);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

void
dm_window_export (DmWindow   *self,
                  const char *path)
{
  DmExportFormat format;
  DmLayout *layout;
  ExportCall *call;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!dm_export_format_from_path (path, &format))
    {
      dm_window_export_failed (self, path,
                               _("unknown format: end the file name with .png, .svg, .pdf, .dot, .graphml, .gexf or .csv"));
      return;
    }

  /* A layout is on its way: export what the canvas is about to show. */
  if (self->busy)
    {
      g_free (self->pending_export);
      self->pending_export = g_strdup (path);
      return;
    }

  if (self->corpus == NULL || !(layout = dm_graph_view_get_layout (self->graph_view)))
    {
      dm_window_export_failed (self, path, _("the graph is empty"));
      return;
    }

  call = g_new0 (ExportCall, 1);
  call->window = g_object_ref (self);
  call->corpus = g_object_ref (self->corpus);
  call->path = g_strdup (path);
  dm_export_async (dm_corpus_get_store (self->corpus), layout, format, path, NULL,
                   export_done_cb, call);
}
