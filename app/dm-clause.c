/* dm-clause.c — reading a clause by word order: verb groups, negation, voice, lexicon
 * phrases, and the actor mentions around them
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-clause"

#include "config.h"

#include <string.h>

#include "dm-clause.h"

static const char * const determiners[] = {
  "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
  "any", "no", "new", "fresh", "further", "renewed", "repeated", "recent", "latest", "some",
  "'s", "\xe2\x80\x99s", "of", "such", "every", "each", "more", "deadly",
};

static const char * const modals[] = {
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "not",
  "n't", "do", "does", "did", "never", "also", "then", "jointly", "formally", "strongly",
};

static const char * const be_forms[] = {
  "is", "are", "was", "were", "be", "been", "being", "am", "'s", "get", "got", "gets",
};

/* Participles that do not end in -ed, for telling "the approach taken under …" */
static const char * const irregular_participles[] = {
  "taken", "given", "made", "held", "seen", "known", "led", "sent", "told", "shown", "written",
  "chosen", "driven", "brought", "built", "set", "left", "kept", "found", "won", "lost", "begun",
};

static const char * const have_forms[] = {
  "has", "have", "had", "having",
};

static const char * const negations[] = {
  "not", "n't", "never", "neither", "nor", "cannot",
};

static const char * const clause_openers[] = {
  "that", "which", "whether", "because", "although", "though", "while", "if", "when", "after",
  "before", "since", "unless", "where", ";", ":",
};

static gboolean
is_adverb (const Clause *c,
           guint         i)
{
  const char *w = lower (c, i);
  gsize len = strlen (w);

  return (len > 4 && g_str_has_suffix (w, "ly") && token (c, i)->kind == DM_TOKEN_WORD) ||
         strcmp (w, "also") == 0 || strcmp (w, "again") == 0 || strcmp (w, "already") == 0 ||
         strcmp (w, "still") == 0 || strcmp (w, "outright") == 0 || strcmp (w, "reportedly") == 0 ||
         strcmp (w, "repeatedly") == 0 || strcmp (w, "once") == 0 || strcmp (w, "now") == 0 ||
         strcmp (w, "just") == 0 || strcmp (w, "even") == 0 || strcmp (w, "no") == 0 ||
         strcmp (w, "longer") == 0 || strcmp (w, "twice") == 0 || strcmp (w, "ever") == 0 ||
         strcmp (w, "first") == 0 || strcmp (w, "soon") == 0;
}

/* Skips back over auxiliaries, negations and adverbs before a verb; returns the first token of
 * the verb group. */
guint
dm_clause_verb_group_start (const Clause *c,
                  guint         i)
{
  while (i > c->first)
    {
      const char *w = lower (c, i - 1);

      if (IN_LIST (w, modals) || IN_LIST (w, be_forms) || IN_LIST (w, have_forms) ||
          IN_LIST (w, negations) || is_adverb (c, i - 1))
        i--;
      else
        break;
    }
  return i;
}

gboolean
dm_clause_is_negated (const Clause *c,
            guint         trigger_first)
{
  guint start = dm_clause_verb_group_start (c, trigger_first);

  for (guint k = start; k < trigger_first; k++)
    {
      if (IN_LIST (lower (c, k), negations))
        return TRUE;
      /* "no longer" */
      if (strcmp (lower (c, k), "no") == 0 && k + 1 < trigger_first && strcmp (lower (c, k + 1), "longer") == 0)
        return TRUE;
    }
  return FALSE;
}

static const char * const denials[] = {
  "deny", "denies", "denied", "denying",
};

gboolean
dm_clause_is_denial (const char *word)
{
  return IN_LIST (word, denials);
}

gboolean
dm_clause_is_denied (char  **lower,
                     guint   first,
                     guint   trigger)
{
  /* a clause boundary between the denial and the act ends what it denies */
  static const char * const boundaries[] = {
    ",", ";", ":", "(", ")", "-", "--", "\"", "and", "but", "while", "after", "before",
  };
  gboolean that = FALSE;
  guint start = trigger;

  /* "denied having supplied": the auxiliaries belong to the act */
  while (start > first && IN_LIST (lower[start - 1], have_forms))
    start--;
  for (guint k = start; k > first && trigger - k < 12; k--)
    {
      const char *w = lower[k - 1];

      if (IN_LIST (w, boundaries))
        return FALSE;
      if (strcmp (w, "that") == 0)
        that = TRUE;
      else if (IN_LIST (w, denials))
        /* "did not deny that": no denial */
        return (that || k == start) && !(k >= first + 2 && IN_LIST (lower[k - 2], negations));
    }
  return FALSE;
}

