// The Inbox tab, driven the way a newcomer would: from a fresh start, a mail with a Chinese-named
// attachment goes from the compose window to the local inbox with nothing configured, shows up
// in the list, opens, and its attachment saves back byte for byte. Mail from clients we did not
// write (swaks, smtplib) shows the same way; a malformed message is shown as far as it can be;
// a restart shows what arrived before; a port in use is said in words.

#include "foldersnapshot.h"
#include "mailtestutil.h"
#include "peer.h"

#include "attachmentlist.h"
#include "composewindow.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "mainwindow.h"
#include "messageview.h"
#include "settings.h"
#include "timelineview.h"

#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"
#include "tcp/tcpserver.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using namespace testsupport;

namespace {

// Everything here waits on real sockets and threads, under sanitizers on two shared cores too.
constexpr int kWaitMs = 20000;

template <typename T>
T *field(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

QStringList topLevelTypes(QTreeWidget *tree)
{
    QStringList types;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        types << QString((*it)->parent() ? u"  "_s : QString()) + (*it)->text(0);
    return types;
}

} // namespace

class TestInboxPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_inbox;   // this test function's inbox folder

    // A message as if received before the panel opened: written straight into the store.
    bool putInInbox(const QString &id, const QByteArray &eml)
    {
        return QDir().mkpath(m_inbox) && writeFile(m_inbox + u'/' + id + u".eml"_s, eml);
    }

