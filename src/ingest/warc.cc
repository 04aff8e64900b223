#include "ingest/warc.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <utility>

#include "ingest/readers.h"
#include "ingest/warc_http.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;        // raw bytes read at a time
constexpr size_t kInflateStep = size_t{256} << 10;     // decompressed bytes per Fill
constexpr size_t kMaxHeaderBytes = size_t{256} << 10;  // a WARC or HTTP head
constexpr size_t kMaxSkipReasons = 64;

// Gives the next raw bytes of the file in *chunk, empty at the end.
using RawSource = std::function<Status(std::string_view* chunk)>;

// The decompressed bytes of a WARC file, piece by piece: plain, or gzip
// members one after the other (one per record, or one for the whole file).
class Inflow {
 public:
  Inflow(RawSource source, const std::string& name, uint64_t max_input_bytes)
      : source_(std::move(source)), name_(name), max_input_bytes_(max_input_bytes) {}
  ~Inflow() {
    if (zlib_ready_) inflateEnd(&zs_);
  }
  Inflow(const Inflow&) = delete;
  Inflow& operator=(const Inflow&) = delete;

  // Appends the next decompressed bytes to *out. False at the end of the
  // input, or where it became unreadable: then damage() or error() says why.
  bool Fill(std::string* out);
  // Damage that ended the data early: a gzip member cut short ("cut") or
  // corrupt gzip data (zlib's message); empty when there is none.
  const std::string& damage() const { return damage_; }
  bool cut() const { return cut_; }
  // An error that must end the call (I/O, max_input_bytes).
  const Status& error() const { return error_; }
  // The file offset of a record that starts at decompressed position `pos`
  // (see WarcPage::offset), after Fill has produced its first byte.
  uint64_t OffsetOf(uint64_t pos, bool* decompressed) const;
  // Forgets the gzip members that start before the one holding `pos`.
  // The file offset of the last gzip member started.
  uint64_t LastMemberOffset() const { return members_.empty() ? 0 : members_.back().offset; }
  void Forget(uint64_t pos) {
    while (members_.size() >= 2 && members_[1].pos <= pos) members_.pop_front();
  }

 private:
  struct Member {
    uint64_t pos;     // decompressed position of its first byte
    uint64_t offset;  // file offset of its first byte
  };

  bool LoadRaw();
  bool FillPlain(std::string* out);
  bool FillGzip(std::string* out);
  bool StartMember();
  bool Count(size_t produced);

  RawSource source_;
  const std::string& name_;
  uint64_t max_input_bytes_;
  std::string_view raw_;     // the unread part of the current raw chunk
  uint64_t raw_offset_ = 0;  // file offset of raw_[0]
  bool raw_end_ = false, started_ = false, gzip_ = false;
  z_stream zs_{};
  bool zlib_ready_ = false, in_member_ = false;
  uint64_t produced_ = 0;
  std::deque<Member> members_;
  std::string damage_;
  bool cut_ = false;
  Status error_;
};

bool Inflow::LoadRaw() {
  if (!raw_.empty()) return true;
  if (raw_end_) return false;
  std::string_view chunk;
  Status s = source_(&chunk);
  if (!s.ok()) error_ = std::move(s);
  if (!s.ok() || chunk.empty()) {
    raw_end_ = true;
    return false;
  }
  raw_ = chunk;
  return true;
}

bool Inflow::Count(size_t produced) {
  produced_ += produced;
  if (produced_ <= max_input_bytes_) return true;
  error_ = Status(StatusCode::kResourceExhausted,
                  "archive larger than the limit of " + std::to_string(max_input_bytes_) +
                      " bytes after decompression (see --max-input-bytes)",
                  name_, raw_offset_);
  return false;
}

bool Inflow::Fill(std::string* out) {
  if (!error_.ok() || !damage_.empty()) return false;
  if (!started_) {
    if (!LoadRaw()) return false;
    started_ = true;
    gzip_ = raw_[0] == '\x1f' && (raw_.size() == 1 || raw_[1] == '\x8b');
  }
  return gzip_ ? FillGzip(out) : FillPlain(out);
}