/* "there will not be US troops deployed to Ukraine": the negation sits before the subject */
gboolean
dm_clause_is_negated_existential (const Clause *c,
                        int           source)
{
  guint first = mention (c, source)->first;

  if (first < c->first + 2)
    return FALSE;
  return strcmp (lower (c, first - 1), "be") == 0 && IN_LIST (lower (c, first - 2), negations);
}

gboolean
dm_clause_is_passive (const Clause *c,
            const Trigger *t)
{
  if (t->form != DM_VERB_FORM_PARTICIPLE && t->form != DM_VERB_FORM_PAST)
    return FALSE;
  for (guint k = dm_clause_verb_group_start (c, t->first); k < t->first; k++)
    if (IN_LIST (lower (c, k), be_forms) && strcmp (lower (c, k), "'s") != 0)
      return TRUE;
  return FALSE;
}

gboolean
dm_clause_is_particle (const char *word)
{
  static const char * const particles[] = {
    "on", "to", "for", "with", "of", "from", "in", "into", "against", "at", "out", "off", "up",
    "down", "over", "about", "by", "upon", "onto", "toward", "towards", "back", "away", "alongside",
  };

  return IN_LIST (word, particles);
}

/* Prepositions that may follow the verb's object: "sent troops to", "withdrew forces from". */
static gboolean
allows_object_gap (const char *word)
{
  return strcmp (word, "to") == 0 || strcmp (word, "with") == 0 || strcmp (word, "from") == 0 ||
         strcmp (word, "against") == 0 || strcmp (word, "into") == 0;
}

/* A word that may sit inside a phrase without being part of it: "imposed new sanctions on",
 * "lifted a night curfew", "upgraded their diplomatic ties". */
static gboolean
is_filler (const Clause *c,
           guint         k)
{
  const DmToken *t = token (c, k);

  if (t->kind == DM_TOKEN_NUMBER)
    return TRUE;
  if (t->kind != DM_TOKEN_WORD || t->capitalized || c->mention_at[k] >= 0)
    return FALSE;
  return !dm_clause_is_particle (lower (c, k)) && !IN_LIST (lower (c, k), clause_openers) &&
         !IN_LIST (lower (c, k), be_forms) && strcmp (lower (c, k), "and") != 0 &&
         strcmp (lower (c, k), "or") != 0;
}

/* Does the lexicon phrase @verb match at token @i? Words after the first are matched in
 * order; up to two filler words may stand before a noun of the phrase, and for verbs an
 * object of up to four words before "to"/"with"/"from"/"against"/"into". */
static gboolean
match_phrase (const Clause    *c,
              guint            i,
              const DmLexVerb *verb,
              guint           *last)
{
  guint k = i + 1;

  for (guint w = 1; w < verb->n_words; w++, k++)
    {
      const char *want = verb->words[w];
      guint max_gap = 0;
      guint gap = 0;

      if (!dm_clause_is_particle (want))
        max_gap = 2;
      else if (!verb->is_noun && w == 1 && allows_object_gap (want))
        max_gap = 4;
      /* articles in the lexicon phrase are optional in the text */
      if ((strcmp (want, "a") == 0 || strcmp (want, "an") == 0 || strcmp (want, "the") == 0) &&
          (k >= c->end || strcmp (lower (c, k), want) != 0))
        {
          k--;
          continue;
        }
      while (k < c->end && strcmp (lower (c, k), want) != 0 && gap < max_gap && is_filler (c, k))
        {
          k++;
          gap++;
        }
      if (k >= c->end || strcmp (lower (c, k), want) != 0)
        return FALSE;
    }
  *last = k - 1;
  return TRUE;
}

/* A proper name ("Paris", "Hezbollah") rather than a plural noun ("forces"). */
static gboolean
tok_is_name (const Clause *c,
             guint         i)
{
  return token (c, i)->capitalized;
}

