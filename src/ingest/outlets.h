// Outlets, dates and bylines from a page's metadata and its address.
//
//   std::string outlet = OutletName({meta.og_site, meta.ld_publisher}, url);
//       // "USA Today" for {"usatoday"} at https://www.usatoday.com/story/...
//   std::string date = DateFromUrl(url);     // "2019-11-19" from /2019/11/19/, or ""
//   std::string by = CleanBylineDates("Madeline Fry | November 18, 2019 12:01 PM");
//       // "Madeline Fry"
//
// OutletName takes the first candidate that names a publisher: white space
// collapsed, a leading '@' dropped, and a tagline after " | ", " - ", " – "
// or " — " cut ("LinkNaija | Nigeria's popular news platform" -> "LinkNaija").
// Not a name: an address or a bare domain in lower case (it gives the host
// instead, when the page has no address; "MacRumors.com" is a name), a single lower-case word
// ("nj", "usatoday": a domain label), a section or placeholder ("U.S.", "Hosted", "Home"). With no
// name, the built-in table of news domains (data/outlet_domains.txt; the
// longest domain the host ends with: "hosted.ap.org" -> "Associated Press"),
// else the host without "www." ("vortexcannon.org"): never a scheme or path.
//
// DateFromUrl reads /YYYY/MM/DD/, /YYYY/mon/DD/ ("2019/nov/18"), and a path
// segment holding YYYY-MM-DD or made of YYYYMMDD, for years 1990-2099.
// CleanBylineDates cuts a byline where a date, a time or a date label
// ("Updated", "Published") begins, with the separators before it.
//
// The words are data: the domain table data/outlet_domains.txt, and of
// data/<language>/ the placeholders of page_furniture.txt (kind
// site_placeholder), the date labels of bylines.txt (kind date_label) and
// months.txt/weekdays.txt (util/dates.h). Outlets::Create loads them from
// a data folder (or the built-in copies); the free functions below use the
// built-in lists (Outlets::BuiltIn, loaded once). All are thread-safe.
#ifndef DOSSIER_INGEST_OUTLETS_H_
#define DOSSIER_INGEST_OUTLETS_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/status.h"
#include "util/dates.h"

namespace dossier {

class Outlets {
 public:
  static Result<Outlets> Create(std::string_view data_dir, std::string_view language = "en");
  static const Outlets& BuiltIn();

  // As the free functions below, with these lists.
  std::string KnownOutlet(std::string_view host) const;
  std::string OutletName(const std::vector<std::string>& candidates, std::string_view url) const;
  std::string DateFromUrl(std::string_view url) const;
  // `more_labels`: date labels of other languages (lower case) beside these.
  std::string CleanBylineDates(
      std::string_view byline,
      const std::vector<const std::vector<std::string>*>& more_labels = {}) const;

  const CalendarNames& calendar() const { return calendar_; }

 private:
  bool IsPlaceholder(std::string_view name) const;
  bool StartsDatePart(const std::vector<std::string_view>& words, size_t i,
                      const std::vector<const std::vector<std::string>*>& more_labels) const;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> domains_;  // -> name
  std::vector<std::string> placeholders_;                                        // lower case
  std::vector<std::string> date_labels_;                                         // lower case
  CalendarNames calendar_;
};

// The lower-case host of an http(s) address, without user, port or a final
// dot; "" when `url` is not one.
std::string HostOf(std::string_view url);

// The outlet's name in the built-in domain table for `host` (or a domain it
// ends with), or "". (The free functions: Outlets::BuiltIn().)
std::string KnownOutlet(std::string_view host);

std::string OutletName(const std::vector<std::string>& candidates, std::string_view url);

std::string DateFromUrl(std::string_view url);

std::string CleanBylineDates(std::string_view byline);

}  // namespace dossier

#endif  // DOSSIER_INGEST_OUTLETS_H_
