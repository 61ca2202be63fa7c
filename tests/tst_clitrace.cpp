// socketeer connect|udp --trace FILE.json (issue 12): the socket calls of a command-line run,
// written in the timeline's file format; the same file the window opens and steps through. Real
// peers: the tutorial-style python echo servers.

#include "clipeer.h"

#include "net/tracefile.h"
#include "net/tracerecording.h"

#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace testsupport;
using namespace Qt::StringLiterals;

namespace {
const TraceEvent *findCall(const TraceFile &file, const QString &call, const QByteArray &bytes = {})
{
    for (const TraceEvent &event : file.events) {
        if (event.call == call && (bytes.isEmpty() || event.bytes == bytes))
            return &event;
    }
    return nullptr;
}
} // namespace

class TestCliTrace : public QObject {
    Q_OBJECT

private slots:
    void connect_trace_writesTheCallsWithTheirBytes_andTheyStep()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Peer echo;
        QVERIFY(echo.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);
        const QString path = dir.filePath(u"run.json"_s);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--trace"_s, path}));
        client.write("hello\n");
        QCOMPARE(client.readBytes(6), QByteArray("hello\n"));
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 0);

        const auto file = readTraceFile(path);
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message()));
        QVERIFY(!file->appVersion.isEmpty());
        QVERIFY(findCall(*file, u"connect"_s));
        const TraceEvent *send = findCall(*file, u"send"_s, "hello\n");
        const TraceEvent *recv = findCall(*file, u"recv"_s, "hello\n");
        QVERIFY(send && recv);
        QCOMPARE(send->byteCount, 6);
        QVERIFY(send->sequence < recv->sequence);

        // As the window opens it: a recording that steps from the first call to the last, in order.
        TraceRecording recording;
        recording.reset(file->events, file->dropped);
        quint64 previous = 0;
        int steps = 0;
        while (recording.stepForward()) {
            QVERIFY(recording.shown(recording.cursor()).sequence > previous);
            previous = recording.shown(recording.cursor()).sequence;
            ++steps;
        }
        QCOMPARE(steps, static_cast<int>(file->events.size()));
    }

    void udp_trace_recordsSendtoAndRecvfrom()
    {
        QTemporaryDir dir;
        Peer server;
        QVERIFY(server.startPython(u"udp_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        const QString path = dir.filePath(u"udp.json"_s);
        Cli udp;
        QVERIFY(udp.start({u"udp"_s, u"--to"_s, u"127.0.0.1:%1"_s.arg(port), u"--trace"_s, path}));
        bool ok = false;
        QVERIFY(udp.readLine(10000, &ok).startsWith("bound ") && ok);
        udp.write("ping\n");
        QVERIFY(udp.readLine(10000, &ok).endsWith(" ping") && ok);   // the python server answers
        udp.process().terminate();   // udp runs until SIGTERM, then exits 0 and writes the file
        QVERIFY(udp.waitForFinished(20000));
        QCOMPARE(udp.exitCode(), 0);
        const auto file = readTraceFile(path);
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message()));
        QVERIFY(findCall(*file, u"sendto"_s, "ping"));   // a line is sent without its newline
        QVERIFY(findCall(*file, u"recvfrom"_s));
    }

    void trace_unwritablePath_isAnErrorAtTheEnd()
    {
        Peer echo;
        QVERIFY(echo.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = echo.readListeningPort();
        QVERIFY(port);
        Cli client;
        QVERIFY(client.start({u"connect"_s, u"127.0.0.1"_s, QString::number(port), u"--trace"_s, u"/nonexistent-dir/run.json"_s}));
        client.closeWrite();
        QVERIFY(client.waitForFinished(20000));
        QCOMPARE(client.exitCode(), 1);
        QVERIFY2(client.errors().contains("nonexistent-dir"), client.errors().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTrace)
#include "tst_clitrace.moc"
