#pragma once
// FUZZ_CHECK(condition, what): a property a fuzz target asserts. A failure prints what broke and
// aborts, which libFuzzer reports as a crash (and keeps the input) and the replay test reports as
// a failed ctest test. Not assert(): it must hold in release builds too.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                  \
    do {                                                                                             \
        if (!(condition)) {                                                                          \
            std::fprintf(stderr, "%s:%d: property failed: %s (%s)\n", __FILE__, __LINE__, #condition, \
                         what);                                                                      \
            std::abort();                                                                            \
        }                                                                                            \
    } while (false)
