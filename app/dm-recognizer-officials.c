/* dm-recognizer-officials.c — officials by their titles of office ("US Defence Secretary Pete
 * Hegseth", "the Ukrainian president"), the leaders the lexicon knows, offices named before
 * their holder, and personal names by their shape (rule 1 of dm-recognizer.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

gboolean
dm_recognizer_is_name_token (DmRecognition *r,
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
guint
dm_recognizer_scan_person_name (DmRecognition *r,
                                Scan          *s,
                                guint          i,
                                GString       *buf)
{
  guint last = G_MAXUINT;

  for (guint j = i; j < s->end && j - i < MAX_NAME_TOKENS; j++)
    {
      guint dummy;

      if (dm_recognizer_is_name_token (r, j) && !tok (r, j)->all_caps)
        {
          if (dm_recognizer_service_before_rank (r, s, j, buf) != G_MAXUINT)
            break;  /* "Navy Capt. Jeff Davis" */
          /* a title ends the name, save one word right after a given name: English puts a
           * title before the name, so "Amit Shah", "Stephen King" are surnames */
          if (j > i && dm_recognizer_match_title (r, s, j, &dummy, buf) != NULL &&
              !(j == i + 1 && dummy == j && dm_lexicon_is_given_name (r->lexicon, r->words[i])))
            break;
          if (j > i && newline_between (r, j - 1, j))
            break;  /* a line break: the name ended (a headline above a dateline) */
          last = j;
          continue;
        }
      /* a single capital with a dot: "George W. Bush" */
      if (j > i && last == j - 1 && tok (r, j)->kind == DM_TOKEN_PUNCT && r->words[j][0] == '.' &&
          tok (r, j - 1)->end - tok (r, j - 1)->start == 1 && j + 1 < s->end && dm_recognizer_is_name_token (r, j + 1))
        continue;
      /* "von der Leyen", "bin Abdulaziz", "de la Cruz": particles, then a name */
      if (j > i && (dm_lexicon_name_part (r->lexicon, r->words[j]) & DM_PART_PARTICLE))
        {
          guint k = j;

          while (k < s->end && k - j < 3 && (dm_lexicon_name_part (r->lexicon, r->words[k]) & DM_PART_PARTICLE))
            k++;
          if (k < s->end && dm_recognizer_is_name_token (r, k))
            {
              j = k - 1;
              continue;
            }
        }
      /* "al- Jaafari" */
      if (j > i && j + 2 < s->end && (dm_lexicon_name_part (r->lexicon, r->words[j]) & DM_PART_PARTICLE) &&
          strcmp (r->words[j + 1], "-") == 0 && dm_recognizer_is_name_token (r, j + 2))
        {
          j++;
          continue;
        }
      break;
    }
  return last;
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

/* "a", "one", "another" before a country and a title: some official, not one actor */
static gboolean
is_article_or_det (DmRecognition *r,
                   guint          i)
{
  return word_is (r, i, "a") || word_is (r, i, "an") || word_is (r, i, "one") || word_is (r, i, "another") ||
         word_is (r, i, "any") || word_is (r, i, "every") || word_is (r, i, "each") || word_is (r, i, "no");
}

/* "The Foreign Secretary met …", "the Iraqi foreign minister" with no one of that office named
 * before: the office holder is an actor all the same, named by the office (and country), and
 * merged with the holder if the article names exactly one later (name_offices). Only a definite
 * office: after "the", a country or an organisation, or opening a line; written with capitals
 * unless a country says whose it is; not followed by a name we could not read. */
static const char *
unnamed_office (DmRecognition    *r,
                Scan             *s,
                guint             i,
                guint             title_last,
                const DmLexTitle *title,
                const char       *affiliation,
                guint             start)
{
  g_autofree char *name = NULL;
  const char *canonical;
  ActorInfo *info;

  if (title->is_honorific || title->category == NULL || strcmp (title->category, "business") == 0 ||
      strcmp (title->category, "religious") == 0)
    return NULL;
  /* @start: where the title, or the country before it, begins */
  if (start > s->first &&
      (is_article_or_det (r, start - 1) || (affiliation == NULL && !word_is (r, start - 1, "the"))))
    return NULL;
  if (affiliation == NULL && !is_cap (r, i))
    return NULL;
  if (title_last + 1 < s->end && is_cap (r, title_last + 1))
    return NULL;
  if (affiliation != NULL)
    name = g_strdup_printf ("%s (%s)", affiliation, title->canonical);
  canonical = dm_recognizer_intern (r, name != NULL ? name : title->canonical);
  info = dm_recognizer_note_actor (r, canonical, DM_ACTOR_OFFICIAL, title->canonical, affiliation, i);
  info->unnamed_office = TRUE;
  return canonical;
}

