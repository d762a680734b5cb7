// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/promotionengine.h"
#include "workflow/runstate.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace Promotion {

class PromotionEngine;

/*!
 * \brief What every page of the promotion wizard shares: the engine it shows, the step
 * it belongs to, and whether the user may go on.
 *
 * Pages read everything from the engine's RunState and send every decision back to
 * the engine; they keep no copy of gate, criteria or approval state.
 */
class WizardPage : public QWidget
{
    Q_OBJECT
public:
    WizardPage(StepId step, PromotionEngine *engine, QWidget *parent = nullptr);

    StepId step() const { return m_step; }
    /*! A sentence under the page title saying what happens on this page. */
    virtual QString subtitle() const = 0;
    /*! The page became the current one. */
    virtual void enter() {}
    /*! The engine replaced its whole state (begin(), resume()). */
    virtual void reload() {}
    /*! True when the user may go on to the next page. Default: the step passed or was skipped. */
    virtual bool isComplete() const;

    /*! The person at the keyboard: QSettings "identity/override", else git's user, else the login.
     */
    static QString identity(const QString &workspace);
    /*! Fill \a list with ✓/✗ rows, one per check, the detail as tooltip and second line. */
    static void fillChecks(QListWidget *list, const QList<CheckItem> &checks);
    /*! Show \a text in \a label styled as an error (empty hides the label). */
    static void setError(QLabel *label, const QString &text);
    /*! The style sheet of error text on \a widget: the palette's "fail" colour, readable on
     *  light and dark palettes. */
    static QString errorStyle(const QWidget *widget);

Q_SIGNALS:
    /*! isComplete() may have changed. */
    void completeChanged();
    /*! The page finished what the user asked for and wants the wizard to move on. */
    void advanceRequested();

protected:
    PromotionEngine *engine() const { return m_engine; }
    QString currentIdentity() const;
    /*! The identity to record a tick, an attestation or a rollback with. Without any git
     *  identity (no user.email) and no identity in Settings, asks once and keeps the answer
     *  as the Settings identity; empty when the person declines (nothing is recorded). */
    QString identityForRecord();

private:
    StepId m_step;
    QPointer<PromotionEngine> m_engine;
};

} // namespace Promotion
