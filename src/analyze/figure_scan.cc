// The figure scanner (figure_scan.h): one pass over each sentence's tokens,
// reading a number, its qualifiers, range, unit and what it counts. Every
// word it looks for is in the lists of figure_words.h.
#include "analyze/figure_scan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "analyze/figure_earlier.h"
#include "analyze/figure_words.h"
#include "analyze/quote_words.h"
#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace figures_internal {
namespace {

constexpr size_t kContextWindow = 6;

using Found = ScannedFigure;

class Scanner {
 public:
  Scanner(const FigureWords& words, const Document& doc, uint32_t sentence, uint32_t document)
      : w_(words),
        doc_(doc),
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
  // Joined, or a one-letter word elided before the next ("d'aide", "l'an").
  bool JoinedOrElided(uint32_t a) const {
    if (Joined(a)) return true;
    if (a + 1 >= end_ || tok(a).lower.size() != 1) return false;
    const std::string_view g = Gap(a);
    return g == "'" || g == "\xE2\x80\x99";
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
    return g.empty() || w_.IsCurrencySign(g);
  }
  bool Capitalized(uint32_t k) const {
    return StartsWithLetter(std::string_view(text_).substr(tok(k).span.begin), /*upper=*/true,
                            w_.ascii_letters);
  }
  // Capitalized as a name is: in a language that capitalizes every noun
  // (German), a capital says nothing about names.
  bool NameCapital(uint32_t k) const { return !w_.capitalized_nouns && Capitalized(k); }
  bool IsMonth(uint32_t k) const {
    std::string_view w = NoDot(tok(k).lower);
    if (w_.month_if_capitalized.Contains(w)) return Capitalized(k);  // "20 may have died"
    return MonthFromName(w) > 0 || w_.months.Contains(w);
  }

  // An acronym or a word in capitals ("TIPS", "THREE"), not "DJs".
  bool AllCaps(uint32_t k) const {
    size_t letters = 0;
    const int32_t end = static_cast<int32_t>(tok(k).span.end);
    for (int32_t b = static_cast<int32_t>(tok(k).span.begin); b < end;) {
      UChar32 c = 0;
      U8_NEXT(text_.data(), b, end, c);
      if (c >= 0x80 && w_.ascii_letters) continue;
      if (c < 0x80 ? IsAsciiLower(static_cast<char>(c)) : u_islower(c)) return false;
      letters += c < 0x80 ? IsAsciiUpper(static_cast<char>(c)) : u_isupper(c);
    }
    return letters >= 2;
  }

  // A word that may belong to a counted noun compound.
  bool CompoundWord(uint32_t k) const {
    const Token& t = tok(k);
    return w_.IsWord(t) && !t.is_stopword && !quote_words::IsPossessive(t.lower) &&
           !w_.non_heads.Contains(t.lower) && !IsMonth(k) && !AllCaps(k) &&
           !IsWeekdayName(t.lower) && !w_.FindScale(t.lower) && !w_.numbers.Find(t.lower) &&
           t.lower.find_first_of("0123456789") == std::string::npos;
  }

  // The counted noun compound starting at k: [k, *end). See rule 4.
  bool CompoundAfter(uint32_t k, uint32_t* end_out) const {
    uint32_t e = k;
    for (uint32_t t = k; t < end_ && t < k + 3; ++t) {
      if (t > k && !Joined(t - 1)) break;
      // An acronym may modify a noun: "27 EU member states".
      const bool acronym = AllCaps(t) && w_.IsWord(tok(t)) && t + 1 < end_ && Adjacent(t) &&
                           CompoundWord(t + 1) && !NameCapital(t + 1);
      // A capitalized word after a lower-case one only as a modifier: "new
      // U.S. states", not "a $2 billion loan Obama signed".
      const bool modifier = t + 1 < end_ && Joined(t) && CompoundWord(t + 1) &&
                            !w_.EndsEd(tok(t + 1).lower) && !w_.IsVerb(tok(t + 1).lower);
      const bool fits = (CompoundWord(t) || acronym) && !w_.IsVerb(tok(t).lower) &&
                        !(t > k && w_.EndsEd(tok(t).lower)) &&
                        !(t > k && !NameCapital(t - 1) && NameCapital(t) && !modifier);
      if (!fits) {
        // A hyphenated word cut in two ("hands-on", "aux-to-Lightning").
        if (t > k && Gap(t - 1) == "-") return false;
        break;
      }
      e = t + 1;
      // Where nouns are capitalized, a lower-case plural is an adjective.
      if (w_.LooksPlural(tok(t).lower) && !(t + 1 < end_ && Gap(t) == "-") &&
          (!w_.capitalized_nouns || Capitalized(t))) {
        break;
      }
    }
    // Three words and no head yet: "new federal death row peers" is too long
    // to read without a parser.
    if (e == k + 3 && !w_.LooksPlural(tok(e - 1).lower) && e < end_ && Joined(e - 1) &&
        CompoundWord(e)) {
      return false;
    }
    while (e > k && (w_.EndsEd(tok(e - 1).lower) || w_.IsLyAdverb(tok(e - 1).lower) ||
                     (w_.capitalized_nouns && !Capitalized(e - 1)))) {
      --e;
    }
    if (e == k) return false;
    // A lone period is a time, not a thing: "8% year on year".
    if (e == k + 1 && w_.periods.Contains(NoDot(tok(k).stem))) return false;
    // A name, not a count: "Two Fat Ladies", "$159 Apple Air Pods"; in a
    // heading, any capitalized head ("13 Ways to ...").
    bool all_capitalized = true;
    for (uint32_t t = k; t < e; ++t) all_capitalized = all_capitalized && NameCapital(t);
    if (all_capitalized && (e - k > 1 || doc_.sentences[sentence_].fragment)) return false;
    *end_out = e;
    return true;
  }

  // The lower-case compound ending at `last` (inclusive), at most three words.
  uint32_t CompoundBefore(uint32_t last) const {
    uint32_t b = last;
    while (b > begin_ && last - b < 2 && Joined(b - 1) && CompoundWord(b - 1) &&
           !w_.common_verbs.Contains(tok(b - 1).lower) &&
           !w_.level_verbs.Contains(tok(b - 1).lower) && !w_.IsVerb(tok(b - 1).lower) &&
           !w_.change_verbs.Contains(tok(b - 1).lower) &&
           (!NameCapital(b - 1) || b - 1 == begin_)) {
      --b;
    }
    return b;
  }

  bool LowerOrFirst(uint32_t k) const { return !NameCapital(k) || k == begin_; }

