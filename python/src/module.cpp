// The module _parley: errors, the JSON-to-Python conversion, and the module definition.

#include <cmath>
#include <exception>

#include "bindings.hpp"
#include "parley/core/error.hpp"
#include "parley/io/input_error.hpp"

namespace parley::python {

namespace {

// Module-lifetime references (never released: the types must outlive every translation).
PyObject* error_type = nullptr;
PyObject* input_error_type = nullptr;

// Sets the Python error for `e` (a translator sets it and returns).
void raise(const Error& e) {
  PyObject* type = dynamic_cast<const InputError*>(&e) ? input_error_type : error_type;
  py::object exception = py::reinterpret_borrow<py::object>(type)(py::str(e.what()));
  const Location& where = e.location();
  exception.attr("kind") = to_string(e.kind());
  exception.attr("message") = e.message();
  exception.attr("file") = where.file;
  exception.attr("line") = where.line;
  exception.attr("column") = where.column;
  exception.attr("field") = where.field;
  PyErr_SetObject(type, exception.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  error_type = PyErr_NewExceptionWithDoc(
      "parley.Error",
      "A problem the user can fix (parley::Error). str(e) is the message as the CLI prints it; "
      ".kind (syntax, invalid, unknown_name, too_large, io), .message (without the location), "
      ".file, .line, .column (1-based, 0 when unknown) and .field say what and where.",
      PyExc_Exception, nullptr);
  input_error_type = PyErr_NewExceptionWithDoc(
      "parley.InputError", "An error in an input file (parley::InputError): .file, .line and .column locate it.",
      error_type, nullptr);
  if (!error_type || !input_error_type) throw py::error_already_set();
  m.add_object("Error", py::handle(error_type));
  m.add_object("InputError", py::handle(input_error_type));
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const Error& e) {
      raise(e);
    }
  });
}

py::object to_python(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      py::dict dict;
      for (const auto& [key, item] : value.items()) dict[py::str(key)] = to_python(item);
      return dict;
    }
    case nlohmann::json::value_t::array: {
      py::list list(value.size());
      for (std::size_t i = 0; i < value.size(); ++i) list[i] = to_python(value[i]);
      return list;
    }
    case nlohmann::json::value_t::string:
      return py::str(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: {
      const double x = value.get<double>();
      return std::isfinite(x) ? py::object(py::float_(x)) : py::object(py::none());
    }
    default:
      return py::none();
  }
}

}  // namespace parley::python

PYBIND11_MODULE(_parley, m) {
  m.doc() = "parley's C++ engine; use it through the package `parley` (docs/python.md).";
  parley::python::bind_errors(m);
  parley::python::bind_scenario(m);
  parley::python::bind_results(m);
  parley::python::bind_negotiators(m);
  parley::python::bind_models(m);
  parley::python::bind_studies(m);
}
