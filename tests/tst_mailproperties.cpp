// A property of the mail code as a whole: a message built by MailMessage (core/mail/mailmessage)
// and read by the inbox's parser (core/mail/mailparser) gives back what was put in — sender,
// recipients, subject, body, every attachment's file name (Chinese, long, with quotes or
// semicolons) and bytes — and nothing of the Bcc. Checked over many generated messages rather than
// a few examples; tst_mailmessage checks the same messages against Python's reader. The random
// messages come from a fixed seed (SOCKETEER_PROPERTY_SEED overrides it; a failure names it).

#include "mailtestutil.h"

#include "mail/mailaddress.h"
#include "mail/mailmessage.h"
#include "mail/mailparser.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace socketeer;
using namespace testsupport;

namespace {

template <typename T, size_t N>
const T &pick(QRandomGenerator &random, const T (&items)[N])
{
    return items[random.bounded(int(N))];
}

QString randomText(QRandomGenerator &random, int maxWords)
{
    static const char *words[] = {"月报", "数据", "hello", "naïve", "café", "—", "测试邮件", "=?utf-8?B?", "Re:", "\"quoted\"",
                                  "a,b", "x;y", "(paren)", "😀", "汇总", "100%", "tab\there", "\\back", "王大锤", "ʻokina"};
    QStringList out;
    for (int n = random.bounded(1, maxWords + 1); n > 0; --n)
        out << QString::fromUtf8(pick(random, words));
    return out.join(QLatin1Char(' '));
}

MailAddress randomAddress(QRandomGenerator &random, int n)
{
    static const char *names[] = {"", "王大锤", "Bob, Jr.", "李四", "Ann O'Neil", "\"Q\" Tester", "Dr. Who", "张 三", "x<y>"};
    static const char *domains[] = {"example.com", "example.org", "例子.中国", "mail.example.cn"};
    return {QString::fromUtf8(pick(random, names)),
            QStringLiteral("user%1@%2").arg(n).arg(QString::fromUtf8(pick(random, domains)))};
}

QString randomFileName(QRandomGenerator &random, int n)
{
    static const char *stems[] = {"汇总数据", "report", "本月数据 2026年12月", "a \"quoted\" name", "semi;colon",
                                  "long-name-that-is-much-longer-than-one-header-line-of-seventy-eight-characters-汇总数据汇总数据",
                                  "naïve café", "空 格"};
    static const char *extensions[] = {".xlsx", ".txt", ".png", ".pdf", ".tar.gz", ""};
    return QStringLiteral("%1-%2%3").arg(QString::fromUtf8(pick(random, stems))).arg(n).arg(QString::fromUtf8(pick(random, extensions)));
}

QByteArray randomContent(QRandomGenerator &random)
{
    switch (random.bounded(4)) {
    case 0: return QByteArray();
    case 1: return QByteArray("line one\nline two\r\n.\r\nFrom the start\n");
    default: {
        QByteArray bytes(random.bounded(1, 5000), Qt::Uninitialized);
        for (char &c : bytes)
            c = static_cast<char>(random.bounded(256));
        return bytes;
    }
    }
}

// An internationalized domain travels as punycode (GMime writes it so, and reads it back so): the
// same address either way.
QList<MailAddress> withAceDomains(QList<MailAddress> list)
{
    for (MailAddress &address : list) {
        const qsizetype at = address.address.lastIndexOf(QLatin1Char('@'));
        address.address = address.address.left(at + 1) + QString::fromLatin1(QUrl::toAce(address.address.mid(at + 1)));
    }
    return list;
}

QString headerValue(const ParsedMail &mail, const char *name)
{
    for (const auto &header : mail.headers)
        if (header.first.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return header.second;
    return {};
}

// The decoded header (ParsedMail::headers) is a real address list again; ParsedMail::from/to/cc
// are for people (GMime leaves quotes inside a name unescaped there), so they only have to show
// every name and address.
bool sameAddresses(const ParsedMail &mail, const char *header, const QString &shown, const QList<MailAddress> &expected)
{
    const auto parsed = parseMailAddressList(headerValue(mail, header), QStringLiteral("header"));
    if (!parsed.ok() || withAceDomains(*parsed) != withAceDomains(expected))
        return false;
    const QList<MailAddress> ace = withAceDomains(expected);
    return std::all_of(ace.begin(), ace.end(), [&shown](const MailAddress &a) {
        return shown.contains(a.name) && shown.contains(a.address);
    });
}

quint32 propertySeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SOCKETEER_PROPERTY_SEED").toUInt(&ok);
    return ok ? seed : 20261204u;
}

} // namespace

