// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"

#include <QHash>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>

namespace Promotion {

/*!
 * \brief What every gate of one run shares: where to run, the placeholder
 * values, the environment and the thresholds of the target stage.
 */
struct GateContext
{
    QString workspace;
    QString component;
    QString artifactsDir;
    QHash<QString, QString> variables; //!< placeholder values ({component}, {to_stage}, ...)
    QProcessEnvironment environment;   //!< system environment + the policy's environment
    QString pythonRunner = QStringLiteral("auto");
    double stageCoverageMin = 0;
    int maxParallel = 0;                 //!< 0: number of cores
    QMap<QString, QString> attestations; //!< gate id -> identity, given up front
    RetrySettings retry;                 //!< metric sources' transient failures (retry.stages)
    TransientPolicy transient;           //!< which are transient (retry.transient)
};

} // namespace Promotion
