#include "analyze/quote_words.h"

#include <unicode/uchar.h>

#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

const std::array<std::string_view, QuoteWords::kKindCount> QuoteWords::kKindNames = {
    "not_a_name",
    "contraction",
    "hyphen_adjective",
    "adverb",
    "listener",
    "adverbial_start",
    "relative",
    "time",
    "time_lead",
    "weekday",
    "month",
    "month_abbreviation",
    "conjunction",
    "determiner",
    "preposition",
    "document",
    "naming_verb",
    "auxiliary",
    "finite_auxiliary",
    "perfect",
    "subject_pronoun",
    "clause_determiner",
    "pronoun_male",
    "pronoun_female",
    "pronoun_plural",
    "pronoun_neuter",
    "capital_pronoun",
    "article",
    "definite_article",
    "unnamed_lead",
    "title_minor",
    "name_suffix",
    "subject_lead",
    "and",
    "or",
    "of",
    "coordinator",
    "name_inner",
    "not_before_name",
    "that",
    "to",
    "condition",
    "question_word",
    "clause_stop",
    "relative_subject",
    "relative_opener",
    "relative_clause",
    "then",
    "quoted",
    "quoted_passive",
    "as",
    "irregular_participle",
    "irregular_past",
    "source_phrase",
    "source_preposition",
    "source_relative",
    "venue_preposition",
    "document_participle",
    "not_parenthetical",
    "inverted_auxiliary",
    "quote_source",
    "reported_mood",
    "legal_form",
    "possessive_male",
    "possessive_female",
    "possessive_plural",
    "that_lead",
    "body",
    "body_preposition",
    "dictionary_form",
    "stand_in_company",
    "stand_in_authority",
    "estimate_verb",
    "estimate_noun",
    "origin",
    "adverb_ending",
    "past_ending",
    "passive_ending",
    "ing_ending",
    "plural_ending",
    "singular_ending",
    "verb_ending",
    "inverted_pronoun",
    "case_ending",
};

Result<QuoteWords> QuoteWords::Create(std::string_view data_dir, std::string_view language) {
  const std::string file = std::string(language) + "/quote_words.txt";
  Result<WordKinds> words =
      WordKinds::Load(data_dir, file, kKindNames, /*keep_case=*/uint64_t{1} << kNameSuffix);
  if (!words.ok()) return words.status();
  QuoteWords q;
  q.words_ = std::move(*words);
  for (size_t k = kAdverbEnding; k < kKindCount; ++k) {
    for (std::string_view e : q.words_.Of(k)) {
      if (e.size() < 2 || e[0] != '-') {
        return Status(StatusCode::kInvalidArgument,
                      file + ": an ending starts with '-': '" + std::string(e) + "'");
      }
    }
  }
  for (std::string_view w : q.words_.Of(kNotAName)) {
    q.blocked_.insert(w);
    q.blocked_shapes_.Add(w);
  }
  // "'re" also as "’re".
  for (std::string_view c : q.words_.Of(kContraction)) {
    q.contractions_.emplace_back(c);
    if (const size_t apostrophe = c.find('\''); apostrophe != std::string_view::npos) {
      std::string curly(c);
      curly.replace(apostrophe, 1, "\xE2\x80\x99");
      q.contractions_.push_back(std::move(curly));
    }
  }
  for (const std::string& c : q.contractions_) {
    q.contraction_last_[static_cast<unsigned char>(c.back())] = true;
  }
  return q;
}

