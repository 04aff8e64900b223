// dossier digest INPUTS...: cluster a stream of articles into stories, brief
// every story, and write the stories ranked: a Markdown digest, JSON Lines,
// and an HTML index linking one briefing page per story.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "corpus/corpus_run.h"
#include "digest_checkpoint.h"
#include "dossier/briefing.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "dossier/version.h"
#include "interrupt.h"
#include "progress.h"
#include "stream_flags.h"
#include "util/file_io.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;

struct DigestFlags {
  StreamFlags stream;
  std::string output;
  int words = 120;
  size_t min_articles = 1;
  size_t max_story_docs = 40;
  bool restart = false;
  uint64_t debug_interrupt_after = 0;  // tests: raise SIGINT after this many briefings
};

// One story on its way to the outputs.
struct Ranked {
  const StoryClusterer::Story* story = nullptr;
  size_t outlets = 0;
  DigestEntry entry;
  nlohmann::ordered_json story_json;
  std::string key;              // its briefing's key in the checkpoint
  std::string nested_markdown;  // the briefing's Markdown, headings moved down
  std::string brief_json;
  bool done = false;  // briefed, or taken from the checkpoint
  Status written;     // its page and journal line
};

// Outlets: distinct named sources; an article without one counts as its own.
size_t CountOutlets(const StoryClusterer::Story& story,
                    const std::vector<CorpusArticle>& articles) {
  size_t unnamed = 0;
  for (uint32_t a : story.articles) unnamed += articles[a].source.empty() ? 1 : 0;
  // Near-duplicate copies of one unnamed text are one outlet's text at most.
  size_t copies = 0;
  for (const auto& group : story.duplicates) {
    size_t group_unnamed = 0;
    for (uint32_t a : group) group_unnamed += articles[a].source.empty() ? 1 : 0;
    if (group_unnamed > 1) copies += group_unnamed - 1;
  }
  return StoryListing(story, articles).sources.size() + unnamed - copies;
}

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

bool EndsWithAny(const std::string& path, std::initializer_list<const char*> exts) {
  const std::string lower = AsciiLower(path);
  for (const char* e : exts) {
    if (EndsWith(lower, e)) return true;
  }
  return false;
}

// The key a story's briefing is saved under: everything the briefing depends
// on (settings, the story's id, its articles and their texts).
std::string BriefingKey(const std::string& settings, const StoryClusterer::Story& story,
                        const std::vector<CorpusArticle>& articles,
                        const std::vector<Document>& documents, size_t max_docs) {
  std::string bytes = settings;
  bytes += '\0';
  bytes += StoryId(story.id);
  for (size_t k = 0; k < story.articles.size(); ++k) {
    const uint32_t a = story.articles[k];
    bytes += '\0';
    bytes += articles[a].id;
    if (k >= max_docs) continue;
    const Document& d = documents[a];
    for (const std::string* field : {&d.origin, &d.source, &d.title, &d.date, &d.url, &d.raw}) {
      bytes += '\x1F';
      bytes += *field;
    }
  }
  return StoryKey(bytes);
}

// The Markdown section of one story in the digest.
std::string StorySection(const DigestEntry& e, const std::string& nested_markdown) {
  std::string md = "## " + std::to_string(e.rank) + ". " + e.title + "\n\n_" + e.id + " · " +
                   std::to_string(e.articles) + (e.articles == 1 ? " article" : " articles") +
                   " · " + std::to_string(e.outlets) + (e.outlets == 1 ? " outlet" : " outlets");
  if (!e.sources.empty()) md += " (" + Join(e.sources, ", ") + ")";
  if (!e.first_date.empty()) {
    md += " · " + e.first_date + (e.last_date != e.first_date ? " to " + e.last_date : "");
  }
  if (!e.keywords.empty()) md += " · " + Join(e.keywords, ", ");
  md += "_\n\n";
  md += nested_markdown;
  return md;
}

