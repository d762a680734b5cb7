// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionengine.h"

#include "deploy/metadataupdater.h"
#include "deploy/semanticversion.h"
#include "effects/effectexecutor.h"
#include "gates/gatescheduler.h"
#include "health/healthmonitor.h"
#include "parsers/junitparser.h"
#include "policy/policyloader.h"
#include "process/argvtemplate.h"
#include "report/promotionreport.h"
#include "tracking/approvalrules.h"
#include "tracking/gitidentity.h"
#include "tracking/issuetemplaterenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QThread>
#include <QTimer>

namespace Promotion {

namespace {
QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

QString readGitConfigValue(const QString &path, const QString &section, const QString &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString current;
    QString value;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            current = line.mid(1, line.indexOf(QLatin1Char(']')) - 1).trimmed().toLower();
            continue;
        }
        if (current != section)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && line.left(eq).trimmed().toLower() == key) {
            value = line.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) &&
                value.endsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
        }
    }
    return value;
}

QString formatPercent(double v)
{
    return QString::number(v, 'f', 1);
}
} // namespace

PromotionEngine::PromotionEngine(QObject *parent)
    : QObject(parent)
    , m_gates(new GateScheduler(this))
    , m_health(new HealthMonitor(nullptr, this))
{
    connect(m_gates, &GateScheduler::gateStarted, this, [this](const QString &id) {
        if (GateResult *g = m_state.gate(id)) {
            g->status = GateStatus::Running;
            g->startedAt = now();
        }
        persist();
        Q_EMIT gateStarted(id);
        Q_EMIT stateChanged();
    });
    connect(m_gates, &GateScheduler::gateOutput, this, &PromotionEngine::gateOutput);
    connect(m_gates, &GateScheduler::gateFinished, this, [this](const GateResult &result) {
        if (GateResult *g = m_state.gate(result.id))
            *g = result;
        else
            m_state.gates.append(result);
        if (!result.tool.isEmpty() && !result.toolVersion.isEmpty())
            m_state.toolVersions.insert(result.tool, result.toolVersion);
        persist();
        Q_EMIT message(QStringLiteral("gate %1: %2 %3 (%4 ms)")
                           .arg(result.id, gateStatusName(result.status), result.measuredText)
                           .arg(result.durationMs));
        Q_EMIT gateFinished(result.id);
        Q_EMIT stateChanged();
    });
    connect(m_gates, &GateScheduler::finished, this, [this](bool) { finishGatesStep(); });
}

PromotionEngine::~PromotionEngine()
{
    if (m_busy) {
        // Closing mid-run: stop tools, and keep the journal resumable.
        m_gates->cancel();
        if (m_effects)
            m_effects->cancel();
        persist();
    }
}

QString PromotionEngine::localIdentity(const QString &workspace)
{
    QString name = qEnvironmentVariable("GIT_AUTHOR_NAME");
    QString email = qEnvironmentVariable("GIT_AUTHOR_EMAIL");
    const QString home = QDir::homePath();
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME", home + QStringLiteral("/.config"));
    const QStringList configs{workspace + QStringLiteral("/.git/config"),
                              home + QStringLiteral("/.gitconfig"),
                              xdg + QStringLiteral("/git/config")};
    for (const QString &path : configs) {
        if (name.isEmpty())
            name = readGitConfigValue(path, QStringLiteral("user"), QStringLiteral("name"));
        if (email.isEmpty())
            email = readGitConfigValue(path, QStringLiteral("user"), QStringLiteral("email"));
    }
    if (name.isEmpty())
        name = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    return email.isEmpty() ? name : QStringLiteral("%1 <%2>").arg(name, email);
}

const TransitionDefinition *PromotionEngine::transition() const
{
    const QString from = m_state.currentStage.isEmpty() ? m_request.from : m_state.currentStage;
    return m_policy.transition(from, m_request.to);
}

QString PromotionEngine::runDir() const
{
    return m_journal ? m_journal->runDir(m_state.runId) : QString();
}

QString PromotionEngine::artifactsDir() const
{
    return m_journal ? m_journal->artifactsDir(m_state.runId) : QString();
}

QString PromotionEngine::specPath() const
{
    if (!m_request.spec.isEmpty())
        return QDir(m_workspace->root()).absoluteFilePath(m_request.spec);
    return m_workspace->specPath(m_request.component);
}

bool PromotionEngine::prepare(QString *error)
{
    m_workspace = std::make_unique<Workspace>(m_request.workspace);
    if (!m_workspace->exists()) {
        *error = QStringLiteral("workspace %1 does not exist or is not a directory")
                     .arg(m_request.workspace);
        return false;
    }
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(m_workspace->root());
    if (!loaded.ok()) {
        *error = loaded.errorString();
        return false;
    }
    m_policy = *loaded.policy;
    if (!Workspace::isValidComponentName(m_request.component)) {
        *error = QStringLiteral("'%1' is not a valid component name (letters, digits and _; not "
                                "starting with a digit)")
                     .arg(m_request.component);
        return false;
    }
    if (!m_policy.stage(m_request.to)) {
        *error = QStringLiteral("unknown target stage '%1'; the policy's stages are: %2")
                     .arg(m_request.to, m_policy.stageIds().join(QStringLiteral(", ")));
        return false;
    }
    if (!m_request.from.isEmpty() && !m_policy.stage(m_request.from)) {
        *error = QStringLiteral("unknown current stage '%1'; the policy's stages are: %2")
                     .arg(m_request.from, m_policy.stageIds().join(QStringLiteral(", ")));
        return false;
    }
    for (auto it = m_request.approvals.cbegin(); it != m_request.approvals.cend(); ++it) {
        if (!m_policy.roles.contains(it.key())) {
            *error =
                QStringLiteral("--approve %1=…: unknown role '%1'; the policy's roles are: %2")
                    .arg(it.key(), QStringList(m_policy.roles.keys()).join(QStringLiteral(", ")));
            return false;
        }
    }
    m_journal = std::make_unique<RunJournal>(m_workspace->runsDir());
    const QString lockPath =
        m_workspace->runsDir() + QLatin1Char('/') + m_request.component + QStringLiteral(".lock");
    if (!m_lock.acquire(lockPath, error))
        return false;
    createEffects();
    return true;
}

