// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Everything needed to run one external command: an argv list (never a
 * shell string), where, with which environment and for how long.
 */
struct ProcessSpec
{
    QStringList argv; //!< argv[0] is the program: a bare name is looked up in environment's PATH
    QString workingDirectory; //!< empty: the application's current directory
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 0; //!< 0 or less: no timeout
    QString policyKey; //!< e.g. "gates.tests.command"; named when the program is missing
    /*!
     * After the command exits by itself, also end the processes it started that
     * left its process group (a daemon: setsid(), double fork). Off by default:
     * such a process is usually a service started on purpose (the demo kubectl
     * starts the cluster service that later steps probe). Members of the group
     * are always ended, and cancel(), the timeout and the runner's destructor end
     * the detached ones too. Set it for gates, where a leftover server is a leak.
     */
    bool killDetachedOnExit = false;
};

} // namespace Promotion
