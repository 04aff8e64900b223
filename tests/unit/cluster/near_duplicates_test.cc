#include "cluster/near_duplicates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/pipeline.h"

namespace dossier {
namespace {

// Lower-cased words hashed with FNV-1a: a stand-in tokenizer for the tests.
std::vector<uint64_t> Words(std::string_view text) {
  std::vector<uint64_t> out;
  uint64_t h = 0;
  bool in_word = false;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      if (!in_word) h = 0xcbf29ce484222325ULL;
      in_word = true;
      h = (h ^ static_cast<unsigned char>(std::tolower(c))) * 0x100000001b3ULL;
    } else if (in_word) {
      out.push_back(h);
      in_word = false;
    }
  }
  if (in_word) out.push_back(h);
  return out;
}

constexpr std::string_view kWire =
    "Harbor bridge closed after cracks found in main span. "
    "CITY, March 3 (Wire) - The city closed the Harbor Bridge to all traffic "
    "on Tuesday after inspectors found cracks in a steel beam that carries "
    "the main span, officials said, diverting about 40,000 vehicles a day "
    "onto ferries and a congested ring road. Transport commissioner Ana "
    "Ruiz told reporters the cracks were discovered during a routine "
    "inspection on Monday night and that engineers would need at least two "
    "weeks to assess whether the beam could be repaired or had to be "
    "replaced. \"Safety comes first, and we will not reopen the bridge until "
    "we are certain it can carry the load,\" Ruiz said. The bridge, which "
    "opened in 1968, was last renovated in 2009 at a cost of 120 million "
    "dollars. Business owners on the east bank said the closure would hurt "
    "trade during the spring season, and the chamber of commerce asked the "
    "city to add ferry crossings and to waive parking fees downtown. The "
    "mayor is expected to present an emergency transport plan to the "
    "council on Thursday.";

// The same wire copy with a new headline and byline and one word changed.
constexpr std::string_view kRetitled =
    "Cracks shut city's Harbor Bridge, traffic diverted. "
    "By Staff and Wire Reports. "
    "CITY, March 3 (Wire) - The city closed the Harbor Bridge to all traffic "
    "on Tuesday after inspectors found cracks in a steel beam that carries "
    "the main span, officials said, diverting about 40,000 cars a day "
    "onto ferries and a congested ring road. Transport commissioner Ana "
    "Ruiz told reporters the cracks were discovered during a routine "
    "inspection on Monday night and that engineers would need at least two "
    "weeks to assess whether the beam could be repaired or had to be "
    "replaced. \"Safety comes first, and we will not reopen the bridge until "
    "we are certain it can carry the load,\" Ruiz said. The bridge, which "
    "opened in 1968, was last renovated in 2009 at a cost of 120 million "
    "dollars. Business owners on the east bank said the closure would hurt "
    "trade during the spring season, and the chamber of commerce asked the "
    "city to add ferry crossings and to waive parking fees downtown. The "
    "mayor is expected to present an emergency transport plan to the "
    "council on Thursday.";

// kRetitled with one more word changed: 5-word-shingle Jaccard 0.79 with
// kWire, as a short (180-word) article with a rewritten headline, byline and
// two words sits right at the default threshold.
constexpr std::string_view kReposted =
    "Cracks shut city's Harbor Bridge, traffic diverted. "
    "By Staff and Wire Reports. "
    "CITY, March 3 (Wire) - The city closed the Harbor Bridge to all traffic "
    "on Tuesday after inspectors found cracks in a steel beam that carries "
    "the main span, officials said, diverting about 40,000 cars a day "
    "onto ferries and a congested ring road. Transport commissioner Ana "
    "Ruiz told reporters the cracks were discovered during a routine "
    "inspection on Monday night and that engineers would need at least two "
    "weeks to assess whether the beam could be repaired or had to be "
    "replaced. \"Safety comes first, and we will not reopen the bridge until "
    "we are certain it can carry the load,\" Ruiz said. The bridge, which "
    "opened in 1968, was last renovated in 2009 at a cost of 120 million "
    "dollars. Shop owners on the east bank said the closure would hurt "
    "trade during the spring season, and the chamber of commerce asked the "
    "city to add ferry crossings and to waive parking fees downtown. The "
    "mayor is expected to present an emergency transport plan to the "
    "council on Thursday.";

