/* dm-parser.h — greedy transition-based dependency parser over tagged parse tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arc-hybrid transitions (shift, left-arc, right-arc, each arc with its UD relation) chosen
 * one at a time by an averaged perceptron over hashed features of the stack, the buffer and
 * the children built so far (words, tags, labels, distance, valency), as in the classic fast
 * parsers. Trees are projective; a sentence gets exactly one root.
 */

#pragma once

#include <glib.h>

#include "dm-parse.h"
#include "dm-text.h"

G_BEGIN_DECLS

typedef struct _DmParser DmParser;

/* A parser from a model file (kind "parser"); a GError (DM_MODEL_ERROR) when the file is
 * not one. */
DmParser   *dm_parser_new_from_bytes  (GBytes          *bytes,
                                       GError         **error);
void        dm_parser_free            (DmParser        *self);

/* Sets head and deprel of the tokens of sentence @sentence of @parse, which must be tagged
 * (dm_tagger_tag ()), and marks it parsed. */
void        dm_parser_parse           (const DmParser  *self,
                                       const DmTextDoc *doc,
                                       DmParse         *parse,
                                       guint            sentence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmParser, dm_parser_free)

G_END_DECLS
