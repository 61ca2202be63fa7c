// Auto-reply rules in the window: the rules dialog (edit, test with the core's own matcher, refuse a
// bad rule, import/export), the panel's badge and its memory, and the server, client and UDP panels
// answering the tutorial's python peers by their rules, with the log marking the automatic replies.

#include "panellog.h"
#include "peer.h"

#include "autoreplyfields.h"
#include "clientpanel.h"
#include "fieldmemory.h"
#include "messagelogview.h"
#include "rulesdialog.h"
#include "serverpanel.h"
#include "udppanel.h"
#include "addressinputs.h"

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "udp/udpendpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;
using testsupport::Peer;
using testsupport::logText;

namespace {

ReplyRule regexRule(const QString &pattern, const QString &reply)
{
    ReplyRule rule;
    rule.match = MatchKind::Regex;
    rule.pattern = pattern;
    rule.reply = reply;
    return rule;
}

ReplyRuleSet pingSet()
{
    ReplyRuleSet set;
    set.rules << regexRule(QStringLiteral("^PING (\\d+)$"), QStringLiteral("PONG \\1\\n"));
    return set;
}

void setCell(RulesDialog &dialog, int row, int column, const QString &text)
{
    dialog.table()->item(row, column)->setText(text);
}

QComboBox *comboAt(RulesDialog &dialog, int row, int column)
{
    return qobject_cast<QComboBox *>(dialog.table()->cellWidget(row, column));
}

} // namespace

