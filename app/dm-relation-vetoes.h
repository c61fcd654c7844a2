/* dm-relation-vetoes.h — parse vetoes for the word-order rules (dm-relation-vetoes.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-clause.h"

G_BEGIN_DECLS

gboolean dm_veto_is_clause_subject       (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_in_object_of_conjunct   (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_inside_other_subject    (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_has_other_subject       (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
int      dm_veto_subject_around          (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_owns_subject            (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_describes_nonactor      (const Clause  *c,
                                          const Trigger *t);
gboolean dm_veto_outside_relative_clause (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_in_clause_of_other      (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_inside_asked_act        (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_judged_other_doer       (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_beside_pronoun_object   (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_destination_of_call     (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_own_body                (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_measure_aimed_at        (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_subject_of_conjunct     (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_noun_undone             (const Clause  *c,
                                          const Trigger *t);
gboolean dm_veto_subject_of_adjunct      (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_has_child               (const Clause *c,
                                          int           k,
                                          DmDeprel      deprel);
gboolean dm_veto_through_relation_noun   (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_object_of_gerund        (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_companion_of_trigger    (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_in_place_phrase         (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_in_origin_phrase        (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_is_oblique_of_trigger   (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_has_unresolved_subject  (const Clause  *c,
                                          const Trigger *t);
gboolean dm_veto_argument_of_other_verb  (const Clause  *c,
                                          int            m,
                                          const Trigger *t);
gboolean dm_veto_object_is_other_side    (const Clause  *c,
                                          const Trigger *t);

G_END_DECLS
