#include "cluster/background_idf.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "segment/tokenizer.h"
#include "util/data_files.h"
#include "util/radix_sort.h"
#include "util/strings.h"

namespace dossier {

double Cosine(const TermVector& a, const TermVector& b) {
  // A short vector against a long one (a sentence against a pile's
  // centroid): look each of its terms up instead of walking both.
  if (a.size() * 16 < b.size() || b.size() * 16 < a.size()) {
    const TermVector& small = a.size() < b.size() ? a : b;
    const TermVector& large = a.size() < b.size() ? b : a;
    double dot = 0;
    auto from = large.begin();
    for (const auto& [hash, w] : small) {
      from = std::lower_bound(from, large.end(), hash,
                              [](const auto& e, uint64_t h) { return e.first < h; });
      if (from == large.end()) break;
      if (from->first == hash) dot += static_cast<double>(w) * from->second;
    }
    return dot;
  }
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first == b[j].first) {
      dot += static_cast<double>(a[i].second) * b[j].second;
      ++i, ++j;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

Result<BackgroundIdf> BackgroundIdf::Create(std::string_view data_dir) {
  constexpr std::string_view kFile = "en/term_df.txt";
  Result<std::string> content = ReadDataFile(data_dir, kFile);
  if (!content.ok()) return content.status();
  BackgroundIdf idf;
  double documents = 0;
  long min_df = 0;
  std::vector<std::pair<uint64_t, long>> rows;
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    const size_t tab = line.find('\t');
    long value = 0;
    const std::string_view number = tab == std::string_view::npos ? "" : line.substr(tab + 1);
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (tab == std::string_view::npos || ec != std::errc() ||
        end != number.data() + number.size() || value <= 0) {
      return Status(StatusCode::kInvalidInput, std::string(kFile) + ":" +
                                                   std::to_string(lines.number()) +
                                                   ": expected \"stem<TAB>count\"");
    }
    const std::string_view key = line.substr(0, tab);
    if (key == "documents") {
      documents = static_cast<double>(value);
      continue;
    }
    rows.emplace_back(StemHash(key), value);
    min_df = min_df == 0 ? value : std::min(min_df, value);
  }
  if (documents <= 0) {
    return Status(StatusCode::kInvalidInput, std::string(kFile) + ": no \"documents<TAB>N\" line");
  }
  idf.idf_.reserve(rows.size());
  idf.ids_ = FlatIdMap(rows.size());  // sized once: no rehash while reading
  for (const auto& [hash, df] : rows) {
    if (idf.ids_.Find(hash) != FlatIdMap::kNotFound) continue;
    idf.ids_.Intern(hash);
    idf.idf_.push_back(
        static_cast<float>(std::log((documents + 1) / (static_cast<double>(df) + 1))));
  }
  const double unknown_df = std::max(1.0, static_cast<double>(min_df) / 2);
  idf.unknown_idf_ = static_cast<float>(std::log((documents + 1) / (unknown_df + 1)));
  return idf;
}

double BackgroundIdf::Idf(uint64_t stem_hash) const {
  const uint32_t id = ids_.Find(stem_hash);
  return id == FlatIdMap::kNotFound ? unknown_idf_ : idf_[id];
}

namespace {

bool IsContent(const Token& t) {
  if (t.is_stopword || t.is_number) return false;
  return std::any_of(t.stem.begin(), t.stem.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

void BackgroundIdf::Vectors(const Document& doc, uint32_t first, uint32_t last,
                            std::span<const double> name_weights,
                            std::span<TermVector*> vectors) const {
  // Distinct stems numbered as met (no sort of every token), counted, and
  // whether one was written as a name (capitalized away from a sentence's
  // first word).
  struct Term {
    uint64_t hash;
    int count;
    bool name;
  };
  last = std::min<uint32_t>(last, static_cast<uint32_t>(doc.sentences.size()));
  // Sized for the tokens at hand: no rehash while counting.
  const size_t tokens =
      first < last ? doc.sentences[last - 1].token_end - doc.sentences[first].token_begin : 0;
  FlatIdMap ids(std::max<size_t>(16, tokens / 2));
  std::vector<Term> terms;
  terms.reserve(tokens / 2);
  for (uint32_t s = first; s < last; ++s) {
    const Sentence& sentence = doc.sentences[s];
    for (uint32_t k = sentence.token_begin; k < sentence.token_end; ++k) {
      const Token& tok = doc.tokens[k];
      if (!IsContent(tok)) continue;
      const uint32_t id = ids.Intern(tok.stem_hash);
      if (id == terms.size()) terms.push_back({tok.stem_hash, 0, false});
      ++terms[id].count;
      if (k > sentence.token_begin && tok.span.begin < doc.text.size() &&
          IsAsciiUpper(doc.text[tok.span.begin])) {
        terms[id].name = true;
      }
    }
  }
  RadixSortByKey(&terms, [](const Term& t) { return t.hash; });
  for (TermVector* v : vectors) v->clear();
  std::vector<double> norm2(vectors.size(), 0);
  for (const Term& t : terms) {
    const double base = (1 + std::log(static_cast<double>(t.count))) * Idf(t.hash);
    if (base <= 0) continue;
    for (size_t k = 0; k < vectors.size(); ++k) {
      const double w = base * (t.name ? name_weights[k] : 1.0);
      vectors[k]->emplace_back(t.hash, static_cast<float>(w));
      norm2[k] += w * w;
    }
  }
  for (size_t k = 0; k < vectors.size(); ++k) {
    const double norm = std::sqrt(norm2[k]);
    if (norm > 0) {
      for (auto& [hash, w] : *vectors[k]) w = static_cast<float>(w / norm);
    }
  }
}

TermVector BackgroundIdf::SentencesVector(const Document& doc, uint32_t first, uint32_t last,
                                          double name_weight) const {
  TermVector v;
  TermVector* out[] = {&v};
  const double weights[] = {name_weight};
  Vectors(doc, first, last, weights, out);
  return v;
}

TermVector BackgroundIdf::DocumentVector(const Document& doc, double name_weight) const {
  return SentencesVector(doc, 0, static_cast<uint32_t>(doc.sentences.size()), name_weight);
}

TermVector Centroid(const std::vector<const TermVector*>& vectors) {
  TermVector all;
  for (const TermVector* v : vectors) all.insert(all.end(), v->begin(), v->end());
  RadixSortByKey(&all, [](const std::pair<uint64_t, float>& e) { return e.first; });
  TermVector c;
  double norm2 = 0;
  for (size_t i = 0; i < all.size();) {
    double sum = 0;
    size_t j = i;
    for (; j < all.size() && all[j].first == all[i].first; ++j) sum += all[j].second;
    c.emplace_back(all[i].first, static_cast<float>(sum));
    norm2 += sum * sum;
    i = j;
  }
  if (norm2 > 0) {
    const double norm = std::sqrt(norm2);
    for (auto& [hash, w] : c) w = static_cast<float>(w / norm);
  }
  return c;
}

}  // namespace dossier
