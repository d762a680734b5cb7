// SPDX-License-Identifier: GPL-3.0-or-later
// A policy path that leads outside the workspace (absolute, '..', a symlink) is
// refused: the file it names is neither deleted nor read, and a run does not start.
#include "gates/gatecontext.h"
#include "gates/gatescheduler.h"
#include "policy/policypaths.h"
#include "workflow/runcontext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {

// The number would show up as a measurement if the file were parsed. With its dot it cannot
// occur in a result's timestamps ("…T05:32:42.556Z" once matched a plainer "42.5"), ids or
// digests.
const QByteArray kVictim = "victim-first-line 8675.309\nsecond line\n";

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

GateDefinition commandGate(const QString &id, const QString &resultFile)
{
    GateDefinition g;
    g.id = id;
    g.title = id;
    g.kind = GateDefinition::Kind::Command;
    // Writes a marker: the test sees whether the tool ran at all.
    g.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                 QStringLiteral("echo ran > ran-%1.txt").arg(id)};
    g.format = QStringLiteral("junit");
    g.resultFile = resultFile;
    g.timeoutSeconds = 30;
    g.policyKey = QStringLiteral("gates.%1.command").arg(id);
    return g;
}

} // namespace

class TestPolicyPaths final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void outsideIsNeitherDeletedNorRead_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("absolute") << "absolute";
        QTest::newRow("dot-dot") << "dotdot";
        QTest::newRow("symlink") << "symlink";
    }

    void outsideIsNeitherDeletedNorRead()
    {
        QFETCH(QString, how);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString ws = tmp.filePath(QStringLiteral("a/ws"));
        const QString artifacts = ws + QStringLiteral("/.promotion/runs/r/artifacts");
        QVERIFY(QDir().mkpath(artifacts));
        const QString victim = tmp.filePath(QStringLiteral("victim.txt"));
        QVERIFY(writeFile(victim, kVictim));

        QString path;
        if (how == QLatin1String("absolute")) {
            path = victim;
        } else if (how == QLatin1String("dotdot")) {
            path = QStringLiteral("../../victim.txt");
        } else {
            QVERIFY(QFile::link(victim, ws + QStringLiteral("/link.txt")));
            path = QStringLiteral("link.txt");
        }
        QVERIFY(!PolicyPaths::isConfined(path, ws, artifacts));

        // A command gate (result_file deleted before, read after), a derived gate reading
        // the same file, a file data source and a files_exist glob.
        GateDefinition tests = commandGate(QStringLiteral("tests"), path);
        GateDefinition derived;
        derived.id = QStringLiteral("coverage");
        derived.kind = GateDefinition::Kind::Derived;
        derived.after = QStringLiteral("ok");
        derived.format = QStringLiteral("diagnostics-text");
        derived.resultFile = path;
        GateDefinition ok = commandGate(QStringLiteral("ok"), QString());
        ok.format = QStringLiteral("exit-code");
        ok.threshold = 0;
        GateDefinition file;
        file.id = QStringLiteral("uptime");
        file.kind = GateDefinition::Kind::Metric;
        file.source.type = DataSource::Type::File;
        file.source.path = path;
        file.source.min = 0;
        GateDefinition exists;
        exists.id = QStringLiteral("exists");
        exists.kind = GateDefinition::Kind::FilesExist;
        exists.paths = {how == QLatin1String("symlink") ? QStringLiteral("link.txt/*")
                                                        : QString(QFileInfo(path).path() + "/*.txt")};

        GateContext context;
        context.workspace = ws;
        context.component = QStringLiteral("billing");
        context.artifactsDir = artifacts;
        context.environment = QProcessEnvironment::systemEnvironment();
        context.variables = {{QStringLiteral("workspace"), ws},
                             {QStringLiteral("artifacts"), artifacts}};
        GateScheduler scheduler;
        QSignalSpy finished(&scheduler, &GateScheduler::finished);
        QList<GateResult> results;
        connect(&scheduler, &GateScheduler::gateFinished, this,
                [&](const GateResult &r) { results.append(r); });
        scheduler.start({tests, ok, derived, file, exists}, context);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);

        QCOMPARE(readFile(victim), kVictim); // not deleted, not changed
        QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/ran-tests.txt"))); // tool not run
        QVERIFY(QFileInfo::exists(ws + QStringLiteral("/ran-ok.txt")));     // the control ran
        QCOMPARE(results.size(), 5);
        for (const GateResult &r : std::as_const(results)) {
            if (r.id == QLatin1String("ok"))
                continue;
            const QByteArray all = QJsonDocument(r.toJson()).toJson();
            QVERIFY2(!all.contains("victim-first-line") && !all.contains("8675.3"),
                     all.constData());
            QVERIFY2(r.status == GateStatus::Error, qPrintable(QString(r.id + u' ' + r.message)));
            QVERIFY2(r.message.contains(QLatin1String("outside the workspace")),
                     qPrintable(r.message));
        }
    }

    // Before anything runs: RunContext::open refuses with the policy file, line and key.
    void runDoesNotStart_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("symlink") << "symlink";
        QTest::newRow("env placeholder") << "env";
    }

    void runDoesNotStart()
    {
        QFETCH(QString, how);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString ws = tmp.filePath(QStringLiteral("ws"));
        QVERIFY(QDir().mkpath(ws));
        const QString victim = tmp.filePath(QStringLiteral("victim.txt"));
        QVERIFY(writeFile(victim, kVictim));
        QVERIFY(QFile::link(tmp.path(), ws + QStringLiteral("/out")));
        qputenv("POLICYPATHS_TEST_VICTIM", victim.toUtf8());
        const QByteArray resultFile =
            how == QLatin1String("symlink") ? "out/victim.txt" : "{env:POLICYPATHS_TEST_VICTIM}";
        QVERIFY(writeFile(ws + QStringLiteral("/promotion.yaml"),
                          "version: 1\n"
                          "gates:\n"
                          "  tests:\n"
                          "    result_file: \"" + resultFile + "\"\n"));
        PromotionRequest request;
        request.workspace = ws;
        request.component = QStringLiteral("billing");
        request.from = QStringLiteral("development");
        request.to = QStringLiteral("staging");
        RunContext context;
        QString error;
        QVERIFY(!context.open(request, &error));
        QVERIFY2(error.contains(QLatin1String("promotion.yaml:4:")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("gates.tests.result_file")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("outside the workspace")), qPrintable(error));
        QCOMPARE(readFile(victim), kVictim);
        QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/.promotion/runs")) ||
                QDir(ws + QStringLiteral("/.promotion/runs")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPolicyPaths)
#include "tst_policypaths.moc"
