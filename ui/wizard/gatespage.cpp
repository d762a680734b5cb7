// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatespage.h"

#include "coveragechartview.h"
#include "enginetext.h"
#include "gateresultsmodel.h"
#include "locationopener.h"
#include "logmodel.h"
#include "logview.h"
#include "policy/qualitygateskip.h"
#include "teardown.h"
#include "workflow/promotionengine.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace Promotion {

namespace {
constexpr qint64 kMaxLogBytes = 8 * 1024 * 1024;
}

GatesPage::GatesPage(PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::QualityGates, engine, parent)
    , m_model(new GateResultsModel(engine, this))
{
    setObjectName(QStringLiteral("pageGates"));
    auto *layout = new QVBoxLayout(this);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("gatesSplitter"));
    vertical->setChildrenCollapsible(false);
    auto *top = new QWidget(vertical);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableBox = new QWidget(top);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableLabel = new QLabel(tr("&Quality gates"), tableBox);
    m_table = new QTableView(tableBox);
    m_table->setObjectName(QStringLiteral("gateTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    // Long thresholds ("≥ 1 file(s) matching tests/integration/…") are elided; the tooltip has
    // them.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(GateResultsModel::ThresholdColumn,
                                                      QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideMiddle);
    tableLabel->setBuddy(m_table);
    tableLayout->addWidget(tableLabel);
    tableLayout->addWidget(m_table, 1);
    topLayout->addWidget(tableBox, 1);
    m_chart = new CoverageChartView(top);
    m_chart->setObjectName(QStringLiteral("coverageChart"));
    // The table's columns come first on a narrow screen; the bullet chart reads well small.
    m_chart->setMinimumWidth(210);
    m_chart->setMaximumWidth(340);
    topLayout->addWidget(m_chart, 0);

    auto *logBox = new QWidget(vertical);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    m_logTitle = new QLabel(tr("Output"), logBox);
    m_logTitle->setObjectName(QStringLiteral("gateLogTitle"));
    m_log = new LogView(logBox);
    m_log->setObjectName(QStringLiteral("gateLog"));
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log, 1);
    vertical->addWidget(top);
    vertical->addWidget(logBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("gatesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run gates"), this);
    m_run->setObjectName(QStringLiteral("runGatesButton"));
    m_cancel = new QPushButton(tr("Cancel &gates"), this);
    m_cancel->setObjectName(QStringLiteral("cancelGatesButton"));
    m_retry = new QPushButton(tr("Re&try failed"), this);
    m_retry->setObjectName(QStringLiteral("retryGatesButton"));
    m_retry->setToolTip(tr("Run the gates again; gates that passed keep their result"));
    m_attest = new QPushButton(tr("&Attest…"), this);
    m_attest->setObjectName(QStringLiteral("attestButton"));
    m_attest->setToolTip(tr("Record your word for the selected gate, which no tool can measure"));
    m_openCoverage = new QPushButton(tr("Open c&overage report"), this);
    m_openCoverage->setObjectName(QStringLiteral("openCoverageButton"));
    m_skip = new QPushButton(tr("S&kip quality gates…"), this);
    m_skip->setObjectName(QStringLiteral("skipGatesButton"));
    m_skip->setToolTip(tr("Skip every gate; the reason is recorded in the issue and the report"));
    for (QPushButton *b : {m_run, m_cancel, m_retry, m_attest, m_openCoverage})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);
    layout->addLayout(buttons);

    connect(m_run, &QPushButton::clicked, this, &GatesPage::runGates);
    connect(m_retry, &QPushButton::clicked, this, &GatesPage::runGates);
    connect(m_cancel, &QPushButton::clicked, engine, &PromotionEngine::cancel);
    connect(m_skip, &QPushButton::clicked, this, &GatesPage::skipGates);
    connect(m_attest, &QPushButton::clicked, this, &GatesPage::attestSelected);
    connect(m_openCoverage, &QPushButton::clicked, this, &GatesPage::openCoverageReport);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selecting && current.isValid())
                    m_userPickedGate = true;
                showGateLog(m_model->gateIdAt(current.row()));
                updateActions();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_shownGate.isEmpty())
            selectGate(m_shownGate);
    });

    connect(engine, &PromotionEngine::gateStarted, this, [this](const QString &id) {
        LogModel *log = logFor(id);
        log->clear();
        if (!m_userPickedGate)
            selectGate(id);
        updateStatus();
        updateActions();
    });
    connect(engine, &PromotionEngine::gateOutput, this,
            [this](const QString &id, const QByteArray &chunk, OutputChannel) {
                logFor(id)->appendData(chunk);
            });
    connect(engine, &PromotionEngine::gateFinished, this, [this](const QString &id) {
        LogModel *log = logFor(id);
        log->finish();
        if (const GateResult *g = this->engine()->state().gate(id)) {
            if (!g->argv.isEmpty() && log->rowCount() == 0)
                log->appendLine(QStringLiteral("$ ") + g->argv.join(QLatin1Char(' ')));
            log->appendLine(
                tr("— %1: %2%3")
                    .arg(g->title, GateResultsModel::statusText(g->status),
                         g->measuredText.isEmpty()
                             ? QString()
                             : QStringLiteral(", ") + EngineText::display(g->measuredText)));
            if (!g->message.isEmpty() && g->status != GateStatus::Passed)
                log->appendLine(g->message);
        }
        updateCoverage();
        updateStatus();
        updateActions();
    });
    connect(engine, &PromotionEngine::stepStarted, this, [this](StepId step) {
        if (step == StepId::QualityGates) {
            m_inputError.clear();
            updateStatus();
            updateActions();
        }
    });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::QualityGates) {
            selectFirstProblemGate();
            updateCoverage();
            updateStatus();
            updateActions();
            Q_EMIT completeChanged();
        }
    });
    reload();
}

