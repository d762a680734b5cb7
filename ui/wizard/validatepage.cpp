// SPDX-License-Identifier: GPL-3.0-or-later
#include "validatepage.h"

#include "enginetext.h"
#include "policy/policyloader.h"
#include "settingsdialog.h"
#include "syntaxhighlighting.h"
#include "teardown.h"
#include "workflow/promotionengine.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace Promotion {

namespace {
constexpr qint64 kMaxSpecBytes = 2 * 1024 * 1024;
}

ValidatePage::ValidatePage(const QString &workspace, PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::Validate, engine, parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("pageValidate"));
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(workspace);
    if (loaded.ok())
        m_policy = *loaded.policy;

    auto *layout = new QVBoxLayout(this);
    m_policyError = new QLabel(this);
    m_policyError->setObjectName(QStringLiteral("policyError"));
    m_policyError->setWordWrap(true);
    m_policyError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_policyError);
    setError(m_policyError, loaded.ok()
                                ? QString()
                                : tr("The promotion policy cannot be used, so nothing can run:\n%1")
                                      .arg(loaded.errorString()));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_component = new QComboBox(this);
    m_component->setObjectName(QStringLiteral("componentCombo"));
    m_component->setMinimumContentsLength(24);
    for (const ComponentInfo &c : Workspace(workspace).components())
        m_component->addItem(c.name, c.name);
    form->addRow(tr("&Component:"), m_component);

    m_currentStage = new QLabel(this);
    m_currentStage->setObjectName(QStringLiteral("currentStageLabel"));
    m_currentStage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Current stage:"), m_currentStage);

    m_expectedStage = new QComboBox(this);
    m_expectedStage->setObjectName(QStringLiteral("expectedStageCombo"));
    m_expectedStage->addItem(tr("(take it from __maturity__)"), QString());
    m_targetStage = new QComboBox(this);
    m_targetStage->setObjectName(QStringLiteral("targetStageCombo"));
    if (m_policy) {
        for (const StageDefinition &s : m_policy->stages) {
            m_expectedStage->addItem(s.id, s.id);
            m_targetStage->addItem(tr("%1 (coverage ≥ %2 %)").arg(s.id).arg(s.coverageMin), s.id);
        }
    }
    m_expectedStage->setToolTip(tr("Optional: the stage you expect the component to be at. "
                                   "Validation fails when __maturity__ says otherwise."));
    form->addRow(tr("E&xpected current stage:"), m_expectedStage);
    form->addRow(tr("&Target stage:"), m_targetStage);

    auto *specRow = new QHBoxLayout;
    m_spec = new QLineEdit(this);
    m_spec->setObjectName(QStringLiteral("specEdit"));
    m_spec->setToolTip(tr("Specification file, relative to the workspace"));
    m_browse = new QPushButton(tr("Bro&wse…"), this);
    m_browse->setObjectName(QStringLiteral("specBrowseButton"));
    specRow->addWidget(m_spec, 1);
    specRow->addWidget(m_browse);
    auto *specLabel = new QLabel(tr("&Specification:"), this);
    specLabel->setBuddy(m_spec);
    form->addRow(specLabel, specRow);
    layout->addLayout(form);

    auto *actionRow = new QHBoxLayout;
    m_validate = new QPushButton(tr("&Validate"), this);
    m_validate->setObjectName(QStringLiteral("validateButton"));
    m_validate->setToolTip(tr("Check the component, its tests, its spec and its stage"));
    actionRow->addWidget(m_validate);
    m_resultSummary = new QLabel(this);
    m_resultSummary->setObjectName(QStringLiteral("validateSummary"));
    m_resultSummary->setWordWrap(true);
    actionRow->addWidget(m_resultSummary, 1);
    layout->addLayout(actionRow);

    m_lockNote = new QLabel(this);
    m_lockNote->setObjectName(QStringLiteral("inputsLockedNote"));
    m_lockNote->setWordWrap(true);
    m_lockNote->hide();
    layout->addWidget(m_lockNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("validateSplitter"));
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *checksLabel = new QLabel(tr("Validation &results"), left);
    m_checks = new QListWidget(left);
    m_checks->setObjectName(QStringLiteral("validationChecks"));
    m_checks->setWordWrap(true);
    m_checks->setAlternatingRowColors(true);
    checksLabel->setBuddy(m_checks);
    leftLayout->addWidget(checksLabel);
    leftLayout->addWidget(m_checks, 1);
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *specViewLabel = new QLabel(tr("Sp&ecification (read-only)"), right);
    m_specView = new QPlainTextEdit(right);
    m_specView->setObjectName(QStringLiteral("specView"));
    m_specView->setReadOnly(true);
    m_specView->setTabChangesFocus(true);
    m_specView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    specViewLabel->setBuddy(m_specView);
    SyntaxHighlighting::attach(m_specView->document(), QStringLiteral("Markdown"));
    rightLayout->addWidget(specViewLabel);
    rightLayout->addWidget(m_specView, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_validate->setEnabled(m_policy.has_value() && m_component->count() > 0);
    if (m_component->count() == 0)
        setError(m_resultSummary,
                 tr("No components in this workspace (expected src/<component>/__init__.py)."));

    connect(m_component, &QComboBox::currentIndexChanged, this, &ValidatePage::componentChanged);
    connect(m_expectedStage, &QComboBox::currentIndexChanged, this, &WizardPage::completeChanged);
    connect(m_targetStage, &QComboBox::currentIndexChanged, this, &WizardPage::completeChanged);
    connect(m_spec, &QLineEdit::textChanged, this, [this] {
        updateSpecPreview();
        Q_EMIT completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &ValidatePage::browseSpec);
    connect(m_validate, &QPushButton::clicked, this, &ValidatePage::validateRequested);
    connect(engine, &PromotionEngine::stepStarted, this, [this](StepId step) {
        if (step == StepId::Validate) {
            m_resultSummary->setStyleSheet({});
            m_resultSummary->setText(tr("Validating…"));
            m_validate->setEnabled(false);
        }
    });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::Validate) {
            showResults();
            m_validate->setEnabled(!m_lockNote->isVisible() && m_policy.has_value());
            Q_EMIT completeChanged();
        }
    });
    componentChanged();
}

