// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "chartpalette.h"
#include "github/githubclient.h"
#include "github/githubtoken.h"
#include "secrets/credentialstore.h"
#include "teardown.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Promotion {

namespace {

const QRegularExpression &repositoryPattern()
{
    // GitHub: owner is 1-39 letters, digits or single inner hyphens; the name
    // is letters, digits, '.', '_' and '-' (but not "." or "..").
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$"));
    return re;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_loadStore(new CredentialStore(this))
    , m_saveStore(new CredentialStore(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_repository = new QLineEdit(this);
    m_repository->setObjectName(QStringLiteral("repositoryEdit"));
    m_repository->setPlaceholderText(tr("owner/name, e.g. acme/platform"));
    m_repository->setClearButtonEnabled(true);
    m_repositoryError = new QLabel(this);
    m_repositoryError->setObjectName(QStringLiteral("repositoryError"));
    m_repositoryError->setWordWrap(true);
    m_repositoryError->hide();
    auto *repositoryBox = new QVBoxLayout;
    repositoryBox->setContentsMargins(0, 0, 0, 0);
    repositoryBox->addWidget(m_repository);
    repositoryBox->addWidget(m_repositoryError);
    // Labels made by hand: addRow() with a layout sets no buddy, and the mnemonic would show as
    // "&".
    auto *repositoryLabel = new QLabel(tr("GitHub &repository:"), this);
    repositoryLabel->setBuddy(m_repository);
    form->addRow(repositoryLabel, repositoryBox);

    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Checking the system keychain…"));
    m_token->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                 Qt::ImhNoPredictiveText);
    m_showToken = new QToolButton(this);
    m_showToken->setObjectName(QStringLiteral("showTokenButton"));
    m_showToken->setText(tr("Show"));
    m_showToken->setCheckable(true);
    m_showToken->setToolTip(tr("Show the token in clear text"));
    m_removeToken = new QPushButton(tr("Remove"), this);
    m_removeToken->setObjectName(QStringLiteral("removeTokenButton"));
    m_removeToken->setToolTip(tr("Remove the stored token from the system keychain"));
    m_removeToken->setEnabled(false);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->setContentsMargins(0, 0, 0, 0);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    tokenRow->addWidget(m_removeToken);
    // gh is logged in already? Offer its token (read once, asynchronously, never shown).
    if (!GitHubToken::ghProgram(QProcessEnvironment::systemEnvironment()).isEmpty()) {
        auto *useGh = new QPushButton(tr("Use &gh's token"), this);
        useGh->setObjectName(QStringLiteral("useGhTokenButton"));
        useGh->setToolTip(tr("Take the token of the GitHub CLI's login (gh auth token)"));
        tokenRow->addWidget(useGh);
        auto *gh = new GitHubToken(this);
        connect(useGh, &QPushButton::clicked, gh, [gh, useGh] {
            useGh->setEnabled(false);
            if (!gh->requestFromGh())
                useGh->setEnabled(true);
        });
        connect(gh, &GitHubToken::finished, this,
                [this, useGh](const QString &token, GitHubToken::Source, const QString &error) {
                    useGh->setEnabled(true);
                    if (token.isEmpty()) {
                        setTokenStatus(error, true);
                        return;
                    }
                    m_removeRequested = false;
                    m_token->setEchoMode(QLineEdit::Password);
                    m_token->setText(token);
                    setTokenStatus(tr("gh's token is filled in; OK tests it and stores it in the "
                                      "system keychain."),
                                   false);
                });
    }
    m_tokenStatus = new QLabel(this);
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatusLabel"));
    m_tokenStatus->setWordWrap(true);
    m_tokenStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryKeychain = new QPushButton(tr("Retry the &keychain"), this);
    m_retryKeychain->setObjectName(QStringLiteral("retryKeychainButton"));
    m_retryKeychain->hide();
    m_testConnection = new QPushButton(tr("Test &connection"), this);
    m_testConnection->setObjectName(QStringLiteral("testConnectionButton"));
    m_testConnection->setToolTip(tr("Ask GitHub who the token belongs to and whether it may write "
                                    "issues in the repository"));
    m_connectionStatus = new QLabel(this);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionStatus->setWordWrap(true);
    m_connectionStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_retryKeychain);
    testRow->addWidget(m_testConnection);
    testRow->addStretch(1);
    auto *tokenBox = new QVBoxLayout;
    tokenBox->setContentsMargins(0, 0, 0, 0);
    tokenBox->addLayout(tokenRow);
    tokenBox->addWidget(m_tokenStatus);
    tokenBox->addLayout(testRow);
    tokenBox->addWidget(m_connectionStatus);
    auto *tokenLabel = new QLabel(tr("GitHub &token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenBox);

    m_defaultStage = new QComboBox(this);
    m_defaultStage->setObjectName(QStringLiteral("defaultStageCombo"));
    form->addRow(tr("Default &target stage:"), m_defaultStage);

    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("identityEdit"));
    m_identity->setPlaceholderText(tr("Empty: git's user.name and user.email"));
    m_identity->setToolTip(
        tr("Who you are in approvals and attestations, e.g. \"Ada Lovelace <ada@example.org>\""));
    form->addRow(tr("Approver &identity:"), m_identity);
    layout->addLayout(form);

    auto *note =
        new QLabel(tr("The token is kept only in the system keychain (service \"%1\"), never in a "
                      "settings file, report or log. It needs the scopes repo and project. The "
                      "repository here is used when a workspace's promotion.yaml names none "
                      "(tracking.repository).")
                       .arg(CredentialStore::serviceName()),
                   this);
    note->setWordWrap(true);
    note->setEnabled(false); // the palette's dimmed text: a remark, not a control
    layout->addWidget(note);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_repository, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_repository, &QLineEdit::editingFinished, this, &SettingsDialog::normalizeRepository);
    connect(m_showToken, &QToolButton::toggled, this, &SettingsDialog::toggleShow);
    connect(m_removeToken, &QPushButton::clicked, this, [this] {
        m_removeRequested = true;
        m_token->clear();
        m_removeToken->setEnabled(false);
        setTokenStatus(tr("The token will be removed from the system keychain when you press OK."),
                       false);
    });
    connect(m_token, &QLineEdit::textEdited, this, [this] { m_removeRequested = false; });
    connect(m_loadStore, &CredentialStore::tokenRead, this, &SettingsDialog::onTokenRead);
    connect(m_loadStore, &CredentialStore::failed, this,
            [this](const QString &key, const QString &message) {
                if (key != tokenKey())
                    return;
                m_loading = false;
                m_hasStoredToken = false;
                m_token->setPlaceholderText(tr("Paste a GitHub token"));
                // "Nothing stored" is the normal first-run answer, not a problem.
                const bool missing = message.startsWith(QLatin1String("No token is stored"));
                const bool cancelled = message.startsWith(CredentialStore::cancelledPrefix());
                setTokenStatus(missing     ? tr("No token is stored in the system keychain yet.")
                               : cancelled ? tr("The keychain prompt was cancelled: the stored "
                                                "token (if any) was not read. Retry to be asked "
                                                "again.")
                                           : message,
                               !missing);
                m_retryKeychain->setVisible(!missing);
            });
    connect(m_retryKeychain, &QPushButton::clicked, this, [this] {
        m_retryKeychain->hide();
        m_loading = true;
        setTokenStatus(tr("Checking the system keychain…"), false);
        m_loadStore->readToken(tokenKey());
    });
    connect(m_testConnection, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_saveStore, &CredentialStore::tokenWritten, this, &SettingsDialog::onTokenWritten);
    connect(m_saveStore, &CredentialStore::tokenDeleted, this, &SettingsDialog::onTokenDeleted);
    connect(m_saveStore, &CredentialStore::failed, this, &SettingsDialog::onFailed);

    setStages(
        {QStringLiteral("development"), QStringLiteral("staging"), QStringLiteral("production")});
    load();
    resize(qMax(sizeHint().width(), 560), sizeHint().height());
}

SettingsDialog::~SettingsDialog()
{
    // ~QDialog hides the dialog after this body has run, which moves the focus: the focused
    // QLineEdit then emits editingFinished, and normalizeRepository() would run on an object
    // that is no longer a SettingsDialog. Nothing of the children may reach us from here on.
    disconnectDescendants(this);
}

bool SettingsDialog::isValidRepository(const QString &repository)
{
    const QString r = repository.trimmed();
    return r.isEmpty() || repositoryPattern().match(r).hasMatch();
}

void SettingsDialog::setStages(const QStringList &stageIds)
{
    const QString current = m_defaultStage->count() > 0
                                ? m_defaultStage->currentData().toString()
                                : QSettings().value(defaultStageKey()).toString();
    m_defaultStage->clear();
    m_defaultStage->addItem(tr("The next stage after the current one"), QString());
    for (const QString &id : stageIds)
        m_defaultStage->addItem(id, id);
    int index = m_defaultStage->findData(current);
    if (index < 0 && !current.isEmpty()) {
        // Keep a saved stage the policy no longer lists, rather than dropping it silently.
        m_defaultStage->addItem(tr("%1 (not in the policy)").arg(current), current);
        index = m_defaultStage->count() - 1;
    }
    m_defaultStage->setCurrentIndex(qMax(0, index));
}

bool SettingsDialog::isBusy() const
{
    return m_loading || m_saving;
}

void SettingsDialog::load()
{
    const QSettings settings;
    m_repository->setText(settings.value(repositoryKey()).toString());
    m_identity->setText(settings.value(identityOverrideKey()).toString());
    const int index = m_defaultStage->findData(settings.value(defaultStageKey()).toString());
    if (index >= 0)
        m_defaultStage->setCurrentIndex(index);
    validate();

    m_loading = true;
    setTokenStatus(tr("Checking the system keychain…"), false);
    m_loadStore->readToken(tokenKey());
}

void SettingsDialog::normalizeRepository()
{
    // Accept a pasted clone or web URL and keep only owner/name.
    static const QRegularExpression url(
        QStringLiteral("^(?:https?://github\\.com/|git@github\\.com:|ssh://git@github\\.com/)([^/"
                       "\\s]+/[^/\\s]+?)(?:\\.git)?/?$"));
    const QRegularExpressionMatch m = url.match(m_repository->text().trimmed());
    if (m.hasMatch())
        m_repository->setText(m.captured(1));
}

void SettingsDialog::validate()
{
    const QString text = m_repository->text().trimmed();
    const bool ok = isValidRepository(text) ||
                    QRegularExpression(QStringLiteral("^(?:https?://|git@|ssh://)github\\.com"))
                        .match(text)
                        .hasMatch();
    m_repositoryError->setVisible(!ok);
    if (!ok) {
        m_repositoryError->setText(tr("Expected owner/name as on GitHub, e.g. acme/platform."));
        QPalette pal = m_repositoryError->palette();
        pal.setColor(QPalette::WindowText, ChartPalette::fail(pal));
        m_repositoryError->setPalette(pal);
    }
    if (QPushButton *okButton = m_buttons->button(QDialogButtonBox::Ok))
        okButton->setEnabled(ok && !m_saving);
}

void SettingsDialog::setTokenStatus(const QString &text, bool problem)
{
    m_tokenStatus->setText(text);
    m_tokenStatus->setProperty("problem", problem);
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, ChartPalette::fail(pal));
    m_tokenStatus->setPalette(pal);
    // Word-wrapped labels don't raise the dialog's minimum height: grow it once laid out.
    QTimer::singleShot(0, this, [this] {
        const int needed = heightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    });
}

