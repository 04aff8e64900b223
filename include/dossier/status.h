// Status and Result<T>: errors as values.
//
//   dossier::Result<Document> doc = ReadSomething(...);
//   if (!doc.ok()) { log(doc.status().ToString()); return; }
//   Use(*doc);
//
// Contract: the library never throws across its public API, never exits
// and never prints. A Status carries a code, a message and, where known,
// the name of the input (file path, "<stdin>", "file.jsonl:17") and a byte
// offset into it. Status and Result are plain values: copyable, movable,
// safe to pass between threads.
#ifndef DOSSIER_STATUS_H_
#define DOSSIER_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dossier {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad option or call
  kNotFound,           // path does not exist
  kIoError,            // read/write failed, unreadable file
  kInvalidInput,       // input content cannot be used (binary, bad JSON...)
  kEmptyInput,         // input holds no text
  kResourceExhausted,  // input larger than a configured limit
  kInternal,           // a bug
};

// Returns a stable lower-case name ("invalid_input"...).
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string input = {},
         std::optional<uint64_t> byte_offset = std::nullopt)
      : code_(code),
        message_(std::move(message)),
        input_(std::move(input)),
        byte_offset_(byte_offset) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The input the status is about; empty when not applicable.
  const std::string& input() const { return input_; }
  std::optional<uint64_t> byte_offset() const { return byte_offset_; }

  // "input: message (byte N)" or "message" when no input is known.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string input_;
  std::optional<uint64_t> byte_offset_;
};

// Reports a Result's value asked for while it holds an error (a bug in the
// caller) on stderr and aborts; never returns, never throws.
[[noreturn]] void DieOnValueOfError(const Status& status);

// A value or the Status that explains why there is none. Check ok() before
// asking for the value: value() (and *, ->) of an error is a bug in the
// caller and aborts the process with the status on stderr (no exception).
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & {
    if (T* v = std::get_if<T>(&data_)) return *v;
    DieOnValueOfError(std::get<Status>(data_));
  }
  const T& value() const& {
    if (const T* v = std::get_if<T>(&data_)) return *v;
    DieOnValueOfError(std::get<Status>(data_));
  }
  T&& value() && { return std::move(value()); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

// A non-fatal finding about an input (a repaired byte, a skipped record).
struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kWarning;
  Status status;
};

}  // namespace dossier

#endif  // DOSSIER_STATUS_H_
