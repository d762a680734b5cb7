// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection end to end: signals and SIGKILL in every step, failing
// kubectl subcommands, a failing rollback, no baseline, an unwritable report
// folder, run ids and components that lead outside the workspace, and a file
// edited between the preview and the deploy. Each case is its own ctest entry
// (tst_faults <slot>[:<data tag>]), on its own demo copy and service port.
#include "promotetestsupport.h"
#include "workflow/promotionengine.h"

#include <algorithm>
#include <csignal>
#include <optional>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace PromoteTest;
using Promotion::PromotionEngine;
using Promotion::PromotionRequest;
using Promotion::StepId;
using Promotion::StepStatus;

namespace {

const QString kComponent = QStringLiteral("agent_orchestration");
const QString kInit = QStringLiteral("src/agent_orchestration/__init__.py");
const QString kReadme = QStringLiteral("src/agent_orchestration/README.md");

QStringList approvals()
{
    return {
        QStringLiteral("--accept-criteria"), QStringLiteral("all"),
        QStringLiteral("--approve"),         QStringLiteral("tech_lead=Ada Lead <ada@example.org>"),
        QStringLiteral("--approve"),         QStringLiteral("qa=Bob QA <bob@example.org>")};
}

QStringList agentToStaging(bool dryRun = false)
{
    QStringList args{QStringLiteral("--component"), kComponent,
                     QStringLiteral("--from"),      QStringLiteral("development"),
                     QStringLiteral("--to"),        QStringLiteral("staging")};
    if (dryRun)
        args.append(QStringLiteral("--dry-run"));
    return args + approvals();
}

/*! One line of the kubectl shim's argv log. */
struct KubectlCall
{
    QStringList argv;
    QString event; // "start" or "end"
    qint64 pid = 0;
    int exit = 0;
};

QList<KubectlCall> kubectlLog(const DemoCopy &demo)
{
    QList<KubectlCall> calls;
    QFile f(demo.path() + QStringLiteral("/.demo-cluster/kubectl-argv.log"));
    if (!f.open(QIODevice::ReadOnly))
        return calls;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        KubectlCall c;
        for (const QJsonValue &a : o.value(QStringLiteral("argv")).toArray())
            c.argv.append(a.toString());
        c.event = o.value(QStringLiteral("event")).toString();
        c.pid = o.value(QStringLiteral("pid")).toInteger();
        c.exit = o.value(QStringLiteral("exit")).toInt();
        calls.append(c);
    }
    return calls;
}

bool isApply(const KubectlCall &c)
{
    return c.argv.value(1) == QLatin1String("apply");
}
bool isUndo(const KubectlCall &c)
{
    return c.argv.value(1) == QLatin1String("rollout") && c.argv.value(2) == QLatin1String("undo");
}
bool isRolloutStatus(const KubectlCall &c)
{
    return c.argv.value(1) == QLatin1String("rollout") &&
           c.argv.value(2) == QLatin1String("status");
}
bool isGet(const KubectlCall &c)
{
    return c.argv.value(1) == QLatin1String("get");
}

qsizetype countCalls(const QList<KubectlCall> &log, bool (*kind)(const KubectlCall &),
                     const QString &event)
{
    return std::count_if(log.cbegin(), log.cend(),
                         [&](const KubectlCall &c) { return c.event == event && kind(c); });
}

/*! The argv log, one short line a call event, for failure messages. */
QByteArray logText(const DemoCopy &demo)
{
    QByteArray text("kubectl calls:");
    for (const KubectlCall &c : kubectlLog(demo)) {
        text += "\n  " + QByteArray::number(c.pid) + ' ' + c.event.toUtf8() + ' ' +
                c.argv.mid(1, 2).join(QLatin1Char(' ')).toUtf8();
        if (c.event == QLatin1String("end"))
            text += " -> " + QByteArray::number(c.exit);
    }
    return text;
}

