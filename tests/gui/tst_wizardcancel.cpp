// SPDX-License-Identifier: GPL-3.0-or-later
// Cancel on page 2 stops a running tool and everything it spawned within 2 s.
#include "demo/demoworkspace.h"
#include "promotionwizard.h"
#include "testsettings.h"
#include "workflow/promotionengine.h"

#include <cerrno>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>

using namespace Promotion;

namespace {
bool processGone(qint64 pid)
{
    // A zombie still answers kill(0); its state in /proc says it is dead.
    if (::kill(pid_t(pid), 0) != 0)
        return errno == ESRCH;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) == "Z";
}
} // namespace

class TestWizardCancel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(TestSettings::isolate(m_settings, QStringLiteral("Ann Lead <ann@example.org>")));
    }

    void cancelKillsToolAndGrandchild()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("demo"));
        const QString error = DemoWorkspace::extractTo(root);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The test gate becomes a tool that starts a grandchild and waits on it forever.
        QFile policy(root + QStringLiteral("/promotion.yaml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QByteArray yaml = policy.readAll();
        policy.close();
        const QByteArray hook = "\ngates:\n";
        QVERIFY(yaml.contains(hook));
        yaml.replace(hook, QByteArray(hook + "  tests:\n    command: [sh, -c, \"sleep 300 & echo "
                                             "$! > {artifacts}/grandchild.pid; "
                                             "echo started; wait\"]\n"));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml);
        policy.close();

        PromotionWizard wizard(root);
        wizard.setComponent(QStringLiteral("agent_orchestration"));
        wizard.resize(1400, 900);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::mouseClick(wizard.findChild<QCheckBox *>(QStringLiteral("dryRunCheck")),
                          Qt::LeftButton);
        QTest::mouseClick(wizard.findChild<QPushButton *>(QStringLiteral("wizardNextButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), 1, 10000);

        PromotionEngine *engine = wizard.engine();
        QTest::mouseClick(wizard.findChild<QPushButton *>(QStringLiteral("runGatesButton")),
                          Qt::LeftButton);
        const QString pidFile = engine->artifactsDir() + QStringLiteral("/grandchild.pid");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 30000);
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 grandchild = f.readAll().trimmed().toLongLong();
        QVERIFY(grandchild > 0);
        QVERIFY(!processGone(grandchild));

        auto *cancel = wizard.findChild<QPushButton *>(QStringLiteral("cancelGatesButton"));
        QVERIFY(cancel->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), 2000);
        QVERIFY2(clock.elapsed() <= 2000, qPrintable(QString::number(clock.elapsed())));
        // The step is not failed: it can be run again, and the gate says it was cancelled.
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isBusy(), 5000);
        QCOMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Pending);
        QCOMPARE(engine->state().gate(QStringLiteral("tests"))->status, GateStatus::Cancelled);
        QVERIFY(wizard.findChild<QPushButton *>(QStringLiteral("runGatesButton"))->isEnabled() ||
                wizard.findChild<QPushButton *>(QStringLiteral("retryGatesButton"))->isEnabled());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWizardCancel)
#include "tst_wizardcancel.moc"
