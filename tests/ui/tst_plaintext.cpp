// Finding 8 of issue 9: what a peer or a server says is shown as the text it is, never as HTML.
// A QLabel (and a tooltip, a message box) guesses "rich text" from a leading tag, so a server
// answering "550 <h1>big</h1><img src=x>" could draw a heading, load an image, or make a link. Each
// label that can show peer or server words is checked here with the hostile text itself: its
// format is plain text and it holds the literal tags.

#include "mailtestutil.h"
#include "peer.h"

#include "certificatedialog.h"
#include "clientpanel.h"
#include "composewindow.h"
#include "inboxpanel.h"
#include "messagelogview.h"
#include "messageview.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "settings.h"
#include "udppanel.h"

#include "mail/mailparser.h"
#include "mail/mailstore.h"
#include "net/tlsstream.h"
#include "tcp/tcpclient.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using namespace testsupport;

namespace {

constexpr int kWaitMs = 20000;
const QString kHtml = u"<h1>big</h1><img src=x>"_s;

QLabel *label(QWidget *parent, const char *name)
{
    auto *found = parent->findChild<QLabel *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no label %s", name);
    return found;
}

// Shown as typed: plain text, the tags themselves in it.
bool isPlain(QLabel *shown, const QString &literal)
{
    return shown && shown->textFormat() == Qt::PlainText && shown->text().contains(literal);
}

} // namespace

class TestPlainText : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_plaintext"_s);
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
    }

    void composeStatus_showsTheServersRefusalAsText()
    {
        Peer server;
        QVERIFY(server.startPython(u"smtp_hostile.py"_s, {u"refuse:"_s + kHtml}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        Settings settings;
        ComposeWindow window(settings, m_dir.filePath(u"draft.json"_s));
        auto *preset = window.findChild<QComboBox *>(u"preset"_s);
        preset->setCurrentIndex(preset->findData(u"custom"_s));
        window.findChild<QLineEdit *>(u"host"_s)->setText(u"127.0.0.1"_s);
        window.findChild<QSpinBox *>(u"port"_s)->setValue(port);
        auto *security = window.findChild<QComboBox *>(u"security"_s);
        security->setCurrentIndex(security->findData(u"none"_s));
        window.findChild<QLineEdit *>(u"user"_s)->clear();
        window.findChild<QLineEdit *>(u"from"_s)->setText(u"me@example.com"_s);
        window.findChild<QLineEdit *>(u"to"_s)->setText(u"you@example.com"_s);
        window.findChild<QLineEdit *>(u"subject"_s)->setText(u"hi"_s);
        window.findChild<QPlainTextEdit *>(u"body"_s)->setPlainText(u"hello"_s);
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        window.send();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(isPlain(label(&window, "status"), kHtml), qPrintable(window.statusText()));
    }

    void clientStatus_showsPeerAndHostTextAsText()
    {
        // The peer's bytes go to the log (a model: plain), and the status line after it hangs up.
        Peer server;
        QVERIFY(server.startPython(u"tcp_greeting_server.py"_s, {u"0"_s, u"127.0.0.1"_s, QString::fromLatin1(kHtml.toUtf8().toHex())}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        ClientPanel panel;
        QSignalSpy disconnected(panel.client(), &TcpClient::disconnected);
        panel.connectTo(u"127.0.0.1"_s, port);
        QVERIFY(disconnected.wait(kWaitMs));
        MessageLogModel *model = panel.log()->model();
        const auto logText = [model] {
            QString all;
            for (int row = 0; row < model->rowCount(); ++row)
                all += model->formatLine(model->entry(row)) + u'\n';
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains(kHtml), kWaitMs);
        QCOMPARE(label(&panel, "clientStatus")->textFormat(), Qt::PlainText);

        // A name that is not a host name, in the error that quotes it (said before connecting).
        const QString host = u"<b>no-such</b>.invalid"_s;
        ClientPanel named;
        named.connectTo(host, 80);
        QVERIFY2(isPlain(label(&named, "clientStatus"), host), qPrintable(named.statusText()));
    }

    void panelStatusLines_arePlainText()
    {
        // Their texts are ours and the system's today, with addresses and errors in them: plain
        // text, so no later message can turn into markup.
        ServerPanel server;
        QCOMPARE(label(&server, "serverStatus")->textFormat(), Qt::PlainText);
        UdpPanel udp;
        QCOMPARE(label(&udp, "udpStatus")->textFormat(), Qt::PlainText);
        Settings settings;
        InboxPanel inbox(settings);
        QCOMPARE(label(&inbox, "inboxStatus")->textFormat(), Qt::PlainText);
    }

    void sendBoxError_quotesInputAsText()
    {
        SendBox box;
        box.setSendEnabled(true);
        box.setHexMode(true);
        box.input()->setText(kHtml);
        QVERIFY(!box.currentBytes().ok());
        box.sendButton()->click();
        QVERIFY(!box.errorText().isEmpty());
        QCOMPARE(label(&box, "sendError")->textFormat(), Qt::PlainText);
    }

    void certificateDialog_showsThePeersNamesAsText()
    {
        // What a server puts in its certificate is its own choice of words.
        TlsCertificateInfo certificate;
        certificate.subject = u"CN=<h1>bank</h1>"_s;
        certificate.issuer = u"O=<a href='http://x'>trusted</a>"_s;
        certificate.problems = {u"<img src=x>"_s};
        certificate.sha256 = u"AB:CD"_s;
        CertificateDialog dialog(u"<b>mail.example</b>:465"_s, certificate);
        QString all;
        for (QLabel *shown : dialog.findChildren<QLabel *>()) {
            if (shown->textFormat() == Qt::PlainText || !Qt::mightBeRichText(shown->text()))
                all += shown->text();
            else
                all += QTextDocumentFragment::fromHtml(shown->text()).toPlainText();
            all += u'\n';
        }
        for (const QString &literal : {u"<h1>bank</h1>"_s, u"<a href='http://x'>trusted</a>"_s, u"<img src=x>"_s, u"<b>mail.example</b>"_s})
            QVERIFY2(all.contains(literal), qPrintable(all));
    }

    void messageView_headersAndTooltipsAreText()
    {
        const QByteArray eml = "From: \"<b>boss</b>\" <boss@example.com>\r\n"
                               "To: <h1>all</h1> <all@example.com>\r\n"
                               "Subject: <img src=x> urgent\r\n"
                               "MIME-Version: 1.0\r\n"
                               "Content-Type: text/plain; charset=\"<h1>x</h1>\"\r\n"
                               "\r\n"
                               "hello\r\n";
        const ParsedMail mail = parseMail(eml);
        QVERIFY(mail.ok);
        StoredMessage stored;
        stored.id = u"<i>id</i>"_s;
        MessageView view;
        view.showMessage(stored, mail, eml, false);
        const QString header = view.headerText();
        for (const QString &literal : {u"<b>boss</b>"_s, u"<img src=x> urgent"_s})
            QVERIFY2(header.contains(literal), qPrintable(header));
        // The charset the sender named, in the MIME tree's tooltip.
        QTreeWidgetItem *root = view.mimeTree()->topLevelItem(0);
        QVERIFY(root);
        const QString tip = root->toolTip(0);
        const QString shownTip = Qt::mightBeRichText(tip) ? QTextDocumentFragment::fromHtml(tip).toPlainText() : tip;
        QVERIFY2(shownTip.contains(u"<h1>x</h1>"_s), qPrintable(tip));
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