ValidatePage::~ValidatePage()
{
    // After this body the page is only a QWidget while its children die; signals from
    // the combo boxes (currentIndexChanged) and the spec field (textChanged) must not reach our
    // slots then.
    disconnectDescendants(this);
}

QString ValidatePage::subtitle() const
{
    return tr(
        "Choose the component and the stage to promote it to, then validate its current state.");
}

void ValidatePage::setComponent(const QString &component)
{
    const int i = m_component->findData(component);
    if (i >= 0)
        m_component->setCurrentIndex(i);
}

QString ValidatePage::defaultSpec() const
{
    const QString c = m_component->currentData().toString();
    return c.isEmpty() ? QString() : QStringLiteral("specs/%1.md").arg(c);
}

void ValidatePage::componentChanged()
{
    const QString name = m_component->currentData().toString();
    const ComponentInfo info = Workspace(m_workspace).component(name);
    if (name.isEmpty()) {
        m_currentStage->clear();
    } else if (!info.problem.isEmpty()) {
        m_currentStage->setText(info.problem);
    } else if (info.stage.isEmpty()) {
        m_currentStage->setText(
            tr("not documented (no __maturity__ in src/%1/__init__.py)").arg(name));
    } else {
        m_currentStage->setText(
            tr("<b>%1</b> &nbsp;(__maturity__ in src/%2/__init__.py%3)")
                .arg(info.stage.toHtmlEscaped(), name.toHtmlEscaped(),
                     info.version.isEmpty()
                         ? QString()
                         : tr(", version %1").arg(info.version.toHtmlEscaped())));
    }
    // Propose the stage from Settings when it lies ahead, else the next one; the user may
    // pick another and validation says why it is refused.
    if (m_policy) {
        const int current = m_policy->stageIndex(info.stage);
        int target = current >= 0 ? std::min(current + 1, int(m_policy->stages.size()) - 1) : 0;
        const int preferred =
            m_policy->stageIndex(QSettings().value(SettingsDialog::defaultStageKey()).toString());
        if (preferred > current)
            target = preferred;
        m_targetStage->setCurrentIndex(target);
    }
    // Follow the component with the spec unless the user typed another one.
    if (m_spec->text().isEmpty() || m_spec->text() == m_lastDefaultSpec)
        m_spec->setText(defaultSpec());
    m_lastDefaultSpec = defaultSpec();
    updateSpecPreview();
    Q_EMIT completeChanged();
}

