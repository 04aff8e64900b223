#include "ingest/pdf_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "util/strings.h"

namespace dossier {
namespace {

// ---- Lines -----------------------------------------------------------------------

struct Box {
  double left = 0, right = 0, top = 0, bottom = 0;
  double Height() const { return std::max(bottom - top, 1.0); }
  void Add(const Box& b) {
    left = std::min(left, b.left);
    right = std::max(right, b.right);
    top = std::min(top, b.top);
    bottom = std::max(bottom, b.bottom);
  }
};

struct Line {
  std::string text;
  Box box;
};

// Whether `word` begins a new line after `prev` (see the header, step 1).
bool StartsLine(const PdfWord& prev, const PdfWord& word) {
  const double h = std::max(std::min(prev.bottom - prev.top, word.bottom - word.top), 1.0);
  const double prev_mid = (prev.top + prev.bottom) / 2, mid = (word.top + word.bottom) / 2;
  return std::fabs(mid - prev_mid) > 0.5 * h || word.left < prev.left ||
         word.left - prev.right > 3 * h;
}

std::vector<Line> BuildLines(const std::vector<PdfWord>& words) {
  std::vector<Line> lines;
  const PdfWord* prev = nullptr;
  for (const PdfWord& w : words) {
    const std::string_view text = TrimWhitespace(w.text);
    if (text.empty()) continue;
    const Box box{w.left, w.right, w.top, w.bottom};
    if (prev == nullptr || StartsLine(*prev, w)) {
      lines.push_back(Line{std::string(text), box});
    } else {
      Line& line = lines.back();
      if (prev->space_after || w.left - prev->right > 0.2 * box.Height()) line.text += ' ';
      line.text += text;
      line.box.Add(box);
    }
    prev = &w;
  }
  for (Line& line : lines) line.text = CollapseWhitespace(line.text);
  return lines;
}

// ---- Paragraphs --------------------------------------------------------------------

// "• item", "◦ item", "▪ item"...: a list item begins a paragraph.
bool StartsWithBullet(std::string_view text) {
  for (std::string_view bullet :
       {"\u2022", "\u25E6", "\u25AA", "\u25CF", "\u25A0", "\u2023", "\u2043", "\u00B7"}) {
    if (StartsWith(text, bullet)) return true;
  }
  return false;
}

// For each line, whether a paragraph begins there (see the header, step 2).
std::vector<bool> ParagraphStarts(const std::vector<Line>& lines) {
  std::vector<double> pitches;
  for (size_t i = 1; i < lines.size(); ++i) {
    const double d = lines[i].box.top - lines[i - 1].box.top;
    if (d > 0 && d < 3 * lines[i].box.Height()) pitches.push_back(d);
  }
  double usual = 0;
  if (!pitches.empty()) {
    std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 4, pitches.end());
    usual = pitches[pitches.size() / 4];
  }
  std::vector<bool> starts(lines.size(), true);
  for (size_t i = 1; i < lines.size(); ++i) {
    const Box& a = lines[i - 1].box;
    const Box& b = lines[i].box;
    const double d = b.top - a.top;
    const double ratio = std::max(a.Height(), b.Height()) / std::min(a.Height(), b.Height());
    const double limit = usual > 0 ? usual * 1.35 : 1.6 * a.Height();
    starts[i] =
        d <= 0 || b.left >= a.right || ratio > 1.2 || d > limit || StartsWithBullet(lines[i].text);
  }
  return starts;
}

// ---- Running headers, footers and page numbers -------------------------------------

// "7", "- 7 -", "Page 7", "page 7 of 12", "7/12", "xiv".
bool IsPageNumber(std::string_view line) {
  const std::string lower = AsciiLower(line);
  std::string_view v = lower;
  while (!v.empty() && (v.front() == '-' || v.front() == ' ')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '-' || v.back() == ' ')) v.remove_suffix(1);
  if (StartsWith(v, "page ")) v.remove_prefix(5);
  if (StartsWith(v, "p. ")) v.remove_prefix(3);
  if (v.empty()) return false;
  if (v.find_first_not_of("ivxlcdm") == std::string_view::npos) return v.size() <= 6;
  size_t digits = 0;
  while (digits < v.size() && IsAsciiDigit(v[digits])) ++digits;
  if (digits == 0 || digits > 5) return false;
  v.remove_prefix(digits);
  if (v.empty()) return true;
  if (StartsWith(v, " of ")) {
    v.remove_prefix(4);
  } else if (StartsWith(v, "/")) {
    v.remove_prefix(1);
  } else {
    return false;
  }
  return !v.empty() && v.size() <= 5 && v.find_first_not_of("0123456789") == std::string::npos;
}

