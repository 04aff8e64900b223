#include <unicode/uchar.h>

#include "analyze/entity_run.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

using entity_run::FirstWord;
using name_forms::AllAsciiUpper;
using name_forms::ApostropheThenSpaces;
using name_forms::DisplayForm;
using name_forms::GapWords;
using name_forms::HasLower;
using name_forms::IsAcronym;
using name_forms::IsDottedInitials;
using name_forms::IsInitial;
using name_forms::IsNameWord;
using name_forms::IsPlainAscii;
using name_forms::IsRomanNumeral;
using name_forms::NameKey;
using name_forms::OnlySpaces;
using name_forms::PeriodThenSpaces;
using name_forms::StartsAlpha;
using name_forms::StartsUpper;
using name_forms::StripPossessive;

void EntityExtractor::Run::SentenceWords(const Document& doc, const Sentence& s,
                                         Words* words) const {
  std::string_view text = doc.text;
  words->clear();
  words->reserve(s.token_end - s.token_begin);
  for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    Word w;
    std::string_view raw = t.span.Slice(text);
    w.text = StripPossessive(raw);
    w.possessive = w.text.size() != raw.size();
    w.span = Span{t.span.begin, static_cast<uint32_t>(t.span.begin + w.text.size())};
    w.raw_end = t.span.end;
    w.key = !w.possessive && IsPlainAscii(raw) ? t.lower : NameKey(w.text);
    w.stem = t.stem;
    w.lower = t.lower;
    w.is_stopword = t.is_stopword;
    w.cap = IsNameWord(w.text) || (IsDottedInitials(w.text) && !KnownKey(w.key));
    if (words->empty()) {
      w.sentence_initial = true;
    } else {
      // After an opening quote or bracket, a colon or a dash, or a mark of
      // the language's opening_mark settings ("«Да", "¿Pero").
      std::string_view gap =
          TrimWhitespace(text.substr(words->back().raw_end, w.span.begin - words->back().raw_end));
      w.sentence_initial = EndsWith(gap, "\"") || EndsWith(gap, "\xE2\x80\x9C") ||
                           EndsWith(gap, ":") || EndsWith(gap, "\xE2\x80\x94") ||
                           EndsWith(gap, "(") ||
                           std::any_of(x_.opening_marks_.begin(), x_.opening_marks_.end(),
                                       [&](const std::string& m) { return EndsWith(gap, m); });
    }
    words->push_back(std::move(w));
  }
}

bool EntityExtractor::Run::IsHeadline(std::string_view text, const Words& words) const {
  int content = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.is_stopword || !StartsAlpha(w.text) || IsAcronym(w.text)) continue;
    if (i > 0 && Gap(text, words, i - 1, i) == "-") continue;  // "Co-ordinate"
    if (!StartsUpper(w.text)) return false;
    ++content;
  }
  return content >= 3;
}

bool EntityExtractor::Run::IsShouting(const Words& words) {
  int caps = 0;
  for (const Word& w : words) {
    if (!StartsAlpha(w.text)) continue;
    if (HasLower(w.text)) return false;
    ++caps;
  }
  return caps >= 3;
}

