/* test-text-encoding.c — Windows-1252 / Latin-1 articles are imported after conversion, with
 * a note; other bytes that are not UTF-8 keep their error
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dm-importer.h"
#include "dm-store.h"
#include "dm-text-encoding.h"

/* German and French wire copy as an old archive holds it: ISO-8859-1 letters, Windows-1252
 * curly quotes, dash and euro sign. */
static const char latin1_article[] =
  "Berlin und M\xfcnchen: Regierung r\xe4umt Fehler ein\n\n"
  "Die Bundesregierung in Berlin r\xe4umte am Montag Fehler ein. \x84Wir m\xfcssen "
  "handeln\x93, sagte der Sprecher \x96 der Haushalt wachse um 5\xa0Mio. \x80. "
  "La France salue l'accord, \xe0 Paris comme \xe0 Lyon ; \xab c'est un d\xe9" "but \xbb.\n";
static const char latin1_as_utf8[] =
  "Berlin und München: Regierung räumt Fehler ein\n\n"
  "Die Bundesregierung in Berlin räumte am Montag Fehler ein. „Wir müssen "
  "handeln“, sagte der Sprecher – der Haushalt wachse um 5\xc2\xa0Mio. €. "
  "La France salue l'accord, à Paris comme à Lyon ; « c'est un début ».\n";

static void
test_convert_western (void)
{
  gsize len = 0;
  g_autofree char *converted = dm_text_encoding_convert_legacy (latin1_article, strlen (latin1_article), &len);

  g_assert_nonnull (converted);
  g_assert_cmpstr (converted, ==, latin1_as_utf8);
  g_assert_cmpuint (len, ==, strlen (latin1_as_utf8));
}

static void
assert_not_converted (const char *data,
                      gssize      len)
{
  gsize converted_len = 0;
  g_autofree char *converted = dm_text_encoding_convert_legacy (data, len < 0 ? strlen (data) : (gsize) len,
                                                                &converted_len);

  g_assert_null (converted);
}

/* Other encodings and damaged UTF-8 are not taken for Windows-1252. */
static void
test_refuse_others (void)
{
  /* Shift-JIS: 日本の首相 — every byte above ASCII sits next to another */
  assert_not_converted ("Tokyo: \x93\xfa\x96\x7b\x82\xcc\x8e\xf1\x91\x8a\x82\xaa\x8c\xbe\x82\xc1\x82\xbd.\n", -1);
  /* KOI8-R: Москва заявила */
  assert_not_converted ("\xed\xcf\xd3\xcb\xd7\xc1 \xda\xc1\xd1\xd7\xc9\xcc\xc1.\n", -1);
  /* UTF-8 with one stray byte: mojibake if read as Windows-1252 */
  assert_not_converted ("Caf\xc3\xa9 M\xfcnchen\n", -1);
  /* a broken UTF-8 sequence in plain ASCII text ("Ã(" is no word) */
  assert_not_converted ("A bad \xc3\x28 byte in the middle.\n", -1);
  /* bytes Windows-1252 leaves undefined, control bytes, binary */
  assert_not_converted ("Text with \x81 an undefined byte\n", -1);
  assert_not_converted ("Text with \x01\x02 controls \xe9t\xe9\n", -1);
  assert_not_converted ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  /* mostly non-ASCII: not Western prose */
  assert_not_converted ("\xe9\xe8\xe0 \xf9\xf2 \xe9\xe0", -1);
  /* valid ASCII needs no conversion and gets none */
  assert_not_converted ("Plain ASCII.\n", -1);
}

/* Imported through the importer: the article is stored as UTF-8 and the summary notes it;
 * a KOI8-R file still fails with the UTF-8 error. */
static void
test_import_with_note (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-encoding-XXXXXX", NULL);
  g_autofree char *corpus = g_build_filename (dir, "news.dramatis", NULL);
  g_autofree char *western = g_build_filename (dir, "archive-1998.txt", NULL);
  g_autofree char *cyrillic = g_build_filename (dir, "moscow.txt", NULL);
  const char *paths[] = { western, cyrillic, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *text = NULL;
  const DmImportFailure *failure;

  g_assert_true (g_file_set_contents (western, latin1_article, -1, NULL));
  g_assert_true (g_file_set_contents (cyrillic, "\xed\xcf\xd3\xcb\xd7\xc1 \xda\xc1\xd1\xd7\xc9\xcc\xc1.\n", -1, NULL));
  store = dm_store_open (corpus, &error);
  g_assert_no_error (error);

  summary = dm_import_paths (store, NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_articles_added, ==, 1);
  g_assert_cmpuint (summary->converted->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->converted, 0), ==, western);
  g_assert_cmpuint (summary->failures->len, ==, 1);
  failure = g_ptr_array_index (summary->failures, 0);
  g_assert_cmpstr (failure->path, ==, cyrillic);
  g_assert_nonnull (strstr (failure->message, "not valid UTF-8"));

  articles = dm_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  text = dm_store_get_article_text (store, ((DmArticleInfo *) g_ptr_array_index (articles, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, latin1_as_utf8);

  g_clear_pointer (&store, dm_store_free);
  g_remove (western);
  g_remove (cyrillic);
  g_remove (corpus);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/text-encoding/convert-western", test_convert_western);
  g_test_add_func ("/dramatis/text-encoding/refuse-others", test_refuse_others);
  g_test_add_func ("/dramatis/text-encoding/import-with-note", test_import_with_note);

  return g_test_run ();
}
