// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialstore.h"

#include "redactor.h"

#include <qt6keychain/keychain.h>
#include <QTimer>

namespace Promotion {

namespace {

// What to do when no keychain answers: the usual cause on Linux.
QString backendAdvice()
{
    return QStringLiteral(
        "Promotion Console keeps tokens only in the system keychain, through the Secret "
        "Service D-Bus API. Install and start a provider (GNOME Keyring: apt install "
        "gnome-keyring libsecret-1-0; or KWallet), make sure a D-Bus session bus is running "
        "(DBUS_SESSION_BUS_ADDRESS is set) and that the keyring is unlocked, then try again.");
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

bool CredentialStore::checkKey(const QString &key)
{
    if (!key.trimmed().isEmpty())
        return true;
    ++m_pending;
    // Reported asynchronously like every other outcome.
    QTimer::singleShot(0, this, [this, key] {
        --m_pending;
        Q_EMIT failed(key, QStringLiteral("A keychain entry needs a non-empty key."));
    });
    return false;
}

void CredentialStore::readToken(const QString &key)
{
    if (!checkKey(key))
        return;
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    // Jobs are children: deleting the store drops the answers of those still running.
    watch(job, Operation::Read, key);
}

void CredentialStore::writeToken(const QString &key, const QString &secret)
{
    if (!checkKey(key))
        return;
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(key);
    job->setTextData(secret);
    Redactor::registerSecret(secret);
    watch(job, Operation::Write, key);
}

void CredentialStore::deleteToken(const QString &key)
{
    if (!checkKey(key))
        return;
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(key);
    watch(job, Operation::Delete, key);
}

void CredentialStore::watch(QKeychain::Job *job, Operation operation, const QString &key)
{
    // Never the plaintext QSettings fallback: a token must not end up in a config file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, key](QKeychain::Job *done) { onJobFinished(done, operation, key); });
    ++m_pending;
    job->start();
}

void CredentialStore::onJobFinished(QKeychain::Job *job, Operation operation, const QString &key)
{
    --m_pending;
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError) {
        switch (operation) {
        case Operation::Read: {
            const QString secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
            // From now on no log, journal or report of this process shows it.
            Redactor::registerSecret(secret);
            Q_EMIT tokenRead(key, secret);
            return;
        }
        case Operation::Write:
            Q_EMIT tokenWritten(key);
            return;
        case Operation::Delete:
            Q_EMIT tokenDeleted(key);
            return;
        }
    }
    Q_EMIT failed(key, failureMessage(operation, key, int(error), job->errorString()));
}

QString CredentialStore::failureMessage(Operation operation, const QString &key, int error,
                                        const QString &detail)
{
    QString action = QStringLiteral("delete the token \"") + key + QStringLiteral("\" from");
    if (operation == Operation::Read)
        action = QStringLiteral("read the token \"") + key + QStringLiteral("\" from");
    else if (operation == Operation::Write)
        action = QStringLiteral("store the token \"") + key + QStringLiteral("\" in");
    const QString head = QStringLiteral("Could not ") + action +
                         QStringLiteral(" the system keychain (service ") + serviceName() +
                         QStringLiteral(")");
    const QString because = detail.isEmpty() ? QString() : QStringLiteral(": ") + detail;
    // A prompt the user dismissed: the keychain runs, it was told no. Say that, not "install".
    if (QKeychain::Error(error) == QKeychain::AccessDeniedByUser ||
        detail.contains(QLatin1String("cancel"), Qt::CaseInsensitive) ||
        detail.contains(QLatin1String("dismiss"), Qt::CaseInsensitive))
        return cancelledPrefix() + QStringLiteral(": nothing was ") +
               (operation == Operation::Read ? QStringLiteral("read") : QStringLiteral("changed")) +
               QStringLiteral(". Retry to be asked again.");
    switch (QKeychain::Error(error)) {
    case QKeychain::EntryNotFound:
        return QStringLiteral("No token is stored under \"") + key +
               QStringLiteral("\" in the system keychain (service ") + serviceName() +
               QStringLiteral(").");
    case QKeychain::AccessDenied:
        return head + because +
               QStringLiteral(". The keyring may be locked; unlock it (log in to the desktop "
                              "session or open your keyring manager) and try again.");
    case QKeychain::CouldNotDeleteEntry:
        return head + because + QStringLiteral(".");
    default:
        // NoBackendAvailable, NotImplemented, OtherError: see below.
        break;
    }
    // On Linux nearly every other failure means no Secret Service answered.
    return head + because + QStringLiteral(". ") + backendAdvice();
}

} // namespace Promotion
