#include "analyze/quotes.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

const char* QuoteKindName(Quote::Kind kind) {
  switch (kind) {
    case Quote::Kind::kDirect:
      return "direct";
    case Quote::Kind::kReported:
      return "reported";
    case Quote::Kind::kTurn:
      return "turn";
  }
  return "unknown";
}

namespace {

constexpr std::string_view kLeftQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";

enum class TokType { kWord, kComma, kStop, kOpen, kClose, kOther };

struct Tok {
  Span span;
  TokType type;
};

// Words that never start or belong to a speaker's name.
bool IsBlockedNameWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",      "an",        "and",    "after",    "all",       "as",       "at",     "before",
      "both",   "each",      "either", "every",    "neither",   "but",      "by",     "for",
      "from",   "he",        "her",    "here",     "his",       "how",      "i",      "if",
      "in",     "it",        "its",    "many",     "most",      "my",       "no",     "on",
      "or",     "our",       "she",    "so",       "some",      "that",     "the",    "their",
      "there",  "these",     "they",   "this",     "those",     "today",    "we",     "what",
      "when",   "where",     "while",  "who",      "why",       "with",     "yes",    "yesterday",
      "you",    "your",      "monday", "tuesday",  "wednesday", "thursday", "friday", "saturday",
      "sunday", "officials", "police", "analysts", "experts"};
  return IsOneOf(lower, kWords);
}

// Words between a speech verb and its subject: "X also said", "X has said".
bool IsAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"also",    "later",   "then",  "again", "once",
                                                "has",     "had",     "have",  "will",  "would",
                                                "further", "however", "still", "too"};
  if (w.size() > 3 && w.ends_with("ly") && IsAsciiLower(w[0])) return true;
  return IsOneOf(w, kWords);
}

// A listener after "told": "told reporters ...", "told us ...".
bool IsListener(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "us",          "me",        "him",       "her",        "them",    "reporters",
      "journalists", "lawmakers", "officials", "parliament", "congress"};
  return IsOneOf(lower, kWords);
}

// A word after a speech verb that starts an adverbial, not a reported
// clause: "said on Friday", "said in a statement".
bool IsAdverbialStart(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "on",      "in",       "at",      "during",  "after",  "before",  "yesterday", "today",
      "tonight", "last",     "earlier", "late",    "later",  "this",    "over",      "through",
      "from",    "by",       "to",      "for",     "with",   "also",    "again",     "when",
      "while",   "as",       "about",   "of",      "so",     "nothing", "little",    "much",
      "more",    "goodbye",  "hello",   "sorry",   "monday", "tuesday", "wednesday", "thursday",
      "friday",  "saturday", "sunday",  "tomorrow"};
  if (lower.size() > 4 && lower.ends_with("ly")) return true;  // "said repeatedly that"
  return IsOneOf(lower, kWords);
}

bool IsRelativeWord(std::string_view lower) {
  return lower == "who" || lower == "which" || lower == "whose" || lower == "where" ||
         lower == "that" || lower == "when" || lower == "whom";
}

bool IsCapitalized(std::string_view w) {
  if (w.empty()) return false;
  if (static_cast<unsigned char>(w[0]) < 0x80) return IsAsciiUpper(w[0]);
  size_t pos = 0;
  return u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool IsPossessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") ||
         w.ends_with("s\xE2\x80\x99");
}

// "RTSO", "NATO": an acronym names an organization, not a person.
bool IsAcronym(std::string_view w) {
  if (w.size() < 2) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiUpper(c) || c == '.'; });
}

std::string WithoutPeriod(std::string_view w) {
  if (w.ends_with('.')) w.remove_suffix(1);
  return AsciiLower(w);
}

Span TrimSpan(std::string_view text, Span s) {
  while (s.begin < s.end && IsAsciiSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsAsciiSpace(text[s.end - 1])) --s.end;
  return s;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view w : SplitWhitespace(s)) out.emplace_back(w);
  return out;
}

}  // namespace

Result<QuoteExtractor> QuoteExtractor::Create(std::string_view data_dir) {
  QuoteExtractor q;
  Result<WordList> verbs = LoadWordList(data_dir, "speech_verbs.txt", /*lowercase=*/true);
  if (!verbs.ok()) return verbs.status();
  Result<WordList> titles = LoadWordList(data_dir, "person_titles.txt", /*lowercase=*/true);
  if (!titles.ok()) return titles.status();
  Result<WordList> abbrev = LoadWordList(data_dir, "abbreviations.txt", /*lowercase=*/true);
  if (!abbrev.ok()) return abbrev.status();
  // Entries are "word" or "word | flag"; abbreviations are "word   kind".
  auto split = [](std::string_view entry, std::string* word, std::string* flag) {
    size_t bar = entry.find('|');
    if (bar == std::string_view::npos) bar = entry.find_first_of(" \t");
    *word = std::string(TrimWhitespace(entry.substr(0, bar)));
    *flag = bar == std::string_view::npos ? "" : std::string(TrimWhitespace(entry.substr(bar + 1)));
  };
  std::string word, flag;
  for (const std::string& e : verbs->entries()) {
    split(e, &word, &flag);
    if (flag != "" && flag != "that" && flag != "object") {
      return Status(StatusCode::kInvalidArgument, "speech_verbs.txt: unknown flag '" + flag + "'");
    }
    q.verbs_[word] = Verb{flag == "that", flag == "object"};
  }
  for (const std::string& e : titles->entries()) {
    split(e, &word, &flag);
    if (flag != "" && flag != "honorific") {
      return Status(StatusCode::kInvalidArgument, "person_titles.txt: unknown flag '" + flag + "'");
    }
    q.titles_[word] = Title{flag == "honorific"};
  }
  for (const std::string& e : abbrev->entries()) {
    split(e, &word, &flag);
    q.abbreviations_.insert(word);
  }
  Result<WordList> genders = LoadWordList(data_dir, "name_genders.txt", /*lowercase=*/true);
  if (!genders.ok()) return genders.status();
  for (const std::string& e : genders->entries()) {
    if (e.size() < 2 || e[1] != ':' || (e[0] != 'f' && e[0] != 'm')) {
      return Status(StatusCode::kInvalidArgument,
                    "name_genders.txt: a line must start with 'f:' or 'm:': '" + e + "'");
    }
    for (const std::string& name : SplitWords(std::string_view(e).substr(2))) {
      q.genders_[name] = e[0];
    }
  }
  return q;
}