bool Inflow::FillPlain(std::string* out) {
  if (!LoadRaw()) return false;
  const size_t n = std::min(raw_.size(), kChunkBytes);
  if (!Count(n)) return false;
  out->append(raw_.substr(0, n));
  raw_.remove_prefix(n);
  raw_offset_ += n;
  return true;
}

bool Inflow::StartMember() {
  if (raw_[0] != '\x1f') {
    members_.push_back({produced_, raw_offset_});  // where the damage starts
    damage_ = "no gzip member where one should start, at byte " + std::to_string(raw_offset_);
    return false;
  }
  if (!zlib_ready_) {
    if (inflateInit2(&zs_, 15 + 16) != Z_OK) {
      error_ = Status(StatusCode::kInternal, "zlib initialisation failed", name_);
      return false;
    }
    zlib_ready_ = true;
  } else {
    inflateReset(&zs_);
  }
  // An empty member before this one is no record's start: replace it, so
  // runs of empty members take no memory.
  if (!members_.empty() && members_.back().pos == produced_) members_.pop_back();
  members_.push_back({produced_, raw_offset_});
  in_member_ = true;
  return true;
}

bool Inflow::FillGzip(std::string* out) {
  while (true) {
    if (!LoadRaw()) {
      if (error_.ok() && in_member_) {
        damage_ = "cut";
        cut_ = true;
      }
      return false;
    }
    if (!in_member_ && !StartMember()) return false;
    const size_t old = out->size();
    out->resize(old + kInflateStep);
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw_.data()));
    zs_.avail_in = static_cast<uInt>(raw_.size());
    zs_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs_.avail_out = static_cast<uInt>(kInflateStep);
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    const size_t used = raw_.size() - zs_.avail_in;
    const size_t got = kInflateStep - zs_.avail_out;
    raw_.remove_prefix(used);
    raw_offset_ += used;
    out->resize(old + got);
    if (!Count(got)) return false;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if ((rc != Z_OK && rc != Z_BUF_ERROR) || (used == 0 && got == 0 && !raw_.empty())) {
      damage_ = std::string("corrupt gzip data: ") + (zs_.msg != nullptr ? zs_.msg : "zlib error");
      return false;
    }
    if (got > 0) return true;
  }
}

uint64_t Inflow::OffsetOf(uint64_t pos, bool* decompressed) const {
  *decompressed = false;
  if (!gzip_) return pos;
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->pos > pos) continue;
    if (it->pos == pos) return it->offset;
    break;
  }
  *decompressed = true;
  return pos;
}

struct RecordHeader {
  std::string type;  // lower case
  std::string target_uri, date, content_type;
  uint64_t length = 0;
  bool has_length = false;
};

// Parses the "Name: value" lines of a WARC record head (after its version
// line); false without a valid Content-Length.
bool ParseRecordHeader(std::string_view text, RecordHeader* h) {
  size_t p = text.find('\n');
  while (p != std::string_view::npos && p + 1 < text.size()) {
    const size_t begin = p + 1;
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    p = end;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || line[0] == ' ' || line[0] == '\t') continue;
    const std::string_view name = TrimWhitespace(line.substr(0, colon));
    const std::string_view value = TrimWhitespace(line.substr(colon + 1));
    if (EqualsIgnoreAsciiCase(name, "WARC-Type")) {
      h->type = AsciiLower(value);
    } else if (EqualsIgnoreAsciiCase(name, "WARC-Target-URI")) {
      std::string_view uri = value;
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
        uri = uri.substr(1, uri.size() - 2);
      }
      h->target_uri = std::string(uri);
    } else if (EqualsIgnoreAsciiCase(name, "WARC-Date")) {
      h->date = std::string(value);
    } else if (EqualsIgnoreAsciiCase(name, "Content-Type")) {
      h->content_type = std::string(value);
    } else if (EqualsIgnoreAsciiCase(name, "Content-Length")) {
      h->has_length = !value.empty() && value.size() <= 18 &&
                      std::all_of(value.begin(), value.end(), IsAsciiDigit);
      h->length = 0;
      for (char c : h->has_length ? value : std::string_view())
        h->length = h->length * 10 + (c - '0');
    }
  }
  return h->has_length;
}