/* Whether the word at @i, read as @form, can be a verb here (and not a noun: "an attack"). */
static gboolean
form_fits_context (const Clause *c,
                   guint         i,
                   DmVerbForm    form,
                   gboolean      has_particle)
{
  const char *prev = i > c->first ? lower (c, i - 1) : NULL;
  gboolean after_determiner = prev != NULL && IN_LIST (prev, determiners);

  switch (form)
    {
    case DM_VERB_FORM_NOUN:
      /* "criticism of", "talks with": the preposition makes it; else a determiner before */
      return has_particle || after_determiner || (i > c->first && c->mention_at[i - 1] >= 0);
    case DM_VERB_FORM_BASE:
      if (after_determiner)
        return FALSE;
      if (prev == NULL)
        return FALSE;  /* imperative or headline: too uncertain */
      /* "Allies back …" but not "with Trump back in office": a name is singular */
      if (c->mention_at[i - 1] >= 0)
        {
          const DmRMention *m = mention (c, c->mention_at[i - 1]);
          const char *w = lower (c, m->last);

          return m->type == DM_ACTOR_GROUP || (g_str_has_suffix (w, "s") && !tok_is_name (c, m->last));
        }
      return IN_LIST (prev, modals) || is_adverb (c, i - 1) ||
             strcmp (prev, "and") == 0 || IN_LIST (prev, negations);
    case DM_VERB_FORM_THIRD:
      /* "ISIL targets, and …" is a noun compound; "Russia targets Kyiv" a verb */
      if (i > c->first && c->mention_at[i - 1] >= 0 && !has_particle &&
          (i + 1 >= c->end || token (c, i + 1)->kind == DM_TOKEN_PUNCT ||
           strcmp (lower (c, i + 1), "and") == 0))
        return FALSE;
      return !after_determiner;
    case DM_VERB_FORM_PAST:
    case DM_VERB_FORM_PARTICIPLE:
      return !after_determiner || (prev != NULL && strcmp (prev, "'s") == 0);
    case DM_VERB_FORM_GERUND:
      return !after_determiner;
    default:
      return FALSE;
    }
}

/* Does the parse make the verb at @i a participle before the noun it describes, with no
 * actor of its own before it ("rejected proposed Israeli changes", "the occupied West Bank")?
 * It names no act of the clause's subject; "US-backed rebels" keeps its agent, and after a
 * noun ("deputies held talks") or an auxiliary ("having gained ground") it is the verb the
 * parser misread. */
static gboolean
is_attributive_participle (const Clause *c,
                           guint         i)
{
  return c->sink->upos[i] == DM_UPOS_VERB && c->sink->deprel_of[i] == DM_DEP_AMOD &&
         c->sink->head_of[i] > (int) i && i > c->first && c->mention_at[i - 1] < 0 &&
         token (c, i - 1)->kind == DM_TOKEN_WORD &&
         c->sink->upos[i - 1] != DM_UPOS_NOUN && c->sink->upos[i - 1] != DM_UPOS_PROPN &&
         c->sink->upos[i - 1] != DM_UPOS_PRON && !dm_clause_is_auxiliary (lower (c, i - 1));
}

/* The longest trigger starting at token @i, if any. */
gboolean
dm_clause_find_trigger (const Clause *c,
              guint         i,
              Trigger      *out)
{
  GPtrArray *forms;
  gboolean found = FALSE;

  if (token (c, i)->kind != DM_TOKEN_WORD || c->mention_at[i] >= 0 || c->sink->decided[i])
    return FALSE;
  forms = dm_lexicon_lookup_verb (c->r->lexicon, lower (c, i));
  if (forms == NULL)
    return FALSE;

  for (guint k = 0; k < forms->len; k++)
    {
      const DmLexVerbForm *vf = g_ptr_array_index (forms, k);
      guint last;

      /* who "a critic of Y" is only the tree can tell */
      if (vf->verb->is_agent)
        continue;
      /* in a parsed sentence a verb phrase needs a verb, a relation noun a noun */
      if (c->sink->upos[i] != DM_UPOS_X &&
          (vf->verb->is_adjective ? c->sink->upos[i] != DM_UPOS_ADJ && c->sink->upos[i] != DM_UPOS_VERB
                                  : c->sink->upos[i] != (vf->verb->is_noun ? DM_UPOS_NOUN : DM_UPOS_VERB)))
        continue;
      if (!match_phrase (c, i, vf->verb, &last))
        continue;
      /* "prisoners of war on Tuesday": the preposition introduces a date, not a target */
      if (vf->verb->n_words > 1 && dm_clause_is_particle (lower (c, last)) && last + 1 < c->end &&
          token (c, last + 1)->capitalized && c->mention_at[last + 1] < 0 &&
          dm_lexicon_is_nonactor (c->r->lexicon, c->r->words[last + 1]))
        continue;
      if (!form_fits_context (c, i, vf->form, vf->verb->n_words > 1))
        continue;
      if (!vf->verb->is_noun && is_attributive_participle (c, i))
        continue;
      if (!found || last > out->last ||
          (last == out->last && out->verb->is_noun && !vf->verb->is_noun))
        {
          out->verb = vf->verb;
          out->form = vf->form;
          out->first = i;
          out->last = last;
          found = TRUE;
        }
    }
  return found;
}

