/* test-ui-import.c — importing through the window: good files land, bad ones are reported
 * with their reasons, the window stays; pasted text; cancelling
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "dm-article-item.h"
#include "dm-articles-panel.h"
#include "dm-test-articles.h"
#include "ui-test-common.h"

typedef struct {
  char          *dir;
  char          *corpus_path;
  DmApplication *app;
  DmWindow      *window;
  guint          n_finished;
} Fixture;

static void
import_finished_cb (DmWindow *window,
                    Fixture  *fixture)
{
  fixture->n_finished++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dramatis-ui-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->corpus_path = g_build_filename (fixture->dir, "empty.dramatis", NULL);
  fixture->app = ui_test_application_new ();
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
  g_signal_connect (fixture->window, "import-finished", G_CALLBACK (import_finished_cb), fixture);
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
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, &error));
  g_assert_no_error (error);

  return path;
}

static GListModel *
articles (Fixture *fixture)
{
  DmArticlesPanel *panel = NULL;
  GtkWidget *child;

  /* The articles panel is the window's; find it the way a person would, by its page. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window)); child != NULL; )
    {
      if (DM_IS_ARTICLES_PANEL (child))
        {
          panel = DM_ARTICLES_PANEL (child);
          break;
        }
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_nonnull (panel);

  return dm_articles_panel_get_model (panel);
}

/* @n generated article files "<prefix>-NNNN.txt" numbered from @first; the array ends
 * with NULL. */
static GPtrArray *
write_numbered (Fixture    *fixture,
                const char *prefix,
                guint       first,
                guint       n)
{
  GPtrArray *paths = dm_test_articles_write (fixture->dir, prefix, first, n, first + 1, NULL);

  g_ptr_array_add (paths, NULL);
  return paths;
}

static gboolean
failures_mention (GPtrArray  *failures,
                  const char *name)
{
  for (guint i = 0; i < failures->len; i++)
    {
      const char *line = g_ptr_array_index (failures, i);

      /* "name: reason", with a reason a person can act on. */
      if (g_str_has_prefix (line, name) && strlen (line) > strlen (name) + 4)
        return TRUE;
    }

  return FALSE;
}

static void
test_good_and_bad (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good1 = ui_test_fixture_path ("hegseth-brussels.txt");
  g_autofree char *good2 = ui_test_fixture_path ("moscow-response.txt");
  g_autofree char *binary = write_file (fixture, "binary.txt", "PK\003\004\000\000\001\002junk", 12);
  /* Latin-1 is converted and imported (issue 12); a damaged UTF-8 file is not */
  g_autofree char *latin1 = write_file (fixture, "latin1.txt", "Caf\xe9 au lait in Z\xfcrich.\n", -1);
  g_autofree char *broken = write_file (fixture, "broken.txt", "A bad \xc3\x28 byte.\n", -1);
  g_autofree char *empty = write_file (fixture, "empty.txt", "  \n\n ", -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  const char *paths[] = { good1, binary, latin1, broken, empty, missing, good2, NULL };
  GPtrArray *failures;

  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 0);

  dm_window_import_paths (fixture->window, paths);
  g_assert_true (dm_window_is_importing (fixture->window));
  /* The window is not blocked: the import runs while the main loop turns. */
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (fixture->n_finished, ==, 1);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  failures = dm_window_get_import_failures (fixture->window);
  g_assert_cmpuint (failures->len, ==, 4);
  /* the summary says what was converted */
  {
    g_autofree char *shown = ui_test_dup_text (GTK_WIDGET (fixture->window));

    g_assert_nonnull (strstr (shown, "1 file read as Windows-1252 (Latin-1)"));
  }
  g_assert_true (failures_mention (failures, "binary.txt: "));
  g_assert_true (failures_mention (failures, "broken.txt: "));
  g_assert_true (failures_mention (failures, "empty.txt: "));
  g_assert_true (failures_mention (failures, "missing.txt: "));

  /* The good ones landed, the Latin-1 one too, and the lists show them. */
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 3);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);

  /* The failures can be listed with their reasons. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-import-failures", NULL));
  ui_test_flush ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    gboolean shown = FALSE;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          const char *body = adw_message_dialog_get_body (l->data);

          g_assert_nonnull (strstr (body, "broken.txt: "));
          g_assert_nonnull (strstr (body, "missing.txt: "));
          gtk_window_destroy (l->data);
          shown = TRUE;
        }
    g_assert_true (shown);
  }
}

static void
test_paste_text (Fixture       *fixture,
                 gconstpointer  data)
{
  dm_window_import_text (fixture->window,
                         "France and Germany signed an agreement on Friday. "
                         "Paris urged Berlin to move faster on defence.");
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (dm_window_get_import_failures (fixture->window)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 1);

  /* Empty text is refused with a reason; nothing is added. */
  dm_window_import_text (fixture->window, "   ");
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (dm_window_get_import_failures (fixture->window)->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 1);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = write_numbered (fixture, "article", 0, 200);

  dm_window_import_paths (fixture->window, (const char * const *) paths->pdata);
  dm_window_import_text (fixture->window, "Spain met Portugal in Madrid on Monday.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-import", NULL));
  ui_test_wait (ui_test_not_importing, fixture->window, 120);

  /* The running job stopped early, the waiting one never ran. */
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), <, 200);
}

/* The nice value of this process's thread called @name, or G_MININT when there is none. */
static int
thread_nice (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *comm = NULL;
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after_name;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) ||
          !g_str_equal (g_strstrip (comm), name) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          (after_name = strrchr (stat, ')')) == NULL)
        continue;
      /* After "pid (comm)": state is field 3, nice field 19. */
      fields = g_strsplit (after_name + 2, " ", -1);
      if (g_strv_length (fields) > 16)
        return atoi (fields[16]);
    }
  return G_MININT;
}

