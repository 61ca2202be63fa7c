#include "tracefile.h"

#include "limits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace socketeer {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::TraceFile)
};

const QString kFormatName = QStringLiteral("socketeer-timeline");
// Longer than any thread name, call, argument list or result the core writes; a file with more is
// not a recording.
constexpr qsizetype kMaxNameChars = 64;
constexpr qsizetype kMaxTextChars = 1024;
// JSON numbers are doubles: whole numbers up to 2^53 are exact, which µs since 1970 and any
// sequence a process reaches are.
constexpr double kMaxExactInteger = 9007199254740992.0;

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

Error fieldError(qsizetype index, const char *field, const QString &problem)
{
    return failure(Text::tr("call %1, \"%2\": %3").arg(index).arg(QLatin1String(field), problem));
}

// A whole number in [low, high], or an error naming why not.
bool wholeNumber(const QJsonValue &value, double low, double high, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < low || d > high)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

} // namespace

QByteArray serializeTraceFile(const TraceFile &file)
{
    QJsonArray events;
    for (const TraceEvent &event : file.events) {
        QJsonObject object{
            {QStringLiteral("timeUs"), static_cast<double>(event.timeUs)},
            {QStringLiteral("thread"), event.thread},
            {QStringLiteral("call"), event.call},
            {QStringLiteral("arguments"), event.arguments},
            {QStringLiteral("result"), event.result},
            {QStringLiteral("errno"), event.error},
            {QStringLiteral("sequence"), static_cast<double>(event.sequence)},
        };
        if (event.byteCount >= 0) {
            object.insert(QStringLiteral("byteCount"), static_cast<double>(event.byteCount));
            object.insert(QStringLiteral("bytes"), QString::fromLatin1(event.bytes.toHex()));
        }
        events.append(object);
    }
    const QJsonObject top{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("formatVersion"), TraceFile::kFormatVersion},
        {QStringLiteral("appVersion"), file.appVersion},
        {QStringLiteral("dropped"), static_cast<double>(file.dropped)},
        {QStringLiteral("eventCount"), static_cast<double>(file.events.size())},
        {QStringLiteral("events"), events},
    };
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

