/* test-extractor.c — each recognition and extraction rule, on a small fixture lexicon
 *
 * The fixture lexicon (tests/fixtures/lexicon) holds a handful of countries, organisations,
 * titles and verbs, so these tests check the rules and not the contents of data/lexicon.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-extractor.h"

static DmExtractor *extractor;

static DmAnalysis *
analyze (const char *text)
{
  return dm_extractor_analyze (extractor, dm_article_new ("test.txt", text, -1));
}

/* The mention whose surface text is @text (the @nth one), or NULL. */
static const DmMention *
find_mention (const DmAnalysis *a,
              const char       *text,
              guint             nth)
{
  for (guint i = 0; i < a->mentions->len; i++)
    {
      const DmMention *m = g_ptr_array_index (a->mentions, i);

      if (strcmp (m->text, text) == 0 && nth-- == 0)
        return m;
    }
  return NULL;
}

static const DmRelation *
find_relation (const DmAnalysis *a,
               const char       *source,
               const char       *verb,
               const char       *target)
{
  for (guint i = 0; i < a->relations->len; i++)
    {
      const DmRelation *r = g_ptr_array_index (a->relations, i);

      if (strcmp (r->source, source) == 0 && strcmp (r->verb, verb) == 0 && strcmp (r->target, target) == 0)
        return r;
    }
  return NULL;
}

static char *
cp_slice (const char *text,
          DmSpan      span)
{
  const char *a = g_utf8_offset_to_pointer (text, span.start);
  const char *b = g_utf8_offset_to_pointer (text, span.end);

  return g_strndup (a, b - a);
}

