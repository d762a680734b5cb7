// SPDX-License-Identifier: GPL-3.0-or-later
// Skipping the quality gates: forbidden for production by default (the message
// names the key that allows it), a reason is a sentence, a second person approves.
#include "policy/policyloader.h"
#include "policy/qualitygateskip.h"
#include "workflow/runcontext.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestQualityGateSkip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPolicy()
    {
        const PolicyLoadResult loaded = PolicyLoader::loadDefault();
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded.policy->allowSkipQualityGates,
                 (QStringList{QStringLiteral("development"), QStringLiteral("staging")}));
        QCOMPARE(loaded.policy->skipApprovalRole, QStringLiteral("tech_lead"));
    }

    // Through RunContext::open, where every request (headless or resumed) is checked.
    void requests_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("approver");
        QTest::addColumn<QString>("expected"); // empty: accepted

        const QString sentence = QStringLiteral("hotfix for the login outage, gates rerun tonight");
        QTest::newRow("production refused by default")
            << "production" << sentence << "Ada <ada@example.org>"
            << "options.allow_skip_quality_gates";
        QTest::newRow("one-letter reason") << "staging"
                                           << "x"
                                           << "Ada <ada@example.org>"
                                           << "at least 20 characters and 4 words";
        QTest::newRow("long single word") << "staging"
                                          << "emergencyemergencyemergency"
                                          << "Ada <ada@example.org>"
                                          << "at least 20 characters and 4 words";
        QTest::newRow("short sentence") << "staging"
                                        << "fix it now ok"
                                        << "Ada <ada@example.org>"
                                        << "at least 20 characters and 4 words";
        QTest::newRow("no approval") << "staging" << sentence << ""
                                     << "options.skip_approval_role";
        QTest::newRow("promoter approves own skip")
            << "staging" << sentence << "Pat Promoter <pat@example.org>"
            << "must come from someone else";
        QTest::newRow("accepted") << "staging" << sentence << "Ada <ada@example.org>" << "";
    }

    void requests()
    {
        QFETCH(QString, to);
        QFETCH(QString, reason);
        QFETCH(QString, approver);
        QFETCH(QString, expected);
        QTemporaryDir ws;
        QVERIFY(ws.isValid());
        PromotionRequest request;
        request.workspace = ws.path();
        request.component = QStringLiteral("billing");
        request.from = to == QLatin1String("production") ? QStringLiteral("staging")
                                                         : QStringLiteral("development");
        request.to = to;
        request.skipQualityGates = true;
        request.skipReason = reason;
        request.promoter = QStringLiteral("Pat Promoter <pat@example.org>");
        if (!approver.isEmpty())
            request.approvals.insert(QStringLiteral("tech_lead"), approver);
        RunContext context;
        QString error;
        const bool opened = context.open(request, &error);
        if (expected.isEmpty()) {
            QVERIFY2(opened, qPrintable(error));
            return;
        }
        QVERIFY(!opened);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("--skip-quality-gates: ")), qPrintable(error));
    }

    void policyCanAllowProductionWithoutApproval()
    {
        const PolicyLoadResult loaded = PolicyLoader::loadFromString(
            "version: 1\noptions:\n  allow_skip_quality_gates: [production]\n"
            "  skip_approval_role: \"\"\n",
            QStringLiteral("promotion.yaml"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(QualityGateSkip::problem(*loaded.policy, QStringLiteral("production"),
                                          QStringLiteral("drill of the rollback path, agreed"),
                                          QString(), QStringLiteral("pat")),
                 QString());
        QVERIFY(!QualityGateSkip::stageProblem(*loaded.policy, QStringLiteral("staging")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQualityGateSkip)
#include "tst_qualitygateskip.moc"
