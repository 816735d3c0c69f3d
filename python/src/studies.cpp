// tournament, sweep, compare and stored results.

#include "bindings.hpp"

namespace parley::python {

void bind_studies(py::module_& m) { (void)m; }

}  // namespace parley::python