// One pass over the records of an Inflow.
class WarcReader {
 public:
  WarcReader(Inflow* in, const std::string& name, const WarcOptions& options,
             const WarcPageSink& sink, WarcReport* report, std::vector<Diagnostic>* diagnostics)
      : in_(in),
        name_(name),
        options_(options),
        sink_(sink),
        report_(report),
        diagnostics_(diagnostics) {}

  Status Run();

 private:
  enum class Step { kOk, kCut, kBad };

  size_t Available() const { return buf_.size() - pos_; }
  std::string_view View(uint64_t n) const {
    return std::string_view(buf_).substr(pos_, static_cast<size_t>(n));
  }
  uint64_t Position() const { return base_ + pos_; }
  bool Ensure(uint64_t n);
  bool Skip(uint64_t n);
  void SkipLineBreaks();

  Step ReadRecord();
  Step ReadHead(RecordHeader* h);
  Step ReadResponse(const RecordHeader& h);
  Step ReadResource(const RecordHeader& h);
  Step ReadRecordEnd();
  Step SkipBlock(const RecordHeader& h, std::string reason);
  void Skipped(std::string reason) { skip_reason_ = std::move(reason); }
  void Keep(const RecordHeader& h, WarcPage* page);
  void Commit();
  void ReportBomb();
  void ReportDamage(Step step, bool member_cut = false);
  Status Stop(Status status);
  uint64_t RawLimit() const;
  std::string TooLarge() const {
    return "payload larger than " + std::to_string(options_.max_record_bytes) + " bytes";
  }

  Inflow* in_;
  const std::string& name_;
  const WarcOptions& options_;
  const WarcPageSink& sink_;
  WarcReport* report_;
  std::vector<Diagnostic>* diagnostics_;
  std::string buf_;  // decompressed bytes not yet consumed, from pos_
  size_t pos_ = 0;
  uint64_t base_ = 0;  // decompressed position of buf_[0]
  uint64_t record_pos_ = 0, record_offset_ = 0;
  bool record_decompressed_ = false;
  std::string bad_;  // why the record head is bad
  bool no_header_ = false;
  bool bomb_reported_ = false;
  // What the record being read comes to, done once its end is read.
  std::string skip_reason_;
  WarcPage page_;
  bool has_page_ = false;
};

bool WarcReader::Ensure(uint64_t n) {
  while (Available() < n) {
    if (pos_ > 0 && pos_ * 2 >= buf_.size()) {
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    if (!in_->Fill(&buf_)) return false;
  }
  return true;
}

bool WarcReader::Skip(uint64_t n) {
  while (true) {
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n, Available()));
    pos_ += take;
    n -= take;
    if (n == 0) return true;
    base_ += pos_;
    buf_.clear();
    pos_ = 0;
    in_->Forget(Position());  // the record's offset is known: members inside it are not needed
    if (!in_->Fill(&buf_)) return false;
  }
}

void WarcReader::SkipLineBreaks() {
  while (Ensure(1) && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) ++pos_;
}

uint64_t WarcReader::RawLimit() const {
  // Chunk framing and a compressed payload that inflates may take more than
  // the limit as stored; beyond this much it cannot be a payload we keep.
  const uint64_t m = options_.max_record_bytes;
  return m > UINT64_MAX / 4 ? UINT64_MAX : 2 * m + (uint64_t{64} << 10);
}

