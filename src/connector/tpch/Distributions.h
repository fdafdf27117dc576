#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "connector/tpch/RandomStream.h"

namespace presto::tpch {

/// One weighted list from dbgen's dists.dss: values in file order with cumulative weights.
class Distribution {
 public:
  Distribution() = default;
  Distribution(std::vector<std::string> values, std::vector<int64_t> weights);

  int32_t size() const { return static_cast<int32_t>(values_.size()); }
  std::string_view value(int32_t index) const { return values_[index]; }

  /// Running sum of the weights up to and including `index`. The nations list abuses this to
  /// encode each nation's region key.
  int64_t cumulativeWeight(int32_t index) const { return cumulative_[index]; }

  /// dbgen's pick_str: draws j = U(1, total weight) and returns the index of the first value whose
  /// cumulative weight is >= j. One draw.
  int32_t pick(RandomStream& stream) const {
    const int64_t target = stream.uniform(1, totalWeight_);
    if (!indexByWeight_.empty()) {
      return indexByWeight_[target - 1];
    }
    return pickSlow(target);
  }

 private:
  int32_t pickSlow(int64_t target) const;

  std::vector<std::string> values_;
  std::vector<int64_t> cumulative_;
  int64_t totalWeight_{0};
  // For lists with positive weights: the picked index for every j, so a pick is one lookup.
  std::vector<int32_t> indexByWeight_;
};

/// The distributions dbgen reads from dists.dss, parsed once from the copy embedded in the library.
struct Distributions {
  Distribution partContainers;
  Distribution colors;
  Distribution partTypes;
  Distribution nations;
  Distribution regions;
  Distribution orderPriorities;
  Distribution shipInstructions;
  Distribution shipModes;
  Distribution returnFlags;
  Distribution marketSegments;
  Distribution nouns;
  Distribution verbs;
  Distribution adjectives;
  Distribution adverbs;
  Distribution auxiliaries;
  Distribution terminators;
  Distribution prepositions;
  Distribution grammar;
  Distribution nounPhrases;
  Distribution verbPhrases;

  /// The process-wide parsed copy. It is immutable and built on first use.
  static const Distributions& get();

  /// Parses dists.dss text with dbgen's rules and returns the named distribution
  /// (case-insensitive).
  static Distribution parse(std::string_view text, std::string_view name);
};

} // namespace presto::tpch
