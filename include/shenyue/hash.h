/* A fast non-cryptographic hash of bytes, for the keys shenyue compares and
 * the names it shortens: report contents (a resubmission), review-file
 * names, sentence and unit keys; and the size of the tables hashed so.
 * Never for anything an attacker could use. */
#ifndef SHENYUE_HASH_H
#define SHENYUE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit FNV-1a hash of n bytes. */
uint64_t sy_hash64(const void *p, size_t n);
/* The slots of an open-addressing table for n entries: a power of two
 * (so a mask picks the slot), at least 16 and more than twice n. */
size_t sy_hash_slots(size_t n);

#endif
