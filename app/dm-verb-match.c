/* dm-verb-match.c — a parsed sentence as a tree, and verb-lexicon phrases found along it
 *
 * In the text the words of a phrase may sit apart ("closed its northern borders with",
 * "opened fire on", "ruled the plan out"); in the tree they hang on the phrase's first word:
 * a particle (compound:prt), an object noun, the case marker of an oblique or of a modifier
 * of that noun. Matching follows the tree, so whatever stands between does not matter.
 * Two attachments the parser often gets wrong are read through: a particle right after its
 * verb hung on the object ("turning away boats"), and a relation noun's preposition hung on
 * the light verb whose object the noun is ("issued her support to Y").
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-relations-private.h"
#include "dm-text.h"

#define MAX_ANCHORS 4

DmSentenceTree *
dm_sentence_tree_new (const DmRecognition *r,
                      const DmParse       *parse,
                      guint                sentence,
                      const int           *mention_at)
{
  const DmParseSentence *ps = &g_array_index (parse->sentences, DmParseSentence, sentence);
  DmSentenceTree *tree = g_new0 (DmSentenceTree, 1);

  tree->r = r;
  tree->parse = parse;
  tree->sentence = sentence;
  tree->first = ps->first;
  tree->n = ps->n_tokens;
  tree->mention_at = mention_at;
  g_autofree DmTextSpan *spans = g_new (DmTextSpan, tree->n + 1);

  tree->head = g_new (int, tree->n + 1);
  for (guint i = 0; i < tree->n; i++)
    {
      const DmParseToken *t = dm_sentence_tree_token (tree, (int) i);

      spans[i] = (DmTextSpan) { r->doc->text + t->start, t->end - t->start };
      /* a head outside the sentence would be a broken parse: read it as a root */
      tree->head[i] = t->head >= (int) ps->first && t->head < (int) (ps->first + ps->n_tokens)
                      ? t->head - (int) ps->first : -1;
    }
  tree->lower = dm_text_spans_dup (spans, tree->n, TRUE);
  return tree;
}

void
dm_sentence_tree_free (DmSentenceTree *tree)
{
  if (tree == NULL)
    return;
  g_free (tree->lower);   /* one block */
  g_free (tree->head);
  g_free (tree);
}

int
dm_sentence_tree_child (const DmSentenceTree *tree,
                        int                   i,
                        DmDeprel              deprel,
                        const char           *word)
{
  for (guint k = 0; k < tree->n; k++)
    if (tree->head[k] == i && dm_sentence_tree_deprel (tree, (int) k) == deprel &&
        (word == NULL || strcmp (tree->lower[k], word) == 0))
      return (int) k;
  return -1;
}

