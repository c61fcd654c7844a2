/* dm-name-tags.h — which words of a sentence the recognizer found to be names
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tagger alone reads a capitalised unknown word opening a sentence ("Ahmed Mohamed was
 * arrested", "Sudan rejected …") as a verb or adjective, and the parser then builds the
 * sentence around it. The recognizer has already found those names: this marks their words
 * so that dm_tagger_tag () gives them a proper noun's tag.
 */

#pragma once

#include "dm-parse.h"
#include "dm-recognizer.h"

G_BEGIN_DECLS

/* Sets @names[i] (one per parse token of sentence @sentence of @parse) to whether token i is
 * a capitalised word inside a name the recognizer found (a person, an organisation, a
 * country named as such, a capital standing for its government), and FALSE otherwise.
 * Demonyms ("Syrian refugees"), pronouns, definite descriptions ("the alliance") and groups
 * are left to the tagger, as are the small words of a name ("of" in "University of Texas")
 * and clitics ("'s"). */
void dm_name_tags_mark (const DmRecognition *r,
                        const DmParse       *parse,
                        guint                sentence,
                        gboolean            *names);

G_END_DECLS