// The working state of one Extract() call.
class QuoteExtractor::Run {
 public:
  Run(const QuoteExtractor& q, const Document& doc) : q_(q), doc_(doc), text_(doc.text) {}

  std::vector<Quote> Extract();

 private:
  // A speaker found in the text, before pronouns are resolved.
  struct Subject {
    enum class Kind { kNone, kName, kPronoun, kNominal };
    Kind kind = Kind::kNone;
    Span span;         // the name words, or the pronoun / nominal
    std::string name;  // name words joined by single spaces
    std::string role;
    std::string key;   // lower-case pronoun, or the title of "the minister"
    bool org = false;  // "the RTSO", "Calloway Strand Engineering"... when known
    std::string also;  // a second speaker: "Putin and Hollande said"
    bool ok() const { return kind != Kind::kNone; }
  };
  struct Found {
    Quote quote;
    Subject subject;
    int inherit_from = -1;  // index into found_ of the quote whose speaker this takes
  };
  // A person named in the text, for resolving pronouns.
  struct Mention {
    uint32_t offset;
    std::string name;
    std::string role;
    bool person;
    bool speaker = false;  // the subject of a speech verb
  };
  struct QuoteMarks {
    size_t open;   // token index of the opening mark
    size_t close;  // token index of the closing mark
  };

  std::string_view Word(size_t i) const { return toks_[i].span.Slice(text_); }
  std::string LowerWord(size_t i) const { return AsciiLower(Word(i)); }
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].type == TokType::kWord; }
  const Verb* VerbAt(size_t i) const {
    if (!IsWord(i)) return nullptr;
    auto it = q_.verbs_.find(LowerWord(i));
    return it == q_.verbs_.end() ? nullptr : &it->second;
  }
  const Title* TitleOf(std::string_view w) const {
    auto it = q_.titles_.find(WithoutPeriod(w));
    return it == q_.titles_.end() ? nullptr : &it->second;
  }

  void Tokenize(Span region);
  // toks_ = the tokens of paragraph p, tokenized once per Extract().
  void LoadParagraph(size_t p) {
    if (paragraph_toks_.size() != doc_.paragraphs.size()) {
      paragraph_toks_.assign(doc_.paragraphs.size(), {});
      paragraph_done_.assign(doc_.paragraphs.size(), false);
    }
    if (!paragraph_done_[p]) {
      Tokenize(doc_.paragraphs[p]);
      paragraph_toks_[p] = toks_;
      paragraph_done_[p] = true;
    } else {
      toks_ = paragraph_toks_[p];
    }
  }
  size_t FirstTokenAt(uint32_t offset) const;  // first token starting at or after offset

  Subject ParseName(size_t a, size_t b) const;
  Subject ParseSubject(size_t a, size_t b, bool described) const;
  std::string RoleFromApposition(size_t a, size_t b) const;
  Subject SubjectBefore(size_t a, size_t verb) const;
  Subject SubjectAfter(size_t verb, size_t limit, size_t* end) const;

  size_t AfterListener(size_t k, size_t last) const;
  size_t AfterTimeAdverbial(size_t k, size_t last) const;
  void DoParagraph(size_t p);
  void FindReported(uint32_t sentence, size_t first, size_t last, const std::vector<bool>& quoted,
                    const std::vector<bool>& used);
  void CollectTitledMentions();
  void CollectPersonMentions();
  std::string Canonical(const std::string& name) const;
  bool Resolve(size_t i, std::vector<bool>* done);

  const QuoteExtractor& q_;
  const Document& doc_;
  std::string_view text_;
  std::vector<Tok> toks_;  // of the current paragraph
  std::vector<std::vector<Tok>> paragraph_toks_;
  std::vector<bool> paragraph_done_;
  std::vector<Found> found_;
  std::vector<Mention> mentions_;
  std::vector<std::string> full_names_;
  mutable std::vector<std::vector<std::string>> full_words_;  // full_names_ split, for Canonical
  // The words of each mention's fullest name, computed once mentions_ is
  // complete, for resolving pronouns.
  std::vector<std::vector<std::string>> mention_words_;
  std::unordered_set<std::string> speakers_;  // names given as speakers in the text
  // Sentences [first, last) of each paragraph (sentences are in paragraph order).
  std::vector<std::pair<uint32_t, uint32_t>> paragraph_sentences_;
};

