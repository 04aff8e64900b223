#include "util/number_words.h"

#include <cmath>
#include <cstdlib>

#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

Result<NumberWords> NumberWords::Load(std::string_view data_dir, std::string_view language) {
  const std::string name = std::string(language) + "/number_words.txt";
  Result<WordList> list = LoadWordList(data_dir, name, /*lowercase=*/true);
  if (!list.ok()) return list.status();
  NumberWords numbers;
  for (const std::string& entry : list->entries()) {
    const size_t bar = entry.find('|');
    const std::string word(TrimWhitespace(std::string_view(entry).substr(0, bar)));
    const std::string value =
        bar == std::string::npos ? "" : std::string(TrimWhitespace(entry.substr(bar + 1)));
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (word.empty() || value.empty() || *end != '\0' || !std::isfinite(v)) {
      return Status(StatusCode::kInvalidArgument,
                    name + ": expected 'WORD | VALUE', got '" + entry + "'");
    }
    numbers.words_.push_back({word, v});
    numbers.shapes_.Add(word);
  }
  return numbers;
}

int CardinalValue(std::string_view lower) {
  static const NumberWords kBuiltIn = [] {
    Result<NumberWords> numbers = NumberWords::Load("", "en");
    return numbers.ok() ? std::move(*numbers) : NumberWords();
  }();
  const NumberWord* n = kBuiltIn.Find(lower);
  return n != nullptr ? static_cast<int>(n->value) : -1;
}

}  // namespace dossier
