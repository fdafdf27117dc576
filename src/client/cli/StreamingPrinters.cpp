// CSV, TSV, JSON and NULL output: printers that write each row as it arrives.

#include <ostream>

#include <nlohmann/json.hpp>

#include "client/cli/OutputPrinters.h"

namespace presto::cli {
namespace {

class DelimitedPrinter : public OutputPrinter {
 public:
  DelimitedPrinter(std::vector<OutputColumn> columns, std::ostream& out, bool csv, bool header)
      : columns_(std::move(columns)), out_(out), csv_(csv), headerPending_(header) {}

  void printRows(const std::vector<nlohmann::json>& rows) override {
    printHeader();
    for (const auto& row : rows) {
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (i) out_ << (csv_ ? ',' : '\t');
        out_ << field(row[i].is_null() ? "" : formatValue(row[i], columns_[i].type));
      }
      out_ << '\n';
    }
  }

  void finish() override {
    printHeader();
    out_.flush();
  }

 private:
  void printHeader() {
    if (!headerPending_) return;
    headerPending_ = false;
    for (size_t i = 0; i < columns_.size(); ++i) {
      out_ << (i ? (csv_ ? "," : "\t") : "") << (csv_ ? field(columns_[i].name) : columns_[i].name);
    }
    out_ << '\n';
  }

  std::string field(const std::string& text) const {
    std::string result;
    if (csv_) {
      result = "\"";
      for (char c : text) {
        result += c;
        if (c == '"') result += '"';
      }
      return result + "\"";
    }
    for (char c : text) {
      switch (c) {
        case '\0': result += "\\0"; break;
        case '\n': result += "\\n"; break;
        case '\r': result += "\\r"; break;
        case '\b': result += "\\b"; break;
        case '\f': result += "\\f"; break;
        case '\t': result += "\\t"; break;
        case '\\': result += "\\\\"; break;
        default: result += c;
      }
    }
    return result;
  }

  std::vector<OutputColumn> columns_;
  std::ostream& out_;
  bool csv_;
  bool headerPending_;
};

class JsonPrinter : public OutputPrinter {
 public:
  JsonPrinter(std::vector<OutputColumn> columns, std::ostream& out) : columns_(std::move(columns)), out_(out) {}

  void printRows(const std::vector<nlohmann::json>& rows) override {
    for (const auto& row : rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (size_t i = 0; i < columns_.size(); ++i) {
        bool binary = columns_[i].type == "varbinary" && row[i].is_string();
        object[columns_[i].name] = binary ? nlohmann::ordered_json(formatValue(row[i], columns_[i].type))
                                          : nlohmann::ordered_json::parse(row[i].dump());
      }
      out_ << object.dump() << '\n';
    }
  }

  void finish() override { out_.flush(); }

 private:
  std::vector<OutputColumn> columns_;
  std::ostream& out_;
};

class NullPrinter : public OutputPrinter {
 public:
  void printRows(const std::vector<nlohmann::json>&) override {}
  void finish() override {}
};

} // namespace

std::unique_ptr<OutputPrinter> createStreamingPrinter(
    OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out) {
  switch (format) {
    case OutputFormat::kCsv: return std::make_unique<DelimitedPrinter>(std::move(columns), out, true, false);
    case OutputFormat::kCsvHeader: return std::make_unique<DelimitedPrinter>(std::move(columns), out, true, true);
    case OutputFormat::kTsv: return std::make_unique<DelimitedPrinter>(std::move(columns), out, false, false);
    case OutputFormat::kTsvHeader: return std::make_unique<DelimitedPrinter>(std::move(columns), out, false, true);
    case OutputFormat::kJson: return std::make_unique<JsonPrinter>(std::move(columns), out);
    case OutputFormat::kNull: return std::make_unique<NullPrinter>();
    default: return nullptr;
  }
}

} // namespace presto::cli
