// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QList>
#include <QString>

namespace Promotion {

/*! \brief How bad one finding is, normalised across tools. */
enum class DiagnosticSeverity
{
    Error,   //!< SARIF "error", pyright "error", mypy "error", every ruff/flake8/secret finding
    Warning, //!< SARIF "warning", pyright "warning", mypy "warning"
    Note     //!< SARIF "note"/"none", pyright "information"
};

/*! \brief One finding of a linter, type checker or secret scanner. */
struct Diagnostic
{
    QString file;   //!< as the tool printed it (SARIF file:// URIs become local paths)
    int line = 0;   //!< 1-based; 0 when the tool gave no line
    int column = 0; //!< 1-based; 0 when the tool gave no column
    QString code;   //!< rule id: "F401", "reportReturnType", "arg-type", "AWS Access Key"...
    DiagnosticSeverity severity = DiagnosticSeverity::Error;
    QString message;
    //! True when the tool itself marks the finding as accepted: a SARIF suppression with
    //! status "accepted", or a detect-secrets entry audited as "is_secret": false.
    bool suppressed = false;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

/*! \brief The findings of one tool run, in the order the tool reported them. */
struct DiagnosticList
{
    QString tool;        //!< "pyright", "secretlint", "ruff"... (empty when the format has no name)
    QString toolVersion; //!< when the format carries one
    QList<Diagnostic> diagnostics;

    //! Counts the tool printed in its own summary (pyright), to cross-check ours.
    struct ReportedCounts
    {
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        int filesAnalyzed = 0;
    };
    std::optional<ReportedCounts> reported;

    //! Unsuppressed diagnostics of \a severity.
    int count(DiagnosticSeverity severity) const;
    int errorCount() const { return count(DiagnosticSeverity::Error); }
    int warningCount() const { return count(DiagnosticSeverity::Warning); }
    int noteCount() const { return count(DiagnosticSeverity::Note); }
    int suppressedCount() const;
    //! What a "findings <= N" gate counts: unsuppressed errors plus warnings; notes never count.
    int findingCount() const { return errorCount() + warningCount(); }
    bool isClean() const { return findingCount() == 0; }
};

/*! \brief One test case of a JUnit report. */
struct TestCaseResult
{
    enum class Status
    {
        Passed,
        Failed,
        Error,
        Skipped
    };
    QString name;
    QString className;
    QString file; //!< pytest xunit1 "file" attribute, when present
    int line =
        0; //!< 1-based line of the test function (pytest xunit1 writes it 0-based); 0: unknown
    double timeSeconds = 0;
    Status status = Status::Passed;
    QString message; //!< failure/error/skipped "message" attribute
    QString type;    //!< failure/error/skipped "type" attribute ("pytest.xfail", "AssertionError")
    QString details; //!< element text (traceback), cut to ParserLimits::maxDetailChars
};

/*!
 * \brief Totals of a JUnit XML report.
 *
 * The counts are taken from the <testcase> elements themselves, one entry per element,
 * which is also what the suite attributes count: pytest writes a second <testcase> for a
 * teardown error of a test that already failed, and reports an expected failure (xfail) as
 * skipped. total == passed + failed + errors + skipped always holds.
 */
struct TestSummary
{
    int total = 0;
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    double durationSeconds = 0;
    QList<TestCaseResult> cases;

    //! Cases that ran: total - skipped.
    int executed() const { return total - skipped; }
    //! False for an empty run (nothing collected), which a gate must not treat as passing.
    bool hasTests() const { return total > 0; }
    /*!
     * passed / (total - skipped) * 100. Empty (std::nullopt) when nothing ran, i.e. no test
     * was collected or every test was skipped, so that "0 of 0" is never mistaken for 100 %.
     */
    std::optional<double> passRate() const;
    bool allPassed() const { return executed() > 0 && passed == executed(); }
};

/*! \brief Coverage of one source file. */
struct FileCoverage
{
    QString file;
    qint64 linesCovered = 0;
    qint64 linesValid = 0;
    qint64 branchesCovered = 0;
    qint64 branchesValid = 0;
    double percent = 100; //!< coverage.py's per-file figure (lines and branches together)
    QList<int> missingLines;
};

/*!
 * \brief Totals of a coverage report (Cobertura XML or coverage.py JSON).
 *
 * percent is coverage.py's figure, the one pytest-cov prints on its TOTAL line:
 * (linesCovered + branchesCovered) / (linesValid + branchesValid) * 100. Without branch
 * measurement the branch counts are 0 and this is the plain line rate. With branch
 * measurement it differs from Cobertura's line-rate attribute, which lineRatePercent keeps.
 * Like coverage.py, a report with nothing to measure is 100 %: check hasData().
 */
struct CoverageSummary
{
    QString tool;        //!< "coverage.py" for both formats when the report says so
    QString toolVersion; //!< coverage.py version from the report
    qint64 linesCovered = 0;
    qint64 linesValid = 0;
    qint64 branchesCovered = 0;
    qint64 branchesValid = 0;
    bool branchCoverage = false; //!< branches were measured
    double percent = 100;
    double lineRatePercent = 100; //!< linesCovered / linesValid * 100 (Cobertura line-rate)
    QList<FileCoverage> files;

    bool hasData() const { return linesValid + branchesValid > 0; }
};

/*! \brief The only result of a tool whose exit status is all that counts. */
struct ExitCodeResult
{
    int exitCode = 0;
    bool crashed = false; //!< the process died from a signal; exitCode is meaningless then
    bool passed() const { return !crashed && exitCode == 0; }
};

QString toString(DiagnosticSeverity severity);
QString toString(TestCaseResult::Status status);

} // namespace Promotion
