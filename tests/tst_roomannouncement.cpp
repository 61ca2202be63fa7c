// The room announcement datagram (core/rooms/roomannouncement.h, docs/CHAT.md): what is written is
// read back the same, byte for byte as documented; every datagram that breaks a rule is not a
// room, whole (never a room with a mended field). Written as the document shows it, not through
// the encoder, so the encoder cannot agree with itself about a mistake.

#include "net/limits.h"
#include "rooms/roomannouncement.h"

#include <QTest>

using namespace socketeer;
using namespace Qt::StringLiterals;

namespace {

// The document's example, field by field, so a row can change one.
QByteArray announcement(const QByteArray &id = "6f1c2a9e4b7d8053", const QByteArray &name = "第一课",
                        const QByteArray &port = "50007", const QByteArray &tls = "no", const QByteArray &members = "12")
{
    return "SOCKETEER-ROOM 1\nid " + id + "\nname " + name + "\nport " + port + "\ntls " + tls + "\nmembers " + members + '\n';
}

} // namespace

class TestRoomAnnouncement : public QObject {
    Q_OBJECT

private slots:
    void documentedExample_isRead()
    {
        const auto room = parseRoomAnnouncement(announcement());
        QVERIFY(room);
        QCOMPARE(room->id, QByteArray("6f1c2a9e4b7d8053"));
        QCOMPARE(room->name, u"第一课"_s);
        QCOMPARE(room->port, quint16(50007));
        QCOMPARE(room->tls, false);
        QCOMPARE(room->members, 12);
    }

    void encoder_writesTheDocumentedBytes()
    {
        RoomAnnouncement room{"6f1c2a9e4b7d8053", u"第一课"_s, 50007, false, 12};
        QCOMPARE(encodeRoomAnnouncement(room), announcement());
        room.tls = true;
        QCOMPARE(encodeRoomAnnouncement(room), announcement("6f1c2a9e4b7d8053", "第一课", "50007", "yes"));
    }