gboolean
dm_clause_mention_usable (const DmRMention *m)
{
  return !m->nested;
}

/* Is token @k a finite auxiliary or modal whose subject is a common noun or an unresolved
 * pronoun ("security guarantees would not …", "it will …")? Then the clause has a subject
 * that is not an actor, and no actor further left is the subject of its verb. */
static gboolean
has_nonactor_subject (const Clause *c,
                      guint         k)
{
  static const char * const finite[] = {
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "are",
    "was", "were", "has", "have", "had", "does", "do", "did",
  };
  static const char * const not_subjects[] = {
    "who", "which", "that", "and", "or", "but", "also", "then", "what", "where", "when",
  };
  /* pronouns not resolved to an actor still mostly stand for one ("said it would") */
  static const char * const pronouns[] = {
    "it", "they", "we", "i", "he", "she", "you",
  };
  static const char * const possessive_pronouns[] = {
    "its", "their", "our", "my", "his", "her", "your",
  };
  guint j = k;

  if (!IN_LIST (lower (c, k), finite))
    return FALSE;
  while (j > c->first && (IN_LIST (lower (c, j - 1), negations) || is_adverb (c, j - 1)))
    j--;
  if (j == c->first)
    return FALSE;
  j--;
  if (token (c, j)->kind != DM_TOKEN_WORD || token (c, j)->capitalized ||
      c->mention_at[j] >= 0 || IN_LIST (lower (c, j), not_subjects) ||
      IN_LIST (lower (c, j), pronouns) || IN_LIST (lower (c, j), modals) ||
      IN_LIST (lower (c, j), be_forms) || IN_LIST (lower (c, j), have_forms) ||
      dm_clause_is_particle (lower (c, j)))
    return FALSE;
  /* "Israeli intelligence officials have": an actor inside the subject's noun phrase */
  for (guint n = 0; n < 4 && j > c->first; n++)
    {
      j--;
      if (c->mention_at[j] >= 0 || IN_LIST (lower (c, j), possessive_pronouns))
        return FALSE;
      if (strcmp (lower (c, j), "'s") == 0 || strcmp (lower (c, j), "\xe2\x80\x99s") == 0)
        continue;
      if (token (c, j)->kind != DM_TOKEN_WORD || IN_LIST (lower (c, j), determiners))
        break;
    }
  return TRUE;
}

/* The nearest mention to the left of @i within the sentence, or -1 when a clause whose
 * subject is not an actor stands between (see has_nonactor_subject()). */
int
dm_clause_nearest_left (const Clause *c,
              guint         i)
{
  if (i < c->end && has_nonactor_subject (c, i))
    return -1;
  for (guint k = i; k > c->first; k--)
    {
      int m = c->mention_at[k - 1];

      if (m >= 0 && dm_clause_mention_usable (mention (c, m)))
        return m;
      if (has_nonactor_subject (c, k - 1))
        return -1;
    }
  return -1;
}

/* The first mention in [from, to), stopping at a clause opener. */
int
dm_clause_first_mention_after (const Clause *c,
                     guint         from,
                     guint         window,
                     gboolean      stop_at_clause)
{
  guint to = MIN (c->end, from + window);

  for (guint k = from; k < to; k++)
    {
      int m = c->mention_at[k];

      /* "US" in "US Defence Secretary Pete Hegseth": the official is meant */
      if (m >= 0 && dm_clause_mention_usable (mention (c, m)) && !mention (c, m)->modifier)
        return m;
      if (stop_at_clause && IN_LIST (lower (c, k), clause_openers))
        return -1;
      /* a full stop inside a sentence only ends quotes; a verb of saying ends the object */
      if (strcmp (lower (c, k), "said") == 0 || strcmp (lower (c, k), "says") == 0)
        return -1;
    }
  return -1;
}