// A line's text with its digits as '#': "Page 3 of 9" and "Page 4 of 9" match.
std::string EdgeKey(std::string_view text) {
  std::string key(text);
  for (char& c : key) {
    if (IsAsciiDigit(c)) c = '#';
  }
  return key;
}

// A page's lines with what step 3 needs to know about them.
struct PageLines {
  std::vector<Line> lines;
  std::vector<bool> starts;    // ParagraphStarts
  std::vector<size_t> top;     // its two topmost lines that stand alone, from the edge in
  std::vector<size_t> bottom;  // its two bottommost ones, from the edge in
};

bool Alone(const PageLines& page, size_t i) {
  return page.starts[i] && (i + 1 == page.lines.size() || page.starts[i + 1]);
}

// Fills page->top and page->bottom (the lines that may be chrome).
void FindEdges(PageLines* page) {
  std::vector<size_t> order(page->lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return page->lines[a].box.top < page->lines[b].box.top;
  });
  for (size_t k = 0; k < order.size() && k < 2 && Alone(*page, order[k]); ++k) {
    page->top.push_back(order[k]);
  }
  for (size_t k = 0; k < order.size() && k < 2; ++k) {
    const size_t i = order[order.size() - 1 - k];
    if (!Alone(*page, i) || std::find(page->top.begin(), page->top.end(), i) != page->top.end()) {
      break;
    }
    page->bottom.push_back(i);
  }
}

// How often a line (its EdgeKey) stands at a page edge, and its smallest
// height there.
struct EdgeCount {
  size_t pages = 0;
  double min_height = INFINITY;
};

// What the edge lines of all pages have in common: their texts, and the
// heights (whole points) where pages' topmost lines begin and bottommost
// lines end.
struct Edges {
  std::unordered_map<std::string, EdgeCount> texts;
  std::unordered_map<long, size_t> tops, bottoms;  // y -> pages
  size_t needed = 2;                               // pages that make a line "running"
};

Edges CountEdges(std::vector<PageLines>* pages) {
  Edges edges;
  size_t pages_with_text = 0;
  for (PageLines& page : *pages) {
    if (page.lines.empty()) continue;
    ++pages_with_text;
    FindEdges(&page);
    std::vector<std::pair<std::string, double>> keys;
    double top = INFINITY, bottom = -INFINITY;
    for (const Line& line : page.lines) {
      top = std::min(top, line.box.top);
      bottom = std::max(bottom, line.box.bottom);
    }
    ++edges.tops[std::lround(top)];
    ++edges.bottoms[std::lround(bottom)];
    for (const std::vector<size_t>* edge : {&page.top, &page.bottom}) {
      for (size_t i : *edge) {
        keys.emplace_back(EdgeKey(page.lines[i].text), page.lines[i].box.Height());
      }
    }
    std::sort(keys.begin(), keys.end());
    for (size_t k = 0; k < keys.size(); ++k) {
      EdgeCount& count = edges.texts[keys[k].first];
      if (k == 0 || keys[k].first != keys[k - 1].first) ++count.pages;
      count.min_height = std::min(count.min_height, keys[k].second);
    }
  }
  edges.needed = std::max<size_t>(2, (pages_with_text * 6 + 9) / 10);
  return edges;
}

// Whether an edge line is a running header or footer (see the header, step 3).
bool Running(const Edges& edges, const Line& line, bool top) {
  auto count = edges.texts.find(EdgeKey(line.text));
  if (count == edges.texts.end() || line.box.Height() > 1.3 * count->second.min_height) {
    return false;
  }
  if (count->second.pages >= edges.needed) return true;
  const auto& at = top ? edges.tops : edges.bottoms;
  auto place = at.find(std::lround(top ? line.box.top : line.box.bottom));
  // Where every page's text begins it is the top margin, not a header's place.
  return count->second.pages >= 2 && place != at.end() && place->second >= edges.needed &&
         at.size() > 1;
}

