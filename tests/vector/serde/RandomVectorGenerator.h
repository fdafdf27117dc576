#pragma once

#include <random>
#include <vector>

#include "vector/Page.h"

namespace presto::test {

/// Builds random types and vectors of every type and encoding for serde tests: flat vectors with
/// and without nulls, constants (NULL ones too), dictionaries that add nulls over bases of any
/// encoding, lazy vectors, and arrays, maps and rows nested to any depth with encoded children.
/// Deterministic for a given seed.
class RandomVectorGenerator {
 public:
  struct Options {
    /// Probability that a row of a nullable vector is NULL.
    double nullRatio = 0.15;
    /// Probability that a vector is wrapped (constant, dictionary or lazy) rather than flat.
    double encodingRatio = 0.3;
    /// Longest collection.
    int maxCollectionSize = 4;
    /// Probability that a string is long (hundreds of bytes) rather than short.
    double longStringRatio = 0.1;
    /// Deepest type nesting randomType() produces.
    int maxTypeDepth = 3;
  };

  explicit RandomVectorGenerator(uint32_t seed) : RandomVectorGenerator(seed, Options{}) {}
  RandomVectorGenerator(uint32_t seed, Options options) : random_(seed), options_(options) {}

  /// Every primitive type (one parametrization each of decimal, varchar and char).
  static std::vector<TypePtr> primitiveTypes();

  /// A primitive or nested type.
  TypePtr randomType(int depth = 0);

  /// A vector of `type` with at least `size` rows, in a random encoding.
  VectorPtr randomVector(const TypePtr& type, vector_size_t size);

  /// A flat (array, map, row) vector of exactly `size` rows, whose children may be encoded.
  VectorPtr randomFlatVector(const TypePtr& type, vector_size_t size);

  /// A page of `numRows` rows with one random vector per type.
  Page randomPage(const std::vector<TypePtr>& types, vector_size_t numRows);

  std::mt19937& random() { return random_; }

 private:
  bool coin(double probability) { return std::uniform_real_distribution<double>(0, 1)(random_) < probability; }
  int64_t between(int64_t low, int64_t high) { return std::uniform_int_distribution<int64_t>(low, high)(random_); }

  BufferPtr randomNulls(vector_size_t size, bool allNull = false);
  std::string randomString(size_t maxShortLength);
  VectorPtr randomPrimitive(const TypePtr& type, vector_size_t size);
  VectorPtr randomCollection(const TypePtr& type, vector_size_t size);
  VectorPtr randomRow(const TypePtr& type, vector_size_t size);
  VectorPtr randomConstant(const TypePtr& type, vector_size_t size);
  VectorPtr randomDictionary(const TypePtr& type, vector_size_t size);
  VectorPtr randomLazy(const TypePtr& type, vector_size_t size);

  std::mt19937 random_;
  Options options_;
  int vectorDepth_ = 0;
};

} // namespace presto::test