// Same event, written by another newsroom.
constexpr std::string_view kOtherArticle =
    "Commuters scramble as Harbor Bridge shuts. "
    "Thousands of drivers faced long delays on Tuesday after the city shut "
    "the Harbor Bridge when inspectors found cracks in a steel beam under "
    "the main span. Commissioner Ana Ruiz said engineers would take at least "
    "two weeks to decide whether the beam can be repaired. Ferries were "
    "packed by 7 a.m., and traffic on the ring road backed up for miles. "
    "\"I spent two hours getting to work,\" said Maria Lopez, a nurse who "
    "lives on the east bank. Local businesses warned that the closure would "
    "hurt the spring season. The mayor will present an emergency transport "
    "plan on Thursday, a spokesman said, and the council may vote on extra "
    "ferry crossings next week. The bridge opened in 1968.";

// A follow-up on the same story, a day later.
constexpr std::string_view kFollowUp =
    "Harbor Bridge to stay closed for a month, engineers say. "
    "CITY, March 4 (Wire) - Engineers said on Wednesday the Harbor Bridge "
    "would stay closed for at least a month while a cracked steel beam is "
    "replaced, and the city announced free ferry crossings for commuters. "
    "Transport commissioner Ana Ruiz said the replacement beam would be "
    "made by a mill in the north and shipped by barge. Shop owners on the "
    "east bank welcomed the ferries but asked for tax relief. The council "
    "will debate the mayor's emergency transport plan on Thursday.";

TEST(NearDuplicateIndexTest, ExactCopyIsADuplicate) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.Add(Words(kWire)), std::nullopt);
  EXPECT_EQ(index.Add(Words(kWire)), std::optional<uint32_t>(0));
  EXPECT_DOUBLE_EQ(index.Similarity(0, 1), 1.0);
}

TEST(NearDuplicateIndexTest, RepostWithNewHeadlineAndBylineIsADuplicate) {
  NearDuplicateIndex index;
  index.Add(Words(kWire));
  EXPECT_EQ(index.Add(Words(kRetitled)), std::optional<uint32_t>(0))
      << "similarity " << index.Similarity(0, 1);
  EXPECT_GE(index.Similarity(0, 1), 0.8);
}

TEST(NearDuplicateIndexTest, MoreEditsToAShortArticleNeedALowerThreshold) {
  NearDuplicateOptions loose;
  loose.threshold = 0.7;
  NearDuplicateIndex index(loose);
  index.Add(Words(kWire));
  index.Add(Words(kOtherArticle));
  EXPECT_EQ(index.Add(Words(kReposted)), std::optional<uint32_t>(0));
  EXPECT_NEAR(index.Similarity(0, 2), 0.79, 0.1);
}

TEST(NearDuplicateIndexTest, SameTopicDifferentArticlesAreNotDuplicates) {
  NearDuplicateIndex index;
  index.Add(Words(kWire));
  EXPECT_EQ(index.Add(Words(kOtherArticle)), std::nullopt);
  EXPECT_EQ(index.Add(Words(kFollowUp)), std::nullopt);
  EXPECT_LT(index.Similarity(0, 1), 0.3);
  EXPECT_LT(index.Similarity(0, 2), 0.3);
  EXPECT_TRUE(index.Groups().empty());
}

TEST(NearDuplicateIndexTest, ThresholdIsAnOption) {
  NearDuplicateOptions strict;
  strict.threshold = 1.0;
  NearDuplicateIndex index(strict);
  index.Add(Words(kWire));
  EXPECT_EQ(index.Add(Words(kRetitled)), std::nullopt);
  EXPECT_EQ(index.Add(Words(kWire)), std::optional<uint32_t>(0));
}

TEST(NearDuplicateIndexTest, DocumentsWithoutShinglesAreNeverDuplicates) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.Add(Words("")), std::nullopt);
  EXPECT_EQ(index.Add(Words("four words only here")), std::nullopt);
  EXPECT_EQ(index.Add(Words("four words only here")), std::nullopt);
  EXPECT_EQ(index.Add(Words("five words are just enough")), std::nullopt);
  EXPECT_EQ(index.Add(Words("five words are just enough")), std::optional<uint32_t>(3));
  EXPECT_EQ(index.Similarity(1, 2), 0.0);
  EXPECT_EQ(index.Groups(), (std::vector<std::vector<uint32_t>>{{3, 4}}));
}

