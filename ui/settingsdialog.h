// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Promotion {

class CredentialStore;

/*!
 * \brief The console's settings: GitHub repository and token, default target
 * stage, approver identity override.
 *
 * The token goes only to the system keychain, through CredentialStore's
 * asynchronous jobs; everything else is kept in QSettings. On open the dialog
 * asks the keychain whether a token is stored and says so without showing it;
 * Show reveals it. OK saves: the settings at once, the token (when it was
 * typed or removed) through the keychain, and the dialog closes only once the
 * keychain has confirmed. A keychain error is shown and the dialog stays open.
 *
 * Child object names: repositoryEdit, repositoryError, tokenEdit,
 * showTokenButton, removeTokenButton, tokenStatusLabel, defaultStageCombo,
 * identityEdit, buttonBox, testConnectionButton, connectionStatusLabel,
 * retryKeychainButton.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /*! Keychain key of the GitHub token. */
    static QString tokenKey() { return QStringLiteral("github-token"); }
    /*! QSettings key of the GitHub repository (owner/name). */
    static QString repositoryKey() { return QStringLiteral("github/repository"); }
    /*! QSettings key of the stage the wizard proposes (empty: the next stage). */
    static QString defaultStageKey() { return QStringLiteral("promotion/defaultTargetStage"); }
    /*! QSettings key of the identity used for approvals instead of git's user. */
    static QString identityOverrideKey() { return QStringLiteral("identity/override"); }
    /*! True for a GitHub "owner/name" (and for an empty string: no repository). */
    static bool isValidRepository(const QString &repository);

    /*! Stage ids offered as the default target (from the policy); defaults to the seed's three. */
    void setStages(const QStringList &stageIds);
    /*! The GitHub REST base the connection test uses (the workspace policy's tracking.api_url). */
    void setApiUrl(const QString &apiUrl) { m_apiUrl = apiUrl; }
    /*! Ask GitHub who the token is and what it may do in the repository; the result shows in
     *  connectionStatusLabel. OK runs it first when the token or repository changed. */
    void testConnection();

    /*! True while a keychain job started by the dialog has not answered. */
    bool isBusy() const;
    /*! Whether the keychain held a token when last asked (or after a save). */
    bool hasStoredToken() const { return m_hasStoredToken; }

    void accept() override;

Q_SIGNALS:
    /*! Everything was saved (settings and keychain); emitted just before the dialog closes. */
    void settingsSaved();

private:
    void load();
    void normalizeRepository();
    void validate();
    void setTokenStatus(const QString &text, bool problem);
    void onTokenRead(const QString &key, const QString &secret);
    void onTokenWritten(const QString &key);
    void onTokenDeleted(const QString &key);
    void onFailed(const QString &key, const QString &message);
    void toggleShow(bool show);
    void saveSettings();
    void finishSave();
    void setSaving(bool saving);
    void connectionTested(bool ok, const QString &text);

    // Separate stores, so a slow first read cannot be mistaken for the answer to a save.
    CredentialStore *m_loadStore = nullptr;
    CredentialStore *m_saveStore = nullptr;
    QLineEdit *m_repository = nullptr;
    QLabel *m_repositoryError = nullptr;
    QLineEdit *m_token = nullptr;
    QToolButton *m_showToken = nullptr;
    QPushButton *m_removeToken = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QComboBox *m_defaultStage = nullptr;
    QLineEdit *m_identity = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_testConnection = nullptr;
    QPushButton *m_retryKeychain = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QString m_apiUrl = QStringLiteral("https://api.github.com");
    QString m_verified;          //!< "repository\ntoken digest" the last successful test was for
    bool m_acceptAfterTest = false;
    bool m_testFailed = false;   //!< a failed test was shown: OK now saves anyway
    int m_testGeneration = 0;

    bool m_loading = false;
    bool m_saving = false;
    QString m_storedToken; //!< what the keychain holds; only shown on Show
    bool m_hasStoredToken = false;
    bool m_removeRequested = false;
};

} // namespace Promotion
