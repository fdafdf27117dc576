#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "RandomVectorGenerator.h"
#include "vector/serde/PageSerializer.h"

namespace presto::test {
namespace {

// Writes seed inputs for tests/fuzz/PageDeserializerFuzzer.cpp into the directory named by
// PRESTO_PAGE_FUZZER_SEEDS (skipped when it is not set). An input is: uint16 length of a type
// signature `row(<column types>)`, the signature, one flags byte, then a serialized page.
TEST(FuzzerSeedTest, writeSeeds) {
  const char* directory = std::getenv("PRESTO_PAGE_FUZZER_SEEDS");
  if (directory == nullptr) {
    GTEST_SKIP() << "set PRESTO_PAGE_FUZZER_SEEDS to a directory to write fuzzer seeds";
  }
  std::filesystem::create_directories(directory);
  const CompressionCodec codecs[] = {CompressionCodec::kNone, CompressionCodec::kLz4, CompressionCodec::kZstd};
  PageSerializer serializer;
  for (uint32_t seed = 0; seed < 60; ++seed) {
    RandomVectorGenerator::Options options;
    options.longStringRatio = 0.01;
    RandomVectorGenerator generator(seed, options);
    std::vector<TypePtr> types;
    auto numColumns = 1 + generator.random()() % 3;
    for (uint32_t i = 0; i < numColumns; ++i) {
      types.push_back(generator.randomType());
    }
    // Small pages keep the fuzzer fast; a third are compressed so it reaches the decompressors.
    auto numRows = static_cast<vector_size_t>(generator.random()() % 12);
    Page page = generator.randomPage(types, numRows);
    std::string signature = ROW(types)->toString();
    std::string input;
    auto length = static_cast<uint16_t>(signature.size());
    input.append(reinterpret_cast<const char*>(&length), 2);
    input += signature;
    input += static_cast<char>(seed % 2);
    input += serializer.serialize(page, codecs[seed % 3]);
    std::ofstream(std::filesystem::path(directory) / fmt::format("seed-{:03}", seed), std::ios::binary) << input;
  }
}

} // namespace
} // namespace presto::test