static gboolean
is_preposition (const char *word)
{
  static const char * const prepositions[] = {
    "on", "to", "for", "with", "of", "from", "in", "into", "against", "at", "out", "off", "up",
    "down", "over", "about", "by", "upon", "onto", "toward", "towards", "back", "away",
    "alongside", "between", "among", "behind", "across", "through", "under", "around",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (prepositions); i++)
    if (strcmp (word, prepositions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Words that are a verb's particle rather than a preposition when nothing follows them that
 * they govern ("turn away boats", "hand over prisoners"). */
static gboolean
is_particle (const char *word)
{
  static const char * const particles[] = {
    "away", "out", "off", "back", "down", "up", "over",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (particles); i++)
    if (strcmp (word, particles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "sanctions" for "sanction", "borders" for "border", "talks" for "talks" */
static gboolean
word_matches (const char *text,
              const char *want)
{
  gsize n = strlen (want);

  if (strcmp (text, want) == 0)
    return TRUE;
  return strncmp (text, want, n) == 0 &&
         (strcmp (text + n, "s") == 0 || strcmp (text + n, "es") == 0);
}

static gboolean
is_nominal_dependent (DmDeprel deprel)
{
  switch ((int) deprel)
    {
    case DM_DEP_OBJ: case DM_DEP_IOBJ: case DM_DEP_OBL: case DM_DEP_OBL_AGENT:
    case DM_DEP_NMOD: case DM_DEP_NSUBJ_PASS: case DM_DEP_OBL_NPMOD: case DM_DEP_ADVMOD:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Does nominal @k carry the preposition @want, as a case marker or a word fixed to one
 * ("out of": case "out", fixed "of")? */
static gboolean
has_case (const DmSentenceTree *tree,
          int                   k,
          const char           *want)
{
  for (guint c = 0; c < tree->n; c++)
    {
      if (tree->head[c] != k || dm_sentence_tree_deprel (tree, (int) c) != DM_DEP_CASE)
        continue;
      if (strcmp (tree->lower[c], want) == 0 ||
          dm_sentence_tree_child (tree, (int) c, DM_DEP_FIXED, want) >= 0)
        return TRUE;
    }
  return FALSE;
}

/* "held a meeting with President Obama", parsed as "with President" hung on "Obama": does
 * the title right before name @k, hung on it, carry the preposition @want? The name is
 * then what the preposition marks. */
static gboolean
title_has_case (const DmSentenceTree *tree,
                int                   k,
                const char           *want)
{
  int t = k - 1;

  return t >= 0 && tree->head[t] == k &&
         dm_sentence_tree_token (tree, k)->upos == DM_UPOS_PROPN &&
         dm_lexicon_lookup_title (tree->r->lexicon, tree->lower[t]) != NULL &&
         has_case (tree, t, want);
}

/* Is the word right after verb @v its particle @want that the parse hangs on a number
 * counting the verb's object ("handed over 700 kg of medicine", "turned over 40 prisoners")? */
static gboolean
particle_on_number (const DmSentenceTree *tree,
                    int                   v,
                    const char           *want)
{
  int p = v + 1, num;

  if ((guint) p + 1 >= tree->n || strcmp (tree->lower[p], want) != 0 ||
      (dm_sentence_tree_deprel (tree, p) != DM_DEP_ADVMOD && dm_sentence_tree_deprel (tree, p) != DM_DEP_CASE))
    return FALSE;
  num = tree->head[p];
  return num == p + 1 && dm_sentence_tree_token (tree, num)->upos == DM_UPOS_NUM &&
         tree->head[num] >= 0 && dm_sentence_tree_deprel (tree, tree->head[num]) == DM_DEP_OBJ &&
         tree->head[tree->head[num]] == v;
}

/* Is noun @k a kind of @want by a modifier before it ("aid deliveries", "aid program",
 * "joint exercises")? */
static gboolean
names_kind (const DmSentenceTree *tree,
            int                   k,
            const char           *want)
{
  for (guint c = 0; c < tree->n; c++)
    if (tree->head[c] == k && (int) c < k &&
        (dm_sentence_tree_deprel (tree, (int) c) == DM_DEP_COMPOUND ||
         dm_sentence_tree_deprel (tree, (int) c) == DM_DEP_AMOD) &&
        word_matches (tree->lower[c], want))
      return TRUE;
  return FALSE;
}

/* The nominal marked by @prep that hangs on a place phrase ("in the capital", "at the
 * border") of one of @anchors, or -1. */
static int
on_place (const DmSentenceTree *tree,
          const int            *anchors,
          guint                 n_anchors,
          const char           *prep)
{
  static const char * const locative[] = { "in", "at", "near", "outside", NULL };

  for (guint a = 0; a < n_anchors; a++)
    for (guint p = 0; p < tree->n; p++)
      {
        gboolean place = FALSE;

        if (tree->head[p] != anchors[a] || !is_nominal_dependent (dm_sentence_tree_deprel (tree, (int) p)))
          continue;
        for (guint l = 0; locative[l] != NULL && !place; l++)
          place = has_case (tree, (int) p, locative[l]);
        if (!place)
          continue;
        for (guint k = 0; k < tree->n; k++)
          if (tree->head[k] == (int) p && dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_NMOD &&
              has_case (tree, (int) k, prep))
            return (int) k;
      }
  return -1;
}

/* The nominal marked by @prep that hangs on a participle of aiming describing one of
 * @anchors ("rounds aimed at Y"), or -1. "targeting Y" names the target with no preposition:
 * it stands for "at". */
static int
on_aiming_participle (const DmSentenceTree *tree,
                      const int            *anchors,
                      guint                 n_anchors,
                      const char           *prep)
{
  static const char * const aiming[] = {
    "aimed", "directed", "targeted", "targeting", "targetting", NULL,
  };

  for (guint a = 0; a < n_anchors; a++)
    for (guint p = 0; p < tree->n; p++)
      {
        gboolean aims = FALSE;

        if (tree->head[p] != anchors[a] || (int) p <= anchors[a] ||
            dm_sentence_tree_deprel (tree, (int) p) != DM_DEP_ACL)
          continue;
        for (guint w = 0; aiming[w] != NULL && !aims; w++)
          aims = strcmp (tree->lower[p], aiming[w]) == 0;
        if (!aims)
          continue;
        if (g_str_has_prefix (tree->lower[p], "target") && g_str_has_suffix (tree->lower[p], "ing") &&
            strcmp (prep, "at") == 0 &&
            dm_sentence_tree_child (tree, (int) p, DM_DEP_OBJ, NULL) >= 0)
          return dm_sentence_tree_child (tree, (int) p, DM_DEP_OBJ, NULL);
        for (guint k = 0; k < tree->n; k++)
          if (tree->head[k] == (int) p && is_nominal_dependent (dm_sentence_tree_deprel (tree, (int) k)) &&
              has_case (tree, (int) k, prep))
            return (int) k;
      }
  return -1;
}

/* "delivered 500 kg of medicine to": the word of a phrase counted or measured by the noun @k
 * (name-parts.tsv, role measure) stands in its "of" phrase. Returns that word, or -1. */
static int
measured (const DmSentenceTree *tree,
          int                   k,
          const char           *want)
{
  if (!(dm_lexicon_name_part (tree->r->lexicon, tree->lower[k]) & DM_PART_MEASURE))
    return -1;
  for (guint c = 0; c < tree->n; c++)
    if (tree->head[c] == k && dm_sentence_tree_deprel (tree, (int) c) == DM_DEP_NMOD &&
        word_matches (tree->lower[c], want) && has_case (tree, (int) c, "of"))
      return (int) c;
  return -1;
}

/* The modifier of verb @v's object marked by preposition @prep ("from Y" in "seized the
 * complex from Y"), or -1. Only the prepositions a verb's phrase takes after its object. */
static int
object_modifier (const DmSentenceTree *tree,
                 int                   v,
                 const char           *prep)
{
  static const char * const after_object[] = { "to", "with", "from", "against", "into", NULL };
  int o = dm_sentence_tree_child (tree, v, DM_DEP_OBJ, NULL);
  gboolean allowed = FALSE;

  for (guint p = 0; after_object[p] != NULL && !allowed; p++)
    allowed = strcmp (after_object[p], prep) == 0;
  if (o < 0 || !allowed)
    return -1;
  for (guint k = 0; k < tree->n; k++)
    if (tree->head[k] == o && dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_NMOD &&
        has_case (tree, (int) k, prep))
      return (int) k;
  return -1;
}

/* "spoke by phone with Y", "met via video link with Y": the parser hangs the verb's "with"
 * phrase on the means before it; the "with" modifier of verb @v's means, or -1. */
static int
means_modifier (const DmSentenceTree *tree,
                int                   v,
                const char           *prep)
{
  static const char * const means[] = { "by", "via", "over", NULL };

  if (strcmp (prep, "with") != 0)
    return -1;
  for (guint m = 0; m < tree->n; m++)
    {
      gboolean by_means = FALSE;

      if (tree->head[m] != v || dm_sentence_tree_deprel (tree, (int) m) != DM_DEP_OBL)
        continue;
      for (guint p = 0; means[p] != NULL && !by_means; p++)
        by_means = has_case (tree, (int) m, means[p]);
      if (!by_means)
        continue;
      for (guint k = m + 1; k < tree->n; k++)
        if (tree->head[k] == (int) m && dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_NMOD &&
            has_case (tree, (int) k, prep))
          return (int) k;
    }
  return -1;
}

/* "support of Y via its account": the parser may hang the preposition right after a
 * relation noun @n on a noun past the name that follows it, and the name elsewhere. That
 * name is the preposition's object all the same; or -1. */
static int
stranded_case_object (const DmSentenceTree *tree,
                      int                   n,
                      const char           *prep)
{
  int p = n + 1, name = n + 2, h;

  if (name >= (int) tree->n || strcmp (tree->lower[p], prep) != 0 ||
      dm_sentence_tree_deprel (tree, p) != DM_DEP_CASE ||
      dm_sentence_tree_token (tree, name)->upos != DM_UPOS_PROPN)
    return -1;
  h = tree->head[p];
  if (h >= 0 && (h < name || dm_sentence_tree_token (tree, h)->upos == DM_UPOS_PROPN))
    return -1;  /* hung on the name's own last word ("Vladimir | Putin") is no stray */
  /* "strikes against ISIL terrorists", "pressure on Assad's regime": a name modifying the
   * noun the preposition is hung on is inside that noun's phrase, no stray */
  for (int k = name, steps = 0; h >= 0 && k >= 0 && steps < 8; k = tree->head[k], steps++)
    {
      DmDeprel d = dm_sentence_tree_deprel (tree, k);

      if (d != DM_DEP_COMPOUND && d != DM_DEP_AMOD && d != DM_DEP_NMOD_POSS && d != DM_DEP_FLAT)
        break;
      if (tree->head[k] == h)
        return -1;
    }
  return name;
}

/* "issued her support to Y", "made a provocation against Y", "paid a visit on Monday to Y":
 * a relation noun that is the object of a verb often has its preposition hung on that verb.
 * The verb's oblique after the noun marked by @prep, or -1. */
static int
light_verb_oblique (const DmSentenceTree *tree,
                    int                   n,
                    const char           *prep)
{
  /* verbs that only put out the act their object names; not "blamed the attack on Y" */
  static const char * const light[] = {
    "give", "gives", "gave", "given", "giving", "issue", "issues", "issued", "issuing",
    "make", "makes", "made", "making", "pay", "pays", "paid", "paying", "extend", "extends",
    "extended", "extending", "express", "expresses", "expressed", "expressing", "voice",
    "voices", "voiced", "voicing", "lend", "lends", "lent", "lending", "send", "sends", "sent",
    "sending", "have", "has", "had", "having", "hold", "holds", "held", "holding", "deliver",
    "delivers", "delivered", "delivering", "show", "shows", "showed", "shown", "showing",
    "convey", "conveys", "conveyed", "conveying", "offer", "offers", "offered", "offering",
    "tweet", "tweets", "tweeted", "tweeting", NULL,
  };
  int v = tree->head[n];
  gboolean is_light = FALSE;

  if (v < 0 || dm_sentence_tree_deprel (tree, n) != DM_DEP_OBJ ||
      dm_sentence_tree_token (tree, v)->upos != DM_UPOS_VERB)
    return -1;
  for (guint l = 0; light[l] != NULL && !is_light; l++)
    is_light = strcmp (tree->lower[v], light[l]) == 0;
  if (!is_light)
    return -1;
  for (guint k = (guint) n + 1; k < tree->n; k++)
    if (tree->head[k] == v && dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_OBL &&
        has_case (tree, (int) k, prep))
      return (int) k;
  return -1;
}

/* "turning away boats": a particle right after its verb, whatever the parser hung it on (it
 * often makes it a modifier of the object that follows). */
static gboolean
is_adjacent_particle (const DmSentenceTree *tree,
                      int                   v,
                      const char           *want)
{
  DmUpos upos;

  if (v + 1 >= (int) tree->n || strcmp (tree->lower[v + 1], want) != 0 ||
      dm_sentence_tree_deprel (tree, v + 1) == DM_DEP_CASE)
    return FALSE;
  upos = dm_sentence_tree_token (tree, v + 1)->upos;
  return dm_sentence_tree_token (tree, v)->upos == DM_UPOS_VERB &&
         (upos == DM_UPOS_ADV || upos == DM_UPOS_ADP || upos == DM_UPOS_PART);
}

static gboolean
names_actor (const DmSentenceTree *tree,
             int                   k)
{
  return k >= 0 && tree->mention_at[dm_sentence_tree_token (tree, k)->token] >= 0;
}

/* "tweeted to student Y", "wrote to lawmaker Y": after "to" the tagger takes a noun said
 * only of a person for an infinitive, and the parser hangs the name after it anywhere in
 * the "clause" it invents. The one the phrase reaches is the named person (or the noun
 * alone). Or -1. */
static int
role_noun_taken_for_verb (const DmSentenceTree *tree,
                          int                   v)
{
  int k = tree->head[v + 1];

  if (k != v + 2 || tree->head[k] != v ||
      dm_sentence_tree_deprel (tree, v + 1) != DM_DEP_MARK ||
      !(dm_lexicon_name_part (tree->r->lexicon, tree->lower[k]) & DM_PART_PERSON_NOUN))
    return -1;
  return k + 1 < (int) tree->n && names_actor (tree, k + 1) ? k + 1 : k;
}

/* Matches the words after the first of @verb, all but the last @skip_last of them; fills
 * @out on success. */
static gboolean
match_rest (const DmSentenceTree *tree,
            int                   i,
            const DmLexVerb      *verb,
            guint                 skip_last,
            DmVerbMatch          *out)
{
  int anchors[MAX_ANCHORS];
  guint n_anchors = 0;
  int last = i, prep_object = -1;

  anchors[n_anchors++] = i;
  for (guint w = 1; w + skip_last < verb->n_words; w++)
    {
      const char *want = verb->words[w];
      gboolean found = FALSE;

      /* articles of the phrase are optional in the text */
      if (strcmp (want, "a") == 0 || strcmp (want, "an") == 0 || strcmp (want, "the") == 0)
        continue;

      /* "disappointed that Y did not …": an adjective's view of the one its clause is about */
      if (verb->is_adjective && strcmp (want, "that") == 0)
        {
          int x = -1;

          for (guint k = 0; k < tree->n && x < 0; k++)
            if (tree->head[k] == i && dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_CCOMP &&
                dm_sentence_tree_child (tree, (int) k, DM_DEP_MARK, "that") >= 0)
              x = (int) k;
          if (x < 0)
            return FALSE;
          prep_object = dm_sentence_tree_child (tree, x, DM_DEP_NSUBJ, NULL);
          last = MAX (last, dm_sentence_tree_child (tree, x, DM_DEP_MARK, "that"));
          continue;
        }
      if (is_preposition (want))
        {
          /* "pull out of": the second preposition on the nominal the first one found */
          if (prep_object >= 0 && has_case (tree, prep_object, want))
            continue;
          /* before the noun the stray preposition hangs on, taken for its object */
          if (w + 1 == verb->n_words && verb->is_noun &&
              (prep_object = stranded_case_object (tree, i, want)) >= 0)
            found = TRUE;
          /* the phrase's last word first: "imposed sanctions on Y and raised tariffs on Z
           * goods" is on Y, whatever the parser hangs on the verb */
          for (guint a = n_anchors; a > 0 && !found; a--)
            for (guint k = 0; k < tree->n && !found; k++)
              {
                DmDeprel d = dm_sentence_tree_deprel (tree, (int) k);

                if (tree->head[k] != anchors[a - 1])
                  continue;
                if ((d == DM_DEP_COMPOUND_PRT || d == DM_DEP_ADVMOD) &&
                    strcmp (tree->lower[k], want) == 0)
                  {
                    found = TRUE;
                    last = MAX (last, (int) k);
                  }
                else if ((is_nominal_dependent (d) && has_case (tree, (int) k, want)) ||
                         ((is_nominal_dependent (d) || d == DM_DEP_APPOS) &&
                          title_has_case (tree, (int) k, want)))
                  {
                    found = TRUE;
                    prep_object = (int) k;
                  }
              }
          /* "handed over 700 kg of medicine": the parser reads a particle right after the
           * verb and before a number as "more than", hung on the number of the object */
          if (!found && w == 1 && (particle_on_number (tree, i, want) ||
                                   (!verb->is_noun && is_adjacent_particle (tree, i, want))))
            {
              found = TRUE;
              last = MAX (last, i + 1);
              prep_object = role_noun_taken_for_verb (tree, i);
            }
          if (!found && w + 1 == verb->n_words && verb->is_noun &&
              (prep_object = light_verb_oblique (tree, i, want)) >= 0)
            found = TRUE;
          /* "staged rallies in the capital against Y", "held talks in Geneva with Y": the
           * parser often hangs the act's partner on the place before it */
          if (!found && (strcmp (want, "against") == 0 || strcmp (want, "with") == 0))
            {
              int k = on_place (tree, anchors, n_anchors, want);

              if (k >= 0)
                {
                  found = TRUE;
                  prep_object = k;
                }
            }
          /* "turning away boats": a particle right after the verb that the parser hangs on
           * the object after it, as if it qualified the noun */
          if (!found && !verb->is_noun && is_particle (want) && i + 1 < (int) tree->n &&
              strcmp (tree->lower[i + 1], want) == 0 && tree->head[i + 1] >= 0 &&
              tree->head[tree->head[i + 1]] == i &&
              dm_sentence_tree_deprel (tree, tree->head[i + 1]) == DM_DEP_OBJ)
            {
              found = TRUE;
              last = MAX (last, i + 1);
            }
          /* "fired rounds aimed at Y", "launched missiles targeting Y": where the thing
           * sent is aimed is where the act is aimed */
          if (!found)
            {
              int k = on_aiming_participle (tree, anchors, n_anchors, want);

              if (k >= 0)
                {
                  found = TRUE;
                  prep_object = k;
                }
            }
          /* "gave Y a loan": the first object of a verb of giving is the "to" of "gave a
           * loan to Y" */
          if (!found && !verb->is_noun && strcmp (want, "to") == 0 &&
              w + 1 == verb->n_words && skip_last == 0)
            {
              int iobj = dm_sentence_tree_child (tree, i, DM_DEP_IOBJ, NULL);

              /* "Y was granted asylum": the passive subject is the one given to, when the
               * thing given is still the object */
              if (iobj < 0 && n_anchors > 1)
                iobj = dm_sentence_tree_child (tree, i, DM_DEP_NSUBJ_PASS, NULL);
              if (iobj >= 0)
                {
                  found = TRUE;
                  prep_object = iobj;
                }
            }
          /* "seized the hospital complex from Y": the parser often hangs the verb's
           * "from"/"to" phrase on its object instead (attachment it cannot decide) */
          if (!found && !verb->is_noun && w == 1)
            prep_object = object_modifier (tree, i, want);
          if (!found && prep_object < 0 && !verb->is_noun && w == 1 && w + 1 == verb->n_words)
            prep_object = means_modifier (tree, i, want);
          found = found || prep_object >= 0;
        }
      else
        {
          for (guint a = 0; a < n_anchors && !found; a++)
            for (guint k = 0; k < tree->n && !found; k++)
              {
                int word;

                /* a subject is never a word of the phrase: "talks ended" is no "end talks" */
                if (tree->head[k] != anchors[a] ||
                    dm_sentence_tree_deprel (tree, (int) k) == DM_DEP_NSUBJ ||
                    n_anchors == MAX_ANCHORS)
                  continue;
                word = word_matches (tree->lower[k], want) ? (int) k : measured (tree, (int) k, want);
                /* "suspended aid deliveries in Y", "a military aid program for Y": the word
                 * of the phrase modifies the noun that carries the phrase's preposition */
                if (word < 0 && names_kind (tree, (int) k, want))
                  word = (int) k;
                if (word < 0 && (dm_lexicon_name_part (tree->r->lexicon, tree->lower[k]) & DM_PART_MEASURE))
                  for (guint c = 0; c < tree->n && word < 0; c++)
                    if (tree->head[c] == (int) k &&
                        dm_sentence_tree_deprel (tree, (int) c) == DM_DEP_NMOD &&
                        has_case (tree, (int) c, "of") && names_kind (tree, (int) c, want))
                      word = (int) c;
                if (word >= 0)
                  {
                    found = TRUE;
                    anchors[n_anchors++] = word;
                    last = MAX (last, word);
                  }
              }
        }
      if (!found)
        return FALSE;
    }
  out->verb = verb;
  out->trigger = i;
  out->last = last;
  out->prep_object = prep_object;
  out->no_partner = skip_last > 0;
  return TRUE;
}

gboolean
dm_verb_match (const DmSentenceTree *tree,
               int                   i,
               DmVerbMatch          *out)
{
  DmUpos upos = dm_sentence_tree_token (tree, i)->upos;
  GPtrArray *forms;
  gboolean found = FALSE;

  if (upos != DM_UPOS_VERB && upos != DM_UPOS_NOUN && upos != DM_UPOS_ADJ)
    return FALSE;
  forms = dm_lexicon_lookup_verb (tree->r->lexicon, tree->lower[i]);
  if (forms == NULL)
    return FALSE;

  for (guint k = 0; k < forms->len; k++)
    {
      const DmLexVerbForm *vf = g_ptr_array_index (forms, k);
      DmVerbMatch m;

      /* a predicate adjective may be tagged as the participle it often is ("opposed") */
      if (vf->verb->is_adjective ? upos == DM_UPOS_NOUN
                                 : vf->verb->is_noun != (upos == DM_UPOS_NOUN) || upos == DM_UPOS_ADJ)
        continue;
      if (!match_rest (tree, i, vf->verb, 0, &m))
        continue;
      /* of two phrases as long, the one whose preposition names an actor ("apologized to
       * Brazil for …": "apologize to", not "apologize for") */
      if (!found || m.verb->n_words > out->verb->n_words ||
          (m.verb->n_words == out->verb->n_words && names_actor (tree, m.prep_object) &&
           !names_actor (tree, out->prep_object)))
        {
          *out = m;
          found = TRUE;
        }
    }
  return found;
}

gboolean
dm_verb_match_mutual (const DmSentenceTree *tree,
                      int                   i,
                      DmVerbMatch          *out)
{
  GPtrArray *forms;
  gboolean found = FALSE;

  if (dm_sentence_tree_token (tree, i)->upos != DM_UPOS_VERB)
    return FALSE;
  forms = dm_lexicon_lookup_verb (tree->r->lexicon, tree->lower[i]);
  for (guint k = 0; forms != NULL && k < forms->len; k++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, k))->verb;
      DmVerbMatch m;

      if (verb->is_noun || verb->n_words < 3 || strcmp (verb->words[verb->n_words - 1], "with") != 0)
        continue;
      if (!match_rest (tree, i, verb, 1, &m))
        continue;
      if (!found || m.verb->n_words > out->verb->n_words)
        {
          *out = m;
          found = TRUE;
        }
    }
  return found;
}
