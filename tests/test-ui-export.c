/* test-ui-export.c — export from the UI path (the app.export action) of what the canvas shows
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dm-graph-view.h"
#include "ui-test-common.h"

typedef struct {
  char          *corpus_path;
  char          *dir;
  DmApplication *app;
  DmWindow      *window;
  gboolean       finished;
  char          *error;
} Fixture;

static void
export_finished_cb (DmWindow   *window,
                    const char *path,
                    const char *error,
                    Fixture    *fixture)
{
  fixture->finished = TRUE;
  g_free (fixture->error);
  fixture->error = g_strdup (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->corpus_path = ui_test_corpus_new ();
  fixture->dir = g_path_get_dirname (fixture->corpus_path);
  fixture->app = ui_test_application_new ();
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
  g_signal_connect (fixture->window, "export-finished", G_CALLBACK (export_finished_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->corpus_path);
  g_free (fixture->error);
}

/* As a script would: `gapplication action io.github.dramatis.Dramatis export "'PATH'"`. */
static char *
export_through_action (Fixture    *fixture,
                       const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  fixture->finished = FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "export", g_variant_new_string (path));
  ui_test_wait_flag (&fixture->finished, 60);
  g_assert_null (fixture->error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *path = export_through_action (fixture, "view.png");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *bytes;
  gsize len = 0;
  guint32 width, height;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 33);
  bytes = (const guint8 *) contents;
  g_assert_cmpmem (bytes, 8, signature, 8);
  g_assert_cmpmem (bytes + 12, 4, "IHDR", 4);

  width = read_be32 (bytes + 16);
  height = read_be32 (bytes + 20);
  /* Six actors side by side or stacked: more than a thumbnail, less than a poster. */
  g_assert_cmpuint (width, >, 100);
  g_assert_cmpuint (height, >, 50);
  g_assert_cmpuint (width, <, 20000);
  g_assert_cmpuint (height, <, 20000);

  /* the legend is drawn into the picture, under the graph: at 96 dpi the picture is taller
   * than the graph on screen by the legend's rows */
  {
    DmLayout *layout = dm_graph_view_get_layout (dm_window_get_graph_view (fixture->window));

    g_assert_nonnull (layout);
    g_assert_cmpfloat (height, >, (layout->height + 60) * 96.0 / 72.0);
  }
}

static void
collect_text (xmlNode *node,
              GString *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          g_string_append (out, (const char *) node->content);
          g_string_append_c (out, '\n');
        }
      collect_text (node->children, out);
    }
}

static char *
svg_text (const char *path)
{
  GString *out = g_string_new (NULL);
  xmlDoc *doc;
  xmlNode *root;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  collect_text (root, out);
  xmlFreeDoc (doc);

  return g_string_free (out, FALSE);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = export_through_action (fixture, "view.svg");
  g_autofree char *text = svg_text (path);

  for (guint i = 0; i < G_N_ELEMENTS (ui_fixture_relations); i++)
    {
      g_assert_nonnull (strstr (text, ui_fixture_relations[i].source));
      g_assert_nonnull (strstr (text, ui_fixture_relations[i].target));
    }
  g_assert_nonnull (strstr (text, "urges"));
}

static void
test_svg_of_focus (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* Export right after the focus: the export waits for the layout the canvas will show. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "focus-actor",
                                  g_variant_new_string ("Pete Hegseth"));
  g_assert_true (dm_window_is_busy (fixture->window));
  path = export_through_action (fixture, "focus.svg");
  text = svg_text (path);

  g_assert_nonnull (strstr (text, "Pete Hegseth"));
  g_assert_nonnull (strstr (text, "European allies"));
  g_assert_nonnull (strstr (text, "Ukraine"));
  g_assert_null (strstr (text, "Russia"));
  g_assert_null (strstr (text, "NATO"));
}

static void
test_unknown_format (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "view.bmp", NULL);

  fixture->finished = FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "export", g_variant_new_string (path));
  ui_test_wait_flag (&fixture->finished, 60);
  g_assert_nonnull (fixture->error);
  g_assert_nonnull (strstr (fixture->error, ".png"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A file that cannot be written: the error comes back with its reason, the window stays
 * and the next export works. */
static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "view.svg", NULL);
  g_autofree char *good = NULL;

  fixture->finished = FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "export", g_variant_new_string (path));
  ui_test_wait_flag (&fixture->finished, 60);
  g_assert_nonnull (fixture->error);
  g_assert_cmpstr (fixture->error, !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* still there, still drawing, still exporting */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (dm_window_get_graph (fixture->window));
  good = export_through_action (fixture, "after-failure.svg");
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
}

static gboolean
newest_toast_only (gpointer window)
{
  g_autofree char *text = ui_test_dup_text (GTK_WIDGET (window));

  return strstr (text, "Exported to") != NULL && strstr (text, "Could not export") == NULL;
}

/* A newer toast dismisses the one still showing instead of queueing behind it: the success
 * shows long before the failure's 5 s would have run out. */
static void
test_toasts_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "no-such-folder", "view.svg", NULL);
  g_autofree char *text = NULL;
  g_autofree char *good = NULL;

  fixture->finished = FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "export", g_variant_new_string (bad));
  ui_test_wait_flag (&fixture->finished, 60);
  ui_test_flush ();
  text = ui_test_dup_text (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (text, "Could not export"));

  good = export_through_action (fixture, "replaced.svg");
  ui_test_wait (newest_toast_only, fixture->window, 4);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/dramatis/ui-export/toasts-replace", Fixture, NULL, fixture_set_up, test_toasts_replace,
              fixture_tear_down);
  g_test_add ("/dramatis/ui-export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/dramatis/ui-export/svg-of-focus", Fixture, NULL,
              fixture_set_up, test_svg_of_focus, fixture_tear_down);
  g_test_add ("/dramatis/ui-export/write-failure", Fixture, NULL,
              fixture_set_up, test_write_failure, fixture_tear_down);
  g_test_add ("/dramatis/ui-export/unknown-format", Fixture, NULL,
              fixture_set_up, test_unknown_format, fixture_tear_down);

  return g_test_run ();
}
