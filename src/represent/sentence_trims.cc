#include "represent/sentence_trims.h"

#include <string>

#include "util/strings.h"

namespace dossier {
namespace {

// Lower-cased ASCII letters of a word, without the punctuation around it.
std::string BareLower(std::string_view word) {
  std::string out;
  for (char ch : word) {
    if (IsAsciiAlpha(ch) || ch == '\'') out += static_cast<char>(ch | 0x20);
  }
  return out;
}

// The words of text[from, to): runs of non-space bytes, as [begin, end) offsets.
std::vector<std::pair<size_t, size_t>> Words(std::string_view text, size_t from, size_t to) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t i = from;
  while (i < to) {
    while (i < to && IsAsciiSpace(text[i])) ++i;
    const size_t start = i;
    while (i < to && !IsAsciiSpace(text[i])) ++i;
    if (i > start) words.emplace_back(start, i);
  }
  return words;
}

// The next comma at or after `from` that ends a phrase (followed by a space;
// not the comma of "2,000"), or npos.
size_t NextClauseComma(std::string_view text, size_t from) {
  for (size_t c = text.find(',', from); c != std::string_view::npos; c = text.find(',', c + 1)) {
    if (c + 1 < text.size() && IsAsciiSpace(text[c + 1])) return c;
  }
  return std::string_view::npos;
}

bool HasDoubleQuote(std::string_view text) {
  return text.find('"') != std::string_view::npos ||
         text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos;
}

// Tracks whether a double quotation is open at byte c (straight or curly).
void UpdateQuote(std::string_view text, size_t c, bool* open) {
  if (text[c] == '"') *open = !*open;
  if (text.compare(c, 3, "\xE2\x80\x9C") == 0) *open = true;
  if (text.compare(c, 3, "\xE2\x80\x9D") == 0) *open = false;
}

std::string WordAt(std::string_view text, std::pair<size_t, size_t> word) {
  return BareLower(text.substr(word.first, word.second - word.first));
}

}  // namespace

void SentenceTrimmer::CutRelativeClauses(std::string_view text, std::vector<bool>* keep) const {
  const size_t n = text.size();
  bool quote_open = false;
  int paren = 0;
  for (size_t c = 0; c + 1 < n; ++c) {
    UpdateQuote(text, c, &quote_open);
    if (text[c] == '(') ++paren;
    if (text[c] == ')') --paren;
    if (text[c] != ',' || quote_open || paren > 0 || !(*keep)[c]) continue;
    const auto next = Words(text, c + 1, std::min(n, c + 12));
    if (next.empty() || !relative_pronouns_.Contains(WordAt(text, next[0]))) continue;
    size_t end = NextClauseComma(text, c + 1);
    const bool to_end = end == std::string_view::npos || end + 1 >= n;
    if (to_end) {
      if (text[n - 1] != '.') continue;
      end = n - 1;
    } else {
      // A list inside the clause ("who wrote, drew and lettered", "who wrote, drew,
      // lettered"): that comma ends nothing.
      const auto after = Words(text, end + 1, n);
      if (after.empty()) continue;
      bool list = false;
      for (size_t k = 0; k < after.size() && k < 3 && !list; ++k) {
        list = (k < 2 && list_joiners_.Contains(WordAt(text, after[k]))) ||
               text[after[k].second - 1] == ',';
      }
      if (list) continue;
    }
    const std::string_view clause = text.substr(c + 1, end - c - 1);
    if (HasDoubleQuote(clause) || clause.find('(') != std::string_view::npos ||
        Words(text, c + 1, end).size() > static_cast<size_t>(kMaxClauseWords)) {
      continue;
    }
    // ", who ..., said" -> " said": the clause goes with both commas; to the end, the period stays.
    const size_t stop = to_end ? n - 1 : end + 1;
    for (size_t i = c; i < stop; ++i) (*keep)[i] = false;
    c = stop - 1;
  }
}

void SentenceTrimmer::CutAppositives(std::string_view text, std::vector<bool>* keep) const {
  const size_t n = text.size();
  bool quote_open = false;
  for (size_t c = 1; c + 1 < n; ++c) {
    UpdateQuote(text, c, &quote_open);
    if (text[c] != ',' || quote_open || !(*keep)[c] || !IsAsciiSpace(text[c + 1])) continue;
    // After a name: the word before the comma is capitalized.
    size_t b = c;
    while (b > 0 && !IsAsciiSpace(text[b - 1])) --b;
    if (!IsAsciiUpper(text[b])) continue;
    const size_t end = NextClauseComma(text, c + 1);
    if (end == std::string_view::npos || end + 1 >= n) continue;
    const auto words = Words(text, c + 1, end);
    if (words.empty() || words.size() > static_cast<size_t>(kMaxAppositiveWords)) continue;
    // A phrase on a determiner, or an age (one to three digits: not a score, "23-16").
    bool age = words.size() == 1 && words[0].second - words[0].first <= 3;
    for (size_t i = words[0].first; age && i < words[0].second; ++i) age = IsAsciiDigit(text[i]);
    if (!age && !appositive_openers_.Contains(WordAt(text, words[0]))) continue;
    const std::string_view inside = text.substr(c + 1, end - c - 1);
    if (HasDoubleQuote(inside) || inside.find('(') != std::string_view::npos) continue;
    // Not an item of a list ("Lima, the capital, and Cusco").
    bool joined = false;
    for (const auto& w : words) joined = joined || list_joiners_.Contains(WordAt(text, w));
    const auto after = Words(text, end + 1, n);
    if (joined || after.empty() || list_joiners_.Contains(WordAt(text, after[0]))) continue;
    for (size_t i = c; i <= end; ++i) (*keep)[i] = false;
    c = end;
  }
}

