// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstore.h"

#include <algorithm>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <thread>
#include <vector>

namespace Promotion {

namespace {
// A `git pull` touches the folder many times in a burst; index once after it.
constexpr int kDebounceMs = 300;
} // namespace

ReportStore::ReportStore(QObject *parent)
    : QObject(parent)
{
}

ReportStore::ReportStore(const QString &reportsDir, QObject *parent)
    : QObject(parent)
    , m_folders(reportsDir.isEmpty() ? QStringList() : QStringList{reportsDir})
{
}

ReportStore::~ReportStore()
{
    // Bounded: the workers check their flag between files.
    for (const Worker &w : std::as_const(m_workers))
        w.cancel->store(true);
    for (const Worker &w : std::as_const(m_workers)) {
        w.thread->wait();
        delete w.thread;
    }
}

void ReportStore::reapWorkers()
{
    for (qsizetype i = m_workers.size() - 1; i >= 0; --i) {
        if (m_workers.at(i).thread->isFinished()) {
            delete m_workers.at(i).thread;
            m_workers.removeAt(i);
        }
    }
}

QList<ReportSummary> ReportStore::list(const QString &component) const
{
    QList<ReportSummary> all = index(m_folders);
    if (component.isEmpty())
        return all;
    all.removeIf([&](const ReportSummary &s) { return s.component != component; });
    return all;
}

void ReportStore::setFolders(const QStringList &folders)
{
    QStringList clean;
    for (const QString &f : folders) {
        const QString path = QDir::cleanPath(f);
        if (!f.isEmpty() && !clean.contains(path))
            clean.append(path);
    }
    if (clean == m_folders)
        return;
    m_folders = clean;
    m_cache.clear();
    watchFolders();
}

void ReportStore::watchFolders()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        m_debounce = new QTimer(this);
        m_debounce->setSingleShot(true);
        m_debounce->setInterval(kDebounceMs);
        connect(m_debounce, &QTimer::timeout, this, &ReportStore::refresh);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce,
                qOverload<>(&QTimer::start));
    }
    const QStringList watched = m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    QStringList paths;
    for (const QString &folder : std::as_const(m_folders)) {
        // A workspace without reports yet: watch the nearest existing parent, so the first
        // report (which creates the folder) shows up too.
        QString dir = folder;
        while (!QFileInfo(dir).isDir() && QFileInfo(dir).path() != dir)
            dir = QFileInfo(dir).path();
        if (QFileInfo(dir).isDir() && !paths.contains(dir))
            paths.append(dir);
    }
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

void ReportStore::refresh()
{
    if (m_running) {
        m_again = true;
        return;
    }
    // A folder created since (the first report) is watched from now on.
    watchFolders();
    startWorker();
}