GatesPage::~GatesPage()
{
    // After this body the page is only a QWidget while its children die; signals from
    // the gate table's selection model (currentRowChanged) and the results model must not reach
    // our slots then.
    disconnectDescendants(this);
}

QString GatesPage::subtitle() const
{
    return tr("Run the quality gates of this transition. Every gate must pass, be attested, "
              "or the gates are skipped with a reason that goes on record.");
}

LogModel *GatesPage::logFor(const QString &id)
{
    auto it = m_logs.find(id);
    if (it != m_logs.end())
        return *it;
    auto *log = new LogModel(this);
    m_logs.insert(id, log);
    // A gate that finished before this wizard opened (resume): read its captured output back.
    const GateResult *g = engine()->state().gate(id);
    if (g && !g->logFile.isEmpty() && gateStatusIsFinal(g->status)) {
        QFile file(QDir(engine()->artifactsDir()).absoluteFilePath(g->logFile));
        if (file.open(QIODevice::ReadOnly)) {
            log->appendData(file.read(kMaxLogBytes));
            log->finish();
        }
    }
    return log;
}

void GatesPage::enter()
{
    m_chart->setTargetStage(engine()->state().request.to);
    updateCoverage();
    updateStatus();
    updateActions();
}

void GatesPage::reload()
{
    if (engine()->state().runId != m_runId) {
        // Another run: its gates' output starts afresh (or is read back from its artifacts).
        m_runId = engine()->state().runId;
        m_log->setModel(nullptr);
        qDeleteAll(m_logs);
        m_logs.clear();
        m_shownGate.clear();
        m_userPickedGate = false;
    }
    m_model->reload();
    m_chart->setStages(engine()->policy().stages);
    m_chart->setTargetStage(engine()->state().request.to);
    updateCoverage();
    if (m_table->currentIndex().isValid() == false && m_model->rowCount() > 0 &&
        m_shownGate.isEmpty())
        selectGate(m_model->gateIdAt(0));
    selectFirstProblemGate();
    updateStatus();
    updateActions();
    Q_EMIT completeChanged();
}

void GatesPage::runGates()
{
    m_inputError.clear();
    m_userPickedGate = false;
    engine()->runStep(StepId::QualityGates);
    updateActions();
}

void GatesPage::selectGate(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_selecting = true;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
    m_selecting = false;
    showGateLog(id);
}

void GatesPage::selectFirstProblemGate()
{
    // After the gates ran (or on a resumed run), the pane opens on what blocks: the first
    // failed gate, else the first that needs a person; unless the user chose one.
    if (m_userPickedGate)
        return;
    QString attest;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->gateIdAt(row);
        const GateResult *g = engine()->state().gate(id);
        if (!g)
            continue;
        if (g->status == GateStatus::Failed || g->status == GateStatus::Error) {
            selectGate(id);
            return;
        }
        if (g->status == GateStatus::NeedsAttestation && attest.isEmpty())
            attest = id;
    }
    if (!attest.isEmpty())
        selectGate(attest);
}

