// Porter (1980) stemmer with ROUGE-1.5.5's step 4; see porter.h. Written from
// the published description of the algorithm; the structure (a buffer b[0..k]
// and a stem end j set by Ends()) mirrors the reference implementation so its
// departures from the paper are easy to check.
#include "eval/porter.h"

namespace dossier::eval {
namespace {

class Stemmer {
 public:
  explicit Stemmer(std::string_view word) : b_(word), k_(static_cast<int>(word.size()) - 1) {}

  std::string Run() {
    if (k_ <= 1) return b_;  // one or two letters: unchanged
    Step1ab();
    if (k_ > 0) {
      Step1c();
      Step2();
      Step3();
      Step4Rouge();
      Step5();
    }
    b_.resize(static_cast<size_t>(k_ + 1));
    return b_;
  }

 private:
  // True when b_[i] is a consonant. `y` is a consonant at the start of the
  // word and after a vowel.
  bool Cons(int i) const {
    switch (b_[static_cast<size_t>(i)]) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        return false;
      case 'y':
        return i == 0 ? true : !Cons(i - 1);
      default:
        return true;
    }
  }

  // The measure m of b_[0..j_]: the number of VC sequences in [C](VC)^m[V].
  int M() const {
    int n = 0;
    int i = 0;
    while (true) {
      if (i > j_) return n;
      if (!Cons(i)) break;
      ++i;
    }
    ++i;
    while (true) {
      while (true) {
        if (i > j_) return n;
        if (Cons(i)) break;
        ++i;
      }
      ++i;
      ++n;
      while (true) {
        if (i > j_) return n;
        if (!Cons(i)) break;
        ++i;
      }
      ++i;
    }
  }

  // True when b_[0..j_] contains a vowel.
  bool VowelInStem() const {
    for (int i = 0; i <= j_; ++i) {
      if (!Cons(i)) return true;
    }
    return false;
  }

  // True when b_[i-1..i] is a double consonant.
  bool DoubleC(int i) const {
    if (i < 1) return false;
    if (b_[static_cast<size_t>(i)] != b_[static_cast<size_t>(i - 1)]) return false;
    return Cons(i);
  }

