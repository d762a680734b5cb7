// SPDX-License-Identifier: GPL-3.0-or-later
// The tamper test: one byte changed in a random past report, a deleted report, a swapped pair
// and an inserted report are caught and named; an untouched chain passes; reports from before
// the chain are "unchained". Also through `promotion-console verify`.
#include "helpers/reportgenerator.h"
#include "report/reportchain.h"
#include "report/reportstore.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using Promotion::Testing::ReportGenerator;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QJsonObject readObject(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

void writeObject(const QString &path, const QJsonObject &o)
{
    QVERIFY(writeAll(path, QJsonDocument(o).toJson()));
}

QJsonObject resealed(QJsonObject o)
{
    o.insert(QLatin1String(ReportChain::kContentKey), ReportChain::digest(o));
    return o;
}

struct Workspace
{
    QTemporaryDir dir;
    QString reports() const { return dir.filePath(QStringLiteral(".promotion/reports")); }
};

/*! 4 reports from before the chain existed, then 20 chained ones; returns the chained. */
QStringList makeChain(Workspace &ws)
{
    ReportGenerator generator(42);
    generator.write(ws.reports(), 4, false);
    return generator.write(ws.reports(), 20, true);
}

struct Cli
{
    int exitCode = -1;
    QString out;
};

Cli verifyCli(const QString &workspace)
{
    QProcess p;
    p.start(QStringLiteral(APP_BINARY),
            {QStringLiteral("verify"), QStringLiteral("--workspace"), workspace});
    Cli r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    return r;
}

void makeComponent(const QString &root)
{
    QDir d(root);
    QVERIFY(d.mkpath(QStringLiteral("src/billing")));
    QVERIFY(d.mkpath(QStringLiteral("tests/billing")));
    QVERIFY(d.mkpath(QStringLiteral("specs")));
    QVERIFY(writeAll(d.filePath(QStringLiteral("src/billing/__init__.py")),
                     "__version__ = \"1.0.0\"\n__maturity__ = \"development\"\n"));
    QVERIFY(writeAll(d.filePath(QStringLiteral("specs/billing.md")), "# billing\n"));
}

} // namespace

class TestReportChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonicalJson()
    {
        QJsonObject inner;
        inner.insert(QStringLiteral("z"), 2);
        inner.insert(QStringLiteral("y"), -3.0);
        QJsonArray array;
        array.append(1.5);
        array.append(QStringLiteral("x\"\\\n\u00e9"));
        array.append(QJsonValue());
        array.append(true);
        array.append(inner);
        QJsonObject o;
        o.insert(QStringLiteral("b"), 1);
        o.insert(QStringLiteral("content_sha256"), QStringLiteral("zz"));
        o.insert(QStringLiteral("a"), array);
        QCOMPARE(ReportChain::canonicalJson(o),
                 QByteArray("{\"a\":[1.5,\"x\\\"\\\\\\n\xc3\xa9\",null,true,{\"y\":-3,\"z\":2}],"
                            "\"b\":1}"));
        // The digest ignores its own field and nothing else.
        QJsonObject other = o;
        other.insert(QStringLiteral("content_sha256"), QStringLiteral("other"));
        QCOMPARE(ReportChain::digest(other), ReportChain::digest(o));
        other.insert(QStringLiteral("b"), 2);
        QVERIFY(ReportChain::digest(other) != ReportChain::digest(o));
        QCOMPARE(ReportChain::digest(o).size(), 64);
    }

    void untouchedChainPasses()
    {
        Workspace ws;
        makeChain(ws);
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.checked, 20);
        QCOMPARE(v.unchained.size(), 4);
    }

    void newerSchemaIsCheckedNotBroken()
    {
        // A report written by a newer version: this build cannot show it, but checks its links.
        Workspace ws;
        ReportGenerator generator(8);
        const QStringList first = generator.write(ws.reports(), 5);
        QJsonObject newer = PromotionReport::build(generator.state(5));
        newer.insert(QStringLiteral("schema_version"), 99);
        newer = ReportChain::seal(newer, ws.reports());
        writeObject(ws.reports() + QStringLiteral("/zz-newer.json"), newer);
        QVERIFY(ReportChain::verify(ws.reports()).ok);
        ReportGenerator later(9);
        later.start = generator.start.addDays(30);
        later.write(ws.reports(), 3); // chained after it
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.checked, 9);
        // A file that is not JSON cannot be checked: that is a break.
        QVERIFY(writeAll(ws.reports() + QStringLiteral("/garbage.json"), "{ not json"));
        QCOMPARE(ReportChain::verify(ws.reports()).problem, ReportChain::Problem::Unreadable);
    }

    void sealChainsToTheNewest()
    {
        Workspace ws;
        const QStringList chained = makeChain(ws);
        ReportGenerator generator(99);
        RunState s = generator.state(500);
        const QJsonObject report = ReportChain::seal(PromotionReport::build(s), ws.reports());
        QCOMPARE(report.value(QLatin1String(ReportChain::kPreviousKey)).toString(),
                 ReportChain::digest(readObject(chained.constLast())));
        QCOMPARE(report.value(QLatin1String(ReportChain::kContentKey)).toString(),
                 ReportChain::digest(report));
        writeObject(ws.reports() + QStringLiteral("/new.json"), report);
        QVERIFY(ReportChain::verify(ws.reports()).ok);
    }

    void oneByteChangedInARandomPastReport_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u})
            QTest::addRow("seed %u", seed) << seed;
    }
    void oneByteChangedInARandomPastReport()
    {
        QFETCH(quint32, seed);
        Workspace ws;
        const QStringList chained = makeChain(ws);
        QRandomGenerator rng(seed);
        // A past report: any but the newest.
        const QString victim = chained.at(int(rng.bounded(chained.size() - 1)));
        QByteArray bytes = readAll(victim);
        // A random letter or digit (whitespace between tokens carries no content).
        qsizetype at = 0;
        do {
            at = qsizetype(rng.bounded(int(bytes.size())));
        } while (!std::isalnum(static_cast<unsigned char>(bytes.at(at))));
        const char c = bytes.at(at);
        bytes[at] = std::isdigit(static_cast<unsigned char>(c)) ? (c == '7' ? '8' : '7')
                                                                : (c == 'q' ? 'x' : 'q');
        QVERIFY(writeAll(victim, bytes));

        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadPath, victim);
        QVERIFY2(v.problem == ReportChain::Problem::Edited ||
                     v.problem == ReportChain::Problem::Unreadable,
                 qPrintable(v.message));
        QVERIFY(v.message.contains(QFileInfo(victim).fileName()));
    }

    void deletedReport()
    {
        Workspace ws;
        const QStringList chained = makeChain(ws);
        QVERIFY(QFile::remove(chained.at(9)));
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY(!v.ok);
        QCOMPARE(v.problem, ReportChain::Problem::Removed);
        QCOMPARE(v.firstBadPath, chained.at(10)); // the report whose predecessor is gone
        QVERIFY(v.message.contains(QFileInfo(chained.at(8)).fileName()));
    }

    void swappedPair()
    {
        // A forger who knows the algorithm swaps two reports' places in the history (their
        // times) and re-seals both: each is consistent alone, the chain is not.
        Workspace ws;
        const QStringList chained = makeChain(ws);
        const QString a = chained.at(6);
        const QString b = chained.at(7);
        QJsonObject ra = readObject(a);
        QJsonObject rb = readObject(b);
        for (const char *key : {"started_at", "finished_at", "date", "run_id"}) {
            const QJsonValue va = ra.value(QLatin1String(key));
            ra.insert(QLatin1String(key), rb.value(QLatin1String(key)));
            rb.insert(QLatin1String(key), va);
        }
        writeObject(a, resealed(ra));
        writeObject(b, resealed(rb));
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY(!v.ok);
        QCOMPARE(v.problem, ReportChain::Problem::Reordered);
        QCOMPARE(v.firstBadPath, b); // b now comes first
    }

    void swappedPairWithoutResealing()
    {
        Workspace ws;
        const QStringList chained = makeChain(ws);
        QJsonObject ra = readObject(chained.at(3));
        QJsonObject rb = readObject(chained.at(4));
        const QJsonValue t = ra.value(QStringLiteral("finished_at"));
        ra.insert(QStringLiteral("finished_at"), rb.value(QStringLiteral("finished_at")));
        rb.insert(QStringLiteral("finished_at"), t);
        writeObject(chained.at(3), ra);
        writeObject(chained.at(4), rb);
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY(!v.ok);
        QCOMPARE(v.problem, ReportChain::Problem::Edited);
        QCOMPARE(v.firstBadPath, chained.at(4));
    }

    void insertedReport()
    {
        Workspace ws;
        const QStringList chained = makeChain(ws);
        // A forged report placed between two, linked to the earlier one and sealed.
        QJsonObject forged = readObject(chained.at(12));
        const QJsonObject next = readObject(chained.at(13));
        forged.insert(QStringLiteral("finished_at"),
                      QDateTime::fromString(next.value(QStringLiteral("started_at")).toString(),
                                            Qt::ISODateWithMs)
                          .addSecs(-1)
                          .toString(Qt::ISODateWithMs));
        forged.insert(QStringLiteral("run_id"), QStringLiteral("forged"));
        forged.insert(QLatin1String(ReportChain::kPreviousKey),
                      ReportChain::digest(readObject(chained.at(12))));
        const QString path = ws.reports() + QStringLiteral("/forged.json");
        writeObject(path, resealed(forged));
        const ReportChain::Verdict v = ReportChain::verify(ws.reports());
        QVERIFY(!v.ok);
        QCOMPARE(v.problem, ReportChain::Problem::Inserted);
        QCOMPARE(v.firstBadPath, path);

        // An unsealed report slipped in after the chain started is inserted too.
        QVERIFY(QFile::remove(path));
        QJsonObject plain = readObject(chained.at(12));
        plain.remove(QLatin1String(ReportChain::kContentKey));
        plain.remove(QLatin1String(ReportChain::kPreviousKey));
        plain.insert(QStringLiteral("run_id"), QStringLiteral("zz-plain"));
        writeObject(path, plain);
        const ReportChain::Verdict w = ReportChain::verify(ws.reports());
        QCOMPARE(w.problem, ReportChain::Problem::Inserted);
        QCOMPARE(w.firstBadPath, path);
    }

    void verifyCommand()
    {
        Workspace ws;
        makeComponent(ws.dir.path());
        const QStringList chained = makeChain(ws);
        Cli r = verifyCli(ws.dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("hash chain intact (20 chained, 4 unchained)")));
        QVERIFY(r.out.contains(QLatin1String("unchained (written before the chain existed)")));

        QByteArray bytes = readAll(chained.at(5));
        const qsizetype at = bytes.indexOf("\"promoter\": \"") + 14;
        bytes[at] = bytes.at(at) == 'x' ? 'y' : 'x';
        QVERIFY(writeAll(chained.at(5), bytes));
        r = verifyCli(ws.dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("hash chain BROKEN (edited)")), qPrintable(r.out));
        QVERIFY(r.out.contains(chained.at(5)));
    }
};

QTEST_GUILESS_MAIN(TestReportChain)
#include "tst_reportchain.moc"
