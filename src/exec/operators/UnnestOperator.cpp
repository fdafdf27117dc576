#include "exec/operators/UnnestOperator.h"

#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"

namespace presto::exec {

UnnestOperator::UnnestOperator(DriverContext* driverContext, int32_t operatorId, std::shared_ptr<const UnnestNode> node)
    : Operator(driverContext, node->outputTypes(), operatorId, node->id(), "Unnest"), node_(std::move(node)) {}

PagePtr UnnestOperator::getOutput() {
  if (input_ == nullptr) {
    return nullptr;
  }
  PagePtr input = std::move(input_);
  const auto numInput = input->numRows();
  struct Collection {
    std::unique_ptr<DecodedVector> decoded;
    const vector_size_t* offsets = nullptr;
    const vector_size_t* sizes = nullptr;
    std::vector<VectorPtr> children;
  };
  std::vector<Collection> collections;
  for (auto channel : node_->unnested()) {
    Collection collection;
    collection.decoded = std::make_unique<DecodedVector>(*input->column(static_cast<size_t>(channel)));
    const auto* base = collection.decoded->base();
    if (base->encoding() == VectorEncoding::kArray) {
      const auto* array = base->as<ArrayVector>();
      collection.offsets = array->rawOffsets();
      collection.sizes = array->rawSizes();
      collection.children = {array->elements()};
    } else {
      const auto* map = base->as<MapVector>();
      collection.offsets = map->rawOffsets();
      collection.sizes = map->rawSizes();
      collection.children = {map->mapKeys(), map->mapValues()};
    }
    collections.push_back(std::move(collection));
  }
  auto sizeOf = [&](const Collection& collection, vector_size_t row) -> vector_size_t {
    return collection.decoded->isNullAt(row) ? 0 : collection.sizes[collection.decoded->index(row)];
  };
  vector_size_t numOutput = 0;
  std::vector<vector_size_t> lengths(static_cast<size_t>(numInput), 0);
  for (vector_size_t row = 0; row < numInput; ++row) {
    for (const auto& collection : collections) {
      lengths[static_cast<size_t>(row)] = std::max(lengths[static_cast<size_t>(row)], sizeOf(collection, row));
    }
    numOutput += lengths[static_cast<size_t>(row)];
  }
  if (numOutput == 0) {
    return nullptr;
  }
  auto repeated = allocateIndices(numOutput);
  auto* repeatedRaw = repeated->asMutable<vector_size_t>();
  std::vector<BufferPtr> elementIndices;
  std::vector<BufferPtr> elementNulls;
  for (size_t i = 0; i < collections.size(); ++i) {
    elementIndices.push_back(allocateIndices(numOutput));
    elementNulls.push_back(nullptr);
  }
  auto ordinality = FlatVector<int64_t>::create(BIGINT(), numOutput);
  vector_size_t out = 0;
  for (vector_size_t row = 0; row < numInput; ++row) {
    for (vector_size_t j = 0; j < lengths[static_cast<size_t>(row)]; ++j, ++out) {
      repeatedRaw[out] = row;
      ordinality->set(out, j + 1);
      for (size_t c = 0; c < collections.size(); ++c) {
        auto* indices = elementIndices[c]->asMutable<vector_size_t>();
        if (j < sizeOf(collections[c], row)) {
          indices[out] = collections[c].offsets[collections[c].decoded->index(row)] + j;
        } else {
          if (elementNulls[c] == nullptr) {
            elementNulls[c] = Buffer::allocate(static_cast<size_t>((numOutput + 63) / 64) * 8, true);
          }
          bits::setBit(elementNulls[c]->asMutable<uint64_t>(), static_cast<size_t>(out), true);
          indices[out] = 0;
        }
      }
    }
  }
  std::vector<VectorPtr> columns;
  for (auto channel : node_->replicated()) {
    columns.push_back(wrapInDictionary(nullptr, repeated, numOutput, input->column(static_cast<size_t>(channel))));
  }
  for (size_t c = 0; c < collections.size(); ++c) {
    for (const auto& child : collections[c].children) {
      columns.push_back(wrapInDictionary(elementNulls[c], elementIndices[c], numOutput, child));
    }
  }
  if (node_->withOrdinality()) {
    columns.push_back(std::move(ordinality));
  }
  return std::make_shared<Page>(numOutput, std::move(columns));
}

} // namespace presto::exec