void WarcReader::Commit() {
  ++report_->records;
  if (has_page_) {
    has_page_ = false;
    ++report_->pages;
    if (sink_) sink_(std::move(page_));
    page_ = WarcPage();
  }
  if (!skip_reason_.empty()) {
    auto& skipped = report_->skipped;
    if (skipped.size() >= kMaxSkipReasons && skipped.count(skip_reason_) == 0) {
      skip_reason_ = "other reasons";
    }
    ++skipped[skip_reason_];
    skip_reason_.clear();
  }
}

WarcReader::Step WarcReader::SkipBlock(const RecordHeader& h, std::string reason) {
  Skipped(std::move(reason));
  return Skip(h.length) ? Step::kOk : Step::kCut;
}

WarcReader::Step WarcReader::ReadHead(RecordHeader* h) {
  static constexpr std::string_view kMagic = "WARC/";
  if (!Ensure(kMagic.size()) && !StartsWith(kMagic, View(Available()))) {
    no_header_ = true;
    bad_ = "no WARC record header";
    return Step::kBad;
  }
  if (Available() < kMagic.size()) return Step::kCut;
  if (View(kMagic.size()) != kMagic) {
    no_header_ = true;
    bad_ = "no WARC record header";
    return Step::kBad;
  }
  size_t end = std::string_view::npos;
  size_t scanned = 0;
  while ((end = HeaderBlockEnd(View(std::min(Available(), kMaxHeaderBytes)), scanned)) ==
         std::string_view::npos) {
    if (Available() > kMaxHeaderBytes) {
      bad_ = "record header longer than " + std::to_string(kMaxHeaderBytes) + " bytes";
      return Step::kBad;
    }
    scanned = Available() >= 3 ? Available() - 3 : 0;
    if (!Ensure(Available() + 1)) return Step::kCut;
  }
  if (!ParseRecordHeader(View(end), h)) {
    bad_ = "no valid Content-Length in the record header";
    return Step::kBad;
  }
  pos_ += end;
  return Step::kOk;
}

WarcReader::Step WarcReader::ReadRecord() {
  RecordHeader h;
  if (Step step = ReadHead(&h); step != Step::kOk) return step;
  has_page_ = false;
  skip_reason_.clear();
  Step step = Step::kOk;
  if (h.type == "response") {
    step = ReadResponse(h);
  } else if (h.type == "resource") {
    step = ReadResource(h);
  } else {
    step = SkipBlock(h, h.type.empty() ? "record without WARC-Type" : ReasonWord(h.type));
  }
  if (step == Step::kOk) step = ReadRecordEnd();
  if (step == Step::kOk) Commit();
  return step;
}

// The CRLF CRLF that ends a record. Only its absence at the end of the data
// matters here (the record is cut); other bytes in its place fail as the
// next record's head.
WarcReader::Step WarcReader::ReadRecordEnd() {
  static constexpr std::string_view kEnd = "\r\n\r\n";
  if (Ensure(kEnd.size())) return Step::kOk;
  const std::string_view rest = View(Available());
  return StartsWith(kEnd, rest) ? Step::kCut : Step::kOk;
}

WarcReader::Step WarcReader::ReadResponse(const RecordHeader& h) {
  const std::string record_media = MediaType(h.content_type);
  if (!record_media.empty() && record_media != "application/http") {
    return SkipBlock(h, "response: not HTTP (" + ReasonWord(record_media) + ")");
  }
  const uint64_t head_bytes = std::min<uint64_t>(h.length, kMaxHeaderBytes);
  if (!Ensure(head_bytes)) return Step::kCut;
  HttpHead head;
  if (!ParseHttpHead(View(head_bytes), &head)) return SkipBlock(h, "response: bad HTTP header");
  if (head.status < 200 || head.status > 299) {
    return SkipBlock(h, "response: HTTP " + std::to_string(head.status));
  }
  const std::string media = MediaType(head.content_type);
  if (!media.empty() && !IsHtmlMediaType(media)) {
    return SkipBlock(h, "response: not HTML (" + ReasonWord(media) + ")");
  }
  if (h.length - head.size > RawLimit()) return SkipBlock(h, TooLarge());
  if (!Ensure(h.length)) return Step::kCut;
  WarcPage page;
  std::string why;
  const PayloadResult result = DecodeHttpPayload(head, View(h.length).substr(head.size),
                                                 options_.max_record_bytes, &page.body, &why);
  pos_ += static_cast<size_t>(h.length);
  if (result != PayloadResult::kOk) {
    if (result == PayloadResult::kInflated) ReportBomb();
    Skipped(result == PayloadResult::kBad ? why
            : result == PayloadResult::kTooLarge
                ? TooLarge()
                : "payload inflates past " + std::to_string(options_.max_record_bytes) + " bytes");
    return Step::kOk;
  }
  if (page.body.empty()) {
    Skipped("response: empty payload");
    return Step::kOk;
  }
  if (media.empty() && !StartsLikeHtml(page.body)) {
    Skipped("response: not HTML (no Content-Type)");
    return Step::kOk;
  }
  page.http_status = head.status;
  page.content_type = head.content_type;
  Keep(h, &page);
  return Step::kOk;
}

