// ROUGE-1.5.5, reproduced; see rouge.h and the conformance README for the
// rules. Each worker thread interns tokens once (lower-cased token -> stem id, which
// also caches the stemmer), then each evaluation renumbers its stems densely, gives
// n-grams and skip-bigrams dense ids through a reusable hash table and counts them
// with arrays, and traces ROUGE-L's LCS paths on bit-parallel LCS columns.
#include "dossier/rouge.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "eval/porter.h"
#include "eval/rouge_unicode.h"
#include "util/strings.h"

namespace dossier::eval {
namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

constexpr uint32_t kDropped = 0xFFFFFFFFu;  // a stopword: not a token

constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool IsTokenChar(char c) {
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
// `kept` is scratch space.
void CutUnits(const std::vector<std::string>& units, const RougeOptions& options,
              std::vector<std::string_view>* kept, std::vector<std::string_view>* ngram_units,
              std::vector<std::string_view>* lcs_units, bool* same) {
  ngram_units->clear();
  lcs_units->clear();
  *same = true;
  kept->clear();
  for (const std::string& u : units) {
    if (!u.empty()) kept->emplace_back(u);
  }
  if (options.word_limit > 0) {
    const size_t limit = static_cast<size_t>(options.word_limit);
    size_t total = 0;
    for (std::string_view u : *kept) {
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
    for (std::string_view u : *kept) {
      if (total + u.size() < limit) {
        ngram_units->push_back(u);
        total += u.size();
      } else {
        ngram_units->push_back(u.substr(0, limit - total));
        break;
      }
    }
    for (std::string_view u : *kept) {
      if (u.size() < limit) {
        lcs_units->push_back(u);
      } else {
        lcs_units->push_back(u.substr(0, limit));
        break;
      }
    }
    *same = false;
  } else {
    std::swap(*ngram_units, *kept);
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

// The lower-case form of each byte that can be part of a token ([A-Za-z0-9]), 0 for the
// bytes that separate tokens.
constexpr std::array<char, 256> kTokenByte = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    if (IsTokenChar(ch)) table[c] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(c + 32) : ch;
  }
  return table;
}();

// FNV-1a, one byte at a time: tokens are short and hashed while they are lower-cased.
constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// Dense ids 0, 1, 2, ... for uint64 keys, in order of first appearance. Open
// addressing, reused from evaluation to evaluation: Clear() resets only the slots
// in use, so a table grown once by a long text costs nothing afterwards.
class KeyIds {
 public:
  void Clear() {
    for (uint32_t slot : used_) keys_[slot] = kEmpty;
    used_.clear();
  }
  uint32_t size() const { return static_cast<uint32_t>(used_.size()); }

  uint32_t Id(uint64_t key) {
    if (2 * (used_.size() + 1) > keys_.size()) Grow();
    const size_t mask = keys_.size() - 1;
    size_t slot = Hash(key) & mask;
    while (keys_[slot] != kEmpty) {
      if (keys_[slot] == key) return ids_[slot];
      slot = (slot + 1) & mask;
    }
    keys_[slot] = key;
    ids_[slot] = size();
    used_.push_back(static_cast<uint32_t>(slot));
    return ids_[slot];
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};  // never a key: keys are < 2^32 * V
  static size_t Hash(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(key ^ (key >> 32));
  }
  void Grow() {
    std::vector<uint64_t> keys(std::max<size_t>(1024, 2 * keys_.size()), kEmpty);
    std::vector<uint32_t> ids(keys.size());
    std::vector<uint32_t> used;
    used.reserve(keys.size() / 2);
    const size_t mask = keys.size() - 1;
    // Re-insert in id order so used[id] stays the slot of key id.
    for (uint32_t old : used_) {
      size_t slot = Hash(keys_[old]) & mask;
      while (keys[slot] != kEmpty) slot = (slot + 1) & mask;
      keys[slot] = keys_[old];
      ids[slot] = ids_[old];
      used.push_back(static_cast<uint32_t>(slot));
    }
    keys_ = std::move(keys);
    ids_ = std::move(ids);
    used_ = std::move(used);
  }

  std::vector<uint64_t> keys_;  // power-of-two size, kEmpty where free
  std::vector<uint32_t> ids_;
  std::vector<uint32_t> used_;  // the slots in use, in id order
};

}  // namespace

struct RougeScorer::Tables {
  StringMap exception_ids;  // exception key -> index into exception_values
  std::vector<std::string> exception_values;
  std::unordered_set<std::string> stopwords;
};

// Per-thread state, kept from one evaluation to the next so that scoring allocates
// nothing once the buffers have grown:
//  - a token interner: lower-cased token -> id of its stem (kDropped for stopwords),
//    so each distinct token is looked up in the stopwords and stemmed once per thread;
//  - a per-evaluation renumbering of the stem ids to 0..V-1 (V: the evaluation's
//    vocabulary), so counts and budgets are small arrays;
//  - n-gram and skip-bigram ids (KeyIds), counted with an array instead of sorting;
//  - the bit-parallel LCS buffers of ROUGE-L.
class RougeScorer::Worker {
 public:
  Worker(const RougeOptions& options, const Tables& tables) : options_(options), tables_(tables) {
    if (options.tokenizer == RougeTokenizer::kUnicode && options.stem) {
      Result<SnowballStemmer> stemmer = SnowballStemmer::Create(options.language);
      if (stemmer.ok()) snowball_.emplace(std::move(*stemmer));  // Create() checked the name
    }
  }

  std::vector<Prf> Score(const std::vector<std::string>& system_units,
                         const std::vector<std::vector<std::string>>& references);

  // The stem ids of `units` as scored by n-gram metrics.
  std::vector<uint32_t> TokenIds(const std::vector<std::string>& units) {
    Text text;
    Read(units, &text);
    return text.tokens;
  }
  const std::string& Spelling(uint32_t id) const { return spellings_[id]; }

 private:
  struct Text {
    std::vector<uint32_t> tokens;      // the whole (cut) text: stem ids, then local ids
    std::vector<uint32_t> lcs_tokens;  // the units for ROUGE-L, when cut differently (-b)
    std::vector<uint32_t> lcs_starts;  // unit u is [lcs_starts[u], lcs_starts[u + 1]) of Lcs()
    bool separate_lcs = false;
    const std::vector<uint32_t>& Lcs() const { return separate_lcs ? lcs_tokens : tokens; }
  };
  // A slot of the token interner; empty when length == 0 (tokens are never empty).
  struct TokenSlot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // into token_bytes_
    uint32_t length = 0;
    uint32_t id = 0;
  };

  uint32_t Intern(std::string_view token, uint64_t hash);
  uint32_t StemId(std::string_view token);
  void Tokenize(std::string_view unit, std::vector<uint32_t>* out);
  void TokenizeUnicode(std::string_view folded, std::vector<uint32_t>* out, size_t* budget);
  void Read(const std::vector<std::string>& units, Text* text);
  void ReadUnicode(const std::vector<std::string>& units, Text* text);
  void Renumber(std::vector<uint32_t>* ids);
  uint64_t ClippedHits(const std::vector<uint32_t>& system, const std::vector<uint32_t>& reference);
  void SkipBigramIds(const std::vector<uint32_t>& tokens, std::vector<uint32_t>* ids);
  uint64_t LcsHits(const Text& reference, const Text& system);
  void MarkLcs(const uint32_t* r, size_t m, const uint32_t* c, size_t n, uint8_t* marks);
  void MarkLcsShort(const uint32_t* r, size_t m, const uint32_t* c, size_t n, uint8_t* marks);

  const RougeOptions& options_;
  const Tables& tables_;

  // Interner: open addressing over the lower-cased token's bytes (in token_bytes_).
  std::vector<TokenSlot> token_slots_;
  std::string token_bytes_;
  size_t token_count_ = 0;
  std::string buffer_;                       // the token being lower-cased
  std::optional<SnowballStemmer> snowball_;  // kUnicode with -m
  StringMap stem_ids_;                       // stem -> id
  std::vector<std::string> spellings_;       // id -> stem

  // Cutting and reading.
  std::vector<std::string_view> kept_units_;
  std::vector<std::string_view> ngram_units_;
  std::vector<std::string_view> lcs_units_;
  std::vector<std::string> folded_units_;  // kUnicode: the units, folded
  std::vector<std::string_view> unicode_tokens_;
  Text system_;
  std::vector<Text> references_;

  // Dense per-evaluation numbering: local_[id] is valid when stamp_[id] == generation_.
  std::vector<uint32_t> local_;
  std::vector<uint32_t> stamp_;
  uint32_t generation_ = 0;
  uint32_t local_count_ = 0;

  // Counting: ids of the n-grams of each text (0: the system), the dictionary giving
  // them, and per-id counts that are all zero between uses.
  std::vector<std::vector<uint32_t>> grams_;
  KeyIds key_ids_;
  std::vector<uint32_t> counts_;

  // ROUGE-L.
  std::vector<uint64_t> match_;    // match_[t * words + w]: bit i set when r[64w + i] == t
  std::vector<uint64_t> columns_;  // the bit-parallel LCS state after each system token
  std::vector<uint8_t> marks_;     // reference positions on some unit pair's LCS path
  std::vector<int64_t> reference_budget_;
  std::vector<int64_t> system_budget_;
};

uint32_t RougeScorer::Worker::Intern(std::string_view token, uint64_t hash) {
  if (2 * (token_count_ + 1) > token_slots_.size()) {
    std::vector<TokenSlot> slots(std::max<size_t>(4096, 2 * token_slots_.size()));
    const size_t mask = slots.size() - 1;
    for (const TokenSlot& s : token_slots_) {
      if (s.length == 0) continue;
      size_t k = s.hash & mask;
      while (slots[k].length != 0) k = (k + 1) & mask;
      slots[k] = s;
    }
    token_slots_ = std::move(slots);
  }
  const size_t mask = token_slots_.size() - 1;
  size_t k = hash & mask;
  while (token_slots_[k].length != 0) {
    const TokenSlot& s = token_slots_[k];
    if (s.hash == hash && s.length == token.size() &&
        std::memcmp(token_bytes_.data() + s.offset, token.data(), token.size()) == 0) {
      return s.id;
    }
    k = (k + 1) & mask;
  }
  TokenSlot& s = token_slots_[k];
  s.hash = hash;
  s.offset = static_cast<uint32_t>(token_bytes_.size());
  s.length = static_cast<uint32_t>(token.size());
  s.id = StemId(token);
  token_bytes_.append(token);
  ++token_count_;
  return s.id;
}

// The first sighting of a token in this worker: stopword check, then stemming.
uint32_t RougeScorer::Worker::StemId(std::string_view token) {
  if (!tables_.stopwords.empty() &&
      tables_.stopwords.find(std::string(token)) != tables_.stopwords.end()) {
    return kDropped;
  }
  std::string stem;
  if (options_.tokenizer == RougeTokenizer::kUnicode) {
    stem = snowball_ ? std::string(snowball_->Stem(token)) : std::string(token);
  } else if (options_.stem && token.size() > 3) {
    auto e = tables_.exception_ids.find(token);
    stem =
        e != tables_.exception_ids.end() ? tables_.exception_values[e->second] : PorterStem(token);
  } else {
    stem = std::string(token);
  }
  auto s = stem_ids_.find(stem);
  if (s != stem_ids_.end()) return s->second;
  const uint32_t id = static_cast<uint32_t>(spellings_.size());
  stem_ids_.emplace(stem, id);
  spellings_.push_back(std::move(stem));
  return id;
}

void RougeScorer::Worker::Tokenize(std::string_view unit, std::vector<uint32_t>* out) {
  if (buffer_.size() < unit.size()) buffer_.resize(unit.size());
  const size_t size = unit.size();
  size_t i = 0;
  while (i < size) {
    char c = kTokenByte[static_cast<unsigned char>(unit[i])];
    if (c == 0) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint64_t hash = kFnvOffset;
    do {
      buffer_[length++] = c;
      hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
      ++i;
    } while (i < size && (c = kTokenByte[static_cast<unsigned char>(unit[i])]) != 0);
    const uint32_t id = Intern(std::string_view(buffer_.data(), length), hash ^ (hash >> 32));
    if (id != kDropped) out->push_back(id);
  }
}

// Interns the Unicode tokens of a folded unit, at most *budget of them (when given).
void RougeScorer::Worker::TokenizeUnicode(std::string_view folded, std::vector<uint32_t>* out,
                                          size_t* budget) {
  UnicodeTokens(folded, &unicode_tokens_);
  for (std::string_view token : unicode_tokens_) {
    if (budget != nullptr) {
      if (*budget == 0) return;
      --*budget;
    }
    uint64_t hash = kFnvOffset;
    for (char c : token) hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
    const uint32_t id = Intern(token, hash ^ (hash >> 32));
    if (id != kDropped) out->push_back(id);
  }
}

// Read() for kUnicode: the units are folded first, then cut by -b on the folded bytes
// (CutUnits, as ROUGE cuts) or by -l on the Unicode tokens.
void RougeScorer::Worker::ReadUnicode(const std::vector<std::string>& units, Text* text) {
  std::vector<std::string>& folded = folded_units_;
  folded.resize(units.size());
  for (size_t u = 0; u < units.size(); ++u) FoldUnicodeUnit(units[u], &folded[u]);
  text->tokens.clear();
  text->lcs_tokens.clear();
  text->lcs_starts.assign(1, 0);
  text->separate_lcs = false;
  if (options_.byte_limit > 0) {
    bool same = true;
    CutUnits(folded, options_, &kept_units_, &ngram_units_, &lcs_units_, &same);
    text->separate_lcs = true;
    for (std::string_view u : ngram_units_)
      TokenizeUnicode(DropCutCharacter(u), &text->tokens, nullptr);
    for (std::string_view u : lcs_units_) {
      TokenizeUnicode(DropCutCharacter(u), &text->lcs_tokens, nullptr);
      text->lcs_starts.push_back(static_cast<uint32_t>(text->lcs_tokens.size()));
    }
    return;
  }
  size_t budget = options_.word_limit > 0 ? static_cast<size_t>(options_.word_limit) : SIZE_MAX;
  for (const std::string& u : folded) {
    if (u.empty()) continue;
    if (budget == 0) break;
    TokenizeUnicode(u, &text->tokens, &budget);
    text->lcs_starts.push_back(static_cast<uint32_t>(text->tokens.size()));
  }
}

void RougeScorer::Worker::Read(const std::vector<std::string>& units, Text* text) {
  if (options_.tokenizer == RougeTokenizer::kUnicode) {
    ReadUnicode(units, text);
    return;
  }
  bool same = true;
  CutUnits(units, options_, &kept_units_, &ngram_units_, &lcs_units_, &same);
  text->tokens.clear();
  text->lcs_tokens.clear();
  text->lcs_starts.assign(1, 0);
  text->separate_lcs = !same;
  for (std::string_view u : ngram_units_) {
    Tokenize(u, &text->tokens);
    if (same) text->lcs_starts.push_back(static_cast<uint32_t>(text->tokens.size()));
  }
  if (same) return;
  for (std::string_view u : lcs_units_) {
    Tokenize(u, &text->lcs_tokens);
    text->lcs_starts.push_back(static_cast<uint32_t>(text->lcs_tokens.size()));
  }
}

void RougeScorer::Worker::Renumber(std::vector<uint32_t>* ids) {
  if (local_.size() < spellings_.size()) {
    local_.resize(spellings_.size(), 0);
    stamp_.resize(spellings_.size(), 0);
  }
  for (uint32_t& id : *ids) {
    if (stamp_[id] != generation_) {
      stamp_[id] = generation_;
      local_[id] = local_count_++;
    }
    id = local_[id];
  }
}

// Sum over distinct ids g of min(count of g in system, count of g in reference).
uint64_t RougeScorer::Worker::ClippedHits(const std::vector<uint32_t>& system,
                                          const std::vector<uint32_t>& reference) {
  uint64_t hits = 0;
  for (uint32_t g : reference) ++counts_[g];
  for (uint32_t g : system) {
    if (counts_[g] != 0) {
      ++hits;
      --counts_[g];
    }
  }
  for (uint32_t g : reference) counts_[g] = 0;
  return hits;
}

// ROUGE-S / ROUGE-SU units of `tokens`: for i < T-1 (never the last token) the unigram
// t_i (with -u), whose id is t_i, and the pairs (t_i, t_j), i < j <= i + gap + 1, whose
// id is V + the key_ids_ id of a * V + b.
void RougeScorer::Worker::SkipBigramIds(const std::vector<uint32_t>& tokens,
                                        std::vector<uint32_t>* ids) {
  const uint64_t vocabulary = std::max<uint64_t>(local_count_, 1);
  ids->clear();
  const size_t size = tokens.size();
  for (size_t i = 0; i + 1 < size; ++i) {
    if (options_.skip_unigrams) ids->push_back(tokens[i]);
    size_t last = size - 1;
    if (options_.skip_gap >= 0) {
      last = std::min(last, i + static_cast<size_t>(options_.skip_gap) + 1);
    }
    const uint64_t row = uint64_t{tokens[i]} * vocabulary;
    for (size_t j = i + 1; j <= last; ++j) {
      ids->push_back(static_cast<uint32_t>(vocabulary) + key_ids_.Id(row + tokens[j]));
    }
  }
}

// Marks the reference positions on ROUGE-1.5.5's LCS path between the reference unit
// r[0..m) and the system unit c[0..n) (README step 9): from (m, n), diagonal when
// r[i-1] == c[j-1], else up when L[i-1][j] >= L[i][j-1], else left.
//
// The table is not stored. Instead, column j (the first j system tokens) is kept as
// a bit vector over the reference positions (Allison-Dix / Hyyro bit-parallel LCS):
// bit i-1 is 0 exactly when L[i][j] = L[i-1][j] + 1. That is all the traceback
// needs: off a match, L[i][j] = max(L[i-1][j], L[i][j-1]) and neighbouring cells
// differ by at most 1, so L[i-1][j] >= L[i][j-1] holds iff L[i-1][j] == L[i][j],
// i.e. iff bit i-1 of column j is 1. The walk stops once L[i][j] is 0, since no
// match (no mark) is left.
void RougeScorer::Worker::MarkLcs(const uint32_t* r, size_t m, const uint32_t* c, size_t n,
                                  uint8_t* marks) {
  if (m <= 64) {
    MarkLcsShort(r, m, c, n, marks);
    return;
  }
  const size_t words = (m + 63) / 64;
  if (columns_.size() < (n + 1) * words) columns_.resize((n + 1) * words);
  uint64_t* column = columns_.data();
  std::fill(column, column + words, ~uint64_t{0});  // column 0: L[i][0] = 0
  for (size_t j = 0; j < n; ++j) {
    const uint64_t* match = match_.data() + size_t{c[j]} * words;
    const uint64_t* previous = column + j * words;
    uint64_t* next = column + (j + 1) * words;
    // next = (V + U) | (V - U), U = V & match, with the carry running across words.
    uint64_t carry = 0;
    for (size_t w = 0; w < words; ++w) {
      const uint64_t v = previous[w];
      const uint64_t u = v & match[w];
      const uint64_t sum = v + u;
      const uint64_t total = sum + carry;
      carry = static_cast<uint64_t>(sum < v) | static_cast<uint64_t>(total < sum);
      next[w] = total | (v & ~u);  // v - u == v & ~u, as u's bits are v's
    }
  }
  // L[m][n]: the zero bits of the last column below m.
  const uint64_t* last = column + n * words;
  size_t length = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t zeros = ~last[w];
    if (w == words - 1 && m % 64 != 0) zeros &= (uint64_t{1} << (m % 64)) - 1;
    length += static_cast<size_t>(std::popcount(zeros));
  }
  size_t i = m;
  size_t j = n;
  while (length != 0) {  // length == L[i][j], so i, j > 0
    if (r[i - 1] == c[j - 1]) {
      --i;
      --j;
      marks[i] = 1;
      --length;
    } else if ((column[j * words + (i - 1) / 64] >> ((i - 1) % 64)) & 1) {
      --i;
    } else {
      --j;
    }
  }
}