void QuoteExtractor::Run::Tokenize(Span region) {
  toks_.clear();
  // Every multi-byte mark below starts with 0xE2: test that byte first.
  auto starts = [&](size_t i, std::string_view s) {
    return text_[i] == s[0] && text_.substr(i, s.size()) == s;
  };
  auto is_break = [&](size_t i) {
    char c = text_[i];
    if (IsAsciiSpace(c) || c == '"' || c == ';' || c == '!' || c == '?' || c == '(' || c == ')' ||
        c == '[' || c == ']') {
      return true;
    }
    if (c == ',' || c == ':') {  // "48,000" and "4:30" stay whole
      return !(i > region.begin && i + 1 < region.end && IsAsciiDigit(text_[i - 1]) &&
               IsAsciiDigit(text_[i + 1]));
    }
    if (c == '-' && i + 1 < region.end && text_[i + 1] == '-') return true;
    if (c != '\xE2') return false;
    return starts(i, kLeftQuote) || starts(i, kRightQuote) || starts(i, kEnDash) ||
           starts(i, kEmDash);
  };
  bool in_straight = false;
  size_t i = region.begin;
  auto push = [&](size_t b, size_t e, TokType t) {
    toks_.push_back(Tok{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, t});
  };
  while (i < region.end) {
    char c = text_[i];
    if (IsAsciiSpace(c)) {
      ++i;
    } else if (c == '"') {
      push(i, i + 1, in_straight ? TokType::kClose : TokType::kOpen);
      in_straight = !in_straight;
      ++i;
    } else if (starts(i, kLeftQuote) || starts(i, kRightQuote)) {
      push(i, i + 3, starts(i, kLeftQuote) ? TokType::kOpen : TokType::kClose);
      i += 3;
    } else if (is_break(i)) {
      size_t n = starts(i, kEnDash) || starts(i, kEmDash) ? 3 : (c == '-' ? 2 : 1);
      TokType t = TokType::kOther;
      if (c == ',' || c == ':') t = TokType::kComma;
      if (c == ';' || c == '!' || c == '?') t = TokType::kStop;
      push(i, i + n, t);
      i += n;
    } else {
      size_t j = i;
      while (j < region.end && !is_break(j)) ++j;
      size_t periods = 0;
      while (periods < j - i && text_[j - 1 - periods] == '.') ++periods;
      std::string_view w = text_.substr(i, j - i - periods);
      if (periods == 0) {
        push(i, j, TokType::kWord);
      } else if (periods == 1 && !w.empty() &&
                 (q_.abbreviations_.count(AsciiLower(w)) || w.find('.') != std::string_view::npos ||
                  (w.size() == 1 && IsAsciiUpper(w[0])))) {
        push(i, j, TokType::kWord);  // "Dr.", "St.", "U.S.", "J."
      } else {
        if (!w.empty()) push(i, i + w.size(), TokType::kWord);
        push(j - periods, j, periods == 1 ? TokType::kStop : TokType::kOther);
      }
      i = j;
    }
  }
}

size_t QuoteExtractor::Run::FirstTokenAt(uint32_t offset) const {
  auto it = std::lower_bound(toks_.begin(), toks_.end(), offset,
                             [](const Tok& t, uint32_t o) { return t.span.begin < o; });
  return static_cast<size_t>(it - toks_.begin());
}

// Tokens [a, b), all words: "he", "the minister", "Mayor Elena Duarte",
// "Dr. Reyes", "the RTSO".
QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseName(size_t a, size_t b) const {
  Subject s;
  if (a >= b) return s;
  for (size_t k = a; k < b; ++k) {
    if (!IsWord(k)) return s;
  }
  if (b - a == 1) {
    std::string w = LowerWord(a);
    if (w == "he" || w == "she" || w == "they") {
      s.kind = Subject::Kind::kPronoun;
      s.key = w;
      s.span = toks_[a].span;
      return s;
    }
  }
  bool the = LowerWord(a) == "the";
  if (the) ++a;
  if (a >= b) return s;
  if (the && b - a == 1) {
    const Title* t = TitleOf(Word(a));
    if (t != nullptr && !t->honorific) {
      s.kind = Subject::Kind::kNominal;
      s.key = WithoutPeriod(Word(a));
      s.span = toks_[a].span;
      return s;
    }
  }
  int last_title = -1;
  for (size_t k = a; k < b; ++k) {
    std::string_view w = Word(k);
    if (!IsCapitalized(w) || IsPossessive(w) || IsBlockedNameWord(AsciiLower(w))) return s;
    if (TitleOf(w) != nullptr) last_title = static_cast<int>(k);
  }
  size_t name_begin = last_title < 0 ? a : static_cast<size_t>(last_title) + 1;
  if (name_begin >= b || b - name_begin > 4) return s;
  if (last_title >= 0 && !TitleOf(Word(static_cast<size_t>(last_title)))->honorific) {
    for (size_t k = a; k <= static_cast<size_t>(last_title); ++k) {
      const Title* t = TitleOf(Word(k));
      if (t != nullptr && t->honorific) continue;
      if (!s.role.empty()) s.role += ' ';
      s.role += Word(k);
    }
  }
  s.kind = Subject::Kind::kName;
  s.span = Span{toks_[name_begin].span.begin, toks_[b - 1].span.end};
  for (size_t k = name_begin; k < b; ++k) {
    if (!s.name.empty()) s.name += ' ';
    s.name += Word(k);
    s.org = s.org || IsAcronym(Word(k));
  }
  s.org = s.org || (the && last_title < 0);
  return s;
}

