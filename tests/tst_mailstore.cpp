// The mail store on folders a clumsy or hostile user gives it: a project folder with files that
// look like leftovers, names that look like ours but are not, symlinks out of the folder, a folder
// whose mode is the user's. The store touches only what it wrote; a store of the previous version
// (no marker) still lists.

#include "foldersnapshot.h"
#include "mailtestutil.h"

#include "mail/mailstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace socketeer;
using namespace testsupport;

namespace {

int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

bool makeFolder(const QString &path, int mode)
{
    return QDir().mkpath(path) && ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

// One message through the receiver's writer, as the SMTP session would store it.
Result<QString> store(const QString &directory, const QByteArray &bytes)
{
    MailStoreWriter writer(directory);
    SmtpEnvelope envelope;
    envelope.mailFrom = u"a@example.com"_s;
    envelope.recipients = {u"b@example.com"_s};
    envelope.receivedAt = QDateTime::currentDateTimeUtc();
    if (auto begun = writer.begin(envelope); !begun)
        return begun.error();
    if (auto written = writer.write(bytes); !written)
        return written.error();
    return writer.finish(envelope);
}

const QString kLookalike = u"20261204-101010-000-0001-abcd"_s;

} // namespace

class TestMailStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_root;   // this test function's scratch folder

