// Macros in the send box (ui/sendbox.h, text/macros.h) as a person uses them: {{counter}} counts
// up across sends and repeats, each panel on its own; {{hex:…}} makes raw bytes; a backslash typed
// is still sent as itself; {{date}} and {{time}} have their shapes; a bad macro is explained with
// its position and nothing reaches a tutorial-style Python server; the log shows what was sent.

#include "panellog.h"
#include "peer.h"

#include "clientpanel.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "sendbox.h"

#include "tcp/tcpclient.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;
using testsupport::logText;

namespace {

constexpr int kWait = 20000;

QByteArray typeAndSend(SendBox &box, const QString &text)
{
    QSignalSpy sent(&box, &SendBox::sendRequested);
    box.input()->setText(text);
    QTest::keyClick(box.input(), Qt::Key_Return);
    return sent.isEmpty() ? QByteArray("<nothing sent>") : sent.first().first().toByteArray();
}

} // namespace

class TestSendMacros : public QObject {
    Q_OBJECT

private slots:
    void counter_countsAcrossSendsAndRepeats()
    {
        SendBox box;
        box.setSendEnabled(true);
        box.setLineEnding(SendBox::LineEnding::Lf);
        QCOMPARE(typeAndSend(box, u"READ {{counter:width=4}}"_s), QByteArray("READ 0001\n"));
        QCOMPARE(typeAndSend(box, u"READ {{counter:width=4}}"_s), QByteArray("READ 0002\n"));
        // A preview (the check value calculator's) does not move the counter.
        box.input()->setText(u"READ {{counter:width=4}}"_s);
        QCOMPARE(*box.currentBytes(), QByteArray("READ 0001\n"));
        QSignalSpy sent(&box, &SendBox::sendRequested);
        box.startRepeating(5, 3);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, kWait);
        QVERIFY(!box.isRepeating());
        QCOMPARE(sent.at(0).at(0).toByteArray(), QByteArray("READ 0003\n"));
        QCOMPARE(sent.at(1).at(0).toByteArray(), QByteArray("READ 0004\n"));
        QCOMPARE(sent.at(2).at(0).toByteArray(), QByteArray("READ 0005\n"));
    }

    void counter_eachPanelCountsOnItsOwn()
    {
        SendBox first;
        SendBox second;
        for (SendBox *box : {&first, &second}) {
            box->setSendEnabled(true);
            box->setLineEnding(SendBox::LineEnding::None);
        }
        QCOMPARE(typeAndSend(first, u"{{counter:start=10,step=5}}"_s), QByteArray("10"));
        QCOMPARE(typeAndSend(first, u"{{counter:start=10,step=5}}"_s), QByteArray("15"));
        QCOMPARE(typeAndSend(second, u"{{counter:start=10,step=5}}"_s), QByteArray("10"));
        QCOMPARE(typeAndSend(first, u"{{counter:start=10,step=5}}"_s), QByteArray("20"));
    }

    void hexMacro_andHexMode()
    {
        SendBox box;
        box.setSendEnabled(true);
        box.setLineEnding(SendBox::LineEnding::CrLf);
        QCOMPARE(typeAndSend(box, u"A{{hex:00 FF}}B"_s), QByteArray("A\x00\xff" "B\r\n", 6));
        box.setHexMode(true);   // no line ending in hex, macros between the bytes
        QCOMPARE(typeAndSend(box, u"01 {{hex:02 03}} 04 {{counter:width=2}}"_s), QByteArray("\x01\x02\x03\x04" "01"));
    }

    void textIsStillSentAsTyped_exceptMacros()
    {
        SendBox box;
        box.setSendEnabled(true);
        box.setLineEnding(SendBox::LineEnding::None);
        // No escapes in the send box: a backslash is a backslash, with or without a macro.
        QCOMPARE(typeAndSend(box, u"C:\\temp\\n"_s), QByteArray("C:\\temp\\n"));
        QCOMPARE(typeAndSend(box, u"C:\\x{{counter}}\\"_s), QByteArray("C:\\x1\\"));
        QCOMPARE(typeAndSend(box, u"{\"a\":{\"b\":1}}"_s), QByteArray("{\"a\":{\"b\":1}}"));   // JSON's "}}" is no macro
        box.setEncoding(TextEncoding::Gbk);
        QCOMPARE(typeAndSend(box, u"你{{counter}}好"_s), QByteArray("\xc4\xe3" "2" "\xba\xc3"));
    }

    void dateAndTime_haveTheirShapes()
    {
        SendBox box;
        box.setSendEnabled(true);
        box.setLineEnding(SendBox::LineEnding::None);
        const QByteArray sent = typeAndSend(box, u"{{date}} {{time}} {{unixtime}} {{date:yyyyMMdd}} {{time:HH:mm:ss.zzz}} {{random:10}}"_s);
        static const QRegularExpression shape(
            uR"(^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \d{10,} \d{8} \d{2}:\d{2}:\d{2}\.\d{3} \d$)"_s);
        QVERIFY2(shape.match(QString::fromLatin1(sent)).hasMatch(), sent.constData());
    }

    void badMacro_isExplainedWithItsPosition_andNothingIsSent()
    {
        Peer server;
        QVERIFY(server.startPython(u"tcp_reply_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        ClientPanel panel;
        panel.connectTo(u"127.0.0.1"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(panel.client()->state(), TcpClient::State::Connected, kWait);
        SendBox *box = panel.sendBox();
        box->setLineEnding(SendBox::LineEnding::Lf);
        for (const auto &[text, mentions] : {std::pair{u"x {{nope}}"_s, u"position 3: unknown macro \"{{nope}}\""_s},
                                             std::pair{u"ab {{counter"_s, u"position 4"_s},
                                             std::pair{u"{{counter:width=x}}"_s, u"position 1"_s},
                                             std::pair{u"{{random:0}}"_s, u"position 1"_s}}) {
            box->input()->setText(text);
            QTest::keyClick(box->input(), Qt::Key_Return);
            QVERIFY2(box->errorText().contains(mentions), qPrintable(box->errorText()));
            QCOMPARE(box->input()->text(), text);   // the draft stays for fixing
        }
        // A repeat of a bad message does not start.
        box->input()->setText(u"x {{nope}}"_s);
        box->startRepeating(5, 3);
        QVERIFY(!box->isRepeating());
        // The first line the server got is the good one that follows: the bad ones sent nothing.
        box->input()->setText(u"READ {{counter:width=4}}"_s);
        QTest::keyClick(box->input(), Qt::Key_Return);
        QVERIFY(box->errorText().isEmpty());
        QCOMPARE(server.readLine(kWait), QByteArray("got READ 0001"));
        // The log shows what was sent, expanded, and the reply.
        QTRY_VERIFY2_WITH_TIMEOUT(logText(panel).contains(u"ACK READ 0001"_s), qPrintable(logText(panel)), kWait);
        QVERIFY2(logText(panel).count(u"READ 0001"_s) >= 2, qPrintable(logText(panel)));
        QVERIFY(!logText(panel).contains(u"{{"_s));
    }
};

QTEST_MAIN(TestSendMacros)
#include "tst_sendmacros.moc"
