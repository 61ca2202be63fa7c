#include "savedlibrary.h"

#include "net/limits.h"
#include "text/macros.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace socketeer {

namespace {

// One translation context for the library's messages, whichever file says them.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::SavedLibrary)
};

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

constexpr int kMaxNameLength = 200;
constexpr int kMaxRepeat = 1000000;
const QString kFormatName = QStringLiteral("socketeer-saved");

// "messages[3] "ping"": where an error is, for a person who opens the file in an editor.
QString entryName(const char *list, qsizetype index, const QString &name)
{
    QString where = QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(index);
    if (!name.isEmpty())
        where += QStringLiteral(" \"%1\"").arg(name.left(60));
    return where;
}

Error fieldError(const QString &entry, const QString &field, const QString &problem)
{
    return failure(QStringLiteral("%1, %2: %3").arg(entry, field, problem));
}

QString normalizedFolder(const QString &folder)
{
    QStringList parts;
    for (const QString &part : folder.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            parts.append(trimmed);
    return parts.join(QLatin1Char('/'));
}

Result<void> checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return failure(Text::tr("a name is needed"));
    if (name.size() > kMaxNameLength)
        return failure(Text::tr("the name is longer than %1 characters").arg(kMaxNameLength));
    if (name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r')))
        return failure(Text::tr("the name is on more than one line"));
    return {};
}

// A JSON number that must be a whole number in [low, high].
Result<int> wholeNumber(const QJsonValue &value, int low, int high)
{
    if (!value.isDouble())
        return failure(Text::tr("must be a number"));
    const double number = value.toDouble();
    if (std::floor(number) != number || number < low || number > high)
        return failure(Text::tr("must be a whole number from %1 to %2").arg(low).arg(high));
    return static_cast<int>(number);
}

// Optional string member: absent is empty; present and not a string is an error.
Result<QString> stringField(const QJsonObject &object, const char *key, bool required)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined()) {
        if (required)
            return failure(Text::tr("is missing"));
        return QString();
    }
    if (!value.isString())
        return failure(Text::tr("must be a string"));
    return value.toString();
}

Result<SavedMessage> parseMessage(const QJsonValue &value, qsizetype index)
{
    if (!value.isObject())
        return failure(Text::tr("%1 must be an object").arg(entryName("messages", index, {})));
    const QJsonObject object = value.toObject();
    SavedMessage message;
    const auto name = stringField(object, "name", true);
    QString entry = entryName("messages", index, {});
    if (!name)
        return fieldError(entry, QStringLiteral("name"), name.error().detail);
    message.name = name->trimmed();
    entry = entryName("messages", index, message.name);
    if (auto checked = checkName(message.name); !checked)
        return fieldError(entry, QStringLiteral("name"), checked.error().detail);
    const auto folder = stringField(object, "folder", false);
    if (!folder)
        return fieldError(entry, QStringLiteral("folder"), folder.error().detail);
    message.folder = normalizedFolder(*folder);
    const auto format = stringField(object, "format", false);
    if (!format)
        return fieldError(entry, QStringLiteral("format"), format.error().detail);
    if (format->isEmpty() || *format == QLatin1String("text"))
        message.format = SavedMessage::Format::Text;
    else if (*format == QLatin1String("hex"))
        message.format = SavedMessage::Format::Hex;
    else
        return fieldError(entry, QStringLiteral("format"), Text::tr("\"%1\" is neither \"text\" nor \"hex\"").arg(format->left(40)));
    const auto text = stringField(object, "text", true);
    if (!text)
        return fieldError(entry, QStringLiteral("text"), text.error().detail);
    message.text = *text;
    if (auto parsed = savedMessageTemplate(message, TextEncoding::Utf8); !parsed)
        return fieldError(entry, QStringLiteral("text"), parsed.error().detail);
    const auto note = stringField(object, "note", false);
    if (!note)
        return fieldError(entry, QStringLiteral("note"), note.error().detail);
    message.note = *note;
    return message;
}

