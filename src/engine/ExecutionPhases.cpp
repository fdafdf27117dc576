#include "engine/ExecutionPhases.h"

#include <algorithm>
#include <limits>
#include <set>

#include "sql/planner/JoinNode.h"
#include "sql/planner/RemoteSourceNode.h"
#include "sql/planner/SemiJoinNode.h"

namespace presto::engine {
namespace {

/// Fragments whose output reaches `node`, directly or through other fragments.
void collectUpstream(const sql::DistributedPlan& plan, const sql::PlanNode& node, std::set<int32_t>& fragments) {
  if (const auto* remote = node.as<sql::RemoteSourceNode>()) {
    for (auto id : remote->sourceFragmentIds()) {
      if (fragments.insert(id).second) {
        collectUpstream(plan, *plan.fragments.at(static_cast<size_t>(id)).root, fragments);
      }
    }
  }
  for (const auto& source : node.sources()) {
    collectUpstream(plan, *source, fragments);
  }
}

/// A dependency: every fragment of `probe` comes after every fragment of `build`.
struct PhaseEdge {
  std::set<int32_t> build;
  std::set<int32_t> probe;
};

void collectEdges(const sql::DistributedPlan& plan, int32_t fragment, const sql::PlanNode& node,
    std::vector<PhaseEdge>& edges) {
  const sql::PlanNode* probe = nullptr;
  const sql::PlanNode* build = nullptr;
  if (const auto* join = node.as<sql::JoinNode>()) {
    probe = join->left().get();
    build = join->right().get();
  } else if (const auto* semiJoin = node.as<sql::SemiJoinNode>()) {
    probe = semiJoin->sources()[0].get();
    build = semiJoin->filteringSource().get();
    if (semiJoin->hashesSource()) {
      std::swap(probe, build);
    }
  }
  if (probe != nullptr) {
    PhaseEdge edge;
    collectUpstream(plan, *build, edge.build);
    collectUpstream(plan, *probe, edge.probe);
    edge.probe.insert(fragment);
    bool overlaps = std::any_of(edge.build.begin(), edge.build.end(), [&](int32_t id) { return edge.probe.count(id) > 0; });
    if (!edge.build.empty() && !overlaps) {
      edges.push_back(std::move(edge));
    }
  }
  for (const auto& source : node.sources()) {
    collectEdges(plan, fragment, *source, edges);
  }
}

} // namespace

int32_t ExecutionPhases::releasedPhase(const std::function<bool(int32_t)>& done) const {
  int32_t released = std::numeric_limits<int32_t>::max();
  for (size_t id = 0; id < phase.size(); ++id) {
    if (feedsBuildSide[id] && !done(static_cast<int32_t>(id))) {
      released = std::min(released, phase[id]);
    }
  }
  return released;
}

ExecutionPhases allAtOnce(const sql::DistributedPlan& plan) {
  return {std::vector<int32_t>(plan.fragments.size(), 0), std::vector<bool>(plan.fragments.size(), false)};
}

ExecutionPhases executionPhases(const sql::DistributedPlan& plan) {
  std::vector<PhaseEdge> edges;
  for (const auto& fragment : plan.fragments) {
    collectEdges(plan, fragment.id, *fragment.root, edges);
  }
  auto result = allAtOnce(plan);
  for (const auto& edge : edges) {
    for (auto id : edge.build) {
      result.feedsBuildSide[static_cast<size_t>(id)] = true;
    }
  }
  auto& phases = result.phase;
  // Longest paths in a DAG: at most one round per fragment.
  for (size_t round = 0; round <= plan.fragments.size(); ++round) {
    bool changed = false;
    // A consumer never comes before its producers: it ends only after they have.
    for (const auto& fragment : plan.fragments) {
      for (auto source : fragment.sourceFragments) {
        auto& phase = phases[static_cast<size_t>(fragment.id)];
        if (phase < phases[static_cast<size_t>(source)]) {
          phase = phases[static_cast<size_t>(source)];
          changed = true;
        }
      }
    }
    for (const auto& edge : edges) {
      int32_t after = 0;
      for (auto id : edge.build) {
        after = std::max(after, phases[static_cast<size_t>(id)] + 1);
      }
      for (auto id : edge.probe) {
        if (phases[static_cast<size_t>(id)] < after) {
          phases[static_cast<size_t>(id)] = after;
          changed = true;
        }
      }
    }
    if (!changed) {
      break;
    }
  }
  return result;
}

} // namespace presto::engine
