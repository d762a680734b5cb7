// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoworkspace.h"

#include "policy/policytrust.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

static void initDemoResources()
{
    // The resource lives in a static library: make sure it is registered.
    Q_INIT_RESOURCE(demo_workspace);
}

namespace Promotion {

namespace {
const QString kRoot = QStringLiteral(":/demo");

QString runGit(const QString &dir, const QStringList &args)
{
    // Runs once, before any window exists, on a handful of files: a short
    // synchronous call is acceptable here and keeps --demo simple.
    QProcess git;
    git.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Promotion Console Demo"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"),
               QStringLiteral("demo@promotion-console.invalid"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Promotion Console Demo"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"),
               QStringLiteral("demo@promotion-console.invalid"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("git"), args);
    if (!git.waitForStarted(10000))
        return QStringLiteral(
                   "could not run git (%1); install git or open the demo without history")
            .arg(git.errorString());
    git.waitForFinished(60000);
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0)
        return QStringLiteral("git %1 failed: %2")
            .arg(args.join(QLatin1Char(' ')),
                 QString::fromLocal8Bit(git.readAllStandardError()).trimmed());
    return {};
}
const QString kPortPlaceholder = QStringLiteral("{env:PROMOTION_DEMO_PORT:%1}");

/* Points the copy's policy at \a port: every {env:PROMOTION_DEMO_PORT:18555} default. */
QString setPolicyPort(const QString &targetDir, quint16 port)
{
    QFile policy(QDir(targetDir).filePath(QStringLiteral("promotion.yaml")));
    if (!policy.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(policy.fileName(), policy.errorString());
    const QByteArray before = policy.readAll();
    policy.close();
    QByteArray after = before;
    after.replace(kPortPlaceholder.arg(DemoWorkspace::kDefaultPort).toUtf8(),
                  kPortPlaceholder.arg(port).toUtf8());
    if (after == before)
        return {}; // a policy without the demo port: nothing to point elsewhere
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        policy.write(after) != after.size())
        return QStringLiteral("cannot write %1: %2").arg(policy.fileName(), policy.errorString());
    return {};
}
} // namespace

quint16 DemoWorkspace::pickFreePort()
{
    constexpr quint16 first = 18556;
    constexpr quint32 count = 1000;
    // A random start, so copies made at the same moment rarely probe the same port.
    const quint32 offset = QRandomGenerator::global()->bounded(count);
    for (quint32 i = 0; i < count; ++i) {
        const auto candidate = quint16(first + (offset + i) % count);
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, candidate))
            return candidate;
    }
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
}

quint16 DemoWorkspace::port(const QString &workspaceDir)
{
    QFile policy(QDir(workspaceDir).filePath(QStringLiteral("promotion.yaml")));
    if (!policy.open(QIODevice::ReadOnly))
        return kDefaultPort;
    // Same rule as tools/demo_cluster.py configured_port().
    static const QRegularExpression line(
        QStringLiteral(R"(^\s*PROMOTION_DEMO_PORT:\s*["']?(?:\{env:PROMOTION_DEMO_PORT:)?)"
                       R"((\d{1,5})\}?["']?\s*$)"),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(policy.readAll()));
    const uint value = match.hasMatch() ? match.captured(1).toUInt() : 0;
    return value >= 1 && value <= 65535 ? quint16(value) : kDefaultPort;
}

QStringList DemoWorkspace::files()
{
    initDemoResources();
    QStringList result;
    QDirIterator it(kRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        result.append(it.filePath().mid(kRoot.size() + 1));
    }
    result.sort();
    return result;
}

QString DemoWorkspace::createTemporaryLocation()
{
    const QString base = QDir::tempPath() + QStringLiteral("/promotion-console-demo-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int i = 2; QFileInfo::exists(candidate); ++i)
        candidate = base + QLatin1Char('-') + QString::number(i);
    return candidate;
}

QString DemoWorkspace::extractTo(const QString &targetDir)
{
    const QStringList relativePaths = files();
    if (relativePaths.isEmpty())
        return QStringLiteral("the demo workspace is missing from this build");
    QDir target(targetDir);
    if (target.exists() && !target.isEmpty())
        return QStringLiteral("%1 is not empty; choose an empty directory for the demo")
            .arg(targetDir);
    if (!QDir().mkpath(targetDir))
        return QStringLiteral("cannot create %1; check permissions").arg(targetDir);

    for (const QString &relative : relativePaths) {
        const QString destination = target.filePath(relative);
        QDir().mkpath(QFileInfo(destination).path());
        QFile source(kRoot + QLatin1Char('/') + relative);
        QFile out(destination);
        if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1: %2").arg(destination, out.errorString());
        const QByteArray data = source.readAll();
        if (out.write(data) != data.size())
            return QStringLiteral("cannot write %1: %2").arg(destination, out.errorString());
        out.close();
        // Resources carry no permissions: scripts (shebang) become executable.
        if (data.startsWith("#!")) {
            out.setPermissions(out.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                               QFileDevice::ExeOther);
        }
    }

    // Copies made one after another must not share the service port: the second
    // one's kubectl would find the first one's service there and refuse to deploy.
    if (const quint16 port = pickFreePort(); port != 0) {
        const QString error = setPolicyPort(targetDir, port);
        if (!error.isEmpty())
            return error;
    }
    // This application wrote the copy's policy: it is trusted as written. An edit asks.
    PolicyTrust::trust(targetDir);

    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
        return {}; // history is a convenience; the demo works without it
    for (const QStringList &args :
         {QStringList{QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                      QStringLiteral("main")},
          QStringList{QStringLiteral("add"), QStringLiteral("-A")},
          QStringList{QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                      QStringLiteral("Demo workspace")}}) {
        const QString error = runGit(targetDir, args);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace Promotion
