// The compose-mail window, driven as a user drives it (offscreen), sending to Debian's aiosmtpd
// (tests/peers/smtp_sink.py) with certificates made by openssl: the tutorial's mail through
// STARTTLS with a login, read back by Python's email package; the draft surviving a failed send
// and a restart (and never holding the password); fields checked as typed; provider presets;
// attachments dropped on the window; a certificate shown and trusted; Cancel; the Code pane's
// Python program sending the same mail (Bcc hidden, password from the environment) to the sink.

#include "codetestutil.h"
#include "mailtestutil.h"
#include "peer.h"

#include "addressinputs.h"
#include "attachmentlist.h"
#include "certificatedialog.h"
#include "codedock.h"
#include "composewindow.h"
#include "mainwindow.h"
#include "settings.h"

#include "tcp/tcpserver.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace socketeer;
using namespace socketeer::ui;
using namespace testsupport;

namespace {

const QString kUser = QStringLiteral("student@example.com");
const QString kSecret = QStringLiteral("Auth-Code-9876");

template <typename T>
T *field(QWidget *window, const char *name)
{
    auto *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no field %s", name);
    return widget;
}

void type(QWidget *window, const char *name, const QString &text)
{
    auto *line = field<QLineEdit>(window, name);
    line->clear();
    // QTest types ASCII only; other text goes in as an input method or a paste would put it.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(line, text);
    else
        line->insert(text);
}

void chooseData(QWidget *window, const char *name, const QString &data)
{
    auto *combo = field<QComboBox>(window, name);
    combo->setCurrentIndex(combo->findData(data));
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

} // namespace

class TestComposeWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCertificates m_certs;
    QString m_out;
    QString m_draft;

    quint16 startSink(Peer &sink, const QStringList &arguments, bool selfSigned = false)
    {
        const QStringList all{m_out, QStringLiteral("--cert"), selfSigned ? m_certs.selfSignedPem : m_certs.serverPem,
                              QStringLiteral("--key"), selfSigned ? m_certs.selfSignedKey : m_certs.serverKey};
        return sink.startPython(QStringLiteral("smtp_sink.py"), all + arguments) ? sink.readListeningPort() : 0;
    }

    // The account and a message with every kind of field filled in, typed.
    void fillIn(ComposeWindow &window, quint16 port, const QString &security)
    {
        chooseData(&window, "preset", QStringLiteral("custom"));
        type(&window, "host", QStringLiteral("127.0.0.1"));
        field<QSpinBox>(&window, "port")->setValue(port);
        chooseData(&window, "security", security);
        type(&window, "user", kUser);
        type(&window, "password", kSecret);
        type(&window, "caFile", m_certs.caPem);
        type(&window, "from", QStringLiteral("王大锤 <student@example.com>"));
        type(&window, "to", QStringLiteral("张三 <zhang@example.com>, li@example.com"));
        type(&window, "cc", QStringLiteral("\"Copy, Dept.\" <cc@example.com>"));
        type(&window, "bcc", QStringLiteral("hidden@example.com"));
        type(&window, "subject", QStringLiteral("测试邮件 — 月报"));
        field<QPlainTextEdit>(&window, "body")->setPlainText(QStringLiteral("各位好，\n.附件是本月的汇总数据。\n"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);   // the default draft never lands in the tester's home
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_composewindow"));
        QVERIFY(m_dir.isValid());
        QVERIFY(makeTestCertificates(m_dir.path(), &m_certs));
        // The main window starts the local inbox: on a free port, never the user's 2525.
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(QStringLiteral("inbox")));
    }

    void init()
    {
        const QString name = QString::fromLatin1(QTest::currentTestFunction());
        m_out = m_dir.filePath(QStringLiteral("out-") + name);
        QDir(m_out).removeRecursively();
        QVERIFY(QDir().mkpath(m_out));
        m_draft = m_dir.filePath(QStringLiteral("drafts/%1.json").arg(name));
    }

