// The corpus of real-world oddities (tests/data/mail-oddities: broken encodings, RFC 2047 words
// split across lines, RFC 2231 names, missing boundaries, nested forwards, 8-bit headers), sent
// with Python's smtplib to `socketeer inbox`, then read back with `socketeer inbox show --json`:
// the decoded headers and the attachment names equal what Python's email package
// (email.policy.default, tests/peers/mail_expect.py) reads of the same stored file, except where
// tests/data/mail-oddities/deliberate.json lists the difference (and says why; docs/DESIGN.md
// repeats it). A listed difference that no longer occurs fails too, so the list stays true.

#include "inboxcli.h"
#include "mailtestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

const QString kCorpus = QStringLiteral(SOCKETEER_PEERS_DIR "/../data/mail-oddities");

// Leaf parts as "type name" lines, the form both readers are compared in.
QString partsOf(const QJsonArray &parts)
{
    QStringList lines;
    for (const QJsonValue &part : parts)
        lines << part.toObject().value(u"contentType"_s).toString() + u' ' + part.toObject().value(u"fileName"_s).toString();
    return lines.join(u'\n');
}

} // namespace

class TestCliInboxCorpus : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void showJson_readsWhatPythonReads()
    {
        const QString dir = m_tmp.filePath(u"inbox"_s);
        Cli inbox;
        const quint16 port = startReceiver(inbox, dir);
        QVERIFY(port != 0);

        QHash<QString, QJsonObject> deliberate;   // "file field" -> {ours, python, why}
        const QJsonArray listed = QJsonDocument::fromJson(readFile(kCorpus + u"/deliberate.json"_s)).array();
        QVERIFY(!listed.isEmpty());
        for (const QJsonValue &entry : listed) {
            const QJsonObject object = entry.toObject();
            QVERIFY(!object.value(u"why"_s).toString().isEmpty());
            deliberate.insert(object.value(u"file"_s).toString() + u' ' + object.value(u"field"_s).toString(), object);
        }
        QSet<QString> seen;

        const QStringList files = QDir(kCorpus).entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 8);
        for (const QString &file : files) {
            QVERIFY2(sendRaw(port, kCorpus + u'/' + file), qPrintable(file));
            const QString id = nextReceivedId(inbox);
            QVERIFY2(!id.isEmpty(), qPrintable(file));

            const CliRun show = runInbox({u"show"_s, id, u"--json"_s, u"--dir"_s, dir});
            QVERIFY2(show.exitCode == 0, show.err.constData());
            const QJsonObject ours = show.json().object();
            Peer python;
            QVERIFY(python.startPython(u"mail_expect.py"_s, {dir + u'/' + id + u".eml"_s}));
            QVERIFY(python.waitForFinished(30000));
            QCOMPARE(python.exitCode(), 0);
            const QJsonObject theirs = QJsonDocument::fromJson(python.process().readAllStandardOutput()).object();
            QVERIFY2(!theirs.isEmpty(), qPrintable(file));

            QStringList fields{u"from"_s, u"to"_s, u"cc"_s, u"subject"_s, u"parts"_s};
            for (const QString &field : fields) {
                const bool isParts = field == u"parts"_s;
                const QString mine = isParts ? partsOf(ours.value(field).toArray()) : ours.value(field).toString();
                const QString expected = isParts ? partsOf(theirs.value(field).toArray()) : theirs.value(field).toString();
                const QString key = file + u' ' + field;
                if (const auto it = deliberate.constFind(key); it != deliberate.constEnd()) {
                    seen.insert(key);
                    QVERIFY2(mine == it->value(u"ours"_s).toString() && expected == it->value(u"python"_s).toString(),
                             qPrintable(u"%1: the listed difference changed: ours \"%2\", Python \"%3\""_s.arg(key, mine, expected)));
                    continue;
                }
                QVERIFY2(mine == expected, qPrintable(u"%1: ours \"%2\", Python \"%3\""_s.arg(key, mine, expected)));
            }
        }
        for (auto it = deliberate.constBegin(); it != deliberate.constEnd(); ++it)
            QVERIFY2(seen.contains(it.key()), qPrintable(u"listed but not in the corpus: "_s + it.key()));
        QVERIFY(inbox.stopsCleanlyOn(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestCliInboxCorpus)
#include "tst_cliinboxcorpus.moc"
