/* dm-json.c — JSON Lines for `dramatis-cli extract`, as shared/contract/extract-jsonl.md says
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-json"

#include "config.h"

#include <string.h>

#include "dm-json.h"

void
dm_json_append_string (GString    *out,
                       const char *str)
{
  const char *p, *end;

  g_return_if_fail (out != NULL);

  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  end = str + strlen (str);
  p = str;
  while (p < end)
    {
      guchar c = (guchar) *p;
      const char *run = p;

      /* Runs of characters that need no escape are copied whole: most of an article. */
      while (p < end && (guchar) *p >= 0x20 && (guchar) *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }

      if (c < 0x80)
        {
          switch (c)
            {
            case '"':  g_string_append (out, "\\\""); break;
            case '\\': g_string_append (out, "\\\\"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            case '\b': g_string_append (out, "\\b"); break;
            case '\f': g_string_append (out, "\\f"); break;
            default:
              if (c < 0x20)
                g_string_append_printf (out, "\\u%04x", c);
              else
                g_string_append_c (out, (char) c);
            }
          p++;
        }
      else
        {
          gunichar uc = g_utf8_get_char_validated (p, end - p);

          if (uc == (gunichar) -1 || uc == (gunichar) -2)
            {
              g_string_append (out, "\xef\xbf\xbd");
              p++;
            }
          else
            {
              const char *next = g_utf8_next_char (p);

              /* U+2028/2029 are valid JSON but break JavaScript readers */
              if (uc == 0x2028 || uc == 0x2029)
                g_string_append_printf (out, "\\u%04x", uc);
              else
                g_string_append_len (out, p, next - p);
              p = next;
            }
        }
    }
  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            const char *key)
{
  g_string_append_c (out, ',');
  dm_json_append_string (out, key);
  g_string_append_c (out, ':');
}

/* @value in decimal: g_string_append_printf (out, "%u", …) without its format parsing and
 * vasprintf (a relation writes eight numbers, a mention two). */
static void
append_uint (GString *out,
             guint    value)
{
  char buf[16];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_span (GString *out,
             const char *key,
             DmSpan   span)
{
  append_key (out, key);
  g_string_append_c (out, '[');
  append_uint (out, span.start);
  g_string_append_c (out, ',');
  append_uint (out, span.end);
  g_string_append_c (out, ']');
}

void
dm_json_append_analysis (GString          *out,
                         const DmAnalysis *analysis,
                         gboolean          with_text)
{
  const DmArticle *article;

  g_return_if_fail (out != NULL);
  g_return_if_fail (analysis != NULL);

  article = analysis->article;

  g_string_append (out, "{\"kind\":\"article\"");
  append_key (out, "id");
  dm_json_append_string (out, article->id);
  append_key (out, "title");
  dm_json_append_string (out, article->title);
  append_key (out, "date");
  dm_json_append_string (out, article->date);
  append_key (out, "source");
  dm_json_append_string (out, article->source);
  append_key (out, "length");
  append_uint (out, article->length);
  /* Not in the contract's first keys: a feed item's or page's link, so that `import --jsonl`
   * keeps what a direct import keeps. Only present when known. */
  if (article->url != NULL)
    {
      append_key (out, "url");
      dm_json_append_string (out, article->url);
    }
  if (with_text)
    {
      append_key (out, "text");
      dm_json_append_string (out, article->text);
    }
  g_string_append (out, "}\n");

  for (guint i = 0; i < analysis->mentions->len; i++)
    {
      const DmMention *m = g_ptr_array_index (analysis->mentions, i);

      g_string_append (out, "{\"kind\":\"mention\"");
      append_key (out, "article");
      dm_json_append_string (out, article->id);
      append_key (out, "start");
      append_uint (out, m->span.start);
      append_key (out, "end");
      append_uint (out, m->span.end);
      append_key (out, "text");
      dm_json_append_string (out, m->text);
      append_key (out, "actor");
      dm_json_append_string (out, m->actor);
      append_key (out, "type");
      dm_json_append_string (out, dm_actor_type_to_string (m->type));
      append_key (out, "role");
      dm_json_append_string (out, m->role);
      append_key (out, "affiliation");
      dm_json_append_string (out, m->affiliation);
      g_string_append (out, "}\n");
    }

  for (guint i = 0; i < analysis->relations->len; i++)
    {
      const DmRelation *r = g_ptr_array_index (analysis->relations, i);

      g_string_append (out, "{\"kind\":\"relation\"");
      append_key (out, "article");
      dm_json_append_string (out, article->id);
      append_key (out, "source");
      dm_json_append_string (out, r->source);
      append_key (out, "target");
      dm_json_append_string (out, r->target);
      append_key (out, "verb");
      dm_json_append_string (out, r->verb);
      append_key (out, "class");
      dm_json_append_string (out, dm_relation_class_to_string (r->klass));
      append_key (out, "negated");
      g_string_append (out, r->negated ? "true" : "false");
      append_key (out, "quoted");
      g_string_append (out, r->quoted ? "true" : "false");
      append_span (out, "sentence", r->sentence);
      append_span (out, "trigger", r->trigger);
      append_span (out, "source_mention", r->source_mention);
      append_span (out, "target_mention", r->target_mention);
      g_string_append (out, "}\n");
    }
}

void
dm_json_append_error (GString    *out,
                      const char *id,
                      guint       line,
                      const char *message)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (message != NULL);

  g_string_append (out, "{\"kind\":\"error\"");
  append_key (out, "id");
  dm_json_append_string (out, id);
  append_key (out, "line");
  append_uint (out, line);
  append_key (out, "message");
  dm_json_append_string (out, message);
  g_string_append (out, "}\n");
}
