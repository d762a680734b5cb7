// SPDX-License-Identifier: GPL-3.0-or-later
#include "executepage.h"

#include "deploy/metadataupdater.h"
#include "deploy/semanticversion.h"
#include "enginetext.h"
#include "logmodel.h"
#include "logview.h"
#include "syntaxhighlighting.h"
#include "workflow/promotionengine.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Promotion {

ExecutePage::ExecutePage(PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::Execute, engine, parent)
{
    setObjectName(QStringLiteral("pageExecute"));
    auto *layout = new QVBoxLayout(this);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("executePlan"));
    m_plan->setWordWrap(true);
    m_plan->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_plan);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("executeSplitter"));
    splitter->setChildrenCollapsible(false);
    auto *diffBox = new QWidget(splitter);
    auto *diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_diffTitle = new QLabel(tr("&Changes to metadata and documentation"), diffBox);
    m_diff = new QPlainTextEdit(diffBox);
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_diff->setReadOnly(true);
    m_diff->setTabChangesFocus(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diffTitle->setBuddy(m_diff);
    SyntaxHighlighting::attach(m_diff->document(), QStringLiteral("Diff"));
    diffLayout->addWidget(m_diffTitle);
    diffLayout->addWidget(m_diff, 1);
    auto *logBox = new QWidget(splitter);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logLabel = new QLabel(tr("Deployment output"), logBox);
    m_log = new LogView(logBox);
    m_log->setObjectName(QStringLiteral("deployLog"));
    m_log->setSuggestedFileName(QStringLiteral("deploy.log"));
    logLayout->addWidget(logLabel);
    logLayout->addWidget(m_log, 1);
    splitter->addWidget(diffBox);
    splitter->addWidget(logBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *row = new QHBoxLayout;
    m_execute = new QPushButton(this);
    m_execute->setObjectName(QStringLiteral("executeButton"));
    row->addWidget(m_execute);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("executeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_failure = new QPlainTextEdit(this);
    m_failure->setObjectName(QStringLiteral("executeFailureOutput"));
    m_failure->setReadOnly(true);
    m_failure->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_failure->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_failure->setMaximumHeight(m_failure->fontMetrics().lineSpacing() * 9);
    m_failure->setAccessibleName(tr("Output of the failing command"));
    m_failure->hide();
    layout->addWidget(m_failure);

    connect(m_execute, &QPushButton::clicked, this, &ExecutePage::execute);
    connect(engine, &PromotionEngine::commandOutput, this,
            [this](const QString &source, const QByteArray &chunk, OutputChannel) {
                if (this->engine()->state().step(StepId::Execute).status != StepStatus::Running)
                    return;
                if (source != m_lastSource) {
                    m_log->model()->appendLine(QStringLiteral("▶ %1").arg(source));
                    m_lastSource = source;
                }
                m_log->appendData(chunk);
            });
    connect(engine, &PromotionEngine::stepStarted, this, [this](StepId step) {
        if (step == StepId::Execute) {
            m_log->clear();
            m_lastSource.clear();
            updateState();
        }
    });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::Execute) {
            m_log->model()->finish();
            showPlan();
            updateState();
            Q_EMIT completeChanged();
        }
    });
    connect(engine, &PromotionEngine::stateChanged, this, &ExecutePage::updateState);
}

QString ExecutePage::subtitle() const
{
    return tr("Review what the promotion changes, then promote: metadata and documentation are "
              "updated, the deploy commands run, and the AI-context note is recorded.");
}

void ExecutePage::enter()
{
    showPlan();
    updateState();
    m_execute->setFocus();
}

void ExecutePage::reload()
{
    showPlan();
    updateState();
    Q_EMIT completeChanged();
}

void ExecutePage::execute()
{
    if (engine()->isBusy())
        return;
    if (engine()->canRetryDeploy()) {
        // The cause is fixed (the person says so by clicking): deploy again, same run.
        QString error;
        if (!engine()->retryDeploy(PromotionEngine::localIdentity(engine()->workspace().root()),
                                   &error)) {
            m_status->setText(tr("✗ %1").arg(error));
            return;
        }
        showPlan();
    }
    if (engine()->state().step(StepId::Execute).status != StepStatus::Pending)
        return;
    engine()->runStep(StepId::Execute);
    updateState();
}

QString ExecutePage::failingOutput() const
{
    const ExecutionJournal &x = engine()->state().execution;
    for (const QString &id : {ActionId::RolloutStatus, ActionId::Apply}) {
        const JournalAction *a = x.action(id);
        if (a && a->phase == ActionPhase::Failed) {
            // The tail starts with the command line when it is short enough to hold it.
            QString text = a->outputTail.startsWith(QLatin1String("$ "))
                               ? QString()
                               : QStringLiteral("$ %1\n").arg(a->argv.join(QLatin1Char(' ')));
            text += a->outputTail.isEmpty() ? a->result : a->outputTail;
            if (a->attempts.size() > 1)
                text += QLatin1Char('\n') + tr("(failed %n time(s); the last attempt's output)",
                                               nullptr, int(a->attempts.size()));
            return text;
        }
    }
    return {};
}

