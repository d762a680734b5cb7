// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace Promotion {

/*! \brief What one HTTP GET produced: a response, or the reason there is none. */
struct HttpProbeResult
{
    QUrl url;
    int httpStatus = 0;         //!< 0 when no HTTP response arrived
    qint64 latencyMs = -1;      //!< request start to end of body; -1 when never started
    QByteArray body;            //!< at most Options::maxBodyBytes bytes
    bool bodyTruncated = false; //!< the server sent more than maxBodyBytes; the rest was dropped
    QString contentType;
    QString error;         //!< transport failure (refused, DNS, TLS, timeout); empty otherwise
    bool tlsError = false; //!< the failure was TLS (handshake or certificate)
    bool timedOut = false;
    bool cancelled = false; //!< HttpProbe::cancel() was called

    /*! A response arrived (whatever its status). */
    bool responded() const { return error.isEmpty() && httpStatus > 0; }
    /*! A response with a 2xx status arrived. */
    bool ok() const { return responded() && httpStatus >= 200 && httpStatus < 300; }
    /*!
     * One line for logs and gate errors, naming the URL:
     * "GET http://h/health returned 503", "GET https://h/x failed: TLS error: ...".
     */
    QString describe() const;
};

/*!
 * \brief Asynchronous HTTP GETs for health checks and metric gates.
 *
 * Every request has a transfer timeout (QNetworkRequest::setTransferTimeout),
 * bypasses caches, records status, latency and a capped body, and reports
 * through a callback exactly once. TLS problems are never ignored: certificate
 * errors are collected and reported as the failure, naming the URL, because a
 * health check against an impostor proves nothing.
 */
class HttpProbe final
{
public:
    struct Options
    {
        int timeoutMs = 10000;
        qint64 maxBodyBytes = 1024 * 1024;
        QByteArray accept; //!< Accept header; empty: none
    };

    using Callback = std::function<void(const HttpProbeResult &)>;

    /*!
     * Start a GET of \a url on \a manager. \a done runs once, in \a context's
     * thread, unless \a context is destroyed first. The returned reply may be
     * passed to cancel(); it deletes itself after finishing.
     */
    static QPointer<QNetworkReply> get(QNetworkAccessManager *manager, const QUrl &url,
                                       const Options &options, QObject *context, Callback done);

    /*! Abort \a reply; its callback then runs with cancelled set. Null is allowed. */
    static void cancel(QNetworkReply *reply);

    /*! The body of a failed request, shortened and made printable for a message. */
    static QString bodyExcerpt(const QByteArray &body, int maxChars = 200);
};

} // namespace Promotion
