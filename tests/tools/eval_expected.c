/* eval_expected EXPECTED.yaml CHECK.yaml [NAME]: how well shenyue's reading
 * agrees with what a supervisor expects. EXPECTED.yaml is a folder's
 * expected.yaml (the seeds' shape: reports: - file, unit, year, parts:
 * {measures: {status, line}, ...}; a part not listed is not counted, line
 * null or 0 means none); CHECK.yaml is `shenyue check --format yaml` of that
 * folder (reports matched by file name). Prints per-part status agreement,
 * per-report agreement on every listed part, line agreement where the
 * statuses agree, a confusion table and each disagreement. It prints
 * figures and asserts nothing: it is a measurement, not a test (make eval). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/fileio.h"
#include "shenyue/yamlutil.h"

#define NPARTS 4
#define NSTATUS 4 /* present, partial, missing, and anything else */

static const char *const part_ids[NPARTS] = { "measures", "duty", "shortfalls", "plan" };
static const char *const status_names[NSTATUS] = { "present", "partial", "missing", "?" };

struct tally {
	unsigned parts, parts_same;              /* part statuses compared, agreeing */
	unsigned by_part[NPARTS], by_part_same[NPARTS];
	unsigned reports, reports_found, reports_same; /* every listed part agrees */
	unsigned lines, lines_same;              /* statuses agree and a line is expected */
	unsigned confusion[NSTATUS][NSTATUS];    /* [expected][got] */
	unsigned uncertain_same, uncertain_diff; /* marked uncertain among agreements / disagreements */
	unsigned years, years_same, units, units_same;
};

/* Loads and parses a YAML file; exits with a message naming it on failure. */
static void load_yaml(struct sy_yaml *y, const char *path)
{
	char *text = NULL, err[512];
	size_t len = 0;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, SY_YAML_MAX_BYTES, &text, &len, &sb);
	if (rd != SY_READ_OK) {
		fprintf(stderr, "eval_expected: cannot read %s: %s\n", path, sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		exit(2);
	}
	if (sy_yaml_parse(y, path, text, len, err, sizeof err) != 0) {
		fprintf(stderr, "eval_expected: %s\n", err);
		exit(2);
	}
	free(text);
}

/* Returns the scalar under key in map, or NULL when absent or null. */
static const char *scalar_at(struct sy_yaml *y, const yaml_node_t *map, const char *key)
{
	yaml_node_t *n = map ? sy_yaml_get(y, map, key) : NULL;
	return sy_yaml_is_null(n) ? NULL : sy_yaml_scalar(n);
}

/* Returns the line under key as a number, 0 when absent, null or 0. */
static long line_at(struct sy_yaml *y, const yaml_node_t *map, const char *key)
{
	const char *s = scalar_at(y, map, key);
	return s ? strtol(s, NULL, 10) : 0;
}

/* Maps a status word to its index in status_names (the last for anything else). */
static int status_index(const char *s)
{
	for (int i = 0; i < NSTATUS - 1; i++)
		if (s && !strcmp(s, status_names[i]))
			return i;
	return NSTATUS - 1;
}

/* Returns the last path component of p. */
static const char *base_name(const char *p)
{
	const char *slash = strrchr(p, '/');
	return slash ? slash + 1 : p;
}

/* Finds the report of the check output whose path names file, or NULL. */
static yaml_node_t *find_checked(struct sy_yaml *got, const char *file)
{
	yaml_node_t *reports = sy_yaml_get(got, sy_yaml_root(got), "reports");
	for (size_t i = 0; i < sy_yaml_len(reports); i++) {
		yaml_node_t *r = sy_yaml_item(got, reports, i);
		const char *path = scalar_at(got, r, "path");
		if (path && !strcmp(base_name(path), file))
			return r;
	}
	return NULL;
}

/* Finds the part with this id in a checked report's parts list, or NULL. */
static yaml_node_t *find_part(struct sy_yaml *got, const yaml_node_t *report, const char *id)
{
	yaml_node_t *parts = sy_yaml_get(got, report, "parts");
	for (size_t i = 0; i < sy_yaml_len(parts); i++) {
		yaml_node_t *p = sy_yaml_item(got, parts, i);
		const char *pid = scalar_at(got, p, "id");
		if (pid && !strcmp(pid, id))
			return p;
	}
	return NULL;
}

/* True when the part's evidence is marked uncertain. */
static bool part_uncertain(struct sy_yaml *got, const yaml_node_t *part)
{
	yaml_node_t *ev = part ? sy_yaml_get(got, part, "evidence") : NULL;
	const char *u = scalar_at(got, ev, "uncertain");
	return u && !strcmp(u, "true");
}

