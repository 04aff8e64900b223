// The public story API (dossier/stories.h) and in-memory inputs (Input::Memory).
#include "dossier/stories.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/ingest.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

const std::string kFeed = std::string(DOSSIER_SOURCE_DIR) + "/examples/newsdesk/feed.jsonl";

std::vector<Document> ReadFeed() {
  std::vector<Document> docs;
  std::vector<Diagnostic> diagnostics;
  Status s = ReadDocuments(
      std::vector<std::string>{kFeed}, {}, [&](Document&& d) { docs.push_back(std::move(d)); },
      &diagnostics);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return docs;
}

std::string Lines(const std::vector<Story>& stories) {
  std::string out;
  for (const Story& s : stories) out += StoryJsonLine(s);
  return out;
}

TEST(StoriesTest, FeedGroupsItsStories) {
  std::vector<Document> docs = ReadFeed();
  ASSERT_EQ(docs.size(), 18u);
  Result<std::vector<Story>> stories = ClusterDocuments(docs, {});
  ASSERT_TRUE(stories.ok()) << stories.status().ToString();
  ASSERT_GE(stories->size(), 3u);
  size_t articles = 0;
  for (const Story& s : *stories) {
    articles += s.articles.size();
    EXPECT_EQ(s.articles.size(), s.article_ids.size());
    for (size_t k = 0; k < s.articles.size(); ++k) {
      EXPECT_EQ(s.article_ids[k], docs[s.articles[k]].id);
    }
  }
  EXPECT_EQ(articles, docs.size());  // every article in exactly one story
  // The dock strike: the first story holds the first article and its follow-ups.
  EXPECT_EQ((*stories)[0].id, "s1");
  EXPECT_EQ((*stories)[0].article_ids[0], docs[0].id);
  EXPECT_GE((*stories)[0].articles.size(), 3u);
}

TEST(StoriesTest, AddOneByOneEqualsPushedBatches) {
  std::vector<Document> docs = ReadFeed();
  Result<std::vector<Story>> batch = ClusterDocuments(docs, {});
  ASSERT_TRUE(batch.ok());
  StoryOptions options;
  options.batch = 4;  // several batches
  Result<StoryStream> pushed = StoryStream::Create(options);
  Result<StoryStream> added = StoryStream::Create(options);
  ASSERT_TRUE(pushed.ok() && added.ok());
  std::vector<uint32_t> numbers;
  for (const Document& d : docs) {
    pushed->Push(Document(d));
    numbers.push_back(added->Add(Document(d)));
  }
  pushed->Finish();
  added->Finish();
  EXPECT_EQ(Lines(pushed->Stories()), Lines(*batch));
  EXPECT_EQ(Lines(added->Stories()), Lines(*batch));
  // Add's numbers group the articles as the stories do.
  for (const Story& s : *batch) {
    if (s.furniture) continue;
    for (uint32_t a : s.articles) EXPECT_EQ(numbers[a], numbers[s.articles[0]]) << s.id;
  }
  // AddAll, in parallel batches after two added alone: the same numbers
  // and stories as Add one by one.
  Result<StoryStream> all = StoryStream::Create(options);
  ASSERT_TRUE(all.ok());
  std::vector<uint32_t> all_numbers;
  for (size_t k = 0; k < 2; ++k) all_numbers.push_back(all->Add(Document(docs[k])));
  std::vector<Document> rest(docs.begin() + 2, docs.end());
  for (uint32_t n : all->AddAll(std::move(rest))) all_numbers.push_back(n);
  EXPECT_EQ(all_numbers, numbers);
  EXPECT_EQ(all->article_count(), docs.size());
  EXPECT_EQ(Lines(all->Stories()), Lines(*batch));
}

