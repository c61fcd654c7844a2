/* dm-relation-nouns.c — relation nouns whose actors stand outside the noun's own phrase
 *
 *  - a plural noun for ones who act names them by "including" ("defectors from X including
 *    Y and Z"): they are the ones who act, wherever the parser hung the members;
 *  - a passive verb of giving keeps the thing given as its object, and the parser hangs the
 *    giver on it ("Y was granted asylum by X", "was offered an internship by X");
 *  - a request complied with ("complied with X's request", "heeded the calls of X") is its
 *    owner's appeal to the one who complies, as a relation noun received is its giver's act
 *    on the one who receives it (dm-relations.c), whose givers may be named as a range
 *    ("received support ranging from X to Y").
 * The nouns the tree gives no subject of their own (a noun naming when the clause happens,
 * a policy of doing, a decision's clause) are read in dm-relation-subjects.c, whose
 * subjects they are.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-relations"

#include "config.h"

#include <string.h>

#include "dm-relation-rules-private.h"

/* Collects the members named by "including" or "such as" on @h (only after @after, and as
 * @d dependents). */
static void
collect_members (const Rules *R,
                 int          h,
                 DmDeprel     d,
                 int          after,
                 Actors      *out)
{
  for (guint k = 0; k < R->tree->n && out->n == 0; k++)
    if (head (R, (int) k) == h && deprel (R, (int) k) == d && (int) k > after &&
        dm_slot_is_inclusion (R, (int) k))
      dm_slot_collect (R, (int) k, out);
}

void
dm_slot_agent_members (const Rules       *R,
                       const DmVerbMatch *m,
                       Actors            *out)
{
  int n = m->trigger, o = m->prep_object;

  if (!g_str_has_suffix (word (R, n), "s"))
    return;
  collect_members (R, n, DM_DEP_NMOD, n, out);
  /* the parser hangs the members on the nearer noun, one actor of its own ("defectors from
   * the church, including Y"): a lone organisation has no members named that way */
  if (out->n == 0 && o >= 0 && mention_of (R, o) >= 0 &&
      dm_recognition_mention (R->sink->r, (guint) mention_of (R, o))->type != DM_ACTOR_GROUP &&
      child (R, o, DM_DEP_CONJ) < 0)
    collect_members (R, o, DM_DEP_NMOD, n, out);
  /* or on the verb the noun is the object of ("attacked defectors from Y including Z") */
  if (out->n == 0 && deprel (R, n) == DM_DEP_OBJ && head (R, n) >= 0)
    collect_members (R, head (R, n), DM_DEP_OBL, n, out);
}

/* The verb a request @n is complied with by: "complied with X's request" (the noun an
 * oblique or object of the verb), also when the parser hangs "'s request" on X as a
 * modifier of it ("complying with the church | of Scientology's requests"); or -1. */
static int
complying_verb (const Rules *R,
                int          n)
{
  static const char * const complying[] = {
    "comply", "complies", "complied", "complying", "heed", "heeds", "heeded", "heeding",
    "obey", "obeys", "obeyed", "obeying", "accede", "accedes", "acceded", "acceding", NULL,
  };
  int k = n, v = head (R, n);

  if (v >= 0 && deprel (R, n) == DM_DEP_NMOD && child (R, n, DM_DEP_NMOD_POSS) >= 0)
    {
      k = v;
      v = head (R, v);
    }
  if (v < 0 || (deprel (R, k) != DM_DEP_OBL && deprel (R, k) != DM_DEP_OBJ) ||
      dm_sentence_tree_token (R->tree, v)->upos != DM_UPOS_VERB || !word_in (word (R, v), complying))
    return -1;
  return v;
}

/* The appeal or demand noun phrase of @n's word, the shortest, or NULL. */
static const DmLexVerb *
request_phrase (const Rules *R,
                int          n)
{
  GPtrArray *forms = dm_lexicon_lookup_verb (R->sink->r->lexicon, word (R, n));
  const DmLexVerb *best = NULL;

  for (guint k = 0; forms != NULL && k < forms->len; k++)
    {
      const DmLexVerb *verb = ((const DmLexVerbForm *) g_ptr_array_index (forms, k))->verb;

      if (verb->is_noun && (verb->klass == DM_CLASS_APPEAL || verb->klass == DM_CLASS_DEMAND) &&
          (best == NULL || verb->n_words < best->n_words))
        best = verb;
    }
  return best;
}

