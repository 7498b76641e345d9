/* check_report.h: prints the author's analyses of one case (sp_check_run) for `samenspel check`. */
#ifndef SP_CHECK_REPORT_H
#define SP_CHECK_REPORT_H

#include "core/analysis.h"

/* Prints the figures block, then every error and warning, on stdout.
 * *n_errors: decisions that can offer nothing (exit 1); *n_warnings: the
 * rest (exit 1 only with --strict). */
void sp_check_report(const sp_scenario *sc, const sp_check *c, sp_lang l, int *n_errors, int *n_warnings);

#endif
