#include "ingest/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <utility>

#include "ingest/pdf_layout.h"
#include "ingest/readers.h"
#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace {

// ---- Characters --------------------------------------------------------------

// poppler's UTF-16 as UTF-8: surrogate pairs combined, an unpaired surrogate
// as U+FFFD, control characters (form feeds, line breaks) and line/paragraph
// separators as spaces, NULs and BOMs dropped. (ustring::to_utf8 goes through
// iconv, which stops at the first unpaired surrogate.)
std::string ToUtf8(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp == 0 || cp == 0xFEFF) continue;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      cp = ' ';
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

// ---- Document information ------------------------------------------------------

// "D:20151218100000+01'00'" -> "2015-12-18" (the date as written, its time
// zone ignored); other forms through ParseDate; "" when not a date.
std::string PdfDate(std::string_view s) {
  s = TrimWhitespace(s);
  if (StartsWith(s, "D:")) s.remove_prefix(2);
  size_t digits = 0;
  while (digits < s.size() && digits < 8 && IsAsciiDigit(s[digits])) ++digits;
  CivilDate date;
  if (digits >= 4 && digits % 2 == 0) {
    auto number = [&](size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
    date.year = number(0) * 100 + number(2);
    date.month = digits >= 6 ? number(4) : 1;
    date.day = digits >= 8 ? number(6) : 1;
  } else if (!ParseDate(s, &date)) {
    return "";
  }
  return date.valid() ? date.ToIso() : "";
}

// ---- poppler ---------------------------------------------------------------------

void IgnorePopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

// What the poppler part of a call read: the document information and each
// page's words, up to the page where the words pass `budget` bytes.
struct PopplerRead {
  std::string title, author, date;
  uint32_t pages = 0;
  std::vector<std::vector<PdfWord>> words;  // pages read (all, unless cut short)
  bool cut_short = false;
};

std::vector<PdfWord> PageWords(const poppler::page& page, uint64_t* bytes) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    PdfWord w{ToUtf8(box.text()), r.left(), r.right(), r.top(), r.bottom(), box.has_space_after()};
    *bytes += w.text.size() + 1;
    words.push_back(std::move(w));
  }
  return words;
}

Status ReadWithPoppler(std::string_view bytes, const std::string& name, uint64_t budget,
                       PopplerRead* out) {
  static std::mutex mutex;
  static std::once_flag silenced;
  std::lock_guard<std::mutex> lock(mutex);
  std::call_once(silenced,
                 [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    return Status(StatusCode::kInvalidInput, "damaged PDF (poppler could not open it)", name);
  }
  if (doc->is_locked()) {
    return Status(StatusCode::kInvalidInput, "password-protected; dossier cannot read it", name);
  }
  out->title = CollapseWhitespace(ToUtf8(doc->get_title()));
  out->author = CollapseWhitespace(ToUtf8(doc->get_author()));
  out->date = PdfDate(ToUtf8(doc->info_key("CreationDate")));
  if (out->date.empty()) out->date = PdfDate(ToUtf8(doc->info_key("ModDate")));
  // A damaged page tree may claim any count; no page takes less than a byte.
  out->pages = static_cast<uint32_t>(std::min<uint64_t>(std::max(doc->pages(), 0), bytes.size()));
  uint64_t read = 0;
  for (uint32_t p = 0; p < out->pages; ++p) {
    if (read > budget) {
      out->cut_short = true;
      break;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(p)));
    out->words.push_back(page == nullptr ? std::vector<PdfWord>() : PageWords(*page, &read));
  }
  return Status::Ok();
}

// ---- Assembly -------------------------------------------------------------------

// Joins the pages' texts with blank lines; fills page_starts (a page without
// text begins where the next page with text does).
void AssemblePages(const std::vector<std::string>& texts, uint32_t pages, PdfText* pdf) {
  pdf->page_starts.assign(pages, 0);
  size_t pending = 0;  // first page whose start is not set yet
  for (size_t p = 0; p < texts.size(); ++p) {
    if (texts[p].empty()) continue;
    if (!pdf->text.empty()) pdf->text += "\n\n";
    for (; pending <= p; ++pending) {
      pdf->page_starts[pending] = static_cast<uint32_t>(pdf->text.size());
    }
    pdf->text += texts[p];
  }
  for (; pending < pages; ++pending) {
    pdf->page_starts[pending] = static_cast<uint32_t>(pdf->text.size());
  }
}