    void roundTrip_keepsEveryField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<int>("members");
        QTest::newRow("ascii") << u"Lab 3"_s << 1 << false << 0;
        QTest::newRow("chinese, TLS") << u"网络编程 第二组"_s << 65535 << true << limits::kRoomMaxMembers;
        QTest::newRow("64 characters") << QString(64, u'名') << 50007 << false << 40;
        QTest::newRow("emoji (surrogate pairs)") << u"chat 😀😀"_s << 8080 << true << 3;
    }
    void roundTrip_keepsEveryField()
    {
        QFETCH(QString, name);
        QFETCH(int, port);
        QFETCH(bool, tls);
        QFETCH(int, members);
        const RoomAnnouncement room{newRoomId(), name, static_cast<quint16>(port), tls, members};
        QVERIFY(roomNameProblem(name).isEmpty());
        const QByteArray datagram = encodeRoomAnnouncement(room);
        QVERIFY(datagram.size() <= limits::kRoomAnnouncementMaxBytes);
        const auto back = parseRoomAnnouncement(datagram);
        QVERIFY(back);
        QCOMPARE(*back, room);
    }

    void laterVersionsKeys_areSkipped()
    {
        QByteArray datagram = announcement();
        datagram.insert(datagram.indexOf("port"), "topic 第一课：套接字\nx-future something else\n");
        const auto room = parseRoomAnnouncement(datagram);
        QVERIFY(room);
        QCOMPARE(room->port, quint16(50007));
    }

    void brokenDatagrams_areNotRooms_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        const QByteArray good = announcement();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("just the first line") << QByteArray("SOCKETEER-ROOM 1\n");
        QTest::newRow("another version") << QByteArray(good).replace("ROOM 1", "ROOM 2");
        QTest::newRow("lower-case magic") << QByteArray(good).replace("SOCKETEER-ROOM", "socketeer-room");
        QTest::newRow("no last LF") << good.chopped(1);
        QTest::newRow("CR LF lines") << QByteArray(good).replace("\n", "\r\n");
        QTest::newRow("an empty line") << QByteArray(good).replace("\nport", "\n\nport");
        QTest::newRow("a key without value") << QByteArray(good).replace("tls no", "tls");
        QTest::newRow("leading space on a line") << QByteArray(good).replace("\nport", "\n port");
        QTest::newRow("bigger than 512 bytes") << good + "pad " + QByteArray(limits::kRoomAnnouncementMaxBytes, 'x') + '\n';
        QTest::newRow("not UTF-8") << announcement("6f1c2a9e4b7d8053", "\xff\xfe room");
        QTest::newRow("a NUL in the datagram") << QByteArray(good).insert(good.size() - 1, '\0');
        // Each field missing, twice, or wrong.
        for (const char *key : {"id ", "name ", "port ", "tls ", "members "}) {
            const qsizetype at = good.indexOf(QByteArray("\n") + key) + 1;
            const qsizetype end = good.indexOf('\n', at) + 1;
            QTest::addRow("no %s", key) << QByteArray(good).remove(at, end - at);
            QTest::addRow("%s twice", key) << QByteArray(good).insert(end, good.mid(at, end - at));
        }
        QTest::newRow("id too short") << announcement("6f1c2a9e4b7d805");
        QTest::newRow("id upper case") << announcement("6F1C2A9E4B7D8053");
        QTest::newRow("id not hex") << announcement("6f1c2a9e4b7d805g");
        QTest::newRow("empty name") << announcement("6f1c2a9e4b7d8053", "");
        QTest::newRow("name with a trailing space") << announcement("6f1c2a9e4b7d8053", "room ");
        QTest::newRow("name of 65 characters") << announcement("6f1c2a9e4b7d8053", QString(65, u'名').toUtf8());
        QTest::newRow("name with ESC") << announcement("6f1c2a9e4b7d8053", "room\x1b[31m");
        QTest::newRow("name with DEL") << announcement("6f1c2a9e4b7d8053", "room\x7f");
        QTest::newRow("name with a C1 control") << announcement("6f1c2a9e4b7d8053", "room\xc2\x85");
        QTest::newRow("name with RTL override") << announcement("6f1c2a9e4b7d8053", "room\xe2\x80\xae" "1bal");
        QTest::newRow("name with zero-width space") << announcement("6f1c2a9e4b7d8053", "ro\xe2\x80\x8bom");
        QTest::newRow("name with a line separator") << announcement("6f1c2a9e4b7d8053", "room\xe2\x80\xa8two");
        QTest::newRow("port 0") << announcement("6f1c2a9e4b7d8053", "r", "0");
        QTest::newRow("port 65536") << announcement("6f1c2a9e4b7d8053", "r", "65536");
        QTest::newRow("port +80") << announcement("6f1c2a9e4b7d8053", "r", "+80");
        QTest::newRow("port 80x") << announcement("6f1c2a9e4b7d8053", "r", "80x");
        QTest::newRow("port 000080 (six digits)") << announcement("6f1c2a9e4b7d8053", "r", "000080");
        QTest::newRow("port negative") << announcement("6f1c2a9e4b7d8053", "r", "-1");
        QTest::newRow("tls maybe") << announcement("6f1c2a9e4b7d8053", "r", "80", "maybe");
        QTest::newRow("tls YES") << announcement("6f1c2a9e4b7d8053", "r", "80", "YES");
        QTest::newRow("members spoofed (a billion)") << announcement("6f1c2a9e4b7d8053", "r", "80", "no", "1000000000");
        QTest::newRow("members past the limit") << announcement("6f1c2a9e4b7d8053", "r", "80", "no", "100001");
        QTest::newRow("members negative") << announcement("6f1c2a9e4b7d8053", "r", "80", "no", "-3");
        QTest::newRow("members 2^32+1 (wraps if read into 32 bits)") << announcement("6f1c2a9e4b7d8053", "r", "80", "no", "4294967297");
    }
    void brokenDatagrams_areNotRooms()
    {
        QFETCH(QByteArray, datagram);
        QVERIFY2(!parseRoomAnnouncement(datagram), datagram.toHex(' ').constData());
    }

    void roomNames_areChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("fine");
        QTest::newRow("chinese") << u"第一课"_s << true;
        QTest::newRow("spaces inside") << u"Lab 3 group B"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
        QTest::newRow("tab") << u"a\tb"_s << false;
        QTest::newRow("bidi override") << u"a\u202eb"_s << false;
        QTest::newRow("BOM") << u"\ufeffroom"_s << false;
    }
    void roomNames_areChecked()
    {
        QFETCH(QString, name);
        QFETCH(bool, fine);
        QCOMPARE(roomNameProblem(name).isEmpty(), fine);
    }

    void newIds_areSixteenHexDigits_andDiffer()
    {
        const QByteArray a = newRoomId();
        const QByteArray b = newRoomId();
        QCOMPARE(a.size(), 16);
        QVERIFY(parseRoomAnnouncement(announcement(a)));
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestRoomAnnouncement)
#include "tst_roomannouncement.moc"
