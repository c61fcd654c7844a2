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

/* @column (of a line of a kept text: it lives as long as @self), or NULL when it is empty. */
static char *
column_or_null (char *column)
{
  return column != NULL && *column != '\0' ? column : NULL;
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
note_first (DmWordIndex  *first_index,
            GStringChunk *strings,
            const char   *key)
{
  char buf[128];
  const char *first = first_token_of (key, buf, sizeof buf);
  guint n = count_tokens (key);
  gboolean added;
  gpointer *max = dm_word_index_insert (first_index, first, strings, &added);

  if (n > GPOINTER_TO_UINT (*max))
    *max = GUINT_TO_POINTER (n);
}

/* The key of @name: @name itself when it is a plain name already in normal form (most are),
 * else its normal form in @buf (@size bytes) or, longer, in *@normalized. */
static const char *
name_key (const char  *name,
          gboolean     lower,
          char        *buf,
          gsize        size,
          char       **normalized)
{
  gsize len = strlen (name);

  if (len < size && is_plain (name))
    {
      gsize n = normalize_plain (name, buf);

      if (lower)
        {
          gboolean ascii = TRUE;

          for (gsize i = 0; i < n; i++)
            {
              ascii &= (guchar) buf[i] < 0x80;
              buf[i] = dm_text_ascii_tolower (buf[i]);
            }
          if (!ascii)
            return *normalized = dm_lexicon_normalize (name, TRUE);
        }
      return !lower && n == len && memcmp (buf, name, len) == 0 ? name : buf;
    }
  return *normalized = dm_lexicon_normalize (name, lower);
}

/* Indexes @value under the key of @name (a column of a kept text) in @index, unless an
 * entry before claimed it: the first entry to claim a name keeps it, files list the usual
 * sense first. With @first_index, the key's first word is noted there. */
static void
claim_name (DmLexicon   *self,
            DmWordIndex *index,
            DmWordIndex *first_index,
            const char  *name,
            gpointer     value)
{
  g_autofree char *normalized = NULL;
  char buf[256];
  const char *key;
  gpointer *slot;
  gboolean added;

  if (name == NULL || *name == '\0')
    return;

  /* a name in normal form (most) is its own key; others are normalized on the stack, and
   * a copy is kept only of a new one */
  key = name_key (name, FALSE, buf, sizeof buf, &normalized);
  if (*key == '\0')
    return;
  slot = dm_word_index_insert (index, key, key == name ? NULL : self->name_strings, &added);
  if (!added)
    return;
  *slot = value;
  if (first_index != NULL)
    note_first (first_index, self->name_strings, key);
}

/* @name is a column of a kept text. */
static void
add_entity_name (DmLexicon   *self,
                 const char  *name,
                 DmLexEntity *entity)
{
  claim_name (self, self->entities, self->entity_first, name, entity);
}

static DmLexEntity *
entity_new (DmLexicon   *self,
            char        *canonical,
            DmActorType  type,
            DmLexKind    kind)
{
  DmLexEntity *entity = dm_lex_blocks_alloc (&self->name_blocks, sizeof (DmLexEntity));

  entity->canonical = canonical;
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

  country->iso3 = n_columns > 4 ? column_or_null (columns[4]) : NULL;
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
  char *kind = n_columns > 2 ? columns[2] : NULL;
  DmActorType type = g_strcmp0 (kind, "group") == 0 ? DM_ACTOR_GROUP : DM_ACTOR_ORGANIZATION;
  DmLexEntity *org = entity_new (self, columns[0], type, DM_LEX_ORG);

  org->org_kind = column_or_null (kind);
  org->affiliation = n_columns > 3 ? column_or_null (columns[3]) : NULL;
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
  DmLexTitle *title = dm_lex_blocks_alloc (&self->name_blocks, sizeof (DmLexTitle));
  g_autofree char *normalized = NULL;
  char buf[256];
  const char *key;
  gpointer *value;
  gboolean added;

  title->canonical = n_columns > 1 && *columns[1] ? columns[1] : columns[0];
  title->category = n_columns > 2 && *columns[2] ? columns[2] : (char *) "other";
  title->is_honorific = strcmp (title->category, "other") == 0;

  key = name_key (columns[0], TRUE, buf, sizeof buf, &normalized);
  if (*key == '\0')
    return TRUE;
  value = dm_word_index_insert (self->titles, key, self->name_strings, &added);
  if (!added)
    return TRUE;
  *value = title;
  note_first (self->title_first, self->name_strings, key);
  return TRUE;
}

/* @name (a column of a kept text) into the people index. */
static void
add_person_name (DmLexicon   *self,
                 const char  *name,
                 DmLexPerson *person)
{
  claim_name (self, self->people, NULL, name, person);
}

/* "Zelensky", "von der Leyen", "Çavuşoğlu": a name has a capital letter somewhere */
static gboolean
has_capital (const char *name)
{
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* people.tsv: name, aliases, gender */
static gboolean
load_person (DmLexicon  *self,
             char      **columns,
             guint       n_columns,
             GError    **error)
{
  const char *gender = n_columns > 2 ? columns[2] : "";
  DmLexPerson *person;
  char *list;

  if (strchr (columns[0], ' ') == NULL)
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("“%s”: the name must be a full name"), columns[0]);
      return FALSE;
    }
  if (*gender != '\0' && strcmp (gender, "m") != 0 && strcmp (gender, "f") != 0)
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("“%s”: gender “%s” is neither “m”, “f” nor empty"), columns[0], gender);
      return FALSE;
    }
  person = dm_lex_blocks_alloc (&self->name_blocks, sizeof (DmLexPerson));
  person->canonical = columns[0];
  person->gender = *gender;
  add_person_name (self, columns[0], person);
  for (list = n_columns > 1 && *columns[1] ? columns[1] : NULL; list != NULL;)
    {
      char *bar = strchr (list, '|');

      if (bar != NULL)
        *bar++ = '\0';
      list = g_strstrip (list);
      if (!has_capital (list))
        {
          g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                       _("“%s”: alias “%s” is not a capitalised name"), columns[0], list);
          return FALSE;
        }
      add_person_name (self, list, person);
      list = bar;
    }
  return TRUE;
}

