#include "sql/planner/PlanPrinter.h"

#include <cstdio>

namespace presto::sql {
namespace {

void printNode(const PlanNodePtr& node, int32_t indent, const PlanAnnotator& annotate, std::string& out) {
  std::string pad(static_cast<size_t>(indent) * 4, ' ');
  std::string details = node->details();
  out += pad + "- " + node->name();
  if (!details.empty()) {
    out += "[" + details + "]";
  }
  out += " => [";
  bool first = true;
  for (const auto& symbol : node->outputSymbols()) {
    out += (first ? "" : ", ") + symbolText(symbol);
    first = false;
  }
  out += "]";
  if (annotate) {
    auto annotation = annotate(node);
    out += annotation.empty() ? "" : " " + annotation;
  }
  out += "\n";
  for (const auto& line : node->detailLines()) {
    out += pad + "        " + line + "\n";
  }
  for (const auto& source : node->sources()) {
    printNode(source, indent + 1, annotate, out);
  }
}

/// `[item, ...]` of already rendered JSON values.
template <typename Items, typename Render>
std::string jsonArray(const Items& items, Render&& render) {
  std::string out = "[";
  for (const auto& item : items) {
    out += (out.size() > 1 ? "," : "") + render(item);
  }
  return out + "]";
}

} // namespace

std::string printPlan(const PlanNode& root) {
  // A non-owning pointer: the caller keeps the plan alive.
  return printPlan(PlanNodePtr(std::shared_ptr<void>(), &root), nullptr);
}

std::string printPlan(const PlanNodePtr& root, const PlanAnnotator& annotate) {
  std::string out;
  printNode(root, 0, annotate, out);
  return out;
}

std::string printPlanJson(const PlanNode& node) {
  return "{\"id\":" + jsonString(std::to_string(node.id())) + ",\"name\":" + jsonString(node.name()) +
      ",\"details\":" + jsonString(node.details()) +
      ",\"detailLines\":" + jsonArray(node.detailLines(), [](const std::string& line) { return jsonString(line); }) +
      ",\"outputs\":" + jsonArray(node.outputSymbols(), [](const Symbol& symbol) { return jsonString(symbolText(symbol)); }) +
      ",\"children\":" + jsonArray(node.sources(), [](const PlanNodePtr& source) { return printPlanJson(*source); }) + "}";
}

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

} // namespace presto::sql
