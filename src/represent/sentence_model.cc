#include "represent/sentence_model.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <unordered_map>

#include "util/flat_id_map.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr int kMinSummaryWords = 6;
constexpr int kMaxSummaryWords = 90;

// The first word of a sentence, without opening quotes, lower-cased.
std::string FirstWordLower(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !IsAsciiAlpha(s[i]) && !IsAsciiDigit(s[i])) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      size_t start = i;
      DecodeUtf8(s, &i);
      if (i == start) ++i;
      continue;
    }
    ++i;
  }
  size_t j = i;
  while (j < s.size() && (IsAsciiAlpha(s[j]) || s[j] == '\'')) ++j;
  return AsciiLower(s.substr(i, j - i));
}

// True when `text` closes a quotation it did not open ('We are ready", Lavrov
// said.'): it continues the sentence before.
bool ClosesUnopenedQuote(std::string_view text) {
  int depth = 0;
  bool straight_open = false;
  // Only '"' and the first byte of a curly mark matter.
  for (size_t i = FindQuoteByte(text, 0); i != std::string_view::npos;
       i = FindQuoteByte(text, i + 1)) {
    if (text.compare(i, 3, "\xE2\x80\x9C") == 0) {  // left double quote
      ++depth;
    } else if (text.compare(i, 3, "\xE2\x80\x9D") == 0) {  // right double quote
      if (depth == 0) return true;
      --depth;
    } else if (text[i] == '"') {
      // A straight mark opens when it starts a word, else closes.
      const bool opens = i == 0 || IsAsciiSpace(text[i - 1]) || text[i - 1] == '(';
      if (opens) {
        straight_open = true;
      } else if (!straight_open) {
        return true;
      } else {
        straight_open = false;
      }
    }
  }
  return false;
}

// The trimmed version of candidate `full` (index `index`), if the trimmer
// cuts anything: the kept tokens' terms and bigrams. `ids` and `stop` are the
// sentence's tokens' stem ids and stopword flags.
void AddTrim(const Document& doc, const Sentence& s, const SentenceTrimmer& trimmer,
             const std::vector<uint32_t>& ids, const std::vector<bool>& stop, const Candidate& full,
             int32_t index, std::vector<Candidate>* trims) {
  std::vector<Span> parts = trimmer.Trim(doc, s);
  if (parts.empty()) return;
  Candidate t;
  t.document = full.document;
  t.sentence = full.sentence;
  t.eligible = true;
  t.dangling = full.dangling;
  t.trim_of = index;
  std::string text;
  for (Span p : parts) text += p.Slice(doc.text);
  t.words = static_cast<int>(CountWords(text));
  t.bytes = static_cast<int>(text.size());
  t.cost = t.words;
  size_t part = 0;
  int64_t previous = -1;  // the previous kept token's index
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    const Span span = doc.tokens[k].span;
    while (part < parts.size() && parts[part].end <= span.begin) ++part;
    if (part == parts.size()) break;
    if (span.begin < parts[part].begin || span.end > parts[part].end) continue;
    const size_t local = k - s.token_begin;
    if (!stop[local]) t.terms.push_back(ids[local]);
    if (previous >= 0 && !(stop[static_cast<size_t>(previous)] && stop[local])) {
      t.bigrams.push_back((static_cast<uint64_t>(ids[static_cast<size_t>(previous)]) << 32) |
                          ids[local]);
    }
    previous = static_cast<int64_t>(local);
  }
  if (t.terms.empty()) return;
  std::sort(t.bigrams.begin(), t.bigrams.end());
  t.bigrams.erase(std::unique(t.bigrams.begin(), t.bigrams.end()), t.bigrams.end());
  t.parts = std::move(parts);
  trims->push_back(std::move(t));
}

}  // namespace

