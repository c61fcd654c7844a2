/* dm-recognizer.c — finds the actors an article names: countries, officials, organisations
 *
 * Rules, tried left to right at each token of a sentence (longest match wins):
 *  1. a title of office, with an optional country or organisation before it and a name after
 *     it ("US Defence Secretary Pete Hegseth" → official, role, affiliation); a title with no
 *     name ("the Ukrainian president") refers back to the last official of that role;
 *  2. the gazetteer (countries, capitals, demonyms, organisations), case as written; a capital
 *     after "in"/"at" is a place, not an actor; "NATO allies" and "European allies" are groups;
 *     a country followed by a name ending in "Forces"/"Ministry"… is that organisation;
 *  3. references: he/she → the last person named; "the alliance" → the last alliance named;
 *  4. unknown capitalised names by their shape: an organisation head word ("… Council"),
 *     a known given name ("Pete …"), a surname already seen, an acronym defined in the text.
 * Every mention of an actor in an article carries one canonical name (its longest form).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer.h"

#define MAX_NAME_TOKENS 6
#define PRONOUN_SENTENCES 3

typedef struct {
  DmActorType  type;
  const char  *role;
  const char  *affiliation;
  const char  *org_kind;
  guint        last_token;       /* where it was last mentioned */
  guint        last_subject;     /* last token where it opened a clause, or G_MAXUINT */
  char         gender;           /* persons: 'm', 'f' (from given-names.tsv), or 0 */
} ActorInfo;

typedef struct {
  DmRecognition *r;
  guint          sentence;
  guint          first;          /* first token of the sentence */
  guint          end;            /* one past its last token */
} Scan;

static inline const DmToken *
tok (const DmRecognition *r,
     guint                i)
{
  return dm_text_doc_token (r->doc, i);
}

static inline gboolean
is_word (const DmRecognition *r,
         guint                i)
{
  return tok (r, i)->kind == DM_TOKEN_WORD;
}

static inline gboolean
is_cap (const DmRecognition *r,
        guint                i)
{
  const DmToken *t = tok (r, i);

  return t->kind == DM_TOKEN_WORD && t->capitalized;
}

static inline gboolean
word_is (const DmRecognition *r,
         guint                i,
         const char          *word)
{
  return strcmp (r->lower[i], word) == 0;
}

static inline gboolean
is_possessive (const DmRecognition *r,
               guint                i)
{
  return i < r->doc->tokens->len &&
         (strcmp (r->words[i], "'s") == 0 || strcmp (r->words[i], "\xe2\x80\x99s") == 0 ||
          strcmp (r->words[i], "'S") == 0);
}

static gboolean
newline_between (const DmRecognition *r,
                 guint                a,
                 guint                b)
{
  for (guint k = tok (r, a)->end; k < tok (r, b)->start; k++)
    if (r->doc->text[k] == '\n')
      return TRUE;
  return FALSE;
}

/* Joins tokens [first, last] with single spaces, as lexicon keys are written. */
static const char *
join_tokens (DmRecognition *r,
             guint          first,
             guint          last,
             gboolean       lower,
             GString       *buf)
{
  g_string_truncate (buf, 0);
  for (guint i = first; i <= last; i++)
    {
      if (i > first)
        g_string_append_c (buf, ' ');
      g_string_append (buf, lower ? r->lower[i] : r->words[i]);
    }
  return buf->str;
}

/* The text of tokens [first, last] with white space (line breaks too) folded to one space:
 * names that become canonical actor names. */
static const char *
name_text (DmRecognition *r,
           guint          first,
           guint          last)
{
  GString *buf = g_string_new (NULL);
  const char *result;

  for (guint i = first; i <= last; i++)
    {
      const DmToken *t = tok (r, i);

      if (i > first && t->start > tok (r, i - 1)->end)
        g_string_append_c (buf, ' ');
      g_string_append (buf, r->words[i]);
    }
  result = g_string_chunk_insert_const (r->strings, buf->str);
  g_string_free (buf, TRUE);
  return result;
}

static const char *
intern (DmRecognition *r,
        const char    *str)
{
  return str ? g_string_chunk_insert_const (r->strings, str) : NULL;
}

static ActorInfo *
note_actor (DmRecognition *r,
            const char    *actor,
            DmActorType    type,
            const char    *role,
            const char    *affiliation,
            guint          token)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, actor);

  if (info == NULL)
    {
      info = g_new0 (ActorInfo, 1);
      info->type = type;
      info->last_subject = G_MAXUINT;
      g_hash_table_insert (r->actors, (gpointer) actor, info);
    }
  if (role != NULL && info->role == NULL)
    info->role = role;
  if (affiliation != NULL && info->affiliation == NULL)
    info->affiliation = affiliation;
  if (type == DM_ACTOR_OFFICIAL && info->type == DM_ACTOR_PERSON)
    info->type = DM_ACTOR_OFFICIAL;
  info->last_token = token;
  return info;
}

static DmRMention *
add_mention (DmRecognition  *r,
             Scan           *s,
             guint           first,
             guint           last,
             DmRMentionKind  kind,
             DmActorType     type,
             const char     *actor,
             const char     *role,
             const char     *affiliation)
{
  DmRMention m = { 0 };
  ActorInfo *info;

  m.first = first;
  m.last = last;
  m.sentence = s->sentence;
  m.kind = kind;
  m.type = type;
  m.actor = intern (r, actor);
  m.role = intern (r, role);
  m.affiliation = intern (r, affiliation);
  m.possessive = is_possessive (r, last + 1);
  info = note_actor (r, m.actor, type, m.role, m.affiliation, first);
  /* "Karim Ahmad": the given name tells the person's gender, where usage fixes it */
  if ((type == DM_ACTOR_PERSON || type == DM_ACTOR_OFFICIAL) && kind == DM_RMENTION_NAME &&
      last > first && info->gender == 0)
    info->gender = dm_lexicon_given_name_gender (r->lexicon, r->words[first]);
  g_array_append_val (r->mentions, m);
  return &g_array_index (r->mentions, DmRMention, r->mentions->len - 1);
}

/* Longest gazetteer name starting at @i, within the sentence. */
static const DmLexEntity *
match_entity (DmRecognition *r,
              Scan          *s,
              guint          i,
              guint         *last,
              GString       *buf)
{
  guint max;

  if (!is_word (r, i))
    return NULL;
  max = dm_lexicon_entity_max_tokens (r->lexicon, r->words[i]);
  if (max == 0)
    {
      /* an acronym the article introduced: "Syrian Democratic Forces (SDF)" */
      const DmLexEntity *alias = g_hash_table_lookup (r->aliases, r->words[i]);

      if (alias != NULL)
        *last = i;
      return alias;
    }
  for (guint n = MIN (max, s->end - i); n >= 1; n--)
    {
      const DmLexEntity *e = dm_lexicon_lookup_entity (r->lexicon, join_tokens (r, i, i + n - 1, FALSE, buf));

      if (e != NULL)
        {
          *last = i + n - 1;
          return e;
        }
    }
  return NULL;
}

/* Longest title of office starting at @i (case-insensitive). */
static const DmLexTitle *
match_title (DmRecognition *r,
             Scan          *s,
             guint          i,
             guint         *last,
             GString       *buf)
{
  guint max;

  if (i >= s->end || !is_word (r, i))
    return NULL;
  max = dm_lexicon_title_max_tokens (r->lexicon, r->lower[i]);
  for (guint n = MIN (max, s->end - i); n >= 1; n--)
    {
      const DmLexTitle *t = dm_lexicon_lookup_title (r->lexicon, join_tokens (r, i, i + n - 1, TRUE, buf));

      if (t != NULL)
        {
          *last = i + n - 1;
          return t;
        }
    }
  return NULL;
}

static gboolean
is_name_token (DmRecognition *r,
               guint          i)
{
  const DmToken *t = tok (r, i);

  /* "al-Abadi", "bin-Laden", "el-Sisi": a particle joined to a capitalised name */
  if (t->kind == DM_TOKEN_WORD && !t->capitalized)
    {
      const char *dash = strchr (r->words[i], '-');

      if (dash != NULL && g_ascii_isupper (dash[1]))
        {
          g_autofree char *particle = g_strndup (r->words[i], dash - r->words[i]);

          return (dm_lexicon_name_part (r->lexicon, particle) & DM_PART_PARTICLE) != 0;
        }
      return FALSE;
    }
  if (t->kind != DM_TOKEN_WORD || !t->capitalized)
    return FALSE;
  if (dm_lexicon_is_nonactor (r->lexicon, r->words[i]))
    return FALSE;
  return TRUE;
}

/* A personal name from @i: capitalised words with particles ("bin", "van der"), at most
 * MAX_NAME_TOKENS, not running into a title or a gazetteer name. Returns the last token or
 * G_MAXUINT. */