class TestMailProperties : public QObject {
    Q_OBJECT

private slots:
    void builtMessages_parseBackToWhatWasPutIn()
    {
        const quint32 seed = propertySeed();
        QRandomGenerator random(seed);
        int attachmentsSeen = 0;
        for (int round = 0; round < 60; ++round) {
            const QString where = QStringLiteral("seed %1, message %2 (SOCKETEER_PROPERTY_SEED=%1 repeats it)").arg(seed).arg(round);
            QTemporaryDir dir;
            QVERIFY(dir.isValid());

            MailMessage message;
            message.from = randomAddress(random, 0);
            for (int i = random.bounded(1, 4); i > 0; --i)
                message.to << randomAddress(random, 10 + i);
            for (int i = random.bounded(0, 3); i > 0; --i)
                message.cc << randomAddress(random, 20 + i);
            message.bcc << MailAddress{QString(), QStringLiteral("hidden%1@bcc.example").arg(round)};
            message.subject = random.bounded(5) == 0 ? QString() : randomText(random, random.bounded(2) ? 4 : 60);
            message.body = randomText(random, 30) + QStringLiteral("\n.\n..dots\nFrom me\n") + randomText(random, 3) + QLatin1Char('\n');
            QList<QByteArray> contents;
            QStringList names;
            for (int i = random.bounded(0, 4); i > 0; --i) {
                const QString name = randomFileName(random, i);
                const QByteArray content = randomContent(random);
                QVERIFY(writeFile(dir.filePath(name), content));
                message.attachments << dir.filePath(name);
                names << name;
                contents << content;
            }

            const QString eml = dir.filePath(QStringLiteral("message.eml"));
            const auto written = writeMailMessage(message, eml);
            QVERIFY2(written.ok(), qPrintable(where + QLatin1String(": ") + (written.ok() ? QString() : written.error().message())));
            QVERIFY2(!readFile(eml).contains("hidden"), qPrintable(where + QLatin1String(": the Bcc is in the message")));

            const ParsedMail mail = parseMailFile(eml);
            QVERIFY2(mail.ok, qPrintable(where + QLatin1String(": ") + mail.problem));
            QVERIFY2(sameAddresses(mail, "From", mail.from, {message.from}), qPrintable(where + QLatin1String(": From is ") + mail.from));
            QVERIFY2(sameAddresses(mail, "To", mail.to, message.to), qPrintable(where + QLatin1String(": To is ") + mail.to));
            QVERIFY2(sameAddresses(mail, "Cc", mail.cc, message.cc), qPrintable(where + QLatin1String(": Cc is ") + mail.cc));
            QVERIFY2(mail.subject == message.subject,
                     qPrintable(where + QStringLiteral(": subject \"%1\" came back as \"%2\"").arg(message.subject, mail.subject)));
            QVERIFY2(mail.textBody == message.body,
                     qPrintable(where + QStringLiteral(": body \"%1\" came back as \"%2\"").arg(message.body, mail.textBody)));
            for (const auto &header : mail.headers)
                QVERIFY2(header.first.compare(QLatin1String("Bcc"), Qt::CaseInsensitive) != 0, qPrintable(where));

            // The body, then one part per attachment, in order, named and sized as the file.
            QCOMPARE(mail.attachmentCount(), names.size());
            QCOMPARE(mail.parts.size(), names.size() + 1);
            for (qsizetype i = 0; i < names.size(); ++i) {
                const MailPart &part = mail.parts[i + 1];
                QVERIFY2(part.isAttachment, qPrintable(where));
                QVERIFY2(part.fileName == names[i],
                         qPrintable(where + QStringLiteral(": file name \"%1\" came back as \"%2\"").arg(names[i], part.fileName)));
                QCOMPARE(part.decodedSize, contents[i].size());
                QVERIFY2(mailPartBytes(eml, int(i + 1)) == contents[i], qPrintable(where + QLatin1String(": bytes of ") + names[i]));
                ++attachmentsSeen;
            }
        }
        QVERIFY(attachmentsSeen > 30);   // the generator really attaches files
    }

    // Found by the property above: a subject holding text that looks like an RFC 2047 encoded
    // word was written mangled (GMime's encoder left "=?utf-8?B?" as it was and broke the words
    // after it), so every reader, Python's too, showed another subject. Teachers of RFC 2047
    // type exactly such subjects.
    void subjectLookingLikeEncodedWords_comesBackAsTyped_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::newRow("start of a word") << u("=?utf-8?B? \\back café");
        QTest::newRow("a whole word") << u("RFC 2047: =?UTF-8?B?5rWL6K+V?= means 测试");
        QTest::newRow("ASCII only") << QStringLiteral("see =?iso-8859-1?q?a?= and ?= and =?");
        QTest::newRow("long") << u("=?gb2312?B?") + QString(40, QChar(0x6D4B)) + QStringLiteral(" end");
    }
    void subjectLookingLikeEncodedWords_comesBackAsTyped()
    {
        QFETCH(QString, subject);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MailMessage message;
        message.from = mailAddress("a@example.com");
        message.to = {mailAddress("b@example.com")};
        message.subject = subject;
        message.body = QStringLiteral("body\n");
        const QString eml = dir.filePath(QStringLiteral("m.eml"));
        QVERIFY(writeMailMessage(message, eml).ok());
        // RFC 2047 section 2: an encoded word is at most 75 characters.
        static const QRegularExpression word(QStringLiteral(R"(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)"));
        const QString raw = QString::fromLatin1(readFile(eml));
        for (auto words = word.globalMatch(raw); words.hasNext();) {
            const QString found = words.next().captured();
            QVERIFY2(found.size() <= 75, qPrintable(found));
        }
        QCOMPARE(parseMailFile(eml).subject, subject);
        const QJsonObject python = inspectMail(eml);   // an independent reader
        QCOMPARE(python[QLatin1String("subject")].toString(), subject);
    }
};

QTEST_GUILESS_MAIN(TestMailProperties)
#include "tst_mailproperties.moc"
