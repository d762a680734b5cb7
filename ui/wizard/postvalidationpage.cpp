// SPDX-License-Identifier: GPL-3.0-or-later
#include "postvalidationpage.h"

#include "enginetext.h"
#include "healthchartview.h"
#include "logmodel.h"
#include "logview.h"
#include "workflow/promotionengine.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Promotion {

PostValidationPage::PostValidationPage(PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::PostValidation, engine, parent)
{
    setObjectName(QStringLiteral("pageValidation"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("validationSplitter"));
    splitter->setChildrenCollapsible(false);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *checksLabel = new QLabel(tr("&Checks"), left);
    m_checks = new QListWidget(left);
    m_checks->setObjectName(QStringLiteral("postValidationChecks"));
    m_checks->setWordWrap(true);
    checksLabel->setBuddy(m_checks);
    auto *logLabel = new QLabel(tr("Smoke test and rollback output"), left);
    m_log = new LogView(left);
    m_log->setObjectName(QStringLiteral("validationLog"));
    m_log->setSuggestedFileName(QStringLiteral("validation.log"));
    auto *deploymentLogLabel = new QLabel(tr("Deployment lo&g (streamed during the window)"), left);
    m_deploymentLog = new LogView(left);
    m_deploymentLog->setObjectName(QStringLiteral("deploymentLog"));
    m_deploymentLog->setSuggestedFileName(QStringLiteral("deployment.log"));
    m_deploymentLog->setMatchCaseText(tr("Match ca&se"));
    deploymentLogLabel->setBuddy(m_deploymentLog);
    leftLayout->addWidget(checksLabel);
    leftLayout->addWidget(m_checks, 2);
    leftLayout->addWidget(logLabel);
    leftLayout->addWidget(m_log, 2);
    leftLayout->addWidget(deploymentLogLabel);
    leftLayout->addWidget(m_deploymentLog, 2);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_chart = new HealthChartView(right);
    m_chart->setObjectName(QStringLiteral("healthChart"));
    m_baseline = new QLabel(right);
    m_baseline->setObjectName(QStringLiteral("baselineLabel"));
    m_baseline->setWordWrap(true);
    m_pods = new QLabel(right);
    m_pods->setObjectName(QStringLiteral("podUsageLabel"));
    m_pods->setWordWrap(true);
    m_pods->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_chart, 1);
    rightLayout->addWidget(m_baseline);
    rightLayout->addWidget(m_pods);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    auto *row = new QHBoxLayout;
    m_run = new QPushButton(tr("Run &validation"), this);
    m_run->setObjectName(QStringLiteral("runValidationButton"));
    m_rollback = new QPushButton(tr("R&oll back…"), this);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_rollback->setToolTip(tr("Undo the deployment now and restore the metadata"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("validationStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dashboard = new QPushButton(tr("Open dashboard &in Grafana"), this);
    m_dashboard->setObjectName(QStringLiteral("openDashboardButton"));
    m_dashboard->setToolTip(tr("The component's dashboard (policy monitoring.dashboard_url), "
                               "showing the verification window"));
    row->addWidget(m_run);
    row->addWidget(m_rollback);
    row->addWidget(m_dashboard);
    row->addWidget(m_status, 1);
    layout->addLayout(row);

    connect(m_run, &QPushButton::clicked, this, &PostValidationPage::runValidation);
    connect(m_rollback, &QPushButton::clicked, this, &PostValidationPage::requestRollback);
    connect(m_dashboard, &QPushButton::clicked, this, [this] {
        const QString link = this->engine()->state().dashboardLink();
        if (!link.isEmpty())
            QDesktopServices::openUrl(QUrl(link));
    });
    connect(engine, &PromotionEngine::healthSample, this,
            [this](const HealthSampleRecord &sample) { m_chart->addSample(sample); });
    connect(engine, &PromotionEngine::commandOutput, this,
            [this](const QString &source, const QByteArray &chunk, OutputChannel) {
                const bool mine = this->engine()->state().step(StepId::PostValidation).status ==
                                      StepStatus::Running ||
                                  m_rollingBack;
                if (!mine)
                    return;
                if (source != m_lastSource) {
                    m_log->model()->appendLine(QStringLiteral("▶ %1").arg(source));
                    m_lastSource = source;
                }
                m_log->appendData(chunk);
            });
    connect(engine, &PromotionEngine::deploymentLog, this,
            [this](const QByteArray &chunk) { m_deploymentLog->appendData(chunk); });
    connect(engine, &PromotionEngine::stepStarted, this, [this](StepId step) {
        if (step == StepId::PostValidation) {
            m_chart->clear();
            m_log->clear();
            m_deploymentLog->clear();
            m_lastSource.clear();
            updateState();
        }
    });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::PostValidation) {
            m_log->model()->finish();
            m_deploymentLog->model()->finish();
            updateState();
            Q_EMIT completeChanged();
        }
    });
    connect(engine, &PromotionEngine::stateChanged, this, [this] {
        if (m_rollingBack &&
            (!this->engine()->isBusy() || this->engine()->state().validation.rolledBack)) {
            m_rollingBack = this->engine()->isBusy();
            if (!m_rollingBack)
                Q_EMIT completeChanged();
        }
        updateThresholds();
        updateState();
    });
}

