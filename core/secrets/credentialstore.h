// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace Promotion {

/*!
 * \brief Keeps secrets (the GitHub token) in the system keychain, and nowhere else.
 *
 * A thin asynchronous layer over QtKeychain: every call returns at once and
 * ends with exactly one signal, either the operation's own or failed() with
 * a message a user can act on (what to install or start when no keychain is
 * reachable). Entries live under the service name "promotion-console"; the
 * plaintext fallback of QtKeychain is off, so nothing lands in QSettings.
 * Every token read or written is registered with Redactor::registerSecret(),
 * so no log, journal or report of the process can show it.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT

public:
    /*! Keychain service name every entry is stored under. */
    static QString serviceName() { return QStringLiteral("promotion-console"); }
    /*! How failed() messages about a cancelled keychain prompt begin. */
    static QString cancelledPrefix() { return QStringLiteral("The keychain prompt was cancelled"); }

    explicit CredentialStore(QObject *parent = nullptr);

    void readToken(const QString &key);
    void writeToken(const QString &key, const QString &secret);
    void deleteToken(const QString &key);

    /*! Operations started and not yet answered by a signal. */
    int pending() const { return m_pending; }

Q_SIGNALS:
    void tokenRead(const QString &key, const QString &secret);
    void tokenWritten(const QString &key);
    void tokenDeleted(const QString &key);
    /*! \a message says what went wrong and what to do; it never contains the secret. */
    void failed(const QString &key, const QString &message);

private:
    enum class Operation
    {
        Read,
        Write,
        Delete
    };

    bool checkKey(const QString &key);
    void watch(QKeychain::Job *job, Operation operation, const QString &key);
    void onJobFinished(QKeychain::Job *job, Operation operation, const QString &key);
    static QString failureMessage(Operation operation, const QString &key, int error,
                                  const QString &detail);

    int m_pending = 0;
};

} // namespace Promotion
