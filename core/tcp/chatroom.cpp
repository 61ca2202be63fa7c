#include "chatroom.h"

#include <QStringDecoder>

#include <sys/socket.h>

#include <algorithm>
#include <utility>

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

QByteArrayView trimmedLeft(QByteArrayView text)
{
    qsizetype begin = 0;
    while (begin < text.size() && isSpace(text[begin]))
        ++begin;
    return text.sliced(begin);
}

// A command's word ("/who") and the rest of the line after it, trimmed.
std::pair<QByteArrayView, QByteArray> splitCommand(QByteArrayView text)
{
    qsizetype end = 0;
    while (end < text.size() && !isSpace(text[end]))
        ++end;
    return {text.first(end), trimmed(text.sliced(end))};
}

// Commands are ASCII and their case does not matter: "/WHO" is "/who".
bool is(QByteArrayView word, const char *command)
{
    return word.compare(QByteArrayView(command), Qt::CaseInsensitive) == 0;
}

const QByteArray kHelp = QByteArrayLiteral(
    "commands: /nick NAME, /me ACTION, /who, /msg NAME TEXT, /topic [TEXT], /quit, /help; "
    "//TEXT sends a line that starts with /");

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
    auto [it, inserted] = m_members.emplace(id, Member{{}, {}, Deframer(spec), address, 0, false, false});
    m_order.push_back(id);
    Member &member = it->second;
    if (m_config.nicknames) {
        toOne(id, noticeLine("welcome: send your nickname on the first line"));
        return;
    }
    // The address is ours (ASCII digits, dots, colons, brackets), never the client's bytes. Neither
    // form can be a nickname (a colon, a space), so nobody can take it first with /nick.
    member.name = address.isEmpty() ? "client " + QByteArray::number(id) : address.toUtf8();
    member.key = nicknameKey(member.name);
    toOne(id, noticeLine("you are " + member.name));
    if (!m_topic.isEmpty())
        toOne(id, noticeLine("topic: " + m_topic));
    toOthers(id, noticeLine(member.name + " joined"));
    named(id, member);
}

// It has a name now: the front end's list hears of it (and of a mute from before it had one).
void ChatRoom::named(quint64 id, const Member &member)
{
    event(ChatMemberEvent::Kind::Joined, id, member.name, member.address);
    if (member.muted)
        event(ChatMemberEvent::Kind::Muted, id);
}

void ChatRoom::event(ChatMemberEvent::Kind kind, quint64 id, QByteArray name, QString address)
{
    m_events.push_back({kind, id, std::move(name), std::move(address), {}});
}

std::vector<ChatMemberEvent> ChatRoom::takeEvents()
{
    return std::exchange(m_events, {});
}

std::vector<ChatRoom::Delivery> ChatRoom::take()
{
    for (auto &entry : m_members) {
        entry.second.replied = 0;
        entry.second.warned = false;
    }
    return std::exchange(m_out, {});
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
        if (!line(id, it->second, item.bytes))
            return;   // it quit: what it sent after /quit is not heard
    }
}

void ChatRoom::left(quint64 id)
{
    auto it = m_members.find(id);
    if (it == m_members.end())
        return;
    Member &member = it->second;
    // A last line without its newline (a client that closed right after typing) is still said
    // (a last "/quit" too: then it has left already). What it would answer the leaver (a last
    // "/who", "/nick") has no one to go to: the connection is gone, so it is not handed out.
    const std::size_t before = m_out.size();
    bool stayed = true;
    for (const FrameItem &item : member.lines.finish())
        if (!member.name.isEmpty() && !(stayed = line(id, member, item.bytes)))
            break;
    const auto answers = std::remove_if(m_out.begin() + static_cast<std::ptrdiff_t>(before), m_out.end(),
                                        [id](const Delivery &delivery) { return delivery.to == id; });
    m_out.erase(answers, m_out.end());
    if (stayed)
        quit(id, true);
}

// The member is gone: the others hear it left (if it was in the room), and it is forgotten.
void ChatRoom::quit(quint64 id, bool announce)
{
    auto it = m_members.find(id);
    if (it == m_members.end())
        return;
    if (announce && !it->second.name.isEmpty())
        toOthers(id, noticeLine(it->second.name + " left"));
    if (!it->second.name.isEmpty())
        event(ChatMemberEvent::Kind::Left, id);
    m_members.erase(it);
    std::erase(m_order, id);
}

