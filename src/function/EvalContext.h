#pragma once

#include <string>
#include <vector>

#include "common/PrestoException.h"
#include "vector/BaseVector.h"
#include "vector/SelectivityVector.h"

namespace presto {

/// Per-batch state of one evaluation: the input columns and the rows that failed. Functions report
/// a failing row with `setError` instead of throwing; the evaluator removes failed rows from later
/// work, turns them into NULL inside TRY, and throws the first remaining error at the end of the
/// batch. An EvalContext belongs to one thread.
class EvalContext {
 public:
  /// `inputs` are the batch's columns by channel; they must outlive the context.
  EvalContext(const std::vector<VectorPtr>* inputs, vector_size_t numRows);

  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;

  vector_size_t numRows() const { return numRows_; }
  /// Unique per context instance; keys per-batch caches (common subexpressions).
  uint64_t id() const { return id_; }
  const VectorPtr& input(size_t channel) const;
  const std::vector<VectorPtr>& inputs() const { return *inputs_; }

  /// Records that `row` failed with a user (or internal) error. Later errors on the same row are
  /// ignored: the first one is what Presto reports.
  void setError(vector_size_t row, const ErrorCode& code, std::string message);
  void setError(vector_size_t row, const PrestoException& error);
  /// Copies the error of `sourceRow` in `source` to `row` here (mapping errors out of a peeled or
  /// lambda evaluation).
  void copyError(vector_size_t row, const EvalContext& source, vector_size_t sourceRow);

  bool hasErrors() const { return numErrors_ > 0; }
  bool isError(vector_size_t row) const {
    return numErrors_ > 0 && bits::isBitSet(errorBits_.data(), static_cast<size_t>(row));
  }
  /// Bits of failed rows (valid when hasErrors()).
  const uint64_t* errorBits() const { return errorBits_.data(); }
  /// Deselects failed rows from `rows`.
  void deselectErrors(SelectivityVector& rows) const;
  /// Forgets the errors of the selected rows. With `onlyCatchable`, errors TRY() does not catch
  /// (internal errors, and user errors other than isCaughtByTry) are kept. Returns the rows cleared.
  std::vector<vector_size_t> clearErrors(const SelectivityVector& rows, bool onlyCatchable);
  /// Throws the error of the first failed row among `rows`, if any.
  void throwFirstError(const SelectivityVector& rows) const;

 private:
  struct RowError {
    vector_size_t row;
    ErrorCode code;
    std::string message;
  };

  const RowError* findError(vector_size_t row) const;

  const std::vector<VectorPtr>* inputs_;
  vector_size_t numRows_;
  uint64_t id_;
  std::vector<uint64_t> errorBits_;
  std::vector<RowError> errors_;  // in insertion order; entries of cleared rows are stale
  size_t numErrors_ = 0;
};

} // namespace presto
