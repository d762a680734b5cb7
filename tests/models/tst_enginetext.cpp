// SPDX-License-Identifier: GPL-3.0-or-later
// EngineText in an English UI: the engine's phrases read exactly as the engine wrote them, so
// the English UI, the CLI and the reports say the same.
#include "enginetext.h"
#include "testconfig.h"
#include "translationloader.h"

#include <QLocale>
#include <QtTest>

using namespace Promotion;

class TestEngineText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        // As the app starts in English: the English file, for its plural forms.
        QVERIFY(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("en"),
                                            QStringLiteral(QM_DIR)));
    }

    void englishAsWritten_data()
    {
        QTest::addColumn<QString>("english");
        for (const char *text :
             {"Component directory exists",
              "Target is the next stage",
              "No errors in logs",
              "Metrics within normal range",
              "6 log lines, no errors",
              "7 samples, no trigger fired",
              "7 samples, no trigger fired; latency NOT evaluated (no baseline before the deploy)",
              "no tests ran",
              "49 of 49 passed",
              "47 of 49 passed, 2 skipped",
              "1 finding",
              "3 findings",
              "0 findings",
              "1 file",
              "12 files",
              "exit code 2",
              "last drill 3.5 days ago",
              "≥ 100 % passing",
              "≤ 0 findings",
              "≥ 1 file(s) matching tests/integration/**/test_*.py",
              "< 30 days",
              "≥ 70 %",
              "83.4 %",
              "100.0 %",
              "agent_orchestration at development, version 0.4.0",
              "6 of 6 gates passed",
              "all 7 criteria met",
              "deployed billing 1.5 to staging",
              "dry run: 1 effect(s) recorded as \"would do\"",
              "dry run: validation would run after the deploy",
              "smoke tests, health checks and 900 s window passed",
              "no endpoints configured",
              "All tests passing (100%): 49 of 49 passed (threshold ≥ 100 % passing)",
              "issue rendered (promotion_issue.md), 2 approval(s) recorded",
              "Linting clean (flake8)",
              "waiting for approvals on https://github.com/o/r/issues/7: QA approval missing; "
              "Tech lead approval missing",
              "QA approval missing (GitHub: HTTP 503)",
              "coverage.xml unreadable; run pytest first",
              "issue https://github.com/o/r/issues/7, 3 approval(s) recorded; 1 GitHub action(s) "
              "pending: cannot reach GitHub",
              ""})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void englishAsWritten()
    {
        QFETCH(QString, english);
        // Where the engine writes "(s)", the UI says the plural it means.
        QString expected = english;
        if (english.startsWith(QLatin1String("dry run: 1 effect(s)")))
            expected = QStringLiteral("dry run: 1 effect recorded as \"would do\"");
        else if (english.endsWith(QLatin1String(", 2 approval(s) recorded")))
            expected.replace(QStringLiteral("approval(s)"), QStringLiteral("approvals"));
        else if (english.contains(QLatin1String("GitHub action(s)")))
            expected = QStringLiteral("issue https://github.com/o/r/issues/7, 3 approvals "
                                      "recorded; 1 GitHub action pending: cannot reach GitHub");
        QCOMPARE(EngineText::display(english), expected);
    }
};

QTEST_GUILESS_MAIN(TestEngineText)
#include "tst_enginetext.moc"
