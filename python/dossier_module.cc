// dossier._dossier: the C++ library as a Python extension (pybind11). The
// Python package (python/dossier/__init__.py) turns the caller's inputs into
// (kind, name, bytes) triples and the JSON strings returned here into dicts;
// everything else happens here, with the GIL released around the work, so
// several Python threads brief, cluster and score at once.
//
// Errors: a failed call raises the dossier.errors class for its StatusCode
// with the message the CLI prints; per-input problems when the rest of the
// inputs could be used come back as (severity, message) pairs, which the
// Python side turns into warnings.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "dossier/brief_run.h"
#include "dossier/briefing.h"
#include "dossier/digest.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "dossier/rouge.h"
#include "dossier/stories.h"
#include "dossier/summary.h"
#include "dossier/version.h"

namespace py = pybind11;

namespace dossier::python {
namespace {

// A failed call: raised in Python as the dossier.errors class of its code.
struct Failure {
  Status status;
};

const char* ErrorClass(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "OptionError";
    case StatusCode::kNotFound:
      return "NotFoundError";
    case StatusCode::kResourceExhausted:
      return "LimitError";
    case StatusCode::kInternal:
      return "InternalError";
    case StatusCode::kOk:
    case StatusCode::kIoError:
    case StatusCode::kInvalidInput:
    case StatusCode::kEmptyInput:
      break;
  }
  return "InputError";
}

template <typename T>
T Take(Result<T> r) {
  if (!r.ok()) throw Failure{r.status()};
  return std::move(*r);
}

void Check(const Status& s) {
  if (!s.ok()) throw Failure{s};
}

// (kind, name, bytes): kind "path" (name is the path) or "memory".
using InputTuple = std::tuple<std::string, std::string, std::string>;
using Diagnostics = std::vector<std::pair<std::string, std::string>>;  // (severity, message)

std::vector<Input> ToInputs(const std::vector<InputTuple>& tuples) {
  std::vector<Input> inputs;
  for (const auto& [kind, name, bytes] : tuples) {
    if (kind == "path") {
      inputs.push_back(Input::File(name));
    } else if (kind == "memory") {
      inputs.push_back(Input::Memory(name, bytes));
    } else {
      throw Failure{Status(StatusCode::kInvalidArgument, "unknown input kind " + kind)};
    }
  }
  return inputs;
}

void AddDiagnostics(const std::vector<Diagnostic>& from, Diagnostics* to) {
  for (const Diagnostic& d : from) {
    to->emplace_back(d.severity == Diagnostic::Severity::kError ? "error" : "warning",
                     FormatDiagnostic(d));
  }
}

// The failure of a call that could use no input: the first input error's
// code (a limit, a missing file...) when there is one, every problem listed.
Failure NoInput(const Status& status, const std::vector<Diagnostic>& diagnostics) {
  StatusCode code = status.code();
  std::string message = status.message();
  bool first = true;
  for (const Diagnostic& d : diagnostics) {
    if (first && d.severity == Diagnostic::Severity::kError) {
      code = d.status.code();
      first = false;
    }
    message += "\n  " + FormatDiagnostic(d);
  }
  return Failure{Status(code, message)};
}

struct ReadLimits {
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  size_t max_docs = 10000;
};

ReadOptions ToReadOptions(const ReadLimits& limits) {
  ReadOptions read;
  read.max_input_bytes = limits.max_input_bytes;
  read.max_document_bytes = limits.max_document_bytes;
  read.max_documents_per_cluster = limits.max_docs;
  return read;
}

// Briefers are built once per setting and shared: they are const after
// Create and serve any number of threads.
class Cache {
 public:
  std::shared_ptr<const InputBriefer> GetBriefer(const std::string& key,
                                                 const BriefOptions& options) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = briefers_.find(key);
    if (it != briefers_.end()) return it->second;
    auto b = std::make_shared<const InputBriefer>(Take(InputBriefer::Create(options)));
    if (briefers_.size() > 64) briefers_.clear();  // many research settings: start over
    briefers_.emplace(key, b);
    return b;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const InputBriefer>> briefers_;
};

Cache& TheCache() {
  static Cache* cache = new Cache();  // never destroyed: threads may outlive exit handlers
  return *cache;
}

struct BriefArgs {
  int words = 250;
  std::string method = "dossier";
  std::string format = "json";  // json, markdown, html
  std::map<std::string, double> settings;
  std::string data_dir;
  std::string language;  // every document in this language; empty: detect each one's
  bool analysis = false;
  ReadLimits limits;
};

// Briefs every cluster the inputs form: (rendered, diagnostics of the call).
std::pair<std::vector<std::string>, Diagnostics> Brief(const std::vector<InputTuple>& tuples,
                                                       const BriefArgs& args) {
  std::vector<Input> inputs = ToInputs(tuples);
  py::gil_scoped_release release;
  BriefOptions options;
  options.summary.method = Take(ParseSummaryMethod(args.method));
  options.summary.max_words = args.words;
  options.data_dir = args.data_dir;
  options.language = args.language;
  std::string key =
      args.data_dir + '\0' + args.language + '\0' + args.method + '\0' + std::to_string(args.words);
  for (const auto& [name, value] : args.settings) {
    Check(SetBriefSetting(&options, name, value));
    key += '\0' + name + '=' + std::to_string(value);
  }
  if (args.words < 1) {
    throw Failure{Status(StatusCode::kInvalidArgument, "words must be at least 1")};
  }
  if (args.format != "json" && args.format != "markdown" && args.format != "html") {
    throw Failure{Status(StatusCode::kInvalidArgument,
                         "format must be dict, json, markdown or html, not " + args.format)};
  }
  std::shared_ptr<const InputBriefer> briefer = TheCache().GetBriefer(key, options);
  RenderOptions render;
  render.documents = args.format == "json" || args.analysis;
  std::vector<std::string> out;
  Diagnostics diagnostics;
  std::vector<Diagnostic> read_diagnostics;
  Status status = briefer->Brief(
      inputs, ToReadOptions(args.limits),
      [&](const Cluster& cluster, const Briefing& briefing) {
        AddDiagnostics(cluster.diagnostics, &diagnostics);
        for (const BriefingNotice& n : briefing.notices) {
          diagnostics.emplace_back("warning", "warning: " + cluster.id + ": " + n.message);
        }
        if (args.format == "json") {
          out.push_back(RenderJson(cluster, &briefing, render));
        } else if (args.format == "markdown") {
          out.push_back(RenderMarkdown(cluster, &briefing, render));
        } else {
          out.push_back(RenderHtml(cluster, briefing));
        }
      },
      &read_diagnostics);
  if (!status.ok() && out.empty()) throw NoInput(status, read_diagnostics);
  AddDiagnostics(read_diagnostics, &diagnostics);
  return {std::move(out), std::move(diagnostics)};
}

// Reads the inputs as a stream of documents (Multi-News records split).
std::vector<Document> ReadArticles(const std::vector<InputTuple>& tuples, const ReadLimits& limits,
                                   Diagnostics* diagnostics) {
  std::vector<Input> inputs = ToInputs(tuples);
  std::vector<Document> docs;
  std::vector<Diagnostic> read_diagnostics;
  Status status = ReadDocuments(
      inputs, ToReadOptions(limits), [&](Document&& d) { docs.push_back(std::move(d)); },
      &read_diagnostics);
  if (!status.ok() && docs.empty()) throw NoInput(status, read_diagnostics);
  AddDiagnostics(read_diagnostics, diagnostics);
  return docs;
}

std::vector<std::string> JsonLines(const std::vector<Story>& stories) {
  std::vector<std::string> out;
  out.reserve(stories.size());
  for (const Story& s : stories) out.push_back(StoryJsonLine(s));
  return out;
}

std::pair<std::vector<std::string>, Diagnostics> ClusterInputs(
    const std::vector<InputTuple>& tuples, const StoryOptions& options, const ReadLimits& limits) {
  py::gil_scoped_release release;
  Diagnostics diagnostics;
  std::vector<Document> docs = ReadArticles(tuples, limits, &diagnostics);
  std::vector<Story> stories = Take(ClusterDocuments(std::move(docs), options));
  return {JsonLines(stories), std::move(diagnostics)};
}

// Extracts the article of one page: the fields of `dossier extract --format json`.
std::map<std::string, std::string> Extract(const std::string& html, const std::string& name,
                                           const std::string& url, const ReadLimits& limits) {
  py::gil_scoped_release release;
  ReadOptions read = ToReadOptions(limits);
  read.format = InputFormat::kHtml;
  std::vector<Diagnostic> diagnostics;
  std::optional<Document> doc;
  Status status = ReadInputs(
      std::vector<Input>{Input::Memory(name, html, url)}, read,
      [&](Cluster&& c) {
        diagnostics.insert(diagnostics.end(), c.diagnostics.begin(), c.diagnostics.end());
        if (!c.documents.empty()) doc = std::move(c.documents[0]);
      },
      &diagnostics);
  if (!doc) {
    std::string message = status.ok() ? "no article in the page" : status.message();
    for (const Diagnostic& d : diagnostics) message += "\n  " + FormatDiagnostic(d);
    throw Failure{Status(status.ok() ? StatusCode::kInvalidInput : status.code(), message, name)};
  }
  return {{"input", doc->origin}, {"title", doc->title}, {"byline", doc->byline},
          {"date", doc->date},    {"url", doc->url},     {"site", doc->source},
          {"text", doc->text}};
}

// A named protocol's ROUGE options with the tokenizer `tokenize` ("rouge155", "unicode").
// With "unicode" the protocol's stemming uses the Snowball stemmer of `language`, and
// there is none when `language` is empty (as `dossier eval --tokenize unicode`).
eval::RougeOptions RougeOptionsOf(const std::string& protocol, const std::string& tokenize,
                                  const std::string& language) {
  eval::RougeOptions options = Take(eval::ProtocolOptions(protocol));
  options.tokenizer = Take(eval::ParseRougeTokenizer(tokenize));
  options.language = language;
  if (options.tokenizer == eval::RougeTokenizer::kUnicode) options.stem = !language.empty();
  return options;
}

// ROUGE of one summary (units: its lines) against its references, under a
// named protocol: {metric: (r, p, f)}.
std::map<std::string, std::tuple<double, double, double>> RougeOne(
    const std::string& system, const std::vector<std::string>& references,
    const std::string& protocol, const std::string& tokenize, const std::string& language) {
  py::gil_scoped_release release;
  const eval::RougeScorer scorer =
      Take(eval::RougeScorer::Create(RougeOptionsOf(protocol, tokenize, language)));
  std::vector<std::vector<std::string>> refs;
  for (const std::string& r : references) refs.push_back(eval::SplitUnits(r));
  if (refs.empty()) throw Failure{Status(StatusCode::kInvalidArgument, "no reference given")};
  const std::vector<eval::Prf> scores = scorer.ScoreOne(eval::SplitUnits(system), refs);
  std::map<std::string, std::tuple<double, double, double>> out;
  for (size_t m = 0; m < scores.size(); ++m) {
    std::string name = scorer.metric_names()[m];
    for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out[name] = {scores[m].r, scores[m].p, scores[m].f};
  }
  return out;
}

// ROUGE-1.5.5's averages over many summaries with its bootstrap confidence
// intervals and the per-summary scores: `dossier rouge --json --per-id`.
std::string RougeMany(const std::vector<std::string>& systems,
                      const std::vector<std::vector<std::string>>& references,
                      const std::string& protocol, const std::string& tokenize,
                      const std::string& language, int jobs) {
  py::gil_scoped_release release;
  if (systems.size() != references.size()) {
    throw Failure{
        Status(StatusCode::kInvalidArgument, "systems and references differ in length (" +
                                                 std::to_string(systems.size()) + " and " +
                                                 std::to_string(references.size()) + ")")};
  }
  eval::RougeOptions options = RougeOptionsOf(protocol, tokenize, language);
  options.jobs = jobs;
  const eval::RougeScorer scorer = Take(eval::RougeScorer::Create(options));
  std::vector<eval::RougeItem> items;
  for (size_t k = 0; k < systems.size(); ++k) {
    eval::RougeItem& item = items.emplace_back();
    item.id = std::to_string(k + 1);
    item.system_units = eval::SplitUnits(systems[k]);
    for (const std::string& r : references[k]) item.references.push_back(eval::SplitUnits(r));
    if (item.references.empty()) {
      throw Failure{
          Status(StatusCode::kInvalidArgument, "summary " + item.id + " has no reference")};
    }
  }
  return eval::RougeReportJson(Take(scorer.Score(items)), /*per_id=*/true);
}

// The incremental clusterer: one StoryStream, its calls serialized.
class PyStoryClusterer {
 public:
  PyStoryClusterer(const StoryOptions& options, const ReadLimits& limits)
      : stream_(Take(StoryStream::Create(options))), limits_(limits) {}

