// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"
#include "wizardpage.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Promotion {

/*!
 * \brief Page 1: what to promote where (component, expected and target stage, spec),
 * and the engine's validation of the current state with the spec shown read-only.
 *
 * The page only collects input; the wizard starts the run (PromotionEngine::begin)
 * when validateRequested() asks for it.
 */
class ValidatePage final : public WizardPage
{
    Q_OBJECT
public:
    ValidatePage(const QString &workspace, PromotionEngine *engine, QWidget *parent = nullptr);
    ~ValidatePage() override;

    QString subtitle() const override;
    void reload() override;
    /*! Passed validation, for exactly the inputs now on the page. */
    bool isComplete() const override;

    /*! False when the workspace's promotion.yaml cannot be loaded (the page says why). */
    bool hasPolicy() const { return m_policy.has_value(); }
    /*! Select \a component (ignored when the workspace has no such component). */
    void setComponent(const QString &component);
    /*! The request the inputs describe (identity and dry run are the wizard's). */
    PromotionRequest request() const;
    /*! Show the inputs of a run being resumed. */
    void showRequest(const PromotionRequest &request);
    /*! Inputs cannot change once the run is past validation; \a why says so on the page. */
    void setInputsLocked(bool locked, const QString &why = {});
    /*! True when \a a and \a b ask for the same promotion. */
    static bool sameInputs(const PromotionRequest &a, const PromotionRequest &b);

Q_SIGNALS:
    /*! The user asked to validate the inputs now on the page. */
    void validateRequested();

private:
    void componentChanged();
    void updateSpecPreview();
    void browseSpec();
    void showResults();
    QString defaultSpec() const;

    QString m_workspace;
    std::optional<Policy> m_policy;
    QComboBox *m_component = nullptr;
    QLabel *m_currentStage = nullptr;
    QComboBox *m_expectedStage = nullptr;
    QComboBox *m_targetStage = nullptr;
    QLineEdit *m_spec = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_validate = nullptr;
    QLabel *m_policyError = nullptr;
    QLabel *m_lockNote = nullptr;
    QLabel *m_resultSummary = nullptr;
    QListWidget *m_checks = nullptr;
    QPlainTextEdit *m_specView = nullptr;
    QString m_lastDefaultSpec;
};

} // namespace Promotion
