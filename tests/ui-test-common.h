/* ui-test-common.h — shared helpers of the widget tests: environment, a corpus built from
 * tests/fixtures/ui/ with hand-made analyses, waiting on the main loop, reading what the
 * widgets show
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "dm-application.h"
#include "dm-store-write.h"
#include "dm-window.h"

/* One relation of a fixture article: the trigger is found in the text, the two actors in the
 * same sentence. The hand-made analyses keep these tests independent of the extractor. */
typedef struct {
  const char      *file;
  const char      *date;
  const char      *source;
  DmActorType      source_type;
  const char      *source_role;
  const char      *source_surface;
  const char      *verb;
  DmRelationClass  klass;
  const char      *trigger;
  const char      *target;
  DmActorType      target_type;
  const char      *target_surface;
} UiFixtureRelation;

static const UiFixtureRelation ui_fixture_relations[] = {
  { "hegseth-brussels.txt", "2026-11-23", "Pete Hegseth", DM_ACTOR_OFFICIAL, "Defence Secretary", "Pete Hegseth",
    "urges", DM_CLASS_APPEAL, "urged", "European allies", DM_ACTOR_GROUP, "European allies" },
  { "hegseth-brussels.txt", "2026-11-23", "Pete Hegseth", DM_ACTOR_OFFICIAL, "Defence Secretary", "Hegseth",
    "rules out", DM_CLASS_REJECT, "ruled out", "Ukraine", DM_ACTOR_COUNTRY, "Ukraine" },
  { "moscow-response.txt", "2026-11-24", "Russia", DM_ACTOR_COUNTRY, NULL, "Russia",
    "condemns", DM_CLASS_DISAPPROVE, "condemned", "NATO", DM_ACTOR_ORGANIZATION, "NATO" },
  { "kyiv-aid.txt", "2026-11-25", "Germany", DM_ACTOR_COUNTRY, NULL, "Germany",
    "sends", DM_CLASS_AID, "sent", "Ukraine", DM_ACTOR_COUNTRY, "Ukraine" },
};

/* The sentence the fixtures' first relation stands on, as the details panel must show it. */
#define UI_FIXTURE_HEGSETH_SENTENCE \
  "Defence Secretary Pete Hegseth urged European allies on Monday to raise their military spending."

static inline char *
ui_test_fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("DRAMATIS_SOURCE_DIR");

  return g_build_filename (srcdir ? srcdir : ".", "tests", "fixtures", "ui", name, NULL);
}

static char *ui_test_data_home;

static inline void ui_test_remove_tree (const char *path);

static inline void
ui_test_remove_data_home (void)
{
  if (ui_test_data_home != NULL)
    ui_test_remove_tree (ui_test_data_home);
}

static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  /* The compiled schema sits in <build>/data; settings stay in memory. */
  if (builddir != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *schemas = g_build_filename (builddir, "..", "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Never touch the real default corpus. */
  ui_test_data_home = g_dir_make_tmp ("dramatis-ui-data-XXXXXX", NULL);
  g_assert_nonnull (ui_test_data_home);
  g_setenv ("XDG_DATA_HOME", ui_test_data_home, TRUE);
  atexit (ui_test_remove_data_home);
  /* No accessibility bus under Xvfb: keep GTK from looking for one. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

static inline gsize
ui_test_offset (const char *text,
                const char *at)
{
  return g_utf8_pointer_to_offset (text, at);
}

/* Adds the fixture article @file with its relations from ui_fixture_relations. */
static inline gint64
ui_test_add_article (DmStore    *store,
                     const char *file)
{
  g_autofree char *path = ui_test_fixture_path (file);
  g_autofree char *text = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  DmArticle *article;
  gsize len = 0;
  gint64 id = 0;
  gboolean added = FALSE;
  const char *newline;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);

  article = dm_article_new (path, text, len);
  newline = strchr (text, '\n');
  article->title = g_strndup (text, newline - text);
  analysis = dm_analysis_new (article);

  for (guint i = 0; i < G_N_ELEMENTS (ui_fixture_relations); i++)
    {
      const UiFixtureRelation *r = &ui_fixture_relations[i];
      const char *trigger, *sentence_start, *sentence_end, *source, *target;
      DmRelation *relation;
      DmSpan source_span, target_span;

      if (!g_str_equal (r->file, file))
        continue;

      article->date = article->date ? article->date : g_strdup (r->date);

      trigger = strstr (text, r->trigger);
      g_assert_nonnull (trigger);
      sentence_start = trigger;
      while (sentence_start > text && sentence_start[-1] != '\n' &&
             !(sentence_start[-1] == ' ' && sentence_start - 2 >= text && sentence_start[-2] == '.'))
        sentence_start--;
      sentence_end = strchr (trigger, '.');
      g_assert_nonnull (sentence_end);
      sentence_end++;

      source = g_strstr_len (sentence_start, sentence_end - sentence_start, r->source_surface);
      target = g_strstr_len (trigger, sentence_end - trigger, r->target_surface);
      g_assert_nonnull (source);
      g_assert_nonnull (target);

      source_span.start = ui_test_offset (text, source);
      source_span.end = source_span.start + g_utf8_strlen (r->source_surface, -1);
      target_span.start = ui_test_offset (text, target);
      target_span.end = target_span.start + g_utf8_strlen (r->target_surface, -1);

      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (source_span, r->source_surface, r->source, r->source_type,
                                       r->source_role, NULL));
      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (target_span, r->target_surface, r->target, r->target_type,
                                       NULL, NULL));

      relation = dm_relation_new (r->source, r->target, r->verb, r->klass, FALSE);
      relation->sentence.start = ui_test_offset (text, sentence_start);
      relation->sentence.end = ui_test_offset (text, sentence_end);
      relation->trigger.start = ui_test_offset (text, trigger);
      relation->trigger.end = relation->trigger.start + g_utf8_strlen (r->trigger, -1);
      relation->source_mention = source_span;
      relation->target_mention = target_span;
      g_ptr_array_add (analysis->relations, relation);
    }

  g_assert_true (dm_store_add_analysis (store, analysis, &id, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);

  return id;
}

