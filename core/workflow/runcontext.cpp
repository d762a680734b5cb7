// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontext.h"

#include "workflow/githubtracking.h"

#include "deploy/semanticversion.h"
#include "gates/gatecontext.h"
#include "gates/gatescheduler.h"
#include "policy/policyloader.h"
#include "policy/policypaths.h"
#include "policy/qualitygateskip.h"
#include "policy/retryschedule.h"
#include "process/argvtemplate.h"
#include "report/promotionreport.h"
#include "report/reportchain.h"
#include "secrets/redactor.h"
#include "tracking/gitidentity.h"

#include <limits>
#include <QDir>
#include <QFileInfo>

namespace Promotion {

namespace {
/*! \a word as one word of a POSIX shell line: pytest splits PYTEST_ADDOPTS with shlex, so a
 * path with a space, a quote or a '$' in it must be quoted to stay one argument. */
QString shellWord(const QString &word)
{
    QString quoted = word;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}
} // namespace

RunContext::RunContext(QObject *parent)
    : QObject(parent)
    , m_github(new GitHubTracking(*this, this))
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, [this] {
        if (!startAttempt(m_backoff.interval())) {
            EffectRecord record = m_lastRecord;
            record.result =
                QStringLiteral("the next attempt could not be journaled: ") + m_persistError;
            endAction(record, m_lastResult);
        }
    });
}

RunContext::~RunContext() = default;

bool RunContext::open(const PromotionRequest &request, QString *error)
{
    auto workspace = std::make_unique<Workspace>(request.workspace);
    if (!workspace->exists()) {
        *error = QStringLiteral("workspace %1 does not exist or is not a directory")
                     .arg(request.workspace);
        return false;
    }
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(workspace->root());
    if (!loaded.ok()) {
        *error = loaded.errorString();
        return false;
    }
    const Policy policy = *loaded.policy;
    if (!Workspace::isValidComponentName(request.component)) {
        *error = QStringLiteral("'%1' is not a valid component name (letters, digits and _; not "
                                "starting with a digit)")
                     .arg(request.component);
        return false;
    }
    if (!policy.stage(request.to)) {
        *error = QStringLiteral("unknown target stage '%1'; the policy's stages are: %2")
                     .arg(request.to, policy.stageIds().join(QStringLiteral(", ")));
        return false;
    }
    if (!request.from.isEmpty() && !policy.stage(request.from)) {
        *error = QStringLiteral("unknown current stage '%1'; the policy's stages are: %2")
                     .arg(request.from, policy.stageIds().join(QStringLiteral(", ")));
        return false;
    }
    for (auto it = request.approvals.cbegin(); it != request.approvals.cend(); ++it) {
        if (!policy.roles.contains(it.key())) {
            *error =
                QStringLiteral("--approve %1=…: unknown role '%1'; the policy's roles are: %2")
                    .arg(it.key(), QStringList(policy.roles.keys()).join(QStringLiteral(", ")));
            return false;
        }
    }
    if (request.skipQualityGates) {
        const QString promoter = request.promoter.isEmpty()
                                     ? GitIdentity::local(workspace->root()).toString()
                                     : request.promoter;
        const QString problem =
            QualityGateSkip::problem(policy, request.to, request.skipReason,
                                     request.approvals.value(policy.skipApprovalRole), promoter);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("--skip-quality-gates: ") + problem;
            return false;
        }
    }
    if (!confinedPaths(policy, *workspace, request, error))
        return false;
    auto journal = std::make_unique<RunJournal>(workspace->runsDir());
    const QString lockPath =
        workspace->runsDir() + QLatin1Char('/') + request.component + QStringLiteral(".lock");
    if (!m_lock.acquire(lockPath, error))
        return false;
    m_workspace = std::move(workspace);
    m_journal = std::move(journal);
    m_policy = policy;
    m_state.request = request;
    // Secrets in the environment (tokens, passwords an {env:…} may expand to) are
    // redacted from everything this process records or prints from now on.
    Redactor::registerSecrets(Redactor::forEnvironment(policyEnvironment(policy, {})));
    createEffects();
    return true;
}

