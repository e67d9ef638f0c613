/* yamlcheck: parses standard input with libyaml (every document) and says
 * where it fails; for checking that shenyue's YAML output is YAML.
 * Exit status: 0 valid YAML, 1 not (the problem and its line:col on stderr). */
#include "config.h"

#include <stdio.h>
#include <yaml.h>

int main(void)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, stdin);
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			fprintf(stderr, "yamlcheck: %zu:%zu: %s\n", p.problem_mark.line + 1, p.problem_mark.column + 1,
				p.problem ? p.problem : "invalid YAML");
			yaml_parser_delete(&p);
			return 1;
		}
		int done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	return 0;
}
