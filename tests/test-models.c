/* test-models.c — the shipped models load, and damaged or foreign model files are errors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dm-models.h"
#include "dm-parser-private.h"
#include "dm-perceptron-private.h"
#include "dm-tagger-private.h"

static GBytes *
shipped (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/dramatis/models/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_default_models_load_once (void)
{
  g_autoptr(GError) error = NULL;
  const DmModels *models = dm_models_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (models->tagger);
  g_assert_nonnull (models->parser);
  g_assert_true (dm_models_get_default (NULL) == models);
}

static void
assert_refused (const char *name,
                GBytes     *bytes,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  gpointer model = dm_models_load_one (name, bytes, &error);

  g_assert_null (model);
  g_assert_error (error, DM_MODEL_ERROR, code);
  /* The message names the model and says what is wrong with it. */
  g_assert_true (g_str_has_prefix (error->message, name));
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_damaged_files_are_errors (void)
{
  const char * const names[] = { "tagger.model", "parser.model" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) good = shipped (names[i]);
      gsize len;
      const guint8 *data = g_bytes_get_data (good, &len);
      g_autoptr(GBytes) truncated = g_bytes_new (data, len / 2);
      g_autoptr(GBytes) header_only = g_bytes_new (data, 12);
      g_autofree guint8 *flipped = g_memdup2 (data, len);
      g_autoptr(GBytes) corrupt = NULL;

      flipped[len / 3] ^= 0x40;
      corrupt = g_bytes_new_take (g_steal_pointer (&flipped), len);
      assert_refused (names[i], truncated, DM_MODEL_ERROR_CORRUPT, "damaged or truncated");
      assert_refused (names[i], header_only, DM_MODEL_ERROR_CORRUPT, "damaged or truncated");
      assert_refused (names[i], corrupt, DM_MODEL_ERROR_CORRUPT, "damaged or truncated");
    }
}

static void
test_foreign_files_are_errors (void)
{
  g_autoptr(GBytes) tagger = shipped ("tagger.model");
  g_autoptr(GBytes) parser = shipped ("parser.model");
  g_autoptr(GBytes) text = g_bytes_new_static ("1\tThe\tthe\tDET\n", 15);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  assert_refused ("parser.model", tagger, DM_MODEL_ERROR_FOREIGN, "a tagger model where a parser");
  assert_refused ("tagger.model", parser, DM_MODEL_ERROR_FOREIGN, "a parser model where a tagger");
  assert_refused ("tagger.model", text, DM_MODEL_ERROR_FOREIGN, "not a Dramatis model");
  assert_refused ("parser.model", empty, DM_MODEL_ERROR_FOREIGN, "not a Dramatis model");
}

/* A parser model whose feature keys are the earlier FNV hashes of whole strings (every parser
 * trained before the per-word keys: its extra section does not name the key scheme) would
 * find no feature it was trained on, or worse, others by chance: it is refused, with a
 * message that says why, never read. Made here from the shipped parser: the same table,
 * without the section that names its keys. */
static void
test_parser_keyed_the_earlier_way_is_refused (void)
{
  g_autoptr(GBytes) parser = shipped ("parser.model");
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (parser, "parser", &error);
  g_autoptr(GBytes) unnamed = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) other = g_bytes_new_static ("dramatis-parser-keys 1", 22);

  g_assert_no_error (error);
  g_assert_true (dm_parser_model_keys_match (model, NULL));
  unnamed = dm_perceptron_save_rekeyed (model, NULL, 0.0f, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_refused ("parser.model", unnamed, DM_MODEL_ERROR_VERSION, "hashed the earlier way");
  g_clear_pointer (&unnamed, g_bytes_unref);
  unnamed = dm_perceptron_save_rekeyed (model, empty, 0.0f, NULL, NULL, &error);
  assert_refused ("parser.model", unnamed, DM_MODEL_ERROR_VERSION, "hashed the earlier way");
  g_clear_pointer (&unnamed, g_bytes_unref);
  unnamed = dm_perceptron_save_rekeyed (model, other, 0.0f, NULL, NULL, &error);
  assert_refused ("parser.model", unnamed, DM_MODEL_ERROR_VERSION, "hashed the earlier way");
}

/* The same for a tagger: one trained before the per-word keys has only its dictionary in the
 * extra section, without the line that names the keys (DM_TAGGER_KEYS). Made here from the
 * shipped tagger: the same table, the dictionary without that line. */
