// Saved messages and sequences as data (core/saved/savedlibrary.h, savedfile.h): escapes, the
// JSON format's round trip, bad files refused with the entry and field named, and the library
// file kept across runs, a corrupt one moved aside and never lost.

#include "net/limits.h"
#include "saved/savedfile.h"
#include "saved/savedlibrary.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;

namespace {

SavedLibrary sample()
{
    SavedLibrary library;
    library.messages = {
        {u"hello"_s, QString(), SavedMessage::Format::Text, u"hello\\n"_s, QString()},
        {u"read coils"_s, u"Modbus/Reads"_s, SavedMessage::Format::Hex, u"01 01 00 00 00 08"_s, u"slave 1"_s},
        {u"你好"_s, u"中文"_s, SavedMessage::Format::Text, u"你好\\r\\n\\x00\\\\"_s, QString()},
    };
    Sequence login{u"login"_s, {}, 3, u"a note"_s};
    login.steps = {{SequenceStep::Kind::Send, u"hello"_s, 0, {}, 0},
                   {SequenceStep::Kind::Delay, {}, 250, {}, 0},
                   {SequenceStep::Kind::Wait, {}, 0, u"^ACK (\\w+)"_s, 2000},
                   {SequenceStep::Kind::Send, u"你好"_s, 0, {}, 0}};
    library.sequences = {login, Sequence{u"forever"_s, {{SequenceStep::Kind::Send, u"hello"_s, 0, {}, 0}}, 0, {}}};
    return library;
}

QByteArray fileWith(const QByteArray &messages, const QByteArray &sequences = "[]")
{
    return "{\"format\": \"socketeer-saved\", \"version\": 1, \"messages\": " + messages + ", \"sequences\": " + sequences + "}";
}

} // namespace

