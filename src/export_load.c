/* Reading back a YAML export (sy_export_write_yaml). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/export.h"
#include "shenyue/review_store.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

static int severity_parse(const char *s)
{
	for (int i = SY_SEV_INFO; i <= SY_SEV_ERROR; i++)
		if (!strcmp(s, sy_severity_name((enum sy_severity)i)))
			return i;
	return -1;
}

static int load_part(struct sy_export_part *p, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"id", "label", "short", "required", "status", "line", "heading", NULL};
	char *status = NULL;
	if (sy_yaml_expect_map(y, n, "a part", err, errlen) < 0 || sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "id", true, &p->id, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "label", false, &p->label, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "short", false, &p->short_label, err, errlen) < 0 ||
	    sy_yaml_get_bool(y, n, "required", &p->required, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "status", true, &status, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "line", 0, 100000000, &p->line, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "heading", false, &p->heading, err, errlen) < 0) {
		free(status);
		return -1;
	}
	p->status = sy_status_parse(status);
	free(status);
	if (p->status < 0)
		return sy_yaml_error(y, sy_yaml_get(y, n, "status"), err, errlen,
				     "'status' must be present, partial or missing");
	return 0;
}

static int load_finding(struct sy_export_finding *f, struct sy_yaml *y, yaml_node_t *n, char *err,
			size_t errlen)
{
	static const char *const keys[] = {"id", "severity", "line", "part", "message", NULL};
	char *sev = NULL;
	if (sy_yaml_expect_map(y, n, "a finding", err, errlen) < 0 || sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "id", true, &f->id, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "severity", true, &sev, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "line", 0, 100000000, &f->line, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "part", false, &f->part, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "message", true, &f->message, err, errlen) < 0) {
		free(sev);
		return -1;
	}
	f->severity = severity_parse(sev);
	free(sev);
	if (f->severity < 0)
		return sy_yaml_error(y, sy_yaml_get(y, n, "severity"), err, errlen,
				     "'severity' must be error, warning or info");
	return 0;
}

/* Returns the sequence under key (NULL for an absent or empty one), or
 * fails when it is something else. */
