#include "server/main/UnavailableQueryEngine.h"

namespace presto::server {

void UnavailableQueryEngine::execute(const Session&, const std::string&, std::shared_ptr<QueryOutput> output) {
  output->fail(PrestoException(errors::NOT_SUPPORTED, "query execution is not available yet"));
}

} // namespace presto::server
