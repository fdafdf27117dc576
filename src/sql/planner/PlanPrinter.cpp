#include "sql/planner/PlanPrinter.h"

namespace presto::sql {
namespace {

void printNode(const PlanNode& node, int32_t indent, std::string& out) {
  std::string pad(static_cast<size_t>(indent) * 4, ' ');
  std::string details = node.details();
  out += pad + "- " + node.name();
  if (!details.empty()) {
    out += "[" + details + "]";
  }
  out += " => [";
  bool first = true;
  for (const auto& symbol : node.outputSymbols()) {
    out += (first ? "" : ", ") + symbolText(symbol);
    first = false;
  }
  out += "]\n";
  for (const auto& line : node.detailLines()) {
    out += pad + "        " + line + "\n";
  }
  for (const auto& source : node.sources()) {
    printNode(*source, indent + 1, out);
  }
}

} // namespace

std::string printPlan(const PlanNode& root) {
  std::string out;
  printNode(root, 0, out);
  return out;
}

} // namespace presto::sql