static guint
scan_person_name (DmRecognition *r,
                  Scan          *s,
                  guint          i,
                  GString       *buf)
{
  guint last = G_MAXUINT;

  for (guint j = i; j < s->end && j - i < MAX_NAME_TOKENS; j++)
    {
      guint dummy;

      if (is_name_token (r, j) && !tok (r, j)->all_caps)
        {
          if (j > i && match_title (r, s, j, &dummy, buf) != NULL)
            break;
          if (j > i && newline_between (r, j - 1, j))
            break;  /* a line break: the name ended (a headline above a dateline) */
          last = j;
          continue;
        }
      /* a single capital with a dot: "George W. Bush" */
      if (j > i && last == j - 1 && tok (r, j)->kind == DM_TOKEN_PUNCT && r->words[j][0] == '.' &&
          tok (r, j - 1)->end - tok (r, j - 1)->start == 1 && j + 1 < s->end && is_name_token (r, j + 1))
        continue;
      /* "von der Leyen", "bin Abdulaziz", "de la Cruz": particles, then a name */
      if (j > i && (dm_lexicon_name_part (r->lexicon, r->words[j]) & DM_PART_PARTICLE))
        {
          guint k = j;

          while (k < s->end && k - j < 3 && (dm_lexicon_name_part (r->lexicon, r->words[k]) & DM_PART_PARTICLE))
            k++;
          if (k < s->end && is_name_token (r, k))
            {
              j = k - 1;
              continue;
            }
        }
      /* "al- Jaafari" */
      if (j > i && j + 2 < s->end && (dm_lexicon_name_part (r->lexicon, r->words[j]) & DM_PART_PARTICLE) &&
          strcmp (r->words[j + 1], "-") == 0 && is_name_token (r, j + 2))
        {
          j++;
          continue;
        }
      break;
    }
  return last;
}

/* The person a lone surname ("Abadi") or given name ("Karim" after "Karim Ahmad") stands
 * for in this article; NULL when none, or when two people share the given name. */
static const char *
resolve_surname (DmRecognition *r,
                 const char    *name)
{
  const char *full = g_hash_table_lookup (r->surnames, name);

  if (full == NULL)
    {
      full = g_hash_table_lookup (r->given, name);
      if (full != NULL && *full == '\0')
        full = NULL;
    }
  return full;
}

static void
register_person (DmRecognition *r,
                 const char    *canonical,
                 guint          first,
                 guint          last)
{
  if (last > first)
    {
      const char *surname = r->words[last];
      const char *dash = strchr (surname, '-');

      const char *given = r->words[first];
      const char *known = g_hash_table_lookup (r->given, given);

      g_hash_table_insert (r->surnames, (gpointer) intern (r, surname), (gpointer) canonical);
      /* "Karim" after "Karim Ahmad" — unless another Karim was named too */
      if (dm_lexicon_is_given_name (r->lexicon, given) || tok (r, first)->capitalized)
        g_hash_table_insert (r->given, (gpointer) intern (r, given),
                             (gpointer) (known == NULL || strcmp (known, canonical) == 0 ? canonical : ""));
      /* "Bart De Wever" is also "De Wever" */
      if (last >= first + 2 && (dm_lexicon_name_part (r->lexicon, r->lower[last - 1]) & DM_PART_PARTICLE))
        {
          g_autofree char *two = g_strdup_printf ("%s %s", r->words[last - 1], r->words[last]);

          g_hash_table_insert (r->surnames, (gpointer) intern (r, two), (gpointer) canonical);
        }
      /* "al-Abadi" is also "Abadi" */
      if (dash != NULL && dash[1] != '\0' && g_ascii_isupper (dash[1]))
        g_hash_table_insert (r->surnames, (gpointer) intern (r, dash + 1), (gpointer) canonical);
    }
}

/* A person named by tokens [first, last]; a lone surname resolves to the full name seen before. */
static const char *
person_canonical (DmRecognition *r,
                  guint          first,
                  guint          last)
{
  const char *name = name_text (r, first, last);

  if (first == last)
    {
      const char *full = resolve_surname (r, name);

      if (full != NULL)
        return full;
    }
  else
    {
      /* "Joe Biden" after "Biden" alone: keep the longest form */
      register_person (r, name, first, last);
    }
  return name;
}

/* "Defence Secretary" answers to "the defence secretary" and to "the secretary". */
static gboolean
role_matches (const char *role,
              const char *title)
{
  gsize rl = strlen (role), tl = strlen (title);

  if (g_ascii_strcasecmp (role, title) == 0)
    return TRUE;
  return rl > tl && role[rl - tl - 1] == ' ' && g_ascii_strcasecmp (role + rl - tl, title) == 0;
}

/* The last official whose role is @role (and affiliation @affiliation, when given). */
static const char *
find_official (DmRecognition *r,
               const char    *role,
               const char    *affiliation)
{
  const char *best = NULL;
  guint best_token = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, r->actors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ActorInfo *info = value;

      if (info->type != DM_ACTOR_OFFICIAL || info->role == NULL || !role_matches (info->role, role))
        continue;
      if (affiliation != NULL && g_strcmp0 (info->affiliation, affiliation) != 0)
        continue;
      if (best == NULL || info->last_token > best_token)
        {
          best = key;
          best_token = info->last_token;
        }
    }
  return best;
}

/* "Joseph Votel, commander of U.S. Central Command": the title after a name is a second
 * mention of the person and gives the role and affiliation. Emits both mentions. */
static gboolean
try_appositive (DmRecognition *r,
                Scan          *s,
                const char    *canonical,
                guint          name_first,
                guint          name_last,
                guint         *next,
                GString       *buf)
{
  guint k = name_last + 1;
  guint title_first, title_last, end;
  const DmLexTitle *title;
  const DmLexEntity *of = NULL;
  guint of_first = 0, of_last = 0;
  ActorInfo *known;

  if (k + 1 >= s->end || strcmp (r->words[k], ",") != 0)
    return FALSE;
  k++;
  if (word_is (r, k, "the") || word_is (r, k, "a") || word_is (r, k, "an"))
    k++;
  title_first = k;
  /* "the Iraqi prime minister", "Britain's foreign secretary" */
  if (k < s->end)
    {
      guint e_last;
      const DmLexEntity *e = match_entity (r, s, k, &e_last, buf);

      if (e != NULL && e->kind != DM_LEX_CAPITAL)
        {
          of = e;
          of_first = k;
          of_last = e_last;
          k = e_last + 1;
          if (is_possessive (r, k))
            k++;
        }
    }
  title = match_title (r, s, k, &title_last, buf);
  if (title == NULL || title->is_honorific)
    return FALSE;
  end = title_last;
  /* "commander of U.S. Central Command" */
  if (of == NULL && end + 2 < s->end && word_is (r, end + 1, "of"))
    {
      guint j = end + 2;
      guint e_last;
      const DmLexEntity *e;

      if (word_is (r, j, "the"))
        j++;
      e = j < s->end ? match_entity (r, s, j, &e_last, buf) : NULL;
      if (e != NULL)
        {
          of = e;
          of_first = j;
          of_last = e_last;
          end = e_last;
        }
    }

  known = g_hash_table_lookup (r->actors, canonical);
  add_mention (r, s, name_first, name_last, DM_RMENTION_NAME, DM_ACTOR_OFFICIAL, canonical,
               title->canonical, of ? of->canonical : (known ? known->affiliation : NULL));
  if (of != NULL && of_first < title_first + 1 && of_first >= title_first)
    {
      /* the affiliation before the title is its own mention */
      add_mention (r, s, of_first, of_last, of->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                   of->type, of->canonical, NULL, of->kind == DM_LEX_ORG ? of->affiliation : NULL)->modifier = TRUE;
    }
  add_mention (r, s, title_first, end, DM_RMENTION_DEFINITE, DM_ACTOR_OFFICIAL, canonical, title->canonical,
               of ? of->canonical : NULL);
  if (of != NULL && of_first > title_last)
    {
      /* "U.S. Central Command" inside the description is an actor too */
      add_mention (r, s, of_first, of_last, DM_RMENTION_NAME, of->type, of->canonical, NULL,
                   of->kind == DM_LEX_ORG ? of->affiliation : NULL)->nested = TRUE;
    }
  *next = end + 1;
  return TRUE;
}

