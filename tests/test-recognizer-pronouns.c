/* test-recognizer-pronouns.c — who "he", "she", "they", "his", "we" and "I" are: pronouns
 * that agree, stay unresolved when two could be meant, and quotations spoken by someone
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "recognizer-test-common.h"

static void
test_pronouns_agree (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad met Maria Lopez in Geneva. She said the talks went well. "
                                         "He agreed with her.");
  g_autoptr(Recognized) unclear = recognize ("Kim Lee met Robin Park in Geneva. She said the talks went well.");

  assert_actor (rec, "She", 0, "Maria Lopez", DM_ACTOR_PERSON);
  assert_actor (rec, "He", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  /* two people whose gender the names do not tell: "she" stays unresolved */
  g_assert_null (find (unclear, "She", 0));
}

/* A person whose given name the lexicon does not know, the subject of this sentence or the
 * last, named after the last person known to agree: the pronoun is that topic */
static void
test_pronoun_unknown_gender_topic (void)
{
  g_autoptr(Recognized) before = recognize ("Karim Ahmad spoke in Pretoria on Monday. Senzo Mchunu welcomed the "
                                            "verdict on Tuesday. He did not mention the court.");
  g_autoptr(Recognized) here = recognize ("Maria Lopez spoke in Canberra on Monday. Senator Lidia Thorpe was "
                                          "censured after she heckled the king.");
  g_autoptr(Recognized) known = recognize ("Senzo Mchunu welcomed the verdict on Tuesday. Karim Ahmad spoke in "
                                           "Pretoria. He did not mention the court.");

  assert_actor (before, "He", 0, "Senzo Mchunu", DM_ACTOR_PERSON);
  assert_actor (here, "she", 0, "Lidia Thorpe", DM_ACTOR_OFFICIAL);
  /* named before the person known to agree, the topic gives way */
  assert_actor (known, "He", 0, "Karim Ahmad", DM_ACTOR_PERSON);
}

/* "her" before "of" is an object ("accusing her of …"), not a possessive */
static void
test_her_before_of (void)
{
  g_autoptr(Recognized) rec = recognize ("Lawmakers impeached Maria Lopez on Monday, accusing her of misusing funds.");

  assert_actor (rec, "her", 0, "Maria Lopez", DM_ACTOR_PERSON);
}

/* "We’ll", "I'm": a pronoun the tokenizer keeps with its clitic is still the speaker */
static void
test_contracted_pronouns (void)
{
  g_autoptr(Recognized) we = recognize ("Russian Foreign Minister Sergei Lavrov spoke in Geneva on Monday. "
                                        "“We’ll respond,” Lavrov said.");
  g_autoptr(Recognized) self = recognize ("Maria Lopez met Karim Ahmad in Geneva. "
                                          "“I'm not leaving,” Ahmad said.");

  assert_actor (we, "We’ll", 0, "Russia (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (self, "I'm", 0, "Karim Ahmad", DM_ACTOR_PERSON);
}

/* "X said he …": the pronoun after a verb of saying is the speaker, if the gender agrees */
static void
test_pronoun_after_saying (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad met Tobias Ellwood. His father Samir Ahmad said he was proud. "
                                         "Samir Ahmad said she was wrong.");

  assert_actor (rec, "he", 0, "Samir Ahmad", DM_ACTOR_PERSON);
  /* "she" does not agree with Samir: not him */
  g_assert_true (find (rec, "she", 0) == NULL || g_strcmp0 (find (rec, "she", 0)->actor, "Samir Ahmad") != 0);
}

/* "Brazil's President Lula … said he": the country owns the subject; the speaker is the
 * person it owns, not the man the sentence before was about */
static void
test_pronoun_after_owned_speaker (void)
{
  g_autoptr(Recognized) rec = recognize ("Karim Ahmad met Tobias Ellwood in Geneva. "
                                         "Brazil's President Joao Tavares praised the deal and said he was pleased.");

  assert_actor (rec, "he", 0, "Joao Tavares", DM_ACTOR_OFFICIAL);
}

