/* dm-recognizer-definite.c — who "the group", "the regime" and "the alliance" are
 *
 * A definite description names the actor of its kind named just before: "the group" an
 * armed group, party or movement, "the regime" a government, "the country" a country, "the
 * alliance" or "the Church" the organisation whose name or kind it is.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

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

/* The actor that "the group", "the regime" or "the country" names: the last one of that kind
 * within a few sentences. Groups are armed groups, parties and movements (armed groups only
 * after "terrorist", "militant" …); regimes and governments are the governments named
 * ("Assad regime", "Iraq (government)"); countries are countries named as actors. */
typedef enum {
  BODY_NONE,
  BODY_GROUP,
  BODY_ARMED_GROUP,
  BODY_GOVERNMENT,
  BODY_REGIME,
  BODY_COUNTRY,
} BodyKind;

#define DEFINITE_SENTENCES 4

static BodyKind
body_kind (DmRecognition *r,
           const char    *noun)
{
  guint part = dm_lexicon_name_part (r->lexicon, noun);

  if (part & DM_PART_GROUP_NOUN)
    return BODY_GROUP;
  if (part & DM_PART_GOVERNMENT_NOUN)
    return BODY_GOVERNMENT;
  if (part & DM_PART_REGIME_NOUN)
    return BODY_REGIME;
  if (part & DM_PART_COUNTRY_NOUN)
    return BODY_COUNTRY;
  return BODY_NONE;
}

static const DmRMention *last_body_from (DmRecognition *r,
                                         Scan          *s,
                                         BodyKind       kind,
                                         guint          from);

/* The actor of @kind named last, or NULL; for a government, NULL too when another
 * government was named within a few sentences ("urged the juntas in Mali and Niger … the
 * junta": which one is not told). */
static const DmRMention *
last_body (DmRecognition *r,
           Scan          *s,
           BodyKind       kind)
{
  const DmRMention *found = last_body_from (r, s, kind, r->mentions->len);

  if (found != NULL && (kind == BODY_GOVERNMENT || kind == BODY_REGIME))
    {
      for (guint k = r->mentions->len; k > 0; k--)
        {
          const DmRMention *other = last_body_from (r, s, kind, k);

          if (other == NULL || other->sentence + DEFINITE_SENTENCES < s->sentence)
            break;
          if (strcmp (other->actor, found->actor) != 0)
            return NULL;
          k = (guint) (other - dm_recognition_mention (r, 0)) + 1;
        }
    }
  return found;
}

/* The actor of @kind named last among the first @from mentions. */
static const DmRMention *
last_body_from (DmRecognition *r,
                Scan          *s,
                BodyKind       kind,
                guint          from)
{
  for (guint k = from; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      ActorInfo *info;
      const char *org_kind;

      /* a government is named once and called "the government" for the rest of the article */
      if (kind != BODY_REGIME && kind != BODY_GOVERNMENT && m->sentence + DEFINITE_SENTENCES < s->sentence)
        break;
      if (m->modifier || (m->nested && kind != BODY_COUNTRY) || m->actor == NULL)
        continue;
      if (kind == BODY_COUNTRY)
        {
          if (m->type == DM_ACTOR_COUNTRY && m->kind != DM_RMENTION_DEMONYM)
            return m;
          continue;
        }
      if (m->type != DM_ACTOR_ORGANIZATION)
        continue;
      info = g_hash_table_lookup (r->actors, m->actor);
      org_kind = info != NULL ? info->org_kind : NULL;
      if (kind == BODY_GOVERNMENT || kind == BODY_REGIME)
        {
          g_autofree char *lower = g_utf8_strdown (m->actor, -1);

          if (g_strcmp0 (org_kind, "government") == 0 || strstr (lower, "government") != NULL ||
              strstr (lower, "regime") != NULL || strstr (lower, "administration") != NULL)
            return m;
          continue;
        }
      if (g_strcmp0 (org_kind, "armed-group") == 0 ||
          (kind == BODY_GROUP && (g_strcmp0 (org_kind, "party") == 0 || g_strcmp0 (org_kind, "ngo") == 0)))
        return m;
    }
  return NULL;
}

