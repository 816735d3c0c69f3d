// Forecast models written in Python, their registration, and evaluate.

#include "bindings.hpp"

namespace parley::python {

void bind_models(py::module_& m) { (void)m; }

}  // namespace parley::python
