// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QSslCertificate;
class QSslKey;
class QTcpServer;
class QTcpSocket;

namespace Promotion::Test {

/*!
 * \brief A tiny HTTP/1.1 server on 127.0.0.1 for tests that need a real socket.
 *
 * Routes map a path (without query) to a response or a handler, and can be
 * changed while the server runs; unknown paths answer 404. Each response is
 * sent with Content-Length and "Connection: close"; input that is not HTTP
 * (a TLS handshake) gets a 400. Requests are counted and
 * recorded, so a test can assert what a client asked for. listenTls() serves
 * the same routes over TLS (QSslServer) with the given certificate.
 */
class TestHttpServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QString path;                          //!< decoded path, no query
        QString query;                         //!< raw query string without "?"
        QHash<QByteArray, QByteArray> headers; //!< lower-case names
        /*! Decoded value of query item \a key, empty if absent. */
        QString queryItem(const QString &key) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        QByteArray body;
        int delayMs = 0;                //!< wait before answering
        bool closeWithoutReply = false; //!< drop the connection instead of answering
    };

    using Handler = std::function<Response(const Request &)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    /*! Listen on 127.0.0.1 on a free port; false (and a warning) on failure. */
    bool listen();
    /*! Listen with TLS using \a certificate and \a key. */
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);
    void close();

    quint16 port() const;
    /*! "http://127.0.0.1:<port><pathAndQuery>" (https after listenTls()). */
    QUrl url(const QString &pathAndQuery = QString()) const;

    void setRoute(const QString &path, int status, const QByteArray &contentType,
                  const QByteArray &body);
    void setRoute(const QString &path, const Response &response);
    void setHandler(const QString &path, Handler handler);
    /*! Delay every answer on \a path by \a ms (applies to routes and handlers). */
    void setDelay(const QString &path, int ms);
    void removeRoute(const QString &path);

    int requestCount(const QString &path) const;
    int totalRequests() const;
    QList<Request> requests() const { return m_requests; }
    void resetCounts();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);
    static void send(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QHash<QString, Handler> m_handlers;
    QHash<QString, int> m_delays;
    QHash<QString, int> m_counts;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Promotion::Test
