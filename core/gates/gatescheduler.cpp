// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatescheduler.h"

#include "gates/gatedurationhistory.h"
#include "gates/gateevaluator.h"
#include "health/datasourcereader.h"
#include "policy/policypaths.h"
#include "process/argvtemplate.h"
#include "process/processrunner.h"
#include "process/toollocator.h"
#include "process/toolversioncache.h"
#include "process/toolversionprobe.h"
#include "secrets/outputredactor.h"

#include <algorithm>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

namespace Promotion {

namespace {
QString kindName(GateDefinition::Kind kind)
{
    switch (kind) {
    case GateDefinition::Kind::Command:
        return QStringLiteral("command");
    case GateDefinition::Kind::Derived:
        return QStringLiteral("derived");
    case GateDefinition::Kind::FilesExist:
        return QStringLiteral("files_exist");
    case GateDefinition::Kind::Metric:
        return QStringLiteral("metric");
    case GateDefinition::Kind::Attestation:
        return QStringLiteral("attestation");
    }
    return {};
}

QRegularExpression globToRegex(const QString &glob)
{
    QString re;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*')) {
                const bool slash = i + 2 < glob.size() && glob.at(i + 2) == QLatin1Char('/');
                re += slash ? QStringLiteral("(?:.*/)?") : QStringLiteral(".*");
                i += slash ? 2 : 1;
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re));
}
} // namespace

GateScheduler::GateScheduler(QObject *parent)
    : QObject(parent)
    , m_versions(new ToolVersionProbe(this))
{
    connect(m_versions, &ToolVersionProbe::probed, this,
            [this](const QString &program, const QString &version, const QString &) {
                const VersionProbe probe = m_probing.take(program);
                ToolVersionCache::store(probe.resolved, probe.arguments, version);
                m_toolVersions.insert(program, version);
                for (auto it = m_done.begin(); it != m_done.end(); ++it) {
                    if (it->tool == program && it->toolVersion.isEmpty())
                        it->toolVersion = version;
                }
                if (!version.isEmpty())
                    Q_EMIT toolVersionKnown(program, version);
                if (m_cancelled)
                    finishIfCancelled();
                else if (m_running)
                    schedule();
            });
}

GateScheduler::~GateScheduler()
{
    qDeleteAll(m_logs);
}

int GateScheduler::parallelLimit() const
{
    const int cores = qMax(1, QThread::idealThreadCount());
    return m_context.maxParallel > 0 ? m_context.maxParallel : cores;
}

void GateScheduler::applyPythonRunner(QStringList &argv, QProcessEnvironment &env,
                                      const GateContext &context)
{
    const bool hasLock = QFileInfo::exists(context.workspace + QStringLiteral("/uv.lock"));
    const QString uv = ToolLocator::locate(QStringLiteral("uv"), env, context.workspace, {}).path;
    const bool useUv = context.pythonRunner == QLatin1String("uv") ||
                       (context.pythonRunner == QLatin1String("auto") && hasLock && !uv.isEmpty());
    if (useUv) {
        argv = QStringList{QStringLiteral("uv"), QStringLiteral("run")} + argv;
        return;
    }
    // Plain: the pytest found on PATH, with src/ importable.
    const QString src = context.workspace + QStringLiteral("/src");
    const QString existing = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               existing.isEmpty() ? src : src + QLatin1Char(':') + existing);
    // Never bytecode beside the workspace's sources.
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
}

QStringList GateScheduler::matchGlob(const QString &workspace, const QString &pattern)
{
    QStringList matches;
    const QRegularExpression re = globToRegex(pattern);
    // Walk only below the pattern's literal prefix directory.
    const qsizetype wild = pattern.indexOf(QRegularExpression(QStringLiteral("[*?]")));
    const QString prefix = wild < 0 ? pattern : pattern.left(wild);
    const QString baseRel = prefix.contains(QLatin1Char('/'))
                                ? prefix.left(prefix.lastIndexOf(QLatin1Char('/')))
                                : QString();
    const QString base = baseRel.isEmpty() ? workspace : workspace + QLatin1Char('/') + baseRel;
    if (wild < 0) {
        if (QFileInfo::exists(workspace + QLatin1Char('/') + pattern))
            matches.append(pattern);
        return matches;
    }
    QDirIterator it(base, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(workspace).relativeFilePath(path);
        if (re.match(rel).hasMatch())
            matches.append(rel);
    }
    matches.sort();
    return matches;
}

