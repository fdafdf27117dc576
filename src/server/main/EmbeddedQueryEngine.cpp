#include "server/main/EmbeddedQueryEngine.h"

#include <condition_variable>

namespace presto::server {
namespace {

sql::Session toSqlSession(const Session& session) {
  sql::Session result(session.user, session.catalog, session.schema);
  result.setTimeZone(session.timeZone);
  result.setStartTime(std::chrono::duration_cast<std::chrono::milliseconds>(session.startTime.time_since_epoch()).count());
  for (const auto& [name, value] : session.systemProperties) {
    result.setProperty(name, value);
  }
  for (const auto& [catalog, properties] : session.catalogProperties) {
    for (const auto& [name, value] : properties) {
      result.setProperty(catalog + "." + name, value);
    }
  }
  for (const auto& [name, statement] : session.preparedStatements) {
    result.addPreparedStatement(name, statement);
  }
  return result;
}

/// What a statement changed in its session, as the client must apply it.
SessionUpdates sessionUpdates(const sql::Session& before, const sql::Session& after) {
  SessionUpdates updates;
  if (after.catalog() != before.catalog() || after.schema() != before.schema()) {
    updates.setCatalog = after.catalog();
    updates.setSchema = after.schema();
  }
  for (const auto& [name, value] : after.properties()) {
    if (before.property(name) != value) {
      updates.setProperties[name] = value;
    }
  }
  for (const auto& [name, value] : before.properties()) {
    if (!after.property(name)) {
      updates.resetProperties.insert(name);
    }
  }
  for (const auto& [name, statement] : after.preparedStatements()) {
    auto it = before.preparedStatements().find(name);
    if (it == before.preparedStatements().end() || it->second != statement) {
      updates.addedPreparedStatements[name] = statement;
    }
  }
  for (const auto& [name, statement] : before.preparedStatements()) {
    if (!after.preparedStatements().contains(name)) {
      updates.deallocatedPreparedStatements.insert(name);
    }
  }
  return updates;
}

/// Streams a statement's rows into the coordinator's QueryOutput with its back-pressure.
class OutputListener : public engine::StatementListener {
 public:
  explicit OutputListener(std::shared_ptr<QueryOutput> output) : output_(std::move(output)) {}

  void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>& types) override {
    std::vector<Column> columns;
    for (size_t i = 0; i < names.size(); ++i) {
      columns.push_back({names[i], types[i]});
    }
    output_->setColumns(std::move(columns));
    // Planned; the tasks are being created and started.
    output_->setState(QueryState::kStarting);
  }

  void onPage(PagePtr page) override {
    output_->setState(QueryState::kRunning);
    if (output_->addPage(std::move(page))) {
      return;
    }
    // The buffer is full: wait until the client took some pages or the query was aborted.
    auto state = std::make_shared<WakeUp>();
    auto wake = [state] {
      std::lock_guard<std::mutex> lock(state->mutex);
      state->ready = true;
      state->condition.notify_all();
    };
    output_->onBufferAvailable(wake);
    output_->onAbort(wake);
    std::unique_lock<std::mutex> lock(state->mutex);
    state->condition.wait(lock, [&] { return state->ready; });
  }

  bool isCanceled() const override { return output_->isAborted(); }

  void onProgress(const engine::StatementProgress& progress) override {
    output_->setState(QueryState::kRunning);
    QueryProgress reported;
    reported.nodes = progress.nodes;
    reported.totalSplits = static_cast<int32_t>(progress.totalSplits);
    reported.runningSplits = static_cast<int32_t>(progress.runningSplits);
    reported.completedSplits = static_cast<int32_t>(progress.completedSplits);
    reported.cpuTimeMillis = progress.cpuNanos / 1'000'000;
    reported.processedRows = progress.processedRows;
    reported.processedBytes = progress.processedBytes;
    reported.peakMemoryBytes = progress.peakMemoryBytes;
    output_->setProgress(reported);
  }

 private:
  struct WakeUp {
    std::mutex mutex;
    std::condition_variable condition;
    bool ready = false;
  };

  std::shared_ptr<QueryOutput> output_;
};

} // namespace

EmbeddedQueryEngine::~EmbeddedQueryEngine() {
  std::list<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    threads.swap(threads_);
  }
  for (auto& thread : threads) {
    thread.join();
  }
}

void EmbeddedQueryEngine::execute(const Session& session, const std::string& sql, std::shared_ptr<QueryOutput> output) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Reap the threads of queries that ended.
  for (auto id : finished_) {
    for (auto it = threads_.begin(); it != threads_.end(); ++it) {
      if (it->get_id() == id) {
        it->join();
        threads_.erase(it);
        break;
      }
    }
  }
  finished_.clear();
  threads_.emplace_back([this, session, sql, output] {
    run(session, sql, output);
    std::lock_guard<std::mutex> lock(mutex_);
    finished_.push_back(std::this_thread::get_id());
  });
}

void EmbeddedQueryEngine::run(const Session& session, const std::string& sql, const std::shared_ptr<QueryOutput>& output) {
  output->setState(QueryState::kPlanning);
  auto sqlSession = toSqlSession(session);
  auto before = sqlSession;
  OutputListener listener(output);
  try {
    auto result = runner_.execute(sqlSession, sql, session.queryId, &listener);
    if (result.updateType) {
      std::vector<Column> columns;
      for (size_t i = 0; i < result.columnNames.size(); ++i) {
        columns.push_back({result.columnNames[i], result.columnTypes[i]});
      }
      output->setColumns(std::move(columns));
      for (auto& page : result.pages) {
        output->addPage(std::move(page));
      }
      output->setUpdate(*result.updateType, result.updateCount);
    }
    auto updates = sessionUpdates(before, sqlSession);
    if (!updates.empty()) {
      output->setSessionUpdates(std::move(updates));
    }
    output->finish();
  } catch (const PrestoException& error) {
    output->fail(error);
  } catch (const std::exception& error) {
    output->fail(PrestoException(errors::GENERIC_INTERNAL_ERROR, error.what()));
  }
}

} // namespace presto::server
