#pragma once
// A lab: an exercise a teacher writes and Socketeer grades. One JSON file (docs/LABS.md, version 1)
// names what the student's program is (a TCP server, a TCP client, a UDP server, a mail sender)
// and lists steps run against it in order: connect, listen, send, expect, expectClose, close,
// concurrent, udpSend, udpExpect, inbox, expectMail. Each step has points, a hint shown when it fails, and may be hidden (run and scored,
// its details kept from the student's report).
//
// Parsing checks everything once: an error names the step (1-based) and the field, and nothing
// runs. Every count, size and timeout is bounded by limits.h (kLab…).

#include "net/error.h"
#include "text/encoding.h"
#include "text/macros.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace socketeer {

// Text in a lab in English and, optionally, Simplified Chinese ("title": "…" or {"en": …, "zh_CN": …}).
struct LabText {
    QString en;
    QString zhCN;
    // The language's text, falling back to English (and English to Chinese when only that is given).
    QString in(const QString &language) const;
    bool isEmpty() const { return en.isEmpty() && zhCN.isEmpty(); }
    friend bool operator==(const LabText &, const LabText &) = default;
};

enum class LabTargetKind { TcpServer, TcpClient, UdpServer, MailSender };

enum class LabStepKind { Connect, Listen, Send, Expect, ExpectClose, Close, Concurrent, UdpSend, UdpExpect, Inbox, ExpectMail };

// What a send carries: text with escapes and macros, hex (with macros), or a file's bytes.
struct LabPayload {
    enum class Format { Text, Hex, File };
    Format format = Format::Text;
    QString source;            // as written in the lab; File: the path, resolved against the lab's folder
    MessageTemplate message;   // Text and Hex: parsed once
};

// What an expect compares the bytes received with.
struct LabExpectation {
    enum class Match { Exact, Contains, Regex, Bytes, Echo };
    Match match = Match::Exact;
    QString source;      // the text, pattern or hex as written (shown in the report)
    QByteArray bytes;    // Exact, Contains, Bytes: the bytes looked for (text encoded with the step's encoding)
    QString pattern;     // Regex: matched against the bytes decoded with the step's encoding
    bool caseInsensitive = false;
};

struct LabStep {
    LabStepKind kind = LabStepKind::Send;
    LabText title;                   // optional; the report names the step by kind otherwise
    LabText hint;
    int points = 1;
    bool hidden = false;
    QString connection;              // connect, listen, send, expect, expectClose, close: its name ("main")
    int timeoutMs = 0;               // connect, listen, expect, expectClose, concurrent, udpExpect
    TextEncoding encoding = TextEncoding::Utf8;
    std::optional<LabPayload> payload;          // send, udpSend, concurrent
    std::optional<LabExpectation> expectation;  // expect, udpExpect, concurrent
    int clients = 0;                 // concurrent
    quint16 listenPort = 0;          // listen: 0 = any free port (reported)
    // expectMail: each header (name, case-insensitive) must contain its text; and, when set, an
    // attachment of exactly this (decoded) file name.
    QList<QPair<QString, QString>> mailHeaders;
    QString mailAttachment;
};

struct LabSpec {
    LabText title;
    LabText description;
    LabTargetKind target = LabTargetKind::TcpServer;
    QString host = QStringLiteral("127.0.0.1");   // the student's server (overridden by --target)
    quint16 port = 0;                             // 0: the lab needs --target
    QList<LabStep> steps;
    QString folder;   // where the lab file is: relative "file" payloads are read from there

    int maxPoints() const;
};

QString labStepKindName(LabStepKind kind);     // "connect", "expectClose", … (as written in a lab)
QString labTargetKindName(LabTargetKind kind); // "tcpServer", "tcpClient", "udpServer", "mailSender"

// `folder`: where relative file payloads are read from (the lab file's folder).
Result<LabSpec> parseLab(const QByteArray &json, const QString &folder = {});
// Reads and parses a lab file, refusing one larger than limits::kLabFileMaxBytes unread. A name
// without a folder or ".json" that is no file ("echo-server") is looked up among the built-in labs.
Result<LabSpec> readLab(const QString &pathOrName);
// The built-in labs' names ("echo-server", …), from the resources.
QStringList builtInLabNames();

} // namespace socketeer
