// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real executable, as a user or a CI pipeline would.
#include "testconfig.h"

#include <QProcess>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(APP_BINARY), args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void helpListsSubcommandsAndOptions()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *needle :
             {"promote", "history", "verify", "--workspace", "--component", "--to", "--from",
              "--spec", "--dry-run", "--skip-quality-gates", "--approve", "--accept-criteria",
              "--report", "--json", "--demo", "--stats", "--backtest", "--export", "--out",
              "hash chain", "Exit codes"})
            QVERIFY2(r.out.contains(QLatin1String(needle)), needle);
    }

    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("promotion-console ")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option") << QStringList{"--bogus"} << "bogus";
        QTest::newRow("promote unknown option")
            << QStringList{"promote", "--frobnicate"} << "frobnicate";
        QTest::newRow("promote missing workspace")
            << QStringList{"promote", "--component", "a", "--to", "staging"} << "--workspace";
        QTest::newRow("promote missing to")
            << QStringList{"promote", "--workspace", "/tmp", "--component", "a"} << "--to";
        QTest::newRow("bad approve")
            << QStringList{"promote", "--workspace", "/tmp",      "--component", "a",
                           "--to",    "staging",     "--approve", "qa"}
            << "ROLE=NAME";
        QTest::newRow("history missing workspace") << QStringList{"history"} << "--workspace";
        QTest::newRow("verify extra arg")
            << QStringList{"verify", "--workspace", "/tmp", "extra"} << "extra";
        QTest::newRow("missing value") << QStringList{"promote", "--workspace"} << "workspace";
        QTest::newRow("history extra arg")
            << QStringList{"history", "--workspace", "/tmp", "extra"} << "extra";
        QTest::newRow("export bad format")
            << QStringList{"history", "--workspace", "/tmp", "--export", "docx", "--out", "x", "r.json"}
            << "md, html or pdf";
        QTest::newRow("export without out")
            << QStringList{"history", "--workspace", "/tmp", "--export", "html", "r.json"} << "--out";
        QTest::newRow("export three reports")
            << QStringList{"history", "--workspace", "/tmp", "--export", "md", "--out", "x", "a", "b", "c"}
            << "two to compare";
        QTest::newRow("stats bad date")
            << QStringList{"history", "--workspace", "/tmp", "--stats", "--since", "May"} << "not a date";
        QTest::newRow("stats and backtest")
            << QStringList{"history", "--workspace", "/tmp", "--stats", "--backtest", "p.yaml"}
            << "one of";
        QTest::newRow("backtest bad last")
            << QStringList{"history", "--workspace", "/tmp", "--backtest", "p.yaml", "--last", "0"}
            << "--last";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
