// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace Promotion::Test {

/*!
 * \brief GitHub on 127.0.0.1: a QTcpServer speaking enough HTTP/1.1 for
 * QNetworkAccessManager (request line, headers, Content-Length bodies; every
 * answer closes the connection).
 *
 * Answers come from scripted routes ("METHOD /path" → replies, used in turn,
 * the last one repeating), then from a handler, else 404 like GitHub.
 * fixture() loads a recorded reply from tests/data/github; any
 * "https://api.github.com" in an answer is rewritten to this server's URL, so
 * Link headers lead back here. Every request is recorded with its body.
 */
class FakeGitHubServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QString path;  //!< decoded, without query
        QString query; //!< raw, without "?"
        QHash<QByteArray, QByteArray> headers; //!< lower-case names
        QByteArray body;
        QJsonObject json() const;
        QString queryItem(const QString &key) const;
    };

    struct Reply
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        static Reply json(int status, const QJsonValue &body,
                          QList<std::pair<QByteArray, QByteArray>> headers = {});
        Reply &header(const QByteArray &name, const QByteArray &value);
    };

    using Handler = std::function<std::optional<Reply>(const Request &)>;

    explicit FakeGitHubServer(QObject *parent = nullptr);
    ~FakeGitHubServer() override;

    /*! Listen on 127.0.0.1:\a port (0: any free port). */
    bool listen(quint16 port = 0);
    void close();
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QString()) const;

    /*! Reply \a reply to "METHOD path"; several calls queue replies in order (the last one
     *  then answers every further request). */
    void on(const QByteArray &method, const QString &path, const Reply &reply);
    /*! Reply \a reply to the next "METHOD path" only, before any route; then the routes and
     *  the handler answer it again (a failure GitHub recovers from). */
    void once(const QByteArray &method, const QString &path, const Reply &reply);
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<Request> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    /*! tests/data/github/NAME.json: {"status","headers","body"}. */
    static Reply fixture(const QString &name);
    /*! The body of tests/data/github/NAME.json (an issue, a page...). */
    static QJsonValue fixtureBody(const QString &name);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Reply answer(const Request &request);
    void send(QTcpSocket *socket, Reply reply);

    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QHash<QString, QList<Reply>> m_routes;
    QHash<QString, QList<Reply>> m_once;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Promotion::Test
