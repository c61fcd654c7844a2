/* dm-application.c — the Dramatis application: one window, command line, scriptable actions
 *
 * `dramatis [--db PATH] [--focus ACTOR] [FILE…]` runs in the primary instance: a second
 * invocation hands its command line over D-Bus and the files are imported into the running
 * window — except a corpus (application/x-dramatis, told by its header or its .dramatis
 * name), which is opened instead. app.export(s), app.focus-actor(s) and app.open-files(as)
 * make the same things scriptable with `gapplication action`; as `gapplication` cannot
 * return their failure, it is logged (g_message) and shown in the window. Scripts that need
 * an exit status use dramatis-cli.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-file-type.h"

#include "dm-application.h"

struct _DmApplication
{
  AdwApplication  parent_instance;
  DmWindow       *window;
};

G_DEFINE_FINAL_TYPE (DmApplication, dm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the corpus at PATH (created when missing)"), N_("PATH") },
  { "focus", 'f', 0, G_OPTION_ARG_STRING, NULL,
    N_("Focus the graph on ACTOR"), N_("ACTOR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

char *
dm_application_dup_default_corpus (void)
{
  return g_build_filename (g_get_user_data_dir (), "dramatis", "default.dramatis", NULL);
}

static void
dm_application_show_open_error (DmApplication *self,
                                const char    *path,
                                const GError  *error)
{
  GtkWidget *dialog;

  g_message ("Could not open the corpus %s: %s", path, error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   _("Could Not Open the Corpus"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s: %s", path, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What `gapplication action` cannot return goes to the log; the window shows it too. */
static void
export_finished_cb (DmWindow   *window,
                    const char *path,
                    const char *error_message,
                    gpointer    user_data)
{
  if (error_message != NULL)
    g_message ("Could not export to %s: %s", path, error_message);
}

static void
import_finished_cb (DmWindow *window,
                    gpointer  user_data)
{
  GPtrArray *failures = dm_window_get_import_failures (window);

  for (guint i = 0; failures != NULL && i < failures->len; i++)
    g_message ("Could not import %s", (const char *) g_ptr_array_index (failures, i));
}

static void
dm_application_watch_window (DmApplication *self)
{
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  g_signal_connect_object (self->window, "export-finished",
                           G_CALLBACK (export_finished_cb), self, 0);
  g_signal_connect_object (self->window, "import-finished",
                           G_CALLBACK (import_finished_cb), self, 0);
}

static void
dm_application_open_first_corpus (DmApplication *self,
                                  const char    *db)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dramatis.Dramatis");
  g_autofree char *last = g_settings_get_string (settings, "last-corpus");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seed = FALSE;

  if (db != NULL)
    path = g_strdup (db);
  else if (last[0] != 0 && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    path = g_strdup (last);
  else
    {
      path = dm_application_dup_default_corpus ();
      /* First run: a newcomer sees a graph at once. */
      seed = !g_file_test (path, G_FILE_TEST_EXISTS);
    }

  if (!dm_window_open_corpus (self->window, path, &error))
    {
      dm_application_show_open_error (self, path, error);
      return;
    }

  if (seed)
    dm_window_import_samples (self->window);
}

static DmWindow *
dm_application_ensure_window (DmApplication *self,
                              const char    *db)
{
  if (self->window == NULL)
    {
      /* A window made elsewhere (tests make their own) serves the actions too. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (DM_IS_WINDOW (l->data))
          {
            self->window = l->data;
            dm_application_watch_window (self);
            break;
          }
    }

  if (self->window == NULL)
    {
      self->window = dm_window_new (GTK_APPLICATION (self));
      /* libadwaita draws a development build's header bar striped */
      if (DEVELOPMENT_BUILD)
        gtk_widget_add_css_class (GTK_WIDGET (self->window), "devel");
      dm_application_watch_window (self);
      dm_application_open_first_corpus (self, db);
    }
  else if (db != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dm_window_open_corpus (self->window, db, &error))
        dm_application_show_open_error (self, db, error);
    }

  return self->window;
}

