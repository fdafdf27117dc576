#pragma once

#include <memory>
#include <string>
#include <vector>

#include "function/EvalContext.h"
#include "type/Type.h"
#include "vector/SelectivityVector.h"

namespace presto {

class Expr;
using ExprPtr = std::shared_ptr<Expr>;

/// A node of a compiled expression: evaluates a vector at a time over a selection of rows.
///
/// `eval` adds what every node shares around the node-specific `evalSpecific`:
///  - common subexpressions: a node used by several parents caches its result for the batch;
///  - peeling: a deterministic node whose input columns are all constant is evaluated once, and
///    one whose columns are dictionaries over the same indices is evaluated on the dictionary's
///    base rows only; the base result is kept and reused while the same base comes back.
///
/// Compiled trees hold per-batch caches, so one tree belongs to one thread (see ExprSet).
class Expr {
 public:
  Expr(TypePtr type, std::vector<ExprPtr> inputs, bool deterministic);
  virtual ~Expr() = default;

  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  const TypePtr& type() const { return type_; }
  const std::vector<ExprPtr>& inputs() const { return inputs_; }
  bool isDeterministic() const { return deterministic_; }

  /// Fills `result` (rows.size() rows) for the selected rows; failed rows are recorded in `context`.
  void eval(const SelectivityVector& rows, EvalContext& context, VectorPtr& result);

  virtual std::string toString() const = 0;

  /// Input channels the subtree reads (sorted, distinct), computed by finishCompilation.
  const std::vector<int32_t>& distinctFields() const { return distinctFields_; }
  /// Called by the compiler bottom-up once the tree is built; `numParents` > 1 marks a common
  /// subexpression.
  virtual void finishCompilation();
  void addParent() { ++numParents_; }

 protected:
  virtual void evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) = 0;
  /// Whether peeling may apply to this node (leaves and lambdas say no).
  virtual bool isPeelable() const { return deterministic_; }

  std::string inputsToString() const;

  const TypePtr type_;
  const std::vector<ExprPtr> inputs_;
  const bool deterministic_;
  std::vector<int32_t> distinctFields_;

 private:
  struct DictionaryCache {
    std::vector<VectorPtr> bases;
    SelectivityVector rows;
    VectorPtr result;
  };

  bool evalPeeled(const SelectivityVector& rows, EvalContext& context, VectorPtr& result);
  void evalOnConstants(const SelectivityVector& rows, EvalContext& context, VectorPtr& result);
  void evalOnDictionaryBase(const SelectivityVector& rows, EvalContext& context, const BaseVector& dictionary,
      VectorPtr& result);

  int numParents_ = 0;
  uint64_t cacheContextId_ = 0;
  SelectivityVector cachedRows_;
  VectorPtr cachedResult_;
  DictionaryCache dictionaryCache_;
};

/// Whether every row selected in `rows` is also selected in `other`.
bool isSubset(const SelectivityVector& rows, const SelectivityVector& other);

/// A vector of `size` NULLs of `type`.
VectorPtr makeNulls(const TypePtr& type, vector_size_t size);

} // namespace presto