static void
test_tagger_keyed_the_earlier_way_is_refused (void)
{
  g_autoptr(GBytes) tagger = shipped ("tagger.model");
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPerceptron) model = dm_perceptron_load (tagger, "tagger", &error);
  GBytes *extra;
  g_autoptr(GBytes) dictionary = NULL;
  g_autoptr(GBytes) earlier = NULL;
  gsize len;
  const char *data;

  g_assert_no_error (error);
  extra = dm_perceptron_get_extra (model);
  data = g_bytes_get_data (extra, &len);
  g_assert_true (g_str_has_prefix (data, DM_TAGGER_KEYS));
  g_assert_nonnull (dm_tagger_keys_skip (extra, NULL));
  dictionary = g_bytes_new_from_bytes (extra, strlen (DM_TAGGER_KEYS), len - strlen (DM_TAGGER_KEYS));
  g_assert_null (dm_tagger_keys_skip (dictionary, NULL));
  earlier = dm_perceptron_save_rekeyed (model, dictionary, 0.0f, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_refused ("tagger.model", earlier, DM_MODEL_ERROR_VERSION, "hashed the earlier way");
  g_clear_pointer (&earlier, g_bytes_unref);
  earlier = dm_perceptron_save_rekeyed (model, NULL, 0.0f, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_refused ("tagger.model", earlier, DM_MODEL_ERROR_VERSION, "hashed the earlier way");
}

static void
test_model_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dramatis-models-XXXXXX", &error);
  g_autofree char *tagger_path = g_build_filename (dir, "tagger.model", NULL);
  g_autofree char *parser_path = g_build_filename (dir, "parser.model", NULL);
  g_autoptr(GBytes) tagger = shipped ("tagger.model");
  g_autoptr(DmModels) missing = NULL;
  g_autoptr(DmModels) damaged = NULL;
  g_autoptr(DmModels) models = NULL;

  g_assert_no_error (error);
  missing = dm_models_new_from_dir (dir, &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (tagger_path, g_bytes_get_data (tagger, NULL),
                                      g_bytes_get_size (tagger), NULL));
  g_assert_true (g_file_set_contents (parser_path, "DMMODEL", 7, NULL));
  damaged = dm_models_new_from_dir (dir, &error);
  g_assert_null (damaged);
  g_assert_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN);
  g_clear_error (&error);

  {
    g_autoptr(GBytes) parser = shipped ("parser.model");

    g_assert_true (g_file_set_contents (parser_path, g_bytes_get_data (parser, NULL),
                                        g_bytes_get_size (parser), NULL));
  }
  models = dm_models_new_from_dir (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (models->parser);

  g_unlink (tagger_path);
  g_unlink (parser_path);
  g_rmdir (dir);
}

/* The engine starts without reading its models through (dm_perceptron_load_built_in ()):
 * this is where every shipped model gets the full check, checksum and table. */
static void
test_shipped_models_pass_the_full_check (void)
{
  const char * const kinds[] = { "tagger", "parser", "ner" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".model", NULL);
      g_autoptr(GBytes) bytes = shipped (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(DmPerceptron) checked = dm_perceptron_load (bytes, kinds[i], &error);
      g_autoptr(DmPerceptron) built_in = NULL;

      g_assert_no_error (error);
      built_in = dm_perceptron_load_built_in (bytes, kinds[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (dm_perceptron_n_classes (built_in), ==, dm_perceptron_n_classes (checked));
      g_assert_cmpuint (dm_perceptron_n_features (built_in), ==, dm_perceptron_n_features (checked));
      g_assert_cmpuint (dm_perceptron_n_features (built_in), >, 0);
    }
}

/* Loading a built-in model still reads its header and the table's size. */
static void
test_built_in_load_checks_the_header (void)
{
  g_autoptr(GBytes) tagger = shipped ("tagger.model");
  gsize len;
  const guint8 *data = g_bytes_get_data (tagger, &len);
  g_autoptr(GBytes) truncated = g_bytes_new (data, len / 2);
  g_autoptr(GError) error = NULL;

  g_assert_null (dm_perceptron_load_built_in (tagger, "parser", &error));
  g_assert_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_null (dm_perceptron_load_built_in (truncated, "tagger", &error));
  g_assert_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/models/default-models-load-once", test_default_models_load_once);
  g_test_add_func ("/dramatis/models/damaged-files-are-errors", test_damaged_files_are_errors);
  g_test_add_func ("/dramatis/models/foreign-files-are-errors", test_foreign_files_are_errors);
  g_test_add_func ("/dramatis/models/parser-keyed-the-earlier-way-is-refused",
                   test_parser_keyed_the_earlier_way_is_refused);
  g_test_add_func ("/dramatis/models/tagger-keyed-the-earlier-way-is-refused",
                   test_tagger_keyed_the_earlier_way_is_refused);
  g_test_add_func ("/dramatis/models/model-directory", test_model_directory);
  g_test_add_func ("/dramatis/models/shipped-models-pass-the-full-check",
                   test_shipped_models_pass_the_full_check);
  g_test_add_func ("/dramatis/models/built-in-load-checks-the-header",
                   test_built_in_load_checks_the_header);
  return g_test_run ();
}
