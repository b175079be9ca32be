/*
 * weibao/weibao.h - the whole public API of libweibao.
 *
 * libweibao encodes China's minor-protection demonstration assessment:
 * the rubric, and (in later modules) the working-day calendar, legal
 * periods, compliance rules and the veto list. Include this header; the
 * module headers it pulls in are self-contained and may also be included
 * one by one.
 */
#ifndef WEIBAO_WEIBAO_H
#define WEIBAO_WEIBAO_H

#include <weibao/common.h>
#include <weibao/version.h>
#include <weibao/errors.h>
#include <weibao/date.h>
#include <weibao/calendar.h>
#include <weibao/period.h>
#include <weibao/diagnostic.h>
#include <weibao/rubric.h>
#include <weibao/check.h>
#include <weibao/rules.h>
#include <weibao/ledger.h>
#include <weibao/compliance.h>
#include <weibao/dossier.h>
#include <weibao/assessment.h>
#include <weibao/report.h>
#include <weibao/privacy.h>
#include <weibao/fileio.h>

#endif /* WEIBAO_WEIBAO_H */
