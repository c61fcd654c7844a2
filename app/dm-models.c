/* dm-models.c — the trained models the engine ships with, loaded once
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-models"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <gio/gio.h>
#include <string.h>

#include "dm-models.h"
#include "dm-parser-private.h"
#include "dm-perceptron.h"
#include "dm-tagger-private.h"

#define RESOURCE_PREFIX "/io/github/dramatis/models/"

typedef gpointer (*NewFunc) (DmPerceptron *model, GError **error);

/* One row per model: its file and kind, where it goes in DmModels, how to make it from its
 * perceptron and free it. */
static const struct {
  const char     *name;
  const char     *kind;
  gsize           offset;
  NewFunc         new_for_model;
  GDestroyNotify  free;
} model_table[] = {
  { "tagger.model", "tagger", G_STRUCT_OFFSET (DmModels, tagger),
    (NewFunc) dm_tagger_new_for_model, (GDestroyNotify) dm_tagger_free },
  { "parser.model", "parser", G_STRUCT_OFFSET (DmModels, parser),
    (NewFunc) dm_parser_new_for_model, (GDestroyNotify) dm_parser_free },
};

static int
find_row (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_table); i++)
    if (strcmp (model_table[i].name, name) == 0)
      return i;
  return -1;
}

/* @built_in: @bytes are the engine's own resource (dm_perceptron_load_built_in ()). */
static gpointer
load_one (const char  *name,
          GBytes      *bytes,
          gboolean     built_in,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  int row = find_row (name);
  DmPerceptron *perceptron;
  gpointer model = NULL;

  g_return_val_if_fail (row >= 0, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  perceptron = built_in ? dm_perceptron_load_built_in (bytes, model_table[row].kind, &local)
                        : dm_perceptron_load (bytes, model_table[row].kind, &local);
  if (perceptron != NULL)
    model = model_table[row].new_for_model (perceptron, &local);
  if (model == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
      return NULL;
    }
  return model;
}

gpointer
dm_models_load_one (const char  *name,
                    GBytes      *bytes,
                    GError     **error)
{
  return load_one (name, bytes, FALSE, error);
}

void
dm_models_free_one (const char *name,
                    gpointer    model)
{
  int row = find_row (name);

  g_return_if_fail (row >= 0);
  if (model != NULL)
    model_table[row].free (model);
}

void
dm_models_free (DmModels *models)
{
  if (models == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (model_table); i++)
    dm_models_free_one (model_table[i].name,
                        G_STRUCT_MEMBER (gpointer, models, model_table[i].offset));
  g_free (models);
}

/* Fills @models from @fetch, which gives each file's bytes (the engine's own resources when
 * @built_in). */
static DmModels *
load_all (GBytes *(*fetch) (const char *dir, const char *name, GError **error),
          const char  *dir,
          gboolean     built_in,
          GError     **error)
{
  g_autoptr(DmModels) models = g_new0 (DmModels, 1);

  for (guint i = 0; i < G_N_ELEMENTS (model_table); i++)
    {
      g_autoptr(GBytes) bytes = fetch (dir, model_table[i].name, error);
      gpointer model;

      if (bytes == NULL)
        return NULL;
      if ((model = load_one (model_table[i].name, bytes, built_in, error)) == NULL)
        return NULL;
      G_STRUCT_MEMBER (gpointer, models, model_table[i].offset) = model;
    }
  return g_steal_pointer (&models);
}

static GBytes *
fetch_file (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  return mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
}

static GBytes *
fetch_resource (const char  *dir,
                const char  *name,
                GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GError) local = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);

  if (bytes == NULL)
    g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                 _("the %s model is not built into this Dramatis (%s)"), name, local->message);
  return bytes;
}

DmModels *
dm_models_new_from_dir (const char  *dir,
                        GError     **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  return load_all (fetch_file, dir, FALSE, error);
}

const DmModels *
dm_models_get_default (GError **error)
{
  static DmModels *models;
  static GError *failure;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      const char *dir = g_getenv ("DRAMATIS_MODEL_DIR");
      gint64 start = g_get_monotonic_time ();

      if (dir != NULL && *dir != '\0')
        models = dm_models_new_from_dir (dir, &failure);
      else
        models = load_all (fetch_resource, NULL, TRUE, &failure);
      g_debug ("models loaded in %.1f ms", (g_get_monotonic_time () - start) / 1e3);
      g_once_init_leave (&loaded, 1);
    }
  if (models == NULL)
    g_propagate_error (error, g_error_copy (failure));
  return models;
}