void PromotionEngine::createEffects()
{
    delete m_effects;
    if (m_request.dryRun)
        m_effects = new DryRunEffects(this);
    else
        m_effects = new LiveEffects(this);
    connect(m_effects, &EffectExecutor::commandOutput, this,
            [this](const QByteArray &chunk, OutputChannel channel) {
                Q_EMIT commandOutput(m_queueSource, chunk, channel);
            });
    connect(m_effects, &EffectExecutor::commandFinished, this,
            [this](const EffectRecord &record, const ProcessResult &) {
                addEffect(record);
                if (!record.ok) {
                    Q_EMIT message(
                        QStringLiteral("%1 failed: %2").arg(record.description, record.result));
                    finishQueue(false);
                    return;
                }
                executeNextCommand();
            });
}

bool PromotionEngine::begin(const PromotionRequest &request, QString *error)
{
    m_request = request;
    if (!prepare(error))
        return false;
    m_state = RunState{};
    m_state.runId = RunJournal::newRunId(request.component, request.to);
    m_state.request = request;
    m_state.promoter =
        request.promoter.isEmpty() ? localIdentity(m_workspace->root()) : request.promoter;
    m_state.startedAt = now();
    QDir().mkpath(artifactsDir());
    persist();
    Q_EMIT stateChanged();
    return true;
}

bool PromotionEngine::resume(const QString &workspace, const QString &component,
                             const QString &runId, QString *error)
{
    RunJournal journal(Workspace(workspace).runsDir());
    std::optional<RunState> state;
    if (!runId.isEmpty()) {
        state = journal.load(runId, error);
        if (!state)
            return false;
        if (state->outcome != QLatin1String("running")) {
            *error = QStringLiteral("run %1 has already finished (%2)").arg(runId, state->outcome);
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
        state = open.first();
    }
    m_request = state->request;
    if (!prepare(error))
        return false;
    m_state = *state;
    // Whatever was in flight when the process died is redone; finished work is kept.
    for (StepState &step : m_state.steps) {
        if (step.status == StepStatus::Running)
            step.status = StepStatus::Pending;
    }
    for (GateResult &g : m_state.gates) {
        if (g.status == GateStatus::Running || g.status == GateStatus::Cancelled)
            g.status = GateStatus::Pending;
    }
    persist();
    Q_EMIT message(QStringLiteral("resuming run %1 at step %2")
                       .arg(m_state.runId)
                       .arg(m_state.nextStepIndex() + 1));
    Q_EMIT stateChanged();
    return true;
}

void PromotionEngine::persist()
{
    if (!m_journal)
        return;
    QString error;
    if (!m_journal->save(m_state, &error))
        Q_EMIT message(QStringLiteral("warning: cannot save the run journal: %1").arg(error));
}

QHash<QString, QString> PromotionEngine::variables() const
{
    const QString from = m_state.currentStage.isEmpty() ? m_request.from : m_state.currentStage;
    return {{QStringLiteral("workspace"), m_workspace->root()},
            {QStringLiteral("component"), m_request.component},
            {QStringLiteral("from_stage"), from},
            {QStringLiteral("to_stage"), m_request.to},
            {QStringLiteral("stage"), m_request.to},
            {QStringLiteral("artifacts"), artifactsDir()},
            {QStringLiteral("run_id"), m_state.runId},
            {QStringLiteral("date"), m_state.startedAt.toUTC().date().toString(Qt::ISODate)},
            {QStringLiteral("coverage"),
             m_state.coverage ? formatPercent(*m_state.coverage) : QStringLiteral("n/a")},
            {QStringLiteral("version"), m_state.version}};
}

QProcessEnvironment PromotionEngine::policyEnvironment(const Policy &policy,
                                                       const QHash<QString, QString> &variables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = policy.environment.cbegin(); it != policy.environment.cend(); ++it) {
        const auto expanded = ArgvTemplate::expand(it.value(), variables, env);
        env.insert(it.key(), expanded.ok() ? expanded.value : it.value());
    }
    return env;
}

QProcessEnvironment PromotionEngine::environment() const
{
    QProcessEnvironment env = policyEnvironment(m_policy, variables());
    // Tool caches and data files go to the run's artifacts, so a run (a dry run in
    // particular) writes nothing else into the workspace.
    if (m_journal && !m_state.runId.isEmpty()) {
        env.insert(QStringLiteral("COVERAGE_FILE"), artifactsDir() + QStringLiteral("/.coverage"));
        env.insert(QStringLiteral("MYPY_CACHE_DIR"),
                   artifactsDir() + QStringLiteral("/.mypy_cache"));
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    }
    env.insert(QStringLiteral("PROMOTION_RUN_ID"), m_state.runId);
    env.insert(QStringLiteral("PROMOTION_COMPONENT"), m_request.component);
    env.insert(QStringLiteral("PROMOTION_TARGET_STAGE"), m_request.to);
    return env;
}

ProcessSpec PromotionEngine::commandSpec(const QStringList &argvTemplate, const QString &policyKey,
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

HealthMonitorConfig PromotionEngine::healthConfig() const
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
    return config;
}

void PromotionEngine::setOutcome(const QString &outcome, int exitCode)
{
    m_state.outcome = outcome;
    m_state.exitCode = exitCode;
}

void PromotionEngine::addEffect(const EffectRecord &record)
{
    m_state.effects.append(record);
    persist();
    Q_EMIT stateChanged();
}

void PromotionEngine::startStep(StepId step)
{
    StepState &s = m_state.step(step);
    s.status = StepStatus::Running;
    s.startedAt = now();
    s.finishedAt = {};
    s.summary.clear();
    m_busy = true;
    persist();
    Q_EMIT stepStarted(step);
    Q_EMIT stateChanged();
}

void PromotionEngine::endStep(StepId step, StepStatus status, const QString &summary)
{
    StepState &s = m_state.step(step);
    s.status = status;
    s.finishedAt = now();
    s.durationMs = s.startedAt.isValid() ? s.startedAt.msecsTo(s.finishedAt) : 0;
    s.summary = summary;
    m_busy = false;
    persist();
    Q_EMIT stepFinished(step, status);
    Q_EMIT stateChanged();
    if (m_runAll)
        QTimer::singleShot(0, this, &PromotionEngine::continueRunAll);
}

void PromotionEngine::runStep(StepId step)
{
    if (m_busy || !m_workspace)
        return;
    m_cancelled = false;
    switch (step) {
    case StepId::Validate:
        runValidate();
        break;
    case StepId::QualityGates:
        runGates();
        break;
    case StepId::Criteria:
        runCriteria();
        break;
    case StepId::Tracking:
        runTracking();
        break;
    case StepId::Execute:
        runExecute();
        break;
    case StepId::PostValidation:
        runPostValidation();
        break;
    }
}

void PromotionEngine::runAll()
{
    m_runAll = true;
    continueRunAll();
}

