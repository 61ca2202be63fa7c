#include "macros.h"

#include "net/limits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpressionMatch>

#include <limits>

namespace socketeer {

namespace {

// A class, so that lupdate files these strings under the context they are looked up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Macros)
};

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

Error errorAt(qsizetype index, const QString &what)
{
    return Error::invalid(Text::tr("position %1: %2").arg(index + 1).arg(what));
}

bool isHexSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':') || c == QLatin1Char('-');
}

} // namespace

qint64 MacroState::take(const QString &name, qint64 start, qint64 step)
{
    std::lock_guard lock(m_mutex);
    auto it = m_next.find(name);
    if (it == m_next.end())
        it = m_next.insert(name, start);
    const qint64 value = *it;
    *it = static_cast<qint64>(static_cast<quint64>(value) + static_cast<quint64>(step));   // wraps, never UB
    return value;
}

void MacroState::reset()
{
    std::lock_guard lock(m_mutex);
    m_next.clear();
}

void MessageTemplate::append(Part part)
{
    if (part.kind == Part::Bytes) {
        if (part.bytes.isEmpty())
            return;
        if (!m_parts.isEmpty() && m_parts.last().kind == Part::Bytes) {
            m_parts.last().bytes += part.bytes;
            return;
        }
    }
    m_parts.append(std::move(part));
}

