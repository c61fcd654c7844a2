/* dm-parse.h — part-of-speech tags and dependency trees over an article's sentences
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tagger and the parser produce and the relation extractor reads. Parse tokens
 * follow Universal Dependencies tokenisation, which splits clitics that DmTextDoc keeps in
 * one word ("Trump's" → "Trump" "'s", "don't" → "do" "n't"): each parse token points back
 * to the DmToken it is (part of). Tags are UD's universal POS tags and dependency relations
 * (with the subtypes the extractor needs: nsubj:pass, obl:agent, nmod:poss, acl:relcl, …).
 */

#pragma once

#include <glib.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef enum {
  DM_UPOS_X,           /* unknown / other: first, so zeroed memory reads as "no tag" */
  DM_UPOS_ADJ, DM_UPOS_ADP, DM_UPOS_ADV, DM_UPOS_AUX, DM_UPOS_CCONJ, DM_UPOS_DET,
  DM_UPOS_INTJ, DM_UPOS_NOUN, DM_UPOS_NUM, DM_UPOS_PART, DM_UPOS_PRON, DM_UPOS_PROPN,
  DM_UPOS_PUNCT, DM_UPOS_SCONJ, DM_UPOS_SYM, DM_UPOS_VERB,
  DM_N_UPOS
} DmUpos;

typedef enum {
  DM_DEP_DEP,          /* unspecified: first, as above */
  DM_DEP_ROOT,
  DM_DEP_ACL, DM_DEP_ACL_RELCL, DM_DEP_ADVCL, DM_DEP_ADVMOD, DM_DEP_AMOD, DM_DEP_APPOS,
  DM_DEP_AUX, DM_DEP_AUX_PASS, DM_DEP_CASE, DM_DEP_CC, DM_DEP_CCOMP, DM_DEP_CLF,
  DM_DEP_COMPOUND, DM_DEP_COMPOUND_PRT, DM_DEP_CONJ, DM_DEP_COP, DM_DEP_CSUBJ,
  DM_DEP_CSUBJ_PASS, DM_DEP_DET, DM_DEP_DET_PREDET, DM_DEP_DISCOURSE, DM_DEP_DISLOCATED,
  DM_DEP_EXPL, DM_DEP_FIXED, DM_DEP_FLAT, DM_DEP_GOESWITH, DM_DEP_IOBJ, DM_DEP_LIST,
  DM_DEP_MARK, DM_DEP_NMOD, DM_DEP_NMOD_POSS, DM_DEP_NMOD_TMOD, DM_DEP_NMOD_NPMOD,
  DM_DEP_NSUBJ, DM_DEP_NSUBJ_PASS, DM_DEP_NUMMOD, DM_DEP_OBJ, DM_DEP_OBL, DM_DEP_OBL_AGENT,
  DM_DEP_OBL_TMOD, DM_DEP_OBL_NPMOD, DM_DEP_ORPHAN, DM_DEP_PARATAXIS, DM_DEP_PUNCT,
  DM_DEP_REPARANDUM, DM_DEP_VOCATIVE, DM_DEP_XCOMP,
  DM_N_DEPRELS
} DmDeprel;

typedef struct {
  guint     start, end;   /* bytes in the article text */
  guint     token;        /* the DmToken this is (part of) */
  int       head;         /* index into DmParse.tokens of its head; -1 for the root */
  DmUpos    upos;
  DmDeprel  deprel;
  guint8    xpos;         /* Penn Treebank tag, dm_xpos_to_string (); 0 when untagged */
} DmParseToken;

typedef struct {
  guint     first;        /* tokens [first, first + n_tokens) of DmParse.tokens */
  guint     n_tokens;
  gboolean  parsed;       /* FALSE: tokens only (tagged or not), heads all -1 */
} DmParseSentence;

typedef struct {
  GArray *tokens;         /* DmParseToken */
  GArray *sentences;      /* DmParseSentence, one per DmTextDoc sentence */
} DmParse;

DmParse    *dm_parse_new              (void);
void        dm_parse_free             (DmParse    *self);

/* UD names: "PROPN", "nsubj:pass". Unknown names give DM_UPOS_X / DM_DEP_DEP; a subtype
 * not listed above falls back to its base relation ("obl:unmarked" → obl). */
const char *dm_upos_to_string         (DmUpos      upos);
DmUpos      dm_upos_from_string       (const char *name);
const char *dm_deprel_to_string       (DmDeprel    deprel);
DmDeprel    dm_deprel_from_string     (const char *name);
/* Penn Treebank tags as UD English has them in XPOS ("VBN", "NNP", "HYPH"); 0 is "" (none),
 * an unknown name gives 0. */
#define DM_N_XPOS 52
const char *dm_xpos_to_string         (guint       xpos);
guint       dm_xpos_from_string       (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmParse, dm_parse_free)

G_END_DECLS
