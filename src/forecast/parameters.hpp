#pragma once
// Reading a model's NAME=VALUE parameters (internal to the forecast layer). Every reader
// names the model in its errors, which are parley::Error with field "model parameter" as
// model.hpp promises,
// and finish() rejects names the model does not know (with a "did you mean").

#include <cstddef>
#include <string>
#include <vector>

#include "parley/forecast/model.hpp"

namespace parley::forecast_detail {

class ParameterReader {
 public:
  ParameterReader(std::string model, const ModelParameters& parameters) : model_(std::move(model)), parameters_(parameters) {}

  // A number in [min, max]; `fallback` when the parameter is absent.
  double number(const std::string& name, double fallback, double min, double max);
  // A whole number in [min, max].
  long integer(const std::string& name, long fallback, long min, long max);
  // true/false, yes/no, on/off, 1/0.
  bool flag(const std::string& name, bool fallback);
  // One of `choices` (exact spelling); returns its index.
  std::size_t choice(const std::string& name, std::size_t fallback, const std::vector<std::string>& choices);
  // Marks a parameter as known without reading it (read elsewhere).
  void known(const std::string& name) { known_.push_back(name); }
  // Throws parley::Error (field "model parameter") for any parameter no reader asked for.
  void finish() const;

 private:
  const std::string* find(const std::string& name);
  [[noreturn]] void fail(const std::string& name, const std::string& value, const std::string& expected) const;

  std::string model_;
  const ModelParameters& parameters_;
  std::vector<std::string> known_;
};

}  // namespace parley::forecast_detail
