#include "analyze/sentence_voices.h"

#include <algorithm>
#include <array>

#include "util/strings.h"

namespace dossier {

Result<SentenceVoiceFinder> SentenceVoiceFinder::Create(std::string_view data_dir,
                                                        std::string_view language) {
  const std::string lang(language);
  Result<ProceduralMatcher> procedural = ProceduralMatcher::Create(data_dir, language);
  if (!procedural.ok()) return procedural.status();
  Result<WordList> joiners =
      LoadWordList(data_dir, lang + "/byline_joiners.txt", /*lowercase=*/true);
  if (!joiners.ok()) return joiners.status();
  Result<WordList> first_lines =
      LoadWordList(data_dir, lang + "/first_person_words.txt", /*lowercase=*/true);
  if (!first_lines.ok()) return first_lines.status();
  std::string first, inclusive;
  for (const std::string& line : first_lines->entries()) {
    const size_t bar = line.find('|');
    const std::string word(TrimWhitespace(std::string_view(line).substr(0, bar)));
    const bool is_inclusive = bar != std::string::npos &&
                              TrimWhitespace(std::string_view(line).substr(bar + 1)) == "inclusive";
    (is_inclusive ? inclusive : first) += word + "\n";
  }
  Result<WordList> verb_lines =
      LoadWordList(data_dir, lang + "/speech_verbs.txt", /*lowercase=*/true);
  if (!verb_lines.ok()) return verb_lines.status();
  std::string verbs;
  for (const std::string& line : verb_lines->entries()) {
    verbs += std::string(TrimWhitespace(std::string_view(line).substr(0, line.find('|')))) + "\n";
  }
  std::unordered_map<std::string, uint8_t> flags;
  const WordList first_words = WordList::Parse(first, true);
  const WordList inclusive_words = WordList::Parse(inclusive, true);
  const WordList verb_words = WordList::Parse(verbs, true);
  for (const std::string& w : first_words.entries()) flags[w] |= kFirstPerson;
  for (const std::string& w : inclusive_words.entries()) flags[w] |= kInclusive;
  for (const std::string& w : verb_words.entries()) flags[w] |= kVerb;
  Result<QuoteGrammar> grammar = QuoteGrammar::Load(data_dir, language);
  if (!grammar.ok()) return grammar.status();
  SentenceVoiceFinder finder(std::move(*procedural), flags);
  finder.byline_joiners_ = std::move(*joiners);
  finder.grammar_ = std::move(*grammar);
  return finder;
}

SentenceVoiceFinder::SentenceVoiceFinder(ProceduralMatcher procedural,
                                         const std::unordered_map<std::string, uint8_t>& flags)
    : procedural_(std::move(procedural)), ids_(flags.size()) {
  for (const auto& [word, f] : flags) {
    if (ids_.Intern(HashBytes(word)) != words_.size()) continue;  // a hash seen: keep the first
    words_.push_back(word);
    flags_.push_back(f);
    shapes_.Add(word);
  }
}

namespace {

uint32_t Overlap(Span a, Span b) {
  const uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

// Quoted regions of the text, paragraph by paragraph, by the language's
// marks (quote_grammar.txt): a mark of a pair that differ opens ("“", "„")
// or closes ("”"), a mark that does both (German "“") closes an open
// quotation; a mark that is its own pair's closer (") opens at the start of
// a word and closes elsewhere; a mark left open quotes to the paragraph's end.
std::vector<Span> QuotedRegions(const Document& doc, const QuoteGrammar& grammar) {
  std::array<bool, 256> first_byte{};
  for (const QuoteGrammar::MarkPair& m : grammar.marks) {
    first_byte[static_cast<unsigned char>(m.open[0])] = true;
    first_byte[static_cast<unsigned char>(m.close[0])] = true;
  }
  std::vector<Span> regions;
  const std::string& text = doc.text;
  for (const Span& p : doc.paragraphs) {
    uint32_t open = UINT32_MAX;
    for (uint32_t i = p.begin; i < p.end; ++i) {
      if (!first_byte[static_cast<unsigned char>(text[i])]) continue;
      bool left = false, right = false, straight = false;
      size_t size = 1;
      for (const QuoteGrammar::MarkPair& m : grammar.marks) {
        const bool is_open = text.compare(i, m.open.size(), m.open) == 0;
        const bool is_close = text.compare(i, m.close.size(), m.close) == 0;
        if (!is_open && !is_close) continue;
        size = is_open ? m.open.size() : m.close.size();
        if (m.open == m.close) {
          straight = true;
        } else {
          left = left || is_open;
          right = right || is_close;
        }
      }
      if (!left && !right && !straight) continue;
      if (left && right) left = open == UINT32_MAX;  // "“": closes what is open
      // A straight mark opens after a space or bracket; one with spaces on
      // both sides (", " said" in re-spaced text) closes an open quotation.
      const bool after_space =
          i == p.begin || IsAsciiSpace(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
      const bool before_space = i + 1 >= p.end || IsAsciiSpace(text[i + 1]);
      const bool opens =
          left || (straight && !right && after_space && (open == UINT32_MAX || !before_space));
      if (opens && open == UINT32_MAX) {
        open = i;
      } else if (!opens && open != UINT32_MAX) {
        regions.push_back({open, i});
        open = UINT32_MAX;
      }
      i += static_cast<uint32_t>(size) - 1;
    }
    if (open != UINT32_MAX) regions.push_back({open, p.end});
  }
  return regions;
}

// First name and surname of a byline ("Jane Roe, Staff Writer" -> "Jane
// Roe"; "Jane Roe and John Doe" -> "Jane Roe": `joiners` join authors).
std::string BylineName(std::string_view byline, const WordList& joiners) {
  byline = TrimWhitespace(byline);
  auto cut = [&](std::string_view at_text) {
    const size_t at = byline.find(at_text);
    if (at != std::string_view::npos) byline = byline.substr(0, at);
  };
  cut(",");
  for (const std::string& joiner : joiners.entries()) cut(" " + joiner + " ");
  for (std::string_view c : {" | ", " - ", "\n"}) cut(c);
  const std::vector<std::string_view> words = SplitWhitespace(byline);
  if (words.empty() || words.size() > 4) return "";
  for (std::string_view w : words) {
    if (!IsAsciiUpper(w.front())) return "";
  }
  return std::string(TrimWhitespace(byline));
}

}  // namespace

std::vector<SentenceVoice> SentenceVoiceFinder::Find(const Document& doc,
                                                     const std::vector<Quote>& quotes) const {
  std::vector<SentenceVoice> voices(doc.sentences.size());
  // Attributed quotations by the sentences they touch (quotes are in text order).
  std::vector<std::vector<const Quote*>> touching(doc.sentences.size());
  for (const Quote& q : quotes) {
    // A role the document names nobody by is no voice of its own.
    if (q.kind == Quote::Kind::kTurn || q.role_only) continue;
    for (uint32_t s = doc.SentenceAt(q.span.begin); s < doc.sentences.size(); ++s) {
      if (doc.sentences[s].span.begin >= q.span.end) break;
      if (Overlap(doc.sentences[s].span, q.span) > 0) touching[s].push_back(&q);
    }
  }
  // The name QuoteExtractor gave each turn, found once per document.
  std::vector<const std::string*> turn_speaker(doc.turns.size(), nullptr);
  for (const Quote& q : quotes) {  // turns are in text order
    if (q.kind != Quote::Kind::kTurn) continue;
    auto it = std::lower_bound(doc.turns.begin(), doc.turns.end(), q.span.begin,
                               [](const Turn& t, uint32_t at) { return t.span.begin < at; });
    if (it != doc.turns.end() && it->span.begin == q.span.begin) {
      turn_speaker[static_cast<size_t>(it - doc.turns.begin())] = &q.speaker;
    }
  }
  const std::vector<Span> regions = QuotedRegions(doc, grammar_);
  size_t next_region = 0;
  const std::string author = BylineName(doc.byline, byline_joiners_);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    SentenceVoice& v = voices[s];
    bool quotation = false;  // the sentence is mostly an attributed quotation
    if (sentence.turn >= 0) {
      const Turn& turn = doc.turns[static_cast<size_t>(sentence.turn)];
      if (!turn.is_question) {
        // The name QuoteExtractor gave the turn (the fullest form in the
        // document), else the label's.
        v.speaker = turn_speaker[static_cast<size_t>(sentence.turn)] != nullptr
                        ? *turn_speaker[static_cast<size_t>(sentence.turn)]
                        : turn.speaker;
        v.needs_speaker = true;
      }
    } else {
      // The speaker whose quotations cover the most of the sentence.
      const Quote* best = nullptr;
      uint32_t best_bytes = 0;
      for (const Quote* q : touching[s]) {
        uint32_t bytes = 0;
        for (const Quote* other : touching[s]) {
          if (other->speaker == q->speaker) bytes += Overlap(sentence.span, other->span);
        }
        if (bytes > best_bytes) best_bytes = bytes, best = q;
      }
      if (best != nullptr && 2 * best_bytes >= sentence.span.size()) {
        v.speaker = best->speaker;
        quotation = true;
      }
    }
    // First-person words outside quotations, and inside them.
    bool outside = false, inside = false, verb_outside = false;
    uint32_t quoted_bytes = 0;
    while (next_region < regions.size() && regions[next_region].end <= sentence.span.begin) {
      ++next_region;
    }
    auto in_quote = [&](Span span) {
      for (size_t k = next_region; k < regions.size() && regions[k].begin < sentence.span.end;
           ++k) {
        if (span.begin >= regions[k].begin && span.end <= regions[k].end) return true;
      }
      return false;
    };
    for (size_t k = next_region; k < regions.size() && regions[k].begin < sentence.span.end; ++k) {
      quoted_bytes += Overlap(regions[k], sentence.span);
    }
    for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      const uint8_t flags = FlagsOf(tok.lower);
      if (flags == 0) continue;
      const bool quoted = in_quote(tok.span);
      if (flags & kFirstPerson) (quoted ? inside : outside) = true;
      if (quoted && (flags & kInclusive)) inside = true;
      if (!quoted && (flags & kVerb)) verb_outside = true;
    }
    const bool mostly_quoted =
        quoted_bytes >= kMostlyQuoted * static_cast<double>(sentence.span.size());
    // A quotation names its speaker itself when the sentence has a verb of
    // saying outside the marks ("..., Hollande said"; "The group said ...").
    if (quotation) v.needs_speaker = !verb_outside;
    v.first_person = outside || (inside && mostly_quoted && !verb_outside);
    if (v.first_person && outside && v.speaker.empty()) {
      v.speaker = author.empty() ? std::string(kAuthor) : author;
      v.needs_speaker = true;
    }
    // Inside a transcript turn every first person is the speaker's.
    if (sentence.turn >= 0 && !v.speaker.empty()) v.first_person = false;
    v.procedural = procedural_.IsProcedural(doc, s);
    const bool role_turn =
        sentence.turn >= 0 && doc.turns[static_cast<size_t>(sentence.turn)].is_role;
    v.barred = v.procedural || role_turn || (v.first_person && v.speaker.empty());
  }
  return voices;
}

}  // namespace dossier
