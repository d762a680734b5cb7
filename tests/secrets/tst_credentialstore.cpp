// SPDX-License-Identifier: GPL-3.0-or-later
// Runs under tests/run-with-keyring.sh: a private D-Bus session, an unlocked
// gnome-keyring and a temporary HOME, so the user's keychain is never touched.
#include "secrets/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {

constexpr int KeychainTimeoutMs = 20000;

QString randomAlnum(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return out;
}

// A fresh token-shaped value per run, never a real credential.
QString freshToken()
{
    return QStringLiteral("ghp_") + randomAlnum(36);
}

QString freshKey()
{
    return QStringLiteral("tst-") + randomAlnum(8);
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    // Waits for exactly one answer from \a store; fails the test on a timeout.
    static bool waitFor(QSignalSpy &spy, QSignalSpy &failed)
    {
        QElapsedTimer clock;
        clock.start();
        while (spy.isEmpty() && failed.isEmpty() && clock.elapsed() < KeychainTimeoutMs)
            spy.wait(100);
        return !spy.isEmpty() || !failed.isEmpty();
    }

    static QString failures(const QSignalSpy &failed)
    {
        QStringList messages;
        for (const auto &args : failed)
            messages << args.value(1).toString();
        return messages.join(QStringLiteral("; "));
    }

    // Stores \a secret under \a key and waits for the answer: empty when it was stored,
    // otherwise what went wrong (check it at the call site: a QVERIFY in here would only
    // return from the helper and let the test go on).
    [[nodiscard]] static QString write(CredentialStore &store, const QString &key,
                                       const QString &secret)
    {
        QSignalSpy written(&store, &CredentialStore::tokenWritten);
        QSignalSpy failed(&store, &CredentialStore::failed);
        store.writeToken(key, secret);
        if (!waitFor(written, failed))
            return QStringLiteral("the keychain did not answer within %1 ms")
                .arg(KeychainTimeoutMs);
        if (!failed.isEmpty())
            return failures(failed);
        const QString answered = written.constFirst().constFirst().toString();
        if (answered != key)
            return QStringLiteral("tokenWritten(%1), expected tokenWritten(%2)").arg(answered, key);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Refuse to run against a real desktop keychain.
        if (!QDir::homePath().contains(QLatin1String("promotion-keyring.")))
            QSKIP("run through tests/run-with-keyring.sh (ctest does)");
        QVERIFY(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
    }

    void serviceName()
    {
        QCOMPARE(CredentialStore::serviceName(), QStringLiteral("promotion-console"));
    }

    void roundTrip()
    {
        CredentialStore store;
        const QString key = freshKey();
        const QString token = freshToken();
        const QString problem = write(store, key, token);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        QSignalSpy read(&store, &CredentialStore::tokenRead);
        QSignalSpy failed(&store, &CredentialStore::failed);
        store.readToken(key);
        QCOMPARE(read.count(), 0); // never answered from inside the call
        QVERIFY(waitFor(read, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
        QCOMPARE(read.constFirst().at(0).toString(), key);
        QCOMPARE(read.constFirst().at(1).toString(), token);

        QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
        store.deleteToken(key);
        QVERIFY(waitFor(deleted, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
        QCOMPARE(deleted.constFirst().constFirst().toString(), key);

        // Gone for real: reading it again fails.
        read.clear();
        store.readToken(key);
        QVERIFY(waitFor(read, failed));
        QCOMPARE(read.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.constFirst().at(0).toString(), key);
        QCOMPARE(store.pending(), 0);
    }

    void overwrite()
    {
        CredentialStore store;
        const QString key = freshKey();
        QString problem = write(store, key, freshToken());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString second = freshToken();
        problem = write(store, key, second);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QSignalSpy read(&store, &CredentialStore::tokenRead);
        QSignalSpy failed(&store, &CredentialStore::failed);
        store.readToken(key);
        QVERIFY(waitFor(read, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
        QCOMPARE(read.constFirst().at(1).toString(), second);
        QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
        store.deleteToken(key);
        QVERIFY(waitFor(deleted, failed));
    }

    void readMissingFailsCleanly()
    {
        CredentialStore store;
        const QString key = freshKey();
        QSignalSpy read(&store, &CredentialStore::tokenRead);
        QSignalSpy failed(&store, &CredentialStore::failed);
        store.readToken(key);
        QVERIFY(waitFor(read, failed));
        QTest::qWait(50); // and nothing else follows
        QCOMPARE(read.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.constFirst().at(0).toString(), key);
        const QString message = failed.constFirst().at(1).toString();
        QCOMPARE(message, QStringLiteral("No token is stored under \"") + key +
                              QStringLiteral("\" in the system keychain (service "
                                             "promotion-console)."));
    }

    void emptyKeyRefused_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("read") << 0;
        QTest::newRow("write") << 1;
        QTest::newRow("delete") << 2;
    }
    void emptyKeyRefused()
    {
        QFETCH(int, operation);
        CredentialStore store;
        QSignalSpy failed(&store, &CredentialStore::failed);
        if (operation == 0)
            store.readToken(QStringLiteral(" "));
        else if (operation == 1)
            store.writeToken(QString(), QStringLiteral("value"));
        else
            store.deleteToken(QString());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(store.pending(), 1);
        QVERIFY(failed.wait(1000));
        QVERIFY(failed.constFirst().at(1).toString().contains(QLatin1String("non-empty key")));
        QCOMPARE(store.pending(), 0);
    }

    void concurrentOperations()
    {
        CredentialStore store;
        QSignalSpy written(&store, &CredentialStore::tokenWritten);
        QSignalSpy failed(&store, &CredentialStore::failed);
        QStringList keys;
        for (int i = 0; i < 4; ++i) {
            keys << freshKey();
            store.writeToken(keys.last(), freshToken());
        }
        QCOMPARE(store.pending(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(written.count() + failed.count(), 4, KeychainTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
        QStringList answered;
        for (const auto &args : written)
            answered << args.constFirst().toString();
        answered.sort();
        keys.sort();
        QCOMPARE(answered, keys);
        QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
        for (const QString &key : keys)
            store.deleteToken(key);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 4, KeychainTimeoutMs);
    }

    void tokenInNoFile()
    {
        CredentialStore store;
        const QString key = QStringLiteral("github");
        const QString token = freshToken();
        const QString problem = write(store, key, token);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // Make sure the application's QSettings files exist, so they are scanned too.
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console"));
        QCoreApplication::setApplicationName(QStringLiteral("promotion-console"));
        QSettings settings;
        settings.setValue(QStringLiteral("github/repository"), QStringLiteral("org/repo"));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        QVERIFY(QFile::exists(settings.fileName()));
        for (const QString &name : settings.allKeys())
            QVERIFY(settings.value(name).toString() != token);

        const QByteArray needle = token.toUtf8();
        const QByteArray tail = token.mid(4).toUtf8(); // without the ghp_ prefix
        // $HOME is the temporary one: scan all of it (~/.config, the QSettings files
        // under ~/.qttest in test mode, caches), except the keyring's own encrypted store.
        const QString keyringStore = QDir::homePath() + QStringLiteral("/.local/share/keyrings/");
        const QStringList roots{QDir::homePath(), QFileInfo(settings.fileName()).absolutePath()};
        QVERIFY(QFileInfo(settings.fileName()).absolutePath().startsWith(QDir::homePath()));
        int scanned = 0;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.startsWith(keyringStore))
                    continue;
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = file.readAll();
                ++scanned;
                QVERIFY2(!content.contains(needle) && !content.contains(tail),
                         qPrintable(QStringLiteral("token found in ") + path));
            }
        }
        QVERIFY(scanned >= 1); // at least the settings file itself

        QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
        QSignalSpy failed(&store, &CredentialStore::failed);
        store.deleteToken(key);
        QVERIFY(waitFor(deleted, failed));
    }

    void destroyedWhilePending()
    {
        // Jobs are children of the store; deleting it mid-flight must be harmless.
        auto *store = new CredentialStore;
        store->readToken(freshKey());
        store->writeToken(freshKey(), freshToken());
        QCOMPARE(store->pending(), 2);
        QList<QPointer<QObject>> jobs;
        for (QObject *child : store->children())
            jobs << child;
        QVERIFY(jobs.size() >= 2);
        delete store;
        for (const QPointer<QObject> &job : std::as_const(jobs))
            QVERIFY(job.isNull()); // the jobs went with the store
        // Late answers from the keychain daemon must reach no one.
        QTest::qWait(200);

        // The keychain still answers a new store afterwards.
        CredentialStore again;
        const QString key = freshKey();
        const QString token = freshToken();
        const QString problem = write(again, key, token);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QSignalSpy read(&again, &CredentialStore::tokenRead);
        QSignalSpy failed(&again, &CredentialStore::failed);
        again.readToken(key);
        QVERIFY(waitFor(read, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
        QCOMPARE(read.constFirst().at(1).toString(), token);
        QSignalSpy deleted(&again, &CredentialStore::tokenDeleted);
        again.deleteToken(key);
        QVERIFY(waitFor(deleted, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failures(failed)));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
