#include "labspec.h"

#include "net/limits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace socketeer {

namespace {

class Lab {
    Q_DECLARE_TR_FUNCTIONS(socketeer::Lab)
};

const QString kFormatName = QStringLiteral("socketeer-lab");
const QString kBuiltInPrefix = QStringLiteral(":/labs/");
constexpr std::array kStepNames{"connect", "listen", "send", "expect", "expectClose", "close", "concurrent", "udpSend", "udpExpect", "inbox", "expectMail"};
constexpr std::array kTargetNames{"tcpServer", "tcpClient", "udpServer", "mailSender"};

Error failure(QString sentence)
{
    Error error = Error::invalid(std::move(sentence));
    error.whole = true;
    return error;
}

// "step 3, "timeoutMs": must be …": the house style of autoreply.cpp's ruleError.
Error stepError(qsizetype step, const QString &field, const QString &what)
{
    return failure(Lab::tr("step %1, \"%2\": %3").arg(step + 1).arg(field, what));
}

Error topError(const QString &field, const QString &what)
{
    return failure(Lab::tr("\"%1\": %2").arg(field, what));
}

QString position(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const QByteArrayView before(json.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
    return Lab::tr("line %1, column %2").arg(line).arg(column);
}

// A plain string, or {"en": …, "zh_CN": …} with at least one of them.
std::optional<LabText> labText(const QJsonValue &value, QString *problem)
{
    if (value.isString())
        return LabText{value.toString(), {}};
    if (!value.isObject()) {
        *problem = Lab::tr("must be a string or an object {\"en\": …, \"zh_CN\": …}");
        return std::nullopt;
    }
    LabText text;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString()) {
            *problem = Lab::tr("\"%1\" must be a string").arg(it.key());
            return std::nullopt;
        }
        if (it.key() == QLatin1String("en"))
            text.en = it.value().toString();
        else if (it.key() == QLatin1String("zh_CN"))
            text.zhCN = it.value().toString();
        else {
            *problem = Lab::tr("unknown language \"%1\" (known: en, zh_CN)").arg(it.key());
            return std::nullopt;
        }
    }
    if (text.isEmpty()) {
        *problem = Lab::tr("must give the text in \"en\" or \"zh_CN\"");
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!(d >= static_cast<double>(min) && d <= static_cast<double>(max)) || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

// The fields each kind of step takes, beyond the common ones.
QStringList stepFields(LabStepKind kind)
{
    const QStringList payload{QStringLiteral("text"), QStringLiteral("hex"), QStringLiteral("file"), QStringLiteral("encoding")};
    const QStringList expectation{QStringLiteral("exact"), QStringLiteral("contains"), QStringLiteral("regex"), QStringLiteral("hex"),
                                  QStringLiteral("echo"), QStringLiteral("caseInsensitive"), QStringLiteral("encoding"),
                                  QStringLiteral("timeoutMs")};
    const QString connection = QStringLiteral("connection");
    const QString timeout = QStringLiteral("timeoutMs");
    switch (kind) {
    case LabStepKind::Connect: return {connection, timeout};
    case LabStepKind::Listen: return {connection, timeout, QStringLiteral("port")};
    case LabStepKind::Send: return QStringList{connection} + payload;
    case LabStepKind::Expect: return QStringList{connection} + expectation;
    case LabStepKind::ExpectClose: return {connection, timeout};
    case LabStepKind::Close: return {connection};
    case LabStepKind::Concurrent: return QStringList{QStringLiteral("clients"), QStringLiteral("send")} + expectation;
    case LabStepKind::UdpSend: return payload;
    case LabStepKind::UdpExpect: return expectation;
    case LabStepKind::Inbox: return {timeout};
    case LabStepKind::ExpectMail: return {QStringLiteral("headers"), QStringLiteral("attachment"), timeout};
    }
    return {};
}

int defaultPoints(LabStepKind kind)
{
    // Sending and closing are the lab's own doing: only what the student's program does scores.
    return kind == LabStepKind::Send || kind == LabStepKind::Close || kind == LabStepKind::UdpSend || kind == LabStepKind::Inbox ? 0 : 1;
}

class StepParser {
public:
    StepParser(qsizetype index, const QJsonObject &object, TextEncoding encoding, const QString &folder)
        : m_index(index), m_o(object), m_folder(folder)
    {
        m_step.encoding = encoding;
    }

    Result<LabStep> parse()
    {
        const QJsonValue type = m_o.value(QLatin1String("type"));
        if (!type.isString())
            return error(QStringLiteral("type"), type.isUndefined() ? Lab::tr("missing") : Lab::tr("must be a string"));
        const auto kind = std::find_if(kStepNames.begin(), kStepNames.end(), [&](const char *n) { return type.toString() == QLatin1String(n); });
        if (kind == kStepNames.end())
            return error(QStringLiteral("type"), Lab::tr("\"%1\" is not a step (known: %2)").arg(type.toString(), knownSteps()));
        m_step.kind = static_cast<LabStepKind>(kind - kStepNames.begin());
        const QStringList common{QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("hint"), QStringLiteral("points"),
                                 QStringLiteral("hidden")};
        const QStringList own = stepFields(m_step.kind);
        for (const QString &key : m_o.keys())
            if (!common.contains(key) && !own.contains(key))
                return error(key, Lab::tr("not a field of a %1 step (known: %2)").arg(type.toString(), (common + own).join(QStringLiteral(", "))));
        for (auto [key, into] : {std::pair{QStringLiteral("title"), &m_step.title}, std::pair{QStringLiteral("hint"), &m_step.hint}}) {
            const QJsonValue v = m_o.value(key);
            if (v.isUndefined())
                continue;
            QString problem;
            const auto text = labText(v, &problem);
            if (!text)
                return error(key, problem);
            *into = *text;
        }
        m_step.points = defaultPoints(m_step.kind);
        if (const QJsonValue v = m_o.value(QLatin1String("points")); !v.isUndefined()) {
            const auto points = wholeNumber(v, 0, limits::kLabMaxPoints);
            if (!points)
                return error(QStringLiteral("points"), Lab::tr("must be a whole number from 0 to %1").arg(limits::kLabMaxPoints));
            m_step.points = static_cast<int>(*points);
        }
        if (const QJsonValue v = m_o.value(QLatin1String("hidden")); !v.isUndefined()) {
            if (!v.isBool())
                return error(QStringLiteral("hidden"), Lab::tr("must be true or false"));
            m_step.hidden = v.toBool();
        }
        if (own.contains(QLatin1String("connection"))) {
            const QJsonValue v = m_o.value(QLatin1String("connection"));
            m_step.connection = QStringLiteral("main");
            if (!v.isUndefined()) {
                if (!v.isString() || v.toString().isEmpty())
                    return error(QStringLiteral("connection"), Lab::tr("must be a name"));
                m_step.connection = v.toString();
            }
        }
        if (own.contains(QLatin1String("timeoutMs"))) {
            m_step.timeoutMs = limits::kLabDefaultTimeoutMs;
            if (const QJsonValue v = m_o.value(QLatin1String("timeoutMs")); !v.isUndefined()) {
                const auto ms = wholeNumber(v, 1, limits::kLabMaxTimeoutMs);
                if (!ms)
                    return error(QStringLiteral("timeoutMs"), Lab::tr("must be a whole number of milliseconds from 1 to %1").arg(limits::kLabMaxTimeoutMs));
                m_step.timeoutMs = static_cast<int>(*ms);
            }
        }
        if (const QJsonValue v = m_o.value(QLatin1String("encoding")); !v.isUndefined()) {
            const auto encoding = v.isString() ? encodingFromName(v.toString()) : std::nullopt;
            if (!encoding)
                return error(QStringLiteral("encoding"), Lab::tr("must be UTF-8, GBK, GB18030 or Latin-1"));
            m_step.encoding = *encoding;
        }
        if (m_step.kind == LabStepKind::Listen) {
            if (const QJsonValue v = m_o.value(QLatin1String("port")); !v.isUndefined()) {
                const auto port = wholeNumber(v, 0, 65535);
                if (!port)
                    return error(QStringLiteral("port"), Lab::tr("must be a port from 0 to 65535 (0: any free port)"));
                m_step.listenPort = static_cast<quint16>(*port);
            }
        }
        if (m_step.kind == LabStepKind::Concurrent) {
            const auto clients = wholeNumber(m_o.value(QLatin1String("clients")), 2, limits::kLabMaxConcurrentClients);
            if (!clients)
                return error(QStringLiteral("clients"), Lab::tr("must be a whole number from 2 to %1").arg(limits::kLabMaxConcurrentClients));
            m_step.clients = static_cast<int>(*clients);
        }
        if (m_step.kind == LabStepKind::ExpectMail) {
            if (auto r = parseMail(); !r)
                return r.error();
        }
        if (m_step.kind == LabStepKind::Send || m_step.kind == LabStepKind::UdpSend || m_step.kind == LabStepKind::Concurrent) {
            auto payload = parsePayload();
            if (!payload)
                return payload.error();
            m_step.payload = std::move(payload).value();
        }
        if (m_step.kind == LabStepKind::Expect || m_step.kind == LabStepKind::UdpExpect || m_step.kind == LabStepKind::Concurrent) {
            auto expectation = parseExpectation();
            if (!expectation)
                return expectation.error();
            m_step.expectation = std::move(expectation).value();
        }
        return m_step;
    }

private:
    Error error(const QString &field, const QString &what) const { return stepError(m_index, field, what); }

    static QString knownSteps()
    {
        QStringList names;
        for (const char *name : kStepNames)
            names << QString::fromLatin1(name);
        return names.join(QStringLiteral(", "));
    }

    Result<void> parseMail()
    {
        const QJsonValue headers = m_o.value(QLatin1String("headers"));
        if (!headers.isUndefined()) {
            if (!headers.isObject())
                return error(QStringLiteral("headers"), Lab::tr("must be an object of header names and the text each must contain"));
            const QJsonObject o = headers.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key().isEmpty() || !it.value().isString())
                    return error(QStringLiteral("headers"), Lab::tr("\"%1\" must be a header name with a string").arg(it.key()));
                m_step.mailHeaders.append({it.key(), it.value().toString()});
            }
        }
        const QJsonValue attachment = m_o.value(QLatin1String("attachment"));
        if (!attachment.isUndefined()) {
            if (!attachment.isString() || attachment.toString().isEmpty())
                return error(QStringLiteral("attachment"), Lab::tr("must be a file name"));
            m_step.mailAttachment = attachment.toString();
        }
        if (m_step.mailHeaders.isEmpty() && m_step.mailAttachment.isEmpty())
            return error(QStringLiteral("headers/attachment"), Lab::tr("missing: what the message must have"));
        return {};
    }