/* "Kim Lee, a retired nurse and mother of two": the apposition tells the gender the given
 * name does not, so "she" is Kim Lee and not Robin Park */
static void
test_described_gender (void)
{
  g_autoptr(Recognized) rec = recognize ("Kim Lee, a retired nurse and mother of two, met Robin Park in Geneva. "
                                         "She said the talks went well.");

  assert_actor (rec, "She", 0, "Kim Lee", DM_ACTOR_PERSON);
}

/* "her" before a grammar word is an object ("released her on Tuesday"), before a noun a
 * possessive ("her lawyer") */
static void
test_her_as_object (void)
{
  g_autoptr(Recognized) rec = recognize ("Police detained Maria Lopez on Monday. "
                                         "A judge released her on Tuesday, and her lawyer spoke.");

  assert_actor (rec, "her", 0, "Maria Lopez", DM_ACTOR_PERSON);
  g_assert_null (find (rec, "her", 1));
}

/* "they" goes on about the one organisation or group that opened the sentence before; two
 * of them, or a plural phrase it could mean as well ("the girls"), leave it unresolved */
static void
test_they_collective (void)
{
  g_autoptr(Recognized) rec = recognize ("Greenpeace criticised the plan on Monday. "
                                         "They want the coast protected.");
  g_autoptr(Recognized) two = recognize ("Greenpeace and Oxfam criticised the plan on Monday. "
                                         "They want the coast protected.");
  g_autoptr(Recognized) girls = recognize ("Greenpeace helped the girls on Monday. "
                                           "They want the coast protected.");

  assert_actor (rec, "They", 0, "Greenpeace", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "They", 0));
  g_assert_null (find (girls, "They", 0));
}

/* "Ahmad's sister pleaded with him": the object pronoun is the possessor of its gender the
 * sentence named, not the subject of the sentence before; "Thomas' sister" too */
static void
test_possessor_as_object (void)
{
  g_autoptr(Recognized) rec = recognize ("Omar Haddad met Karim Ahmad on Monday. "
                                         "Ahmad's sister pleaded with him to stay.");
  g_autoptr(Recognized) bare = recognize ("Omar Haddad met Thomas Sam on Monday. "
                                          "Thomas' sister pleaded with him to stay.");

  assert_actor (rec, "him", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  assert_actor (bare, "him", 0, "Thomas Sam", DM_ACTOR_PERSON);
}

/* "Jane Roe, a nurse, claimed that X imprisoned her": an object pronoun in what a person of
 * its gender says is that speaker, not the subject of the sentence before */
static void
test_speaker_as_object (void)
{
  g_autoptr(Recognized) rec = recognize ("Maria Keller spoke on Monday. "
                                         "Zoraida Paris, an Australian woman, has claimed that "
                                         "Greenpeace imprisoned her.");

  assert_actor (rec, "her", 0, "Zoraida Paris", DM_ACTOR_PERSON);
}

/* "Haddad says it is crucial": "it" after a person's verb of saying is not that person */
static void
test_it_is_no_person (void)
{
  g_autoptr(Recognized) rec = recognize ("Omar Haddad says it is crucial that talks resume.");

  g_assert_null (find (rec, "it", 0));
}

/* "It" opening a sentence as the subject of an act is the state or organisation that opened
 * the sentence before, when no other one was named since; never before a copula */
static void
test_it_goes_on_about_a_body (void)
{
  g_autoptr(Recognized) rec = recognize ("Oxfam published a report on Monday. It accused Egypt of torture. "
                                         "The Indian government rejected the claim. It has also urged Nepal to act.");
  g_autoptr(Recognized) two = recognize ("Hamas fired rockets at Israel. It attacked Gaza City.");
  g_autoptr(Recognized) copula = recognize ("Oxfam published a report. It was criticized by Egypt. "
                                            "Oxfam met Egypt's envoy. It is clear that Egypt will act.");

  assert_actor (rec, "It", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "It", 1, "India (government)", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "It", 0));
  g_assert_null (find (copula, "It", 0));
  g_assert_null (find (copula, "It", 1));
}

