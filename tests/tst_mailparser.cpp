// Reading received mail for the inbox (core/mail/mailparser): messages built by producers this
// project did not write — Python's email package the way the tutorial and today's code use it —
// and, byte for byte, the non-standard forms real clients send (RFC 2047 inside quotes, raw UTF-8
// and GBK headers, RFC 2231 continuations in gb2312, quoted-printable GB2312 text), plus messages
// that are broken on purpose. Names and text must come back decoded, attachments byte-identical,
// and no input may crash the reader.

#include "mailtestutil.h"
#include "peer.h"

#include "mail/mailmessage.h"
#include "mail/mailparser.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace testsupport;

namespace {

// Hand-written messages use LF in the source for legibility; mail on the wire has CRLF.
QByteArray crlf(QByteArray text) { return text.replace("\r\n", "\n").replace("\n", "\r\n"); }

QByteArray gbk(const char *utf8)
{
    QStringEncoder encoder("GB18030");
    return encoder.encode(QString::fromUtf8(utf8));
}

int partNamed(const ParsedMail &mail, const QString &name)
{
    for (int i = 0; i < mail.parts.size(); ++i)
        if (mail.parts.at(i).fileName == name)
            return i;
    return -1;
}

QStringList treeLines(const ParsedMail &mail)
{
    QStringList lines;
    for (const MimeNode &node : mail.tree)
        lines << QString(node.depth * 2, u' ') + node.contentType;
    return lines;
}

} // namespace

