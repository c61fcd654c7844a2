/* test-ui-i18n.c — the window in German (LANGUAGE=de): templates, code and engine strings
 * come from po/de.po through the .mo file built in <build>/po
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "dm-curation.h"
#include "dm-import.h"
#include "dm-store.h"
#include "ui-test-common.h"

/* As main.c does, but with the catalogue of the build tree instead of the installed one. */
static void
bind_build_catalogue (void)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  /* gtk_test_init() keeps the C locale, under which gettext ignores LANGUAGE */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
test_window_in_german (void)
{
  UiTestSession session;
  g_autofree char *details = NULL;
  g_autofree char *filters = NULL;
  g_autoptr(GError) error = NULL;
  DmStore *store;
  GPtrArray *articles;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  ui_test_session_start (&session);
  details = ui_test_dup_text (GTK_WIDGET (dm_window_get_details_panel (session.window)));
  filters = ui_test_dup_text (GTK_WIDGET (dm_window_get_filters_panel (session.window)));

  /* a template (.ui, translatable="yes") */
  g_assert_nonnull (strstr (details, "Nichts ausgewählt"));
  g_assert_null (strstr (details, "Nothing Selected"));
  /* a template of another panel, and the engine's labels (gi18n-lib in app/) */
  g_assert_nonnull (strstr (filters, "Mindestanzahl an Belegen"));
  g_assert_cmpstr (dm_actor_type_to_label (DM_ACTOR_COUNTRY), ==, "Land");
  /* a string of the code (_() in ui/) */
  g_assert_cmpstr (_("Export Graph"), ==, "Graph exportieren");
  /* engine errors that reach toasts: the store's and the importer's */
  store = dm_store_open (g_get_tmp_dir (), &error);
  g_assert_null (store);
  g_assert_cmpstr (error->message, ==, "der Korpus kann nicht geöffnet werden: es ist ein Ordner");
  g_clear_error (&error);
  articles = dm_import_load_bytes ("leer.txt", empty, &error);
  g_assert_null (articles);
  g_assert_cmpstr (error->message, ==, "die Datei ist leer");
  g_clear_error (&error);
  /* a curation error (dm-store-journal.c), in words the Corrections toast shows */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "dramatis-i18n-XXXXXX", NULL);
    g_autofree char *dir = g_mkdtemp (g_steal_pointer (&path));
    g_autofree char *db = g_build_filename (dir, "leer.dramatis", NULL);
    DmEditInfo *edit = NULL;

    store = dm_store_open (db, &error);
    g_assert_no_error (error);
    g_assert_false (dm_store_undo (store, &edit, &error));
    g_assert_cmpstr (error->message, ==,
                     "es gibt keine Bearbeitung, die rückgängig gemacht werden kann");
    g_clear_error (&error);
    dm_store_free (store);
    g_remove (db);
    g_rmdir (dir);
  }
  /* plurals (the details panel's counts) */
  g_assert_cmpstr (ngettext ("Mentioned %u time", "Mentioned %u times", 3), ==, "%u-mal erwähnt");
  g_assert_cmpstr (ngettext ("%u relation", "%u relations", 1), ==, "%u Beziehung");

  ui_test_session_end (&session);
}

int
main (int   argc,
      char *argv[])
{
  /* LANGUAGE is honoured under any locale but "C"; C.UTF-8 is always there. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  ui_test_init (&argc, &argv);
  bind_build_catalogue ();

  g_test_add_func ("/dramatis/ui-i18n/window-in-german", test_window_in_german);

  return g_test_run ();
}
