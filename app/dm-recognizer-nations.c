/* dm-recognizer-nations.c — actors made of a country and a noun: its government, forces and
 * people ("Iraqi forces", "the government of Iraq", "Syrians", "the Syrian people", "a Greek
 * court", "Iraqi and Turkish forces"), "the South" for South Korea, and the actor before a
 * hyphen ("U.S.-led coalition", "ISIL-held")
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

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
  else if (part & DM_PART_POPULACE)
    name = g_strdup_printf ("%s (people)", country);
  else
    name = g_strdup_printf ("%s (%s)", country, noun);
  return dm_recognizer_intern (r, name);
}

/* "Russia (armed forces)": the armed forces of @country. */
const char *
dm_recognizer_armed_forces_of (DmRecognition *r,
                               const char    *country)
{
  return national_body_name (r, country, DM_PART_ARMED_BODY, NULL);
}

/* "Russia (government)": the organisation that speaks and acts for @country. */
const char *
dm_recognizer_government_of (DmRecognition *r,
                             const char    *country)
{
  return national_body_name (r, country, DM_PART_GOVERNMENT_BODY, NULL);
}

/* "Iraqi forces", "Iraqi security forces", "US officials", "Mali's junta": an organisation
 * standing for the country's armed forces or government, with the country itself as a nested
 * mention. */
gboolean
dm_recognizer_try_national_body (DmRecognition     *r,
                   Scan              *s,
                   guint              i,
                   guint              last,
                   const DmLexEntity *country,
                   guint             *next)
{
  guint k = last + 1;
  guint part;
  gboolean possessive = FALSE;

  /* "Mali's junta", "Syria's army": a country's own government or forces, named as after its
   * demonym; not its people or sectors ("Iran's nuclear programme", "China's foreign ministry"
   * stay the country's) */
  if (country->kind == DM_LEX_COUNTRY && is_possessive (r, k))
    {
      possessive = TRUE;
      k++;
    }
  if (k + 1 < s->end && (word_is (r, k, "security") || word_is (r, k, "armed")) && word_is (r, k + 1, "forces"))
    k++;
  /* "the Malian military government", "Mali's military junta": a government, not the army */
  if (k + 1 < s->end && word_is (r, k, "military") && !tok (r, k + 1)->capitalized &&
      (dm_lexicon_name_part (r->lexicon, r->lower[k + 1]) & (DM_PART_GOVERNMENT_NOUN | DM_PART_REGIME_NOUN)))
    k++;
  if (k >= s->end || tok (r, k)->kind != DM_TOKEN_WORD || tok (r, k)->capitalized)
    return FALSE;
  part = dm_lexicon_name_part (r->lexicon, r->lower[k]);
  if (possessive)
    part &= DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY;
  if (!(part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR | DM_PART_POPULACE | DM_PART_STATE_BODY)))
    return FALSE;

  /* "Albanian rebels", "Iraqi civilians": a group of the country's people; "a Greek court",
   * "Italian prosecutors": one of its institutions */
  dm_recognizer_add_mention (r, s, i, k, DM_RMENTION_NAME,
               (part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_STATE_BODY)) ? DM_ACTOR_ORGANIZATION : DM_ACTOR_GROUP,
               national_body_name (r, country->canonical, part, r->lower[k]), NULL, country->canonical);
  dm_recognizer_add_mention (r, s, i, last, country->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
               country->type, country->canonical, NULL, NULL)->nested = TRUE;
  *next = k + 1;
  return TRUE;
}

/* "the government of Iraq", "the forces of Syria", "the people of Iraq", "the government and
 * people of Iraq", "the junta in Mali" */
gboolean
dm_recognizer_try_body_of_country (DmRecognition *r,
                     Scan          *s,
                     guint          i,
                     guint         *next,
                     GString       *buf)
{
  guint part, last;
  const DmLexEntity *e;

  part = dm_lexicon_name_part (r->lexicon, r->lower[i]);
  if (!(part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR | DM_PART_POPULACE)) || i + 2 >= s->end)
    return FALSE;
  /* "the government and people of Iraq": the first body is the country's too */
  if (word_is (r, i + 1, "and") && i + 4 < s->end && word_is (r, i + 3, "of") &&
      (dm_lexicon_name_part (r->lexicon, r->lower[i + 2]) &
       (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR | DM_PART_POPULACE)) &&
      (e = dm_recognizer_match_entity (r, s, i + 4, &last, buf)) != NULL &&
      e->kind != DM_LEX_ORG && e->kind != DM_LEX_DEMONYM)
    {
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME,
                   (part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) ? DM_ACTOR_ORGANIZATION : DM_ACTOR_GROUP,
                   national_body_name (r, e->canonical, part, r->lower[i]), NULL, e->canonical);
      *next = i + 1;
      return TRUE;
    }
  /* "the junta in Mali", "the authorities in Iraq": a government "in" a country is its own
   * ("the troops in Mali" may be anyone's) */
  if (!word_is (r, i + 1, "of") && !(word_is (r, i + 1, "in") && (part & DM_PART_GOVERNMENT_BODY)))
    return FALSE;
  e = dm_recognizer_match_entity (r, s, i + 2, &last, buf);
  if (e == NULL || e->kind == DM_LEX_ORG || e->kind == DM_LEX_DEMONYM)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_NAME,
               (part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) ? DM_ACTOR_ORGANIZATION : DM_ACTOR_GROUP,
               national_body_name (r, e->canonical, part, r->lower[i]), NULL, e->canonical);
  dm_recognizer_add_mention (r, s, i + 2, last, DM_RMENTION_NAME, e->type, e->canonical, NULL, NULL)->nested = TRUE;
  *next = last + 1;
  return TRUE;
}

