// SPDX-License-Identifier: GPL-3.0-or-later
// The demo cluster as the engine's tests use it: tools/bin/kubectl of a fresh demo
// copy, run directly. Revision queries, rollback to a revision, the argv log, fault
// injection (DEMO_KUBECTL_*), and one service port per copy.
#include "demo/demoworkspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Promotion;

namespace {

const QString kDeployment = QStringLiteral("deployment/agent_orchestration");
const QString kNamespace = QStringLiteral("tta-staging");
const QString kManifest = QStringLiteral("k8s/staging/agent_orchestration.yaml");
const QString kRevisionPath =
    QStringLiteral(R"(jsonpath={.metadata.annotations.deployment\.kubernetes\.io/revision})");

struct Result
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

struct HttpAnswer
{
    int status = 0;
    QJsonObject body;
};

/* GET http://127.0.0.1:port/path over a plain socket (no proxy, no event loop games). */
HttpAnswer httpGet(quint16 port, const QString &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(QStringLiteral("GET %1 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").arg(path).toUtf8());
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(3000))
        data += socket.readAll();
    data += socket.readAll();
    HttpAnswer answer;
    const QList<QByteArray> statusLine = data.left(data.indexOf("\r\n")).split(' ');
    if (statusLine.size() >= 2)
        answer.status = statusLine.at(1).toInt();
    const qsizetype bodyStart = data.indexOf("\r\n\r\n");
    if (bodyStart >= 0)
        answer.body = QJsonDocument::fromJson(data.mid(bodyStart + 4)).object();
    return answer;
}

