/* dm-recognizer-base.c — what the recognizer's passes share: interned strings, name text,
 * lexicon matches and the bookkeeping of mentions and actors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layer under dm-recognizer.c (gazetteer and title patterns), dm-recognizer-names.c (the
 * entity model's names) and dm-recognizer-refs.c (pronouns, quotations): each of them calls
 * down into this file, none calls back, so the recognizer's files form no cycle.
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

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

/* The person a lone surname ("Abadi") or given name ("Karim" after "Karim Ahmad") stands
 * for in this article; NULL when none, or when two people share the given name. */
const char *
dm_recognizer_resolve_surname (DmRecognition *r,
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

/* "Blair rejects offer" in a headline, "Tony Blair" in the text below: a lone name met before
 * the full one is that person too, once the whole article has been read. */
void
dm_recognizer_link_early_surnames (DmRecognition *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      const char *full;
      ActorInfo *info;

      if ((m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL) || strchr (m->actor, ' ') != NULL)
        continue;
      full = dm_recognizer_resolve_surname (r, m->actor);
      if (full == NULL || strcmp (full, m->actor) == 0 || strchr (full, ' ') == NULL)
        continue;
      info = g_hash_table_lookup (r->actors, full);
      if (info == NULL || (info->type != DM_ACTOR_PERSON && info->type != DM_ACTOR_OFFICIAL))
        continue;
      m->actor = full;
    }
}

/* "Jr", "Sr.", "III": the generation after a surname, never the surname itself */
static gboolean
is_generational_suffix (const char *word)
{
  gsize len = strlen (word);

  if (len > 0 && word[len - 1] == '.')
    len--;
  if (len == 2 && (g_ascii_strncasecmp (word, "jr", 2) == 0 || g_ascii_strncasecmp (word, "sr", 2) == 0))
    return TRUE;
  if (len < 2 || len > 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (word[i] != 'I' && word[i] != 'V' && word[i] != 'X')
      return FALSE;
  return TRUE;
}

/* How many times the article has named @actor so far */
static guint
times_named (DmRecognition *r,
             const char    *actor)
{
  guint n = 0;

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      n += m->actor != NULL && strcmp (m->actor, actor) == 0;
    }
  return n;
}

void
dm_recognizer_register_person (DmRecognition *r,
                               const char    *canonical,
                               guint          first,
                               guint          last)
{
  if (last > first && is_generational_suffix (r->words[last]))
    last--;
  if (last > first)
    {
      const char *surname = r->words[last];
      const char *dash = strchr (surname, '-');

      const char *given = r->words[first];
      const char *known = g_hash_table_lookup (r->given, given);

      /* "Jair Bolsonaro … his son, Flavio Bolsonaro … Bolsonaro": the press names a relative
       * of the one it is about in full, so the lone surname stays with a person named more
       * than once already; otherwise it is the person named last ("Gyanesh Kumar said …
       * Nitish Kumar … criticised Kumar"). A leader known only by surname, "the Trump
       * administration", gives way to the full name. */
      const char *bearer = g_hash_table_lookup (r->surnames, surname);

      if (bearer == NULL || strchr (bearer, ' ') == NULL || strcmp (bearer, canonical) == 0 ||
          times_named (r, bearer) < 2)
        g_hash_table_insert (r->surnames, (gpointer) dm_recognizer_intern (r, surname), (gpointer) canonical);
      /* "Karim" after "Karim Ahmad" — unless another Karim was named too */
      if (dm_lexicon_is_given_name (r->lexicon, given) || tok (r, first)->capitalized)
        g_hash_table_insert (r->given, (gpointer) dm_recognizer_intern (r, given),
                             (gpointer) (known == NULL || strcmp (known, canonical) == 0 ? canonical : ""));
      /* "Bart De Wever" is also "De Wever" */
      if (last >= first + 2 && (dm_lexicon_name_part (r->lexicon, r->lower[last - 1]) & DM_PART_PARTICLE))
        {
          g_autofree char *two = g_strdup_printf ("%s %s", r->words[last - 1], r->words[last]);

          g_hash_table_insert (r->surnames, (gpointer) dm_recognizer_intern (r, two), (gpointer) canonical);
        }
      /* "al-Abadi" is also "Abadi" */
      if (dash != NULL && dash[1] != '\0' && g_ascii_isupper (dash[1]))
        g_hash_table_insert (r->surnames, (gpointer) dm_recognizer_intern (r, dash + 1), (gpointer) canonical);
    }
}