  // The label and key of the compound [b, e).
  void SetWhat(uint32_t b, uint32_t e, FigureMention* m) {
    what_begin_ = b;
    what_end_ = e;
    std::string label;
    for (uint32_t k = b; k < e; ++k) {
      if (k > b) label += Gap(k - 1) == "-" ? "-" : " ";
      std::string_view w(text_.data() + tok(k).span.begin, tok(k).span.end - tok(k).span.begin);
      if (k == begin_ && w_.capitalized_nouns) {
        label += w;  // "Menschen" keeps its capital
      } else if (k == begin_ && w.size() > 1 && IsAsciiUpper(w[0]) && IsAsciiLower(w[1])) {
        label += AsciiToLower(w[0]);
        label += w.substr(1);
      } else if (k == begin_ && !w_.ascii_letters && StartsWithLetter(w, /*upper=*/true) &&
                 !AllCaps(k)) {
        // "Цены" -> "цены", "Économie" -> "économie".
        int32_t i = 0;
        UChar32 c = 0;
        U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
        char lower[U8_MAX_LENGTH];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(lower, n, U8_MAX_LENGTH, u_tolower(c), error);
        label.append(lower, error ? 0 : n);
        label += w.substr(error ? 0 : i);
      } else {
        label += w;
      }
    }
    std::string key;
    const bool generic_head = e - b > 1 && w_.generic.Contains(tok(e - 1).lower);
    for (uint32_t k = b; k < e; ++k) {
      if (k + 1 < e && w_.neutral.Contains(tok(k).lower)) continue;
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
      *value = w_.format.Parse(t.lower);
      *digits = true;
      // "1 000 000", "12 500,5": groups of three digits after white space,
      // where the language groups so.
      if (w_.format.groups_by_space()) {
        std::string written = t.lower;
        for (uint32_t k = i + 1; k < end_ && tok(k).is_number && SpaceGroupAt(k); ++k) {
          const double grouped = w_.format.Parse(written + " " + tok(k).lower);
          if (std::isnan(grouped)) break;
          written += " " + tok(k).lower;
          *value = grouped;
          *next = k + 1;
        }
      }
      return !std::isnan(*value);
    }
    // Asked of every token: most words are ruled out by their shape.
    const NumberWord* w = w_.numbers.Find(t.lower);
    if (w == nullptr) return false;
    // Words joined by hyphens that the list holds whole: "dix-sept",
    // "soixante-dix", "quatre-vingt-dix".
    std::string whole(t.lower);
    for (uint32_t k = i + 1; k < end_ && k <= i + 2 && Gap(k - 1) == "-"; ++k) {
      whole += "-";
      whole += tok(k).lower;
      if (const NumberWord* found = w_.numbers.Find(whole)) {
        w = found;
        i = k;
        *next = k + 1;
      }
    }
    *value = w->value;
    *digits = false;
    if (w->value >= 20 && w->value < 100) {
      // "twenty-five", "twenty five"; "treinta y cinco" (a tens-and word);
      // after a hyphen or a tens-and word, a number below twenty too
      // ("soixante-douze", "soixante et onze", "quatre-vingt-dix-neuf").
      uint32_t k = i + 1;
      const NumberWord* ones = Joined(i) ? w_.numbers.Find(tok(k).lower) : nullptr;
      bool linked = ones != nullptr && Gap(i) == "-";
      if ((ones == nullptr || ones->value >= 10) && i + 2 < end_ && Adjacent(i) &&
          Adjacent(i + 1) && w_.tens_and.Contains(tok(i + 1).lower)) {
        k = i + 2;
        ones = w_.numbers.Find(tok(k).lower);
        linked = true;
      }
      if (ones != nullptr && (ones->value < 10 || (linked && ones->value < 20))) {
        // "dix-neuf" after "soixante-": the whole of the number below twenty.
        double below = ones->value;
        uint32_t after = k + 1;
        bool below_digits = false;
        if (linked && Number(k, &below, &after, &below_digits) && below < 20) {
          *value += below;
          *next = after;
        } else if (ones->value < 10) {
          *value += ones->value;
          *next = k + 1;
        }
      }
    } else if (w->value >= 100 && w->value < 1000 && std::fmod(w->value, 100) == 0 && Joined(i) &&
               Gap(i) != "-") {
      // A hundreds word and a number below a hundred: "doscientos cincuenta",
      // "двести пять" (English has none: "hundred" is a magnitude).
      const NumberWord* rest = w_.numbers.Find(tok(i + 1).lower);
      double below = 0;
      uint32_t after = 0;
      bool rest_digits = false;
      if (rest != nullptr && rest->value < 100 && Number(i + 1, &below, &after, &rest_digits)) {
        *value += below;
        *next = after;
      }
    }
    return true;
  }

  // Whether the number token k is a group of three digits after a
  // thousands space: "000" of "1 000".
  bool SpaceGroupAt(uint32_t k) const {
    const std::string_view w = tok(k).lower;
    if (w.size() < 3 || !IsAsciiDigit(w[0]) || !IsAsciiDigit(w[1]) || !IsAsciiDigit(w[2]) ||
        (w.size() > 3 && IsAsciiDigit(w[3]))) {
      return false;
    }
    const size_t from = tok(k - 1).span.end;
    return w_.format.IsSpaceGroup(std::string_view(text_).substr(from, tok(k).span.begin - from));
  }

