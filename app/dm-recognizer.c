/* dm-recognizer.c — finds the actors an article names: countries, officials, organisations
 *
 * Rules, tried left to right at each token of a sentence (longest match wins):
 *  1. a title of office, with an optional country or organisation before it and a name after
 *     it ("US Defence Secretary Pete Hegseth" → official, role, affiliation); a title with no
 *     name ("the Ukrainian president") refers back to the last official of that role, or is
 *     an actor of its own ("The Foreign Secretary met …") merged later with the one holder
 *     the article names (dm-recognizer-officials.c);
 *  2. the gazetteer (countries, capitals, demonyms, organisations), case as written; a capital
 *     after "in"/"at" is a place, not an actor; "NATO allies" and "European allies" are groups;
 *     a country followed by a name ending in "Forces"/"Ministry"… is that organisation;
 *     "Syrians", "the Iraqi people" are the country's people;
 *  3. references (dm-recognizer-refs.c): he/she → the person last named who agrees in
 *     gender; "the alliance", "the group", "the regime", "the country" → the last one of
 *     that kind named; I/we in a quotation → its speaker;
 *  4. unknown capitalised names by their shape: "Ministry of …", an organisation head word
 *     ("… Council"), a known given name ("Pete …"), a surname or given name already seen in
 *     full, the entity recognizer's persons and organisations (dm-recognizer-names.c), an
 *     acronym defined in the text.
 * Every mention of an actor in an article carries one canonical name (its longest form).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"


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
      const DmLexEntity *e = dm_recognizer_match_entity (r, s, j, &e_last, buf);

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

/* Rule 2: the gazetteer, with groups, national organisations and titles after it. */
static gboolean
try_gazetteer (DmRecognition *r,
               Scan          *s,
               guint          i,
               guint         *next,
               GString       *buf)
{
  guint last, group_last, tail;
  const DmLexEntity *e = dm_recognizer_match_entity (r, s, i, &last, buf);

  if (e == NULL)
    return FALSE;

  /* "Latin America", "Latin American countries": the name is the end of a place's or a
   * region's (nonactors.tsv), no actor of its own */
  if (i > s->first && is_cap (r, i - 1) && !newline_between (r, i - 1, i))
    {
      g_autofree char *phrase = g_strdup_printf ("%s %s", r->words[i - 1],
                                                 dm_recognizer_name_text (r, i, last));

      if (dm_lexicon_is_nonactor (r->lexicon, phrase))
        {
          *next = last + 1;
          return TRUE;
        }
    }

  /* "Syrian Arab Army", "Jordan Armed Forces": a national organisation not in the lexicon */
  if (e->kind != DM_LEX_ORG && last + 1 < s->end && is_cap (r, last + 1) &&
      (tail = dm_recognizer_scan_org_tail (r, s, last + 1)) != G_MAXUINT)
    {
      const char *name = dm_recognizer_name_text (r, i, tail);
      DmRMention *m = dm_recognizer_add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name,
                                   NULL, e->canonical);

      (void) m;
      dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_DEMONYM, e->type, e->canonical, NULL, NULL)->nested = TRUE;
      dm_recognizer_define_acronym (r, s, tail, name, DM_ACTOR_ORGANIZATION, e->canonical);
      *next = tail + 1;
      return TRUE;
    }

  /* "U.S. 5th Fleet", "UK 3rd Division": a numbered unit of the country's forces */
  if (e->kind != DM_LEX_ORG && last + 2 < s->end && dm_recognizer_is_ordinal (r, last + 1) && is_cap (r, last + 2) &&
      (tail = dm_recognizer_scan_org_tail (r, s, last + 2)) != G_MAXUINT)
    {
      dm_recognizer_add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION,
                                 dm_recognizer_name_text (r, i, tail), NULL, e->canonical);
      dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_DEMONYM, e->type, e->canonical, NULL, NULL)->nested = TRUE;
      *next = tail + 1;
      return TRUE;
    }

  /* "Iraqi forces", "Russian officials", "US troops": the country's armed forces or government */
  if (e->kind != DM_LEX_ORG && dm_recognizer_try_national_body (r, s, i, last, e, next))
    return TRUE;
  if (dm_recognizer_try_people_of_country (r, s, i, last, e, next))
    return TRUE;

  /* "NATO allies", "EU members" */
  if (e->kind == DM_LEX_ORG && (group_last = scan_group (r, s, i, last, buf)) != G_MAXUINT)
    {
      dm_recognizer_add_mention (r, s, i, group_last, DM_RMENTION_GROUP, DM_ACTOR_GROUP,
                   dm_recognizer_name_text (r, i, group_last), NULL, NULL);
      *next = group_last + 1;
      return TRUE;
    }

  /* "US Defence Secretary Pete Hegseth", "Ukrainian President Volodymyr Zelenskiy" */
  if (last + 1 < s->end && dm_recognizer_try_official (r, s, last + 1, e, i, next, buf))
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
  if ((e->kind == DM_LEX_CAPITAL || (e->type == DM_ACTOR_GROUP && last == i)) && dm_recognizer_is_place_context (r, s, i, last))
    {
      *next = last + 1;
      return TRUE;
    }

  dm_recognizer_add_mention (r, s, i, last,
               e->kind == DM_LEX_DEMONYM ? DM_RMENTION_DEMONYM :
               e->kind == DM_LEX_CAPITAL ? DM_RMENTION_CAPITAL : DM_RMENTION_NAME,
               e->type, e->canonical, NULL, e->kind == DM_LEX_ORG ? e->affiliation : NULL);
  /* "Syrian Democratic Forces": the country named inside an organisation's name */
  if (e->kind == DM_LEX_ORG && last > i)
    {
      const DmLexEntity *inner = dm_lexicon_lookup_entity (r->lexicon, r->words[i]);

      if (inner != NULL && (inner->kind == DM_LEX_DEMONYM || inner->kind == DM_LEX_COUNTRY))
        dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_DEMONYM, inner->type, inner->canonical, NULL, NULL)->nested = TRUE;
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
  dm_recognizer_add_mention (r, s, i, group_last, DM_RMENTION_GROUP, DM_ACTOR_GROUP,
               dm_recognizer_name_text (r, i, group_last), NULL, NULL);
  *next = group_last + 1;
  return TRUE;
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

  if (!dm_recognizer_is_name_token (r, i))
    return FALSE;
  /* "Putin attacked …": a known name is no common word opening the sentence */
  if (dm_recognizer_try_known_person (r, s, i, next, buf))
    return TRUE;
  if (dm_recognizer_is_sentence_initial_common (r, s, i) && !(dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START))
    return FALSE;

  /* "Assad's regime", "Assad’s brutal regime": the leader's government, and the leader a
   * person */
  if (!dm_recognizer_is_sentence_initial_common (r, s, i) && is_possessive (r, i + 1) && i + 2 < s->end &&
      (word_is (r, i + 2, "regime") ||
       (i + 3 < s->end && !tok (r, i + 2)->capitalized && word_is (r, i + 3, "regime"))) &&
      dm_lexicon_lookup_entity (r->lexicon, r->words[i]) == NULL)
    {
      const char *full = dm_recognizer_resolve_surname (r, r->words[i]);
      guint regime = word_is (r, i + 2, "regime") ? i + 2 : i + 3;
      g_autofree char *government = g_strdup_printf ("%s regime", r->words[i]);

      /* "attack by Assad’s regime": the regime acts, and names its leader */
      dm_recognizer_add_mention (r, s, i, regime, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, government, NULL, NULL);
      dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_PERSON, full ? full : r->words[i], NULL, NULL)->nested = TRUE;
      *next = regime + 1;
      return TRUE;
    }

  /* "Biden administration", "Assad regime": a leader's government */
  if (i + 1 < s->end && tok (r, i + 1)->kind == DM_TOKEN_WORD && !tok (r, i + 1)->capitalized &&
      (word_is (r, i + 1, "administration") || word_is (r, i + 1, "regime") ||
       word_is (r, i + 1, "government") || word_is (r, i + 1, "cabinet")) &&
      !dm_lexicon_is_nonactor (r->lexicon, r->words[i]))
    {
      const char *full = dm_recognizer_resolve_surname (r, r->words[i]);
      ActorInfo *leader = full ? g_hash_table_lookup (r->actors, full) : NULL;
      gboolean known = leader != NULL || dm_lexicon_is_given_name (r->lexicon, r->words[i]) == FALSE;

      if (known && !dm_recognizer_is_sentence_initial_common (r, s, i))
        {
          name = dm_recognizer_name_text (r, i, i + 1);
          dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL,
                       leader ? leader->affiliation : NULL);
          /* the leader is named too */
          if ((leader == NULL || leader->type == DM_ACTOR_PERSON || leader->type == DM_ACTOR_OFFICIAL) &&
              (word_is (r, i + 1, "regime") || word_is (r, i + 1, "administration")))
            dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, leader ? leader->type : DM_ACTOR_PERSON,
                                       full ? full : r->words[i], leader ? leader->role : NULL,
                                       leader ? leader->affiliation : NULL)->nested = TRUE;
          *next = i + 2;
          return TRUE;
        }
    }

  /* "Ministry of Foreign Affairs" is an organisation, never a person "Foreign Affairs" */
  tail = dm_recognizer_scan_org_of (r, s, i);
  if (tail != G_MAXUINT)
    {
      const char *org_name = dm_recognizer_name_text (r, i, tail);
      guint country_last;
      const DmLexEntity *country = NULL;

      /* "Ministry of Foreign Affairs of Syria": the country at its end is its affiliation */
      for (guint k = i + 2; k <= tail && country == NULL; k++)
        if ((country = dm_recognizer_match_entity (r, s, k, &country_last, buf)) != NULL &&
            (country->kind != DM_LEX_COUNTRY || country_last != tail))
          country = NULL;
      dm_recognizer_add_mention (r, s, i, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, org_name, NULL,
                   country ? country->canonical : NULL);
      dm_recognizer_define_acronym (r, s, tail, org_name, DM_ACTOR_ORGANIZATION, country ? country->canonical : NULL);
      *next = tail + 1;
      return TRUE;
    }

  /* "Ministry of Defence", "Central Command", "Arab Army" */
  tail = dm_recognizer_scan_org_tail (r, s, i);
  if (tail != G_MAXUINT && (tail > i || (dm_lexicon_name_part (r->lexicon, r->words[i]) & DM_PART_ORG_START) == 0))
    {
      /* "158th Fighter Wing", "5th Fleet": the unit's number is part of its name */
      guint first = i > s->first && dm_recognizer_is_ordinal (r, i - 1) ? i - 1 : i;

      if (tail == first)
        return FALSE;  /* a bare "Council" is not a name */
      name = dm_recognizer_name_text (r, first, tail);
      dm_recognizer_add_mention (r, s, first, tail, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, name, NULL, NULL);
      dm_recognizer_define_acronym (r, s, tail, name, DM_ACTOR_ORGANIZATION, NULL);
      *next = tail + 1;
      return TRUE;
    }

  /* a known given name, or a name particle ("Abu Jandal", "Bin Salman"), starts a person's name */
  if ((dm_lexicon_is_given_name (r->lexicon, r->words[i]) ||
       ((dm_lexicon_name_part (r->lexicon, r->lower[i]) & DM_PART_PARTICLE) && strlen (r->words[i]) > 2 &&
        i + 1 < s->end && dm_recognizer_is_name_token (r, i + 1))) &&
      !dm_recognizer_names_a_thing (r, s, i))  /* "FS Charles de Gaulle" is a ship */
    {
      last = dm_recognizer_scan_person_name (r, s, i, buf);
      if (last != G_MAXUINT && last > i)
        {
          const char *canonical = dm_recognizer_person_canonical (r, i, last);
          ActorInfo *info = g_hash_table_lookup (r->actors, canonical);

          if (dm_recognizer_try_appositive (r, s, canonical, i, last, next, buf))
            return TRUE;
          dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_NAME, info ? info->type : DM_ACTOR_PERSON, canonical,
                       info ? info->role : NULL, info ? info->affiliation : NULL);
          *next = last + 1;
          return TRUE;
        }
    }

  if (dm_recognizer_try_family_first_name (r, s, i, next))
    return TRUE;

  /* a surname seen before in full: "Abadi", "De Wever" */
  if (i + 1 < s->end && is_cap (r, i + 1))
    {
      g_autofree char *two = g_strdup_printf ("%s %s", r->words[i], r->words[i + 1]);
      const char *full = dm_recognizer_resolve_surname (r, two);
      ActorInfo *info = full != NULL ? g_hash_table_lookup (r->actors, full) : NULL;

      if (info != NULL)
        {
          dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_NAME, info->type, full, info->role, info->affiliation);
          *next = i + 2;
          return TRUE;
        }
    }
  {
    const char *full = dm_recognizer_resolve_surname (r, r->words[i]);
    /* a name is only registered as an actor's once it was mentioned as one */
    ActorInfo *info = full != NULL ? g_hash_table_lookup (r->actors, full) : NULL;

    /* "Wong Yeung-tat" after "Raymond Wong": the model's longer name is another person */
    if (info != NULL && !dm_recognizer_model_names_more (r, s, i))
      {
        dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, info->type, full, info->role, info->affiliation);
        *next = i + 1;
        return TRUE;
      }
  }

  /* an organisation's name of two or three words said again ("resigned from Civic Passion"
   * after "Civic Passion's leader"): the model need not find it a second time */
  for (guint len = 3; len >= 2; len--)
    {
      ActorInfo *info;
      gboolean caps = i + len <= s->end;

      for (guint k = i + 1; caps && k < i + len; k++)
        caps = is_cap (r, k);
      if (!caps)
        continue;
      g_string_truncate (buf, 0);
      for (guint k = i; k < i + len; k++)
        g_string_append_printf (buf, k > i ? " %s" : "%s", r->words[k]);
      info = g_hash_table_lookup (r->actors, buf->str);
      if (info != NULL && info->type == DM_ACTOR_ORGANIZATION &&
          !(i + len < s->end && is_cap (r, i + len)))
        {
          dm_recognizer_add_mention (r, s, i, i + len - 1, DM_RMENTION_NAME, info->type,
                                     dm_recognizer_name_text (r, i, i + len - 1), info->role,
                                     info->affiliation);
          *next = i + len;
          return TRUE;
        }
    }

  /* a name the entity recognizer found: "Lama Fakih", "Rupert Colville" */
  if (dm_recognizer_try_ner_name (r, s, i, next, buf))
    return TRUE;

  /* "NAVCENT", "USCENTCOM": an unknown acronym of three or more capitals is an organisation */
  if (tok (r, i)->all_caps && strlen (r->words[i]) >= 3 && strlen (r->words[i]) <= 9 &&
      strchr (r->words[i], '-') == NULL && strchr (r->words[i], '.') == NULL &&
      !(i + 1 < s->end && tok (r, i + 1)->all_caps) &&
      !(i + 1 < s->end && g_ascii_isdigit (r->words[i + 1][0])))  /* "(DDG 70)": a hull number */
    {
      gboolean letters = TRUE;

      for (const char *p = r->words[i]; *p; p++)
        if (!g_ascii_isupper (*p))
          letters = FALSE;
      if (letters)
        {
          dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_NAME, DM_ACTOR_ORGANIZATION, r->words[i], NULL, NULL);
          *next = i + 1;
          return TRUE;
        }
    }

  /* two or three capitalised words followed by a verb of saying or ", who": a person */
  last = dm_recognizer_scan_person_name (r, s, i, buf);
  if (last != G_MAXUINT && last > i && last - i <= 2 && last + 1 < s->end && !dm_recognizer_names_a_thing (r, s, i))
    {
      const char *after = r->lower[last + 1];

      if (strcmp (after, "said") == 0 || strcmp (after, "says") == 0 || strcmp (after, "told") == 0 ||
          (strcmp (after, ",") == 0 && last + 2 < s->end &&
           (strcmp (r->lower[last + 2], "who") == 0 || strcmp (r->lower[last + 2], "the") == 0)) ||
          dm_recognizer_has_person_apposition (r, s, last))
        {
          const char *canonical = dm_recognizer_person_canonical (r, i, last);

          dm_recognizer_add_mention (r, s, i, last, DM_RMENTION_NAME, DM_ACTOR_PERSON, canonical, NULL, NULL);
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

      if (dm_recognizer_try_service_before_rank (r, &s, i, &next, buf) ||
          dm_recognizer_try_office_of_title (r, &s, i, &next, buf) ||
          dm_recognizer_try_local_government (r, &s, i, &next, buf) ||
          dm_recognizer_try_group_phrase (r, &s, i, &next, buf) ||
          dm_recognizer_try_official (r, &s, i, NULL, i, &next, buf) ||
          dm_recognizer_try_ner_over_gazetteer (r, &s, i, &next, buf) ||
          dm_recognizer_try_surname_over_capital (r, &s, i, &next, buf) ||
          dm_recognizer_try_coordinated_country (r, &s, i, &next, buf) ||
          dm_recognizer_try_coordinated_heads (r, &s, i, &next) ||
          dm_recognizer_try_coordinated_body (r, &s, i, &next, buf) ||
          dm_recognizer_try_elliptic_country (r, &s, i, &next) ||
          try_gazetteer (r, &s, i, &next, buf) ||
          dm_recognizer_try_body_of_country (r, &s, i, &next, buf) ||
          dm_recognizer_try_hyphen_prefix (r, &s, i, &next) ||
          dm_recognizer_try_speaker (r, &s, i, &next) ||
          try_region_group (r, &s, i, &next, buf) ||
          dm_recognizer_try_named_kind (r, &s, i, &next, buf) ||
          dm_recognizer_try_name_before_kind (r, &s, i, &next, buf) ||
          dm_recognizer_try_bare_body (r, &s, i, &next) ||
          dm_recognizer_try_reference (r, &s, i, &next) ||
          dm_recognizer_try_shared_surname (r, &s, i, &next, buf) ||
          try_unknown (r, &s, i, &next, buf))
        {
          g_assert (next > i);
          i = next;
          continue;
        }
      i++;
    }

  dm_recognizer_note_subject (r, &s, first_mention);
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
        r->lower[i] = dm_text_chunk_strdown (r->strings, r->words[i], t->end - t->start);
      else
        r->lower[i] = r->words[i];
      /* "We've", "they're", "I'm": the tokenizer keeps the pronoun and its clitic together;
       * the rules read the pronoun */
      r->lower[i] = (char *) dm_recognizer_contracted_pronoun (r->lower[i]);
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
        {
          const DmNerSpan *span = &g_array_index (r->names, DmNerSpan, k);

          r->name_at[span->first] = (int) k;
          g_debug ("model name %s: %.*s", dm_ner_type_name (span->type),
                   (int) (dm_text_doc_token (doc, span->last)->end - dm_text_doc_token (doc, span->first)->start),
                   doc->text + dm_text_doc_token (doc, span->first)->start);
        }
    }
  else
    r->names = g_array_new (FALSE, FALSE, sizeof (DmNerSpan));

  dm_recognizer_register_leaders (r, buf);
  for (guint s = 0; s < doc->sentences->len; s++)
    recognize_sentence (r, s, buf);


  dm_recognizer_name_regime_leaders (r);
  dm_recognizer_resolve_quotations (r);
  dm_recognizer_resolve_kin (r);
  dm_recognizer_link_early_surnames (r);
  dm_recognizer_name_offices (r);
  dm_recognizer_affiliate_preposed (r);
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
