/*
 * weibao.i - the SWIG interface of libweibao, shared by every language.
 *
 * It wraps the public headers as they are: flat wb_* functions over
 * opaque pointers. Each language builds its idiomatic layer on top (for
 * Python, the weibao package), and that layer owns the handles: it frees
 * a wb_rubric or wb_diagnostics exactly once and makes every borrowed
 * object hold its owner. The pointers below are therefore never marked
 * as owned by SWIG.
 *
 * What this file changes from a plain %include of the headers:
 *  - wb_error *err disappears from the argument list; a failed call (a
 *    negative return) raises the target language's exception instead;
 *  - the `**out` parameters become the return value, replacing the status
 *    code, which after a success is always WB_OK;
 *  - paths, buffers and names get strict string conversions.
 */
/* Each language's build may rename the compiled module with -module; the
 * Python build makes it the private weibao._weibao_core. */
%module weibao_core

/* SWIG only reads declarations; the export attribute means nothing to it. */
#define WB_API
#define WB_DEPRECATED(msg)

%{
#include <string.h>
#include <weibao/weibao.h>
%}

/* ------------------------------------------------------------- hidden */

/* The error record is filled and read by the typemaps below only. */
%ignore wb_error;
%ignore wb_error_clear;
%ignore WB_ERROR_MESSAGE_SIZE;
%ignore WB_ERROR_SOURCE_SIZE;
%ignore WB_ERROR_RULE_SIZE;
/* No function hands out owned strings yet, so nothing to release. */
%ignore wb_free;
/* Bindings turn half points into their own exact number type. */
%ignore wb_points_format;
%ignore WB_POINTS_STRLEN;

/* ----------------------------------------------------------- typemaps */

#if defined(SWIGPYTHON)

%{
/* The exception classes are ordinary Python classes (several of them
 * derive from two built-in exceptions), so they live in Python. */
#define WBPY_ERRORS_MODULE "weibao._errors"

static PyObject *wbpy_decode(const char *text, const char *errors)
{
    return PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), errors);
}

/* Set the Python exception for a failed call. `status` is the call's
 * return value; the record normally carries the same code. */
static void wbpy_raise(int status, const wb_error *err)
{
    PyObject *module = PyImport_ImportModule(WBPY_ERRORS_MODULE);
    if (module == NULL)
        return;
    PyObject *factory = PyObject_GetAttrString(module, "_from_record");
    /* A source is a path: keep undecodable bytes, as os.fsdecode() does. */
    PyObject *message = wbpy_decode(err->message, "replace");
    PyObject *source = wbpy_decode(err->source, "surrogateescape");
    PyObject *rule = wbpy_decode(err->rule, "replace");
    PyObject *exc = NULL;
    if (factory != NULL && message != NULL && source != NULL && rule != NULL)
        exc = PyObject_CallFunction(factory, "iOOiiO",
                                    err->code != WB_OK ? err->code : status,
                                    message, source, err->line, err->column,
                                    rule);
    if (exc != NULL)
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_XDECREF(exc);
    Py_XDECREF(rule);
    Py_XDECREF(source);
    Py_XDECREF(message);
    Py_XDECREF(factory);
    Py_DECREF(module);
}
%}

/* wb_error *err: a fresh record per call; a negative status raises.
 * `result` is the wrapper's copy of the C return value, the status. */
%typemap(in, numinputs=0) wb_error *err (wb_error record) {
    wb_error_clear(&record);
    $1 = &record;
}
%typemap(argout) wb_error *err {
    if (result < 0) {
        Py_XDECREF($result);
        $result = NULL;
        wbpy_raise(result, $1);
        SWIG_fail;
    }
}

/* `**out`: the object found or created becomes the return value. A
 * failed call leaves None here, which the wb_error typemap (err is the
 * last parameter, so it runs after) then replaces with an exception. */
%define WB_OUTPUT_POINTER(TYPE)
%typemap(in, numinputs=0) TYPE **out ($*1_ltype temp = NULL) {
    $1 = &temp;
}
%typemap(argout) TYPE **out {
    Py_XDECREF($result);
    $result = SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, 0);
}
%enddef

WB_OUTPUT_POINTER(wb_rubric)
WB_OUTPUT_POINTER(wb_diagnostics)
WB_OUTPUT_POINTER(const wb_item)
WB_OUTPUT_POINTER(const wb_unit)

/* A path: str, bytes or os.PathLike, encoded as the file system expects;
 * an embedded NUL is a ValueError rather than a shorter path. */
%typemap(in) const char *path (PyObject *encoded = NULL) {
    if (!PyUnicode_FSConverter($input, &encoded))
        SWIG_fail;
    $1 = PyBytes_AS_STRING(encoded);
}
%typemap(freearg) const char *path {
    Py_XDECREF(encoded$argnum);
}

/* A document in memory: bytes, passed without a copy. */
%typemap(in) (const char *data, size_t len) {
    char *bytes;
    Py_ssize_t size;
    if (!PyBytes_Check($input)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    if (PyBytes_AsStringAndSize($input, &bytes, &size) < 0)
        SWIG_fail;
    $1 = bytes;
    $2 = (size_t)size;
}

/* An id or a name: str (or None for an optional name), UTF-8 encoded. A
 * NUL inside would silently cut the text, so it is refused. The pointer
 * is cached by the str object, which outlives the call. */
%typemap(in) const char *id, const char *name, const char *rule_id {
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyUnicode_Check($input)) {
        Py_ssize_t size;
        const char *text = PyUnicode_AsUTF8AndSize($input, &size);
        if (text == NULL)
            SWIG_fail;
        if (strlen(text) != (size_t)size) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            SWIG_fail;
        }
        $1 = ($1_ltype)text;
    } else {
        PyErr_Format(PyExc_TypeError, "expected str, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}

#endif /* SWIGPYTHON */

/* ------------------------------------------------------------ headers */

%include "weibao/common.h"
%include "weibao/version.h"
%include "weibao/errors.h"
%include "weibao/diagnostic.h"
%include "weibao/rubric.h"
