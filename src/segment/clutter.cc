#include "segment/clutter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <utility>

#include "segment/metadata.h"
#include "segment/tokenizer.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr size_t kMaxPrefixLineWords = 15;
constexpr size_t kMaxCreditLineWords = 40;
constexpr size_t kMaxRepeatedLineWords = 30;
constexpr size_t kMaxListItemWords = 8;
constexpr size_t kMaxBylineWords = 14;

// "By Jane Roe", "By JANE ROE, Staff Writer | Updated ...": a byline's
// opening word (MetadataDetector::BylineOpening) and a capitalized name
// right after it.
bool IsByline(const MetadataDetector& metadata, std::string_view line, size_t words) {
  if (words < 2 || words > kMaxBylineWords) return false;
  const size_t opening = metadata.BylineOpening(line);
  if (opening == 0 || opening >= line.size()) return false;
  // A capital after the opening, in any script ("By Jane", "Автор: Иван").
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  int32_t i = static_cast<int32_t>(opening);
  UChar32 c = 0;
  U8_NEXT(p, i, static_cast<int32_t>(line.size()), c);
  if (c < 0 || !u_isupper(c)) return false;
  char last = line.back();
  return last != '.' || line.find(" | ") != std::string_view::npos;
}

bool EndsSentence(std::string_view line) {
  char last = line.empty() ? ' ' : line.back();
  return last == '.' || last == '?' || last == '!' || last == '"' || last == ':' || last == ';';
}

// Lower case (`fold`: every letter, else ASCII only), white space collapsed.
std::string LowerLine(std::string_view line, bool fold) {
  return fold ? FoldCase(CollapseWhitespace(line)) : AsciiLower(CollapseWhitespace(line));
}

// LowerLine, bullets and trailing punctuation dropped.
std::string LineKey(std::string_view line, bool fold) {
  std::string key = LowerLine(line, fold);
  auto strip_front = [&](std::string_view bullet) {
    if (StartsWith(key, bullet)) key.erase(0, bullet.size());
  };
  for (int k = 0; k < 2; ++k) {
    strip_front("\xE2\x80\xA2");  // •
    strip_front("\xC2\xBB");      // »
    strip_front("* ");
    strip_front("- ");
    strip_front("| ");
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
  }
  while (!key.empty()) {
    char c = key.back();
    if (c == ':' || c == '.' || c == '>' || c == '|' || c == ' ' || c == '!') {
      key.pop_back();
    } else if (EndsWith(key, "\xC2\xBB") || EndsWith(key, "\xE2\x80\xBA")) {  // » ›
      key.resize(key.size() - (EndsWith(key, "\xC2\xBB") ? 2 : 3));
    } else {
      break;
    }
  }
  return key;
}

// Hard-wrapped text: most lines end mid-sentence and stay under ~100 chars.
bool LooksHardWrapped(std::string_view text, const std::vector<Span>& lines) {
  if (lines.size() < 8) return false;
  size_t wrapped = 0, long_lines = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view l = lines[i].Slice(text);
    if (l.size() > 100) ++long_lines;
    // Followed directly by the next line (no blank line between)?
    bool adjacent = lines[i + 1].begin > lines[i].end &&
                    text.substr(lines[i].end, lines[i + 1].begin - lines[i].end).find('\n') ==
                        text.substr(lines[i].end, lines[i + 1].begin - lines[i].end).rfind('\n');
    char last = l.empty() ? ' ' : l.back();
    bool mid_sentence = !(last == '.' || last == '?' || last == '!' || last == '"' || last == ':');
    if (adjacent && mid_sentence && l.size() >= 30) ++wrapped;
  }
  return long_lines * 10 < lines.size() && wrapped * 3 >= lines.size();
}

}  // namespace

uint16_t ClutterFilter::FirstTwo(std::string_view s) {
  const auto a = static_cast<unsigned char>(s.size() > 0 ? s[0] : 0);
  const auto b = static_cast<unsigned char>(s.size() > 1 ? s[1] : 0);
  return static_cast<uint16_t>((a << 8) | b);
}

std::vector<Span> SplitLines(std::string_view text) {
  std::vector<Span> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = pos, e = nl;
    while (b < e && IsAsciiSpace(text[b])) ++b;
    while (e > b && IsAsciiSpace(text[e - 1])) --e;
    if (e > b) lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    pos = nl + 1;
  }
  return lines;
}

namespace {

// The lists a language may have of its own, beside English's.
constexpr const char* kClutterLists[] = {"clutter_lines.txt", "clutter_prefixes.txt",
                                         "photo_credits.txt", "clutter_list_headers.txt"};

// English's list `name`, and for another language its own list too where it has one, all
// entries folded as the line keys are.
Result<WordList> LoadClutterList(std::string_view data_dir, std::string_view language,
                                 std::string_view name) {
  Result<std::string> english = ReadDataFile(data_dir, "en/" + std::string(name));
  if (!english.ok()) return english.status();
  if (language == "en") return WordList::Parse(*english, /*lowercase=*/true);
  std::string content = std::move(*english);
  const std::string own = std::string(language) + "/" + std::string(name);
  if (HasDataFile(data_dir, own)) {
    Result<std::string> more = ReadDataFile(data_dir, own);
    if (!more.ok()) return more.status();
    content += "\n" + *more;
  }
  std::string folded;
  DataLines lines(content);
  for (std::string_view line; lines.Next(&line);) folded += FoldCase(line) + "\n";
  return WordList::Parse(folded, /*lowercase=*/false);
}

}  // namespace