/* "North and South Korea", "East and West Germany": the first word with the second's country
 * name is a country too; the second is left to the gazetteer. */
gboolean
dm_recognizer_try_coordinated_country (DmRecognition *r,
                                       Scan          *s,
                                       guint          i,
                                       guint         *next,
                                       GString       *buf)
{
  const DmLexEntity *second;
  const DmLexEntity *first;
  g_autoptr(GString) name = NULL;
  guint last;

  if (i + 3 >= s->end || !is_cap (r, i) || !word_is (r, i + 1, "and") || !is_cap (r, i + 2) ||
      dm_recognizer_match_entity (r, s, i, &last, buf) != NULL)
    return FALSE;
  second = dm_recognizer_match_entity (r, s, i + 2, &last, buf);
  if (second == NULL || second->kind != DM_LEX_COUNTRY || last <= i + 2)
    return FALSE;
  name = g_string_new (r->words[i]);
  for (guint k = i + 3; k <= last; k++)
    g_string_append_printf (name, " %s", r->words[k]);
  first = dm_lexicon_lookup_country (r->lexicon, name->str);
  if (first == NULL || first == second)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, first->type, first->canonical, NULL, NULL);
  *next = i + 1;
  return TRUE;
}

/* "ISIL-held", "Russian-occupied", "U.S.-led": the actor before the hyphen. */
gboolean
dm_recognizer_try_hyphen_prefix (DmRecognition *r,
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
      m = dm_recognizer_add_mention (r, s, i, i,
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

      dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, body, NULL, e->canonical);
      m = dm_recognizer_add_mention (r, s, i, i, e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                       e->type, e->canonical, NULL, NULL);
      m->end_byte = t->start + (guint) (dash - word);
      m->nested = TRUE;
      *next = i + 2;
      return TRUE;
    }
  m = dm_recognizer_add_mention (r, s, i, i,
                   e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                   e->type, e->canonical, NULL, e->kind == DM_LEX_ORG ? e->affiliation : NULL);
  m->end_byte = t->start + (guint) (dash - word);
  m->modifier = TRUE;
  *next = i + 1;
  return TRUE;
}


/* "Syrians", "all Iraqis", "the Jordanians": a plural demonym names the country's people, not
 * its state. Plural when the form without its final "s" is a demonym of the same country
 * ("Syrians" → "Syrian"; "Swiss" stays an adjective). */
gboolean
dm_recognizer_try_people_of_country (DmRecognition     *r,
                       Scan              *s,
                       guint              i,
                       guint              last,
                       const DmLexEntity *e,
                       guint             *next)
{
  const char *word = r->words[i];
  gsize len = strlen (word);
  g_autofree char *singular = NULL;
  const DmLexEntity *adjective;

  if (e->kind != DM_LEX_DEMONYM || last != i || len < 4 || word[len - 1] != 's' || tok (r, i)->all_caps)
    return FALSE;
  /* "Syrians Democratic …" would be a name; a capital after it is not a people */
  if (last + 1 < s->end && is_cap (r, last + 1))
    return FALSE;
  singular = g_strndup (word, len - 1);
  adjective = dm_lexicon_lookup_entity (r->lexicon, singular);
  if (adjective == NULL || adjective->kind != DM_LEX_DEMONYM || strcmp (adjective->canonical, e->canonical) != 0)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_GROUP,
               national_body_name (r, e->canonical, DM_PART_POPULACE, NULL), NULL, e->canonical);
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_DEMONYM, e->type, e->canonical, NULL, NULL)->nested = TRUE;
  *next = i + 1;
  return TRUE;
}

/* "Iraqi and Turkish forces", "American and British officials", "the Iraqi and Kurdish
 * governments": the first demonym shares the body named after the second; the second is
 * left to the gazetteer rule, which reads its body itself. */
