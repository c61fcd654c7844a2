/* dm-recognizer-nominal.c — who "the student", "the church" and "the organisation" are
 *
 * A definite noun phrase names an actor the article named before when its head noun
 * describes that actor:
 *  - a person's descriptor, written before the name ("Texas student Jane Roe") or as the head
 *    of an apposition after it ("Jane Roe, a retired nurse from Leeds"): "the student",
 *    "the nurse";
 *  - the head word of an organisation's name: "the Springfield Fire Department" … "the
 *    department", "the Church of Zoroaster" … "the church";
 *  - a class noun ("the organisation", "the company") when one organisation alone was named
 *    in the last few sentences;
 *  - a capitalised word alone that begins or ends the name of a country or organisation
 *    named before: "South Korea" … "the South";
 *  - a man's or a woman's noun ("the man", "the girl"): the one person of that gender named
 *    just before, when no one else was;
 *  - a plural noun for people ("the girls", "the players"): the people of the one team or
 *    other group named just before by a singular noun ("the Kenyan team");
 *  - "police", "army" without a determiner: the one police force or army named just before
 *    ("the Springfield Police Department" … "handcuffed by police").
 * When two actors fit, the phrase names no one: it stays unresolved rather than guessed, and
 * a phrase that resolves never makes a new actor of its own.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-lexicon-private.h"
#include "dm-recognizer-private.h"

/* A person's descriptor holds for the article; an organisation's head word or class noun
 * only for the stretch where it is the organisation being written about. */
#define DESCRIPTOR_SENTENCES 12
#define ORGANIZATION_SENTENCES 6

/* Grammar words that end a noun phrase before them: "the student was", "the church which",
 * "the boy from". */
gboolean
dm_recognizer_is_phrase_closer (const char *word)
{
  static const char * const closers[] = {
    "is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would", "could",
    "can", "should", "may", "might", "must", "did", "does", "do", "and", "or", "but", "nor",
    "who", "whom", "which", "that", "whose", "to", "in", "at", "on", "for", "with", "by",
    "from", "after", "before", "since", "as", "also", "then", "not", "never", "into", "over",
    "during", "while", "when", "because", "if", "about", "against", "than", "himself",
    "herself", "itself", "themselves", "later", "again", "now", "still", "already",
    "through", "under", "until", "without", "within", "toward", "towards", "upon",
  };

  for (guint k = 0; k < G_N_ELEMENTS (closers); k++)
    if (word[0] == closers[k][0] && strcmp (word, closers[k]) == 0)   /* most differ at once */
      return TRUE;
  return FALSE;
}

/* Does the noun phrase end before token @k (a sentence ending at @end)? Punctuation, a
 * possessive, a grammar word, a verb or a participle do end it ("the student arrested", "the boy's");
 * another lower-case word may be the real head ("the student union"), a capital the name
 * the noun describes ("the student Jane Roe"). */
gboolean
dm_recognizer_ends_noun_phrase (DmRecognition *r,
                                guint          k,
                                guint          end)
{
  const char *w;

  if (k >= end || is_possessive (r, k) || !is_word (r, k))
    return TRUE;
  if (tok (r, k)->capitalized)
    return FALSE;
  w = r->lower[k];
  if (dm_recognizer_is_phrase_closer (w) || dm_lexicon_lookup_verb (r->lexicon, w) != NULL)
    return TRUE;
  /* "the boy arrested", "the boy wearing a T-shirt": a participle after the noun */
  return (strlen (w) > 4 && g_str_has_suffix (w, "ed")) || (strlen (w) > 5 && g_str_has_suffix (w, "ing"));
}

/* The head of "the [adjective [adjective]] noun" at @i, or 0: the first lower-case word
 * after which the phrase ends. */
