// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegithubserver.h"

#include "testconfig.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Promotion::Test {

QJsonObject FakeGitHubServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString FakeGitHubServer::Request::queryItem(const QString &key) const
{
    return QUrlQuery(query).queryItemValue(key, QUrl::FullyDecoded);
}

FakeGitHubServer::Reply FakeGitHubServer::Reply::json(int status, const QJsonValue &body,
                                                      QList<std::pair<QByteArray, QByteArray>> headers)
{
    Reply r;
    r.status = status;
    r.headers = std::move(headers);
    r.headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    if (body.isArray())
        r.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (body.isObject())
        r.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

FakeGitHubServer::Reply &FakeGitHubServer::Reply::header(const QByteArray &name, const QByteArray &value)
{
    headers.append(std::make_pair(name, value));
    return *this;
}

FakeGitHubServer::FakeGitHubServer(QObject *parent)
    : QObject(parent)
{
}

FakeGitHubServer::~FakeGitHubServer() = default;

bool FakeGitHubServer::listen(quint16 port)
{
    close();
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &FakeGitHubServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qWarning("FakeGitHubServer: listen failed: %s", qPrintable(m_server->errorString()));
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void FakeGitHubServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
    const QList<QTcpSocket *> open = m_buffers.keys(); // abort() removes from m_buffers
    for (QTcpSocket *socket : open)
        socket->abort();
}

QUrl FakeGitHubServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_port) + path);
}

void FakeGitHubServer::on(const QByteArray &method, const QString &path, const Reply &reply)
{
    m_routes[QString::fromLatin1(method) + u' ' + path].append(reply);
}

void FakeGitHubServer::once(const QByteArray &method, const QString &path, const Reply &reply)
{
    m_once[QString::fromLatin1(method) + u' ' + path].append(reply);
}

int FakeGitHubServer::count(const QByteArray &method, const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const Request &r) {
        return r.method == method && r.path == path;
    }));
}

static QJsonObject loadFixture(const QString &name)
{
    QFile f(QStringLiteral(TEST_DATA_DIR "/github/") + name + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("FakeGitHubServer: no fixture %s", qPrintable(name));
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

FakeGitHubServer::Reply FakeGitHubServer::fixture(const QString &name)
{
    const QJsonObject o = loadFixture(name);
    QList<std::pair<QByteArray, QByteArray>> headers;
    const QJsonObject h = o.value(QStringLiteral("headers")).toObject();
    for (auto it = h.begin(); it != h.end(); ++it) {
        if (it.key().compare(QStringLiteral("content-type"), Qt::CaseInsensitive) != 0)
            headers.append(std::make_pair(it.key().toLatin1(), it.value().toString().toUtf8()));
    }
    return Reply::json(o.value(QStringLiteral("status")).toInt(200), o.value(QStringLiteral("body")),
                       headers);
}

QJsonValue FakeGitHubServer::fixtureBody(const QString &name)
{
    return loadFixture(name).value(QStringLiteral("body"));
}

void FakeGitHubServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeGitHubServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->append(socket->readAll());
    const qsizetype end = it->indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = it->left(end).split('\n');
    Request request;
    qsizetype length = 0;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QByteArray target = first.value(1);
    const qsizetype q = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    request.query = q < 0 ? QString() : QString::fromLatin1(target.mid(q + 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        request.headers.insert(name, line.mid(colon + 1).trimmed());
        if (name == "content-length")
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (it->size() < end + 4 + length)
        return; // the body is still coming
    request.body = it->mid(end + 4, length);
    it->clear();
    m_requests.append(request);
    send(socket, answer(request));
}

FakeGitHubServer::Reply FakeGitHubServer::answer(const Request &request)
{
    const QString key = QString::fromLatin1(request.method) + u' ' + request.path;
    auto once = m_once.find(key);
    if (once != m_once.end() && !once->isEmpty())
        return once->takeFirst();
    auto route = m_routes.find(key);
    if (route != m_routes.end() && !route->isEmpty())
        return route->size() > 1 ? route->takeFirst() : route->first();
    if (m_handler) {
        if (std::optional<Reply> r = m_handler(request))
            return *r;
    }
    return Reply::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not Found")},
                                        {QStringLiteral("documentation_url"),
                                         QStringLiteral("https://docs.github.com/rest")}});
}

void FakeGitHubServer::send(QTcpSocket *socket, Reply reply)
{
    const QByteArray here = url().toString().toUtf8();
    reply.body.replace("https://api.github.com", here);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\n";
    for (auto &[name, value] : reply.headers)
        out += name + ": " + QByteArray(value).replace("https://api.github.com", here) + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
    out += reply.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace Promotion::Test