TEST(StoriesTest, StreamedClosedPlusOpenEqualsWhole) {
  std::vector<Document> docs = ReadFeed();
  StoryOptions options;
  options.window_articles = 3;  // stories close along the way
  Result<std::vector<Story>> whole = ClusterDocuments(docs, options);
  ASSERT_TRUE(whole.ok());
  Result<StoryStream> stream = StoryStream::Create(options);
  ASSERT_TRUE(stream.ok());
  std::vector<Story> got;
  stream->SetOnClosed([&](const Story& s) { got.push_back(s); });
  for (Document& d : docs) stream->Push(std::move(d));
  stream->Finish();
  const size_t closed = got.size();
  EXPECT_GT(closed, 0u);
  EXPECT_EQ(stream->stories_emitted(), closed);
  for (Story& s : stream->Stories()) got.push_back(std::move(s));
  // The same stories, listed in closing order: compare as sets of lines.
  auto sorted_members = [](const std::vector<Story>& v) {
    std::vector<std::vector<std::string>> m;
    for (const Story& s : v) m.push_back(s.article_ids);
    std::sort(m.begin(), m.end());
    return m;
  };
  EXPECT_EQ(sorted_members(got), sorted_members(*whole));
  for (size_t k = 0; k < got.size(); ++k) EXPECT_EQ(got[k].id, "s" + std::to_string(k + 1));
}

TEST(StoriesTest, StateResumesAsOneRun) {
  std::vector<Document> docs = ReadFeed();
  Result<std::vector<Story>> whole = ClusterDocuments(docs, {});
  ASSERT_TRUE(whole.ok());
  const fs::path state =
      fs::temp_directory_path() / ("stories_test_state_" + std::to_string(::getpid()));
  {
    Result<StoryStream> first = StoryStream::Create({});
    ASSERT_TRUE(first.ok());
    for (size_t k = 0; k < 9; ++k) first->Push(Document(docs[k]));
    first->Finish();
    ASSERT_TRUE(first->SaveState(state.string()).ok());
  }
  Result<StoryStream> second = StoryStream::Create({});
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(second->LoadState(state.string()).ok());
  for (size_t k = 9; k < docs.size(); ++k) second->Push(Document(docs[k]));
  second->Finish();
  EXPECT_EQ(second->article_count(), docs.size());
  EXPECT_EQ(Lines(second->Stories()), Lines(*whole));
  fs::remove(state);
}

TEST(StoriesTest, DamagedStateNamesTheFile) {
  const fs::path state =
      fs::temp_directory_path() / ("stories_test_bad_" + std::to_string(::getpid()));
  std::ofstream(state) << "not a state";
  Result<StoryStream> stream = StoryStream::Create({});
  ASSERT_TRUE(stream.ok());
  Status s = stream->LoadState(state.string());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find(state.string()), std::string::npos) << s.ToString();
  fs::remove(state);
}

TEST(StoriesTest, BadOptionsAreRefusedWithTheirName) {
  StoryOptions options;
  options.min_cosine = 2;
  Status s = CheckStoryOptions(options);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("min_cosine"), std::string::npos) << s.ToString();
  EXPECT_FALSE(StoryStream::Create(options).ok());

  StoryOptions weights;
  weights.weights = "bias 1\nno_such_feature 2\n";
  weights.weights_origin = "my.weights";
  s = CheckStoryOptions(weights);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("my.weights"), std::string::npos) << s.ToString();
}

TEST(StoriesTest, JsonLineHasEveryField) {
  Story s;
  s.id = "s7";
  s.articles = {0, 2};
  s.article_ids = {"a", "c"};
  s.duplicates = {{"a", "c"}};
  s.sources = {"Wire"};
  s.first_date = "2025-01-02";
  s.keywords = {"strike"};
  s.open = true;
  EXPECT_EQ(StoryJsonLine(s),
            "{\"id\":\"s7\",\"size\":2,\"articles\":[\"a\",\"c\"],\"duplicates\":[[\"a\",\"c\"]],"
            "\"sources\":[\"Wire\"],\"first_date\":\"2025-01-02\",\"last_date\":null,"
            "\"title\":null,\"keywords\":[\"strike\"],\"open\":true}\n");
}