QString PostValidationPage::subtitle() const
{
    return tr("After the deploy: smoke tests, health and status checks, then the metrics over the "
              "verification window. A rollback trigger undoes the deployment.");
}

bool PostValidationPage::isComplete() const
{
    const RunState &s = engine()->state();
    const StepStatus status = s.step(StepId::PostValidation).status;
    return !engine()->isBusy() && (status == StepStatus::Passed || status == StepStatus::Failed ||
                                   s.validation.rolledBack || s.isFinished());
}

void PostValidationPage::enter()
{
    const RunState &s = engine()->state();
    // The deploy just happened: watch it right away.
    if (!engine()->isBusy() && s.step(StepId::Execute).status == StepStatus::Passed &&
        s.step(StepId::PostValidation).status == StepStatus::Pending && !s.isFinished())
        runValidation();
    updateThresholds();
    updateState();
}

void PostValidationPage::reload()
{
    m_chart->clear();
    for (const HealthSampleRecord &sample : engine()->state().validation.samples)
        m_chart->addSample(sample);
    updateThresholds();
    updateState();
    Q_EMIT completeChanged();
}

void PostValidationPage::runValidation()
{
    engine()->runStep(StepId::PostValidation);
    updateState();
}

void PostValidationPage::requestRollback()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("rollbackDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Roll Back"));
    dialog->setLabelText(
        tr("Roll back %1 in %2 now? The policy's rollback command runs and the metadata "
           "is restored.\nReason (recorded in the report):")
            .arg(engine()->state().request.component, engine()->state().request.to));
    dialog->setTextValue(tr("rolled back by %1 from the wizard").arg(currentIdentity()));
    dialog->setOkButtonText(tr("&Roll back"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString reason = text.trimmed().isEmpty()
                                   ? tr("rolled back by %1 from the wizard").arg(currentIdentity())
                                   : text.trimmed();
        m_rollingBack = true;
        m_lastSource.clear();
        engine()->rollbackNow(reason);
        updateState();
    });
    dialog->open();
}