Result<QuoteGrammar> QuoteGrammar::Load(std::string_view data_dir, std::string_view language) {
  const std::string file = std::string(language) + "/quote_grammar.txt";
  Result<std::string> content = ReadDataFile(data_dir, file);
  if (!content.ok()) return content.status();
  QuoteGrammar g;
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    const std::vector<std::string_view> parts = SplitWhitespace(line);
    if (parts.size() == 3 && parts[0] == "mark") {
      g.marks.push_back(MarkPair{std::string(parts[1]), std::string(parts[2])});
    } else if (parts.size() == 2 && parts[0] == "dialogue_dash") {
      g.dialogue_dash = std::string(parts[1]);
    } else if (parts.size() == 1 && parts[0] == "clause_comma") {
      g.clause_comma = true;
    } else if (parts.size() == 1 && parts[0] == "lowercase_titles") {
      g.lowercase_titles = true;
    } else if (parts.size() == 1 && parts[0] == "name_particles") {
      g.name_particles = true;
    } else if (parts.size() == 1 && parts[0] == "source_verb_second") {
      g.source_verb_second = true;
    } else if (parts.size() == 1 && parts[0] == "role_before_given_name") {
      g.role_before_given_name = true;
    } else if (parts.size() == 1 && parts[0] == "title_after_verb") {
      g.title_after_verb = true;
    } else if (parts.size() == 1 && parts[0] == "compound_titles") {
      g.compound_titles = true;
    } else if (parts.size() == 1 && parts[0] == "place_after_subject") {
      g.place_after_subject = true;
    } else if (parts.size() == 1 && parts[0] == "name_after_description") {
      g.name_after_description = true;
    } else if (parts.size() == 1 && parts[0] == "pro_drop") {
      g.pro_drop = true;
    } else if (parts.size() == 1 && parts[0] == "title_first_roles") {
      g.title_first_roles = true;
    } else if (parts.size() == 1 && parts[0] == "verb_after_source") {
      g.verb_after_source = true;
    } else if (parts.size() == 1 && parts[0] == "as_clause") {
      g.as_clause = true;
    } else if (parts.size() == 1 && parts[0] == "source_before_quote") {
      g.source_before_quote = true;
    } else if (parts.size() == 1 && parts[0] == "body_speakers") {
      g.body_speakers = true;
    } else if (parts.size() == 1 && parts[0] == "estimate_clause") {
      g.estimate_clause = true;
    } else if (parts.size() == 1 && parts[0] == "body_article") {
      g.body_article = true;
    } else if (parts.size() == 1 && parts[0] == "pile_roles") {
      g.pile_roles = true;
    } else if (parts.size() == 1 && parts[0] == "acronym_after_body") {
      g.acronym_after_body = true;
    } else if (parts.size() == 1 && parts[0] == "stand_in_bodies") {
      g.stand_in_bodies = true;
    } else if (parts.size() == 3 && parts[0] == "dictionary_ending") {
      g.dictionary_endings.push_back({std::string(parts[1]), std::string(parts[2])});
    } else {
      return Status(StatusCode::kInvalidArgument, file + ":" + std::to_string(lines.number()) +
                                                      ": not a setting: '" + std::string(line) +
                                                      "'");
    }
  }
  return g;
}

bool QuoteWords::IsBlockedNameWord(std::string_view lower) const {
  // "We're", "I'm", "They've", "Can't": contractions.
  if (!lower.empty() && contraction_last_[static_cast<unsigned char>(lower.back())]) {
    for (const std::string& end : contractions_) {
      if (lower.ends_with(end)) return true;
    }
  }
  // "Invesco-owned", "Texas-based": adjectives, not names.
  if (const size_t hyphen = lower.rfind('-'); hyphen != std::string_view::npos) {
    if (Is(lower.substr(hyphen + 1), kHyphenAdjective)) return true;
  }
  return (blocked_shapes_.MayContain(lower) && blocked_.count(lower) > 0) || Is(lower, kWeekday);
}

namespace quote_words {

bool IsCapitalized(std::string_view w) {
  if (w.empty()) return false;
  if (static_cast<unsigned char>(w[0]) < 0x80) return IsAsciiUpper(w[0]);
  size_t pos = 0;
  return u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool IsLowercase(std::string_view w) {
  if (w.empty()) return false;
  if (static_cast<unsigned char>(w[0]) < 0x80) return IsAsciiLower(w[0]);
  size_t pos = 0;
  return u_islower(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

std::string LowerSameLength(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out[i] = AsciiToLower(s[i]);
      ++i;
      continue;
    }
    const size_t begin = i;
    const char32_t cp = DecodeUtf8(s, &i);
    const UChar32 lower = u_tolower(static_cast<UChar32>(cp));
    if (lower == static_cast<UChar32>(cp)) continue;
    std::string bytes;
    AppendUtf8(static_cast<char32_t>(lower), &bytes);
    if (bytes.size() == i - begin) out.replace(begin, bytes.size(), bytes);
  }
  return out;
}

bool IsPossessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") ||
         w.ends_with("s\xE2\x80\x99");
}

std::string WithoutPeriod(std::string_view w) {
  if (w.ends_with('.')) w.remove_suffix(1);
  return AsciiLower(w);
}

// "R-Texas", "D-Calif.": a party and a state after a lawmaker's name.
bool IsPartyTag(std::string_view w) {
  return w.size() >= 3 && IsAsciiUpper(w[0]) && w[1] == '-' && IsAsciiUpper(w[2]);
}

std::string WithoutPossessive(std::string_view w) {
  for (std::string_view end : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (w.size() > end.size() && w.ends_with(end))
      return std::string(w.substr(0, w.size() - end.size()));
  }
  return std::string(w);
}

}  // namespace quote_words
}  // namespace dossier