QString GatesPage::selectedGate() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->gateIdAt(current.row()) : QString();
}

void GatesPage::showGateLog(const QString &id)
{
    if (id.isEmpty() || id == m_shownGate)
        return;
    m_shownGate = id;
    m_log->setModel(logFor(id));
    const GateResult *g = engine()->state().gate(id);
    m_logTitle->setText(tr("Output of %1").arg(g && !g->title.isEmpty() ? g->title : id));
    m_log->setSuggestedFileName(QStringLiteral("%1.log").arg(id));
}

QString GatesPage::coverageReportPath() const
{
    const QString artifacts = engine()->artifactsDir();
    return artifacts.isEmpty() ? QString() : artifacts + QStringLiteral("/htmlcov/index.html");
}

void GatesPage::openCoverageReport()
{
    const QString path = coverageReportPath();
    if (QFileInfo::exists(path))
        LocationOpener::open(this, path);
}

void GatesPage::skipGates()
{
    const RunState &state = engine()->state();
    const Policy &policy = engine()->policy();
    // Refused up front when the policy does not allow it for this stage: no dialog to fill.
    const QString forbidden = QualityGateSkip::stageProblem(policy, state.request.to);
    if (!forbidden.isEmpty()) {
        m_inputError = tr("The quality gates were not skipped: %1.").arg(forbidden);
        updateStatus();
        return;
    }
    QStringList skipped;
    if (const TransitionDefinition *t = policy.transition(
            state.currentStage.isEmpty() ? state.request.from : state.currentStage,
            state.request.to)) {
        for (const QString &id : t->gates)
            skipped << QStringLiteral("• %1 (%2)").arg(policy.gates.value(id).title, id);
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("skipReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Skip Quality Gates"));
    dialog->setLabelText(
        tr("These gates will NOT be checked:\n%1\n\nWhy are they skipped? Write a sentence "
           "(at least %2 characters and %3 words). The reason and your name (%4) are recorded "
           "in the issue and the report%5.")
            .arg(skipped.join(QLatin1Char('\n')))
            .arg(QualityGateSkip::MinimumReasonLength)
            .arg(QualityGateSkip::MinimumReasonWords)
            .arg(currentIdentity(),
                 policy.skipApprovalRole.isEmpty()
                     ? QString()
                     : tr(", and a second person in the role '%1' must approve")
                           .arg(policy.roles.value(policy.skipApprovalRole).title)));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setOkButtonText(tr("&Skip gates"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString reason = text.simplified();
        if (reason.isEmpty()) {
            m_inputError = tr("The quality gates were not skipped: a reason is required.");
            updateStatus();
            return;
        }
        if (const QString problem = QualityGateSkip::reasonProblem(reason); !problem.isEmpty()) {
            m_inputError = tr("The quality gates were not skipped: %1.").arg(problem);
            updateStatus();
            return;
        }
        const QString role = engine()->policy().skipApprovalRole;
        if (role.isEmpty()) {
            confirmSkip(reason, QString());
            return;
        }
        auto *approval = new QInputDialog(this);
        approval->setObjectName(QStringLiteral("skipApproverDialog"));
        approval->setAttribute(Qt::WA_DeleteOnClose);
        approval->setWindowTitle(tr("Approve Skipping the Quality Gates"));
        approval->setLabelText(tr("Who approves skipping the quality gates as %1? It must be "
                                  "someone other than you (%2).")
                                   .arg(engine()->policy().roles.value(role).title,
                                        currentIdentity()));
        approval->setInputMode(QInputDialog::TextInput);
        approval->setOkButtonText(tr("&Approve and skip"));
        connect(approval, &QInputDialog::textValueSelected, this,
                [this, reason](const QString &approver) { confirmSkip(reason, approver); });
        approval->open();
    });
    dialog->open();
}

void GatesPage::confirmSkip(const QString &reason, const QString &approver)
{
    QString error;
    if (!engine()->skipQualityGates(reason, currentIdentity(), approver.trimmed(), &error)) {
        m_inputError = tr("The quality gates were not skipped: %1.").arg(error);
        updateStatus();
        return;
    }
    m_inputError.clear();
    updateActions();
}

