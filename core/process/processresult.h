// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! Which stream a chunk of output came from; they are never merged. */
enum class OutputChannel
{
    StandardOutput,
    StandardError
};

/*!
 * \brief What happened when a command ran: how it ended, its output and the
 * evidence a report needs (argv, resolved program, duration, digests).
 *
 * Captured output is capped (see ProcessRunner::setCaptureLimit()); the byte
 * counts and SHA-256 digests always cover every byte the command wrote.
 */
struct ProcessResult
{
    QStringList argv;        //!< as given in the ProcessSpec
    QString resolvedProgram; //!< absolute path actually executed; empty if not found
    QString workingDirectory;
    qint64 pid = 0;

    int exitCode = -1; //!< meaningful when exitStatus is NormalExit
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    bool crashed = false;              //!< died from a signal it was not sent by us
    bool timedOut = false;             //!< stopped because the timeout expired
    bool cancelled = false;            //!< stopped because cancel() was called
    bool killed = false;               //!< SIGTERM was not enough; the process group got SIGKILL
    bool strayProcessesKilled = false; //!< children left behind after exit were killed
    bool failedToStart = false;        //!< never ran (missing, not executable, bad directory...)
    QString errorString;               //!< human-readable reason when it did not simply exit

    QByteArray stdoutData; //!< captured standard output, up to the capture limit
    QByteArray stderrData; //!< captured standard error, up to the capture limit
    bool stdoutTruncated = false;
    bool stderrTruncated = false;
    qint64 stdoutBytes = 0; //!< bytes written in total, including those not kept
    qint64 stderrBytes = 0;
    QByteArray stdoutSha256; //!< hex SHA-256 of all standard output
    QByteArray stderrSha256; //!< hex SHA-256 of all standard error
    /*! hex SHA-256 of "stdout <stdoutSha256>\nstderr <stderrSha256>\n": one digest for
     *  both streams that does not depend on how their writes interleaved. */
    QByteArray sha256;

    qint64 durationMs = 0;

    bool truncated() const { return stdoutTruncated || stderrTruncated; }
    /*! Ran and exited by itself with code 0. */
    bool succeeded() const
    {
        return !failedToStart && !crashed && !timedOut && !cancelled &&
               exitStatus == QProcess::NormalExit && exitCode == 0;
    }
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::OutputChannel)
Q_DECLARE_METATYPE(Promotion::ProcessResult)