/* The column from @column to @end without leading and trailing white space, cut in place
 * (g_strstrip() without its strlen() and memmove(): ~24,000 columns are read at every
 * start). */
static char *
strip_column (char *column,
              char *end)
{
  while (column < end && g_ascii_isspace (*column))
    column++;
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
      char *end = next != NULL ? next : line + strlen (line);
      char *columns[8];
      char *ends[G_N_ELEMENTS (columns)];
      guint n = 0;
      char *p;

      if (next != NULL)
        next++;
      lineno++;

      if (end > line && end[-1] == '\r')
        end--;

      p = line;
      while (p < end && *p == ' ')
        p++;
      if (p == end || *p == '#')
        {
          line = next;
          continue;
        }

      /* one pass over the line: its tabs end its columns */
      columns[n++] = line;
      for (p = line; p < end && n < G_N_ELEMENTS (columns); p++)
        {
          if (*p == '\t')
            {
              ends[n - 1] = p;
              columns[n++] = p + 1;
            }
        }
      ends[n - 1] = end;
      for (guint i = 0; i < n; i++)
        columns[i] = strip_column (columns[i], ends[i]);

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
  DmLexicon   *self;
  LineFunc     func;
  DmWordIndex *irregular;
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
  verb->label = columns[2];
  g_hash_table_replace (table, verb->phrase, verb);
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
nonactor_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  gboolean added;

  if (*columns[0] != '\0')
    *dm_word_index_insert (ld->self->nonactors, columns[0], NULL, &added) = GUINT_TO_POINTER (1);
  return TRUE;
}

/* given-names.tsv: a name and, where usage fixes it, its gender ("m" or "f"). */
static gboolean
given_name_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  const char *gender = n > 1 ? columns[1] : "";
  gboolean added;

  if (*gender != '\0' && strcmp (gender, "m") != 0 && strcmp (gender, "f") != 0)
    {
      g_set_error (error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_SYNTAX,
                   _("“%s”: gender “%s” is neither “m”, “f” nor empty"), columns[0], gender);
      return FALSE;
    }
  /* a later line for the same name replaces the earlier one */
  *dm_word_index_insert (ld->self->given_names, columns[0], NULL, &added) =
    GUINT_TO_POINTER (*gender != '\0' ? (guint) *gender : (guint) '?');
  return TRUE;
}

