// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportchain.h"

#include "reportstore.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonArray>
#include <QTimeZone>
#include <QLocale>

namespace Promotion {

namespace {

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            switch (c) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            }
            }
        } else {
            out += c;
        }
    }
    out += '"';
}

void writeValue(QByteArray &out, const QJsonValue &v);

void writeObject(QByteArray &out, const QJsonObject &o, bool skipDigest)
{
    QStringList keys = o.keys();
    std::sort(keys.begin(), keys.end()); // QString's operator< compares UTF-16 code units
    out += '{';
    bool first = true;
    for (const QString &key : std::as_const(keys)) {
        if (skipDigest && key == QLatin1String(ReportChain::kContentKey))
            continue;
        if (!first)
            out += ',';
        first = false;
        writeString(out, key);
        out += ':';
        writeValue(out, o.value(key));
    }
    out += '}';
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            out += QByteArray::number(qint64(d));
        else if (!std::isfinite(d))
            out += "null"; // what QJsonDocument writes too
        else
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            writeValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        writeObject(out, v.toObject(), false);
        break;
    }
}

QDateTime chainTime(const QJsonObject &r)
{
    for (const char *key : {"finished_at", "started_at"}) {
        const QDateTime t =
            QDateTime::fromString(r.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
        if (t.isValid())
            return t;
    }
    return QDateTime(QDate::fromString(r.value(QStringLiteral("date")).toString(), Qt::ISODate),
                     QTime(0, 0), QTimeZone::utc());
}

struct Item
{
    QString path;
    QJsonObject report;
    bool readable = false;
    QString problem;
    QDateTime time;
    QString runId;
    QString digest; //!< recomputed
    QString stated; //!< content_sha256 as written
    QString previous;
    bool chained = false;
};

QList<Item> readAll(const QString &reportsDir)
{
    QList<Item> items;
    for (const QString &path : ReportStore::reportFiles({reportsDir})) {
        Item it;
        it.path = path;
        // Parsed here, not through ReportReader: a report of a newer schema_version cannot be
        // shown by this build, but its digest and links can still be checked.
        QFile file(path);
        QJsonParseError parseError{};
        const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                      ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                      : QJsonDocument();
        if (!doc.isObject()) {
            QString error;
            ReportReader::load(path, &error);
            it.problem = error.isEmpty() ? QStringLiteral("%1: cannot be read").arg(path) : error;
            items.append(it);
            continue;
        }
        const std::optional<QJsonObject> r = doc.object();
        if (!r->contains(QStringLiteral("component")) || !r->contains(QStringLiteral("to_stage")))
            continue; // another JSON file that happens to sit there: not part of the chain
        it.readable = true;
        it.report = *r;
        it.time = chainTime(*r);
        it.runId = r->value(QStringLiteral("run_id")).toString();
        it.digest = ReportChain::digest(*r);
        it.stated = r->value(QLatin1String(ReportChain::kContentKey)).toString();
        it.previous = r->value(QLatin1String(ReportChain::kPreviousKey)).toString();
        it.chained = r->contains(QLatin1String(ReportChain::kContentKey));
        items.append(it);
    }
    // Unreadable files have no time: they sort first, and are reported as such.
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.readable != b.readable)
            return !a.readable;
        if (a.time != b.time)
            return a.time < b.time;
        if (a.runId != b.runId)
            return a.runId < b.runId;
        return a.path < b.path;
    });
    return items;
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

QByteArray ReportChain::canonicalJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(8192);
    writeObject(out, object, true);
    return out;
}

QString ReportChain::digest(const QJsonObject &report)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(report), QCryptographicHash::Sha256).toHex());
}

QString ReportChain::headDigest(const QString &reportsDir)
{
    const QList<Item> items = readAll(reportsDir);
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        if (it->readable)
            return it->digest;
    }
    return {};
}

QJsonObject ReportChain::seal(QJsonObject report, const QString &reportsDir)
{
    report.remove(QLatin1String(kContentKey));
    report.insert(QLatin1String(kPreviousKey), headDigest(reportsDir));
    report.insert(QLatin1String(kContentKey), digest(report));
    return report;
}