TEST(NearDuplicateIndexTest, GroupsListMembersInInputOrder) {
  NearDuplicateIndex index;
  index.Add(Words(kOtherArticle));  // 0
  index.Add(Words(kWire));          // 1
  index.Add(Words(kFollowUp));      // 2
  index.Add(Words(kRetitled));      // 3 -> 1
  index.Add(Words(kFollowUp));      // 4 -> 2
  index.Add(Words(kWire));          // 5 -> 1
  EXPECT_EQ(index.Groups(), (std::vector<std::vector<uint32_t>>{{1, 3, 5}, {2, 4}}));
  EXPECT_EQ(index.Representative(5), 1u);
  EXPECT_EQ(index.Representative(0), 0u);
}

// The grouping does not depend on which copy comes first: the same sets of
// articles are grouped for any order of the input.
TEST(NearDuplicateIndexTest, GroupingDoesNotDependOnInputOrder) {
  const std::vector<std::string_view> texts = {kWire, kOtherArticle, kRetitled, kFollowUp, kWire};
  auto groups_as_texts = [&](const std::vector<int>& order) {
    NearDuplicateIndex index;
    for (int i : order) index.Add(Words(texts[i]));
    std::vector<std::vector<int>> out;
    for (const auto& g : index.Groups()) {
      std::vector<int> members;
      for (uint32_t id : g) members.push_back(order[id]);
      std::sort(members.begin(), members.end());
      out.push_back(members);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto expected = std::vector<std::vector<int>>{{0, 2, 4}};
  EXPECT_EQ(groups_as_texts({0, 1, 2, 3, 4}), expected);
  EXPECT_EQ(groups_as_texts({4, 3, 2, 1, 0}), expected);
  EXPECT_EQ(groups_as_texts({2, 1, 4, 3, 0}), expected);
}

// Builds a synthetic stream: `stories` base texts over a vocabulary, then
// copies with a few words substituted, interleaved with fresh texts.
struct Synthetic {
  std::vector<std::vector<uint64_t>> docs;
  std::vector<int> origin;  // base text of each doc, -1 for a fresh one
};

Synthetic MakeStream(int n, int words, uint64_t seed) {
  uint64_t state = seed;
  auto next = [&state] {
    state += 0x9e3779b97f4a7c15ULL;
    uint64_t x = state;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  Synthetic s;
  std::vector<int> bases;
  for (int i = 0; i < n; ++i) {
    const bool copy = !bases.empty() && next() % 3 == 0;
    std::vector<uint64_t> doc;
    if (copy) {
      const int base = bases[next() % bases.size()];
      doc = s.docs[base];
      for (int k = 0; k < 3; ++k) doc[next() % doc.size()] = next() % 20000;
      s.origin.push_back(base);
    } else {
      for (int w = 0; w < words; ++w) doc.push_back(next() % 20000);
      s.origin.push_back(-1);
      bases.push_back(i);
    }
    s.docs.push_back(std::move(doc));
  }
  return s;
}

TEST(NearDuplicateIndexTest, SyntheticStreamFindsEveryCopyAndNothingElse) {
  const Synthetic s = MakeStream(5000, 300, 42);
  NearDuplicateIndex index;
  for (const auto& d : s.docs) index.Add(d);
  for (uint32_t i = 0; i < s.docs.size(); ++i) {
    const uint32_t expected = s.origin[i] < 0 ? i : s.origin[i];
    ASSERT_EQ(index.Representative(i), expected) << "doc " << i;
  }
}

TEST(NearDuplicateIndexTest, TwoIndexesAgree) {
  const Synthetic s = MakeStream(3000, 120, 7);
  NearDuplicateIndex a, b;
  std::vector<NearDuplicateIndex::Signature> sigs;
  for (const auto& d : s.docs) {
    sigs.push_back(NearDuplicateIndex::ComputeSignature(d, b.options()));
  }
  for (size_t i = 0; i < s.docs.size(); ++i) {
    EXPECT_EQ(a.Add(s.docs[i]), b.Add(sigs[i]));
  }
  EXPECT_EQ(a.Groups(), b.Groups());
  EXPECT_FALSE(a.Groups().empty());
}

TEST(NearDuplicateIndexTest, AnalyzedDocumentsUseStems) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  Pipeline::Scratch scratch = pipeline->NewScratch();
  NearDuplicateIndex index;
  std::vector<std::optional<uint32_t>> reps;
  for (std::string_view text : {kWire, kOtherArticle, kRetitled}) {
    Document doc;
    doc.raw = doc.text = std::string(text);
    doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
    pipeline->Analyze(&doc, &scratch);
    reps.push_back(index.Add(doc));
  }
  EXPECT_EQ(reps, (std::vector<std::optional<uint32_t>>{std::nullopt, std::nullopt, 0u}));
}

}  // namespace
}  // namespace dossier
