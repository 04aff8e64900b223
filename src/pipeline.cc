// The only file that knows every stage.
#include "dossier/pipeline.h"

#include <algorithm>
#include <map>

#include "dossier/language.h"
#include "segment/clutter.h"
#include "segment/icu_sentences.h"
#include "segment/language.h"
#include "segment/metadata.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"
#include "segment/transcript.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

struct Pipeline::Impl {
  // By language: English's, and one for each language with its own clutter lists
  // (<code>/clutter_lines.txt, ..., captions.txt, bylines.txt), which also holds English's;
  // each holds its language's MetadataDetector.
  std::map<std::string, ClutterFilter, std::less<>> clutter;
  TranscriptParser transcript;
  SentenceSplitter splitter;
  Tokenizer tokenizer;
  LanguageTable languages;
  std::string forced_language;
  // The languages the rule-based splitter serves (those with <code>/abbreviations.txt);
  // the others are split by ICU.
  std::vector<std::string> rule_split;
  // ICU's sentence rules per language (<code>/sentences.txt: "ordinal_period | yes", "am 3.
  // März"; <code>/sentence_abbreviations.txt); a language not in the map gets the defaults.
  std::map<std::string, IcuSentenceRules, std::less<>> icu_rules;

  const IcuSentenceRules& IcuRulesFor(std::string_view code) const {
    static const IcuSentenceRules kDefaults;
    auto it = icu_rules.find(code);
    return it != icu_rules.end() ? it->second : kDefaults;
  }

  const ClutterFilter& ClutterFor(std::string_view code) const {
    auto it = clutter.find(code);
    return it != clutter.end() ? it->second : clutter.find("en")->second;
  }
  const MetadataDetector& MetadataFor(std::string_view code) const {
    return ClutterFor(code).metadata();
  }
};

struct Pipeline::Scratch::Impl {
  Tokenizer::Scratch tokenizer;
  IcuSentences icu_sentences;
};