// A subject before a speech verb, tokens [a, b): a name (ParseName), also
// after "both", "either", "neither", "with" or "and" ("with Hollande
// saying"); two names joined by "and" ("Both Obama and Hollande": the first,
// with the second in `also`); or, when `described` (the words right before
// the verb), the name ending a description ("proxy advisory firm Glass
// Lewis", "Moscow correspondent John Sparks").
QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseSubject(size_t a, size_t b,
                                                               bool described) const {
  Subject s = ParseName(a, b);
  if (s.ok() || a >= b) return s;
  size_t f = a;
  static constexpr std::string_view kLeads[] = {"both", "either", "neither", "with", "and"};
  if (IsWord(f) && IsOneOf(LowerWord(f), kLeads)) {
    ++f;
    s = ParseName(f, b);
    if (s.kind == Subject::Kind::kName) return s;
  }
  for (size_t k = f + 1; k + 1 < b; ++k) {
    if (!IsWord(k) || LowerWord(k) != "and") continue;
    Subject first = ParseName(f, k);
    Subject second = ParseName(k + 1, b);
    if (first.kind == Subject::Kind::kName && second.kind == Subject::Kind::kName) {
      first.also = second.name;
      return first;
    }
    break;
  }
  if (!described) return {};
  size_t t = b;
  while (t > a && IsWord(t - 1) && IsCapitalized(Word(t - 1))) --t;
  if (t > a && t < b && IsWord(t - 1) && IsAsciiLower(Word(t - 1)[0])) {
    static constexpr std::string_view kLinks[] = {
        "in",    "at",      "on",      "from",    "by",      "with",    "to",     "for",   "of",
        "after", "and",     "or",      "as",      "than",    "about",   "before", "the",   "a",
        "an",    "his",     "her",     "their",   "its",     "our",     "my",     "this",  "that",
        "these", "those",   "toward",  "towards", "against", "over",    "under",  "into",  "onto",
        "via",   "without", "between", "among",   "since",   "until",   "during", "while", "when",
        "where", "who",     "which",   "but",     "because", "although"};
    const std::string link = LowerWord(t - 1);
    if (!IsOneOf(link, kLinks)) {
      return ParseName(t, b);
    }
  }
  return {};
}

// ", a spokesperson for the company," -> "spokesperson for the company";
// empty for an age ("34") or a relative clause ("which maintains the bridge").
std::string QuoteExtractor::Run::RoleFromApposition(size_t a, size_t b) const {
  if (a < b && IsWord(a)) {
    std::string w = LowerWord(a);
    if (w == "a" || w == "an" || w == "the") ++a;
  }
  if (a >= b || !IsWord(a) || IsAsciiDigit(Word(a)[0]) || IsRelativeWord(LowerWord(a))) return {};
  if (b == a + 1 && IsAdverb(LowerWord(a))) return {};  // ", however,"
  size_t e = a;
  while (e < b && IsWord(e) && !IsRelativeWord(LowerWord(e))) ++e;
  if (e == a) return {};
  return std::string(Span{toks_[a].span.begin, toks_[e - 1].span.end}.Slice(text_));
}

// The speaker named before the verb at token `verb`, looking no further back
// than token `a`: "Daniel Okafor, president of the union, said",
// "At a press conference on Friday, Duarte said", "She announced ... and said".
QuoteExtractor::Run::Subject QuoteExtractor::Run::SubjectBefore(size_t a, size_t verb) const {
  size_t end = verb;
  while (end > a && IsWord(end - 1) && IsAdverb(LowerWord(end - 1))) --end;
  for (size_t k = end; k > a; --k) {
    TokType t = toks_[k - 1].type;
    if (t != TokType::kWord && t != TokType::kComma) {
      a = k;
      break;
    }
  }
  // Comma-separated chunks of [a, end).
  std::vector<std::pair<size_t, size_t>> chunks;
  size_t start = a;
  for (size_t k = a; k <= end; ++k) {
    if (k == end || toks_[k].type == TokType::kComma) {
      if (k > start) chunks.emplace_back(start, k);
      start = k + 1;
    }
  }
  for (size_t c = chunks.size(); c > 0; --c) {
    Subject s = ParseSubject(chunks[c - 1].first, chunks[c - 1].second, c == chunks.size());
    if (s.ok()) {
      for (size_t r = c; r < chunks.size() && s.kind == Subject::Kind::kName; ++r) {
        std::string role = RoleFromApposition(chunks[r].first, chunks[r].second);
        if (!role.empty()) {
          s.role = role;
          break;
        }
      }
      return s;
    }
    std::string_view first = Word(chunks[c - 1].first);
    if (!(IsAsciiLower(first[0]) || IsAsciiDigit(first[0]))) break;
  }
  // "She announced an emergency fund ... and said": the sentence's subject.
  if (end > a && IsWord(end - 1) && LowerWord(end - 1) == "and") {
    size_t k = a;
    while (k < end && IsWord(k) && IsCapitalized(Word(k))) ++k;
    if (k > a && k < end && IsWord(k) && IsAsciiLower(Word(k)[0])) {
      Subject s = ParseName(a, k);
      if (s.ok()) return s;
    }
  }
  return {};
}

// The speaker named after the verb at token `verb`: "said Mayor Elena Duarte",
// "said Priya Nandakumar, a spokesperson for the company". *end is set to the
// token after the attribution.
QuoteExtractor::Run::Subject QuoteExtractor::Run::SubjectAfter(size_t verb, size_t limit,
                                                               size_t* end) const {
  size_t k = verb + 1;
  while (k < limit && IsWord(k)) ++k;
  Subject s = ParseName(verb + 1, k);
  if (!s.ok() || s.kind == Subject::Kind::kNominal) return {};
  // Appositions: ", 34, a nurse who ...".
  while (k < limit && toks_[k].type == TokType::kComma) {
    size_t e = k + 1;
    while (e < limit && IsWord(e)) ++e;
    if (e == k + 1) break;
    if (s.kind == Subject::Kind::kName && s.role.empty()) {
      s.role = RoleFromApposition(k + 1, e);
    } else if (s.kind == Subject::Kind::kName) {
      std::string role = RoleFromApposition(k + 1, e);
      if (!role.empty()) s.role = role;
    }
    k = e;
  }
  *end = k;
  return s;
}

