#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "client/cli/OutputFormat.h"

namespace presto::cli {
namespace {

using nlohmann::json;

const std::vector<OutputColumn> kColumns = {{"first", "varchar"}, {"last", "varchar"}, {"quantity", "double"}};

std::vector<json> sampleRows() {
  return {json::array({"hello", "world", 123}), json::array({"a", nullptr, 4.5}),
      json::array({"some long\ntext that\ndoes not\nfit on\none line", "more\ntext", 4567}),
      json::array({"bye", "done", -15})};
}

std::string print(OutputFormat format, const std::vector<OutputColumn>& columns, const std::vector<json>& rows) {
  std::ostringstream out;
  auto printer = createOutputPrinter(format, columns, out);
  if (!rows.empty()) {
    printer->printRows(rows);
  }
  printer->finish();
  return out.str();
}

// Expected outputs below follow the documented behaviour of Presto's CLI printers.

TEST(OutputPrinterTest, aligned) {
  EXPECT_EQ(print(OutputFormat::kAligned, kColumns, sampleRows()),
      "   first   | last  | quantity \n"
      "-----------+-------+----------\n"
      " hello     | world |      123 \n"
      " a         | NULL  |      4.5 \n"
      " some long+| more +|     4567 \n"
      " text that+| text  |          \n"
      " does not +|       |          \n"
      " fit on   +|       |          \n"
      " one line  |       |          \n"
      " bye       | done  |      -15 \n"
      "(4 rows)\n");
  EXPECT_EQ(print(OutputFormat::kAligned, {{"first", "varchar"}, {"last", "varchar"}},
                {json::array({"a long line\nwithout wrapping", "text"})}),
      "      first       | last \n"
      "------------------+------\n"
      " a long line      | text \n"
      " without wrapping |      \n"
      "(1 row)\n");
  EXPECT_EQ(print(OutputFormat::kAligned, {{"first", "varchar"}, {"last", "varchar"}}, {}),
      " first | last \n"
      "-------+------\n"
      "(0 rows)\n");
}

TEST(OutputPrinterTest, alignedBinaryAsHex) {
  // "hello" and a 41-byte text, base64-encoded as the protocol sends varbinary.
  std::vector<OutputColumn> columns = {{"first", "varchar"}, {"binary", "varbinary"}, {"last", "varchar"}};
  EXPECT_EQ(print(OutputFormat::kAligned, columns,
                {json::array({"hello", "aGVsbG8=", "world"}),
                    json::array({"a", "c29tZSBsb25nIHRleHQgdGhhdCBpcyBtb3JlIHRoYW4gMTYgYnl0ZXM=", "b"}),
                    json::array({"cat", "", "dog"})}),
      " first |                     binary                      | last  \n"
      "-------+-------------------------------------------------+-------\n"
      " hello | 68 65 6c 6c 6f                                  | world \n"
      " a     | 73 6f 6d 65 20 6c 6f 6e 67 20 74 65 78 74 20 74+| b     \n"
      "       | 68 61 74 20 69 73 20 6d 6f 72 65 20 74 68 61 6e+|       \n"
      "       | 20 31 36 20 62 79 74 65 73                      |       \n"
      " cat   |                                                 | dog   \n"
      "(3 rows)\n");
}

TEST(OutputPrinterTest, vertical) {
  EXPECT_EQ(print(OutputFormat::kVertical, kColumns, sampleRows()),
      "-[ RECORD 1 ]-------\n"
      "first    | hello\n"
      "last     | world\n"
      "quantity | 123\n"
      "-[ RECORD 2 ]-------\n"
      "first    | a\n"
      "last     | NULL\n"
      "quantity | 4.5\n"
      "-[ RECORD 3 ]-------\n"
      "first    | some long\n"
      "         | text that\n"
      "         | does not\n"
      "         | fit on\n"
      "         | one line\n"
      "last     | more\n"
      "         | text\n"
      "quantity | 4567\n"
      "-[ RECORD 4 ]-------\n"
      "first    | bye\n"
      "last     | done\n"
      "quantity | -15\n");
  EXPECT_EQ(print(OutputFormat::kVertical, {{"a", "varchar"}}, {json::array({"x"})}), "-[ RECORD 1 ]\na | x\n");
  EXPECT_EQ(print(OutputFormat::kVertical, {{"shippriority", "varchar"}}, {json::array({"hello"})}),
      "-[ RECORD 1 ]+------\nshippriority | hello\n");
  EXPECT_EQ(print(OutputFormat::kVertical, {{"order_priority", "varchar"}}, {json::array({"hello"})}),
      "-[ RECORD 1 ]--+------\norder_priority | hello\n");
  EXPECT_EQ(print(OutputFormat::kVertical, {{"none", "varchar"}}, {}), "(no rows)\n");
}

TEST(OutputPrinterTest, csv) {
  EXPECT_EQ(print(OutputFormat::kCsv, kColumns, sampleRows()),
      "\"hello\",\"world\",\"123\"\n"
      "\"a\",\"\",\"4.5\"\n"
      "\"some long\ntext that\ndoes not\nfit on\none line\",\"more\ntext\",\"4567\"\n"
      "\"bye\",\"done\",\"-15\"\n");
  EXPECT_EQ(print(OutputFormat::kCsvHeader, {{"a", "varchar"}, {"b\"q", "varchar"}}, {json::array({"say \"hi\"", 1})}),
      "\"a\",\"b\"\"q\"\n\"say \"\"hi\"\"\",\"1\"\n");
  EXPECT_EQ(print(OutputFormat::kCsvHeader, {{"a", "varchar"}}, {}), "\"a\"\n");
}

TEST(OutputPrinterTest, tsv) {
  std::vector<json> rows = {json::array({"hello", "world", 123}), json::array({"a", nullptr, 4.5}),
      json::array({"some long\ntext\tdone", "more\ntext", 4567}), json::array({"bye", "done", -15}),
      json::array({std::string("oops\0a\nb\rc\bd\fe\tf\\g\1done", 23), "escape", 9})};
  EXPECT_EQ(print(OutputFormat::kTsvHeader, kColumns, rows),
      "first\tlast\tquantity\n"
      "hello\tworld\t123\n"
      "a\t\t4.5\n"
      "some long\\ntext\\tdone\tmore\\ntext\t4567\n"
      "bye\tdone\t-15\n"
      "oops\\0a\\nb\\rc\\bd\\fe\\tf\\\\g\1done\tescape\t9\n");
  EXPECT_EQ(print(OutputFormat::kTsvHeader, {{"first", "varchar"}, {"last", "varchar"}}, {}), "first\tlast\n");
  EXPECT_EQ(print(OutputFormat::kTsv, kColumns, {json::array({"hello", "world", 123})}), "hello\tworld\t123\n");
}

TEST(OutputPrinterTest, json) {
  std::vector<json> rows = {json::array({"hello", "world", 123}), json::array({"a", nullptr, 4.5}),
      json::array({"some long\ntext\tdone", "more\ntext", 4567})};
  EXPECT_EQ(print(OutputFormat::kJson, kColumns, rows),
      "{\"first\":\"hello\",\"last\":\"world\",\"quantity\":123}\n"
      "{\"first\":\"a\",\"last\":null,\"quantity\":4.5}\n"
      "{\"first\":\"some long\\ntext\\tdone\",\"last\":\"more\\ntext\",\"quantity\":4567}\n");
  EXPECT_EQ(print(OutputFormat::kJson, {{"first", "varbinary"}, {"last", "varchar"}}, {json::array({"aGVsbG8=", nullptr})}),
      "{\"first\":\"68 65 6c 6c 6f\",\"last\":null}\n");
  EXPECT_EQ(print(OutputFormat::kJson, kColumns, {}), "");
  EXPECT_EQ(print(OutputFormat::kNull, kColumns, rows), "");
}

TEST(OutputPrinterTest, markdown) {
  EXPECT_EQ(print(OutputFormat::kMarkdown, {{"name", "varchar"}, {"n", "bigint"}},
                {json::array({"a|b", 1}), json::array({"two\nlines", 22})}),
      "| name | n |\n| --- | --: |\n| a\\|b | 1 |\n| two<br>lines | 22 |\n");
}

TEST(OutputPrinterTest, nestedValuesAndNumbers) {
  EXPECT_EQ(formatValue(json::array({1, 2, nullptr}), "array(bigint)"), "[1, 2, NULL]");
  EXPECT_EQ(formatValue(json::object({{"a", 1}}), "map(varchar,bigint)"), "{a=1}");
  EXPECT_EQ(formatValue(json::array({1, "x"}), "row(x bigint,y varchar)"), "{x=1, y=x}");
  EXPECT_EQ(formatValue(json::array({1, "x"}), "row(bigint,varchar)"), "{field0=1, field1=x}");
  EXPECT_EQ(formatValue("12.50", "decimal(10,2)"), "12.50");
  EXPECT_EQ(formatValue(true, "boolean"), "true");
  EXPECT_EQ(formatValue("NaN", "double"), "NaN");
  EXPECT_EQ(javaDoubleToString(1.0), "1.0");
  EXPECT_EQ(javaDoubleToString(0.001), "0.001");
  EXPECT_EQ(javaDoubleToString(0.0001), "1.0E-4");
  EXPECT_EQ(javaDoubleToString(1234567.0), "1234567.0");
  EXPECT_EQ(javaDoubleToString(12345678.9), "1.23456789E7");
  EXPECT_EQ(javaDoubleToString(1e10), "1.0E10");
  EXPECT_EQ(javaDoubleToString(-2.5), "-2.5");
  EXPECT_EQ(javaDoubleToString(100.0), "100.0");
  EXPECT_EQ(javaDoubleToString(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(javaDoubleToString(0.0), "0.0");
}

TEST(OutputPrinterTest, parsesFormatNames) {
  EXPECT_EQ(parseOutputFormat("ALIGNED"), OutputFormat::kAligned);
  EXPECT_EQ(parseOutputFormat("csv_header"), OutputFormat::kCsvHeader);
  EXPECT_EQ(parseOutputFormat("Markdown"), OutputFormat::kMarkdown);
  EXPECT_EQ(parseOutputFormat("XML"), std::nullopt);
}

} // namespace
} // namespace presto::cli