void PromotionEngine::continueRunAll()
{
    if (!m_runAll || m_busy)
        return;
    // Stop at the first step that did not pass.
    for (int i = 0; i < kStepCount; ++i) {
        if (m_state.steps[size_t(i)].status == StepStatus::Failed) {
            m_runAll = false;
            if (m_state.outcome == QLatin1String("running"))
                setOutcome(QStringLiteral("blocked"), 1);
            persist();
            Q_EMIT runFinished(m_state.exitCode);
            return;
        }
    }
    if (m_cancelled) {
        m_runAll = false;
        Q_EMIT runFinished(m_state.exitCode < 0 ? 1 : m_state.exitCode);
        return;
    }
    const int next = m_state.nextStepIndex();
    if (next >= kStepCount) {
        m_runAll = false;
        if (m_state.outcome == QLatin1String("running")) {
            if (m_request.dryRun)
                setOutcome(QStringLiteral("dry_run_passed"), 0);
            else
                setOutcome(QStringLiteral("promoted"), 0);
        }
        persist();
        Q_EMIT runFinished(m_state.exitCode);
        return;
    }
    runStep(StepId(next));
}

void PromotionEngine::cancel()
{
    m_cancelled = true;
    m_runAll = false;
    m_gates->cancel();
    m_health->cancel();
    if (m_effects)
        m_effects->cancel();
}

void PromotionEngine::setDryRun(bool dryRun)
{
    if (m_request.dryRun == dryRun || !m_workspace)
        return;
    // Only before anything has an effect: steps 5 and 6 not started.
    if (m_state.step(StepId::Execute).status != StepStatus::Pending)
        return;
    m_request.dryRun = dryRun;
    m_state.request.dryRun = dryRun;
    createEffects(); // the boundary of the new mode (the lock is already held)
    persist();
    Q_EMIT stateChanged();
}

// ---------------------------------------------------------------- step 1

void PromotionEngine::runValidate()
{
    startStep(StepId::Validate);
    QList<CheckItem> checks;
    auto check = [&checks](const QString &id, const QString &text, bool passed,
                           const QString &detail) {
        checks.append(CheckItem{id, text, passed, detail});
        return passed;
    };
    const QString c = m_request.component;
    const QString root = m_workspace->root();
    const QString componentDir = m_workspace->componentDir(c);
    check(QStringLiteral("component_dir"), QStringLiteral("Component directory exists"),
          QFileInfo(componentDir).isDir(), QStringLiteral("src/%1/").arg(c));
    check(QStringLiteral("tests_dir"), QStringLiteral("Tests directory exists"),
          QFileInfo(m_workspace->testsDir(c)).isDir(), QStringLiteral("tests/%1/").arg(c));
    const QString spec = specPath();
    const bool specInside = m_workspace->contains(spec);
    check(QStringLiteral("spec_file"), QStringLiteral("Specification file exists"),
          specInside && QFileInfo(spec).isFile(),
          specInside ? QDir(root).relativeFilePath(spec)
                     : QStringLiteral("%1 is outside the workspace").arg(m_request.spec));

    const ComponentInfo info = m_workspace->component(c);
    m_state.currentStage = info.stage;
    m_state.version = info.version;
    const bool documented = !info.stage.isEmpty();
    check(QStringLiteral("stage_documented"), QStringLiteral("Current stage documented"),
          documented,
          documented
              ? QStringLiteral("__maturity__ = \"%1\" in src/%2/__init__.py").arg(info.stage, c)
              : (info.problem.isEmpty()
                     ? QStringLiteral("src/%1/__init__.py has no __maturity__").arg(c)
                     : info.problem));
    if (documented && !m_request.from.isEmpty()) {
        check(QStringLiteral("stage_matches"),
              QStringLiteral("Current stage matches the expected stage"),
              info.stage == m_request.from,
              info.stage == m_request.from
                  ? QStringLiteral("%1").arg(info.stage)
                  : QStringLiteral("expected %1 (--from), but __maturity__ is %2")
                        .arg(m_request.from, info.stage));
    }
    if (documented) {
        const int fromIndex = m_policy.stageIndex(info.stage);
        const int toIndex = m_policy.stageIndex(m_request.to);
        QString detail;
        bool ok = true;
        if (fromIndex < 0) {
            ok = false;
            detail = QStringLiteral("__maturity__ '%1' is not a stage of the policy (%2)")
                         .arg(info.stage, m_policy.stageIds().join(QStringLiteral(", ")));
        } else if (toIndex <= fromIndex) {
            ok = false;
            detail = QStringLiteral("%1 is already at %2; %3 is not a later stage")
                         .arg(c, info.stage, m_request.to);
        } else if (toIndex > fromIndex + 1 && !m_policy.allowStageSkip) {
            ok = false;
            detail = QStringLiteral("%1 → %2 skips %3; the policy does not allow skipping stages")
                         .arg(info.stage, m_request.to, m_policy.stages.at(fromIndex + 1).id);
        } else if (!m_policy.transition(info.stage, m_request.to)) {
            ok = false;
            detail = QStringLiteral("the policy defines no transition %1 → %2")
                         .arg(info.stage, m_request.to);
        } else {
            detail = QStringLiteral("%1 → %2").arg(info.stage, m_request.to);
        }
        check(QStringLiteral("target_is_next"), QStringLiteral("Target is the next stage"), ok,
              detail);
    }
    m_state.validationChecks = checks;
    QStringList failed;
    for (const CheckItem &item : checks) {
        if (!item.passed)
            failed.append(QStringLiteral("%1: %2").arg(item.text, item.detail));
    }
    m_state.blockers = failed;
    if (failed.isEmpty()) {
        // Prepare the gate list now so every view shows it before step 2 starts.
        if (m_state.gates.isEmpty() && transition()) {
            for (const QString &id : transition()->gates) {
                const GateDefinition def = m_policy.gates.value(id);
                GateResult g;
                g.id = id;
                g.title = def.title;
                g.tool = def.command.value(0);
                g.format = def.format;
                m_state.gates.append(g);
            }
        }
        endStep(StepId::Validate, StepStatus::Passed,
                QStringLiteral("%1 at %2, version %3").arg(c, info.stage, info.version));
    } else {
        setOutcome(QStringLiteral("blocked"), 1);
        endStep(StepId::Validate, StepStatus::Failed, failed.join(QStringLiteral("; ")));
    }
}

// ---------------------------------------------------------------- step 2

