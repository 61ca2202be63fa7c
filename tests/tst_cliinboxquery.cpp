// `socketeer inbox list|show|save|delete` against a real receiver (`socketeer inbox --port 0`) that
// swaks and Python's smtplib/email deliver to: what a test script sees. Hostile attachment names
// are saved inside the chosen folder and never over a file; delete touches only the inbox's own
// files, never the other files of a folder the user points at.

#include "foldersnapshot.h"
#include "inboxcli.h"
#include "mailtestutil.h"

#include "mail/mailstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(SOCKETEER_PEERS_DIR "/../data/mail-oddities/") + name;
}

QStringList idsOf(const QJsonArray &rows)
{
    QStringList ids;
    for (const QJsonValue &row : rows)
        ids << row.toObject().value(u"id"_s).toString();
    return ids;
}

} // namespace

class TestCliInboxQuery : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void help_ofEveryVerb()
    {
        for (const QString &verb : {u"list"_s, u"show"_s, u"save"_s, u"delete"_s, u"wait"_s}) {
            const CliRun run = runInbox({verb, u"--help"_s});
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains("socketeer inbox " + verb.toUtf8()), run.out.constData());
            QVERIFY(run.out.contains("--dir"));
        }
        const CliRun inbox = runInbox({u"--help"_s});
        QVERIFY(inbox.out.contains("list|show|save|delete|wait"));
    }

    void clumsyArguments_areOneLineAndExit2()
    {
        const QString dir = m_tmp.filePath(u"clumsy"_s);
        const QList<QStringList> cases = {
            {u"show"_s, u"../../etc/passwd"_s, u"--dir"_s, dir},
            {u"show"_s, u"20261204-091502-123-0001-a3f9\n"_s, u"--dir"_s, dir},
            {u"show"_s, u"--dir"_s, dir},
            {u"save"_s, u"20261204-091502-123-0001-a3f9"_s, u"--dir"_s, dir},
            {u"delete"_s, u"--dir"_s, dir},
            {u"delete"_s, u"20261204-091502-123-0001-a3f9"_s, u"--all"_s, u"--dir"_s, dir},
            {u"list"_s, u"--search"_s, u"after:tomorrow"_s, u"--dir"_s, dir},
            {u"list"_s, u"extra"_s, u"--dir"_s, dir},
            {u"wait"_s, u"--timeout"_s, u"soon"_s, u"--dir"_s, dir},
            {u"wait"_s, u"--search"_s, u"larger:lots"_s, u"--dir"_s, dir},
            {u"wait"_s, u"--from"_s, u""_s, u"--dir"_s, dir},
            {u"frobnicate"_s},
        };
        for (const QStringList &arguments : cases) {
            const CliRun run = runInbox(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(u' ') + u": "_s + QString::fromUtf8(run.err)));
            QCOMPARE(run.err.count('\n'), 1);
            QVERIFY(run.out.isEmpty());
        }
        // Well-formed but absent: exit 1. And nothing was created for it.
        const CliRun absent = runInbox({u"show"_s, u"20261204-091502-123-0001-a3f9"_s, u"--dir"_s, dir});
        QCOMPARE(absent.exitCode, 1);
        QVERIFY(absent.err.contains("no message 20261204-091502-123-0001-a3f9"));
        QVERIFY(!QFileInfo::exists(dir));
        const CliRun empty = runInbox({u"list"_s, u"--json"_s, u"--dir"_s, dir});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(empty.json().isArray() && empty.json().array().isEmpty());
    }

    void swaksAndPython_listShowSaveDelete()
    {
        SOCKETEER_REQUIRE_PROGRAM(u"swaks"_s);
        const QString dir = m_tmp.filePath(u"inbox"_s);
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);

        Peer swaks;
        QVERIFY(swaks.startProgram(u"swaks"_s, {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--from"_s,
                                               u"robot@example.com"_s, u"--to"_s, u"qa@example.com"_s, u"--header"_s,
                                               u"Subject: build 42 passed"_s, u"--body"_s, u"all green"_s, u"--silent"_s, u"2"_s}));
        QVERIFY(swaks.waitForFinished(20000));
        QCOMPARE(swaks.exitCode(), 0);
        const QString swaksId = nextReceivedId(inbox);
        QVERIFY(!swaksId.isEmpty());

        const QByteArray sheet = randomBytes(40 * 1024);
        const QString attachment = m_tmp.filePath(u"汇总数据.xlsx"_s);
        QVERIFY(writeFile(attachment, sheet));
        Peer python;
        QVERIFY(python.startPython(u"smtp_send.py"_s, {u"127.0.0.1"_s, QString::number(port), m_tmp.path(), u"--attach"_s, attachment}));
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const QString pythonId = nextReceivedId(inbox);
        QVERIFY(!pythonId.isEmpty());

        // list: newest first, the headers decoded, the same ids the receiver printed.
        CliRun list = runInbox({u"list"_s, u"--dir"_s, dir, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        QJsonArray rows = list.json().array();
        QCOMPARE(idsOf(rows), (QStringList{pythonId, swaksId}));
        const QJsonObject newest = rows.at(0).toObject();
        QCOMPARE(newest.value(u"subject"_s).toString(), u"测试邮件 #0"_s);
        QVERIFY(newest.value(u"from"_s).toString().contains(u"王大锤"_s));
        QCOMPARE(newest.value(u"mailFrom"_s).toString(), u"sender@example.com"_s);
        QVERIFY(newest.value(u"rcptTo"_s).toArray().contains(u"hidden@example.com"_s));   // Bcc: only in the envelope
        QCOMPARE(newest.value(u"attachments"_s).toInt(), 1);
        QCOMPARE(newest.value(u"size"_s).toInteger(), QFileInfo(dir + u'/' + pythonId + u".eml"_s).size());
        QCOMPARE(rows.at(1).toObject().value(u"subject"_s).toString(), u"build 42 passed"_s);
        QCOMPARE(rows.at(1).toObject().value(u"attachments"_s).toInt(), 0);

        const CliRun text = runInbox({u"list"_s, u"--dir"_s, dir});
        const QList<QByteArray> lines = text.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(pythonId.toUtf8() + '\t'));
        QVERIFY(lines.at(0).endsWith("\t测试邮件 #0"));

        // --search, the panel's syntax.
        const QList<QPair<QString, QStringList>> searches = {
            {u"has:attachment"_s, {pythonId}},
            {u"-has:attachment"_s, {swaksId}},
            {u"from:robot@"_s, {swaksId}},
            {u"to:hidden@example.com"_s, {pythonId}},
            {u"subject:\"build 42\""_s, {swaksId}},
            {u"测试"_s, {pythonId}},
            {u"larger:10K"_s, {pythonId}},
            {u"smaller:10K"_s, {swaksId}},
            {u"after:2000-01-01 -before:2000-01-01"_s, {pythonId, swaksId}},
            {u"before:2000-01-01"_s, {}},
        };
        for (const auto &[query, expected] : searches) {
            list = runInbox({u"list"_s, u"--dir"_s, dir, u"--json"_s, u"--search"_s, query});
            QCOMPARE(list.exitCode, 0);
            QVERIFY2(idsOf(list.json().array()) == expected, qPrintable(query));
        }

        // show: envelope, TLS and AUTH facts, decoded headers, the MIME tree with part numbers, the text.
        const CliRun show = runInbox({u"show"_s, pythonId, u"--dir"_s, dir, u"--json"_s});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject message = show.json().object();
        QCOMPARE(message.value(u"id"_s).toString(), pythonId);
        QCOMPARE(message.value(u"subject"_s).toString(), u"测试邮件 #0"_s);
        QVERIFY(message.value(u"cc"_s).toString().contains(u"cc@example.net"_s));
        const QJsonObject envelope = message.value(u"envelope"_s).toObject();
        QCOMPARE(envelope.value(u"mailFrom"_s).toString(), u"sender@example.com"_s);
        QCOMPARE(envelope.value(u"rcptTo"_s).toArray().size(), 4);
        QVERIFY(envelope.value(u"transcript"_s).toArray().size() > 3);
        QCOMPARE(message.value(u"tls"_s).toObject().value(u"active"_s).toBool(), false);
        QCOMPARE(message.value(u"authUser"_s).toString(), QString());
        QVERIFY(message.value(u"text"_s).toString().contains(u"你好，这是第 0 封。"_s));
        const QJsonArray parts = message.value(u"parts"_s).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject sheetPart = parts.at(1).toObject();
        QCOMPARE(sheetPart.value(u"part"_s).toInt(), 2);
        QCOMPARE(sheetPart.value(u"fileName"_s).toString(), u"汇总数据.xlsx"_s);
        QCOMPARE(sheetPart.value(u"size"_s).toInteger(), sheet.size());
        QVERIFY(sheetPart.value(u"attachment"_s).toBool());
        const QJsonArray tree = message.value(u"tree"_s).toArray();
        QCOMPARE(tree.at(0).toObject().value(u"contentType"_s).toString(), u"multipart/mixed"_s);
        QVERIFY(!tree.at(0).toObject().contains(u"part"_s));
        QCOMPARE(tree.at(2).toObject().value(u"part"_s).toInt(), 2);
        QCOMPARE(tree.at(2).toObject().value(u"depth"_s).toInt(), 1);
        const CliRun shown = runInbox({u"show"_s, pythonId, u"--dir"_s, dir});
        QVERIFY(shown.out.contains("RCPT TO: <zhangsan@example.com>, <li@example.org>, <cc@example.net>, <hidden@example.com>"));
        QVERIFY(shown.out.contains("  2   application/vnd.openxmlformats-officedocument.spreadsheetml.sheet  \"汇总数据.xlsx\"  40960 bytes  attachment"));

        // save: the part decoded, twice without overwriting.
        const QString out = m_tmp.filePath(u"saved"_s);
        CliRun save = runInbox({u"save"_s, pythonId, u"2"_s, u"--dir"_s, dir, u"--to"_s, out});
        QCOMPARE(save.exitCode, 0);
        QCOMPARE(save.out, (out + u"/汇总数据.xlsx\n"_s).toUtf8());
        save = runInbox({u"save"_s, pythonId, u"--all"_s, u"--dir"_s, dir, u"--to"_s, out});
        QCOMPARE(save.out, (out + u"/汇总数据 (2).xlsx\n"_s).toUtf8());
        QCOMPARE(readFile(out + u"/汇总数据.xlsx"_s), sheet);
        QCOMPARE(readFile(out + u"/汇总数据 (2).xlsx"_s), sheet);
        QCOMPARE(runInbox({u"save"_s, pythonId, u"3"_s, u"--dir"_s, dir, u"--to"_s, out}).exitCode, 2);
        QCOMPARE(runInbox({u"save"_s, pythonId, u"0"_s, u"--dir"_s, dir, u"--to"_s, out}).exitCode, 2);

        // delete one, then all; the receiver goes on storing into the same folder.
        QCOMPARE(runInbox({u"delete"_s, swaksId, u"--dir"_s, dir}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(dir + u'/' + swaksId + u".eml"_s));
        QVERIFY(!QFileInfo::exists(dir + u'/' + swaksId + u".json"_s));
        QCOMPARE(idsOf(runInbox({u"list"_s, u"--dir"_s, dir, u"--json"_s}).json().array()), QStringList{pythonId});
        QCOMPARE(runInbox({u"delete"_s, swaksId, u"--dir"_s, dir}).exitCode, 1);   // gone already
        const CliRun all = runInbox({u"delete"_s, u"--all"_s, u"--dir"_s, dir});
        QCOMPARE(all.exitCode, 0);
        QVERIFY(runInbox({u"list"_s, u"--dir"_s, dir, u"--json"_s}).json().array().isEmpty());
        QVERIFY(QFileInfo::exists(dir + u'/' + socketeer::MailStore::markerName()));
        QVERIFY(sendRaw(port, dataFile(u"8bit-headers.eml"_s)));
        QVERIFY(!nextReceivedId(inbox).isEmpty());
        QCOMPARE(runInbox({u"list"_s, u"--dir"_s, dir, u"--json"_s}).json().array().size(), 1);
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }

    // Names chosen by the sender are not paths of ours: everything lands in --to, under a safe
    // name, and never over a file or through a symlink that is there already.
    void save_hostileNames_stayInsideAndOverwriteNothing()
    {
        const QString dir = m_tmp.filePath(u"hostile"_s);
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);
        QVERIFY(sendRaw(port, dataFile(u"hostile-names.eml"_s)));
        const QString id = nextReceivedId(inbox);
        QVERIFY(!id.isEmpty());
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));

        const QString out = m_tmp.filePath(u"hostile-out/deeper"_s);
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(out + u"/passwd"_s, "mine"));
        const QString target = m_tmp.filePath(u"hostile-out/symlink-target"_s);
        QVERIFY(QFile::link(target, out + u"/evil.sh"_s));   // dangling: writing through it would create target
        const QStringList outside = folderSnapshot(m_tmp.filePath(u"hostile-out"_s), u"deeper"_s);

        const CliRun save = runInbox({u"save"_s, id, u"--all"_s, u"--dir"_s, dir, u"--to"_s, out});
        QVERIFY2(save.exitCode == 0, save.err.constData());
        const QStringList saved = QString::fromUtf8(save.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(saved, (QStringList{out + u"/evil (2).sh"_s, out + u"/passwd (2)"_s, out + u"/attachment.pdf"_s,
                                     out + u"/invoicefdp.exe"_s, out + u"/win.ini"_s}));
        QCOMPARE(readFile(out + u"/passwd"_s), QByteArray("mine"));
        QCOMPARE(readFile(out + u"/passwd (2)"_s), QByteArray("two"));
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(QFileInfo(out + u"/evil.sh"_s).isSymLink());
        // Nothing but the five new files, all in `out`.
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).size(), 7);
        QCOMPARE(folderSnapshot(m_tmp.filePath(u"hostile-out"_s), u"deeper"_s), outside);
    }

    // A past review found the inbox deleting a project's files. delete only ever removes the
    // store's own files in a folder the store marked: never look-alikes in the user's folder.
    void delete_neverTouchesForeignFiles()
    {
        const QString project = m_tmp.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(writeFile(project + u"/package.json"_s, "{}"));
        QVERIFY(writeFile(project + u"/notes.eml"_s, "Subject: a draft\r\n\r\n"));
        QVERIFY(writeFile(project + u"/20261204-101010-000-0001-abcd.eml"_s, "Subject: looks like ours\r\n\r\n"));
        QVERIFY(writeFile(project + u"/20261204-101010-000-0001-abcd.json"_s, "{}"));
        const QStringList before = folderSnapshot(project);

        // No store yet: nothing to delete, and nothing deleted.
        CliRun run = runInbox({u"delete"_s, u"--all"_s, u"--dir"_s, project});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(".socketeer-inbox"));
        QCOMPARE(runInbox({u"delete"_s, u"20261204-101010-000-0001-abcd"_s, u"--dir"_s, project}).exitCode, 1);
        QCOMPARE(folderSnapshot(project), before);
        QVERIFY(runInbox({u"list"_s, u"--json"_s, u"--dir"_s, project}).json().array().isEmpty());   // the look-alike is not listed

        // A receiver on the same folder keeps to project/socketeer-inbox; delete --all empties that only.
        Cli inbox;
        const quint16 port = startReceiver(inbox, project);
        QVERIFY(port != 0);
        QVERIFY(sendRaw(port, dataFile(u"rfc2047-split.eml"_s)));
        const QString id = nextReceivedId(inbox);
        QVERIFY(!id.isEmpty());
        const QString store = project + u"/socketeer-inbox"_s;
        QVERIFY(writeFile(store + u"/keep-me.txt"_s, "a file the user put in the store's folder"));
        const QString outsider = m_tmp.filePath(u"outsider.eml"_s);
        QVERIFY(writeFile(outsider, "Subject: not the inbox's\r\n\r\n"));
        QVERIFY(QFile::link(outsider, store + u"/20261204-101010-000-0002-abcd.eml"_s));
        QCOMPARE(idsOf(runInbox({u"list"_s, u"--json"_s, u"--dir"_s, project}).json().array()), QStringList{id});

        run = runInbox({u"delete"_s, u"--all"_s, u"--dir"_s, project});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!QFileInfo::exists(store + u'/' + id + u".eml"_s));
        QVERIFY(QFileInfo::exists(store + u"/keep-me.txt"_s));
        QVERIFY(QFileInfo(store + u"/20261204-101010-000-0002-abcd.eml"_s).isSymLink());
        QCOMPARE(readFile(outsider), QByteArray("Subject: not the inbox's\r\n\r\n"));
        QCOMPARE(runInbox({u"delete"_s, u"20261204-101010-000-0002-abcd"_s, u"--dir"_s, project}).exitCode, 1);
        QVERIFY(QFileInfo::exists(outsider));
        QCOMPARE(folderSnapshot(project, u"socketeer-inbox"_s), before);
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliInboxQuery)
#include "tst_cliinboxquery.moc"