  // Adds the articles of one input, in order; returns their story numbers.
  std::pair<std::vector<uint32_t>, Diagnostics> Add(const std::vector<InputTuple>& tuples) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    Diagnostics diagnostics;
    std::vector<Document> docs = ReadArticles(tuples, limits_, &diagnostics);
    // Several at once are analysed in parallel (the same numbers as one by one).
    std::vector<uint32_t> numbers = docs.size() == 1
                                        ? std::vector<uint32_t>{stream_.Add(std::move(docs[0]))}
                                        : stream_.AddAll(std::move(docs));
    return {std::move(numbers), std::move(diagnostics)};
  }

  std::vector<std::string> Stories() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    return JsonLines(stream_.Stories());
  }

  void Save(const std::string& path) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    Check(stream_.SaveState(path));
  }

  void Load(const std::string& path) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    Check(stream_.LoadState(path));
  }

  uint32_t Articles() {
    std::lock_guard<std::mutex> lock(mu_);
    return stream_.article_count();
  }

 private:
  std::mutex mu_;
  StoryStream stream_;
  ReadLimits limits_;
};

// The whole digest (RunDigest): {"articles","stories","furniture","resumed",
// "checkpoint","markdown"} and the diagnostics.
std::pair<std::map<std::string, py::object>, Diagnostics> Digest(
    const std::vector<InputTuple>& tuples, const std::string& output,
    const StoryOptions& clustering, const DigestOptions& digest, const ReadLimits& limits,
    bool restart) {
  DigestReport report;
  {
    py::gil_scoped_release release;
    DigestRunOptions options;
    options.clustering = clustering;
    options.digest = digest;
    options.read = ToReadOptions(limits);
    options.restart = restart;
    Result<DigestReport> r = RunDigest(ToInputs(tuples), output, options);
    if (!r.ok()) throw Failure{r.status()};
    report = std::move(*r);
  }
  Diagnostics diagnostics;
  AddDiagnostics(report.diagnostics, &diagnostics);
  std::map<std::string, py::object> out;
  out["articles"] = py::int_(report.articles);
  out["stories"] = py::int_(report.stories);
  out["furniture"] = py::int_(report.furniture);
  out["resumed"] = py::int_(report.resumed);
  out["checkpoint"] =
      report.checkpoint.empty() ? py::object(py::none()) : py::str(report.checkpoint);
  out["markdown"] = output.empty() ? py::object(py::str(report.markdown)) : py::object(py::none());
  return {std::move(out), std::move(diagnostics)};
}

