// Writes the eight TPC-H tables of one scale factor as dbgen-style .tbl files, straight from the
// tpch connector's generator (the same rows the engine's tpch catalog serves), so that another
// engine can load exactly the data ours reads. Every table is cut into one contiguous row range
// per thread; range k goes to TABLE.tbl.k (dbgen's naming for chunked output), and a file named
// COMPLETE is written last so that an interrupted export is never mistaken for a finished one.
//
//   tpch_tbl_export SCALE_FACTOR DIRECTORY [THREADS]

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "connector/tpch/TblRenderer.h"
#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchGenerator.h"
#include "connector/tpch/TpchReader.h"

namespace presto::tpch {
namespace {

constexpr int64_t kBatchRows = 8192;
constexpr size_t kFlushBytes = 8 << 20;

/// Renders rows [begin, end) of `table` into `path`.
void exportRange(const TpchGenerator& generator, TpchTable table, int64_t begin, int64_t end,
    const std::filesystem::path& path) {
  std::vector<int32_t> ordinals(tableColumns(table).size());
  std::iota(ordinals.begin(), ordinals.end(), 0);
  TpchReader reader(generator, table, begin, end, ordinals);
  TblRenderer renderer(table);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
  TpchBatch batch;
  std::string text;
  while (reader.next(kBatchRows, batch)) {
    renderer.render(batch, text);
    if (text.size() >= kFlushBytes) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out.flush()) {
    throw std::runtime_error("write failed: " + path.string());
  }
}

int run(double scaleFactor, const std::filesystem::path& directory, int threads) {
  std::filesystem::create_directories(directory);
  std::filesystem::remove(directory / "COMPLETE");
  TpchGenerator generator(scaleFactor);
  for (TpchTable table : kAllTpchTables) {
    const int64_t rows = generator.rowCount(table);
    // Tiny tables are not worth splitting; their single chunk is still named .tbl.0.
    const int parts = rows < 100000 ? 1 : threads;
    std::vector<std::thread> workers;
    std::vector<std::string> errors(parts);
    for (int part = 0; part < parts; ++part) {
      const int64_t begin = rows * part / parts;
      const int64_t end = rows * (part + 1) / parts;
      const auto path = directory / (std::string(tableName(table)) + ".tbl." + std::to_string(part));
      workers.emplace_back([&, table, begin, end, path, part] {
        try {
          exportRange(generator, table, begin, end, path);
        } catch (const std::exception& error) {
          errors[part] = error.what();
        }
      });
    }
    for (auto& worker : workers) {
      worker.join();
    }
    for (const auto& error : errors) {
      if (!error.empty()) {
        std::cerr << "tpch_tbl_export: " << error << "\n";
        return 1;
      }
    }
    std::cerr << "  " << tableName(table) << ": " << rows << " rows\n";
  }
  std::ofstream(directory / "COMPLETE") << scaleFactor << "\n";
  return 0;
}

} // namespace
} // namespace presto::tpch

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: tpch_tbl_export SCALE_FACTOR DIRECTORY [THREADS]\n";
    return 2;
  }
  const double scaleFactor = std::strtod(argv[1], nullptr);
  const int threads = argc == 4 ? std::atoi(argv[3]) : static_cast<int>(std::thread::hardware_concurrency());
  try {
    return presto::tpch::run(scaleFactor, argv[2], std::max(1, threads));
  } catch (const std::exception& error) {
    std::cerr << "tpch_tbl_export: " << error.what() << "\n";
    return 1;
  }
}