bool ChatRoom::line(quint64 id, Member &member, const QByteArray &text)
{
    if (member.name.isEmpty())
        return unnamedLine(id, member, text);
    const QByteArrayView start = trimmedLeft(text);
    if (start.startsWith('/')) {
        if (start.startsWith("//")) {   // "//etc/hosts is..." says "/etc/hosts is..."
            if (member.muted)
                return refuseMuted(id, member);
            toOthers(id, member.name + ": " + visible(start.sliced(1)) + '\n');
            return true;
        }
        const auto [word, args] = splitCommand(start);
        return command(id, member, word, args);
    }
    if (trimmed(start).isEmpty())
        return true;   // an empty line (a user pressing Enter) is nothing to tell the others
    if (member.muted)
        return refuseMuted(id, member);
    toOthers(id, member.name + ": " + visible(text) + '\n');
    return true;
}

// Before it has a nickname a line is the nickname it wants ("/nick NAME" too), or /quit.
bool ChatRoom::unnamedLine(quint64 id, Member &member, const QByteArray &text)
{
    const QByteArray name = trimmed(text);
    const auto [word, args] = splitCommand(name);
    if (is(word, "/quit")) {
        toOne(id, noticeLine("bye"));
        m_out.back().close = true;
        quit(id, false);
        return false;
    }
    if (member.replied > limits::kChatMaxRepliesPerRound) {   // thousands of refused names in one read
        if (!member.warned) {
            member.warned = true;
            toOne(id, noticeLine("too many commands at once: ignored until you read the answers"));
        }
        return true;
    }
    // "/nick" alone is a name like any other (refused: it starts with /).
    chooseName(id, member, is(word, "/nick") && !args.isEmpty() ? args : name);
    return true;
}

bool ChatRoom::command(quint64 id, Member &member, QByteArrayView word, const QByteArray &args)
{
    // A client that pipelines commands without reading the answers: past the round's bound the
    // rest of this round's commands are ignored (it is told once), so its answers cannot pile up
    // here faster than the engine's queue bound drops it.
    if (!is(word, "/quit") && !bounded(id, member))
        return true;
    if (is(word, "/quit")) {
        toOne(id, noticeLine("bye"));
        m_out.back().close = true;
        quit(id, true);
        return false;
    }
    // Muted: nothing it sends reaches another member, a new name included ("*** OLD is now NEW"
    // would be a way to speak); /who, /help, /quit and asking the topic still work.
    if (member.muted && (is(word, "/nick") || is(word, "/me") || is(word, "/msg") || (is(word, "/topic") && !args.isEmpty())))
        return refuseMuted(id, member);
    if (is(word, "/nick")) {
        if (args.isEmpty())
            reply(member, id, noticeLine("usage: /nick NAME"));
        else
            rename(id, member, args);
    } else if (is(word, "/me")) {
        if (args.isEmpty())
            reply(member, id, noticeLine("usage: /me ACTION"));
        else
            toOthers(id, "* " + member.name + ' ' + visible(args) + '\n');
    } else if (is(word, "/who")) {
        who(id, member);
    } else if (is(word, "/msg")) {
        privateMessage(id, member, args);
    } else if (is(word, "/topic")) {
        setTopic(id, member, args);
    } else if (is(word, "/help")) {
        reply(member, id, noticeLine(kHelp));
    } else {
        reply(member, id, noticeLine("unknown command " + visible(word) + ": /help lists them, //TEXT sends a line that starts with /"));
    }
    return true;
}

// Past the round's bound of answers, false (and the member is told once): the caller ignores the line.
bool ChatRoom::bounded(quint64 id, Member &member)
{
    if (member.replied <= limits::kChatMaxRepliesPerRound)
        return true;
    if (!member.warned) {
        member.warned = true;
        toOne(id, noticeLine("too many commands at once: ignored until you read the answers"));
    }
    return false;
}

bool ChatRoom::refuseMuted(quint64 id, Member &member)
{
    if (bounded(id, member))
        reply(member, id, noticeLine("you are muted: not sent"));
    return true;
}

bool ChatRoom::command(const ChatCommand &command)
{
    switch (command.kind) {
    case ChatCommand::Kind::Mute:
        return mute(command.id, true);
    case ChatCommand::Kind::Unmute:
        return mute(command.id, false);
    case ChatCommand::Kind::Remove:
        return remove(command.id);
    case ChatCommand::Kind::Topic:
        return serverTopic(command.text);
    case ChatCommand::Kind::Notice:
        return notice(command.text);
    }
    return false;
}

