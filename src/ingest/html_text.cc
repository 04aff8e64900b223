#include "ingest/html_text.h"

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/html_dom.h"
#include "util/strings.h"

namespace dossier {

Result<HtmlText> ExtractHtmlText(std::string_view html) {
  Result<std::unique_ptr<html::ParsedHtml>> parsed = html::ParsedHtml::Parse(html);
  if (!parsed.ok()) return parsed.status();
  const html::ParsedHtml& page = **parsed;

  HtmlText out;
  bool have_title = false;
  const GumboNode* root = page.root();
  if (root != nullptr && root->type == GUMBO_NODE_ELEMENT) {
    out.lang = std::string(TrimWhitespace(html::Attribute(root->v.element, "lang")));
  }

  html::TextEmitter emit(page);
  struct Frame {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Frame> stack;
  stack.push_back({page.document(), false});
  int pre_depth = 0;
  auto push_children = [&stack](const GumboVector& children) {
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  };

  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        push_children(node->v.document.children);
        break;
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& e = node->v.element;
        const html::Role role = html::ElementRole(e);
        if (frame.leaving) {
          const uint32_t pos = html::EndOf(page, e);
          if (role == html::Role::kBlock) emit.Block(2, pos);
          if (role == html::Role::kPre) {
            emit.Block(2, pos);
            --pre_depth;
          }
          if (role == html::Role::kRow) emit.Block(1, pos);
          if (role == html::Role::kCell) emit.CellGap(pos);
          break;
        }
        if (e.tag == GUMBO_TAG_TITLE && e.tag_namespace == GUMBO_NAMESPACE_HTML) {
          if (!have_title) {
            out.title = html::ChildText(e);
            have_title = true;
          }
          break;
        }
        if (e.tag == GUMBO_TAG_HEAD) {
          for (unsigned i = 0; i < e.children.length && !have_title; ++i) {
            const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_TITLE) {
              out.title = html::ChildText(child->v.element);
              have_title = true;
            }
          }
          break;
        }
        if (role == html::Role::kDrop) break;
        const uint32_t pos = html::StartOf(page, e);
        switch (role) {
          case html::Role::kBreak:
            emit.LineBreak(pos);
            break;
          case html::Role::kBlock:
            emit.Block(2, pos);
            break;
          case html::Role::kPre:
            emit.Block(2, pos);
            ++pre_depth;
            break;
          case html::Role::kRow:
            emit.Block(1, pos);
            break;
          default:
            break;
        }
        stack.push_back({node, true});
        push_children(e.children);
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        emit.Text(node->v.text, pre_depth > 0);
        break;
      case GUMBO_NODE_COMMENT:
      case GUMBO_NODE_TEMPLATE:
      default:
        break;
    }
  }
  std::move(emit).Finish(&out.text, &out.map);
  return out;
}

}  // namespace dossier