bool RunContext::startRun(const PromotionRequest &request, const QString &promoter, QString *error)
{
    if (!open(request, error))
        return false;
    m_state = RunState{};
    m_state.runId = RunJournal::newRunId(request.component, request.to);
    m_state.request = request;
    m_state.promoter = request.promoter.isEmpty() ? promoter : request.promoter;
    m_state.startedAt = QDateTime::currentDateTimeUtc();
    if (!m_policy.monitoring.dashboardUrl.isEmpty())
        m_state.dashboardUrl = expand(m_policy.monitoring.dashboardUrl);
    if (!QDir().mkpath(artifactsDir()) || !persist()) {
        *error =
            QStringLiteral("cannot create the run journal in %1: %2").arg(runDir(), m_persistError);
        m_lock.release();
        return false;
    }
    return true;
}

bool RunContext::resumeRun(const QString &workspace, const QString &component, const QString &runId,
                           QString *error)
{
    const Workspace ws(workspace);
    if (!ws.exists()) {
        *error = QStringLiteral("workspace %1 does not exist or is not a directory").arg(workspace);
        return false;
    }
    RunJournal journal(ws.runsDir());
    std::optional<RunState> loaded;
    if (!runId.isEmpty()) {
        const QString dir = journal.runDir(runId);
        if (!dir.isEmpty() && !QFileInfo(dir).isDir()) {
            // A mistyped id: say which runs there are to resume.
            QStringList ids;
            for (const RunState &run : journal.unfinished(component))
                ids.append(run.runId);
            *error = QStringLiteral("no run %1 in %2; ").arg(runId, journal.runsDir());
            if (ids.isEmpty())
                *error +=
                    QStringLiteral("no interrupted promotion%1 to resume")
                        .arg(component.isEmpty() ? QString() : QStringLiteral(" of ") + component);
            else
                *error += QStringLiteral("interrupted, newest first: %1 (--resume without an id "
                                         "takes the first)")
                              .arg(ids.join(QStringLiteral(", ")));
            return false;
        }
        loaded = journal.load(runId, error);
        if (!loaded)
            return false;
        if (journal.isDiscarded(runId)) {
            *error = QStringLiteral("run %1 was discarded").arg(runId);
            return false;
        }
        // A finished run is resumed only to send its queued GitHub actions.
        if (!loaded->isResumable()) {
            *error = QStringLiteral("run %1 has already finished (%2)")
                         .arg(runId, runOutcomeName(loaded->outcome));
            return false;
        }
    } else {
        const QList<RunState> open = journal.unfinished(component);
        if (open.isEmpty()) {
            *error = QStringLiteral("no interrupted promotion of %1 to resume in %2")
                         .arg(component.isEmpty() ? QStringLiteral("any component") : component,
                              journal.runsDir());
            return false;
        }
        loaded = open.first();
    }
    if (!component.isEmpty() && loaded->request.component != component) {
        *error = QStringLiteral("run %1 promotes %2, not %3")
                     .arg(loaded->runId, loaded->request.component, component);
        return false;
    }
    loaded->request.workspace = ws.root();
    if (!open(loaded->request, error))
        return false;
    m_state = *loaded;
    // Whatever was in flight when the process died is redone; finished work is kept.
    for (StepState &step : m_state.steps) {
        if (step.status == StepStatus::Running)
            step.status = StepStatus::Pending;
    }
    for (GateResult &g : m_state.gates) {
        if (g.status == GateStatus::Running || g.status == GateStatus::Cancelled)
            g.status = GateStatus::Pending;
    }
    // Stopped for approvals that may have come since: step 4 reads the issue again.
    if (m_state.awaitingApprovals && !m_state.isFinished())
        m_state.step(StepId::Tracking).status = StepStatus::Pending;
    persist();
    return true;
}

