// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitidentity.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Promotion {

namespace {
bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^\\s<>@]+@[^\\s<>@]+$"));
    return re.match(text).hasMatch();
}
} // namespace

GitIdentity GitIdentity::parse(const QString &text)
{
    GitIdentity identity;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return identity;

    static const QRegularExpression nameEmail(QStringLiteral("^([^<>]*)<([^<>]*)>$"));
    const QRegularExpressionMatch match = nameEmail.match(trimmed);
    if (match.hasMatch()) {
        identity.name = match.captured(1).simplified();
        identity.email = match.captured(2).trimmed();
        return identity;
    }
    if (looksLikeEmail(trimmed)) {
        identity.email = trimmed;
        return identity;
    }
    identity.name = trimmed.simplified();
    return identity;
}

QString GitIdentity::toString() const
{
    if (email.isEmpty())
        return name;
    if (name.isEmpty())
        return email;
    return name + QStringLiteral(" <") + email + QLatin1Char('>');
}

QString GitIdentity::key() const
{
    return email.isEmpty() ? name.toCaseFolded() : email.toCaseFolded();
}

bool GitIdentity::sameAs(const GitIdentity &other) const
{
    if (!email.isEmpty() && !other.email.isEmpty())
        return email.compare(other.email, Qt::CaseInsensitive) == 0;
    if (!name.isEmpty() && !other.name.isEmpty())
        return name.compare(other.name, Qt::CaseInsensitive) == 0;
    return false;
}

namespace {
QString readGitConfigValue(const QString &path, const QString &section, const QString &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString current;
    QString value;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            current = line.mid(1, line.indexOf(QLatin1Char(']')) - 1).trimmed().toLower();
            continue;
        }
        if (current != section)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && line.left(eq).trimmed().toLower() == key) {
            value = line.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) &&
                value.endsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
        }
    }
    return value;
}
} // namespace

GitIdentity GitIdentity::local(const QString &workspace)
{
    QString name = qEnvironmentVariable("GIT_AUTHOR_NAME");
    QString email = qEnvironmentVariable("GIT_AUTHOR_EMAIL");
    const QString home = QDir::homePath();
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME", home + QStringLiteral("/.config"));
    const QStringList configs{workspace + QStringLiteral("/.git/config"),
                              home + QStringLiteral("/.gitconfig"),
                              xdg + QStringLiteral("/git/config")};
    for (const QString &path : configs) {
        if (name.isEmpty())
            name = readGitConfigValue(path, QStringLiteral("user"), QStringLiteral("name"));
        if (email.isEmpty())
            email = readGitConfigValue(path, QStringLiteral("user"), QStringLiteral("email"));
    }
    if (name.isEmpty())
        name = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    GitIdentity id;
    id.name = name.simplified();
    id.email = email.trimmed();
    return id;
}

} // namespace Promotion
