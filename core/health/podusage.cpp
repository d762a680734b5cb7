// SPDX-License-Identifier: GPL-3.0-or-later
#include "podusage.h"

#include <optional>
#include <QRegularExpression>
#include <QStringList>

namespace Promotion {

namespace {
std::optional<double> cpu(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(n|u|m)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == u"m")
        return v;
    if (unit == u"u")
        return v / 1000;
    if (unit == u"n")
        return v / 1e6;
    return v * 1000;
}

std::optional<double> memory(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString u = m.captured(2);
    const double mib = 1024.0 * 1024.0;
    if (u == u"Ki")
        return v / 1024;
    if (u == u"Mi")
        return v;
    if (u == u"Gi")
        return v * 1024;
    if (u == u"Ti")
        return v * 1024 * 1024;
    if (u == u"k")
        return v * 1e3 / mib;
    if (u == u"M")
        return v * 1e6 / mib;
    if (u == u"G")
        return v * 1e9 / mib;
    if (u == u"T")
        return v * 1e12 / mib;
    return v / mib;
}
} // namespace

QList<PodUsage> PodUsage::parseTop(const QByteArray &output)
{
    QList<PodUsage> pods;
    const QStringList lines =
        QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int cpuColumn = -1;
    int memoryColumn = -1;
    for (const QString &line : lines) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cells.isEmpty())
            continue;
        if (cpuColumn < 0) {
            for (int i = 0; i < cells.size(); ++i) {
                if (cells.at(i).startsWith(QLatin1String("CPU")))
                    cpuColumn = i;
                else if (cells.at(i).startsWith(QLatin1String("MEMORY")))
                    memoryColumn = i;
            }
            if (cells.first() != QLatin1String("NAME") || cpuColumn < 0 || memoryColumn < 0) {
                cpuColumn = memoryColumn = -1;
                continue;
            }
            continue;
        }
        if (cells.size() <= std::max(cpuColumn, memoryColumn))
            continue;
        const auto c = cpu(cells.at(cpuColumn));
        const auto m = memory(cells.at(memoryColumn));
        if (c && m)
            pods.append(PodUsage{cells.first(), *c, *m});
    }
    return pods;
}

} // namespace Promotion