SentenceModel SentenceModel::Build(const Cluster& cluster, const WordList& dangling_openers,
                                   const SummaryPlan* plan, const SentenceTrimmer* trimmer) {
  SentenceModel m;
  m.num_documents_ = cluster.documents.size();
  m.included_.assign(m.num_documents_, true);
  if (plan != nullptr) {
    for (size_t d = 0; d < m.num_documents_ && d < plan->supplies.size(); ++d) {
      m.included_[d] = plan->supplies[d];
    }
  }
  m.num_included_documents_ =
      static_cast<size_t>(std::count(m.included_.begin(), m.included_.end(), true));
  auto barred = [plan](uint32_t d, uint32_t s) {
    return plan != nullptr && d < plan->barred.size() && s < plan->barred[d].size() &&
           plan->barred[d][s];
  };
  // Stems are interned by their 64-bit hash (Token::stem_hash), in order of
  // first use, so ids do not depend on how or where the tokens were made.
  FlatIdMap vocab(4096);
  std::vector<uint32_t> last_doc_seen;  // per term: last document counted (+1)
  auto intern = [&](uint64_t stem) {
    const uint32_t id = vocab.Intern(stem);
    if (id == m.term_document_frequency_.size()) {
      m.term_document_frequency_.push_back(0);
      last_doc_seen.push_back(0);
    }
    return id;
  };
  std::vector<uint32_t> all_ids;  // every token's id (stopwords too), for bigrams
  std::vector<bool> stop;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    const size_t first = m.candidates_.size();
    if (!m.included_[d]) continue;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.stage_direction || s.fragment) continue;
      Candidate c;
      c.document = d;
      c.sentence = si;
      std::string_view text = s.span.Slice(doc.text);
      // Chinese, Japanese, Thai...: a word is a token (ICU's word boundaries), not a space run.
      c.words = IsUnspacedLanguage(doc.language) ? static_cast<int>(s.token_end - s.token_begin)
                                                 : static_cast<int>(CountWords(text));
      all_ids.clear();
      stop.clear();
      c.terms.reserve(s.token_end - s.token_begin);
      c.bigrams.reserve(s.token_end - s.token_begin);
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Token& tok = doc.tokens[t];
        uint32_t id = intern(tok.stem_hash);
        all_ids.push_back(id);
        stop.push_back(tok.is_stopword);
        if (!tok.is_stopword) {
          c.terms.push_back(id);
          if (last_doc_seen[id] != d + 1) {
            last_doc_seen[id] = d + 1;
            ++m.term_document_frequency_[id];
          }
        }
      }
      for (size_t k = 0; k + 1 < all_ids.size(); ++k) {
        if (stop[k] && stop[k + 1]) continue;
        c.bigrams.push_back((static_cast<uint64_t>(all_ids[k]) << 32) | all_ids[k + 1]);
      }
      std::sort(c.bigrams.begin(), c.bigrams.end());
      c.bigrams.erase(std::unique(c.bigrams.begin(), c.bigrams.end()), c.bigrams.end());
      const bool question_turn = s.turn >= 0 && doc.turns[static_cast<size_t>(s.turn)].is_question;
      c.eligible = !question_turn && c.words >= kMinSummaryWords && c.words <= kMaxSummaryWords &&
                   !c.terms.empty() && !barred(d, si);
      c.dangling = dangling_openers.Contains(FirstWordLower(text)) || ClosesUnopenedQuote(text);
      c.bytes = static_cast<int>(text.size());
      c.quoted = text.find('"') != std::string_view::npos ||
                 text.find("\xE2\x80\x9C") != std::string_view::npos ||
                 text.find("\xE2\x80\x9D") != std::string_view::npos;
      c.cost = c.words;
      if (trimmer != nullptr && c.eligible && !IsUnspacedLanguage(doc.language)) {
        AddTrim(doc, s, *trimmer, all_ids, stop, c, static_cast<int32_t>(m.candidates_.size()),
                &m.trims_);
      }
      m.candidates_.push_back(std::move(c));
    }
    const size_t count = m.candidates_.size() - first;
    for (size_t k = first; k < m.candidates_.size(); ++k) {
      m.candidates_[k].position = static_cast<uint32_t>(k - first);
      m.candidates_[k].relative_position =
          static_cast<double>(k - first) / static_cast<double>(count);
    }
  }
  // Sentence-level idf and unit tf-idf vectors. Term counts by sorting (no hashing).
  const size_t n = m.candidates_.size();
  std::vector<uint32_t> sentence_frequency(vocab.size(), 0);
  // (term, count) of every candidate, flat: candidate i owns [offset[i], offset[i + 1]).
  std::vector<std::pair<uint32_t, uint32_t>> flat_counts;
  std::vector<size_t> offset(n + 1, 0);
  std::vector<uint32_t> sorted;
  for (uint32_t i = 0; i < n; ++i) {
    sorted = m.candidates_[i].terms;
    std::sort(sorted.begin(), sorted.end());
    for (size_t k = 0; k < sorted.size();) {
      size_t e = k;
      while (e < sorted.size() && sorted[e] == sorted[k]) ++e;
      flat_counts.emplace_back(sorted[k], static_cast<uint32_t>(e - k));
      ++sentence_frequency[sorted[k]];
      k = e;
    }
    offset[i + 1] = flat_counts.size();
  }
  auto counts = [&](size_t i) {
    return std::span<const std::pair<uint32_t, uint32_t>>(flat_counts.data() + offset[i],
                                                          offset[i + 1] - offset[i]);
  };
  m.postings_.assign(vocab.size(), {});
  for (size_t t = 0; t < vocab.size(); ++t) m.postings_[t].reserve(sentence_frequency[t]);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [t, c] : counts(i)) m.postings_[t].push_back(i);
  }
  m.idf_.resize(vocab.size());
  for (size_t t = 0; t < vocab.size(); ++t) {
    m.idf_[t] =
        sentence_frequency[t] == 0
            ? 0.0
            : std::log(static_cast<double>(n + 1) / static_cast<double>(sentence_frequency[t]));
  }
  for (uint32_t i = 0; i < n; ++i) {
    Candidate& c = m.candidates_[i];
    double norm = 0;
    c.tfidf.reserve(counts(i).size());
    for (const auto& [t, k] : counts(i)) {
      const float w = static_cast<float>(k * m.idf_[t]);
      if (w <= 0) continue;
      c.tfidf.emplace_back(t, w);
      norm += static_cast<double>(w) * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& [t, w] : c.tfidf) w = static_cast<float>(w / norm);
    }
  }
  return m;
}

void SentenceModel::UseByteCosts() {
  for (Candidate& c : candidates_) c.cost = c.bytes + 1;
  for (Candidate& c : trims_) c.cost = c.bytes + 1;
}

SentenceModel::Overlap SentenceModel::Compare(size_t a, size_t b) const {
  const auto& x = candidates_[a].tfidf;
  const auto& y = candidates_[b].tfidf;
  Overlap o;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].first == y[j].first) {
      const double wx = x[i].second, wy = y[j].second;
      o.cosine += wx * wy;
      o.mass_a += wx * wx;
      o.mass_b += wy * wy;
      ++o.shared, ++i, ++j;
    } else if (x[i].first < y[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return o;
}

double SentenceModel::CosineWithDense(size_t a, const std::vector<double>& dense,
                                      double dense_norm) const {
  if (dense_norm <= 0) return 0;
  double dot = 0;
  for (const auto& [t, w] : candidates_[a].tfidf) dot += w * dense[t];
  return dot / dense_norm;
}

}  // namespace dossier