// ---- Distributed digests (python/dossier/dask.py) ----------------------------

std::pair<std::vector<std::string>, Diagnostics> ExpandPaths(const std::vector<std::string>& paths,
                                                             const ReadLimits& limits) {
  py::gil_scoped_release release;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files = ExpandInputs(paths, ToReadOptions(limits), &diagnostics);
  Diagnostics out;
  AddDiagnostics(diagnostics, &out);
  return {std::move(files), std::move(out)};
}

// One share of the documents of `paths` (those whose number in the stream
// of `paths` is share mod shares), saved: (bytes, their numbers, diagnostics;
// only share 0 reports the inputs' problems, so each is reported once).
std::tuple<py::bytes, std::vector<uint64_t>, Diagnostics> ReadShare(
    const std::vector<std::string>& paths, const ReadLimits& limits, uint64_t share,
    uint64_t shares) {
  std::string blob;
  std::vector<uint64_t> numbers;
  Diagnostics out;
  {
    py::gil_scoped_release release;
    if (shares == 0 || share >= shares) {
      throw Failure{Status(StatusCode::kInvalidArgument, "share out of range")};
    }
    std::vector<Document> docs;
    std::vector<Diagnostic> diagnostics;
    uint64_t k = 0;
    ReadDocuments(
        paths, ToReadOptions(limits),
        [&](Document&& d) {
          if (k % shares == share) {
            numbers.push_back(k);
            docs.push_back(std::move(d));
          }
          ++k;
        },
        &diagnostics);
    if (share == 0) AddDiagnostics(diagnostics, &out);
    blob = SaveDocuments(docs);
  }
  return {py::bytes(blob), std::move(numbers), std::move(out)};
}

