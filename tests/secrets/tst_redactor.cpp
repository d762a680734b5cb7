// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/redactor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {
// Built at run time so no scanner mistakes this test for a leaked credential.
QString fake(const char *prefix, int length, char fill = 'a')
{
    return QLatin1String(prefix) + QString(length, QLatin1Char(fill));
}
} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void patterns_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString ghp = fake("ghp_", 36, 'Z');
        QTest::newRow("classic token")
            << QString("token=" + ghp + " rest") << "token=[REDACTED] rest";
        QTest::newRow("oauth token") << fake("gho_", 36, '1') << "[REDACTED]";
        QTest::newRow("server token")
            << QString("x " + fake("ghs_", 40, 'b') + "\n") << "x [REDACTED]\n";
        QTest::newRow("too short to be a token") << fake("ghp_", 20) << fake("ghp_", 20);
        QTest::newRow("fine-grained pat")
            << QString("GITHUB_TOKEN=" + fake("github_pat_", 22, 'Q') + "_" + fake("", 59, 'r'))
            << "GITHUB_TOKEN=[REDACTED]";
        QTest::newRow("gitlab") << QString("-p " + fake("glpat-", 20, 'x')) << "-p [REDACTED]";
        QTest::newRow("bearer header") << "> Authorization: Bearer abc.def-ghi_123\n< HTTP/1.1 200"
                                       << "> Authorization: Bearer [REDACTED]\n< HTTP/1.1 200";
        QTest::newRow("token header lower case")
            << QString("authorization: token " + ghp) << "authorization: token [REDACTED]";
        QTest::newRow("basic header") << "Authorization: Basic dXNlcjpwYXNz"
                                      << "Authorization: Basic [REDACTED]";
        QTest::newRow("json header") << R"({"Authorization": "Bearer s3cr3tvalue"})"
                                     << R"({"Authorization": "Bearer [REDACTED]"})";
        QTest::newRow("bare bearer") << "curl -H 'bearer eyJhbGciOiJIUzI1NiJ9.x'"
                                     << "curl -H 'bearer [REDACTED]'";
        QTest::newRow("url credentials")
            << "fatal: https://x-access-token:abc123@github.com/org/repo.git"
            << "fatal: https://x-access-token:[REDACTED]@github.com/org/repo.git";
        QTest::newRow("url port is not a password") << "http://localhost:8080/a@b"
                                                    << "http://localhost:8080/a@b";
        QTest::newRow("ssh remote untouched") << "git@github.com:org/repo.git"
                                              << "git@github.com:org/repo.git";
        QTest::newRow("ordinary log untouched")
            << "tests/billing/test_api.py::test_bearer PASSED [ 10%]"
            << "tests/billing/test_api.py::test_bearer PASSED [ 10%]";
        QTest::newRow("several on one line")
            << QString(ghp + " and " + ghp) << "[REDACTED] and [REDACTED]";
    }
    void patterns()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(Redactor::redactPatterns(input), expected);
        const Redactor redactor;
        QCOMPARE(redactor.redact(input), expected);
        QCOMPARE(redactor.redact(input.toUtf8()), expected.toUtf8());
    }

    void knownSecrets_data()
    {
        QTest::addColumn<QStringList>("secrets");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain value")
            << QStringList{"hunter2-secret"} << "password is hunter2-secret."
            << "password is [REDACTED].";
        QTest::newRow("every occurrence") << QStringList{"s3cr3t-x"} << "s3cr3t-x/s3cr3t-x"
                                          << "[REDACTED]/[REDACTED]";
        QTest::newRow("longest first") << QStringList{"abcdefgh", "abcdefghijkl"}
                                       << "x abcdefghijkl y abcdefgh"
                                       << "x [REDACTED] y [REDACTED]";
        QTest::newRow("non-ascii secret") << QStringList{"pässwört"} << "pw=pässwört;"
                                          << "pw=[REDACTED];";
        QTest::newRow("regex chars are literal") << QStringList{"a.b*c(d)"} << "a.b*c(d) axbbc(d)"
                                                 << "[REDACTED] axbbc(d)";
    }
    void knownSecrets()
    {
        QFETCH(QStringList, secrets);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        Redactor redactor;
        for (const QString &secret : secrets)
            QVERIFY(redactor.addSecret(secret));
        QCOMPARE(redactor.secretCount(), secrets.size());
        QCOMPARE(redactor.redact(input), expected);
        QCOMPARE(redactor.redact(input.toUtf8()), expected.toUtf8());
        redactor.clearSecrets();
        QCOMPARE(redactor.redact(input), input);
    }

    void shortSecretsIgnored()
    {
        Redactor redactor;
        QVERIFY(!redactor.addSecret(QString()));
        QVERIFY(!redactor.addSecret("abc"));
        QVERIFY(!redactor.addSecret("1234567")); // below the minimum of 8
        QVERIFY(!Redactor::registerSecret("1234567"));
        QCOMPARE(redactor.secretCount(), 0);
        QCOMPARE(redactor.redact(QStringLiteral("abc abc")), QStringLiteral("abc abc"));
    }

    // The keychain token, registered once (as CredentialStore does when it reads it),
    // is redacted by every Redactor, including one built for an unrelated environment.
    void processWideSecret()
    {
        const QString token = QStringLiteral("keychain-token-9b1f27c4e0");
        Redactor::clearRegisteredSecrets();
        QVERIFY(Redactor::registerSecret(token));
        QCOMPARE(Redactor::registeredSecretCount(), 1);
        const QString line = QStringLiteral("curl -H 'X-Token: %1' https://x").arg(token);
        QCOMPARE(Redactor().redact(line), QStringLiteral("curl -H 'X-Token: [REDACTED]' https://x"));
        QCOMPARE(Redactor::forEnvironment(QProcessEnvironment()).redact(line.toUtf8()),
                 QByteArray("curl -H 'X-Token: [REDACTED]' https://x"));
        const QJsonObject stored{{"argv", QJsonArray{"gh", token}},
                                 {"nested", QJsonObject{{"url", QString("https://h/?t=" + token)}}},
                                 {"before_base64", token}};
        const QJsonObject clean = Redactor().redact(stored);
        QCOMPARE(clean.value("argv").toArray().at(1).toString(), Redactor::mask());
        QCOMPARE(clean.value("nested").toObject().value("url").toString(),
                 QStringLiteral("https://h/?t=[REDACTED]"));
        QCOMPARE(clean.value("before_base64").toString(), token); // file bytes stay exact
        Redactor::clearRegisteredSecrets();
        QCOMPARE(Redactor().redact(line), line);
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        for (const char *name : {"GH_TOKEN", "GITHUB_TOKEN", "DB_PASS", "db_pass", "PGPASSWORD",
                                 "MYSQL_PASSWD", "MY_API_KEY", "APIKEY", "AWS_SECRET_ACCESS_KEY",
                                 "AUTH_HEADER", "BASIC_AUTH", "DOCKER_CREDENTIALS", "NPM_TOKENS",
                                 "SIGNING_KEY", "GPG_PASSPHRASE"})
            QTest::newRow(name) << QString::fromLatin1(name) << true;
        for (const char *name : {"PATH", "HOME", "KEYBOARD_LAYOUT", "MONKEY", "AUTHOR",
                                 "PASSENGER_COUNT", "BYPASS_CACHE", "SSH_AUTH_SOCK",
                                 "GIT_ASKPASS", "PASSWORD_FILE", "KEY_DIR"})
            QTest::newRow(name) << QString::fromLatin1(name) << false;
    }
    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(Redactor::isSecretName(name), secret);
    }

    void environmentSecrets()
    {
        QProcessEnvironment env;
        env.insert("DB_PASS", "db-pass-value-1");
        env.insert("MY_API_KEY", "api-key-value-2");
        env.insert("AUTH_HEADER", "auth-header-value-3");
        env.insert("SHORT_TOKEN", "short"); // under 8 characters: would destroy output
        env.insert("EDITOR", "vim-editor-value");
        const Redactor redactor = Redactor::forEnvironment(env);
        QCOMPARE(redactor.secretCount(), 3);
        const QStringList argv{"deploy", "--password=db-pass-value-1",
                               "https://h/x?token=api-key-value-2", "short", "vim-editor-value"};
        QCOMPARE(redactor.redact(argv),
                 (QStringList{"deploy", "--password=[REDACTED]", "https://h/x?token=[REDACTED]",
                              "short", "vim-editor-value"}));
    }

    void invalidUtf8BytesPassThrough()
    {
        Redactor redactor;
        QVERIFY(redactor.addSecret("topsecret"));
        const QByteArray input("\xff\xfe binary topsecret \x80\n", 22);
        const QByteArray expected("\xff\xfe binary [REDACTED] \x80\n", 23);
        QCOMPARE(redactor.redact(input), expected);
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
