// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace trust: a promotion.yaml this application has not run before is shown, with its
// commands, before anything runs; declining runs nothing; the answer is remembered by the
// policy's digest, and any edit asks again.
#include "faultsupport.h"
#include "mainwindow.h"
#include "policy/policytrust.h"
#include "promotionwizard.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;
using namespace FaultTest;

class TestPolicyTrust : public QObject
{
    Q_OBJECT

private:
    static bool appendToPolicy(const QString &root, const QByteArray &text)
    {
        QFile file(root + QStringLiteral("/promotion.yaml"));
        return file.open(QIODevice::Append) && file.write(text) == text.size();
    }
    static QMessageBox *trustBox(QWidget *window)
    {
        return window->findChild<QMessageBox *>(QStringLiteral("policyTrustBox"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void demoAsWrittenIsTrusted()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(PolicyTrust::isTrusted(demo.root()));
        MainWindow window;
        QVERIFY(window.openWorkspace(demo.root()));
        window.show();
        QCoreApplication::processEvents();
        QVERIFY(!trustBox(&window));
    }

    void changedPolicyAsksAndDecliningRunsNothing()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        // Someone changed the lint command in the workspace's policy.
        QVERIFY(appendToPolicy(demo.root(), "\n# changed after the copy was made\n"));
        QVERIFY(!PolicyTrust::isTrusted(demo.root()));

        MainWindow window;
        QVERIFY(window.openWorkspace(demo.root()));
        window.show();
        QTRY_VERIFY(trustBox(&window));
        QMessageBox *box = trustBox(&window);
        // The question shows the commands the policy would run.
        QVERIFY2(box->detailedText().contains(QStringLiteral("deploy.apply: kubectl apply")),
                 qPrintable(box->detailedText()));
        QVERIFY(box->detailedText().contains(QStringLiteral("gates.")));
        box->findChild<QPushButton *>(QStringLiteral("declinePolicyButton"))->click();
        QTRY_VERIFY(!trustBox(&window));

        // Declined: a promotion asks again instead of opening, and nothing ran.
        window.startPromotion(QStringLiteral("agent_orchestration"));
        QTRY_VERIFY(trustBox(&window));
        QVERIFY(!window.findChild<PromotionWizard *>());
        trustBox(&window)->findChild<QPushButton *>(QStringLiteral("declinePolicyButton"))->click();
        QTRY_VERIFY(!trustBox(&window));
        QVERIFY(!window.findChild<PromotionWizard *>());
        QVERIFY(!QFileInfo::exists(demo.runsDir()) || QDir(demo.runsDir()).isEmpty());
        QVERIFY(!PolicyTrust::isTrusted(demo.root()));
    }

    void trustIsRememberedByDigest()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(appendToPolicy(demo.root(), "\n# reviewed change\n"));
        {
            MainWindow window;
            QVERIFY(window.openWorkspace(demo.root()));
            window.show();
            QTRY_VERIFY(trustBox(&window));
            trustBox(&window)
                ->findChild<QPushButton *>(QStringLiteral("trustPolicyButton"))
                ->click();
            QTRY_VERIFY(!trustBox(&window));
        }
        QVERIFY(PolicyTrust::isTrusted(demo.root()));
        {
            // The same bytes: no question.
            MainWindow window;
            QVERIFY(window.openWorkspace(demo.root()));
            window.show();
            QCoreApplication::processEvents();
            QVERIFY(!trustBox(&window));
        }
        // Any further edit asks again.
        QVERIFY(appendToPolicy(demo.root(), "\n# another change\n"));
        QVERIFY(!PolicyTrust::isTrusted(demo.root()));
    }
};

QTEST_MAIN(TestPolicyTrust)
#include "tst_policytrust.moc"
