#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presto::cli {

/// What the shell's Tab key completes: SQL keywords, and the catalogs, schemas, tables and columns
/// the session can see. Names are fetched through `rows` (a query run without printing) the first
/// time they are needed after the current catalog or schema changed, then kept.
class SqlCompleter {
 public:
  /// Runs a query and returns its rows as text, or nullopt when it fails.
  using RowSource = std::function<std::optional<std::vector<std::vector<std::string>>>(const std::string& sql)>;

  explicit SqlCompleter(RowSource rows);

  /// Completions of `prefix` (case-insensitive): keywords in the case the prefix is typed in
  /// (upper case unless it holds a lower-case letter), then names, including qualified ones
  /// (`catalog.schema`, `schema.table`, `catalog.schema.table`, `table.column`). Sorted, unique.
  std::vector<std::string> complete(
      std::string_view prefix, const std::optional<std::string>& catalog, const std::optional<std::string>& schema);

 private:
  void refresh(const std::optional<std::string>& catalog, const std::optional<std::string>& schema);

  RowSource rows_;
  std::optional<std::string> fetchedFor_;
  std::vector<std::string> names_;
};

} // namespace presto::cli
