/* dm-importer.c — reads files, folders, resources or bytes, extracts, and adds them to a corpus
 *
 * The one import path of Dramatis: the CLI, the window's files and dropped data, and the
 * sample articles bundled in the program all go through the pipeline below.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-import.h"
#include "dm-importer-private.h"
#include "dm-store-write.h"

/* Most threads that load and analyse files while the calling thread writes to the corpus. */
#define MAX_WORKERS 8

static const char * const recognised_extensions[] = {
  ".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".feed",
};

/* One file on its way through the pipeline: a worker fills analyses or error, then sets
 * done; the calling thread writes it to the corpus in file order. Its data comes from
 * @bytes when it is already in memory, else from @file when that has no local path, else
 * from @path; @path always names it (for the article's origin, progress and failures). */
typedef struct {
  char      *path;
  GFile     *file;
  GBytes    *bytes;
  GPtrArray *analyses;   /* DmAnalysis */
  GError    *error;      /* why the file could not be read */
  gboolean   done;
} FileJob;

typedef struct {
  DmExtractor *extractor;
  GMutex       mutex;
  GCond        cond;
  gint         stopping;   /* atomic: workers skip the files still queued */
} Pipeline;

static FileJob *
file_job_new (const char *path,
              GError     *error)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->path = g_strdup (path);
  job->error = error;
  job->done = error != NULL;
  return job;
}

static void
file_job_free (FileJob *job)
{
  g_free (job->path);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->analyses, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileJob, file_job_free)

static void
failure_free (DmImportFailure *failure)
{
  g_free (failure->path);
  g_free (failure->message);
  g_free (failure);
}

void
dm_import_summary_add_failure (DmImportSummary *summary,
                               const char      *path,
                               const char      *message)
{
  DmImportFailure *failure = g_new0 (DmImportFailure, 1);

  failure->path = g_strdup (path);
  failure->message = g_strdup (message);
  g_ptr_array_add (summary->failures, failure);
}

void
dm_import_summary_free (DmImportSummary *summary)
{
  if (summary == NULL)
    return;
  /* The summary owns its failures, also when a caller made the array without a free func. */
  if (summary->failures != NULL)
    g_ptr_array_set_free_func (summary->failures, (GDestroyNotify) failure_free);
  g_clear_pointer (&summary->failures, g_ptr_array_unref);
  g_clear_pointer (&summary->converted, g_ptr_array_unref);
  g_free (summary);
}

/* Expanding folders */

static gboolean
has_recognised_extension (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (recognised_extensions); i++)
    {
      if (g_str_has_suffix (lower, recognised_extensions[i]) &&
          strlen (lower) > strlen (recognised_extensions[i]))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  char *name;
  char *sort_key;
} DirEntry;

static void
dir_entry_free (DirEntry *entry)
{
  g_free (entry->name);
  g_free (entry->sort_key);
  g_free (entry);
}

static int
compare_dir_entries (gconstpointer a,
                     gconstpointer b)
{
  const DirEntry *ea = *(const DirEntry * const *) a;
  const DirEntry *eb = *(const DirEntry * const *) b;
  int cmp = strcmp (ea->sort_key, eb->sort_key);

  return cmp != 0 ? cmp : strcmp (ea->name, eb->name);
}

/* Files of recognised kinds under @dir, depth first, each folder in name order ("part 2"
 * before "part 10", as a file manager shows them). Hidden entries are left out, and links to
 * folders are not followed, so a link loop cannot make the walk endless. */
static void
expand_directory (const char   *dir,
                  GPtrArray    *jobs,
                  GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      g_ptr_array_add (jobs, file_job_new (dir, g_error_new (DM_IMPORT_ERROR,
                                                             DM_IMPORT_ERROR_UNREADABLE,
                                                             _("cannot read the folder: %s"),
                                                             error->message)));
      return;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dir_entry_free);
  for (;;)
    {
      GFileInfo *info = NULL;
      DirEntry *entry;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, &error))
        {
          g_ptr_array_add (jobs, file_job_new (dir, g_error_new (DM_IMPORT_ERROR,
                                                                 DM_IMPORT_ERROR_UNREADABLE,
                                                                 _("cannot read the folder: %s"),
                                                                 error->message)));
          break;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_name (info)[0] == '.')
        continue;

      entry = g_new0 (DirEntry, 1);
      entry->name = g_strdup (g_file_info_get_name (info));
      entry->sort_key = g_utf8_collate_key_for_filename (entry->name, -1);
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_dir_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      const DirEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *child = g_build_filename (dir, entry->name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            expand_directory (child, jobs, cancellable);
        }
      else if (has_recognised_extension (entry->name))
        {
          g_ptr_array_add (jobs, file_job_new (child, NULL));
        }
    }
}

