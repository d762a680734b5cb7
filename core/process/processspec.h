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
};

} // namespace Promotion