std::vector<Document> Load(const std::string& blob, const std::string& origin) {
  return Take(LoadDocuments(blob, origin));
}

class PyFeaturizer {
 public:
  explicit PyFeaturizer(const StoryOptions& options)
      : featurizer_(Take(StoryFeaturizer::Create(options))) {}

  // (signatures, the documents as kept for briefing, saved).
  std::pair<std::vector<py::bytes>, py::bytes> Signatures(const std::string& blob) const {
    std::vector<std::string> signatures;
    std::string kept;
    {
      py::gil_scoped_release release;
      std::vector<Document> docs = Load(blob, "documents");
      signatures = featurizer_.Signatures(&docs);
      kept = SaveDocuments(docs);
    }
    std::vector<py::bytes> out;
    out.reserve(signatures.size());
    for (const std::string& sig : signatures) out.emplace_back(sig);
    return {std::move(out), py::bytes(kept)};
  }

 private:
  StoryFeaturizer featurizer_;
};

// The documents at `positions` of a saved list, saved in that order.
py::bytes TakeDocuments(const std::string& blob, const std::vector<uint64_t>& positions) {
  std::string out;
  {
    py::gil_scoped_release release;
    std::vector<Document> docs = Load(blob, "documents");
    std::vector<Document> taken;
    for (uint64_t p : positions) {
      if (p >= docs.size()) {
        throw Failure{Status(StatusCode::kInvalidArgument, "document position out of range")};
      }
      taken.push_back(std::move(docs[p]));
    }
    out = SaveDocuments(taken);
  }
  return py::bytes(out);
}