void PromotionEngine::runGates()
{
    const TransitionDefinition *t = transition();
    if (!t)
        return;
    startStep(StepId::QualityGates);
    if (m_request.skipQualityGates) {
        for (const QString &id : t->gates) {
            GateResult *g = m_state.gate(id);
            if (!g) {
                m_state.gates.append(GateResult{});
                g = &m_state.gates.last();
                g->id = id;
                g->title = m_policy.gates.value(id).title;
            }
            g->status = GateStatus::Skipped;
            g->message = QStringLiteral("skipped: ") + m_request.skipReason;
        }
        m_state.overrides.append(OverrideRecord{QStringLiteral("quality_gates"),
                                                m_request.skipReason, m_state.promoter, now()});
        endStep(StepId::QualityGates, StepStatus::Skipped,
                QStringLiteral("QUALITY GATES SKIPPED: %1").arg(m_request.skipReason));
        return;
    }
    QList<GateDefinition> defs;
    QList<GateResult> keep;
    for (const QString &id : t->gates) {
        defs.append(m_policy.gates.value(id));
        const GateResult *existing = m_state.gate(id);
        // Passed gates are kept (resume, "Retry failed"); failed ones run again.
        if (existing && existing->status == GateStatus::Passed &&
            existing->kind != QLatin1String("metric") &&
            existing->kind != QLatin1String("attestation"))
            keep.append(*existing);
        if (!existing) {
            GateResult g;
            g.id = id;
            g.title = m_policy.gates.value(id).title;
            m_state.gates.append(g);
        }
    }
    // Keep attestations already given in the wizard.
    GateContext ctx;
    ctx.workspace = m_workspace->root();
    ctx.component = m_request.component;
    ctx.artifactsDir = artifactsDir();
    ctx.variables = variables();
    ctx.environment = environment();
    ctx.pythonRunner = m_policy.pythonRunner;
    ctx.maxParallel = m_policy.maxParallelGates;
    ctx.attestations = m_request.attestations;
    for (const GateResult &g : std::as_const(m_state.gates)) {
        if (g.attestation)
            keep.append(g);
    }
    if (const StageDefinition *stage = m_policy.stage(m_request.to))
        ctx.stageCoverageMin = stage->coverageMin;
    m_gates->start(defs, ctx, keep);
}

void PromotionEngine::finishGatesStep()
{
    if (m_state.step(StepId::QualityGates).status != StepStatus::Running)
        return;
    evaluateGatesStep();
}

void PromotionEngine::evaluateGatesStep()
{
    QStringList problems;
    int passed = 0;
    bool cancelled = false;
    for (const GateResult &g : std::as_const(m_state.gates)) {
        if (g.id == QLatin1String("coverage") && g.measured)
            m_state.coverage = g.measured;
        if (g.succeeded()) {
            ++passed;
            continue;
        }
        if (g.status == GateStatus::Cancelled)
            cancelled = true;
        QString line = QStringLiteral("%1 (%2): %3").arg(g.title, g.id, gateStatusName(g.status));
        if (!g.measuredText.isEmpty())
            line += QStringLiteral(", measured %1").arg(g.measuredText);
        if (!g.thresholdText.isEmpty())
            line += QStringLiteral(", threshold %1").arg(g.thresholdText);
        if (!g.message.isEmpty() && g.status != GateStatus::Failed)
            line += QStringLiteral(" — %1").arg(g.message);
        problems.append(line);
    }
    if (cancelled) {
        m_state.step(StepId::QualityGates).status = StepStatus::Pending;
        m_busy = false;
        persist();
        Q_EMIT stepFinished(StepId::QualityGates, StepStatus::Pending);
        Q_EMIT stateChanged();
        if (m_runAll) {
            m_runAll = false;
            Q_EMIT runFinished(1);
        }
        return;
    }
    m_state.blockers = problems;
    if (problems.isEmpty()) {
        endStep(StepId::QualityGates, StepStatus::Passed,
                QStringLiteral("%1 of %2 gates passed").arg(passed).arg(m_state.gates.size()));
    } else {
        endStep(StepId::QualityGates, StepStatus::Failed, problems.join(QStringLiteral("; ")));
    }
}

void PromotionEngine::attestGate(const QString &gateId, const QString &identity,
                                 const QString &note)
{
    GateResult *g = m_state.gate(gateId);
    if (!g || identity.trimmed().isEmpty())
        return;
    g->status = GateStatus::Passed;
    g->attestation = Attestation{identity, now(), note};
    g->measuredText = QStringLiteral("attested by %1").arg(identity);
    g->finishedAt = now();
    persist();
    Q_EMIT gateFinished(gateId);
    if (m_state.step(StepId::QualityGates).status == StepStatus::Failed && !m_busy) {
        // Re-evaluate: the step may pass now.
        m_state.step(StepId::QualityGates).status = StepStatus::Running;
        evaluateGatesStep();
    }
    Q_EMIT stateChanged();
}

void PromotionEngine::skipQualityGates(const QString &reason, const QString &identity)
{
    if (reason.trimmed().isEmpty() || m_busy)
        return;
    m_request.skipQualityGates = true;
    m_request.skipReason = reason.trimmed();
    m_state.request = m_request;
    if (!identity.isEmpty())
        m_state.promoter = m_state.promoter.isEmpty() ? identity : m_state.promoter;
    runGates();
}

// ---------------------------------------------------------------- step 3

void PromotionEngine::runCriteria()
{
    const TransitionDefinition *t = transition();
    if (!t)
        return;
    startStep(StepId::Criteria);
    if (m_state.criteria.isEmpty()) {
        for (const CriterionDefinition &def : t->criteria) {
            CriterionState c;
            c.id = def.id;
            c.text = def.text;
            c.required = def.required;
            c.provenBy = def.provenBy;
            m_state.criteria.append(c);
        }
    }
    for (CriterionState &c : m_state.criteria) {
        if (!c.provenBy.isEmpty()) {
            QStringList evidence;
            bool proven = !m_request.skipQualityGates;
            for (const QString &gateId : std::as_const(c.provenBy)) {
                const GateResult *g = m_state.gate(gateId);
                if (!g || !g->succeeded()) {
                    proven = false;
                    break;
                }
                QString line = QStringLiteral("%1: %2").arg(
                    g->title,
                    g->measuredText.isEmpty() ? gateStatusName(g->status) : g->measuredText);
                if (!g->thresholdText.isEmpty())
                    line += QStringLiteral(" (threshold %1)").arg(g->thresholdText);
                evidence.append(line);
            }
            if (proven) {
                c.checked = true;
                c.automatic = true;
                c.evidence = evidence.join(QStringLiteral("; "));
                c.identity = QStringLiteral("promotion-console");
                c.when = now();
                continue;
            }
        }
        if (!c.checked &&
            (m_request.acceptAllCriteria || m_request.acceptedCriteria.contains(c.id))) {
            c.checked = true;
            c.automatic = false;
            c.identity = m_state.promoter;
            c.when = now();
            c.evidence = m_request.acceptAllCriteria
                             ? QStringLiteral("accepted with --accept-criteria all")
                             : QStringLiteral("accepted from the criteria file");
        }
    }
    evaluateCriteria();
}