    // A concurrent step's "send" is the text each client sends; elsewhere one of text, hex, file.
    Result<LabPayload> parsePayload()
    {
        QStringList given;
        const QStringList keys = m_step.kind == LabStepKind::Concurrent ? QStringList{QStringLiteral("send")}
                                                                        : QStringList{QStringLiteral("text"), QStringLiteral("hex"), QStringLiteral("file")};
        for (const QString &key : keys)
            if (m_o.contains(key))
                given << key;
        // In an expect-style step "hex" is what is expected; a send step's "hex" is what is sent.
        if (given.size() != 1)
            return error(keys.join(QLatin1Char('/')), given.isEmpty() ? Lab::tr("missing: what to send") : Lab::tr("give only one of them"));
        const QString key = given.first();
        const QJsonValue v = m_o.value(key);
        if (!v.isString())
            return error(key, Lab::tr("must be a string"));
        LabPayload payload;
        payload.source = v.toString();
        if (key == QLatin1String("file")) {
            payload.format = LabPayload::Format::File;
            if (payload.source.isEmpty())
                return error(key, Lab::tr("must name a file"));
            if (QFileInfo(payload.source).isRelative() && !m_folder.isEmpty())
                payload.source = QDir(m_folder).filePath(payload.source);
            return payload;
        }
        payload.format = key == QLatin1String("hex") ? LabPayload::Format::Hex : LabPayload::Format::Text;
        auto message = MessageTemplate::parse(payload.source, payload.format == LabPayload::Format::Hex ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Text,
                                              m_step.encoding);
        if (!message)
            return error(key, message.error().message());
        payload.message = std::move(message).value();
        return payload;
    }

