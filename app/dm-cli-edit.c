/* dm-cli-edit.c — dramatis-cli edit: merge, rename, correct and remove, with undo and redo
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dm-cli-private.h"
#include "dm-curation.h"
#include "dm-store.h"

typedef struct {
  DmStore    *store;
  const char *db_path;
  char      **args;     /* the edit's arguments, after its name */
  guint       n_args;
} Edit;

typedef gboolean (*EditRun) (Edit *edit, GError **error);

/* Sets a usage error: the arguments do not fit the edit. */
#define USAGE_ERROR (g_quark_from_static_string ("dm-cli-edit-usage"))

static gboolean
usage (GError     **error,
       const char  *format,
       ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError     **error,
       const char  *format,
       ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (USAGE_ERROR, 0, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
find_actor (Edit        *edit,
            const char  *name,
            gint64      *id,
            GError     **error)
{
  g_autoptr(DmActorInfo) info = dm_store_find_actor (edit->store, name, error);

  if (info == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, DM_STORE_ERROR, DM_STORE_ERROR_NOT_FOUND,
                     _("no actor “%s” in the corpus (see dramatis-cli stats, or an export)"), name);
      return FALSE;
    }
  *id = info->id;
  return TRUE;
}

/* What an id argument names: one whole sentence each when it is not a number. */
typedef enum {
  ID_OF_RELATION,
  ID_OF_ARTICLE,
  ID_OF_RULE,
} IdOf;

static gboolean
parse_id (const char  *arg,
          IdOf         of,
          gint64      *id,
          GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (arg, 10, 1, G_MAXINT64, &value, NULL))
    return usage (error,
                  of == ID_OF_RELATION ? _("“%s” is not a relation id (a number)")
                  : of == ID_OF_ARTICLE ? _("“%s” is not an article id (a number)")
                  : _("“%s” is not a rule id (a number)"), arg);
  *id = (gint64) value;
  return TRUE;
}

static gboolean
run_merge (Edit *edit, GError **error)
{
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 keep = 0;

  if (!find_actor (edit, edit->args[0], &keep, error))
    return FALSE;
  for (guint i = 1; i < edit->n_args; i++)
    {
      gint64 other = 0;

      if (!find_actor (edit, edit->args[i], &other, error))
        return FALSE;
      g_array_append_val (others, other);
    }
  return dm_store_merge_actors (edit->store, keep, (gint64 *) others->data, others->len, error);
}

static gboolean
run_rename (Edit *edit, GError **error)
{
  gint64 id = 0;

  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_rename_actor (edit->store, id, edit->args[1], error);
}

static gboolean
run_set_type (Edit *edit, GError **error)
{
  DmActorType type;
  gint64 id = 0;

  if (!dm_actor_type_from_string (edit->args[1], &type))
    return usage (error, _("“%s” is not a type (country, official, person, organization, group)"),
                  edit->args[1]);
  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_set_actor_type (edit->store, id, type, error);
}

static gboolean
run_set_role (Edit *edit, GError **error)
{
  gint64 id = 0;

  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_set_actor_role (edit->store, id, edit->args[1], error);
}

static gboolean
run_set_affiliation (Edit *edit, GError **error)
{
  gint64 id = 0;

  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_set_actor_affiliation (edit->store, id, edit->args[1], error);
}

static gboolean
run_split (Edit *edit, GError **error)
{
  gint64 id = 0;

  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_split_alias (edit->store, id, edit->args[1], NULL, error);
}

static gboolean
run_not_actor (Edit *edit, GError **error)
{
  gint64 id = 0;

  return find_actor (edit, edit->args[0], &id, error) &&
         dm_store_mark_not_actor (edit->store, id, error);
}

static gboolean
run_delete_relation (Edit *edit, GError **error)
{
  gint64 id = 0;

  return parse_id (edit->args[0], ID_OF_RELATION, &id, error) &&
         dm_store_delete_relation (edit->store, id, error);
}

static gboolean
run_delete_pair (Edit *edit, GError **error)
{
  gint64 a = 0, b = 0;

  return find_actor (edit, edit->args[0], &a, error) &&
         find_actor (edit, edit->args[1], &b, error) &&
         dm_store_delete_pair_relations (edit->store, a, b, error);
}

