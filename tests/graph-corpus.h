/* graph-corpus.h — builds a corpus from tests/fixtures/graph/relations.tsv for the graph and
 * export tests (each sentence "<source> <verb> <target>." is one relation)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "dm-store-write.h"

typedef struct {
  char    *dir;
  char    *path;
  DmStore *store;
  gint64   article_ids[8];   /* by the fixture's article number */
} GraphCorpus;

static inline void
graph_corpus_add_article (GraphCorpus  *corpus,
                          guint         number,
                          const char   *date,
                          GPtrArray    *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_mention_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_relation_free);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  DmArticle *article;
  gboolean added = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines->pdata[i], "\t", 0);
      guint start = g_utf8_strlen (text->str, -1);
      guint source_end = start + g_utf8_strlen (f[2], -1);
      guint verb_end = source_end + 1 + g_utf8_strlen (f[4], -1);
      guint target_end = verb_end + 1 + g_utf8_strlen (f[7], -1);
      DmActorType source_type, target_type;
      DmRelationClass klass;
      DmRelation *relation;

      g_assert_true (dm_actor_type_from_string (f[3], &source_type));
      g_assert_true (dm_actor_type_from_string (f[8], &target_type));
      g_assert_true (dm_relation_class_from_string (f[5], &klass));

      g_string_append_printf (text, "%s %s %s. ", f[2], f[4], f[7]);
      g_ptr_array_add (mentions, dm_mention_new ((DmSpan) { start, source_end }, f[2], f[2],
                                                 source_type, NULL, NULL));
      g_ptr_array_add (mentions, dm_mention_new ((DmSpan) { verb_end + 1, target_end }, f[7], f[7],
                                                 target_type, NULL, NULL));
      relation = dm_relation_new (f[2], f[7], f[4], klass, g_str_equal (f[6], "yes"));
      relation->sentence = (DmSpan) { start, target_end + 1 };
      relation->trigger = (DmSpan) { source_end + 1, verb_end };
      relation->source_mention = (DmSpan) { start, source_end };
      relation->target_mention = (DmSpan) { verb_end + 1, target_end };
      g_ptr_array_add (relations, relation);
    }

  article = dm_article_new ("relations.tsv", text->str, text->len);
  article->title = g_strdup_printf ("Article %u", number);
  article->date = date[0] != '\0' ? g_strdup (date) : NULL;
  analysis = dm_analysis_new (article);
  for (guint i = 0; i < mentions->len; i++)
    g_ptr_array_add (analysis->mentions, g_steal_pointer (&mentions->pdata[i]));
  for (guint i = 0; i < relations->len; i++)
    g_ptr_array_add (analysis->relations, g_steal_pointer (&relations->pdata[i]));

  g_assert_true (dm_store_add_analysis (corpus->store, analysis, &corpus->article_ids[number],
                                        &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
}

static inline GraphCorpus *
graph_corpus_new (void)
{
  GraphCorpus *corpus = g_new0 (GraphCorpus, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) article_lines = g_ptr_array_new ();
  guint current = 0;
  g_autofree char *current_date = NULL;

  fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "graph", "relations.tsv", NULL);
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, &error));
  g_assert_no_error (error);

  corpus->dir = g_dir_make_tmp ("dramatis-graph-XXXXXX", &error);
  g_assert_no_error (error);
  corpus->path = g_build_filename (corpus->dir, "corpus.dramatis", NULL);
  corpus->store = dm_store_open (corpus->path, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint number;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 0);
      g_assert_cmpuint (g_strv_length (f), ==, 9);
      number = atoi (f[0]);
      g_assert_cmpuint (number, <, G_N_ELEMENTS (corpus->article_ids));
      if (number != current && article_lines->len > 0)
        {
          graph_corpus_add_article (corpus, current, current_date, article_lines);
          g_ptr_array_set_size (article_lines, 0);
        }
      current = number;
      g_free (current_date);
      current_date = g_strdup (f[1]);
      g_ptr_array_add (article_lines, lines[i]);
    }
  if (article_lines->len > 0)
    graph_corpus_add_article (corpus, current, current_date, article_lines);

  return corpus;
}

static inline void
graph_corpus_free (GraphCorpus *corpus)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dm_store_free (corpus->store);
  dir = g_dir_open (corpus->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (corpus->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (corpus->dir);
  g_free (corpus->path);
  g_free (corpus->dir);
  g_free (corpus);
}

static inline gint64
graph_corpus_actor (GraphCorpus *corpus,
                    const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) info = dm_store_find_actor (corpus->store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info->id;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GraphCorpus, graph_corpus_free)