Result<SequenceStep> parseStep(const QJsonValue &value, const QString &entry, qsizetype index)
{
    const QString step = QStringLiteral("steps[%1]").arg(index);
    if (!value.isObject())
        return fieldError(entry, step, Text::tr("must be an object"));
    const QJsonObject object = value.toObject();
    const auto type = stringField(object, "type", true);
    if (!type)
        return fieldError(entry, step + QStringLiteral(".type"), type.error().detail);
    SequenceStep result;
    if (*type == QLatin1String("send")) {
        result.kind = SequenceStep::Kind::Send;
        const auto message = stringField(object, "message", true);
        if (!message)
            return fieldError(entry, step + QStringLiteral(".message"), message.error().detail);
        result.message = message->trimmed();
    } else if (*type == QLatin1String("delay")) {
        result.kind = SequenceStep::Kind::Delay;
        const auto ms = wholeNumber(object.value(QLatin1String("ms")), 0, limits::kSequenceStepMaxMs);
        if (!ms)
            return fieldError(entry, step + QStringLiteral(".ms"), ms.error().detail);
        result.delayMs = *ms;
    } else if (*type == QLatin1String("wait")) {
        result.kind = SequenceStep::Kind::Wait;
        const auto pattern = stringField(object, "pattern", true);
        if (!pattern)
            return fieldError(entry, step + QStringLiteral(".pattern"), pattern.error().detail);
        result.pattern = *pattern;
        const auto timeout = wholeNumber(object.value(QLatin1String("timeoutMs")), 1, limits::kSequenceStepMaxMs);
        if (!timeout)
            return fieldError(entry, step + QStringLiteral(".timeoutMs"), timeout.error().detail);
        result.timeoutMs = *timeout;
    } else {
        return fieldError(entry, step + QStringLiteral(".type"),
                          Text::tr("\"%1\" is not one of \"send\", \"delay\", \"wait\"").arg(type->left(40)));
    }
    if (auto checked = validateStep(result, static_cast<int>(index)); !checked)
        return fieldError(entry, step, checked.error().detail);
    return result;
}

Result<Sequence> parseSequence(const QJsonValue &value, qsizetype index)
{
    if (!value.isObject())
        return failure(Text::tr("%1 must be an object").arg(entryName("sequences", index, {})));
    const QJsonObject object = value.toObject();
    Sequence sequence;
    QString entry = entryName("sequences", index, {});
    const auto name = stringField(object, "name", true);
    if (!name)
        return fieldError(entry, QStringLiteral("name"), name.error().detail);
    sequence.name = name->trimmed();
    entry = entryName("sequences", index, sequence.name);
    if (auto checked = checkName(sequence.name); !checked)
        return fieldError(entry, QStringLiteral("name"), checked.error().detail);
    if (const QJsonValue repeat = object.value(QLatin1String("repeat")); !repeat.isUndefined()) {
        const auto rounds = wholeNumber(repeat, 0, kMaxRepeat);
        if (!rounds)
            return fieldError(entry, QStringLiteral("repeat"), rounds.error().detail);
        sequence.repeat = *rounds;
    }
    const auto note = stringField(object, "note", false);
    if (!note)
        return fieldError(entry, QStringLiteral("note"), note.error().detail);
    sequence.note = *note;
    const QJsonValue steps = object.value(QLatin1String("steps"));
    if (!steps.isArray())
        return fieldError(entry, QStringLiteral("steps"), steps.isUndefined() ? Text::tr("is missing") : Text::tr("must be a list"));
    const QJsonArray array = steps.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto step = parseStep(array.at(i), entry, i);
        if (!step)
            return step.error();
        sequence.steps.append(std::move(step).value());
    }
    return sequence;
}