static guint
nominal_head (DmRecognition *r,
              Scan          *s,
              guint          i)
{
  for (guint h = i + 1; h < s->end && h <= i + 3; h++)
    {
      if (!is_word (r, h) || tok (r, h)->capitalized || is_possessive (r, h) ||
          dm_recognizer_is_phrase_closer (r->lower[h]) || !g_ascii_isalpha (r->lower[h][0]) ||
          (dm_lexicon_name_part (r->lexicon, r->lower[h]) & (DM_PART_QUANTIFIER | DM_PART_CONNECTOR)))
        return 0;
      if (dm_recognizer_ends_noun_phrase (r, h + 1, s->end))
        return h;
    }
  return 0;
}

/* An apposition ends in punctuation or goes on with where the person is from or who they
 * are ("Jane Roe, a nurse from Leeds", "…, a nurse who"); "Jane Roe, the nurse said" is
 * not one. */
static gboolean
closes_apposition (DmRecognition *r,
                   guint          k,
                   guint          end)
{
  static const char * const continuations[] = {
    "from", "of", "in", "at", "with", "who", "whose", "for", "based", "and",
  };

  if (k >= end || !is_word (r, k))
    return TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (continuations); c++)
    if (word_is (r, k, continuations[c]))
      return TRUE;
  return FALSE;
}

/* Does @noun look plural ("schools", not "boss", "status", "analysis")? */
gboolean
dm_recognizer_is_plural_noun (const char *noun)
{
  return g_str_has_suffix (noun, "s") && !g_str_has_suffix (noun, "ss") &&
         !g_str_has_suffix (noun, "us") && !g_str_has_suffix (noun, "is");
}

/* Is @noun the last word of organisations' names ("department", "church")? The lexicon
 * spells them capitalised. */
static gboolean
is_org_head (DmRecognition *r,
             const char    *noun)
{
  g_autofree char *title_case = g_strdup (noun);

  title_case[0] = g_ascii_toupper (title_case[0]);
  return (dm_lexicon_name_part (r->lexicon, title_case) & DM_PART_ORG_HEAD) != 0;
}

static gboolean
is_person (const DmRMention *m)
{
  return m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL;
}

/* Is the lower-case word @noun said of a person: a person's, a man's or a woman's noun, or a
 * title ("prosecutor", "spokeswoman")? */
gboolean
dm_recognizer_is_person_word (DmRecognition *r,
                              const char    *noun)
{
  return (dm_lexicon_name_part (r->lexicon, noun) & (DM_PART_PERSON_NOUN | DM_PART_MALE_NOUN | DM_PART_FEMALE_NOUN)) != 0 ||
         dm_lexicon_lookup_title (r->lexicon, noun) != NULL;
}

/* The nouns said of the person named at @m: the lower-case noun right before the name
 * ("student Jane Roe", "the prosecutor, Jane Roe") and the head of an apposition after it
 * ("Jane Roe, a retired nurse from Leeds", "Jane Roe, an Australian woman and former nurse");
 * G_MAXUINT where there is none. */
static void
name_descriptors (DmRecognition    *r,
                  const DmRMention *m,
                  guint             descriptors[3])
{
  guint n = r->doc->tokens->len;
  const DmSentence *sent = dm_text_doc_sentence (r->doc, m->sentence);
  guint end = MIN (n, sent->first_token + sent->n_tokens);
  guint k;

  descriptors[0] = descriptors[1] = descriptors[2] = G_MAXUINT;
  /* not a verb's noun run on into the name ("Responding to the report Gareth Bayley said") */
  if (m->first > sent->first_token && is_word (r, m->first - 1) && !tok (r, m->first - 1)->capitalized &&
      g_ascii_isalpha (r->lower[m->first - 1][0]) && !dm_recognizer_is_phrase_closer (r->lower[m->first - 1]) &&
      dm_lexicon_lookup_verb (r->lexicon, r->lower[m->first - 1]) == NULL)
    descriptors[0] = m->first - 1;
  /* across a comma only a person's noun: "In court, Jane Roe said" does not make her one */
  if (descriptors[0] == G_MAXUINT && m->first >= sent->first_token + 2 && strcmp (r->words[m->first - 1], ",") == 0 &&
      is_word (r, m->first - 2) && !tok (r, m->first - 2)->capitalized &&
      dm_recognizer_is_person_word (r, r->lower[m->first - 2]))
    descriptors[0] = m->first - 2;
  k = m->last + 1;
  if (k + 2 >= end || strcmp (r->words[k], ",") != 0 ||
      !(word_is (r, k + 1, "a") || word_is (r, k + 1, "an") || word_is (r, k + 1, "the")))
    return;
  for (k += 2; k < end && k < m->last + 12; k++)
    {
      if (word_is (r, k, "a") || word_is (r, k, "an"))
        continue;
      if (!is_word (r, k) || dm_recognizer_is_phrase_closer (r->lower[k]) || word_is (r, k, "of"))
        return;
      if (!tok (r, k)->capitalized && closes_apposition (r, k + 1, end))
        {
          /* "a retired nurse and mother of two": both nouns are said of her */
          descriptors[descriptors[1] == G_MAXUINT ? 1 : 2] = k;
          if (descriptors[2] != G_MAXUINT || !word_is (r, k + 1, "and"))
            return;
          k++;
        }
    }
}