/*! The committed bytes of \a relative in the demo copy's git history. */
QByteArray committed(const DemoCopy &demo, const QString &relative)
{
    QProcess git;
    git.setWorkingDirectory(demo.path());
    git.start(QStringLiteral("git"), {QStringLiteral("show"), QStringLiteral("HEAD:") + relative});
    git.waitForFinished(20000);
    return git.exitCode() == 0 ? git.readAllStandardOutput() : QByteArray();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/*! The journal (state.json) of the only run of the demo copy, empty when there is none. */
QString journalPath(const DemoCopy &demo)
{
    QDirIterator it(demo.path() + QStringLiteral("/.promotion/runs"),
                    {QStringLiteral("state.json")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QString reportFile(const DemoCopy &demo)
{
    QDirIterator it(demo.path() + QStringLiteral("/.promotion/reports"), {QStringLiteral("*.json")},
                    QDir::Files);
    return it.hasNext() ? it.next() : QString();
}

/*! "Outcome: <outcome> (exit N): ..." of \a out: {outcome, N}; {"", -1} when missing. */
std::pair<QString, int> outcomeLine(const QByteArray &out)
{
    static const QRegularExpression re(QStringLiteral("^Outcome: (\\S+) \\(exit (\\d+)\\):"),
                                       QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(out));
    return m.hasMatch() ? std::pair{m.captured(1), m.captured(2).toInt()}
                        : std::pair{QString(), -1};
}

QString assignment(const QByteArray &source, const char *name)
{
    const QRegularExpression re(QStringLiteral("^%1\\s*=\\s*\"([^\"]*)\"").arg(QLatin1String(name)),
                                QRegularExpression::MultilineOption);
    return re.match(QString::fromUtf8(source)).captured(1);
}

/*! "0.4.0" -> "0.4.1" (the copy's policy bumps the patch number). */
QString patchBumped(const QString &version)
{
    QStringList parts = version.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    parts[2] = QString::number(parts[2].toInt() + 1);
    return parts.join(QLatin1Char('.'));
}

/*! Makes every promotion of the copy bump the patch version, so a second bump shows. */
bool bumpPatchVersion(const DemoCopy &demo)
{
    QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
    if (!policy.open(QIODevice::Append))
        return false;
    const QByteArray text("\nmetadata:\n  version_bump: patch\n");
    return policy.write(text) == text.size();
}

/*!
 * After a promotion of agent_orchestration to staging: the files hold exactly what
 * the journal planned (each once), maturity is staging, and the version is the
 * committed one bumped once. Empty when so, else what differs.
 */
QString metadataPromotedOnce(const DemoCopy &demo)
{
    const QJsonObject journal = readJson(journalPath(demo));
    const QJsonArray files = journal.value(QStringLiteral("execution"))
                                 .toObject()
                                 .value(QStringLiteral("files"))
                                 .toArray();
    // __init__.py, README.md and the specification (its promotion date).
    if (files.size() != 3)
        return QStringLiteral("journal lists %1 metadata files, expected 3").arg(files.size());
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QString path = f.value(QStringLiteral("path")).toString();
        const QByteArray before =
            QByteArray::fromBase64(f.value(QStringLiteral("before_base64")).toString().toLatin1());
        const QByteArray after =
            QByteArray::fromBase64(f.value(QStringLiteral("after_base64")).toString().toLatin1());
        if (before != committed(demo, path))
            return QStringLiteral("%1: journaled original is not the committed file").arg(path);
        if (fileBytes(QDir(demo.path()).filePath(path)) != after)
            return QStringLiteral("%1 is not what the journal planned:\n%2")
                .arg(path, demo.readFile(path));
    }
    const QByteArray init = fileBytes(QDir(demo.path()).filePath(kInit));
    const QString original = assignment(committed(demo, kInit), "__version__");
    if (assignment(init, "__maturity__") != QLatin1String("staging"))
        return QStringLiteral("__maturity__ is %1").arg(assignment(init, "__maturity__"));
    if (original.isEmpty() || assignment(init, "__version__") != patchBumped(original))
        return QStringLiteral("__version__ %1, expected %2 (from %3, bumped once)")
            .arg(assignment(init, "__version__"), patchBumped(original), original);
    if (!demo.readFile(kReadme).contains(QLatin1String("**Status:** staging")))
        return QStringLiteral("README does not say staging");
    return {};
}

/*! Retries for promotions to staging in the copy's policy: fast, and exact without jitter. */
bool setRetry(const DemoCopy &demo, int retries, double baseDelay, bool jitter)
{
    QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
    if (!policy.open(QIODevice::Append))
        return false;
    const QByteArray text = QStringLiteral("\nretry:\n  stages:\n    staging: {retries: %1, "
                                           "base_delay: %2, factor: 2, max_delay: 300, "
                                           "jitter: %3}\n")
                                .arg(retries)
                                .arg(baseDelay)
                                .arg(jitter ? QStringLiteral("true") : QStringLiteral("false"))
                                .toUtf8();
    return policy.write(text) == text.size();
}

/*! Replace \a from by \a to in the copy's promotion.yaml (exactly once). */
bool editPolicy(const DemoCopy &demo, const QString &from, const QString &to)
{
    QString text = demo.readFile(QStringLiteral("promotion.yaml"));
    if (text.count(from) != 1)
        return false;
    text.replace(from, to);
    QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
    return policy.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           policy.write(text.toUtf8()) == text.toUtf8().size();
}

/*! deployment.attempts[] entry of \a action in \a report. */
QJsonObject commandAttempts(const QJsonObject &report, const QString &action)
{
    const QJsonArray all = report.value(QStringLiteral("deployment"))
                               .toObject()
                               .value(QStringLiteral("attempts"))
                               .toArray();
    for (const QJsonValue &v : all) {
        if (v.toObject().value(QStringLiteral("action")).toString() == action)
            return v.toObject();
    }
    return {};
}

/*! The metadata says staging once, as the journal planned (no version bump configured). */
QString metadataPromotedOnceNoBump(const DemoCopy &demo)
{
    const QJsonObject journal = readJson(journalPath(demo));
    const QJsonArray files = journal.value(QStringLiteral("execution"))
                                 .toObject()
                                 .value(QStringLiteral("files"))
                                 .toArray();
    if (files.isEmpty())
        return QStringLiteral("the journal lists no metadata files");
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QString path = f.value(QStringLiteral("path")).toString();
        const QByteArray after =
            QByteArray::fromBase64(f.value(QStringLiteral("after_base64")).toString().toLatin1());
        if (fileBytes(QDir(demo.path()).filePath(path)) != after)
            return QStringLiteral("%1 is not what the journal planned").arg(path);
    }
    if (assignment(fileBytes(QDir(demo.path()).filePath(kInit)), "__maturity__") !=
        QLatin1String("staging"))
        return QStringLiteral("__maturity__ is not staging");
    return {};
}

/*! The real executable, started and read while it runs. */
class LiveRun
{
public:
    explicit LiveRun(const DemoCopy &demo, const QStringList &args)
    {
        m_process.setProcessEnvironment(demo.environment());
        m_process.start(
            QStringLiteral(APP_BINARY),
            QStringList{QStringLiteral("promote"), QStringLiteral("--workspace"), demo.path()} +
                args);
    }
    ~LiveRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool started() { return m_process.waitForStarted(10000); }
    const QByteArray &out()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }
    const QByteArray &err()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    QByteArray all() { return out() + "\n--- stderr ---\n" + err(); }
    bool signal(int signo) { return ::kill(pid_t(m_process.processId()), signo) == 0; }
    bool finish(int ms)
    {
        const bool done = m_process.waitForFinished(ms);
        out();
        err();
        return done;
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

/*! Start line of the first `kubectl <kind>` in the argv log that has no end line yet. */
std::optional<KubectlCall> runningCall(const DemoCopy &demo, bool (*kind)(const KubectlCall &))
{
    const QList<KubectlCall> log = kubectlLog(demo);
    for (const KubectlCall &c : log) {
        if (c.event != QLatin1String("start") || !kind(c))
            continue;
        const bool ended = std::any_of(log.cbegin(), log.cend(), [&](const KubectlCall &e) {
            return e.event == QLatin1String("end") && e.pid == c.pid;
        });
        if (!ended)
            return c;
    }
    return std::nullopt;
}

bool callEnded(const DemoCopy &demo, qint64 pid)
{
    const QList<KubectlCall> log = kubectlLog(demo);
    return std::any_of(log.cbegin(), log.cend(), [&](const KubectlCall &c) {
        return c.event == QLatin1String("end") && c.pid == pid;
    });
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(APP_BINARY)), APP_BINARY); }

    // ctest: faults_sigintDuringStep<N> = signalThenResume:sigint<N>, likewise sigterm.
    void signalThenResume_data()
    {
        QTest::addColumn<int>("signo");
        QTest::addColumn<int>("expectedExit");
        QTest::addColumn<int>("step");
        for (int n = 1; n <= 6; ++n) {
            QTest::addRow("sigint%d", n) << int(SIGINT) << 130 << n;
            QTest::addRow("sigterm%d", n) << int(SIGTERM) << 143 << n;
        }
    }
    void signalThenResume();

    // ctest: faults_sigkillDuringStep<N> = sigkillThenResume:step<N>; faults_sigkillDuringApply.
    void sigkillThenResume_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("duringApply");
        for (int n = 1; n <= 6; ++n)
            QTest::addRow("step%d", n) << n << false;
        QTest::addRow("apply") << 5 << true;
    }
    void sigkillThenResume();

    void applyFailsNoUndo()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("apply"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());

        const QList<KubectlCall> log = kubectlLog(demo);
        QCOMPARE(countCalls(log, isApply, QStringLiteral("start")), 1);
        QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());

        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(), 3);
        const QString summary = report.value(QStringLiteral("outcome_summary")).toString();
        QVERIFY2(summary.contains(QLatin1String("nothing was deployed")), qPrintable(summary));
        QCOMPARE(report.value(QStringLiteral("rollback"))
                     .toObject()
                     .value(QStringLiteral("failed"))
                     .toBool(),
                 false);
        const auto [outcome, exit] = outcomeLine(r.out);
        QCOMPARE(outcome, report.value(QStringLiteral("outcome")).toString());
        QCOMPARE(exit, report.value(QStringLiteral("exit_code")).toInt());

        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kInit)), committed(demo, kInit));
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kReadme)), committed(demo, kReadme));
    }

    void rolloutStatusFailsUndoToRecordedRevision()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        // Rollout status keeps failing through its retries (one here: two attempts), then
        // passes for the rollback's verification.
        QVERIFY(setRetry(demo, 1, 0.2, false));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("rollout-status"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL_TIMES"), QStringLiteral("2"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());

        const QJsonObject journal = readJson(journalPath(demo));
        const QJsonObject execution = journal.value(QStringLiteral("execution")).toObject();
        const int previous = execution.value(QStringLiteral("previous_revision")).toInt(-1);
        QCOMPARE(previous, 1); // the baseline release
        QCOMPARE(execution.value(QStringLiteral("new_revision")).toInt(-1), 2);

        // rollout status (fails twice), undo to the recorded revision, rollout status (passes).
        const QList<KubectlCall> log = kubectlLog(demo);
        QList<KubectlCall> ends;
        for (const KubectlCall &c : log) {
            if (c.event == QLatin1String("end") && (isRolloutStatus(c) || isUndo(c)))
                ends.append(c);
        }
        QVERIFY2(ends.size() == 4, logText(demo).constData());
        QVERIFY(isRolloutStatus(ends.at(0)));
        QCOMPARE(ends.at(0).exit, 1);
        QVERIFY(isRolloutStatus(ends.at(1)));
        QCOMPARE(ends.at(1).exit, 1);
        QVERIFY(isUndo(ends.at(2)));
        QVERIFY2(ends.at(2).argv.contains(QStringLiteral("--to-revision=%1").arg(previous)),
                 qPrintable(ends.at(2).argv.join(QLatin1Char(' '))));
        QCOMPARE(ends.at(2).exit, 0);
        QVERIFY(isRolloutStatus(ends.at(3)));
        QCOMPARE(ends.at(3).exit, 0);

        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        const QJsonObject rollback = report.value(QStringLiteral("rollback")).toObject();
        QCOMPARE(rollback.value(QStringLiteral("performed")).toBool(), true);
        QCOMPARE(rollback.value(QStringLiteral("failed")).toBool(), false);
        const QString summary = report.value(QStringLiteral("outcome_summary")).toString();
        QVERIFY2(summary.startsWith(QLatin1String("rollout status failed after 2 attempts")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("rolled back to revision %1, verified; metadata "
                                                 "restored")
                                      .arg(previous)),
                 qPrintable(summary));
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kInit)), committed(demo, kInit));
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kReadme)), committed(demo, kReadme));
    }

    void cancelDuringBaseline()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const auto before = demo.trackedDigests();
        LiveRun run(demo, agentToStaging());
        QVERIFY(run.started());
        // The revision query is step 5's first command; the baseline (two /metrics
        // scrapes a second apart) follows it, and the deploy only after that.
        QTRY_VERIFY_WITH_TIMEOUT(run.out().contains("[5/6]"), 240000);
        QTRY_VERIFY_WITH_TIMEOUT(countCalls(kubectlLog(demo), isGet, QStringLiteral("end")) >= 1 ||
                                     !run.running(),
                                 30000);
        QVERIFY(run.signal(SIGINT));
        QVERIFY2(run.finish(5000), "no exit within 5 s of SIGINT");
        QVERIFY2(run.exitCode() == 130, run.all().constData());
        QVERIFY2(run.out().contains("[5/6]") && !run.out().contains("[6/6]"),
                 run.out().constData());

        const QList<KubectlCall> log = kubectlLog(demo);
        QVERIFY2(countCalls(log, isApply, QStringLiteral("start")) == 0, logText(demo).constData());
        QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());
        QCOMPARE(demo.trackedDigests(), before);
        // Stopped in the baseline (the only place that says so), resumable.
        const QJsonObject journal = readJson(journalPath(demo));
        QCOMPARE(journal.value(QStringLiteral("outcome")).toString(), QStringLiteral("running"));
        const QString summary = journal.value(QStringLiteral("steps"))
                                    .toArray()
                                    .at(4)
                                    .toObject()
                                    .value(QStringLiteral("summary"))
                                    .toString();
        QVERIFY2(summary == QLatin1String("cancelled before the deploy; nothing was deployed"),
                 qPrintable(summary));
    }

    void rollbackCommandFails()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        demo.setEnv(QStringLiteral("DEMO_ERROR_RATE"), QStringLiteral("2"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("undo"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 4, QByteArray(r.out + r.err).constData());
        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rollback_failed"));
        QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(), 4);
        const QJsonObject rollback = report.value(QStringLiteral("rollback")).toObject();
        QCOMPARE(rollback.value(QStringLiteral("failed")).toBool(), true);
        QCOMPARE(rollback.value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("error_rate"));
        QVERIFY2(r.out.contains("rollback FAILED"), r.out.constData());
        const auto [outcome, exit] = outcomeLine(r.out);
        QCOMPARE(outcome, QStringLiteral("rollback_failed"));
        QCOMPARE(exit, 4);
        QVERIFY2(countCalls(kubectlLog(demo), isUndo, QStringLiteral("end")) >= 1,
                 logText(demo).constData());
        // The new revision still serves, and the metadata says so.
        QCOMPARE(assignment(fileBytes(QDir(demo.path()).filePath(kInit)), "__maturity__"),
                 QStringLiteral("staging"));
    }

    void noBaselineLatencyRegression()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        // Nothing runs in staging yet (an empty demo cluster): /metrics has nothing to
        // measure before the deploy. The new release is 50 % slower, which only a
        // baseline could show.
        QVERIFY(QDir().mkpath(demo.path() + QStringLiteral("/.demo-cluster")));
        QFile state(demo.path() + QStringLiteral("/.demo-cluster/state.json"));
        QVERIFY(state.open(QIODevice::WriteOnly));
        const QByteArray empty(R"({"version": 1, "deployments": {}, "services": {}})");
        QCOMPARE(state.write(empty), empty.size());
        state.close();
        demo.setEnv(QStringLiteral("DEMO_LATENCY_FACTOR"), QStringLiteral("1.5"));

        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        const QByteArray all = r.out + "\n--- stderr ---\n" + r.err;
        // Not silent: staging does not require a baseline (the demo policy), so it passes
        // with the warning on stdout and in the report (noBaselineRequiredRefusesDeploy:
        // when it does, nothing is deployed).
        QVERIFY2(r.exitCode == 0, all.constData());
        QVERIFY2(r.out.contains("WARNING: latency trigger not evaluated"), all.constData());
        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("promoted"));
        const QString warnings = QString::fromUtf8(
            QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson());
        QVERIFY2(warnings.contains(QLatin1String("latency trigger not evaluated")),
                 qPrintable(warnings));
    }

    void noBaselineRequiredRefusesDeploy()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(QDir().mkpath(demo.path() + QStringLiteral("/.demo-cluster")));
        QFile state(demo.path() + QStringLiteral("/.demo-cluster/state.json"));
        QVERIFY(state.open(QIODevice::WriteOnly));
        const QByteArray empty(R"({"version": 1, "deployments": {}, "services": {}})");
        QCOMPARE(state.write(empty), empty.size());
        state.close();
        // The copy's policy needs a baseline for staging.
        QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(policy.readAll());
        policy.close();
        const QString anchor = QStringLiteral("  request_timeout: 3\n");
        QVERIFY(text.contains(anchor));
        text.replace(anchor, anchor + QStringLiteral("  require_baseline: [staging]\n"));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(policy.write(text.toUtf8()) > 0);
        policy.close();
        const QByteArray initBefore = fileBytes(QDir(demo.path()).filePath(kInit));

        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        const QByteArray all = r.out + "\n--- stderr ---\n" + r.err;
        QVERIFY2(r.exitCode == 1, all.constData());
        QVERIFY2(r.out.contains("no baseline before the deploy"), all.constData());
        QVERIFY2(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")) == 0,
                 logText(demo).constData());
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kInit)), initBefore);
    }

    void reportsFolderUnwritable()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const QString reports = demo.path() + QStringLiteral("/.promotion/reports");
        QVERIFY(QDir().mkpath(demo.path() + QStringLiteral("/.promotion")));
        {
            QFile blocker(reports);
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            QVERIFY(blocker.write("not a directory\n") > 0);
        }
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        const QByteArray all = r.out + "\n--- stderr ---\n" + r.err;
        QVERIFY2(r.exitCode == 0, all.constData());
        const auto [outcome, exit] = outcomeLine(r.out);
        QCOMPARE(outcome, QStringLiteral("promoted"));
        QCOMPARE(exit, 0);
        QVERIFY2(r.err.contains("cannot write the report") && r.err.contains("--resume"),
                 r.err.constData());
        const QString journal = journalPath(demo);
        const QJsonObject state = readJson(journal);
        QCOMPARE(state.value(QStringLiteral("outcome")).toString(), QStringLiteral("promoted"));
        const QString runId = QFileInfo(journal).dir().dirName();

        QVERIFY(QFile::remove(reports));
        const Run resumed =
            demo.promote(agentToStaging() + QStringList{QStringLiteral("--resume"), runId});
        QVERIFY2(resumed.exitCode == 0, QByteArray(resumed.out + resumed.err).constData());
        const QString path = reportFile(demo);
        QVERIFY2(!path.isEmpty(), "no report after the resume");
        QCOMPARE(readJson(path).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("promoted"));
        QVERIFY2(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")) == 1,
                 logText(demo).constData());
    }

    void resumeRunIdOutside()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const QDir parent = QFileInfo(demo.path()).dir();
        const QStringList parentBefore = parent.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QString &id : {QStringLiteral("../x"), QStringLiteral("../../etc")}) {
            const Run r =
                demo.promote({QStringLiteral("--component"), kComponent, QStringLiteral("--to"),
                              QStringLiteral("staging"), QStringLiteral("--resume"), id});
            QVERIFY2(r.finished, "promote did not finish");
            QVERIFY2(r.exitCode == 2, QByteArray(r.out + r.err).constData());
            QVERIFY2(r.err.contains("invalid run id") && r.err.contains(id.toUtf8()),
                     r.err.constData());
        }
        QCOMPARE(parent.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), parentBefore);
        for (const char *p : {"/.promotion/x", "/etc", "/x", "/.promotion/runs/x"})
            QVERIFY2(!QFileInfo::exists(demo.path() + QLatin1String(p)), p);
        QVERIFY(journalPath(demo).isEmpty());
    }

    void symlinkedComponentRefused()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QTemporaryDir outside;
        QVERIFY(outside.isValid());
        const QString component = demo.path() + QStringLiteral("/src/agent_orchestration");
        const QString target = outside.filePath(QStringLiteral("agent_orchestration"));
        QVERIFY(QDir().rename(component, target));
        QVERIFY(QFile::link(target, component));
        auto digests = [&target] {
            QMap<QString, QByteArray> d;
            QDirIterator it(target, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                d.insert(f, QCryptographicHash::hash(fileBytes(f), QCryptographicHash::Sha256));
            }
            return d;
        };
        const auto before = digests();
        QVERIFY(before.size() >= 5);

        for (bool dryRun : {false, true}) {
            const Run r = demo.promote(agentToStaging(dryRun));
            QVERIFY2(r.finished, "promote did not finish");
            const QByteArray all = r.out + "\n--- stderr ---\n" + r.err;
            QVERIFY2(r.exitCode == 1, all.constData());
            QVERIFY2(r.out.contains("symbolic link"), all.constData());
            QVERIFY2(!r.out.contains("[2/6]"), all.constData());
            QCOMPARE(outcomeLine(r.out).first, QStringLiteral("blocked"));
        }
        QCOMPARE(digests(), before);
        QVERIFY(kubectlLog(demo).isEmpty());
    }

    void fileEditedBetweenPreviewAndPromote()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        // The engine runs in this process: the policy reads the port from here.
        qputenv("PROMOTION_DEMO_PORT", QByteArray::number(demo.port()));
        PromotionEngine engine;
        PromotionRequest request;
        request.workspace = demo.path();
        request.component = kComponent;
        request.from = QStringLiteral("development");
        request.to = QStringLiteral("staging");
        request.acceptAllCriteria = true;
        request.promoter = QStringLiteral("Ada Lead <ada@example.org>");
        request.approvals.insert(QStringLiteral("tech_lead"),
                                 QStringLiteral("Ada Lead <ada@example.org>"));
        request.approvals.insert(QStringLiteral("qa"), QStringLiteral("Bob QA <bob@example.org>"));
        QString error;
        QVERIFY2(engine.begin(request, &error), qPrintable(error));

        QSignalSpy finished(&engine, &PromotionEngine::stepFinished);
        for (StepId id :
             {StepId::Validate, StepId::QualityGates, StepId::Criteria, StepId::Tracking}) {
            finished.clear();
            engine.runStep(id);
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
            QCOMPARE(finished.first().at(0).value<StepId>(), id);
            QVERIFY2(finished.first().at(1).value<StepStatus>() == StepStatus::Passed,
                     qPrintable(engine.state().step(id).summary));
        }
        const QString diff = engine.previewMetadataDiff(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(diff.contains(QLatin1String("__maturity__")), qPrintable(diff));

        // The person edits the file after seeing the diff.
        const QString initPath = QDir(demo.path()).filePath(kInit);
        {
            QFile init(initPath);
            QVERIFY(init.open(QIODevice::Append));
            QVERIFY(init.write("# edited after the preview\n") > 0);
        }
        const QByteArray edited = fileBytes(initPath);

        finished.clear();
        engine.runStep(StepId::Execute);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(finished.first().at(0).value<StepId>(), StepId::Execute);
        const QString summary = engine.state().step(StepId::Execute).summary;
        QVERIFY2(finished.first().at(1).value<StepStatus>() == StepStatus::Failed,
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("__init__.py")) &&
                     summary.contains(QLatin1String("changed since the plan was made")),
                 qPrintable(summary));
        QCOMPARE(fileBytes(initPath), edited);
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kReadme)), committed(demo, kReadme));
        QVERIFY2(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")) == 0,
                 logText(demo).constData());
        QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy(), 10000);
        engine.finish(&error);
    }

    // "Retry failed" on a failed derived gate (coverage, read from the test run's
    // artifact) runs its source gate again; other passed gates are kept.
    void retryRerunsSourceOfFailedDerivedGate()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        qputenv("PROMOTION_DEMO_PORT", QByteArray::number(demo.port()));
        PromotionEngine engine;
        PromotionRequest request;
        request.workspace = demo.path();
        request.component = QStringLiteral("player_experience"); // coverage 55.6 % < 70 %
        request.from = QStringLiteral("development");
        request.to = QStringLiteral("staging");
        request.promoter = QStringLiteral("Ada Lead <ada@example.org>");
        QString error;
        QVERIFY2(engine.begin(request, &error), qPrintable(error));
        QSignalSpy finished(&engine, &PromotionEngine::stepFinished);
        auto run = [&](StepId id) {
            finished.clear();
            engine.runStep(id);
            return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 240000);
        };
        QVERIFY(run(StepId::Validate));
        QVERIFY(run(StepId::QualityGates));
        QCOMPARE(engine.state().step(StepId::QualityGates).status, StepStatus::Failed);
        const Promotion::GateResult *coverage = engine.state().gate(QStringLiteral("coverage"));
        const Promotion::GateResult *tests = engine.state().gate(QStringLiteral("tests"));
        const Promotion::GateResult *lint = engine.state().gate(QStringLiteral("lint"));
        QVERIFY(coverage && tests && lint);
        QCOMPARE(coverage->status, Promotion::GateStatus::Failed);
        QCOMPARE(tests->status, Promotion::GateStatus::Passed);
        QCOMPARE(lint->status, Promotion::GateStatus::Passed);
        const QDateTime testsStarted = tests->startedAt;
        const QDateTime lintStarted = lint->startedAt;

        QVERIFY(run(StepId::QualityGates)); // "Retry failed"
        tests = engine.state().gate(QStringLiteral("tests"));
        lint = engine.state().gate(QStringLiteral("lint"));
        QVERIFY2(tests->startedAt > testsStarted, "the source of the failed derived gate was kept");
        QCOMPARE(lint->startedAt, lintStarted);
        QCOMPARE(engine.state().gate(QStringLiteral("coverage"))->status,
                 Promotion::GateStatus::Failed);
        engine.finish(&error);
    }

    // Issue 10: retries with backoff, rollback on persistent failure.

    /*! The first two applies fail with kubectl's "connection refused": the third deploys. */
    void applyTransientTwiceThenSucceeds()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(setRetry(demo, 3, 0.3, false));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("apply"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL_TIMES"), QStringLiteral("2"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

        const QList<KubectlCall> log = kubectlLog(demo);
        QCOMPARE(countCalls(log, isApply, QStringLiteral("start")), 3);
        QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());
        // Each attempt is in the live log, with the next one's delay.
        QVERIFY2(r.out.contains("attempt 1 of 4 failed (transient: The connection to the server"),
                 r.out.constData());
        QVERIFY2(r.out.contains("attempt 2 of 4 failed") && r.out.contains("attempt 3 in 0.6 s"),
                 r.out.constData());

        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("promoted"));
        const QJsonObject apply = commandAttempts(report, QStringLiteral("deploy.apply"));
        QCOMPARE(apply.value(QStringLiteral("attempts")).toInt(), 3);
        QCOMPARE(apply.value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray each = apply.value(QStringLiteral("each")).toArray();
        QCOMPARE(each.size(), 3);
        const QList<qint64> delays{0, 300, 600};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject a = each.at(i).toObject();
            QCOMPARE(a.value(QStringLiteral("attempt")).toInt(), i + 1);
            QCOMPARE(a.value(QStringLiteral("delay_ms")).toInteger(), delays.at(i));
            QCOMPARE(a.value(QStringLiteral("ok")).toBool(), i == 2);
            if (i < 2)
                QVERIFY2(a.value(QStringLiteral("reason"))
                             .toString()
                             .startsWith(QLatin1String("transient: The connection to the server")),
                         qPrintable(a.value(QStringLiteral("reason")).toString()));
        }
        // The waits really happened: the third apply started >= 0.9 s after the first.
        QList<double> starts;
        QFile f(demo.path() + QStringLiteral("/.demo-cluster/kubectl-argv.log"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("event")).toString() == QLatin1String("start") &&
                o.value(QStringLiteral("argv")).toArray().at(1).toString() ==
                    QLatin1String("apply"))
                starts.append(o.value(QStringLiteral("time")).toDouble());
        }
        QCOMPARE(starts.size(), 3);
        QVERIFY2(starts.at(1) - starts.at(0) >= 0.3 && starts.at(2) - starts.at(1) >= 0.6,
                 qPrintable(QStringLiteral("%1 %2 %3")
                                .arg(starts.at(0), 0, 'f', 3)
                                .arg(starts.at(1), 0, 'f', 3)
                                .arg(starts.at(2), 0, 'f', 3)));
        const QJsonObject track = report.value(QStringLiteral("track_execution")).toObject();
        QCOMPARE(track.value(QStringLiteral("retries")).toInt(), 2);
        QCOMPARE(track.value(QStringLiteral("retry_wait_ms")).toInteger(), 900);
        QVERIFY(track.value(QStringLiteral("steps")).toArray().size() == 6);
        QVERIFY(!track.value(QStringLiteral("gates")).toArray().isEmpty());
        QCOMPARE(metadataPromotedOnceNoBump(demo), QString());
        // A healthy window: the streamed log had no errors; pods were sampled.
        const QJsonObject validation = report.value(QStringLiteral("validation")).toObject();
        QCOMPARE(validation.value(QStringLiteral("logs")).toString(), QStringLiteral("no errors"));
        QVERIFY(validation.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("logs"))
                    .toObject()
                    .value(QStringLiteral("lines"))
                    .toInt() >= 1);
        QVERIFY(!validation.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("pods"))
                     .toArray()
                     .isEmpty());
        // The dashboard link carries the verification window's time range.
        const QString link = report.value(QStringLiteral("monitoring"))
                                 .toObject()
                                 .value(QStringLiteral("dashboard_link"))
                                 .toString();
        QVERIFY2(
            link.startsWith(QLatin1String("https://grafana.tta.dev/d/agent_orchestration?from=")) &&
                link.contains(QLatin1String("&to=")),
            qPrintable(link));
    }

    /*! 0.3 % errors: under the 1 % trigger, but the service logs them: "No errors in logs"
     *  fails with the first error lines as evidence, and the deploy is rolled back. */
    void logErrorsFailTheLogCheck()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        demo.setEnv(QStringLiteral("DEMO_ERROR_RATE"), QStringLiteral("0.3"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("rolled_back"));
        QCOMPARE(report.value(QStringLiteral("rollback"))
                     .toObject()
                     .value(QStringLiteral("trigger"))
                     .toString(),
                 QStringLiteral("log_errors"));
        const QJsonObject validation = report.value(QStringLiteral("validation")).toObject();
        QVERIFY2(validation.value(QStringLiteral("logs"))
                     .toString()
                     .endsWith(QLatin1String("error line(s)")),
                 qPrintable(validation.value(QStringLiteral("logs")).toString()));
        const QJsonObject logs = validation.value(QStringLiteral("details"))
                                     .toObject()
                                     .value(QStringLiteral("logs"))
                                     .toObject();
        QVERIFY(logs.value(QStringLiteral("errors")).toInt() >= 1);
        const QJsonArray first = logs.value(QStringLiteral("first_errors")).toArray();
        QVERIFY(!first.isEmpty() && first.size() <= 5);
        for (const QJsonValue &line : first)
            QVERIFY2(line.toString().contains(QLatin1String(" ERROR agent-orchestration: ")),
                     qPrintable(line.toString()));
        bool checked = false;
        for (const QJsonValue &v : validation.value(QStringLiteral("details"))
                                       .toObject()
                                       .value(QStringLiteral("checks"))
                                       .toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QStringLiteral("id")).toString() != QLatin1String("logs"))
                continue;
            checked = true;
            QCOMPARE(c.value(QStringLiteral("text")).toString(),
                     QStringLiteral("No errors in logs"));
            QCOMPARE(c.value(QStringLiteral("passed")).toBool(), false);
            QVERIFY2(
                c.value(QStringLiteral("detail")).toString().contains(first.first().toString()),
                qPrintable(c.value(QStringLiteral("detail")).toString()));
        }
        QVERIFY(checked);
        // The metrics were within range: only the log check failed.
        QCOMPARE(validation.value(QStringLiteral("monitoring")).toString(),
                 QStringLiteral("rollback triggered: log_errors"));
        QVERIFY2(countCalls(kubectlLog(demo), isUndo, QStringLiteral("end")) == 1,
                 logText(demo).constData());
        // kubectl top pods was sampled at the window's start and end.
        const QJsonArray pods = validation.value(QStringLiteral("details"))
                                    .toObject()
                                    .value(QStringLiteral("pods"))
                                    .toArray();
        QVERIFY2(pods.size() >= 2, qPrintable(QJsonDocument(pods).toJson()));
        QVERIFY(pods.first().toObject().value(QStringLiteral("cpu_millicores")).toDouble() > 0);
    }

    /*! Every apply fails transiently: after the retries nothing is undone on the cluster
     *  (nothing new ran there), the metadata is restored, exit 3. */
    void applyAlwaysTransientNoUndo()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(setRetry(demo, 2, 0.2, true));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("apply"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL_TIMES"), QStringLiteral("99"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());

        const QList<KubectlCall> log = kubectlLog(demo);
        QCOMPARE(countCalls(log, isApply, QStringLiteral("start")), 3);
        QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());

        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(), 3);
        const QString summary = report.value(QStringLiteral("outcome_summary")).toString();
        QVERIFY2(summary.startsWith(QLatin1String("deploy failed after 3 attempts")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("nothing was deployed")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("metadata restored")), qPrintable(summary));
        const QJsonArray each = commandAttempts(report, QStringLiteral("deploy.apply"))
                                    .value(QStringLiteral("each"))
                                    .toArray();
        QCOMPARE(each.size(), 3);
        // Jitter: each wait is in [wait/2, wait] of 200 ms, 400 ms.
        const qint64 d2 = each.at(1).toObject().value(QStringLiteral("delay_ms")).toInteger();
        const qint64 d3 = each.at(2).toObject().value(QStringLiteral("delay_ms")).toInteger();
        QVERIFY2(d2 >= 100 && d2 <= 200, qPrintable(QString::number(d2)));
        QVERIFY2(d3 >= 200 && d3 <= 400, qPrintable(QString::number(d3)));
        QVERIFY2(each.at(2)
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString()
                     .startsWith(QLatin1String("no retries left")),
                 qPrintable(each.at(2).toObject().value(QStringLiteral("reason")).toString()));
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kInit)), committed(demo, kInit));
        QCOMPARE(fileBytes(QDir(demo.path()).filePath(kReadme)), committed(demo, kReadme));
    }

    /*! deploy.rollback_on_failure: false — a failed deploy stops; nothing is restored. */
    void rollbackOnFailureOff()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(editPolicy(demo, QStringLiteral("  timeout: 120\n"),
                           QStringLiteral("  timeout: 120\n  rollback_on_failure: false\n")));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("apply"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
        // A non-transient error (the webhook's) is not retried.
        QCOMPARE(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")), 1);
        QCOMPARE(countCalls(kubectlLog(demo), isUndo, QStringLiteral("start")), 0);
        const QJsonObject report = readJson(reportFile(demo));
        const QString summary = report.value(QStringLiteral("outcome_summary")).toString();
        QVERIFY2(summary.contains(QLatin1String("rollback_on_failure is off")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("failed webhook")) ||
                     summary.contains(QLatin1String("failed calling webhook")),
                 qPrintable(summary));
        QCOMPARE(report.value(QStringLiteral("rollback"))
                     .toObject()
                     .value(QStringLiteral("performed"))
                     .toBool(),
                 false);
        QCOMPARE(assignment(fileBytes(QDir(demo.path()).filePath(kInit)), "__maturity__"),
                 QStringLiteral("staging"));
    }

    /*! SIGINT while waiting to retry: the wait ends at once (130), and a kill in the same
     *  place resumes with one more apply, never a second deploy. */
    void signalDuringBackoffThenResume_data()
    {
        QTest::addColumn<int>("signo");
        QTest::addRow("sigint") << int(SIGINT);
        QTest::addRow("sigkill") << int(SIGKILL);
    }
    void signalDuringBackoffThenResume()
    {
        QFETCH(int, signo);
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QVERIFY(setRetry(demo, 3, 120, false)); // a wait no test sits out
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL"), QStringLiteral("apply"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_FAIL_TIMES"), QStringLiteral("1"));
        {
            LiveRun run(demo, agentToStaging());
            QVERIFY(run.started());
            QTRY_VERIFY_WITH_TIMEOUT(run.out().contains("attempt 2 in 120.0 s") || !run.running(),
                                     300000);
            QVERIFY2(run.running(), run.all().constData());
            QElapsedTimer clock;
            clock.start();
            QVERIFY(run.signal(signo));
            QVERIFY2(run.finish(5000), "no exit within 5 s of the signal");
            if (signo == SIGINT) {
                QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
                QVERIFY2(run.exitCode() == 130, run.all().constData());
            }
        }
        const QJsonObject journal = readJson(journalPath(demo));
        QCOMPARE(journal.value(QStringLiteral("outcome")).toString(), QStringLiteral("running"));
        QCOMPARE(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")), 1);

        const Run r =
            demo.promote({QStringLiteral("--component"), kComponent, QStringLiteral("--to"),
                          QStringLiteral("staging"), QStringLiteral("--resume")});
        QVERIFY2(r.finished, "resume did not finish");
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(countCalls(kubectlLog(demo), isApply, QStringLiteral("start")), 2);
        QCOMPARE(countCalls(kubectlLog(demo), isUndo, QStringLiteral("start")), 0);
        const QJsonObject report = readJson(reportFile(demo));
        const QJsonObject apply = commandAttempts(report, QStringLiteral("deploy.apply"));
        QCOMPARE(apply.value(QStringLiteral("attempts")).toInt(), 2);
        QCOMPARE(metadataPromotedOnceNoBump(demo), QString());
    }
};

