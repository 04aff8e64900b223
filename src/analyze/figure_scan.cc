// The figure scanner (figure_scan.h): one pass over each sentence's tokens,
// reading a number, its qualifiers, range, unit and what it counts.
#include "analyze/figure_scan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "analyze/figure_words.h"
#include "analyze/quote_words.h"
#include "util/dates.h"
#include "util/strings.h"
#include "util/word_shapes.h"

namespace dossier {
namespace figures_internal {
namespace {

constexpr size_t kContextWindow = 6;

using Found = ScannedFigure;

class Scanner {
 public:
  Scanner(const Document& doc, uint32_t sentence, uint32_t document)
      : doc_(doc),
        text_(doc.text),
        begin_(doc.sentences[sentence].token_begin),
        end_(doc.sentences[sentence].token_end),
        sentence_(sentence),
        document_(document) {}

  void Run(std::vector<Found>* out) {
    for (uint32_t i = begin_; i < end_;) {
      Found f;
      uint32_t next = i + 1;
      if (Match(i, &f.mention, &next)) {
        f.context = Context(first_token_, next);
        out->push_back(std::move(f));
        i = next;
      } else {
        ++i;
      }
    }
  }

 private:
  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  char CharAt(size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
  // The trimmed text between tokens a and a + 1.
  std::string_view Gap(uint32_t a) const { return Between(doc_, tok(a), tok(a + 1)); }
  bool Adjacent(uint32_t a) const { return a + 1 < end_ && Gap(a).empty(); }
  bool Joined(uint32_t a) const {
    if (a + 1 >= end_) return false;
    std::string_view g = Gap(a);
    return g.empty() || g == "-";
  }
  // The trimmed text from byte `pos` to token k.
  std::string_view GapAt(size_t pos, uint32_t k) const {
    if (pos > tok(k).span.begin) return "/";  // token k overlaps the figure: never adjacent
    return TrimWhitespace(std::string_view(text_).substr(pos, tok(k).span.begin - pos));
  }
  bool AdjacentAt(size_t pos, uint32_t k) const { return k < end_ && GapAt(pos, k).empty(); }
  bool JoinedAt(size_t pos, uint32_t k) const {
    if (k >= end_) return false;
    std::string_view g = GapAt(pos, k);
    return g.empty() || g == "-";
  }
  // Token k stands right before the figure, a currency sign aside.
  bool LeadsInto(uint32_t k) const {
    if (k + 1 >= end_) return false;
    std::string_view g = Gap(k);
    return g.empty() || g == "$" || g == "\xC2\xA3" || g == "\xE2\x82\xAC";
  }
  bool Capitalized(uint32_t k) const { return IsAsciiUpper(CharAt(tok(k).span.begin)); }
  bool IsMonth(uint32_t k) const {
    std::string_view w = NoDot(tok(k).lower);
    if (w == "may") return Capitalized(k);  // "as many as 20 may have died"
    return MonthFromName(w) > 0;
  }

  // An acronym or a word in capitals ("TIPS", "THREE"), not "DJs".
  bool AllCaps(uint32_t k) const {
    size_t letters = 0;
    for (uint32_t b = tok(k).span.begin; b < tok(k).span.end; ++b) {
      if (IsAsciiLower(text_[b])) return false;
      letters += IsAsciiUpper(text_[b]);
    }
    return letters >= 2;
  }

  // A word that may belong to a counted noun compound.
  bool CompoundWord(uint32_t k) const {
    const Token& t = tok(k);
    return IsWord(t) && !t.is_stopword && !quote_words::IsPossessive(t.lower) &&
           !IsOneOf(t.lower, kNonHeads) && !IsMonth(k) && !AllCaps(k) && !IsWeekdayName(t.lower) &&
           !FindWord(std::begin(kScales), std::end(kScales), t.lower) &&
           !FindWord(std::begin(kCardinalWords), std::end(kCardinalWords), t.lower) &&
           t.lower.find_first_of("0123456789") == std::string::npos;
  }

  // The counted noun compound starting at k: [k, *end). See rule 4.
  bool CompoundAfter(uint32_t k, uint32_t* end_out) const {
    uint32_t e = k;
    for (uint32_t t = k; t < end_ && t < k + 3; ++t) {
      if (t > k && !Joined(t - 1)) break;
      // An acronym may modify a noun: "27 EU member states".
      const bool acronym = AllCaps(t) && IsWord(tok(t)) && t + 1 < end_ && Adjacent(t) &&
                           CompoundWord(t + 1) && !Capitalized(t + 1);
      // A capitalized word after a lower-case one only as a modifier: "new
      // U.S. states", not "a $2 billion loan Obama signed".
      const bool modifier = t + 1 < end_ && Joined(t) && CompoundWord(t + 1) &&
                            !EndsEd(tok(t + 1).lower) && !IsVerb(tok(t + 1).lower);
      const bool fits = (CompoundWord(t) || acronym) && !IsVerb(tok(t).lower) &&
                        !(t > k && EndsEd(tok(t).lower)) &&
                        !(t > k && !Capitalized(t - 1) && Capitalized(t) && !modifier);
      if (!fits) {
        // A hyphenated word cut in two ("hands-on", "aux-to-Lightning").
        if (t > k && Gap(t - 1) == "-") return false;
        break;
      }
      e = t + 1;
      if (LooksPlural(tok(t).lower) && !(t + 1 < end_ && Gap(t) == "-")) break;
    }
    // Three words and no head yet: "new federal death row peers" is too long
    // to read without a parser.
    if (e == k + 3 && !LooksPlural(tok(e - 1).lower) && e < end_ && Joined(e - 1) &&
        CompoundWord(e)) {
      return false;
    }
    while (e > k && (EndsEd(tok(e - 1).lower) || IsLyAdverb(tok(e - 1).lower))) --e;
    if (e == k) return false;
    // A lone period is a time, not a thing: "8% year on year".
    if (e == k + 1 && IsOneOf(NoDot(tok(k).stem), kPeriods)) return false;
    // A name, not a count: "Two Fat Ladies", "$159 Apple Air Pods"; in a
    // heading, any capitalized head ("13 Ways to ...").
    bool all_capitalized = true;
    for (uint32_t t = k; t < e; ++t) all_capitalized = all_capitalized && Capitalized(t);
    if (all_capitalized && (e - k > 1 || doc_.sentences[sentence_].fragment)) return false;
    *end_out = e;
    return true;
  }

  // The lower-case compound ending at `last` (inclusive), at most three words.
  uint32_t CompoundBefore(uint32_t last) const {
    uint32_t b = last;
    while (b > begin_ && last - b < 2 && Joined(b - 1) && CompoundWord(b - 1) &&
           !IsOneOf(tok(b - 1).lower, kCommonVerbs) && !IsOneOf(tok(b - 1).lower, kLevelVerbs) &&
           !IsVerb(tok(b - 1).lower) && !IsOneOf(tok(b - 1).lower, kChangeVerbs) &&
           (!Capitalized(b - 1) || b - 1 == begin_)) {
      --b;
    }
    return b;
  }

  bool LowerOrFirst(uint32_t k) const { return !Capitalized(k) || k == begin_; }

  // The label and key of the compound [b, e).
  void SetWhat(uint32_t b, uint32_t e, FigureMention* m) {
    what_begin_ = b;
    what_end_ = e;
    std::string label;
    for (uint32_t k = b; k < e; ++k) {
      if (k > b) label += Gap(k - 1) == "-" ? "-" : " ";
      std::string_view w(text_.data() + tok(k).span.begin, tok(k).span.end - tok(k).span.begin);
      if (k == begin_ && w.size() > 1 && IsAsciiUpper(w[0]) && IsAsciiLower(w[1])) {
        label += AsciiToLower(w[0]);
        label += w.substr(1);
      } else {
        label += w;
      }
    }
    std::string key;
    const bool generic_head = e - b > 1 && IsOneOf(tok(e - 1).lower, kGeneric);
    for (uint32_t k = b; k < e; ++k) {
      if (k + 1 < e && IsOneOf(tok(k).lower, kNeutral)) continue;
      if (k + 1 == e && generic_head && !key.empty()) continue;
      if (!key.empty()) key += ' ';
      key += tok(k).stem;
    }
    if (key.empty()) key = tok(e - 1).stem;
    m->what = std::move(label);
    m->what_key = std::move(key);
  }

  // The value of a number token or word at i (consuming "twenty-five"), and
  // whether it was written in digits. No scales, fractions or glued units.
  bool Number(uint32_t i, double* value, uint32_t* next, bool* digits) const {
    const Token& t = tok(i);
    *next = i + 1;
    if (t.is_number && !t.lower.empty() && IsAsciiDigit(t.lower[0])) {
      *value = ParseNumber(t.lower);
      *digits = true;
      return !std::isnan(*value);
    }
    // Asked of every token: most words are ruled out by their shape.
    static const WordShapes kShapes = [] {
      WordShapes shapes;
      for (const NumberWord& n : kCardinalWords) shapes.Add(n.word);
      return shapes;
    }();
    if (!kShapes.MayContain(t.lower)) return false;
    const NumberWord* w = FindWord(std::begin(kCardinalWords), std::end(kCardinalWords), t.lower);
    if (w == nullptr) return false;
    *value = w->value;
    *digits = false;
    if (w->value >= 20 && w->value < 100 && Joined(i)) {
      const NumberWord* ones =
          FindWord(std::begin(kCardinalWords), std::end(kCardinalWords), tok(i + 1).lower);
      if (ones != nullptr && ones->value < 10) {
        *value += ones->value;
        *next = i + 2;
      }
    }
    return true;
  }

  // A glued number ("4.5bn", "10km"): its value, scale and unit.
  bool GluedNumber(uint32_t i, bool currency, double* value, std::string_view* unit) const {
    const std::string_view w = tok(i).lower;
    if (tok(i).is_number || w.empty() || !IsAsciiDigit(w[0])) return false;
    size_t p = 0;
    while (p < w.size() && (IsAsciiDigit(w[p]) || w[p] == ',' || w[p] == '.')) ++p;
    if (w[p - 1] == '.' || w[p - 1] == ',') return false;
    std::string_view suffix = std::string_view(w).substr(p);
    // "4m miles" is four million miles; "40C" is a temperature, "4c" a label.
    const bool unit_follows = i + 1 < end_ && Adjacent(i) &&
                              FindWord(std::begin(kUnits), std::end(kUnits), tok(i + 1).lower);
    if (suffix == "c" && !IsAsciiUpper(CharAt(tok(i).span.end - 1))) return false;
    for (const Glued& g : kGlued) {
      if (g.suffix != suffix || (g.needs_currency && !currency && !unit_follows)) continue;
      if (g.scale == 0 && unit_follows) continue;
      *value = ParseNumber(std::string_view(w).substr(0, p)) * (g.scale != 0 ? g.scale : 1);
      *unit = g.unit;
      return std::isfinite(*value);
    }
    return false;
  }

  // A number that is an identifier, date or time, not a quantity.
  bool Skipped(uint32_t i, uint32_t after, double value, bool digits) const {
    const Token& t = tok(i);
    if (digits) {
      size_t b = t.span.begin;
      size_t e = t.span.end;
      if (b >= 2 && text_[b - 1] == '-' && IsAsciiAlpha(text_[b - 2])) return true;
      if (b >= 1 && IsAsciiAlpha(text_[b - 1])) return true;
      if (CharAt(e) == ':' && IsAsciiDigit(CharAt(e + 1))) return true;
      if (b >= 2 && text_[b - 1] == ':' && IsAsciiDigit(text_[b - 2])) return true;
      // "9/11", "24/7", "5/3/2017".
      if (CharAt(e) == '/' && IsAsciiDigit(CharAt(e + 1))) return true;
      if (b >= 2 && text_[b - 1] == '/' && IsAsciiDigit(text_[b - 2])) return true;
      // "+44", "#3".
      if (b >= 1 && (text_[b - 1] == '+' || text_[b - 1] == '#')) return true;
      // Emergency numbers: "911 centers".
      if (t.lower == "911" || t.lower == "999") return true;
      // "0018", "05" (not "0.5").
      if (t.lower.size() > 1 && t.lower[0] == '0' && IsAsciiDigit(t.lower[1])) return true;
      // The second number of a dash pair that did not make a range
      // ("2014-15"), and chains of three groups ("2017-05-03", "555-123-4567").
      if (b >= 2 && text_[b - 1] == '-' && IsAsciiDigit(text_[b - 2])) return true;
      if (b >= 4 && text_.compare(b - 3, 3, "\xE2\x80\x93") == 0 && IsAsciiDigit(text_[b - 4])) {
        return true;
      }
      if (CharAt(e) == '-' && IsAsciiDigit(CharAt(e + 1))) {
        size_t k = e + 1;
        while (k < text_.size() && (IsAsciiDigit(text_[k]) || text_[k] == ',')) ++k;
        if (CharAt(k) == '-' && IsAsciiDigit(CharAt(k + 1))) return true;
      }
    }
    if (after < end_) {
      const std::string_view n = tok(after).lower;
      if (n == "a.m." || n == "p.m." || n == "a.m" || n == "p.m" || n == "am" || n == "pm" ||
          n == "o'clock" ||
          n == "o\xE2\x80\x99"
               "clock" ||
          n == "gmt" || n == "et" || n == "bst" || n == "utc") {
        return true;
      }
    }
    if (value <= 31 && value == std::floor(value)) {
      if (i > begin_ && IsMonth(i - 1)) return true;
      if (after < end_ && IsMonth(after)) return true;
      // "March the 12th" never reaches here: ordinals are not numbers.
    }
    // "one" as a pronoun or in an idiom.
    if (std::string_view(tok(i).lower) == "one" && !digits) {
      if (i > begin_ && IsOneOf(tok(i - 1).lower, kOneBefore)) return true;
      if (after < end_ && IsOneOf(tok(after).lower, kOneAfter)) return true;
    }
    // House numbers: "10 Downing Street", "1600 Pennsylvania Avenue".
    if (digits) {
      for (uint32_t k = after; k < end_ && k < after + 4 && Capitalized(k); ++k) {
        if (k > after && IsOneOf(tok(k).lower, kStreetWords)) return true;
        if (!Adjacent(k) && !(k + 1 < end_ && Gap(k) == ".")) break;
      }
    }
    return false;
  }

  // Whether the word right before the figure makes it a label ("Boeing
  // 737", "No. 10"); applies to figures without a measurement unit.
  bool Labelled(uint32_t first) const {
    if (first == begin_) return false;
    const uint32_t p = first - 1;
    if (!Adjacent(p)) return false;
    const Token& t = tok(p);
    if (IsOneOf(t.lower, kLabelWords)) return true;
    if (!IsWord(t) || !Capitalized(p) || t.is_stopword || IsOneOf(t.lower, kFreeBefore))
      return false;
    if (EndsWith(t.lower, "'s") || EndsWith(t.lower, "\xE2\x80\x99s")) return false;
    if (IsMonth(p) || Casualty(t) != "") return false;
    return true;
  }

  // The figure Match() is reading, passed between its steps.
  struct Reading {
    uint32_t i = 0;  // the figure's number
    uint32_t j = 0;  // the token after what was read so far
    double value = 0, high = 0;
    double scale_value = 1.0;  // "4.5 billion": 1e9
    bool digits = false;
    bool fraction = false;
    bool plural_unit = false;  // "180 metres", not "180-metre"
    bool ratio = false;        // "one in four"
    bool scaled = false;
    bool from = false;     // "from 8,000 to 14,500"
    bool between = false;  // "between 5,000 and 6,000"
    bool year_like = false;
    bool counted = false;  // a counted noun follows
    Kind kind = Kind::kNone;
    uint32_t span_begin = 0, span_end = 0;
    std::string_view currency, glued_unit;
    std::string subject, subject_key;  // for "fell by 0.4 points to 3.1 percent"
  };

  // The figure at token i, if there is one: *m filled and *next_out set to
  // the token after it.
  bool Match(uint32_t i, FigureMention* m, uint32_t* next_out) {
    what_begin_ = what_end_ = 0;
    Reading reading;
    Reading* r = &reading;
    r->i = i;
    if (!ReadNumber(r)) return false;
    ReadQualifiers(r, m);
    ReadRange(r, m);
    if (!ReadUnit(r, m)) return false;
    if (!ReadWhatAfter(r, m)) return false;
    Casualties(r, m);
    WhatBefore(r, m);
    LevelOrChange(r, m);
    InOrOf(r, m);
    return Finish(r, m, next_out);
  }

  // The number: digits, words, "4.5bn", "a dozen", "half a million",
  // proportions and fractions; the currency sign before it.
  bool ReadNumber(Reading* r) {
    const uint32_t i = r->i;
    const Token& ti = tok(i);
    r->span_begin = ti.span.begin;
    // Currency before the number.
    // (Asked of every token: the byte before it is tested first.)
    if (r->span_begin >= 1) {
      const char last = text_[r->span_begin - 1];
      const std::string_view before = std::string_view(text_).substr(0, r->span_begin);
      if (last == '$') {
        r->currency = "dollar";
      } else if (last == '\xA3' && EndsWith(before, "\xC2\xA3")) {
        r->currency = "pound";
      } else if (last == '\xAC' && EndsWith(before, "\xE2\x82\xAC")) {
        r->currency = "euro";
      }
    }
    if (Number(i, &r->value, &r->j, &r->digits)) {
      if (Skipped(i, r->j, r->value, r->digits)) return false;
      // A capitalized number word inside a sentence names something: "the
      // Twelve Apostles", "Two Fat Ladies".
      if (!r->digits && i > begin_ && Capitalized(i) && !AllCaps(i)) return false;
      // "one in four", "1 in 10": a proportion.
      double of = 0;
      uint32_t after = 0;
      bool of_digits = false;
      if (r->j + 1 < end_ && std::string_view(tok(r->j).lower) == "in" && Adjacent(r->j - 1) &&
          Adjacent(r->j) && Number(r->j + 1, &of, &after, &of_digits) && of > r->value &&
          !(after < end_ && FindWord(std::begin(kScales), std::end(kScales), tok(after).lower))) {
        r->value = 100 * r->value / of;
        r->ratio = r->fraction = true;
        r->j = after;
      }
      // "two-thirds", "three quarters", "one-third".
      if (!r->digits && r->j < end_ && Joined(r->j - 1) && r->value < 10) {
        const FractionWord* f =
            FindWord(std::begin(kFractions), std::end(kFractions), tok(r->j).lower);
        if (f != nullptr &&
            (f->plural ? r->value > 1
                       : r->value == 1 && (Gap(r->j - 1) == "-" || FractionOf(r->j + 1)))) {
          r->value = 100 * r->value / f->denominator;
          r->fraction = true;
          ++r->j;
        }
      }
    } else if (GluedNumber(i, !r->currency.empty(), &r->value, &r->glued_unit)) {
      r->digits = true;
      r->j = i + 1;
      if (r->glued_unit.empty()) r->scaled = true;
      if (Skipped(i, r->j, r->value, true)) return false;
    } else if ((ti.lower == "a" || ti.lower == "an") && Adjacent(i)) {
      // "a dozen", "a million", "a third of".
      const NumberWord* s = FindWord(std::begin(kScales), std::end(kScales), tok(i + 1).lower);
      const FractionWord* f =
          FindWord(std::begin(kFractions), std::end(kFractions), tok(i + 1).lower);
      if (s != nullptr && s->word != "mln" && s->word != "bn" && s->word != "mn") {
        r->value = s->value;
        r->scaled = s->value >= 1000;
      } else if (f != nullptr && !f->plural && f->word != "half" && FractionOf(i + 2)) {
        r->value = 100 / f->denominator;
        r->fraction = true;
      } else {
        return false;
      }
      r->j = i + 2;
    } else if (ti.lower == "half") {
      // "half of", "half the", "half a million".
      if (FractionOf(i + 1)) {
        r->value = 50;
        r->fraction = true;
        r->j = i + 1;
      } else if (i + 2 < end_ && Adjacent(i) && (std::string_view(tok(i + 1).lower) == "a") &&
                 Adjacent(i + 1)) {
        const NumberWord* s = FindWord(std::begin(kScales), std::end(kScales), tok(i + 2).lower);
        if (s == nullptr || s->value < 1000) return false;
        r->value = s->value / 2;
        r->scaled = true;
        r->j = i + 3;
      } else {
        return false;
      }
    } else {
      return false;
    }
    return true;
  }

  // Currency, qualifiers ("about", "minus", "between", "-plus") around it.
  void ReadQualifiers(Reading* r, FigureMention* m) {
    const uint32_t i = r->i;
    r->span_end = tok(r->j - 1).span.end;
    if (!r->currency.empty()) {
      r->span_begin -= r->currency == "dollar" ? 1 : r->currency == "pound" ? 2 : 3;
      m->unit = std::string(r->currency);
      r->kind = Kind::kMoney;
    }
    // A qualifier before it.
    Qualifier(i, &r->span_begin, &m->qualifier);
    // "minus 70 degrees".
    if (m->qualifier.empty() && i > begin_ && Adjacent(i - 1) &&
        (std::string_view(tok(i - 1).lower) == "minus" ||
         std::string_view(tok(i - 1).lower) == "negative")) {
      r->value = -r->value;
      r->span_begin = tok(i - 1).span.begin;
      first_token_ = i - 1;
    }
    // "from 8,000 to 14,500" are two figures, not a range.
    r->from = first_token_ > begin_ && std::string_view(tok(first_token_ - 1).lower) == "from";
    if (m->qualifier.empty() && i > begin_ && std::string_view(tok(i - 1).lower) == "between") {
      r->between = true;
      r->span_begin = std::min(r->span_begin, tok(i - 1).span.begin);
      first_token_ = i - 1;
    }
    // "-plus" / "+".
    if (!r->fraction) {
      if (r->j < end_ && std::string_view(tok(r->j).lower) == "plus" &&
          Between(doc_, tok(r->j - 1), tok(r->j)) == "-") {
        m->qualifier = "plus";
        r->span_end = tok(r->j).span.end;
        ++r->j;
      } else if (CharAt(r->span_end) == '+') {
        m->qualifier = "plus";
        ++r->span_end;
      }
    }
  }

  // Scales after the number: "4.5 billion", "two hundred and fifty", "two
  // hundred thousand"; multiplies *v and returns the scale.
  double Scale(Reading* r, double* v) {
    double total = 1.0;
    for (int n = 0; n < 2 && r->j < end_ && Joined(r->j - 1); ++n) {
      const NumberWord* s = FindWord(std::begin(kScales), std::end(kScales), tok(r->j).lower);
      if (s == nullptr || Gap(r->j - 1) == "-") break;
      *v *= s->value;
      total *= s->value;
      r->span_end = tok(r->j).span.end;
      ++r->j;
      if (s->word == "hundred" && r->j + 1 < end_ && std::string_view(tok(r->j).lower) == "and" &&
          Adjacent(r->j - 1) && Adjacent(r->j)) {
        double rest = 0;
        uint32_t after = 0;
        bool rest_digits = false;
        if (Number(r->j + 1, &rest, &after, &rest_digits) && !rest_digits && rest < 100) {
          *v += rest;
          r->span_end = tok(after - 1).span.end;
          r->j = after;
          break;
        }
      }
    }
    return total;
  }

  // A range ("5,000–6,000", "5,000 to 6,000", "between 5,000 and 6,000")
  // and "five or fewer", "20 or more".
  void ReadRange(Reading* r, FigureMention* m) {
    r->scale_value = r->fraction ? 1.0 : Scale(r, &r->value);
    if (r->scale_value >= 1000) r->scaled = true;
    r->high = r->value;
    // A range: "5,000–6,000", "5,000 to 6,000", "between 5,000 and 6,000".
    if (!r->fraction && r->j < end_) {
      std::string_view gap = Between(doc_, tok(r->j - 1), tok(r->j));
      bool dash = IsDash(gap);
      bool to = gap.empty() && ((std::string_view(tok(r->j).lower) == "to" && !r->from) ||
                                (r->between && std::string_view(tok(r->j).lower) == "and"));
      uint32_t k = to ? r->j + 1 : r->j;
      double second = 0;
      uint32_t after = 0;
      bool second_digits = false;
      if ((dash || to) && k < end_ && Number(k, &second, &after, &second_digits) &&
          second_digits == r->digits) {
        uint32_t saved_j = r->j;
        uint32_t saved_end = r->span_end;
        double saved_value = r->value;
        r->j = after;
        r->span_end = tok(after - 1).span.end;
        double s = Scale(r, &second);
        if (s == 1.0 && r->scale_value != 1.0) second *= r->scale_value;  // "5-6 million"
        if (s != 1.0 && r->scale_value == 1.0) r->value *= s;             // "5 to 6 million"
        if (second > r->value) {
          r->high = second;
          if (s >= 1000) r->scaled = true;
        } else {
          r->j = saved_j;
          r->span_end = saved_end;
          r->value = saved_value;
        }
      }
    }
    // "five or fewer", "20 or more".
    if (!r->fraction && m->qualifier.empty() && r->j + 1 < end_ &&
        std::string_view(tok(r->j).lower) == "or" && AdjacentAt(r->span_end, r->j) &&
        Adjacent(r->j)) {
      const std::string_view w = tok(r->j + 1).lower;
      if (w == "more" || w == "fewer" || w == "less") {
        m->qualifier = w == "more" ? "at least" : "up to";
        r->span_end = tok(r->j + 1).span.end;
        r->j += 2;
      }
    }
  }

  // The unit: "of a century", a glued unit, "%", unit words.
  bool ReadUnit(Reading* r, FigureMention* m) {
    const Unit* of_unit = nullptr;
    if (r->fraction && !r->ratio && r->j + 2 < end_ && std::string_view(tok(r->j).lower) == "of" &&
        (std::string_view(tok(r->j + 1).lower) == "a" ||
         std::string_view(tok(r->j + 1).lower) == "an") &&
        Adjacent(r->j) && Adjacent(r->j + 1)) {
      of_unit = FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 2).lower);
      if (of_unit != nullptr && of_unit->kind == Kind::kPeople) of_unit = nullptr;
    }
    if (of_unit != nullptr) {
      // "three-quarters of a century": 0.75 century.
      r->value /= 100;
      r->high = r->value;
      m->unit = std::string(of_unit->unit);
      r->kind = of_unit->kind;
      if (m->qualifier.empty()) m->qualifier = "about";
      r->span_end = tok(r->j + 2).span.end;
      r->j += 3;
    } else if (r->fraction) {
      // "half of them": a part of something counted before.
      static constexpr std::string_view kPronouns[] = {"them",  "us",    "you",   "it",
                                                       "those", "these", "which", "whom"};
      if (r->j + 1 < end_ && std::string_view(tok(r->j).lower) == "of" &&
          IsOneOf(tok(r->j + 1).lower, kPronouns))
        return false;
      m->unit = "percent";
      r->kind = Kind::kPercent;
      if (m->qualifier.empty() && !r->ratio) m->qualifier = "about";
    } else if (!r->glued_unit.empty()) {
      m->unit = std::string(r->glued_unit);
      r->kind = r->glued_unit == "kilometre" || r->glued_unit == "metre" ||
                        r->glued_unit == "foot" || r->glued_unit == "centimetre"
                    ? Kind::kLength
                    : Kind::kMeasure;
    } else if (CharAt(r->span_end) == '%') {
      ++r->span_end;
      m->unit = "percent";
      r->kind = Kind::kPercent;
    } else if (m->unit.empty() && r->j < end_ && Joined(r->j - 1)) {
      // A unit word, possibly hyphenated ("1.2-kilometre"), "per cent",
      // "percentage points", "km/h".
      const std::string_view w = tok(r->j).lower;
      if (w == "per" && r->j + 1 < end_ && std::string_view(tok(r->j + 1).lower) == "cent") {
        m->unit = "percent";
        r->kind = Kind::kPercent;
        r->span_end = tok(r->j + 1).span.end;
        r->j += 2;
      } else if (w == "percentage" && r->j + 1 < end_ && Adjacent(r->j) &&
                 (std::string_view(tok(r->j + 1).lower) == "points" ||
                  std::string_view(tok(r->j + 1).lower) == "point")) {
        m->unit = "percentage point";
        r->kind = Kind::kPercent;
        r->span_end = tok(r->j + 1).span.end;
        r->j += 2;
      } else if (w == "square" && r->j + 1 < end_ && Adjacent(r->j) &&
                 FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 1).lower) != nullptr &&
                 FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 1).lower)->kind ==
                     Kind::kLength) {
        m->unit =
            "square " +
            std::string(FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 1).lower)->unit);
        r->kind = Kind::kMeasure;
        r->span_end = tok(r->j + 1).span.end;
        r->j += 2;
      } else if (w == "metric" && r->j + 1 < end_ && Adjacent(r->j) &&
                 FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 1).lower) != nullptr &&
                 FindWord(std::begin(kUnits), std::end(kUnits), tok(r->j + 1).lower)->unit ==
                     "tonne") {
        m->unit = "tonne";
        r->kind = Kind::kMeasure;
        r->span_end = tok(r->j + 1).span.end;
        r->j += 2;
      } else if (w == "km" && std::string_view(text_).substr(tok(r->j).span.end, 2) == "/h") {
        m->unit = "km/h";
        r->kind = Kind::kMeasure;
        r->span_end = tok(r->j).span.end + 2;
        ++r->j;
      } else if (const Unit* u = FindWord(std::begin(kUnits), std::end(kUnits), w)) {
        m->unit = std::string(u->unit);
        r->kind = u->kind;
        r->plural_unit = u->kind != Kind::kPeople && LooksPlural(w);
        r->span_end = tok(r->j).span.end;
        std::string_view c = Casualty(tok(r->j));
        if (!c.empty() && w != "people" && w != "person" && w != "persons") {
          m->what = m->what_key = std::string(c);
        } else if (u->kind == Kind::kPeople) {
          m->what = m->what_key = "people";
        }
        ++r->j;
      }
    }
    return true;
  }

  // A rate at token k ("barrels a day", "$7,250 per month"), right after
  // byte `at`.
  bool Rate(Reading* r, FigureMention* m, uint32_t k, size_t at, bool extend_span) {
    if (k + 1 >= end_ || !AdjacentAt(at, k) || !Adjacent(k)) return false;
    const std::string_view w = tok(k).lower;
    if (w != "a" && w != "an" && w != "per" && w != "each" && w != "every") return false;
    std::string_view period = NoDot(tok(k + 1).lower);
    if (EndsWith(period, "s")) return false;
    if (!IsOneOf(period, kPeriods)) return false;
    // "$586 million a day earlier" is no rate.
    if (k + 2 < end_) {
      static constexpr std::string_view kNotRate[] = {"earlier", "later", "ago",  "before",
                                                      "after",   "prior", "late", "early"};
      if (IsOneOf(tok(k + 2).lower, kNotRate)) return false;
    }
    m->unit =
        m->unit.empty() ? "per " + std::string(period) : m->unit + " per " + std::string(period);
    if (extend_span) {
      r->span_end = tok(k + 1).span.end;
      r->j = k + 2;
    }
    return true;
  }

  // What follows the figure: a rate, age and dimensions, the counted noun
  // (rule 4); false for what is no figure (a year, "four of them").
  bool ReadWhatAfter(Reading* r, FigureMention* m) {
    const Token& ti = tok(r->i);
    // Tokens inside the figure ("h" of "km/h", if the tokenizer splits it).
    while (r->j < end_ && tok(r->j).span.begin < r->span_end) ++r->j;
    // A rate: "barrels a day", "$7,250 per month".
    if (r->j < end_) Rate(r, m, r->j, r->span_end, true);

    // Years: 1900-2099 written without a comma.
    r->year_like = r->digits && IsDigits(ti.lower) && ti.lower.size() == 4 && r->value >= 1900 &&
                   r->value <= 2099 && r->glued_unit.empty() && r->currency.empty();
    if (r->year_like && first_token_ > begin_) {
      static constexpr std::string_view kYearBefore[] = {
          "in", "since", "until", "by", "from", "during", "before", "after", "of", "circa", "the"};
      if (IsOneOf(tok(first_token_ - 1).lower, kYearBefore)) return false;
    }

    // Age and dimensions.
    if (m->what.empty() && r->j < end_ && JoinedAt(r->span_end, r->j) &&
        (r->kind == Kind::kTime || r->kind == Kind::kLength)) {
      const std::string_view w = tok(r->j).lower;
      std::string_view what;
      if (r->kind == Kind::kTime && m->unit == "year" && w == "old") what = "age";
      if (r->kind == Kind::kTime && w == "long") what = "duration";
      if (r->kind == Kind::kLength) {
        if (w == "high" || w == "tall") what = "height";
        if (w == "deep") what = "depth";
        if (w == "long") what = "length";
        if (w == "wide") what = "width";
        if (w == "thick") what = "thickness";
      }
      if (!what.empty()) {
        m->what = m->what_key = std::string(what);
        r->span_end = tok(r->j).span.end;
        ++r->j;
      }
    }
    if (m->what.empty() && first_token_ > begin_ &&
        std::string_view(tok(first_token_ - 1).lower) == "aged" && Adjacent(first_token_ - 1) &&
        (m->unit.empty() || m->unit == "year")) {
      m->unit = "year";
      m->what = m->what_key = "age";
    }

    // The counted noun right after the figure (rule 4).
    uint32_t noun_end = r->j;
    // A unit in the plural is no modifier: "a section of about 180 metres
    // fell", "six months realistic" (but "a 180-metre section").
    if (m->what.empty() && r->kind != Kind::kPeople && !r->plural_unit && r->j < end_ &&
        JoinedAt(r->span_end, r->j) && CompoundAfter(r->j, &noun_end)) {
      const bool bare = m->unit.empty() && !r->scaled;
      const std::string_view head = tok(noun_end - 1).lower;
      bool ok = !bare || LooksPlural(head);
      // A bare count opens on a noun, not a verb ("two survived").
      if (bare && noun_end - r->j == 1 && EndsEd(head)) ok = false;
      // "2016 election": a year, unless a plural noun follows right away.
      if (r->year_like && m->qualifier.empty() &&
          (noun_end - r->j > 1 || !LooksPlural(head) || Capitalized(r->j))) {
        ok = false;
      }
      if (ok) {
        r->counted = true;
        counted_end_ = noun_end;
        SetWhat(r->j, noun_end, m);
        if (m->unit.empty()) {
          r->span_end = tok(noun_end - 1).span.end;
          r->j = noun_end;
          if (r->j < end_) Rate(r, m, r->j, r->span_end, true);
        }
      }
    }
    // Year-like numbers need a unit, a qualifier or a counted noun.
    if (r->year_like && m->qualifier.empty() && m->unit.empty() && !r->counted) return false;

    // "four of them": a part of a figure given before.
    if (m->unit.empty() && !r->counted && m->what.empty() && r->j < end_ &&
        std::string_view(tok(r->j).lower) == "of") {
      return false;
    }
    return true;
  }

  // Casualties: the verb after the figure, then the word before it.
  void Casualties(Reading* r, FigureMention* m) {
    if ((m->unit.empty() || m->unit == "people") && !IsCasualtyKey(m->what_key)) {
      std::string_view found;
      // Up to kMaxCasualtyGap auxiliaries: "are estimated to have been killed".
      constexpr uint32_t kMaxCasualtyGap = 7;
      for (uint32_t k = r->j; k < end_ && k < r->j + kMaxCasualtyGap; ++k) {
        // Not across punctuation: "Mr. Katriuk, 93, died" is an age.
        if (!(k == r->j ? AdjacentAt(r->span_end, k) : Adjacent(k - 1))) break;
        std::string_view c = Casualty(tok(k));
        if (!c.empty()) {
          found = c;
          break;
        }
        if (!IsOneOf(tok(k).lower, kAuxiliaries)) break;
      }
      uint32_t first = first_token_;
      for (uint32_t k = first; found.empty() && k > begin_ && k + 3 > first; --k) {
        const Token& t = tok(k - 1);
        // Not across punctuation or a preposition: "died at 93" is an age.
        if (!(k == first ? LeadsInto(k - 1) : Adjacent(k - 1)) ||
            IsOneOf(t.lower, kCasualtyStops)) {
          break;
        }
        std::string_view c = Casualty(t);
        if (!c.empty()) found = c;
        if ((!t.is_stopword || t.lower == "and" || t.lower == "but") && c.empty()) break;
      }
      if (!found.empty()) {
        m->what = m->what_key = std::string(found);
        m->unit = "people";
      }
    }
  }

  // What the words before the figure say: "magnitude 6.4", a noun before
  // "of" (rule 5), money after a verb that names it (rule 6).
  void WhatBefore(Reading* r, FigureMention* m) {
    // "magnitude 6.4".
    uint32_t f = first_token_;
    if (m->what.empty() && f > begin_ && std::string_view(tok(f - 1).lower) == "magnitude" &&
        Adjacent(f - 1)) {
      m->what = m->what_key = "magnitude";
    }

    // A noun before "of": "a budget of $4.5-plus billion" (rule 5).
    if (m->what.empty() && r->kind != Kind::kPeople && f >= begin_ + 2 &&
        std::string_view(tok(f - 1).lower) == "of" && !IsOneOf(tok(f - 2).lower, kNotOfHeads) &&
        LeadsInto(f - 1) && Adjacent(f - 2) && CompoundWord(f - 2) && LowerOrFirst(f - 2) &&
        !EndsEd(tok(f - 2).lower) && !IsLyAdverb(tok(f - 2).lower)) {
      SetWhat(CompoundBefore(f - 2), f - 1, m);
    }

    // Money after a verb that names it: "lost $5.2 billion" (rule 6); what
    // a cost is the cost of, when its subject says ("Repairs will cost about
    // $410 million": the repair).
    if (m->what.empty() && r->kind == Kind::kMoney && f > begin_ && LeadsInto(f - 1)) {
      for (const MoneyVerb& v : kMoneyVerbs) {
        if (tok(f - 1).lower == v.word) {
          m->what = std::string(v.what);
          m->what_key = std::string(v.key);
          if (v.key == "cost") CostSubject(f - 1, m);
          break;
        }
      }
    }
  }

  // The subject of a level or change verb, or the object of a verb that
  // sets or changes it (rule 7).
  void LevelOrChange(Reading* r, FigureMention* m) {
    const uint32_t f = first_token_;
    if (m->what.empty() &&
        (r->kind == Kind::kNone || r->kind == Kind::kMoney || r->kind == Kind::kPercent ||
         r->kind == Kind::kMeasure) &&
        f > begin_ && LeadsInto(f - 1)) {
      uint32_t v = f - 1;
      std::string_view prep;
      const std::string_view p = tok(v).lower;
      if ((p == "to" || p == "at" || p == "by" || p == "from") && v > begin_ && Adjacent(v - 1)) {
        prep = p;
        --v;
      }
      // "rose sharply to".
      if (v > begin_ && EndsWith(tok(v).lower, "ly") && Adjacent(v - 1)) --v;
      const std::string_view verb = tok(v).lower;
      const bool copula = verb == "is" || verb == "was" || verb == "are" || verb == "were" ||
                          verb == "be" || verb == "been";
      const bool level =
          IsOneOf(verb, kLevelVerbs) && !(copula && r->kind == Kind::kNone && !r->scaled);
      const bool change = IsOneOf(verb, kChangeVerbs);
      if (level || change) {
        uint32_t s = v;
        for (int n = 0;
             n < 2 && s > begin_ && Adjacent(s - 1) && IsOneOf(tok(s - 1).lower, kVerbAuxiliaries);
             ++n) {
          --s;
        }
        const uint32_t b = s > begin_ ? CompoundBefore(s - 1) : s;
        // "Exports to the 27 EU member states dropped 8%": the words before
        // the verb belong to another figure.
        // "gusts at the mouth of the harbor reached 140 km/h": a noun after a
        // preposition is not the subject.
        uint32_t d = b;
        if (d > begin_ && Adjacent(d - 1) && IsOneOf(tok(d - 1).lower, kDeterminers)) --d;
        const bool in_phrase = d > begin_ && IsOneOf(tok(d - 1).lower, kPrepositions);
        const bool other_figure =
            in_phrase || s == counted_end_ || (b > begin_ && tok(b - 1).is_number);
        if (s > begin_ && Adjacent(s - 1) && CompoundWord(s - 1) && LowerOrFirst(s - 1) &&
            !EndsEd(tok(s - 1).lower) && !IsLyAdverb(tok(s - 1).lower) && !other_figure) {
          SetWhat(b, s, m);
          if (change && (prep.empty() || prep == "by")) {
            r->subject = m->what;
            r->subject_key = m->what_key;
            m->what = "change in " + m->what;
            m->what_key += " chang";
          }
        }
      } else if (prep == "by" || prep == "at") {
        // VERB [determiner] OBJECT by|at FIGURE: "cut the risk of death by
        // 30%", "kept its benchmark rate at 4.25%", "put the figure at 1.5
        // million". The object: content words and "of", at most four.
        uint32_t b = v + 1;
        while (b > begin_ && v + 1 - b < 4 && Adjacent(b - 1) &&
               (CompoundWord(b - 1) || std::string_view(tok(b - 1).lower) == "of")) {
          --b;
        }
        while (b <= v && std::string_view(tok(b).lower) == "of") ++b;
        uint32_t d = b;
        if (d > begin_ && Adjacent(d - 1) && IsOneOf(tok(d - 1).lower, kDeterminers)) --d;
        if (b <= v && d > begin_ && Adjacent(d - 1) && LowerOrFirst(b)) {
          const std::string_view w = tok(d - 1).lower;
          const bool changes = prep == "by" && IsOneOf(w, kChangeVerbs);
          const bool sets = prep == "at" && IsOneOf(w, kSettingVerbs);
          if (changes || sets) {
            SetWhat(b, v + 1, m);
            if (changes) {
              r->subject = m->what;
              r->subject_key = m->what_key;
              m->what = "change in " + m->what;
              m->what_key += " chang";
            }
          }
        }
      }
    }
  }

  // "in" / "of" after a unit, scale, currency or fraction (rule 8).
  void InOrOf(Reading* r, FigureMention* m) {
    if (m->what.empty() && r->kind != Kind::kPeople && (!m->unit.empty() || r->scaled) &&
        r->j + 1 < end_ && AdjacentAt(r->span_end, r->j)) {
      const std::string_view w = tok(r->j).lower;
      uint32_t k = r->j + 1;
      uint32_t e = k;
      if (w == "in" && Adjacent(r->j) && !IsMonth(k) && LowerOrFirst(k) && CompoundAfter(k, &e)) {
        static constexpr std::string_view kTimes[] = {"quarter", "year",    "month",  "week",
                                                      "day",     "period",  "season", "decade",
                                                      "century", "history", "time",   "row"};
        if (!IsOneOf(tok(e - 1).lower, kTimes) && !IsOneOf(tok(e - 1).stem, kTimes))
          SetWhat(k, e, m);
      } else if (w == "of" || (r->fraction && w == "the")) {
        if (w == "the") k = r->j;  // "half the residents"
        while (k < end_ && k < r->j + 4 && Joined(k - 1) &&
               (IsOneOf(tok(k).lower, kDeterminers) || tok(k).is_number ||
                quote_words::IsPossessive(tok(k).lower))) {
          ++k;
        }
        if (k < end_ && Joined(k - 1) && !IsMonth(k) && CompoundAfter(k, &e)) {
          SetWhat(k, e, m);
          if (e < end_) Rate(r, m, e, tok(e - 1).span.end, false);
        }
      }
    }
  }

  // The same quantity carried to the next figure ("grown from 8,000 to
  // 14,500"), the last refusals, and the mention.
  bool Finish(Reading* r, FigureMention* m, uint32_t* next_out) {
    const uint32_t i = r->i;
    // "grown from 8,000 to 14,500": the second figure is the same quantity.
    if (i == inherit_at_ && m->what.empty()) {
      m->what = inherit_what_;
      m->what_key = inherit_key_;
      if (m->unit.empty()) m->unit = inherit_unit_;
    }
    inherit_at_ = 0;
    if ((r->from || !r->subject.empty()) && r->j + 1 < end_ &&
        std::string_view(tok(r->j).lower) == "to" && AdjacentAt(r->span_end, r->j) &&
        Adjacent(r->j)) {
      inherit_at_ = r->j + 1;
      inherit_what_ = r->subject.empty() ? m->what : r->subject;
      inherit_key_ = r->subject.empty() ? m->what_key : r->subject_key;
      inherit_unit_ = r->subject.empty() ? m->unit : std::string();
    }
    if (m->unit.empty() && m->what.empty()) return false;
    // "one" counts only people: "one person is missing", not "one country".
    if (r->value == 1 && r->high == 1 && !r->scaled && m->unit.empty()) return false;
    if (Labelled(first_token_) &&
        (r->kind == Kind::kNone || (r->kind == Kind::kPeople && m->what_key == "people") ||
         (r->kind == Kind::kTime && !r->counted))) {
      return false;
    }

    if (!std::isfinite(r->value) || !std::isfinite(r->high)) return false;
    m->document = document_;
    m->sentence = sentence_;
    m->span = Span{r->span_begin, r->span_end};
    m->value = r->value;
    m->value_high = r->high;
    *next_out = r->j;
    return true;
  }

  // "of" or "the" at k: what a fraction like "a third" or "half" needs.
  bool FractionOf(uint32_t k) const {
    return k < end_ && k > begin_ && Adjacent(k - 1) &&
           (std::string_view(tok(k).lower) == "of" || std::string_view(tok(k).lower) == "the");
  }

  void Qualifier(uint32_t i, uint32_t* span_begin, std::string* qualifier) {
    first_token_ = i;
    if (i == begin_) return;
    const std::string_view p = tok(i - 1).lower;
    const std::string pp = i - 1 > begin_ ? tok(i - 2).lower : std::string();
    const std::string ppp = i >= begin_ + 3 ? tok(i - 3).lower : std::string();
    uint32_t start = 0;
    if (p == "than" && (pp == "less" || pp == "fewer") && ppp == "no") {
      *qualifier = "at least";  // "no less than"
      start = i - 3;
    } else if (p == "than" && pp == "more" && ppp == "no") {
      *qualifier = "up to";  // "no more than"
      start = i - 3;
    } else if ((p == "than" && pp == "more") || (p == "than" && pp == "over")) {
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
      if (i - 2 > begin_ && std::string_view(tok(i - 3).lower) == "as") start = i - 3;
    } else if (p == "of" && (pp == "upwards" || (pp == "excess" && ppp == "in"))) {
      *qualifier = "more than";
      start = pp == "upwards" ? i - 2 : i - 3;
    } else if (p == "of" && (pp == "minimum" || pp == "maximum") && (ppp == "a" || ppp == "the")) {
      *qualifier = pp == "minimum" ? "at least" : "up to";
      start = i - 3;
    } else if (p == "over" || p == "above" || p == "exceeding") {
      *qualifier = "over";
      start = i - 1;
    } else if (p == "about" || p == "around" || p == "roughly" || p == "approximately" ||
               p == "some" || p == "approx" || p == "estimated") {
      *qualifier = "about";
      start = i - 1;
      if (p == "estimated" && i - 1 > begin_ && std::string_view(tok(i - 2).lower) == "an")
        start = i - 2;
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

  // The distinct stems of the content words within kContextWindow tokens of
  // the figure [first, last).
  std::vector<uint64_t> Context(uint32_t first, uint32_t last) const {
    std::vector<uint64_t> out;
    const uint32_t lo = first >= begin_ + kContextWindow ? first - kContextWindow : begin_;
    const uint32_t hi = std::min<uint32_t>(end_, last + kContextWindow);
    for (uint32_t k = lo; k < hi; ++k) {
      if ((k >= first && k < last) || (k >= what_begin_ && k < what_end_)) continue;
      const Token& t = tok(k);
      if (!IsWord(t) || t.is_stopword || IsOneOf(t.lower, kReporting)) continue;
      out.push_back(t.stem_hash);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // The subject of an estimated cost at `verb` ("the repair will cost",
  // "repairs are expected to cost"): its compound gives what and key. A
  // price stated in the present ("a flat now costs £1,950 a month") keeps
  // "cost".
  void CostSubject(uint32_t verb, FigureMention* m) {
    static constexpr std::string_view kEstimate[] = {"will",  "would",    "could", "may",
                                                     "might", "expected", "likely"};
    uint32_t s = verb;
    bool estimate = false;
    for (int n = 0;
         n < 4 && s > begin_ && Adjacent(s - 1) &&
         (IsOneOf(tok(s - 1).lower, kVerbAuxiliaries) ||
          std::string_view(tok(s - 1).lower) == "to" || IsOneOf(tok(s - 1).lower, kEstimate));
         ++n) {
      estimate = estimate || IsOneOf(tok(s - 1).lower, kEstimate);
      --s;
    }
    if (!estimate || s <= begin_ || !Adjacent(s - 1) || !CompoundWord(s - 1) ||
        !LowerOrFirst(s - 1) || EndsEd(tok(s - 1).lower) || IsLyAdverb(tok(s - 1).lower)) {
      return;
    }
    const uint32_t b = CompoundBefore(s - 1);
    uint32_t d = b;
    if (d > begin_ && Adjacent(d - 1) && IsOneOf(tok(d - 1).lower, kDeterminers)) --d;
    if (d > begin_ && IsOneOf(tok(d - 1).lower, kPrepositions)) return;  // "the cost of"
    SetWhat(b, s, m);
  }

  const Document& doc_;
  const std::string& text_;
  uint32_t begin_, end_;
  uint32_t sentence_, document_;
  uint32_t first_token_ = 0;  // the current figure's first token (its qualifier's)
  uint32_t what_begin_ = 0;   // the words that gave its `what`, if any
  uint32_t what_end_ = 0;
  // "from 8,000 to 14,500": the token of the second figure and what the first one was.
  uint32_t inherit_at_ = 0;
  uint32_t counted_end_ = 0;  // one past the last counted noun of this sentence
  std::string inherit_what_, inherit_key_, inherit_unit_;
};

}  // namespace
}  // namespace figures_internal

void ScanFigures(const Document& doc, uint32_t document_index, std::vector<ScannedFigure>* out) {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.token_end > doc.tokens.size() || sentence.token_begin >= sentence.token_end) {
      continue;
    }
    figures_internal::Scanner(doc, s, document_index).Run(out);
  }
}

}  // namespace dossier