TEST(StoriesTest, SignaturesAddedInOrderEqualPushedDocuments) {
  std::vector<Document> docs = ReadFeed();
  Result<std::vector<Story>> whole = ClusterDocuments(docs, {});
  ASSERT_TRUE(whole.ok());
  Result<StoryFeaturizer> featurizer = StoryFeaturizer::Create({});
  ASSERT_TRUE(featurizer.ok());
  // Signatures made in two halves (as two workers would), added in order.
  std::vector<Document> first(docs.begin(), docs.begin() + 7), second(docs.begin() + 7, docs.end());
  std::vector<std::string> signatures = featurizer->Signatures(&first);
  for (std::string& s : featurizer->Signatures(&second)) signatures.push_back(std::move(s));
  Result<StoryStream> stream = StoryStream::Create({});
  ASSERT_TRUE(stream.ok());
  for (const std::string& s : signatures) ASSERT_TRUE(stream->AddSignature(s, "test").ok());
  stream->Finish();
  EXPECT_EQ(Lines(stream->Stories()), Lines(*whole));
  // The same in batches of three (the last one short) as the Dask driver
  // adds them, one signature alone among them: the batches go on while the
  // next one is made, and Finish adds the last.
  Result<StoryStream> batched = StoryStream::Create({});
  ASSERT_TRUE(batched.ok());
  for (size_t k = 0; k < signatures.size(); k += 3) {
    if (k == 3) {
      ASSERT_TRUE(batched->AddSignature(signatures[k], "alone").ok());
      ++k;
    }
    std::vector<std::string_view> batch;
    for (size_t i = k; i < std::min(k + 3, signatures.size()); ++i) batch.push_back(signatures[i]);
    ASSERT_TRUE(batched->AddSignatures(batch, "batch").ok());
  }
  batched->Finish();
  EXPECT_EQ(batched->article_count(), signatures.size());
  EXPECT_EQ(Lines(batched->Stories()), Lines(*whole));
  // The documents are left as StoryStream keeps them for briefing.
  Result<StoryStream> keeping = StoryStream::Create({});
  ASSERT_TRUE(keeping.ok());
  keeping->SetKeepDocuments();
  for (const Document& d : docs) keeping->Push(Document(d));
  keeping->Finish();
  std::vector<Document> kept = keeping->TakeDocuments();
  ASSERT_EQ(kept.size(), docs.size());
  for (size_t k = 0; k < 7; ++k) {
    EXPECT_EQ(first[k].title, kept[k].title);
    EXPECT_EQ(first[k].text, kept[k].text);
    EXPECT_TRUE(first[k].sentences.empty());
  }
}

TEST(StoriesTest, DamagedSignatureIsAnErrorAndNothingFromItOnIsAdded) {
  std::vector<Document> docs = ReadFeed();
  Result<StoryFeaturizer> featurizer = StoryFeaturizer::Create({});
  ASSERT_TRUE(featurizer.ok());
  std::vector<std::string> signatures = featurizer->Signatures(&docs);
  Result<StoryStream> stream = StoryStream::Create({});
  ASSERT_TRUE(stream.ok());
  ASSERT_TRUE(stream->AddSignature(signatures[0], "sig0").ok());
  std::string cut = signatures[1].substr(0, signatures[1].size() / 2);
  Result<uint32_t> bad = stream->AddSignature(cut, "partition 3");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("partition 3"), std::string::npos);
  EXPECT_FALSE(stream->AddSignature("", "empty").ok());
  EXPECT_EQ(stream->article_count(), 1u);
  // In a batch: the error names the batch and the signature; the one
  // before it is added, none after it.
  Status batch = stream->AddSignatures({signatures[1], cut, signatures[2]}, "partition group 4");
  ASSERT_FALSE(batch.ok());
  EXPECT_NE(batch.ToString().find("partition group 4, signature 2"), std::string::npos)
      << batch.ToString();
  stream->Finish();
  EXPECT_EQ(stream->article_count(), 2u);
}

TEST(DocumentIoTest, SavedDocumentsComeBackWhole) {
  std::vector<Document> docs = ReadFeed();
  docs[0].byline = "Jane Roe";
  docs[0].title_span = {0, 5};
  Result<std::vector<Document>> back = LoadDocuments(SaveDocuments(docs), "blob");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->size(), docs.size());
  for (size_t k = 0; k < docs.size(); ++k) {
    const Document &a = docs[k], &b = (*back)[k];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.origin, b.origin);
    EXPECT_EQ(a.raw, b.raw);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.byline, b.byline);
    EXPECT_EQ(a.title_span, b.title_span);
    EXPECT_EQ(a.map.text_size(), b.map.text_size());
    for (uint32_t at = 0; at < a.text.size(); at += 7) {
      EXPECT_EQ(a.map.ToOriginalBegin(at), b.map.ToOriginalBegin(at));
    }
  }
  EXPECT_TRUE(LoadDocuments(SaveDocuments({}), "none").ok());
}

