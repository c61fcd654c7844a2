/* fuzz-text.c — libFuzzer target: import of any bytes, sentence splitting, tagging and
 * parsing of every sentence, and extraction (by the tree rules and the word-order rules)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-import.h"
#include "dm-extractor.h"
#include "dm-json.h"
#include "dm-lexicon.h"
#include "dm-models.h"
#include "dm-name-tags.h"
#include "dm-parse-tokens.h"
#include "dm-relations-private.h"
#include "fuzz-common.h"

static void
check_span (const DmArticle *article,
            DmSpan           span)
{
  g_assert (span.start <= span.end);
  g_assert (span.end <= article->length);
}

static void
check_relations (const DmAnalysis *analysis)
{
  for (guint i = 0; i < analysis->relations->len; i++)
    {
      const DmRelation *r = g_ptr_array_index (analysis->relations, i);

      check_span (analysis->article, r->sentence);
      check_span (analysis->article, r->trigger);
      check_span (analysis->article, r->source_mention);
      check_span (analysis->article, r->target_mention);
      g_assert (*r->target != '\0');
    }
}

/* The extractor parses only sentences with a trigger and two actors; here every sentence
 * goes through the tagger, the parser and the tree rules, whatever it holds. */
static void
parse_everything (const DmArticle *article)
{
  const DmModels *models = dm_models_get_default (NULL);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmRecognition) r = NULL;
  g_autoptr(DmParse) parse = NULL;

  g_assert (models != NULL);
  analysis = dm_analysis_new (dm_article_copy (article));
  doc = dm_text_doc_new (analysis->article->text, analysis->article->text_len);
  r = dm_recognize (dm_lexicon_get_default (), doc);
  parse = dm_parse_tokens_new (doc);
  for (guint s = 0; s < parse->sentences->len; s++)
    {
      const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);
      guint roots = 0;

      g_autofree gboolean *names = g_new (gboolean, MAX (1, ps->n_tokens));

      dm_name_tags_mark (r, parse, s, names);
      dm_tagger_tag (models->tagger, doc, parse, s, names);
      dm_parser_parse (models->parser, doc, parse, s);
      for (guint i = ps->first; i < ps->first + ps->n_tokens; i++)
        {
          const DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, i);

          g_assert (t->head == -1 || (t->head >= (int) ps->first &&
                                      t->head < (int) (ps->first + ps->n_tokens) &&
                                      t->head != (int) i));
          roots += t->head == -1;
        }
      g_assert (ps->n_tokens == 0 || roots == 1);
    }
  dm_relations_extract (r, parse, analysis);
  check_relations (analysis);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_bytes ("fuzz.txt", bytes, &error);

  g_assert ((articles == NULL) != (error == NULL));
  while (articles != NULL && articles->len > 0)
    {
      DmArticle *article = g_ptr_array_steal_index (articles, 0);
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GString) json = g_string_new (NULL);

      parse_everything (article);
      analysis = dm_extractor_analyze (dm_extractor_get_default (), article);

      for (guint i = 0; i < analysis->mentions->len; i++)
        {
          const DmMention *m = g_ptr_array_index (analysis->mentions, i);

          check_span (analysis->article, m->span);
          g_assert (*m->actor != '\0');
        }
      check_relations (analysis);
      dm_json_append_analysis (json, analysis, TRUE);
      g_assert (g_utf8_validate (json->str, json->len, NULL));
    }
  return 0;
}
