// The article extraction benchmark's metric; see extraction_score.h for the
// rules. Tokens are interned per page, shingles are packed into fixed-size keys,
// and the two shingle lists are sorted and merged to count the shared ones.
#include "dossier/extraction_score.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dossier/files.h"

namespace dossier::eval {
namespace {

constexpr bool IsAsciiWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Decodes the well-formed UTF-8 sequence at s[*i] and advances *i past it;
// returns 0xFFFFFFFF (and advances one byte) on an ill-formed byte.
char32_t DecodeUtf8(std::string_view s, size_t* i) {
  constexpr char32_t kBad = 0xFFFFFFFF;
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(*i);
  int len = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    ++*i;
    return b0;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    ++*i;
    return kBad;
  }
  if (*i + len > s.size()) {
    ++*i;
    return kBad;
  }
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(*i + k);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return kBad;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++*i;
    return kBad;
  }
  *i += len;
  return c;
}

struct ViewHash {
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A shingle: its length (1..4 tokens) and its token ids, unused ids 0.
using Shingle = std::array<uint32_t, 5>;

std::vector<Shingle> Shingles(const std::vector<uint32_t>& ids) {
  constexpr size_t kN = 4;
  std::vector<Shingle> out;
  if (ids.empty()) return out;
  if (ids.size() < kN) {
    Shingle s{};
    s[0] = static_cast<uint32_t>(ids.size());
    std::copy(ids.begin(), ids.end(), s.begin() + 1);
    out.push_back(s);
    return out;
  }
  out.reserve(ids.size() - kN + 1);
  for (size_t i = 0; i + kN <= ids.size(); ++i) {
    out.push_back({kN, ids[i], ids[i + 1], ids[i + 2], ids[i + 3]});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// statistics.mean: the sum is exact in Python; long double keeps the error
// far below a double's last digit for the sizes seen here.
double Mean(long double sum, size_t n) {
  return n == 0 ? 0.0 : static_cast<double>(sum / static_cast<long double>(n));
}

// evaluate.py's expression, in its order of operations.
double F1Of(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

// statistics.stdev: the sample standard deviation.
double SampleStd(const std::vector<double>& values) {
  if (values.size() < 2) return 0.0;
  long double sum = 0;
  for (double v : values) sum += v;
  const long double mean = sum / static_cast<long double>(values.size());
  long double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return static_cast<double>(std::sqrt(squares / static_cast<long double>(values.size() - 1)));
}

// The four metrics of one (re)sample; `index(k)` is the k-th page drawn.
template <typename Index>
std::array<double, 4> Metrics(const std::vector<PageScore>& pages,
                              const std::vector<double>& precision,
                              const std::vector<double>& recall, size_t n, Index index) {
  long double p_sum = 0, r_sum = 0, exact = 0;
  size_t p_count = 0, r_count = 0;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = index(k);
    if (pages[i].HasPrecision()) p_sum += precision[i], ++p_count;
    if (pages[i].HasRecall()) r_sum += recall[i], ++r_count;
    exact += pages[i].exact ? 1 : 0;
  }
  const double p = Mean(p_sum, p_count);
  const double r = Mean(r_sum, r_count);
  return {F1Of(p, r), p, r, Mean(exact, n)};
}

Status Invalid(const std::string& name, const std::string& message) {
  return Status(StatusCode::kInvalidInput, message, name);
}

}  // namespace

bool IsBenchmarkWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiWordChar(static_cast<unsigned char>(c));
  if (c > 0x10FFFF) return false;
  const auto cp = static_cast<UChar32>(c);
  return u_isalpha(cp) || u_getIntPropertyValue(cp, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

std::vector<std::string_view> BenchmarkTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t start = std::string_view::npos;  // of the current token
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = i;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    bool word;
    if (b < 0x80) {
      word = IsAsciiWordChar(b);
      ++i;
    } else {
      word = IsBenchmarkWordChar(DecodeUtf8(text, &i));
    }
    if (word && start == std::string_view::npos) {
      start = at;
    } else if (!word && start != std::string_view::npos) {
      tokens.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

double PageScore::Precision() const {
  if (fp_share == 0 && fn_share == 0) return 1.0;
  if (tp_share == 0 && fp_share == 0) return 0.0;
  return tp_share / (tp_share + fp_share);
}

double PageScore::Recall() const {
  if (fp_share == 0 && fn_share == 0) return 1.0;
  if (tp_share == 0 && fn_share == 0) return 0.0;
  return tp_share / (tp_share + fn_share);
}

double PageScore::F1() const {
  return F1Of(HasPrecision() ? Precision() : 0.0, HasRecall() ? Recall() : 0.0);
}

PageScore ScorePage(std::string_view truth, std::string_view predicted) {
  const std::vector<std::string_view> truth_tokens = BenchmarkTokens(truth);
  const std::vector<std::string_view> predicted_tokens = BenchmarkTokens(predicted);
  std::unordered_map<std::string_view, uint32_t, ViewHash> interned;
  interned.reserve(truth_tokens.size() + predicted_tokens.size());
  const auto ids_of = [&](const std::vector<std::string_view>& tokens) {
    std::vector<uint32_t> ids;
    ids.reserve(tokens.size());
    for (std::string_view t : tokens) {
      ids.push_back(interned.emplace(t, static_cast<uint32_t>(interned.size())).first->second);
    }
    return ids;
  };
  const std::vector<uint32_t> truth_ids = ids_of(truth_tokens);
  const std::vector<uint32_t> predicted_ids = ids_of(predicted_tokens);

  PageScore score;
  score.truth_tokens = truth_ids.size();
  score.predicted_tokens = predicted_ids.size();
  score.exact = truth_ids == predicted_ids;
  const std::vector<Shingle> a = Shingles(truth_ids);
  const std::vector<Shingle> b = Shingles(predicted_ids);
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    const Shingle& key = (j == b.size() || (i < a.size() && a[i] < b[j])) ? a[i] : b[j];
    uint64_t in_truth = 0, in_predicted = 0;
    while (i < a.size() && a[i] == key) ++in_truth, ++i;
    while (j < b.size() && b[j] == key) ++in_predicted, ++j;
    score.tp += std::min(in_truth, in_predicted);
    if (in_predicted > in_truth) score.fp += in_predicted - in_truth;
    if (in_truth > in_predicted) score.fn += in_truth - in_predicted;
  }
  const double total =
      static_cast<double>(score.tp) + static_cast<double>(score.fp) + static_cast<double>(score.fn);
  if (total > 0) {
    score.tp_share = static_cast<double>(score.tp) / total;
    score.fp_share = static_cast<double>(score.fp) / total;
    score.fn_share = static_cast<double>(score.fn) / total;
  }
  return score;
}

ExtractionScores AggregateScores(const std::vector<PageScore>& pages,
                                 const BootstrapOptions& options) {
  ExtractionScores out;
  out.pages = pages.size();
  if (pages.empty()) return out;
  std::vector<double> precision(pages.size()), recall(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    precision[i] = pages[i].Precision();
    recall[i] = pages[i].Recall();
  }
  const size_t n = pages.size();
  const std::array<double, 4> all =
      Metrics(pages, precision, recall, n, [](size_t k) { return k; });
  out.f1.value = all[0];
  out.precision.value = all[1];
  out.recall.value = all[2];
  out.accuracy.value = all[3];
  if (options.samples < 2 || n > 0xFFFFFFFFu) return out;

  PythonRandom random(options.seed);
  std::array<std::vector<double>, 4> values;
  for (auto& v : values) v.reserve(static_cast<size_t>(options.samples));
  std::vector<uint32_t> drawn(n);
  for (int s = 0; s < options.samples; ++s) {
    for (size_t k = 0; k < n; ++k) drawn[k] = random.Below(static_cast<uint32_t>(n));
    const std::array<double, 4> m =
        Metrics(pages, precision, recall, n, [&](size_t k) { return drawn[k]; });
    for (size_t q = 0; q < 4; ++q) values[q].push_back(m[q]);
  }
  out.f1.std = SampleStd(values[0]);
  out.precision.std = SampleStd(values[1]);
  out.recall.std = SampleStd(values[2]);
  out.accuracy.std = SampleStd(values[3]);
  return out;
}

// ---- Python's Mersenne Twister ----------------------------------------------

PythonRandom::PythonRandom(uint64_t seed) {
  // init_genrand(19650218), then init_by_array over the seed's 32-bit words
  // (least significant first; zero is the one word 0), as random.seed(int) does.
  constexpr int kN = 624;
  state_[0] = 19650218u;
  for (int i = 1; i < kN; ++i) {
    state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
  }
  std::array<uint32_t, 2> key{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  const int key_length = key[1] != 0 ? 2 : 1;
  int i = 1, j = 0;
  for (int k = std::max(kN, key_length); k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525u)) + key[j] +
                static_cast<uint32_t>(j);
    ++i, ++j;
    if (i >= kN) state_[0] = state_[kN - 1], i = 1;
    if (j >= key_length) j = 0;
  }
  for (int k = kN - 1; k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941u)) -
                static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) state_[0] = state_[kN - 1], i = 1;
  }
  state_[0] = 0x80000000u;
  next_ = kN;
}

