/*
 * common.c - memory handed to callers.
 */
#include "weibao/common.h"

#include <stdlib.h>

void wb_free(void *ptr)
{
    free(ptr);
}