// MarkLcs for a reference unit of at most 64 tokens: each column is one word, and the
// walk up a column skips in one step every row that is neither a match nor a place
// where the path must turn left (a 0 bit).
void RougeScorer::Worker::MarkLcsShort(const uint32_t* r, size_t m, const uint32_t* c, size_t n,
                                       uint8_t* marks) {
  if (columns_.size() < n + 1) columns_.resize(n + 1);
  uint64_t* column = columns_.data();
  column[0] = ~uint64_t{0};
  for (size_t j = 0; j < n; ++j) {
    const uint64_t v = column[j];
    const uint64_t u = v & match_[c[j]];
    column[j + 1] = (v + u) | (v & ~u);
  }
  const uint64_t rows = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  size_t length = static_cast<size_t>(std::popcount(~column[n] & rows));
  size_t i = m;
  size_t j = n;
  while (length != 0) {  // length == L[i][j], so i, j > 0
    // Rows i' <= i where the walk up column j stops: a match, or a 0 bit (turn left).
    const uint64_t below = i == 64 ? ~uint64_t{0} : (uint64_t{1} << i) - 1;
    const uint64_t stops = (~column[j] | match_[c[j - 1]]) & below;
    i = static_cast<size_t>(std::bit_width(stops));  // the highest stop, as a row number
    if (r[i - 1] == c[j - 1]) {
      --i;
      --j;
      marks[i] = 1;
      --length;
    } else {
      --j;
    }
  }
}

