// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/httpprobe.h"

#include <memory>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QStringList>

namespace Promotion {

namespace {

// Set on a reply by HttpProbe::cancel() so that the resulting
// OperationCanceledError is not mistaken for a transfer timeout.
constexpr char cancelledProperty[] = "promotion_probe_cancelled";

struct ProbeState
{
    QElapsedTimer clock;
    HttpProbeResult result;
    QStringList sslErrors;
    qint64 maxBodyBytes = 0;
    int timeoutMs = 0;
    bool finished = false;
};

void drain(QNetworkReply *reply, ProbeState &state)
{
    if (!reply->isReadable())
        return; // aborted: nothing left to read
    const qint64 room = state.maxBodyBytes - state.result.body.size();
    if (room > 0)
        state.result.body += reply->read(room);
    if (reply->bytesAvailable() > 0) {
        // Over the cap: remember that, and discard the rest so it is not buffered.
        state.result.bodyTruncated = true;
        reply->readAll();
    }
}

} // namespace

QString HttpProbeResult::describe() const
{
    const QString target = QStringLiteral("GET ") + url.toDisplayString();
    if (cancelled)
        return target + QStringLiteral(" was cancelled");
    if (!error.isEmpty())
        return target + QStringLiteral(" failed: ") + error;
    if (httpStatus == 0)
        return target + QStringLiteral(" got no HTTP response");
    return target + QStringLiteral(" returned ") + QString::number(httpStatus);
}

QPointer<QNetworkReply> HttpProbe::get(QNetworkAccessManager *manager, const QUrl &url,
                                       const Options &options, QObject *context, Callback done)
{
    Q_ASSERT(manager);
    Q_ASSERT(context);
    auto state = std::make_shared<ProbeState>();
    state->result.url = url;
    state->maxBodyBytes = qMax<qint64>(0, options.maxBodyBytes);
    state->timeoutMs = options.timeoutMs;

    QNetworkRequest request(url);
    request.setTransferTimeout(qMax(1, options.timeoutMs));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("promotion-console"));
    if (!options.accept.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Accept"), options.accept);

    state->clock.start();
    QNetworkReply *reply = manager->get(request);

    // Collected, never ignored: the reply then fails with a handshake error
    // and the certificate problems become the reported reason.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [state](const QList<QSslError> &errors) {
                         for (const QSslError &e : errors)
                             state->sslErrors << e.errorString();
                     });
    QObject::connect(reply, &QIODevice::readyRead, reply, [reply, state] { drain(reply, *state); });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, state, done] {
        if (state->finished)
            return;
        state->finished = true;
        HttpProbeResult &r = state->result;
        r.latencyMs = state->clock.elapsed();
        drain(reply, *state);
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        r.httpStatus = status.isValid() ? status.toInt() : 0;
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();

        const QNetworkReply::NetworkError code = reply->error();
        const bool cancelled = reply->property(cancelledProperty).toBool();
        if (cancelled) {
            r.cancelled = true;
            r.error = QStringLiteral("cancelled");
        } else if (!state->sslErrors.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
            r.tlsError = true;
            r.httpStatus = 0;
            const QString why = state->sslErrors.isEmpty()
                                    ? reply->errorString()
                                    : state->sslErrors.join(QStringLiteral("; "));
            r.error = QStringLiteral("TLS error: ") + why;
        } else if (code == QNetworkReply::OperationCanceledError ||
                   code == QNetworkReply::TimeoutError) {
            // Nobody called cancel(), so this is the transfer timeout firing.
            r.timedOut = true;
            r.httpStatus = 0;
            r.error = QStringLiteral("no response within %1 ms").arg(state->timeoutMs);
        } else if (r.httpStatus == 0 && code != QNetworkReply::NoError) {
            r.error = reply->errorString();
        } else if (r.httpStatus == 0) {
            r.error = QStringLiteral("the server closed the connection without an HTTP response");
        }
        // HTTP error statuses (4xx/5xx) are responses, not transport errors:
        // callers look at httpStatus and the body.
        done(r);
    });
    return reply;
}

void HttpProbe::cancel(QNetworkReply *reply)
{
    if (!reply || reply->isFinished())
        return;
    reply->setProperty(cancelledProperty, true);
    reply->abort();
}

QString HttpProbe::bodyExcerpt(const QByteArray &body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(maxChars * 4)).simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("...");
    return text;
}

} // namespace Promotion