static int get_seq(struct sy_yaml *y, yaml_node_t *map, const char *key, yaml_node_t **seq, char *err,
		   size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	*seq = NULL;
	if (sy_yaml_is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be a list", key);
	*seq = n;
	return 0;
}

static int load_parts(struct sy_export_report *x, struct sy_yaml *y, yaml_node_t *map, char *err, size_t errlen)
{
	yaml_node_t *seq;
	if (get_seq(y, map, "parts", &seq, err, errlen) < 0)
		return -1;
	x->parts = xcalloc(sy_yaml_len(seq), sizeof *x->parts);
	for (size_t i = 0; i < sy_yaml_len(seq); i++) {
		x->nparts = i + 1;
		if (load_part(&x->parts[i], y, sy_yaml_item(y, seq, i), err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int load_findings(struct sy_export_report *x, struct sy_yaml *y, yaml_node_t *map, char *err,
			 size_t errlen)
{
	yaml_node_t *seq;
	if (get_seq(y, map, "findings", &seq, err, errlen) < 0)
		return -1;
	x->f = xcalloc(sy_yaml_len(seq), sizeof *x->f);
	for (size_t i = 0; i < sy_yaml_len(seq); i++) {
		x->nf = i + 1;
		if (load_finding(&x->f[i], y, sy_yaml_item(y, seq, i), err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int load_report(struct sy_export_report *x, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"path", "relpath", "unit", "title", "year", "encoding", "hash",
					   "score", "detected_score", "changed_since_review", "error", "parts",
					   "findings", "review", NULL};
	long year = 0, score = -1, detected = -1;
	x->score = x->detected_score = -1;
	if (sy_yaml_expect_map(y, n, "a report", err, errlen) < 0 || sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "path", true, &x->path, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "relpath", false, &x->relpath, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "unit", false, &x->unit, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "title", false, &x->title, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "year", 0, 9999, &year, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "encoding", false, &x->encoding, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "hash", false, &x->hash, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "score", 0, 100, &score, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "detected_score", 0, 100, &detected, err, errlen) < 0 ||
	    sy_yaml_get_bool(y, n, "changed_since_review", &x->changed, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "error", false, &x->error, err, errlen) < 0 ||
	    load_parts(x, y, n, err, errlen) < 0 || load_findings(x, y, n, err, errlen) < 0)
		return -1;
	x->year = (int)year;
	x->score = (int)score;
	x->detected_score = (int)detected;
	if (!x->relpath)
		x->relpath = xstrdup(x->path);
	yaml_node_t *rv = sy_yaml_get(y, n, "review");
	if (sy_yaml_is_null(rv))
		return 0;
	return sy_review_from_node(&x->review, y, rv, err, errlen) == SY_PARSE_OK ? 0 : -1;
}

/* lang, date and resubmit_by: checked, then copied into x. */
static int load_words(struct sy_yaml *y, yaml_node_t *root, struct sy_export_doc *x, char **lang, char **date,
		      char **by, char *err, size_t errlen)
{
	int rc = sy_yaml_get_str(y, root, "lang", false, lang, err, errlen) < 0 ||
			 sy_yaml_get_str(y, root, "date", false, date, err, errlen) < 0 ||
			 sy_yaml_get_str(y, root, "resubmit_by", false, by, err, errlen) < 0
		 ? -1 : 0;
	if (rc == 0 && *lang && strcmp(*lang, "zh") && strcmp(*lang, "en"))
		rc = sy_yaml_error(y, sy_yaml_get(y, root, "lang"), err, errlen, "'lang' must be zh or en");
	if (rc == 0 && ((*date && strlen(*date) != 10) || (*by && strlen(*by) != 10)))
		rc = sy_yaml_error(y, sy_yaml_get(y, root, *date && strlen(*date) != 10 ? "date" : "resubmit_by"), err,
				   errlen, "dates are written YYYY-MM-DD");
	if (rc == 0) {
		x->lang = *lang && !strcmp(*lang, "en") ? SY_EXPORT_EN : SY_EXPORT_ZH;
		snprintf(x->date, sizeof x->date, "%s", *date ? *date : "");
		snprintf(x->deadline, sizeof x->deadline, "%s", *by ? *by : "");
	}
	free(*lang);
	free(*date);
	free(*by);
	*lang = *date = *by = NULL;
	return rc;
}

static int load_doc(struct sy_export_doc *x, struct sy_yaml *y, yaml_node_t *root, char *err, size_t errlen)
{
	static const char *const keys[] = {"format", "rubric", "lang", "office", "reviewer", "date",
					   "resubmit_by", "reports", NULL};
	long format = 1;
	yaml_node_t *seq;
	char *lang = NULL, *date = NULL, *by = NULL;
	if (sy_yaml_expect_map(y, root, "an export", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, root, keys, err, errlen) < 0 ||
	    sy_yaml_get_int(y, root, "format", 1, 1, &format, err, errlen) < 0 ||
	    sy_yaml_get_str(y, root, "rubric", false, &x->rubric, err, errlen) < 0 ||
	    sy_yaml_get_str(y, root, "office", false, &x->office, err, errlen) < 0 ||
	    sy_yaml_get_str(y, root, "reviewer", false, &x->reviewer, err, errlen) < 0 ||
	    load_words(y, root, x, &lang, &date, &by, err, errlen) < 0 ||
	    get_seq(y, root, "reports", &seq, err, errlen) < 0)
		return -1;
	x->r = xcalloc(sy_yaml_len(seq), sizeof *x->r);
	for (size_t i = 0; i < sy_yaml_len(seq); i++) {
		x->n = i + 1;
		if (load_report(&x->r[i], y, sy_yaml_item(y, seq, i), err, errlen) < 0)
			return -1;
	}
	return 0;
}

int sy_export_load(struct sy_export_doc *x, const char *source, const char *text, size_t len,
		   char *err, size_t errlen)
{
	struct sy_yaml y;
	struct sy_export_doc tmp = {0};
	int rc = sy_yaml_parse(&y, source, text, len, err, errlen);
	if (rc == 0 && !sy_yaml_root(&y))
		rc = sy_yaml_error(&y, NULL, err, errlen, "empty export");
	if (rc == 0)
		rc = load_doc(&tmp, &y, sy_yaml_root(&y), err, errlen);
	sy_yaml_free(&y);
	if (rc < 0) {
		sy_export_free(&tmp);
		return -1;
	}
	*x = tmp;
	return 0;
}
