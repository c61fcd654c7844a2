/* dm-import-jsonl.c — extraction output (`dramatis-cli extract` JSON Lines) back into a corpus
 *
 * Extraction is a pure function of one article, so it can run anywhere (a Spark or Hadoop
 * cluster, `xargs -P` over shards) and only its output comes back. The article line carries
 * the text (extract writes it for standard input and with --with-text), the mention and
 * relation lines everything dm_store_add_analysis() writes, so an analysis read back here is
 * the one the extractor made and the corpus gets what a direct import would give it.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-import-jsonl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <gio/gunixinputstream.h>

#include "dm-import-jsonl.h"
#include "dm-importer-private.h"
#include "dm-json-reader.h"
#include "dm-store-write.h"

/* Extraction output of one article stays far below this; a longer line is not ours. */
#define MAX_LINE_BYTES (4 * DM_IMPORT_MAX_BYTES)

struct _DmJsonlReader
{
  GDataInputStream *input;
  guint             line;           /* lines read so far */
  DmJsonValue      *pending;        /* the line that ended the previous article */
  guint             pending_line;
};

DmJsonlReader *
dm_jsonl_reader_new (GInputStream *stream)
{
  DmJsonlReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (DmJsonlReader, 1);
  self->input = g_data_input_stream_new (stream);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (self->input), 1 << 20);
  return self;
}

void
dm_jsonl_reader_free (DmJsonlReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->input);
  g_clear_pointer (&self->pending, dm_json_value_free);
  g_free (self);
}

/* Reading one article */

static gboolean
get_span (const DmJsonValue  *object,
          const char         *key,
          DmSpan             *span,
          GError            **error)
{
  return dm_json_object_get_pair (object, key, &span->start, &span->end, error);
}

static DmArticle *
article_from_json (const DmJsonValue  *object,
                   GError            **error)
{
  const char *id, *title, *date, *source, *url, *text;
  DmArticle *article;
  guint length;

  if (!dm_json_object_get_string (object, "id", TRUE, &id, error) ||
      !dm_json_object_get_string (object, "title", FALSE, &title, error) ||
      !dm_json_object_get_string (object, "date", FALSE, &date, error) ||
      !dm_json_object_get_string (object, "source", FALSE, &source, error) ||
      !dm_json_object_get_string (object, "url", FALSE, &url, error) ||
      !dm_json_object_get_uint (object, "length", &length, error))
    return NULL;

  if (dm_json_object_get (object, "text") == NULL)
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   _("the article “%s” comes without its text: extract plain-text files with "
                   "--with-text (articles read from standard input always carry it)"), id);
      return NULL;
    }
  if (!dm_json_object_get_string (object, "text", TRUE, &text, error))
    return NULL;

  article = dm_article_new (id, text, -1);
  if (article->length != length)
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   _("the article “%s” says it is %u characters long, but its text has %u"),
                   id, length, article->length);
      dm_article_free (article);
      return NULL;
    }
  article->title = g_strdup (title);
  article->date = g_strdup (date);
  article->source = g_strdup (source);
  article->url = g_strdup (url);
  return article;
}

static gboolean
add_mention (DmAnalysis         *analysis,
             const DmJsonValue  *object,
             GError            **error)
{
  const char *text, *actor, *type_name, *role, *affiliation;
  DmActorType type;
  DmSpan span;

  if (!dm_json_object_get_uint (object, "start", &span.start, error) ||
      !dm_json_object_get_uint (object, "end", &span.end, error) ||
      !dm_json_object_get_string (object, "text", TRUE, &text, error) ||
      !dm_json_object_get_string (object, "actor", TRUE, &actor, error) ||
      !dm_json_object_get_string (object, "type", TRUE, &type_name, error) ||
      !dm_json_object_get_string (object, "role", FALSE, &role, error) ||
      !dm_json_object_get_string (object, "affiliation", FALSE, &affiliation, error))
    return FALSE;
  if (!dm_actor_type_from_string (type_name, &type))
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   _("“%s” is not an actor type"), type_name);
      return FALSE;
    }
  g_ptr_array_add (analysis->mentions,
                   dm_mention_new (span, text, actor, type, role, affiliation));
  return TRUE;
}

static gboolean
add_relation (DmAnalysis         *analysis,
              const DmJsonValue  *object,
              GError            **error)
{
  const char *source, *target, *verb, *class_name;
  g_autoptr(DmRelation) relation = NULL;
  DmRelationClass klass;
  gboolean negated;

  if (!dm_json_object_get_string (object, "source", TRUE, &source, error) ||
      !dm_json_object_get_string (object, "target", TRUE, &target, error) ||
      !dm_json_object_get_string (object, "verb", TRUE, &verb, error) ||
      !dm_json_object_get_string (object, "class", TRUE, &class_name, error) ||
      !dm_json_object_get_boolean (object, "negated", &negated, error))
    return FALSE;
  if (!dm_relation_class_from_string (class_name, &klass))
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   _("“%s” is not a relation class"), class_name);
      return FALSE;
    }

  relation = dm_relation_new (source, target, verb, klass, negated);
  if (!get_span (object, "sentence", &relation->sentence, error) ||
      !get_span (object, "trigger", &relation->trigger, error) ||
      !get_span (object, "source_mention", &relation->source_mention, error) ||
      !get_span (object, "target_mention", &relation->target_mention, error))
    return FALSE;
  g_ptr_array_add (analysis->relations, g_steal_pointer (&relation));
  return TRUE;
}

