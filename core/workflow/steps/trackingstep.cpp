// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackingstep.h"

#include "secrets/redactor.h"
#include "tracking/approvalrules.h"
#include "tracking/issuetemplaterenderer.h"
#include "workflow/githubtracking.h"
#include "workflow/runcontext.h"

#include <QSaveFile>

namespace Promotion {

TrackingStep::TrackingStep(RunContext &context, QObject *parent)
    : PromotionStep(StepId::Tracking, context, parent)
{
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &TrackingStep::syncThenEvaluate);
}

void TrackingStep::cancel()
{
    m_cancelled = true;
    if (m_poll.isActive()) {
        m_poll.stop();
        finish(StepStatus::Pending, QStringLiteral("stopped while waiting for approvals"));
    }
    // A sync in flight finishes the step when it returns (syncThenEvaluate).
}

QString TrackingStep::promoterIdentity() const
{
    // With GitHub, the identity is the token's login.
    const QString login = ctx().state().github.login;
    return login.isEmpty() ? ctx().state().promoter : login;
}

void TrackingStep::syncThenEvaluate()
{
    m_syncing = true;
    ctx().github()->sync([this] {
        m_syncing = false;
        if (m_cancelled) {
            finish(StepStatus::Pending, QStringLiteral("stopped while reading the issue"));
            return;
        }
        evaluate();
    });
}

void TrackingStep::startRefresh()
{
    m_cancelled = false;
    m_waitUntil = {};
    m_refreshPending = ctx().github()->isEnabled();
    startEvaluationOnly(); // evaluate() reads GitHub first when m_refreshPending
}

void TrackingStep::run()
{
    const TransitionDefinition *t = ctx().transition();
    if (!t) {
        finish(StepStatus::Failed, QStringLiteral("the policy defines no such transition"));
        return;
    }
    if (state().approvals.isEmpty()) {
        for (const QString &role : t->approvals) {
            ApprovalState a;
            a.role = role;
            a.title = ctx().policy().roles.value(role).title;
            state().approvals.append(a);
        }
    }
    for (ApprovalState &a : state().approvals) {
        const QString who = ctx().request().approvals.value(a.role);
        if (!who.isEmpty() && !a.approved) {
            a.approved = true;
            a.identity = who;
            a.when = QDateTime::currentDateTimeUtc();
            a.path = QStringLiteral("command_line");
        }
    }
    m_cancelled = false;
    const int wait = ctx().request().waitApprovalsSeconds;
    m_waitUntil = wait > 0 ? QDateTime::currentDateTimeUtc().addSecs(wait) : QDateTime();
    if (ctx().github()->isEnabled()) {
        renderIssue();
        syncThenEvaluate();
        return;
    }
    evaluate();
}

void TrackingStep::renderIssue()
{
    const PromotionRequest &request = ctx().request();
    IssueData data;
    data.component = request.component;
    data.currentStage = state().currentStage;
    data.targetStage = request.to;
    data.date = state().startedAt.toUTC().date().toString(Qt::ISODate);
    data.coverage = state().coverage;
    data.dryRun = request.dryRun;
    data.runId = state().runId;
    QStringList blockers;
    for (const GateResult &g : std::as_const(state().gates)) {
        IssueGateLine line;
        line.title = g.title;
        line.passed = g.succeeded();
        line.measured = g.measuredText;
        line.threshold = g.thresholdText;
        if (g.status == GateStatus::Skipped)
            line.note = QStringLiteral("skipped: ") + request.skipReason;
        else if (g.status == GateStatus::Error || g.status == GateStatus::NeedsAttestation)
            line.note = g.message;
        else if (g.attestation)
            line.note = QStringLiteral("attested by %1").arg(g.attestation->identity);
        data.gates.append(line);
        if (!g.succeeded() && g.status != GateStatus::Skipped)
            blockers.append(QStringLiteral("%1: %2").arg(g.title, gateStatusName(g.status)));
    }
    for (const CriterionState &c : std::as_const(state().criteria))
        data.criteria.append(IssueCriterionLine{
            c.text, c.checked,
            c.checked ? (c.automatic
                             ? QStringLiteral("proven by: ") + c.provenBy.join(QStringLiteral(", "))
                             : QStringLiteral("confirmed by %1").arg(c.identity))
                      : QStringLiteral("pending")});
    if (request.skipQualityGates) {
        blockers.append(QStringLiteral("Quality gates were skipped: %1").arg(request.skipReason));
        for (const OverrideRecord &o : std::as_const(state().overrides)) {
            if (o.item == QLatin1String("quality_gates"))
                data.gatesSkipped = QStringLiteral("Reason: %1. Asked by %2%3.")
                                        .arg(o.reason, o.identity,
                                             o.approvedBy.isEmpty()
                                                 ? QString()
                                                 : QStringLiteral(", approved by ") + o.approvedBy);
        }
    }
    data.blockers = blockers;
    for (const ApprovalState &a : std::as_const(state().approvals))
        data.approvals.append(IssueApprovalLine{a.title, a.approved, a.identity, a.when});
    data.rollbackPlan = ctx().expand(ctx().policy().tracking.rollbackPlan);
    QString renderError;
    state().issueTitle = IssueTemplateRenderer::title(data);
    // The body is posted and kept: no secret the process knows goes in.
    state().issueBody = Redactor().redact(IssueTemplateRenderer::render(data, &renderError));
    state().labels.clear();
    for (const QString &label : std::as_const(ctx().policy().tracking.labels))
        state().labels.append(ctx().expand(label));
    // The issue body lives in the run directory (inside .promotion/runs, so also in dry run).
    QSaveFile issueFile(ctx().runDir() + QStringLiteral("/promotion_issue.md"));
    const QByteArray body = state().issueBody.toUtf8();
    if (!issueFile.open(QIODevice::WriteOnly) || issueFile.write(body) != body.size() ||
        !issueFile.commit())
        Q_EMIT ctx().message(QStringLiteral("warning: cannot write %1: %2")
                                 .arg(issueFile.fileName(), issueFile.errorString()));
}