Result<MessageTemplate> MessageTemplate::parse(QStringView text, Mode mode, TextEncoding encoding, bool captures)
{
    const auto bytesPart = [](QByteArray bytes) {
        Part part;
        part.bytes = std::move(bytes);
        return part;
    };
    MessageTemplate out;
    out.m_encoding = encoding;
    QString pendingText;   // text mode: characters waiting to be encoded together
    qsizetype pendingStart = 0;
    auto flushText = [&]() -> Result<void> {
        if (pendingText.isEmpty())
            return {};
        auto bytes = encodeText(pendingText, encoding);
        if (!bytes)
            return errorAt(pendingStart, bytes.error().detail);
        out.append(bytesPart(std::move(bytes).value()));
        pendingText.clear();
        return {};
    };
    auto addBytes = [&](QByteArray bytes) -> Result<void> {
        if (auto flushed = flushText(); !flushed)
            return flushed;
        out.append(bytesPart(std::move(bytes)));
        return {};
    };
    auto addPart = [&](Part part) -> Result<void> {
        if (auto flushed = flushText(); !flushed)
            return flushed;
        out.append(std::move(part));
        return {};
    };
    int pendingNibble = -1;   // hex mode: the first digit of a byte
    qsizetype nibbleAt = 0;
    auto unpairedNibble = [&]() {
        return errorAt(nibbleAt, Text::tr("hex digit \"%1\" has no partner: write bytes as two digits (0A, not A)").arg(text.at(nibbleAt)));
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        // {{macro}}
        if (c == QLatin1Char('{') && i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            if (pendingNibble >= 0)
                return unpairedNibble();
            const qsizetype end = text.indexOf(QStringLiteral("}}"), i + 2);
            if (end < 0)
                return errorAt(i, Text::tr("\"{{\" without a closing \"}}\""));
            const QStringView body = text.sliced(i + 2, end - i - 2);
            const qsizetype colon = body.indexOf(QLatin1Char(':'));
            const QString name = (colon < 0 ? body : body.first(colon)).trimmed().toString().toLower();
            const QStringView arg = colon < 0 ? QStringView() : body.sliced(colon + 1);
            const bool hasArg = colon >= 0;
            Part part;
            if (name == QLatin1String("counter")) {
                part.kind = Part::Counter;
                part.a = 1;
                part.b = 1;
                if (hasArg) {
                    for (QStringView option : arg.split(QLatin1Char(','))) {
                        const qsizetype eq = option.indexOf(QLatin1Char('='));
                        const QString key = (eq < 0 ? option : option.first(eq)).trimmed().toString().toLower();
                        const QString value = eq < 0 ? QString() : option.sliced(eq + 1).trimmed().toString();
                        bool ok = eq >= 0;
                        if (key == QLatin1String("name") && ok) {
                            part.text = value;
                        } else if (key == QLatin1String("start") && ok) {
                            part.a = value.toLongLong(&ok);
                        } else if (key == QLatin1String("step") && ok) {
                            part.b = value.toLongLong(&ok);
                        } else if (key == QLatin1String("width") && ok) {
                            part.width = value.toInt(&ok);
                            ok = ok && part.width >= 0 && part.width <= 20;
                        } else {
                            return errorAt(i, Text::tr("{{counter}} takes start=, step=, width= and name=, not \"%1\"").arg(option.toString()));
                        }
                        if (!ok)
                            return errorAt(i, Text::tr("{{counter}}: \"%1\" is not a valid value for %2").arg(value, key));
                    }
                }
            } else if (name == QLatin1String("date") || name == QLatin1String("time")) {
                part.kind = name == QLatin1String("date") ? Part::Date : Part::Time;
                part.text = hasArg ? arg.toString()
                                   : (part.kind == Part::Date ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("HH:mm:ss"));
                if (part.text.isEmpty())
                    return errorAt(i, Text::tr("{{%1:}} needs a format after the colon").arg(name));
                // The format's literal text is sent as it is: it must suit the encoding now, not
                // fail at every send. (Names of months and days come from the C locale: ASCII.)
                if (auto encodable = encodeText(part.text, encoding); !encodable)
                    return errorAt(i, encodable.error().detail);
            } else if (name == QLatin1String("unixtime") && !hasArg) {
                part.kind = Part::UnixTime;
            } else if (name == QLatin1String("random")) {
                bool ok = false;
                part.kind = Part::Random;
                part.a = arg.trimmed().toLongLong(&ok);
                if (!ok || part.a < 1)
                    return errorAt(i, Text::tr("{{random:N}} needs a whole number N of 1 or more (a value below N is sent)"));
            } else if (name == QLatin1String("hex")) {
                auto bytes = parseHex(arg.toString());
                if (!bytes)
                    return errorAt(i, QStringLiteral("{{hex:…}}: ") + bytes.error().detail);
                part.kind = Part::Bytes;
                part.bytes = std::move(bytes).value();
            } else if (name == QLatin1String("file")) {
                part.kind = Part::File;
                part.text = arg.trimmed().toString();
                if (part.text.isEmpty())
                    return errorAt(i, Text::tr("{{file:PATH}} needs a path"));
            } else {
                return errorAt(i, Text::tr("unknown macro \"{{%1}}\" (known: counter, date, time, unixtime, random:N, hex:…, file:PATH)")
                                      .arg(body.toString()));
            }
            if (auto added = addPart(std::move(part)); !added)
                return added.error();
            i = end + 2;
            continue;
        }
        // ${N} / ${name}
        if (captures && c == QLatin1Char('$') && i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            if (pendingNibble >= 0)
                return unpairedNibble();
            const qsizetype end = text.indexOf(QLatin1Char('}'), i + 2);
            if (end < 0)
                return errorAt(i, Text::tr("\"${\" without a closing \"}\""));
            const QString name = text.sliced(i + 2, end - i - 2).toString();
            if (name.isEmpty())
                return errorAt(i, Text::tr("\"${}\" names no capture group"));
            Part part;
            bool numeric = false;
            const int index = name.toInt(&numeric);
            if (numeric) {
                if (index < 0)
                    return errorAt(i, Text::tr("there is no capture group %1").arg(name));
                part.kind = Part::CaptureIndex;
                part.a = index;
            } else {
                part.kind = Part::CaptureName;
                part.text = name;
            }
            if (auto added = addPart(std::move(part)); !added)
                return added.error();
            i = end + 1;
            continue;
        }
        if (c == QLatin1Char('\\') && mode != Mode::Plain) {
            if (pendingNibble >= 0)
                return unpairedNibble();
            if (i + 1 >= n)
                return errorAt(i, Text::tr("a lone \"\\\" at the end (write \\\\ for a backslash)"));
            const QChar e = text.at(i + 1);
            const char16_t u = e.unicode();
            if (captures && u >= '0' && u <= '9') {
                Part part;
                part.kind = Part::CaptureIndex;
                part.a = u - '0';
                if (auto added = addPart(std::move(part)); !added)
                    return added.error();
                i += 2;
                continue;
            }
            if (u == 'x') {
                const int hi = i + 2 < n ? hexValue(text.at(i + 2)) : -1;
                const int lo = i + 3 < n ? hexValue(text.at(i + 3)) : -1;
                if (hi < 0 || lo < 0)
                    return errorAt(i, Text::tr("\\x needs two hex digits (\\x0A)"));
                if (auto added = addBytes(QByteArray(1, static_cast<char>((hi << 4) | lo))); !added)
                    return added.error();
                i += 4;
                continue;
            }
            char byte = 0;
            QChar literal;
            switch (u) {
            case 'r': byte = '\r'; break;
            case 'n': byte = '\n'; break;
            case 't': byte = '\t'; break;
            case '0': byte = '\0'; break;
            case '\\': literal = QLatin1Char('\\'); break;
            case '{': literal = QLatin1Char('{'); break;
            case '}': literal = QLatin1Char('}'); break;
            case '$': literal = QLatin1Char('$'); break;
            default:
                return errorAt(i, Text::tr("unknown escape \"\\%1\" (known: \\r \\n \\t \\0 \\xNN \\\\ \\{ \\$)").arg(e));
            }
            if (mode == Mode::Hex && !literal.isNull())
                return errorAt(i, Text::tr("\"\\%1\" is not hex").arg(e));
            if (literal.isNull()) {
                if (auto added = addBytes(QByteArray(1, byte)); !added)
                    return added.error();
            } else {
                if (pendingText.isEmpty())
                    pendingStart = i;
                pendingText.append(literal);
            }
            i += 2;
            continue;
        }
        if (mode == Mode::Hex) {
            if (isHexSeparator(c)) {
                if (pendingNibble >= 0)
                    return unpairedNibble();
                ++i;
                continue;
            }
            if (c == QLatin1Char('0') && pendingNibble < 0 && i + 1 < n && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
                i += 2;
                continue;
            }
            const int value = hexValue(c);
            if (value < 0)
                return errorAt(i, Text::tr("\"%1\" is not a hex digit").arg(c));
            if (pendingNibble < 0) {
                pendingNibble = value;
                nibbleAt = i;
            } else {
                out.append(bytesPart(QByteArray(1, static_cast<char>((pendingNibble << 4) | value))));
                pendingNibble = -1;
            }
            ++i;
            continue;
        }
        if (pendingText.isEmpty())
            pendingStart = i;
        pendingText.append(c);
        ++i;
    }
    if (pendingNibble >= 0)
        return unpairedNibble();
    if (auto flushed = flushText(); !flushed)
        return flushed.error();
    return out;
}

