// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief How long each gate's tool has taken on this machine, so the scheduler
 * starts the longest first (with more gates than cores, a long gate started
 * last finishes last, alone).
 *
 * Kept per gate id and program in the user's cache folder
 * (`~/.cache/promotion-console/gate-durations.json`). The figure is the
 * slowest recent run: a cold run (empty tool caches) is what the order must
 * plan for, and a warm run would hide it. Older maxima decay.
 */
class GateDurationHistory final
{
public:
    /*! Expected milliseconds of \a gateId run by \a program; 0 when never seen. */
    static qint64 expectedMs(const QString &gateId, const QString &program);
    static void record(const QString &gateId, const QString &program, qint64 durationMs);
    static QString filePath();
};

} // namespace Promotion
