#include "connector/tpch/TextPool.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "connector/tpch/Distributions.h"
#include "connector/tpch/StreamSeeds.h"

namespace presto::tpch {
namespace {

/// Writes sentences of dbgen's grammar, drawing every choice from one stream in text order.
class SentenceWriter {
 public:
  explicit SentenceWriter(RandomStream& stream)
      : stream_(stream), distributions_(Distributions::get()) {}

  /// Replaces `out` with the next sentence. The sentence ends with its terminator; the space that
  /// separates it from the next one is the caller's.
  void write(std::string& out) {
    out.clear();
    const std::string_view form = pickFrom(distributions_.grammar);
    for (char symbol : form) {
      switch (symbol) {
        case 'N':
          writeNounPhrase(out);
          break;
        case 'V':
          writeVerbPhrase(out);
          break;
        case 'P':
          out.append(pickFrom(distributions_.prepositions));
          out.append(" the ");
          writeNounPhrase(out);
          break;
        case 'T':
          // The terminator replaces the trailing space of the last phrase.
          out.pop_back();
          out.append(pickFrom(distributions_.terminators));
          break;
        default:
          break;
      }
    }
  }

 private:
  std::string_view pickFrom(const Distribution& distribution) {
    return distribution.value(distribution.pick(stream_));
  }

  void writeNounPhrase(std::string& out) { writePhrase(out, pickFrom(distributions_.nounPhrases)); }

  void writeVerbPhrase(std::string& out) { writePhrase(out, pickFrom(distributions_.verbPhrases)); }

  /// Appends one word per space-separated token of a phrase form, each followed by the token's
  /// punctuation (the ',' of "J,") and a space.
  void writePhrase(std::string& out, std::string_view form) {
    size_t position = 0;
    while (position < form.size()) {
      size_t end = form.find(' ', position);
      if (end == std::string_view::npos) {
        end = form.size();
      }
      const std::string_view token = form.substr(position, end - position);
      position = end + 1;
      if (token.empty()) {
        continue;
      }
      out.append(pickFrom(wordsFor(token[0])));
      if (token.size() > 1) {
        out.push_back(token[1]);
      }
      out.push_back(' ');
    }
  }

  const Distribution& wordsFor(char symbol) const {
    switch (symbol) {
      case 'D':
        return distributions_.adverbs;
      case 'J':
        return distributions_.adjectives;
      case 'V':
        return distributions_.verbs;
      case 'X':
        return distributions_.auxiliaries;
      default:
        return distributions_.nouns;
    }
  }

  RandomStream& stream_;
  const Distributions& distributions_;
};

} // namespace

void TextPool::Free::operator()(char* text) const {
  std::free(text);
}

TextPool::TextPool() {
  // Huge pages, where the kernel offers them on request, spare a TLB miss on most comment reads.
  constexpr size_t kHugePage = 2 << 20;
  static_assert(kSize % kHugePage == 0);
  text_.reset(static_cast<char*>(std::aligned_alloc(kHugePage, kSize)));
  if (text_ == nullptr) {
    throw std::bad_alloc();
  }
  madvise(text_.get(), kSize, MADV_HUGEPAGE);
  RandomStream stream(streams::kTextPool.seed);
  SentenceWriter writer(stream);
  std::string sentence;
  int64_t length = 0;
  while (length < kSize) {
    writer.write(sentence);
    const int64_t needed = kSize - length;
    const auto sentenceLength = static_cast<int64_t>(sentence.size());
    if (needed < sentenceLength + 1) {
      std::memcpy(text_.get() + length, sentence.data(), needed);
      length = kSize;
      break;
    }
    std::memcpy(text_.get() + length, sentence.data(), sentenceLength);
    text_[length + sentenceLength] = ' ';
    length += sentenceLength + 1;
  }
}

const TextPool& TextPool::get() {
  static const TextPool pool;
  return pool;
}

} // namespace presto::tpch
