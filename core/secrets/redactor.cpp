// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactor.h"

#include <algorithm>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

namespace Promotion {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement; //!< may refer to capture groups, e.g. "\\1[REDACTED]"
};

const QList<Rule> &rules()
{
    static const QList<Rule> all = [] {
        const QString m = Redactor::mask();
        return QList<Rule>{
            // Header values first, so "Authorization: token ghp_..." keeps its label.
            {QRegularExpression(
                 QStringLiteral(
                     R"((\bauthorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+)[^\s"',;]+)"),
                 QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m},
            {QRegularExpression(QStringLiteral(R"((\bbearer\s+)[A-Za-z0-9._~+/=-]{8,})"),
                                QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m},
            {QRegularExpression(QStringLiteral(R"(\bgh[pousr]_[A-Za-z0-9]{36,255}\b)")), m},
            {QRegularExpression(QStringLiteral(R"(\bgithub_pat_[A-Za-z0-9_]{22,255}\b)")), m},
            {QRegularExpression(QStringLiteral(R"(\bglpat-[A-Za-z0-9_-]{20,255})")), m},
            // https://user:secret@host -> https://user:[REDACTED]@host
            {QRegularExpression(QStringLiteral(R"((\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^@\s/]+@)"),
                                QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m + QStringLiteral("@")},
        };
    }();
    return all;
}

/* QRegularExpression has no replace-with-backreferences for a list of rules
 * over bytes, so bytes go through Latin-1: one char per byte, lossless both ways,
 * and every pattern above is ASCII. */
QString applyRules(QString text)
{
    for (const Rule &rule : rules())
        text.replace(rule.pattern, rule.replacement);
    return text;
}

void sortLongestFirst(QStringList &secrets)
{
    std::stable_sort(secrets.begin(), secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

struct Registry
{
    QMutex mutex;
    QStringList secrets; //!< longest first
};

Registry &registry()
{
    static Registry r;
    return r;
}

QStringList registered()
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    return r.secrets;
}

/* The known values of \a own and of the registry, longest first. */
QStringList allSecrets(const QStringList &own)
{
    QStringList all = registered();
    if (all.isEmpty())
        return own;
    for (const QString &s : own) {
        if (!all.contains(s))
            all << s;
    }
    sortLongestFirst(all);
    return all;
}

QJsonValue redactValue(const Redactor &redactor, const QJsonValue &value)
{
    if (value.isString())
        return redactor.redact(value.toString());
    if (value.isObject())
        return redactor.redact(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redactValue(redactor, item));
        return out;
    }
    return value;
}

} // namespace

bool Redactor::addSecret(const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return false;
    if (m_secrets.contains(secret))
        return true;
    m_secrets << secret;
    sortLongestFirst(m_secrets);
    return true;
}

bool Redactor::registerSecret(const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return false;
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    if (!r.secrets.contains(secret)) {
        r.secrets << secret;
        sortLongestFirst(r.secrets);
    }
    return true;
}

void Redactor::registerSecrets(const Redactor &redactor)
{
    for (const QString &secret : redactor.m_secrets)
        registerSecret(secret);
}

void Redactor::clearRegisteredSecrets()
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    r.secrets.clear();
}

int Redactor::registeredSecretCount()
{
    return int(registered().size());
}

bool Redactor::isSecretName(const QString &name)
{
    static const QStringList secretWords{
        QStringLiteral("TOKEN"),      QStringLiteral("TOKENS"),      QStringLiteral("SECRET"),
        QStringLiteral("SECRETS"),    QStringLiteral("PASS"),        QStringLiteral("PASSWD"),
        QStringLiteral("PASSWORD"),   QStringLiteral("PASSPHRASE"),  QStringLiteral("KEY"),
        QStringLiteral("APIKEY"),     QStringLiteral("CREDENTIAL"),  QStringLiteral("CREDENTIALS"),
        QStringLiteral("CREDS"),      QStringLiteral("AUTH")};
    // A path to a key file or an agent socket is not the secret itself.
    static const QStringList locationWords{QStringLiteral("FILE"), QStringLiteral("DIR"),
                                           QStringLiteral("PATH"), QStringLiteral("SOCK"),
                                           QStringLiteral("HOME")};
    static const QRegularExpression contained(
        QStringLiteral("TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL"));
    const QString upper = name.toUpper();
    const QStringList words = upper.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    if (words.isEmpty() || locationWords.contains(words.last()))
        return false;
    for (const QString &word : words) {
        if (secretWords.contains(word))
            return true;
    }
    return contained.match(upper).hasMatch();
}

Redactor Redactor::forEnvironment(const QProcessEnvironment &env)
{
    Redactor redactor;
    const QStringList names = env.keys();
    for (const QString &name : names) {
        if (isSecretName(name))
            redactor.addSecret(env.value(name));
    }
    return redactor;
}

void Redactor::clearSecrets()
{
    m_secrets.clear();
}

QString Redactor::redactPatterns(const QString &text)
{
    return applyRules(text);
}

QString Redactor::redact(const QString &text) const
{
    QString out = text;
    // Known values go first: a pattern could otherwise cut a secret in two.
    for (const QString &secret : allSecrets(m_secrets))
        out.replace(secret, mask());
    return applyRules(out);
}

QStringList Redactor::redact(const QStringList &items) const
{
    QStringList out;
    out.reserve(items.size());
    for (const QString &item : items)
        out << redact(item);
    return out;
}

QJsonObject Redactor::redact(const QJsonObject &object) const
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        // File contents kept for a rollback must come back byte for byte.
        if (it.key().endsWith(QLatin1String("_base64")))
            out.insert(it.key(), it.value());
        else
            out.insert(it.key(), redactValue(*this, it.value()));
    }
    return out;
}

QByteArray Redactor::redact(const QByteArray &bytes) const
{
    QByteArray out = bytes;
    const QByteArray masked = mask().toUtf8();
    for (const QString &secret : allSecrets(m_secrets))
        out.replace(secret.toUtf8(), masked);
    return applyRules(QString::fromLatin1(out)).toLatin1();
}

} // namespace Promotion