    Result<LabExpectation> parseExpectation()
    {
        const QStringList keys{QStringLiteral("exact"), QStringLiteral("contains"), QStringLiteral("regex"), QStringLiteral("hex"), QStringLiteral("echo")};
        QStringList given;
        for (const QString &key : keys)
            if (m_o.contains(key))
                given << key;
        if (given.size() != 1)
            return error(keys.join(QLatin1Char('/')), given.isEmpty() ? Lab::tr("missing: what to expect") : Lab::tr("give only one of them"));
        const QString key = given.first();
        const QJsonValue v = m_o.value(key);
        LabExpectation expectation;
        if (const QJsonValue ci = m_o.value(QLatin1String("caseInsensitive")); !ci.isUndefined()) {
            if (!ci.isBool())
                return error(QStringLiteral("caseInsensitive"), Lab::tr("must be true or false"));
            expectation.caseInsensitive = ci.toBool();
        }
        if (key == QLatin1String("echo")) {
            if (v != QJsonValue(true))
                return error(key, Lab::tr("must be true (the reply is exactly what was sent)"));
            expectation.match = LabExpectation::Match::Echo;
            return expectation;
        }
        if (!v.isString())
            return error(key, Lab::tr("must be a string"));
        expectation.source = v.toString();
        if (key == QLatin1String("regex")) {
            expectation.match = LabExpectation::Match::Regex;
            expectation.pattern = expectation.source;
            QRegularExpression re(expectation.pattern);
            if (!re.isValid())
                return error(key, Lab::tr("not a valid regular expression: %1 at %2").arg(re.errorString()).arg(re.patternErrorOffset() + 1));
            return expectation;
        }
        if (expectation.source.isEmpty())
            return error(key, Lab::tr("must not be empty"));
        expectation.match = key == QLatin1String("exact")      ? LabExpectation::Match::Exact
                            : key == QLatin1String("contains") ? LabExpectation::Match::Contains
                                                               : LabExpectation::Match::Bytes;
        const auto mode = expectation.match == LabExpectation::Match::Bytes ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Text;
        const auto parsed = MessageTemplate::parse(expectation.source, mode, m_step.encoding);
        if (!parsed)
            return error(key, parsed.error().message());
        if (!parsed->isConstant())
            return error(key, Lab::tr("macros are not allowed in what is expected (only in what is sent)"));
        expectation.bytes = parsed->constant();
        if (expectation.bytes.size() > limits::kLabExpectMaxBytes)
            return error(key, Lab::tr("longer than %1 bytes").arg(limits::kLabExpectMaxBytes));
        return expectation;
    }

