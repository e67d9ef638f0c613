/* The worker pool: every job once, results read in input order, a bound on
 * how far the workers run ahead, the caller doing jobs itself (also when
 * it only polls, with no worker), or none (a worker beside it). */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/pool.h"

struct counts {
	atomic_int *runs;          /* per job: times it ran */
	atomic_size_t consumed;    /* jobs the consumer is through with */
	size_t ahead;
	atomic_int too_far;        /* jobs started past the bound */
	pthread_t caller;
	atomic_int on_caller;      /* jobs run on the caller's thread */
	size_t *result;            /* job i writes i * 3 */
};

static void job(void *ctx, size_t i)
{
	struct counts *c = ctx;
	atomic_fetch_add(&c->runs[i], 1);
	if (c->ahead && i >= atomic_load(&c->consumed) + c->ahead)
		atomic_fetch_add(&c->too_far, 1);
	if (pthread_equal(pthread_self(), c->caller))
		atomic_fetch_add(&c->on_caller, 1);
	c->result[i] = i * 3;
}

/* Counts for n jobs, run on this thread as the caller, with the bound ahead. */
static struct counts counts_for(size_t n, size_t ahead)
{
	return (struct counts){ calloc(n + 1, sizeof(atomic_int)), 0, ahead, 0, pthread_self(), 0,
				calloc(n + 1, sizeof(size_t)) };
}

static void counts_free(struct counts *c)
{
	free(c->runs);
	free(c->result);
}

/* Consumes n jobs in order, through sy_pool_ensure or (next) through
 * sy_pool_ensure_next, which waits for a few at once. */
static void run_batch_taking(size_t n, int threads, size_t ahead, bool next)
{
	struct counts c = counts_for(n, ahead);
	struct sy_pool *p = sy_pool_start(n, threads, ahead, job, &c);
	for (size_t i = 0; i < n; i++) {
		if (next)
			sy_pool_ensure_next(p, i);
		else
			sy_pool_ensure(p, i);
		assert_true(sy_pool_done(p, i));
		assert_int_equal(c.result[i], i * 3); /* its results are there to read */
		atomic_store(&c.consumed, i + 1);
		sy_pool_release(p, i + 1);
	}
	assert_int_equal(sy_pool_count_done(p), n);
	sy_pool_free(p);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(atomic_load(&c.runs[i]), 1);
	assert_int_equal(atomic_load(&c.too_far), 0);
	if (threads == 1)
		assert_int_equal(atomic_load(&c.on_caller), (int)n);
	counts_free(&c);
}

static void run_batch(size_t n, int threads, size_t ahead)
{
	run_batch_taking(n, threads, ahead, false);
}

static void test_every_job_once_in_order(void **state)
{
	static const int threads[] = { 1, 2, 4, 8, 0 };
	static const size_t sizes[] = { 0, 1, 7, 1000 };
	for (size_t t = 0; t < sizeof threads / sizeof *threads; t++)
		for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
			run_batch(sizes[s], threads[t], 0);
			run_batch(sizes[s], threads[t], 3);
		}
}

/* Waiting for a few jobs at once changes nothing of what is consumed: every
 * job once, in order, within the bound, also one tighter than the few (the
 * jobs waited for may run on the caller's thread). */
static void test_taking_jobs_together(void **state)
{
	static const int threads[] = { 1, 2, 4, 0 };
	static const size_t sizes[] = { 1, 2, 5, 1000 };
	for (size_t t = 0; t < sizeof threads / sizeof *threads; t++)
		for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
			run_batch_taking(sizes[s], threads[t], 0, true);
			run_batch_taking(sizes[s], threads[t], 1, true);
			run_batch_taking(sizes[s], threads[t], 3, true);
			run_batch_taking(sizes[s], threads[t], 8, true);
		}
}

static void slow_job(void *ctx, size_t i)
{
	struct timespec ms = { 0, 1000000 };
	nanosleep(&ms, NULL);
	job(ctx, i);
}

struct waiter {
	struct sy_pool *p;
	size_t job;
};

static void *ensure_on_thread(void *arg)
{
	struct waiter *w = arg;
	sy_pool_ensure(w->p, w->job);
	return NULL;
}