/* Paths named by the person are always tried, whatever their names: the format is
 * recognised from the content. Folders contribute their recognised files. */
static GPtrArray *
expand_paths (const char * const *paths,
              GCancellable       *cancellable)
{
  GPtrArray *jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) file_job_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (strcmp (paths[i], "-") != 0 && g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        expand_directory (paths[i], jobs, cancellable);
      else
        g_ptr_array_add (jobs, file_job_new (paths[i], NULL));
    }
  return jobs;
}

/* Workers: load and analyse */

static GPtrArray *
load_job (FileJob  *job,
          GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (job->bytes != NULL)
    return dm_import_load_bytes (job->path, job->bytes, error);
  if (job->file == NULL)
    return dm_import_load_path (job->path, error);

  if (!(bytes = g_file_load_bytes (job->file, NULL, NULL, &local_error)))
    {
      g_set_error (error, DM_IMPORT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                   ? DM_IMPORT_ERROR_NOT_FOUND : DM_IMPORT_ERROR_UNREADABLE,
                   _("cannot read the file: %s"), local_error->message);
      return NULL;
    }
  return dm_import_load_bytes (job->path, bytes, error);
}

/* The analyses of every article of @job, or NULL with @error when it cannot be read. */
static GPtrArray *
analyse_job (FileJob      *job,
             DmExtractor  *extractor,
             GError      **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  GPtrArray *analyses;

  if (!(articles = load_job (job, error)))
    return NULL;

  /* The extractor takes each article: detach them from the array first. */
  g_ptr_array_set_free_func (articles, NULL);
  analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (analyses, dm_extractor_analyze (extractor, g_ptr_array_index (articles, i)));
  g_ptr_array_set_size (articles, 0);
  return analyses;
}

static void
analyse_file (gpointer data,
              gpointer user_data)
{
  FileJob *job = data;
  Pipeline *pipeline = user_data;
  g_autoptr(GPtrArray) analyses = NULL;
  GError *error = NULL;

  if (!g_atomic_int_get (&pipeline->stopping))
    analyses = analyse_job (job, pipeline->extractor, &error);

  g_mutex_lock (&pipeline->mutex);
  job->analyses = g_steal_pointer (&analyses);
  job->error = error;
  job->done = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
}

/* The calling thread: write */

gboolean
dm_import_is_corpus_error (const GError *error)
{
  return error->domain == DM_STORE_ERROR &&
         (error->code == DM_STORE_ERROR_OPEN ||
          error->code == DM_STORE_ERROR_NOT_A_CORPUS ||
          error->code == DM_STORE_ERROR_BUSY ||
          error->code == DM_STORE_ERROR_FULL ||
          error->code == DM_STORE_ERROR_ROLLED_BACK);
}

/* Adds every article of @job; an article the corpus refuses makes the file a failure but
 * the file's other articles (feed items) still go in. FALSE only for a corpus error. */
