#include "segment/metadata.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "segment/tokenizer.h"
#include "util/data_files.h"
#include "util/data_rows.h"
#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr size_t kMaxTitleWords = 25;
constexpr size_t kMaxDateLineWords = 14;
constexpr size_t kHeaderParagraphs = 8;
constexpr size_t kDatelineWindow = 160;

bool StartsTurn(const Document& doc, Span p) {
  for (const Turn& t : doc.turns) {
    if (t.label.begin >= p.begin && t.label.begin < p.end) return true;
  }
  return false;
}

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'')) s.remove_suffix(1);
  if (EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99")) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ',' || s.back() == ';');
}

// A line ending with a colon introduces what follows ("The New York Times
// said in an editorial for Friday, Sept. 10:"): not a headline.
bool IntroducesText(std::string_view s) {
  s = TrimWhitespace(s);
  return !s.empty() && s.back() == ':';
}

// A headline written as a list item ("*NASA to launch ...", "• Storm
// hits"): the mark is no part of it.
std::string_view WithoutListMark(std::string_view s) {
  s = TrimWhitespace(s);
  if (s.starts_with("\xE2\x80\xA2")) s.remove_prefix(3);  // •
  while (!s.empty() && (s.front() == '*' || s.front() == '#')) s.remove_prefix(1);
  return TrimWhitespace(s);
}

// Length of a spaced dash at text[p] ("—", "–", "--", "-", "_" with a space
// after it, or ending the text when `at_end`), 0 if none.
size_t DashAt(std::string_view text, size_t p, bool at_end = false) {
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "_"}) {
    if (text.compare(p, dash.size(), dash) != 0) continue;
    if (p + dash.size() < text.size() ? text[p + dash.size()] == ' '
                                      : at_end && p + dash.size() == text.size()) {
      return dash.size();
    }
  }
  return 0;
}

// A newswire dateline opening `para`: "WASHINGTON (AP) — ", "COLUMBIA, S.C. - ",
// "JOHANNESBURG, South Africa (AP) _ ",
// "MARLOW BAY, March 13 (Harbor Wire) -- ", "NEW YORK (CNNMoney)". Returns the
// length through the dash and the space after it (0 if none); *agency gets the
// name in parentheses.
size_t DatelineLength(std::string_view para, std::string* agency) {
  constexpr size_t kMaxPlace = 48;
  size_t p = 0;
  size_t capitals = 0;
  size_t place_end = 0;
  // Place: capitals, with spaces, periods, apostrophes and hyphens; after a
  // comma up to three capitalized words and a day ("Calif.", "South Africa",
  // "March 13") may follow.
  while (p < para.size() && p < kMaxPlace) {
    const char c = para[p];
    if (IsAsciiUpper(c)) {
      ++capitals;
      ++p;
    } else if (c == '.' || c == '\'' || (c == '-' && p + 1 < para.size() && para[p + 1] != ' ')) {
      ++p;
    } else if (c == ' ' && p + 1 < para.size() && IsAsciiUpper(para[p + 1])) {
      ++p;
    } else if (c == ',' && capitals >= 2) {
      place_end = p;
      ++p;
      while (p < para.size() && para[p] == ' ') ++p;
      size_t q = p;
      while (q < para.size() && (IsAsciiAlpha(para[q]) || para[q] == '.')) ++q;
      if (q == p) return 0;
      p = q;
      // ... or up to three capitalized words ("South Africa", "Puerto Rico").
      for (int more = 0;
           more < 2 && p + 1 < para.size() && para[p] == ' ' && IsAsciiUpper(para[p + 1]); ++more) {
        q = p + 1;
        while (q < para.size() && (IsAsciiAlpha(para[q]) || para[q] == '.')) ++q;
        p = q;
      }
      while (p + 1 < para.size() && para[p] == ' ' && IsAsciiDigit(para[p + 1])) {
        ++p;
        while (p < para.size() && IsAsciiDigit(para[p])) ++p;
      }
      break;
    } else {
      break;
    }
  }
  if (place_end == 0) place_end = p;
  // The place is capitals only, with a word of three capitals or more.
  if (capitals < 3) return 0;
  size_t run = 0, longest = 0;
  for (size_t k = 0; k < place_end; ++k) {
    if (IsAsciiLower(para[k])) return 0;
    run = IsAsciiUpper(para[k]) ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (longest < 3 && capitals < 4) return 0;
  while (p < para.size() && para[p] == ' ') ++p;
  if (p < para.size() && para[p] == '(') {
    const size_t close = para.find(')', p);
    if (close == std::string_view::npos || close - p > 32) return 0;
    *agency = std::string(TrimWhitespace(para.substr(p + 1, close - p - 1)));
    p = close + 1;
    while (p < para.size() && para[p] == ' ') ++p;
    if (p == para.size()) return p;  // "NEW YORK (CNNMoney)" alone
  }
  const size_t dash = DashAt(para, p);
  if (dash == 0) return 0;
  return p + dash + 1;
}

// A paragraph opening with a dateline ("MONTREAL _ Fangs flash ...") is the
// story's first sentence, however short: not a headline.
bool OpensWithDateline(std::string_view para) {
  std::string agency;
  return DatelineLength(para, &agency) > 0;
}

// A white-space separated word, lower case (FoldCase), without the
// punctuation around it ("2001," -> "2001", "photo:" -> "photo", "Фото:" ->
// "фото"): letters and digits of any script are kept.
std::string BareWord(std::string_view word) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t begin = 0;
  while (begin < n) {
    int32_t next = begin;
    UChar32 c = 0;
    U8_NEXT(p, next, n, c);
    if (c >= 0 && u_isalnum(c)) break;
    begin = next;
  }
  int32_t end = n;
  while (end > begin) {
    int32_t prev = end;
    UChar32 c = 0;
    U8_PREV(p, begin, prev, c);
    if (c >= 0 && u_isalnum(c)) break;
    end = prev;
  }
  return FoldCase(word.substr(begin, end - begin));
}