/* "we've", "they’re", "i'm" → "we", "they", "i"; any other word is returned as it is. */
const char *
dm_recognizer_contracted_pronoun (const char *lower)
{
  static const char * const pronouns[] = { "i", "we", "you", "he", "she", "it", "they" };
  static const char * const clitics[] = { "re", "ve", "ll", "d", "m" };
  const char *apostrophe = strchr (lower, '\'');
  gsize len;
  const char *clitic;

  if (apostrophe == NULL)
    apostrophe = strstr (lower, "\u2019");
  if (apostrophe == NULL || apostrophe == lower)
    return lower;
  len = apostrophe - lower;
  clitic = apostrophe + (*apostrophe == '\'' ? 1 : strlen ("\u2019"));
  for (guint c = 0; c < G_N_ELEMENTS (clitics); c++)
    if (strcmp (clitic, clitics[c]) == 0)
      for (guint p = 0; p < G_N_ELEMENTS (pronouns); p++)
        if (strlen (pronouns[p]) == len && strncmp (lower, pronouns[p], len) == 0)
          return pronouns[p];
  return lower;
}

const char *
dm_recognizer_intern (DmRecognition *r,
        const char    *str)
{
  return str ? g_string_chunk_insert_const (r->strings, str) : NULL;
}

ActorInfo *
dm_recognizer_note_actor (DmRecognition *r,
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

DmRMention *
dm_recognizer_add_mention (DmRecognition  *r,
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
  m.actor = dm_recognizer_intern (r, actor);
  m.role = dm_recognizer_intern (r, role);
  m.affiliation = dm_recognizer_intern (r, affiliation);
  m.possessive = is_possessive (r, last + 1);
  info = dm_recognizer_note_actor (r, m.actor, type, m.role, m.affiliation, first);
  /* "Karim Ahmad": the given name tells the person's gender, where usage fixes it */
  if ((type == DM_ACTOR_PERSON || type == DM_ACTOR_OFFICIAL) && kind == DM_RMENTION_NAME &&
      last > first && info->gender == 0)
    info->gender = dm_lexicon_given_name_gender (r->lexicon, r->words[first]);
  g_array_append_val (r->mentions, m);
  return &g_array_index (r->mentions, DmRMention, r->mentions->len - 1);
}

/* After an organisation or unknown name: "(SDF)" defines an acronym for the rest of the text. */
void
dm_recognizer_define_acronym (DmRecognition *r,
                      Scan          *s,
                      guint          last,
                      const char    *canonical,
                      DmActorType    type,
                      const char    *affiliation)
{
  if (last + 3 < s->end && strcmp (r->words[last + 1], "(") == 0 &&
      tok (r, last + 2)->all_caps && strcmp (r->words[last + 3], ")") == 0)
    dm_recognizer_define_alias (r, r->words[last + 2], canonical, type, affiliation);
}

/* @name (tokens joined by single spaces) stands for the organisation @canonical in the rest
 * of the article, as a gazetteer name would. */
void
dm_recognizer_define_alias (DmRecognition *r,
                            const char    *name,
                            const char    *canonical,
                            DmActorType    type,
                            const char    *affiliation)
{
  DmLexEntity *e = g_new0 (DmLexEntity, 1);

  g_ptr_array_add (r->owned, e);
  e->canonical = (char *) dm_recognizer_intern (r, canonical);
  e->type = type;
  e->kind = DM_LEX_ORG;
  e->affiliation = (char *) dm_recognizer_intern (r, affiliation);
  g_hash_table_insert (r->aliases, (gpointer) dm_recognizer_intern (r, name), e);
}

/* The text of tokens [first, last] with white space (line breaks too) folded to one space:
 * names that become canonical actor names. */
const char *
dm_recognizer_name_text (DmRecognition *r,
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

#define MAX_ALIAS_TOKENS 3

/* Longest gazetteer name starting at @i, within the sentence. */
const DmLexEntity *
dm_recognizer_match_entity (DmRecognition *r,
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
      /* an acronym the article introduced, "Syrian Democratic Forces (SDF)", or a name it
       * introduced after its kind, "the group the Sea Org" */
      if (g_hash_table_size (r->aliases) == 0)
        return NULL;
      for (guint n = MIN (MAX_ALIAS_TOKENS, s->end - i); n >= 1; n--)
        {
          const DmLexEntity *alias = g_hash_table_lookup (r->aliases, join_tokens (r, i, i + n - 1, FALSE, buf));

          if (alias != NULL)
            {
              *last = i + n - 1;
              return alias;
            }
        }
      return NULL;
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
const DmLexTitle *
dm_recognizer_match_title (DmRecognition *r,
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

/* A person named by tokens [first, last]; a lone surname resolves to the full name seen before. */
const char *
dm_recognizer_person_canonical (DmRecognition *r,
                  guint          first,
                  guint          last)
{
  const char *name = dm_recognizer_name_text (r, first, last);

  const DmLexPerson *known;

  if (first == last)
    {
      const char *full = dm_recognizer_resolve_surname (r, name);

      if (full != NULL)
        return full;
    }
  /* "Mr Putin" in an article that has not named another Putin; "Volodymyr Zelenskyy" */
  known = dm_lexicon_lookup_person (r->lexicon, name);
  if (known != NULL)
    name = known->canonical;
  /* "Joe Biden" after "Biden" alone: keep the longest form */
  if (first < last)
    dm_recognizer_register_person (r, name, first, last);
  return name;
}

/* "Joseph Votel, commander of U.S. Central Command": the title after a name is a second
 * mention of the person and gives the role and affiliation. Emits both mentions. */
gboolean
dm_recognizer_try_appositive (DmRecognition *r,
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
      const DmLexEntity *e = dm_recognizer_match_entity (r, s, k, &e_last, buf);

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
  title = dm_recognizer_match_title (r, s, k, &title_last, buf);
  if (title == NULL || title->is_honorific)
    return FALSE;
  end = title_last;
  /* "commander of U.S. Central Command", "commander, U.S. Central Command" */
  if (of == NULL && end + 2 < s->end && (word_is (r, end + 1, "of") || strcmp (r->words[end + 1], ",") == 0))
    {
      guint j = end + 2;
      guint e_last;
      const DmLexEntity *e;

      if (word_is (r, j, "the"))
        j++;
      e = j < s->end ? dm_recognizer_match_entity (r, s, j, &e_last, buf) : NULL;
      /* "president of the Kyiv think tank X", "director of the Lisbon branch of Y": a city
       * after "the" only says which of the body's kind is meant, it is not whose */
      if (e != NULL && e->kind == DM_LEX_CAPITAL && j > end + 2)
        e = NULL;
      /* after a comma only an organisation: "commander, Iraq" is a list */
      if (e != NULL && (word_is (r, end + 1, "of") || e->kind == DM_LEX_ORG))
        {
          of = e;
          of_first = j;
          of_last = e_last;
          end = e_last;
        }
    }

  known = g_hash_table_lookup (r->actors, canonical);
  dm_recognizer_add_mention (r, s, name_first, name_last, DM_RMENTION_NAME, DM_ACTOR_OFFICIAL, canonical,
               title->canonical, of ? of->canonical : (known ? known->affiliation : NULL));
  if (of != NULL && of_first < title_first + 1 && of_first >= title_first)
    {
      /* the affiliation before the title is its own mention */
      dm_recognizer_add_mention (r, s, of_first, of_last, of->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                   of->type, of->canonical, NULL, of->kind == DM_LEX_ORG ? of->affiliation : NULL)->modifier = TRUE;
    }
  dm_recognizer_add_mention (r, s, title_first, end, DM_RMENTION_DEFINITE, DM_ACTOR_OFFICIAL, canonical, title->canonical,
               of ? of->canonical : NULL);
  if (of != NULL && of_first > title_last)
    {
      /* "U.S. Central Command" inside the description is an actor too */
      dm_recognizer_add_mention (r, s, of_first, of_last, DM_RMENTION_NAME, of->type, of->canonical, NULL,
                   of->kind == DM_LEX_ORG ? of->affiliation : NULL)->nested = TRUE;
    }
  *next = end + 1;
  return TRUE;
}

gboolean
dm_recognizer_is_place_context (DmRecognition *r,
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

/* Is the capitalised word at @i only capitalised because it opens the sentence? */
gboolean
dm_recognizer_is_sentence_initial_common (DmRecognition *r,
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
  if (dm_lexicon_is_given_name (r->lexicon, r->words[i]) || dm_recognizer_resolve_surname (r, r->words[i]))
    return FALSE;
  if (dm_lexicon_lookup_verb (r->lexicon, w) != NULL)
    return TRUE;
  if (len > 4 && (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ly") || g_str_has_suffix (w, "ed")))
    return TRUE;
  /* a single word followed by a lower-case word: "Chasing this", "Despite that" */
  return i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized;
}
