#include "connector/tpch/Distributions.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/Check.h"

namespace presto::tpch {

extern const char* const kDistsText;

namespace {

constexpr int64_t kMaxLookupWeight = 1 << 16;

bool equalsIgnoreCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

/// Splits off the next whitespace-separated token of `line`, advancing `line` past it.
std::string_view nextToken(std::string_view& line) {
  size_t begin = 0;
  while (begin < line.size() && std::isspace(static_cast<unsigned char>(line[begin]))) {
    ++begin;
  }
  size_t end = begin;
  while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) {
    ++end;
  }
  std::string_view token = line.substr(begin, end - begin);
  line.remove_prefix(end);
  return token;
}

/// Parses a leading (optionally signed) long and ignores trailing junk, like atol.
int64_t parseLeadingLong(std::string_view text) {
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) {
    ++start;
  }
  int64_t value = 0;
  std::from_chars(text.data() + start, text.data() + text.size(), value);
  return value;
}

} // namespace

Distribution::Distribution(std::vector<std::string> values, std::vector<int64_t> weights)
    : values_(std::move(values)) {
  cumulative_.reserve(weights.size());
  bool allPositive = true;
  for (int64_t weight : weights) {
    totalWeight_ += weight;
    cumulative_.push_back(totalWeight_);
    allPositive = allPositive && weight > 0;
  }
  if (allPositive && totalWeight_ <= kMaxLookupWeight) {
    indexByWeight_.reserve(totalWeight_);
    for (int32_t index = 0; index < size(); ++index) {
      while (static_cast<int64_t>(indexByWeight_.size()) < cumulative_[index]) {
        indexByWeight_.push_back(index);
      }
    }
  }
}

int32_t Distribution::pickSlow(int64_t target) const {
  for (int32_t index = 0; index < size(); ++index) {
    if (cumulative_[index] >= target) {
      return index;
    }
  }
  PRESTO_FAIL("weight {} beyond distribution total {}", target, totalWeight_);
}

Distribution Distributions::parse(std::string_view text, std::string_view name) {
  std::vector<std::string> values;
  std::vector<int64_t> weights;
  bool inside = false;
  bool found = false;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      continue;
    }
    if (!inside) {
      std::string_view rest = line;
      if (equalsIgnoreCase(nextToken(rest), "begin") && equalsIgnoreCase(nextToken(rest), name)) {
        inside = true;
        found = true;
      }
      continue;
    }
    if (line.size() >= 3 && equalsIgnoreCase(line.substr(0, 3), "end")) {
      break;
    }
    const size_t bar = line.find('|');
    if (bar == std::string_view::npos) {
      continue;
    }
    const std::string_view token = line.substr(0, bar);
    const int64_t weight = parseLeadingLong(line.substr(bar + 1));
    if (equalsIgnoreCase(token, "count")) {
      values.reserve(weight);
      weights.reserve(weight);
      continue;
    }
    values.emplace_back(token);
    weights.push_back(weight);
  }
  PRESTO_CHECK(found, "distribution {} missing from dists.dss", name);
  return Distribution(std::move(values), std::move(weights));
}

const Distributions& Distributions::get() {
  static const Distributions distributions = [] {
    const std::string_view text = kDistsText;
    Distributions result;
    result.partContainers = parse(text, "p_cntr");
    result.colors = parse(text, "colors");
    result.partTypes = parse(text, "p_types");
    result.nations = parse(text, "nations");
    result.regions = parse(text, "regions");
    result.orderPriorities = parse(text, "o_oprio");
    result.shipInstructions = parse(text, "instruct");
    result.shipModes = parse(text, "smode");
    result.returnFlags = parse(text, "rflag");
    result.marketSegments = parse(text, "msegmnt");
    result.nouns = parse(text, "nouns");
    result.verbs = parse(text, "verbs");
    result.adjectives = parse(text, "adjectives");
    result.adverbs = parse(text, "adverbs");
    result.auxiliaries = parse(text, "auxillaries");
    result.terminators = parse(text, "terminators");
    result.prepositions = parse(text, "prepositions");
    result.grammar = parse(text, "grammar");
    result.nounPhrases = parse(text, "np");
    result.verbPhrases = parse(text, "vp");
    return result;
  }();
  return distributions;
}

} // namespace presto::tpch
