// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubtracking.h"

#include "github/githubclient.h"
#include "github/githubtoken.h"
#include "github/trackingqueue.h"
#include "secrets/redactor.h"
#include "workflow/runcontext.h"

#include <QHash>
#include <QProcessEnvironment>

namespace Promotion {

namespace {

QString pathName(ApprovalEvidence::Path path)
{
    return path == ApprovalEvidence::Path::Checkbox ? QStringLiteral("checkbox")
                                                    : QStringLiteral("comment");
}

bool isLocalPath(const QString &path)
{
    return path == u"console" || path == u"command_line";
}

bool hasAction(const QList<TrackingAction> &actions, TrackingAction::Type type)
{
    return std::any_of(actions.cbegin(), actions.cend(),
                       [type](const TrackingAction &a) { return a.type == type; });
}

} // namespace

GitHubTracking::GitHubTracking(RunContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

GitHubTracking::~GitHubTracking() = default;

void GitHubTracking::setToken(const QString &token)
{
    m_token = token;
    if (!token.isEmpty())
        Redactor::registerSecret(token);
    if (m_client)
        m_client->setToken(token);
}

void GitHubTracking::setDefaultRepository(const QString &repository)
{
    m_defaultRepository = repository.trimmed();
}

QString GitHubTracking::repository() const
{
    if (!m_ctx.isOpen())
        return {};
    const QString fromPolicy = m_ctx.policy().tracking.repository;
    return fromPolicy.isEmpty() ? m_defaultRepository : fromPolicy;
}

QString GitHubTracking::repositorySource() const
{
    if (!m_ctx.isOpen())
        return {};
    if (!m_ctx.policy().tracking.repository.isEmpty())
        return QStringLiteral("policy");
    return m_defaultRepository.isEmpty() ? QString() : QStringLiteral("settings");
}

bool GitHubTracking::isEnabled() const
{
    return m_ctx.isOpen() && !repository().isEmpty() && !m_ctx.request().dryRun;
}

bool GitHubTracking::hasToken() const
{
    if (!m_token.isEmpty())
        return true;
    return !GitHubToken::fromEnvironment(QProcessEnvironment::systemEnvironment()).isEmpty();
}

QString GitHubTracking::issueMarker(const QString &runId)
{
    // The same text the issue template writes (see resources/templates/promotion-issue.md).
    return QStringLiteral("<!-- promotion-console run: %1 -->")
        .arg(QString(runId).remove(QStringLiteral("--")));
}

bool GitHubTracking::ensureClient()
{
    if (m_client)
        return true;
    QString token = m_token;
    if (token.isEmpty())
        token = GitHubToken::fromEnvironment(QProcessEnvironment::systemEnvironment());
    if (token.isEmpty())
        return false;
    GitHubConfig config;
    const TrackingPolicy &t = m_ctx.policy().tracking;
    config.apiUrl = QUrl(t.apiUrl);
    config.graphqlUrl = QUrl(t.graphqlUrl.isEmpty() ? TrackingPolicy::graphqlUrlFor(t.apiUrl)
                                                    : t.graphqlUrl);
    config.repository = repository();
    config.token = token;
    m_client = new GitHubClient(config, this);
    connect(m_client, &GitHubClient::rateLimitCountdown, this,
            &GitHubTracking::rateLimitCountdown);
    m_queue = new TrackingQueue(m_client, this);
    QString error;
    if (!m_queue->fromJson(m_ctx.state().github.queue, &error))
        Q_EMIT m_ctx.message(QStringLiteral("warning: the journal's GitHub queue is unreadable "
                                            "(%1); it starts again")
                                 .arg(error));
    connect(m_queue, &TrackingQueue::actionFinished, this, [this] { persistQueue(); });
    return true;
}

void GitHubTracking::persistQueue()
{
    GitHubTrackingState &g = m_ctx.state().github;
    g.repository = repository();
    if (m_queue) {
        g.queue = m_queue->toJson();
        g.pendingActions = m_queue->pendingCount();
        if (m_queue->issue().number > 0) {
            g.issueNumber = m_queue->issue().number;
            g.issueUrl = m_queue->issue().htmlUrl;
            m_ctx.state().issueUrl = g.issueUrl;
        }
        QString failure;
        g.pendingAfterReport = 0;
        const QList<TrackingAction> &actions = m_queue->actions();
        for (qsizetype i = 0; i < actions.size(); ++i) {
            const TrackingAction &a = actions.at(i);
            if (g.outcomeFrom >= 0 && i >= g.outcomeFrom && a.state != TrackingAction::State::Done)
                ++g.pendingAfterReport;
            if (a.type == TrackingAction::Type::MoveToColumn &&
                a.state == TrackingAction::State::Done)
                g.boardColumn = a.option;
            if (a.state != TrackingAction::State::Done && a.error.isError())
                failure = TrackingAction::typeName(a.type) + QStringLiteral(": ") + a.error.message;
        }
        g.lastError = failure;
    }
    m_ctx.persist();
    Q_EMIT changed();
}

void GitHubTracking::enqueue(const TrackingAction &action)
{
    if (!m_queue)
        return;
    m_queue->enqueue(action);
}

QString GitHubTracking::approvalLineTitle(const QString &role) const
{
    for (const ApprovalState &a : m_ctx.state().approvals) {
        if (a.role == role)
            return a.title;
    }
    return m_ctx.policy().roles.value(role).title;
}

void GitHubTracking::queueIssue()
{
    if (hasAction(m_queue->actions(), TrackingAction::Type::CreateIssue))
        return;
    const RunState &s = m_ctx.state();
    const TrackingPolicy &t = m_ctx.policy().tracking;
    for (const QString &label : s.labels)
        enqueue(TrackingAction::ensureLabel(label, QStringLiteral("ededed")));
    // The issue starts with every approval box empty: each approval is a tick of its own,
    // by whoever gives it, so the body's edit history says who approved.
    QString body = s.issueBody;
    for (const ApprovalState &a : s.approvals) {
        if (a.approved)
            setCheckboxLine(&body, a.title, false);
    }
    enqueue(TrackingAction::createIssue(s.issueTitle, body, s.labels, issueMarker(s.runId)));
    if (!t.project.isEmpty()) {
        const QString owner = t.projectOwner.isEmpty() ? repository().section(u'/', 0, 0)
                                                       : t.projectOwner;
        enqueue(TrackingAction::moveToColumn(m_ctx.expand(t.project), owner, t.statusField,
                                             s.request.to));
    }
    for (ApprovalState &a : m_ctx.state().approvals) {
        if (a.approved && isLocalPath(a.path) && !a.mirrored)
            queueConsoleApproval(a, true);
    }
    persistQueue(); // journaled before anything is sent
}

void GitHubTracking::queueConsoleApproval(const ApprovalState &approval, bool approved)
{
    if (!isEnabled() || !ensureClient())
        return;
    const QString path = approval.path == u"command_line" ? QStringLiteral("the command line")
                                                          : QStringLiteral("Promotion Console");
    const QString who = approval.identity.contains(u' ') || approval.identity.contains(u'@')
                            ? approval.identity
                            : QStringLiteral("@") + approval.identity;
    const QString by = m_ctx.state().github.login.isEmpty()
                           ? QString()
                           : QStringLiteral(" (recorded by @%1)").arg(m_ctx.state().github.login);
    if (!hasAction(m_queue->actions(), TrackingAction::Type::CreateIssue)) {
        // The issue is queued first; it then mirrors this approval (queueIssue()).
        return;
    }
    enqueue(TrackingAction::setCheckbox(approval.title, approved));
    enqueue(TrackingAction::comment(
        approved ? QStringLiteral("✅ **%1** given by %2 through %3%4.")
                       .arg(approval.title, who, path, by)
                 : QStringLiteral("↩️ **%1** withdrawn by %2 through %3%4.")
                       .arg(approval.title, who, path, by)));
    for (ApprovalState &a : m_ctx.state().approvals) {
        if (a.role == approval.role)
            a.mirrored = approved;
    }
    persistQueue();
}

void GitHubTracking::queueOutcome(const QString &reportPath)
{
    GitHubTrackingState &g = m_ctx.state().github;
    if (!isEnabled() || g.outcomeQueued || !ensureClient() ||
        !hasAction(m_queue->actions(), TrackingAction::Type::CreateIssue))
        return;
    const RunState &s = m_ctx.state();
    g.outcomeFrom = int(m_queue->actions().size());
    enqueue(TrackingAction::comment(
        QStringLiteral("**Outcome: %1** (exit %2) — %3\n\nReport: `%4`")
            .arg(runOutcomeName(s.outcome))
            .arg(s.exitCode)
            .arg(s.outcomeSummary, reportPath)));
    if (s.outcome == RunOutcome::Promoted) {
        const QString label = QStringLiteral("maturity:") + s.request.to;
        enqueue(TrackingAction::ensureLabel(label, QStringLiteral("0e8a16")));
        enqueue(TrackingAction::addLabels({label}));
        const QString from = s.currentStage.isEmpty() ? s.request.from : s.currentStage;
        if (!from.isEmpty() && from != s.request.to)
            enqueue(TrackingAction::removeLabel(QStringLiteral("maturity:") + from));
    }
    g.outcomeQueued = true;
    persistQueue();
}

void GitHubTracking::queueRollback(const QString &reason)
{
    GitHubTrackingState &g = m_ctx.state().github;
    if (!isEnabled() || g.rollbackQueued || !ensureClient() ||
        !hasAction(m_queue->actions(), TrackingAction::Type::CreateIssue))
        return;
    const RunState &s = m_ctx.state();
    const QString component = s.request.component;
    const QString stage = s.request.to;
    QStringList samples;
    for (const HealthSampleRecord &r : s.validation.samples) {
        samples << QStringLiteral("| %1 s | %2 | %3 % | %4 ms |")
                       .arg(r.elapsedMs / 1000.0, 0, 'f', 1)
                       .arg(r.healthy ? QStringLiteral("healthy") : QStringLiteral("unhealthy"))
                       .arg(r.errorRatePercent, 0, 'f', 2)
                       .arg(r.p95Ms, 0, 'f', 1);
    }
    QString body = QStringLiteral("## Rollback of %1 from %2\n\n"
                                  "**Trigger:** %3\n\n"
                                  "**Promotion issue:** %4\n\n"
                                  "**Run:** %5\n")
                       .arg(component, stage, reason, g.issueUrl, s.runId);
    if (!s.validation.triggerKind.isEmpty())
        body += QStringLiteral("\n**Measured:** %1 (%2, threshold %3)\n")
                    .arg(s.validation.triggerMessage, s.validation.triggerKind)
                    .arg(s.validation.triggerThreshold);
    if (!samples.isEmpty())
        body += QStringLiteral("\n### Samples\n\n| time | health | error rate | p95 |\n"
                               "|---|---|---|---|\n") +
                samples.join(u'\n') + u'\n';
    body += QStringLiteral("\n<!-- promotion-console rollback: %1 -->\n").arg(s.runId);
    enqueue(TrackingAction::ensureLabel(QStringLiteral("rollback"), QStringLiteral("d93f0b")));
    enqueue(TrackingAction::createLinkedIssue(
        QStringLiteral("Rollback %1 from %2").arg(component, stage), Redactor().redact(body),
        {QStringLiteral("rollback"), QStringLiteral("component:") + component},
        QStringLiteral("<!-- promotion-console rollback: %1 -->").arg(s.runId),
        QStringLiteral("⚠️ Rolled back: %1\n\nRollback issue:").arg(reason)));
    g.rollbackQueued = true;
    persistQueue();
}

void GitHubTracking::flush(std::function<void()> done)
{
    if (!isEnabled() || !ensureClient() || m_queue->pendingCount() == 0 || m_busy) {
        done();
        return;
    }
    m_busy = true;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_queue, &TrackingQueue::flushFinished, this,
                    [this, conn, done](TrackingQueue::Outcome, const GitHubError &) {
                        disconnect(*conn);
                        m_busy = false;
                        persistQueue();
                        done();
                    });
    m_queue->flush();
}

void GitHubTracking::sync(std::function<void()> done)
{
    if (!isEnabled()) {
        done();
        return;
    }
    if (m_busy) {
        // A sync is already on its way; this caller gets the state it leaves.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(this, &GitHubTracking::changed, this, [this, conn, done] {
            if (m_busy)
                return;
            disconnect(*conn);
            done();
        });
        return;
    }
    GitHubTrackingState &g = m_ctx.state().github;
    g.repository = repository();
    if (!ensureClient()) {
        finishSync(QStringLiteral("no GitHub token: set GH_TOKEN or GITHUB_TOKEN (scopes: repo, "
                                  "project), or save one in Settings; the issue for %1 is not "
                                  "created and approvals are read from the console only")
                       .arg(g.repository),
                   done);
        return;
    }
    m_busy = true;
    auto afterLogin = [this, done] {
        queueIssue();
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(m_queue, &TrackingQueue::flushFinished, this,
                        [this, conn, done](TrackingQueue::Outcome, const GitHubError &) {
                            disconnect(*conn);
                            persistQueue();
                            if (m_queue->issue().number <= 0) {
                                finishSync(m_ctx.state().github.lastError, done);
                                return;
                            }
                            readApprovals(done);
                        });
        if (m_queue->pendingCount() == 0) {
            QObject::disconnect(*conn);
            if (m_queue->issue().number <= 0) {
                finishSync(QString(), done);
                return;
            }
            readApprovals(done);
            return;
        }
        m_queue->flush();
    };
    if (!g.login.isEmpty()) {
        afterLogin();
        return;
    }
    m_client->currentUser(this, [this, afterLogin, done](const GitHubResult<QString> &r) {
        if (!r.ok()) {
            // Offline or a bad token: the actions are queued in the journal and sent by a
            // later sync; the run goes on.
            queueIssue();
            finishSync(r.error.message, done);
            return;
        }
        m_ctx.state().github.login = r.value;
        afterLogin();
    });
}