QString RunContext::writeReport(QString *error)
{
    if (!persist() && error)
        *error = m_persistError;
    if (!m_state.reportPath.isEmpty()) {
        m_lock.release();
        return m_state.reportPath;
    }
    QJsonObject report = PromotionReport::build(m_state);
    // A dry run writes nothing outside .promotion/runs.
    const QString dir = m_state.request.dryRun ? runDir() : m_workspace->reportsDir();
    const QString name = m_state.request.dryRun ? QStringLiteral("report.json")
                                                : PromotionReport::uniqueFileName(dir, m_state);
    const QString path = dir + QLatin1Char('/') + name;
    // Tamper evidence: sealed last, over exactly what is written (redacted), and chained to
    // the newest report of the workspace. Dry runs stay out of the chain.
    if (!m_state.request.dryRun)
        report = ReportChain::seal(Redactor().redact(report), dir);
    if (!PromotionReport::write(path, report, error)) {
        m_lock.release();
        return {};
    }
    m_state.reportPath = path;
    persist();
    if (!m_state.request.reportPath.isEmpty()) {
        QString extraError;
        if (!PromotionReport::write(QFileInfo(m_state.request.reportPath).absoluteFilePath(),
                                    report, &extraError))
            Q_EMIT message(QStringLiteral("warning: %1").arg(extraError));
    }
    m_lock.release();
    return path;
}

bool RunContext::confinedPaths(const Policy &policy, const Workspace &workspace,
                               const PromotionRequest &request, QString *error)
{
    // Before anything runs: a path that leads out (absolute, '..', a symlink, an {env:…})
    // would have a file outside deleted or quoted into the report.
    const QString spec =
        request.spec.isEmpty() ? workspace.specPath(request.component) : request.spec;
    if (!PolicyPaths::isConfined(spec, workspace.root(), QString())) {
        *error = QStringLiteral("--spec %1: the specification must be inside the workspace %2 "
                                "(symlinks resolved)")
                     .arg(spec, workspace.root());
        return false;
    }
    // The run's artifacts live below the runs directory; its id is not known yet.
    const QString artifacts = workspace.runsDir() + QStringLiteral("/run/artifacts");
    QHash<QString, QString> vars{{QStringLiteral("workspace"), workspace.root()},
                                 {QStringLiteral("component"), request.component},
                                 {QStringLiteral("from_stage"), request.from},
                                 {QStringLiteral("to_stage"), request.to},
                                 {QStringLiteral("stage"), request.to},
                                 {QStringLiteral("artifacts"), artifacts},
                                 {QStringLiteral("run_id"), QStringLiteral("run")},
                                 {QStringLiteral("date"), QStringLiteral("1970-01-01")},
                                 {QStringLiteral("coverage"), QStringLiteral("n/a")},
                                 {QStringLiteral("version"), QString()},
                                 {QStringLiteral("previous_revision"), QStringLiteral("0")},
                                 {QStringLiteral("rollback_reason"), QString()}};
    const QList<PolicyError> outside = PolicyPaths::check(
        policy, workspace.root(), workspace.runsDir(), vars, policyEnvironment(policy, vars));
    if (outside.isEmpty())
        return true;
    *error = policyErrorsToString(outside);
    return false;
}

void RunContext::createEffects()
{
    delete m_effects;
    if (m_state.request.dryRun)
        m_effects = new DryRunEffects(this);
    else
        m_effects = new LiveEffects(this);
    connect(m_effects, &EffectExecutor::commandOutput, this,
            [this](const QByteArray &chunk, OutputChannel channel) {
                if (!m_actionId.isEmpty()) {
                    m_outputTail += chunk;
                    if (m_outputTail.size() > 64 * 1024)
                        m_outputTail = m_outputTail.right(32 * 1024);
                }
                Q_EMIT commandOutput(m_source, chunk, channel);
            });
    connect(m_effects, &EffectExecutor::commandFinished, this, &RunContext::onCommandFinished);
}

