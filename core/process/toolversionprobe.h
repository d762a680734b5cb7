// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Asks tools for their version (`<tool> --version`) without blocking,
 * so reports can record which tool produced each piece of evidence.
 *
 * Each probe() runs its own ProcessRunner; several probes may run at once and
 * each ends with exactly one probed() signal. The version is the first
 * non-empty line of standard output, or of standard error when standard output
 * is empty (some tools print their version there).
 */
class ToolVersionProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 15000;

    explicit ToolVersionProbe(QObject *parent = nullptr);

    /*!
     * Run \a program with \a arguments (default `--version`) using \a env's
     * PATH and \a workingDirectory. \a policyKey is named if the tool is missing.
     */
    void probe(const QString &program, const QProcessEnvironment &env,
               const QString &workingDirectory = QString(),
               const QStringList &arguments = {QStringLiteral("--version")},
               const QString &policyKey = QString(), int timeoutMs = DefaultTimeoutMs);

    /*! Number of probes still running. */
    int pending() const { return m_pending; }

    /*! The first non-empty line of \a output, trimmed; helper for probe() and tests. */
    static QString firstLine(const QByteArray &output);

Q_SIGNALS:
    /*! \a version is empty and \a error says why when the tool could not tell. */
    void probed(const QString &program, const QString &version, const QString &error);

private:
    int m_pending = 0;
};

} // namespace Promotion
