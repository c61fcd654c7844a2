/* dm-recognizer-orgs.c — organisations known by the shape of their names, not the gazetteer
 *
 * "Ministry of Foreign Affairs", "Council on American-Islamic Relations", a short name after a
 * noun for its kind ("the group Anonymous", "the magazine MicroMega"), two names sharing one
 * plural head ("the State and Homeland Security Departments"), and the point where a run of
 * capitalised words turns from an organisation into a person ("University of Texas Arlington
 * Amneh Jafari" is a university, then a woman who works there); also an officer's service
 * before the rank ("Navy Capt. …"), offices named by a title ("the Sheriff's office"), a
 * place's own government ("the Lombardy regional government") and "the M5S party".
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

/* An organisation named by its tokens [first, last] as written; reading goes on after it. */
static gboolean
add_named_organization (DmRecognition *r,
                        Scan          *s,
                        guint          first,
                        guint          last,
                        guint         *next)
{
  dm_recognizer_add_mention (r, s, first, last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION,
                             dm_recognizer_name_text (r, first, last), NULL, NULL);
  *next = last + 1;
  return TRUE;
}

/* Does a person's name start at @k, inside a run of capitalised words? A known given name
 * followed by another capitalised name word ("… Relations Alia Salem"), or a name the entity
 * recognizer found as a person's. */
gboolean
dm_recognizer_person_starts_at (DmRecognition *r,
                                Scan          *s,
                                guint          k)
{
  guint part;

  if (k + 1 >= s->end || !is_cap (r, k) || !is_cap (r, k + 1) || tok (r, k + 1)->all_caps)
    return FALSE;
  if (r->name_at != NULL && r->name_at[k] >= 0 &&
      g_array_index (r->names, DmNerSpan, r->name_at[k]).type == DM_NER_PERSON)
    return TRUE;
  part = dm_lexicon_name_part (r->lexicon, r->words[k + 1]);
  return dm_lexicon_is_given_name (r->lexicon, r->words[k]) &&
         !(part & (DM_PART_ORG_HEAD | DM_PART_ORG_START)) &&
         !dm_lexicon_is_nonactor (r->lexicon, r->words[k + 1]) &&
         dm_lexicon_lookup_entity (r->lexicon, r->words[k + 1]) == NULL;
}

/* "158th", "5th", "1st": the number of a military unit ("158th Fighter Wing") */
gboolean
dm_recognizer_is_ordinal (DmRecognition *r,
                          guint          i)
{
  const char *w = r->lower[i];
  gsize digits = strspn (w, "0123456789");

  return digits > 0 && (strcmp (w + digits, "st") == 0 || strcmp (w + digits, "nd") == 0 ||
                        strcmp (w + digits, "rd") == 0 || strcmp (w + digits, "th") == 0);
}

/* Capitalised words after @i that end in an organisation head word ("Armed Forces"):
 * returns the last token of such a name, or G_MAXUINT. */
guint
dm_recognizer_scan_org_tail (DmRecognition *r,
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
  return last_head != G_MAXUINT ? dm_recognizer_extend_org_of (r, s, last_head) : G_MAXUINT;
}

/* "Ministry of Foreign Affairs", "University of Oxford", "Council on Foreign Relations": a
 * word that starts organisation names, "of"/"for"/"on", capitalised words, up to a person's
 * name that may follow in the same run. The last token, or G_MAXUINT. */
