// The message log keeps within its bounds, shows every byte, filters, saves and logs to a file.

#include "messagelogview.h"

#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace socketeer::ui;

namespace {
LogEntry received(const QByteArray &data, const QString &peer = QStringLiteral("127.0.0.1:5000"))
{
    return {1700000000123, LogEntry::Direction::Received, peer, data, 0, {}};
}
} // namespace

class TestMessageLog : public QObject {
    Q_OBJECT

private slots:
    void rows_areBoundedAndKeepTheNewest()
    {
        MessageLogView view;
        view.setMaximumEntries(100);
        QList<LogEntry> batch;
        for (int i = 0; i < 250; ++i)
            batch.append(received(QByteArray::number(i)));
        view.appendBatch(batch);
        QCOMPARE(view.model()->rowCount(), 100);
        QCOMPARE(view.model()->entry(0).data, QByteArray("150"));
        for (int i = 250; i < 260; ++i)
            view.append(received(QByteArray::number(i)));
        // A burst is shown at the next refresh, not row by row.
        QTRY_COMPARE(view.model()->entry(99).data, QByteArray("259"));
        QCOMPARE(view.model()->rowCount(), 100);
    }

    void flood_isShownAtAPaceAndHeldInBoundedMemory()
    {
        MessageLogView view;
        view.append(received("first"));
        QCOMPARE(view.model()->rowCount(), 1);   // a message in a quiet moment shows at once
        // A flood: 3,000 deliveries of 1 MiB. Rows come in at the refresh pace, not one layout per
        // delivery, and the payload the log keeps stays within its budget: 3,000 entries are
        // fewer than the maximum number, but 3,000 x 16 KiB kept would be 47 MiB.
        const int deliveries = 3000;
        QVERIFY(deliveries < view.model()->maximumEntries());
        QVERIFY(deliveries * MessageLogModel::kKeptPerEntry > MessageLogModel::kKeptInAll);
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < deliveries; ++i)
            view.append(received(chunk));
        QCOMPARE(view.model()->rowCount(), 1);   // held until the next refresh
        QTRY_VERIFY(view.model()->rowCount() > 1);
        QVERIFY(view.model()->rowCount() < deliveries + 1);   // the oldest went to keep within the budget
        qsizetype kept = 0;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            QVERIFY(view.model()->entry(row).data.size() <= MessageLogModel::kKeptPerEntry);
            kept += view.model()->entry(row).data.size();
        }
        QVERIFY(kept <= MessageLogModel::kKeptInAll);
        QCOMPARE(view.model()->entry(view.model()->rowCount() - 1).size, chunk.size());   // the size is exact
    }

    void bigPayload_isKeptInPartAndSaysSo()
    {
        MessageLogView view;
        const QByteArray big(1024 * 1024, 'x');
        view.append(received(big));
        const LogEntry &entry = view.model()->entry(0);
        QCOMPARE(entry.size, qint64(big.size()));
        QCOMPARE(entry.data.size(), MessageLogModel::kKeptPerEntry);
        const QString cell = view.model()->index(0, MessageLogModel::DataColumn).data().toString();
        QVERIFY2(cell.contains(QLatin1String("more byte")), qPrintable(cell.right(40)));
        QCOMPARE(view.model()->index(0, MessageLogModel::SizeColumn).data().toLongLong(), qint64(big.size()));
    }

    void textAndHex_andEncodings_showEveryByte()
    {
        MessageLogView view;
        view.append(received(QByteArray("\xc4\xe3\xba\xc3\xff", 5)));
        const QModelIndex cell = view.model()->index(0, MessageLogModel::DataColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("\\xC4\\xE3\\xBA\\xC3\\xFF"));   // not UTF-8
        view.setEncoding(TextEncoding::Gbk);
        QCOMPARE(cell.data().toString(), QStringLiteral("你好\\xFF"));
        view.setHexView(true);
        QCOMPARE(cell.data().toString(), QStringLiteral("C4 E3 BA C3 FF"));
    }

    void filter_matchesTextAndPeer()
    {
        MessageLogView view;
        view.append(received("hello", QStringLiteral("127.0.0.1:1111")));
        view.append(received("world", QStringLiteral("127.0.0.1:2222")));
        view.append(received("help", QStringLiteral("127.0.0.1:2222")));
        auto *filter = view.findChild<QLineEdit *>(QStringLiteral("logFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("hel"));
        QCOMPARE(view.visibleRowCount(), 2);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("2222"));
        QCOMPARE(view.visibleRowCount(), 2);
        filter->clear();
        QCOMPARE(view.visibleRowCount(), 3);
    }

    void saveAndContinuousLogging_writeFullLines()
    {
        QTemporaryDir dir;
        MessageLogView view;
        const QString logPath = dir.filePath(QStringLiteral("live.log"));
        QVERIFY(view.startLoggingTo(logPath));
        const QByteArray big(100 * 1024, 'y');
        view.append(received("first"));
        view.append(received(big));
        view.info(QStringLiteral("client connected"), QStringLiteral("127.0.0.1:5000"));
        view.stopLogging();
        QFile live(logPath);
        QVERIFY(live.open(QIODevice::ReadOnly));
        const QByteArray logged = live.readAll();
        QCOMPARE(logged.count('\n'), 3);
        QVERIFY(logged.contains("first"));
        QVERIFY(logged.contains(big));   // the file has the whole payload, not the display's cut
        QVERIFY(logged.contains("client connected"));

        const QString savedPath = dir.filePath(QStringLiteral("saved.txt"));
        QVERIFY(view.saveTo(savedPath));
        QFile saved(savedPath);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY2(text.contains("127.0.0.1:5000 (5 byte") && text.contains(") first"), text.constData());
        QString error;
        QVERIFY(!view.saveTo(QStringLiteral("/no/such/dir/x.txt"), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestMessageLog)
#include "tst_messagelog.moc"
