/* test-json-reader.c — the strict JSON reader, and extraction output read back into analyses
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-extractor.h"
#include "dm-import-jsonl.h"
#include "dm-json-reader.h"
#include "dm-json.h"
#include "dm-test-articles.h"

static DmJsonValue *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  DmJsonValue *value = dm_json_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value;
}

static void
test_values (void)
{
  g_autoptr(DmJsonValue) object =
    parse (" {\"s\": \"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\", \"n\": -12.5e1, \"z\": 0,"
           " \"t\": true, \"f\": false, \"x\": null, \"a\": [1, [2, {}], \"é\"], \"o\": {\"k\": []}} ");
  const DmJsonValue *a;
  const char *s = NULL;
  gboolean b = FALSE;
  guint first, second;

  g_assert_cmpint (object->type, ==, DM_JSON_OBJECT);
  g_assert_true (dm_json_object_get_string (object, "s", TRUE, &s, NULL));
  g_assert_cmpstr (s, ==, "a\"b\\c/\né😀");
  g_assert_cmpfloat (dm_json_object_get (object, "n")->number, ==, -125.0);
  g_assert_true (dm_json_object_get_boolean (object, "t", &b, NULL) && b);
  g_assert_true (dm_json_object_get_boolean (object, "f", &b, NULL) && !b);
  g_assert_cmpint (dm_json_object_get (object, "x")->type, ==, DM_JSON_NULL);
  a = dm_json_object_get (object, "a");
  g_assert_cmpint (a->items->len, ==, 3);
  g_assert_cmpstr (((DmJsonValue *) g_ptr_array_index (a->items, 2))->string, ==, "é");
  g_assert_null (dm_json_object_get (object, "missing"));

  /* optional strings: missing and null are NULL, a number is an error */
  g_assert_true (dm_json_object_get_string (object, "x", FALSE, &s, NULL) && s == NULL);
  g_assert_true (dm_json_object_get_string (object, "missing", FALSE, &s, NULL) && s == NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (dm_json_object_get_string (object, "n", FALSE, &s, &error));
    g_assert_error (error, DM_JSON_ERROR, DM_JSON_ERROR_TYPE);
    g_assert_nonnull (strstr (error->message, "“n”"));
  }
  {
    g_autoptr(DmJsonValue) spans = parse ("{\"p\": [3, 7], \"bad\": [7, 3], \"neg\": [-1, 2], \"frac\": [1.5, 2]}");

    g_assert_true (dm_json_object_get_pair (spans, "p", &first, &second, NULL));
    g_assert_cmpuint (first, ==, 3);
    g_assert_cmpuint (second, ==, 7);
    g_assert_false (dm_json_object_get_pair (spans, "bad", &first, &second, NULL));
    g_assert_false (dm_json_object_get_pair (spans, "neg", &first, &second, NULL));
    g_assert_false (dm_json_object_get_pair (spans, "frac", &first, &second, NULL));
    g_assert_false (dm_json_object_get_uint (spans, "p", &first, NULL));
  }
}

static void
test_refused (void)
{
  static const char * const bad[] = {
    "", "   ", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "1.", ".5",
    "-", "1e", "+1", "NaN", "Infinity", "tru", "nul", "\"abc", "\"a\tb\"", "\"\\x\"",
    "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\u0000\"",
    "\"\xc3\x28\"", "\"\xff\"", "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":1,\"a\":2}",
    "{\"k1\":0,\"k2\":0,\"k3\":0,\"k4\":0,\"k5\":0,\"k6\":0,\"k7\":0,\"k8\":0,\"k9\":0,"
    "\"k10\":0,\"k11\":0,\"k12\":0,\"k13\":0,\"k14\":0,\"k15\":0,\"k16\":0,\"k17\":0,\"k3\":0}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmJsonValue) value = dm_json_parse (bad[i], strlen (bad[i]), &error);

      if (value != NULL)
        g_error ("accepted %s", bad[i]);
      g_assert_error (error, DM_JSON_ERROR, DM_JSON_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "not JSON: "));
    }

  /* 64 levels are fine, 65 are not: a hostile line cannot exhaust the stack */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(DmJsonValue) ok = NULL;
    g_autoptr(DmJsonValue) refused = NULL;

    for (guint i = 0; i < 65; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 65; i++)
      g_string_append_c (deep, ']');
    ok = dm_json_parse (deep->str + 1, deep->len - 2, NULL);
    g_assert_nonnull (ok);
    refused = dm_json_parse (deep->str, deep->len, &error);
    g_assert_null (refused);
    g_assert_error (error, DM_JSON_ERROR, DM_JSON_ERROR_SYNTAX);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DmJsonValue) value = dm_json_parse ("{\"a\": tru}", 10, &error);

    g_assert_null (value);
    g_assert_cmpstr (error->message, ==, "not JSON: column 7: expected a value");
  }
}

/* Extraction output read back */

static DmJsonlReader *
reader_for (const char *text)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);

  return dm_jsonl_reader_new (stream);
}