static gboolean
irregular_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;
  DmLexIrregular *irr = dm_lex_blocks_alloc (&ld->self->verb_blocks, sizeof (DmLexIrregular));
  gboolean added;

  irr->past = n > 1 ? column_or_null (columns[1]) : NULL;
  irr->participle = n > 2 ? column_or_null (columns[2]) : NULL;
  irr->third = n > 3 ? column_or_null (columns[3]) : NULL;
  irr->gerund = n > 4 ? column_or_null (columns[4]) : NULL;
  /* a later line for the same verb replaces the earlier one */
  *dm_word_index_insert (ld->irregular, columns[0], NULL, &added) = irr;
  return TRUE;
}

static gboolean
name_part_line (gpointer data, char **columns, guint n, GError **error)
{
  LoadData *ld = data;

  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      if (n > 1 && columns[1][0] == part_names[i].name[0] && strcmp (columns[1], part_names[i].name) == 0)
        {
          g_autofree char *normalized = NULL;
          char buf[256];
          const char *key = name_key (columns[0], FALSE, buf, sizeof buf, &normalized);
          gboolean added;
          gpointer *mask = dm_word_index_insert (ld->self->name_parts, key,
                                                 key == columns[0] ? NULL : ld->self->name_strings,
                                                 &added);

          *mask = GUINT_TO_POINTER (GPOINTER_TO_UINT (*mask) | part_names[i].part);
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

  /* the sizes are those of the shipped files, so that no table grows while they load */
  self->entities = dm_word_index_new (3000);
  self->entity_first = dm_word_index_new (1900);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
  self->organizations = g_hash_table_new (g_str_hash, g_str_equal);
  self->titles = dm_word_index_new (700);
  self->title_first = dm_word_index_new (500);
  self->verb_forms = dm_word_index_new (4000);
  self->verbs = g_ptr_array_sized_new (2200);
  self->evaluative = g_hash_table_new (g_str_hash, g_str_equal);
  self->claims = g_hash_table_new (g_str_hash, g_str_equal);
  self->senses = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->given_names = dm_word_index_new (3300);
  self->nonactors = dm_word_index_new (800);
  self->name_parts = dm_word_index_new (700);
  self->people = dm_word_index_new (700);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->name_strings = g_string_chunk_new (16 * 1024);
  self->verb_strings = g_string_chunk_new (32 * 1024);
  self->name_blocks.blocks = g_ptr_array_new_with_free_func (g_free);
  self->verb_blocks.blocks = g_ptr_array_new_with_free_func (g_free);
  return self;
}

typedef struct {
  const char  *file;
  RawLineFunc  line;
  LineFunc     func;
} LexiconFile;

typedef struct {
  DmLexicon         *self;
  ReadFunc           read;
  gpointer           source;
  const LexiconFile *files;
  guint              n_files;
  DmWordIndex       *irregular;
  GPtrArray         *texts;     /* what was read, kept for the tables to point into */
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
      char *text = part->read (part->source, part->files[i].file, &read_error);
      LoadData ld = { part->self, part->files[i].func, part->irregular };

      if (text == NULL)
        {
          g_set_error (&part->error, DM_LEXICON_ERROR, DM_LEXICON_ERROR_MISSING,
                       "%s: %s", part->files[i].file, read_error->message);
          return NULL;
        }
      g_ptr_array_add (part->texts, text);
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
  DmWordIndex *irregular = dm_word_index_new (500);
  g_autoptr(GPtrArray) verb_texts = g_ptr_array_new ();
  /* Names: countries first, so a name claimed by a country is not taken by an organisation. */
  const LexiconFile names[] = {
    { "countries.tsv", entity_line, load_country },
    { "organizations.tsv", entity_line, load_organization },
    { "titles.tsv", entity_line, load_title },
    { "given-names.tsv", given_name_line, NULL },
    { "nonactors.tsv", nonactor_line, NULL },
    { "name-parts.tsv", name_part_line, NULL },
    { "people.tsv", entity_line, load_person },
  };
  /* Verbs fill only the verb tables, so they load on a second thread: start-up time counts
   * for every `dramatis-cli extract`. */
  const LexiconFile verbs[] = {
    { "irregular-verbs.tsv", irregular_line, NULL },
    { "verbs.tsv", verb_line, NULL },
    { "evaluative.tsv", evaluative_line, NULL },
    { "claims.tsv", claim_line, NULL },
    { "verb-senses.tsv", sense_line, NULL },
  };
  LoadPart name_part = { self, read, source, names, G_N_ELEMENTS (names), irregular, self->texts, NULL };
  LoadPart verb_part = { self, read, source, verbs, G_N_ELEMENTS (verbs), irregular, verb_texts, NULL };
  GThread *thread;

  thread = g_thread_new ("dm-lexicon-verbs", load_part, &verb_part);
  load_part (&name_part);
  g_thread_join (thread);
  dm_word_index_free (irregular);
  for (guint i = 0; i < verb_texts->len; i++)
    g_ptr_array_add (self->texts, g_ptr_array_index (verb_texts, i));

  if (name_part.error != NULL || verb_part.error != NULL)
    {
      g_propagate_error (error, name_part.error != NULL ? name_part.error : verb_part.error);
      g_clear_error (name_part.error != NULL ? &verb_part.error : &name_part.error);
      return NULL;
    }
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
  dm_word_index_free (self->entities);
  dm_word_index_free (self->entity_first);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->organizations);
  dm_word_index_free (self->titles);
  dm_word_index_free (self->title_first);
  dm_word_index_free (self->verb_forms);
  g_hash_table_unref (self->evaluative);
  g_hash_table_unref (self->claims);
  g_hash_table_unref (self->senses);
  g_ptr_array_unref (self->verbs);
  dm_word_index_free (self->given_names);
  dm_word_index_free (self->nonactors);
  dm_word_index_free (self->name_parts);
  dm_word_index_free (self->people);
  g_ptr_array_unref (self->texts);
  g_string_chunk_free (self->name_strings);
  g_string_chunk_free (self->verb_strings);
  g_ptr_array_unref (self->name_blocks.blocks);
  g_ptr_array_unref (self->verb_blocks.blocks);
  g_free (self);
}

