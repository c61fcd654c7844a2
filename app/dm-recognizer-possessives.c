/* dm-recognizer-possessives.c — what "his visit", "his party" and "his father" name
 *
 * A possessive pronoun is a mention only where a relation needs it: before a noun that
 * tells an act ("his visit to Google": the owner, so the act has an agent), before "party"
 * or "organisation" (the organisation the owner was named with), and before a kin noun
 * ("his father": the person introduced as such, else an actor named by the owner, "Karim
 * Ahmad's father"). The owner is resolved as other pronouns are (dm-recognizer-pronouns.c).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-recognizer"

#include "config.h"

#include <string.h>

#include "dm-recognizer-private.h"

/* Does a phrase that tells an act follow the possessive at @i, up to two modifiers before
 * its noun ("his visit to", "her strong support for", "their criticism of")? Only there
 * does the owner take part in a relation; "his brother", "her government", "his concern in
 * a statement" name someone or something else. */
gboolean
dm_recognizer_owns_relation_noun (DmRecognition *r,
                                  Scan          *s,
                                  guint          i)
{
  for (guint k = i + 1; k < s->end && k <= i + 3; k++)
    {
      GPtrArray *forms;

      if (!is_word (r, k) || tok (r, k)->capitalized || dm_recognizer_is_phrase_closer (r->lower[k]))
        return FALSE;
      forms = dm_lexicon_lookup_verb (r->lexicon, r->lower[k]);
      for (guint f = 0; forms != NULL && f < forms->len; f++)
        {
          const DmLexVerbForm *form = g_ptr_array_index (forms, f);
          guint w = 1;

          if (form->form != DM_VERB_FORM_NOUN)
            continue;
          while (w < form->verb->n_words && k + w < s->end && word_is (r, k + w, form->verb->words[w]))
            w++;
          if (w == form->verb->n_words)
            return TRUE;
        }
    }
  return FALSE;
}

/* The actor named first in the main clause of the sentence, when it opens that clause (its
 * subject, "Ahmad reneged on …", "President Levy Mwanawasa has …"), or NULL ("Crowds
 * cheered Ahmad …": no actor opens it). */
static const DmRMention *
main_subject (DmRecognition *r,
              Scan          *s)
{
  guint start = dm_recognizer_main_clause_start (r, s);
  const DmRMention *first = NULL;

  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);

      if (m->sentence != s->sentence || m->first < start)
        break;
      if (!m->nested && !m->modifier && m->actor != NULL)
        first = m;
    }
  if (first == NULL)
    return NULL;
  /* only a title or a determiner before it: "President Levy Mwanawasa", "the Oxfam director" */
  for (guint k = start; k < first->first; k++)
    if (!is_cap (r, k) && !word_is (r, k, "the") && !word_is (r, k, "a") && !word_is (r, k, "an") &&
        !word_is (r, k, "former"))
      return NULL;
  return first;
}

/* The organisation @owner was named as belonging to: the affiliation we know, else the one
 * named right after a mention of @owner in the sentences before ("Jane Roe of the Green
 * Party", "Omar Haddad from Oxfam"), or NULL. */
static const char *
owners_organization (DmRecognition *r,
                     Scan          *s,
                     const char    *owner)
{
  ActorInfo *info = g_hash_table_lookup (r->actors, owner);
  guint n = r->doc->tokens->len;

  if (info != NULL && info->affiliation != NULL)
    {
      ActorInfo *body = g_hash_table_lookup (r->actors, info->affiliation);

      if (body != NULL && body->type == DM_ACTOR_ORGANIZATION)
        return info->affiliation;
    }
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      guint j = m->last + 1;

      if (m->sentence + PRONOUN_SENTENCES < s->sentence)
        break;
      if (m->nested || m->actor == NULL || strcmp (m->actor, owner) != 0 || m->kind != DM_RMENTION_NAME)
        continue;
      if (j >= n || !(word_is (r, j, "of") || word_is (r, j, "from")))
        continue;
      j++;
      if (j < n && word_is (r, j, "the"))
        j++;
      for (guint o = k; o < r->mentions->len; o++)
        {
          const DmRMention *body = dm_recognition_mention (r, o);

          if (body->first > j)
            break;
          if (body->first == j && !body->nested && body->type == DM_ACTOR_ORGANIZATION)
            return body->actor;
        }
    }
  return NULL;
}