/* Does token @k end the stretch where a verb's object can be? @strict: any preposition ends it
 * too (for verbs that take no prepositional object, like "speak" or "comment"). */
static gboolean
stops_object (const Clause *c,
              guint         k,
              gboolean      strict)
{
  const DmToken *t = token (c, k);
  const char *w = lower (c, k);

  if (t->kind == DM_TOKEN_PUNCT)
    {
      /* "Ukraine's", "long-term": inside a noun phrase */
      return strcmp (w, "-") != 0 && strcmp (w, "'") != 0 && strcmp (w, "\xe2\x80\x99") != 0 &&
             strcmp (w, "(") != 0 && strcmp (w, ")") != 0 && strcmp (w, "$") != 0;
    }
  if (strcmp (w, "'s") == 0 || strcmp (w, "\xe2\x80\x99s") == 0)
    return FALSE;
  if (strict && dm_clause_is_particle (w))
    return TRUE;
  return IN_LIST (w, clause_openers) || IN_LIST (w, be_forms) || IN_LIST (w, have_forms) ||
         (IN_LIST (w, modals) && strcmp (w, "to") != 0 && strcmp (w, "not") != 0) ||
         strcmp (w, "who") == 0 || strcmp (w, "whom") == 0 || strcmp (w, "whose") == 0 ||
         strcmp (w, "said") == 0 || strcmp (w, "says") == 0 || strcmp (w, "but") == 0;
}

/* Is token @k a relation-bearing noun of the lexicon ("criticism", "talks", "support")? */
static gboolean
is_relation_noun (const Clause *c,
                  guint         k)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (c->r->lexicon, lower (c, k));

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    if (((const DmLexVerbForm *) g_ptr_array_index (forms, i))->form == DM_VERB_FORM_NOUN)
      return TRUE;
  return FALSE;
}

/* "reiterated Trump's long-standing criticism": the possessor of a relation noun is the
 * agent of that noun's act. A verb of saying that governs the noun repeats or reports the
 * act, so the agent is not what it is about; a verb that judges the act ("welcomed
 * Reagan's statement") is about its agent, and keeps it. */
static gboolean
possesses_relation_noun (const Clause *c,
                         int           m)
{
  const DmRMention *pm = mention (c, m);
  guint k = pm->last + 1;

  if (!pm->possessive)
    return FALSE;
  for (guint n = 0; n < 4 && k < c->end; n++, k++)
    {
      if (strcmp (lower (c, k), "'s") == 0 || strcmp (lower (c, k), "\xe2\x80\x99s") == 0)
        continue;
      if (token (c, k)->kind != DM_TOKEN_WORD || c->mention_at[k] >= 0)
        return FALSE;
      if (is_relation_noun (c, k))
        return TRUE;
    }
  return FALSE;
}

/* Is token @k, after a common noun, "in" or "at" before an organisation's name ("the
 * proposal in the Bundestag"), or "over" ("sues administration over Guard deployment": what
 * the act is about)? */
static gboolean
venue_after_object (const Clause *c,
                    guint         k)
{
  guint j = k + 1;
  int m;

  if (strcmp (lower (c, k), "in") != 0 && strcmp (lower (c, k), "at") != 0 &&
      strcmp (lower (c, k), "over") != 0)
    return FALSE;
  if (token (c, k - 1)->kind != DM_TOKEN_WORD || token (c, k - 1)->capitalized ||
      c->mention_at[k - 1] >= 0 || IN_LIST (lower (c, k - 1), determiners))
    return FALSE;
  if (strcmp (lower (c, k), "over") == 0)
    return TRUE;
  if (j < c->end && (strcmp (lower (c, j), "the") == 0 || strcmp (lower (c, j), "a") == 0))
    j++;
  /* "in a Cologne court": the body's place before it */
  if (j + 1 < c->end && c->mention_at[j] < 0 && token (c, j)->capitalized && c->mention_at[j + 1] >= 0)
    j++;
  m = j < c->end ? c->mention_at[j] : -1;
  return m >= 0 && (mention (c, m)->type == DM_ACTOR_ORGANIZATION || mention (c, m)->type == DM_ACTOR_GROUP);
}