// A full date within the first 40 bytes of a longer paragraph, written as a
// dateline: only capitals and punctuation before it, a dash, "(", "/" or ":"
// after it.
bool IsDatelineDate(std::string_view para, size_t begin, size_t end) {
  constexpr size_t kMaxDatelineOffset = 40;
  if (begin > kMaxDatelineOffset) return false;
  for (size_t k = 0; k < begin; ++k) {
    if (IsAsciiLower(para[k])) return false;
  }
  size_t p = end;
  while (p < para.size() && para[p] == ' ') ++p;
  if (p == para.size()) return false;
  const char c = para[p];
  if (c == '(' || c == '/' || c == ':') return true;
  return DashAt(para, p) > 0 || para.compare(p, 3, "\xE2\x80\x94") == 0 ||
         para.compare(p, 3, "\xE2\x80\x93") == 0 || para.compare(p, 2, "--") == 0;
}

// English's list `name`, then the language's own where it has one.
std::vector<std::string> ListsOf(std::string_view data_dir, std::string_view language,
                                 std::string_view name) {
  std::vector<std::string> files{"en/" + std::string(name)};
  const std::string own = std::string(language) + "/" + std::string(name);
  if (language != "en" && HasDataFile(data_dir, own)) files.push_back(own);
  return files;
}

}  // namespace

// ---- MetadataDetector ----------------------------------------------------------------

bool MetadataDetector::HasOwnLists(std::string_view data_dir, std::string_view language) {
  return language != "en" && (HasDataFile(data_dir, std::string(language) + "/captions.txt") ||
                              HasDataFile(data_dir, std::string(language) + "/bylines.txt"));
}

