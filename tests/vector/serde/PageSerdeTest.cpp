#include <fmt/format.h>
#include <gtest/gtest.h>

#include "RandomVectorGenerator.h"
#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/LazyVector.h"
#include "vector/VectorValues.h"
#include "vector/serde/PageDeserializer.h"
#include "vector/serde/PageFormat.h"
#include "vector/serde/PageSerializer.h"

namespace presto::test {
namespace {

// Asserts that two pages hold the same values, row by row and column by column.
void expectSamePage(const Page& expected, const Page& actual) {
  ASSERT_EQ(expected.numRows(), actual.numRows());
  ASSERT_EQ(expected.numColumns(), actual.numColumns());
  for (size_t column = 0; column < expected.numColumns(); ++column) {
    for (vector_size_t row = 0; row < expected.numRows(); ++row) {
      if (!(valueAt(*expected.column(column), row) == valueAt(*actual.column(column), row))) {
        ADD_FAILURE() << "column " << column << " (" << expected.column(column)->type()->toString() << ") row "
                      << row << " differs";
        return;
      }
    }
  }
}

const std::vector<CompressionCodec> kCodecs = {CompressionCodec::kNone, CompressionCodec::kLz4, CompressionCodec::kZstd};

std::vector<TypePtr> typesOf(const Page& page) {
  std::vector<TypePtr> types;
  for (const auto& column : page.columns()) {
    types.push_back(column->type());
  }
  return types;
}

// Serializes, deserializes and checks the values; also checks that serializing the result again
// gives the same bytes (the format is canonical).
Page roundTrip(const Page& page, CompressionCodec codec, bool checksum = true) {
  PageSerializer serializer(checksum);
  std::string bytes = serializer.serialize(page, codec);
  PageDeserializer deserializer(typesOf(page));
  Page result = deserializer.deserialize(bytes);
  expectSamePage(page, result);
  EXPECT_EQ(serializer.serialize(result, codec), bytes) << "serialization is not canonical";
  return result;
}

uint8_t markersOf(const std::string& bytes) {
  return static_cast<uint8_t>(bytes[4]);
}

TEST(PageSerdeTest, everyPrimitiveTypeWithEachCodec) {
  RandomVectorGenerator generator(1);
  for (const auto& type : RandomVectorGenerator::primitiveTypes()) {
    for (auto codec : kCodecs) {
      SCOPED_TRACE(type->toString() + " " + std::string(codecName(codec)));
      roundTrip(Page(100, {generator.randomFlatVector(type, 100)}), codec);
    }
  }
}

TEST(PageSerdeTest, randomPagesOfEveryTypeAndEncoding) {
  for (uint32_t seed = 0; seed < 1000; ++seed) {
    RandomVectorGenerator generator(seed);
    std::vector<TypePtr> types;
    auto numColumns = static_cast<int>(generator.random()() % 6);
    for (int i = 0; i < numColumns; ++i) {
      types.push_back(generator.randomType());
    }
    auto numRows = static_cast<vector_size_t>(generator.random()() % 150);
    Page page = generator.randomPage(types, numRows);
    auto codec = kCodecs[seed % kCodecs.size()];
    SCOPED_TRACE(fmt::format("seed {} codec {}", seed, codecName(codec)));
    roundTrip(page, codec, seed % 4 != 0);
    if (HasFailure()) {
      return;
    }
  }
}

TEST(PageSerdeTest, encodingsArePreserved) {
  auto flat = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(), Value(int64_t{3})});
  auto constant = makeConstant(VARCHAR(), Value("a constant longer than twelve bytes"), 3);
  auto nullConstant = makeConstant(ARRAY(INTEGER()), Value(), 3);
  auto indices = allocateIndices(3);
  indices->asMutable<vector_size_t>()[0] = 2;
  indices->asMutable<vector_size_t>()[2] = 1;
  auto dictionaryNulls = Buffer::allocate(8, true);
  bits::setBit(dictionaryNulls->asMutable<uint64_t>(), 1);
  auto dictionary = wrapInDictionary(dictionaryNulls, indices, 3, flat);
  auto array = vectorFromValues(ARRAY(BIGINT()),
      {Value::array({Value(int64_t{1}), Value()}), Value(), Value::array({})});
  auto map = vectorFromValues(MAP(VARCHAR(), DOUBLE()),
      {Value::map({Value("k")}, {Value(1.5)}), Value::map({}, {}), Value()});
  auto row = vectorFromValues(ROW({"a", "b"}, {INTEGER(), VARCHAR()}),
      {Value::row({Value(int64_t{1}), Value("x")}), Value(), Value::row({Value(), Value()})});
  Page page(3, {flat, constant, nullConstant, dictionary, array, map, row});
  for (auto codec : kCodecs) {
    Page result = roundTrip(page, codec);
    std::vector<VectorEncoding> encodings;
    for (const auto& column : result.columns()) {
      encodings.push_back(column->encoding());
    }
    EXPECT_EQ(encodings,
        (std::vector<VectorEncoding>{VectorEncoding::kFlat, VectorEncoding::kConstant, VectorEncoding::kConstant,
            VectorEncoding::kDictionary, VectorEncoding::kArray, VectorEncoding::kMap, VectorEncoding::kRow}));
  }
}