using Briefed = std::tuple<std::string, std::string, std::string, std::string, std::string>;

class PyStoryBriefer {
 public:
  explicit PyStoryBriefer(const DigestOptions& options)
      : briefer_(Take(StoryBriefer::Create(options))) {}

  // Briefs each story `ids[k]` from the documents refs[k] = [(blob, position)]
  // of `blobs`: (title, lead, markdown, brief_json, page) each.
  std::vector<Briefed> Brief(const std::vector<std::string>& ids,
                             const std::vector<std::vector<std::pair<size_t, size_t>>>& refs,
                             const std::vector<std::string>& blobs) const {
    py::gil_scoped_release release;
    std::vector<std::vector<Document>> loaded;
    for (const std::string& b : blobs) loaded.push_back(Load(b, "documents"));
    Pipeline::Scratch scratch = briefer_.NewScratch();
    std::vector<Briefed> out;
    for (size_t k = 0; k < ids.size() && k < refs.size(); ++k) {
      std::vector<Document> docs;
      for (const auto& [b, p] : refs[k]) {
        if (b >= loaded.size() || p >= loaded[b].size()) {
          throw Failure{Status(StatusCode::kInvalidArgument, "document reference out of range")};
        }
        docs.push_back(std::move(loaded[b][p]));
      }
      DigestStory story;
      story.entry.id = ids[k];
      briefer_.Brief(&story, std::move(docs), &scratch);
      out.emplace_back(story.entry.title, story.entry.lead, story.markdown, story.brief_json,
                       story.page);
    }
    return out;
  }

 private:
  StoryBriefer briefer_;
};

// The sequential middle of a distributed digest, on the driver: signatures
// in stream order, then the ranked stories, then their briefings and files.
class PyDigestRun {
 public:
  PyDigestRun(const StoryOptions& story_options, const DigestOptions& options)
      : stream_(Take(StoryStream::Create(story_options))), options_(options) {}

