/* Unit names as a batch shows them. The reports of one batch usually come
 * from one county: 青禾县云溪镇人民政府, 青禾县人力资源和社会保障局... The
 * county's name tells them apart from nothing, and in a narrow column it
 * is all that shows. */
#ifndef SHENYUE_UNITNAME_H
#define SHENYUE_UNITNAME_H

#include <stddef.h>

/* Returns the byte length of the administrative prefix every one of the n
 * units shares (a whole division name or several: 青禾县, 某某省青禾市),
 * or 0. NULL units are left out; fewer than two units share nothing, and
 * a prefix is only dropped when every unit keeps a name after it. */
size_t sy_unit_shared_prefix(const char *const *units, size_t n);

#endif
