// The digest's library calls (dossier/digest.h): ranking, briefing one
// story, and the three files.
#include "dossier/digest.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/corpus_run.h"
#include "dossier/briefing.h"
#include "dossier/files.h"
#include "report/wording.h"
#include "util/strings.h"

namespace dossier {
namespace {

// The briefing's Markdown inside the digest: its title line dropped, its
// headings moved two levels down.
std::string NestMarkdown(const std::string& md) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < md.size()) {
    size_t nl = md.find('\n', pos);
    if (nl == std::string::npos) nl = md.size();
    std::string_view line(md.data() + pos, nl - pos);
    pos = nl + 1;
    if (first && StartsWith(line, "# ")) {
      first = false;
      continue;
    }
    first = false;
    if (StartsWith(line, "#")) out += "##";
    out.append(line);
    out += '\n';
  }
  return out;
}

std::string Lead(const Briefing& b) {
  std::string lead;
  for (const SummarySentence& s : b.summary.sentences) {
    if (!lead.empty()) lead += ' ';
    lead += s.text;
    if (lead.size() > 240) break;
  }
  return TruncateUtf8(lead, 400);
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += sep;
    out += parts[k];
  }
  return out;
}

// The Markdown section of one story in the digest.
std::string StorySection(const DigestEntry& e, const std::string& nested_markdown) {
  std::string md = "## " + std::to_string(e.rank) + ". " + e.title + "\n\n_" + e.id + " · " +
                   CountOf(e.articles, "article", "articles") + " · " +
                   CountOf(e.outlets, "outlet", "outlets");
  if (!e.sources.empty()) md += " (" + Join(e.sources, ", ") + ")";
  if (!e.first_date.empty()) {
    md += " · " + e.first_date + (e.last_date != e.first_date ? " to " + e.last_date : "");
  }
  if (!e.keywords.empty()) md += " · " + Join(e.keywords, ", ");
  md += "_\n\n";
  md += nested_markdown;
  return md;
}

}  // namespace

std::vector<DigestStory> RankStories(std::vector<Story> stories, const DigestOptions& options,
                                     size_t* furniture) {
  std::vector<DigestStory> ranked;
  *furniture = 0;
  for (Story& s : stories) {
    if (s.furniture) {
      ++*furniture;
      continue;
    }
    if (s.articles.size() < options.min_articles) continue;
    ranked.emplace_back().story = std::move(s);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const DigestStory& a, const DigestStory& b) {
    if (a.story.outlets != b.story.outlets) return a.story.outlets > b.story.outlets;
    return a.story.articles.size() > b.story.articles.size();
  });
  for (size_t i = 0; i < ranked.size(); ++i) {
    const Story& s = ranked[i].story;
    DigestEntry& e = ranked[i].entry;
    e.id = s.id;
    e.rank = i + 1;
    e.articles = s.articles.size();
    e.outlets = s.outlets;
    for (const auto& g : s.duplicates) e.duplicates += g.size() - 1;
    e.sources = s.sources;
    e.keywords = s.keywords;
    e.first_date = s.first_date;
    e.last_date = s.last_date;
    if (options.pages) e.page = "stories/" + e.id + ".html";
  }
  return ranked;
}

std::vector<Document> StoryDocuments(const DigestStory& story, std::vector<Document>* documents,
                                     const DigestOptions& options) {
  std::vector<Document> out;
  const std::vector<uint32_t>& articles = story.story.articles;
  for (size_t k = 0; k < articles.size() && k < options.max_story_docs; ++k) {
    if (articles[k] < documents->size()) out.push_back(std::move((*documents)[articles[k]]));
  }
  return out;
}

struct StoryBriefer::Impl {
  Impl(Pipeline p, Briefer b, DigestOptions o)
      : pipeline(std::move(p)), briefer(std::move(b)), options(std::move(o)) {}
  Pipeline pipeline;
  Briefer briefer;
  DigestOptions options;
};

StoryBriefer::StoryBriefer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryBriefer::StoryBriefer(StoryBriefer&&) noexcept = default;
StoryBriefer& StoryBriefer::operator=(StoryBriefer&&) noexcept = default;
StoryBriefer::~StoryBriefer() = default;

Result<StoryBriefer> StoryBriefer::Create(const DigestOptions& options) {
  if (options.words < 1) return Status(StatusCode::kInvalidArgument, "words must be at least 1");
  Result<Pipeline> pipeline = Pipeline::Create({options.data_dir, options.language});
  if (!pipeline.ok()) return pipeline.status();
  BriefOptions brief;
  brief.summary.max_words = options.words;
  brief.data_dir = options.data_dir;
  brief.language = options.language;
  Result<Briefer> briefer = Briefer::Create(brief);
  if (!briefer.ok()) return briefer.status();
  return StoryBriefer(std::make_unique<Impl>(std::move(*pipeline), std::move(*briefer), options));
}

Pipeline::Scratch StoryBriefer::NewScratch() const { return impl_->pipeline.NewScratch(); }

