// JsonWriter: a streaming writer of compact JSON for the briefing (internal
// to the report stage).
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("id"); w.String(id); w.EndObject();
//
// The output is byte for byte what nlohmann's ordered_json
// dump(-1, ' ', false, error_handler_t::replace) gives for the same values,
// without building a document tree (a large pile's briefing is tens of
// megabytes): strings of well-formed UTF-8 are escaped here exactly as
// nlohmann escapes them; any other string, and every floating-point number,
// is written by nlohmann itself. The caller pairs Begin/End and writes a
// Key before each member of an object.
#ifndef DOSSIER_REPORT_JSON_WRITER_H_
#define DOSSIER_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/span.h"

namespace dossier {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A key of the object being written (keys are plain ASCII literals).
  void Key(std::string_view key) {
    Comma();
    out_ += '"';
    out_ += key;
    out_ += "\":";
    comma_ = false;
  }
  void String(std::string_view s) {
    Comma();
    Escaped(s);
    comma_ = true;
  }
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Unsigned(uint64_t v) {
    Comma();
    char buf[24];
    out_.append(buf, static_cast<size_t>(std::snprintf(buf, sizeof buf, "%llu",
                                                       static_cast<unsigned long long>(v))));
    comma_ = true;
  }
  void Signed(int64_t v) {
    Comma();
    char buf[24];
    out_.append(buf, static_cast<size_t>(
                         std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v))));
    comma_ = true;
  }
  void IndexOrNull(int32_t i) { i < 0 ? Null() : Signed(i); }
  void Double(double v) {
    Comma();
    out_ += nlohmann::ordered_json(v).dump();
    comma_ = true;
  }
  void Bool(bool v) {
    Comma();
    out_ += v ? "true" : "false";
    comma_ = true;
  }
  void Null() {
    Comma();
    out_ += "null";
    comma_ = true;
  }
  void Span(dossier::Span s) {
    BeginArray();
    Unsigned(s.begin);
    Unsigned(s.end);
    EndArray();
  }
  // A member of the object being written: its key, then its value.
  void StringField(std::string_view key, std::string_view v) {
    Key(key);
    String(v);
  }
  void StringOrNullField(std::string_view key, std::string_view v) {
    Key(key);
    StringOrNull(v);
  }
  void UnsignedField(std::string_view key, uint64_t v) {
    Key(key);
    Unsigned(v);
  }
  void SignedField(std::string_view key, int64_t v) {
    Key(key);
    Signed(v);
  }
  void IndexOrNullField(std::string_view key, int32_t v) {
    Key(key);
    IndexOrNull(v);
  }
  void DoubleField(std::string_view key, double v) {
    Key(key);
    Double(v);
  }
  void BoolField(std::string_view key, bool v) {
    Key(key);
    Bool(v);
  }
  void SpanField(std::string_view key, dossier::Span v) {
    Key(key);
    Span(v);
  }
  void StringsField(std::string_view key, const std::vector<std::string>& v) {
    Key(key);
    Strings(v);
  }
  template <typename Int>
  void UnsignedsField(std::string_view key, const std::vector<Int>& v) {
    Key(key);
    Unsigneds(v);
  }
  void Strings(const std::vector<std::string>& v) {
    BeginArray();
    for (const std::string& s : v) String(s);
    EndArray();
  }
  template <typename Int>
  void Unsigneds(const std::vector<Int>& v) {
    BeginArray();
    for (Int x : v) Unsigned(x);
    EndArray();
  }

 private:
  void Comma() {
    if (comma_) out_ += ',';
  }
  void Open(char c) {
    Comma();
    out_ += c;
    comma_ = false;
  }
  void Close(char c) {
    out_ += c;
    comma_ = true;
  }
  // Length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms,
  // no surrogates, nothing above U+10FFFF) at s[i], a byte >= 0x80; 0 if none.
  static size_t SequenceAt(std::string_view s, size_t i) {
    auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
      if (i + k >= s.size()) return false;
      const auto c = static_cast<unsigned char>(s[i + k]);
      return c >= lo && c <= hi;
    };
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
  }
  void Escaped(std::string_view s) {
    const size_t start = out_.size();
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const size_t n = SequenceAt(s, i);
        if (n == 0) {  // not UTF-8: nlohmann's own replacement rules
          out_.resize(start);
          out_ += nlohmann::ordered_json(std::string(s))
                      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
          return;
        }
        i += n;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out_.append(s.data() + run, i - run);
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_ += buf;
        }
      }
      run = ++i;
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  bool comma_ = false;  // a value was written: the next one needs a comma
};

}  // namespace dossier

#endif  // DOSSIER_REPORT_JSON_WRITER_H_