Result<MetadataDetector> MetadataDetector::Create(std::string_view data_dir,
                                                  std::string_view language) {
  MetadataDetector m;
  Result<CalendarNames> calendar = CalendarNames::Create(data_dir, language);
  if (!calendar.ok()) return calendar.status();
  m.calendar_ = std::move(*calendar);
  for (const std::string& captions_file : ListsOf(data_dir, language, "captions.txt")) {
    Result<std::vector<DataRow>> captions = LoadDataRows(data_dir, captions_file);
    if (!captions.ok()) return captions.status();
    for (const DataRow& row : *captions) {
      const std::string_view kind = row[1];
      if (kind == "file_note") {
        m.file_notes_.emplace_back(row[0]);
        continue;
      }
      std::string lower = FoldCase(row[0]);
      if (kind == "opener") {
        std::vector<std::string> words;
        for (std::string_view w : SplitWhitespace(lower)) words.emplace_back(w);
        m.first_words_.push_back(words[0]);
        m.openers_.push_back(std::move(words));
        continue;
      }
      std::vector<std::string>* list = kind == "photo"    ? &m.photo_words_
                                       : kind == "label"  ? &m.labels_
                                       : kind == "file"   ? &m.file_words_
                                       : kind == "credit" ? &m.credit_words_
                                                          : nullptr;
      if (list == nullptr)
        return row.Error(captions_file, "unknown kind '" + std::string(kind) + "'");
      if (kind != "credit") m.first_words_.push_back(lower);
      list->push_back(std::move(lower));
    }
  }
  // Longest first: "FILE PHOTO" before "FILE".
  std::stable_sort(m.file_notes_.begin(), m.file_notes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // Every caption ends with a credit's ")" or opens with "(", a file note or
  // one of the first words: the first bytes, in either case.
  m.caption_initials_[static_cast<unsigned char>('(')] = true;
  auto add_initial = [&m](std::string_view w) {
    if (w.empty()) return;
    const char c = w[0];
    if ((c & 0x80) != 0) {  // another script's capital may start with another byte
      for (int b = 0xC0; b < 0x100; ++b) m.caption_initials_[b] = true;
      return;
    }
    m.caption_initials_[static_cast<unsigned char>(c)] = true;
    m.caption_initials_[static_cast<unsigned char>(AsciiToLower(c))] = true;
    if (IsAsciiLower(c)) m.caption_initials_[static_cast<unsigned char>(c - 'a' + 'A')] = true;
  };
  for (const std::string& w : m.first_words_) add_initial(w);
  for (const std::string& w : m.file_notes_) add_initial(w);
  for (const std::string& bylines_file : ListsOf(data_dir, language, "bylines.txt")) {
    Result<std::vector<DataRow>> bylines = LoadDataRows(data_dir, bylines_file);
    if (!bylines.ok()) return bylines.status();
    for (const DataRow& row : *bylines) {
      if (row[1] == "line") m.byline_words_.push_back(FoldCase(row[0]));
    }
  }
  return m;
}

const MetadataDetector& MetadataDetector::BuiltIn() {
  // Immutable once built; empty lists only if the build lost its data.
  static const MetadataDetector detector = [] {
    Result<MetadataDetector> built_in = Create("");
    return built_in.ok() ? std::move(*built_in) : MetadataDetector();
  }();
  return detector;
}

bool MetadataDetector::IsPhotoWord(std::string_view lower) const {
  for (const std::string& w : photo_words_) {
    if (w == lower) return true;
  }
  return false;
}

size_t MetadataDetector::BylineOpening(std::string_view line) const {
  // A capital opens it: an ASCII one, or a letter of another script.
  if (line.empty() || (static_cast<unsigned char>(line[0]) < 0x80 && !IsAsciiUpper(line[0]))) {
    return 0;
  }
  for (const std::string& w : byline_words_) {
    if (line.size() <= w.size() || line[w.size()] != ' ') continue;
    const std::string_view head = line.substr(0, w.size());
    if (FoldCase(head) != w) continue;
    // Capitalized ("By", "Автор:") or in capitals ("BY"), in any script.
    const auto* p = reinterpret_cast<const uint8_t*>(head.data());
    const int32_t n = static_cast<int32_t>(head.size());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isupper(c)) continue;
    bool rest_upper = true, rest_lower = true;
    while (i < n) {
      U8_NEXT(p, i, n, c);
      rest_upper = rest_upper && !u_islower(c);
      rest_lower = rest_lower && !u_isupper(c);
    }
    if (rest_upper || rest_lower) return w.size() + 1;
  }
  return 0;
}

