/* dm-cli-stdin.c — `dramatis-cli extract --stdin-jsonl|--stdin-lines`: a streaming mapper
 *
 * Reads articles from standard input, one a line, and writes the extract contract's lines for
 * each in input order, flushed per article, so that it can run as the map step of Spark
 * (`rdd.pipe`) or Hadoop streaming. A record that cannot be read gives one `error` line in its
 * place and the stream goes on: a cluster fails (and retries) a whole task on a non-zero exit.
 *
 * Three stages: a reader thread takes lines off standard input, a few workers analyse them
 * (the extractor is immutable), and the calling thread writes the results in input order as
 * soon as each is ready. At most a window of records is in flight, so memory stays flat over
 * any length of input, and the output of a line never waits for the next line to arrive.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>

#include "dm-cli-private.h"
#include "dm-extractor.h"
#include "dm-import.h"
#include "dm-json.h"
#include "dm-json-reader.h"

typedef struct {
  guint      line;       /* 1-based line of standard input */
  char      *data;       /* the line, without its "\n"; freed once analysed */
  gsize      len;
  GString   *output;     /* the contract's lines, or one error line */
  GPtrArray *analyses;   /* DmAnalysis, kept for --db */
  char      *error;      /* why the record gave an error line, for stderr */
  gboolean   done;
} Record;

typedef struct {
  DmCliStdinFormat  format;
  DmExtractor      *extractor;
  gboolean          keep;        /* --db: the analyses go to the corpus too */
  GMutex            mutex;
  GCond             cond;        /* a record is done, or a window slot is free */
  guint             in_flight;
  guint             window;
  GAsyncQueue      *order;       /* Record, in input order, then &end_of_input */
  GThreadPool      *pool;
  GError           *read_error;
} Stream;

static Record end_of_input;

static void
record_free (Record *record)
{
  g_free (record->data);
  if (record->output != NULL)
    g_string_free (record->output, TRUE);
  g_clear_pointer (&record->analyses, g_ptr_array_unref);
  g_free (record->error);
  g_free (record);
}

/* Records */

/* A date as the corpus keeps it (YYYY-MM-DD), from an ISO 8601 date or date and time. */
static char *
parse_date (const char *str)
{
  guint year, month, day;

  if (strlen (str) < 10 || !g_ascii_isdigit (str[0]) || str[4] != '-' || str[7] != '-' ||
      (str[10] != '\0' && str[10] != 'T' && str[10] != ' ') ||
      sscanf (str, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strndup (str, 10);
}

/* A key the record gives wins over what the importer found in the text. */
static void
replace_field (char       **field,
               const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* The record's id: a string, a whole number, or its line when it has none. */
static char *
record_id (const DmJsonValue *object,
           guint              line)
{
  const DmJsonValue *id = dm_json_object_get (object, "id");

  if (id != NULL && id->type == DM_JSON_STRING)
    return g_strdup (id->string);
  if (id != NULL && id->type == DM_JSON_NUMBER && id->number == (gint64) id->number)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) id->number);
  return g_strdup_printf ("stdin:%u", line);
}

/* {"id": …, "text": …, "title": …, "date": …, "source": …, "url": …}: the text goes through
 * the same importers as a file's content (plain text, an HTML page, a feed), then the keys
 * given replace what the importer found. */
static GPtrArray *
load_json_record (Record      *record,
                  char       **id,
                  GError     **error)
{
  g_autoptr(DmJsonValue) object = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *date = NULL;
  const char *text, *title, *date_text, *source, *url;

  if (!(object = dm_json_parse (record->data, record->len, error)))
    return NULL;
  if (object->type != DM_JSON_OBJECT)
    {
      g_set_error_literal (error, DM_JSON_ERROR, DM_JSON_ERROR_TYPE,
                           _("not a JSON object ({\"id\": …, \"text\": …})"));
      return NULL;
    }
  *id = record_id (object, record->line);

  if (!dm_json_object_get_string (object, "text", TRUE, &text, error) ||
      !dm_json_object_get_string (object, "title", FALSE, &title, error) ||
      !dm_json_object_get_string (object, "date", FALSE, &date_text, error) ||
      !dm_json_object_get_string (object, "source", FALSE, &source, error) ||
      !dm_json_object_get_string (object, "url", FALSE, &url, error))
    return NULL;
  if (date_text != NULL && !(date = parse_date (date_text)))
    {
      g_set_error (error, DM_JSON_ERROR, DM_JSON_ERROR_TYPE,
                   _("“date” must be an ISO 8601 date such as 2025-02-12, not “%s”"), date_text);
      return NULL;
    }

  bytes = g_bytes_new (text, strlen (text));
  if (!(articles = dm_import_load_bytes (*id, bytes, error)))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      DmArticle *article = g_ptr_array_index (articles, i);

      replace_field (&article->title, title);
      replace_field (&article->date, date);
      replace_field (&article->source, source);
      replace_field (&article->url, url);
    }
  return g_steal_pointer (&articles);
}

/* A line of plain text is one article, named by its line. */
static GPtrArray *
load_text_record (Record      *record,
                  char       **id,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len = record->len;

  if (len > 0 && record->data[len - 1] == '\r')
    len--;
  *id = g_strdup_printf ("stdin:%u", record->line);
  bytes = g_bytes_new (record->data, len);
  return dm_import_load_bytes (*id, bytes, error);
}

