#include "eval/quote_score.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/strings.h"

namespace dossier {

double QuoteCounts::Precision() const {
  return predicted == 0 ? 0.0
                        : static_cast<double>(predicted_matched) / static_cast<double>(predicted);
}
double QuoteCounts::Recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(gold_matched) / static_cast<double>(gold);
}
double QuoteCounts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
void QuoteCounts::Add(const QuoteCounts& o) {
  gold += o.gold;
  gold_matched += o.gold_matched;
  predicted += o.predicted;
  predicted_matched += o.predicted_matched;
}
void QuoteScore::Add(const QuoteScore& o) {
  all.Add(o.all);
  direct.Add(o.direct);
  reported.Add(o.reported);
  unnamed += o.unnamed;
}

namespace {

// Lower-case words with surrounding punctuation and quote marks removed.
std::vector<std::string> NormalizedWords(std::string_view s, size_t limit) {
  std::vector<std::string> out;
  for (std::string_view w : SplitWhitespace(s)) {
    if (out.size() >= limit) break;
    std::string clean;
    for (size_t i = 0; i < w.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(w[i]);
      if (c == 0xE2 && i + 2 < w.size()) {  // curly quotes, dashes
        i += 2;
        continue;
      }
      if (std::isalnum(c) || c == '-' || c >= 0x80) {
        clean += static_cast<char>(std::tolower(c));
      }
    }
    if (!clean.empty()) out.push_back(std::move(clean));
  }
  return out;
}

// A speaker's name for comparison: lower case, no leading "the", no final
// "'s", punctuation other than hyphens and apostrophes inside words dropped.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  for (std::string_view w : SplitWhitespace(name)) {
    std::string clean;
    for (char c : w) {
      if (IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-' || c == '\'' ||
          static_cast<unsigned char>(c) >= 0x80) {
        clean += AsciiToLower(c);
      }
    }
    if (clean.ends_with("'s")) clean.resize(clean.size() - 2);
    if (!clean.empty()) words.push_back(std::move(clean));
  }
  if (!words.empty() && words.front() == "the") words.erase(words.begin());
  return words;
}

bool Contains(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  return std::all_of(small.begin(), small.end(), [&](const std::string& w) {
    return std::find(big.begin(), big.end(), w) != big.end();
  });
}

bool NamesAgree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  return a.back() == b.back() && (Contains(a, b) || Contains(b, a));
}

uint32_t Overlap(Span a, Span b) {
  const uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

}  // namespace

std::string QuoteKey(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (const std::string& w : NormalizedWords(text, 6)) {
    for (char c : w + " ") h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

bool SameSpeaker(std::string_view predicted, const GoldQuote& gold) {
  const std::vector<std::string> p = NameWords(predicted);
  if (NamesAgree(p, NameWords(gold.speaker))) return true;
  return std::any_of(gold.aliases.begin(), gold.aliases.end(),
                     [&](const std::string& a) { return NamesAgree(p, NameWords(a)); });
}

std::vector<GoldQuote> ParseQuoteGold(std::string_view jsonl, const std::string& name,
                                      std::vector<Diagnostic>* diagnostics) {
  std::vector<GoldQuote> out;
  size_t line_no = 0;
  while (!jsonl.empty()) {
    const size_t nl = jsonl.find('\n');
    const std::string_view line = TrimWhitespace(jsonl.substr(0, nl));
    jsonl = nl == std::string_view::npos ? std::string_view() : jsonl.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](const std::string& why) {
      if (diagnostics != nullptr) {
        diagnostics->push_back(
            {Diagnostic::Severity::kError,
             Status(StatusCode::kInvalidInput, why, name + ":" + std::to_string(line_no))});
      }
    };
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      bad("bad JSON line");
      continue;
    }
    GoldQuote q;
    q.line = line_no;
    auto text = [&](const char* key, std::string* into) {
      auto it = j.find(key);
      if (it == j.end() || !it->is_string()) return false;
      *into = it->get<std::string>();
      return true;
    };
    auto number = [&](const char* key, uint32_t* into) {
      auto it = j.find(key);
      if (it == j.end() || !it->is_number_unsigned()) return false;
      *into = it->get<uint32_t>();
      return true;
    };
    if (!text("input", &q.input) || !text("speaker", &q.speaker) || !text("kind", &q.kind) ||
        !number("begin", &q.span.begin) || !number("end", &q.span.end) ||
        q.span.end <= q.span.begin) {
      bad("a gold quote needs \"input\", \"speaker\", \"kind\" and \"begin\" < \"end\"");
      continue;
    }
    if (q.kind != "direct" && q.kind != "reported") {
      bad("\"kind\" must be \"direct\" or \"reported\"");
      continue;
    }
    text("id", &q.id);
    text("key", &q.key);
    if (auto it = j.find("aliases"); it != j.end() && it->is_array()) {
      for (const auto& a : *it) {
        if (a.is_string()) q.aliases.push_back(a.get<std::string>());
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

void ScoreQuotes(const std::vector<const GoldQuote*>& gold,
                 const std::vector<PredictedQuote>& predicted, QuoteScore* score) {
  auto counts_of = [score](const std::string& kind) -> QuoteCounts* {
    return kind == "direct" ? &score->direct : kind == "reported" ? &score->reported : nullptr;
  };
  std::vector<const PredictedQuote*> preds;
  for (const PredictedQuote& p : predicted) {
    if (p.kind == "direct" || p.kind == "reported") preds.push_back(&p);
  }
  for (const GoldQuote* g : gold) {
    if (g->speaker == "UNNAMED") {
      ++score->unnamed;
      continue;
    }
    ++score->all.gold;
    ++counts_of(g->kind)->gold;
  }
  for (const PredictedQuote* p : preds) {
    ++score->all.predicted;
    ++counts_of(p->kind)->predicted;
  }
  struct Pair {
    uint32_t overlap;
    size_t pred, gold;
  };
  std::vector<Pair> pairs;
  for (size_t i = 0; i < preds.size(); ++i) {
    for (size_t k = 0; k < gold.size(); ++k) {
      const GoldQuote& g = *gold[k];
      if (g.speaker == "UNNAMED") continue;
      const uint32_t overlap = Overlap(preds[i]->span, g.span);
      const uint32_t shorter = std::min(preds[i]->span.size(), g.span.size());
      if (overlap == 0 || 2 * overlap < shorter || !SameSpeaker(preds[i]->speaker, g)) continue;
      pairs.push_back({overlap, i, k});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return std::tie(b.overlap, a.pred, a.gold) < std::tie(a.overlap, b.pred, b.gold);
  });
  std::vector<bool> pred_used(preds.size(), false), gold_used(gold.size(), false);
  for (const Pair& p : pairs) {
    if (pred_used[p.pred] || gold_used[p.gold]) continue;
    pred_used[p.pred] = gold_used[p.gold] = true;
    ++score->all.predicted_matched;
    ++score->all.gold_matched;
    ++counts_of(preds[p.pred]->kind)->predicted_matched;
    ++counts_of(gold[p.gold]->kind)->gold_matched;
  }
}

}  // namespace dossier
