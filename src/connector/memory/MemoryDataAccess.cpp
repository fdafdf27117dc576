#include "connector/memory/MemoryDataAccess.h"

#include "common/Check.h"
#include "connector/memory/MemoryHandles.h"
#include "connector/spi/OrdinalColumnHandle.h"
#include "vector/LazyVector.h"

namespace presto::memory {
namespace {

class MemoryPageSource : public connector::ConnectorPageSource {
 public:
  MemoryPageSource(std::vector<PagePtr> pages, std::vector<int32_t> channels)
      : pages_(std::move(pages)), channels_(std::move(channels)) {}

  PagePtr getNextPage() override {
    if (next_ >= pages_.size()) {
      return nullptr;
    }
    const auto& page = pages_[next_++];
    std::vector<VectorPtr> columns;
    for (auto channel : channels_) {
      columns.push_back(page->column(static_cast<size_t>(channel)));
    }
    completedRows_ += static_cast<uint64_t>(page->numRows());
    completedBytes_ += page->retainedBytes();
    return std::make_shared<Page>(page->numRows(), std::move(columns));
  }

  bool isFinished() const override { return next_ >= pages_.size(); }
  uint64_t completedBytes() const override { return completedBytes_; }
  uint64_t completedRows() const override { return completedRows_; }
  void close() override { next_ = pages_.size(); }

 private:
  std::vector<PagePtr> pages_;
  std::vector<int32_t> channels_;
  size_t next_ = 0;
  uint64_t completedBytes_ = 0;
  uint64_t completedRows_ = 0;
};

class MemoryPageSink : public connector::ConnectorPageSink {
 public:
  MemoryPageSink(MemoryStore& store, int64_t insertId) : store_(store), insertId_(insertId) {}

  void appendPage(const Page& page) override {
    // Load lazy columns so the stored page no longer depends on its source.
    std::vector<VectorPtr> columns;
    for (const auto& column : page.columns()) {
      columns.push_back(loadedVectorOf(column));
    }
    store_.stage(insertId_, std::make_shared<Page>(page.numRows(), std::move(columns)));
  }
  std::vector<std::string> finish() override { return {std::to_string(insertId_)}; }
  void abort() override { store_.abort(insertId_); }

 private:
  MemoryStore& store_;
  int64_t insertId_;
};

} // namespace

std::unique_ptr<connector::SplitSource> MemorySplitManager::getSplits(
    const connector::TableHandlePtr& table, const connector::SplitContext&) {
  const auto& handle = dynamic_cast<const MemoryTableHandle&>(*table);
  std::vector<connector::ConnectorSplitPtr> splits;
  for (int32_t part = 0; part < splitsPerNode_; ++part) {
    splits.push_back(std::make_shared<MemorySplit>(handle.tableId(), part, splitsPerNode_, nodeId_));
  }
  return std::make_unique<connector::FixedSplitSource>(std::move(splits));
}

std::unique_ptr<connector::ConnectorPageSource> MemoryPageSourceProvider::createPageSource(
    const connector::ConnectorSplitPtr& split, const connector::TableHandlePtr&,
    const std::vector<connector::ColumnHandlePtr>& columns, const connector::TupleDomain&) {
  const auto& memorySplit = dynamic_cast<const MemorySplit&>(*split);
  auto table = store_.tableById(memorySplit.tableId());
  PRESTO_USER_CHECK(table.has_value(), errors::NOT_FOUND, "Table was dropped while being read");
  std::vector<PagePtr> pages;
  for (size_t i = static_cast<size_t>(memorySplit.part()); i < table->pages.size();
       i += static_cast<size_t>(memorySplit.totalParts())) {
    pages.push_back(table->pages[i]);
  }
  std::vector<int32_t> channels;
  for (const auto& column : columns) {
    channels.push_back(connector::ordinalOf(*column));
  }
  return std::make_unique<MemoryPageSource>(std::move(pages), std::move(channels));
}

std::unique_ptr<connector::ConnectorPageSink> MemoryPageSinkProvider::createPageSink(
    const connector::InsertTableHandlePtr& insert) {
  return std::make_unique<MemoryPageSink>(store_, dynamic_cast<const MemoryInsertHandle&>(*insert).insertId());
}

} // namespace presto::memory