/* The actor a trigger is about: the first mention after it, within TARGET_WINDOW tokens and
 * the same clause ("rejected a Senegalese peace plan", "conceded to demands from UNITA"). A
 * comma, a dash, an auxiliary or a new clause ends the search; "on Monday" is skipped. */
int
dm_clause_object_after (const Clause *c,
              guint         from,
              gboolean      strict)
{
  guint to = MIN (c->end, from + TARGET_WINDOW);

  for (guint k = from; k < to; k++)
    {
      int m = c->mention_at[k];

      /* "the London conference": in a parsed sentence, a modifier of a noun is no object */
      if (m >= 0 && c->sink->modifier[mention (c, m)->last])
        {
          k = mention (c, m)->last;
          continue;
        }
      if (m >= 0 && strict && dm_clause_mention_usable (mention (c, m)) && possesses_relation_noun (c, m))
        return -1;
      if (m >= 0 && dm_clause_mention_usable (mention (c, m)) && !mention (c, m)->modifier)
        return m;
      if (m >= 0 && mention (c, m)->modifier)
        {
          /* "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the official it qualifies */
          for (guint j = mention (c, m)->last + 1; j < MIN (c->end, mention (c, m)->last + 8); j++)
            {
              int o = c->mention_at[j];

              if (o >= 0 && o != m && dm_clause_mention_usable (mention (c, o)))
                return o;
            }
        }
      if (m >= 0)
        continue;
      /* "on Monday", "last week" */
      if (strcmp (lower (c, k), "on") == 0 && k + 1 < c->end && token (c, k + 1)->capitalized &&
          dm_lexicon_is_nonactor (c->r->lexicon, c->r->words[k + 1]))
        {
          k++;
          continue;
        }
      /* "a departure from the approach taken under President Biden": a participle after the
       * object's noun starts a clause about that noun, not the object */
      if (k > from && token (c, k)->kind == DM_TOKEN_WORD && !token (c, k)->capitalized &&
          ((strlen (lower (c, k)) > 4 && g_str_has_suffix (lower (c, k), "ed")) ||
           IN_LIST (lower (c, k), irregular_participles)) &&
          token (c, k - 1)->kind == DM_TOKEN_WORD && !token (c, k - 1)->capitalized &&
          c->mention_at[k - 1] < 0 && !IN_LIST (lower (c, k - 1), determiners) &&
          !g_str_has_suffix (lower (c, k - 1), "ly") && !dm_clause_is_particle (lower (c, k - 1)) &&
          /* "prevented the demonstration staged by students": the agent is who it is about */
          !(k + 1 < c->end && strcmp (lower (c, k + 1), "by") == 0))
        return -1;
      /* "defended the proposal in the Bundestag", "criticised the bill at the UN": after an
       * object that is no actor, a body "in" or "at" which it happens is the venue, and what
       * comes "over" it the matter */
      if (k > from && venue_after_object (c, k))
        return -1;
      /* "welcomed the news that the Government of Iraq …": a clause completing a noun */
      if (strcmp (lower (c, k), "that") == 0 && k > from && token (c, k - 1)->kind == DM_TOKEN_WORD &&
          !strict && !IN_LIST (lower (c, k - 1), be_forms))
        continue;
      if (stops_object (c, k, strict))
        return -1;
    }
  return -1;
}

/* "NATO membership for Ukraine": a mention modifying a noun that is followed by a preposition
 * and another mention — the latter is the one the relation is about. */