bool ChatRoom::mute(quint64 id, bool on)
{
    auto it = m_members.find(id);
    if (it == m_members.end() || it->second.muted == on)
        return false;   // gone already, or muted twice: told once
    Member &member = it->second;
    member.muted = on;
    toOne(id, noticeLine(on ? "you are muted by the server" : "you may speak again"));
    if (!member.name.isEmpty())
        event(on ? ChatMemberEvent::Kind::Muted : ChatMemberEvent::Kind::Unmuted, id);
    return true;
}

// Like its own /quit: told, then closed in order; the others hear it was removed, not that it left.
bool ChatRoom::remove(quint64 id)
{
    auto it = m_members.find(id);
    if (it == m_members.end())
        return false;
    const QByteArray name = it->second.name;
    toOne(id, noticeLine("removed by the server"));
    m_out.back().close = true;
    m_out.back().removed = true;
    quit(id, false);
    if (!name.isEmpty())
        toOthers(id, noticeLine(name + " was removed"));
    return true;
}

namespace {

// The server's text: a pasted line's own end (CR, LF) and spaces around it are not part of it.
QByteArray trimmedServerText(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (begin < end && blank(text[begin]))
        ++begin;
    while (end > begin && blank(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin).toByteArray();
}

} // namespace

QString ChatRoom::topicProblem(QByteArrayView text)
{
    if (trimmedServerText(text).size() > limits::kChatMaxTopicBytes)
        return QStringLiteral("longer than %1 bytes").arg(limits::kChatMaxTopicBytes);
    return {};
}

QString ChatRoom::noticeProblem(QByteArrayView text, qsizetype maxLineBytes)
{
    if (text.size() > maxLineBytes)
        return QStringLiteral("longer than %1 bytes").arg(maxLineBytes);
    if (trimmedServerText(text).isEmpty())
        return QStringLiteral("empty");
    return {};
}

// As /topic: at most 300 bytes, control characters (a LF inside too) made visible. Empty clears it.
bool ChatRoom::serverTopic(QByteArrayView text)
{
    if (!topicProblem(text).isEmpty())
        return false;
    const QByteArray topic = visible(trimmedServerText(text));
    if (topic.isEmpty()) {
        if (m_topic.isEmpty())
            return false;
        m_topic.clear();
        toAll(noticeLine("the server cleared the topic"));
    } else {
        m_topic = topic;
        toAll(noticeLine("the server set the topic: " + m_topic));
    }
    event(ChatMemberEvent::Kind::Topic, 0, m_topic);
    return true;
}

// One "*** notice: " line per line of the text (a CR before a LF dropped, blank lines skipped), each
// made visible: no line of it can pass for another kind.
bool ChatRoom::notice(QByteArrayView text)
{
    if (!noticeProblem(text, m_config.maxLineBytes).isEmpty())
        return false;
    for (qsizetype begin = 0; begin <= text.size();) {
        qsizetype end = text.indexOf('\n', begin);
        if (end < 0)
            end = text.size();
        QByteArrayView piece = text.sliced(begin, end - begin);
        if (piece.endsWith('\r'))
            piece.chop(1);
        if (!trimmed(piece).isEmpty())
            toAll(noticeLine("notice: " + visible(piece)));
        begin = end + 1;
    }
    return true;
}

void ChatRoom::rename(quint64 id, Member &member, const QByteArray &name)
{
    if (const QString problem = nicknameProblem(name); !problem.isEmpty()) {
        reply(member, id, noticeLine("nickname refused (" + problem.toUtf8() + "): you are still " + member.name));
        return;
    }
    if (name == member.name) {
        reply(member, id, noticeLine("you are already " + member.name));
        return;
    }
    const QString key = nicknameKey(name);
    if (holderOf(key, id) != 0) {
        reply(member, id, noticeLine("nickname " + name + " is taken: you are still " + member.name));
        return;
    }
    const QByteArray old = std::exchange(member.name, name);
    member.key = key;
    reply(member, id, noticeLine("you are now " + member.name));
    toOthers(id, noticeLine(old + " is now " + member.name));
    event(ChatMemberEvent::Kind::Renamed, id, member.name);
}

void ChatRoom::privateMessage(quint64 id, Member &member, const QByteArray &args)
{
    // NAME is the first word; a member whose name has a space ("client 7", over AF_UNIX) is found
    // by the whole of it.
    quint64 to = 0;
    QByteArray name;
    QByteArray text;
    for (const quint64 other : m_order) {
        const Member &candidate = m_members.at(other);
        if (candidate.name.contains(' ') && (args == candidate.name || args.startsWith(candidate.name + ' ')
                                             || args.startsWith(candidate.name + '\t'))) {
            to = other;
            name = candidate.name;
            text = trimmed(QByteArrayView(args).sliced(name.size()));
            break;
        }
    }
    if (to == 0) {
        const auto [word, rest] = splitCommand(args);
        name = word.toByteArray();
        text = rest;
        if (!name.isEmpty())
            to = holderOf(nicknameKey(name));
    }
    if (name.isEmpty() || text.isEmpty()) {
        reply(member, id, noticeLine("usage: /msg NAME TEXT"));
        return;
    }
    if (to == 0) {
        reply(member, id, noticeLine("no one here is called " + visible(name) + ": not sent"));
        return;
    }
    if (to == id) {
        reply(member, id, noticeLine("that is you: not sent"));
        return;
    }
    const QByteArray said = visible(text);
    toOne(to, '*' + member.name + "* " + said + '\n');
    reply(member, id, "-> *" + m_members.at(to).name + "* " + said + '\n');
}

void ChatRoom::who(quint64 id, Member &member)
{
    QByteArray names;
    int count = 0;
    for (const quint64 other : m_order) {
        const Member &present = m_members.at(other);
        if (present.name.isEmpty())
            continue;
        if (++count <= limits::kChatWhoMaxNames)
            names += (count > 1 ? ", " : "") + present.name;
    }
    if (count > limits::kChatWhoMaxNames)
        names += ", and " + QByteArray::number(count - limits::kChatWhoMaxNames) + " more";
    reply(member, id, noticeLine("in the room (" + QByteArray::number(count) + "): " + names));
}

void ChatRoom::setTopic(quint64 id, Member &member, const QByteArray &text)
{
    if (text.isEmpty()) {
        reply(member, id, noticeLine(m_topic.isEmpty() ? QByteArray("no topic") : "topic: " + m_topic));
        return;
    }
    if (text.size() > limits::kChatMaxTopicBytes) {
        reply(member, id, noticeLine("topic refused (longer than " + QByteArray::number(limits::kChatMaxTopicBytes) + " bytes)"));
        return;
    }
    m_topic = visible(text);
    toAll(noticeLine(member.name + " set the topic: " + m_topic));
    event(ChatMemberEvent::Kind::Topic, 0, m_topic);
}

void ChatRoom::chooseName(quint64 id, Member &member, QByteArray text)
{
    if (const QString problem = nicknameProblem(text); !problem.isEmpty()) {
        reply(member, id, noticeLine("nickname refused (" + problem.toUtf8() + "): send another"));
        return;
    }
    const QString key = nicknameKey(text);
    if (holderOf(key) != 0) {
        reply(member, id, noticeLine("nickname " + text + " is taken: send another"));
        return;
    }
    member.name = text;
    member.key = key;
    toOne(id, noticeLine("you are " + member.name));
    if (!m_topic.isEmpty())
        toOne(id, noticeLine("topic: " + m_topic));
    toOthers(id, noticeLine(member.name + " joined"));
    named(id, member);
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
        // Zero-width and direction marks (U+200B, U+202E...): "alice" and "al\u200Bice", or a
        // name that turns the rest of the line around, would look the same as another.
        if (QChar::category(c) == QChar::Other_Format)
            return QStringLiteral("invisible character");
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

QString ChatRoom::nicknameKey(QByteArrayView name)
{
    // Case does not make another person: "Alice" cannot pass for "alice"; nor does a compatibility
    // form ("Ａｌｉｃｅ", full width; "ﬁ" for "fi"). Each character folded on its own (simple
    // case folding: "straße" is not "STRASSE").
    return QString::fromUtf8(name).normalized(QString::NormalizationForm_KC).toCaseFolded();
}

quint64 ChatRoom::holderOf(const QString &key, quint64 except) const
{
    for (const quint64 id : m_order) {
        const Member &member = m_members.at(id);
        if (id != except && !member.name.isEmpty() && member.key == key)
            return id;
    }
    return 0;
}

void ChatRoom::reply(Member &member, quint64 id, const QByteArray &bytes)
{
    member.replied += bytes.size();
    toOne(id, bytes);
}

void ChatRoom::toOne(quint64 id, QByteArray bytes)
{
    m_out.push_back({id, std::move(bytes), false, false});
}

void ChatRoom::toAll(const QByteArray &bytes)
{
    toOthers(0, bytes);   // ids start at 1: nobody is left out
}

void ChatRoom::toOthers(quint64 id, const QByteArray &bytes)
{
    m_out.push_back({kTranscript, bytes, false, false});
    for (const quint64 other : m_order) {
        if (other == id)
            continue;
        if (auto it = m_members.find(other); it != m_members.end() && !it->second.name.isEmpty())
            m_out.push_back({other, bytes, false, false});
    }
}

} // namespace socketeer
