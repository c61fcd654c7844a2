/* dm-window-import.c — the main window's imports: the queue, progress, failures, the
 * article choosers, drag-and-drop and paste
 *
 * Every import goes through DmImporter (the CLI's path too) on a thread of its own at a low
 * priority, one job at a time; its progress is posted back to the main loop and shown at
 * most ten times a second.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "dm-importer.h"
#include "dm-text-encoding.h"
#include "dm-window-private.h"

#define SAMPLES_RESOURCE_PATH "/io/github/dramatis/Dramatis/samples/"
#define IMPORT_NICE           10

static void dm_window_start_import (DmWindow *self);

/* ------------------------------------------------------------------------------------------ */
/* The import queue: a job at a time, on a thread of its own */

typedef enum {
  IMPORT_PATHS,     /* named on the command line or by a caller */
  IMPORT_FILES,     /* chosen, dropped or pasted: GFiles, maybe not on a local disk */
  IMPORT_TEXT,
  IMPORT_SAMPLES,   /* the articles compiled into the program */
} ImportKind;

typedef struct {
  ImportKind       kind;
  DmWindow        *window;       /* strong: lives as long as the job */
  DmCorpus        *corpus;
  char           **paths;
  GPtrArray       *files;        /* GFile */
  char            *text;
  GCancellable    *cancellable;
  GMainContext    *context;
  DmImportSummary *summary;
  GError          *error;        /* when summary is NULL */
} ImportJob;

typedef struct {
  DmWindow *window;
  guint     done;
  guint     total;
  char     *path;
} ImportProgress;

/* Wakes every 5 ms while importing; a late wake-up is a main-loop stall. */
static gboolean
stall_tick_cb (gpointer user_data)
{
  DmWindow *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - self->stall_last > 50000)
    g_message ("import: main loop stalled %.1f ms", (now - self->stall_last) / 1000.0);
  self->stall_max = MAX (self->stall_max, now - self->stall_last);
  self->stall_last = now;

  return G_SOURCE_CONTINUE;
}

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->corpus);
  g_clear_pointer (&job->paths, g_strfreev);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->text, g_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->summary, dm_import_summary_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
import_progress_free (ImportProgress *progress)
{
  g_object_unref (progress->window);
  g_free (progress->path);
  g_free (progress);
}

static gboolean
import_progress_show (gpointer user_data)
{
  DmWindow *self = user_data;
  g_autofree char *name = self->progress_path ? g_path_get_basename (self->progress_path) : NULL;
  g_autofree char *text = NULL;

  self->progress_source = 0;

  if (self->progress_total > 0)
    gtk_progress_bar_set_fraction (self->import_progress,
                                   (double) self->progress_done / self->progress_total);
  text = g_strdup_printf (_("Importing %u of %u: %s"),
                          MIN (self->progress_done + 1, self->progress_total),
                          self->progress_total, name ? name : "");
  gtk_label_set_text (self->import_label, text);

  return G_SOURCE_REMOVE;
}

static gboolean
import_progress_main (gpointer user_data)
{
  ImportProgress *progress = user_data;
  DmWindow *self = progress->window;

  self->progress_done = progress->done;
  self->progress_total = progress->total;
  g_free (self->progress_path);
  self->progress_path = g_steal_pointer (&progress->path);

  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, import_progress_show, self);

  return G_SOURCE_REMOVE;
}

