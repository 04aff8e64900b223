// ROUGE-1.5.5, reproduced; see rouge.h and the conformance README for the
// rules. Tokens are interned to integers once per worker thread (raw token ->
// stem id, which also caches the stemmer), then renumbered densely per
// evaluation so n-grams are packed into uint64 keys and counted by sorting.
#include "eval/rouge.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "eval/porter.h"

namespace dossier::eval {
namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

constexpr uint32_t kDropped = 0xFFFFFFFFu;  // a stopword: not a token

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// printf("%.5f") read back as a number, as Perl does with ROUGE's sprintf results.
double Round5(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.5f", v);
  return std::strtod(buffer, nullptr);
}

// ROUGE-1.5.5's per-id triple from pooled counts.
Prf MakePrf(uint64_t hits, uint64_t reference_count, uint64_t system_count, double alpha) {
  Prf s;
  s.r = reference_count != 0
            ? Round5(static_cast<double>(hits) / static_cast<double>(reference_count))
            : 0.0;
  s.p = system_count != 0 ? Round5(static_cast<double>(hits) / static_cast<double>(system_count))
                          : 0.0;
  double denominator = (1 - alpha) * s.p + alpha * s.r;
  s.f = denominator > 0 ? Round5((s.p * s.r) / denominator) : 0.0;
  return s;
}

// Perl's split(/\s+/, unit) fields: a unit starting with white space has an
// empty first field. Returns the length of the prefix holding the first
// `fields` fields, or npos when the unit has fewer.
size_t PrefixOfFields(std::string_view unit, size_t fields) {
  size_t i = 0;
  size_t seen = 0;
  if (!unit.empty() && IsSpace(unit[0])) {
    while (i < unit.size() && IsSpace(unit[i])) ++i;
    if (i == unit.size()) return std::string_view::npos;  // no fields at all
    if (++seen == fields) return 0;
  }
  while (i < unit.size()) {
    while (i < unit.size() && !IsSpace(unit[i])) ++i;
    if (++seen == fields) return i;
    while (i < unit.size() && IsSpace(unit[i])) ++i;
  }
  return std::string_view::npos;
}

size_t CountFields(std::string_view unit) {
  size_t n = 0;
  size_t i = 0;
  if (!unit.empty() && IsSpace(unit[0])) {
    while (i < unit.size() && IsSpace(unit[i])) ++i;
    if (i == unit.size()) return 0;
    ++n;
  }
  while (i < unit.size()) {
    while (i < unit.size() && !IsSpace(unit[i])) ++i;
    ++n;
    while (i < unit.size() && IsSpace(unit[i])) ++i;
  }
  return n;
}

// The parts of `units` ROUGE keeps, for n-grams (readText) and for ROUGE-L
// (readText_LCS). They differ only under -b: ROUGE-1.5.5's readText_LCS never
// adds up the bytes it has kept, so each unit is checked on its own.
void CutUnits(const std::vector<std::string>& units, const RougeOptions& options,
              std::vector<std::string_view>* ngram_units, std::vector<std::string_view>* lcs_units,
              bool* same) {
  ngram_units->clear();
  lcs_units->clear();
  *same = true;
  std::vector<std::string_view> kept;
  for (const std::string& u : units) {
    if (!u.empty()) kept.emplace_back(u);
  }
  if (options.word_limit > 0) {
    const size_t limit = static_cast<size_t>(options.word_limit);
    size_t total = 0;
    for (std::string_view u : kept) {
      size_t n = CountFields(u);
      if (total + n < limit) {
        ngram_units->push_back(u);
        total += n;
      } else {
        size_t end = PrefixOfFields(u, limit - total);
        ngram_units->push_back(end == std::string_view::npos ? u : u.substr(0, end));
        break;
      }
    }
  } else if (options.byte_limit > 0) {
    const size_t limit = static_cast<size_t>(options.byte_limit);
    size_t total = 0;
    for (std::string_view u : kept) {
      if (total + u.size() < limit) {
        ngram_units->push_back(u);
        total += u.size();
      } else {
        ngram_units->push_back(u.substr(0, limit - total));
        break;
      }
    }
    for (std::string_view u : kept) {
      if (u.size() < limit) {
        lcs_units->push_back(u);
      } else {
        lcs_units->push_back(u.substr(0, limit));
        break;
      }
    }
    *same = false;
  } else {
    *ngram_units = std::move(kept);
  }
}

Status LoadExceptions(const std::string& dir, StringMap* ids, std::vector<std::string>* values) {
  // Later files and lines replace earlier ones: adv's better -> well wins over adj's good.
  for (const char* name : {"adj.exc", "adv.exc", "noun.exc", "verb.exc"}) {
    std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return Status(StatusCode::kNotFound,
                    "stemming (ROUGE -m) needs WordNet's exception lists, and this file cannot be "
                    "read; install the Debian package wordnet-base (apt-get install wordnet-base) "
                    "or point the WordNet folder option (--wordnet DIR) at a folder holding "
                    "adj.exc, adv.exc, noun.exc and verb.exc",
                    path);
    }
    std::string line;
    while (std::getline(in, line)) {
      std::string_view rest(line);
      auto next_field = [&rest]() {
        size_t b = 0;
        while (b < rest.size() && IsSpace(rest[b])) ++b;
        size_t e = b;
        while (e < rest.size() && !IsSpace(rest[e])) ++e;
        std::string_view field = rest.substr(b, e - b);
        rest.remove_prefix(e);
        return field;
      };
      std::string_view key = next_field();
      std::string_view value = next_field();
      if (key.empty() || value.empty()) continue;
      auto it = ids->find(key);
      if (it != ids->end()) {
        (*values)[it->second] = std::string(value);
      } else {
        ids->emplace(std::string(key), static_cast<uint32_t>(values->size()));
        values->emplace_back(value);
      }
    }
    if (in.bad()) {
      return Status(StatusCode::kIoError, "cannot read the WordNet exception list", path);
    }
  }
  return Status::Ok();
}