Pipeline::Scratch::Scratch(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Scratch::Scratch(Scratch&&) noexcept = default;
Pipeline::Scratch& Pipeline::Scratch::operator=(Scratch&&) noexcept = default;
Pipeline::Scratch::~Scratch() = default;

Pipeline::Pipeline(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  Result<TranscriptParser> transcript = TranscriptParser::Create(options.data_dir);
  if (!transcript.ok()) return transcript.status();
  Result<SentenceSplitter> splitter = SentenceSplitter::Create(options.data_dir);
  if (!splitter.ok()) return splitter.status();
  Result<LanguageTable> languages = LanguageTable::Create(options.data_dir);
  if (!languages.ok()) return languages.status();
  std::vector<std::string> codes = languages->codes();
  if (!options.language.empty()) {
    const std::string forced = NormalizeLanguageTag(options.language);
    if (forced.empty()) {
      return Status(StatusCode::kInvalidArgument, "not a language code: '" + options.language +
                                                      "' (give an ISO 639-1 code: en, "
                                                      "de, fr, ...)");
    }
    // A language the table does not list still gets its stopwords and abbreviations, once.
    if (std::find(codes.begin(), codes.end(), forced) == codes.end()) codes.push_back(forced);
  }
  Result<Tokenizer> tokenizer = Tokenizer::Create(options.data_dir, codes);
  if (!tokenizer.ok()) return tokenizer.status();
  std::map<std::string, ClutterFilter, std::less<>> clutter;
  for (const std::string& code : codes) {
    if (code != "en" && !ClutterFilter::HasOwnLists(options.data_dir, code)) continue;
    Result<ClutterFilter> filter = ClutterFilter::Create(options.data_dir, code);
    if (!filter.ok()) return filter.status();
    clutter.emplace(code, std::move(*filter));
  }
  if (clutter.count("en") == 0) {
    Result<ClutterFilter> filter = ClutterFilter::Create(options.data_dir, "en");
    if (!filter.ok()) return filter.status();
    clutter.emplace("en", std::move(*filter));
  }
  std::vector<std::string> rule_split;
  for (const std::string& code : codes) {
    if (HasDataFile(options.data_dir, code + "/abbreviations.txt")) rule_split.push_back(code);
  }
  std::map<std::string, IcuSentenceRules, std::less<>> icu_rules;
  for (const std::string& code : codes) {
    const std::string list = code + "/sentence_abbreviations.txt";
    if (!HasDataFile(options.data_dir, list)) continue;
    Result<WordList> words = LoadWordList(options.data_dir, list, /*lowercase=*/true);
    if (!words.ok()) return words.status();
    std::string folded;  // entries case-folded beyond ASCII too ("Г" -> "г")
    for (const std::string& w : words->entries()) folded += FoldCase(w) + "\n";
    IcuSentenceRules& rules = icu_rules[code];
    rules.own_abbreviations = true;
    rules.abbreviations = WordList::Parse(folded, /*lowercase=*/true);
  }
  for (const std::string& code : codes) {
    const std::string name = code + "/sentences.txt";
    if (!HasDataFile(options.data_dir, name)) continue;
    Result<std::string> content = ReadDataFile(options.data_dir, name);
    if (!content.ok()) return content.status();
    DataLines lines(*content);
    for (std::string_view line; lines.Next(&line);) {
      const size_t bar = line.find('|');
      const std::string_view key = TrimWhitespace(line.substr(0, bar));
      const std::string_view value =
          bar == std::string_view::npos ? std::string_view() : TrimWhitespace(line.substr(bar + 1));
      if ((key != "ordinal_period" && key != "dialogue_dash") ||
          (value != "yes" && value != "no")) {
        return Status(
            StatusCode::kInvalidArgument,
            name + ":" + std::to_string(lines.number()) +
                ": expected 'ordinal_period | yes|no' or 'dialogue_dash | yes|no', got '" +
                std::string(line) + "'");
      }
      (key == "ordinal_period" ? icu_rules[code].ordinal_period : icu_rules[code].dialogue_dash) =
          value == "yes";
    }
  }
  auto impl = std::make_unique<Impl>(
      Impl{std::move(clutter), std::move(*transcript), std::move(*splitter), std::move(*tokenizer),
           std::move(*languages), NormalizeLanguageTag(options.language), std::move(rule_split),
           std::move(icu_rules)});
  return Pipeline(std::move(impl));
}

Pipeline::Scratch Pipeline::NewScratch() const {
  return Scratch(std::make_unique<Scratch::Impl>(Scratch::Impl{impl_->tokenizer.NewScratch(), {}}));
}

namespace {

// "(Laughter.)", "(Applause)", "(Inaudible.)": a short parenthesised note.
bool IsStageDirection(std::string_view s) {
  if (s.size() < 3 || s.front() != '(' || s.back() != ')') return false;
  if (s.find('(', 1) != std::string_view::npos) return false;
  return CountWords(s, 4) <= 4;
}

constexpr size_t kMaxFragmentWords = 12;

// A heading or header line: one short unpunctuated "sentence" making up the
// whole paragraph.
bool IsFragment(std::string_view s) {
  if (CountWords(s, kMaxFragmentWords) > kMaxFragmentWords) return false;
  while (!s.empty()) {
    char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99") ||
                                 s.ends_with("\xE3\x80\x8D") || s.ends_with("\xE3\x80\x8F"))) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  if (s.empty()) return true;
  char last = s.back();
  // "…", and the full stops, question and exclamation marks of CJK text: "。", "？", "！".
  return !(last == '.' || last == '?' || last == '!' || last == ':' || last == ';' ||
           s.ends_with("\xE2\x80\xA6") || s.ends_with("\xE3\x80\x82") ||
           s.ends_with("\xEF\xBC\x9F") || s.ends_with("\xEF\xBC\x81"));
}

}  // namespace

void Pipeline::Analyze(Document* doc, Scratch* scratch) const {
  LanguageChoice language =
      impl_->languages.Choose(doc->text, doc->declared_language, impl_->forced_language);
  doc->language = std::move(language.code);
  doc->language_origin = std::string(LanguageOriginName(language.origin));
  AnalyzeText(doc, scratch);
}