Result<TraceFile> parseTraceFile(const QByteArray &json)
{
    if (json.size() > limits::kTraceFileMaxBytes)
        return failure(Text::tr("the file is larger than %1 MiB").arg(limits::kTraceFileMaxBytes / limits::MiB));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(Text::tr("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return failure(Text::tr("not a Socketeer timeline: the top level is not a JSON object"));
    const QJsonObject top = document.object();
    if (top.value(QLatin1String("format")).toString() != kFormatName)
        return failure(Text::tr("not a Socketeer timeline: \"format\" is not \"%1\"").arg(kFormatName));
    qint64 version = 0;
    if (!wholeNumber(top.value(QLatin1String("formatVersion")), 1, 1000000, &version))
        return failure(Text::tr("\"formatVersion\" is not a whole number"));
    if (version > TraceFile::kFormatVersion)
        return failure(Text::tr("the file is of format version %1; this Socketeer reads up to %2: a newer Socketeer saved it")
                           .arg(version)
                           .arg(TraceFile::kFormatVersion));
    TraceFile file;
    const QJsonValue appVersion = top.value(QLatin1String("appVersion"));
    if (!appVersion.isUndefined() && (!appVersion.isString() || appVersion.toString().size() > kMaxNameChars))
        return failure(Text::tr("\"appVersion\" is not a short text"));
    file.appVersion = appVersion.toString();
    if (!top.value(QLatin1String("dropped")).isUndefined() && !wholeNumber(top.value(QLatin1String("dropped")), 0, kMaxExactInteger, &file.dropped))
        return failure(Text::tr("\"dropped\" is not a whole number of calls"));
    // The count is checked before the calls are read, so a file that claims ten million is refused
    // with that reason, whatever it holds.
    qint64 claimed = 0;
    if (!wholeNumber(top.value(QLatin1String("eventCount")), 0, kMaxExactInteger, &claimed))
        return failure(Text::tr("\"eventCount\" is not a whole number of calls"));
    if (claimed > limits::kTraceRecordingEvents)
        return failure(Text::tr("the file claims %1 calls; a timeline holds at most %2").arg(claimed).arg(limits::kTraceRecordingEvents));
    const QJsonValue eventsValue = top.value(QLatin1String("events"));
    if (!eventsValue.isArray())
        return failure(Text::tr("\"events\" is not a list"));
    const QJsonArray events = eventsValue.toArray();
    if (events.size() != claimed)
        return failure(Text::tr("\"eventCount\" says %1 calls but the file has %2: it may have been cut short or edited").arg(claimed).arg(events.size()));
    file.events.reserve(static_cast<size_t>(events.size()));
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events.at(i).isObject())
            return failure(Text::tr("call %1 is not a JSON object").arg(i));
        const QJsonObject object = events.at(i).toObject();
        TraceEvent event;
        if (!wholeNumber(object.value(QLatin1String("timeUs")), 0, kMaxExactInteger, &event.timeUs))
            return fieldError(i, "timeUs", Text::tr("not a whole number of microseconds"));
        const auto text = [&](const char *field, qsizetype maxChars, QString *out) -> bool {
            const QJsonValue value = object.value(QLatin1String(field));
            if (!value.isString() || value.toString().size() > maxChars)
                return false;
            *out = value.toString();
            return true;
        };
        if (!text("thread", kMaxNameChars, &event.thread))
            return fieldError(i, "thread", Text::tr("not a text of at most %1 characters").arg(kMaxNameChars));
        if (!text("call", kMaxNameChars, &event.call) || event.call.isEmpty())
            return fieldError(i, "call", Text::tr("not a text of 1 to %1 characters").arg(kMaxNameChars));
        if (!text("arguments", kMaxTextChars, &event.arguments))
            return fieldError(i, "arguments", Text::tr("not a text of at most %1 characters").arg(kMaxTextChars));
        if (!text("result", kMaxTextChars, &event.result))
            return fieldError(i, "result", Text::tr("not a text of at most %1 characters").arg(kMaxTextChars));
        qint64 number = 0;
        if (!wholeNumber(object.value(QLatin1String("errno")), 0, 4095, &number))
            return fieldError(i, "errno", Text::tr("not an errno (a whole number from 0 to 4095)"));
        event.error = static_cast<int>(number);
        if (!wholeNumber(object.value(QLatin1String("sequence")), 0, kMaxExactInteger, &number))
            return fieldError(i, "sequence", Text::tr("not a whole number"));
        event.sequence = static_cast<quint64>(number);
        const QJsonValue byteCount = object.value(QLatin1String("byteCount"));
        if (!byteCount.isUndefined()) {
            if (!wholeNumber(byteCount, 0, kMaxExactInteger, &event.byteCount))
                return fieldError(i, "byteCount", Text::tr("not a whole number of bytes"));
            QString hex;
            if (!text("bytes", 2 * limits::kTraceBytesKept, &hex))
                return fieldError(i, "bytes", Text::tr("not hex of at most %1 bytes").arg(limits::kTraceBytesKept));
            const QByteArray latin = hex.toLatin1();
            if (latin.size() % 2 != 0 || !std::all_of(latin.begin(), latin.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
                return fieldError(i, "bytes", Text::tr("not hex (two digits a byte)"));
            event.bytes = QByteArray::fromHex(latin);
            if (event.bytes.size() > event.byteCount)
                return fieldError(i, "bytes", Text::tr("more bytes than \"byteCount\" says the call moved"));
        } else if (object.contains(QLatin1String("bytes"))) {
            return fieldError(i, "bytes", Text::tr("bytes without \"byteCount\""));
        }
        file.events.push_back(std::move(event));
    }
    return file;
}

Result<TraceFile> readTraceFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Text::tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // Read one byte past the limit rather than trusting size(): a pipe or /proc file has none.
    const QByteArray bytes = file.read(limits::kTraceFileMaxBytes + 1);
    auto parsed = parseTraceFile(bytes);
    if (!parsed)
        return failure(Text::tr("%1 is not a timeline Socketeer can open: %2").arg(QDir::toNativeSeparators(path), parsed.error().message()));
    return parsed;
}

Result<void> writeTraceFile(const QString &path, const TraceFile &file)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return failure(Text::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    out.write(serializeTraceFile(file));
    if (!out.commit())
        return failure(Text::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    return {};
}

} // namespace socketeer