int RunDigest(DigestFlags flags) {
  const char* kName = "dossier digest: ";
  // "out/" names the folder "out": the checkpoint goes beside it.
  while (flags.output.size() > 1 && flags.output.back() == '/') flags.output.pop_back();
  const StreamFlags& stream = flags.stream;
  Result<InputFormat> input_format = ParseInputFormat(stream.input_format);
  Result<Pipeline> pipeline = input_format.ok() ? Pipeline::Create({stream.clustering.data_dir})
                                                : Result<Pipeline>(input_format.status());
  if (!pipeline.ok()) {
    std::cerr << kName << pipeline.status().ToString() << "\n";
    return kExitUsage;
  }
  BriefOptions brief_options;
  brief_options.summary.max_words = flags.words;
  brief_options.data_dir = stream.clustering.data_dir;
  Result<Briefer> briefer = Briefer::Create(brief_options);
  if (!briefer.ok()) {
    std::cerr << kName << briefer.status().ToString() << "\n";
    return kExitUsage;
  }
  InstallInterruptHandlers();
  // Where the outputs go: a Markdown or JSON Lines file, stdout, or a folder.
  // Files and folders are built in a checkpoint beside them, so an interrupted
  // run leaves the old output untouched and the next run resumes.
  const bool to_markdown_file = EndsWithAny(flags.output, {".md", ".markdown"});
  const bool to_jsonl_file = EndsWithAny(flags.output, {".jsonl", ".ndjson"});
  const bool to_folder = !flags.output.empty() && !to_markdown_file && !to_jsonl_file;
  std::unique_ptr<DigestCheckpoint> checkpoint;
  if (!flags.output.empty()) {
    Result<std::unique_ptr<DigestCheckpoint>> cp =
        DigestCheckpoint::Open(flags.output, to_folder, flags.restart);
    if (!cp.ok()) {
      std::cerr << kName << cp.status().ToString() << "\n";
      return kExitOutputError;
    }
    checkpoint = std::move(*cp);
  }
  auto fail_output = [&](const std::string& message) {
    std::cerr << kName << message << "\n";
    return kExitOutputError;
  };

  // 1. Cluster.
  Progress progress("digest", !stream.quiet);
  Result<StoryClustererOptions> clustering = ClustererOptions(stream.clustering);
  if (!clustering.ok()) {
    std::cerr << kName << clustering.status().ToString() << "\n";
    return kExitUsage;
  }
  CorpusOptions options;
  options.threads = stream.clustering.threads;
  options.clustering = *clustering;
  options.progress = [&progress](uint64_t n, uint64_t stories) { progress.Update(n, 0, stories); };
  options.keep_documents = true;
  CorpusRun run(*pipeline, options);
  bool had_error = false;
  if (int rc = ReadStream(
          stream, *input_format, "digest", [&run](Document&& doc) { run.Push(std::move(doc)); },
          [&]() -> uint64_t {
            run.Finish();
            progress.Done();
            return run.article_count();
          },
          &had_error);
      rc != kExitOk) {
    return rc;
  }

  // 2. Rank: outlets, then articles, then the earlier story.
  const std::vector<StoryClusterer::Story> stories = run.Stories();
  const std::vector<CorpusArticle>& articles = run.articles();
  std::vector<Ranked> ranked;
  size_t furniture = 0;
  for (const StoryClusterer::Story& s : stories) {
    if (s.furniture) {
      ++furniture;
      continue;
    }
    if (s.articles.size() < flags.min_articles) continue;
    Ranked r;
    r.story = &s;
    r.outlets = CountOutlets(s, articles);
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.outlets != b.outlets) return a.outlets > b.outlets;
    return a.story->articles.size() > b.story->articles.size();
  });

  // 3. Each story's entry; its briefing taken from the checkpoint when an
  // earlier run saved it, else made below.
  std::vector<Document>& documents = run.documents();
  const std::string settings = std::string(Version()) + " words=" + std::to_string(flags.words) +
                               " docs=" + std::to_string(flags.max_story_docs) +
                               " data=" + stream.clustering.data_dir + (to_folder ? " pages" : "");
  std::vector<size_t> todo;
  for (size_t i = 0; i < ranked.size(); ++i) {
    Ranked& r = ranked[i];
    const StoryClusterer::Story& s = *r.story;
    DigestEntry& e = r.entry;
    e.id = StoryId(s.id);
    e.rank = i + 1;
    e.articles = s.articles.size();
    e.outlets = r.outlets;
    for (const auto& g : s.duplicates) e.duplicates += g.size() - 1;
    const Story listing = StoryListing(s, articles);
    e.sources = listing.sources;
    e.keywords = s.keywords;
    r.story_json = StoryJson(listing);
    auto date = [&](const char* field) {
      return r.story_json[field].is_string() ? r.story_json[field].get<std::string>()
                                             : std::string();
    };
    e.first_date = date("first_date");
    e.last_date = date("last_date");
    if (to_folder) e.page = "stories/" + e.id + ".html";
    r.key = BriefingKey(settings, s, articles, documents, flags.max_story_docs);
    const SavedStory* saved = checkpoint ? checkpoint->Find(r.key) : nullptr;
    std::error_code ec;
    if (saved != nullptr &&
        (!to_folder || fs::exists(fs::path(checkpoint->out_dir()) / e.page, ec))) {
      e.title = saved->title;
      e.lead = saved->lead;
      r.nested_markdown = saved->md;
      r.brief_json = saved->brief;
      r.done = true;
    } else {
      todo.push_back(i);
    }
  }
  if (checkpoint && todo.size() < ranked.size() && !stream.quiet) {
    std::cerr << kName << "resuming: " << ranked.size() - todo.size() << " of " << ranked.size()
              << " stories taken from " << checkpoint->dir() << "\n";
  }

  // 4. Brief the others, in parallel; each writes its own slot.
  const int threads = ThreadCount(stream.clustering.threads);
  std::vector<Pipeline::Scratch> scratch;
  for (int t = 0; t < threads; ++t) scratch.push_back(pipeline->NewScratch());
  RenderOptions render;
  render.documents = false;
  render.clutter = false;
  std::atomic<uint64_t> briefed{0};
  ParallelFor(todo.size(), threads, [&](size_t t, int worker) {
    if (Interrupted()) return;
    Ranked& r = ranked[todo[t]];
    const StoryClusterer::Story& s = *r.story;
    DigestEntry& e = r.entry;
    Cluster cluster;
    cluster.id = e.id;
    cluster.origin = cluster.id;
    for (size_t k = 0; k < s.articles.size() && k < flags.max_story_docs; ++k) {
      cluster.documents.push_back(std::move(documents[s.articles[k]]));
    }
    pipeline->Analyze(&cluster, &scratch[static_cast<size_t>(worker)]);
    const Briefing briefing = briefer->Brief(cluster);
    e.title = briefing.title;  // the most representative headline, never an id
    e.lead = Lead(briefing);
    r.nested_markdown = NestMarkdown(RenderMarkdown(cluster, &briefing, render));
    r.brief_json = RenderJson(cluster, &briefing, render);
    if (to_folder) {
      r.written = WriteFileAtomic((fs::path(checkpoint->out_dir()) / e.page).string(),
                                  RenderHtml(cluster, briefing), /*sync=*/false);
    }
    // The page is in place before the journal names the story.
    if (checkpoint && r.written.ok()) {
      r.written = checkpoint->Append({r.key, e.title, e.lead, r.nested_markdown, r.brief_json});
    }
    r.done = r.written.ok();
    // The documents are not needed any more.
    std::vector<Document>().swap(cluster.documents);
    const uint64_t done = ++briefed;
    if (worker == 0) progress.Update(done, todo.size(), todo.size(), "stories");
    if (flags.debug_interrupt_after > 0 && done == flags.debug_interrupt_after) ::raise(SIGINT);
  });
  progress.Done();
  for (const Ranked& r : ranked) {
    if (!r.written.ok()) return fail_output(r.written.ToString());
  }
  if (Interrupted()) {
    size_t done = 0;
    for (const Ranked& r : ranked) done += r.done ? 1 : 0;
    const std::string what =
        checkpoint ? std::to_string(done) + " of " + std::to_string(ranked.size()) +
                         " stories briefed and kept in " + checkpoint->dir() + "; " + flags.output +
                         " is as it was. Run the same command to resume."
                   : std::string("output incomplete");
    return ReportInterrupted("dossier digest", what.c_str());
  }

  // 5. Write.
  const std::string heading =
      std::to_string(articles.size()) + " articles, " + std::to_string(ranked.size()) + " stories" +
      (furniture > 0 ? ", " + std::to_string(furniture) + " page-furniture texts set aside"
                     : std::string());
  std::string markdown = "# Digest: " + heading + "\n\n";
  for (const Ranked& r : ranked) {
    markdown += std::to_string(r.entry.rank) + ". [" + r.entry.title + "](#" + r.entry.id + ") — " +
                std::to_string(r.entry.articles) +
                (r.entry.articles == 1 ? " article" : " articles") + "\n";
  }
  markdown += "\n";
  for (const Ranked& r : ranked) {
    markdown +=
        "<a id=\"" + r.entry.id + "\"></a>\n" + StorySection(r.entry, r.nested_markdown) + "\n";
  }
  std::string jsonl;
  for (const Ranked& r : ranked) {
    jsonl += "{\"rank\":" + std::to_string(r.entry.rank) + ",\"story\":" +
             r.story_json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
             ",\"brief\":" + r.brief_json + "}\n";
  }

  if (to_folder) {
    const fs::path out = checkpoint->out_dir();
    // Pages of stories an earlier run saw that this one does not have.
    std::set<std::string> pages;
    for (const Ranked& r : ranked) pages.insert(fs::path(r.entry.page).filename().string());
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(out / "stories", ec)) {
      if (pages.count(f.path().filename().string()) == 0) fs::remove(f.path(), ec);
    }
    std::vector<DigestEntry> entries;
    for (const Ranked& r : ranked) entries.push_back(r.entry);
    for (const auto& [name, content] :
         {std::pair<std::string, std::string>{"index.html", RenderDigestIndex(entries, heading)},
          {"digest.md", markdown},
          {"stories.jsonl", jsonl}}) {
      Status w = WriteFileAtomic((out / name).string(), content, /*sync=*/false);
      if (!w.ok()) return fail_output(w.ToString());
    }
    Status p = PublishDirectory(out.string(), flags.output);
    if (!p.ok()) return fail_output(p.ToString());
  } else if (!WriteOutput(flags.output, to_jsonl_file ? jsonl : markdown, "dossier digest")) {
    return kExitOutputError;
  }
  if (checkpoint) {
    // The output is in place; what is left of the checkpoint goes.
    if (Status rm = checkpoint->Remove(); !rm.ok() && !stream.quiet) {
      std::cerr << kName << "warning: " << rm.ToString() << "\n";
    }
  }
  if (!stream.quiet) {
    std::cerr << kName << articles.size() << " articles, " << ranked.size() << " stories briefed";
    if (to_folder) std::cerr << "; open " << (fs::path(flags.output) / "index.html").string();
    std::cerr << "\n";
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupDigest(CLI::App& app) {
  auto flags = std::make_shared<DigestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "Cluster a stream of articles into stories (as `dossier cluster`), brief every story, "
      "and write them ranked by outlets and size.");
  cmd->footer(
      "Examples:\n  dossier digest feed.jsonl -o digest/     (index.html, digest.md, "
      "stories.jsonl, stories/<id>.html)\n"
      "  dossier digest pages/ -o today.md\n  dossier digest feed.jsonl.gz -o stories.jsonl\n\n"
      "Interrupted (Ctrl-C, kill), a digest keeps the stories it briefed in OUTPUT.partial/ and "
      "leaves OUTPUT as it was; the same command resumes.\n\n" +
      std::string(kExitCodeHelp));
  AddStreamOptions(cmd, &flags->stream);
  cmd->add_option("--output,-o", flags->output,
                  "A folder (replaced as a whole, atomically), or a .md or .jsonl file; without "
                  "it the Markdown digest goes to stdout. An interrupted run keeps its work in "
                  "OUTPUT.partial/ and the same command resumes it");
  cmd->add_flag("--restart", flags->restart,
                "Discard what an interrupted run left in OUTPUT.partial/ and start afresh");
  cmd->add_option("--debug-interrupt-after", flags->debug_interrupt_after,
                  "Testing: interrupt (SIGINT) the run after this many briefings")
      ->group("");
  cmd->add_option("--words,-w", flags->words, "Word budget of each story's summary")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--min-articles", flags->min_articles, "Leave out stories with fewer articles")
      ->capture_default_str();
  cmd->add_option("--max-story-docs", flags->max_story_docs,
                  "Articles of a story briefed at most (the first in the stream)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return [flags] { return RunDigest(*flags); };
}

}  // namespace dossier::cli
