// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "health/httpprobe.h"
#include "policy/policy.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace Promotion {

/*! \brief The value a metric gate's DataSource produced, and whether it is within bounds. */
struct DataSourceResult
{
    bool ok = false;     //!< a value was read
    double value = 0;    //!< the value; for RollbackDrill the newest drill's age in days
    QString detail;      //!< where the value came from, for the gate's evidence
    QString error;       //!< why there is no value, naming URL, file and field
    bool passed = false; //!< ok, and within min/max (and, for drills, younger than maxAgeDays)
    QString evaluation;  //!< the comparison made, e.g. "99.7 >= 99.5 (min)"
};

/*!
 * \brief Reads the value of a metric gate from its DataSource, asynchronously.
 *
 * Sources:
 * - **Http**: GET `url`; with `jsonPointer` the body is JSON and the pointer
 *   (RFC 6901) must name a number, otherwise the body is a plain number.
 * - **Prometheus**: GET `{url}/api/v1/query?query={query}` (Prometheus HTTP
 *   API, instant query); the first sample of a vector result (or a scalar
 *   result) is the value. `url` is the server base URL; a URL already ending
 *   in `/api/v1/query` is used as is.
 * - **File**: `path` relative to the workspace (it may not escape it); JSON
 *   with `jsonPointer`, or a plain number when the pointer is empty.
 * - **RollbackDrill**: the newest successful rollback rehearsal of the
 *   component; see readDrills() for the record formats. The value is its age
 *   in days, and the gate passes when that is below `maxAgeDays` (any age
 *   when maxAgeDays <= 0).
 *
 * `{component}` in url, query and path is replaced by the component name.
 * The result is evaluated against `min` and `max` when set (inclusive
 * bounds); without bounds a value that could be read passes. Exactly one
 * finished() follows each read(); it is never emitted from inside that
 * read() call (only a superseded earlier read finishes there).
 */
class DataSourceReader final : public QObject
{
    Q_OBJECT
public:
    /*! \a manager is used for HTTP; when null the reader creates its own. */
    explicit DataSourceReader(QNetworkAccessManager *manager = nullptr, QObject *parent = nullptr);
    ~DataSourceReader() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    /*! Retry HTTP and Prometheus reads that fail transiently (no answer, or a status in
     *  \a transient's list) with \a settings' backoff; none by default. */
    void setRetry(const RetrySettings &settings, const TransientPolicy &transient)
    {
        m_retry = settings;
        m_transient = transient;
    }
    int timeoutMs() const { return m_timeoutMs; }

    /*!
     * Start reading \a source. A read still in flight is cancelled first and
     * finishes with an error saying so.
     */
    void read(const DataSource &source, const QString &workspaceRoot, const QString &component);
    /*! Stop the read in flight; finished() is emitted with a "cancelled" error. */
    void cancel();
    bool isBusy() const { return m_busy; }

    // Pure parts, public so they can be table-tested without a network.

    /*! A number from \a body: JSON at \a pointer, or plain text when \a pointer is empty. */
    static DataSourceResult valueFromBody(const QByteArray &body, const QString &pointer,
                                          const QString &origin);
    /*! The first sample of a Prometheus /api/v1/query response. */
    static DataSourceResult valueFromPrometheus(const QByteArray &body, int httpStatus,
                                                const QString &origin, const QString &query);
    /*! The query URL for a Prometheus base URL. */
    static QUrl prometheusQueryUrl(const QString &baseUrl, const QString &query);

    /*!
     * The newest successful rollback drill of \a component (any component
     * when empty) in the workspace at \a workspaceRoot, as of \a now.
     *
     * Records read:
     * - every `.json` file under `.promotion/drills/` (recursively), one rehearsal each:
     *   `{"date": "<ISO 8601>", "component": "<name>", "result": "passed"}`;
     *   only "passed" counts; optional fields (stage, notes, by) are ignored.
     * - every `.json` file under `.promotion/reports/` (recursively): a promotion report with a
     *   top-level "component" and a "rollback" object
     *   `{"performed": true, "date": "<ISO 8601>", "success": true}`; it counts
     *   when performed is true, success (if present) is not false, result
     *   (if present) is "passed"/"success", and neither the report nor the
     *   rollback has "dry_run": true. The rollback's date, else the report's
     *   "date", is used.
     *
     * A date is ISO 8601 with time (a missing offset is UTC) or a bare
     * YYYY-MM-DD (midnight UTC). Unreadable or malformed files are skipped and
     * named in the detail; they never make the gate pass. A date more than a
     * day in the future is rejected as a clock or data error.
     */
    static DataSourceResult readDrills(const QString &workspaceRoot, const QString &component,
                                       const QDateTime &now);

    /*! Apply min/max (and maxAgeDays for drills) to \a result. */
    static void evaluate(const DataSource &source, DataSourceResult *result);

    static QString typeName(DataSource::Type type);

Q_SIGNALS:
    void finished(const Promotion::DataSourceResult &result);

private:
    void startHttp(const DataSource &source, const QString &component);
    void startPrometheus(const DataSource &source, const QString &component);
    void finishLater(DataSourceResult result);
    void finish(DataSourceResult result);
    /*! True (and the same read is started again after a backoff) when \a r is a transient
     *  failure with retries left. */
    bool retryLater(const HttpProbeResult &r);

    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    DataSource m_source;
    QString m_component;
    RetrySettings m_retry;
    TransientPolicy m_transient;
    int m_attempt = 1;
    QStringList m_retried; //!< why earlier attempts failed, for the evidence
    int m_timeoutMs = 30000;
    quint64 m_generation = 0; //!< bumps on every read/cancel so stale callbacks are dropped
    bool m_busy = false;
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::DataSourceResult)