static void
dm_application_activate (GApplication *app)
{
  DmApplication *self = DM_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (dm_application_ensure_window (self, NULL)));
}

/* Files handed to the program (command line, file manager, `open` signal): the first corpus
 * among them is opened — a window shows one corpus at a time — and the rest imported into
 * it. Returns the window. */
static DmWindow *
dm_application_open_paths (DmApplication      *self,
                           const char * const *paths,
                           const char         *db)
{
  g_autoptr(GStrvBuilder) articles = g_strv_builder_new ();
  g_auto(GStrv) article_paths = NULL;
  const char *corpus = db;
  DmWindow *window;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!dm_file_type_is_corpus (paths[i]))
        g_strv_builder_add (articles, paths[i]);
      else if (corpus == NULL)
        corpus = paths[i];
      else
        g_message ("%s is not opened: one corpus at a time, %s is open", paths[i], corpus);
    }
  article_paths = g_strv_builder_end (articles);

  window = dm_application_ensure_window (self, corpus);
  if (article_paths[0] != NULL)
    dm_window_import_paths (window, (const char * const *) article_paths);

  return window;
}

static void
dm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  DmApplication *self = DM_APPLICATION (app);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  DmWindow *window;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  window = dm_application_open_paths (self, (const char * const *) paths, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
dm_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("dramatis %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
dm_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  DmApplication *self = DM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char **remaining = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  DmWindow *window;

  g_variant_dict_lookup (options, "db", "^ay", &db);
  g_variant_dict_lookup (options, "focus", "s", &focus);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  /* Paths are relative to the directory of the invocation, which may be another process. */
  if (db != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      db_path = g_file_get_path (file);
    }

  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, remaining[i]);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  window = dm_application_open_paths (self, (const char * const *) paths, db_path);
  if (focus != NULL)
    dm_window_focus_actor_name (window, focus);

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  DmApplication *self = user_data;

  dm_window_export (dm_application_ensure_window (self, NULL), g_variant_get_string (param, NULL));
}

static void
focus_actor_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  DmApplication *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  /* The window shows a toast when there is no such actor. */
  if (!dm_window_focus_actor_name (dm_application_ensure_window (self, NULL), name))
    g_message ("Could not focus on %s: no such actor in the corpus", name);
}

static void
open_files_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  DmApplication *self = user_data;
  g_autofree const char **paths = g_variant_get_strv (param, NULL);

  dm_application_open_paths (self, paths, NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  DmApplication *self = user_data;
  static const char *developers[] = { "The Dramatis developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Dramatis",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Turn news articles into a map of who does what to whom"),
                        "developer-name", _("The Dramatis developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Dramatis developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/dramatis/dramatis",
                        "issue-url", "https://github.com/dramatis/dramatis/issues",
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), "Graphviz",
                                      "© The Graphviz authors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Graph layouts by Graphviz (Eclipse Public License 1.0)"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  DmApplication *self = user_data;

  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_entries[] = {
  { "export", export_action, "s" },
  { "focus-actor", focus_actor_action, "s" },
  { "open-files", open_files_action, "as" },
  { "about", about_action },
  { "quit", quit_action },
};

static void
dm_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open-articles", { "<Control>o", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
    { "win.new-corpus", { "<Control>n", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.forward", { "<Alt>Right", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.show-timeline", { "<Control><Shift>t", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
  };

  G_APPLICATION_CLASS (dm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
dm_application_class_init (DmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = dm_application_activate;
  app_class->open = dm_application_open;
  app_class->command_line = dm_application_command_line;
  app_class->handle_local_options = dm_application_handle_local_options;
  app_class->startup = dm_application_startup;
}

static void
dm_application_init (DmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Turn news articles into a map of who does what to whom."));
}

DmApplication *
dm_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  return g_object_new (DM_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* The resources are the same for the development build's id. */
                       "resource-base-path", "/io/github/dramatis/Dramatis",
                       NULL);
}

DmWindow *
dm_application_get_window (DmApplication *self)
{
  g_return_val_if_fail (DM_IS_APPLICATION (self), NULL);

  return dm_application_ensure_window (self, NULL);
}
