// The inbox's search language (core/mail/mailsearch.h), by rows: what parses to what, what is
// refused and why, what matches, and the canonical text parsing back to the same query.

#include "mail/mailsearch.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace socketeer;
using Kind = MailSearchTerm::Kind;

Q_DECLARE_METATYPE(socketeer::MailQuery)

namespace {

MailSearchTerm term(Kind kind, const QString &text = {}, bool negated = false)
{
    MailSearchTerm t;
    t.kind = kind;
    t.text = text;
    t.negated = negated;
    return t;
}

MailSearchTerm dated(Kind kind, QDate date, bool negated = false)
{
    MailSearchTerm t;
    t.kind = kind;
    t.date = date;
    t.negated = negated;
    return t;
}

MailSearchTerm sized(Kind kind, qint64 bytes)
{
    MailSearchTerm t;
    t.kind = kind;
    t.bytes = bytes;
    return t;
}

MailSearchFields sample()
{
    MailSearchFields m;
    m.from = u"王大锤 <wang@example.com>"_s;
    m.to = u"Zhang <zhang@example.com>, ops@example.org"_s;
    m.subject = u"Monthly report: 月度汇总"_s;
    m.mailFrom = u"bounce@mailer.example.net"_s;
    m.recipients = {u"zhang@example.com"_s, u"hidden-bcc@example.org"_s};
    m.receivedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::LocalTime);
    m.size = 20 * 1024;
    m.attachments = 1;
    return m;
}

} // namespace