// Loads a prepared vector and counts the loads.
class CountingLoader : public VectorLoader {
 public:
  CountingLoader(VectorPtr vector, int& loads) : vector_(std::move(vector)), loads_(loads) {}
  VectorPtr load(const SelectivityVector&, vector_size_t) override {
    ++loads_;
    return vector_;
  }

 private:
  VectorPtr vector_;
  int& loads_;
};

TEST(PageSerdeTest, lazyVectorsAreLoadedAndWrittenAsTheirContents) {
  int loads = 0;
  auto contents = makeConstant(BIGINT(), Value(int64_t{42}), 4);
  auto lazy = std::make_shared<LazyVector>(BIGINT(), 4, std::make_unique<CountingLoader>(contents, loads));
  PageSerializer serializer;
  std::string bytes = serializer.serialize(Page(4, {lazy}));
  EXPECT_EQ(loads, 1);
  Page result = PageDeserializer({BIGINT()}).deserialize(bytes);
  EXPECT_EQ(result.column(0)->encoding(), VectorEncoding::kConstant);
  expectSamePage(Page(4, {contents}), result);
}

TEST(PageSerdeTest, emptyPagesAndZeroColumns) {
  for (auto codec : kCodecs) {
    roundTrip(Page(0, {}), codec);
    roundTrip(Page(17, {}), codec);
    RandomVectorGenerator generator(7);
    std::vector<VectorPtr> columns;
    for (const auto& type : RandomVectorGenerator::primitiveTypes()) {
      columns.push_back(generator.randomVector(type, 0));
    }
    columns.push_back(generator.randomVector(ROW({ARRAY(BIGINT()), MAP(VARCHAR(), REAL())}), 0));
    roundTrip(Page(0, columns), codec);
  }
  EXPECT_EQ(PageSerializer().serialize(Page(0, {})).size(), page_format::kHeaderSize + 4);
}

TEST(PageSerdeTest, largeStrings) {
  std::mt19937 random(3);
  std::string noise(3 << 20, ' ');
  for (auto& character : noise) {
    character = static_cast<char>(random());
  }
  std::string repetitive;
  while (repetitive.size() < (2 << 20)) {
    repetitive += "a fairly repetitive line of text, ";
  }
  auto strings = vectorFromValues(VARBINARY(), {Value(noise), Value(), Value(repetitive), Value(""), Value("short")});
  for (auto codec : kCodecs) {
    roundTrip(Page(5, {strings}), codec);
  }
}

TEST(PageSerdeTest, compressesOnlyWhenItSaves) {
  auto repeated = FlatVector<int64_t>::create(BIGINT(), 5000);
  auto noise = FlatVector<int64_t>::create(BIGINT(), 2000);
  std::mt19937 random(5);
  for (vector_size_t row = 0; row < 5000; ++row) {
    repeated->set(row, 123456789);
    if (row < 2000) {
      noise->set(row, static_cast<int64_t>((uint64_t{random()} << 32) | random()));
    }
  }
  Page compressible(5000, {repeated});
  Page incompressible(2000, {noise});
  PageSerializer serializer;
  for (auto codec : {CompressionCodec::kLz4, CompressionCodec::kZstd}) {
    SCOPED_TRACE(codecName(codec));
    std::string plain = serializer.serialize(compressible, CompressionCodec::kNone);
    std::string compressed = serializer.serialize(compressible, codec);
    EXPECT_TRUE(markersOf(compressed) & page_format::kCompressed);
    EXPECT_EQ(static_cast<bool>(markersOf(compressed) & page_format::kZstd), codec == CompressionCodec::kZstd);
    EXPECT_LT(compressed.size(), plain.size() / 10);
    std::string kept = serializer.serialize(incompressible, codec);
    EXPECT_EQ(markersOf(kept), page_format::kChecksummed);
    EXPECT_EQ(kept, serializer.serialize(incompressible, CompressionCodec::kNone));
    roundTrip(compressible, codec);
    roundTrip(incompressible, codec);
  }
}

