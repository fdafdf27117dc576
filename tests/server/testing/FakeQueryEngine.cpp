#include "FakeQueryEngine.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <regex>

#include "type/DateTime.h"
#include "vector/VectorValues.h"

namespace presto::server::test {
namespace {

using namespace std::chrono_literals;

PagePtr singleRowPage(const std::vector<Column>& columns, const std::vector<Value>& values) {
  std::vector<VectorPtr> vectors;
  for (size_t i = 0; i < columns.size(); ++i) {
    vectors.push_back(vectorFromValues(columns[i].type, {values[i]}));
  }
  return std::make_shared<Page>(std::move(vectors));
}

void finishUpdate(QueryOutput& output, const std::string& updateType, SessionUpdates updates) {
  std::vector<Column> columns{{"result", BOOLEAN()}};
  output.setState(QueryState::kRunning);
  output.setColumns(columns);
  output.addPage(singleRowPage(columns, {Value(true)}));
  output.setUpdate(updateType, std::nullopt);
  output.setSessionUpdates(std::move(updates));
  output.finish();
}

/// Sleeps up to `duration`, waking early when the query is aborted; returns false if it was.
bool sleepUnlessAborted(QueryOutput& output, std::chrono::milliseconds duration) {
  auto end = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < end) {
    if (output.isAborted()) {
      return false;
    }
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(2ms, end - std::chrono::steady_clock::now()));
  }
  return !output.isAborted();
}

/// Blocks the producing thread until the buffer has room or the query is aborted.
void waitForBuffer(QueryOutput& output) {
  auto state = std::make_shared<std::pair<std::mutex, std::condition_variable>>();
  auto ready = std::make_shared<bool>(false);
  output.onBufferAvailable([state, ready] {
    std::lock_guard lock(state->first);
    *ready = true;
    state->second.notify_all();
  });
  std::unique_lock lock(state->first);
  while (!*ready && !output.isAborted()) {
    state->second.wait_for(lock, 5ms);
  }
}

void streamRows(std::shared_ptr<QueryOutput> output, int64_t pages, int64_t rowsPerPage, int64_t delayMillis) {
  std::vector<Column> columns{{"n", BIGINT()}};
  output->setState(QueryState::kStarting);
  output->setColumns(columns);
  output->setState(QueryState::kRunning);
  int64_t next = 0;
  for (int64_t page = 0; page < pages; ++page) {
    if (!sleepUnlessAborted(*output, std::chrono::milliseconds(delayMillis))) {
      return;
    }
    std::vector<Value> values;
    for (int64_t row = 0; row < rowsPerPage; ++row) {
      values.emplace_back(next++);
    }
    QueryProgress progress;
    progress.nodes = 1;
    progress.totalSplits = static_cast<int32_t>(pages);
    progress.completedSplits = static_cast<int32_t>(page + 1);
    progress.processedRows = next;
    output->setProgress(progress);
    if (!output->addPage(std::make_shared<Page>(std::vector<VectorPtr>{vectorFromValues(BIGINT(), values)}))) {
      waitForBuffer(*output);
    }
  }
  output->finish();
}

void selectTypes(QueryOutput& output) {
  std::vector<Column> columns{{"b", BOOLEAN()}, {"i", INTEGER()}, {"big", BIGINT()}, {"d", DOUBLE()},
      {"nan", DOUBLE()}, {"dec", DECIMAL(10, 2)}, {"s", VARCHAR()}, {"bin", VARBINARY()}, {"day", DATE()},
      {"ts", TIMESTAMP()}, {"arr", ARRAY(BIGINT())}, {"m", MAP(VARCHAR(), BIGINT())},
      {"r", ROW({"x", "y"}, {BIGINT(), VARCHAR()})}, {"nul", BIGINT()}};
  int64_t day = *parseDate("2001-08-22");
  std::vector<Value> values{Value(true), Value(int64_t{42}), Value(int64_t{1234567890123}), Value(1.5),
      Value(std::nan("")), Value(int64_t{12345}), Value("héllo"), Value(std::string("foo")), Value(day),
      Value(day * kMillisPerDay + 11045321), Value::array({Value(int64_t{1}), Value(int64_t{2})}),
      Value::map({Value("a")}, {Value(int64_t{1})}), Value::row({Value(int64_t{7}), Value("z")}), Value()};
  output.setState(QueryState::kRunning);
  output.setColumns(columns);
  output.addPage(singleRowPage(columns, values));
  output.finish();
}

void selectSession(const Session& session, QueryOutput& output) {
  std::vector<Column> columns{{"user", VARCHAR()}, {"source", VARCHAR()}, {"catalog", VARCHAR()},
      {"schema", VARCHAR()}, {"time_zone", VARCHAR()}, {"client_info", VARCHAR()},
      {"properties", MAP(VARCHAR(), VARCHAR())}, {"prepared", MAP(VARCHAR(), VARCHAR())}};
  std::vector<Value> propertyNames, propertyValues, preparedNames, preparedValues;
  for (const auto& [name, value] : session.systemProperties) {
    propertyNames.emplace_back(name);
    propertyValues.emplace_back(value);
  }
  for (const auto& [catalog, properties] : session.catalogProperties) {
    for (const auto& [name, value] : properties) {
      propertyNames.emplace_back(catalog + "." + name);
      propertyValues.emplace_back(value);
    }
  }
  for (const auto& [name, sql] : session.preparedStatements) {
    preparedNames.emplace_back(name);
    preparedValues.emplace_back(sql);
  }
  auto optionalText = [](const std::optional<std::string>& text) { return text ? Value(*text) : Value(); };
  std::vector<Value> values{Value(session.user), Value(session.source), optionalText(session.catalog),
      optionalText(session.schema), Value(session.timeZone), Value(session.clientInfo),
      Value::map(propertyNames, propertyValues), Value::map(preparedNames, preparedValues)};
  output.setState(QueryState::kRunning);
  output.setColumns(columns);
  output.addPage(singleRowPage(columns, values));
  output.finish();
}