/* Rule 1: [affiliation] title [,] name — or a title standing for someone named before. */
static gboolean
try_official (DmRecognition     *r,
              Scan              *s,
              guint              i,
              const DmLexEntity *affiliation,
              guint              affiliation_first,
              guint             *next,
              GString           *buf)
{
  guint title_last, name_first, name_last;
  const DmLexTitle *title = match_title (r, s, i, &title_last, buf);
  const char *role;
  const char *canonical;
  const char *aff_name = affiliation ? affiliation->canonical : NULL;
  DmActorType type;

  if (title == NULL)
    return FALSE;

  name_first = title_last + 1;
  if (name_first < s->end && strcmp (r->words[name_first], ",") == 0 && is_cap (r, i))
    name_first++;
  /* "Lt. Gen. …": a title written with its dot */
  if (name_first < s->end && strcmp (r->words[name_first], ".") == 0)
    name_first++;
  /* stacked titles: "Deputy Prime Minister", "Foreign Minister and Deputy PM" are in the file;
   * "Prime Minister Sir Keir Starmer": honorific after a title */
  if (name_first < s->end)
    {
      guint honorific_last;
      const DmLexTitle *second = match_title (r, s, name_first, &honorific_last, buf);

      if (second != NULL && second->is_honorific)
        {
          name_first = honorific_last + 1;
          if (name_first < s->end && strcmp (r->words[name_first], ".") == 0)
            name_first++;
        }
    }

  role = title->is_honorific ? NULL : title->canonical;
  name_last = name_first < s->end ? scan_person_name (r, s, name_first, buf) : G_MAXUINT;

  if (name_last != G_MAXUINT)
    {
      guint entity_last;
      const DmLexEntity *e = match_entity (r, s, name_first, &entity_last, buf);

      /* "President Putin" yes, "Secretary of State" no; a country after a title is not a name */
      if (e != NULL && entity_last >= name_last)
        name_last = G_MAXUINT;
    }

  if (name_last == G_MAXUINT)
    {
      /* "the Ukrainian president", "the defence secretary": someone named before */
      if (role == NULL)
        return FALSE;
      canonical = find_official (r, role, aff_name);
      if (canonical == NULL)
        return FALSE;
      if (affiliation != NULL)
        {
          /* the demonym is a mention of the country too */
          add_mention (r, s, affiliation_first, i - 1, DM_RMENTION_DEMONYM,
                       affiliation->type, affiliation->canonical, NULL, NULL)->modifier = TRUE;
        }
      {
        ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

        add_mention (r, s, i, title_last, DM_RMENTION_DEFINITE, info->type, canonical,
                     info->role, info->affiliation);
      }
      *next = title_last + 1;
      return TRUE;
    }

  if (affiliation != NULL)
    add_mention (r, s, affiliation_first, i - 1,
                 affiliation->kind == DM_LEX_ORG ? DM_RMENTION_NAME : DM_RMENTION_DEMONYM,
                 affiliation->type, affiliation->canonical, NULL, NULL)->modifier = TRUE;

  canonical = person_canonical (r, name_first, name_last);
  type = role != NULL ? DM_ACTOR_OFFICIAL : DM_ACTOR_PERSON;
  if (role == NULL && try_appositive (r, s, canonical, name_first, name_last, next, buf))
    return TRUE;
  {
    ActorInfo *known = g_hash_table_lookup (r->actors, canonical);

    if (known != NULL && known->type == DM_ACTOR_OFFICIAL)
      type = DM_ACTOR_OFFICIAL;
    add_mention (r, s, name_first, name_last, DM_RMENTION_NAME, type, canonical,
                 role ? role : (known ? known->role : NULL),
                 aff_name ? aff_name : (known ? known->affiliation : NULL));
  }
  *next = name_last + 1;
  return TRUE;
}

/* Capitalised words after @i that end in an organisation head word ("Armed Forces"):
 * returns the last token of such a name, or G_MAXUINT. */
static guint
scan_org_tail (DmRecognition *r,
               Scan          *s,
               guint          i)
{
  guint last_head = G_MAXUINT;

  for (guint j = i; j < s->end && j - i < MAX_NAME_TOKENS; j++)
    {
      guint part;

      if (!is_cap (r, j))
        {
          /* "Ministry of Foreign Affairs": connectors between capitalised words */
          if (j > i && j + 1 < s->end && is_cap (r, j + 1) &&
              (dm_lexicon_name_part (r->lexicon, r->lower[j]) & DM_PART_CONNECTOR))
            continue;
          /* "Jordan Armed Forces – Arab Army" stays two names */
          break;
        }
      if (j > i && newline_between (r, j - 1, j))
        break;
      part = dm_lexicon_name_part (r->lexicon, r->words[j]);
      if (part & DM_PART_ORG_HEAD)
        last_head = j;
      if (dm_lexicon_is_nonactor (r->lexicon, r->words[j]) && !(part & DM_PART_ORG_HEAD))
        break;
    }
  return last_head;
}

/* After an organisation or unknown name: "(SDF)" defines an acronym for the rest of the text. */
static void
maybe_define_acronym (DmRecognition *r,
                      Scan          *s,
                      guint          last,
                      const char    *canonical,
                      DmActorType    type,
                      const char    *affiliation)
{
  if (last + 3 < s->end && strcmp (r->words[last + 1], "(") == 0 &&
      tok (r, last + 2)->all_caps && strcmp (r->words[last + 3], ")") == 0)
    {
      DmLexEntity *e = g_new0 (DmLexEntity, 1);

      g_ptr_array_add (r->owned, e);
      e->canonical = (char *) intern (r, canonical);
      e->type = type;
      e->kind = DM_LEX_ORG;
      e->affiliation = (char *) intern (r, affiliation);
      g_hash_table_insert (r->aliases, (gpointer) intern (r, r->words[last + 2]), e);
    }
}

static gboolean
is_place_context (DmRecognition *r,
                  Scan          *s,
                  guint          first,
                  guint          last)
{
  /* "in Brussels", "at Kyiv" */
  if (first > s->first && (dm_lexicon_name_part (r->lexicon, r->lower[first - 1]) & DM_PART_PLACE_PREP))
    return TRUE;
  /* "Karrada, Baghdad": a place in a city */
  if (first > s->first + 1 && strcmp (r->words[first - 1], ",") == 0 && is_cap (r, first - 2))
    return TRUE;
  /* "Washington, D.C." as an address, "Moscow-based" is one token and not matched */
  return FALSE;
}

/* "European allies", "European NATO members", "NATO allies", "Gulf states": a group actor
 * from @i (a region word or an organisation) through a collective noun. */
static guint
scan_group (DmRecognition *r,
            Scan          *s,
            guint          i,
            guint          head_last,
            GString       *buf)
{
  guint j = head_last + 1;

  /* one organisation name may stand between: "European NATO members" */
  if (j < s->end && is_cap (r, j))
    {
      guint e_last;
      const DmLexEntity *e = match_entity (r, s, j, &e_last, buf);

      /* "European NATO members": the organisation's own group name ends the group */
      if (e != NULL && e->type == DM_ACTOR_GROUP)
        return e_last;
      if (e != NULL && e->kind == DM_LEX_ORG)
        j = e_last + 1;
    }
  if (j < s->end && (dm_lexicon_name_part (r->lexicon, r->lower[j]) & DM_PART_COLLECTIVE) &&
      !tok (r, j)->capitalized)
    return j;
  return G_MAXUINT;
}

static const char *
national_body_name (DmRecognition *r,
                    const char    *country,
                    guint          part,
                    const char    *noun)
{
  g_autofree char *name = NULL;

  if (part & DM_PART_ARMED_BODY)
    name = g_strdup_printf ("%s (armed forces)", country);
  else if (part & DM_PART_GOVERNMENT_BODY)
    name = g_strdup_printf ("%s (government)", country);
  else
    name = g_strdup_printf ("%s (%s)", country, noun);
  return intern (r, name);
}

/* "Iraqi forces", "Iraqi security forces", "US officials": an organisation standing for the
 * country's armed forces or government, with the country itself as a nested mention. */
static gboolean
try_national_body (DmRecognition     *r,
                   Scan              *s,
                   guint              i,
                   guint              last,
                   const DmLexEntity *country,
                   guint             *next)
{
  guint k = last + 1;
  guint part;

  if (k < s->end && word_is (r, k, "security") && k + 1 < s->end && word_is (r, k + 1, "forces"))
    k++;
  if (k >= s->end || tok (r, k)->kind != DM_TOKEN_WORD || tok (r, k)->capitalized)
    return FALSE;
  part = dm_lexicon_name_part (r->lexicon, r->lower[k]);
  if (!(part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR)))
    return FALSE;

  /* "Albanian rebels", "Iraqi civilians": a group of the country's people */
  add_mention (r, s, i, k, DM_RMENTION_NAME,
               (part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) ? DM_ACTOR_ORGANIZATION : DM_ACTOR_GROUP,
               national_body_name (r, country->canonical, part, r->lower[k]), NULL, country->canonical);
  add_mention (r, s, i, last, country->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
               country->type, country->canonical, NULL, NULL)->nested = TRUE;
  *next = k + 1;
  return TRUE;
}

/* "the government of Iraq", "the forces of Syria" */
static gboolean
try_body_of_country (DmRecognition *r,
                     Scan          *s,
                     guint          i,
                     guint         *next,
                     GString       *buf)
{
  guint part, last;
  const DmLexEntity *e;

  part = dm_lexicon_name_part (r->lexicon, r->lower[i]);
  if (!(part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) || i + 2 >= s->end ||
      !word_is (r, i + 1, "of"))
    return FALSE;
  e = match_entity (r, s, i + 2, &last, buf);
  if (e == NULL || e->kind == DM_LEX_ORG || e->kind == DM_LEX_DEMONYM)
    return FALSE;
  add_mention (r, s, i, last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION,
               national_body_name (r, e->canonical, part, r->lower[i]), NULL, e->canonical);
  add_mention (r, s, i + 2, last, DM_RMENTION_NAME, e->type, e->canonical, NULL, NULL)->nested = TRUE;
  *next = last + 1;
  return TRUE;
}

