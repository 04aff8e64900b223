// WriteFeatures / ReadFeatures (story_clusterer.h).
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "util/binary_io.h"

namespace dossier {

void WriteFeatures(const ArticleFeatures& f, BinaryWriter* w) {
  w->U64(f.terms.size());
  for (const ArticleFeatures::Term& t : f.terms) {
    w->U64(t.hash);
    w->Pod(t.count);
    w->Str(t.word);
  }
  w->U64(f.title_terms.size());
  for (const auto& [term, count] : f.title_terms) {
    w->U32(term);
    w->Pod(count);
  }
  w->U32(f.content_words);
  w->U64(f.sentences.size());
  for (const ArticleFeatures::SentenceTerms& s : f.sentences) {
    w->U64(s.hash);
    w->U32(s.begin);
    w->U32(s.end);
  }
  w->U64(f.occurrences.size());
  for (const ArticleFeatures::Occurrence& o : f.occurrences) {
    w->U32(o.term);
    w->Pod(o.count);
    w->Pod(static_cast<uint8_t>(o.name ? 1 : 0));
  }
  for (uint32_t m : f.signature.mins) w->U32(m);
  w->Pod(static_cast<uint8_t>(f.signature.empty ? 1 : 0));
  w->Pod(f.day);
  w->U64(f.source);
}

bool ReadFeatures(BinaryReader* r, ArticleFeatures* f) {
  *f = ArticleFeatures();
  // Every element takes at least 8 bytes: a count above that is damage.
  auto count = [r](uint64_t* n) { return r->U64(n) && (*n <= r->remaining() / 8 || r->Fail()); };
  uint64_t n = 0;
  if (!count(&n)) return false;
  f->terms.resize(n);
  for (ArticleFeatures::Term& t : f->terms) {
    if (!r->U64(&t.hash) || !r->Pod(&t.count) || !r->Str(&t.word)) return false;
  }
  if (!count(&n)) return false;
  f->title_terms.resize(n);
  for (auto& [term, c] : f->title_terms) {
    if (!r->U32(&term) || !r->Pod(&c) || (term >= f->terms.size() && !r->Fail())) return false;
  }
  if (!r->U32(&f->content_words) || !count(&n)) return false;
  f->sentences.resize(n);
  for (ArticleFeatures::SentenceTerms& s : f->sentences) {
    if (!r->U64(&s.hash) || !r->U32(&s.begin) || !r->U32(&s.end)) return false;
  }
  if (!count(&n)) return false;
  f->occurrences.resize(n);
  for (ArticleFeatures::Occurrence& o : f->occurrences) {
    uint8_t name = 0;
    if (!r->U32(&o.term) || !r->Pod(&o.count) || !r->Pod(&name) || name > 1 ||
        o.term >= f->terms.size()) {
      return r->Fail();
    }
    o.name = name == 1;
  }
  for (const ArticleFeatures::SentenceTerms& s : f->sentences) {
    if (s.begin > s.end || s.end > f->occurrences.size()) return r->Fail();
  }
  uint8_t empty = 0;
  for (uint32_t& m : f->signature.mins) {
    if (!r->U32(&m)) return false;
  }
  if (!r->Pod(&empty) || empty > 1 || !r->Pod(&f->day) || !r->U64(&f->source)) return r->Fail();
  f->signature.empty = empty == 1;
  f->band_keys = NearDuplicateIndex::ComputeBandKeys(f->signature);
  f->band_keys_set = true;
  return true;
}

}  // namespace dossier
