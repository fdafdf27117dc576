#include "connector/spi/OrdinalColumnHandle.h"

#include "connector/spi/HandleJson.h"
#include "type/TypeSignature.h"

namespace presto::connector {

std::string OrdinalColumnHandle::toJson() const {
  return nlohmann::json{{"name", name_}, {"type", type_->toString()}, {"ordinal", ordinal_}}.dump();
}

ColumnHandlePtr OrdinalColumnHandle::fromJson(const std::string& json, std::string_view connectorName) {
  return parseHandleJson<ColumnHandlePtr>(json, connectorName, [](const nlohmann::json& value) {
    return std::make_shared<OrdinalColumnHandle>(value.at("name").get<std::string>(),
        parseTypeSignature(value.at("type").get<std::string>()), value.at("ordinal").get<int32_t>());
  });
}

int32_t ordinalOf(const ColumnHandle& column) {
  return dynamic_cast<const OrdinalColumnHandle&>(column).ordinal();
}

} // namespace presto::connector
