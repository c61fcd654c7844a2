/* dm-lexicon.c — loads the gazetteers, titles and verb lexicon from the TSV files under data/lexicon
 *
 * The files are compiled into the engine as a GResource, so every program finds them;
 * DRAMATIS_LEXICON_DIR points at a folder of the same files to try changes without a rebuild.
 * Names are stored under the same normal form the recognizer builds from article tokens
 * (tokens joined by single spaces), so "Washington, D.C." in the file and in a text meet.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-lexicon"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-lexicon-private.h"

#define RESOURCE_PREFIX "/io/github/dramatis/lexicon/"

typedef gboolean (*LineFunc) (DmLexicon   *self,
                              char       **columns,
                              guint        n_columns,
                              GError     **error);

/* A copy of @str that lives as long as @self (names thread only). */
static char *
own (DmLexicon  *self,
     const char *str)
{
  return g_string_chunk_insert (self->name_strings, str);
}

/* An owned copy of @str, or NULL when it is empty. */
static char *
own_column (DmLexicon  *self,
            const char *str)
{
  if (str == NULL || *str == '\0')
    return NULL;
  return own (self, str);
}

/* Most names are words and spaces: their normal form is the text with single spaces. Only
 * punctuation ("U.S.", "People's", "Washington, D.C.") needs the tokenizer. */
static gboolean
is_plain (const char *text)
{
  return strpbrk (text, ".,'()\"/;:&!?[]\xe2") == NULL;
}

/* The normal form of a plain @text (is_plain()), written to @out (room for strlen (@text) + 1
 * bytes); its length. */
static gsize
normalize_plain (const char *text,
                 char       *out)
{
  gsize len = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (len > 0 && out[len - 1] != ' ')
            out[len++] = ' ';
        }
      else
        out[len++] = *p;
    }
  if (len > 0 && out[len - 1] == ' ')
    len--;
  out[len] = '\0';
  return len;
}

char *
dm_lexicon_normalize (const char *text,
                      gboolean    lower)
{
  g_autoptr(DmTextDoc) doc = NULL;
  GString *key;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_plain (text))
    {
      char *simple = g_malloc (strlen (text) + 1);
      gsize len = normalize_plain (text, simple);

      return lower ? dm_text_strdown_take (simple, len) : simple;
    }

  doc = dm_text_doc_new (text, strlen (text));
  key = g_string_new (NULL);
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const DmToken *t = dm_text_doc_token (doc, i);

      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append_len (key, text + t->start, t->end - t->start);
    }

  if (lower)
    {
      gsize len = key->len;

      return dm_text_strdown_take (g_string_free (key, FALSE), len);
    }
  return g_string_free (key, FALSE);
}

static const char *
first_token_of (const char *key,
                char       *buf,
                gsize       size)
{
  const char *space = strchr (key, ' ');
  gsize len = space ? (gsize) (space - key) : strlen (key);

  if (len >= size)
    len = size - 1;
  memcpy (buf, key, len);
  buf[len] = '\0';
  return buf;
}

static guint
count_tokens (const char *key)
{
  guint n = 1;

  for (const char *p = key; *p; p++)
    if (*p == ' ')
      n++;
  return n;
}

static void
note_first (GHashTable   *first_index,
            GStringChunk *strings,
            const char   *key)
{
  char buf[128];
  const char *first = first_token_of (key, buf, sizeof buf);
  guint n = count_tokens (key);
  gpointer old_key, old;

  if (!g_hash_table_lookup_extended (first_index, first, &old_key, &old))
    g_hash_table_insert (first_index, g_string_chunk_insert (strings, first), GUINT_TO_POINTER (n));
  else if (n > GPOINTER_TO_UINT (old))
    g_hash_table_insert (first_index, old_key, GUINT_TO_POINTER (n));
}

static void
add_entity_name (DmLexicon   *self,
                 const char  *name,
                 DmLexEntity *entity)
{
  g_autofree char *normalized = NULL;
  char buf[256];
  const char *key = buf;

  if (name == NULL || *name == '\0')
    return;

  /* plain names (most) are normalized on the stack: a copy is kept only of a new one */
  if (strlen (name) < sizeof buf && is_plain (name))
    normalize_plain (name, buf);
  else
    key = normalized = dm_lexicon_normalize (name, FALSE);

  /* The first entry to claim a name keeps it: files list the usual sense first. */
  if (*key == '\0' || g_hash_table_contains (self->entities, key))
    return;
  key = own (self, key);
  note_first (self->entity_first, self->name_strings, key);
  g_hash_table_insert (self->entities, (gpointer) key, entity);
}

