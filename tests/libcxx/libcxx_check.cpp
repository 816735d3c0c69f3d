// Fails the build unless this really is libc++: the test would otherwise prove nothing.
#include <version>

#ifndef _LIBCPP_VERSION
#error "tests/libcxx must be built with clang++ -stdlib=libc++"
#endif