void RunContext::onCommandFinished(const EffectRecord &record, const ProcessResult &result)
{
    if (m_actionId.isEmpty()) {
        endAction(record, result);
        return;
    }
    JournalAction *a = m_state.execution.find(m_actionId);
    const bool last = m_attempt > m_retry.retries;
    QString transient;
    if (!record.ok && !last)
        transient = RetrySchedule::transientReason(m_policy.retry.transient, result);
    if (a) {
        a->phase = record.ok ? ActionPhase::Done : ActionPhase::Failed;
        a->exitCode = result.exitCode;
        a->outputSha256 = record.outputSha256;
        a->result = record.result;
        a->doneAt = QDateTime::currentDateTimeUtc();
        a->outputTail = RetrySchedule::lastLines(m_outputTail, 12);
        if (!a->attempts.isEmpty()) {
            AttemptRecord &t = a->attempts.last();
            t.durationMs = record.durationMs;
            t.exitCode = result.exitStatus == QProcess::NormalExit ? result.exitCode : -1;
            t.ok = record.ok;
            t.finished = true;
            if (!record.ok) {
                if (!transient.isEmpty())
                    t.reason = QStringLiteral("transient: ") + transient;
                else if (m_retry.retries > 0 && last &&
                         !RetrySchedule::transientReason(m_policy.retry.transient, result)
                              .isEmpty())
                    t.reason = QStringLiteral("no retries left: ") +
                               RetrySchedule::transientReason(m_policy.retry.transient, result);
                else
                    t.reason = record.result;
            }
        }
    }
    EffectRecord shown = record;
    if (m_attempt > 1 || !transient.isEmpty())
        shown.description += QStringLiteral(" (attempt %1)").arg(m_attempt);
    addEffect(shown); // journals the attempt's end too
    if (transient.isEmpty()) {
        endAction(record, result);
        return;
    }
    // A transient failure with retries left: wait, then the same command again.
    const qint64 wait = RetrySchedule::delayMs(m_retry, m_attempt);
    if (a)
        a->result = QStringLiteral("attempt %1 failed (%2); retrying in %3 s")
                        .arg(m_attempt)
                        .arg(transient)
                        .arg(double(wait) / 1000, 0, 'f', 1);
    persist();
    const QString line = QStringLiteral("attempt %1 of %2 failed (transient: %3); attempt %4 in "
                                        "%5 s\n")
                             .arg(m_attempt)
                             .arg(m_retry.retries + 1)
                             .arg(transient)
                             .arg(m_attempt + 1)
                             .arg(double(wait) / 1000, 0, 'f', 1);
    Q_EMIT commandOutput(m_source, line.toUtf8(), OutputChannel::StandardError);
    Q_EMIT message(QStringLiteral("retry: %1: %2").arg(m_actionDescription, line.trimmed()));
    m_lastRecord = record;
    m_lastResult = result;
    m_backoff.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void RunContext::endAction(const EffectRecord &record, const ProcessResult &result)
{
    m_actionId.clear();
    m_outputTail.clear();
    ActionDone done = std::exchange(m_done, nullptr);
    if (done)
        done(record, result);
    if (!isCommandRunning())
        Q_EMIT commandIdle();
}

void RunContext::setDryRun(bool dryRun)
{
    if (m_state.request.dryRun == dryRun)
        return;
    m_state.request.dryRun = dryRun;
    createEffects();
}

const TransitionDefinition *RunContext::transition() const
{
    return m_policy.transition(fromStage(), m_state.request.to);
}

QString RunContext::fromStage() const
{
    return m_state.currentStage.isEmpty() ? m_state.request.from : m_state.currentStage;
}

QString RunContext::runDir() const
{
    return m_journal ? m_journal->runDir(m_state.runId) : QString();
}

QString RunContext::artifactsDir() const
{
    return m_journal ? m_journal->artifactsDir(m_state.runId) : QString();
}

QString RunContext::specPath() const
{
    if (!m_state.request.spec.isEmpty())
        return QDir(m_workspace->root()).absoluteFilePath(m_state.request.spec);
    return m_workspace->specPath(m_state.request.component);
}

QHash<QString, QString> RunContext::variables() const
{
    const ExecutionJournal &x = m_state.execution;
    return {{QStringLiteral("workspace"), m_workspace->root()},
            {QStringLiteral("component"), m_state.request.component},
            {QStringLiteral("from_stage"), fromStage()},
            {QStringLiteral("to_stage"), m_state.request.to},
            {QStringLiteral("stage"), m_state.request.to},
            {QStringLiteral("artifacts"), artifactsDir()},
            {QStringLiteral("run_id"), m_state.runId},
            {QStringLiteral("date"), m_state.startedAt.toUTC().date().toString(Qt::ISODate)},
            {QStringLiteral("coverage"),
             m_state.coverage ? QString::number(*m_state.coverage, 'f', 1) : QStringLiteral("n/a")},
            {QStringLiteral("version"),
             m_state.deployedVersion.isEmpty() ? m_state.version : m_state.deployedVersion},
            {QStringLiteral("previous_revision"),
             x.previousRevision > 0 ? QString::number(x.previousRevision) : QStringLiteral("0")},
            {QStringLiteral("rollback_reason"), m_state.validation.rollbackReason}};
}

QProcessEnvironment RunContext::policyEnvironment(const Policy &policy,
                                                  const QHash<QString, QString> &variables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = policy.environment.cbegin(); it != policy.environment.cend(); ++it) {
        const auto expanded = ArgvTemplate::expand(it.value(), variables, env);
        env.insert(it.key(), expanded.ok() ? expanded.value : it.value());
    }
    return env;
}