/* "his party", "her organisation": the organisation its owner belongs to, as a mention, so
 * that "resigned from his post in his party" has what he left. */
static DmRefOutcome
try_owners_organization (DmRecognition *r,
                         Scan          *s,
                         guint          i,
                         char           gender,
                         guint         *next)
{
  const char *owner;
  const char *body;
  ActorInfo *info;

  if (i + 1 >= s->end || !(word_is (r, i + 1, "party") || word_is (r, i + 1, "organisation") ||
                           word_is (r, i + 1, "organization")) ||
      (i + 2 < s->end && is_cap (r, i + 2)))
    return DM_REF_UNDECIDED;
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  owner = dm_recognizer_possessive_owner (r, s, i, gender);
  body = owner != NULL ? owners_organization (r, s, owner) : NULL;
  if (body == NULL)
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, body);
  dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, body, NULL,
                             info->affiliation);
  *next = i + 2;
  return DM_REF_MENTION;
}

/* Is person mention @m a name right after a possessive and a kin noun ("his father Omar
 * Haddad", "her sister, Maria Lopez")? Then *@poss is the possessive's token. */
static gboolean
named_as_kin (DmRecognition    *r,
              const DmRMention *m,
              guint            *poss)
{
  guint j = m->first;

  if (m->nested || m->kind != DM_RMENTION_NAME || m->actor == NULL ||
      (m->type != DM_ACTOR_PERSON && m->type != DM_ACTOR_OFFICIAL))
    return FALSE;
  if (j > 0 && strcmp (r->words[j - 1], ",") == 0)
    j--;
  if (j < 2 || !(dm_lexicon_name_part (r->lexicon, r->lower[j - 1]) & DM_PART_KIN_NOUN) ||
      !(word_is (r, j - 2, "his") || word_is (r, j - 2, "her") || word_is (r, j - 2, "their")))
    return FALSE;
  *poss = j - 2;
  return TRUE;
}

/* The person introduced as "his father Omar Haddad" before token @limit, with the same
 * possessive and kin noun as the two words at @i, when there is one such; or NULL. The
 * owner of that "his" is not checked: one "his father" named in an article is taken as the
 * one it goes on about, two leave it open. */
static const char *
kin_named (DmRecognition *r,
           guint          i,
           guint          limit)
{
  const char *found = NULL;

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      guint poss;

      if (m->first >= limit)
        break;
      if (!named_as_kin (r, m, &poss) || !word_is (r, poss, r->lower[i]) || !word_is (r, poss + 1, r->lower[i + 1]))
        continue;
      if (found != NULL && strcmp (found, m->actor) != 0)
        return NULL;
      found = m->actor;
    }
  return found;
}

/* Was @actor introduced by whose kin they are ("His father Omar Haddad said")? Then whose
 * father, son or sister is Haddad's own kin we cannot tell from the words. */
static gboolean
introduced_as_kin (DmRecognition *r,
                   const char    *actor)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      guint poss;

      if (g_strcmp0 (m->actor, actor) == 0 && named_as_kin (r, m, &poss))
        return TRUE;
    }
  return FALSE;
}

/* "Mohamed and his father will travel. His father Omar Haddad said …": a kin named after
 * the words that made an actor of its own is that person. */
void
dm_recognizer_resolve_kin (DmRecognition *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      DmRMention *m = &g_array_index (r->mentions, DmRMention, k);
      ActorInfo *info = m->actor != NULL ? g_hash_table_lookup (r->actors, m->actor) : NULL;
      const char *kin;

      if (info == NULL || !info->kin || m->kind != DM_RMENTION_DEFINITE || m->last != m->first + 1)
        continue;
      kin = kin_named (r, m->first, G_MAXUINT);
      if (kin == NULL)
        continue;
      info = g_hash_table_lookup (r->actors, kin);
      m->actor = kin;
      m->type = info->type;
      m->role = info->role;
      m->affiliation = info->affiliation;
    }
}

/* A person of their own named by whose kin they are ("Karim Ahmad's father"), mentioned by
 * tokens @first to @last, the last of them the kin noun: of that noun's gender, and no
 * antecedent of pronouns (those stay the owner's). */
