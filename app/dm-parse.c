/* dm-parse.c — part-of-speech tags and dependency trees over an article's sentences
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-parse"

#include "config.h"

#include <string.h>

#include "dm-parse.h"

/* In enum order. */
static const char * const upos_names[DM_N_UPOS] = {
  "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB",
};

static const char * const deprel_names[DM_N_DEPRELS] = {
  "dep", "root", "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass",
  "case", "cc", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj",
  "csubj:pass", "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat",
  "goeswith", "iobj", "list", "mark", "nmod", "nmod:poss", "nmod:tmod", "nmod:npmod", "nsubj",
  "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:tmod", "obl:npmod", "orphan",
  "parataxis", "punct", "reparandum", "vocative", "xcomp",
};

static const char * const xpos_names[DM_N_XPOS] = {
  "", "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW",
  "GW", "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT",
  "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN",
  "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "``", "XX", "#",
};

DmParse *
dm_parse_new (void)
{
  DmParse *self = g_new0 (DmParse, 1);

  self->tokens = g_array_new (FALSE, TRUE, sizeof (DmParseToken));
  self->sentences = g_array_new (FALSE, TRUE, sizeof (DmParseSentence));
  return self;
}

void
dm_parse_free (DmParse *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->tokens);
  g_array_unref (self->sentences);
  g_free (self);
}

const char *
dm_upos_to_string (DmUpos upos)
{
  g_return_val_if_fail (upos < DM_N_UPOS, "X");
  return upos_names[upos];
}

DmUpos
dm_upos_from_string (const char *name)
{
  for (guint i = 0; i < DM_N_UPOS; i++)
    if (g_strcmp0 (name, upos_names[i]) == 0)
      return i;
  return DM_UPOS_X;
}

const char *
dm_deprel_to_string (DmDeprel deprel)
{
  g_return_val_if_fail (deprel < DM_N_DEPRELS, "dep");
  return deprel_names[deprel];
}

DmDeprel
dm_deprel_from_string (const char *name)
{
  const char *colon;

  if (name == NULL)
    return DM_DEP_DEP;
  for (guint i = 0; i < DM_N_DEPRELS; i++)
    if (strcmp (name, deprel_names[i]) == 0)
      return i;
  if ((colon = strchr (name, ':')) != NULL)
    {
      g_autofree char *base = g_strndup (name, colon - name);

      return dm_deprel_from_string (base);
    }
  return DM_DEP_DEP;
}

const char *
dm_xpos_to_string (guint xpos)
{
  g_return_val_if_fail (xpos < DM_N_XPOS, "");
  return xpos_names[xpos];
}

guint
dm_xpos_from_string (const char *name)
{
  for (guint i = 1; i < DM_N_XPOS; i++)
    if (g_strcmp0 (name, xpos_names[i]) == 0)
      return i;
  return 0;
}
