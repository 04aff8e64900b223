#include "segment/language.h"

#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include "dossier/language.h"
#include "util/data_files.h"
#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which the public header includes only in part.
const char* LanguageCode(Language lang);
const char* LanguageName(Language lang);
Language GetLanguageFromName(const char* src);
}  // namespace CLD2

namespace dossier {
namespace {

constexpr size_t kDetectBytes = 64 * 1024;
// A first look at this much: most texts are told from it (a tenth of the time of the whole).
constexpr size_t kFirstLookBytes = 1024;

// The longest prefix of `s` (at most `limit` bytes) that ends on a character boundary, with
// invalid UTF-8 sequences left out (CLD2 stops at the first one).
std::string ValidPrefix(std::string_view s, size_t limit) {
  std::string out;
  out.reserve(std::min(s.size(), limit));
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(s, &pos);
    if (cp == 0xFFFD && !(pos - start == 3 && s.compare(start, 3, "\xEF\xBF\xBD") == 0)) continue;
    if (out.size() + (pos - start) > limit) break;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

uint8_t ParseAnalyses(std::string_view list, bool* ok) {
  uint8_t bits = 0;
  *ok = true;
  if (list == "-") return 0;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = TrimWhitespace(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (name == "quotes") {
      bits |= static_cast<uint8_t>(LanguageAnalysis::kQuotes);
    } else if (name == "figures") {
      bits |= static_cast<uint8_t>(LanguageAnalysis::kFigures);
    } else if (name == "timeline") {
      bits |= static_cast<uint8_t>(LanguageAnalysis::kTimeline);
    } else if (name == "entities") {
      bits |= static_cast<uint8_t>(LanguageAnalysis::kEntities);
    } else {
      *ok = false;
    }
  }
  return bits;
}

// CLD2 on the first `limit` bytes of `utf8_text` (cut at a character boundary).
LanguageGuess Detect(std::string_view utf8_text, const std::string& hint_code, size_t limit) {
  std::string copy;
  std::string_view text = utf8_text.substr(0, std::min(limit, utf8_text.size()));
  while (text.size() < utf8_text.size() && !text.empty() &&
         (static_cast<unsigned char>(utf8_text[text.size()]) & 0xC0) == 0x80) {
    text.remove_suffix(1);
  }
  if (!IsValidUtf8(text)) {
    copy = ValidPrefix(utf8_text, limit);
    text = copy;
  }
  CLD2::CLDHints hints{hint_code.empty() ? nullptr : hint_code.c_str(), nullptr,
                       CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0, top3, percent3,
      scores3, nullptr, &text_bytes, &reliable);
  LanguageGuess guess;
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = NormalizeLanguageTag(CLD2::LanguageCode(lang));
  guess.reliable = reliable && !guess.code.empty();
  guess.percent = top3[0] == lang ? percent3[0] : 0;
  return guess;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8_text, std::string_view hint) {
  const std::string hint_code = NormalizeLanguageTag(hint);
  if (utf8_text.size() > 2 * kFirstLookBytes) {
    LanguageGuess first = Detect(utf8_text, hint_code, kFirstLookBytes);
    if (first.reliable && first.percent >= 90) return first;
  }
  return Detect(utf8_text, hint_code, kDetectBytes);
}

std::string NormalizeLanguageTag(std::string_view tag) {
  tag = TrimWhitespace(tag);
  size_t n = 0;
  while (n < tag.size() && IsAsciiAlpha(tag[n])) ++n;
  if (n < 2 || n > 3 || (n < tag.size() && tag[n] != '-' && tag[n] != '_')) return "";
  std::string code = AsciiLower(tag.substr(0, n));
  // CLD2 and some pages use 3-letter or legacy codes for a few languages.
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  return code;
}

std::string LanguageName(std::string_view code) {
  static const Result<LanguageTable> table = LanguageTable::Create("");
  if (table.ok()) return table->Name(code);
  return std::string(code);
}

std::string_view LanguageOriginName(LanguageOrigin origin) {
  switch (origin) {
    case LanguageOrigin::kDetected:
      return "detected";
    case LanguageOrigin::kDeclared:
      return "declared";
    case LanguageOrigin::kGiven:
      return "given";
    case LanguageOrigin::kDefault:
      break;
  }
  return "default";
}

Result<LanguageTable> LanguageTable::Create(std::string_view data_dir) {
  Result<std::string> content = ReadDataFile(data_dir, "languages.txt");
  if (!content.ok()) return content.status();
  LanguageTable table;
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    std::vector<std::string_view> cols = SplitWhitespace(line);
    bool ok = cols.size() == 3 && NormalizeLanguageTag(cols[0]) == cols[0];
    Row row;
    if (ok) row.analyses = ParseAnalyses(cols[2], &ok);
    if (!ok) {
      return Status(StatusCode::kInvalidArgument,
                    "expected 'code name analyses' (analyses: quotes,figures,timeline,entities "
                    "or -)",
                    "languages.txt:" + std::to_string(lines.number()));
    }
    row.code = std::string(cols[0]);
    row.name = std::string(cols[1]);
    for (char& c : row.name) c = c == '_' ? ' ' : c;
    table.rows_.push_back(std::move(row));
  }
  if (Status s = table.LoadFunctionWords(data_dir); !s.ok()) return s;
  return table;
}

Status LanguageTable::LoadFunctionWords(std::string_view data_dir) {
  Result<std::string> content = ReadDataFile(data_dir, "language_id.txt");
  if (!content.ok()) return content.status();
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    std::vector<std::string_view> cols = SplitWhitespace(line);
    double share = 0;
    const auto [end, ec] =
        cols.size() == 2 ? std::from_chars(cols[1].data(), cols[1].data() + cols[1].size(), share)
                         : std::from_chars_result{nullptr, std::errc::invalid_argument};
    if (cols.size() != 2 || NormalizeLanguageTag(cols[0]) != cols[0] || ec != std::errc() ||
        end != cols[1].data() + cols[1].size() || share <= 0 || share > 1) {
      return Status(StatusCode::kInvalidArgument, "expected 'code share' (share in (0, 1])",
                    "language_id.txt:" + std::to_string(lines.number()));
    }
    quick_.push_back({std::string(cols[0]), share, -1});
  }
  if (quick_.empty()) return Status::Ok();
  std::vector<WordList> lists;
  size_t total = 0;
  for (const Row& row : rows_) {
    const std::string name = row.code + "/stopwords.txt";
    if (!HasDataFile(data_dir, name) || lists.size() == 32) continue;
    Result<WordList> words = LoadWordList(data_dir, name, /*lowercase=*/true);
    if (!words.ok()) return words.status();
    for (QuickLanguage& q : quick_) {
      if (q.code == row.code) q.bit = static_cast<int>(lists.size());
    }
    total += words->size();
    lists.push_back(std::move(*words));
  }
  function_words_ = FlatIdMap(total);
  for (size_t v = 0; v < lists.size(); ++v) {
    for (const std::string& w : lists[v].entries()) {
      const uint32_t id = function_words_.Intern(HashBytes(w));
      if (id == function_word_languages_.size()) function_word_languages_.push_back(0);
      function_word_languages_[id] |= uint32_t{1} << v;
      longest_function_word_ = std::max(longest_function_word_, w.size());
    }
  }
  voters_ = static_cast<int>(lists.size());
  return Status::Ok();
}

uint32_t LanguageTable::FunctionWordLanguages(std::string_view word) const {
  if (word.size() > longest_function_word_) return 0;
  const uint32_t id = function_words_.Find(HashBytes(word));
  return id == FlatIdMap::kNotFound ? 0 : function_word_languages_[id];
}

std::string_view LanguageTable::QuickVote(std::string_view text) const {
  constexpr int kWords = 100, kMinWords = 40;
  if (voters_ == 0) return {};
  std::array<int, 32> hits{};
  int words = 0;
  char word[32];
  size_t i = 0;
  while (words < kWords && i < text.size()) {
    // A word: a run of letters (bytes of non-ASCII characters count as letters; such words
    // are counted but matched only when they fit the buffer).
    while (i < text.size() && !IsAsciiAlpha(text[i]) &&
           static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
    }
    size_t n = 0;
    bool fits = true;
    while (i < text.size() &&
           (IsAsciiAlpha(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80 ||
            (text[i] == '\'' && n > 0 && i + 1 < text.size() && IsAsciiAlpha(text[i + 1])))) {
      if (n < sizeof(word)) {
        word[n++] = AsciiToLower(text[i]);
      } else {
        fits = false;
      }
      ++i;
    }
    if (n == 0) continue;
    ++words;
    if (!fits) continue;
    for (uint32_t bits = FunctionWordLanguages(std::string_view(word, n)); bits != 0;
         bits &= bits - 1) {
      ++hits[std::countr_zero(bits)];
    }
  }
  if (words < kMinWords) return {};
  for (const QuickLanguage& q : quick_) {
    if (q.bit < 0 || hits[q.bit] < q.share * words) continue;
    int others = 0;
    for (int v = 0; v < voters_; ++v) {
      if (v != q.bit) others = std::max(others, hits[v]);
    }
    if (hits[q.bit] >= 3 * others) return q.code;
  }
  return {};
}

const LanguageTable::Row* LanguageTable::Find(std::string_view code) const {
  for (const Row& row : rows_) {
    if (row.code == code) return &row;
  }
  return nullptr;
}

std::vector<std::string> LanguageTable::codes() const {
  std::vector<std::string> out;
  for (const Row& row : rows_) out.push_back(row.code);
  return out;
}

bool LanguageTable::Supports(std::string_view code, LanguageAnalysis analysis) const {
  const Row* row = Find(code);
  return row != nullptr && (row->analyses & static_cast<uint8_t>(analysis)) != 0;
}

std::string LanguageTable::Name(std::string_view code) const {
  if (const Row* row = Find(code)) return row->name;
  if (code.empty()) return "an unknown language";
  const CLD2::Language lang = CLD2::GetLanguageFromName(std::string(code).c_str());
  if (lang != CLD2::UNKNOWN_LANGUAGE) {
    std::string name = CLD2::LanguageName(lang);  // "KOREAN"
    for (size_t i = 1; i < name.size(); ++i) name[i] = AsciiToLower(name[i]);
    return name;
  }
  return std::string(code);
}

LanguageChoice LanguageTable::Choose(std::string_view text, std::string_view declared,
                                     std::string_view forced) const {
  if (std::string code = NormalizeLanguageTag(forced); !code.empty()) {
    return {std::move(code), LanguageOrigin::kGiven};
  }
  std::string said = NormalizeLanguageTag(declared);
  if (std::string_view quick = QuickVote(text); !quick.empty() && (said.empty() || said == quick)) {
    return {std::string(quick),
            said.empty() ? LanguageOrigin::kDetected : LanguageOrigin::kDeclared};
  }
  LanguageGuess guess = DetectLanguage(text, said);
  if (guess.reliable) {
    if (!said.empty() && said != guess.code && guess.percent < 80) {
      return {std::move(said), LanguageOrigin::kDeclared};
    }
    const LanguageOrigin origin =
        said == guess.code ? LanguageOrigin::kDeclared : LanguageOrigin::kDetected;
    return {std::move(guess.code), origin};
  }
  if (!said.empty()) return {std::move(said), LanguageOrigin::kDeclared};
  if (!guess.code.empty() && guess.percent >= 80) {
    return {std::move(guess.code), LanguageOrigin::kDetected};
  }
  return {"en", LanguageOrigin::kDefault};
}

bool IsUnspacedScript(char32_t cp) {
  if (cp < 0x0E00) return false;  // fast path: Latin, Greek, Cyrillic, Arabic, Hebrew, Indic
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(cp), &err)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

}  // namespace dossier