// For each page and line, whether it is a running header, footer or page
// number (see the header, step 3).
std::vector<std::vector<bool>> ChromeLines(std::vector<PageLines>* pages) {
  const Edges edges = CountEdges(pages);
  std::vector<std::vector<bool>> drop(pages->size());
  for (size_t p = 0; p < pages->size(); ++p) {
    const PageLines& page = (*pages)[p];
    drop[p].assign(page.lines.size(), false);
    for (bool top : {true, false}) {
      for (size_t i : top ? page.top : page.bottom) {  // from the edge inwards, while lines go
        const Line& line = page.lines[i];
        if (!Running(edges, line, top) && !IsPageNumber(line.text)) break;
        drop[p][i] = true;
      }
    }
  }
  return drop;
}

// ---- Reading order -------------------------------------------------------------------

struct Paragraph {
  std::vector<size_t> lines;
  Box box;
};

// Whether the boxes of `items` left of `cut` and those right of it stand
// side by side: their vertical extents overlap.
bool SideBySide(const std::vector<Paragraph>& paras, const std::vector<size_t>& items, double cut) {
  double left_top = INFINITY, left_bottom = -INFINITY, right_top = INFINITY,
         right_bottom = -INFINITY;
  for (size_t i : items) {
    const Box& b = paras[i].box;
    double& top = b.right <= cut ? left_top : right_top;
    double& bottom = b.right <= cut ? left_bottom : right_bottom;
    top = std::min(top, b.top);
    bottom = std::max(bottom, b.bottom);
  }
  return std::min(left_bottom, right_bottom) > std::max(left_top, right_top);
}

// The x of the leftmost gutter between the boxes of `items`: a gap of at
// least `min_gap` that no box crosses, with boxes on both sides standing side
// by side; NAN if none.
double FindGutter(const std::vector<Paragraph>& paras, const std::vector<size_t>& items,
                  double min_gap) {
  std::vector<std::pair<double, double>> spans;
  for (size_t i : items) spans.emplace_back(paras[i].box.left, paras[i].box.right);
  std::sort(spans.begin(), spans.end());
  double reach = spans.empty() ? 0 : spans[0].second;
  for (size_t k = 1; k < spans.size(); ++k) {
    if (spans[k].first - reach >= min_gap) {
      const double cut = (reach + spans[k].first) / 2;
      if (SideBySide(paras, items, cut)) return cut;
    }
    reach = std::max(reach, spans[k].second);
  }
  return NAN;
}

void ReadingOrder(const std::vector<Paragraph>& paras, std::vector<size_t> items, double min_gap,
                  int depth, std::vector<size_t>* out);

// Appends a region's paragraphs: split at its gutter and each side ordered,
// or top to bottom when it has none.
void PlaceRegion(const std::vector<Paragraph>& paras, std::vector<size_t> items, double min_gap,
                 int depth, std::vector<size_t>* out) {
  const double cut = FindGutter(paras, items, min_gap);
  if (std::isnan(cut) || depth > 24) {
    std::sort(items.begin(), items.end(), [&](size_t a, size_t b) {
      const Box &x = paras[a].box, &y = paras[b].box;
      return x.top != y.top ? x.top < y.top : x.left < y.left;
    });
    out->insert(out->end(), items.begin(), items.end());
    return;
  }
  std::vector<size_t> left, right;
  for (size_t i : items) (paras[i].box.right <= cut ? left : right).push_back(i);
  ReadingOrder(paras, std::move(left), min_gap, depth + 1, out);
  ReadingOrder(paras, std::move(right), min_gap, depth + 1, out);
}

