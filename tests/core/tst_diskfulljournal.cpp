// SPDX-License-Identifier: GPL-3.0-or-later
// The journal and JsonFile on a full and on a read-only file system: a save fails loudly,
// names the file and the reason, and leaves the previous file as it was.
#include "common/jsonfile.h"
#include "journal/runjournal.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Promotion;

namespace {

const char kTmpfsOptions[] = "size=64k,mode=0755";

/*! A 64 KiB tmpfs on a temporary directory, unmounted when it goes out of scope. */
class TmpfsMount final
{
public:
    TmpfsMount()
    {
        if (::geteuid() != 0) {
            m_error = QStringLiteral("needs root to mount a tmpfs (euid %1)").arg(::geteuid());
            return;
        }
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary directory: %1").arg(m_dir.errorString());
            return;
        }
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                    MS_NOSUID | MS_NODEV, kTmpfsOptions) != 0) {
            m_error = QStringLiteral("mount -t tmpfs failed: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~TmpfsMount()
    {
        if (!m_mounted)
            return;
        const QByteArray dir = QFile::encodeName(m_dir.path());
        if (::umount2(dir.constData(), 0) != 0)
            ::umount2(dir.constData(), MNT_DETACH);
    }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    bool remountReadOnly()
    {
        return ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                       MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, kTmpfsOptions) == 0;
    }
    qint64 freeBytes() const
    {
        struct statvfs s
        {
        };
        if (::statvfs(QFile::encodeName(m_dir.path()).constData(), &s) != 0)
            return -1;
        return qint64(s.f_bavail) * qint64(s.f_frsize);
    }

private:
    QTemporaryDir m_dir;
    QString m_error;
    bool m_mounted = false;
};

/*! Writes to \a path until the file system is full; the errno that stopped it. */
int fillUp(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    const QByteArray chunk(1024, 'x');
    int code = 0;
    for (int i = 0; i < 100000; ++i) {
        if (::write(fd, chunk.constData(), size_t(chunk.size())) < 0) {
            code = errno;
            break;
        }
    }
    ::close(fd);
    return code;
}

RunState smallState()
{
    RunState s;
    s.runId = QStringLiteral("20260101-000000-comp-staging-0001");
    s.request.component = QStringLiteral("comp");
    s.request.to = QStringLiteral("staging");
    s.startedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    s.step(StepId::Validate).status = StepStatus::Passed;
    return s;
}

RunState biggerState()
{
    RunState s = smallState();
    s.step(StepId::QualityGates).status = StepStatus::Running;
    s.issueBody = QString(8000, QLatin1Char('b'));
    return s;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDiskFullJournal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // A private mount namespace: a mount this test leaves behind by crashing dies with it.
        if (::geteuid() == 0 && ::unshare(CLONE_NEWNS) == 0)
            ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr);
    }

    void saveOnAFullDiskKeepsThePreviousState()
    {
        TmpfsMount fs;
        if (!fs.isMounted())
            QSKIP(qPrintable(fs.error()));
        RunJournal journal(fs.path() + QStringLiteral("/runs"));
        const RunState first = smallState();
        QString error;
        QVERIFY2(journal.save(first, &error), qPrintable(error));
        const QString statePath = journal.statePath(first.runId);
        const QByteArray before = contentOf(statePath);
        QVERIFY(!before.isEmpty());

        QCOMPARE(fillUp(fs.path() + QStringLiteral("/filler")), ENOSPC);
        const qint64 freeWhenFull = fs.freeBytes();
        for (int attempt = 0; attempt < 5; ++attempt) {
            error.clear();
            QVERIFY(!journal.save(biggerState(), &error));
            QVERIFY2(error.contains(statePath), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
        }
        QCOMPARE(contentOf(statePath), before);
        const auto loaded = journal.load(first.runId, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), first.toJson());
        // No temporary files left behind, and none eating the space.
        QCOMPARE(QDir(journal.runDir(first.runId)).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("state.json")});
        QCOMPARE(fs.freeBytes(), freeWhenFull);

        // Room again: the same save goes through.
        QVERIFY(QFile::remove(fs.path() + QStringLiteral("/filler")));
        QVERIFY2(journal.save(biggerState(), &error), qPrintable(error));
        QCOMPARE(journal.load(first.runId, &error)->toJson(), biggerState().toJson());
    }

    void saveOnAReadOnlyFileSystemKeepsThePreviousState()
    {
        TmpfsMount fs;
        if (!fs.isMounted())
            QSKIP(qPrintable(fs.error()));
        RunJournal journal(fs.path() + QStringLiteral("/runs"));
        const RunState first = smallState();
        QString error;
        QVERIFY2(journal.save(first, &error), qPrintable(error));
        const QString statePath = journal.statePath(first.runId);
        const QByteArray before = contentOf(statePath);
        // chmod 0555 would not stop root; a read-only mount does.
        QVERIFY2(fs.remountReadOnly(), std::strerror(errno));
        QVERIFY(!journal.save(biggerState(), &error));
        QVERIFY2(error.contains(statePath), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("Read-only file system")), qPrintable(error));
        QCOMPARE(contentOf(statePath), before);
        QCOMPARE(QDir(journal.runDir(first.runId)).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("state.json")});
    }

    void jsonFileInAFullReportsFolderLeavesNoFile()
    {
        TmpfsMount fs;
        if (!fs.isMounted())
            QSKIP(qPrintable(fs.error()));
        const QString reports = fs.path() + QStringLiteral("/reports");
        QVERIFY(QDir().mkpath(reports));
        QCOMPARE(fillUp(fs.path() + QStringLiteral("/filler")), ENOSPC);
        const QString target = reports + QStringLiteral("/report.json");
        QJsonArray lines;
        for (int i = 0; i < 200; ++i)
            lines.append(QStringLiteral("line %1 of a report that does not fit").arg(i));
        QString error;
        QVERIFY(!JsonFile::writeObject(target, {{QStringLiteral("lines"), lines}}, &error));
        QVERIFY2(error.contains(target), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QDir(reports)
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiskFullJournal)
#include "tst_diskfulljournal.moc"
