/* The desk's side of the judged text (judged.h): kept when a verdict is
 * given, read back for the diff of a resubmission. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/desk.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

int sy_desk_keep_judged(struct sy_desk *d, size_t i, enum sy_verdict v)
{
	if (i >= d->n || !d->batch->r[i].loaded || d->batch->r[i].error)
		return SY_DESK_OK; /* nothing was read: nothing to keep */
	char err[1024];
	char *path = sy_judged_path(d->batch->r[i].path, d->state_dir);
	int rc = sy_judged_save(&d->batch->r[i], d->rubric, v, path, err, sizeof err);
	free(path);
	if ((long)i == d->judged_of)
		sy_desk_judged_forget(d);
	if (rc == 0)
		return SY_DESK_OK;
	if (!d->msg[0])
		snprintf(d->msg, sizeof d->msg, _("the verdict is saved, but the text judged could not be kept: %s"), err);
	return SY_DESK_FAILED;
}

void sy_desk_judged_forget(struct sy_desk *d)
{
	sy_judged_free(&d->judged);
	d->judged_of = -1;
	d->judged_rc = 1;
}

const struct sy_judged *sy_desk_judged(struct sy_desk *d, size_t i)
{
	if (i >= d->n)
		return NULL;
	if (d->judged_of != (long)i) {
		sy_desk_judged_forget(d);
		char err[1024];
		char *path = sy_judged_path(d->batch->r[i].path, d->state_dir);
		d->judged_rc = sy_judged_load(&d->judged, path, err, sizeof err);
		d->judged_of = (long)i;
		free(path);
		if (d->judged_rc < 0)
			snprintf(d->msg, sizeof d->msg, "%s", err);
	}
	return d->judged_rc == 0 ? &d->judged : NULL;
}