std::string trimmed(const std::string& sql) {
  size_t begin = sql.find_first_not_of(" \t\r\n");
  size_t end = sql.find_last_not_of(" \t\r\n;");
  return begin == std::string::npos ? "" : sql.substr(begin, end - begin + 1);
}

} // namespace

FakeQueryEngine::~FakeQueryEngine() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);
  }
  for (auto& thread : threads) {
    thread.join();
  }
}

int64_t FakeQueryEngine::executedCount() const {
  std::lock_guard lock(mutex_);
  return executed_;
}

void FakeQueryEngine::runAsync(std::function<void()> work) {
  std::lock_guard lock(mutex_);
  threads_.emplace_back(std::move(work));
}

void FakeQueryEngine::execute(const Session& session, const std::string& sqlText, std::shared_ptr<QueryOutput> output) {
  {
    std::lock_guard lock(mutex_);
    ++executed_;
  }
  const auto icase = std::regex::icase;
  std::string sql = trimmed(sqlText);
  std::smatch match;
  if (std::regex_match(sql, match, std::regex(R"(SELECT\s+(-?\d+)(\s+AS\s+(\w+))?)", icase))) {
    std::vector<Column> columns{{match[3].matched ? match[3].str() : "_col0", INTEGER()}};
    output->setState(QueryState::kRunning);
    output->setColumns(columns);
    output->addPage(singleRowPage(columns, {Value(int64_t{std::stoll(match[1])})}));
    output->finish();
  } else if (std::regex_match(sql, match, std::regex(R"(SELECT \* FROM stream\((\d+),\s*(\d+),\s*(\d+)\))", icase))) {
    int64_t pages = std::stoll(match[1]), rows = std::stoll(match[2]), delay = std::stoll(match[3]);
    runAsync([output, pages, rows, delay] { streamRows(output, pages, rows, delay); });
  } else if (std::regex_match(sql, match, std::regex(R"(SELECT \* FROM sleep\((\d+)\))", icase))) {
    int64_t delay = std::stoll(match[1]);
    runAsync([output, delay] { streamRows(output, 1, 1, delay); });
  } else if (std::regex_match(sql, std::regex(R"(SELECT \* FROM types)", icase))) {
    selectTypes(*output);
  } else if (std::regex_match(sql, std::regex(R"(SELECT \* FROM session)", icase))) {
    selectSession(session, *output);
  } else if (std::regex_match(sql, std::regex(R"(SELECT \* FORM .*)", icase))) {
    output->fail(PrestoException(errors::SYNTAX_ERROR, SourceLocation{1, 10}, "mismatched input 'FORM'. Expecting: <EOF>"));
  } else if (std::regex_match(sql, match, std::regex(R"(SELECT \* FROM (missing\w*))", icase))) {
    output->fail(PrestoException(errors::SYNTAX_ERROR, SourceLocation{1, 15},
        "Table '" + session.catalog.value_or("?") + "." + session.schema.value_or("?") + "." + match[1].str() +
            "' does not exist"));
  } else if (std::regex_match(sql, std::regex(R"(SELECT fail_internal)", icase))) {
    output->fail(PrestoException(errors::GENERIC_INTERNAL_ERROR, "something broke"));
  } else if (std::regex_match(sql, match, std::regex(R"(USE\s+(\w+)\.(\w+))", icase))) {
    SessionUpdates updates;
    updates.setCatalog = match[1];
    updates.setSchema = match[2];
    finishUpdate(*output, "USE", std::move(updates));
  } else if (std::regex_match(sql, match, std::regex(R"(SET SESSION\s+([\w.]+)\s*=\s*'?([^']*)'?)", icase))) {
    SessionUpdates updates;
    updates.setProperties[match[1]] = match[2];
    finishUpdate(*output, "SET SESSION", std::move(updates));
  } else if (std::regex_match(sql, match, std::regex(R"(RESET SESSION\s+([\w.]+))", icase))) {
    SessionUpdates updates;
    updates.resetProperties.insert(match[1]);
    finishUpdate(*output, "RESET SESSION", std::move(updates));
  } else if (std::regex_match(sql, match, std::regex(R"(PREPARE\s+(\w+)\s+FROM\s+([\s\S]+))", icase))) {
    SessionUpdates updates;
    updates.addedPreparedStatements[match[1]] = match[2];
    finishUpdate(*output, "PREPARE", std::move(updates));
  } else if (std::regex_match(sql, match, std::regex(R"(DEALLOCATE PREPARE\s+(\w+))", icase))) {
    SessionUpdates updates;
    updates.deallocatedPreparedStatements.insert(match[1]);
    finishUpdate(*output, "DEALLOCATE", std::move(updates));
  } else if (std::regex_match(sql, std::regex(R"(INSERT\s[\s\S]*)", icase))) {
    std::vector<Column> columns{{"rows", BIGINT()}};
    output->setColumns(columns);
    output->addPage(singleRowPage(columns, {Value(int64_t{3})}));
    output->setUpdate("INSERT", 3);
    output->finish();
  } else {
    std::string word = sql.substr(0, sql.find_first_of(" \t\r\n"));
    output->fail(PrestoException(errors::SYNTAX_ERROR, SourceLocation{1, 1}, "mismatched input '" + word + "'"));
  }
}

} // namespace presto::server::test
