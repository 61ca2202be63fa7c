#include "text/chatline.h"

#include "text/terminaltext.h"

namespace socketeer {

namespace {

// `client 7`: the room's name for a client that has none (over a Unix socket), the one name with
// a space in it.
qsizetype clientIdLength(QByteArrayView text)
{
    static constexpr QByteArrayView kClient("client ");
    if (!text.startsWith(kClient))
        return 0;
    qsizetype i = kClient.size();
    while (i < text.size() && i - kClient.size() < 20 && text[i] >= '0' && text[i] <= '9')
        ++i;
    return i > kClient.size() ? i : 0;
}

bool isClientId(QByteArrayView name) { return clientIdLength(name) == name.size(); }

bool nameAllowed(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > kChatNameMaxBytes || name.front() == '*' || name.front() == '/')
        return false;
    if (name.contains(' ') || name.contains('\t'))
        return isClientId(name);
    return true;
}

// NAME up to the first space in `rest` (or `client N`): its length, or -1 when there is no name
// followed by a space.
qsizetype nameBeforeSpace(QByteArrayView rest)
{
    qsizetype end = clientIdLength(rest);
    if (end == 0)
        end = rest.indexOf(' ');
    if (end <= 0 || end >= rest.size() || rest[end] != ' ')
        return -1;
    return nameAllowed(rest.first(end)) ? end : -1;
}

// "NAME* TEXT" (after the opening '*'): the length of NAME, or -1.
qsizetype nameBeforeStarSpace(QByteArrayView rest)
{
    const qsizetype end = rest.indexOf(QByteArrayView("* "));
    if (end <= 0)
        return -1;
    return nameAllowed(rest.first(end)) ? end : -1;
}

ChatLine make(ChatLineKind kind, QByteArrayView name, QByteArrayView text, TextEncoding encoding)
{
    return {kind, chatDisplayText(name, encoding), chatDisplayText(text, encoding)};
}

} // namespace

QString chatDisplayText(QByteArrayView bytes, TextEncoding encoding)
{
    DecodeOptions options;
    options.escapeControls = true;
    options.keepNewlines = false;
    QString text = terminalSafe(decodeForDisplay(bytes.toByteArray(), encoding, options), LineBreaks::Escape);
    // Unicode's own line and paragraph separators would break a line on the screen as LF would.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0x2028 || c == 0x2029) {
            const QString escaped = QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0'));
            text.replace(i, 1, escaped);
            i += escaped.size() - 1;
        }
    }
    return text;
}

ChatLine parseChatLine(QByteArrayView line, TextEncoding encoding)
{
    if (line.startsWith(QByteArrayView("*** ")))
        return {ChatLineKind::Notice, {}, chatDisplayText(line.sliced(4), encoding)};
    if (line.startsWith(QByteArrayView("* "))) {
        const QByteArrayView rest = line.sliced(2);
        if (const qsizetype end = nameBeforeSpace(rest); end > 0)
            return make(ChatLineKind::Action, rest.first(end), rest.sliced(end + 1), encoding);
    } else if (line.startsWith(QByteArrayView("-> *"))) {
        const QByteArrayView rest = line.sliced(4);
        if (const qsizetype end = nameBeforeStarSpace(rest); end > 0)
            return make(ChatLineKind::PrivateOut, rest.first(end), rest.sliced(end + 2), encoding);
    } else if (line.startsWith('*')) {
        const QByteArrayView rest = line.sliced(1);
        if (const qsizetype end = nameBeforeStarSpace(rest); end > 0)
            return make(ChatLineKind::PrivateIn, rest.first(end), rest.sliced(end + 2), encoding);
    }
    if (const qsizetype colon = line.indexOf(QByteArrayView(": ")); colon > 0 && nameAllowed(line.first(colon)))
        return make(ChatLineKind::Message, line.first(colon), line.sliced(colon + 2), encoding);
    return {ChatLineKind::Plain, {}, chatDisplayText(line, encoding)};
}

QString ownNameFromNotice(QStringView text)
{
    static constexpr QLatin1StringView kYouAre("you are ");
    if (!text.startsWith(kYouAre))
        return {};
    QStringView name = text.sliced(kYouAre.size());
    if (name.startsWith(QLatin1StringView("now ")))
        name = name.sliced(4);
    else if (name.startsWith(QLatin1StringView("already ")))
        name = name.sliced(8);
    const QByteArray bytes = name.toUtf8();
    if (!nameAllowed(bytes))
        return {};
    return name.toString();
}

QString chatNameKey(QStringView name)
{
    return name.toString().normalized(QString::NormalizationForm_KC).toCaseFolded();
}

bool chatNameMixesScripts(QStringView name)
{
    bool latin = false, greek = false, cyrillic = false;
    for (const char32_t c : name.toUcs4()) {
        switch (QChar::script(c)) {
        case QChar::Script_Latin: latin = true; break;
        case QChar::Script_Greek: greek = true; break;
        case QChar::Script_Cyrillic: cyrillic = true; break;
        default: break;
        }
    }
    return int(latin) + int(greek) + int(cyrillic) > 1;
}

namespace {
FrameSpec lineSpec()
{
    FrameSpec spec;
    spec.kind = FrameKind::Line;
    spec.delimiter = QByteArrayLiteral("\n");
    spec.maxMessage = kChatLineMaxBytes;
    spec.onError = FrameErrorPolicy::Resync;
    return spec;
}
} // namespace

ChatReader::ChatReader() : m_deframer(lineSpec()) {}

bool ChatReader::isOwnName(QStringView name) const
{
    return !m_ownKey.isEmpty() && chatNameKey(name) == m_ownKey;
}

ChatReader::Item ChatReader::classify(QByteArrayView bytes)
{
    Item item;
    item.line = parseChatLine(bytes, m_encoding);
    switch (item.line.kind) {
    case ChatLineKind::Notice:
        if (const QString name = ownNameFromNotice(item.line.text); !name.isEmpty()) {
            m_ownName = name;
            m_ownKey = chatNameKey(name);
        }
        break;
    case ChatLineKind::Message:
    case ChatLineKind::Action:
        // A room that echoes what I said (the protocol's does not; a student's may).
        item.own = isOwnName(item.line.name);
        break;
    default:
        break;
    }
    return item;
}

QList<ChatReader::Item> ChatReader::push(QByteArrayView bytes)
{
    QList<Item> items;
    m_deframer.pushEach(bytes, [&](const Deframer::FrameItemView &frame) {
        if (frame.type == FrameItem::Type::Error) {
            Item tooLong;
            tooLong.type = Item::Type::TooLong;
            items.append(std::move(tooLong));
        } else {
            items.append(classify(frame.bytes));
        }
    });
    return items;
}

QList<ChatReader::Item> ChatReader::finish()
{
    QList<Item> items;
    for (const FrameItem &frame : m_deframer.finish()) {
        QByteArrayView bytes = frame.bytes;
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        if (frame.type != FrameItem::Type::Error && !bytes.isEmpty())
            items.append(classify(bytes));
    }
    m_ownName.clear();
    m_ownKey.clear();
    return items;
}

void ChatReader::reset()
{
    m_deframer = Deframer(lineSpec());
    m_ownName.clear();
    m_ownKey.clear();
}

} // namespace socketeer