namespace {

// Starts with a lower-case letter, in any script.
bool StartsLower(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_islower(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Calls found(tail) on each tail of `stem` that starts after three letters or more and holds
// at least `min_tail` letters, longest first, until it returns true ("Bundes|regierung").
template <typename Found>
bool AnyCompoundTail(std::string_view stem, size_t min_tail, Found&& found) {
  size_t letters = 0;
  for (size_t p = 0; p < stem.size(); ++p) {
    if ((static_cast<unsigned char>(stem[p]) & 0xC0) == 0x80) continue;
    if (letters >= 3) {
      const std::string_view tail = stem.substr(p);
      if (CodePoints(tail) < min_tail) break;
      if (found(tail)) return true;
    }
    ++letters;
  }
  return false;
}

}  // namespace

bool EntityExtractor::Run::OpensLowerCasePhrase(std::string_view text, const Words& words,
                                                size_t i) const {
  if (x_.name_endings_.empty() || i + 2 >= words.size() || !words[i].cap ||
      !HasAdjectiveEnding(words[i].lower) || KnownKey(words[i].key)) {
    return false;
  }
  const Word& adjective = words[i + 1];
  const Word& noun = words[i + 2];
  return !adjective.cap && StartsLower(adjective.text) && HasAdjectiveEnding(adjective.lower) &&
         !noun.cap && StartsLower(noun.text) && InflectedHeadType(noun.key) == nullptr &&
         OnlySpaces(Gap(text, words, i, i + 1)) && OnlySpaces(Gap(text, words, i + 1, i + 2));
}

size_t EntityExtractor::Run::AdjectiveHeadEnd(std::string_view text, const Words& words,
                                              size_t k) const {
  if (k >= words.size() || words[k].cap || !StartsLower(words[k].text)) return k;
  if (InflectedHeadType(words[k].key) != nullptr) return k + 1;
  if (k + 1 < words.size() && HasAdjectiveEnding(words[k].lower) && !words[k + 1].cap &&
      StartsLower(words[k + 1].text) && OnlySpaces(Gap(text, words, k, k + 1)) &&
      InflectedHeadType(words[k + 1].key) != nullptr) {
    return k + 2;
  }
  return k;
}

void EntityExtractor::Run::Survey() {
  words_.resize(cluster_.documents.size());
  for (size_t d = 0; d < cluster_.documents.size(); ++d) {
    if (!Included(d)) continue;
    const Document& doc = cluster_.documents[d];
    for (const Token& t : doc.tokens) {
      std::string_view w = t.span.Slice(doc.text);
      // Not after a hyphen: "un" of "Jong-un" is no word of the text.
      const bool after_hyphen = t.span.begin > 0 && doc.text[t.span.begin - 1] == '-';
      if (!w.empty() && StartsLower(w) && !after_hyphen) {
        lowercase_.insert(IsPlainAscii(w) ? t.lower : NameKey(StripPossessive(w)));
        if (x_.capitalized_nouns_ && !t.is_stopword && CodePoints(t.stem) >= 3) {
          lower_stems_.insert(t.stem);  // "weitere" of "bis auf Weiteres"
        }
      }
    }
    words_[d].resize(doc.sentences.size());
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Words& words = words_[d][si];
      SentenceWords(doc, doc.sentences[si], &words_[d][si]);
      if (x_.capitalized_nouns_) NoteNounEvidence(doc.text, words);
      if (x_.road_words_.empty()) continue;
      // Road codes after a road word ("l'autoroute A46"; elided articles go).
      for (size_t i = 1; i < words.size(); ++i) {
        const size_t e = RoadCodeEnd(doc.text, words, i);
        if (e == i || !OnlySpaces(Gap(doc.text, words, i - 1, i))) continue;
        std::string_view before = words[i - 1].lower;
        for (std::string_view apostrophe : {"'", "\xE2\x80\x99"}) {
          if (size_t a = before.rfind(apostrophe); a != std::string_view::npos) {
            before.remove_prefix(a + apostrophe.size());
          }
        }
        if (x_.road_words_.count(std::string(before)) > 0) {
          roads_.insert(NameKey(Span{words[i].span.begin, words[e - 1].span.end}.Slice(doc.text)));
        }
      }
    }
  }
  for (size_t d = 0; d < cluster_.documents.size(); ++d) {
    if (!Included(d)) continue;
    const Document& doc = cluster_.documents[d];
    for (Words& words : words_[d]) {
      if (x_.capitalized_nouns_) DemoteCommonNouns(doc.text, &words);
      if (!IsShouting(words)) {
        for (const Word& w : words) {
          if (IsAcronym(w.text)) acronyms_running_.insert(w.key);
        }
      }
      if (IsHeadline(doc.text, words)) continue;
      for (size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (!w.cap || w.sentence_initial) continue;
        cap_running_.insert(w.key);
        if (!x_.name_endings_.empty()) cap_running_endings_.insert(x_.EndingKey(w.key));
        if (i == 0 || !words[i - 1].cap || !OnlySpaces(Gap(doc.text, words, i - 1, i))) {
          starts_run_.insert(w.key);
        }
      }
    }
  }
}

const std::string* EntityExtractor::Run::CompoundHeadType(const Word& w) const {
  if (!x_.capitalized_nouns_ || w.stem.empty()) return nullptr;
  const std::string* type = nullptr;
  AnyCompoundTail(w.stem, 3, [&](std::string_view tail) {
    auto it = x_.head_stems_.find(std::string(tail));
    if (it != x_.head_stems_.end()) type = &it->second;
    return type != nullptr;
  });
  return type;
}

bool EntityExtractor::Run::IsCommonNoun(const Word& w) const {
  if (w.stem.empty()) return false;
  // A noun suffix after 3 letters or more: "Prellungen", "Sicherheit".
  for (const std::string& suffix : x_.noun_suffixes_) {
    if (EndsWith(w.lower, suffix) &&
        CodePoints(w.lower.substr(0, w.lower.size() - suffix.size())) >= 3) {
      return true;
    }
  }
  const auto& stems = x_.noun_stems_;
  if (stems.count(std::string(w.stem)) > 0) return true;
  // A compound ending with a noun: "Bundesregierung" (3 letters before a
  // noun stem of 4 letters or more).
  return AnyCompoundTail(w.stem, 4,
                         [&](std::string_view tail) { return stems.count(std::string(tail)) > 0; });
}

void EntityExtractor::Run::NoteNounEvidence(std::string_view text, const Words& words) {
  for (size_t i = 1; i < words.size(); ++i) {
    const Word& w = words[i];
    if (!w.cap) continue;
    const Word& before = words[i - 1];
    const std::string_view gap = Gap(text, words, i - 1, i);
    if ((OnlySpaces(gap) || PeriodThenSpaces(gap)) &&
        (IsTitle(before.key) || (before.cap && IsGiven(before.key)))) {
      named_.insert(w.key);  // "Herr Weber", "Annalena Baerbock"
    }
    // "die Passagiere", "der neue Wettbewerb", "neun Knoten": a determiner (or a figure),
    // then up to two
    // words in lower case that are no stopwords ("die von Lindner
    // geführte Partei" says nothing of "Lindner").
    for (size_t j = i; j-- > 0 && i - j <= 3;) {
      if (!OnlySpaces(Gap(text, words, j, j + 1))) break;
      // A figure counts like a determiner: "60 Einsatzkräfte", "2,4 Mio. Euro".
      // So does a preposition before an adjective: "mit voller Wucht".
      if (x_.determiners_.count(std::string(words[j].lower)) > 0 ||
          (!words[j].text.empty() && IsAsciiDigit(words[j].text[0])) ||
          (i - j >= 2 && x_.prepositions_.count(std::string(words[j].lower)) > 0)) {
        // Not the first word of a company's name: "der Kranich Logistik GmbH".
        if (!OpensOrgName(text, words, i)) after_determiner_.insert(w.key);
        break;
      }
      if (!StartsLower(words[j].text) || words[j].is_stopword) break;
    }
  }
}

// Whether words[i] opens a run of capitalized words, two or more, that ends
// in an organization head word ("Kranich Logistik GmbH").
bool EntityExtractor::Run::OpensOrgName(std::string_view text, const Words& words, size_t i) const {
  size_t b = i + 1;
  while (b < words.size() && (words[b].cap || IsOrgSuffix(words[b])) &&
         OnlySpaces(Gap(text, words, b - 1, b))) {
    ++b;
  }
  return b - i >= 3 && IsOrgHead(words[b - 1].key);
}

void EntityExtractor::Run::DemoteCommonNouns(std::string_view text, Words* words_ptr) const {
  Words& words = *words_ptr;
  std::vector<bool> kept(words.size(), false);
  // Runs of capitalized words that make a known form or end in an
  // organization head word: "Deutsche Bahn", "Weber Bau GmbH".
  for (size_t a = 0; a < words.size();) {
    if (!words[a].cap) {
      ++a;
      continue;
    }
    size_t b = a + 1;
    while (b < words.size() && (words[b].cap || IsOrgSuffix(words[b])) &&
           (OnlySpaces(Gap(text, words, b - 1, b)) || AmpersandGap(text, words, b - 1))) {
      ++b;
    }
    if (b - a >= 2 && IsOrgHead(words[b - 1].key)) {
      for (size_t k = a; k < b; ++k) kept[k] = true;
    }
    // An organization head, or a compound ending in one, before name words
    // that are no common nouns: "das Seeamt Nord", "Polizei Hamburg".
    for (size_t k = a; k + 1 < b; ++k) {
      const Word& next = words[k + 1];
      if (!OnlySpaces(Gap(text, words, k, k + 1)) ||
          !(IsNameWordOf(next.lower, NameWords::kNamePart) ||
            (!IsCommonNoun(next) && !after_determiner_.count(next.key)))) {
        continue;
      }
      const std::string* t = HeadType(words[k].key);
      if (t == nullptr) t = CompoundHeadType(words[k]);
      if (t != nullptr && *t == "organization") kept[k] = kept[k + 1] = true;
    }
    for (size_t st = a; st + 1 < b; ++st) {
      for (size_t e = std::min(b, st + 6); e >= st + 2; --e) {
        if (KnownRun(text, words, st, e)) {
          for (size_t k = st; k < e; ++k) kept[k] = true;
          break;
        }
      }
    }
    a = b;
  }
  for (size_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    if (!w.cap || kept[k] || IsAcronym(w.text) || IsInitial(w.text) || IsTitle(w.key)) continue;
    if (KnownKey(w.key) || IsGiven(w.key) || named_.count(w.key) > 0) continue;
    // A compound ending in a place head word names a place, unless it is
    // itself a listed noun: "an den Landungsbrücken", not "die Innenstadt".
    if (const std::string* t = CompoundHeadType(w);
        t != nullptr && *t == "place" && x_.noun_stems_.count(std::string(w.stem)) == 0) {
      continue;
    }
    // A place suffix right after a place preposition (also first in its
    // sentence), never after a determiner: "in Mühlhausen", "nach
    // Heidelberg" (not "nach Hause", "aus Sicherheitsgründen").
    // So does one right after a place head word: "im Stadtteil Bettenhausen".
    const std::string* before_head =
        k > 0 && !StartsLower(words[k - 1].text) ? HeadType(words[k - 1].key) : nullptr;
    const bool place_head = before_head != nullptr && *before_head == "place";
    if (k > 0 && OnlySpaces(Gap(text, words, k - 1, k)) &&
        (place_head || ((StartsLower(words[k - 1].text) || words[k - 1].sentence_initial) &&
                        IsNameWordOf(words[k - 1].lower, NameWords::kPlacePreposition) &&
                        after_determiner_.count(w.key) == 0)) &&
        std::any_of(x_.place_suffixes_.begin(), x_.place_suffixes_.end(),
                    [&](const std::string& suffix) {
                      return EndsWith(w.lower, suffix) &&
                             CodePoints(w.lower.substr(0, w.lower.size() - suffix.size())) >= 3;
                    })) {
      continue;
    }
    if (IsCommonNoun(w) || after_determiner_.count(w.key) > 0 ||
        lower_stems_.count(std::string(w.stem)) > 0) {
      w.cap = false;
    }
  }
}

void EntityExtractor::Run::ScanDocument(uint32_t d) {
  const Document& doc = cluster_.documents[d];
  std::string_view text = doc.text;
  const size_t first_mention = mentions_.size();
  for (Words& words : words_[d]) {
    if (IsHeadline(text, words)) {
      // A headline capitalizes common words ("Urges", "Strikes"); in one,
      // only words capitalized in running text or known are names.
      auto common = [&](const Word& w) {
        return w.cap && !cap_running_.count(w.key) && !KnownKey(w.key);
      };
      auto lower_elsewhere = [&](const Word& w) { return lowercase_.count(w.key) > 0; };
      if (std::any_of(words.begin(), words.end(),
                      [&](const Word& w) { return common(w) && lower_elsewhere(w); })) {
        for (Word& w : words) {
          if (common(w)) w.cap = false;
        }
      }
    }
    ScanSentence(d, text, words);
  }
  FindPairs(text, first_mention);
}

size_t EntityExtractor::Run::QuotedName(std::string_view text, const Words& words, size_t i) const {
  const size_t begin = words[i].span.begin;
  const std::string_view before =
      TrimWhitespace(i > 0 ? Gap(text, words, i - 1, i)
                           : text.substr(begin >= 4 ? begin - 4 : 0, begin >= 4 ? 4 : begin));
  for (const auto& [open, close] : x_.name_quotes_) {
    if (!EndsWith(before, open)) continue;
    for (size_t k = i; k < words.size() && k < i + 3; ++k) {
      const Word& w = words[k];
      const bool figure =
          !w.text.empty() && std::all_of(w.text.begin(), w.text.end(), IsAsciiDigit);
      if (!(StartsUpper(w.text) && HasLower(w.text)) && !(figure && k > i)) break;
      if (k > i && !OnlySpaces(Gap(text, words, k - 1, k)) && Gap(text, words, k - 1, k) != "-") {
        break;
      }
      const std::string_view after =
          TrimWhitespace(text.substr(w.raw_end, std::min<size_t>(8, text.size() - w.raw_end)));
      if (!StartsWith(after, close)) continue;
      // One word: no common noun ("„Katastrophe“").
      if (k == i && ((x_.capitalized_nouns_ && IsCommonNoun(w)) || lowercase_.count(w.key) > 0)) {
        break;
      }
      return k + 1;
    }
  }
  return i;
}

size_t EntityExtractor::Run::RoadCodeEnd(std::string_view text, const Words& words,
                                         size_t i) const {
  // Capitals, then digits: "A46" (one word) or "AV" "-" "924" (two).
  auto capitals = [](std::string_view w, size_t* end) {
    size_t n = 0;
    size_t pos = 0;
    while (pos < w.size()) {
      size_t next = pos;
      const char32_t cp = DecodeUtf8(w, &next);
      if (!u_isupper(static_cast<UChar32>(cp))) break;
      pos = next;
      ++n;
    }
    *end = pos;
    return n;
  };
  auto digits = [](std::string_view w) {
    return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), IsAsciiDigit);
  };
  const std::string_view w = words[i].text;
  size_t end = 0;
  const size_t n = capitals(w, &end);
  if (n < 1 || n > 3) return i;
  if (end < w.size()) return digits(w.substr(end)) ? i + 1 : i;
  if (i + 1 < words.size() && Gap(text, words, i, i + 1) == "-" && digits(words[i + 1].text)) {
    return i + 2;
  }
  return i;
}

