// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

namespace Promotion {

class ProcessRunner;
struct ProcessResult;

/*!
 * \brief Finds the GitHub token without blocking: GH_TOKEN, then GITHUB_TOKEN,
 * then (when `gh` is on PATH and the caller asks) `gh auth token`.
 *
 * Every token found is registered with Redactor::registerSecret(), so no log,
 * report or journal line can carry it.
 */
class GitHubToken final : public QObject
{
    Q_OBJECT
public:
    enum class Source { None, GhTokenVariable, GithubTokenVariable, GhCli };
    Q_ENUM(Source)

    explicit GitHubToken(QObject *parent = nullptr);
    ~GitHubToken() override;

    /*! Headless: the environment only. Registers the token found with the redactor. */
    static QString fromEnvironment(const QProcessEnvironment &env, Source *source = nullptr);
    /*! Path of `gh` on \a env's PATH, empty when there is none (offer it only then). */
    static QString ghProgram(const QProcessEnvironment &env);
    static QString sourceName(Source source);

    /*! Run `gh auth token` (asynchronously); finished() follows. False if it could not start. */
    bool requestFromGh(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

Q_SIGNALS:
    /*! \a token is empty on failure, with \a error saying why (never the token itself). */
    void finished(const QString &token, Promotion::GitHubToken::Source source, const QString &error);

private:
    void onGhFinished(const ProcessResult &result);

    ProcessRunner *m_runner = nullptr;
};

} // namespace Promotion
