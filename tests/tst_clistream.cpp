// socketeer serve with a large stdin (finding 5): stdin is streamed to every client at the pace
// of the slowest, never dropped for being faster than they are. Real readers: nc piped into
// sha256sum, and the tutorial-style python reader.

#include "clipeer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using testsupport::Cli;
using testsupport::Peer;

class TestCliStream : public QObject {
    Q_OBJECT

private slots:
    void serve_streams100MBOfStdinToEveryClientByteForByte_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("event-loop") << u"event-loop"_s;
        QTest::newRow("thread-per-client") << u"thread-per-client"_s;
    }
    void serve_streams100MBOfStdinToEveryClientByteForByte()
    {
        QFETCH(QString, model);
        QVERIFY2(Peer::haveProgram(u"nc"_s), "nc (netcat-openbsd) is missing: scripts/install-deps.sh installs it");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const qint64 size = 100LL * 1024 * 1024;
        const QString file = dir.filePath(u"100MB.bin"_s);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QRandomGenerator random(20261204);
            QByteArray block(1024 * 1024, Qt::Uninitialized);
            for (qint64 written = 0; written < size; written += block.size()) {
                random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
                hash.addData(block);
                QCOMPARE(out.write(block), block.size());
            }
        }
        const QByteArray expected = hash.result().toHex();

        // stdin is a FIFO that this test holds open, so the server's stdin has no end and bytes
        // flow only once the clients are there (serve drops what it reads while nobody is).
        const QString fifo = dir.filePath(u"stdin"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const int holder = ::open(QFile::encodeName(fifo).constData(), O_RDWR | O_CLOEXEC);
        QVERIFY(holder >= 0);
        Cli server;
        server.process().setStandardInputFile(fifo);
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--model"_s, model}));
        const quint16 port = server.readPortLine("listening on ");
        QVERIFY(port);

        const QString sizeText = QString::number(size);
        Peer nc1, nc2, python;
        const QString ncPipeline = u"nc -d 127.0.0.1 %1 | head -c %2 | sha256sum"_s.arg(port).arg(size);
        QVERIFY(nc1.startProgram(u"sh"_s, {u"-c"_s, ncPipeline}));
        QVERIFY(server.waitForError("connected from"));
        QVERIFY(nc2.startProgram(u"sh"_s, {u"-c"_s, ncPipeline}));
        QVERIFY(python.startPython(u"tcp_slow_reader.py"_s, {u"127.0.0.1"_s, QString::number(port), u"65536"_s, u"0"_s, sizeText}));
        QVERIFY(python.readLine().startsWith("connected"));
        python.write("go\n");
        QTRY_COMPARE_WITH_TIMEOUT(server.errors().count("connected from"), 3, 20000);

        Peer feeder;   // cat FILE > FIFO: the issue's `cat 100MB.bin | socketeer serve`
        QVERIFY(feeder.startProgram(u"sh"_s, {u"-c"_s, u"exec cat \"$0\" > \"$1\""_s, file, fifo}));

        QCOMPARE(python.readLine(300000), "got " + QByteArray::number(size) + ' ' + expected);
        QCOMPARE(nc1.readLine(300000), expected + "  -");
        QCOMPARE(nc2.readLine(300000), expected + "  -");
        QVERIFY2(!server.errors().contains("not reading"), server.errors().constData());
        QVERIFY(feeder.waitForFinished(60000));
        QVERIFY(server.stopsCleanlyOn(SIGTERM));
        ::close(holder);
    }

    // stdin that cannot be read (a directory: `socketeer serve < ~/project`) is said on stderr,
    // not taken silently for an empty input.
    void serve_saysWhenStdinCannotBeRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Cli server;
        server.process().setStandardInputFile(dir.path());
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s}));
        QVERIFY(server.readPortLine("listening on "));
        QVERIFY2(server.waitForError("reading standard input: "), server.errors().constData());
        QVERIFY2(server.errors().contains(qPrintable(QString::fromLocal8Bit(std::strerror(EISDIR)))), server.errors().constData());
        QVERIFY(server.stopsCleanlyOn(SIGTERM));   // still serving until told to stop
    }
    void connect_saysWhenStdinCannotBeRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Peer echo;
        QVERIFY(echo.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);
        Cli client;
        client.process().setStandardInputFile(dir.path());
        QVERIFY(client.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port)}));
        QVERIFY2(client.waitForError("reading standard input: "), client.errors().constData());
        QVERIFY(client.waitForFinished(20000));   // the input is over: it half-closes and the echo server ends it
    }

    void serve_stallTimeout_isAnOptionAndChecked()
    {
        Cli server;
        QVERIFY(server.start({u"serve"_s, u"--port"_s, u"0"_s, u"--stall-timeout"_s, u"soon"_s}));
        QVERIFY(server.waitForFinished());
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.errors().contains("--stall-timeout"));
    }
};

QTEST_GUILESS_MAIN(TestCliStream)
#include "tst_clistream.moc"