/* A demo copy made by DemoWorkspace; its service is stopped by stop(). */
class Copy
{
public:
    Copy()
    {
        m_path = m_tmp.filePath(QStringLiteral("demo"));
        m_error = DemoWorkspace::extractTo(m_path);
    }
    bool ok() const { return m_tmp.isValid() && m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    QString file(const QString &relative) const { return QDir(m_path).filePath(relative); }

    /* The environment of a hand-run kubectl: nothing of the caller's demo settings. */
    QProcessEnvironment environment(const QMap<QString, QString> &extra = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys()) {
            if (name.startsWith(QLatin1String("DEMO_")) ||
                name == QLatin1String("PROMOTION_DEMO_PORT") ||
                name == QLatin1String("PROMOTION_KUBECTL_LOG"))
                env.remove(name);
        }
        env.insert(QStringLiteral("DEMO_IDLE_TIMEOUT"), QStringLiteral("120")); // if stop fails
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    Result kubectl(const QStringList &args, const QMap<QString, QString> &extra = {},
                   int timeoutMs = 60000) const
    {
        QProcess p;
        p.setWorkingDirectory(m_path);
        p.setProcessEnvironment(environment(extra));
        p.start(file(QStringLiteral("tools/bin/kubectl")), args);
        Result r;
        r.finished = p.waitForFinished(timeoutMs);
        if (!r.finished) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString revision(const QString &deployment = kDeployment) const
    {
        const Result r =
            kubectl({QStringLiteral("get"), deployment, QStringLiteral("-n"), kNamespace,
                     QStringLiteral("-o"), kRevisionPath});
        return r.exitCode == 0 ? r.out : QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err);
    }

    Result apply(const QMap<QString, QString> &extra = {}) const
    {
        QMap<QString, QString> env{{QStringLiteral("DEMO_ROLLOUT_SECONDS"), QStringLiteral("0.2")}};
        env.insert(extra);
        return kubectl({QStringLiteral("apply"), QStringLiteral("-f"), kManifest}, env);
    }

    Result rolloutStatus(const QMap<QString, QString> &extra = {}) const
    {
        return kubectl({QStringLiteral("rollout"), QStringLiteral("status"), kDeployment,
                        QStringLiteral("-n"), kNamespace, QStringLiteral("--timeout=30s")},
                       extra);
    }

    QJsonObject deploymentJson() const
    {
        const Result r = kubectl({QStringLiteral("get"), QStringLiteral("deployment"),
                                  QStringLiteral("agent-orchestration"), QStringLiteral("-n"),
                                  kNamespace, QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    /* The port the service of this copy listens on now (0: not running). */
    quint16 servicePort() const
    {
        QFile f(file(QStringLiteral(".demo-cluster/service.json")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return quint16(QJsonDocument::fromJson(f.readAll()).object().value(u"port").toInt());
    }

    void stop() const
    {
        QProcess down;
        down.setProcessEnvironment(environment());
        down.start(file(QStringLiteral("tools/bin/demo-cluster-down")), {});
        down.waitForFinished(20000);
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
    QString m_error;
};

QList<QJsonObject> readLog(const QString &path)
{
    QList<QJsonObject> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &v : value.toArray())
        result.append(v.toString());
    return result;
}

} // namespace

class TestDemoCluster : public QObject
{
    Q_OBJECT

private:
    std::vector<std::unique_ptr<Copy>> m_copies;

    const Copy &newCopy()
    {
        m_copies.push_back(std::make_unique<Copy>());
        return *m_copies.back();
    }

private Q_SLOTS:
    void cleanup()
    {
        // Every copy's service is stopped, whatever the test did.
        for (const auto &copy : m_copies)
            copy->stop();
        m_copies.clear();
    }

    void revisionQueryBeforeAndAfterApply()
    {
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));

        // The previous release already runs: revision 1, printed without a newline.
        QCOMPARE(demo.revision(), QStringLiteral("1"));
        const Result spaced = demo.kubectl(
            {QStringLiteral("get"), QStringLiteral("deployment"),
             QStringLiteral("agent_orchestration"), QStringLiteral("-n"), kNamespace,
             QStringLiteral("-o"), kRevisionPath});
        QCOMPARE(spaced.exitCode, 0);
        QCOMPARE(spaced.out, QStringLiteral("1"));
        QJsonObject before = demo.deploymentJson();
        QCOMPARE(before.value(u"kind").toString(), QStringLiteral("Deployment"));
        const QJsonObject meta = before.value(u"metadata").toObject();
        QCOMPARE(meta.value(u"annotations")
                     .toObject()
                     .value(u"deployment.kubernetes.io/revision")
                     .toString(),
                 QStringLiteral("1"));
        QCOMPARE(before.value(u"status").toObject().value(u"observedGeneration").toInt(),
                 meta.value(u"generation").toInt());
        QCOMPARE(before.value(u"spec").toObject().value(u"replicas").toInt(), 2);
        QCOMPARE(before.value(u"status").toObject().value(u"availableReplicas").toInt(), 2);
        QVERIFY(before.value(u"spec").toObject().value(u"template").toObject().value(u"spec")
                    .toObject().value(u"containers").toArray().at(0).toObject()
                    .value(u"image").toString().endsWith(QLatin1String(":0.3.2")));

        const Result applied = demo.apply();
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(demo.revision(), QStringLiteral("2"));
        const QJsonObject after = demo.deploymentJson();
        QVERIFY(after.value(u"metadata").toObject().value(u"generation").toInt() >
                meta.value(u"generation").toInt());
        const Result status = demo.rolloutStatus();
        QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));

        // A deployment that does not exist: real kubectl's message, exit 1.
        const Result missing =
            demo.kubectl({QStringLiteral("get"), QStringLiteral("deployment/nope"),
                          QStringLiteral("-n"), kNamespace, QStringLiteral("-o"), kRevisionPath});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.out, QString());
        QCOMPARE(missing.err.trimmed(),
                 QStringLiteral(R"(Error from server (NotFound): deployments.apps "nope" not found)"));
        // The other namespace still runs its own revision 1.
        const Result production = demo.kubectl(
            {QStringLiteral("get"), kDeployment, QStringLiteral("-n"),
             QStringLiteral("tta-production"), QStringLiteral("-o"), kRevisionPath});
        QCOMPARE(production.out, QStringLiteral("1"));
    }

