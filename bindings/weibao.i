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
 *    code, which after a success is always WB_OK; so do the value outputs
 *    (`wb_date *out`, `int32_t *out`, `wb_day_info *out`, `wb_deadline
 *    *out`), which are converted at once into the language's own values:
 *    a wb_date becomes the language's date type, and a struct becomes a
 *    plain record whose borrowed strings are already copied;
 *  - a wb_date passed in is the language's date type, never a day count;
 *  - paths, buffers and names get strict string conversions;
 *  - the owned strings of `char **out` (wb_result_message, wb_result_explain,
 *    the wb_report_* reports) are copied into the language's string and
 *    released with wb_free();
 *  - the assessments given to wb_report_table cross as a sequence of the
 *    handles, read into a C array for the length of the call;
 *  - a result callback (wb_evaluation_on_result) is a trampoline that calls
 *    the language's callable; a result crosses as a plain record copied
 *    while the C result is alive;
 *  - the privacy scan's options cross as the language's keyword values
 *    (its word and pattern lists as sequences of strings, read for the
 *    length of the call), and its redacted text as bytes; the built-in
 *    case words come back as a tuple of strings.
 */
/* Each language's build may rename the compiled module with -module; the
 * Python build makes it the private weibao._weibao_core. */
%module weibao_core

/* SWIG only reads declarations; the export attribute means nothing to it. */
#define WB_API
#define WB_DEPRECATED(msg)