/* A mention or relation line of @analysis. */
static gboolean
add_line (DmAnalysis         *analysis,
          const char         *kind,
          const DmJsonValue  *object,
          GError            **error)
{
  const char *article;

  if (!dm_json_object_get_string (object, "article", TRUE, &article, error))
    return FALSE;
  /* Shards written by several processes into one file interleave: say so, not "bad span". */
  if (strcmp (article, analysis->article->id) != 0)
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                   strcmp (kind, "mention") == 0
                   ? _("a mention of “%s” among the lines of “%s” (were outputs mixed line by line?)")
                   : _("a relation of “%s” among the lines of “%s” (were outputs mixed line by line?)"),
                   article, analysis->article->id);
      return FALSE;
    }
  return strcmp (kind, "mention") == 0 ? add_mention (analysis, object, error)
                                       : add_relation (analysis, object, error);
}

/* An `error` line of extract: the article it stands for never reached the output. */
static void
set_extract_error (const DmJsonValue  *object,
                   guint               line,
                   GError            **error)
{
  const DmJsonValue *id = dm_json_object_get (object, "id");
  const DmJsonValue *message = dm_json_object_get (object, "message");

  const char *reason = message != NULL && message->type == DM_JSON_STRING ? message->string
                                                                         : _("no reason given");

  if (id != NULL && id->type == DM_JSON_STRING)
    g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                 _("line %u: extract could not read “%s”: %s"), line, id->string, reason);
  else
    g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                 _("line %u: extract could not read an article: %s"), line, reason);
}

/* The next line as an object with its kind; NULL with *@line_error at a line that is not one,
 * NULL with neither at the end, FALSE when the stream fails. */
static gboolean
read_object (DmJsonlReader  *self,
             DmJsonValue   **object,
             const char    **kind,
             GError        **line_error,
             GError        **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      gsize len = 0;

      *object = NULL;
      text = g_data_input_stream_read_line (self->input, &len, NULL, &local_error);
      if (text == NULL && local_error != NULL)
        {
          g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE,
                       _("cannot read line %u: %s"), self->line + 1, local_error->message);
          return FALSE;
        }
      if (text == NULL)
        return TRUE;
      self->line++;

      if (len == 0 || (len == 1 && text[0] == '\r'))
        continue;
      if (len > MAX_LINE_BYTES || !(*object = dm_json_parse (text, len, &local_error)))
        {
          g_set_error (line_error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE, _("line %u: %s"),
                       self->line, local_error != NULL ? local_error->message : "too long");
          return TRUE;
        }
      if (!dm_json_object_get_string (*object, "kind", TRUE, kind, &local_error))
        {
          g_clear_pointer (object, dm_json_value_free);
          g_set_error (line_error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                       _("line %u: not a line of extract output (%s)"), self->line,
                       local_error->message);
          return TRUE;
        }
      return TRUE;
    }
}

/* Starts an article from @object (an article line), or sets @broken. */
static DmAnalysis *
start_article (const DmJsonValue  *object,
               guint               line,
               GError            **broken)
{
  g_autoptr(GError) local_error = NULL;
  DmArticle *article = article_from_json (object, &local_error);

  if (article == NULL)
    {
      g_set_error (broken, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE, _("line %u: %s"), line,
                   local_error->message);
      return NULL;
    }
  return dm_analysis_new (article);
}

