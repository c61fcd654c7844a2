/* dm-train-common.c — what the parts of dramatis-train share: corpora, model files, shuffles
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-train"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dm-models.h"
#include "dm-train-private.h"

void
dm_train_set_free (DmTrainSet *set)
{
  if (set == NULL)
    return;
  g_free (set->label);
  g_clear_pointer (&set->sentences, g_ptr_array_unref);
  g_free (set);
}

GPtrArray *
dm_train_load_files (const char * const *paths,
                     GError            **error)
{
  g_autoptr(GPtrArray) all =
    g_ptr_array_new_with_free_func ((GDestroyNotify) dm_conllu_sentence_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) some = dm_conllu_load (paths[i], error);

      if (some == NULL)
        return NULL;
      /* Move the sentences over without copying them. */
      g_ptr_array_set_free_func (some, NULL);
      for (guint k = 0; k < some->len; k++)
        g_ptr_array_add (all, g_ptr_array_index (some, k));
    }
  return g_steal_pointer (&all);
}

GPtrArray *
dm_train_load_sets (const char * const *specs,
                    GError            **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_train_set_free);

  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *colon = strchr (specs[i], ':');
      g_auto(GStrv) files = NULL;
      g_autoptr(DmTrainSet) set = g_new0 (DmTrainSet, 1);

      if (colon == NULL || colon == specs[i])
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--heldout “%s”: expected LABEL:FILE[,FILE…]", specs[i]);
          return NULL;
        }
      set->label = g_strndup (specs[i], colon - specs[i]);
      files = g_strsplit (colon + 1, ",", -1);
      if ((set->sentences = dm_train_load_files ((const char * const *) files, error)) == NULL)
        return NULL;
      g_ptr_array_add (sets, g_steal_pointer (&set));
    }
  return g_steal_pointer (&sets);
}

const char **
dm_train_forms (const DmConlluSentence *sentence)
{
  const char **forms = g_new0 (const char *, sentence->words->len + 1);

  for (guint i = 0; i < sentence->words->len; i++)
    forms[i] = dm_conllu_word (sentence, i)->form;
  return forms;
}

gboolean
dm_train_write_model (const char *path,
                      GBytes     *bytes,
                      GError    **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!g_file_set_contents (path, data, len, error))
    return FALSE;
  printf ("wrote %s: %.1f MB\n", path, len / 1e6);
  return TRUE;
}

void
dm_train_shuffle (GPtrArray *array,
                  guint      epoch)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5eed + epoch);

  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

GBytes *
dm_train_read_file (const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

gpointer
dm_train_load_model (const char  *name,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = dm_train_read_file (path, error);

  return bytes != NULL ? dm_models_load_one (name, bytes, error) : NULL;
}
