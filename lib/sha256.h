/*
 * sha256.h - SHA-256 (FIPS 180-4) of buffers and files, for the hashes a
 * report gives of the inputs it was built from.
 *
 * Incremental: init, update any number of times with pieces of any size,
 * then final. A context holds no pointers and no state outside itself, so
 * separate contexts may run on separate threads. Nothing here allocates,
 * prints or aborts.
 */
#ifndef WB_SHA256_H
#define WB_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "weibao/errors.h"

#define WB__SHA256_SIZE 32
#define WB__SHA256_HEXLEN 65          /* 64 hex digits and a NUL */

typedef struct wb__sha256 {
    uint32_t state[8];                /* H0..H7, the running hash value */
    uint64_t length;                  /* bytes hashed so far */
    unsigned char block[64];          /* a partial block waiting for more bytes */
    size_t used;                      /* bytes in block, always < 64 between calls */
} wb__sha256;

void wb__sha256_init(wb__sha256 *ctx);

/* Hash len more bytes; data may be NULL when len is 0. */
void wb__sha256_update(wb__sha256 *ctx, const void *data, size_t len);

/* Pad, finish and write the digest. ctx must be initialised again before reuse. */
void wb__sha256_final(wb__sha256 *ctx, unsigned char digest[WB__SHA256_SIZE]);

/* Lowercase hex of a digest into hex[WB__SHA256_HEXLEN]. */
void wb__sha256_hex(char hex[WB__SHA256_HEXLEN], const unsigned char digest[WB__SHA256_SIZE]);

/*
 * The hex digest of a whole file, read in 64 KiB chunks. WB_OK, or WB_EIO
 * with err naming the file (hex is then the empty string). The file is
 * opened read-only and never written.
 */
int wb__sha256_file(char hex[WB__SHA256_HEXLEN], const char *path, wb_error *err);

#endif
