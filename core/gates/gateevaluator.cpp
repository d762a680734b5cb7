// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateevaluator.h"

#include "health/datasourcereader.h"
#include "parsers/parserregistry.h"
#include "process/processresult.h"

#include <QJsonArray>

namespace Promotion {

namespace {
QString percent(double v)
{
    return QString::number(v, 'f', 1) + QStringLiteral(" %");
}

QString outputTail(const ProcessResult *process)
{
    if (!process)
        return {};
    QString tail = QString::fromUtf8(process->stderrData.right(300)).trimmed();
    if (tail.isEmpty())
        tail = QString::fromUtf8(process->stdoutData.right(300)).trimmed();
    return tail;
}
} // namespace

void GateEvaluator::evaluate(const GateDefinition &gate, const QByteArray &data,
                             const ProcessResult *process, double stageCoverageMin,
                             GateResult &result)
{
    const int exitCode = process ? process->exitCode : 0;
    const ToolOutcome outcome =
        ParserRegistry::parse(gate.format, data, exitCode, process && process->crashed);
    if (!outcome.ok()) {
        result.status = GateStatus::Error;
        result.message = QStringLiteral("cannot read the %1 output of %2: %3")
                             .arg(gate.format, result.tool, outcome.error);
        return;
    }
    switch (outcome.kind) {
    case ToolOutcome::Kind::Tests: {
        const TestSummary &t = *outcome.tests();
        const double threshold = gate.threshold.value_or(100);
        result.threshold = threshold;
        result.thresholdText = QStringLiteral("≥ %1 % passing").arg(threshold);
        result.details = QJsonObject{{QStringLiteral("total"), t.total},
                                     {QStringLiteral("passed"), t.passed},
                                     {QStringLiteral("failed"), t.failed},
                                     {QStringLiteral("errors"), t.errors},
                                     {QStringLiteral("skipped"), t.skipped},
                                     {QStringLiteral("duration_s"), t.durationSeconds}};
        QJsonArray failing;
        for (const TestCaseResult &c : t.cases) {
            if ((c.status == TestCaseResult::Status::Failed ||
                 c.status == TestCaseResult::Status::Error) &&
                failing.size() < 20)
                failing.append(
                    QStringLiteral("%1::%2: %3").arg(c.className, c.name, c.message.left(200)));
        }
        result.details.insert(QStringLiteral("failing"), failing);
        const std::optional<double> rate = t.passRate();
        if (!rate) {
            result.status = GateStatus::Failed;
            result.measuredText = QStringLiteral("no tests ran");
            result.message =
                QStringLiteral("%1 collected %2 test(s), none ran").arg(result.tool).arg(t.total);
            return;
        }
        result.measured = *rate;
        result.measuredText = QStringLiteral("%1 of %2 passed").arg(t.passed).arg(t.executed());
        if (t.skipped > 0)
            result.measuredText += QStringLiteral(", %1 skipped").arg(t.skipped);
        result.status = *rate + 1e-9 >= threshold ? GateStatus::Passed : GateStatus::Failed;
        if (result.status == GateStatus::Failed)
            result.message = QStringLiteral("%1 failed, %2 errors").arg(t.failed).arg(t.errors);
        return;
    }
    case ToolOutcome::Kind::Coverage: {
        const CoverageSummary &c = *outcome.coverage();
        const double threshold = gate.threshold.value_or(stageCoverageMin);
        result.threshold = threshold;
        result.thresholdText = QStringLiteral("≥ %1 %").arg(threshold);
        result.measured = c.percent;
        result.measuredText = percent(c.percent);
        result.details = QJsonObject{{QStringLiteral("lines_covered"), c.linesCovered},
                                     {QStringLiteral("lines_valid"), c.linesValid},
                                     {QStringLiteral("branches_covered"), c.branchesCovered},
                                     {QStringLiteral("branches_valid"), c.branchesValid},
                                     {QStringLiteral("percent"), c.percent},
                                     {QStringLiteral("files"), int(c.files.size())}};
        if (!c.hasData()) {
            result.status = GateStatus::Failed;
            result.message = QStringLiteral(
                "the coverage report measured no lines (check --cov in gates.tests.command)");
            return;
        }
        // Compare at the precision users read (one decimal), so 69.96 shown as "70.0 %" is not a
        // surprise.
        result.status = c.percent + 1e-9 >= threshold ? GateStatus::Passed : GateStatus::Failed;
        if (result.status == GateStatus::Failed)
            result.message = QStringLiteral("coverage %1 is below the %2 threshold")
                                 .arg(percent(c.percent), percent(threshold));
        return;
    }
    case ToolOutcome::Kind::Diagnostics: {
        const DiagnosticList &d = *outcome.diagnostics();
        const double threshold = gate.threshold.value_or(0);
        const int findings = d.findingCount();
        result.threshold = threshold;
        result.thresholdText = QStringLiteral("≤ %1 findings").arg(threshold);
        result.measured = findings;
        result.measuredText = findings == 1 ? QStringLiteral("1 finding")
                                            : QStringLiteral("%1 findings").arg(findings);
        QJsonArray list;
        for (const Diagnostic &diag : d.diagnostics) {
            if (list.size() >= 50)
                break;
            list.append(QStringLiteral("%1:%2:%3: %4 %5")
                            .arg(diag.file)
                            .arg(diag.line)
                            .arg(diag.column)
                            .arg(diag.code, diag.message));
        }
        result.details = QJsonObject{{QStringLiteral("errors"), d.errorCount()},
                                     {QStringLiteral("warnings"), d.warningCount()},
                                     {QStringLiteral("notes"), d.noteCount()},
                                     {QStringLiteral("suppressed"), d.suppressedCount()},
                                     {QStringLiteral("findings"), list}};
        // A tool that failed without reporting anything did not check the code.
        if (process && findings == 0 && process->exitCode != 0) {
            result.status = GateStatus::Error;
            result.message = QStringLiteral("%1 exited with code %2 but reported no findings: %3")
                                 .arg(result.tool)
                                 .arg(process->exitCode)
                                 .arg(outputTail(process));
            return;
        }
        result.status = findings <= threshold ? GateStatus::Passed : GateStatus::Failed;
        if (result.status == GateStatus::Failed && !d.diagnostics.isEmpty()) {
            const Diagnostic &first = d.diagnostics.first();
            result.message = QStringLiteral("first: %1:%2: %3 %4")
                                 .arg(first.file)
                                 .arg(first.line)
                                 .arg(first.code, first.message);
        }
        return;
    }
    case ToolOutcome::Kind::ExitCode:
        result.measured = exitCode;
        result.measuredText = QStringLiteral("exit code %1").arg(exitCode);
        result.thresholdText = QStringLiteral("exit code 0");
        result.status = outcome.process.passed() ? GateStatus::Passed : GateStatus::Failed;
        if (result.status == GateStatus::Failed)
            result.message = outputTail(process);
        return;
    }
}

void GateEvaluator::evaluateDataSource(const GateDefinition &gate, const DataSourceResult &data,
                                       GateResult &result)
{
    result.tool = DataSourceReader::typeName(gate.source.type);
    if (!data.ok) {
        result.status = GateStatus::Error;
        result.message = data.error;
        return;
    }
    result.measured = data.value;
    result.measuredText = QString::number(data.value, 'g', 6);
    if (gate.source.min)
        result.thresholdText = QStringLiteral("≥ %1").arg(*gate.source.min);
    if (gate.source.max)
        result.thresholdText +=
            (result.thresholdText.isEmpty() ? QString() : QStringLiteral(", ")) +
            QStringLiteral("≤ %1").arg(*gate.source.max);
    if (gate.source.type == DataSource::Type::RollbackDrill) {
        result.measuredText = QStringLiteral("last drill %1 days ago").arg(data.value, 0, 'f', 1);
        result.thresholdText = QStringLiteral("< %1 days").arg(gate.source.maxAgeDays);
    }
    result.message =
        data.detail +
        (data.evaluation.isEmpty() ? QString() : QStringLiteral(" — ") + data.evaluation);
    result.status = data.passed ? GateStatus::Passed : GateStatus::Failed;
}

} // namespace Promotion
