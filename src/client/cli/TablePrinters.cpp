// ALIGNED, VERTICAL and MARKDOWN output: printers that buffer rows to align columns.

#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "client/cli/OutputPrinters.h"

namespace presto::cli {
namespace {

// Display width of UTF-8 text, counting code points.
size_t displayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      return lines;
    }
    start = end + 1;
  }
}

std::string pad(const std::string& text, size_t width, bool rightAlign) {
  size_t padding = width > displayWidth(text) ? width - displayWidth(text) : 0;
  return rightAlign ? std::string(padding, ' ') + text : text + std::string(padding, ' ');
}

/// One buffered cell: its lines of text and whether it is a number (numbers align right).
struct Cell {
  std::vector<std::string> lines;
  bool isNumber;
};

class BufferingPrinter : public OutputPrinter {
 public:
  BufferingPrinter(std::vector<OutputColumn> columns, std::ostream& out) : columns_(std::move(columns)), out_(out) {}

  void printRows(const std::vector<nlohmann::json>& rows) override {
    for (const auto& row : rows) {
      std::vector<Cell> cells;
      for (size_t i = 0; i < columns_.size(); ++i) {
        cells.push_back({splitLines(formatValue(row[i], columns_[i].type)), row[i].is_number()});
      }
      rows_.push_back(std::move(cells));
    }
  }

 protected:
  size_t maxLineWidth(size_t column) const {
    size_t width = 0;
    for (const auto& row : rows_) {
      for (const auto& line : row[column].lines) {
        width = std::max(width, displayWidth(line));
      }
    }
    return width;
  }

  std::vector<OutputColumn> columns_;
  std::ostream& out_;
  std::vector<std::vector<Cell>> rows_;
};

class AlignedPrinter : public BufferingPrinter {
 public:
  using BufferingPrinter::BufferingPrinter;

  void finish() override {
    std::vector<size_t> widths;
    for (size_t i = 0; i < columns_.size(); ++i) {
      widths.push_back(std::max({size_t{1}, displayWidth(columns_[i].name), maxLineWidth(i)}));
    }
    for (size_t i = 0; i < columns_.size(); ++i) {
      size_t padding = widths[i] - displayWidth(columns_[i].name);
      out_ << (i ? "|" : "") << ' ' << std::string(padding / 2, ' ') << columns_[i].name
           << std::string(padding - padding / 2, ' ') << ' ';
    }
    out_ << '\n';
    for (size_t i = 0; i < columns_.size(); ++i) {
      out_ << (i ? "+" : "") << std::string(widths[i] + 2, '-');
    }
    out_ << '\n';
    for (const auto& row : rows_) {
      size_t height = 1;
      for (const auto& cell : row) height = std::max(height, cell.lines.size());
      for (size_t line = 0; line < height; ++line) {
        for (size_t i = 0; i < row.size(); ++i) {
          const auto& cell = row[i];
          std::string text = line < cell.lines.size() ? cell.lines[line] : "";
          // Presto marks wrapped cells with '+' except in a single-row result.
          bool continued = rows_.size() > 1 && line + 1 < cell.lines.size();
          out_ << (i ? "|" : "") << ' ' << pad(text, widths[i], cell.isNumber) << (continued ? '+' : ' ');
        }
        out_ << '\n';
      }
    }
    out_ << '(' << rows_.size() << (rows_.size() == 1 ? " row)" : " rows)") << '\n';
    out_.flush();
  }
};

class VerticalPrinter : public BufferingPrinter {
 public:
  using BufferingPrinter::BufferingPrinter;

  void finish() override {
    if (rows_.empty()) {
      out_ << "(no rows)\n";
      out_.flush();
      return;
    }
    size_t nameWidth = 0;
    size_t valueWidth = 0;
    for (size_t i = 0; i < columns_.size(); ++i) {
      nameWidth = std::max(nameWidth, displayWidth(columns_[i].name));
      valueWidth = std::max(valueWidth, maxLineWidth(i));
    }
    size_t totalWidth = nameWidth + 3 + valueWidth;
    for (size_t record = 0; record < rows_.size(); ++record) {
      std::string header = "-[ RECORD " + std::to_string(record + 1) + " ]";
      size_t separatorAt = nameWidth + 1;  // where the '|' of the rows sits
      if (header.size() <= separatorAt) {
        header += std::string(separatorAt - header.size(), '-') + "+";
      }
      if (header.size() < totalWidth) {
        header += std::string(totalWidth - header.size(), '-');
      }
      out_ << header << '\n';
      for (size_t i = 0; i < columns_.size(); ++i) {
        const auto& lines = rows_[record][i].lines;
        for (size_t line = 0; line < lines.size(); ++line) {
          out_ << pad(line == 0 ? columns_[i].name : "", nameWidth, false) << " | " << lines[line] << '\n';
        }
      }
    }
    out_.flush();
  }
};

class MarkdownPrinter : public BufferingPrinter {
 public:
  using BufferingPrinter::BufferingPrinter;

  void finish() override {
    out_ << '|';
    for (const auto& column : columns_) out_ << ' ' << escape(column.name) << " |";
    out_ << "\n|";
    for (size_t i = 0; i < columns_.size(); ++i) {
      bool numeric = !rows_.empty() && rows_.front()[i].isNumber;
      out_ << (numeric ? " --: |" : " --- |");
    }
    out_ << '\n';
    for (const auto& row : rows_) {
      out_ << '|';
      for (const auto& cell : row) {
        std::string text;
        for (size_t line = 0; line < cell.lines.size(); ++line) text += (line ? "<br>" : "") + escape(cell.lines[line]);
        out_ << ' ' << text << " |";
      }
      out_ << '\n';
    }
    out_.flush();
  }

 private:
  static std::string escape(const std::string& text) {
    std::string result;
    for (char c : text) {
      if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>') result += '\\';
      result += c;
    }
    return result;
  }
};

} // namespace

std::unique_ptr<OutputPrinter> createTablePrinter(OutputFormat format, std::vector<OutputColumn> columns, std::ostream& out) {
  switch (format) {
    case OutputFormat::kAligned: return std::make_unique<AlignedPrinter>(std::move(columns), out);
    case OutputFormat::kVertical: return std::make_unique<VerticalPrinter>(std::move(columns), out);
    case OutputFormat::kMarkdown: return std::make_unique<MarkdownPrinter>(std::move(columns), out);
    default: return nullptr;
  }
}

} // namespace presto::cli