/* Runs in the import thread: hand the numbers to the main loop. */
static void
import_progress_cb (guint         done,
                    guint         total,
                    const char   *path,
                    const GError *error,
                    gpointer      user_data)
{
  ImportJob *job = user_data;
  ImportProgress *progress = g_new0 (ImportProgress, 1);

  progress->window = g_object_ref (job->window);
  progress->done = done;
  progress->total = total;
  progress->path = g_strdup (path);

  /* An idle source, not g_main_context_invoke(): that would run the callback right here on
   * the import thread whenever this thread could acquire the main context. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, import_progress_main, progress, (GDestroyNotify) import_progress_free);
    g_source_set_static_name (source, "[dramatis] import progress");
    g_source_attach (source, job->context);
    g_source_unref (source);
  }
}

/* The import itself, on a thread of its own: see import_thread(). */
static gpointer
import_run (gpointer data)
{
  ImportJob *job = data;
  DmStore *store = dm_corpus_get_store (job->corpus);
  g_autoptr(GError) error = NULL;
  int priority;

  /* Below the main thread and the renderer's threads, so the window stays smooth while
   * every core analyses articles. On Linux the nice value is per thread and the
   * importer's workers are started from this one (and end with it). */
  errno = 0;
  priority = getpriority (PRIO_PROCESS, 0);
  if (errno == 0 && priority < IMPORT_NICE && setpriority (PRIO_PROCESS, 0, IMPORT_NICE) != 0)
    g_debug ("Could not lower the import's priority: %s", g_strerror (errno));

  switch (job->kind)
    {
    case IMPORT_PATHS:
      job->summary = dm_import_paths (store, NULL,
                                      (const char * const *) job->paths,
                                      job->cancellable, import_progress_cb, job, &error);
      break;

    case IMPORT_FILES:
      job->summary = dm_import_files (store, NULL,
                                      (GFile * const *) job->files->pdata, job->files->len,
                                      job->cancellable, import_progress_cb, job, &error);
      break;

    case IMPORT_TEXT:
      {
        gint64 article_id = 0;

        job->summary = g_new0 (DmImportSummary, 1);
        job->summary->failures = g_ptr_array_new ();
        job->summary->n_files = 1;
        if (dm_import_text (store, NULL, _("pasted text"),
                            job->text, &article_id, &error))
          {
            job->summary->n_articles_added = 1;
          }
        else if (error->domain == DM_IMPORT_ERROR)
          {
            /* A bad text is a failure of this one import, not of the corpus. */
            DmImportFailure *failure = g_new0 (DmImportFailure, 1);

            failure->path = g_strdup (_("Pasted text"));
            failure->message = g_strdup (error->message);
            g_ptr_array_add (job->summary->failures, failure);
            g_clear_error (&error);
          }
        else
          {
            g_clear_pointer (&job->summary, dm_import_summary_free);
          }
      }
      break;

    case IMPORT_SAMPLES:
      job->summary = dm_import_resources (store, NULL,
                                          SAMPLES_RESOURCE_PATH, job->cancellable,
                                          import_progress_cb, job, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (job->summary == NULL)
    job->error = g_steal_pointer (&error);
  return NULL;
}

/* A nice value cannot be raised back without privileges, and GTask's pool threads go on to
 * build graphs for the window: the import gets a thread that ends with it. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;

  g_thread_join (g_thread_new ("dramatis-import", import_run, job));

  if (job->summary == NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_dm_window_show_import_failures (DmWindow *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->import_failures->len == 0)
    return;

  for (guint i = 0; i < self->import_failures->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "",
                            (const char *) g_ptr_array_index (self->import_failures, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Were Not Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *articles = NULL;
  DmImportSummary *summary;

  g_clear_object (&self->import_cancellable);
  g_ptr_array_set_size (self->import_failures, 0);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->stall_source != 0)
    {
      g_message ("import: longest main-loop stall %.1f ms", self->stall_max / 1000.0);
      g_clear_handle_id (&self->stall_source, g_source_remove);
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Could not import: %s"), error->message);
      _dm_window_toast (self, message);
      goto next;
    }

  summary = job->summary;
  for (guint i = 0; i < summary->failures->len; i++)
    {
      const DmImportFailure *failure = g_ptr_array_index (summary->failures, i);
      g_autofree char *name = g_path_get_basename (failure->path);

      g_ptr_array_add (self->import_failures, g_strdup_printf ("%s: %s", name, failure->message));
    }

  articles = g_strdup_printf (ngettext ("%u article imported", "%u articles imported",
                                        summary->n_articles_added), summary->n_articles_added);
  if (job->kind == IMPORT_SAMPLES)
    message = g_strdup_printf (ngettext ("Welcome! %u sample article was imported",
                                         "Welcome! %u sample articles were imported",
                                         summary->n_articles_added), summary->n_articles_added);
  else if (summary->cancelled)
    message = g_strdup_printf (ngettext ("Import cancelled; %u article was added",
                                         "Import cancelled; %u articles were added",
                                         summary->n_articles_added), summary->n_articles_added);
  else if (summary->failures->len == 1 && summary->n_articles_added == 0)
    message = g_strdup_printf (_("Not imported: %s"), (const char *) g_ptr_array_index (self->import_failures, 0));
  else if (summary->failures->len > 0)
    {
      g_autofree char *failed = g_strdup_printf (ngettext ("%u file failed", "%u files failed",
                                                           summary->failures->len),
                                                 summary->failures->len);

      /* Translators: "3 articles imported; 2 files failed" */
      message = g_strdup_printf (_("%s; %s"), articles, failed);
    }
  else if (summary->n_articles_added == 0 && summary->n_articles_duplicate > 0)
    message = g_strdup (_("These articles are already in the corpus"));
  else
    {
      g_autofree char *found = g_strdup_printf (ngettext ("%u relation found", "%u relations found",
                                                          summary->n_relations),
                                                summary->n_relations);

      /* Translators: "3 articles imported: 20 relations found" */
      message = g_strdup_printf (_("%s: %s"), articles, found);
    }

  /* Articles of old archives: say which encoding they were read in (dm-text-encoding.c) */
  if (summary->converted != NULL && summary->converted->len > 0)
    {
      g_autofree char *plain = g_steal_pointer (&message);

      /* Translators: "3 articles imported: 20 relations found — 1 file read as Windows-1252 (Latin-1)" */
      message = g_strdup_printf (ngettext ("%s — %u file read as %s", "%s — %u files read as %s",
                                           summary->converted->len),
                                 plain, summary->converted->len, DM_TEXT_ENCODING_LEGACY_NAME);
    }

  if (summary->failures->len > 0)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-import-failures");
      _dm_window_add_toast (self, toast);
    }
  else
    {
      _dm_window_toast (self, message);
    }

  if (summary->n_articles_added > 0 && job->corpus == self->corpus)
    dm_corpus_emit_changed (self->corpus);

  if (self->pending_focus != NULL && g_queue_is_empty (&self->import_queue))
    {
      g_autofree char *name = g_steal_pointer (&self->pending_focus);

      dm_window_focus_actor_name (self, name);
    }

next:
  gtk_revealer_set_reveal_child (self->import_revealer, !g_queue_is_empty (&self->import_queue));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  g_signal_emit_by_name (self, "import-finished");
  dm_window_start_import (self);
}