    // Selects `row` (once the list, filled in the background, has it) and waits until the view
    // shows it, parsed.
    static bool open(InboxPanel &inbox, int row)
    {
        if (!QTest::qWaitFor([&] { return inbox.model()->rowCount() > row; }, kWaitMs))
            return false;
        QSignalSpy shown(&inbox, &InboxPanel::messageShown);
        inbox.selectRow(row);
        return shown.wait(kWaitMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_inboxpanel"_s);
    }

    void init()
    {
        m_inbox = m_dir.filePath(u"inbox-"_s + QString::fromLatin1(QTest::currentTestFunction()));
        Settings settings;
        settings.setInboxPort(0);   // a free port, as every test binds
        settings.setInboxDirectory(m_inbox);
        // A fresh compose window each time: no draft from an earlier test.
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts/compose.json"_s);
    }

    void newcomer_sendsFromComposeToLocalInbox_opensIt_andSavesTheAttachment()
    {
        const QByteArray sheet = randomBytes(200 * 1024);
        const QString attachment = m_dir.filePath(u"汇总数据.xlsx"_s);
        QVERIFY(writeFile(attachment, sheet));

        Settings settings;
        MainWindow window(settings);
        window.show();
        InboxPanel *inbox = window.inboxPanel();
        QTRY_VERIFY_WITH_TIMEOUT(inbox->listeningPort() != 0, kWaitMs);

        // Nothing configured: the compose window's account is the local inbox, at its real port.
        window.openMail();
        ComposeWindow *compose = window.composeWindow();
        QVERIFY(compose->isLocalInbox());
        QCOMPARE(field<QLineEdit>(compose, "host")->text(), u"127.0.0.1"_s);
        QCOMPARE(field<QSpinBox>(compose, "port")->value(), int(inbox->listeningPort()));
        QVERIFY(!field<QLineEdit>(compose, "password")->isEnabled());
        field<QLineEdit>(compose, "from")->setText(u"王大锤 <wang@example.com>"_s);
        field<QLineEdit>(compose, "to")->setText(u"张三 <zhang@example.com>"_s);
        field<QLineEdit>(compose, "subject")->setText(u"月度汇总"_s);
        field<QPlainTextEdit>(compose, "body")->setPlainText(u"附件是本月的汇总数据。\n"_s);
        compose->attachFiles({attachment});
        QVERIFY2(compose->problem().isEmpty(), qPrintable(compose->problem()));

        QSignalSpy arrived(inbox, &InboxPanel::messageArrived);
        QSignalSpy sent(compose, &ComposeWindow::sendFinished);
        QTest::mouseClick(field<QPushButton>(compose, "sendButton"), Qt::LeftButton);
        QVERIFY(sent.wait(kWaitMs));
        QVERIFY2(sent.at(0).at(0).toBool(), qPrintable(compose->statusText() + u'\n' + compose->transcriptText()));
        QVERIFY2(compose->statusText().contains(u"Inbox tab"_s), qPrintable(compose->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, kWaitMs);
        // It arrived while another tab was shown: the Inbox tab says so until it is opened.
        const int inboxTab = window.tabs()->indexOf(inbox);
        QCOMPARE(window.tabs()->tabText(inboxTab), u"Inbox (1)"_s);

        // Listed with its decoded headers, once the reader has been through it.
        InboxModel *model = inbox->model();
        QCOMPARE(model->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, InboxModel::Subject).data().toString(), u"月度汇总"_s, kWaitMs);
        QVERIFY(model->index(0, InboxModel::From).data().toString().contains(u"王大锤"_s));
        QCOMPARE(model->index(0, InboxModel::Attachments).data().toInt(), 1);

        // Opened: headers, text, the attachment, the MIME tree, the source and the dialogue.
        window.tabs()->setCurrentWidget(inbox);
        QCOMPARE(window.tabs()->tabText(inboxTab), u"Inbox"_s);
        QVERIFY(open(*inbox, 0));
        MessageView *view = inbox->view();
        QVERIFY2(view->headerText().contains(u"王大锤"_s), qPrintable(view->headerText()));
        QVERIFY(view->headerText().contains(u"月度汇总"_s));
        QVERIFY(view->bodyText().contains(u"附件是本月的汇总数据。"_s));
        QCOMPARE(view->attachmentList()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = view->attachmentList()->topLevelItem(0);
        QCOMPARE(item->text(0), u"汇总数据.xlsx"_s);
        QCOMPARE(item->text(1), u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s);
        const QStringList tree = topLevelTypes(view->mimeTree());
        QCOMPARE(tree.value(0), u"multipart/mixed"_s);
        QVERIFY2(tree.contains(u"  text/plain"_s) && tree.contains(u"  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s),
                 qPrintable(tree.join(u'\n')));
        QVERIFY(view->sourceText().startsWith(u"From: "_s) || view->sourceText().contains(u"\nFrom: "_s));
        QVERIFY(view->dialogueText().contains(u"C: DATA"_s));
        QVERIFY(!view->dialogueText().contains(u"AUTH"_s));

        // Saved: the same bytes as the file that was attached.
        const QString saved = m_dir.filePath(u"saved-汇总数据.xlsx"_s);
        view->attachmentList()->setCurrentItem(item);
        QVERIFY(field<QPushButton>(view, "saveAttachment")->isEnabled());
        QSignalSpy saveFinished(inbox, &InboxPanel::saveFinished);
        inbox->saveSelectedPart(item->data(0, Qt::UserRole).toInt(), saved);
        QVERIFY(saveFinished.wait(kWaitMs));
        QCOMPARE(saveFinished.at(0).at(1).toString(), QString());
        QCOMPARE(readFile(saved), sheet);
    }

    void clientsWeDidNotWrite_showLive_andAgainAfterARestart()
    {
        const QString attachment = m_dir.filePath(u"报告.pdf"_s);
        QVERIFY(writeFile(attachment, "%PDF-1.4 a small report\n"));
        {
            Settings settings;
            InboxPanel inbox(settings);
            QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
            QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
            Peer smtplib;
            QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), m_dir.path(),
                                                            u"--attach"_s, attachment}));
            QVERIFY(arrived.wait(kWaitMs));
            QVERIFY(smtplib.waitForFinished());
            if (Peer::haveProgram(u"swaks"_s)) {
                Peer swaks;
                QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(inbox.listeningPort()),
                                                       u"--from"_s, u"a@example.com"_s, u"--to"_s, u"b@example.com"_s,
                                                       u"--header"_s, u"Subject: from swaks"_s, u"--silent"_s, u"2"_s}));
                QVERIFY(arrived.wait(kWaitMs));
                QVERIFY(swaks.waitForFinished());
            }
            // Newest first.
            QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->index(inbox.model()->rowCount() - 1, InboxModel::Subject).data().toString(), u"测试邮件 #0"_s, kWaitMs);
        }
        Settings settings;
        InboxPanel again(settings);
        const int expected = Peer::haveProgram(u"swaks"_s) ? 2 : 1;
        QTRY_COMPARE_WITH_TIMEOUT(again.model()->rowCount(), expected, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(again.model()->index(expected - 1, InboxModel::Subject).data().toString(), u"测试邮件 #0"_s, kWaitMs);
        QCOMPARE(again.model()->index(expected - 1, InboxModel::Attachments).data().toInt(), 1);
        QVERIFY(open(again, expected - 1));
        QCOMPARE(again.view()->attachmentList()->topLevelItem(0)->text(0), u"报告.pdf"_s);
        // Bcc lives only in the envelope, and the view says who really got it.
        QVERIFY(again.view()->headerText().contains(u"hidden@example.com"_s));
    }

    void malformedMessage_isShownAsFarAsItGoes()
    {
        // A multipart whose closing boundary never comes, with broken base64 in it.
        QVERIFY(putInInbox(u"20261204-120000-000-0001-beef"_s,
                          "From: =?utf-8?B?546L5aSn6ZSk?= <wang@example.com>\r\nSubject: =?utf-8?B?5Z2P5o6J55qE?=\r\n"
                          "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n\r\nstill readable\r\n--XX\r\n"
                          "Content-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                          "!!!not base64 at all@@@\r\n"));
        Settings settings;
        InboxPanel inbox(settings);
        QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->index(0, InboxModel::Subject).data().toString(), u"坏掉的"_s, kWaitMs);
        QVERIFY(open(inbox, 0));
        QVERIFY(inbox.view()->bodyText().contains(u"still readable"_s));
        QVERIFY(inbox.view()->headerText().contains(u"王大锤"_s));
    }

    void htmlOnlyMessage_isShownAsText()
    {
        QVERIFY(putInInbox(u"20261204-120000-000-0002-cafe"_s,
                          "From: shop@example.com\r\nSubject: html \xB1\xA8\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: text/html; charset=utf-8\r\n\r\n"
                          "<html><body><h1>\xe6\x9c\x88\xe6\x8a\xa5</h1><p>first &amp; <b>second</b></p>"
                          "<script>never shown</script></body></html>\r\n"));
        Settings settings;
        InboxPanel inbox(settings);
        QVERIFY(open(inbox, 0));
        const QString body = inbox.view()->bodyText();
        QVERIFY2(body.contains(u"月报"_s) && body.contains(u"first & second"_s), qPrintable(body));
        QVERIFY2(!body.contains(u"<b>"_s), qPrintable(body));
        // The source is shown as it arrived: UTF-8 decoded, and a byte that is not UTF-8 as \xNN.
        QVERIFY(inbox.view()->sourceText().contains(u"<h1>月报</h1>"_s));
        QVERIFY(inbox.view()->sourceText().contains(u"Subject: html \\xB1\\xA8"_s));
    }

    void deleteAndClear_removeTheFiles()
    {
        Settings settings;
        InboxPanel inbox(settings);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), m_dir.path(), u"--count"_s, u"3"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 3, kWaitMs);
        QVERIFY(smtplib.waitForFinished());
        QCOMPARE(MailStore(m_inbox).messages().size(), 3);

        inbox.selectRow(1);
        QVERIFY(field<QPushButton>(&inbox, "inboxDelete")->isEnabled());
        QTest::mouseClick(field<QPushButton>(&inbox, "inboxDelete"), Qt::LeftButton);
        QCOMPARE(inbox.model()->rowCount(), 2);
        QCOMPARE(MailStore(m_inbox).messages().size(), 2);

        inbox.removeAll();
        QCOMPARE(inbox.model()->rowCount(), 0);
        QCOMPARE(QDir(m_inbox).entryList(QDir::Files).size(), 0);
        QVERIFY(!field<QPushButton>(&inbox, "inboxClear")->isEnabled());
    }

    // The inbox folder setting pointed at a folder of the user's: Delete and Clear all remove the
    // messages and nothing else, and the folder's mode stays the user's.
    void deleteAndClear_inAFolderOfTheUsers_leaveTheirFiles()
    {
        QVERIFY(QDir().mkpath(m_inbox));
        QVERIFY(QFile::setPermissions(m_inbox, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                   | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        QVERIFY(writeFile(m_inbox + u"/package.json"_s, R"({"name":"demo"})"));
        QVERIFY(writeFile(m_inbox + u"/notes.json.bak"_s, "old notes"));
        QVERIFY(writeFile(m_inbox + u"/20261204-101010-000-0001-abcd.eml"_s, "Subject: looks like ours\r\n\r\n"));
        const QStringList before = folderSnapshot(m_inbox);

        Settings settings;
        InboxPanel inbox(settings);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!inbox.isListing(), kWaitMs);
        QCOMPARE(inbox.model()->rowCount(), 0);   // the look-alike is not a message of the inbox
        QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), m_dir.path(), u"--count"_s, u"2"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, kWaitMs);
        QVERIFY(smtplib.waitForFinished());
        const QString storeDir = inbox.directory();
        QVERIFY(storeDir != m_inbox);
        const QString skip = QDir(m_inbox).relativeFilePath(storeDir);

        inbox.selectRow(0);
        QTest::mouseClick(field<QPushButton>(&inbox, "inboxDelete"), Qt::LeftButton);
        QCOMPARE(inbox.model()->rowCount(), 1);
        inbox.removeAll();
        QCOMPARE(inbox.model()->rowCount(), 0);
        QCOMPARE(folderSnapshot(m_inbox, skip), before);
    }

    // Finding 11: a restart lists from what the store kept (the summary file), not by parsing
    // every message again: the moment the list is full, every row has its decoded subject.
    void restart_listsFromWhatWasKept_withoutParsingAgain()
    {
        QStringList ids;
        for (int i = 1; i <= 3; ++i) {
            ids << u"20261204-12000%1-000-000%1-beef"_s.arg(i);
            QVERIFY(putInInbox(ids.last(), "From: =?utf-8?B?546L5aSn6ZSk?= <wang@example.com>\r\nSubject: kept " + QByteArray::number(i)
                                               + "\r\n\r\nx\r\n"));
        }
        {
            Settings settings;
            InboxPanel inbox(settings);
            QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->rowCount(), 3, kWaitMs);
            for (int row = 0; row < 3; ++row)
                QTRY_VERIFY_WITH_TIMEOUT(inbox.model()->index(row, InboxModel::Subject).data().toString().startsWith(u"kept "_s), kWaitMs);
        }
        // The files change behind the inbox's back (nothing would do that): what shows is what was
        // kept, so nothing was parsed again.
        for (const QString &id : ids)
            QVERIFY(writeFile(m_inbox + u'/' + id + u".eml"_s, "Subject: parsed again\r\n\r\nx\r\n"));
        Settings settings;
        InboxPanel again(settings);
        QSignalSpy listed(&again, &InboxPanel::listingFinished);
        QVERIFY(!again.isListing() || listed.wait(kWaitMs));
        QCOMPARE(again.model()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QVERIFY2(again.model()->index(row, InboxModel::Subject).data().toString().startsWith(u"kept "_s),
                     qPrintable(again.model()->index(row, InboxModel::Subject).data().toString()));
            QVERIFY(again.model()->index(row, InboxModel::From).data().toString().contains(u"王大锤"_s));
        }
    }

    // Thousands of messages: listed in batches, newest first, each row found by its id, and a
    // delete and a new arrival keep every row where its id says.
    void thousandsOfMessages_listInBatches_andEveryRowIsFoundById()
    {
        constexpr int kCount = 2500;   // five listing batches
        QVERIFY(QDir().mkpath(m_inbox));
        for (int i = 0; i < kCount; ++i) {
            const QString id = u"20261204-%1-000-%2-abcd"_s.arg(100000 + i / 60 * 100 + i % 60, 6, 10, QLatin1Char('0')).arg(i % 10000, 4, 10, QLatin1Char('0'));
            const QString at = QDateTime(QDate(2026, 12, 4), QTime(0, 0)).addSecs(i).toUTC().toString(Qt::ISODateWithMs);
            QVERIFY(writeFile(m_inbox + u'/' + id + u".eml"_s, "Subject: number " + QByteArray::number(i) + "\r\n\r\nx\r\n"));
            QVERIFY(writeFile(m_inbox + u'/' + id + u".json"_s, "{\"from\":\"a@b.c\",\"to\":[\"d@e.f\"],\"receivedAt\":\"" + at.toLatin1() + "\"}"));
        }
        Settings settings;
        InboxPanel inbox(settings);
        QSignalSpy listed(&inbox, &InboxPanel::listingFinished);
        QVERIFY(!inbox.isListing() || listed.wait(kWaitMs));
        InboxModel *model = inbox.model();
        QCOMPARE(model->rowCount(), kCount);
        auto consistent = [model] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->rowOf(model->message(row)->id) != row)
                    return false;
                if (row > 0 && model->message(row)->envelope.receivedAt > model->message(row - 1)->envelope.receivedAt)
                    return false;
            }
            return true;
        };
        QVERIFY(consistent());
        QTRY_COMPARE_WITH_TIMEOUT(model->index(kCount - 1, InboxModel::Subject).data().toString(), u"number 0"_s, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, InboxModel::Subject).data().toString(), u"number %1"_s.arg(kCount - 1), 60000);

        inbox.selectRow(kCount / 2);
        const QString deleted = model->message(kCount / 2)->id;
        QTest::mouseClick(field<QPushButton>(&inbox, "inboxDelete"), Qt::LeftButton);
        QCOMPARE(model->rowCount(), kCount - 1);
        QCOMPARE(model->rowOf(deleted), -1);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), m_dir.path()}));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, kWaitMs);
        QVERIFY(smtplib.waitForFinished());
        QCOMPARE(model->rowCount(), kCount);
        QCOMPARE(model->rowOf(arrived.at(0).at(0).toString()), 0);
        QVERIFY(consistent());
    }

    void timeline_showsTheMailClientAndTheInboxTalking()
    {
        Settings settings;
        MainWindow window(settings);
        window.show();
        InboxPanel *inbox = window.inboxPanel();
        QTRY_VERIFY_WITH_TIMEOUT(inbox->listeningPort() != 0, kWaitMs);
        field<QDockWidget>(&window, "timelineDock")->show();   // the class watches the socket calls
        QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->isRecording(), kWaitMs);

        window.openMail();
        ComposeWindow *compose = window.composeWindow();
        field<QLineEdit>(compose, "from")->setText(u"wang@example.com"_s);
        field<QLineEdit>(compose, "to")->setText(u"zhang@example.com"_s);
        field<QLineEdit>(compose, "subject")->setText(u"watch the sockets"_s);
        QSignalSpy arrived(inbox, &InboxPanel::messageArrived);
        compose->send();
        QVERIFY(arrived.wait(kWaitMs));

        // Each side on a lane of its own, named for what it is, with arrows from the client's
        // sends to the inbox's recvs (and back) for the whole SMTP dialogue.
        TimelineCanvas *canvas = window.timeline()->canvas();
        QTRY_VERIFY_WITH_TIMEOUT(canvas->lanes().contains(u"smtp-inbox"_s) && canvas->lanes().contains(u"mail-sender"_s), kWaitMs);
        QCOMPARE(TimelineCanvas::laneTitle(u"smtp-inbox"_s), u"Local inbox (SMTP server)"_s);
        QCOMPARE(TimelineCanvas::laneTitle(u"mail-sender"_s), u"Mail (SMTP client)"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(canvas->arrows().size() >= 4, qPrintable(QString::number(canvas->arrows().size())), kWaitMs);
    }

    void stoppedInbox_composeSaysWhereToStartIt()
    {
        Settings settings;
        MainWindow window(settings);
        InboxPanel *inbox = window.inboxPanel();
        QTRY_VERIFY_WITH_TIMEOUT(inbox->listeningPort() != 0, kWaitMs);
        window.openMail();
        ComposeWindow *compose = window.composeWindow();
        QSignalSpy stopped(inbox->receiver(), &SmtpReceiver::stopped);
        QTest::mouseClick(field<QPushButton>(inbox, "inboxStartStop"), Qt::LeftButton);
        QVERIFY(stopped.wait(kWaitMs));
        QVERIFY2(inbox->statusText().contains(u"stopped"_s), qPrintable(inbox->statusText()));

        field<QLineEdit>(compose, "from")->setText(u"wang@example.com"_s);
        field<QLineEdit>(compose, "to")->setText(u"zhang@example.com"_s);
        field<QLineEdit>(compose, "subject")->setText(u"nobody home"_s);
        QSignalSpy sent(compose, &ComposeWindow::sendFinished);
        compose->send();
        QVERIFY(sent.wait(kWaitMs));
        QCOMPARE(sent.at(0).at(0).toBool(), false);
        QVERIFY2(compose->statusText().contains(u"Inbox tab"_s), qPrintable(compose->statusText()));
        QCOMPARE(field<QLineEdit>(compose, "subject")->text(), u"nobody home"_s);   // nothing lost
    }

    // Testing a mail client: any login, then failures on purpose. While failures are injected a
    // red mark says so; the list and the view show who logged in.
    void loginAndFailureInjection_markedAndShown()
    {
        Settings settings;
        InboxPanel inbox(settings);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        auto *startStop = field<QPushButton>(&inbox, "inboxStartStop");
        auto *auth = field<QComboBox>(&inbox, "inboxAuth");
        auto *failures = field<QLineEdit>(&inbox, "inboxFailures");
        auto *mark = field<QLabel>(&inbox, "inboxFailureMark");
        QVERIFY(!auth->isEnabled() && !failures->isEnabled());   // applied at Start: locked while running
        QVERIFY(mark->isHidden());
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!inbox.receiver()->isRunning(), kWaitMs);

        // A rule that is not one: said, and nothing starts.
        failures->setText(u"RCPT:250:50"_s);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(!inbox.receiver()->isRunning());
        QVERIFY2(inbox.statusText().contains(u"250"_s), qPrintable(inbox.statusText()));

        auth->setCurrentIndex(auth->findData(int(SmtpAuthMode::Any)));
        failures->setText(u"rcpt:451:100, MAIL:550:0"_s);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QVERIFY(!mark->isHidden());
        QCOMPARE(mark->text(), u"Failures injected: RCPT:451:100, MAIL:550:0"_s);
        QVERIFY2(inbox.statusText().contains(u"any login"_s), qPrintable(inbox.statusText()));
        Peer refused;
        QVERIFY(refused.startPython(u"smtp_login.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), u"student7"_s, u"pw"_s}));
        QVERIFY(refused.waitForFinished(kWaitMs));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(refused.process().readAllStandardOutput().startsWith("refused 451 4.3.0 RCPT failed on purpose"));

        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!inbox.receiver()->isRunning(), kWaitMs);
        QVERIFY(mark->isHidden());
        failures->clear();
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QVERIFY(mark->isHidden());
        QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
        Peer client;
        QVERIFY(client.startPython(u"smtp_login.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), u"student7"_s, u"pw"_s}));
        QVERIFY(arrived.wait(kWaitMs));
        QVERIFY(client.waitForFinished(kWaitMs));
        QCOMPARE(inbox.model()->index(0, InboxModel::Security).data().toString(), u"student7"_s);
        QVERIFY(open(inbox, 0));
        QVERIFY2(inbox.view()->headerText().contains(u"plain text (no TLS), logged in as student7"_s), qPrintable(inbox.view()->headerText()));
    }

    void portInUse_isSaidInWords_andAnotherPortWorks()
    {
        SmtpReceiver other;   // someone else on the port the settings name
        QSignalSpy started(&other, &SmtpReceiver::started);
        SmtpReceiverConfig config;
        config.endpoint = {u"127.0.0.1"_s, 0, {}};
        config.directory = m_dir.filePath(u"other"_s);
        QVERIFY(other.start(config));
        QVERIFY(started.wait(kWaitMs));
        Settings settings;
        settings.setInboxPort(other.port());

        InboxPanel inbox(settings);
        QTRY_VERIFY_WITH_TIMEOUT(!inbox.receiver()->isRunning(), kWaitMs);
        QVERIFY2(inbox.statusText().contains(u"in use"_s), qPrintable(inbox.statusText()));
        QVERIFY(field<QSpinBox>(&inbox, "inboxPort")->isEnabled());
        QCOMPARE(field<QPushButton>(&inbox, "inboxStartStop")->text(), u"Start"_s);

        field<QSpinBox>(&inbox, "inboxPort")->setValue(0);
        QTest::mouseClick(field<QPushButton>(&inbox, "inboxStartStop"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        QCOMPARE(field<QPushButton>(&inbox, "inboxStartStop")->text(), u"Stop"_s);
        QVERIFY(!field<QSpinBox>(&inbox, "inboxPort")->isEnabled());
    }
};

QTEST_MAIN(TestInboxPanel)
#include "tst_inboxpanel.moc"
