// SPDX-License-Identifier: GPL-3.0-or-later
#include "retryschedule.h"

#include <algorithm>
#include <cmath>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Promotion::RetrySchedule {

qint64 delayMs(const RetrySettings &settings, int retry, double random01)
{
    if (retry < 1)
        return 0;
    const double base = std::max(0.0, settings.baseDelaySeconds);
    const double cap = std::max(0.0, settings.maxDelaySeconds);
    // factor^(retry-1) can overflow for silly settings: the cap bounds it anyway.
    const double grown = base * std::pow(std::max(1.0, settings.factor), retry - 1);
    double wait = std::isfinite(grown) ? std::min(grown, cap) : cap;
    if (settings.jitter)
        wait = wait / 2 + wait / 2 * std::clamp(random01, 0.0, 1.0);
    return qint64(std::llround(wait * 1000));
}

qint64 delayMs(const RetrySettings &settings, int retry)
{
    return delayMs(settings, retry, QRandomGenerator::global()->generateDouble());
}

QString transientReason(const TransientPolicy &policy, const ProcessResult &result)
{
    if (result.succeeded() || result.failedToStart || result.cancelled || result.timedOut)
        return {};
    if (!result.crashed && result.exitStatus == QProcess::NormalExit &&
        policy.exitCodes.contains(result.exitCode))
        return QStringLiteral("exit code %1").arg(result.exitCode);
    const QString output = QString::fromUtf8(result.stderrData + '\n' + result.stdoutData);
    for (const QString &pattern : policy.outputPatterns) {
        const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid())
            continue;
        const QRegularExpressionMatch m = re.match(output);
        if (!m.hasMatch())
            continue;
        // The whole line that matched: what a person reads in the log.
        const qsizetype start = output.lastIndexOf(QLatin1Char('\n'), m.capturedStart()) + 1;
        qsizetype end = output.indexOf(QLatin1Char('\n'), m.capturedEnd());
        if (end < 0)
            end = output.size();
        QString line = output.mid(start, end - start).trimmed();
        if (line.size() > 200)
            line = line.left(197) + QStringLiteral("...");
        return line;
    }
    return {};
}

bool isTransientHttp(const TransientPolicy &policy, int httpStatus, bool networkError)
{
    if (httpStatus == 0)
        return networkError;
    return policy.httpStatus.contains(httpStatus);
}

QString lastLines(const QByteArray &output, int lines)
{
    QStringList all = QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &l : all) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    all.removeIf([](const QString &l) { return l.trimmed().isEmpty(); });
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

} // namespace Promotion::RetrySchedule
