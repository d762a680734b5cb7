// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolversionprobe.h"

#include "process/processrunner.h"

namespace Promotion {

ToolVersionProbe::ToolVersionProbe(QObject *parent)
    : QObject(parent)
{
}

void ToolVersionProbe::probe(const QString &program, const QProcessEnvironment &env,
                             const QString &workingDirectory, const QStringList &arguments,
                             const QString &policyKey, int timeoutMs)
{
    // A child: deleting the probe kills any tool still running.
    auto *runner = new ProcessRunner(this);
    ProcessSpec spec;
    spec.argv = QStringList{program} + arguments;
    spec.environment = env;
    spec.workingDirectory = workingDirectory;
    spec.timeoutMs = timeoutMs;
    spec.policyKey = policyKey;
    // Version banners are short; keep only what the first lines need.
    runner->setCaptureLimit(64 * 1024);
    connect(runner, &ProcessRunner::finished, this,
            [this, runner, program](const ProcessResult &result) {
                runner->deleteLater();
                --m_pending;
                QString version = firstLine(result.stdoutData);
                if (version.isEmpty())
                    version = firstLine(result.stderrData);
                QString error;
                if (result.failedToStart || result.timedOut || result.crashed) {
                    error = result.errorString;
                    version.clear();
                } else if (version.isEmpty()) {
                    error =
                        program +
                        QStringLiteral(" printed no version (exit code %1).").arg(result.exitCode);
                }
                Q_EMIT probed(program, version, error);
            });
    ++m_pending;
    runner->start(spec);
}

QString ToolVersionProbe::firstLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            return text;
    }
    return QString();
}

} // namespace Promotion
