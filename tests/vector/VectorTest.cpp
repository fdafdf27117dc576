#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/LazyVector.h"
#include "vector/Page.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

std::vector<std::string> render(const BaseVector& vector) {
  std::vector<std::string> result;
  for (vector_size_t i = 0; i < vector.size(); ++i) {
    result.push_back(vector.toString(i));
  }
  return result;
}

using Strings = std::vector<std::string>;

TEST(VectorTest, flatFixedWidthWithNulls) {
  auto vector = FlatVector<int64_t>::create(BIGINT(), 3);
  vector->set(0, 10);
  vector->setNull(1, true);
  vector->set(2, -3);
  EXPECT_TRUE(vector->mayHaveNulls());
  EXPECT_EQ(render(*vector), (Strings{"10", "NULL", "-3"}));
  vector->set(1, 7);  // setting a value clears its null bit
  EXPECT_EQ(render(*vector), (Strings{"10", "7", "-3"}));
  vector->resize(200);
  EXPECT_EQ(vector->size(), 200);
  EXPECT_EQ(vector->valueAt(2), -3);
  EXPECT_EQ(vector->valueAt(199), 0);
  EXPECT_FALSE(vector->isNullAt(150));
}

TEST(VectorTest, flatStringsOwnTheirBytes) {
  auto vector = FlatVector<StringView>::create(VARCHAR(), 3);
  {
    std::string temporary = "a long string that does not fit inline";
    vector->setString(0, temporary);
    vector->setString(1, "short");
    temporary.assign(temporary.size(), 'x');
  }
  vector->setNull(2, true);
  EXPECT_EQ(render(*vector), (Strings{"a long string that does not fit inline", "short", "NULL"}));
  EXPECT_GT(vector->retainedBytes(), 32u * 1024);
}

TEST(VectorTest, everyPrimitiveTypeRoundTripsThroughValues) {
  struct Case {
    TypePtr type;
    std::vector<Value> values;
    Strings expected;
  };
  std::vector<Case> cases = {
      {BOOLEAN(), {Value(true), Value(), Value(false)}, {"true", "NULL", "false"}},
      {TINYINT(), {Value(int64_t{-128}), Value(int64_t{127})}, {"-128", "127"}},
      {SMALLINT(), {Value(int64_t{-32768}), Value()}, {"-32768", "NULL"}},
      {INTEGER(), {Value(int64_t{2147483647})}, {"2147483647"}},
      {BIGINT(), {Value(int64_t{-9223372036854775807 - 1})}, {"-9223372036854775808"}},
      {REAL(), {Value(1.5f)}, {"1.5"}},
      {DOUBLE(), {Value(0.25), Value()}, {"0.25", "NULL"}},
      {DECIMAL(15, 2), {Value(int64_t{-12345})}, {"-123.45"}},
      {DECIMAL(38, 10), {Value(static_cast<int128_t>(1) << 100)}, {"126765060022822940149.6703205376"}},
      {VARCHAR(25), {Value("Customer#000000001"), Value("")}, {"Customer#000000001", ""}},
      {CHAR(1), {Value("F")}, {"F"}},
      {VARBINARY(), {Value(std::string("\x00\x10", 2))}, {"00 10"}},
      {DATE(), {Value(int64_t{10471})}, {"1998-09-02"}},
      {TIME(), {Value(int64_t{3723004})}, {"01:02:03.004"}},
      {TIMESTAMP(), {Value(int64_t{998449445321})}, {"2001-08-22 03:04:05.321"}},
      {INTERVAL_YEAR_MONTH(), {Value(int64_t{14})}, {"14"}},
      {JSON(), {Value("{\"a\":1}")}, {"{\"a\":1}"}},
      {UNKNOWN(), {Value(), Value()}, {"NULL", "NULL"}},
  };
  for (const auto& testCase : cases) {
    auto vector = vectorFromValues(testCase.type, testCase.values);
    EXPECT_EQ(vector->encoding(), VectorEncoding::kFlat);
    EXPECT_EQ(render(*vector), testCase.expected) << testCase.type->toString();
    for (size_t i = 0; i < testCase.values.size(); ++i) {
      EXPECT_EQ(valueAt(*vector, static_cast<vector_size_t>(i)), testCase.values[i]) << testCase.type->toString();
    }
  }
}

