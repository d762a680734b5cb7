// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the end-to-end tests: a fresh demo workspace per test, the real
// executable, a free loopback port for the demo service, and cleanup.
#pragma once

#include "demo/demoworkspace.h"
#include "testconfig.h"

#include <functional>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

namespace PromoteTest {

inline quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

/*! A demo copy with its own port; stops its demo service when destroyed. */
class DemoCopy
{
public:
    DemoCopy()
        : m_port(freePort())
    {
        m_path = m_tmp.filePath(QStringLiteral("demo wörk's dir")); // a path to quote
        m_error = Promotion::DemoWorkspace::extractTo(m_path);
    }
    ~DemoCopy()
    {
        QProcess down;
        down.setProcessEnvironment(environment());
        down.start(m_path + QStringLiteral("/tools/bin/demo-cluster-down"), {});
        down.waitForFinished(20000);
    }
    bool ok() const { return m_error.isEmpty() && m_tmp.isValid(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    quint16 port() const { return m_port; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PROMOTION_DEMO_PORT"), QString::number(m_port));
        env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
        for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }
    void setEnv(const QString &name, const QString &value) { m_extraEnv.insert(name, value); }
    /*! Forget what setEnv() added (e.g. a fault for the first run only). */
    void clearEnv() { m_extraEnv.clear(); }

    /*! Starts `promotion-console promote --workspace PATH ARGS` in \a p, in environment(). */
    void startPromote(QProcess &p, const QStringList &args) const
    {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(APP_BINARY),
                QStringList{QStringLiteral("promote"), QStringLiteral("--workspace"), m_path} +
                    args);
    }

    Run promote(const QStringList &args, int timeoutMs = 240000) const
    {
        QProcess p;
        startPromote(p, args);
        Run r;
        r.finished = p.waitForFinished(timeoutMs);
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    /*! promote() with this process's event loop running meanwhile (a fake GitHub served by
     *  the test lives there); \a onOutput, if given, sees the standard output so far. */
    Run promoteSpinning(const QStringList &args, int timeoutMs = 240000,
                        const std::function<void(const QByteArray &)> &onOutput = {}) const
    {
        QProcess p;
        startPromote(p, args);
        Run r;
        QElapsedTimer t;
        t.start();
        p.waitForStarted();
        while (p.state() != QProcess::NotRunning && t.elapsed() < timeoutMs) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            r.out += p.readAllStandardOutput();
            if (onOutput)
                onOutput(r.out);
        }
        r.finished = p.state() == QProcess::NotRunning;
        if (!r.finished) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitCode();
        r.out += p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        if (qEnvironmentVariableIsSet("PROMOTION_TEST_DUMP"))
            qInfo().noquote() << "promote" << args.join(u' ') << "→" << r.exitCode << "\n"
                              << QString::fromUtf8(r.out) << QString::fromUtf8(r.err);
        return r;
    }

    QString readFile(const QString &relative) const
    {
        QFile f(QDir(m_path).filePath(relative));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    /*! SHA-256 of every git-tracked file, keyed by path. */
    QMap<QString, QByteArray> trackedDigests() const
    {
        QProcess git;
        git.setWorkingDirectory(m_path);
        git.start(QStringLiteral("git"), {QStringLiteral("ls-files"), QStringLiteral("-z")});
        git.waitForFinished();
        QMap<QString, QByteArray> digests;
        for (const QByteArray &name : git.readAllStandardOutput().split('\0')) {
            if (name.isEmpty())
                continue;
            QFile f(QDir(m_path).filePath(QString::fromUtf8(name)));
            digests.insert(QString::fromUtf8(name),
                           f.open(QIODevice::ReadOnly)
                               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                               : QByteArray("missing"));
        }
        return digests;
    }

private:
    QTemporaryDir m_tmp;
    QString m_path;
    QString m_error;
    quint16 m_port;
    QMap<QString, QString> m_extraEnv;
};

inline QJsonObject parseJson(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

inline QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? parseJson(f.readAll()) : QJsonObject();
}

/*! The one report of \a demo's workspace; empty if there is none, or more than one. */
inline QJsonObject onlyReport(const DemoCopy &demo)
{
    const QDir dir(demo.path() + QStringLiteral("/.promotion/reports"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    return files.size() == 1 ? readJson(dir.filePath(files.first())) : QJsonObject();
}

/*! A report's tracking.github: the issue, the queued actions and what was pending. */
inline QJsonObject reportGitHub(const QJsonObject &report)
{
    return report.value(QStringLiteral("tracking"))
        .toObject()
        .value(QStringLiteral("github"))
        .toObject();
}

/*! The TOTAL percentage pytest-cov prints for \a component, run independently of the app. */
inline double pytestCovTotal(const QString &workspace, const QString &component, QString *output)
{
    QProcess p;
    p.setWorkingDirectory(workspace);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), workspace + QStringLiteral("/src"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    QTemporaryDir dataDir; // the independent run must not leave files in the workspace
    env.insert(QStringLiteral("COVERAGE_FILE"), dataDir.filePath(QStringLiteral(".coverage")));
    p.setProcessEnvironment(env);
    // Two decimals, so the comparison to 0.1 % means something.
    QTemporaryDir rcDir;
    const QString rc = rcDir.filePath(QStringLiteral("coveragerc"));
    QFile rcFile(rc);
    if (rcFile.open(QIODevice::WriteOnly))
        rcFile.write("[report]\nprecision = 2\n");
    rcFile.close();
    p.start(QStringLiteral("pytest"),
            {QStringLiteral("tests/%1/").arg(component),
             QStringLiteral("--cov=src/%1").arg(component), QStringLiteral("--cov-config=") + rc,
             QStringLiteral("--cov-report=term"), QStringLiteral("-p"),
             QStringLiteral("no:cacheprovider"), QStringLiteral("-q")});
    p.waitForFinished(120000);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    if (output)
        *output = text;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("TOTAL"))) {
            QString last = line.split(QLatin1Char(' '), Qt::SkipEmptyParts).last();
            last.chop(1); // "%"
            return last.toDouble();
        }
    }
    return -1;
}

} // namespace PromoteTest
