#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "PlanFragmentRoundTrip.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::server::test {
namespace {

using nlohmann::json;
using sql::test::OptimizerTestEnvironment;

class PlanFragmentJsonErrorTest : public testing::Test {
 protected:
  /// The leaf fragment of a filtered, projected scan: a plan with a table, calls and symbols.
  json leafFragment() {
    auto plan = environment_.fragment("SELECT n_name, n_nationkey + 1 FROM nation WHERE n_regionkey * 2 > n_nationkey");
    return json::parse(planFragmentToJson(plan.fragments.back()));
  }

  /// The message of the PrestoException decoding `text` throws; fails the test when it throws none.
  std::string decodeError(const std::string& text, ErrorCode expected = errors::GENERIC_INTERNAL_ERROR) {
    try {
      planFragmentFromJson(text, contextOf(environment_));
    } catch (const PrestoException& error) {
      EXPECT_EQ(error.errorCode().name, expected.name) << error.what();
      return error.what();
    }
    ADD_FAILURE() << "no error decoding " << text.substr(0, 200);
    return "";
  }

  /// The first object in `value` (pre-order) for which `matches` holds.
  static json* find(json& value, const std::function<bool(const json&)>& matches) {
    if (value.is_object() && matches(value)) {
      return &value;
    }
    if (value.is_structured()) {
      for (auto& child : value) {
        if (auto* found = find(child, matches)) {
          return found;
        }
      }
    }
    return nullptr;
  }

  static json* findKind(json& value, const std::string& kind) {
    return find(value, [&](const json& object) { return object.value("@kind", "") == kind; });
  }

  OptimizerTestEnvironment environment_;
};

TEST_F(PlanFragmentJsonErrorTest, truncatedOrNotJson) {
  auto text = leafFragment().dump();
  EXPECT_THAT(decodeError(text.substr(0, text.size() / 2)), testing::HasSubstr("Malformed plan fragment JSON"));
  EXPECT_THAT(decodeError(""), testing::HasSubstr("Malformed plan fragment JSON"));
  EXPECT_THAT(decodeError("[1, 2]"), testing::HasSubstr("expected an object with 'symbols', got array"));
  EXPECT_THAT(decodeError("{}"), testing::HasSubstr("missing field 'symbols'"));
}

TEST_F(PlanFragmentJsonErrorTest, unknownNodeKind) {
  auto fragment = leafFragment();
  fragment["root"]["@kind"] = "Teleport";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("unknown plan node kind 'Teleport'"));
}

TEST_F(PlanFragmentJsonErrorTest, unknownFunction) {
  auto fragment = leafFragment();
  auto* call = findKind(fragment, "call");
  ASSERT_NE(call, nullptr);
  (*call)["function"]["name"] = "no_such_function";
  EXPECT_THAT(decodeError(fragment.dump(), errors::FUNCTION_NOT_FOUND),
      testing::HasSubstr("Plan fragment calls no_such_function(bigint, bigint), unknown on this node"));
}

TEST_F(PlanFragmentJsonErrorTest, functionResolvingDifferently) {
  auto fragment = leafFragment();
  auto* call = findKind(fragment, "call");
  ASSERT_NE(call, nullptr);
  (*call)["function"]["returnType"] = "varchar";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("returning varchar resolves to"));
}

TEST_F(PlanFragmentJsonErrorTest, wrongJsonTypes) {
  auto fragment = leafFragment();
  fragment["id"] = "first";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("type must be number"));

  fragment = leafFragment();
  fragment["symbols"].begin().value() = 42;
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("a type must be a signature string"));

  fragment = leafFragment();
  fragment["symbols"].begin().value() = "array(array(";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("bad type 'array(array('"));

  fragment = leafFragment();
  fragment["root"]["sources"] = "none";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("'sources' must be an array"));
}