void SettingsDialog::onTokenRead(const QString &key, const QString &secret)
{
    if (key != tokenKey())
        return;
    m_loading = false;
    m_storedToken = secret;
    m_hasStoredToken = !secret.isEmpty();
    m_removeToken->setEnabled(m_hasStoredToken);
    if (m_hasStoredToken) {
        m_token->setPlaceholderText(tr("A token is stored; type a new one to replace it"));
        setTokenStatus(tr("A token is stored in the system keychain."), false);
    } else {
        m_token->setPlaceholderText(tr("Paste a GitHub token"));
        setTokenStatus(tr("No token is stored in the system keychain yet."), false);
    }
    if (m_showToken->isChecked())
        toggleShow(true);
}

void SettingsDialog::toggleShow(bool show)
{
    m_token->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    m_showToken->setText(show ? tr("Hide") : tr("Show"));
    if (show && m_token->text().isEmpty() && m_hasStoredToken && !m_removeRequested)
        m_token->setText(m_storedToken);
    else if (!show && m_token->text() == m_storedToken)
        m_token->clear(); // hidden again: back to "stored, not shown"
}

void SettingsDialog::saveSettings()
{
    QSettings settings;
    const auto store = [&settings](const QString &key, const QString &value) {
        if (value.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, value);
    };
    normalizeRepository();
    store(repositoryKey(), m_repository->text().trimmed());
    store(defaultStageKey(), m_defaultStage->currentData().toString());
    store(identityOverrideKey(), m_identity->text().trimmed());
}