static void
assert_same_analysis (const DmAnalysis *a,
                      const DmAnalysis *b)
{
  g_assert_cmpstr (a->article->id, ==, b->article->id);
  g_assert_cmpstr (a->article->title, ==, b->article->title);
  g_assert_cmpstr (a->article->date, ==, b->article->date);
  g_assert_cmpstr (a->article->text, ==, b->article->text);
  g_assert_cmpuint (a->article->length, ==, b->article->length);
  g_assert_cmpuint (a->mentions->len, ==, b->mentions->len);
  g_assert_cmpuint (a->relations->len, ==, b->relations->len);
  for (guint i = 0; i < a->mentions->len; i++)
    {
      const DmMention *m = g_ptr_array_index (a->mentions, i);
      const DmMention *n = g_ptr_array_index (b->mentions, i);

      g_assert_cmpuint (m->span.start, ==, n->span.start);
      g_assert_cmpuint (m->span.end, ==, n->span.end);
      g_assert_cmpstr (m->text, ==, n->text);
      g_assert_cmpstr (m->actor, ==, n->actor);
      g_assert_cmpint (m->type, ==, n->type);
      g_assert_cmpstr (m->role, ==, n->role);
      g_assert_cmpstr (m->affiliation, ==, n->affiliation);
    }
  for (guint i = 0; i < a->relations->len; i++)
    {
      const DmRelation *r = g_ptr_array_index (a->relations, i);
      const DmRelation *s = g_ptr_array_index (b->relations, i);

      g_assert_cmpstr (r->source, ==, s->source);
      g_assert_cmpstr (r->target, ==, s->target);
      g_assert_cmpstr (r->verb, ==, s->verb);
      g_assert_cmpint (r->klass, ==, s->klass);
      g_assert_cmpint (r->negated, ==, s->negated);
      g_assert_cmpmem (&r->sentence, sizeof (DmSpan) * 4, &s->sentence, sizeof (DmSpan) * 4);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(DmJsonlReader) reader = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = dm_test_article_text (rand, i);
      g_autofree char *id = g_strdup_printf ("article-%u.txt", i);
      DmArticle *article = dm_article_new (id, text, -1);
      DmAnalysis *analysis;

      article->title = g_strdup_printf ("Headline %u", i);
      article->date = i % 2 ? g_strdup ("2025-02-12") : NULL;
      analysis = dm_extractor_analyze (dm_extractor_get_default (), article);
      g_assert_cmpuint (analysis->relations->len, >, 0);
      dm_json_append_analysis (out, analysis, TRUE);
      /* lines of a kind a newer extract may write are skipped */
      g_string_append (out, "{\"kind\":\"event\",\"article\":\"x\"}\n\n");
      g_ptr_array_add (originals, analysis);
    }

  reader = reader_for (out->str);
  for (guint i = 0; i < originals->len; i++)
    {
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (dm_jsonl_reader_next (reader, &analysis, &error));
      g_assert_no_error (error);
      g_assert_nonnull (analysis);
      assert_same_analysis (g_ptr_array_index (originals, i), analysis);
    }
  {
    DmAnalysis *end = NULL;

    g_assert_true (dm_jsonl_reader_next (reader, &end, NULL));
    g_assert_null (end);
  }
}

static void
test_bad_articles (void)
{
  static const char input[] =
    "{\"kind\":\"article\",\"id\":\"a\",\"title\":null,\"date\":null,\"source\":null,\"length\":5,\"text\":\"Hello\"}\n"
    "{\"kind\":\"mention\",\"article\":\"a\",\"start\":0,\"end\":\"5\",\"text\":\"Hello\",\"actor\":\"Hello\",\"type\":\"person\",\"role\":null,\"affiliation\":null}\n"
    "{\"kind\":\"error\",\"id\":\"b\",\"line\":2,\"message\":\"the file is empty\"}\n"
    "{\"kind\":\"article\",\"id\":\"c.txt\",\"title\":null,\"date\":null,\"source\":null,\"length\":5}\n"
    "{\"kind\":\"article\",\"id\":\"d\",\"title\":null,\"date\":null,\"source\":null,\"length\":5,\"text\":\"Hello\"}\n"
    "{\"kind\":\"mention\",\"article\":\"e\",\"start\":0,\"end\":5,\"text\":\"Hello\",\"actor\":\"Hello\",\"type\":\"person\",\"role\":null,\"affiliation\":null}\n"
    "not json\n"
    "{\"kind\":\"article\",\"id\":\"f\",\"title\":\"T\",\"date\":null,\"source\":null,\"length\":5,\"text\":\"Hello\"}\n"
    "{\"kind\":\"mention\",\"article\":\"f\",\"start\":0,\"end\":5,\"text\":\"Hello\",\"actor\":\"Hello\",\"type\":\"person\",\"role\":null,\"affiliation\":null}\n";
  static const char * const expected[] = {
    "line 2: “end” must be a whole number",
    "line 3: extract could not read “b”: the file is empty",
    "line 4: the article “c.txt” comes without its text",
    "line 6: a mention of “e” among the lines of “d”",
  };
  g_autoptr(DmJsonlReader) reader = reader_for (input);
  g_autoptr(DmAnalysis) last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      DmAnalysis *analysis = NULL;

      g_assert_false (dm_jsonl_reader_next (reader, &analysis, &error));
      g_assert_null (analysis);
      g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, expected[i]))
        g_error ("expected “%s…”, got “%s”", expected[i], error->message);
    }

  /* the bad lines cost their own articles only */
  g_assert_true (dm_jsonl_reader_next (reader, &last, NULL));
  g_assert_nonnull (last);
  g_assert_cmpstr (last->article->id, ==, "f");
  g_assert_cmpstr (last->article->title, ==, "T");
  g_assert_cmpuint (last->mentions->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/json-reader/values", test_values);
  g_test_add_func ("/dramatis/json-reader/refused", test_refused);
  g_test_add_func ("/dramatis/json-reader/round-trip", test_round_trip);
  g_test_add_func ("/dramatis/json-reader/bad-articles", test_bad_articles);

  return g_test_run ();
}