/* Is a gerund right after token @k ("accused the government of ignoring …")? */
static gboolean
gerund_after (DmRecognition *r,
              Scan          *s,
              guint          k)
{
  return k + 1 < s->end && is_word (r, k + 1) && strlen (r->lower[k + 1]) > 4 &&
         g_str_has_suffix (r->lower[k + 1], "ing");
}

/* Does a country stand as an actor in the sentence so far (not inside a name, not a
 * modifier)? */
static gboolean
country_acts_in_sentence (DmRecognition *r,
                          Scan          *s)
{
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence)
        break;
      if (m->type == DM_ACTOR_COUNTRY && !m->nested && !m->modifier)
        return TRUE;
    }
  return FALSE;
}

/* The one country the article has named so far, as a country or by its people; NULL when
 * none or more than one. */
static const char *
the_only_country (DmRecognition *r)
{
  const char *country = NULL;

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->type != DM_ACTOR_COUNTRY || m->actor == NULL)
        continue;
      if (country != NULL && strcmp (country, m->actor) != 0)
        return NULL;
      country = m->actor;
    }
  return country;
}

/* "the group", "this terrorist organisation", "the regime", "the country": a definite
 * description of an actor named just before (up to two adjectives between). */
static gboolean
try_definite_body (DmRecognition *r,
                   Scan          *s,
                   guint          i,
                   guint         *next)
{
  guint head = i + 1;
  BodyKind kind = BODY_NONE;
  gboolean armed = FALSE;
  const DmRMention *antecedent;

  /* not "that": "recommends that every country" */
  if (!(word_is (r, i, "the") || word_is (r, i, "this")))
    return FALSE;
  for (; head < s->end && head <= i + 3; head++)
    {
      if (!is_word (r, head) || tok (r, head)->capitalized ||
          (dm_lexicon_name_part (r->lexicon, r->lower[head]) & DM_PART_QUANTIFIER))
        return FALSE;
      kind = body_kind (r, r->lower[head]);
      if (kind != BODY_NONE)
        break;
      armed |= (dm_lexicon_name_part (r->lexicon, r->lower[head]) & DM_PART_ARMED_ADJECTIVE) != 0;
    }
  if (kind == BODY_NONE)
    return FALSE;
  /* "the group's", "the group of states": a possessive is fine, "of" names another body (not
   * "accused the group of attacking");
   * "the nation coalition", "the government forces": the noun only modifies another */
  if (head + 1 < s->end && is_cap (r, head + 1))
    return FALSE;
  /* "the junta in Niger": a government placed by its country is that one (try_body_of_country) */
  if ((kind == BODY_GOVERNMENT || kind == BODY_REGIME) && head + 2 < s->end && word_is (r, head + 1, "in") &&
      is_cap (r, head + 2))
    return FALSE;
  if (head + 1 < s->end && is_word (r, head + 1) && !tok (r, head + 1)->capitalized &&
      ((word_is (r, head + 1, "of") && !gerund_after (r, s, head + 1)) ||
       body_kind (r, r->lower[head + 1]) != BODY_NONE ||
       (dm_lexicon_name_part (r->lexicon, r->lower[head + 1]) &
        (DM_PART_COLLECTIVE | DM_PART_SECTOR | DM_PART_GOVERNMENT_BODY | DM_PART_ARMED_BODY)) ||
       word_is (r, head + 1, "coalition") || word_is (r, head + 1, "leader") || word_is (r, head + 1, "leaders") ||
       word_is (r, head + 1, "official") || word_is (r, head + 1, "spokesman") || word_is (r, head + 1, "spokeswoman")))
    return FALSE;
  if (kind == BODY_GROUP && armed)
    kind = BODY_ARMED_GROUP;
  antecedent = last_body (r, s, kind);
  if (antecedent == NULL && kind == BODY_GOVERNMENT && head == i + 1 && the_only_country (r) != NULL &&
      !country_acts_in_sentence (r, s))
    {
      /* "Nigeria's unions … accused the government": of a story of one country, its own
       * ("the regional government" is another; "Colombia criticised the government" or
       * "Denmark stands with the government and people of Norway" another country's) */
      const char *country = the_only_country (r);
      const char *government = dm_recognizer_government_of (r, country);

      dm_recognizer_note_actor (r, government, DM_ACTOR_ORGANIZATION, NULL, country, i + 1);
      dm_recognizer_add_mention (r, s, i + 1, head, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, government,
                                 NULL, country);
      *next = head + 1;
      return TRUE;
    }
  if (antecedent == NULL)
    return FALSE;
  dm_recognizer_add_mention (r, s, i + 1, head, DM_RMENTION_DEFINITE, antecedent->type, antecedent->actor,
                             NULL, antecedent->affiliation);
  *next = head + 1;
  return TRUE;
}

