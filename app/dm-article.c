/* dm-article.c — an article as imported: the value the importers make
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-article"

#include "config.h"

#include <string.h>

#include "dm-article.h"

G_DEFINE_QUARK (dm-import-error-quark, dm_import_error)

DmArticle *
dm_article_new (const char *id,
                const char *text,
                gssize      text_len)
{
  DmArticle *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (text_len < 0)
    text_len = strlen (text);

  self = g_new0 (DmArticle, 1);
  self->id = g_strdup (id);
  self->text = g_strndup (text, text_len);
  self->text_len = text_len;
  self->length = g_utf8_strlen (self->text, text_len);
  self->format = DM_ARTICLE_FORMAT_TEXT;
  return self;
}

DmArticle *
dm_article_copy (const DmArticle *article)
{
  DmArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);

  copy = dm_article_new (article->id, article->text, article->text_len);
  copy->title = g_strdup (article->title);
  copy->date = g_strdup (article->date);
  copy->source = g_strdup (article->source);
  copy->url = g_strdup (article->url);
  copy->format = article->format;
  copy->converted_from = article->converted_from;
  return copy;
}

void
dm_article_free (DmArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->id);
  g_free (article->title);
  g_free (article->date);
  g_free (article->source);
  g_free (article->url);
  g_free (article->text);
  g_free (article);
}

const char *
dm_article_format_to_string (DmArticleFormat format)
{
  switch (format)
    {
    case DM_ARTICLE_FORMAT_TEXT: return "text";
    case DM_ARTICLE_FORMAT_HTML: return "html";
    case DM_ARTICLE_FORMAT_FEED: return "feed";
    default: g_return_val_if_reached (NULL);
    }
}
