// The local inbox's AUTH rule on a real network (scripts/netns-run: this test is host A,
// 10.99.0.1/fd99::1; host B is 10.99.0.2/fd99::2): without TLS, AUTH is offered to a client on this
// machine only. A client on host B is not offered AUTH and gets 538 when it tries anyway; a client
// on loopback logs in. Bound to "::" the inbox sees IPv4 clients as v4-mapped addresses
// ([::ffff:10.99.0.2]), which must not pass for loopback either. The client is Python's smtplib
// (tests/peers/smtp_login.py), the tutorial's way.

#include "testnet.h"

#include "mail/smtpreceiver.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

class TestInboxTestnet : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        const QString why = testnet::whyNotInside();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
    }

    void authInClear_onlyFromLoopback_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QString>("connectTo");
        QTest::addColumn<bool>("fromHostB");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0.0.0.0, host B") << u"0.0.0.0"_s << testnet::kHostA4 << true << false;
        QTest::newRow("0.0.0.0, loopback") << u"0.0.0.0"_s << u"127.0.0.1"_s << false << true;
        QTest::newRow("0.0.0.0, own address") << u"0.0.0.0"_s << testnet::kHostA4 << false << false;
        QTest::newRow(":: host B ipv6") << u"::"_s << testnet::kHostA6 << true << false;
        QTest::newRow(":: host B v4-mapped") << u"::"_s << testnet::kHostA4 << true << false;
        QTest::newRow(":: loopback v4-mapped") << u"::"_s << u"127.0.0.1"_s << false << true;
        QTest::newRow(":: loopback ::1") << u"::"_s << u"::1"_s << false << true;
    }

    void authInClear_onlyFromLoopback()
    {
        QFETCH(QString, bind);
        QFETCH(QString, connectTo);
        QFETCH(bool, fromHostB);
        QFETCH(bool, accepted);
        SmtpReceiver receiver;
        SmtpReceiverConfig config;
        config.endpoint = {bind, 0, {}};
        config.directory = m_dir.filePath(u"inbox-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(u"[^A-Za-z0-9]"_s), u"_"_s));
        config.authMode = SmtpAuthMode::Any;
        QSignalSpy started(&receiver, &SmtpReceiver::started);
        QSignalSpy received(&receiver, &SmtpReceiver::messageReceived);
        QVERIFY(receiver.start(config));
        QVERIFY(started.wait(20000));
        const QStringList arguments{connectTo, QString::number(receiver.port()), u"student"_s, u"pw"_s, u"--method"_s, u"PLAIN"_s};
        Peer client;
        QVERIFY(fromHostB ? testnet::startPythonOnB(client, u"smtp_login.py"_s, arguments)
                          : client.startPython(u"smtp_login.py"_s, arguments));
        QVERIFY(client.waitForFinished(30000));
        const QByteArray out = client.process().readAllStandardOutput().trimmed();
        if (accepted) {
            QVERIFY2(out == "sent", (out + client.standardError()).constData());
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
            QCOMPARE(received.at(0).at(0).value<StoredMessage>().envelope.authUser, u"student"_s);
        } else {
            QVERIFY2(out == "refused 538 5.7.11 Encryption required for requested authentication mechanism",
                     (out + client.standardError()).constData());
            QCOMPARE(received.size(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestInboxTestnet)
#include "tst_inboxtestnet.moc"
