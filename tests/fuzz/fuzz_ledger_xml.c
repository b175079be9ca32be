/*
 * fuzz_ledger_xml.c - an XML ledger (urn:weibao:ledger:1) from memory,
 * as ledger_target.h checks it; its corpus and dictionary are XML's.
 */
#include "ledger_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ledger(data, size, "fuzz.xml");
    return 0;
}
