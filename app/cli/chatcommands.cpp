#include "chatcommands.h"

#include "cli.h"

#include "net/limits.h"
#include "tcp/chatroom.h"
#include "tcp/tcpserver.h"

#include <memory>

namespace socketeer::cli {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray trimmedLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

struct Splitter {
    bool atStart = true;   // the next byte begins a line
    bool holding = false;  // a line that starts with "/" is being collected
    QByteArray held;
    std::function<void(const QByteArray &)> command;

    void finishHeld(QByteArray &out)
    {
        holding = false;
        QByteArray line = std::exchange(held, {});
        if (line.startsWith("//"))
            out += line.sliced(1);   // "//TEXT" is the line "/TEXT"
        else if (!trimmedLineEnd(line).isEmpty())
            command(trimmedLineEnd(line));
    }

    QByteArray push(const QByteArray &chunk)
    {
        QByteArray out;
        qsizetype i = 0;
        while (i < chunk.size()) {
            if (holding) {
                const qsizetype end = chunk.indexOf('\n', i);
                held += chunk.sliced(i, (end < 0 ? chunk.size() : end + 1) - i);
                if (end < 0) {
                    if (held.size() > limits::kChatMaxLineBytes) {   // no command is this long: text
                        out += std::exchange(held, {});
                        holding = false;
                        atStart = false;
                    }
                    break;
                }
                finishHeld(out);
                atStart = true;
                i = end + 1;
                continue;
            }
            if (atStart && chunk[i] == '/') {
                holding = true;
                continue;
            }
            atStart = false;
            const qsizetype end = chunk.indexOf('\n', i);
            if (end < 0) {
                out += chunk.sliced(i);
                break;
            }
            out += chunk.sliced(i, end + 1 - i);
            atStart = true;
            i = end + 1;
        }
        return out;
    }

    QByteArray finish()
    {
        QByteArray out;
        if (holding)   // a last command without its newline still counts
            finishHeld(out);
        return out;
    }
};

// The member called `name`: its nickname compared as the room compares them, its address name, or
// "#ID" by client id. 0 if none.
quint64 memberCalled(const TcpServer &server, const QByteArray &name)
{
    if (name.startsWith('#')) {
        bool ok = false;
        const quint64 id = name.sliced(1).toULongLong(&ok);
        for (const ChatMember &member : server.chatMembers())
            if (ok && member.id == id)
                return id;
        return 0;
    }
    const QString key = ChatRoom::nicknameKey(name);
    for (const ChatMember &member : server.chatMembers())
        if (ChatRoom::nicknameKey(member.name.toUtf8()) == key)
            return member.id;
    return 0;
}

} // namespace

ChatStdin chatStdin(std::function<void(const QByteArray &line)> command)
{
    auto splitter = std::make_shared<Splitter>();
    splitter->command = std::move(command);
    return {[splitter](const QByteArray &chunk) { return splitter->push(chunk); }, [splitter] { return splitter->finish(); }};
}

QString chatCommandsHelp()
{
    return Cli::tr("A line typed on stdin that starts with / is a command for the room, not sent: /notice TEXT\n"
                   "(\"*** notice: TEXT\" to everyone), /topic TEXT (set it; /topic alone shows it, /topic - clears\n"
                   "it), /mute NAME, /unmute NAME, /kick NAME (removed from the room, its connection closed),\n"
                   "/who (the members, on stderr), /help. NAME is a nickname, an address name or #ID. //TEXT sends\n"
                   "the line /TEXT; every other line goes to every client unchanged.");
}

void runChatCommand(TcpServer &server, const QByteArray &line)
{
    qsizetype end = 0;
    while (end < line.size() && !isBlank(line[end]))
        ++end;
    const QByteArray word = line.first(end).toLower();
    QByteArray args = line.sliced(end).trimmed();
    const auto refused = [](const QString &what, const QString &problem) {
        printLine(Cli::tr("%1 refused: %2").arg(what, problem));
    };
    if (word == "/notice") {
        if (args.isEmpty())
            printLine(Cli::tr("usage: /notice TEXT"));
        else if (const QString problem = server.sendChatNotice(QString::fromUtf8(args)); !problem.isEmpty())
            refused(Cli::tr("notice"), problem);
        return;
    }
    if (word == "/topic") {
        if (args.isEmpty()) {
            const QString topic = server.chatTopic();
            printLine(topic.isEmpty() ? Cli::tr("no topic") : Cli::tr("topic: %1").arg(topic));
            return;
        }
        if (args == "-")
            args.clear();
        if (const QString problem = server.setChatTopic(QString::fromUtf8(args)); !problem.isEmpty())
            refused(Cli::tr("topic"), problem);
        return;
    }
    if (word == "/mute" || word == "/unmute" || word == "/kick") {
        if (args.isEmpty()) {
            printLine(Cli::tr("usage: %1 NAME").arg(QString::fromLatin1(word)));
            return;
        }
        const quint64 id = memberCalled(server, args);
        if (id == 0) {
            printLine(Cli::tr("no one in the room is called %1").arg(QString::fromUtf8(args)));
            return;
        }
        if (word == "/kick")
            server.removeChatMember(id);
        else
            server.muteChatMember(id, word == "/mute");
        return;
    }
    if (word == "/who") {
        const QList<ChatMember> members = server.chatMembers();
        QStringList names;
        for (const ChatMember &member : members) {
            QString entry = QStringLiteral("%1 (#%2").arg(member.name).arg(member.id);
            if (!member.address.isEmpty() && member.address != member.name)
                entry += QStringLiteral(", ") + member.address;
            entry += QStringLiteral(", ") + Cli::tr("since %1").arg(member.since.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
            if (member.muted)
                entry += QStringLiteral(", ") + Cli::tr("muted");
            names << entry + QLatin1Char(')');
        }
        printLine(Cli::tr("in the room (%1): %2").arg(members.size()).arg(names.join(QStringLiteral(", "))));
        return;
    }
    if (word == "/help") {
        printLine(chatCommandsHelp());
        return;
    }
    printLine(Cli::tr("unknown command %1: /help lists them, //TEXT sends a line that starts with /").arg(QString::fromUtf8(word)));
}

} // namespace socketeer::cli