void PythonRandom::Twist() {
  constexpr int kN = 624, kM = 397;
  constexpr uint32_t kMatrix = 0x9908B0DFu, kUpper = 0x80000000u, kLower = 0x7FFFFFFFu;
  for (int i = 0; i < kN; ++i) {
    const uint32_t y = (state_[i] & kUpper) | (state_[(i + 1) % kN] & kLower);
    state_[i] = state_[(i + kM) % kN] ^ (y >> 1) ^ ((y & 1u) ? kMatrix : 0u);
  }
  next_ = 0;
}

uint32_t PythonRandom::Bits32() {
  if (next_ >= 624) Twist();
  uint32_t y = state_[next_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9D2C5680u;
  y ^= (y << 15) & 0xEFC60000u;
  y ^= y >> 18;
  return y;
}

uint32_t PythonRandom::Bits(int k) { return Bits32() >> (32 - k); }

uint32_t PythonRandom::Below(uint32_t n) {
  // _randbelow: k = n.bit_length() bits at a time until one is below n.
  const int k = std::bit_width(n);
  uint32_t r = Bits(k);
  while (r >= n) r = Bits(k);
  return r;
}

// ---- The benchmark's JSON files ---------------------------------------------

Result<ArticleBodies> ParseArticleBodies(std::string_view json, const std::string& name) {
  using Json = nlohmann::ordered_json;
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const std::exception& e) {
    return Invalid(name, std::string("bad JSON: ") + e.what());
  }
  if (!doc.is_object()) return Invalid(name, "not a JSON object");
  ArticleBodies out;
  const Json* items = &doc;
  const auto output = doc.find("output");
  if (output != doc.end() && output->is_object() && doc.contains("version")) {
    const Json& version = doc["version"];
    out.version = version.is_string() ? version.get<std::string>() : version.dump();
    items = &*output;
  }
  out.ids.reserve(items->size());
  out.bodies.reserve(items->size());
  out.urls.reserve(items->size());
  for (const auto& [id, item] : items->items()) {
    if (!item.is_object()) return Invalid(name, "item \"" + id + "\" is not an object");
    std::string body, url;
    if (const auto it = item.find("articleBody"); it != item.end() && !it->is_null()) {
      if (!it->is_string()) return Invalid(name, "articleBody of \"" + id + "\" is not a string");
      body = it->get<std::string>();
    }
    if (const auto it = item.find("url"); it != item.end() && it->is_string()) {
      url = it->get<std::string>();
    }
    out.ids.push_back(id);
    out.bodies.push_back(std::move(body));
    out.urls.push_back(std::move(url));
  }
  return out;
}