void TestFaults::signalThenResume()
{
    QFETCH(int, signo);
    QFETCH(int, expectedExit);
    QFETCH(int, step);
    DemoCopy demo;
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QVERIFY(bumpPatchVersion(demo));
    if (step == 5) {
        // A slow apply: the signal lands while it runs.
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY"), QStringLiteral("3"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY_ON"), QStringLiteral("apply"));
    } else if (step == 3 || step == 4) {
        // Steps 3 and 4 take no time; a slow first command of step 5 keeps the
        // signal before the deploy even when it arrives after them.
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY"), QStringLiteral("3"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY_ON"), QStringLiteral("get"));
    }
    LiveRun run(demo, agentToStaging());
    QVERIFY(run.started());
    const QByteArray marker = QStringLiteral("[%1/6]").arg(step).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(run.out().contains(marker) || !run.running(), 240000);
    QVERIFY2(run.running(), run.all().constData());
    if (step == 5)
        QTRY_VERIFY_WITH_TIMEOUT(runningCall(demo, isApply).has_value() || !run.running(), 60000);
    else if (step == 2 || step == 6)
        QTest::qWait(1000); // inside the gates / the verification window
    QVERIFY(run.signal(signo));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(run.finish(5000), "no exit within 5 s of the signal");
    QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == expectedExit,
             run.all().constData());
    QVERIFY2(run.err().contains("--resume"), run.err().constData());
    QCOMPARE(readJson(journalPath(demo)).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("running"));
    if (step == 5) {
        // The cancelled apply was stopped in its delay, before it changed anything.
        QVERIFY2(countCalls(kubectlLog(demo), isApply, QStringLiteral("end")) == 1,
                 logText(demo).constData());
    }

    demo.clearEnv(); // the resume runs without the delays
    const Run r = demo.promote(agentToStaging() + QStringList{QStringLiteral("--resume")});
    QVERIFY2(r.finished, "the resume did not finish");
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("Resuming run"), r.out.constData());
    QCOMPARE(readJson(reportFile(demo)).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("promoted"));
    const QString metadata = metadataPromotedOnce(demo);
    QVERIFY2(metadata.isEmpty(), qPrintable(metadata));
    const QList<KubectlCall> log = kubectlLog(demo);
    QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());
    // Exactly one apply took effect.
    const qsizetype applied = std::count_if(log.cbegin(), log.cend(), [](const KubectlCall &c) {
        return c.event == QLatin1String("end") && isApply(c) && c.exit == 0;
    });
    QVERIFY2(applied == 1, logText(demo).constData());
}

