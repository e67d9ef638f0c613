/* The worker pool: one mutex and two condition variables. Jobs are
 * milliseconds long (reading and scoring a report), so taking the lock per
 * job costs nothing that shows. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/pool.h"
#include "shenyue/xalloc.h"

enum job_state { JOB_WAITING, JOB_RUNNING, JOB_DONE };

struct sy_pool {
	size_t n, ahead;
	sy_pool_job job;
	void *ctx;
	unsigned char *state;   /* enum job_state per job */
	size_t next;            /* the lowest job perhaps still waiting */
	size_t released;        /* jobs below it are the caller's no more */
	size_t ndone;
	size_t nwant;           /* threads in sy_pool_ensure waiting for a job */
	size_t want;            /* the job the one such thread waits for: each sets it
				 * before it sleeps, and while two or more wait every
				 * job's end wakes them all, so the one left set it last */
	size_t nany;            /* threads in sy_pool_wait_any */
	bool stopping;
	pthread_mutex_t lock;
	pthread_cond_t work;    /* a job may be taken (released moved, or stopping) */
	pthread_cond_t done;    /* a job finished */
	pthread_t *threads;
	int nthreads;
};

int sy_pool_cores(void)
{
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
#endif
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

int sy_pool_threads(int jobs)
{
	return jobs > 0 ? jobs : sy_pool_cores();
}

int sy_pool_parse_jobs(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	return *s && !*end && n >= 1 && n <= 1024 ? (int)n : -1;
}

/* Under the lock: the next job a worker may take, or SIZE_MAX when none now. */
static size_t take(struct sy_pool *p)
{
	while (p->next < p->n && p->state[p->next] != JOB_WAITING)
		p->next++;
	if (p->next >= p->n || (p->ahead && p->next >= p->released + p->ahead))
		return SIZE_MAX;
	p->state[p->next] = JOB_RUNNING;
	return p->next++;
}

/* Under the lock: does job i's end concern a waiting thread? Not when the
 * one thread in sy_pool_ensure waits for another job: it would only wake
 * to sleep again, once per job of the batch. */
static bool end_awaited(const struct sy_pool *p, size_t i)
{
	return p->nany || p->nwant > 1 || (p->nwant == 1 && p->want == i);
}

/* Runs job i, the lock not held, and marks it done. */
static void run(struct sy_pool *p, size_t i)
{
	pthread_mutex_unlock(&p->lock);
	p->job(p->ctx, i);
	pthread_mutex_lock(&p->lock);
	p->state[i] = JOB_DONE;
	p->ndone++;
	if (end_awaited(p, i))
		pthread_cond_broadcast(&p->done);
}

static void *worker(void *arg)
{
	struct sy_pool *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stopping) {
		size_t i = take(p);
		if (i != SIZE_MAX) {
			run(p, i);
			continue;
		}
		if (p->next >= p->n)
			break;
		pthread_cond_wait(&p->work, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Starts the pool with 'threads' workers (0: one per core); with one, no
 * worker unless beside asks for one. */
static struct sy_pool *pool_start(size_t n, int threads, bool beside, size_t ahead, sy_pool_job job, void *ctx)
{
	struct sy_pool *p = xcalloc(1, sizeof *p);
	p->n = n;
	p->ahead = ahead;
	p->job = job;
	p->ctx = ctx;
	p->state = xcalloc(n ? n : 1, 1);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	if (threads <= 0)
		threads = sy_pool_cores();
	if ((threads == 1 && !beside) || n == 0)
		return p; /* the caller's thread does the jobs */
	if ((size_t)threads > n)
		threads = (int)n;
	p->threads = xcalloc((size_t)threads, sizeof *p->threads);
	for (int t = 0; t < threads; t++) {
		if (pthread_create(&p->threads[t], NULL, worker, p) != 0) {
			fprintf(stderr, "shenyue: cannot start a thread: %s\n", strerror(errno));
			break; /* fewer workers; the caller does what is left */
		}
		p->nthreads++;
	}
	return p;
}

struct sy_pool *sy_pool_start(size_t n, int threads, size_t ahead, sy_pool_job job, void *ctx)
{
	return pool_start(n, threads, false, ahead, job, ctx);
}

struct sy_pool *sy_pool_start_beside(size_t n, int threads, size_t ahead, sy_pool_job job, void *ctx)
{
	return pool_start(n, threads, true, ahead, job, ctx);
}

void sy_pool_ensure(struct sy_pool *p, size_t i)
{
	if (i >= p->n)
		return;
	pthread_mutex_lock(&p->lock);
	if (p->state[i] == JOB_WAITING) {
		p->state[i] = JOB_RUNNING;
		run(p, i);
	}
	p->nwant++;
	while (p->state[i] != JOB_DONE) {
		p->want = i;
		pthread_cond_wait(&p->done, &p->lock);
	}
	p->nwant--;
	pthread_mutex_unlock(&p->lock);
}

/* Jobs a caller taking them in order waits for at once when it must wait
 * (sy_pool_ensure_next): woken for each, it spent more on waking than on
 * taking them. */
#define TAKE_TOGETHER 4

void sy_pool_ensure_next(struct sy_pool *p, size_t i)
{
	size_t count = p->ahead && p->ahead < TAKE_TOGETHER ? p->ahead : TAKE_TOGETHER;
	size_t last = i + count - 1;
	if (last >= p->n)
		last = p->n ? p->n - 1 : 0;
	if (p->nthreads && last > i && !sy_pool_done(p, i))
		sy_pool_ensure(p, last);
	sy_pool_ensure(p, i);
}

bool sy_pool_done(struct sy_pool *p, size_t i)
{
	if (i >= p->n)
		return false;
	pthread_mutex_lock(&p->lock);
	bool done = p->state[i] == JOB_DONE;
	pthread_mutex_unlock(&p->lock);
	return done;
}

void sy_pool_release(struct sy_pool *p, size_t k)
{
	pthread_mutex_lock(&p->lock);
	if (k > p->released) {
		p->released = k;
		pthread_cond_broadcast(&p->work);
	}
	pthread_mutex_unlock(&p->lock);
}

size_t sy_pool_count_done(struct sy_pool *p)
{
	pthread_mutex_lock(&p->lock);
	size_t n = p->ndone;
	pthread_mutex_unlock(&p->lock);
	return n;
}

void sy_pool_wait_any(struct sy_pool *p, int ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&p->lock);
	if (!p->nthreads) { /* nobody else will: the caller's thread does the next job */
		size_t i = take(p);
		if (i != SIZE_MAX)
			run(p, i);
		pthread_mutex_unlock(&p->lock);
		return;
	}
	size_t before = p->ndone;
	p->nany++;
	while (p->ndone == before && p->ndone < p->n)
		if (pthread_cond_timedwait(&p->done, &p->lock, &until) == ETIMEDOUT)
			break;
	p->nany--;
	pthread_mutex_unlock(&p->lock);
}

void sy_pool_free(struct sy_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (int t = 0; t < p->nthreads; t++)
		pthread_join(p->threads[t], NULL);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	free(p->threads);
	free(p->state);
	free(p);
}