QProcessEnvironment RunContext::environment() const
{
    QProcessEnvironment env = policyEnvironment(m_policy, variables());
    // Data files go to the run's artifacts; the tools' caches to .promotion/cache, kept
    // between runs so the second run is faster. A run (a dry run in particular) writes
    // nothing else into the workspace.
    if (m_journal && !m_state.runId.isEmpty()) {
        const QString cache = m_workspace->cacheDir();
        env.insert(QStringLiteral("COVERAGE_FILE"), artifactsDir() + QStringLiteral("/.coverage"));
        env.insert(QStringLiteral("MYPY_CACHE_DIR"), cache + QStringLiteral("/mypy"));
        env.insert(QStringLiteral("RUFF_CACHE_DIR"), cache + QStringLiteral("/ruff"));
        // No PYTHONPYCACHEPREFIX: it would make Python ignore the installed tools' own
        // precompiled bytecode and compile mypy or flake8 again on every cold run.
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        const QString addopts = env.value(QStringLiteral("PYTEST_ADDOPTS"));
        env.insert(QStringLiteral("PYTEST_ADDOPTS"),
                   (addopts.isEmpty() ? QString() : addopts + QLatin1Char(' ')) +
                       QStringLiteral("-o ") +
                       shellWord(QStringLiteral("cache_dir=") + cache + QStringLiteral("/pytest")));
    }
    env.insert(QStringLiteral("PROMOTION_RUN_ID"), m_state.runId);
    env.insert(QStringLiteral("PROMOTION_COMPONENT"), m_state.request.component);
    env.insert(QStringLiteral("PROMOTION_TARGET_STAGE"), m_state.request.to);
    return env;
}

ProcessSpec RunContext::commandSpec(const QStringList &argvTemplate, const QString &policyKey,
                                    int timeoutSeconds, bool python, QString *error) const
{
    ProcessSpec spec;
    spec.environment = environment();
    spec.workingDirectory = m_workspace->root();
    spec.timeoutMs = timeoutSeconds * 1000;
    spec.policyKey = policyKey;
    const auto expanded = ArgvTemplate::expandAll(argvTemplate, variables(), spec.environment);
    if (!expanded.ok()) {
        *error = QStringLiteral("%1: %2").arg(policyKey, expanded.error);
        return spec;
    }
    spec.argv = expanded.values;
    if (python) {
        GateContext ctx;
        ctx.workspace = m_workspace->root();
        ctx.pythonRunner = m_policy.pythonRunner;
        GateScheduler::applyPythonRunner(spec.argv, spec.environment, ctx);
    }
    return spec;
}

QString RunContext::expand(const QString &text) const
{
    const auto expanded = ArgvTemplate::expand(text, variables(), environment());
    return expanded.ok() ? expanded.value : text;
}

HealthMonitorConfig RunContext::healthConfig() const
{
    HealthMonitorConfig config = HealthMonitorConfig::fromPolicy(m_policy.validation);
    const QHash<QString, QString> vars = variables();
    const QProcessEnvironment env = environment();
    auto url = [&](const QString &text) {
        const auto expanded = ArgvTemplate::expand(text, vars, env);
        return expanded.ok() ? QUrl(expanded.value) : QUrl();
    };
    config.healthUrl = url(m_policy.validation.healthUrl);
    config.statusUrl = url(m_policy.validation.statusUrl);
    config.metricsUrl = url(m_policy.validation.metricsUrl);
    config.prometheusUrl = url(m_policy.validation.prometheusUrl);
    auto text = [&](const QString &t) {
        const auto expanded = ArgvTemplate::expand(t, vars, env);
        return expanded.ok() ? expanded.value : QString();
    };
    config.errorRatioQuery = text(m_policy.validation.prometheusErrorRatio);
    config.p95SecondsQuery = text(m_policy.validation.prometheusP95Seconds);
    return config;
}

