// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/parseresult.h"
#include "parsers/parserutil_p.h"

#include <algorithm>
#include <cmath>
#include <QJsonParseError>

namespace Promotion::ParserUtil {

std::optional<QString> checkInput(const QByteArray &bytes, const QString &format)
{
    if (bytes.size() > ParserLimits::maxInputBytes) {
        return QStringLiteral("%1: input is %2 bytes, more than the %3 bytes a report may have")
            .arg(format)
            .arg(bytes.size())
            .arg(ParserLimits::maxInputBytes);
    }
    if (bytes.trimmed().isEmpty())
        return QStringLiteral("%1: input is empty").arg(format);
    return std::nullopt;
}

QString positionOf(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

QString positionOf(const QXmlStreamReader &xml)
{
    return QStringLiteral("line %1, column %2").arg(xml.lineNumber()).arg(xml.columnNumber());
}

QString printable(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            out += QLatin1String("\\t");
        else if (c.category() == QChar::Other_Control)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString quote(QStringView text, qsizetype maxChars)
{
    QString out = printable(text.left(maxChars));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    out = QLatin1Char('"') + out + QLatin1Char('"');
    if (text.size() > maxChars)
        out += QLatin1String("...");
    return out;
}

std::optional<QJsonDocument> parseJson(const QByteArray &bytes, const QString &format,
                                       QString *error)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2: not valid JSON (%3)")
                     .arg(format, positionOf(bytes, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    return doc;
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("number %1").arg(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("string %1").arg(quote(value.toString()));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing (the field is missing)");
    }
    return {};
}

void JsonChecker::fail(const QString &path, const QString &what)
{
    if (m_error.isEmpty()) {
        m_error = path.isEmpty() ? QStringLiteral("%1: %2").arg(m_format, what)
                                 : QStringLiteral("%1: %2: %3").arg(m_format, path, what);
    }
}

std::optional<QJsonObject> JsonChecker::object(const QJsonValue &v, const QString &path)
{
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonChecker::array(const QJsonValue &v, const QString &path)
{
    if (!v.isArray()) {
        fail(path, QStringLiteral("expected an array, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<QString> JsonChecker::string(const QJsonValue &v, const QString &path)
{
    if (!v.isString()) {
        fail(path, QStringLiteral("expected a string, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<bool> JsonChecker::boolean(const QJsonValue &v, const QString &path)
{
    if (!v.isBool()) {
        fail(path, QStringLiteral("expected true or false, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<double> JsonChecker::number(const QJsonValue &v, const QString &path)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        fail(path, QStringLiteral("expected a number, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<qint64> JsonChecker::integer(const QJsonValue &v, const QString &path, qint64 min,
                                           qint64 max)
{
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(min) ||
        d > double(max)) {
        fail(path, QStringLiteral("expected a whole number from %1 to %2, got %3")
                       .arg(min)
                       .arg(max)
                       .arg(describe(v)));
        return std::nullopt;
    }
    return qint64(d);
}

QString JsonChecker::optionalString(const QJsonValue &v, const QString &path,
                                    const QString &fallback)
{
    if (isAbsent(v))
        return fallback;
    return string(v, path).value_or(fallback);
}

qint64 JsonChecker::optionalInteger(const QJsonValue &v, const QString &path, qint64 fallback,
                                    qint64 min, qint64 max)
{
    if (isAbsent(v))
        return fallback;
    return integer(v, path, min, max).value_or(fallback);
}

QString JsonChecker::key(const QString &path, QLatin1String name)
{
    if (path.isEmpty())
        return QString(name);
    return path + QLatin1Char('.') + name;
}

QString JsonChecker::index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

} // namespace Promotion::ParserUtil