Status LoadStopwords(const std::string& path, std::unordered_set<std::string>* words) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(StatusCode::kNotFound, "cannot read the stopword list (ROUGE -s)", path);
  }
  std::string line;
  while (std::getline(in, line)) {
    size_t b = 0;
    size_t e = line.size();
    while (b < e && IsSpace(line[b])) ++b;
    while (e > b && IsSpace(line[e - 1])) --e;
    if (b == e) continue;
    std::string word = line.substr(b, e - b);
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    words->insert(std::move(word));
  }
  if (in.bad()) return Status(StatusCode::kIoError, "cannot read the stopword list", path);
  return Status::Ok();
}

// Counts min(count in a, count in b) over the distinct keys of two sorted lists.
uint64_t ClippedHits(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  uint64_t hits = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      uint64_t key = a[i];
      uint64_t na = 0;
      uint64_t nb = 0;
      while (i < a.size() && a[i] == key) ++i, ++na;
      while (j < b.size() && b[j] == key) ++j, ++nb;
      hits += std::min(na, nb);
    }
  }
  return hits;
}

}  // namespace

struct RougeScorer::Tables {
  StringMap exception_ids;  // exception key -> index into exception_values
  std::vector<std::string> exception_values;
  std::unordered_set<std::string> stopwords;
};

// Per-thread scratch: the token interner (with its stem cache) and buffers.
class RougeScorer::Worker {
 public:
  Worker(const RougeOptions& options, const Tables& tables) : options_(options), tables_(tables) {}

  std::vector<Prf> Score(const std::vector<std::string>& system_units,
                         const std::vector<std::vector<std::string>>& references);

  // The token ids of `units` as scored by n-gram metrics.
  std::vector<uint32_t> TokenIds(const std::vector<std::string>& units) {
    Text text;
    Read(units, &text);
    return text.tokens;
  }
  const std::string& Spelling(uint32_t id) const { return spellings_[id]; }

 private:
  struct Text {
    std::vector<uint32_t> tokens;      // the whole (cut) text, global ids, then local ids
    std::vector<uint32_t> lcs_tokens;  // the units for ROUGE-L, concatenated
    std::vector<uint32_t> lcs_starts;  // unit u is [lcs_starts[u], lcs_starts[u + 1])
  };

  uint32_t Intern(std::string_view raw);
  void Tokenize(std::string_view unit, std::vector<uint32_t>* out);
  void Read(const std::vector<std::string>& units, Text* text);
  uint32_t Local(uint32_t id);
  uint64_t LcsHits(const Text& reference, const Text& system);