/* A corpus in a new temporary directory with the three fixture articles; returns its path. */
static inline char *
ui_test_corpus_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dramatis-ui-XXXXXX", &error);
  char *path;
  DmStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fixtures.dramatis", NULL);
  store = dm_store_open (path, &error);
  g_assert_no_error (error);

  ui_test_add_article (store, "hegseth-brussels.txt");
  ui_test_add_article (store, "moscow-response.txt");
  ui_test_add_article (store, "kyiv-aid.txt");
  dm_store_free (store);

  return path;
}

static inline void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        ui_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static inline DmApplication *
ui_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  DmApplication *app;

  app = dm_application_new ("io.github.dramatis.Dramatis.Test", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

static inline gboolean
ui_test_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done (a gboolean) turns TRUE; fails the test after @seconds. */
static inline void
ui_test_wait_flag (const gboolean *done,
                   guint           seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, ui_test_tick, NULL);

  while (!*done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

static inline gboolean
ui_test_not_busy (gpointer window)
{
  return !dm_window_is_busy (window);
}

static inline gboolean
ui_test_not_importing (gpointer window)
{
  return !dm_window_is_importing (window);
}

static inline void
ui_test_wait (GSourceFunc condition,
              gpointer    data,
              guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, ui_test_tick, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

/* Lets pending idle work (redraws, queued callbacks) run. */
static inline void
ui_test_flush (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Every label under @widget that is visible, one per line: what a person can read. */
static inline void
ui_test_collect_labels (GtkWidget *widget,
                        GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_labels (child, out);
}

static inline char *
ui_test_dup_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  ui_test_collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

typedef gboolean (*UiTestPredicate) (GtkWidget *widget,
                                     gpointer   data);

static inline GtkWidget *
ui_test_find (GtkWidget       *widget,
              UiTestPredicate  predicate,
              gpointer         data)
{
  if (predicate (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline int
ui_test_find_node (DmGraph    *graph,
                   const char *name)
{
  for (guint i = 0; graph != NULL && i < graph->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (g_str_equal (node->name, name))
        return i;
    }

  return -1;
}

static inline int
ui_test_find_edge (DmGraph    *graph,
                   const char *source,
                   const char *target)
{
  int s = ui_test_find_node (graph, source);
  int t = ui_test_find_node (graph, target);

  for (guint i = 0; graph != NULL && i < graph->edges->len; i++)
    {
      const DmGraphEdge *edge = g_ptr_array_index (graph->edges, i);

      if ((int) edge->source == s && (int) edge->target == t)
        return i;
    }

  return -1;
}

/* The message dialog up (a Set Date, Add a Relation…), or NULL. */
static inline AdwMessageDialog *
ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* Opens the fixture corpus in a new window of @app and waits for its graph. */
static inline DmWindow *
ui_test_window_new (DmApplication *app,
                    const char    *corpus_path)
{
  g_autoptr(GError) error = NULL;
  DmWindow *window = dm_window_new (GTK_APPLICATION (app));

  g_assert_true (dm_window_open_corpus (window, corpus_path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait (ui_test_not_busy, window, 60);

  return window;
}

/* Destroys @window and waits until it and its corpus are gone (threads that still hold the
 * corpus finish first), so the corpus files are closed before the test removes them. */
static inline void
ui_test_destroy_window (DmWindow *window)
{
  gpointer window_alive = window;
  gpointer corpus_alive = dm_window_get_corpus (window);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, ui_test_tick, NULL);

  g_object_add_weak_pointer (G_OBJECT (window), &window_alive);
  if (corpus_alive != NULL)
    g_object_add_weak_pointer (G_OBJECT (corpus_alive), &corpus_alive);

  gtk_window_destroy (GTK_WINDOW (window));
  while ((window_alive != NULL || corpus_alive != NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  g_assert_null (window_alive);
  g_assert_null (corpus_alive);
}

/* One window of a new application on a new fixture corpus, for tests that need no more. */
typedef struct {
  char          *corpus_path;
  char          *dir;
  DmApplication *app;
  DmWindow      *window;
} UiTestSession;

static inline void
ui_test_session_start (UiTestSession *session)
{
  session->corpus_path = ui_test_corpus_new ();
  session->dir = g_path_get_dirname (session->corpus_path);
  session->app = ui_test_application_new ();
  session->window = ui_test_window_new (session->app, session->corpus_path);
}

static inline void
ui_test_session_end (UiTestSession *session)
{
  ui_test_destroy_window (session->window);
  g_clear_object (&session->app);
  ui_test_remove_tree (session->dir);
  g_clear_pointer (&session->dir, g_free);
  g_clear_pointer (&session->corpus_path, g_free);
}

/* A window on a fresh copy of the fixture corpus, for the tests of the main window. */
typedef struct {
  char          *corpus_path;
  DmApplication *app;
  DmWindow      *window;
} UiWindowFixture;

static inline void
ui_window_fixture_set_up (UiWindowFixture *fixture,
                          gconstpointer    data)
{
  fixture->corpus_path = ui_test_corpus_new ();
  fixture->app = ui_test_application_new ();
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
}

static inline void
ui_window_fixture_tear_down (UiWindowFixture *fixture,
                             gconstpointer    data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->corpus_path);

  ui_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
  ui_test_remove_tree (dir);
  g_free (fixture->corpus_path);
}