static DmLexEntity *
entity_new (DmLexicon   *self,
            const char  *canonical,
            DmActorType  type,
            DmLexKind    kind)
{
  DmLexEntity *entity = g_new0 (DmLexEntity, 1);

  g_ptr_array_add (self->owned, entity);
  entity->canonical = own (self, canonical);
  entity->type = type;
  entity->kind = kind;
  return entity;
}

/* @list ("a|b|c", a column of the line being loaded) is cut up in place. */
static void
add_entity_list (DmLexicon   *self,
                 char        *list,
                 DmLexEntity *entity)
{
  if (list == NULL || *list == '\0')
    return;
  while (list != NULL)
    {
      char *bar = strchr (list, '|');

      if (bar != NULL)
        *bar++ = '\0';
      add_entity_name (self, g_strstrip (list), entity);
      list = bar;
    }
}

/* countries.tsv: name, aliases, capitals, demonyms, iso3 */
static gboolean
load_country (DmLexicon  *self,
              char      **columns,
              guint       n_columns,
              GError    **error)
{
  DmLexEntity *country = entity_new (self, columns[0], DM_ACTOR_COUNTRY, DM_LEX_COUNTRY);
  DmLexEntity *capital = entity_new (self, columns[0], DM_ACTOR_COUNTRY, DM_LEX_CAPITAL);
  DmLexEntity *demonym = entity_new (self, columns[0], DM_ACTOR_COUNTRY, DM_LEX_DEMONYM);

  country->iso3 = n_columns > 4 ? own_column (self, columns[4]) : NULL;
  capital->iso3 = demonym->iso3 = country->iso3;
  g_hash_table_insert (self->countries, country->canonical, country);

  add_entity_name (self, columns[0], country);
  if (n_columns > 1)
    add_entity_list (self, columns[1], country);
  if (n_columns > 2)
    add_entity_list (self, columns[2], capital);
  if (n_columns > 3)
    add_entity_list (self, columns[3], demonym);
  return TRUE;
}

/* organizations.tsv: name, aliases, kind, affiliation */
static gboolean
load_organization (DmLexicon  *self,
                   char      **columns,
                   guint       n_columns,
                   GError    **error)
{
  const char *kind = n_columns > 2 ? columns[2] : "";
  DmActorType type = g_strcmp0 (kind, "group") == 0 ? DM_ACTOR_GROUP : DM_ACTOR_ORGANIZATION;
  DmLexEntity *org = entity_new (self, columns[0], type, DM_LEX_ORG);

  org->org_kind = own_column (self, kind);
  org->affiliation = n_columns > 3 ? own_column (self, columns[3]) : NULL;
  g_hash_table_insert (self->organizations, org->canonical, org);

  add_entity_name (self, columns[0], org);
  if (n_columns > 1)
    add_entity_list (self, columns[1], org);
  return TRUE;
}

/* titles.tsv: title, canonical, category */
static gboolean
load_title (DmLexicon  *self,
            char      **columns,
            guint       n_columns,
            GError    **error)
{
  DmLexTitle *title = g_new0 (DmLexTitle, 1);
  char *key;

  g_ptr_array_add (self->owned, title);
  title->canonical = own (self, n_columns > 1 && *columns[1] ? columns[1] : columns[0]);
  title->category = own (self, n_columns > 2 && *columns[2] ? columns[2] : "other");
  title->is_honorific = strcmp (title->category, "other") == 0;

  key = dm_lexicon_normalize (columns[0], TRUE);
  if (*key == '\0' || g_hash_table_contains (self->titles, key))
    {
      g_free (key);
      return TRUE;
    }
  note_first (self->title_first, self->name_strings, key);
  g_hash_table_insert (self->titles, key, title);
  return TRUE;
}