static void
dm_window_start_import (DmWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->import_cancellable != NULL || g_queue_is_empty (&self->import_queue))
    return;

  job = g_queue_pop_head (&self->import_queue);
  if (job->corpus != self->corpus)
    {
      /* The corpus changed while the job waited: it belongs to the old one. */
      import_job_free (job);
      dm_window_start_import (self);
      return;
    }

  self->import_cancellable = g_object_ref (job->cancellable);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_label_set_text (self->import_label,
                      job->kind == IMPORT_SAMPLES ? _("Importing the sample articles…")
                                                  : _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  if (_dm_window_debug_timings ())
    {
      self->stall_last = g_get_monotonic_time ();
      self->stall_max = 0;
      self->stall_source = g_timeout_add (5, stall_tick_cb, self);
    }

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_source_tag (task, dm_window_start_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Takes @paths, @files and @text. */
static void
dm_window_queue_import (DmWindow   *self,
                        ImportKind  kind,
                        char      **paths,
                        GPtrArray  *files,
                        char       *text)
{
  ImportJob *job;

  job = g_new0 (ImportJob, 1);
  job->kind = kind;
  job->window = g_object_ref (self);
  job->paths = paths;
  job->files = files;
  job->text = text;
  if (self->corpus == NULL)
    {
      import_job_free (job);
      return;
    }

  job->corpus = g_object_ref (self->corpus);
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();

  g_queue_push_tail (&self->import_queue, job);
  dm_window_start_import (self);
}

/* Takes @files (GFile). */
static void
dm_window_import_files (DmWindow  *self,
                        GPtrArray *files)
{
  g_assert (DM_IS_WINDOW (self));

  if (files->len == 0)
    {
      g_ptr_array_unref (files);
      return;
    }

  dm_window_queue_import (self, IMPORT_FILES, NULL, files, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Drag-and-drop and paste */

static gboolean
drop_cb (DmWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (array, g_object_ref (l->data));
      g_slist_free (files);

      if (array->len == 0)
        {
          g_ptr_array_unref (array);
          return FALSE;
        }

      dm_window_import_files (self, array);
      return TRUE;
    }
  else if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == 0)
        return FALSE;

      dm_window_import_text (self, text);
      return TRUE;
    }

  return FALSE;
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  const GValue *value;

  if ((value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL)))
    drop_cb (self, value, 0, 0, NULL);
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL || g_strstrip (text)[0] == 0)
    {
      _dm_window_toast (self, _("The clipboard holds no text to import"));
      return;
    }

  dm_window_import_text (self, text);
}