size_t EntityExtractor::Run::InstitutionHead(std::string_view text, const Words& words, size_t s,
                                             std::string* type, std::string* listed) const {
  if (x_.institution_heads_.empty() || s == 0) return s;
  auto lower = [&](size_t k) {
    return !words[k].cap && StartsLower(words[k].text) && OnlySpaces(Gap(text, words, k, k + 1));
  };
  if (!lower(s - 1)) return s;
  // Where names take endings, the head alone, in any case: its listed form
  // but the last letter, then an ending of up to three letters
  // ("прокуратуры", "мэрии"; not "мэра").
  if (!x_.name_endings_.empty()) {
    const std::string_view w = words[s - 1].lower;
    for (const auto& [head, kind] : x_.institution_heads_) {
      size_t stem = head.size();
      while (stem > 0 && (static_cast<unsigned char>(head[stem - 1]) & 0xC0) == 0x80) --stem;
      if (stem > 0) --stem;  // the lead byte of the last letter
      if (head.find(' ') != std::string::npos || !StartsWith(w, head.substr(0, stem)) ||
          CodePoints(w.substr(stem)) > 3) {
        continue;
      }
      *listed = head;
      *type = kind;
      return s - 1;
    }
  }
  if (s < 2 || !IsNameWordOf(words[s - 1].key, NameWords::kOf) || !lower(s - 2)) return s;
  // Not an elided article: "l'université de Lyon".
  std::string_view head = words[s - 2].lower;
  for (std::string_view apostrophe : {"'", "\xE2\x80\x99"}) {
    if (size_t a = head.rfind(apostrophe); a != std::string_view::npos) {
      head.remove_prefix(a + apostrophe.size());
    }
  }
  const std::string one(head);
  if (auto it = x_.institution_heads_.find(one); it != x_.institution_heads_.end()) {
    *type = it->second;
    return s - 2;
  }
  if (s < 3 || !lower(s - 3)) return s;
  const std::string two = std::string(words[s - 3].lower) + " " + one;
  if (auto it = x_.institution_heads_.find(two); it != x_.institution_heads_.end()) {
    *type = it->second;
    return s - 3;
  }
  return s;
}

void EntityExtractor::Run::ScanSentence(uint32_t d, std::string_view text, const Words& words) {
  const bool shouting = IsShouting(words);
  size_t i = 0;
  while (i < words.size()) {
    if (!roads_.empty()) {
      if (const size_t e = RoadCodeEnd(text, words, i); e > i) {
        const Span span{words[i].span.begin, words[e - 1].span.end};
        std::string form(span.Slice(text));
        std::string key = NameKey(form);
        if (roads_.count(key) > 0) {  // "na A1", once the pile writes "autoestrada A1"
          AddForm(d, span, std::move(form), std::move(key), 1, 1, false, /*acronym=*/false, false,
                  "place", "");
        }
        i = e;
        continue;
      }
    }
    if (!x_.name_quotes_.empty()) {
      if (const size_t q = QuotedName(text, words, i); q > i) {
        AddMention(d, text, words, i, q, false, "");  // "„Möwe 7“"
        // After an organization head or legal form: "ООО «Сибтеплосеть»".
        Form& form = forms_[mentions_.back().form];
        if (i > 0 && form.head_type.empty()) {
          const std::string* t = InflectedHeadType(words[i - 1].key);  // "компанию"
          if (t != nullptr && *t != "place") form.head_type = *t;
        }
        i = q;
        continue;
      }
    }
    if (const size_t e = KnownAcronymRun(text, words, i); e > i) {
      AddMention(d, text, words, i, e, false, "");  // "IG Metall", listed whole
      i = e;
      continue;
    }
    if (KnownAcronymCompound(d, text, words, i)) {  // "IG-Metall-Sprecherin"
      i += 2;
      continue;
    }
    const Word& w = words[i];
    const bool amp_next = i + 1 < words.size() && Gap(text, words, i, i + 1) == "&" &&
                          AllAsciiUpper(words[i + 1].text);
    // "SUD-Rail": where capitals mark names, an acronym a hyphen joins to a
    // name word opens a name.
    const bool acronym_run = x_.capitals_mark_names_ && IsAcronym(w.text) && !w.cap &&
                             i + 1 < words.size() && words[i + 1].cap &&
                             Gap(text, words, i, i + 1) == "-";
    if (!acronym_run && ((IsAcronym(w.text) && !w.cap) || LongCapitalsName(w) ||
                         (amp_next && w.text.size() == 1 && IsAsciiUpper(w.text[0])))) {
      i = ScanAcronym(d, text, words, i, shouting);
      continue;
    }
    if (!w.cap && !acronym_run) {
      ++i;
      continue;
    }
    const size_t end = ExtendRun(text, words, i);
    if (end == i + 1 && OpensLowerCasePhrase(text, words, i)) {
      ++i;
      continue;
    }
    // "al-Qaida", "al-Assad": a lower-case "al-" before the run joins it.
    const bool al = i > 0 && IsPrefixParticle(words[i - 1].key) && !words[i - 1].cap &&
                    Gap(text, words, i - 1, i) == "-";
    EmitRun(d, text, words, al ? i - 1 : i, end);
    i = end;
  }
}