static gboolean
load_set_line (GHashTable    *set,
               GStringChunk  *strings,
               char         **columns,
               guint          n_columns)
{
  if (*columns[0] != '\0')
    g_hash_table_add (set, g_string_chunk_insert (strings, columns[0]));
  return TRUE;
}

/* @column without leading and trailing white space, cut in place (g_strstrip() without its
 * memmove(): ~24,000 columns are read at every start). */
static char *
strip_column (char *column)
{
  char *end;

  while (g_ascii_isspace (*column))
    column++;
  end = column + strlen (column);
  while (end > column && g_ascii_isspace (end[-1]))
    end--;
  *end = '\0';
  return column;
}

/* Calls @func for each data line of @text ("#" comments and blank lines skipped). */
typedef gboolean (*RawLineFunc) (gpointer     data,
                                 char       **columns,
                                 guint        n_columns,
                                 GError     **error);

static gboolean
for_each_line (const char   *file,
               char         *text,
               RawLineFunc   func,
               gpointer      data,
               GError      **error)
{
  char *line = text;
  guint lineno = 0;

  while (line != NULL && *line != '\0')
    {
      char *next = strchr (line, '\n');
      char *columns[8];
      guint n = 0;
      char *p;

      if (next != NULL)
        *next++ = '\0';
      lineno++;

      if (*line != '\0' && line[strlen (line) - 1] == '\r')
        line[strlen (line) - 1] = '\0';

      p = line;
      while (*p == ' ')
        p++;
      if (*p == '#' || *p == '\0')
        {
          line = next;
          continue;
        }

      columns[n++] = line;
      for (p = line; *p && n < G_N_ELEMENTS (columns); p++)
        {
          if (*p == '\t')
            {
              *p = '\0';
              columns[n++] = p + 1;
            }
        }
      for (guint i = 0; i < n; i++)
        columns[i] = strip_column (columns[i]);

      if (!func (data, columns, n, error))
        {
          g_prefix_error (error, _("%s: line %u: "), file, lineno);
          return FALSE;
        }
      line = next;
    }
  return TRUE;
}

static const struct {
  const char *name;
  DmNamePart  part;
} part_names[] = {
  { "org-head", DM_PART_ORG_HEAD },
  { "org-start", DM_PART_ORG_START },
  { "particle", DM_PART_PARTICLE },
  { "connector", DM_PART_CONNECTOR },
  { "region", DM_PART_REGION },
  { "collective", DM_PART_COLLECTIVE },
  { "government-body", DM_PART_GOVERNMENT_BODY },
  { "armed-body", DM_PART_ARMED_BODY },
  { "pronoun-speaker", DM_PART_PRONOUN_SPEAKER },
  { "sector", DM_PART_SECTOR },
  { "pronoun-self", DM_PART_PRONOUN_SELF },
  { "pronoun-person", DM_PART_PRONOUN_PERSON },
  { "place-prep", DM_PART_PLACE_PREP },
  { "populace", DM_PART_POPULACE },
  { "group-noun", DM_PART_GROUP_NOUN },
  { "government-noun", DM_PART_GOVERNMENT_NOUN },
  { "regime-noun", DM_PART_REGIME_NOUN },
  { "country-noun", DM_PART_COUNTRY_NOUN },
  { "armed-adjective", DM_PART_ARMED_ADJECTIVE },
  { "quantifier", DM_PART_QUANTIFIER },
  { "kind-noun", DM_PART_KIND_NOUN },
  { "state-body", DM_PART_STATE_BODY },
  { "follower", DM_PART_FOLLOWER },
  { "org-class", DM_PART_ORG_CLASS },
  { "male-noun", DM_PART_MALE_NOUN },
  { "female-noun", DM_PART_FEMALE_NOUN },
  { "measure", DM_PART_MEASURE },
  { "press-head", DM_PART_PRESS_HEAD },
  { "person-noun", DM_PART_PERSON_NOUN },
  { "press-people", DM_PART_PRESS_PEOPLE },
  { "kin-noun", DM_PART_KIN_NOUN },
  { "contest", DM_PART_CONTEST },
};

typedef struct {
  DmLexicon  *self;
  LineFunc    func;
  GHashTable *irregular;
  GHashTable *set;
} LoadData;

static gboolean
entity_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return ld->func (ld->self, columns, n, error);
}

