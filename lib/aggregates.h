/*
 * aggregates.h - rules over whole ledgers: counts per year or quarter,
 * coverage ratios, and rules that join two ledgers (aggregates.c). The
 * evaluator table (evaluators.c) lists them with the rules of single
 * records.
 */
#ifndef WB_AGGREGATES_H
#define WB_AGGREGATES_H

#include "compliance_internal.h"

/*
 * What these rules gather: a snapshot of each row of the ledgers they
 * read (its columns' numbers and dates, and its text columns except
 * personal ones, which are never kept). One collect function serves them
 * all; each finish function reads the rows of the kinds it needs.
 */
int wb__collect_rows(void **state, const wb_rule *rule, const wb_record *record);
void wb__rows_free(void *state);

int wb__finish_county_meetings(void *state, wb__rule_run *run, wb_error *err);     /* 1.3 */
int wb__finish_township_meetings(void *state, wb__rule_run *run, wb_error *err);   /* 1.8 */
int wb__finish_activities(void *state, wb__rule_run *run, wb_error *err);          /* 3.2 */
int wb__finish_data_updates(void *state, wb__rule_run *run, wb_error *err);        /* 2.5 */
int wb__finish_organisations(void *state, wb__rule_run *run, wb_error *err);       /* 9.9 */
int wb__finish_venue_coverage(void *state, wb__rule_run *run, wb_error *err);      /* 9.8 */
int wb__finish_special_school(void *state, wb__rule_run *run, wb_error *err);      /* 7.3 */
int wb__finish_director_rotation(void *state, wb__rule_run *run, wb_error *err);   /* 10.6 */
int wb__finish_reporting_rotation(void *state, wb__rule_run *run, wb_error *err);  /* 10.7 */
int wb__finish_home_visits(void *state, wb__rule_run *run, wb_error *err);         /* 3.5 */
int wb__finish_lessons(void *state, wb__rule_run *run, wb_error *err);             /* 4.6 */
int wb__finish_inspections(void *state, wb__rule_run *run, wb_error *err);         /* 6.2 */

#endif