// Where every noun is capitalized (capitalized_nouns), the end of a listed
// name that opens with an acronym and goes on with capitalized words after
// spaces ("IG Metall"), or i when none starts at i: the acronym would
// otherwise stand alone. (English keeps "UN Security Council" as two names.)
size_t EntityExtractor::Run::KnownAcronymRun(std::string_view text, const Words& words,
                                             size_t i) const {
  if (!x_.capitalized_nouns_ || !IsAcronym(words[i].text)) return i;
  size_t found = i;
  for (size_t e = i + 2; e <= words.size() && e - i <= 4; ++e) {
    if (!words[e - 1].cap || !OnlySpaces(Gap(text, words, e - 2, e - 1))) break;
    if (KnownRun(text, words, i, e)) found = e;
  }
  return found;
}

// Where every noun is capitalized, a compound that opens with a listed name
// of an acronym and a word, joined by a hyphen ("IG-Metall-Sprecherin",
// "IG-Metall"): adds the name ("IG Metall") and returns true.
bool EntityExtractor::Run::KnownAcronymCompound(uint32_t d, std::string_view text,
                                                const Words& words, size_t i) {
  if (!x_.capitalized_nouns_ || i + 1 >= words.size() || !IsAcronym(words[i].text) ||
      Gap(text, words, i, i + 1) != "-") {
    return false;
  }
  std::string form = std::string(words[i].text) + " " + std::string(words[i + 1].text);
  std::string key = NameKey(form);
  if (!KnownKey(key)) return false;
  const Span span{words[i].span.begin, words[i + 1].span.end};
  AddForm(d, span, std::move(form), std::move(key), 2, 2, false, /*acronym=*/false, false, "", "");
  return true;
}

// Outside English, a known name or one the pile capitalizes in running
// text, written in capitals and too long for an acronym: a dateline's
// "НОВОСИБИРСК.".
bool EntityExtractor::Run::LongCapitalsName(const Word& w) const {
  if ((!x_.capitals_mark_names_ && !x_.capitalized_nouns_) || w.cap || HasLower(w.text) ||
      !StartsUpper(w.text) || CodePoints(w.text) <= 6) {
    return false;
  }
  for (size_t pos = 0; pos < w.text.size();) {
    if (!u_isalpha(static_cast<UChar32>(DecodeUtf8(w.text, &pos)))) return false;
  }
  return KnownKey(w.key) || CappedInRunningText(w.key) ||
         (!x_.name_endings_.empty() && x_.alias_ending_keys_.count(x_.EndingKey(w.key)) > 0);
}

size_t EntityExtractor::Run::ScanAcronym(uint32_t d, std::string_view text, const Words& words,
                                         size_t i, bool shouting) {
  const Word& w = words[i];
  size_t end = i + 1;
  while (!words[end - 1].possessive && end < words.size() &&
         Gap(text, words, end - 1, end) == "&" && AllAsciiUpper(words[end].text)) {
    ++end;
  }
  // "CC OO", "EE UU" (where capitals mark names): abbreviations of plural
  // names double each initial; two of them a space apart are one.
  auto doubled = [](std::string_view t) {
    return t.size() == 2 && IsAsciiUpper(t[0]) && t[0] == t[1];
  };
  while (x_.capitals_mark_names_ && end == i + 1 && end < words.size() && doubled(w.text) &&
         doubled(words[end].text) && OnlySpaces(Gap(text, words, end - 1, end))) {
    ++end;
  }
  Span span{w.span.begin, words[end - 1].span.end};
  std::string form(span.Slice(text));
  if (end == i + 1 && IsRomanNumeral(form)) return end;
  const std::string key = NameKey(form);
  // An acronym whose letters spell a stopword ("US", "IT") only when the
  // alias file knows it.
  const bool known = x_.aliases_.count(key) > 0;
  // Nor a head word ("PLC"), nor, in a shouting line, one the cluster
  // does not write elsewhere ("THE WHITE HOUSE").
  if (HeadType(key) || (shouting && !known && !acronyms_running_.count(key))) return end;
  if (!x_.stopwords_.count(key) && (end > i + 1 || !w.is_stopword || known)) {
    bool titled = i > 0 && IsTitle(words[i - 1].key) && !HonorificBefore(words, i);
    AddForm(d, span, std::move(form), key, 1, 1, false, /*acronym=*/true, titled, "", "");
  }
  return end;
}