QString ReportChain::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return QStringLiteral("ok");
    case Problem::Edited: return QStringLiteral("edited");
    case Problem::Removed: return QStringLiteral("removed");
    case Problem::Inserted: return QStringLiteral("inserted");
    case Problem::Reordered: return QStringLiteral("reordered");
    case Problem::Unreadable: return QStringLiteral("unreadable");
    }
    return {};
}

ReportChain::Verdict ReportChain::verify(const QString &reportsDir)
{
    Verdict v;
    const QList<Item> items = readAll(reportsDir);
    const auto fail = [&v](const QString &path, Problem p, const QString &message) {
        v.ok = false;
        v.firstBadPath = path;
        v.problem = p;
        v.message = message;
        return v;
    };
    QHash<QString, int> byDigest; // recomputed digest -> index
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).readable)
            byDigest.insert(items.at(i).digest, i);
    }
    int firstChained = -1;
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).chained) {
            firstChained = i;
            break;
        }
    }
    for (int i = 0; i < items.size(); ++i) {
        const Item &it = items.at(i);
        if (!it.readable)
            return fail(it.path, Problem::Unreadable,
                        QStringLiteral("%1 cannot be checked: %2").arg(fileName(it.path), it.problem));
        if (!it.chained) {
            if (firstChained >= 0 && i > firstChained)
                return fail(it.path, Problem::Inserted,
                            QStringLiteral("%1 was inserted: it has no content_sha256 but comes "
                                           "after %2, which is chained")
                                .arg(fileName(it.path), fileName(items.at(firstChained).path)));
            v.unchained.append(it.path);
            continue;
        }
        if (it.stated != it.digest)
            return fail(it.path, Problem::Edited,
                        QStringLiteral("%1 was edited after it was written: its content no "
                                       "longer matches its content_sha256")
                            .arg(fileName(it.path)));
        const QString expected = i > 0 ? items.at(i - 1).digest : QString();
        if (it.previous == expected) {
            ++v.checked;
            continue;
        }
        const int linked = it.previous.isEmpty() ? -1 : int(byDigest.value(it.previous, -1));
        if (linked > i)
            return fail(it.path, Problem::Reordered,
                        QStringLiteral("%1 was reordered: it follows %2, which now comes after it")
                            .arg(fileName(it.path), fileName(items.at(linked).path)));
        if (linked >= 0 && linked < i - 1) {
            // Something sits between this report and the one it follows.
            const Item &between = items.at(i - 1);
            const bool betweenFitsEarlier =
                !between.chained || between.previous == items.at(linked).digest;
            if (betweenFitsEarlier)
                return fail(between.path, Problem::Inserted,
                            QStringLiteral("%1 was inserted between %2 and %3")
                                .arg(fileName(between.path), fileName(items.at(linked).path),
                                     fileName(it.path)));
            return fail(it.path, Problem::Reordered,
                        QStringLiteral("%1 was reordered: it follows %2, not %3")
                            .arg(fileName(it.path), fileName(items.at(linked).path),
                                 fileName(between.path)));
        }
        for (int j = i + 1; j < items.size(); ++j) {
            // The report that should come here comes later: these two swapped places.
            if (items.at(j).chained && items.at(j).previous == expected)
                return fail(it.path, Problem::Reordered,
                            QStringLiteral("%1 was reordered: %2 should come before it")
                                .arg(fileName(it.path), fileName(items.at(j).path)));
        }
        if (it.previous.isEmpty())
            return fail(it.path, Problem::Inserted,
                        QStringLiteral("%1 was inserted: it claims to be the first report, but "
                                       "%2 comes before it")
                            .arg(fileName(it.path), fileName(items.at(i - 1).path)));
        if (i == 0)
            return fail(it.path, Problem::Removed,
                        QStringLiteral("the report before %1 was removed (the first report it "
                                       "follows is missing)")
                            .arg(fileName(it.path)));
        return fail(it.path, Problem::Removed,
                    QStringLiteral("a report between %1 and %2 was removed (or %1 was edited "
                                   "and re-sealed)")
                        .arg(fileName(items.at(i - 1).path), fileName(it.path)));
    }
    return v;
}

} // namespace Promotion