class TestAutoReplyPanels : public QObject {
    Q_OBJECT

private slots:
    void dialog_regexWithACapture_testFieldShowsTheReply()
    {
        RulesDialog dialog({}, true);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        QCOMPARE(dialog.table()->rowCount(), 1);
        comboAt(dialog, 0, RulesDialog::MatchColumn)->setCurrentIndex(4);   // regex
        setCell(dialog, 0, RulesDialog::PatternColumn, QStringLiteral("^PING (?<n>\\d+)$"));
        setCell(dialog, 0, RulesDialog::ReplyColumn, QStringLiteral("PONG ${n}"));
        QVERIFY(dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.testEdit(), QStringLiteral("PING 42"));
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("Rule 1 replies: PONG 42"));
        dialog.testEdit()->setText(QStringLiteral("hello"));
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("No rule matches: nothing is sent."));

        // First match versus all matches, as the worker decides it.
        dialog.addRule(regexRule(QStringLiteral("PING"), QStringLiteral("seen")));
        dialog.testEdit()->setText(QStringLiteral("PING 7"));
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("Rule 1 replies: PONG 7"));
        dialog.modeCombo()->setCurrentIndex(1);
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("Rule 1 replies: PONG 7\nRule 2 replies: seen"));
        QCOMPARE(dialog.ruleSet().rules.size(), 2);
        QVERIFY(dialog.ruleSet().allMatches);

        // Moving the second rule up makes it the first to answer.
        dialog.modeCombo()->setCurrentIndex(0);
        dialog.table()->setCurrentCell(1, RulesDialog::PatternColumn);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("ruleUp")), Qt::LeftButton);
        QCOMPARE(dialog.ruleSet().rules.at(0).reply, QStringLiteral("seen"));
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("Rule 1 replies: seen"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeRule")), Qt::LeftButton);
        QCOMPARE(dialog.ruleSet().rules.size(), 1);
        QCOMPARE(dialog.ruleSet().rules.at(0).reply, QStringLiteral("PONG ${n}"));
    }

    void dialog_badRegex_isNamedAndOkIsRefused()
    {
        ReplyRuleSet set = pingSet();
        set.rules << regexRule(QStringLiteral("fine"), QStringLiteral("ok"));
        RulesDialog dialog(set, false);
        dialog.show();
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.table()->isColumnHidden(RulesDialog::TargetColumn));   // only a server answers all
        setCell(dialog, 1, RulesDialog::PatternColumn, QStringLiteral("PING (\\d+"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("rule 2, \"pattern\"")), qPrintable(dialog.errorLabel()->text()));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // A capture group the pattern does not have is refused too, naming the reply.
        setCell(dialog, 1, RulesDialog::PatternColumn, QStringLiteral("fine"));
        setCell(dialog, 1, RulesDialog::ReplyColumn, QStringLiteral("got \\3"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("rule 2, \"reply\"")), qPrintable(dialog.errorLabel()->text()));
        setCell(dialog, 1, RulesDialog::ReplyColumn, QStringLiteral("ok"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.errorLabel()->text().isEmpty());
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void dialog_exportThenImport_keepsEveryField()
    {
        ReplyRuleSet set = pingSet();
        set.allMatches = true;
        set.encoding = TextEncoding::Gbk;
        ReplyRule hex;
        hex.name = QStringLiteral("modbus");
        hex.match = MatchKind::Hex;
        hex.pattern = QStringLiteral("01 03 ?? ?? *");
        hex.format = ReplyFormat::Hex;
        hex.reply = QStringLiteral("01 83 02");
        hex.delay = std::chrono::milliseconds(250);
        hex.target = ReplyTarget::All;
        hex.maxFires = 3;
        hex.enabled = false;
        ReplyRule once;
        once.match = MatchKind::Exact;
        once.pattern = QStringLiteral("hello");
        once.caseInsensitive = true;
        once.reply = QStringLiteral("WELCOME {{counter}}\\n");
        once.maxFires = 1;
        set.rules << hex << once;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("rules.json"));
        RulesDialog out(set, true);
        QCOMPARE(out.ruleSet(), set);
        QVERIFY(out.exportFile(path));
        QCOMPARE(ReplyRuleSet::fromJson([&] {
                     QFile file(path);
                     return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
                 }()).value(),
                 set);

        RulesDialog in({}, true);
        QVERIFY(in.importFile(path));
        QCOMPARE(in.ruleSet(), set);
        QCOMPARE(in.table()->rowCount(), 3);
        QCOMPARE(comboAt(in, 1, RulesDialog::MatchColumn)->currentText(), QStringLiteral("hex"));

        // A file with a mistake is refused naming the rule and the field; the table keeps its rules.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"rules": [{"match": "exact", "pattern": "a", "reply": "b"}, {"match": "exact", "pattern": "a", "reply": "b", "dealy": 5}]})");
        file.close();
        const Result<void> refused = in.importFile(bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("rule 2, \"dealy\"")), qPrintable(refused.error().message()));
        QVERIFY(in.errorLabel()->text().contains(QStringLiteral("rule 2, \"dealy\"")));
        QCOMPARE(in.ruleSet(), set);
    }

    void badge_saysOnAndHowManyRules()
    {
        AutoReplyFields fields(true);
        QVERIFY(fields.badge()->text().isEmpty());
        ReplyRuleSet set = pingSet();
        set.rules << regexRule(QStringLiteral("a"), QStringLiteral("b")) << regexRule(QStringLiteral("c"), QStringLiteral("d"));
        fields.setRuleSet(set);
        QCOMPARE(fields.badge()->text(), QStringLiteral("off (3 rule(s))"));
        QCOMPARE(fields.replier(nullptr).value(), nullptr);   // off: the worker gets no rules
        fields.enableCheck()->setChecked(true);
        QCOMPARE(fields.badge()->text(), QStringLiteral("Auto-reply: 3 rule(s)"));
        QVERIFY(fields.badge()->styleSheet().contains(QStringLiteral("background")));
        QVERIFY(fields.replier(nullptr).value() != nullptr);
        set.rules.resize(1);
        fields.setRuleSet(set);
        QCOMPARE(fields.badge()->text(), QStringLiteral("Auto-reply: 1 rule(s)"));
    }

    void rules_areRememberedByANewPanel()
    {
        QVariantMap saved;
        {
            ServerPanel panel;
            auto *fields = panel.findChild<AutoReplyFields *>();
            QVERIFY(fields);
            ReplyRuleSet set = pingSet();
            set.allMatches = true;
            fields->setRuleSet(set);
            fields->enableCheck()->setChecked(true);
            saved = captureFields(&panel);
        }
        ServerPanel again;
        auto *fields = again.findChild<AutoReplyFields *>();
        QCOMPARE(fields->badge()->text(), QString());
        restoreFields(&again, saved);
        ReplyRuleSet expected = pingSet();
        expected.allMatches = true;
        QCOMPARE(fields->ruleSet(), expected);
        QVERIFY(fields->isOn());
        QCOMPARE(fields->badge()->text(), QStringLiteral("Auto-reply: 1 rule(s)"));
    }

    void serverPanel_answersAPythonClientByItsRule_andLogsTheAutoReply()
    {
        ServerPanel panel;
        panel.show();
        auto *fields = panel.findChild<AutoReplyFields *>();
        // Through the window: Rules…, add a regex rule, OK.
        QTest::mouseClick(fields->rulesButton(), Qt::LeftButton);
        RulesDialog *dialog = fields->dialog();
        QVERIFY(dialog);
        dialog->addRule(regexRule(QStringLiteral("^PING (\\d+)$"), QStringLiteral("PONG \\1\\n")));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QVERIFY(fields->isOn());
        QCOMPARE(fields->badge()->text(), QStringLiteral("Auto-reply: 1 rule(s)"));

        QSignalSpy started(panel.server(), &TcpServer::started);
        panel.startListening(0);
        QVERIFY(started.wait(5000));
        const quint16 port = started.at(0).at(1).value<quint16>();
        QVERIFY(!fields->enableCheck()->isEnabled());   // the worker has them: locked while listening
        QVERIFY(fields->rulesButton()->toolTip().contains(QStringLiteral("stop to change")));
        // The dialog still shows and tries the rules, but its OK waits for Stop, even after an edit.
        QTest::mouseClick(fields->rulesButton(), Qt::LeftButton);
        dialog = fields->dialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->table()->item(0, RulesDialog::ReplyColumn)->setText(QStringLiteral("changed"));
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY(dialog->okButton()->toolTip().contains(QStringLiteral("stop to change")));
        dialog->testEdit()->setText(QStringLiteral("PING 1"));
        QCOMPARE(dialog->testResult()->text(), QStringLiteral("Rule 1 replies: changed"));
        dialog->reject();
        QTRY_VERIFY(!fields->dialog());
        QCOMPARE(fields->ruleSet().rules.at(0).reply, QStringLiteral("PONG \\1\\n"));

        Peer client;
        QVERIFY(client.startPython(QStringLiteral("line_peer.py"), {QStringLiteral("client"), QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("connected"));
        client.write("PING 42\n");
        QCOMPARE(client.readLine(), QByteArray("line PONG 42"));
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel.log()).contains(QStringLiteral("PONG 42\\n   ↻ auto reply (rule 1)")), 5000);
        client.write("hello\n");   // no rule: nothing comes back, the log shows it received only
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel.log()).contains(QStringLiteral("hello")), 5000);
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
        QCOMPARE(logText(panel.log()).count(QStringLiteral("auto reply")), 1);

        QSignalSpy stopped(panel.server(), &TcpServer::stopped);
        panel.stopListening();
        QVERIFY(stopped.wait(5000));
        QVERIFY(fields->enableCheck()->isEnabled());
    }

    void serverPanel_aReplyThatCannotBeBuilt_isAnErrorInTheLog()
    {
        QTemporaryDir dir;
        ServerPanel panel;
        auto *fields = panel.findChild<AutoReplyFields *>();
        ReplyRuleSet set;
        ReplyRule rule;
        rule.match = MatchKind::Exact;
        rule.pattern = QStringLiteral("file");
        rule.reply = QStringLiteral("{{file:%1}}").arg(dir.filePath(QStringLiteral("missing.txt")));
        set.rules << rule << regexRule(QStringLiteral("^next$"), QStringLiteral("NEXT\\n"));
        fields->setRuleSet(set);
        fields->enableCheck()->setChecked(true);
        QSignalSpy started(panel.server(), &TcpServer::started);
        panel.startListening(0);
        QVERIFY(started.wait(5000));
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("line_peer.py"),
                                   {QStringLiteral("client"), QStringLiteral("127.0.0.1"), QString::number(started.at(0).at(1).value<quint16>())}));
        QCOMPARE(client.readLine(), QByteArray("connected"));
        client.write("file\nnext\n");
        QCOMPARE(client.readLine(), QByteArray("line NEXT"));   // nothing was sent for the first
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel.log()).contains(QStringLiteral("auto reply (rule 1) not sent")), 5000);
        const MessageLogModel *model = panel.log()->model();
        bool errorRow = false;
        for (int row = 0; row < model->rowCount(); ++row)
            errorRow |= model->entry(row).direction == LogEntry::Direction::Error && model->entry(row).text.contains(QStringLiteral("missing.txt"));
        QVERIFY(errorRow);
        client.closeWrite();
        QCOMPARE(client.readLine(), QByteArray("closed"));
    }

    void clientPanel_answersAPythonServer()
    {
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("line_peer.py"), {QStringLiteral("server"), QStringLiteral("0")}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        ClientPanel panel;
        auto *fields = panel.findChild<AutoReplyFields *>();
        fields->setRuleSet(pingSet());
        fields->enableCheck()->setChecked(true);
        QSignalSpy connected(panel.client(), &TcpClient::connected);
        panel.connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(5000));
        QVERIFY(!fields->enableCheck()->isEnabled());
        QCOMPARE(server.readLine(), QByteArray("connected"));
        server.write("PING 7\n");
        QCOMPARE(server.readLine(), QByteArray("line PONG 7"));
        QTRY_VERIFY2_WITH_TIMEOUT(logText(panel.log()).contains(QStringLiteral("PONG 7\\n   ↻ auto reply (rule 1)")), qPrintable(logText(panel.log())), 5000);
        server.closeWrite();
        QCOMPARE(server.readLine(), QByteArray("closed"));
    }

    void udpPanel_answersTheSenderOfADatagram()
    {
        UdpPanel panel;
        auto *fields = panel.findChild<AutoReplyFields *>();
        fields->setRuleSet(pingSet());
        fields->enableCheck()->setChecked(true);
        QSignalSpy bound(panel.endpoint(), &UdpEndpoint::bound);
        panel.bindPort(0);
        QVERIFY(bound.wait(5000));
        const quint16 port = bound.at(0).at(1).value<quint16>();
        QVERIFY(!fields->enableCheck()->isEnabled());
        Peer client;
        QVERIFY(client.startPython(QStringLiteral("udp_client.py"), {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QCOMPARE(client.readLine(), QByteArray("ready"));
        client.write(QByteArray("PING 5\n").toHex() + '\n');
        const QByteArray answer = client.readLine();
        QVERIFY2(answer.endsWith(' ' + QByteArray("PONG 5\n").toHex()), answer.constData());
        QTRY_VERIFY_WITH_TIMEOUT(logText(panel.log()).contains(QStringLiteral("auto reply (rule 1)")), 5000);
    }
};

QTEST_MAIN(TestAutoReplyPanels)
#include "tst_autoreplypanels.moc"