%{
#include <stdlib.h>
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
/* The owned strings (wb_calendar_import_notice's XML, wb_result_message
 * and wb_result_explain's text, the wb_report_* reports) are copied and
 * released by their typemaps; nothing else is ever released through it. */
%ignore wb_free;
/* Bindings turn half points into their own exact number type. */
%ignore wb_points_format;
%ignore WB_POINTS_STRLEN;
/* A wb_date crosses as the language's own date type, which splits and
 * formats dates itself; these write into caller memory. */
%ignore wb_date;
%ignore wb_date_to_ymd;
%ignore wb_date_format;
%ignore wb_date_format_chinese;
/* Value structs cross as records built by the typemaps below; the
 * options struct is built from the language's keyword arguments. */
%ignore wb_day_info;
%ignore wb_deadline;
%ignore wb_period_options;
%ignore WB_PERIOD_OPTIONS_INIT;
%ignore wb_privacy_options;
%ignore WB_PRIVACY_OPTIONS_INIT;
/* A C function pointer cannot come from another language: each language
 * installs its own trampoline (for Python, wbpy_evaluation_listen). */
%ignore wb_result_callback;
%ignore wb_evaluation_on_result;

/* int32_t and friends as plain integers, range-checked. */
%include <stdint.i>

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

WB_OUTPUT_POINTER(wb_calendar)
WB_OUTPUT_POINTER(wb_ruleset)
WB_OUTPUT_POINTER(wb_record)
WB_OUTPUT_POINTER(wb_evaluation)

WB_OUTPUT_POINTER(wb_dossier)
WB_OUTPUT_POINTER(wb_assessment)

WB_OUTPUT_POINTER(wb_privacy_scanner)

/* ---- dates: datetime.date both ways, by ordinal arithmetic.
 * A wb_date counts days from 1970-01-01 and Python's date.toordinal()
 * counts them from 0001-01-01 (day 1), so the two differ by the ordinal
 * of 1970-01-01. Both run over exactly 0001-01-01 … 9999-12-31, so every
 * date converts and every valid wb_date does; the arithmetic is
 * Python's own (date.toordinal, date.fromordinal). */
%{
#include <datetime.h>

#define WBPY_EPOCH_ORDINAL 719163L   /* date(1970, 1, 1).toordinal() */
#define WBPY_MAX_ORDINAL 3652059L    /* date(9999, 12, 31).toordinal() */

/* datetime.date, or a subclass of it other than datetime.datetime (a
 * datetime is a date too, but silently dropping its time would hide a
 * bug in the caller) -> wb_date. 0, or -1 with TypeError set. */
static int wbpy_date_in(PyObject *obj, wb_date *out)
{
    if (PyDateTime_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "expected datetime.date, not %.200s (pass its .date())",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (!PyDate_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected datetime.date, not %.200s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    /* date.toordinal(obj), not obj.toordinal(): a subclass may not
     * redefine what day it is. */
    PyObject *ordinal = PyObject_CallMethod((PyObject *)PyDateTimeAPI->DateType,
                                            "toordinal", "O", obj);
    if (ordinal == NULL)
        return -1;
    long n = PyLong_AsLong(ordinal);
    Py_DECREF(ordinal);
    if (n == -1 && PyErr_Occurred())
        return -1;
    out->days = (int32_t)(n - WBPY_EPOCH_ORDINAL);
    return 0;
}

/* wb_date -> a new datetime.date; NULL with OverflowError set for a day
 * number outside 0001-01-01 … 9999-12-31. */
static PyObject *wbpy_date_out(wb_date date)
{
    long ordinal = (long)date.days + WBPY_EPOCH_ORDINAL;
    if (ordinal < 1 || ordinal > WBPY_MAX_ORDINAL) {
        PyErr_Format(PyExc_OverflowError,
                     "day number %ld lies outside 0001-01-01 to 9999-12-31",
                     (long)date.days);
        return NULL;
    }
    return PyObject_CallMethod((PyObject *)PyDateTimeAPI->DateType,
                               "fromordinal", "l", ordinal);
}
%}

%init %{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
%}

%typemap(in) wb_date {
    if (wbpy_date_in($input, &$1) < 0)
        SWIG_fail;
}
%typemap(out) wb_date {
    $result = wbpy_date_out($1);
    if ($result == NULL)
        SWIG_fail;
}

/* The value outputs. On a failed call the return value is None, which
 * the wb_error typemap then replaces with an exception; a call with no
 * error record (wb_calendar_projected_from, wb_dossier_since,
 * wb_dossier_veto_date) returns None for "no date". */
%typemap(in, numinputs=0) wb_date *out (wb_date temp) {
    temp.days = 0;
    $1 = &temp;
}
%typemap(argout) wb_date *out {
    Py_XDECREF($result);
    if (result < 0) {
        Py_INCREF(Py_None);
        $result = Py_None;
    } else {
        $result = wbpy_date_out(*$1);
        if ($result == NULL)
            SWIG_fail;
    }
}

%typemap(in, numinputs=0) int32_t *out (int32_t temp) {
    temp = 0;
    $1 = &temp;
}
%typemap(argout) int32_t *out {
    Py_XDECREF($result);
    $result = PyLong_FromLong((long)*$1);
    if ($result == NULL)
        SWIG_fail;
}

%{
/* Borrowed text -> a new str (None for NULL), copied now, so the record
 * does not depend on the calendar that lent it. Decoded as SWIG decodes
 * every other returned string. */
static PyObject *wbpy_text(const char *text)
{
    if (text == NULL)
        Py_RETURN_NONE;
    return wbpy_decode(text, "surrogateescape");
}

/* dict[key] = value, dropping the reference to value. 0, or -1 with an
 * exception set (value NULL means its conversion failed). */
static int wbpy_set(PyObject *dict, const char *key, PyObject *value)
{
    int rc = value == NULL ? -1 : PyDict_SetItemString(dict, key, value);
    Py_XDECREF(value);
    return rc;
}

/* wb_day_info -> {field: value}, by the C field names. */
static PyObject *wbpy_day_info(const wb_day_info *info)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (wbpy_set(d, "kind", PyLong_FromLong((long)info->kind)) < 0
        || wbpy_set(d, "is_workday", PyBool_FromLong(info->is_workday)) < 0
        || wbpy_set(d, "provisional", PyBool_FromLong(info->provisional)) < 0
        || wbpy_set(d, "holiday", wbpy_text(info->holiday)) < 0
        || wbpy_set(d, "notice", wbpy_text(info->notice)) < 0
        || wbpy_set(d, "projected", PyBool_FromLong(info->projected)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* wb_deadline -> {field: value}, by the C field names. */
static PyObject *wbpy_deadline(const wb_deadline *dl)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (wbpy_set(d, "start", wbpy_date_out(dl->start)) < 0
        || wbpy_set(d, "nominal_end", wbpy_date_out(dl->nominal_end)) < 0
        || wbpy_set(d, "end", wbpy_date_out(dl->end)) < 0
        || wbpy_set(d, "moved", PyBool_FromLong(dl->moved)) < 0
        || wbpy_set(d, "nominal_kind", PyLong_FromLong((long)dl->nominal_kind)) < 0
        || wbpy_set(d, "holiday", wbpy_text(dl->holiday)) < 0
        || wbpy_set(d, "notice", wbpy_text(dl->notice)) < 0
        || wbpy_set(d, "provisional", PyBool_FromLong(dl->provisional)) < 0
        || wbpy_set(d, "projected", PyBool_FromLong(dl->projected)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}
%}

%define WB_OUTPUT_RECORD(TYPE, CONVERT)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) TYPE *out {
    Py_XDECREF($result);
    if (result < 0) {
        Py_INCREF(Py_None);
        $result = Py_None;
    } else {
        $result = CONVERT($1);
        if ($result == NULL)
            SWIG_fail;
    }
}
%enddef

WB_OUTPUT_RECORD(wb_day_info, wbpy_day_info)
WB_OUTPUT_RECORD(wb_deadline, wbpy_deadline)

/* Period options: None for the library's defaults, or a dict of the
 * struct's fields (version aside), e.g. {"move_off_rest_days": False};
 * fields not given keep their defaults, unknown ones are a TypeError. */
%typemap(in) const wb_period_options *options (wb_period_options temp) {
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyDict_Check($input)) {
        const wb_period_options defaults = WB_PERIOD_OPTIONS_INIT;
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        temp = defaults;
        while (PyDict_Next($input, &pos, &key, &value)) {
            if (PyUnicode_Check(key)
                && PyUnicode_CompareWithASCIIString(key, "move_off_rest_days") == 0) {
                int flag = PyObject_IsTrue(value);
                if (flag < 0)
                    SWIG_fail;
                temp.move_off_rest_days = flag;
            } else {
                PyErr_Format(PyExc_TypeError, "unknown period option %R", key);
                SWIG_fail;
            }
        }
        $1 = &temp;
    } else {
        PyErr_Format(PyExc_TypeError, "expected a dict of options or None, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}

/* wb_check_*: (findings, the kind recognised). The findings list goes to
 * the caller, who frees it; here only if it could not be handed over. */
%typemap(in, numinputs=0) (wb_diagnostics **out, wb_document_kind *kind)
        (wb_diagnostics *list = NULL, wb_document_kind temp = WB_DOCUMENT_UNKNOWN) {
    $1 = &list;
    $2 = &temp;
}
%typemap(argout) (wb_diagnostics **out, wb_document_kind *kind) {
    if (result >= 0) {
        PyObject *pair = Py_BuildValue("(Ni)",
            SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $descriptor(wb_diagnostics *), 0),
            (int)*$2);
        Py_XDECREF($result);
        $result = pair;
        if (pair == NULL)
            SWIG_fail;
        *$1 = NULL;   /* now the caller's */
    }
}
%typemap(freearg) (wb_diagnostics **out, wb_document_kind *kind) {
    if ($1 != NULL)
        wb_diagnostics_free(*$1);
}

/* wb_calendar_import_notice: (xml or None, findings). The XML is copied
 * into a str and released with wb_free() here, whatever happens; the
 * findings list goes to the caller, who frees it. */
%typemap(in, numinputs=0) (char **xml_out, wb_diagnostics **findings)
        (char *xml = NULL, wb_diagnostics *list = NULL) {
    $1 = &xml;
    $2 = &list;
}
%typemap(argout) (char **xml_out, wb_diagnostics **findings) {
    if (result >= 0) {
        PyObject *text = wbpy_text(*$1);
        PyObject *found = text == NULL ? NULL
            : SWIG_NewPointerObj(SWIG_as_voidptr(*$2),
                                 $descriptor(wb_diagnostics *), 0);
        PyObject *pair = found == NULL ? NULL : PyTuple_Pack(2, text, found);
        Py_XDECREF(found);
        Py_XDECREF(text);
        Py_XDECREF($result);
        $result = pair;
        if (pair == NULL)
            SWIG_fail;
        *$2 = NULL;   /* now the caller's */
    }
}
%typemap(freearg) (char **xml_out, wb_diagnostics **findings) {
    /* NULL when a failure came before the arguments were set up. */
    if ($1 != NULL)
        wb_free(*$1);
    if ($2 != NULL)
        wb_diagnostics_free(*$2);
}

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
%apply (const char *data, size_t len) { (const char *text, size_t len) };

/* An id, a name, a date's text, a ledger kind, a column or its value: str
 * (or None for an optional name or kind, or a value that clears its
 * column), UTF-8 encoded. A NUL inside would silently cut the text, so it is
 * refused. The pointer is cached by the str object, which outlives the
 * call. */
%typemap(in) const char *id, const char *name, const char *rule_id,
              const char *text, const char *kind, const char *field,
              const char *value, const char *id_number {
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

/* ---- ledgers, rules and compliance */

/* wb_ledger_detect_file: the kind recognised, or None when a CSV header
 * fits no kind or several. */
%typemap(in, numinputs=0) const wb_ledger_kind **kind (const wb_ledger_kind *temp = NULL) {
    $1 = ($1_ltype)&temp;
}
%typemap(argout) const wb_ledger_kind **kind {
    Py_XDECREF($result);
    $result = SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, 0);
}

/* wb_mask_id_number: the masked text becomes the return value. */
%typemap(in, numinputs=0) char *buf (char temp[WB_MASK_STRLEN]) {
    temp[0] = '\0';
    $1 = temp;
}
%typemap(argout) char *buf {
    Py_XDECREF($result);
    $result = wbpy_text($1);
    if ($result == NULL)
        SWIG_fail;
}

/* wb_result_message, wb_result_explain, the wb_report_* reports: the
 * text is copied into a str and released with wb_free() here, whatever
 * happens. */
%typemap(in, numinputs=0) char **out (char *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) char **out {
    if (result >= 0) {
        Py_XDECREF($result);
        $result = wbpy_text(*$1);
        if ($result == NULL)
            SWIG_fail;
    }
}
%typemap(freearg) char **out {
    if ($1 != NULL)
        wb_free(*$1);
}

/* The parts of a result over whole ledgers: a tuple, or None when the
 * result has none (WB_ENOTFOUND; these calls take no error record). */
%typemap(in, numinputs=0) (wb_date *from, wb_date *to) (wb_date a, wb_date b) {
    a.days = b.days = 0;
    $1 = &a;
    $2 = &b;
}
%typemap(argout) (wb_date *from, wb_date *to) {
    Py_XDECREF($result);
    $result = result < 0 ? (Py_INCREF(Py_None), Py_None)
                         : Py_BuildValue("(NN)", wbpy_date_out(*$1), wbpy_date_out(*$2));
    if ($result == NULL)
        SWIG_fail;
}
%typemap(in, numinputs=0) (int64_t *numerator, int64_t *denominator, int32_t *percent)
        (int64_t n = 0, int64_t d = 0, int32_t p = 0) {
    $1 = &n;
    $2 = &d;
    $3 = &p;
}
%typemap(argout) (int64_t *numerator, int64_t *denominator, int32_t *percent) {
    Py_XDECREF($result);
    $result = result < 0 ? (Py_INCREF(Py_None), Py_None)
                         : Py_BuildValue("(LLi)", (long long)*$1, (long long)*$2, (int)*$3);
    if ($result == NULL)
        SWIG_fail;
}
%typemap(in, numinputs=0) (int64_t *have, int64_t *need) (int64_t h = 0, int64_t n = 0) {
    $1 = &h;
    $2 = &n;
}
%typemap(argout) (int64_t *have, int64_t *need) {
    Py_XDECREF($result);
    $result = result < 0 ? (Py_INCREF(Py_None), Py_None)
                         : Py_BuildValue("(LL)", (long long)*$1, (long long)*$2);
    if ($result == NULL)
        SWIG_fail;
}

/* ---- the self-assessment */

/* wb_report_table: a sequence of assessments (their handles), read into
 * a C array that lives for the call. A handle is borrowed: the sequence
 * holds its items, and the typemap holds the sequence until the call
 * returns. None, or anything but an assessment, is a TypeError. */
%typemap(in) (const wb_assessment *const *list, size_t count)
        (PyObject *seq = NULL, const wb_assessment **array = NULL) {
    Py_ssize_t n, k;
    seq = PySequence_Fast($input, "expected a sequence of assessments");
    if (seq == NULL)
        SWIG_fail;
    n = PySequence_Fast_GET_SIZE(seq);
    array = (const wb_assessment **)calloc((size_t)n + 1, sizeof(*array));
    if (array == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (k = 0; k < n; k++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, k);
        void *ptr = NULL;
        if (item == Py_None
            || !SWIG_IsOK(SWIG_ConvertPtr(item, &ptr, $descriptor(wb_assessment *), 0))
            || ptr == NULL) {
            PyErr_Format(PyExc_TypeError, "item %zd is not an assessment, but %.200s",
                         k, Py_TYPE(item)->tp_name);
            SWIG_fail;
        }
        array[k] = (const wb_assessment *)ptr;
    }
    $1 = ($1_ltype)array;
    $2 = (size_t)n;
}
%typemap(freearg) (const wb_assessment *const *list, size_t count) {
    free((void *)array$argnum);
    Py_XDECREF(seq$argnum);
}

%{
/* A date a result may lack: None when `status` says it has none. */
static PyObject *wbpy_optional_date(int status, wb_date date)
{
    if (status < 0)
        Py_RETURN_NONE;
    return wbpy_date_out(date);
}

typedef int (*wbpy_text_fn)(char **out, const wb_result *result, wb_lang lang,
                            wb_error *err);

/* An owned text of a result (message, explanation) -> a new str; the C
 * string is released with wb_free() whatever happens. NULL with the
 * exception set on failure. */
static PyObject *wbpy_result_text(wbpy_text_fn fn, const wb_result *result, wb_lang lang)
{
    char *text = NULL;
    wb_error err;
    wb_error_clear(&err);
    int status = fn(&text, result, lang, &err);
    PyObject *str = NULL;
    if (status < 0)
        wbpy_raise(status, &err);
    else
        str = wbpy_text(text);
    wb_free(text);
    return str;
}

/* A result -> {field: value}, every field read now, so the record
 * outlives the C result (which a callback's lasts only until it
 * returns) and the rule set and calendar it points into. Both
 * languages' texts are rendered at once. */
static PyObject *wbpy_result_fields(const wb_result *r)
{
    if (r == NULL) {
        PyErr_SetString(PyExc_ValueError, "no result");
        return NULL;
    }
    wb_date due, done, from, to;
    int has_due = wb_result_due(r, &due);
    int has_done = wb_result_done(r, &done);
    int has_span = wb_result_span(r, &from, &to);
    int64_t numerator = 0, denominator = 0, have = 0, need = 0;
    int32_t percent = 0;
    int has_ratio = wb_result_ratio(r, &numerator, &denominator, &percent);
    int has_count = wb_result_count(r, &have, &need);
    int line = wb_result_line(r);
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (wbpy_set(d, "rule", wbpy_text(wb_result_rule(r))) < 0
        || wbpy_set(d, "standard", wbpy_text(wb_result_standard(r))) < 0
        || wbpy_set(d, "outcome", PyLong_FromLong((long)wb_result_outcome(r))) < 0
        || wbpy_set(d, "severity", PyLong_FromLong((long)wb_result_severity(r))) < 0
        || wbpy_set(d, "key", wbpy_text(wb_result_key(r))) < 0
        || wbpy_set(d, "unit", wbpy_text(wb_result_unit(r))) < 0
        || wbpy_set(d, "township", wbpy_text(wb_result_township(r))) < 0
        || wbpy_set(d, "source", wbpy_text(wb_result_source(r))) < 0
        || wbpy_set(d, "line", line > 0 ? PyLong_FromLong((long)line)
                                        : (Py_INCREF(Py_None), Py_None)) < 0
        || wbpy_set(d, "due", wbpy_optional_date(has_due, due)) < 0
        || wbpy_set(d, "done", wbpy_optional_date(has_done, done)) < 0
        || wbpy_set(d, "days_late", PyLong_FromLong((long)wb_result_days_late(r))) < 0
        || wbpy_set(d, "days_left", PyLong_FromLong((long)wb_result_days_left(r))) < 0
        || wbpy_set(d, "provisional", PyBool_FromLong(wb_result_provisional(r))) < 0
        || wbpy_set(d, "due_is_bound", PyBool_FromLong(wb_result_due_is_bound(r))) < 0
        || wbpy_set(d, "missing", wbpy_text(wb_result_missing(r))) < 0
        || wbpy_set(d, "span", has_span < 0 ? (Py_INCREF(Py_None), Py_None)
                   : Py_BuildValue("(NN)", wbpy_date_out(from), wbpy_date_out(to))) < 0
        || wbpy_set(d, "ratio", has_ratio < 0 ? (Py_INCREF(Py_None), Py_None)
                   : Py_BuildValue("(LLi)", (long long)numerator, (long long)denominator,
                                   (int)percent)) < 0
        || wbpy_set(d, "count", has_count < 0 ? (Py_INCREF(Py_None), Py_None)
                   : Py_BuildValue("(LL)", (long long)have, (long long)need)) < 0
        || wbpy_set(d, "detail_zh", wbpy_text(wb_result_detail(r, WB_LANG_ZH))) < 0
        || wbpy_set(d, "detail_en", wbpy_text(wb_result_detail(r, WB_LANG_EN))) < 0
        || wbpy_set(d, "message_zh", wbpy_result_text(wb_result_message, r, WB_LANG_ZH)) < 0
        || wbpy_set(d, "message_en", wbpy_result_text(wb_result_message, r, WB_LANG_EN)) < 0
        || wbpy_set(d, "explanation_zh",
                    wbpy_result_text(wb_result_explain, r, WB_LANG_ZH)) < 0
        || wbpy_set(d, "explanation_en",
                    wbpy_result_text(wb_result_explain, r, WB_LANG_EN)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* What the trampoline returns to stop an evaluation: positive, so the
 * interrupted call returns it as its status instead of raising, and the
 * language layer raises the exception the listener recorded. */
#define WBPY_STOPPED 1

/* The C callback of an evaluation. `payload` is the listener, a Python
 * callable that the language layer keeps alive with the evaluation; it
 * is called with the result's fields. If it raises, the exception is
 * stored in its `error` attribute (with its traceback) and the
 * evaluation stops. */
static int wbpy_on_result(const wb_result *result, void *payload)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *listener = (PyObject *)payload;
    int rc = 0;
    PyObject *fields = wbpy_result_fields(result);
    PyObject *ret = fields == NULL ? NULL : PyObject_CallOneArg(listener, fields);
    Py_XDECREF(fields);
    if (ret == NULL) {
        PyObject *type = NULL, *value = NULL, *tb = NULL;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        if (value != NULL && tb != NULL)
            PyException_SetTraceback(value, tb);
        if (value == NULL || PyObject_SetAttrString(listener, "error", value) < 0)
            PyErr_Clear();   /* the layer then reports that the callback failed */
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        rc = WBPY_STOPPED;
    } else {
        Py_DECREF(ret);
    }
    PyGILState_Release(gil);
    return rc;
}

/* Send an evaluation's results to a Python listener (None: keep them).
 * The listener is borrowed: the language layer keeps it alive as long
 * as the evaluation. */
static void wbpy_evaluation_listen(wb_evaluation *ev, PyObject *listener)
{
    if (listener == Py_None)
        wb_evaluation_on_result(ev, NULL, NULL);
    else
        wb_evaluation_on_result(ev, wbpy_on_result, listener);
}
%}

/* ---- the privacy scan */

%{
/* A sequence of str -> a NULL-terminated array of their UTF-8 text, for
 * the length of a call: *seq holds the items, and each str caches its
 * UTF-8. None gives NULL. 0, or -1 with an exception set. */
static int wbpy_string_array(PyObject *obj, const char *what, PyObject **seq,
                             const char ***array)
{
    *seq = NULL;
    *array = NULL;
    if (obj == Py_None)
        return 0;
    if (PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s is a sequence of str, not one string", what);
        return -1;
    }
    *seq = PySequence_Fast(obj, "expected a sequence of str");
    if (*seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(*seq);
    *array = (const char **)calloc((size_t)n + 1, sizeof(**array));
    if (*array == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *item = PySequence_Fast_GET_ITEM(*seq, k);
        Py_ssize_t size;
        const char *text;
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "%s[%zd] is a str, not %.200s", what, k,
                         Py_TYPE(item)->tp_name);
            return -1;
        }
        text = PyUnicode_AsUTF8AndSize(item, &size);
        if (text == NULL)
            return -1;
        if (strlen(text) != (size_t)size) {
            PyErr_Format(PyExc_ValueError, "%s[%zd] has an embedded null character", what, k);
            return -1;
        }
        (*array)[k] = text;
    }
    return 0;
}

/* A limit: an int from 0 (the default) to 2**32 - 1. 0, or -1. */
static int wbpy_limit(PyObject *obj, const char *what, uint32_t *out)
{
    unsigned long long v;
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s is an int, not %.200s", what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    v = PyLong_AsUnsignedLongLong(obj);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    if (v > 0xFFFFFFFFull) {
        PyErr_Format(PyExc_OverflowError, "%s must be below 2**32", what);
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}
%}

/* Privacy options: None for the defaults, or a dict of as_of (a
 * datetime.date, or None for no age rule), case_words and extra_patterns
 * (sequences of str, or None), match_limit and depth_limit (ints, 0 for
 * the defaults); unknown keys are a TypeError. */
%typemap(in) const wb_privacy_options *options
        (wb_privacy_options temp, PyObject *words = NULL, PyObject *patterns = NULL,
         const char **word_array = NULL, const char **pattern_array = NULL) {
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyDict_Check($input)) {
        const wb_privacy_options defaults = WB_PRIVACY_OPTIONS_INIT;
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        temp = defaults;
        while (PyDict_Next($input, &pos, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_Format(PyExc_TypeError, "unknown privacy option %R", key);
                SWIG_fail;
            } else if (PyUnicode_CompareWithASCIIString(key, "as_of") == 0) {
                if (value != Py_None) {
                    if (wbpy_date_in(value, &temp.as_of) < 0)
                        SWIG_fail;
                    temp.has_as_of = 1;
                }
            } else if (PyUnicode_CompareWithASCIIString(key, "case_words") == 0) {
                Py_CLEAR(words);
                free((void *)word_array);
                if (wbpy_string_array(value, "case_words", &words, &word_array) < 0)
                    SWIG_fail;
                temp.case_words = word_array;
            } else if (PyUnicode_CompareWithASCIIString(key, "extra_patterns") == 0) {
                Py_CLEAR(patterns);
                free((void *)pattern_array);
                if (wbpy_string_array(value, "extra_patterns", &patterns, &pattern_array) < 0)
                    SWIG_fail;
                temp.extra_patterns = pattern_array;
            } else if (PyUnicode_CompareWithASCIIString(key, "match_limit") == 0) {
                if (wbpy_limit(value, "match_limit", &temp.match_limit) < 0)
                    SWIG_fail;
            } else if (PyUnicode_CompareWithASCIIString(key, "depth_limit") == 0) {
                if (wbpy_limit(value, "depth_limit", &temp.depth_limit) < 0)
                    SWIG_fail;
            } else {
                PyErr_Format(PyExc_TypeError, "unknown privacy option %R", key);
                SWIG_fail;
            }
        }
        $1 = &temp;
    } else {
        PyErr_Format(PyExc_TypeError, "expected a dict of options or None, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}
%typemap(freearg) const wb_privacy_options *options {
    free((void *)word_array$argnum);
    free((void *)pattern_array$argnum);
    Py_XDECREF(words$argnum);
    Py_XDECREF(patterns$argnum);
}
/* wb_ruleset_privacy_scanner takes the same options as its base. */
%apply const wb_privacy_options *options { const wb_privacy_options *base };

/* wb_privacy_default_case_words: a NULL-terminated list in static
 * storage -> a tuple of str. */
%typemap(out) const char *const * {
    Py_ssize_t n = 0, k;
    while ($1 != NULL && $1[n] != NULL)
        n++;
    $result = PyTuple_New(n);
    if ($result == NULL)
        SWIG_fail;
    for (k = 0; k < n; k++) {
        PyObject *word = wbpy_text($1[k]);
        if (word == NULL) {
            Py_CLEAR($result);
            SWIG_fail;
        }
        PyTuple_SET_ITEM($result, k, word);
    }
}

/* wb_privacy_redact: the redacted text, as bytes (it is the input's bytes
 * with the findings masked, so it is UTF-8 exactly when the input was);
 * the C copy is released with wb_free() here, whatever happens. */
%typemap(in, numinputs=0) (char **out, size_t *out_len) (char *temp = NULL, size_t n = 0) {
    $1 = &temp;
    $2 = &n;
}
%typemap(argout) (char **out, size_t *out_len) {
    if (result >= 0) {
        Py_XDECREF($result);
        $result = PyBytes_FromStringAndSize(*$1 != NULL ? *$1 : "", (Py_ssize_t)*$2);
        if ($result == NULL)
            SWIG_fail;
    }
}
%typemap(freearg) (char **out, size_t *out_len) {
    if ($1 != NULL)
        wb_free(*$1);
}

/* A scan calls no Python and a scanner is immutable: other threads run
 * while one scans or redacts (the text stays alive in the arguments). */
%exception wb_privacy_scan {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
}
%exception wb_privacy_redact {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
}

#endif /* SWIGPYTHON */

/* ------------------------------------------------------------ headers */

%include "weibao/common.h"
%include "weibao/version.h"
%include "weibao/errors.h"
%include "weibao/date.h"
%include "weibao/diagnostic.h"
%include "weibao/rubric.h"
%include "weibao/calendar.h"
%include "weibao/period.h"
%include "weibao/check.h"
%include "weibao/rules.h"
%include "weibao/ledger.h"
%include "weibao/compliance.h"
/* Only the flags: Python reads files with its own open(). */
%ignore wb_file_open;
%ignore wb_file_read;
%ignore wb_path_resolve;
%ignore WB_DOSSIER_OPTIONS_INIT;
%include "weibao/fileio.h"
%include "weibao/dossier.h"
%include "weibao/assessment.h"
%include "weibao/report.h"
%include "weibao/privacy.h"

#if defined(SWIGPYTHON)
/* The Python helpers defined above: a result as a dict of its fields,
 * and the listener of an evaluation. */
PyObject *wbpy_result_fields(const wb_result *r);
void wbpy_evaluation_listen(wb_evaluation *ev, PyObject *listener);
#define WBPY_STOPPED 1
#endif
