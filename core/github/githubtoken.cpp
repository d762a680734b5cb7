// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubtoken.h"

#include "process/processrunner.h"
#include "process/toollocator.h"
#include "secrets/redactor.h"

namespace Promotion {

GitHubToken::GitHubToken(QObject *parent)
    : QObject(parent)
    , m_runner(new ProcessRunner(this))
{
    connect(m_runner, &ProcessRunner::finished, this, &GitHubToken::onGhFinished);
}

GitHubToken::~GitHubToken() = default;

QString GitHubToken::fromEnvironment(const QProcessEnvironment &env, Source *source)
{
    const std::pair<const char *, Source> names[] = {{"GH_TOKEN", Source::GhTokenVariable},
                                                     {"GITHUB_TOKEN", Source::GithubTokenVariable}};
    for (const auto &[name, src] : names) {
        const QString token = env.value(QString::fromLatin1(name)).trimmed();
        if (!token.isEmpty()) {
            Redactor::registerSecret(token);
            if (source)
                *source = src;
            return token;
        }
    }
    if (source)
        *source = Source::None;
    return {};
}

QString GitHubToken::ghProgram(const QProcessEnvironment &env)
{
    return ToolLocator::locate(QStringLiteral("gh"), env, QString(), QString()).path;
}

QString GitHubToken::sourceName(Source source)
{
    switch (source) {
    case Source::None:
        return QStringLiteral("none");
    case Source::GhTokenVariable:
        return QStringLiteral("GH_TOKEN");
    case Source::GithubTokenVariable:
        return QStringLiteral("GITHUB_TOKEN");
    case Source::GhCli:
        return QStringLiteral("gh auth token");
    }
    return {};
}

bool GitHubToken::requestFromGh(const QProcessEnvironment &env)
{
    if (m_runner->isRunning())
        return false;
    ProcessSpec spec;
    spec.argv = QStringList{QStringLiteral("gh"), QStringLiteral("auth"), QStringLiteral("token")};
    spec.environment = env;
    spec.timeoutMs = 30000;
    return m_runner->start(spec);
}

void GitHubToken::onGhFinished(const ProcessResult &result)
{
    const QString token = QString::fromUtf8(result.stdoutData).trimmed();
    if (!result.succeeded() || token.isEmpty()) {
        Q_EMIT finished({}, Source::None,
                        result.failedToStart
                            ? QStringLiteral("'gh' could not be started: ") + result.errorString
                            : QStringLiteral("'gh auth token' gave no token; run 'gh auth login' "
                                             "or set GH_TOKEN"));
        return;
    }
    Redactor::registerSecret(token);
    Q_EMIT finished(token, Source::GhCli, QString());
}

} // namespace Promotion