static void
add_kin (DmRecognition *r,
         Scan          *s,
         guint          first,
         guint          last,
         const char    *owner)
{
  guint part = dm_lexicon_name_part (r->lexicon, r->lower[last]);
  g_autofree char *name = g_strdup_printf ("%s's %s", owner, r->lower[last]);
  ActorInfo *info;

  dm_recognizer_add_mention (r, s, first, last, DM_RMENTION_DEFINITE, DM_ACTOR_PERSON, name, NULL, NULL);
  info = g_hash_table_lookup (r->actors, dm_recognizer_intern (r, name));
  info->gender = (part & DM_PART_MALE_NOUN) ? 'm' : (part & DM_PART_FEMALE_NOUN) ? 'f' : 0;
  info->kin = TRUE;
}

/* "his father", "her sister": the person introduced before as such, else a person of their
 * own, "Karim Ahmad's father", when the owner is the one person the pronoun can be; before
 * a name ("his father Omar Haddad said") the name is the mention. */
static DmRefOutcome
try_kin (DmRecognition *r,
         Scan          *s,
         guint          i,
         char           gender,
         guint         *next)
{
  guint part;
  const char *owner;
  const char *kin;
  ActorInfo *info;

  if (i + 1 >= s->end || !is_word (r, i + 1) || tok (r, i + 1)->capitalized)
    return DM_REF_UNDECIDED;
  part = dm_lexicon_name_part (r->lexicon, r->lower[i + 1]);
  if (!(part & DM_PART_KIN_NOUN))
    return DM_REF_UNDECIDED;
  if ((i + 2 < s->end && is_cap (r, i + 2)) ||
      (i + 3 < s->end && strcmp (r->words[i + 2], ",") == 0 && is_cap (r, i + 3)))
    return DM_REF_NOBODY;
  kin = kin_named (r, i, i);
  if (kin != NULL)
    {
      info = g_hash_table_lookup (r->actors, kin);
      dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, info->type, kin, info->role,
                                 info->affiliation);
      *next = i + 2;
      return DM_REF_MENTION;
    }
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  owner = dm_recognizer_possessive_owner (r, s, i, gender);
  if (owner == NULL || introduced_as_kin (r, owner))
    return DM_REF_NOBODY;
  add_kin (r, s, i, i + 1, owner);
  *next = i + 2;
  return DM_REF_MENTION;
}

/* "Karim Ahmad's sister", "Thomas' wife" (kin noun at @i, right after a person's name and
 * its possessive): a person of their own named by the owner, as after "his" above; not
 * before a name ("Ahmad's sister Lina said"), where the name is the mention, nor of an
 * owner introduced as someone's kin himself. */
gboolean
dm_recognizer_try_named_kin (DmRecognition *r,
                             Scan          *s,
                             guint          i,
                             guint         *next)
{
  const DmRMention *owner;

  if (i < s->first + 2 || !is_word (r, i) || tok (r, i)->capitalized ||
      !(dm_lexicon_name_part (r->lexicon, r->lower[i]) & DM_PART_KIN_NOUN) || !is_possessive (r, i - 1) ||
      r->mentions->len == 0)
    return FALSE;
  owner = dm_recognition_mention (r, r->mentions->len - 1);
  if (owner->sentence != s->sentence || owner->last + 2 != i || owner->nested || owner->modifier ||
      owner->actor == NULL || owner->kind != DM_RMENTION_NAME ||
      (owner->type != DM_ACTOR_PERSON && owner->type != DM_ACTOR_OFFICIAL) ||
      (i + 1 < s->end && is_cap (r, i + 1)) ||
      (i + 2 < s->end && strcmp (r->words[i + 1], ",") == 0 && is_cap (r, i + 2)) ||
      introduced_as_kin (r, owner->actor))
    return FALSE;
  add_kin (r, s, i, i, owner->actor);
  *next = i + 1;
  return TRUE;
}

/* "his visit to Google", "her support for the strike": a possessive pronoun before a noun
 * that tells an act is a mention of its owner, so that the act has its agent. */
