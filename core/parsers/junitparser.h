// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses JUnit XML as pytest writes it (--junitxml), and the common variants.
 *
 * The root may be <testsuites> (pytest >= 5.1) or a bare <testsuite> (older pytest and many
 * other tools); suites may nest. Each <testcase> counts once: a <error> child makes it an
 * error, else a <failure> a failure, else a <skipped> a skip (pytest writes xfail as a
 * skip with type "pytest.xfail"). Unknown elements such as <properties>, <system-out> or
 * rerun records are skipped. Suite attributes are checked to be numbers but totals come from
 * the cases. Duration: <testsuites time>, else the sum of top-level <testsuite time>, else
 * the sum of case times.
 */
class JUnitParser final
{
public:
    static ParseResult<TestSummary> parse(const QByteArray &xml);
};

} // namespace Promotion