void TestFaults::sigkillThenResume()
{
    QFETCH(int, step);
    QFETCH(bool, duringApply);
    DemoCopy demo;
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QVERIFY(bumpPatchVersion(demo));
    if (step == 5) {
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY"), QStringLiteral("3"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY_ON"), QStringLiteral("apply"));
    } else if (step == 3 || step == 4) {
        // Steps 3 and 4 take no time: slow the revision read at the start of step 5, so
        // the kill lands before anything is deployed.
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY"), QStringLiteral("3"));
        demo.setEnv(QStringLiteral("DEMO_KUBECTL_DELAY_ON"), QStringLiteral("get"));
    }
    const QString originalVersion = assignment(committed(demo, kInit), "__version__");
    QVERIFY(!originalVersion.isEmpty());
    LiveRun run(demo, agentToStaging());
    QVERIFY(run.started());
    const QByteArray marker = QStringLiteral("[%1/6]").arg(step).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(run.out().contains(marker) || !run.running(), 240000);
    QVERIFY2(run.running(), run.all().constData());
    std::optional<KubectlCall> apply;
    if (step == 5) {
        QTRY_VERIFY_WITH_TIMEOUT((apply = runningCall(demo, isApply)).has_value() || !run.running(),
                                 60000);
        QVERIFY2(apply, run.all().constData());
    } else if (step == 2 || step == 6) {
        QTest::qWait(1000); // in the middle of the gates, or of the verification window
    }
    QVERIFY(run.signal(SIGKILL));
    QVERIFY(run.finish(5000));
    QCOMPARE(run.exitStatus(), QProcess::CrashExit);
    if (step == 5 && duringApply) {
        // Only the console died: its kubectl apply goes on and makes revision 2.
        QTRY_VERIFY_WITH_TIMEOUT(callEnded(demo, apply->pid), 15000);
    } else if (step == 5) {
        // Everything died (power loss): the apply never acted.
        QVERIFY(::kill(pid_t(apply->pid), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(apply->pid), 0) != 0, 5000);
    }

    demo.clearEnv();
    const Run r = demo.promote(agentToStaging() + QStringList{QStringLiteral("--resume")});
    QVERIFY2(r.finished, "the resume did not finish");
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("Resuming run"), r.out.constData());
    QCOMPARE(readJson(reportFile(demo)).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("promoted"));
    const QString metadata = metadataPromotedOnce(demo);
    QVERIFY2(metadata.isEmpty(), qPrintable(metadata));
    QCOMPARE(assignment(fileBytes(QDir(demo.path()).filePath(kInit)), "__version__"),
             patchBumped(originalVersion));

    const QList<KubectlCall> log = kubectlLog(demo);
    QVERIFY2(countCalls(log, isUndo, QStringLiteral("start")) == 0, logText(demo).constData());
    const qsizetype applied = std::count_if(log.cbegin(), log.cend(), [](const KubectlCall &c) {
        return c.event == QLatin1String("end") && isApply(c) && c.exit == 0;
    });
    QVERIFY2(applied == 1, logText(demo).constData());
    if (duringApply) {
        // The resume asked the cluster and found the revision: no second apply.
        QVERIFY2(countCalls(log, isApply, QStringLiteral("start")) == 1, logText(demo).constData());
        QCOMPARE(readJson(journalPath(demo))
                     .value(QStringLiteral("execution"))
                     .toObject()
                     .value(QStringLiteral("new_revision"))
                     .toInt(),
                 2);
    }
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