int
dm_clause_refine_target (const Clause *c,
               int           target)
{
  const DmRMention *t = mention (c, target);
  guint k = t->last + 1;

  if (t->possessive || k >= c->end)
    return target;
  /* only a noun after the mention ("NATO membership"), not "NATO of preparing" */
  if (token (c, k)->kind != DM_TOKEN_WORD || token (c, k)->capitalized || c->mention_at[k] >= 0 ||
      IN_LIST (lower (c, k), clause_openers) || strcmp (lower (c, k), "and") == 0 ||
      dm_clause_is_particle (lower (c, k)) || IN_LIST (lower (c, k), be_forms) ||
      IN_LIST (lower (c, k), modals) || g_str_has_suffix (lower (c, k), "ing"))
    return target;
  for (guint j = k + 1; j < MIN (c->end, k + 3); j++)
    {
      const char *w = lower (c, j);

      if (strcmp (w, "for") == 0 || strcmp (w, "to") == 0 || strcmp (w, "against") == 0 ||
          strcmp (w, "with") == 0 || strcmp (w, "on") == 0 || strcmp (w, "over") == 0 ||
          strcmp (w, "from") == 0)
        {
          int other = dm_clause_first_mention_after (c, j + 1, 3, TRUE);

          return other >= 0 ? other : target;
        }
    }
  return target;
}

/* The token of mention @m whose head in the parse lies outside it, or -1 unparsed. */
int
dm_clause_parse_head_of_mention (const Clause *c,
                       int           m)
{
  const DmRMention *rm = mention (c, m);

  for (guint k = rm->first; k <= rm->last; k++)
    if (c->sink->head_of[k] < (int) rm->first || c->sink->head_of[k] > (int) rm->last)
      return c->sink->head_of[k] >= 0 || c->sink->deprel_of[k] == DM_DEP_ROOT ? (int) k : -1;
  return -1;
}

/* Has the coordination that conjunct @k belongs to a conjunction ("and", "or") in the
 * parse? UD hangs it on a later conjunct: "Y, Z and W". */
static gboolean
coordination_has_conjunction (const Clause *c,
                              int           k)
{
  int first = c->sink->head_of[k];

  for (guint j = c->first; j < c->end; j++)
    if (c->sink->head_of[j] == first && c->sink->deprel_of[j] == DM_DEP_CONJ)
      for (guint x = c->first; x < c->end; x++)
        if (c->sink->head_of[x] == (int) j && c->sink->deprel_of[x] == DM_DEP_CC)
          return TRUE;
  return FALSE;
}

/* May mention @later, after a comma that follows another mention, be that mention's
 * conjunct? In a parsed sentence only if the tree says so, with a conjunction: "Co-founder
 * of Google, Sergey Brin, met …" is an apposition, not two actors acting together, also
 * when the parse makes it a conjunct. */
static gboolean
comma_joins (const Clause *c,
             int           later)
{
  int k = dm_clause_parse_head_of_mention (c, later);

  return k < 0 || c->sink->upos[k] == DM_UPOS_X ||
         (c->sink->deprel_of[k] == DM_DEP_CONJ && coordination_has_conjunction (c, k));
}

/* Mentions joined to @m by "and" / "," after it ("Y and Z", "Y, Z and W"). */
guint
dm_clause_coordinated_after (const Clause *c,
                   int           m,
                   int          *out,
                   guint         max)
{
  guint n = 0;
  guint k = mention (c, m)->last + 1;

  while (n < max && k + 1 < c->end)
    {
      const char *w = lower (c, k);

      if (strcmp (w, "and") == 0 || strcmp (w, "or") == 0 || strcmp (w, ",") == 0)
        {
          guint j = k + 1;
          int next;

          if (strcmp (w, ",") == 0 && j < c->end && strcmp (lower (c, j), "and") == 0)
            j++;
          if (j < c->end && strcmp (lower (c, j), "the") == 0)
            j++;
          if (j >= c->end || (next = c->mention_at[j]) < 0 || next == m || !dm_clause_mention_usable (mention (c, next)))
            break;
          if (j == k + 1 && strcmp (w, ",") == 0 && !comma_joins (c, next))
            break;
          out[n++] = next;
          k = mention (c, next)->last + 1;
          continue;
        }
      break;
    }
  return n;
}

