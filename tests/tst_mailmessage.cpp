// Mail addresses as people type them, and the messages built from them, read back by an
// independent peer: Python's own email package (tests/peers/mail_inspect.py), the reader the
// tutorial uses. Names, subject and attachment file names must come back exactly, attachments
// byte for byte, and nothing with a line break in a header field may be built at all.

#include "mailtestutil.h"
#include "peer.h"

#include "mail/mailaddress.h"
#include "mail/mailmessage.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using testsupport::Peer;
using namespace testsupport;

namespace {

QJsonObject mailbox(const QJsonValue &value) { return value.toObject(); }

QString normalizedLines(QString text) { return text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")); }

} // namespace

class TestMailMessage : public QObject {
    Q_OBJECT

private slots:
    // --- addresses ---------------------------------------------------------------------------

    void parseAddress_acceptsWhatPeopleType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::newRow("bare") << "a@example.com" << QString() << "a@example.com";
        QTest::newRow("angle only") << "<a@example.com>" << QString() << "a@example.com";
        QTest::newRow("chinese name") << u("王大锤 <a@example.com>") << u("王大锤") << "a@example.com";
        QTest::newRow("quoted with comma") << "\"Bob, Jr.\" <b@example.com>" << "Bob, Jr." << "b@example.com";
        QTest::newRow("quoted with escapes") << "\"say \\\"hi\\\" \\\\o/\" <c@example.com>" << "say \"hi\" \\o/" << "c@example.com";
        QTest::newRow("quoted with <>") << "\"a <b>\" <d@example.com>" << "a <b>" << "d@example.com";
        QTest::newRow("spaces around") << "  Alice Liddell   <alice@wonder.land>  " << "Alice Liddell" << "alice@wonder.land";
        QTest::newRow("atext specials") << "first.last+tag!#$%&'*/=?^_`{|}~-x@sub.example.org" << QString()
                                        << "first.last+tag!#$%&'*/=?^_`{|}~-x@sub.example.org";
        QTest::newRow("localhost") << "root@localhost" << QString() << "root@localhost";
        QTest::newRow("ipv4 literal") << "me@[192.0.2.1]" << QString() << "me@[192.0.2.1]";
        QTest::newRow("ipv6 literal") << "me@[IPv6:2001:db8::1]" << QString() << "me@[IPv6:2001:db8::1]";
        QTest::newRow("utf8 address") << u("用户@例子.中国") << QString() << u("用户@例子.中国");
        // Found by fuzz_mailaddress: spaces a quoted name keeps at its edges were lost by toString(),
        // which wrote the name unquoted (the ideographic space U+3000 is what a Chinese IME types).
        QTest::newRow("quoted name with edge spaces") << "\" padded \" <p@example.com>" << " padded " << "p@example.com";
        QTest::newRow("quoted name ending in U+3000") << u("\"王\u3000\" <w@example.com>") << u("王\u3000") << "w@example.com";
    }
    void parseAddress_acceptsWhatPeopleType()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, address);
        const auto parsed = parseMailAddress(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message()));
        QCOMPARE(parsed->name, name);
        QCOMPARE(parsed->address, address);
        // toString() reads back as the same address.
        const auto again = parseMailAddress(parsed->toString());
        QVERIFY2(again.ok(), qPrintable(parsed->toString()));
        QCOMPARE(*again, *parsed);
    }

    void parseAddress_refusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");   // a word the error must contain
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("blank") << "   " << "empty";
        QTest::newRow("no at") << "alice.example.com" << "@";
        QTest::newRow("nothing before at") << "@example.com" << "before the @";
        QTest::newRow("no domain") << "alice@" << "domain";
        QTest::newRow("space inside") << "ali ce@example.com" << "< >";
        QTest::newRow("name without brackets") << "Alice alice@example.com" << "< >";
        QTest::newRow("two ats") << "a@b@example.com" << "@";
        QTest::newRow("double dot") << "a..b@example.com" << "dot";
        QTest::newRow("leading dot") << ".a@example.com" << "dot";
        QTest::newRow("empty label") << "a@example..com" << "domain";
        QTest::newRow("hyphen label") << "a@-example.com" << "domain";
        QTest::newRow("unclosed angle") << "Alice <a@example.com" << "< >";
        QTest::newRow("stray angle") << "a@example.com>" << "< >";
        QTest::newRow("nested angle") << "Alice <<a@example.com>>" << "< >";
        QTest::newRow("unclosed quote") << "\"Alice <a@example.com>" << "quoted";
        QTest::newRow("unquoted quote") << "Al\"ice <a@example.com>" << "quoted";
        QTest::newRow("quote after name") << "Alice \"x\" <a@example.com>" << "quotes";
        QTest::newRow("comma in local") << "a,b@example.com" << ",";
        QTest::newRow("control char") << "a\x01" "b@example.com" << "control";
        QTest::newRow("control in name") << "Al\x07ice <a@example.com>" << "control";
        QTest::newRow("bad literal") << "a@[300.1.1.1]" << "literal";
        QTest::newRow("CRLF then command") << "a@example.com\r\nRCPT TO:<evil@example.com>" << "line break";
        QTest::newRow("LF in name") << "Alice\nBcc: evil@example.com <a@example.com>" << "line break";
        QTest::newRow("CR alone") << "a@example.com\r" << "line break";
        QTest::newRow("LF in quoted name") << "\"Al\nice\" <a@example.com>" << "line break";
    }
    void parseAddress_refusesMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto parsed = parseMailAddress(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(parsed.error().message().contains(mentions), qPrintable(parsed.error().message()));
    }

    void parseAddressList_splitsWhereTheSeparatorIsASeparator()
    {
        const auto parsed = parseMailAddressList(
            u("张三 <z@example.com>; \"Bob, Jr.\" <b@example.com>, c@example.com,, ;<d@example.com>"), QStringLiteral("To"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), 4);
        QCOMPARE(parsed->at(0).name, u("张三"));
        QCOMPARE(parsed->at(1).name, QStringLiteral("Bob, Jr."));
        QCOMPARE(parsed->at(1).address, QStringLiteral("b@example.com"));
        QCOMPARE(parsed->at(2).address, QStringLiteral("c@example.com"));
        QCOMPARE(parsed->at(3).address, QStringLiteral("d@example.com"));
        QVERIFY(parseMailAddressList(QStringLiteral("  "), QStringLiteral("Cc"))->isEmpty());

        const auto bad = parseMailAddressList(QStringLiteral("a@example.com, not-an-address"), QStringLiteral("Cc"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message().contains(QStringLiteral("Cc")) && bad.error().message().contains(QStringLiteral("not-an-address")),
                 qPrintable(bad.error().message()));
        QVERIFY(!parseMailAddressList(QStringLiteral("a@example.com\r\nBcc: x@example.com"), QStringLiteral("To")).ok());
    }

    // --- the whole message, read back by Python ----------------------------------------------

    void message_readBackByPythonEmail()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString xlsxPath = dir.filePath(u("汇总数据.xlsx"));
        const QString txtPath = dir.filePath(QStringLiteral("notes.txt"));
        const QString pngPath = dir.filePath(QStringLiteral("chart.png"));
        const QByteArray xlsx = randomBytes(50'000);
        const QByteArray txt = "first line\nsecond line\n";
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + randomBytes(300);
        QVERIFY(writeFile(xlsxPath, xlsx));
        QVERIFY(writeFile(txtPath, txt));
        QVERIFY(writeFile(pngPath, png));

        MailMessage mail;
        mail.from = mailAddress("王大锤 <a@example.com>");
        mail.to = {mailAddress("Bob <bob@example.com>"), mailAddress("carol@example.org")};
        mail.cc = {mailAddress("\"Dave, Jr.\" <dave@example.net>"), mailAddress("李四 <lisi@example.cn>")};
        mail.bcc = {mailAddress("secret@example.com")};
        mail.subject = u("测试邮件 — 月报");
        const QString longLine = QString(1500, QLatin1Char('x'));
        mail.body = u("你好，\n.这行以点开头\n.\n..two dots\nFrom here on\n") + longLine + u("\n结束\n");
        mail.attachments = {xlsxPath, txtPath, pngPath};

        const QString eml = dir.filePath(QStringLiteral("message.eml"));
        const auto written = writeMailMessage(mail, eml);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));

        const QJsonObject m = inspectMail(eml);
        QVERIFY(!m.isEmpty());
        QCOMPARE(m[QLatin1String("subject")].toString(), u("测试邮件 — 月报"));
        const QString rawHeaders = m[QLatin1String("raw_headers")].toString();
        QVERIFY2(rawHeaders.contains(QLatin1String("Subject: =?")), qPrintable(rawHeaders));   // RFC 2047, not raw UTF-8

        const QJsonArray from = m[QLatin1String("from")].toArray();
        QCOMPARE(from.size(), 1);
        QCOMPARE(mailbox(from[0])[QLatin1String("name")].toString(), u("王大锤"));
        QCOMPARE(mailbox(from[0])[QLatin1String("address")].toString(), QStringLiteral("a@example.com"));

        const QJsonArray to = m[QLatin1String("to")].toArray();
        QCOMPARE(to.size(), 2);
        QCOMPARE(mailbox(to[0])[QLatin1String("name")].toString(), QStringLiteral("Bob"));
        QCOMPARE(mailbox(to[0])[QLatin1String("address")].toString(), QStringLiteral("bob@example.com"));
        QCOMPARE(mailbox(to[1])[QLatin1String("address")].toString(), QStringLiteral("carol@example.org"));
        const QJsonArray cc = m[QLatin1String("cc")].toArray();
        QCOMPARE(cc.size(), 2);
        QCOMPARE(mailbox(cc[0])[QLatin1String("name")].toString(), QStringLiteral("Dave, Jr."));
        QCOMPARE(mailbox(cc[1])[QLatin1String("name")].toString(), u("李四"));
        QCOMPARE(mailbox(cc[1])[QLatin1String("address")].toString(), QStringLiteral("lisi@example.cn"));

        // The headers a message must have, and no Bcc: the blind copy is in the envelope only.
        QStringList headers;
        for (const QJsonValue &h : m[QLatin1String("headers")].toArray())
            headers << h.toString().toLower();
        for (const char *required : {"from", "to", "cc", "subject", "date", "message-id", "mime-version"})
            QVERIFY2(headers.contains(QLatin1String(required)), required);
        QVERIFY(!headers.contains(QLatin1String("bcc")));
        QVERIFY(m[QLatin1String("bcc")].toArray().isEmpty());
        QVERIFY(!readAll(eml).contains("secret@example.com"));
        QVERIFY(envelopeRecipients(mail).contains(QStringLiteral("secret@example.com")));

        // The body: text/plain; charset=utf-8, lines starting with "." intact (dot-stuffing is
        // SMTP's job), the 1500-character line whole after decoding.
        QCOMPARE(m[QLatin1String("content_type")].toString(), QStringLiteral("multipart/mixed"));
        QCOMPARE(m[QLatin1String("body_charset")].toString(), QStringLiteral("utf-8"));
        QCOMPARE(normalizedLines(m[QLatin1String("body")].toString()), mail.body);

        // The raw form: CRLF everywhere, no line over 998 octets, base64 lines of at most 76.
        QCOMPARE(m[QLatin1String("bare_line_ends")].toInt(-1), 0);
        QCOMPARE(m[QLatin1String("missing_final_crlf")].toBool(true), false);
        QVERIFY2(m[QLatin1String("longest_line")].toInt() <= 998, qPrintable(QString::number(m[QLatin1String("longest_line")].toInt())));
        QVERIFY(m[QLatin1String("longest_base64_line")].toInt() > 0);
        QVERIFY(m[QLatin1String("longest_base64_line")].toInt() <= 76);
        QVERIFY2(m[QLatin1String("defects")].toArray().isEmpty(),
                 QJsonDocument(m[QLatin1String("defects")].toArray()).toJson().constData());

        // Each attachment by its exact name, type and bytes.
        const QJsonArray attachments = m[QLatin1String("attachments")].toArray();
        QCOMPARE(attachments.size(), 3);
        const QJsonObject a0 = attachments[0].toObject();
        QCOMPARE(a0[QLatin1String("filename")].toString(), u("汇总数据.xlsx"));
        QVERIFY(a0[QLatin1String("filename_rfc2231")].toBool());                  // filename*=UTF-8''...
        QCOMPARE(a0[QLatin1String("name_param")].toString(), u("汇总数据.xlsx"));  // the Outlook/QQ fallback
        QCOMPARE(a0[QLatin1String("name_param_form")].toString(), QStringLiteral("rfc2047"));
        QCOMPARE(a0[QLatin1String("sha256")].toString().toLatin1(), sha256Hex(xlsx));
        QCOMPARE(a0[QLatin1String("size")].toInt(), xlsx.size());

        const QJsonObject a1 = attachments[1].toObject();
        QCOMPARE(a1[QLatin1String("filename")].toString(), QStringLiteral("notes.txt"));
        QCOMPARE(a1[QLatin1String("content_type")].toString(), QStringLiteral("text/plain"));
        QCOMPARE(a1[QLatin1String("sha256")].toString().toLatin1(), sha256Hex(txt));   // LF kept: base64, not text

        const QJsonObject a2 = attachments[2].toObject();
        QCOMPARE(a2[QLatin1String("filename")].toString(), QStringLiteral("chart.png"));
        QCOMPARE(a2[QLatin1String("content_type")].toString(), QStringLiteral("image/png"));
        QCOMPARE(a2[QLatin1String("sha256")].toString().toLatin1(), sha256Hex(png));
    }

    void message_longChineseFileNameUsesContinuations_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("long") << u("二〇二四年第三季度各部门销售与库存汇总数据（最终版，请勿外传）.xlsx");
        // Near the file system's 255 bytes, with a character outside the BMP (a surrogate pair).
        QTest::newRow("longest") << u("销售").repeated(38) + u("😀数据.xlsx");
    }
    void message_longChineseFileNameUsesContinuations()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(name);
        const QByteArray bytes = randomBytes(1000);
        QVERIFY(writeFile(path, bytes));
        MailMessage mail;
        mail.from = mailAddress("a@example.com");
        mail.to = {mailAddress("b@example.com")};
        mail.subject = QStringLiteral("report");
        mail.attachments = {path};
        const QString eml = dir.filePath(QStringLiteral("long.eml"));
        const auto written = writeMailMessage(mail, eml);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));

        QVERIFY(readAll(eml).contains("filename*0*=UTF-8''"));
        const QJsonObject m = inspectMail(eml);
        const QJsonObject a = m[QLatin1String("attachments")].toArray().at(0).toObject();
        QCOMPARE(a[QLatin1String("filename")].toString(), name);
        QCOMPARE(a[QLatin1String("name_param")].toString(), name);
        QVERIFY(a[QLatin1String("name_param_longest_word")].toInt() <= 75);
        QCOMPARE(a[QLatin1String("sha256")].toString().toLatin1(), sha256Hex(bytes));
        QVERIFY(m[QLatin1String("longest_line")].toInt() <= 998);
        QCOMPARE(m[QLatin1String("bare_line_ends")].toInt(-1), 0);
    }

    void message_plainAsciiBodyWithoutAttachments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MailMessage mail;
        mail.from = mailAddress("Alice <alice@example.com>");
        mail.to = {mailAddress("bob@example.com")};
        mail.subject = QStringLiteral("Plain");
        mail.body = QStringLiteral("Hello Bob,\r\n.\r\n") + QString(2000, QLatin1Char('y')) + QStringLiteral("\rbye\n");
        const QString eml = dir.filePath(QStringLiteral("plain.eml"));
        const auto written = writeMailMessage(mail, eml);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));
        const QJsonObject m = inspectMail(eml);
        QCOMPARE(m[QLatin1String("content_type")].toString(), QStringLiteral("text/plain"));
        QCOMPARE(m[QLatin1String("body_charset")].toString(), QStringLiteral("utf-8"));
        QCOMPARE(normalizedLines(m[QLatin1String("body")].toString()),
                 QStringLiteral("Hello Bob,\n.\n") + QString(2000, QLatin1Char('y')) + QStringLiteral("\nbye\n"));
        QVERIFY(m[QLatin1String("longest_line")].toInt() <= 998);
        QCOMPARE(m[QLatin1String("bare_line_ends")].toInt(-1), 0);
        QCOMPARE(m[QLatin1String("subject")].toString(), QStringLiteral("Plain"));
        QVERIFY(m[QLatin1String("attachments")].toArray().isEmpty());
    }

    void message_toQIODevice()
    {
        MailMessage mail;
        mail.from = mailAddress("a@example.com");
        mail.to = {mailAddress("b@example.com")};
        mail.subject = QStringLiteral("to a buffer");
        mail.body = QStringLiteral("x\n");
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const auto written = writeMailMessage(mail, &buffer);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));
        const QByteArray bytes = buffer.data();
        QVERIFY(bytes.contains("\r\nSubject: to a buffer\r\n"));
        QVERIFY(bytes.contains("\r\nMIME-Version: 1.0\r\n"));
        QVERIFY(bytes.contains("\r\nMessage-Id: <"));
        QVERIFY(bytes.contains("@example.com>\r\n"));
        QVERIFY(!bytes.contains("\n\n"));   // LF only where CR precedes it
        QCOMPARE(bytes.count('\n'), bytes.count("\r\n"));
    }

    void envelope_listsToCcBccOnce()
    {
        MailMessage mail;
        mail.from = mailAddress("a@example.com");
        mail.to = {mailAddress("b@example.com"), mailAddress("c@example.com")};
        mail.cc = {mailAddress("D <d@example.com>"), mailAddress("B@EXAMPLE.COM")};
        mail.bcc = {mailAddress("e@example.com"), mailAddress("c@example.com")};
        QCOMPARE(envelopeRecipients(mail),
                 (QStringList{QStringLiteral("b@example.com"), QStringLiteral("c@example.com"),
                              QStringLiteral("d@example.com"), QStringLiteral("e@example.com")}));
    }

    // --- refusals: an error, and nothing written ---------------------------------------------

    void message_refusesLineBreaksInHeaders_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("subject LF") << "subject" << "Hi\nBcc: evil@example.com";
        QTest::newRow("subject CRLF") << "subject" << "Hi\r\n\r\nforged body";
        QTest::newRow("subject CR") << "subject" << "Hi\rthere";
        QTest::newRow("from name") << "fromName" << "Alice\r\nBcc: evil@example.com";
        QTest::newRow("from address") << "fromAddress" << "a@example.com\r\nRCPT TO:<evil@example.com>";
        QTest::newRow("to name") << "toName" << "Bob\nX-Evil: 1";
        QTest::newRow("to address") << "toAddress" << "b@example.com\n";
        QTest::newRow("cc address") << "ccAddress" << "c@example.com\r\nDATA";
        QTest::newRow("bcc address") << "bccAddress" << "\re@example.com";
        QTest::newRow("attachment name") << "attachmentName" << "evil\nContent-Type: text-html.txt";
    }
    void message_refusesLineBreaksInHeaders()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MailMessage mail;
        mail.from = mailAddress("Alice <a@example.com>");
        mail.to = {mailAddress("b@example.com")};
        mail.subject = QStringLiteral("fine");
        mail.body = QStringLiteral("fine\n");
        if (field == QLatin1String("subject"))
            mail.subject = value;
        else if (field == QLatin1String("fromName"))
            mail.from.name = value;
        else if (field == QLatin1String("fromAddress"))
            mail.from.address = value;
        else if (field == QLatin1String("toName"))
            mail.to[0].name = value;
        else if (field == QLatin1String("toAddress"))
            mail.to[0].address = value;
        else if (field == QLatin1String("ccAddress"))
            mail.cc = {MailAddress{QString(), value}};
        else if (field == QLatin1String("bccAddress"))
            mail.bcc = {MailAddress{QString(), value}};
        else if (field == QLatin1String("attachmentName")) {
            const QString path = dir.filePath(value);
            QVERIFY(writeFile(path, "x"));
            mail.attachments = {path};
        }

        const auto checked = validateMailMessage(mail);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message().contains(QLatin1String("line break")), qPrintable(checked.error().message()));

        const QString eml = dir.filePath(QStringLiteral("refused.eml"));
        const auto written = writeMailMessage(mail, eml);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(!QFile::exists(eml));

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(!writeMailMessage(mail, &buffer).ok());
        QVERIFY(buffer.data().isEmpty());
    }

    void message_refusesMissingAttachmentNamingIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString present = dir.filePath(QStringLiteral("present.txt"));
        QVERIFY(writeFile(present, "here"));
        const QString missing = dir.filePath(u("不存在的文件.pdf"));
        MailMessage mail;
        mail.from = mailAddress("a@example.com");
        mail.to = {mailAddress("b@example.com")};
        mail.subject = QStringLiteral("with a missing file");
        mail.attachments = {present, missing};

        const QString eml = dir.filePath(QStringLiteral("missing.eml"));
        const auto written = writeMailMessage(mail, eml);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message().contains(missing), qPrintable(written.error().message()));
        QVERIFY(written.error().code == std::errc::no_such_file_or_directory);
        QVERIFY(!QFile::exists(eml));

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(!writeMailMessage(mail, &buffer).ok());
        QVERIFY(buffer.data().isEmpty());

        mail.attachments = {dir.path()};   // a directory is not a file to attach
        const auto directory = writeMailMessage(mail, eml);
        QVERIFY(!directory.ok());
        QVERIFY2(directory.error().message().contains(dir.path()), qPrintable(directory.error().message()));
    }

    void message_refusesNoRecipientAndBadAddresses()
    {
        MailMessage mail;
        mail.from = mailAddress("a@example.com");
        mail.subject = QStringLiteral("nobody");
        QVERIFY(!validateMailMessage(mail).ok());
        QVERIFY(validateMailMessage(mail).error().message().contains(QLatin1String("recipient")));
        mail.bcc = {mailAddress("b@example.com")};
        QVERIFY(validateMailMessage(mail).ok());   // Bcc alone is enough
        mail.to = {MailAddress{QStringLiteral("Bob"), QStringLiteral("not an address")}};
        QVERIFY(!validateMailMessage(mail).ok());
        mail.to.clear();
        mail.from = MailAddress{};
        QVERIFY(!validateMailMessage(mail).ok());
        QVERIFY(validateMailMessage(mail).error().message().contains(QLatin1String("From")));
    }

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
