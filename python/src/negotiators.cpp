// Negotiators written in Python, and strategy registration.

#include "bindings.hpp"

namespace parley::python {

void bind_negotiators(py::module_& m) { (void)m; }

}  // namespace parley::python
