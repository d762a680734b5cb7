// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers shared by the parsers: input checks, error positions, typed JSON access.
// Not part of the public API; include only from core/parsers, core/health and core/policy.

#include <limits>
#include <optional>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QXmlStreamReader>

namespace Promotion::ParserUtil {

//! Refuses empty (whitespace only) and oversized input; returns the error, or nothing.
std::optional<QString> checkInput(const QByteArray &bytes, const QString &format);

//! "line L, column C" for a byte offset (1-based, columns count bytes).
QString positionOf(const QByteArray &bytes, qsizetype offset);

//! "line L, column C" where an XML reader stands.
QString positionOf(const QXmlStreamReader &xml);

//! Untrusted text made safe for a one-line message on a terminal: line breaks and tabs as \n
//! and \t, other control characters (C0, DEL, C1: escape sequences) as \xNN.
QString printable(QStringView text);

//! A short, printable quote of untrusted text for error messages.
QString quote(QStringView text, qsizetype maxChars = 60);

//! Parses JSON; on a syntax error returns nothing and sets \a error with line and column.
std::optional<QJsonDocument> parseJson(const QByteArray &bytes, const QString &format,
                                       QString *error);

//! Describes a JSON value for "expected X, got Y" messages.
QString describe(const QJsonValue &value);

//! True for a field that is missing or JSON null.
inline bool isAbsent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

/*!
 * Typed JSON access that remembers the first failure, naming the field path
 * (for example "runs[0].results[3].locations[0].physicalLocation.region.startLine").
 */
class JsonChecker final
{
public:
    explicit JsonChecker(QString format)
        : m_format(std::move(format))
    {
    }

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &path, const QString &what);

    std::optional<QJsonObject> object(const QJsonValue &v, const QString &path);
    std::optional<QJsonArray> array(const QJsonValue &v, const QString &path);
    std::optional<QString> string(const QJsonValue &v, const QString &path);
    std::optional<bool> boolean(const QJsonValue &v, const QString &path);
    std::optional<double> number(const QJsonValue &v, const QString &path);
    //! A whole number within [min, max].
    std::optional<qint64> integer(const QJsonValue &v, const QString &path, qint64 min = 0,
                                  qint64 max = std::numeric_limits<int>::max());

    // Optional fields: missing or null gives \a fallback; a present value of the wrong type
    // is still an error.
    QString optionalString(const QJsonValue &v, const QString &path, const QString &fallback = {});
    qint64 optionalInteger(const QJsonValue &v, const QString &path, qint64 fallback,
                           qint64 min = 0, qint64 max = std::numeric_limits<int>::max());

    static QString key(const QString &path, QLatin1String name);
    static QString index(const QString &path, qsizetype i);

private:
    QString m_format;
    QString m_error;
};

} // namespace Promotion::ParserUtil
