#include "analyze/figures.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "util/strings.h"

namespace dossier {
namespace {

struct NumberWord {
  std::string_view word;
  double value;
};
constexpr NumberWord kNumberWords[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12},
};

constexpr NumberWord kScales[] = {
    {"thousand", 1e3},  {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"mln", 1e6},     {"bn", 1e9},
};

struct Unit {
  std::string_view word;  // lower-case surface form
  std::string_view unit;  // normalized
};
// Units right after a figure. Casualty words carry the unit "people".
constexpr Unit kUnits[] = {
    {"people", "people"},
    {"person", "people"},
    {"persons", "people"},
    {"lives", "people"},
    {"dead", "people"},
    {"killed", "people"},
    {"injured", "people"},
    {"wounded", "people"},
    {"deaths", "people"},
    {"casualties", "people"},
    {"passengers", "passenger"},
    {"passenger", "passenger"},
    {"crew", "crew"},
    {"metres", "metre"},
    {"metre", "metre"},
    {"meters", "metre"},
    {"meter", "metre"},
    {"kilometres", "kilometre"},
    {"kilometre", "kilometre"},
    {"kilometers", "kilometre"},
    {"kilometer", "kilometre"},
    {"km", "kilometre"},
    {"miles", "mile"},
    {"mile", "mile"},
    {"percent", "percent"},
    {"pct", "percent"},
    {"states", "state"},
    {"countries", "country"},
    {"nations", "country"},
    {"years", "year"},
    {"year", "year"},
    {"months", "month"},
    {"month", "month"},
    {"weeks", "week"},
    {"week", "week"},
    {"days", "day"},
    {"day", "day"},
    {"hours", "hour"},
    {"hour", "hour"},
    {"minutes", "minute"},
    {"minute", "minute"},
    {"vehicles", "vehicle"},
    {"cars", "vehicle"},
    {"dollars", "dollar"},
    {"homes", "home"},
    {"houses", "home"},
    {"buildings", "building"},
    {"troops", "troops"},
    {"soldiers", "soldier"},
    {"children", "child"},
    {"students", "student"},
    {"workers", "worker"},
    {"jobs", "job"},
    {"refugees", "refugee"},
    {"investigators", "investigator"},
};

constexpr std::string_view kMonths[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec",
};

// Words that may stand between a casualty figure and its verb: "12 were
// injured", "two people are confirmed dead", "two have died", "200,000 are
// estimated to have been killed".
constexpr std::string_view kAuxiliaries[] = {
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "now",
    "confirmed",
    "reported",
    "later",
    "all",
    "people",
    "aboard",
    "on",
    "board",
    "still",
    // "are estimated to have been killed", "are feared dead", "are believed to have died"
    "estimated",
    "believed",
    "thought",
    "feared",
    "known",
    "reportedly",
    "to",
};

template <typename T>
const T* FindWord(const T* begin, const T* end, std::string_view w) {
  for (const T* p = begin; p != end; ++p) {
    if (p->word == w) return p;
  }
  return nullptr;
}

bool IsMonth(std::string_view w) {
  return std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths);
}

// The casualty key of a word, or "".
std::string_view Casualty(const Token& t) {
  const std::string& s = t.stem;
  if (s == "kill" || s == "die" || s == "dead" || s == "death" || s == "fatal" || s == "perish" ||
      s == "toll" || s == "fatality" || s == "live") {
    return "killed";
  }
  if (s == "injur" || s == "wound" || s == "hurt" || t.lower == "injured") return "injured";
  if (t.lower == "missing") return "missing";
  return "";
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

double ParseNumber(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != ',') digits += c;
  }
  return std::strtod(digits.c_str(), nullptr);
}

// The text between two tokens, trimmed.
std::string_view Between(const Document& doc, const Token& a, const Token& b) {
  return TrimWhitespace(std::string_view(doc.text).substr(a.span.end, b.span.begin - a.span.end));
}

bool IsDash(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" /* en dash */ || s == "\xE2\x80\x94" /* em dash */;
}

class Scanner {
 public:
  Scanner(const Document& doc, uint32_t sentence, uint32_t document)
      : doc_(doc),
        text_(doc.text),
        begin_(doc.sentences[sentence].token_begin),
        end_(doc.sentences[sentence].token_end),
        sentence_(sentence),
        document_(document) {}