static gboolean
run_flip (Edit *edit, GError **error)
{
  gint64 id = 0;

  return parse_id (edit->args[0], ID_OF_RELATION, &id, error) &&
         dm_store_flip_relation (edit->store, id, error);
}

static gboolean
parse_class (const char       *arg,
             DmRelationClass  *klass,
             GError          **error)
{
  g_autofree char *upper = g_ascii_strup (arg, -1);

  if (!dm_relation_class_from_string (upper, klass))
    return usage (error, _("“%s” is not a relation class (AGREE, CONSULT, … STATEMENT)"), arg);
  return TRUE;
}

static gboolean
run_set_verb (Edit *edit, GError **error)
{
  DmRelationClass klass;
  gint64 id = 0;

  return parse_id (edit->args[0], ID_OF_RELATION, &id, error) &&
         parse_class (edit->args[2], &klass, error) &&
         dm_store_set_relation_verb (edit->store, id, edit->args[1], klass, error);
}

static gboolean
run_set_negated (Edit *edit, GError **error)
{
  gint64 id = 0;
  gboolean negated;

  if (g_strcmp0 (edit->args[1], "yes") == 0 || g_strcmp0 (edit->args[1], "true") == 0)
    negated = TRUE;
  else if (g_strcmp0 (edit->args[1], "no") == 0 || g_strcmp0 (edit->args[1], "false") == 0)
    negated = FALSE;
  else
    return usage (error, _("negated is “yes” or “no”, not “%s”"), edit->args[1]);
  return parse_id (edit->args[0], ID_OF_RELATION, &id, error) &&
         dm_store_set_relation_negated (edit->store, id, negated, error);
}

static gboolean
run_add_relation (Edit *edit, GError **error)
{
  DmManualRelation spec = { 0 };
  gint64 start, end;

  if (!parse_id (edit->args[0], ID_OF_ARTICLE, &spec.article_id, error))
    return FALSE;
  if (!g_ascii_string_to_signed (edit->args[1], 10, 0, G_MAXUINT, &start, NULL) ||
      !g_ascii_string_to_signed (edit->args[2], 10, 0, G_MAXUINT, &end, NULL))
    return usage (error, _("the sentence is given as START END, in characters from the article's start"));
  spec.sentence = (DmSpan) { start, end };
  spec.verb = edit->args[4];
  return find_actor (edit, edit->args[3], &spec.source_id, error) &&
         parse_class (edit->args[5], &spec.klass, error) &&
         find_actor (edit, edit->args[6], &spec.target_id, error) &&
         dm_store_add_relation (edit->store, &spec, NULL, error);
}

static gboolean
run_delete_article (Edit *edit, GError **error)
{
  gint64 id = 0;

  return parse_id (edit->args[0], ID_OF_ARTICLE, &id, error) &&
         dm_store_delete_article (edit->store, id, error);
}

static gboolean
run_set_date (Edit *edit, GError **error)
{
  gint64 id = 0;
  const char *date = strcmp (edit->args[1], "none") == 0 ? NULL : edit->args[1];

  return parse_id (edit->args[0], ID_OF_ARTICLE, &id, error) &&
         dm_store_set_article_date (edit->store, id, date, error);
}

static gboolean
run_rule_switch (Edit *edit, gboolean on, GError **error)
{
  gint64 id = 0;

  return parse_id (edit->args[0], ID_OF_RULE, &id, error) &&
         dm_store_set_rule_enabled (edit->store, id, on, error);
}

static gboolean run_rule_on (Edit *edit, GError **error) { return run_rule_switch (edit, TRUE, error); }
static gboolean run_rule_off (Edit *edit, GError **error) { return run_rule_switch (edit, FALSE, error); }

static gboolean
run_replay (Edit *edit, gboolean undo, GError **error)
{
  g_autoptr(DmEditInfo) info = NULL;

  if (!(undo ? dm_store_undo : dm_store_redo) (edit->store, &info, error))
    return FALSE;
  printf (undo ? _("Undone: %s\n") : _("Redone: %s\n"), info->summary);
  return TRUE;
}

static gboolean run_undo (Edit *edit, GError **error) { return run_replay (edit, TRUE, error); }
static gboolean run_redo (Edit *edit, GError **error) { return run_replay (edit, FALSE, error); }