/* evaluative.tsv (a word, the class of calling something so, and the edge's label) and
 * claims.tsv (a verbs.tsv phrase of claiming, the class and label of the accusation it
 * makes): a key into @table and the act it stands for. */
static gboolean
load_judging_line (DmLexicon   *self,
                   GHashTable  *table,
                   const char  *file,
                   char       **columns,
                   guint        n_columns,
                   GError     **error)
{
  DmLexVerb *verb;
  DmRelationClass klass;

  if (n_columns < 3 || !dm_relation_class_from_string (columns[1], &klass) || !*columns[2])
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("%s: “%s”: a class and a label are needed"), file, columns[0]);
      return FALSE;
    }
  verb = dm_lexicon_add_verb (self, columns[0], klass);
  verb->label = g_strdup (columns[2]);
  g_hash_table_replace (table, g_string_chunk_insert (self->verb_strings, verb->phrase), verb);
  return TRUE;
}

static gboolean
evaluative_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return load_judging_line (ld->self, ld->self->evaluative, "evaluative.tsv", columns, n, error);
}

static gboolean
claim_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return load_judging_line (ld->self, ld->self->claims, "claims.tsv", columns, n, error);
}

static gboolean
sense_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return dm_lexicon_load_sense_line (ld->self, columns, n, error);
}

static gboolean
verb_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return dm_lexicon_load_verb_line (ld->self, columns, n, ld->irregular, error);
}

static gboolean
set_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  return load_set_line (ld->set, ld->self->name_strings, columns, n);
}

/* given-names.tsv: a name and, where usage fixes it, its gender ("m" or "f"). */
static gboolean
given_name_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  const char *gender = n > 1 ? columns[1] : "";

  if (*gender != '\0' && strcmp (gender, "m") != 0 && strcmp (gender, "f") != 0)
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("“%s”: gender “%s” is neither “m”, “f” nor empty"), columns[0], gender);
      return FALSE;
    }
  g_hash_table_replace (ld->self->given_names, g_string_chunk_insert (ld->self->name_strings, columns[0]),
                        GUINT_TO_POINTER (*gender != '\0' ? (guint) *gender : (guint) '?'));
  return TRUE;
}

static gboolean
irregular_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  DmLexIrregular *irr = g_new0 (DmLexIrregular, 1);

  irr->past = n > 1 && *columns[1] ? g_strdup (columns[1]) : NULL;
  irr->participle = n > 2 && *columns[2] ? g_strdup (columns[2]) : NULL;
  irr->third = n > 3 && *columns[3] ? g_strdup (columns[3]) : NULL;
  irr->gerund = n > 4 && *columns[4] ? g_strdup (columns[4]) : NULL;
  g_hash_table_replace (ld->irregular, g_strdup (columns[0]), irr);
  return TRUE;
}

static gboolean
name_part_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  guint mask;

  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      if (n > 1 && strcmp (columns[1], part_names[i].name) == 0)
        {
          char *key = dm_lexicon_normalize (columns[0], FALSE);

          mask = GPOINTER_TO_UINT (g_hash_table_lookup (ld->self->name_parts, key));
          g_hash_table_replace (ld->self->name_parts, key, GUINT_TO_POINTER (mask | part_names[i].part));
          return TRUE;
        }
    }
  g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
               _("“%s”: unknown role “%s”"), columns[0], n > 1 ? columns[1] : "");
  return FALSE;
}

typedef char *(*ReadFunc) (gpointer     source,
                           const char  *file,
                           GError     **error);