  const RougeOptions& options_;
  const Tables& tables_;
  StringMap raw_ids_;                   // lower-cased token -> id of its stem (kDropped: stopword)
  StringMap stem_ids_;                  // stem -> id
  std::vector<std::string> spellings_;  // id -> stem
  // Dense per-evaluation numbering: local_[id] is valid when stamp_[id] == generation_.
  std::vector<uint32_t> local_;
  std::vector<uint32_t> stamp_;
  uint32_t generation_ = 0;
  uint32_t local_count_ = 0;
  std::vector<int32_t> table_;  // LCS lengths
  std::vector<uint8_t> marks_;
  std::vector<int64_t> reference_budget_;
  std::vector<int64_t> system_budget_;
  std::string buffer_;
};

uint32_t RougeScorer::Worker::Intern(std::string_view raw) {
  auto it = raw_ids_.find(raw);
  if (it != raw_ids_.end()) return it->second;
  uint32_t id = kDropped;
  if (tables_.stopwords.find(std::string(raw)) == tables_.stopwords.end()) {
    std::string stem;
    if (options_.stem && raw.size() > 3) {
      auto e = tables_.exception_ids.find(raw);
      stem =
          e != tables_.exception_ids.end() ? tables_.exception_values[e->second] : PorterStem(raw);
    } else {
      stem = std::string(raw);
    }
    auto s = stem_ids_.find(stem);
    if (s != stem_ids_.end()) {
      id = s->second;
    } else {
      id = static_cast<uint32_t>(spellings_.size());
      stem_ids_.emplace(stem, id);
      spellings_.push_back(std::move(stem));
    }
  }
  raw_ids_.emplace(std::string(raw), id);
  return id;
}