GateResult GateScheduler::baseResult(const GateDefinition &gate) const
{
    GateResult r;
    r.id = gate.id;
    r.title = gate.title;
    r.kind = kindName(gate.kind);
    r.format = gate.format;
    r.tool = gate.command.value(0);
    r.startedAt = QDateTime::currentDateTimeUtc();
    return r;
}

void GateScheduler::start(const QList<GateDefinition> &gates, const GateContext &context,
                          const QList<GateResult> &keep)
{
    m_context = context;
    m_redactor = OutputRedactor::forEnvironment(context.environment);
    m_pending.clear();
    m_definitions.clear();
    m_done.clear();
    m_cancelled = false;
    m_running = true;
    m_probeQueue.clear();
    QDir().mkpath(context.artifactsDir);
    for (const GateResult &kept : keep)
        m_done.insert(kept.id, kept);
    for (const GateDefinition &gate : gates) {
        m_definitions.insert(gate.id, gate);
        if (!m_done.contains(gate.id))
            m_pending.append(gate);
    }
    // Longest first: with more gates than cores, the slowest one must not start last.
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const GateDefinition &a, const GateDefinition &b) {
                         return GateDurationHistory::expectedMs(a.id, a.command.value(0)) >
                                GateDurationHistory::expectedMs(b.id, b.command.value(0));
                     });
    // Derived gates whose source is not part of this run cannot be measured.
    schedule();
}

bool GateScheduler::ready(const GateDefinition &gate) const
{
    if (gate.kind != GateDefinition::Kind::Derived)
        return true;
    return m_done.contains(gate.after) || !m_definitions.contains(gate.after);
}

void GateScheduler::schedule()
{
    if (m_cancelled)
        return;
    for (qsizetype i = 0; i < m_pending.size();) {
        const GateDefinition gate = m_pending.at(i);
        const bool needsSlot = gate.kind == GateDefinition::Kind::Command;
        if (!ready(gate) || (needsSlot && m_active >= parallelLimit())) {
            ++i;
            continue;
        }
        m_pending.removeAt(i);
        startGate(gate);
        if (m_cancelled)
            return;
        i = 0; // the list may have changed through synchronous completions
    }
    // Version questions take a slot only when no gate is waiting for one: never more
    // processes than cores, and the gates first.
    bool gateWaiting = false;
    for (const GateDefinition &gate : std::as_const(m_pending))
        gateWaiting = gateWaiting || ready(gate);
    while (!gateWaiting && !m_probeQueue.isEmpty() &&
           m_active + int(m_probing.size()) < parallelLimit()) {
        const VersionProbe probe = m_probeQueue.takeFirst();
        m_probing.insert(probe.program, probe);
        m_versions->probe(probe.program, probe.environment, probe.workingDirectory, probe.arguments,
                          probe.policyKey);
    }
    if (m_pending.isEmpty() && m_active == 0 && m_inFlight.isEmpty() && m_probing.isEmpty() &&
        m_probeQueue.isEmpty() && m_running) {
        m_running = false;
        Q_EMIT finished(false);
    }
}

void GateScheduler::startGate(const GateDefinition &gate)
{
    Q_EMIT gateStarted(gate.id);
    switch (gate.kind) {
    case GateDefinition::Kind::Command:
        startCommand(gate);
        break;
    case GateDefinition::Kind::Derived:
        evaluateDerived(gate);
        break;
    case GateDefinition::Kind::FilesExist:
        evaluateFiles(gate);
        break;
    case GateDefinition::Kind::Metric:
    case GateDefinition::Kind::Attestation:
        startMetric(gate);
        break;
    }
}