QString ExecutePage::previewDiff(QString *error) const
{
    // The engine plans exactly what step 5 will write; nothing is written here.
    return engine()->previewMetadataDiff(error);
}

QStringList ExecutePage::plannedCommands() const
{
    // Exactly what the engine will run (steps 5 and 6, and a rollback), expanded by the
    // engine itself: the page never rebuilds variables or the environment.
    QStringList commands;
    if (!engine()->context().isOpen())
        return commands;
    for (const PlannedCommand &c : engine()->context().plannedCommands()) {
        QStringList shown;
        for (const QString &arg : c.argv) {
            // Quote what a shell would split, so the line reads as the argv it is.
            shown.append(arg.contains(QLatin1Char(' ')) || arg.isEmpty()
                             ? QLatin1Char('\'') + arg + QLatin1Char('\'')
                             : arg);
        }
        QString line =
            QStringLiteral("<b>%1</b>: <code>%2</code>")
                .arg(c.label.toHtmlEscaped(), shown.join(QLatin1Char(' ')).toHtmlEscaped());
        if (!c.error.isEmpty())
            line += tr(" <i>(cannot be expanded yet: %1)</i>").arg(c.error.toHtmlEscaped());
        commands.append(line);
    }
    return commands;
}

void ExecutePage::showPlan()
{
    const RunState &s = engine()->state();
    const StepStatus status = s.step(StepId::Execute).status;
    QString diff;
    if (status == StepStatus::Pending) {
        QString error;
        diff = previewDiff(&error);
        m_diffTitle->setText(
            tr("&Changes to metadata and documentation (preview — nothing written yet)"));
        if (!error.isEmpty())
            diff = tr("The changes cannot be planned: %1").arg(error);
        else if (diff.isEmpty())
            diff = tr("(no metadata or documentation changes)");
    } else {
        diff = s.metadataDiff;
        m_diffTitle->setText(s.request.dryRun
                                 ? tr("&Changes that would be made (dry run: nothing written)")
                                 : tr("&Changes made to metadata and documentation"));
    }
    if (m_diff->toPlainText() != diff)
        m_diff->setPlainText(diff);

    QStringList lines;
    for (const QString &command : plannedCommands())
        lines.append(QStringLiteral("<li>%1</li>").arg(command));
    m_plan->setText(tr("<b>%1</b> %2 → %3%4. Commands, in order (the rollback ones run only "
                       "if the promotion is rolled back):<ul style=\"margin-top:0\">%5</ul>")
                        .arg(s.request.component.toHtmlEscaped(), s.currentStage.toHtmlEscaped(),
                             s.request.to.toHtmlEscaped(),
                             s.request.dryRun
                                 ? tr(" — <b>dry run</b>: every change is recorded as “would do”")
                                 : QString(),
                             lines.join(QString())));
}

void ExecutePage::updateState()
{
    const RunState &s = engine()->state();
    const StepState &step = s.step(StepId::Execute);
    m_execute->setText(s.request.dryRun ? tr("&Record dry run") : tr("&Promote"));
    const bool ready = s.step(StepId::Tracking).status == StepStatus::Passed && !engine()->isBusy();
    const bool retry = engine()->canRetryDeploy();
    m_execute->setEnabled((ready && step.status == StepStatus::Pending && !s.isFinished()) ||
                          retry);
    QString text;
    bool error = false;
    switch (step.status) {
    case StepStatus::Pending:
        text =
            ready ? tr("Nothing has changed yet.") : tr("Approvals are needed before promoting.");
        break;
    case StepStatus::Running:
        text = tr("Promoting… %n change(s) recorded so far.", nullptr, int(s.effects.size()));
        break;
    case StepStatus::Passed:
        text = tr("✓ %1").arg(EngineText::display(step.summary));
        break;
    case StepStatus::Failed:
        text = tr("✗ %1").arg(EngineText::display(step.summary));
        if (retry)
            text += tr(" — fix the cause, then Promote to deploy again (or Finish to record the "
                       "failure).");
        error = true;
        break;
    case StepStatus::Skipped:
        text = EngineText::display(step.summary);
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(error ? errorStyle(m_status) : QString());
    const QString failing = step.status == StepStatus::Failed ? failingOutput() : QString();
    if (m_failure->toPlainText() != failing)
        m_failure->setPlainText(failing);
    m_failure->setVisible(!failing.isEmpty());
}

} // namespace Promotion