class TestMailParser : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_xlsx;
    QString m_xlsxPath;

    QString buildWithPython(const QString &mode, const QStringList &attachments)
    {
        const QString out = m_dir.filePath(mode + QStringLiteral(".eml"));
        Peer python;
        if (!python.startPython(QStringLiteral("mail_build.py"), QStringList{mode, out} + attachments))
            return {};
        bool ok = false;
        const QByteArray line = python.readLine(20000, &ok);
        if (!ok || !line.startsWith("written")) {
            qWarning("mail_build.py said: %s", line.constData());
            return {};
        }
        return out;
    }

    QString writeMessage(const char *name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        return writeFile(path, bytes) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_xlsx = randomBytes(100 * 1024 + 7);
        m_xlsxPath = m_dir.filePath(u("汇总数据.xlsx"));
        QVERIFY(writeFile(m_xlsxPath, m_xlsx));
    }

    // --- producers we did not write --------------------------------------------------------

    void pythonTutorialStyle_isReadBackExactly()
    {
        const QString hello = m_dir.filePath(QStringLiteral("hello.txt"));
        QVERIFY(writeFile(hello, "hello\nworld\n"));
        const QString eml = buildWithPython(QStringLiteral("tutorial"), {m_xlsxPath, hello});
        QVERIFY(!eml.isEmpty());

        const ParsedMail mail = parseMailFile(eml);
        QVERIFY2(mail.ok, qPrintable(mail.problem));
        QCOMPARE(mail.subject, u("本月数据"));
        QCOMPARE(mail.from, u("王大锤 <wang@example.com>"));
        QVERIFY(mail.date.isValid());
        QVERIFY(!mail.messageId.isEmpty());
        QCOMPARE(mail.textBody, u("附件中有本月数据请查收"));
        QCOMPARE(treeLines(mail), QStringList({QStringLiteral("multipart/mixed"), QStringLiteral("  text/plain"),
                                               QStringLiteral("  application/octet-stream"),
                                               QStringLiteral("  application/octet-stream")}));
        QCOMPARE(mail.parts.size(), 3);
        QCOMPARE(mail.attachmentCount(), 2);
        QVERIFY(!mail.parts.at(0).isAttachment);
        QCOMPARE(mail.tree.at(1).charset, QStringLiteral("utf-8"));
        QCOMPARE(mail.tree.at(2).transferEncoding, QStringLiteral("base64"));

        const int xlsx = partNamed(mail, u("汇总数据.xlsx"));
        QVERIFY(xlsx >= 0);
        QCOMPARE(mail.parts.at(xlsx).decodedSize, m_xlsx.size());
        QCOMPARE(mail.parts.at(xlsx).disposition, QStringLiteral("attachment"));
        QCOMPARE(sha256Hex(mailPartBytes(eml, xlsx)), sha256Hex(m_xlsx));
        const int txt = partNamed(mail, QStringLiteral("hello.txt"));
        QVERIFY(txt >= 0);
        QCOMPARE(mailPartBytes(eml, txt), QByteArray("hello\nworld\n"));

        // What the inbox list reads: the same headers and structure, nothing decoded to measure.
        const ParsedMail light = parseMailFile(eml, PartSizes::Skipped);
        QCOMPARE(light.subject, mail.subject);
        QCOMPARE(light.from, mail.from);
        QCOMPARE(treeLines(light), treeLines(mail));
        QCOMPARE(light.attachmentCount(), 2);
        QCOMPARE(partNamed(light, u("汇总数据.xlsx")), xlsx);
        for (const MailPart &part : light.parts)
            QCOMPARE(part.decodedSize, -1);
    }

    void pythonModern_longNamesQuotedPrintableAndHtml()
    {
        const QString longName = u("一个很长很长很长很长很长很长很长很长很长很长很长很长的中文文件名称.txt");
        const QString longPath = m_dir.filePath(longName);
        QVERIFY(writeFile(longPath, "plain text attachment\n"));
        const QString eml = buildWithPython(QStringLiteral("modern"), {m_xlsxPath, longPath});
        QVERIFY(!eml.isEmpty());
        QVERIFY(readFile(eml).contains("filename*1*="));   // Python did split the long name

        const ParsedMail mail = parseMailFile(eml);
        QVERIFY2(mail.ok, qPrintable(mail.problem));
        QCOMPARE(mail.subject, u("月报：") + u("数据").repeated(30));
        QCOMPARE(mail.cc, u("李四 <li@example.com>"));
        QCOMPARE(mail.textBody, u("第一行\n.以点开头的一行\nnaïve café — ") + QString(100, u'x') + u'\n');
        QCOMPARE(mail.htmlBody, u("<p>第一行</p>\n"));
        QCOMPARE(treeLines(mail),
                 QStringList({QStringLiteral("multipart/mixed"), QStringLiteral("  multipart/alternative"),
                              QStringLiteral("    text/plain"), QStringLiteral("    text/html"),
                              QStringLiteral("  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                              QStringLiteral("  text/plain")}));
        QCOMPARE(mail.tree.at(2).transferEncoding, QStringLiteral("quoted-printable"));
        QCOMPARE(mail.attachmentCount(), 2);
        const int text = partNamed(mail, longName);
        QVERIFY(text >= 0);
        QVERIFY(mail.parts.at(text).isAttachment);   // text, but named: an attachment
        QCOMPARE(mailPartBytes(eml, text), QByteArray("plain text attachment\n"));
        QCOMPARE(sha256Hex(mailPartBytes(eml, partNamed(mail, u("汇总数据.xlsx")))), sha256Hex(m_xlsx));
    }

    void ownMessage_roundTripsAndSavesByteIdentical()
    {
        MailMessage message;
        message.from = mailAddress("王大锤 <wang@example.com>");
        message.to = {mailAddress("张三 <zhang@example.com>")};
        message.subject = u("测试邮件 — 月报");
        message.body = u("各位好，\n.附件是本月的汇总数据。\n");
        message.attachments = {m_xlsxPath};
        const QString eml = m_dir.filePath(QStringLiteral("own.eml"));
        const auto written = writeMailMessage(message, eml);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));

        const ParsedMail mail = parseMailFile(eml);
        QVERIFY2(mail.ok, qPrintable(mail.problem));
        QCOMPARE(mail.subject, message.subject);
        QCOMPARE(mail.from, u("王大锤 <wang@example.com>"));
        QCOMPARE(mail.to, u("张三 <zhang@example.com>"));
        QCOMPARE(QString(mail.textBody).replace(QStringLiteral("\r\n"), QStringLiteral("\n")), message.body);
        const int xlsx = partNamed(mail, u("汇总数据.xlsx"));
        QVERIFY(xlsx >= 0);

        const QString saved = m_dir.filePath(QStringLiteral("saved/") + u("汇总数据.xlsx"));
        QVERIFY(QDir().mkpath(QFileInfo(saved).path()));
        QCOMPARE(saveMailPart(eml, xlsx, saved), QString());
        QCOMPARE(sha256Hex(readFile(saved)), sha256Hex(m_xlsx));
        // Nothing but the file itself is left in the folder (QSaveFile's temporary is gone).
        QCOMPARE(QDir(QFileInfo(saved).path()).entryList(QDir::Files | QDir::Hidden), QStringList(u("汇总数据.xlsx")));
    }

    // --- what real clients send that the RFCs do not allow -----------------------------------

    void nonStandardNames_data()
    {
        QTest::addColumn<QByteArray>("contentHeaders");
        QTest::addColumn<QString>("name");
        QTest::newRow("RFC 2047 inside quotes (Outlook, QQ)")
            << QByteArray("Content-Type: application/octet-stream;\n name=\"=?UTF-8?B?5rGH5oC75pWw5o2uLnhsc3g=?=\"\n"
                          "Content-Disposition: attachment;\n filename=\"=?UTF-8?B?5rGH5oC75pWw5o2uLnhsc3g=?=\"\n")
            << u("汇总数据.xlsx");
        QTest::newRow("RFC 2047 in name= only") << QByteArray("Content-Type: application/octet-stream;\n"
                                                               " name=\"=?gb2312?B?u+PX3Mr9vt0ueGxzeA==?=\"\n")
                                                << u("汇总数据.xlsx");
        QTest::newRow("raw UTF-8") << QByteArray("Content-Type: application/octet-stream\n"
                                                 "Content-Disposition: attachment; filename=\"汇总数据.xlsx\"\n")
                                   << u("汇总数据.xlsx");
        QTest::newRow("raw GBK") << QByteArray("Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"")
                                        + gbk("汇总数据.xlsx") + "\"\n"
                                 << u("汇总数据.xlsx");
        QTest::newRow("RFC 2231 continuations in gb2312")
            << QByteArray("Content-Type: application/octet-stream\nContent-Disposition: attachment;\n"
                          " filename*0*=gb2312''%BB%E3%D7%DC;\n filename*1*=%CA%FD%BE%DD;\n filename*2=.xlsx\n")
            << u("汇总数据.xlsx");
        QTest::newRow("RFC 2231 with language") << QByteArray("Content-Type: application/octet-stream\nContent-Disposition: "
                                                               "attachment; filename*=UTF-8'zh-CN'%E6%B1%87%E6%80%BB.xlsx\n")
                                                << u("汇总.xlsx");
    }
    void nonStandardNames()
    {
        QFETCH(QByteArray, contentHeaders);
        QFETCH(QString, name);
        const QByteArray bytes = crlf("From: a@example.com\nTo: b@example.com\nSubject: names\nMIME-Version: 1.0\n"
                                      "Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\n"
                                      "Content-Type: text/plain; charset=utf-8\n\nsee attached\n--XX\n"
                                      + contentHeaders + "Content-Transfer-Encoding: base64\n\nAAECAwQ=\n--XX--\n");
        const QString eml = writeMessage("names.eml", bytes);
        const ParsedMail mail = parseMailFile(eml);
        QVERIFY2(mail.ok, qPrintable(mail.problem));
        QCOMPARE(mail.parts.size(), 2);
        QCOMPARE(mail.parts.at(1).fileName, name);
        QVERIFY(mail.parts.at(1).isAttachment);
        QCOMPARE(mailPartBytes(eml, 1), QByteArray("\x00\x01\x02\x03\x04", 5));
        QCOMPARE(mail.textBody, QStringLiteral("see attached"));
    }

    void rawEightBitHeaders_data()
    {
        QTest::addColumn<QByteArray>("subjectBytes");
        QTest::newRow("raw UTF-8") << QByteArray("测试邮件 — 月报");
        QTest::newRow("raw GBK") << gbk("测试邮件 — 月报");
        QTest::newRow("RFC 2047 gb2312 QP") << QByteArray("=?gb2312?Q?=B2=E2=CA=D4=D3=CA=BC=FE?= =?utf-8?B?IOKAlCDmnIjmiqU=?=");
        QTest::newRow("RFC 2047 split mid-character")   // each word alone is not valid UTF-8
            << QByteArray("=?UTF-8?B?5rWL6K+V6YI=?= =?UTF-8?B?ruS7tiDigJQg5pyI5oql?=");
    }
    void rawEightBitHeaders()
    {
        QFETCH(QByteArray, subjectBytes);
        const ParsedMail mail = parseMail(crlf("From: " + gbk("王大锤") + " <wang@example.com>\nTo: b@example.com\nSubject: "
                                               + subjectBytes + "\n\nbody\n"));
        QVERIFY(mail.ok);
        QCOMPARE(mail.subject, u("测试邮件 — 月报"));
        QCOMPARE(mail.from, u("王大锤 <wang@example.com>"));
    }

    void wordsSplitMidCharacter_areJoined()
    {
        // Foxmail-style: the bytes of one character spread over two encoded words.
        const ParsedMail mail = parseMail(crlf("From: =?UTF-8?B?546L5Q==?=\n =?UTF-8?B?pKfplKQ=?= <wang@example.com>\n"
                                               "To: =?gb2312?Q?=BB?= =?GB2312?Q?=E3=D7=DC?= <a@example.com>, b@example.com\n"
                                               "Subject: =?utf-8?B?5rWL6K+V?= plain =?utf-8?B?6YKu5Lu2?=\n\nbody\n"));
        QVERIFY(mail.ok);
        QCOMPARE(mail.from, u("王大锤 <wang@example.com>"));
        QCOMPARE(mail.to, u("汇总 <a@example.com>, b@example.com"));
        QCOMPARE(mail.subject, u("测试 plain 邮件"));   // words apart stay apart
        QCOMPARE(mail.headers.at(0), qMakePair(QStringLiteral("From"), u("王大锤 <wang@example.com>")));
    }

    // An encoded word that cannot be read as text is shown as written (its payload), never as bytes
    // that are not text; what Python's email.policy.default shows is in the comment where it differs.
    void invalidEncodedWords_areShownAsWritten_data()
    {
        QTest::addColumn<QByteArray>("words");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("from");
        QTest::newRow("character outside base64, 6 bits over") << QByteArray("=?UTF-8?B?not*base64?=") << u("not*base64")
                                                               << u("not*base64 <x@example.com>");
        QTest::newRow("character outside base64, skipped")   // as GMime, Qt and Python: skipped
            << QByteArray("=?UTF-8?B?w6k*?=") << u("é") << u("é <x@example.com>");
        QTest::newRow("padding missing") << QByteArray("=?UTF-8?B?w6k?=") << u("é") << u("é <x@example.com>");
        QTest::newRow("padding too long") << QByteArray("=?UTF-8?B?w6k==?=") << u("é") << u("é <x@example.com>");
        QTest::newRow("length one over a quad") << QByteArray("=?UTF-8?B?w6kxZ?=") << u("w6kxZ") << u("w6kxZ <x@example.com>");
        QTest::newRow("bytes not UTF-8")   // Python: "\uFFFD"
            << QByteArray("=?UTF-8?B?/w==?=") << u("/w==") << u("/w== <x@example.com>");
        QTest::newRow("bytes not gb2312") << QByteArray("=?gb2312?B?/w==?=") << u("/w==") << u("/w== <x@example.com>");
        QTest::newRow("comma in a word written as is") << QByteArray("=?UTF-8?B?a,b,c,d,e?=") << u("a,b,c,d,e")
                                                       << u("\"a,b,c,d,e\" <x@example.com>");
        QTest::newRow("valid word next to invalid word")   // Python's From: "é not*base64" (see rfc2047-split)
            << QByteArray("=?UTF-8?B?w6k=?= =?UTF-8?B?not*base64?=") << u("énot*base64") << u("énot*base64 <x@example.com>");
        QTest::newRow("valid word, text, invalid word") << QByteArray("=?UTF-8?B?w6k=?= x =?UTF-8?B?not*base64?=")
                                                        << u("é x not*base64") << u("é x not*base64 <x@example.com>");
        QTest::newRow("invalid word between valid words")
            << QByteArray("=?UTF-8?B?w6k=?= =?UTF-8?B?/w==?= =?UTF-8?B?w6k=?=") << u("é/w==é") << u("é/w==é <x@example.com>");
        QTest::newRow("split words still joined") << QByteArray("=?UTF-8?B?5rWL6K+V6YI=?= =?UTF-8?B?ruS7tiDigJQg5pyI5oql?=")
                                                  << u("测试邮件 — 月报") << u("测试邮件 — 月报 <x@example.com>");
        QTest::newRow("Q word unchanged") << QByteArray("=?UTF-8?Q?caf=C3=A9?=") << u("café") << u("café <x@example.com>");
        QTest::newRow("Q and invalid B") << QByteArray("=?UTF-8?Q?caf=C3=A9?= =?UTF-8?B?w6kxZ?=") << u("caféw6kxZ")
                                         << u("caféw6kxZ <x@example.com>");
    }
    void invalidEncodedWords_areShownAsWritten()
    {
        QFETCH(QByteArray, words);
        QFETCH(QString, subject);
        QFETCH(QString, from);
        const ParsedMail mail = parseMail(crlf("From: " + words + " <x@example.com>\nSubject: " + words + "\n\nbody\n"));
        QVERIFY(mail.ok);
        QCOMPARE(mail.subject, subject);
        QCOMPARE(mail.from, from);
        QCOMPARE(mail.headers.at(1), qMakePair(QStringLiteral("Subject"), subject));
    }

    // Hostile: a header of 40,000 encoded words, valid and invalid by turns, one run of one
    // charset. Each word is looked at once; a pass that went back over the run would take minutes.
    // A hostile header of 10,000 encoded words, alternating valid and undecodable: every one is
    // read, in order. (How fast is for benchmarks, not for a timed test; a pass that went
    // quadratic in the words would show here as the test's timeout.)
    void manyEncodedWords_areAllRead()
    {
        QByteArray subject;
        QString expected;
        for (int i = 0; i < 5000; ++i) {
            subject += "=?UTF-8?B?w6k=?=\n =?UTF-8?B?w6kxZ?= ";
            expected += u("éw6kxZ");
        }
        const ParsedMail mail = parseMail(crlf("From: a@example.com\nSubject: " + subject + "\n\nbody\n"));
        QVERIFY(mail.ok);
        QCOMPARE(mail.subject, expected);
    }

    void gb2312QuotedPrintableBody()
    {
        QByteArray qp;
        for (const char c : gbk("你好，世界"))
            qp += '=' + QByteArray::number(static_cast<uchar>(c), 16).toUpper().rightJustified(2, '0');
        const ParsedMail mail = parseMail(crlf("From: a@example.com\nSubject: gb\nMIME-Version: 1.0\n"
                                               "Content-Type: text/plain; charset=\"gb2312\"\n"
                                               "Content-Transfer-Encoding: quoted-printable\n\n"
                                               + qp + "=\n(soft break)\n"));
        QVERIFY(mail.ok);
        QCOMPARE(mail.textBody, u("你好，世界(soft break)\n"));
        QCOMPARE(mail.tree.size(), 1);
        QCOMPARE(mail.tree.at(0).charset, QStringLiteral("gb2312"));
        QCOMPARE(mail.attachmentCount(), 0);
    }

    void forwardedMessage_isATreeWithinATree()
    {
        const QString eml = writeMessage(
            "forward.eml",
            crlf("From: a@example.com\nTo: b@example.com\nSubject: Fwd: report\nMIME-Version: 1.0\n"
                 "Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: text/plain\n\nsee below\n"
                 "--outer\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n"
                 "From: c@example.com\nSubject: report\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=inner\n\n"
                 "--inner\nContent-Type: text/plain\n\ninner text\n--inner\n"
                 "Content-Type: application/pdf; name=report.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"
                 "--inner--\n\n--outer--\n"));
        const ParsedMail mail = parseMailFile(eml);
        QVERIFY(mail.ok);
        QCOMPARE(mail.subject, QStringLiteral("Fwd: report"));
        QCOMPARE(mail.textBody, QStringLiteral("see below"));   // the outer text, not the forwarded one
        QCOMPARE(treeLines(mail),
                 QStringList({QStringLiteral("multipart/mixed"), QStringLiteral("  text/plain"), QStringLiteral("  message/rfc822"),
                              QStringLiteral("    multipart/mixed"), QStringLiteral("      text/plain"),
                              QStringLiteral("      application/pdf")}));
        const int pdf = partNamed(mail, QStringLiteral("report.pdf"));
        QCOMPARE(pdf, 2);
        QCOMPARE(mail.tree.at(5).partIndex, pdf);
        QCOMPARE(mail.tree.at(2).partIndex, -1);   // a container, not a leaf
        QCOMPARE(mailPartBytes(eml, pdf), QByteArray("%PDF-"));
    }

    // --- broken on purpose: read as far as it goes, never crash ------------------------------

    void malformed_isReadAsFarAsItGoes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<int>("parts");
        QTest::newRow("empty") << QByteArray() << QString() << -1;   // no message at all: said so
        QTest::newRow("binary garbage") << randomBytes(4096) << QString() << -1;
        QTest::newRow("headers only") << crlf("Subject: only headers\n") << QStringLiteral("only headers") << 1;
        QTest::newRow("no blank line") << QByteArray("Subject: x") << QStringLiteral("x") << 1;
        QTest::newRow("multipart never closed")
            << crlf("Subject: open\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nhalf")
            << QStringLiteral("open") << 1;
        QTest::newRow("multipart without boundary")
            << crlf("Subject: nb\nContent-Type: multipart/mixed\n\n--B\nContent-Type: text/plain\n\ntext\n--B--\n")
            << QStringLiteral("nb") << -1;
        QTest::newRow("bad base64")
            << crlf("Subject: b64\nContent-Type: application/octet-stream; name=a.bin\nContent-Transfer-Encoding: base64\n\n"
                    "!!!!not base64 at all###\n")
            << QStringLiteral("b64") << 1;
        QTest::newRow("unknown charset")
            << crlf("Subject: =?x-nonsense?B?AAAA?=\nContent-Type: text/plain; charset=x-nonsense\n\nbody\n") << QString() << 1;
        QTest::newRow("NUL bytes in headers") << QByteArray("Subject: a\0b\r\n\r\nbody\r\n", 21) << QString() << 1;
        QTest::newRow("10,000-character header") << crlf("Subject: " + QByteArray(10000, 'y') + "\n\nbody\n")
                                                 << QString(10000, u'y') << 1;
        QByteArray deep = "Subject: deep\r\n";
        for (int i = 0; i < 2000; ++i)
            deep += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
        QTest::newRow("2,000 nested multiparts") << deep << QStringLiteral("deep") << -1;
    }
    void malformed_isReadAsFarAsItGoes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, subject);
        QFETCH(int, parts);
        const ParsedMail mail = parseMail(bytes);
        if (!mail.ok) {
            // Only random bytes may be beyond reading as a message at all; then it says why.
            QVERIFY2(subject.isNull() && parts < 0, qPrintable(mail.problem));
            QVERIFY(!mail.problem.isEmpty());
            return;
        }
        if (!subject.isNull())
            QCOMPARE(mail.subject, subject);
        if (parts >= 0)
            QCOMPARE(mail.parts.size(), parts);
        for (const MimeNode &node : mail.tree)
            QVERIFY(node.depth <= 65);
        // What was read can be saved, and saving a part that is not there says so.
        const QString eml = writeMessage("malformed.eml", bytes);
        for (int i = 0; i < mail.parts.size(); ++i)
            QCOMPARE(mailPartBytes(eml, i).size(), mail.parts.at(i).decodedSize);
        QVERIFY(!saveMailPart(eml, static_cast<int>(mail.parts.size()), m_dir.filePath(QStringLiteral("none"))).isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none"))));
    }

    void missingFilesAndFolders_areReportedNotCrashed()
    {
        const ParsedMail missing = parseMailFile(m_dir.filePath(QStringLiteral("no-such.eml")));
        QVERIFY(!missing.ok);
        QVERIFY2(missing.problem.contains(QStringLiteral("no-such.eml")), qPrintable(missing.problem));
        QVERIFY(mailPartBytes(m_dir.filePath(QStringLiteral("no-such.eml")), 0).isEmpty());

        const QString eml = writeMessage("one.eml", crlf("Subject: one\n\nbody\n"));
        const QString problem = saveMailPart(eml, 0, m_dir.filePath(QStringLiteral("no/such/folder/out.txt")));
        QVERIFY2(problem.contains(QStringLiteral("cannot write")), qPrintable(problem));
        QCOMPARE(saveMailPart(eml, -1, m_dir.filePath(QStringLiteral("out.txt"))).isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestMailParser)
#include "tst_mailparser.moc"
