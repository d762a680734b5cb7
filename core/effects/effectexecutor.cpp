// SPDX-License-Identifier: GPL-3.0-or-later
#include "effectexecutor.h"

#include "process/processrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

namespace Promotion {

LiveEffects::LiveEffects(QObject *parent)
    : EffectExecutor(parent)
    , m_runner(new ProcessRunner(this))
{
    connect(m_runner, &ProcessRunner::outputChunk, this,
            [this](const QByteArray &chunk, OutputChannel channel) {
                // Deploy tools print tokens too (kubectl config, curl -v): only redacted lines
                // leave.
                const QByteArray clean = redactorFor(channel).feed(chunk);
                if (!clean.isEmpty())
                    Q_EMIT commandOutput(clean, channel);
            });
    connect(m_runner, &ProcessRunner::finished, this, [this](const ProcessResult &result) {
        for (OutputChannel channel :
             {OutputChannel::StandardOutput, OutputChannel::StandardError}) {
            const QByteArray rest = redactorFor(channel).flush();
            if (!rest.isEmpty())
                Q_EMIT commandOutput(rest, channel);
        }
        EffectRecord record = m_current;
        record.performed = !result.failedToStart;
        record.ok = result.succeeded();
        record.durationMs = result.durationMs;
        record.outputSha256 = QString::fromLatin1(result.sha256);
        if (result.failedToStart || result.crashed || result.timedOut || result.cancelled)
            record.result = result.errorString.isEmpty() ? QStringLiteral("did not complete")
                                                         : result.errorString;
        else
            record.result = QStringLiteral("exit code %1").arg(result.exitCode);
        Q_EMIT commandFinished(record, result);
    });
}

EffectRecord LiveEffects::writeFile(const QString &absolutePath, const QByteArray &content,
                                    const QString &description)
{
    EffectRecord record;
    record.kind = QStringLiteral("file");
    record.description = description;
    record.path = absolutePath;
    record.when = QDateTime::currentDateTimeUtc();
    record.performed = true;
    QDir().mkpath(QFileInfo(absolutePath).path());
    QSaveFile file(absolutePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
        !file.commit()) {
        record.ok = false;
        record.result = QStringLiteral("%1: %2").arg(absolutePath, file.errorString());
    } else {
        record.result = QStringLiteral("written (%1 bytes)").arg(content.size());
    }
    return record;
}

void LiveEffects::runCommand(const QString &kind, const QString &description,
                             const ProcessSpec &spec)
{
    // The process gets the real argv; the record, the journal and the pane never see
    // an {env:TOKEN} it expanded to.
    const Redactor redactor = Redactor::forEnvironment(spec.environment);
    m_current = EffectRecord{};
    m_current.kind = kind;
    m_current.description = redactor.redact(description);
    m_current.argv = redactor.redact(spec.argv);
    m_current.when = QDateTime::currentDateTimeUtc();
    m_stdout = std::make_unique<OutputRedactor>(redactor);
    m_stderr = std::make_unique<OutputRedactor>(redactor);
    const QByteArray header = "$ " + m_current.argv.join(QLatin1Char(' ')).toUtf8() + '\n';
    Q_EMIT commandOutput(header, OutputChannel::StandardOutput);
    m_runner->start(spec);
}

OutputRedactor &LiveEffects::redactorFor(OutputChannel channel)
{
    if (!m_stdout)
        m_stdout = std::make_unique<OutputRedactor>(Redactor());
    if (!m_stderr)
        m_stderr = std::make_unique<OutputRedactor>(Redactor());
    return channel == OutputChannel::StandardOutput ? *m_stdout : *m_stderr;
}

void LiveEffects::cancel()
{
    m_runner->cancel();
}

bool LiveEffects::isRunning() const
{
    return m_runner->isRunning();
}

EffectRecord DryRunEffects::writeFile(const QString &absolutePath, const QByteArray &content,
                                      const QString &description)
{
    EffectRecord record;
    record.kind = QStringLiteral("file");
    record.description = description;
    record.path = absolutePath;
    record.performed = false;
    record.when = QDateTime::currentDateTimeUtc();
    record.result = QStringLiteral("would write %1 bytes").arg(content.size());
    return record;
}

void DryRunEffects::runCommand(const QString &kind, const QString &description,
                               const ProcessSpec &spec)
{
    const Redactor redactor = Redactor::forEnvironment(spec.environment);
    EffectRecord record;
    record.kind = kind;
    record.description = redactor.redact(description);
    record.argv = redactor.redact(spec.argv);
    record.performed = false;
    record.when = QDateTime::currentDateTimeUtc();
    record.result = QStringLiteral("would run");
    ProcessResult result;
    result.argv = record.argv;
    result.exitCode = 0;
    const QByteArray line =
        "(dry run) would run: " + record.argv.join(QLatin1Char(' ')).toUtf8() + '\n';
    // Asynchronous like the real thing, so callers have one code path.
    ++m_pending;
    QTimer::singleShot(0, this, [this, record, result, line] {
        --m_pending;
        Q_EMIT commandOutput(line, OutputChannel::StandardOutput);
        Q_EMIT commandFinished(record, result);
    });
}

} // namespace Promotion