// Appends `items` in reading order (see the header, step 4).
void ReadingOrder(const std::vector<Paragraph>& paras, std::vector<size_t> items, double min_gap,
                  int depth, std::vector<size_t>* out) {
  std::stable_sort(items.begin(), items.end(),
                   [&](size_t a, size_t b) { return paras[a].box.top < paras[b].box.top; });
  std::vector<std::vector<size_t>> bands;
  double band_bottom = 0;
  for (size_t i : items) {
    if (bands.empty() || paras[i].box.top >= band_bottom) bands.emplace_back();
    if (bands.back().empty()) band_bottom = paras[i].box.bottom;
    bands.back().push_back(i);
    band_bottom = std::max(band_bottom, paras[i].box.bottom);
  }
  std::vector<size_t> region;
  for (const std::vector<size_t>& band : bands) {
    std::vector<size_t> joined = region;
    joined.insert(joined.end(), band.begin(), band.end());
    if (!region.empty() && !std::isnan(FindGutter(paras, joined, min_gap))) {
      region = std::move(joined);
      continue;
    }
    if (!region.empty()) PlaceRegion(paras, std::move(region), min_gap, depth, out);
    region = band;
  }
  if (!region.empty()) PlaceRegion(paras, std::move(region), min_gap, depth, out);
}

// ---- Text ------------------------------------------------------------------------------

char32_t FirstCodePoint(std::string_view s) {
  size_t pos = 0;
  return s.empty() ? 0 : DecodeUtf8(s, &pos);
}

// The last code point of s (0 if empty); *start is where it begins.
char32_t LastCodePoint(std::string_view s, size_t* start) {
  *start = s.size();
  return s.empty() ? 0 : DecodeUtf8Before(s, s.size(), start);
}

// Appends `line` to the paragraph in `out` (see the header, step 5).
void JoinLine(std::string_view line, std::string* out) {
  size_t last_start = 0;
  const char32_t last = LastCodePoint(*out, &last_start);
  if (last == 0xAD) {
    out->resize(last_start);
  } else if (last == '-' && last_start > 0) {
    size_t before_start = 0;
    const char32_t before =
        LastCodePoint(std::string_view(*out).substr(0, last_start), &before_start);
    if (!u_isalpha(static_cast<UChar32>(before))) {
      *out += ' ';
    } else if (u_islower(static_cast<UChar32>(FirstCodePoint(line)))) {
      out->resize(last_start);
    }
  } else {
    *out += ' ';
  }
  *out += line;
}

std::string DropSoftHyphens(std::string s) {
  size_t at = 0;
  while ((at = s.find("\xC2\xAD", at)) != std::string::npos) s.erase(at, 2);
  return s;
}

// One page's text: its paragraphs (chrome dropped) in reading order.
std::string PageText(const PageLines& page, const std::vector<bool>& drop) {
  std::vector<Paragraph> paras;
  double min_height = 0;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (drop[i]) continue;
    const Box& box = page.lines[i].box;
    if (page.starts[i] || paras.empty()) {
      paras.push_back(Paragraph{{}, box});
    } else {
      paras.back().box.Add(box);
    }
    paras.back().lines.push_back(i);
    min_height = min_height == 0 ? box.Height() : std::min(min_height, box.Height());
  }
  std::vector<size_t> order;
  std::vector<size_t> all(paras.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (paras.size() <= 300) {
    ReadingOrder(paras, std::move(all), std::max(0.5 * min_height, 2.0), 0, &order);
  } else {
    order = std::move(all);  // poppler's order: the cuts are cubic at worst
  }
  std::string out;
  for (size_t p : order) {
    if (!out.empty()) out += "\n\n";
    const size_t paragraph_start = out.size();
    for (size_t i : paras[p].lines) {
      if (out.size() == paragraph_start) {
        out += page.lines[i].text;
      } else {
        JoinLine(page.lines[i].text, &out);
      }
    }
  }
  return DropSoftHyphens(std::move(out));
}

}  // namespace

std::vector<std::string> LayoutPdfPages(const std::vector<std::vector<PdfWord>>& pages) {
  std::vector<PageLines> lines(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    lines[p].lines = BuildLines(pages[p]);
    lines[p].starts = ParagraphStarts(lines[p].lines);
  }
  const std::vector<std::vector<bool>> drop = ChromeLines(&lines);
  std::vector<std::string> texts;
  for (size_t p = 0; p < pages.size(); ++p) texts.push_back(PageText(lines[p], drop[p]));
  return texts;
}

}  // namespace dossier
