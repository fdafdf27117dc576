#pragma once

// JSON of what plan nodes hold about tables: the table a scan reads (connector handles
// included), the target of a write and the constraint pushed into a scan.

#include "server/protocol/PlanJsonEncoding.h"
#include "sql/planner/TableWriterNode.h"

namespace presto::server::planjson {

/// A table: its qualified name, the connector's table and column handles (as the connector's
/// own JSON) and its metadata.
Json tableToJson(const sql::TableInfo& table);
/// Rebuilds the handles with the HandleCodec of the connector `metadata` routes the table's
/// catalog and schema to; NOT_FOUND when this node has no such catalog.
sql::TableInfoPtr tableFromJson(const Json& json, const sql::MetadataManager& metadata);

Json writerTargetToJson(const sql::WriterTarget& target);
sql::WriterTarget writerTargetFromJson(const Json& json, const sql::MetadataManager& metadata);

/// `{"none": true}` or `{"domains": {column: {"type", "nullAllowed", "ranges"}}}` where a range
/// has optional `low` and `high` bounds `{"value", "inclusive"}` (absent: unbounded).
Json tupleDomainToJson(const connector::TupleDomain& domain);
connector::TupleDomain tupleDomainFromJson(const Json& json);

} // namespace presto::server::planjson