static void
analyse_record (gpointer data,
                gpointer user_data)
{
  Record *record = data;
  Stream *stream = user_data;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  articles = stream->format == DM_CLI_STDIN_JSONL ? load_json_record (record, &id, &error)
                                                  : load_text_record (record, &id, &error);
  g_clear_pointer (&record->data, g_free);

  record->output = g_string_new (NULL);
  if (articles == NULL)
    {
      dm_json_append_error (record->output, id, record->line, error->message);
      record->error = id != NULL ? g_strdup_printf (_("line %u, %s: %s"), record->line, id,
                                                    error->message)
                                 : g_strdup_printf (_("line %u: %s"), record->line, error->message);
    }
  else
    {
      record->analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
      /* The extractor takes each article: detach them from the array first. */
      g_ptr_array_set_free_func (articles, NULL);
      for (guint i = 0; i < articles->len; i++)
        {
          DmAnalysis *analysis = dm_extractor_analyze (stream->extractor,
                                                       g_ptr_array_index (articles, i));

          /* The text always: it is in no file, and `import --jsonl` needs it. */
          dm_json_append_analysis (record->output, analysis, TRUE);
          if (stream->keep)
            g_ptr_array_add (record->analyses, analysis);
          else
            dm_analysis_free (analysis);
        }
      g_ptr_array_set_size (articles, 0);
    }

  g_mutex_lock (&stream->mutex);
  record->done = TRUE;
  g_cond_broadcast (&stream->cond);
  g_mutex_unlock (&stream->mutex);
}

/* The reader thread */

static gboolean
is_blank_line (const char *data,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r')
        return FALSE;
    }
  return TRUE;
}

static gpointer
read_input (gpointer user_data)
{
  Stream *stream = user_data;
  g_autoptr(GInputStream) input = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (input);
  guint line = 0;

  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (lines), 1 << 20);

  for (;;)
    {
      GError *error = NULL;
      gsize len = 0;
      char *data = g_data_input_stream_read_line (lines, &len, NULL, &error);
      Record *record;

      if (data == NULL)
        {
          stream->read_error = error;
          break;
        }

      /* Blank lines (a trailing one, separators) are no records: skipped, but counted. */
      line++;
      if (is_blank_line (data, len))
        {
          g_free (data);
          continue;
        }

      record = g_new0 (Record, 1);
      record->line = line;
      record->data = data;
      record->len = len;

      g_mutex_lock (&stream->mutex);
      while (stream->in_flight >= stream->window)
        g_cond_wait (&stream->cond, &stream->mutex);
      stream->in_flight++;
      g_mutex_unlock (&stream->mutex);

      g_async_queue_push (stream->order, record);
      g_thread_pool_push (stream->pool, record, NULL);
    }

  g_async_queue_push (stream->order, &end_of_input);
  return NULL;
}

/* The calling thread: writes in input order */

int
dm_cli_extract_stdin (DmCliStdinFormat  format,
                      DmExtractor      *extractor,
                      guint             n_workers,
                      DmStore          *store,
                      const char       *db_path)
{
  Stream stream = { 0 };
  GThread *reader;
  gboolean writing = TRUE;
  int status = DM_CLI_EXIT_OK;

  stream.format = format;
  stream.extractor = extractor;
  stream.keep = store != NULL;
  stream.window = DM_CLI_WINDOW_PER_WORKER * n_workers;
  g_mutex_init (&stream.mutex);
  g_cond_init (&stream.cond);
  stream.order = g_async_queue_new ();
  stream.pool = g_thread_pool_new (analyse_record, &stream, n_workers, TRUE, NULL);

  reader = g_thread_new ("stdin", read_input, &stream);

  for (;;)
    {
      Record *record = g_async_queue_pop (stream.order);

      if (record == &end_of_input)
        break;

      g_mutex_lock (&stream.mutex);
      while (!record->done)
        g_cond_wait (&stream.cond, &stream.mutex);
      g_mutex_unlock (&stream.mutex);

      /* After a failed write the input is still read to its end (the writer of the pipe
       * must not block), but nothing more is written. */
      if (writing &&
          (fwrite (record->output->str, 1, record->output->len, stdout) != record->output->len ||
           fflush (stdout) != 0))
        {
          dm_cli_error (NULL, _("cannot write the output: %s"), g_strerror (errno));
          writing = FALSE;
          status = DM_CLI_EXIT_FAILED;
        }
      if (record->error != NULL)
        dm_cli_error ("standard input", "%s", record->error);
      if (store != NULL && record->analyses != NULL &&
          !dm_cli_add_analyses (store, db_path, record->analyses))
        status = DM_CLI_EXIT_FAILED;

      record_free (record);
      g_mutex_lock (&stream.mutex);
      stream.in_flight--;
      g_cond_broadcast (&stream.cond);
      g_mutex_unlock (&stream.mutex);
    }

  g_thread_join (reader);
  g_thread_pool_free (stream.pool, FALSE, TRUE);
  g_async_queue_unref (stream.order);
  g_mutex_clear (&stream.mutex);
  g_cond_clear (&stream.cond);

  if (stream.read_error != NULL)
    {
      dm_cli_error ("standard input", _("cannot read it: %s"), stream.read_error->message);
      g_error_free (stream.read_error);
      status = DM_CLI_EXIT_FAILED;
    }
  return status;
}