TEST(PageSerdeTest, pagesBackToBack) {
  RandomVectorGenerator generator(11);
  std::vector<TypePtr> types = {BIGINT(), ARRAY(VARCHAR())};
  std::vector<Page> pages;
  std::string stream;
  PageSerializer serializer;
  for (int i = 0; i < 3; ++i) {
    pages.push_back(generator.randomPage(types, 50 * i));
    serializer.serialize(pages.back(), kCodecs[static_cast<size_t>(i)], stream);
  }
  PageDeserializer deserializer(types);
  std::string_view input = stream;
  for (const auto& page : pages) {
    auto header = SerializedPageHeader::parse(input);
    EXPECT_EQ(header.numRows, page.numRows());
    expectSamePage(page, deserializer.readNext(input));
  }
  EXPECT_TRUE(input.empty());
}

TEST(PageSerdeTest, dictionaryShipsOnlyReferencedRows) {
  std::vector<Value> words;
  for (int i = 0; i < 10000; ++i) {
    words.push_back(Value(fmt::format("word number {} of many", i)));
  }
  auto base = vectorFromValues(VARCHAR(), words);
  auto indices = allocateIndices(4);
  auto* ids = indices->asMutable<vector_size_t>();
  ids[0] = 9000;
  ids[1] = 5;
  ids[2] = 9000;
  ids[3] = 77;
  Page page(4, {wrapInDictionary(nullptr, indices, 4, base)});
  std::string bytes = PageSerializer().serialize(page);
  EXPECT_LT(bytes.size(), 200u);
  Page result = roundTrip(page, CompressionCodec::kNone);
  EXPECT_EQ(result.column(0)->as<DictionaryVector>()->valueVector()->size(), 3);
}

TEST(PageSerdeTest, pageUsesTheFirstRowsOfLongerColumns) {
  auto column = vectorFromValues(INTEGER(), {Value(int64_t{1}), Value(), Value(int64_t{3}), Value(int64_t{4})});
  Page page(2, {column});
  Page result = roundTrip(page, CompressionCodec::kNone);
  EXPECT_EQ(result.column(0)->size(), 2);
}

TEST(PageSerdeTest, deeplyNestedTypes) {
  TypePtr type = BIGINT();
  Value value(int64_t{7});
  for (int depth = 0; depth < 20; ++depth) {
    if (depth % 3 == 0) {
      type = ARRAY(type);
      value = Value::array({value, Value(), value});
    } else if (depth % 3 == 1) {
      type = MAP(VARCHAR(), type);
      value = Value::map({Value("x"), Value("y")}, {value, Value()});
    } else {
      type = ROW({"f", "g"}, {type, TINYINT()});
      value = Value::row({value, Value(int64_t{-1})});
    }
  }
  auto column = vectorFromValues(type, {value, Value(), value});
  for (auto codec : kCodecs) {
    roundTrip(Page(3, {column}), codec);
  }
}

TEST(PageSerdeTest, specialFloatingPointValuesKeepTheirBits) {
  std::vector<double> values = {std::numeric_limits<double>::quiet_NaN(), -0.0,
      std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
      std::numeric_limits<double>::denorm_min()};
  auto vector = FlatVector<double>::create(DOUBLE(), 5);
  for (vector_size_t i = 0; i < 5; ++i) {
    vector->set(i, values[static_cast<size_t>(i)]);
  }
  std::string bytes = PageSerializer().serialize(Page(5, {vector}));
  Page result = PageDeserializer({DOUBLE()}).deserialize(bytes);
  const auto* read = result.column(0)->as<FlatVector<double>>();
  for (vector_size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(std::memcmp(&values[static_cast<size_t>(i)], read->rawValues() + i, sizeof(double)), 0);
  }
}

} // namespace
} // namespace presto::test
