// Framing and check values in the window: the server, client and UDP panels show messages after
// framing, the raw pieces beside them, framing errors (resync or close), and verified check values,
// with peers this project did not write on the other end (tests/peers/).

#include "panellog.h"
#include "peer.h"

#include "addressinputs.h"
#include "checksumfields.h"
#include "clientpanel.h"
#include "fieldmemory.h"
#include "framingbar.h"
#include "framingfields.h"
#include "messagelogview.h"
#include "rawchunkview.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "udppanel.h"

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "text/checksum.h"
#include "udp/udpendpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;
using testsupport::chooseData;
using testsupport::rawChunks;
using testsupport::receivedData;
using testsupport::receivedEntries;

namespace {

quint16 startServer(ServerPanel &panel)
{
    QSignalSpy started(panel.server(), &TcpServer::started);
    panel.startListening(0);
    if (!started.wait(5000))
        return 0;
    return started.at(0).at(1).value<quint16>();
}

QByteArrayList payloads(const QList<LogEntry> &entries)
{
    QByteArrayList out;
    for (const LogEntry &entry : entries)
        out << entry.data;
    return out;
}

QString errorsIn(MessageLogView *log)
{
    log->visibleRowCount();
    QString all;
    for (int row = 0; row < log->model()->rowCount(); ++row) {
        if (log->model()->entry(row).direction == LogEntry::Direction::Error)
            all += log->model()->entry(row).text + QLatin1Char('\n');
    }
    return all;
}

} // namespace

