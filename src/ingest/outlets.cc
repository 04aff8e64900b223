#include "ingest/outlets.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "ingest/fetch.h"  // IsWebAddress
#include "util/data_files.h"
#include "util/data_rows.h"
#include "util/dates.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace {

// "example.com", "www.hawaiinewsnow.com": a bare domain, not a name.
bool LooksLikeDomain(std::string_view s) {
  if (s.find('.') == std::string_view::npos || s.front() == '.' || s.back() == '.') return false;
  for (char c : s) {
    if (!(IsAsciiLower(c) || IsAsciiDigit(c) || c == '.' || c == '-')) return false;
  }
  const std::string_view tld = s.substr(s.rfind('.') + 1);
  if (tld.size() < 2) return false;
  for (char c : tld) {
    if (!IsAsciiLower(c)) return false;
  }
  return true;
}

// A single word of lower-case ASCII letters and digits: "nj", "usatoday".
bool IsDomainLabel(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(IsAsciiLower(c) || IsAsciiDigit(c) || c == '-')) return false;
  }
  return true;
}

// "Name | tagline" -> "Name".
std::string_view CutTagline(std::string_view s) {
  for (std::string_view sep : {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: "}) {
    const size_t at = s.find(sep);
    if (at != std::string_view::npos && at > 0) s = TrimWhitespace(s.substr(0, at));
  }
  return s;
}

std::string WithoutWww(std::string host) {
  if (StartsWith(host, "www.") && host.find('.', 4) != std::string::npos) host.erase(0, 4);
  return host;
}

// A real day of 1990-2099 (dates in addresses), as YYYY-MM-DD; else "".
std::string UrlDay(int y, int m, int d) {
  const CivilDate date{y, m, d};
  return y >= 1990 && y <= 2099 && date.valid() ? date.ToIso() : std::string();
}

// The number `s` if it is 1-4 ASCII digits, else -1.
int Number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// YYYY-MM-DD or YYYY_MM_DD inside a segment, or a segment that starts with
// YYYYMMDD not followed by another digit.
std::string DateInSegment(std::string_view seg) {
  for (size_t i = 0; i + 10 <= seg.size(); ++i) {
    if (i > 0 && IsAsciiDigit(seg[i - 1])) continue;
    const std::string_view s = seg.substr(i, 10);
    const char sep = s[4];
    if ((sep == '-' || sep == '_') && s[7] == sep &&
        (i + 10 == seg.size() || !IsAsciiDigit(seg[i + 10]))) {
      std::string day =
          UrlDay(Number(s.substr(0, 4)), Number(s.substr(5, 2)), Number(s.substr(8, 2)));
      if (!day.empty()) return day;
    }
  }
  if (seg.size() >= 8 && (seg.size() == 8 || !IsAsciiDigit(seg[8]))) {
    if (IsAsciiDigit(seg[4]) && IsAsciiDigit(seg[7])) {
      return UrlDay(Number(seg.substr(0, 4)), Number(seg.substr(4, 2)), Number(seg.substr(6, 2)));
    }
  }
  return {};
}

}  // namespace

// Section names and placeholders some pages put in og:site_name.
bool Outlets::IsPlaceholder(std::string_view name) const {
  const std::string lower = AsciiLower(name);
  for (const std::string& w : placeholders_) {
    if (lower == w) return true;
  }
  return false;
}

// Words that begin the date or time part of a byline.
bool Outlets::StartsDatePart(
    const std::vector<std::string_view>& words, size_t i,
    const std::vector<const std::vector<std::string>*>& more_labels) const {
  auto bare = [&](size_t k) {
    std::string_view w = words[k];
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':'))
      w.remove_suffix(1);
    return FoldForMatching(w);
  };
  const std::string w = bare(i);
  const bool next_digit = i + 1 < words.size() && IsAsciiDigit(words[i + 1][0]);
  for (const std::string& label : date_labels_) {
    if (w == label) return true;
  }
  for (const std::vector<std::string>* labels : more_labels) {
    for (const std::string& label : *labels) {
      if (w == label) return true;
    }
  }
  if (calendar_.Weekday(w) >= 0) return true;
  if (calendar_.Month(w) > 0 && next_digit) return true;
  if (!words[i].empty() && IsAsciiDigit(words[i][0])) {
    // 2019-11-18, 11/18/2019, 18.11.2019, 12:01
    for (char c : words[i]) {
      if (c == '-' || c == '/' || c == ':' || c == '.') return true;
    }
    if (i + 1 < words.size() && calendar_.Month(bare(i + 1)) > 0) return true;  // 18 November
  }
  return false;
}

Result<Outlets> Outlets::Create(std::string_view data_dir, std::string_view language) {
  Outlets o;
  Result<CalendarNames> calendar = CalendarNames::Create(data_dir, language);
  if (!calendar.ok()) return calendar.status();
  o.calendar_ = std::move(*calendar);
  // data/outlet_domains.txt: "domain  Name" per line.
  Result<WordList> domains = LoadWordList(data_dir, "outlet_domains.txt", /*lowercase=*/false);
  if (!domains.ok()) return domains.status();
  for (const std::string& line : domains->entries()) {
    const size_t space = line.find_first_of(" \t");
    if (space == std::string::npos) continue;
    std::string name(TrimWhitespace(std::string_view(line).substr(space)));
    if (!name.empty()) o.domains_.emplace(AsciiLower(line.substr(0, space)), std::move(name));
  }
  const std::string furniture_file = std::string(language) + "/page_furniture.txt";
  Result<std::vector<DataRow>> furniture = LoadDataRows(data_dir, furniture_file);
  if (!furniture.ok()) return furniture.status();
  for (const DataRow& row : *furniture) {
    if (row[1] == "site_placeholder") o.placeholders_.push_back(AsciiLower(row[0]));
  }
  const std::string bylines_file = std::string(language) + "/bylines.txt";
  Result<std::vector<DataRow>> bylines = LoadDataRows(data_dir, bylines_file);
  if (!bylines.ok()) return bylines.status();
  for (const DataRow& row : *bylines) {
    if (row[1] == "date_label") o.date_labels_.push_back(FoldForMatching(row[0]));
  }
  return o;
}

