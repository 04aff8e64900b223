#include "dossier/span.h"

#include <gtest/gtest.h>

#include "util/text_builder.h"

namespace dossier {
namespace {

TEST(SpanTest, SliceClampsToText) {
  EXPECT_EQ((Span{2, 5}).Slice("abcdefg"), "cde");
  EXPECT_EQ((Span{5, 50}).Slice("abcdefg"), "fg");
  EXPECT_EQ((Span{9, 12}).Slice("abc"), "");
  EXPECT_TRUE((Span{3, 3}).empty());
}

TEST(OffsetMapTest, IdentityMapsEveryByteToItself) {
  OffsetMap m = OffsetMap::Identity(10);
  for (uint32_t i = 0; i < 10; ++i) EXPECT_EQ(m.ToOriginalBegin(i), i);
  EXPECT_EQ(m.ToOriginal({3, 7}), (Span{3, 7}));
}

TEST(OffsetMapTest, ReplacementRunMapsToWholeOriginalRange) {
  // "ab\r\ncd" -> "ab\ncd"
  std::string src = "ab\r\ncd";
  TextBuilder b;
  b.Copy(src, 0, 2);
  b.Replace("\n", 2, 4);
  b.Copy(src, 4, 6);
  std::string text;
  OffsetMap m;
  std::move(b).Finish(&text, &m);
  EXPECT_EQ(text, "ab\ncd");
  EXPECT_EQ(m.ToOriginal({0, 2}), (Span{0, 2}));
  EXPECT_EQ(m.ToOriginal({2, 3}), (Span{2, 4}));
  EXPECT_EQ(m.ToOriginal({3, 5}), (Span{4, 6}));
  EXPECT_EQ(m.ToOriginal({0, 5}), (Span{0, 6}));
  EXPECT_EQ(m.runs().size(), 3u);
}

TEST(OffsetMapTest, AdjacentCopyRunsMerge) {
  std::string src = "abcdef";
  TextBuilder b;
  b.Copy(src, 0, 3);
  b.Copy(src, 3, 6);
  std::string text;
  OffsetMap m;
  std::move(b).Finish(&text, &m);
  EXPECT_EQ(m.runs().size(), 1u);
}

TEST(OffsetMapTest, ComposeChainsTwoMaps) {
  // raw "x&amp;y\r\n" -> mid "x&y\r\n" -> text "x&y\n"
  std::string raw = "x&amp;y\r\n";
  TextBuilder b1;
  b1.Copy(raw, 0, 1);
  b1.Replace("&", 1, 6);
  b1.Copy(raw, 6, 9);
  std::string mid;
  OffsetMap inner;
  std::move(b1).Finish(&mid, &inner);
  ASSERT_EQ(mid, "x&y\r\n");
  TextBuilder b2;
  b2.Copy(mid, 0, 3);
  b2.Replace("\n", 3, 5);
  std::string text;
  OffsetMap outer;
  std::move(b2).Finish(&text, &outer);
  OffsetMap m = OffsetMap::Compose(outer, inner);
  EXPECT_EQ(m.text_size(), 4u);
  EXPECT_EQ(m.ToOriginal({0, 1}).Slice(raw), "x");
  EXPECT_EQ(m.ToOriginal({1, 2}).Slice(raw), "&amp;");
  EXPECT_EQ(m.ToOriginal({2, 3}).Slice(raw), "y");
  EXPECT_EQ(m.ToOriginal({3, 4}).Slice(raw), "\r\n");
  EXPECT_EQ(m.ToOriginal({0, 4}).Slice(raw), raw);
}

TEST(OffsetMapTest, EmptyMapIsSafe) {
  OffsetMap m;
  EXPECT_EQ(m.ToOriginal({0, 0}), (Span{0, 0}));
  EXPECT_EQ(m.ToOriginalEnd(5), 0u);
}

}  // namespace
}  // namespace dossier