  // True when b_[i-2..i] is consonant-vowel-consonant and the last is not w,
  // x or y (hop, not hoop or snow).
  bool Cvc(int i) const {
    if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2)) return false;
    char ch = b_[static_cast<size_t>(i)];
    return ch != 'w' && ch != 'x' && ch != 'y';
  }

  // True when b_[0..k_] ends with s; then j_ is the end of the rest.
  bool Ends(std::string_view s) {
    int length = static_cast<int>(s.size());
    if (length > k_ + 1) return false;
    if (std::string_view(b_).substr(static_cast<size_t>(k_ + 1 - length),
                                    static_cast<size_t>(length)) != s) {
      return false;
    }
    j_ = k_ - length;
    return true;
  }

  // Replaces b_[j_+1..k_] with s.
  void SetTo(std::string_view s) {
    b_.resize(static_cast<size_t>(j_ + 1));
    b_.append(s);
    k_ = j_ + static_cast<int>(s.size());
  }

  void R(std::string_view s) {
    if (M() > 0) SetTo(s);
  }

  // Plurals and -ed, -ing.
  void Step1ab() {
    if (b_[static_cast<size_t>(k_)] == 's') {
      if (Ends("sses")) {
        k_ -= 2;
      } else if (Ends("ies")) {
        SetTo("i");
      } else if (b_[static_cast<size_t>(k_ - 1)] != 's') {
        --k_;
      }
    }
    if (Ends("eed")) {
      if (M() > 0) --k_;
    } else if ((Ends("ed") || Ends("ing")) && VowelInStem()) {
      k_ = j_;
      b_.resize(static_cast<size_t>(k_ + 1));
      if (Ends("at")) {
        SetTo("ate");
      } else if (Ends("bl")) {
        SetTo("ble");
      } else if (Ends("iz")) {
        SetTo("ize");
      } else if (DoubleC(k_)) {
        --k_;
        char ch = b_[static_cast<size_t>(k_)];
        if (ch == 'l' || ch == 's' || ch == 'z') ++k_;
      } else if (M() == 1 && Cvc(k_)) {
        SetTo("e");
      }
    }
    b_.resize(static_cast<size_t>(k_ + 1));
  }

  // Terminal y to i when there is another vowel in the stem.
  void Step1c() {
    if (Ends("y") && VowelInStem()) b_[static_cast<size_t>(k_)] = 'i';
  }

  // Double suffixes to single ones (-ization to -ize...), when m > 0.
  void Step2() {
    if (k_ < 1) return;
    switch (b_[static_cast<size_t>(k_ - 1)]) {
      case 'a':
        if (Ends("ational")) {
          R("ate");
        } else if (Ends("tional")) {
          R("tion");
        }
        break;
      case 'c':
        if (Ends("enci")) {
          R("ence");
        } else if (Ends("anci")) {
          R("ance");
        }
        break;
      case 'e':
        if (Ends("izer")) R("ize");
        break;
      case 'l':
        if (Ends("bli")) {
          R("ble");
        } else if (Ends("alli")) {
          R("al");
        } else if (Ends("entli")) {
          R("ent");
        } else if (Ends("eli")) {
          R("e");
        } else if (Ends("ousli")) {
          R("ous");
        }
        break;
      case 'o':
        if (Ends("ization")) {
          R("ize");
        } else if (Ends("ation")) {
          R("ate");
        } else if (Ends("ator")) {
          R("ate");
        }
        break;
      case 's':
        if (Ends("alism")) {
          R("al");
        } else if (Ends("iveness")) {
          R("ive");
        } else if (Ends("fulness")) {
          R("ful");
        } else if (Ends("ousness")) {
          R("ous");
        }
        break;
      case 't':
        if (Ends("aliti")) {
          R("al");
        } else if (Ends("iviti")) {
          R("ive");
        } else if (Ends("biliti")) {
          R("ble");
        }
        break;
      case 'g':
        if (Ends("logi")) R("log");
        break;
      default:
        break;
    }
  }

  // -ic-, -full, -ness etc., when m > 0.
  void Step3() {
    switch (b_[static_cast<size_t>(k_)]) {
      case 'e':
        if (Ends("icate")) {
          R("ic");
        } else if (Ends("ative")) {
          R("");
        } else if (Ends("alize")) {
          R("al");
        }
        break;
      case 'i':
        if (Ends("iciti")) R("ic");
        break;
      case 'l':
        if (Ends("ical")) {
          R("ic");
        } else if (Ends("ful")) {
          R("");
        }
        break;
      case 's':
        if (Ends("ness")) R("");
        break;
      default:
        break;
    }
  }

  // Removes the suffix just found by Ends() when the rest has m > 1.
  void RemoveIfMGreaterThan1() {
    if (M() > 1) {
      k_ = j_;
      b_.resize(static_cast<size_t>(k_ + 1));
    }
  }

  // ROUGE-1.5.5's step 4: three checks one after another (see porter.h).
  void Step4Rouge() {
    static constexpr std::string_view kSuffixes[] = {"al",   "ance", "ence",  "er", "ic",  "able",
                                                     "ible", "ant",  "ement", "ou", "ism", "ate",
                                                     "iti",  "ous",  "ive",   "ize"};
    // No suffix of the list ends another one, so at most one matches.
    for (std::string_view suffix : kSuffixes) {
      if (Ends(suffix)) {
        RemoveIfMGreaterThan1();
        break;
      }
    }
    if (Ends("ment")) RemoveIfMGreaterThan1();
    if (Ends("ent")) {
      RemoveIfMGreaterThan1();
    } else if (Ends("ion") && j_ >= 0 &&
               (b_[static_cast<size_t>(j_)] == 's' || b_[static_cast<size_t>(j_)] == 't')) {
      RemoveIfMGreaterThan1();
    }
  }

  // Final -e and -ll.
  void Step5() {
    j_ = k_;
    if (b_[static_cast<size_t>(k_)] == 'e') {
      int a = M();
      if (a > 1 || (a == 1 && !Cvc(k_ - 1))) --k_;
    }
    if (b_[static_cast<size_t>(k_)] == 'l' && DoubleC(k_) && M() > 1) --k_;
    b_.resize(static_cast<size_t>(k_ + 1));
  }

  std::string b_;
  int k_;      // end of the word: b_[0..k_]
  int j_ = 0;  // end of the stem found by the last successful Ends()
};

}  // namespace

std::string PorterStem(std::string_view word) {
  if (word.empty()) return std::string();
  return Stemmer(word).Run();
}

}  // namespace dossier::eval