const Outlets& Outlets::BuiltIn() {
  // Immutable once built; empty lists only if the build lost its data.
  static const Outlets outlets = [] {
    Result<Outlets> built_in = Create("");
    return built_in.ok() ? std::move(*built_in) : Outlets();
  }();
  return outlets;
}

std::string HostOf(std::string_view url) {
  if (!IsWebAddress(url)) return {};
  url.remove_prefix(url.find("//") + 2);
  std::string_view host = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (!host.empty() && host.front() == '[') return {};  // an IPv6 literal names no outlet
  host = host.substr(0, host.find(':'));
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  return AsciiLower(host);
}

std::string Outlets::KnownOutlet(std::string_view host) const {
  std::string_view h = host;
  while (!h.empty()) {
    if (auto it = domains_.find(h); it != domains_.end()) return it->second;
    const size_t dot = h.find('.');
    if (dot == std::string_view::npos) break;
    h.remove_prefix(dot + 1);
  }
  return {};
}

std::string Outlets::OutletName(const std::vector<std::string>& candidates,
                                std::string_view url) const {
  std::string host = HostOf(url);
  std::string label;  // the first domain label ("usatoday"), for a page without an address
  for (const std::string& candidate : candidates) {
    std::string c = CollapseWhitespace(candidate);
    std::string_view v = TrimWhitespace(c);
    if (!v.empty() && v.front() == '@') v.remove_prefix(1);
    if (v.empty()) continue;
    // An address, or a domain in lower case ("livescience.com"), is not a name;
    // a domain the site writes with capitals is its brand ("MacRumors.com").
    if (IsWebAddress(v) || LooksLikeDomain(v)) {
      if (host.empty()) host = IsWebAddress(v) ? HostOf(v) : AsciiLower(v);
      continue;
    }
    v = CutTagline(v);
    if (IsDomainLabel(v) && label.empty()) label = std::string(v);
    if (v.empty() || IsPlaceholder(v) || IsDomainLabel(v)) continue;
    return std::string(v);
  }
  if (host.empty()) return label;  // no address: a domain label is better than nothing
  std::string known = KnownOutlet(host);
  return known.empty() ? WithoutWww(host) : known;
}

std::string Outlets::DateFromUrl(std::string_view url) const {
  if (!IsWebAddress(url)) return {};
  url.remove_prefix(url.find("//") + 2);
  const size_t slash = url.find('/');
  if (slash == std::string_view::npos) return {};
  std::string_view path = url.substr(slash + 1);
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string_view> segs;
  while (!path.empty()) {
    const size_t s = path.find('/');
    segs.push_back(path.substr(0, s));
    if (s == std::string_view::npos) break;
    path.remove_prefix(s + 1);
  }
  for (size_t i = 0; i + 2 < segs.size(); ++i) {
    const int y = segs[i].size() == 4 ? Number(segs[i]) : -1;
    if (y < 0) continue;
    int m = segs[i + 1].size() <= 2 ? Number(segs[i + 1]) : -1;
    if (m < 0) m = calendar_.Month(segs[i + 1]);
    const int d = segs[i + 2].size() <= 2 ? Number(segs[i + 2]) : -1;
    if (std::string day = UrlDay(y, m, d); !day.empty()) return day;
  }
  for (std::string_view seg : segs) {
    std::string date = DateInSegment(seg);
    if (!date.empty()) return date;
  }
  return {};
}

std::string Outlets::CleanBylineDates(
    std::string_view byline,
    const std::vector<const std::vector<std::string>*>& more_labels) const {
  const std::vector<std::string_view> words = SplitWhitespace(byline);
  size_t cut = words.size();
  for (size_t i = 1; i < words.size(); ++i) {  // never the first word: "May Smith"
    if (StartsDatePart(words, i, more_labels)) {
      cut = i;
      break;
    }
  }
  if (cut == words.size()) return std::string(TrimWhitespace(byline));
  std::string out;
  for (size_t i = 0; i < cut; ++i) out += (i ? " " : "") + std::string(words[i]);
  // The separators left before the date: "Madeline Fry |", "Jeff Foust,".
  while (!out.empty() &&
         (out.back() == '|' || out.back() == ',' || out.back() == '-' || out.back() == ' ')) {
    out.pop_back();
  }
  for (std::string_view sep : {"\xc2\xb7", "\xe2\x80\xa2", "\xe2\x80\x94", "\xe2\x80\x93"}) {
    if (EndsWith(out, sep)) out.erase(out.size() - sep.size());
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out.empty() ? std::string(TrimWhitespace(byline)) : out;
}

std::string KnownOutlet(std::string_view host) { return Outlets::BuiltIn().KnownOutlet(host); }

std::string OutletName(const std::vector<std::string>& candidates, std::string_view url) {
  return Outlets::BuiltIn().OutletName(candidates, url);
}

std::string DateFromUrl(std::string_view url) { return Outlets::BuiltIn().DateFromUrl(url); }

std::string CleanBylineDates(std::string_view byline) {
  return Outlets::BuiltIn().CleanBylineDates(byline);
}

}  // namespace dossier
