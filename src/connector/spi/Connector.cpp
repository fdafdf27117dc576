#include "connector/spi/Connector.h"

#include "common/Check.h"

namespace presto::connector {

ConnectorPageSinkProvider& Connector::pageSinkProvider() {
  PRESTO_USER_FAIL(errors::NOT_SUPPORTED, "This connector does not support writes");
}

} // namespace presto::connector
