/*
 * version.c - the version of the library as linked.
 */
#include "weibao/version.h"

int wb_version(void)
{
    return WB_VERSION_NUMBER;
}

const char *wb_version_string(void)
{
    return WB_VERSION_STRING;
}
