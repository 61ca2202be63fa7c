// Parsing and resolving what people type as addresses: every bad input gets an error that names it.

#include "net/address.h"

#include <QTest>

#include <netinet/in.h>

using namespace socketeer;

class TestAddress : public QObject {
    Q_OBJECT

private slots:
    void parseEndpoint_accepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("unixPath");
        QTest::newRow("ipv4") << "127.0.0.1:50007" << "127.0.0.1" << 50007 << "";
        QTest::newRow("name") << "localhost:80" << "localhost" << 80 << "";
        QTest::newRow("ipv6 bracketed") << "[::1]:50007" << "::1" << 50007 << "";
        QTest::newRow("ipv6 any") << "[::]:0" << "::" << 0 << "";
        QTest::newRow("any host") << ":8080" << "" << 8080 << "";
        QTest::newRow("port 65535") << "h:65535" << "h" << 65535 << "";
        QTest::newRow("spaces trimmed") << "  127.0.0.1:7 " << "127.0.0.1" << 7 << "";
        QTest::newRow("unix absolute") << "/tmp/chat.sock" << "" << 0 << "/tmp/chat.sock";
        QTest::newRow("unix prefix") << "unix:/run/x.sock" << "" << 0 << "/run/x.sock";
    }
    void parseEndpoint_accepts()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, unixPath);
        const auto endpoint = parseEndpoint(text);
        QVERIFY2(endpoint.ok(), qPrintable(endpoint.ok() ? QString() : endpoint.error().message()));
        QCOMPARE(endpoint->host, host);
        QCOMPARE(int(endpoint->port), port);
        QCOMPARE(endpoint->unixPath, unixPath);
    }

    void parseEndpoint_rejectsWithAMessageNamingTheInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port too big") << "127.0.0.1:70000" << "70000";
        QTest::newRow("port negative") << "127.0.0.1:-1" << "-1";
        QTest::newRow("port not a number") << "127.0.0.1:http" << "http";
        QTest::newRow("port with plus") << "127.0.0.1:+80" << "+80";
        QTest::newRow("no port") << "127.0.0.1" << "127.0.0.1";
        QTest::newRow("empty port") << "127.0.0.1:" << "no port";
        QTest::newRow("empty") << "" << "no address";
        QTest::newRow("bare ipv6") << "::1:80" << "brackets";
        QTest::newRow("unclosed bracket") << "[::1:80" << "]";
        QTest::newRow("junk after bracket") << "[::1]80" << ":port";
        QTest::newRow("space in host") << "my host:80" << "my host";
        QTest::newRow("control char") << QStringLiteral("a\nb:80") << "character";
        QTest::newRow("unix path too long") << QStringLiteral("/") + QString(200, QLatin1Char('x')) << "longer";
    }
    void parseEndpoint_rejectsWithAMessageNamingTheInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto endpoint = parseEndpoint(text);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(endpoint.error().message().contains(mentions), qPrintable(endpoint.error().message()));
    }

    void parsePort_bounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << "0" << true;
        QTest::newRow("65535") << "65535" << true;
        QTest::newRow("65536") << "65536" << false;
        QTest::newRow("huge") << "99999999999999999999" << false;
        QTest::newRow("hex") << "0x50" << false;
        QTest::newRow("blank") << " " << false;
    }
    void parsePort_bounds()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parsePort(text).ok(), valid);
    }

    void socketAddress_formatsLikeTheTutorialPrintsIt()
    {
        QCOMPARE(SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 50007)->toString(), QStringLiteral("127.0.0.1:50007"));
        QCOMPARE(SocketAddress::fromLiteral(QStringLiteral("::1"), 50007)->toString(), QStringLiteral("[::1]:50007"));
        QCOMPARE(SocketAddress::fromLiteral(QStringLiteral("[::1]"), 1)->family(), AF_INET6);
        QCOMPARE(SocketAddress::fromUnixPath(QStringLiteral("/tmp/a.sock"))->toString(), QStringLiteral("/tmp/a.sock"));
        QVERIFY(!SocketAddress::fromLiteral(QStringLiteral("localhost"), 1).ok());
        QVERIFY(!SocketAddress::fromLiteral(QStringLiteral("fe80::1%no-such-if0"), 1).ok());
    }

    void resolve_literalsAndLocalhostWithoutTheNetwork()
    {
        auto v4 = resolve(QStringLiteral("127.0.0.1"), 9, {});
        QVERIFY(v4.ok());
        QCOMPARE(v4->size(), size_t(1));
        QCOMPARE(v4->front().toString(), QStringLiteral("127.0.0.1:9"));

        auto local = resolve(QStringLiteral("localhost"), 9, {});
        QVERIFY(local.ok());
        QVERIFY(!local->empty());

        auto any = resolve(QString(), 9, {SocketType::Stream, true});
        QVERIFY(any.ok());
        QCOMPARE(any->front().toString(), QStringLiteral("0.0.0.0:9"));
    }

    void resolve_unknownHostIsAResolveError()
    {
        auto result = resolve(QStringLiteral("no-such-host.invalid"), 80, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Resolve);
        QVERIFY(result.error().message().contains(QLatin1String("no-such-host.invalid")));
    }

    void resolve_emptyHostForAClientIsRefused()
    {
        auto result = resolve(QString(), 80, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidArgument);
    }

    void isAnyHost_recognisesTheSpellingsOfAny()
    {
        for (const char *any : {"", "*", "0.0.0.0", "::"})
            QVERIFY2(isAnyHost(QString::fromLatin1(any)), any);
        QVERIFY(!isAnyHost(QStringLiteral("127.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