// Summary-level union LCS of ROUGE-1.5.5 against one reference (see the README, step 9).
uint64_t RougeScorer::Worker::LcsHits(const Text& reference, const Text& system) {
  const size_t vocabulary = local_count_;
  reference_budget_.assign(vocabulary, 0);
  system_budget_.assign(vocabulary, 0);
  for (uint32_t t : reference.tokens) ++reference_budget_[t];
  for (uint32_t t : system.tokens) ++system_budget_[t];
  const std::vector<uint32_t>& reference_tokens = reference.Lcs();
  const std::vector<uint32_t>& system_tokens = system.Lcs();
  marks_.assign(reference_tokens.size(), 0);
  const size_t reference_units = reference.lcs_starts.size() - 1;
  const size_t system_units = system.lcs_starts.size() - 1;
  for (size_t ru = 0; ru < reference_units; ++ru) {
    const uint32_t* r = reference_tokens.data() + reference.lcs_starts[ru];
    const size_t m = reference.lcs_starts[ru + 1] - reference.lcs_starts[ru];
    if (m == 0) continue;
    const size_t words = (m + 63) / 64;
    if (match_.size() < vocabulary * words) match_.resize(vocabulary * words, 0);
    for (size_t i = 0; i < m; ++i) match_[r[i] * words + i / 64] |= uint64_t{1} << (i % 64);
    for (size_t su = 0; su < system_units; ++su) {
      const uint32_t* c = system_tokens.data() + system.lcs_starts[su];
      const size_t n = system.lcs_starts[su + 1] - system.lcs_starts[su];
      if (n != 0) MarkLcs(r, m, c, n, marks_.data() + reference.lcs_starts[ru]);
    }
    for (size_t i = 0; i < m; ++i) match_[r[i] * words + i / 64] = 0;
  }
  // The marked positions in order, while both budgets last.
  uint64_t hits = 0;
  for (size_t p = 0; p < reference_tokens.size(); ++p) {
    if (!marks_[p]) continue;
    const uint32_t t = reference_tokens[p];
    if (reference_budget_[t] > 0 && system_budget_[t] > 0) {
      ++hits;
      --reference_budget_[t];
      --system_budget_[t];
    }
  }
  return hits;
}

