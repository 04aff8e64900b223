// The cache of FetchAll (ingest/fetch.h): pages fetched successfully, kept
// in a folder so later runs read them with no network.
//
//   CacheLookup hit = LookUpFetchCache(dir, url, max_bytes);
//   if (hit.page) Use(*hit.page);             // from_cache is true
//   else { Fetched f = ...; Status s = StoreInFetchCache(dir, f); }
//
// Layout: per address, key = lower-case hex SHA-256 of the address as given;
// dir/<key>.body holds the decoded body, dir/<key>.meta a JSON object
// {"format":1,"url","final_url","http_status","content_type","charset",
// "last_modified","fetched" (UTC, ISO 8601),"body_bytes","body_sha256"}.
// Each file is written atomically, the body first, so a reader sees an old
// entry, a new one, or a body whose size and hash do not match the metadata
// (damaged: ignored). Entries never expire. Thread-safe: no shared state.
#ifndef DOSSIER_INGEST_FETCH_CACHE_H_
#define DOSSIER_INGEST_FETCH_CACHE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dossier/status.h"
#include "ingest/fetch.h"

namespace dossier {

// The cache key of `url`: 64 lower-case hex digits.
std::string FetchCacheKey(std::string_view url);

struct CacheLookup {
  std::optional<Fetched> page;  // the cached page, when there is a sound one
  std::string damage;           // why an entry present was not used; empty otherwise
};

// The entry of `url` in `dir`. An entry with a body over max_bytes is not used.
CacheLookup LookUpFetchCache(const std::string& dir, const std::string& url, uint64_t max_bytes);

// Stores the successful `page` (creating `dir` when missing).
Status StoreInFetchCache(const std::string& dir, const Fetched& page);

}  // namespace dossier

#endif  // DOSSIER_INGEST_FETCH_CACHE_H_
