#include "dossier/status.h"

#include <cstdio>
#include <cstdlib>

namespace dossier {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kIoError:
      return "io_error";
    case StatusCode::kInvalidInput:
      return "invalid_input";
    case StatusCode::kEmptyInput:
      return "empty_input";
    case StatusCode::kResourceExhausted:
      return "resource_exhausted";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s;
  if (!input_.empty()) s = input_ + ": ";
  s += message_;
  if (byte_offset_) s += " (byte " + std::to_string(*byte_offset_) + ")";
  return s;
}

void DieOnValueOfError(const Status& status) {
  std::fprintf(stderr, "dossier: Result::value() of an error (a bug in the caller): %s\n",
               status.ToString().c_str());
  std::abort();
}

}  // namespace dossier
