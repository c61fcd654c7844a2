/* test-recognizer-people.c — well-known political figures (people.tsv) named by surname
 * alone, and the article's own people keeping their surnames
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "recognizer-test-common.h"

/* "Putin warns West": a headline names a leader by surname alone, in any transliteration */
static void
test_bare_surname (void)
{
  g_autoptr(Recognized) rec = recognize ("Putin warns West over Kyiv talks. Macron invited Zelenskyy to Paris. "
                                         "Zelenskiy accepted. Mr Netanyahu said he would come.");

  assert_actor (rec, "Putin", 0, "Vladimir Putin", DM_ACTOR_PERSON);
  assert_actor (rec, "Macron", 0, "Emmanuel Macron", DM_ACTOR_PERSON);
  assert_actor (rec, "Zelenskyy", 0, "Volodymyr Zelensky", DM_ACTOR_PERSON);
  assert_actor (rec, "Zelenskiy", 0, "Volodymyr Zelensky", DM_ACTOR_PERSON);
  g_assert_cmpstr (find (rec, "he", 0)->actor, ==, "Benjamin Netanyahu");
}

/* the full name and the lone surname are one actor; a surname people.tsv leaves out
 * ("Kennedy", "Brown": several well-known bearers) stays with the article's own person */
static void
test_article_names_first (void)
{
  g_autoptr(Recognized) rec = recognize ("Vladimir Putin met Laura Kennedy in Moscow. Putin thanked Kennedy. "
                                         "Abbas Araghchi arrived later. Abbas spoke.");
  g_autoptr(Recognized) brown = recognize ("Gordon Brown's rival spoke. Brown said the plan was flawed.");
  g_autoptr(Recognized) lone = recognize ("The plan was flawed, Brown said.");

  assert_actor (rec, "Putin", 0, "Vladimir Putin", DM_ACTOR_PERSON);
  assert_actor (rec, "Kennedy", 0, "Laura Kennedy", DM_ACTOR_PERSON);
  /* a given name of the article's person is not another well-known surname */
  assert_actor (rec, "Abbas", 0, "Abbas Araghchi", DM_ACTOR_PERSON);
  assert_actor (brown, "Brown", 0, "Gordon Brown", DM_ACTOR_PERSON);
  g_assert_false (names_actor (lone, "Gordon Brown"));
}

/* a full name in another spelling is the same person, and an apposition still makes an official */
static void
test_full_name (void)
{
  g_autoptr(Recognized) rec = recognize ("Volodymyr Zelenskyy, the Ukrainian president, met Zelensky's aides.");

  assert_actor (rec, "Volodymyr Zelenskyy", 0, "Volodymyr Zelensky", DM_ACTOR_OFFICIAL);
}

/* "Blair House": a known surname that goes on into a longer name is not the person */
static void
test_longer_name (void)
{
  g_autoptr(Recognized) rec = recognize ("Guests stayed at Blair House. Blair flew home.");

  /* one lone "Blair": the second sentence's */
  assert_actor (rec, "Blair", 0, "Tony Blair", DM_ACTOR_PERSON);
  g_assert_null (find (rec, "Blair", 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/recognizer-people/bare-surname", test_bare_surname);
  g_test_add_func ("/dramatis/recognizer-people/article-names-first", test_article_names_first);
  g_test_add_func ("/dramatis/recognizer-people/longer-name", test_longer_name);
  g_test_add_func ("/dramatis/recognizer-people/full-name", test_full_name);
  return g_test_run ();
}