/* "ISIL-held", "Russian-occupied", "U.S.-led": the actor before the hyphen. */
static gboolean
try_hyphen_prefix (DmRecognition *r,
                   Scan          *s,
                   guint          i,
                   guint         *next)
{
  const DmToken *t = tok (r, i);
  const char *word = r->words[i];
  const char *dash = strchr (word, '-');
  g_autofree char *prefix = NULL;
  const DmLexEntity *e;
  DmRMention *m;

  if (dash == NULL || dash == word)
    return FALSE;
  if (!t->capitalized)
    {
      /* "counter-ISIL", "anti-ISIS", "pro-Russian": the actor after the hyphen */
      const char *last_dash = strrchr (word, '-');

      e = dm_lexicon_lookup_entity (r->lexicon, last_dash + 1);
      if (e == NULL || e->kind == DM_LEX_CAPITAL)
        return FALSE;
      m = add_mention (r, s, i, i,
                       e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                       e->type, e->canonical, NULL, e->kind == DM_LEX_ORG ? e->affiliation : NULL);
      m->start_byte = t->start + (guint) (last_dash + 1 - word);
      m->modifier = TRUE;
      *next = i + 1;
      return TRUE;
    }
  prefix = g_strndup (word, dash - word);
  e = dm_lexicon_lookup_entity (r->lexicon, prefix);
  if (e == NULL || e->kind == DM_LEX_CAPITAL)
    return FALSE;
  /* "US-led coalition", "Russian-backed forces": a body led by the country, which is named too */
  if ((strcmp (dash, "-led") == 0 || strcmp (dash, "-backed") == 0) && e->kind != DM_LEX_ORG && i + 1 < s->end &&
      (word_is (r, i + 1, "coalition") || word_is (r, i + 1, "forces") || word_is (r, i + 1, "alliance") ||
       word_is (r, i + 1, "force") || word_is (r, i + 1, "mission") || word_is (r, i + 1, "militias")))
    {
      g_autofree char *body = g_strdup_printf ("%s%s %s", e->canonical, dash, r->lower[i + 1]);

      add_mention (r, s, i, i + 1, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, body, NULL, e->canonical);
      m = add_mention (r, s, i, i, e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                       e->type, e->canonical, NULL, NULL);
      m->end_byte = t->start + (guint) (dash - word);
      m->nested = TRUE;
      *next = i + 2;
      return TRUE;
    }
  m = add_mention (r, s, i, i,
                   e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                   e->type, e->canonical, NULL, e->kind == DM_LEX_ORG ? e->affiliation : NULL);
  m->end_byte = t->start + (guint) (dash - word);
  m->modifier = TRUE;
  *next = i + 1;
  return TRUE;
}

/* "we", "our", "us": the organisation (or else the country) that speaks — the subject of a
 * recent sentence, within five sentences. */
static gboolean
try_speaker (DmRecognition *r,
             Scan          *s,
             guint          i,
             guint         *next)
{
  const char *country = NULL;
  ActorInfo *info;

  if (!(dm_lexicon_name_part (r->lexicon, r->lower[i]) & DM_PART_PRONOUN_SPEAKER))
    return FALSE;
  /* "our partners": a possessive names no actor of its own */
  if (word_is (r, i, "our"))
    return FALSE;
  /* "US" is the country; only lower-case "us" (or a capital at a sentence start) is a pronoun */
  if (tok (r, i)->all_caps)
    return FALSE;

  {
    const char *org = NULL;
    const char *subject_org = NULL;
    guint sentence = G_MAXUINT;
    const DmRMention *subject = NULL;

    /* prefer an organisation or country that was a subject; never the enemy ("we" is not ISIL) */
    for (guint k = r->mentions->len; k > 0; k--)
      {
        const DmRMention *m = dm_recognition_mention (r, k - 1);
        ActorInfo *mi;

        if (m->sentence + 5 < s->sentence)
          break;
        if (m->sentence != sentence)
          {
            if (subject != NULL && subject_org == NULL)
              subject_org = subject->actor;
            sentence = m->sentence;
            subject = NULL;
          }
        if (m->nested || m->modifier)
          continue;
        mi = g_hash_table_lookup (r->actors, m->actor);
        if (mi != NULL && mi->org_kind != NULL && strcmp (mi->org_kind, "armed-group") == 0)
          continue;
        if (m->type == DM_ACTOR_ORGANIZATION || m->type == DM_ACTOR_COUNTRY)
          {
            subject = m;
            if (m->type == DM_ACTOR_ORGANIZATION && org == NULL)
              org = m->actor;
            if (m->type == DM_ACTOR_COUNTRY && country == NULL)
              country = m->actor;
          }
      }
    if (subject != NULL && subject_org == NULL)
      subject_org = subject->actor;
    if (subject_org == NULL)
      subject_org = org != NULL ? org : country;
    if (subject_org == NULL)
      return FALSE;
    info = g_hash_table_lookup (r->actors, subject_org);
    add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, subject_org, NULL, info->affiliation);
    *next = i + 1;
    return TRUE;
  }
}

/* Rule 2: the gazetteer, with groups, national organisations and titles after it. */
static gboolean
try_gazetteer (DmRecognition *r,
               Scan          *s,
               guint          i,
               guint         *next,
               GString       *buf)
{
  guint last, group_last, tail;
  const DmLexEntity *e = match_entity (r, s, i, &last, buf);

  if (e == NULL)
    return FALSE;

  /* "Syrian Arab Army", "Jordan Armed Forces": a national organisation not in the lexicon */
  if (e->kind != DM_LEX_ORG && last + 1 < s->end && is_cap (r, last + 1) &&
      (tail = scan_org_tail (r, s, last + 1)) != G_MAXUINT)
    {
      const char *name = name_text (r, i, tail);
      DmRMention *m = add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name,
                                   NULL, e->canonical);

      (void) m;
      add_mention (r, s, i, last, DM_RMENTION_DEMONYM, e->type, e->canonical, NULL, NULL)->nested = TRUE;
      maybe_define_acronym (r, s, tail, name, DM_ACTOR_ORGANIZATION, e->canonical);
      *next = tail + 1;
      return TRUE;
    }

  /* "Iraqi forces", "Russian officials", "US troops": the country's armed forces or government */
  if (e->kind != DM_LEX_ORG && try_national_body (r, s, i, last, e, next))
    return TRUE;

  /* "NATO allies", "EU members" */
  if (e->kind == DM_LEX_ORG && (group_last = scan_group (r, s, i, last, buf)) != G_MAXUINT)
    {
      add_mention (r, s, i, group_last, DM_RMENTION_GROUP, DM_ACTOR_GROUP,
                   name_text (r, i, group_last), NULL, NULL);
      *next = group_last + 1;
      return TRUE;
    }

  /* "US Defence Secretary Pete Hegseth", "Ukrainian President Volodymyr Zelenskiy" */
  if (last + 1 < s->end && try_official (r, s, last + 1, e, i, next, buf))
    return TRUE;

  /* "ISIL fighters", "Hezbollah guerrillas": the organisation's people are the organisation */
  if (e->kind == DM_LEX_ORG && last + 1 < s->end && !tok (r, last + 1)->capitalized &&
      ((dm_lexicon_name_part (r->lexicon, r->lower[last + 1]) & DM_PART_SECTOR) ||
       word_is (r, last + 1, "forces") || word_is (r, last + 1, "troops") ||
       word_is (r, last + 1, "soldiers")))
    last++;
  /* "Tory MPs", "Labour lawmakers": a party's members act as the party */
  else if (e->kind == DM_LEX_ORG && g_strcmp0 (e->org_kind, "party") == 0 && last + 1 < s->end &&
           (word_is (r, last + 1, "mps") || word_is (r, last + 1, "meps") || word_is (r, last + 1, "lawmakers") ||
            word_is (r, last + 1, "legislators") || word_is (r, last + 1, "members") ||
            word_is (r, last + 1, "councillors") || word_is (r, last + 1, "senators")))
    last++;

  /* "in Brussels", "across Europe": places, not actors */
  if ((e->kind == DM_LEX_CAPITAL || (e->type == DM_ACTOR_GROUP && last == i)) && is_place_context (r, s, i, last))
    {
      *next = last + 1;
      return TRUE;
    }

  add_mention (r, s, i, last,
               e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM :
               e->kind == DM_LEX_CAPITAL ? DM_RMENTION_CAPITAL : DM_RMENTION_NAME,
               e->type, e->canonical, NULL, e->kind == DM_LEX_ORG ? e->affiliation : NULL);
  /* "Syrian Democratic Forces": the country named inside an organisation's name */
  if (e->kind == DM_LEX_ORG && last > i)
    {
      const DmLexEntity *inner = dm_lexicon_lookup_entity (r->lexicon, r->words[i]);

      if (inner != NULL && (inner->kind == DM_LEX_DEMONYM || inner->kind == DM_LEX_COUNTRY))
        add_mention (r, s, i, i, DM_RMENTION_DEMONYM, inner->type, inner->canonical, NULL, NULL)->nested = TRUE;
    }
  if (e->kind == DM_LEX_ORG)
    {
      ActorInfo *info = g_hash_table_lookup (r->actors, e->canonical);

      info->org_kind = e->org_kind;
    }
  *next = last + 1;
  return TRUE;
}