/* Mentions joined to @m by "and" before it ("X and Y urged" → X for Y). */
guint
dm_clause_coordinated_before (const Clause *c,
                    int           m,
                    int          *out,
                    guint         max)
{
  guint n = 0;
  guint k = mention (c, m)->first;

  while (n < max && k > c->first + 1)
    {
      guint j = k - 1;
      guint skipped = 0;
      int prev;

      /* "the wider Global Coalition": a determiner and an adjective may stand before it */
      while (j > c->first && skipped < 2 && token (c, j)->kind == DM_TOKEN_WORD &&
             !token (c, j)->capitalized && c->mention_at[j] < 0 &&
             strcmp (lower (c, j), "and") != 0 && strcmp (lower (c, j), "or") != 0)
        {
          j--;
          skipped++;
        }
      if (skipped > 0 && !IN_LIST (lower (c, j + 1), determiners))
        break;
      if (strcmp (lower (c, j), "and") != 0 && strcmp (lower (c, j), ",") != 0)
        break;
      if (j == c->first || (prev = c->mention_at[j - 1]) < 0 || !dm_clause_mention_usable (mention (c, prev)))
        break;
      if (strcmp (lower (c, j), ",") == 0 && !comma_joins (c, c->mention_at[k]))
        break;
      out[n++] = prev;
      k = mention (c, prev)->first;
    }
  return n;
}

/* Is token @k a verb: so tagged in a parsed sentence; else a finite auxiliary or a past
 * form ("criticised") that no determiner makes an adjective ("the so-called", "an
 * elected government")? */
gboolean
dm_clause_is_verb (const Clause *c,
                   guint         k)
{
  static const char * const finite[] = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would",
  };
  const char *w = lower (c, k);

  if (c->sink->upos[k] != DM_UPOS_X)
    return c->sink->upos[k] == DM_UPOS_VERB || c->sink->upos[k] == DM_UPOS_AUX;
  if (token (c, k)->kind != DM_TOKEN_WORD || token (c, k)->capitalized || c->mention_at[k] >= 0)
    return FALSE;
  if (IN_LIST (w, finite))
    return TRUE;
  return strlen (w) > 4 && g_str_has_suffix (w, "ed") &&
         !(k > c->first && IN_LIST (lower (c, k - 1), determiners));
}

/* The subject of the sentence's main clause: the first mention after any opening adverbial
 * or participle clause ("Speaking in Brussels, Hegseth …", "Meanwhile, Russia …"). */
int
dm_clause_find_main_subject (const Clause *c)
{
  guint start = c->first;
  const char *w;

  if (c->first >= c->end)
    return -1;
  w = lower (c, c->first);
  if (c->mention_at[c->first] < 0 &&
      (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ed") || token (c, c->first)->kind != DM_TOKEN_WORD ||
       IN_LIST (w, clause_openers) || strcmp (w, "in") == 0 || strcmp (w, "on") == 0 ||
       strcmp (w, "at") == 0 || strcmp (w, "despite") == 0 || strcmp (w, "however") == 0 ||
       strcmp (w, "meanwhile") == 0 || strcmp (w, "instead") == 0 || strcmp (w, "as") == 0 ||
       strcmp (w, "with") == 0 || strcmp (w, "during") == 0 || strcmp (w, "under") == 0 ||
       strcmp (w, "following") == 0 || strcmp (w, "earlier") == 0 || strcmp (w, "later") == 0))
    {
      for (guint k = c->first; k < c->end && k < c->first + 25; k++)
        if (strcmp (lower (c, k), ",") == 0)
          {
            start = k + 1;
            break;
          }
    }
  for (guint k = start; k < c->end; k++)
    {
      int m = c->mention_at[k];

      /* "the Philippine House of Representatives": a country right before another actor's
       * name only says whose it is */
      if (m >= 0 && mention (c, m)->type == DM_ACTOR_COUNTRY && mention (c, m)->last + 1 < c->end &&
          c->mention_at[mention (c, m)->last + 1] >= 0 && c->mention_at[mention (c, m)->last + 1] != m)
        {
          k = mention (c, m)->last;
          continue;
        }
      if (m >= 0 && dm_clause_mention_usable (mention (c, m)))
        return m;
      /* a verb before any actor: the subject is not an actor ("The attack killed …",
       * "Actionaid criticised Mr Brown's plan and …") */
      if (k > start + 12 || dm_clause_is_verb (c, k))
        break;
    }
  return -1;
}

/* Does @word open a new clause ("that", "which", "because", ";")? */
gboolean
dm_clause_is_opener (const char *word)
{
  return IN_LIST (word, clause_openers);
}

/* Is @word an auxiliary: a modal, a form of "be" or of "have"? */
gboolean
dm_clause_is_auxiliary (const char *word)
{
  return IN_LIST (word, modals) || IN_LIST (word, be_forms) || IN_LIST (word, have_forms);
}
