// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/httpprobe.h"
#include "testhttpserver.h"

#include <optional>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using Promotion::Test::TestHttpServer;

class TstHttpProbe final : public QObject
{
    Q_OBJECT

private:
    /*! Run one probe to completion (tests may spin the event loop). */
    std::optional<HttpProbeResult> run(const QUrl &url, HttpProbe::Options options = {})
    {
        std::optional<HttpProbeResult> result;
        HttpProbe::get(&m_nam, url, options, this,
                       [&result](const HttpProbeResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 15000))
            return std::nullopt;
        return result;
    }

    /*! A port nothing listens on: bind one, then close it. */
    static quint16 closedPort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        const quint16 port = s.serverPort();
        s.close();
        return port;
    }

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void okResponseIsRecorded()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/health"), 200, "application/json", R"({"status":"ok"})");
        server.setDelay(QStringLiteral("/health"), 100);
        QElapsedTimer clock;
        clock.start();
        const auto r = run(server.url(QStringLiteral("/health")));
        const qint64 wallMs = clock.elapsed();
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->describe()));
        QCOMPARE(r->httpStatus, 200);
        QCOMPARE(r->body, QByteArray(R"({"status":"ok"})"));
        // The latency covers the server's delay (a coarse timer may fire up to 5 % early) and
        // fits in the time the call took.
        QVERIFY2(r->latencyMs >= 95 && r->latencyMs <= wallMs,
                 qPrintable(QStringLiteral("%1 ms of %2 ms").arg(r->latencyMs).arg(wallMs)));
        QVERIFY(r->contentType.startsWith(QLatin1String("application/json")));
        QVERIFY(!r->bodyTruncated);
        QCOMPARE(server.requestCount(QStringLiteral("/health")), 1);
    }

    void errorStatusIsAResponseNotATransportError()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/down"), 503, "text/plain", "maintenance");
        const auto r = run(server.url(QStringLiteral("/down")));
        QVERIFY(r);
        QVERIFY(r->responded());
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus, 503);
        QCOMPARE(r->body, QByteArray("maintenance"));
        QCOMPARE(r->describe(), QStringLiteral("GET %1 returned 503")
                                    .arg(server.url(QStringLiteral("/down")).toString()));
    }

    void latencyIsMeasured()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/slow"), 200, "text/plain", "x");
        server.setDelay(QStringLiteral("/slow"), 300);
        const auto r = run(server.url(QStringLiteral("/slow")));
        QVERIFY(r);
        QVERIFY(r->ok());
        QVERIFY2(r->latencyMs >= 290, qPrintable(QString::number(r->latencyMs)));
    }

    void unreachablePortIsAClearError()
    {
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/health").arg(closedPort()));
        const auto r = run(url);
        QVERIFY(r);
        QVERIFY(!r->responded());
        QCOMPARE(r->httpStatus, 0);
        QVERIFY2(r->error.contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(r->error));
        QVERIFY(r->describe().startsWith(QStringLiteral("GET ") + url.toString() +
                                         QStringLiteral(" failed: ")));
    }

    void timeoutIsReported()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/hang"), 200, "text/plain", "late");
        server.setDelay(QStringLiteral("/hang"), 3000);
        HttpProbe::Options options;
        options.timeoutMs = 200;
        const auto r = run(server.url(QStringLiteral("/hang")), options);
        QVERIFY(r);
        QVERIFY(r->timedOut);
        QVERIFY(!r->responded());
        QVERIFY(!r->cancelled);
        QCOMPARE(r->error, QStringLiteral("no response within 200 ms"));
        QVERIFY(r->latencyMs < 2500);
    }

    void bodyIsCapped()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/big"), 200, "text/plain", QByteArray(100000, 'a'));
        HttpProbe::Options options;
        options.maxBodyBytes = 1000;
        const auto r = run(server.url(QStringLiteral("/big")), options);
        QVERIFY(r);
        QVERIFY(r->ok());
        QVERIFY(r->bodyTruncated);
        QCOMPARE(r->body.size(), 1000);
    }

    void closedWithoutReply()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        TestHttpServer::Response drop;
        drop.closeWithoutReply = true;
        server.setRoute(QStringLiteral("/drop"), drop);
        const auto r = run(server.url(QStringLiteral("/drop")));
        QVERIFY(r);
        QVERIFY(!r->responded());
        QVERIFY(!r->error.isEmpty());
    }

    void cancelReportsCancelled()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/hang"), 200, "text/plain", "late");
        server.setDelay(QStringLiteral("/hang"), 3000);
        std::optional<HttpProbeResult> result;
        const QPointer<QNetworkReply> reply =
            HttpProbe::get(&m_nam, server.url(QStringLiteral("/hang")), {}, this,
                           [&result](const HttpProbeResult &r) { result = r; });
        QTRY_COMPARE(server.requestCount(QStringLiteral("/hang")), 1);
        HttpProbe::cancel(reply);
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->cancelled);
        QVERIFY(!result->timedOut);
        QVERIFY(result->describe().endsWith(QLatin1String("was cancelled")));
    }

    void httpsToPlainPortFailsWithTlsError()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/health"), 200, "application/json", "{}");
        const QUrl url(QStringLiteral("https://127.0.0.1:%1/health").arg(server.port()));
        const auto r = run(url);
        QVERIFY(r);
        QVERIFY(!r->ok());
        QVERIFY(r->tlsError);
        QVERIFY2(r->error.startsWith(QLatin1String("TLS error: ")), qPrintable(r->error));
        QVERIFY(r->describe().contains(url.toString()));
        QCOMPARE(server.requestCount(QStringLiteral("/health")), 0);
    }

    void selfSignedCertificateIsNotIgnored()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed: cannot make a self-signed certificate");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                          QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                          QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                          QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        QVERIFY(!cert.isNull());
        QVERIFY(!key.isNull());

        TestHttpServer server;
        QVERIFY(server.listenTls(cert, key));
        server.setRoute(QStringLiteral("/health"), 200, "application/json", "{}");

        // Sanity: the server works for a client that trusts the certificate,
        // so the failure below is about trust and nothing else.
        {
            QNetworkRequest request(server.url(QStringLiteral("/health")));
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setCaCertificates({cert});
            request.setSslConfiguration(config);
            QNetworkReply *reply = m_nam.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(15000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QCOMPARE(server.requestCount(QStringLiteral("/health")), 1);
        m_nam.clearConnectionCache();

        const auto r = run(server.url(QStringLiteral("/health")));
        QVERIFY(r);
        QVERIFY(!r->ok());
        QVERIFY(r->tlsError);
        QVERIFY2(r->error.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
                 qPrintable(r->error));
        QVERIFY(r->describe().contains(server.url(QStringLiteral("/health")).toString()));
        // The request never reached the server: the handshake was refused.
        QCOMPARE(server.requestCount(QStringLiteral("/health")), 1);
    }

    void bodyExcerpt_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << QByteArray("Service\n  Unavailable") << 200
                               << QStringLiteral("Service Unavailable");
        QTest::newRow("cut") << QByteArray("abcdefghij") << 4 << QStringLiteral("abcd...");
        QTest::newRow("empty") << QByteArray() << 10 << QString();
    }

    void bodyExcerpt()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, max);
        QFETCH(QString, expected);
        QCOMPARE(HttpProbe::bodyExcerpt(body, max), expected);
    }
};

QTEST_GUILESS_MAIN(TstHttpProbe)
#include "tst_httpprobe.moc"