/* "European allies" with a region word that is not in the gazetteer. */
static gboolean
try_region_group (DmRecognition *r,
                  Scan          *s,
                  guint          i,
                  guint         *next,
                  GString       *buf)
{
  guint group_last;

  if (!(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_REGION))
    return FALSE;
  group_last = scan_group (r, s, i, i, buf);
  if (group_last == G_MAXUINT)
    return FALSE;
  add_mention (r, s, i, group_last, DM_RMENTION_GROUP, DM_ACTOR_GROUP,
               name_text (r, i, group_last), NULL, NULL);
  *next = group_last + 1;
  return TRUE;
}

static char
actor_gender (DmRecognition *r,
              const char    *actor)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, actor);

  return info != NULL ? info->gender : 0;
}

/* The person a pronoun of @gender ('m', 'f', or 0 for "I") refers to: the subject (first
 * actor) of the current or a recent sentence when that is a person who agrees, else the
 * person most recently named who does, within @window sentences. "He" after "Hegseth's
 * comments align with Trump's push" is Hegseth, not Trump; "she" after "Karim Ahmad met
 * Lama Fakih" is Lama Fakih. A person whose gender is not known agrees with both, but is
 * taken only when no one else could be meant: two such people leave the pronoun unresolved. */
static const char *
last_person (DmRecognition *r,
             Scan          *s,
             guint          window,
             char           gender)
{
  const char *subject_person = NULL;
  const char *matching = NULL;    /* the most recent person of the pronoun's known gender */
  const char *unknown = NULL;     /* the most recent person of unknown gender */
  const char *unknown2 = NULL;    /* another one */

  /* the subject of the nearest sentence before that has a person as its subject */
  for (guint k = s->sentence; k > 0 && k + window > s->sentence && subject_person == NULL; k--)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, k - 1));
      const DmRMention *subject = index > 0 ? dm_recognition_mention (r, index - 1) : NULL;
      char g;

      if (subject == NULL || (subject->type != DM_ACTOR_OFFICIAL && subject->type != DM_ACTOR_PERSON))
        continue;
      g = actor_gender (r, subject->actor);
      if (gender == 0 || g == 0 || g == gender)
        subject_person = subject->actor;
    }
  /* the people named recently */
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence + window < s->sentence)
        break;
      if (m->type != DM_ACTOR_OFFICIAL && m->type != DM_ACTOR_PERSON)
        continue;
      if (gender == 0)
        return subject_person != NULL ? subject_person : m->actor;
      g = actor_gender (r, m->actor);
      if (g == gender && matching == NULL)
        matching = m->actor;
      else if (g == 0 && unknown == NULL)
        unknown = m->actor;
      else if (g == 0 && unknown2 == NULL && strcmp (unknown, m->actor) != 0)
        unknown2 = m->actor;
    }
  if (subject_person != NULL && actor_gender (r, subject_person) == gender)
    return subject_person;
  if (matching != NULL)
    return matching;
  if (unknown2 != NULL)
    return NULL;
  return subject_person != NULL ? subject_person : unknown;
}

/* Words that open an adverbial phrase before the subject: "In contrast to …, Hegseth
 * described", "Speaking in Brussels, he said". */
static gboolean
opens_adverbial (DmRecognition *r,
                 guint          i)
{
  static const char * const openers[] = {
    "in", "on", "at", "with", "after", "before", "during", "despite", "although", "though",
    "while", "when", "as", "since", "because", "if", "unless", "under", "following", "amid",
    "according", "however", "meanwhile", "instead", "moreover", "also", "but", "yet", "still",
    "now", "then", "earlier", "later", "today", "yesterday", "last", "for", "by", "from",
  };
  const char *w = r->lower[i];
  gsize len = strlen (w);

  if (tok (r, i)->kind != DM_TOKEN_WORD)
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    if (strcmp (w, openers[k]) == 0)
      return TRUE;
  return len > 4 && (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ed"));
}

/* The mention that opens the main clause of sentence @s->sentence: the first one after any
 * opening adverbial phrase. Recorded for pronouns in later sentences. */
static void
note_sentence_subject (DmRecognition *r,
                       Scan          *s,
                       guint          first_mention)
{
  guint subject = 0;
  guint start = s->first;

  if (s->first < s->end && opens_adverbial (r, s->first))
    for (guint k = s->first; k < s->end && k < s->first + 25; k++)
      if (strcmp (r->words[k], ",") == 0)
        {
          start = k + 1;
          break;
        }
  for (guint k = first_mention; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->first >= start && !m->nested && !m->modifier)
        {
          subject = k + 1;
          break;
        }
    }
  /* an index, not a pointer: the mentions array grows and moves */
  g_ptr_array_add (r->subjects, GUINT_TO_POINTER (subject));
}

/* The organisation most recently named whose name or kind fits @noun ("alliance"). */
static const char *
last_organization (DmRecognition *r,
                   const char    *noun)
{
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      ActorInfo *info;
      g_autofree char *lower = NULL;

      if (m->type != DM_ACTOR_ORGANIZATION)
        continue;
      info = g_hash_table_lookup (r->actors, m->actor);
      if (info->org_kind != NULL && strcmp (info->org_kind, noun) == 0)
        return m->actor;
      if (strcmp (noun, "bloc") == 0 && info->org_kind != NULL &&
          (strcmp (info->org_kind, "intergovernmental") == 0 || strcmp (info->org_kind, "alliance") == 0))
        return m->actor;
      lower = g_utf8_strdown (m->actor, -1);
      if (strstr (lower, noun) != NULL)
        return m->actor;
    }
  return NULL;
}

static gboolean
is_speech_verb (const char *word)
{
  static const char * const verbs[] = {
    "said", "says", "say", "announced", "stated", "added", "warned", "declared", "insisted",
    "argued", "claimed", "indicated", "confirmed", "acknowledged", "explained", "noted",
  };

  for (guint k = 0; k < G_N_ELEMENTS (verbs); k++)
    if (strcmp (word, verbs[k]) == 0)
      return TRUE;
  return FALSE;
}

/* The first actor named in the sentence so far: the subject of "X said it would …". */
static const DmRMention *
sentence_subject (DmRecognition *r,
                  Scan          *s)
{
  const DmRMention *first = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (!m->nested && !m->modifier)
        first = m;
    }
  return first;
}

/* Rule 3: pronouns and definite descriptions. */
static gboolean
try_reference (DmRecognition *r,
               Scan          *s,
               guint          i,
               guint         *next)
{
  guint part = dm_lexicon_name_part (r->lexicon, r->words[i]) | dm_lexicon_name_part (r->lexicon, r->lower[i]);

  /* "Hungary has said it will support …": it/they after a verb of saying is its subject */
  if ((word_is (r, i, "it") || word_is (r, i, "they")) && i > s->first &&
      (is_speech_verb (r->lower[i - 1]) ||
       (word_is (r, i - 1, "that") && i - 1 > s->first && is_speech_verb (r->lower[i - 2]))))
    {
      const DmRMention *subject = sentence_subject (r, s);

      if (subject == NULL)
        return FALSE;
      add_mention (r, s, i, i, DM_RMENTION_PRONOUN, subject->type, subject->actor, subject->role,
                   subject->affiliation);
      *next = i + 1;
      return TRUE;
    }

  /* "I welcome …" in a quoted statement: the person quoted */
  if ((part & DM_PART_PRONOUN_SELF) && !word_is (r, i, "my") &&
      (strcmp (r->words[i], "I") == 0 || !tok (r, i)->capitalized))
    part |= DM_PART_PRONOUN_PERSON;

  /* "civilians", "rebels": kinds of people that are actors in event data */
  if ((part & DM_PART_SECTOR) && !tok (r, i)->capitalized)
    {
      add_mention (r, s, i, i, DM_RMENTION_GROUP, DM_ACTOR_GROUP, r->lower[i], NULL, NULL);
      *next = i + 1;
      return TRUE;
    }

  if (part & DM_PART_PRONOUN_PERSON)
    {
      /* "I" in a statement is its speaker, introduced once at the top ("X said:") */
      char gender = word_is (r, i, "he") || word_is (r, i, "him") || word_is (r, i, "his") ? 'm' :
                    word_is (r, i, "she") || word_is (r, i, "her") || word_is (r, i, "hers") ? 'f' : 0;
      const char *actor = last_person (r, s, (part & DM_PART_PRONOUN_SELF) ? G_MAXUINT / 2 : PRONOUN_SENTENCES,
                                       (part & DM_PART_PRONOUN_SELF) ? 0 : gender);
      ActorInfo *info;

      /* "her" before a noun is a possessive ("her government"): not a mention */
      if (actor == NULL || (word_is (r, i, "her") && i + 1 < s->end && is_word (r, i + 1) &&
                            !tok (r, i + 1)->capitalized && strcmp (r->lower[i + 1], "to") != 0))
        return FALSE;
      info = g_hash_table_lookup (r->actors, actor);
      add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
      *next = i + 1;
      return TRUE;
    }

  if (word_is (r, i, "the") && i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized)
    {
      const char *noun = r->lower[i + 1];
      const char *actor = NULL;

      if ((dm_lexicon_name_part (r->lexicon, r->words[i + 1]) & DM_PART_ORG_HEAD) == 0 &&
          strcmp (noun, "alliance") != 0 && strcmp (noun, "bloc") != 0 &&
          strcmp (noun, "organisation") != 0 && strcmp (noun, "organization") != 0)
        {
          /* org head words are listed capitalised: try that form too */
          g_autofree char *title_case = g_strdup (r->words[i + 1]);

          title_case[0] = g_ascii_toupper (title_case[0]);
          if ((dm_lexicon_name_part (r->lexicon, title_case) & DM_PART_ORG_HEAD) == 0)
            return FALSE;
        }
      /* "the alliance's", "the coalition": only when followed by a verb-like or
       * punctuation context, not "the council meeting"? keep it simple: accept */
      actor = last_organization (r, noun);
      if (actor == NULL)
        {
          /* "the coalition" before any coalition was named: the one the lexicon knows */
          g_autofree char *title_case = g_strdup (r->words[i + 1]);
          const DmLexEntity *e;

          title_case[0] = g_ascii_toupper (title_case[0]);
          e = dm_lexicon_lookup_entity (r->lexicon, title_case);
          if (e == NULL || e->kind != DM_LEX_ORG)
            return FALSE;
          actor = intern (r, e->canonical);
          note_actor (r, actor, e->type, NULL, e->affiliation, i + 1)->org_kind = e->org_kind;
        }
      add_mention (r, s, i + 1, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, actor, NULL,
                   ((ActorInfo *) g_hash_table_lookup (r->actors, actor))->affiliation);
      *next = i + 2;
      return TRUE;
    }
  return FALSE;
}