    qsizetype m_index;
    const QJsonObject &m_o;
    QString m_folder;
    LabStep m_step;
};

} // namespace

QString LabText::in(const QString &language) const
{
    if (language.startsWith(QLatin1String("zh")) && !zhCN.isEmpty())
        return zhCN;
    return en.isEmpty() ? zhCN : en;
}

int LabSpec::maxPoints() const
{
    int total = 0;
    for (const LabStep &step : steps)
        total += step.points;
    return total;
}

QString labStepKindName(LabStepKind kind)
{
    return QString::fromLatin1(kStepNames[static_cast<std::size_t>(kind)]);
}

QString labTargetKindName(LabTargetKind kind)
{
    return QString::fromLatin1(kTargetNames[static_cast<std::size_t>(kind)]);
}

Result<LabSpec> parseLab(const QByteArray &json, const QString &folder)
{
    if (json.size() > limits::kLabFileMaxBytes)
        return failure(Lab::tr("larger than %1 MiB: not a lab").arg(limits::kLabFileMaxBytes / limits::MiB));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(Lab::tr("not valid JSON at %1: %2").arg(position(json, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return failure(Lab::tr("not a Socketeer lab: the top level is not a JSON object"));
    const QJsonObject top = document.object();
    if (top.value(QLatin1String("format")).toString() != kFormatName)
        return failure(Lab::tr("not a Socketeer lab: \"format\" is not \"%1\"").arg(kFormatName));
    const QJsonValue version = top.value(QLatin1String("version"));
    if (version != QJsonValue(1))
        return failure(Lab::tr("lab version %1 is not supported (this Socketeer reads version 1)").arg(version.isDouble() ? QString::number(version.toDouble()) : QStringLiteral("?")));
    const QStringList known{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"), QStringLiteral("description"),
                            QStringLiteral("target"), QStringLiteral("encoding"), QStringLiteral("steps")};
    for (const QString &key : top.keys())
        if (!known.contains(key))
            return topError(key, Lab::tr("unknown field (known: %1)").arg(known.join(QStringLiteral(", "))));

    LabSpec lab;
    lab.folder = folder;
    for (auto [key, into, required] : {std::tuple{QStringLiteral("title"), &lab.title, true}, std::tuple{QStringLiteral("description"), &lab.description, false}}) {
        const QJsonValue v = top.value(key);
        if (v.isUndefined()) {
            if (required)
                return topError(key, Lab::tr("missing"));
            continue;
        }
        QString problem;
        const auto text = labText(v, &problem);
        if (!text)
            return topError(key, problem);
        *into = *text;
    }

    const QJsonValue targetValue = top.value(QLatin1String("target"));
    if (!targetValue.isObject())
        return topError(QStringLiteral("target"), Lab::tr("must be an object such as {\"kind\": \"tcpServer\", \"port\": 50007}"));
    const QJsonObject target = targetValue.toObject();
    for (const QString &key : target.keys())
        if (key != QLatin1String("kind") && key != QLatin1String("host") && key != QLatin1String("port"))
            return topError(QStringLiteral("target.") + key, Lab::tr("unknown field (known: kind, host, port)"));
    const QString kindName = target.value(QLatin1String("kind")).toString();
    const auto kind = std::find_if(kTargetNames.begin(), kTargetNames.end(), [&](const char *n) { return kindName == QLatin1String(n); });
    if (kind == kTargetNames.end())
        return topError(QStringLiteral("target.kind"), Lab::tr("must be tcpServer, tcpClient, udpServer or mailSender"));
    lab.target = static_cast<LabTargetKind>(kind - kTargetNames.begin());
    if (const QJsonValue v = target.value(QLatin1String("host")); !v.isUndefined()) {
        if (!v.isString() || v.toString().isEmpty())
            return topError(QStringLiteral("target.host"), Lab::tr("must be a host name or address"));
        lab.host = v.toString();
    }
    if (const QJsonValue v = target.value(QLatin1String("port")); !v.isUndefined()) {
        const auto port = wholeNumber(v, 1, 65535);
        if (!port)
            return topError(QStringLiteral("target.port"), Lab::tr("must be a port from 1 to 65535"));
        lab.port = static_cast<quint16>(*port);
    }

    TextEncoding encoding = TextEncoding::Utf8;
    if (const QJsonValue v = top.value(QLatin1String("encoding")); !v.isUndefined()) {
        const auto named = v.isString() ? encodingFromName(v.toString()) : std::nullopt;
        if (!named)
            return topError(QStringLiteral("encoding"), Lab::tr("must be UTF-8, GBK, GB18030 or Latin-1"));
        encoding = *named;
    }

    const QJsonValue stepsValue = top.value(QLatin1String("steps"));
    if (!stepsValue.isArray() || stepsValue.toArray().isEmpty())
        return topError(QStringLiteral("steps"), Lab::tr("must be a list of at least one step"));
    const QJsonArray steps = stepsValue.toArray();
    if (steps.size() > limits::kLabMaxSteps)
        return topError(QStringLiteral("steps"), Lab::tr("more than %1 steps").arg(limits::kLabMaxSteps));
    QSet<QString> opened;
    bool inbox = false;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (!steps.at(i).isObject())
            return stepError(i, QStringLiteral("steps"), Lab::tr("each step is a JSON object"));
        const QJsonObject object = steps.at(i).toObject();
        StepParser parser(i, object, encoding, folder);
        auto step = parser.parse();
        if (!step)
            return step.error();
        // A step must suit the student's program: a TCP server is connected to, a client is
        // listened for, a UDP server gets datagrams.
        const bool tcpServerStep = step->kind == LabStepKind::Connect || step->kind == LabStepKind::Concurrent;
        const bool udpStep = step->kind == LabStepKind::UdpSend || step->kind == LabStepKind::UdpExpect;
        const bool mailStep = step->kind == LabStepKind::Inbox || step->kind == LabStepKind::ExpectMail;
        if ((tcpServerStep && lab.target != LabTargetKind::TcpServer) || (step->kind == LabStepKind::Listen && lab.target != LabTargetKind::TcpClient)
            || (udpStep != (lab.target == LabTargetKind::UdpServer)) || (mailStep != (lab.target == LabTargetKind::MailSender)))
            return stepError(i, QStringLiteral("type"), Lab::tr("a %1 step does not suit a %2 target").arg(labStepKindName(step->kind), labTargetKindName(lab.target)));
        if (step->kind == LabStepKind::Inbox)
            inbox = true;
        if (step->kind == LabStepKind::ExpectMail && !inbox)
            return stepError(i, QStringLiteral("type"), Lab::tr("an expectMail step needs an inbox step before it"));
        if (step->kind == LabStepKind::Connect || step->kind == LabStepKind::Listen) {
            opened.insert(step->connection);
            if (opened.size() > limits::kLabMaxConnections)
                return stepError(i, QStringLiteral("connection"), Lab::tr("more than %1 connections").arg(limits::kLabMaxConnections));
        } else if (!step->connection.isEmpty() && !opened.contains(step->connection)) {
            return stepError(i, QStringLiteral("connection"), Lab::tr("\"%1\" is not opened by an earlier connect or listen step").arg(step->connection));
        }
        lab.steps.append(std::move(step).value());
    }
    return lab;
}

QStringList builtInLabNames()
{
    QStringList names;
    for (const QString &file : QDir(kBuiltInPrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << file.chopped(5);
    return names;
}

Result<LabSpec> readLab(const QString &pathOrName)
{
    QString path = pathOrName;
    // A bare name that is no file: a built-in lab ("echo-server").
    if (!QFileInfo::exists(path) && !pathOrName.contains(QLatin1Char('/')) && !pathOrName.endsWith(QLatin1String(".json"))
        && QFileInfo::exists(kBuiltInPrefix + pathOrName + QStringLiteral(".json")))
        path = kBuiltInPrefix + pathOrName + QStringLiteral(".json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Lab::tr("Could not read %1: %2").arg(QDir::toNativeSeparators(pathOrName), file.errorString()));
    // Read one byte past the limit rather than trusting size(): a pipe has none.
    const QByteArray bytes = file.read(limits::kLabFileMaxBytes + 1);
    if (bytes.size() > limits::kLabFileMaxBytes)
        return failure(Lab::tr("%1 is larger than %2 MiB: not a lab").arg(QDir::toNativeSeparators(pathOrName)).arg(limits::kLabFileMaxBytes / limits::MiB));
    auto lab = parseLab(bytes, path.startsWith(QLatin1Char(':')) ? QString() : QFileInfo(path).absolutePath());
    if (!lab)
        return failure(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(pathOrName), lab.error().message()));
    return lab;
}

} // namespace socketeer