    // A developer's project folder, mode 0755, with files the old sweep took for leftovers and
    // names that look like a message's but were never written by the store.
    QString makeProject()
    {
        const QString project = m_root + u"/project"_s;
        if (!makeFolder(project, 0755) || !makeFolder(project + u"/src"_s, 0755))
            return {};
        const QString outside = m_root + u"/outside.txt"_s;
        bool ok = writeFile(outside, "the user's own file, outside the folder\n")
                  && writeFile(project + u"/package.json"_s, R"({"name":"demo"})")
                  && writeFile(project + u"/notes.json.bak"_s, "old notes")
                  && writeFile(project + u"/x.eml"_s, "Subject: a draft of the user's\r\n\r\nhi\r\n")
                  && writeFile(project + u"/src/main.js"_s, "console.log(1)")
                  // Named exactly as the store names its files, but not under its marker.
                  && writeFile(project + u'/' + kLookalike + u".eml"_s, "Subject: looks like ours\r\n\r\n")
                  && writeFile(project + u"/20261204-101011-000-0002-abcd.json"_s, "{}")
                  && writeFile(project + u"/20261204-101012-000-0003-abcd.eml.Xy12Ab"_s, "half")
                  && QFile::link(outside, project + u"/20261204-101013-000-0004-abcd.eml"_s)
                  && QFile::link(outside, project + u"/20261204-101013-000-0004-abcd.json"_s);
        return ok ? project : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(m_root));
    }

    void projectFolder_keepsEveryFileAndItsMode()
    {
        const QString project = makeProject();
        QVERIFY(!project.isEmpty());
        const QStringList before = folderSnapshot(project);
        const QStringList outsideBefore = folderSnapshot(m_root, u"project"_s);

        MailStore store(project);
        QVERIFY(store.open().ok());
        // A folder of its own inside the user's, private because the store made it.
        QVERIFY(store.directory() != project);
        QVERIFY(store.directory().startsWith(project + u'/'));
        QCOMPARE(modeOf(store.directory()), 0700);
        QCOMPARE(modeOf(project), 0755);
        const QString skip = QDir(project).relativeFilePath(store.directory());
        QCOMPARE(folderSnapshot(project, skip), before);

        // Nothing of the user's is a message, whatever its name.
        QCOMPARE(store.messages().size(), 0);
        QVERIFY(!store.message(kLookalike));
        auto id = ::store(store.directory(), "Subject: ours\r\n\r\nbody\r\n");
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message()));
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(store.messages().at(0).id, *id);

        // The same folder, looked at again (the panel, the command line, the next start).
        MailStore again(project);
        QCOMPARE(again.directory(), store.directory());
        QVERIFY(again.open().ok());
        QCOMPARE(again.messages().size(), 1);

        // Delete and Clear all leave the user's files alone.
        (void)store.remove(kLookalike);   // not in the store: whatever it answers, the file stays
        QVERIFY(!store.remove(u"package"_s).ok());
        QVERIFY(store.clear().ok());
        QCOMPARE(store.messages().size(), 0);
        QCOMPARE(folderSnapshot(project, skip), before);
        QCOMPARE(folderSnapshot(m_root, u"project"_s), outsideBefore);
        QCOMPARE(modeOf(project), 0755);
    }

    void existingEmptyFolder_isUsed_andKeepsItsMode()
    {
        const QString folder = m_root + u"/mail"_s;
        QVERIFY(makeFolder(folder, 0755));
        MailStore store(folder);
        QVERIFY(store.open().ok());
        QCOMPARE(store.directory(), folder);
        QCOMPARE(modeOf(folder), 0755);   // not ours to change: only a folder the store made is 0700
        auto id = ::store(store.directory(), "Subject: one\r\n\r\n");
        QVERIFY(id.ok());
        QCOMPARE(MailStore(folder).messages().size(), 1);
        // What the store writes is private even where the folder is not.
        QCOMPARE(modeOf(folder + u'/' + *id + u".eml"_s) & 077, 0);
        QCOMPARE(modeOf(folder + u'/' + *id + u".json"_s) & 077, 0);
    }

    void newFolder_isMadePrivate()
    {
        const QString folder = m_root + u"/a/b/inbox"_s;
        MailStore store(folder);
        QVERIFY(store.open().ok());
        QCOMPARE(store.directory(), folder);
        QCOMPARE(modeOf(folder), 0700);
    }

    void previousVersionStore_stillLists_andItsLeftoversAreSwept()
    {
        // What the previous version left: no marker, only its own names.
        const QString folder = m_root + u"/old"_s;
        QVERIFY(makeFolder(folder, 0700));
        const QString id = u"20261204-101010-000-0001-abcd"_s;
        QVERIFY(writeFile(folder + u'/' + id + u".eml"_s, "Subject: whole\r\n\r\nx\r\n"));
        QVERIFY(writeFile(folder + u'/' + id + u".json"_s, R"({"from":"a@b.c","to":["d@e.f"]})"));
        QVERIFY(writeFile(folder + u"/20261204-101011-000-0002-abcd.json"_s, "{}"));
        QVERIFY(writeFile(folder + u"/20261204-101012-000-0003-abcd.eml.Xy12Ab"_s, "Subject: half"));
        MailStore store(folder);
        QCOMPARE(store.directory(), folder);
        QVERIFY(store.open().ok());
        QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name), QStringList({id + u".eml"_s, id + u".json"_s}));
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(store.messages().at(0).envelope.mailFrom, u"a@b.c"_s);
        // Now marked: a file the user adds later does not move the store away from its messages.
        QVERIFY(writeFile(folder + u"/readme.txt"_s, "mine"));
        QCOMPARE(MailStore(folder).directory(), folder);
        QVERIFY(MailStore(folder).clear().ok());
        QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name), QStringList({u"readme.txt"_s}));
    }

    void defaultFolder_isTheAppsOwn_evenWithAStrayFile()
    {
        const QString folder = MailStore::defaultDirectory();
        QVERIFY(folder.contains(QCoreApplication::applicationName()) || folder.contains(u"qttest"_s));
        QDir(folder).removeRecursively();
        QVERIFY(makeFolder(folder, 0700));
        const QString id = u"20261204-101010-000-0001-abcd"_s;
        QVERIFY(writeFile(folder + u'/' + id + u".eml"_s, "Subject: from before\r\n\r\nx\r\n"));
        QVERIFY(writeFile(folder + u"/notes.txt"_s, "the user's"));
        MailStore store(folder);
        QCOMPARE(store.directory(), folder);
        QVERIFY(store.open().ok());
        QCOMPARE(store.messages().size(), 1);
        QVERIFY(store.clear().ok());
        QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name), QStringList({u"notes.txt"_s}));
        QDir(folder).removeRecursively();
    }

    void symlinkNamedLikeAMessage_isNeitherReadNorRemoved()
    {
        const QString folder = m_root + u"/inbox"_s;
        MailStore store(folder);
        QVERIFY(store.open().ok());
        const QString outside = m_root + u"/secret.txt"_s;
        QVERIFY(writeFile(outside, "Subject: not mail\r\n\r\nprivate\r\n"));
        const QString linkId = u"20261204-101013-000-0004-abcd"_s;
        QVERIFY(QFile::link(outside, folder + u'/' + linkId + u".eml"_s));
        QVERIFY(QFile::link(outside, folder + u'/' + linkId + u".json"_s));
        QVERIFY(store.open().ok());
        QCOMPARE(store.messages().size(), 0);
        QVERIFY(!store.message(linkId));
        QVERIFY(!store.remove(linkId).ok());
        QVERIFY(store.clear().ok());
        QVERIFY(QFileInfo(folder + u'/' + linkId + u".eml"_s).isSymLink());
        QVERIFY(QFileInfo(folder + u'/' + linkId + u".json"_s).isSymLink());
        QCOMPARE(readFile(outside), QByteArray("Subject: not mail\r\n\r\nprivate\r\n"));
    }

    // Finding 11: what the list needs of each message is kept in one file, so a restart lists
    // 20,000 messages without opening 20,000 envelopes or parsing 20,000 messages.
    void summaryFile_keepsWhatTheListNeeds()
    {
        const QString folder = m_root + u"/inbox"_s;
        MailStore store(folder);
        QVERIFY(store.open().ok());
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            auto id = ::store(folder, "Subject: number " + QByteArray::number(i) + "\r\n\r\nx\r\n");
            QVERIFY(id.ok());
            ids << *id;
        }
        const QString summaries = folder + u'/' + MailStore::summaryFileName();
        QVERIFY(QFileInfo(summaries).isFile());
        QCOMPARE(modeOf(summaries) & 077, 0);

        // The writer kept each envelope; nobody has parsed the headers yet.
        QList<ListedMessage> rows = store.list();
        const QList<StoredMessage> messages = store.messages();
        QCOMPARE(rows.size(), 3);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).message.id, messages.at(i).id);   // the same order: newest first
            QCOMPARE(rows.at(i).message.size, QFileInfo(messages.at(i).path).size());
            QCOMPARE(rows.at(i).message.path, messages.at(i).path);
            QCOMPARE(rows.at(i).message.envelope.mailFrom, u"a@example.com"_s);
            QCOMPARE(rows.at(i).message.envelope.recipients, QStringList{u"b@example.com"_s});
            QCOMPARE(rows.at(i).message.envelope.receivedAt, messages.at(i).envelope.receivedAt);
            QVERIFY(!rows.at(i).summary);
        }

        for (const ListedMessage &row : rows)
            store.remember(row.message, MessageSummary{u"王大锤 <wang@example.com>"_s, u"b"_s, u"kept "_s + row.message.id, 2});
        // A line torn by a crash, and lines that are not the store's, cost nothing.
        QFile file(summaries);
        QVERIFY(file.open(QIODevice::Append));
        file.write("not json\n{\"id\":\"../../etc/passwd\",\"size\":1}\n{\"id\":\"" + ids.first().toLatin1() + "\",\"summ");
        file.close();
        rows = store.list();
        QCOMPARE(rows.size(), 3);
        for (const ListedMessage &row : rows) {
            QVERIFY(row.summary);
            QCOMPARE(row.summary->subject, u"kept "_s + row.message.id);
            QCOMPARE(row.summary->from, u"王大锤 <wang@example.com>"_s);
            QCOMPARE(row.summary->attachments, 2);
        }

        // Its lines outlive a deleted message, which is not listed again.
        QVERIFY(store.remove(ids.first()).ok());
        QCOMPARE(store.list().size(), 2);
        // A sweep leaves it alone; Clear all removes it with the messages.
        QVERIFY(store.open().ok());
        QVERIFY(QFileInfo(summaries).isFile());
        QVERIFY(store.clear().ok());
        QVERIFY(!QFileInfo::exists(summaries));
        QCOMPARE(store.list().size(), 0);
    }

    // A store of the previous version has no summary file: the first list() reads the envelopes
    // and keeps them; the next one takes them from the file.
    void summaryFile_ofAnOldStore_isWrittenByTheFirstList()
    {
        const QString folder = m_root + u"/old"_s;
        QVERIFY(makeFolder(folder, 0700));
        const QString id = u"20261204-101010-000-0001-abcd"_s;
        QVERIFY(writeFile(folder + u'/' + id + u".eml"_s, "Subject: whole\r\n\r\nx\r\n"));
        QVERIFY(writeFile(folder + u'/' + id + u".json"_s, R"({"from":"a@b.c","to":["d@e.f"],"receivedAt":"2026-12-04T10:10:10.000Z"})"));
        MailStore store(folder);
        QCOMPARE(store.list().size(), 1);
        QCOMPARE(store.list().at(0).message.envelope.mailFrom, u"a@b.c"_s);
        // The envelope file changes (nothing would do that): the list keeps what it read.
        QVERIFY(writeFile(folder + u'/' + id + u".json"_s, R"({"from":"changed@b.c","to":["d@e.f"],"receivedAt":"2026-12-04T10:10:10.000Z"})"));
        QCOMPARE(store.list().at(0).message.envelope.mailFrom, u"a@b.c"_s);
        QCOMPARE(store.messages().at(0).envelope.mailFrom, u"changed@b.c"_s);   // message() reads the file itself
    }

    // Mostly lines of deleted messages: the file is written afresh, with only the listed ones.
    void summaryFile_mostlyDeleted_isWrittenAfresh()
    {
        const QString folder = m_root + u"/inbox"_s;
        MailStore store(folder);
        QVERIFY(store.open().ok());
        auto kept = ::store(folder, "Subject: kept\r\n\r\n");
        QVERIFY(kept.ok());
        // The lines 1,500 deleted messages left.
        const QString summaries = folder + u'/' + MailStore::summaryFileName();
        QByteArray gone;
        for (int i = 0; i < 1500; ++i)
            gone += "{\"id\":\"20261204-101010-000-" + QByteArray::number(1000 + i)
                    + "-dead\",\"size\":10,\"receivedAt\":\"2026-12-04T10:10:10.000Z\"}\n";
        QFile file(summaries);
        QVERIFY(file.open(QIODevice::Append) && file.write(gone) == gone.size());
        file.close();
        QCOMPARE(readFile(summaries).count('\n'), 1501);
        QCOMPARE(store.list().size(), 1);
        QCOMPARE(readFile(summaries).count('\n'), 1);
        QVERIFY(readFile(summaries).contains(kept->toLatin1()));
        QCOMPARE(modeOf(summaries) & 077, 0);
        QCOMPARE(store.list().size(), 1);
    }

    void ids_areExactlyTheStoresFormat_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("a word") << u"package"_s;
        QTest::newRow("upper-case hex") << u"20261204-101010-000-0001-ABCD"_s;
        QTest::newRow("short") << u"20261204-101010-000-0001-abc"_s;
        QTest::newRow("path") << u"../20261204-101010-000-0001-abcd"_s;
        QTest::newRow("empty") << QString();
    }

    void ids_areExactlyTheStoresFormat()
    {
        QFETCH(QString, id);
        const QString folder = m_root + u"/inbox-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        MailStore store(folder);
        QVERIFY(store.open().ok());
        if (!id.isEmpty() && !id.contains(u'/'))
            QVERIFY(writeFile(folder + u'/' + id + u".eml"_s, "Subject: planted\r\n\r\n"));
        QCOMPARE(store.messages().size(), 0);
        QVERIFY(!store.message(id));
        QVERIFY(!store.remove(id).ok());
        QVERIFY(store.clear().ok());
        if (!id.isEmpty() && !id.contains(u'/'))
            QVERIFY(QFile::exists(folder + u'/' + id + u".eml"_s));
    }

    // An id comes from the command line (socketeer inbox show ID): "$" would also match before a
    // final newline, and "ID\n" would pass for an id.
    void isValidId_isTheWholeText()
    {
        QVERIFY(MailStore::isValidId(u"20261204-091502-123-0001-a3f9"_s));
        for (const QString &id : {u"20261204-091502-123-0001-a3f9\n"_s, u"20261204-091502-123-0001-a3f9\r\n"_s, u"x20261204-091502-123-0001-a3f9"_s,
                                  u"20261204-091502-123-0001-A3F9"_s, u"../20261204-091502-123-0001-a3f9"_s, u""_s})
            QVERIFY2(!MailStore::isValidId(id), qPrintable(id));
    }
};

QTEST_GUILESS_MAIN(TestMailStore)
#include "tst_mailstore.moc"
