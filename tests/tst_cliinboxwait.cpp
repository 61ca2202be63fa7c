// `socketeer inbox wait`, as a test script uses it: started before the mail is sent, it returns
// when a matching message arrives from another process (a running `socketeer inbox`), and not for
// one that does not match; it finds one that is there already (unless --new); it exits 1 at its
// timeout; it waits for a folder that does not exist yet. Every wait is on the processes' output
// (the waiter says "waiting for a message" once it watches), never a sleep.

#include "inboxcli.h"
#include "mailtestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

bool sendSubject(quint16 port, const QString &folder, const QString &subject, const QString &from = u"robot@example.com"_s)
{
    const QString path = folder + u"/msg-"_s + QString::number(qHash(subject)) + u".eml"_s;
    const QByteArray message = "From: " + from.toUtf8() + "\r\nTo: qa@example.com\r\nSubject: " + subject.toUtf8()
                               + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n";
    return writeFile(path, message) && sendRaw(port, path, from);
}

} // namespace

class TestCliInboxWait : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void startedBeforeTheMail_returnsWhenAMatchingOneArrives()
    {
        const QString dir = m_tmp.filePath(u"before"_s);
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);

        Cli wait;
        QVERIFY(wait.start({u"inbox"_s, u"wait"_s, u"--dir"_s, dir, u"--subject-contains"_s, u"ORDER-7"_s, u"--from"_s,
                            u"shop@example.com"_s, u"--timeout"_s, u"60"_s, u"--json"_s}));
        QVERIFY(wait.waitForError("waiting for a message"));

        // Not this one (right subject, wrong sender), nor this one (wrong subject)…
        QVERIFY(sendSubject(port, m_tmp.path(), u"order-7 shipped"_s, u"spam@example.com"_s));
        QVERIFY(!nextReceivedId(inbox).isEmpty());
        QVERIFY(sendSubject(port, m_tmp.path(), u"newsletter"_s, u"shop@example.com"_s));
        QVERIFY(!nextReceivedId(inbox).isEmpty());
        // …but this one.
        QVERIFY(sendSubject(port, m_tmp.path(), u"Your order-7 (订单) has shipped"_s, u"shop@example.com"_s));
        const QString id = nextReceivedId(inbox);
        QVERIFY(!id.isEmpty());

        QVERIFY(wait.waitForFinished(30000));
        QVERIFY2(wait.exitCode() == 0, wait.errors().constData());
        const QJsonObject found = QJsonDocument::fromJson(wait.process().readAllStandardOutput()).object();
        QCOMPARE(found.value(u"id"_s).toString(), id);
        QCOMPARE(found.value(u"subject"_s).toString(), u"Your order-7 (订单) has shipped"_s);
        QCOMPARE(found.value(u"mailFrom"_s).toString(), u"shop@example.com"_s);

        // What a script does next: show the message it waited for.
        const CliRun show = runInbox({u"show"_s, id, u"--json"_s, u"--dir"_s, dir});
        QCOMPARE(show.exitCode, 0);
        QCOMPARE(show.json().object().value(u"subject"_s).toString(), u"Your order-7 (订单) has shipped"_s);
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }

    void alreadyThere_isFound_unlessNew()
    {
        const QString dir = m_tmp.filePath(u"there"_s);
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);
        QVERIFY(sendSubject(port, m_tmp.path(), u"early bird"_s));
        const QString id = nextReceivedId(inbox);
        QVERIFY(!id.isEmpty());

        CliRun run = runInbox({u"wait"_s, u"--dir"_s, dir, u"--subject-contains"_s, u"EARLY"_s, u"--timeout"_s, u"0"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, id.toUtf8() + '\n');
        run = runInbox({u"wait"_s, u"--dir"_s, dir, u"--search"_s, u"subject:early -has:attachment"_s, u"--timeout"_s, u"5"_s});
        QCOMPARE(run.out, id.toUtf8() + '\n');

        // --new: only one stored after the wait began.
        Cli wait;
        QVERIFY(wait.start({u"inbox"_s, u"wait"_s, u"--dir"_s, dir, u"--new"_s, u"--subject-contains"_s, u"bird"_s, u"--timeout"_s, u"60"_s}));
        QVERIFY(wait.waitForError("waiting for a message"));
        QVERIFY(sendSubject(port, m_tmp.path(), u"late bird"_s));
        const QString late = nextReceivedId(inbox);
        QVERIFY(!late.isEmpty());
        QVERIFY(wait.waitForFinished(30000));
        QCOMPARE(wait.exitCode(), 0);
        QCOMPARE(wait.process().readAllStandardOutput(), late.toUtf8() + '\n');
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }

    void nothingMatches_exits1AtTheTimeout()
    {
        const QString dir = m_tmp.filePath(u"quiet"_s);
        QElapsedTimer clock;
        clock.start();
        const CliRun run = runInbox({u"wait"_s, u"--dir"_s, dir, u"--subject-contains"_s, u"never"_s, u"--timeout"_s, u"1"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("no matching message"), run.err.constData());
        QVERIFY(clock.elapsed() >= 1000);
        QVERIFY(!QFileInfo::exists(dir));   // waiting creates nothing
    }

    // The folder does not exist when the wait begins: the receiver started afterwards makes it.
    void folderMadeLater_isWatched()
    {
        const QString dir = m_tmp.filePath(u"later/inbox"_s);
        Cli wait;
        QVERIFY(wait.start({u"inbox"_s, u"wait"_s, u"--dir"_s, dir, u"--timeout"_s, u"60"_s}));
        QVERIFY(wait.waitForError("waiting for a message"));
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);
        QVERIFY(sendSubject(port, m_tmp.path(), u"first ever"_s));
        const QString id = nextReceivedId(inbox);
        QVERIFY(!id.isEmpty());
        QVERIFY(wait.waitForFinished(30000));
        QCOMPARE(wait.exitCode(), 0);
        QCOMPARE(wait.process().readAllStandardOutput(), id.toUtf8() + '\n');
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }

    void sigterm_endsTheWait()
    {
        Cli wait;
        QVERIFY(wait.start({u"inbox"_s, u"wait"_s, u"--dir"_s, m_tmp.filePath(u"term"_s), u"--timeout"_s, u"600"_s}));
        QVERIFY(wait.waitForError("waiting for a message"));
        ::kill(static_cast<pid_t>(wait.process().processId()), SIGTERM);
        QVERIFY(wait.waitForFinished(5000));
        QCOMPARE(wait.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliInboxWait)
#include "tst_cliinboxwait.moc"
