// SPDX-License-Identifier: GPL-3.0-or-later
// Runs under tests/run-with-keyring.sh: a private D-Bus session, an unlocked
// gnome-keyring and a temporary HOME, so the user's keychain is never touched.
#include "fakegithubrepo.h"
#include "fakegithubserver.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Promotion;

namespace {

constexpr int kKeychainTimeoutMs = 20000;

// A fresh token-shaped value per run, never a real credential.
QString freshToken()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out = QStringLiteral("ghp_");
    for (int i = 0; i < 36; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return out;
}

struct KeychainAnswer
{
    bool answered = false;
    bool ok = false;
    QString secret;
    QString message;
};

KeychainAnswer readStored()
{
    CredentialStore store; // a fresh one: nothing cached from the dialog
    QSignalSpy read(&store, &CredentialStore::tokenRead);
    QSignalSpy failed(&store, &CredentialStore::failed);
    store.readToken(SettingsDialog::tokenKey());
    for (int waited = 0; read.isEmpty() && failed.isEmpty() && waited < kKeychainTimeoutMs;
         waited += 50)
        QTest::qWait(50);
    KeychainAnswer answer;
    answer.answered = !read.isEmpty() || !failed.isEmpty();
    answer.ok = !read.isEmpty();
    answer.secret = answer.ok ? read.constFirst().at(1).toString() : QString();
    answer.message =
        failed.isEmpty()
            ? (answer.answered ? QString() : QStringLiteral("the keychain did not answer"))
            : failed.constFirst().at(1).toString();
    return answer;
}

bool store(const QString &secret)
{
    CredentialStore s;
    QSignalSpy written(&s, &CredentialStore::tokenWritten);
    QSignalSpy failed(&s, &CredentialStore::failed);
    s.writeToken(SettingsDialog::tokenKey(), secret);
    for (int waited = 0; written.isEmpty() && failed.isEmpty() && waited < kKeychainTimeoutMs;
         waited += 50)
        QTest::qWait(50);
    return !written.isEmpty();
}

void removeStored()
{
    CredentialStore s;
    QSignalSpy deleted(&s, &CredentialStore::tokenDeleted);
    QSignalSpy failed(&s, &CredentialStore::failed);
    s.deleteToken(SettingsDialog::tokenKey());
    for (int waited = 0; deleted.isEmpty() && failed.isEmpty() && waited < kKeychainTimeoutMs;
         waited += 50)
        QTest::qWait(50);
}

/*! Files under \a root (skipping \a skipDir) whose bytes contain \a needle. */
QStringList filesContaining(const QString &root, const QString &skipDir, const QByteArray &needle,
                            int *scanned)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!skipDir.isEmpty() && path.startsWith(skipDir + QLatin1Char('/')))
            continue;
        const QFileInfo info(path);
        if (!info.isFile() || info.size() > 64 * 1024 * 1024)
            continue; // sockets, pipes
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(needle) || bytes.contains(needle.toBase64()))
            hits << path;
    }
    return hits;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *edit(SettingsDialog &d, const char *name)
    {
        return d.findChild<QLineEdit *>(QLatin1String(name));
    }
    static QString tokenStatus(SettingsDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("tokenStatusLabel"))->text();
    }
    static QPushButton *okButton(SettingsDialog &d)
    {
        return d.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
            ->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    }

    void init() { QSettings().clear(); }

    void isValidRepository_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::addColumn<bool>("valid");
        QTest::newRow("owner/name") << "acme/platform" << true;
        QTest::newRow("dots, dashes, underscores") << "my-org/repo.name_2" << true;
        QTest::newRow("empty: no repository") << "" << true;
        QTest::newRow("no slash") << "acme" << false;
        QTest::newRow("two slashes") << "acme/platform/x" << false;
        QTest::newRow("space") << "acme/plat form" << false;
        QTest::newRow("owner starts with a dash") << "-acme/platform" << false;
        QTest::newRow("double dash in owner") << "ac--me/platform" << false;
        QTest::newRow("dot name") << "acme/.." << false;
        QTest::newRow("owner too long")
            << QString(QString(40, QLatin1Char('a')) + QStringLiteral("/x")) << false;
        QTest::newRow("url (normalised by the dialog, not valid as is)")
            << "https://github.com/acme/platform" << false;
    }

    void isValidRepository()
    {
        QFETCH(QString, repository);
        QFETCH(bool, valid);
        QCOMPARE(SettingsDialog::isValidRepository(repository), valid);
    }

    void repositoryValidationAndUrlPaste()
    {
        SettingsDialog dialog;
        dialog.show();
        QLineEdit *repository = edit(dialog, "repositoryEdit");
        QLabel *error = dialog.findChild<QLabel *>(QStringLiteral("repositoryError"));
        QVERIFY(repository && error);
        repository->setText(QStringLiteral("not a repository"));
        QVERIFY(error->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
        repository->setText(QStringLiteral("https://github.com/acme/platform.git"));
        Q_EMIT repository->editingFinished();
        QCOMPARE(repository->text(), QStringLiteral("acme/platform"));
        QVERIFY(!error->isVisible());
        QVERIFY(okButton(dialog)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
    }

    void failedConnectionTestKeepsTheDialogOpen()
    {
        Promotion::Test::FakeGitHubServer server;
        QVERIFY(server.listen());
        Promotion::Test::FakeGitHubRepo github(&server, QStringLiteral("acme/platform"));
        github.addToken(QStringLiteral("ghp_readonly0123456789abcdefABCDEF012345"), QStringLiteral("rita"));
        github.setPermissions({{QStringLiteral("pull"), true}});

        SettingsDialog dialog;
        dialog.setApiUrl(server.url().toString());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("connectionStatusLabel"));
        QTest::keyClicks(edit(dialog, "repositoryEdit"), QStringLiteral("acme/platform"));
        // A wrong token: GitHub's 401, said as what to fix; nothing is saved yet.
        edit(dialog, "tokenEdit")->setText(QStringLiteral("ghp_wrong0123456789abcdefABCDEF0123456789"));
        auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(test->isEnabled() && !status->text().startsWith(QStringLiteral("Asking")));
        QVERIFY2(status->text().contains(QStringLiteral("token"), Qt::CaseInsensitive), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("ghp_wrong")));
        // A read-only token: named as such; OK shows it and stays open, then saves anyway.
        edit(dialog, "tokenEdit")->setText(QStringLiteral("ghp_readonly0123456789abcdefABCDEF012345"));
        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(status->text().contains(QStringLiteral("can only read")));
        QVERIFY(dialog.isVisible());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(okButton(dialog)->text(), QStringLiteral("Save &anyway"));
        dialog.reject();
    }

    void tokenGoesOnlyToTheKeychain()
    {
        if (!QDir::homePath().contains(QLatin1String("promotion-keyring.")))
            QSKIP("run through tests/run-with-keyring.sh (ctest does)");
        removeStored();
        const QString token = freshToken();
        // GitHub on 127.0.0.1: OK tests the connection before saving.
        Promotion::Test::FakeGitHubServer server;
        QVERIFY(server.listen());
        Promotion::Test::FakeGitHubRepo github(&server, QStringLiteral("acme/platform"));
        github.addToken(token, QStringLiteral("ada-gh"));

        SettingsDialog dialog;
        dialog.setStages({QStringLiteral("development"), QStringLiteral("staging"),
                          QStringLiteral("production")});
        dialog.setApiUrl(server.url().toString());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
        QVERIFY(!dialog.hasStoredToken());
        QVERIFY2(tokenStatus(dialog).contains(QLatin1String("No token is stored")),
                 qPrintable(tokenStatus(dialog)));

        QTest::keyClicks(edit(dialog, "repositoryEdit"), QStringLiteral("acme/platform"));
        QTest::keyClicks(edit(dialog, "identityEdit"),
                         QStringLiteral("Ada Lovelace <ada@example.org>"));
        auto *stage = dialog.findChild<QComboBox *>(QStringLiteral("defaultStageCombo"));
        stage->setCurrentIndex(stage->findData(QStringLiteral("staging")));
        QLineEdit *tokenEdit = edit(dialog, "tokenEdit");
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(tokenEdit, token);

        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kKeychainTimeoutMs);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("connectionStatusLabel"))->text(),
                 QStringLiteral("✓ Signed in as @ada-gh, can write issues in acme/platform"));
        QCOMPARE(server.count("GET", QStringLiteral("/user")), 1);

        // The token round-trips through a fresh keychain read.
        const KeychainAnswer answer = readStored();
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(answer.secret, token);

        // The rest is in QSettings.
        QSettings settings;
        settings.sync();
        QCOMPARE(settings.value(SettingsDialog::repositoryKey()).toString(),
                 QStringLiteral("acme/platform"));
        QCOMPARE(settings.value(SettingsDialog::identityOverrideKey()).toString(),
                 QStringLiteral("Ada Lovelace <ada@example.org>"));
        QCOMPARE(settings.value(SettingsDialog::defaultStageKey()).toString(),
                 QStringLiteral("staging"));

        // ... and the token is in no file under HOME: the scan must see the settings file to mean
        // anything.
        const QString home = QDir::homePath();
        const QString settingsFile = QFileInfo(settings.fileName()).absoluteFilePath();
        QVERIFY2(settingsFile.startsWith(home + QLatin1Char('/')), qPrintable(settingsFile));
        QFile file(settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settingsBytes = file.readAll();
        QVERIFY(settingsBytes.contains("acme/platform"));
        QVERIFY(!settingsBytes.contains(token.toUtf8()));

        // gnome-keyring's own (encrypted) store is the one place the token may be.
        const QString keyrings = QDir::cleanPath(
            qEnvironmentVariable("XDG_DATA_HOME", home + QStringLiteral("/.local/share")) +
            QStringLiteral("/keyrings"));
        int scanned = 0;
        const QStringList hits = filesContaining(home, keyrings, token.toUtf8(), &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        QVERIFY(scanned > 0);
        removeStored();
    }

    void storedTokenIsShownOnlyOnRequest()
    {
        if (!QDir::homePath().contains(QLatin1String("promotion-keyring.")))
            QSKIP("run through tests/run-with-keyring.sh (ctest does)");
        const QString token = freshToken();
        QVERIFY(store(token));

        SettingsDialog dialog;
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
        QVERIFY(dialog.hasStoredToken());
        QVERIFY2(tokenStatus(dialog).contains(QLatin1String("stored in the system keychain")),
                 qPrintable(tokenStatus(dialog)));
        QLineEdit *tokenEdit = edit(dialog, "tokenEdit");
        QVERIFY(tokenEdit->text().isEmpty());
        QVERIFY(!tokenEdit->placeholderText().contains(token));
        QVERIFY(!tokenStatus(dialog).contains(token));

        auto *show = dialog.findChild<QToolButton *>(QStringLiteral("showTokenButton"));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(tokenEdit->text(), token);
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(show, Qt::LeftButton);
        QVERIFY(tokenEdit->text().isEmpty());
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);

        // OK without a new token keeps the stored one.
        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kKeychainTimeoutMs);
        const KeychainAnswer answer = readStored();
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(answer.secret, token);
        removeStored();
    }

    void removeDeletesFromTheKeychain()
    {
        if (!QDir::homePath().contains(QLatin1String("promotion-keyring.")))
            QSKIP("run through tests/run-with-keyring.sh (ctest does)");
        QVERIFY(store(freshToken()));

        SettingsDialog dialog;
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeTokenButton"));
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kKeychainTimeoutMs);
        QVERIFY(!dialog.hasStoredToken());

        const KeychainAnswer answer = readStored();
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.startsWith(QLatin1String("No token is stored")),
                 qPrintable(answer.message));
    }

    void emptyFieldsRemoveSettings()
    {
        QSettings().setValue(SettingsDialog::identityOverrideKey(), QStringLiteral("someone"));
        SettingsDialog dialog;
        dialog.show();
        QCOMPARE(edit(dialog, "identityEdit")->text(), QStringLiteral("someone"));
        edit(dialog, "identityEdit")->clear();
        QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kKeychainTimeoutMs);
        QVERIFY(!QSettings().contains(SettingsDialog::identityOverrideKey()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kKeychainTimeoutMs);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