MetadataInput RunContext::metadataInput() const
{
    MetadataInput input;
    input.workspaceRoot = m_workspace->root();
    input.component = m_state.request.component;
    input.targetStage = m_state.request.to;
    input.coverage = m_state.coverage;
    input.date = QDate::currentDate();
    input.versionBump =
        SemanticVersion::parseBump(m_policy.metadata.versionBump).value_or(VersionBump::None);
    input.updateReadme = m_policy.metadata.updateReadme;
    const QDir root(m_workspace->root());
    if (m_policy.metadata.updateSpec && QFileInfo(specPath()).isFile())
        input.specRelativePath = root.relativeFilePath(specPath());
    if (!m_policy.metadata.runbook.isEmpty() &&
        m_policy.metadata.runbookStages.contains(m_state.request.to)) {
        const auto expanded =
            ArgvTemplate::expand(m_policy.metadata.runbook, variables(), environment());
        if (expanded.ok())
            input.runbookRelativePath = QDir::cleanPath(expanded.value);
    }
    input.fromStage = fromStage();
    input.version = m_state.version;
    input.promoter = m_state.promoter;
    input.runId = m_state.runId;
    return input;
}

QList<PlannedCommand> RunContext::plannedCommands() const
{
    const DeployPolicy &d = m_policy.deploy;
    const ValidationPolicy &v = m_policy.validation;
    const QList<std::tuple<QString, QString, QStringList, bool>> all{
        {QStringLiteral("deploy: current revision"), QStringLiteral("deploy.revision"), d.revision,
         false},
        {QStringLiteral("deploy: apply"), QStringLiteral("deploy.apply"), d.apply, false},
        {QStringLiteral("deploy: rollout status"), QStringLiteral("deploy.rollout_status"),
         d.rolloutStatus, false},
        {QStringLiteral("ai_context: record promotion"), QStringLiteral("deploy.ai_context"),
         d.aiContext, false},
        {QStringLiteral("smoke: tests"), QStringLiteral("validation.smoke"), v.smoke,
         v.smokePython},
        {QStringLiteral("validation: deployment log"), QStringLiteral("validation.logs"), v.logs,
         false},
        {QStringLiteral("validation: top pods"), QStringLiteral("validation.top"), v.top, false},
        {QStringLiteral("rollback: undo"), QStringLiteral("deploy.rollback"), d.rollback, false},
        {QStringLiteral("rollback: rollout status"), QStringLiteral("deploy.rollout_status"),
         d.rolloutStatus, false},
        {QStringLiteral("ai_context: record rollback"),
         QStringLiteral("deploy.ai_context_rollback"), d.aiContextRollback, false}};
    QList<PlannedCommand> out;
    for (const auto &[label, key, argv, python] : all) {
        if (argv.isEmpty())
            continue;
        PlannedCommand c;
        c.label = label;
        c.policyKey = key;
        const ProcessSpec spec = commandSpec(argv, key, 60, python, &c.error);
        c.argv = Redactor::forEnvironment(spec.environment)
                     .redact(spec.argv.isEmpty() ? argv : spec.argv);
        out.append(c);
    }
    return out;
}

bool RunContext::persist()
{
    if (!m_journal)
        return true;
    QString error;
    if (!m_journal->save(m_state, &error)) {
        m_persistError = error;
        Q_EMIT message(QStringLiteral("error: cannot save the run journal: %1").arg(error));
        return false;
    }
    m_persistError.clear();
    return true;
}

void RunContext::addEffect(const EffectRecord &record)
{
    m_state.effects.append(record);
    persist();
    Q_EMIT stateChanged();
}

bool RunContext::runAction(const QString &actionId, const QString &description,
                           const ProcessSpec &spec, ActionDone done)
{
    return startAction(actionId, description, spec, std::move(done), RetrySettings{});
}