/* Two threads waiting at once for different jobs are both woken: a job's
 * end wakes only a thread waiting for it, so each must be known. */
static void test_two_waiters_both_woken(void **state)
{
	alarm(60); /* a waiter never woken is a failure, not a hang */
	for (int round = 0; round < 20; round++) {
		struct counts c = counts_for(63, 0);
		struct sy_pool *p = sy_pool_start(64, 2, 0, slow_job, &c);
		struct waiter a = { p, 40 + (size_t)round % 7 }, b = { p, 10 + (size_t)round % 5 };
		pthread_t ta, tb;
		assert_int_equal(pthread_create(&ta, NULL, ensure_on_thread, &a), 0);
		assert_int_equal(pthread_create(&tb, NULL, ensure_on_thread, &b), 0);
		pthread_join(ta, NULL);
		pthread_join(tb, NULL);
		assert_true(sy_pool_done(p, a.job));
		assert_true(sy_pool_done(p, b.job));
		sy_pool_free(p);
		counts_free(&c);
	}
	alarm(0);
}

static void test_workers_wait_for_the_consumer(void **state)
{
	/* nothing consumed: four workers stop at the bound */
	struct counts c = counts_for(99, 5);
	struct sy_pool *p = sy_pool_start(100, 4, 5, job, &c);
	for (int tries = 0; tries < 200 && sy_pool_count_done(p) < 5; tries++)
		sy_pool_wait_any(p, 10);
	assert_int_equal(sy_pool_count_done(p), 5);
	sy_pool_wait_any(p, 50); /* and no further */
	assert_int_equal(sy_pool_count_done(p), 5);
	/* the caller may still do a job beyond the bound itself */
	sy_pool_ensure(p, 50);
	assert_int_equal(atomic_load(&c.runs[50]), 1);
	assert_int_equal(atomic_load(&c.on_caller), 1);
	/* freed early: the jobs never started never run */
	sy_pool_free(p);
	int ran = 0;
	for (int i = 0; i < 100; i++)
		ran += atomic_load(&c.runs[i]);
	assert_int_equal(ran, 6);
	counts_free(&c);
}

/* One thread: no worker starts, so a caller that only polls (the UI's
 * loader) gets each job done by waiting, in order, on its own thread. */
static void test_polling_alone_gets_on(void **state)
{
	struct counts c = counts_for(9, 0);
	struct sy_pool *p = sy_pool_start(10, 1, 0, job, &c);
	for (size_t k = 1; k <= 10; k++) {
		sy_pool_wait_any(p, 10);
		assert_int_equal(sy_pool_count_done(p), k);
		assert_true(sy_pool_done(p, k - 1));
	}
	sy_pool_wait_any(p, 10); /* all done: nothing more, at once */
	assert_int_equal(sy_pool_count_done(p), 10);
	assert_int_equal(atomic_load(&c.on_caller), 10);
	sy_pool_free(p);
	counts_free(&c);
}

/* One thread beside the caller (the UI's loader): a worker does every job,
 * polling does none on the caller's thread. */
static void test_beside_keeps_the_caller_free(void **state)
{
	struct counts c = counts_for(9, 0);
	struct sy_pool *p = sy_pool_start_beside(10, 1, 0, job, &c);
	for (int tries = 0; tries < 500 && sy_pool_count_done(p) < 10; tries++)
		sy_pool_wait_any(p, 10);
	assert_int_equal(sy_pool_count_done(p), 10);
	assert_int_equal(atomic_load(&c.on_caller), 0);
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(c.result[i], i * 3);
	sy_pool_free(p);
	counts_free(&c);
}

static void test_cores_is_positive(void **state)
{
	assert_true(sy_pool_cores() >= 1);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_job_once_in_order),
		cmocka_unit_test(test_taking_jobs_together),
		cmocka_unit_test(test_two_waiters_both_woken),
		cmocka_unit_test(test_workers_wait_for_the_consumer),
		cmocka_unit_test(test_polling_alone_gets_on),
		cmocka_unit_test(test_beside_keeps_the_caller_free),
		cmocka_unit_test(test_cores_is_positive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
