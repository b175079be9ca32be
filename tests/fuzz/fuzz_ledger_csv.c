/*
 * fuzz_ledger_csv.c - a CSV ledger from memory (UTF-8, BOM or GB18030),
 * as ledger_target.h checks it; its corpus and dictionary are CSV's.
 */
#include "ledger_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ledger(data, size, "fuzz.csv");
    return 0;
}