Result<ArticleBodies> ReadArticleBodies(const std::string& path) {
  Result<FileContents> file = ReadInputFile(path, uint64_t{1} << 31);
  if (!file.ok()) return file.status();
  if (!file->warning.ok()) return file->warning;
  return ParseArticleBodies(file->bytes, path);
}

Result<std::vector<PageScore>> ScorePages(const ArticleBodies& truth,
                                          const ArticleBodies& predicted) {
  std::unordered_map<std::string_view, size_t, ViewHash> where;
  where.reserve(predicted.ids.size());
  for (size_t i = 0; i < predicted.ids.size(); ++i) where.emplace(predicted.ids[i], i);
  std::unordered_set<std::string_view, ViewHash> truth_ids(truth.ids.begin(), truth.ids.end());
  for (const std::string& id : predicted.ids) {
    if (!truth_ids.contains(id)) {
      return Status(StatusCode::kInvalidInput,
                    "prediction ids do not match the truth: \"" + id + "\" is not in the truth");
    }
  }
  std::vector<PageScore> scores;
  scores.reserve(truth.ids.size());
  for (size_t i = 0; i < truth.ids.size(); ++i) {
    const auto it = where.find(truth.ids[i]);
    if (it == where.end()) {
      return Status(StatusCode::kInvalidInput, "prediction ids do not match the truth: no \"" +
                                                   truth.ids[i] + "\" in the prediction");
    }
    scores.push_back(ScorePage(truth.bodies[i], predicted.bodies[it->second]));
  }
  return scores;
}

}  // namespace dossier::eval
