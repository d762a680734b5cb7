// SPDX-License-Identifier: GPL-3.0-or-later
// With no D-Bus session to reach, every keychain operation must fail with a
// message that says what to install or start, and never fall back to a file.
#include "secrets/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestCredentialStoreNoBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        // Before anything touches D-Bus: a bus that does not exist, and no way to
        // autolaunch one, so the user's real keychain is out of reach too.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/promotion-test-bus");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", QString(m_home.path() + "/.config").toLocal8Bit());
        qputenv("XDG_DATA_HOME", QString(m_home.path() + "/.local/share").toLocal8Bit());
    }

    void failsWithAdvice_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<QString>("verb");
        QTest::newRow("write") << 1 << "store";
        QTest::newRow("read") << 0 << "read";
        QTest::newRow("delete") << 2 << "delete";
    }
    void failsWithAdvice()
    {
        QFETCH(int, operation);
        QFETCH(QString, verb);
        CredentialStore store;
        QSignalSpy failed(&store, &CredentialStore::failed);
        QSignalSpy written(&store, &CredentialStore::tokenWritten);
        QSignalSpy read(&store, &CredentialStore::tokenRead);
        QSignalSpy deleted(&store, &CredentialStore::tokenDeleted);
        const QString secret = QStringLiteral("not-a-real-token-") + QString::number(operation);
        if (operation == 0)
            store.readToken(QStringLiteral("github"));
        else if (operation == 1)
            store.writeToken(QStringLiteral("github"), secret);
        else
            store.deleteToken(QStringLiteral("github"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(written.count() + read.count() + deleted.count(), 0);
        const QString message = failed.constFirst().at(1).toString();
        QVERIFY2(message.startsWith("Could not " + verb + " the token \"github\""),
                 qPrintable(message));
        QVERIFY2(message.contains("gnome-keyring") && message.contains("D-Bus"),
                 qPrintable(message));
        QVERIFY(!message.contains(secret));

        // No plaintext fallback anywhere under the (temporary) home.
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreNoBackend)
#include "tst_credentialstore_nobackend.moc"
