// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "process/processresult.h"
#include "process/processspec.h"
#include "secrets/outputredactor.h"
#include "workflow/runstate.h"

#include <memory>
#include <QObject>

namespace Promotion {

class ProcessRunner;

/*!
 * \brief The one boundary through which a promotion changes the world: file
 * edits and commands (deploy, rollback, AI context, smoke tests).
 *
 * LiveEffects performs them; DryRunEffects only records what would have been
 * done. Tests can subclass to observe every effect.
 */
class EffectExecutor : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool isDryRun() const = 0;
    /*! Replace \a absolutePath with \a content (atomically). */
    virtual EffectRecord writeFile(const QString &absolutePath, const QByteArray &content,
                                   const QString &description) = 0;
    /*! Run one command; commandFinished() follows. Only one at a time. */
    virtual void runCommand(const QString &kind, const QString &description,
                            const ProcessSpec &spec) = 0;
    virtual void cancel() = 0;
    /*! True from runCommand() until commandFinished() has been emitted. */
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    void commandOutput(const QByteArray &chunk, Promotion::OutputChannel channel);
    void commandFinished(const Promotion::EffectRecord &record,
                         const Promotion::ProcessResult &result);
};

/*! \brief Performs effects for real. */
class LiveEffects final : public EffectExecutor
{
    Q_OBJECT
public:
    explicit LiveEffects(QObject *parent = nullptr);
    bool isDryRun() const override { return false; }
    EffectRecord writeFile(const QString &absolutePath, const QByteArray &content,
                           const QString &description) override;
    void runCommand(const QString &kind, const QString &description,
                    const ProcessSpec &spec) override;
    void cancel() override;
    bool isRunning() const override;

private:
    OutputRedactor &redactorFor(OutputChannel channel);

    ProcessRunner *m_runner = nullptr;
    EffectRecord m_current;
    std::unique_ptr<OutputRedactor> m_stdout;
    std::unique_ptr<OutputRedactor> m_stderr;
};

/*! \brief Records every effect as "would do" and performs none. */
class DryRunEffects final : public EffectExecutor
{
    Q_OBJECT
public:
    using EffectExecutor::EffectExecutor;
    bool isDryRun() const override { return true; }
    EffectRecord writeFile(const QString &absolutePath, const QByteArray &content,
                           const QString &description) override;
    void runCommand(const QString &kind, const QString &description,
                    const ProcessSpec &spec) override;
    void cancel() override {}
    bool isRunning() const override { return m_pending > 0; }

private:
    int m_pending = 0;
};

} // namespace Promotion