  // A glued number ("4.5bn", "10km"): its value, scale and unit (null for
  // a magnitude).
  bool GluedNumber(uint32_t i, bool currency, double* value, const GluedUnit** unit) const {
    const std::string_view w = tok(i).lower;
    if (tok(i).is_number || w.empty() || !IsAsciiDigit(w[0])) return false;
    size_t p = 0;
    while (p < w.size() && (IsAsciiDigit(w[p]) || w[p] == ',' || w[p] == '.')) ++p;
    if (w[p - 1] == '.' || w[p - 1] == ',') return false;
    std::string_view suffix = std::string_view(w).substr(p);
    // "4m miles" is four million miles; "40C" is a temperature, "4c" a label.
    const bool unit_follows = i + 1 < end_ && Adjacent(i) && w_.FindUnit(tok(i + 1).lower);
    for (const GluedScale& g : w_.glued_scales) {
      if (g.suffix != suffix || (g.needs_currency && !currency && !unit_follows)) continue;
      *value = w_.format.Parse(std::string_view(w).substr(0, p)) * g.value;
      *unit = nullptr;
      return std::isfinite(*value);
    }
    if (unit_follows) return false;
    for (const GluedUnit& g : w_.glued_units) {
      if (g.suffix != suffix || (g.capital && !IsAsciiUpper(CharAt(tok(i).span.end - 1)))) {
        continue;
      }
      *value = w_.format.Parse(std::string_view(w).substr(0, p));
      *unit = &g;
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
      if (w_.codes.Contains(t.lower)) return true;
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
    if (after < end_ && w_.clock.Contains(tok(after).lower)) return true;
    // "2024 года", "в 2024 году": a year named so.
    if (digits && IsDigits(t.lower) && t.lower.size() == 4 && value >= 1900 && value <= 2099 &&
        after < end_ && w_.year_after.Contains(tok(after).lower)) {
      return true;
    }
    if (value <= 31 && value == std::floor(value)) {
      if (i > begin_ && IsMonth(i - 1)) return true;
      if (after < end_ && IsMonth(after)) return true;
      // "March the 12th" never reaches here: ordinals are not numbers.
    }
    // "one" as a pronoun or in an idiom.
    if (value == 1 && !digits) {
      if (i > begin_ && w_.one_before.Contains(tok(i - 1).lower)) return true;
      if (after < end_ && w_.one_after.Contains(tok(after).lower)) return true;
    }
    // House numbers: "10 Downing Street", "1600 Pennsylvania Avenue".
    if (digits) {
      for (uint32_t k = after; k < end_ && k < after + 4 && Capitalized(k); ++k) {
        if (k > after && w_.street_words.Contains(tok(k).lower)) return true;
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
    if (w_.label_words.Contains(t.lower)) return true;
    if (!w_.IsWord(t) || !NameCapital(p) || t.is_stopword || w_.free_before.Contains(t.lower))
      return false;
    if (EndsWith(t.lower, "'s") || EndsWith(t.lower, "\xE2\x80\x99s")) return false;
    if (IsMonth(p) || w_.Casualty(t) != "") return false;
    // A sentence may open on a verb: "Murieron 12 personas", "Погибли 12 человек".
    if (p == begin_ && (w_.level_verbs.Contains(t.lower) || w_.change_verbs.Contains(t.lower) ||
                        w_.common_verbs.Contains(t.lower) || w_.IsVerb(t.lower))) {
      return false;
    }
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
    bool counted = false;      // a counted noun follows
    bool dotted = false;       // the figure ends with a magnitude's period ("3,2 Mio.")
    bool collective = false;   // an article and a scale below 1,000: "a dozen"
    bool approximate = false;  // a scale that is a round number: "une cinquantaine"
    Kind kind = Kind::kNone;
    uint32_t span_begin = 0, span_end = 0;
    const CurrencySign* currency = nullptr;
    size_t currency_size = 0;  // the sign's bytes and a space after a spaced one
    const GluedUnit* glued_unit = nullptr;
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
    VerbLast(r, m);
    MoreAfter(r, m);
    MoneyVerbBefore(r, m);
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
    r->currency =
        w_.CurrencyBefore(std::string_view(text_).substr(0, r->span_begin), &r->currency_size);
    if (Number(i, &r->value, &r->j, &r->digits)) {
      if (Skipped(i, r->j, r->value, r->digits)) return false;
      // A capitalized number word inside a sentence names something: "the
      // Twelve Apostles", "Two Fat Ladies".
      if (!r->digits && i > begin_ && Capitalized(i) && !AllCaps(i)) return false;
      // "one in four", "1 in 10": a proportion.
      double of = 0;
      uint32_t after = 0;
      bool of_digits = false;
      if (r->j + 1 < end_ && w_.ratio.Contains(tok(r->j).lower) && Adjacent(r->j - 1) &&
          Adjacent(r->j) && Number(r->j + 1, &of, &after, &of_digits) && of > r->value &&
          !(after < end_ && w_.FindScale(tok(after).lower))) {
        r->value = 100 * r->value / of;
        r->ratio = r->fraction = true;
        r->j = after;
      }
      // "two-thirds", "three quarters", "one-third".
      if (!r->digits && r->j < end_ && Joined(r->j - 1) && r->value < 10) {
        const FractionWord* f = w_.FindFraction(tok(r->j).lower);
        if (f != nullptr &&
            (f->plural ? r->value > 1
                       : r->value == 1 && (Gap(r->j - 1) == "-" || FractionOf(r->j + 1)))) {
          r->value = 100 * r->value / f->denominator;
          r->fraction = true;
          ++r->j;
        }
      }
    } else if (GluedNumber(i, r->currency != nullptr, &r->value, &r->glued_unit)) {
      r->digits = true;
      r->j = i + 1;
      if (r->glued_unit == nullptr) r->scaled = true;
      if (Skipped(i, r->j, r->value, true)) return false;
    } else if (w_.article.Contains(ti.lower) && Adjacent(i)) {
      // "a dozen", "a million", "a third of".
      const ScaleWord* s = w_.FindScale(tok(i + 1).lower);
      const FractionWord* f = w_.FindFraction(tok(i + 1).lower);
      if (s != nullptr && !s->abbreviation) {
        r->value = s->value;
        r->scaled = s->value >= 1000;
        r->collective = s->value < 1000;
        r->approximate = s->approximate;
      } else if (f != nullptr && !f->plural && !f->alone && FractionOf(i + 2)) {
        r->value = 100 / f->denominator;
        r->fraction = true;
      } else {
        return false;
      }
      r->j = i + 2;
    } else if (w_.fractions_alone.Contains(ti.lower)) {
      // "half of", "half the", "half a million".
      const FractionWord* f = w_.FindFraction(ti.lower);
      if (FractionOf(i + 1)) {
        r->value = 100 / f->denominator;
        r->fraction = true;
        r->j = i + 1;
      } else if (i + 2 < end_ && Adjacent(i) && w_.article.Contains(tok(i + 1).lower) &&
                 Adjacent(i + 1)) {
        const ScaleWord* s = w_.FindScale(tok(i + 2).lower);
        if (s == nullptr || s->value < 1000) return false;
        r->value = s->value / f->denominator;
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
    if (r->currency != nullptr) {
      r->span_begin -= r->currency_size;
      m->unit = r->currency->unit;
      r->kind = Kind::kMoney;
    }
    // A qualifier before it.
    const size_t unqualified_begin = r->span_begin;
    Qualifier(i, &r->span_begin, &m->qualifier);
    // A qualifier that is also "to" is "to" after a change verb: "штраф
    // составит до 500 тыс." is up to, "выросло до трех" is the new level.
    if (first_token_ + 1 == i && first_token_ > begin_ && w_.to.Contains(tok(first_token_).lower) &&
        Adjacent(first_token_ - 1) && w_.change_verbs.Contains(tok(first_token_ - 1).lower)) {
      m->qualifier.clear();
      r->span_begin = unqualified_begin;
      first_token_ = i;
    }
    if (r->approximate && m->qualifier.empty()) m->qualifier = "about";
    // "minus 70 degrees".
    if (m->qualifier.empty() && i > begin_ && Adjacent(i - 1) &&
        w_.negative.Contains(tok(i - 1).lower)) {
      r->value = -r->value;
      r->span_begin = tok(i - 1).span.begin;
      first_token_ = i - 1;
    }
    // "from 8,000 to 14,500" are two figures, not a range.
    r->from = first_token_ > begin_ && w_.from.Contains(tok(first_token_ - 1).lower);
    if (m->qualifier.empty() && i > begin_ && w_.range_between.Contains(tok(i - 1).lower)) {
      r->between = true;
      r->span_begin = std::min(r->span_begin, tok(i - 1).span.begin);
      first_token_ = i - 1;
    }
    // "-plus" / "+".
    if (!r->fraction) {
      const QualifierPhrase* hyphen = nullptr;
      if (r->j < end_ && Between(doc_, tok(r->j - 1), tok(r->j)) == "-") {
        for (const QualifierPhrase& q : w_.qualifiers_hyphen) {
          if (q.words[0] == tok(r->j).lower) {
            hyphen = &q;
            break;
          }
        }
      }
      if (hyphen != nullptr) {
        m->qualifier = hyphen->qualifier;
        r->span_end = tok(r->j).span.end;
        ++r->j;
      } else if (CharAt(r->span_end) == '+') {
        m->qualifier = "plus";
        ++r->span_end;
      }
    }
  }

  // Whether the token after the figure read so far is joined to it (spaces
  // or a hyphen between), a magnitude's period aside.
  bool JoinedNext(const Reading* r) const {
    return r->dotted ? JoinedAt(r->span_end, r->j) : Joined(r->j - 1);
  }

  // The sign written after the figure that ends at byte `pos` ("12,5 %",
  // "100 €"), glued or after one white space; *end is the sign's end.
  const SignAfter* SignAfterAt(size_t pos, size_t* end) const {
    if (w_.signs_after.empty()) return nullptr;
    std::string_view rest = std::string_view(text_).substr(std::min(pos, text_.size()));
    for (std::string_view space : {" ", "\xC2\xA0", "\xE2\x80\xAF"}) {
      if (StartsWith(rest, space)) {
        rest.remove_prefix(space.size());
        break;
      }
    }
    for (const SignAfter& a : w_.signs_after) {
      if (!StartsWith(rest, a.sign)) continue;
      const std::string_view after = rest.substr(a.sign.size());
      // A sign, not a word's first letters: "5 EURO" is the unit word's.
      if (!after.empty() && (StartsWithLetter(after) || IsAsciiDigit(after[0]))) continue;
      *end = text_.size() - after.size();
      return &a;
    }
    return nullptr;
  }

  // Scales after the number: "4.5 billion", "two hundred and fifty", "two
  // hundred thousand"; multiplies *v and returns the scale.
  double Scale(Reading* r, double* v) {
    double total = 1.0;
    for (int n = 0; n < 2 && r->j < end_ && JoinedNext(r); ++n) {
      const ScaleWord* s = w_.FindScale(tok(r->j).lower);
      if (s == nullptr || Gap(r->j - 1) == "-") break;
      *v *= s->value;
      total *= s->value;
      r->span_end = tok(r->j).span.end;
      // "Mio.", "тыс.": the period is the magnitude's.
      if (s->dot && CharAt(r->span_end) == '.') {
        ++r->span_end;
        r->dotted = true;
      }
      ++r->j;
      if (s->takes_and && r->j + 1 < end_ && w_.scale_and.Contains(tok(r->j).lower) &&
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
      bool to = gap.empty() && ((w_.range_to.Contains(tok(r->j).lower) && !r->from) ||
                                (r->between && w_.range_and.Contains(tok(r->j).lower)));
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
    if (!r->fraction && m->qualifier.empty() && r->j < end_ && AdjacentAt(r->span_end, r->j)) {
      for (const QualifierPhrase& q : w_.qualifiers_after) {
        const uint32_t n = static_cast<uint32_t>(q.words.size());
        bool match = r->j + n <= end_;
        for (uint32_t t = 0; match && t < n; ++t) {
          match = tok(r->j + t).lower == q.words[t] && (t + 1 == n || Adjacent(r->j + t));
        }
        if (match) {
          m->qualifier = q.qualifier;
          r->span_end = tok(r->j + n - 1).span.end;
          r->j += n;
          break;
        }
      }
    }
  }

  // The unit: "of a century", a glued unit, "%", unit words.
  bool ReadUnit(Reading* r, FigureMention* m) {
    const Unit* of_unit = nullptr;
    size_t sign_end = 0;
    if (r->fraction && !r->ratio && r->j + 2 < end_ && w_.of.Contains(tok(r->j).lower) &&
        w_.article.Contains(tok(r->j + 1).lower) && Adjacent(r->j) && Adjacent(r->j + 1)) {
      of_unit = w_.FindUnit(tok(r->j + 2).lower);
      if (of_unit != nullptr && of_unit->kind == Kind::kPeople) of_unit = nullptr;
    }
    if (of_unit != nullptr) {
      // "three-quarters of a century": 0.75 century.
      r->value /= 100;
      r->high = r->value;
      m->unit = of_unit->unit;
      r->kind = of_unit->kind;
      if (m->qualifier.empty()) m->qualifier = "about";
      r->span_end = tok(r->j + 2).span.end;
      r->j += 3;
    } else if (r->fraction) {
      // "half of them": a part of something counted before.
      if (r->j + 1 < end_ && w_.of.Contains(tok(r->j).lower) &&
          w_.pronouns.Contains(tok(r->j + 1).lower))
        return false;
      m->unit = "percent";
      r->kind = Kind::kPercent;
      if (m->qualifier.empty() && !r->ratio) m->qualifier = "about";
    } else if (r->glued_unit != nullptr) {
      m->unit = r->glued_unit->unit;
      r->kind = r->glued_unit->kind;
    } else if (CharAt(r->span_end) == '%') {
      ++r->span_end;
      m->unit = "percent";
      r->kind = Kind::kPercent;
    } else if (const SignAfter* a =
                   m->unit.empty() ? SignAfterAt(r->span_end, &sign_end) : nullptr) {
      // "12,5 %", "3,2 Mio. €".
      m->unit = a->unit;
      r->kind = a->kind;
      r->span_end = sign_end;
      while (r->j < end_ && tok(r->j).span.begin < r->span_end) ++r->j;
    } else if (m->unit.empty() && r->j < end_ && JoinedNext(r)) {
      // A unit word, possibly hyphenated ("1.2-kilometre"), or a unit of
      // several words ("per cent", "percentage points", "km/h"), also after
      // a magnitude and a scale-of word ("3 millions d'euros").
      if (ScaleOfAt(r)) ++r->j;
      const std::string_view w = tok(r->j).lower;
      uint32_t next = 0;
      size_t span_end = 0;
      if (const PhraseUnit* p = PhraseUnitAt(r->j, &next, &span_end)) {
        m->unit = p->unit;
        r->kind = p->kind;
        r->span_end = span_end;
        r->j = next;
      } else if (const Unit* u = w_.FindUnit(w)) {
        m->unit = u->unit;
        r->kind = u->kind;
        r->plural_unit = u->kind != Kind::kPeople && w_.LooksPlural(w);
        r->span_end = tok(r->j).span.end;
        std::string_view c = w_.Casualty(tok(r->j));
        if (!c.empty()) {
          m->what = m->what_key = std::string(c);
        } else if (u->kind == Kind::kPeople) {
          m->what = m->what_key = "people";
        }
        ++r->j;
      }
    }
    return true;
  }

  // "3 millions d'euros", "3 millones de euros": a magnitude, a scale-of
  // word and a unit word (and not another word) at r->j.
  bool ScaleOfAt(const Reading* r) const {
    if (!r->scaled || r->j + 1 >= end_ || !w_.scale_of.Contains(tok(r->j).lower)) return false;
    const std::string_view gap = Gap(r->j);
    return (gap.empty() || gap == "'" || gap == "\xE2\x80\x99") &&
           w_.FindUnit(tok(r->j + 1).lower) != nullptr;
  }

  // A unit of several words, separated by spaces or hyphens as listed, or
  // with characters glued after its word at token k ("per cent",
  // "per-cent", "square miles", "km/h"): *next is the token after it,
  // *span_end its end.
  const PhraseUnit* PhraseUnitAt(uint32_t k, uint32_t* next, size_t* span_end) const {
    for (const PhraseUnit& p : w_.phrase_units) {
      const uint32_t n = static_cast<uint32_t>(p.words.size());
      bool match = k + n <= end_;
      for (uint32_t t = 0; match && t < n; ++t) {
        match = tok(k + t).lower == p.words[t] &&
                (t + 1 == n || (p.hyphen[t] ? Gap(k + t) == "-" : Adjacent(k + t)));
      }
      if (!match) continue;
      size_t e = tok(k + n - 1).span.end;
      if (!p.tail.empty()) {
        if (std::string_view(text_).substr(e, p.tail.size()) != p.tail) continue;
        e += p.tail.size();
      }
      *next = k + n;
      *span_end = e;
      return &p;
    }
    return nullptr;
  }

  // A rate at token k ("barrels a day", "$7,250 per month"), right after
  // byte `at`.
  bool Rate(Reading* r, FigureMention* m, uint32_t k, size_t at, bool extend_span) {
    if (k + 1 >= end_ || !AdjacentAt(at, k) || !Adjacent(k)) return false;
    if (!w_.rate.Contains(tok(k).lower)) return false;
    std::string_view period = NoDot(tok(k + 1).lower);
    if (!w_.periods.Contains(period)) return false;
    // "$586 million a day earlier" is no rate.
    if (k + 2 < end_ && w_.not_rate.Contains(tok(k + 2).lower)) return false;
    // "al año", "par an": the period by its unit's name ("per year").
    const Unit* named = w_.FindUnit(period);
    const std::string per = named != nullptr ? named->unit : std::string(period);
    m->unit = m->unit.empty() ? "per " + per : m->unit + " per " + per;
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
                   r->value <= 2099 && r->glued_unit == nullptr && r->currency == nullptr;
    if (r->year_like && first_token_ > begin_ &&
        w_.year_before.Contains(tok(first_token_ - 1).lower))
      return false;

    // Age and dimensions: "14 years old", "180 metres long".
    if (m->what.empty() && r->j < end_ && JoinedAt(r->span_end, r->j)) {
      const std::string_view w = tok(r->j).lower;
      for (const Dimension& d : w_.dimensions) {
        if (d.before || d.word != w || (d.unit.empty() ? d.kind != r->kind : d.unit != m->unit)) {
          continue;
        }
        m->what = m->what_key = d.what;
        r->span_end = tok(r->j).span.end;
        ++r->j;
        break;
      }
    }
    // A dimension noun before the figure: "диаметром 800 миллиметров".
    if (m->what.empty() && first_token_ > begin_ && Adjacent(first_token_ - 1)) {
      const std::string_view w = tok(first_token_ - 1).lower;
      for (const Dimension& d : w_.dimensions) {
        if (d.before && d.word == w && (d.unit.empty() ? d.kind == r->kind : d.unit == m->unit)) {
          m->what = m->what_key = d.what;
          break;
        }
      }
    }
    if (m->what.empty() && first_token_ > begin_ && w_.aged.Contains(tok(first_token_ - 1).lower) &&
        Adjacent(first_token_ - 1) && (m->unit.empty() || m->unit == "year")) {
      m->unit = "year";
      m->what = m->what_key = "age";
    }

    // The counted noun right after the figure (rule 4).
    // "une cinquantaine d'engins", "una decena de casas": an article and a
    // collective number take their noun after a scale-of word; so does a
    // magnitude ("5,4 millones de contenedores").
    bool past_scale_of = false;
    if ((r->collective || r->scaled) && m->unit.empty() && r->j + 1 < end_ &&
        JoinedAt(r->span_end, r->j) && w_.scale_of.Contains(tok(r->j).lower) &&
        JoinedOrElided(r->j)) {
      ++r->j;
      past_scale_of = true;
    }
    uint32_t noun_end = r->j;
    // A unit in the plural is no modifier: "a section of about 180 metres
    // fell", "six months realistic" (but "a 180-metre section"), unless the
    // language puts what it measures after it in the genitive
    // (figure_grammar.txt "plural-unit | genitive": "600 метров трубы").
    if (m->what.empty() && r->kind != Kind::kPeople &&
        (!r->plural_unit || w_.plural_unit_genitive) && r->j < end_ &&
        (r->collective || past_scale_of ? JoinedOrElided(r->j - 1) : JoinedAt(r->span_end, r->j)) &&
        CompoundAfter(r->j, &noun_end)) {
      const bool bare = m->unit.empty() && !r->scaled;
      const std::string_view head = tok(noun_end - 1).lower;
      bool ok = !bare || w_.LooksPlural(head);
      // A bare count opens on a noun, not a verb ("two survived").
      if (bare && noun_end - r->j == 1 && w_.EndsEd(head)) ok = false;
      // "2016 election": a year, unless a plural noun follows right away.
      if (r->year_like && m->qualifier.empty() &&
          (noun_end - r->j > 1 || !w_.LooksPlural(head) || NameCapital(r->j))) {
        ok = false;
      }
      if (ok) {
        r->counted = true;
        counted_end_ = noun_end;
        SetWhat(r->j, noun_end, m);
        // In the nominative: "120 домов" is labelled "дома"; not "21 музей".
        const double count = std::fmod(r->value, 100), last = std::fmod(count, 10);
        const bool bare_count = m->unit.empty() && !r->scaled;
        if (!w_.labels.singular_after_one || !bare_count || last != 1 || count == 11) {
          // "164 пассажира": the genitive singular (paucal_endings).
          const bool paucal = bare_count && !w_.labels.paucal_endings.empty() && last >= 2 &&
                              last <= 4 && (count < 12 || count > 14);
          m->what = w_.labels.CountedNominative(m->what, paucal);
        }
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
        w_.of.Contains(tok(r->j).lower)) {
      return false;
    }
    return true;
  }

  // Casualties: the verb after the figure, then the word before it.
  void Casualties(Reading* r, FigureMention* m) {
    // Casualties are whole people: "magnitude 6,4 killed" is no toll.
    if ((m->unit.empty() || m->unit == "people") && !IsCasualtyKey(m->what_key) &&
        r->value == std::floor(r->value)) {
      std::string_view found;
      // Up to kMaxCasualtyGap auxiliaries: "are estimated to have been killed".
      constexpr uint32_t kMaxCasualtyGap = 7;
      for (uint32_t k = r->j; k < end_ && k < r->j + kMaxCasualtyGap; ++k) {
        // Not across punctuation: "Mr. Katriuk, 93, died" is an age.
        if (!(k == r->j ? AdjacentAt(r->span_end, k) : Adjacent(k - 1))) break;
        std::string_view c = w_.Casualty(tok(k));
        if (c.empty()) c = PhraseFrom(k);
        if (!c.empty()) {
          found = c;
          break;
        }
        if (!w_.casualty_between.Contains(tok(k).lower)) break;
      }
      uint32_t first = first_token_;
      if (found.empty()) found = PhraseBefore(first);
      for (uint32_t k = first; found.empty() && k > begin_ && k + 3 > first; --k) {
        const Token& t = tok(k - 1);
        // Not across punctuation or a preposition: "died at 93" is an age.
        if (!(k == first ? LeadsInto(k - 1) : Adjacent(k - 1)) ||
            w_.casualty_stops.Contains(t.lower)) {
          break;
        }
        std::string_view c = w_.Casualty(t);
        if (!c.empty()) found = c;
        if ((!t.is_stopword || w_.clause_joiners.Contains(t.lower)) && c.empty()) break;
      }
      if (found.empty()) found = CountOfCasualty(r);
      if (!found.empty()) {
        m->what = m->what_key = std::string(found);
        m->unit = "people";
      }
    }
  }

  // Whether casualty phrase `p` stands at tokens k, k + 1, ..., its words in
  // a row without punctuation between them.
  bool PhraseAt(const CasualtyPhrase& p, uint32_t k) const {
    const size_t n = p.words.size();
    if (k + n > end_) return false;
    for (size_t i = 0; i < n; ++i) {
      if (!FigureWords::PhraseWord(p, i, tok(k + i)) || (i > 0 && !Adjacent(k + i - 1))) {
        return false;
      }
    }
    return true;
  }
  // The casualty key of a phrase whose first word is token k ("12 people
  // sought medical treatment"), or "".
  std::string_view PhraseFrom(uint32_t k) const {
    for (const CasualtyPhrase& p : w_.casualty_phrases) {
      if (PhraseAt(p, k)) return p.key;
    }
    return "";
  }
  // The same for a phrase right before the figure's first token
  // ("за медицинской помощью обратились семь человек").
  std::string_view PhraseBefore(uint32_t first) const {
    for (const CasualtyPhrase& p : w_.casualty_phrases) {
      const uint32_t n = static_cast<uint32_t>(p.words.size());
      if (first >= begin_ + n && LeadsInto(first - 1) && PhraseAt(p, first - n)) return p.key;
    }
    return "";
  }

  // The casualty key of a count noun phrase in the figure's clause ("die
  // Zahl der Verletzten ist auf 14 gestiegen", "Subiu para 19 o número de
  // feridos", "Число пострадавших выросло до трех человек"): COUNT-NOUN
  // [of] [determiner] CASUALTY at most kMaxCountGap words before the figure,
  // or [determiner] COUNT-NOUN [of] [determiner] CASUALTY right after it;
  // only spaces between the words. "" when there is none.
  std::string_view CountOfCasualty(const Reading* r) const {
    if (w_.count_nouns.empty()) return "";
    // The casualty after a count noun at k: "Zahl der Verletzten".
    auto casualty_after = [&](uint32_t k) -> std::string_view {
      for (uint32_t t = k + 1; t < end_ && t <= k + 3 && Adjacent(t - 1); ++t) {
        std::string_view c = w_.Casualty(tok(t));
        if (!c.empty()) return c;
        if (!w_.of.Contains(tok(t).lower) && !w_.determiners.Contains(tok(t).lower)) break;
      }
      return "";
    };
    constexpr uint32_t kMaxCountGap = 10;
    for (uint32_t k = first_token_; k > begin_ && k + kMaxCountGap > first_token_; --k) {
      if (!Adjacent(k - 1)) break;
      if (w_.count_nouns.Contains(tok(k - 1).lower)) return casualty_after(k - 1);
    }
    // "Число пассажиров, пострадавших при …, выросло до семи": the count noun
    // opens the sentence, the casualty qualifies the noun after it.
    if (first_token_ > begin_ + 2 && w_.count_nouns.Contains(tok(begin_).lower) &&
        Adjacent(begin_) && Gap(begin_ + 1) == ",") {
      if (std::string_view c = w_.Casualty(tok(begin_ + 2)); !c.empty()) return c;
    }
    uint32_t k = r->j;
    if (k < end_ && AdjacentAt(r->span_end, k) && w_.determiners.Contains(tok(k).lower)) ++k;
    if (k < end_ && (k == r->j ? AdjacentAt(r->span_end, k) : Adjacent(k - 1)) &&
        w_.count_nouns.Contains(tok(k).lower)) {
      return casualty_after(k);
    }
    return "";
  }

  // What the words before the figure say: "magnitude 6.4", a noun before
  // "of" (rule 5), money after a verb that names it (rule 6).
  void WhatBefore(Reading* r, FigureMention* m) {
    // "magnitude 6.4".
    uint32_t f = first_token_;
    if (m->what.empty() && f > begin_ && w_.magnitude.Contains(tok(f - 1).lower) &&
        Adjacent(f - 1)) {
      m->what = m->what_key = "magnitude";
    }

    // A noun before "of": "a budget of $4.5-plus billion" (rule 5).
    if (m->what.empty() && r->kind != Kind::kPeople && f >= begin_ + 2 &&
        w_.of.Contains(tok(f - 1).lower) && !w_.not_of_heads.Contains(tok(f - 2).lower) &&
        LeadsInto(f - 1) && Adjacent(f - 2) && CompoundWord(f - 2) && LowerOrFirst(f - 2) &&
        !w_.EndsEd(tok(f - 2).lower) && !w_.IsLyAdverb(tok(f - 2).lower)) {
      SetWhat(CompoundBefore(f - 2), f - 1, m);
    }

    // Money after a verb that names it: "lost $5.2 billion" (rule 6); what
    // a cost is the cost of, when its subject says ("Repairs will cost about
    // $410 million": the repair).
    if (m->what.empty() && r->kind == Kind::kMoney && f > begin_ && LeadsInto(f - 1)) {
      // Verb second, a pronoun subject may follow the verb: "kostet das rund
      // 1,1 Mio. Euro".
      uint32_t at = f - 1;
      if (w_.verb_second && w_.subject_pronouns.Contains(tok(at).lower) && at > begin_ &&
          Adjacent(at - 1)) {
        --at;
      }
      if (const MoneyVerb* v = MoneyVerbAt(at)) {
        m->what = v->what;
        m->what_key = v->key;
        if (v->subject) CostSubject(at, m);
      }
    }
  }

  // The money verb (figure_verbs.txt) at token k, or null.
  const MoneyVerb* MoneyVerbAt(uint32_t k) const {
    for (const MoneyVerb& v : w_.money_verbs) {
      if (tok(k).lower == v.word) return &v;
    }
    return nullptr;
  }

  // The first token of the clause that holds token `at`: back over at most
  // `max_back` tokens, to a mark (",;:()") or the sentence's start.
  uint32_t ClauseStartAt(uint32_t at, uint32_t max_back) const {
    uint32_t c = at;
    while (c > begin_ && at - c < max_back &&
           Gap(c - 1).find_first_of(",;:()") == std::string_view::npos) {
      --c;
    }
    return c;
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
      enum class Prep { kNone, kTo, kAt, kBy, kFrom } prep = Prep::kNone;
      if (v > begin_ && Adjacent(v - 1)) {
        const std::string_view p = tok(v).lower;
        prep = w_.to.Contains(p)     ? Prep::kTo
               : w_.at.Contains(p)   ? Prep::kAt
               : w_.by.Contains(p)   ? Prep::kBy
               : w_.from.Contains(p) ? Prep::kFrom
                                     : Prep::kNone;
        if (prep != Prep::kNone) --v;
      }
      // A "to" that is also an "at" sets a level ("schätzt ... auf 2,4 Mio.
      // Euro").
      const bool at =
          prep == Prep::kAt || (prep == Prep::kTo && w_.at.Contains(tok(first_token_ - 1).lower));
      // "rose sharply to".
      if (v > begin_ && EndsWith(tok(v).lower, "ly") && Adjacent(v - 1)) --v;
      // Where a time phrase stands between the verb and the figure (verb
      // second: "stieg im vergangenen Jahr um 3,5 Prozent"), the verb
      // before it.
      if (prep != Prep::kNone) v = BeforeTimePhrase(v);
      const std::string_view verb = tok(v).lower;
      const bool copula = w_.copulas.Contains(verb);
      const bool level =
          w_.level_verbs.Contains(verb) && !(copula && r->kind == Kind::kNone && !r->scaled);
      const bool change = w_.change_verbs.Contains(verb);
      if (level || change) {
        uint32_t s = v;
        for (int n = 0; n < 2 && s > begin_ && Adjacent(s - 1) &&
                        w_.verb_auxiliaries.Contains(tok(s - 1).lower);
             ++n) {
          --s;
        }
        uint32_t b = s > begin_ ? CompoundBefore(s - 1) : s;
        // "Exports to the 27 EU member states dropped 8%": the words before
        // the verb belong to another figure.
        // "gusts at the mouth of the harbor reached 140 km/h": a noun after a
        // preposition is not the subject.
        uint32_t d = b;
        if (d > begin_ && Adjacent(d - 1) && w_.determiners.Contains(tok(d - 1).lower)) --d;
        bool in_phrase = d > begin_ && w_.prepositions.Contains(tok(d - 1).lower);
        // Verb second (or a language whose subject may carry a phrase:
        // figure_grammar.txt "subject | phrase"): the subject may carry a
        // phrase ("Die Zahl der Fahrgäste auf den Fähren stieg", "Столбик
        // термометра в городе опустился"): the subject before it.
        if (in_phrase && (w_.verb_second || w_.subject_phrase) && d - 1 > begin_ &&
            Adjacent(d - 2) && CompoundWord(d - 2) && LowerOrFirst(d - 2) &&
            !tok(d - 2).is_number) {
          s = d - 1;
          b = CompoundBefore(s - 1);
          d = b;
          if (d > begin_ && Adjacent(d - 1) && w_.determiners.Contains(tok(d - 1).lower)) --d;
          in_phrase = d > begin_ && w_.prepositions.Contains(tok(d - 1).lower);
        }
        const bool other_figure =
            in_phrase || s == counted_end_ || (b > begin_ && tok(b - 1).is_number);
        if (s > begin_ && Adjacent(s - 1) && CompoundWord(s - 1) && LowerOrFirst(s - 1) &&
            !w_.EndsEd(tok(s - 1).lower) && !w_.IsLyAdverb(tok(s - 1).lower) && !other_figure) {
          SetWhat(b, s, m);
          if (change && (prep == Prep::kNone || prep == Prep::kBy)) MarkChange(r, m);
        } else if (m->unit.empty() && (prep == Prep::kTo || at) && v == begin_) {
          // A sentence that opens on the verb has its subject after the
          // figure: "Salgono a 95 gli sfollati".
          uint32_t k = r->j;
          uint32_t e = 0;
          if (k + 1 < end_ && AdjacentAt(r->span_end, k) && Adjacent(k) &&
              w_.determiners.Contains(tok(k).lower) && CompoundAfter(k + 1, &e)) {
            SetWhat(k + 1, e, m);
          }
        }
      } else if (prep == Prep::kBy || at) {
        // VERB [determiner] OBJECT by|at FIGURE: "cut the risk of death by
        // 30%", "kept its benchmark rate at 4.25%", "put the figure at 1.5
        // million". The object: content words and "of", at most four.
        uint32_t b = v + 1;
        while (b > begin_ && v + 1 - b < 4 && Adjacent(b - 1) &&
               // Where nouns are capitalized, a lower-case word is none:
               // "schätzt der Verein auf" (the verb ends the object).
               ((CompoundWord(b - 1) && (!w_.capitalized_nouns || Capitalized(b - 1))) ||
                w_.of.Contains(tok(b - 1).lower))) {
          --b;
        }
        while (b <= v && w_.of.Contains(tok(b).lower)) ++b;
        uint32_t d = b;
        if (d > begin_ && Adjacent(d - 1) && w_.determiners.Contains(tok(d - 1).lower)) --d;
        if (b <= v && d > begin_ && Adjacent(d - 1) && LowerOrFirst(b)) {
          const std::string_view w = tok(d - 1).lower;
          const bool changes = prep == Prep::kBy && w_.change_verbs.Contains(w);
          const bool sets = at && w_.setting_verbs.Contains(w);
          uint32_t object = 0;
          if (sets && FrontedObject(d - 1, &object)) {
            SetWhat(object, object + 1, m);
          } else if (changes || sets) {
            SetWhat(b, v + 1, m);
            if (changes) MarkChange(r, m);
          }
        }
      }
    }
  }

  // In a verb-second language the verb of a clause in the perfect or a
  // subordinate clause comes last: by|to FIGURE and a change or level verb
  // right after it measure the clause's subject ("der Umsatz sei im ersten
  // Quartal um 8 Prozent gesunken": Umsatz, a change).
  void VerbLast(Reading* r, FigureMention* m) {
    const uint32_t f = first_token_;
    if (!m->what.empty() || !w_.verb_second || f <= begin_ + 1 || !LeadsInto(f - 1) ||
        r->j >= end_ || !AdjacentAt(r->span_end, r->j)) {
      return;
    }
    const std::string_view p = tok(f - 1).lower;
    const bool by = w_.by.Contains(p);
    if (!by && !w_.to.Contains(p)) return;
    const std::string_view verb = tok(r->j).lower;
    const bool change = w_.change_verbs.Contains(verb);
    if (!change && !w_.level_verbs.Contains(verb)) return;
    if (const uint32_t noun = ClauseSubject(f - 1); noun != kNoToken) {
      SetWhat(noun, noun + 1, m);
      if (change && by) MarkChange(r, m);
    }
  }

  // A share with a word of more-after and a noun after it is a change of
  // that noun ("fordert 4,5 Prozent mehr Lohn": Lohn, a change).
  void MoreAfter(Reading* r, FigureMention* m) {
    if (!m->what.empty() || r->kind != Kind::kPercent || r->j + 1 >= end_ ||
        !AdjacentAt(r->span_end, r->j) || !Adjacent(r->j) ||
        !w_.more_after.Contains(tok(r->j).lower)) {
      return;
    }
    const uint32_t noun = r->j + 1;
    if (CompoundWord(noun) && (!w_.capitalized_nouns || Capitalized(noun)) &&
        !tok(noun).is_number) {
      SetWhat(noun, noun + 1, m);
      MarkChange(r, m);
    }
  }

  // In a verb-second language, money after a verb that names it with the
  // verb's subject and object between ("kostet jeder Streiktag das
  // Unternehmen rund 2,3 Mio. Euro": Kosten); at most five words, no mark.
  void MoneyVerbBefore(Reading* r, FigureMention* m) {
    const uint32_t f = first_token_;
    if (!m->what.empty() || !w_.verb_second || r->kind != Kind::kMoney || f <= begin_ ||
        !LeadsInto(f - 1)) {
      return;
    }
    for (uint32_t k = f - 1; k >= begin_ && f - k <= 5; --k) {
      if ((k + 1 < f && !Adjacent(k)) || tok(k).is_number) return;
      if (const MoneyVerb* v = MoneyVerbAt(k)) {
        m->what = v->what;
        m->what_key = v->key;
        return;
      }
      if (k == begin_) return;
    }
  }

  // The subject of the clause that holds token `before`, where every noun
  // is capitalized: the first noun after a determiner (and at most two
  // lower-case words) that no preposition governs, between the clause's
  // start (a mark, at most ten words back) and `before`; kNoToken if none.
  static constexpr uint32_t kNoToken = UINT32_MAX;
  uint32_t ClauseSubject(uint32_t before) const {
    if (!w_.capitalized_nouns) return kNoToken;
    const uint32_t c = ClauseStartAt(before, 10);
    bool governed = false;  // inside a prepositional phrase until its noun
    for (uint32_t t = c; t < before; ++t) {
      const std::string_view w = tok(t).lower;
      if (w_.prepositions.Contains(w)) {
        governed = true;
      } else if (Capitalized(t) && t > c && CompoundWord(t)) {
        if (!governed && w_.determiners.Contains(tok(t - 1).lower)) return t;
        if (!governed && t >= c + 2 && w_.determiners.Contains(tok(t - 2).lower) &&
            !Capitalized(t - 1)) {
          return t;
        }
        governed = false;
      }
    }
    return kNoToken;
  }

  // In a verb-second language (figure_grammar.txt), the token before a
  // time phrase that ends at `last`: a preposition, at most two words and a
  // period ("im vergangenen Jahr"); `last` itself when there is none.
  uint32_t BeforeTimePhrase(uint32_t last) const {
    if (!w_.verb_second || !w_.periods.Contains(NoDot(tok(last).stem))) return last;
    for (uint32_t p = last; p > begin_ && last - p <= 3; --p) {
      if (!Adjacent(p - 1)) break;
      if (w_.prepositions.Contains(tok(p - 1).lower)) {
        return p - 1 > begin_ && Adjacent(p - 2) ? p - 2 : last;
      }
    }
    return last;
  }

  // The object of the verb at `verb` put before it, at the start of its
  // clause, where an object determiner marks it (figure_grammar.txt:
  // German "den"): "Den Schaden an Schiff und Ponton schätzt die Reederei
  // auf ...", "; den Schaden durch den Unfall beziffert die Reederei auf
  // ...": *noun is its noun ("Schaden"), the first word after the
  // determiner that can head a counted noun.
  bool FrontedObject(uint32_t verb, uint32_t* noun) const {
    if (w_.object_determiners.empty()) return false;
    constexpr uint32_t kMaxObject = 8;
    const uint32_t c = ClauseStartAt(verb, kMaxObject);
    if (c == verb || (c > begin_ && verb - c >= kMaxObject) ||
        !w_.object_determiners.Contains(tok(c).lower)) {
      return false;
    }
    for (uint32_t t = c + 1; t < verb; ++t) {
      if (CompoundWord(t) && (!w_.capitalized_nouns || Capitalized(t))) {
        *noun = t;
        return true;
      }
    }
    return false;
  }

  // The figure set by SetWhat is a change of its quantity: "change in
  // sales", key "sale chang"; the quantity goes on to a figure after "to".
  void MarkChange(Reading* r, FigureMention* m) const {
    r->subject = m->what;
    r->subject_key = m->what_key;
    const size_t slot = w_.change_label.find("{}");
    if (slot == std::string::npos) {
      m->what = w_.change_label + " " + m->what;
    } else {
      m->what = w_.change_label.substr(0, slot) + m->what + w_.change_label.substr(slot + 2);
    }
    m->what_key += " " + w_.change_key;
  }

  // "in" / "of" after a unit, scale, currency or fraction (rule 8).
  void InOrOf(Reading* r, FigureMention* m) {
    if (m->what.empty() && r->kind != Kind::kPeople && (!m->unit.empty() || r->scaled) &&
        r->j + 1 < end_ && AdjacentAt(r->span_end, r->j)) {
      const std::string_view w = tok(r->j).lower;
      uint32_t k = r->j + 1;
      uint32_t e = k;
      if (w_.in.Contains(w) && Adjacent(r->j) && !IsMonth(k) && LowerOrFirst(k) &&
          CompoundAfter(k, &e)) {
        if (!w_.times.Contains(tok(e - 1).lower) && !w_.times.Contains(tok(e - 1).stem))
          SetWhat(k, e, m);
      } else if (w_.of.Contains(w) || (r->fraction && w_.the.Contains(w))) {
        if (!w_.of.Contains(w)) k = r->j;  // "half the residents"
        while (k < end_ && k < r->j + 4 && JoinedOrElided(k - 1) &&
               (w_.determiners.Contains(tok(k).lower) || tok(k).is_number ||
                quote_words::IsPossessive(tok(k).lower))) {
          ++k;
        }
        if (k < end_ && JoinedOrElided(k - 1) && !IsMonth(k) && CompoundAfter(k, &e)) {
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
    if ((r->from || !r->subject.empty()) && r->j + 1 < end_ && w_.to.Contains(tok(r->j).lower) &&
        AdjacentAt(r->span_end, r->j) && Adjacent(r->j)) {
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
    MeasureTopic(m);
    m->document = document_;
    m->sentence = sentence_;
    m->span = Span{r->span_begin, r->span_end};
    m->value = r->value;
    m->value_high = r->high;
    *next_out = r->j;
    return true;
  }

  // What a measure measures, by a word of its sentence that the language
  // lists for its unit ("1.250 hectáreas" in a sentence of "calcinado":
  // the burnt area), whatever noun the figure is of.
  void MeasureTopic(FigureMention* m) const {
    if (m->unit.empty() || IsCasualtyKey(m->what_key)) return;
    for (const FigureWords::MeasureTopic& topic : w_.measure_topics) {
      if (topic.unit != m->unit) continue;
      for (uint32_t t = begin_; t < end_; ++t) {
        if (tok(t).lower.starts_with(topic.prefix)) {
          m->what_key = topic.key;
          return;
        }
      }
    }
  }

  // "of" or "the" at k: what a fraction like "a third" or "half" needs.
  bool FractionOf(uint32_t k) const {
    return k < end_ && k > begin_ && Adjacent(k - 1) &&
           (w_.of.Contains(tok(k).lower) || w_.the.Contains(tok(k).lower));
  }

  // The qualifier right before the number at i ("more than", "about"): the
  // longest phrase of quantity_qualifiers.txt that ends at i - 1.
  void Qualifier(uint32_t i, uint32_t* span_begin, std::string* qualifier) {
    first_token_ = i;
    for (const QualifierPhrase& q : w_.qualifiers_before) {
      const uint32_t n = static_cast<uint32_t>(q.words.size());
      if (i < begin_ + n) continue;
      bool match = true;
      for (uint32_t t = n; match && t > 0; --t) match = tok(i - n + t - 1).lower == q.words[t - 1];
      if (!match) continue;
      *qualifier = q.qualifier;
      *span_begin = std::min(*span_begin, tok(i - n).span.begin);
      first_token_ = i - n;
      return;
    }
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
      if (!w_.IsWord(t) || t.is_stopword || w_.reporting.Contains(t.lower)) continue;
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
    uint32_t s = verb;
    bool estimate = false;
    for (int n = 0;
         n < 4 && s > begin_ && Adjacent(s - 1) &&
         (w_.verb_auxiliaries.Contains(tok(s - 1).lower) ||
          w_.infinitive.Contains(tok(s - 1).lower) || w_.estimates.Contains(tok(s - 1).lower));
         ++n) {
      estimate = estimate || w_.estimates.Contains(tok(s - 1).lower);
      --s;
    }
    if (!estimate || s <= begin_ || !Adjacent(s - 1) || !CompoundWord(s - 1) ||
        !LowerOrFirst(s - 1) || w_.EndsEd(tok(s - 1).lower) || w_.IsLyAdverb(tok(s - 1).lower)) {
      return;
    }
    const uint32_t b = CompoundBefore(s - 1);
    uint32_t d = b;
    if (d > begin_ && Adjacent(d - 1) && w_.determiners.Contains(tok(d - 1).lower)) --d;
    if (d > begin_ && w_.prepositions.Contains(tok(d - 1).lower)) return;  // "the cost of"
    SetWhat(b, s, m);
  }

  const FigureWords& w_;
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

void ScanFigures(const figures_internal::FigureWords& words, const Document& doc,
                 uint32_t document_index, std::vector<ScannedFigure>* out) {
  const size_t first = out->size();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.token_end > doc.tokens.size() || sentence.token_begin >= sentence.token_end) {
      continue;
    }
    figures_internal::Scanner(words, doc, s, document_index).Run(out);
  }
  MarkEarlierFigures(words, doc, first, out);
}

}  // namespace dossier