void GitHubTracking::finishSync(const QString &error, std::function<void()> done)
{
    m_busy = false;
    GitHubTrackingState &g = m_ctx.state().github;
    if (!error.isEmpty())
        g.lastError = error;
    if (m_queue)
        g.pendingActions = m_queue->pendingCount();
    m_ctx.persist();
    Q_EMIT changed();
    done();
}

void GitHubTracking::readApprovals(std::function<void()> done)
{
    const int number = m_queue->issue().number;
    struct Read
    {
        ApprovalsInput input;
        QList<ApprovalEvidence> evidence;
        QHash<QString, bool> teams;
        QList<std::tuple<QString, QString, QString>> questions;
    };
    auto read = std::make_shared<Read>();
    for (const ApprovalState &a : m_ctx.state().approvals)
        read->input.lines.append(ApprovalLineSpec{a.role, a.title});
    auto fail = [this, done](const GitHubError &e) { finishSync(e.message, done); };

    auto judge = [this, read, done] {
        const QMap<QString, QStringList> approvers = m_ctx.policy().tracking.approvers;
        ApprovalsReader::applyApprovers(
            &read->evidence, approvers,
            [read](const QString &org, const QString &team, const QString &login) -> std::optional<bool> {
                const QString key = org + u'/' + team + u'/' + login;
                if (!read->teams.contains(key))
                    return std::nullopt;
                return read->teams.value(key);
            });
        RunState &s = m_ctx.state();
        mergeEvidence(&s.approvals, &s.github.rejected, read->evidence, s.github.login);
        s.github.lastPolled = QDateTime::currentDateTimeUtc();
        finishSync(QString(), done);
    };
    // Team membership questions, one after the other.
    auto askTeams = std::make_shared<std::function<void(int)>>();
    *askTeams = [this, read, judge, askTeams](int i) {
        if (i >= read->questions.size()) {
            judge();
            return;
        }
        const auto [org, team, login] = read->questions.at(i);
        m_client->teamMembership(org, team, login, this,
                                 [read, askTeams, i, org, team, login](const GitHubResult<bool> &r) {
                                     if (r.ok())
                                         read->teams.insert(org + u'/' + team + u'/' + login,
                                                            r.value);
                                     (*askTeams)(i + 1);
                                 });
    };

    m_client->issue(number, this, [=, this](const GitHubResult<GitHubIssue> &issue) {
        if (!issue.ok())
            return fail(issue.error);
        read->input.issueUrl = issue.value.htmlUrl;
        read->input.issueAuthor = issue.value.author;
        read->input.issueCreatedAt = issue.value.createdAt;
        read->input.currentBody = issue.value.body;
        m_client->issueBodyEdits(number, this, [=, this](const GitHubResult<QList<GitHubBodyEdit>> &edits) {
            if (!edits.ok())
                return fail(edits.error);
            read->input.edits = edits.value;
            m_client->comments(number, this, [=, this](const GitHubResult<QList<GitHubComment>> &comments) {
                if (!comments.ok())
                    return fail(comments.error);
                read->input.comments = comments.value;
                read->evidence = ApprovalsReader::read(read->input);
                read->questions =
                    ApprovalsReader::teamQuestions(read->evidence, m_ctx.policy().tracking.approvers);
                (*askTeams)(0);
            });
        });
    });
}