const DmLexEntity *
dm_lexicon_lookup_entity (const DmLexicon *self,
                          const char      *key)
{
  return dm_word_index_get (self->entities, key);
}

guint
dm_lexicon_entity_max_tokens (const DmLexicon *self,
                              const char      *first_token)
{
  return dm_word_index_lookup (self->entity_first, first_token);
}

const DmLexTitle *
dm_lexicon_lookup_title (const DmLexicon *self,
                         const char      *lower_key)
{
  return dm_word_index_get (self->titles, lower_key);
}

guint
dm_lexicon_title_max_tokens (const DmLexicon *self,
                             const char      *lower_first_token)
{
  return dm_word_index_lookup (self->title_first, lower_first_token);
}

GPtrArray *
dm_lexicon_lookup_verb (const DmLexicon *self,
                        const char      *lower_word)
{
  return dm_word_index_get (self->verb_forms, lower_word);
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
  return dm_word_index_get (self->given_names, word) != NULL;
}

char
dm_lexicon_given_name_gender (const DmLexicon *self,
                              const char      *word)
{
  guint gender = dm_word_index_lookup (self->given_names, word);

  return gender == 'm' || gender == 'f' ? (char) gender : 0;
}

gboolean
dm_lexicon_is_nonactor (const DmLexicon *self,
                        const char      *word)
{
  return dm_word_index_get (self->nonactors, word) != NULL;
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
  return dm_word_index_lookup (self->name_parts, word);
}

const DmLexPerson *
dm_lexicon_lookup_person (const DmLexicon *self,
                          const char      *key)
{
  return dm_word_index_get (self->people, key);
}