void QuoteExtractor::Run::DoParagraph(size_t p) {
  // Quotes inside transcript turns are the turn's own speech.
  const auto [sentence_first, sentence_last] = paragraph_sentences_[p];
  for (uint32_t si = sentence_first; si < sentence_last; ++si) {
    if (doc_.sentences[si].turn >= 0) return;
  }
  LoadParagraph(p);
  std::vector<QuoteMarks> marks;
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (toks_[i].type != TokType::kOpen) continue;
    for (size_t j = i + 1; j < toks_.size(); ++j) {
      if (toks_[j].type == TokType::kOpen) break;
      if (toks_[j].type == TokType::kClose) {
        marks.push_back({i, j});
        i = j;
        break;
      }
    }
  }
  std::vector<bool> quoted(toks_.size(), false), used(toks_.size(), false);
  for (const QuoteMarks& m : marks) {
    for (size_t k = m.open; k <= m.close; ++k) quoted[k] = true;
  }

  const size_t paragraph_first = found_.size();
  int previous = -1;        // the last direct quote of this paragraph, in found_
  size_t previous_end = 0;  // the token after its trailing attribution, if it had one
  for (const QuoteMarks& m : marks) {
    Span inner = TrimSpan(text_, Span{toks_[m.open].span.end, toks_[m.close].span.begin});
    while (inner.end > inner.begin &&
           (text_[inner.end - 1] == ',' || IsAsciiSpace(text_[inner.end - 1]))) {
      --inner.end;
    }
    if (inner.empty()) continue;
    Found f;
    f.quote.span = inner;
    f.quote.kind = Quote::Kind::kDirect;
    f.quote.sentence = doc_.SentenceAt(inner.begin);
    const Span close_sentence = doc_.sentences[doc_.SentenceAt(toks_[m.close].span.begin)].span;
    const Span open_sentence = doc_.sentences[doc_.SentenceAt(toks_[m.open].span.begin)].span;

    // After: "...," said X.  /  "...," X said.  A quote closed by a period
    // ends its sentence: what follows is not its attribution.
    const bool closed_by_period = text_[inner.end - 1] == '.';
    size_t limit = closed_by_period ? m.close : m.close + 1;
    while (limit < toks_.size() && toks_[limit].span.begin < close_sentence.end &&
           (toks_[limit].type == TokType::kWord || toks_[limit].type == TokType::kComma)) {
      ++limit;
    }
    size_t k = m.close + 1;
    while (k < limit && toks_[k].type == TokType::kComma) ++k;
    size_t attribution_end = 0;
    for (size_t v = k; v < limit && v < k + 12; ++v) {
      if (VerbAt(v) == nullptr) continue;
      Subject s;
      if (v == k) {
        s = SubjectAfter(v, limit, &attribution_end);
      } else {
        s = SubjectBefore(k, v);
        attribution_end = v + 1;
        // "he told reporters": the listener belongs to the attribution.
        while (attribution_end < limit && IsWord(attribution_end)) ++attribution_end;
      }
      // '"safe exit", she replied: "..."': an attribution ending in a colon
      // introduces the next quote.
      // So does one right before an opening mark: '"A," and Putin stressing
      // that "B"'.
      const bool colon =
          attribution_end > k && attribution_end < toks_.size() &&
          (toks_[attribution_end].span.Slice(text_) == ":" ||
           (toks_[attribution_end].type == TokType::kOpen &&
            (attribution_end == v + 1 ||
             (IsWord(attribution_end - 1) && LowerWord(attribution_end - 1) == "that"))));
      if (s.ok() && !colon) {
        f.subject = s;
        used[v] = true;
      }
      break;
    }
    // Before: X said, "..."  /  X told reporters "..."  A name there beats
    // a pronoun after the quote: 'X said: "...", he told a news conference.'
    if (f.subject.kind != Subject::Kind::kName) {
      size_t first = FirstTokenAt(open_sentence.begin);
      size_t o = m.open;
      while (o > first && toks_[o - 1].type == TokType::kComma) --o;
      // Between the verb and the quote only a listener or "that" may stand:
      // "X told reporters "..."", "X said that "..."".
      for (size_t v = o; v > first && v + 4 > o; --v) {
        if (!IsWord(v - 1)) break;
        if (VerbAt(v - 1) == nullptr) {
          std::string w = LowerWord(v - 1);
          if (w == "that" || IsListener(w)) continue;
          break;
        }
        Subject s = SubjectBefore(first, v - 1);
        if (s.ok() && (!f.subject.ok() || s.kind == Subject::Kind::kName)) {
          f.subject = s;
          used[v - 1] = true;
        }
        break;
      }
    }
    if (!f.subject.ok() && previous >= 0) {
      // "A," said X, "B."  -- B continues A.
      size_t j = previous_end;
      while (j < m.open && toks_[j].type == TokType::kComma) ++j;
      bool continues = previous_end > 0 && j == m.open;
      // "A," X said. "B."  -- a whole quoted sentence.
      bool whole_sentence =
          toks_[m.open].span.begin == open_sentence.begin && IsCapitalized(inner.Slice(text_));
      if (continues || whole_sentence) f.inherit_from = previous;
    }
    if (f.subject.ok() || f.inherit_from >= 0) {
      found_.push_back(std::move(f));
      previous = static_cast<int>(found_.size() - 1);
      previous_end = attribution_end;
    }
  }

  // Reported speech, sentence by sentence.
  for (uint32_t si = sentence_first; si < sentence_last; ++si) {
    const Sentence& s = doc_.sentences[si];
    size_t first = FirstTokenAt(s.span.begin);
    size_t last = FirstTokenAt(s.span.end);
    FindReported(si, first, last, quoted, used);
  }
  std::sort(found_.begin() + static_cast<ptrdiff_t>(paragraph_first), found_.end(),
            [](const Found& x, const Found& y) { return x.quote.span.begin < y.quote.span.begin; });
}

