/* dm-corpus.c — the open corpus as a reference-counted object the UI and its threads share
 *
 * DmStore is a plain struct with no reference count; import, graph and export threads may
 * outlive the window that started them, so each holds a reference on the DmCorpus that owns
 * the store, and the store is closed when the last one lets go.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-corpus"

#include "config.h"

#include <string.h>

#include "dm-corpus.h"

struct _DmCorpus
{
  GObject  parent_instance;
  DmStore *store;
  char    *path;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DmCorpus, dm_corpus, G_TYPE_OBJECT)

static void
dm_corpus_finalize (GObject *object)
{
  DmCorpus *self = (DmCorpus *)object;

  g_clear_pointer (&self->store, dm_store_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (dm_corpus_parent_class)->finalize (object);
}

static void
dm_corpus_class_init (DmCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_corpus_finalize;

  /**
   * DmCorpus::changed:
   *
   * Articles, actors or relations were added: lists and the graph should reload.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dm_corpus_init (DmCorpus *self)
{
}

DmCorpus *
dm_corpus_open (const char  *path,
                GError     **error)
{
  DmCorpus *self;
  DmStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(store = dm_store_open (path, error)))
    return NULL;

  self = g_object_new (DM_TYPE_CORPUS, NULL);
  self->store = store;
  self->path = g_strdup (path);

  return self;
}

DmStore *
dm_corpus_get_store (DmCorpus *self)
{
  g_return_val_if_fail (DM_IS_CORPUS (self), NULL);

  return self->store;
}

const char *
dm_corpus_get_path (DmCorpus *self)
{
  g_return_val_if_fail (DM_IS_CORPUS (self), NULL);

  return self->path;
}

char *
dm_corpus_dup_title (DmCorpus *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (DM_IS_CORPUS (self), NULL);

  base = g_path_get_basename (self->path);
  if (g_str_has_suffix (base, ".dramatis"))
    base[strlen (base) - strlen (".dramatis")] = 0;

  return g_steal_pointer (&base);
}

void
dm_corpus_emit_changed (DmCorpus *self)
{
  g_return_if_fail (DM_IS_CORPUS (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
