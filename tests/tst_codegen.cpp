// The generator itself (core/code): every combination of settings gives a program that Python
// compiles or gcc -Wall -Wextra -Werror builds; every socket call it names is on the line it says;
// values with quotes, backslashes, newlines or comment ends stay inside their string literal and
// come back byte for byte when the program reads them; what is not generated is refused in words.

#include "code/codegen.h"
#include "codetestutil.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

Q_DECLARE_METATYPE(socketeer::CodeSettings)

namespace {

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

// Runs a program to its end: its stdout, or empty (and a warning) if it failed.
QByteArray run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

// The value Python reads for NAME (a module-level assignment), as hex of its UTF-8.
const char kReadPythonValue[] = R"(
import ast, sys
tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())
for node in tree.body:
    if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', '') == sys.argv[2]:
        value = ast.literal_eval(node.value)
        if isinstance(value, list):
            value = value[0]
        print(value.encode('utf-8').hex())
)";

CodeSettings settingsFor(CodeLanguage language, CodeKind kind)
{
    CodeSettings settings;
    settings.language = language;
    settings.kind = kind;
    if (kind == CodeKind::TcpClient || kind == CodeKind::Mail)
        settings.port = 25;
    if (kind == CodeKind::Mail) {
        settings.mail.from = u"a@example.com"_s;
        settings.mail.to = {u"b@example.com"_s};
    }
    return settings;
}

} // namespace

