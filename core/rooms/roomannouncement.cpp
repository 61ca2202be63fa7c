#include "roomannouncement.h"

#include "net/limits.h"

#include <QChar>
#include <QCoreApplication>
#include <QList>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <utility>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Rooms)
};

constexpr QByteArrayView kFirstLine = "SOCKETEER-ROOM 1";

bool isDigits(QByteArrayView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isId(QByteArrayView text)
{
    if (text.size() != 16)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

QByteArray encodeRoomAnnouncement(const RoomAnnouncement &room)
{
    QByteArray out;
    out += kFirstLine.toByteArray() + '\n';
    out += "id " + room.id + '\n';
    out += "name " + room.name.toUtf8() + '\n';
    out += "port " + QByteArray::number(room.port) + '\n';
    out += QByteArrayView(room.tls ? "tls yes\n" : "tls no\n");
    out += "members " + QByteArray::number(room.members) + '\n';
    return out;
}

std::optional<RoomAnnouncement> parseRoomAnnouncement(QByteArrayView datagram)
{
    if (datagram.size() > limits::kRoomAnnouncementMaxBytes)
        return std::nullopt;
    // The whole datagram is UTF-8 or it is not ours: nothing is decoded piecemeal and mended.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(datagram);
    if (decoder.hasError())
        return std::nullopt;

    QByteArrayView rest = datagram;
    if (!rest.endsWith('\n'))
        return std::nullopt;   // cut short on the way, or not ours
    rest.chop(1);
    QList<QByteArrayView> lines;
    for (qsizetype start = 0;;) {
        const qsizetype end = rest.indexOf('\n', start);
        lines.append(rest.sliced(start, (end < 0 ? rest.size() : end) - start));
        if (end < 0)
            break;
        start = end + 1;
    }
    if (lines.first() != kFirstLine)
        return std::nullopt;   // another format, or another version of this one

    RoomAnnouncement room;
    bool haveId = false, haveName = false, havePort = false, haveTls = false, haveMembers = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            return std::nullopt;   // an empty line, or a key without a value
        const QByteArrayView key = line.first(space);
        const QByteArrayView value = line.sliced(space + 1);
        // Each key at most once: two names in one datagram would leave the choice to the reader.
        auto once = [](bool &seen) { return !std::exchange(seen, true); };
        if (key == "id") {
            if (!once(haveId) || !isId(value))
                return std::nullopt;
            room.id = value.toByteArray();
        } else if (key == "name") {
            if (!once(haveName))
                return std::nullopt;
            room.name = QString::fromUtf8(value);
            if (room.name != room.name.trimmed() || !roomNameProblem(room.name).isEmpty())
                return std::nullopt;
        } else if (key == "port") {
            if (!once(havePort) || !isDigits(value, 5))
                return std::nullopt;
            const int port = value.toInt();
            if (port < 1 || port > 65535)
                return std::nullopt;
            room.port = static_cast<quint16>(port);
        } else if (key == "tls") {
            if (!once(haveTls) || (value != "yes" && value != "no"))
                return std::nullopt;
            room.tls = value == "yes";
        } else if (key == "members") {
            if (!once(haveMembers) || !isDigits(value, 6))
                return std::nullopt;
            room.members = value.toInt();
            if (room.members > limits::kRoomMaxMembers)
                return std::nullopt;
        }
        // Any other key is a later version's: skipped, so that version's rooms are still found.
    }
    if (!haveId || !haveName || !havePort || !haveTls || !haveMembers)
        return std::nullopt;
    return room;
}

QString roomNameProblem(const QString &name)
{
    if (name.isEmpty())
        return Text::tr("a room needs a name");
    const QList<uint> characters = name.toUcs4();
    if (characters.size() > limits::kRoomNameMaxChars)
        return Text::tr("a room's name has at most %1 characters").arg(limits::kRoomNameMaxChars);
    for (const uint c : characters) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
            return Text::tr("a room's name cannot hold a control character or a line break");
        // Zero-width and direction marks: one room could be made to look like another.
        if (QChar::category(c) == QChar::Other_Format)
            return Text::tr("a room's name cannot hold an invisible character (U+%1)")
                .arg(QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')));
        if (c == 0xfffd)
            return Text::tr("a room's name must be valid UTF-8");
    }
    return {};
}

QByteArray newRoomId()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

} // namespace socketeer