void PostValidationPage::updateThresholds()
{
    const RunState &s = engine()->state();
    const ValidationPolicy &v = engine()->policy().validation;
    const double latencyLimit =
        s.validation.baselineAvailable && s.validation.baselineP95Ms > 0
            ? s.validation.baselineP95Ms * (1.0 + v.latencyDegradationMax / 100.0)
            : 0.0;
    m_chart->setThresholds(v.errorRateMax, latencyLimit);
    if (s.validation.baselineAvailable)
        m_baseline->setText(
            tr("Baseline before the deploy: error rate %L1 %, p95 %L2 ms. Rollback when the error "
               "rate exceeds %L3 % or p95 exceeds %L4 ms (+%L5 %).")
                .arg(s.validation.baselineErrorRatePercent, 0, 'f', 2)
                .arg(s.validation.baselineP95Ms, 0, 'f', 0)
                .arg(v.errorRateMax, 0, 'f', 1)
                .arg(latencyLimit, 0, 'f', 0)
                .arg(v.latencyDegradationMax, 0, 'f', 0));
    else
        m_baseline->setText(
            s.validation.baselineNote.isEmpty()
                ? tr("Rollback when the error rate exceeds %L1 %.").arg(v.errorRateMax, 0, 'f', 1)
                : tr("No latency baseline: %1").arg(s.validation.baselineNote));
}

void PostValidationPage::updateState()
{
    const RunState &s = engine()->state();
    m_dashboard->setVisible(!s.dashboardUrl.isEmpty());
    QStringList pods;
    for (const PodUsageRecord &p : s.validation.pods)
        pods.append(tr("%1 (%2): %3m CPU, %4 MiB")
                        .arg(p.name, p.sample)
                        .arg(p.cpuMillicores, 0, 'f', 0)
                        .arg(p.memoryMiB, 0, 'f', 0));
    m_pods->setText(pods.isEmpty() ? QString()
                                   : tr("Pods: %1").arg(pods.join(QStringLiteral("; "))));
    m_pods->setVisible(!pods.isEmpty());
    m_dashboard->setEnabled(s.step(StepId::Execute).status != StepStatus::Pending);
    QList<CheckItem> checks = s.validation.checks;
    if (checks.isEmpty() && s.request.dryRun) {
        // A dry run deploys nothing, so nothing is checked: show what would be.
        for (const EffectRecord &e : s.effects) {
            if (e.kind == QLatin1String("check"))
                checks.append(CheckItem{
                    e.description, tr("Would check: %1").arg(e.description), true,
                    QStringLiteral("%1 — %2").arg(e.result, e.argv.join(QLatin1Char(' ')))});
        }
    }
    fillChecks(m_checks, checks);
    const StepState &step = s.step(StepId::PostValidation);
    const bool busy = engine()->isBusy();
    const bool deployed = s.step(StepId::Execute).status == StepStatus::Passed;
    const bool open = !s.isFinished();
    m_run->setEnabled(!busy && deployed && open && step.status == StepStatus::Pending);
    m_rollback->setEnabled(deployed && !s.request.dryRun && !s.validation.rolledBack && open &&
                           !m_rollingBack);
    QString text;
    bool error = false;
    if (m_rollingBack || engine()->isRollingBack()) {
        text = tr("Rolling back…");
    } else if (s.outcome == RunOutcome::RollbackFailed) {
        text = tr("✗ %1").arg(s.validation.rollbackDetail);
        error = true;
    } else if (s.validation.rolledBack || s.outcome == RunOutcome::RolledBack) {
        text = tr("⟲ Rolled back: %1").arg(s.validation.rollbackReason);
        error = true;
    } else {
        switch (step.status) {
        case StepStatus::Pending:
            text = deployed ? tr("Validation has not run yet.") : tr("Promote first (page 5).");
            break;
        case StepStatus::Running:
            text = s.validation.samples.isEmpty() ? tr("Validating…")
                                                  : tr("Watching the metrics: %n sample(s).",
                                                       nullptr, int(s.validation.samples.size()));
            break;
        case StepStatus::Passed:
            text = tr("✓ %1").arg(EngineText::display(step.summary));
            break;
        case StepStatus::Failed:
            text = tr("✗ %1").arg(EngineText::display(step.summary));
            error = true;
            break;
        case StepStatus::Skipped:
            text = EngineText::display(step.summary);
            break;
        }
    }
    m_status->setText(text);
    m_status->setStyleSheet(error ? errorStyle(m_status) : QString());
}

} // namespace Promotion
