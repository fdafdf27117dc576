#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace presto::sql {

/// Who runs a query and in which context: user, default catalog and schema, time zone, session
/// properties (system ones by name, catalog ones as `catalog.name`), prepared statements by name
/// and the start time that CURRENT_DATE and friends read. A query sees one Session; statements
/// such as USE, SET SESSION and PREPARE produce the Session of the next query.
class Session {
 public:
  Session() = default;
  Session(std::string user, std::optional<std::string> catalog, std::optional<std::string> schema)
      : user_(std::move(user)), catalog_(std::move(catalog)), schema_(std::move(schema)) {}

  const std::string& user() const { return user_; }
  const std::optional<std::string>& catalog() const { return catalog_; }
  const std::optional<std::string>& schema() const { return schema_; }
  const std::string& timeZone() const { return timeZone_; }
  /// Milliseconds since the epoch when the query started.
  int64_t startTime() const { return startTime_; }

  void setCatalog(std::optional<std::string> catalog) { catalog_ = std::move(catalog); }
  void setSchema(std::optional<std::string> schema) { schema_ = std::move(schema); }
  void setTimeZone(std::string timeZone) { timeZone_ = std::move(timeZone); }
  void setStartTime(int64_t millis) { startTime_ = millis; }

  /// Session property values that were set explicitly, by name (`catalog.name` for catalog
  /// properties).
  const std::map<std::string, std::string>& properties() const { return properties_; }
  std::optional<std::string> property(const std::string& name) const;
  void setProperty(const std::string& name, std::string value) { properties_[name] = std::move(value); }
  void resetProperty(const std::string& name) { properties_.erase(name); }

  /// Prepared statements: name -> SQL text.
  const std::map<std::string, std::string>& preparedStatements() const { return preparedStatements_; }
  /// The SQL of a prepared statement; NOT_FOUND (`Prepared statement not found: name`) if absent.
  const std::string& preparedStatement(const std::string& name) const;
  void addPreparedStatement(const std::string& name, std::string sql) { preparedStatements_[name] = std::move(sql); }
  void removePreparedStatement(const std::string& name) { preparedStatements_.erase(name); }

 private:
  std::string user_ = "user";
  std::optional<std::string> catalog_;
  std::optional<std::string> schema_;
  std::string timeZone_ = "UTC";
  int64_t startTime_ =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  std::map<std::string, std::string> properties_;
  std::map<std::string, std::string> preparedStatements_;
};

} // namespace presto::sql