guint
dm_recognizer_scan_org_of (DmRecognition *r,
                           Scan          *s,
                           guint          i)
{
  guint last = G_MAXUINT;

  if (!(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START) || i + 2 >= s->end ||
      !(word_is (r, i + 1, "of") || word_is (r, i + 1, "for") || word_is (r, i + 1, "on")) || !is_cap (r, i + 2))
    return G_MAXUINT;
  for (guint k = i + 2; k < s->end && k - i < 2 * MAX_NAME_TOKENS; k++)
    {
      if (k > i + 2 && last == k - 1 && dm_recognizer_person_starts_at (r, s, k))
        break;
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

/* "Supreme Court of Cassation", "Bank of England", "Initiative for Personal Rights",
 * "Commission on Human Rights", "Centre for Settlement of Investment Disputes": after an
 * organisation's head word, "of", "for" or "on" and capitalised words (with "of" between
 * them) are still its name. The new last token (or @head). */
guint
dm_recognizer_extend_org_of (DmRecognition *r,
                             Scan          *s,
                             guint          head)
{
  guint last = head;

  g_autoptr(GString) buf = NULL;
  guint dummy;
  const DmLexEntity *country;

  if (head + 2 >= s->end ||
      !(word_is (r, head + 1, "of") || word_is (r, head + 1, "for") || word_is (r, head + 1, "on")))
    return head;
  /* "Federal Government of Iraq": the country stays a mention of its own */
  buf = g_string_new (NULL);
  country = dm_recognizer_match_entity (r, s, head + 2, &dummy, buf);
  if (country != NULL && country->kind != DM_LEX_ORG)
    return head;
  for (guint k = head + 2; k < s->end && k - head <= 2 * MAX_NAME_TOKENS; k++)
    {
      /* "… Settlement of Investment Disputes", "… for Political, Legal and Security
       * Affairs"; not "… on Human Rights and Amnesty International", two names */
      if (k > head + 2 && last == k - 1 && k + 1 < s->end && is_cap (r, k + 1) &&
          (word_is (r, k, "of") ||
           ((word_is (r, k, "and") || word_is (r, k, ",")) &&
            dm_recognizer_match_entity (r, s, k + 1, &dummy, buf) == NULL &&
            !dm_recognizer_person_starts_at (r, s, k + 1))))
        continue;
      if (!is_cap (r, k) || newline_between (r, k - 1, k) || dm_lexicon_is_nonactor (r->lexicon, r->words[k]) ||
          (k > head + 2 && dm_recognizer_person_starts_at (r, s, k)))
        break;
      last = k;
    }
  return last;
}

/* A noun for a kind of organisation at @i, or its plural ("schools"). */
static gboolean
is_kind_noun (DmRecognition *r,
              guint          i,
              gboolean      *plural)
{
  const char *w = r->lower[i];
  gsize len = strlen (w);

  *plural = FALSE;
  if (tok (r, i)->capitalized)
    return FALSE;
  if (dm_lexicon_name_part (r->lexicon, w) & DM_PART_KIND_NOUN)
    return TRUE;
  /* "the schools Santo Spirito and Immacolata" */
  if (len > 3 && w[len - 1] == 's')
    {
      g_autofree char *singular = g_strndup (w, len - 1);

      *plural = (dm_lexicon_name_part (r->lexicon, singular) & DM_PART_KIND_NOUN) != 0;
    }
  return *plural;
}

/* The short name in apposition from @first: the last token, or G_MAXUINT. */
static guint
scan_kind_name (DmRecognition *r,
                Scan          *s,
                guint          first,
                GString       *buf)
{
  guint last = G_MAXUINT;
  guint dummy;

  /* a word that is no actor alone may open the name ("the site Operation Clambake") */
  if (first >= s->end || !is_cap (r, first) || newline_between (r, first - 1, first) ||
      (dm_lexicon_is_nonactor (r->lexicon, r->words[first]) &&
       !(first + 1 < s->end && is_cap (r, first + 1) && !dm_lexicon_is_nonactor (r->lexicon, r->words[first + 1]))))
    return G_MAXUINT;
  /* "the party Jeremy Corbyn leads", "the school Ahmed attends", "the campaign Obama ran"
   * (after Barack Obama), "the group Hamas", "the agency Director": not a new name; the
   * entity recognizer's reading of a person is not enough against the noun ("the bank
   * Credito Sul") */
  if (dm_lexicon_is_given_name (r->lexicon, r->words[first]) ||
      dm_recognizer_resolve_surname (r, r->words[first]) != NULL ||
      dm_recognizer_match_entity (r, s, first, &dummy, buf) != NULL ||
      dm_recognizer_match_title (r, s, first, &dummy, buf) != NULL)
    return G_MAXUINT;
  for (guint k = first; k < s->end && k - first < 3 && is_cap (r, k); k++)
    {
      if (k > first && (newline_between (r, k - 1, k) || dm_lexicon_is_nonactor (r->lexicon, r->words[k])))
        break;
      last = k;
    }
  /* a longer run is more likely several names than one */
  if (last == G_MAXUINT || (last + 1 < s->end && is_cap (r, last + 1)))
    return G_MAXUINT;
  return last;
}

static void
add_kind_name (DmRecognition *r,
               Scan          *s,
               guint          first,
               guint          last)
{
  const char *name = dm_recognizer_name_text (r, first, last);

  dm_recognizer_add_mention (r, s, first, last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL, NULL);
  dm_recognizer_define_acronym (r, s, last, name, DM_ACTOR_ORGANIZATION, NULL);
  /* "The Sea Org requires members to …" later on is the same organisation */
  dm_recognizer_define_alias (r, name, name, DM_ACTOR_ORGANIZATION, NULL);
}

/* "the group Anonymous", "its elite unit the Sea Org", "the secularist magazine MicroMega":
 * a short capitalised name right after a noun for a kind of organisation at @i (and perhaps
 * "the") names an organisation; the noun is then no reference to an earlier actor. Names the
 * gazetteer knows keep their own entry ("the group Hamas"). */
gboolean
dm_recognizer_try_named_kind (DmRecognition *r,
                              Scan          *s,
                              guint          i,
                              guint         *next,
                              GString       *buf)
{
  guint first = i + 1;
  guint last, second_last;
  gboolean plural, comma = FALSE;

  if (!is_kind_noun (r, i, &plural))
    return FALSE;
  /* "Brazil's steel association, Aco Brasil, urged": a name set off by commas on both
   * sides is the same apposition */
  if (first < s->end && word_is (r, first, ","))
    {
      first++;
      comma = TRUE;
    }
  if (first < s->end && word_is (r, first, "the"))
    first++;
  last = scan_kind_name (r, s, first, buf);
  if (last == G_MAXUINT || (comma && !(last + 1 < s->end && word_is (r, last + 1, ","))))
    return FALSE;
  add_kind_name (r, s, first, last);
  *next = last + 1;
  /* "the schools Santo Spirito and Immacolata": each name is one of them */
  if (plural && last + 2 < s->end && word_is (r, last + 1, "and") &&
      (second_last = scan_kind_name (r, s, last + 2, buf)) != G_MAXUINT)
    {
      add_kind_name (r, s, last + 2, second_last);
      *next = second_last + 1;
    }
  return TRUE;
}

/* "Navy Capt. Jeff Davis", "Army Lt. Gen. Stephen Townsend", "Air Force Col. …": the
 * service an officer's rank belongs to is an organisation of its own, not part of a name
 * (nor a person "Navy" named by the title before it). */
guint
dm_recognizer_service_before_rank (DmRecognition *r,
                                   Scan          *s,
                                   guint          i,
                                   GString       *buf)
{
  guint tail, title_last;
  const DmLexTitle *rank;

  if (!is_cap (r, i) ||
      (!(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_HEAD) &&
       !(i + 1 < s->end && is_cap (r, i + 1) && (dm_lexicon_name_part (r->lexicon, r->words[i + 1]) & DM_PART_ORG_HEAD))))
    return G_MAXUINT;
  /* "U.S. Army" is the gazetteer's; "507th Maintenance Group" a unit with its number */
  if ((i > s->first && dm_recognizer_is_ordinal (r, i - 1)) || dm_recognizer_match_entity (r, s, i, &title_last, buf) != NULL)
    return G_MAXUINT;
  tail = dm_recognizer_scan_org_tail (r, s, i);
  if (tail == G_MAXUINT || tail > i + 1 || tail + 1 >= s->end)
    return G_MAXUINT;
  rank = dm_recognizer_match_title (r, s, tail + 1, &title_last, buf);
  if (rank == NULL || g_strcmp0 (rank->category, "military") != 0)
    return G_MAXUINT;
  return tail;
}

gboolean
dm_recognizer_try_service_before_rank (DmRecognition *r,
                                       Scan          *s,
                                       guint          i,
                                       guint         *next,
                                       GString       *buf)
{
  guint tail = dm_recognizer_service_before_rank (r, s, i, buf);

  if (tail == G_MAXUINT)
    return FALSE;
  return add_named_organization (r, s, i, tail, next);
}

/* "Departments" → "Department", "Ministries" → "Ministry": the head of each coordinated name. */
static char *
singular_head (const char *plural)
{
  gsize len = strlen (plural);

  if (len > 4 && g_str_has_suffix (plural, "ies"))
    return g_strdup_printf ("%.*sy", (int) (len - 3), plural);
  if (len > 3 && plural[len - 1] == 's' && plural[len - 2] != 's')
    return g_strndup (plural, len - 1);
  return NULL;
}

static void
add_headed_name (DmRecognition *r,
                 Scan          *s,
                 guint          first,
                 guint          last,
                 guint          mention_last,
                 const char    *head)
{
  g_autofree char *name = g_strdup_printf ("%s %s", dm_recognizer_name_text (r, first, last), head);
  const DmLexEntity *known = dm_lexicon_lookup_entity (r->lexicon, name);

  if (known != NULL && known->kind == DM_LEX_ORG)
    dm_recognizer_add_mention (r, s, first, mention_last, DM_RMENTION_NAME, known->type, known->canonical, NULL,
                               known->affiliation);
  else
    dm_recognizer_add_mention (r, s, first, mention_last, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION,
                               dm_recognizer_intern (r, name), NULL, NULL);
}

/* "the State and Homeland Security Departments", "the Defence and Foreign Ministries": two
 * names that share one plural head are two organisations, each with the head. */
gboolean
dm_recognizer_try_coordinated_heads (DmRecognition *r,
                                     Scan          *s,
                                     guint          i,
                                     guint         *next)
{
  guint and = G_MAXUINT, head = G_MAXUINT;
  g_autofree char *singular = NULL;

  if (!is_cap (r, i) || word_is (r, i, "the") || dm_recognizer_is_sentence_initial_common (r, s, i))
    return FALSE;
  for (guint k = i; k < s->end && k - i <= 2 * MAX_NAME_TOKENS; k++)
    {
      if (and == G_MAXUINT && k > i && word_is (r, k, "and"))
        {
          and = k;
          continue;
        }
      if (!is_cap (r, k) || (k > i && newline_between (r, k - 1, k)))
        break;
      if (and != G_MAXUINT && k > and + 1 && (dm_lexicon_name_part (r->lexicon, r->words[k]) & DM_PART_ORG_HEAD) == 0 &&
          (singular = singular_head (r->words[k])) != NULL &&
          (dm_lexicon_name_part (r->lexicon, singular) & DM_PART_ORG_HEAD))
        {
          head = k;
          break;
        }
      g_clear_pointer (&singular, g_free);
    }
  if (head == G_MAXUINT)
    return FALSE;
  add_headed_name (r, s, i, and - 1, and - 1, singular);
  add_headed_name (r, s, and + 1, head - 1, head, singular);
  *next = head + 1;
  return TRUE;
}

/* "the Los Angeles Sheriff's office", "the Manhattan District Attorney's Office", "the Prime
 * Minister's office": an office named by the title of the one who heads it is an
 * organisation. Runs before the gazetteer, which would take the place alone. */
gboolean
dm_recognizer_try_office_of_title (DmRecognition *r,
                                   Scan          *s,
                                   guint          i,
                                   guint         *next,
                                   GString       *buf)
{
  guint k = i;
  gboolean titled = FALSE;

  if (!is_cap (r, i) || word_is (r, i, "the"))
    return FALSE;
  while (k + 1 < s->end && is_cap (r, k + 1) && k - i < 4)
    k++;
  if (k + 2 >= s->end || !is_possessive (r, k + 1) ||
      !(word_is (r, k + 2, "office") || word_is (r, k + 2, "department") || word_is (r, k + 2, "bureau")))
    return FALSE;
  for (guint j = i; j <= k && !titled; j++)
    {
      guint title_last;

      titled = dm_recognizer_match_title (r, s, j, &title_last, buf) != NULL && title_last == k;
    }
  if (!titled)
    return FALSE;
  return add_named_organization (r, s, i, k + 2, next);
}

/* "the Lombardy regional government", "the Texas state government": a place's own
 * government, named by the place, its level and the body. */
gboolean
dm_recognizer_try_local_government (DmRecognition *r,
                                    Scan          *s,
                                    guint          i,
                                    guint         *next,
                                    GString       *buf)
{
  static const char * const levels[] = { "regional", "provincial", "municipal", "state", "city", "local", "county",
                                         "district" };
  static const char * const bodies[] = { "government", "council", "administration", "authorities", "assembly" };
  guint k = i, dummy;
  gboolean level = FALSE, body = FALSE;
  const DmLexEntity *e;

  if (!is_cap (r, i) || word_is (r, i, "the") || dm_recognizer_is_sentence_initial_common (r, s, i))
    return FALSE;
  while (k + 1 < s->end && is_cap (r, k + 1) && k - i < 2)
    k++;
  if (k + 2 >= s->end)
    return FALSE;
  for (guint n = 0; n < G_N_ELEMENTS (levels); n++)
    level = level || word_is (r, k + 1, levels[n]);
  for (guint n = 0; n < G_N_ELEMENTS (bodies); n++)
    body = body || word_is (r, k + 2, bodies[n]);
  if (!level || !body || tok (r, k + 1)->capitalized)
    return FALSE;
  /* a country's or a demonym's government is the country's ("Iraqi local authorities") */
  e = dm_recognizer_match_entity (r, s, i, &dummy, buf);
  if (e != NULL && e->kind != DM_LEX_CAPITAL)
    return FALSE;
  return add_named_organization (r, s, i, k + 2, next);
}

/* "the M5S party", "the Ennahda movement": an unknown name before "party" or "movement" is
 * that party's or movement's. */
gboolean
dm_recognizer_try_name_before_kind (DmRecognition *r,
                                    Scan          *s,
                                    guint          i,
                                    guint         *next,
                                    GString       *buf)
{
  guint k = i, dummy;

  if (i == s->first || !word_is (r, i - 1, "the") || !is_cap (r, i) || dm_lexicon_is_nonactor (r->lexicon, r->words[i]))
    return FALSE;
  if (i + 1 < s->end && is_cap (r, i + 1))
    k++;
  if (k + 1 >= s->end || tok (r, k + 1)->capitalized ||
      !(word_is (r, k + 1, "party") || word_is (r, k + 1, "movement")))
    return FALSE;
  if (dm_recognizer_match_entity (r, s, i, &dummy, buf) != NULL || dm_recognizer_match_title (r, s, i, &dummy, buf) != NULL ||
      dm_recognizer_person_starts_at (r, s, i))
    return FALSE;
  {
    const char *name = dm_recognizer_name_text (r, i, k);

    dm_recognizer_add_mention (r, s, i, k, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL, NULL);
    dm_recognizer_define_alias (r, name, name, DM_ACTOR_ORGANIZATION, NULL);
  }
  *next = k + 2;
  return TRUE;
}