namespace {
/* What a successful connection test was for: the repository and a digest of the token. */
QString connectionKey(const QString &repository, const QString &token)
{
    return repository + u'\n' +
           QString::fromLatin1(
               QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}
} // namespace

void SettingsDialog::testConnection()
{
    normalizeRepository();
    const QString repository = m_repository->text().trimmed();
    QString token = m_token->text().trimmed();
    if (token.isEmpty() && !m_removeRequested)
        token = m_storedToken;
    if (token.isEmpty())
        token = GitHubToken::fromEnvironment(QProcessEnvironment::systemEnvironment());
    if (token.isEmpty()) {
        connectionTested(false, tr("No token to test: paste one above (or set GH_TOKEN)."));
        return;
    }
    if (repository.isEmpty() || !isValidRepository(repository)) {
        connectionTested(false, tr("Name the repository (owner/name) to test the connection."));
        return;
    }
    GitHubConfig config;
    config.apiUrl = QUrl(m_apiUrl);
    config.repository = repository;
    config.token = token;
    config.maxAttempts = 1;
    config.maxRateLimitWaitSeconds = 0;
    config.transferTimeoutMs = 15000;
    auto *client = new GitHubClient(config, this);
    const int generation = ++m_testGeneration;
    const QString key = connectionKey(repository, token);
    m_testConnection->setEnabled(false);
    m_connectionStatus->setText(tr("Asking %1…").arg(m_apiUrl));
    client->currentUser(this, [=, this](const GitHubResult<QString> &user) {
        if (generation != m_testGeneration)
            return client->deleteLater();
        if (!user.ok()) {
            client->deleteLater();
            return connectionTested(false, user.error.message);
        }
        client->repositoryPermissions(this, [=, this](const GitHubResult<QJsonObject> &perm) {
            client->deleteLater();
            if (generation != m_testGeneration)
                return;
            if (!perm.ok())
                return connectionTested(false, tr("Signed in as @%1, but: %2")
                                                   .arg(user.value, perm.error.message));
            const QJsonObject p = perm.value;
            const bool write = p.value(QStringLiteral("admin")).toBool() ||
                               p.value(QStringLiteral("maintain")).toBool() ||
                               p.value(QStringLiteral("push")).toBool() ||
                               p.value(QStringLiteral("triage")).toBool();
            if (!write)
                return connectionTested(false, tr("Signed in as @%1, but the token can only read "
                                                  "%2: ask for triage or write access")
                                                   .arg(user.value, repository));
            m_verified = key;
            connectionTested(true, tr("Signed in as @%1, can write issues in %2")
                                       .arg(user.value, repository));
        });
    });
}

void SettingsDialog::connectionTested(bool ok, const QString &text)
{
    m_testConnection->setEnabled(true);
    m_connectionStatus->setText(ok ? tr("✓ %1").arg(text) : text);
    QPalette pal = palette();
    if (!ok)
        pal.setColor(QPalette::WindowText, ChartPalette::fail(pal));
    m_connectionStatus->setPalette(pal);
    if (!m_acceptAfterTest)
        return;
    m_acceptAfterTest = false;
    if (ok) {
        accept();
        return;
    }
    m_testFailed = true; // shown; a second OK saves anyway
    if (QPushButton *okButton = m_buttons->button(QDialogButtonBox::Ok))
        okButton->setText(tr("Save &anyway"));
}

void SettingsDialog::accept()
{
    if (m_saving || m_acceptAfterTest)
        return;
    normalizeRepository();
    if (!isValidRepository(m_repository->text())) {
        validate();
        m_repository->setFocus();
        return;
    }
    // Test the connection before saving a changed repository or token.
    const QString repository = m_repository->text().trimmed();
    QString token = m_token->text().trimmed(); // typed, else the stored one
    if (token.isEmpty() && !m_removeRequested)
        token = m_storedToken;
    const bool changed = repository != QSettings().value(repositoryKey()).toString() ||
                         (!m_token->text().trimmed().isEmpty() &&
                          m_token->text().trimmed() != m_storedToken);
    const QString key = connectionKey(repository, token);
    if (changed && !repository.isEmpty() && !token.isEmpty() && m_verified != key &&
        !m_testFailed) {
        m_acceptAfterTest = true;
        testConnection();
        return;
    }
    saveSettings();

    const QString typed = m_token->text().trimmed();
    if (!typed.isEmpty() && typed != m_storedToken) {
        setSaving(true);
        setTokenStatus(tr("Storing the token in the system keychain…"), false);
        m_saveStore->writeToken(tokenKey(), typed);
        return;
    }
    if (typed.isEmpty() && m_removeRequested && m_hasStoredToken) {
        setSaving(true);
        setTokenStatus(tr("Removing the token from the system keychain…"), false);
        m_saveStore->deleteToken(tokenKey());
        return;
    }
    finishSave();
}

void SettingsDialog::onTokenWritten(const QString &key)
{
    if (key != tokenKey())
        return;
    m_storedToken = m_token->text().trimmed();
    m_hasStoredToken = true;
    m_removeRequested = false;
    setTokenStatus(tr("The token is stored in the system keychain."), false);
    finishSave();
}

void SettingsDialog::onTokenDeleted(const QString &key)
{
    if (key != tokenKey())
        return;
    m_storedToken.clear();
    m_hasStoredToken = false;
    m_removeRequested = false;
    setTokenStatus(tr("The token was removed from the system keychain."), false);
    finishSave();
}

void SettingsDialog::onFailed(const QString &key, const QString &message)
{
    if (key != tokenKey())
        return;
    setSaving(false);
    // Stay open: the settings are saved, the token is not, and the user should know.
    setTokenStatus(message, true);
}

void SettingsDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_token->setEnabled(!saving);
    m_removeToken->setEnabled(!saving && m_hasStoredToken && !m_removeRequested);
    validate();
}

void SettingsDialog::finishSave()
{
    setSaving(false);
    Q_EMIT settingsSaved();
    QDialog::accept();
}

} // namespace Promotion