std::vector<Prf> RougeScorer::Worker::Score(
    const std::vector<std::string>& system_units,
    const std::vector<std::vector<std::string>>& references) {
  const size_t k_refs = references.size();
  Read(system_units, &system_);
  if (references_.size() < k_refs) references_.resize(k_refs);
  for (size_t k = 0; k < k_refs; ++k) Read(references[k], &references_[k]);

  // Renumber the tokens of this evaluation 0..V-1.
  if (++generation_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
  local_count_ = 0;
  auto renumber = [this](Text* t) {
    Renumber(&t->tokens);
    if (t->separate_lcs) Renumber(&t->lcs_tokens);
  };
  renumber(&system_);
  for (size_t k = 0; k < k_refs; ++k) renumber(&references_[k]);
  const uint64_t vocabulary = std::max<uint64_t>(local_count_, 1);

  // texts[0] is the system, texts[1..k] the references.
  const size_t n_texts = k_refs + 1;
  auto text = [&](size_t t) -> const std::vector<uint32_t>& {
    return t == 0 ? system_.tokens : references_[t - 1].tokens;
  };
  if (grams_.size() < n_texts) grams_.resize(n_texts);
  auto pooled = [&](uint64_t* hits, uint64_t* reference_count) {
    *hits = 0;
    *reference_count = 0;
    for (size_t t = 1; t < n_texts; ++t) {
      *hits += ClippedHits(grams_[0], grams_[t]);
      *reference_count += grams_[t].size();
    }
  };

  std::vector<Prf> out;
  out.reserve(static_cast<size_t>(options_.max_n) + 2);
  const double alpha = options_.alpha;

  // ROUGE-N. grams_[t][p] is the id of the n-gram at position p of text t: the token
  // itself for n = 1, then the key_ids_ id of (id of the (n-1)-gram at p) * V + the
  // n-th token. Equal n-grams, and only they, get equal ids.
  for (int n = 1; n <= options_.max_n; ++n) {
    if (n == 1) {
      for (size_t t = 0; t < n_texts; ++t) grams_[t] = text(t);
      if (counts_.size() < vocabulary) counts_.resize(vocabulary, 0);
    } else {
      key_ids_.Clear();
      for (size_t t = 0; t < n_texts; ++t) {
        const std::vector<uint32_t>& tokens = text(t);
        std::vector<uint32_t>& grams = grams_[t];
        const size_t count = tokens.size() + 1 >= static_cast<size_t>(n)
                                 ? tokens.size() + 1 - static_cast<size_t>(n)
                                 : 0;
        for (size_t p = 0; p < count; ++p) {
          grams[p] = key_ids_.Id(uint64_t{grams[p]} * vocabulary + tokens[p + n - 1]);
        }
        grams.resize(count);
      }
      if (counts_.size() < key_ids_.size()) counts_.resize(key_ids_.size(), 0);
    }
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    pooled(&hits, &reference_count);
    out.push_back(MakePrf(hits, reference_count, k_refs * grams_[0].size(), alpha));
  }

  // ROUGE-L.
  if (options_.rouge_l) {
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    for (size_t k = 0; k < k_refs; ++k) {
      hits += LcsHits(references_[k], system_);
      reference_count += references_[k].Lcs().size();
    }
    out.push_back(MakePrf(hits, reference_count, k_refs * system_.tokens.size(), alpha));
  }

  // ROUGE-S / ROUGE-SU.
  if (options_.skip_bigram) {
    key_ids_.Clear();
    for (size_t t = 0; t < n_texts; ++t) SkipBigramIds(text(t), &grams_[t]);
    const size_t ids = vocabulary + key_ids_.size();
    if (counts_.size() < ids) counts_.resize(ids, 0);
    uint64_t hits = 0;
    uint64_t reference_count = 0;
    pooled(&hits, &reference_count);
    out.push_back(MakePrf(hits, reference_count, k_refs * grams_[0].size(), alpha));
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
    o.official_byte_limit = 665;
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
  if (o.tokenizer == RougeTokenizer::kUnicode) {
    s += " --tokenize unicode";
    if (o.stem) s += " --language " + o.language;
  }
  return s;
}

Result<RougeTokenizer> ParseRougeTokenizer(std::string_view name) {
  if (name == "rouge155") return RougeTokenizer::kRouge155;
  if (name == "unicode") return RougeTokenizer::kUnicode;
  return Status(StatusCode::kInvalidArgument,
                "unknown --tokenize '" + std::string(name) +
                    "' (rouge155: ROUGE-1.5.5's, the default; unicode: words of any language)");
}

std::string_view RougeTokenizerName(RougeTokenizer tokenizer) {
  return tokenizer == RougeTokenizer::kUnicode ? "unicode" : "rouge155";
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
  const bool unicode = options.tokenizer == RougeTokenizer::kUnicode;
  if (unicode) {
    if (options.stem && options.language.empty()) {
      return invalid("--tokenize unicode with -m needs --language, the Snowball stemmer to use: " +
                     SnowballLanguages());
    }
    if (!options.language.empty()) {
      Result<SnowballStemmer> stemmer = SnowballStemmer::Create(options.language);
      if (!stemmer.ok()) return stemmer.status();
    }
  } else if (options.tokenizer != RougeTokenizer::kRouge155) {
    return invalid("unknown ROUGE tokenizer");
  } else if (!options.language.empty()) {
    return invalid(
        "--language applies to --tokenize unicode only (ROUGE-1.5.5's tokenizer, "
        "rouge155, stems English with WordNet and Porter)");
  }
  auto tables = std::make_shared<Tables>();
  if (options.stem && !unicode) {
    Status s =
        LoadExceptions(options.wordnet_dir, &tables->exception_ids, &tables->exception_values);
    if (!s.ok()) return s;
  }
  if (!options.stopwords_file.empty()) {
    Status s = LoadStopwords(options.stopwords_file, &tables->stopwords);
    if (!s.ok()) return s;
    if (unicode) {  // the list folded as the text is
      std::unordered_set<std::string> folded;
      std::string word;
      for (const std::string& w : tables->stopwords) {
        FoldUnicodeUnit(w, &word);
        folded.insert(word);
      }
      tables->stopwords = std::move(folded);
    }
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
        const double u = static_cast<double>(x) * 0x1p-48;  // exact, as ldexp(x, -48)
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

std::string RougeReportJson(const RougeReport& report, bool per_id) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const MetricScore& m : report.metrics) {
    nlohmann::ordered_json j;
    j["r"] = m.average.r;
    j["p"] = m.average.p;
    j["f"] = m.average.f;
    j["r_ci"] = {m.ci_low.r, m.ci_high.r};
    j["p_ci"] = {m.ci_low.p, m.ci_high.p};
    j["f_ci"] = {m.ci_low.f, m.ci_high.f};
    out[AsciiLower(m.name)] = std::move(j);
  }
  if (per_id) {
    nlohmann::ordered_json ids = nlohmann::ordered_json::object();
    for (size_t i = 0; i < report.ids.size(); ++i) {
      nlohmann::ordered_json scores = nlohmann::ordered_json::object();
      for (size_t m = 0; m < report.metrics.size(); ++m) {
        const Prf& s = report.per_id[i][m];
        scores[AsciiLower(report.metrics[m].name)] = {{"r", s.r}, {"p", s.p}, {"f", s.f}};
      }
      ids[report.ids[i]] = std::move(scores);
    }
    out["per_id"] = std::move(ids);
  }
  return out.dump();
}

}  // namespace dossier::eval