class TestMailSearch : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<MailQuery>("expected");
        QTest::newRow("empty") << u""_s << MailQuery{};
        QTest::newRow("spaces only") << u"  \t "_s << MailQuery{};
        QTest::newRow("free words") << u"hello  world"_s << MailQuery{{term(Kind::Text, u"hello"_s), term(Kind::Text, u"world"_s)}};
        QTest::newRow("phrase") << u"\"two words\""_s << MailQuery{{term(Kind::Text, u"two words"_s)}};
        QTest::newRow("unterminated phrase") << u"\"two wo"_s << MailQuery{{term(Kind::Text, u"two wo"_s)}};
        QTest::newRow("empty phrase ignored") << u"\"\" -\"\""_s << MailQuery{};
        QTest::newRow("keys any case") << u"FROM:wang To:zhang subject:report"_s
                                       << MailQuery{{term(Kind::From, u"wang"_s), term(Kind::To, u"zhang"_s), term(Kind::Subject, u"report"_s)}};
        QTest::newRow("quoted value") << u"subject:\"monthly report\" x"_s
                                      << MailQuery{{term(Kind::Subject, u"monthly report"_s), term(Kind::Text, u"x"_s)}};
        QTest::newRow("negation") << u"-from:bot -has:attachment -spam"_s
                                  << MailQuery{{term(Kind::From, u"bot"_s, true), term(Kind::HasAttachment, {}, true), term(Kind::Text, u"spam"_s, true)}};
        QTest::newRow("lone dash is text") << u"a - b"_s << MailQuery{{term(Kind::Text, u"a"_s), term(Kind::Text, u"-"_s), term(Kind::Text, u"b"_s)}};
        QTest::newRow("unknown prefix is text") << u"re: http://x"_s << MailQuery{{term(Kind::Text, u"re:"_s), term(Kind::Text, u"http://x"_s)}};
        QTest::newRow("dates") << u"after:2026-12-01 before:2027-01-01"_s
                               << MailQuery{{dated(Kind::After, QDate(2026, 12, 1)), dated(Kind::Before, QDate(2027, 1, 1))}};
        QTest::newRow("sizes") << u"larger:10K smaller:2m larger:512 smaller:1GB"_s
                               << MailQuery{{sized(Kind::Larger, 10240), sized(Kind::Smaller, 2 * 1024 * 1024), sized(Kind::Larger, 512),
                                             sized(Kind::Smaller, qint64(1024) * 1024 * 1024)}};
        QTest::newRow("chinese") << u"subject:月度 王大锤"_s << MailQuery{{term(Kind::Subject, u"月度"_s), term(Kind::Text, u"王大锤"_s)}};
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(MailQuery, expected);
        const auto query = parseMailQuery(text);
        QVERIFY2(query.ok(), query.ok() ? "" : qPrintable(query.error().detail));
        QCOMPARE(formatMailQuery(*query), formatMailQuery(expected));
        QVERIFY(*query == expected);
        const auto again = parseMailQuery(formatMailQuery(*query));
        QVERIFY(again.ok() && *again == *query);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty from") << u"from: x"_s << u"from:"_s;
        QTest::newRow("empty quoted subject") << u"subject:\"\""_s << u"subject:"_s;
        QTest::newRow("has what") << u"has:wings"_s << u"has:attachment"_s;
        QTest::newRow("bad date") << u"after:tomorrow"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("impossible date") << u"before:2026-02-30"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("short date") << u"after:2026-1-5"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("bad size") << u"larger:lots"_s << u"10K"_s;
        QTest::newRow("negative size") << u"smaller:-5"_s << u"10K"_s;
        QTest::newRow("fraction") << u"larger:1.5M"_s << u"10K"_s;
        QTest::newRow("huge size") << u"larger:99999999999G"_s << u"10K"_s;
        QTest::newRow("unit only") << u"larger:K"_s << u"10K"_s;
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const auto query = parseMailQuery(text);
        QVERIFY(!query.ok());
        QVERIFY2(query.error().detail.contains(says), qPrintable(query.error().detail));
    }

    void match_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("everything") << u""_s << true;
        QTest::newRow("free text in subject, any case") << u"MONTHLY"_s << true;
        QTest::newRow("free text in from name") << u"大锤"_s << true;
        QTest::newRow("free text in envelope recipient") << u"hidden-bcc"_s << true;
        QTest::newRow("free text nowhere") << u"invoice"_s << false;
        QTest::newRow("from header") << u"from:wang@"_s << true;
        QTest::newRow("from envelope") << u"from:bounce"_s << true;
        QTest::newRow("from is not to") << u"from:zhang"_s << false;
        QTest::newRow("to cc header") << u"to:ops@"_s << true;
        QTest::newRow("to envelope") << u"to:hidden"_s << true;
        QTest::newRow("subject phrase") << u"subject:\"report: 月度\""_s << true;
        QTest::newRow("subject is not from") << u"subject:wang"_s << false;
        QTest::newRow("has attachment") << u"has:attachment"_s << true;
        QTest::newRow("not has attachment") << u"-has:attachment"_s << false;
        QTest::newRow("after the day before") << u"after:2026-12-04"_s << true;
        QTest::newRow("after the same day") << u"after:2026-12-05"_s << true;
        QTest::newRow("after the next day") << u"after:2026-12-06"_s << false;
        QTest::newRow("before the same day") << u"before:2026-12-05"_s << false;
        QTest::newRow("before the next day") << u"before:2026-12-06"_s << true;
        QTest::newRow("larger") << u"larger:19K"_s << true;
        QTest::newRow("larger equal") << u"larger:20K"_s << false;
        QTest::newRow("smaller") << u"smaller:21K"_s << true;
        QTest::newRow("smaller equal") << u"smaller:20480"_s << false;
        QTest::newRow("all of them") << u"from:wang to:zhang subject:report has:attachment larger:1K -spam"_s << true;
        QTest::newRow("one fails") << u"from:wang to:zhang -report"_s << false;
    }

    void match()
    {
        QFETCH(QString, text);
        QFETCH(bool, matches);
        const auto query = parseMailQuery(text);
        QVERIFY(query.ok());
        QCOMPARE(matchesMailQuery(*query, sample()), matches);
    }

    // A row whose headers are not parsed yet: has:attachment can tell neither way, and no date
    // matches neither after: nor before:.
    void unknownFacts_matchNeitherWay()
    {
        MailSearchFields m = sample();
        m.attachments = -1;
        m.receivedAt = {};
        for (const QString &text : {u"has:attachment"_s, u"-has:attachment"_s, u"after:2000-01-01"_s, u"-after:2000-01-01"_s})
            QVERIFY2(!matchesMailQuery(*parseMailQuery(text), m), qPrintable(text));
        QVERIFY(matchesMailQuery(*parseMailQuery(u"wang"_s), m));
    }

    void canonicalText_quotesWhatWouldReadOtherwise()
    {
        MailQuery query{{term(Kind::Text, u"from:x"_s), term(Kind::Text, u"-x"_s), term(Kind::Text, u"a b"_s),
                         term(Kind::Subject, u"a b"_s, true)}};
        const QString text = formatMailQuery(query);
        QCOMPARE(text, u"\"from:x\" \"-x\" \"a b\" -subject:\"a b\""_s);
        const auto again = parseMailQuery(text);
        QVERIFY(again.ok() && *again == query);
    }

    // A quote inside a word is not searched for: it only opens or closes a phrase. Kept, a text
    // such as `--"x` could not be written back between quotes (found by fuzz_mailsearch).
    void quoteInsideAWord_isDropped()
    {
        QCOMPARE(*parseMailQuery(u"from:a\"b"_s), (MailQuery{{term(Kind::From, u"ab"_s)}}));
        QCOMPARE(*parseMailQuery(u"x\"y"_s), (MailQuery{{term(Kind::Text, u"xy"_s)}}));
        const auto odd = parseMailQuery(u"--\"x"_s);
        QVERIFY(odd.ok());
        QCOMPARE(*odd, (MailQuery{{term(Kind::Text, u"-x"_s, true)}}));
        QCOMPARE(*parseMailQuery(formatMailQuery(*odd)), *odd);
    }
};

QTEST_GUILESS_MAIN(TestMailSearch)
#include "tst_mailsearch.moc"