void GateScheduler::startCommand(const GateDefinition &gate)
{
    GateResult result = baseResult(gate);
    const ArgvTemplate::ExpandedList argv =
        ArgvTemplate::expandAll(gate.command, m_context.variables, m_context.environment);
    if (!argv.ok()) {
        result.status = GateStatus::Error;
        result.message = QStringLiteral("%1: %2").arg(gate.policyKey, argv.error);
        complete(result);
        return;
    }
    QString outside;
    if (!gate.resultFile.isEmpty() &&
        !confinedPath(gate.resultFile, QStringLiteral("gates.%1.result_file").arg(gate.id),
                      &outside)) {
        // Its result file would be deleted before the run and read after it: run nothing.
        result.status = GateStatus::Error;
        result.message = outside;
        complete(result);
        return;
    }
    ProcessSpec spec;
    spec.argv = argv.values;
    spec.environment = m_context.environment;
    spec.workingDirectory = m_context.workspace;
    spec.timeoutMs = gate.timeoutSeconds * 1000;
    spec.policyKey = gate.policyKey;
    spec.killDetachedOnExit = true; // a server a test started must not outlive its gate
    if (gate.python)
        applyPythonRunner(spec.argv, spec.environment, m_context);
    // The tool gets the real argv; the result (journal, report) and the pane a redacted one.
    result.argv = m_redactor.redact(spec.argv);
    result.tool = result.argv.value(0);
    result.logFile = gate.id + QStringLiteral(".log");

    // A stale result file from an earlier attempt must not be mistaken for this run's.
    if (!gate.resultFile.isEmpty()) {
        const auto file =
            ArgvTemplate::expand(gate.resultFile, m_context.variables, m_context.environment);
        if (file.ok() &&
            PolicyPaths::isConfined(file.value, m_context.workspace, m_context.artifactsDir))
            QFile::remove(QDir(m_context.workspace).absoluteFilePath(file.value));
    }

    auto *log = new GateLog(m_redactor);
    log->file.setFileName(m_context.artifactsDir + QLatin1Char('/') + result.logFile);
    log->file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    delete m_logs.take(gate.id);
    m_logs.insert(gate.id, log);

    auto *runner = new ProcessRunner(this);
    m_runners.insert(gate.id, runner);
    m_inFlight.insert(gate.id, result);
    ++m_active;
    const QString id = gate.id;
    connect(runner, &ProcessRunner::outputChunk, this,
            [this, id](const QByteArray &chunk, OutputChannel channel) {
                GateLog *log = m_logs.value(id);
                if (!log)
                    return;
                // Secrets never reach the log file or the live pane.
                const QByteArray clean = log->redactor(channel).feed(chunk);
                if (clean.isEmpty())
                    return;
                log->file.write(clean);
                Q_EMIT gateOutput(id, clean, channel);
            });
    connect(runner, &ProcessRunner::finished, this,
            [this, id](const ProcessResult &processResult) { finishCommand(id, processResult); });

    const QString program = spec.argv.value(0);
    if (!m_toolVersions.contains(program)) {
        // Asked once per program; from the cache when the installed file is unchanged.
        const QStringList arguments{gate.versionCommand.isEmpty() ? QStringLiteral("--version")
                                                                  : gate.versionCommand};
        const QString resolved =
            ToolLocator::locate(program, spec.environment, spec.workingDirectory, gate.policyKey)
                .path;
        const std::optional<QString> cached = ToolVersionCache::lookup(resolved, arguments);
        m_toolVersions.insert(program, cached.value_or(QString()));
        if (!cached)
            m_probeQueue.append(VersionProbe{program, resolved, arguments, spec.environment,
                                             spec.workingDirectory, gate.policyKey});
    }
    const QByteArray header = "$ " + result.argv.join(QLatin1Char(' ')).toUtf8() + '\n';
    Q_EMIT gateOutput(id, header, OutputChannel::StandardOutput);
    runner->start(spec);
}