static gboolean
describes_name (DmRecognition    *r,
                const DmRMention *m,
                const char       *noun)
{
  guint descriptors[3];

  name_descriptors (r, m, descriptors);
  for (guint d = 0; d < 3; d++)
    if (descriptors[d] != G_MAXUINT && strcmp (r->lower[descriptors[d]], noun) == 0)
      return TRUE;
  return FALSE;
}

/* 'm' or 'f' when the article called the person @actor a man or a woman ("Jane Roe, a
 * retired nurse and mother of two", "the boy"), else 0: for pronouns when the given name
 * does not tell. */
char
dm_recognizer_described_gender (DmRecognition *r,
                                const char    *actor)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      guint descriptors[3];

      if (m->kind != DM_RMENTION_NAME || m->nested || g_strcmp0 (m->actor, actor) != 0)
        continue;
      name_descriptors (r, m, descriptors);
      for (guint d = 0; d < 3; d++)
        {
          guint part = descriptors[d] != G_MAXUINT ? dm_lexicon_name_part (r->lexicon, r->lower[descriptors[d]]) : 0;

          if (part & DM_PART_MALE_NOUN)
            return 'm';
          if (part & DM_PART_FEMALE_NOUN)
            return 'f';
        }
    }
  return 0;
}

/* Was @actor called @noun: in a descriptor by the name, or by the last word of an official's
 * title ("President Bola Tinubu" is "the president" as much as "NLC president Joe Ajaero")? */
static gboolean
actor_described (DmRecognition *r,
                 const char    *actor,
                 const char    *noun)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, actor);

  if (info != NULL && info->type == DM_ACTOR_OFFICIAL && info->role != NULL)
    {
      const char *last = strrchr (info->role, ' ');

      if (g_ascii_strcasecmp (last != NULL ? last + 1 : info->role, noun) == 0)
        return TRUE;
    }
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->kind == DM_RMENTION_NAME && !m->nested && strcmp (m->actor, actor) == 0 &&
          describes_name (r, m, noun))
        return TRUE;
    }
  return FALSE;
}

/* Is @noun the head word of the organisation's name @name: its last word, or the word before
 * "of" ("Church of …", "Court of …")? */
static gboolean
heads_name (const char *name,
            const char *noun)
{
  g_autofree char *lower = dm_text_strdown_take (g_strdup (name), strlen (name));
  g_auto(GStrv) words = g_strsplit (lower, " ", -1);
  guint n = g_strv_length (words);

  if (n == 0)
    return FALSE;
  for (guint k = 1; k < n; k++)
    if (strcmp (words[k], "of") == 0 || strcmp (words[k], "for") == 0)
      return strcmp (words[k - 1], noun) == 0;
  return n > 1 && strcmp (words[n - 1], noun) == 0;
}