TEST(VectorTest, nestedTypes) {
  auto arrayType = ARRAY(BIGINT());
  auto arrays = vectorFromValues(arrayType,
      {Value::array({Value(int64_t{1}), Value(int64_t{2})}), Value(), Value::array({}), Value::array({Value()})});
  EXPECT_EQ(arrays->encoding(), VectorEncoding::kArray);
  EXPECT_EQ(render(*arrays), (Strings{"[1, 2]", "NULL", "[]", "[NULL]"}));
  EXPECT_EQ(arrays->as<ArrayVector>()->offsetAt(3), 2);

  auto mapType = MAP(VARCHAR(), ARRAY(DOUBLE()));
  auto maps = vectorFromValues(mapType,
      {Value::map({Value("k")}, {Value::array({Value(1.5)})}), Value::map({}, {}), Value()});
  EXPECT_EQ(render(*maps), (Strings{"{k=[1.5]}", "{}", "NULL"}));

  auto rowType = ROW({"a", "b"}, {INTEGER(), ROW({"c"}, {VARCHAR()})});
  auto rows = vectorFromValues(rowType,
      {Value::row({Value(int64_t{1}), Value::row({Value("x")})}), Value(), Value::row({Value(), Value()})});
  EXPECT_EQ(render(*rows), (Strings{"{a=1, b={c=x}}", "NULL", "{a=NULL, b=NULL}"}));
}

TEST(VectorTest, constantAndDictionaryWrappers) {
  auto constant = makeConstant(VARCHAR(), Value("same"), 1000);
  EXPECT_EQ(constant->encoding(), VectorEncoding::kConstant);
  EXPECT_EQ(constant->toString(999), "same");
  EXPECT_FALSE(constant->mayHaveNulls());
  auto nullConstant = makeConstant(BIGINT(), Value(), 5);
  EXPECT_TRUE(nullConstant->isNullAt(3));

  auto base = vectorFromValues(BIGINT(), {Value(int64_t{10}), Value(), Value(int64_t{30})});
  auto indices = allocateIndices(4);
  auto* raw = indices->asMutable<vector_size_t>();
  raw[0] = 2;
  raw[1] = 1;
  raw[2] = 0;
  raw[3] = 2;
  auto nulls = Buffer::allocate(8, true);
  bits::setBit(nulls->asMutable<uint64_t>(), 3);
  auto dictionary = wrapInDictionary(nulls, indices, 4, base);
  EXPECT_EQ(render(*dictionary), (Strings{"30", "NULL", "10", "NULL"}));
  EXPECT_EQ(dictionary->wrappedIndex(0), 2);
  EXPECT_EQ(dictionary->wrappedVector(), base.get());
  auto nested = wrapInDictionary(nullptr, indices, 4, dictionary);
  EXPECT_EQ(render(*nested), (Strings{"10", "NULL", "30", "10"}));
}

class CountingLoader : public VectorLoader {
 public:
  explicit CountingLoader(int& calls) : calls_(calls) {}
  VectorPtr load(const SelectivityVector& rows, vector_size_t size) override {
    ++calls_;
    auto vector = FlatVector<int32_t>::create(INTEGER(), size);
    rows.applyToSelected([&](vector_size_t row) { vector->set(row, row * 10); });
    return vector;
  }

 private:
  int& calls_;
};

TEST(VectorTest, lazyLoadsOnceOnFirstAccess) {
  int calls = 0;
  auto lazy = std::make_shared<LazyVector>(INTEGER(), 4, std::make_unique<CountingLoader>(calls));
  EXPECT_FALSE(lazy->isLoaded());
  EXPECT_EQ(lazy->retainedBytes(), 0u);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(lazy->toString(3), "30");
  EXPECT_TRUE(lazy->isLoaded());
  EXPECT_EQ(render(*lazy), (Strings{"0", "10", "20", "30"}));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(loadedVectorOf(lazy)->encoding(), VectorEncoding::kFlat);
}

TEST(VectorTest, createAndResizeEveryShape) {
  auto type = ROW({"a", "b", "c"}, {ARRAY(VARCHAR()), MAP(BIGINT(), DOUBLE()), DECIMAL(20, 2)});
  auto vector = BaseVector::create(type, 3);
  EXPECT_EQ(render(*vector), (Strings{"{a=[], b={}, c=0.00}", "{a=[], b={}, c=0.00}", "{a=[], b={}, c=0.00}"}));
  vector->setNull(1, true);
  vector->resize(130);
  EXPECT_TRUE(vector->isNullAt(1));
  EXPECT_FALSE(vector->isNullAt(129));
  EXPECT_EQ(vector->toString(129), "{a=[], b={}, c=0.00}");
  EXPECT_EQ(vector->describe(), "[ROW row(a array(varchar),b map(bigint,double),c decimal(20,2)): 130 rows]");
}

TEST(PageTest, rowsAndColumns) {
  Page page({vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(int64_t{2})}),
      vectorFromValues(VARCHAR(), {Value("a"), Value()})});
  EXPECT_EQ(page.numRows(), 2);
  EXPECT_EQ(page.numColumns(), 2u);
  EXPECT_EQ(page.toString(), "1, a\n2, NULL\n");
  EXPECT_GT(page.retainedBytes(), 0u);
  EXPECT_THROW(Page(5, {vectorFromValues(BIGINT(), {Value(int64_t{1})})}), PrestoException);
}

} // namespace
} // namespace presto
