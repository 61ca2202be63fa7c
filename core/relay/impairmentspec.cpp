#include "impairmentspec.h"

#include "net/limits.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace socketeer {

namespace {

class RelaySpec {
    Q_DECLARE_TR_FUNCTIONS(socketeer::RelaySpec)
};

// The most a size may be: far beyond any test, far below overflow when added to a counter.
constexpr qint64 kMaxBytes = qint64(1) << 50;
constexpr int kMaxSliceBytes = 64 * 1024;
constexpr int kMaxReorderGap = 1000;
constexpr qint64 kMaxResetAfterMs = qint64(24) * 3600 * 1000;

constexpr auto kKeys = std::to_array<const char *>({"latency", "bandwidth", "slice", "reset-after", "half-close", "limit",
                                                    "stall", "slow-close", "drop", "duplicate", "corrupt", "truncate",
                                                    "reorder"});

Error wrong(QStringView key, const QString &why)
{
    return Error::invalid(QStringLiteral("%1: %2").arg(key.toString(), why));
}

Result<qint64> parseInteger(QStringView key, QStringView text, qint64 min, qint64 max, const QString &what)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return wrong(key, RelaySpec::tr("\"%1\" is not %2 (%3 to %4)").arg(text.toString(), what).arg(min).arg(max));
    return value;
}

Result<qint64> parseSize(QStringView key, QStringView text, qint64 min, qint64 max)
{
    auto size = parseByteSize(text);
    if (!size)
        return wrong(key, size.error().detail);
    if (*size < min || *size > max)
        return wrong(key, RelaySpec::tr("%1 bytes is out of range (%2 to %3)").arg(*size).arg(min).arg(max));
    return *size;
}

Result<int> parseDelayMs(QStringView key, QStringView text)
{
    auto ms = parseInteger(key, text, 0, limits::kRelayMaxDelayMs, RelaySpec::tr("a delay in milliseconds"));
    if (!ms)
        return ms.error();
    return static_cast<int>(*ms);
}

Result<double> parsePercent(QStringView key, QStringView text)
{
    QStringView digits = text;
    if (digits.endsWith(QLatin1Char('%')))
        digits.chop(1);
    bool ok = false;
    const double value = digits.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > 100)
        return wrong(key, RelaySpec::tr("\"%1\" is not a percentage from 0 to 100").arg(text.toString()));
    return value;
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Splits "100:20@up" into its fields and its direction.
struct Value {
    QList<QStringView> fields;
    RelayDirection direction = RelayDirection::Both;
};

Result<Value> splitValue(QStringView key, QStringView text, RelayDirection defaultDirection)
{
    Value value;
    value.direction = defaultDirection;
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        auto direction = parseRelayDirection(text.mid(at + 1));
        if (!direction)
            return wrong(key, direction.error().detail);
        value.direction = *direction;
        text = text.left(at);
    }
    if (text.isEmpty())
        return wrong(key, RelaySpec::tr("a value is missing"));
    value.fields = text.split(QLatin1Char(':'));
    return value;
}

Result<void> tooMany(QStringView key, const Value &value, qsizetype most, const QString &form)
{
    if (value.fields.size() > most)
        return wrong(key, RelaySpec::tr("too many fields: the form is %1").arg(form));
    return {};
}

// Off is off whatever its direction: so the canonical text (which leaves it out) gives it back.
void normalise(RelayImpairments &i)
{
    const RelayImpairments defaults;
    if (i.latency.ms == 0 && i.latency.jitterMs == 0)
        i.latency = defaults.latency;
    if (i.bandwidth.bytesPerSecond == 0)
        i.bandwidth = defaults.bandwidth;
    if (i.slicer.bytes == 0)
        i.slicer = defaults.slicer;
    if (i.reset.afterBytes < 0 && i.reset.afterMs < 0)
        i.reset = defaults.reset;
    if (i.halfClose.afterBytes < 0)
        i.halfClose = defaults.halfClose;
    if (i.limit.bytes < 0)
        i.limit = defaults.limit;
    if (i.stall.ms == 0)
        i.stall = defaults.stall;
    if (i.slowClose.ms == 0)
        i.slowClose = defaults.slowClose;
    for (auto *chance : {&i.drop, &i.duplicate, &i.corrupt, &i.truncate}) {
        if (chance->percent == 0)
            *chance = {};
    }
    if (i.reorder.percent == 0)
        i.reorder = defaults.reorder;
}

