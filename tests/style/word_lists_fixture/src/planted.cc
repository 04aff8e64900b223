// Lists planted for check_word_lists.py's own test (style_word_lists_finds_lists).

// A word list: flagged.
static const char* kVerbs[] = {"said", "told", "added"};

// A run of comparisons: flagged.
bool IsVerb(const char* w) {
  const std::string_view v = w;
  return v == "said" || v == "warned" || v == "told";
}

// Kind names (the second column): not flagged.
static const char* kKinds[] = {"past", "past", "present", "future"};

// not-language: marked, not flagged.
static const char* kMarked[] = {"said", "told", "added"};
