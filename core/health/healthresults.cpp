// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/healthresults.h"

namespace Promotion {

QString RollbackTrigger::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ErrorRate:
        return QStringLiteral("error_rate");
    case Kind::LatencyDegradation:
        return QStringLiteral("latency_degradation");
    case Kind::HealthCheck:
        return QStringLiteral("health_check");
    }
    return QStringLiteral("unknown");
}

} // namespace Promotion