bool RunContext::runRetriedAction(const QString &actionId, const QString &description,
                                  const ProcessSpec &spec, ActionDone done)
{
    // A dry run records one "would run"; nothing can fail transiently.
    return startAction(actionId, description, spec, std::move(done),
                       m_state.request.dryRun ? RetrySettings{} : retrySettings());
}

bool RunContext::startAction(const QString &actionId, const QString &description,
                             const ProcessSpec &spec, ActionDone done, const RetrySettings &retry)
{
    if (isCommandRunning())
        return false;
    m_actionId = actionId;
    m_actionSpec = spec;
    m_actionDescription = description;
    m_retry = retry;
    m_attempt = 0;
    m_done = std::move(done);
    if (!startAttempt(0)) {
        m_actionId.clear();
        m_done = nullptr;
        return false;
    }
    return true;
}

bool RunContext::startAttempt(qint64 delayMs)
{
    ++m_attempt;
    // The journal keeps what ran, without the secrets it was given: written before each
    // attempt, so a kill at any instant leaves an intent a resume checks.
    const bool existed = m_state.execution.action(m_actionId) != nullptr;
    JournalAction &a = m_state.execution.intent(
        m_actionId, Redactor::forEnvironment(m_actionSpec.environment).redact(m_actionSpec.argv));
    AttemptRecord attempt;
    attempt.number = a.attempts.isEmpty() ? 1 : a.attempts.last().number + 1;
    attempt.delayMs = delayMs;
    attempt.startedAt = QDateTime::currentDateTimeUtc();
    a.attempts.append(attempt);
    if (!persist()) {
        // Without the intent on disk, a kill could not tell whether it happened: do not start.
        if (JournalAction *again = m_state.execution.find(m_actionId))
            again->attempts.removeLast();
        if (!existed)
            m_state.execution.actions.removeIf([&](const JournalAction &x) {
                return x.id == m_actionId && x.phase == ActionPhase::Intent;
            });
        return false;
    }
    m_source = m_actionDescription;
    m_outputTail.clear();
    if (m_attempt > 1)
        Q_EMIT commandOutput(
            m_source,
            QStringLiteral("attempt %1 of %2\n").arg(m_attempt).arg(m_retry.retries + 1).toUtf8(),
            OutputChannel::StandardOutput);
    m_effects->runCommand(m_actionDescription.section(QLatin1Char(':'), 0, 0), m_actionDescription,
                          m_actionSpec);
    return true;
}

bool RunContext::runQuery(const QString &description, const ProcessSpec &spec, ActionDone done)
{
    if (isCommandRunning())
        return false;
    m_actionId.clear();
    m_source = description;
    m_done = std::move(done);
    m_effects->runCommand(QStringLiteral("query"), description, spec);
    return true;
}

bool RunContext::isCommandRunning() const
{
    return m_done != nullptr || (m_effects && m_effects->isRunning());
}

void RunContext::cancelCommand()
{
    if (m_backoff.isActive()) {
        // Waiting to retry: stop at once; the journal says the last attempt failed.
        m_backoff.stop();
        if (JournalAction *a = m_state.execution.find(m_actionId)) {
            a->result = QStringLiteral("cancelled while waiting for attempt %1").arg(m_attempt + 1);
            persist();
        }
        EffectRecord record = m_lastRecord;
        record.result = QStringLiteral("cancelled while waiting to retry");
        ProcessResult result = m_lastResult;
        result.cancelled = true;
        QTimer::singleShot(0, this, [this, record, result] { endAction(record, result); });
        return;
    }
    if (m_effects)
        m_effects->cancel();
}

void RunContext::setOutcome(RunOutcome outcome, const QString &summary)
{
    m_state.outcome = outcome;
    m_state.exitCode = exitCodeFor(outcome);
    m_state.outcomeSummary = summary;
    if (!m_state.finishedAt.isValid() && outcome != RunOutcome::Running)
        m_state.finishedAt = QDateTime::currentDateTimeUtc();
    if (outcome == RunOutcome::Promoted && !m_state.request.dryRun &&
        m_policy.monitoring.followUpHours > 0)
        m_state.followUpDueAt =
            m_state.finishedAt.addSecs(qint64(m_policy.monitoring.followUpHours) * 3600);
}

} // namespace Promotion