void GateScheduler::finishCommand(const QString &id, const ProcessResult &processResult)
{
    ProcessRunner *runner = m_runners.take(id);
    if (runner)
        runner->deleteLater();
    --m_active;
    if (GateLog *log = m_logs.take(id)) {
        for (OutputChannel channel :
             {OutputChannel::StandardOutput, OutputChannel::StandardError}) {
            const QByteArray rest = log->redactor(channel).flush();
            if (!rest.isEmpty()) {
                log->file.write(rest);
                Q_EMIT gateOutput(id, rest, channel);
            }
        }
        delete log;
    }
    GateResult result = m_inFlight.take(id);
    const GateDefinition gate = m_definitions.value(id);
    result.durationMs = processResult.durationMs;
    if (!processResult.cancelled)
        GateDurationHistory::record(id, m_definitions.value(id).command.value(0),
                                    processResult.durationMs);
    result.exitCode = processResult.exitCode;
    result.outputSha256 = QString::fromLatin1(processResult.sha256);
    result.toolVersion = m_toolVersions.value(result.tool);

    if (processResult.cancelled) {
        result.status = GateStatus::Cancelled;
        result.message = QStringLiteral("cancelled");
        complete(result);
        return;
    }
    if (processResult.failedToStart) {
        result.status = GateStatus::Error;
        result.message = processResult.errorString;
        complete(result);
        return;
    }
    if (processResult.timedOut) {
        result.status = GateStatus::Error;
        result.message =
            QStringLiteral(
                "%1 did not finish within %2 s and was stopped; raise %3 in promotion.yaml")
                .arg(result.tool)
                .arg(gate.timeoutSeconds)
                .arg(QStringLiteral("gates.%1.timeout").arg(id));
        complete(result);
        return;
    }
    if (processResult.crashed) {
        result.status = GateStatus::Error;
        result.message =
            QStringLiteral("%1 crashed: %2").arg(result.tool, processResult.errorString);
        complete(result);
        return;
    }

    QByteArray data;
    bool haveData = true;
    QString resultPath;
    if (gate.resultFile.isEmpty()) {
        data = processResult.stdoutData;
    } else {
        const auto file =
            ArgvTemplate::expand(gate.resultFile, m_context.variables, m_context.environment);
        resultPath = QDir(m_context.workspace).absoluteFilePath(file.value);
        QFile f(resultPath);
        // Checked again: a symlink may have been planted while the tool ran.
        if (file.ok() &&
            PolicyPaths::isConfined(file.value, m_context.workspace, m_context.artifactsDir) &&
            f.open(QIODevice::ReadOnly))
            data = f.readAll();
        else
            haveData = false;
    }
    if (!haveData) {
        result.status = GateStatus::Error;
        QString tail = QString::fromUtf8(processResult.stderrData.right(400)).trimmed();
        if (tail.isEmpty())
            tail = QString::fromUtf8(processResult.stdoutData.right(400)).trimmed();
        result.message =
            QStringLiteral("%1 exited with code %2 without writing %3%4")
                .arg(result.tool)
                .arg(processResult.exitCode)
                .arg(resultPath, tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
        complete(result);
        return;
    }
    GateEvaluator::evaluate(gate, data, &processResult, m_context.stageCoverageMin, result);
    complete(result);
}

void GateScheduler::evaluateDerived(const GateDefinition &gate)
{
    GateResult result = baseResult(gate);
    result.tool = m_definitions.contains(gate.after) ? m_done.value(gate.after).tool : QString();
    const GateResult source = m_done.value(gate.after);
    if (!m_definitions.contains(gate.after) && !m_done.contains(gate.after)) {
        result.status = GateStatus::Error;
        result.message =
            QStringLiteral("gate %1 reads the output of %2, which this transition does not run")
                .arg(gate.id, gate.after);
        complete(result);
        return;
    }
    if (source.status == GateStatus::Error || source.status == GateStatus::Cancelled) {
        result.status = source.status;
        result.message =
            QStringLiteral("not measured: %1 did not run to completion").arg(gate.after);
        complete(result);
        return;
    }
    QString outside;
    if (!confinedPath(gate.resultFile, QStringLiteral("gates.%1.result_file").arg(gate.id),
                      &outside)) {
        result.status = GateStatus::Error;
        result.message = outside;
        complete(result);
        return;
    }
    const auto file =
        ArgvTemplate::expand(gate.resultFile, m_context.variables, m_context.environment);
    QFile f(QDir(m_context.workspace).absoluteFilePath(file.value));
    if (!file.ok() || !f.open(QIODevice::ReadOnly)) {
        result.status = GateStatus::Error;
        result.message = QStringLiteral("%1 did not produce %2 (check gates.%3.command)")
                             .arg(gate.after, f.fileName(), gate.after);
        complete(result);
        return;
    }
    result.argv = source.argv;
    result.toolVersion = source.toolVersion;
    GateEvaluator::evaluate(gate, f.readAll(), nullptr, m_context.stageCoverageMin, result);
    complete(result);
}

void GateScheduler::evaluateFiles(const GateDefinition &gate)
{
    GateResult result = baseResult(gate);
    result.tool = QStringLiteral("filesystem");
    QStringList found;
    for (qsizetype i = 0; i < gate.paths.size(); ++i) {
        QString outside;
        if (!confinedPath(gate.paths.at(i),
                          QStringLiteral("gates.%1.paths[%2]").arg(gate.id).arg(i), &outside,
                          true)) {
            result.status = GateStatus::Error;
            result.message = outside;
            complete(result);
            return;
        }
    }
    for (const QString &pattern : gate.paths)
        found += matchGlob(m_context.workspace, pattern);
    found.removeDuplicates();
    result.measured = double(found.size());
    if (found.size() == 1)
        result.measuredText = QStringLiteral("1 file");
    else
        result.measuredText = QStringLiteral("%1 files").arg(found.size());
    result.threshold = gate.threshold.value_or(1);
    result.thresholdText = QStringLiteral("≥ %1 file(s) matching %2")
                               .arg(*result.threshold)
                               .arg(gate.paths.join(QStringLiteral(", ")));
    result.status = found.size() >= *result.threshold ? GateStatus::Passed : GateStatus::Failed;
    result.details.insert(QStringLiteral("files"), QJsonArray::fromStringList(found.mid(0, 50)));
    result.message =
        found.isEmpty()
            ? QStringLiteral("no file matches %1").arg(gate.paths.join(QStringLiteral(", ")))
            : found.mid(0, 5).join(QStringLiteral(", "));
    complete(result);
}

void GateScheduler::startMetric(const GateDefinition &gate)
{
    GateResult result = baseResult(gate);
    const bool needsPerson = gate.kind == GateDefinition::Kind::Attestation ||
                             gate.source.type == DataSource::Type::None;
    if (needsPerson) {
        result.tool = QStringLiteral("attestation");
        const QString who = m_context.attestations.value(gate.id);
        if (who.isEmpty()) {
            result.status = GateStatus::NeedsAttestation;
            result.message =
                QStringLiteral(
                    "no data source is configured (gates.%1.source): a person must attest")
                    .arg(gate.id);
        } else {
            result.status = GateStatus::Passed;
            result.attestation = Attestation{who, QDateTime::currentDateTimeUtc(),
                                             QStringLiteral("attested on the command line")};
            result.measuredText = QStringLiteral("attested by %1").arg(who);
        }
        complete(result);
        return;
    }
    if (gate.source.type == DataSource::Type::File) {
        QString outside;
        if (!confinedPath(gate.source.path, QStringLiteral("gates.%1.source.path").arg(gate.id),
                          &outside)) {
            result.tool = QStringLiteral("file");
            result.status = GateStatus::Error;
            result.message = outside;
            complete(result);
            return;
        }
    }
    auto *reader = new DataSourceReader(nullptr, this);
    reader->setRetry(m_context.retry, m_context.transient);
    m_inFlight.insert(gate.id, result);
    const QString id = gate.id;
    connect(reader, &DataSourceReader::finished, this,
            [this, id, reader, gate](const DataSourceResult &data) {
                reader->deleteLater();
                if (!m_inFlight.contains(id))
                    return; // cancelled meanwhile
                GateResult r = m_inFlight.take(id);
                GateEvaluator::evaluateDataSource(gate, data, r);
                complete(r);
            });
    // URLs, queries and paths may use placeholders like commands do.
    DataSource source = gate.source;
    // PromQL uses braces itself ({job="x"}): only known placeholders are replaced there.
    for (auto it = m_context.variables.cbegin(); it != m_context.variables.cend(); ++it)
        source.query.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    for (QString *field : {&source.url, &source.path}) {
        const auto expanded =
            ArgvTemplate::expand(*field, m_context.variables, m_context.environment);
        if (!expanded.ok()) {
            m_inFlight.remove(id);
            reader->deleteLater();
            result.status = GateStatus::Error;
            result.message = QStringLiteral("gates.%1.source: %2").arg(id, expanded.error);
            complete(result);
            return;
        }
        *field = expanded.value;
    }
    reader->read(source, m_context.workspace, m_context.component);
}

bool GateScheduler::confinedPath(const QString &text, const QString &key, QString *problem,
                                 bool glob) const
{
    const auto expanded = ArgvTemplate::expand(text, m_context.variables, m_context.environment);
    if (!expanded.ok())
        return true; // reported where the path is used
    QString path = expanded.value;
    if (glob) {
        const qsizetype wild = path.indexOf(QRegularExpression(QStringLiteral("[*?]")));
        if (wild >= 0) {
            const qsizetype slash = path.left(wild).lastIndexOf(QLatin1Char('/'));
            path = slash < 0 ? QStringLiteral(".") : path.left(slash);
        }
    }
    if (PolicyPaths::isConfined(path, m_context.workspace, m_context.artifactsDir))
        return true;
    *problem = QStringLiteral("%1: '%2' leads outside the workspace and the run's artifacts; "
                              "refused (nothing was deleted or read)")
                   .arg(key, text);
    return false;
}

void GateScheduler::complete(GateResult result)
{
    result.message = m_redactor.redact(result.message);
    result.measuredText = m_redactor.redact(result.measuredText);
    result.thresholdText = m_redactor.redact(result.thresholdText);
    result.details = m_redactor.redact(result.details);
    result.finishedAt = QDateTime::currentDateTimeUtc();
    if (result.durationMs == 0 && result.startedAt.isValid())
        result.durationMs = result.startedAt.msecsTo(result.finishedAt);
    m_done.insert(result.id, result);
    Q_EMIT gateFinished(result);
    if (m_cancelled)
        finishIfCancelled();
    else
        schedule();
}

void GateScheduler::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_probeQueue.clear();
    const QList<GateDefinition> pending = m_pending;
    m_pending.clear();
    for (const GateDefinition &gate : pending) {
        GateResult r = baseResult(gate);
        r.status = GateStatus::Cancelled;
        r.message = QStringLiteral("cancelled before it started");
        complete(r);
    }
    // Metric reads in flight: end them now.
    const QStringList inFlight = m_inFlight.keys();
    for (const QString &id : inFlight) {
        if (m_runners.contains(id))
            continue;
        GateResult r = m_inFlight.take(id);
        r.status = GateStatus::Cancelled;
        r.message = QStringLiteral("cancelled");
        complete(r);
    }
    // Running tools report cancelled results; complete() finishes after the last one.
    for (ProcessRunner *runner : std::as_const(m_runners))
        runner->cancel();
    finishIfCancelled();
}

void GateScheduler::finishIfCancelled()
{
    if (m_cancelled && m_running && m_runners.isEmpty() && m_inFlight.isEmpty()) {
        m_running = false;
        Q_EMIT finished(true);
    }
}

} // namespace Promotion