// Length of a file note opening `s` ("FILE - ", "FILE- ", "FILE PHOTO: "),
// through the space after its mark; 0 if none.
size_t MetadataDetector::FileNoteLength(std::string_view s) const {
  size_t p = 0;
  for (const std::string& note : file_notes_) {  // longest first
    if (StartsWith(s, note)) {
      p = note.size();
      break;
    }
  }
  if (p == 0) return 0;
  while (p < s.size() && s[p] == ' ') ++p;
  size_t mark = DashAt(s, p);
  if (mark == 0 && s.compare(p, 2, ": ") == 0) mark = 1;
  return mark == 0 ? 0 : p + mark + 1;
}

// "In this May 4, 2001, file photo, ...", "This undated photo shows ...".
bool MetadataDetector::OpensWithPhotoPhrase(const std::vector<std::string_view>& words) const {
  constexpr size_t kWindow = 8;
  size_t first = 0;
  for (const std::vector<std::string>& opener : openers_) {
    if (opener.size() <= first || opener.size() > words.size()) continue;
    size_t k = 0;
    while (k < opener.size() && BareWord(words[k]) == opener[k]) ++k;
    if (k == opener.size()) first = k;
  }
  if (first == 0) return false;
  for (size_t i = first; i < words.size() && i < first + kWindow; ++i) {
    if (IsPhotoWord(BareWord(words[i]))) return true;
  }
  return false;
}

// "Photo: ...", "File photo: ...", "Caption: ...", "Photo by Jane Roe".
bool MetadataDetector::OpensWithPhotoLabel(const std::vector<std::string_view>& words) const {
  const auto in = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  const size_t i = !words.empty() && words[0].back() != ':' && in(file_words_, BareWord(words[0]));
  if (i >= words.size()) return false;
  const std::string w = BareWord(words[i]);
  if (!IsPhotoWord(w) && !in(labels_, w)) return false;
  // The colon may stand apart, as French typography sets it ("Photo : AFP").
  return words[i].back() == ':' ||
         (i + 1 < words.size() &&
          (words[i + 1] == ":" || in(credit_words_, BareWord(words[i + 1]))));
}

// "... (AP Photo/Jane Roe)", "... (Getty Images).": a credit closing the text.
bool MetadataDetector::EndsWithPhotoCredit(std::string_view s) const {
  while (!s.empty() && (s.back() == '.' || IsAsciiSpace(s.back()))) s.remove_suffix(1);
  if (s.empty() || s.back() != ')') return false;
  const size_t open = s.rfind('(');
  if (open == std::string_view::npos) return false;
  const std::string_view credit = s.substr(open + 1, s.size() - open - 2);
  if (credit.empty() || !IsAsciiUpper(credit[0])) return false;
  for (size_t k = 1; k + 1 < credit.size(); ++k) {
    if (credit[k] == '/' && IsAsciiAlpha(credit[k - 1]) && IsAsciiAlpha(credit[k + 1])) return true;
  }
  size_t p = 0;
  while (p < credit.size()) {
    while (p < credit.size() && !IsAsciiAlpha(credit[p])) ++p;
    size_t q = p;
    while (q < credit.size() && IsAsciiAlpha(credit[q])) ++q;
    if (q > p && IsPhotoWord(AsciiLower(credit.substr(p, q - p)))) return true;
    p = q;
  }
  return false;
}

