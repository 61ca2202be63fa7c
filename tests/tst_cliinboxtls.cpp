// `socketeer inbox --implicit-tls-port`: SMTPS (RFC 8314) beside the plain port, against clients
// this project did not write. swaks --tlsc and curl's smtps:// log in and deliver over implicit
// TLS, curl --ssl-reqd over STARTTLS on the plain port, and the stored bodies are byte for byte
// what curl uploaded; a plain client on the TLS port is dropped without disturbing the others.

#include "clipeer.h"
#include "mailtestutil.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// The inbox with both ports and the development certificate made in `dataHome`.
struct TlsInbox {
    Cli cli;
    quint16 port = 0;
    quint16 tlsPort = 0;
    QString certificate;   // the development certificate's PEM, for the clients' --cacert
};

bool startTlsInbox(TlsInbox &inbox, const QString &dir, const QString &dataHome, const QStringList &more = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dataHome);
    inbox.cli.process().setProcessEnvironment(environment);
    if (!inbox.cli.start(QStringList{u"inbox"_s, u"--port"_s, u"0"_s, u"--implicit-tls-port"_s, u"0"_s, u"--dir"_s, dir} + more))
        return false;
    inbox.port = inbox.cli.readPortLine("listening on");
    inbox.tlsPort = inbox.cli.readPortLine("listening with TLS on");
    if (inbox.port == 0 || inbox.tlsPort == 0 || inbox.port == inbox.tlsPort || !inbox.cli.waitForError("SHA-256 fingerprint ")) {
        qWarning("inbox did not start: %s", inbox.cli.errors().constData());
        return false;
    }
    // "TLS certificate PATH, SHA-256 fingerprint AB:…"
    const QByteArray errors = inbox.cli.errors();
    const qsizetype at = errors.indexOf("TLS certificate ");
    const qsizetype end = errors.indexOf(", SHA-256 fingerprint", at);
    if (at < 0 || end < 0)
        return false;
    inbox.certificate = QString::fromUtf8(errors.mid(at + 16, end - at - 16));
    return QFile::exists(inbox.certificate);
}

// The id of the next "received ID from …" line.
QString nextReceived(Cli &inbox)
{
    bool ok = false;
    const QByteArray line = inbox.readLine(20000, &ok);
    if (!ok || !line.startsWith("received ")) {
        qWarning("no received line: %s / %s", line.constData(), inbox.errors().constData());
        return {};
    }
    return QString::fromUtf8(line.split(' ').at(1));
}

QJsonObject envelopeOf(const QString &dir, const QString &id)
{
    return QJsonDocument::fromJson(readFile(dir + u'/' + id + u".json"_s)).object();
}

// Every byte the inbox wrote into `dir`.
QByteArray everythingIn(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        all += readFile(it.next());
    return all;
}

int runCurl(const QStringList &arguments, QByteArray *said)
{
    Peer curl;
    if (!curl.startProgram(u"curl"_s, arguments) || !curl.waitForFinished(30000))
        return -1;
    *said = curl.process().readAllStandardOutput() + curl.standardError();
    return curl.exitCode();
}

} // namespace

class TestCliInboxTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (!Peer::haveProgram(u"swaks"_s) || !Peer::haveProgram(u"curl"_s))
            QSKIP("swaks and curl are the peers here (scripts/install-deps.sh installs them)");
    }

    // swaks --tlsc: TLS first, then a greeting; EHLO offers AUTH but no STARTTLS (TLS is on
    // already); the login is recorded, the envelope says TLS with its version and cipher.
    void swaksImplicitTls_authDelivers_envelopeSaysTls()
    {
        const QString dir = m_tmp.filePath(u"swaks"_s);
        TlsInbox inbox;
        QVERIFY(startTlsInbox(inbox, dir, m_tmp.filePath(u"home-swaks"_s), {u"--auth"_s, u"any"_s, u"--require-tls"_s}));
        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(inbox.tlsPort), u"--tlsc"_s,
                                               u"--auth"_s, u"PLAIN"_s, u"--auth-user"_s, u"pupil"_s, u"--auth-password"_s,
                                               u"swaksSecret987"_s, u"--from"_s, u"a@example.com"_s, u"--to"_s, u"b@example.com"_s}));
        QVERIFY(swaks.waitForFinished(30000));
        const QByteArray said = swaks.process().readAllStandardOutput();
        QVERIFY2(swaks.exitCode() == 0, said.constData());
        QVERIFY2(said.contains("AUTH PLAIN LOGIN") || said.contains("AUTH LOGIN PLAIN"), said.constData());
        QVERIFY2(!said.contains("STARTTLS"), said.constData());
        const QString id = nextReceived(inbox.cli);
        QVERIFY(!id.isEmpty());
        const QJsonObject envelope = envelopeOf(dir, id);
        QCOMPARE(envelope.value(u"tls"_s).toBool(), true);
        QVERIFY(envelope.value(u"tlsVersion"_s).toString().startsWith(u"TLSv1."_s));
        QVERIFY(!envelope.value(u"tlsCipher"_s).toString().isEmpty());
        QCOMPARE(envelope.value(u"authUser"_s).toString(), u"pupil"_s);
        const QStringList dialogue = envelope.value(u"transcript"_s).toVariant().toStringList();
        QVERIFY2(!dialogue.isEmpty() && dialogue.first().startsWith(u"S: (TLS from the start: TLSv1."_s), qPrintable(dialogue.join(u'\n')));
        QVERIFY(inbox.cli.stopsCleanlyOn(SIGTERM));
        QVERIFY(!everythingIn(dir).contains("swaksSecret987"));
        QVERIFY(!inbox.cli.errors().contains("swaksSecret987"));
    }

    // curl's SMTP client, verifying the development certificate: STARTTLS (--ssl-reqd) on the
    // plain port and smtps:// on the other, both logged in; the stored messages end with exactly
    // the bytes uploaded (a dot-leading line, UTF-8, CRLF), the password nowhere.
    void curlStarttlsAndSmtps_deliverByteIdenticalBodies()
    {
        const QString dir = m_tmp.filePath(u"curl"_s);
        const QString users = m_tmp.filePath(u"users"_s);
        QVERIFY(writeFile(users, "teacher:curlSecret4321\n"));
        TlsInbox inbox;
        QVERIFY(startTlsInbox(inbox, dir, m_tmp.filePath(u"home-curl"_s), {u"--auth"_s, users}));
        const QByteArray body = "From: a@example.com\r\nTo: b@example.com\r\nSubject: curl\r\n\r\n"
                                "第一行。\r\n.a line that starts with a dot\r\n\r\nlast line\r\n";
        const QString file = m_tmp.filePath(u"curl-body.eml"_s);
        QVERIFY(writeFile(file, body));
        const QStringList common{u"--silent"_s, u"--show-error"_s, u"--mail-from"_s, u"a@example.com"_s, u"--mail-rcpt"_s,
                                 u"b@example.com"_s, u"--upload-file"_s, file, u"--cacert"_s, inbox.certificate,
                                 u"--user"_s, u"teacher:curlSecret4321"_s};
        QByteArray said;
        QVERIFY2(runCurl(QStringList{u"--ssl-reqd"_s, u"smtp://127.0.0.1:%1"_s.arg(inbox.port)} + common, &said) == 0, said.constData());
        const QString viaStartTls = nextReceived(inbox.cli);
        QVERIFY2(runCurl(QStringList{u"smtps://127.0.0.1:%1"_s.arg(inbox.tlsPort)} + common, &said) == 0, said.constData());
        const QString viaImplicit = nextReceived(inbox.cli);
        QVERIFY(!viaStartTls.isEmpty() && !viaImplicit.isEmpty());
        for (const QString &id : {viaStartTls, viaImplicit}) {
            const QByteArray stored = readFile(dir + u'/' + id + u".eml"_s);
            QVERIFY2(stored.endsWith(body) && stored.startsWith("Received: "), stored.constData());
            const QJsonObject envelope = envelopeOf(dir, id);
            QCOMPARE(envelope.value(u"tls"_s).toBool(), true);
            QCOMPARE(envelope.value(u"authUser"_s).toString(), u"teacher"_s);
        }
        const QString dialogue = envelopeOf(dir, viaStartTls).value(u"transcript"_s).toVariant().toStringList().join(u'\n');
        QVERIFY2(dialogue.contains(u"STARTTLS"_s) && dialogue.contains(u"(TLS started"_s), qPrintable(dialogue));
        QVERIFY(inbox.cli.stopsCleanlyOn(SIGTERM));
        QVERIFY(!everythingIn(dir).contains("curlSecret4321"));
        QVERIFY(!inbox.cli.errors().contains("curlSecret4321"));
    }

    // Plain SMTP to the TLS port: no greeting, the connection closed; a TLS client that was
    // connected all along, and the plain port, carry on.
    void plainClientOnTlsPort_isDropped_othersCarryOn()
    {
        const QString dir = m_tmp.filePath(u"mixed"_s);
        TlsInbox inbox;
        QVERIFY(startTlsInbox(inbox, dir, m_tmp.filePath(u"home-mixed"_s)));
        QTcpSocket plain;
        plain.connectToHost(u"127.0.0.1"_s, inbox.tlsPort);
        QVERIFY(plain.waitForConnected(10000));

        const QStringList message{u"--from"_s, u"a@example.com"_s, u"--to"_s, u"b@example.com"_s};
        Peer before;
        QVERIFY(before.startProgram(u"swaks"_s, QStringList{u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(inbox.tlsPort),
                                                            u"--tlsc"_s} + message));
        QVERIFY(before.waitForFinished(30000));
        QCOMPARE(before.exitCode(), 0);
        QVERIFY(!nextReceived(inbox.cli).isEmpty());

        plain.write("EHLO plain.example\r\n");
        QVERIFY(plain.state() == QAbstractSocket::UnconnectedState || plain.waitForDisconnected(20000));
        QVERIFY2(!plain.readAll().contains("220"), "a plain client was greeted on the TLS port");

        for (const QStringList &how : {QStringList{QString::number(inbox.tlsPort), u"--tlsc"_s},
                                       QStringList{QString::number(inbox.port), u"--tls"_s}}) {
            Peer after;
            QVERIFY(after.startProgram(u"swaks"_s, QStringList{u"--server"_s, u"127.0.0.1"_s, u"--port"_s} + how + message));
            QVERIFY(after.waitForFinished(30000));
            QCOMPARE(after.exitCode(), 0);
            QVERIFY(!nextReceived(inbox.cli).isEmpty());
        }
        QVERIFY(inbox.cli.stopsCleanlyOn(SIGTERM));
    }

    // The TLS port needs a certificate it can load: a broken one is named, nothing listens.
    void brokenCertificate_namesTheFile_nothingStarts()
    {
        const QString dir = m_tmp.filePath(u"broken"_s);
        const QString certificate = m_tmp.filePath(u"broken-cert.pem"_s);
        const QString key = m_tmp.filePath(u"broken-key.pem"_s);
        QVERIFY(writeFile(certificate, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"));
        QVERIFY(writeFile(key, "nothing\n"));
        Cli cli;
        QVERIFY(cli.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--implicit-tls-port"_s, u"0"_s, u"--dir"_s, dir, u"--tls-cert"_s,
                           certificate, u"--tls-key"_s, key}));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.errors().contains(certificate.toUtf8()), cli.errors().constData());
        QVERIFY(cli.process().readAllStandardOutput().isEmpty());
        QVERIFY(!QDir(dir).exists());
    }

    // The TLS port taken by another inbox: exit 1 with the reason, and the plain port it had
    // already is let go (the second inbox's "listening on" never printed).
    void implicitPortInUse_exitsOne_nothingListens()
    {
        TlsInbox first;
        QVERIFY(startTlsInbox(first, m_tmp.filePath(u"first"_s), m_tmp.filePath(u"home-busy"_s)));
        Cli second;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_tmp.filePath(u"home-busy"_s));
        second.process().setProcessEnvironment(environment);
        QVERIFY(second.start({u"inbox"_s, u"--port"_s, u"0"_s, u"--implicit-tls-port"_s, QString::number(first.tlsPort), u"--dir"_s,
                              m_tmp.filePath(u"second"_s)}));
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.errors().contains(QByteArray::number(first.tlsPort)) || second.errors().contains("in use"),
                 second.errors().constData());
        QVERIFY(!second.process().readAllStandardOutput().contains("listening"));
        QVERIFY(first.cli.stopsCleanlyOn(SIGTERM));
    }

    void badImplicitPort_isAUsageError()
    {
        for (const QStringList &arguments : {QStringList{u"--implicit-tls-port"_s, u"smtps"_s},
                                             QStringList{u"--port"_s, u"2600"_s, u"--implicit-tls-port"_s, u"2600"_s}}) {
            Cli cli;
            QVERIFY(cli.start(QStringList{u"inbox"_s, u"--dir"_s, m_tmp.filePath(u"unused"_s)} + arguments));
            QVERIFY(cli.waitForFinished());
            QCOMPARE(cli.exitCode(), 2);
            QVERIFY2(cli.errors().contains("--implicit-tls-port"), cli.errors().constData());
            QCOMPARE(cli.errors().count('\n'), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliInboxTls)
#include "tst_cliinboxtls.moc"
