// SPDX-License-Identifier: GPL-3.0-or-later
// JsonFile: round trip, and errors that name the file and the reason.
#include "common/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestJsonFile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripCreatesTheDirectory()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("a/b/c.json"));
        const QJsonObject object{{QStringLiteral("k"), 1}};
        QString error;
        QVERIFY2(JsonFile::writeObject(path, object, &error), qPrintable(error));
        const auto read = JsonFile::readObject(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(*read, object);
        QCOMPARE(QDir(tmp.filePath(QStringLiteral("a/b"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("c.json")});
    }

    void unmakeableDirectoryIsNamed()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString blocker = tmp.filePath(QStringLiteral("plainfile"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString path = blocker + QStringLiteral("/sub/x.json");
        QString error;
        QVERIFY(!JsonFile::writeObject(path, {{QStringLiteral("k"), 1}}, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(blocker + QStringLiteral(" is not a directory")),
                 qPrintable(error));
    }

    void unreadableAndMalformedAreNamed()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString missing = tmp.filePath(QStringLiteral("missing.json"));
        QString error;
        QVERIFY(!JsonFile::readObject(missing, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        const QString broken = tmp.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write("[1, 2"), qint64(5));
        f.close();
        QVERIFY(!JsonFile::readObject(broken, &error));
        QVERIFY2(error.contains(broken) && error.contains(QLatin1String("not a JSON object")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestJsonFile)
#include "tst_jsonfile.moc"
