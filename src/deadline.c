/* Deadlines, received dates and publication dates of reports. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/deadline.h"
#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/meta.h"
#include "shenyue/xalloc.h"

int sy_date_parse(const char *s, struct sy_date *d)
{
	if (!s)
		return -1;
	char *sq = sy_squeeze(s);
	int y, m, day;
	bool ok = sy_meta_find_date(sq, &y, &m, &day) && strlen(sq) <= 20;
	free(sq);
	if (!ok)
		return -1;
	*d = (struct sy_date){ y, m, day };
	return 0;
}

void sy_date_format(const struct sy_date *d, char *buf, size_t len)
{
	if (!d->y || d->y > 9999 || d->m < 1 || d->m > 12 || d->d < 1 || d->d > 31)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%04d-%02d-%02d", d->y % 10000, (d->m % 13 + 13) % 13, (d->d % 32 + 32) % 32);
}

static long date_key(const struct sy_date *d)
{
	return d->y * 10000L + d->m * 100L + d->d;
}

int sy_date_cmp(const struct sy_date *a, const struct sy_date *b)
{
	long x = date_key(a), y = date_key(b);
	return x < y ? -1 : x > y;
}

struct sy_date sy_date_of(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return (struct sy_date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

static struct sy_deadline deadline_of(int year, int month, int day, int dmonth, int dday)
{
	struct sy_deadline dl = { { 0, 0, 0 }, month > 0 };
	if (year)
		dl.date = (struct sy_date){ year + 1, month > 0 ? month : dmonth, month > 0 && day > 0 ? day : dday };
	return dl;
}

struct sy_deadline sy_deadline_submission(const struct sy_rubric *r, int year)
{
	return deadline_of(year, r->deadline_month, r->deadline_day, 3, 1);
}

struct sy_deadline sy_deadline_publication(const struct sy_rubric *r, int year)
{
	return deadline_of(year, r->publication_month, r->publication_day, 4, 1);
}

const char *sy_received_from_name(enum sy_received_from f)
{
	switch (f) {
	case SY_RECEIVED_HAND: return "hand";
	case SY_RECEIVED_FIRST_SEEN: return "first-seen";
	case SY_RECEIVED_MTIME: return "mtime";
	case SY_RECEIVED_NONE: break;
	}
	return "none";
}

const char *sy_received_from_label(enum sy_received_from f)
{
	switch (f) {
	case SY_RECEIVED_HAND: return _("set by hand");
	case SY_RECEIVED_FIRST_SEEN: return _("first seen");
	case SY_RECEIVED_MTIME: return _("file time");
	case SY_RECEIVED_NONE: break;
	}
	return _("unknown");
}

struct sy_received sy_received_of(const char *path, const struct sy_review *rv)
{
	struct sy_received rc = { { 0, 0, 0 }, SY_RECEIVED_NONE };
	const struct sy_item *hand = rv ? sy_review_get(rv, SY_KEY_RECEIVED) : NULL;
	const struct sy_item *seen = rv ? sy_review_get(rv, SY_KEY_FIRST_SEEN) : NULL;
	struct stat st;
	if (hand && sy_date_parse(hand->value, &rc.date) == 0)
		rc.from = SY_RECEIVED_HAND;
	else if (seen && sy_date_parse(seen->value, &rc.date) == 0)
		rc.from = SY_RECEIVED_FIRST_SEEN;
	else if (path && stat(path, &st) == 0)
		rc = (struct sy_received){ sy_date_of(st.st_mtime), SY_RECEIVED_MTIME };
	return rc;
}

struct sy_date sy_first_seen_date(const char *path, time_t now)
{
	struct stat st;
	time_t t = now;
	if (path && stat(path, &st) == 0 && st.st_mtime < now)
		t = st.st_mtime;
	return sy_date_of(t);
}

bool sy_report_published(const struct sy_report *rep, struct sy_date *d)
{
	const struct sy_outline *o = &rep->outline;
	if (!rep->loaded || rep->error)
		return false;
	if (rep->doc.pub_y) { /* the page's own record (the HTML reader's) */
		*d = (struct sy_date){ rep->doc.pub_y, rep->doc.pub_m, rep->doc.pub_d };
		return true;
	}
	for (size_t i = 0; i < o->nlines && i < rep->doc.nlines; i++) {
		const char *sq = rep->doc.lines[i].sq;
		if (o->kind[i] != SY_LK_CHROME || (!strstr(sq, "发布") && !strstr(sq, "日期")))
			continue;
		if (sy_meta_find_date(sq, &d->y, &d->m, &d->d))
			return true;
	}
	return false;
}

bool sy_is_late(const struct sy_rubric *r, int year, const struct sy_received *rc)
{
	struct sy_deadline dl = sy_deadline_submission(r, year);
	return dl.date.y && rc->date.y && sy_date_cmp(&rc->date, &dl.date) >= 0;
}

/* How the received date was known, in a few words for a message. */
static const char *received_how(enum sy_received_from f)
{
	switch (f) {
	case SY_RECEIVED_HAND: return _("set by the supervisor");
	case SY_RECEIVED_FIRST_SEEN: return _("when shenyue first saw the file");
	case SY_RECEIVED_MTIME: return _("the file's modification time");
	case SY_RECEIVED_NONE: break;
	}
	return "";
}

void sy_deadline_check(struct sy_report *rep, const struct sy_rubric *r, int year,
		       const struct sy_received *rc)
{
	if (!rep->loaded || rep->error)
		return;
	sy_finding_drop(&rep->score, "received-late");
	int y = rep->outline.year ? rep->outline.year : year;
	if (!sy_is_late(r, y, rc))
		return;
	struct sy_deadline dl = sy_deadline_submission(r, y);
	char got[16], due[16];
	sy_date_format(&rc->date, got, sizeof got);
	sy_date_format(&dl.date, due, sizeof due);
	sy_finding_add_as(&rep->score, SY_FIND_RECEIVED_LATE, NULL, dl.configured ? SY_SEV_WARNING : SY_SEV_INFO, 0,
			  NULL, got, received_how(rc->from), due);
}
