// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Promotion {

/*! \brief One pod's CPU and memory, as `kubectl top pods` prints them. */
struct PodUsage
{
    QString name;
    double cpuMillicores = 0;
    double memoryMiB = 0;

    /*! The rows of `kubectl top pods` output; empty for "No resources found" or garbage.
     *  CPU "250m" or "1" (cores); memory "64Mi", "1Gi", "512Ki", "1000000" (bytes). */
    static QList<PodUsage> parseTop(const QByteArray &output);
};

} // namespace Promotion