void StoryBriefer::Brief(DigestStory* story, std::vector<Document> documents,
                         Pipeline::Scratch* scratch) const {
  DigestEntry& e = story->entry;
  Cluster cluster;
  cluster.id = e.id;
  cluster.origin = cluster.id;
  cluster.documents = std::move(documents);
  impl_->pipeline.Analyze(&cluster, scratch);
  const Briefing briefing = impl_->briefer.Brief(cluster);
  e.title = briefing.title;  // the most representative headline, never an id
  e.lead = Lead(briefing);
  RenderOptions render;
  render.documents = false;
  render.clutter = false;
  story->markdown = NestMarkdown(RenderMarkdown(cluster, &briefing, render));
  story->brief_json = RenderJson(cluster, &briefing, render);
  if (impl_->options.pages) story->page = RenderHtml(cluster, briefing);
}

DigestFiles RenderDigest(const std::vector<DigestStory>& ranked, size_t articles,
                         size_t furniture) {
  const std::string heading =
      CountOf(articles, "article", "articles") + ", " + CountOf(ranked.size(), "story", "stories") +
      (furniture > 0
           ? ", " + CountOf(furniture, "page-furniture text", "page-furniture texts") + " set aside"
           : std::string());
  DigestFiles files;
  files.markdown = "# Digest: " + heading + "\n\n";
  for (const DigestStory& r : ranked) {
    files.markdown += std::to_string(r.entry.rank) + ". [" + r.entry.title + "](#" + r.entry.id +
                      ") — " + CountOf(r.entry.articles, "article", "articles") + "\n";
  }
  files.markdown += "\n";
  std::vector<DigestEntry> entries;
  for (const DigestStory& r : ranked) {
    files.markdown +=
        "<a id=\"" + r.entry.id + "\"></a>\n" + StorySection(r.entry, r.markdown) + "\n";
    files.jsonl +=
        "{\"rank\":" + std::to_string(r.entry.rank) + ",\"story\":" +
        StoryJson(r.story).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
        ",\"brief\":" + r.brief_json + "}\n";
    entries.push_back(r.entry);
  }
  files.index_html = RenderDigestIndex(entries, heading);
  return files;
}

Status WriteDigestFiles(const std::string& dir, const DigestFiles& files) {
  for (const auto& [name, content] :
       {std::pair<const char*, const std::string*>{"index.html", &files.index_html},
        {"digest.md", &files.markdown},
        {"stories.jsonl", &files.jsonl}}) {
    Status w = WriteFileAtomic(dir + "/" + name, *content, /*sync=*/false);
    if (!w.ok()) return w;
  }
  return Status::Ok();
}

DigestOutput DigestOutputKind(std::string* output) {
  while (output->size() > 1 && output->back() == '/') output->pop_back();
  if (output->empty()) return DigestOutput::kNone;
  const std::string lower = AsciiLower(*output);
  if (EndsWith(lower, ".md") || EndsWith(lower, ".markdown")) return DigestOutput::kMarkdown;
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) return DigestOutput::kJsonl;
  return DigestOutput::kFolder;
}

Status CheckDigestOutput(const std::string& output) {
  std::string target = output;
  if (DigestOutputKind(&target) != DigestOutput::kFolder) return Status::Ok();
  const std::string lower = AsciiLower(target);
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm")) {
    std::string folder = target.substr(0, target.rfind('.'));
    return Status(StatusCode::kInvalidArgument,
                  "a digest is a folder of pages (index.html, a page per story, digest.md, "
                  "stories.jsonl), not one page: give a folder (-o " +
                      folder + "/), or a .md or .jsonl file",
                  output);
  }
  std::error_code ec;
  if (std::filesystem::exists(target, ec) && !std::filesystem::is_directory(target, ec)) {
    return Status(StatusCode::kInvalidArgument,
                  "exists and is not a folder; a digest written to a folder would replace it "
                  "(give a folder, or a .md or .jsonl file)",
                  output);
  }
  return Status::Ok();
}

Status WriteDigest(const std::string& output, const std::vector<DigestStory>& ranked,
                   const DigestFiles& files) {
  if (Status s = CheckDigestOutput(output); !s.ok()) return s;
  std::string target = output;
  switch (DigestOutputKind(&target)) {
    case DigestOutput::kNone:
      return Status(StatusCode::kInvalidArgument, "no output to write the digest to");
    case DigestOutput::kMarkdown:
      return WriteFileAtomic(target, files.markdown);
    case DigestOutput::kJsonl:
      return WriteFileAtomic(target, files.jsonl);
    case DigestOutput::kFolder:
      break;
  }
  namespace fs = std::filesystem;
  const fs::path staging = target + ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(staging, ec);
  if (!fs::create_directories(staging / "stories", ec)) {
    return Status(StatusCode::kIoError, "cannot create folder: " + ec.message(), staging.string());
  }
  Status s = Status::Ok();
  for (const DigestStory& r : ranked) {
    if (!s.ok()) break;
    const std::string page =
        r.entry.page.empty() ? "stories/" + r.entry.id + ".html" : r.entry.page;
    s = WriteFileAtomic((staging / page).string(), r.page, /*sync=*/false);
  }
  if (s.ok()) s = WriteDigestFiles(staging.string(), files);
  if (s.ok()) s = PublishDirectory(staging.string(), target);
  if (!s.ok()) fs::remove_all(staging, ec);
  return s;
}

}  // namespace dossier
