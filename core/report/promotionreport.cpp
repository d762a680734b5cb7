// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionreport.h"

#include "common/jsonfile.h"
#include "secrets/redactor.h"

#include <algorithm>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace Promotion {

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The seed reports linting/type checking/security as "clean" or what was found.
QString scanSummary(const RunState &s, const QString &gateId)
{
    const GateResult *g = s.gate(gateId);
    if (!g)
        return QStringLiteral("not run");
    switch (g->status) {
    case GateStatus::Passed:
        return QStringLiteral("clean");
    case GateStatus::Failed:
        return g->measuredText.isEmpty() ? QStringLiteral("failed") : g->measuredText;
    case GateStatus::Skipped:
        return QStringLiteral("skipped");
    case GateStatus::Error:
        return QStringLiteral("error: ") + g->message;
    default:
        return gateStatusName(g->status);
    }
}

QString checkSummary(const RunState &s, const QString &id)
{
    for (const CheckItem &c : s.validation.checks) {
        if (c.id == id)
            return c.passed ? QStringLiteral("passed") : QStringLiteral("failed");
    }
    return s.request.dryRun ? QStringLiteral("would run") : QStringLiteral("not run");
}
/* Every journaled command with its attempts: number, delay before it, result and reason. */
QJsonArray commandAttempts(const RunState &s)
{
    QJsonArray out;
    for (const JournalAction &a : s.execution.actions) {
        if (a.attempts.isEmpty())
            continue;
        QJsonArray each;
        for (const AttemptRecord &t : a.attempts)
            each.append(QJsonObject{{QStringLiteral("attempt"), t.number},
                                    {QStringLiteral("delay_ms"), t.delayMs},
                                    {QStringLiteral("started_at"), iso(t.startedAt)},
                                    {QStringLiteral("duration_ms"), t.durationMs},
                                    {QStringLiteral("exit_code"), t.exitCode},
                                    {QStringLiteral("ok"), t.ok},
                                    {QStringLiteral("reason"), t.reason}});
        out.append(QJsonObject{{QStringLiteral("action"), a.id},
                               {QStringLiteral("attempts"), int(a.attempts.size())},
                               {QStringLiteral("ok"), a.phase == ActionPhase::Done},
                               {QStringLiteral("result"), a.result},
                               {QStringLiteral("output_tail"), a.outputTail},
                               {QStringLiteral("each"), each}});
    }
    return out;
}

/* track_execution: what the history dashboard needs (promotion time, success and rollback
 * rates): step and gate durations, retries, outcome. */
QJsonObject trackExecution(const RunState &s)
{
    QJsonArray steps;
    for (int i = 0; i < kStepCount; ++i) {
        const StepState &st = s.steps[size_t(i)];
        steps.append(QJsonObject{{QStringLiteral("step"), stepKey(StepId(i))},
                                 {QStringLiteral("status"), stepStatusName(st.status)},
                                 {QStringLiteral("duration_ms"), st.durationMs}});
    }
    QJsonArray gates;
    qint64 gatesMs = 0;
    for (const GateResult &g : s.gates) {
        gates.append(QJsonObject{{QStringLiteral("id"), g.id},
                                 {QStringLiteral("status"), gateStatusName(g.status)},
                                 {QStringLiteral("duration_ms"), g.durationMs}});
        gatesMs += g.durationMs;
    }
    int retries = 0;
    qint64 waitedMs = 0;
    for (const JournalAction &a : s.execution.actions) {
        retries += std::max(0, int(a.attempts.size()) - 1);
        for (const AttemptRecord &t : a.attempts)
            waitedMs += t.delayMs;
    }
    return QJsonObject{
        {QStringLiteral("outcome"), runOutcomeName(s.outcome)},
        {QStringLiteral("exit_code"), s.exitCode},
        {QStringLiteral("duration_ms"),
         s.startedAt.isValid() && s.finishedAt.isValid() ? s.startedAt.msecsTo(s.finishedAt) : 0},
        {QStringLiteral("success"),
         s.outcome == RunOutcome::Promoted || s.outcome == RunOutcome::DryRunPassed},
        {QStringLiteral("rolled_back"), s.validation.rolledBack},
        {QStringLiteral("rollback_failed"), s.validation.rollbackFailed},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("retry_wait_ms"), waitedMs},
        {QStringLiteral("gates_total_ms"), gatesMs},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("gates"), gates},
        {QStringLiteral("commands"), commandAttempts(s)}};
}
} // namespace