  void AddSignatures(const std::vector<std::string>& signatures, const std::string& origin) {
    py::gil_scoped_release release;
    Check(stream_.AddSignatures(std::vector<std::string_view>(signatures.begin(), signatures.end()),
                                origin));
  }

  // (story id, the article numbers it is briefed from) in rank order.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> Rank() {
    py::gil_scoped_release release;
    stream_.Finish();
    ranked_ = RankStories(stream_.Stories(), options_, &furniture_);
    std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
    for (const DigestStory& r : ranked_) {
      std::vector<uint32_t> articles = r.story.articles;
      if (articles.size() > options_.max_story_docs) articles.resize(options_.max_story_docs);
      out.emplace_back(r.entry.id, std::move(articles));
    }
    return out;
  }

  void SetBriefing(size_t i, const Briefed& b) {
    if (i >= ranked_.size()) throw Failure{Status(StatusCode::kInvalidArgument, "no such story")};
    DigestStory& r = ranked_[i];
    std::tie(r.entry.title, r.entry.lead, r.markdown, r.brief_json, r.page) = b;
  }

  // (digest.md, stories.jsonl, index.html)
  std::tuple<std::string, std::string, std::string> Render() const {
    const DigestFiles f = RenderDigest(ranked_, stream_.article_count(), furniture_);
    return {f.markdown, f.jsonl, f.index_html};
  }

  void Write(const std::string& output) const {
    py::gil_scoped_release release;
    Check(WriteDigest(output, ranked_, RenderDigest(ranked_, stream_.article_count(), furniture_)));
  }

  // Articles added (the last batch of signatures is added first).
  uint32_t Articles() {
    py::gil_scoped_release release;
    stream_.Finish();
    return stream_.article_count();
  }

 private:
  StoryStream stream_;
  DigestOptions options_;
  std::vector<DigestStory> ranked_;
  size_t furniture_ = 0;
};

}  // namespace
}  // namespace dossier::python

