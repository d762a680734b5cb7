// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/toolresults.h"

#include <QString>
#include <variant>

namespace Promotion {

/*!
 * \brief What one gate tool produced, parsed by the format the policy names.
 *
 * kind says which summary to expect; summary holds it when parsing worked. process always
 * holds the exit status, so a gate can also insist on it (for the "exit-code" format it is
 * the whole result and summary stays empty). error is set when the format is unknown or the
 * output could not be parsed; then summary is empty and the gate must fail.
 */
struct ToolOutcome
{
    enum class Kind
    {
        Tests,
        Coverage,
        Diagnostics,
        ExitCode
    };

    Kind kind = Kind::ExitCode;
    QString format; //!< the format id that was used, e.g. "junit"
    ExitCodeResult process;
    std::variant<std::monostate, TestSummary, CoverageSummary, DiagnosticList> summary;
    QString error;

    bool ok() const { return error.isEmpty(); }
    const TestSummary *tests() const { return std::get_if<TestSummary>(&summary); }
    const CoverageSummary *coverage() const { return std::get_if<CoverageSummary>(&summary); }
    const DiagnosticList *diagnostics() const { return std::get_if<DiagnosticList>(&summary); }
};

} // namespace Promotion
