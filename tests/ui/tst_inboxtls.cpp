// Issue 10's "done when" for the inbox: the Inbox tab's Security turned on the way a user does it
// (the development certificate, any login, MAIL only after STARTTLS, a TLS port of its own), the
// compose window sends to it over STARTTLS with a login, its certificate trusted once through the
// dialog a user sees; the message arrives marked TLS with the user, and the password is nowhere.
// A broken certificate file is named and nothing starts; the choice is remembered.

#include "mailtestutil.h"

#include "composewindow.h"
#include "certificatedialog.h"
#include "inboxmodel.h"
#include "inboxpanel.h"
#include "mainwindow.h"
#include "messageview.h"
#include "settings.h"
#include "tlsserverfields.h"

#include "mail/smtpreceiver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace socketeer::ui;
using namespace testsupport;

namespace {

constexpr int kWaitMs = 30000;   // real sockets, threads and TLS handshakes on shared cores
const QString kSecret = u"inboxTlsSecret-5678"_s;

template <typename T>
T *field(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

void type(QWidget *window, const char *name, const QString &text)
{
    auto *edit = field<QLineEdit>(window, name);
    edit->clear();
    // QTest types ASCII only; other text goes in as an input method or a paste would put it.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

void chooseData(QWidget *window, const char *name, const QVariant &data)
{
    auto *combo = field<QComboBox>(window, name);
    combo->setCurrentIndex(combo->findData(data));
}

QByteArray everythingIn(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        all += readFile(it.next());
    return all;
}

// Stops the panel's receiver (it starts by itself) and waits until it has.
bool stopped(InboxPanel &panel)
{
    if (!panel.receiver()->isRunning())
        return true;
    QSignalSpy done(panel.receiver(), &SmtpReceiver::stopped);
    panel.stopReceiver();
    return done.wait(kWaitMs);
}

} // namespace

class TestInboxTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_inbox;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);   // the development certificate and trust store in a test folder
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_inboxtls"_s);
        m_inbox = m_dir.filePath(u"inbox"_s);
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_inbox);
    }

    void composeWindow_sendsOverStarttlsWithLogin_afterTrustingOnce()
    {
        Settings settings;
        InboxPanel panel(settings);
        panel.show();
        QVERIFY(stopped(panel));
        panel.tlsFields()->setMode(TlsServerFields::Mode::DevelopmentCertificate);
        chooseData(&panel, "inboxAuth", int(SmtpAuthMode::Any));
        field<QCheckBox>(&panel, "inboxRequireTls")->setChecked(true);
        field<QSpinBox>(&panel, "inboxImplicitTlsPort")->setValue(0);
        QSignalSpy listening(&panel, &InboxPanel::listeningChanged);
        QTest::mouseClick(field<QPushButton>(&panel, "inboxStartStop"), Qt::LeftButton);
        QVERIFY2(listening.wait(kWaitMs), qPrintable(panel.statusText()));
        const quint16 port = panel.listeningPort();
        QVERIFY(port != 0 && panel.implicitTlsPort() != 0 && panel.implicitTlsPort() != port);
        QVERIFY2(panel.statusText().contains(u"STARTTLS on port %1, TLS on port %2."_s.arg(port).arg(panel.implicitTlsPort())),
                 qPrintable(panel.statusText()));
        const QString fingerprint = panel.receiver()->config().tls ? field<QLabel>(&panel, "inboxFingerprint")->text() : QString();
        QVERIFY2(fingerprint.contains(QRegularExpression(u"([0-9A-F]{2}:){31}[0-9A-F]{2}"_s)), qPrintable(fingerprint));

        ComposeWindow window(settings, m_dir.filePath(u"draft.json"_s));
        window.show();
        chooseData(&window, "preset", u"custom"_s);
        type(&window, "host", u"localhost"_s);
        field<QSpinBox>(&window, "port")->setValue(port);
        chooseData(&window, "security", u"starttls"_s);
        type(&window, "user", u"pupil"_s);
        type(&window, "password", kSecret);
        type(&window, "caFile", QString());
        type(&window, "from", u"学生 <pupil@example.com>"_s);
        type(&window, "to", u"teacher@example.com"_s);
        type(&window, "subject", u"经 STARTTLS 登录后发送"_s);
        field<QPlainTextEdit>(&window, "body")->setPlainText(u"你好。\n"_s);

        // The development certificate is nobody's CA: refused and shown, then trusted by the user.
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        QSignalSpy arrived(&panel, &InboxPanel::messageArrived);
        QTest::mouseClick(field<QPushButton>(&window, "sendButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<CertificateDialog *>()) != nullptr, kWaitMs);
        QVERIFY2(dialog->informativeText().contains(fingerprint.right(95).left(47)), qPrintable(dialog->informativeText()));
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.takeFirst().first().toBool(), qPrintable(window.statusText() + u'\n' + window.transcriptText()));
        QVERIFY(arrived.count() == 1 || arrived.wait(kWaitMs));

        // The list says it came under TLS and who logged in; the stored dialogue has the STARTTLS step.
        const QString id = arrived.first().first().toString();
        const int row = panel.model()->rowOf(id);
        QVERIFY(row >= 0);
        const QString security = panel.model()->index(row, InboxModel::Security).data().toString();
        QVERIFY2(security.contains(u"TLS"_s) && security.contains(u"pupil"_s), qPrintable(security));
        const QJsonObject envelope = QJsonDocument::fromJson(readFile(panel.directory() + u'/' + id + u".json"_s)).object();
        QCOMPARE(envelope.value(u"tls"_s).toBool(), true);
        QVERIFY(envelope.value(u"tlsVersion"_s).toString().startsWith(u"TLSv1."_s));
        QCOMPARE(envelope.value(u"authUser"_s).toString(), u"pupil"_s);
        QStringList dialogue;
        for (const QJsonValue &line : envelope.value(u"transcript"_s).toArray())
            dialogue << line.toString();
        QVERIFY2(dialogue.contains(u"C: STARTTLS"_s) && dialogue.join(u'\n').contains(u"(TLS started"_s), qPrintable(dialogue.join(u'\n')));
        QVERIFY(window.transcriptText().contains(u"C: STARTTLS"_s));
        // Opened in the panel: its SMTP dialogue tab shows the STARTTLS step and the login, not the password.
        QSignalSpy shown(&panel, &InboxPanel::messageShown);
        panel.selectRow(row);
        QVERIFY(shown.wait(kWaitMs));
        const QString shownDialogue = panel.view()->dialogueText();
        QVERIFY2(shownDialogue.contains(u"C: STARTTLS"_s) && shownDialogue.contains(u"(TLS started"_s)
                     && shownDialogue.contains(u"C: AUTH"_s) && !shownDialogue.contains(kSecret),
                 qPrintable(shownDialogue));

        // The password: not in the compose window's dialogue, the panel, the store, the draft or the settings.
        QSettings().sync();
        const QByteArray everything = window.transcriptText().toUtf8() + window.statusText().toUtf8() + panel.statusText().toUtf8()
                                      + everythingIn(m_inbox) + everythingIn(m_dir.filePath(u"config"_s))
                                      + readFile(m_dir.filePath(u"draft.json"_s));
        // AUTH PLAIN's response is base64 of NUL user NUL password: written out with its length, as a
        // char literal would end at the first NUL.
        const QByteArray plainResponse = QByteArray("\0pupil\0", 7) + kSecret.toUtf8();
        for (const QByteArray &form : {kSecret.toUtf8(), kSecret.toUtf8().toBase64(), plainResponse.toBase64()})
            QVERIFY2(!everything.contains(form), form.constData());
        QVERIFY(stopped(panel));
    }

    // The security chosen last time comes back with the next panel, which starts with it.
    void securityIsRemembered()
    {
        Settings settings;
        InboxPanel panel(settings);
        QCOMPARE(panel.tlsFields()->mode(), TlsServerFields::Mode::DevelopmentCertificate);
        QVERIFY(field<QCheckBox>(&panel, "inboxRequireTls")->isChecked());
        QCOMPARE(field<QSpinBox>(&panel, "inboxImplicitTlsPort")->value(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(panel.listeningPort() != 0, kWaitMs);
        QVERIFY(panel.receiver()->config().tls && panel.receiver()->config().requireTls);
        QVERIFY(panel.implicitTlsPort() != 0);
        QVERIFY(stopped(panel));
    }

    // The compose window's "Local inbox" preset follows what the Inbox tab asks for: with TLS on
    // and a login required it uses STARTTLS and lets the login be typed; back to plain, no login.
    // A newcomer who turned TLS on never sees 530 "Must issue a STARTTLS command first".
    void localInboxPreset_followsTheInboxTabsSecurity()
    {
        Settings settings;
        MainWindow main(settings);
        InboxPanel &panel = *main.inboxPanel();
        QVERIFY(stopped(panel));
        panel.tlsFields()->setMode(TlsServerFields::Mode::DevelopmentCertificate);
        chooseData(&panel, "inboxAuth", int(SmtpAuthMode::Any));
        field<QCheckBox>(&panel, "inboxRequireTls")->setChecked(true);
        field<QSpinBox>(&panel, "inboxImplicitTlsPort")->setValue(-1);
        QSignalSpy listening(&panel, &InboxPanel::listeningChanged);
        QTest::mouseClick(field<QPushButton>(&panel, "inboxStartStop"), Qt::LeftButton);
        QVERIFY2(listening.wait(kWaitMs), qPrintable(panel.statusText()));
        const quint16 port = panel.listeningPort();

        main.openMail();
        ComposeWindow &window = *main.composeWindow();
        chooseData(&window, "preset", u"local"_s);
        QCOMPARE(field<QSpinBox>(&window, "port")->value(), int(port));
        QCOMPARE(field<QComboBox>(&window, "security")->currentData().toString(), u"starttls"_s);
        QVERIFY(field<QLineEdit>(&window, "user")->isEnabled());
        QVERIFY(field<QLineEdit>(&window, "password")->isEnabled());
        type(&window, "user", u"pupil"_s);
        type(&window, "password", kSecret);
        type(&window, "caFile", QString());
        type(&window, "from", u"pupil@example.com"_s);
        type(&window, "to", u"teacher@example.com"_s);
        type(&window, "subject", u"local preset"_s);
        field<QPlainTextEdit>(&window, "body")->setPlainText(u"hello\n"_s);
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        QSignalSpy arrived(&panel, &InboxPanel::messageArrived);
        QTest::mouseClick(field<QPushButton>(&window, "sendButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        if (!finished.first().first().toBool()) {   // not yet trusted (an earlier test may have)
            CertificateDialog *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<CertificateDialog *>()) != nullptr, kWaitMs);
            QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
            QVERIFY(finished.wait(kWaitMs));
        }
        QVERIFY2(finished.last().first().toBool(), qPrintable(window.statusText() + u'\n' + window.transcriptText()));
        QVERIFY(arrived.count() == 1 || arrived.wait(kWaitMs));
        const QJsonObject envelope =
            QJsonDocument::fromJson(readFile(panel.directory() + u'/' + arrived.first().first().toString() + u".json"_s)).object();
        QCOMPARE(envelope.value(u"tls"_s).toBool(), true);
        QCOMPARE(envelope.value(u"authUser"_s).toString(), u"pupil"_s);

        // Back to plain and no login: the preset follows again.
        QVERIFY(stopped(panel));
        panel.tlsFields()->setMode(TlsServerFields::Mode::None);
        chooseData(&panel, "inboxAuth", int(SmtpAuthMode::Off));
        listening.clear();
        QTest::mouseClick(field<QPushButton>(&panel, "inboxStartStop"), Qt::LeftButton);
        QVERIFY2(listening.wait(kWaitMs), qPrintable(panel.statusText()));
        QTRY_COMPARE(field<QComboBox>(&window, "security")->currentData().toString(), u"none"_s);
        QVERIFY(!field<QLineEdit>(&window, "user")->isEnabled());
        QCOMPARE(field<QSpinBox>(&window, "port")->value(), int(panel.listeningPort()));
        window.close();
    }

    // A certificate file that is no certificate: the status names it, nothing listens.
    void brokenCertificateFile_isNamed_nothingStarts()
    {
        const QString certificate = m_dir.filePath(u"not-a-cert.pem"_s);
        const QString key = m_dir.filePath(u"not-a-key.pem"_s);
        QVERIFY(writeFile(certificate, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n"));
        QVERIFY(writeFile(key, "not a key\n"));
        Settings settings;
        InboxPanel panel(settings);
        QTRY_VERIFY_WITH_TIMEOUT(panel.listeningPort() != 0, kWaitMs);
        QVERIFY(stopped(panel));
        panel.tlsFields()->setMode(TlsServerFields::Mode::CertificateFiles);
        panel.tlsFields()->certificateEdit()->setText(certificate);
        panel.tlsFields()->keyEdit()->setText(key);
        QTest::mouseClick(field<QPushButton>(&panel, "inboxStartStop"), Qt::LeftButton);
        QVERIFY2(panel.statusText().contains(certificate), qPrintable(panel.statusText()));
        QVERIFY(!panel.receiver()->isRunning());
        QCOMPARE(panel.listeningPort(), quint16(0));
        // Back to no TLS for whatever runs next with these settings.
        panel.tlsFields()->setMode(TlsServerFields::Mode::None);
        QSignalSpy listening(&panel, &InboxPanel::listeningChanged);
        panel.startReceiver();
        QVERIFY(listening.wait(kWaitMs));
        QVERIFY(!panel.receiver()->config().tls);
        QVERIFY(!panel.statusText().contains(u"STARTTLS"_s));
        QVERIFY(stopped(panel));
    }
};

QTEST_MAIN(TestInboxTls)
#include "tst_inboxtls.moc"