/* Is the capitalised word at @i only capitalised because it opens the sentence? */
static gboolean
is_sentence_initial_common (DmRecognition *r,
                            Scan          *s,
                            guint          i)
{
  const char *w = r->lower[i];
  gsize len = strlen (w);

  if (i != s->first)
    {
      /* after an opening quote or bracket the sentence starts again */
      if (i == s->first + 1 && tok (r, s->first)->kind == DM_TOKEN_PUNCT)
        ;
      else
        return FALSE;
    }
  if (dm_lexicon_is_given_name (r->lexicon, r->words[i]) || resolve_surname (r, r->words[i]))
    return FALSE;
  if (dm_lexicon_lookup_verb (r->lexicon, w) != NULL)
    return TRUE;
  if (len > 4 && (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ly") || g_str_has_suffix (w, "ed")))
    return TRUE;
  /* a single word followed by a lower-case word: "Chasing this", "Despite that" */
  return i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized;
}

/* The entity recognizer's name starting at token @i, within the sentence, or NULL. */
static const DmNerSpan *
ner_span_at (DmRecognition *r,
             Scan          *s,
             guint          i)
{
  const DmNerSpan *span;

  if (r->name_at == NULL || r->name_at[i] < 0)
    return NULL;
  span = &g_array_index (r->names, DmNerSpan, r->name_at[i]);
  return span->last < s->end ? span : NULL;
}

static gboolean
has_title (DmRecognition *r,
           Scan          *s,
           guint          first,
           guint          last,
           GString       *buf)
{
  guint dummy;

  for (guint k = first; k <= last; k++)
    if (match_title (r, s, k, &dummy, buf) != NULL)
      return TRUE;
  return FALSE;
}

/* The country a name starts with ("Syrian Computer Society"), as its affiliation. */
static const DmLexEntity *
leading_country (DmRecognition *r,
                 Scan          *s,
                 guint          first,
                 guint          last,
                 guint         *country_last,
                 GString       *buf)
{
  const DmLexEntity *e = match_entity (r, s, first, country_last, buf);

  if (e == NULL || *country_last >= last || (e->kind != DM_LEX_COUNTRY && e->kind != DM_LEX_DEMONYM))
    return NULL;
  return e;
}

/* An organisation found by its shape or by the entity recognizer: tokens [first, last], with
 * a country it starts with as a nested mention and its affiliation. */
static void
add_organization (DmRecognition *r,
                  Scan          *s,
                  guint          first,
                  guint          last,
                  GString       *buf)
{
  const char *name = name_text (r, first, last);
  guint country_last;
  const DmLexEntity *country = leading_country (r, s, first, last, &country_last, buf);

  add_mention (r, s, first, last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL,
               country ? country->canonical : NULL);
  if (country != NULL)
    add_mention (r, s, first, country_last, country->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                 country->type, country->canonical, NULL, NULL)->nested = TRUE;
  maybe_define_acronym (r, s, last, name, DM_ACTOR_ORGANIZATION, country ? country->canonical : NULL);
}

/* Does the model's person look like one? Two words or more ("Raqqa", "Sunnis" alone are
 * more often places and peoples), all of them words, none a common word unless it is a
 * given name ("Tabqa Dam", "Fighter Wing", "Inherent Resolve" are not people), and not
 * after "in"/"at". */
static gboolean
is_plausible_person (DmRecognition *r,
                     Scan          *s,
                     guint          first,
                     guint          last)
{
  if (is_place_context (r, s, first, last))
    return FALSE;
  /* one word: only as the subject of a verb the lexicon knows ("Blair rejects …") */
  if (last == first &&
      (last + 1 >= s->end || (dm_lexicon_lookup_verb (r->lexicon, r->lower[last + 1]) == NULL &&
                              !is_speech_verb (r->lower[last + 1]))))
    return FALSE;
  for (guint k = first; k <= last; k++)
    {
      if (tok (r, k)->kind != DM_TOKEN_WORD && strcmp (r->words[k], ".") != 0)
        return FALSE;
      if (dm_ner_is_common_word (r->ner, r->lower[k]) && !dm_lexicon_is_given_name (r->lexicon, r->words[k]) &&
          !(dm_lexicon_name_part (r->lexicon, r->lower[k]) & DM_PART_PARTICLE))
        return FALSE;
    }
  return TRUE;
}

/* An organisation the model found: words and "&", "." and "-" only ("Hopper (DDG" is not). */
static gboolean
is_plausible_organization (DmRecognition *r,
                           guint          first,
                           guint          last)
{
  for (guint k = first; k <= last; k++)
    if (tok (r, k)->kind != DM_TOKEN_WORD && strcmp (r->words[k], "&") != 0 &&
        strcmp (r->words[k], ".") != 0 && strcmp (r->words[k], "-") != 0)
      return FALSE;
  return TRUE;
}

/* A person or organisation the entity recognizer found from @i. Places are consumed without
 * a mention: a town is where something happens, not who does it. */
static gboolean
try_ner_name (DmRecognition *r,
              Scan          *s,
              guint          i,
              guint         *next,
              GString       *buf)
{
  const DmNerSpan *span = ner_span_at (r, s, i);

  if (span == NULL || has_title (r, s, i, span->last, buf))
    return FALSE;
  if (span->first == span->last && is_sentence_initial_common (r, s, i))
    return FALSE;
  if ((span->type == DM_NER_PERSON && !is_plausible_person (r, s, i, span->last)) ||
      (span->type == DM_NER_ORGANIZATION && !is_plausible_organization (r, i, span->last)))
    return FALSE;
  switch (span->type)
    {
    case DM_NER_PERSON:
      {
        const char *canonical = person_canonical (r, i, span->last);
        ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

        if (try_appositive (r, s, canonical, i, span->last, next, buf))
          return TRUE;
        add_mention (r, s, i, span->last, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                     info ? info->role : NULL, info ? info->affiliation : NULL);
      }
      break;
    case DM_NER_ORGANIZATION:
      add_organization (r, s, i, span->last, buf);
      break;
    case DM_NER_PLACE:
    case DM_NER_NONE:
    default:
      break;
    }
  *next = span->last + 1;
  return TRUE;
}

/* A name the entity recognizer found that starts with a country or demonym and goes on:
 * "Syrian Computer Society". Runs before the gazetteer rule. */
static gboolean
try_ner_over_gazetteer (DmRecognition *r,
                        Scan          *s,
                        guint          i,
                        guint         *next,
                        GString       *buf)
{
  const DmNerSpan *span = ner_span_at (r, s, i);
  const DmLexEntity *e;
  guint last;

  if (span == NULL || span->type != DM_NER_ORGANIZATION || span->last == i)
    return FALSE;
  e = match_entity (r, s, i, &last, buf);
  if (e == NULL || last >= span->last || e->kind == DM_LEX_ORG || has_title (r, s, i, span->last, buf) ||
      !is_plausible_organization (r, i, span->last))
    return FALSE;
  /* another gazetteer name inside ("US Treasury Department") is for the rules */
  for (guint k = last + 1; k <= span->last; k++)
    {
      guint inner_last;

      if (is_cap (r, k) && match_entity (r, s, k, &inner_last, buf) != NULL)
        return FALSE;
    }
  add_organization (r, s, i, span->last, buf);
  *next = span->last + 1;
  return TRUE;
}

/* "Ministry of Foreign Affairs", "University of Oxford", "Department of Homeland Security":
 * a word that starts organisation names, "of"/"for", capitalised words. The last token, or
 * G_MAXUINT. */
static guint
scan_org_of (DmRecognition *r,
             Scan          *s,
             guint          i)
{
  guint last = G_MAXUINT;

  if (!(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START) || i + 2 >= s->end ||
      !(word_is (r, i + 1, "of") || word_is (r, i + 1, "for")) || !is_cap (r, i + 2))
    return G_MAXUINT;
  for (guint k = i + 2; k < s->end && k - i < 2 * MAX_NAME_TOKENS; k++)
    {
      if (is_cap (r, k) && !newline_between (r, k - 1, k) && !dm_lexicon_is_nonactor (r->lexicon, r->words[k]))
        last = k;
      else if (k + 1 < s->end && is_cap (r, k + 1) && !tok (r, k)->capitalized &&
               (dm_lexicon_name_part (r->lexicon, r->lower[k]) & DM_PART_CONNECTOR))
        continue;
      else
        break;
    }
  return last;
}

/* Rule 4: unknown capitalised names. */
static gboolean
try_unknown (DmRecognition *r,
             Scan          *s,
             guint          i,
             guint         *next,
             GString       *buf)
{
  guint last, tail;
  const char *name;

  if (!is_name_token (r, i))
    return FALSE;
  if (is_sentence_initial_common (r, s, i) && !(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START))
    return FALSE;

  /* "Assad's regime", "Assad’s brutal regime": the leader of a regime is a person */
  if (!is_sentence_initial_common (r, s, i) && is_possessive (r, i + 1) && i + 2 < s->end &&
      (word_is (r, i + 2, "regime") ||
       (i + 3 < s->end && !tok (r, i + 2)->capitalized && word_is (r, i + 3, "regime"))) &&
      dm_lexicon_lookup_entity (r->lexicon, r->words[i]) == NULL)
    {
      const char *full = resolve_surname (r, r->words[i]);

      add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_PERSON, full ? full : r->words[i], NULL, NULL);
      *next = i + 1;
      return TRUE;
    }

  /* "Biden administration", "Assad regime": a leader's government */
  if (i + 1 < s->end && tok (r, i + 1)->kind == DM_TOKEN_WORD && !tok (r, i + 1)->capitalized &&
      (word_is (r, i + 1, "administration") || word_is (r, i + 1, "regime") ||
       word_is (r, i + 1, "government") || word_is (r, i + 1, "cabinet")) &&
      !dm_lexicon_is_nonactor (r->lexicon, r->words[i]))
    {
      const char *full = resolve_surname (r, r->words[i]);
      ActorInfo *leader = full ? g_hash_table_lookup (r->actors, full) : NULL;
      gboolean known = leader != NULL || dm_lexicon_is_given_name (r->lexicon, r->words[i]) == FALSE;

      if (known && !is_sentence_initial_common (r, s, i))
        {
          name = name_text (r, i, i + 1);
          add_mention (r, s, i, i + 1, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL,
                       leader ? leader->affiliation : NULL);
          /* the leader is named too */
          if (leader == NULL && (word_is (r, i + 1, "regime") || word_is (r, i + 1, "administration")))
            add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_PERSON, r->words[i], NULL, NULL)->nested = TRUE;
          *next = i + 2;
          return TRUE;
        }
    }

  /* "Ministry of Foreign Affairs" is an organisation, never a person "Foreign Affairs" */
  tail = scan_org_of (r, s, i);
  if (tail != G_MAXUINT)
    {
      const char *org_name = name_text (r, i, tail);
      guint country_last;
      const DmLexEntity *country = NULL;

      /* "Ministry of Foreign Affairs of Syria": the country at its end is its affiliation */
      for (guint k = i + 2; k <= tail && country == NULL; k++)
        if ((country = match_entity (r, s, k, &country_last, buf)) != NULL &&
            (country->kind != DM_LEX_COUNTRY || country_last != tail))
          country = NULL;
      add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, org_name, NULL,
                   country ? country->canonical : NULL);
      maybe_define_acronym (r, s, tail, org_name, DM_ACTOR_ORGANIZATION, country ? country->canonical : NULL);
      *next = tail + 1;
      return TRUE;
    }

  /* "Ministry of Defence", "Central Command", "Arab Army" */
  tail = scan_org_tail (r, s, i);
  if (tail != G_MAXUINT && (tail > i || (dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START) == 0))
    {
      if (tail == i)
        return FALSE;  /* a bare "Council" is not a name */
      name = name_text (r, i, tail);
      add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL, NULL);
      maybe_define_acronym (r, s, tail, name, DM_ACTOR_ORGANIZATION, NULL);
      *next = tail + 1;
      return TRUE;
    }

  /* a known given name, or a name particle ("Abu Jandal", "Bin Salman"), starts a person's name */
  if (dm_lexicon_is_given_name (r->lexicon, r->words[i]) ||
      ((dm_lexicon_name_part (r->lexicon, r->lower[i]) & DM_PART_PARTICLE) && strlen (r->words[i]) > 2 &&
       i + 1 < s->end && is_name_token (r, i + 1)))
    {
      last = scan_person_name (r, s, i, buf);
      if (last != G_MAXUINT && last > i)
        {
          const char *canonical = person_canonical (r, i, last);
          ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

          if (try_appositive (r, s, canonical, i, last, next, buf))
            return TRUE;
          add_mention (r, s, i, last, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                       info ? info->role : NULL, info ? info->affiliation : NULL);
          *next = last + 1;
          return TRUE;
        }
    }

  /* a surname seen before in full: "Abadi", "De Wever" */
  if (i + 1 < s->end && is_cap (r, i + 1))
    {
      g_autofree char *two = g_strdup_printf ("%s %s", r->words[i], r->words[i + 1]);
      const char *full = resolve_surname (r, two);

      if (full != NULL)
        {
          ActorInfo *info = g_hash_table_lookup (r->actors, full);

          add_mention (r, s, i, i + 1, DM_RMENTION_NAME, info->type, full, info->role, info->affiliation);
          *next = i + 2;
          return TRUE;
        }
    }
  {
    const char *full = resolve_surname (r, r->words[i]);

    if (full != NULL)
      {
        ActorInfo *info = g_hash_table_lookup (r->actors, full);

        add_mention (r, s, i, i, DM_RMENTION_NAME, info->type, full, info->role, info->affiliation);
        *next = i + 1;
        return TRUE;
      }
  }

  /* a name the entity recognizer found: "Lama Fakih", "Rupert Colville" */
  if (try_ner_name (r, s, i, next, buf))
    return TRUE;

  /* "NAVCENT", "USCENTCOM": an unknown acronym of three or more capitals is an organisation */
  if (tok (r, i)->all_caps && strlen (r->words[i]) >= 3 && strlen (r->words[i]) <= 9 &&
      strchr (r->words[i], '-') == NULL && strchr (r->words[i], '.') == NULL &&
      !(i + 1 < s->end && tok (r, i + 1)->all_caps))
    {
      gboolean letters = TRUE;

      for (const char *p = r->words[i]; *p; p++)
        if (!g_ascii_isupper (*p))
          letters = FALSE;
      if (letters)
        {
          add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, r->words[i], NULL, NULL);
          *next = i + 1;
          return TRUE;
        }
    }

  /* two or three capitalised words followed by a verb of saying or ", who": a person */
  last = scan_person_name (r, s, i, buf);
  if (last != G_MAXUINT && last > i && last - i <= 2 && last + 1 < s->end)
    {
      const char *after = r->lower[last + 1];

      if (strcmp (after, "said") == 0 || strcmp (after, "says") == 0 || strcmp (after, "told") == 0 ||
          (strcmp (after, ",") == 0 && last + 2 < s->end &&
           (strcmp (r->lower[last + 2], "who") == 0 || strcmp (r->lower[last + 2], "the") == 0)))
        {
          const char *canonical = person_canonical (r, i, last);

          add_mention (r, s, i, last, DM_RMENTION_NAME, DM_ACTOR_PERSON, canonical, NULL, NULL);
          *next = last + 1;
          return TRUE;
        }
    }

  return FALSE;
}

