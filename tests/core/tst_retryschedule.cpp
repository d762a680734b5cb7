// SPDX-License-Identifier: GPL-3.0-or-later
// Exponential backoff with jitter, transient classification, and the policy keys
// (retry.stages, retry.transient, deploy.rollback_on_failure) with their defaults.
#include "policy/policyloader.h"
#include "policy/retryschedule.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestRetrySchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delays_data()
    {
        QTest::addColumn<double>("base");
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("max");
        QTest::addColumn<QList<qint64>>("expected");
        // TTA's three stages, without jitter.
        QTest::addRow("testing") << 1.0 << 2.0 << 10.0
                                 << QList<qint64>{1000, 2000, 4000, 8000, 10000};
        QTest::addRow("staging") << 2.0 << 2.0 << 30.0
                                 << QList<qint64>{2000, 4000, 8000, 16000, 30000};
        QTest::addRow("production")
            << 5.0 << 1.5 << 60.0 << QList<qint64>{5000, 7500, 11250, 16875, 25313};
        QTest::addRow("fast test")
            << 0.3 << 2.0 << 300.0 << QList<qint64>{300, 600, 1200, 2400, 4800};
    }
    void delays()
    {
        QFETCH(double, base);
        QFETCH(double, factor);
        QFETCH(double, max);
        QFETCH(QList<qint64>, expected);
        RetrySettings s{5, base, factor, max, false};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(RetrySchedule::delayMs(s, i + 1, 0.5), expected.at(i));
        QCOMPARE(RetrySchedule::delayMs(s, 0, 0.5), 0);
    }

    void jitterStaysInHalfToFull()
    {
        RetrySettings s{5, 2.0, 2.0, 30.0, true};
        QCOMPARE(RetrySchedule::delayMs(s, 1, 0.0), 1000);
        QCOMPARE(RetrySchedule::delayMs(s, 1, 1.0), 2000);
        QCOMPARE(RetrySchedule::delayMs(s, 5, 0.0), 15000);
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 d = RetrySchedule::delayMs(s, 2);
            QVERIFY2(d >= 2000 && d <= 4000, qPrintable(QString::number(d)));
            seen.insert(d);
        }
        QVERIFY2(seen.size() > 10, "jitter draws the same wait every time");
    }

    void hugeFactorIsCapped()
    {
        RetrySettings s{100, 1.0, 100.0, 60.0, false};
        QCOMPARE(RetrySchedule::delayMs(s, 100, 0), 60000);
    }

    void transient_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stderrText");
        QTest::addColumn<QString>("expected");
        QTest::addRow("refused")
            << 1
            << QByteArray("The connection to the server 10.0.0.1:6443 was refused - did you "
                          "specify the right host or port?\n")
            << QStringLiteral("The connection to the server 10.0.0.1:6443 was refused - did you "
                              "specify the right host or port?");
        QTest::addRow("i/o timeout")
            << 1
            << QByteArray("Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout\n")
            << QStringLiteral(
                   "Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout");
        QTest::addRow("tls")
            << 1
            << QByteArray("x\nUnable to connect to the server: net/http: TLS handshake timeout\n")
            << QStringLiteral("Unable to connect to the server: net/http: TLS handshake timeout");
        QTest::addRow("unavailable")
            << 1
            << QByteArray("Error from server (ServiceUnavailable): the server is currently unable "
                          "to handle the request (get deployments.apps x)")
            << QStringLiteral("Error from server (ServiceUnavailable): the server is currently "
                              "unable to handle the request (get deployments.apps x)");
        QTest::addRow("webhook is not") << 1
                                        << QByteArray("Error from server (InternalError): failed "
                                                      "calling webhook: context deadline exceeded")
                                        << QString();
        QTest::addRow("progress deadline is not")
            << 1 << QByteArray("error: deployment \"x\" exceeded its progress deadline")
            << QString();
        QTest::addRow("success is not") << 0 << QByteArray("i/o timeout") << QString();
        QTest::addRow("listed exit code")
            << 75 << QByteArray("busy") << QStringLiteral("exit code 75");
    }
    void transient()
    {
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stderrText);
        QFETCH(QString, expected);
        const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(m_empty.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        TransientPolicy t = loaded.policy->retry.transient;
        t.exitCodes.append(75);
        ProcessResult r;
        r.exitCode = exitCode;
        r.stderrData = stderrText;
        QCOMPARE(RetrySchedule::transientReason(t, r), expected);
    }

    void cancelledOrTimedOutIsNotTransient()
    {
        TransientPolicy t;
        t.outputPatterns = {QStringLiteral("refused")};
        ProcessResult r;
        r.exitCode = 1;
        r.stderrData = "refused";
        QVERIFY(!RetrySchedule::transientReason(t, r).isEmpty());
        r.cancelled = true;
        QVERIFY(RetrySchedule::transientReason(t, r).isEmpty());
        r.cancelled = false;
        r.timedOut = true;
        QVERIFY(RetrySchedule::transientReason(t, r).isEmpty());
    }

    void http()
    {
        TransientPolicy t;
        t.httpStatus = {502, 503};
        QVERIFY(RetrySchedule::isTransientHttp(t, 0, true));
        QVERIFY(RetrySchedule::isTransientHttp(t, 503, false));
        QVERIFY(!RetrySchedule::isTransientHttp(t, 404, false));
        QVERIFY(!RetrySchedule::isTransientHttp(t, 500, false));
    }

    void lastLines()
    {
        QCOMPARE(RetrySchedule::lastLines("a\nb\r\n\n  \nc\nd\n", 3), QStringLiteral("b\nc\nd"));
        QCOMPARE(RetrySchedule::lastLines("", 3), QString());
    }

    void policyDefaults()
    {
        const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(m_empty.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        const Policy &p = *loaded.policy;
        QVERIFY(p.deploy.rollbackOnFailure);
        const RetrySettings staging = p.retry.forStage(QStringLiteral("staging"));
        QCOMPARE(staging.retries, 5);
        QCOMPARE(staging.baseDelaySeconds, 2.0);
        QCOMPARE(staging.factor, 2.0);
        QCOMPARE(staging.maxDelaySeconds, 30.0);
        QVERIFY(staging.jitter);
        const RetrySettings production = p.retry.forStage(QStringLiteral("production"));
        QCOMPARE(production.retries, 3);
        QCOMPARE(production.baseDelaySeconds, 5.0);
        QCOMPARE(production.factor, 1.5);
        QCOMPARE(production.maxDelaySeconds, 60.0);
        const RetrySettings testing = p.retry.forStage(QStringLiteral("testing"));
        QCOMPARE(testing.retries, 3);
        QCOMPARE(testing.maxDelaySeconds, 10.0);
        QCOMPARE(p.retry.forStage(QStringLiteral("nowhere")).retries, 0);
        QVERIFY(p.retry.transient.httpStatus.contains(503));
    }

    void policyOverridesMerge()
    {
        QTemporaryDir dir;
        writePolicy(dir,
                    "version: 1\nretry:\n  stages:\n    staging: {retries: 2, base_delay: 0.1}\n"
                    "  transient:\n    exit_codes: [75]\ndeploy:\n  rollback_on_failure: false\n");
        const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        const RetrySettings s = loaded.policy->retry.forStage(QStringLiteral("staging"));
        QCOMPARE(s.retries, 2);
        QCOMPARE(s.baseDelaySeconds, 0.1);
        QCOMPARE(s.maxDelaySeconds, 30.0); // kept from the default
        QCOMPARE(loaded.policy->retry.transient.exitCodes, QList<int>{75});
        QVERIFY(!loaded.policy->retry.transient.outputPatterns.isEmpty());
        QVERIFY(!loaded.policy->deploy.rollbackOnFailure);
    }

    void policyErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown key")
            << QByteArray("version: 1\nretry:\n  stages:\n    staging: {retrys: 2}\n")
            << QStringLiteral("promotion.yaml:4:");
        QTest::addRow("bad regex")
            << QByteArray("version: 1\nretry:\n  transient:\n    output_patterns: ['(unclosed']\n")
            << QStringLiteral("not a valid regular expression");
        QTest::addRow("factor below one")
            << QByteArray("version: 1\nretry:\n  stages:\n    staging: {factor: 0.5}\n")
            << QStringLiteral("retry.stages.staging.factor");
        QTest::addRow("rollback_on_failure")
            << QByteArray("version: 1\ndeploy:\n  rollback_on_failure: maybe\n")
            << QStringLiteral("must be true or false");
    }
    void policyErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        writePolicy(dir, yaml);
        const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(dir.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(expected), qPrintable(loaded.errorString()));
    }

private:
    static void writePolicy(const QTemporaryDir &dir, const QByteArray &yaml)
    {
        QFile f(dir.filePath(QStringLiteral("promotion.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
    }

    QTemporaryDir m_empty;
};

QTEST_GUILESS_MAIN(TestRetrySchedule)
#include "tst_retryschedule.moc"
