// dossier eval-quotes: quote attribution against hand labels.
#include "dossier/quote_eval.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "analyze/quotes.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "eval/quote_score.h"
#include "util/strings.h"

namespace dossier {
namespace {

std::string Shorten(std::string_view text) { return TruncateUtf8(CollapseWhitespace(text), 120); }

// The errors of one document: gold quotes no prediction matched, predictions
// that matched no gold quote (after ScoreQuotes' greedy pairing, redone here
// on the same rule for the listing).
void ListErrors(const Document& doc, const std::vector<const GoldQuote*>& gold,
                const std::vector<PredictedQuote>& predicted, QuoteEvalDocument* out) {
  std::vector<bool> gold_hit(gold.size(), false), pred_hit(predicted.size(), false);
  for (size_t i = 0; i < predicted.size(); ++i) {
    for (size_t k = 0; k < gold.size(); ++k) {
      if (gold[k]->speaker == "UNNAMED" || gold_hit[k]) continue;
      std::vector<PredictedQuote> one{predicted[i]};
      QuoteScore s;
      ScoreQuotes({gold[k]}, one, &s);
      if (s.all.gold_matched == 1) {
        gold_hit[k] = pred_hit[i] = true;
        break;
      }
    }
  }
  auto slice = [&](Span raw) {
    const uint32_t end = std::min<uint32_t>(raw.end, static_cast<uint32_t>(doc.raw.size()));
    return raw.begin < end ? Shorten(std::string_view(doc.raw).substr(raw.begin, end - raw.begin))
                           : std::string();
  };
  for (size_t k = 0; k < gold.size(); ++k) {
    if (gold[k]->speaker == "UNNAMED" || gold_hit[k]) continue;
    out->errors.push_back({"missed", gold[k]->kind, gold[k]->speaker, slice(gold[k]->span)});
  }
  for (size_t i = 0; i < predicted.size(); ++i) {
    if (pred_hit[i] || (predicted[i].kind != "direct" && predicted[i].kind != "reported")) continue;
    out->errors.push_back(
        {"false", predicted[i].kind, predicted[i].speaker, slice(predicted[i].span)});
  }
}

}  // namespace

Result<QuoteEvalReport> EvaluateQuoteAttribution(const std::string& gold_path,
                                                 const QuoteEvalOptions& options) {
  constexpr uint64_t kMaxGoldBytes = 256ull << 20;
  Result<FileContents> file = ReadInputFile(gold_path, kMaxGoldBytes);
  if (!file.ok()) return file.status();
  QuoteEvalReport report;
  std::vector<GoldQuote> gold = ParseQuoteGold(file->bytes, gold_path, &report.diagnostics);
  if (gold.empty()) {
    return Status(StatusCode::kInvalidInput, "no valid gold quote", gold_path);
  }
  Result<Pipeline> pipeline = Pipeline::Create({options.word_lists, ""});
  if (!pipeline.ok()) return pipeline.status();
  Result<QuoteExtractor> extractor = QuoteExtractor::Create(options.word_lists);
  if (!extractor.ok()) return extractor.status();
  Pipeline::Scratch scratch = pipeline->NewScratch();

  // Documents in the gold file's order, their labels grouped.
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, std::vector<const GoldQuote*>> labels;
  for (const GoldQuote& q : gold) {
    auto key = std::make_pair(q.input, q.id);
    if (labels.find(key) == labels.end()) order.push_back(key);
    labels[key].push_back(&q);
  }
  std::map<std::string, std::map<std::string, Document>> inputs;  // input -> id -> document
  for (const auto& [input, id] : order) {
    if (inputs.count(input) > 0) continue;
    std::map<std::string, Document>& docs = inputs[input];
    const std::string path = options.data_dir.empty() ? input : options.data_dir + "/" + input;
    std::set<std::string> wanted;
    for (const auto& [in, wanted_id] : order) {
      if (in == input) wanted.insert(wanted_id);
    }
    Status st = ReadDocuments(
        {path}, {},
        [&](Document&& doc) {
          const std::string id = wanted.count(doc.id) > 0 ? doc.id : "";
          if (wanted.count(doc.id) == 0 && !(wanted.count("") > 0 && docs.empty())) return;
          docs.emplace(id, std::move(doc));
        },
        &report.diagnostics);
    if (!st.ok()) report.diagnostics.push_back({Diagnostic::Severity::kError, st});
  }
  for (const auto& key : order) {
    const auto& [input, id] = key;
    QuoteEvalDocument result;
    result.input = input;
    result.id = id;
    auto in = inputs[input].find(id);
    if (in == inputs[input].end()) {
      report.diagnostics.push_back(
          {Diagnostic::Severity::kError,
           Status(StatusCode::kNotFound, "no document with id \"" + id + "\"", input)});
      continue;
    }
    Document& doc = in->second;
    std::vector<const GoldQuote*> usable;
    for (const GoldQuote* q : labels[key]) {
      const bool inside = q->span.end <= doc.raw.size();
      if (!inside || (!q->key.empty() && QuoteKey(std::string_view(doc.raw).substr(
                                             q->span.begin, q->span.size())) != q->key)) {
        report.diagnostics.push_back(
            {Diagnostic::Severity::kWarning,
             Status(StatusCode::kInvalidInput,
                    "gold line " + std::to_string(q->line) +
                        ": the words at its offsets are not the labelled ones (input changed?)",
                    input + (id.empty() ? "" : "#" + id))});
        continue;
      }
      usable.push_back(q);
    }
    pipeline->Analyze(&doc, &scratch);
    std::vector<PredictedQuote> predicted;
    for (const Quote& q : extractor->Extract(doc)) {
      if (q.role_only) continue;  // a role the pile may name, not a speaker of the document
      // The gold labels a quoted fragment "direct" (docs/QUOTES.md).
      const Quote::Kind kind = q.kind == Quote::Kind::kPartial ? Quote::Kind::kDirect : q.kind;
      predicted.push_back({q.speaker, QuoteKindName(kind), doc.map.ToOriginal(q.span)});
    }
    ScoreQuotes(usable, predicted, &result.score);
    ListErrors(doc, usable, predicted, &result);
    report.total.Add(result.score);
    report.documents.push_back(std::move(result));
  }
  return report;
}

}  // namespace dossier