  void Run(std::vector<FigureMention>* out) {
    for (uint32_t i = begin_; i < end_;) {
      FigureMention m;
      uint32_t next = i + 1;
      if (Match(i, &m, &next)) {
        out->push_back(std::move(m));
        i = next;
      } else {
        ++i;
      }
    }
  }

 private:
  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  char CharAt(size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }

  // The value of a number token or word at i (consuming "twenty-five"), and
  // whether it was written in digits.
  bool Number(uint32_t i, double* value, uint32_t* next, bool* digits) const {
    const Token& t = tok(i);
    *next = i + 1;
    if (t.is_number && !t.lower.empty() && IsAsciiDigit(t.lower[0])) {
      *value = ParseNumber(t.lower);
      *digits = true;
      return true;
    }
    const NumberWord* w = FindWord(std::begin(kNumberWords), std::end(kNumberWords), t.lower);
    if (w == nullptr) return false;
    *value = w->value;
    *digits = false;
    if (w->value >= 20 && w->value < 100 && i + 1 < end_ && Between(doc_, t, tok(i + 1)) == "-") {
      const NumberWord* ones =
          FindWord(std::begin(kNumberWords), std::end(kNumberWords), tok(i + 1).lower);
      if (ones != nullptr && ones->value < 10) {
        *value += ones->value;
        *next = i + 2;
      }
    }
    return true;
  }

  // A number glued to a name ("S-400"), part of a clock time or a date.
  bool Skipped(uint32_t i, uint32_t after, double value, bool digits) const {
    const Token& t = tok(i);
    if (digits) {
      size_t b = t.span.begin;
      if (b >= 2 && text_[b - 1] == '-' && IsAsciiAlpha(text_[b - 2])) return true;
      if (b >= 1 && IsAsciiAlpha(text_[b - 1])) return true;
      if (CharAt(t.span.end) == ':' && IsAsciiDigit(CharAt(t.span.end + 1))) return true;
      if (b >= 2 && text_[b - 1] == ':' && IsAsciiDigit(text_[b - 2])) return true;
    }
    if (after < end_) {
      const std::string& n = tok(after).lower;
      if (n == "a.m." || n == "p.m." || n == "a.m" || n == "p.m" || n == "am" || n == "pm") {
        return true;
      }
    }
    if (value <= 31 && value == std::floor(value)) {
      if (i > begin_ && IsMonth(tok(i - 1).lower)) return true;
      if (after < end_ && IsMonth(tok(after).lower)) return true;
    }
    return false;
  }

