#pragma once

#include "sql/optimizer/Rule.h"

namespace presto::sql {

// The rules of the iterative optimizer, by file. Names are what `disabled_optimizer_rules` takes.

// MergeAdjacentNodes.cpp
/// `merge_filters`: Filter over Filter -> one Filter with both predicates.
RulePtr makeMergeFiltersRule();
/// `merge_projections`: Project over Project -> one Project with the lower expressions inlined
/// (when that duplicates no non-trivial or non-deterministic expression).
RulePtr makeMergeProjectionsRule();
/// `remove_identity_projections`: a Project that outputs its source's symbols unchanged.
RulePtr makeRemoveIdentityProjectionsRule();
/// `merge_limits`: Limit over Limit, Limit over TopN (smaller count), Limit over Sort -> TopN.
RulePtr makeMergeLimitsRule();

// SimplifyExpressions.cpp
/// `simplify_expressions`: constant folding and boolean simplification of filters, projections
/// and join filters (see simplifyExpression).
RulePtr makeSimplifyExpressionsRule();
/// `remove_trivial_filters`: Filter(true) -> its source; Filter(false or NULL) -> empty Values.
RulePtr makeRemoveTrivialFiltersRule();

// PushLimit.cpp
/// `push_limit_through_project`: Limit over Project -> Project over Limit.
RulePtr makePushLimitThroughProjectRule();
/// `push_limit_into_union`: Limit over Union -> Limit over Union of Limits (partial limits).
RulePtr makePushLimitIntoUnionRule();

// ConnectorPushdown.cpp
/// `push_filter_into_table_scan`: offers the conjuncts of a Filter over a TableScan that are
/// column domains (comparisons with constants, IN lists, BETWEEN, IS [NOT] NULL) to the
/// connector (ConnectorMetadata::applyFilter); keeps the conjuncts it does not guarantee.
RulePtr makePushFilterIntoTableScanRule();
/// `push_limit_into_table_scan`: offers a Limit over a TableScan to the connector (applyLimit);
/// drops the Limit when the connector guarantees it.
RulePtr makePushLimitIntoTableScanRule();

// PushSemiJoinThroughJoin.cpp
/// `push_semi_join_through_join`: SemiJoin over an inner Join -> the Join with the SemiJoin on
/// the input that outputs the semi join's source keys (and the source symbols of its filter).
RulePtr makePushSemiJoinThroughJoinRule();

// ReduceAggregationInput.cpp
/// `reduce_aggregation_input`: Join(probe, Aggregation by k) on probe.a = k -> the aggregation's
/// input semi-joined with a copy of a scan chain that yields every value of probe.a, when that
/// chain is estimated well below the groups.
RulePtr makeReduceAggregationInputRule();

// ImplementSetOperations.cpp
/// `implement_intersect_and_except`: INTERSECT and EXCEPT (DISTINCT) -> UNION ALL of the inputs,
/// each marked with a boolean per input, grouped on the columns, filtered on the markers' counts.
/// The ALL variants need a window (row_number) and fail with NOT_SUPPORTED.
RulePtr makeImplementIntersectAndExceptRule();

// TransformUncorrelatedSubqueries.cpp
/// `transform_uncorrelated_subqueries`: an Apply without correlation -> EXISTS: a cross join
/// with `count(*) > 0` over `LIMIT 1` of the subquery; IN and `= ANY`: a SemiJoin; `<> ALL`: NOT
/// of a SemiJoin; other quantified comparisons: a cross join with min/max/count aggregates of the
/// subquery and a CASE implementing the NULL semantics. A LateralJoin without correlation -> a
/// Join (cross or left).
RulePtr makeTransformUncorrelatedSubqueriesRule();

// TransformCorrelatedSemiJoin.cpp
/// `transform_correlated_semi_join`: a correlated EXISTS, IN, `= ANY` or `<> ALL` whose
/// correlation sits in the conjuncts of a Filter (under Projects) over an uncorrelated plan ->
/// a SemiJoin keyed on the correlated equalities, with the other correlated conjuncts as its
/// residual filter.
RulePtr makeTransformCorrelatedSemiJoinRule();

// TransformCorrelatedScalarAggregation.cpp
/// `transform_correlated_scalar_aggregation`: a correlated scalar subquery that is a global
/// aggregation (under Projects and EnforceSingleRow) over such a Filter -> the aggregation
/// grouped by the inner correlation keys, LEFT joined on the keys; count and count_if are
/// coalesced to 0.
RulePtr makeTransformCorrelatedScalarAggregationRule();

} // namespace presto::sql