Result<QByteArray> MessageTemplate::expand(MacroState &state, const QRegularExpressionMatch *match) const
{
    if (isConstant())
        return constant();
    QByteArray out;
    auto addText = [&](const QString &text) -> Result<void> {
        auto bytes = encodeText(text, m_encoding);
        if (!bytes)
            return bytes.error();
        out += *bytes;
        return {};
    };
    for (const Part &part : m_parts) {
        Result<void> added;
        switch (part.kind) {
        case Part::Bytes:
            out += part.bytes;
            break;
        case Part::Counter: {
            const qint64 value = state.take(part.text, part.a, part.b);
            QString digits = QString::number(value < 0 ? -static_cast<quint64>(value) : static_cast<quint64>(value));
            digits = digits.rightJustified(part.width, QLatin1Char('0'));
            if (value < 0)
                digits.prepend(QLatin1Char('-'));
            out += digits.toLatin1();
            break;
        }
        case Part::Date:
        case Part::Time:
            added = addText(QDateTime::currentDateTime().toString(part.text));
            break;
        case Part::UnixTime:
            out += QByteArray::number(QDateTime::currentSecsSinceEpoch());
            break;
        case Part::Random:
            out += QByteArray::number(QRandomGenerator::global()->bounded(static_cast<quint64>(part.a)));
            break;
        case Part::File: {
            // Only a regular file: opening a FIFO waits for a writer, and a send box expands on
            // the window's thread. (A file swapped for a FIFO between the two calls is not guarded.)
            if (const QFileInfo info(part.text); info.exists() && !info.isFile())
                return Error::invalid(Text::tr("{{file:%1}}: not a regular file").arg(part.text));
            QFile file(part.text);
            if (!file.open(QIODevice::ReadOnly))
                return Error::invalid(Text::tr("{{file:%1}}: cannot read it: %2").arg(part.text, file.errorString()));
            const QByteArray bytes = file.read(limits::kMacroFileBytes + 1);
            if (bytes.size() > limits::kMacroFileBytes)
                return Error::invalid(Text::tr("{{file:%1}}: larger than %2 bytes, the most a message may insert")
                                          .arg(part.text)
                                          .arg(limits::kMacroFileBytes));
            out += bytes;
            break;
        }
        case Part::CaptureIndex:
            if (match)
                added = addText(match->captured(static_cast<int>(part.a)));
            break;
        case Part::CaptureName:
            if (match)
                added = addText(match->captured(part.text));
            break;
        }
        if (!added)
            return added.error();
    }
    return out;
}

int MessageTemplate::highestCaptureIndex() const
{
    int highest = -1;
    for (const Part &part : m_parts)
        if (part.kind == Part::CaptureIndex)
            highest = std::max(highest, static_cast<int>(std::min<qint64>(part.a, std::numeric_limits<int>::max())));
    return highest;
}

QStringList MessageTemplate::captureNames() const
{
    QStringList names;
    for (const Part &part : m_parts)
        if (part.kind == Part::CaptureName)
            names.append(part.text);
    return names;
}

Result<QByteArray> expandMessage(QStringView text, MessageTemplate::Mode mode, TextEncoding encoding, MacroState &state)
{
    auto parsed = MessageTemplate::parse(text, mode, encoding);
    if (!parsed)
        return parsed.error();
    return parsed->expand(state);
}

} // namespace socketeer
