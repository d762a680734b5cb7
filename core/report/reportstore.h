// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportchain.h"
#include "reportsummary.h"

#include <atomic>
#include <functional>
#include <memory>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QFileSystemWatcher;
class QThread;
class QTimer;

namespace Promotion {

/*!
 * \brief The index of past promotion reports: `.promotion/reports/` plus any extra folders
 * (for example a shared checkout of several repositories).
 *
 * refresh() reads the folders on a worker thread and reports progress(); the GUI thread
 * never reads a report file. A QFileSystemWatcher refreshes the index when a folder
 * changes (a `git pull`), re-reading only files whose size or modification time changed.
 * Unreadable files are summaries with their problem set, never dropped. A follow-up record
 * beside a report (`X.followup.json` next to `X.json`) is joined to it.
 *
 * list() is the synchronous form for the command line.
 */
class ReportStore final : public QObject
{
    Q_OBJECT
public:
    using Progress = std::function<void(int done, int total)>;

    explicit ReportStore(QObject *parent = nullptr);
    /*! A store over one folder (the workspace's reports), for list(). */
    explicit ReportStore(const QString &reportsDir, QObject *parent = nullptr);
    ~ReportStore() override;

    /*! Every report, oldest first, read now on the calling thread; unreadable files are
     *  listed with a problem. With \a component, only that component's readable reports. */
    QList<ReportSummary> list(const QString &component = {}) const;

    /*! The folders to index: the workspace's reports first, then extra ones. Watches them;
     *  call refresh() to index. */
    void setFolders(const QStringList &folders);
    QStringList folders() const { return m_folders; }
    /*! Index the folders again on the worker thread (coalesces calls while one runs). */
    void refresh();
    bool isIndexing() const { return m_running; }
    /*! The last complete index, oldest first. */
    const QList<ReportSummary> &reports() const { return m_reports; }
    /*! The hash chain of every folder, checked after each index (ok until then). */
    const ReportChain::Verdict &chainVerdict() const { return m_chain; }
    /*! Check the hash chain after each index (on by default). */
    void setVerifyChain(bool verify) { m_verifyChain = verify; }
    /*! How many indexes finished since construction (tests wait on it). */
    int generation() const { return m_generation; }

    /*! The report files and follow-up records under \a folders (sorted by name). */
    static QStringList reportFiles(const QStringList &folders, QStringList *followUps = nullptr);
    /*! The index itself: reads \a folders (oldest first). Reuses entries of \a cache whose
     *  size and modification time match, and fills \a newCache. Stops early (returning what
     *  it has) once \a cancel is set. */
    struct CacheEntry
    {
        qint64 size = -1;
        QDateTime modified;
        ReportSummary summary;
    };
    using Cache = QHash<QString, CacheEntry>;
    static QList<ReportSummary> index(const QStringList &folders, const Cache &cache = {},
                                      Cache *newCache = nullptr, const Progress &progress = {},
                                      const std::atomic_bool *cancel = nullptr);
    static void sortOldestFirst(QList<ReportSummary> &reports);

    // Compatibility with callers that read one file.
    static std::optional<QJsonObject> load(const QString &path, QString *error)
    {
        return ReportReader::load(path, error);
    }
    static ReportSummary summarize(const QString &path, const QJsonObject &report)
    {
        return ReportReader::summarize(path, report);
    }

Q_SIGNALS:
    void indexingStarted();
    void progress(int done, int total);
    /*! reports() holds a new index. */
    void indexed();
    /*! chainVerdict() holds the verdict on the reports of the last index. */
    void chainVerified();

private:
    void startWorker();
    void finished(quint64 job, const QList<ReportSummary> &reports, const Cache &cache);
    void watchFolders();

    QStringList m_folders;
    QList<ReportSummary> m_reports;
    Cache m_cache;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    struct Worker
    {
        QThread *thread = nullptr;
        std::shared_ptr<std::atomic_bool> cancel;
    };
    /*! Threads not yet reaped: the current one, and older ones still checking the chain
     *  (cancelled, never waited for on the GUI thread). */
    QList<Worker> m_workers;
    void reapWorkers();
    quint64 m_job = 0;
    ReportChain::Verdict m_chain;
    bool m_verifyChain = true;
    bool m_running = false;
    bool m_again = false;
    int m_generation = 0;
};

} // namespace Promotion