// The token after the listener of "told" starting at token k: "told
// reporters", "told the Commons", "told CNN", "told The Associated Press";
// k when there is none.
size_t QuoteExtractor::Run::AfterListener(size_t k, size_t last) const {
  if (k >= last || !IsWord(k)) return k;
  if (IsListener(LowerWord(k))) return k + 1;
  size_t e = k;
  const std::string first = LowerWord(e);
  const bool determiner = first == "the" || first == "a" || first == "an";
  if (determiner) ++e;
  const size_t name = e;
  while (e < last && IsWord(e) && IsCapitalized(Word(e)) && LowerWord(e) != "i") ++e;
  if (e > name) {
    // "told the Valley Gazette.": no clause; "told CNN it was": the clause
    // starts in lower case.
    if (e >= last || !IsWord(e)) return e;
    return IsCapitalized(Word(e)) ? k : e;
  }
  // "told a news conference.": a listener up to the sentence's end.
  if (determiner) {
    while (e < last && e < name + 3 && IsWord(e)) ++e;
    if (e >= last || !IsWord(e)) return e;
  }
  return k;
}

// The token after a time adverbial starting at token k: "Tuesday", "on
// Friday", "last week", "this morning", "yesterday"; k when there is none.
size_t QuoteExtractor::Run::AfterTimeAdverbial(size_t k, size_t last) const {
  static constexpr std::string_view kTimes[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday",    "saturday", "sunday",
      "today",  "tonight", "yesterday", "morning",  "afternoon", "evening",  "night",
      "week",   "weekend", "month",     "year",     "earlier",   "later",    "recently"};
  static constexpr std::string_view kLeads[] = {"on", "at", "in", "last", "this", "late", "early"};
  auto is_time = [&](size_t i) { return IsWord(i) && IsOneOf(LowerWord(i), kTimes); };
  if (k < last && is_time(k)) return k + 1;
  if (k + 1 < last && IsWord(k) && IsOneOf(LowerWord(k), kLeads) && is_time(k + 1)) {
    return k + 2;
  }
  return k;
}

void QuoteExtractor::Run::FindReported(uint32_t sentence, size_t first, size_t last,
                                       const std::vector<bool>& quoted,
                                       const std::vector<bool>& used) {
  const Span sspan = TrimSpan(text_, doc_.sentences[sentence].span);
  for (size_t v = first; v < last; ++v) {
    // A verb that attributed a quote may also introduce a clause:
    // '... a "scourge", Obama said the US stood with France.'
    (void)used;
    if (quoted[v] || !IsWord(v)) continue;
    std::string w = LowerWord(v);
    // "..., according to X."  /  "According to X, ..."
    if (w == "according" && v + 1 < last && LowerWord(v + 1) == "to") {
      size_t e = v + 2;
      while (e < last && IsWord(e)) ++e;
      Subject subject = ParseName(v + 2, e);
      if (subject.kind != Subject::Kind::kName) continue;
      Found f;
      f.subject = subject;
      f.quote.kind = Quote::Kind::kReported;
      f.quote.sentence = sentence;
      if (v == first) {
        while (e < last && toks_[e].type != TokType::kComma) ++e;
        if (e + 1 >= last) continue;
        f.quote.span = Span{toks_[e + 1].span.begin, sspan.end};
      } else {
        size_t b = v;
        while (b > first && toks_[b - 1].type == TokType::kComma) --b;
        if (b == first) continue;
        f.quote.span = Span{sspan.begin, toks_[b - 1].span.end};
      }
      found_.push_back(std::move(f));
      return;
    }
    const Verb* verb = VerbAt(v);
    if (verb == nullptr || v + 1 >= last) continue;
    // "To this point, Obama said, Russia is an outlier": a parenthetical
    // attribution; the clause is the rest of the sentence.
    if (!verb->needs_that && text_.substr(toks_[v + 1].span.begin, 1) == "," && v + 2 < last &&
        IsWord(v + 2) && !IsAdverbialStart(LowerWord(v + 2)) && !IsRelativeWord(LowerWord(v + 2)) &&
        !LowerWord(v + 2).ends_with("ing")) {
      Subject subject = SubjectBefore(first, v);
      size_t b = v;
      while (b > first && IsWord(b - 1)) --b;
      if (subject.kind == Subject::Kind::kName && b > first &&
          toks_[b - 1].type == TokType::kComma) {
        Found f;
        f.subject = subject;
        f.quote.kind = Quote::Kind::kReported;
        f.quote.sentence = sentence;
        f.quote.span = Span{toks_[v + 2].span.begin, sspan.end};
        found_.push_back(std::move(f));
        return;
      }
    }
    if (!IsWord(v + 1)) continue;
    // The clause: after a time adverbial ("said Tuesday", "said on Friday")
    // and a "that" after it; else after "that" within a few words, or
    // straight after the verb and its listener.
    size_t clause = 0;
    const size_t after_time = AfterTimeAdverbial(v + 1, last);
    if (after_time > v + 1 && after_time < last && IsWord(after_time)) {
      clause = LowerWord(after_time) == "that" ? after_time + 1 : after_time;
      if (LowerWord(after_time) != "that" && verb->needs_that) continue;
    }
    for (size_t j = v + 1; clause == 0 && j < last && j < v + 9 && IsWord(j); ++j) {
      if (LowerWord(j) != "that") continue;
      if (j == v + 1 || verb->takes_object || IsAdverbialStart(LowerWord(v + 1))) clause = j + 1;
      break;
    }
    if (clause == 0) {
      if (verb->needs_that) continue;
      clause = v + 1;
      if (verb->takes_object) clause = AfterListener(clause, last);
      if (clause >= last || !IsWord(clause) || IsAdverbialStart(LowerWord(clause))) continue;
      // "said Mayor Duarte." with no quote: an attribution, not a clause.
      if (IsCapitalized(Word(clause)) && LowerWord(clause) != "i") {
        size_t e = clause;
        while (e < last && IsWord(e) && IsCapitalized(Word(e))) ++e;
        if (e >= last || !IsWord(e)) continue;
      }
    }
    if (clause >= last || !IsWord(clause)) continue;
    Subject subject = SubjectBefore(first, v);
    if (!subject.ok()) continue;
    Found f;
    f.subject = subject;
    f.quote.kind = Quote::Kind::kReported;
    f.quote.sentence = sentence;
    f.quote.span = Span{toks_[clause].span.begin, sspan.end};
    found_.push_back(std::move(f));
    return;
  }
}