PYBIND11_MODULE(_dossier, m) {
  using namespace dossier;
  using namespace dossier::python;
  m.doc() = "The dossier C++ library (use the dossier package, not this module).";
  m.attr("__version__") = Version();

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Failure& f) {
      py::object cls = py::module_::import("dossier.errors").attr(ErrorClass(f.status.code()));
      PyErr_SetString(cls.ptr(), f.status.ToString().c_str());
    }
  });

  py::class_<ReadLimits>(m, "ReadLimits")
      .def(py::init<>())
      .def_readwrite("max_input_bytes", &ReadLimits::max_input_bytes)
      .def_readwrite("max_document_bytes", &ReadLimits::max_document_bytes)
      .def_readwrite("max_docs", &ReadLimits::max_docs);

  py::class_<BriefArgs>(m, "BriefArgs")
      .def(py::init<>())
      .def_readwrite("words", &BriefArgs::words)
      .def_readwrite("method", &BriefArgs::method)
      .def_readwrite("format", &BriefArgs::format)
      .def_readwrite("settings", &BriefArgs::settings)
      .def_readwrite("data_dir", &BriefArgs::data_dir)
      .def_readwrite("language", &BriefArgs::language)
      .def_readwrite("analysis", &BriefArgs::analysis)
      .def_readwrite("limits", &BriefArgs::limits);

  py::class_<StoryOptions>(m, "StoryOptions")
      .def(py::init<>())
      .def_readwrite("join_threshold", &StoryOptions::join_threshold)
      .def_readwrite("min_cosine", &StoryOptions::min_cosine)
      .def_readwrite("undated_threshold", &StoryOptions::undated_threshold)
      .def_readwrite("undated_size_penalty", &StoryOptions::undated_size_penalty)
      .def_readwrite("window_days", &StoryOptions::window_days)
      .def_readwrite("window_articles", &StoryOptions::window_articles)
      .def_readwrite("duplicate_threshold", &StoryOptions::duplicate_threshold)
      .def_readwrite("query_terms", &StoryOptions::query_terms)
      .def_readwrite("index_terms", &StoryOptions::index_terms)
      .def_readwrite("boilerplate_repeats", &StoryOptions::boilerplate_repeats)
      .def_readwrite("name_weight", &StoryOptions::name_weight)
      .def_readwrite("furniture_copies", &StoryOptions::furniture_copies)
      .def_readwrite("weights", &StoryOptions::weights)
      .def_readwrite("weights_origin", &StoryOptions::weights_origin)
      .def_readwrite("data_dir", &StoryOptions::data_dir)
      .def_readwrite("language", &StoryOptions::language)
      .def_readwrite("threads", &StoryOptions::threads)
      .def_readwrite("batch", &StoryOptions::batch);

  m.def("check_story_options", [](const StoryOptions& o) { Check(CheckStoryOptions(o)); });
  m.def("check_digest_output", [](const std::string& output) { Check(CheckDigestOutput(output)); });
  m.def("brief", &Brief, py::arg("inputs"), py::arg("args"));
  m.def("cluster", &ClusterInputs, py::arg("inputs"), py::arg("options"), py::arg("limits"));
  m.def("extract", &Extract, py::arg("html"), py::arg("name"), py::arg("url"), py::arg("limits"));
  m.def("rouge_one", &RougeOne, py::arg("system"), py::arg("references"), py::arg("protocol"),
        py::arg("tokenize"), py::arg("language"));
  m.def("rouge_many", &RougeMany, py::arg("systems"), py::arg("references"), py::arg("protocol"),
        py::arg("tokenize"), py::arg("language"), py::arg("jobs"));

  py::class_<DigestOptions>(m, "DigestOptions")
      .def(py::init<>())
      .def_readwrite("words", &DigestOptions::words)
      .def_readwrite("min_articles", &DigestOptions::min_articles)
      .def_readwrite("max_story_docs", &DigestOptions::max_story_docs)
      .def_readwrite("data_dir", &DigestOptions::data_dir)
      .def_readwrite("pages", &DigestOptions::pages);
  m.def("digest", &Digest, py::arg("inputs"), py::arg("output"), py::arg("clustering"),
        py::arg("digest"), py::arg("limits"), py::arg("restart"));
  m.def(
      "digest_output_kind",
      [](std::string output) {
        switch (DigestOutputKind(&output)) {
          case DigestOutput::kNone:
            return "none";
          case DigestOutput::kMarkdown:
            return "markdown";
          case DigestOutput::kJsonl:
            return "jsonl";
          case DigestOutput::kFolder:
            break;
        }
        return "folder";
      },
      py::arg("output"));
  m.def("expand_inputs", &ExpandPaths, py::arg("paths"), py::arg("limits"));
  m.def("read_share", &ReadShare, py::arg("paths"), py::arg("limits"), py::arg("share"),
        py::arg("shares"));
  m.def("take_documents", &TakeDocuments, py::arg("blob"), py::arg("positions"));
  py::class_<PyFeaturizer>(m, "StoryFeaturizer")
      .def(py::init<const StoryOptions&>())
      .def("signatures", &PyFeaturizer::Signatures);
  py::class_<PyStoryBriefer>(m, "StoryBriefer")
      .def(py::init<const DigestOptions&>())
      .def("brief", &PyStoryBriefer::Brief);
  py::class_<PyDigestRun>(m, "DigestRun")
      .def(py::init<const StoryOptions&, const DigestOptions&>())
      .def("add_signatures", &PyDigestRun::AddSignatures)
      .def("rank", &PyDigestRun::Rank)
      .def("set_briefing", &PyDigestRun::SetBriefing)
      .def("render", &PyDigestRun::Render)
      .def("write", &PyDigestRun::Write)
      .def("articles", &PyDigestRun::Articles);

  py::class_<PyStoryClusterer>(m, "StoryClusterer")
      .def(py::init<const StoryOptions&, const ReadLimits&>())
      .def("add", &PyStoryClusterer::Add)
      .def("stories", &PyStoryClusterer::Stories)
      .def("save", &PyStoryClusterer::Save)
      .def("load", &PyStoryClusterer::Load)
      .def("articles", &PyStoryClusterer::Articles);
}
