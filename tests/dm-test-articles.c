/* dm-test-articles.c — generated articles for the tests and benchmarks that need many
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dm-test-articles.h"

static const char * const countries[] = {
  "Ukraine", "Russia", "Poland", "Germany", "France", "the United States", "China", "Turkey",
  "Hungary", "Finland", "Sweden", "Japan", "India", "Brazil", "Israel", "Iran",
};

static const char * const people[] = {
  "Defence Secretary Pete Hegseth", "President Volodymyr Zelenskiy", "Chancellor Olaf Scholz",
  "President Emmanuel Macron", "Prime Minister Donald Tusk", "Foreign Minister Sergei Lavrov",
  "NATO Secretary General Mark Rutte", "Prime Minister Viktor Orban",
  "President Recep Tayyip Erdogan", "Foreign Minister Wang Yi",
};

static const char * const organizations[] = {
  "NATO", "the European Union", "the United Nations", "the Kremlin", "the Pentagon",
  "the International Atomic Energy Agency", "the G7", "the World Bank",
};

static const char * const verbs[] = {
  "urged", "called on", "criticised", "met", "praised", "warned", "accused", "thanked",
  "signed an agreement with", "rejected a proposal from", "imposed sanctions on",
  "promised more aid to", "held talks with", "condemned", "threatened",
};

static const char * const topics[] = {
  "military spending", "air defence", "the grain corridor", "energy prices",
  "the peace talks", "frozen assets", "drone deliveries", "the border crossing",
  "nuclear safety", "reconstruction funds",
};

/* "@" stands for a topic. */
static const char * const fillers[] = {
  "The talks lasted well into the night, officials said.",
  "No agreement was announced at the end of the meeting.",
  "Markets reacted calmly to the news on @.",
  "Analysts said the statement marked a shift in tone on @.",
  "A spokesperson declined to comment on @.",
  "The issue of @ is expected to dominate next week's summit.",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, list) pick (rand, list, G_N_ELEMENTS (list))

static const char *
pick_actor (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return PICK (rand, countries);
    case 1:
      return PICK (rand, people);
    default:
      return PICK (rand, organizations);
    }
}

/* Someone other than @subject. */
static const char *
pick_other_actor (GRand      *rand,
                  const char *subject)
{
  const char *object;

  do
    object = pick_actor (rand);
  while (g_ascii_strcasecmp (object, subject) == 0);
  return object;
}

char *
dm_test_article_text (GRand *rand,
                      guint  index)
{
  GString *text = g_string_new (NULL);
  guint n_sentences = g_rand_int_range (rand, 8, 16);
  char first[64];

  g_snprintf (first, sizeof first, "%s", pick_actor (rand));
  first[0] = g_ascii_toupper (first[0]);
  g_string_append_printf (text, "%s %s %s over %s\n\n", first, PICK (rand, verbs),
                          pick_other_actor (rand, first), PICK (rand, topics));
  g_string_append_printf (text, "BRUSSELS, %u March 2025 (Wire %u) — ", 1 + index % 28, index);

  for (guint i = 0; i < n_sentences; i++)
    {
      char subject[64];

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          const char *filler = PICK (rand, fillers);
          const char *at = strchr (filler, '@');

          if (at != NULL)
            g_string_append_printf (text, "%.*s%s%s", (int) (at - filler), filler,
                                    PICK (rand, topics), at + 1);
          else
            g_string_append (text, filler);
        }
      else
        {
          g_snprintf (subject, sizeof subject, "%s", pick_actor (rand));
          subject[0] = g_ascii_toupper (subject[0]);
          g_string_append_printf (text, "%s %s %s on %s, according to %u officials.",
                                  subject, PICK (rand, verbs), pick_other_actor (rand, subject),
                                  PICK (rand, topics), 2 + g_rand_int_range (rand, 0, 40));
        }
      g_string_append (text, i % 4 == 3 ? "\n\n" : " ");
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

GPtrArray *
dm_test_articles_write (const char *dir,
                        const char *prefix,
                        guint       first,
                        guint       n,
                        guint32     seed,
                        guint64    *n_bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (n_bytes != NULL)
    *n_bytes = 0;

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%04u.txt", prefix, i);
      g_autofree char *text = dm_test_article_text (rand, i);
      char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      if (n_bytes != NULL)
        *n_bytes += strlen (text);
      g_ptr_array_add (paths, path);
    }
  return paths;
}
