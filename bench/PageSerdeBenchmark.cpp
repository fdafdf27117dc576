// Throughput of the page wire format: serializing and deserializing a TPC-H-lineitem-like page
// (4096 rows: bigint keys, short decimals, dates, one-letter flags, short strings from small domains
// and a free-text comment) with each codec. MB/s are of uncompressed payload bytes, so codecs
// compare on the same work; `ratio` is uncompressed payload / bytes on the wire.

#include <benchmark/benchmark.h>

#include <array>
#include <functional>
#include <random>

#include "vector/FlatVector.h"
#include "vector/serde/PageDeserializer.h"
#include "vector/serde/PageSerializer.h"

namespace presto {
namespace {

constexpr vector_size_t kRows = 4096;

template <typename T, typename Generate>
VectorPtr flat(const TypePtr& type, Generate generate) {
  auto vector = FlatVector<T>::create(type, kRows);
  for (vector_size_t row = 0; row < kRows; ++row) {
    vector->set(row, generate(row));
  }
  return vector;
}

VectorPtr strings(const TypePtr& type, const std::function<std::string(vector_size_t)>& generate) {
  auto vector = FlatVector<StringView>::create(type, kRows);
  for (vector_size_t row = 0; row < kRows; ++row) {
    vector->setString(row, generate(row));
  }
  return vector;
}

std::vector<TypePtr> lineitemTypes() {
  return {BIGINT(), BIGINT(), BIGINT(), INTEGER(), DECIMAL(15, 2), DECIMAL(15, 2), DECIMAL(15, 2), DECIMAL(15, 2),
      VARCHAR(1), VARCHAR(1), DATE(), DATE(), DATE(), VARCHAR(25), VARCHAR(10), VARCHAR(44)};
}

Page lineitemPage() {
  static const std::array<const char*, 4> kInstructions = {
      "DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  static const std::array<const char*, 7> kModes = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  static const std::array<const char*, 24> kWords = {"carefully", "final", "deposits", "furiously", "ironic",
      "packages", "requests", "accounts", "slyly", "quickly", "regular", "express", "pending", "bold", "blithely",
      "even", "theodolites", "foxes", "instructions", "pinto", "beans", "across", "the", "haggle"};
  std::mt19937 random(42);
  auto uniform = [&](int64_t low, int64_t high) { return std::uniform_int_distribution<int64_t>(low, high)(random); };
  std::vector<int64_t> orderKeys(kRows);
  std::vector<int32_t> lineNumbers(kRows);
  std::vector<int32_t> orderDates(kRows);
  int64_t orderKey = 1;
  for (vector_size_t row = 0; row < kRows;) {
    auto lines = uniform(1, 7);
    auto orderDate = static_cast<int32_t>(uniform(8035, 10591));  // 1992-01-01 .. 1998-12-31
    for (int32_t line = 1; line <= lines && row < kRows; ++line, ++row) {
      orderKeys[static_cast<size_t>(row)] = orderKey;
      lineNumbers[static_cast<size_t>(row)] = line;
      orderDates[static_cast<size_t>(row)] = orderDate;
    }
    orderKey += orderKey % 8 == 7 ? 25 : 1;  // TPC-H order keys are sparse
  }
  std::vector<int32_t> shipDates(kRows);
  std::vector<int64_t> quantities(kRows);
  auto types = lineitemTypes();
  std::vector<VectorPtr> columns = {
      flat<int64_t>(types[0], [&](auto row) { return orderKeys[static_cast<size_t>(row)]; }),
      flat<int64_t>(types[1], [&](auto) { return uniform(1, 200000); }),
      flat<int64_t>(types[2], [&](auto) { return uniform(1, 10000); }),
      flat<int32_t>(types[3], [&](auto row) { return lineNumbers[static_cast<size_t>(row)]; }),
      flat<int64_t>(types[4], [&](auto row) { return quantities[static_cast<size_t>(row)] = uniform(1, 50) * 100; }),
      flat<int64_t>(types[5], [&](auto row) { return quantities[static_cast<size_t>(row)] * uniform(90000, 200000) / 100; }),
      flat<int64_t>(types[6], [&](auto) { return uniform(0, 10); }),
      flat<int64_t>(types[7], [&](auto) { return uniform(0, 8); }),
      strings(types[8], [&](auto) { return std::string(1, "RAN"[uniform(0, 2)]); }),
      strings(types[9], [&](auto) { return std::string(1, "OF"[uniform(0, 1)]); }),
      flat<int32_t>(types[10], [&](auto row) {
        return shipDates[static_cast<size_t>(row)] = orderDates[static_cast<size_t>(row)] + static_cast<int32_t>(uniform(1, 121));
      }),
      flat<int32_t>(types[11], [&](auto row) { return orderDates[static_cast<size_t>(row)] + static_cast<int32_t>(uniform(30, 90)); }),
      flat<int32_t>(types[12], [&](auto row) { return shipDates[static_cast<size_t>(row)] + static_cast<int32_t>(uniform(1, 30)); }),
      strings(types[13], [&](auto) { return std::string(kInstructions[static_cast<size_t>(uniform(0, 3))]); }),
      strings(types[14], [&](auto) { return std::string(kModes[static_cast<size_t>(uniform(0, 6))]); }),
      strings(types[15], [&](auto) {
        std::string comment;
        auto length = static_cast<size_t>(uniform(10, 43));
        while (comment.size() < length) {
          comment += kWords[static_cast<size_t>(uniform(0, kWords.size() - 1))];
          comment += ' ';
        }
        comment.resize(length);
        return comment;
      }),
  };
  return Page(kRows, std::move(columns));
}

const Page& page() {
  static const Page page = lineitemPage();
  return page;
}

CompressionCodec codecOf(const benchmark::State& state) {
  return static_cast<CompressionCodec>(state.range(0));
}

void reportBytes(benchmark::State& state, const std::string& bytes) {
  auto header = SerializedPageHeader::parse(bytes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * header.uncompressedSize);
  state.counters["ratio"] = static_cast<double>(header.uncompressedSize) / static_cast<double>(header.sizeInBytes);
  state.counters["wire_bytes"] = static_cast<double>(header.totalSize());
  state.SetLabel(std::string(codecName(codecOf(state))));
}

void BM_serialize(benchmark::State& state) {
  PageSerializer serializer;
  std::string bytes;
  for (auto _ : state) {
    bytes.clear();
    serializer.serialize(page(), codecOf(state), bytes);
    benchmark::DoNotOptimize(bytes.data());
  }
  reportBytes(state, bytes);
}

void BM_deserialize(benchmark::State& state) {
  std::string bytes = PageSerializer().serialize(page(), codecOf(state));
  PageDeserializer deserializer(lineitemTypes());
  for (auto _ : state) {
    Page result = deserializer.deserialize(bytes);
    benchmark::DoNotOptimize(result.columns().data());
  }
  reportBytes(state, bytes);
}

BENCHMARK(BM_serialize)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_deserialize)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace presto

BENCHMARK_MAIN();