static void
recognize_sentence (DmRecognition *r,
                    guint          sentence,
                    GString       *buf)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, sentence);
  Scan s = { r, sentence, sent->first_token, sent->first_token + sent->n_tokens };
  guint i = s.first;
  guint first_mention = r->mentions->len;

  while (i < s.end)
    {
      guint next = i + 1;

      if (!is_word (r, i))
        {
          i++;
          continue;
        }

      if (try_official (r, &s, i, NULL, i, &next, buf) ||
          try_ner_over_gazetteer (r, &s, i, &next, buf) ||
          try_gazetteer (r, &s, i, &next, buf) ||
          try_body_of_country (r, &s, i, &next, buf) ||
          try_hyphen_prefix (r, &s, i, &next) ||
          try_speaker (r, &s, i, &next) ||
          try_region_group (r, &s, i, &next, buf) ||
          try_reference (r, &s, i, &next) ||
          try_unknown (r, &s, i, &next, buf))
        {
          g_assert (next > i);
          i = next;
          continue;
        }
      i++;
    }

  note_sentence_subject (r, &s, first_mention);
}

/* Per token: the first token of the quotation it is inside (“…”, "…", «…»), or -1.
 * Quotations end at a paragraph break even when the closing mark is missing. */
static int *
find_quotations (DmRecognition *r)
{
  guint n = r->doc->tokens->len;
  int *open_at = g_new (int, n + 1);
  int open = -1;

  for (guint i = 0; i < n; i++)
    {
      const char *w = r->words[i];

      if (open >= 0 && i > 0 && newline_between (r, i - 1, i) &&
          memmem (r->doc->text + tok (r, i - 1)->end, tok (r, i)->start - tok (r, i - 1)->end, "\n\n", 2) != NULL)
        open = -1;
      if (strcmp (w, "“") == 0 || strcmp (w, "«") == 0 || (strcmp (w, "\"") == 0 && open < 0))
        {
          open_at[i] = -1;
          open = (int) i;
          continue;
        }
      if (strcmp (w, "”") == 0 || strcmp (w, "»") == 0 || strcmp (w, "\"") == 0)
        {
          open_at[i] = -1;
          open = -1;
          continue;
        }
      open_at[i] = open;
    }
  open_at[n] = -1;
  return open_at;
}