size_t EntityExtractor::Run::ExtendRun(std::string_view text, const Words& words, size_t i) const {
  const bool saint = IsNameWordOf(words[i].key, NameWords::kSaint);
  size_t end = i + 1;
  while ((end = PastHyphenLinks(text, words, end)) < words.size()) {
    const Word& prev = words[end - 1];
    const Word& next = words[end];
    const std::string_view gap = Gap(text, words, end - 1, end);
    const bool space = OnlySpaces(gap);
    const bool next_name = next.cap && (!IsAcronym(next.text) || IsDottedInitials(next.text));
    if ((space || TrimWhitespace(gap) == ",") && !prev.possessive && IsOrgSuffix(next)) {
      ++end;  // "Renault SA", "Deutsche Bahn AG", "Transportes Mondego, S.A."
      continue;
    }
    if (prev.possessive) {
      if (saint && space && next_name) {  // "St. Brendan's Hospital"
        ++end;
        continue;
      }
      break;
    }
    if (next_name) {
      if (space) {
        ++end;
        continue;
      }
      // Not "R-Va" either.
      if (gap == "-" &&
          (IsPrefixParticle(prev.key) || (!IsPlaceWord(prev.key) && !IsPlaceWord(next.key) &&
                                          prev.text.size() > 1 && next.text.size() > 1))) {
        ++end;  // "Jean-Claude", "Al-Haj"; not "Syria-Turkey"
        continue;
      }
      if (PeriodThenSpaces(gap) &&
          (IsInitial(prev.text) || IsNameWordOf(prev.key, NameWords::kPeriodJoins))) {
        ++end;  // "George W. Bush", "St. Louis"
        continue;
      }
      if (ApostropheThenSpaces(gap) && EndsWith(prev.text, "s") && IsOrgHead(next.key)) {
        ++end;  // "Ferry Workers' Union"
        continue;
      }
      if (TrimWhitespace(gap) == "&" && gap.size() >= 3 &&
          (IsOrgHead(next.key) || end - i >= 3 || EndsInOrgSuffix(text, words, end))) {
        ++end;  // "Ross & Co", "Kleiner Perkins Caufield & Byers"
        continue;
      }
      break;
    }
    // "Kim Jong-un", "Ban Ki-moon": a short lower-case ending after a
    // hyphen, in a run of two words or more, that the text does not use
    // as a word.
    if (gap == "-" && end - i >= 2 && prev.cap && !next.possessive && next.text.size() >= 2 &&
        next.text.size() <= 4 && std::all_of(next.text.begin(), next.text.end(), IsAsciiLower) &&
        !IsHyphenSuffixWord(next.key) && (next.text.size() <= 2 || !lowercase_.count(next.key))) {
      ++end;
      break;
    }
    // "and" inside a known name: "Securities and Exchange Commission".
    if (space && IsNameWordOf(next.key, NameWords::kAnd) && end + 1 < words.size() &&
        words[end + 1].cap && OnlySpaces(Gap(text, words, end, end + 1))) {
      size_t far = end + 2;
      while (far < words.size() && far - i < 8 && words[far].cap &&
             OnlySpaces(Gap(text, words, far - 1, far))) {
        ++far;
      }
      // The longest known name through "and" that starts inside the run.
      size_t known_end = 0;
      for (size_t st = i; st < end && known_end == 0; ++st) {
        for (size_t e = far; e > end + 1 && known_end == 0; --e) {
          if (KnownRun(text, words, st, e)) known_end = e;
        }
      }
      if (known_end != 0) {
        end = known_end;
        continue;
      }
    }
    // Joiners: particles ("de", "al-") and "of (the)" after a head word.
    if (end + 1 < words.size() && (space || (gap == "-" && IsPrefixParticle(next.key)))) {
      const std::string_view gap2 = Gap(text, words, end, end + 1);
      // An elided particle, its apostrophe in the gap: "Mutuelle
      // Rhodanienne d'Assurances".
      const bool elided = IsElision(gap2);
      const bool space2 = OnlySpaces(gap2) || elided || (IsPrefixParticle(next.key) && gap2 == "-");
      if (space2 && words[end + 1].cap && !next.possessive && !next.cap) {
        if (IsParticle(next.key) && space) {
          end += 2;
          continue;
        }
        if (IsNameWordOf(next.key, NameWords::kOf) && HeadType(prev.key)) {
          end += 2;
          continue;
        }
      }
      if (const size_t of_end = OfTheEnd(text, words, end); of_end > end) {
        end = of_end;
        continue;
      }
    }
    // "Ленинском районе", "Следственный комитет", "Уральской транспортной
    // прокуратуре": a capitalized adjective (adjective_ending) before a
    // lower-case head word (AdjectiveHeadEnd).
    // Not first in a sentence, unless capitalized elsewhere ("Аварийные
    // бригады").
    if (const size_t head_end = AdjectiveHeadEnd(text, words, end);
        space && prev.cap && head_end > end && HasAdjectiveEnding(prev.lower) &&
        (!prev.sentence_initial || CappedInRunningText(prev.key))) {
      end = head_end;
      // An organization's with the place it serves in the genitive, a
      // capitalized adjective and a place head: "Законодательного
      // собрания Новосибирской области".
      const std::string* t = InflectedHeadType(words[end - 1].key);
      if (*t == "organization" && end + 1 < words.size()) {
        const Word& adj = words[end];
        const Word& place = words[end + 1];
        const std::string* p = InflectedHeadType(place.key);
        if (adj.cap && !adj.sentence_initial && HasAdjectiveEnding(adj.lower) &&
            StartsLower(place.text) && p != nullptr && *p == "place" &&
            OnlySpaces(Gap(text, words, end - 1, end)) &&
            OnlySpaces(Gap(text, words, end, end + 1))) {
          end += 2;
        }
      }
      break;
    }
    // "Assemblée nationale", "Le Rassemblement national": lower-case words
    // that complete a known form, where capitals mark names.
    if (x_.capitals_mark_names_ && space && StartsLower(next.text)) {
      size_t far = end;
      while (far < words.size() && far - end < 3 && StartsLower(words[far].text) &&
             OnlySpaces(Gap(text, words, far - 1, far))) {
        ++far;
      }
      size_t known_end = 0;
      for (size_t st = i; st < end && known_end == 0; ++st) {
        for (size_t e = far; e > end && known_end == 0; --e) {
          if (KnownRun(text, words, st, e)) known_end = e;
        }
      }
      if (known_end != 0) {
        end = known_end;
        continue;
      }
    }
    break;
  }
  return end;
}

void EntityExtractor::Run::EmitRun(uint32_t d, std::string_view text, const Words& words,
                                   size_t begin, size_t end) {
  size_t s = begin;
  while (s < end) {
    size_t e = s;
    while (e < end && !(words[e].cap && x_.stopwords_.count(words[e].key))) ++e;
    if (e > s) EmitPart(d, text, words, s, e);
    s = e + 1;
  }
}

const std::string* EntityExtractor::Run::NameHead(const Words& words, size_t s, size_t e) const {
  for (size_t k = s + 1; k + 1 < e; ++k) {
    if (IsNameWordOf(words[k].key, NameWords::kOf)) {
      if (const std::string* t = HeadType(words[k - 1].key)) return t;
    }
  }
  if (OrgHeadFirst(words, s, e)) return InflectedHeadType(words[s].key);  // "Прокуратура ..."
  // A lower-case organization head before the place it serves, where names
  // take endings: "Законодательное собрание Новосибирской области".
  for (size_t k = s + 1; !x_.name_endings_.empty() && k + 2 < e; ++k) {
    const std::string* t = words[k].cap ? nullptr : InflectedHeadType(words[k].key);
    if (t != nullptr && *t == "organization") return t;
  }
  if (const std::string* t = InflectedHeadType(words[e - 1].key)) return t;  // "района"
  if (const std::string* t = CompoundHeadType(words[e - 1])) return t;       // "Landungsbrücken"
  if (x_.capitalized_nouns_ && e - s >= 2) {  // "Seeamt Nord", "Polizei Hamburg"
    const std::string* t = HeadType(words[s].key);
    if (t == nullptr) t = CompoundHeadType(words[s]);
    if (t != nullptr && *t == "organization") return t;
  }
  // "Banco Central do Brasil", "Comisión Europea".
  return x_.head_word_first_ && e - s >= 2 ? HeadType(words[s].key) : nullptr;
}

void EntityExtractor::Run::EmitKnownPrefix(uint32_t d, std::string_view text, const Words& words,
                                           size_t s, size_t cut) {
  if (cut <= s) return;
  if (KnownRun(text, words, s, cut)) {
    AddMention(d, text, words, s, cut, false, "");
  } else if (words[s].cap && KnownKey(words[s].key)) {
    AddMention(d, text, words, s, s + 1, false, "");
  }
}

