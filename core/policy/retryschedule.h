// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"
#include "process/processresult.h"

#include <QString>

namespace Promotion {

/*!
 * \brief Exponential backoff with jitter, and which failures are transient:
 * pure functions over the policy's retry settings, so tests need no clock.
 */
namespace RetrySchedule {

/*! The wait before retry \a retry (1 = the first retry), in ms; \a random01 in [0, 1)
 *  draws the jitter: the wait is then in [wait/2, wait]. */
qint64 delayMs(const RetrySettings &settings, int retry, double random01);
/*! delayMs() with a random draw. */
qint64 delayMs(const RetrySettings &settings, int retry);

/*! Why \a result is a transient failure by \a policy (the matching output line, or "exit code
 *  N"); empty when it is not (it succeeded, was cancelled, timed out or did not start). */
QString transientReason(const TransientPolicy &policy, const ProcessResult &result);

/*! True when an HTTP answer (\a httpStatus, 0: no answer, \a networkError) is worth
 *  another try by \a policy: a connection error or a listed status. */
bool isTransientHttp(const TransientPolicy &policy, int httpStatus, bool networkError);

/*! The last \a lines non-empty lines of \a output, for a failure message. */
QString lastLines(const QByteArray &output, int lines);

} // namespace RetrySchedule

} // namespace Promotion