gboolean
dm_recognizer_try_coordinated_body (DmRecognition *r,
                                    Scan          *s,
                                    guint          i,
                                    guint         *next,
                                    GString       *buf)
{
  const DmLexEntity *first, *second;
  guint last, second_last, body, part;

  first = dm_recognizer_match_entity (r, s, i, &last, buf);
  if (first == NULL || first->kind == DM_LEX_ORG || first->kind == DM_LEX_CAPITAL || last + 3 >= s->end ||
      !word_is (r, last + 1, "and"))
    return FALSE;
  second = dm_recognizer_match_entity (r, s, last + 2, &second_last, buf);
  if (second == NULL || second->kind == DM_LEX_ORG || second->kind == DM_LEX_CAPITAL || second_last + 1 >= s->end)
    return FALSE;
  body = second_last + 1;
  if (word_is (r, body, "security") && body + 1 < s->end)
    body++;
  if (tok (r, body)->kind != DM_TOKEN_WORD || tok (r, body)->capitalized)
    return FALSE;
  part = dm_lexicon_name_part (r->lexicon, r->lower[body]);
  if (part == 0 && g_str_has_suffix (r->lower[body], "s"))
    {
      /* "governments", "parliaments": the plural of a body */
      g_autofree char *singular = g_strndup (r->lower[body], strlen (r->lower[body]) - 1);

      part = dm_lexicon_name_part (r->lexicon, singular);
    }
  if (!(part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_SECTOR | DM_PART_POPULACE | DM_PART_STATE_BODY)))
    return FALSE;
  dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_NAME,
                             (part & (DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY | DM_PART_STATE_BODY)) ?
                             DM_ACTOR_ORGANIZATION : DM_ACTOR_GROUP,
                             national_body_name (r, first->canonical, part, r->lower[body]), NULL, first->canonical);
  dm_recognizer_add_mention (r, s, i, last, first->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM : DM_RMENTION_NAME,
                             first->type, first->canonical, NULL, NULL)->nested = TRUE;
  *next = last + 1;
  return TRUE;
}

/* The one country of the article whose name is @side and a space before the rest ("South
 * Korea" for "South"); with @halves, only when the article names the opposite half of that
 * country too ("North Korea" with "South Korea"). NULL when none, or two ("South Korea",
 * "South Africa"). */
static const char *
country_of_side (DmRecognition *r,
                 const char    *side,
                 gboolean       halves)
{
  static const char * const opposites[][2] = {
    { "North", "South" }, { "South", "North" }, { "East", "West" }, { "West", "East" },
  };
  g_autofree char *prefix = g_strdup_printf ("%s ", side);
  const char *opposite = NULL, *country = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint n = 0; n < G_N_ELEMENTS (opposites); n++)
    if (strcmp (side, opposites[n][0]) == 0)
      opposite = opposites[n][1];
  if (opposite == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, r->actors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const ActorInfo *info = value;

      if (info->type != DM_ACTOR_COUNTRY || !g_str_has_prefix (key, prefix))
        continue;
      if (country != NULL)
        return NULL;  /* two of them: no telling which */
      country = key;
    }
  if (country != NULL && halves)
    {
      g_autofree char *other = g_strdup_printf ("%s %s", opposite, (const char *) country + strlen (prefix));
      const ActorInfo *info = g_hash_table_lookup (r->actors, other);

      if (info == NULL || info->type != DM_ACTOR_COUNTRY)
        return NULL;
    }
  return country;
}

/* "The South retaliated" after "South Korea" and "North Korea" were named: "the North", "the
 * South" written with a capital stand for the one country of the article whose name starts
 * with that word. Written small ("the south" is most often a region) only where the article
 * names both halves of a divided country, and not as a part of something ("the north of
 * the country"): "fired into the north", "a shell at the south side". */
gboolean
dm_recognizer_try_elliptic_country (DmRecognition *r,
                                    Scan          *s,
                                    guint          i,
                                    guint         *next)
{
  g_autofree char *side = NULL;
  const char *country;
  guint last = i;

  if (i == s->first || !word_is (r, i - 1, "the") || (i + 1 < s->end && is_cap (r, i + 1)))
    return FALSE;
  side = g_strdup (r->lower[i]);
  side[0] = g_ascii_toupper (side[0]);
  if (is_cap (r, i))
    {
      if (strcmp (r->words[i], side) != 0)
        return FALSE;
      country = country_of_side (r, side, FALSE);
    }
  else
    {
      if (i + 1 < s->end && is_word (r, i + 1) && word_is (r, i + 1, "side"))
        last = i + 1;
      else if (i + 1 < s->end && is_word (r, i + 1))
        return FALSE;
      country = country_of_side (r, side, TRUE);
    }
  if (country == NULL)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_NAME, DM_ACTOR_COUNTRY, country, NULL, NULL);
  *next = last + 1;
  return TRUE;
}