/* Who speaks the quotation that opens at token @open: the first person or organisation
 * named outside it in the sentences it touches ("…,” said Karim Ahmad), else the subject of
 * a sentence before it that ends with a colon ("Ahmad said:"). */
static const DmRMention *
quotation_speaker (DmRecognition *r,
                   const int     *open_at,
                   guint          open,
                   gboolean       person_only)
{
  guint close = open;
  guint first_sentence = tok (r, open)->sentence;
  guint last_sentence;

  while (close + 1 < r->doc->tokens->len && open_at[close + 1] == (int) open)
    close++;
  last_sentence = tok (r, MIN (close + 1, r->doc->tokens->len - 1))->sentence;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->sentence < first_sentence || m->sentence > last_sentence)
        continue;
      if (m->nested || m->modifier || m->kind == DM_RMENTION_PRONOUN || open_at[m->first] >= 0)
        continue;
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL ||
          (!person_only && m->type == DM_ACTOR_ORGANIZATION))
        return m;
    }
  if (first_sentence > 0 && open > 0 && strcmp (r->words[open - 1], ":") == 0)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (r->subjects, first_sentence));
      const DmRMention *subject = index > 0 ? dm_recognition_mention (r, index - 1) : NULL;

      if (subject != NULL && subject->first < open &&
          (subject->type == DM_ACTOR_PERSON || subject->type == DM_ACTOR_OFFICIAL ||
           (!person_only && subject->type == DM_ACTOR_ORGANIZATION)))
        return subject;
    }
  return NULL;
}

/* "we" in a quotation that no organisation before it could claim: a mention to resolve */
static void
add_quoted_we (DmRecognition *r,
               const int     *open_at)
{
  guint n = r->doc->tokens->len;
  g_autofree gboolean *covered = g_new0 (gboolean, n + 1);
  guint n_mentions = r->mentions->len;

  for (guint k = 0; k < n_mentions; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      for (guint i = m->first; i <= m->last && i < n; i++)
        covered[i] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    if (open_at[i] >= 0 && !covered[i] && (word_is (r, i, "we") || word_is (r, i, "us")) && !tok (r, i)->all_caps)
      {
        DmRMention m = { 0 };

        m.first = m.last = i;
        m.sentence = tok (r, i)->sentence;
        m.kind = DM_RMENTION_PRONOUN;
        m.type = DM_ACTOR_GROUP;
        m.actor = NULL;   /* set by resolve_quoted_pronouns, or dropped */
        g_array_append_val (r->mentions, m);
      }
}

/* "I" and "we" inside a quotation are its speaker (for "we", the speaker's organisation or
 * country when known); without a speaker they keep the reading of the running text. */
static void
resolve_quoted_pronouns (DmRecognition *r)
{
  g_autofree int *open_at = find_quotations (r);

  add_quoted_we (r, open_at);
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      gboolean self = word_is (r, m->first, "i") || word_is (r, m->first, "me");
      gboolean we = word_is (r, m->first, "we") || word_is (r, m->first, "us");
      const DmRMention *speaker;
      const char *actor;
      ActorInfo *info;

      if (m->kind != DM_RMENTION_PRONOUN || open_at[m->first] < 0 || !(self || we))
        continue;
      speaker = quotation_speaker (r, open_at, (guint) open_at[m->first], self);
      if (speaker == NULL)
        continue;
      actor = speaker->actor;
      if (we && (speaker->type == DM_ACTOR_PERSON || speaker->type == DM_ACTOR_OFFICIAL) && speaker->affiliation != NULL)
        actor = speaker->affiliation;
      info = g_hash_table_lookup (r->actors, actor);
      if (info == NULL)
        {
          const DmLexEntity *country = dm_lexicon_lookup_country (r->lexicon, actor);

          if (country == NULL)
            continue;
          info = note_actor (r, intern (r, actor), country->type, NULL, NULL, m->first);
        }
      m->actor = actor;
      m->type = info->type;
      m->role = info->role;
      m->affiliation = info->affiliation;
    }
  /* quoted "we" with no speaker found names no one */
  for (guint k = r->mentions->len; k > 0; k--)
    if (g_array_index (r->mentions, DmRMention, k - 1).actor == NULL)
      g_array_remove_index (r->mentions, k - 1);
}

static gint
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const DmRMention *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  /* the longer (outer) one first */
  if (ma->last != mb->last)
    return ma->last > mb->last ? -1 : 1;
  return 0;
}

/* Every mention of an actor gets the actor's final type, role and affiliation, so that the
 * canonical name means one thing throughout the article. */
static void
unify_mentions (DmRecognition *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      ActorInfo *info = g_hash_table_lookup (r->actors, m->actor);

      if (info == NULL)
        continue;
      m->media = m->type == DM_ACTOR_ORGANIZATION && g_strcmp0 (info->org_kind, "media") == 0;
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        {
          m->type = info->type;
          m->role = info->role;
          m->affiliation = info->affiliation;
        }
    }
}

DmRecognition *
dm_recognize (const DmLexicon *lexicon,
              const DmTextDoc *doc)
{
  return dm_recognize_with_ner (lexicon, dm_ner_get_default (), doc);
}

DmRecognition *
dm_recognize_with_ner (const DmLexicon *lexicon,
                       const DmNer     *ner,
                       const DmTextDoc *doc)
{
  DmRecognition *r;
  g_autoptr(GString) buf = g_string_new (NULL);
  guint n_tokens;

  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  n_tokens = doc->tokens->len;
  r = g_new0 (DmRecognition, 1);
  r->lexicon = lexicon;
  r->doc = doc;
  r->strings = g_string_chunk_new (MAX (1024, doc->len));
  r->words = g_new (char *, n_tokens + 1);
  r->lower = g_new (char *, n_tokens + 1);
  r->mentions = g_array_new (FALSE, FALSE, sizeof (DmRMention));
  r->actors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  r->surnames = g_hash_table_new (g_str_hash, g_str_equal);
  r->given = g_hash_table_new (g_str_hash, g_str_equal);
  r->aliases = g_hash_table_new (g_str_hash, g_str_equal);
  r->owned = g_ptr_array_new_with_free_func (g_free);
  r->subjects = g_ptr_array_new ();

  for (guint i = 0; i < n_tokens; i++)
    {
      const DmToken *t = dm_text_doc_token (doc, i);
      gboolean has_upper = FALSE;

      r->words[i] = g_string_chunk_insert_len (r->strings, doc->text + t->start, t->end - t->start);
      for (guint k = t->start; k < t->end; k++)
        if ((guchar) doc->text[k] >= 0x80 || g_ascii_isupper (doc->text[k]))
          {
            has_upper = TRUE;
            break;
          }
      if (has_upper)
        {
          g_autofree char *down = g_utf8_strdown (r->words[i], -1);

          r->lower[i] = g_string_chunk_insert (r->strings, down);
        }
      else
        r->lower[i] = r->words[i];
    }
  r->words[n_tokens] = r->lower[n_tokens] = NULL;

  r->ner = ner;
  if (ner != NULL)
    {
      r->names = dm_ner_tag (ner, doc, r->words);
      r->name_at = g_new (int, n_tokens + 1);
      for (guint i = 0; i <= n_tokens; i++)
        r->name_at[i] = -1;
      for (guint k = 0; k < r->names->len; k++)
        r->name_at[g_array_index (r->names, DmNerSpan, k).first] = (int) k;
    }
  else
    r->names = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));

  for (guint s = 0; s < doc->sentences->len; s++)
    recognize_sentence (r, s, buf);


  resolve_quoted_pronouns (r);
  g_array_sort (r->mentions, compare_mentions);
  unify_mentions (r);

  return r;
}

void
dm_recognition_free (DmRecognition *self)
{
  if (self == NULL)
    return;
  g_free (self->words);
  g_free (self->lower);
  g_array_unref (self->mentions);
  g_hash_table_unref (self->actors);
  g_hash_table_unref (self->surnames);
  g_hash_table_unref (self->given);
  g_array_unref (self->names);
  g_free (self->name_at);
  g_hash_table_unref (self->aliases);
  g_ptr_array_unref (self->owned);
  g_ptr_array_unref (self->subjects);
  g_string_chunk_free (self->strings);
  g_free (self);
}
