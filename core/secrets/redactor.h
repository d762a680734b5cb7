// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Removes secrets from captured text before it reaches a log, a report
 * or the journal.
 *
 * Two kinds of secrets are replaced by `[REDACTED]`:
 * - values the application knows (the token read from the keychain), added
 *   with addSecret();
 * - anything that looks like a credential: GitHub tokens (`ghp_`, `gho_`,
 *   `ghu_`, `ghs_`, `ghr_` followed by 36+ characters, `github_pat_...`),
 *   GitLab tokens (`glpat-...`), the value of an `Authorization:` header
 *   (`Bearer`, `token`, `Basic`), and the password in `scheme://user:password@host`.
 *
 * Values registered process-wide with registerSecret() (the keychain token,
 * the environment's secrets of an open run) are redacted by every Redactor,
 * so text recorded anywhere (journal, report, issue body, stdout) loses them
 * even where no environment is at hand.
 *
 * The surrounding text is kept (`Authorization: Bearer [REDACTED]`), so logs
 * stay readable. Byte input is redacted byte-for-byte: bytes that are not
 * valid UTF-8 pass through unchanged.
 */
class Redactor final
{
public:
    static QString mask() { return QStringLiteral("[REDACTED]"); }
    /*! Known secrets shorter than this are ignored: they would redact ordinary words. */
    static constexpr int MinimumSecretLength = 8;

    /*! Remember \a secret (exact value) for redaction. Returns false if it was too short. */
    bool addSecret(const QString &secret);
    void clearSecrets();
    int secretCount() const { return int(m_secrets.size()); }

    QString redact(const QString &text) const;
    QByteArray redact(const QByteArray &bytes) const;
    /*! Each item redacted: an argv as it may be shown or stored (the process gets the real one). */
    QStringList redact(const QStringList &items) const;
    /*! Every string in \a object, recursively; keys ending in "_base64" are left alone. */
    QJsonObject redact(const QJsonObject &object) const;

    /*!
     * True when an environment variable called \a name holds a secret: a word of
     * its name (split at '_', any case) is TOKEN, SECRET, PASS, PASSWD, PASSWORD,
     * PASSPHRASE, KEY, APIKEY, CREDENTIAL(S), CREDS or AUTH (GH_TOKEN, DB_PASS,
     * MY_API_KEY, AUTH_HEADER), or the name contains TOKEN, SECRET, PASSWORD,
     * PASSWD, API_KEY, APIKEY or CREDENTIAL. Names whose last word says the value
     * is a location (…_FILE, …_DIR, …_PATH, …_SOCK, …_HOME) are not secrets.
     */
    static bool isSecretName(const QString &name);
    /*! A Redactor that knows the values of \a env's secret variables (see isSecretName()). */
    static Redactor forEnvironment(const QProcessEnvironment &env);

    /*!
     * Remember \a secret for every Redactor of this process (thread-safe), e.g.
     * the token read from the keychain. False if it was too short.
     */
    static bool registerSecret(const QString &secret);
    /*! registerSecret() for every secret \a redactor knows. */
    static void registerSecrets(const Redactor &redactor);
    /*! Forget the process-wide secrets (tests). */
    static void clearRegisteredSecrets();
    static int registeredSecretCount();

    /*! Only the pattern rules, for text where no known secret applies. */
    static QString redactPatterns(const QString &text);

private:
    QStringList m_secrets; //!< longest first, so a secret containing another goes whole
};

} // namespace Promotion