/* Compares one part of one report, counting it and printing a disagreement. */
static bool eval_part(struct tally *t, struct sy_yaml *exp, const yaml_node_t *want, struct sy_yaml *got,
		      const yaml_node_t *report, int p, const char *file)
{
	yaml_node_t *part = find_part(got, report, part_ids[p]);
	int ws = status_index(scalar_at(exp, want, "status"));
	int gs = status_index(scalar_at(got, part, "status"));
	long wl = line_at(exp, want, "line"), gl = line_at(got, part, "line");
	bool same = ws == gs, uncertain = part_uncertain(got, part);
	yaml_node_t *ev = part ? sy_yaml_get(got, part, "evidence") : NULL;
	const char *rule = scalar_at(got, ev, "rule");

	t->parts++;
	t->by_part[p]++;
	t->confusion[ws][gs]++;
	t->parts_same += same;
	t->by_part_same[p] += same;
	*(same ? &t->uncertain_same : &t->uncertain_diff) += uncertain;
	if (same && ws != 2 && wl > 0) {
		t->lines++;
		t->lines_same += wl == gl;
	}
	if (!same)
		printf("  status  %-12s %-10s expected %s@%ld, got %s@%ld (%s%s)\n", file, part_ids[p],
		       status_names[ws], wl, status_names[gs], gl, rule ? rule : "no evidence",
		       uncertain ? ", uncertain" : "");
	else if (ws != 2 && wl > 0 && wl != gl)
		printf("  line    %-12s %-10s %s: expected line %ld, got %ld\n", file, part_ids[p],
		       status_names[ws], wl, gl);
	return same;
}

/* True when two unit names agree: equal, or one contains the other. */
static bool units_agree(const char *a, const char *b)
{
	return a && b && (strstr(a, b) || strstr(b, a));
}

/* Compares the unit and year of one report. */
static void eval_meta(struct tally *t, struct sy_yaml *exp, const yaml_node_t *want, struct sy_yaml *got,
		      const yaml_node_t *report, const char *file)
{
	const char *wy = scalar_at(exp, want, "year"), *gy = scalar_at(got, report, "year");
	const char *wu = scalar_at(exp, want, "unit"), *gu = scalar_at(got, report, "unit");
	if (wy) {
		t->years++;
		t->years_same += gy && !strcmp(wy, gy);
		if (!gy || strcmp(wy, gy))
			printf("  year    %-12s expected %s, got %s\n", file, wy, gy ? gy : "null");
	}
	if (wu) {
		t->units++;
		t->units_same += units_agree(wu, gu);
		if (!units_agree(wu, gu))
			printf("  unit    %-12s expected %s, got %s\n", file, wu, gu ? gu : "null");
	}
}

/* Compares one expected report with the check output. */
static void eval_report(struct tally *t, struct sy_yaml *exp, const yaml_node_t *want, struct sy_yaml *got)
{
	const char *file = scalar_at(exp, want, "file");
	yaml_node_t *parts = sy_yaml_get(exp, want, "parts");
	yaml_node_t *report = file ? find_checked(got, file) : NULL;
	bool all = true;

	t->reports++;
	if (!report) {
		printf("  absent  %s: not in the check output\n", file ? file : "(no file)");
		return;
	}
	t->reports_found++;
	for (int p = 0; p < NPARTS; p++) {
		yaml_node_t *w = parts ? sy_yaml_get(exp, parts, part_ids[p]) : NULL;
		if (w && w->type == YAML_MAPPING_NODE)
			all &= eval_part(t, exp, w, got, report, p, file);
	}
	t->reports_same += all;
	eval_meta(t, exp, want, got, report, file);
}

/* Returns 100 * a / b, or 0 when b is 0. */
static double pct(unsigned a, unsigned b)
{
	return b ? 100.0 * a / b : 0.0;
}

/* Prints the figures of one folder. */
static void print_tally(const struct tally *t, const char *name)
{
	printf("%s: %u reports (%u in the check output)\n", name, t->reports, t->reports_found);
	printf("  part statuses agree    %3u/%-3u %5.1f%%\n", t->parts_same, t->parts, pct(t->parts_same, t->parts));
	for (int p = 0; p < NPARTS; p++)
		printf("    %-20s %3u/%-3u %5.1f%%\n", part_ids[p], t->by_part_same[p], t->by_part[p],
		       pct(t->by_part_same[p], t->by_part[p]));
	printf("  reports, all parts     %3u/%-3u %5.1f%%\n", t->reports_same, t->reports,
	       pct(t->reports_same, t->reports));
	printf("  lines (status agrees)  %3u/%-3u %5.1f%%\n", t->lines_same, t->lines, pct(t->lines_same, t->lines));
	printf("  years                  %3u/%-3u %5.1f%%\n", t->years_same, t->years, pct(t->years_same, t->years));
	printf("  units                  %3u/%-3u %5.1f%%\n", t->units_same, t->units, pct(t->units_same, t->units));
	printf("  uncertain marks: %u of %u disagreements, %u of %u agreements\n", t->uncertain_diff,
	       t->parts - t->parts_same, t->uncertain_same, t->parts_same);
	printf("  expected \\ got   present partial missing other\n");
	for (int w = 0; w < NSTATUS - 1; w++)
		printf("    %-14s %7u %7u %7u %5u\n", status_names[w], t->confusion[w][0], t->confusion[w][1],
		       t->confusion[w][2], t->confusion[w][3]);
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: eval_expected EXPECTED.yaml CHECK.yaml [NAME]\n");
		return 2;
	}
	struct sy_yaml exp, got;
	struct tally t;
	memset(&t, 0, sizeof t);
	load_yaml(&exp, argv[1]);
	load_yaml(&got, argv[2]);
	yaml_node_t *reports = sy_yaml_get(&exp, sy_yaml_root(&exp), "reports");
	printf("%s\n", argc == 4 ? argv[3] : argv[1]);
	for (size_t i = 0; i < sy_yaml_len(reports); i++)
		eval_report(&t, &exp, sy_yaml_item(&exp, reports, i), &got);
	print_tally(&t, argc == 4 ? argv[3] : argv[1]);
	sy_yaml_free(&exp);
	sy_yaml_free(&got);
	return 0;
}