// Line and column of a byte offset, for a JSON syntax error.
QString position(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const QByteArrayView before(json.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
    return Text::tr("line %1, column %2").arg(line).arg(column);
}

QString uniqueName(const QString &name, const QSet<QString> &taken)
{
    if (!taken.contains(name))
        return name;
    for (int n = 2;; ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        // Still within the name's limit: the base is shortened, never the number.
        const QString candidate = name.left(kMaxNameLength - suffix.size()).trimmed() + suffix;
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

const SavedMessage *SavedLibrary::message(const QString &name) const
{
    for (const SavedMessage &m : messages)
        if (m.name == name)
            return &m;
    return nullptr;
}

const Sequence *SavedLibrary::sequence(const QString &name) const
{
    for (const Sequence &s : sequences)
        if (s.name == name)
            return &s;
    return nullptr;
}

Result<QByteArray> resolveEscapes(const QString &text, TextEncoding encoding)
{
    QByteArray bytes;
    QString plain;
    const auto flush = [&]() -> Result<void> {
        if (plain.isEmpty())
            return {};
        auto encoded = encodeText(plain, encoding);
        if (!encoded)
            return encoded.error();
        bytes += *encoded;
        plain.clear();
        return {};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\')) {
            plain.append(c);
            continue;
        }
        if (i + 1 >= text.size())
            return failure(Text::tr("a lone \\ at the end (write \\\\ for a backslash)"));
        const QChar e = text.at(++i);
        switch (e.unicode()) {
        case 'n': plain.append(QLatin1Char('\n')); break;
        case 'r': plain.append(QLatin1Char('\r')); break;
        case 't': plain.append(QLatin1Char('\t')); break;
        case '0': plain.append(QChar(0)); break;
        case '\\': plain.append(QLatin1Char('\\')); break;
        case 'x': {
            const QString digits = text.mid(i + 1, 2);
            const auto isHex = [](QChar d) { const char16_t u = d.unicode(); return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F'); };
            if (digits.size() != 2 || !isHex(digits.at(0)) || !isHex(digits.at(1)))
                return failure(Text::tr("\\x at character %1 needs two hex digits (\\x0A)").arg(i));
            if (auto done = flush(); !done)
                return done.error();
            bytes.append(static_cast<char>(digits.toUInt(nullptr, 16)));
            i += 2;
            break;
        }
        default:
            return failure(Text::tr("\"\\%1\" at character %2 is not an escape (\\n \\r \\t \\0 \\xNN, or \\\\ for a backslash)")
                               .arg(e).arg(i));
        }
    }
    if (auto done = flush(); !done)
        return done.error();
    return bytes;
}

QString escapeForSaving(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case 0: out += QStringLiteral("\\0"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

Result<MessageTemplate> savedMessageTemplate(const SavedMessage &message, TextEncoding encoding)
{
    return MessageTemplate::parse(message.text,
                                  message.format == SavedMessage::Format::Hex ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Text,
                                  encoding);
}

Result<QByteArray> savedMessageBytes(const SavedMessage &message, TextEncoding encoding, MacroState &macros)
{
    auto parsed = savedMessageTemplate(message, encoding);
    if (!parsed)
        return parsed.error();
    return parsed->expand(macros);
}

Result<QByteArray> savedMessageBytes(const SavedMessage &message, TextEncoding encoding)
{
    MacroState scratch;
    return savedMessageBytes(message, encoding, scratch);
}

Result<void> validateStep(const SequenceStep &step, int index)
{
    Q_UNUSED(index);
    switch (step.kind) {
    case SequenceStep::Kind::Send:
        if (step.message.trimmed().isEmpty())
            return failure(Text::tr("a send step needs the name of a saved message"));
        break;
    case SequenceStep::Kind::Delay:
        if (step.delayMs < 0 || step.delayMs > limits::kSequenceStepMaxMs)
            return failure(Text::tr("a delay must be from 0 to %1 ms").arg(limits::kSequenceStepMaxMs));
        break;
    case SequenceStep::Kind::Wait: {
        if (step.timeoutMs < 1 || step.timeoutMs > limits::kSequenceStepMaxMs)
            return failure(Text::tr("a wait's timeout must be from 1 to %1 ms").arg(limits::kSequenceStepMaxMs));
        if (step.pattern.isEmpty())
            return failure(Text::tr("a wait needs a pattern to look for"));
        const QRegularExpression expression(step.pattern);
        if (!expression.isValid())
            return failure(Text::tr("the pattern is not a valid regular expression: %1 (at character %2)")
                               .arg(expression.errorString())
                               .arg(expression.patternErrorOffset()));
        break;
    }
    }
    return {};
}

Result<void> validateLibrary(const SavedLibrary &library)
{
    QSet<QString> names;
    for (qsizetype i = 0; i < library.messages.size(); ++i) {
        const SavedMessage &message = library.messages.at(i);
        const QString entry = entryName("messages", i, message.name);
        if (auto checked = checkName(message.name); !checked)
            return fieldError(entry, QStringLiteral("name"), checked.error().detail);
        if (names.contains(message.name))
            return fieldError(entry, QStringLiteral("name"), Text::tr("another message has this name already"));
        names.insert(message.name);
        if (auto parsed = savedMessageTemplate(message, TextEncoding::Utf8); !parsed)
            return fieldError(entry, QStringLiteral("text"), parsed.error().detail);
    }
    QSet<QString> sequenceNames;
    for (qsizetype i = 0; i < library.sequences.size(); ++i) {
        const Sequence &sequence = library.sequences.at(i);
        const QString entry = entryName("sequences", i, sequence.name);
        if (auto checked = checkName(sequence.name); !checked)
            return fieldError(entry, QStringLiteral("name"), checked.error().detail);
        if (sequenceNames.contains(sequence.name))
            return fieldError(entry, QStringLiteral("name"), Text::tr("another sequence has this name already"));
        sequenceNames.insert(sequence.name);
        if (sequence.repeat < 0 || sequence.repeat > kMaxRepeat)
            return fieldError(entry, QStringLiteral("repeat"), Text::tr("must be a whole number from %1 to %2").arg(0).arg(kMaxRepeat));
        for (qsizetype s = 0; s < sequence.steps.size(); ++s) {
            const SequenceStep &step = sequence.steps.at(s);
            const QString field = QStringLiteral("steps[%1]").arg(s);
            if (auto checked = validateStep(step, static_cast<int>(s)); !checked)
                return fieldError(entry, field, checked.error().detail);
            if (step.kind == SequenceStep::Kind::Send && !names.contains(step.message))
                return fieldError(entry, field + QStringLiteral(".message"), Text::tr("there is no saved message \"%1\"").arg(step.message.left(60)));
        }
    }
    return {};
}

Result<SavedLibrary> parseSavedLibrary(const QByteArray &json)
{
    if (json.size() > limits::kSavedFileMaxBytes)
        return failure(Text::tr("the file is larger than %1 MiB").arg(limits::kSavedFileMaxBytes / limits::MiB));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(Text::tr("not valid JSON at %1: %2").arg(position(json, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return failure(Text::tr("not a Socketeer saved-messages file: the top level is not a JSON object"));
    const QJsonObject top = document.object();
    if (top.value(QLatin1String("format")).toString() != kFormatName)
        return failure(Text::tr("not a Socketeer saved-messages file: \"format\" is not \"%1\"").arg(kFormatName));
    const auto version = wholeNumber(top.value(QLatin1String("version")), 1, 1000000);
    if (!version)
        return failure(QStringLiteral("version: %1").arg(version.error().detail));
    if (*version > SavedLibrary::kFormatVersion)
        return failure(Text::tr("the file is version %1, newer than this Socketeer reads (%2): update Socketeer to open it")
                           .arg(*version)
                           .arg(SavedLibrary::kFormatVersion));

    SavedLibrary library;
    for (const char *list : {"messages", "sequences"}) {
        const QJsonValue value = top.value(QLatin1String(list));
        if (!value.isUndefined() && !value.isArray())
            return failure(QStringLiteral("%1: %2").arg(QLatin1String(list), Text::tr("must be a list")));
    }
    const QJsonArray messages = top.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        auto message = parseMessage(messages.at(i), i);
        if (!message)
            return message.error();
        library.messages.append(std::move(message).value());
    }
    const QJsonArray sequences = top.value(QLatin1String("sequences")).toArray();
    for (qsizetype i = 0; i < sequences.size(); ++i) {
        auto sequence = parseSequence(sequences.at(i), i);
        if (!sequence)
            return sequence.error();
        library.sequences.append(std::move(sequence).value());
    }
    if (auto checked = validateLibrary(library); !checked)
        return checked.error();
    return library;
}

QByteArray serializeSavedLibrary(const SavedLibrary &library)
{
    QJsonArray messages;
    for (const SavedMessage &message : library.messages) {
        QJsonObject object{{QStringLiteral("name"), message.name},
                           {QStringLiteral("format"), message.format == SavedMessage::Format::Hex ? QStringLiteral("hex") : QStringLiteral("text")},
                           {QStringLiteral("text"), message.text}};
        if (!message.folder.isEmpty())
            object.insert(QStringLiteral("folder"), message.folder);
        if (!message.note.isEmpty())
            object.insert(QStringLiteral("note"), message.note);
        messages.append(object);
    }
    QJsonArray sequences;
    for (const Sequence &sequence : library.sequences) {
        QJsonArray steps;
        for (const SequenceStep &step : sequence.steps) {
            switch (step.kind) {
            case SequenceStep::Kind::Send:
                steps.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("send")}, {QStringLiteral("message"), step.message}});
                break;
            case SequenceStep::Kind::Delay:
                steps.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("delay")}, {QStringLiteral("ms"), step.delayMs}});
                break;
            case SequenceStep::Kind::Wait:
                steps.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("wait")},
                                         {QStringLiteral("pattern"), step.pattern},
                                         {QStringLiteral("timeoutMs"), step.timeoutMs}});
                break;
            }
        }
        QJsonObject object{{QStringLiteral("name"), sequence.name}, {QStringLiteral("repeat"), sequence.repeat}, {QStringLiteral("steps"), steps}};
        if (!sequence.note.isEmpty())
            object.insert(QStringLiteral("note"), sequence.note);
        sequences.append(object);
    }
    const QJsonObject top{{QStringLiteral("format"), kFormatName},
                          {QStringLiteral("version"), SavedLibrary::kFormatVersion},
                          {QStringLiteral("messages"), messages},
                          {QStringLiteral("sequences"), sequences}};
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

SavedLibrary mergeLibraries(const SavedLibrary &into, const SavedLibrary &imported)
{
    SavedLibrary merged = into;
    QSet<QString> taken;
    for (const SavedMessage &message : into.messages)
        taken.insert(message.name);
    QHash<QString, QString> renamed;
    for (SavedMessage message : imported.messages) {
        const QString name = uniqueName(message.name, taken);
        if (name != message.name)
            renamed.insert(message.name, name);
        message.name = name;
        taken.insert(name);
        merged.messages.append(message);
    }
    QSet<QString> sequenceNames;
    for (const Sequence &sequence : into.sequences)
        sequenceNames.insert(sequence.name);
    for (Sequence sequence : imported.sequences) {
        sequence.name = uniqueName(sequence.name, sequenceNames);
        sequenceNames.insert(sequence.name);
        for (SequenceStep &step : sequence.steps)
            if (step.kind == SequenceStep::Kind::Send)
                step.message = renamed.value(step.message, step.message);
        merged.sequences.append(sequence);
    }
    return merged;
}

} // namespace socketeer
