/* test-ui-smoke.c — the real `dramatis` binary on a fresh account: the window comes up on
 * the bundled samples and a screenshot of it is not blank
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>

#include "ui-test-common.h"

static char *
find_binary (void)
{
  const char *gui = g_getenv ("DRAMATIS_GUI");
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (gui != NULL)
    return g_strdup (gui);
  if (builddir != NULL)
    return g_build_filename (builddir, "..", "ui", "dramatis", NULL);
  return NULL;
}

static gboolean
run_tool (char **output,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;
  const char *arg;

  va_start (args, output);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, output, NULL, &status, &error))
    {
      g_test_message ("%s: %s", (const char *) argv->pdata[0], error->message);
      return FALSE;
    }

  return g_spawn_check_wait_status (status, NULL);
}

static guint
count_colours (const char *png)
{
  g_autofree char *output = NULL;

  if (!run_tool (&output, "convert", png, "-format", "%k", "info:", NULL))
    return 0;

  return (guint) g_ascii_strtoull (output, NULL, 10);
}

static void
test_first_run (void)
{
  g_autofree char *binary = find_binary ();
  g_autofree char *home = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *window_id = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = NULL;
  guint colours = 0;
  gint64 deadline;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("No X display: run under xvfb-run");
      return;
    }
  if (!(tool = g_find_program_in_path ("xdotool")) ||
      !(g_free (tool), tool = g_find_program_in_path ("import")))
    {
      g_test_skip ("xdotool and ImageMagick are needed");
      return;
    }
  g_assert_nonnull (binary);
  g_assert_true (g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE));

  home = g_dir_make_tmp ("dramatis-smoke-XXXXXX", &error);
  g_assert_no_error (error);
  shot = g_build_filename (home, "shot.png", NULL);
  corpus = g_build_filename (home, "dramatis", "default.dramatis", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  /* A fresh account: no corpus yet, so the samples are imported. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  /* Its own instance even if a Dramatis runs on this session bus. */
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *schemas = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data", NULL);

      g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }

  process = g_subprocess_launcher_spawn (launcher, &error, binary, NULL);
  g_assert_no_error (error);

  /* The window appears… */
  g_assert_true (run_tool (&window_id, "timeout", "30", "xdotool", "search", "--sync",
                           "--onlyvisible", "--name", "Dramatis", NULL));
  g_assert_nonnull (window_id);
  g_assert_cmpuint (strlen (g_strstrip (window_id)), >, 0);

  /* …the samples land in the new default corpus and the graph gets drawn: poll the screen
   * until it holds a drawing rather than an empty window. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_usleep (G_USEC_PER_SEC);
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("dramatis exited before its window showed a graph");
      if (!run_tool (NULL, "import", "-window", "root", shot, NULL))
        continue;
      colours = count_colours (shot);
      if (colours >= 200 && g_file_test (corpus, G_FILE_TEST_IS_REGULAR))
        break;
    }

  g_test_message ("%u distinct colours in the screenshot", colours);
  g_assert_true (g_file_test (corpus, G_FILE_TEST_IS_REGULAR));
  /* A blank screen has one colour; an empty window a handful; text and a graph hundreds. */
  g_assert_cmpuint (colours, >=, 200);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);

  ui_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/ui-smoke/first-run", test_first_run);

  return g_test_run ();
}
