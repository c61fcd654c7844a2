/* dm-extractor.c — who does what to whom: relations between the actors of each sentence
 *
 * A relation needs a trigger (a verb phrase or relation-bearing noun from verbs.tsv, matched
 * in any inflection), a source and a target among the sentence's actor mentions. The rules,
 * measured on the dev set (see the notes on the engine issue):
 *  - source: "by X" after a passive; the possessive before a noun ("Trump's criticism of");
 *    the main subject for a participle clause (", calling on …") or a second verb joined by
 *    "and"; "according to X" for the sentence's claim; else the nearest actor to the left;
 *  - target: the first actor after the phrase within the clause; "NATO membership for Ukraine"
 *    gives Ukraine (the actor after the preposition of a modified noun); coordinated objects
 *    ("Y and Z") give one relation each, as do coordinated subjects;
 *  - negation: not / n't / never / no longer within the verb group;
 *  - reciprocal verbs (meet, agree, clash…) with a coordinated subject and no object relate
 *    the subjects to each other;
 *  - in a parsed sentence (after the tree rules, for what they left open) the parse vetoes
 *    what it contradicts: a statement's addressee that is the subject of the clause said, a
 *    source outside the noun a relative clause describes, a person who only owns the
 *    subject ("Thomas' sister").
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-extractor"

#include "config.h"

#include <string.h>

#include "dm-dateline.h"
#include "dm-extractor.h"
#include "dm-lexicon-private.h"
#include "dm-models.h"
#include "dm-parse-tokens.h"
#include "dm-recognizer.h"
#include "dm-relations-private.h"
#include "dm-text.h"

#define TARGET_WINDOW 12
#define MAX_COORDINATED 4

struct _DmExtractor
{
  DmLexicon *lexicon;
  gboolean   parse;      /* read parsed sentences by the tree rules */
};

typedef struct {
  const DmLexVerb *verb;
  DmVerbForm       form;
  guint            first, last;    /* tokens of the trigger phrase */
} Trigger;

typedef struct {
  const DmRecognition *r;
  DmAnalysis     *analysis;
  guint           sentence;
  guint           first, end;      /* tokens */
  int            *mention_at;      /* token → index of the outer mention covering it, or -1 */
  int             main_subject;    /* mention index, or -1 */
  int             last_source;     /* source of the previous trigger in the sentence, or -1 */
  DmRelationSink *sink;
} Clause;

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
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IN_LIST(word, list) in_list ((word), (list), G_N_ELEMENTS (list))

static inline const char *
lower (const Clause *c,
       guint         i)
{
  return c->r->lower[i];
}

static inline const DmToken *
token (const Clause *c,
       guint         i)
{
  return dm_text_doc_token (c->r->doc, i);
}

static inline const DmRMention *
mention (const Clause *c,
         int           k)
{
  return dm_recognition_mention (c->r, (guint) k);
}

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
         strcmp (w, "longer") == 0;
}

/* Skips back over auxiliaries, negations and adverbs before a verb; returns the first token of
 * the verb group. */