WarcReader::Step WarcReader::ReadResource(const RecordHeader& h) {
  const std::string media = MediaType(h.content_type);
  if (!media.empty() && !IsHtmlMediaType(media)) {
    return SkipBlock(h, "resource: not HTML (" + ReasonWord(media) + ")");
  }
  if (h.length > options_.max_record_bytes) return SkipBlock(h, TooLarge());
  if (!Ensure(h.length)) return Step::kCut;
  const std::string_view block = View(h.length);
  if (block.empty()) return SkipBlock(h, "resource: empty");
  if (media.empty() && !StartsLikeHtml(block)) return SkipBlock(h, "resource: not HTML");
  WarcPage page;
  page.body = std::string(block);
  page.content_type = h.content_type;
  pos_ += static_cast<size_t>(h.length);
  Keep(h, &page);
  return Step::kOk;
}

void WarcReader::Keep(const RecordHeader& h, WarcPage* page) {
  page->target_uri = h.target_uri;
  page->date = h.date;
  page->offset = record_offset_;
  page->decompressed_offset = record_decompressed_;
  page_ = std::move(*page);
  has_page_ = true;
}

void WarcReader::ReportBomb() {
  if (bomb_reported_) return;
  bomb_reported_ = true;
  AddDiagnostic(
      diagnostics_, Diagnostic::Severity::kWarning,
      Status(StatusCode::kResourceExhausted,
             "the payload of the record at byte " + std::to_string(record_offset_) +
                 " inflates past the limit of " + std::to_string(options_.max_record_bytes) +
                 " bytes (a decompression bomb?); skipped, reading goes on (later "
                 "ones are only counted in the report)",
             name_, record_offset_));
}

void WarcReader::ReportDamage(Step step, bool member_cut) {
  report_->truncated = true;
  report_->stopped_at = record_offset_;
  report_->stopped_at_decompressed = record_decompressed_;
  const std::string where =
      (record_decompressed_ ? "decompressed byte " : "byte ") + std::to_string(record_offset_);
  const std::string number = std::to_string(report_->records + 1);
  std::string message;
  if (member_cut) {
    message = "truncated at " + where + " (its gzip member is cut short after record " +
              std::to_string(report_->records) + ")";
  } else if (!in_->damage().empty() && !in_->cut()) {
    message = in_->damage() + " in record " + number + " at " + where;
  } else if (step == Step::kBad && in_->damage().empty()) {
    message = bad_ + " at " + where + " (record " + number + ")";
  } else {
    message = "truncated at " + where + " (record " + number + " is cut)";
  }
  message += "; " + std::to_string(report_->records) + " records read before it";
  AddDiagnostic(diagnostics_, Diagnostic::Severity::kError,
                Status(StatusCode::kInvalidInput, std::move(message), name_, record_offset_));
}

Status WarcReader::Stop(Status status) {
  report_->truncated = true;
  report_->stopped_at = record_offset_;
  report_->stopped_at_decompressed = record_decompressed_;
  return status;
}