class TestSavedLibrary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void escapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << u"abc"_s << QByteArray("abc");
        QTest::newRow("controls") << u"a\\r\\n\\t\\0b"_s << QByteArray("a\r\n\t\0b", 6);
        QTest::newRow("backslash") << u"\\\\n"_s << QByteArray("\\n");
        QTest::newRow("hex byte") << u"\\x41\\xfF"_s << QByteArray("A\xff");
        QTest::newRow("utf8") << u"你好\\n"_s << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd\n");
        QTest::newRow("half utf8 on purpose") << u"\\xe4\\xbd"_s << QByteArray("\xe4\xbd");
    }
    void escapes()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        const auto resolved = resolveEscapes(text, TextEncoding::Utf8);
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message()));
        QCOMPARE(*resolved, bytes);
    }

    void escapes_badOnesSayWhere_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown") << u"ab\\q"_s << u"\"\\q\" at character 3"_s;
        QTest::newRow("lone at end") << u"ab\\"_s << u"lone \\"_s;
        QTest::newRow("short hex") << u"\\x4"_s << u"two hex digits"_s;
        QTest::newRow("not hex") << u"\\xg1"_s << u"two hex digits"_s;
        QTest::newRow("sign") << u"\\x+1"_s << u"two hex digits"_s;
    }
    void escapes_badOnesSayWhere()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto resolved = resolveEscapes(text, TextEncoding::Utf8);
        QVERIFY(!resolved.ok());
        QVERIFY2(resolved.error().message().contains(mentions), qPrintable(resolved.error().message()));
    }

    void escapeForSaving_roundTrips()
    {
        const QString typed = u"a\\b\r\n\t\x01 你好"_s;
        const auto back = resolveEscapes(escapeForSaving(typed), TextEncoding::Utf8);
        QVERIFY(back.ok());
        QCOMPARE(*back, typed.toUtf8());
    }

    void messageBytes_textIsEncodedInThePanelsEncoding()
    {
        const SavedMessage message{u"x"_s, {}, SavedMessage::Format::Text, u"你好"_s, {}};
        QCOMPARE(*savedMessageBytes(message, TextEncoding::Gbk), QByteArray("\xc4\xe3\xba\xc3"));
        QVERIFY(!savedMessageBytes(message, TextEncoding::Latin1).ok());
        const SavedMessage hex{u"h"_s, {}, SavedMessage::Format::Hex, u"48 69"_s, {}};
        QCOMPARE(*savedMessageBytes(hex, TextEncoding::Latin1), QByteArray("Hi"));
    }

    void json_roundTrip()
    {
        const SavedLibrary library = sample();
        QVERIFY(validateLibrary(library).ok());
        const QByteArray json = serializeSavedLibrary(library);
        QVERIFY(json.contains("\"version\": 1"));
        const auto parsed = parseSavedLibrary(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QCOMPARE(*parsed, library);
        QCOMPARE(serializeSavedLibrary(*parsed), json);
    }

    void json_defaultsAndFolders()
    {
        const auto parsed = parseSavedLibrary(fileWith("[{\"name\": \" a \", \"text\": \"x\", \"folder\": \"/One//Two /\"}]",
                                                       "[{\"name\": \"s\", \"steps\": [{\"type\": \"send\", \"message\": \"a\"}]}]"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->messages.first().name, u"a"_s);
        QCOMPARE(parsed->messages.first().folder, u"One/Two"_s);
        QCOMPARE(parsed->messages.first().format, SavedMessage::Format::Text);
        QCOMPARE(parsed->sequences.first().repeat, 1);
    }

    void json_badFilesNameTheEntryAndField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("syntax") << QByteArray("{\n  \"format\": \"socketeer-saved\",\n  \"version\": 1,,\n}") << u"line 3, column"_s;
        QTest::newRow("not an object") << QByteArray("[1]") << u"not a JSON object"_s;
        QTest::newRow("other format") << QByteArray("{\"format\": \"packetsender\", \"version\": 1}") << u"\"format\""_s;
        QTest::newRow("no version") << QByteArray("{\"format\": \"socketeer-saved\"}") << u"version: must be a number"_s;
        QTest::newRow("newer version") << QByteArray("{\"format\": \"socketeer-saved\", \"version\": 7}") << u"version 7, newer"_s;
        QTest::newRow("messages not a list") << QByteArray("{\"format\": \"socketeer-saved\", \"version\": 1, \"messages\": {}}") << u"messages: must be a list"_s;
        QTest::newRow("message not object") << fileWith("[3]") << u"messages[0] must be an object"_s;
        QTest::newRow("no name") << fileWith("[{\"text\": \"x\"}]") << u"messages[0], name: is missing"_s;
        QTest::newRow("empty name") << fileWith("[{\"name\": \"  \", \"text\": \"x\"}]") << u"messages[0], name: a name is needed"_s;
        QTest::newRow("name not string") << fileWith("[{\"name\": 5, \"text\": \"x\"}]") << u"messages[0], name: must be a string"_s;
        QTest::newRow("duplicate") << fileWith("[{\"name\": \"a\", \"text\": \"x\"}, {\"name\": \"a\", \"text\": \"y\"}]") << u"messages[1] \"a\", name: another message"_s;
        QTest::newRow("bad format") << fileWith("[{\"name\": \"a\", \"text\": \"x\", \"format\": \"bin\"}]") << u"messages[0] \"a\", format: \"bin\""_s;
        QTest::newRow("no text") << fileWith("[{\"name\": \"a\"}]") << u"messages[0] \"a\", text: is missing"_s;
        QTest::newRow("bad hex") << fileWith("[{\"name\": \"a\", \"text\": \"4\", \"format\": \"hex\"}]") << u"messages[0] \"a\", text:"_s;
        QTest::newRow("bad escape") << fileWith("[{\"name\": \"a\", \"text\": \"\\\\q\"}]") << u"messages[0] \"a\", text: position 1: unknown escape \"\\q\""_s;
        QTest::newRow("note not string") << fileWith("[{\"name\": \"a\", \"text\": \"x\", \"note\": []}]") << u"messages[0] \"a\", note: must be a string"_s;
        QTest::newRow("steps missing") << fileWith("[]", "[{\"name\": \"s\"}]") << u"sequences[0] \"s\", steps: is missing"_s;
        QTest::newRow("bad type") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"jump\"}]}]") << u"sequences[0] \"s\", steps[0].type: \"jump\""_s;
        QTest::newRow("negative delay") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"delay\", \"ms\": -1}]}]") << u"steps[0].ms: must be a whole number from 0 to 3600000"_s;
        QTest::newRow("fraction") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"delay\", \"ms\": 1.5}]}]") << u"steps[0].ms: must be a whole number"_s;
        QTest::newRow("no timeout") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"wait\", \"pattern\": \"x\"}]}]") << u"steps[0].timeoutMs: must be a number"_s;
        QTest::newRow("bad regex") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"wait\", \"pattern\": \"(\", \"timeoutMs\": 5}]}]") << u"steps[0]: the pattern is not a valid regular expression"_s;
        QTest::newRow("unknown message") << fileWith("[]", "[{\"name\": \"s\", \"steps\": [{\"type\": \"send\", \"message\": \"nope\"}]}]") << u"steps[0].message: there is no saved message \"nope\""_s;
        QTest::newRow("repeat") << fileWith("[]", "[{\"name\": \"s\", \"repeat\": \"3\", \"steps\": []}]") << u"sequences[0] \"s\", repeat: must be a number"_s;
        QTest::newRow("duplicate sequence") << fileWith("[]", "[{\"name\": \"s\", \"steps\": []}, {\"name\": \"s\", \"steps\": []}]") << u"sequences[1] \"s\", name: another sequence"_s;
    }
    void json_badFilesNameTheEntryAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto parsed = parseSavedLibrary(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(mentions), qPrintable(parsed.error().message()));
    }

    void json_tooLargeIsRefusedUnparsed()
    {
        QByteArray huge = fileWith("[]");
        huge.append(QByteArray(limits::kSavedFileMaxBytes, ' '));
        const auto parsed = parseSavedLibrary(huge);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(u"larger than 16 MiB"_s), qPrintable(parsed.error().message()));

        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(huge);
        file.close();
        const auto read = readSavedLibraryFile(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message().contains(path) && read.error().message().contains(u"larger than"_s), qPrintable(read.error().message()));
    }

    void merge_renamesTakenNamesAndFollowsThemInSequences()
    {
        const SavedLibrary library = sample();
        const SavedLibrary merged = mergeLibraries(library, library);
        QCOMPARE(merged.messages.size(), 6);
        QCOMPARE(merged.messages.at(3).name, u"hello (2)"_s);
        QCOMPARE(merged.sequences.at(2).name, u"login (2)"_s);
        QCOMPARE(merged.sequences.at(2).steps.first().message, u"hello (2)"_s);
        QVERIFY(validateLibrary(merged).ok());
    }

    void file_keptAcrossRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/saved-messages.json"_s);
        QVERIFY(openSavedLibrary(path).library.messages.isEmpty());   // no file yet: empty, no problem
        QVERIFY(openSavedLibrary(path).problem.isEmpty());
        QVERIFY(writeSavedLibraryFile(path, sample()).ok());
        const OpenedSavedLibrary opened = openSavedLibrary(path);
        QVERIFY(opened.problem.isEmpty());
        QCOMPARE(opened.library, sample());
        QVERIFY(defaultSavedLibraryPath().endsWith(u"/saved-messages.json"_s));
    }

    void file_corruptIsKeptAsideAndReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"saved-messages.json"_s);
        const QByteArray broken = serializeSavedLibrary(sample()).replace("\"hello\\\\n\"", "\"hello\\\\q\"");
        QVERIFY(broken != serializeSavedLibrary(sample()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
        file.close();

        const OpenedSavedLibrary opened = openSavedLibrary(path);
        QVERIFY(opened.library.messages.isEmpty());
        QVERIFY2(opened.problem.contains(u"messages[0] \"hello\", text"_s), qPrintable(opened.problem));
        QVERIFY(!opened.keptAsidePath.isEmpty());
        QVERIFY(!QFile::exists(path));
        QFile aside(opened.keptAsidePath);
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), broken);   // every byte of the user's file is still there
        // A second bad file the same second does not overwrite the first one kept.
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("garbage");
        file.close();
        const OpenedSavedLibrary again = openSavedLibrary(path);
        QVERIFY(!again.keptAsidePath.isEmpty());
        QVERIFY(again.keptAsidePath != opened.keptAsidePath);
        QVERIFY(QFile::exists(opened.keptAsidePath));
    }
};

QTEST_GUILESS_MAIN(TestSavedLibrary)
#include "tst_savedlibrary.moc"
