/* A pool of worker threads over numbered jobs 0..n-1 (a batch's files):
 * each job runs once, taken in order, on whichever thread is free. The
 * caller consumes results in input order (sy_pool_ensure), can do a job
 * itself rather than wait for it, and bounds how far the workers run ahead
 * of it, so memory stays bounded however long the batch. */
#ifndef SHENYUE_POOL_H
#define SHENYUE_POOL_H

#include <stdbool.h>
#include <stddef.h>

struct sy_pool;

/* Runs job number i; ctx is the one given to sy_pool_start. Jobs run on
 * several threads at once: each must touch only what belongs to job i. */
typedef void (*sy_pool_job)(void *ctx, size_t i);

/* A -j argument: a number of threads from 1 to 1024, else -1. */
int sy_pool_parse_jobs(const char *s);
/* The number of cores this process may run on (at least 1). */
int sy_pool_cores(void);
/* The workers -j asks for: jobs, or one per core when it is 0. */
int sy_pool_threads(int jobs);

/* Starts n jobs on 'threads' workers (0: one per core). With threads 1 no
 * thread is started: the jobs run on the caller's thread as it asks for
 * them (sy_pool_ensure), one after the other. Workers never start a job
 * 'ahead' or more past the first one not yet released (0: no bound). */
struct sy_pool *sy_pool_start(size_t n, int threads, size_t ahead, sy_pool_job job, void *ctx);
/* As sy_pool_start, but with threads 1 one worker is started all the same:
 * for a caller that must stay free (a UI answering keys), whose thread
 * then runs a job only when it asks for that one (sy_pool_ensure). */
struct sy_pool *sy_pool_start_beside(size_t n, int threads, size_t ahead, sy_pool_job job, void *ctx);
/* Makes sure job i has run: runs it here when no worker has started it,
 * else waits until it is done. Afterwards its results may be read. */
void sy_pool_ensure(struct sy_pool *p, size_t i);
/* sy_pool_ensure for a caller taking the jobs in order: when it must wait
 * for job i it waits for the next few jobs too (never past sy_pool_start's
 * 'ahead'), so it wakes once for several of them, not once each. */
void sy_pool_ensure_next(struct sy_pool *p, size_t i);
/* True when job i is done (its results may be read); never waits. */
bool sy_pool_done(struct sy_pool *p, size_t i);
/* The caller is through with the jobs below k: workers may run on. */
void sy_pool_release(struct sy_pool *p, size_t k);
/* Waits up to ms milliseconds for another job to finish (returns at once
 * when all are done). With no worker thread (threads 1) it does the next
 * job itself instead, so a UI that polls between keys always gets on. */
void sy_pool_wait_any(struct sy_pool *p, int ms);
/* Number of jobs done so far. */
size_t sy_pool_count_done(struct sy_pool *p);
/* Stops: jobs not started are never run, running ones are waited for.
 * Frees the pool (NULL is fine). */
void sy_pool_free(struct sy_pool *p);

#endif
