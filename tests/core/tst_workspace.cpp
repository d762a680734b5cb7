// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demoworkspace.h"
#include "testconfig.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readAssignment_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("found");
        QTest::newRow("double quotes") << "__maturity__ = \"staging\"\n"
                                       << "staging" << true;
        QTest::newRow("single quotes") << "x = 1\n__maturity__='production'\n"
                                       << "production" << true;
        QTest::newRow("annotated") << "__maturity__: str = \"development\""
                                   << "development" << true;
        QTest::newRow("indented is not top level") << "  __maturity__ = \"staging\""
                                                   << "" << false;
        QTest::newRow("mismatched quotes") << "__maturity__ = \"staging'"
                                           << "" << false;
        QTest::newRow("absent") << "__version__ = \"1.0\""
                                << "" << false;
        QTest::newRow("prefix name") << "x__maturity__ = \"a\""
                                     << "" << false;
    }
    void readAssignment()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QFETCH(bool, found);
        const auto value = Workspace::readAssignment(source, QStringLiteral("__maturity__"));
        QCOMPARE(value.has_value(), found);
        if (found)
            QCOMPARE(*value, expected);
    }

    void componentNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "agent_orchestration" << true;
        QTest::newRow("leading underscore") << "_x1" << true;
        QTest::newRow("digit first") << "1abc" << false;
        QTest::newRow("dash") << "a-b" << false;
        QTest::newRow("traversal") << "../etc" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("slash") << "a/b" << false;
    }
    void componentNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Workspace::isValidComponentName(name), valid);
    }

    void containment()
    {
        const Workspace ws(QStringLiteral("/tmp/ws"));
        QVERIFY(ws.contains(QStringLiteral("src/a")));
        QVERIFY(ws.contains(QStringLiteral("/tmp/ws/specs/a.md")));
        QVERIFY(!ws.contains(QStringLiteral("../ws2/x")));
        QVERIFY(!ws.contains(QStringLiteral("/tmp/wsx")));
        QVERIFY(ws.resolve(QStringLiteral("src/../../etc/passwd")).isEmpty());
        QCOMPARE(ws.resolve(QStringLiteral("src/./a")), QStringLiteral("/tmp/ws/src/a"));
    }

    void demoExtractsWithHistory()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("demo"));
        const QString error = DemoWorkspace::extractTo(dir);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const Workspace ws(dir);
        const QList<ComponentInfo> components = ws.components();
        QStringList names;
        for (const ComponentInfo &c : components) {
            names.append(c.name);
            QCOMPARE(c.stage, QStringLiteral("development"));
            QVERIFY2(c.hasTests && c.hasSpec, qPrintable(c.name));
            QVERIFY(c.problem.isEmpty());
        }
        QVERIFY(names.contains(QStringLiteral("agent_orchestration")));
        QVERIFY(names.contains(QStringLiteral("player_experience")));
        QVERIFY(QFile::exists(ws.policyPath()));
        // Every embedded file made it out, byte for byte.
        for (const QString &relative : DemoWorkspace::files()) {
            QFile embedded(QStringLiteral(":/demo/") + relative);
            QFile copied(QDir(dir).filePath(relative));
            QVERIFY(embedded.open(QIODevice::ReadOnly) && copied.open(QIODevice::ReadOnly));
            QByteArray expected = embedded.readAll();
            if (relative == QLatin1String("promotion.yaml")) {
                // The copy's own demo-service port replaces the default 18555.
                expected.replace("{env:PROMOTION_DEMO_PORT:18555}",
                                 QStringLiteral("{env:PROMOTION_DEMO_PORT:%1}")
                                     .arg(DemoWorkspace::port(dir))
                                     .toUtf8());
            }
            QCOMPARE(copied.readAll(), expected);
        }
        // Scripts keep their executable bit.
        const QString kubectl = QDir(dir).filePath(QStringLiteral("tools/bin/kubectl"));
        QVERIFY(QFileInfo(kubectl).isExecutable());

        if (!QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty()) {
            QProcess git;
            git.setWorkingDirectory(dir);
            git.start(QStringLiteral("git"),
                      {QStringLiteral("status"), QStringLiteral("--porcelain")});
            QVERIFY(git.waitForFinished());
            QCOMPARE(git.exitCode(), 0);
            QCOMPARE(git.readAllStandardOutput(), QByteArray()); // all committed, nothing left over
        }
        // A second extraction into a non-empty dir is refused rather than mixing files.
        QVERIFY(!DemoWorkspace::extractTo(dir).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