static gboolean
org_fits (DmRecognition    *r,
          const DmRMention *m,
          const char       *noun,
          gboolean          class_noun)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, m->actor);

  if (class_noun)
    return info == NULL || g_strcmp0 (info->org_kind, "media") != 0;
  /* "the team" again, after "the team" was found to be the Afghan team */
  if (heads_name (m->actor, noun) || (m->kind == DM_RMENTION_DEFINITE && strcmp (r->lower[m->last], noun) == 0))
    return TRUE;
  /* "the party" is the AfD as much as the Social Democratic Party: the kind the lexicon
   * gives it */
  {
    const DmLexEntity *e = dm_lexicon_lookup_entity (r->lexicon, m->actor);

    if (e != NULL && e->kind == DM_LEX_ORG && g_strcmp0 (e->org_kind, noun) == 0)
      return TRUE;
  }
  /* the name as written ("the Springfield Fire Department" for a canonical "SFD") */
  if ((m->kind == DM_RMENTION_NAME || m->kind == DM_RMENTION_GROUP) && m->first < m->last)
    {
      for (guint k = m->first + 1; k <= m->last; k++)
        if (word_is (r, k, "of") || word_is (r, k, "for"))
          return strcmp (r->lower[k - 1], noun) == 0;
      return strcmp (r->lower[m->last], noun) == 0;
    }
  return FALSE;
}

typedef enum {
  FIT_PERSON,        /* a descriptor of a named person */
  FIT_ORGANIZATION,  /* the head word of an organisation's or a named group's name */
  FIT_ORG_CLASS,     /* "the organisation": any organisation */
} Fit;

/* The one actor recently named that @noun fits, or NULL when none or two do. */
static const DmRMention *
nominal_antecedent (DmRecognition *r,
                    Scan          *s,
                    const char    *noun,
                    Fit            fit)
{
  guint window = fit == FIT_PERSON ? DESCRIPTOR_SENTENCES : ORGANIZATION_SENTENCES;
  g_autoptr(GPtrArray) tried = g_ptr_array_new ();
  const DmRMention *found = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      gboolean fits;

      if (m->sentence + window < s->sentence)
        break;
      if (m->actor == NULL || m->modifier || m->nested)
        continue;
      if (fit == FIT_PERSON ? !is_person (m) :
          m->type != DM_ACTOR_ORGANIZATION &&
          /* "the Afghan team" … "the team": a named group too */
          !(fit == FIT_ORGANIZATION && m->type == DM_ACTOR_GROUP &&
            (m->first < m->last || m->kind == DM_RMENTION_DEFINITE)))
        continue;
      if (found != NULL && strcmp (found->actor, m->actor) == 0)
        continue;
      if (g_ptr_array_find_with_equal_func (tried, m->actor, g_str_equal, NULL))
        continue;
      g_ptr_array_add (tried, (gpointer) m->actor);
      fits = fit == FIT_PERSON ? actor_described (r, m->actor, noun) : org_fits (r, m, noun, fit == FIT_ORG_CLASS);
      if (!fits)
        continue;
      if (found != NULL)
        {
          g_debug ("“the %s”: %s or %s, unresolved", noun, found->actor, m->actor);
          return NULL;
        }
      found = m;
    }
  return found;
}

/* Is @word the first or the last word of @name ("South" of "South Korea")? */
static gboolean
begins_or_ends (const char *name,
                const char *word)
{
  gsize len = strlen (word);
  gsize name_len = strlen (name);

  if (name_len <= len)
    return FALSE;
  return (g_ascii_strncasecmp (name, word, len) == 0 && name[len] == ' ') ||
         (g_ascii_strcasecmp (name + name_len - len, word) == 0 && name[name_len - len - 1] == ' ');
}

/* "the South" after "South Korea", "the Court" after "the Supreme Court": a capitalised word
 * alone, no name of its own, that begins or ends the name of the one country or organisation
 * named recently that has it. */
