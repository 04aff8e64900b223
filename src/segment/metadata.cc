#include "segment/metadata.h"

#include <algorithm>

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

// Length of a spaced dash at text[p] ("—", "–", "--", "-", "_" with a space
// after it), 0 if none.
size_t DashAt(std::string_view text, size_t p) {
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "_"}) {
    if (text.compare(p, dash.size(), dash) == 0 && p + dash.size() < text.size() &&
        text[p + dash.size()] == ' ') {
      return dash.size();
    }
  }
  return 0;
}

// A newswire dateline opening `para`: "WASHINGTON (AP) — ", "COLUMBIA, S.C. - ",
// "MARLOW BAY, March 13 (Harbor Wire) -- ", "NEW YORK (CNNMoney)". Returns the
// length through the dash and the space after it (0 if none); *agency gets the
// name in parentheses.
size_t DatelineLength(std::string_view para, std::string* agency) {
  constexpr size_t kMaxPlace = 48;
  size_t p = 0;
  size_t capitals = 0;
  size_t place_end = 0;
  // Place: capitals, with spaces, periods, apostrophes and hyphens; after a
  // comma one mixed-case word and a day ("Calif.", "March 13") may follow.
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

}  // namespace

void DetectMetadata(Document* doc) {
  // Byline (already set aside as clutter), and the date it may carry.
  for (const ClutterLine& c : doc->clutter) {
    if (c.kind != ClutterKind::kByline) continue;
    std::string_view line = c.span.Slice(doc->text);
    std::string_view name = line.substr(3);
    size_t bar = name.find(" | ");
    if (bar != std::string_view::npos) name = name.substr(0, bar);
    if (doc->byline.empty()) doc->byline = CollapseWhitespace(name);
    CivilDate date;
    size_t b = 0, e = 0;
    if (doc->date.empty() && FindFullDate(line, &date, &b, &e)) {
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
                             FindFullDate(first_text, &unused, &db, &de);
  if (!StartsTurn(*doc, first) && !first_is_date) {
    if (!doc->title.empty()) {
      if (EqualsIgnoreAsciiCase(CollapseWhitespace(first_text), doc->title)) {
        doc->title_span = first;
        remove.push_back(0);
      }
    } else if (CountWords(first_text, kMaxTitleWords) <= kMaxTitleWords &&
               !EndsLikeSentence(first_text) && paras.size() > 1) {
      doc->title = CollapseWhitespace(first_text);
      doc->title_span = first;
      remove.push_back(0);
    }
  }
  // Date: a full date on a short line among the first paragraphs.
  const size_t n = std::min(paras.size(), kHeaderParagraphs);
  for (size_t i = 0; i < n; ++i) {
    // A dateline comes early in its paragraph: look at the start only.
    std::string_view text = paras[i].Slice(doc->text).substr(0, kDatelineWindow);
    CivilDate date;
    size_t b = 0, e = 0;
    if (!FindFullDate(text, &date, &b, &e)) continue;
    const size_t words = CountWords(paras[i].Slice(doc->text), kMaxDateLineWords);
    // A dateline inside a longer first paragraph ("WASHINGTON, Nov. 27, 2015 --") counts when
    // the date comes early.
    if (words > kMaxDateLineWords && b > 40) continue;
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
  if (!paras.empty() && !StartsTurn(*doc, paras[0])) {
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

}  // namespace dossier