bool ClutterFilter::HasOwnLists(std::string_view data_dir, std::string_view language) {
  for (const char* name : kClutterLists) {
    if (HasDataFile(data_dir, std::string(language) + "/" + name)) return true;
  }
  return MetadataDetector::HasOwnLists(data_dir, language);
}

Result<ClutterFilter> ClutterFilter::Create(std::string_view data_dir, std::string_view language) {
  ClutterFilter f;
  f.fold_ = language != "en";
  Result<WordList> lines = LoadClutterList(data_dir, language, "clutter_lines.txt");
  if (!lines.ok()) return lines.status();
  Result<WordList> prefixes = LoadClutterList(data_dir, language, "clutter_prefixes.txt");
  if (!prefixes.ok()) return prefixes.status();
  Result<WordList> credits = LoadClutterList(data_dir, language, "photo_credits.txt");
  if (!credits.ok()) return credits.status();
  f.lines_ = std::move(*lines);
  f.prefixes_ = std::move(*prefixes);
  f.credits_ = std::move(*credits);
  Result<WordList> headers = LoadClutterList(data_dir, language, "clutter_list_headers.txt");
  if (!headers.ok()) return headers.status();
  f.list_headers_ = std::move(*headers);
  // Captions and bylines: English's words (metadata.h), and the language's own.
  Result<MetadataDetector> metadata = MetadataDetector::Create(
      data_dir, MetadataDetector::HasOwnLists(data_dir, language) ? language : "en");
  if (!metadata.ok()) return metadata.status();
  f.metadata_ = std::move(*metadata);
  f.prefix_starts_.assign(1 << 16, false);
  f.credit_starts_.assign(1 << 16, false);
  for (const std::string& p : f.prefixes_.entries()) f.prefix_starts_[FirstTwo(p)] = true;
  for (const std::string& c : f.credits_.entries()) f.credit_starts_[FirstTwo(c)] = true;
  return f;
}

std::optional<ClutterKind> ClutterFilter::Classify(std::string_view line) const {
  const size_t words = CountWords(line, kMaxCreditLineWords);
  if (words > kMaxCreditLineWords) return std::nullopt;
  std::string key = LineKey(line, fold_);
  if (key.empty()) return std::nullopt;
  if (lines_.Contains(key)) return ClutterKind::kBoilerplate;
  // Prefix lists are only scanned when the line's first two bytes start an entry.
  if (words <= kMaxPrefixLineWords && prefix_starts_[FirstTwo(key)]) {
    for (const std::string& p : prefixes_.entries()) {
      if (StartsWith(key, p)) return ClutterKind::kBoilerplate;
    }
  }
  // Photo credits: a marker at the start, or in a closing parenthesis.
  // (The key keeps a closing parenthesis; bullets before a marker are gone.)
  std::string_view tail;
  if (key.back() == ')') {
    size_t open = key.rfind('(');
    if (open != std::string::npos) tail = std::string_view(key).substr(open);
  }
  if (!tail.empty() || credit_starts_[FirstTwo(key)]) {
    for (const std::string& marker : credits_.entries()) {
      if (StartsWith(key, marker)) return ClutterKind::kPhotoCredit;
      if (!tail.empty() && tail.find(marker) != std::string_view::npos) {
        return ClutterKind::kPhotoCredit;
      }
    }
  }
  return std::nullopt;
}

void ClutterFilter::Apply(std::string_view text, std::vector<Span>* paragraphs,
                          std::vector<ClutterLine>* clutter) const {
  std::vector<Span> lines = SplitLines(text);
  std::vector<bool> is_clutter(lines.size(), false);
  std::string previous_key;
  bool in_list = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].Slice(text);
    const size_t words = CountWords(line, kMaxCreditLineWords);
    // Long lines are story text: only short ones are looked at closely.
    std::optional<ClutterKind> kind;
    std::string key;
    if (words <= kMaxCreditLineWords) {
      kind = Classify(line);
      if (words <= kMaxRepeatedLineWords) key = LowerLine(line, fold_);
    }
    if (!kind && i > 0 && !key.empty() && key == previous_key) kind = ClutterKind::kRepeatedLine;
    previous_key = std::move(key);
    if (!kind && IsByline(metadata_, line, words)) kind = ClutterKind::kByline;
    // A whole caption ("FILE - In this May 4, 2001, file photo, ..."): about
    // a photo, not the story (segment/metadata.h, IsPhotoCaption).
    if (!kind && metadata_.IsPhotoCaption(line)) kind = ClutterKind::kPhotoCredit;
    // Short unpunctuated lines right after a list header belong to the list.
    if (!kind && in_list && words <= kMaxListItemWords && !EndsSentence(line)) {
      kind = ClutterKind::kLinkList;
    }
    in_list = kind.has_value() &&
              (*kind == ClutterKind::kLinkList || (*kind == ClutterKind::kBoilerplate &&
                                                   list_headers_.Contains(LineKey(line, fold_))));
    if (kind) {
      is_clutter[i] = true;
      clutter->push_back({lines[i], *kind});
    }
  }
  if (!LooksHardWrapped(text, lines)) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!is_clutter[i]) paragraphs->push_back(lines[i]);
    }
    return;
  }
  // Hard-wrapped: join lines until a blank line or a clutter line.
  std::optional<Span> current;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (is_clutter[i]) {
      if (current) paragraphs->push_back(*current);
      current.reset();
      continue;
    }
    bool blank_before =
        current && text.substr(current->end, lines[i].begin - current->end).find("\n\n") !=
                       std::string_view::npos;
    if (current && !blank_before) {
      current->end = lines[i].end;
    } else {
      if (current) paragraphs->push_back(*current);
      current = lines[i];
    }
  }
  if (current) paragraphs->push_back(*current);
}

}  // namespace dossier
