// `socketeer udp --join` and `--broadcast` inside scripts/netns-run's private two-host network
// (this process is host A 10.99.0.1/fd99::1 on v0; host B 10.99.0.2/fd99::2 runs the python peers):
// multicast from host B reaches the command line once "bound" is printed, IPv4 and IPv6, and a
// broadcast goes out only with --broadcast. Nothing here is sent on a real interface.

#include "clipeer.h"
#include "testnet.h"
#include "testutil.h"

#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;
namespace testnet = testsupport::testnet;
using testnet::SenderOnB;

class TestCliUdpTestnet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void join_receivesTheGroupFromHostB_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QString>("join");
        QTest::addColumn<QString>("groupFromB");   // a link-local IPv6 group needs B's interface named
        QTest::newRow("ipv4 on v0") << u":0"_s << u"239.255.77.21%v0"_s << u"239.255.77.21"_s;
        QTest::newRow("ipv4 by route") << u"0.0.0.0:0"_s << u"239.255.77.22"_s << u"239.255.77.22"_s;
        QTest::newRow("ipv6 link-local group on v0") << u"[::]:0"_s << u"ff12::5e7:79%v0"_s << u"ff12::5e7:79%v1"_s;
        QTest::newRow("ipv6 by route") << u"[::]:0"_s << u"ff15::5e7:7a"_s << u"ff15::5e7:7a"_s;
    }
    void join_receivesTheGroupFromHostB()
    {
        QFETCH(QString, bind);
        QFETCH(QString, join);
        QFETCH(QString, groupFromB);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--bind"_s, bind, u"--join"_s, join, u"--hex-lines"_s, u"--timestamps"_s}));
        // "bound" only once the group is joined: what B sends after it is for us.
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY2(port, udp.errors().constData());
        QVERIFY2(udp.errors().contains("joined group " + join.section(u'%', 0, 0).toLatin1()), udp.errors().constData());

        SenderOnB sender;
        QVERIFY(sender.start());
        const QByteArray payload = testsupport::chineseUtf8() + testsupport::nonUtf8Bytes();
        const QByteArray from = sender.send(groupFromB, port, payload);
        QVERIFY(!from.isEmpty());
        const QString line = QString::fromUtf8(udp.readLine());
        const QStringList words = line.split(u' ');
        QCOMPARE(words.size(), 3);   // TIME SENDER HEX
        QVERIFY2(QDateTime::fromString(words.at(0), Qt::ISODateWithMs).isValid(), qPrintable(line));
        // From host B ("HOST PORT" as udp_sender.py saw its source), not looped back from here; an
        // IPv6 sender is "[HOST%SCOPE]:PORT" or "[HOST]:PORT".
        const QString fromHost = QString::fromLatin1(from.split(' ').first());
        const QString shown = words.at(1);
        QVERIFY2(shown.startsWith(fromHost.contains(u':') ? u'[' + fromHost : fromHost + u':'), qPrintable(line + u" / "_s + QString::fromLatin1(from)));
        QCOMPARE(shown.section(u':', -1), QString::fromLatin1(from.split(' ').last()));
        QCOMPARE(words.at(2).toLatin1(), payload.toHex());
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }

    void broadcast_goesOutOnlyWhenAllowed()
    {
        // The tutorial's UDP server on host B, on the any address, echoes what reaches it.
        Peer server;
        QVERIFY(testnet::startPythonOnB(server, u"udp_server.py"_s, {u"0"_s, u"0.0.0.0"_s}));
        const quint16 serverPort = server.readListeningPort(20000);
        QVERIFY(serverPort);
        const QString everyone = u"%1:%2"_s.arg(testnet::kBroadcast4).arg(serverPort);

        Cli refused;
        QVERIFY(refused.start({u"udp"_s, u"--bind"_s, testnet::kHostA4 + u":0"_s, u"--to"_s, everyone}));
        QVERIFY(refused.readPortLine("bound "));
        refused.write("not without --broadcast\n");
        QVERIFY2(refused.waitForError("Permission denied"), refused.errors().constData());
        QVERIFY(refused.stopsCleanlyOn(SIGTERM));

        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--bind"_s, testnet::kHostA4 + u":0"_s, u"--broadcast"_s, u"--to"_s, everyone}));
        const quint16 port = udp.readPortLine("bound ");
        QVERIFY2(port, udp.errors().constData());
        udp.write("to everyone\n");
        QCOMPARE(server.readLine(), "From " + testnet::kHostA4.toLatin1() + ' ' + QByteArray::number(port) + ' ' + QByteArray("to everyone").toHex());
        // The echo comes back by unicast from host B.
        QCOMPARE(udp.readLine(), testnet::kHostB4.toLatin1() + ':' + QByteArray::number(serverPort) + " to everyone");
        QVERIFY(udp.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliUdpTestnet)
#include "tst_cliudptestnet.moc"