void GatesPage::attestSelected()
{
    const QString id = selectedGate();
    const GateResult *g = engine()->state().gate(id);
    if (!g)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("attestDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Attest Gate"));
    dialog->setLabelText(
        tr("You (%1) attest that “%2” holds. Your name and the time are recorded.\n"
           "Note (optional, e.g. where the evidence is):")
            .arg(currentIdentity(), g->title));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setOkButtonText(tr("&Attest"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &note) {
        const QString who = currentIdentity();
        if (who.isEmpty()) {
            m_inputError = tr("Nobody to record: set your name in Settings or in git's user.name.");
            updateStatus();
            return;
        }
        engine()->attestGate(id, who, note.trimmed());
        updateActions();
    });
    dialog->open();
}

void GatesPage::updateCoverage()
{
    std::optional<double> coverage = engine()->state().coverage;
    if (!coverage) {
        if (const GateResult *g = engine()->state().gate(QStringLiteral("coverage")))
            coverage = g->measured;
    }
    m_chart->setCoverage(coverage);
}

void GatesPage::updateActions()
{
    const PromotionEngine *e = engine();
    const StepStatus status = e->state().step(StepId::QualityGates).status;
    const bool running = status == StepStatus::Running;
    const bool begun = !e->state().runId.isEmpty();
    const bool before = e->state().step(StepId::Validate).status == StepStatus::Passed;
    const bool open = begun && before && !e->isBusy() &&
                      !e->state().isFinished() &&
                      e->state().step(StepId::Criteria).status == StepStatus::Pending;
    m_run->setEnabled(open && status == StepStatus::Pending);
    m_retry->setEnabled(open && status == StepStatus::Failed);
    m_cancel->setEnabled(running);
    m_skip->setEnabled(open && (status == StepStatus::Pending || status == StepStatus::Failed));
    const GateResult *g = e->state().gate(selectedGate());
    m_attest->setEnabled(g && !running && g->status == GateStatus::NeedsAttestation &&
                         status != StepStatus::Skipped);
    m_openCoverage->setEnabled(QFileInfo::exists(coverageReportPath()));
}

void GatesPage::updateStatus()
{
    const RunState &s = engine()->state();
    const StepState &step = s.step(StepId::QualityGates);
    int finished = 0;
    QStringList failed;
    QStringList attest;
    for (const GateResult &g : s.gates) {
        if (gateStatusIsFinal(g.status))
            ++finished;
        if (g.status == GateStatus::Failed || g.status == GateStatus::Error)
            failed.append(g.title);
        if (g.status == GateStatus::NeedsAttestation)
            attest.append(g.title);
    }
    QString text;
    bool error = false;
    switch (step.status) {
    case StepStatus::Pending:
        text = s.gates.isEmpty() ? tr("Validate the component first.")
                                 : tr("Press Run gates to run the %n gate(s) of %1 → %2.", nullptr,
                                      int(s.gates.size()))
                                       .arg(s.currentStage, s.request.to);
        break;
    case StepStatus::Running:
        text = tr("Running… %1 of %2 gates finished.").arg(finished).arg(s.gates.size());
        break;
    case StepStatus::Passed:
        text = tr("✓ %1").arg(EngineText::display(step.summary));
        break;
    case StepStatus::Skipped:
        text = tr("⚠ %1").arg(EngineText::display(step.summary));
        break;
    case StepStatus::Failed: {
        error = true;
        QStringList parts;
        if (!failed.isEmpty())
            parts.append(tr("failed: %1").arg(failed.join(QStringLiteral(", "))));
        if (!attest.isEmpty())
            parts.append(tr("need attestation: %1 (select it and press Attest…)")
                             .arg(attest.join(QStringLiteral(", "))));
        text = tr("✗ Blocked — %1. Fix and retry, or skip with a reason.")
                   .arg(parts.isEmpty() ? step.summary : parts.join(QStringLiteral("; ")));
        break;
    }
    }
    if (!m_inputError.isEmpty()) {
        text = m_inputError;
        error = true;
    }
    m_status->setText(text);
    m_status->setStyleSheet(error ? errorStyle(m_status) : QString());
}

} // namespace Promotion
