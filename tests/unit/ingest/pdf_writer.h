// A small PDF writer for the PDF reader's tests and fuzz seeds: pages whose
// content streams draw text in Helvetica (WinAnsiEncoding) with BT/Tf/Td/Tj/TJ/ET,
// an Info dictionary, a correct cross-reference table and trailer, and
// optionally FlateDecode streams (zlib).
//
//   pdf_writer::Page page;
//   page.Text(72, 720, 11, "First line of the first paragraph");
//   pdf_writer::Document doc;
//   doc.pages.push_back(page);
//   doc.title = "Report";
//   std::string bytes = doc.Build();
#ifndef DOSSIER_TESTS_UNIT_INGEST_PDF_WRITER_H_
#define DOSSIER_TESTS_UNIT_INGEST_PDF_WRITER_H_

#include <zlib.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace pdf_writer {

// `s` (WinAnsi bytes: "\xE9" is é, "\x92" is ’, "\x97" is —) as a PDF literal
// string: parentheses and backslashes escaped, bytes above 0x7E as octal.
inline std::string LiteralString(std::string_view s) {
  std::string out = "(";
  for (unsigned char c : s) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c > 0x7E) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ")";
}

inline std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", v);
  return buf;
}

// One page: a content stream built from text lines and drawings.
struct Page {
  std::string content;
  double width = 612, height = 792;

  // One line of text at (x, y), `size` points, shown with Tj.
  void Text(double x, double y, double size, std::string_view text) {
    content += "BT /F1 " + Number(size) + " Tf " + Number(x) + " " + Number(y) + " Td " +
               LiteralString(text) + " Tj ET\n";
  }
  // One line shown with TJ: the parts with a kerning adjustment (thousandths
  // of an em, small enough not to read as a space) between them.
  void TextTJ(double x, double y, double size, const std::vector<std::string_view>& parts) {
    content += "BT /F1 " + Number(size) + " Tf " + Number(x) + " " + Number(y) + " Td [";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) content += " -20 ";
      content += LiteralString(parts[i]);
    }
    content += "] TJ ET\n";
  }
  // Lines from `top` down, `leading` points apart; returns the y below the last line.
  double Lines(double x, double top, double size, double leading,
               const std::vector<std::string_view>& lines) {
    double y = top;
    for (std::string_view line : lines) {
      Text(x, y, size, line);
      y -= leading;
    }
    return y;
  }
  // A stroked rectangle (no text).
  void Rectangle(double x, double y, double w, double h) {
    content += Number(x) + " " + Number(y) + " " + Number(w) + " " + Number(h) + " re S\n";
  }
};

struct Document {
  std::vector<Page> pages;
  std::string title, author, creation_date, mod_date;  // literal strings, WinAnsi; empty: left out
  std::u16string title_utf16;  // when set, the Title as a UTF-16BE string with its BOM
  bool compress = false;       // FlateDecode content streams
  std::string encrypt;         // when set, an /Encrypt dictionary (the object's text) and an /ID

  std::string Build() const {
    std::vector<std::string> objects;  // object k + 1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (size_t i = 0; i < pages.size(); ++i) {
      kids += std::to_string(5 + 2 * i) + " 0 R ";
    }
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back(InfoDictionary());
    for (size_t i = 0; i < pages.size(); ++i) {
      const Page& p = pages[i];
      objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + Number(p.width) + " " +
                        Number(p.height) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                        std::to_string(6 + 2 * i) + " 0 R >>");
      objects.push_back(Stream(p.content));
    }
    if (!encrypt.empty()) objects.push_back(encrypt);

    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t k = 0; k < objects.size(); ++k) {
      offsets.push_back(out.size());
      out += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
      char entry[32];
      std::snprintf(entry, sizeof(entry), "%010zu 00000 n \n", offset);
      out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R";
    if (!encrypt.empty()) {
      out += " /Encrypt " + std::to_string(objects.size()) +
             " 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]";
    }
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::string InfoDictionary() const {
    std::string info = "<< /Producer (pdf_writer)";
    if (!title_utf16.empty()) {
      info += " /Title <FEFF";
      for (char16_t c : title_utf16) {
        char hex[8];
        std::snprintf(hex, sizeof(hex), "%04X", static_cast<unsigned>(c));
        info += hex;
      }
      info += ">";
    } else if (!title.empty()) {
      info += " /Title " + LiteralString(title);
    }
    if (!author.empty()) info += " /Author " + LiteralString(author);
    if (!creation_date.empty()) info += " /CreationDate " + LiteralString(creation_date);
    if (!mod_date.empty()) info += " /ModDate " + LiteralString(mod_date);
    return info + " >>";
  }

  std::string Stream(const std::string& data) const {
    if (!compress) {
      return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
    }
    uLongf size = compressBound(data.size());
    std::string packed(size, '\0');
    compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
              reinterpret_cast<const Bytef*>(data.data()), data.size(), 9);
    packed.resize(size);
    return "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" +
           packed + "\nendstream";
  }
};

}  // namespace pdf_writer

#endif  // DOSSIER_TESTS_UNIT_INGEST_PDF_WRITER_H_