void ReportStore::startWorker()
{
    // An older worker may still be checking the chain of an index already shown: stop it,
    // never wait for it here.
    for (const Worker &w : std::as_const(m_workers))
        w.cancel->store(true);
    reapWorkers();
    m_running = true;
    m_again = false;
    const quint64 job = ++m_job;
    const auto cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT indexingStarted();
    const QStringList folders = m_folders;
    const Cache cache = m_cache;
    const bool verifyChain = m_verifyChain;
    QThread *thread = QThread::create([this, job, folders, cache, cancel, verifyChain] {
        Cache newCache;
        int lastReported = -1;
        const Progress progress = [&](int done, int total) {
            // A signal per percent, not per file.
            const int percent = total > 0 ? done * 100 / total : 100;
            if (percent == lastReported)
                return;
            lastReported = percent;
            QMetaObject::invokeMethod(
                this, [this, done, total] { Q_EMIT this->progress(done, total); },
                Qt::QueuedConnection);
        };
        QList<ReportSummary> reports = index(folders, cache, &newCache, progress, cancel.get());
        if (cancel->load())
            return;
        // The store outlives the thread (its destructor waits), so `this` is safe here;
        // a queued call to a deleted object would never run anyway.
        QMetaObject::invokeMethod(
            this,
            [this, job, reports = std::move(reports), newCache = std::move(newCache)] {
                finished(job, reports, newCache);
            },
            Qt::QueuedConnection);
        if (!verifyChain)
            return;
        // After the index is shown: the chain reads every report again.
        ReportChain::Verdict verdict;
        for (const QString &folder : folders) {
            if (cancel->load())
                return;
            const ReportChain::Verdict v = ReportChain::verify(folder);
            verdict.checked += v.checked;
            verdict.unchained += v.unchained;
            if (!v.ok && verdict.ok) {
                const QStringList unchained = verdict.unchained;
                const int checked = verdict.checked;
                verdict = v;
                verdict.unchained = unchained;
                verdict.checked = checked;
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, job, verdict] {
                if (job != m_job)
                    return;
                m_chain = verdict;
                Q_EMIT chainVerified();
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("ReportStore indexer"));
    connect(thread, &QThread::finished, this, &ReportStore::reapWorkers, Qt::QueuedConnection);
    m_workers.append(Worker{thread, cancel});
    thread->start(QThread::LowPriority);
}

void ReportStore::finished(quint64 job, const QList<ReportSummary> &reports, const Cache &cache)
{
    if (job != m_job)
        return;
    m_running = false;
    m_reports = reports;
    m_cache = cache;
    ++m_generation;
    Q_EMIT indexed();
    if (m_again)
        refresh();
}

QStringList ReportStore::reportFiles(const QStringList &folders, QStringList *followUps)
{
    QStringList files;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        const QStringList names =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable | QDir::Hidden,
                          QDir::Name);
        for (const QString &name : names) {
            if (ReportReader::isFollowUpFile(name)) {
                if (followUps)
                    followUps->append(dir.filePath(name));
                continue;
            }
            files.append(dir.filePath(name));
        }
    }
    return files;
}

QList<ReportSummary> ReportStore::index(const QStringList &folders, const Cache &cache,
                                        Cache *newCache, const Progress &progress,
                                        const std::atomic_bool *cancel)
{
    QStringList followUps;
    const QStringList files = reportFiles(folders, &followUps);
    QHash<QString, QString> followUpOf; // report path -> follow-up path
    for (const QString &f : std::as_const(followUps)) {
        const QFileInfo fi(f);
        followUpOf.insert(fi.dir().filePath(ReportReader::reportOfFollowUp(fi.fileName())), f);
    }
    // Read in parallel: each worker takes the next file; the calling thread works too and
    // reports the progress. Parsing JSON is the cost, and it is CPU-bound.
    const int total = int(files.size());
    QList<ReportSummary> result(total);
    QList<CacheEntry> entries(newCache ? total : 0);
    // Written through raw pointers: each slot by one thread, the lists never detach.
    ReportSummary *out = result.data();
    CacheEntry *outEntries = entries.data();
    std::atomic_int next{0};
    std::atomic_int done{0};
    // Takes the next file; false when none is left (or the index was cancelled).
    const auto workOne = [&]() -> bool {
        if (cancel && cancel->load())
            return false;
        const int i = next.fetch_add(1);
        if (i >= total)
            return false;
        const QString &path = files.at(i);
        const QFileInfo fi(path);
        const qint64 size = fi.size();
        const QDateTime modified = fi.lastModified();
        ReportSummary s;
        const auto hit = cache.constFind(path);
        if (hit != cache.cend() && hit->size == size && hit->modified == modified)
            s = hit->summary;
        else
            s = ReportReader::read(path);
        if (newCache)
            outEntries[i] = CacheEntry{size, modified, s};
        const QString followUp = followUpOf.value(path);
        if (!followUp.isEmpty())
            ReportReader::joinFollowUp(s, followUp);
        out[i] = std::move(s);
        done.fetch_add(1);
        return true;
    };
    const int helpers = total < 64 ? 0 : std::clamp(QThread::idealThreadCount() - 1, 0, 7);
    std::vector<std::thread> threads;
    threads.reserve(size_t(helpers));
    for (int t = 0; t < helpers; ++t)
        threads.emplace_back([&] {
            while (workOne()) {
            }
        });
    // This thread works too, and reports the progress as it goes.
    while (workOne()) {
        if (progress)
            progress(done.load(), total);
    }
    for (std::thread &t : threads)
        t.join();
    if (progress)
        progress(done.load(), total);
    // The cache first, while result still has one slot per file; a cancelled index leaves
    // slots nobody read (empty path), dropped after.
    if (newCache) {
        for (int i = 0; i < total; ++i) {
            if (!result.at(i).path.isEmpty())
                newCache->insert(files.at(i), entries.at(i));
        }
    }
    if (cancel && cancel->load())
        result.removeIf([](const ReportSummary &s) { return s.path.isEmpty(); });
    sortOldestFirst(result);
    return result;
}

void ReportStore::sortOldestFirst(QList<ReportSummary> &reports)
{
    // Unreadable files first (they have no date), then by time; the run id and path settle ties.
    std::stable_sort(reports.begin(), reports.end(),
                     [](const ReportSummary &a, const ReportSummary &b) {
                         if (a.date != b.date)
                             return a.date < b.date;
                         if (a.whenMs != b.whenMs)
                             return a.whenMs < b.whenMs;
                         if (a.runId != b.runId)
                             return a.runId < b.runId;
                         return a.path < b.path;
                     });
}

} // namespace Promotion
