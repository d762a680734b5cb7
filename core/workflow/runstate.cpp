// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstate.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace Promotion {

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QDateTime time(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
QMap<QString, QString> mapFromJson(const QJsonValue &v)
{
    QMap<QString, QString> map;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}
QStringList strings(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &item : v.toArray())
        list.append(item.toString());
    return list;
}
template <typename T, typename F> QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(toJson(item));
    return a;
}
template <typename T, typename F> QList<T> listOf(const QJsonValue &v, F fromJson)
{
    QList<T> list;
    for (const QJsonValue &item : v.toArray())
        list.append(fromJson(item.toObject()));
    return list;
}

QJsonObject checkToJson(const CheckItem &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("text"), c.text},
            {QStringLiteral("passed"), c.passed},
            {QStringLiteral("detail"), c.detail}};
}
QJsonObject attemptToJson(const AttemptRecord &r)
{
    return {{QStringLiteral("attempt"), r.number},
            {QStringLiteral("delay_ms"), r.delayMs},
            {QStringLiteral("started_at"), iso(r.startedAt)},
            {QStringLiteral("duration_ms"), r.durationMs},
            {QStringLiteral("exit_code"), r.exitCode},
            {QStringLiteral("ok"), r.ok},
            {QStringLiteral("finished"), r.finished},
            {QStringLiteral("reason"), r.reason}};
}
CheckItem checkFromJson(const QJsonObject &o)
{
    return {str(o, "id"), str(o, "text"), o.value(QStringLiteral("passed")).toBool(),
            str(o, "detail")};
}
} // namespace

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return QStringLiteral("running");
    case RunOutcome::Promoted:
        return QStringLiteral("promoted");
    case RunOutcome::DryRunPassed:
        return QStringLiteral("dry_run_passed");
    case RunOutcome::Blocked:
        return QStringLiteral("blocked");
    case RunOutcome::Failed:
        return QStringLiteral("failed");
    case RunOutcome::RolledBack:
        return QStringLiteral("rolled_back");
    case RunOutcome::RollbackFailed:
        return QStringLiteral("rollback_failed");
    case RunOutcome::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

RunOutcome runOutcomeFromName(const QString &name)
{
    for (RunOutcome o : {RunOutcome::Running, RunOutcome::Promoted, RunOutcome::DryRunPassed,
                         RunOutcome::Blocked, RunOutcome::Failed, RunOutcome::RolledBack,
                         RunOutcome::RollbackFailed, RunOutcome::Discarded}) {
        if (runOutcomeName(o) == name)
            return o;
    }
    // Journals from before these names ("cancelled") are still resumable.
    return RunOutcome::Running;
}

int exitCodeFor(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return -1;
    case RunOutcome::Promoted:
    case RunOutcome::DryRunPassed:
        return 0;
    case RunOutcome::Blocked:
    case RunOutcome::Discarded:
        return 1;
    case RunOutcome::Failed:
    case RunOutcome::RolledBack:
        return 3;
    case RunOutcome::RollbackFailed:
        return 4;
    }
    return 1;
}