void Pipeline::AnalyzeIn(Document* doc, std::string_view language, Scratch* scratch) const {
  doc->language = std::string(language);
  doc->language_origin = std::string(LanguageOriginName(LanguageOrigin::kGiven));
  AnalyzeText(doc, scratch);
}

void Pipeline::AnalyzeText(Document* doc, Scratch* scratch) const {
  doc->clutter.clear();
  doc->paragraphs.clear();
  doc->turns.clear();
  doc->sentences.clear();
  doc->tokens.clear();
  const std::string_view text = doc->text;
  const bool rule_split = std::find(impl_->rule_split.begin(), impl_->rule_split.end(),
                                    doc->language) != impl_->rule_split.end();
  const IcuSentenceRules& icu_rules = impl_->IcuRulesFor(doc->language);

  impl_->ClutterFor(doc->language).Apply(text, &doc->paragraphs, &doc->clutter);
  doc->turns = impl_->transcript.Parse(text, doc->paragraphs);
  impl_->MetadataFor(doc->language).Detect(doc);

  // Text written all in lower case (some feeds, Multi-News+) needs caseless splitting.
  size_t upper = 0, letters = 0;
  for (char c : text) {
    upper += IsAsciiUpper(c);
    letters += IsAsciiAlpha(c);
  }
  const bool caseless = letters >= 200 && upper * 1000 < letters;
  doc->tokens.reserve(text.size() / 6);
  doc->sentences.reserve(text.size() / 120);
  std::vector<Span> spans;
  size_t turn = 0;
  for (size_t p = 0; p < doc->paragraphs.size(); ++p) {
    Span region = doc->paragraphs[p];
    // The turn this paragraph belongs to, and its label to skip.
    while (turn < doc->turns.size() && doc->turns[turn].span.end <= region.begin &&
           doc->turns[turn].label.end <= region.begin) {
      ++turn;
    }
    int32_t turn_index = -1;
    if (turn < doc->turns.size()) {
      const Turn& t = doc->turns[turn];
      if (t.label.begin >= region.begin && t.label.begin < region.end) {
        turn_index = static_cast<int32_t>(turn);
        region.begin = std::max(region.begin, t.label.end);
      } else if (t.span.begin <= region.begin && region.begin < t.span.end) {
        turn_index = static_cast<int32_t>(turn);
      }
    }
    while (region.begin < region.end && IsAsciiSpace(text[region.begin])) ++region.begin;
    // "(Via interpreter) Ladies and gentlemen...": the note is not speech.
    if (turn_index >= 0) {
      region.begin = static_cast<uint32_t>(impl_->transcript.SkipNote(text, region.begin));
      while (region.begin < region.end && IsAsciiSpace(text[region.begin])) ++region.begin;
    }
    if (region.empty()) continue;
    spans.clear();
    if (rule_split) {
      impl_->splitter.Split(text, region, &spans, caseless);
    } else {
      scratch->impl_->icu_sentences.Split(text, region, doc->language, &spans, icu_rules);
    }
    for (const Span& s : spans) {
      Sentence sentence;
      sentence.span = s;
      sentence.paragraph = static_cast<int32_t>(p);
      sentence.turn = turn_index;
      sentence.stage_direction = IsStageDirection(s.Slice(text));
      sentence.fragment =
          spans.size() == 1 && !sentence.stage_direction && IsFragment(s.Slice(text));
      sentence.token_begin = static_cast<uint32_t>(doc->tokens.size());
      impl_->tokenizer.Tokenize(text, s, &scratch->impl_->tokenizer, &doc->tokens, doc->language);
      sentence.token_end = static_cast<uint32_t>(doc->tokens.size());
      doc->sentences.push_back(sentence);
    }
  }
}

void Pipeline::Analyze(Cluster* cluster, Scratch* scratch) const {
  for (Document& doc : cluster->documents) Analyze(&doc, scratch);
}

}  // namespace dossier