static guint
verb_group_start (const Clause *c,
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

static gboolean
is_negated (const Clause *c,
            guint         trigger_first)
{
  guint start = verb_group_start (c, trigger_first);

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

/* "there will not be US troops deployed to Ukraine": the negation sits before the subject */
static gboolean
is_negated_existential (const Clause *c,
                        int           source)
{
  guint first = mention (c, source)->first;

  if (first < c->first + 2)
    return FALSE;
  return strcmp (lower (c, first - 1), "be") == 0 && IN_LIST (lower (c, first - 2), negations);
}

static gboolean
is_passive (const Clause *c,
            const Trigger *t)
{
  if (t->form != DM_VERB_FORM_PARTICIPLE && t->form != DM_VERB_FORM_PAST)
    return FALSE;
  for (guint k = verb_group_start (c, t->first); k < t->first; k++)
    if (IN_LIST (lower (c, k), be_forms) && strcmp (lower (c, k), "'s") != 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_particle (const char *word)
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
  return !is_particle (lower (c, k)) && !IN_LIST (lower (c, k), clause_openers) &&
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

      if (!is_particle (want))
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

/* The longest trigger starting at token @i, if any. */
static gboolean
find_trigger (const Clause *c,
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

      /* in a parsed sentence a verb phrase needs a verb, a relation noun a noun */
      if (c->sink->upos[i] != DM_UPOS_X &&
          c->sink->upos[i] != (vf->verb->is_noun ? DM_UPOS_NOUN : DM_UPOS_VERB))
        continue;
      if (!match_phrase (c, i, vf->verb, &last))
        continue;
      /* "prisoners of war on Tuesday": the preposition introduces a date, not a target */
      if (vf->verb->n_words > 1 && is_particle (lower (c, last)) && last + 1 < c->end &&
          token (c, last + 1)->capitalized && c->mention_at[last + 1] < 0 &&
          dm_lexicon_is_nonactor (c->r->lexicon, c->r->words[last + 1]))
        continue;
      if (!form_fits_context (c, i, vf->form, vf->verb->n_words > 1))
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

static gboolean
usable (const DmRMention *m)
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
      is_particle (lower (c, j)))
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
static int
nearest_left (const Clause *c,
              guint         i)
{
  if (i < c->end && has_nonactor_subject (c, i))
    return -1;
  for (guint k = i; k > c->first; k--)
    {
      int m = c->mention_at[k - 1];

      if (m >= 0 && usable (mention (c, m)))
        return m;
      if (has_nonactor_subject (c, k - 1))
        return -1;
    }
  return -1;
}

/* The first mention in [from, to), stopping at a clause opener. */
static int
first_mention_after (const Clause *c,
                     guint         from,
                     guint         window,
                     gboolean      stop_at_clause)
{
  guint to = MIN (c->end, from + window);

  for (guint k = from; k < to; k++)
    {
      int m = c->mention_at[k];

      /* "US" in "US Defence Secretary Pete Hegseth": the official is meant */
      if (m >= 0 && usable (mention (c, m)) && !mention (c, m)->modifier)
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
  if (strict && is_particle (w))
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

/* The actor a trigger is about: the first mention after it, within TARGET_WINDOW tokens and
 * the same clause ("rejected a Senegalese peace plan", "conceded to demands from UNITA"). A
 * comma, a dash, an auxiliary or a new clause ends the search; "on Monday" is skipped. */
static int
object_after (const Clause *c,
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
      if (m >= 0 && strict && usable (mention (c, m)) && possesses_relation_noun (c, m))
        return -1;
      if (m >= 0 && usable (mention (c, m)) && !mention (c, m)->modifier)
        return m;
      if (m >= 0 && mention (c, m)->modifier)
        {
          /* "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the official it qualifies */
          for (guint j = mention (c, m)->last + 1; j < MIN (c->end, mention (c, m)->last + 8); j++)
            {
              int o = c->mention_at[j];

              if (o >= 0 && o != m && usable (mention (c, o)))
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
          !g_str_has_suffix (lower (c, k - 1), "ly") && !is_particle (lower (c, k - 1)) &&
          /* "prevented the demonstration staged by students": the agent is who it is about */
          !(k + 1 < c->end && strcmp (lower (c, k + 1), "by") == 0))
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
static int
refine_target (const Clause *c,
               int           target)
{
  const DmRMention *t = mention (c, target);
  guint k = t->last + 1;

  if (t->possessive || k >= c->end)
    return target;
  /* only a noun after the mention ("NATO membership"), not "NATO of preparing" */
  if (token (c, k)->kind != DM_TOKEN_WORD || token (c, k)->capitalized || c->mention_at[k] >= 0 ||
      IN_LIST (lower (c, k), clause_openers) || strcmp (lower (c, k), "and") == 0 ||
      is_particle (lower (c, k)) || IN_LIST (lower (c, k), be_forms) ||
      IN_LIST (lower (c, k), modals) || g_str_has_suffix (lower (c, k), "ing"))
    return target;
  for (guint j = k + 1; j < MIN (c->end, k + 3); j++)
    {
      const char *w = lower (c, j);

      if (strcmp (w, "for") == 0 || strcmp (w, "to") == 0 || strcmp (w, "against") == 0 ||
          strcmp (w, "with") == 0 || strcmp (w, "on") == 0 || strcmp (w, "over") == 0 ||
          strcmp (w, "from") == 0)
        {
          int other = first_mention_after (c, j + 1, 3, TRUE);

          return other >= 0 ? other : target;
        }
    }
  return target;
}

/* The token of mention @m whose head in the parse lies outside it, or -1 unparsed. */
static int
parse_head_of_mention (const Clause *c,
                       int           m)
{
  const DmRMention *rm = mention (c, m);

  for (guint k = rm->first; k <= rm->last; k++)
    if (c->sink->head_of[k] < (int) rm->first || c->sink->head_of[k] > (int) rm->last)
      return c->sink->head_of[k] >= 0 || c->sink->deprel_of[k] == DM_DEP_ROOT ? (int) k : -1;
  return -1;
}

/* May mention @later, after a comma that follows another mention, be that mention's
 * conjunct? In a parsed sentence only if the tree says so: "Co-founder of Google, Sergey
 * Brin, met …" is an apposition, not two actors acting together. */
static gboolean
comma_joins (const Clause *c,
             int           later)
{
  int k = parse_head_of_mention (c, later);

  return k < 0 || c->sink->upos[k] == DM_UPOS_X || c->sink->deprel_of[k] == DM_DEP_CONJ;
}

/* Mentions joined to @m by "and" / "," after it ("Y and Z", "Y, Z and W"). */
static guint
coordinated_after (const Clause *c,
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
          if (j >= c->end || (next = c->mention_at[j]) < 0 || next == m || !usable (mention (c, next)))
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
static guint
coordinated_before (const Clause *c,
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
      if (j == c->first || (prev = c->mention_at[j - 1]) < 0 || !usable (mention (c, prev)))
        break;
      if (strcmp (lower (c, j), ",") == 0 && !comma_joins (c, c->mention_at[k]))
        break;
      out[n++] = prev;
      k = mention (c, prev)->first;
    }
  return n;
}

/* The subject of the sentence's main clause: the first mention after any opening adverbial
 * or participle clause ("Speaking in Brussels, Hegseth …", "Meanwhile, Russia …"). */
static int
find_main_subject (const Clause *c)
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

      if (m >= 0 && usable (mention (c, m)))
        return m;
      /* a verb before any actor: the subject is not an actor ("The attack killed …") */
      if (k > start + 12)
        break;
    }
  return -1;
}

/* The relation between actors named together as the subject of one action. */
static const DmLexVerb together_verb = {
  .phrase = (char *) "act together with", .words = NULL, .n_words = 3,
  .klass = DM_CLASS_COOPERATE, .label = (char *) "acts together with", .is_noun = FALSE,
};
static const Trigger acting_together = { &together_verb, DM_VERB_FORM_BASE, 0, 0 };

static void
emit (Clause        *c,
      int            source,
      int            target,
      const Trigger *t,
      gboolean       negated,
      guint          trigger_first,
      guint          trigger_last)
{
  const DmRMention *s = mention (c, source);
  const DmRMention *o = mention (c, target);

  /* one "acts together with" per pair and sentence, however many verbs they share */
  if (t->verb == &together_verb)
    {
      char *key = g_strdup_printf ("together\t%s\t%s\t%u", s->actor, o->actor, c->sentence);

      if (!g_hash_table_add (c->sink->seen, key))
        return;
    }
  dm_relation_sink_emit (c->sink, c->sentence, source, target, t->verb, negated,
                         dm_relation_token_in_quote (c->r->doc, trigger_first),
                         trigger_first, trigger_last);
}

static gboolean
is_reciprocal (const DmLexVerb *verb)
{
  return dm_relation_verb_is_reciprocal (verb);
}

/* The source for a trigger by the rules in the file header. */
static int
find_source (Clause        *c,
             const Trigger *t)
{
  guint group = verb_group_start (c, t->first);
  const char *before = group > c->first ? lower (c, group - 1) : "";

  if (t->verb->is_noun)
    {
      /* "Trump's long-standing criticism": a possessive up to three words before;
       * "U.S. airstrikes against": a modifier right before the noun */
      for (guint k = t->first; k > c->first && k + 4 > t->first; k--)
        {
          int m = c->mention_at[k - 1];

          if (m >= 0 && (mention (c, m)->possessive || k == t->first))
            return m;
          if (token (c, k - 1)->kind != DM_TOKEN_WORD)
            break;
        }
      /* "criticism of X by Y" */
      if (t->last + 2 < c->end && strcmp (lower (c, t->last + 1), "by") != 0)
        {
          for (guint k = t->last + 1; k < MIN (c->end, t->last + 6); k++)
            if (strcmp (lower (c, k), "by") == 0)
              {
                int by = first_mention_after (c, k + 1, 3, TRUE);

                if (by >= 0)
                  return by;
                break;
              }
        }
      /* "… in support of our partners", "in their fight against ISIL": an adverbial phrase
       * of the clause, whose subject is the source */
      if (t->first > c->first + 1 &&
          (strcmp (lower (c, t->first - 1), "in") == 0 ||
           (t->first > c->first + 2 && strcmp (lower (c, t->first - 2), "in") == 0 &&
            token (c, t->first - 1)->kind == DM_TOKEN_WORD && c->mention_at[t->first - 1] < 0)))
        {
          if (c->last_source >= 0)
            return c->last_source;
          if (c->main_subject >= 0 && mention (c, c->main_subject)->first < t->first)
            return c->main_subject;
        }
      /* "Coalition forces conducted 11 strikes against …": the subject of the verb before */
      for (guint k = t->first; k > c->first && k + 6 > t->first; k--)
        {
          const char *w = lower (c, k - 1);

          if (c->mention_at[k - 1] >= 0 || IN_LIST (w, clause_openers) || strcmp (w, ",") == 0)
            break;
          if (g_str_has_suffix (w, "ed") || dm_lexicon_lookup_verb (c->r->lexicon, w) != NULL ||
              strcmp (w, "made") == 0 || strcmp (w, "held") == 0 || strcmp (w, "began") == 0)
            return nearest_left (c, verb_group_start (c, k - 1));
        }
      /* "support for the Government of Iraq in the fight against ISIL": the actor just before */
      for (guint k = t->first; k > c->first && k + 6 > t->first; k--)
        {
          int m = c->mention_at[k - 1];

          if (m >= 0 && usable (mention (c, m)) && !mention (c, m)->modifier)
            {
              guint before_m = mention (c, m)->first;

              /* "the deployment of troops in Lithuania was a threat": Lithuania is not it */
              if (before_m > c->first && is_particle (lower (c, before_m - 1)))
                return -1;
              return m;
            }
          if (token (c, k - 1)->kind != DM_TOKEN_WORD || IN_LIST (lower (c, k - 1), clause_openers))
            break;
        }
      return -1;
    }

  /* ", calling on NATO allies": a participle clause hangs on the main subject */
  if (t->form == DM_VERB_FORM_GERUND && (strcmp (before, ",") == 0 || group == c->first ||
                                          strcmp (before, "having") == 0))
    {
      if (strcmp (before, "having") == 0 && group >= c->first + 2 &&
          strcmp (lower (c, group - 2), ",") != 0)
        return nearest_left (c, group);
      return c->main_subject;
    }

  /* "... and urged European allies": a second verb of the same subject */
  if ((strcmp (before, "and") == 0 || strcmp (before, "but") == 0) && group >= c->first + 2 &&
      c->mention_at[group - 2] < 0)
    {
      if (c->last_source >= 0)
        return c->last_source;
      return c->main_subject >= 0 ? c->main_subject : nearest_left (c, group);
    }

  return nearest_left (c, group);
}

/* Is the verb in the future or announced as an intention ("will release", "would boycott",
 * "is prepared to lift", "plans to visit")? */
static gboolean
is_intended (const Clause  *c,
             const Trigger *t)
{
  static const char * const intention[] = {
    "prepared", "ready", "plans", "plan", "planned", "intends", "intend", "intended", "aims",
    "willing", "set",
  };
  guint group = verb_group_start (c, t->first);

  if (t->verb->is_noun || t->form == DM_VERB_FORM_PAST || t->form == DM_VERB_FORM_PARTICIPLE)
    return FALSE;
  for (guint k = group; k < t->first; k++)
    {
      const char *w = lower (c, k);

      if (strcmp (w, "will") == 0 || strcmp (w, "would") == 0 || strcmp (w, "shall") == 0 ||
          strcmp (w, "'ll") == 0)
        return TRUE;
    }
  return t->first >= c->first + 2 && strcmp (lower (c, t->first - 1), "to") == 0 &&
         IN_LIST (lower (c, t->first - 2), intention);
}

/* Does "unless" follow the trigger in its sentence ("will withdraw … unless …")? */
static gboolean
is_conditional (const Clause  *c,
                const Trigger *t)
{
  for (guint k = t->last + 1; k < c->end; k++)
    if (strcmp (lower (c, k), "unless") == 0)
      return TRUE;
  return FALSE;
}

/* An announced act, coded by what it promises (dm_relation_verb_intent ()). */
static gboolean
intent_of (const Trigger *t,
           gboolean       conditional,
           DmLexVerb     *verb,
           Trigger       *intent)
{
  if (!dm_relation_verb_intent (t->verb, conditional, verb))
    return FALSE;
  *intent = *t;
  intent->verb = verb;
  return TRUE;
}

static gboolean
in_trigger (const Trigger *t,
            int            k)
{
  return k >= (int) t->first && k <= (int) t->last;
}

/* Does the parse make mention @m the subject of a verb other than the trigger's? */
static gboolean
is_clause_subject (const Clause  *c,
                   int            m,
                   const Trigger *t)
{
  const DmRMention *rm = mention (c, m);

  for (guint k = rm->first; k <= rm->last; k++)
    if ((c->sink->deprel_of[k] == DM_DEP_NSUBJ || c->sink->deprel_of[k] == DM_DEP_NSUBJ_PASS) &&
        c->sink->head_of[k] >= 0 && !in_trigger (t, c->sink->head_of[k]))
      return TRUE;
  return FALSE;
}

/* In a parsed sentence, is person @m only the owner of the trigger's subject ("Thomas'
 * sister pleaded with him")? A person's kin or staff act for themselves. */
static gboolean
owns_subject (const Clause  *c,
              int            m,
              const Trigger *t)
{
  int k = parse_head_of_mention (c, m), noun;
  DmActorType type = mention (c, m)->type;

  if (k < 0 || c->sink->deprel_of[k] != DM_DEP_NMOD_POSS ||
      (type != DM_ACTOR_PERSON && type != DM_ACTOR_OFFICIAL))
    return FALSE;
  noun = c->sink->head_of[k];
  return noun >= 0 && c->mention_at[noun] < 0 && c->sink->deprel_of[noun] == DM_DEP_NSUBJ &&
         in_trigger (t, c->sink->head_of[noun]);
}

/* In a parsed sentence, is the trigger in a relative clause ("Freedom Magazine, which attacked
 * Y") whose noun does not hold mention @m? Such a clause's actor is the noun it describes,
 * never an actor further left. */
static gboolean
outside_relative_clause (const Clause  *c,
                         int            m,
                         const Trigger *t)
{
  int k = (int) t->first, noun = -1;

  for (guint depth = 0; k >= 0 && depth < 4 && noun < 0; depth++)
    {
      DmDeprel d = c->sink->deprel_of[k];

      if (d == DM_DEP_ACL_RELCL)
        noun = c->sink->head_of[k];
      else if (d == DM_DEP_CONJ || d == DM_DEP_XCOMP)
        k = c->sink->head_of[k];
      else
        break;
    }
  if (noun < 0)
    return FALSE;
  k = parse_head_of_mention (c, m);
  for (guint depth = 0; k >= 0 && depth < 12; depth++, k = c->sink->head_of[k])
    if (k == noun)
      return FALSE;
  return TRUE;
}

static void extract_relations (Clause        *c,
                               const Trigger *t,
                               gboolean       negated);

static void
extract_trigger (Clause        *c,
                 const Trigger *t)
{
  gboolean negated = is_negated (c, t->first);
  DmLexVerb intent_verb;
  Trigger intent;

  if (!negated && is_intended (c, t) && intent_of (t, is_conditional (c, t), &intent_verb, &intent))
    {
      extract_relations (c, &intent, negated);
      g_free (intent_verb.label);
      return;
    }
  extract_relations (c, t, negated);
}

static void
extract_relations (Clause        *c,
                   const Trigger *t,
                   gboolean       negated)
{
  int source = -1, target = -1;
  int sources[MAX_COORDINATED + 1], targets[MAX_COORDINATED + 1];
  guint n_sources = 0, n_targets = 0;

  if (is_passive (c, t))
    {
      /* "X was criticised by Y": Y criticises X */
      guint k = t->last + 1;

      if (k < c->end && strcmp (lower (c, k), "by") == 0)
        source = first_mention_after (c, k + 1, 4, TRUE);
      target = nearest_left (c, verb_group_start (c, t->first));
      if (source < 0 || target < 0)
        return;
      emit (c, source, target, t, negated, t->first, t->last);
      return;
    }

  source = find_source (c, t);
  /* a verb of saying takes its object directly: "cited Poland", not "spoke at a NATO meeting" */
  target = object_after (c, t->last + 1, t->verb->klass == DM_CLASS_STATEMENT && t->verb->n_words == 1);
  /* "said the United States would …": the subject of what was said, not an object; in a
   * parsed sentence the tree says so whatever follows ("said John Kerry, the Secretary of
   * State, contacted …") */
  if (target >= 0 && t->verb->klass == DM_CLASS_STATEMENT && is_clause_subject (c, target, t))
    target = -1;
  if (target >= 0 && t->verb->klass == DM_CLASS_STATEMENT && t->verb->n_words == 1 &&
      mention (c, target)->last + 1 < c->end)
    {
      const char *after = lower (c, mention (c, target)->last + 1);

      if (IN_LIST (after, modals) || IN_LIST (after, be_forms) || IN_LIST (after, have_forms) ||
          (dm_lexicon_lookup_verb (c->r->lexicon, after) != NULL && !is_particle (after)))
        target = -1;
    }
  /* "threatened to ban voting in East Jerusalem if Hamas …": a place of the source's own is
   * no target; the actor after "if" may be */
  if (target >= 0 && source >= 0 && strcmp (mention (c, target)->actor, mention (c, source)->actor) == 0)
    target = -1;
  /* "demanded that its partners refuse …", "threatened to ban voting if Hamas …" */
  if (target < 0 && t->last + 2 < c->end &&
      (t->verb->klass == DM_CLASS_DEMAND || t->verb->klass == DM_CLASS_APPEAL) &&
      strcmp (lower (c, t->last + 1), "that") == 0)
    target = object_after (c, t->last + 2, FALSE);
  if (target < 0 && t->verb->klass == DM_CLASS_THREATEN)
    {
      for (guint k = t->last + 1; k < MIN (c->end, t->last + TARGET_WINDOW + 4); k++)
        if (strcmp (lower (c, k), "if") == 0 || strcmp (lower (c, k), "unless") == 0)
          {
            target = object_after (c, k + 1, FALSE);
            break;
          }
    }
  if (target >= 0)
    target = refine_target (c, target);

  if (source < 0 || outside_relative_clause (c, source, t) || owns_subject (c, source, t))
    return;
  c->last_source = source;
  if (!negated && is_negated_existential (c, source))
    negated = TRUE;

  sources[n_sources++] = source;
  n_sources += coordinated_before (c, source, sources + n_sources, MAX_COORDINATED);

  if (n_sources > 1)
    {
      /* "The United States and Jordan have agreed": with a reciprocal verb the subjects relate
       * to each other both ways; otherwise subjects of one action act together. */
      if (is_reciprocal (t->verb) && target < 0)
        {
          for (guint a = 0; a < n_sources; a++)
            for (guint b = 0; b < n_sources; b++)
              if (a != b)
                emit (c, sources[a], sources[b], t, negated, t->first, t->last);
        }
      else if (t->verb->klass != DM_CLASS_STATEMENT && !negated)
        {
          for (guint a = 1; a < n_sources; a++)
            emit (c, sources[a], sources[0], &acting_together, FALSE, t->first, t->last);
        }
    }

  if (target < 0)
    return;

  targets[n_targets++] = target;
  n_targets += coordinated_after (c, target, targets + n_targets, MAX_COORDINATED);

  for (guint a = 0; a < n_sources; a++)
    for (guint b = 0; b < n_targets; b++)
      {
        emit (c, sources[a], targets[b], t, negated, t->first, t->last);
        /* "Carter met al-Abadi": meeting, talks and agreements go both ways */
        if (is_reciprocal (t->verb) && t->verb->klass != DM_CLASS_ASSAULT)
          emit (c, targets[b], sources[a], t, negated, t->first, t->last);
      }
}

/* "according to X": X says what the sentence claims about its first actor. */
static void
extract_according_to (Clause *c)
{
  static const DmLexVerb says = {
    .phrase = (char *) "according to", .words = NULL, .n_words = 2,
    .klass = DM_CLASS_STATEMENT, .label = (char *) "says", .is_noun = FALSE,
  };
  Trigger t = { &says, DM_VERB_FORM_BASE, 0, 0 };

  for (guint k = c->first; k + 2 < c->end; k++)
    {
      if (strcmp (lower (c, k), "according") == 0 && strcmp (lower (c, k + 1), "to") == 0)
        {
          int source = first_mention_after (c, k + 2, 6, TRUE);
          int target;

          if (source < 0)
            return;
          target = -1;
          for (guint j = c->first; j < k; j++)
            if (c->mention_at[j] >= 0 && usable (mention (c, c->mention_at[j])))
              {
                target = c->mention_at[j];
                break;
              }
          if (target < 0)
            return;
          t.first = k;
          t.last = k + 1;
          emit (c, source, target, &t, FALSE, k, k + 1);
          return;
        }
    }
}

/* "Straw said the Sudanese government must reach an agreement": the speaker demands it of
 * the subject of "must". */
static void
extract_obligations (Clause *c)
{
  static const DmLexVerb demands = {
    .phrase = (char *) "demand", .words = NULL, .n_words = 1,
    .klass = DM_CLASS_DEMAND, .label = (char *) "demands", .is_noun = FALSE,
  };
  static const char * const saying[] = {
    "said", "says", "stated", "emphasised", "emphasized", "stressed", "insisted", "concluded",
    "declared", "argued", "warned", "added", "reiterated", "believes", "believed",
  };
  Trigger t = { &demands, DM_VERB_FORM_BASE, 0, 0 };

  for (guint k = c->first + 1; k < c->end; k++)
    {
      int subject, speaker = -1;

      if (strcmp (lower (c, k), "must") != 0 && strcmp (lower (c, k), "should") != 0)
        continue;
      subject = nearest_left (c, k);
      if (subject < 0 || mention (c, subject)->last + 4 < k)
        continue;
      for (guint j = mention (c, subject)->first; j > c->first; j--)
        if (IN_LIST (lower (c, j - 1), saying))
          {
            speaker = nearest_left (c, verb_group_start (c, j - 1));
            break;
          }
      /* "…, the minister said." at the end */
      if (speaker < 0)
        for (guint j = k + 1; j < c->end; j++)
          if (IN_LIST (lower (c, j), saying) && c->mention_at[j - 1] >= 0)
            {
              speaker = c->mention_at[j - 1];
              break;
            }
      if (speaker < 0 || speaker == subject)
        continue;
      t.first = t.last = k;
      emit (c, speaker, subject, &t, FALSE, k, k);
    }
}

static void
extract_sentence (Clause *c)
{
  c->main_subject = find_main_subject (c);
  c->last_source = -1;

  for (guint i = c->first; i < c->end; i++)
    {
      Trigger t;

      if (!find_trigger (c, i, &t))
        continue;
      extract_trigger (c, &t);
      i = t.last;
    }
  extract_according_to (c);
  extract_obligations (c);
}

static gint
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  const DmRelation *ra = *(const DmRelation * const *) a;
  const DmRelation *rb = *(const DmRelation * const *) b;

  if (ra->trigger.start != rb->trigger.start)
    return ra->trigger.start < rb->trigger.start ? -1 : 1;
  if (ra->source_mention.start != rb->source_mention.start)
    return ra->source_mention.start < rb->source_mention.start ? -1 : 1;
  if (ra->target_mention.start != rb->target_mention.start)
    return ra->target_mention.start < rb->target_mention.start ? -1 : 1;
  return 0;
}

/* Is the name at DmToken @tok, compounded with the noun at @noun, only where the noun
 * happens ("the London conference")? A city before a body that acts for its state
 * ("Kremlin officials", "Washington diplomats") stays an actor. */
static gboolean
is_place_modifier (const DmRecognition *r,
                   guint                tok,
                   guint                noun)
{
  int m = -1;

  for (guint k = 0; k < r->mentions->len && m < 0; k++)
    {
      const DmRMention *rm = dm_recognition_mention (r, k);

      if (!rm->nested && rm->first <= tok && tok <= rm->last)
        m = (int) k;
    }
  if (m < 0 || (noun >= dm_recognition_mention (r, (guint) m)->first &&
                noun <= dm_recognition_mention (r, (guint) m)->last))
    return FALSE;
  /* a city named before a noun is where it happens; a country or an organisation before
   * "offer", "mediation", "resolution" is whose it is, and stays (measured on the dev sets) */
  if (dm_recognition_mention (r, (guint) m)->kind != DM_RMENTION_CAPITAL)
    return FALSE;
  return (dm_lexicon_name_part (r->lexicon, r->lower[noun]) &
          (DM_PART_COLLECTIVE | DM_PART_ARMED_BODY | DM_PART_GOVERNMENT_BODY |
           DM_PART_PRONOUN_PERSON)) == 0;
}

void
dm_relations_extract (const DmRecognition *r,
                      const DmParse       *parse,
                      DmAnalysis          *analysis)
{
  const DmTextDoc *doc = r->doc;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *mention_at = g_new (int, doc->tokens->len + 1);
  g_autofree gboolean *decided = g_new0 (gboolean, doc->tokens->len + 1);
  g_autofree guint8 *upos = g_new0 (guint8, doc->tokens->len + 1);
  g_autofree gboolean *modifier = g_new0 (gboolean, doc->tokens->len + 1);
  g_autofree int *head_of = g_new (int, doc->tokens->len + 1);
  g_autofree guint8 *deprel_of = g_new0 (guint8, doc->tokens->len + 1);
  DmRelationSink sink = { r, analysis, seen, mention_at, decided, upos, modifier, head_of, deprel_of };
  /* DRAMATIS_TREE_ONLY=1: no word-order rules for a parsed sentence, to measure the tree
   * rules alone */
  gboolean fallback_after_tree = g_getenv ("DRAMATIS_TREE_ONLY") == NULL;

  for (guint i = 0; i <= doc->tokens->len; i++)
    mention_at[i] = head_of[i] = -1;
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (m->nested)
        continue;
      for (guint i = m->first; i <= m->last; i++)
        if (mention_at[i] < 0)
          mention_at[i] = (int) k;
    }

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const DmSentence *sent = dm_text_doc_sentence (doc, s);
      Clause c = { 0 };

      /* a parsed sentence is read from its tree; the word-order rules are the fallback */
      if (parse != NULL && s < parse->sentences->len &&
          g_array_index (parse->sentences, DmParseSentence, s).parsed)
        {
          const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, s);

          /* the first piece of a word split for the parser ("Trump" of "Trump's") */
          for (guint i = ps->first + ps->n_tokens; i > ps->first; i--)
            {
              const DmParseToken *pt = &g_array_index (parse->tokens, DmParseToken, i - 1);

              upos[pt->token] = (guint8) pt->upos;
              deprel_of[pt->token] = (guint8) pt->deprel;
              if (pt->head >= 0)
                head_of[pt->token] = (int) g_array_index (parse->tokens, DmParseToken, pt->head).token;
              if (pt->deprel == DM_DEP_COMPOUND && pt->head >= 0)
                modifier[pt->token] = is_place_modifier (r, pt->token,
                                                         g_array_index (parse->tokens, DmParseToken, pt->head).token);
            }
          dm_relations_extract_sentence (&sink, parse, s);
          if (!fallback_after_tree)
            continue;
        }
      c.r = r;
      c.analysis = analysis;
      c.sentence = s;
      c.first = sent->first_token;
      c.end = sent->first_token + sent->n_tokens;
      c.mention_at = mention_at;
      c.sink = &sink;
      extract_sentence (&c);
    }

  g_ptr_array_sort (analysis->relations, compare_relations);
}

DmExtractor *
dm_extractor_new (DmLexicon *lexicon)
{
  DmExtractor *self;

  g_return_val_if_fail (lexicon != NULL, NULL);

  self = g_new0 (DmExtractor, 1);
  self->lexicon = lexicon;
  /* DRAMATIS_NO_PARSE=1: the word-order rules only, to compare the two */
  self->parse = g_getenv ("DRAMATIS_NO_PARSE") == NULL;
  return self;
}

DmExtractor *
dm_extractor_get_default (void)
{
  static DmExtractor *extractor;

  if (g_once_init_enter (&extractor))
    g_once_init_leave (&extractor, dm_extractor_new (dm_lexicon_get_default ()));
  return extractor;
}

void
dm_extractor_free (DmExtractor *self)
{
  g_free (self);
}

/* Does sentence @s hold a verb-lexicon word and two actor mentions? Only such sentences
 * can give a relation, so only they are tagged and parsed (parsing is most of the time an
 * article takes). */
static gboolean
is_candidate (const DmRecognition *r,
              guint                s,
              const guint         *n_mentions)
{
  const DmSentence *sent = dm_text_doc_sentence (r->doc, s);

  if (n_mentions[s] < 2)
    return FALSE;
  for (guint i = sent->first_token; i < sent->first_token + sent->n_tokens; i++)
    if (dm_lexicon_lookup_verb (r->lexicon, r->lower[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The parse of the sentences that may hold a relation, or NULL without models (then every
 * sentence goes through the word-order rules). */
static DmParse *
parse_candidates (DmExtractor         *self,
                  const DmRecognition *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint *n_mentions = NULL;
  const DmModels *models;
  DmParse *parse;

  if (!self->parse)
    return NULL;
  models = dm_models_get_default (&error);
  if (models == NULL)
    {
      static gsize warned;

      if (g_once_init_enter (&warned))
        {
          g_warning ("Relations are read without a parser: %s", error->message);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }

  n_mentions = g_new0 (guint, r->doc->sentences->len + 1);
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);

      if (!m->nested && !m->modifier && m->sentence < r->doc->sentences->len)
        n_mentions[m->sentence]++;
    }

  parse = dm_parse_tokens_new (r->doc);
  for (guint s = 0; s < parse->sentences->len; s++)
    if (is_candidate (r, s, n_mentions))
      {
        dm_tagger_tag (models->tagger, r->doc, parse, s);
        dm_parser_parse (models->parser, r->doc, parse, s);
      }
  return parse;
}

/* The text as the recognizer should read it: the dateline's place ("KUALA LUMPUR, April 15,
 * 2026 — Foreign ministers … urged China") in lower case, so that it is not taken for an actor
 * of the sentence it opens (nor its subject). Same bytes and code points, so every offset
 * still points into the article's own text. NULL when there is no dateline. */
static char *
mask_dateline_place (const DmArticle *article)
{
  gsize start, end;
  char *text;

  if (!dm_dateline_place (article->text, article->text_len, &start, &end))
    return NULL;
  text = g_memdup2 (article->text, article->text_len + 1);
  for (char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar lower = g_unichar_tolower (g_utf8_get_char (p));
      char buf[6];

      if (g_unichar_to_utf8 (lower, buf) == g_utf8_next_char (p) - p)
        memcpy (p, buf, g_utf8_next_char (p) - p);
    }
  return text;
}

DmAnalysis *
dm_extractor_analyze (DmExtractor *self,
                      DmArticle   *article)
{
  g_autofree char *masked = NULL;
  g_autoptr(DmTextDoc) doc = NULL;
  g_autoptr(DmRecognition) r = NULL;
  g_autoptr(DmParse) parse = NULL;
  DmAnalysis *analysis;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  analysis = dm_analysis_new (article);
  masked = mask_dateline_place (article);
  doc = dm_text_doc_new (masked != NULL ? masked : article->text, article->text_len);
  r = dm_recognize (self->lexicon, doc);

  for (guint k = 0; k < r->mentions->len; k++)
    {
      const DmRMention *m = dm_recognition_mention (r, k);
      const DmToken *a = dm_text_doc_token (doc, m->first);
      const DmToken *b = dm_text_doc_token (doc, m->last);
      guint start_byte = m->start_byte ? m->start_byte : a->start;
      guint end_byte = m->end_byte ? m->end_byte : b->end;
      g_autofree char *text = g_strndup (article->text + start_byte, end_byte - start_byte);
      DmSpan span = { m->start_byte ? dm_text_doc_cp_offset (doc, m->start_byte) : a->cp_start,
                      m->end_byte ? dm_text_doc_cp_offset (doc, m->end_byte) : b->cp_end };

      g_ptr_array_add (analysis->mentions,
                       dm_mention_new (span, text, m->actor, m->type, m->role, m->affiliation));
    }

  parse = parse_candidates (self, r);
  dm_relations_extract (r, parse, analysis);
  return analysis;
}