void PromotionEngine::evaluateCriteria()
{
    QStringList missing;
    for (const CriterionState &c : std::as_const(m_state.criteria)) {
        if (c.required && !c.checked)
            missing.append(c.text);
    }
    if (missing.isEmpty()) {
        endStep(StepId::Criteria, StepStatus::Passed,
                QStringLiteral("all %1 criteria met").arg(m_state.criteria.size()));
    } else {
        m_state.blockers = QStringList{QStringLiteral("criteria not yet confirmed: ") +
                                       missing.join(QStringLiteral(", "))};
        endStep(StepId::Criteria, StepStatus::Failed,
                QStringLiteral("%1 criteria need a person: %2")
                    .arg(missing.size())
                    .arg(missing.join(QStringLiteral(", "))));
    }
}

void PromotionEngine::setCriterionChecked(const QString &id, bool checked, const QString &identity)
{
    for (CriterionState &c : m_state.criteria) {
        if (c.id != id || c.automatic)
            continue;
        c.checked = checked;
        c.identity = checked ? identity : QString();
        c.when = checked ? now() : QDateTime();
        c.evidence = checked ? QStringLiteral("confirmed by %1").arg(identity) : QString();
        m_state.step(StepId::Criteria).startedAt =
            m_state.step(StepId::Criteria).startedAt.isValid()
                ? m_state.step(StepId::Criteria).startedAt
                : now();
        evaluateCriteria();
        return;
    }
}

// ---------------------------------------------------------------- step 4

void PromotionEngine::runTracking()
{
    const TransitionDefinition *t = transition();
    if (!t)
        return;
    startStep(StepId::Tracking);
    if (m_state.approvals.isEmpty()) {
        for (const QString &role : t->approvals) {
            ApprovalState a;
            a.role = role;
            a.title = m_policy.roles.value(role).title;
            m_state.approvals.append(a);
        }
    }
    for (ApprovalState &a : m_state.approvals) {
        const QString who = m_request.approvals.value(a.role);
        if (!who.isEmpty() && !a.approved) {
            a.approved = true;
            a.identity = who;
            a.when = now();
        }
    }
    evaluateTracking();
}