// Where capitals mark names, the first word of part [s, e) that is not the
// portfolio of a title before it; e when none is left.
size_t EntityExtractor::Run::PastTitlePortfolio(std::string_view text, const Words& words, size_t s,
                                                size_t e) const {
  // Where capitals mark names, the word after a title and "of" belongs to
  // the title: "la ministra de Trabajo", "le ministre des Transports", "il
  // ministro dell'Economia Giancarlo Giorgetti"); not an organization's
  // name opened by its head word ("o comandante dos Bombeiros Voluntários
  // de Coimbra").
  // (Past a leading "of" a stopword left: "Estado" of "de Estado da".)
  if (!x_.capitals_mark_names_) return s;
  while (s < e && !words[s].cap && IsOfOrArticle(words[s].key)) ++s;
  if (s >= e) return e;
  const std::string* first_head = e - s >= 2 ? HeadType(words[s].key) : nullptr;
  if (s >= 2 && !KnownKey(words[s].key) && !IsGiven(words[s].key) && !KnownRun(text, words, s, e) &&
      (first_head == nullptr || *first_head != "organization")) {
    size_t j = s - 1;
    if (!words[j].cap && IsNameWordOf(words[j].key, NameWords::kArticle) && j > 0) --j;
    // Not after a title of a place ("el alcalde de Navalcastro").
    // Also after a portfolio: "la secretária de Estado da Mobilidade".
    size_t t = j > 0 ? j - 1 : 0;
    for (int hops = 0; hops < 3 && t >= 2 && words[t].cap && !IsTitle(words[t].key) &&
                       !words[t - 1].cap && IsOfOrArticle(words[t - 1].key);
         ++hops) {
      size_t u = t - 1;
      while (u > 0 && !words[u].cap && IsOfOrArticle(words[u].key)) --u;
      if (words[u].cap && !IsTitle(words[u].key)) break;
      t = u;
    }
    if (!words[j].cap && IsNameWordOf(words[j].key, NameWords::kOf) && j > 0 &&
        IsTitle(words[t].key) && !IsNameWordOf(words[t].lower, NameWords::kPlaceOf)) {
      // With the words after it that the pile writes in lower case: "la
      // consejera de Medio Ambiente" ("medio ambiente").
      ++s;
      while (s < e && words[s].cap && lowercase_.count(words[s].key) > 0 &&
             !IsGiven(words[s].key) && !KnownKey(words[s].key)) {
        ++s;
      }
      // And after "of": "la secretária de Estado da Mobilidade".
      while (s < e && !words[s].cap && IsOfOrArticle(words[s].key)) {
        while (s < e && !words[s].cap && IsOfOrArticle(words[s].key)) ++s;
        if (s < e) ++s;
      }
    }
  }
  return s;
}

void EntityExtractor::Run::EmitPart(uint32_t d, std::string_view text, const Words& words, size_t s,
                                    size_t e) {
  // 1. Leading stopwords ("The", "But", "An"); where capitals mark names,
  // not one without which the part is no known form ("São Paulo"), nor a
  // capitalized article away from a sentence's start ("le groupe Les
  // Écologistes").
  while (s < e && words[s].is_stopword && words[s].cap &&
         !(x_.capitals_mark_names_ && s + 1 < e &&
           ((KnownRun(text, words, s, e) && !KnownRun(text, words, s + 1, e)) ||
            (!words[s].sentence_initial && IsNameWordOf(words[s].key, NameWords::kArticle))))) {
    ++s;
  }
  if (s >= e) return;
  // Where every noun is capitalized, a common noun before a company's name
  // of two words or more and its legal form (an organization head word) says
  // what the company is: "Spedition Meinhardt Logistik GmbH"; not before a
  // known name ("Flughafen Berlin Brandenburg GmbH") or a name of one word
  // ("Stadtwerke Kassel GmbH").
  const std::string* last_head = HeadType(words[e - 1].key);  // "GmbH", "AG"
  if (x_.capitalized_nouns_ && e - s >= 4 && last_head != nullptr && *last_head == "organization" &&
      IsCommonNoun(words[s]) && !IsCommonNoun(words[s + 1]) && !KnownKey(words[s + 1].key) &&
      OnlySpaces(Gap(text, words, s, s + 1))) {
    ++s;
  }
  const std::string* head = NameHead(words, s, e);
  const bool headed = head != nullptr;
  const bool org_headed = headed && (*head == "organization" || *head == "group");
  // 2. Titles: everything up to the last title word followed by a name,
  // unless an organization head word makes them part of the name
  // ("General Motors").
  bool person = false;
  std::string honorific_form;
  bool honorific = false;
  size_t last_title = e;
  if (!org_headed) {
    size_t first_title = e;
    for (size_t k = s; k + 1 < e; ++k) {
      if (IsTitle(words[k].key, &honorific)) {
        if (first_title == e) first_title = k;
        last_title = k;
        honorific_form = honorific ? std::string(words[k].text) : "";
      }
    }
    if (last_title != e) {
      EmitKnownPrefix(d, text, words, s, first_title);
      s = last_title + 1;
      person = true;
    }
  }
  // Where capitals mark names, not before an organization's name or a
  // place's of two words or more ("el primer Consejo de Gobierno",
  // "губернатор Новосибирской области").
  if (last_title == e && s > 0 &&
      !(x_.capitals_mark_names_ && (org_headed || (headed && e - s >= 2))) &&
      IsTitle(words[s - 1].key, &honorific)) {
    // "Dr. Amal Reyes", not "Minister, Calloway Strand Engineering".
    std::string_view gap = Gap(text, words, s - 1, s);
    if (OnlySpaces(gap) || PeriodThenSpaces(gap)) {
      person = true;
      std::string_view t = words[s - 1].text;
      if (EndsWith(t, ".")) t.remove_suffix(1);
      if (honorific && words[s - 1].cap) honorific_form = std::string(t);
    }
  }
  if (!org_headed) {
    // 3. A trailing title: "Turkish President" -> "Turkish"; "Prime
    // Minister" and a lone title are no names; "Stephen King" stays.
    if (e > s && IsTitle(words[e - 1].key)) {
      bool all_known = true;
      bool all_common = true;
      for (size_t k = s; k + 1 < e; ++k) {
        all_known = all_known && KnownKey(words[k].key);
        all_common = all_common && (lowercase_.count(words[k].key) > 0 || IsTitle(words[k].key));
      }
      if (all_common) return;
      // "Turkish President", "Richland County Sheriff".
      if (all_known || KnownRun(text, words, s, e - 1) || NameHead(words, s, e - 1)) --e;
    }
  }
  if (e - s >= 3 && IsNameWordOf(words[e - 1].key, NameWords::kGenerational)) --e;
  // Trailing particles, "of", stopwords ("Space Station The"); not one
  // after a hyphen link ("Côte-d'Or").
  while (e > s && ((!words[e - 1].cap &&
                    (IsParticle(words[e - 1].key) || IsOfOrArticle(words[e - 1].key))) ||
                   (words[e - 1].cap && words[e - 1].is_stopword &&
                    !(e - 1 > s && !words[e - 2].cap &&
                      IsNameWordOf(words[e - 2].key, NameWords::kHyphenLink))))) {
    --e;
  }
  if (s >= e) return;
  // 4. A sentence-initial word that is no name ("Naturally", "Regarding
  // Turkey").
  if (words[s].sentence_initial && !KnownKey(words[s].key) && !KnownRun(text, words, s, e)) {
    const bool lower = lowercase_.count(words[s].key) > 0;
    const bool capped = CappedInRunningText(words[s].key);  // "Путину" as "Путин"
    if (e - s == 1) {
      if (lower || !capped) return;
    } else if (!IsGiven(words[s].key) && !capped && words[s + 1].cap &&
               ((lower && starts_run_.count(words[s + 1].key)) ||
                (x_.capitals_mark_names_ && !OrgHeadFirst(words, s, e) &&
                 !NamesOutlet(d, text, words, s, e)))) {
      ++s;  // "Regarding Turkey"; "Визит Путина" where capitals mark names
    }
  }
  // 5. Words before a given name: "Georgia Republican Karen Handel".
  if (e - s >= 3 && !headed && !KnownRun(text, words, s, e)) {
    for (size_t k = s + 1; k + 1 < e; ++k) {
      const std::string& before = words[k - 1].key;
      if (IsGiven(words[k].key) && !IsGiven(before) && words[k - 1].cap &&
          !IsNameWordOf(before, NameWords::kPlaceLead)) {
        EmitKnownPrefix(d, text, words, s, k);
        s = k;
        break;
      }
    }
  }
  // 6. A leading demonym before a name used on its own: "Russian Metrojet".
  if (e - s >= 2 && IsDemonym(words[s].key) && starts_run_.count(words[s + 1].key) &&
      !KnownRun(text, words, s, e)) {
    const std::string* head = NameHead(words, s, e);
    if (head == nullptr || *head == "place") {
      AddMention(d, text, words, s, s + 1, false, "");
      ++s;
    }
  }
  s = PastTitlePortfolio(text, words, s, e);
  if (s >= e) return;
  // 7. Where capitals mark names, a known place before two name words or
  // more, or a given name, that are no known form: "(президентом) Турции
  // Реджепом Тайипом Эрдоганом" -> "Турции", "Реджепом Тайипом Эрдоганом";
  // not "France Inter".
  if (x_.capitals_mark_names_ && e - s >= 2 && words[s].cap && IsPlaceWord(words[s].key) &&
      (e - s >= 3 || IsGiven(words[s + 1].key)) && !KnownRun(text, words, s, e) &&
      NameHead(words, s, e) == nullptr) {
    AddMention(d, text, words, s, s + 1, false, "");
    ++s;
  }
  while (s < e && !words[s].cap && IsOfOrArticle(words[s].key)) ++s;
  if (s >= e) return;
  if (e - s == 1) {
    const Word& w = words[s];
    if (IsInitial(w.text)) return;                    // "S" of "S-400"
    if (HeadType(w.key) && !KnownKey(w.key)) return;  // "Union", "State"
  }
  AddMention(d, text, words, s, e, person, honorific_form);
}