void ValidatePage::updateSpecPreview()
{
    const QString text = m_spec->text().trimmed();
    if (text.isEmpty()) {
        m_specView->setPlainText({});
        return;
    }
    const QString path = QDir(m_workspace).absoluteFilePath(text);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        m_specView->setPlainText(tr("(%1 does not exist or cannot be read)").arg(text));
        return;
    }
    QByteArray bytes = file.read(kMaxSpecBytes);
    QString content = QString::fromUtf8(bytes);
    if (!file.atEnd())
        content += tr("\n\n(… the rest of the file is not shown: it is larger than %1 MiB)")
                       .arg(kMaxSpecBytes >> 20);
    m_specView->setPlainText(content);
}

void ValidatePage::browseSpec()
{
    auto *dialog = new QFileDialog(this, tr("Choose the Specification"),
                                   QDir(m_workspace).filePath(QStringLiteral("specs")),
                                   tr("Markdown (*.md *.markdown);;All files (*)"));
    dialog->setObjectName(QStringLiteral("specFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        const QDir root(m_workspace);
        const QString relative = root.relativeFilePath(file);
        // Keep paths inside the workspace relative, so the journal and the report stay portable.
        m_spec->setText(relative.startsWith(QLatin1String("..")) ? file : relative);
    });
    dialog->open();
}

PromotionRequest ValidatePage::request() const
{
    PromotionRequest r;
    r.workspace = m_workspace;
    r.component = m_component->currentData().toString();
    r.from = m_expectedStage->currentData().toString();
    r.to = m_targetStage->currentData().toString();
    r.spec = m_spec->text().trimmed() == defaultSpec() ? QString() : m_spec->text().trimmed();
    return r;
}

bool ValidatePage::sameInputs(const PromotionRequest &a, const PromotionRequest &b)
{
    auto spec = [](const PromotionRequest &r) {
        return r.spec.isEmpty() ? QStringLiteral("specs/%1.md").arg(r.component) : r.spec;
    };
    return QDir(a.workspace) == QDir(b.workspace) && a.component == b.component &&
           a.from == b.from && a.to == b.to && spec(a) == spec(b);
}

void ValidatePage::showRequest(const PromotionRequest &request)
{
    setComponent(request.component);
    const int from = m_expectedStage->findData(request.from);
    m_expectedStage->setCurrentIndex(from >= 0 ? from : 0);
    const int to = m_targetStage->findData(request.to);
    if (to >= 0)
        m_targetStage->setCurrentIndex(to);
    m_spec->setText(request.spec.isEmpty() ? defaultSpec() : request.spec);
}

void ValidatePage::setInputsLocked(bool locked, const QString &why)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_component, m_expectedStage, m_targetStage,
                                                       m_spec, m_browse})
        w->setEnabled(!locked);
    m_validate->setEnabled(!locked && m_policy.has_value() && m_component->count() > 0 &&
                           !engine()->isBusy());
    m_lockNote->setText(why);
    m_lockNote->setVisible(locked && !why.isEmpty());
}

bool ValidatePage::isComplete() const
{
    return WizardPage::isComplete() && sameInputs(request(), engine()->state().request);
}

void ValidatePage::reload()
{
    showResults();
    Q_EMIT completeChanged();
}

void ValidatePage::showResults()
{
    const RunState &s = engine()->state();
    fillChecks(m_checks, s.validationChecks);
    const StepState &step = s.step(StepId::Validate);
    m_resultSummary->show();
    switch (step.status) {
    case StepStatus::Passed:
        m_resultSummary->setStyleSheet({});
        m_resultSummary->setText(
            tr("✓ Ready to promote: %1").arg(EngineText::display(step.summary).toHtmlEscaped()));
        break;
    case StepStatus::Failed: {
        int failed = 0;
        for (const CheckItem &c : s.validationChecks)
            failed += c.passed ? 0 : 1;
        setError(m_resultSummary,
                 tr("✗ %n check(s) failed; fix them and validate again.", nullptr, failed));
        break;
    }
    case StepStatus::Running:
        m_resultSummary->setText(tr("Validating…"));
        break;
    case StepStatus::Pending:
    case StepStatus::Skipped:
        m_resultSummary->setStyleSheet({});
        m_resultSummary->setText(tr("Not validated yet."));
        break;
    }
}

} // namespace Promotion