class TestFramingBar : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A message the peer sends in two pieces shows as one message; two messages in one send show
    // as two; the raw pane beside them shows the two pieces exactly as they were read.
    void server_showsMessagesAfterFramingAndTheRawPiecesBeside()
    {
        ServerPanel panel;
        FramingFields *fields = panel.framing()->framing();
        QVERIFY(chooseData(fields->kindCombo(), QStringLiteral("line")));
        fields->showRawCheck()->setChecked(true);
        panel.show();
        const quint16 port = startServer(panel);
        QVERIFY(port != 0);
        QVERIFY(panel.framing()->rawView()->isVisible());

        Peer client;   // "hel" | "lo\nab\ncd\n": one message in two pieces, then two in one piece
        QVERIFY(client.startPython(QStringLiteral("tcp_pieces_client.py"),
                                   {QString::number(port), QString::fromLatin1(QByteArray("hel").toHex()), QString::fromLatin1(QByteArray("lo\nab\ncd\n").toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 3"));
        QTRY_COMPARE_WITH_TIMEOUT(rawChunks(panel.framing()), QByteArrayList{"hel"}, 10000);
        QVERIFY(receivedEntries(panel.log()).isEmpty());   // half a line is no message yet
        client.write("next\n");
        QCOMPARE(client.readLine(), QByteArray("sent 9"));
        QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), (QByteArrayList{"hello", "ab", "cd"}), 10000);
        QCOMPARE(rawChunks(panel.framing()), (QByteArrayList{"hel", "lo\nab\ncd\n"}));
        client.write("done\n");
        QCOMPARE(client.readLine(), QByteArray("closed"));
        QVERIFY(client.waitForFinished());
        QVERIFY(errorsIn(panel.log()).isEmpty());
    }

    // Without framing the log is what it always was: one row per piece. The raw pane records
    // even while the panel is not on screen (a tab in the background).
    void server_withoutFramingShowsThePiecesAsMessages()
    {
        ServerPanel panel;
        panel.framing()->framing()->showRawCheck()->setChecked(true);
        const quint16 port = startServer(panel);
        QVERIFY(port != 0);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_pieces_client.py"),
                                   {QString::number(port), QString::fromLatin1(QByteArray("hel").toHex()), QString::fromLatin1(QByteArray("lo\nab\n").toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 3"));
        QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), QByteArrayList{"hel"}, 10000);
        client.write("next\n");
        QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), (QByteArrayList{"hel", "lo\nab\n"}), 10000);
        QCOMPARE(rawChunks(panel.framing()), (QByteArrayList{"hel", "lo\nab\n"}));
        client.write("done\n");
        QVERIFY(client.waitForFinished());
    }

    // Changing the framing mid-stream starts afresh, and the log counts what that dropped.
    void changingTheFramingSaysWhatItDropped()
    {
        ServerPanel panel;
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("line")));
        const quint16 port = startServer(panel);
        QVERIFY(port != 0);
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("tcp_pieces_client.py"),
                                   {QString::number(port), QString::fromLatin1(QByteArray("ab\nhel").toHex()), QString::fromLatin1(QByteArray("lo\r\n").toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 6"));
        QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), QByteArrayList{"ab"}, 10000);
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("crlf")));
        panel.log()->visibleRowCount();
        QVERIFY(panel.log()->model()->formatLine(panel.log()->model()->entry(panel.log()->model()->rowCount() - 1))
                    .contains(QStringLiteral("3 byte(s) of unfinished messages were dropped")));
        client.write("next\n");
        QCOMPARE(client.readLine(), QByteArray("sent 4"));
        QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), (QByteArrayList{"ab", "lo"}), 10000);
        client.write("done\n");
        QVERIFY(client.waitForFinished());
    }

    // A length over the maximum is a framing error in the log; resync goes on with the next
    // message, close drops the client.
    void lengthOverMaximum_isShownThenResyncOrClose_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::newRow("resync") << QStringLiteral("resync");
        QTest::newRow("close") << QStringLiteral("close");
    }
    void lengthOverMaximum_isShownThenResyncOrClose()
    {
        QFETCH(QString, policy);
        ServerPanel panel;
        FramingFields *fields = panel.framing()->framing();
        QVERIFY(chooseData(fields->kindCombo(), QStringLiteral("len")));
        QVERIFY(chooseData(fields->findChild<QComboBox *>(QStringLiteral("frameLength")), QStringLiteral("len:2be")));
        fields->findChild<QSpinBox *>(QStringLiteral("frameMax"))->setValue(4);
        QVERIFY(chooseData(fields->findChild<QComboBox *>(QStringLiteral("frameOnError")), policy));
        QVERIFY(fields->spec());
        QCOMPARE(fields->spec()->toString(), QStringLiteral("len:2be,max=4") + (policy == QLatin1String("close") ? QStringLiteral(",close") : QString()));
        const quint16 port = startServer(panel);
        QVERIFY(port != 0);

        Peer client;   // a 10-byte message under a 4-byte maximum, then "ok"
        const QByteArray stream = QByteArray::fromHex("000a") + "0123456789" + QByteArray::fromHex("0002") + "ok";
        QVERIFY(client.startPython(QStringLiteral("tcp_pieces_client.py"), {QString::number(port), QString::fromLatin1(stream.toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 16"));
        QTRY_VERIFY_WITH_TIMEOUT(errorsIn(panel.log()).contains(QStringLiteral("a message of 10 bytes is over the maximum of 4")), 10000);
        if (policy == QLatin1String("resync")) {
            QTRY_COMPARE_WITH_TIMEOUT(payloads(receivedEntries(panel.log())), QByteArrayList{"ok"}, 10000);
            QCOMPARE(panel.clientList()->topLevelItemCount(), 1);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(panel.clientList()->topLevelItemCount(), 0, 10000);
            QVERIFY(receivedEntries(panel.log()).isEmpty());
        }
        client.write("done\n");
        QVERIFY(client.waitForFinished());
    }

    // The client panel shows the framing error and, with close, reads nothing after it. (This peer
    // hangs up once it has sent; that the connection itself is dropped is shown by the server test,
    // whose peer stays connected.)
    void client_framingErrorWithCloseDisconnects()
    {
        Peer server;   // after our half-close: "hi", then a 5-byte message over a 3-byte maximum, then "ok"
        QVERIFY(server.startPython(QStringLiteral("framed_peer.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QStringLiteral("len:2be"),
                                                                     QStringLiteral("6869"), QStringLiteral("68656c6c6f"), QStringLiteral("6f6b")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        ClientPanel panel;
        FramingFields *fields = panel.framing()->framing();
        QVERIFY(chooseData(fields->kindCombo(), QStringLiteral("len")));
        fields->findChild<QSpinBox *>(QStringLiteral("frameMax"))->setValue(3);
        QVERIFY(chooseData(fields->findChild<QComboBox *>(QStringLiteral("frameOnError")), QStringLiteral("close")));
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(10000));
        QTest::mouseClick(panel.halfCloseButton(), Qt::LeftButton);
        QCOMPARE(server.readLine(), QByteArray("done"));
        QVERIFY(disconnected.wait(10000));
        QVERIFY2(errorsIn(panel.log()).contains(QStringLiteral("over the maximum of 3")), qPrintable(errorsIn(panel.log())));
        QCOMPARE(payloads(receivedEntries(panel.log())), QByteArrayList{"hi"});   // nothing after the error
        QVERIFY(server.waitForFinished());
    }

    // The client panel appends CRC-16/MODBUS to what it sends (the calculator shows it first), and
    // the tutorial's Python server, computing it its own way, finds it right.
    void client_appendsModbusCrcThatPythonVerifies()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("checksum.py"), {QStringLiteral("server"), QStringLiteral("0"),
                                                                   QStringLiteral("crc16-modbus"), QStringLiteral("le")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        ClientPanel panel;
        QVERIFY(chooseData(panel.framing()->checksums()->appendCombo(), QStringLiteral("crc16-modbus")));
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(10000));

        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("123456789"));
        QVERIFY(panel.framing()->checksums()->valueLabel()->text().contains(QStringLiteral("37 4B")));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QTest::mouseClick(panel.halfCloseButton(), Qt::LeftButton);
        QCOMPARE(server.readLine(), QByteArray("received ") + QByteArray("123456789\x37\x4b").toHex());
        QCOMPARE(server.readLine(), QByteArray("ok"));
        QVERIFY(server.waitForFinished());
    }

    // The calculator follows the bytes the send box stands for: its text and its line ending.
    void calculator_followsTextAndLineEnding()
    {
        ClientPanel panel;
        QLabel *value = panel.framing()->checksums()->valueLabel();
        QVERIFY(chooseData(panel.framing()->checksums()->appendCombo(), QStringLiteral("crc16-xmodem")));
        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("123456789"));
        QVERIFY2(value->text().contains(QStringLiteral("31 C3")), qPrintable(value->text()));   // the catalogue's check
        panel.sendBox()->setLineEnding(SendBox::LineEnding::Lf);
        const QByteArray expected = checkValueBytes(*parseChecksumSpec(QStringLiteral("crc16-xmodem")),
                                                    computeChecksum(ChecksumAlgorithm::Crc16Xmodem, "123456789\n"));
        QVERIFY2(value->text().contains(QString::fromLatin1(expected.toHex(' ').toUpper())), qPrintable(value->text()));
    }

    // Verified on receipt, after framing: the message with a wrong check value is marked, the
    // right one is not.
    void badCheckValue_isMarked()
    {
        ServerPanel panel;
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("line")));
        QVERIFY(chooseData(panel.framing()->checksums()->verifyCombo(), QStringLiteral("crc16-modbus")));
        const quint16 port = startServer(panel);
        QVERIFY(port != 0);
        Peer client;
        const QByteArray stream = QByteArray("123456789\x37\x4b\n") + QByteArray("123456789\x00\x00\n", 12);
        QVERIFY(client.startPython(QStringLiteral("tcp_pieces_client.py"), {QString::number(port), QString::fromLatin1(stream.toHex())}));
        QCOMPARE(client.readLine(), QByteArray("sent 24"));
        QTRY_COMPARE_WITH_TIMEOUT(receivedEntries(panel.log()).size(), 2, 10000);
        const QList<LogEntry> messages = receivedEntries(panel.log());
        QVERIFY(!messages.at(0).bad);
        QVERIFY(messages.at(0).note.contains(QStringLiteral("ok")));
        QVERIFY(messages.at(1).bad);
        QVERIFY2(messages.at(1).note.contains(QStringLiteral("expected 37 4B")), qPrintable(messages.at(1).note));
        // The row says so where it is read: in the data column, in red.
        MessageLogModel *model = panel.log()->model();
        int badRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entry(row).bad)
                badRow = row;
        }
        const QModelIndex cell = model->index(badRow, MessageLogModel::DataColumn);
        QVERIFY(model->data(cell).toString().contains(QStringLiteral("✗")));
        QCOMPARE(model->data(cell, Qt::ForegroundRole).value<QColor>(), QColor(0xc0, 0x20, 0x20));
        client.write("done\n");
        QVERIFY(client.waitForFinished());
    }

    // UDP: each datagram is one message; one whose length header disagrees with its size is marked.
    void udp_datagramThatIsNotOneMessageIsMarked()
    {
        UdpPanel panel;
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("len")));
        QVERIFY(chooseData(panel.framing()->framing()->findChild<QComboBox *>(QStringLiteral("frameLength")), QStringLiteral("len:1")));
        QSignalSpy bound(panel.endpoint(), &UdpEndpoint::bound);
        panel.bindPort()->setText(QStringLiteral("0"));
        QTest::mouseClick(panel.bindButton(), Qt::LeftButton);
        QVERIFY(bound.wait(5000));
        const quint16 port = bound.at(0).at(1).value<quint16>();
        Peer sender;
        QVERIFY(sender.startPython(QStringLiteral("udp_sender.py")));
        QCOMPARE(sender.readLine(), QByteArray("ready"));
        sender.write(QStringLiteral("127.0.0.1 %1 %2\n").arg(port).arg(QLatin1String((QByteArray("\x02", 1) + "ok").toHex())).toLatin1());
        sender.write(QStringLiteral("127.0.0.1 %1 %2\n").arg(port).arg(QLatin1String((QByteArray("\x05", 1) + "abc").toHex())).toLatin1());
        QTRY_COMPARE_WITH_TIMEOUT(receivedEntries(panel.log()).size(), 2, 10000);
        const QList<LogEntry> messages = receivedEntries(panel.log());
        QCOMPARE(messages.at(0).data, QByteArray("ok"));
        QVERIFY(!messages.at(0).bad);
        QCOMPARE(messages.at(1).data, QByteArray("\x05" "abc"));   // shown whole
        QVERIFY(messages.at(1).bad);
        QVERIFY2(messages.at(1).note.contains(QStringLiteral("says 5")), qPrintable(messages.at(1).note));
        sender.closeWrite();
        QVERIFY(sender.waitForFinished());
    }

    // The send side: with "Frame what I send", a length header goes before the message.
    void client_framesWhatItSends()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("framed_peer.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QStringLiteral("len:2be")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        ClientPanel panel;
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("len")));
        QVERIFY(chooseData(panel.framing()->framing()->findChild<QComboBox *>(QStringLiteral("frameLength")), QStringLiteral("len:2be")));
        panel.framing()->framing()->frameSentCheck()->setChecked(true);
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(10000));
        for (const char *text : {"first", "second"}) {
            QTest::keyClicks(panel.sendBox()->input(), QString::fromLatin1(text));
            QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        }
        QTest::mouseClick(panel.halfCloseButton(), Qt::LeftButton);
        QCOMPARE(server.readLine(), QByteArray("got ") + QByteArray("first").toHex());
        QCOMPARE(server.readLine(), QByteArray("got ") + QByteArray("second").toHex());
        QCOMPARE(server.readLine(), QByteArray("done"));
        QVERIFY(server.waitForFinished());
    }

    // A line ending from the send box under line framing would end the message twice: refused,
    // with the fix named, and nothing is sent.
    void client_lineEndingUnderLineFramingIsRefusedWithTheFix()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("framed_peer.py"), {QStringLiteral("0"), QStringLiteral("127.0.0.1"), QStringLiteral("line")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        ClientPanel panel;
        QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("line")));
        panel.framing()->framing()->frameSentCheck()->setChecked(true);
        panel.sendBox()->setLineEnding(SendBox::LineEnding::Lf);
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(10000));
        QTest::keyClicks(panel.sendBox()->input(), QStringLiteral("twice"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QVERIFY2(panel.sendBox()->errorText().contains(QStringLiteral("No line ending")), qPrintable(panel.sendBox()->errorText()));
        panel.sendBox()->setLineEnding(SendBox::LineEnding::None);
        panel.sendBox()->input()->setText(QStringLiteral("once"));
        QTest::keyClick(panel.sendBox()->input(), Qt::Key_Return);
        QTest::mouseClick(panel.halfCloseButton(), Qt::LeftButton);
        QCOMPARE(server.readLine(), QByteArray("got ") + QByteArray("once").toHex());   // and not "twice"
        QCOMPARE(server.readLine(), QByteArray("done"));
        QVERIFY(server.waitForFinished());
    }

    // The fields are remembered like the panel's others.
    void fields_areRememberedAcrossRuns()
    {
        QVariantMap saved;
        {
            ClientPanel panel;
            QVERIFY(chooseData(panel.framing()->framing()->kindCombo(), QStringLiteral("delim")));
            panel.framing()->framing()->findChild<QLineEdit *>(QStringLiteral("frameDelimiter"))->setText(QStringLiteral("7E"));
            QVERIFY(chooseData(panel.framing()->framing()->findChild<QComboBox *>(QStringLiteral("frameOnError")), QStringLiteral("close")));
            panel.framing()->framing()->showRawCheck()->setChecked(true);
            QVERIFY(chooseData(panel.framing()->checksums()->verifyCombo(), QStringLiteral("crc32")));
            QVERIFY(chooseData(panel.framing()->checksums()->orderCombo(), QStringLiteral("be")));
            panel.framing()->checksums()->rangeEdit()->setText(QStringLiteral("1:"));
            saved = captureFields(&panel);
        }
        ClientPanel panel;
        restoreFields(&panel, saved);
        QCOMPARE(panel.framing()->framing()->spec()->toString(), QStringLiteral("delim:7e,close"));
        QVERIFY(panel.framing()->framing()->showsRaw());
        const auto verify = panel.framing()->checksums()->verifySpec();
        QVERIFY(verify && *verify);
        QCOMPARE((*verify)->algorithm, ChecksumAlgorithm::Crc32);
        QCOMPARE((*verify)->order, ChecksumOrder::BigEndian);
        QCOMPARE((*verify)->range.start, qsizetype(1));
    }
};

QTEST_MAIN(TestFramingBar)
#include "tst_framingbar.moc"