static void
test_official_with_title (void)
{
  const char *text = "US Defence Secretary Pete Hegseth spoke on Monday. Hegseth urged Poland to act. He cited Poland.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmMention *m = find_mention (a, "Pete Hegseth", 0);
  const DmMention *surname = find_mention (a, "Hegseth", 0);
  const DmMention *he = find_mention (a, "He", 0);
  const DmMention *us = find_mention (a, "US", 0);

  g_assert_nonnull (m);
  g_assert_cmpstr (m->actor, ==, "Pete Hegseth");
  g_assert_cmpint (m->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_cmpstr (m->role, ==, "Defence Secretary");
  g_assert_cmpstr (m->affiliation, ==, "United States");
  g_assert_nonnull (us);
  g_assert_cmpstr (us->actor, ==, "United States");
  g_assert_cmpint (us->type, ==, DM_ACTOR_COUNTRY);

  /* surname and pronoun resolve to the full name */
  g_assert_nonnull (surname);
  g_assert_cmpstr (surname->actor, ==, "Pete Hegseth");
  g_assert_cmpint (surname->type, ==, DM_ACTOR_OFFICIAL);
  g_assert_nonnull (he);
  g_assert_cmpstr (he->actor, ==, "Pete Hegseth");

  /* "Monday" and "Defence Secretary" alone are not actors */
  g_assert_null (find_mention (a, "Monday", 0));
  g_assert_null (find_mention (a, "Defence Secretary", 0));
}

static void
test_demonym_affiliation_and_definite_title (void)
{
  const char *text = "Ukrainian President Volodymyr Zelenskiy met reporters. Later the Ukrainian president left.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmMention *m = find_mention (a, "Volodymyr Zelenskiy", 0);
  const DmMention *back = find_mention (a, "president", 0);

  g_assert_nonnull (m);
  g_assert_cmpstr (m->role, ==, "President");
  g_assert_cmpstr (m->affiliation, ==, "Ukraine");
  g_assert_nonnull (find_mention (a, "Ukrainian", 0));
  g_assert_cmpstr (find_mention (a, "Ukrainian", 0)->actor, ==, "Ukraine");
  g_assert_nonnull (back);
  g_assert_cmpstr (back->actor, ==, "Volodymyr Zelenskiy");
}

static void
test_capital_metonymy_and_places (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Washington criticized Beijing at a meeting in Brussels.");
  const DmMention *w = find_mention (a, "Washington", 0);

  g_assert_nonnull (w);
  g_assert_cmpstr (w->actor, ==, "United States");
  g_assert_nonnull (find_mention (a, "Beijing", 0));
  g_assert_null (find_mention (a, "Brussels", 0));
  g_assert_nonnull (find_relation (a, "United States", "criticizes", "China"));
}

static void
test_alliance_and_groups (void)
{
  const char *text = "NATO met in Kyiv. The alliance urged European allies and NATO allies to spend more.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmMention *alliance = find_mention (a, "alliance", 0);
  const DmMention *europeans = find_mention (a, "European allies", 0);
  const DmMention *nato_allies = find_mention (a, "NATO allies", 0);

  g_assert_nonnull (alliance);
  g_assert_cmpstr (alliance->actor, ==, "NATO");
  g_assert_nonnull (europeans);
  g_assert_cmpint (europeans->type, ==, DM_ACTOR_GROUP);
  g_assert_nonnull (nato_allies);
  g_assert_cmpint (nato_allies->type, ==, DM_ACTOR_GROUP);
  /* "in Kyiv" is a place */
  g_assert_null (find_mention (a, "Kyiv", 0));
  /* coordinated objects: one relation each */
  g_assert_nonnull (find_relation (a, "NATO", "urges", "European allies"));
  g_assert_nonnull (find_relation (a, "NATO", "urges", "NATO allies"));
}

static void
test_not_actors (void)
{
  g_autoptr(DmAnalysis) a = analyze ("However, Chasing this goal is costly. Meanwhile nothing happened on Monday.");

  g_assert_cmpuint (a->mentions->len, ==, 0);
  g_assert_cmpuint (a->relations->len, ==, 0);
}

static void
test_organization_names (void)
{
  const char *text = "The Syrian Arab Army shelled towns. The Syrian Democratic Forces (SDF) met the SDF leadership.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmMention *army = find_mention (a, "Syrian Arab Army", 0);
  const DmMention *sdf = find_mention (a, "SDF", 0);

  g_assert_nonnull (army);
  g_assert_cmpint (army->type, ==, DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (army->affiliation, ==, "Syria");
  /* the acronym defined in brackets names the same organisation later */
  g_assert_nonnull (sdf);
  g_assert_cmpstr (sdf->actor, ==, "Syrian Democratic Forces");
}

static void
test_phrasal_verb_and_prepositional_target (void)
{
  const char *text = "Pete Hegseth ruled out NATO membership for Ukraine.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmRelation *r = find_relation (a, "Pete Hegseth", "rules out", "Ukraine");
  g_autofree char *trigger = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *target = NULL;

  g_assert_nonnull (r);
  g_assert_cmpint (r->klass, ==, DM_CLASS_REJECT);
  g_assert_false (r->negated);
  trigger = cp_slice (text, r->trigger);
  sentence = cp_slice (text, r->sentence);
  target = cp_slice (text, r->target_mention);
  g_assert_cmpstr (trigger, ==, "ruled out");
  g_assert_cmpstr (sentence, ==, text);
  g_assert_cmpstr (target, ==, "Ukraine");
}

static void
test_negation (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Russia did not rule out attacks. Kyiv will not withdraw from Russia’s border regions, said Poland.");
  /* an announced withdrawal not to be is a refusal (PLOVER REJECT), not a negated retreat */
  const DmRelation *r = find_relation (a, "Ukraine", "refuses to withdraw from", "Russia");

  g_assert_nonnull (r);
  g_assert_cmpint (r->klass, ==, DM_CLASS_REJECT);
  g_assert_false (r->negated);
  g_assert_null (find_relation (a, "Ukraine", "withdraws from", "Russia"));
}

static void
test_passive (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Poland was criticized by Russia on Monday.");
  const DmRelation *r = find_relation (a, "Russia", "criticizes", "Poland");

  g_assert_nonnull (r);
  g_assert_null (find_relation (a, "Poland", "criticizes", "Russia"));
}

static void
test_coordinated_subjects (void)
{
  g_autoptr(DmAnalysis) a = analyze ("The United States and Poland urged Russia to withdraw.");

  g_assert_nonnull (find_relation (a, "United States", "urges", "Russia"));
  g_assert_nonnull (find_relation (a, "Poland", "urges", "Russia"));
}

static void
test_noun_relation (void)
{
  g_autoptr(DmAnalysis) a = analyze ("President Donald Trump repeated Trump’s criticism of NATO.");
  const DmRelation *r = find_relation (a, "Donald Trump", "criticizes", "NATO");

  g_assert_nonnull (r);
  g_assert_cmpint (r->klass, ==, DM_CLASS_DISAPPROVE);
}

static void
test_participle_clause (void)
{
  const char *text = "Speaking in Brussels, Joseph Smith stated his view, calling on NATO to act.";
  g_autoptr(DmAnalysis) a = analyze (text);

  g_assert_nonnull (find_relation (a, "Joseph Smith", "calls on", "NATO"));
}

static void
test_coordinated_verb (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Joe Biden praised the plan for the region and urged Poland to act.");

  g_assert_nonnull (find_relation (a, "Joe Biden", "urges", "Poland"));
}

/* The subject of a second verb is the first verb's, never what the first verb acts on: a
 * charity that is no actor, not Poland, urges Russia. */
static void
test_coordinated_verb_object (void)
{
  g_autoptr(DmAnalysis) a = analyze ("The charity criticized Poland's plan and urged Russia to act.");

  g_assert_nonnull (find_mention (a, "Poland", 0));
  g_assert_null (find_relation (a, "Poland", "urges", "Russia"));
  g_assert_cmpuint (a->relations->len, ==, 0);
}

/* Two subjects of one act share it; it is no act between them. */
static void
test_shared_subjects (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Poland and Belgium criticized Russia on Monday.");

  g_assert_nonnull (find_relation (a, "Poland", "criticizes", "Russia"));
  g_assert_nonnull (find_relation (a, "Belgium", "criticizes", "Russia"));
  for (guint i = 0; i < a->relations->len; i++)
    {
      const DmRelation *r = g_ptr_array_index (a->relations, i);

      g_assert_cmpstr (r->target, ==, "Russia");
    }
}

static void
test_according_to (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Ukraine's goal is unrealistic, according to US Defence Secretary Pete Hegseth.");
  const DmRelation *r = find_relation (a, "Pete Hegseth", "says", "Ukraine");

  g_assert_nonnull (r);
  g_assert_cmpint (r->klass, ==, DM_CLASS_STATEMENT);
}

/* A dateline's place says where the story was filed: no actor, not the first sentence's
 * subject. Offsets still point into the article's own text. */
static void
test_dateline_place (void)
{
  static const char text[] = "Ministers meet\n\nKyiv, April 15, 2026 \xE2\x80\x94 "
    "Foreign ministers of the European Union urged Poland on Wednesday to resume talks.";
  g_autoptr(DmAnalysis) a = analyze (text);
  const DmRelation *r = find_relation (a, "European Union", "urges", "Poland");
  const DmMention *poland = find_mention (a, "Poland", 0);
  g_autofree char *slice = NULL;

  g_assert_null (find_mention (a, "Kyiv", 0));
  g_assert_nonnull (r);
  g_assert_nonnull (poland);
  slice = cp_slice (text, poland->span);
  g_assert_cmpstr (slice, ==, "Poland");
}

static void
test_reciprocal (void)
{
  g_autoptr(DmAnalysis) a = analyze ("The United States and Jordan have agreed upon a new pact.");

  /* a reciprocal verb relates the subjects both ways */
  g_assert_cmpuint (a->relations->len, ==, 2);
  g_assert_nonnull (find_relation (a, "United States", "agrees", "Jordan"));
  g_assert_nonnull (find_relation (a, "Jordan", "agrees", "United States"));
  g_assert_cmpint (((DmRelation *) g_ptr_array_index (a->relations, 0))->klass, ==, DM_CLASS_AGREE);
}

static void
test_no_target_no_relation (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Joe Biden criticized the decision sharply.");

  g_assert_cmpuint (a->relations->len, ==, 0);
}

static void
test_gerund_object (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Washington pivots towards countering China. "
                                     "Meanwhile, Russia continues to press forward, having gained ground in eastern Ukraine.");

  g_assert_nonnull (find_relation (a, "United States", "counters", "China"));
  g_assert_nonnull (find_relation (a, "Russia", "gains ground in", "Ukraine"));
}

static void
test_intentions (void)
{
  g_autoptr(DmAnalysis) a = analyze ("The United States will provide aid to Ukraine. "
                                     "Poland said it would boycott Russia. "
                                     "Russia will not attack Poland.");
  const DmRelation *promise = find_relation (a, "United States", "promises to provide aid to", "Ukraine");
  const DmRelation *threat = find_relation (a, "Poland", "threatens to boycott", "Russia");
  const DmRelation *denied = find_relation (a, "Russia", "attacks", "Poland");

  g_assert_nonnull (promise);
  g_assert_cmpint (promise->klass, ==, DM_CLASS_AGREE);
  g_assert_nonnull (threat);
  g_assert_cmpint (threat->klass, ==, DM_CLASS_THREATEN);
  /* a negated future act stays what it is, negated */
  g_assert_nonnull (denied);
  g_assert_true (denied->negated);
  g_assert_cmpint (denied->klass, ==, DM_CLASS_ASSAULT);
}

static void
test_obligation_after_saying (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Joe Biden said Russia must leave Ukraine.");
  const DmRelation *r = find_relation (a, "Joe Biden", "demands", "Russia");

  g_assert_nonnull (r);
  g_assert_cmpint (r->klass, ==, DM_CLASS_DEMAND);
}

static void
test_participle_ends_object (void)
{
  g_autoptr(DmAnalysis) a = analyze ("Joseph Smith announced a departure from the approach taken under Joe Biden.");

  /* the approach is what he departs from, not Joe Biden */
  g_assert_null (find_relation (a, "Joseph Smith", "leaves", "Joe Biden"));
}

/* after an object that is no actor, a body "in" or "at" which the act happens is its venue,
 * and what follows "over" its matter: neither is what the act is about */
static void
test_venue_and_matter_end_object (void)
{
  g_autoptr(DmAnalysis) venue = analyze ("Joseph Smith criticized the plan at NATO on Monday.");
  g_autoptr(DmAnalysis) matter = analyze ("Joseph Smith criticized the administration over NATO exercises.");
  g_autoptr(DmAnalysis) actor = analyze ("Joseph Smith criticized NATO over the exercises.");

  g_assert_null (find_relation (venue, "Joseph Smith", "criticizes", "NATO"));
  g_assert_null (find_relation (matter, "Joseph Smith", "criticizes", "NATO"));
  g_assert_nonnull (find_relation (actor, "Joseph Smith", "criticizes", "NATO"));
}

static void
test_mentions_sorted_and_exact (void)
{
  const char *text = "Kyiv’s allies—Poland and the US—met NATO’s chief. Ukrainian officials thanked them.";
  g_autoptr(DmAnalysis) a = analyze (text);
  guint last_start = 0;

  g_assert_cmpuint (a->mentions->len, >=, 4);
  for (guint i = 0; i < a->mentions->len; i++)
    {
      const DmMention *m = g_ptr_array_index (a->mentions, i);
      g_autofree char *slice = cp_slice (text, m->span);

      g_assert_cmpstr (slice, ==, m->text);
      g_assert_cmpuint (m->span.start, >=, last_start);
      last_start = m->span.start;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  DmLexicon *lexicon;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* the word-order rules alone (the tree rules have test-relations.c) */
  g_setenv ("DRAMATIS_NO_PARSE", "1", TRUE);
  dir = g_test_build_filename (G_TEST_DIST, "fixtures", "lexicon", NULL);
  lexicon = dm_lexicon_new_from_dir (dir, &error);
  g_assert_no_error (error);
  extractor = dm_extractor_new (lexicon);

  g_test_add_func ("/dramatis/extractor/official-with-title", test_official_with_title);
  g_test_add_func ("/dramatis/extractor/demonym-affiliation-and-definite-title", test_demonym_affiliation_and_definite_title);
  g_test_add_func ("/dramatis/extractor/capital-metonymy-and-places", test_capital_metonymy_and_places);
  g_test_add_func ("/dramatis/extractor/alliance-and-groups", test_alliance_and_groups);
  g_test_add_func ("/dramatis/extractor/not-actors", test_not_actors);
  g_test_add_func ("/dramatis/extractor/organization-names", test_organization_names);
  g_test_add_func ("/dramatis/extractor/phrasal-verb-and-prepositional-target", test_phrasal_verb_and_prepositional_target);
  g_test_add_func ("/dramatis/extractor/negation", test_negation);
  g_test_add_func ("/dramatis/extractor/passive", test_passive);
  g_test_add_func ("/dramatis/extractor/coordinated-subjects", test_coordinated_subjects);
  g_test_add_func ("/dramatis/extractor/noun-relation", test_noun_relation);
  g_test_add_func ("/dramatis/extractor/participle-clause", test_participle_clause);
  g_test_add_func ("/dramatis/extractor/coordinated-verb", test_coordinated_verb);
  g_test_add_func ("/dramatis/extractor/coordinated-verb-object", test_coordinated_verb_object);
  g_test_add_func ("/dramatis/extractor/shared-subjects", test_shared_subjects);
  g_test_add_func ("/dramatis/extractor/according-to", test_according_to);
  g_test_add_func ("/dramatis/extractor/dateline-place", test_dateline_place);
  g_test_add_func ("/dramatis/extractor/reciprocal", test_reciprocal);
  g_test_add_func ("/dramatis/extractor/no-target-no-relation", test_no_target_no_relation);
  g_test_add_func ("/dramatis/extractor/gerund-object", test_gerund_object);
  g_test_add_func ("/dramatis/extractor/intentions", test_intentions);
  g_test_add_func ("/dramatis/extractor/obligation-after-saying", test_obligation_after_saying);
  g_test_add_func ("/dramatis/extractor/participle-ends-object", test_participle_ends_object);
  g_test_add_func ("/dramatis/extractor/venue-and-matter-end-object", test_venue_and_matter_end_object);
  g_test_add_func ("/dramatis/extractor/mentions-sorted-and-exact", test_mentions_sorted_and_exact);

  status = g_test_run ();
  dm_extractor_free (extractor);
  dm_lexicon_free (lexicon);
  return status;
}