/* "X and Y said …, but Z said it would not": "it" is the speaker of its own verb of saying,
 * not the sentence's first actor */
static void
test_it_after_second_speaker (void)
{
  g_autoptr(Recognized) rec = recognize ("Peru and Chile said they had agreed, but Bolivia said it "
                                         "would not sign the deal.");

  assert_actor (rec, "it", 0, "Bolivia", DM_ACTOR_COUNTRY);
}

static void
test_quotations (void)
{
  g_autoptr(Recognized) self = recognize ("Maria Lopez met Karim Ahmad in Geneva. "
                                          "“I will not resign,” Ahmad said.");
  g_autoptr(Recognized) we = recognize ("Russian Foreign Minister Sergei Lavrov spoke in Geneva on Monday. "
                                        "“We will respond,” Lavrov said.");

  assert_actor (self, "I", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  assert_actor (we, "We", 0, "Russia (government)", DM_ACTOR_ORGANIZATION);
  g_assert_cmpstr (find (we, "We", 0)->affiliation, ==, "Russia");
}

/* a quoted "we" of a person whose organisation we were not told is no one we can name: not
 * the person alone */
static void
test_we_of_a_person (void)
{
  g_autoptr(Recognized) rec = recognize ("Maria Lopez visited the base on Monday. "
                                         "“We were able to share what we know,” Lopez said.");

  g_assert_null (find (rec, "We", 0));
  g_assert_null (find (rec, "we", 0));
  assert_actor (rec, "Lopez", 0, "Maria Lopez", DM_ACTOR_PERSON);
}

/* "We urge …" in a state's statement is its government speaking, an organisation; an
 * organisation's "we" stays the organisation */
static void
test_state_speaks_as_government (void)
{
  g_autoptr(Recognized) state = recognize ("Norway strongly condemns the bombing of the hospital. "
                                           "We urge all sides to respect the ceasefire.");
  g_autoptr(Recognized) org = recognize ("Oxfam condemned the bombing of the hospital. "
                                         "We urge all sides to respect the ceasefire.");
  const DmRMention *we;

  assert_actor (state, "We", 0, "Norway (government)", DM_ACTOR_ORGANIZATION);
  we = find (state, "We", 0);
  g_assert_cmpstr (we->affiliation, ==, "Norway");
  assert_actor (org, "We", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
}

/* an outlet that quotes a questionnaire does not speak its "we" */
static void
test_outlet_quotes_others (void)
{
  g_autoptr(Recognized) rec = recognize ("Oxfam criticised the new form. "
                                         "The Guardian cited one of its questions: “Did we break the law?”");

  g_assert_true (find (rec, "we", 0) == NULL || g_strcmp0 (find (rec, "we", 0)->actor, "The Guardian") != 0);
}

/* "X said:" opens a statement: its "we" is X's organisation or country, or unknown — never a
 * country named before X spoke */
static void
test_we_after_a_statement_opens (void)
{
  g_autoptr(Recognized) rec = recognize ("A ceasefire in Syria was announced by Russia and Turkey.\n\n"
                                         "Minister Tobias Ellwood said:\n\n"
                                         "We are concerned by reports of violations.");
  g_autoptr(Recognized) known = recognize ("A ceasefire in Syria was announced by Russia and Turkey.\n\n"
                                           "Joseph Votel, commander of U.S. Central Command, said:\n\n"
                                           "We are concerned by reports of violations.");

  g_assert_null (find (rec, "We", 0));
  assert_actor (known, "We", 0, "CENTCOM", DM_ACTOR_ORGANIZATION);
}

/* "“We tried,” he said": the quotation's speaker is the person the attribution's pronoun
 * names, and a person's "we" is not the country named before */
static void
test_quotation_spoken_by_pronoun (void)
{
  g_autoptr(Recognized) rec = recognize ("Omar Haddad says Ruritania should follow France. "
                                         "\"We tried so far and failed,\" he said.");
  const DmRMention *we = find (rec, "We", 0);

  assert_actor (rec, "he", 0, "Omar Haddad", DM_ACTOR_PERSON);
  g_assert_true (we == NULL || g_strcmp0 (we->actor, "France") != 0);
  g_assert_true (we == NULL || g_strcmp0 (we->actor, "France (government)") != 0);
}

/* "Malaysia's Prime Minister, Karim Ahmad said, “We …”": the official's "we" is the
 * government of the country his title was given with */
static void
test_we_of_a_titled_possessor (void)
{
  g_autoptr(Recognized) rec = recognize ("Malaysia's Prime Minister, Karim Ahmad said, "
                                         "\"We are in contact with all relevant parties\".");

  assert_actor (rec, "We", 0, "Malaysia (government)", DM_ACTOR_ORGANIZATION);
}

/* a quoted "our government", "our country", "our organisation" is the speaker's side when he
 * speaks for one: the government of the country his title was given with, the organisation
 * he works for; no one when the speaker's side is unknown or of another kind */
static void
test_our_body_in_a_quotation (void)
{
  g_autoptr(Recognized) minister = recognize ("Malaysia's Prime Minister Karim Ahmad said: "
                                              "\"We are ready. Our government condemns the raid. Our country will not bow.\"");
  g_autoptr(Recognized) director = recognize ("Oxfam's director Maria Lopez said: "
                                              "\"Our organisation has helped them. Our government has failed.\"");
  g_autoptr(Recognized) nobody = recognize ("Maria Lopez said: \"Our government has failed.\"");

  assert_actor (minister, "Our government", 0, "Malaysia (government)", DM_ACTOR_ORGANIZATION);
  assert_actor (minister, "Our country", 0, "Malaysia", DM_ACTOR_COUNTRY);
  assert_actor (director, "Our organisation", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (director, "Our government", 0));
  g_assert_null (find (nobody, "Our government", 0));
}

/* "“We will respond,” said Maria Lopez, the Oxfam spokeswoman. “We are ready.”": the second
 * quotation goes on from the first, so its "we" is Oxfam too, not the organisation the
 * running text named before */
static void
test_quotation_goes_on (void)
{
  g_autoptr(Recognized) rec = recognize ("Greenpeace criticised the plan on Monday.\n\n"
                                         "\"We will respond,\" said Maria Lopez, the Oxfam spokeswoman. "
                                         "\"We are ready to help.\"");

  assert_actor (rec, "We", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
  assert_actor (rec, "We", 1, "Oxfam", DM_ACTOR_ORGANIZATION);
}

/* "his visit to Oxfam": a possessive pronoun before a noun that tells an act is its owner,
 * the one man the sentence names or, of two, the one the text was about; not before a
 * noun that names someone ("his brother"), not in an opening phrase whose subject comes
 * after, not the subject's own ("reneged on his commitment": the verb tells that act) */
static void
test_possessive_pronoun (void)
{
  g_autoptr(Recognized) one = recognize ("Maria Lopez spoke on Monday. "
                                         "Crowds cheered Karim Ahmad during his visit to Oxfam.");
  g_autoptr(Recognized) topic = recognize ("Karim Ahmad arrived in Geneva on Monday. "
                                           "Omar Haddad met Ahmad during his visit to Oxfam.");
  g_autoptr(Recognized) two = recognize ("Omar Haddad met Karim Ahmad during his visit to Oxfam.");
  g_autoptr(Recognized) kin = recognize ("Karim Ahmad arrived in Geneva. Crowds cheered his brother.");
  g_autoptr(Recognized) ahead = recognize ("Omar Haddad spoke on Monday. "
                                           "Discussing his support for Oxfam, Karim Ahmad said the talks went well.");
  g_autoptr(Recognized) own = recognize ("Karim Ahmad reneged on his commitment to Oxfam.");

  assert_actor (one, "his", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  g_assert_true (find (one, "his", 0)->possessive);
  assert_actor (topic, "his", 0, "Karim Ahmad", DM_ACTOR_PERSON);
  g_assert_null (find (two, "his", 0));
  g_assert_null (find (kin, "his", 0));
  g_assert_null (find (ahead, "his", 0));
  g_assert_null (find (own, "his", 0));
}

/* a name that ends like a participle ("Mohamed") opening a sentence is its subject, not an
 * opening phrase: "he" in the next sentence is Mohamed, not the man named after the comma */
static void
test_name_opens_the_sentence (void)
{
  g_autoptr(Recognized) rec = recognize ("Ahmed Mohamed arrived in Geneva on Monday. "
                                         "Mohamed was a guest of the mayor, and met Karim Ahmad at the fair. "
                                         "He said the visit went well.");

  assert_actor (rec, "He", 0, "Ahmed Mohamed", DM_ACTOR_PERSON);
}

/* "On Friday, Greenpeace activists went to the town hall, where they …": "they" is the
 * organisation that opens the main clause, whoever the sentence before named; two people
 * named in the sentence itself could be meant as well */
static void
test_they_after_an_opening_phrase (void)
{
  g_autoptr(Recognized) rec = recognize ("Omar Haddad met Karim Ahmad on Monday. "
                                         "On Friday, Greenpeace activists went to the town hall, "
                                         "where they accused Haddad of theft.");
  g_autoptr(Recognized) two = recognize ("Omar Haddad spoke on Monday. "
                                         "On Friday, Greenpeace activists met Maria Lopez and Karim Ahmad, "
                                         "and they left.");

  assert_actor (rec, "they", 0, "Greenpeace", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "they", 0));
}

/* two people of the pronoun's gender named in its sentence before it, neither the one the
 * text was about: "she", "he", "him" stay unresolved */
static void
test_two_of_a_gender (void)
{
  g_autoptr(Recognized) women = recognize ("Maria Lopez arrived on Monday. "
                                           "Jane Roe and Anna Kim met in Paris, where she criticised Oxfam.");
  g_autoptr(Recognized) men = recognize ("Omar Haddad spoke on Monday. "
                                         "Karim Ahmad met Peter Brown, and he thanked him.");

  g_assert_null (find (women, "she", 0));
  g_assert_null (find (men, "he", 0));
  g_assert_null (find (men, "him", 0));
}

/* a quotation someone we cannot name is said to speak or write ("a reader wrote that “I …”")
 * is not the last person named: its "I" is no one we can tell */
static void
test_unnamed_speaker (void)
{
  g_autoptr(Recognized) said = recognize ("Omar Haddad met Karim Ahmad in Geneva. "
                                          "One reader, writing in a blog post, said \"I have joined Oxfam.\"");
  g_autoptr(Recognized) wrote = recognize ("Omar Haddad met Karim Ahmad in Geneva. "
                                           "A reader wrote that \"I have joined Oxfam.\"");
  g_autoptr(Recognized) named = recognize ("Karim Ahmad spoke in Geneva. "
                                           "\"I have joined Oxfam,\" Ahmad said.");

  g_assert_null (find (said, "I", 0));
  g_assert_null (find (wrote, "I", 0));
  assert_actor (named, "I", 0, "Karim Ahmad", DM_ACTOR_PERSON);
}

/* "his party", "her organisation": the organisation its owner was named with ("John Tsang
 * of the Liberal Party"); nobody when we were not told */
static void
test_owners_organization (void)
{
  g_autoptr(Recognized) party = recognize ("John Tsang of the Liberal Party lost his seat. "
                                           "He resigned from his post in his party.");
  g_autoptr(Recognized) org = recognize ("Maria Lopez from Oxfam spoke on Monday. "
                                         "Critics said her organisation had failed.");
  g_autoptr(Recognized) untold = recognize ("John Tsang lost his seat. He left his party.");

  assert_actor (party, "his party", 0, "Liberal Party", DM_ACTOR_ORGANIZATION);
  assert_actor (org, "her organisation", 0, "Oxfam", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (untold, "his party", 0));
  g_assert_null (find (untold, "his", 1));
}

/* "Their visit to Oxfam": "their" before a noun that tells an act is the collective actor
 * "they" would be; not the subject's own ("renewed their support": the verb tells it), not
 * before a noun that names someone ("their parents") */
static void
test_their_act (void)
{
  g_autoptr(Recognized) visit = recognize ("Greenpeace officials went to Geneva on Monday. "
                                           "Their visit to Oxfam was short.");
  g_autoptr(Recognized) own = recognize ("Greenpeace officials renewed their support for Oxfam.");
  g_autoptr(Recognized) kin = recognize ("Greenpeace officials went to Geneva on Monday. "
                                         "Their parents stayed home.");

  assert_actor (visit, "Their", 0, "Greenpeace", DM_ACTOR_ORGANIZATION);
  g_assert_true (find (visit, "Their", 0)->possessive);
  g_assert_null (find (own, "their", 0));
  g_assert_null (find (kin, "Their", 0));
}

/* "her mother", "his father": the person introduced as such, before or after ("His father
 * Omar Haddad said …"), else a person of their own named by the owner, as "Lina Haddad's
 * brother" is; not before a name,
 * where the name is the mention; not of an owner introduced as someone's kin himself */
static void
test_kin (void)
{
  g_autoptr(Recognized) own = recognize ("Maria Lopez left Oxfam in 2001. "
                                         "Her mother had spoken out against Oxfam on television.");
  g_autoptr(Recognized) before = recognize ("Karim Ahmad was arrested on Monday. "
                                            "His father Omar Haddad said he was proud. "
                                            "Ahmad and his father will travel to Geneva.");
  g_autoptr(Recognized) after = recognize ("Karim Ahmad was arrested on Monday. "
                                           "Ahmad and his father will travel to Geneva. "
                                           "His father, Omar Haddad, said he was proud.");
  g_autoptr(Recognized) kins_kin = recognize ("Karim Ahmad was arrested on Monday. "
                                              "His father Omar Haddad said he was proud. "
                                              "Officials wanted to meet his son.");

  g_autoptr(Recognized) named = recognize ("Lina Haddad's brother pleaded with her to stay. "
                                           "Police arrested Omar Cortes' son in Geneva. "
                                           "Karim Ahmad's sister Rana Ahmad spoke.");

  assert_actor (own, "Her mother", 0, "Maria Lopez's mother", DM_ACTOR_PERSON);
  /* after a name and its possessive: a person of their own, of the kin noun's gender */
  assert_actor (named, "brother", 0, "Lina Haddad's brother", DM_ACTOR_PERSON);
  assert_actor (named, "her", 0, "Lina Haddad", DM_ACTOR_PERSON);
  assert_actor (named, "son", 0, "Omar Cortes's son", DM_ACTOR_PERSON);
  g_assert_null (find (named, "sister", 0));
  assert_actor (named, "Rana Ahmad", 0, "Rana Ahmad", DM_ACTOR_PERSON);
  assert_actor (before, "his father", 0, "Omar Haddad", DM_ACTOR_PERSON);
  g_assert_null (find (before, "His father", 0));
  assert_actor (after, "his father", 0, "Omar Haddad", DM_ACTOR_PERSON);
  g_assert_null (find (kins_kin, "his son", 0));
}

/* "its troops" acting: the armed forces of the one state or organisation named before in
 * the sentence; two such, or a person only, leave them to no one, and as an object ("withdrew
 * its troops") they are no actor of their own */
static void
test_its_forces (void)
{
  g_autoptr(Recognized) state = recognize ("Russia said its troops captured a village from Ukraine.");
  g_autoptr(Recognized) group = recognize ("Hamas said its forces ambushed a convoy.");
  g_autoptr(Recognized) government = recognize ("The Israeli government said its army struck Gaza.");
  g_autoptr(Recognized) two = recognize ("Russia accused Ukraine of moving its troops into Kursk.");
  g_autoptr(Recognized) person = recognize ("John Smith said its soldiers attacked the town.");
  g_autoptr(Recognized) object = recognize ("Belgium withdrew its troops from Mali.");

  assert_actor (state, "its troops", 0, "Russia (armed forces)", DM_ACTOR_ORGANIZATION);
  assert_actor (group, "its forces", 0, "Hamas", DM_ACTOR_ORGANIZATION);
  assert_actor (government, "its army", 0, "Israel (armed forces)", DM_ACTOR_ORGANIZATION);
  g_assert_null (find (two, "its troops", 0));
  g_assert_false (names_actor (two, "Russia (armed forces)"));
  g_assert_false (names_actor (two, "Ukraine (armed forces)"));
  g_assert_null (find (person, "its soldiers", 0));
  g_assert_false (names_actor (object, "Belgium (armed forces)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/recognizer/pronouns-agree", test_pronouns_agree);
  g_test_add_func ("/dramatis/recognizer/pronoun-unknown-gender-topic", test_pronoun_unknown_gender_topic);
  g_test_add_func ("/dramatis/recognizer/her-before-of", test_her_before_of);
  g_test_add_func ("/dramatis/recognizer/contracted-pronouns", test_contracted_pronouns);
  g_test_add_func ("/dramatis/recognizer/pronoun-after-saying", test_pronoun_after_saying);
  g_test_add_func ("/dramatis/recognizer/it-after-second-speaker", test_it_after_second_speaker);
  g_test_add_func ("/dramatis/recognizer/pronoun-after-owned-speaker", test_pronoun_after_owned_speaker);
  g_test_add_func ("/dramatis/recognizer/described-gender", test_described_gender);
  g_test_add_func ("/dramatis/recognizer/her-as-object", test_her_as_object);
  g_test_add_func ("/dramatis/recognizer/they-collective", test_they_collective);
  g_test_add_func ("/dramatis/recognizer/possessor-as-object", test_possessor_as_object);
  g_test_add_func ("/dramatis/recognizer/speaker-as-object", test_speaker_as_object);
  g_test_add_func ("/dramatis/recognizer/it-is-no-person", test_it_is_no_person);
  g_test_add_func ("/dramatis/recognizer/it-goes-on-about-a-body", test_it_goes_on_about_a_body);
  g_test_add_func ("/dramatis/recognizer/quotations", test_quotations);
  g_test_add_func ("/dramatis/recognizer/we-of-a-person", test_we_of_a_person);
  g_test_add_func ("/dramatis/recognizer/state-speaks-as-government", test_state_speaks_as_government);
  g_test_add_func ("/dramatis/recognizer/outlet-quotes-others", test_outlet_quotes_others);
  g_test_add_func ("/dramatis/recognizer/we-after-a-statement-opens", test_we_after_a_statement_opens);
  g_test_add_func ("/dramatis/recognizer/quotation-spoken-by-pronoun", test_quotation_spoken_by_pronoun);
  g_test_add_func ("/dramatis/recognizer/we-of-a-titled-possessor", test_we_of_a_titled_possessor);
  g_test_add_func ("/dramatis/recognizer/our-body-in-a-quotation", test_our_body_in_a_quotation);
  g_test_add_func ("/dramatis/recognizer/quotation-goes-on", test_quotation_goes_on);
  g_test_add_func ("/dramatis/recognizer/possessive-pronoun", test_possessive_pronoun);
  g_test_add_func ("/dramatis/recognizer/name-opens-the-sentence", test_name_opens_the_sentence);
  g_test_add_func ("/dramatis/recognizer/they-after-an-opening-phrase", test_they_after_an_opening_phrase);
  g_test_add_func ("/dramatis/recognizer/two-of-a-gender", test_two_of_a_gender);
  g_test_add_func ("/dramatis/recognizer/unnamed-speaker", test_unnamed_speaker);
  g_test_add_func ("/dramatis/recognizer/owners-organization", test_owners_organization);
  g_test_add_func ("/dramatis/recognizer/their-act", test_their_act);
  g_test_add_func ("/dramatis/recognizer/kin", test_kin);
  g_test_add_func ("/dramatis/recognizer/its-forces", test_its_forces);
  return g_test_run ();
}