void PromotionEngine::evaluateTracking()
{
    // Render the seed's issue template from the real results.
    IssueData data;
    data.component = m_request.component;
    data.currentStage = m_state.currentStage;
    data.targetStage = m_request.to;
    data.date = m_state.startedAt.toUTC().date().toString(Qt::ISODate);
    data.coverage = m_state.coverage;
    data.dryRun = m_request.dryRun;
    data.runId = m_state.runId;
    for (const GateResult &g : std::as_const(m_state.gates)) {
        QString detail = g.measuredText;
        if (!g.thresholdText.isEmpty())
            detail += QStringLiteral(" (threshold %1)").arg(g.thresholdText);
        if (g.status == GateStatus::Skipped)
            detail = QStringLiteral("SKIPPED: ") + m_request.skipReason;
        IssueGateLine line;
        line.title = g.title;
        line.passed = g.succeeded();
        line.measured = g.measuredText;
        line.threshold = g.thresholdText;
        if (g.status == GateStatus::Skipped)
            line.note = QStringLiteral("skipped: ") + m_request.skipReason;
        else if (g.status == GateStatus::Error || g.status == GateStatus::NeedsAttestation)
            line.note = g.message;
        else if (g.attestation)
            line.note = QStringLiteral("attested by %1").arg(g.attestation->identity);
        Q_UNUSED(detail);
        data.gates.append(line);
    }
    for (const CriterionState &c : std::as_const(m_state.criteria))
        data.criteria.append(IssueCriterionLine{
            c.text, c.checked,
            c.checked ? (c.automatic
                             ? QStringLiteral("proven by: ") + c.provenBy.join(QStringLiteral(", "))
                             : QStringLiteral("confirmed by %1").arg(c.identity))
                      : QStringLiteral("pending")});
    QStringList blockers;
    for (const GateResult &g : std::as_const(m_state.gates)) {
        if (!g.succeeded() && g.status != GateStatus::Skipped)
            blockers.append(QStringLiteral("%1: %2").arg(g.title, gateStatusName(g.status)));
    }
    if (m_request.skipQualityGates)
        blockers.append(QStringLiteral("Quality gates were skipped: %1").arg(m_request.skipReason));
    data.blockers = blockers;
    for (const ApprovalState &a : std::as_const(m_state.approvals))
        data.approvals.append(IssueApprovalLine{a.title, a.approved, a.identity, a.when});
    const auto plan =
        ArgvTemplate::expand(m_policy.tracking.rollbackPlan, variables(), environment());
    data.rollbackPlan = plan.ok() ? plan.value : m_policy.tracking.rollbackPlan;
    QString renderError;
    m_state.issueTitle = IssueTemplateRenderer::title(data);
    m_state.issueBody = IssueTemplateRenderer::render(data, &renderError);
    m_state.labels.clear();
    for (const QString &label : std::as_const(m_policy.tracking.labels)) {
        const auto expanded = ArgvTemplate::expand(label, variables(), environment());
        m_state.labels.append(expanded.ok() ? expanded.value : label);
    }
    // The issue body lives in the run directory (inside .promotion/runs, so also in dry run).
    QFile issueFile(runDir() + QStringLiteral("/promotion_issue.md"));
    if (issueFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        issueFile.write(m_state.issueBody.toUtf8());

    ApprovalRequest req;
    req.promoter = m_state.promoter;
    req.allowSelfApproval = m_policy.allowSelfApproval;
    for (const ApprovalState &a : std::as_const(m_state.approvals)) {
        req.requiredRoles.append(a.role);
        if (a.approved)
            req.approvals.append(RecordedApproval{a.role, a.identity, a.when});
    }
    const ApprovalOutcome outcome = ApprovalRules::evaluate(req);
    QStringList problems;
    for (const QString &role : outcome.missingRoles)
        problems.append(QStringLiteral("%1 missing").arg(m_policy.roles.value(role).title));
    for (const ApprovalViolation &v : outcome.violations)
        problems.append(v.reason);
    if (problems.isEmpty()) {
        endStep(StepId::Tracking, StepStatus::Passed,
                QStringLiteral("issue rendered (%1), %2 approval(s) recorded")
                    .arg(QStringLiteral("promotion_issue.md"))
                    .arg(m_state.approvals.size()));
    } else {
        m_state.blockers = problems;
        endStep(StepId::Tracking, StepStatus::Failed, problems.join(QStringLiteral("; ")));
    }
}

bool PromotionEngine::approve(const QString &role, const QString &identity, QString *error)
{
    for (ApprovalState &a : m_state.approvals) {
        if (a.role != role)
            continue;
        // Check the rule before recording, so a refused approval leaves no trace.
        ApprovalRequest req;
        req.promoter = m_state.promoter;
        req.allowSelfApproval = m_policy.allowSelfApproval;
        for (const ApprovalState &other : std::as_const(m_state.approvals)) {
            req.requiredRoles.append(other.role);
            if (other.approved && other.role != role)
                req.approvals.append(RecordedApproval{other.role, other.identity, other.when});
        }
        req.approvals.append(RecordedApproval{role, identity, now()});
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
        a.when = now();
        evaluateTracking();
        return true;
    }
    if (error)
        *error = QStringLiteral("this promotion needs no %1 approval").arg(role);
    return false;
}

void PromotionEngine::revokeApproval(const QString &role)
{
    for (ApprovalState &a : m_state.approvals) {
        if (a.role == role) {
            a.approved = false;
            a.identity.clear();
            a.when = {};
        }
    }
    evaluateTracking();
}

// ---------------------------------------------------------------- steps 5 and 6: commands

void PromotionEngine::runCommandQueue(const QList<std::pair<QString, ProcessSpec>> &queue,
                                      std::function<void(bool)> done)
{
    m_queue = queue;
    m_queueDone = std::move(done);
    executeNextCommand();
}

void PromotionEngine::finishQueue(bool ok)
{
    m_queue.clear();
    // The callback may start the next queue, so take it out first.
    auto done = std::move(m_queueDone);
    m_queueDone = nullptr;
    if (done)
        done(ok);
}

void PromotionEngine::executeNextCommand()
{
    if (m_cancelled || m_queue.isEmpty()) {
        finishQueue(!m_cancelled);
        return;
    }
    const auto [description, spec] = m_queue.takeFirst();
    m_queueSource = description;
    m_effects->runCommand(description.section(QLatin1Char(':'), 0, 0), description, spec);
}

MetadataInput PromotionEngine::metadataInput() const
{
    MetadataInput input;
    input.workspaceRoot = m_workspace->root();
    input.component = m_request.component;
    input.targetStage = m_request.to;
    input.coverage = m_state.coverage;
    input.date = QDate::currentDate();
    input.versionBump =
        SemanticVersion::parseBump(m_policy.metadata.versionBump).value_or(VersionBump::None);
    input.updateReadme = m_policy.metadata.updateReadme;
    return input;
}

QString PromotionEngine::previewMetadataDiff(QString *error) const
{
    if (!m_workspace)
        return {};
    QString planError;
    const QList<FileChange> changes = MetadataUpdater::plan(metadataInput(), &planError);
    if (error)
        *error = planError;
    return MetadataUpdater::diff(changes);
}

void PromotionEngine::runExecute()
{
    startStep(StepId::Execute);
    const QString c = m_request.component;

    // 1. Metadata and documentation, as a diff first.
    QString error;
    const QList<FileChange> changes = MetadataUpdater::plan(metadataInput(), &error);
    if (!error.isEmpty()) {
        setOutcome(QStringLiteral("failed"), 3);
        endStep(StepId::Execute, StepStatus::Failed,
                QStringLiteral("cannot update metadata: ") + error);
        return;
    }
    for (const FileChange &change : changes)
        m_originalFiles.insert(change.relativePath, change.created ? QByteArray() : change.before);
    m_state.metadataDiff = MetadataUpdater::diff(changes);
    for (const FileChange &change : changes) {
        const QString v = change.relativePath.endsWith(QLatin1String("__init__.py"))
                              ? MetadataUpdater::versionOf(change.after)
                              : QString();
        if (!v.isEmpty())
            m_state.deployedVersion = v;
        const EffectRecord record = m_effects->writeFile(
            QDir(m_workspace->root()).absoluteFilePath(change.relativePath), change.after,
            QStringLiteral("update %1").arg(change.relativePath));
        addEffect(record);
        if (!record.ok) {
            setOutcome(QStringLiteral("failed"), 3);
            endStep(StepId::Execute, StepStatus::Failed, record.result);
            return;
        }
    }
    if (m_state.deployedVersion.isEmpty())
        m_state.deployedVersion = m_state.version;
    persist();

    // 2. Baseline before the deploy, then the deploy commands.
    auto deploy = [this] {
        QList<std::pair<QString, ProcessSpec>> queue;
        QString err;
        const DeployPolicy &d = m_policy.deploy;
        if (!d.apply.isEmpty())
            queue.append({QStringLiteral("deploy: apply"),
                          commandSpec(d.apply, QStringLiteral("deploy.apply"), d.timeoutSeconds,
                                      false, &err)});
        if (!d.rolloutStatus.isEmpty())
            queue.append({QStringLiteral("deploy: rollout status"),
                          commandSpec(d.rolloutStatus, QStringLiteral("deploy.rollout_status"),
                                      d.timeoutSeconds, false, &err)});
        if (!err.isEmpty()) {
            setOutcome(QStringLiteral("failed"), 2);
            endStep(StepId::Execute, StepStatus::Failed, err);
            return;
        }
        runCommandQueue(queue, [this](bool ok) {
            if (!ok) {
                m_state.deploymentSuccess = false;
                performRollback(QStringLiteral("deployment failed"), [this] {
                    setOutcome(m_cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"),
                               3);
                    endStep(StepId::Execute, StepStatus::Failed,
                            QStringLiteral("deployment failed; rolled back"));
                });
                return;
            }
            m_state.deploymentSuccess = true;
            // 3. AI context note, when the policy has one.
            QList<std::pair<QString, ProcessSpec>> note;
            QString err2;
            if (!m_policy.deploy.aiContext.isEmpty())
                note.append({QStringLiteral("ai_context: record promotion"),
                             commandSpec(m_policy.deploy.aiContext,
                                         QStringLiteral("deploy.ai_context"), 120, false, &err2)});
            runCommandQueue(note, [this](bool noteOk) {
                if (!noteOk)
                    Q_EMIT message(
                        QStringLiteral("warning: the AI context note could not be recorded"));
                endStep(StepId::Execute, StepStatus::Passed,
                        m_request.dryRun
                            ? QStringLiteral("dry run: %1 effect(s) recorded as \"would do\"")
                                  .arg(m_state.effects.size())
                            : QStringLiteral("deployed %1 to %2")
                                  .arg(m_request.component, m_request.to));
            });
        });
    };

    const ValidationPolicy &v = m_policy.validation;
    if (m_request.dryRun || v.metricsUrl.isEmpty()) {
        deploy();
        return;
    }
    m_health->setConfig(healthConfig());
    QObject *context = new QObject(this);
    connect(m_health, &HealthMonitor::baselineCaptured, context,
            [this, context, deploy](const HealthBaseline &b) {
                context->deleteLater();
                m_baseline = b;
                m_state.validation.baselineAvailable = b.available;
                m_state.validation.baselineErrorRatePercent = b.errorRatePercent.value_or(0);
                m_state.validation.baselineP95Ms = b.p95Ms.value_or(0);
                m_state.validation.baselineNote = b.available
                                                      ? QStringLiteral("measured before the deploy")
                                                      : b.unavailableReason;
                persist();
                deploy();
            });
    m_health->captureBaseline();
}

void PromotionEngine::performRollback(const QString &reason, std::function<void()> done)
{
    m_state.validation.rollbackReason = reason;
    QList<std::pair<QString, ProcessSpec>> queue;
    QString err;
    if (!m_policy.deploy.rollback.isEmpty())
        queue.append({QStringLiteral("rollback: ") + reason,
                      commandSpec(m_policy.deploy.rollback, QStringLiteral("deploy.rollback"),
                                  m_policy.deploy.timeoutSeconds, false, &err)});
    const bool wasCancelled = m_cancelled;
    m_cancelled = false; // a rollback must run even after a cancel
    runCommandQueue(queue, [this, done, wasCancelled](bool ok) {
        m_cancelled = wasCancelled;
        // Restore the metadata so the workspace says what is deployed.
        for (auto it = m_originalFiles.cbegin(); it != m_originalFiles.cend(); ++it) {
            const QString path = QDir(m_workspace->root()).absoluteFilePath(it.key());
            if (it.value().isEmpty() && !m_effects->isDryRun()) {
                QFile::remove(path);
                continue;
            }
            addEffect(
                m_effects->writeFile(path, it.value(), QStringLiteral("restore %1").arg(it.key())));
        }
        m_state.validation.rolledBack = ok;
        persist();
        done();
    });
}

void PromotionEngine::rollbackNow(const QString &reason)
{
    if (m_rollingBack || !m_workspace)
        return;
    m_rollingBack = true;
    if (m_busy)
        cancel();
    m_busy = true;
    m_state.validation.triggerKind = QStringLiteral("manual");
    m_state.validation.triggerMessage = reason;
    m_state.overrides.append(
        OverrideRecord{QStringLiteral("rollback"), reason, m_state.promoter, now()});
    performRollback(reason, [this, reason] {
        m_rollingBack = false;
        m_busy = false;
        setOutcome(QStringLiteral("rolled_back"), 3);
        StepState &step = m_state.step(StepId::PostValidation);
        step.status = StepStatus::Failed;
        step.finishedAt = now();
        step.summary = QStringLiteral("rolled back by hand: %1").arg(reason);
        persist();
        Q_EMIT stepFinished(StepId::PostValidation, StepStatus::Failed);
        Q_EMIT stateChanged();
    });
}

// ---------------------------------------------------------------- step 6

void PromotionEngine::runPostValidation()
{
    startStep(StepId::PostValidation);
    const ValidationPolicy &v = m_policy.validation;
    auto addCheck = [this](const QString &id, const QString &text, bool passed,
                           const QString &detail) {
        for (CheckItem &c : m_state.validation.checks) {
            if (c.id == id) {
                c = CheckItem{id, text, passed, detail};
                return;
            }
        }
        m_state.validation.checks.append(CheckItem{id, text, passed, detail});
    };

    if (m_request.dryRun) {
        QString err;
        if (!v.smoke.isEmpty()) {
            const ProcessSpec spec =
                commandSpec(v.smoke, QStringLiteral("validation.smoke"), 600, v.smokePython, &err);
            EffectRecord r;
            r.kind = QStringLiteral("check");
            r.description = QStringLiteral("smoke tests");
            r.argv = spec.argv;
            r.result = QStringLiteral("would run after the deploy");
            r.when = now();
            addEffect(r);
        }
        EffectRecord w;
        w.kind = QStringLiteral("check");
        w.description =
            QStringLiteral("health checks and a %1 s verification window").arg(v.windowSeconds);
        w.argv = {v.healthUrl, v.statusUrl, v.metricsUrl};
        w.result = QStringLiteral("would poll every %1 s").arg(v.intervalSeconds);
        w.when = now();
        addEffect(w);
        endStep(StepId::PostValidation, StepStatus::Passed,
                QStringLiteral("dry run: validation would run after the deploy"));
        return;
    }

    auto fail = [this](const QString &kind, const QString &reason) {
        m_state.validation.triggerKind =
            m_state.validation.triggerKind.isEmpty() ? kind : m_state.validation.triggerKind;
        m_state.validation.triggerMessage = m_state.validation.triggerMessage.isEmpty()
                                                ? reason
                                                : m_state.validation.triggerMessage;
        performRollback(reason, [this, reason] {
            setOutcome(QStringLiteral("rolled_back"), 3);
            endStep(StepId::PostValidation, StepStatus::Failed,
                    QStringLiteral("%1; rolled back").arg(reason));
        });
    };

    // Window, after the endpoint checks.
    auto window = [this, fail, addCheck] {
        if (m_policy.validation.metricsUrl.isEmpty() && m_policy.validation.healthUrl.isEmpty()) {
            endStep(StepId::PostValidation, StepStatus::Passed,
                    QStringLiteral("no endpoints configured"));
            return;
        }
        QObject *context = new QObject(this);
        connect(m_health, &HealthMonitor::sampleTaken, context, [this](const HealthSample &s) {
            HealthSampleRecord r;
            r.elapsedMs = s.elapsedMs;
            r.healthy = s.healthy;
            r.httpStatus = s.httpStatus;
            r.errorRatePercent = s.errorRatePercent.value_or(0);
            r.p95Ms = s.p95Ms.value_or(0);
            r.requests = s.requests;
            r.note = s.healthy ? s.metricsError : s.healthError;
            m_state.validation.samples.append(r);
            persist();
            Q_EMIT healthSample(r);
            Q_EMIT stateChanged();
        });
        connect(
            m_health, &HealthMonitor::windowFinished, context,
            [this, context, fail, addCheck](const WindowResult &w) {
                context->deleteLater();
                if (w.cancelled) {
                    if (m_rollingBack)
                        return; // rollbackNow() owns the run now
                    m_state.step(StepId::PostValidation).status = StepStatus::Pending;
                    m_busy = false;
                    persist();
                    Q_EMIT stepFinished(StepId::PostValidation, StepStatus::Pending);
                    if (m_runAll) {
                        m_runAll = false;
                        Q_EMIT runFinished(3);
                    }
                    return;
                }
                if (w.baseline.source == HealthBaseline::Source::FirstWindowSample) {
                    m_state.validation.baselineP95Ms = w.baseline.p95Ms.value_or(0);
                    m_state.validation.baselineNote =
                        QStringLiteral(
                            "no baseline before the deploy (%1); the first window sample stands in")
                            .arg(m_state.validation.baselineNote);
                }
                if (w.trigger) {
                    m_state.validation.triggerKind = RollbackTrigger::kindName(w.trigger->kind);
                    m_state.validation.triggerMeasured = w.trigger->measured;
                    m_state.validation.triggerThreshold = w.trigger->threshold;
                    m_state.validation.triggerMessage = w.trigger->message;
                    addCheck(QStringLiteral("window"),
                             QStringLiteral("Metrics within normal range"), false,
                             w.trigger->message);
                    fail(RollbackTrigger::kindName(w.trigger->kind),
                         QStringLiteral("rollback trigger fired: ") + w.trigger->message);
                    return;
                }
                if (!w.passed) {
                    addCheck(QStringLiteral("window"),
                             QStringLiteral("Metrics within normal range"), false, w.error);
                    fail(QStringLiteral("monitoring"),
                         QStringLiteral("verification window failed: ") + w.error);
                    return;
                }
                addCheck(QStringLiteral("window"), QStringLiteral("Metrics within normal range"),
                         true,
                         QStringLiteral("%1 samples, no trigger fired").arg(w.samples.size()));
                endStep(StepId::PostValidation, StepStatus::Passed,
                        QStringLiteral("smoke tests, health checks and %1 s window passed")
                            .arg(m_policy.validation.windowSeconds));
            });
        if (m_baseline.available)
            m_health->startWindow(m_baseline);
        else
            m_health->startWindow();
    };

    auto endpoints = [this, fail, addCheck, window] {
        m_health->setConfig(healthConfig());
        if (m_policy.validation.healthUrl.isEmpty()) {
            window();
            return;
        }
        QObject *context = new QObject(this);
        connect(m_health, &HealthMonitor::endpointsChecked, context,
                [this, context, fail, addCheck, window](const EndpointCheck &e) {
                    context->deleteLater();
                    auto describe = [](const EndpointProbe &p) {
                        return p.ok ? QStringLiteral("GET %1 → %2 in %3 ms")
                                          .arg(p.url.toString())
                                          .arg(p.httpStatus)
                                          .arg(p.latencyMs)
                                    : p.error;
                    };
                    addCheck(QStringLiteral("health"), QStringLiteral("Health checks pass"),
                             e.health.ok, describe(e.health));
                    if (e.status.checked) {
                        QString detail = describe(e.status);
                        if (e.status.ok && !e.expectedStage.isEmpty())
                            detail += QStringLiteral("; reports stage '%1'").arg(e.reportedStage);
                        addCheck(QStringLiteral("status"),
                                 QStringLiteral("Component status reports the new stage"),
                                 e.status.ok && e.stageMatches, detail);
                    }
                    persist();
                    Q_EMIT stateChanged();
                    if (!e.passed) {
                        fail(QStringLiteral("health_check"),
                             QStringLiteral("health check failed: ") +
                                 e.problems.join(QStringLiteral("; ")));
                        return;
                    }
                    window();
                });
        m_health->checkEndpoints(m_request.to);
    };

    if (v.smoke.isEmpty()) {
        endpoints();
        return;
    }
    QString err;
    ProcessSpec spec =
        commandSpec(v.smoke, QStringLiteral("validation.smoke"), 600, v.smokePython, &err);
    if (!err.isEmpty()) {
        fail(QStringLiteral("smoke_tests"), err);
        return;
    }
    runCommandQueue({{QStringLiteral("smoke: tests"), spec}},
                    [this, fail, addCheck, endpoints](bool ok) {
                        const EffectRecord &last = m_state.effects.last();
                        addCheck(QStringLiteral("smoke_tests"), QStringLiteral("Smoke tests pass"),
                                 ok, last.result);
                        persist();
                        if (!ok) {
                            fail(QStringLiteral("smoke_tests"),
                                 QStringLiteral("smoke tests failed (%1)").arg(last.result));
                            return;
                        }
                        endpoints();
                    });
}

// ---------------------------------------------------------------- report

QString PromotionEngine::finish(QString *error)
{
    if (!m_workspace)
        return {};
    if (!m_state.finishedAt.isValid())
        m_state.finishedAt = now();
    if (m_state.outcome == QLatin1String("running")) {
        const int next = m_state.nextStepIndex();
        if (next >= kStepCount)
            setOutcome(m_request.dryRun ? QStringLiteral("dry_run_passed")
                                        : QStringLiteral("promoted"),
                       0);
        else
            setOutcome(QStringLiteral("blocked"), 1);
    }
    persist();
    const QJsonObject report = PromotionReport::build(m_state);
    // A dry run writes nothing outside .promotion/runs.
    const QString dir = m_request.dryRun ? runDir() : m_workspace->reportsDir();
    const QString name = m_request.dryRun ? QStringLiteral("report.json")
                                          : PromotionReport::uniqueFileName(dir, m_state);
    m_reportPath = dir + QLatin1Char('/') + name;
    if (!PromotionReport::write(m_reportPath, report, error)) {
        m_reportPath.clear();
        return {};
    }
    if (!m_request.reportPath.isEmpty()) {
        QString extraError;
        if (!PromotionReport::write(QFileInfo(m_request.reportPath).absoluteFilePath(), report,
                                    &extraError))
            Q_EMIT message(QStringLiteral("warning: %1").arg(extraError));
    }
    m_lock.release();
    Q_EMIT stateChanged();
    return m_reportPath;
}

} // namespace Promotion