    void sendsTheTutorialsMailThroughStarttls()
    {
        const QString attachment = m_dir.filePath(QStringLiteral("汇总数据.xlsx"));
        const QByteArray bytes = randomBytes(180 * 1024);
        QVERIFY(writeFile(attachment, bytes));
        Peer sink;
        const quint16 port = startSink(sink, {QStringLiteral("--starttls"), QStringLiteral("--auth"), kUser + u':' + kSecret});
        QVERIFY(port != 0);

        Settings settings;
        ComposeWindow window(settings, m_draft);
        window.show();
        fillIn(window, port, QStringLiteral("starttls"));
        window.attachFiles({attachment});
        QCOMPARE(window.attachments()->files(), QStringList(attachment));
        QVERIFY2(window.problem().isEmpty(), qPrintable(window.problem()));

        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        QTest::mouseClick(field<QPushButton>(&window, "sendButton"), Qt::LeftButton);
        QVERIFY(window.isSending());
        QVERIFY(!field<QLineEdit>(&window, "subject")->isEnabled());   // nothing changes under the sender
        QVERIFY(field<QPushButton>(&window, "cancelButton")->isEnabled());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(window.statusText() + u'\n' + window.transcriptText()));
        QVERIFY(window.statusText().contains(QStringLiteral("accepted")));
        QCOMPARE(field<QProgressBar>(&window, "progress")->value(), 1000);

        const QJsonObject envelope = readJson(m_out + QStringLiteral("/envelope.json"));
        QCOMPARE(envelope.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(envelope.value(QStringLiteral("auth")).toArray(), QJsonArray({QStringLiteral("PLAIN"), kUser}));
        QCOMPARE(envelope.value(QStringLiteral("rcpt_tos")).toArray().size(), 4);
        const QJsonObject mail = inspectMail(m_out + QStringLiteral("/message.eml"));
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(), QStringLiteral("测试邮件 — 月报"));
        QCOMPARE(mail.value(QStringLiteral("cc")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Copy, Dept."));
        const QJsonObject attached = mail.value(QStringLiteral("attachments")).toArray().first().toObject();
        QCOMPARE(attached.value(QStringLiteral("filename")).toString(), QStringLiteral("汇总数据.xlsx"));
        QCOMPARE(attached.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(bytes));

        // The dialogue is shown, the secret is not.
        const QString transcript = window.transcriptText();
        QVERIFY(transcript.contains(QStringLiteral("C: STARTTLS")));
        QVERIFY(transcript.contains(QStringLiteral("C: AUTH PLAIN ********")));
        QVERIFY(!transcript.contains(kSecret));
        QVERIFY(!transcript.contains(QString::fromLatin1(kSecret.toUtf8().toBase64())));

        // Sent: a fresh message from the same account and sender.
        QVERIFY(field<QLineEdit>(&window, "to")->text().isEmpty());
        QVERIFY(field<QLineEdit>(&window, "subject")->text().isEmpty());
        QCOMPARE(window.attachments()->topLevelItemCount(), 0);
        QCOMPARE(field<QLineEdit>(&window, "from")->text(), QStringLiteral("王大锤 <student@example.com>"));
        QVERIFY(field<QLineEdit>(&window, "subject")->isEnabled());
    }

    // "Show me the code" for the compose window: the program beside the fields is smtplib doing
    // what Send does — STARTTLS verified against the CA field, the login with the password from
    // the environment (never written into the program), To, Cc and a Bcc that reaches its
    // recipient without a header, the body (a line starting with a dot included) and a Chinese
    // attachment name. Python runs it against aiosmtpd, and Python's email package reads it back.
    void codePaneProgramSendsTheSameMail()
    {
        const QString attachment = m_dir.filePath(QStringLiteral("本月数据.xlsx"));
        const QByteArray bytes = randomBytes(60 * 1024);
        QVERIFY(writeFile(attachment, bytes));
        Peer sink;
        const quint16 port = startSink(sink, {QStringLiteral("--starttls"), QStringLiteral("--auth"), kUser + u':' + kSecret});
        QVERIFY(port != 0);

        Settings settings;
        ComposeWindow window(settings, m_draft);
        window.show();
        fillIn(window, port, QStringLiteral("starttls"));
        window.attachFiles({attachment});
        CodeDock *code = window.codeView();
        QVERIFY(!code->isVisible());
        QCOMPARE(window.codeButton()->shortcut(), QKeySequence(Qt::Key_F7));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F7);
        QTRY_VERIFY(window.codeButton()->isChecked());   // a shortcut animates the click
        QTRY_VERIFY(code->isVisible());
        QTRY_VERIFY2(!code->code().isEmpty(), qPrintable(code->problem()));
        QVERIFY(!code->code().contains(kSecret));   // the password stays in the window
        QVERIFY(code->code().contains(QStringLiteral("SMTP_PASSWORD")));
        QVERIFY(code->code().contains(QStringLiteral("smtp.starttls(context=context)")));

        const QString program = m_out + QStringLiteral("/send_mail.py");
        QVERIFY2(code->saveTo(program), qPrintable(code->statusText()));
        Peer python;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SMTP_PASSWORD"), kSecret);
        python.process().setProcessEnvironment(environment);
        QVERIFY(python.startProgram(QStringLiteral("/usr/bin/python3"), {program}));
        python.closeWrite();
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.standardError().constData());

