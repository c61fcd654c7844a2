/* dm-clause.h — one sentence (or clause) read by word order, for the word-order rules
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the word-order rules (dm-relation-fallback.c) ask of a stretch of tokens: where a verb
 * group starts, whether it is negated or passive, which lexicon phrase a word starts, and
 * which actor mentions stand before, after or beside it. The functions are in dm-clause.c.
 */

#pragma once

#include <string.h>

#include "dm-lexicon-private.h"
#include "dm-recognizer.h"
#include "dm-relations-private.h"

G_BEGIN_DECLS

#define TARGET_WINDOW 12
#define MAX_COORDINATED 4

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

static inline gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  /* the first letters compared here: most words differ there, and a call to strcmp ()
   * for each of a list's words costs more than the rest of the clause rules */
  for (gsize i = 0; i < n; i++)
    if (word[0] == list[i][0] && strcmp (word, list[i]) == 0)
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

guint    dm_clause_verb_group_start       (const Clause *c,
                                           guint         i);
gboolean dm_clause_is_negated             (const Clause *c,
                                           guint         trigger_first);
/* Is @word a form of "deny"? */
gboolean dm_clause_is_denial              (const char *word);
/* Is the act whose phrase starts at token @trigger (of lower-cased words @lower, the
 * sentence starting at @first) denied by word order: "denied that its troops had opened
 * fire on Y", "denies supporting Y", "denied having armed Y"? */
gboolean dm_clause_is_denied              (char       **lower,
                                           guint        first,
                                           guint        trigger);
gboolean dm_clause_is_negated_existential (const Clause *c,
                                           int           source);
gboolean dm_clause_is_passive             (const Clause  *c,
                                           const Trigger *t);
gboolean dm_clause_is_particle            (const char *word);
gboolean dm_clause_find_trigger           (const Clause *c,
                                           guint         i,
                                           Trigger      *out);
gboolean dm_clause_mention_usable         (const DmRMention *m);
int      dm_clause_nearest_left           (const Clause *c,
                                           guint         i);
int      dm_clause_first_mention_after    (const Clause *c,
                                           guint         from,
                                           guint         window,
                                           gboolean      stop_at_clause);
int      dm_clause_object_after           (const Clause *c,
                                           guint         from,
                                           gboolean      strict);
int      dm_clause_refine_target          (const Clause *c,
                                           int           target);
int      dm_clause_parse_head_of_mention  (const Clause *c,
                                           int           m);
guint    dm_clause_coordinated_after      (const Clause *c,
                                           int           m,
                                           int          *out,
                                           guint         max);
guint    dm_clause_coordinated_before     (const Clause *c,
                                           int           m,
                                           int          *out,
                                           guint         max);
int      dm_clause_find_main_subject      (const Clause *c);
gboolean dm_clause_is_opener              (const char *word);
gboolean dm_clause_is_auxiliary           (const char *word);
gboolean dm_clause_is_verb                (const Clause *c,
                                           guint         k);

G_END_DECLS
