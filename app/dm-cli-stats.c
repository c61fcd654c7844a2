/* dm-cli-stats.c — dramatis-cli stats: what a corpus holds, and who is in it most
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "dm-cli-private.h"
#include "dm-json.h"
#include "dm-store.h"

#define DEFAULT_TOP 10

/* Pads by characters, not bytes, so that names like "Зеленський" line up. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  guint length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (guint i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

static int
compare_class_counts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const guint *counts = user_data;
  guint ca = counts[*(const guint *) a];
  guint cb = counts[*(const guint *) b];

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
print_text (const char         *db_path,
            const DmStoreStats *stats,
            GPtrArray          *top)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint classes[DM_N_CLASSES];
  guint name_width = 4;

  append_padded (out, _("Corpus:"), 12);
  g_string_append_printf (out, "%s\n", db_path);
  append_padded (out, _("Articles:"), 12);
  g_string_append_printf (out, "%u\n", stats->n_articles);
  append_padded (out, _("Mentions:"), 12);
  g_string_append_printf (out, "%u\n", stats->n_mentions);
  append_padded (out, _("Actors:"), 12);
  g_string_append_printf (out, "%u\n", stats->n_actors);
  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    {
      g_string_append (out, "  ");
      append_padded (out, dm_actor_type_to_string (i), 14);
      g_string_append_printf (out, "%6u\n", stats->actors_by_type[i]);
    }

  append_padded (out, _("Relations:"), 12);
  g_string_append_printf (out, "%u\n", stats->n_relations);
  for (guint i = 0; i < DM_N_CLASSES; i++)
    classes[i] = i;
  g_qsort_with_data (classes, DM_N_CLASSES, sizeof (guint), compare_class_counts,
                     (gpointer) stats->relations_by_class);
  for (guint i = 0; i < DM_N_CLASSES; i++)
    {
      if (stats->relations_by_class[classes[i]] == 0)
        continue;
      g_string_append (out, "  ");
      append_padded (out, dm_relation_class_to_string (classes[i]), 14);
      g_string_append_printf (out, "%6u\n", stats->relations_by_class[classes[i]]);
    }

  if (top->len > 0)
    {
      for (guint i = 0; i < top->len; i++)
        name_width = MAX (name_width, g_utf8_strlen (((DmActorInfo *) top->pdata[i])->name, -1));
      name_width = MIN (name_width, 40);

      g_string_append_printf (out, "%s\n  ", _("Top actors by mentions:"));
      append_padded (out, _("Name"), name_width + 2);
      append_padded (out, _("Type"), 12);
      /* Translators: two column headings, each right-aligned in 10 characters */
      g_string_append_printf (out, "%10s %10s\n", _("Mentions"), _("Relations"));
      for (guint i = 0; i < top->len; i++)
        {
          const DmActorInfo *actor = g_ptr_array_index (top, i);

          g_string_append (out, "  ");
          append_padded (out, actor->name, name_width + 2);
          append_padded (out, dm_actor_type_to_string (actor->type), 12);
          g_string_append_printf (out, "%10u %10u\n", actor->n_mentions, actor->n_relations);
        }
    }

  fputs (out->str, stdout);
}

static void
print_json (const char         *db_path,
            const DmStoreStats *stats,
            GPtrArray          *top)
{
  g_autoptr(GString) out = g_string_new ("{\"corpus\":");

  dm_json_append_string (out, db_path);
  g_string_append_printf (out, ",\"articles\":%u,\"mentions\":%u,\"actors\":%u,\"relations\":%u",
                          stats->n_articles, stats->n_mentions, stats->n_actors,
                          stats->n_relations);

  g_string_append (out, ",\"actors_by_type\":{");
  for (guint i = 0; i < DM_N_ACTOR_TYPES; i++)
    g_string_append_printf (out, "%s\"%s\":%u", i > 0 ? "," : "",
                            dm_actor_type_to_string (i), stats->actors_by_type[i]);

  g_string_append (out, "},\"relations_by_class\":{");
  for (guint i = 0; i < DM_N_CLASSES; i++)
    g_string_append_printf (out, "%s\"%s\":%u", i > 0 ? "," : "",
                            dm_relation_class_to_string (i), stats->relations_by_class[i]);

  g_string_append (out, "},\"top_actors\":[");
  for (guint i = 0; i < top->len; i++)
    {
      const DmActorInfo *actor = g_ptr_array_index (top, i);

      g_string_append (out, i > 0 ? ",{\"name\":" : "{\"name\":");
      dm_json_append_string (out, actor->name);
      g_string_append_printf (out, ",\"type\":\"%s\",\"mentions\":%u,\"relations\":%u}",
                              dm_actor_type_to_string (actor->type),
                              actor->n_mentions, actor->n_relations);
    }
  g_string_append (out, "]}\n");

  fputs (out->str, stdout);
}

int
dm_cli_stats (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) rest = NULL;
  DmStoreStats stats;
  gboolean json = FALSE;
  int top = DEFAULT_TOP;

  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus to summarise"), N_("PATH") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top,
      N_("How many of the most mentioned actors to list (10)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object instead of text"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dramatis-cli stats");
  context = g_option_context_new (N_("— summarise a corpus"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    N_("Counts the articles, actors (by type), mentions and relations (by class) of the corpus\n"
       "at PATH, and lists its most mentioned actors."));
  g_option_context_set_description (context,
    N_("Exit status: 0 when the summary was printed, 1 when the corpus could not be read,\n"
       "2 for a usage error."));
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, "%s", error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (rest != NULL && rest[0] != NULL)
    {
      dm_cli_error (NULL, _("stats: unexpected argument “%s”"), rest[0]);
      return DM_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    {
      dm_cli_error (NULL, _("stats: --db PATH is required"));
      return DM_CLI_EXIT_USAGE;
    }
  if (top < 0)
    {
      dm_cli_error (NULL, _("stats: --top must be 0 or more"));
      return DM_CLI_EXIT_USAGE;
    }

  /* Opening would create an empty corpus: a summary must not leave one behind. */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      dm_cli_error (NULL, _("no corpus at %s"), db_path);
      return DM_CLI_EXIT_FAILED;
    }

  store = dm_store_open (db_path, &error);
  if (store == NULL)
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  actors = dm_store_list_top_actors (store, top, &error);
  if (actors == NULL || !dm_store_get_stats (store, &stats, &error))
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  if (json)
    print_json (db_path, &stats, actors);
  else
    print_text (db_path, &stats, actors);

  return DM_CLI_EXIT_OK;
}