        const QJsonObject envelope = readJson(m_out + QStringLiteral("/envelope.json"));
        QCOMPARE(envelope.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(envelope.value(QStringLiteral("auth")).toArray(), QJsonArray({QStringLiteral("PLAIN"), kUser}));
        const QJsonArray recipients = envelope.value(QStringLiteral("rcpt_tos")).toArray();
        QCOMPARE(recipients.size(), 4);
        QVERIFY(recipients.contains(QStringLiteral("hidden@example.com")));
        const QJsonObject mail = inspectMail(m_out + QStringLiteral("/message.eml"));
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(), QStringLiteral("测试邮件 — 月报"));
        QCOMPARE(mail.value(QStringLiteral("from")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("王大锤"));
        QCOMPARE(mail.value(QStringLiteral("to")).toArray().size(), 2);
        QCOMPARE(mail.value(QStringLiteral("cc")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Copy, Dept."));
        QVERIFY(mail.value(QStringLiteral("bcc")).toArray().isEmpty());
        QVERIFY(!mail.value(QStringLiteral("headers")).toArray().contains(QStringLiteral("Bcc")));
        QCOMPARE(mail.value(QStringLiteral("body")).toString().replace(QStringLiteral("\r\n"), QStringLiteral("\n")),
                 QStringLiteral("各位好，\n.附件是本月的汇总数据。\n"));   // the dot line survives the stuffing
        const QJsonObject attached = mail.value(QStringLiteral("attachments")).toArray().first().toObject();
        QCOMPARE(attached.value(QStringLiteral("filename")).toString(), QStringLiteral("本月数据.xlsx"));
        QCOMPARE(attached.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(bytes));

        // The same mail from the C program of the same fields, the body written into it.
        code->setLanguage(CodeLanguage::C);
        QTRY_VERIFY2(code->code().contains(QStringLiteral("static const char BODY[]")), qPrintable(code->problem()));
        QVERIFY(!code->code().contains(kSecret));
        const QString cProgram = m_out + QStringLiteral("/send_mail.c");
        QVERIFY2(code->saveTo(cProgram), qPrintable(code->statusText()));
        const QString binary = compileC(cProgram);
        QVERIFY(!binary.isEmpty());
        QFile::remove(m_out + QStringLiteral("/message.eml"));
        Peer c;
        c.process().setProcessEnvironment(environment);
        QVERIFY(c.startProgram(binary, {}));
        QVERIFY(c.waitForFinished(30000));
        QVERIFY2(c.exitCode() == 0, c.standardError().constData());
        const QJsonObject cEnvelope = readJson(m_out + QStringLiteral("/envelope.json"));
        QCOMPARE(cEnvelope.value(QStringLiteral("auth")).toArray(), QJsonArray({QStringLiteral("PLAIN"), kUser}));
        QVERIFY(cEnvelope.value(QStringLiteral("rcpt_tos")).toArray().contains(QStringLiteral("hidden@example.com")));
        const QJsonObject cMail = inspectMail(m_out + QStringLiteral("/message.eml"));
        QCOMPARE(cMail.value(QStringLiteral("subject")).toString(), QStringLiteral("测试邮件 — 月报"));
        QVERIFY(!cMail.value(QStringLiteral("headers")).toArray().contains(QStringLiteral("Bcc")));
        QCOMPARE(cMail.value(QStringLiteral("body")).toString().replace(QStringLiteral("\r\n"), QStringLiteral("\n")),
                 QStringLiteral("各位好，\n.附件是本月的汇总数据。\n"));
        QCOMPARE(cMail.value(QStringLiteral("attachments")).toArray().first().toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
                 sha256Hex(bytes));
        QVERIFY(cMail.value(QStringLiteral("defects")).toArray().isEmpty());
        code->setLanguage(CodeLanguage::Python);

        // A field that is not valid: the pane says which, and offers nothing to copy.
        type(&window, "to", QStringLiteral("li@@example.com"));
        QTRY_VERIFY(!code->problem().isEmpty());
        QVERIFY2(code->problem().contains(QStringLiteral("To")), qPrintable(code->problem()));
        QVERIFY(!code->copyButton()->isEnabled());
        QTest::mouseClick(window.codeButton(), Qt::LeftButton);
        QTRY_VERIFY(!code->isVisible());
    }

    // Finding 3 of issue 9: a server that resets the connection when LOGIN asks for the password
    // (the step whose line is nothing but the base64 password), in clear and over TLS. The status
    // line, the dialogue and the draft on disk show no form of the secret.
    void droppedLoginShowsNoSecret_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("security");
        for (const char *where : {"prompt-password", "after-password", "prompt-user"}) {
            QTest::addRow("%s clear", where) << QString::fromLatin1(where) << QStringLiteral("none");
            QTest::addRow("%s tls", where) << QString::fromLatin1(where) << QStringLiteral("tls");
        }
    }

    void droppedLoginShowsNoSecret()
    {
        QFETCH(QString, where);
        QFETCH(QString, security);
        QStringList arguments;
        if (security == QLatin1String("tls"))
            arguments << QStringLiteral("--cert") << m_certs.serverPem << QStringLiteral("--key") << m_certs.serverKey;
        Peer server;
        QVERIFY(server.startPython(QStringLiteral("smtp_hostile.py"), arguments << QStringLiteral("drop:") + where));
        const quint16 port = server.readListeningPort();
        QVERIFY(port != 0);
        Settings settings;
        ComposeWindow window(settings, m_draft);
        fillIn(window, port, security);
        chooseData(&window, "authMethod", QStringLiteral("login"));
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        window.send();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        bool ok = false;
        QCOMPARE(server.readLine(10000, &ok), QByteArray("dropped"));
        QVERIFY2(window.statusText().contains(QStringLiteral("AUTH")), qPrintable(window.statusText()));
        const QByteArray secret = kSecret.toUtf8();
        const QStringList forms{kSecret, QString::fromLatin1(secret.toBase64())};
        const QString draft = QString::fromUtf8(readFile(m_draft));
        for (const QString &form : forms) {
            QVERIFY2(!window.statusText().contains(form), qPrintable(window.statusText()));
            QVERIFY2(!window.transcriptText().contains(form), qPrintable(window.transcriptText()));
            QVERIFY2(!draft.contains(form), qPrintable(draft));
        }
        server.closeWrite();
    }

    void draftSurvivesAFailedSendAndARestart()
    {
        // A port with nothing listening: bind one, note it, close it.
        TcpServer probe;
        QSignalSpy started(&probe, &TcpServer::started);
        probe.start({});
        QVERIFY(started.wait(5000));
        const quint16 port = started.at(0).at(1).value<quint16>();
        probe.stopAndWait();

        const QString attachment = m_dir.filePath(QStringLiteral("报告.pdf"));
        QVERIFY(writeFile(attachment, "%PDF-1.4 small"));
        Settings settings;
        {
            ComposeWindow window(settings, m_draft);
            fillIn(window, port, QStringLiteral("none"));
            window.attachFiles({attachment});
            QSignalSpy finished(&window, &ComposeWindow::sendFinished);
            window.send();
            QVERIFY(finished.wait(20000));
            QCOMPARE(finished.first().first().toBool(), false);
            QVERIFY2(window.statusText().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(window.statusText()));
            // Nothing was lost: the fields are as they were, ready to try again.
            QCOMPARE(field<QLineEdit>(&window, "subject")->text(), QStringLiteral("测试邮件 — 月报"));
            QVERIFY(field<QPushButton>(&window, "sendButton")->isEnabled());
        }
        // The draft file never holds the password, in any form.
        const QByteArray onDisk = readFile(m_draft);
        QVERIFY(onDisk.contains("hidden@example.com"));
        QVERIFY(!onDisk.contains(kSecret.toUtf8()));
        QVERIFY(!onDisk.contains(kSecret.toUtf8().toBase64()));

        ComposeWindow reopened(settings, m_draft);
        QCOMPARE(field<QLineEdit>(&reopened, "host")->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(field<QSpinBox>(&reopened, "port")->value(), int(port));
        QCOMPARE(field<QComboBox>(&reopened, "security")->currentData().toString(), QStringLiteral("none"));
        QCOMPARE(field<QLineEdit>(&reopened, "user")->text(), kUser);
        QVERIFY(field<QLineEdit>(&reopened, "password")->text().isEmpty());
        QCOMPARE(field<QLineEdit>(&reopened, "from")->text(), QStringLiteral("王大锤 <student@example.com>"));
        QCOMPARE(field<QLineEdit>(&reopened, "to")->text(), QStringLiteral("张三 <zhang@example.com>, li@example.com"));
        QCOMPARE(field<QLineEdit>(&reopened, "cc")->text(), QStringLiteral("\"Copy, Dept.\" <cc@example.com>"));
        QCOMPARE(field<QLineEdit>(&reopened, "bcc")->text(), QStringLiteral("hidden@example.com"));
        QCOMPARE(field<QLineEdit>(&reopened, "subject")->text(), QStringLiteral("测试邮件 — 月报"));
        QCOMPARE(field<QPlainTextEdit>(&reopened, "body")->toPlainText(), QStringLiteral("各位好，\n.附件是本月的汇总数据。\n"));
        QCOMPARE(reopened.attachments()->files(), QStringList(attachment));
    }

    void draftIsOnDiskWhileTyping()
    {
        // As if the app were killed: no send, no close, only typing; the file follows.
        Settings settings;
        ComposeWindow window(settings, m_draft);
        type(&window, "subject", QStringLiteral("还没写完"));
        QTRY_VERIFY_WITH_TIMEOUT(readFile(m_draft).contains("还没写完"), 5000);
        ComposeWindow second(settings, m_draft);
        QCOMPARE(field<QLineEdit>(&second, "subject")->text(), QStringLiteral("还没写完"));
    }

    void fieldsAreCheckedAsTyped()
    {
        Settings settings;
        ComposeWindow window(settings, m_draft);
        fillIn(window, 25, QStringLiteral("starttls"));
        QVERIFY2(window.problem().isEmpty(), qPrintable(window.problem()));
        QVERIFY(field<QPushButton>(&window, "sendButton")->isEnabled());

        type(&window, "to", QStringLiteral("zhang@example.com, bob"));
        QVERIFY(window.problem().contains(QStringLiteral("bob")));
        QVERIFY(field<QLineEdit>(&window, "to")->property("invalid").toBool());
        QVERIFY(!field<QPushButton>(&window, "sendButton")->isEnabled());
        QVERIFY(window.statusText().contains(QStringLiteral("bob")));

        type(&window, "to", QStringLiteral("zhang@example.com, bob@example.com"));
        QVERIFY(!field<QLineEdit>(&window, "to")->property("invalid").toBool());
        QVERIFY(field<QPushButton>(&window, "sendButton")->isEnabled());

        // A line break pasted into the subject would start a header of its own.
        field<QLineEdit>(&window, "subject")->setText(QStringLiteral("hi\r\nBcc: victim@example.com"));
        QVERIFY(field<QLineEdit>(&window, "subject")->property("invalid").toBool());
        QVERIFY(!field<QPushButton>(&window, "sendButton")->isEnabled());
        field<QLineEdit>(&window, "subject")->setText(QStringLiteral("hi"));

        type(&window, "host", QString());
        QVERIFY(window.problem().startsWith(QStringLiteral("Server")));
        type(&window, "host", QStringLiteral("127.0.0.1"));

        // A login needs its password; the window says so instead of asking the server.
        type(&window, "password", QString());
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        window.send();
        QCOMPARE(finished.size(), 1);
        QVERIFY(window.statusText().contains(QStringLiteral("password"), Qt::CaseInsensitive));
        QVERIFY(!window.isSending());
    }

    void presetsFillTheAccount()
    {
        Settings settings;
        ComposeWindow window(settings, m_draft);
        chooseData(&window, "preset", QStringLiteral("qq"));
        QCOMPARE(field<QLineEdit>(&window, "host")->text(), QStringLiteral("smtp.qq.com"));
        QCOMPARE(field<QSpinBox>(&window, "port")->value(), 465);
        QCOMPARE(field<QComboBox>(&window, "security")->currentData().toString(), QStringLiteral("tls"));
        QVERIFY(field<QLabel>(&window, "presetNote")->text().contains(QStringLiteral("authorization code")));
        chooseData(&window, "preset", QStringLiteral("gmail"));
        QCOMPARE(field<QLineEdit>(&window, "host")->text(), QStringLiteral("smtp.gmail.com"));
        QCOMPARE(field<QSpinBox>(&window, "port")->value(), 587);
        QCOMPARE(field<QComboBox>(&window, "security")->currentData().toString(), QStringLiteral("starttls"));
        QVERIFY(field<QLabel>(&window, "presetNote")->text().contains(QStringLiteral("app password")));
        // Typing another server makes it "Other server".
        QTest::keyClicks(field<QLineEdit>(&window, "host"), QStringLiteral(".local"));
        QCOMPARE(field<QComboBox>(&window, "preset")->currentData().toString(), QStringLiteral("custom"));
    }

    void filesDroppedOnTheWindowAreAttached()
    {
        const QString a = m_dir.filePath(QStringLiteral("汇总数据.xlsx"));
        const QString b = m_dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(a, QByteArray(3000, 'x')));
        QVERIFY(writeFile(b, "hello\n"));
        Settings settings;
        ComposeWindow window(settings, m_draft);
        window.show();
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(b), QUrl::fromLocalFile(m_dir.path())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QCOMPARE(window.attachments()->files(), QStringList({a, b}));
        QCOMPARE(window.attachments()->totalBytes(), qint64(3006));
        QCOMPARE(window.attachments()->topLevelItem(1)->data(2, Qt::UserRole).toString(), QStringLiteral("text/plain"));
        QVERIFY(!window.attachments()->topLevelItem(1)->text(2).isEmpty());
        // The folder is refused with the reason, not skipped in silence.
        QVERIFY2(window.statusText().contains(QStringLiteral("folder")), qPrintable(window.statusText()));
        QVERIFY(field<QLabel>(&window, "attachmentTotal")->text().contains(QStringLiteral("2")));
    }

    void untrustedCertificateIsShownAndCanBeTrusted()
    {
        Peer sink;
        const quint16 port = startSink(sink, {QStringLiteral("--implicit-tls")}, true);
        QVERIFY(port != 0);
        Settings settings;
        ComposeWindow window(settings, m_draft);
        window.show();
        fillIn(window, port, QStringLiteral("tls"));
        type(&window, "user", QString());
        type(&window, "caFile", QString());
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        window.send();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QVERIFY(window.statusText().contains(QStringLiteral("certificate")));
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<CertificateDialog *>()) != nullptr);
        QVERIFY(dialog->informativeText().contains(pemFingerprint(m_certs.selfSignedPem).left(47)));
        QVERIFY(!QFile::exists(m_out + QStringLiteral("/message.eml")));

        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.takeFirst().first().toBool(), qPrintable(window.statusText()));
        QVERIFY(QFile::exists(m_out + QStringLiteral("/message.eml")));
        QCOMPARE(settings.trustedCertificates(QStringLiteral("127.0.0.1:%1").arg(port)),
                 QStringList(pemFingerprint(m_certs.selfSignedPem)));
    }

    void cancelStopsAStalledSend()
    {
        Peer silent;
        QVERIFY(silent.startPython(QStringLiteral("smtp_sink.py"), {QStringLiteral("--silent")}));
        const quint16 port = silent.readListeningPort();
        QVERIFY(port != 0);
        Settings settings;
        ComposeWindow window(settings, m_draft);
        window.show();
        fillIn(window, port, QStringLiteral("starttls"));
        QSignalSpy finished(&window, &ComposeWindow::sendFinished);
        window.send();
        bool ok = false;
        QCOMPARE(silent.readLine(10000, &ok), QByteArray("connected"));
        QTest::mouseClick(field<QPushButton>(&window, "cancelButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(window.statusText().contains(QStringLiteral("cancelled")), qPrintable(window.statusText()));
        QVERIFY(!window.isSending());
        QCOMPARE(field<QLineEdit>(&window, "subject")->text(), QStringLiteral("测试邮件 — 月报"));
        silent.closeWrite();
    }

    void mainWindowOpensOneComposeWindow()
    {
        Settings settings;
        MainWindow main(settings);
        QVERIFY(!main.composeWindow());
        main.openMail();
        ComposeWindow *compose = main.composeWindow();
        QVERIFY(compose);
        QVERIFY(compose->isVisible());
        compose->close();
        main.openMail();
        QCOMPARE(main.composeWindow(), compose);
    }
};

QTEST_MAIN(TestComposeWindow)
#include "tst_composewindow.moc"