/* Rule 1: [affiliation] title [,] name — or a title standing for someone named before. */
gboolean
dm_recognizer_try_official (DmRecognition     *r,
                            Scan              *s,
                            guint              i,
                            const DmLexEntity *affiliation,
                            guint              affiliation_first,
                            guint             *next,
                            GString           *buf)
{
  guint title_last, name_first, name_last;
  const DmLexTitle *title = dm_recognizer_match_title (r, s, i, &title_last, buf);
  const char *role;
  const char *canonical;
  const char *aff_name = affiliation ? affiliation->canonical : NULL;
  DmActorType type;
  gboolean title_apart = FALSE;

  if (title == NULL)
    return FALSE;

  name_first = title_last + 1;
  if (name_first < s->end && strcmp (r->words[name_first], ",") == 0 && is_cap (r, i))
    {
      name_first++;
      title_apart = TRUE;
    }
  /* "Lt. Gen. …": a title written with its dot */
  if (name_first < s->end && strcmp (r->words[name_first], ".") == 0)
    name_first++;
  /* stacked titles: "Deputy Prime Minister", "Foreign Minister and Deputy PM" are in the file;
   * "Prime Minister Sir Keir Starmer": honorific after a title */
  if (name_first < s->end)
    {
      guint honorific_last;
      const DmLexTitle *second = dm_recognizer_match_title (r, s, name_first, &honorific_last, buf);

      if (second != NULL && second->is_honorific)
        {
          name_first = honorific_last + 1;
          if (name_first < s->end && strcmp (r->words[name_first], ".") == 0)
            name_first++;
        }
    }

  role = title->is_honorific ? NULL : title->canonical;

  /* "Minister for Africa James Duddridge", "Secretary of State for Wales Alun Cairns": the
   * portfolio belongs to the title; the name starts at the first known given name after it */
  if (role != NULL && name_first + 2 < s->end && !title_apart &&
      (word_is (r, name_first, "for") || word_is (r, name_first, "of")))
    {
      guint k = name_first + 1;

      if (word_is (r, k, "the"))
        k++;
      while (k < s->end && is_cap (r, k) && !dm_lexicon_is_given_name (r->lexicon, r->words[k]) &&
             k - name_first <= MAX_NAME_TOKENS)
        k++;
      if (k > name_first + 1 && k + 1 < s->end && is_cap (r, k) && is_cap (r, k + 1) &&
          dm_lexicon_is_given_name (r->lexicon, r->words[k]) && is_cap (r, k - 1))
        {
          role = dm_recognizer_intern (r, dm_recognizer_name_text (r, i, k - 1));
          title_last = k - 1;
          name_first = k;
        }
    }
  name_last = name_first < s->end ? dm_recognizer_scan_person_name (r, s, name_first, buf) : G_MAXUINT;

  if (name_last != G_MAXUINT)
    {
      guint entity_last;
      const DmLexEntity *e = dm_recognizer_match_entity (r, s, name_first, &entity_last, buf);

      /* "President Putin" yes, "Secretary of State" no; a country after a title is not a name */
      if (e != NULL && entity_last >= name_last)
        name_last = G_MAXUINT;
    }

  if (name_last == G_MAXUINT)
    {
      /* "the Ukrainian president", "the defence secretary": someone named before; "a Foreign
       * Office minister", "an EU official" is no one in particular */
      if (role == NULL)
        return FALSE;
      if (affiliation_first > s->first && is_article_or_det (r, affiliation_first - 1))
        return FALSE;
      if (affiliation == NULL && i > s->first && !word_is (r, i - 1, "the") && !is_possessive (r, i - 1) &&
          tok (r, i - 1)->kind == DM_TOKEN_WORD)
        return FALSE;
      canonical = find_official (r, role, aff_name);
      if (canonical == NULL)
        canonical = unnamed_office (r, s, i, title_last, title, aff_name, affiliation != NULL ? affiliation_first : i);
      if (canonical == NULL)
        return FALSE;
      if (affiliation != NULL)
        {
          /* the demonym is a mention of the country too */
          dm_recognizer_add_mention (r, s, affiliation_first, i - 1, DM_RMENTION_DEMONYM,
                       affiliation->type, affiliation->canonical, NULL, NULL)->modifier = TRUE;
        }
      {
        ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

        dm_recognizer_add_mention (r, s, i, title_last, DM_RMENTION_DEFINITE, info->type, canonical,
                     info->role, info->affiliation);
      }
      *next = title_last + 1;
      return TRUE;
    }

  if (affiliation != NULL)
    dm_recognizer_add_mention (r, s, affiliation_first, i - 1,
                 affiliation->kind == DM_LEX_ORG ? DM_RMENTION_NAME : DM_RMENTION_DEMONYM,
                 affiliation->type, affiliation->canonical, NULL, NULL)->modifier = TRUE;

  canonical = dm_recognizer_person_canonical (r, name_first, name_last);
  type = role != NULL ? DM_ACTOR_OFFICIAL : DM_ACTOR_PERSON;
  if (dm_recognizer_try_appositive (r, s, canonical, name_first, name_last, next, buf))
    return TRUE;
  {
    ActorInfo *known = g_hash_table_lookup (r->actors, canonical);

    if (known != NULL && known->type == DM_ACTOR_OFFICIAL)
      type = DM_ACTOR_OFFICIAL;
    dm_recognizer_add_mention (r, s, name_first, name_last, DM_RMENTION_NAME, type, canonical,
                 role ? role : (known ? known->role : NULL),
                 aff_name ? aff_name : (known ? known->affiliation : NULL));
    /* "The Foreign Secretary, Boris Johnson,": the title is a mention of him too */
    if (title_apart && role != NULL)
      dm_recognizer_add_mention (r, s, i, title_last, DM_RMENTION_DEFINITE, type, canonical, role,
                   aff_name ? aff_name : (known ? known->affiliation : NULL));
  }
  *next = name_last + 1;
  return TRUE;
}

