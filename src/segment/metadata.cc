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
  const bool first_is_date =
      CountWords(first_text) <= kMaxDateLineWords && FindFullDate(first_text, &unused, &db, &de);
  if (!StartsTurn(*doc, first) && !first_is_date) {
    if (!doc->title.empty()) {
      if (EqualsIgnoreAsciiCase(CollapseWhitespace(first_text), doc->title)) {
        doc->title_span = first;
        remove.push_back(0);
      }
    } else if (CountWords(first_text) <= kMaxTitleWords && !EndsLikeSentence(first_text) &&
               paras.size() > 1) {
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
    const size_t words = CountWords(paras[i].Slice(doc->text));
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
}

}  // namespace dossier