TEST_F(PlanFragmentJsonErrorTest, wrongExpressionTypes) {
  auto fragment = leafFragment();
  auto* call = findKind(fragment, "call");
  ASSERT_NE(call, nullptr);
  (*call)["arguments"][0] = {{"@kind", "constant"}, {"type", "varchar"}, {"value", "x"}};
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("called with a varchar argument 1"));

  fragment = leafFragment();
  auto* constant = findKind(fragment, "constant");
  ASSERT_NE(constant, nullptr);
  (*constant)["value"] = "two";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("expected an integer"));

  fragment = leafFragment();
  auto* variable = findKind(fragment, "variable");
  ASSERT_NE(variable, nullptr);
  (*variable)["type"] = "double";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("but the symbol is"));
}

TEST_F(PlanFragmentJsonErrorTest, unknownSymbolOrCatalog) {
  auto fragment = leafFragment();
  fragment["outputLayout"][0] = "ghost";
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("unknown symbol \"ghost\""));

  fragment = leafFragment();
  auto* scan = findKind(fragment, "TableScan");
  ASSERT_NE(scan, nullptr);
  (*scan)["table"]["name"]["catalog"] = "elsewhere";
  EXPECT_THAT(decodeError(fragment.dump(), errors::NOT_FOUND), testing::HasSubstr("elsewhere.tiny.nation of a catalog this node does not have"));
}

TEST_F(PlanFragmentJsonErrorTest, inconsistentNodes) {
  auto fragment = leafFragment();
  auto* scan = findKind(fragment, "TableScan");
  ASSERT_NE(scan, nullptr);
  (*scan)["columns"].erase(0);
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("TableScan outputs and columns"));

  fragment = leafFragment();
  scan = findKind(fragment, "TableScan");
  json copy = *scan;
  (*scan)["sources"].push_back(copy);
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("TableScan node"));

  fragment = leafFragment();
  auto* special = find(fragment, [](const json& object) { return object.value("@kind", "") == "call"; });
  ASSERT_NE(special, nullptr);
  *special = {{"@kind", "special"}, {"form", "IF"}, {"type", "boolean"},
      {"arguments", json::array({{{"@kind", "constant"}, {"type", "boolean"}, {"value", true}}})}};
  EXPECT_THAT(decodeError(fragment.dump()), testing::HasSubstr("IF with 1 arguments"));
}

TEST_F(PlanFragmentJsonErrorTest, deeplyNestedExpression) {
  auto fragment = leafFragment();
  std::string nested = R"({"@kind":"constant","type":"boolean","value":true})";
  std::string open;
  for (int i = 0; i < 100000; ++i) {
    open += R"({"@kind":"special","form":"COALESCE","type":"boolean","arguments":[)";
  }
  std::string close;
  for (int i = 0; i < 100000; ++i) {
    close += "]}";
  }
  auto* call = findKind(fragment, "call");
  ASSERT_NE(call, nullptr);
  *call = "PLACEHOLDER";
  auto text = fragment.dump();
  text.replace(text.find("\"PLACEHOLDER\""), 13, open + nested + close);
  EXPECT_THAT(decodeError(text), testing::HasSubstr("nested too deeply"));
}

TEST_F(PlanFragmentJsonErrorTest, unsupportedNodeKindIsNamed) {
  auto a = std::make_shared<VariableReferenceExpression>("a", BIGINT());
  auto values = std::make_shared<sql::ValuesNode>(0, std::vector<sql::Symbol>{a}, std::vector<std::vector<RowExpressionPtr>>{});
  sql::PlanFragment fragment;
  fragment.root = std::make_shared<sql::ApplyNode>(1, values, values, std::vector<sql::Symbol>{}, std::vector<sql::SubqueryPredicate>{});
  try {
    planFragmentToJson(fragment);
    ADD_FAILURE() << "Apply was encoded";
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, errors::NOT_SUPPORTED.name);
    EXPECT_THAT(error.what(), testing::HasSubstr("Plan node Apply cannot be serialized"));
  }
}

} // namespace
} // namespace presto::server::test
