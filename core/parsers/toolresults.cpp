// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/toolresults.h"

#include <algorithm>

namespace Promotion {

int DiagnosticList::count(DiagnosticSeverity severity) const
{
    return int(
        std::count_if(diagnostics.cbegin(), diagnostics.cend(), [severity](const Diagnostic &d) {
            return !d.suppressed && d.severity == severity;
        }));
}

int DiagnosticList::suppressedCount() const
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                             [](const Diagnostic &d) { return d.suppressed; }));
}

std::optional<double> TestSummary::passRate() const
{
    const int ran = executed();
    if (ran <= 0)
        return std::nullopt;
    return double(passed) / double(ran) * 100.0;
}

QString toString(DiagnosticSeverity severity)
{
    switch (severity) {
    case DiagnosticSeverity::Error:
        return QStringLiteral("error");
    case DiagnosticSeverity::Warning:
        return QStringLiteral("warning");
    case DiagnosticSeverity::Note:
        return QStringLiteral("note");
    }
    return {};
}

QString toString(TestCaseResult::Status status)
{
    switch (status) {
    case TestCaseResult::Status::Passed:
        return QStringLiteral("passed");
    case TestCaseResult::Status::Failed:
        return QStringLiteral("failed");
    case TestCaseResult::Status::Error:
        return QStringLiteral("error");
    case TestCaseResult::Status::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

} // namespace Promotion