gboolean
dm_jsonl_reader_next (DmJsonlReader  *self,
                      DmAnalysis    **analysis,
                      GError        **error)
{
  g_autoptr(DmAnalysis) current = NULL;
  g_autoptr(GError) broken = NULL;   /* the current article cannot be read back */
  gboolean started = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (analysis != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *analysis = NULL;

  if (self->pending != NULL)
    {
      g_autoptr(DmJsonValue) pending = g_steal_pointer (&self->pending);
      const char *kind = NULL;

      dm_json_object_get_string (pending, "kind", TRUE, &kind, NULL);
      if (g_strcmp0 (kind, "error") == 0)
        {
          set_extract_error (pending, self->pending_line, error);
          return FALSE;
        }
      current = start_article (pending, self->pending_line, &broken);
      started = TRUE;
    }

  for (;;)
    {
      g_autoptr(DmJsonValue) object = NULL;
      g_autoptr(GError) line_error = NULL;
      const char *kind = NULL;

      if (!read_object (self, &object, &kind, &line_error, error))
        return FALSE;
      if (object == NULL && line_error == NULL)
        break;   /* the end */

      if (line_error != NULL)
        {
          if (!started)
            {
              g_propagate_error (error, g_steal_pointer (&line_error));
              return FALSE;
            }
          if (broken == NULL)
            broken = g_steal_pointer (&line_error);
          continue;
        }

      if (strcmp (kind, "article") == 0 || strcmp (kind, "error") == 0)
        {
          if (started)
            {
              self->pending = g_steal_pointer (&object);
              self->pending_line = self->line;
              break;
            }
          if (strcmp (kind, "error") == 0)
            {
              set_extract_error (object, self->line, error);
              return FALSE;
            }
          current = start_article (object, self->line, &broken);
          started = TRUE;
        }
      else if (strcmp (kind, "mention") == 0 || strcmp (kind, "relation") == 0)
        {
          g_autoptr(GError) local_error = NULL;

          if (!started)
            {
              g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE,
                           strcmp (kind, "mention") == 0
                           ? _("line %u: a mention before any article line")
                           : _("line %u: a relation before any article line"), self->line);
              return FALSE;
            }
          if (broken == NULL && !add_line (current, kind, object, &local_error))
            g_set_error (&broken, DM_IMPORT_ERROR, DM_IMPORT_ERROR_PARSE, _("line %u: %s"),
                         self->line, local_error->message);
        }
      /* Any other kind is from a newer extract: skipped. */
    }

  if (broken != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&broken));
      return FALSE;
    }
  *analysis = g_steal_pointer (&current);
  return TRUE;
}

/* Into the corpus */

static GInputStream *
open_input (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInputStream *stream;

  if (strcmp (path, "-") == 0)
    return g_unix_input_stream_new (0, FALSE);

  file = g_file_new_for_path (path);
  if (!(stream = g_file_read (file, NULL, &local_error)))
    {
      g_set_error (error, DM_IMPORT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                   ? DM_IMPORT_ERROR_NOT_FOUND : DM_IMPORT_ERROR_UNREADABLE,
                   _("cannot read the file: %s"), local_error->message);
      return NULL;
    }
  return G_INPUT_STREAM (stream);
}

/* Every article of @path; an article that cannot be read back or added is a failure and
 * the others go on; @file_error says why the file could not be read (at all, or on to its
 * end). FALSE only for a corpus error. */
static gboolean
import_file (DmStore          *store,
             const char       *path,
             DmImportSummary  *summary,
             GCancellable     *cancellable,
             GError          **file_error,
             GError          **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DmJsonlReader) reader = NULL;

  if (!(stream = open_input (path, file_error)))
    return TRUE;
  reader = dm_jsonl_reader_new (stream);

  while (!g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean added = FALSE;

      if (!dm_jsonl_reader_next (reader, &analysis, &local_error))
        {
          if (g_error_matches (local_error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNREADABLE))
            {
              *file_error = g_steal_pointer (&local_error);
              return TRUE;
            }
          dm_import_summary_add_failure (summary, path, local_error->message);
          continue;
        }
      if (analysis == NULL)
        return TRUE;

      if (!dm_store_add_analysis (store, analysis, NULL, &added, &local_error))
        {
          if (dm_import_is_corpus_error (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          dm_import_summary_add_failure (summary, path, local_error->message);
          continue;
        }
      dm_import_summary_count (summary, analysis, added);
    }

  summary->cancelled = TRUE;
  return TRUE;
}

DmImportSummary *
dm_import_jsonl (DmStore               *store,
                 const char * const    *paths,
                 GCancellable          *cancellable,
                 DmImportProgressFunc   progress,
                 gpointer               user_data,
                 GError               **error)
{
  g_autoptr(DmImportSummary) summary = NULL;
  guint n_paths;

  RETURN_IF_BAD_IMPORT_ARGS (store, cancellable, error);
  g_return_val_if_fail (paths != NULL, NULL);

  summary = dm_import_summary_new ();
  n_paths = g_strv_length ((char **) paths);
  if (!dm_store_begin_batch (store, DM_IMPORT_JSONL_BATCH, error))
    return NULL;

  for (guint i = 0; i < n_paths && !summary->cancelled; i++)
    {
      g_autoptr(GError) file_error = NULL;

      summary->n_files++;
      if (!import_file (store, paths[i], summary, cancellable, &file_error, error))
        {
          dm_store_end_batch (store, NULL);
          return NULL;
        }
      if (file_error != NULL)
        dm_import_summary_add_failure (summary, paths[i], file_error->message);
      if (progress != NULL)
        progress (i + 1, n_paths, paths[i], file_error, user_data);
    }

  /* what the last batch holds is in the corpus only from here */
  if (!dm_store_end_batch (store, error))
    return NULL;
  return g_steal_pointer (&summary);
}