/* ------------------------------------------------------------------------------------------ */
/* Choosing articles */

static void
open_articles_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           DmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      dm_window_import_files (self, array);
    }

  g_object_unref (dialog);
}

void
_dm_window_choose_articles (DmWindow             *self,
                            GtkFileChooserAction  action)
{
  static const char * const article_patterns[] = {
    "*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.xml", "*.rss", "*.atom", "*.feed", NULL
  };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                         ? _("Open Folders of Articles") : _("Open Articles"),
                                         GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) articles = _dm_window_file_filter_new (_("Articles (text, HTML, feeds)"), article_patterns);
      g_autoptr(GtkFileFilter) all = _dm_window_file_filter_new (_("All Files"), all_patterns);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (open_articles_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------------ */
/* Internal API */

void
_dm_window_paste (DmWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    NULL, paste_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (self));
}

/* Files from the file manager, text from anywhere, dropped on the canvas; Ctrl+V there. */
void
_dm_window_import_init (DmWindow *self)
{
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;
  GtkDropTarget *drop;

  self->import_failures = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->import_queue);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas_overlay), GTK_EVENT_CONTROLLER (drop));

  /* Ctrl+V on the canvas only: entries keep their own paste. */
  shortcuts = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                               gtk_named_action_new ("win.paste"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas_overlay), shortcuts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

void
_dm_window_import_dispose (DmWindow *self)
{
  ImportJob *job;

  g_clear_handle_id (&self->stall_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  while ((job = g_queue_pop_head (&self->import_queue)))
    import_job_free (job);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

void
dm_window_import_samples (DmWindow *self)
{
  g_return_if_fail (DM_IS_WINDOW (self));

  dm_window_queue_import (self, IMPORT_SAMPLES, NULL, NULL, NULL);
}

void
dm_window_import_paths (DmWindow           *self,
                        const char * const *paths)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL)
    return;

  dm_window_queue_import (self, IMPORT_PATHS, g_strdupv ((char **) paths), NULL, NULL);
}

void
dm_window_import_text (DmWindow   *self,
                       const char *text)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  dm_window_queue_import (self, IMPORT_TEXT, NULL, NULL, g_strdup (text));
}

gboolean
dm_window_is_importing (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL || !g_queue_is_empty (&self->import_queue);
}

void
dm_window_cancel_import (DmWindow *self)
{
  ImportJob *job;

  g_return_if_fail (DM_IS_WINDOW (self));

  while ((job = g_queue_pop_head (&self->import_queue)))
    import_job_free (job);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

GPtrArray *
dm_window_get_import_failures (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  return self->import_failures;
}
