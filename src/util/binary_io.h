// BinaryWriter / BinaryReader: a little-endian byte format for saved state
// (`dossier cluster --state`): fixed-width integers, floats, strings and
// vectors of them, each vector and string preceded by its length. The reader
// checks every length against what is left, so a truncated or corrupt file
// gives an error naming the byte where it went wrong, never a crash.
//
//   BinaryWriter w;  w.U32(7); w.Str("x"); w.Vec(floats);
//   BinaryReader r(bytes);  uint32_t v; r.U32(&v); ...; if (!r.ok()) r.error_offset();
#ifndef DOSSIER_UTIL_BINARY_IO_H_
#define DOSSIER_UTIL_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dossier {

class BinaryWriter {
 public:
  template <typename T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void U32(uint32_t v) { Pod(v); }
  void U64(uint64_t v) { Pod(v); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  template <typename T>
  void Vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}

  template <typename T>
  bool Pod(T* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!Need(sizeof(T))) return false;
    std::memcpy(v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool U32(uint32_t* v) { return Pod(v); }
  bool U64(uint64_t* v) { return Pod(v); }
  bool Str(std::string* s) {
    uint64_t n = 0;
    if (!U64(&n) || !Need(n)) return false;
    s->assign(in_.data() + at_, n);
    at_ += n;
    return true;
  }
  template <typename T>
  bool Vec(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    if (!U64(&n) || n > (in_.size() - at_) / sizeof(T) + 1 || !Need(n * sizeof(T))) {
      return Fail();
    }
    v->resize(n);
    if (n > 0) std::memcpy(v->data(), in_.data() + at_, n * sizeof(T));
    at_ += n * sizeof(T);
    return true;
  }
  // Marks the input invalid at the current byte (a value out of range).
  bool Fail() {
    if (ok_) error_at_ = at_;
    ok_ = false;
    return false;
  }
  bool ok() const { return ok_; }
  bool done() const { return at_ == in_.size(); }
  uint64_t error_offset() const { return error_at_; }
  uint64_t offset() const { return at_; }
  uint64_t remaining() const { return in_.size() - at_; }

 private:
  bool Need(uint64_t n) {
    if (!ok_ || n > in_.size() - at_) return Fail();
    return true;
  }
  std::string_view in_;
  uint64_t at_ = 0, error_at_ = 0;
  bool ok_ = true;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_BINARY_IO_H_