bool MetadataDetector::IsPhotoCaption(std::string_view paragraph) const {
  constexpr size_t kMaxCaptionWords = 80;
  constexpr size_t kOpeningBytes = 160;
  constexpr size_t kOpeningWords = 12;
  constexpr size_t kMaxLeadingCredit = 40;
  std::string_view s = TrimWhitespace(paragraph);
  // Every caption ends with a credit's ")" (or ").") or opens with "(", a
  // file note, "In this", "This", "These" or a label (file, caption, photo,
  // image, picture, video: IsPhotoWord): most lines are ruled out at once.
  std::string_view end = s;
  while (!end.empty() && (end.back() == '.' || end.back() == ' ')) end.remove_suffix(1);
  if (s.empty() || ((end.empty() || end.back() != ')') &&
                    !caption_initials_[static_cast<unsigned char>(s.front())])) {
    return false;
  }
  if (CountWords(s, kMaxCaptionWords) > kMaxCaptionWords) return false;
  if (EndsWithPhotoCredit(s)) return true;
  // The credit of the caption before may open the line: "(Associated Press) FILE - ...".
  std::string_view opening = s;
  if (const size_t close = s.find(')'); !s.empty() && s[0] == '(' && close < kMaxLeadingCredit) {
    opening = TrimWhitespace(s.substr(close + 1));
  }
  if (FileNoteLength(opening) > 0) return true;
  // Both openings below start with one of a few words: look at the first
  // word alone before splitting the line (most lines open otherwise).
  {
    size_t space = 0;
    while (space < opening.size() && !IsAsciiSpace(opening[space])) ++space;
    const std::string first = BareWord(opening.substr(0, space));
    if (std::find(first_words_.begin(), first_words_.end(), first) == first_words_.end()) {
      return false;
    }
  }
  std::vector<std::string_view> words = SplitWhitespace(opening.substr(0, kOpeningBytes));
  if (words.size() > kOpeningWords) words.resize(kOpeningWords);
  return OpensWithPhotoPhrase(words) || OpensWithPhotoLabel(words);
}

