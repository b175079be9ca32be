/*
 * weibao/common.h - export macro, C++ linkage and memory release.
 *
 * Every public declaration of libweibao goes through WB_API so that the
 * shared library exports exactly the wb_* names and nothing else.
 */
#ifndef WEIBAO_COMMON_H
#define WEIBAO_COMMON_H

#include <stddef.h>

/*
 * WB_API marks an exported function.
 *  - WB_BUILDING: defined while compiling the library itself.
 *  - WB_STATIC:   defined by users of the static library (the CMake target
 *                 and weibao.pc's static flags set it for you).
 */
#ifndef WB_API
# if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(WB_STATIC)
#   define WB_API
#  elif defined(WB_BUILDING)
#   define WB_API __declspec(dllexport)
#  else
#   define WB_API __declspec(dllimport)
#  endif
# elif defined(__GNUC__) && __GNUC__ >= 4
#  define WB_API __attribute__((visibility("default")))
# else
#  define WB_API
# endif
#endif

/** Marks a function that will go at the next major release. */
#ifndef WB_DEPRECATED
# if defined(__GNUC__)
#  define WB_DEPRECATED(msg) __attribute__((deprecated(msg)))
# else
#  define WB_DEPRECATED(msg)
# endif
#endif

#ifdef __cplusplus
# define WB_BEGIN_DECLS extern "C" {
# define WB_END_DECLS }
#else
# define WB_BEGIN_DECLS
# define WB_END_DECLS
#endif

WB_BEGIN_DECLS

/**
 * Release memory that the library handed over through a `char **out`
 * parameter. Accepts NULL.
 *
 * @since 0.1
 */
WB_API void wb_free(void *ptr);

WB_END_DECLS

#endif /* WEIBAO_COMMON_H */