static gboolean
try_name_word (DmRecognition *r,
               Scan          *s,
               guint          i,
               guint         *next)
{
  guint w = i + 1;
  const DmRMention *found = NULL;

  /* "the Assad regime": the name only modifies the noun after it */
  if (w >= s->end || !is_cap (r, w) || tok (r, w)->all_caps || !g_ascii_isalpha (r->words[w][0]) ||
      !dm_recognizer_ends_noun_phrase (r, w + 1, s->end) || is_possessive (r, w + 1) ||
      (w + 1 < s->end && (dm_lexicon_name_part (r->lexicon, r->lower[w + 1]) & DM_PART_CONNECTOR)) ||
      dm_lexicon_lookup_entity (r->lexicon, r->words[w]) != NULL)
    return FALSE;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence + ORGANIZATION_SENTENCES < s->sentence)
        break;
      if (m->actor == NULL || m->modifier || m->kind == DM_RMENTION_DEMONYM ||
          (m->type != DM_ACTOR_ORGANIZATION && m->type != DM_ACTOR_COUNTRY))
        continue;
      if (!begins_or_ends (m->actor, r->words[w]) &&
          !(m->kind == DM_RMENTION_NAME && m->first < m->last &&
            (strcmp (r->words[m->first], r->words[w]) == 0 || strcmp (r->words[m->last], r->words[w]) == 0)))
        continue;
      if (found != NULL && strcmp (found->actor, m->actor) != 0)
        return FALSE;
      found = m;
    }
  if (found == NULL)
    return FALSE;
  dm_recognizer_add_mention (r, s, w, w, DM_RMENTION_DEFINITE, found->type, found->actor, NULL, found->affiliation);
  *next = w + 1;
  return TRUE;
}

static char
person_gender (DmRecognition *r,
               const char    *actor)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, actor);

  if (info != NULL && info->gender != 0)
    return info->gender;
  return dm_recognizer_described_gender (r, actor);
}

/* Is @m a person's own mention (not a modifier, not nested), other than @found's actor? */
static gboolean
is_other_person (const DmRMention *m,
                 const DmRMention *found)
{
  return m->actor != NULL && !m->modifier && !m->nested && is_person (m) &&
         (found == NULL || strcmp (found->actor, m->actor) != 0);
}

/* The one person the sentence before and this one so far are about: "Police questioned the
 * student. Pictures of the boy …" goes on about the person just mentioned, however many
 * others the paragraph named before. Two people there, or one of the other gender, leave it
 * to no one. */
static const DmRMention *
salient_person (DmRecognition *r,
                Scan          *s,
                char           gender)
{
  const DmRMention *found = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence + 1 < s->sentence)
        break;
      if (!is_other_person (m, found))
        continue;
      g = person_gender (r, m->actor);
      if (found != NULL || (g != 0 && g != gender))
        return NULL;
      found = m;
    }
  return found;
}

/* "the man", "the girl" that no descriptor placed: the one person of that gender named in
 * the last few sentences, when no other one, nor anyone of no known gender, was; else the
 * one person the sentence before was about. */
static const DmRMention *
gendered_antecedent (DmRecognition *r,
                     Scan          *s,
                     char           gender)
{
  const DmRMention *found = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      char g;

      if (m->sentence + PRONOUN_SENTENCES < s->sentence)
        break;
      if (!is_other_person (m, found))
        continue;
      g = person_gender (r, m->actor);
      if (g != 0 && g != gender)
        continue;
      if (found != NULL || g == 0)
        return salient_person (r, s, gender);
      found = m;
    }
  return found;
}

/* Is the plural @noun a kind of people ("girls", "women", "players", "children"): the
 * plural of a man's, a woman's or a person's noun? */
gboolean
dm_recognizer_is_people_noun (DmRecognition *r,
                              const char    *noun)
{
  static const char * const irregular[][2] = {
    { "men", "man" }, { "women", "woman" }, { "children", "child" }, { "people", "person" },
  };
  g_autofree char *singular = NULL;
  gsize len = strlen (noun);

  /* "businessmen" is the plural of "businessman" */
  for (guint k = 0; k < G_N_ELEMENTS (irregular) && singular == NULL; k++)
    if (g_str_has_suffix (noun, irregular[k][0]))
      singular = g_strdup_printf ("%.*s%s", (int) (len - strlen (irregular[k][0])), noun, irregular[k][1]);
  if (singular == NULL)
    {
      if (!dm_recognizer_is_plural_noun (noun) || len < 4)
        return FALSE;
      singular = g_strndup (noun, len - 1);
    }
  return (dm_lexicon_name_part (r->lexicon, singular) &
          (DM_PART_MALE_NOUN | DM_PART_FEMALE_NOUN | DM_PART_PERSON_NOUN)) != 0;
}