void EntityExtractor::Run::AddMention(uint32_t d, std::string_view text, const Words& words,
                                      size_t s, size_t e, bool titled, const std::string& honorific,
                                      bool inner) {
  // "le parquet de Lyon": a listed lower-case head and "of" before the name
  // open it and type it.
  std::string institution_type;
  std::string listed_head;
  const size_t name_start = s;
  if (const size_t h = inner ? s : InstitutionHead(text, words, s, &institution_type, &listed_head);
      h < s) {
    s = h;
  }
  Span span{words[s].span.begin, words[e - 1].span.end};
  std::string form = DisplayForm(span.Slice(text));

  // The merge key: without particles written in lower case and "al-".
  std::string key;
  std::string no_initials;
  bool middle_initials = false;
  uint32_t key_words = 0;
  for (size_t k = s; k < e; ++k) {
    const Word& w = words[k];
    if (k > s && k + 1 < e && (IsInitial(w.text) || IsDottedInitials(w.text))) {
      middle_initials = true;
    } else if (!((!w.cap && IsParticle(w.key)) || (k > s && IsPrefixParticle(w.key)) ||
                 (IsPrefixParticle(w.key) && k + 1 < e && Gap(text, words, k, k + 1) == "-"))) {
      if (!no_initials.empty()) no_initials.push_back(' ');
      no_initials += w.key;
    }
    // Particles written in lower case, "al"/"el" inside a name, "al-".
    if ((!w.cap && IsParticle(w.key)) || (k > s && IsPrefixParticle(w.key))) continue;
    if (IsPrefixParticle(w.key) && k + 1 < e && Gap(text, words, k, k + 1) == "-") continue;
    if (!key.empty()) key.push_back(' ');
    key += w.key;
    ++key_words;
  }
  if (key.empty()) return;
  if (!middle_initials) no_initials.clear();
  const std::string* head = institution_type.empty() ? NameHead(words, s, e) : &institution_type;
  // "Mr Putin", not "Dr Amal Reyes".
  const std::string honorific_text =
      honorific.empty() || key_words != 1 ? "" : honorific + " " + form;
  const bool initials = IsInitial(words[s].text) || IsDottedInitials(words[s].text);
  AddForm(d, span, std::move(form), std::move(key), static_cast<uint32_t>(e - s), key_words,
          initials, /*acronym=*/false, titled, head ? *head : "", honorific_text);
  Form& added = forms_[mentions_.back().form];
  added.no_initials = std::move(no_initials);
  // "над Казанью": a one-word name no ending joins to a listed name, its
  // Snowball stem may (not an adjective's: "Новосибирской").
  if (added.entry == kNone && e - s == 1 && !x_.alias_stems_.empty() && !words[s].stem.empty() &&
      !HasAdjectiveEnding(words[s].lower) && !name_forms::IsAcronym(words[s].text)) {
    const std::string stem(words[s].stem);
    if (auto it = x_.alias_stems_.find(stem); it != x_.alias_stems_.end()) {
      added.entry = it->second;
      if (auto l = x_.local_stem_forms_.find(stem); l != x_.local_stem_forms_.end()) {
        std::tie(added.local, added.local_pos) = l->second;
      }
    }
  }
  if (!listed_head.empty()) {  // "прокуратуры ..." -> "прокуратура ..."
    added.listed = listed_head + added.text.substr(words[s].text.size());
  }
  // "le parquet de Lyon" names Lyon too; "la sierra de Gredos" is Gredos.
  const bool inner_name = institution_type == "organization";
  // Also first in its sentence, where a language has place prepositions
  // ("In Bremerhaven").
  if (s > 0 && (!words[s - 1].cap || words[s - 1].sentence_initial) &&
      OnlySpaces(Gap(text, words, s - 1, s)) &&
      IsNameWordOf(words[s - 1].lower, NameWords::kPlacePreposition)) {
    added.after_place_preposition = true;  // "aus Finkenwerder"
  }
  // "le groupe Les Écologistes", "la empresa Navalsur": an organization head
  // in lower case right before, where capitals mark names and names take no
  // endings (not "компании Петрова").
  if (s > 0 && x_.capitals_mark_names_ && x_.name_endings_.empty() &&
      StartsLower(words[s - 1].text) && OnlySpaces(Gap(text, words, s - 1, s))) {
    // "el río Ebro", "la calle Larios": a place's head word.
    const std::string* t = HeadType(words[s - 1].key);
    if (t != nullptr && *t == "organization") added.after_org_head = true;
    if (t != nullptr && *t == "place") added.after_place_preposition = true;
  }
  // "im Stadtteil Bettenhausen": where every noun is capitalized, a place
  // head word demoted to a common noun just before.
  if (s > 0 && x_.capitalized_nouns_ && !words[s - 1].cap && !StartsLower(words[s - 1].text) &&
      OnlySpaces(Gap(text, words, s - 1, s))) {
    const std::string* t = HeadType(words[s - 1].key);
    if (t != nullptr && *t == "place") added.after_place_preposition = true;
  }
  // "на улице Станиславского": a place head word in lower case just before,
  // where names take endings.
  if (s > 0 && !x_.name_endings_.empty() && !words[s - 1].cap && StartsLower(words[s - 1].text) &&
      OnlySpaces(Gap(text, words, s - 1, s))) {
    const std::string* t = InflectedHeadType(words[s - 1].key);
    if (t != nullptr && *t == "place") added.after_place_preposition = true;
  }
  // "la provincia de Ávila", "le maire de Corbas": a place_of word and
  // "of", in lower case (not "le siège de la Caisse d'Épargne").
  const size_t j = s;
  if (j >= 2 && !words[j - 1].cap && IsNameWordOf(words[j - 1].key, NameWords::kOf) &&
      !words[j - 2].cap && IsNameWordOf(words[j - 2].lower, NameWords::kPlaceOf)) {
    added.after_place_preposition = true;
  }
  if (inner_name) AddMention(d, text, words, name_start, e, false, "", /*inner=*/true);
  // Outside English, an organization opened by its head names the listed
  // place that ends it too: "Regione Liguria", "Junta de Castilla y León".
  // Where names take endings, also a place its head word names
  // ("Прокуратура Ленинского района").
  if (!inner && x_.capitals_mark_names_ && e - s >= 2 && institution_type.empty() &&
      (IsOrgHead(words[s].key) || OrgHeadFirst(words, s, e))) {
    size_t t = s + 1;
    while (t < e && !words[t].cap && IsOfOrArticle(words[t].key)) ++t;
    bool place = false;
    if (t < e && KnownRun(text, words, t, e)) {
      auto it = x_.aliases_.find(RunKey(text, words, t, e));
      place = it != x_.aliases_.end() && x_.alias_entries_[it->second].type == "place";
    } else if (t + 1 < e && !x_.name_endings_.empty()) {
      const std::string* h = NameHead(words, t, e);
      place = h != nullptr && *h == "place";
    }
    if (place) AddMention(d, text, words, t, e, false, "", /*inner=*/true);
  }
  // "Законодательное собрание Новосибирской области" names the oblast too.
  for (size_t k = s + 1; !inner && !x_.name_endings_.empty() && k + 2 < e; ++k) {
    const std::string* t = words[k].cap ? nullptr : InflectedHeadType(words[k].key);
    if (t != nullptr && *t == "organization") {
      AddMention(d, text, words, k + 1, e, false, "", /*inner=*/true);
      break;
    }
  }
}