static char *
read_resource (gpointer     source,
               const char  *file,
               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, file, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  gsize len;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static char *
read_dir_file (gpointer     source,
               const char  *file,
               GError     **error)
{
  g_autofree char *path = g_build_filename (source, file, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return contents;
}

static DmLexicon *
dm_lexicon_alloc (void)
{
  DmLexicon *self = g_new0 (DmLexicon, 1);

  self->entities = g_hash_table_new (g_str_hash, g_str_equal);
  self->entity_first = g_hash_table_new (g_str_hash, g_str_equal);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
  self->organizations = g_hash_table_new (g_str_hash, g_str_equal);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->title_first = g_hash_table_new (g_str_hash, g_str_equal);
  self->verb_forms = g_hash_table_new (g_str_hash, g_str_equal);
  self->verbs = g_ptr_array_new_with_free_func (dm_lexicon_verb_free);
  self->evaluative = g_hash_table_new (g_str_hash, g_str_equal);
  self->claims = g_hash_table_new (g_str_hash, g_str_equal);
  self->senses = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->given_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->nonactors = g_hash_table_new (g_str_hash, g_str_equal);
  self->name_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->owned = g_ptr_array_new_with_free_func (g_free);
  self->name_strings = g_string_chunk_new (64 * 1024);
  self->verb_strings = g_string_chunk_new (32 * 1024);
  self->verb_blocks = g_ptr_array_new_with_free_func (g_free);
  return self;
}

typedef struct {
  const char  *file;
  RawLineFunc  line;
  LineFunc     func;
  GHashTable  *set;
} LexiconFile;

typedef struct {
  DmLexicon         *self;
  ReadFunc           read;
  gpointer           source;
  const LexiconFile *files;
  guint              n_files;
  GHashTable        *irregular;
  GError            *error;
} LoadPart;

/* Loads some of the files. Parts touch disjoint tables, so two can run at once. */
static gpointer
load_part (gpointer data)
{
  LoadPart *part = data;

  for (guint i = 0; i < part->n_files; i++)
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *text = part->read (part->source, part->files[i].file, &read_error);
      LoadData ld = { part->self, part->files[i].func, part->irregular, part->files[i].set };

      if (text == NULL)
        {
          g_set_error (&part->error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_MISSING,
                       "%s: %s", part->files[i].file, read_error->message);
          return NULL;
        }
      if (!for_each_line (part->files[i].file, text, part->files[i].line, &ld, &part->error))
        return NULL;
    }
  return NULL;
}

static DmLexicon *
dm_lexicon_load (ReadFunc   read,
                 gpointer   source,
                 GError   **error)
{
  g_autoptr(DmLexicon) self = dm_lexicon_alloc ();
  g_autoptr(GHashTable) irregular = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dm_lexicon_irregular_free);
  /* Names: countries first, so a name claimed by a country is not taken by an organisation. */
  const LexiconFile names[] = {
    { "countries.tsv", entity_line, load_country, NULL },
    { "organizations.tsv", entity_line, load_organization, NULL },
    { "titles.tsv", entity_line, load_title, NULL },
    { "given-names.tsv", given_name_line, NULL, NULL },
    { "nonactors.tsv", set_line, NULL, self->nonactors },
    { "name-parts.tsv", name_part_line, NULL, NULL },
  };
  /* Verbs fill only the verb tables, so they load on a second thread: start-up time counts
   * for every `dramatis-cli extract`. */
  const LexiconFile verbs[] = {
    { "irregular-verbs.tsv", irregular_line, NULL, NULL },
    { "verbs.tsv", verb_line, NULL, NULL },
    { "evaluative.tsv", evaluative_line, NULL, NULL },
    { "claims.tsv", claim_line, NULL, NULL },
    { "verb-senses.tsv", sense_line, NULL, NULL },
  };
  LoadPart name_part = { self, read, source, names, G_N_ELEMENTS (names), irregular, NULL };
  LoadPart verb_part = { self, read, source, verbs, G_N_ELEMENTS (verbs), irregular, NULL };
  GThread *thread;

  thread = g_thread_new ("dm-lexicon-verbs", load_part, &verb_part);
  load_part (&name_part);
  g_thread_join (thread);

  if (name_part.error != NULL || verb_part.error != NULL)
    {
      g_propagate_error (error, name_part.error != NULL ? name_part.error : verb_part.error);
      g_clear_error (name_part.error != NULL ? &verb_part.error : &name_part.error);
      return NULL;
    }

  self->name_part_index = dm_word_index_new (self->name_parts);
  self->entity_first_index = dm_word_index_new (self->entity_first);
  self->title_first_index = dm_word_index_new (self->title_first);
  return g_steal_pointer (&self);
}

DmLexicon *
dm_lexicon_new_from_dir (const char  *dir,
                         GError     **error)
{
  g_return_val_if_fail (dir != NULL, NULL);

  return dm_lexicon_load (read_dir_file, (gpointer) dir, error);
}