static gboolean
store_file (DmStore          *store,
            FileJob          *job,
            DmImportSummary  *summary,
            GError          **file_error,
            GError          **error)
{
  if (job->analyses != NULL && job->analyses->len > 0 &&
      ((const DmAnalysis *) g_ptr_array_index (job->analyses, 0))->article->converted_from != NULL &&
      summary->converted != NULL)
    g_ptr_array_add (summary->converted, g_strdup (job->path));

  for (guint i = 0; job->analyses != NULL && i < job->analyses->len; i++)
    {
      const DmAnalysis *analysis = g_ptr_array_index (job->analyses, i);
      g_autoptr(GError) local_error = NULL;
      gboolean added = FALSE;

      if (!dm_store_add_analysis (store, analysis, NULL, &added, &local_error))
        {
          if (dm_import_is_corpus_error (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (*file_error == NULL)
            {
              if (job->analyses->len > 1)
                g_set_error (file_error, local_error->domain, local_error->code,
                             _("article %u: %s"), i + 1, local_error->message);
              else
                *file_error = g_steal_pointer (&local_error);
            }
          continue;
        }

      dm_import_summary_count (summary, analysis, added);
    }
  return TRUE;
}

void
dm_import_summary_count (DmImportSummary  *summary,
                         const DmAnalysis *analysis,
                         gboolean          added)
{
  if (added)
    {
      summary->n_articles_added++;
      summary->n_mentions += analysis->mentions->len;
      summary->n_relations += analysis->relations->len;
    }
  else
    {
      summary->n_articles_duplicate++;
    }
}

static guint
count_workers (void)
{
  return CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
}

DmImportSummary *
dm_import_summary_new (void)
{
  DmImportSummary *summary = g_new0 (DmImportSummary, 1);

  summary->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  summary->converted = g_ptr_array_new_with_free_func (g_free);
  return summary;
}

/* Runs the pipeline over @jobs (FileJob): workers load and analyse, this thread writes. */
static DmImportSummary *
import_jobs (DmStore              *store,
             DmExtractor          *extractor,
             GPtrArray            *jobs,
             GCancellable         *cancellable,
             DmImportProgressFunc  progress,
             gpointer              user_data,
             GError              **error)
{
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GError) corpus_error = NULL;
  GThreadPool *pool;
  Pipeline pipeline;
  guint n_workers;
  guint window;
  guint submitted = 0;

  summary = dm_import_summary_new ();

  memset (&pipeline, 0, sizeof pipeline);
  pipeline.extractor = extractor != NULL ? extractor : dm_extractor_get_default ();
  g_mutex_init (&pipeline.mutex);
  g_cond_init (&pipeline.cond);

  /* Analysis runs ahead of writing by a bounded number of files, so memory stays flat
   * however many files there are. */
  n_workers = count_workers ();
  window = 2 * n_workers + 1;
  /* The workers are this import's own threads, started from the calling thread: they run
   * at its priority, so a caller that imports in the background (the window) gets all of
   * the import in the background. Shared pool threads would not inherit it. */
  pool = g_thread_pool_new (analyse_file, &pipeline, n_workers, TRUE, NULL);

  for (guint i = 0; i < jobs->len; i++)
    {
      FileJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GError) file_error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          summary->cancelled = TRUE;
          break;
        }

      for (; submitted < jobs->len && submitted <= i + window; submitted++)
        {
          FileJob *next = g_ptr_array_index (jobs, submitted);

          if (!next->done)
            g_thread_pool_push (pool, next, NULL);
        }

      g_mutex_lock (&pipeline.mutex);
      while (!job->done)
        g_cond_wait (&pipeline.cond, &pipeline.mutex);
      g_mutex_unlock (&pipeline.mutex);

      summary->n_files++;

      if (job->error != NULL)
        file_error = g_steal_pointer (&job->error);
      else if (!store_file (store, job, summary, &file_error, &corpus_error))
        break;

      /* The analyses are written: let them go before the next file arrives. */
      g_clear_pointer (&job->analyses, g_ptr_array_unref);

      if (file_error != NULL)
        dm_import_summary_add_failure (summary, job->path, file_error->message);
      if (progress != NULL)
        progress (i + 1, jobs->len, job->path, file_error, user_data);
    }

  /* Files still queued are dropped; the ones being analysed finish first. */
  g_atomic_int_set (&pipeline.stopping, TRUE);
  g_thread_pool_free (pool, TRUE, TRUE);
  g_mutex_clear (&pipeline.mutex);
  g_cond_clear (&pipeline.cond);

  if (corpus_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&corpus_error));
      return NULL;
    }

  return g_steal_pointer (&summary);
}

DmImportSummary *
dm_import_paths (DmStore              *store,
                 DmExtractor          *extractor,
                 const char * const   *paths,
                 GCancellable         *cancellable,
                 DmImportProgressFunc  progress,
                 gpointer              user_data,
                 GError              **error)
{
  g_autoptr(GPtrArray) jobs = NULL;

  RETURN_IF_BAD_IMPORT_ARGS (store, cancellable, error);
  g_return_val_if_fail (paths != NULL, NULL);

  jobs = expand_paths (paths, cancellable);
  return import_jobs (store, extractor, jobs, cancellable, progress, user_data, error);
}