static gboolean
is_complied (const Rules *R,
             int          n)
{
  return dm_sentence_tree_token (R->tree, n)->upos == DM_UPOS_NOUN &&
         request_phrase (R, n) != NULL && complying_verb (R, n) >= 0;
}

const DmLexVerb *
dm_relation_complied_request (const Rules *R,
                              int          n)
{
  return is_complied (R, n) ? request_phrase (R, n) : NULL;
}

void
dm_relation_complied_parties (const Rules *R,
                              int          n,
                              Actors      *sources,
                              Actors      *targets)
{
  int k;

  /* the owner only: the verb's subject complies, it does not ask */
  if ((k = child (R, n, DM_DEP_NMOD_POSS)) >= 0)
    dm_slot_collect (R, k, sources);
  for (guint c = 0; c < R->tree->n && sources->n == 0; c++)
    if (head (R, (int) c) == n &&
        (deprel (R, (int) c) == DM_DEP_COMPOUND || deprel (R, (int) c) == DM_DEP_AMOD ||
         (deprel (R, (int) c) == DM_DEP_NMOD &&
          (dm_sentence_tree_child (R->tree, (int) c, DM_DEP_CASE, "of") >= 0 ||
           dm_sentence_tree_child (R->tree, (int) c, DM_DEP_CASE, "by") >= 0 ||
           dm_sentence_tree_child (R->tree, (int) c, DM_DEP_CASE, "from") >= 0))))
      dm_slot_collect (R, (int) c, sources);
  if (sources->n > 0)
    dm_slot_subjects (R, complying_verb (R, n), targets, 0);
}

int
dm_slot_agent_on_object (const Rules *R,
                         int          v)
{
  int o = child (R, v, DM_DEP_OBJ);

  if (o < 0 || child (R, v, DM_DEP_NSUBJ_PASS) < 0)
    return -1;
  return dm_slot_marked_dependent (R, o, "by");
}

/* The actor that ends the run of names and nouns from token @k on ("US President Barack
 * Obama": Obama, not the state that titles him), into @out. */
static void
collect_run_end (const Rules *R,
                 int          k,
                 Actors      *out)
{
  int last = -1, at = -1;

  for (; k < (int) R->tree->n; k++)
    {
      DmUpos upos = dm_sentence_tree_token (R->tree, k)->upos;
      int m = mention_of (R, k);

      if (upos != DM_UPOS_PROPN && upos != DM_UPOS_NOUN && upos != DM_UPOS_DET && upos != DM_UPOS_ADJ)
        break;
      if (m >= 0 && !dm_recognition_mention (R->sink->r, (guint) m)->modifier)
        {
          last = m;
          at = k;
        }
    }
  dm_slot_add_actor (out, last, at);
}

/* "received support ranging from X to Y": the range's two ends give, read by word order
 * (the parser hangs the range anywhere), when a participle of range describes the noun @n
 * received by verb @g. */
void
dm_slot_received_range (const Rules *R,
                        int          n,
                        int          g,
                        Actors      *out)
{
  static const char * const ranging[] = { "ranging", "coming", NULL };

  for (guint r = 0; r < R->tree->n; r++)
    {
      if ((head (R, (int) r) != n && head (R, (int) r) != g) || (int) r < n ||
          !word_in (word (R, (int) r), ranging) || r + 1 >= R->tree->n || strcmp (word (R, (int) r + 1), "from") != 0)
        continue;
      collect_run_end (R, (int) r + 2, out);
      for (guint k = r + 2; k < R->tree->n && out->n > 0; k++)
        if (strcmp (word (R, (int) k), "to") == 0)
          {
            collect_run_end (R, (int) k + 1, out);
            break;
          }
        else if (dm_sentence_tree_token (R->tree, (int) k)->upos == DM_UPOS_PUNCT ||
                 dm_sentence_tree_token (R->tree, (int) k)->upos == DM_UPOS_VERB)
          break;
      return;
    }
}