/* The import runs below the window's priority, on a thread that ends with it. */
static void
test_background_priority (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = write_numbered (fixture, "background", 0, 300);
  /* the suite itself may run niced (a shared machine): the window keeps whatever it had */
  int base = getpriority (PRIO_PROCESS, 0);
  int nice = G_MININT;

  /* The thread is named as it starts and lowers its priority first thing: the first look
   * may come in between, so look until the import is over. */
  dm_window_import_paths (fixture->window, (const char * const *) paths->pdata);
  while (dm_window_is_importing (fixture->window) && nice < 10)
    {
      int seen = thread_nice ("dramatis-import");

      if (seen != G_MININT)
        nice = seen;
      g_main_context_iteration (NULL, FALSE);
    }
  ui_test_wait (ui_test_not_importing, fixture->window, 120);

  if (nice == G_MININT)
    {
      g_test_skip ("The import ended before its thread was seen");
      return;
    }
  g_assert_cmpint (nice, >=, MAX (10, base));
  /* The main thread keeps its priority, and the import's thread is gone. */
  g_assert_cmpint (getpriority (PRIO_PROCESS, 0), ==, base);
  g_assert_cmpint (thread_nice ("dramatis-import"), ==, G_MININT);
}

typedef struct {
  Fixture *fixture;
  guint    n_items;
} ListWait;

static gboolean
list_has_n_items (gpointer data)
{
  ListWait *wait = data;

  return g_list_model_get_n_items (articles (wait->fixture)) == wait->n_items;
}

static void
import_numbered (Fixture *fixture,
                 guint    first,
                 guint    n)
{
  g_autoptr(GPtrArray) paths = write_numbered (fixture, "listed", first, n);

  dm_window_import_paths (fixture->window, (const char * const *) paths->pdata);
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (dm_window_get_import_failures (fixture->window)->len, ==, 0);
}

/* A large import is listed a slice per main-loop turn: every article arrives, in order; the
 * articles listed before stay the same items, with the choices made on them. */
static void
test_large_listing (Fixture       *fixture,
                    gconstpointer  data)
{
  ListWait wait = { fixture, 90 };
  g_autoptr(DmArticleItem) first = NULL;
  gint64 last_id = 0;

  import_numbered (fixture, 0, 90);
  ui_test_wait (list_has_n_items, &wait, 60);

  first = g_list_model_get_item (articles (fixture), 0);
  dm_article_item_set_included (first, FALSE);
  ui_test_wait (ui_test_not_busy, fixture->window, 60);

  import_numbered (fixture, 90, 70);
  /* Not all at once: the rest comes between frames. */
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), <, 160);
  wait.n_items = 160;
  ui_test_wait (list_has_n_items, &wait, 60);

  for (guint i = 0; i < 160; i++)
    {
      g_autoptr(DmArticleItem) item = g_list_model_get_item (articles (fixture), i);

      g_assert_cmpint (dm_article_item_get_id (item), >, last_id);
      last_id = dm_article_item_get_id (item);
      g_assert_true (dm_article_item_get_included (item) == (i != 0));
    }
  {
    g_autoptr(DmArticleItem) again = g_list_model_get_item (articles (fixture), 0);

    g_assert_true (again == first);
  }
}

static GtkDropTarget *
find_drop_target (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (dm_window_get_graph_view (fixture->window));

  /* The canvas area (the graph view's overlay) takes the drops. */
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (controller))
            return GTK_DROP_TARGET (controller);
        }
    }

  return NULL;
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  GtkDropTarget *target = find_drop_target (fixture);
  g_autofree char *good1 = ui_test_fixture_path ("hegseth-brussels.txt");
  g_autofree char *good2 = ui_test_fixture_path ("kyiv-aid.txt");
  g_autoptr(GFile) file1 = g_file_new_for_path (good1);
  g_autoptr(GFile) file2 = g_file_new_for_path (good2);
  g_auto(GValue) files = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);

  /* Files from a file manager… */
  list = g_slist_append (list, file1);
  list = g_slist_append (list, file2);
  g_value_init (&files, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&files, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &files, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 2);

  /* …and text from a browser. */
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Japan and South Korea agreed on Thursday to share intelligence.");
  accepted = FALSE;
  g_signal_emit_by_name (target, "drop", &text, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  ui_test_wait (ui_test_not_importing, fixture->window, 120);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 3);
}

static void
test_clipboard_paste (Fixture       *fixture,
                      gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));

  gdk_clipboard_set_text (clipboard, "Canada urged Mexico on Monday to reopen the border crossing.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste", NULL));
  /* Reading the clipboard is asynchronous too: wait for the import it starts. */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (fixture->n_finished == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (articles (fixture)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-import/good-and-bad", Fixture, NULL,
              fixture_set_up, test_good_and_bad, fixture_tear_down);
  g_test_add ("/dramatis/ui-import/paste-text", Fixture, NULL,
              fixture_set_up, test_paste_text, fixture_tear_down);
  g_test_add ("/dramatis/ui-import/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/dramatis/ui-import/large-listing", Fixture, NULL,
              fixture_set_up, test_large_listing, fixture_tear_down);
  g_test_add ("/dramatis/ui-import/background-priority", Fixture, NULL,
              fixture_set_up, test_background_priority, fixture_tear_down);

  g_test_add ("/dramatis/ui-import/drop", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/dramatis/ui-import/clipboard-paste", Fixture, NULL,
              fixture_set_up, test_clipboard_paste, fixture_tear_down);

  return g_test_run ();
}
