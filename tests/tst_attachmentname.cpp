// The file name suggested for an attachment comes from its sender: a path, a "..", a control
// or bidi character, nothing at all. Finding 7 of issue 9: never a path of the sender's choosing,
// never a translated placeholder.

#include "mail/attachmentname.h"

#include <QTest>

using namespace socketeer;

class TestAttachmentName : public QObject {
    Q_OBJECT

private slots:
    void senderNameBecomesASafeBaseName_data()
    {
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("expected");
        const QString pdf = QStringLiteral("application/pdf");
        QTest::newRow("plain") << QStringLiteral("report.pdf") << pdf << QStringLiteral("report.pdf");
        QTest::newRow("chinese") << QString::fromUtf8("汇总数据.xlsx") << pdf << QString::fromUtf8("汇总数据.xlsx");
        QTest::newRow("spaces inside kept") << QStringLiteral("my report.pdf") << pdf << QStringLiteral("my report.pdf");
        QTest::newRow("absolute path") << QStringLiteral("/home/u/.bashrc") << pdf << QStringLiteral("bashrc");
        QTest::newRow("parent") << QStringLiteral("../x") << pdf << QStringLiteral("x");
        QTest::newRow("deep parent") << QStringLiteral("../../../../etc/cron.d/job") << pdf << QStringLiteral("job");
        QTest::newRow("windows path") << QStringLiteral("C:\\Users\\u\\evil.bat") << pdf << QStringLiteral("evil.bat");
        QTest::newRow("windows parent") << QStringLiteral("..\\..\\x.txt") << pdf << QStringLiteral("x.txt");
        QTest::newRow("hidden file") << QStringLiteral(".profile") << pdf << QStringLiteral("profile");
        QTest::newRow("dot") << QStringLiteral(".") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("dot dot") << QStringLiteral("..") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("trailing slash") << QStringLiteral("dir/") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("empty") << QString() << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("empty, parameters on the type") << QString() << QStringLiteral("Text/Plain; charset=utf-8")
                                                       << QStringLiteral("attachment.txt");
        QTest::newRow("empty, unknown type") << QString() << QStringLiteral("x-unknown/thing") << QStringLiteral("attachment");
        QTest::newRow("empty, no type") << QString() << QString() << QStringLiteral("attachment");
        QTest::newRow("only spaces and dots") << QStringLiteral(" . . ") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("trailing dots and spaces") << QStringLiteral("a.txt. . ") << pdf << QStringLiteral("a.txt");
        QTest::newRow("right-to-left override") << QString::fromUtf8("invoice\u202Efdp.exe") << pdf
                                                << QStringLiteral("invoicefdp.exe");
        QTest::newRow("every bidi mark") << QString::fromUtf8("a\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061Cb")
                                         << pdf << QStringLiteral("ab");
        QTest::newRow("C0 controls") << QStringLiteral("a\tb\r\nc\x01.txt") << pdf << QStringLiteral("abc.txt");
        QTest::newRow("nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b.txt")) << pdf << QStringLiteral("ab.txt");
        QTest::newRow("C1 controls and DEL") << QString::fromUtf8("a\u0085\u009b\u007fb") << pdf << QStringLiteral("ab");
        QTest::newRow("control between the dots") << QString::fromUtf8(".\u0001.") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("bidi hides a separator's dots") << QString::fromUtf8("x/.\u202E.") << pdf << QStringLiteral("attachment.pdf");
        QTest::newRow("only controls") << QString::fromUtf8("\u202E\u0001") << QStringLiteral("image/png")
                                       << QStringLiteral("attachment.png");
    }

    void senderNameBecomesASafeBaseName()
    {
        QFETCH(QString, sender);
        QFETCH(QString, contentType);
        QFETCH(QString, expected);
        QCOMPARE(safeAttachmentFileName(sender, contentType), expected);
    }

    void longNamesFitAFileSystemAndKeepTheExtension()
    {
        const QString chinese = QString(300, QChar(0x6c47)) + QStringLiteral(".xlsx");   // 3 bytes each in UTF-8
        const QString name = safeAttachmentFileName(chinese, QString());
        QVERIFY(name.toUtf8().size() <= 255);
        QVERIFY(name.endsWith(QStringLiteral(".xlsx")));
        QVERIFY(name.size() > 50);

        const QString latin = QString(1000, u'a');
        QCOMPARE(safeAttachmentFileName(latin, QString()), QString(255, u'a'));

        // A surrogate pair (an emoji) is never cut in half.
        const QString emoji = QString::fromUtf8("😀").repeated(100) + QStringLiteral(".txt");
        const QString cut = safeAttachmentFileName(emoji, QString());
        QVERIFY(cut.toUtf8().size() <= 255);
        QVERIFY(cut.endsWith(QStringLiteral(".txt")));
        QCOMPARE(QString::fromUtf8(cut.toUtf8()), cut);
    }

    void neverASeparatorNorADotName()
    {
        // Every name of a few characters from a hostile alphabet: none escapes as a path.
        const QList<QChar> alphabet{u'.', u'/', u'\\', u' ', QChar(0x202E), QChar(1), u'a'};
        const int n = static_cast<int>(alphabet.size());
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b)
                for (int c = 0; c < n; ++c)
                    for (int d = 0; d < n; ++d) {
                        const QString sender = QString(alphabet[a]) + alphabet[b] + alphabet[c] + alphabet[d];
                        const QString name = safeAttachmentFileName(sender, QString());
                        QVERIFY2(!name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && !name.startsWith(u'.')
                                     && name != QStringLiteral("..") && !name.contains(QChar(0x202E)) && !name.contains(QChar(1)),
                                 qPrintable(sender + QStringLiteral(" -> ") + name));
                    }
    }
};

QTEST_GUILESS_MAIN(TestAttachmentName)
#include "tst_attachmentname.moc"