// Names after a title anywhere in the text ("Mayor Elena Duarte posted..."):
// people that pronouns can refer to.
void QuoteExtractor::Run::CollectTitledMentions() {
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    LoadParagraph(p);
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (!IsWord(i) || !IsCapitalized(Word(i)) || TitleOf(Word(i)) == nullptr) continue;
      size_t a = i;
      while (a > 0 && IsWord(a - 1) && IsCapitalized(Word(a - 1)) &&
             !IsBlockedNameWord(LowerWord(a - 1))) {
        --a;
      }
      size_t b = i + 1;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      while (b > i + 1) {
        Subject s = ParseName(a, b);
        if (s.kind == Subject::Kind::kName) {
          mentions_.push_back({s.span.begin, s.name, s.role, !s.org});
          full_names_.push_back(s.name);
          break;
        }
        --b;
      }
      i = b > i ? b - 1 : i;
    }
    // Any run of capitalized words is a candidate full name ("Daniel Okafor
    // leads the union"), for Canonical().
    for (size_t i = 0; i < toks_.size(); ++i) {
      size_t b = i;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      if (b == i) continue;
      size_t a = i;
      while (a < b && IsBlockedNameWord(LowerWord(a))) ++a;
      // "President of France Francois Hollande": a run after "of" starts
      // with what the title is of, not with a name.
      const bool after_of = i > 0 && IsWord(i - 1) && LowerWord(i - 1) == "of";
      if (b - a >= 2 && !after_of) {
        Subject s = ParseName(a, b);
        if (s.kind == Subject::Kind::kName && s.name.find(' ') != std::string::npos) {
          full_names_.push_back(s.name);
        }
      }
      i = b;
    }
  }
}

// Every other place a known person is named, titled or not ("Obama and
// Hollande joined ..."), so that pronouns can refer to it.
void QuoteExtractor::Run::CollectPersonMentions() {
  std::unordered_set<std::string> surnames;
  for (const Mention& m : mentions_) {
    if (!m.person) continue;
    std::vector<std::string> words = SplitWords(m.name);
    if (!words.empty()) surnames.insert(words.back());
  }
  if (surnames.empty()) return;
  std::unordered_set<uint32_t> known;
  for (const Mention& m : mentions_) known.insert(m.offset);
  std::vector<Mention> more;
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    LoadParagraph(p);
    for (size_t i = 0; i < toks_.size(); ++i) {
      size_t b = i;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      if (b == i) continue;
      size_t a = i;
      while (a < b && (IsBlockedNameWord(LowerWord(a)) || TitleOf(Word(a)) != nullptr)) ++a;
      if (a < b && b - a <= 4 && surnames.count(std::string(Word(b - 1))) &&
          !known.count(toks_[a].span.begin)) {
        Subject s = ParseName(a, b);
        if (s.kind == Subject::Kind::kName) more.push_back({s.span.begin, s.name, s.role, true});
      }
      i = b;
    }
  }
  mentions_.insert(mentions_.end(), more.begin(), more.end());
}

// The fullest name in the document that ends with the words of `name`.
// When several differ ("Mollie Olgin", "Mario Olgin"), the one that speaks
// somewhere in the document; `name` itself when that does not decide.
std::string QuoteExtractor::Run::Canonical(const std::string& name) const {
  std::vector<std::string> words = SplitWords(name);
  // full_names_ only grows: split the names added since the last call.
  for (size_t k = full_words_.size(); k < full_names_.size(); ++k) {
    full_words_.push_back(SplitWords(full_names_[k]));
  }
  std::vector<const std::string*> best;
  size_t best_size = words.size();
  for (size_t k = 0; k < full_names_.size(); ++k) {
    const std::string& full = full_names_[k];
    const std::vector<std::string>& fw = full_words_[k];
    if (fw.size() < best_size || fw.size() == words.size()) continue;
    if (!std::equal(words.rbegin(), words.rend(), fw.rbegin())) continue;
    if (fw.size() > best_size) best.clear(), best_size = fw.size();
    if (std::none_of(best.begin(), best.end(), [&](const std::string* b) { return *b == full; })) {
      best.push_back(&full);
    }
  }
  if (best.empty()) return name;
  if (best.size() == 1) return *best[0];
  const std::string* speaking = nullptr;
  for (const std::string* b : best) {
    if (!speakers_.count(*b)) continue;
    if (speaking != nullptr) return name;
    speaking = b;
  }
  return speaking != nullptr ? *speaking : name;
}

