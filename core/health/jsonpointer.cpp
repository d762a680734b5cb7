// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/jsonpointer.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Promotion {

namespace {

QString displayPointer(const QString &pointer)
{
    return pointer.isEmpty() ? QStringLiteral("(document root)") : pointer;
}

} // namespace

JsonPointer::Resolved JsonPointer::resolve(const QJsonValue &document, const QString &pointer)
{
    QString path = pointer;
    if (path.startsWith(QLatin1Char('#')))
        path = QUrl::fromPercentEncoding(path.mid(1).toUtf8());
    if (path.isEmpty())
        return {document, {}};
    if (!path.startsWith(QLatin1Char('/'))) {
        return {{}, QStringLiteral("JSON pointer \"%1\" must start with \"/\"").arg(pointer)};
    }

    QJsonValue current = document;
    QString walked;
    const QStringList tokens = path.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        const QString rawToken = token;
        // RFC 6901 section 4: ~1 before ~0, so "~01" becomes "~1" and not "/".
        token.replace(QStringLiteral("~1"), QStringLiteral("/"));
        token.replace(QStringLiteral("~0"), QStringLiteral("~"));
        walked += QLatin1Char('/') + rawToken;
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return {{}, QStringLiteral("%1 does not exist").arg(walked)};
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            bool isIndex = !token.isEmpty();
            for (const QChar c : std::as_const(token))
                isIndex = isIndex && c.isDigit();
            // Leading zeros are not valid array indices in RFC 6901.
            if (!isIndex || (token.size() > 1 && token.startsWith(QLatin1Char('0')))) {
                return {{}, QStringLiteral("%1: \"%2\" is not an array index").arg(walked, token)};
            }
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            if (!ok || index >= array.size()) {
                return {{},
                        QStringLiteral("%1 does not exist (array has %2 elements)")
                            .arg(walked)
                            .arg(array.size())};
            }
            current = array.at(index);
        } else {
            const QString parent = walked.left(walked.size() - rawToken.size() - 1);
            return {{},
                    QStringLiteral("%1 does not exist (%2 is %3, not an object or array)")
                        .arg(walked, displayPointer(parent), describe(current))};
        }
    }
    return {current, {}};
}

JsonPointer::Number JsonPointer::number(const QJsonValue &document, const QString &pointer)
{
    const Resolved resolved = resolve(document, pointer);
    if (!resolved.ok())
        return {0, resolved.error};
    const QJsonValue &value = resolved.value;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d))
            return {d, {}};
    } else if (value.isString()) {
        double d = 0;
        if (parseNumber(value.toString(), &d))
            return {d, {}};
    }
    return {
        0, QStringLiteral("%1 is not a number (%2)").arg(displayPointer(pointer), describe(value))};
}

QString JsonPointer::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("number %1").arg(value.toDouble());
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.left(40) + QStringLiteral("...");
        return QStringLiteral("string \"%1\"").arg(text);
    }
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool JsonPointer::parseNumber(const QString &text, double *out)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return false;
    *out = d;
    return true;
}

} // namespace Promotion