class TestCodegen : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString save(const GeneratedCode &code)
    {
        const QString path = m_dir.filePath(u"%1-%2"_s.arg(++m_files).arg(code.fileName));
        return writeText(path, code.text) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SOCKETEER_REQUIRE_PROGRAM(u"gcc"_s);
    }

    void everyCombination_compiles_data()
    {
        QTest::addColumn<CodeSettings>("settings");
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            const char *lang = language == CodeLanguage::Python ? "python" : "c";
            for (const TextEncoding encoding : {TextEncoding::Utf8, TextEncoding::Gbk, TextEncoding::Latin1}) {
                const QByteArray enc = encodingName(encoding).toLatin1();
                for (const FrameKind frame : {FrameKind::None, FrameKind::Line, FrameKind::Crlf}) {
                    const char *fr = frame == FrameKind::None ? "none" : frame == FrameKind::Line ? "line" : "crlf";
                    for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                        for (const bool echo : {true, false}) {
                            CodeSettings s = settingsFor(language, CodeKind::TcpServer);
                            s.encoding = encoding;
                            s.frame.kind = frame;
                            s.model = model;
                            s.echo = echo;
                            QTest::addRow("%s server %s %s %s %s", lang, model == ServerModel::EventLoop ? "event-loop" : "threads", fr,
                                          echo ? "echo" : "quiet", enc.constData())
                                << s;
                        }
                    }
                    if (frame == FrameKind::None) {   // the chat room frames its lines itself
                        for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                            CodeSettings chat = settingsFor(language, CodeKind::TcpServer);
                            chat.chat = true;
                            chat.echo = false;
                            chat.encoding = encoding;
                            chat.model = model;
                            chat.family = encoding == TextEncoding::Gbk ? CodeFamily::Ipv6 : CodeFamily::Ipv4;
                            QTest::addRow("%s chat %s %s", lang, model == ServerModel::EventLoop ? "event-loop" : "threads", enc.constData()) << chat;
                        }
                    }
                    CodeSettings client = settingsFor(language, CodeKind::TcpClient);
                    client.encoding = encoding;
                    client.frame.kind = frame;
                    client.family = CodeFamily::Ipv6;
                    QTest::addRow("%s client %s %s ipv6", lang, fr, enc.constData()) << client;
                }
                CodeSettings udp = settingsFor(language, CodeKind::Udp);
                udp.encoding = encoding;
                QTest::addRow("%s udp echo %s", lang, enc.constData()) << udp;
                udp.echo = false;
                QTest::addRow("%s udp quiet %s", lang, enc.constData()) << udp;
                udp.targetHost = u"localhost"_s;
                udp.targetPort = 9;
                QTest::addRow("%s udp client %s", lang, enc.constData()) << udp;
            }
        }
        CodeSettings tlsServer = settingsFor(CodeLanguage::Python, CodeKind::TcpServer);
        tlsServer.tls = true;
        tlsServer.tlsCertFile = u"cert.pem"_s;
        tlsServer.tlsKeyFile = u"key.pem"_s;
        tlsServer.frame.kind = FrameKind::Line;
        QTest::addRow("python tls server") << tlsServer;
        tlsServer.model = ServerModel::EventLoop;
        QTest::addRow("python tls event-loop server") << tlsServer;
        tlsServer.frame = FrameSpec::parse(u"len:2be"_s).value();
        tlsServer.echo = false;
        QTest::addRow("python tls event-loop quiet len") << tlsServer;
        CodeSettings tlsClient = settingsFor(CodeLanguage::Python, CodeKind::TcpClient);
        tlsClient.tls = true;
        QTest::addRow("python tls client") << tlsClient;
        // C with OpenSSL: the server in both models and the client, framed or not.
        for (const FrameKind frame : {FrameKind::None, FrameKind::Line}) {
            for (const bool echo : {true, false}) {
                for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                    CodeSettings cServer = settingsFor(CodeLanguage::C, CodeKind::TcpServer);
                    cServer.model = model;
                    cServer.tls = true;
                    cServer.tlsCertFile = u"cert.pem"_s;
                    cServer.tlsKeyFile = u"key.pem"_s;
                    cServer.frame.kind = frame;
                    cServer.echo = echo;
                    QTest::addRow("c tls server %d %d %d", static_cast<int>(frame), echo, static_cast<int>(model)) << cServer;
                }
            }
            CodeSettings cClient = settingsFor(CodeLanguage::C, CodeKind::TcpClient);
            cClient.tls = true;
            cClient.frame.kind = frame;
            cClient.encoding = frame == FrameKind::None ? TextEncoding::Utf8 : TextEncoding::Gbk;
            QTest::addRow("c tls client %d", static_cast<int>(frame)) << cClient;
        }
        for (const CodeMailSecurity security : {CodeMailSecurity::None, CodeMailSecurity::StartTls, CodeMailSecurity::Tls}) {
            CodeSettings mail = settingsFor(CodeLanguage::Python, CodeKind::Mail);
            mail.mail.security = security;
            if (security != CodeMailSecurity::None)
                mail.mail.user = u"me"_s;
            mail.mail.attachments = {u"/tmp/汇总数据.xlsx"_s};
            QTest::addRow("python mail %d", static_cast<int>(security)) << mail;
        }
        // The other framings: a delimiter (with a NUL, a quote, a backslash, a '?'), length
        // prefixes, a fixed size, for both models (echo or not) and the client, plain and over TLS.
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            const char *lang = language == CodeLanguage::Python ? "python" : "c";
            for (const char *spec : {"delim:00", "delim:0d0a2e", "delim:225c3f3f3d", "len:1", "len:2le", "len:4be,header,max=100", "fixed:16"}) {
                for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                    for (const bool echo : {true, false}) {
                        CodeSettings s = settingsFor(language, CodeKind::TcpServer);
                        s.frame = FrameSpec::parse(QString::fromLatin1(spec)).value();
                        s.model = model;
                        s.echo = echo;
                        QTest::addRow("%s server %s %d %d", lang, spec, static_cast<int>(model), echo) << s;
                    }
                }
                CodeSettings client = settingsFor(language, CodeKind::TcpClient);
                client.frame = FrameSpec::parse(QString::fromLatin1(spec)).value();
                QTest::addRow("%s client %s", lang, spec) << client;
                client.tls = true;
                client.encoding = TextEncoding::Gbk;
                QTest::addRow("%s tls gbk client %s", lang, spec) << client;
            }
        }
        // The compose window's: Cc, Bcc and the body written in, no To; and mail in C.
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            const char *lang = language == CodeLanguage::Python ? "python" : "c";
            CodeSettings composed = settingsFor(language, CodeKind::Mail);
            composed.mail.to.clear();
            composed.mail.cc = {u"张三 <z@example.com>"_s, u"\"Copy, \\\"Dept.\" <c@example.com>"_s};
            composed.mail.bcc = {u"hidden@example.com"_s};
            composed.mail.hasBody = true;
            composed.mail.body = u"第一行\n.第二行'''\"*/\n"_s;
            QTest::addRow("%s mail composed", lang) << composed;
        }
        for (const CodeMailSecurity security : {CodeMailSecurity::None, CodeMailSecurity::StartTls, CodeMailSecurity::Tls}) {
            CodeSettings mail = settingsFor(CodeLanguage::C, CodeKind::Mail);
            mail.mail.security = security;
            if (security != CodeMailSecurity::None)
                mail.mail.user = u"me"_s;
            mail.mail.attachments = {u"/tmp/汇总数据.xlsx"_s, u"a\"b.txt"_s};
            mail.mail.subject = u"本月数据 */ \" \\"_s;
            QTest::addRow("c mail %d", static_cast<int>(security)) << mail;
        }
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            CodeSettings inbox = settingsFor(language, CodeKind::Inbox);
            inbox.inbox.folder = u"收件箱"_s;
            inbox.inbox.maxMessageBytes = 4096LL * 1024 * 1024;   // the largest the command line takes: no int overflow in C
            QTest::addRow("%s inbox", language == CodeLanguage::Python ? "python" : "c") << inbox;
            inbox.family = CodeFamily::Ipv6;
            inbox.inbox.maxMessageBytes = 1000;
            QTest::addRow("%s inbox ipv6", language == CodeLanguage::Python ? "python" : "c") << inbox;
        }
        CodeSettings tlsInbox = settingsFor(CodeLanguage::Python, CodeKind::Inbox);
        tlsInbox.tls = true;
        tlsInbox.tlsCertFile = u"cert.pem"_s;
        tlsInbox.tlsKeyFile = u"key.pem"_s;
        QTest::addRow("python inbox starttls") << tlsInbox;
        tlsInbox.language = CodeLanguage::C;
        QTest::addRow("c inbox starttls") << tlsInbox;
        // The chat room with nicknames, over TLS, and both: each language and model, one in GBK.
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                for (const int variant : {1, 2, 3}) {
                    CodeSettings chat = settingsFor(language, CodeKind::TcpServer);
                    chat.chat = true;
                    chat.echo = false;
                    chat.model = model;
                    chat.nicknames = variant & 1;
                    chat.tls = variant & 2;
                    chat.tlsCertFile = u"cert.pem"_s;
                    chat.tlsKeyFile = u"key.pem"_s;
                    chat.encoding = variant == 3 ? TextEncoding::Gbk : TextEncoding::Utf8;
                    QTest::addRow("%s chat %s%s%s", language == CodeLanguage::Python ? "python" : "c",
                                  model == ServerModel::EventLoop ? "event-loop" : "threads", chat.nicknames ? " nicknames" : "",
                                  chat.tls ? " tls" : "")
                        << chat;
                }
            }
        }
    }

    void everyCombination_compiles()
    {
        QFETCH(CodeSettings, settings);
        const auto generated = generateCode(settings);
        QVERIFY2(generated.ok(), generated.ok() ? "" : qPrintable(generated.error().detail));
        const QString path = save(*generated);
        QVERIFY(!path.isEmpty());
        if (settings.language == CodeLanguage::Python) {
            QVERIFY(generated->fileName.endsWith(u".py"_s));
            QVERIFY(generated->text.startsWith(u"#!/usr/bin/env python3\n"_s));
            QProcess python;
            python.setProcessChannelMode(QProcess::MergedChannels);
            python.start(u"/usr/bin/python3"_s, {u"-m"_s, u"py_compile"_s, path});
            QVERIFY(python.waitForFinished(60000));
            QVERIFY2(python.exitCode() == 0, python.readAll().constData());
        } else {
            QVERIFY(!compileC(path).isEmpty());
        }
    }

    // Each call the map names is on its line: the window highlights what the timeline drew.
    void callLines_pointAtTheCalls_data()
    {
        QTest::addColumn<CodeSettings>("settings");
        QTest::addColumn<QStringList>("calls");
        const QStringList server{u"socket"_s, u"setsockopt"_s, u"bind"_s, u"listen"_s, u"accept"_s, u"recv"_s, u"send"_s, u"close"_s};
        const QStringList client{u"socket"_s, u"connect"_s, u"send"_s, u"recv"_s, u"close"_s};
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            const char *lang = language == CodeLanguage::Python ? "python" : "c";
            for (const ServerModel model : {ServerModel::ThreadPerClient, ServerModel::EventLoop}) {
                CodeSettings s = settingsFor(language, CodeKind::TcpServer);
                s.model = model;
                QTest::addRow("%s server %d", lang, static_cast<int>(model)) << s << server;
                s.chat = true;
                s.echo = false;
                QTest::addRow("%s chat %d", lang, static_cast<int>(model)) << s << server;
                s.nicknames = true;
                QTest::addRow("%s chat nicknames %d", lang, static_cast<int>(model)) << s << server;
                if (language == CodeLanguage::C) {   // Python's TLS calls are methods of the socket, not named as the trace does
                    s.tls = true;
                    s.tlsCertFile = s.tlsKeyFile = u"x.pem"_s;
                    QTest::addRow("c chat tls %d", static_cast<int>(model))
                        << s << QStringList{u"accept"_s, u"SSL_do_handshake"_s, u"SSL_read"_s, u"SSL_write"_s, u"close"_s};
                }
            }
            CodeSettings c = settingsFor(language, CodeKind::TcpClient);
            c.frame.kind = FrameKind::Line;
            QTest::addRow("%s client", lang) << c << client;
            QTest::addRow("%s udp", lang) << settingsFor(language, CodeKind::Udp)
                                          << QStringList{u"socket"_s, u"bind"_s, u"recvfrom"_s, u"sendto"_s, u"close"_s};
        }
        QTest::addRow("c getaddrinfo") << settingsFor(CodeLanguage::C, CodeKind::TcpClient) << QStringList{u"getaddrinfo"_s};
        QTest::addRow("python mail") << settingsFor(CodeLanguage::Python, CodeKind::Mail) << QStringList{u"connect"_s, u"send"_s};
        CodeSettings tlsServer = settingsFor(CodeLanguage::C, CodeKind::TcpServer);
        tlsServer.model = ServerModel::ThreadPerClient;
        tlsServer.tls = true;
        tlsServer.tlsCertFile = tlsServer.tlsKeyFile = u"x.pem"_s;
        QTest::addRow("c tls server") << tlsServer << QStringList{u"accept"_s, u"SSL_do_handshake"_s, u"SSL_read"_s, u"SSL_write"_s, u"close"_s};
        CodeSettings tlsClient = settingsFor(CodeLanguage::C, CodeKind::TcpClient);
        tlsClient.tls = true;
        tlsClient.frame.kind = FrameKind::Line;
        QTest::addRow("c tls client") << tlsClient << QStringList{u"connect"_s, u"SSL_do_handshake"_s, u"SSL_read"_s, u"SSL_write"_s};
        const QStringList inbox{u"socket"_s, u"setsockopt"_s, u"bind"_s, u"listen"_s, u"accept"_s, u"recv"_s, u"send"_s, u"close"_s};
        QTest::addRow("python inbox") << settingsFor(CodeLanguage::Python, CodeKind::Inbox) << inbox;
        QTest::addRow("c inbox") << settingsFor(CodeLanguage::C, CodeKind::Inbox) << inbox + QStringList{u"getaddrinfo"_s};
    }

    void callLines_pointAtTheCalls()
    {
        QFETCH(CodeSettings, settings);
        QFETCH(QStringList, calls);
        const auto generated = generateCode(settings);
        QVERIFY(generated.ok());
        const QStringList lines = generated->text.split(u'\n');
        QVERIFY(!generated->text.contains(u"$$"_s));   // every mark was taken out
        for (const QString &call : calls) {
            const QList<int> at = generated->callLines.value(call);
            QVERIFY2(!at.isEmpty(), qPrintable(call));
            for (const int line : at) {
                QVERIFY(line >= 1 && line <= lines.size());
                const QString text = lines.at(line - 1);
                // Python closes in a `with` block's end, smtplib connects inside SMTP(), C accepts with accept4.
                const bool named = text.contains(call + u'(') || text.contains(call + u"4("_s) || (call == u"send"_s && text.contains(u"send"_s))
                                   || (call == u"close"_s && text.contains(u"with "_s)) || text.contains(u"smtplib.SMTP"_s)
                                   // OpenSSL's handshake, as the trace names it, is SSL_accept or SSL_connect in a program.
                                   || (call == u"SSL_do_handshake"_s && (text.contains(u"SSL_accept("_s) || text.contains(u"SSL_connect("_s)));
                QVERIFY2(named, qPrintable(u"%1 → line %2: %3"_s.arg(call).arg(line).arg(text)));
            }
        }
    }

    // A value a person typed cannot end its string literal early: the program stays valid and
    // reads back exactly the value, for Python (read by Python's own parser) and for C (the
    // literal compiled and its bytes printed).
    void hostileValue_staysInsideItsLiteral_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("quotes") << u"it's \"quoted\" '''"_s;
        QTest::newRow("backslashes") << u"C:\\temp\\x41\\"_s;
        QTest::newRow("newline and code") << u"a\n\"; import os; os.system('id') #\r\nb"_s;
        QTest::newRow("comment end") << u"*/ int x; /* \\"_s;
        QTest::newRow("trigraph") << u"what?\?/ ?\?="_s;   // ??/ and ??= in the value, escaped here against C++ trigraphs
        QTest::newRow("separators") << u"a\u2028b\u2029c\u0085d\x7f\x01"_s;
        QTest::newRow("markers") << u"@HOST@ $$recv @PORT@"_s;
        QTest::newRow("chinese") << u"服务器.例子"_s;
        QTest::newRow("hex digits after escape") << u"\x01" "abc\tdef"_s;
    }

    void hostileValue_staysInsideItsLiteral()
    {
        QFETCH(QString, value);
        const QByteArray expected = value.toUtf8().toHex();

        // Python: the host of a client, and an attachment path of a mail.
        CodeSettings client = settingsFor(CodeLanguage::Python, CodeKind::TcpClient);
        client.host = value;
        CodeSettings mail = settingsFor(CodeLanguage::Python, CodeKind::Mail);
        mail.mail.attachments = {value};
        mail.mail.hasBody = true;
        mail.mail.body = value;
        // A subject is a header: line breaks and other controls are refused (see notGeneratedYet).
        CodeSettings subject = mail;
        bool headerSafe = true;
        for (const QChar c : value)
            headerSafe = headerSafe && (c == u'\t' || (c.category() != QChar::Other_Control && c != QChar(0x2028) && c != QChar(0x2029)));
        subject.mail.subject = headerSafe ? value : u"plain"_s;
        CodeSettings inbox = settingsFor(CodeLanguage::Python, CodeKind::Inbox);
        inbox.inbox.folder = value;
        QList<std::pair<CodeSettings, const char *>> cases{{client, "HOST"}, {mail, "ATTACHMENTS"}, {mail, "BODY"}, {inbox, "FOLDER"}};
        if (headerSafe)
            cases.append({subject, "SUBJECT"});
        for (const auto &[settings, name] : cases) {
            const auto generated = generateCode(settings);
            QVERIFY(generated.ok());
            const QString path = save(*generated);
            QCOMPARE(run(u"/usr/bin/python3"_s, {u"-c"_s, QString::fromLatin1(kReadPythonValue), path, QString::fromLatin1(name)}).trimmed(),
                     expected);
        }

        // C: the whole program builds, and its HOST literal holds the value's bytes.
        CodeSettings c = settingsFor(CodeLanguage::C, CodeKind::Udp);
        c.targetHost = value;
        c.targetPort = 9;
        c.host = value;
        const auto generated = generateCode(c);
        QVERIFY(generated.ok());
        QVERIFY(!compileC(save(*generated)).isEmpty());
        static const QRegularExpression hostLine(u"^static const char (HOST|TARGET_HOST)\\[\\] = .*;"_s, QRegularExpression::MultilineOption);
        auto found = hostLine.globalMatch(generated->text);
        int literals = 0;
        while (found.hasNext()) {
            const QString line = found.next().captured(0);
            const QString harness = m_dir.filePath(u"literal%1.c"_s.arg(++m_files));
            QVERIFY(writeText(harness, u"#include <stdio.h>\n"_s + line.section(u"    /*"_s, 0, 0)
                                           + u"\nint main(void)\n{\n    for (size_t i = 0; i + 1 < sizeof HOST; i++)\n"
                                             u"        printf(\"%02x\", (unsigned char)HOST[i]);\n    return 0;\n}\n"_s.replace(u"HOST"_s, line.section(u' ', 3, 3).section(u'[', 0, 0))));
            const QString binary = compileC(harness);
            QVERIFY(!binary.isEmpty());
            QCOMPARE(run(binary, {}), expected);
            ++literals;
        }
        QCOMPARE(literals, 2);
    }

    void nulCharacter_isRefused()
    {
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            CodeSettings s = settingsFor(language, CodeKind::TcpClient);
            s.host = u"local"_s + QChar(0) + u"host"_s;
            const auto generated = generateCode(s);
            QVERIFY(!generated.ok());
            QVERIFY(generated.error().detail.contains(u"NUL"_s));
        }
    }

    void notGeneratedYet_isRefusedInWords_data()
    {
        QTest::addColumn<CodeSettings>("settings");
        QTest::addColumn<QString>("words");
        for (const CodeLanguage language : {CodeLanguage::Python, CodeLanguage::C}) {
            CodeSettings injected = settingsFor(language, CodeKind::Mail);
            injected.mail.subject = u"hello\r\nBcc: everyone@example.com"_s;
            QTest::addRow("%s mail, a line break in the subject", language == CodeLanguage::C ? "c" : "python") << injected << u"subject"_s;
        }
        CodeSettings badSender = settingsFor(CodeLanguage::C, CodeKind::Mail);
        badSender.mail.from = u"not an address"_s;
        QTest::newRow("c mail, a bad sender") << badSender << u"a name needs the address in < >"_s;
        CodeSettings udpFrame = settingsFor(CodeLanguage::C, CodeKind::Udp);
        udpFrame.frame.kind = FrameKind::Line;
        QTest::newRow("framed udp") << udpFrame << u"datagram"_s;
        CodeSettings noPort = settingsFor(CodeLanguage::Python, CodeKind::TcpClient);
        noPort.port = 0;
        QTest::newRow("client port 0") << noPort << u"port"_s;
        CodeSettings clear = settingsFor(CodeLanguage::Python, CodeKind::Mail);
        clear.mail.security = CodeMailSecurity::None;
        clear.mail.user = u"me"_s;
        QTest::newRow("login in clear") << clear << u"password"_s;
        CodeSettings badEnv = settingsFor(CodeLanguage::Python, CodeKind::Mail);
        badEnv.mail.user = u"me"_s;
        badEnv.mail.passwordEnv = u"A B'"_s;
        QTest::newRow("bad variable") << badEnv << u"environment variable"_s;
        CodeSettings keyless = settingsFor(CodeLanguage::C, CodeKind::Inbox);
        keyless.tls = true;
        keyless.tlsCertFile = u"x.pem"_s;
        QTest::newRow("inbox tls without a key") << keyless << u"a certificate file and a key file"_s;
        CodeSettings noCert = settingsFor(CodeLanguage::Python, CodeKind::Inbox);
        noCert.tls = true;
        QTest::newRow("inbox tls without certificate") << noCert << u"certificate file"_s;
        CodeSettings noFolder = settingsFor(CodeLanguage::Python, CodeKind::Inbox);
        noFolder.inbox.folder.clear();
        QTest::newRow("inbox without folder") << noFolder << u"folder"_s;
        CodeSettings noLimit = settingsFor(CodeLanguage::C, CodeKind::Inbox);
        noLimit.inbox.maxMessageBytes = 0;
        QTest::newRow("inbox without size limit") << noLimit << u"above zero"_s;
        CodeSettings framedInbox = settingsFor(CodeLanguage::Python, CodeKind::Inbox);
        framedInbox.frame.kind = FrameKind::Line;
        QTest::newRow("framed inbox") << framedInbox << u"framing applies to TCP"_s;
        CodeSettings chatEcho = settingsFor(CodeLanguage::C, CodeKind::TcpServer);
        chatEcho.chat = true;   // echo stays on, as settingsFor leaves it
        QTest::newRow("chat with echo") << chatEcho << u"choose one"_s;
        CodeSettings chatClient = settingsFor(CodeLanguage::Python, CodeKind::TcpClient);
        chatClient.chat = true;
        chatClient.echo = false;
        QTest::newRow("chat client") << chatClient << u"TCP server"_s;
        CodeSettings chatFramed = settingsFor(CodeLanguage::Python, CodeKind::TcpServer);
        chatFramed.chat = true;
        chatFramed.echo = false;
        chatFramed.frame.kind = FrameKind::Line;
        QTest::newRow("chat framed") << chatFramed << u"framing does not apply"_s;
        CodeSettings chatTlsKeyless = settingsFor(CodeLanguage::C, CodeKind::TcpServer);
        chatTlsKeyless.chat = chatTlsKeyless.nicknames = chatTlsKeyless.tls = true;
        chatTlsKeyless.echo = false;
        chatTlsKeyless.tlsCertFile = u"x.pem"_s;
        QTest::newRow("tls chat without a key") << chatTlsKeyless << u"a certificate file and a key file"_s;
    }

    void notGeneratedYet_isRefusedInWords()
    {
        QFETCH(CodeSettings, settings);
        QFETCH(QString, words);
        const auto generated = generateCode(settings);
        QVERIFY(!generated.ok());
        QVERIFY2(generated.error().detail.contains(words), qPrintable(generated.error().detail));
    }

    void names_roundTrip()
    {
        for (const QString &name : codeLanguageNames())
            QVERIFY(codeLanguageFromName(name));
        for (const QString &name : codeKindNames())
            QVERIFY(codeKindFromName(name));
        QCOMPARE(codeKindFromName(u"tcp-client"_s), CodeKind::TcpClient);
        QVERIFY(!codeLanguageFromName(u"java"_s));
    }
};

QTEST_GUILESS_MAIN(TestCodegen)
#include "tst_codegen.moc"
