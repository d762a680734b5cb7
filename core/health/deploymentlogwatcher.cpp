// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentlogwatcher.h"

#include "process/processrunner.h"

namespace Promotion {

DeploymentLogWatcher::DeploymentLogWatcher(QObject *parent)
    : QObject(parent)
    , m_runner(new ProcessRunner(this))
{
    // A follow stream never ends by itself: only what was read matters, not its bytes.
    m_runner->setCaptureLimit(0);
    m_runner->setKillGracePeriod(500);
    connect(m_runner, &ProcessRunner::outputChunk, this,
            [this](const QByteArray &chunk, OutputChannel channel) {
                if (channel == OutputChannel::StandardOutput)
                    feed(chunk);
                Q_EMIT output(chunk);
            });
    connect(m_runner, &ProcessRunner::finished, this, [this](const ProcessResult &r) {
        if (!m_partial.isEmpty())
            line(QString::fromUtf8(std::exchange(m_partial, QByteArray())));
        if (!m_stopping) {
            // It ended before the window did: say so, the check is incomplete.
            if (r.failedToStart)
                m_result.problem = r.errorString;
            else if (!r.succeeded())
                m_result.problem =
                    QStringLiteral("the logs command ended early (exit code %1)").arg(r.exitCode);
        }
        m_stopping = false;
        Q_EMIT stopped();
    });
}

void DeploymentLogWatcher::start(const ProcessSpec &spec, const QRegularExpression &errorPattern)
{
    m_result = LogCheck{};
    m_result.ran = true;
    m_partial.clear();
    m_pattern = errorPattern;
    m_stopping = false;
    m_runner->start(spec);
}

void DeploymentLogWatcher::stop()
{
    if (!m_runner->isRunning())
        return;
    m_stopping = true;
    m_runner->cancel();
}

bool DeploymentLogWatcher::isRunning() const
{
    return m_runner->isRunning();
}

void DeploymentLogWatcher::feed(const QByteArray &chunk)
{
    m_partial += chunk;
    qsizetype start = 0;
    for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
        line(QString::fromUtf8(m_partial.mid(start, nl - start)));
        start = nl + 1;
    }
    m_partial.remove(0, start);
    if (m_partial.size() > 64 * 1024) // a line without end: count it, do not grow forever
        line(QString::fromUtf8(std::exchange(m_partial, QByteArray())));
}

void DeploymentLogWatcher::line(const QString &text)
{
    QString l = text;
    if (l.endsWith(QLatin1Char('\r')))
        l.chop(1);
    if (l.trimmed().isEmpty())
        return;
    ++m_result.lines;
    if (!m_pattern.isValid() || !m_pattern.match(l).hasMatch())
        return;
    ++m_result.errors;
    if (m_result.firstErrors.size() < kEvidenceLines)
        m_result.firstErrors.append(l.size() > 300 ? l.left(297) + QStringLiteral("...") : l);
}

} // namespace Promotion
