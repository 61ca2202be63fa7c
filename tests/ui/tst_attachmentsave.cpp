// "Save as…" in the Inbox tab, for attachments whose names a hostile sender chose. Finding 7 of
// issue 9: the name offered in the save dialog is a base name in the Downloads folder — never
// the sender's path ("/home/u/.bashrc", "../x"), never with control or bidi characters, never a
// translated placeholder. The message arrives the way any mail does: by SMTP (Python's smtplib),
// into the panel's own receiver.

#include "mailtestutil.h"
#include "peer.h"

#include "inboxmodel.h"
#include "inboxpanel.h"
#include "messageview.h"
#include "settings.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using namespace testsupport;

namespace {

constexpr int kWaitMs = 20000;

// Attachments named as no mail program would name them. RFC 2231 (filename*=) carries the
// control and bidi characters; the sender's intent is in the comment of each part.
const QByteArray kHostileMail =
    "From: sender@example.com\r\n"
    "To: reader@example.com\r\n"
    "Subject: hostile names\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
    "\r\n"
    "--b\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "see attached\r\n"
    "--b\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Disposition: attachment; filename=\"/home/u/.bashrc\"\r\n"
    "\r\n"
    "rm -rf ~\r\n"
    "--b\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Disposition: attachment; filename=\"../x\"\r\n"
    "\r\n"
    "x\r\n"
    "--b\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe\r\n"
    "\r\n"
    "%PDF\r\n"
    "--b\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Disposition: attachment; filename*=utf-8''a%01b%1B%C2%9B.pdf\r\n"
    "\r\n"
    "%PDF\r\n"
    "--b\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Disposition: attachment; filename=\"..\"\r\n"
    "\r\n"
    "%PDF\r\n"
    "--b\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Disposition: attachment\r\n"
    "\r\n"
    "%PDF\r\n"
    "--b--\r\n";

} // namespace

class TestAttachmentSave : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A home of the test's own, with a Downloads folder the dialog can open (without one it
        // falls back to the working directory, and the user's real home is never touched).
        qputenv("HOME", QFile::encodeName(m_dir.filePath(u"home"_s)));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)));
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation).startsWith(m_dir.path()));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_attachmentsave"_s);
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
    }

    void saveAs_offersASafeNameInTheDownloadsFolder()
    {
        Settings settings;
        InboxPanel inbox(settings);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.listeningPort() != 0, kWaitMs);
        const QString eml = m_dir.filePath(u"hostile.eml"_s);
        QVERIFY(writeFile(eml, kHostileMail));
        QSignalSpy arrived(&inbox, &InboxPanel::messageArrived);
        Peer smtplib;
        QVERIFY(smtplib.startPython(u"smtp_send_raw.py"_s, {u"127.0.0.1"_s, QString::number(inbox.listeningPort()), eml}));
        QVERIFY(arrived.wait(kWaitMs));
        QVERIFY(smtplib.waitForFinished());

        QSignalSpy shown(&inbox, &InboxPanel::messageShown);
        inbox.selectRow(0);
        QVERIFY(shown.wait(kWaitMs));
        QTreeWidget *list = inbox.view()->attachmentList();
        QCOMPARE(list->topLevelItemCount(), 6);

        const QStringList expected{u"bashrc"_s, u"x"_s, u"invoicefdp.exe"_s, u"ab.pdf"_s, u"attachment.pdf"_s, u"attachment.pdf"_s};
        const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        auto *save = inbox.view()->findChild<QPushButton *>(u"saveAttachment"_s);
        QVERIFY(save);
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            list->setCurrentItem(list->topLevelItem(i));
            QVERIFY(save->isEnabled());
            // The view asks for the save with a name; the panel joins it to the Downloads folder
            // and opens the dialog there. Both are looked at: the name, then the dialog's file.
            QSignalSpy requested(inbox.view(), &MessageView::saveRequested);
            QString offered;
            QTimer poll;
            connect(&poll, &QTimer::timeout, this, [&] {
                for (QWidget *widget : QApplication::topLevelWidgets()) {
                    if (auto *dialog = qobject_cast<QFileDialog *>(widget); dialog && dialog->isVisible()) {
                        offered = dialog->selectedFiles().value(0);
                        dialog->reject();   // nothing is written
                    }
                }
            });
            poll.start(20);
            QTest::mouseClick(save, Qt::LeftButton);   // returns once the dialog is closed
            poll.stop();
            QCOMPARE(requested.size(), 1);
            const QString name = requested.at(0).at(1).toString();
            QCOMPARE(name, expected.at(i));
            QVERIFY2(!offered.isEmpty(), "no save dialog was shown");
            QCOMPARE(QFileInfo(offered).fileName(), expected.at(i));
            QCOMPARE(QFileInfo(offered).absolutePath(), QFileInfo(QDir(downloads).filePath(name)).absolutePath());
        }
    }
};

QTEST_MAIN(TestAttachmentSave)
#include "tst_attachmentsave.moc"