/* "the girls", "the players" after "the Kenyan team": the people of the one group named by
 * more than a bare noun, and by a singular one, in the last few sentences. A group named in
 * the plural ("Syrian refugees") has its own noun for its people, and "the women" among them
 * may be only some. */
static const DmRMention *
group_of_people (DmRecognition *r,
                 Scan          *s)
{
  const DmRMention *found = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence + ORGANIZATION_SENTENCES < s->sentence)
        break;
      if (m->actor == NULL || m->modifier || m->nested || m->type != DM_ACTOR_GROUP ||
          !(m->first < m->last || m->kind == DM_RMENTION_DEFINITE) ||
          dm_recognizer_is_plural_noun (r->lower[m->last]) ||
          (found != NULL && strcmp (found->actor, m->actor) == 0))
        continue;
      if (found != NULL)
        return NULL;
      found = m;
    }
  return found;
}

/* Is "the" at @i an apposition to an unknown name that opens the sentence or a clause joined
 * by "and"/"but", set off by commas ("Respect, the party backed by X, came fourth")? The
 * phrase describes that name, not a party named before. A grammar word opening the sentence
 * ("On Monday, the party") or an adverb without a closing comma ("However, the party said")
 * is no name. */
#define APPOSITION_TOKENS 10

gboolean
dm_recognizer_describes_unknown_name (DmRecognition *r,
                                      Scan          *s,
                                      guint          i)
{
  const DmRMention *prev;
  guint k;
  gboolean closed = FALSE;

  if (i < s->first + 2 || !word_is (r, i - 1, ",") || !is_cap (r, i - 2))
    return FALSE;
  for (k = i - 2; k > s->first && is_cap (r, k - 1); k--)
    ;
  /* the name opens the sentence or a clause joined to it ("…, and Respect, the party …") */
  if ((k != s->first && !word_is (r, k - 1, "and") && !word_is (r, k - 1, "but")) ||
      dm_recognizer_is_phrase_closer (r->lower[k]))
    return FALSE;
  for (guint j = i + 1; j < s->end && j <= i + APPOSITION_TOKENS && !closed; j++)
    closed = word_is (r, j, ",");
  if (!closed)
    return FALSE;
  prev = r->mentions->len > 0 ? dm_recognition_mention (r, r->mentions->len - 1) : NULL;
  return prev == NULL || prev->sentence != s->sentence || prev->last != i - 2;
}

/* "the student", "the department", "this organisation", "these girls" at @i: a mention of the
 * actor named before that the head noun describes. */