void GitHubTracking::mergeEvidence(QList<ApprovalState> *approvals, QList<RejectedApproval> *rejected,
                                   const QList<ApprovalEvidence> &evidence, const QString &ownLogin)
{
    QSet<QString> localRoles;
    for (ApprovalState &a : *approvals) {
        if (a.approved && isLocalPath(a.path)) {
            localRoles.insert(a.role);
            continue; // stands until withdrawn in the console
        }
        const std::optional<ApprovalEvidence> e = ApprovalsReader::forRole(evidence, a.role);
        if (e) {
            a.approved = true;
            a.identity = e->login;
            a.when = e->when;
            a.path = pathName(e->path);
            a.url = e->url;
        } else if (a.path == u"checkbox" || a.path == u"comment") {
            // Withdrawn on GitHub (unticked, or "/revoke ROLE").
            a.approved = false;
            a.identity.clear();
            a.when = {};
            a.path.clear();
            a.url.clear();
        }
    }
    rejected->clear();
    for (const ApprovalEvidence &e : evidence) {
        if (e.counted)
            continue;
        if (localRoles.contains(e.role) && e.path == ApprovalEvidence::Path::Checkbox &&
            e.login.compare(ownLogin, Qt::CaseInsensitive) == 0)
            continue; // the console's own tick
        rejected->append(RejectedApproval{e.role, e.login, pathName(e.path), e.url, e.when, e.reason});
    }
}

} // namespace Promotion