// Where text longer than `max` is cut: at the last paragraph break within
// it, else the last space, else a character boundary.
size_t CutPoint(std::string_view text, uint64_t max) {
  if (text.size() <= max) return text.size();
  const std::string_view head = text.substr(0, max);
  size_t at = head.rfind("\n\n");
  if (at != std::string_view::npos && at > 0) return at;
  at = head.rfind(' ');
  if (at != std::string_view::npos && at > 0) return at;
  at = max;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Cuts pdf->text to `max` bytes (or reports pages left unread) with a warning.
void CutText(uint64_t max, bool cut_short, size_t pages_read, const std::string& name, PdfText* pdf,
             std::vector<Diagnostic>* diagnostics) {
  const size_t cut = CutPoint(pdf->text, max);
  if (cut == pdf->text.size() && !cut_short) return;
  pdf->text.resize(cut);
  while (!pdf->text.empty() && (pdf->text.back() == ' ' || pdf->text.back() == '\n')) {
    pdf->text.pop_back();
  }
  for (uint32_t& start : pdf->page_starts) {
    start = std::min<uint32_t>(start, static_cast<uint32_t>(pdf->text.size()));
  }
  const uint32_t last = static_cast<uint32_t>(pdf->text.empty() ? 0 : pdf->text.size() - 1);
  const PdfPosition end = PdfPositionOf(pdf->page_starts, last);
  AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                Status(StatusCode::kResourceExhausted,
                       "PDF text longer than " + std::to_string(max) + " bytes: cut in page " +
                           std::to_string(end.page) + " of " + std::to_string(pdf->pages) +
                           " (pages read: " + std::to_string(pages_read) + ")",
                       name));
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Result<PdfText> ExtractPdfText(std::string_view bytes, const std::string& name,
                               uint64_t max_text_bytes, std::vector<Diagnostic>* diagnostics) {
  if (!LooksLikePdf(bytes)) {
    return Status(StatusCode::kInvalidInput, "not a PDF (no %PDF- header in its first 1024 bytes)",
                  name);
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(StatusCode::kResourceExhausted, "PDF larger than 2 GiB", name);
  }
  // Offsets are uint32_t. Pages past the limit are not read; a quarter more
  // leaves room for the headers and footers that are dropped.
  max_text_bytes = std::min<uint64_t>(max_text_bytes, UINT32_MAX / 2);
  const uint64_t budget = max_text_bytes + max_text_bytes / 4 + 4096;
  PopplerRead read;
  Status status = ReadWithPoppler(bytes, name, budget, &read);
  if (!status.ok()) return status;

  const std::vector<std::string> texts = LayoutPdfPages(read.words);

  PdfText pdf;
  pdf.title = std::move(read.title);
  pdf.author = std::move(read.author);
  pdf.date = std::move(read.date);
  pdf.pages = read.pages;
  AssemblePages(texts, read.pages, &pdf);
  if (pdf.text.empty() && !read.cut_short) {
    return Status(StatusCode::kEmptyInput,
                  "no text layer in " + std::to_string(read.pages) +
                      (read.pages == 1 ? " page" : " pages") +
                      " (a scanned PDF? dossier does not run OCR)",
                  name);
  }
  CutText(max_text_bytes, read.cut_short, read.words.size(), name, &pdf, diagnostics);
  return pdf;
}

PdfPosition PdfPositionOf(const std::vector<uint32_t>& page_starts, uint32_t text_offset) {
  if (page_starts.empty()) return {0, text_offset};
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), text_offset);
  if (it == page_starts.begin()) return {1, text_offset};
  const size_t page = static_cast<size_t>(it - page_starts.begin());  // counted from 1
  return {static_cast<uint32_t>(page), text_offset - page_starts[page - 1]};
}

}  // namespace dossier
