// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the GUI tests: settings of the test's own, so that no test reads or writes the
// settings of the person running it.
#pragma once

#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace TestSettings {

/*! Turns on QStandardPaths' test mode and points QSettings (native and INI, user scope) at
 *  \a dir; \a identity, when given, is the promoter every run records (Settings' identity).
 *  For initTestCase(); false when \a dir could not be created. */
inline bool isolate(const QTemporaryDir &dir, const QString &identity = {})
{
    QStandardPaths::setTestModeEnabled(true);
    if (!dir.isValid())
        return false;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    if (!identity.isEmpty())
        QSettings().setValue(QStringLiteral("identity/override"), identity);
    return true;
}

} // namespace TestSettings