void MetadataDetector::Detect(Document* doc) const {
  // Byline (already set aside as clutter), and the date it may carry.
  for (const ClutterLine& c : doc->clutter) {
    if (c.kind != ClutterKind::kByline) continue;
    std::string_view line = c.span.Slice(doc->text);
    std::string_view name = line.substr(BylineOpening(line));
    size_t bar = name.find(" | ");
    if (bar != std::string_view::npos) name = name.substr(0, bar);
    if (doc->byline.empty()) doc->byline = CollapseWhitespace(name);
    CivilDate date;
    size_t b = 0, e = 0;
    if (doc->date.empty() && FindFullDate(line, &date, &b, &e, calendar_)) {
      doc->date = date.ToIso();
      doc->date_span = {c.span.begin + static_cast<uint32_t>(b),
                        c.span.begin + static_cast<uint32_t>(e)};
    }
    break;
  }
  std::vector<Span>& paras = doc->paragraphs;
  if (paras.empty()) return;
  std::vector<size_t> remove;
  // Headline: the first paragraph, when short, unpunctuated and not a turn.
  Span first = paras[0];
  std::string_view first_text = first.Slice(doc->text);
  CivilDate unused;
  size_t db = 0, de = 0;
  const bool first_is_date = CountWords(first_text, kMaxDateLineWords) <= kMaxDateLineWords &&
                             FindFullDate(first_text, &unused, &db, &de, calendar_);
  if (!StartsTurn(*doc, first) && !first_is_date && !IsPhotoCaption(first_text)) {
    if (!doc->title.empty()) {
      // Collapsing keeps the words, so a paragraph with more words than the
      // title cannot be it (checked first: the paragraph may be long).
      const size_t title_words = CountWords(doc->title);
      if (CountWords(first_text, title_words) <= title_words &&
          EqualsIgnoreAsciiCase(CollapseWhitespace(first_text), doc->title)) {
        doc->title_span = first;
        remove.push_back(0);
      }
    } else if (CountWords(first_text, kMaxTitleWords) <= kMaxTitleWords &&
               !EndsLikeSentence(first_text) && paras.size() > 1) {
      if (IntroducesText(first_text)) {
        // A line introducing the text ("The New York Times said in an
        // editorial for Friday, Sept. 10:") is no sentence of the story and
        // no headline either.
        remove.push_back(0);
      } else if (!OpensWithDateline(first_text)) {
        doc->title = CollapseWhitespace(WithoutListMark(first_text));
        doc->title_span = first;
        remove.push_back(0);
      }
    }
  }
  // Date: a full date on a short line among the first paragraphs, or in a
  // dateline; never one of a caption (the day a picture was taken).
  const size_t n = std::min(paras.size(), kHeaderParagraphs);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view para = paras[i].Slice(doc->text);
    // A dateline comes early in its paragraph: look at the start only.
    std::string_view text = para.substr(0, kDatelineWindow);
    CivilDate date;
    size_t b = 0, e = 0;
    if (!FindFullDate(text, &date, &b, &e, calendar_) || IsPhotoCaption(para)) continue;
    const size_t words = CountWords(para, kMaxDateLineWords);
    // In a longer paragraph, only a dateline ("WASHINGTON, Nov. 27, 2015 --") counts: a
    // sentence opening with a date tells of an event, not of the report.
    if (words > kMaxDateLineWords && !IsDatelineDate(para, b, e)) continue;
    if (doc->date.empty()) {
      doc->date = date.ToIso();
      doc->date_span = {paras[i].begin + static_cast<uint32_t>(b),
                        paras[i].begin + static_cast<uint32_t>(e)};
    }
    // A line that is only a date is not a sentence.
    if (words <= 6 && !StartsTurn(*doc, paras[i]) &&
        std::find(remove.begin(), remove.end(), i) == remove.end()) {
      remove.push_back(i);
    }
    break;
  }
  std::sort(remove.rbegin(), remove.rend());
  for (size_t i : remove) paras.erase(paras.begin() + static_cast<std::ptrdiff_t>(i));

  // A dateline opening the story is not part of its first sentence.
  if (!paras.empty() && !StartsTurn(*doc, paras[0]) && !IsPhotoCaption(paras[0].Slice(doc->text))) {
    std::string agency;
    const size_t len = DatelineLength(paras[0].Slice(doc->text), &agency);
    if (len > 0) {
      Span d{paras[0].begin, paras[0].begin + static_cast<uint32_t>(len)};
      while (d.end > d.begin && doc->text[d.end - 1] == ' ') --d.end;
      doc->dateline_span = d;
      if (doc->source.empty() && !agency.empty()) doc->source = agency;
      paras[0].begin += static_cast<uint32_t>(len);
      if (paras[0].empty()) paras.erase(paras.begin());
    }
  }
}

void DetectMetadata(Document* doc) { MetadataDetector::BuiltIn().Detect(doc); }

bool IsPhotoCaption(std::string_view paragraph) {
  return MetadataDetector::BuiltIn().IsPhotoCaption(paragraph);
}

std::string_view DatelinePlace(std::string_view dateline) {
  size_t end = 0;
  bool date = false;
  for (; end < dateline.size(); ++end) {
    const char c = dateline[end];
    if (c == '(' || c == '/' || (c == ' ' && DashAt(dateline, end + 1, /*at_end=*/true) > 0)) {
      break;
    }
    if (IsAsciiDigit(c)) {
      date = true;
      break;
    }
  }
  std::string_view place = dateline.substr(0, end);
  // A date after the place ("WASHINGTON, March 13"): back to the comma
  // before its month.
  if (date) {
    const size_t comma = place.rfind(',');
    place = comma == std::string_view::npos ? std::string_view() : place.substr(0, comma);
  }
  while (!place.empty() && (place.back() == ' ' || place.back() == ',' || place.back() == '-' ||
                            place.back() == '_' || place.back() == ':')) {
    place.remove_suffix(1);
  }
  return place;
}

}  // namespace dossier
