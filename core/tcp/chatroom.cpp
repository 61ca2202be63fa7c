#include "chatroom.h"

#include <QStringDecoder>

#include <sys/socket.h>

#include <algorithm>

namespace socketeer {

namespace {

// The room's own lines start with this: a nickname may not, so nobody can fake a notice.
const QByteArray kNotice = QByteArrayLiteral("*** ");

QByteArray noticeLine(QByteArrayView text)
{
    return kNotice + text.toByteArray() + '\n';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin).toByteArray();
}

} // namespace

ChatRoom::ChatRoom(ChatRoomConfig config) : m_config(config) {}

int ChatRoom::memberCount() const
{
    return static_cast<int>(std::count_if(m_members.begin(), m_members.end(), [](const auto &entry) { return !entry.second.name.isEmpty(); }));
}

void ChatRoom::joined(quint64 id, const QString &address)
{
    if (m_members.contains(id))
        return;
    FrameSpec spec;
    spec.kind = FrameKind::Line;
    spec.delimiter = QByteArrayLiteral("\n");
    spec.maxMessage = std::max<qsizetype>(1, m_config.maxLineBytes);
    spec.onError = FrameErrorPolicy::Resync;   // the rest of an over-long line is skipped; the next one counts
    auto [it, inserted] = m_members.emplace(id, Member{{}, Deframer(spec)});
    m_order.push_back(id);
    Member &member = it->second;
    if (m_config.nicknames) {
        toOne(id, noticeLine("welcome: send your nickname on the first line"));
        return;
    }
    // The address is ours (ASCII digits, dots, colons, brackets), never the client's bytes.
    member.name = address.isEmpty() ? "client " + QByteArray::number(id) : address.toUtf8();
    toOne(id, noticeLine("you are " + member.name));
    toOthers(id, noticeLine(member.name + " joined"));
}

QString ChatRoom::addressName(const SocketAddress &peer)
{
    if (peer.family() != AF_INET && peer.family() != AF_INET6)
        return {};
    return peer.toString();
}

void ChatRoom::received(quint64 id, QByteArrayView bytes)
{
    auto it = m_members.find(id);
    if (it == m_members.end())
        return;
    for (const FrameItem &item : it->second.lines.push(bytes)) {
        if (item.type == FrameItem::Type::Error) {
            toOne(id, noticeLine("line too long (more than " + QByteArray::number(m_config.maxLineBytes)
                                 + " bytes): not relayed"));
            continue;
        }
        line(id, it->second, item.bytes);
    }
}

void ChatRoom::left(quint64 id)
{
    auto it = m_members.find(id);
    if (it == m_members.end())
        return;
    Member &member = it->second;
    // A last line without its newline (a client that closed right after typing) is still said.
    for (const FrameItem &item : member.lines.finish())
        if (!member.name.isEmpty())
            line(id, member, item.bytes);
    if (!member.name.isEmpty())
        toOthers(id, noticeLine(member.name + " left"));
    m_members.erase(it);
    std::erase(m_order, id);
}

void ChatRoom::line(quint64 id, Member &member, const QByteArray &text)
{
    if (member.name.isEmpty()) {
        chooseName(id, member, text);
        return;
    }
    if (trimmed(text).isEmpty())
        return;   // an empty line (a user pressing Enter) is nothing to tell the others
    toOthers(id, member.name + ": " + visible(text) + '\n');
}

void ChatRoom::chooseName(quint64 id, Member &member, QByteArray text)
{
    text = trimmed(text);
    // The protocol of issue 15 sets it with "/nick NAME": accepted as the first line too.
    if (text.startsWith("/nick ") || text.startsWith("/nick\t"))
        text = trimmed(QByteArrayView(text).sliced(6));
    if (const QString problem = nicknameProblem(text); !problem.isEmpty()) {
        toOne(id, noticeLine("nickname refused (" + problem.toUtf8() + "): send another"));
        return;
    }
    if (nameTaken(text)) {
        toOne(id, noticeLine("nickname " + text + " is taken: send another"));
        return;
    }
    member.name = text;
    toOne(id, noticeLine("you are " + member.name));
    toOthers(id, noticeLine(member.name + " joined"));
}

QString ChatRoom::nicknameProblem(QByteArrayView name)
{
    if (name.isEmpty())
        return QStringLiteral("empty");
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(name);
    if (decoder.hasError())
        return QStringLiteral("not UTF-8");
    if (text.size() > limits::kChatMaxNicknameChars * 2 || text.toUcs4().size() > limits::kChatMaxNicknameChars)
        return QStringLiteral("longer than %1 characters").arg(limits::kChatMaxNicknameChars);
    for (const uint c : text.toUcs4()) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            return QStringLiteral("control character");
        if (QChar::isSpace(c))
            return QStringLiteral("space inside");   // /msg NAME TEXT would be ambiguous
        if (c == ':')
            return QStringLiteral("colon");   // "NAME: TEXT" could not be split back
    }
    if (text.startsWith(QLatin1Char('*')) || text.startsWith(QLatin1Char('/')))
        return QStringLiteral("starts with * or /");   // notices and commands start so
    return {};
}

QByteArray ChatRoom::visible(QByteArrayView text)
{
    QByteArray out = text.toByteArray();
    for (char &c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            c = '?';
    }
    return out;
}

bool ChatRoom::nameTaken(const QByteArray &name) const
{
    // Case does not make another person: "Alice" cannot pass for "alice" (compared case-folded).
    const QString wanted = QString::fromUtf8(name).toCaseFolded();
    return std::any_of(m_members.begin(), m_members.end(), [&](const auto &entry) {
        return !entry.second.name.isEmpty() && QString::fromUtf8(entry.second.name).toCaseFolded() == wanted;
    });
}

void ChatRoom::toOne(quint64 id, QByteArray bytes)
{
    m_out.push_back({id, std::move(bytes)});
}

void ChatRoom::toOthers(quint64 id, const QByteArray &bytes)
{
    m_out.push_back({kTranscript, bytes});
    for (const quint64 other : m_order) {
        if (other == id)
            continue;
        if (auto it = m_members.find(other); it != m_members.end() && !it->second.name.isEmpty())
            m_out.push_back({other, bytes});
    }
}

} // namespace socketeer