gboolean
dm_recognizer_try_nominal (DmRecognition *r,
                           Scan          *s,
                           guint          i,
                           guint         *next)
{
  gboolean plural_determiner = word_is (r, i, "these") || word_is (r, i, "those");
  const DmRMention *antecedent;
  const char *noun;
  guint head;

  if (!(word_is (r, i, "the") || word_is (r, i, "this") || plural_determiner))
    return FALSE;
  if (word_is (r, i, "the") && try_name_word (r, s, i, next))
    return TRUE;
  head = nominal_head (r, s, i);
  if (head == 0)
    return FALSE;
  noun = r->lower[head];
  /* "these girls": a plural only */
  if (plural_determiner && !dm_recognizer_is_people_noun (r, noun))
    return FALSE;
  /* "the department of health": another body, named by what follows */
  if (head + 1 < s->end && word_is (r, head + 1, "of"))
    return FALSE;
  /* a plural is not one person, nor is a department or a church */
  antecedent = dm_recognizer_is_plural_noun (noun) || is_org_head (r, noun) ? NULL : nominal_antecedent (r, s, noun, FIT_PERSON);
  if (antecedent == NULL)
    antecedent = nominal_antecedent (r, s, noun, FIT_ORGANIZATION);
  if (antecedent == NULL && (dm_lexicon_name_part (r->lexicon, noun) & DM_PART_ORG_CLASS))
    antecedent = nominal_antecedent (r, s, noun, FIT_ORG_CLASS);
  /* "the migrants" are a group of their own (dm_recognizer_try_reference) */
  if (antecedent == NULL && dm_recognizer_is_people_noun (r, noun) && !(dm_lexicon_name_part (r->lexicon, noun) & DM_PART_SECTOR))
    antecedent = group_of_people (r, s);
  if (antecedent == NULL && (dm_lexicon_name_part (r->lexicon, noun) & (DM_PART_MALE_NOUN | DM_PART_FEMALE_NOUN)))
    antecedent = gendered_antecedent (r, s, (dm_lexicon_name_part (r->lexicon, noun) & DM_PART_MALE_NOUN) ? 'm' : 'f');
  if (antecedent == NULL)
    return FALSE;
  {
    ActorInfo *info = g_hash_table_lookup (r->actors, antecedent->actor);

    dm_recognizer_add_mention (r, s, i + 1, head, DM_RMENTION_DEFINITE, antecedent->type, antecedent->actor,
                               info != NULL ? info->role : antecedent->role,
                               info != NULL ? info->affiliation : antecedent->affiliation);
  }
  *next = head + 1;
  return TRUE;
}

/* Does the organisation's name, canonical or as written at @m, hold @word ("Police")? */
static gboolean
name_holds_word (DmRecognition    *r,
                 const DmRMention *m,
                 const char       *word)
{
  g_autofree char *padded = g_strdup_printf (" %s ", m->actor);
  g_autofree char *needle = g_strdup_printf (" %s ", word);

  if (strstr (padded, needle) != NULL)
    return TRUE;
  if (m->kind != DM_RMENTION_NAME)
    return FALSE;
  for (guint k = m->first; k <= m->last; k++)
    if (strcmp (r->words[k], word) == 0)
      return TRUE;
  return FALSE;
}

/* "police", "army" at @i with no determiner nor name before it ("arrested by police"): the one
 * police force or army the article named in the last few sentences, whose name holds the
 * word ("the Springfield Police Department"); else the recognizer's group "police". */
gboolean
dm_recognizer_try_bare_body (DmRecognition *r,
                             Scan          *s,
                             guint          i,
                             guint         *next)
{
  g_autofree char *title_case = NULL;
  const DmRMention *found = NULL;
  const char *noun = r->lower[i];
  ActorInfo *info;

  if ((tok (r, i)->capitalized && i != s->first) || tok (r, i)->all_caps ||
      !(dm_lexicon_name_part (r->lexicon, noun) & DM_PART_ARMED_BODY) || dm_recognizer_is_plural_noun (noun))
    return FALSE;
  /* "Iraqi police", "the police", "police officers": another rule's, or not the force */
  if ((i > s->first && (is_cap (r, i - 1) || word_is (r, i - 1, "the") || word_is (r, i - 1, "its") ||
                        word_is (r, i - 1, "their"))) ||
      !dm_recognizer_ends_noun_phrase (r, i + 1, s->end))
    return FALSE;
  title_case = g_strdup (noun);
  title_case[0] = g_ascii_toupper (title_case[0]);
  if (!(dm_lexicon_name_part (r->lexicon, title_case) & DM_PART_ORG_HEAD))
    return FALSE;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence + ORGANIZATION_SENTENCES < s->sentence)
        break;
      if (m->actor == NULL || m->modifier || m->nested || m->type != DM_ACTOR_ORGANIZATION ||
          (found != NULL && strcmp (found->actor, m->actor) == 0) || !name_holds_word (r, m, title_case))
        continue;
      if (found != NULL)
        return FALSE;
      found = m;
    }
  if (found == NULL)
    return FALSE;
  info = g_hash_table_lookup (r->actors, found->actor);
  dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_DEFINITE, found->type, found->actor, NULL,
                             info != NULL ? info->affiliation : found->affiliation);
  *next = i + 1;
  return TRUE;
}