const JournalAction *ExecutionJournal::action(const QString &id) const
{
    for (const JournalAction &a : actions) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

JournalAction *ExecutionJournal::find(const QString &id)
{
    for (JournalAction &a : actions) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

bool ExecutionJournal::isDone(const QString &id) const
{
    const JournalAction *a = action(id);
    return a && a->phase == ActionPhase::Done;
}

JournalAction &ExecutionJournal::intent(const QString &id, const QStringList &argv)
{
    JournalAction *a = find(id);
    if (!a) {
        actions.append(JournalAction{});
        a = &actions.last();
        a->id = id;
    }
    a->phase = ActionPhase::Intent;
    a->argv = argv;
    a->exitCode = -1;
    a->outputSha256.clear();
    a->result.clear();
    a->intentAt = QDateTime::currentDateTimeUtc();
    a->doneAt = {};
    return *a;
}

QString RunState::dashboardLink() const
{
    if (dashboardUrl.isEmpty())
        return {};
    const StepState &v = step(StepId::PostValidation);
    const StepState &x = step(StepId::Execute);
    const QDateTime from = v.startedAt.isValid() ? v.startedAt : x.startedAt;
    QDateTime to = v.startedAt.isValid() ? v.finishedAt : x.finishedAt;
    if (!from.isValid())
        return dashboardUrl;
    if (!to.isValid() || to < from)
        to = QDateTime::currentDateTimeUtc();
    QUrl url(dashboardUrl);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("from"));
    query.removeAllQueryItems(QStringLiteral("to"));
    // A minute either side: the deploy's effect starts before the first sample.
    query.addQueryItem(QStringLiteral("from"), QString::number(from.toMSecsSinceEpoch() - 60000));
    query.addQueryItem(QStringLiteral("to"), QString::number(to.toMSecsSinceEpoch() + 60000));
    url.setQuery(query);
    return url.toString();
}

bool ExecutionJournal::clusterMayHaveChanged() const
{
    return action(ActionId::Apply) != nullptr;
}

QString stepTitle(StepId step)
{
    switch (step) {
    case StepId::Validate:
        return QStringLiteral("Validate current state");
    case StepId::QualityGates:
        return QStringLiteral("Run quality gates");
    case StepId::Criteria:
        return QStringLiteral("Review promotion criteria");
    case StepId::Tracking:
        return QStringLiteral("Update tracking");
    case StepId::Execute:
        return QStringLiteral("Execute promotion");
    case StepId::PostValidation:
        return QStringLiteral("Post-promotion validation");
    }
    return {};
}

QString stepKey(StepId step)
{
    static const char *keys[] = {"validate", "quality_gates", "criteria",
                                 "tracking", "execute",       "post_validation"};
    return QLatin1String(keys[static_cast<int>(step)]);
}

QString stepStatusName(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("pending");
    case StepStatus::Running:
        return QStringLiteral("running");
    case StepStatus::Passed:
        return QStringLiteral("passed");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

StepStatus stepStatusFromName(const QString &name)
{
    for (StepStatus s : {StepStatus::Pending, StepStatus::Running, StepStatus::Passed,
                         StepStatus::Failed, StepStatus::Skipped}) {
        if (stepStatusName(s) == name)
            return s;
    }
    return StepStatus::Pending;
}

QJsonObject PromotionRequest::toJson() const
{
    QJsonArray accepted;
    for (const QString &id : acceptedCriteria)
        accepted.append(id);
    return {{QStringLiteral("workspace"), workspace},
            {QStringLiteral("component"), component},
            {QStringLiteral("from"), from},
            {QStringLiteral("to"), to},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("dry_run"), dryRun},
            {QStringLiteral("skip_quality_gates"), skipQualityGates},
            {QStringLiteral("skip_reason"), skipReason},
            {QStringLiteral("approvals"), mapToJson(approvals)},
            {QStringLiteral("attestations"), mapToJson(attestations)},
            {QStringLiteral("accept_all_criteria"), acceptAllCriteria},
            {QStringLiteral("accepted_criteria"), accepted},
            {QStringLiteral("promoter"), promoter},
            {QStringLiteral("report_path"), reportPath}};
}

PromotionRequest PromotionRequest::fromJson(const QJsonObject &o)
{
    PromotionRequest r;
    r.workspace = str(o, "workspace");
    r.component = str(o, "component");
    r.from = str(o, "from");
    r.to = str(o, "to");
    r.spec = str(o, "spec");
    r.dryRun = o.value(QStringLiteral("dry_run")).toBool();
    r.skipQualityGates = o.value(QStringLiteral("skip_quality_gates")).toBool();
    r.skipReason = str(o, "skip_reason");
    r.approvals = mapFromJson(o.value(QStringLiteral("approvals")));
    r.attestations = mapFromJson(o.value(QStringLiteral("attestations")));
    r.acceptAllCriteria = o.value(QStringLiteral("accept_all_criteria")).toBool();
    for (const QString &id : strings(o.value(QStringLiteral("accepted_criteria"))))
        r.acceptedCriteria.insert(id);
    r.promoter = str(o, "promoter");
    r.reportPath = str(o, "report_path");
    return r;
}

GateResult *RunState::gate(const QString &id)
{
    for (GateResult &g : gates) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

const GateResult *RunState::gate(const QString &id) const
{
    return const_cast<RunState *>(this)->gate(id);
}

int RunState::nextStepIndex() const
{
    for (int i = 0; i < kStepCount; ++i) {
        if (steps[size_t(i)].status != StepStatus::Passed &&
            steps[size_t(i)].status != StepStatus::Skipped)
            return i;
    }
    return kStepCount;
}

QJsonObject GitHubTrackingState::toJson() const
{
    return QJsonObject{
        {QStringLiteral("repository"), repository},
        {QStringLiteral("login"), login},
        {QStringLiteral("queue"), queue},
        {QStringLiteral("issue_url"), issueUrl},
        {QStringLiteral("issue_number"), issueNumber},
        {QStringLiteral("board_column"), boardColumn},
        {QStringLiteral("last_error"), lastError},
        {QStringLiteral("pending_actions"), pendingActions},
        {QStringLiteral("last_polled"), iso(lastPolled)},
        {QStringLiteral("outcome_queued"), outcomeQueued},
        {QStringLiteral("outcome_from"), outcomeFrom},
        {QStringLiteral("pending_after_report"), pendingAfterReport},
        {QStringLiteral("rollback_queued"), rollbackQueued},
        {QStringLiteral("rejected_approvals"), arrayOf(rejected, [](const RejectedApproval &r) {
             return QJsonObject{{QStringLiteral("role"), r.role},
                                {QStringLiteral("login"), r.login},
                                {QStringLiteral("path"), r.path},
                                {QStringLiteral("url"), r.url},
                                {QStringLiteral("time"), iso(r.when)},
                                {QStringLiteral("reason"), r.reason}};
         })}};
}

GitHubTrackingState GitHubTrackingState::fromJson(const QJsonObject &o)
{
    GitHubTrackingState g;
    g.repository = str(o, "repository");
    g.login = str(o, "login");
    g.queue = o.value(QStringLiteral("queue")).toObject();
    g.issueUrl = str(o, "issue_url");
    g.issueNumber = o.value(QStringLiteral("issue_number")).toInt();
    g.boardColumn = str(o, "board_column");
    g.lastError = str(o, "last_error");
    g.pendingActions = o.value(QStringLiteral("pending_actions")).toInt();
    g.lastPolled = time(o, "last_polled");
    g.outcomeQueued = o.value(QStringLiteral("outcome_queued")).toBool();
    g.outcomeFrom = o.value(QStringLiteral("outcome_from")).toInt(-1);
    g.pendingAfterReport = o.value(QStringLiteral("pending_after_report")).toInt();
    g.rollbackQueued = o.value(QStringLiteral("rollback_queued")).toBool();
    g.rejected = listOf<RejectedApproval>(o.value(QStringLiteral("rejected_approvals")),
                                          [](const QJsonObject &r) {
                                              return RejectedApproval{str(r, "role"),
                                                                      str(r, "login"),
                                                                      str(r, "path"),
                                                                      str(r, "url"),
                                                                      time(r, "time"),
                                                                      str(r, "reason")};
                                          });
    return g;
}

QJsonObject RunState::toJson() const
{
    QJsonArray stepArray;
    for (int i = 0; i < kStepCount; ++i) {
        const StepState &s = steps[size_t(i)];
        stepArray.append(QJsonObject{{QStringLiteral("id"), stepKey(StepId(i))},
                                     {QStringLiteral("title"), stepTitle(StepId(i))},
                                     {QStringLiteral("status"), stepStatusName(s.status)},
                                     {QStringLiteral("started_at"), iso(s.startedAt)},
                                     {QStringLiteral("finished_at"), iso(s.finishedAt)},
                                     {QStringLiteral("duration_ms"), s.durationMs},
                                     {QStringLiteral("summary"), s.summary}});
    }
    QJsonObject validationObj{
        {QStringLiteral("checks"), arrayOf(validation.checks, checkToJson)},
        {QStringLiteral("baseline"),
         QJsonObject{{QStringLiteral("available"), validation.baselineAvailable},
                     {QStringLiteral("error_rate_percent"), validation.baselineErrorRatePercent},
                     {QStringLiteral("p95_ms"), validation.baselineP95Ms},
                     {QStringLiteral("note"), validation.baselineNote}}},
        {QStringLiteral("samples"),
         arrayOf(validation.samples,
                 [](const HealthSampleRecord &s) {
                     return QJsonObject{{QStringLiteral("elapsed_ms"), s.elapsedMs},
                                        {QStringLiteral("healthy"), s.healthy},
                                        {QStringLiteral("http_status"), s.httpStatus},
                                        {QStringLiteral("error_rate_percent"), s.errorRatePercent},
                                        {QStringLiteral("p95_ms"), s.p95Ms},
                                        {QStringLiteral("requests"), s.requests},
                                        {QStringLiteral("note"), s.note}};
                 })},
        {QStringLiteral("trigger"),
         QJsonObject{{QStringLiteral("kind"), validation.triggerKind},
                     {QStringLiteral("measured"), validation.triggerMeasured},
                     {QStringLiteral("threshold"), validation.triggerThreshold},
                     {QStringLiteral("message"), validation.triggerMessage}}},
        {QStringLiteral("rolled_back"), validation.rolledBack},
        {QStringLiteral("rollback_failed"), validation.rollbackFailed},
        {QStringLiteral("rollback_reason"), validation.rollbackReason},
        {QStringLiteral("rollback_detail"), validation.rollbackDetail},
        {QStringLiteral("latency_evaluated"), validation.latencyEvaluated},
        {QStringLiteral("logs"),
         QJsonObject{{QStringLiteral("checked"), validation.logChecked},
                     {QStringLiteral("lines"), validation.logLines},
                     {QStringLiteral("errors"), validation.logErrors},
                     {QStringLiteral("first_errors"),
                      QJsonArray::fromStringList(validation.logFirstErrors)},
                     {QStringLiteral("problem"), validation.logProblem}}},
        {QStringLiteral("pods"), arrayOf(validation.pods, [](const PodUsageRecord &p) {
             return QJsonObject{{QStringLiteral("sample"), p.sample},
                                {QStringLiteral("name"), p.name},
                                {QStringLiteral("cpu_millicores"), p.cpuMillicores},
                                {QStringLiteral("memory_mib"), p.memoryMiB}};
         })}};
    QJsonObject executionObj{
        {QStringLiteral("previous_revision"), execution.previousRevision},
        {QStringLiteral("new_revision"), execution.newRevision},
        {QStringLiteral("baseline_done"), execution.baselineDone},
        {QStringLiteral("rollback_pending"), execution.rollbackPending},
        {QStringLiteral("rollback_reason"), execution.rollbackReason},
        {QStringLiteral("files"), arrayOf(execution.files,
                                          [](const FileOriginal &f) {
                                              return QJsonObject{
                                                  {QStringLiteral("path"), f.relativePath},
                                                  {QStringLiteral("existed"), f.existed},
                                                  {QStringLiteral("before_base64"),
                                                   QString::fromLatin1(f.before.toBase64())},
                                                  {QStringLiteral("after_base64"),
                                                   QString::fromLatin1(f.after.toBase64())},
                                                  {QStringLiteral("before_sha256"), f.beforeSha256},
                                                  {QStringLiteral("after_sha256"), f.afterSha256}};
                                          })},
        {QStringLiteral("actions"), arrayOf(execution.actions, [](const JournalAction &a) {
             return QJsonObject{{QStringLiteral("id"), a.id},
                                {QStringLiteral("phase"),
                                 a.phase == ActionPhase::Intent ? QStringLiteral("intent")
                                 : a.phase == ActionPhase::Done ? QStringLiteral("done")
                                                                : QStringLiteral("failed")},
                                {QStringLiteral("argv"), QJsonArray::fromStringList(a.argv)},
                                {QStringLiteral("exit_code"), a.exitCode},
                                {QStringLiteral("output_sha256"), a.outputSha256},
                                {QStringLiteral("result"), a.result},
                                {QStringLiteral("intent_at"), iso(a.intentAt)},
                                {QStringLiteral("done_at"), iso(a.doneAt)},
                                {QStringLiteral("output_tail"), a.outputTail},
                                {QStringLiteral("attempts"), arrayOf(a.attempts, attemptToJson)}};
         })}};

    QJsonObject o{
        {QStringLiteral("schema_version"), kSchemaVersion},
        {QStringLiteral("run_id"), runId},
        {QStringLiteral("request"), request.toJson()},
        {QStringLiteral("promoter"), promoter},
        {QStringLiteral("current_stage"), currentStage},
        {QStringLiteral("version"), version},
        {QStringLiteral("started_at"), iso(startedAt)},
        {QStringLiteral("finished_at"), iso(finishedAt)},
        {QStringLiteral("outcome"), runOutcomeName(outcome)},
        {QStringLiteral("exit_code"), exitCode},
        {QStringLiteral("outcome_summary"), outcomeSummary},
        {QStringLiteral("steps"), stepArray},
        {QStringLiteral("validation_checks"), arrayOf(validationChecks, checkToJson)},
        {QStringLiteral("gates"), arrayOf(gates, [](const GateResult &g) { return g.toJson(); })},
        {QStringLiteral("tool_versions"), mapToJson(toolVersions)},
        {QStringLiteral("criteria"), arrayOf(criteria,
                                             [](const CriterionState &c) {
                                                 return QJsonObject{
                                                     {QStringLiteral("id"), c.id},
                                                     {QStringLiteral("text"), c.text},
                                                     {QStringLiteral("required"), c.required},
                                                     {QStringLiteral("checked"), c.checked},
                                                     {QStringLiteral("automatic"), c.automatic},
                                                     {QStringLiteral("evidence"), c.evidence},
                                                     {QStringLiteral("proven_by"),
                                                      QJsonArray::fromStringList(c.provenBy)},
                                                     {QStringLiteral("identity"), c.identity},
                                                     {QStringLiteral("time"), iso(c.when)}};
                                             })},
        {QStringLiteral("approvals"), arrayOf(approvals,
                                              [](const ApprovalState &a) {
                                                  return QJsonObject{
                                                      {QStringLiteral("role"), a.role},
                                                      {QStringLiteral("title"), a.title},
                                                      {QStringLiteral("approved"), a.approved},
                                                      {QStringLiteral("identity"), a.identity},
                                                      {QStringLiteral("time"), iso(a.when)},
                                                      {QStringLiteral("path"), a.path},
                                                      {QStringLiteral("url"), a.url},
                                                      {QStringLiteral("mirrored"), a.mirrored}};
                                              })},
        {QStringLiteral("issue"),
         QJsonObject{{QStringLiteral("title"), issueTitle},
                     {QStringLiteral("body"), issueBody},
                     {QStringLiteral("labels"), QJsonArray::fromStringList(labels)},
                     {QStringLiteral("url"), issueUrl}}},
        {QStringLiteral("github"), github.toJson()},
        {QStringLiteral("awaiting_approvals"), awaitingApprovals},
        {QStringLiteral("metadata_diff"), metadataDiff},
        {QStringLiteral("effects"),
         arrayOf(effects,
                 [](const EffectRecord &e) {
                     return QJsonObject{
                         {QStringLiteral("kind"), e.kind},
                         {QStringLiteral("description"), e.description},
                         {QStringLiteral("argv"), QJsonArray::fromStringList(e.argv)},
                         {QStringLiteral("path"), e.path},
                         {QStringLiteral("performed"), e.performed},
                         {QStringLiteral("ok"), e.ok},
                         {QStringLiteral("result"), e.result},
                         {QStringLiteral("duration_ms"), e.durationMs},
                         {QStringLiteral("output_sha256"), e.outputSha256},
                         {QStringLiteral("time"), iso(e.when)}};
                 })},
        {QStringLiteral("deployment_success"), deploymentSuccess},
        {QStringLiteral("deployed_version"), deployedVersion},
        {QStringLiteral("validation"), validationObj},
        {QStringLiteral("overrides"),
         arrayOf(overrides,
                 [](const OverrideRecord &r) {
                     return QJsonObject{{QStringLiteral("item"), r.item},
                                        {QStringLiteral("reason"), r.reason},
                                        {QStringLiteral("identity"), r.identity},
                                        {QStringLiteral("time"), iso(r.when)},
                                        {QStringLiteral("approved_by"), r.approvedBy}};
                 })},
        {QStringLiteral("blockers"), QJsonArray::fromStringList(blockers)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("execution"), executionObj},
        {QStringLiteral("report_path"), reportPath},
        {QStringLiteral("dashboard_url"), dashboardUrl},
        {QStringLiteral("follow_up_due_at"), iso(followUpDueAt)},
    };
    if (coverage)
        o.insert(QStringLiteral("coverage"), *coverage);
    return o;
}

RunState RunState::fromJson(const QJsonObject &o)
{
    RunState s;
    s.runId = str(o, "run_id");
    s.request = PromotionRequest::fromJson(o.value(QStringLiteral("request")).toObject());
    s.promoter = str(o, "promoter");
    s.currentStage = str(o, "current_stage");
    s.version = str(o, "version");
    s.startedAt = time(o, "started_at");
    s.finishedAt = time(o, "finished_at");
    s.outcome = runOutcomeFromName(str(o, "outcome"));
    s.exitCode =
        s.outcome == RunOutcome::Running ? -1 : o.value(QStringLiteral("exit_code")).toInt(-1);
    s.outcomeSummary = str(o, "outcome_summary");
    const QJsonArray stepArray = o.value(QStringLiteral("steps")).toArray();
    for (int i = 0; i < kStepCount && i < stepArray.size(); ++i) {
        const QJsonObject so = stepArray.at(i).toObject();
        StepState &st = s.steps[size_t(i)];
        st.status = stepStatusFromName(str(so, "status"));
        st.startedAt = time(so, "started_at");
        st.finishedAt = time(so, "finished_at");
        st.durationMs = so.value(QStringLiteral("duration_ms")).toInteger();
        st.summary = str(so, "summary");
    }
    s.validationChecks =
        listOf<CheckItem>(o.value(QStringLiteral("validation_checks")), checkFromJson);
    s.gates = listOf<GateResult>(o.value(QStringLiteral("gates")), GateResult::fromJson);
    s.toolVersions = mapFromJson(o.value(QStringLiteral("tool_versions")));
    if (o.contains(QStringLiteral("coverage")))
        s.coverage = o.value(QStringLiteral("coverage")).toDouble();
    s.criteria =
        listOf<CriterionState>(o.value(QStringLiteral("criteria")), [](const QJsonObject &c) {
            CriterionState cs;
            cs.id = str(c, "id");
            cs.text = str(c, "text");
            cs.required = c.value(QStringLiteral("required")).toBool(true);
            cs.checked = c.value(QStringLiteral("checked")).toBool();
            cs.automatic = c.value(QStringLiteral("automatic")).toBool();
            cs.evidence = str(c, "evidence");
            cs.provenBy = strings(c.value(QStringLiteral("proven_by")));
            cs.identity = str(c, "identity");
            cs.when = time(c, "time");
            return cs;
        });
    s.approvals =
        listOf<ApprovalState>(o.value(QStringLiteral("approvals")), [](const QJsonObject &a) {
            return ApprovalState{str(a, "role"),
                                 str(a, "title"),
                                 a.value(QStringLiteral("approved")).toBool(),
                                 str(a, "identity"),
                                 time(a, "time"),
                                 str(a, "path"),
                                 str(a, "url"),
                                 a.value(QStringLiteral("mirrored")).toBool()};
        });
    s.github = GitHubTrackingState::fromJson(o.value(QStringLiteral("github")).toObject());
    s.awaitingApprovals = o.value(QStringLiteral("awaiting_approvals")).toBool();
    const QJsonObject issue = o.value(QStringLiteral("issue")).toObject();
    s.issueTitle = str(issue, "title");
    s.issueBody = str(issue, "body");
    s.labels = strings(issue.value(QStringLiteral("labels")));
    s.issueUrl = str(issue, "url");
    s.metadataDiff = str(o, "metadata_diff");
    s.effects = listOf<EffectRecord>(o.value(QStringLiteral("effects")), [](const QJsonObject &e) {
        EffectRecord r;
        r.kind = str(e, "kind");
        r.description = str(e, "description");
        r.argv = strings(e.value(QStringLiteral("argv")));
        r.path = str(e, "path");
        r.performed = e.value(QStringLiteral("performed")).toBool();
        r.ok = e.value(QStringLiteral("ok")).toBool(true);
        r.result = str(e, "result");
        r.durationMs = e.value(QStringLiteral("duration_ms")).toInteger();
        r.outputSha256 = str(e, "output_sha256");
        r.when = time(e, "time");
        return r;
    });
    s.deploymentSuccess = o.value(QStringLiteral("deployment_success")).toBool();
    s.deployedVersion = str(o, "deployed_version");
    const QJsonObject v = o.value(QStringLiteral("validation")).toObject();
    s.validation.checks = listOf<CheckItem>(v.value(QStringLiteral("checks")), checkFromJson);
    const QJsonObject b = v.value(QStringLiteral("baseline")).toObject();
    s.validation.baselineAvailable = b.value(QStringLiteral("available")).toBool();
    s.validation.baselineErrorRatePercent =
        b.value(QStringLiteral("error_rate_percent")).toDouble();
    s.validation.baselineP95Ms = b.value(QStringLiteral("p95_ms")).toDouble();
    s.validation.baselineNote = str(b, "note");
    s.validation.samples =
        listOf<HealthSampleRecord>(v.value(QStringLiteral("samples")), [](const QJsonObject &x) {
            HealthSampleRecord r;
            r.elapsedMs = x.value(QStringLiteral("elapsed_ms")).toInteger();
            r.healthy = x.value(QStringLiteral("healthy")).toBool();
            r.httpStatus = x.value(QStringLiteral("http_status")).toInt();
            r.errorRatePercent = x.value(QStringLiteral("error_rate_percent")).toDouble();
            r.p95Ms = x.value(QStringLiteral("p95_ms")).toDouble();
            r.requests = x.value(QStringLiteral("requests")).toDouble();
            r.note = str(x, "note");
            return r;
        });
    const QJsonObject t = v.value(QStringLiteral("trigger")).toObject();
    s.validation.triggerKind = str(t, "kind");
    s.validation.triggerMeasured = t.value(QStringLiteral("measured")).toDouble();
    s.validation.triggerThreshold = t.value(QStringLiteral("threshold")).toDouble();
    s.validation.triggerMessage = str(t, "message");
    s.validation.rolledBack = v.value(QStringLiteral("rolled_back")).toBool();
    s.validation.rollbackReason = str(v, "rollback_reason");
    s.validation.rollbackFailed = v.value(QStringLiteral("rollback_failed")).toBool();
    s.validation.rollbackDetail = str(v, "rollback_detail");
    s.validation.latencyEvaluated = v.value(QStringLiteral("latency_evaluated")).toBool(true);
    const QJsonObject logs = v.value(QStringLiteral("logs")).toObject();
    s.validation.logChecked = logs.value(QStringLiteral("checked")).toBool();
    s.validation.logLines = logs.value(QStringLiteral("lines")).toInt();
    s.validation.logErrors = logs.value(QStringLiteral("errors")).toInt();
    s.validation.logFirstErrors = strings(logs.value(QStringLiteral("first_errors")));
    s.validation.logProblem = str(logs, "problem");
    s.validation.pods =
        listOf<PodUsageRecord>(v.value(QStringLiteral("pods")), [](const QJsonObject &p) {
            return PodUsageRecord{str(p, "sample"), str(p, "name"),
                                  p.value(QStringLiteral("cpu_millicores")).toDouble(),
                                  p.value(QStringLiteral("memory_mib")).toDouble()};
        });
    const QJsonObject x = o.value(QStringLiteral("execution")).toObject();
    s.execution.previousRevision = x.value(QStringLiteral("previous_revision")).toInt(-1);
    s.execution.newRevision = x.value(QStringLiteral("new_revision")).toInt(-1);
    s.execution.baselineDone = x.value(QStringLiteral("baseline_done")).toBool();
    s.execution.rollbackPending = x.value(QStringLiteral("rollback_pending")).toBool();
    s.execution.rollbackReason = str(x, "rollback_reason");
    s.execution.files =
        listOf<FileOriginal>(x.value(QStringLiteral("files")), [](const QJsonObject &f) {
            FileOriginal fo;
            fo.relativePath = str(f, "path");
            fo.existed = f.value(QStringLiteral("existed")).toBool(true);
            fo.before = QByteArray::fromBase64(str(f, "before_base64").toLatin1());
            fo.after = QByteArray::fromBase64(str(f, "after_base64").toLatin1());
            fo.beforeSha256 = str(f, "before_sha256");
            fo.afterSha256 = str(f, "after_sha256");
            return fo;
        });
    s.execution.actions =
        listOf<JournalAction>(x.value(QStringLiteral("actions")), [](const QJsonObject &a) {
            JournalAction ja;
            ja.id = str(a, "id");
            const QString phase = str(a, "phase");
            ja.phase = phase == u"done"     ? ActionPhase::Done
                       : phase == u"failed" ? ActionPhase::Failed
                                            : ActionPhase::Intent;
            ja.argv = strings(a.value(QStringLiteral("argv")));
            ja.exitCode = a.value(QStringLiteral("exit_code")).toInt(-1);
            ja.outputSha256 = str(a, "output_sha256");
            ja.result = str(a, "result");
            ja.intentAt = time(a, "intent_at");
            ja.doneAt = time(a, "done_at");
            ja.outputTail = str(a, "output_tail");
            ja.attempts = listOf<AttemptRecord>(
                a.value(QStringLiteral("attempts")), [](const QJsonObject &t) {
                    AttemptRecord r;
                    r.number = t.value(QStringLiteral("attempt")).toInt(1);
                    r.delayMs = t.value(QStringLiteral("delay_ms")).toInteger();
                    r.startedAt = time(t, "started_at");
                    r.durationMs = t.value(QStringLiteral("duration_ms")).toInteger();
                    r.exitCode = t.value(QStringLiteral("exit_code")).toInt(-1);
                    r.ok = t.value(QStringLiteral("ok")).toBool();
                    r.finished = t.value(QStringLiteral("finished")).toBool();
                    r.reason = str(t, "reason");
                    return r;
                });
            return ja;
        });
    s.warnings = strings(o.value(QStringLiteral("warnings")));
    s.reportPath = str(o, "report_path");
    s.dashboardUrl = str(o, "dashboard_url");
    s.followUpDueAt = time(o, "follow_up_due_at");
    s.overrides =
        listOf<OverrideRecord>(o.value(QStringLiteral("overrides")), [](const QJsonObject &r) {
            return OverrideRecord{str(r, "item"), str(r, "reason"), str(r, "identity"),
                                  time(r, "time"), str(r, "approved_by")};
        });
    s.blockers = strings(o.value(QStringLiteral("blockers")));
    return s;
}

} // namespace Promotion