/* "the Assad regime", "the Biden administration", "Assad's brutal regime" anywhere in the
 * article: the leader's name is a person's, so "Assad" alone is that person even before the
 * regime is named, and even when the gazetteer knows the regime itself. */
void
dm_recognizer_register_leaders (DmRecognition *r,
                                GString       *buf)
{
  guint n = r->doc->tokens->len;

  for (guint i = 1; i + 1 < n; i++)
    {
      guint k = i + 1;
      const char *leader = r->words[i];

      if (!dm_recognizer_is_name_token (r, i) || tok (r, i)->all_caps || tok (r, i - 1)->sentence != tok (r, i)->sentence)
        continue;
      if (is_possessive (r, k))
        {
          k++;
          /* one adjective: "Assad's brutal regime" */
          if (k + 1 < n && is_word (r, k) && !tok (r, k)->capitalized && !word_is (r, k, "regime") &&
              !word_is (r, k, "administration"))
            k++;
        }
      if (k >= n || !is_word (r, k) || tok (r, k)->capitalized ||
          !(word_is (r, k, "regime") || word_is (r, k, "administration")))
        continue;
      if (dm_lexicon_lookup_entity (r->lexicon, leader) != NULL || dm_lexicon_is_given_name (r->lexicon, leader) ||
          g_hash_table_contains (r->surnames, leader))
        continue;
      {
        guint title_last;
        Scan s = { r, tok (r, i)->sentence, i, i + 1 };

        /* "the Obama administration" yes, "the President's administration" no */
        if (dm_lexicon_name_part (r->lexicon, leader) != 0 ||
            dm_recognizer_match_title (r, &s, i, &title_last, buf) != NULL)
          continue;
      }
      leader = dm_recognizer_intern (r, leader);
      g_hash_table_insert (r->surnames, (gpointer) leader, (gpointer) leader);
      dm_recognizer_note_actor (r, leader, DM_ACTOR_PERSON, NULL, NULL, 0);
    }
}

/* An office named before its holder ("The Foreign Secretary met … Boris Johnson, the Foreign
 * Secretary, said"): when the article names exactly one holder of that office (of the same
 * country, when one is given), the office's mentions are that person's. */
void
dm_recognizer_name_offices (DmRecognition *r)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GHashTable) holder = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_iter_init (&iter, r->actors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ActorInfo *office = value;
      const char *found = NULL;
      gboolean several = FALSE;
      GHashTableIter inner;
      gpointer key2, value2;

      if (!office->unnamed_office)
        continue;
      g_hash_table_iter_init (&inner, r->actors);
      while (g_hash_table_iter_next (&inner, &key2, &value2))
        {
          ActorInfo *person = value2;

          if (person->unnamed_office || person->type != DM_ACTOR_OFFICIAL || person->role == NULL ||
              !role_matches (person->role, office->role))
            continue;
          if (office->affiliation != NULL && g_strcmp0 (person->affiliation, office->affiliation) != 0)
            continue;
          several = found != NULL;
          found = key2;
        }
      if (found != NULL && !several)
        g_hash_table_insert (holder, key, (gpointer) found);
    }
  if (g_hash_table_size (holder) == 0)
    return;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      const char *person = m->actor != NULL ? g_hash_table_lookup (holder, m->actor) : NULL;

      if (person != NULL)
        m->actor = person;
    }
}