DmImportSummary *
dm_import_files (DmStore              *store,
                 DmExtractor          *extractor,
                 GFile * const        *files,
                 guint                 n_files,
                 GCancellable         *cancellable,
                 DmImportProgressFunc  progress,
                 gpointer              user_data,
                 GError              **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) file_job_free);

  RETURN_IF_BAD_IMPORT_ARGS (store, cancellable, error);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = NULL;

      g_return_val_if_fail (G_IS_FILE (files[i]), NULL);

      path = g_file_get_path (files[i]);
      /* Local files take the path route: folders expand the same way as dm_import_paths(). */
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
        expand_directory (path, jobs, cancellable);
      else if (path != NULL)
        g_ptr_array_add (jobs, file_job_new (path, NULL));
      else
        {
          /* Elsewhere (a phone, a network share): read through GIO, named by its URI. */
          g_autofree char *uri = g_file_get_uri (files[i]);
          FileJob *job = file_job_new (uri, NULL);

          job->file = g_object_ref (files[i]);
          g_ptr_array_add (jobs, job);
        }
    }

  return import_jobs (store, extractor, jobs, cancellable, progress, user_data, error);
}

DmImportSummary *
dm_import_resources (DmStore              *store,
                     DmExtractor          *extractor,
                     const char           *resource_dir,
                     GCancellable         *cancellable,
                     DmImportProgressFunc  progress,
                     gpointer              user_data,
                     GError              **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) file_job_free);
  g_autofree char *dir = NULL;
  g_auto(GStrv) names = NULL;

  RETURN_IF_BAD_IMPORT_ARGS (store, cancellable, error);
  g_return_val_if_fail (resource_dir != NULL, NULL);

  dir = g_str_has_suffix (resource_dir, "/") ? g_strdup (resource_dir)
                                             : g_strconcat (resource_dir, "/", NULL);
  if (!(names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = NULL;
      GError *lookup_error = NULL;
      GBytes *bytes;
      FileJob *job;

      if (g_str_has_suffix (names[i], "/"))
        continue;   /* a folder inside: not an article */

      /* Compiled-in resources are not copied: the bytes point into the program. */
      resource = g_strconcat (dir, names[i], NULL);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &lookup_error);
      job = file_job_new (names[i], lookup_error);
      job->bytes = bytes;
      g_ptr_array_add (jobs, job);
    }

  return import_jobs (store, extractor, jobs, cancellable, progress, user_data, error);
}

DmImportSummary *
dm_import_bytes (DmStore      *store,
                 DmExtractor  *extractor,
                 const char   *name,
                 GBytes       *bytes,
                 GError      **error)
{
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(FileJob) job = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = file_job_new (name, NULL);
  job->bytes = g_bytes_ref (bytes);
  summary = dm_import_summary_new ();
  summary->n_files = 1;

  if (!(job->analyses = analyse_job (job, extractor != NULL ? extractor : dm_extractor_get_default (),
                                     &file_error)))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&file_error), "%s: ", name);
      return NULL;
    }

  if (!store_file (store, job, summary, &file_error, error))
    return NULL;
  if (file_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&file_error), "%s: ", name);
      return NULL;
    }

  return g_steal_pointer (&summary);
}

gboolean
dm_import_text (DmStore      *store,
                DmExtractor  *extractor,
                const char   *origin,
                const char   *text,
                gint64       *article_id,
                GError      **error)
{
  g_autoptr(DmAnalysis) analysis = NULL;
  DmArticle *article;
  const char *end = NULL;
  gboolean blank = TRUE;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING,
                   _("not valid UTF-8 at byte %lu"), (gulong) (end - text));
      return FALSE;
    }

  for (const char *p = text; *p != '\0' && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));
  if (blank)
    {
      g_set_error_literal (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY,
                           _("there is no text to import"));
      return FALSE;
    }

  if (extractor == NULL)
    extractor = dm_extractor_get_default ();

  article = dm_article_new (origin != NULL ? origin : "pasted text", text, -1);
  analysis = dm_extractor_analyze (extractor, article);
  return dm_store_add_analysis (store, analysis, article_id, NULL, error);
}
