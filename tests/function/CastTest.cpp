#include <cmath>

#include "../expression/ExpressionTestBase.h"

namespace presto::test {
namespace {

class CastTest : public ExpressionTestBase {};

TEST_F(CastTest, varcharToNumbers) {
  EXPECT_EQ(eval("cast(c0 as bigint)", {VARCHAR()}, {"-123"}), Value(int64_t{-123}));
  EXPECT_EQ(eval("cast(c0 as bigint)", {VARCHAR()}, {"+7"}), Value(int64_t{7}));
  EXPECT_EQ(evalErrorMessage("cast(c0 as bigint)", {VARCHAR()}, {"abc"}), "Cannot cast 'abc' to BIGINT");
  EXPECT_EQ(evalError("cast(c0 as bigint)", {VARCHAR()}, {"1.5"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(evalError("cast(c0 as bigint)", {VARCHAR()}, {"99999999999999999999"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(evalErrorMessage("cast(c0 as integer)", {VARCHAR()}, {"3000000000"}), "Cannot cast '3000000000' to INT");
  EXPECT_EQ(evalError("cast(c0 as tinyint)", {VARCHAR()}, {"128"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(eval("cast(c0 as double)", {VARCHAR()}, {" 1.5e3 "}), Value(1500.0));
  EXPECT_EQ(eval("cast(c0 as double)", {VARCHAR()}, {"-Infinity"}), Value(-std::numeric_limits<double>::infinity()));
  EXPECT_EQ(evalError("cast(c0 as double)", {VARCHAR()}, {"x1"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(eval("cast(c0 as real)", {VARCHAR()}, {"0.5"}), Value(0.5f));
  EXPECT_EQ(eval("cast(c0 as boolean)", {VARCHAR()}, {"TRUE"}), Value(true));
  EXPECT_EQ(eval("cast(c0 as boolean)", {VARCHAR()}, {"0"}), Value(false));
  EXPECT_EQ(evalError("cast(c0 as boolean)", {VARCHAR()}, {"yes"}), "INVALID_CAST_ARGUMENT");
}

TEST_F(CastTest, varcharToDecimal) {
  EXPECT_EQ(eval("cast(c0 as decimal(10,2))", {VARCHAR()}, {"12.345"}), Value(int64_t{1235}));
  EXPECT_EQ(eval("cast(c0 as decimal(10,2))", {VARCHAR()}, {"-12.344"}), Value(int64_t{-1234}));
  EXPECT_EQ(eval("cast(c0 as decimal(38,0))", {VARCHAR()}, {"12345678901234567890123"}), int128Value("12345678901234567890123"));
  EXPECT_EQ(evalErrorMessage("cast(c0 as decimal(3,1))", {VARCHAR()}, {"123.4"}),
      "Cannot cast VARCHAR '123.4' to DECIMAL(3, 1). Value too large.");
  EXPECT_EQ(evalErrorMessage("cast(c0 as decimal(3,1))", {VARCHAR()}, {"x"}),
      "Cannot cast VARCHAR 'x' to DECIMAL(3, 1). Value is not a number.");
}

TEST_F(CastTest, varcharToDateAndTimestamp) {
  EXPECT_EQ(eval("cast(c0 as date)", {VARCHAR()}, {"1970-01-02"}), Value(int64_t{1}));
  EXPECT_EQ(eval("cast(c0 as date)", {VARCHAR()}, {"1969-12-31"}), Value(int64_t{-1}));
  EXPECT_EQ(evalErrorMessage("cast(c0 as date)", {VARCHAR()}, {"2021-02-30"}), "Value cannot be cast to date: 2021-02-30");
  EXPECT_EQ(eval("cast(c0 as timestamp)", {VARCHAR()}, {"1970-01-01 00:00:01.5"}), Value(int64_t{1500}));
  EXPECT_EQ(eval("cast(c0 as timestamp)", {VARCHAR()}, {"1970-01-02"}), Value(int64_t{86400000}));
}

TEST_F(CastTest, toVarchar) {
  EXPECT_EQ(eval("cast(c0 as varchar)", {BIGINT()}, {int64_t{-42}}), Value("-42"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DOUBLE()}, {1.0}), Value("1.0"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DOUBLE()}, {0.001}), Value("0.001"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DOUBLE()}, {1e7}), Value("1.0E7"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DOUBLE()}, {1.234e-5}), Value("1.234E-5"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DOUBLE()}, {std::nan("")}), Value("NaN"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {REAL()}, {1.5f}), Value("1.5"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {BOOLEAN()}, {true}), Value("true"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DECIMAL(5, 2)}, {int64_t{-5}}), Value("-0.05"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {DATE()}, {int64_t{10957}}), Value("2000-01-01"));
  EXPECT_EQ(eval("cast(c0 as varchar)", {TIMESTAMP()}, {int64_t{1500}}), Value("1970-01-01 00:00:01.500"));
  EXPECT_EQ(eval("cast(c0 as varchar(3))", {VARCHAR()}, {"abcdef"}), Value("abc"));
}

TEST_F(CastTest, betweenNumbers) {
  EXPECT_EQ(eval("cast(c0 as integer)", {DOUBLE()}, {2.5}), Value(3));
  EXPECT_EQ(eval("cast(c0 as integer)", {DOUBLE()}, {-2.5}), Value(-3));
  EXPECT_EQ(evalError("cast(c0 as integer)", {DOUBLE()}, {1e10}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(evalError("cast(c0 as bigint)", {DOUBLE()}, {std::nan("")}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(evalErrorMessage("cast(c0 as tinyint)", {INTEGER()}, {300}), "Out of range for tinyint: 300");
  EXPECT_EQ(eval("cast(c0 as double)", {BIGINT()}, {int64_t{3}}), Value(3.0));
  EXPECT_EQ(eval("cast(c0 as boolean)", {BIGINT()}, {int64_t{3}}), Value(true));
  EXPECT_EQ(eval("cast(c0 as bigint)", {BOOLEAN()}, {true}), Value(int64_t{1}));
}

TEST_F(CastTest, decimals) {
  EXPECT_EQ(eval("cast(c0 as decimal(5,2))", {BIGINT()}, {int64_t{12}}), Value(int64_t{1200}));
  EXPECT_EQ(evalErrorMessage("cast(c0 as decimal(3,0))", {BIGINT()}, {int64_t{12345}}),
      "Cannot cast BIGINT '12345' to DECIMAL(3, 0)");
  EXPECT_EQ(eval("cast(c0 as decimal(4,1))", {DECIMAL(5, 2)}, {int64_t{1255}}), Value(int64_t{126}));
  EXPECT_EQ(eval("cast(c0 as decimal(4,1))", {DECIMAL(5, 2)}, {int64_t{-1255}}), Value(int64_t{-126}));
  EXPECT_EQ(eval("cast(c0 as bigint)", {DECIMAL(5, 2)}, {int64_t{250}}), Value(int64_t{3}));
  EXPECT_EQ(eval("cast(c0 as double)", {DECIMAL(5, 2)}, {int64_t{250}}), Value(2.5));
  EXPECT_EQ(eval("cast(c0 as decimal(10,2))", {DOUBLE()}, {1.005e0}), Value(int64_t{100}));
  EXPECT_EQ(eval("cast(c0 as decimal(30,2))", {DECIMAL(10, 2)}, {int64_t{-12345}}), Value(int128_t{-12345}));
  EXPECT_EQ(eval("cast(c0 as decimal(10,2))", {DECIMAL(30, 2)}, {int128Value("-12345")}), Value(int64_t{-12345}));
}

TEST_F(CastTest, dateAndTimestamp) {
  EXPECT_EQ(eval("cast(c0 as timestamp)", {DATE()}, {int64_t{1}}), Value(int64_t{86400000}));
  EXPECT_EQ(eval("cast(c0 as date)", {TIMESTAMP()}, {int64_t{-1}}), Value(int64_t{-1}));
}

TEST_F(CastTest, nestedAndNull) {
  EXPECT_EQ(eval("cast(array(c0, 2) as array(varchar))", {BIGINT()}, {int64_t{1}}), Value::array({"1", "2"}));
  EXPECT_EQ(evalError("cast(array(c0) as array(bigint))", {VARCHAR()}, {"x"}), "INVALID_CAST_ARGUMENT");
  EXPECT_EQ(eval("cast(null as bigint)"), Value());
}

TEST_F(CastTest, typeofNamesTheArgumentType) {
  EXPECT_EQ(eval("typeof(c0)", {BIGINT()}, {int64_t{1}}), Value("bigint"));
  EXPECT_EQ(eval("typeof(c0)", {DECIMAL(5, 2)}, {Value()}), Value("decimal(5,2)"));  // NULL has a type too
  EXPECT_EQ(eval("typeof(c0)", {VARCHAR(3)}, {"abc"}), Value("varchar(3)"));
  EXPECT_EQ(eval("typeof(c0)", {TIMESTAMP_WITH_TIME_ZONE()}, {Value(int64_t{0})}), Value("timestamp with time zone"));
  EXPECT_EQ(eval("typeof(null)"), Value("unknown"));
}

} // namespace
} // namespace presto::test
