#include "server/http/HttpMessage.h"

#include <strings.h>

namespace presto::server::http {
namespace {

bool equalsIgnoreCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() && strncasecmp(left.data(), right.data(), left.size()) == 0;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

} // namespace

std::optional<std::string> HttpHeaders::get(std::string_view name) const {
  for (const auto& [fieldName, value] : fields_) {
    if (equalsIgnoreCase(fieldName, name)) {
      return value;
    }
  }
  return std::nullopt;
}

std::vector<std::string> HttpHeaders::getAll(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [fieldName, value] : fields_) {
    if (equalsIgnoreCase(fieldName, name)) {
      values.push_back(value);
    }
  }
  return values;
}

HttpResponse HttpResponse::json(std::string body, int status) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::text(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.contentType = "text/plain";
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::noContent() {
  HttpResponse response;
  response.status = 204;
  response.contentType.clear();
  return response;
}

std::optional<std::string> percentDecode(std::string_view text, bool plusAsSpace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return std::nullopt;
      }
      int high = hexValue(text[i + 1]);
      int low = hexValue(text[i + 2]);
      if (high < 0 || low < 0) {
        return std::nullopt;
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plusAsSpace) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool parseRequestTarget(std::string_view target, std::string& path, std::map<std::string, std::string>& parameters,
    std::string& authority) {
  authority.clear();
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() && equalsIgnoreCase(target.substr(0, scheme.size()), scheme)) {
      std::string_view rest = target.substr(scheme.size());
      size_t slash = rest.find_first_of("/?");
      authority = std::string(rest.substr(0, slash));
      if (slash == std::string_view::npos || rest[slash] == '?') {
        // `http://host` and `http://host?x=1` have an empty path, i.e. `/`.
        std::string originForm = "/" + std::string(slash == std::string_view::npos ? "" : rest.substr(slash));
        std::string ignored;
        return parseRequestTarget(originForm, path, parameters, ignored);
      }
      target = rest.substr(slash);
      break;
    }
  }
  if (target.empty() || target[0] != '/') {
    return false;
  }
  size_t question = target.find('?');
  auto decodedPath = percentDecode(target.substr(0, question), false);
  if (!decodedPath) {
    return false;
  }
  path = std::move(*decodedPath);
  parameters.clear();
  if (question == std::string_view::npos) {
    return true;
  }
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    size_t equals = pair.find('=');
    auto name = percentDecode(pair.substr(0, equals), true);
    auto value = percentDecode(equals == std::string_view::npos ? "" : pair.substr(equals + 1), true);
    if (!name || !value) {
      return false;
    }
    if (!name->empty()) {
      parameters[*name] = *value;
    }
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return true;
}

} // namespace presto::server::http
