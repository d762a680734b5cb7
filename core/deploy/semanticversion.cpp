// SPDX-License-Identifier: GPL-3.0-or-later
#include "semanticversion.h"

#include <QRegularExpression>

namespace Promotion {

std::optional<QString> SemanticVersion::bump(const QString &version, VersionBump how,
                                             QString *error)
{
    if (how == VersionBump::None)
        return version;

    static const QRegularExpression re(QStringLiteral(
        "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
        "(-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*|(?:(?:a|b|rc)[0-9]+)?(?:\\.dev[0-9]+)?)"
        "(\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$"));
    const QRegularExpressionMatch m = re.match(version);
    if (!m.hasMatch()) {
        if (error)
            *error = QStringLiteral("version \"%1\" is not MAJOR.MINOR.PATCH with an optional "
                                    "pre-release (like 1.4.0 or 1.4.0-rc.1); cannot bump %2")
                         .arg(version, bumpName(how));
        return std::nullopt;
    }
    bool okMajor = false;
    bool okMinor = false;
    bool okPatch = false;
    qulonglong major = m.captured(1).toULongLong(&okMajor);
    qulonglong minor = m.captured(2).toULongLong(&okMinor);
    qulonglong patch = m.captured(3).toULongLong(&okPatch);
    constexpr qulonglong limit = 1ULL << 53;
    if (!okMajor || !okMinor || !okPatch || major >= limit || minor >= limit || patch >= limit) {
        if (error)
            *error =
                QStringLiteral("version \"%1\" has a component too large to bump").arg(version);
        return std::nullopt;
    }
    const bool pre = !m.captured(4).isEmpty();

    switch (how) {
    case VersionBump::None:
        break;
    case VersionBump::Patch:
        if (!pre)
            ++patch;
        break;
    case VersionBump::Minor:
        if (!pre || patch != 0)
            ++minor;
        patch = 0;
        break;
    case VersionBump::Major:
        if (!pre || minor != 0 || patch != 0)
            ++major;
        minor = 0;
        patch = 0;
        break;
    }
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

std::optional<VersionBump> SemanticVersion::parseBump(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("none"))
        return VersionBump::None;
    if (t == QLatin1String("patch"))
        return VersionBump::Patch;
    if (t == QLatin1String("minor"))
        return VersionBump::Minor;
    if (t == QLatin1String("major"))
        return VersionBump::Major;
    return std::nullopt;
}

QString SemanticVersion::bumpName(VersionBump how)
{
    switch (how) {
    case VersionBump::None:
        return QStringLiteral("none");
    case VersionBump::Patch:
        return QStringLiteral("patch");
    case VersionBump::Minor:
        return QStringLiteral("minor");
    case VersionBump::Major:
        return QStringLiteral("major");
    }
    return QString();
}

} // namespace Promotion
