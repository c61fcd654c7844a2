/* parse-test-common.h — tagging and parsing a sentence with the shipped models, for tests
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "dm-models.h"
#include "dm-parse-tokens.h"

/* Tags (and parses when @parse_too) every sentence of @text; @doc keeps the text's tokens. */
static inline DmParse *
analyse (const char  *text,
         gboolean     parse_too,
         DmTextDoc  **doc)
{
  g_autoptr(GError) error = NULL;
  const DmModels *models = dm_models_get_default (&error);
  DmParse *parse;

  g_assert_no_error (error);
  *doc = dm_text_doc_new (text, strlen (text));
  parse = dm_parse_tokens_new (*doc);
  for (guint s = 0; s < parse->sentences->len; s++)
    {
      dm_tagger_tag (models->tagger, *doc, parse, s, NULL);
      if (parse_too)
        dm_parser_parse (models->parser, *doc, parse, s);
    }
  return parse;
}

/* The index of the first parse token spelled @word (after token @after), failing the test when
 * there is none. */
static inline guint
find_token (const DmTextDoc *doc,
            const DmParse   *parse,
            const char      *word,
            int              after)
{
  for (guint i = after + 1; i < parse->tokens->len; i++)
    {
      const DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, i);
      gsize len;
      const char *text = dm_parse_token_text (doc, t, &len);

      if (len == strlen (word) && memcmp (text, word, len) == 0)
        return i;
    }
  g_error ("no token “%s”", word);
  return 0;
}

static inline const DmParseToken *
parse_token (const DmParse *parse,
             guint          i)
{
  return &g_array_index (parse->tokens, DmParseToken, i);
}