DmLexicon *
dm_lexicon_get_default (void)
{
  static DmLexicon *lexicon;

  if (g_once_init_enter (&lexicon))
    {
      g_autoptr(GError) error = NULL;
      const char *dir = g_getenv ("DRAMATIS_LEXICON_DIR");
      DmLexicon *loaded;

      if (dir != NULL && *dir != '\0')
        loaded = dm_lexicon_new_from_dir (dir, &error);
      else
        loaded = dm_lexicon_load (read_resource, NULL, &error);

      if (loaded == NULL)
        g_error ("Cannot load the lexicons: %s", error->message);

      g_once_init_leave (&lexicon, loaded);
    }
  return lexicon;
}

void
dm_lexicon_free (DmLexicon *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entities);
  g_hash_table_unref (self->entity_first);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->organizations);
  g_hash_table_unref (self->titles);
  g_hash_table_unref (self->title_first);
  g_hash_table_unref (self->verb_forms);
  g_hash_table_unref (self->evaluative);
  g_hash_table_unref (self->claims);
  g_hash_table_unref (self->senses);
  g_ptr_array_unref (self->verbs);
  g_hash_table_unref (self->given_names);
  g_hash_table_unref (self->nonactors);
  dm_word_index_free (self->name_part_index);
  dm_word_index_free (self->entity_first_index);
  dm_word_index_free (self->title_first_index);
  g_hash_table_unref (self->name_parts);
  g_ptr_array_unref (self->owned);
  g_string_chunk_free (self->name_strings);
  g_string_chunk_free (self->verb_strings);
  g_ptr_array_unref (self->verb_blocks);
  g_free (self);
}

const DmLexEntity *
dm_lexicon_lookup_entity (const DmLexicon *self,
                          const char      *key)
{
  return g_hash_table_lookup (self->entities, key);
}

guint
dm_lexicon_entity_max_tokens (const DmLexicon *self,
                              const char      *first_token)
{
  if (self->entity_first_index != NULL)
    return dm_word_index_lookup (self->entity_first_index, first_token);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->entity_first, first_token));
}

const DmLexTitle *
dm_lexicon_lookup_title (const DmLexicon *self,
                         const char      *lower_key)
{
  return g_hash_table_lookup (self->titles, lower_key);
}

guint
dm_lexicon_title_max_tokens (const DmLexicon *self,
                             const char      *lower_first_token)
{
  if (self->title_first_index != NULL)
    return dm_word_index_lookup (self->title_first_index, lower_first_token);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->title_first, lower_first_token));
}

GPtrArray *
dm_lexicon_lookup_verb (const DmLexicon *self,
                        const char      *lower_word)
{
  return g_hash_table_lookup (self->verb_forms, lower_word);
}

const DmLexVerb *
dm_lexicon_lookup_evaluative (const DmLexicon *self,
                              const char      *lower_word)
{
  return g_hash_table_lookup (self->evaluative, lower_word);
}

const DmLexVerb *
dm_lexicon_lookup_claim (const DmLexicon *self,
                         const DmLexVerb *verb)
{
  return g_hash_table_lookup (self->claims, verb->phrase);
}

gboolean
dm_lexicon_is_given_name (const DmLexicon *self,
                          const char      *word)
{
  return g_hash_table_contains (self->given_names, word);
}

char
dm_lexicon_given_name_gender (const DmLexicon *self,
                              const char      *word)
{
  guint gender = GPOINTER_TO_UINT (g_hash_table_lookup (self->given_names, word));

  return gender == 'm' || gender == 'f' ? (char) gender : 0;
}

gboolean
dm_lexicon_is_nonactor (const DmLexicon *self,
                        const char      *word)
{
  return g_hash_table_contains (self->nonactors, word);
}

const DmLexEntity *
dm_lexicon_lookup_country (const DmLexicon *self,
                           const char      *canonical)
{
  return g_hash_table_lookup (self->countries, canonical);
}

guint
dm_lexicon_name_part (const DmLexicon *self,
                      const char      *word)
{
  if (self->name_part_index != NULL)
    return dm_word_index_lookup (self->name_part_index, word);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->name_parts, word));
}