  bool Match(uint32_t i, FigureMention* m, uint32_t* next_out) {
    double value = 0;
    uint32_t j = 0;
    bool digits = false;
    if (!Number(i, &value, &j, &digits)) return false;
    if (Skipped(i, j, value, digits)) return false;

    uint32_t span_begin = tok(i).span.begin;
    uint32_t span_end = tok(j - 1).span.end;
    // "$" before the number.
    if (digits && span_begin >= 1 && text_[span_begin - 1] == '$') {
      --span_begin;
      m->unit = "dollar";
    }
    // A qualifier before it.
    Qualifier(i, &span_begin, &m->qualifier);
    bool between = false;
    if (m->qualifier.empty() && i > begin_ && tok(i - 1).lower == "between") {
      between = true;
      span_begin = std::min(span_begin, tok(i - 1).span.begin);
      first_token_ = i - 1;
    }
    // "-plus" / "+".
    auto plus = [&]() {
      if (j < end_ && tok(j).lower == "plus" && Between(doc_, tok(j - 1), tok(j)) == "-") {
        m->qualifier = "plus";
        span_end = tok(j).span.end;
        ++j;
      } else if (CharAt(span_end) == '+') {
        m->qualifier = "plus";
        ++span_end;
      }
    };
    plus();
    // Scale.
    auto scale = [&](double* v) {
      if (j < end_) {
        const NumberWord* s = FindWord(std::begin(kScales), std::end(kScales), tok(j).lower);
        if (s != nullptr) {
          *v *= s->value;
          span_end = tok(j).span.end;
          ++j;
          return s->value;
        }
      }
      return 1.0;
    };
    double scale_value = scale(&value);
    double high = value;
    // A range: "5,000–6,000", "5,000 to 6,000", "between 5,000 and 6,000".
    if (j < end_) {
      std::string_view gap = Between(doc_, tok(j - 1), tok(j));
      bool dash = IsDash(gap);
      bool to = gap.empty() && (tok(j).lower == "to" || (between && tok(j).lower == "and"));
      uint32_t k = to ? j + 1 : j;
      double second = 0;
      uint32_t after = 0;
      bool second_digits = false;
      if ((dash || to) && k < end_ && Number(k, &second, &after, &second_digits) &&
          second_digits == digits) {
        uint32_t saved_j = j;
        uint32_t saved_end = span_end;
        j = after;
        span_end = tok(after - 1).span.end;
        double s = scale(&second);
        if (s == 1.0 && scale_value != 1.0) second *= scale_value;  // "5-6 million"
        if (s != 1.0 && scale_value == 1.0) value *= s;             // "5 to 6 million"
        if (second > value) {
          high = second;
        } else {
          j = saved_j;
          span_end = saved_end;
        }
      }
    }
    // Percent sign.
    if (CharAt(span_end) == '%') {
      ++span_end;
      m->unit = "percent";
    }
    // Unit, possibly hyphenated ("1.2-kilometre"), and "per cent".
    if (m->unit.empty() && j < end_) {
      std::string_view gap = Between(doc_, tok(j - 1), tok(j));
      if (gap.empty() || gap == "-") {
        const std::string& w = tok(j).lower;
        if (w == "per" && j + 1 < end_ && tok(j + 1).lower == "cent") {
          m->unit = "percent";
          span_end = tok(j + 1).span.end;
          j += 2;
        } else if (w == "km" && std::string_view(text_).substr(tok(j).span.end, 2) == "/h") {
          m->unit = "km/h";
          span_end = tok(j).span.end + 2;
          ++j;
        } else if (const Unit* u = FindWord(std::begin(kUnits), std::end(kUnits), w)) {
          m->unit = std::string(u->unit);
          span_end = tok(j).span.end;
          std::string_view c = Casualty(tok(j));
          if (!c.empty() && w != "people" && w != "person" && w != "persons") m->what = c;
          ++j;
        }
      }
    }
    // Years: 1900-2099 written without a comma, with no unit.
    if (digits && m->unit.empty() && IsDigits(tok(i).lower) && tok(i).lower.size() == 4 &&
        value >= 1900 && value <= 2099 && m->qualifier.empty()) {
      return false;
    }
    // Casualties: the verb after the figure, then the word before it.
    if (m->what.empty() && (m->unit.empty() || m->unit == "people")) {
      // Up to kMaxCasualtyGap auxiliaries: "are estimated to have been killed".
      constexpr uint32_t kMaxCasualtyGap = 7;
      for (uint32_t k = j; k < end_ && k < j + kMaxCasualtyGap; ++k) {
        std::string_view c = Casualty(tok(k));
        if (!c.empty()) {
          m->what = c;
          break;
        }
        if (std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), tok(k).lower) ==
            std::end(kAuxiliaries)) {
          break;
        }
      }
      uint32_t first = first_token_;
      for (uint32_t k = first; m->what.empty() && k > begin_ && k + 3 > first; --k) {
        const Token& t = tok(k - 1);
        std::string_view c = Casualty(t);
        if (!c.empty()) m->what = c;
        if ((!t.is_stopword || t.lower == "and" || t.lower == "but") && c.empty()) break;
      }
    }
    // "four of them": a part of a figure given before.
    if (m->unit.empty() && j < end_ && tok(j).lower == "of") return false;
    if (!m->what.empty() && m->unit.empty()) m->unit = "people";
    if (m->what.empty()) m->what = m->unit;
    if (m->unit.empty()) return false;

    m->document = document_;
    m->sentence = sentence_;
    m->span = Span{span_begin, span_end};
    m->value = value;
    m->value_high = high;
    *next_out = j;
    return true;
  }

  void Qualifier(uint32_t i, uint32_t* span_begin, std::string* qualifier) {
    first_token_ = i;
    if (i == begin_) return;
    const std::string& p = tok(i - 1).lower;
    const std::string pp = i - 1 > begin_ ? tok(i - 2).lower : std::string();
    uint32_t start = 0;
    if ((p == "than" && pp == "more") || (p == "than" && pp == "over")) {
      *qualifier = "more than";
      start = i - 2;
    } else if (p == "than" && (pp == "less" || pp == "fewer")) {
      *qualifier = "less than";
      start = i - 2;
    } else if (p == "least" && pp == "at") {
      *qualifier = "at least";
      start = i - 2;
    } else if (p == "to" && pp == "up") {
      *qualifier = "up to";
      start = i - 2;
    } else if (p == "many" && pp == "as") {
      *qualifier = "up to";  // "as many as"
      start = i - 2;
      if (i - 2 > begin_ && tok(i - 3).lower == "as") start = i - 3;
    } else if (p == "over" || p == "above" || p == "exceeding") {
      *qualifier = "over";
      start = i - 1;
    } else if (p == "about" || p == "around" || p == "roughly" || p == "approximately" ||
               p == "some" || p == "approx" || p == "estimated") {
      *qualifier = "about";
      start = i - 1;
      if (p == "estimated" && i - 1 > begin_ && tok(i - 2).lower == "an") start = i - 2;
    } else if (p == "nearly" || p == "almost") {
      *qualifier = "nearly";
      start = i - 1;
    } else if (p == "under" || p == "below") {
      *qualifier = "less than";
      start = i - 1;
    } else if (p == "within") {
      *qualifier = "within";
      start = i - 1;
    } else {
      return;
    }
    *span_begin = std::min(*span_begin, tok(start).span.begin);
    first_token_ = start;
  }

  const Document& doc_;
  const std::string& text_;
  uint32_t begin_, end_;
  uint32_t sentence_, document_;
  uint32_t first_token_ = 0;  // the current figure's first token (its qualifier's)
};

