// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardpage.h"

#include "chartpalette.h"
#include "enginetext.h"
#include "settingsdialog.h"
#include "statuspalette.h"
#include "tracking/gitidentity.h"
#include "workflow/promotionengine.h"

#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QSettings>

namespace Promotion {

WizardPage::WizardPage(StepId step, PromotionEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_step(step)
    , m_engine(engine)
{
}

bool WizardPage::isComplete() const
{
    if (!m_engine)
        return false;
    const StepStatus s = m_engine->state().step(m_step).status;
    return s == StepStatus::Passed || s == StepStatus::Skipped;
}

QString WizardPage::identity(const QString &workspace)
{
    const QString override =
        QSettings().value(SettingsDialog::identityOverrideKey()).toString().trimmed();
    if (!override.isEmpty())
        return override;
    return PromotionEngine::localIdentity(workspace);
}

QString WizardPage::currentIdentity() const
{
    if (!m_engine)
        return {};
    // With GitHub, the identity is the token's login.
    if (!m_engine->state().github.login.isEmpty() && !m_engine->state().request.dryRun)
        return m_engine->state().github.login;
    return identity(m_engine->state().request.workspace);
}

QString WizardPage::identityForRecord()
{
    if (!m_engine)
        return {};
    if (!m_engine->state().github.login.isEmpty() && !m_engine->state().request.dryRun)
        return m_engine->state().github.login;
    const QString override =
        QSettings().value(SettingsDialog::identityOverrideKey()).toString().trimmed();
    if (!override.isEmpty())
        return override;
    const GitIdentity local = GitIdentity::local(m_engine->state().request.workspace);
    if (!local.email.isEmpty())
        return local.toString();
    // No git identity: a tick must not be recorded as "unknown". Ask once, and keep it.
    bool ok = false;
    const QString answer =
        QInputDialog::getText(this, tr("Who Is Recording This?"),
                              tr("Git has no user.name and user.email here. Your name and e-mail "
                                 "are recorded with every tick (you can change them in "
                                 "Settings):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || answer.isEmpty())
        return {};
    QSettings().setValue(SettingsDialog::identityOverrideKey(), answer);
    return answer;
}

void WizardPage::fillChecks(QListWidget *list, const QList<CheckItem> &checks)
{
    // Rebuild only when something changed, so selection and scrolling survive updates.
    QStringList signature;
    for (const CheckItem &c : checks)
        signature << c.id << (c.passed ? QStringLiteral("1") : QStringLiteral("0")) << c.text
                  << c.detail;
    const QString key = signature.join(QChar(0x1f));
    if (list->count() == checks.size() && list->property("checksSignature").toString() == key)
        return;
    list->setProperty("checksSignature", key);
    list->clear();
    for (const CheckItem &c : checks) {
        const auto tone = c.passed ? StatusPalette::Tone::Good : StatusPalette::Tone::Bad;
        auto *item = new QListWidgetItem(
            StatusPalette::icon(tone),
            QStringLiteral("%1 %2\n%3")
                .arg(c.passed ? QStringLiteral("✓") : QStringLiteral("✗"),
                     EngineText::display(c.text), EngineText::display(c.detail)),
            list);
        item->setData(Qt::UserRole, c.id);
        item->setData(Qt::UserRole + 1, c.passed);
        item->setToolTip(EngineText::display(c.detail));
        if (!c.passed) {
            item->setBackground(StatusPalette::background(tone));
            item->setForeground(StatusPalette::foreground(tone));
        }
    }
}

QString WizardPage::errorStyle(const QWidget *widget)
{
    return QStringLiteral("color: %1;").arg(ChartPalette::fail(widget->palette()).name());
}

void WizardPage::setError(QLabel *label, const QString &text)
{
    label->setStyleSheet(errorStyle(label));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace Promotion