static gboolean
run_history (Edit *edit, GError **error)
{
  g_autoptr(GPtrArray) edits = dm_store_list_edits (edit->store, error);

  if (edits == NULL)
    return FALSE;
  for (guint i = 0; i < edits->len; i++)
    {
      DmEditInfo *info = g_ptr_array_index (edits, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s%s\n", info->id, info->made_at, info->kind,
              info->summary, info->undone ? " (undone)" : "");
    }
  return TRUE;
}

static gboolean
run_articles (Edit *edit, GError **error)
{
  g_autoptr(GPtrArray) articles = dm_store_list_articles (edit->store, error);

  if (articles == NULL)
    return FALSE;
  for (guint i = 0; i < articles->len; i++)
    {
      DmArticleInfo *a = g_ptr_array_index (articles, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%u relations\t%s\t%s\n", a->id,
              a->date != NULL ? a->date : "undated", a->n_relations,
              a->title != NULL ? a->title : "", a->origin);
    }
  return TRUE;
}

static gboolean
run_relations (Edit *edit, GError **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  gint64 actor = 0;

  if (edit->n_args == 1 && !find_actor (edit, edit->args[0], &actor, error))
    return FALSE;
  relations = actor != 0 ? dm_store_list_actor_relations (edit->store, actor, error)
                         : dm_store_list_relations (edit->store, NULL, error);
  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      DmRelationInfo *r = g_ptr_array_index (relations, i);
      g_autofree char *sentence = g_strdelimit (g_strdup (r->sentence_text), "\t\n\r", ' ');

      printf ("%" G_GINT64_FORMAT "\t%s\t%s%s\t%s\t%s\tarticle %" G_GINT64_FORMAT " %u %u\t%s\n",
              r->id, r->source, r->negated ? "not " : "", r->verb, r->target,
              dm_relation_class_to_string (r->klass), r->article_id, r->sentence.start,
              r->sentence.end, sentence);
    }
  return TRUE;
}

static const struct {
  const char *name;
  const char *args;
  guint       min_args;
  guint       max_args;
  EditRun     run;
  gboolean    journals;   /* prints the edit's summary when done */
  const char *help;
} edits[] = {
  { "merge", "KEEP OTHER…", 2, G_MAXUINT, run_merge, TRUE,
    N_("OTHER's mentions and relations go to KEEP; their names become its aliases") },
  { "rename", "NAME NEW-NAME", 2, 2, run_rename, TRUE, N_("The old name stays as an alias") },
  { "set-type", "NAME TYPE", 2, 2, run_set_type, TRUE,
    N_("country, official, person, organization or group") },
  { "set-role", "NAME ROLE", 2, 2, run_set_role, TRUE, N_("\"\" removes the role") },
  { "set-affiliation", "NAME AFFILIATION", 2, 2, run_set_affiliation, TRUE,
    N_("\"\" removes the affiliation") },
  { "split", "NAME ALIAS", 2, 2, run_split, TRUE,
    N_("The mentions written ALIAS become an actor of their own") },
  { "not-actor", "NAME", 1, 1, run_not_actor, TRUE,
    N_("Removes the actor; the name is never taken as an actor again") },
  { "delete-relation", "RELATION-ID", 1, 1, run_delete_relation, TRUE,
    N_("Ids as listed by the relations edit") },
  { "delete-pair", "NAME NAME", 2, 2, run_delete_pair, TRUE,
    N_("Every relation between the two, both ways") },
  { "flip", "RELATION-ID", 1, 1, run_flip, TRUE, N_("Source and target change places") },
  { "set-verb", "RELATION-ID VERB CLASS", 3, 3, run_set_verb, TRUE,
    N_("CLASS: AGREE, CONSULT, … ASSAULT, APPEAL, STATEMENT") },
  { "set-negated", "RELATION-ID yes|no", 2, 2, run_set_negated, TRUE, N_("Marks the relation negated (“did not meet”) or not") },
  { "add-relation", "ARTICLE-ID START END SOURCE VERB CLASS TARGET", 7, 7, run_add_relation, TRUE,
    N_("A relation in the sentence START–END (as relations lists them)") },
  { "delete-article", "ARTICLE-ID", 1, 1, run_delete_article, TRUE,
    N_("With its mentions and relations") },
  { "set-date", "ARTICLE-ID YYYY-MM-DD|none", 2, 2, run_set_date, TRUE, N_("Dates an article by hand; none removes its date") },
  { "rule-on", "RULE-ID", 1, 1, run_rule_on, TRUE, N_("Ids as in dramatis-cli rules list") },
  { "rule-off", "RULE-ID", 1, 1, run_rule_off, TRUE, N_("Later imports no longer apply it") },
  { "undo", "", 0, 0, run_undo, FALSE, N_("Takes back the last edit") },
  { "redo", "", 0, 0, run_redo, FALSE, N_("Makes the last undone edit again") },
  { "history", "", 0, 0, run_history, FALSE, N_("Lists the edits, oldest first") },
  { "articles", "", 0, 0, run_articles, FALSE, N_("Lists articles: id, date, relations, title, file") },
  { "relations", "[NAME]", 0, 1, run_relations, FALSE,
    N_("Lists relations (of NAME): id, source, verb, target, class, article, sentence") },
};

