// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/toolversionprobe.h"
#include "testconfig.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

class TestToolVersionProbe : public QObject
{
    Q_OBJECT

private:
    static QString helper() { return QStringLiteral(TEST_HELPERS_DIR "/promotion-test-helper"); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void firstLine_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("expected");
        QTest::newRow("simple") << QByteArray("pytest 7.2.1\n") << "pytest 7.2.1";
        QTest::newRow("leading blank lines")
            << QByteArray("\n\n  mypy 1.0.1 (compiled: yes)  \nx") << "mypy 1.0.1 (compiled: yes)";
        QTest::newRow("crlf") << QByteArray("\r\nflake8 6.0.0\r\n") << "flake8 6.0.0";
        QTest::newRow("no newline") << QByteArray("kubectl v1.29") << "kubectl v1.29";
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("only whitespace") << QByteArray(" \n\t\n") << QString();
    }
    void firstLine()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, expected);
        QCOMPARE(ToolVersionProbe::firstLine(output), expected);
    }

    void probesConcurrently()
    {
        ToolVersionProbe probe;
        QSignalSpy spy(&probe, &ToolVersionProbe::probed);
        const auto env = QProcessEnvironment::systemEnvironment();
        probe.probe(helper(), env, QString(), {"version", "helper 1.2.3"});
        probe.probe(helper(), env, QString(), {"stderr", "on stderr 4.5"});
        QProcessEnvironment noPath;
        noPath.insert("PATH", "/nonexistent");
        probe.probe("no-such-linter", noPath, QString(), {"--version"}, "gates.lint.command");
        QCOMPARE(probe.pending(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 3, 10000);
        QCOMPARE(probe.pending(), 0);

        QStringList versions;
        for (const auto &args : spy) {
            if (args.at(0).toString() == "no-such-linter") {
                QVERIFY(args.at(1).toString().isEmpty());
                const QString error = args.at(2).toString();
                QVERIFY2(error.contains("no-such-linter was not found on PATH (/nonexistent)") &&
                             error.contains("gates.lint.command"),
                         qPrintable(error));
            } else {
                QCOMPARE(args.at(0).toString(), helper());
                QVERIFY(args.at(2).toString().isEmpty());
                versions << args.at(1).toString();
            }
        }
        versions.sort();
        QCOMPARE(versions, (QStringList{"helper 1.2.3", "on stderr 4.5"}));
    }

    void noVersionPrinted()
    {
        ToolVersionProbe probe;
        QSignalSpy spy(&probe, &ToolVersionProbe::probed);
        probe.probe(helper(), QProcessEnvironment::systemEnvironment(), QString(), {"exit", "1"});
        QVERIFY(spy.wait(10000));
        QVERIFY(spy.constFirst().at(1).toString().isEmpty());
        QVERIFY2(spy.constFirst().at(2).toString().contains("printed no version"),
                 qPrintable(spy.constFirst().at(2).toString()));
    }
};

QTEST_GUILESS_MAIN(TestToolVersionProbe)
#include "tst_toolversionprobe.moc"