DmRefOutcome
dm_recognizer_try_possessive_pronoun (DmRecognition *r,
                                      Scan          *s,
                                      guint          i,
                                      guint         *next)
{
  char gender = word_is (r, i, "his") ? 'm' : word_is (r, i, "her") ? 'f' : 0;
  DmRefOutcome outcome;
  const DmRMention *subject;
  const char *actor;
  ActorInfo *info;
  DmRMention *m;

  if (gender == 0 || tok (r, i)->all_caps)
    return DM_REF_UNDECIDED;
  if (try_owners_organization (r, s, i, gender, next) == DM_REF_MENTION)
    return DM_REF_MENTION;
  outcome = try_kin (r, s, i, gender, next);
  if (outcome != DM_REF_UNDECIDED)
    return outcome;
  if (!dm_recognizer_owns_relation_noun (r, s, i))
    return DM_REF_UNDECIDED;
  /* "Discussing his concerns about …, the minister said": in the phrase that opens the
   * sentence, the owner is the subject still to come */
  if (i < dm_recognizer_main_clause_start (r, s))
    return DM_REF_NOBODY;
  actor = dm_recognizer_possessive_owner (r, s, i, gender);
  if (actor == NULL)
    return DM_REF_NOBODY;
  /* "Mwanawasa reneged on his commitment to the people": the owner is the subject, whom the
   * relation rules give a possessive pronoun's act already (the verb's act, not the noun's) */
  subject = main_subject (r, s);
  if (subject != NULL && strcmp (subject->actor, actor) == 0)
    return DM_REF_NOBODY;
  info = g_hash_table_lookup (r->actors, actor);
  m = dm_recognizer_add_mention (r, s, i, i, DM_RMENTION_PRONOUN, info->type, actor, info->role, info->affiliation);
  m->possessive = TRUE;
  *next = i + 1;
  return DM_REF_MENTION;
}

/* The armed forces of the state or organisation @m names: a country's ("Russia (armed
 * forces)"), its government's the same, an organisation's its own fighters, the
 * organisation itself as with "Hamas fighters". NULL for anyone else. */
static const char *
armed_forces_of_mention (DmRecognition    *r,
                         const DmRMention *m)
{
  if (m->type == DM_ACTOR_COUNTRY)
    return dm_recognizer_armed_forces_of (r, m->actor);
  if (m->type != DM_ACTOR_ORGANIZATION)
    return NULL;
  if (m->affiliation != NULL && strcmp (m->actor, dm_recognizer_government_of (r, m->affiliation)) == 0)
    return dm_recognizer_armed_forces_of (r, m->affiliation);
  return m->actor;
}

/* "Russia said its troops captured …", "Hamas said its forces …": "its" before a noun for
 * armed forces, as the subject of an act, is the forces of the one state or organisation the sentence names before it;
 * with two ("Russia accused Ukraine of moving its troops"), or a person only, no one. */
gboolean
dm_recognizer_try_its_forces (DmRecognition *r,
                              Scan          *s,
                              guint          i,
                              guint         *next)
{
  const char *forces = NULL;
  const char *owner_country = NULL;

  if (!word_is (r, i, "its") || i + 1 >= s->end || !is_word (r, i + 1) || tok (r, i + 1)->capitalized ||
      !(dm_lexicon_name_part (r->lexicon, r->lower[i + 1]) & DM_PART_ARMED_BODY) ||
      (i + 2 < s->end && is_cap (r, i + 2)))
    return FALSE;
  /* only as the subject of an act ("said its troops captured"): "Belgium withdrew its
   * troops" is no relation between Belgium and its own forces */
  if (!dm_recognizer_acts_next (r, s, i + 1))
    return FALSE;
  for (guint k = r->mentions->len; k > 0; k--)
    {
      const DmRMention *m = dm_recognition_mention (r, k - 1);
      const char *these;

      if (m->sentence != s->sentence)
        break;
      if (m->nested || m->modifier || m->actor == NULL || m->last >= i)
        continue;
      if (m->type == DM_ACTOR_PERSON || m->type == DM_ACTOR_OFFICIAL)
        continue;
      these = armed_forces_of_mention (r, m);
      if (these == NULL || (forces != NULL && strcmp (forces, these) != 0))
        return FALSE;
      forces = these;
      owner_country = m->type == DM_ACTOR_COUNTRY ? m->actor : m->affiliation;
    }
  if (forces == NULL)
    return FALSE;
  dm_recognizer_add_mention (r, s, i, i + 1, DM_RMENTION_DEFINITE, DM_ACTOR_ORGANIZATION, forces, NULL,
                             owner_country);
  *next = i + 2;
  return TRUE;
}