    void undoToRevisionRestoresThatRevision()
    {
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QCOMPARE(demo.apply().exitCode, 0);
        QCOMPARE(demo.revision(), QStringLiteral("2"));

        const Result undo = demo.kubectl({QStringLiteral("rollout"), QStringLiteral("undo"),
                                          kDeployment, QStringLiteral("-n"), kNamespace,
                                          QStringLiteral("--to-revision=1")});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.err));
        QVERIFY(undo.out.contains(QLatin1String("rolled back")));
        // Like Kubernetes: revision 1's template comes back as a new revision, 3.
        QCOMPARE(demo.revision(), QStringLiteral("3"));
        const QString image = demo.deploymentJson()
                                  .value(u"spec").toObject().value(u"template").toObject()
                                  .value(u"spec").toObject().value(u"containers").toArray()
                                  .at(0).toObject().value(u"image").toString();
        QVERIFY2(image.endsWith(QLatin1String(":0.3.2")), qPrintable(image));
        const Result status = demo.rolloutStatus();
        QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));
        QVERIFY(status.out.contains(QLatin1String("successfully rolled out")));

        const quint16 port = demo.servicePort();
        QVERIFY(port != 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            httpGet(port, QStringLiteral("/api/v1/status/agent_orchestration?namespace=tta-staging"))
                .body.value(u"version").toString(),
            QStringLiteral("0.3.2"), 10000);

        const Result history = demo.kubectl({QStringLiteral("rollout"), QStringLiteral("history"),
                                             kDeployment, QStringLiteral("-n"), kNamespace});
        QVERIFY(!history.out.contains(QRegularExpression(QStringLiteral("^1 "),
                                                         QRegularExpression::MultilineOption)));
        QVERIFY(history.out.contains(QRegularExpression(QStringLiteral("^2 "),
                                                        QRegularExpression::MultilineOption)));

        // Revision 1 is gone from the history now (it became 3).
        const Result gone = demo.kubectl({QStringLiteral("rollout"), QStringLiteral("undo"),
                                          kDeployment, QStringLiteral("-n"), kNamespace,
                                          QStringLiteral("--to-revision=1")});
        QCOMPARE(gone.exitCode, 1);
        QCOMPARE(gone.err.trimmed(),
                 QStringLiteral("error: unable to find specified revision 1 in history"));
        QCOMPARE(demo.revision(), QStringLiteral("3"));
    }

    void argvLogRecordsEveryCall()
    {
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QTemporaryDir logDir;
        const QString logPath = logDir.filePath(QStringLiteral("kubectl.jsonl"));
        const QMap<QString, QString> env{{QStringLiteral("PROMOTION_KUBECTL_LOG"), logPath}};

        const QStringList ok{QStringLiteral("version"), QStringLiteral("--client")};
        const QStringList bad{QStringLiteral("rollout"), QStringLiteral("undo"), kDeployment,
                              QStringLiteral("-n"), kNamespace, QStringLiteral("--to-revision=9")};
        QCOMPARE(demo.kubectl(ok, env).exitCode, 0);
        QCOMPARE(demo.kubectl(bad, env).exitCode, 1);

        const QList<QJsonObject> lines = readLog(logPath);
        QCOMPARE(lines.size(), 4); // a start and an end line per call
        QCOMPARE(lines.at(0).value(u"event").toString(), QStringLiteral("start"));
        QCOMPARE(toStrings(lines.at(0).value(u"argv")), QStringList{QStringLiteral("kubectl")} + ok);
        QVERIFY(lines.at(0).value(u"exit").isNull());
        QVERIFY(lines.at(0).value(u"time").toDouble() > 1.6e9);
        QCOMPARE(lines.at(1).value(u"event").toString(), QStringLiteral("end"));
        QCOMPARE(lines.at(1).value(u"exit").toInt(-1), 0);
        QCOMPARE(lines.at(1).value(u"pid"), lines.at(0).value(u"pid"));
        QCOMPARE(toStrings(lines.at(2).value(u"argv")), QStringList{QStringLiteral("kubectl")} + bad);
        QCOMPARE(lines.at(3).value(u"exit").toInt(-1), 1);

        // A call that is terminated while it waits still leaves both lines.
        QProcess slow;
        slow.setWorkingDirectory(demo.path());
        slow.setProcessEnvironment(demo.environment(
            {{QStringLiteral("PROMOTION_KUBECTL_LOG"), logPath},
             {QStringLiteral("DEMO_KUBECTL_DELAY"), QStringLiteral("30")}}));
        slow.start(demo.file(QStringLiteral("tools/bin/kubectl")),
                   {QStringLiteral("apply"), QStringLiteral("-f"), kManifest});
        QTRY_COMPARE_WITH_TIMEOUT(readLog(logPath).size(), 5, 20000);
        slow.terminate();
        QVERIFY(slow.waitForFinished(10000));
        QCOMPARE(slow.exitStatus(), QProcess::CrashExit); // killed by SIGTERM, as kubectl would be
        const QList<QJsonObject> after = readLog(logPath);
        QCOMPARE(after.size(), 6);
        QCOMPARE(after.at(5).value(u"exit").toInt(), -15);
        QCOMPARE(after.at(5).value(u"signal").toString(), QStringLiteral("SIGTERM"));
        QCOMPARE(demo.revision(), QStringLiteral("1")); // nothing was applied

        // Without PROMOTION_KUBECTL_LOG the log is in the copy's .demo-cluster/.
        const QList<QJsonObject> local =
            readLog(demo.file(QStringLiteral(".demo-cluster/kubectl-argv.log")));
        QVERIFY(!local.isEmpty());
        QCOMPARE(toStrings(local.last().value(u"argv")).mid(0, 2),
                 (QStringList{QStringLiteral("kubectl"), QStringLiteral("get")}));
    }

    void failInjection_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("message");
        QTest::newRow("apply") << QStringLiteral("apply")
                               << QStringLiteral("Error from server (InternalError)");
        QTest::newRow("rollout-status")
            << QStringLiteral("rollout-status")
            << QStringLiteral(R"(error: deployment "agent-orchestration" exceeded its progress deadline)");
        QTest::newRow("undo") << QStringLiteral("undo")
                              << QStringLiteral("Error from server (Conflict)");
        QTest::newRow("get") << QStringLiteral("get")
                             << QStringLiteral("Error from server (ServiceUnavailable)");
    }

    void failInjection()
    {
        QFETCH(QString, mode);
        QFETCH(QString, message);
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const QMap<QString, QString> fail{{QStringLiteral("DEMO_KUBECTL_FAIL"), mode}};

        if (mode == QLatin1String("apply")) {
            const Result r = demo.apply(fail);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
            QCOMPARE(demo.revision(), QStringLiteral("1")); // nothing changed
            QCOMPARE(demo.apply().exitCode, 0);            // without the variable: works
            QCOMPARE(demo.revision(), QStringLiteral("2"));
        } else if (mode == QLatin1String("rollout-status")) {
            QCOMPARE(demo.apply().exitCode, 0);
            const Result r = demo.rolloutStatus(fail);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err.trimmed(), message);
            QCOMPARE(demo.revision(), QStringLiteral("2")); // the new revision exists
            QCOMPARE(demo.rolloutStatus().exitCode, 0);
        } else if (mode == QLatin1String("undo")) {
            QCOMPARE(demo.apply().exitCode, 0);
            const QStringList undo{QStringLiteral("rollout"), QStringLiteral("undo"), kDeployment,
                                   QStringLiteral("-n"), kNamespace,
                                   QStringLiteral("--to-revision=1")};
            const Result r = demo.kubectl(undo, fail);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
            QCOMPARE(demo.revision(), QStringLiteral("2")); // not rolled back
            QCOMPARE(demo.kubectl(undo).exitCode, 0);
            QCOMPARE(demo.revision(), QStringLiteral("3"));
        } else {
            const Result r = demo.kubectl({QStringLiteral("get"), kDeployment, QStringLiteral("-n"),
                                           kNamespace, QStringLiteral("-o"), kRevisionPath},
                                          fail);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.out, QString());
            QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
            QCOMPARE(demo.revision(), QStringLiteral("1"));
            // Only the named subcommand fails.
            QCOMPARE(demo.apply(fail).exitCode, 0);
        }
    }

    void failTimesIsTransient()
    {
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const QMap<QString, QString> flaky{{QStringLiteral("DEMO_KUBECTL_FAIL"),
                                            QStringLiteral("apply,get")},
                                           {QStringLiteral("DEMO_KUBECTL_FAIL_TIMES"),
                                            QStringLiteral("2")}};
        const QString refused = QStringLiteral(
            "The connection to the server 127.0.0.1:6443 was refused - did you specify the right "
            "host or port?");
        for (int i = 0; i < 2; ++i) {
            const Result r = demo.apply(flaky);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err.trimmed(), refused);
        }
        QCOMPARE(demo.revision(), QStringLiteral("1")); // the failed applies changed nothing
        const Result third = demo.apply(flaky);
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        QCOMPARE(demo.revision(), QStringLiteral("2"));
        // get is counted separately: its first two calls fail, then it answers.
        const QStringList get{QStringLiteral("get"), kDeployment, QStringLiteral("-n"), kNamespace,
                              QStringLiteral("-o"), kRevisionPath};
        QCOMPARE(demo.kubectl(get, flaky).exitCode, 1);
        QCOMPARE(demo.kubectl(get, flaky).exitCode, 1);
        const Result answered = demo.kubectl(get, flaky);
        QCOMPARE(answered.exitCode, 0);
        QCOMPARE(answered.out, QStringLiteral("2"));
    }

    void delayAppliesToTheNamedSubcommand()
    {
        const Copy &demo = newCopy();
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QTemporaryDir logDir;
        const QString logPath = logDir.filePath(QStringLiteral("kubectl.jsonl"));
        const QMap<QString, QString> env{{QStringLiteral("PROMOTION_KUBECTL_LOG"), logPath},
                                         {QStringLiteral("DEMO_KUBECTL_DELAY"),
                                          QStringLiteral("1.5")},
                                         {QStringLiteral("DEMO_KUBECTL_DELAY_ON"),
                                          QStringLiteral("apply")}};
        QCOMPARE(demo.kubectl({QStringLiteral("version"), QStringLiteral("--client")}, env)
                     .exitCode,
                 0);
        QCOMPARE(demo.apply(env).exitCode, 0);
        const QList<QJsonObject> lines = readLog(logPath);
        QCOMPARE(lines.size(), 4);
        // "seconds" of an end line: from before acting to the exit.
        QVERIFY2(lines.at(1).value(u"seconds").toDouble() < 1.0,
                 qPrintable(QString::number(lines.at(1).value(u"seconds").toDouble())));
        QVERIFY(lines.at(3).value(u"seconds").toDouble() >= 1.5);
    }

    void copiesHaveTheirOwnPortsAndServices()
    {
        const Copy &first = newCopy();
        const Copy &second = newCopy();
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY2(second.ok(), qPrintable(second.error()));
        const quint16 a = DemoWorkspace::port(first.path());
        const quint16 b = DemoWorkspace::port(second.path());
        QVERIFY(a != b);
        QVERIFY(a != DemoWorkspace::kDefaultPort && b != DemoWorkspace::kDefaultPort);
        QFile policy(first.file(QStringLiteral("promotion.yaml")));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        const QByteArray yaml = policy.readAll();
        QVERIFY(yaml.contains(QStringLiteral("PROMOTION_DEMO_PORT: \"{env:PROMOTION_DEMO_PORT:%1}\"")
                                  .arg(a)
                                  .toUtf8()));
        QVERIFY(!yaml.contains("18555"));

        // Without PROMOTION_DEMO_PORT both deploy, each to its own service.
        QCOMPARE(first.apply().exitCode, 0);
        const Result secondApply = second.apply();
        QVERIFY2(secondApply.exitCode == 0, qPrintable(secondApply.err));
        QCOMPARE(first.servicePort(), a);
        QCOMPARE(second.servicePort(), b);
        for (const Copy *copy : {&first, &second}) {
            const HttpAnswer health = httpGet(copy->servicePort(), QStringLiteral("/health"));
            QCOMPARE(health.status, 200);
            QCOMPARE(health.body.value(u"status").toString(), QStringLiteral("ok"));
            QCOMPARE(QDir(health.body.value(u"workspace").toString()).canonicalPath(),
                     QDir(copy->path()).canonicalPath());
        }

        // An exported PROMOTION_DEMO_PORT still wins over the copy's own port.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 exported = probe.serverPort();
        probe.close();
        const Result moved = first.kubectl(
            {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"), kNamespace},
            {{QStringLiteral("PROMOTION_DEMO_PORT"), QString::number(exported)}});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QCOMPARE(first.servicePort(), exported);
        QCOMPARE(httpGet(exported, QStringLiteral("/health")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestDemoCluster)
#include "tst_democluster.moc"