enum class Bound { kExact, kLower, kUpper };

struct Interval {
  double low, high;
  Bound bound;
};

Interval IntervalOf(const FigureMention& m) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const std::string& q = m.qualifier;
  if (q == "about") return {0.9 * m.value, 1.1 * m.value_high, Bound::kExact};
  if (q == "over" || q == "more than" || q == "at least" || q == "plus") {
    return {m.value, kInf, Bound::kLower};
  }
  if (q == "up to" || q == "within" || q == "less than") return {0, m.value_high, Bound::kUpper};
  if (q == "nearly") return {0.9 * m.value, m.value_high, Bound::kExact};
  return {m.value, m.value_high, Bound::kExact};
}

}  // namespace

size_t FigureGroup::DocumentCount() const {
  std::set<uint32_t> docs;
  for (const FigureMention& m : mentions) docs.insert(m.document);
  return docs.size();
}

const char* FigureStatusName(FigureGroup::Status status) {
  return status == FigureGroup::Status::kAgree ? "agree" : "conflict";
}

Result<FigureExtractor> FigureExtractor::Create(std::string_view /*data_dir*/) {
  return FigureExtractor();
}

std::vector<FigureMention> FigureExtractor::Extract(const Document& doc,
                                                    uint32_t document_index) const {
  std::vector<FigureMention> out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.token_end > doc.tokens.size() || sentence.token_begin >= sentence.token_end) {
      continue;
    }
    Scanner(doc, s, document_index).Run(&out);
  }
  return out;
}

bool FigureExtractor::Compatible(const FigureMention& a, const FigureMention& b) {
  Interval x = IntervalOf(a);
  Interval y = IntervalOf(b);
  if (x.low > y.high || y.low > x.high) return false;
  if (x.bound == Bound::kLower && y.bound == Bound::kLower) {
    double lo = std::min(x.low, y.low);
    double hi = std::max(x.low, y.low);
    if (lo <= 0 ? hi > 0 : hi / lo > 1.25) return false;
  }
  return true;
}

std::vector<FigureGroup> FigureExtractor::Group(const Cluster& cluster) const {
  std::map<std::pair<std::string, std::string>, FigureGroup> groups;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    for (FigureMention& m : Extract(cluster.documents[d], d)) {
      FigureGroup& g = groups[{m.what, m.unit}];
      g.what = m.what;
      g.unit = m.unit;
      g.mentions.push_back(std::move(m));
    }
  }
  std::vector<FigureGroup> out;
  for (auto& [key, g] : groups) {
    std::map<double, size_t> counts;
    size_t best = 0;
    for (const FigureMention& m : g.mentions) {
      size_t n = ++counts[m.value];
      if (n > best) {
        best = n;
        g.value = m.value;
      }
    }
    for (size_t i = 0; i < g.mentions.size() && g.status == FigureGroup::Status::kAgree; ++i) {
      for (size_t j = i + 1; j < g.mentions.size(); ++j) {
        if (g.mentions[i].document != g.mentions[j].document &&
            !Compatible(g.mentions[i], g.mentions[j])) {
          g.status = FigureGroup::Status::kConflict;
          break;
        }
      }
    }
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureGroup& a, const FigureGroup& b) {
    return a.DocumentCount() > b.DocumentCount();
  });
  return out;
}

}  // namespace dossier