void RougeScorer::Worker::Tokenize(std::string_view unit, std::vector<uint32_t>* out) {
  size_t i = 0;
  while (i < unit.size()) {
    while (i < unit.size() && !IsTokenChar(unit[i])) ++i;
    if (i == unit.size()) break;
    buffer_.clear();
    while (i < unit.size() && IsTokenChar(unit[i])) {
      char c = unit[i++];
      buffer_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    uint32_t id = Intern(buffer_);
    if (id != kDropped) out->push_back(id);
  }
}

void RougeScorer::Worker::Read(const std::vector<std::string>& units, Text* text) {
  std::vector<std::string_view> ngram_units;
  std::vector<std::string_view> lcs_units;
  bool same = true;
  CutUnits(units, options_, &ngram_units, &lcs_units, &same);
  text->tokens.clear();
  text->lcs_tokens.clear();
  text->lcs_starts.assign(1, 0);
  for (std::string_view u : ngram_units) {
    Tokenize(u, &text->tokens);
    if (same) text->lcs_starts.push_back(static_cast<uint32_t>(text->tokens.size()));
  }
  if (same) {
    if (options_.rouge_l) text->lcs_tokens = text->tokens;
    return;
  }
  for (std::string_view u : lcs_units) {
    Tokenize(u, &text->lcs_tokens);
    text->lcs_starts.push_back(static_cast<uint32_t>(text->lcs_tokens.size()));
  }
}

uint32_t RougeScorer::Worker::Local(uint32_t id) {
  if (id >= local_.size()) {
    local_.resize(spellings_.size(), 0);
    stamp_.resize(spellings_.size(), 0);
  }
  if (stamp_[id] != generation_) {
    stamp_[id] = generation_;
    local_[id] = local_count_++;
  }
  return local_[id];
}

// Summary-level union LCS of ROUGE-1.5.5 against one reference (see the README, step 9).
uint64_t RougeScorer::Worker::LcsHits(const Text& reference, const Text& system) {
  const size_t vocabulary = local_count_;
  reference_budget_.assign(vocabulary, 0);
  system_budget_.assign(vocabulary, 0);
  for (uint32_t t : reference.tokens) ++reference_budget_[t];
  for (uint32_t t : system.tokens) ++system_budget_[t];
  uint64_t hits = 0;
  const size_t reference_units = reference.lcs_starts.size() - 1;
  const size_t system_units = system.lcs_starts.size() - 1;
  for (size_t ru = 0; ru < reference_units; ++ru) {
    const uint32_t* r = reference.lcs_tokens.data() + reference.lcs_starts[ru];
    const size_t m = reference.lcs_starts[ru + 1] - reference.lcs_starts[ru];
    if (m == 0) continue;
    marks_.assign(m, 0);
    for (size_t su = 0; su < system_units; ++su) {
      const uint32_t* c = system.lcs_tokens.data() + system.lcs_starts[su];
      const size_t n = system.lcs_starts[su + 1] - system.lcs_starts[su];
      if (n == 0) continue;
      const size_t width = n + 1;
      if (table_.size() < (m + 1) * width) table_.resize((m + 1) * width);
      std::fill(table_.begin(), table_.begin() + static_cast<std::ptrdiff_t>(width), 0);
      for (size_t i = 1; i <= m; ++i) table_[i * width] = 0;
      for (size_t i = 1; i <= m; ++i) {
        int32_t* row = table_.data() + i * width;
        const int32_t* up = row - width;
        const uint32_t ri = r[i - 1];
        for (size_t j = 1; j <= n; ++j) {
          if (ri == c[j - 1]) {
            row[j] = up[j - 1] + 1;
          } else {
            row[j] = up[j] >= row[j - 1] ? up[j] : row[j - 1];
          }
        }
      }
      // Trace back from (m, n): diagonal on a match, else up when L[i-1][j] >= L[i][j-1].
      size_t i = m;
      size_t j = n;
      while (i != 0 && j != 0) {
        if (r[i - 1] == c[j - 1]) {
          --i;
          --j;
          marks_[i] = 1;
        } else if (table_[(i - 1) * width + j] >= table_[i * width + j - 1]) {
          --i;
        } else {
          --j;
        }
      }
    }
    for (size_t i = 0; i < m; ++i) {
      if (!marks_[i]) continue;
      uint32_t t = r[i];
      if (reference_budget_[t] > 0 && system_budget_[t] > 0) {
        ++hits;
        --reference_budget_[t];
        --system_budget_[t];
      }
    }
  }
  return hits;
}

std::vector<Prf> RougeScorer::Worker::Score(
    const std::vector<std::string>& system_units,
    const std::vector<std::vector<std::string>>& references) {
  Text system;
  Read(system_units, &system);
  std::vector<Text> refs(references.size());
  for (size_t k = 0; k < references.size(); ++k) Read(references[k], &refs[k]);

  // Renumber the tokens of this evaluation 0..V-1.
  if (++generation_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
  local_count_ = 0;
  auto renumber = [this](Text* t) {
    for (uint32_t& id : t->tokens) id = Local(id);
    for (uint32_t& id : t->lcs_tokens) id = Local(id);
  };
  renumber(&system);
  for (Text& t : refs) renumber(&t);
  const uint64_t vocabulary = std::max<uint64_t>(local_count_, 1);

  std::vector<Prf> out;
  const double alpha = options_.alpha;
  const size_t k_refs = refs.size();

  // ROUGE-N. ids[t][p] is the dense id of the (n-1)-gram at position p of text t
  // (t = 0 is the system); an n-gram's key is id * V + next token.
  std::vector<const std::vector<uint32_t>*> texts;
  texts.push_back(&system.tokens);
  for (const Text& t : refs) texts.push_back(&t.tokens);
  std::vector<std::vector<uint64_t>> ids(texts.size());
  std::vector<std::vector<uint64_t>> keys(texts.size());
  std::vector<std::vector<uint64_t>> sorted(texts.size());
  for (size_t t = 0; t < texts.size(); ++t) ids[t].assign(texts[t]->begin(), texts[t]->end());
  for (int n = 1; n <= options_.max_n; ++n) {
    for (size_t t = 0; t < texts.size(); ++t) {
      const std::vector<uint32_t>& tokens = *texts[t];
      const size_t count = tokens.size() + 1 >= static_cast<size_t>(n)
                               ? tokens.size() + 1 - static_cast<size_t>(n)
                               : 0;
      keys[t].resize(count);
      for (size_t p = 0; p < count; ++p) {
        keys[t][p] = n == 1 ? tokens[p] : ids[t][p] * vocabulary + tokens[p + n - 1];
      }
      sorted[t] = keys[t];
      std::sort(sorted[t].begin(), sorted[t].end());
    }
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    for (size_t t = 1; t < texts.size(); ++t) {
      hits += ClippedHits(sorted[0], sorted[t]);
      reference_count += sorted[t].size();
    }
    out.push_back(MakePrf(hits, reference_count, k_refs * sorted[0].size(), alpha));
    if (n < options_.max_n && n > 1) {
      // Dense ids of the n-grams, for the (n+1)-gram keys.
      std::vector<uint64_t> dictionary;
      for (const auto& s : sorted) dictionary.insert(dictionary.end(), s.begin(), s.end());
      std::sort(dictionary.begin(), dictionary.end());
      dictionary.erase(std::unique(dictionary.begin(), dictionary.end()), dictionary.end());
      for (size_t t = 0; t < texts.size(); ++t) {
        ids[t].resize(keys[t].size());
        for (size_t p = 0; p < keys[t].size(); ++p) {
          ids[t][p] = static_cast<uint64_t>(
              std::lower_bound(dictionary.begin(), dictionary.end(), keys[t][p]) -
              dictionary.begin());
        }
      }
    }
  }

  // ROUGE-L.
  if (options_.rouge_l) {
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    for (const Text& ref : refs) {
      hits += LcsHits(ref, system);
      reference_count += ref.lcs_tokens.size();
    }
    out.push_back(MakePrf(hits, reference_count, k_refs * system.tokens.size(), alpha));
  }

  // ROUGE-S / ROUGE-SU: for i < T-1 (never the last token) the unigram (with -u) and
  // the pairs (t_i, t_j), i < j <= i + gap + 1.
  if (options_.skip_bigram) {
    auto skip_keys = [&](const std::vector<uint32_t>& tokens, std::vector<uint64_t>* k) {
      k->clear();
      const size_t size = tokens.size();
      for (size_t i = 0; i + 1 < size; ++i) {
        if (options_.skip_unigrams) k->push_back(tokens[i]);
        size_t last = size - 1;
        if (options_.skip_gap >= 0) {
          last = std::min(last, i + static_cast<size_t>(options_.skip_gap) + 1);
        }
        for (size_t j = i + 1; j <= last; ++j) {
          k->push_back(vocabulary + uint64_t{tokens[i]} * vocabulary + tokens[j]);
        }
      }
      std::sort(k->begin(), k->end());
    };
    skip_keys(system.tokens, &sorted[0]);
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    for (size_t t = 1; t < texts.size(); ++t) {
      skip_keys(*texts[t], &sorted[t]);
      hits += ClippedHits(sorted[0], sorted[t]);
      reference_count += sorted[t].size();
    }
    out.push_back(MakePrf(hits, reference_count, k_refs * sorted[0].size(), alpha));
  }
  return out;
}

Result<RougeOptions> ProtocolOptions(std::string_view name) {
  RougeOptions o;
  o.alpha = 0.5;
  o.confidence = 95;
  o.bootstrap_samples = 1000;
  o.stem = true;
  if (name == "multinews") {
    o.max_n = 2;
    o.skip_bigram = true;
    o.skip_gap = 4;
    o.skip_unigrams = true;
    o.rouge_l = true;
    o.word_limit = 300;
    return o;
  }
  if (name == "duc2004") {
    o.max_n = 4;
    o.skip_bigram = false;
    o.rouge_l = false;
    o.word_limit = 100;
    return o;
  }
  return Status(StatusCode::kInvalidArgument,
                "unknown ROUGE protocol '" + std::string(name) + "' (known: multinews, duc2004)");
}

std::string RougeFlags(const RougeOptions& o) {
  char alpha[32];
  char confidence[32];
  std::snprintf(alpha, sizeof(alpha), "%g", o.alpha);
  std::snprintf(confidence, sizeof(confidence), "%g", o.confidence);
  std::string s = "-c " + std::string(confidence) + " -r " + std::to_string(o.bootstrap_samples);
  if (o.max_n > 0) s += " -n " + std::to_string(o.max_n);
  if (o.skip_bigram) {
    s += " -2 " + std::to_string(o.skip_gap < 0 ? -1 : o.skip_gap);
    if (o.skip_unigrams) s += " -u";
  }
  if (o.stem) s += " -m";
  if (!o.stopwords_file.empty()) s += " -s";
  if (o.word_limit > 0) s += " -l " + std::to_string(o.word_limit);
  if (o.byte_limit > 0) s += " -b " + std::to_string(o.byte_limit);
  if (!o.rouge_l) s += " -x";
  s += " -f A -p " + std::string(alpha) + " -t 0";
  return s;
}

std::vector<std::string> SplitUnits(std::string_view summary) {
  std::vector<std::string> units;
  size_t start = 0;
  while (start <= summary.size()) {
    size_t end = summary.find('\n', start);
    if (end == std::string_view::npos) end = summary.size();
    if (end > start) units.emplace_back(summary.substr(start, end - start));
    start = end + 1;
  }
  return units;
}

Result<RougeScorer> RougeScorer::Create(const RougeOptions& options) {
  auto invalid = [](const std::string& message) {
    return Status(StatusCode::kInvalidArgument, message);
  };
  if (options.max_n < 0 || options.max_n > 9) return invalid("ROUGE -n must be in 0..9");
  if (options.word_limit < 0 || options.byte_limit < 0) {
    return invalid("ROUGE -l and -b must not be negative");
  }
  if (options.word_limit > 0 && options.byte_limit > 0) {
    return invalid("ROUGE takes either a word limit (-l) or a byte limit (-b), not both");
  }
  if (!(options.alpha >= 0 && options.alpha <= 1)) return invalid("ROUGE -p must be in [0, 1]");
  if (!(options.confidence > 0 && options.confidence <= 100)) {
    return invalid("ROUGE -c must be in (0, 100]");
  }
  if (options.bootstrap_samples < 1) return invalid("ROUGE -r must be at least 1");
  if (options.jobs < 0) return invalid("jobs must not be negative");
  if (options.max_n == 0 && !options.rouge_l && !options.skip_bigram) {
    return invalid("no ROUGE metric selected");
  }
  auto tables = std::make_shared<Tables>();
  if (options.stem) {
    Status s =
        LoadExceptions(options.wordnet_dir, &tables->exception_ids, &tables->exception_values);
    if (!s.ok()) return s;
  }
  if (!options.stopwords_file.empty()) {
    Status s = LoadStopwords(options.stopwords_file, &tables->stopwords);
    if (!s.ok()) return s;
  }
  auto names = std::make_shared<std::vector<std::string>>();
  for (int n = 1; n <= options.max_n; ++n) names->push_back("ROUGE-" + std::to_string(n));
  if (options.rouge_l) names->push_back("ROUGE-L");
  if (options.skip_bigram) {
    std::string gap = options.skip_gap < 0 ? "*" : std::to_string(options.skip_gap);
    names->push_back((options.skip_unigrams ? "ROUGE-SU" : "ROUGE-S") + gap);
  }
  RougeScorer scorer;
  scorer.options_ = std::make_shared<const RougeOptions>(options);
  scorer.metric_names_ = std::move(names);
  scorer.tables_ = std::move(tables);
  return scorer;
}

std::vector<Prf> RougeScorer::ScoreOne(
    const std::vector<std::string>& system_units,
    const std::vector<std::vector<std::string>>& references) const {
  Worker worker(*options_, *tables_);
  return worker.Score(system_units, references);
}

std::vector<std::string> RougeScorer::Tokens(const std::vector<std::string>& units) const {
  Worker worker(*options_, *tables_);
  std::vector<std::string> out;
  for (uint32_t id : worker.TokenIds(units)) out.push_back(worker.Spelling(id));
  return out;
}

Result<RougeReport> RougeScorer::Score(const std::vector<RougeItem>& items) const {
  const size_t n_items = items.size();
  {
    std::unordered_set<std::string_view> seen;
    for (const RougeItem& item : items) {
      if (!seen.insert(item.id).second) {
        return Status(StatusCode::kInvalidInput, "duplicate ROUGE evaluation id '" + item.id + "'");
      }
    }
  }
  RougeReport report;
  report.ids.reserve(n_items);
  for (const RougeItem& item : items) report.ids.push_back(item.id);
  report.per_id.resize(n_items);

  size_t jobs = options_->jobs == 0 ? std::max(1u, std::thread::hardware_concurrency())
                                    : static_cast<size_t>(options_->jobs);
  jobs = std::max<size_t>(1, std::min(jobs, n_items));
  auto run = [&](size_t begin, size_t end) {
    Worker worker(*options_, *tables_);
    for (size_t i = begin; i < end; ++i) {
      report.per_id[i] = worker.Score(items[i].system_units, items[i].references);
    }
  };
  if (jobs <= 1) {
    run(0, n_items);
  } else {
    std::vector<std::thread> threads;
    const size_t chunk = (n_items + jobs - 1) / jobs;
    for (size_t begin = 0; begin < n_items; begin += chunk) {
      threads.emplace_back(run, begin, std::min(n_items, begin + chunk));
    }
    for (std::thread& t : threads) t.join();
  }

  // Bootstrap (README step 12). Columns: metric-major, then R, P, F.
  const size_t n_metrics = metric_names_->size();
  const size_t columns = n_metrics * 3;
  std::vector<size_t> order(n_items);
  std::iota(order.begin(), order.end(), 0);
  {
    std::vector<std::string> keys(n_items);
    for (size_t i = 0; i < n_items; ++i) keys[i] = items[i].id + ".P";
    std::sort(order.begin(), order.end(),
              [&keys](size_t a, size_t b) { return keys[a] < keys[b]; });
  }
  std::vector<double> values(n_items * columns);
  for (size_t row = 0; row < n_items; ++row) {
    const std::vector<Prf>& prf = report.per_id[order[row]];
    for (size_t m = 0; m < n_metrics; ++m) {
      values[row * columns + 3 * m] = prf[m].r;
      values[row * columns + 3 * m + 1] = prf[m].p;
      values[row * columns + 3 * m + 2] = prf[m].f;
    }
  }
  const size_t samples = static_cast<size_t>(options_->bootstrap_samples);
  std::vector<double> means(columns * samples, 0.0);  // means[c * samples + s]
  if (n_items > 0) {
    const double n_double = static_cast<double>(n_items);
    std::vector<double> sums(columns);
    for (size_t s = 0; s < samples; ++s) {
      // Perl's srand(s) then rand(N): drand48 with state (s << 16) + 0x330E.
      uint64_t x = (static_cast<uint64_t>(s) << 16) + 0x330E;
      std::fill(sums.begin(), sums.end(), 0.0);
      for (size_t k = 0; k < n_items; ++k) {
        x = (x * 0x5DEECE66DULL + 0xB) & ((uint64_t{1} << 48) - 1);
        double u = std::ldexp(static_cast<double>(x), -48);
        size_t index = static_cast<size_t>(n_double * u);
        if (index >= n_items) index = n_items - 1;
        const double* row = values.data() + index * columns;
        for (size_t c = 0; c < columns; ++c) sums[c] += row[c];
      }
      for (size_t c = 0; c < columns; ++c) means[c * samples + s] = sums[c] / n_double;
    }
  }
  const double r = static_cast<double>(samples);
  const double d = r * (100 - options_->confidence) / 200;
  const double u_floor = std::floor(r - d - 1);
  const double frac = r - d - 1 - u_floor;
  auto at = [samples](const double* a, double index) {
    size_t i = index < 0 ? 0 : static_cast<size_t>(index);
    return a[std::min(i, samples - 1)];
  };
  auto interpolate = [&](const double* a, double base) {
    double lo = at(a, base);
    double hi = at(a, base + 1);
    return lo + (hi - lo) * frac;
  };
  for (size_t m = 0; m < n_metrics; ++m) {
    MetricScore score;
    score.name = (*metric_names_)[m];
    double* fields_avg[3] = {&score.average.r, &score.average.p, &score.average.f};
    double* fields_low[3] = {&score.ci_low.r, &score.ci_low.p, &score.ci_low.f};
    double* fields_high[3] = {&score.ci_high.r, &score.ci_high.p, &score.ci_high.f};
    double* fields_mean[3] = {&score.plain_mean.r, &score.plain_mean.p, &score.plain_mean.f};
    for (size_t k = 0; k < 3; ++k) {
      const size_t c = 3 * m + k;
      double* a = means.data() + c * samples;
      std::sort(a, a + samples);
      double total = 0;
      for (size_t s = 0; s < samples; ++s) total += a[s];
      double plain = 0;
      for (size_t row = 0; row < n_items; ++row) plain += values[row * columns + c];
      if (n_items == 0) {
        *fields_avg[k] = *fields_low[k] = *fields_high[k] = *fields_mean[k] = 0;
        continue;
      }
      *fields_avg[k] = Round5(total / r);
      *fields_low[k] = Round5(interpolate(a, std::floor(d)));
      *fields_high[k] = Round5(interpolate(a, u_floor));
      *fields_mean[k] = plain / static_cast<double>(n_items);
    }
    report.metrics.push_back(std::move(score));
  }
  return report;
}

}  // namespace dossier::eval