void EntityExtractor::Run::AddForm(uint32_t d, Span span, std::string form, std::string key,
                                   uint32_t words, uint32_t key_words, bool initials, bool acronym,
                                   bool titled, const std::string& head_type,
                                   const std::string& honorific_text) {
  auto [it, inserted] = form_ids_.try_emplace(form, static_cast<uint32_t>(forms_.size()));
  if (inserted) {
    Form f;
    f.text = std::move(form);
    f.key = std::move(key);
    f.key_words = key_words;
    f.words = words;
    f.acronym = acronym;
    f.head_type = head_type;
    const std::string name_key = NameKey(f.text);
    if (auto a = x_.aliases_.find(name_key); a != x_.aliases_.end()) {
      f.entry = a->second;
    } else if (auto m = x_.demonyms_.find(name_key); m != x_.demonyms_.end()) {
      f.entry = m->second;
      f.demonym = true;
    } else if (!x_.name_endings_.empty()) {  // "Москве", "Германией"
      const std::string ending_key = x_.EndingKey(name_key);
      if (auto ea = x_.alias_ending_keys_.find(ending_key); ea != x_.alias_ending_keys_.end()) {
        f.entry = ea->second;
      } else if (auto em = x_.demonym_ending_keys_.find(ending_key);
                 em != x_.demonym_ending_keys_.end()) {
        f.entry = em->second;
        f.demonym = true;
      }
    }
    if (!x_.name_endings_.empty() && !acronym) f.ending_key = x_.EndingKey(f.key);
    if (f.entry != kNone && !x_.local_forms_.empty()) {
      if (auto l = x_.local_forms_.find(name_key); l != x_.local_forms_.end()) {
        // The one written so ("São Paulo", not "Sao Paulo"), else the first.
        auto same = std::find_if(l->second.begin(), l->second.end(),
                                 [&](const auto& lf) { return lf.first == f.text; });
        std::tie(f.local, f.local_pos) = same != l->second.end() ? *same : l->second.front();
      } else if (auto le = x_.local_ending_forms_.find(x_.EndingKey(name_key));
                 !x_.name_endings_.empty() && le != x_.local_ending_forms_.end()) {
        std::tie(f.local, f.local_pos) = le->second;
      }
    }
    f.given = !acronym && f.entry == kNone && head_type.empty() && key_words >= 2 &&
              key_words <= 3 && (IsGiven(std::string(FirstWord(f.key))) || initials);
    forms_.push_back(std::move(f));
  }
  Form& f = forms_[it->second];
  ++f.count;
  f.titled = f.titled || titled;
  if (!honorific_text.empty()) {
    auto t = std::find_if(f.honorific_forms.begin(), f.honorific_forms.end(),
                          [&](const auto& p) { return p.first == honorific_text; });
    if (t == f.honorific_forms.end()) {
      f.honorific_forms.emplace_back(honorific_text, 1);
    } else {
      ++t->second;
    }
  }
  mentions_.push_back(Mention{it->second, d, span});
}

void EntityExtractor::Run::FindPairs(std::string_view text, size_t first) {
  for (size_t i = first; i + 1 < mentions_.size(); ++i) {
    const Mention& a = mentions_[i];
    const Mention& b = mentions_[i + 1];
    if (a.form == b.form || b.span.begin < a.span.end || b.span.begin - a.span.end > 64) continue;
    const Form& fa = forms_[a.form];
    const Form& fb = forms_[b.form];
    if (fa.demonym || fb.demonym) continue;
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    const std::string_view after = text.substr(b.span.end);
    bool paired = false;
    if (TrimWhitespace(gap) == "(") {
      // "Regional Transit Safety Office (RTSO)", "Daesh (Islamic State)";
      // not "Paris (France)", "Mark Wahlberg (Jack Salmon)", "FAS (FASD)".
      const bool one_acronym = fa.acronym != fb.acronym;
      const bool known = fa.entry != kNone || fb.entry != kNone;
      paired = StartsWith(after, ")") && (one_acronym || known) &&
               IsKnownPlace(fa) == IsKnownPlace(fb) && !(fa.titled || fa.given) &&
               !(fb.titled || fb.given);
    } else {
      bool comma = false;
      const std::vector<std::string> w = GapWords(gap, &comma);
      if (x_.names_.NamesSame(w, comma)) {
        paired = true;
      } else if ((w.size() == 1 && x_.names_.IsAlternative(w[0])) || (w.empty() && comma)) {
        // "the Islamic State, or ISIS," / "Islamic State, Daesh, its
        // Arabic acronym," but not a list: "Putin, Hollande, or Obama".
        const bool note = x_.names_.AcronymNoteFollows(after);
        const bool known_one = (fa.entry != kNone) != (fb.entry != kNone);
        paired = note || (!w.empty() && ((fb.acronym && !fa.acronym) || known_one));
        const bool person_place = ((fa.titled || fa.given) && IsKnownPlace(fb)) ||
                                  ((fb.titled || fb.given) && IsKnownPlace(fa));
        bool list_before = false;
        if (i > first && mentions_[i - 1].span.end <= a.span.begin) {
          const Span p = mentions_[i - 1].span;
          list_before = TrimWhitespace(text.substr(p.end, a.span.begin - p.end)) == ",";
        }
        std::string_view rest = TrimWhitespace(after.substr(0, std::min<size_t>(after.size(), 8)));
        if (StartsWith(rest, ",")) rest = TrimWhitespace(rest.substr(1));
        const bool list_after = x_.names_.ListFollows(rest);
        if (person_place || list_before || list_after) paired = false;
      }
    }
    if (paired) pairs_.emplace_back(a.form, b.form);
  }
}

}  // namespace dossier