static char *
edits_description (void)
{
  GString *out = g_string_new (_("Edits:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *usage_line = g_strdup_printf ("%s %s", edits[i].name, edits[i].args);

      glong n = g_utf8_strlen (usage_line, -1);   /* padded by characters: "…" is one */

      g_string_append_printf (out, "  %s", usage_line);
      if (n > 34)
        {
          g_string_append_c (out, '\n');
          n = -2;
        }
      for (; n < 35; n++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s\n", _(edits[i].help));
    }
  g_string_append (out, _(
    "\nEvery edit can be undone (also after a restart) and is kept as a rule that later\n"
    "imports apply: see dramatis-cli rules. NAME is an actor's name or one of its aliases.\n\n"
    "Example: dramatis-cli edit --db news.dramatis merge \"Conservative Party\" \"Tory Party\"\n\n"
    "Exit status: 0 when the edit was made, 1 when the corpus refused it or could not be\n"
    "read, 2 for a usage error."));
  return g_string_free (out, FALSE);
}

/* Opens an existing corpus: dm_store_open() would create an empty one. */
DmStore *
dm_cli_open_corpus (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  DmStore *store;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      dm_cli_error (db_path, _("no corpus there (dramatis-cli import makes one)"));
      return NULL;
    }
  store = dm_store_open (db_path, &error);
  if (store == NULL)
    dm_cli_error (db_path, "%s", error->message);
  return store;
}

int
dm_cli_edit (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmEditInfo) done = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) rest = NULL;
  Edit edit = { 0 };
  guint n_rest;
  gint which = -1;

  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus to edit"), "PATH" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dramatis-cli edit");
  context = g_option_context_new (N_("EDIT [ARGUMENT…] — correct a corpus"));
  g_option_context_set_summary (context, N_(
    "Merges, renames and corrects actors, deletes or corrects relations, removes articles,\n"
    "and undoes or redoes those edits, in the corpus at PATH."));
  description = edits_description ();
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, _("edit: %s"), error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    {
      dm_cli_error (NULL, _("edit: --db PATH is required"));
      return DM_CLI_EXIT_USAGE;
    }
  n_rest = rest != NULL ? g_strv_length (rest) : 0;
  if (n_rest == 0)
    {
      dm_cli_error (NULL, _("edit: name an edit (merge, rename, not-actor, undo…; see --help)"));
      return DM_CLI_EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    if (strcmp (rest[0], edits[i].name) == 0)
      which = i;
  if (which < 0)
    {
      dm_cli_error (NULL, _("edit: unknown edit “%s” (see --help)"), rest[0]);
      return DM_CLI_EXIT_USAGE;
    }
  if (n_rest - 1 < edits[which].min_args || n_rest - 1 > edits[which].max_args)
    {
      dm_cli_error (NULL, _("edit: usage: %s %s"), edits[which].name, edits[which].args);
      return DM_CLI_EXIT_USAGE;
    }

  store = dm_cli_open_corpus (db_path);
  if (store == NULL)
    return DM_CLI_EXIT_FAILED;

  edit = (Edit) { store, db_path, rest + 1, n_rest - 1 };
  if (!edits[which].run (&edit, &error))
    {
      dm_cli_error (db_path, "%s", error->message);
      return error->domain == USAGE_ERROR ? DM_CLI_EXIT_USAGE : DM_CLI_EXIT_FAILED;
    }
  if (edits[which].journals && dm_store_get_undo_state (store, &done, NULL, &error) &&
      done != NULL)
    printf ("%s\n", done->summary);
  return DM_CLI_EXIT_OK;
}