Result<SentenceTrimmer> SentenceTrimmer::Create(std::string_view data_dir, bool clauses) {
  Result<WordList> verbs = LoadWordList(data_dir, "en/speech_verbs.txt", /*lowercase=*/true);
  if (!verbs.ok()) return verbs.status();
  Result<WordList> adverbials =
      LoadWordList(data_dir, "en/leading_adverbials.txt", /*lowercase=*/true);
  if (!adverbials.ok()) return adverbials.status();
  // speech_verbs.txt: "told | object": the verb is the first column; one-word verbs only,
  // not the -ing forms.
  std::string first_words;
  for (const std::string& entry : verbs->entries()) {
    std::string_view verb(entry);
    verb = verb.substr(0, verb.find('|'));
    while (!verb.empty() && IsAsciiSpace(verb.back())) verb.remove_suffix(1);
    // Participles ("claiming about 80 lives") open content, not attribution.
    if (!verb.empty() && verb.find(' ') == std::string_view::npos && !verb.ends_with("ing")) {
      first_words += std::string(verb) + "\n";
    }
  }
  SentenceTrimmer t;
  t.speech_verbs_ = WordList::Parse(first_words, /*lowercase=*/true);
  t.leading_adverbials_ = std::move(*adverbials);
  t.clauses_ = clauses;
  if (clauses) {
    for (auto [list, name] : {std::pair{&t.relative_pronouns_, "en/relative_pronouns.txt"},
                              std::pair{&t.appositive_openers_, "en/appositive_openers.txt"},
                              std::pair{&t.list_joiners_, "en/list_joiners.txt"}}) {
      Result<WordList> words = LoadWordList(data_dir, name, /*lowercase=*/true);
      if (!words.ok()) return words.status();
      *list = std::move(*words);
    }
  }
  return t;
}

std::vector<Span> SentenceTrimmer::Trim(const Document& doc, const Sentence& sentence) const {
  const std::string_view text = sentence.span.Slice(doc.text);
  const size_t n = text.size();
  std::vector<bool> keep(n, true);
  // 3. A leading adverbial: "On Tuesday, The ...".
  {
    const auto words = Words(text, 0, n);
    if (!words.empty() && leading_adverbials_.Contains(BareLower(
                              text.substr(words[0].first, words[0].second - words[0].first)))) {
      for (size_t w = 0; w < words.size() && w < static_cast<size_t>(kMaxLeadWords); ++w) {
        const std::string_view word = text.substr(words[w].first, words[w].second - words[w].first);
        if (HasDoubleQuote(word)) break;
        if (word.back() != ',') continue;
        if (w + 1 < words.size()) {
          const char next = text[words[w + 1].first];
          if ((next >= 'A' && next <= 'Z') || IsAsciiDigit(next)) {
            for (size_t i = 0; i < words[w + 1].first; ++i) keep[i] = false;
          }
        }
        break;
      }
    }
  }
  // 2. Parentheticals, not opening the sentence.
  for (size_t open = text.find('('); open != std::string_view::npos && open > 0;
       open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.find('(') != std::string_view::npos ||
        Words(text, open + 1, close).size() > static_cast<size_t>(kMaxParentheticalWords)) {
      continue;
    }
    const size_t from = IsAsciiSpace(text[open - 1]) ? open - 1 : open;
    for (size_t i = from; i <= close; ++i) keep[i] = false;
  }
  // 1. An attribution tail: ", officials said on Tuesday." (the final period stays).
  if (n > 0 && text[n - 1] == '.') {
    bool quote_open = false;  // a straight or curly double quotation open before the comma
    for (size_t c = 0; c + 1 < n; ++c) {
      if (text[c] == '"') quote_open = !quote_open;
      if (text.compare(c, 3, "\xE2\x80\x9C") == 0) quote_open = true;
      if (text.compare(c, 3, "\xE2\x80\x9D") == 0) quote_open = false;
      if (text[c] != ',' || quote_open) continue;
      const std::string_view tail = text.substr(c + 1, n - 1 - (c + 1));
      if (HasDoubleQuote(tail) || tail.find('(') != std::string_view::npos) continue;
      const auto tail_words = Words(text, c + 1, n - 1);
      if (tail_words.empty() || tail_words.size() > static_cast<size_t>(kMaxTailWords)) continue;
      bool verb = false;
      for (size_t w = 0; w < tail_words.size() && w < 3 && !verb; ++w) {
        verb = speech_verbs_.Contains(BareLower(
            text.substr(tail_words[w].first, tail_words[w].second - tail_words[w].first)));
      }
      if (!verb) continue;
      for (size_t i = c; i + 1 < n; ++i) keep[i] = false;
      break;
    }
  }
  if (clauses_) {
    CutRelativeClauses(text, &keep);
    CutAppositives(text, &keep);
  }
  // The kept runs, if anything was cut and enough is left.
  std::vector<Span> parts;
  std::string kept_text;
  for (size_t i = 0; i < n;) {
    if (!keep[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && keep[j]) ++j;
    parts.push_back({static_cast<uint32_t>(sentence.span.begin + i),
                     static_cast<uint32_t>(sentence.span.begin + j)});
    kept_text += text.substr(i, j - i);
    i = j;
  }
  if (kept_text.size() == n || CountWords(kept_text) < 6) return {};
  return parts;
}

}  // namespace dossier