QJsonObject PromotionReport::build(const RunState &s)
{
    const QJsonObject full = s.toJson();

    QJsonObject qualityGates{
        {QStringLiteral("coverage"), s.coverage
                                         ? QString::number(*s.coverage, 'f', 1) + QLatin1Char('%')
                                         : QStringLiteral("n/a")},
        {QStringLiteral("tests_passing"),
         s.gate(QStringLiteral("tests")) && s.gate(QStringLiteral("tests"))->succeeded()},
        {QStringLiteral("linting"), scanSummary(s, QStringLiteral("lint"))},
        {QStringLiteral("type_checking"), scanSummary(s, QStringLiteral("typecheck"))},
        {QStringLiteral("security"), scanSummary(s, QStringLiteral("secrets"))},
        {QStringLiteral("skipped"), s.request.skipQualityGates},
        {QStringLiteral("gates"), full.value(QStringLiteral("gates"))},
    };
    if (s.coverage)
        qualityGates.insert(QStringLiteral("coverage_percent"), *s.coverage);
    if (s.request.skipQualityGates)
        qualityGates.insert(
            QStringLiteral("warning"),
            QString(QStringLiteral("QUALITY GATES WERE SKIPPED: ") + s.request.skipReason));

    bool allMet = !s.criteria.isEmpty();
    for (const CriterionState &c : s.criteria) {
        if (c.required && !c.checked)
            allMet = false;
    }

    QJsonArray steps;
    for (const QJsonValue &v : full.value(QStringLiteral("steps")).toArray())
        steps.append(v);

    QString monitoring = QStringLiteral("not run");
    if (!s.validation.triggerKind.isEmpty())
        monitoring = QStringLiteral("rollback triggered: ") + s.validation.triggerKind;
    else if (!s.validation.samples.isEmpty())
        monitoring = QStringLiteral("normal");
    else if (s.request.dryRun)
        monitoring = QStringLiteral("would run");

    // A skip stands out: one top-level object says why, who asked and who approved.
    QJsonValue skipped; // null when the gates ran
    for (const OverrideRecord &o : s.overrides) {
        if (o.item == QLatin1String("quality_gates"))
            skipped = QJsonObject{{QStringLiteral("reason"), o.reason},
                                  {QStringLiteral("by"), o.identity},
                                  {QStringLiteral("approved_by"), o.approvedBy},
                                  {QStringLiteral("time"), iso(o.when)}};
    }

    // The issue as rendered, plus what GitHub said (queue, issue URL, board, rejected approvals).
    QJsonObject tracking = full.value(QStringLiteral("issue")).toObject();
    if (s.github.isUsed()) {
        QJsonObject github = full.value(QStringLiteral("github")).toObject();
        github.remove(QStringLiteral("queue")); // the journal's; the report keeps the outcome
        QJsonArray actions;
        for (const QJsonValue &v : s.github.queue.value(QStringLiteral("actions")).toArray()) {
            const QJsonObject a = v.toObject();
            actions.append(QJsonObject{{QStringLiteral("type"), a.value(QStringLiteral("type"))},
                                       {QStringLiteral("state"), a.value(QStringLiteral("state"))},
                                       {QStringLiteral("error"), a.value(QStringLiteral("error"))},
                                       {QStringLiteral("result"), a.value(QStringLiteral("result"))}});
        }
        github.insert(QStringLiteral("actions"), actions);
        tracking.insert(QStringLiteral("github"), github);
    }
    QJsonObject report{
        {QStringLiteral("schema_version"), kSchemaVersion},
        {QStringLiteral("run_id"), s.runId},
        {QStringLiteral("component"), s.request.component},
        {QStringLiteral("from_stage"), s.currentStage.isEmpty() ? s.request.from : s.currentStage},
        {QStringLiteral("to_stage"), s.request.to},
        {QStringLiteral("date"), s.startedAt.toUTC().date().toString(Qt::ISODate)},
        {QStringLiteral("dry_run"), s.request.dryRun},
        {QStringLiteral("outcome"), runOutcomeName(s.outcome)},
        {QStringLiteral("outcome_summary"), s.outcomeSummary},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings)},
        {QStringLiteral("exit_code"), s.exitCode},
        {QStringLiteral("started_at"), iso(s.startedAt)},
        {QStringLiteral("finished_at"), iso(s.finishedAt)},
        {QStringLiteral("duration_ms"),
         s.startedAt.isValid() && s.finishedAt.isValid() ? s.startedAt.msecsTo(s.finishedAt) : 0},
        {QStringLiteral("promoter"), s.promoter},
        {QStringLiteral("version"), s.version},
        {QStringLiteral("quality_gates"), qualityGates},
        {QStringLiteral("quality_gates_skipped"), skipped},
        {QStringLiteral("promotion_criteria"),
         QJsonObject{{QStringLiteral("all_met"), allMet},
                     {QStringLiteral("details"), full.value(QStringLiteral("criteria"))}}},
        {QStringLiteral("approvals"), full.value(QStringLiteral("approvals"))},
        {QStringLiteral("tracking"), tracking},
        {QStringLiteral("deployment"),
         QJsonObject{{QStringLiteral("success"), s.deploymentSuccess},
                     {QStringLiteral("environment"), s.request.to},
                     {QStringLiteral("version"),
                      s.deployedVersion.isEmpty() ? s.version : s.deployedVersion},
                     {QStringLiteral("metadata_diff"), s.metadataDiff},
                     {QStringLiteral("attempts"), commandAttempts(s)}}},
        {QStringLiteral("validation"),
         QJsonObject{
             {QStringLiteral("smoke_tests"), checkSummary(s, QStringLiteral("smoke_tests"))},
             {QStringLiteral("health_checks"), checkSummary(s, QStringLiteral("health"))},
             {QStringLiteral("monitoring"), monitoring},
             {QStringLiteral("logs"),
              !s.validation.logChecked
                  ? (s.request.dryRun ? QStringLiteral("would run") : QStringLiteral("not run"))
              : !s.validation.logProblem.isEmpty()
                  ? QStringLiteral("error: ") + s.validation.logProblem
              : s.validation.logErrors == 0
                  ? QStringLiteral("no errors")
                  : QStringLiteral("%1 error line(s)").arg(s.validation.logErrors)},
             {QStringLiteral("details"), full.value(QStringLiteral("validation"))}}},
        {QStringLiteral("rollback"),
         QJsonObject{{QStringLiteral("performed"), s.validation.rolledBack},
                     {QStringLiteral("failed"), s.validation.rollbackFailed},
                     {QStringLiteral("detail"), s.validation.rollbackDetail},
                     {QStringLiteral("previous_revision"), s.execution.previousRevision},
                     {QStringLiteral("new_revision"), s.execution.newRevision},
                     {QStringLiteral("reason"), s.validation.rollbackReason},
                     {QStringLiteral("trigger"), s.validation.triggerKind}}},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("tool_versions"), full.value(QStringLiteral("tool_versions"))},
        {QStringLiteral("validation_checks"), full.value(QStringLiteral("validation_checks"))},
        {QStringLiteral("effects"), full.value(QStringLiteral("effects"))},
        {QStringLiteral("overrides"), full.value(QStringLiteral("overrides"))},
        {QStringLiteral("blockers"), full.value(QStringLiteral("blockers"))},
        {QStringLiteral("track_execution"), trackExecution(s)},
        {QStringLiteral("monitoring"),
         QJsonObject{{QStringLiteral("dashboard_url"), s.dashboardUrl},
                     {QStringLiteral("dashboard_link"), s.dashboardLink()}}},
        // `follow-up` writes its result beside the report (follow-ups/), never into it.
        {QStringLiteral("follow_up"),
         QJsonObject{{QStringLiteral("due_at"), s.followUpDueAt.isValid()
                                                    ? QJsonValue(iso(s.followUpDueAt))
                                                    : QJsonValue()}}},
    };
    return report;
}

QString PromotionReport::uniqueFileName(const QString &dir, const RunState &state)
{
    const QString base = QStringLiteral("%1-%2-%3")
                             .arg(state.startedAt.toUTC().date().toString(Qt::ISODate),
                                  state.request.component, state.request.to);
    QString name = base + QStringLiteral(".json");
    for (int i = 2; QFileInfo::exists(QDir(dir).filePath(name)); ++i)
        name = base + QLatin1Char('-') + QString::number(i) + QStringLiteral(".json");
    return name;
}

bool PromotionReport::write(const QString &path, const QJsonObject &report, QString *error)
{
    // Reports are committed and shared: no secret this process knows goes in.
    return JsonFile::writeObject(path, Redactor().redact(report), error);
}

} // namespace Promotion