void TrackingStep::evaluate()
{
    if (m_refreshPending) {
        m_refreshPending = false;
        syncThenEvaluate();
        return;
    }
    renderIssue();
    ApprovalRequest req;
    req.promoter = promoterIdentity();
    req.allowSelfApproval = ctx().policy().allowSelfApproval;
    for (const ApprovalState &a : std::as_const(state().approvals)) {
        req.requiredRoles.append(a.role);
        if (a.approved)
            req.approvals.append(RecordedApproval{a.role, a.identity, a.when});
    }
    const ApprovalOutcome outcome = ApprovalRules::evaluate(req);
    QStringList problems;
    for (const QString &role : outcome.missingRoles)
        problems.append(QStringLiteral("%1 missing").arg(ctx().policy().roles.value(role).title));
    for (const ApprovalViolation &v : outcome.violations)
        problems.append(v.reason);
    const GitHubTrackingState &g = state().github;
    if (problems.isEmpty()) {
        state().awaitingApprovals = false;
        state().blockers.clear();
        const QString where = g.issueUrl.isEmpty()
                                  ? QStringLiteral("issue rendered (promotion_issue.md)")
                                  : QStringLiteral("issue %1").arg(g.issueUrl);
        // What is still queued for GitHub changes after the step (it is sent later), so it
        // is said now, not kept in the step's summary, which page 4 would show stale; the
        // live count is in state().github (page 4, the summary line, the report).
        if (ctx().github()->isEnabled() && g.pendingActions > 0)
            Q_EMIT ctx().message(QStringLiteral("%1 GitHub action(s) pending: %2")
                                     .arg(g.pendingActions)
                                     .arg(g.lastError));
        finish(
            StepStatus::Passed,
            QStringLiteral("%1, %2 approval(s) recorded").arg(where).arg(state().approvals.size()));
        return;
    }
    state().blockers = problems;
    // Approvals can still come on the GitHub issue: wait (bounded), then stop resumably.
    const bool onGitHub = ctx().github()->isEnabled() && g.issueNumber > 0 && outcome.violations.isEmpty();
    if (onGitHub && m_waitUntil.isValid() && QDateTime::currentDateTimeUtc() < m_waitUntil &&
        !m_cancelled) {
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_waitUntil);
        const qint64 next = std::min<qint64>(left, qint64(ctx().policy().tracking.pollSeconds) * 1000);
        Q_EMIT ctx().message(QStringLiteral("waiting for approvals on %1: %2; next check in %3 s")
                                 .arg(g.issueUrl, problems.join(QStringLiteral("; ")))
                                 .arg((next + 999) / 1000));
        m_poll.start(int(std::max<qint64>(next, 1)));
        return;
    }
    if (onGitHub) {
        state().awaitingApprovals = true;
        finish(StepOutcome{StepStatus::Failed,
                           QStringLiteral("waiting for approvals on %1: %2")
                               .arg(g.issueUrl, problems.join(QStringLiteral("; "))),
                           std::nullopt, false, {}});
        return;
    }
    state().awaitingApprovals = false;
    QString summary = problems.join(QStringLiteral("; "));
    if (ctx().github()->isEnabled() && !g.lastError.isEmpty())
        summary += QStringLiteral(" (GitHub: %1)").arg(g.lastError);
    finish(StepOutcome{StepStatus::Failed, summary, RunOutcome::Blocked, false, {}});
}

bool TrackingStep::approve(const QString &role, const QString &identity, QString *error,
                           const QString &path)
{
    for (ApprovalState &a : state().approvals) {
        if (a.role != role)
            continue;
        // Check the rule before recording, so a refused approval leaves no trace.
        ApprovalRequest req;
        req.promoter = promoterIdentity();
        req.allowSelfApproval = ctx().policy().allowSelfApproval;
        for (const ApprovalState &other : std::as_const(state().approvals)) {
            req.requiredRoles.append(other.role);
            if (other.approved && other.role != role)
                req.approvals.append(RecordedApproval{other.role, other.identity, other.when});
        }
        req.approvals.append(RecordedApproval{role, identity, QDateTime::currentDateTimeUtc()});
        const ApprovalOutcome outcome = ApprovalRules::evaluate(req);
        for (const ApprovalViolation &v : outcome.violations) {
            if (v.role == role) {
                if (error)
                    *error = v.reason;
                return false;
            }
        }
        a.approved = true;
        a.identity = identity;
        a.when = QDateTime::currentDateTimeUtc();
        a.path = path;
        a.url.clear();
        a.mirrored = false;
        ctx().github()->queueConsoleApproval(a, true);
        return true;
    }
    if (error)
        *error = QStringLiteral("this promotion needs no %1 approval").arg(role);
    return false;
}

void TrackingStep::revoke(const QString &role)
{
    for (ApprovalState &a : state().approvals) {
        if (a.role == role) {
            if (a.mirrored)
                ctx().github()->queueConsoleApproval(a, false);
            a.approved = false;
            a.identity.clear();
            a.when = {};
            a.path.clear();
            a.url.clear();
            a.mirrored = false;
        }
    }
}

} // namespace Promotion