QString withDirection(const QString &value, RelayDirection direction)
{
    return direction == RelayDirection::Both ? value : value + QLatin1Char('@') + relayDirectionName(direction);
}

} // namespace

bool RelayImpairments::any() const
{
    RelayImpairments copy = *this;
    normalise(copy);
    return !(copy == RelayImpairments{});
}

Result<RelayDirection> parseRelayDirection(QStringView text)
{
    if (text == u"up")
        return RelayDirection::Up;
    if (text == u"down")
        return RelayDirection::Down;
    if (text == u"both")
        return RelayDirection::Both;
    return Error::invalid(RelaySpec::tr("\"%1\" is not a direction: up, down or both").arg(text.toString()));
}

QString relayDirectionName(RelayDirection direction)
{
    switch (direction) {
    case RelayDirection::Up: return QStringLiteral("up");
    case RelayDirection::Down: return QStringLiteral("down");
    case RelayDirection::Both: break;
    }
    return QStringLiteral("both");
}

Result<qint64> parseByteSize(QStringView text)
{
    qint64 unit = 1;
    QStringView digits = text;
    if (!digits.isEmpty()) {
        switch (digits.back().toUpper().unicode()) {
        case 'K': unit = limits::KiB; break;
        case 'M': unit = limits::MiB; break;
        case 'G': unit = limits::MiB * 1024; break;
        default: break;
        }
        if (unit != 1)
            digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    // Digits only: toLongLong() would take "+5" and " 5", which a size never is.
    const bool plain = !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    if (!ok || !plain || value > kMaxBytes / unit)
        return Error::invalid(RelaySpec::tr("\"%1\" is not a size in bytes (1500, 64K, 1M)").arg(text.toString()));
    return value * unit;
}

Result<void> applyImpairment(RelayImpairments &i, QStringView key, QStringView text, RelayDirection defaultDirection)
{
    auto parsed = splitValue(key, text, defaultDirection);
    if (!parsed)
        return parsed.error();
    const Value &value = *parsed;
    const QList<QStringView> &f = value.fields;

    if (key == u"latency") {
        if (auto bad = tooMany(key, value, 3, QStringLiteral("MS[:JITTER[:uniform|normal]]")); !bad)
            return bad;
        RelayImpairments::Latency latency;
        auto ms = parseDelayMs(key, f[0]);
        if (!ms)
            return ms.error();
        latency.ms = *ms;
        if (f.size() > 1) {
            auto jitter = parseDelayMs(key, f[1]);
            if (!jitter)
                return jitter.error();
            latency.jitterMs = *jitter;
        }
        if (latency.ms + latency.jitterMs > limits::kRelayMaxDelayMs)
            return wrong(key, RelaySpec::tr("latency and jitter together may be at most %1 ms").arg(limits::kRelayMaxDelayMs));
        if (f.size() > 2) {
            if (f[2] == u"normal")
                latency.distribution = RelayImpairments::Latency::Distribution::Normal;
            else if (f[2] != u"uniform")
                return wrong(key, RelaySpec::tr("\"%1\" is not a distribution: uniform or normal").arg(f[2].toString()));
        }
        latency.direction = value.direction;
        i.latency = latency;
    } else if (key == u"bandwidth") {
        if (auto bad = tooMany(key, value, 2, QStringLiteral("BYTES_PER_S[:BURST]")); !bad)
            return bad;
        auto rate = parseSize(key, f[0], 0, kMaxBytes);
        if (!rate)
            return rate.error();
        qint64 burst = 0;
        if (f.size() > 1) {
            auto parsedBurst = parseSize(key, f[1], 0, limits::kFrameHardMaxBytes);
            if (!parsedBurst)
                return parsedBurst.error();
            burst = *parsedBurst;
        }
        i.bandwidth = {*rate, burst, value.direction};
    } else if (key == u"slice") {
        if (auto bad = tooMany(key, value, 3, QStringLiteral("BYTES[:VARIATION[:DELAY_US]]")); !bad)
            return bad;
        auto bytes = parseInteger(key, f[0], 0, kMaxSliceBytes, RelaySpec::tr("a piece size in bytes"));
        if (!bytes)
            return bytes.error();
        qint64 variation = 0;
        qint64 delayUs = 0;
        if (f.size() > 1) {
            auto parsedVariation = parseInteger(key, f[1], 0, std::max<qint64>(*bytes - 1, 0), RelaySpec::tr("a variation smaller than the piece"));
            if (!parsedVariation)
                return parsedVariation.error();
            variation = *parsedVariation;
        }
        if (f.size() > 2) {
            auto parsedDelay = parseInteger(key, f[2], 0, qint64(limits::kRelayMaxDelayMs) * 1000, RelaySpec::tr("a delay in microseconds"));
            if (!parsedDelay)
                return parsedDelay.error();
            delayUs = *parsedDelay;
        }
        i.slicer = {static_cast<int>(*bytes), static_cast<int>(variation), static_cast<int>(delayUs), value.direction};
    } else if (key == u"reset-after") {
        // Bytes, or a time with its unit: 1000, 64K, 500ms, 2s.
        if (auto bad = tooMany(key, value, 1, QStringLiteral("BYTES|MSms|Ss")); !bad)
            return bad;
        const bool seconds = f[0].endsWith(u"s") && !f[0].endsWith(u"ms");
        if (f[0].endsWith(u"ms") || seconds) {
            const QStringView digits = f[0].chopped(seconds ? 1 : 2);
            auto amount = parseInteger(key, digits, 0, seconds ? kMaxResetAfterMs / 1000 : kMaxResetAfterMs, RelaySpec::tr("a time"));
            if (!amount)
                return amount.error();
            i.reset.afterMs = static_cast<int>(seconds ? *amount * 1000 : *amount);
        } else {
            auto bytes = parseSize(key, f[0], 0, kMaxBytes);
            if (!bytes)
                return bytes.error();
            i.reset.afterBytes = *bytes;
        }
        i.reset.direction = value.direction;
    } else if (key == u"half-close" || key == u"limit") {
        if (auto bad = tooMany(key, value, 1, QStringLiteral("BYTES")); !bad)
            return bad;
        auto bytes = parseSize(key, f[0], 0, kMaxBytes);
        if (!bytes)
            return bytes.error();
        if (key == u"limit")
            i.limit = {*bytes, value.direction};
        else
            i.halfClose = {*bytes, value.direction};
    } else if (key == u"stall") {
        if (auto bad = tooMany(key, value, 2, QStringLiteral("MS[:AFTER_BYTES]")); !bad)
            return bad;
        auto ms = parseDelayMs(key, f[0]);
        if (!ms)
            return ms.error();
        qint64 after = 0;
        if (f.size() > 1) {
            auto bytes = parseSize(key, f[1], 0, kMaxBytes);
            if (!bytes)
                return bytes.error();
            after = *bytes;
        }
        i.stall = {*ms, after, value.direction};
    } else if (key == u"slow-close") {
        if (auto bad = tooMany(key, value, 1, QStringLiteral("MS")); !bad)
            return bad;
        auto ms = parseDelayMs(key, f[0]);
        if (!ms)
            return ms.error();
        i.slowClose = {*ms, value.direction};
    } else if (key == u"drop" || key == u"duplicate" || key == u"corrupt" || key == u"truncate") {
        if (auto bad = tooMany(key, value, 1, QStringLiteral("PERCENT")); !bad)
            return bad;
        auto percent = parsePercent(key, f[0]);
        if (!percent)
            return percent.error();
        const RelayImpairments::Chance chance{*percent, value.direction};
        if (key == u"drop")
            i.drop = chance;
        else if (key == u"duplicate")
            i.duplicate = chance;
        else if (key == u"corrupt")
            i.corrupt = chance;
        else
            i.truncate = chance;
    } else if (key == u"reorder") {
        if (auto bad = tooMany(key, value, 2, QStringLiteral("PERCENT[:GAP]")); !bad)
            return bad;
        auto percent = parsePercent(key, f[0]);
        if (!percent)
            return percent.error();
        qint64 gap = 1;
        if (f.size() > 1) {
            auto parsedGap = parseInteger(key, f[1], 1, kMaxReorderGap, RelaySpec::tr("a gap in datagrams"));
            if (!parsedGap)
                return parsedGap.error();
            gap = *parsedGap;
        }
        i.reorder = {*percent, static_cast<int>(gap), value.direction};
    } else {
        return Error::invalid(RelaySpec::tr("\"%1\" is not an impairment: %2").arg(key.toString(), impairmentKeys().join(QStringLiteral(", "))));
    }
    return {};
}

Result<RelayImpairments> parseImpairments(QStringView spec, RelayDirection defaultDirection)
{
    RelayImpairments impairments;
    for (const QStringView token : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringView trimmed = token.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Error::invalid(RelaySpec::tr("\"%1\" is not KEY=VALUE, e.g. latency=100").arg(trimmed.toString()));
        if (auto applied = applyImpairment(impairments, trimmed.left(equals), trimmed.mid(equals + 1), defaultDirection); !applied)
            return applied.error();
    }
    normalise(impairments);
    return impairments;
}

QString impairmentsToSpec(const RelayImpairments &given)
{
    RelayImpairments i = given;
    normalise(i);
    QStringList out;
    auto add = [&out](const char *key, const QString &value, RelayDirection direction) {
        out << QLatin1String(key) + QLatin1Char('=') + withDirection(value, direction);
    };
    if (i.latency.ms || i.latency.jitterMs) {
        QString value = QString::number(i.latency.ms) + QLatin1Char(':') + QString::number(i.latency.jitterMs);
        if (i.latency.distribution == RelayImpairments::Latency::Distribution::Normal)
            value += QStringLiteral(":normal");
        add("latency", value, i.latency.direction);
    }
    if (i.bandwidth.bytesPerSecond)
        add("bandwidth", QString::number(i.bandwidth.bytesPerSecond) + QLatin1Char(':') + QString::number(i.bandwidth.burstBytes), i.bandwidth.direction);
    if (i.slicer.bytes)
        add("slice", QStringLiteral("%1:%2:%3").arg(i.slicer.bytes).arg(i.slicer.variation).arg(i.slicer.delayUs), i.slicer.direction);
    if (i.reset.afterBytes >= 0)
        add("reset-after", QString::number(i.reset.afterBytes), i.reset.direction);
    if (i.reset.afterMs >= 0)
        add("reset-after", QString::number(i.reset.afterMs) + QStringLiteral("ms"), i.reset.direction);
    if (i.halfClose.afterBytes >= 0)
        add("half-close", QString::number(i.halfClose.afterBytes), i.halfClose.direction);
    if (i.limit.bytes >= 0)
        add("limit", QString::number(i.limit.bytes), i.limit.direction);
    if (i.stall.ms)
        add("stall", QString::number(i.stall.ms) + QLatin1Char(':') + QString::number(i.stall.afterBytes), i.stall.direction);
    if (i.slowClose.ms)
        add("slow-close", QString::number(i.slowClose.ms), i.slowClose.direction);
    const std::array<std::pair<const char *, const RelayImpairments::Chance *>, 4> chances{
        {{"drop", &i.drop}, {"duplicate", &i.duplicate}, {"corrupt", &i.corrupt}, {"truncate", &i.truncate}}};
    for (const auto &entry : chances) {
        if (entry.second->percent > 0)
            add(entry.first, number(entry.second->percent), entry.second->direction);
    }
    if (i.reorder.percent > 0)
        add("reorder", number(i.reorder.percent) + QLatin1Char(':') + QString::number(i.reorder.gap), i.reorder.direction);
    return out.join(QLatin1Char(' '));
}

QStringList impairmentKeys()
{
    QStringList keys;
    for (const char *key : kKeys)
        keys << QLatin1String(key);
    return keys;
}

QStringList inapplicableImpairments(const RelayImpairments &given, bool udp)
{
    RelayImpairments i = given;
    normalise(i);
    QStringList keys;
    if (udp) {
        if (i.slicer.bytes)
            keys << QStringLiteral("slice");
        if (i.reset.afterBytes >= 0 || i.reset.afterMs >= 0)
            keys << QStringLiteral("reset-after");
        if (i.halfClose.afterBytes >= 0)
            keys << QStringLiteral("half-close");
        if (i.limit.bytes >= 0)
            keys << QStringLiteral("limit");
        if (i.stall.ms)
            keys << QStringLiteral("stall");
        if (i.slowClose.ms)
            keys << QStringLiteral("slow-close");
    } else {
        if (i.drop.percent > 0)
            keys << QStringLiteral("drop");
        if (i.duplicate.percent > 0)
            keys << QStringLiteral("duplicate");
        if (i.corrupt.percent > 0)
            keys << QStringLiteral("corrupt");
        if (i.truncate.percent > 0)
            keys << QStringLiteral("truncate");
        if (i.reorder.percent > 0)
            keys << QStringLiteral("reorder");
    }
    return keys;
}

// Without what `udp` cannot apply: a profile written for both kinds works on either.
RelayImpairments applicableImpairments(const RelayImpairments &given, bool udp)
{
    RelayImpairments i = given;
    const RelayImpairments off;
    if (udp) {
        i.slicer = off.slicer;
        i.reset = off.reset;
        i.halfClose = off.halfClose;
        i.limit = off.limit;
        i.stall = off.stall;
        i.slowClose = off.slowClose;
    } else {
        i.drop = i.duplicate = i.corrupt = i.truncate = off.drop;
        i.reorder = off.reorder;
    }
    normalise(i);
    return i;
}

QList<RelayProfile> builtinRelayProfiles()
{
    // Figures in the range the usual emulators use for these links (one way; a round trip is twice).
    return {
        {QStringLiteral("3g"), RelaySpec::tr("3G"), QStringLiteral("latency=100:20:normal bandwidth=48K:16K")},
        {QStringLiteral("bad-wifi"), RelaySpec::tr("Bad Wi-Fi"), QStringLiteral("latency=15:30:normal bandwidth=256K:32K drop=3 duplicate=0.5 reorder=2:1")},
        {QStringLiteral("satellite"), RelaySpec::tr("Satellite"), QStringLiteral("latency=300:10 bandwidth=128K:64K")},
        {QStringLiteral("lossy-udp"), RelaySpec::tr("Lossy UDP 5 %"), QStringLiteral("drop=5")},
        {QStringLiteral("slicer"), RelaySpec::tr("1-byte slicer"), QStringLiteral("slice=1:0:20000")},
    };
}

const RelayProfile *findBuiltinRelayProfile(QStringView id)
{
    static const QList<RelayProfile> profiles = builtinRelayProfiles();
    for (const RelayProfile &profile : profiles) {
        if (profile.id.compare(id, Qt::CaseInsensitive) == 0)
            return &profile;
    }
    return nullptr;
}

} // namespace socketeer