/* Has the article named an armed group the lexicon knows ("Islamic State", "Hamas")? */
static gboolean
names_armed_group (DmRecognition *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      const DmLexEntity *e;

      if (m->actor == NULL || (m->type != DM_ACTOR_ORGANIZATION && m->type != DM_ACTOR_GROUP))
        continue;
      e = dm_lexicon_lookup_entity (r->lexicon, m->actor);
      if (e != NULL && g_strcmp0 (e->org_kind, "armed-group") == 0)
        return TRUE;
    }
  return FALSE;
}

/* "the group", "the student", "the Church", "the alliance": a definite description of an
 * actor named before. */
gboolean
dm_recognizer_try_definite (DmRecognition *r,
                            Scan          *s,
                            guint          i,
                            guint         *next)
{
  /* "Respect, the party backed by X": an apposition describes the unknown name before it */
  if (dm_recognizer_describes_unknown_name (r, s, i))
    return FALSE;
  if (try_definite_body (r, s, i, next) || dm_recognizer_try_nominal (r, s, i, next))
    return TRUE;

  /* "the Church" after "the Church of Scientology": a capitalised head word alone is the
   * organisation named before whose name holds it, not a new one */
  if (word_is (r, i, "the") && i + 1 < s->end && is_cap (r, i + 1) && !tok (r, i + 1)->all_caps &&
      !(i + 2 < s->end && (is_cap (r, i + 2) || (dm_lexicon_name_part (r->lexicon, r->lower[i + 2]) & DM_PART_CONNECTOR))) &&
      (dm_lexicon_name_part (r->lexicon, r->words[i + 1]) & DM_PART_ORG_HEAD) &&
      dm_lexicon_lookup_entity (r->lexicon, r->words[i + 1]) == NULL)
    {
      g_autofree char *noun = g_utf8_strdown (r->words[i + 1], -1);
      const char *actor = last_organization (r, noun);

      if (actor == NULL || g_ascii_strcasecmp (actor, r->words[i + 1]) == 0)
        return FALSE;
      dm_recognizer_add_mention (r, s, i + 1, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, actor, NULL,
                                 ((ActorInfo *) g_hash_table_lookup (r->actors, actor))->affiliation);
      *next = i + 2;
      return TRUE;
    }

  if (word_is (r, i, "the") && i + 1 < s->end && is_word (r, i + 1) && !tok (r, i + 1)->capitalized)
    {
      const char *noun = r->lower[i + 1];
      const char *actor = NULL;

      /* "the government of Iraq" is that country's (try_body_of_country); "the group" and
       * "the regime" that try_definite_body could not place stay unresolved */
      if ((i + 2 < s->end && word_is (r, i + 2, "of")) || body_kind (r, noun) != BODY_NONE)
        return FALSE;
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
          /* a military coalition only in a story of war: in politics "the coalition" is the
           * parties that govern */
          if (g_strcmp0 (e->org_kind, "military") == 0 && !names_armed_group (r))
            return FALSE;
          actor = dm_recognizer_intern (r, e->canonical);
          dm_recognizer_note_actor (r, actor, e->type, NULL, e->affiliation, i + 1)->org_kind = e->org_kind;
        }
      dm_recognizer_add_mention (r, s, i + 1, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, actor, NULL,
                   ((ActorInfo *) g_hash_table_lookup (r->actors, actor))->affiliation);
      *next = i + 2;
      return TRUE;
    }
  return FALSE;
}
