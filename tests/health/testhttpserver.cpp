// SPDX-License-Identifier: GPL-3.0-or-later
#include "testhttpserver.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace Promotion::Test {

namespace {

// Requests larger than this are a test bug, not something to buffer forever.
constexpr qsizetype maxRequestBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

} // namespace

QString TestHttpServer::Request::queryItem(const QString &key) const
{
    return QUrlQuery(query).queryItemValue(key, QUrl::FullyDecoded);
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
{
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    close();
    m_tls = false;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        qWarning("TestHttpServer: listen failed: %s", qPrintable(m_server->errorString()));
        return false;
    }
    return true;
}

bool TestHttpServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    close();
    m_tls = true;
    auto *server = new QSslServer(this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(config);
    m_server = server;
    // QSslServer queues a socket only once its handshake is done, and says so
    // with pendingConnectionAvailable, not newConnection.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &TestHttpServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        qWarning("TestHttpServer: TLS listen failed: %s", qPrintable(m_server->errorString()));
        return false;
    }
    return true;
}

void TestHttpServer::close()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

quint16 TestHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    const QString scheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
    return QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(port()) + pathAndQuery);
}

void TestHttpServer::setRoute(const QString &path, int status, const QByteArray &contentType,
                              const QByteArray &body)
{
    Response response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    setRoute(path, response);
}

void TestHttpServer::setRoute(const QString &path, const Response &response)
{
    m_handlers.insert(path, [response](const Request &) { return response; });
}

void TestHttpServer::setHandler(const QString &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

void TestHttpServer::setDelay(const QString &path, int ms)
{
    m_delays.insert(path, ms);
}

void TestHttpServer::removeRoute(const QString &path)
{
    m_handlers.remove(path);
}

int TestHttpServer::requestCount(const QString &path) const
{
    return m_counts.value(path);
}

int TestHttpServer::totalRequests() const
{
    return int(m_requests.size());
}

void TestHttpServer::resetCounts()
{
    m_counts.clear();
    m_requests.clear();
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->append(socket->readAll());
    if (!it->isEmpty() && !(it->at(0) >= 'A' && it->at(0) <= 'Z')) {
        // Not HTTP (a TLS ClientHello, say): answer like real servers do, so
        // the client fails fast instead of waiting for its timeout.
        m_buffers.erase(it);
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        Response bad;
        bad.status = 400;
        bad.body = QByteArrayLiteral("not an HTTP request");
        send(socket, bad);
        return;
    }
    const qsizetype end = it->indexOf("\r\n\r\n");
    if (end < 0) {
        if (it->size() > maxRequestBytes)
            socket->abort();
        return;
    }
    const QByteArray head = it->left(end);
    m_buffers.erase(it); // one request per connection: we always answer "Connection: close"
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);

    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Request request;
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype q = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    request.query = q < 0 ? QString() : QString::fromLatin1(target.mid(q + 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    m_requests.append(request);
    m_counts[request.path] += 1;
    answer(socket, request);
}

void TestHttpServer::answer(QTcpSocket *socket, const Request &request)
{
    Response response;
    const auto handler = m_handlers.constFind(request.path);
    if (request.method != "GET" && request.method != "HEAD") {
        response.status = 400;
        response.body = QByteArrayLiteral("only GET is served");
    } else if (handler == m_handlers.constEnd()) {
        response.status = 404;
        response.body = QByteArrayLiteral("no route for ") + request.path.toUtf8();
    } else {
        response = (*handler)(request);
    }
    const int delay = qMax(response.delayMs, m_delays.value(request.path));
    if (delay > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, this, [guard, response] {
            if (guard)
                send(guard, response);
        });
    } else {
        send(socket, response);
    }
}

void TestHttpServer::send(QTcpSocket *socket, const Response &response)
{
    if (response.closeWithoutReply) {
        socket->disconnectFromHost();
        return;
    }
    QByteArray out = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    out += QByteArrayLiteral("Content-Type: ") + response.contentType + "\r\n";
    out +=
        QByteArrayLiteral("Content-Length: ") + QByteArray::number(response.body.size()) + "\r\n";
    out += QByteArrayLiteral("Connection: close\r\n\r\n");
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost(); // flushes pending data before closing
}

} // namespace Promotion::Test