TEST(DocumentIoTest, DamagedBytesNameTheInputAndByte) {
  std::vector<Document> docs = ReadFeed();
  const std::string bytes = SaveDocuments(docs);
  for (size_t cut : {size_t{0}, size_t{5}, bytes.size() / 3, bytes.size() - 1}) {
    Result<std::vector<Document>> r = LoadDocuments(bytes.substr(0, cut), "blob");
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_NE(r.status().ToString().find("blob"), std::string::npos);
  }
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  flipped[flipped.size() / 2 + 1] ^= 0x7f;
  Result<std::vector<Document>> r = LoadDocuments(flipped, "blob");
  if (r.ok()) {
    EXPECT_EQ(r->size(), docs.size());  // text bytes may flip harmlessly
  }
  EXPECT_FALSE(LoadDocuments(bytes + "x", "blob").ok());
}

TEST(InputTest, ExpandInputsListsFilesInReadingOrder) {
  std::vector<Diagnostic> diagnostics;
  const std::string harbor = std::string(DOSSIER_SOURCE_DIR) + "/examples/harbor-bridge";
  std::vector<std::string> files = ExpandInputs({harbor, kFeed}, {}, &diagnostics);
  ASSERT_EQ(files.size(), 6u);
  EXPECT_TRUE(std::is_sorted(files.begin(), files.begin() + 5));
  EXPECT_EQ(files.back(), kFeed);
  EXPECT_TRUE(diagnostics.empty());
  // Reading them one by one gives what reading the folder gives.
  std::vector<std::string> ids_whole, ids_files;
  ReadDocuments(
      std::vector<std::string>{harbor, kFeed}, {}, [&](Document&& d) { ids_whole.push_back(d.id); },
      &diagnostics);
  for (const std::string& f : files) {
    ReadDocuments(
        std::vector<std::string>{f}, {}, [&](Document&& d) { ids_files.push_back(d.id); },
        &diagnostics);
  }
  EXPECT_EQ(ids_whole, ids_files);
}

TEST(InputTest, MemoryInputsReadAsFilesWould) {
  std::ifstream in(kFeed);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::vector<Document> from_file = ReadFeed();
  std::vector<Document> from_memory;
  std::vector<Diagnostic> diagnostics;
  Status s = ReadDocuments(
      std::vector<Input>{Input::Memory(kFeed, bytes.str())}, {},
      [&](Document&& d) { from_memory.push_back(std::move(d)); }, &diagnostics);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(from_memory.size(), from_file.size());
  for (size_t k = 0; k < from_file.size(); ++k) {
    EXPECT_EQ(from_memory[k].id, from_file[k].id);
    EXPECT_EQ(from_memory[k].text, from_file[k].text);
    EXPECT_EQ(from_memory[k].date, from_file[k].date);
  }
}

TEST(InputTest, MemoryAndFileInputsFormOneCluster) {
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diagnostics;
  const std::string harbor = std::string(DOSSIER_SOURCE_DIR) + "/examples/harbor-bridge";
  Status s = ReadInputs(
      std::vector<Input>{Input::File(harbor),
                         Input::Memory("note", "A short note about the bridge."),
                         Input::Memory("empty", "  \n")},
      {}, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diagnostics);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 6u);
  EXPECT_EQ(clusters[0].documents.back().id, "note");
  ASSERT_EQ(diagnostics.size(), 1u);  // the empty one, named
  EXPECT_NE(diagnostics[0].status.ToString().find("empty"), std::string::npos);
}

TEST(InputTest, MemoryInputOverTheLimitIsRefused) {
  ReadOptions options;
  options.max_input_bytes = 10;
  std::vector<Diagnostic> diagnostics;
  Status s = ReadInputs(
      std::vector<Input>{Input::Memory("big", std::string(100, 'x'))}, options, [](Cluster&&) {},
      &diagnostics);
  EXPECT_FALSE(s.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].status.ToString().find("big"), std::string::npos);
}

}  // namespace
}  // namespace dossier