// Resolves the speaker of found_[i]; false when it cannot be resolved.
bool QuoteExtractor::Run::Resolve(size_t i, std::vector<bool>* done) {
  Found& f = found_[i];
  if ((*done)[i]) return !f.quote.speaker.empty();
  (*done)[i] = true;
  if (f.inherit_from >= 0) {
    if (!Resolve(static_cast<size_t>(f.inherit_from), done)) return false;
    const Found& from = found_[static_cast<size_t>(f.inherit_from)];
    f.quote.speaker = from.quote.speaker;
    f.quote.role = from.quote.role;
    return true;
  }
  const Subject& s = f.subject;
  if (s.kind == Subject::Kind::kName) {
    f.quote.speaker = Canonical(s.name);
    f.quote.speaker_span = s.span;
    f.quote.role = s.role;
    return true;
  }
  // A pronoun or "the minister": a person named before it, outside the
  // quote itself (a speaker does not name himself: '"With President Obama,
  // we ...," he said'). The nearest sentence naming one wins; in it, the
  // one who speaks there, else the first name, which is most often the
  // subject ("Obama and Hollande met Ban Ki-moon.").
  const Mention* best = nullptr;
  uint32_t best_sentence = 0;
  const bool direct = f.quote.kind == Quote::Kind::kDirect;
  const std::string_view quoted = f.quote.span.Slice(text_);
  for (const Mention& m : mentions_) {
    if (m.offset >= s.span.begin) continue;
    if (direct && m.offset >= f.quote.span.begin && m.offset < f.quote.span.end) continue;
    const std::vector<std::string>& words =
        mention_words_[static_cast<size_t>(&m - mentions_.data())];
    if (words.empty()) continue;
    if (direct && std::any_of(words.begin(), words.end(), [&](const std::string& w) {
          return w.size() > 2 && quoted.find(w) != std::string_view::npos;
        })) {
      continue;
    }
    if (s.kind == Subject::Kind::kPronoun && s.key != "they") {
      auto g = q_.genders_.find(AsciiLower(words.front()));
      if (g != q_.genders_.end() && g->second != (s.key == "she" ? 'f' : 'm')) continue;
    }
    const uint32_t sentence = doc_.SentenceAt(m.offset);
    if (best != nullptr && sentence < best_sentence) continue;
    if (best != nullptr && sentence == best_sentence &&
        (best->speaker > m.speaker || (best->speaker == m.speaker && m.offset > best->offset))) {
      continue;
    }
    if (s.kind == Subject::Kind::kPronoun && s.key != "they" && !m.person) continue;
    if (s.kind == Subject::Kind::kNominal) {
      std::string role = AsciiLower(m.role);
      if (!(role == s.key || role.ends_with(" " + s.key))) continue;
    }
    best = &m;
    best_sentence = sentence;
  }
  if (best == nullptr) return false;
  f.quote.speaker = Canonical(best->name);
  return true;
}

std::vector<Quote> QuoteExtractor::Run::Extract() {
  if (doc_.sentences.empty()) return {};
  paragraph_sentences_.assign(doc_.paragraphs.size(), {0, 0});
  for (uint32_t si = static_cast<uint32_t>(doc_.sentences.size()); si > 0; --si) {
    const int32_t p = doc_.sentences[si - 1].paragraph;
    if (p < 0 || static_cast<size_t>(p) >= paragraph_sentences_.size()) continue;
    auto& range = paragraph_sentences_[static_cast<size_t>(p)];
    if (range.second == 0) range.second = si;
    range.first = si - 1;
  }
  CollectTitledMentions();
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) DoParagraph(p);
  for (const Found& f : found_) {
    if (f.subject.kind != Subject::Kind::kName) continue;
    mentions_.push_back(
        {f.subject.span.begin, f.subject.name, f.subject.role, !f.subject.org, true});
    full_names_.push_back(f.subject.name);
    speakers_.insert(f.subject.name);
  }
  CollectPersonMentions();
  mention_words_.clear();
  for (const Mention& m : mentions_) mention_words_.push_back(SplitWords(Canonical(m.name)));
  std::vector<bool> done(found_.size(), false);
  std::vector<Quote> out;
  for (size_t i = 0; i < found_.size(); ++i) {
    if (!Resolve(i, &done)) continue;
    out.push_back(found_[i].quote);
    if (!found_[i].subject.also.empty()) {  // "Putin and Hollande said ..."
      Quote q = found_[i].quote;
      q.speaker = Canonical(found_[i].subject.also);
      q.role.clear();
      out.push_back(std::move(q));
    }
  }
  for (size_t t = 0; t < doc_.turns.size(); ++t) {
    const Turn& turn = doc_.turns[t];
    if (turn.is_question) continue;
    Quote q;
    q.kind = Quote::Kind::kTurn;
    q.span = turn.span;
    q.speaker = Canonical(turn.speaker);
    q.role = turn.role;
    bool has_sentence = false;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      if (doc_.sentences[si].turn == static_cast<int32_t>(t)) {
        q.sentence = si;
        q.span.begin = doc_.sentences[si].span.begin;  // after "(Via interpreter)"
        has_sentence = true;
        break;
      }
    }
    if (has_sentence) out.push_back(std::move(q));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& x, const Quote& y) { return x.span.begin < y.span.begin; });
  return out;
}

std::vector<Quote> QuoteExtractor::Extract(const Document& doc) const {
  Run run(*this, doc);
  return run.Extract();
}

}  // namespace dossier