Status WarcReader::Run() {
  for (bool first = true;; first = false) {
    if (options_.stop != nullptr && options_.stop->load()) return Status::Ok();
    SkipLineBreaks();
    record_pos_ = Position();
    record_offset_ = in_->OffsetOf(record_pos_, &record_decompressed_);
    in_->Forget(record_pos_);
    if (Available() == 0) {
      if (!in_->error().ok()) return Stop(in_->error());
      if (!in_->damage().empty()) {
        // A gzip member cut short after the last whole record it holds.
        const bool member_cut = in_->cut() && record_decompressed_;
        if (member_cut) {
          record_offset_ = in_->LastMemberOffset();
          record_decompressed_ = false;
        }
        ReportDamage(Step::kCut, member_cut);
      } else if (first) {
        return Status(StatusCode::kEmptyInput, "no WARC record in the input", name_, 0);
      }
      return Status::Ok();
    }
    const Step step = ReadRecord();
    if (!in_->error().ok()) return Stop(in_->error());
    if (step == Step::kOk) continue;
    if (first && no_header_ && in_->damage().empty()) {
      return Status(StatusCode::kInvalidInput, "not a WARC file (no WARC/1.x record header)", name_,
                    0);
    }
    ReportDamage(step);
    return Status::Ok();
  }
}

Status ReadWarc(const RawSource& source, const std::string& name, const WarcOptions& options,
                const WarcPageSink& sink, WarcReport* report,
                std::vector<Diagnostic>* diagnostics) {
  WarcReport local;
  if (report == nullptr) report = &local;
  *report = WarcReport();
  Inflow in(source, name, options.max_input_bytes);
  WarcReader reader(&in, name, options, sink, report, diagnostics);
  return reader.Run();
}

}  // namespace

Status ReadWarcBuffer(std::string_view bytes, const std::string& name, const WarcOptions& options,
                      const WarcPageSink& sink, WarcReport* report,
                      std::vector<Diagnostic>* diagnostics) {
  RawSource source = [bytes](std::string_view* chunk) mutable {
    *chunk = bytes.substr(0, kChunkBytes);
    bytes.remove_prefix(chunk->size());
    return Status::Ok();
  };
  return ReadWarc(source, name, options, sink, report, diagnostics);
}

Status ReadWarcFile(const std::string& path, const WarcOptions& options, const WarcPageSink& sink,
                    WarcReport* report, std::vector<Diagnostic>* diagnostics) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Status(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                  std::string("cannot open: ") + std::strerror(err), path);
  }
  std::string buffer(kChunkBytes, '\0');
  uint64_t offset = 0;
  RawSource source = [&](std::string_view* chunk) {
    while (true) {
      const ssize_t got = ::read(fd, buffer.data(), buffer.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        return Status(StatusCode::kIoError, std::string("read failed: ") + std::strerror(errno),
                      path, offset);
      }
      offset += static_cast<uint64_t>(got);
      *chunk = std::string_view(buffer.data(), static_cast<size_t>(got));
      return Status::Ok();
    }
  };
  Status status = ReadWarc(source, path, options, sink, report, diagnostics);
  ::close(fd);
  return status;
}

bool LooksLikeWarc(std::string_view first_bytes) {
  auto is_warc = [](std::string_view s) {
    return StartsWith(s, "WARC/1.0") || StartsWith(s, "WARC/1.1");
  };
  if (is_warc(first_bytes)) return true;
  if (!StartsWith(first_bytes, "\x1f\x8b")) return false;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
  char out[16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(first_bytes.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(first_bytes.size(), UINT_MAX / 2));
  zs.next_out = reinterpret_cast<Bytef*>(out);
  zs.avail_out = sizeof(out);
  inflate(&zs, Z_SYNC_FLUSH);
  const size_t got = sizeof(out) - zs.avail_out;
  inflateEnd(&zs);
  return is_warc(std::string_view(out, got));
}

}  // namespace dossier
